"""A text's headline goes as the title line when the input's title is the same headline with a
subtitle or a site's name more or less; a body line sharing its first words stays."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.header import title_of_hint

BODY_EN = ("The earbuds cost $129 and come in three colours, the maker said on Monday.\n\n"
           "Battery life is rated at six hours, with three more charges in the case.")
BODY_ID = ("Banjir yang merendam ratusan rumah di Jakarta Utara mulai surut pada Senin pagi.\n\n"
           "Warga mulai membersihkan lumpur dari rumah mereka, kata seorang pejabat setempat.")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def _title_removals(record):
    return [r for r in record["removed"] if r["rule"] == "header/title"]


@pytest.mark.parametrize("headline, title", [
    ("Harlow Pulse 3 review: big sound, short battery", "Harlow Pulse 3 review"),
    ("Harlow Pulse 3 review - big sound, short battery", "Harlow Pulse 3 review"),
    ("Harlow Pulse 3 review", "Harlow Pulse 3 review | Review Example"),
    ("Harlow Pulse 3 review", "Harlow Pulse 3 review — Review Example"),
    ("Harlow Pulse 3 review: big sound", "Harlow Pulse 3 review: big sound - Review Example"),
])
def test_a_headline_the_title_field_gives_more_or_less_of_goes_as_the_title_line(
        cleaner, headline, title):
    record = cleaner.clean(f"{headline}\n\n{BODY_EN}", title=title)
    assert record["text"] == BODY_EN
    assert [r["text"] for r in _title_removals(record)] == [headline]
    assert record["meta"]["title"] == title        # the input's title wins, as it always did


def test_the_same_headline_still_fills_the_title_as_before(cleaner):
    record = cleaner.clean(f"Banjir Jakarta Surut\n\n{BODY_ID}", title="Banjir Jakarta Surut")
    assert record["text"] == BODY_ID
    assert _title_removals(record)[0]["fields"] == ["title"]


def test_a_site_name_after_the_title_field_leaves_the_shorter_headline_out(cleaner):
    record = cleaner.clean(f"Banjir Jakarta Surut\n\n{BODY_ID}",
                           title="Banjir Jakarta Surut - Kompas.com")
    assert record["text"] == BODY_ID
    assert record["meta"]["title"] == "Banjir Jakarta Surut - Kompas.com"
    assert "fields" not in _title_removals(record)[0]     # meta.title is not the line


@pytest.mark.parametrize("first, title", [
    # the title's first words open a body sentence: no part divides it there
    ("Banjir Jakarta merendam ratusan rumah pada Senin pagi.", "Banjir Jakarta"),
    ("Banjir Jakarta", "Banjir Jakarta Rendam 300 Rumah"),
    # one word before a colon opens sentences as often as titles
    ("Jokowi: kami akan membangun kembali semua rumah warga yang rusak.", "Jokowi"),
    # the headline and a subtitle that reads as a sentence: body text, not a title line
    ("Harlow Pulse 3 review: the earbuds cost $129. They come in three colours.",
     "Harlow Pulse 3 review"),
])
def test_a_first_line_that_is_no_form_of_the_title_stays(cleaner, first, title):
    body = BODY_ID if "Banjir" in first or "Jokowi" in first else BODY_EN
    record = cleaner.clean(f"{first}\n\n{body}", title=title)
    assert record["text"].startswith(first)
    assert not _title_removals(record)


@pytest.mark.parametrize("line, hint, expected", [
    ("A b c", "a B c", "same"),
    ("Pulse 3 review: big sound", "Pulse 3 review", "longer"),
    ("Pulse 3 review", "Pulse 3 review | Site", "shorter"),
    ("Update: floods recede", "Update", None),            # one word is no title to compare
    ("Floods", "Floods - Site", None),
    ("Pulse 3 review big sound", "Pulse 3 review", None),  # no colon, dash or bar between
    ("Pulse 3 review-big sound", "Pulse 3 review", None),  # a dash inside a word divides nothing
])
def test_title_of_hint_tells_the_forms_apart(line, hint, expected):
    assert title_of_hint(line, hint) == expected
