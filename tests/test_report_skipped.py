"""The run report shows what reading passed over (a WARC's images and redirects, files no input pattern takes), by reason, as the summary and --stats do."""

from __future__ import annotations

import lxml.html

from cleaner.cli import main
from cleaner.report import render
from cleaner.report_collect import ReportCollector
from test_warc_streams import IMAGE, SIX


def _skipped_rows(html: str) -> dict[str, str]:
    doc = lxml.html.fromstring(html)
    return {row.xpath("td")[1].text_content(): row.xpath("td")[0].text_content()
            for row in doc.xpath('//table[@id="skipped-records"]/tr[td]')}


def test_the_report_lists_skipped_records_by_reason_with_their_counts():
    data = ReportCollector().data({"command": "clean"},
                                  skipped_records={"not HTML (image/jpeg)": 1234,
                                                   "HTTP status 301": 2},
                                  skipped_files=3)
    assert data["skipped_records"] == {"not HTML (image/jpeg)": 1234, "HTTP status 301": 2}
    assert _skipped_rows(render(data)) == {"not HTML (image/jpeg)": "1,234",
                                           "HTTP status 301": "2",
                                           "files not matching the input patterns": "3"}


def test_a_report_with_nothing_skipped_says_so():
    html = render(ReportCollector().data({}))
    assert _skipped_rows(html) == {} and "Nothing was skipped." in html


def test_a_runs_report_shows_the_warc_records_it_skipped(tmp_path):
    path = tmp_path / "img.warc"
    path.write_bytes(SIX + IMAGE)
    report = tmp_path / "report.html"
    assert main(["clean", str(path), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                 "--report", str(report), "-q"]) == 0
    assert _skipped_rows(report.read_text(encoding="utf-8")) == {"not HTML (image/jpeg)": "1"}
