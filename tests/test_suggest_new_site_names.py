"""`cleaner suggest` on new sites' dumps: a sentence a few articles repeat word for word is
written commented out, the site's own name in a dateline is its source wherever it stands and
however its host spells it, a subdomain's pages are the site's, and a dateline's words a rule
moves into metadata are no article text lost (`fixtures update`)."""

from __future__ import annotations

import tomllib

from cleaner.cli import main
from cleaner.fixture_workflow import text_change
from suggest_helpers import suggested, write_dump

PLACES = ["SHAH ALAM", "IPOH", "KLANG", "KUANTAN", "SEREMBAN"]
NAMES = ["Nur Aisyah Rahman", "Mohd Faizal Ismail", "Siti Hajar Osman", "Lim Wei Jie"]
APPEAL = ("Orang ramai yang mempunyai maklumat mengenai kejadian itu diminta menghubungi "
          "mana-mana balai polis berhampiran.")


def _article(i: int, lead: str) -> list[str]:
    lines = [f"{lead}Majlis Bandaraya menerima {i + 3} aduan berhubung longkang tersumbat "
             f"di taman nombor {i}."]
    lines += [f"Perenggan {k} berita {i} menerangkan {i * 7 + k} perkara yang dibincangkan."
              for k in range(4)]
    if i in (4, 17, 33):
        lines.insert(2, APPEAL)
    lines.append(f"Oleh {NAMES[i % len(NAMES)]}")
    lines.append("Ikuti Semenanjung Post di Telegram untuk berita terkini setiap hari.")
    return lines


def _malay_dump(tmp_path, lead=lambda i: f"Semenanjung Post, {PLACES[i % len(PLACES)]} - ",
                url=lambda i: f"https://www.semenanjungpost.my/berita/{i}"):
    return write_dump(tmp_path, [_article(i, lead(i)) for i in range(52)], url)


def test_a_sentence_three_articles_repeat_is_written_commented_out_with_a_note(tmp_path):
    folder = tmp_path / "new"
    assert main(["suggest", str(_malay_dump(tmp_path)), "--site", "semenanjungpost.my",
                 "--write-packs", str(folder), "--top", "30"]) == 0
    text = (folder / "semenanjungpost.my.toml").read_text(encoding="utf-8")
    live = tomllib.loads(text).get("rule", [])
    assert not [r for r in live if "Orang" in r["pattern"]]          # not a live drop rule
    at = text.index("Orang\\s+ramai")
    above = text[:at].rsplit("\n\n", 1)[-1]
    assert "# note: its line is a sentence, repeated word for word in 6%" in above
    assert "# (left commented out" in above


def test_a_site_s_name_before_the_place_is_read_as_the_source(tmp_path, capsys):
    cands = suggested(_malay_dump(tmp_path), capsys, "--site", "semenanjungpost.my")
    [lead] = [c for c in cands if c["kind"] == "lead"]
    assert lead["shape"] == "semenanjung post, <place> -" and lead["docs"] == 52
    assert lead["rule"]["pattern"].startswith("^(?P<source>(?i:Semenanjung\\s+Post))\\s*,")


def test_a_hyphenated_host_s_name_written_with_a_space_is_no_place(tmp_path, capsys):
    dump = _malay_dump(tmp_path, lead=lambda i: "KABAR PRIANGAN - ",
                       url=lambda i: f"https://www.kabar-priangan.example/berita/{i}")
    [lead] = [c for c in suggested(dump, capsys, "--packs", "common") if c["kind"] == "lead"]
    assert "(?P<source>(?i:KABAR\\s+PRIANGAN))" in lead["rule"]["pattern"]
    assert "location" not in lead["rule"]["pattern"]


def test_a_subdomain_s_pages_are_mined_as_the_site_s(tmp_path, capsys):
    dump = _malay_dump(tmp_path, url=lambda i: f"https://kota.semenanjungpost.my/berita/{i}")
    cands = suggested(dump, capsys, "--site", "semenanjungpost.my")
    assert [c["docs"] for c in cands if c["kind"] == "lead"] == [52]


def test_a_dateline_moved_into_metadata_is_no_text_lost():
    line = "Semenanjung Post, SHAH ALAM - Majlis Bandaraya menerima 3 aduan hari ini."
    before = {"text": line, "meta": {}}
    after = {"text": "Majlis Bandaraya menerima 3 aduan hari ini.",
             "meta": {"source": "Semenanjung Post", "location": "Shah Alam"}}
    change = text_change(before, after)
    assert change.cut == [] and change.changed == [line]
    # The same words cut with no field to hold them are lost.
    assert text_change(before, {**after, "meta": {}}).cut
