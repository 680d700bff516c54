"""Credits, related links and comment prompts as a user's articles write them: a photo credit
reads as a credit ('Foto: Dok. Istimewa', '(ANTARA FOTO/Sigid Kurniawan/pras)') and goes, while
an article sentence after 'Foto:' stays; 'Baca Juga >> X' goes in any case; a comment prompt
alone on its line goes; an English article's closing editor line, and Reuters' '(Reporting by
A; Editing by B)', fill `editors`.

The texts are written for these tests.
"""

from __future__ import annotations


import pytest

LEAD = ("Pemerintah provinsi mengumumkan kenaikan anggaran pendidikan tahun depan sebesar "
        "sepuluh persen.")
MIDDLE = ("Paragraf kedua berisi keterangan lanjutan tentang kebijakan itu dan tanggapan dari "
          "para kepala sekolah.")
LAST = "Paragraf penutup menjelaskan rencana pelaksanaan program mulai Januari tahun depan."

EN_TITLE = "Storm closes schools across the state"
EN_LEAD = ("Schools across the state closed on Monday as the storm brought heavy snow and strong "
           "winds to most counties, officials said, and the roads were closed for hours.")
EN_BODY = ("The governor said that the state would open shelters in every county by the "
           "evening, and that the national guard was ready to help the crews who were clearing "
           "the roads.\n\nForecasters said the snow would stop on Tuesday, but they warned that "
           "the cold would last for the rest of the week and that the roads would stay icy.")


def _article(line: str) -> str:
    """An Indonesian article with the line between its second and last paragraphs."""
    return "\n\n".join([LEAD, MIDDLE, line, LAST])


def _removed(record: dict) -> list[tuple[str, str]]:
    """The rules' removals (the header stage's title left out)."""
    return [(r["rule"], r["text"].strip()) for r in record["removed"]
            if not r["rule"].startswith("header/")]


# --- photo credits ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Foto: dokumen yang beredar itu ternyata palsu, kata juru bicara polisi kepada wartawan.",
    "Foto: Presiden Joko Widodo meresmikan jalan tol baru di Jakarta.",
    "Dok: ini hasil pemeriksaan yang saya minta kemarin, kata dokter itu.",
])
def test_a_sentence_after_a_photo_label_stays(cleaner, sentence):
    record = cleaner.clean(_article(sentence))
    assert record["meta"]["lang"] == "id"
    assert record["text"] == _article(sentence)
    assert not [r for r in _removed(record) if r[0].startswith("id/photo")]


@pytest.mark.parametrize("credit", [
    "Foto: Dok. Istimewa", "Foto: dok. pribadi", "Foto: Istimewa", "FOTO: Ist",
    "Foto: Shutterstock", "Foto: Getty Images", "Foto : ANTARA/Reno Esnir",
    "(ANTARA FOTO/Sigid Kurniawan/pras)", "ANTARA FOTO/Sigid Kurniawan/pras/17.",
    "Foto: kompas.com/Garry Lotulung", "Foto: Rengga Sancaya/detikHealth",
    "Foto: Instagram @kumparancom",
])
def test_a_photo_credit_alone_on_its_line_goes(cleaner, credit):
    record = cleaner.clean(_article(credit))
    assert _removed(record) == [("id/photo-credit", credit)]
    assert record["text"] == "\n\n".join([LEAD, MIDDLE, LAST])


def test_an_antara_caption_goes_with_its_credit(cleaner):
    caption = ("Warga melintasi genangan air di Jalan Sudirman, Jakarta, Senin (3/7/2017). "
               "(ANTARA FOTO/Sigid Kurniawan/pras)")
    record = cleaner.clean(_article(caption))
    assert _removed(record) == [("id/photo-caption", caption)]
    assert record["text"] == "\n\n".join([LEAD, MIDDLE, LAST])


def test_a_long_paragraph_ending_with_an_antara_credit_keeps_its_text(cleaner):
    paragraph = " ".join([MIDDLE, LEAD, MIDDLE, LAST])
    assert len(paragraph) > 300
    record = cleaner.clean(_article(f"{paragraph} (ANTARA FOTO/Sigid Kurniawan/pras)"))
    assert _removed(record) == [("id/photo-credit-inline", "(ANTARA FOTO/Sigid Kurniawan/pras)")]
    assert record["text"] == _article(paragraph)


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    "Foto: " + " ".join(["Nama"] * 40),                  # more names than a credit holds
    "Foto: " + "A/" * 5000 + "x",                        # a long run of slashes
    "(ANTARA FOTO/" + "Sigid Kurniawan " * 400 + ")",    # an endless bracket
    "Foto: \u200b\u00a0Dok.\u0301 Ist\x00imewa",          # invisible, combining and NUL characters
])
def test_a_hostile_credit_line_is_cleaned_quickly_without_error(cleaner, line):
    record = cleaner.clean(_article(line))
    assert record["text"].startswith(LEAD) and record["text"].endswith(LAST)


# --- related links ----------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Baca Juga >> Harga Cabai Naik Lagi di Pasar Induk", "Baca Juga > Harga Cabai Naik",
    "Baca Juga » Harga Cabai Naik", "baca juga › Harga Cabai Naik", "Simak Juga → Harga Cabai Naik",
    "Baca Juga -> Harga Cabai Naik", "Lihat Juga => Harga Cabai Naik", "BACA JUGA >> Harga Cabai Naik",
])
def test_a_related_link_with_an_arrow_goes_in_any_case(cleaner, line):
    record = cleaner.clean(_article(line))
    assert _removed(record) == [("id/related-link", line)]
    assert record["text"] == "\n\n".join([LEAD, MIDDLE, LAST])


def test_a_related_label_with_an_arrow_takes_the_titles_under_it(cleaner):
    record = cleaner.clean(_article("Baca Juga >>\nHarga Cabai Naik Lagi di Pasar Induk"))
    assert [rule for rule, _ in _removed(record)] == ["id/related-label-block"] * 2
    assert record["text"] == "\n\n".join([LEAD, MIDDLE, LAST])


# --- comment prompts --------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["Tulis komentar Anda di bawah ini", "Berikan komentar Anda",
                                  "Komentar Anda:", "Silakan tinggalkan komentar di bawah."])
def test_a_comment_prompt_alone_on_its_line_goes_and_the_paragraph_after_it_stays(cleaner, line):
    record = cleaner.clean(_article(line))
    assert _removed(record) == [("id/comment-call", line)]
    assert record["text"] == "\n\n".join([LEAD, MIDDLE, LAST])


@pytest.mark.parametrize("sentence", [
    "Tulis komentar Anda dengan sopan, kata admin forum itu kepada para anggota.",
    "Komentar Anda menentukan hasil survei ini, kata peneliti itu.",
])
def test_a_sentence_about_comments_stays(cleaner, sentence):
    record = cleaner.clean(_article(sentence))
    assert record["text"] == _article(sentence)


# --- English editors --------------------------------------------------------------------------

def _english(closing: str) -> str:
    return f"{EN_TITLE}\n\n{_english_text(closing)}"


def _english_text(closing: str = "") -> str:
    """What is left of _english(closing) under its title, the closing line kept."""
    return "\n\n".join(part for part in (EN_LEAD, EN_BODY, closing) if part)


@pytest.mark.parametrize("closing, editors", [
    ("Editor: Jane Doe", ["Jane Doe"]), ("Edited by Jane Doe", ["Jane Doe"]),
    ("Editing by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
])
def test_an_english_closing_editor_line_fills_editors(cleaner, closing, editors):
    record = cleaner.clean(_english(closing))
    assert record["meta"]["lang"] == "en"
    assert _removed(record) == [("en/editor-label", closing)]
    assert record["meta"]["editors"] == editors
    assert record["text"] == _english_text()


def test_a_reuters_closing_credit_goes_and_names_its_editor(cleaner):
    credit = "(Reporting by Will Dunham; Editing by Tom Brown)"
    record = cleaner.clean(_english(credit))
    assert _removed(record) == [("chrome/wire-editing-credit", credit)]
    assert record["meta"]["editors"] == ["Tom Brown"]
    assert record["text"] == _english_text()


def test_a_reuters_credit_going_on_after_its_editor_still_goes(cleaner):
    credit = "(Reporting by Jane Doe; Editing by John Roe; Writing by Mary Major)"
    record = cleaner.clean(_english(credit))
    assert _removed(record) == [("chrome/wire-credit", credit)]
    assert record["meta"]["editors"] == []


@pytest.mark.parametrize("sentence", ["Editor: The decision was wrong, she said.",
                                      "Edited by hand, the film runs for three hours."])
def test_an_english_sentence_opening_like_an_editor_line_stays(cleaner, sentence):
    record = cleaner.clean(_english(sentence))
    assert record["text"] == _english_text(sentence)
    assert record["meta"]["editors"] == []
