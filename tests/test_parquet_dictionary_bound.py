"""How many rows of a dictionary-encoded Parquet text chunk are read at once (issue #6): bounded by
the longest text of the chunk's dictionary, read with its first row, where the text column was
decoded a second time to measure it (0.4 s of the main process's CPU per 92 MB of text)."""

from __future__ import annotations

import random
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq

import cleaner.parquet_io as parquet_io
from cleaner.inputs import ReadOptions, expand
from cleaner.parquet_io import BLOCK_BYTES, READ_MEASURE_ROWS, read_parquet

WORDS = ("pemerintah kota mengumumkan rencana pembangunan taman baru di pusat yang akan dibuka "
         "untuk warga pada akhir tahun ini").split()


def _article(number: int, words: int = 300) -> str:
    rng = random.Random(number)
    return f"Berita {number}. " + " ".join(rng.choice(WORDS) for _ in range(words))


def _dump(path, texts):
    pq.write_table(pa.table({"id": [f"r{i}" for i in range(len(texts))], "text": texts}), path)
    return path


def _measures(monkeypatch, parquet) -> list:
    """The text column's reads of READ_MEASURE_ROWS rows the parquet file is asked for."""
    asked: list = []
    real = parquet.iter_batches

    def spy(*args, **kwargs):
        if kwargs.get("batch_size") == READ_MEASURE_ROWS:
            asked.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(parquet, "iter_batches", spy)
    return asked


def test_the_longest_text_of_the_dictionary_is_read_with_the_chunks_first_row(tmp_path):
    texts = [_article(i, 20) for i in range(600)]
    texts[500] = "panjang " * 40_000                 # deep in the dictionary, far from row 1
    path = _dump(tmp_path / "in.parquet", texts)
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.row_group(0).column(1).has_dictionary_page
    assert parquet_io._longest_in_dictionary(parquet, path, 0, "text") == 320_000


def test_a_chunk_of_articles_is_read_at_its_dictionarys_bound_without_measuring_it(
        tmp_path, monkeypatch):
    texts = [_article(i) for i in range(400)]
    texts[7] = _article(7, 6_000)                    # the dictionary's longest, about 45 KB
    path = _dump(tmp_path / "in.parquet", texts)
    parquet = pq.ParquetFile(path)
    asked = _measures(monkeypatch, parquet)
    longest = len(texts[7].encode())
    rows = parquet_io._read_rows(parquet, path, 0, "text")
    assert rows == (BLOCK_BYTES + longest) // longest and READ_MEASURE_ROWS <= rows < 256
    assert asked == []


def test_a_dictionary_holding_a_long_text_has_the_column_measured_instead(tmp_path, monkeypatch):
    """A bound below READ_MEASURE_ROWS rows would read slower than measuring does: the long
    text once in the dictionary, the rows are read as many at once as ever."""
    texts = [_article(i, 20) for i in range(600)]
    texts[3] = "panjang " * 40_000
    path = _dump(tmp_path / "in.parquet", texts)
    parquet = pq.ParquetFile(path)
    asked = _measures(monkeypatch, parquet)
    assert parquet_io._read_rows(parquet, path, 0, "text") == 256
    assert len(asked) == 1 and asked[0]["columns"] == ["text"]


def test_no_batch_read_at_the_bound_holds_more_than_block_bytes_besides_its_largest_text(
        tmp_path):
    """The guarantee measuring gave, kept by the bound: texts of the dictionary repeated in
    runs, of sizes up to 40 KB."""
    rng = random.Random(6)
    distinct = [_article(i, rng.choice((50, 300, 1_000, 5_000))) for i in range(120)]
    texts = [distinct[min(int(rng.expovariate(0.05)), 119)] for _ in range(3_000)]
    path = _dump(tmp_path / "in.parquet", texts)
    parquet = pq.ParquetFile(path)
    rows = parquet_io._read_rows(parquet, path, 0, "text")
    assert rows >= READ_MEASURE_ROWS
    largest = max(len(text.encode()) for text in texts)
    batches = parquet.iter_batches(batch_size=rows, row_groups=[0], columns=["text"])
    assert max(sum(len(t.encode()) for t in batch.column(0).to_pylist())
               for batch in batches) <= BLOCK_BYTES + largest


def test_a_chunk_without_a_dictionary_page_has_no_longest_text(tmp_path):
    path = tmp_path / "plain.parquet"
    pq.write_table(pa.table({"text": [_article(i) for i in range(300)]}), path,
                   use_dictionary=False)
    parquet = pq.ParquetFile(path)
    assert parquet_io._longest_in_dictionary(parquet, path, 0, "text") is None


def test_the_items_are_the_same_bounded_as_measured(tmp_path, monkeypatch):
    texts = [_article(i) for i in range(700)]
    path = _dump(tmp_path / "in.parquet", texts)
    deferred = replace(ReadOptions(), defer_parse=True)
    bounded = expand(read_parquet(path, deferred))
    # (a dictionary that cannot be told: measured)
    monkeypatch.setattr(parquet_io, "_longest_in_dictionary", lambda *args: None)
    assert bounded == expand(read_parquet(path, deferred)) == list(read_parquet(path,
                                                                                ReadOptions()))
    assert [item.line for item in bounded] == list(range(1, 701))
