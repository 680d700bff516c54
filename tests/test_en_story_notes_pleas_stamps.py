"""English papers' closing notes, pleas and stamps that stayed in the text.

1. A note on the story itself at either end ('This story has been updated to ...', 'Correction:
   An earlier version of this story ...', an affiliate-link note) goes; a sentence reporting a
   correction or an update stays (en/story-note).
2. A paper's plea for subscriptions or tips (NJ.com's, News24's, ABC's app call, Stuff's tip
   line, Vanguard's 'Kindly Share This Story:') goes; a sentence quoting such words stays
   (en/outlet-plea), and so does a standing footer's (en/outlet-footer).
3. ABC's and RNZ's stamps go and give the date ('Posted Thu 14 Mar 2024 at 5:30am, ...',
   '9:42 am on 14 March 2024'); The Canadian Press's closing note gives the date and the source.
4. A channel named before 'on WhatsApp' ('Join The PUNCH Newspapers Channel on WhatsApp') goes;
   a copyright line with a comma before its year goes.
"""

from __future__ import annotations

import pytest

TITLE = "Council votes to keep fluoride in town water supply"
BODY = ["The district council has voted to keep adding fluoride to the town's water supply after "
        "hearing from more than 60 submitters over two days.",
        "Councillors voted 9-4 in favour, with the mayor saying the evidence was clear.",
        "The council will review the decision in five years."]


def _clean(cleaner, head=(), tail=()):
    return cleaner.clean("\n\n".join([TITLE, *head, *BODY, *tail]),
                         url="https://paper.example/local/council-fluoride")


@pytest.mark.parametrize("line", [
    "This story has been updated to include the dates of the closures.",
    "Correction: An earlier version of this story misstated the year of the flood bond. It was approved in 2018.",
    "Note to readers: if you purchase something through one of our affiliate links we may earn a commission.",
    "Our journalism needs your support. Please subscribe today to NJ.com.",
    "Subscribe to News24 for exclusive journalism and an ad-free experience.",
    "Get all the latest ABC News updates: download the ABC NEWS app and subscribe to our newsletter.",
    "Have you got a story to share? Contact newstips@stuff.co.nz",
    "Kindly Share This Story:",
    "Local Democracy Reporting is a public interest news service supported by RNZ, the News Publishers' Association and NZ On Air.",
    "Join The PUNCH Newspapers Channel on WhatsApp",
    "Copyright Agence France-Presse, 2024",
])
def test_closing_note_or_plea_goes(cleaner, line):
    record = _clean(cleaner, tail=[line])
    assert line not in record["text"]
    assert all(p in record["text"] for p in BODY)


@pytest.mark.parametrize("line", [
    "The paper printed a correction on Monday, and this story has been told since.",
    "Correction: the council meets on Tuesdays, not Mondays, a spokesman said.",
    "Our journalism needs your support, the editor wrote in a letter to readers last year.",
    "Join the fan channel on WhatsApp, the club told supporters, to get tickets first.",
])
def test_sentence_like_a_note_stays(cleaner, line):
    record = _clean(cleaner, tail=[line])
    assert line in record["text"]


@pytest.mark.parametrize("stamp", ["Posted Thu 14 Mar 2024 at 5:30am, updated Thu 14 Mar 2024 at 7:45am",
                                   "9:42 am on 14 March 2024"])
def test_abc_and_rnz_stamps_give_the_date(cleaner, stamp):
    record = _clean(cleaner, head=[stamp])
    assert stamp not in record["text"]
    assert str(record["meta"]["date"])[:10] == "2024-03-14"


def test_canadian_press_note_gives_date_and_source(cleaner):
    note = "This report by The Canadian Press was first published March 21, 2024."
    record = _clean(cleaner, tail=[note])
    assert note not in record["text"]
    assert str(record["meta"]["date"])[:10] == "2024-03-21"
    assert record["meta"]["source"] == "The Canadian Press"
