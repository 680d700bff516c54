"""`cleaner suggest`: a reduplicated word written with a spaced hyphen ("Baru - baru ini") opens
an article but is no dateline; real datelines are still proposed."""

from __future__ import annotations

import json

import pytest

from cleaner import suggest_datelines
from cleaner.batches import document_args
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.suggest import Miner, SuggestOptions
from cleaner.suggest_datelines import _repeats, reduplicated
from pattern_windows import record_windows

BODY = "warga kota berkumpul di alun-alun pada pagi hari untuk acara tahunan nomor {i}."
FILLER = "Paragraf {k} berita {i} menceritakan jalannya acara itu dengan cukup rinci."


def _dump(tmp_path, host, openings):
    rows = []
    for i, opening in enumerate(openings):
        paras = [f"{opening} {BODY.format(i=i)}", *(FILLER.format(k=k, i=i) for k in range(4))]
        rows.append({"id": f"d{i}", "url": f"https://{host}/berita/{i}",
                     "text": "\n\n".join(paras)})
    path = tmp_path / f"{host}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _leads(path, site):
    cleaner = Cleaner(packs=[])
    miner = Miner(SuggestOptions(min_docs=2, min_share=0.001))
    for item in iter_inputs([str(path)]):
        miner.add(cleaner.clean_document(cleaner.make_document(item.text, **document_args(item))))
    fresh, _ = miner.candidates(site)
    return {c.shape: c.docs for c in fresh if c.kind == "lead"}


def test_reduplicated_openings_are_no_dateline_candidates(tmp_path):
    openings = ["Baru - baru ini,", "BARU - BARU INI", "Tiba - tiba", "Sehari - hari,",
                "Kupu - kupu", "Sebaik - baiknya", "Sekali - kali", "Baru - baru ini"] * 3
    path = _dump(tmp_path, "kabarulang.example", openings)
    assert _leads(path, "kabarulang.example") == {}


@pytest.mark.parametrize("opening, shape", [
    ("Jakarta -", "jakarta -"),
    ("Bandung -", "bandung -"),
    ("JAKARTA, KOMPAS.com -", "<place>, kompas.com -"),
    # The word after a double dash may repeat the source: a dateline all the same.
    ("Jakarta, CNN Indonesia -- Indonesia", "<place>, cnn indonesia --"),
])
def test_real_datelines_are_still_proposed(tmp_path, opening, shape):
    path = _dump(tmp_path, "kabarasli.example", [opening] * 6)
    assert _leads(path, "kabarasli.example") == {shape: 6}


def test_datelines_beside_reduplicated_openings_keep_their_count(tmp_path):
    openings = ["Bandung -", "Baru - baru ini,", "Bandung -", "Baru - baru ini", "Bandung -"]
    path = _dump(tmp_path, "kabarcampur.example", openings)
    assert _leads(path, "kabarcampur.example") == {"bandung -": 3}


@pytest.mark.parametrize("left, right", [
    ("Baru", "baru"), ("TIBA", "tiba"), ("Sehari", "hari"), ("Sebaik", "baiknya"),
    ("Sekali", "kali"), ("Kupu", "kupu"), ("ia", "IA"), ("Ciri", "ciri")])
def test_a_word_said_twice_repeats(left, right):
    assert _repeats(left, right)


@pytest.mark.parametrize("left, right", [
    ("Jakarta", "Pemerintah"), ("com", "Compact"), ("Jakarta", "tanah"), ("ab", "abc"),
    ("Nusantara", "tarakan"), ("a", "b")])
def test_different_words_do_not_repeat(left, right):
    assert not _repeats(left, right)


@pytest.mark.parametrize("line, end", [
    ("", 0), ("-", 1), ("- - - - -", 4), ("Baru - ", 7), ("12 - 12 orang", 5),
    ("Baru - baru", 99), ("Baru -- baru ini", 8), ("Baru – baru ini", 7),
    ("\x00\x00 - \x00\x00", 5), ("a" * 50000 + "1 - a", 50004), ("Baru - " + "9" * 50000, 7)])
def test_damaged_lines_are_no_reduplication_and_do_not_raise(line, end):
    assert not reduplicated(line, end)


def test_a_long_run_of_letters_before_the_hyphen_is_read_in_a_short_window(monkeypatch):
    # Without a window, every letter of the run starts a match that fails at the digit: the
    # search is asked about the 80 characters before the hyphen only, whatever the line's length.
    asked = record_windows(monkeypatch, suggest_datelines, "_WORD_BEFORE_DASH")
    assert not reduplicated("Baru" * 20000 + "7 - baru ini", 80004)
    assert asked and all(window <= 80 for window in asked)


def test_hostile_openings_do_not_raise_out_of_the_miner(tmp_path):
    openings = ["- - - - -", "\u200b - \u200b", "Ä - ä", "日本 - 日本", "Baru -" + " " * 200,
                "x" * 70 + " - " + "x" * 70]
    path = _dump(tmp_path, "kabarrusak.example", openings)
    assert "ä -" not in _leads(path, "kabarrusak.example")


def test_a_caption_with_a_hyphenated_word_is_no_label_line(tmp_path, capsys):
    """"Sejumlah pengunjung melihat-lihat produk ..." read as the label "Sejumlah pengunjung
    melihat", a dash and a title: its rule, pasted, took any line opening so, prose too."""
    from suggest_helpers import suggested

    caption = "Sejumlah pengunjung melihat-lihat {} yang dipamerkan. (Foto: Dok. Contoh)"
    path = _dump(tmp_path, "kabar-uji.example", ["JAKARTA -"] * 6)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    things = ["produk", "kain batik", "lukisan", "kerajinan", "mobil listrik", "buku"]
    for row, thing in zip(rows, things):
        row["text"] += "\n\n" + caption.format(thing)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    candidates = suggested(path, capsys, "--packs", "common")
    assert not [c for c in candidates if c["kind"] == "label" and "melihat" in c["shape"]]
