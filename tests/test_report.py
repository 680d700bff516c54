"""`cleaner clean --report`: a self-contained HTML page showing a known run's numbers (parsed, and in Chromium)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from cleaner.cli import main
from cleaner.report import render
from cleaner.report_collect import ReportCollector
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists()
                                        else None)
BODY = "Warga kota berkumpul di alun-alun pada pagi hari untuk merayakan ulang tahun kota."
RULES = """[pack]
id = "t"
kind = "common"

[[rule]]
id = "t/promo"
action = "drop-line"
pattern = '^Promo kami$'
remove = ["Promo kami"]

[[rule]]
id = "t/code"
action = "drop-span"
pattern = '[.]\\s*(?P<cut>\\(ant\\))$'
remove = ["kata dia. (ant)"]
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A known run: 4 records (3 from a.example, 1 from b.example), 1 reject, 1 flagged."""
    tmp = tmp_path_factory.mktemp("report")
    rows = [
        {"id": "d1", "url": "https://a.example/1", "text": f"{BODY}\n\nPromo kami\n\n{BODY} (ant)"},
        {"id": "d2", "url": "https://a.example/2", "text": f"{BODY}\n\nPromo kami"},
        {"id": "d3", "url": "https://a.example/3", "text": "Ya.\n\nPromo kami"},
        {"id": "d4", "url": "https://b.example/1", "text": BODY},
    ]
    dump = tmp / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows) + '{"id": "broken"\n',
                    encoding="utf-8")
    rules = tmp / "t.toml"
    rules.write_text(RULES, encoding="utf-8")
    report = tmp / "report.html"
    code = main(["clean", str(dump), "-o", str(tmp / "out.jsonl"), "--workers", "1",
                 "--no-builtin-rules", "--rules", str(rules), "--report", str(report), "-q"])
    assert code == 0
    return report


def _text(doc, xpath):
    [node] = doc.xpath(xpath)
    return node.text_content().strip()


def test_report_shows_the_numbers_of_the_run(run):
    html = run.read_text(encoding="utf-8")
    doc = lxml.html.fromstring(html)
    totals = {key: _text(doc, f'//*[@id="total-{key}"]/b')
              for key in ("documents", "written", "rejected", "flagged", "removals",
                          "words_removed")}
    assert totals == {"documents": "5", "written": "4", "rejected": "1", "flagged": "1",
                      "removals": "3", "words_removed": "5"}
    bars = {g.get("data-rule"): int(g.get("data-hits")) for g in doc.xpath('//g[@class="rule-bar"]')}
    assert bars == {"t/promo": 2, "t/code": 1}
    sites = {row.get("data-site"): (_text(row, 'td[contains(@class,"docs")]'),
                                    _text(row, 'td[contains(@class,"removed")]'),
                                    _text(row, 'td[contains(@class,"flagged")]'))
             for row in doc.xpath('//table[@id="sites"]/tr[@data-site]')}
    assert sites == {"a.example": ("3", "5", "1"), "b.example": ("1", "0", "0")}
    samples = doc.xpath('//details[@data-rule="t/code"]//mark')
    assert [m.text.strip() for m in samples] == ["(ant)"]
    # The context around a sampled removal comes from the input text.
    assert BODY[:40] in samples[0].getparent().text_content()
    assert "d3" in _text(doc, '//table[@id="flagged"]')
    assert "broken JSON" in _text(doc, '//table[@id="rejects"]')


def test_report_is_self_contained(run):
    html = run.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_report_escapes_what_documents_hold():
    collector = ReportCollector()
    collector.add_record({"id": "<x>", "text": "a", "meta": {"site": "s"},
                          "removed": [{"rule": "r<script>", "text": "<b>bad</b>", "line": 1,
                                       "col": 0, "action": "drop-line"}], "flags": []})
    html = render(collector.data())
    assert "<b>bad</b>" not in html and "&lt;b&gt;bad&lt;/b&gt;" in html
    assert "r<script>" not in html


def test_samples_stay_bounded():
    collector = ReportCollector(samples_per_rule=3)
    for i in range(500):
        collector.add_record({"id": str(i), "text": "kata", "meta": {"site": "s"},
                              "removed": [{"rule": "r", "text": f"x{i}", "line": 1, "col": 0}]})
    data = collector.data()
    assert data["rules"]["r"]["hits"] == 500 and len(data["rules"]["r"]["samples"]) == 3
    assert len({s["text"] for s in data["rules"]["r"]["samples"]}) == 3


def test_sites_past_the_limit_share_one_row_as_in_stats(monkeypatch):
    # A crawl's hosts by the hundred thousand would each cost a row in every checkpoint.
    monkeypatch.setattr("cleaner.report_collect.MAX_SITES", 2)
    collector = ReportCollector()
    for site in ("a", "b", "c", "a", "d"):
        collector.add_record({"id": site, "text": "kata", "meta": {"site": site}, "removed": []})
    sites = collector.data()["sites"]
    assert {site: row["documents"] for site, row in sites.items()} == {
        "a": 2, "b": 1, "(other sites)": 2}


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                              "(apt-get install chromium)")
def test_report_renders_in_headless_chromium(run, tmp_path):
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             # Any attempt to reach the network fails: the page must not need it.
             "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"]
    url = run.resolve().as_uri()
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True,
                         timeout=120).stdout
    doc = lxml.html.fromstring(dom)
    assert _text(doc, '//*[@id="total-written"]/b') == "4"
    assert _text(doc, '//*[@id="total-removals"]/b') == "3"
    assert [g.get("data-hits") for g in doc.xpath('//*[@class="rule-bar"]')] == ["2", "1"]
    shot = tmp_path / "report.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1200,900", url],
                   capture_output=True, timeout=120)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


def report_samples(path: Path) -> dict[str, list[str]]:
    """Per rule, its sampled removals as the report shows them: the text before, the removal
    (in brackets) and the text after."""
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    samples: dict[str, list[str]] = {}
    for details in doc.xpath("//details[@data-rule]"):
        for mark in details.xpath(".//mark"):
            parent = mark.getparent()
            before = (parent.text or "") if parent.index(mark) == 0 else ""
            samples.setdefault(details.get("data-rule"), []).append(
                f"{before.strip()} [{mark.text_content().strip()}] {(mark.tail or '').strip()}".strip())
    return samples


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_web_pages_removals_are_shown_in_the_extracted_articles_text(tmp_path, workers):
    # The rules ran on the article extracted from the page, not on the page: the context comes
    # from where the record was made, in a worker as in the main process.
    page = ROOT / "fixtures" / "rt.com" / "4a44ab3e4c.html"
    report = tmp_path / "report.html"
    assert main(["clean", str(page), "-o", str(tmp_path / "out.jsonl"), "-q",
                 "--workers", workers, "--report", str(report)]) == 0
    [share] = report_samples(report)["chrome/share-prompt"]
    assert share.endswith("like that,” the doctor said. ¶ [Like this story? Share it with a "
                          "friend!]")


def test_the_words_meta_rules_moved_into_fields_are_told_apart_in_the_removed_total():
    collector = ReportCollector()
    collector.add_record({"id": "a", "text": "Isi berita ini panjang.", "meta": {},
                          "removed": [{"rule": "x/byline", "action": "meta", "line": 1,
                                       "text": "Oleh Budi Santoso"},
                                      {"rule": "x/promo", "action": "drop-line", "line": 3,
                                       "text": "Ikuti kami di media sosial"}]})
    totals = collector.data()["totals"]
    assert (totals["words_removed"], totals["words_to_meta"]) == (8, 3)
    assert "words removed, 66.7% of 12 (3 of them into metadata fields)" in \
        render(collector.data())
    again = ReportCollector()
    again.restore(json.loads(json.dumps(collector.state())))
    assert again.words_to_meta == 3
    earlier = collector.state()
    del earlier["words_to_meta"]            # (a checkpoint of an earlier version)
    again.restore(earlier)
    assert again.words_to_meta == 0 and again.words_removed == 8
