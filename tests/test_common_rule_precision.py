"""Two language-neutral rules kept to what they are for: `common/file-path-line` takes what a
copy-paste leaves (a file path, a link spaced apart, a tweet's t.co link), not a whole link the
article shows alone on its line; `common/editor-code-line` takes editor codes, not an outlet
credited in brackets ('[ CNET ]').

The texts are written for these tests, in the shapes an audit found on the HTML benchmark's pages.
"""

from __future__ import annotations

import pytest

FILE_PATH = "common/file-path-line"
EDITOR_CODE = "common/editor-code-line"

INTRO = ("Every year the shop round-up comes back before the holidays, and this year it has more "
         "toys and games for grown-ups who remember the eighties than ever before.")
OUTRO = ("Prices were checked on Monday morning and may have changed since then, so look again "
         "before you buy anything from the list.")


def _removed_by(record, rule: str) -> list[str]:
    return [removal["text"] for removal in record["removed"] if removal["rule"] == rule]


def _lines(record) -> list[str]:
    return record["text"].split("\n")


def test_a_shop_link_under_each_item_of_a_list_stays(cleaner):
    text = (f"{INTRO}\n\n1) A board game for four players\nhttp://amzn.to/3xYzAbC\n"
            f"2) A wooden puzzle of the solar system\nhttps://amzn.to/2QwErTy\n\n{OUTRO}")
    record = cleaner.clean(text)
    assert _removed_by(record, FILE_PATH) == []
    assert "http://amzn.to/3xYzAbC" in _lines(record)
    assert "https://amzn.to/2QwErTy" in _lines(record)


def test_a_sites_address_alone_under_its_label_stays(cleaner):
    text = (f"{INTRO}\n\nTickets\nwww.example-playhouse.org\n\nAdults: 20 euros\n"
            f"Children: 10 euros\n\n{OUTRO}")
    record = cleaner.clean(text)
    assert _removed_by(record, FILE_PATH) == []
    assert "www.example-playhouse.org" in _lines(record)


def test_the_links_a_post_cites_as_its_sources_stay(cleaner):
    sources = ["http://blog.example.net/2015/03/why-we-garden.html#ixzz3AbCdEf",
               "https://notes.example.org/2012/11/04/letters-from-the-valley/",
               "http://www.example.com/my/archives/1234"]
    text = (f"{INTRO}\n\n{sources[0]}\n\nA second writer said much the same a few years earlier.\n\n"
            f"{sources[1]}\n\nAnd a third one agreed with both of them.\n\n{sources[2]}\n\n{OUTRO}")
    record = cleaner.clean(text)
    assert _removed_by(record, FILE_PATH) == []
    assert all(source in _lines(record) for source in sources)


def test_a_link_alone_in_a_web_pages_paragraph_stays(cleaner):
    paragraphs = [INTRO, "1) A board game for four players", "http://amzn.to/3xYzAbC",
                  "2) A wooden puzzle of the solar system", "http://amzn.to/2QwErTy", OUTRO]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f"<html><head><title>Gift ideas</title></head><body><article><h1>Gift ideas</h1>"
            f"{body}</article></body></html>")
    record = cleaner.clean_html(page)
    assert _removed_by(record, FILE_PATH) == []
    assert "http://amzn.to/3xYzAbC" in _lines(record)


@pytest.mark.parametrize("leftover", [
    "/ data / user/0/com.example.notes / files / share / clipdata_180102_090807_111.sdoc",
    "http://bola.example.com / read/2018 / 01 / 02 / 12345678/judul.berita.lain",
    "www.contoh.co.id / berita/2017 / 05/judul-artikel",
    "https://t.co/Qw3rTy",
])
def test_what_a_copy_paste_leaves_alone_on_its_line_still_goes(cleaner, leftover):
    text = f"{INTRO}\n\n{leftover}\n\n{OUTRO}"
    record = cleaner.clean(text)
    assert _removed_by(record, FILE_PATH) == [leftover]
    assert leftover not in record["text"]
    assert record["text"] == f"{INTRO}\n\n{OUTRO}"


def test_a_link_spaced_apart_inside_a_sentence_stays(cleaner):
    line = "Daftar lewat www.contoh.co.id / daftar sebelum akhir bulan."
    record = cleaner.clean(f"{INTRO}\n\n{line}\n\n{OUTRO}")
    assert _removed_by(record, FILE_PATH) == []
    assert line in _lines(record)


REVIEW = ("The new console streams games from the cloud, and the reviews that came out this week "
          "agree that it works but that there is little reason to buy one yet.")
QUOTE_A = ("It works, but the library is thin, and the features promised at launch are not there "
           "yet, so wait a few months before you decide.")
QUOTE_B = ("The controller is comfortable over long sessions, and the battery lasted a whole "
           "evening of play without a charge.")


@pytest.mark.parametrize("credit", ["[ ZDNN ]", "[ZDNN]", "[ QXTV]", "(ABCDEF)", "[ Gadgetry ]"])
def test_an_outlet_credited_in_brackets_under_its_quote_stays(cleaner, credit):
    text = f"{REVIEW}\n\n{QUOTE_A}\n\n{credit}\n\n{QUOTE_B}\n\n[ Techzine ]"
    record = cleaner.clean(text)
    assert _removed_by(record, EDITOR_CODE) == []
    assert credit in _lines(record)


def test_an_outlet_credited_in_a_web_pages_paragraph_stays(cleaner):
    paragraphs = [REVIEW, QUOTE_A, "[ ZDNN ]", QUOTE_B, "[ QXTV ]"]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f"<html><head><title>What the reviews say</title></head><body><article>"
            f"<h1>What the reviews say</h1>{body}</article></body></html>")
    record = cleaner.clean_html(page)
    assert _removed_by(record, EDITOR_CODE) == []
    assert "[ ZDNN ]" in _lines(record)


@pytest.mark.parametrize("code", [
    "(T/RE1/P1)", "(ant/ded)", "(RAG)", "[IT/r]", "(M054)", "(T.B016)", "(Uu. B002/T008)",
    "(ard / ard)", "[ syahb ]", "(HRD)", "(SYSA/ant)", "(KR1234)", "()",
])
def test_an_editor_code_alone_on_its_line_still_goes(cleaner, code):
    text = f"{REVIEW}\n\n{QUOTE_A}\n\n{code}"
    record = cleaner.clean(text)
    assert _removed_by(record, EDITOR_CODE) == [code]
    assert record["text"] == f"{REVIEW}\n\n{QUOTE_A}"


@pytest.mark.parametrize("hostile", [
    "http://a" + " / b" * 20000,                     # a link spaced apart, 80,000 characters long
    "https://t.co/" + "x" * 50000,
    "www." + "/" * 30000,
    "[" + "A" * 40000 + "]",
    "(" + "ab/" * 10000 + "c)",
    "http://\x00\x01/\ufffd / \u202e",
    "[\u0130\u0131\u00df]",
])
def test_a_hostile_line_never_raises_and_the_article_stays(cleaner, hostile):
    text = f"{INTRO}\n\n{hostile}\n\n{OUTRO}"
    record = cleaner.clean(text)
    assert INTRO in record["text"] and OUTRO in record["text"]


# -- a credit closing a paragraph ------------------------------------------------------------

EDITOR_CODE_END = "common/editor-code-end"
# The acronyms and lower-case initials after a sentence are the Indonesian pack's since
# tests/test_common_rules_other_languages.py; the desk codes stay common's.
ID_EDITOR_CODE_END = "id/editor-code-end"
ID_INTRO = ("Pemerintah mengumumkan aturan baru soal pendaftaran sekolah pada Senin, dan aturan itu "
            "berlaku mulai tahun ajaran depan di seluruh provinsi.")
ID_OUTRO = "Aturan itu akan ditinjau lagi setelah satu tahun berjalan, kata pejabat itu."


@pytest.mark.parametrize("credit", ["(CNET)", "[ Wired ]", "(ZDNN)", "[NASA]"])
def test_an_outlet_credited_after_a_paragraphs_last_sentence_stays(cleaner, credit):
    paragraph = f"The screen is sharp and the battery lasts two full days. {credit}"
    record = cleaner.clean(f"{INTRO}\n\n{paragraph}\n\n{OUTRO}")
    assert _removed_by(record, EDITOR_CODE_END) == []
    assert _removed_by(record, ID_EDITOR_CODE_END) == []
    assert paragraph in _lines(record)


@pytest.mark.parametrize("code, rule", [("(T/RE1/P1)", EDITOR_CODE_END)] + [
    (code, ID_EDITOR_CODE_END) for code in ["(ant)", "(HRD)", "(SYSA/ant)", "[sau]", "(KR1234)",
                                            "(RAG)"]])
def test_an_editor_code_after_a_paragraphs_last_sentence_still_goes(cleaner, code, rule):
    # A language pack's rule runs in its language's documents: the Indonesian codes in one.
    intro, outro = (INTRO, OUTRO) if rule == EDITOR_CODE_END else (ID_INTRO, ID_OUTRO)
    record = cleaner.clean(f"{intro}\n\nIa menolak tuduhan itu, ujarnya. {code}\n\n{outro}")
    assert [text.strip() for text in _removed_by(record, rule)] == [code]
    assert "Ia menolak tuduhan itu, ujarnya." in _lines(record)


def test_a_first_paragraph_closed_by_a_credit_is_no_title(cleaner):
    # Kept now that the credit stays, the paragraph ends in ")" where a title has no end
    # punctuation; the sentence's end before the credit says it is none.
    first = "The phone is fast and the battery lasts two days. (CNET)"
    record = cleaner.clean(f"{first}\n\nMore reviews came in on Friday, and they agreed.")
    assert record["meta"]["title"] is None
    assert record["text"].startswith(first)


def test_a_sentence_opening_with_copyright_and_a_year_stays(cleaner):
    body = "The office counted more applications than in any year before it, a spokesman said."
    line = "Copyright 2024 filings in the UK rose by 12%, according to the Intellectual Property Office."
    record = cleaner.clean(f"{body}\n{line}\nCopyright 2024 The Associated Press.")
    assert record["text"] == f"{body}\n\n{line}"
    assert [r["rule"] for r in record["removed"]] == ["common/copyright-line"]
