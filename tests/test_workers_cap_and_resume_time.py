"""`--workers N` past the usable cores starts no more workers than there are cores, and says so
once; the summary of a resumed run gives the seconds of its --stats and rates over them."""

from __future__ import annotations

import json
import os
import re

import pytest

from cleaner import cli_clean, run
from cleaner.cli import main
from cleaner.cores import capped_workers, usable_cores
from cleaner.run_config import CleanerFactory, RunConfig
from cleaner.shards import _JsonlShard
from test_shards_resume import _disk_fills_after, small_dump


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    """300 short articles and 3 bad lines: 35 KB, far under the 4 MB of a small input."""
    return small_dump(tmp_path_factory.mktemp("cap") / "in.jsonl", 300)


def _clean(dump, out, *options) -> dict:
    stats = out.parent / f"{out.name}.stats.json"
    assert main(["clean", str(dump), "-o", str(out), "--stats", str(stats), *options]) == 0
    return json.loads(stats.read_text())


# -- 1. more workers than usable cores

def test_more_workers_than_the_usable_cores_start_as_many_as_the_cores_with_one_note(
        dump, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(run, "usable_cores", lambda: 2)
    figures = _clean(dump, tmp_path / "out.jsonl", "--workers", "64")
    err = capsys.readouterr().err
    assert figures["workers"] == 2 and figures["executor"] == "local"
    note = "note: --workers 64 is more than the 2 usable cores; using 2"
    assert err.count(note) == 1 and err.count("note: --workers") == 1, err
    assert "MB/s, 2 workers" in err
    # The records are those of one worker, as every number of workers gives.
    assert _clean(dump, tmp_path / "one.jsonl", "--workers", "1", "-q")["written"] == \
        figures["written"]
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_a_quiet_run_is_capped_without_the_note(dump, tmp_path, monkeypatch, capsys):
    # One CPU to run on, whatever the container's quota: a pool of two, not three (a pool
    # asked for stays one: its workers keep a crashing document from ending the run).
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    figures = _clean(dump, tmp_path / "out.jsonl", "--workers", "3", "-q")
    assert figures["workers"] == 2
    assert "note" not in capsys.readouterr().err


def test_workers_within_the_usable_cores_are_started_as_given_whatever_the_input_size(
        dump, tmp_path, monkeypatch, capsys):
    # --help: the 4 MB rule is the default's; a given N holds for a small input too.
    monkeypatch.setattr(run, "usable_cores", lambda: 4)
    assert _clean(dump, tmp_path / "out.jsonl", "--workers", "2")["workers"] == 2
    assert "note" not in capsys.readouterr().err
    assert _clean(dump, tmp_path / "default.jsonl", "-q")["workers"] == 1      # under 4 MB


def test_damaged_cgroup_files_leave_the_cap_at_the_cpus_the_process_may_use(
        dump, tmp_path, monkeypatch, capsys):
    root = tmp_path / "cgroup"
    root.mkdir()
    (root / "cpu.max").write_bytes(b"\xff\xfe banana\x00")     # neither a quota nor text
    self_cgroup = tmp_path / "self"
    self_cgroup.write_text("0::/../../\n")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(run, "usable_cores", lambda: usable_cores(root, self_cgroup))
    figures = _clean(dump, tmp_path / "out.jsonl", "--workers", "4")
    assert figures["workers"] == 2
    assert "note: --workers 4 is more than the 1 usable core; using 2" in capsys.readouterr().err


def test_ray_workers_are_not_capped_by_the_local_cores(monkeypatch):
    monkeypatch.setattr(run, "usable_cores", lambda: 2)

    def workers(executor, asked):
        return run._workers_and_note(RunConfig(inputs=["-"], output="-",
                                               factory=CleanerFactory(None),
                                               executor=executor, workers=asked))

    assert workers("ray", 64) == (64, None)
    assert workers("local", 64) == (2, "--workers 64 is more than the 2 usable cores; using 2")
    assert workers("local", 2) == (2, None)


def test_a_pool_asked_for_stays_a_pool_of_two_at_least():
    assert capped_workers(5, 0) == (2, "--workers 5 is more than the 1 usable core; using 2 "
                                       "(a pool keeps two)")
    assert capped_workers(2, 1) == (2, "--workers 2 is more than the 1 usable core: its 2 "
                                       "workers take turns on it (a pool keeps two)")
    assert capped_workers(1, 1) == (1, None)


def test_the_help_of_workers_says_what_the_code_does():
    import argparse

    parser = argparse.ArgumentParser()
    cli_clean.add_scale_options(parser)
    said = " ".join(next(a.help for a in parser._actions if "--workers" in a.option_strings)
                    .split())
    assert "none for an input under 4 MB whose size is known before reading" in said
    assert "A given N holds for any input size, capped at the usable cores (but two at least" in said


# -- 2. the summary of a resumed run and its --stats

_TIMING = re.compile(r"^(?P<all>[\d.]+) s in all \((?P<leg>[\d.]+) s since the resume\), "
                     r"(?P<docs>\d+) docs/s, (?P<mb>[\d.]+) MB/s over the whole run, 1 worker "
                     r"\(resumed after (?P<after>\d+) input documents\)$", re.M)


def _near(rate: float, documents: int, seconds: float) -> bool:
    """A rate as the summary rounds it, against the documents over --stats' seconds, which are
    rounded to 1 ms: on a run of a few ms that rounding alone moves the rate by a few percent."""
    low, high = documents / (seconds + 0.0005), documents / max(seconds - 0.0005, 1e-9)
    return low - 1 <= rate <= high + 1


def _stopped_part_way(dump, out, monkeypatch, seconds_before) -> None:
    """A sharded run that stops as the disk fills after 130 records, its checkpoint then saying
    its first leg took `seconds_before` (None: a manifest that kept no seconds)."""
    real_write = _disk_fills_after(monkeypatch, 130)
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q",
                 "--workers", "1"]) == 1
    monkeypatch.setattr(_JsonlShard, "write_line", real_write)
    manifest = json.loads((out / "_manifest.json").read_text())
    if seconds_before is None:
        del manifest["stats"]["seconds"]
    else:
        manifest["stats"]["seconds"] = seconds_before
    (out / "_manifest.json").write_text(json.dumps(manifest))


def test_a_resumed_runs_summary_gives_its_stats_seconds_and_rates_over_them(
        dump, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    _stopped_part_way(dump, out, monkeypatch, 2.0)
    capsys.readouterr()
    figures = _clean(dump, out, "--resume", "--workers", "1")
    said = _TIMING.search(capsys.readouterr().err)
    assert said, "no timing line of a resumed run"
    seconds = figures["seconds"]
    assert seconds > 2.0 and abs(float(said["all"]) - seconds) <= 0.006
    assert 0 < float(said["leg"]) <= seconds - 2.0 + 0.006
    # Rates of the documents and bytes --stats counts (both legs) over its seconds: before,
    # this leg's documents over this leg's seconds, beside the first leg's 2 s.
    assert _near(int(said["docs"]), figures["documents_read"], seconds)
    assert abs(float(said["mb"]) - figures["bytes"] / 1e6 / seconds) <= 0.051
    assert int(said["after"]) == figures["resumed_after_inputs"] > 0
    assert figures["documents_read"] == 303


def test_a_resume_after_a_checkpoint_without_seconds_gives_the_time_and_rates_since_it(
        dump, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    _stopped_part_way(dump, out, monkeypatch, None)
    done = json.loads((out / "_manifest.json").read_text())["stats"]
    capsys.readouterr()
    figures = _clean(dump, out, "--resume", "--workers", "1")
    said = re.search(r"^([\d.]+) s since the resume \(the legs before kept no time\), (\d+) "
                     r"docs/s, [\d.]+ MB/s since the resume", capsys.readouterr().err, re.M)
    assert said and abs(float(said[1]) - figures["seconds"]) <= 0.006
    this_leg = figures["documents_read"] - done["read"]
    assert 0 < this_leg < figures["documents_read"]
    assert _near(int(said[2]), this_leg, figures["seconds"])


@pytest.mark.parametrize("seconds", ["soon", -5, True, [1]])
def test_a_checkpoints_seconds_of_the_wrong_type_count_as_none_kept(
        dump, tmp_path, monkeypatch, capsys, seconds):
    out = tmp_path / "out"
    _stopped_part_way(dump, out, monkeypatch, seconds)
    capsys.readouterr()
    figures = _clean(dump, out, "--resume", "--workers", "1")
    assert 0 < figures["seconds"] < 60
    assert "s since the resume (the legs before kept no time)" in capsys.readouterr().err
