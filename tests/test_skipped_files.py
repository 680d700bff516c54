"""A second name (a hard or symbolic link) of a file a run has read is a skipped duplicate file, not a skipped record: the summary, --stats and the report count it apart."""

from __future__ import annotations

import json
import os

from cleaner.cli import main
from scale_helpers import real_docs, write_jsonl

LINK = "another name (a link) of a file already read"


def _dump(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", real_docs(3))
    os.link(folder / "a.jsonl", folder / "b.jsonl")
    return folder


def test_the_summary_says_a_hard_link_is_a_skipped_duplicate_file(tmp_path, capsys):
    folder = _dump(tmp_path)
    stats = tmp_path / "stats.json"
    assert main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                 "--stats", str(stats)]) == 0
    summary = capsys.readouterr().err
    assert f"skipped duplicate files: 1 {LINK}" in summary
    assert "skipped:" not in summary
    figures = json.loads(stats.read_text())
    assert figures["skipped_duplicate_files"] == 1
    assert figures["skipped_duplicate_reasons"] == {LINK: 1}
    assert figures["skipped_records"] == {} and figures["documents_read"] == 3


def test_the_report_lists_the_duplicate_file_beside_other_skipped_input(tmp_path):
    folder = _dump(tmp_path)
    report = tmp_path / "report.html"
    assert main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                 "-q", "--report", str(report)]) == 0
    assert f"duplicate files: {LINK}" in report.read_text(encoding="utf-8")


def test_a_link_to_nothing_is_no_duplicate_but_a_reject(tmp_path, capsys):
    folder = _dump(tmp_path)
    os.symlink(tmp_path / "missing.jsonl", folder / "c.jsonl")
    stats = tmp_path / "stats.json"
    assert main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                 "-q", "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert figures["skipped_duplicate_files"] == 1 and figures["rejected"] == 1
    assert figures["skipped_duplicate_reasons"] == {LINK: 1}
