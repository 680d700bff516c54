"""Between two near language packs (ms near id) only each list's own words decide: the words both
lists hold cancel out, so Malay's stopwords hold the words Malay shares with Indonesian, and
no labelled IndoSum article writes more of Malay's own words than of Indonesian's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.identify import LANGUAGE_WINDOW, PackIndex
from cleaner.rulefile import load_packs

LABELLED = Path(__file__).resolve().parent.parent / "fixtures" / "indosum" / "labelled.jsonl"

MALAY = ("Pemandu lori tersebut sudah ditahan di Seremban untuk membantu siasatan dan kes "
         "disiasat mengikut Akta Pengangkutan Jalan, kata polis.")
INDONESIAN = ("Sopir truk tersebut sudah ditahan di Bekasi untuk membantu penyelidikan karena "
              "diduga lalai, kata polisi.")


@pytest.fixture(scope="module")
def index() -> PackIndex:
    return PackIndex(load_packs([]))


def _articles() -> list[dict]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _own_words(index: PackIndex, text: str) -> tuple[int, int]:
    """How many of Indonesian's own and of Malay's own listed words the language window holds."""
    indonesian, malay = index.langs["id"].stopwords, index.langs["ms"].stopwords
    words = text[:LANGUAGE_WINDOW].lower().split()
    return (sum(w in indonesian - malay for w in words), sum(w in malay - indonesian for w in words))


@pytest.mark.parametrize("text, lang", [(MALAY, "ms"), (INDONESIAN, "id")])
def test_words_both_lists_hold_decide_nothing_between_the_near_languages(index, text, lang):
    shared = sorted(index.langs["id"].stopwords & index.langs["ms"].stopwords)
    assert {"di", "dari", "kata", "tersebut", "sudah"} <= set(shared)
    assert index.language(text) == lang
    assert index.language(f"{text} {' '.join(shared * 3)}") == lang


def test_no_labelled_indonesian_article_writes_more_malay_own_words_than_indonesian(index):
    articles = _articles()
    assert len(articles) == 224
    margins = [own - other for own, other in (_own_words(index, a["text"]) for a in articles)]
    assert min(margins) >= 0
    assert all(index.language(a["text"]) != "ms" for a in articles)


@pytest.mark.parametrize("with_url", [True, False], ids=["with its url", "without"])
def test_no_labelled_indonesian_article_is_cleaned_as_malay(cleaner, with_url):
    langs = {cleaner.clean(a["text"], url=a["url"] if with_url else None)["meta"]["lang"]
             for a in _articles()}
    assert "ms" not in langs and "id" in langs


def test_as_many_own_words_of_each_is_a_tie_which_is_indonesian(index):
    assert index.language("kerana karena bahawa bahwa di dari yang itu") == "id"
    assert index.language("kerana karena bahawa di dari yang itu") == "ms"


@pytest.mark.parametrize("text", ["", "   \n\t ", ". , ; -- !!", "di", "\x00\ud800 di dari",
                                  "KERANA KERANA " + "\u200b" * 1000])
def test_damaged_or_empty_text_picks_no_language_or_a_listed_one_without_raising(index, text):
    assert index.language(text) in (None, "id", "ms")


def test_a_huge_text_of_malay_own_words_is_read_within_its_window(index, monkeypatch):
    # Deterministic, not timed: the stopwords are counted among the words of the first
    # LANGUAGE_WINDOW characters only, not the text's four million.
    counted, real = [], index._most_stopwords

    def most_stopwords(words, *args, **kwargs):
        counted.append(len(words))
        return real(words, *args, **kwargs)

    monkeypatch.setattr(index, "_most_stopwords", most_stopwords)
    text = "kerana " * 2_000_000 + "karena " * 2_000_000
    assert index.language(text) == "ms"
    assert counted and all(n <= LANGUAGE_WINDOW for n in counted), counted


def test_labelled_indonesian_articles_write_none_of_malays_own_words_and_few_tie(index):
    # Malay's own words are words standard Indonesian does not write: none is in any of them,
    # and Indonesian's own (provinsi, rp, menit ...) leave few at a tie (6 of the 224; 10 before
    # they were listed).
    margins = [_own_words(index, a["text"]) for a in _articles()]
    assert all(malay == 0 for _, malay in margins)
    assert sum(indonesian == 0 for indonesian, _ in margins) <= 6
