"""--report after --resume: a killed and resumed run's report is the uninterrupted run's (its collector's state is saved with each checkpoint), or says plainly that it covers only the part after the resume."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import lxml.html
import pytest

from cleaner.cli import main
from cleaner.report import NO_SAVED_FIGURES
from cleaner.report_collect import ReportCollector
from conftest import ROOT
from scale_helpers import real_docs, write_jsonl
from test_shards_resume import _wait_for_shards

SHARD_SIZE = "40"


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    """Real articles of several sites, with broken lines among them (rejects)."""
    bad = {i: b'{"id": "broken", "text": ' for i in range(45, 1500, 190)}
    return write_jsonl(tmp_path_factory.mktemp("report-resume") / "in.jsonl", real_docs(1500),
                       bad_lines=bad)


def _args(dump, out, *extra: str) -> list[str]:
    """The arguments of a sharded run of `dump` into `out`."""
    return ["clean", str(dump), "-o", str(out), "--shard-size", SHARD_SIZE, "--workers", "1",
            *extra]


@pytest.fixture(scope="module")
def whole(dump, tmp_path_factory):
    """The report of the uninterrupted run."""
    tmp = tmp_path_factory.mktemp("whole")
    report = tmp / "whole.html"
    assert main(_args(dump, tmp / "out", "--report", str(report), "-q")) == 0
    return report


def _killed(args: list[str], out, shards: int) -> tuple[int, str]:
    """Run `cleaner ARGS` and kill it (SIGKILL) once its manifest lists `shards` shards; the
    input documents its last checkpoint covers, and what it said on stderr."""
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_shards(proc, out, shards)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    done = json.loads((out / "_manifest.json").read_text())
    assert not done["complete"] and done["inputs_done"] > 0
    return done["inputs_done"], err.decode()


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


def _samples(report) -> dict[str, list[tuple[str, str, str]]]:
    """Per rule, its sampled removals: the document, the removed text, and the removal in its
    context."""
    doc = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    return {d.get("data-rule"): [(row.xpath(".//code")[0].text_content(),
                                  row.xpath(".//mark")[0].text_content(),
                                  row.xpath('td[@class="ctx"]')[0].text_content())
                                 for row in d.xpath(".//tr[td]")]
            for d in doc.xpath("//details[@data-rule]")}


def _scope(report) -> str:
    doc = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    return " ".join(p.text_content() for p in doc.xpath('//p[@id="scope"]'))


@pytest.mark.parametrize("extra", [("--format", "jsonl"), ("--format", "parquet"),
                                   # rejects kept nowhere: the report needs none of them back
                                   ("--rejects", "/dev/null")],
                         ids=["jsonl", "parquet", "rejects-to-dev-null"])
def test_a_resumed_runs_report_is_the_whole_runs_report(dump, whole, tmp_path, extra):
    out, report = tmp_path / "out", tmp_path / "resumed.html"
    args = _args(dump, out, "--report", str(report), "-q", *extra)
    skip, _ = _killed(args, out, 3)
    assert not report.exists()                  # the killed leg wrote none
    _killed([*args, "--resume"], out, 8)        # and the resume killed again
    assert main([*args, "--resume"]) == 0
    assert _shown(report) == _shown(whole)
    # The same removals are sampled, each in its context, those of the legs before the
    # resumes too (their context came from the input, kept in the checkpoint).
    assert _samples(report) == _samples(whole)
    early = [(text, context) for samples in _samples(report).values()
             for doc, text, context in samples if int(doc[:5]) < skip - 10]
    assert early and all(len(context) > len(text) for text, context in early)
    assert _scope(report) == ""                 # the whole run: nothing to say


def test_a_run_started_without_report_has_one_of_the_part_after_its_resume_that_says_so(
        dump, tmp_path, capsys):
    out, report = tmp_path / "out", tmp_path / "resumed.html"
    skip, _ = _killed(_args(dump, out, "-q"), out, 3)
    resumed = _args(dump, out, "--report", str(report), "-q", "--resume")
    _, said = _killed(resumed, out, 8)
    # Said on stderr, even with -q.
    assert (f"warning: {NO_SAVED_FIGURES}, so the report covers only the part after this "
            f"resume, not the first {skip} input documents") in said
    # Killed and resumed again: still the part after the first resume, without a new warning.
    assert main(resumed) == 0
    assert NO_SAVED_FIGURES not in capsys.readouterr().err
    total = json.loads((out / "_manifest.json").read_text())["inputs_done"]
    doc = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    assert "(after the resume only)" in doc.xpath("//h1")[0].text_content()
    assert doc.xpath('//*[@id="total-documents"]/b')[0].text_content() == f"{total - skip:,}"
    scope = _scope(report)
    assert (f"covers only the part of the run done after its resume: the {total - skip:,} "
            f"input documents after the first {skip:,}") in scope
    assert f"The {skip:,} input documents before the resume are not in it" in scope
    assert NO_SAVED_FIGURES in scope


def test_resuming_a_finished_run_writes_its_report_from_the_checkpoint(dump, whole, tmp_path,
                                                                      capsys):
    out, again = tmp_path / "out", tmp_path / "again.html"
    args = _args(dump, out, "-q")
    assert main([*args, "--report", str(tmp_path / "first.html")]) == 0
    assert main([*args, "--resume", "--report", str(again)]) == 0
    assert _shown(again) == _shown(whole) and _samples(again) == _samples(whole)
    # A run made without --report kept nothing to make one from: said, and no page.
    out, none, stats = tmp_path / "out2", tmp_path / "none.html", tmp_path / "stats.json"
    args = _args(dump, out, "-q")
    assert main(args) == 0
    capsys.readouterr()
    assert main([*args, "--resume", "--report", str(none), "--stats", str(stats)]) == 1
    assert (f"the output is complete, but {none} cannot be written: "
            f"{NO_SAVED_FIGURES}") in capsys.readouterr().err
    assert not none.exists() and stats.exists()


def _record(i: int) -> dict:
    """A record with removals by 1 to 3 rules, of one of 4 sites, every fifth one flagged."""
    rules = ["a", "b", "c"][:1 + i % 3]
    return {"id": f"d{i}", "text": "kata " * (i % 7), "meta": {"site": f"s{i % 4}"},
            "removed": [{"rule": rule, "text": f"{rule}{i}", "line": 1, "action": "drop-line"}
                        for rule in rules],
            "flags": [{"flag": "f"}] if i % 5 == 0 else []}


def test_a_collector_restored_from_its_saved_state_goes_on_as_if_never_stopped():
    # Saved through JSON at any point and restored into a collector of another seed: the same
    # figures and the same samples, context included, as a collector that never stopped (the
    # random state goes with the rest, so the draws after it are the same).
    def feed(collector, indices):
        """The records (every eleventh a reject) of those indices, with their contexts."""
        for i in indices:
            if i % 11 == 0:
                collector.add_reject({"source": "in.jsonl", "line": i, "reason": f"bad {i}"})
            else:
                record = _record(i)
                contexts = [(f"before {i}", f"after {i}")] * len(record["removed"])
                collector.add_record(record, contexts)

    for seed in range(10):
        uninterrupted = ReportCollector(samples_per_rule=3, max_flagged=5, max_rejects=5,
                                        seed=seed)
        feed(uninterrupted, range(300))
        for cut in (0, 1, 58, 299):
            first = ReportCollector(samples_per_rule=3, max_flagged=5, max_rejects=5, seed=seed)
            feed(first, range(cut))
            resumed = ReportCollector(samples_per_rule=3, max_flagged=5, max_rejects=5,
                                      seed=seed + 1)
            resumed.restore(json.loads(json.dumps(first.state())))
            feed(resumed, range(cut, 300))
            assert resumed.data() == uninterrupted.data(), (seed, cut)


@pytest.mark.parametrize("damage", [
    {}, {"rng": None}, {"rng": [3, "!!!", None]}, {"rng": [3, "AAAA", None]},
    {"documents": "7"}, {"documents": -5}, {"samples": []}, {"sites": {"x": 5}},
    {"rule_hits": [1, 2]}, {"flagged_docs": None}, {"samples": {"r": [{"text": 1}]}},
])
def test_damaged_report_figures_in_a_manifest_are_said_and_never_raise(damage):
    collector = ReportCollector()
    collector.add_reject({"source": "a.jsonl", "line": 1, "reason": "broken JSON"})
    state = json.loads(json.dumps(collector.state()))
    damaged = damage if damage == {} else {**state, **damage}
    restored = ReportCollector()
    with pytest.raises(ValueError, match="saved report figures are damaged"):
        restored.restore(damaged)
    assert restored.data()["totals"]["rejected"] == 0       # untouched


def test_a_resume_over_damaged_report_figures_says_so_and_does_not_raise(dump, tmp_path,
                                                                          capsys):
    out, page = tmp_path / "out", tmp_path / "page.html"
    args = _args(dump, out, "-q")
    assert main([*args, "--report", str(tmp_path / "first.html")]) == 0
    manifest = out / "_manifest.json"
    data = json.loads(manifest.read_text())
    data["report"] = {**data["report"], "documents": "7"}
    manifest.write_text(json.dumps(data))
    capsys.readouterr()
    assert main([*args, "--resume", "--report", str(page)]) == 1
    assert "kept report figures that cannot be used" in capsys.readouterr().err
    assert not page.exists()
