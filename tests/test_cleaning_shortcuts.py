"""The cleaning path's shortcuts (issue #6) give what the work they skip gave: shared section sets, lines left as they were, texts handed on with their scan, edges by name."""

from __future__ import annotations

import pytest

from cleaner.document import Document, Line
from cleaner.header import header_stage
from cleaner.lexicon import lexicon
from cleaner.matcher import first_line, last_line

TEXT = ("Jakarta (ANTARA News) - Pemerintah menaikkan harga beras pekan ini di pasar.\n\n"
        "Baca juga: Harga cabai naik lagi\n\n"
        "Kenaikan itu berlaku mulai Senin di seluruh provinsi yang ada.\n\n"
        "Pedagang menyambut baik keputusan tersebut karena stok cukup.\n\n"
        "Editor: Budi Santoso")


def test_pack_combinations_with_equal_sections_share_one_set_of_them(cleaner):
    # url_section's table is cached by the set: an equal set that is another object was
    # compared word by word on every document.
    site = cleaner.index.packs_for("Isi berita.", "https://www.kompas.com/a")
    assert site[0].kind == "site" and not site[0].sections
    language = site[1:]                     # the language's packs: the same sections
    assert lexicon(site) is not lexicon(language)
    assert lexicon(site).sections == lexicon(language).sections
    assert lexicon(site).sections is lexicon(language).sections


def _document(cleaner, texts: list[str]) -> Document:
    doc = Document(id="a", text="\n".join(texts))
    doc.lines = [Line(text, number) for number, text in enumerate(texts, start=1)]
    doc.packs = cleaner.index.packs_for(doc.text, None, "id")
    return doc


def test_the_header_leaves_out_lines_empty_when_it_began_though_it_takes_none(cleaner):
    texts = ["Pemerintah menaikkan harga beras pekan ini, kata menteri di Jakarta.", "",
             "Kenaikan itu berlaku mulai Senin di seluruh provinsi, katanya kepada wartawan."]
    doc = _document(cleaner, texts)
    header_stage(doc)
    assert doc.removed == []
    assert [line.text for line in doc.lines] == [texts[0], texts[2]]


def test_the_header_keeps_every_line_where_it_takes_none(cleaner):
    texts = ["Pemerintah menaikkan harga beras pekan ini, kata menteri di Jakarta.",
             "Kenaikan itu berlaku mulai Senin di seluruh provinsi, katanya kepada wartawan."]
    doc = _document(cleaner, texts)
    header_stage(doc)
    assert doc.removed == []
    assert [line.text for line in doc.lines] == texts


def test_the_header_leaves_out_the_lines_it_takes(cleaner):
    texts = ["Harga Beras Naik Lagi", "Pemerintah menaikkan harga beras pekan ini, kata menteri.",
             "Kenaikan itu berlaku mulai Senin di seluruh provinsi, katanya kepada wartawan."]
    doc = _document(cleaner, texts)
    doc.hints["title"] = "Harga Beras Naik Lagi"
    header_stage(doc)
    assert [removal.rule for removal in doc.removed] == ["header/title"]
    assert [line.text for line in doc.lines] == texts[1:]


def _rules_applied(cleaner, texts_at_hand: bool) -> Document:
    doc = cleaner.make_document(TEXT, url="https://www.antaranews.com/berita/1/a")
    cleaner._normalize(doc)
    doc.packs = cleaner.index.packs_for(doc.text, doc.url)
    stage = cleaner._rule_stage(doc.packs, doc)
    return stage(doc, stage.scan(doc)) if texts_at_hand else stage(doc)


def test_the_rules_given_the_texts_the_scan_read_do_as_without_them(cleaner):
    given, alone = _rules_applied(cleaner, True), _rules_applied(cleaner, False)
    assert given.removed                    # the dateline, the related link and the editor went
    assert given.removed == alone.removed and given.meta == alone.meta
    assert [(ln.text, ln.number) for ln in given.lines] == [(ln.text, ln.number)
                                                            for ln in alone.lines]
    assert all(line.text for line in given.lines)


def test_the_rules_leave_out_lines_empty_when_they_began_though_none_fires(cleaner):
    # The rule stage's twin of the header's: no removal, yet an empty line goes.
    texts = ["Kalimat pertama berita.", "", "Kalimat kedua berita."]
    for scanned in (False, True):
        doc = _document(cleaner, texts)
        stage = cleaner._rule_stage(doc.packs, doc)
        stage(doc, stage.scan(doc)) if scanned else stage(doc)
        assert doc.removed == []
        assert [line.text for line in doc.lines] == [texts[0], texts[2]]


def test_the_rules_keep_the_very_lines_where_none_fires(cleaner):
    texts = ["Kalimat pertama berita.", "Kalimat kedua berita."]
    doc = _document(cleaner, texts)
    lines = doc.lines
    cleaner._rule_stage(doc.packs, doc)(doc)
    assert doc.removed == [] and doc.lines is lines


def test_the_scan_holds_the_texts_it_read(cleaner):
    doc = cleaner.make_document(TEXT, url="https://www.antaranews.com/berita/1/a")
    cleaner._normalize(doc)
    doc.packs = cleaner.index.packs_for(doc.text, doc.url)
    stage = cleaner._rule_stage(doc.packs, doc)
    read, texts, found = stage.scan(doc)
    assert read is doc.lines
    assert texts == [line.text for line in doc.lines]
    assert found == stage.matcher.scan(texts)


def _rules_after(cleaner, change) -> Document:
    """The rules applied to TEXT's lines changed by `change` after the scan was made."""
    doc = cleaner.make_document(TEXT, url="https://www.antaranews.com/berita/1/a")
    cleaner._normalize(doc)
    doc.packs = cleaner.index.packs_for(doc.text, doc.url)
    stage = cleaner._rule_stage(doc.packs, doc)
    scan = stage.scan(doc)
    change(doc)
    return stage(doc, scan)


def _drop_first(doc: Document) -> None:
    doc.lines = doc.lines[1:]


def _drop_first_in_place(doc: Document) -> None:
    del doc.lines[0]


def _reversed(doc: Document) -> None:
    doc.lines = doc.lines[::-1]


def test_the_rules_given_a_scan_of_other_lines_scan_them_again(cleaner):
    # A stage between the scan and the rules that changed the lines would put the scan's
    # rules on the wrong lines (a dateline's rule on the related link): the rules see it by the
    # list (another one, or shorter) and read the lines again.
    for change in (_drop_first, _drop_first_in_place, _reversed):
        doc = cleaner.make_document(TEXT, url="https://www.antaranews.com/berita/1/a")
        cleaner._normalize(doc)
        change(doc)
        doc.packs = cleaner.index.packs_for(doc.text, doc.url)
        alone = cleaner._rule_stage(doc.packs, doc)(doc)
        given = _rules_after(cleaner, change)
        assert given.removed == alone.removed and given.meta == alone.meta, change.__name__
        assert [(ln.text, ln.number) for ln in given.lines] == [(ln.text, ln.number)
                                                                for ln in alone.lines]


def test_candidates_given_the_scan_and_the_edges_are_the_candidates_without_them(cleaner):
    doc = cleaner.make_document(TEXT, url="https://www.antaranews.com/berita/1/a")
    cleaner._normalize(doc)
    doc.packs = cleaner.index.packs_for(doc.text, doc.url)
    matcher = cleaner._rule_stage(doc.packs, doc).matcher
    for texts in ([line.text for line in doc.lines], ["", " ", "Editor: Budi", ""], []):
        found = matcher.candidates(texts)
        assert matcher.candidates(texts, matcher.scan(texts)) == found
        assert matcher.candidates(texts, matcher.scan(texts), last=last_line(texts),
                                  first=first_line(texts)) == found
    assert matcher.candidates([line.text for line in doc.lines])


def test_candidates_take_the_edges_by_name_only(cleaner):
    # Two ints, the last line's and the first's: given in the wrong order they would put the
    # "last" rules on the first line, silently.
    matcher = cleaner._rule_stage(cleaner.index.packs_for("Isi.", None, "id")).matcher
    texts = ["Isi berita.", "Editor: Budi"]
    with pytest.raises(TypeError):
        matcher.candidates(texts, None, 1, 0)           # type: ignore[misc]
    assert matcher.candidates(texts, None, last=1) == matcher.candidates(texts, None, first=0) \
        == matcher.candidates(texts)
