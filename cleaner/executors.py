"""Where documents are cleaned: in this process, in a local pool of worker processes, or on Ray.

Every executor takes batches of input items (Items and Rejects, in input order; RawRecords,
RawBlocks and FileBlocks of JSONL lines not parsed yet; TextFiles not read yet) and gives back,
batch by batch and in the same order, one outcome per document:

    ("record", json_line: bytes, size: int)
    ("reject", reject: dict)

A worker builds its Cleaner once (from a picklable factory) and sends back serialized records
(and, for Parquet output, their Arrow rows: BatchResult.encoded), so the main process only
reads, orders and writes. Memory stays flat: only a few batches per worker are in flight at any
time.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

import orjson

from cleaner.cli_common import document_args
from cleaner.cores import usable_cores
from cleaner.document_files import TextFile
from cleaner.inputs import Item, Reject, expand
from cleaner.jsonl_reader import RawRecord
from cleaner.pipeline import CLEAN_CHUNK
from cleaner.stats import RunStats

# A batch holds at most this many items or this many bytes of input, whichever comes first.
BATCH_ITEMS = 128
BATCH_BYTES = 2 << 20
# Batches in flight per worker: enough to keep every worker busy, few enough to keep memory flat.
BATCHES_PER_WORKER = 3

Outcome = tuple


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    seconds: dict[str, float] = field(default_factory=dict)   # CPU time per stage in the worker
    # The batch's records already counted where they were cleaned, so that the main process
    # adds one tally a batch; None when outcomes were dropped or joined (count them one by one).
    tally: RunStats | None = None
    # The batch's records as the output stores them (Parquet rows: parquet_io.encode_records),
    # made where they were cleaned; None when the output takes lines, or outcomes were dropped
    # or joined (the main process then encodes the lines).
    encoded: bytes | None = None


def batched(items: Iterable[Item | RawRecord | Reject], max_items: int = BATCH_ITEMS,
            max_bytes: int = BATCH_BYTES) -> Iterator[list[Item | RawRecord | Reject]]:
    """Items grouped into batches, in order."""
    batch: list[Item | RawRecord | Reject] = []
    size = 0
    for item in items:
        batch.append(item)
        size += getattr(item, "size", 0)
        if len(batch) >= max_items or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def clean_item(cleaner, item: Item) -> dict[str, Any]:
    """The record for one input item (HTML items go through Cleaner.clean_html when present)."""
    if getattr(item, "kind", "text") == "html" and hasattr(cleaner, "clean_html"):
        return cleaner.clean_html(item.text, **document_args(item))
    return cleaner.clean(item.text, **document_args(item))


def clean_items(cleaner, items: list[Item]) -> list[dict[str, Any] | Exception]:
    """Per input item, its record, or the exception its cleaning raised.

    Text items are cleaned together (Cleaner.clean_documents, where the cleaner has it), which
    gives the records of cleaning them one by one in less time. If that raises, each is cleaned
    alone again, so that only the item that raises is lost.
    """
    results: list[dict[str, Any] | Exception | None] = [None] * len(items)
    together = [index for index, item in enumerate(items) if item.kind == "text"]
    if len(together) > 1 and hasattr(cleaner, "clean_documents"):
        try:
            docs = cleaner.clean_documents([cleaner.make_document(items[index].text,
                                                                  **document_args(items[index]))
                                            for index in together])
            for index, doc in zip(together, docs):
                results[index] = doc.to_record()
        except Exception:  # found again below, item by item
            results = [None] * len(items)
    out: list[dict[str, Any] | Exception] = []
    for item, result in zip(items, results):
        if result is None:
            try:
                result = clean_item(cleaner, item)
            except Exception as exc:  # a bug must not end a run of millions: reject, go on
                result = exc
        out.append(result)
    return out


def internal_error(item: Item, exc: BaseException) -> Reject:
    """The Reject for a document whose cleaning or writing raised: bad input where the
    exception says so, else a bug, named as one."""
    from cleaner.html_extract import PageError      # imported only when HTML is read

    if isinstance(exc, PageError):      # a web page with no article: bad input, not a bug
        return Reject(item.source, item.line, str(exc), item.text[:4096])
    if isinstance(exc, orjson.JSONEncodeError):     # an input field JSON cannot hold
        return Reject(item.source, item.line, f"cannot write the record as JSON: {exc}",
                      item.text[:1 << 20])
    return Reject(item.source, item.line, f"internal error: {type(exc).__name__}: {exc}",
                  item.text[:1 << 20])


def process_batch(cleaner, batch: list[Item | Reject],
                  encode: Callable[[list[dict]], bytes] | None = None) -> BatchResult:
    """Clean a batch; a document that makes the cleaner fail becomes a Reject, the batch goes on.

    `encode`: what turns the batch's records into the output's own form (BatchResult.encoded).
    """
    outcomes: list[Outcome] = []
    records: list[dict[str, Any]] = []
    tally = RunStats(max_sites=None)        # the run's own RunStats applies the limit
    timings = getattr(cleaner, "timings", None)
    before = dict(timings) if timings is not None else {}
    clean_time = dump_time = 0.0
    items = [item.parsed() if isinstance(item, (RawRecord, TextFile)) else item
             for item in expand(batch)]
    # Chunks as Cleaner.clean_documents takes them: a document that raises costs its chunk a
    # second pass one by one, not the whole batch.
    for start in range(0, len(items), CLEAN_CHUNK):
        chunk = items[start:start + CLEAN_CHUNK]
        t0 = time.perf_counter()
        results = iter(clean_items(cleaner, [item for item in chunk
                                             if not isinstance(item, Reject)]))
        t1 = time.perf_counter()
        clean_time += t1 - t0
        for item in chunk:
            if isinstance(item, Reject):
                outcomes.append(("reject", item.as_dict()))
                continue
            result = next(results)
            line = b""
            if not isinstance(result, Exception):
                try:
                    # The newline is added here, not by orjson (OPT_APPEND_NEWLINE): the
                    # copy lets go of orjson's 32 KB buffer behind a 2.5 KB line, which a
                    # batch's lines would otherwise keep until written (+40 MB at the peak
                    # of a 2-worker run, measured).
                    line = orjson.dumps(result, option=orjson.OPT_NON_STR_KEYS) + b"\n"
                except Exception as exc:
                    result = exc
            if isinstance(result, Exception):
                outcomes.append(("reject", internal_error(item, result).as_dict()))
                continue
            tally.add_record(result, item.size)
            outcomes.append(("record", line, item.size))
            if encode is not None:
                records.append(result)
        dump_time += time.perf_counter() - t1
    encoded = None
    if encode is not None and records:
        t1 = time.perf_counter()
        try:
            encoded = encode(records)
        except Exception:      # the lines are encoded where they are written, as without workers
            encoded = None
        dump_time += time.perf_counter() - t1
    seconds = {"clean": clean_time, "serialize": dump_time}
    if timings is not None:
        seconds.update({f"clean.{k}": v - before.get(k, 0.0) for k, v in timings.items()})
    return BatchResult(outcomes, seconds, tally, encoded)


class LocalExecutor:
    """Cleans in this process: the simplest executor, and the reference for the others."""

    name = "local"

    def __init__(self, factory: Callable[[], Any], encode: Callable | None = None):
        self.cleaner = factory()
        self.encode = encode
        self.workers = 1

    def map(self, batches: Iterable[list]) -> Iterator[BatchResult]:
        for batch in batches:
            yield process_batch(self.cleaner, batch, self.encode)

    def close(self, cancel: bool = False) -> None:
        pass


# -- local process pool -------------------------------------------------------------------------

_WORKER_CLEANER = None
_WORKER_ENCODE = None


def _die_with_parent(parent: int) -> None:
    """Linux: end this worker when the main process dies (kill -9 included), not linger idle."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)            # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:                   # the parent died before prctl took effect
        os._exit(1)


def _init_worker(factory, parent: int, encode=None) -> None:
    _die_with_parent(parent)
    # Ctrl-C is the main process's to handle: it stops feeding work and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER_CLEANER, _WORKER_ENCODE
    _WORKER_CLEANER = factory()
    _WORKER_ENCODE = encode


def _work(batch: list) -> BatchResult:
    return process_batch(_WORKER_CLEANER, batch, _WORKER_ENCODE)


def _mp_context():
    import multiprocessing

    # fork starts workers fast and shares the loaded rules copy-on-write; spawn elsewhere.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


class WorkerDied(RuntimeError):
    pass


class PoolExecutor:
    """A pool of worker processes; results come back in input order.

    A worker that dies (killed, out of memory, crashed in native code) breaks the pool: the pool is
    restarted, the batch it was working on is cleaned again one document at a time to find the
    document that kills it, that document is rejected with the reason, and the run goes on.
    """

    name = "pool"

    def __init__(self, factory: Callable[[], Any], workers: int, warn=None,
                 max_restarts: int = 20, encode: Callable | None = None):
        self.factory = factory
        self.encode = encode
        self.workers = max(1, workers)
        self.window = self.workers * BATCHES_PER_WORKER
        self.warn = warn or (lambda message: print(f"cleaner: {message}", file=sys.stderr))
        self.max_restarts = max_restarts
        self.restarts = 0
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_mp_context(),
                                   initializer=_init_worker,
                                   initargs=(self.factory, os.getpid(), self.encode))

    def _restart(self) -> None:
        self.restarts += 1
        if self.restarts > self.max_restarts:
            raise WorkerDied(f"worker processes died {self.restarts} times; giving up")
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def map(self, batches: Iterable[list]) -> Iterator[BatchResult]:
        pending: deque = deque()
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append([batch, self._submit(batch)])
            if not pending:
                return
            batch, future = pending[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                self.warn(f"a worker process died while cleaning {_where(batch)}; "
                          "cleaning those documents again one at a time")
                self._restart()
                result = self._one_by_one(batch)
                for entry in list(pending)[1:]:
                    entry[1] = self._submit(entry[0])
            pending.popleft()
            yield result

    def _submit(self, batch: list) -> Future:
        """The batch handed to the pool; if a worker has died meanwhile (the pool is broken and
        says so only now), a future that fails as the batches in flight do, so the batch is
        handed to the restarted pool with them."""
        try:
            return self._pool.submit(_work, batch)
        except BrokenProcessPool as exc:
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _one_by_one(self, batch: list) -> BatchResult:
        outcomes: list[Outcome] = []
        seconds: dict[str, float] = {}
        for item in expand(batch):
            try:
                result = self._pool.submit(_work, [item]).result()
            except BrokenProcessPool:
                reject = Reject(item.source, item.line,
                                "worker process died while cleaning this document (killed, out "
                                "of memory or crashed)", getattr(item, "text", "")[:1 << 20])
                self.warn(f"rejected {reject.where()}: {reject.reason}")
                outcomes.append(("reject", reject.as_dict()))
                self._restart()
                continue
            outcomes.extend(result.outcomes)
            for key, value in result.seconds.items():
                seconds[key] = seconds.get(key, 0.0) + value
        return BatchResult(outcomes, seconds)

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)


def _where(batch: list) -> str:
    first, last = batch[0], batch[-1]
    end = getattr(last, "last_line", last.line)
    if first.source == last.source and first.line and end:
        return f"{first.source}:{first.line}-{end}"
    return f"{len(batch)} documents from {first.source}"


def make_executor(name: str, factory: Callable[[], Any], workers: int | None = None,
                  address: str | None = None, encode: Callable | None = None):
    """The executor for `--executor NAME`: local (workers=1 cleans in-process), ray.

    `encode`: what turns a batch's records into the output's own form, where they are cleaned.
    """
    if name == "ray":
        from cleaner.ray_executor import RayExecutor

        return RayExecutor(factory, workers=workers, address=address, encode=encode)
    workers = workers or usable_cores()
    if workers <= 1:
        return LocalExecutor(factory, encode)
    return PoolExecutor(factory, workers, encode=encode)
