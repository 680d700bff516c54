"""English sourcing credits of the Indian press (en/inputs-credit, rules/lang/en.toml): a last
line '(With inputs from agencies)', '(With PTI inputs)', 'With inputs from IANS' goes from the
text and fills nothing; a sentence that says the same in the body, or such a line high in the
article, stays."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

BODY = ("The city will open two new clinics next year, the minister said.\n"
        "The plan costs 2 billion rupees.")


@pytest.fixture(scope="module")
def english() -> Cleaner:
    return Cleaner(lang="en")


def _rules(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"]) for r in record["removed"]]


def test_the_reported_credit_goes_from_the_last_line():
    record = Cleaner().clean(f"{BODY}\n(With inputs from agencies)", lang="en")
    assert record["text"] == BODY.replace("\n", "\n\n")
    assert _rules(record) == [("en/inputs-credit", "(With inputs from agencies)")]
    assert record["meta"]["source"] is None


@pytest.mark.parametrize("credit", [
    "(With inputs from PTI)", "(With agency inputs)", "With inputs from IANS",
    "(Inputs from Reuters)", "(With inputs from PTI and ANI)", "(With PTI inputs)",
    "(With additional inputs from agencies)", "[With inputs from agencies]",
    "With inputs from agencies.", "(with inputs from IANS)",
])
def test_a_credit_alone_on_a_last_line_goes_and_fills_no_source(english, credit):
    record = english.clean(f"{BODY}\n{credit}")
    assert _rules(record) == [("en/inputs-credit", credit)]
    assert record["text"].endswith("2 billion rupees.")
    assert record["meta"]["source"] is None


def test_a_credit_above_a_share_line_at_the_end_goes_too(english):
    record = english.clean(f"{BODY}\n(With inputs from PTI)\nFollow us on Twitter")
    assert ("en/inputs-credit", "(With inputs from PTI)") in _rules(record)
    assert "inputs" not in record["text"]


@pytest.mark.parametrize("line", [
    "The report was drafted with inputs from the agencies involved.",
    "With inputs from the agencies involved, the panel wrote its report.",
    "With inputs from agencies and residents, the city drew up a plan.",
    "Inputs from Reuters were used to draft the report.",
    "(With inputs from the agencies involved)",
])
def test_a_sentence_about_inputs_stays(english, line):
    record = english.clean(f"{BODY}\n{line}")
    assert not _rules(record)
    assert record["text"].endswith(line)


def test_a_credit_high_in_a_long_article_stays(english):
    paragraphs = "\n".join(f"The council met again on day {n} to hear the residents." for n in
                           range(10))
    record = english.clean(f"{BODY}\n(With inputs from agencies)\n{paragraphs}")
    assert not _rules(record)
    assert "(With inputs from agencies)" in record["text"]


@pytest.mark.parametrize("line", [
    "(With inputs from " + "PTI, " * 20000 + "ANI)",        # 100,000 characters of names
    "(With inputs from agencies" + ")" * 5000,             # brackets and nothing else
    "(With inputs from \x00\u200b agencies)",               # controls the text fixes drop
    "With " + "agency " * 10000 + "inputs",
])
def test_damaged_credits_neither_raise_nor_take_the_body(english, line):
    record = english.clean(f"{BODY}\n{line}")
    assert record["text"].startswith(BODY.split("\n")[0])
    assert "2 billion rupees." in record["text"]
