"""What a parallel run holds besides the documents it cleans (issue #6, memory): its workers are
forked before it reads (forked at its first batch, each began as a copy of what the main process
held after reading it: a Parquet row group's buffers, 90 MB for giant rows); a run reading
Parquet imports pyarrow before forking them, so they share it; a row group of giant rows is read
a row at a time without measuring it first; a worker lets a block's bytes go before it cleans
the block's records."""

from __future__ import annotations

import pickle
import sys
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cleaner.executors as executors
import cleaner.run as run_module
from cleaner.cli import main
from cleaner.executors import PoolExecutor
from cleaner.inputs import Item, ReadOptions
from cleaner.parquet_io import ParquetBlock, read_parquet
from cleaner.pipeline import Cleaner

ARTICLE = ("Jakarta - Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota "
           "yang akan dibuka untuk warga pada akhir tahun ini. ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_the_pool_forks_its_workers_as_it_starts_not_at_its_first_batch():
    executor = PoolExecutor(Cleaner, 2)
    try:
        processes = executor._pool._processes       # (ProcessPoolExecutor's own record)
        assert len(processes) == 2
        assert all(process.is_alive() for process in processes.values())
        item = Item("in.jsonl", 1, ARTICLE, {"id": "a"}, len(ARTICLE))
        results = list(executor.map([[item]]))
        assert len(results) == 1 and len(results[0].outcomes) == 1
    finally:
        executor.close()


def _order_of_start(monkeypatch, tmp_path, name: str, workers: str) -> list[str]:
    """What happens, in order, before a run's executor is made: pyarrow imported, executor."""
    events: list[str] = []
    made = run_module.make_executor
    monkeypatch.setattr(run_module, "import_arrow", lambda: events.append("arrow"))
    monkeypatch.setattr(run_module, "make_executor",
                        lambda *args, **kwargs: events.append("executor") or made(*args, **kwargs))
    path = tmp_path / name
    if name.endswith(".parquet"):
        pq.write_table(pa.table({"id": ["a", "b"], "text": [ARTICLE, ARTICLE + "Lagi."]}), path)
    else:
        path.write_text('{"id": "a", "text": "%s"}\n' % ARTICLE, encoding="utf-8")
    out = tmp_path / f"{name}.{workers}.out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", "--workers", workers]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == (2 if name.endswith(".parquet") else 1)
    return events


def test_a_parallel_run_reading_parquet_imports_pyarrow_before_its_workers_start(
        monkeypatch, tmp_path):
    assert _order_of_start(monkeypatch, tmp_path, "in.parquet", "2") == ["arrow", "executor"]


@pytest.mark.parametrize("name, workers", [("in.jsonl", "2"), ("in.parquet", "1")])
def test_a_run_with_no_parquet_or_no_workers_does_not_import_pyarrow_first(
        monkeypatch, tmp_path, name, workers):
    assert _order_of_start(monkeypatch, tmp_path, name, workers) == ["executor"]


def test_a_row_group_of_giant_rows_is_read_a_row_at_a_time_unmeasured(tmp_path, monkeypatch):
    """Measuring a dictionary chunk decodes 32 rows at once: for rows read one at a time
    anyway it only cost memory (the main process's peak, 47 MB above reading them)."""
    import cleaner.parquet_io as parquet_io

    giant = ARTICLE * ((3 << 20) // len(ARTICLE))       # 3 MB, distinct below
    path = tmp_path / "giant.parquet"
    pq.write_table(pa.table({"id": list("abcd"), "text": [giant + c for c in "abcd"]}), path)
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.row_group(0).column(1).has_dictionary_page
    measured = []
    real = parquet_io._dictionary_rows
    monkeypatch.setattr(parquet_io, "_dictionary_rows",
                        lambda *args: measured.append(args[2:]) or real(*args))
    assert parquet_io._read_rows(parquet, path, 0, "text") == 1 and measured == []
    # A chunk of smaller rows with a dictionary page is measured still.
    small = tmp_path / "small.parquet"
    pq.write_table(pa.table({"text": [ARTICLE * 100] * 600}), small)
    assert parquet_io._read_rows(pq.ParquetFile(small), small, 0, "text") > 1
    assert [args[:2] for args in measured] == [(0, "text")]


def test_a_worker_replaces_a_block_by_its_records_before_it_cleans_them(monkeypatch, tmp_path):
    """The pool holds a task's batch until its result is sent: a block left in it kept its
    bytes (a Parquet block's Arrow rows, 8 MB for a giant row) beside its records while they
    were cleaned."""
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "text": [ARTICLE, ARTICLE + "Lagi."]}), path)
    [block] = list(read_parquet(path, replace(ReadOptions(), defer_parse=True)))
    assert isinstance(block, ParquetBlock)
    batch = [pickle.loads(pickle.dumps(block))]         # as a worker receives it
    monkeypatch.setattr(executors, "_WORKER_CLEANER", Cleaner())
    monkeypatch.setattr(executors, "_WORKER_ENCODE", None)
    monkeypatch.setattr(executors, "_WORKER_CONTEXT", False)
    result = executors._work(batch)
    assert [type(item).__name__ for item in batch] == ["Item", "Item"]
    assert [outcome[0] for outcome in result.outcomes] == ["record", "record"]
