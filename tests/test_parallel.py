"""Parallel runs: N workers give exactly the records of one, in input order; a dying worker is survived."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.batches import batched
from cleaner.executors import LocalExecutor, PoolExecutor
from cleaner.inputs import Item, Reject
from scale_helpers import fake_factory, pooled_outcomes, read_jsonl, real_docs, write_jsonl


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel")
    return write_jsonl(folder / "in.jsonl", real_docs(160), bad_lines={7: b"[1, 2]", 90: b"42"})


def test_two_workers_write_what_one_writes_in_input_order(dump, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["clean", str(dump), "-o", str(one), "-q", "--workers", "1"]) == 0
    assert main(["clean", str(dump), "-o", str(two), "-q", "--workers", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    records = read_jsonl(two)
    assert [r["id"][:5] for r in records] == [f"{i:05d}" for i in range(160)]
    assert (tmp_path / "one.jsonl.rejects.jsonl").read_bytes() == \
        (tmp_path / "two.jsonl.rejects.jsonl").read_bytes()


def test_stats_count_rules_sites_words_and_stages(dump, tmp_path):
    stats = tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "o.jsonl"), "-q", "--workers", "2",
                 "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert (figures["documents_read"], figures["written"], figures["rejected"]) == (162, 160, 2)
    assert figures["bytes"] > 100_000
    assert set(figures["stage_seconds"]) >= {"read", "clean", "serialize", "write",
                                              "clean.normalize", "clean.rules"}
    site = figures["sites"]["antaranews.com"]
    assert site["documents"] > 0 and site["hits"] > 0 and site["words_removed"] > 0
    rule = next(iter(figures["rules"].values()))
    assert set(rule) == {"hits", "chars", "words"}


def _items(texts):
    return [Item("in.jsonl", n, text, {"id": str(n)}, len(text)) for n, text in
            enumerate(texts, start=1)]


def test_pool_keeps_order_and_matches_the_local_executor():
    items = _items([f"dokumen {i}" for i in range(500)]) + [Reject("in.jsonl", 501, "bad")]
    local = [o for r in LocalExecutor(fake_factory).map(batched(items, 7)) for o in r.outcomes]
    pooled = pooled_outcomes(items, 7)
    assert pooled == local
    assert [o[0] for o in pooled] == ["record"] * 500 + ["reject"]


def test_a_worker_that_dies_costs_one_document_not_the_run():
    texts = [f"dokumen {i}" for i in range(60)]
    texts[23] = "dokumen KILL"
    texts[41] = "dokumen BUG"
    messages: list[str] = []
    outcomes = pooled_outcomes(_items(texts), 8, warn=messages.append)
    assert len(outcomes) == 60
    kinds = [o[0] for o in outcomes]
    assert kinds.count("reject") == 2 and kinds[23] == kinds[41] == "reject"
    assert "worker process died" in outcomes[23][1]["reason"]
    assert outcomes[41][1]["reason"] == "internal error: ValueError: a bug"
    records = [json.loads(o[1]) for o in outcomes if o[0] == "record"]
    assert [r["text"] for r in records] == [t for i, t in enumerate(texts) if i not in (23, 41)]
    assert any("died while cleaning in.jsonl:17-24" in m for m in messages)
    assert any("rejected in.jsonl:24" in m for m in messages)


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def test_a_document_that_cannot_reach_a_worker_costs_that_document_not_the_run():
    # A field nested 600 deep is JSON orjson reads, but pickle overflows Python's stack on it:
    # the batch cannot be sent. (Before, the run ended there with a traceback; a .json array,
    # or any resumed run, whose records the main process parses, ended there every time.)
    items = _items([f"dokumen {i}" for i in range(30)])
    items[12].fields["deep"] = _nested(600)
    outcomes = pooled_outcomes(items, 8)
    assert [o[0] for o in outcomes] == ["record"] * 12 + ["reject"] + ["record"] * 17
    assert "cannot send this document to a worker process: RecursionError" in \
        outcomes[12][1]["reason"]
    assert outcomes[12][1]["line"] == 13


def test_a_json_array_with_a_record_nested_too_deep_is_one_reject_with_any_workers(tmp_path):
    records = [{"id": str(n), "text": f"Teks berita biasa nomor {n} yang pendek."}
               for n in range(20)]
    records[10]["d"] = _nested(600)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        assert main(["clean", str(source), "-o", str(out), "-q", "--workers", workers]) == 0
        assert [r["id"] for r in read_jsonl(out)] == [str(n) for n in range(20) if n != 10]
        rejects = read_jsonl(Path(f"{out}.rejects.jsonl"))
        assert [r["line"] for r in rejects] == [11]


def test_a_worker_death_seen_first_by_a_submit_loses_no_batch(monkeypatch):
    """A worker can die while more batches are handed out: the pool then refuses the next one.
    That batch waits and goes to the restarted pool; nothing is lost or rejected."""
    from concurrent.futures.process import BrokenProcessPool

    items = _items([f"dokumen {i}" for i in range(40)])
    pool = PoolExecutor(fake_factory, 2, warn=lambda message: None)
    real_submit, calls = pool._pool.submit, []

    def refuse_third(fn, *args):
        calls.append(1)
        if len(calls) == 3:
            raise BrokenProcessPool("a worker died")
        return real_submit(fn, *args)

    monkeypatch.setattr(pool._pool, "submit", refuse_third)
    outcomes = pooled_outcomes(items, 4, pool=pool)
    assert [json.loads(o[1])["text"] for o in outcomes] == [f"dokumen {i}" for i in range(40)]
    assert pool.restarts == 1


def test_giant_records_go_to_the_pool_one_after_another_not_all_at_once(monkeypatch):
    """Input bytes in flight stay under the pool's budget (a lone batch may pass it): a run of
    records near --max-record-bytes is not held several at a time by the main process and the
    workers. Ordinary batches fill the window as before; nothing is lost or reordered."""
    texts = [f"dokumen {i} " + "x" * (900 if i % 5 == 0 else 10) for i in range(40)]
    pool = PoolExecutor(fake_factory, 2, warn=lambda message: None, max_bytes=1000)
    real_submit, in_flight, most = pool._pool.submit, [], [0, 0]

    def counting_submit(fn, batch):
        future = real_submit(fn, batch)
        in_flight.append((future, sum(item.size for item in batch)))
        live = [(f, size) for f, size in in_flight if not f.done()]
        most[0] = max(most[0], sum(size for _, size in live))
        most[1] = max(most[1], len(live))
        return future

    monkeypatch.setattr(pool._pool, "submit", counting_submit)
    outcomes = pooled_outcomes(_items(texts), 1, pool=pool)
    assert [json.loads(o[1])["text"] for o in outcomes] == texts
    assert 900 < most[0] <= 1000 and most[1] >= 2


def test_a_worker_dying_on_a_block_of_lines_costs_one_document(tmp_path):
    """Blocks of JSONL lines are cleaned again line by line after a death, as batches of items are."""
    import io
    from dataclasses import replace

    from cleaner.inputs import ReadOptions
    from cleaner.jsonl_reader import read_jsonl_blocks

    texts = [f"dokumen {i}" for i in range(30)]
    texts[12] = "dokumen KILL"
    data = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
    options = replace(ReadOptions(), defer_parse=True)
    blocks = list(read_jsonl_blocks(io.BytesIO(data.encode()), "in.jsonl", options, 200))
    messages: list[str] = []
    outcomes = pooled_outcomes(blocks, 2, warn=messages.append)
    assert [o[0] for o in outcomes] == ["record"] * 12 + ["reject"] + ["record"] * 17
    assert outcomes[12][1]["line"] == 13 and "worker process died" in outcomes[12][1]["reason"]
    assert any("rejected in.jsonl:13" in m for m in messages)


@pytest.fixture(scope="module")
def article_folder(tmp_path_factory):
    """Articles as .txt files and a web page, with a file of every kind that must be refused."""
    import shutil

    from conftest import ROOT

    folder = tmp_path_factory.mktemp("articles")
    for i, row in enumerate(real_docs(40)):
        (folder / f"{i // 10}").mkdir(exist_ok=True)
        (folder / f"{i // 10}" / f"{i:03d}.txt").write_text(row["text"], encoding="utf-8")
    shutil.copy(ROOT / "fixtures" / "sciencealert.com" / "359fee2285.html", folder / "page.html")
    (folder / "1" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "2" / "latin1.txt").write_bytes("Berita caf\xe9 hari ini".encode("latin-1"))
    (folder / "2" / "empty.txt").write_text("  \n")
    (folder / "3" / "large.txt").write_text("kata " * 30_000)
    return folder


def test_a_folder_of_files_cleaned_by_two_workers_gives_what_one_gives(article_folder, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for out, workers in ((one, "1"), (two, "2")):
        assert main(["clean", str(article_folder), "-o", str(out), "-q", "--workers", workers,
                     "--max-record-bytes", "100000"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in read_jsonl(two)][:3] == ["page", "0/000", "0/001"]
    assert len(read_jsonl(two)) == 41
    rejects = read_jsonl(tmp_path / "two.jsonl.rejects.jsonl")
    assert rejects == read_jsonl(tmp_path / "one.jsonl.rejects.jsonl")
    reasons = {Path(r["source"]).name: r["reason"] for r in rejects}
    assert reasons["binary.txt"].startswith("binary data")
    assert reasons["latin1.txt"].startswith("invalid UTF-8")
    assert reasons["empty.txt"] == "empty document"
    assert "--max-record-bytes" in reasons["large.txt"]


def test_files_travel_to_workers_by_name_and_read_there_as_they_would_be_here(article_folder):
    from dataclasses import replace

    from cleaner.document_files import TextFile
    from cleaner.inputs import ReadOptions
    from cleaner.readers import iter_inputs

    here = list(iter_inputs([str(article_folder)]))
    named = list(iter_inputs([str(article_folder)], replace(ReadOptions(), defer_parse=True)))
    assert all(isinstance(item, TextFile) for item in named)
    assert [item.html for item in named].count(True) == 1
    assert [item.parsed() for item in named] == here
    assert [item.size for item in named] == [Path(item.source).stat().st_size for item in named]


def test_a_file_gone_before_a_worker_reads_it_is_a_reject_naming_it(tmp_path):
    from dataclasses import replace

    from cleaner.inputs import ReadOptions
    from cleaner.readers import iter_inputs

    (tmp_path / "a.txt").write_text("Isi berita.")
    [named] = iter_inputs([str(tmp_path)], replace(ReadOptions(), defer_parse=True))
    (tmp_path / "a.txt").unlink()
    reject = named.parsed()
    assert isinstance(reject, Reject) and reject.source == str(tmp_path / "a.txt")
    assert reject.reason.startswith("cannot read")


def test_a_worker_dying_on_a_file_costs_that_file_and_keeps_its_text(tmp_path):
    from dataclasses import replace

    from cleaner.inputs import ReadOptions
    from cleaner.readers import iter_inputs

    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text("dokumen KILL" if i == 5 else f"dokumen {i}")
    named = list(iter_inputs([str(tmp_path)], replace(ReadOptions(), defer_parse=True)))
    outcomes = pooled_outcomes(named, 4)
    assert [o[0] for o in outcomes] == ["record"] * 5 + ["reject"] + ["record"] * 6
    assert outcomes[5][1]["source"] == str(tmp_path / "05.txt")
    assert outcomes[5][1]["raw"] == "dokumen KILL"


def test_sites_past_the_limit_are_counted_together_the_same_with_any_workers(tmp_path,
                                                                             monkeypatch):
    from cleaner import stats as run_stats

    monkeypatch.setattr(run_stats, "MAX_SITES", 3)
    rows = [{"id": str(i), "url": f"https://site{i % 6}.example/berita/{i}",
             "text": f"Isi berita nomor {i} yang cukup panjang. (ant)"} for i in range(60)]
    dump = write_jsonl(tmp_path / "in.jsonl", rows)
    figures = {}
    for workers in ("1", "2"):
        out = tmp_path / f"stats-{workers}.json"
        assert main(["clean", str(dump), "-o", str(tmp_path / f"o{workers}.jsonl"), "-q",
                     "--workers", workers, "--stats", str(out)]) == 0
        figures[workers] = json.loads(out.read_text())["sites"]
    assert figures["1"] == figures["2"]
    sites = figures["2"]
    assert list(sites) == ["(other sites)", "site0.example", "site1.example", "site2.example"]
    assert sites["(other sites)"]["documents"] == 30
    assert sites["(other sites)"]["hits"] == 30 and sites["site0.example"]["hits"] == 10


def _worker_signals(queue) -> None:
    """In a forked child: start as a pool worker, then report how it takes signals."""
    import os
    import signal

    from cleaner import executors

    executors._init_worker(fake_factory, os.getppid())
    queue.put((signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
               signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
               os.getpgrp() != os.getpgid(os.getppid())))


def test_a_worker_leaves_ctrl_c_and_sigterm_to_the_main_process():
    # The main process stops a run on SIGINT and SIGTERM with its own handler, which a forked
    # worker inherits: a worker must instead ignore Ctrl-C, die on the SIGTERM the pool sends
    # to end it, and stand outside the run's process group, which `timeout` signals whole.
    import multiprocessing
    import signal

    context = multiprocessing.get_context("fork")
    old = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        queue = context.Queue()
        child = context.Process(target=_worker_signals, args=(queue,))
        child.start()
        answer = queue.get(timeout=60)
        child.join(timeout=60)
    finally:
        signal.signal(signal.SIGTERM, old)
    assert answer == (True, True, True)
