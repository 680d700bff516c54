"""The run report: one self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, Collection

from cleaner.stats import kinds_said, reason_parts
from cleaner.wording import noun

# How the report page opens, up to its title's first words: what tells it from a news page in a
# dump's folder (output_sniff.written_kind).
PAGE_OPENING = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
TITLE_OPENING = "<title>cleaner run report"

BAR_HEIGHT = 18
BAR_GAP = 5
LABEL_WIDTH = 330
BAR_WIDTH = 460
MAX_BARS = 400

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;
max-width:1100px;color:#1d2330;padding:0 16px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde;
padding-bottom:4px} .muted{color:#667} code{font-size:12px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.card{border:1px solid #dde;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px} .card span{color:#667;font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0} th,td{text-align:left;padding:4px 8px;
border-bottom:1px solid #eef;vertical-align:top} th{background:#f5f6fa;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.share{display:inline-block;height:10px;background:#d9534f;border-radius:2px;vertical-align:middle}
.sharebox{display:inline-block;width:120px;background:#eee;border-radius:2px;margin-right:6px}
details{border:1px solid #e4e6ef;border-radius:6px;margin:6px 0;padding:4px 10px}
summary{cursor:pointer;font-weight:600} mark{background:#ffd6d6;color:#8b0000;padding:0 1px}
.ctx{font-size:13px;word-break:break-word} svg text{font:12px system-ui,sans-serif;fill:#1d2330}
svg .bar{fill:#4a74c9} svg .n{fill:#444}
"""


def _num(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else escape(str(value))


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _rule_figures(v: dict[str, int]) -> str:
    """A rule's figures in words: "1 removal in 1 document, 3 words"."""
    hits, documents, words = v["hits"], v["documents"], v["words"]
    return (f"{hits:,} {noun(hits, 'removal')} in {documents:,} {noun(documents, 'document')}, "
            f"{words:,} {noun(words, 'word')}")


def bar_chart(rules: dict[str, dict]) -> str:
    """Hits per rule as horizontal SVG bars, most hits first."""
    items = list(rules.items())[:MAX_BARS]
    if not items:
        return '<p class="muted">No rule removed anything.</p>'
    top = max(v["hits"] for _, v in items) or 1
    height = len(items) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    width = LABEL_WIDTH + BAR_WIDTH + 80
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="rule-chart" role="img" '
           f'aria-label="hits per rule" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">']
    for i, (rule, v) in enumerate(items):
        y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP)
        w = max(1, round(BAR_WIDTH * v["hits"] / top))
        label = rule if len(rule) <= 48 else rule[:45] + "..."
        out.append(
            f'<g class="rule-bar" data-rule="{escape(rule)}" data-hits="{v["hits"]}">'
            f'<title>{escape(rule)}: {_rule_figures(v)}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 5}" text-anchor="end">'
            f'{escape(label)}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{w}" height="{BAR_HEIGHT}" rx="2"/>'
            f'<text class="n" x="{LABEL_WIDTH + w + 6}" y="{y + BAR_HEIGHT - 5}">'
            f'{v["hits"]:,}</text></g>')
    out.append("</svg>")
    if len(rules) > MAX_BARS:
        out.append(f'<p class="muted">{len(rules) - MAX_BARS} more rules not drawn.</p>')
    return "".join(out)


def _cards(totals: dict[str, Any]) -> str:
    cards = [("documents", totals["documents"], "read"), ("written", totals["written"], "records"),
             ("rejected", totals["rejected"], "refused input"),
             ("flagged", totals["flagged"], "for review"),
             ("removals", totals["removals"], "by all rules"),
             ("words_removed", totals["words_removed"],
              f"words removed, {_pct(totals['share'])} of {totals['words']:,}"
              + (f" ({totals['words_to_meta']:,} of them into metadata fields)"
                 if totals.get("words_to_meta") else ""))]
    return '<div class="cards">' + "".join(
        f'<div class="card" id="total-{key}"><b>{_num(value)}</b><span>{escape(caption)}</span>'
        f'</div>' for key, value, caption in cards) + "</div>"


def _sites(sites: dict[str, dict]) -> str:
    if not sites:
        return '<p class="muted">No documents.</p>'
    rows = ['<table id="sites"><tr><th>site</th><th class="num">documents</th>'
            '<th class="num">words</th><th class="num">words removed</th><th>share removed</th>'
            '<th class="num">removals</th><th class="num">flagged</th></tr>']
    for site, s in sites.items():
        width = max(0.0, min(1.0, s["share"])) * 120
        rows.append(
            f'<tr data-site="{escape(site)}"><td>{escape(site)}</td>'
            f'<td class="num docs">{s["documents"]:,}</td><td class="num words">{s["words"]:,}</td>'
            f'<td class="num removed">{s["words_removed"]:,}</td>'
            f'<td><span class="sharebox"><span class="share" style="width:{width:.0f}px"></span>'
            f'</span><span class="pct">{_pct(s["share"])}</span></td>'
            f'<td class="num removals">{s["removals"]:,}</td>'
            f'<td class="num flagged">{s["flagged"]:,}</td></tr>')
    rows.append("</table>")
    return "".join(rows)


def _samples(rules: dict[str, dict]) -> str:
    if not rules:
        return '<p class="muted">No removals.</p>'
    out = []
    for rule, v in rules.items():
        rows = []
        for s in v["samples"]:
            rows.append(
                f'<tr><td><code>{escape(s["doc"])}</code><br><span class="muted">'
                f'{escape(s["site"])} · line {escape(str(s["line"]))} · {escape(s["action"])}'
                f'</span></td><td class="ctx">{escape(s["before"])}<mark>{escape(s["text"])}'
                f'</mark>{escape(s["after"])}</td></tr>')
        out.append(f'<details class="samples" data-rule="{escape(rule)}"><summary>'
                   f'{escape(rule)} <span class="muted">{_rule_figures(v)} · {escape(v["action"])}'
                   f'</span></summary><table><tr><th>document</th><th>removed, in context'
                   f'</th></tr>{"".join(rows)}</table></details>')
    return "".join(out)


def _flagged(flagged: list[dict], total: int) -> str:
    if not flagged:
        return '<p class="muted">No document was flagged.</p>'
    rows = ['<table id="flagged"><tr><th>document</th><th>site</th><th>flags</th></tr>']
    for f in flagged:
        reasons = "<br>".join(
            escape(f"{fl.get('flag', '')}: {fl.get('rule', '')} {fl.get('reason', '')}".strip())
            for fl in f["flags"])
        rows.append(f'<tr><td><code>{escape(f["doc"])}</code></td><td>{escape(f["site"])}</td>'
                    f'<td>{reasons}</td></tr>')
    rows.append("</table>")
    if total > len(flagged):
        rows.append(f'<p class="muted">The first {len(flagged)} of {total:,} flagged documents.</p>')
    return "".join(rows)


def _reason_cell(kind: str, count: int, examples: dict[str, str],
                 varied: Collection[str] | None = None) -> str:
    """A kind of reject reason as its first reason reads, numbers and all, and "(and others like
    it)" where more are of its kind and some differ in their details (`varied`: reason_parts; the
    count is the row's): "line 12 is longer than 8388608 bytes (and others like it)". A kind
    counted before a resume of a run whose checkpoint kept no examples is shown as counted
    (numbers as N)."""
    reason, more = reason_parts(kind, count, examples, "{:,}".format, varied)
    return escape(reason) + (f' <span class="muted">{more}</span>' if more else "")


def _rejects(data: dict[str, Any]) -> str:
    total = data["totals"]["rejected"]
    if not total:
        return '<p class="muted">Nothing was rejected.</p>'
    rows = ['<table id="reject-reasons"><tr><th class="num">count</th><th>reason</th></tr>']
    examples = data.get("reject_examples") or {}
    varied = data.get("reject_varied")         # (None in a report's data of an earlier version)
    for reason, n in data["reject_reasons"].items():
        rows.append(f'<tr><td class="num">{n:,}</td>'
                    f'<td>{_reason_cell(reason, n, examples, varied)}</td></tr>')
    rows.append('</table><table id="rejects"><tr><th>input</th><th>reason</th></tr>')
    for r in data["rejects"]:
        rows.append(f'<tr><td><code>{escape(r["where"])}</code></td><td>{escape(r["reason"])}'
                    f'</td></tr>')
    rows.append("</table>")
    if total > len(data["rejects"]):
        rows.append(f'<p class="muted">The first {len(data["rejects"])} of {total:,} '
                    f'{noun(total, "reject")}; all are in the rejects file.</p>')
    return "".join(rows)


def _skipped(data: dict[str, Any]) -> str:
    """What reading passed over, by reason, as the summary says it: no articles, so neither
    records nor rejects."""
    records, files = data.get("skipped_records") or {}, data.get("skipped_files") or 0
    duplicates = data.get("duplicate_files") or {}
    if not records and not files and not duplicates:
        return '<p class="muted">Nothing was skipped.</p>'
    rows = ['<table id="skipped-records"><tr><th class="num">count</th><th>reason</th></tr>']
    for reason, n in records.items():
        rows.append(f'<tr><td class="num">{n:,}</td><td>{escape(reason)}</td></tr>')
    for reason, n in duplicates.items():
        rows.append(f'<tr><td class="num">{n:,}</td><td>duplicate files: {escape(reason)}'
                    f'</td></tr>')
    if files:
        rows.append(f'<tr><td class="num">{files:,}</td><td>files not matching the input '
                    f'patterns{escape(kinds_said(data.get("skipped_file_kinds") or {}))}'
                    f'</td></tr>')
    rows.append("</table>")
    return "".join(rows)


# Why a resumed run's report cannot cover the legs before it; said on the page, on stderr and in
# the error of a finished run's resume alike.
NO_SAVED_FIGURES = ("the interrupted run's last checkpoint kept no figures for a report (a leg "
                    "ran without --report, or the manifest is from an older version)")


def scope_note(scope: dict[str, Any] | None) -> str:
    """What part of the run the report covers, in words ("" for the whole run)."""
    if not scope:
        return ""
    skip, documents = scope["resumed_after"], scope["documents"]
    written, rejected = scope["written"], scope["rejected"]
    return (f"This report covers only the part of the run done after its resume: the "
            f"{documents:,} {noun(documents, 'input document')} after the first {skip:,} "
            f"({written:,} {noun(written, 'record')}, {rejected:,} {noun(rejected, 'reject')}). "
            f"The {skip:,} {noun(skip, 'input document')} before the resume "
            f"{noun(skip, 'is', 'are')} not in it: {NO_SAVED_FIGURES}. The closing summary and "
            "--stats count the whole run.")


def render(data: dict[str, Any]) -> str:
    """The report page for a run's data (see ReportCollector.data)."""
    run = data.get("run", {})
    info = []
    for key in ("command", "started", "seconds", "seconds since the resume", "output"):
        if run.get(key) not in (None, ""):
            info.append(f"{escape(key)}: <code>{escape(str(run[key]))}</code>")
    totals = data["totals"]
    scope = data.get("scope")
    partial = " (after the resume only)" if scope is not None else ""
    note = scope_note(scope)
    return (
        PAGE_OPENING
        + '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'{TITLE_OPENING}{partial}: {totals["written"]:,} '
        f'{noun(totals["written"], "document")}</title>'
        f'<style>{CSS}</style></head><body>'
        f'<h1>cleaner run report{partial}</h1>'
        f'<p class="muted">{" · ".join(info)}</p>'
        + (f'<p id="scope">{escape(note)}</p>' if note else "")
        + f'{_cards(totals)}'
        f'<h2 id="hits">Hits per rule</h2>{bar_chart(data["rules"])}'
        f'<h2 id="per-site">Per site</h2>{_sites(data["sites"])}'
        f'<h2 id="samples">Sampled removals per rule</h2>'
        f'<p class="muted">Up to a few removals per rule, drawn at random from '
        f'{"the documents after the resume" if partial else "the whole run"}; the '
        f'removed text is <mark>marked</mark> in its context (¶ separates lines).</p>'
        f'{_samples(data["rules"])}'
        f'<h2 id="flagged-docs">Flagged documents</h2>{_flagged(data["flagged"], totals["flagged"])}'
        f'<h2 id="rejected">Rejects</h2>{_rejects(data)}'
        f'<h2 id="skipped">Skipped</h2><p class="muted">Input passed over, as not an article '
        f'to clean: neither written nor rejected.</p>{_skipped(data)}'
        '<p class="muted">This page is self-contained: no scripts, nothing loaded from the network.'
        '</p></body></html>\n')


def write_report(path: str | Path, data: dict[str, Any]) -> None:
    Path(path).write_text(render(data), encoding="utf-8")
