"""The seeds' cruft written differently (case, spacing, punctuation, names, numbers) still goes, and nothing else."""

from __future__ import annotations

import pytest

from conftest import ROOT

SEEDS = {p.name[:3]: p for p in (ROOT / "fixtures").rglob("*.txt") if p.name[:3].isdigit()}

# (seed, text in the seed, the same cruft written differently, meta expected from the variant)
VARIANTS = [
    ("000", " date 2022-02 ", "date 2021-12-27 ", {"date": "2021-12-27"}),
    ("000", "Laporan Wartawan Tribunnews, Fitri Wulandari", "Laporan wartawan Tribunnews,  Budi Santoso",
     {"authors": ["Budi Santoso"]}),
    ("000", "TRIBUNNEWS.COM, MOSKWA - ", "TRIBUNNEWS.COM, JAKARTA -- ", {"location": "Jakarta"}),
    ("001", "IslamTimes - ", "IslamTimes – ", {"source": "IslamTimes"}),
    ("001", "[IT/r]", "[ IT/rm ]", {}),
    ("002", "Baca Juga: Sempat", "BACA JUGA : Sempat", {}),
    ("002", "Baca Juga: Sekian", "baca juga:Sekian", {}),
    ("002", "Baca Juga: Mulai", "[Baca juga: Mulai", {}),
    ("002", "Tatik Ariyani\n\nPenulis", "Ade Nurul Hidayat\n\nPenulis", {"authors": ["Ade Nurul Hidayat"]}),
    ("002", "Artikel Terkait", "ARTIKEL TERKAIT", {}),
    ("002", "Intisari-Online.com -", "Intisari-Online.com - ", {"source": "Intisari Online"}),
    ("003", "Foto: AP", "Foto : Reuters/Ahmad", {}),
    ("003", "(T/RE1/P1)", "( T/RE2/P3 )", {}),
    ("003", "Moskow, MINA – ", "Gaza, MINA - ", {"location": "Gaza", "source": "MINA"}),
    ("003", "Wartawan: sajadi", "Wartawan : Budi Santoso", {"authors": ["Budi Santoso"]}),
    ("003", "Editor: Ismet Rauf", "EDITOR: Ade Putra", {"editors": ["Ade Putra"]}),
    ("003", "Ikuti saluran WhatsApp Kantor Berita MINA untuk dapatkan berita terbaru seputar Palestina "
            "dan dunia Islam. Klik disini.",
     "Ikuti saluran Telegram Kantor Berita MINA untuk dapatkan berita terbaru. Klik di sini.", {}),
    ("003", "Mi’raj News Agency (MINA)", "Mi'raj News Agency (MINA)", {}),
    ("004", "(RAG)", "( ADM )", {}),
    ("004", "Tinggalkan Balasan", "TINGGALKAN BALASAN", {}),
    ("004", "Baca juga:\u00a0Rusia", "Baca Juga : Rusia", {}),
    ("004", "+\u00a0\u00a029\u00a0\u00a0=\u00a0\u00a035", "7 + _ = 12", {}),
    ("004", "Tinggalkan Balasan\n\nAlamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
     "Alamat email anda tidak akan dipublikasikan.", {}),
    ("004", "Internasional", "Olahraga", {"category": "Olahraga"}),
]


@pytest.fixture(scope="module")
def originals(cleaner):
    return {key: cleaner.clean(path.read_text(encoding="utf-8")) for key, path in SEEDS.items()}


@pytest.mark.parametrize("seed,old,new,meta", VARIANTS, ids=[f"{v[0]}:{v[2][:24]}" for v in VARIANTS])
def test_variant_cruft_goes_and_article_text_stays(cleaner, originals, seed, old, new, meta):
    raw = SEEDS[seed].read_text(encoding="utf-8")
    assert old in raw
    record = cleaner.clean(raw.replace(old, new))
    assert record["text"] == originals[seed]["text"]
    for name, value in meta.items():
        assert record["meta"][name] == value


def test_every_seed_cruft_item_is_removed_by_a_rule(originals):
    expected = {
        "000": ["common/date-header", "tribunnews/reporter-header", "tribunnews/dateline"],
        "001": ["common/date-header", "islamtimes/dateline", "id/editor-code-end"],
        "002": ["header/title", "header/byline", "header/byline", "intisari/dateline",
                "id/related-link", "id/related-link", "id/related-link", "id/related-heading-tail"],
        "003": ["header/title", "id/photo-credit", "id/dateline-city-source", "common/editor-code-end",
                "minanews/agency-footer", "id/byline-label", "id/editor-label", "id/social-promo"],
        "004": ["header/title", "header/category", "header/duplicate-title", "channel9/dateline",
                "id/related-link", "common/editor-code-line", "id/comment-form-tail",
                "id/comment-form-tail", "id/comment-form-tail"],
    }
    for seed, rules in expected.items():
        assert [r["rule"] for r in originals[seed]["removed"]] == rules, seed


def test_seed_metadata(originals):
    meta = {k: originals[k]["meta"] for k in originals}
    assert (meta["000"]["date"], meta["000"]["authors"], meta["000"]["source"], meta["000"]["location"],
            meta["000"]["site"]) == ("2022-02", ["Fitri Wulandari"], "Tribunnews", "Moskwa", "tribunnews.com")
    assert (meta["001"]["date"], meta["001"]["source"], meta["001"]["site"]) == \
        ("2022-02", "IslamTimes", "islamtimes.org")
    assert meta["002"]["authors"] == ["Tatik Ariyani"] and meta["002"]["site"] == "intisari-online.com"
    assert meta["002"]["title"].startswith("Permintaan Jaminan Keamanan Rusia")
    assert (meta["003"]["authors"], meta["003"]["editors"], meta["003"]["source"], meta["003"]["location"]) == \
        (["sajadi"], ["Ismet Rauf"], "MINA", "Moskow")
    assert (meta["004"]["title"], meta["004"]["category"], meta["004"]["location"], meta["004"]["site"]) == \
        ("Rusia Pertimbangkan NATO Mengenai Pertemuan di Bulan Januari", "Internasional", "Rusia", "channel9.id")


def test_glued_paragraphs_of_seed_001_are_split(originals):
    paragraphs = originals["001"]["text"].split("\n\n")
    assert any(p.endswith("akhirnya diabaikan.”") for p in paragraphs)
    assert any(p.startswith("AS, sekutu NATO-nya") for p in paragraphs)
    assert any(p.startswith("Rusia meminta Amerika Serikat") for p in paragraphs)
    assert any(p.endswith("sebelum mendarat di Kiev.") for p in paragraphs)
    assert any(p.startswith("Perdana Menteri Inggris pada hari Sabtu") for p in paragraphs)
    assert "\n\n\n" not in originals["001"]["text"]
