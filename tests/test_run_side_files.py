"""The files beside the output: a rejects file that cannot be written is named in the error (found before the run where it cannot be made), and a
--stats or --report path that cannot be written is refused before the run, leaving no file."""

from __future__ import annotations

import json
import os

import pytest

from cleaner.cli import main
from scale_helpers import real_docs, write_jsonl


@pytest.fixture
def dump(tmp_path):
    return write_jsonl(tmp_path / "in.jsonl", real_docs(20), bad_lines={5: b"[1]"})


def test_a_rejects_file_that_cannot_be_written_is_named(dump, tmp_path, capsys):
    # A file where its folder should be: bad usage, found before the run (it was found at the
    # first reject, exit 1, "writing output failed: Not a directory; it was the rejects file").
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the rejects' folder should be")
    rejects = blocked / "rejects.jsonl"
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "--rejects", str(rejects), "-q",
                 "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {rejects}: {blocked} is a file, not a folder; give --rejects a path " \
           "that can be written" in err
    assert not out.exists()


def test_a_rejects_file_on_a_full_disk_is_named_too(dump, tmp_path, monkeypatch, capsys):
    import errno

    from cleaner import writers

    class Full:
        def __init__(self, stream):
            self.stream = stream

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.stream, name)

    real_open = writers._open_for_writing
    monkeypatch.setattr(writers, "_open_for_writing", lambda tmp, final, level=None: (
        Full(real_open(tmp, final, level)) if final.endswith("rej.jsonl")
        else real_open(tmp, final, level)))
    rejects = tmp_path / "rej.jsonl"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--rejects", str(rejects),
                 "-q", "--workers", "1"]) == 1
    assert "writing output failed: the output disk is full (No space left on device); it was " \
           f"the rejects file {rejects} (" in capsys.readouterr().err


def test_a_failing_output_is_not_said_to_be_the_rejects_file(dump, tmp_path, monkeypatch,
                                                             capsys):
    import errno

    from cleaner import writers

    class Full:
        def __init__(self, stream):
            self.stream = stream

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.stream, name)

    real_open = writers._open_for_writing
    monkeypatch.setattr(writers, "_open_for_writing", lambda tmp, final, level=None: (
        Full(real_open(tmp, final, level)) if final.endswith("out.jsonl")
        else real_open(tmp, final, level)))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q",
                 "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "writing output failed: the output disk is full" in err and "rejects file" not in err


def test_the_rejects_file_of_shards_that_cannot_be_opened_is_named(dump, tmp_path, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the rejects' folder should be")
    assert main(["clean", str(dump), "-o", str(tmp_path / "out"), "--shard-size", "10",
                 "--rejects", str(blocked / "r.jsonl")]) == 2
    assert f"error: cannot write {blocked / 'r.jsonl'}: {blocked} is a file, not a folder" in \
        capsys.readouterr().err


def test_an_output_that_cannot_be_opened_is_named_by_its_own_name(dump, tmp_path, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the output's folder should be")
    assert main(["clean", str(dump), "-o", str(blocked / "o.jsonl")]) == 2
    assert f"error: cannot write {blocked / 'o.jsonl'}: {blocked} is a file, not a folder" in \
        capsys.readouterr().err


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="a folder no file can be made in")
def test_an_output_folder_no_file_can_be_made_in_is_said_of_the_output_not_its_rejects(
        dump, capsys):
    # The rejects beside the output were tried first, and the error named them alone.
    assert main(["clean", str(dump), "-o", "/proc/out.jsonl", "-q"]) == 1
    err = capsys.readouterr().err
    assert "error: cannot write /proc/out.jsonl: No such file or directory" in err
    assert "rejects" not in err


@pytest.mark.parametrize("option", ["--stats", "--report"])
def test_a_side_file_path_that_is_a_folder_is_refused_before_the_run(dump, tmp_path, option,
                                                                     capsys):
    # Found only after the whole run before: the output complete, exit 1.
    side = tmp_path / "side"
    side.mkdir()
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), option, str(side), "-q"]) == 2
    err = capsys.readouterr().err
    assert f"error: cannot write {side}: Is a directory; give {option} a path that can be " \
           "written" in err
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a folder without write permission")
def test_a_side_file_in_a_folder_that_cannot_be_written_is_refused_before_the_run(
        dump, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    out = tmp_path / "out.jsonl"
    try:
        assert main(["clean", str(dump), "-o", str(out), "--stats",
                     str(locked / "s.json")]) == 2
    finally:
        locked.chmod(0o755)
    assert "Permission denied; give --stats a path" in capsys.readouterr().err
    assert not out.exists() and not list(locked.iterdir())


def test_trying_the_side_files_leaves_no_file_when_the_run_then_fails(dump, tmp_path):
    stats, report = tmp_path / "s.json", tmp_path / "r" / "report.html"
    # (the output refused after the side files are tried: an input that is the output)
    assert main(["clean", str(dump), "-o", str(dump), "--stats", str(stats), "--report",
                 str(report), "-q"]) == 2
    assert not stats.exists() and not report.exists()


def test_trying_an_existing_side_file_leaves_it_as_it_was(dump, tmp_path):
    stats = tmp_path / "s.json"
    stats.write_text("an earlier run's")
    assert main(["clean", str(dump), "-o", str(dump), "--stats", str(stats), "-q"]) == 2
    assert stats.read_text() == "an earlier run's"


def test_the_rejects_file_of_shards_on_a_full_disk_is_named(dump, tmp_path, monkeypatch,
                                                            capsys):
    import errno

    from cleaner import shards

    class FullOnFlush:
        def __init__(self, stream):
            self.stream = stream

        def flush(self):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.stream, name)

    rejects = tmp_path / "rej.jsonl"
    monkeypatch.setattr(shards, "open", lambda path, mode="r", *args: (
        FullOnFlush(open(path, mode, *args)) if str(path) == str(rejects)
        else open(path, mode, *args)), raising=False)
    assert main(["clean", str(dump), "-o", str(tmp_path / "out"), "--shard-size", "5",
                 "--rejects", str(rejects), "-q", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert f"the output disk is full (No space left on device); it was the rejects file " \
           f"{rejects} (--rejects PATH writes them elsewhere)" in err
    # (no shard renamed into place that the manifest does not record: it said "1 shards")
    assert "0 shards (0 records) are complete and kept" in err and "--resume" in err


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="a folder no file can be made in")
@pytest.mark.parametrize("output", ["out.jsonl", "out.parquet"])
def test_a_rejects_file_that_cannot_be_made_stops_the_run_before_it_cleans(dump, tmp_path,
                                                                           capsys, output):
    # Found at the first reject, after all the cleaning before it: the run failed with nothing
    # written, and a dump with no reject ran through.
    out, stats = tmp_path / output, tmp_path / "s.json"
    assert main(["clean", str(dump), "-o", str(out), "--rejects", "/proc/rejects.jsonl",
                 "--stats", str(stats), "-q", "--workers", "1"]) == 1
    assert "error: cannot write /proc/rejects.jsonl: No such file or directory" in \
        capsys.readouterr().err
    assert not out.exists() and set(tmp_path.iterdir()) == {dump, stats}
    assert json.loads(stats.read_text())["documents_read"] == 0
