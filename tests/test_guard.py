"""A removal that would take more than half of a document is not applied; the record is flagged."""

from __future__ import annotations


def test_drop_tail_over_half_is_flagged_not_applied(cleaner):
    text = "Isi berita singkat.\n\nArtikel Terkait\n\n" + "\n\n".join(
        f"Paragraf panjang nomor {i} yang sebenarnya isi artikel." for i in range(10))
    record = cleaner.clean(text)
    assert record["removed"] == []
    assert record["flags"][0]["flag"] == "guard" and record["flags"][0]["rule"] == "id/related-heading-tail"
    assert "Paragraf panjang nomor 9" in record["text"]


def test_small_tail_is_removed(cleaner):
    text = "\n\n".join(f"Paragraf panjang nomor {i} yang isi artikel." for i in range(10)) + \
        "\n\nArtikel Terkait\n\nJudul lain"
    record = cleaner.clean(text)
    assert [r["text"] for r in record["removed"]] == ["Artikel Terkait", "Judul lain"]
    assert record["flags"] == []
