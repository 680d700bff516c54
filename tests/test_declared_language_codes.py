"""A declared language code is checked against ISO 639 data (langcodes' tables of the IANA
registry): a code no standard holds is no declaration, nor is a word that only ISO 639-3 counts
as a language (`doc`, `xml`); a withdrawn code is read as its successor, and a member of a
macrolanguage a shipped pack serves is that pack's where it is that language itself (`zsm`), not
a variety of it (Manado Malay `xmm`).
And a text in a script written without spaces is counted in characters where it names no
language, not in the words a split of it finds."""

from __future__ import annotations

import itertools
import string

import pytest

from cleaner import Cleaner
from cleaner.declared_language import language_code
from cleaner.identify import NO_LANGUAGE

# Written only in words Malay and Indonesian share: a tie, which is Indonesian's without a
# declaration (tests/test_near_languages.py).
SHARED_WORDS = ("Harga beras naik lagi di pasar induk pada pekan ini menurut para pedagang yang "
                "ditemui di Jakarta.")
# A box score: no language's stopwords.
SCORES = "Persija 2-1 Persib\nPSM 0-0 Bali United\nArema 3-2 Persebaya"
# A Chinese news paragraph, 2,000 characters and more, with no space in it.
CHINESE = ("国务院新闻办公室星期一举行发布会，介绍今年前三季度经济运行情况。有关负责人表示，"
           "主要经济指标稳中有进，就业和物价总体平稳，外贸进出口保持增长。") * 30
JAPANESE = ("東京都は月曜日、新たな感染対策を発表した。飲食店に対して営業時間の短縮を要請する。"
            "知事は記者会見で、都民に不要不急の外出を控えるよう呼びかけた。") * 20


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def _flags(record: dict) -> list[dict]:
    return [flag for flag in record["flags"] if flag["flag"] == NO_LANGUAGE]


@pytest.mark.parametrize("value, code", [
    ("zlm", "ms"), ("ZLM-Latn-MY", "ms"), ("zlm_Latn", "ms"), ("zsm", "ms"), ("zsm-MY", "ms"),
    ("jw", "jv"), ("jw-ID", "jv"), ("JW", "jv"), ("in", "id"), ("iw", "he"),
    ("may", "ms"), ("ind", "id"), ("tgl", "tl"), ("tl", "tl")])
def test_macrolanguage_members_and_withdrawn_codes_are_read_as_the_language(value, code):
    assert language_code(value) == code


@pytest.mark.parametrize("value", ["min", "bjn", "mui", "kxd", "jak", "yue", "cmn", "ace"])
def test_members_with_names_of_their_own_or_no_pack_keep_their_code(value):
    # Minangkabau and Banjar are in Malay's macrolanguage, but languages of their own; Chinese
    # has no pack, and Cantonese's own code says more than `zh`.
    assert language_code(value) == value


@pytest.mark.parametrize("value", ["web", "WEB", "htm", "pdf", "xyz", "jpg", "def", "txt",
                                   "def-US", "txt_Latn", "zz", "xx-XX"])
def test_codes_no_iso_639_table_holds_and_placeholders_declare_nothing(value):
    assert language_code(value) is None


@pytest.mark.parametrize("value", [
    "zlm\x00", "\ud800", "ｚｌｍ", "zl m", "zlm-", "-zlm", "zlm" * 30, b"zlm", 3.0, {"lang": "zlm"},
    "z\u0301lm", "ZLM-" + "x" * 70, "\u200bzlm"])
def test_damaged_declared_values_are_no_language_and_never_raise(value):
    assert language_code(value) is None


def test_every_two_and_three_letter_code_reads_as_none_or_a_plain_code():
    # A hostile dump can write any of them: none raises, each gives a plain code or nothing.
    letters = string.ascii_lowercase
    for length in (2, 3):
        for letters_of in itertools.product(letters, repeat=length):
            code = language_code("".join(letters_of))
            assert code is None or (code.isalpha() and code.islower() and 2 <= len(code) <= 3)


def test_a_malay_record_declared_zlm_gets_the_malay_pack(cleaner):
    assert cleaner.clean(SHARED_WORDS)["meta"]["lang"] == "id"
    record = cleaner.clean(SHARED_WORDS, lang="zlm")
    assert record["meta"]["lang"] == "ms"
    assert record["meta"]["lang"] == cleaner.clean(SHARED_WORDS, lang="ms")["meta"]["lang"]
    assert not _flags(record)


def test_a_javanese_record_declared_jw_is_javanese(cleaner):
    record = cleaner.clean(SCORES, lang="jw")
    assert record["meta"]["lang"] == "jv"
    assert "the input declares 'jv', which no language pack serves" in _flags(record)[0]["reason"]


@pytest.mark.parametrize("value", ["def", "web", "txt"])
def test_a_record_declaring_a_placeholder_code_has_no_meta_lang(cleaner, value):
    record = cleaner.clean(SCORES, lang=value)
    assert record["meta"]["lang"] is None
    assert "declares" not in _flags(record)[0]["reason"]


def test_the_no_language_reason_counts_an_unspaced_text_in_characters(cleaner):
    assert len(CHINESE) > 2000 and cleaner.index.language(CHINESE) is None
    reason = cleaner.index.no_language_flag(CHINESE)["reason"]
    letters = sum(ch not in "，。" for ch in CHINESE)
    assert reason.startswith(f"its first {len(CHINESE):,} characters, unspaced text "
                             f"({letters:,} letters of a script written without spaces, 1 word "
                             "split by spaces), hold none of a language pack's stopwords")
    # (a split sees the article as one word: the old reason said "none of its first 1 words")
    assert "words is" not in reason


def test_a_long_unspaced_text_is_counted_in_its_first_3000_characters(cleaner):
    reason = cleaner.index.no_language_flag(CHINESE * 2 + " Xinhua")["reason"]
    assert reason.startswith("its first 3,000 characters, unspaced text (")


def test_a_japanese_record_without_a_language_says_its_characters(cleaner):
    record = cleaner.clean(JAPANESE, lang="ja")
    assert record["meta"]["lang"] == "ja"
    reason = _flags(record)[0]["reason"]
    assert reason.startswith("the input declares 'ja', which no language pack serves, and its "
                             f"first {len(record['text'][:3000]):,} characters, unspaced text")


def test_a_latin_text_without_stopwords_still_counts_words(cleaner):
    reason = cleaner.index.no_language_flag(SCORES)["reason"]
    assert reason.startswith("none of its first 10 words is a language pack's stopword")


def test_a_damaged_unspaced_text_gives_a_reason_without_raising(cleaner):
    text = "漢字\ud800かな\x00" * 500 + " \udfff"
    reason = cleaner.index.no_language_flag(text)["reason"]
    assert "unspaced text (" in reason and "characters" in reason


# Three-letter words and file types that ISO 639-3 alone gives a language (Northern Dong `doc`,
# Rawang `raw`, Malaysian Sign Language `xml`): a dump's `lang` holding one declares nothing.
@pytest.mark.parametrize("value", ["doc", "DOC", "raw", "xml", "csv", "api", "key", "end", "tmp",
                                   "log", "doc-US", "raw_Latn"])
def test_words_only_iso_639_3_counts_as_languages_declare_nothing(value):
    assert language_code(value) is None


# The real cases beside them: ISO 639-2's codes that are words too (Catalan, Newari, Madurese,
# Waray), and the labels of datasets a news dump meets, most of them ISO 639-3's alone: NusaX's
# Indonesian languages (Toba Batak `bbc`, Ngaju `nij`), FLORES-200's and Wikipedia's (Sicilian,
# Venetian, Silesian, Chhattisgarhi, Kabiyè, Nuer, Central Atlas Tamazight).
@pytest.mark.parametrize("value, code", [
    ("cat", "ca"), ("cat_Latn", "ca"), ("new", "new"), ("mad", "mad"), ("war", "war"),
    ("sun", "su"), ("ace", "ace"), ("ban", "ban"), ("bug", "bug"), ("mak", "mak"), ("sas", "sas"),
    ("gor", "gor"), ("bbc", "bbc"), ("nij", "nij"), ("bbc_Latn", "bbc"), ("scn", "scn"),
    ("vec", "vec"), ("lij", "lij"), ("lmo", "lmo"), ("szl", "szl"), ("hne", "hne"),
    ("kbp", "kbp"), ("kea", "kea"), ("nus", "nus"), ("tzm", "tzm"), ("ast", "ast"),
    ("crh", "crh"), ("zgh", "zgh"), ("yue", "yue"), ("ckb", "ckb")])
def test_iso_639_2_codes_and_dataset_labels_are_still_codes(value, code):
    assert language_code(value) == code


@pytest.mark.parametrize("value", ["xmm", "max", "jax", "abs", "mkn", "pmy", "bew", "bjn", "min",
                                   "XMM-ID", "max_Latn"])
def test_indonesian_regional_malays_keep_their_own_code(value):
    # Manado, North Moluccan, Jambi, Ambonese, Kupang, Papuan Malay, Betawi: written beside
    # Indonesian, not in Malaysia's Malay, whose pack would take their records.
    assert language_code(value) == value[:3].lower()


@pytest.mark.parametrize("value", ["meo", "zmi", "msi", "coa"])
def test_malaysian_malay_varieties_keep_their_own_code_too(value):
    # Kedah, Negeri Sembilan, Sabah, Cocos Islands Malay: named as Manado Malay is, and the
    # registry says no more (no country), so they are not taken for Malaysia's Malay either.
    assert language_code(value) == value


def test_a_short_text_declared_doc_is_read_as_one_declaring_nothing(cleaner):
    record = cleaner.clean("Harga cabai naik lagi.", lang="doc")
    assert record["meta"]["lang"] == cleaner.clean("Harga cabai naik lagi.")["meta"]["lang"]
    assert not any("declares" in flag["reason"] for flag in _flags(record))


def test_a_short_indonesian_text_declared_manado_malay_is_not_malaysian_malay(cleaner):
    record = cleaner.clean("Harga cabai naik lagi.", lang="xmm")
    assert record["meta"]["lang"] == "xmm"
    assert "the input declares 'xmm', which no language pack serves" in _flags(record)[0]["reason"]
    assert cleaner.clean("Harga cabai naik lagi.", lang="zsm")["meta"]["lang"] == "ms"


# A Russian article that quotes two Chinese characters, and one of names and scores that holds a
# few kana: neither is mostly in a script written without spaces.
RUSSIAN = ("Министр иностранных дел заявил во вторник, что переговоры продолжатся на следующей "
           "неделе в Пекине (北京), несмотря на разногласия.")
SCORES_WITH_KANA = SCORES + "\nカワサキ 1-1 Persik"


@pytest.mark.parametrize("text", [RUSSIAN, SCORES_WITH_KANA])
def test_a_text_with_a_few_unspaced_letters_is_not_called_unspaced_text(cleaner, text):
    reason = cleaner.index.no_language_flag(text)["reason"]
    assert "unspaced" not in reason
    assert reason.startswith(f"none of its first {len(text.split()):,} words is a language "
                             "pack's stopword")


def test_a_chinese_text_with_a_latin_name_is_still_unspaced_text(cleaner):
    # Mostly Chinese letters: a byline in Latin letters does not change what the text is.
    text = CHINESE[:300] + " Reporter: Zhang Wei, Xinhua News Agency, Beijing"
    assert cleaner.index.no_language_flag(text)["reason"].startswith(
        f"its first {len(text):,} characters, unspaced text (")
