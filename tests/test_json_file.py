""".json input: an array of records read item by item, one record, or JSON lines; never one text."""

from __future__ import annotations

import gzip
import json

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.cli import main
from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.jsonl_reader import record_id
from cleaner.readers import iter_inputs
from scale_helpers import output_by_workers, read_jsonl

ROWS = [{"id": "a", "url": "https://www.antaranews.com/berita/1",
         "text": "Jakarta (ANTARA) - Isi berita pertama. (ant)"},
        {"text": "Isi berita tanpa id."},
        {"id": "c", "html": "<html><body><article><p>Isi halaman yang cukup panjang untuk "
                            "diekstrak sebagai artikel berita.</p></article></body></html>"}]


def _outcomes(path):
    return [(type(item).__name__, item.line, item.text if isinstance(item, Item) else item.reason)
            for item in iter_inputs([str(path)], ReadOptions())]


def test_an_array_of_records_is_read_item_by_item_with_positions_for_lines(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(ROWS[:2] + [5, {"id": "d", "body": "x"}], indent=2))
    assert _outcomes(path) == [("Item", 1, ROWS[0]["text"]), ("Item", 2, ROWS[1]["text"]),
                               ("Reject", 3, "array item is a number, not an object"),
                               ("Reject", 4, "no 'text' field; its fields: id, body "
                                            "(--text-field names the one with the text)")]
    items = list(iter_inputs([str(path)], ReadOptions()))
    assert items[0].fields == {"id": "a", "url": ROWS[0]["url"]}
    assert sum(item.size for item in items[:2]) <= path.stat().st_size


def test_a_broken_array_keeps_the_items_before_the_break(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(ROWS[:2])[:-30])
    outcomes = _outcomes(path)
    assert outcomes[0] == ("Item", 1, ROWS[0]["text"])
    assert outcomes[-1][0] == "Reject" and outcomes[-1][1] == 2
    assert outcomes[-1][2].startswith("broken JSON array after item 1: ")
    assert "\n" not in outcomes[-1][2]


@pytest.mark.parametrize("text, expected", [
    ('{\n  "id": "p",\n  "text": "Isi berita."\n}\n', [("Item", 1, "Isi berita.")]),
    ('{"id": "1", "text": "Satu."}\n{"id": "2", "text": "Dua."}\n',
     [("Item", 1, "Satu."), ("Item", 2, "Dua.")]),
    ('\ufeff[{"id": "b", "text": "Dengan BOM."}]', [("Item", 1, "Dengan BOM.")]),
    ("Bukan JSON sama sekali.", [("Reject", None, "not JSON records: a .json file holds an "
                                                  "array of objects, one object, or objects "
                                                  "one a line")]),
])
def test_one_object_json_lines_and_non_json_under_a_json_name(tmp_path, text, expected):
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    assert _outcomes(path) == expected


def test_a_json_array_is_cleaned_the_same_by_one_and_two_workers(tmp_path):
    path = tmp_path / "dump.json"
    rows = [dict(row, id=f"{i}") if "id" in row else row for i, row in enumerate(ROWS * 20)]
    path.write_text(json.dumps(rows))
    one, two = output_by_workers([str(path)], tmp_path, "out.jsonl")
    assert one == two
    records = read_jsonl(tmp_path / "2-out.jsonl")
    assert len(records) == 60
    assert records[1]["id"] == "dump.json:2"          # no id: the file and the item's position
    assert records[0]["meta"]["site"] == "antaranews.com"


def test_an_item_is_read_as_a_jsonl_line_is_past_64_bit_integers_and_nan(tmp_path):
    """Each item is parsed as a JSONL line: an integer past 64 bits in a field is a float, NaN
    is null. (Before, the first was a reject, and the second cost every item after it.)"""
    path = tmp_path / "big.json"
    path.write_text('[{"id": %d, "text": "Isi.", "n": %d}, {"id": "y", "text": "Isi.", "s": NaN},'
                    ' {"id": "z", "text": "Isi."}]' % (2 ** 70, 2 ** 70))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q"]) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [str(2 ** 70), "y", "z"]
    assert records[0]["n"] == float(2 ** 70) and records[1]["s"] is None
    assert not (tmp_path / "out.jsonl.rejects.jsonl").exists()


def test_folders_read_json_files_only_when_asked(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(ROWS[:1]))
    (tmp_path / "meta.txt").write_text("Isi berita lain.")
    assert [type(i).__name__ for i in iter_inputs([str(tmp_path)])] == ["Item"]
    asked = list(iter_inputs([str(tmp_path)], ReadOptions(glob=("*.json",))))
    assert [(i.source.endswith("a.json"), i.line) for i in asked] == [(True, 1)]
    assert not any(isinstance(i, Reject) for i in asked)


def test_a_json_array_on_standard_input_is_read_item_by_item(monkeypatch, capsysbinary):
    import io
    import sys

    data = b"\xef\xbb\xbf" + json.dumps(ROWS[:2]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    assert main(["clean", "-", "-o", "-", "-q"]) == 0
    records = [json.loads(x) for x in capsysbinary.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["a", "<stdin>:2"]


@pytest.mark.parametrize("suffix", [".json.gz", ".json.zst"])
def test_a_compressed_json_file_is_an_array_or_json_lines(tmp_path, suffix):
    import codecs
    import gzip

    import zstandard

    def compressed(data: bytes) -> bytes:
        return gzip.compress(data) if suffix == ".json.gz" else \
            zstandard.ZstdCompressor().compress(data)

    array = tmp_path / f"array{suffix}"
    array.write_bytes(compressed(codecs.BOM_UTF8 + json.dumps(ROWS[:2] + [5], indent=2).encode()))
    assert _outcomes(array) == [("Item", 1, ROWS[0]["text"]), ("Item", 2, ROWS[1]["text"]),
                                ("Reject", 3, "array item is a number, not an object")]
    lines = tmp_path / f"lines{suffix}"
    lines.write_bytes(compressed(b"".join(json.dumps(row).encode() + b"\n" for row in ROWS[:2])))
    assert _outcomes(lines) == [("Item", 1, ROWS[0]["text"]), ("Item", 2, ROWS[1]["text"])]


@pytest.mark.parametrize("suffix", [".json.gz", ".json.zst"])
def test_a_damaged_compressed_json_file_is_reported_and_the_run_goes_on(tmp_path, suffix):
    import gzip

    import zstandard

    def compressed(data: bytes) -> bytes:
        return gzip.compress(data) if suffix == ".json.gz" else \
            zstandard.ZstdCompressor().compress(data)

    rows = [{"id": str(i), "text": f"Isi berita nomor {i} tentang banjir {i * 7919}."}
            for i in range(3000)]
    whole = compressed(json.dumps(rows, indent=2).encode())
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(whole[:len(whole) // 2])
    *items, (kind, _, reason) = _outcomes(cut)
    # The items before the damage are kept (as many as the format gives: zstd, none of a cut
    # block), then the damage is reported.
    assert [text for _, _, text in items] == [row["text"] for row in rows[:len(items)]]
    assert len(items) > 100 or suffix == ".json.zst"
    assert kind == "Reject" and ("broken JSON array after" in reason or "cut off" in reason)
    garbage = tmp_path / f"garbage{suffix}"
    garbage.write_bytes(b"not compressed at all")
    [(kind, _, reason)] = _outcomes(garbage)
    # (a .gz holding no gzip member anywhere is said to be none, not a corrupt one)
    assert kind == "Reject" and ("not gzip data" if suffix == ".json.gz" else "corrupt") in reason


@pytest.mark.parametrize("name", ["dump.data", "part-00000", "dump.json.bak", "notes.md"])
def test_a_file_whose_name_says_nothing_is_read_by_how_it_opens(tmp_path, name):
    """JSON lines or an array under a name no reader takes are records, as on standard input:
    before, a 3 MB dump named so became one document of its JSON."""
    lines = tmp_path / name
    lines.write_bytes(b"\xef\xbb\xbf\n" + b"\n".join(json.dumps(row).encode() for row in ROWS[:2]))
    assert _outcomes(lines) == [("Item", 2, ROWS[0]["text"]), ("Item", 3, ROWS[1]["text"])]
    array = tmp_path / f"array-{name}"
    array.write_text("  " + json.dumps(ROWS[:2]))
    assert _outcomes(array) == [("Item", 1, ROWS[0]["text"]), ("Item", 2, ROWS[1]["text"])]
    text = tmp_path / f"text-{name}"
    text.write_text("Isi berita {dalam kurung} biasa.")
    assert _outcomes(text) == [("Item", None, "Isi berita {dalam kurung} biasa.")]
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(lines), "-o", str(out), "-q", "--workers", "2"]) == 0
    assert [record["id"] for record in read_jsonl(out)] == ["a", f"{name}:3"]


_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 6, 10 ** 6)
    | st.text(alphabet='ab"\\[]{},: \n\u00e9\U0001f600', max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=3),
    max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(items=st.lists(st.dictionaries(st.sampled_from(["id", "x", "y"]), _VALUE, max_size=3)
                      .map(lambda d: {**d, "text": "Isi berita."}), max_size=6),
       indent=st.sampled_from([None, 1, 2]), read_bytes=st.sampled_from([1, 2, 3, 7, 64]))
def test_an_array_is_split_into_its_items_whatever_the_reads(items, indent, read_bytes):
    """Strings holding brackets, commas, quotes and backslashes, nesting, and reads that end
    anywhere (inside a string, an escape, a UTF-8 character) give each item whole."""
    import io
    from unittest import mock

    from cleaner import json_file

    data = json.dumps(items, indent=indent, ensure_ascii=False).encode()
    with mock.patch.object(json_file, "READ_BYTES", read_bytes):
        got = list(json_file.iter_json_array(io.BytesIO(data), "a.json", ReadOptions()))
    assert [type(item).__name__ for item in got] == ["Item"] * len(items)
    expected = [orjson.loads(orjson.dumps(item)) for item in items]
    for fields in expected:
        record_id(fields)               # the id as text: true is "true", "" is none
    assert [item.fields | {"text": item.text} for item in got] == expected


def test_a_bad_item_costs_itself_and_the_items_after_it_are_read(tmp_path):
    good = [json.dumps({"id": f"g{i}", "text": f"Isi berita {i}."}) for i in range(4)]
    path = tmp_path / "mixed.json"
    path.write_bytes(("[" + good[0] + ',\n{"id": "bad", "text": "caf').encode() + b"\xe9"
                     + ('"},\n{"id": "deep", "text": "x", "d": ' + "[" * 30000 + "]" * 30000
                        + "},\n" + good[1] + ", 5, {broken json}, " + good[2] + ",\n{"
                        + '"id": "long", "text": "' + "x" * 3000 + '"},\n' + good[3]
                        + "]\n").encode())
    outcomes = [(type(item).__name__, item.line,
                 item.fields.get("id") if isinstance(item, Item) else item.reason.split(":")[0])
                for item in iter_inputs([str(path)], ReadOptions(max_record_bytes=2000))]
    assert outcomes == [
        ("Item", 1, "g0"), ("Reject", 2, "invalid UTF-8 at byte 26 of the array item"),
        ("Reject", 3, "array item longer than 2000 bytes; raise --max-record-bytes to read it"),
        ("Item", 4, "g1"), ("Reject", 5, "array item is a number, not an object"),
        ("Reject", 6, "broken JSON"), ("Item", 7, "g2"),
        ("Reject", 8, "array item longer than 2000 bytes; raise --max-record-bytes to read it"),
        ("Item", 9, "g3")]


@pytest.mark.parametrize("tail, reason", [
    ("]   \n", None), ("] junk", "data after the end of the array, not read"),
    (", ", "broken JSON array after item 1: the file ends inside the array"),
    ("", "broken JSON array after item 1: the file ends inside the array")])
def test_what_follows_the_last_item_is_read_to_the_end(tmp_path, tail, reason):
    path = tmp_path / "a.json"
    path.write_text("[" + json.dumps(ROWS[0]) + tail)
    outcomes = _outcomes(path)
    assert outcomes[0] == ("Item", 1, ROWS[0]["text"])
    assert outcomes[1:] == ([("Reject", 2, reason)] if reason else [])


@pytest.mark.parametrize("text", ["[FOTO] Jakarta - Isi berita hari ini.",
                                  "{Advertorial} Isi berita.\nBaris dua.",
                                  "[ Video ] Isi berita.", "{ kata pengantar } isi"])
def test_an_article_that_opens_with_a_bracket_is_text_not_broken_json(tmp_path, monkeypatch,
                                                                      text):
    """Only an object's key or an array of objects opens JSON: a named file of no known
    suffix and standard input are read by how they open."""
    import io
    import sys

    path = tmp_path / "artikel-123"
    path.write_text(text, encoding="utf-8")
    assert _outcomes(path) == [("Item", None, text)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(
        io.BytesIO(text.encode()))))
    assert [(type(i).__name__, i.text) for i in iter_inputs(["-"], ReadOptions())] == \
        [("Item", text)]


def test_json_after_more_blanks_than_a_sniff_once_read_is_still_json(tmp_path):
    path = tmp_path / "dump.data"
    path.write_text(" " * 3000 + json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    assert _outcomes(path) == [("Item", 1, ROWS[0]["text"])]


@pytest.mark.parametrize("damage", [
    ('nomor 5."', 'nomor 5 5" kata."'),                     # a stray quote
    ('"r5"}', '"r5"}}'),                                    # a stray brace
    ('"r5"}', '"r5"]}'),                                    # a stray bracket
    ('"r5"}', '"r5"'),                                      # a brace missing
    ('"r5"}', '"r5", "x": [{"a": 1}, {"b": ]}'),           # broken, objects nested in it
])
@pytest.mark.parametrize("separator", [", ", ",\n"])
def test_one_broken_item_costs_itself_whatever_broke_it(tmp_path, damage, separator):
    """A stray quote or bracket throws the count of strings and brackets off: the split goes
    on at the first place past the broken item where one object ends and the next begins."""
    items = [json.dumps({"text": f"Isi berita nomor {i}.", "id": f"r{i}"}) for i in range(1, 41)]
    old, new = damage
    items[4] = items[4].replace(old, new)
    path = tmp_path / "a.json"
    path.write_text("[" + separator.join(items) + "]\n")
    outcomes = _outcomes(path)
    kept = [text for kind, _, text in outcomes if kind == "Item"]
    assert kept == [f"Isi berita nomor {i}." for i in range(1, 41) if i != 5]
    assert {line for kind, line, _ in outcomes if kind == "Reject"} <= {5, 6}


@pytest.mark.parametrize("damaged", [0, 2])
def test_a_damaged_gzip_member_in_a_json_array_costs_its_items(tmp_path, damaged):
    rows = [{"id": f"r{i}", "text": f"Isi berita nomor {i} tentang banjir. " * 20}
            for i in range(300)]
    data = json.dumps(rows, indent=2).encode()
    members = [gzip.compress(data[i:i + 50000]) for i in range(0, len(data), 50000)]
    broken = bytearray(members[damaged])
    broken[len(broken) // 2] ^= 0xFF
    members[damaged] = bytes(broken)
    path = tmp_path / "a.json.gz"
    path.write_bytes(b"".join(members))
    outcomes = list(iter_inputs([str(path)], ReadOptions()))
    ids = [item.fields["id"] for item in outcomes if isinstance(item, Item)]
    assert len(ids) == len(set(ids)) > 200 and set(ids) <= {f"r{i}" for i in range(300)}
    assert ids[-1] == "r299" and ids == sorted(ids, key=lambda i: int(i[1:]))
    [reject] = [item for item in outcomes if isinstance(item, Reject)]
    assert "corrupt gzip member" in reject.reason and "reading goes on" in reject.reason
