"""Unicode repair and paragraph splitting: pure text transforms."""

from __future__ import annotations

from unittest import mock

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import normalize as norm
from cleaner.first_look import first_look
from cleaner.paragraphs import glued_lines, split_glued


def test_mojibake_is_repaired_and_curly_quotes_kept():
    good = "‘Kami tidak ingin berperang’ — kata Lavrov di kafé."
    text, fixes = norm.normalize(good.encode("utf-8").decode("cp1252"))
    assert text == good and "fix_mojibake" in fixes


def _misread(text: str) -> str:
    """UTF-8 text read as Windows-1252 (the five bytes it leaves undefined kept as they are)."""
    return text.encode().decode("sloppy-windows-1252")


def _count_ftfy(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = ftfy.fix_encoding
    monkeypatch.setattr(ftfy, "fix_encoding", lambda t, *a, **k: calls.append(t) or real(t))
    monkeypatch.setattr(ftfy, "fix_text", lambda t, *a, **k: calls.append(t) or t)
    return calls


def test_ftfy_runs_only_where_mojibake_can_be(monkeypatch):
    calls = _count_ftfy(monkeypatch)
    norm.normalize("plain ascii text\n" * 50)
    norm.normalize("“Kami” — teks dengan kutip dan é yang benar.")
    assert calls == []


def test_a_line_read_whole_as_cp1252_is_decoded_without_ftfy(monkeypatch):
    calls = _count_ftfy(monkeypatch)
    good = "Baris biasa.\n“Kerja sama ini” — kata Menteri di Café Ünal."
    bad = "Baris biasa.\n" + _misread(good.split("\n")[1])
    assert norm.fix_mojibake(bad) == good
    assert calls == []


def test_mojibake_encoded_twice_is_repaired():
    good = "Presiden “Jokowi” datang."
    twice = _misread(_misread(good))
    assert norm.fix_mojibake(twice) == good


def test_a_line_mixing_mojibake_with_good_text_goes_to_ftfy(monkeypatch):
    calls = _count_ftfy(monkeypatch)
    line = "kafé — " + _misread("“Kami”")     # é read right, the quotes not
    assert norm.fix_mojibake(line) == "kafé — “Kami”"
    assert calls[0] == line


def test_only_the_encoding_is_repaired_in_a_mojibake_line():
    """HTML entities and full-width letters stay, as they do in lines without mojibake."""
    line = _misread("“A &amp; B” ＡＢ")
    assert norm.fix_mojibake(line) == "“A &amp; B” ＡＢ"


_ACCENTED = st.text(alphabet="ab .éüñçÁ“”‘’—–…€™•", min_size=1, max_size=40)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_ACCENTED, _ACCENTED.map(_misread), st.sampled_from(["É”", "é——"])),
                min_size=1, max_size=4).map(" ".join))
def test_each_line_is_repaired_as_ftfy_repairs_it(line):
    """Misread text, text read right and both mixed in one line ("CAFÉ” itu" is left alone)."""
    expected = ftfy.fix_encoding(line) if norm._MOJIBAKE_HINT.search(line) else line
    assert norm.fix_mojibake(line) == expected


def test_a_very_long_line_is_repaired_in_pieces(monkeypatch):
    monkeypatch.setattr(norm, "MAX_PIECE", 100)
    good = "Kata “Jokowi” — ini café. " * 40
    assert norm.fix_mojibake("é " + _misread(good)) == "é " + good


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \u00e2\u20ac", max_size=400), st.integers(1, 50))
def test_pieces_cover_the_line_and_end_after_a_space(line, size):
    with mock.patch.object(norm, "MAX_PIECE", size):
        pieces = norm._pieces(line)
    assert "".join(pieces) == line
    assert all(len(piece) <= size for piece in pieces)
    assert all(piece.endswith(" ") or " " not in piece for piece in pieces[:-1])


def test_upper_case_accents_before_a_curly_quote_are_not_mojibake():
    assert norm.fix_mojibake("kata CAFÉ” itu, café—— x") == "kata CAFÉ” itu, café—— x"


def test_odd_spaces_controls_and_newlines():
    text, fixes = norm.normalize("Baca juga:\u00a0Rusia\r\nA\u200bB\u0007C\u2028D\tE\ufeff")
    assert text == "Baca juga: Rusia\nABC\nD E"
    assert {"plain_spaces", "drop_controls", "unify_newlines"} <= set(fixes)


@pytest.mark.parametrize("glued,parts", [
    ("kekhawatiran mendasar Rusia akhirnya diabaikan.”AS, sekutu NATO-nya",
     ["kekhawatiran mendasar Rusia akhirnya diabaikan.”", "AS, sekutu NATO-nya"]),
    ("di dekat perbatasan Rusia.Rusia meminta Amerika", ["di dekat perbatasan Rusia.", "Rusia meminta Amerika"]),
    ("kata Johnson di Twitter sebelum mendarat di Kiev.Perdana Menteri Inggris",
     ["kata Johnson di Twitter sebelum mendarat di Kiev.", "Perdana Menteri Inggris"]),
    ("wartawan di Kremlin.“Ketika mengabaikan", ["wartawan di Kremlin.", "“Ketika mengabaikan"]),
    ("Apa benar?Tidak tahu!Mungkin saja", ["Apa benar?", "Tidak tahu!", "Mungkin saja"]),
    # A bracket or quote closed before the stop, an acronym before it (the quality audit's).
    ("juri dari Jepang (Jepang).Bertindak sebagai juri", ["juri dari Jepang (Jepang).", "Bertindak sebagai juri"]),
    ("final (5 / 12 / 2017).Pada babak", ["final (5 / 12 / 2017).", "Pada babak"]),
    ("mengklik “enable”.Pengguna diarahkan", ["mengklik “enable”.", "Pengguna diarahkan"]),
    ("gol (Dedik 58').Cadangan: Rudi", ["gol (Dedik 58').", "Cadangan: Rudi"]),
    ("para Menlu ASEAN.Melanjutkan pertemuan", ["para Menlu ASEAN.", "Melanjutkan pertemuan"]),
])
def test_glued_paragraphs_split(glued, parts):
    assert split_glued(glued) == parts


@pytest.mark.parametrize("whole", [
    "Channel9.id-Rusia mengabarkan", "Intisari-Online.com -Beberapa", "naik Rp1,5 juta", "No.1 di dunia",
    "the U.S. Army said", "buka https://www.Kompas.com/Read/2021 sekarang", "kirim ke redaksi@Tempo.Co",
    "kata Dr.Budi", "Jl.Sudirman no 5", "situs Detik.Com melaporkan", "pukul 14.30 WIB", "A.Rahman hadir",
    "situs DETIK.COM melaporkan", "tentara U.S.A.Army", "ke PT.Telkom", "KOMPAS.Com melaporkan",
    "sudah (ok)?", "kata \"ya\".", "visit www.DearAbby.com today", "lihat WWW.Tempo.Co",
    # A court case's number, parted by slashes (acceptance run s49: split at each stop)
    "putusan Nomor 1234 K/Pid.Sus/2023, majelis", "Perkara 45/Pdt.G/2023/PN.Jkt.Sel sudah",
])
def test_not_split(whole):
    assert split_glued(whole, ["dr", "jl"]) == [whole]


def test_a_specialist_doctors_title_is_not_split_as_a_sentence_end():
    # (acceptance run s49: "dr. Rina Maharani, Sp.A mengatakan" became "... Sp." and "A ...")
    from cleaner import Cleaner
    for title in ("Sp.A", "Sp.PD", "Sp.OG"):
        text = (f"Dokter spesialis dr. Rina Maharani, {title} mengatakan orangtua perlu "
                "mengenali tanda bahaya demam berdarah pada anak.")
        record = Cleaner().clean(text, lang="id")
        assert record["text"] == text and record["fixes"] == []


# Characters every fix acts on, mixed with plain text: the fast path must never skip a fix.
_TRICKY = st.sampled_from(list("ab Z.\n\t\r\u00a0\u00ad\u00e2\u20ac\u0153\u200b\u2028\u3000"
                               "\u0000\u007f\u0085\u00c3\u00a9e\u0301\ufeff\u2060 "
                              # bidi marks, and a right-to-left letter that keeps them
                              "\u200e\u202c\u05e9")
                              + ["  ", "\ud800", "\ud83d\ude00", "\ude00",
                                 # markup a scraper leaves: tags, comments, references
                                 "<b>", "</P>", "<br/>", "<a href=\"x>y\">", "<!--", "-->",
                                 "<script>", "</script>", "<bahasa>", "&amp;", "&#x41;",
                                 "&lt;", "amp;", "&", "<", ">"])


def _all_fixes(text: str) -> tuple[str, list[str]]:
    applied = []
    for name, fix in norm.FIXES:
        fixed = fix(text)
        if fixed != text:
            applied.append(name)
            text = fixed
    return text, applied


@settings(max_examples=400, deadline=None)
@given(st.lists(_TRICKY, max_size=30).map("".join))
def test_fast_path_gives_what_every_fix_gives(text):
    assert norm.normalize(text) == _all_fixes(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TRICKY, max_size=30).map("".join))
def test_a_fix_that_would_change_a_text_is_hinted(text):
    hinted = norm.fixes_hinted(text)
    for name, fix in norm.FIXES:
        if fix(text) != text:
            assert name in hinted


# Letters of both cases, digits, and what str.islower() / str.isupper() take beyond letters:
# ª, a modifier letter (ʰ), small and capital Roman numerals (ⅻ Ⅻ), a circled letter (ⓐ).
_WORD = st.text(alphabet="aéZÉ1_\u00b2\u00aa\u02b0\u217b\u216b\u24d0", min_size=1, max_size=4)


@settings(max_examples=600, deadline=None)
@given(st.tuples(_WORD, st.sampled_from(["", ")", "\u201d", "'"]), st.sampled_from([".", "?", "!.", ". "]),
                 st.sampled_from(["", "\"", "\u201d", "\u201d\u201c"]), _WORD).map("".join))
@example("kata\u24d0.Budi")
@example("kata\u02b0.\u216bBab")
def test_glue_hint_never_misses_a_split(text):
    lines = ["Baris pertama \u00e9.", text, "akhir."]     # non-ASCII before: byte offsets differ
    if len(split_glued(text)) > 1:
        assert 1 in glued_lines(lines)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_TRICKY, st.sampled_from(["Rusia.Rusia", "dia.\u201dAS", " ", "\n"])),
                max_size=30).map("".join))
def test_first_look_answers_as_each_stage_would(text):
    look = first_look(text)
    assert look.fixes == norm.fixes_hinted(text)
    lines = [line for line in text.split("\n") if line]
    if not look.glued:
        assert glued_lines(lines) == []


def test_a_cut_that_joins_a_glued_sentence_is_still_split():
    """The first look finds no hint in the text, but cutting "(Baca: ...)" out of the line joins
    "akhir." and "Berita": the paragraph stage looks at the lines the rules cut again."""
    from cleaner.pipeline import Cleaner

    text = ("Judul berita hari ini di sini\n"
            "Kalimat ini akhir.(Baca: KPK Siapkan Sejumlah Posisi Strategis)Berita berikutnya.")
    assert not first_look(text).glued
    record = Cleaner().clean(text)
    assert record["text"].endswith("Kalimat ini akhir.\n\nBerita berikutnya.")
    assert [r["rule"] for r in record["removed"]] == ["header/title", "id/related-inline"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["http://", "https://", "//", "ftp://", ""]),
       st.text(alphabet="aZ9.-:@[]_", min_size=0, max_size=12),
       st.sampled_from(["", "/", "/x?y", "?q", "#f", ":8080/p"]))
def test_url_host_fast_path_agrees_with_urlsplit(scheme, host, rest):
    from urllib.parse import urlsplit

    from cleaner.identify import url_host

    url = scheme + host + rest
    try:
        parsed = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return                       # not a url urlsplit accepts: nothing to agree on
    expected = (parsed or "").lower().rstrip(".")
    expected = expected[4:] if expected.startswith("www.") else expected or None
    assert url_host(url) == expected


# Spaces of every kind (\s matches all of them), the separators clean_value strips, letters.
_VALUE_CHARS = st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2003\u2028\u3000")
                               + list("-–—|:;,.()[]") + list("aZé9/&"))


@given(st.text(_VALUE_CHARS, max_size=30))
@example(" MOSKWA - ")
def test_a_value_loses_the_same_spaces_and_separators_as_the_regex_took(value):
    import re

    from cleaner.metadata import EDGE_PUNCT, clean_value

    assert clean_value(value) == re.sub(r"\s+", " ", value).strip(EDGE_PUNCT)


@given(st.lists(st.sampled_from([" ", "  ", ",", ";", "/", "&", "dan", "and", "serta", "Ade", "S"]),
                max_size=12).map("".join),
       st.sampled_from([(), ("dan",), ("dan", "serta")]))
def test_names_split_as_a_pattern_built_for_each_list_split_them(value, conjunctions):
    import re

    from cleaner.metadata import clean_value, split_names

    words = "|".join(re.escape(w) for w in ("and", "&", *conjunctions))
    parts = re.split(rf"\s*[,;/]\s*|\s+(?:{words})\s+", value)
    assert split_names(value, conjunctions) == [clean_value(p) for p in parts if clean_value(p)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='ab B1.!?"\u201d\u201c ', max_size=40))
def test_a_run_of_stops_is_found_as_the_backtracking_pattern_found_it(text):
    """The glue pattern takes a run of stops whole from its first one (a run of 40,000 dots,
    tried from each stop, took 49 s): it finds what the pattern that backtracked found."""
    import re

    from cleaner.paragraphs import _GLUE

    before = re.compile("([.!?]+)([\"\u201d\u2019]?)([\"\u201c\u2018]?)(?=[^\\W\\d_])")
    assert [m.span() + m.groups() for m in _GLUE.finditer(text)] == \
        [m.span() + m.groups() for m in before.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab Jan. 12 2019,_", max_size=40))
def test_a_named_date_is_found_as_the_backtracking_pattern_found_it(text):
    """Month names are taken whole from a word's start (a date of 20,000 letters took 18 s)."""
    import re

    from cleaner import dates

    named = re.compile(r"(?:(\d{1,2})\s+)?([^\W\d_]+)\.?\s+(\d{4})")
    first = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)")
    for new, old in ((dates._NAMED, named), (dates._NAMED_MONTH_FIRST, first)):
        found, expected = new.search(text), old.search(text)
        assert (found and found.span() + found.groups()) == (expected and expected.span()
                                                             + expected.groups())


@pytest.mark.parametrize("separator", ["\x1c", "\x1d", "\x1e", "\x1f"])
def test_an_information_separator_parts_words_as_a_space_does(separator):
    # (dropped with the other controls, it glued the words it stood between)
    text, fixes = norm.normalize(f"Delhi{separator}Metro opens.")
    assert text == "Delhi Metro opens." and "plain_spaces" in fixes
