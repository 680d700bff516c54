"""Markup a scraper left in a text field: tags, comments, scripts and character references."""

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cleaner.pipeline import Cleaner
from cleaner.text_markup import plain_markup, strip_tags, unescape_references

_CLEANER = Cleaner()


def test_tags_go_and_a_block_tag_breaks_the_line():
    record = _CLEANER.clean("<p>Isi <b>berita</b> di <a href=\"/x\" title=\"a > b\">sini</a>.</p>"
                            "<p>Paragraf kedua.<br>Baris ketiga.</p>", url="https://example.com/a")
    assert record["text"] == "Isi berita di sini.\n\nParagraf kedua.\n\nBaris ketiga."
    assert record["fixes"][:1] == ["strip_tags"]
    assert record["removed"] == []


def test_comments_scripts_and_styles_go_with_what_they_hold():
    text = ("Isi berita.<!-- iklan\nbaris --><script type=\"text/javascript\">var a = '<p>';"
            "</script><STYLE>p { x: 1 }</style ><noscript><img src=x></noscript> Akhir.")
    assert strip_tags(text) == "Isi berita. Akhir."


def test_what_only_looks_like_markup_stays():
    for text in ("jika a <b, c > d", "kode <bahasa> dan <a-z>", "R&D, AT&T; dan &copy2020",
                 "x <!-- tanpa penutup", "harga < 5 & > 3"):
        assert strip_tags(unescape_references(text)) == text
    # A script that is never closed holds nothing: only its tag goes, and the text after it stays.
    assert strip_tags("Isi <script>berita tanpa penutup") == "Isi berita tanpa penutup"


def test_references_become_characters_and_a_twice_escaped_one_too():
    assert unescape_references("Johnson &amp; Johnson &#8220;kata&#x201D; &amp;quot;x&amp;quot;"
                               "&nbsp;&eacute;&unknownname;") == \
        "Johnson & Johnson \u201ckata\u201d \"x\"\u00a0\u00e9&unknownname;"


def test_escaped_markup_stays_as_the_text_it_shows():
    record = _CLEANER.clean("Tulis &lt;b&gt;tebal&lt;/b&gt; untuk huruf tebal.")
    assert record["text"] == "Tulis <b>tebal</b> untuk huruf tebal."
    assert record["fixes"] == ["unescape_references"]


def test_a_reference_to_a_space_or_newline_is_repaired_as_one():
    record = _CLEANER.clean("Satu&nbsp;&nbsp;dua&#13;&#10;tiga&#8203;empat")
    assert record["text"] == "Satu dua\n\ntigaempat"
    assert record["fixes"] == ["unescape_references", "unify_newlines", "plain_spaces",
                               "drop_controls", "tidy_lines"]


def test_a_title_hint_loses_its_markup():
    record = _CLEANER.clean("Isi berita di sini.", title="Jokowi &amp; <i>Prabowo</i>\nbertemu")
    assert record["meta"]["title"] == "Jokowi & Prabowo bertemu"
    assert plain_markup("Tanpa markup & spasi") == "Tanpa markup & spasi"


def test_a_page_article_keeps_what_the_page_shows():
    """The extractor's text is plain already: "&lt;b&gt;" in the page is "<b>" on screen."""
    body = " ".join(f"Kalimat panjang tentang berita hari ini nomor {n}." for n in range(6))
    page = (f"<html><head><title>Judul</title></head><body><article><h1>Judul</h1>"
            f"<p>{body}</p><p>Tulis &lt;b&gt;tebal&lt;/b&gt; untuk huruf tebal di HTML.</p>"
            f"</article></body></html>")
    record = _CLEANER.clean_html(page, url="https://example.com/b")
    assert "Tulis <b>tebal</b> untuk huruf tebal di HTML." in record["text"]
    assert not {"strip_tags", "unescape_references"} & set(record["fixes"])


_WORD = st.text(alphabet="abc <>&;/\"'=!-.", min_size=1, max_size=8)
_TAG = st.sampled_from(["<b>", "</b>", "<i class=\"x\">", "</span>", "<img src='y'/>", "<wbr>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TAG, _WORD)))
def test_inline_tags_go_and_the_text_between_them_stays(pieces):
    words = [word for _, word in pieces]
    # A word that could open a tag or comment of its own ("<b", "</", "<!") is not drawn.
    assume(not any(re.search("<[ab/!]", word) for word in words))
    assert strip_tags("".join(tag + word for tag, word in pieces)) == "".join(words)


def test_a_tag_cut_off_before_its_end_takes_no_paragraph_with_it():
    text = ('Baca juga: <a href="/berita/1" target=_blank\n\nParagraf dua tetap.\n\n'
            "Harga naik >10 persen.")
    assert strip_tags(text) == text
    record = _CLEANER.clean(text)
    assert "Paragraf dua tetap." in record["text"] and "naik >10 persen" in record["text"]


def test_words_between_angle_brackets_are_no_tag_without_attributes_of_html():
    for text in ("Jika nilai x <b dan y> z", "Budi <budi@contoh.id> menulis"):
        assert strip_tags(text) == text
    assert strip_tags('<a href="/x" target="_blank" rel="noopener">Baca</a> <img src=x.jpg>'
                      '<script async src="a.js">x()</script><br />ok') == "Baca \nok"


def test_a_name_html_does_not_define_is_no_reference():
    """html.unescape reads old entity names as prefixes: "&notaris;" was "¬aris;"."""
    assert unescape_references("&notaris; &copyright; &amplifier; &amp;notaris;") == \
        "&notaris; &copyright; &amplifier; &notaris;"
    assert unescape_references("&not; &copy; &amp;amp;") == "\u00ac \u00a9 &"
