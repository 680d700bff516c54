"""Parquet input with giant rows (issue #6): a worker's block holds about BATCH_BYTES of text, a
giant row goes alone, a row over the size limit is rejected where it is read, in the words (and
with the raw start) a JSONL record's reject has; the items are the same whatever the blocks."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq

from cleaner.batches import ALONE_BYTES, BATCH_BYTES
from cleaner.cli import main
from cleaner.inputs import MAX_REJECT_RAW, Item, ReadOptions, Reject, expand
from cleaner.parquet_io import BLOCK_ALONE_BYTES, BLOCK_BYTES, ParquetBlock, read_parquet

ARTICLE = ("Jakarta - Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota "
           "yang akan dibuka untuk warga pada akhir tahun ini. ")
DEFERRED = replace(ReadOptions(), defer_parse=True)


def _giant(mb: float) -> str:
    return ARTICLE * int(mb * (1 << 20) / len(ARTICLE))


def _dump(path, texts, row_group_size=None):
    pq.write_table(pa.table({"id": [f"r{i}" for i in range(len(texts))], "text": texts}), path,
                   row_group_size=row_group_size)
    return path


def test_the_block_sizes_are_the_batches_own():
    assert (BLOCK_BYTES, BLOCK_ALONE_BYTES) == (BATCH_BYTES, ALONE_BYTES)


def test_giant_rows_go_in_blocks_of_their_own_and_small_ones_in_blocks_of_bounded_text(tmp_path):
    texts = [ARTICLE * 20] * 300 + [_giant(1.5)] + [ARTICLE * 20] * 10 + [_giant(3), _giant(2)]
    path = _dump(tmp_path / "in.parquet", texts)
    blocks = list(read_parquet(path, DEFERRED))
    assert all(isinstance(block, ParquetBlock) for block in blocks)
    sizes = [[len(t.encode()) for t in block.batch.column("text").to_pylist()] for block in blocks]
    for block_sizes in sizes:
        assert len(block_sizes) == 1 or max(block_sizes) <= ALONE_BYTES
        assert len(block_sizes) == 1 or sum(block_sizes) < BATCH_BYTES + ALONE_BYTES
    assert sum(len(s) == 1 and s[0] > ALONE_BYTES for s in sizes) == 3
    # Every row once, in order, numbered as it was.
    assert [(b.line, b.last_line) for b in blocks] == [
        (b.line, b.line + b.batch.num_rows - 1) for b in blocks]
    assert [b.line for b in blocks][0] == 1 and blocks[-1].last_line == len(texts)
    assert all(a.last_line + 1 == b.line for a, b in zip(blocks, blocks[1:]))
    assert expand(blocks) == list(read_parquet(path, ReadOptions()))


def test_a_block_pickles_with_its_own_rows_only(tmp_path):
    """Pickle sends all of the buffers a slice of a batch points into: a block goes as Arrow's
    IPC form of its own rows."""
    path = _dump(tmp_path / "in.parquet", [_giant(2), _giant(2), ARTICLE])
    blocks = list(read_parquet(path, DEFERRED))
    assert len(blocks) == 3
    last = pickle.dumps(blocks[-1])
    assert len(last) < 100_000
    again = pickle.loads(last)
    assert again.batch.equals(blocks[-1].batch) and list(again.records()) == \
        list(blocks[-1].records())


def test_a_row_group_of_giant_rows_is_read_a_few_rows_at_a_time(tmp_path):
    path = _dump(tmp_path / "in.parquet", [_giant(1.5)] * 4 + [ARTICLE] * 4)
    blocks = list(read_parquet(path, DEFERRED))
    assert max(block.batch.num_rows for block in blocks) <= 4
    assert expand(blocks) == list(read_parquet(path, ReadOptions()))


def test_items_are_the_same_with_blocks_and_row_by_row(tmp_path):
    texts = [ARTICLE * (1 + i % 50) for i in range(700)]
    texts[5], texts[400] = None, "  "
    path = _dump(tmp_path / "in.parquet", texts, row_group_size=300)
    here = list(read_parquet(path, ReadOptions()))
    assert expand(list(read_parquet(path, DEFERRED))) == here
    assert [item.line for item in here] == list(range(1, 701))
    assert [(r.line, r.reason) for r in here if isinstance(r, Reject)] == [
        (6, "no 'text' value"), (401, "empty document")]


def _rejects(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_an_over_limit_row_is_rejected_in_the_words_and_with_the_raw_start_of_jsonl(tmp_path):
    giant = _giant(1.2)
    page = "<!DOCTYPE html><html><body><p>" + giant + "</p></body></html>"
    ids, rows = ["a", "big", "page", "d"], [ARTICLE, giant, page, ARTICLE]
    pq_path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ids, "text": rows}), pq_path)
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, rows)))
    record_reason = "record longer than 1000000 bytes; raise --max-record-bytes to read it"
    page_reason = "HTML page larger than 1000000 bytes; raise --max-html-bytes to read it"
    # (A JSONL line is measured whole: its page is over a record limit of 1 MB as well.)
    for limits, expected in (((1_000_000, 1_000_000), [(2, "big", record_reason),
                                                       (3, "page", page_reason)]),
                             ((3_000_000, 1_000_000), [(3, "page", page_reason)])):
        given = ["--max-record-bytes", str(limits[0]), "--max-html-bytes", str(limits[1])]
        found = {}
        for source, workers in ((pq_path, "1"), (pq_path, "2"), (jsonl, "1")):
            out = tmp_path / f"{source.suffix[1:]}{workers}-{limits[0]}.jsonl"
            assert main(["clean", str(source), "-o", str(out), "-q", "--workers", workers,
                         *given]) == 0
            found[(source.suffix, workers)] = _rejects(tmp_path / f"{out.name}.rejects.jsonl")
        for key in ((".parquet", "1"), (".parquet", "2")):
            rejects = found[key]
            assert [(r["line"], r.get("id"), r["reason"]) for r in rejects] == expected
            for reject in rejects:
                text = giant if reject["id"] == "big" else page
                assert reject["raw"] == text.encode()[:MAX_REJECT_RAW].decode()
        # JSONL's own reject of the same record: the same reason, so a run over both counts
        # one.
        assert found[(".jsonl", "1")][0]["reason"] == expected[0][2]


def test_an_over_limit_row_is_rejected_without_its_text_made_a_python_string(tmp_path):
    import tracemalloc

    path = _dump(tmp_path / "in.parquet", [ARTICLE, _giant(6), ARTICLE])
    tracemalloc.start()
    try:
        found = list(read_parquet(path, replace(DEFERRED, max_record_bytes=1 << 20)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(part).__name__ for part in found] == ["ParquetBlock", "Reject", "ParquetBlock"]
    assert found[1].line == 2 and found[1].id == "r1"
    assert len(found[1].raw.encode()) == MAX_REJECT_RAW
    assert peak < 4 << 20          # the 1 MB start, not the 6 MB text (as str: 6 MB or more)


def test_a_binary_text_column_is_measured_and_split_too(tmp_path):
    texts = [ARTICLE.encode() * 30, _giant(1.5).encode(), b"\xff bad", None]
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c", "d"],
                             "text": pa.array(texts, pa.binary())}), path)
    blocks = list(read_parquet(path, DEFERRED))
    assert [b.batch.num_rows for b in blocks] == [1, 1, 2]
    items = expand(blocks)
    assert items == list(read_parquet(path, ReadOptions()))
    assert [type(i) for i in items] == [Item, Item, Reject, Reject]


def test_parquet_output_keeps_no_statistics_of_texts_and_the_records_read_back(tmp_path):
    from cleaner.parquet_io import read_records

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE * 30,
                                          "url": f"https://www.kompas.com/read/{i}"}) + "\n"
                              for i in range(3)), encoding="utf-8")
    out = tmp_path / "out.parquet"
    assert main(["clean", str(source), "-o", str(out), "-q", "--workers", "1"]) == 0
    meta = pq.ParquetFile(out).metadata.row_group(0)
    stats = {meta.column(i).path_in_schema: meta.column(i).is_stats_set
             for i in range(meta.num_columns)}
    assert stats["id"] and stats["meta.site"] and stats["removed.list.element.rule"]
    assert not stats["text"] and not stats["removed.list.element.text"] and not stats["extra"]
    lines = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(lines), "-q", "--workers", "1"]) == 0
    assert read_records(out) == [json.loads(line) for line in lines.read_text().splitlines()]


# -- after review (issue #6): dictionary columns, repeated giant texts, the smaller limit --------

def _dictionary_batch(rows: int = 3):
    sites = pa.array(["a", "b", "a"] * (rows // 3)).dictionary_encode()
    tags = pa.array([["x", "y"], ["z"], []] * (rows // 3),
                    pa.list_(pa.dictionary(pa.int32(), pa.string())))
    return pa.record_batch({"text": pa.array([ARTICLE] * rows), "site": sites, "tags": tags})


def test_a_block_with_dictionary_columns_pickles():
    """pandas' `category` columns come back from Parquet as dictionary columns: a block of them
    went to a worker as data Arrow could not read back (every block of a 2-worker run failed)."""
    batch = _dictionary_batch()
    block = ParquetBlock("s", 1, batch, DEFERRED, 3)
    again = pickle.loads(pickle.dumps(block))
    assert again.batch.equals(batch) and list(again.records()) == list(block.records())
    part = ParquetBlock("s", 2, batch.slice(1, 1), DEFERRED, 2)
    assert pickle.loads(pickle.dumps(part)).batch.to_pylist() == [
        {"text": ARTICLE, "site": "b", "tags": ["z"]}]


def test_a_slice_pickles_with_its_own_rows_only_beside_giant_neighbours():
    batch = pa.record_batch({"text": pa.array([_giant(4), ARTICLE])})
    assert len(pickle.dumps(ParquetBlock("s", 2, batch.slice(1, 1), DEFERRED, 2))) < 10_000


def test_dictionary_columns_clean_the_same_with_two_workers(tmp_path, capsys):
    path = tmp_path / "in.parquet"
    texts = [ARTICLE * (1 + i % 7) + f" nomor {i}." for i in range(40)]
    pq.write_table(pa.table({"id": [f"d{i}" for i in range(40)],
                             "text": pa.array(texts).dictionary_encode(),
                             "site": pa.array(["a.com", "b.com"] * 20).dictionary_encode()}), path)
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        assert main(["clean", str(path), "-o", str(out), "-q", "--workers", workers]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") == 40
    err = capsys.readouterr().err
    assert "died" not in err and "Error" not in err


def test_a_dictionary_encoded_chunk_of_one_repeated_giant_text_is_read_a_few_rows_at_a_time(
        tmp_path):
    """Parquet keeps a repeated text once in the chunk's dictionary: its size in the metadata
    is that of one copy, and 256 rows of one 1.4 MB text were decoded at once (360 MB)."""
    from cleaner.parquet_io import _read_rows

    path = _dump(tmp_path / "in.parquet", [_giant(1.2)] * 40)
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.row_group(0).column(1).total_uncompressed_size < 2 << 20
    assert _read_rows(parquet, path, 0, "text") == 2     # (2 MB besides the largest row)
    blocks = list(read_parquet(path, DEFERRED))
    assert [b.batch.num_rows for b in blocks] == [1] * 40
    assert expand(blocks) == list(read_parquet(path, ReadOptions()))
    # Distinct texts dictionary-encoded read as many rows at once as ever.
    small = _dump(tmp_path / "small.parquet", [ARTICLE + str(i) for i in range(600)])
    assert _read_rows(pq.ParquetFile(small), small, 0, "text") == 256


def test_a_dictionary_typed_text_column_is_measured_decoded(tmp_path):
    """A dictionary text column (a `category` in pandas) has no byte lengths of its own: its
    rows over a limit went through in one block, unmeasured."""
    page = "<html><body><p>" + "é" * 40_000 + "</p></body></html>"
    texts = ["x" * 120_000, page, ARTICLE, "y" * 1_500_000, ARTICLE]
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": list("abcde"), "text": pa.array(texts).dictionary_encode()}),
                   path)
    options = replace(DEFERRED, max_record_bytes=100_000, max_html_bytes=50_000)
    found = list(read_parquet(path, options))
    assert [(type(p).__name__, p.line) for p in found] == [
        ("Reject", 1), ("Reject", 2), ("ParquetBlock", 3), ("Reject", 4), ("ParquetBlock", 5)]
    assert [p.reason for p in found if isinstance(p, Reject)] == [
        "record longer than 100000 bytes; raise --max-record-bytes to read it",
        "HTML page larger than 50000 bytes; raise --max-html-bytes to read it",
        "record longer than 100000 bytes; raise --max-record-bytes to read it"]
    assert found[1].raw == page and found[3].raw == "y" * MAX_REJECT_RAW
    wide = replace(DEFERRED, max_record_bytes=10 << 20)
    blocks = list(read_parquet(path, wide))
    assert [(b.line, b.last_line) for b in blocks] == [(1, 3), (4, 4), (5, 5)]
    assert expand(blocks) == list(read_parquet(path, replace(ReadOptions(),
                                                             max_record_bytes=10 << 20)))


def test_rows_over_the_smaller_limit_but_within_their_own_share_blocks(tmp_path):
    """A run with --max-html-bytes below its texts' size looked at each of them alone (a text
    is held to the page limit only if it is a page) and sent each in a block of its own."""
    path = _dump(tmp_path / "in.parquet", [ARTICLE * 50] * 300)
    options = replace(DEFERRED, max_html_bytes=3000)
    blocks = list(read_parquet(path, options))
    assert all(isinstance(b, ParquetBlock) for b in blocks) and len(blocks) <= 2
    assert expand(blocks) == list(read_parquet(path, replace(ReadOptions(), max_html_bytes=3000)))
