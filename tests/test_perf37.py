"""The cleaning path's shortcuts (issue #6) give what the work they skip gave: shared section sets, lines left as they were, texts and edges handed on."""

from __future__ import annotations

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
    if texts_at_hand:
        texts = [line.text for line in doc.lines]
        return stage(doc, stage.scan(doc, texts), texts)
    return stage(doc)


def test_the_rules_given_the_texts_the_scan_read_do_as_without_them(cleaner):
    given, alone = _rules_applied(cleaner, True), _rules_applied(cleaner, False)
    assert given.removed                    # the dateline, the related link and the editor went
    assert given.removed == alone.removed and given.meta == alone.meta
    assert [(ln.text, ln.number) for ln in given.lines] == [(ln.text, ln.number)
                                                            for ln in alone.lines]
    assert all(line.text for line in given.lines)


def test_candidates_given_the_edges_are_the_candidates_without_them(cleaner):
    doc = cleaner.make_document(TEXT, url="https://www.antaranews.com/berita/1/a")
    cleaner._normalize(doc)
    doc.packs = cleaner.index.packs_for(doc.text, doc.url)
    matcher = cleaner._rule_stage(doc.packs, doc).matcher
    for texts in ([line.text for line in doc.lines], ["", " ", "Editor: Budi", ""], []):
        edges = (last_line(texts), first_line(texts))
        found = matcher.candidates(texts)
        assert matcher.candidates(texts, matcher.scan(texts), edges) == found
    assert matcher.candidates([line.text for line in doc.lines])
