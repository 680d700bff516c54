"""Document, Removal and Item have __init__s of their own (a dataclass's is interpreted even in
the compiled build) and keep what their users rely on: defaults of their own, equality, repr,
pickling (batches go to worker processes) and dataclasses.replace on an Item."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from cleaner.document import Document, Line, Removal, empty_meta
from cleaner.inputs import Item


@pytest.mark.parametrize("cls", [Document, Removal, Item])
def test_the_per_document_classes_run_their_own_init_not_a_generated_one(cls):
    code = getattr(cls.__init__, "__code__", None)
    if code is None:                    # a compiled build's: native, not a generated one
        return
    assert code.co_qualname == f"{cls.__name__}.__init__"
    assert code.co_filename.endswith(f"{cls.__module__.split('.')[-1]}.py")


def test_a_removal_equals_one_of_the_same_fields_only():
    removal = Removal("id/x", "Baca juga", 3, 2, "drop-span", ("source",))
    assert removal == Removal("id/x", "Baca juga", 3, 2, "drop-span", ("source",))
    for other in (Removal("id/y", "Baca juga", 3, 2, "drop-span", ("source",)),
                  Removal("id/x", "Baca", 3, 2, "drop-span", ("source",)),
                  Removal("id/x", "Baca juga", 4, 2, "drop-span", ("source",)),
                  Removal("id/x", "Baca juga", 3, 0, "drop-span", ("source",)),
                  Removal("id/x", "Baca juga", 3, 2, "meta", ("source",)),
                  Removal("id/x", "Baca juga", 3, 2, "drop-span")):
        assert removal != other
    # Compared with what is not a Removal: unequal, not an error (a tuple of its fields too).
    assert removal != ("id/x", "Baca juga", 3, 2, "drop-span", ("source",))
    assert removal != None  # noqa: E711
    with pytest.raises(TypeError):      # mutable and compared by value: no hash, as before
        hash(removal)


def test_a_removal_keeps_its_defaults_repr_and_record():
    removal = Removal("id/x", "Baca juga", 3)
    assert (removal.col, removal.action, removal.fields) == (0, "drop-line", ())
    assert repr(removal) == ("Removal(rule='id/x', text='Baca juga', line=3, col=0, "
                             "action='drop-line', fields=())")
    assert removal.as_dict() == {"rule": "id/x", "text": "Baca juga", "line": 3, "col": 0,
                                 "action": "drop-line"}
    with pytest.raises(AttributeError):     # slots: a misspelt field is an error, not a new one
        removal.colum = 4


def test_a_removal_and_a_document_come_back_from_a_pickle_equal():
    removal = Removal("id/x", "Baca juga", 3, 2, "meta", ("source",))
    assert pickle.loads(pickle.dumps(removal)) == removal
    doc = Document("a", "Isi berita", url="https://contoh.id/a", fields={"n": 1},
                   removed=[removal], flags=[{"flag": "f"}], fixes=["nfc"])
    doc.set_meta("authors", "Ani")
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.meta["authors"] == ["Ani"] and back.removed == [removal]


def test_each_document_has_fresh_lists_and_dicts_of_its_own():
    first, second = Document("a", "x"), Document("b", "y")
    first.set_meta("authors", "Ani")
    first.fields["n"] = 1
    first.hints["title"] = "Judul"
    first.removed.append(Removal("r", "t", 1))
    first.flags.append({"flag": "f"})
    first.fixes.append("nfc")
    first.lines.append(Line("Isi", 1))
    assert second.meta == empty_meta()
    assert (second.fields, second.hints, second.removed, second.flags, second.fixes,
            second.lines, second.packs, second.url) == ({}, {}, [], [], [], [], (), None)


def test_a_document_takes_its_fields_by_position_and_name_as_before():
    lines = [Line("Isi", 1)]
    doc = Document("a", "Isi", "https://contoh.id/a", {"n": 1}, {"title": "T"}, lines)
    assert (doc.id, doc.text, doc.url, doc.fields, doc.hints, doc.lines) == (
        "a", "Isi", "https://contoh.id/a", {"n": 1}, {"title": "T"}, lines)
    assert doc.lines is lines           # the list given, not a copy (tests and stages pass one)
    assert Document(id="a", text="Isi", packs=("p",)).packs == ("p",)
    assert repr(Document("a", "x")).startswith("Document(id='a', text='x', url=None, fields={}")
    assert Document("a", "x") != Document("a", "y") and Document("a", "x") != "a"
    with pytest.raises(TypeError):
        Document("a")
    with pytest.raises(TypeError):
        Document("a", "x", colour="red")


def _item(**changes) -> Item:
    fields = dict(source="in.jsonl", line=3, text="Isi berita", fields={"id": "a"}, size=30,
                  kind="html", hints={"page_flags": [{"flag": "f"}]}, id_name="part.jsonl")
    return Item(**{**fields, **changes})


def test_an_item_is_replaced_as_a_dataclass_keeping_its_other_fields():
    # (cli_explain and ray_executor call dataclasses.replace on an Item)
    item = _item()
    renamed = dataclasses.replace(item, source="b.jsonl")
    assert renamed == _item(source="b.jsonl") and renamed != item
    assert dataclasses.replace(item, fields={"id": "b"}).fields == {"id": "b"}
    assert [f.name for f in dataclasses.fields(Item)] == [
        "source", "line", "text", "fields", "size", "kind", "hints", "id_name"]
    with pytest.raises(TypeError):
        dataclasses.replace(item, colour="red")


def test_an_item_has_its_defaults_and_a_fresh_hints_dict():
    first, second = Item("a.txt", None, "Isi", {}, 3), Item("b.txt", None, "Isi", {}, 3)
    assert (first.kind, first.hints, first.id_name) == ("text", {}, None)
    first.hints["page_flags"] = []
    assert second.hints == {}
    assert repr(second) == ("Item(source='b.txt', line=None, text='Isi', fields={}, size=3, "
                            "kind='text', hints={}, id_name=None)")
    assert first.where() == "a.txt" and _item().where() == "in.jsonl:3"
    with pytest.raises(TypeError):
        Item("a.txt", None, "Isi", {})


def test_an_item_comes_back_from_a_pickle_equal_and_whole():
    item = _item(fields={"id": "a", "nested": {"x": [1, 2.5, None]}, "teks": "é\u200b"})
    back = pickle.loads(pickle.dumps([item, item]))
    assert back[0] == item and back[0].hints == item.hints and back[0].kind == "html"
    assert back[0] is back[1]           # one object in a batch stays one


class _Numbered(int):
    """An int that says what it counts, as a WARC reader's record number does."""

    unit = "record"


def test_an_items_number_keeps_its_class_through_a_pickle_and_a_replace():
    item = _item(line=_Numbered(7))
    for copy in (pickle.loads(pickle.dumps(item)), dataclasses.replace(item, source="b")):
        assert type(copy.line) is _Numbered and copy.line == 7
