"""Worker deaths: spread over a run they never end it; a pool that dies on everything gives up,
keeping what was cleaned before, and a sharded run then says how to resume."""

from __future__ import annotations

import json
import os

import pytest

from cleaner import batches
from cleaner.batches import batched
from cleaner.cli import main
from cleaner.executors import PoolExecutor, WorkerDied
from cleaner.inputs import Item
from scale_helpers import fake_factory, real_docs, shard_records, write_jsonl


def _items(texts):
    return [Item("in.jsonl", n, text, {"id": str(n)}, len(text)) for n, text in
            enumerate(texts, start=1)]


def _pool(max_restarts: int) -> PoolExecutor:
    return PoolExecutor(fake_factory, 2, warn=lambda message: None, max_restarts=max_restarts)


def test_deaths_spread_over_a_run_never_end_it():
    # 12 documents that kill their worker, one every 10: four times the pool's budget of deaths
    # in a row. Counted over the whole run, the 4th death ended it.
    texts = [f"dokumen {i}" + (" KILL" if i % 10 == 5 else "") for i in range(120)]
    pool = _pool(max_restarts=3)
    try:
        outcomes = [o for result in pool.map(batched(_items(texts), 8)) for o in result.outcomes]
    finally:
        pool.close()
    assert [o[0] for o in outcomes] == ["reject" if i % 10 == 5 else "record"
                                        for i in range(120)]
    assert all("worker process died" in o[1]["reason"] for o in outcomes if o[0] == "reject")


def test_a_pool_that_dies_on_everything_still_gives_up():
    pool = _pool(max_restarts=3)
    try:
        with pytest.raises(WorkerDied, match="giving up"):
            for _ in pool.map(batched(_items([f"KILL {i}" for i in range(40)]), 8)):
                pass
    finally:
        pool.close()


def test_what_was_cleaned_before_the_pool_gave_up_is_handed_on():
    # One batch: its first 5 documents are cleaned one by one after the batch killed its worker,
    # then every document kills. The 5 records come out before the run gives up; the documents
    # it died on past them are not rejected (a resume cleans them again).
    texts = [f"dokumen {i}" for i in range(5)] + [f"KILL {i}" for i in range(5, 20)]
    pool = _pool(max_restarts=3)
    results = []
    try:
        with pytest.raises(WorkerDied):
            for result in pool.map(batched(_items(texts), 20)):
                results.append(result)
    finally:
        pool.close()
    outcomes = [o for result in results for o in result.outcomes]
    assert [json.loads(o[1])["text"] for o in outcomes] == texts[:5]


def _dying_after(count: int):
    """clean_items that ends its worker process on any document past the first `count` (the
    ids of real_docs number them): a pool that dies on everything from there on."""
    real = batches.clean_items

    def clean_items(cleaner, items, texts=None):
        if any(int(item.fields["id"][:5]) >= count for item in items):
            os._exit(9)
        return real(cleaner, items, texts)
    return clean_items


def test_a_sharded_run_the_workers_give_up_on_keeps_what_it_cleaned_and_says_how_to_resume(
        tmp_path, monkeypatch, capsys):
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(200))
    out = tmp_path / "out"
    args = ["clean", str(dump), "-o", str(out), "--shard-size", "50", "--workers", "2", "-q"]
    # (the workers are forked from this process: they clean with the patched function)
    monkeypatch.setattr(batches, "clean_items", _dying_after(120))
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "giving up" in err and "continue with: " in err and "--resume" in err
    assert "3 shards (120 records, 120 input documents) are complete and kept" in err
    assert [r["id"][:5] for r in shard_records(out)] == [f"{i:05d}" for i in range(120)]
    assert not (out / "_rejects.jsonl").exists()         # no document is blamed for the deaths
    monkeypatch.undo()
    assert main([*args, "--resume"]) == 0
    assert [r["id"][:5] for r in shard_records(out)] == [f"{i:05d}" for i in range(200)]


def test_a_run_in_one_process_never_imports_the_process_pool(tmp_path):
    # The pool's module and multiprocessing cost every start of a process 8 ms: a run that
    # cleans in its own process does without them.
    import subprocess
    import sys

    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Judul Berita\\n\\nIsi berita ini panjang."}\n',
                      encoding="utf-8")
    code = ("import sys\nfrom cleaner.cli import main\n"
            f"status = main(['clean', {str(source)!r}, '-o', {str(tmp_path / 'out.jsonl')!r}, "
            "'-q', '--workers', '1'])\n"
            "print(status, [m for m in ('multiprocessing', 'concurrent.futures.process') "
            "if m in sys.modules])")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert shown.stdout.split("\n")[-2] == "0 []"
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


def _dying_on(number: int):
    """clean_items that ends its worker process on the document whose id is `number`, each
    time it is cleaned (the pool's one-by-one pass then rejects it)."""
    real = batches.clean_items

    def clean_items(cleaner, items, texts=None):
        if any(int(item.fields["id"][:5]) == number for item in items):
            os._exit(9)
        return real(cleaner, items, texts)
    return clean_items


def test_a_run_says_once_which_document_a_worker_died_on(tmp_path, monkeypatch, capsys):
    # The pool said the reject, and the run said it again as it wrote it: each line came twice.
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(40))
    monkeypatch.setattr(batches, "clean_items", _dying_on(17))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--workers", "2"]) == 0
    err = capsys.readouterr().err
    said = [line for line in err.splitlines()
            if "rejected" in line and "worker process died" in line]
    assert len(said) == 1 and "in.jsonl:18" in said[0]
