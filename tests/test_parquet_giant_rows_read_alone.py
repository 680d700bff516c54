"""Giant Parquet rows kept in one large dictionary page (issue #6, memory): the reader that holds
the page (as read, decompressed and decoded) is let go before the rows are given. A parallel run's
main process weighs the rows and gives them as ParquetRows, read again by the workers that clean
them; a run in one process reads each by a reader of its own. The rows, their numbers and their
rejects are those one reader gives."""

from __future__ import annotations

import os
import pickle
import random
from dataclasses import replace

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cleaner.parquet_io as parquet_io
from cleaner.inputs import Item, ReadOptions, Reject, expand
from cleaner.parquet_io import REREAD_DICTIONARY_BYTES, ParquetRow, read_parquet
from scale_helpers import output_by_workers, pooled_outcomes

DEFERRED = replace(ReadOptions(), defer_parse=True)
ROW_BYTES = 3 << 20


def _text(seed: int) -> str:
    """3 MB that snappy cannot shrink much (hex of random bytes), in lines, distinct per seed."""
    digits = random.Random(seed).randbytes(ROW_BYTES // 2).hex()
    return "\n".join(digits[start:start + 100] for start in range(0, len(digits), 101))


@pytest.fixture(scope="module")
def giant_dump(tmp_path_factory):
    """Four giant rows in one row group: pyarrow keeps them all in the dictionary page."""
    path = tmp_path_factory.mktemp("giant") / "giant.parquet"
    pq.write_table(pa.table({"id": [f"g{i}" for i in range(4)],
                             "text": [_text(i) for i in range(4)],
                             "site": ["a.example"] * 4}), path)
    column = pq.ParquetFile(path).metadata.row_group(0).column(1)
    assert column.has_dictionary_page
    assert column.data_page_offset - column.dictionary_page_offset >= REREAD_DICTIONARY_BYTES
    return path


def test_a_parallel_run_is_given_the_rows_to_read_again_and_holds_none_of_them(giant_dump):
    held = []
    parts = []
    for part in read_parquet(giant_dump, DEFERRED):
        held.append(pa.total_allocated_bytes())
        parts.append(part)
    assert [type(part) for part in parts] == [ParquetRow] * 4
    assert [(part.line, part.place) for part in parts] == [(1, 0), (2, 1), (3, 2), (4, 3)]
    # One reader for the row group held its dictionary page, decompressed and decoded (25 MB
    # here), and the row it gave.
    assert max(held) < 1 << 20, held
    # Weighed as the rows they stand for: the bytes in flight to the workers count them.
    assert all(part.size >= ROW_BYTES for part in parts)
    assert all(len(pickle.dumps(part)) < 2_000 for part in parts)


def test_a_run_in_one_process_holds_only_the_row_it_reads(giant_dump):
    held = []
    for item in read_parquet(giant_dump, ReadOptions()):
        held.append(pa.total_allocated_bytes() - item.size)
    assert len(held) == 4
    assert max(held) < 1 << 20, held            # (25 MB beside each row with one reader)


def test_rows_read_again_are_the_rows_one_reader_gives(giant_dump, monkeypatch):
    again = expand(read_parquet(giant_dump, DEFERRED))
    alone = list(read_parquet(giant_dump, ReadOptions()))
    monkeypatch.setattr(parquet_io, "REREAD_BYTES", 0)        # (one reader, as before)
    together = list(read_parquet(giant_dump, ReadOptions()))
    assert again == alone == together
    assert all(type(item) is Item for item in again)
    assert [item.line for item in again] == [1, 2, 3, 4]
    assert [item.text for item in again] == pq.read_table(giant_dump).column("text").to_pylist()


def test_a_row_group_too_costly_to_read_once_per_row_has_one_reader(giant_dump, monkeypatch):
    opened = []
    monkeypatch.setattr(parquet_io, "_row_alone", lambda *args: opened.append(args))
    monkeypatch.setattr(parquet_io, "REREAD_BYTES", 4 * ROW_BYTES)
    assert [type(part).__name__ for part in read_parquet(giant_dump, DEFERRED)] == \
        ["ParquetBlock"] * 4
    assert len(list(read_parquet(giant_dump, ReadOptions()))) == 4 and opened == []


def test_rows_of_a_small_dictionary_are_neither_referred_to_nor_read_alone(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(parquet_io, "_row_alone", lambda *args: opened.append(args))
    path = tmp_path / "small.parquet"
    article = "Jakarta - Pemerintah kota mengumumkan rencana pembangunan taman baru. " * 40_000
    pq.write_table(pa.table({"id": ["a", "b"], "text": [article, article + "Lagi."]}), path)
    assert [type(part).__name__ for part in read_parquet(path, DEFERRED)] == ["ParquetBlock"] * 2
    assert len(list(read_parquet(path, ReadOptions()))) == 2 and opened == []


@pytest.mark.parametrize("options", [DEFERRED, ReadOptions()], ids=["deferred", "in-process"])
def test_a_row_over_the_limit_is_rejected_in_its_place(giant_dump, options):
    limited = replace(options, max_record_bytes=ROW_BYTES - 1)
    parts = list(read_parquet(giant_dump, limited))
    assert [type(part).__name__ for part in parts] == ["Reject"] * 4
    assert [part.line for part in parts] == [1, 2, 3, 4]
    assert all("raise --max-record-bytes" in part.reason for part in parts)


def test_a_row_group_that_fails_on_a_later_row_rejects_the_rows_left(giant_dump, monkeypatch):
    split = parquet_io.split_batch

    def failing(batch, text_column, source, line, options):
        if line == 3:
            raise OSError("simulated damaged page")
        return split(batch, text_column, source, line, options)

    monkeypatch.setattr(parquet_io, "split_batch", failing)
    for options in (DEFERRED, ReadOptions()):
        parts = list(read_parquet(giant_dump, options))
        assert [part.line for part in parts] == [1, 2, 3]
        assert not isinstance(parts[1], Reject) and isinstance(parts[2], Reject)
        assert "rows 3 to 4 (row group 1 of 1) not read" in parts[2].reason


def test_a_row_whose_file_changed_or_went_is_rejected_where_it_is_read_again(giant_dump,
                                                                             tmp_path):
    path = tmp_path / "moving.parquet"
    path.write_bytes(giant_dump.read_bytes())
    first, second = list(read_parquet(path, DEFERRED))[:2]
    os.utime(path, ns=(0, 0))
    changed = list(first.records())
    path.unlink()
    gone = list(second.records())
    assert [(type(r).__name__, r.line) for r in changed + gone] == [("Reject", 1), ("Reject", 2)]
    assert changed[0].reason == "the file changed while the run read it"
    assert gone[0].reason.startswith("cannot read the row again: FileNotFoundError")


def test_two_workers_clean_rows_read_again_as_one_process_cleans_them(tmp_path, monkeypatch):
    """Rows of 1.5 MB, a dictionary page of 1 MB and more read again (forked workers see the
    lowered bar)."""
    monkeypatch.setattr(parquet_io, "REREAD_DICTIONARY_BYTES", 1 << 20)
    texts = [_text(seed)[:3 << 19] for seed in range(3)]
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": texts}), path)
    assert [type(p).__name__ for p in read_parquet(path, DEFERRED)] == ["ParquetRow"] * 3
    one, two = output_by_workers([str(path)], tmp_path, "out.jsonl")
    assert one == two and one.count(b"\n") == 3


def test_a_worker_that_dies_on_a_row_read_again_costs_that_row_alone(tmp_path):
    texts = [_text(seed) for seed in range(3)]
    texts[1] += "\nKILL"                                    # (FakeCleaner's worker dies on it)
    path = tmp_path / "dies.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": texts}), path)
    rows = list(read_parquet(path, DEFERRED))
    assert [type(row) for row in rows] == [ParquetRow] * 3
    outcomes = pooled_outcomes(rows, 1)
    assert [outcome[0] for outcome in outcomes] == ["record", "reject", "record"]
    assert "worker process died" in outcomes[1][1]["reason"] and outcomes[1][1]["line"] == 2
    assert [orjson.loads(outcomes[i][1])["text"] for i in (0, 2)] == [texts[0], texts[2]]
