"""Sharded output: shards complete or absent; kill -9, Ctrl-C or a full disk, then --resume, equals one clean run."""

from __future__ import annotations

import errno
import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest
import zstandard

from cleaner.cli import main
from cleaner.shards import ShardedOutput, _JsonlShard, is_shard_name
from conftest import ROOT
from scale_helpers import read_jsonl, shard_records, write_jsonl

DOC = ("Jakarta (ANTARA News) - Berita nomor {i} tentang banjir di kota.\n\n"
       "Baca juga: Banjir lain di kota sebelah\n\nWarga mengungsi ke tempat yang aman. (ant)")


def small_dump(path, count):
    rows = [{"id": f"d{i:05d}", "url": "https://www.antaranews.com/berita/" + str(i),
             "text": DOC.format(i=i)} for i in range(count)]
    bad = {i: b'{"id": "broken", "text": ' for i in range(37, count, 211)}
    bad.update({i: b"[1, 2, 3]" for i in range(101, count, 307)})
    return write_jsonl(path, rows, bad_lines=bad)


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    return small_dump(tmp_path_factory.mktemp("shards") / "in.jsonl", 1500)


@pytest.fixture(scope="module")
def reference(dump, tmp_path_factory):
    """The uninterrupted run: records and rejects."""
    out = tmp_path_factory.mktemp("ref") / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q",
                 "--workers", "1"]) == 0
    return shard_records(out), read_jsonl(out / "_rejects.jsonl")


def assert_same_run(out, reference):
    records, rejects = reference
    got = shard_records(out)
    assert len(got) == len(records)
    for mine, theirs in zip(got, records):          # record by record
        assert mine == theirs
    assert read_jsonl(out / "_rejects.jsonl") == rejects
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["complete"] and manifest["records"] == len(records)


def test_shards_are_numbered_and_hold_shard_size_records(dump, reference, tmp_path):
    records, rejects = reference
    out = tmp_path / "out"
    stats = tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "400", "-q",
                 "--stats", str(stats)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["_manifest.json", "_rejects.jsonl", "part-00000.jsonl", "part-00001.jsonl",
                     "part-00002.jsonl", "part-00003.jsonl"]
    assert [len(read_jsonl(out / n)) for n in names[2:]] == [400, 400, 400, 300]
    assert_same_run(out, reference)
    assert len(rejects) == 12 and json.loads(stats.read_text())["written"] == 1500


def _counts(stats_path):
    """A run's statistics without its timings."""
    stats = json.loads(stats_path.read_text())
    return {k: v for k, v in stats.items() if k not in ("seconds", "stage_seconds")}


@pytest.mark.parametrize("shard_size", ["40", "1000", "100000"])
def test_shards_count_what_one_output_file_counts(dump, tmp_path, shard_size):
    """Batches that fit in a shard are written and counted at once, the others record by
    record; both agree with a single file's counts, and the manifest's with the --stats file."""
    single, sharded = tmp_path / "one.jsonl", tmp_path / "shards"
    assert main(["clean", str(dump), "-o", str(single), "-q", "--workers", "2",
                 "--stats", str(tmp_path / "one.json")]) == 0
    assert main(["clean", str(dump), "-o", str(sharded), "--shard-size", shard_size, "-q",
                 "--workers", "2", "--stats", str(tmp_path / "shards.json")]) == 0
    assert _counts(tmp_path / "shards.json") == _counts(tmp_path / "one.json")
    assert shard_records(sharded) == read_jsonl(single)
    manifest = json.loads((sharded / "_manifest.json").read_text())
    assert [s["records"] for s in manifest["shards"]][:-1] == \
        [int(shard_size)] * (len(manifest["shards"]) - 1)


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("fmt", ["jsonl", "jsonl.gz", "parquet"])
def test_a_run_of_rejects_alone_leaves_no_temporary_shard(tmp_path, fmt, workers):
    """Every input refused: the folder holds the manifest and the rejects, no shard of JSON
    lines (Parquet's one shard of no record, in the schema), and no shard's temporary file (a
    batch of rejects alone opened one, never renamed)."""
    dump = tmp_path / "dump.jsonl"
    dump.write_text("[1]\n" * 5 + "{\"text\": 3}\n")
    out = tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--format", fmt, "-q",
                 "--workers", workers]) == 0
    shards = ["part-00000.parquet"] if fmt == "parquet" else []
    assert sorted(p.name for p in out.iterdir()) == ["_manifest.json", "_rejects.jsonl", *shards]
    assert len(read_jsonl(out / "_rejects.jsonl")) == 6
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["complete"] and [s["name"] for s in manifest["shards"]] == shards
    assert manifest["rejects"] == 6 and manifest["records"] == 0


@pytest.mark.parametrize("fmt", ["jsonl.gz", "jsonl.zst"])
def test_compressed_shards(dump, reference, tmp_path, fmt):
    out = tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "700", "--format", fmt,
                 "-q"]) == 0
    first = (out / f"part-00000.{fmt}").read_bytes()
    raw = gzip.decompress(first) if fmt.endswith("gz") else \
        zstandard.ZstdDecompressor().decompressobj().decompress(first)
    assert len(raw.splitlines()) == 700
    assert_same_run(out, reference)


def _start(dump, out, *extra):
    return subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o", str(out),
                             "--shard-size", "40", *(extra or ("--workers", "1"))],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_shards(proc, out, count, timeout=60):
    manifest = out / "_manifest.json"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be interrupted: {proc.communicate()}")
        try:
            if len(json.loads(manifest.read_text())["shards"]) >= count:
                return
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            pass
        time.sleep(0.005)
    pytest.fail("no shards appeared in time")


def _children(pid):
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _gone(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


@pytest.mark.parametrize("workers", ["1", "2"])
def test_kill_9_then_resume_equals_an_uninterrupted_run(dump, reference, tmp_path, workers):
    out = tmp_path / "out"
    proc = _start(dump, out, "--workers", workers)
    _wait_for_shards(proc, out, 3)
    workers_pids = _children(proc.pid) if sys.platform.startswith("linux") else []
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while workers_pids and not all(_gone(p) for p in workers_pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(p) for p in workers_pids), "worker processes outlived the killed run"
    done = json.loads((out / "_manifest.json").read_text())
    assert not done["complete"] and 0 < done["records"] < 1500
    resumed = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o",
                              str(out), "--shard-size", "40", "--resume", "--workers", "1"],
                             cwd=ROOT, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"resuming after {done['inputs_done']} input documents" in resumed.stderr
    assert_same_run(out, reference)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_stops_cleanly_and_says_how_to_resume(dump, reference, tmp_path,
                                                                signum):
    out = tmp_path / "out"
    proc = _start(dump, out)
    _wait_for_shards(proc, out, 2)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    err = err.decode()
    assert proc.returncode == 128 + signum, err
    assert "interrupted; " in err and "--resume" in err
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "--resume", "-q"]) == 0
    assert_same_run(out, reference)


def test_sigterm_to_the_process_group_stops_a_pooled_run_once_and_it_resumes(dump, reference,
                                                                           tmp_path):
    # `timeout` and job schedulers signal the whole group: the workers must leave the stopping
    # to the main process (one message, shards whole), not die under it or answer it too.
    out = tmp_path / "out"
    # (--max-record-bytes below the reader's 512 KiB blocks: the main process then sends
    # documents in batches of 128, not the small dump's one block of lines, so that there are
    # batches left to stop before)
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o",
                             str(out), "--shard-size", "40", "--workers", "2",
                             "--max-record-bytes", "100000"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    _wait_for_shards(proc, out, 2)
    # Held still while the group is signalled, so that 2 workers cannot finish the small
    # dump first; the signal is handled when it goes on.
    os.kill(proc.pid, signal.SIGSTOP)
    os.killpg(proc.pid, signal.SIGTERM)
    os.kill(proc.pid, signal.SIGCONT)
    _, err = proc.communicate(timeout=60)
    err = err.decode()
    assert proc.returncode == 143, err
    assert err.count("stopping after the current batch") == 1, err
    assert "worker process died" not in err and "--resume" in err
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "--resume", "-q",
                 "--max-record-bytes", "100000"]) == 0
    assert_same_run(out, reference)


def _disk_fills_after(monkeypatch, records: int):
    """Shards refuse every record after the first `records` as a full disk does; the real write."""
    real_write = _JsonlShard.write_line
    written = {"n": 0}

    def filling_up(self, line, row=None):
        written["n"] += 1
        if written["n"] > records:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(self, line, row)

    monkeypatch.setattr(_JsonlShard, "write_line", filling_up)
    return real_write


def test_full_disk_keeps_finished_shards_and_resume_completes(dump, reference, tmp_path,
                                                               monkeypatch, capsys):
    out = tmp_path / "out"
    real_write = _disk_fills_after(monkeypatch, 130)
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40"]) == 1
    err = capsys.readouterr().err
    assert "the output disk is full" in err and "3 shards (120 records) are complete" in err
    assert "--resume" in err
    assert sorted(p.name for p in out.glob("part-*")) == [f"part-0000{i}.jsonl" for i in range(3)]
    monkeypatch.setattr(_JsonlShard, "write_line", real_write)
    # --shard-size left out: the interrupted run's own 40, not the default.
    assert main(["clean", str(dump), "-o", str(out), "--resume", "-q"]) == 0
    assert_same_run(out, reference)


def test_a_used_folder_needs_resume_and_the_same_options(dump, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "500", "-q"]) == 0
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "500", "-q"]) == 2
    # A finished run: nothing to continue, so no --resume is offered.
    assert "already holds a finished run" in capsys.readouterr().err
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "300", "--resume"]) == 2
    assert "--shard-size 300 differs from the finished run's 500" in capsys.readouterr().err
    assert main(["clean", str(dump), "-o", str(out), "--format", "parquet", "--resume"]) == 2
    assert "--format parquet differs from the finished run's jsonl" in capsys.readouterr().err
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "500", "--resume"]) == 0
    assert "already complete" in capsys.readouterr().err
    assert main(["clean", str(dump), "-o", str(tmp_path / "x.jsonl"), "--resume"]) == 2
    assert "--resume needs sharded output" in capsys.readouterr().err


def test_resume_where_no_run_was_starts_one_and_says_so(dump, reference, tmp_path, capsys):
    # A retry loop may pass --resume from its first try; a mistyped folder looks the same, so
    # the run says it starts anew.
    out = tmp_path / "never-written"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "--resume",
                 "--workers", "1"]) == 0
    assert f"nothing to resume in {out} (no run there): starting a new run" in (
        capsys.readouterr().err)
    assert_same_run(out, reference)


def test_a_shard_renamed_but_not_recorded_is_redone_not_duplicated(dump, reference, tmp_path):
    out = tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q"]) == 0
    manifest = json.loads((out / "_manifest.json").read_text())
    # Roll the manifest back to shard 5, as if the run died between a rename and the manifest.
    manifest["shards"] = manifest["shards"][:5]
    manifest.update(complete=False, records=200, inputs_done=manifest["shards"][-1]["inputs_end"])
    kept_rejects = [r for r in reference[1] if r["line"] <= manifest["inputs_done"] + 2]
    manifest["rejects"] = len(kept_rejects)
    manifest["rejects_bytes"] = sum(len(json.dumps(r, separators=(",", ":")).encode()) + 1
                                    for r in kept_rejects)
    (out / "_manifest.json").write_text(json.dumps(manifest))
    (out / ".part-00009.jsonl.tmp").write_text("half a shard")
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "--resume", "-q"]) == 0
    assert_same_run(out, reference)


def _finished_as_if_interrupted(source, out) -> list[str]:
    """A finished sharded run of `source` (or a list of inputs) into `out`, its manifest set back
    to unfinished; the run's arguments."""
    sources = source if isinstance(source, list) else [source]
    args = ["clean", *map(str, sources), "-o", str(out), "--shard-size", "40", "-q"]
    assert main(args) == 0
    manifest = json.loads((out / "_manifest.json").read_text())
    manifest.update(complete=False)
    (out / "_manifest.json").write_text(json.dumps(manifest))
    return args


def test_a_resume_over_inputs_that_changed_is_refused_not_misplaced(tmp_path, capsys):
    """Resuming skips as many documents as were done: over a changed input it would skip the
    wrong ones, so it is refused, and it names what changed."""
    folder = tmp_path / "dump"
    folder.mkdir()
    small_dump(folder / "b.jsonl", 120)
    args = _finished_as_if_interrupted(folder, tmp_path / "out")
    small_dump(folder / "a.jsonl", 10)                   # a file now read before b.jsonl
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert "a file of the inputs was added, removed or changed" in err
    assert f"{folder / 'a.jsonl'} (added)" in err                # named, with what changed
    (folder / "a.jsonl").unlink()
    assert main(args + ["--resume", "--glob", "*.jsonl", "--glob", "*.txt"]) == 2
    assert "the --glob patterns differ" in capsys.readouterr().err
    assert main(args + ["--resume"]) == 0                # the input as it was: it resumes


def test_a_resume_naming_the_inputs_otherwise_is_refused_not_renamed(tmp_path, capsys,
                                                                     monkeypatch):
    """Records without an id are named under their folder as given ("dumpB/part.jsonl:3"): a
    resume naming the folders by absolute path was accepted and named the rest of the run's
    records "/.../dumpB/part.jsonl:3"."""
    monkeypatch.chdir(tmp_path)
    for name in ("dumpA", "dumpB"):
        (tmp_path / name).mkdir()
        small_dump(tmp_path / name / "part.jsonl", 60)
    args = _finished_as_if_interrupted(["dumpA", "dumpB"], tmp_path / "out")
    spelled = [str(tmp_path / "dumpA"), str(tmp_path / "dumpB")]
    assert main(["clean", *spelled, *args[3:], "--resume"]) == 2
    assert "the inputs as spelled" in capsys.readouterr().err
    assert main(args + ["--resume"]) == 0                # as given before: it resumes


def test_a_resume_with_other_rules_or_reading_options_is_refused(tmp_path, capsys):
    """Records cleaned by one rule set, then another, in one output would pass as one run."""
    dump = tmp_path / "dump.jsonl"
    small_dump(dump, 120)
    args = _finished_as_if_interrupted(dump, tmp_path / "out")
    mine = tmp_path / "mine.toml"
    mine.write_text('[[rule]]\nid = "mine/promo"\naction = "drop-line"\n'
                    'pattern = \'^BELI SEKARANG$\'\nremove = ["BELI SEKARANG"]\n')
    for extra in (["--rules", str(mine)], ["--no-builtin-rules"], ["--lang", "id"]):
        assert main(args + ["--resume", *extra]) == 2
        assert "the rules or cleaning options" in capsys.readouterr().err
    assert main(args + ["--resume", "--max-record-bytes", "5000"]) == 2
    assert "the reading options" in capsys.readouterr().err
    assert main(args + ["--resume", "--field", "date=published"]) == 2
    assert "the --field mappings" in capsys.readouterr().err
    assert main(args + ["--resume"]) == 0                # as it was: it resumes


@pytest.mark.parametrize("key, value, said", [
    (None, [], "it is not a JSON object"),
    ("shards", "x", "'shards' is 'x', not a list"),
    ("inputs_done", "ten", "'inputs_done' is 'ten', not a count"),
    ("rejects_bytes", -1, "'rejects_bytes' is -1, not a count"),
    ("shards", [{}], "the shard {} has no name"),
    ("stats", [], "'stats' is [], not an object or null"),
    ("report", "x", "'report' is 'x', not an object or null"),
])
def test_a_manifest_damaged_by_hand_refuses_the_resume_and_changes_nothing(
        tmp_path, capsys, key, value, said):
    src = small_dump(tmp_path / "in.jsonl", 120)
    out = tmp_path / "out"
    args = ["clean", str(src), "-o", str(out), "--shard-size", "40", "-q", "--workers", "1"]
    assert main(args) == 0
    manifest = json.loads((out / "_manifest.json").read_text())
    damaged = value if key is None else {**manifest, "complete": False, key: value}
    (out / "_manifest.json").write_text(json.dumps(damaged))
    (out / ".part-00003.jsonl.tmp").write_text("half a shard")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert f"{out / '_manifest.json'} is damaged: {said}" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_side_files_that_name_a_shard_or_the_manifest_are_refused(tmp_path, capsys):
    dump = tmp_path / "in.jsonl"
    small_dump(dump, 30)
    out = tmp_path / "out"
    for option, name in (("--stats", "part-00000.jsonl"), ("--report", "_manifest.json"),
                         ("--rejects", "part-00001.jsonl")):
        assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q",
                     option, str(out / name)]) == 2
        assert f"{option} {out / name} names a file of the shard folder" in \
            capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
    # A name of its own inside the folder is fine.
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q",
                 "--stats", str(out / "stats.json")]) == 0


def test_a_resume_with_another_rejects_file_is_refused_and_cuts_nothing(tmp_path, capsys):
    dump = tmp_path / "in.jsonl"
    small_dump(dump, 30)
    args = _finished_as_if_interrupted(dump, tmp_path / "out")
    other = tmp_path / "other.txt"
    other.write_text("1\n2\n3\n" * 1000)
    assert main(args + ["--resume", "--rejects", str(other)]) == 2
    assert (f"wrote its rejects to {tmp_path / 'out' / '_rejects.jsonl'}, not {other}; leave "
            "--rejects out\n") in capsys.readouterr().err
    assert other.read_text() == "1\n2\n3\n" * 1000
    # The shard folder moved between the kill and the resume: its rejects file moved with it.
    moved = tmp_path / "moved"
    (tmp_path / "out").rename(moved)
    assert main(["clean", str(dump), "-o", str(moved), "--shard-size", "40", "-q",
                 "--resume"]) == 0


def test_a_refused_rejects_file_is_told_by_a_path_that_resumes(tmp_path, capsys, monkeypatch):
    # The folder's own file was told by its name alone: "--rejects bad.jsonl", given as told,
    # named one in the current folder and was refused again.
    dump = tmp_path / "in.jsonl"
    small_dump(dump, 30)
    out = tmp_path / "out"
    args = ["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q"]
    assert main(args + ["--rejects", str(out / "bad.jsonl")]) == 0
    manifest = json.loads((out / "_manifest.json").read_text())
    (out / "_manifest.json").write_text(json.dumps({**manifest, "complete": False}))
    monkeypatch.chdir(tmp_path)
    assert main(args + ["--resume"]) == 2
    said = capsys.readouterr().err
    assert f"; resume with --rejects {out / 'bad.jsonl'}\n" in said
    told = said.rstrip().rpartition("--rejects ")[2]
    assert main(args + ["--resume", "--rejects", told]) == 0


def test_resuming_a_finished_run_writes_its_stats_and_keeps_its_strict_status(tmp_path):
    dump = tmp_path / "in.jsonl"
    small_dump(dump, 30)
    with open(dump, "a") as f:
        f.write("{broken\n")
    out, stats = tmp_path / "out", tmp_path / "stats.json"
    args = ["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q", "--strict"]
    assert main(args) == 3
    assert main(args + ["--resume", "--stats", str(stats)]) == 3
    figures = json.loads(stats.read_text())
    assert (figures["documents_read"], figures["written"], figures["rejected"]) == (31, 30, 1)


def test_a_resume_leaves_the_users_own_part_files_and_refuses_a_lost_shard(tmp_path, capsys):
    dump = tmp_path / "in.jsonl"
    small_dump(dump, 120)
    out = tmp_path / "out"
    args = _finished_as_if_interrupted(dump, out)
    (out / "part-notes.txt").write_text("mine")
    (out / "part-backup").mkdir()
    (out / "._manifest.json.tmp").write_text("{")        # a checkpoint cut short
    assert main(args + ["--resume"]) == 0
    assert (out / "part-notes.txt").read_text() == "mine" and (out / "part-backup").is_dir()
    assert not (out / "._manifest.json.tmp").exists()
    args = _finished_as_if_interrupted(dump, tmp_path / "out2")
    (tmp_path / "out2" / "part-00001.jsonl").unlink()
    assert main(args + ["--resume"]) == 2
    assert "part-00001.jsonl is missing; its records would be lost" in capsys.readouterr().err


def test_a_shard_folder_named_as_a_compressed_file_is_refused(tmp_path, capsys):
    dump = tmp_path / "in.jsonl"
    small_dump(dump, 30)
    out = tmp_path / "out.jsonl.zst"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q"]) == 2
    assert "names a .jsonl.zst file, but shards go to a folder of jsonl files" in \
        capsys.readouterr().err
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q",
                 "--format", "jsonl.zst"]) == 0


@pytest.mark.parametrize("name, fmt", [("out.parquet", "parquet"), ("out.jsonl.gz", "jsonl.gz")])
def test_a_folder_made_first_under_a_file_name_is_refused_as_shards_of_another_kind(
        tmp_path, capsys, name, fmt):
    # A folder made before the run (mkdir -p) got plain .jsonl shards under out.parquet, and
    # the run said nothing: a reader of *.parquet found none.
    dump = tmp_path / "in.jsonl"
    small_dump(dump, 30)
    out = tmp_path / name
    out.mkdir()
    assert main(["clean", str(dump), "-o", str(out), "-q"]) == 2
    assert f"names a .{fmt} file, but shards go to a folder of jsonl files" in \
        capsys.readouterr().err
    assert list(out.iterdir()) == []
    assert main(["clean", str(dump), "-o", str(out), "-q", "--format", fmt]) == 0
    assert (out / f"part-00000.{fmt}").is_file()


def test_a_signal_while_the_stopping_run_checkpoints_is_let_pass():
    # Ctrl-C pressed a third time in a hurry used to cut short the checkpoint and the resume
    # hint with a bare KeyboardInterrupt.
    from cleaner.run import _StopOnSignal
    from cleaner.run_config import CleanerFactory, RunConfig

    # (what uninstall must put back: Python's own handler, or SIG_IGN where the suite was
    # started in the background, as nohup and `cmd &` in a script start it)
    before = signal.getsignal(signal.SIGINT)
    stop = _StopOnSignal(RunConfig(inputs=[], output="-", factory=CleanerFactory(), quiet=True))
    try:
        os.kill(os.getpid(), signal.SIGINT)
        assert stop.asked
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)          # the second stops at once
        stop.hold()
        os.kill(os.getpid(), signal.SIGINT)              # the checkpoint goes on
        os.kill(os.getpid(), signal.SIGTERM)
    finally:
        stop.uninstall()
    assert signal.getsignal(signal.SIGINT) is before


def test_a_pipe_as_the_input_of_a_sharded_run_is_refused_as_stdin_is(tmp_path, capsys):
    fifo = tmp_path / "63"
    os.mkfifo(fifo)           # never opened: refused before reading
    assert main(["clean", str(fifo), "-o", str(tmp_path / "out"), "--shard-size", "10"]) == 2
    assert "sharded output needs files as input, not a pipe" in capsys.readouterr().err


# Run in a subprocess: the run kills itself (SIGKILL) once its first shard holds 300 records,
# far from full, so that the kill falls before any shard is finished, whatever the batches.
_KILLED_BEFORE_THE_FIRST_SHARD = """
import os, signal, sys
from cleaner import shards
from cleaner.cli import main

def dying(write):
    def wrapped(self, *args, **kwargs):
        write(self, *args, **kwargs)
        if self.count >= 300:
            os.kill(os.getpid(), signal.SIGKILL)
    return wrapped

for kind in (shards._JsonlShard, shards._ParquetShard):
    kind.write_line, kind.write_lines = dying(kind.write_line), dying(kind.write_lines)
main(sys.argv[1:])
"""


@pytest.mark.parametrize("fmt", ["jsonl.zst", "parquet"])
def test_a_run_killed_before_its_first_shard_resumes_in_its_own_format_and_size(
        dump, reference, tmp_path, capsys, fmt):
    # The manifest was written at the first checkpoint only: the resume found no run, and
    # started one in plain jsonl shards of the default size beside the killed run's files.
    out = tmp_path / "out"
    killed = subprocess.run([sys.executable, "-c", _KILLED_BEFORE_THE_FIRST_SHARD, "clean",
                             str(dump), "-o", str(out), "--format", fmt, "--shard-size", "1000",
                             "--workers", "1", "-q"], cwd=ROOT, capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (out / f".part-00000.{fmt}.tmp").exists() and (out / "_rejects.jsonl").exists()
    assert not [p for p in out.iterdir() if is_shard_name(p.name)]
    assert main(["clean", str(dump), "-o", str(out), "--resume", "--workers", "1"]) == 0
    manifest = json.loads((out / "_manifest.json").read_text())
    assert (manifest["output_format"], manifest["shard_size"]) == (fmt, 1000)
    assert [(s["name"], s["records"]) for s in manifest["shards"]] == [
        (f"part-00000.{fmt}", 1000), (f"part-00001.{fmt}", 500)]
    assert_same_run(out, reference)            # nothing written twice, nothing missing
    assert (f"resuming from the start: the interrupted run finished no shard ({fmt} shards of "
            "1000 records)") in capsys.readouterr().err
    # Given again with another value, the format is refused, as after a finished shard.
    assert main(["clean", str(dump), "-o", str(out), "--format", "jsonl", "--resume"]) == 2
    assert f"--format jsonl differs from the finished run's {fmt}" in capsys.readouterr().err


def test_a_run_that_kept_nothing_may_be_run_again_without_resume(dump, reference, tmp_path):
    # The manifest written at the start must not turn a run that failed before it kept
    # anything (an executor that could not start) into one that needs --resume.
    out = tmp_path / "out"
    ShardedOutput(out, "parquet", 10).abort()
    assert (out / "_manifest.json").exists()
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q",
                 "--workers", "1"]) == 0
    assert_same_run(out, reference)


def test_a_resumed_runs_stats_add_the_seconds_of_the_legs_before(dump, tmp_path, monkeypatch):
    """Counts and seconds cover the whole run, not the last leg only."""
    whole = tmp_path / "whole.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "one"), "--shard-size", "40", "-q",
                 "--stats", str(whole)]) == 0
    out = tmp_path / "out"
    real_write = _disk_fills_after(monkeypatch, 130)
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q"]) == 1
    monkeypatch.setattr(_JsonlShard, "write_line", real_write)
    manifest = json.loads((out / "_manifest.json").read_text())
    saved = manifest["stats"].get("seconds")
    manifest["stats"]["seconds"] = 1000.0            # as if the first leg had taken 1000 s
    (out / "_manifest.json").write_text(json.dumps(manifest))
    stats = tmp_path / "stats.json"
    t0 = time.perf_counter()
    assert main(["clean", str(dump), "-o", str(out), "--resume", "-q", "--stats", str(stats)]) == 0
    leg = time.perf_counter() - t0
    figures = json.loads(stats.read_text())
    assert 1000.0 < figures["seconds"] <= 1000.0 + leg
    assert saved is not None and saved > 0          # the checkpoint keeps the run's seconds
    assert figures["resumed_after_inputs"] == manifest["inputs_done"] > 0
    mine = _counts(stats)
    mine.pop("resumed_after_inputs")
    theirs = _counts(whole)
    theirs.pop("resumed_after_inputs")
    assert mine == theirs


def test_resuming_a_finished_run_writes_the_runs_own_stats(tmp_path):
    # They were rebuilt from the manifest without skipped_records (WARC requests, 404s,
    # images) and skipped_files, and with 0.0 seconds.
    from test_warc_input import write_warc

    folder = tmp_path / "dump"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", gz=True)
    small_dump(folder / "news.jsonl", 30)
    (folder / "notes.bin").write_bytes(b"not read")
    out, first, again = tmp_path / "out", tmp_path / "first.json", tmp_path / "again.json"
    args = ["clean", str(folder), "-o", str(out), "--shard-size", "10", "-q", "--workers", "1"]
    assert main(args + ["--stats", str(first)]) == 0
    assert main(args + ["--resume", "--stats", str(again)]) == 0
    figures = json.loads(first.read_text())
    assert figures["skipped_records"] and figures["skipped_files"] == 1
    assert figures["seconds"] > 0
    assert json.loads(again.read_text()) == figures


def test_a_checkpoint_keeps_the_reports_state_only_for_a_run_with_report(dump, tmp_path,
                                                                       monkeypatch):
    out, report = tmp_path / "out", tmp_path / "report.html"
    args = ["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q", "--workers", "1"]
    real_write = _disk_fills_after(monkeypatch, 130)
    assert main(args + ["--report", str(report)]) == 1
    manifest = json.loads((out / "_manifest.json").read_text())
    # The collector's figures up to the checkpoint, no further.
    saved = manifest["report"]
    assert saved["documents"] == manifest["records"] == manifest["stats"]["written"] == 120
    assert saved["documents"] + saved["rejected"] == manifest["inputs_done"]
    assert saved["rejected"] == manifest["rejects"]
    # A leg without --report drops it: left, it would pass for the whole run's figures.
    monkeypatch.setattr(_JsonlShard, "write_line", real_write)
    assert main(args + ["--resume"]) == 0
    assert "report" not in json.loads((out / "_manifest.json").read_text())
