"""A resume refused over an input file changed since the interrupted run names the file and what
changed (its size, its modification time; a file added or removed in a folder), a few of them
and how many more; a manifest written before the files were kept one by one (the digest alone)
still resumes over unchanged inputs and still refuses a change, in the words it had."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone

import pytest

from cleaner import input_fingerprint as fingerprint_module
from cleaner.cli import main
from cleaner.folders import files_of
from cleaner.inputs import ReadOptions
from cleaner.shards import _JsonlShard
from scale_helpers import real_docs, shard_records, write_jsonl

GENERIC = ("cannot resume: a file of the inputs was added, removed or changed (its size or "
           "time) since the interrupted run")
SHARD_SIZE = 20


def _utc(ns: int) -> str:
    """A modification time as a refused resume says it: ISO 8601 in UTC, to the second."""
    return datetime.fromtimestamp(ns // 10**9, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _old_digest(inputs: list[str]) -> str:
    """The run key's "input_files" as cleaner wrote it before it kept each file: one digest of
    every file read, below its input as named, with its size and modification time."""
    digest = hashlib.sha256()
    for name in inputs:
        for file in files_of(name, ReadOptions()):
            below = os.path.relpath(file, name) if file != name else "."
            info = os.stat(file)
            digest.update(f"{below}\t{info.st_size}\t{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _stopped_after_the_first_shard(monkeypatch, inputs, out) -> list[str]:
    """A run of `inputs` into `out` that a full disk stops once its first shard is finished
    (exit 1, the manifest at that checkpoint); the run's arguments."""
    args = ["clean", *map(str, inputs), "-o", str(out), "--shard-size", str(SHARD_SIZE), "-q",
            "--workers", "1"]
    real_write = _JsonlShard.write_line
    written = {"n": 0}

    def filling_up(self, line, row=None):
        written["n"] += 1
        if written["n"] > SHARD_SIZE:
            raise OSError(28, os.strerror(28))
        real_write(self, line, row)

    monkeypatch.setattr(_JsonlShard, "write_line", filling_up)
    assert main(args) == 1
    monkeypatch.setattr(_JsonlShard, "write_line", real_write)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert not manifest["complete"] and len(manifest["shards"]) == 1
    return args


@pytest.fixture
def two_inputs(tmp_path):
    docs = real_docs(60)
    return (write_jsonl(tmp_path / "a.jsonl", docs[:30]),
            write_jsonl(tmp_path / "b.jsonl", docs[30:]))


@pytest.fixture
def reference(two_inputs, tmp_path):
    """The records of the same run, uninterrupted."""
    out = tmp_path / "reference"
    assert main(["clean", *map(str, two_inputs), "-o", str(out), "--shard-size",
                 str(SHARD_SIZE), "-q", "--workers", "1"]) == 0
    return shard_records(out)


def _appended(path) -> tuple[int, int]:
    """Append a line to a file; its size and modification time (ns) before."""
    info = os.stat(path)
    with open(path, "ab") as f:
        f.write(json.dumps({"id": "late", "text": "Sebuah berita yang datang terlambat."})
                .encode() + b"\n")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    return info.st_size, info.st_mtime_ns


def _touched(path) -> int:
    """Give a file a new modification time, its bytes as they are; its time (ns) before."""
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 7_000_000_000))
    return info.st_mtime_ns


def _put_back(path, size: int, mtime_ns: int) -> None:
    """The file as the interrupted run read it: cut back to `size`, with its time then."""
    os.truncate(path, size)
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_grown_input_is_named_with_its_size(two_inputs, reference, tmp_path, monkeypatch,
                                              capsys):
    first, second = two_inputs
    out = tmp_path / "out"
    args = _stopped_after_the_first_shard(monkeypatch, two_inputs, out)
    size, mtime = _appended(second)
    grown = os.stat(second).st_size
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert f"{GENERIC}: {second} (its size: {size} bytes, now {grown})" in err
    assert str(first) not in err
    # The file as it was: the run resumes, and its records are the uninterrupted run's.
    _put_back(second, size, mtime)
    assert main(args + ["--resume"]) == 0
    assert shard_records(out) == reference


def test_a_touched_input_is_named_with_its_time(two_inputs, reference, tmp_path, monkeypatch,
                                               capsys):
    first, second = two_inputs
    out = tmp_path / "out"
    args = _stopped_after_the_first_shard(monkeypatch, two_inputs, out)
    mtime = _touched(first)
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert (f"{GENERIC}: {first} (its modification time: {_utc(mtime)}, now "
            f"{_utc(os.stat(first).st_mtime_ns)})") in err
    assert str(second) not in err
    _put_back(first, os.stat(first).st_size, mtime)
    assert main(args + ["--resume"]) == 0
    assert shard_records(out) == reference


def test_both_changed_inputs_are_named_in_the_order_they_are_read(two_inputs, tmp_path,
                                                                 monkeypatch, capsys):
    first, second = two_inputs
    args = _stopped_after_the_first_shard(monkeypatch, two_inputs, tmp_path / "out")
    mtime = _touched(first)
    size, _ = _appended(second)
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    assert (f"{GENERIC}: {first} (its modification time: {_utc(mtime)}, now "
            f"{_utc(os.stat(first).st_mtime_ns)}), {second} (its size: {size} bytes, "
            f"now {os.stat(second).st_size}) (see ") in capsys.readouterr().err


def test_many_changed_inputs_are_named_a_few_and_counted(tmp_path, monkeypatch, capsys):
    docs = real_docs(40)
    inputs = [write_jsonl(tmp_path / f"part{n}.jsonl", docs[n * 5:n * 5 + 5]) for n in range(8)]
    args = _stopped_after_the_first_shard(monkeypatch, inputs, tmp_path / "out")
    touched = {path: _touched(path) for path in inputs[1:]}
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    named = ", ".join(f"{path} (its modification time: {_utc(touched[path])}, now "
                      f"{_utc(os.stat(path).st_mtime_ns)})" for path in inputs[1:4])
    assert f"{GENERIC}: {named} and 4 more (see " in err
    assert str(inputs[0]) not in err and str(inputs[4]) not in err


def test_a_file_added_or_removed_in_a_folder_is_named_under_the_folder(tmp_path, monkeypatch,
                                                                     capsys):
    folder = tmp_path / "dump"
    folder.mkdir()
    docs = real_docs(60)
    write_jsonl(folder / "b.jsonl", docs[:30])
    write_jsonl(folder / "c.jsonl", docs[30:])
    args = _stopped_after_the_first_shard(monkeypatch, [folder], tmp_path / "out")
    write_jsonl(folder / "a.jsonl", docs[:3])                # read before b.jsonl
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    assert f"{GENERIC}: {folder / 'a.jsonl'} (added) (see " in capsys.readouterr().err
    (folder / "a.jsonl").unlink()
    (folder / "c.jsonl").unlink()
    assert main(args + ["--resume"]) == 2
    assert f"{GENERIC}: {folder / 'c.jsonl'} (removed) (see " in capsys.readouterr().err


def test_a_folder_of_more_files_than_are_listed_is_named_as_the_folder(tmp_path, monkeypatch,
                                                                     capsys):
    # Past FILES_LISTED files the manifest (rewritten at every checkpoint) keeps a digest per
    # input, not per file: the input that changed is named.
    monkeypatch.setattr(fingerprint_module, "FILES_LISTED", 1)
    folder, single = tmp_path / "dump", tmp_path / "single.jsonl"
    folder.mkdir()
    docs = real_docs(60)
    write_jsonl(folder / "b.jsonl", docs[:20])
    write_jsonl(folder / "c.jsonl", docs[20:40])
    write_jsonl(single, docs[40:])
    out = tmp_path / "out"
    args = _stopped_after_the_first_shard(monkeypatch, [single, folder], out)
    kept = json.loads((out / "_manifest.json").read_text())["run"]["input_files"]
    assert all("files" not in one for one in kept["inputs"])
    _touched(folder / "c.jsonl")
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    assert (f"{GENERIC}: {folder} (a file in it was added, removed or changed) (see "
            in capsys.readouterr().err)


def _as_written_before(out, inputs) -> None:
    """The manifest's run key as cleaner wrote it before it kept each file: the digest alone."""
    path = out / "_manifest.json"
    manifest = json.loads(path.read_text())
    manifest["run"]["input_files"] = _old_digest([str(name) for name in inputs])
    path.write_text(json.dumps(manifest))


def test_a_manifest_of_the_older_form_still_resumes_over_unchanged_inputs(
        two_inputs, reference, tmp_path, monkeypatch):
    out = tmp_path / "out"
    args = _stopped_after_the_first_shard(monkeypatch, two_inputs, out)
    _as_written_before(out, two_inputs)
    assert main(args + ["--resume"]) == 0
    assert shard_records(out) == reference
    # The resume kept the files one by one from then on: a later refusal can name them.
    kept = json.loads((out / "_manifest.json").read_text())["run"]["input_files"]
    assert kept["digest"] == _old_digest([str(name) for name in two_inputs])
    assert [one["input"] for one in kept["inputs"]] == [str(name) for name in two_inputs]


def test_a_manifest_of_the_older_form_still_refuses_a_change_in_its_words(
        two_inputs, tmp_path, monkeypatch, capsys):
    first, second = two_inputs
    out = tmp_path / "out"
    args = _stopped_after_the_first_shard(monkeypatch, two_inputs, out)
    _as_written_before(out, two_inputs)
    _appended(second)
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert f"{GENERIC} (see " in err
    assert str(second) not in err.split("(see")[0]


@pytest.mark.parametrize("kept", [
    "not a digest", 7, None, [], {"digest": 7}, {"digest": "x", "inputs": "nope"},
    {"digest": "x", "inputs": [{"input": 3, "files": [{"file": None}]}]},
    {"digest": "x", "inputs": [{"input": "a", "files": [7, {"size": "big"}]}, "odd"]}])
def test_a_hand_edited_fingerprint_is_refused_in_the_old_words_not_a_traceback(
        two_inputs, tmp_path, monkeypatch, capsys, kept):
    out = tmp_path / "out"
    args = _stopped_after_the_first_shard(monkeypatch, two_inputs, out)
    path = out / "_manifest.json"
    manifest = json.loads(path.read_text())
    manifest["run"]["input_files"] = kept
    path.write_text(json.dumps(manifest))
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert f"{GENERIC} (see " in err and "Traceback" not in err


@pytest.mark.skipif(os.name != "posix", reason="a file name of bytes that are not UTF-8")
def test_a_folder_holding_a_file_named_in_bytes_that_are_not_utf8_runs_and_resumes(
        tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.jsonl")
    write_jsonl(type(folder)(os.fsdecode(odd)), real_docs(50))
    out = tmp_path / "out"
    # The manifest, JSON, names the file: an undecodable name ended the run with a traceback.
    args = _stopped_after_the_first_shard(monkeypatch, [folder], out)
    assert "caf\\\\xe9.jsonl" in (out / "_manifest.json").read_text()
    assert main(args + ["--resume"]) == 0
    assert len(shard_records(out)) == 50
