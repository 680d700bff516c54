"""Giant Parquet rows kept in one large dictionary page (issue #6, memory): each is read by a
reader of its own, closed before the row is given, so that the main process does not hold the
page (as read, decompressed and decoded) while the workers clean the rows; the rows, their
numbers and their rejects are those one reader gives."""

from __future__ import annotations

import random
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cleaner.parquet_io as parquet_io
from cleaner.inputs import ReadOptions, Reject, expand
from cleaner.parquet_io import REREAD_DICTIONARY_BYTES, read_parquet

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


def test_the_reader_holds_no_more_than_the_row_it_gave(giant_dump):
    held = []
    for block in read_parquet(giant_dump, DEFERRED):
        held.append(pa.total_allocated_bytes() - block.batch.nbytes)
    assert len(held) == 4
    # One reader for the row group held its dictionary page, decompressed and decoded (25 MB
    # here), beside each row.
    assert max(held) < 1 << 20, held


def test_rows_read_alone_are_the_rows_one_reader_gives(giant_dump, monkeypatch):
    alone = list(read_parquet(giant_dump, DEFERRED))
    assert [(block.line, block.last_line) for block in alone] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    monkeypatch.setattr(parquet_io, "REREAD_BYTES", 0)        # (one reader, as before)
    together = list(read_parquet(giant_dump, DEFERRED))
    assert expand(alone) == expand(together)
    assert [item.text for item in expand(alone)] == \
        pq.read_table(giant_dump).column("text").to_pylist()


def test_a_row_group_too_costly_to_read_once_per_row_has_one_reader(giant_dump, monkeypatch):
    opened = []
    monkeypatch.setattr(parquet_io, "_row_alone", lambda *args: opened.append(args))
    monkeypatch.setattr(parquet_io, "REREAD_BYTES", 4 * ROW_BYTES)
    assert len(list(read_parquet(giant_dump, DEFERRED))) == 4 and opened == []


def test_rows_of_a_small_dictionary_are_not_read_alone(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(parquet_io, "_row_alone", lambda *args: opened.append(args))
    path = tmp_path / "small.parquet"
    article = "Jakarta - Pemerintah kota mengumumkan rencana pembangunan taman baru. " * 40_000
    pq.write_table(pa.table({"id": ["a", "b"], "text": [article, article + "Lagi."]}), path)
    assert [block.batch.num_rows for block in read_parquet(path, DEFERRED)] == [1, 1]
    assert opened == []


def test_a_row_over_the_limit_read_alone_is_rejected_in_its_place(giant_dump):
    options = replace(DEFERRED, max_record_bytes=ROW_BYTES - 1)
    parts = list(read_parquet(giant_dump, options))
    assert [type(part).__name__ for part in parts] == ["Reject"] * 4
    assert [part.line for part in parts] == [1, 2, 3, 4]
    assert all("raise --max-record-bytes" in part.reason for part in parts)


def test_a_row_group_that_fails_on_a_later_row_rejects_the_rows_left(giant_dump, monkeypatch):
    read = parquet_io._row_alone

    def failing(path, group, index):
        if index == 2:
            raise OSError("simulated damaged page")
        return read(path, group, index)

    monkeypatch.setattr(parquet_io, "_row_alone", failing)
    parts = list(read_parquet(giant_dump, DEFERRED))
    assert [part.line for part in parts[:2]] == [1, 2]
    assert isinstance(parts[2], Reject) and parts[2].line == 3
    assert "rows 3 to 4 (row group 0) not read" in parts[2].reason
