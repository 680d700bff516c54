"""A record nested deeper than a record carries is one reject as it is read, in the words of a
record JSON cannot write, the same whatever the executor or workers; one just within is
written whole."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.jsonl_reader import MAX_NESTING
from scale_helpers import read_jsonl, real_docs, write_jsonl


def _nested_line(levels: int, field: str) -> bytes:
    """A record whose `field` holds objects `levels` deep: the record's own makes one more."""
    value = b'{"a": ' * levels + b'1' + b'}' * levels
    return b'{"id": "deep", "text": "Isi berita yang pendek.", "%s": %s}' % (field.encode(), value)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_record_nested_too_deep_is_one_reject_naming_its_depth(tmp_path, workers):
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(4),
                       bad_lines={2: _nested_line(MAX_NESTING, "meta")})
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--workers", workers]) == 0
    assert len(read_jsonl(out)) == 4
    [reject] = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert reject["line"] == 3
    assert reject["reason"] == (f"cannot write the record as JSON: its line nests "
                                f"{MAX_NESTING + 1} levels deep, more than the {MAX_NESTING} a "
                                "record carries")
    assert reject["raw"].startswith('{"id": "deep"')        # (the line as it came)


@pytest.mark.parametrize("field", ["meta", "extra"])
def test_a_record_nested_just_within_is_written_with_its_field(tmp_path, field):
    # ("meta" is a record's own name: the input's goes under "input", a level deeper)
    dump = tmp_path / "in.jsonl"
    dump.write_bytes(_nested_line(MAX_NESTING - 1, field) + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--workers", "1"]) == 0
    [record] = read_jsonl(out)
    carried = record["input"][field] if field == "meta" else record[field]
    assert json.dumps(carried).count("{") == MAX_NESTING - 1
