"""A JSONL line is read with its line end (orjson takes it as JSON's whitespace), not a stripped
copy: what a record or a reject says of the line is what it said of the line without it."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.jsonl_reader import blank_line, parse_record

OPTIONS = ReadOptions()
ENDS = ["", "\n", "\r\n", "\r", "\r\r\n", "\n\r"]


@pytest.mark.parametrize("end", ENDS)
def test_a_records_size_leaves_out_its_line_end(end):
    line = b'{"id": "a", "text": "Isi berita."}'
    item = parse_record(line + end.encode(), "f.jsonl", 1, OPTIONS)
    assert isinstance(item, Item)
    assert item.size == len(line) and item.text == "Isi berita." and item.fields == {"id": "a"}


@pytest.mark.parametrize("end", ENDS)
@pytest.mark.parametrize("line", [b'{"id": "a", "text": "Isi', b'{"a": 1}}', b'{"text": "x",}',
                                  b'{"text": "\xff"}', b"[1, 2]", b'{"id": "a"}',
                                  b'{"text": "  \\n "}', b'{"text": 5}'])
def test_a_rejected_lines_reason_and_text_are_those_of_the_line_without_its_end(line, end):
    with_end = parse_record(line + end.encode(), "f.jsonl", 3, OPTIONS)
    alone = parse_record(line, "f.jsonl", 3, OPTIONS)
    assert isinstance(with_end, Reject) and with_end == alone
    assert not with_end.raw.endswith(("\n", "\r"))


def test_a_broken_lines_reason_names_positions_on_its_own_line():
    reject = parse_record(b'{"text": "Isi\n', "f.jsonl", 1, OPTIONS)
    assert isinstance(reject, Reject) and "line 1 " in reject.reason
    assert "line 2" not in reject.reason


def test_a_byte_order_mark_before_a_record_with_a_line_end_is_passed_over():
    line = b'{"text": "Isi berita."}'
    item = parse_record(b"\xef\xbb\xbf" + line + b"\r\n", "f.jsonl", 1, OPTIONS)
    assert isinstance(item, Item) and item.size == len(line)


def test_an_id_past_64_bits_keeps_its_digits_with_a_line_end():
    item = parse_record(b'{"id": 123456789012345678901234567890, "text": "Isi."}\n', "f.jsonl",
                        1, OPTIONS)
    assert isinstance(item, Item) and item.fields["id"] == "123456789012345678901234567890"


@pytest.mark.parametrize("text", ["", " ", "\u3000\n\t", "\u0085"])
def test_a_blank_text_is_an_empty_document(text):
    reject = parse_record(orjson.dumps({"text": text}) + b"\n", "f.jsonl", 1, OPTIONS)
    assert isinstance(reject, Reject) and reject.reason == "empty document"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=12), st.sampled_from(["", "\n", "\r\n", " \n"]))
def test_blank_line_is_stripped_lines_emptiness(data, end):
    line = data + end.encode()
    stripped = line.strip()
    assert blank_line(line) == (not stripped or (stripped.startswith(b"\xef\xbb\xbf") and not
                                                 stripped.replace(b"\xef\xbb\xbf", b"").strip()))
