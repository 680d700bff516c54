"""A body given twice (a scraper joined the page's text twice) keeps one copy, the other recorded."""

from __future__ import annotations

import pytest

from cleaner.document import Document, Line
from cleaner.repeated_body import REPEATED_RULE, repeated_body_stage, repeated_copy

# An article written for these tests: five paragraphs, its opening line a dateline a rule cuts
# and its last an editor's code that a rule cuts at the text's end only.
BODY = [
    "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga bahan bakar minyak mulai pekan depan, "
    "kata Menteri Energi dalam jumpa pers di kantornya, Senin (3/7).",
    "Kenaikan itu berlaku di seluruh daerah dan disebut tidak akan memengaruhi tarif angkutan "
    "umum dalam waktu dekat.",
    "\u201cKami sudah menghitung dampaknya bersama pemerintah daerah,\u201d ujar sang menteri.",
    "Sejumlah pengemudi ojek mengaku keberatan karena penghasilan mereka belum pulih sejak "
    "awal tahun.",
    "Pemerintah berjanji menyalurkan bantuan tunai bagi warga miskin mulai bulan depan. (ant)",
]
PLAIN = BODY[1:4] + [BODY[4][:-6]]   # no dateline, no code: four paragraphs as written


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _repeats(record: dict) -> list[dict]:
    return [r for r in record["removed"] if r["rule"] == REPEATED_RULE]


def _document(paragraphs: list[str]) -> Document:
    """A Document as normalize leaves it: one Line per non-empty paragraph, numbered."""
    text = "\n".join(paragraphs)
    return Document(id="t", text=text,
                    lines=[Line(p, n) for n, p in enumerate(paragraphs, start=1) if p])


def test_a_whole_body_twice_keeps_one_copy_and_records_the_other(cleaner):
    once = cleaner.clean(_text(BODY))
    record = cleaner.clean(_text(BODY + BODY))
    assert record["text"] == once["text"]
    assert [r["text"] for r in _repeats(record)] == BODY
    assert {r["action"] for r in _repeats(record)} == {"drop-line"}
    # The first copy's dateline still fills meta, as the body alone does.
    assert record["meta"]["location"] == once["meta"]["location"] == "Jakarta"


def test_the_repeat_s_removals_name_their_lines_and_columns(cleaner):
    text = _text(BODY + BODY)
    record = cleaner.clean(text)
    lines = text.split("\n")
    # Paragraphs stand on every other line: the copy starts on line 11.
    assert [(r["line"], r["col"]) for r in _repeats(record)] == [(11, 0), (13, 0), (15, 0),
                                                                (17, 0), (19, 0)]
    for removal in record["removed"]:
        line = lines[removal["line"] - 1]
        assert line[removal["col"]:removal["col"] + len(removal["text"])] == removal["text"]


def test_the_copies_are_compared_as_the_input_gave_them_not_as_the_rules_cut_them(cleaner):
    # The dateline rule takes the first line's head and the code rule the text's last line's
    # tail: cut after the rules, the two copies would differ at both ends.
    record = cleaner.clean(_text(BODY + BODY))
    assert not any("KOMPAS.com" in p or "(ant)" in p for p in record["text"].split("\n\n"))
    assert len(_repeats(record)) == len(BODY)


def test_a_body_three_times_keeps_one_copy(cleaner):
    record = cleaner.clean(_text(BODY * 3))
    assert record["text"] == cleaner.clean(_text(BODY))["text"]
    assert len(_repeats(record)) == 2 * len(BODY)


def test_a_title_and_body_joined_twice_keep_one_title_and_one_body(cleaner):
    title = "Harga Bahan Bakar Naik Pekan Depan"
    once = cleaner.clean(_text([title, *BODY]))
    # The title once and the body twice under it (a scraper joined the page's body twice),
    # and the title with each copy: the title stays either way, the second body goes.
    for paragraphs, repeat in (([title, *BODY, *BODY], BODY),
                               ([title, *BODY, title, *BODY], [title, *BODY])):
        record = cleaner.clean(_text(paragraphs))
        assert record["meta"]["title"] == title
        assert record["text"] == once["text"]
        assert [r["text"] for r in _repeats(record)] == repeat


def test_two_lines_before_the_copies_stay_and_three_keep_the_copies():
    head = ["Harga Bahan Bakar Naik Pekan Depan", "Jakarta, Senin 3 Juli 2017"]
    assert repeated_copy([*head, *PLAIN, *PLAIN]) == (6, 10)
    assert repeated_copy([*head, *PLAIN, *PLAIN, *PLAIN[:2]]) == (6, 12)
    assert repeated_copy(["Berita Utama", *head, *PLAIN, *PLAIN]) is None


def test_the_opening_paragraphs_repeated_at_the_end_are_removed():
    paragraphs = [f"Paragraf ke-{n} berita ini berisi kalimat yang cukup panjang untuk dibaca "
                  f"sebagai isi, bukan sebagai judul atau keterangan foto." for n in range(8)]
    assert repeated_copy(paragraphs + paragraphs[:4]) == (8, 12)


def test_a_results_list_recapped_at_the_end_is_kept(cleaner):
    # Four long score lines open the report and close it as a recap: a list, not prose (no
    # line ends as a sentence does), and text the reader wants at the end too.
    results = ["Persib Bandung 2-1 Persija Jakarta (Ciro Alves 12', David da Silva 55'; "
               "Marko Simic 80')",
               "Arema FC 0-0 Bali United, di Stadion Kanjuruhan, Malang, disaksikan 30.000 "
               "penonton",
               "PSM Makassar 3-2 Persebaya Surabaya (Yakob Sayuri 3', 44', Wiljan Pluim 70'; "
               "dua gol Persebaya)",
               "Borneo FC 1-1 Madura United, laga di Stadion Segiri berakhir imbang setelah "
               "hujan deras"]
    middle = ["Hasil ini membuat Persib naik ke puncak klasemen sementara dengan 40 poin.",
              "Pelatih Persib mengatakan timnya bermain disiplin sepanjang laga."]
    assert all(len(line) >= 60 for line in results) and sum(map(len, results)) >= 300
    paragraphs = [*results, *middle, *results]
    assert repeated_copy(paragraphs) is None
    record = cleaner.clean(_text(paragraphs))
    assert _repeats(record) == []
    assert record["text"].count(results[3]) == 2


def test_an_opening_repeated_at_the_end_must_be_mostly_prose():
    sentences = [f"Paragraf ke-{n} berita ini berisi kalimat yang cukup panjang untuk dibaca "
                 f"sebagai isi, bukan sebagai judul atau keterangan foto." for n in range(8)]
    # A quote's closing mark after the stop still ends a sentence.
    quoted = [f"\u201cKalimat ke-{n} ini dikutip dari pernyataan resmi yang dibacakan juru "
              f"bicara kepolisian.\u201d" for n in range(4)]
    assert repeated_copy(quoted + sentences + quoted) == (12, 16)
    # Long lines without a stop: a list (a program, a line-up), kept.
    listed = [line[:-1] for line in sentences[:4]]
    assert repeated_copy(listed + sentences[4:] + listed) is None
    # Short lines of sentences, each under 60 characters: a stanza, kept.
    stanza = [f"Baris ke-{n} dari sajak ini, ditulis pendek dan berima." for n in range(6)]
    assert sum(map(len, stanza)) >= 300
    assert repeated_copy(stanza + sentences + stanza) is None


def test_a_partial_last_copy_goes_with_the_full_ones():
    assert repeated_copy(PLAIN * 2 + PLAIN[:2]) == (4, 10)


def test_a_repeated_refrain_is_kept(cleaner):
    refrain = ["Reff:", "Indonesia tanah airku", "Tanah tumpah darahku"]
    song = ["Lirik lagu kebangsaan dinyanyikan bersama oleh seluruh peserta upacara pagi ini.",
            *refrain, *refrain, "Upacara ditutup dengan doa bersama."]
    assert _repeats(cleaner.clean(_text(song))) == []
    # A refrain sung twice in a row, and nothing else, too: it is short.
    assert repeated_copy(refrain * 2) is None


def test_a_long_quote_repeated_is_kept(cleaner):
    quote = ("\u201cKami tidak akan mundur sedikit pun dari tuntutan ini, karena yang kami "
             "perjuangkan adalah hak para pekerja yang sudah bertahun-tahun diabaikan oleh "
             "perusahaan dan pemerintah daerah, dan kami akan terus turun ke jalan sampai "
             "tuntutan itu dipenuhi seluruhnya tanpa syarat apa pun,\u201d kata Ketua Serikat "
             "Pekerja.")
    assert len(quote) > 300
    for paragraphs in ([quote, quote], [BODY[1], quote, quote, BODY[3]], [quote] * 6):
        assert _repeats(cleaner.clean(_text(paragraphs))) == [], paragraphs


def test_a_short_list_repeated_is_kept():
    scores = ["Lyon 0 - 1 Juventus", "Sevilla 1 - 0 Dinamo Zagreb", "Leicester 1 - 0 Porto"]
    assert repeated_copy(scores * 2) is None
    assert repeated_copy(scores + ["Hasil lain menyusul."] + scores) is None


def test_a_copy_with_small_differences_is_kept_whole(cleaner):
    # A copy that differs in any paragraph (a typo fixed, a sentence added) may be an update:
    # both stay, and nothing is recorded.
    edited = [*BODY[:2], BODY[2].replace("bersama", "dengan"), *BODY[3:]]
    record = cleaner.clean(_text(BODY + edited))
    assert _repeats(record) == []
    assert len(record["text"].split("\n\n")) == 2 * len(BODY)
    assert repeated_copy(PLAIN + PLAIN[:2] + [PLAIN[2] + " Tambahan."]) is None


def test_a_body_twice_and_a_footer_keep_one_body_and_the_footer(cleaner):
    footer = "Editor: Budi Santoso"
    once = cleaner.clean(_text([*BODY, footer]))
    record = cleaner.clean(_text([*BODY, *BODY, footer]))
    assert record["text"] == once["text"]
    assert [r["text"] for r in _repeats(record)] == BODY
    assert repeated_copy([*PLAIN, *PLAIN, footer, "Sumber: Antara"]) == (4, 8)


def test_a_title_a_body_twice_and_a_footer_keep_the_title_and_the_footer(cleaner):
    title, footer = "Harga Bahan Bakar Naik Pekan Depan", "Editor: Budi Santoso"
    record = cleaner.clean(_text([title, *BODY, *BODY, footer]))
    assert record["meta"]["title"] == title
    assert record["text"] == cleaner.clean(_text([title, *BODY, footer]))["text"]
    assert [r["text"] for r in _repeats(record)] == BODY
    assert repeated_copy([title, *PLAIN, *PLAIN, footer]) == (5, 9)


def test_a_body_with_lines_after_its_copy_that_are_text_is_kept():
    # Three lines after the copies are text of their own; so is a line around them that the
    # body holds too (it comes more than once: no title or footer), and a copy cut short
    # before a line after it.
    assert repeated_copy(PLAIN * 2 + ["Editor: Budi", "Sumber: Antara", "Foto: Antara"]) is None
    assert repeated_copy(PLAIN * 2 + [PLAIN[1], "Editor: Budi"]) is None
    assert repeated_copy([PLAIN[2], *PLAIN, *PLAIN]) is None
    assert repeated_copy(PLAIN * 2 + PLAIN[:2] + ["Editor: Budi"]) is None


def test_empty_and_one_paragraph_texts_are_left_alone(cleaner):
    assert repeated_copy([]) is None
    assert repeated_copy([BODY[1]]) is None
    assert repeated_copy([BODY[1], BODY[1]]) is None
    for text in ("", "\n\n", BODY[1]):
        record = cleaner.clean(text)
        assert _repeats(record) == []
    doc = _document([])
    assert repeated_body_stage(doc).removed == []


def test_a_short_body_twice_is_kept():
    # Under three paragraphs or 300 characters a block is no body (a quote, a caption pair).
    two = [BODY[0] + " " + BODY[3], BODY[1] + " " + BODY[2]]
    assert sum(map(len, two)) > 300 and repeated_copy(two * 2) is None
    assert repeated_copy(["Satu.", "Dua.", "Tiga."] * 2) is None


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_ten_thousand_identical_short_lines_stay_fast_and_whole():
    lines = ["Gol!"] * 10_000
    doc = _document(lines)
    repeated_body_stage(doc)
    assert doc.removed == [] and len(doc.lines) == 10_000


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_a_five_megabyte_text_stays_fast():
    body = [f"Paragraf {n:06d} dari sebuah dokumen yang sangat panjang, ditulis untuk menguji "
            f"kecepatan tahap ini, sekali." for n in range(25_000)]
    doubled = body + body
    assert sum(map(len, doubled)) > 5_000_000
    for paragraphs, found in ((doubled, (25_000, 50_000)),
                              (doubled[:-1] + ["Akhir yang berbeda."], None),
                              (body + body[:12_000] + ["x"] + body[12_000:], None)):
        doc = _document(paragraphs)
        repeated_body_stage(doc)
        assert repeated_copy(paragraphs) == found
        assert len(doc.removed) == (0 if found is None else 25_000)


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_fifty_thousand_paragraphs_of_period_two_stay_fast_and_whole():
    # Every paragraph repeats and the text is periodic at each head and tail tried, but a
    # two-paragraph block is no body: three prefix functions over 50,000 ids, nothing taken.
    pair = [BODY[1] * 2, BODY[3] * 2]
    for paragraphs in (pair * 25_000, ["Judul"] + pair * 25_000 + ["Editor: Budi"],
                       ["Judul", "Jakarta"] + pair * 25_000 + ["Editor", "Sumber"],
                       ["Gol!", "Lagi!"] * 25_000):
        doc = _document(paragraphs)
        repeated_body_stage(doc)
        assert doc.removed == [] and len(doc.lines) == len(paragraphs)
