"""The words bylines and dates are read with are the packs' data: a pack of another language
that names its role words, labels, conjunctions, weekdays, agencies, credentials or time zone
changes what is read, a web page's bylines are read with every loaded pack's words, and a bad
value is refused with the file that holds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner import page_bylines
from cleaner.lexicon import lexicon, shipped_lexicon
from cleaner.metadata import people, wire_agencies
from cleaner.page_bylines import read_page_bylines, split_byline
from cleaner.page_dates import date_zone, iso_date
from cleaner.rulefile import RuleFileError, load_pack

BODY = ("The city council voted on Tuesday to expand the bus network, and officials said the "
        "new routes would open next spring after a long public consultation. ") * 3

# A Spanish pack a user might write: only the words the byline readers take.
SPANISH = """
[pack]
id = "es"
kind = "lang"
name = "Spanish"
conjunctions = ["y"]
weekdays = ["lunes", "martes"]
role_words = ["redactor", "redacción"]
agencies = ["Europa Press"]
credentials = ["lic"]
byline_words = ["por"]
timezone = "Europe/Madrid"

[pack.byline_labels]
authors = ["Escrito por"]
editors = ["Edición"]
"""


@pytest.fixture(scope="module")
def spanish_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("packs") / "es.toml"
    path.write_text(SPANISH, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spanish(spanish_file):
    return lexicon((load_pack(spanish_file),))


def page(head: str = "", top: str = "") -> str:
    """An English article page with `head` in its <head> and `top` under the headline."""
    paragraphs = "".join(f"<p>{BODY}</p>" for _ in range(4))
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bus network'
            f"</title>{head}</head><body><article><h1>Bus network</h1>{top}{paragraphs}"
            "</article></body></html>")


# -- each key's words change what is read --------------------------------------------------------

def test_a_packs_role_words_make_a_name_a_job(spanish):
    names = ["Ana Pérez", "Redactor Jefe"]
    assert people(names, words=spanish) == ["Ana Pérez"]
    assert people(names, words=lexicon(())) == names


def test_a_packs_credentials_are_degrees(spanish):
    assert people(["Ana Pérez", "Lic"], words=spanish) == ["Ana Pérez"]
    assert people(["Ana Pérez", "Lic"], words=lexicon(())) == ["Ana Pérez", "Lic"]


def test_a_packs_agencies_are_the_source(spanish):
    assert wire_agencies(["Ana Pérez", "Europa Press"], spanish.agencies) == ["Europa Press"]
    found = read_page_bylines(["Europa Press"], words=spanish)
    assert (found.authors, found.editors, found.agencies) == ([], [], ["Europa Press"])
    assert wire_agencies(["Europa Press"], lexicon(()).agencies) == []


def test_a_packs_labels_and_byline_words_open_the_names(spanish):
    assert split_byline("Escrito por Ana Pérez | Edición: Luis Gómez", spanish) == (
        ["Ana Pérez"], ["Luis Gómez"])
    assert split_byline("Por Ana Pérez", spanish) == (["Ana Pérez"], [])
    assert split_byline("Por Ana Pérez", lexicon(())) == (["Por Ana Pérez"], [])


def test_a_packs_conjunctions_join_names(spanish):
    assert split_byline("Ana Pérez y Luis Gómez", spanish) == (["Ana Pérez", "Luis Gómez"], [])
    assert split_byline("Ana Pérez y Luis Gómez", lexicon(())) == (["Ana Pérez y Luis Gómez"], [])


def test_a_packs_weekdays_end_a_name_and_are_date_words(spanish):
    assert split_byline("Ana Pérez el lunes", spanish) == (["Ana Pérez"], [])
    assert split_byline("Ana Pérez | Martes", spanish) == (["Ana Pérez"], [])
    assert split_byline("Ana Pérez | Martes", lexicon(())) == (["Ana Pérez", "Martes"], [])
    assert {"lunes", "martes"} <= spanish.date_words


def test_a_packs_timezone_moves_a_documents_dates(spanish_file, spanish):
    assert date_zone((load_pack(spanish_file),)) == "Europe/Madrid"
    assert iso_date("2016-02-21T23:30:00Z", spanish.timezone) == "2016-02-22T00:30:00+01:00"
    assert date_zone(()) is None
    assert iso_date("2016-02-21T23:30:00Z", date_zone(())) == "2016-02-21T23:30:00+00:00"


def test_a_site_packs_timezone_wins_over_its_languages(tmp_path):
    (tmp_path / "kabar.toml").write_text(
        '[pack]\nid = "kabar.example"\ndomains = ["kabar.example"]\nlang = "id"\n'
        'timezone = "Asia/Makassar"\n', encoding="utf-8")
    record = Cleaner(rules=[tmp_path]).clean(
        "Harga beras naik lagi di pasar induk pada pekan ini menurut para pedagang.",
        url="https://kabar.example/a", date="2016-02-21T20:00:00Z")
    assert record["meta"]["date"] == "2016-02-22T04:00:00+08:00"


def test_indonesian_documents_dates_are_in_the_zone_the_id_pack_names():
    record = Cleaner().clean("Harga beras naik lagi di pasar induk pada pekan ini menurut para "
                             "pedagang yang ditemui di Jakarta.", date="2016-02-21T20:00:00Z")
    assert record["meta"]["lang"] == "id"
    assert record["meta"]["date"] == "2016-02-22T03:00:00+07:00"
    assert shipped_lexicon().timezone == "Asia/Jakarta"


# -- a web page's bylines: the words of every loaded pack ------------------------------------------

def test_an_english_pages_byline_is_read_with_another_loaded_packs_words(spanish_file):
    head = '<meta name="author" content="Ana Pérez, Redactor Jefe">'
    assert Cleaner(rules=[spanish_file]).clean_html(page(head))["meta"]["authors"] == ["Ana Pérez"]
    assert Cleaner().clean_html(page(head))["meta"]["authors"] == ["Ana Pérez", "Redactor Jefe"]


def test_a_visible_byline_is_found_by_another_loaded_packs_label(spanish_file):
    # No meta author: the extractor looks for a byline element a label opens, before the
    # page's language is known.
    top = '<div class="byline">Escrito por Ana Pérez</div>'
    assert Cleaner(rules=[spanish_file]).clean_html(page(top=top))["meta"]["authors"] == [
        "Ana Pérez"]


def test_a_text_documents_byline_is_read_with_its_own_packs(spanish_file):
    # The Spanish pack is loaded but the text is Indonesian: its role words do not apply.
    cleaner = Cleaner(rules=[spanish_file])
    words = lexicon(cleaner.index.packs_for("Harga beras naik lagi di pasar yang ramai.", None))
    assert "redactor" not in words.role_words and "redactor" in lexicon(cleaner.packs).role_words


def test_each_pack_combinations_words_are_built_once(spanish_file):
    packs = (load_pack(spanish_file),)
    assert lexicon(packs) is lexicon(packs)
    words = lexicon(packs)
    assert page_bylines._reader(words) is page_bylines._reader(words)
    cleaner = Cleaner(rules=[spanish_file])
    assert lexicon(cleaner.packs) is lexicon(cleaner.packs)


def test_reading_pages_sets_the_words_only_inside_it(spanish):
    assert page_bylines.page_words() is shipped_lexicon()
    with page_bylines.reading_pages(spanish):
        assert page_bylines.page_words() is spanish
        assert page_bylines.opens_with_label("Escrito por Ana Pérez")
    assert page_bylines.page_words() is shipped_lexicon()
    assert not page_bylines.opens_with_label("Escrito por Ana Pérez")


# -- faults ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,reason", [
    ('"Mars/Base"', "no time zone"), ('"../etc/passwd"', "no time zone"), ('""', "timezone"),
    ('"Asia"', "no time zone"), (f'"{"a" * 5000}"', "no time zone"), ('"Asia/Jakarta\\u0000"',
                                                                     "no time zone"),
    ("7", "timezone"), ('["Asia/Jakarta"]', "timezone"),
], ids=["unknown", "a path", "empty", "a folder", "too long", "a null", "a number", "a list"])
def test_a_bad_timezone_is_refused_naming_the_file(tmp_path, value, reason):
    path = tmp_path / "xx.toml"
    path.write_text(f'[pack]\nkind = "lang"\ntimezone = {value}\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match=reason) as info:
        load_pack(path)
    assert "xx.toml" in str(info.value)


@pytest.mark.parametrize("key", ["weekdays", "role_words", "agencies", "credentials"])
def test_a_word_list_that_is_no_list_of_words_is_refused(tmp_path, key):
    path = tmp_path / "xx.toml"
    path.write_text(f'[pack]\nkind = "lang"\n{key} = [1, 2]\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match=key):
        load_pack(path)


def test_words_with_pattern_characters_are_words_not_patterns(tmp_path):
    path = tmp_path / "xx.toml"
    path.write_text('[pack]\nkind = "lang"\nconjunctions = ["+"]\nweekdays = ["d.a"]\n'
                    '[pack.byline_labels]\nauthors = ["a.b", "(by"]\n', encoding="utf-8")
    words = lexicon((load_pack(path),))
    assert split_byline("axb Ana Pérez", words) == (["axb Ana Pérez"], [])
    assert split_byline("(by Ana Pérez + Luis Gómez | dxa", words) == (
        ["Ana Pérez", "Luis Gómez", "dxa"], [])


def test_packs_without_any_byline_words_still_read_a_byline():
    none = lexicon(())
    assert split_byline("By Jane Doe, John Roe", none) == (["By Jane Doe", "John Roe"], [])
    assert not page_bylines.opens_with_label("By Jane Doe", none)
    found = read_page_bylines(["Jane Doe & John Roe"], words=none)
    assert (found.authors, found.editors, found.agencies) == (["Jane Doe", "John Roe"], [], [])


@pytest.mark.parametrize("byline", ["", "\x00" * 50, "By " + "Ana " * 20000, "|||,,,...",
                                    "Escrito por " * 500, "y y y y", "Ana Pérez. " * 3000])
def test_hostile_bylines_do_not_raise(spanish, byline):
    found = read_page_bylines([byline], ["example.com"], words=spanish)
    assert isinstance(found.authors, list) and isinstance(found.editors, list) \
        and isinstance(found.agencies, list)


def test_a_site_whose_language_pack_is_not_loaded_takes_the_shipped_packs_zone(tmp_path):
    (tmp_path / "kabar.toml").write_text(
        '[pack]\nid = "kabar.example"\ndomains = ["kabar.example"]\nlang = "id"\n',
        encoding="utf-8")
    record = Cleaner(rules=[tmp_path], builtin=False).clean(
        "Harga beras naik lagi di pasar induk.", url="https://kabar.example/a",
        date="2016-02-21T20:00:00Z")
    assert record["meta"]["date"] == "2016-02-22T03:00:00+07:00"


def test_a_loaded_language_pack_without_a_zone_keeps_the_offsets(tmp_path):
    # A user's own Indonesian pack in place of the shipped one, naming no zone: its word wins.
    (tmp_path / "lang").mkdir()
    (tmp_path / "lang" / "id.toml").write_text(
        '[pack]\nid = "id"\nkind = "lang"\nstopwords = ["yang", "dan", "di"]\n', encoding="utf-8")
    record = Cleaner(rules=[tmp_path]).clean("Harga beras yang naik di pasar dan di toko.",
                                             date="2016-02-21T20:00:00Z")
    assert record["meta"]["lang"] == "id"
    assert record["meta"]["date"] == "2016-02-21T20:00:00+00:00"


def test_a_text_bylines_role_words_are_its_language_packs(tmp_path, spanish_file):
    site = ('[pack]\nid = "diario.example"\ndomains = ["diario.example"]\nlang = "es"\n\n'
            '[[rule]]\nid = "diario/byline"\naction = "meta"\nwhere = "head"\n'
            "pattern = '^Por (?P<author>.+)$'\n"
            'remove = ["Por Ana Pérez, Redactor Jefe"]\n')
    (tmp_path / "diario.toml").write_text(site, encoding="utf-8")
    text = "Por Ana Pérez, Redactor Jefe\n\nEl ayuntamiento aprobó ayer la nueva red de autobuses."
    with_words = Cleaner(rules=[tmp_path, spanish_file]).clean(text, url="https://diario.example/a")
    assert with_words["meta"]["authors"] == ["Ana Pérez"]
    # Without the Spanish pack's role words the job stays among the names.
    spanish_without = spanish_file.read_text(encoding="utf-8").replace(
        'role_words = ["redactor", "redacción"]\n', "")
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "es.toml").write_text(spanish_without, encoding="utf-8")
    without = Cleaner(rules=[tmp_path / "diario.toml", bare / "es.toml"]).clean(
        text, url="https://diario.example/a")
    assert without["meta"]["authors"] == ["Ana Pérez", "Redactor Jefe"]


@pytest.mark.parametrize("head", ['byline_words = [""]', 'stopwords = ["the", " "]',
                                  'sections = [""]', 'abbreviations = ["dr", ""]',
                                  'conjunctions = [""]', '[pack.byline_labels]\nauthors = [""]',
                                  '[pack.months]\n"" = 1'])
def test_an_empty_word_in_a_pack_list_is_refused_with_the_file_named(tmp_path, head):
    """From the review: an empty label, joined into the byline pattern, matched every text, so
    every text "opened with a byline label"."""
    path = tmp_path / "xx.toml"
    path.write_text(f'[pack]\nid = "xx"\nkind = "lang"\n{head}\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match="xx.toml"):
        load_pack(path)
