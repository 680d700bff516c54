"""`cleaner explain` on a page whose extractor lost a paragraph among its menus: the paragraph
is shown first, whole, with where it sat; the menu runs are summed up unless --all."""

from __future__ import annotations

import subprocess
import sys

from cleaner.cli import main
from cleaner.document import cut_short
from cleaner.explain import explain, places_left_out
from conftest import ROOT

RULE = "html/not-extracted"
LEAD = ("We bring you the best deals we've found today on video games, hardware, electronics, "
        "and a bunch of random stuff too. Updated 7 days a week, 365 days a year. Black Friday "
        "is approaching, but several items have dropped in price already.")
MENU = ["Browse IGN", "Sign In", "News", "Video", "Reviews", "Shows", "Wikis", "More", "Games",
        "Henry Cavill Says He's Still Superman, Despite Reports"]
TEXT = ("Daily Deals: More Black Friday Deals Are Live\n\n"
        "The first kept paragraph of the deals, in full.")


def _record(lost: list[str]) -> dict:
    removed = [{"rule": "html/chrome-sidebar", "text": "If you buy something, IGN may get a share.",
                "line": 0, "col": 0, "action": "html-strip"}]
    removed += [{"rule": RULE, "text": cut_short(text), "line": 0, "col": 0,
                 "action": "html-extract"} for text in lost]
    return {"id": "ign", "meta": {}, "removed": removed, "text": TEXT}


def test_prose_the_extractor_lost_is_shown_first_whole_and_menus_summed_up():
    record = _record(MENU[:5] + [LEAD] + MENU[5:])
    out = explain(TEXT, record, places={6: "between lines 1 and 3"})
    lines = out.splitlines()
    at = lines.index("   left out by the extractor, reading as prose (1):")
    assert lines[at + 1] == f"      between lines 1 and 3: [-{LEAD}-]<{RULE}>"
    assert at < lines.index("   before the text had lines (12 removed):")
    assert "[-If you buy something, IGN may get a share.-]<html/chrome-sidebar>" in out
    assert f"<{RULE}>" not in out.replace(f"[-{LEAD}-]<{RULE}>", "").split("(--all")[0] \
        .replace(f"({RULE})", "")          # no menu run listed one by one
    assert f"10 other runs the extractor left out ({RULE}), none reading as prose: " \
           "'Browse IGN', 'Sign In', 'News'," in " ".join(out.split())
    assert "(--all lists them)" in out
    # (the usual output is no longer for it: shorter than every removal listed)
    every = explain(TEXT, record, every=True, places={6: "between lines 1 and 3"})
    assert len(out.splitlines()) < len(every.splitlines())
    assert all(f"[-{text}-]<{RULE}>" in every for text in MENU)


def test_a_few_menu_runs_are_listed_as_they_are():
    out = explain(TEXT, _record(MENU[:3] + [LEAD]))
    assert all(f"      [-{text}-]<{RULE}>" in out for text in MENU[:3])
    assert "other run" not in out
    # no place known: said so, not guessed
    assert f"      place unknown: [-{LEAD}-]" in out


def test_a_piece_the_record_cut_is_said_to_be_cut():
    long = " ".join([LEAD] * 4)                 # over the 500 characters a removal keeps
    out = explain(TEXT, _record([long]))
    [line] = [line for line in out.splitlines() if "[-We bring" in line]
    assert line.endswith(f"<{RULE}> (cut here: the record keeps its first 500 characters)")
    # all it keeps, and the mark (its spaces made one, as every removal shown before the text)
    assert line.split("[-")[1].split("-]")[0] == " ".join(cut_short(long).split())
    listed = explain(TEXT, _record([long]), every=True)
    assert "the record keeps its first 500)" in listed


def test_where_a_lost_piece_sat_is_found_from_the_page_runs():
    runs = ["Browse IGN", "Daily Deals: More Black Friday Deals Are Live", LEAD,
            "The first kept paragraph of the deals, in full.", "Eric Song is IGN's deal curator "
            "and spends 25% of his pay on stuff he posts."]
    record = _record(["Browse IGN", LEAD, runs[4]])
    assert places_left_out(runs, record, TEXT) == {2: "between lines 1 and 3", 3: "after line 3"}
    # a paragraph kept in part sat within the line holding the rest
    kept = "The first kept paragraph of the deals, in full."
    runs = [f"{kept} Then a sentence of it the extractor cut out, for some reason or other."]
    record = _record(["Then a sentence of it the extractor cut out, for some reason or other."])
    assert places_left_out(runs, record, TEXT) == {1: "within line 3"}


def test_explain_of_a_page_shows_its_lost_prose_with_its_place(capsys):
    page = ROOT / "fixtures" / "bbc.com" / "70cb2d5bca.html"
    assert main(["explain", str(page), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "   left out by the extractor, reading as prose (3):\n      after line 26: [-Israel's " \
           "military says the strikes inside Syria were in response to rockets fired by Iranian " \
           f"troops.-]<{RULE}>" in out
    assert "[-Homepage-]" not in out
    assert main(["explain", str(page), "--all", "--color", "never"]) == 0
    every = capsys.readouterr().out
    assert "[-Homepage-]" in every and len(out) < len(every)
    # the runs summed up are those --all lists, less the 3 shown as prose (listed again there)
    listed = sum(line.startswith("      [-") and line.endswith(f"<{RULE}>")
                 for line in every.splitlines())
    assert f"{listed - 3} other runs the extractor left out ({RULE})" in out
    # and the removals counted are the same
    assert out.rstrip().splitlines()[-1] == every.rstrip().splitlines()[-1]


def test_the_command_line_loads_no_html_parser_until_a_page_needs_one():
    # explain's view of a page's leavings needs html_extract (lxml); the CLI imports explain for
    # every command, and each worker of a JSONL run would carry lxml for nothing.
    code = "import sys, cleaner.cli; print('lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
