"""`cleaner suggest` on bylines that name the author and the editor on one line ("Penulis: X |
Editor: Y", some with two authors): a meta rule capturing every name, not a drop-line whose
pack, pasted, cost 30 of 36 records their authors and editors (a new user's acceptance run,
session 41)."""

from __future__ import annotations

from cleaner.batches import document_args
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs
from suggest_helpers import suggested, write_dump

HOST = "kabar-contoh.id"
AUTHORS = ["Dimas Prasetyo", "Ayu Lestari", "Bagus Santoso", "Rizky Ramadhan, Siti Aminah",
           "Nur Hidayati"]
EDITORS = ["Rina Kartika", "Hendra Gunawan", "Yusuf Maulana"]
BODY = ["Pemerintah kota meresmikan taman baru di pusat kota pada Senin pagi.",
        "Warga menyambut baik fasilitas yang dibuka untuk umum setiap hari itu.",
        "Taman tersebut dilengkapi jalur lari dan area bermain anak.",
        "Pengelola berharap warga ikut menjaga kebersihan taman."]


def _docs(n: int = 12) -> list[list[str]]:
    """Articles under a headline, the byline line under it."""
    return [[f"Taman Kota Nomor {i} Dibuka Untuk Warga",
             f"Penulis: {AUTHORS[i % len(AUTHORS)]} | Editor: {EDITORS[i % len(EDITORS)]}",
             *(f"{BODY[(i + k) % 4][:-1]}, kata petugas ke-{i}." for k in range(3))]
            for i in range(n)]


def _clean(dump, *rules):
    cleaner = Cleaner(packs=load_packs(list(rules), builtin=True))
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([str(dump)])]


def test_a_line_of_two_labelled_bylines_is_one_meta_rule_capturing_both(tmp_path, capsys):
    dump = write_dump(tmp_path, _docs(), lambda i: f"https://www.{HOST}/berita/{i}")
    [byline] = [c for c in suggested(dump, capsys, "--packs", "common")
                if c["shape"] == "penulis : <title>"]
    rule = byline["rule"]
    assert rule["action"] == "meta"
    assert "(?P<author>" in rule["pattern"] and "(?P<editor>" in rule["pattern"]
    assert rule["cases"][0]["meta"] == {"authors": ["Dimas Prasetyo"],
                                        "editors": ["Rina Kartika"]}
    packs = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "common", "--write-packs", str(packs)]) == 0
    records = _clean(dump, packs)
    assert [r["meta"]["authors"] for r in records[:5]] == [
        ["Dimas Prasetyo"], ["Ayu Lestari"], ["Bagus Santoso"], ["Rizky Ramadhan", "Siti Aminah"],
        ["Nur Hidayati"]]
    assert [r["meta"]["editors"] for r in records[:3]] == [[e] for e in EDITORS]
    assert not any("Penulis" in r["text"] or "Editor" in r["text"] for r in records)


def test_a_label_whose_text_after_the_bar_is_no_byline_stays_a_drop_line(tmp_path, capsys):
    """"Penulis: X | Foto: Y" names a photographer no byline label lists: no capture of the
    author alone, which would leave the line's photo credit out of what it says."""
    docs = [[line.replace("Editor:", "Foto:") for line in doc] for doc in _docs()]
    dump = write_dump(tmp_path, docs, lambda i: f"https://www.{HOST}/berita/{i}")
    [byline] = [c for c in suggested(dump, capsys, "--packs", "common")
                if c["shape"] == "penulis : <title>"]
    assert byline["rule"]["action"] == "drop-line"
