"""Language detection counts a text's words as a reader would: a script written without spaces by its letters."""

from __future__ import annotations

import pytest

from cleaner.identify import LANGUAGE_WINDOW, unspaced_letters

# Pages in a script written without spaces, whose few space-separated words are mostly English
# product names holding "for": by a split's count alone, 4 stopwords of 27 and of 19 words.
CHINESE_PAGE = ("微软 今天 发布了 新版 Office for Mac。用户 可以 在 官网 下载 Office for Mac 和 "
                "Office for iPad，新版本 支持 深色 模式。 Office for Mac 的 价格 不变。")
THAI_PAGE = ("ดาวน์โหลด Microsoft Teams for Windows ได้ฟรีที่เว็บไซต์ของบริษัท "
             "ผู้ใช้สามารถติดตั้ง Teams for Windows และ Teams for Mac ได้ทันที "
             "เวอร์ชันใหม่รองรับการประชุมออนไลน์ Teams for Windows")
INDONESIAN_WITH_JAPANESE_QUOTE = (
    "Perdana Menteri Jepang mengatakan bahwa pemerintah akan menaikkan anggaran pertahanan. "
    "\"日本の防衛力を抜本的に強化するために、防衛費を増額しなければならない\", katanya di Tokyo "
    "pada hari Senin. Ia juga menyebut bahwa rencana itu sudah dibahas dengan partai koalisi.")
ENGLISH_WITH_CJK_NAMES = (
    "Chinese President Xi Jinping (习近平) met Japanese Prime Minister Fumio Kishida (岸田文雄) "
    "in Bangkok on Thursday, and the two leaders said they would work to stabilise ties that "
    "have been strained by a dispute over the release of water from the Fukushima (福島) plant.")


@pytest.mark.parametrize("page", [CHINESE_PAGE, THAI_PAGE], ids=["chinese", "thai"])
def test_a_page_of_a_script_without_spaces_with_a_few_english_words_is_not_english(cleaner, page):
    assert cleaner.index.language(page) is None


def test_a_chinese_pages_record_gets_no_english_rules(cleaner):
    record = cleaner.clean(CHINESE_PAGE)
    assert record["meta"]["lang"] is None
    assert not any(r["rule"].startswith("en/") for r in record["removed"])


def test_an_indonesian_text_with_a_japanese_quote_stays_indonesian(cleaner):
    assert unspaced_letters(INDONESIAN_WITH_JAPANESE_QUOTE) > 30   # the quote is counted
    assert cleaner.index.language(INDONESIAN_WITH_JAPANESE_QUOTE) == "id"


def test_an_english_text_with_some_cjk_names_stays_english(cleaner):
    assert cleaner.index.language(ENGLISH_WITH_CJK_NAMES) == "en"


def test_a_short_indonesian_text_with_one_stopword_stays_indonesian(cleaner):
    # The related-link lines of tests/test_guard.py, which asking two different stopwords
    # left without a language (and without the Indonesian rules that take them).
    assert cleaner.index.language("Baca juga: Judul lain di sini") == "id"
    record = cleaner.clean("\n".join(["Baca juga: Judul lain di sini"] * 6))
    assert record["meta"]["lang"] == "id"
    assert [r["rule"] for r in record["removed"]] == ["id/related-link"] * 3


@pytest.mark.parametrize("word", ["한국어", "“Ré”"], ids=["korean", "quoted"])
def test_a_spaced_script_counts_its_split_words_as_before(cleaner, word):
    # 2 English stopwords of 25 words, the rest Korean (written with spaces) or Latin words in
    # curly quotes: exactly the 8% share, as the split counts it, which is still enough. Their
    # many bytes beyond ASCII leave the letters to be counted, and none is found.
    text = "the " + " ".join([word] * 23) + " of"
    assert unspaced_letters(text) == 0
    assert cleaner.index.language(text) == "en"
    assert cleaner.index.language(text.replace(" of", " off")) is None    # 1 of 25: 4%


@pytest.mark.parametrize("text, letters", [
    ("Kindle版 電子書籍。", 5),                 # the full stop is no letter
    ("アプリ・ダウンロード", 9),                # nor the middle dot; the long vowel mark is
    ("ภาษาไทย ๑๒๓ ฿", 7),                      # Thai digits and the baht sign are none
    ("𠮷野家 々", 4),                           # a supplementary-plane ideograph, an iteration mark
    ("Tōkyō “Bahasa” Русский 한국어 العربية", 0),  # scripts written with spaces
    ("", 0),
])
def test_the_letters_of_scripts_without_spaces_are_counted(text, letters):
    assert unspaced_letters(text) == letters


@pytest.mark.parametrize("text, lang", [
    ("", None),
    ("   \n\t ", None),
    ("日本語だけの文章で空白がない。" * 50, None),        # one split word, no stopword
    ("\ud800\udfff \x00\x1b for for", "en"),            # surrogates and controls: no letters
    ("for", "en"),
])
def test_damaged_or_odd_texts_never_raise(cleaner, text, lang):
    assert cleaner.index.language(text) == lang


def test_a_lone_surrogate_amid_japanese_leaves_its_letters_counted(cleaner):
    # What a damaged scrape can hold: the letters around the half pair still count.
    text = "\ud800" + "電子書籍の" * 20 + " for the"
    assert unspaced_letters(text) == 100
    assert cleaner.index.language(text) is None


def test_letters_past_the_window_are_not_counted(cleaner):
    english = ("The minister said on Monday that the bridge would reopen in the spring. " * 60)
    assert len(english) > LANGUAGE_WINDOW
    assert cleaner.index.language(english + "日本語" * 2000) == "en"
