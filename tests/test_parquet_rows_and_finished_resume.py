"""Parquet rows made without pandas (its import cost every worker ~45 MB), the same rows as
before; a resume of a finished run leaves its folder as it was; one reject form per input kind."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from cleaner import parquet_io
from cleaner.cli import main
from cleaner.parquet_io import ParquetRecordWriter, decode_records, encode_records, \
    record_schema, to_row
from conftest import ROOT
from scale_helpers import read_jsonl, real_docs, write_jsonl

# Records whose rows are hard to get right: text JSON escapes, nulls and empty lists, a
# non-text meta value, carried fields of every kind (a non-string key among them), removals
# with and without fields.
ODD_RECORDS = [
    {"id": "a", "text": "nul \x00, tab\t, line\u2028sep, \"quoted\" \\ back, emoji \U0001F600",
     "meta": {"title": "T", "date": None, "authors": ["A", "B"], "editors": [], "lang": "id",
              "site": 7, "odd": {"x": 1}},
     "removed": [{"rule": "r/a", "text": "x\ny", "line": 3, "col": 0, "action": "drop",
                  "fields": ["title"]},
                 {"rule": "r/b", "text": "", "line": 1 << 40, "col": None, "action": "cut"}],
     "flags": ["short"], "fixes": ["mojibake"], "n": 1.5, "deep": [1, {"k": None}]},
    {"id": None, "text": "", "meta": {}, "removed": [], "flags": [], "fixes": []},
    {"id": 12, "text": "x" * 70_000, "meta": None, "removed": None, "flags": None,
     "fixes": None, "big": "y" * 3},
]


def _by_pylist(records):
    """The rows as pyarrow builds them from Python values (the way encode_records made them)."""
    return pa.Table.from_pylist([to_row(record) for record in records], schema=record_schema())


def test_encoded_rows_are_those_arrow_builds_from_python_values():
    table = decode_records(encode_records(ODD_RECORDS))
    assert table.schema.equals(record_schema())
    assert table.combine_chunks().equals(_by_pylist(ODD_RECORDS).combine_chunks())
    assert table.to_pylist() == [to_row(record) for record in ODD_RECORDS]


def test_rows_of_real_records_are_those_arrow_builds_from_python_values(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", real_docs(80))
    assert main(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 0
    records = read_jsonl(tmp_path / "out.jsonl")
    assert decode_records(encode_records(records)).combine_chunks().equals(
        _by_pylist(records).combine_chunks())


def test_parsed_lines_give_the_rows_encoded_ones_do(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet_io, "ROW_GROUP_ROWS", 2)
    lines = [orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS) + b"\n"
             for record in ODD_RECORDS]
    parsed = ParquetRecordWriter(str(tmp_path / "parsed.parquet"))
    for line in lines:
        parsed.write_line(line)
    parsed.close()
    assert pq.read_table(tmp_path / "parsed.parquet").equals(_by_pylist(ODD_RECORDS))


def test_making_parquet_rows_does_not_import_pandas(tmp_path):
    # pyarrow imports pandas (where installed) the first time it turns a Python list into an
    # array, to ask whether the list is a pandas one: 30 MB of heap and 15 of libraries in every
    # worker and in the main process, most of what a Parquet run held over a JSONL one.
    code = ("import sys, orjson\n"
            "from cleaner.parquet_io import ParquetRecordWriter, encode_records, decode_records\n"
            "records = [{'id': 'a', 'text': 'x', 'meta': {'title': 'T'}, 'removed': [],"
            " 'flags': [], 'fixes': [], 'extra': 1}]\n"
            "decode_records(encode_records(records))\n"
            f"writer = ParquetRecordWriter({str(tmp_path / 'o.parquet')!r})\n"
            "writer.write_line(orjson.dumps(records[0]))\n"
            "writer.close()\n"
            "print('pandas' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_the_writer_holds_at_most_a_row_group_of_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet_io, "ROW_GROUP_ROWS", 3)
    writer = ParquetRecordWriter(str(tmp_path / "o.parquet"))
    table = decode_records(encode_records(ODD_RECORDS * 3))
    held = []
    for index in range(9):
        writer.write_line(b"{}", (table, index))
        held.append(writer._rows)
    writer.close()
    assert max(held) < 3
    assert pq.ParquetFile(tmp_path / "o.parquet").metadata.num_row_groups == 3


# -- a resume of a finished run ------------------------------------------------------------------

def _folder_state(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_resume_of_a_finished_run_leaves_its_folder_unchanged(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": f"Berita nomor {i}."}
                                              for i in range(5)])
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", f"{out}/", "-q"]) == 0
    before = _folder_state(out)
    assert "_rejects.jsonl" not in before
    assert main(["clean", str(src), "-o", f"{out}/", "--resume"]) == 0
    assert "already complete" in capsys.readouterr().err
    assert _folder_state(out) == before


def test_resume_of_a_finished_run_with_rejects_keeps_them(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "d0", "text": "Berita."}],
                      bad_lines={0: b"[1, 2]"})
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", f"{out}/", "-q"]) == 0
    before = _folder_state(out)
    assert before["_rejects.jsonl"]
    assert main(["clean", str(src), "-o", f"{out}/", "--resume", "-q"]) == 0
    assert _folder_state(out) == before


def test_manifest_of_a_finished_run_is_not_rewritten(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "d0", "text": "Berita."}])
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", f"{out}/", "-q"]) == 0
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["complete"] is True
    mtime = (out / "_manifest.json").stat().st_mtime_ns
    assert main(["clean", str(src), "-o", f"{out}/", "--resume", "-q"]) == 0
    assert (out / "_manifest.json").stat().st_mtime_ns == mtime


def test_row_groups_hold_at_most_1024_records_by_default(tmp_path):
    records = [{"id": f"d{i}", "text": f"Berita {i}.", "meta": {}, "removed": [], "flags": [],
                "fixes": []} for i in range(2500)]
    writer = ParquetRecordWriter(str(tmp_path / "o.parquet"))
    held = 0
    for start in range(0, len(records), 100):
        table = decode_records(encode_records(records[start:start + 100]))
        for index in range(table.num_rows):
            writer.write_line(b"{}", (table, index))
            held = max(held, writer._rows)
    writer.close()
    sizes = [group.num_rows for group in
             (pq.ParquetFile(tmp_path / "o.parquet").metadata.row_group(i) for i in range(3))]
    assert sizes == [1024, 1024, 452] and held < 1024
