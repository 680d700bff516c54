"""The tail holds the last six lines the rules did not take whole: a tags line over a comment form the rules took is in it, and goes."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

PARAGRAPHS = [
    "Warga Desa Sukamaju, Kabupaten Garut, bergotong royong membangun jembatan bambu setelah "
    "jembatan lama hanyut diterjang banjir.",
    "Jembatan sepanjang 25 meter itu menjadi satu-satunya akses warga menuju sekolah dan pasar.",
    "Pembangunan melibatkan sekitar 80 warga dan menghabiskan 300 batang bambu.",
    "Pemerintah Kabupaten Garut berjanji membangun jembatan permanen tahun depan."]
FORM = ["Tinggalkan Balasan",
        "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
        "Komentar *", "Nama *", "Email *", "Situs Web",
        "Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya "
        "berikutnya.", "Kirim Komentar"]
# Eight paragraphs: the tags line under them is below the head.
BODY = PARAGRAPHS + [p.replace("Garut", "Garut Selatan") for p in PARAGRAPHS]


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def test_a_tags_line_over_a_comment_form_goes_with_it(cleaner):
    # (acceptance run s49: the form's eight lines filled the tail, and the tags line above it,
    # a rule's of the edges, stayed)
    text = "\n\n".join(BODY + ["Tags: Garut, Jembatan, Banjir"] + FORM)
    record = cleaner.clean(text, lang="id")
    assert record["text"] == "\n\n".join(BODY)
    assert [r["rule"] for r in record["removed"] if r["text"].startswith("Tags")] == \
        ["chrome/tag-list"]


def test_the_tail_reaches_no_further_than_twelve_lines_from_the_end(cleaner):
    # Six more lines the rules take whole between the tags and the form: the tags line is the
    # thirteenth from the end.
    notes = [f"(ant/ded{n})" for n in range(4)]
    text = "\n\n".join(BODY + ["Tags: Garut, Jembatan, Banjir"] + notes + FORM)
    record = cleaner.clean(text, lang="id")
    assert "Tags: Garut, Jembatan, Banjir" in record["text"]
