"""Document.to_record and Line.pieces: the shortcuts for the common case (no clashing input
field, a line without cuts) give what the general way gives."""

from __future__ import annotations

from cleaner.document import Document, Line, Removal


def test_a_line_without_cuts_is_one_piece_at_its_own_column():
    line = Line("Baca juga: Jokowi Resmikan Tol", 4)
    assert line.pieces() == [("Baca juga: Jokowi Resmikan Tol", 0)]
    assert line.pieces(11, 17) == [("Jokowi", 11)]
    assert line.pieces(5, 5) == [("", 5)]


def test_a_line_with_cuts_is_split_where_they_joined_it():
    line = Line("Tesla Baru Meluncur", 1)
    line.cuts = ((11, 14),)
    assert line.pieces(6) == [("Baru ", 6), ("Meluncur", 25)]
    assert line.pieces(0, 5) == [("Tesla", 0)]


def _doc(fields):
    doc = Document(id="a", text="x", fields=fields)
    doc.lines = [Line("Isi", 1), Line("", 2), Line("berita", 3)]
    doc.removed = [Removal("r/x", "Baca", 2)]
    return doc


def test_input_fields_follow_the_cleaners_keys_in_their_order():
    record = _doc({"source": "s", "tags": ["a"], "n": 1}).to_record()
    assert list(record) == ["id", "text", "meta", "removed", "flags", "fixes", "source", "tags",
                            "n"]
    assert record["text"] == "Isi\n\nberita"


def test_input_fields_named_as_the_cleaners_keys_go_under_input():
    record = _doc({"source": "s", "text": "t", "input": 1, "z": 2}).to_record()
    assert list(record)[6:] == ["source", "z", "input"]
    assert record["input"] == {"text": "t", "input": 1} and record["text"] == "Isi\n\nberita"


def test_a_document_without_input_fields_has_only_the_cleaners_keys():
    assert list(_doc({}).to_record()) == ["id", "text", "meta", "removed", "flags", "fixes"]
