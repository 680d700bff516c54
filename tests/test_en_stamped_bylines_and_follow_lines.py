"""English page cruft an acceptance run of a new user's WARC found kept.

1. A byline after its story's time stamp, alone on the first line ('5:45 AM PST 11/19/2019 by
   Patrick Shanley'), goes and gives the authors where the page names none, and its stamp the
   date, read month first (the rule's date_order).
2. Follow-us sentences closing the last paragraph after its last sentence ('... is out now.
   Follow him on Twitter @michaeldwall. Follow us on Twitter @Spacedotcom or Facebook.') go as
   a span; the paragraph's own sentences stay, and so does a sentence that says so or goes on.
3. A WordPress shortcode's markup left as text goes ('[caption id="..."]', '[/caption]'), a
   button's whole with its label ('[button link="..."] Send us YOUR review[/button]'); prose in
   brackets stays. A station's promo closing the article ('Listen to Citybeat live at 12:45 and
   17:45 weekdays - or listen back here.') goes by its shape, not its station's name.
"""

from __future__ import annotations

import pytest

from cleaner import Cleaner

PARAS = ("The committee met on Tuesday to review the annual budget and heard from several "
         "residents who opposed the plan.",
         "Officials said the new proposal would add three parks and repair roads across the "
         "northern district by next year.",
         "Critics argued that the cost estimates were too optimistic and asked for an "
         "independent review before any vote.")
BODY = "\n\n".join(PARAS)


def page(first: str = "", last: str = "", head: str = "") -> bytes:
    """An article page: `first` and `last` as paragraphs around the three of PARAS."""
    paras = ([first] if first else []) + list(PARAS) + ([last] if last else [])
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>Budget plan draws critics</title>{head}</head><body><article>"
            f"<h1>Budget plan draws critics</h1><div class=\"body\">{body}</div></article>"
            "</body></html>").encode()


@pytest.fixture(scope="module")
def html():
    return Cleaner().clean_html


def _rules(record) -> list[str]:
    return [removal["rule"] for removal in record["removed"]]


# -- 1. a byline after its time stamp --------------------------------------------------------------

@pytest.mark.parametrize("line, authors", [
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", ["Patrick Shanley"]),
    ("11/19/2019 5:45 AM PST by Patrick Shanley", ["Patrick Shanley"]),
    ("Nov 19, 2019 5:45 AM by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
])
def test_a_stamped_byline_goes_and_names_the_authors(html, line, authors):
    record = html(page(first=line))
    assert record["text"] == BODY
    assert record["meta"]["authors"] == authors
    assert ("en/stamp-byline-us" if "PST" in line else "en/stamp-byline") in _rules(record)


def test_a_stamped_byline_counts_as_a_text_byline_does(html):
    """Beside the page's author tag, as 'By Patrick Shanley' does: the text's byline first
    (html_clean: text headers before the page's for authors)."""
    head = '<meta name="author" content="Mary Major">'
    stamped = html(page(first="5:45 AM PST 11/19/2019 by Patrick Shanley", head=head))
    plain = html(page(first="By Patrick Shanley", head=head))
    assert stamped["text"] == plain["text"] == BODY
    assert stamped["meta"]["authors"] == plain["meta"]["authors"]


@pytest.mark.parametrize("line", [
    "5:45 AM PST 11/19/2019 by the river, the crowd had gathered for the vote.",
    "5:45 AM PST 11/19/2019 by Patrick Shanley, who filed first from the hall",
    "Filed 11/19/2019 by Patrick Shanley",
])
def test_a_sentence_with_a_stamp_stays(cleaner, line):
    record = cleaner.clean(f"{line}\n\n{BODY}", title="Budget plan draws critics")
    assert record["text"].startswith(line)
    assert record["meta"]["authors"] == []


def test_a_stamped_byline_gives_the_date(html):
    """Its stamp is the date, read month first (en/stamp-byline-us's date_order)."""
    record = html(page(first="5:45 AM PST 11/19/2019 by Patrick Shanley"))
    assert record["meta"]["date"] == "2019-11-19T05:45-08:00"


# -- 2. follow-us sentences closing the last paragraph ---------------------------------------------

BIO = 'Jane Doe\'s book about city budgets, "Ledger" (City Press, 2018), is out now.'


@pytest.mark.parametrize("follow", [
    "Follow her on Twitter @janedoe. Follow us on Twitter @Citydesk or Facebook.",
    "Follow us @Citydesk, Facebook and Google+.",
    "Follow City Desk on Twitter and Facebook!",
])
def test_closing_follow_sentences_go_the_paragraph_stays(html, follow):
    record = html(page(last=f"<em>{BIO} {follow}</em>"))
    assert record["text"] == f"{BODY}\n\n{BIO}"
    assert "chrome/follow-social-end" in _rules(record)


@pytest.mark.parametrize("last", [
    "Fans were told to follow him on Twitter.",
    f"{BIO} Follow us on Twitter, the fake accounts urged fans, before asking for money.",
    f"{BIO} Follow Me on Instagram is her new single.",
    f"{BIO} Follow the money on Twitter, he said.",
    f"{BIO} Follow him on Twitter and you will see why.",
])
def test_prose_about_following_stays(html, last):
    record = html(page(last=last))
    assert record["text"] == f"{BODY}\n\n{last}"


def test_a_follow_sentence_above_the_last_lines_stays(cleaner):
    early = f"{BIO} Follow her on Twitter @janedoe."
    more = "\n\n".join(f"Paragraph {n} of the report says what the council decided." for n in range(8))
    record = cleaner.clean(f"{early}\n\n{more}")
    assert record["text"].startswith(early)


# -- 3. shortcodes and a station's promo ------------------------------------------------------------

def test_a_button_shortcode_goes_with_its_label(html):
    button = '[button link="http://www.example.com/submit-review/" type="big" newwindow="yes"] Send us YOUR review[/button]'
    record = html(page(last=button))
    assert record["text"] == BODY


def test_a_caption_shortcode_loses_its_markup_keeps_its_words(cleaner):
    text = (f"{PARAS[0]}\n\nThe mayor at the opening "
            '[caption id="attachment_12" align="alignright" width="300"]of the park.[/caption] '
            f"She cut the ribbon.\n\n{PARAS[1]}")
    record = cleaner.clean(text)
    assert record["text"] == (f"{PARAS[0]}\n\nThe mayor at the opening of the park. "
                              f"She cut the ribbon.\n\n{PARAS[1]}")


@pytest.mark.parametrize("line", [
    "The mayor [sic] said no to the plan on Monday.", "He cited two studies [1] and [2] in the report.",
    "The formula [x = 2] holds for every case they tried.", "She said [the mayor] would act soon.",
    "Type [url=example.com] in the forum box to link it.",
])
def test_brackets_in_prose_stay(cleaner, line):
    record = cleaner.clean(f"{PARAS[0]}\n\n{line}\n\n{PARAS[1]}")
    assert line in record["text"]


def test_a_station_promo_closing_the_article_goes(html):
    promo = "Listen to Citybeat live at 12:45 and 17:45 weekdays - or listen back here."
    record = html(page(last=promo))
    assert record["text"] == BODY
    assert "en/listen-back-here" in _rules(record)


@pytest.mark.parametrize("line", [
    "Listen to the residents, she said, before you decide.",
    "Listen to the tape live, she said, or listen back here on Friday.",
    "They listen live to the debate and catch up here when they can, he said.",
])
def test_sentences_about_listening_stay(html, line):
    record = html(page(last=line))
    assert record["text"] == f"{BODY}\n\n{line}"
