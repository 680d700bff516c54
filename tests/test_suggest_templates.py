"""`cleaner suggest`'s templates that would remove article sentences: a recurring sentence whose
numbers vary ("Pada 2015 harga cabai naik 3 persen.") is proposed only with a note saying its
lines read as sentences, with keep examples, and --write-packs writes it commented out; a byline
word in the middle of a line ("Dibuka pada 11/03/2025 oleh Gubernur.") makes no byline. A near
miss shares the candidate's first words as whole words ("tim yang" is not in "tim-tim yang")."""

from __future__ import annotations

from pathlib import Path

from suggest_helpers import suggested, write_dump
from cleaner.suggest import Candidate, _anchor

HOST = "berita-contoh.co.id"
LEADS = ["Polisi menangkap dua tersangka pencurian kabel listrik di kawasan Jakarta Utara.",
         "Pemerintah daerah membuka pendaftaran beasiswa bagi siswa berprestasi di kabupaten.",
         "Harga cabai rawit di pasar tradisional terus naik menjelang bulan puasa tahun ini.",
         "Ribuan warga memadati alun-alun kota untuk menyaksikan pesta kembang api malam itu."]
# (the reviewer's dump, /tmp/s36/revSuggest/d/id_prose_stamp.jsonl: article sentences)
PROSE = ["Pada 2015 harga cabai naik 3 persen.", "Dibuka pada 11/03/2025 oleh Gubernur.",
         "Sejak 2012 jumlah pengunjung naik.", "Pada 2019 produksi beras turun tajam.",
         "Pada 2019 harga cabai naik 7 persen.", "Dibuka pada 15/03/2025 oleh Gubernur.",
         "Sejak 2016 jumlah pengunjung naik.", "Pada 2023 produksi beras turun tajam.",
         "Pada 2023 harga cabai naik 11 persen.", "Dibuka pada 19/03/2025 oleh Gubernur.",
         "Sejak 2020 jumlah pengunjung naik.", "Pada 2027 produksi beras turun tajam."]
OTHERS = [f"Pada Senin ({10 + i}/3), polisi menangkap {2 + i} tersangka di Bekasi."
          for i in range(6)]


def _docs() -> list[list[str]]:
    docs = [[f"Judul berita nomor {i} tentang kota", line, LEADS[i % 4],
             "Demikian disampaikan oleh pihak terkait."] for i, line in enumerate(PROSE)]
    docs += [[f"Judul berita lain {i}", line, LEADS[i % 4]] for i, line in enumerate(OTHERS)]
    return docs


def _url(i: int) -> str:
    return f"https://www.{HOST}/a/{i}"


def _suggest(tmp_path: Path, docs: list[list[str]], capsys, *extra: str) -> list[dict]:
    return suggested(write_dump(tmp_path, docs, _url), capsys, "--top", "20", *extra)


def _taking(cands: list[dict], line: str) -> list[dict]:
    return [c for c in cands if line in c["examples"]]


def test_template_of_sentences_says_so_and_keeps_examples(tmp_path, capsys):
    cands = _suggest(tmp_path, _docs(), capsys)
    for line in ("Pada 2015 harga cabai naik 3 persen.", "Pada 2019 produksi beras turun tajam.",
                 "Sejak 2012 jumlah pengunjung naik."):
        for cand in _taking(cands, line):
            assert cand["rule"]["action"] == "drop-line", cand["shape"]
            assert any("sentence" in note for note in cand["notes"]), cand
            assert "sentences" in cand["rule"]["description"], cand["rule"]["description"]
    [cabai] = _taking(cands, "Pada 2015 harga cabai naik 3 persen.")
    # The keep examples are sentences of the dump opening alike that the rule leaves.
    keep = cabai["rule"].get("keep", [])
    assert keep and all(k.startswith("Pada ") and k in PROSE + OTHERS for k in keep), keep


def test_byline_word_in_the_middle_makes_no_byline(tmp_path, capsys):
    cands = _suggest(tmp_path, _docs(), capsys)
    for cand in _taking(cands, "Dibuka pada 11/03/2025 oleh Gubernur."):
        assert cand["rule"]["action"] != "meta", cand
        assert "(?P<author>" not in cand["rule"]["pattern"], cand


def test_write_packs_leaves_a_template_of_sentences_commented_out(tmp_path, capsys):
    out = tmp_path / "packs"
    _suggest(tmp_path, _docs(), capsys, "--write-packs", str(out))
    text = (out / f"{HOST}.toml").read_text(encoding="utf-8")
    live = [line for line in text.split("\n") if not line.startswith("#")]
    assert not [line for line in live if "(?i:cabai)" in line], text
    assert "# pattern = '^(?i:pada)" in text, text


def test_template_not_a_sentence_carries_no_note(tmp_path, capsys):
    # "Sumber berita Techcrunch.": a source line (IndoSum's dailysocial.id), no sentence.
    sources = ["Techcrunch", "Truecaller", "Reuters", "Engadget"]
    docs = [[f"Judul berita nomor {i} tentang kota", LEADS[i % 4],
             f"Sumber berita {sources[i % 4]}."] for i in range(12)]
    cands = _suggest(tmp_path, docs, capsys, "--packs", "none")
    [source] = [c for c in cands if c["shape"] == "sumber berita <name>"]
    assert source["rule"]["action"] == "drop-line"
    assert source["notes"] == []


def test_byline_word_opening_a_template_still_makes_a_byline(tmp_path, capsys):
    names = ["Ade Nurul", "Budi Santoso", "Citra Dewi"]
    docs = [[f"Judul berita nomor {i} tentang kota", f"Laporan reporter kabarcontoh {names[i % 3]}",
             LEADS[i % 4]] for i in range(12)]
    cands = _suggest(tmp_path, docs, capsys, "--packs", "none")
    [byline] = [c for c in cands if c["shape"] == "laporan reporter kabarcontoh <name>"]
    assert byline["rule"]["action"] == "meta"


def _exact(line: str) -> Candidate:
    return Candidate(site=HOST, kind="exact", shape=line, docs=3, site_docs=10, lines=3,
                     examples=[line], rule={})


def test_near_miss_shares_whole_words():
    anchor = _anchor(_exact("* Tim yang ditulis terakhir bertindak sebagai tuan rumah."))
    assert anchor("Tim yang menang berhak atas trofi.")
    assert anchor("Kedua tim yang bertanding tampil apik.")
    assert not anchor("Tim-tim yang bertanding tampil apik.")
    assert not anchor("Sentim yang buruk.")
