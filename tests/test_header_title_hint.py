"""A text's headline goes as the title line when the input's title is the same headline with a
subtitle more, or with the site's name more (any last part, under a headline of three words or
more); a body line sharing the title's first words stays."""

from __future__ import annotations


import pytest

from cleaner import Cleaner
from cleaner import header
from cleaner.header import looks_like_title, title_of_hint

from pattern_windows import record_windows

BODY_EN = ("The earbuds cost $129 and come in three colours, the maker said on Monday.\n\n"
           "Battery life is rated at six hours, with three more charges in the case.")
BODY_ID = ("Banjir yang merendam ratusan rumah di Jakarta Utara mulai surut pada Senin pagi.\n\n"
           "Warga mulai membersihkan lumpur dari rumah mereka, kata seorang pejabat setempat.")
REVIEW_URL = "https://review-example.com/audio/harlow-pulse-3-review"
KOMPAS_URL = "https://www.kompas.com/read/2023/11/20/banjir-jakarta-surut"


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def _title_removals(record):
    return [r for r in record["removed"] if r["rule"] == "header/title"]


@pytest.mark.parametrize("headline, title", [
    ("Harlow Pulse 3 review: big sound, short battery", "Harlow Pulse 3 review"),
    ("Harlow Pulse 3 review - big sound, short battery", "Harlow Pulse 3 review"),
    ("Harlow Pulse 3 review", "Harlow Pulse 3 review | Review Example"),
    ("Harlow Pulse 3 review", "Harlow Pulse 3 review — review-example.com"),
    ("Harlow Pulse 3 review: big sound", "Harlow Pulse 3 review: big sound - Review Example"),
    # the site's name after the title, and a subtitle after the headline
    ("Harlow Pulse 3 review: big sound in a small box", "Harlow Pulse 3 review | Review Example"),
])
def test_a_headline_the_title_field_gives_more_or_less_of_goes_as_the_title_line(
        cleaner, headline, title):
    record = cleaner.clean(f"{headline}\n\n{BODY_EN}", title=title, url=REVIEW_URL)
    assert record["text"] == BODY_EN
    assert [r["text"] for r in _title_removals(record)] == [headline]
    assert record["meta"]["title"] == title        # the input's title wins, as it always did


def test_the_same_headline_still_fills_the_title_as_before(cleaner):
    record = cleaner.clean(f"Banjir Jakarta Surut\n\n{BODY_ID}", title="Banjir Jakarta Surut")
    assert record["text"] == BODY_ID
    assert _title_removals(record)[0]["fields"] == ["title"]


def test_the_site_name_after_the_title_field_leaves_the_shorter_headline_out(cleaner):
    record = cleaner.clean(f"Banjir Jakarta Surut\n\n{BODY_ID}",
                           title="Banjir Jakarta Surut - Kompas.com", url=KOMPAS_URL)
    assert record["text"] == BODY_ID
    assert record["meta"]["title"] == "Banjir Jakarta Surut - Kompas.com"
    assert "fields" not in _title_removals(record)[0]     # meta.title is not the line


@pytest.mark.parametrize("first, title, url", [
    # the title's first words open a body sentence: no part divides it there
    ("Banjir Jakarta merendam ratusan rumah pada Senin pagi.", "Banjir Jakarta", None),
    ("Banjir Jakarta", "Banjir Jakarta Rendam 300 Rumah", None),
    # a speaker's name before a quote, or a label, before a colon: two words are no title
    ("Jokowi: kami akan membangun kembali semua rumah warga yang rusak.", "Jokowi", None),
    ('Joe Biden: "We will rebuild every road."', "Joe Biden", None),
    ("Presiden Jokowi: Kami Tidak Akan Mundur", "Presiden Jokowi", None),
    ("Breaking News: Floods Recede In The North", "Breaking News", None),
    # a quoted sentence after a title of three words is a sentence all the same
    ('Harlow Pulse 3 review: "The earbuds cost $129."', "Harlow Pulse 3 review", None),
    ("Harlow Pulse 3 review: the earbuds cost $129. They come in three colours.",
     "Harlow Pulse 3 review", None),
    # what the title field adds is no site's name: a name alone, as a byline opens
    ("Sri Mulyani", "Sri Mulyani: Ekonomi RI Tumbuh 5 Persen", KOMPAS_URL),
    # two words before a part naming no site: a name as often as a title
    ("Banjir Surut", "Banjir Surut - Kompas.com", None),
])
def test_a_first_line_that_is_no_form_of_the_title_stays(cleaner, first, title, url):
    body = BODY_EN if first.startswith(("Harlow", "Joe", "Breaking")) else BODY_ID
    record = cleaner.clean(f"{first}\n\n{body}", title=title, url=url)
    assert record["text"].startswith(first)
    assert not _title_removals(record)


def test_a_lead_a_dateline_opened_is_body_whatever_the_title(cleaner):
    lead = "Menteri Keuangan Sri Mulyani: ekonomi tumbuh 5 persen tahun ini"
    record = cleaner.clean(f"JAKARTA - {lead}\n\n{BODY_ID}", title="Menteri Keuangan Sri Mulyani")
    assert record["meta"]["location"] == "Jakarta"
    assert lead in record["text"]
    assert not _title_removals(record)


@pytest.mark.parametrize("line, hint, names, expected", [
    ("A b c", "a B c", (), "same"),
    ("Pulse 3 review: big sound", "Pulse 3 review", (), "longer"),
    ("Pulse 3 review", "Pulse 3 review | Site News", ("sitenewscom",), "shorter"),
    ("Pulse 3 review", "Pulse 3 review | Other Paper", ("sitenewscom",), "shorter"),
    ("Pulse review", "Pulse review | Other Paper", ("sitenewscom",), None),
    ("Pulse 3 review: big", "Pulse 3 review | Site News", ("sitenewscom",), "longer"),
    ("Update: floods recede", "Update", (), None),         # one word is no title to compare
    ("Jane Doe: it began", "Jane Doe", (), None),          # nor two
    ("Pulse 3 review big sound", "Pulse 3 review", (), None),  # no colon, dash or bar between
    # a dash inside a word divides nothing
    ("Pulse 3 review-big sound", "Pulse 3 review", (), None),
])
def test_title_of_hint_tells_the_forms_apart(line, hint, names, expected):
    assert title_of_hint(line, hint, names) == expected


def test_a_sentence_ending_inside_its_quote_is_no_title():
    assert not looks_like_title('Presiden Jokowi: "Kami tidak akan mundur."', "Dia ...")
    assert looks_like_title('Warga: "Kami Tidak Takut"', "Dia ...")


@pytest.mark.parametrize("line, hint", [("kata - " * 8000, "Judul Berita"),
                                        ("Judul Berita", "Judul - " * 8000 + "Kompas.com")])
def test_a_giant_line_or_title_with_many_dividers_costs_linear_time(line, hint, monkeypatch):
    # Deterministic, not timed: the dividers are looked for in a window of a title's length
    # (twice the line's, the line no longer than a title), not along the whole giant line or
    # title at each divider (quadratic, this took 5-30 s).
    asked = record_windows(monkeypatch, header, "_TITLE_PARTS")
    title_of_hint(line, hint, ["kompascom"])
    assert all(n <= 2 * header.TITLE_MAX_CHARS + 8 for n in asked), max(asked)


QUESTION_LEAD = ("Siapa di antara kalian yang hobi membuat kue atau roti?\n\nJika kamu menjadi "
                 "salah satunya, kamu mungkin tipe orang yang senang mencoba hal baru di dapur.")


def test_a_question_opening_the_lead_stays_text(cleaner):
    # (kumparan's leads ask the reader a question on their first line: 2 of IndoSum's dev set)
    record = cleaner.clean(QUESTION_LEAD)
    assert record["text"] == QUESTION_LEAD and record["meta"]["title"] is None


@pytest.mark.parametrize("headline", ["Mau ke Kawah Ijen? Siapkan Lima Hal Ini Sebelum Mendaki",
                                      "Kenapa Api Biru Kawah Ijen Hanya Muncul Dini Hari?"])
def test_a_headline_that_asks_a_question_over_a_datelined_lead_is_the_title(cleaner, headline):
    record = cleaner.clean(f"{headline}\n\nBANYUWANGI - {BODY_ID}")
    assert record["meta"]["title"] == headline and record["meta"]["location"] == "Banyuwangi"
    assert record["text"] == BODY_ID


@pytest.mark.xfail(strict=True, reason="a headline that asks a question reads as a lead that "
                   "asks the reader one, which real leads do ('Siapa di antara kalian ...?'), "
                   "but over a lead a dateline opened")
def test_a_headline_that_asks_a_question_is_the_title(cleaner):
    record = cleaner.clean(f"Mau ke Kawah Ijen? Siapkan Lima Hal Ini Sebelum Mendaki\n\n{BODY_ID}")
    assert record["meta"]["title"] == "Mau ke Kawah Ijen? Siapkan Lima Hal Ini Sebelum Mendaki"


SENTENCE_CASE = "Delhi Metro's new stretch to cut airport travel time by 20 minutes"
DELHI_LEAD = ("The Delhi Metro will open a 9.4-km extension of its Magenta Line to passengers on "
              "Saturday, officials said on Thursday.")


def test_a_sentence_case_headline_over_a_datelined_lead_is_the_title(cleaner):
    record = cleaner.clean(f"{SENTENCE_CASE}\n\nNEW DELHI: {DELHI_LEAD}", lang="en")
    assert record["meta"]["title"] == SENTENCE_CASE
    assert record["meta"]["location"] == "New Delhi"
    assert record["text"] == DELHI_LEAD


def test_a_long_sentence_case_line_over_a_lead_without_a_dateline_stays(cleaner):
    # (its words alone do not tell a headline from a line of text that lost its full stop)
    record = cleaner.clean(f"{SENTENCE_CASE}\n\n{DELHI_LEAD}", lang="en")
    assert record["meta"]["title"] is None
    assert record["text"].startswith(SENTENCE_CASE)


@pytest.mark.parametrize("title", ["Oil Prices Rise Sharply - Reuters",
                                   "Oil Prices Rise Sharply | Opinion"])
def test_a_title_field_with_a_part_naming_no_site_still_takes_the_headline(cleaner, title):
    # (the line alone, with no title field, is the title: a title field must not keep it)
    text = f"Oil Prices Rise Sharply\n\n{BODY_EN}"
    assert _title_removals(cleaner.clean(text, url="https://www.bbc.com/a"))
    record = cleaner.clean(text, title=title, url="https://www.bbc.com/a")
    assert record["text"] == BODY_EN and record["meta"]["title"] == title



@pytest.mark.parametrize("title", [None, SENTENCE_CASE, f"{SENTENCE_CASE} - Reuters",
                                   f"{SENTENCE_CASE}: what commuters need to know"])
def test_a_title_field_keeps_no_sentence_case_headline_over_a_datelined_lead(cleaner, title):
    # (read as a title with no title field, it is one with any form of it)
    record = cleaner.clean(f"{SENTENCE_CASE}\n\nNEW DELHI: {DELHI_LEAD}", title=title, lang="en")
    assert record["text"] == DELHI_LEAD


def test_a_title_field_keeps_no_question_headline_over_a_datelined_lead(cleaner):
    headline = "Mau ke Kawah Ijen? Siapkan Lima Hal Ini"
    record = cleaner.clean(f"{headline}\n\nBANYUWANGI - {BODY_ID}", title=f"{headline} - Kompas.com",
                           url=KOMPAS_URL)
    assert record["text"] == BODY_ID
