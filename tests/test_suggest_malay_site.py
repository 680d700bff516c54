"""`cleaner suggest` on a Malay site (a new user's acceptance run): a line a loaded
rule already cuts a dateline from is mined for what the rule leaves of it, not proposed as a
whole-line drop of the lead paragraph; lines the loaded rules remove are no field list; a label
before a date is proposed as a stamp that fills meta.date; too few documents for a candidate
are said as such, naming --min-docs."""

from __future__ import annotations

import json

from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs

HOST = "akhbar-contoh.com.my"
LEADS = ["Ringgit dibuka tinggi berbanding dolar AS pagi ini disokong oleh data perdagangan "
         "negara.",
         "Polis menahan tiga lelaki dalam serbuan di sebuah rumah teres di Cheras semalam.",
         "Jumlah pelancong asing ke ibu negara meningkat kepada 2.3 juta orang tahun lalu.",
         "Seramai 450 peserta menyertai program gotong-royong membersihkan pantai pada hujung "
         "minggu.",
         "Kerajaan negeri memperuntukkan RM12 juta untuk menaik taraf jalan kampung di daerah "
         "itu."]
BODY = ["Menurutnya, suspek berusia 38 tahun ditahan di sebuah kedai makan berhampiran.",
        "Jiran mangsa berkata dia terdengar jeritan meminta tolong.",
        "Kes disiasat mengikut Seksyen 307 Kanun Keseksaan.",
        "Siasatan lanjut sedang dijalankan, kata polis."]
PLACES = ["KUALA LUMPUR", "SHAH ALAM", "JOHOR BAHRU", "KUALA LUMPUR", "PUTRAJAYA"]


def _write(tmp_path, rows, name="dump.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _malay(n: int = 5, place: str | None = "KUALA LUMPUR", tail=lambda i: []) -> list[dict]:
    """A Malay site's articles: a byline, the lead opening with a dateline ('KUALA LUMPUR: '),
    body paragraphs, and the lines `tail(i)` gives at the end."""
    rows = []
    for i in range(n):
        lead = LEADS[i % len(LEADS)]
        paras = ["Oleh Ahmad Ismail", f"{place or PLACES[i % len(PLACES)]}: {lead}",
                 BODY[i % len(BODY)], BODY[(i + 1) % len(BODY)], *tail(i)]
        rows.append({"id": f"ms-{i}", "url": f"https://www.{HOST}/berita/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def _suggest_json(capsys, path, *args) -> dict:
    assert main(["suggest", str(path), "--format", "json", *args]) == 0
    [site] = json.loads(capsys.readouterr().out)
    return site


def _clean(path, *rules, lang=None, builtin=True):
    cleaner = Cleaner(packs=load_packs(list(rules), builtin=builtin), lang=lang)
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([str(path)])]


def _examples(site: dict) -> list[str]:
    return [e for c in site["candidates"] for e in c["examples"]]


# ------------------------------------------------------------------- 1. a line a rule cuts from


def test_a_lead_a_loaded_dateline_rule_cuts_is_no_whole_line_candidate(tmp_path, capsys):
    """The acceptance run's r12: 'KUALA LUMPUR: <lead>' in every article. ms/dateline-colon cuts
    'KUALA LUMPUR: '; the label 'kuala lumpur : <title>' was proposed as a drop-line whose
    examples were lead sentences, and loaded it deleted the lead and lost meta.location."""
    dump = _write(tmp_path, _malay(3))
    site = _suggest_json(capsys, dump, "--lang", "ms")
    assert not [c for c in site["candidates"] if "kuala" in c["shape"]]
    assert not [e for e in _examples(site) if any(lead in e for lead in LEADS)]
    records = _clean(dump, lang="ms")
    assert all(r["meta"]["location"] == "Kuala Lumpur" for r in records)


def test_leads_of_many_places_cut_by_a_dateline_rule_give_no_candidate(tmp_path, capsys):
    dump = _write(tmp_path, _malay(10, place=None))
    site = _suggest_json(capsys, dump, "--lang", "ms")
    assert not [e for e in _examples(site) if any(lead in e for lead in LEADS)]


def test_an_indonesian_dash_dateline_is_no_whole_line_candidate(tmp_path, capsys):
    rows = _malay(4, place="JAKARTA")
    for row in rows:
        row["text"] = row["text"].replace("JAKARTA: ", "JAKARTA - ")
    site = _suggest_json(capsys, _write(tmp_path, rows), "--lang", "id")
    assert not [c for c in site["candidates"] if "jakarta" in c["shape"].lower()]
    assert not [e for e in _examples(site) if any(lead in e for lead in LEADS)]
    assert any("dateline" in r for c in site["covered"] for r, _ in c["covered_by"])


AD_PACK = """[pack]
id = "iklan"
kind = "common"

[[rule]]
id = "iklan/tag"
description = "An ad's tag opening a line"
action = "drop-span"
pattern = '^\\[IKLAN\\]\\s*'
remove = ["[IKLAN] Langgan: Buletin percuma"]
"""


def test_what_a_loaded_rule_leaves_of_a_line_is_mined_and_its_rule_fires_after_the_cut(
        tmp_path, capsys):
    """'[IKLAN] Langgan: <title>': the loaded rule cuts the tag, the rest is a label line. It is
    proposed for what is left, and the rule fires on that after the cut."""
    pack = tmp_path / "iklan.toml"
    pack.write_text(AD_PACK, encoding="utf-8")
    dump = _write(tmp_path, _malay(6, tail=lambda i: [
        f"[IKLAN] Langgan: Buletin percuma edisi nombor {i} untuk pembaca"]))
    out = tmp_path / "packs"
    args = ["--no-builtin-rules", "--rules", str(pack)]
    site = _suggest_json(capsys, dump, *args)
    [cand] = [c for c in site["candidates"] if "langgan" in c["shape"]]
    assert cand["kind"] == "label"
    assert cand["examples"] and all(e.startswith("Langgan: ") for e in cand["examples"])
    assert main(["suggest", str(dump), *args, "--write-packs", str(out)]) == 0
    records = _clean(dump, pack, out, builtin=False)
    assert not any("Langgan" in r["text"] or "IKLAN" in r["text"] for r in records)
    # (a near miss is a line as it reaches the rule: no line the loaded rule cuts from)
    assert not any("IKLAN" in k for k in cand["rule"].get("keep", []))


# ------------------------------------------------------------------- 2. field lists and stamps


def _stamped(i: int, label: str = "Diterbitkan") -> list[str]:
    """A Malay daily's closing lines: the publication stamp in most articles, the tag list in
    every one (chrome/tag-list removes it)."""
    stamp = [f"{label}: Mac {10 + i}, 2026 @ 9:45am"] if i % 4 != 3 else []
    return stamp + [f"Tag: Ringgit, Dolar AS, Berita {i}"]


def test_lines_a_loaded_rule_removes_are_no_field_list(tmp_path, capsys):
    """The acceptance run's big.jsonl: 'Tag: ...' lines chrome/tag-list removes, beside
    'Diterbitkan: <date>', were 'left out as field lists (content)'. Neither is content: the
    tags are shown as already removed, the stamp as removed or as a stamp candidate."""
    site = _suggest_json(capsys, _write(tmp_path, _malay(12, tail=_stamped)), "--lang", "ms")
    assert site["field_lists"] == []
    [tags] = [c for c in site["covered"] if c["shape"] == "tag : <title>"]
    assert tags["covered_by"][0][0] == "chrome/tag-list"
    stamps = [c for c in site["covered"] + site["candidates"]
              if c["shape"].startswith("diterbitkan :")]
    assert stamps and all(c in site["covered"] or "(?P<date>" in c["rule"]["pattern"]
                          for c in stamps)


def _line_up(i: int) -> list[str]:
    """A match report's closing line-ups: each team's players, its coach under them, then the
    referee; the line-ups too long to read as labels."""
    players = ", ".join(f"{n} - Pemain Nomor{n} Tim{i}" for n in range(1, 12))
    referee = [f"Wasit: Wasit Nomor{i}"] if i % 2 else []      # (a preview names none)
    return [f"Tim Merah: {players}.", f"Pelatih: Pelatih Merah{i}", f"Tim Biru: {players}.",
            f"Pelatih: Pelatih Biru{i}", *referee]


def test_a_coach_under_a_line_up_is_a_field_list_not_a_line_to_drop(tmp_path, capsys):
    """'Pelatih: X' between two line-ups, and above 'Wasit: Y' in a match report (a preview names
    no referee): only the last counted as a field list's, since a line-up is too long to read as
    a label, and suggest proposed a rule that, pasted, dropped every coach of every report."""
    site = _suggest_json(capsys, _write(tmp_path, _malay(12, tail=_line_up)), "--lang", "ms")
    assert "pelatih : <title>" in [f["shape"] for f in site["field_lists"]]
    assert not any(c["shape"].startswith("pelatih") for c in site["candidates"])


def test_a_label_before_a_date_is_proposed_as_a_stamp_filling_the_date(tmp_path, capsys):
    """A label no loaded rule knows ('Dimuat naik: Mac 13, 2026 @ 9:45am'; ms/date-line reads
    'Tarikh terbit' since session 49): a meta rule whose date fills meta.date, not a drop-line
    of a label's title."""
    dump = _write(tmp_path, _malay(12, tail=lambda i: _stamped(i, "Dimuat naik")))
    site = _suggest_json(capsys, dump, "--lang", "ms")
    [stamp] = [c for c in site["candidates"] if c["shape"] == "dimuat naik : <title>"]
    rule = stamp["rule"]
    assert rule["action"] == "meta" and "(?P<date>" in rule["pattern"]
    assert rule["id"].endswith("/dimuat-naik-stamp") and rule["where"] == "tail"
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--lang", "ms", "--write-packs", str(out)]) == 0
    records = _clean(dump, out, lang="ms")
    assert not any("Dimuat naik" in r["text"] for r in records)
    assert records[0]["meta"]["date"].startswith("2026-03-10T09:45")


def test_a_date_in_a_label_with_a_sentence_after_it_is_no_stamp(tmp_path, capsys):
    """'Nota: 12 Mac 2026 ialah ...' holds a date, but is a sentence: no stamp."""
    site = _suggest_json(capsys, _write(tmp_path, _malay(6, tail=lambda i: [
        f"Nota: Mesyuarat {i} diadakan pada 12 Mac 2026 di dewan besar kampung itu"])),
        "--lang", "ms")
    assert not [c for c in site["candidates"] if c["rule"]["action"] == "meta"
                and "(?P<date>" in c["rule"]["pattern"]]


# --------------------------------------------------------------------- 3. too few documents


def test_too_few_documents_for_a_candidate_is_said_naming_min_docs(tmp_path, capsys):
    dump = _write(tmp_path, _malay(1, tail=lambda i: ["Sertai kuiz mingguan kami setiap Jumaat"]))
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--lang", "ms", "--write-packs", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--min-docs" in err
    assert ("the input holds 1 document of the site, fewer than the 3 a candidate needs "
            "(--min-docs 3), so none of the 4 lines the loaded rules leave can recur") in err
    # (the 4: the lead's rest, two body lines, the quiz line)
    assert not out.exists()
    assert "no url host" not in err          # (the record's url names its site)


def test_a_lone_text_file_is_told_it_has_no_url_host_too(tmp_path, capsys):
    # Told only to give more documents, where more .txt files would still name no site.
    text = tmp_path / "one.txt"
    text.write_text("Judul Berita Contoh Hari Ini\n\nWarga kota berkumpul di alun-alun pada pagi "
                    "hari untuk merayakan ulang tahun kota.\n", encoding="utf-8")
    assert main(["suggest", str(text), "--write-packs", str(tmp_path / "packs")]) == 1
    err = capsys.readouterr().err
    assert "fewer than the 3 a candidate needs" in err
    assert "; and the 1 document under (no site) has no url host" in err


# Words enough for articles that share no line.
_TOWNS = ("Ipoh", "Melaka", "Kuantan", "Seremban", "Kuching", "Alor Setar")
_THINGS = ("jambatan", "hospital", "sekolah", "pasar", "stadium", "perpustakaan")


def _plain_articles(n: int, tail=lambda i: []) -> list[dict]:
    """A site's articles with no line in common, and the lines `tail(i)` gives at the end."""
    rows = []
    for i in range(n):
        town, thing = _TOWNS[i], _THINGS[i]
        paras = [f"Kerajaan negeri membina {thing} baharu di {town} tahun ini.",
                 f"Penduduk {town} menyambut baik rancangan {thing} itu kata pegawai daerah.",
                 f"Kerja membina {thing} di {town} dijangka siap dalam tempoh dua tahun.",
                 *tail(i)]
        rows.append({"id": f"p-{i}", "url": f"https://www.{HOST}/berita/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def test_a_site_whose_cruft_the_loaded_rules_all_remove_is_said_to_leave_its_articles_lines(
        tmp_path, capsys):
    dump = _write(tmp_path, _plain_articles(6))
    assert main(["suggest", str(dump), "--lang", "ms", "--write-packs",
                 str(tmp_path / "packs")]) == 1
    err = capsys.readouterr().err
    assert "was seen in one document alone (the articles' own text, as a rule)" in err
    assert "smaller --min-docs" not in err


def test_lines_recurring_in_too_few_documents_are_counted_apart_from_the_articles(
        tmp_path, capsys):
    dump = _write(tmp_path, _plain_articles(6, tail=lambda i: [
        "Sertai kuiz mingguan kami setiap Jumaat"] if i < 2 else []))
    assert main(["suggest", str(dump), "--lang", "ms", "--write-packs",
                 str(tmp_path / "packs")]) == 1
    assert ("1 line the loaded rules leave was seen in more than one document but fewer than 3"
            in capsys.readouterr().err)


def test_a_byline_before_a_date_is_no_stamp_that_drops_its_author(tmp_path, capsys):
    """'By JANE DOE | Staff Writer | March 3, 2024' (a new-site acceptance run): the line read as
    a label 'By JANE DOE' before a date, and suggest offered a stamp rule per author, each taking
    the date and dropping the name it did not capture."""
    writers = ["JANE DOE", "JANE DOE", "JANE DOE", "MARK RIVERA", "ALAN CHEN", "JANE DOE"]
    rows = [{"id": f"dh-{i}", "url": f"https://www.herald-contoh.com/news/{i}",
             "text": f"Council passes budget number {i}\n\n"
                     f"By {name} | Staff Writer | March {3 + i}, 2024\n\n"
                     f"SPRINGFIELD — {LEADS[i % len(LEADS)]}\n\n{BODY[i % len(BODY)]}"}
            for i, name in enumerate(writers)]
    site = _suggest_json(capsys, _write(tmp_path, rows))
    assert not [c["rule"]["id"] for c in site["candidates"] if "stamp" in c["rule"]["id"]]
    # (a label that names no one before its date is still a stamp)
    rows = [{**row, "text": row["text"].replace(f"By {name} | Staff Writer", "Posted")}
            for row, name in zip(rows, writers)]
    site = _suggest_json(capsys, _write(tmp_path, rows))
    assert [c["rule"]["id"] for c in site["candidates"] if "stamp" in c["rule"]["id"]] == \
        ["herald-contoh/posted-stamp"]
