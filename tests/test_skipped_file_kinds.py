"""Files a folder walk passes over as matching no input pattern are said by their names'
endings (the summary, --stats, the report, the warning of a run that found no document), so a
user sees what was left unread without a list that grows with the folder."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.inputs import SKIPPED_KINDS, ReadLog
from cleaner.stats import RunStats
from scale_helpers import real_docs, write_jsonl


def _folder(tmp_path):
    dump = tmp_path / "dump"
    (dump / "img").mkdir(parents=True)
    write_jsonl(dump / "a.jsonl", real_docs(2))
    for name in ("b.csv", "img/x.JPG", "img/y.jpg", "README", "old.csv.gz"):
        (dump / name).write_bytes(b"not read")
    return dump


def test_the_summary_and_stats_name_the_endings_of_files_no_pattern_takes(tmp_path, capsys):
    dump, stats = _folder(tmp_path), tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                 "--stats", str(stats), "--report", str(tmp_path / "r.html")]) == 0
    err = capsys.readouterr().err
    assert ("skipped 5 files not matching the input patterns "
            "(2 .jpg, 1 .csv, 1 .csv.gz, 1 no suffix)") in err
    figures = json.loads(stats.read_text())
    assert figures["skipped_files"] == 5
    assert figures["skipped_file_kinds"] == {".csv": 1, ".csv.gz": 1, ".jpg": 2, "no suffix": 1}
    assert ("files not matching the input patterns (2 .jpg, 1 .csv, 1 .csv.gz, 1 no suffix)"
            in (tmp_path / "r.html").read_text())


def test_a_run_that_found_no_document_says_what_the_files_were(tmp_path, capsys):
    dump = _folder(tmp_path)
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                 "--glob", "*.xml"]) == 0
    assert ("warning: no input documents found; 6 files matched none of the input patterns "
            "(*.xml): 2 .jpg, 1 .csv, 1 .csv.gz, 1 .jsonl, 1 no suffix") in capsys.readouterr().err


def test_endings_past_the_limit_are_counted_as_other():
    log = ReadLog()
    for n in range(100):
        log.skip_file(f"part.{n}")
    log.skip_file("part.0")
    assert log.skipped == 101 and sum(log.skipped_kinds.values()) == 101
    assert len(log.skipped_kinds) == SKIPPED_KINDS + 1
    assert log.skipped_kinds["other"] == 100 - SKIPPED_KINDS
    assert log.skipped_kinds[".0"] == 2


def test_a_checkpoint_keeps_the_endings_for_the_stats_of_a_finished_run():
    stats = RunStats()
    stats.skipped_files, stats.skipped_file_kinds = 3, {".jpg": 3}
    again = RunStats()
    again.restore(json.loads(json.dumps(stats.state())))
    assert again.as_dict()["skipped_file_kinds"] == {".jpg": 3}
    assert "skipped 3 files not matching the input patterns (3 .jpg)" in again.summary()
