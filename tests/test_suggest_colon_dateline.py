"""`cleaner suggest` on a Malaysian English daily whose dateline ends with a colon
("DAILYNUSA.EXAMPLE, KUALA LUMPUR: ") and whose byline names the reporter and the editor after
a slash ("Reporter: X / Editor: Y"). An acceptance run found no dateline suggested (the lead
shapes took dashes only), so the written pack got no name, aliases or signature and the dump's
documents without url stayed no site's; and the byline a drop-line losing both names."""

from __future__ import annotations

import json
import tomllib

from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.rulefile import load_packs

HOST = "dailynusa.example"
PLACES = ["KUALA LUMPUR", "GEORGE TOWN", "JOHOR BAHRU", "IPOH", "KUCHING"]
REPORTERS = ["Aisyah Rahman", "Daniel Wong", "Priya Nair", "Tan Mei Ling"]
EDITORS = ["Rosli Abdullah", "Grace Cheah", "Ahmad Nizam"]


def _rows(n: int = 12) -> list[dict]:
    rows = []
    for i in range(n):
        lead = (f"DAILYNUSA.EXAMPLE, {PLACES[i % len(PLACES)]}: Residents gathered at the "
                f"town square on Monday morning for the annual fair, its {i + 10}th edition.")
        paras = [f"Annual Town Fair Number {i} Opens",
                 f"Reporter: {REPORTERS[i % 4]} / Editor: {EDITORS[i % 3]}", lead,
                 *(f"Paragraph {k} of story {i} tells how the day went, stall by stall." for k
                   in range(5))]
        rows.append({"id": f"d{i}", "url": f"https://www.{HOST}/news/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def _written(tmp_path) -> tuple[dict, str]:
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--write-packs", str(out)]) == 0
    text = (out / f"{HOST}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text), str(out)


def test_a_colon_dateline_is_suggested_and_names_the_site(tmp_path, capsys):
    pack, out = _written(tmp_path)
    assert "dailynusa.example, <place> :" in capsys.readouterr().out
    assert pack["pack"]["aliases"] == ["DAILYNUSA.EXAMPLE"]
    assert pack["pack"]["signatures"]
    assert "dailynusa/dateline" in [r["id"] for r in pack["rule"]]

    # A document with no url is the site's by its dateline, which goes into meta.
    record = Cleaner(packs=load_packs([out])).clean(
        "Floods Recede in the North\n\nDAILYNUSA.EXAMPLE, ALOR SETAR: Flood waters in the "
        "northern districts receded on Tuesday after three days of rain.\n\nRelief centres "
        "were closing one by one as families returned home.")
    assert record["meta"]["site"] == HOST
    assert record["meta"]["location"] == "Alor Setar"
    assert record["text"].startswith("Flood waters in the northern districts")


def test_a_label_or_a_name_before_a_colon_is_no_dateline(tmp_path):
    from cleaner import shapes
    for prefix in ("Reporter", "Minister Anwar", "Kuala Lumpur, Daily Nusa", "Dailynusa.example"):
        assert shapes.lead_shape(f"{prefix}: the ringgit firmed against the dollar.") is None


def test_a_byline_naming_the_editor_after_a_slash_keeps_both_names(tmp_path):
    pack, out = _written(tmp_path)
    [byline] = [r for r in pack["rule"] if r["id"] == "dailynusa/reporter"]
    assert byline["action"] == "meta"
    record = Cleaner(packs=load_packs([out])).clean(
        "Floods Recede in the North\n\nReporter: Priya Nair / Editor: Grace Cheah\n\nFlood "
        "waters in the northern districts receded on Tuesday after three days of rain.",
        url=f"https://{HOST}/news/99")
    assert record["meta"]["authors"] == ["Priya Nair"]
    assert record["meta"]["editors"] == ["Grace Cheah"]
