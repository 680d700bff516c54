"""The Python API: Cleaner().clean(text, url=None, **fields) returns the record."""

from __future__ import annotations

import orjson
import pytest

from cleaner import Cleaner
from cleaner.document import META_FIELDS

ARTICLE = ("Judul Berita Ekonomi Hari Ini\n\nJAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini.\n\n"
           "Pedagang mengeluhkan sepinya pembeli di pasar. (ant)")


def test_record_has_the_documented_shape(cleaner):
    record = cleaner.clean(ARTICLE, id="k1")
    assert list(record)[:6] == ["id", "text", "meta", "removed", "flags", "fixes"]
    assert tuple(record["meta"]) == META_FIELDS
    assert record["id"] == "k1"
    assert record["text"] == "Harga beras naik lagi pekan ini.\n\nPedagang mengeluhkan sepinya pembeli di pasar."
    for removal in record["removed"]:
        assert set(removal) >= {"rule", "text", "line", "col", "action"}


def test_removals_locate_the_text_they_took(cleaner):
    record = cleaner.clean(ARTICLE)
    lines = ARTICLE.split("\n")
    for removal in record["removed"]:
        line = lines[removal["line"] - 1]
        assert line[removal["col"]:removal["col"] + len(removal["text"])] == removal["text"]


def test_url_host_picks_the_site_pack(cleaner):
    record = cleaner.clean("Isi berita yang panjang sekali.", url="https://regional.channel9.id/a/b")
    assert record["meta"]["site"] == "channel9.id" and record["meta"]["url"].startswith("https://")


def test_unknown_site_keeps_its_host(cleaner):
    record = cleaner.clean("Isi berita yang panjang sekali.", url="https://www.example.org/a")
    assert record["meta"]["site"] == "example.org"


def test_input_title_and_date_are_hints_that_win(cleaner):
    record = cleaner.clean(ARTICLE, title="Judul Berita Ekonomi Hari Ini", date="22/02/2016 14:38")
    assert record["meta"]["title"] == "Judul Berita Ekonomi Hari Ini"
    assert record["meta"]["date"] == "2016-02-22T14:38"
    assert not record["text"].startswith("Judul")


def test_an_input_date_is_moved_into_jakarta_time_as_a_pages_own_date_is(cleaner):
    # The same moment gave another day by where it came from: the page's metadata, or the
    # input's date field (docs/html.md: the day is the day in Jakarta).
    text = "JAKARTA, ANTARA News - Presiden mengatakan pertemuan itu penting bagi kedua negara."
    record = cleaner.clean(text, url="https://www.antaranews.com/berita/1",
                           date="2016-02-21T20:00:00Z")
    assert record["meta"]["date"] == "2016-02-22T03:00:00+07:00"
    english = cleaner.clean("The president said the meeting mattered to both of the countries.",
                            url="https://example.com/a", date="2016-02-21T20:00:00Z")
    assert english["meta"]["date"] == "2016-02-21T20:00:00+00:00"


def test_unparsable_date_hint_is_kept_as_given(cleaner):
    assert cleaner.clean("Isi berita.", date="kemarin sore")["meta"]["date"] == "kemarin sore"


@pytest.mark.parametrize("date", ["kemarin sore", "07/15/2017", 123456])
def test_an_unreadable_input_date_flags_the_record(cleaner, date):
    record = cleaner.clean("Isi berita.", url="https://kompas.com/a", date=date)
    [flag] = record["flags"]
    assert flag["flag"] == "unreadable-date" and str(date) in flag["reason"]


@pytest.mark.parametrize("date", ["2017-07-15", "15 Juli 2017", "2017-07-15T10:00:00Z", "2017"])
def test_a_readable_input_date_flags_nothing(cleaner, date):
    assert cleaner.clean("Isi berita.", url="https://kompas.com/a", date=date)["flags"] == []


def test_extra_fields_ride_along_and_clashing_ones_are_kept_under_input(cleaner):
    record = cleaner.clean("Isi berita.", source="cnn indonesia", meta={"x": 1}, flags=["a"])
    assert record["source"] == "cnn indonesia"
    assert record["input"] == {"meta": {"x": 1}, "flags": ["a"]}
    assert record["meta"]["title"] is None


def test_language_is_detected_from_stopwords(cleaner):
    assert cleaner.clean("Presiden mengatakan bahwa dia akan datang ke kota itu dengan keluarga.")["meta"]["lang"] == "id"
    assert cleaner.clean("The president said he would visit the city with his family.")["meta"]["lang"] == "en"
    assert cleaner.clean("Il presidente ha detto che visiterà la città con la famiglia.")["meta"]["lang"] is None


def test_an_english_abbreviation_glued_to_a_name_is_no_sentence_end(cleaner):
    text = ("The senator said on Monday that the plan would go ahead.\n\n"
            "The bill was written by Sen.Warren and her staff in the spring.")
    assert "by Sen.Warren and" in cleaner.clean(text)["text"]


def test_packs_can_be_limited_to_given_rule_files(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text('[[rule]]\nid = "mine/promo"\ndescription = "promo"\naction = "drop-line"\n'
                    'pattern = \'^BELI SEKARANG$\'\nremove = ["BELI SEKARANG"]\n', encoding="utf-8")
    cleaner = Cleaner(rules=[pack], builtin=False)
    record = cleaner.clean("Isi berita pertama.\n\nBELI SEKARANG\n\nBaca juga: Lain")
    assert [r["rule"] for r in record["removed"]] == ["mine/promo"]
    assert "Baca juga: Lain" in record["text"]


def test_one_rule_path_given_as_a_string_is_one_path(tmp_path):
    import pytest

    from cleaner.hf import clean_batch
    from cleaner.rulefile import RuleFileError

    pack = tmp_path / "mine.toml"
    pack.write_text('[[rule]]\nid = "mine/promo"\naction = "drop-line"\n'
                    'pattern = \'^BELI SEKARANG$\'\nremove = ["BELI SEKARANG"]\n', encoding="utf-8")
    text = "Isi berita pertama.\n\nBELI SEKARANG"
    for rules in (str(pack), pack):
        assert Cleaner(rules=rules).clean(text)["removed"][-1]["rule"] == "mine/promo"
    out = clean_batch({"text": [text]}, rules=str(pack))
    assert out["removed"][0][-1]["rule"] == "mine/promo"
    with pytest.raises(RuleFileError, match="no such rule file"):
        Cleaner(rules=[""])


def test_lone_surrogates_become_replacement_characters_not_a_crash(cleaner):
    record = cleaner.clean("Isi berita \ud800 yang panjang sekali di sini.")
    assert record["text"] == "Isi berita \ufffd yang panjang sekali di sini."
    assert record["fixes"] == ["fix_surrogates"]


def test_text_that_is_not_a_string_is_a_type_error_that_says_so():
    import pytest

    for text, name in ((None, "NoneType"), (5, "int"), (b"Isi berita.", "bytes")):
        with pytest.raises(TypeError, match=f"text must be a str, not {name}"):
            Cleaner().clean(text)


def test_a_page_that_is_not_text_or_bytes_is_a_type_error_that_says_so(cleaner):
    # None failed deep inside, as "object of type 'NoneType' has no len()".
    for page, name in ((None, "NoneType"), (5, "int")):
        with pytest.raises(TypeError, match=f"page must be a str or bytes, not {name}"):
            cleaner.clean_html(page)
    # (its row named, as clean's text is)
    with pytest.raises(TypeError, match=r"page must be a str or bytes, not NoneType \(id 'p7'\)"):
        cleaner.clean_html(None, id="p7")


def _missing_value(name: str):
    pd = pytest.importorskip("pandas")
    return {"None": None, "NaN": float("nan"), "NA": pd.NA, "NaT": pd.NaT}[name]


@pytest.mark.parametrize("name", ["None", "NaN", "NA", "NaT"])
def test_pandas_missing_values_are_no_id_title_date_or_url(cleaner, name):
    # What a loop over a frame's rows gives (`Cleaner().clean(text, **row)`): pandas 3 reads a
    # missing string as NaN. It was the title "nan", a date "NaT" flagged as unreadable, or
    # "boolean value of NA is ambiguous".
    value = _missing_value(name)
    record = cleaner.clean(ARTICLE, id=value, title=value, date=value, url=value)
    assert record == cleaner.clean(ARTICLE)
    assert record["meta"]["title"] == "Judul Berita Ekonomi Hari Ini" and record["id"] == ""
    body = "Kalimat berita yang panjang dan jelas sekali. " * 20
    page = (f"<html><head><title>Judul</title></head><body><article><h1>Judul</h1>"
            f"<p>{body}</p></article></body></html>")
    assert cleaner.clean_html(page, value, id=value, title=value, date=value) == \
        cleaner.clean_html(page)


@pytest.mark.parametrize("given, expected", [
    (True, "true"), ({"a": 1}, '{"a":1}'), ([1.5], "[1.5]"), (7, "7"), (1e5, "100000.0"),
    ("k1", "k1"), ("", ""), ("  ", ""), (float("nan"), ""), (float("inf"), "")])
def test_an_id_is_named_as_a_jsonl_records_is(cleaner, given, expected):
    # docs/usage.md: an id that is not a string is its JSON text, an empty one or NaN none.
    assert cleaner.clean("Isi berita.", id=given)["id"] == expected


def test_lone_surrogates_in_fields_are_repaired_so_the_record_is_writable(cleaner):
    record = cleaner.clean("Isi berita yang panjang sekali di sini, tanpa cacat.",
                           url="https://x.id/a\ud800", id="\ud83d\ude00", title="Judul \udc00",
                           date="2020-01-02\ud800", tags=["a\ud83d"], extra={"k\ud800": 1})
    assert orjson.loads(orjson.dumps(record)) == record
    assert (record["id"], record["meta"]["title"]) == ("😀", "Judul \ufffd")
    assert record["meta"]["url"] == "https://x.id/a\ufffd"
    assert (record["tags"], record["extra"]) == (["a\ufffd"], {"k\ufffd": 1})
    assert record["fixes"] == []         # the text had none to repair


def test_a_page_given_as_str_with_lone_surrogates_is_extracted_and_flagged(cleaner):
    body = "Kalimat berita yang panjang dan jelas sekali. " * 20
    page = (f"<html><head><title>T\ud83d</title></head><body><article><h1>Judul</h1>"
            f"<p>{body}\ud83d</p></article></body></html>")
    record = cleaner.clean_html(page, url="https://x.id/a")
    assert record["text"].startswith("Kalimat berita") and record["text"].endswith("\ufffd")
    assert [flag["flag"] for flag in record["flags"]] == ["unicode"]
    orjson.dumps(record)


def test_clean_given_a_page_extracts_its_article_as_clean_html_does(cleaner):
    import pytest

    from cleaner.html_load import PageError

    body = "Kalimat berita yang panjang dan jelas sekali. " * 20
    page = (f"<!DOCTYPE html><html><head><title>Judul</title></head><body><nav>Menu Home</nav>"
            f"<article><h1>Judul</h1><p>{body}</p></article></body></html>")
    assert cleaner.clean(page, url="https://x.id/a") == cleaner.clean_html(page, url="https://x.id/a")
    assert cleaner.clean(page)["text"].startswith("Kalimat berita")
    with pytest.raises(PageError):
        cleaner.clean("<html><body><script>x()</script></body></html>")
    # Markup that does not open the text is no page: it is repaired as text.
    assert cleaner.clean("Isi <b>berita</b> hari ini.")["text"] == "Isi berita hari ini."


def test_a_used_cleaner_pickles_and_cleans_as_it_did():
    # A process pool or Dataset.map(num_proc=...) pickles the Cleaner a caller has already used;
    # its rule stages hold RE2 sets, which pickle cannot take.
    import pickle

    cleaner = Cleaner(lang="id", guard_share=0.4)
    cleaner.page_timeout = 7.0
    first = cleaner.clean(ARTICLE, url="https://www.kompas.com/a")
    copy = pickle.loads(pickle.dumps(cleaner))
    assert copy.clean(ARTICLE, url="https://www.kompas.com/a") == first
    assert (copy.lang, copy.guard_share, copy.page_timeout) == ("id", 0.4, 7.0)
    assert copy.packs == cleaner.packs


def test_page_error_is_the_packages_own(cleaner):
    # docs/usage.md names it as what clean_html raises for a page with no article.
    import cleaner as package
    from cleaner import PageError
    from cleaner.html_load import PageError as raised

    assert PageError is raised and "PageError" in package.__all__
    with pytest.raises(PageError):
        cleaner.clean_html("<html><body></body></html>")
    with pytest.raises(AttributeError, match="no attribute 'PageErrors'"):
        package.PageErrors


@pytest.mark.parametrize("share, error", [("x", TypeError), (None, TypeError), (True, TypeError),
                                          (-1, ValueError), (5, ValueError),
                                          (float("nan"), ValueError)])
def test_a_guard_share_that_is_no_share_is_refused_where_the_cleaner_is_made(share, error):
    # It was taken, and a string or None failed at the first removal with a TypeError that did
    # not name it; -1 and 5 were taken without a word.
    with pytest.raises(error, match="guard_share"):
        Cleaner(guard_share=share)


def test_the_package_tells_type_checkers_it_is_typed():
    # PEP 561: without py.typed shipped in the package, a user's mypy ignores its annotations.
    import tomllib
    from importlib.resources import files

    from conftest import ROOT

    assert (files("cleaner") / "py.typed").is_file()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in data["tool"]["setuptools"]["package-data"]["cleaner"]
