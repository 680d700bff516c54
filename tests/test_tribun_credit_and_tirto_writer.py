"""Two gaps in Indonesian site packs, run through the whole cleaner.

tribunnews/photo-credit read a line 'Tribunnews/Polisi Menangkap Tiga Pelaku Pencurian' (the full
site name in title case, a slash, a title-case headline) as a photo credit and dropped the
article's text; a credit's name holds no Indonesian verb or function word, and the rule's
`unless` spares the lines whose words after the slash are one.

tirto.id: a byline 'Penulis: Antara' names the wire agency the story is from: it is no author,
and the story's source is the agency, not the site that reprinted it (the dateline 'tirto.id - '
at the top named the site first).
"""

from __future__ import annotations

import pytest

TRIBUN = "https://www.tribunnews.com/metropolitan/2024/03/04/polisi-tangkap-pelaku"
TIRTO = "https://tirto.id/pemprov-jateng-usulkan-jalur-kereta-semarang-kendal-masuk-psn-gZp7"
ID_LEAD = ("TRIBUNNEWS.COM, JAKARTA - Polisi menangkap tiga pelaku pencurian sepeda motor di "
           "Jakarta Timur, Senin (4/3/2024).\n\n")
ID_CLOSE = "\n\nKapolsek mengatakan para pelaku sudah lama diincar petugas."


def _rules(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"]) for r in record["removed"]]


def _tribun(cleaner, line: str) -> dict:
    return cleaner.clean(ID_LEAD + line + ID_CLOSE, url=TRIBUN)


# Headlines (and labels over them) written as a slash after the site's full name.
HEADLINES = [
    "Tribunnews/Polisi Menangkap Tiga Pelaku Pencurian",
    "Tribunnews/Warga Bertemu Gubernur Usai Banjir",
    "TribunJakarta.com/Festival Kopi Digelar Di Monas",
    "Tribunnews.com/Pelaku Ditangkap Saat Hendak Kabur",
    "Tribunnews/Harga Cabai Naik Jelang Ramadan",
    "Tribunnews/Presiden Resmikan Jalan Tol Baru",
    "TribunJabar/Persib Menang Atas Persija",
    "Tribunnews/Dua Rumah Terbakar Dini Hari",
    "Tribunnews/Kapolri Minta Anggotanya Netral",
    "Tribunnews / Menteri Membantah Kabar Itu",
    "Tribunnews/Banjir Rendam Ribuan Rumah",
    "Tribunnews/Kasus Korupsi Diduga Libatkan Pejabat",
]


@pytest.mark.parametrize("line", HEADLINES)
def test_a_title_case_headline_after_the_site_name_stays(cleaner, line):
    record = _tribun(cleaner, line)
    assert not any(rule == "tribunnews/photo-credit" for rule, _ in _rules(record))
    assert f"\n\n{line}\n\n" in record["text"]


# Photo desks' credits: the pack's examples, the fixtures', and names whose first letters look
# like an Indonesian verb's prefix (Mem-, Men-, Di-, Ber-, Ter-, Me-) or that are one word.
CREDITS = [
    "Tribunnews/Herudin", "TribunJabar/Ahmad", "Tribunnews.com/Irwan Rismawan",
    "Tribunjakarta.com/Elga Hikari Putra", "TRIBUNNEWS/JEPRIMA", "TRIBUNNEWS.COM/IRWAN RISMAWAN",
    "TRIBUN/ANTARA", "TRIBUNNEWS/HERUDIN", "Tribunnews.com/Dewi Anggraini Saputri",
    "Tribunnews/Memey Mega", "Tribunnews/Mentari Putri", "Tribunnews/Menik Wulandari",
    "Tribunnews/Mendes Mendrofa", "Tribunnews/Dian Savitri", "Tribunnews/Dimas Anggara",
    "Tribunnews/Dicky Setiawan", "Tribunnews/Didik Prasetyo", "Tribunnews/Dikdik Kusnadi",
    "Tribunnews/Dito Saputra", "Tribunnews/Bertha Simanjuntak", "Tribunnews/Berto Lumban",
    "Tribunnews/Bernard Hutapea", "Tribunnews/Berliana Sari", "Tribunnews/Teresa Lubis",
    "Tribunnews/Terry Putra", "Tribunnews/Melati Putri", "Tribunnews/Melinda Sari",
    "Tribunnews/Mega Putra", "Tribunnews/Danang Triatmojo", "Tribunnews/Dany Permana",
    "Tribunnews/Theresia Felisiani", "Tribunnews/Seno Tri Sulistiyono", "Tribunnews/Arkan Hidayat",
    "Tribunnews/Sonya Hellen", "Tribunnews/Gita Irawan", "Tribunnews/Ilham Rian Pratama",
    "Tribunnews/Diya Farida Purnawangsuni", "Tribunnews/Awita Ekasari Larasati",
    "Tribunnews/Noverta Salyadi", "Tribunnews/Ferio Pristiawan", "Tribunnews/Dwi Widijatmiko",
]


@pytest.mark.parametrize("line", CREDITS)
def test_a_photo_desk_credit_still_goes(cleaner, line):
    record = _tribun(cleaner, line)
    assert ("tribunnews/photo-credit", line) in _rules(record)
    assert line not in record["text"]


def test_a_headline_after_the_site_name_in_capitals_is_still_a_credit(cleaner):
    # Only title case is read for words: in capitals the line is the photo desk's.
    line = "TRIBUNNEWS/POLISI MENANGKAP TIGA PELAKU"
    assert ("tribunnews/photo-credit", line) in _rules(_tribun(cleaner, line))


@pytest.mark.parametrize("line", ["Tribunnews/" + "Dan " * 400 + "X", "Tribunnews/" * 300,
                                  "Tribunnews/Menangkap\x00Tiga", "Tribunnews/\ufffd Di"])
def test_hostile_credit_lines_pass_through(cleaner, line):
    record = _tribun(cleaner, line)
    assert isinstance(record["text"], str)


TIRTO_TEXT = ("Pemprov Jateng Usulkan Jalur Kereta Semarang-Kendal Masuk PSN\n\n"
              "Semarang, tirto.id - Pemerintah Provinsi Jawa Tengah mengusulkan pembangunan jalur "
              "kereta komuter Semarang-Kendal masuk daftar Proyek Strategis Nasional.\n\n"
              "Kepala Dinas Perhubungan Jawa Tengah mengatakan kajian kelayakan jalur itu sudah "
              "rampung akhir tahun lalu. (tirto.id - ant/gil)\n\n"
              "Baca juga artikel terkait KERETA KOMUTER atau tulisan lainnya dari Antara\n"
              "Penulis: {writer}\nEditor: Fransiska Widya")


@pytest.mark.parametrize("writer, source", [("Antara", "ANTARA"), ("ANTARA", "ANTARA"),
                                            ("Reuters", "Reuters")])
def test_a_wire_agency_as_tirto_writer_is_the_source(cleaner, writer, source):
    record = cleaner.clean(TIRTO_TEXT.format(writer=writer), url=TIRTO)
    assert record["meta"]["source"] == source
    assert record["meta"]["authors"] == []
    assert record["meta"]["editors"] == ["Fransiska Widya"]
    assert ("id/byline-label", f"Penulis: {writer}") in _rules(record)


def test_a_tirto_writer_who_is_a_person_leaves_the_site_the_source(cleaner):
    record = cleaner.clean(TIRTO_TEXT.format(writer="Bayu Prasetyo"), url=TIRTO)
    assert record["meta"]["source"] == "Tirto.id"
    assert record["meta"]["authors"] == ["Bayu Prasetyo"]


def test_a_wire_named_first_stays_the_source_beside_another_wire_as_writer(cleaner):
    # Only the site's own name gives way to a wire named as the writer: a wire the dateline
    # named first is the story's source still.
    text = TIRTO_TEXT.format(writer="Reuters").replace("Semarang, tirto.id - ",
                                                        "Semarang (ANTARA) - ")
    record = cleaner.clean(text, url=TIRTO)
    assert record["meta"]["source"] == "ANTARA"
    assert record["meta"]["authors"] == []


def test_an_agency_as_tirto_editor_leaves_the_site_the_source(cleaner):
    text = TIRTO_TEXT.replace("Editor: Fransiska Widya", "Editor: Antara").format(
        writer="Bayu Prasetyo")
    record = cleaner.clean(text, url=TIRTO)
    assert record["meta"]["source"] == "Tirto.id"
    assert record["meta"]["authors"] == ["Bayu Prasetyo"]


def test_a_wire_as_writer_leaves_a_site_that_is_an_agency_its_own_source(cleaner):
    # ANTARA's own dateline names the agency: a Reuters story it carries is still ANTARA's copy.
    text = ("Jakarta (ANTARA) - Harga minyak dunia naik pada perdagangan Senin, didorong "
            "kekhawatiran pasokan dari Timur Tengah, kata para analis.\n\n"
            "Para pedagang menunggu data persediaan minyak mentah Amerika Serikat pekan ini.\n\n"
            "Pewarta: Reuters\nEditor: Budi Santoso")
    record = cleaner.clean(text, url="https://www.antaranews.com/berita/4000000/harga-minyak-naik")
    assert record["meta"]["source"] == "ANTARA"
