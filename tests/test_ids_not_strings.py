"""An input id that is not a string comes out as its JSON text (true, {"a":1}, 1e400 as written), never as Python's text of it; an empty or null id is no id, and the record is named by its file and line."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main

# (the id as the line writes it, the record's id)
IDS = [
    ('"a-1"', "a-1"),
    ("true", "true"),                       # not "True"
    ('{"a": 1}', '{"a":1}'),                # not "{'a': 1}"
    ("[1, 2]", "[1,2]"),
    ("7", "7"),
    ("1e400", "1e400"),                     # not "inf", which the next one was too
    ("-2e400", "-2e400"),
    ("1e5", "1e5"),                         # not "100000.0"
    ("2.50", "2.50"),
    ("123456789012345678901234567890", "123456789012345678901234567890"),
    ('""', "in.jsonl:11"),                  # no id: its file and line, as a record without one
    ('"  "', "in.jsonl:12"),
    ("null", "in.jsonl:13"),
    ("NaN", "in.jsonl:14"),                 # NaN reads as null (JSON has no such number)
    ("Infinity", "in.jsonl:15"),
]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ids_come_out_as_their_json_text_or_as_file_and_line(tmp_path, workers):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(f'{{"id": {given}, "text": "Berita nomor {n} tentang banjir."}}\n'
                            for n, (given, _) in enumerate(IDS)))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", "--strict", "--workers", workers]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [expected for _, expected in IDS]
    assert len(set(ids)) == len(ids)


def test_an_array_items_ids_are_made_the_same_way(tmp_path):
    path = tmp_path / "in.json"
    path.write_text('[{"id": true, "text": "Berita satu tentang banjir."},'
                    ' {"id": "", "text": "Berita dua tentang banjir."}]')
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", "--strict"]) == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == \
        ["true", "in.json:2"]
