"""A date the text itself gives (a sentence introducing it, a chronology's heading under a paragraph) is no stamp: it stays, and does not become meta.date."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

PARAGRAPH = {"id": "Pemerintah menyatakan bahwa program bantuan sosial akan terus berjalan karena "
                   "anggaran sudah cukup.",
             "ms": "Kerajaan memaklumkan bahawa program bantuan itu akan diteruskan kerana "
                   "peruntukan masih mencukupi.",
             "en": "Officials said on Monday that the new policy would take effect next month "
                   "across the whole state."}
HEADING = {"id": "Selasa, 12 Januari 2020", "ms": "Sabtu, 5 Ogos 2024",
           "en": "Monday, March 11, 2024"}
AFTER = {"id": "Saat itu program serupa terhenti karena masalah data di banyak daerah.",
         "ms": "Pada hari itu program dilancarkan di seluruh negara oleh menteri.",
         "en": "On that day the first hearing on the policy took place in the capital."}


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("lang", ["id", "ms", "en"])
def test_a_date_heading_under_a_paragraph_stays_in_the_text(cleaner, lang):
    # (acceptance run s49: the heading was cut as the page's stamp and made meta.date)
    text = f"Judul Berita\n\n{PARAGRAPH[lang]}\n\n{HEADING[lang]}\n\n{AFTER[lang]}"
    record = cleaner.clean(text, lang=lang)
    assert HEADING[lang] in record["text"].split("\n\n")
    assert record["meta"]["date"] is None


def test_a_date_a_sentence_introduces_stays_in_the_text(cleaner):
    record = cleaner.clean("Policy Takes Effect\n\nThe hearing is set for:\nMonday, March 11, "
                           "2024\n\nOfficials expect a crowd.", lang="en")
    assert "Monday, March 11, 2024" in record["text"] and record["meta"]["date"] is None


@pytest.mark.parametrize("text,lang,date", [
    ("Judul Berita\nSelasa, 12 Januari 2020\n\n" + PARAGRAPH["id"], "id", "2020-01-12"),
    ("Policy Takes Effect\nPublished:\nMonday, March 11, 2024\n\n" + PARAGRAPH["en"], "en",
     "2024-03-11"),
    (PARAGRAPH["ms"] + "\n\n" + AFTER["ms"] + "\nDiterbitkan: Mac 13, 2026 @ 2:05pm", "ms",
     "2026-03-13T14:05"),
])
def test_a_stamp_under_the_title_its_label_or_closing_the_text_is_still_the_date(
        cleaner, text, lang, date):
    record = cleaner.clean(text, lang=lang)
    assert record["meta"]["date"] == date


@pytest.mark.parametrize("line,lang,date", [
    # (acceptance run s49: the update, written first, was taken as the date)
    ("Diperbarui: 18 April 2023 08:00 WIB | Dipublikasikan: 17 April 2023 10:15 WIB", "id",
     "2023-04-17T10:15+07:00"),
    ("Dikemaskini 5 Mac 2024 08:00 | Diterbitkan 4 Mac 2024 10:15", "ms", "2024-03-04T10:15"),
    ("Publicado: 03/03/2024 10:15 | Actualizado: 04/03/2024 09:30", "es", "2024-03-03T10:15"),
])
def test_a_stamp_of_two_dates_gives_the_earlier_the_publication(cleaner, line, lang, date):
    paragraph = PARAGRAPH.get(lang, "El Gobierno anunció el lunes que el programa de ayudas "
                                     "seguirá en marcha durante todo el año próximo.")
    record = cleaner.clean(f"Judul Berita\n{line}\n\n{paragraph}", lang=lang)
    assert record["meta"]["date"] == date
    assert line not in record["text"]
