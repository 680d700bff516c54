"""A `then` rule's follow-on lines stop where a drop-tail rule's section opens: a WordPress page
whose bare 'Related' heading stands right above the comment form ('Tinggalkan Balasan', the
e-mail notice, the fields) has the form's lines taken by the form's rule, id/comment-form-tail,
not by chrome/related-heading-tail, whose headline shape they also have. Headlines under the
heading still go with it.

The texts are written for these tests.
"""

from __future__ import annotations

LEAD = ("Pemerintah Kota Malang memastikan revitalisasi Pasar Besar dimulai tahun depan dengan "
        "anggaran dari APBN sebesar Rp200 miliar.")
LAST = ("Pedagang akan direlokasi sementara ke lahan parkir di sisi timur pasar, dan pemkot "
        "menjamin tidak ada pungutan untuk kios penampungan.")
FORM = ["Tinggalkan Balasan",
        "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
        "Komentar *"]


def _removed(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"]
            if not r["rule"].startswith("header/")]


def test_a_comment_form_under_a_bare_related_heading_is_the_forms_rules(cleaner):
    record = cleaner.clean("\n\n".join([LEAD, LAST, "Related", *FORM]))
    assert _removed(record) == [("chrome/related-heading-tail", "Related")] + [
        ("id/comment-form-tail", line) for line in FORM]
    assert record["text"] == "\n\n".join([LEAD, LAST])


def test_headlines_under_the_heading_still_go_with_it_before_the_form(cleaner):
    headline = "Pedagang Pasar Besar Minta Relokasi Tidak Jauh"
    record = cleaner.clean("\n\n".join([LEAD, LAST, "Terkait", headline, *FORM]))
    assert _removed(record) == [("chrome/related-heading-tail", "Terkait"),
                                ("chrome/related-heading-tail", headline)] + [
        ("id/comment-form-tail", line) for line in FORM]
    assert record["text"] == "\n\n".join([LEAD, LAST])
