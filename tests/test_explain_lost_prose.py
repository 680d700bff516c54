"""`cleaner explain` on a page whose extractor lost a paragraph among its menus: the paragraph
is shown first, whole, with where it sat; the menu runs are summed up unless --all."""

from __future__ import annotations

import subprocess
import sys

import pytest

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


def _places_by_brute_force(runs: list[str], record: dict, normalized: str) -> dict[int, str]:
    """places_left_out as it was first written (every run searched against every line): the
    answers the indexed one must give."""
    from cleaner.explain import CUT_MARK, _extractor, _in_order, _place, reads_as_prose, was_cut
    lines = [" ".join(line.split()) for line in normalized.split("\n")]
    anchor_chars = _extractor().anchor_chars
    anchors = []
    for index, run in enumerate(runs):
        if len(run) >= anchor_chars:
            number = next((number for number, line in enumerate(lines, start=1) if line and (
                run in line or (len(line) >= anchor_chars and line in run))), None)
            if number is not None:
                anchors.append((index, number))
    held = dict(_in_order(anchors))
    places, start = {}, 0
    before = [removal for removal in record["removed"] if removal["line"] == 0]
    for at, removal in enumerate(before):
        if not reads_as_prose(removal):
            continue
        text = removal["text"][:-len(CUT_MARK)] if was_cut(removal["text"]) else removal["text"]
        piece = " ".join(text.split())
        found = next((index for index in range(start, len(runs)) if piece in runs[index]), None)
        if found is None:
            continue
        start = found
        place = _place(held, found, last=max(
            (number for number, line in enumerate(lines, start=1) if line), default=0))
        if place:
            places[at] = place
    return places


def _random_page(seed: int) -> tuple[list[str], dict, str]:
    """A page's runs, a record and its text, made up from a few words (so runs and lines repeat
    and overlap): lines kept whole, in part, split over runs, copied out of order; CJK lines
    without spaces; lost prose among menus."""
    import random
    rng = random.Random(seed)
    words = ["the", "desk", "said", "on", "Monday", "that", "a", "new", "plan", "would", "cut",
             "costs", "by", "half", "and", "critics", "doubted", "it", "x" * 45]
    han = "北京市政府周一表示新的计划将把成本减半批评者对此表示怀疑"

    def sentence() -> str:
        if rng.random() < 0.2:
            return "".join(rng.choice(han) for _ in range(rng.randint(5, 60))) + "。"
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) + rng.choice(".!?:")

    lines = [sentence() for _ in range(rng.randint(0, 25))]
    runs: list[str] = []
    lost: list[str] = []
    for line in lines:
        roll = rng.random()
        if roll < 0.1:
            lost.append(sentence())
            runs.append(lost[-1])
        if roll < 0.2:
            runs.append(rng.choice(["Menu", "Sign In", "News"]))
        elif roll < 0.3 and " " in line:
            cut = rng.randrange(len(line))
            runs.extend(part for part in (line[:cut].strip(), line[cut:].strip()) if part)
            continue
        elif roll < 0.4:
            extra = sentence()
            runs.append(f"{line} {extra}")
            lost.append(extra)
            continue
        elif roll < 0.45 and runs:
            runs.append(rng.choice(runs))          # a related link repeating an earlier run
        runs.append(line)
    if lines and rng.random() < 0.5:
        runs.extend(rng.sample(lines, min(3, len(lines))))     # copies, out of order
    lost += [sentence() for _ in range(rng.randint(0, 2))]     # pieces no run holds
    removed = [{"rule": RULE if rng.random() < 0.9 else "html/chrome-sidebar",
                "text": cut_short(text) if rng.random() < 0.9 else f"  {text}\n",
                "line": 0, "col": 0, "action": "html-extract"} for text in lost]
    text = "\n".join(line if rng.random() < 0.8 else f" {line}  \n" for line in lines)
    return runs, {"removed": removed}, text


def test_places_are_those_every_run_searched_against_every_line_would_give():
    for seed in range(400):
        runs, record, text = _random_page(seed)
        assert places_left_out(runs, record, text) == _places_by_brute_force(runs, record, text), seed


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_placing_lost_prose_takes_time_in_proportion_to_the_page():
    # Every run was searched against every line: 0.9, 3.9, 16.8 s for 1,500, 3,000, 6,000 runs
    # (and lines); on a 1.4 MB page explain took 8.8 s where cleaning it took 5.0.
    n = 6000
    kept = [f"Paragraph {i} of the article that the page holds and that the text keeps in full."
            for i in range(n)]
    teasers = [f"Teaser number {i} about some other story that ran on the site today"
               for i in range(n)]
    lost = "This lost sentence was written by the desk and then left out."
    record = {"removed": [{"rule": RULE, "line": 0, "text": lost}] * 50}
    places = places_left_out(teasers + kept + [lost], record, "\n\n".join(kept))
    assert places == {at: f"after line {2 * n - 1}" for at in range(50)}


def test_what_reads_as_prose_is_what_html_extract_says_reads_as_a_sentence():
    from cleaner.explain import reads_as_prose
    from cleaner.html_extract import reads_as_sentence
    for text in (LEAD, *MENU, 'He said: "The budget will stay as it is, for now at least."',
                 "News > Budget", "北京市政府周一表示新的计划将把成本减半批评者对此表示怀疑而且认为不可行了。"):
        assert reads_as_prose({"rule": RULE, "text": text}) == reads_as_sentence(text), text


def test_a_piece_past_the_last_line_that_places_one_is_only_said_to_sit_somewhere_after_it():
    head = "A headline long enough to be placed by it, as lines are"
    lost = "The lost closing paragraph, which ends the story well."
    record = {"removed": [{"rule": RULE, "line": 0, "col": 0, "action": "html-extract",
                           "text": lost}]}
    # (line 3 is too short to place anything by: the piece may sit before it or after it; it
    # was said to sit "after line 1", where it sat after line 3)
    assert places_left_out([head, "Related Roundup", lost], record,
                           head + "\n\nRelated Roundup") == {0: "somewhere after line 1"}
