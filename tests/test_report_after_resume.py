"""--report after --resume: the report of a killed and resumed run covers the whole run, or says plainly that it covers only the part after the resume."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys

import lxml.html
import pytest

from cleaner.cli import main
from cleaner.report_collect import ReportCollector
from conftest import ROOT
from scale_helpers import real_docs, shard_records, write_jsonl
from test_shards_resume import _wait_for_shards

SHARD_SIZE = "40"


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    """Real articles of several sites, with broken lines among them (rejects)."""
    bad = {i: b'{"id": "broken", "text": ' for i in range(45, 1500, 190)}
    return write_jsonl(tmp_path_factory.mktemp("report-resume") / "in.jsonl", real_docs(1500),
                       bad_lines=bad)


def _killed_then_resumed(dump, out, report, *extra: str) -> int:
    """Run with --report, kill the run (SIGKILL) once it finished 3 shards, resume it with the
    same options; the input documents done before the resume."""
    args = ["clean", str(dump), "-o", str(out), "--shard-size", SHARD_SIZE, "--workers", "1",
            "--report", str(report), *extra]
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_shards(proc, out, 3)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    done = json.loads((out / "_manifest.json").read_text())
    assert not done["complete"] and done["inputs_done"] > 0
    assert not report.exists()                  # the killed leg wrote none
    assert main([*args, "--resume", "-q"]) == 0
    return done["inputs_done"]


def _shown(report) -> dict:
    """What a report page shows, but for its sampled removals and timings."""
    doc = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    return {
        "totals": {card.get("id"): card.xpath("b")[0].text_content()
                   for card in doc.xpath('//div[@class="card"]')},
        "bars": {g.get("data-rule"): g.get("data-hits") for g in doc.xpath('//g[@class="rule-bar"]')},
        "sample counts": {d.get("data-rule"): len(d.xpath(".//mark"))
                          for d in doc.xpath("//details[@data-rule]")},
        "tables": {t.get("id"): t.text_content()
                   for t in doc.xpath("//table[@id]")},
    }


def _samples(report) -> dict[str, list[str]]:
    """Per rule, the removed texts its samples show."""
    doc = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    return {d.get("data-rule"): [m.text_content() for m in d.xpath(".//mark")]
            for d in doc.xpath("//details[@data-rule]")}


def _scope(report) -> str:
    doc = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    return " ".join(p.text_content() for p in doc.xpath('//p[@id="scope"]'))


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_resumed_runs_report_is_the_whole_runs_report(dump, tmp_path, fmt):
    whole = tmp_path / "whole.html"
    assert main(["clean", str(dump), "-o", str(tmp_path / "ref"), "--shard-size", SHARD_SIZE,
                 "--workers", "1", "--report", str(whole), "--format", fmt, "-q"]) == 0
    out, report = tmp_path / "out", tmp_path / "resumed.html"
    skip = _killed_then_resumed(dump, out, report, "--format", fmt)
    assert _shown(report) == _shown(whole)
    # Every sampled removal is one its rule made in the run's records.
    made: dict[str, set[str]] = {}
    for record in shard_records(out):
        for removal in record["removed"]:
            made.setdefault(removal["rule"], set()).add(removal["text"][:400].strip())
    for rule, texts in _samples(report).items():
        assert {text.strip() for text in texts} <= made[rule], rule
    scope = _scope(report)
    assert f"resumed after {skip:,} input documents" in scope and "covers the whole run" in scope


def test_a_resumed_runs_report_that_cannot_see_the_legs_before_says_so(dump, tmp_path):
    # Rejects written in place to a device cannot be read back: the report covers this leg
    # only, and says which documents those are.
    out, report = tmp_path / "out", tmp_path / "resumed.html"
    skip = _killed_then_resumed(dump, out, report, "--rejects", "/dev/null")
    manifest = json.loads((out / "_manifest.json").read_text())
    total = manifest["inputs_done"]
    doc = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    assert "(after the resume only)" in doc.xpath("//h1")[0].text_content()
    assert doc.xpath('//*[@id="total-documents"]/b')[0].text_content() == f"{total - skip:,}"
    scope = _scope(report)
    assert f"covers only the part of the run done after its resume: input documents " \
           f"{skip + 1:,} to {total:,}" in scope
    assert f"The {skip:,} input documents before the resume are not in it" in scope


def test_removals_sampled_from_two_legs_are_drawn_in_proportion_to_each():
    # 10 removals in the first leg, 30 in the second: a quarter of the draws from the first.
    drawn_first = draws = 0
    for seed in range(2000):
        collector = ReportCollector(samples_per_rule=5, seed=seed)
        first = [{"leg": 1, "n": i} for i in random.Random(seed).sample(range(10), 5)]
        second = [{"leg": 2, "n": i} for i in random.Random(-seed).sample(range(30), 5)]
        picked = collector._sample_of_both(first, 10, second, 30)
        assert len(picked) == 5 and len({(p["leg"], p["n"]) for p in picked}) == 5
        drawn_first += sum(p["leg"] == 1 for p in picked)
        draws += len(picked)
    assert abs(drawn_first / draws - 10 / 40) < 0.02
