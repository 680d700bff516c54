"""Page chrome in English news, as an acceptance run of an English corpus met it
(rules/page-chrome.toml, the `chrome` pack):

- a related-stories box in the last lines takes its heading and its headlines, not the
  article's paragraphs after it (chrome/related-heading-tail);
- a prompt's words quoted as reported speech, attributed in the same line ('Follow us on
  Twitter, the fake accounts urge fans, ...'), stay (chrome/follow-social, chrome/app-prompt,
  chrome/newsletter);
- 'Comments are closed.' goes alone on its line (chrome/comments-closed, which a fixture's
  last line fires), paywall prompts (chrome/newsletter) and 'Also Read | <title>'
  (chrome/related-prefix) go;
- a wire's closing credit names its reporters as the record's authors, with or without its
  editors (chrome/wire-editing-credit).

The texts are written for these tests, after the run's probes.
"""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.rulefile import load_packs

LEAD = ("Thousands of farmers drove tractors into central Brussels on Tuesday, blocking roads "
        "around the European Union's headquarters as agriculture ministers met to discuss "
        "easing green rules.")
BODY = ["Police used water cannon to push back protesters who set fire to tyres and hay bales "
        "near the European Parliament.",
        "Farmers say cheap imports from Ukraine and strict environmental rules are squeezing "
        "their incomes.",
        "Similar protests have taken place in France, Germany, Poland and Spain since January."]
AFTER = ["Farm groups said they would return to Brussels in June, before European elections.",
         "The European Commission is due to publish its proposals on the common agricultural "
         "policy next month."]


ID_LEAD = ("Polisi mengimbau warga agar berhati-hati terhadap pesan palsu yang beredar di media "
           "sosial dalam beberapa pekan terakhir.")
ID_BODY = ("Menurut polisi, pesan itu dikirim oleh akun yang meniru akun resmi sejumlah "
           "perusahaan besar di Indonesia.")
ID_LAST = "Polisi meminta warga segera melapor jika menerima pesan serupa."


@pytest.fixture(scope="module")
def chrome_alone() -> Cleaner:
    """A cleaner with the chrome pack alone: its rules, whatever a language pack takes first."""
    return Cleaner(packs=[pack for pack in load_packs() if pack.id == "chrome"])


def _text(*lines: str) -> str:
    """Paragraphs as a text dump writes them."""
    return "\n\n".join(lines)


def _removed(record: dict) -> list[tuple[str, str]]:
    """The rules' removals (the header stage's title left out)."""
    return [(r["rule"], r["text"].strip()) for r in record["removed"]
            if not r["rule"].startswith("header/")]


def _article(line: str) -> str:
    """An English article with `line` between its body and its last paragraphs."""
    return _text(LEAD, *BODY, line, *AFTER)


# --- a1: a related box in the tail window -----------------------------------------------------

BOX = ["RELATED STORIES", "Polish farmers block Ukraine border crossings",
       "France offers farmers tax breaks after weeks of protest"]


def test_a_related_box_before_the_last_paragraphs_takes_only_its_headlines(cleaner):
    record = cleaner.clean(_text(LEAD, *BODY, *BOX, *AFTER))
    assert record["meta"]["lang"] == "en"
    assert _removed(record) == [("chrome/related-heading-tail", line) for line in BOX]
    assert record["text"] == _text(LEAD, *BODY, *AFTER)
    assert record["flags"] == []


def test_a_related_box_closing_the_text_still_goes_whole(cleaner):
    tail = ["You may also like...", "Who will make the Rock Hall in 2020?",
            "Dave Matthews Band takes over Rock Hall Fan Vote",
            "Doobie Brothers perform with Santana at Blossom Music Center in 2019"]
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, *tail))
    assert _removed(record) == [("chrome/related-heading-tail", line) for line in tail]
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


def test_a_related_box_high_in_a_short_text_is_no_longer_stopped_by_the_guard(cleaner):
    # news-003 of the run: the box, then two paragraphs and a copyright line; the drop-tail
    # would have taken over half of the text, so the guard kept it all, box and all.
    lead = ("Metro and bus drivers in Paris walked off the job on Wednesday, disrupting the "
            "commutes of millions as unions pressed for bonuses for the Olympic Games.")
    box = ["RELATED STORIES", "Olympic organisers unveil security plan for opening ceremony",
           "France raises terror alert ahead of Games"]
    after = ["Related to the strike, taxi drivers said they would hold a separate protest on "
             "Friday over licensing rules.",
             "\"We are not against the Games. We are against being taken for granted,\" said "
             "union official Marc Delorme."]
    record = cleaner.clean(_text(lead, "Only one train in three ran on several metro lines.",
                                 *box, *after))
    assert [r for r in record["flags"] if r["flag"] == "guard"] == []
    assert _removed(record) == [("chrome/related-heading-tail", line) for line in box]
    assert record["text"] == _text(lead, "Only one train in three ran on several metro lines.",
                                   *after)


# --- a2-a4: a prompt quoted as reported speech --------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Follow us on Twitter, the fake accounts urge fans, before asking for bank details, police said.",
    "Click here to confirm your identity, the fraudulent text messages read, according to the commission's order.",
    "Sign up for our newsletter, the scam emails said, and you will get a free gift card.",
    "Follow us on Instagram, he wrote in a post that was later deleted.",
    "Click here to claim your prize, the messages said.",
    "Subscribe to our newsletter, according to the pop-up, for a free e-book.",
])
def test_a_prompt_quoted_as_reported_speech_stays(cleaner, sentence):
    record = cleaner.clean(_article(sentence))
    assert record["text"] == _article(sentence)
    assert _removed(record) == []


@pytest.mark.parametrize("line, rule", [
    ("Follow us on Twitter @NewsExample", "chrome/follow-social"),
    ("Follow us on Twitter and Facebook for the latest updates.", "chrome/follow-social"),
    ("Click here to get the latest updates, plus our top stories.", "chrome/app-prompt"),
    ("Sign up for our newsletter and never miss a goal", "chrome/newsletter"),
])
def test_the_prompts_themselves_still_go(cleaner, line, rule):
    record = cleaner.clean(_article(line))
    assert _removed(record) == [(rule, line)]
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


@pytest.mark.parametrize("sentence", [
    "Ikuti kami di Instagram, kata akun palsu itu kepada para korban sebelum meminta nomor rekening.",
    "Berlangganan newsletter kami, ujar pesan palsu itu, dan Anda akan mendapat hadiah.",
    "Ikuti kami di Twitter, menurut pesan yang beredar di media sosial pekan lalu.",
])
def test_an_indonesian_prompt_quoted_as_reported_speech_stays_with_the_chrome_rules(chrome_alone,
                                                                                    sentence):
    # The chrome pack alone: in an Indonesian document id/social-promo (rules/lang/id.toml)
    # takes 'Ikuti kami di ...' before chrome/follow-social sees it.
    text = _text(ID_LEAD, ID_BODY, sentence, ID_LAST)
    record = chrome_alone.clean(text)
    assert record["text"] == text


def test_an_indonesian_newsletter_prompt_quoted_as_reported_speech_stays(cleaner):
    sentence = "Berlangganan newsletter kami, ujar pesan palsu itu, dan Anda akan mendapat hadiah."
    record = cleaner.clean(_text(ID_LEAD, ID_BODY, sentence, ID_LAST))
    assert record["meta"]["lang"] == "id"
    assert sentence in record["text"]


@pytest.mark.parametrize("line", ["Ikuti kami di Instagram @contoh", "Berlangganan newsletter kami untuk berita terbaru."])
def test_an_indonesian_prompt_itself_still_goes_with_the_chrome_rules(chrome_alone, line):
    record = chrome_alone.clean(_text(ID_LEAD, ID_BODY, line, ID_LAST))
    assert record["text"] == _text(ID_LEAD, ID_BODY, ID_LAST)


# --- b2-b4: cruft left in -------------------------------------------------------------------

@pytest.mark.parametrize("line", ["Comments are closed.", "Comments are closed", "COMMENTS ARE CLOSED",
                                  "Comments are closed for this article.", "Commenting is closed."])
def test_comments_are_closed_goes(cleaner, line):
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, line))
    assert _removed(record) == [("chrome/comments-closed", line)]
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


@pytest.mark.parametrize("sentence", [
    "Comments are closed on the proposed guidance until Friday.",
    "Automakers said the rules were too strict. Comments are closed on the proposed guidance, but the industry plans to lobby Congress directly.",
    "Public comments are closed until March 3, the agency said.",
])
def test_a_sentence_saying_comments_are_closed_stays(cleaner, sentence):
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, sentence))
    assert record["text"] == _text(LEAD, *BODY, *AFTER, sentence)


@pytest.mark.parametrize("lines", [
    ["Subscribe to continue reading", "Already a subscriber? Log in"],
    ["Subscribe to continue reading",
     "Get unlimited access to Sportsdesk for just £1 a week. Cancel anytime."],
    ["Subscribe now to continue reading.", "Already have an account? Sign in"],
    ["This article is for subscribers only."],
])
def test_a_paywall_prompt_goes(cleaner, lines):
    record = cleaner.clean(_text(LEAD, *BODY, *lines))
    assert _removed(record) == [("chrome/newsletter", line) for line in lines]
    assert record["text"] == _text(LEAD, *BODY)


@pytest.mark.parametrize("sentence", [
    "Subscribe to continue reading the fine print, the regulator told customers.",
    "Get unlimited access to the archive, the library said, by joining before June.",
    "Already a subscriber, she logged in to read the report.",
    "This article is for subscribers of the print edition, the paper said in a note.",
])
def test_a_sentence_about_subscriptions_stays(cleaner, sentence):
    record = cleaner.clean(_article(sentence))
    assert record["text"] == _article(sentence)


@pytest.mark.parametrize("line", ["Also Read | Delhi government extends odd-even scheme review",
                                  "ALSO READ | Pune rains: schools shut",
                                  "Read More | Sensex hits record high as banks rally",
                                  "Also read: Maharashtra farmers seek compensation"])
def test_an_also_read_line_with_a_bar_goes(cleaner, line):
    record = cleaner.clean(_article(line))
    assert _removed(record) == [("chrome/related-prefix", line)]
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


def test_a_table_row_with_a_bar_stays(cleaner):
    row = "More | Less | Same"
    record = cleaner.clean(_article(row))
    assert row in record["text"]


# --- c1-c2: a wire's credit names the reporters ----------------------------------------------

@pytest.mark.parametrize("credit, authors, editors", [
    ("Reporting by Andrew Mills; Editing by Susan Fenton", ["Andrew Mills"], ["Susan Fenton"]),
    ("(Reporting by Sunil Kataria; Editing by Aditi Shah)", ["Sunil Kataria"], ["Aditi Shah"]),
    ("Reporting by Yuka Obayashi and Kiyoshi Takenaka; Editing by Christopher Cushing",
     ["Yuka Obayashi", "Kiyoshi Takenaka"], ["Christopher Cushing"]),
    ("Reporting by Camillus Eboh; Writing by Elisha Bala-Gbogbo; Editing by Alex Richardson",
     ["Camillus Eboh", "Elisha Bala-Gbogbo"], ["Alex Richardson"]),
    ("(Reporting by Jane Doe in London; Additional reporting by John Roe in Paris; Editing by Mark Heinrich)",
     ["Jane Doe", "John Roe"], ["Mark Heinrich"]),
    ("Reporting by Joey Roulette in Washington and Steve Gorman in Los Angeles; Editing by Will Dunham",
     ["Joey Roulette", "Steve Gorman"], ["Will Dunham"]),
    ("(Reporting by Greg Roumeliotis, editing by Martin Howell.)", ["Greg Roumeliotis"], ["Martin Howell"]),
    ("Writing by Meera Iyer; Editing by Kim Coghill and Louise Heavens", ["Meera Iyer"],
     ["Kim Coghill", "Louise Heavens"]),
])
def test_a_wire_editing_credit_names_its_reporters_as_authors(cleaner, credit, authors, editors):
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, credit))
    assert _removed(record) == [("chrome/wire-editing-credit", credit)]
    assert record["meta"]["authors"] == authors
    assert record["meta"]["editors"] == editors
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


def test_a_credit_whose_reporters_read_as_no_names_still_names_its_editors(cleaner):
    # The reporters' part is not a list of names: the editors are read all the same.
    credit = "(Reporting by our correspondents in the region; Editing by Tom Brown)"
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, credit))
    assert _removed(record) == [("chrome/wire-editing-credit", credit)]
    assert record["meta"]["authors"] == []
    assert record["meta"]["editors"] == ["Tom Brown"]


@pytest.mark.parametrize("credit, authors", [
    ("(Additional reporting by Rajesh Kumar in New Delhi)", ["Rajesh Kumar"]),
    ("Additional reporting by Jane Doe and John Roe.", ["Jane Doe", "John Roe"]),
    ("(Reporting by Will Dunham)", ["Will Dunham"]),
])
def test_a_reporting_credit_names_its_reporters_as_authors(cleaner, credit, authors):
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, credit))
    assert _removed(record) == [("chrome/wire-editing-credit", credit)]
    assert record["meta"]["authors"] == authors
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


def test_a_byline_and_a_closing_credit_name_the_authors_together(cleaner):
    text = _text("By Priya Nair", LEAD, *BODY, *AFTER,
                 "(Additional reporting by Rajesh Kumar in New Delhi)",
                 "Writing by Meera Iyer; Editing by Kim Coghill")
    record = cleaner.clean(text)
    assert record["meta"]["authors"] == ["Priya Nair", "Rajesh Kumar", "Meera Iyer"]
    assert record["meta"]["editors"] == ["Kim Coghill"]
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


@pytest.mark.parametrize("sentence", [
    "The reporting by local media was wrong, he said.",
    "Additional reporting by the team found more cases in the north.",
])
def test_a_sentence_about_reporting_names_no_author(cleaner, sentence):
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, sentence))
    assert record["meta"]["authors"] == []


# --- after the second review (D2, D4, D5, D8) --------------------------------------------------

@pytest.mark.parametrize("line, rule", [
    ("Sign up for our newsletter, The Long Read.", "chrome/newsletter"),
    ("Click here to subscribe to our weekly newsletter, The Saturday Read", "chrome/newsletter"),
    ("Sign up for our free newsletter, a daily email that says it all.", "chrome/newsletter"),
    ("Sign up for our newsletter, the one that tells you what matters.", "chrome/newsletter"),
    ("Follow us on Twitter, the account that tells you first", "chrome/follow-social"),
    ("Follow us on Instagram, the feed our readers say they love", "chrome/follow-social"),
    ("Click here to download our app, the one readers say is the best.", "chrome/app-prompt"),
    ("Download our app for the latest news, according to your location", "chrome/app-prompt"),
    ("Follow us on Twitter, we said it first", "chrome/follow-social"),
])
def test_a_prompt_whose_comma_names_no_speaker_still_goes(cleaner, line, rule):
    # A name in capitals ('The Long Read'), a relative clause ('the one that tells'), a verb in
    # the present with no later attribution ('our readers say'), 'according to your ...' and
    # the site's 'we' report no one's speech.
    record = cleaner.clean(_article(line))
    assert _removed(record) == [(rule, line)]
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


def test_a_prompt_attributed_to_an_official_account_stays(cleaner):
    sentence = "Follow us on Twitter, the official account said in a post."
    record = cleaner.clean(_article(sentence))
    assert record["text"] == _article(sentence)


@pytest.mark.parametrize("line", [
    "Ikuti kami di Instagram, tulis komentarmu di kolom yang tersedia",
    "Ikuti kami di Twitter, menurut kami ini cara tercepat",
    "Ikuti kami di Instagram, Kata Kita Media",
    "Ikuti kami di Instagram, ungkap pendapatmu di kolom komentar",
])
def test_an_indonesian_prompt_with_an_imperative_after_its_comma_goes(chrome_alone, line):
    # 'tulis', 'ungkap' without '-nya' are imperatives, 'menurut kami' the site's own view, and
    # 'Kata Kita Media' a name: no one's speech reported.
    record = chrome_alone.clean(_text(ID_LEAD, ID_BODY, line, ID_LAST))
    assert record["text"] == _text(ID_LEAD, ID_BODY, ID_LAST)


def test_comments_are_closed_goes_alone_and_the_lines_after_it_stay(cleaner):
    lines = ["The consultation ran for six weeks and drew 4,000 responses.",
             "Comments are now closed.", "The council will decide in May.",
             "Officials said the decision was final."]
    record = cleaner.clean(_text(LEAD, *BODY, *lines))
    assert _removed(record) == [("chrome/comments-closed", "Comments are now closed.")]
    assert record["text"] == _text(LEAD, *BODY, lines[0], *lines[2:])


def test_an_indonesian_comments_closed_notice_goes_alone(chrome_alone):
    record = chrome_alone.clean(_text(ID_LEAD, ID_BODY, "Komentar ditutup.", ID_LAST))
    assert record["text"] == _text(ID_LEAD, ID_BODY, ID_LAST)


@pytest.mark.parametrize("sentence", [
    "Get unlimited access to more than 100 million songs for $10.99 a month with Apple Music.",
    "Enjoy unlimited access to all rides for $49, with discounts for children under 12.",
])
def test_an_offer_of_unlimited_access_with_a_price_alone_stays(cleaner, sentence):
    record = cleaner.clean(_article(sentence))
    assert record["text"] == _article(sentence)


@pytest.mark.parametrize("credit, authors, editors", [
    ("(Reporting By Jane Doe In London; Editing By Tom Brown)", ["Jane Doe"], ["Tom Brown"]),
    ("Reporting by CNN's Jane Doe", ["Jane Doe"], []),
    ("Reporting by BBC Arabic and BBC Verify", [], []),
    ("(Reporting by Reuters TV; Editing by Tom Brown)", [], ["Tom Brown"]),
    ("Writing by Hand Still Matters", [], []),
    ("(Reporting by Jane Doe in Washington and John Roe; Editing by Tom Brown)",
     ["Jane Doe", "John Roe"], ["Tom Brown"]),
    ("(Reporting by Jane Doe in Washington and New York)", ["Jane Doe"], []),
    ("(Writing by Jane Doe)", ["Jane Doe"], []),
])
def test_a_credit_names_people_only(cleaner, credit, authors, editors):
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, credit))
    assert record["meta"]["authors"] == authors
    assert record["meta"]["editors"] == editors
    assert record["text"] == _text(LEAD, *BODY, *AFTER)


def test_a_credit_naming_an_organisation_in_title_case_names_no_author(cleaner):
    record = cleaner.clean(_text(LEAD, *BODY, *AFTER, "Reporting by Human Rights Watch"))
    assert record["meta"]["authors"] == []
