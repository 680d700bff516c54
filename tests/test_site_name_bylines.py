"""A byline's name that is the site itself, spelt as its domain's name in words ("Harbour
Gazette" on harbourgazette.example), is no writer: with the site's pack (named by its domain,
as suggest drafts one) or with none."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

BODY = ("\n\nConstruction began on 1,240 new homes in the Halifax region in February, nearly "
        "double the number a year earlier, according to the housing agency.\n\nMost of the new "
        "units are apartments in buildings of five storeys or more, the agency said.")
BYLINE = "By Ahmed Hassan and Tom O'Neil, Harbour Gazette"
PACK = """[pack]
id = "harbourgazette.example"
kind = "site"
name = "harbourgazette.example"
lang = "en"
domains = ["harbourgazette.example"]
"""


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("url", ["https://www.harbourgazette.example/business/housing",
                                 "https://harbour-gazette.example/a"])
def test_the_sites_name_in_a_byline_is_no_author(cleaner, url):
    record = cleaner.clean(BYLINE + BODY, url=url)
    assert record["meta"]["authors"] == ["Ahmed Hassan", "Tom O'Neil"]
    assert record["removed"][0]["text"] == BYLINE       # (its words kept in the record)


def test_the_sites_name_is_no_author_under_a_pack_named_by_its_domain(tmp_path):
    (tmp_path / "harbourgazette.example.toml").write_text(PACK, encoding="utf-8")
    record = Cleaner(rules=[tmp_path]).clean(
        BYLINE.replace("Harbour Gazette", "HARBOUR GAZETTE") + BODY,
        url="https://www.harbourgazette.example/a")
    assert record["meta"]["site"] == "harbourgazette.example"
    assert record["meta"]["authors"] == ["Ahmed Hassan", "Tom O'Neil"]


def test_another_sites_name_in_a_byline_stays_a_name(cleaner):
    record = cleaner.clean(BYLINE + BODY, url="https://www.metro-example.com/a")
    assert record["meta"]["authors"] == ["Ahmed Hassan", "Tom O'Neil", "Harbour Gazette"]


def test_the_site_after_a_bylines_names_is_its_source_with_an_article_or_none(cleaner):
    for outlet in ("The Harbour Gazette", "Harbour Gazette"):
        record = cleaner.clean(f"By Jane Smith, {outlet}" + BODY,
                               url="https://www.harbourgazette.example/a")
        assert (record["meta"]["authors"], record["meta"]["source"],
                record["meta"]["title"]) == (["Jane Smith"], outlet, None)


def test_an_unlisted_outlet_of_another_site_still_makes_no_byline(cleaner):
    # ('By Mary Smith, The Former Mayor' is no byline: the outlet must be listed, or the site)
    record = cleaner.clean("By Jane Smith, The Harbour Gazette" + BODY,
                           url="https://www.metro-example.com/a")
    assert record["meta"]["authors"] == []
