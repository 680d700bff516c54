"""meta.category from the section a url's path names, when the text gave none."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.url_section import url_section

BODY = ("Warga berkumpul di alun-alun kota pada pagi hari untuk merayakan ulang tahun kota. "
        "Acara itu dihadiri ribuan orang dari berbagai daerah, kata panitia kepada wartawan.")
CNN = "http://www.cnnindonesia.com/olahraga/20160921115404-142-159931/messi-seperti-maradona/"
JUARA = "http://www.juara.net/read/sepak-bola/inggris/158722-chelsea.menang.lagi"


@pytest.mark.parametrize("url, category", [
    (CNN, "olahraga"),
    # A section of two words, written with a dash, comes out as the pack lists it.
    (JUARA, "sepak bola"),
    ("https://kabar.example/Gaya_Hidup/123/judul-berita", "gaya hidup"),
    # The first segment that is a section: the desk, not the subsection after it.
    ("http://kabar.example/nasional/politik/read/20160805/291919/judul", "nasional"),
])
def test_a_record_without_a_section_line_takes_the_urls(cleaner, url, category):
    assert cleaner.clean(BODY, url=url)["meta"]["category"] == category


@pytest.mark.parametrize("url", [
    # A slug holding a section's word, or made of one and more: the whole segment must be one.
    "https://kumparan.com/nicolas-flamel/semiotika-rambut-dalam-sepak-bola",
    "https://kabar.example/read/olahraga-pagi-di-taman/1234",
    # Ids, words that are no section, and what is not the path.
    "https://kabar.example/20160921115404-142-159931/judul",
    "https://kabar.example/read/tag/judul-berita",
    "https://olahraga.kabar.example/read/123/judul",
    "https://kabar.example/read/123?kanal=olahraga",
    "https://kabar.example/read/123#olahraga",
    "https://kabar.example/olahraga.html",
    # With no path, a query or a fragment is still no path.
    "https://kabar.example?next=/olahraga/",
    "https://kabar.example#/olahraga/a",
    "https://kabar.example?u=http://lain.example/olahraga/1",
    "https://kabar.example/index.php?/olahraga/",
    None,
])
def test_a_slug_an_id_or_a_word_that_is_no_section_gives_no_category(cleaner, url):
    assert cleaner.clean(BODY, url=url)["meta"]["category"] is None


def test_a_section_line_under_the_title_wins_over_the_url(cleaner):
    text = f"Messi Disebut Seperti Maradona Muda\n\nInternasional\n\n{BODY}"
    record = cleaner.clean(text, url=CNN)
    assert record["meta"]["category"] == "Internasional"
    assert {"rule": "header/category", "text": "Internasional"}.items() <= \
        record["removed"][1].items()


def test_an_input_category_field_rides_along_and_meta_still_reads_the_url(cleaner):
    # Input fields other than id, url, title and date are no hints (cleaner.inputs.HINTS): a
    # record's own "category" is kept beside meta as given, as any other field is.
    record = cleaner.clean(BODY, url=CNN, category="Sepakbola")
    assert record["category"] == "Sepakbola" and record["meta"]["category"] == "olahraga"


def test_the_sections_are_the_packs_data(tmp_path):
    pack = tmp_path / "kanal.toml"
    pack.write_text('[pack]\nid = "kanal"\nkind = "common"\nsections = ["Kanal Baru"]\n',
                    encoding="utf-8")
    url = "https://kabar.example/kanal-baru/123/judul"
    assert Cleaner(rules=[pack]).clean(BODY, url=url)["meta"]["category"] == "kanal baru"
    assert Cleaner().clean(BODY, url=url)["meta"]["category"] is None


def test_a_web_pages_own_section_wins_over_the_url(cleaner):
    page = ("<html><head><title>Messi Disebut Seperti Maradona Muda</title>"
            '<meta property="article:section" content="Sepakbola"></head><body><article>'
            f"<h1>Messi Disebut Seperti Maradona Muda</h1><p>{BODY}</p><p>{BODY}</p>"
            "</article></body></html>")
    assert cleaner.clean_html(page, url=CNN)["meta"]["category"] == "Sepakbola"


def test_a_web_page_without_a_section_takes_the_urls(cleaner):
    page = ("<html><head><title>Messi Disebut Seperti Maradona Muda</title></head><body><article>"
            f"<h1>Messi Disebut Seperti Maradona Muda</h1><p>{BODY}</p><p>{BODY}</p>"
            "</article></body></html>")
    assert cleaner.clean_html(page, url=CNN)["meta"]["category"] == "olahraga"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="htps:/[]?#.-_%0123456789abolrg\u00e9 ", max_size=40))
def test_url_section_never_raises_on_what_a_dump_holds_as_a_url(url):
    found = url_section(url, frozenset({"olahraga", "sepak bola"}))
    assert found in (None, "olahraga", "sepak bola")


@pytest.mark.parametrize("url", ["kabar.example/berita//olahraga/a",
                                 "kabar.example/olahraga/read//2017/a",
                                 "https://kabar.example/berita//olahraga/a",
                                 "//kabar.example/olahraga/a", "/olahraga"])
def test_a_double_slash_inside_the_path_is_no_host(url):
    # "//" opens a host only at the start or right after the scheme.
    assert url_section(url, frozenset({"olahraga", "sepak bola"})) == "olahraga"


@pytest.mark.parametrize("url, category", [
    ("https://bola.example/sepakbola/123/judul", "sepak bola"),
    ("https://bola.example/sepak-bola/123/judul", "sepak bola"),
    ("https://kabar.example/gayahidup/123/judul", "gaya hidup"),
    ("https://kabar.example/Gaya-Hidup/123/judul", "gaya hidup"),
])
def test_a_section_written_with_or_without_its_space_is_one_section(cleaner, url, category):
    assert cleaner.clean(BODY, url=url)["meta"]["category"] == category


def test_of_two_spellings_of_a_section_the_first_sorted_is_written():
    sections = frozenset({"sepakbola", "sepak bola"})
    assert url_section("https://x.example/sepakbola/1", sections) == "sepak bola"


def test_the_indonesian_pack_lists_a_section_once_with_its_space(cleaner):
    sections = next(p for p in cleaner.packs if p.kind == "lang" and p.id == "id").sections
    assert {"sepak bola", "gaya hidup"} <= sections
    assert not {"sepakbola", "gayahidup"} & sections
