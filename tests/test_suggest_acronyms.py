"""`cleaner suggest`'s capitals dateline rule leaves an acronym alone before the dash ("FEMA — The
agency said ...", "COVID — ..."), as the shipped en/dateline keeps "NASA — ...": a place of one
word is only one the dump opened its datelines with (and writes in capitals inside no sentence);
the rule keeps an example of an acronym, and passes `rules check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.rulefile import load_packs

HOST = "valleycourier.example"
# The local paper's datelines: one one-word town, two of two words; one lead opens without any.
OPENINGS = ["MILLBROOK — The city council voted 5-2 late Monday to approve a new bypass road.",
            "HARBOR CITY — The harbor commission approved new mooring fees on Wednesday.",
            "CEDAR FALLS — Cedar Falls will open a second fire station in the spring, the city said.",
            "MILLBROOK — The public library reopened Tuesday after a four-month roof repair.",
            "The Millbrook Eagles won their first state basketball title on Saturday night.",
            "HARBOR CITY — The school board voted to extend the superintendent's contract.",
            "CEDAR FALLS — Road work on Route 9 will close one lane for three weeks.",
            "MILLBROOK — A downtown bakery that has operated for 60 years will close this month."]
BODY = ["Residents packed the chamber for more than five hours of public comment on Monday.",
        "Officials in Millbrook said the work would be paid for with state money.",
        "The state agency FEMA said last year that the county was at risk of floods."]


def _dump(tmp_path: Path) -> Path:
    rows = [{"id": f"vc-{i}", "url": f"https://www.{HOST}/news/local/{i}",
             "text": "\n".join([f"By Greg Owens {i}", opening, *BODY])}
            for i, opening in enumerate(OPENINGS)]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    out = tmp_path / "packs"
    assert main(["suggest", str(_dump(tmp_path)), "--write-packs", str(out)]) == 0
    return out


def _dateline_rule(pack_dir: Path) -> dict:
    import tomllib
    [path] = pack_dir.glob("*.toml")
    rules = tomllib.loads(path.read_text(encoding="utf-8"))["rule"]
    [rule] = [r for r in rules if r["id"].endswith("/dateline")]
    return rule


def _location(pack_dir: Path, text: str) -> str | None:
    cleaner = Cleaner(packs=load_packs([str(pack_dir)]))
    record = cleaner.clean(f"By Greg Owens\n{text}\nThe council met on Tuesday to discuss it.",
                           url=f"https://www.{HOST}/news/local/x")
    return record["meta"]["location"]


@pytest.mark.parametrize("lead", ["FEMA — The agency said it would send trailers to Millbrook.",
                                  "COVID — The virus has returned to the county's nursing homes."])
def test_an_acronym_before_the_dash_is_no_place(pack_dir, lead):
    assert _location(pack_dir, lead) is None


@pytest.mark.parametrize("lead, place", [
    ("MILLBROOK — The mayor said the road would open in May.", "Millbrook"),
    ("HARBOR CITY — The ferry will run on Sundays again.", "Harbor City"),
    ("WEST RIVER — A new bridge opened on Friday.", "West River")])
def test_the_dumps_places_are_still_taken(pack_dir, lead, place):
    assert _location(pack_dir, lead) == place


def test_the_rule_keeps_an_acronym_and_passes_rules_check(pack_dir, capsys):
    rule = _dateline_rule(pack_dir)
    assert rule["keep"], rule
    first = rule["keep"][0].split()[0]
    assert first.isupper() and first not in ("MILLBROOK", "HARBOR", "CEDAR")
    assert all(example.split(" —")[0] in ("MILLBROOK", "HARBOR CITY", "CEDAR FALLS")
               for example in rule["remove"])
    capsys.readouterr()
    assert main(["rules", "check", "--rules", str(pack_dir), "--no-fixtures"]) == 0
    out = capsys.readouterr().out
    assert not [line for line in out.splitlines()
                if "warning" in line.lower() and "/dateline" in line], out
