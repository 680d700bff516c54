"""Parquet in and out: the same records as JSONL; bad Parquet input rejected; the datasets.map helper."""

from __future__ import annotations

import json

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner import parquet_io
from cleaner.cli import main
from cleaner.batches import process_batch
from cleaner.hf import clean_batch, cleaned_features
from cleaner.inputs import Item
from cleaner.parquet_io import (ParquetRecordWriter, decode_records, encode_records, read_records,
                                record_schema)
from cleaner.pipeline import Cleaner
from conftest import ROOT
from scale_helpers import output_by_workers, read_jsonl, real_docs, shard_records, write_jsonl


@pytest.fixture(scope="module")
def rows():
    return real_docs(60)


@pytest.fixture(scope="module")
def jsonl_records(rows, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pq")
    src = write_jsonl(folder / "in.jsonl", rows)
    assert main(["clean", str(src), "-o", str(folder / "out.jsonl"), "-q"]) == 0
    return read_jsonl(folder / "out.jsonl")


def test_parquet_input_gives_the_records_of_the_same_jsonl(rows, jsonl_records, tmp_path):
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=7)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    assert read_jsonl(out) == jsonl_records


def test_parquet_output_file_and_shards_read_back_as_the_records(rows, jsonl_records, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    single = tmp_path / "out.parquet"
    assert main(["clean", str(src), "-o", str(single), "-q"]) == 0
    assert pq.read_schema(single).equals(record_schema())
    assert read_records(single) == jsonl_records
    shards = tmp_path / "shards"
    assert main(["clean", str(src), "-o", str(shards), "--format", "parquet", "--shard-size", "25",
                 "-q"]) == 0
    assert sorted(p.name for p in shards.glob("part-*")) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert shard_records(shards) == jsonl_records
    # One schema for every shard: the folder reads as one table (_manifest, _rejects ignored).
    assert pq.read_table(shards).num_rows == 60


def _written(path, lines, rows_for, monkeypatch):
    """A Parquet file of `lines` (record lines), each given with rows_for(index) as its row."""
    monkeypatch.setattr(parquet_io, "ROW_GROUP_ROWS", 7)       # several row groups, cut mid-table
    writer = ParquetRecordWriter(str(path))
    for index, line in enumerate(lines):
        writer.write_line(line, rows_for(index))
    writer.close()
    return path.read_bytes()


def test_rows_encoded_by_workers_make_the_file_parsed_lines_make(jsonl_records, tmp_path,
                                                                   monkeypatch):
    lines = [orjson.dumps(record) + b"\n" for record in jsonl_records]
    # As workers send them: tables of 16 rows; and half the batches as plain lines only.
    tables = [decode_records(encode_records(jsonl_records[i:i + 16]))
              for i in range(0, len(lines), 16)]
    parsed = _written(tmp_path / "parsed.parquet", lines, lambda i: None, monkeypatch)
    encoded = _written(tmp_path / "encoded.parquet", lines,
                       lambda i: (tables[i // 16], i % 16), monkeypatch)
    mixed = _written(tmp_path / "mixed.parquet", lines,
                     lambda i: (tables[i // 16], i % 16) if i // 16 % 2 else None, monkeypatch)
    assert parsed == encoded == mixed
    assert pq.ParquetFile(tmp_path / "mixed.parquet").metadata.num_row_groups == 9
    assert read_records(tmp_path / "mixed.parquet") == jsonl_records


def test_records_without_carried_fields_read_back_as_they_were_written(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Isi berita hari ini."},
                                              {"text": "Berita kedua tanpa id."}])
    assert main(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 0
    assert main(["clean", str(src), "-o", str(tmp_path / "out.parquet"), "-q"]) == 0
    assert read_records(tmp_path / "out.parquet") == read_jsonl(tmp_path / "out.jsonl")


def test_parquet_output_is_the_same_file_whatever_the_workers(rows, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    one, two = output_by_workers([str(src)], tmp_path, "out.parquet")
    assert one == two


def test_a_batch_that_cannot_be_encoded_is_sent_as_lines():
    def broken(records):
        raise ValueError("not encodable")

    batch = [Item("in.jsonl", 1, "Isi berita hari ini.", {"id": "a"}, 20)]
    assert process_batch(Cleaner(), batch, broken).encoded is None
    encoded = process_batch(Cleaner(), batch, encode_records).encoded
    assert decode_records(encoded).column("id").to_pylist() == ["a"]


def test_bad_parquet_input_is_rejected_with_the_reason(tmp_path):
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not parquet")
    no_text = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": ["Isi berita."]}), no_text)
    rows = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": ["Isi berita.", None, "  "]}), rows)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(broken), str(no_text), str(rows), "-o", str(out), "-q"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == ["a"]
    reasons = [(r["source"].rsplit("/", 1)[-1], r["line"], r["reason"])
               for r in read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")]
    assert reasons[0][:2] == ("broken.parquet", None)
    assert reasons[0][2] == ("a Parquet file cut short: it opens as Parquet, but its 24 bytes "
                             "end before its footer (copied or downloaded in part?)")
    assert reasons[1] == ("no_text.parquet", None, "no 'text' column (columns: id, body); "
                                                  "--text-field names the one with the text")
    assert reasons[2:] == [("rows.parquet", 2, "no 'text' value"),
                           ("rows.parquet", 3, "empty document")]
    # (a blank text's reject keeps it, as a reject of nothing visible keeps its text)
    assert [r["raw"] for r in read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")][2:] == [None, "  "]


def test_clean_batch_for_datasets_map(rows, jsonl_records):
    batch = {"id": [r["id"] for r in rows], "url": [r["url"] for r in rows],
             "text": [r["text"] for r in rows]}
    out = clean_batch(batch)
    assert out["text"] == [r["text"] for r in jsonl_records]
    assert out["meta"] == [r["meta"] for r in jsonl_records]
    # Every column is one Arrow type: what datasets needs to store the result.
    table = pa.Table.from_pydict({**batch, **out})
    assert table.num_rows == 60 and pa.types.is_struct(table.schema.field("meta").type)
    datasets = pytest.importorskip("datasets")
    dataset = datasets.Dataset.from_dict(batch)
    # Typed up front, as the README does: the first batches have no date (their urls none).
    mapped = dataset.map(clean_batch, batched=True, batch_size=16,
                         features=cleaned_features(dataset.features))
    assert mapped["text"] == out["text"]
    assert json.loads(mapped[0]["flags"]) == jsonl_records[0]["flags"]


def test_clean_batch_reads_a_raw_page_in_the_text_column_as_the_cli_does(tmp_path):
    page = (ROOT / "fixtures" / "rt.com" / "4a44ab3e4c.html").read_text(encoding="utf-8")
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": "p", "text": page}])
    assert main(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 0
    [cli] = read_jsonl(tmp_path / "out.jsonl")
    out = clean_batch({"id": ["p", "empty"], "text": [page, "<html><body></body></html>"]})
    assert out["text"][0] == cli["text"] and out["meta"][0] == cli["meta"]
    assert len(out["removed"][0]) == len(cli["removed"])
    # A page with no article keeps its row (a batch's rows cannot be left out), with text None and
    # flagged with the reason the CLI would reject it for.
    assert out["text"][1] is None and json.loads(out["flags"][1]) == [
        {"flag": "rejected", "reason": "no article text found in the page"}]


def test_reading_a_parquet_file_holds_the_rows_asked_for_not_the_file(tmp_path):
    """Arrow memory while the rows of a 40-row-group file are read stays far below the file's
    size: pyarrow's default pre-buffering read the column chunks of every row group ahead."""
    import random

    from cleaner.parquet_io import read_parquet
    from cleaner.inputs import ReadOptions

    rng = random.Random(5)
    texts = [rng.randbytes(2000).hex() for _ in range(4000)]    # text that compresses little
    path = tmp_path / "big.parquet"
    pq.write_table(pa.table({"id": [str(i) for i in range(4000)], "text": texts}), path,
                   row_group_size=100)
    size = path.stat().st_size
    assert size > 8_000_000
    baseline, peak, rows = pa.total_allocated_bytes(), 0, 0
    for item in read_parquet(path, ReadOptions()):
        rows += 1
        peak = max(peak, pa.total_allocated_bytes() - baseline)
    assert rows == 4000
    assert peak < size / 4


def _parquet_with_bad_rows(path):
    texts = [f"Isi berita nomor {i} yang cukup panjang. (ant)" for i in range(600)]
    texts[7], texts[300], texts[599] = None, "   ", "dokumen KILL"
    pq.write_table(pa.table({"id": [str(i) for i in range(600)], "text": texts,
                             "score": [i / 3 for i in range(600)]}), path, row_group_size=250)
    return path


def test_parquet_rows_travel_to_workers_as_arrow_batches_and_read_as_they_would_here(tmp_path):
    from dataclasses import replace

    from cleaner.parquet_io import ParquetBlock
    from cleaner.inputs import ReadOptions, expand
    from cleaner.readers import iter_inputs

    path = _parquet_with_bad_rows(tmp_path / "in.parquet")
    here = list(iter_inputs([str(path)]))
    blocks = list(iter_inputs([str(path)], replace(ReadOptions(), defer_parse=True)))
    assert blocks and all(isinstance(block, ParquetBlock) for block in blocks)
    assert expand(blocks) == here
    assert [(r.line, r.reason) for r in here if not isinstance(r, Item)] == [
        (8, "no 'text' value"), (301, "empty document")]
    one, two = output_by_workers([str(path)], tmp_path, "out.jsonl")
    assert one == two and len(one.splitlines()) == 598


def test_a_worker_dying_on_a_parquet_row_costs_that_row(tmp_path):
    from dataclasses import replace

    from cleaner.inputs import ReadOptions
    from cleaner.readers import iter_inputs
    from scale_helpers import pooled_outcomes

    path = _parquet_with_bad_rows(tmp_path / "in.parquet")
    blocks = list(iter_inputs([str(path)], replace(ReadOptions(), defer_parse=True)))
    outcomes = pooled_outcomes(blocks, 1)
    assert len(outcomes) == 600
    assert outcomes[599][0] == "reject" and "worker process died" in outcomes[599][1]["reason"]
    assert outcomes[599][1]["line"] == 600
    assert [o[0] for o in outcomes].count("record") == 597


def test_the_command_has_arrows_allocator_give_memory_back_unless_told_otherwise(tmp_path):
    """mimalloc's defaults (keep freed memory a while, commit whole arenas) cost 80-150 MB in a
    2-worker run over Parquet: the command sets them before pyarrow loads, unless the user did."""
    import os
    import subprocess
    import sys

    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["Isi berita."]}), path)
    script = ("import os, sys; from cleaner.cli import main; main(sys.argv[1:]); "
              "print(os.environ['MIMALLOC_PURGE_DELAY'], os.environ['MIMALLOC_ARENA_EAGER_COMMIT'])")
    args = [sys.executable, "-c", script, "clean", str(path), "-o", str(tmp_path / "o.jsonl"),
            "-q"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIMALLOC_")}
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.stdout.split() == ["0", "0"], done.stderr
    env["MIMALLOC_PURGE_DELAY"] = "250"
    chosen = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    assert chosen.stdout.split() == ["250", "0"], chosen.stderr


@pytest.mark.parametrize("num_proc", [None, 2])
def test_dataset_map_with_cleaned_features_takes_a_first_batch_with_nothing_removed(num_proc):
    # The first batches have no removal, no fix, no title, no author: typed from them alone,
    # those columns were null, and the later batch that has them failed to cast.
    datasets = pytest.importorskip("datasets")
    plain = "Warga desa bergotong royong membersihkan saluran air pada pagi hari ini."
    texts = [plain] * 4 + ["Judul Berita Hari Ini\n\nPenulis: Ade Nurul\n\nIsi berita caf\u00c3\u00a9 "
                           "yang panjang sekali di sini. (ant)"]
    ds = datasets.Dataset.from_dict({"id": [str(i) for i in range(5)], "text": texts})
    mapped = ds.map(clean_batch, batched=True, batch_size=2, num_proc=num_proc,
                    features=cleaned_features(ds.features))
    last = mapped[4]
    assert last["meta"]["authors"] == ["Ade Nurul"] and last["fixes"] == ["fix_mojibake"]
    assert last["removed"][-1]["rule"] == "id/editor-code-end"
    assert mapped[0]["removed"] == [] and mapped[0]["meta"]["title"] is None


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_value_python_cannot_hold_is_arrows_text_and_the_rows_are_kept(tmp_path, workers):
    """A timestamp past the year 9999 in a metadata column: turning its batch into Python
    values raised, which cost the rest of the file (one worker) or the run (two)."""
    seconds = [1577836800] * 300
    seconds[150] = 10 ** 12
    table = pa.table({"id": [f"p{i}" for i in range(300)],
                      "text": [f"Isi berita nomor {i}." for i in range(300)],
                      "ts": pa.array(seconds, pa.int64()).cast(pa.timestamp("s"))})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=100)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "in.parquet"), "-o", str(out), "-q",
                 "--workers", workers]) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [f"p{i}" for i in range(300)]
    assert records[0]["ts"] == "2020-01-01T00:00:00"
    assert records[150]["ts"].startswith("<value out of range: 1000000000000")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_damaged_row_group_costs_its_rows_not_the_rest_of_the_file(tmp_path, workers):
    path = tmp_path / "in.parquet"
    table = pa.table({"id": [f"p{i}" for i in range(500)],
                      "text": [f"Isi berita nomor {i} yang cukup panjang." * 3 for i in range(500)]})
    pq.write_table(table, path, row_group_size=100, compression="zstd")
    chunk = pq.ParquetFile(path).metadata.row_group(2).column(1)
    data = bytearray(path.read_bytes())
    middle = chunk.data_page_offset + chunk.total_compressed_size // 2
    data[middle:middle + 8] = bytes(b ^ 0xFF for b in data[middle:middle + 8])
    path.write_bytes(bytes(data))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", "--workers", workers]) == 0
    assert [r["id"] for r in read_jsonl(out)] == [f"p{i}" for i in (*range(200), *range(300, 500))]
    rejects = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert [(r["line"], r["reason"].split(":")[:2]) for r in rejects] == [
        (201, ["corrupt Parquet data", " rows 201 to 300 (row group 3 of 5) not read"])]


def test_a_file_with_two_text_columns_is_refused_not_read_from_one_of_them(tmp_path):
    from cleaner.readers import iter_inputs

    table = pa.Table.from_arrays([pa.array(["Isi satu."]), pa.array(["Isi dua."])],
                                 names=["text", "text"])
    pq.write_table(table, tmp_path / "two.parquet")
    [reject] = iter_inputs([str(tmp_path / "two.parquet")])
    assert reject.reason.startswith("2 columns named 'text'")


def test_parquet_ids_are_named_as_jsonl_ids_are(tmp_path):
    # docs/usage.md: an id that is not a string is its JSON text (`true`, `{"a":1}`, not Python's
    # True, {'a': 1}); an empty or blank one, or NaN, is none: the record is named by its row.
    # (A float is its JSON text: Parquet keeps no digits as written, as JSONL's `1e5`.)
    columns = {"bool": pa.array([True, False]), "struct": pa.array([{"a": 1}, {"a": None}]),
               "float": pa.array([1e5, float("nan")]), "blank": pa.array(["", " "]),
               "list": pa.array([[1, 2], []])}
    expected = {"bool": ["true", "false"], "struct": ['{"a":1}', '{"a":null}'],
                "float": ["100000.0", "float.parquet:2"],
                "blank": ["blank.parquet:1", "blank.parquet:2"], "list": ["[1,2]", "[]"]}
    for name, ids in columns.items():
        pq.write_table(pa.table({"id": ids, "text": ["Isi berita satu.", "Isi berita dua."]}),
                       tmp_path / f"{name}.parquet")
        out = tmp_path / f"{name}.jsonl"
        assert main(["clean", str(tmp_path / f"{name}.parquet"), "-o", str(out), "-q"]) == 0
        assert [r["id"] for r in read_jsonl(out)] == expected[name], name
    # The same values in JSONL give the same ids.
    write_jsonl(tmp_path / "in.jsonl", [{"id": v, "text": "Isi berita."}
                                        for v in (True, {"a": 1}, [1, 2], " ")])
    assert main(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "in.out.jsonl"),
                 "-q"]) == 0
    assert [r["id"] for r in read_jsonl(tmp_path / "in.out.jsonl")] == [
        "true", '{"a":1}', "[1,2]", "in.jsonl:4"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_row_with_no_text_beside_a_page_reads_the_page_as_a_jsonl_record_does(tmp_path,
                                                                                  workers):
    """--html-field was read from JSONL records only: Parquet rows of a page and a null or
    blank text were rejected ("no 'text' value", "empty document"), the same rows as JSON
    lines cleaned."""
    page = (ROOT / "fixtures" / "rt.com" / "4a44ab3e4c.html").read_text(encoding="utf-8")
    rows = [{"id": "a", "text": None, "page": page}, {"id": "b", "text": " ", "page": page},
            {"id": "c", "text": None, "page": None}]
    table = tmp_path / "pages.parquet"
    pq.write_table(pa.Table.from_pylist(rows), table)
    lines = tmp_path / "pages.jsonl"
    write_jsonl(lines, rows)
    outs = {}
    for name, src in (("parquet", table), ("jsonl", lines)):
        outs[name] = tmp_path / f"{name}.out.jsonl"
        assert main(["clean", str(src), "-o", str(outs[name]), "--html-field", "page", "-q",
                     "--workers", workers]) == 0
    records = read_jsonl(outs["parquet"])
    assert [r["id"] for r in records] == ["a", "b"] and records == read_jsonl(outs["jsonl"])
    assert records[0]["meta"]["title"] and "page" not in records[0]
    [reject] = read_jsonl(tmp_path / "parquet.out.jsonl.rejects.jsonl")
    assert (reject["line"], reject["reason"]) == (3, "no 'text' value")


def test_a_file_whose_columns_share_a_name_is_refused_not_read_losing_one(tmp_path, capsys):
    """A row as a record keeps one value of a name: two `tag` columns lost the first's values,
    unsaid (two text columns were refused already)."""
    path = tmp_path / "dup.parquet"
    pq.write_table(pa.Table.from_arrays(
        [pa.array(["Isi berita panjang yang ada di sini."]), pa.array(["x"]), pa.array(["y"])],
        names=["text", "tag", "tag"]), path)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out)]) == 0
    assert read_jsonl(out) == []
    [reject] = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert reject["reason"].startswith("more than one column named 'tag': ")
    assert "rejected" in capsys.readouterr().err


def test_a_file_with_a_page_column_and_no_text_column_says_how_to_read_it(tmp_path):
    path = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"id": ["a"], "html": ["<html><body><p>x</p></body></html>"]}), path)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q"]) == 0
    [reject] = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert reject["reason"] == ("no 'text' column (columns: id, html); read its 'html' "
                                "column's pages with --text-field html")


def test_reading_back_a_file_the_cleaner_did_not_write_names_what_it_lacks(tmp_path):
    """read_records on an input file raised a bare KeyError: 'removed'."""
    path = tmp_path / "input.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["Isi berita."]}), path)
    with pytest.raises(ValueError, match=r"not records the cleaner wrote: no meta, removed, "
                                         r"flags, fixes, extra columns \(columns: id, text\)"):
        read_records(path)


def test_a_parquet_file_cut_short_and_another_format_named_parquet_are_told_apart(tmp_path):
    whole = tmp_path / "whole.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["Isi berita."]}), whole)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(whole.read_bytes()[:100])
    csv = tmp_path / "rows.parquet"
    csv.write_text("id,text\na,Isi berita.\n")
    empty = tmp_path / "empty.parquet"
    empty.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(cut), str(csv), str(empty), "-o", str(out), "-q"]) == 0
    reasons = {r["source"].rsplit("/", 1)[-1]: r["reason"]
               for r in read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")}
    assert reasons["cut.parquet"].startswith("a Parquet file cut short: it opens as Parquet, "
                                             "but its 100 bytes end before its footer")
    assert reasons["rows.parquet"] == ("not a Parquet file: it opens with 'id,text', not with "
                                       "Parquet's mark PAR1 (another format named as Parquet?)")
    assert reasons["empty.parquet"] == "an empty file (0 bytes): no Parquet in it"


@pytest.mark.parametrize("dump", ["empty", "all rejects"])
def test_parquet_shards_of_a_run_with_no_record_are_one_shard_in_the_schema(tmp_path, dump):
    # Only the manifest was written: the folder read as a table with no columns, which a job
    # joining many runs' shard folders could not take with the others.
    source = tmp_path / "in.jsonl"
    source.write_text("" if dump == "empty" else '[1]\n"x"\n')
    out = tmp_path / "out"
    assert main(["clean", str(source), "-o", str(out), "--format", "parquet", "--shard-size",
                 "5", "-q", "--workers", "1"]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.schema == record_schema()
    manifest = json.loads((out / "_manifest.json").read_text())
    assert [(s["name"], s["records"]) for s in manifest["shards"]] == [("part-00000.parquet", 0)]
    assert main(["clean", str(source), "-o", str(out), "--format", "parquet", "--shard-size",
                 "5", "-q", "--workers", "1", "--resume"]) == 0


def test_jsonl_shards_of_a_run_with_no_record_are_none(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("")
    out = tmp_path / "out"
    assert main(["clean", str(source), "-o", str(out), "--shard-size", "5", "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["_manifest.json"]
