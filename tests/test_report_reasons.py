"""The run report's reject reasons: each kind shown by its first reason as written (numbers and
all) with how many more are of its kind, not as a pattern of N."""

from __future__ import annotations

import json

import lxml.html
import pytest

from cleaner.cli import main
from cleaner.report import render
from cleaner.report_collect import ReportCollector
from cleaner.stats import MAX_EXAMPLE


def _reasons(html: str) -> list[tuple[str, str]]:
    """The rows of the report's table of reject reasons: (count, reason)."""
    doc = lxml.html.fromstring(html)
    return [(row[0].text_content().strip(), row[1].text_content().strip())
            for row in doc.xpath('//table[@id="reject-reasons"]/tr[td]')]


def _collector(*reasons: str) -> ReportCollector:
    collector = ReportCollector()
    for line, reason in enumerate(reasons, start=1):
        collector.add_reject({"source": "in.jsonl", "line": line, "reason": reason})
    return collector


def test_a_kind_of_reason_reads_as_its_first_reason_and_the_count_of_the_others():
    collector = _collector("line 12 is longer than 8388608 bytes",
                           "line 40 is longer than 8388608 bytes",
                           "broken JSON: unexpected end of data: line 1 column 28 (char 27)",
                           "line 77 is longer than 8388608 bytes")
    data = collector.data()
    # The kinds are counted together as before ...
    assert data["reject_reasons"] == {"line N is longer than N bytes": 3, "broken JSON": 1}
    # ... and each is shown by its first reason.
    assert _reasons(render(data)) == [
        ("3", "line 12 is longer than 8388608 bytes (and others like it)"),
        ("1", "broken JSON: unexpected end of data: line 1 column 28 (char 27)")]


def test_a_reason_that_quotes_markup_or_runs_long_is_escaped_and_cut():
    long = "bad record: " + "x" * 10_000
    # (two that differ as shown: the same reason twice is said without "others like it")
    html = render(_collector("<script>alert(1)</script> at byte 9", long,
                             long.replace("x", "y", 1)).data())
    assert "<script>alert" not in html
    [(count, quoted), (twice, cut)] = sorted(_reasons(html))
    assert quoted == "<script>alert(1)</script> at byte 9" and count == "1"
    assert twice == "2" and cut.startswith("bad record: xxx") and cut.endswith("\u2026 (and others like it)")
    assert len(cut) == MAX_EXAMPLE + len(" (and others like it)")


def test_a_reject_with_no_reason_or_a_reason_of_another_type_is_counted_and_shown():
    collector = ReportCollector()
    collector.add_reject({"source": "in.jsonl", "line": 1})
    collector.add_reject({"source": "in.jsonl", "line": 2, "reason": 404})
    assert _reasons(render(collector.data())) == [("1", ""), ("1", "404")]


def test_the_examples_survive_a_checkpoint_and_a_resume():
    first = _collector("line 12 is longer than 8388608 bytes")
    resumed = ReportCollector()
    resumed.restore(json.loads(json.dumps(first.state())))
    resumed.add_reject({"source": "in.jsonl", "line": 9, "reason": "line 99 is longer than 5 bytes"})
    assert _reasons(render(resumed.data())) == [
        ("2", "line 12 is longer than 8388608 bytes (and others like it)")]


def test_a_checkpoint_that_kept_no_examples_shows_its_kinds_as_counted():
    # A manifest of an earlier version: its kinds have no example; one met after the resume has.
    state = json.loads(json.dumps(_collector("line 12 is longer than 8 bytes").state()))
    del state["reject_examples"]
    resumed = ReportCollector()
    resumed.restore(state)
    resumed.add_reject({"source": "in.jsonl", "line": 3, "reason": "empty document"})
    assert _reasons(render(resumed.data())) == [("1", "line N is longer than N bytes"),
                                                ("1", "empty document")]


def test_an_example_grown_long_in_a_manifest_is_cut_as_it_is_read():
    state = json.loads(json.dumps(_collector("broken JSON: x").state()))
    state["reject_examples"] = {"broken JSON": "broken JSON: " + "y" * 100_000}
    restored = ReportCollector()
    restored.restore(state)
    assert len(restored.data()["reject_examples"]["broken JSON"]) == MAX_EXAMPLE


@pytest.mark.parametrize("damage", [[1, 2], "x", {"broken JSON": 3}, None])
def test_damaged_examples_in_a_manifest_are_said_and_never_raise(damage):
    state = json.loads(json.dumps(_collector("broken JSON: x").state()))
    state["reject_examples"] = damage
    restored = ReportCollector()
    with pytest.raises(ValueError, match="saved report figures are damaged"):
        restored.restore(state)
    assert restored.data()["reject_examples"] == {}


def test_a_run_report_shows_the_first_reason_of_each_kind(tmp_path):
    rows = [{"id": f"d{i}", "text": "Isi berita yang cukup panjang. " * (5 + 10 * i)}
            for i in range(4)]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(row) + "\n" for row in rows) + '{"id": "broken"\n',
                    encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "-q",
                 "--max-record-bytes", "400", "--report", str(report)]) == 0
    reasons = _reasons(report.read_text(encoding="utf-8"))
    # (the same words for all three: no "(and others like it)", a review's nit)
    assert reasons[0] == ("3", "record longer than 400 bytes; raise --max-record-bytes to read "
                               "it")
    assert reasons[1][0] == "1" and reasons[1][1].startswith("broken JSON: ")
    assert not any(" N " in reason for _, reason in reasons)
