"""A removal that would take more than half of a document is not applied; the record is flagged."""

from __future__ import annotations

from cleaner import Cleaner


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


def test_a_rule_stopped_by_the_guard_says_from_which_line_and_what_it_kept(cleaner):
    # Six related links: the first three fit the share, the fourth would pass it. The rule
    # stops there for the rest of the document, and its one flag says so.
    record = cleaner.clean("\n".join(["Baca juga: Judul lain di sini"] * 6))
    assert [r["line"] for r in record["removed"]] == [1, 2, 3]
    flag, = record["flags"]
    assert flag["rule"] == "id/related-link"
    assert flag["reason"].endswith("not applied from line 4 on (3 earlier removals kept)")


def test_a_stopped_rule_does_not_take_a_shorter_line_further_on(cleaner):
    lines = ["Baca juga: Judul lain di sini yang panjang sekali"] * 3 + ["Baca juga: Ini"]
    record = cleaner.clean("\n".join(lines + ["Isi."]))
    stopped = record["flags"][0]["reason"]
    first_refused = int(stopped.split("from line ")[1].split()[0])
    assert all(r["line"] < first_refused for r in record["removed"]
               if r["rule"] == "id/related-link")
    assert "Baca juga: Ini" in record["text"]


def _two_rule_pack(tmp_path):
    pack = tmp_path / "two.toml"
    pack.write_text("\n".join(
        f'[[rule]]\nid = "two/{name}"\naction = "drop-line"\npattern = \'^{name} .*$\'\n'
        f'remove = ["{name} satu dua"]\n' for name in ("PROMO", "IKLAN")), encoding="utf-8")
    return Cleaner(rules=[pack], builtin=False)


def test_rules_that_together_take_most_of_a_document_flag_it(tmp_path):
    # Each rule takes just under half: neither is stopped, and together they leave 3%.
    text = "\n".join(["PROMO beli sekarang juga sekali"] * 2 + ["Isi."]
                     + ["IKLAN pasang di sini ya sekarang"] * 2)
    record = _two_rule_pack(tmp_path).clean(text)
    assert [r["rule"] for r in record["removed"]] == ["two/PROMO"] * 2 + ["two/IKLAN"] * 2
    flag, = record["flags"]
    assert flag == {"flag": "mostly-removed",
                    "reason": "the rules removed 126 of 130 characters (97%), each within its share"}


def test_a_document_the_rules_leave_mostly_whole_is_not_flagged(tmp_path):
    body = "Isi berita yang asli ada di sini, kata pejabat itu kepada wartawan kemarin sore."
    record = _two_rule_pack(tmp_path).clean("\n".join([body, "PROMO beli sekarang juga",
                                                        "IKLAN pasang di sini ya"]))
    assert len(record["removed"]) == 2 and record["flags"] == []
