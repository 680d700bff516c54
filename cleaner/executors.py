"""Where documents are cleaned: in this process, in a local pool of worker processes, or on Ray.

Every executor maps batches of input items to their outcomes, in order (cleaner.batches). A
worker builds its Cleaner once (from a picklable factory) and sends back serialized records (and,
for Parquet output, their Arrow rows: BatchResult.encoded), so the main process only reads,
orders and writes. Memory stays flat: only a few batches per worker are in flight at any
time.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from cleaner.batches import BatchResult, Outcome, batch_bytes, item_reject, process_batch
from cleaner.cores import usable_cores
from cleaner.heap_trim import give_back_heap
from cleaner.inputs import RECORD, expand, unit_of
from cleaner.progress import say
from cleaner.wording import counted

# The process pool's module (and multiprocessing, which it loads) is imported by the pool that
# uses it: a run in one process then starts 8 ms sooner.
if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Batches in flight per worker: enough to keep every worker busy, few enough to keep memory flat.
BATCHES_PER_WORKER = 3
# Input bytes in flight in a pool, beside the count of batches. Batches of articles stay far
# below it (at most 2 MB a batch); giant records, each up to --max-record-bytes, then go to the
# workers one after another, not several at once: a worker needs up to 20 times a record's
# size to clean it (docs/scale.md, Giant records), and the main process holds each in flight.
IN_FLIGHT_BYTES = 12 << 20
# A wait for a batch's result looks at the pool's workers this often (seconds); a worker found
# dead that the pool has not reported after GRACE_SECONDS more breaks the pool here: it died
# while sending its result, and the pool never will (PoolExecutor._wait).
WATCH_SECONDS = 1.0
GRACE_SECONDS = 3.0


class LocalExecutor:
    """Cleans in this process: the simplest executor, and the reference for the others."""

    name = "local"

    def __init__(self, factory: Callable[[], Any], encode: Callable | None = None,
                 context: bool = False):
        self.cleaner = factory()
        self.encode, self.context = encode, context
        self.workers = 1

    def map(self, batches: Iterable[list]) -> Iterator[BatchResult]:
        for batch in batches:
            yield process_batch(self.cleaner, batch, self.encode, self.context)

    def close(self, cancel: bool = False) -> None:
        pass


# -- local process pool -------------------------------------------------------------------------

_WORKER_CLEANER = None
_WORKER_ENCODE = None
_WORKER_CONTEXT = False
_WORKER_HOLDING: Any = None     # shared with the main process: the token of the document held


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


def _init_worker(factory, parent: int, encode=None, context: bool = False,
                 holding: Any = None) -> None:
    _die_with_parent(parent)
    # Ctrl-C and SIGTERM are the main process's to handle: it stops feeding work and shuts the
    # pool down. A worker leaves the run's process group, so that a signal sent to the group
    # (`timeout`, a job scheduler) reaches the main process only, and it takes SIGTERM's default
    # back from the main process's handler, so that the pool can still terminate it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.setpgrp()
    global _WORKER_CLEANER, _WORKER_ENCODE, _WORKER_CONTEXT, _WORKER_HOLDING
    _WORKER_CLEANER = factory()
    _WORKER_ENCODE, _WORKER_CONTEXT, _WORKER_HOLDING = encode, context, holding
    _warm_up()


def _warm_up() -> None:
    """Build what the cleaner builds on its first document (0.1 to 0.3 s), before the worker
    takes one: the worker cleaning one document alone (_work_alone) holds it for that document's
    own time, not its start's, and a kill meanwhile is less likely to count against it."""
    try:
        _WORKER_CLEANER.clean("x")          # type: ignore[union-attr]
    except Exception:                       # (the documents will say what is wrong)
        pass


def _work(batch: list) -> BatchResult:
    size = batch_bytes(batch)
    # Its blocks replaced by their records in the list itself, which the pool holds until the
    # result is sent: a block's bytes (a Parquet block's Arrow rows, 8 MB for a giant row) were
    # held beside its records while they were cleaned.
    batch[:] = expand(batch)
    result = process_batch(_WORKER_CLEANER, batch, _WORKER_ENCODE, _WORKER_CONTEXT)
    give_back_heap(size)                    # a giant record's freed heap, before the next batch
    return result


def _work_alone(batch: list, token: int, warm: list | None = None) -> BatchResult:
    """_work on one document cleaned alone, first telling the main process it holds it: a death
    counts against the document only where the worker that died had taken it (a kill while
    the pool started, or before the worker took the document, is no doing of the document's).
    The token stays set while the result is sent: a result too big to send kills there too.
    `warm`: a neighbouring document (a new worker's first task), cleaned first, for nothing: it
    builds what a document of its site and language needs, before the worker holds this one."""
    if warm:
        _WORKER_HOLDING.value = -token      # (a death now is the warm-up's)
        try:
            process_batch(_WORKER_CLEANER, warm, None, False)
        except Exception:
            pass
    _WORKER_HOLDING.value = token
    return _work(batch)


def _nothing() -> None:
    """A task that does nothing: submitted, it starts a pool's workers (PoolExecutor._start)."""


def _mp_context():
    import multiprocessing

    # fork starts workers fast and shares the loaded rules copy-on-write; spawn elsewhere.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


class WorkerDied(RuntimeError):
    """The worker processes kept dying: the run gives up. `done`: the outcomes of the batch
    being cleaned one by one up to its last document cleaned before the deaths that gave up
    (a prefix of the batch, in order), for the run to write."""

    def __init__(self, message: str, done: BatchResult | None = None):
        super().__init__(message)
        self.done = done


class FeedingStopped(Exception):
    """The run asked the pool to stop taking work (stop_feeding) before the batch it waits for
    was cleaned: that batch is dropped, and the run stops at the boundary before it."""


class PoolExecutor:
    """A pool of worker processes; results come back in input order.

    A worker that dies (killed, out of memory, crashed in native code) breaks the pool: the pool is
    restarted and the batch it was working on is cleaned again, alone; if a worker dies on it
    again, it is cleaned one document at a time, in a pool of one worker, to find the document
    that kills it. A document is rejected with the reason only when the worker that died had
    taken it, twice: the pool's only worker, so no idle worker's death, nor a kill while the
    pool restarts, counts against it (_alone). The run goes on. Only `max_restarts` deaths in a
    row, with no batch or document cleaned between them (a pool that cannot start, or dies on
    everything), end the run: deaths spread over a long run never do.
    """

    name = "pool"

    def __init__(self, factory: Callable[[], Any], workers: int, warn=None,
                 max_restarts: int = 20, encode: Callable | None = None,
                 context: bool = False, max_bytes: int = IN_FLIGHT_BYTES,
                 say_rejects: bool = True):
        self.factory = factory
        # Whether warn says each document a worker died on: a run (make_executor) says every
        # reject it writes itself, and each such line came twice.
        self.say_rejects = say_rejects
        self.encode, self.context = encode, context
        self.workers = max(1, workers)
        self.window = self.workers * BATCHES_PER_WORKER
        self.max_bytes = max_bytes
        # (say: a stderr whose reader is gone stops the messages, not the run)
        self.warn = warn or (lambda message: say(f"cleaner: {message}"))
        self.max_restarts = max_restarts
        self.restarts = 0           # over the run
        self.in_a_row = 0           # deaths with no work done since: what max_restarts bounds
        self.stopping = False       # stop_feeding: no more batches are handed to the workers
        # The token of the document a worker cleaning one document alone took last (_alone)
        self._holding = _mp_context().Value("q", 0, lock=False)
        self._token = 0
        self._fresh = True          # the pool has cleaned nothing since it started (_alone)
        self._cleaned: Any = None   # the pass's document cleaned last: a new worker's warm-up
        self._size = self.workers   # the current pool's workers: 1 in the one-by-one pass
        self._pool = self._start()

    def stop_feeding(self) -> None:
        """Hand the workers no more batches (the run is stopping after the batch it waits
        for). Only sets a flag: it is called from a signal handler."""
        self.stopping = True

    def _start(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(self._size, mp_context=_mp_context(),
                                   initializer=_init_worker,
                                   initargs=(self.factory, os.getpid(), self.encode,
                                             self.context, self._holding))
        # The workers are forked now, by a task of nothing, not at the first batch (the pool's
        # own way): forked then, each began as a copy of all the main process held after
        # reading that batch, a Parquet row group's buffers among them (90 MB for giant rows),
        # and kept its own copy of every such page the main process then wrote over.
        pool.submit(_nothing)
        return pool

    def _restart(self, workers: int | None = None) -> None:
        """After a death: count it (WorkerDied past max_restarts in a row), and replace the
        broken pool by one of `workers` (as many as it had)."""
        self.restarts += 1
        self.in_a_row += 1
        if self.in_a_row > self.max_restarts:
            raise WorkerDied(f"worker processes died {self.in_a_row} times in a row, with no "
                             "document cleaned between; giving up")
        self._replace(workers or self._size)

    def _replace(self, workers: int) -> None:
        """The pool shut down (its work in flight dropped) and a new one of `workers` started."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._size = workers
        self._pool = self._start()
        self._fresh = True

    def map(self, batches: Iterable[list]) -> Iterator[BatchResult]:
        pending: deque = deque()            # [batch, future, input bytes], in input order
        source = iter(batches)
        exhausted = False
        held: list | None = None            # the next batch, waiting for bytes in flight to fall
        in_flight = 0
        while True:
            while not exhausted and not self.stopping and len(pending) < self.window:
                batch = held if held is not None else next(source, None)
                held = None
                if batch is None:
                    exhausted = True
                    break
                size = batch_bytes(batch)
                if pending and in_flight + size > self.max_bytes:
                    held = batch
                    break
                in_flight += size
                pending.append([batch, self._submit(batch), size])
            if not pending:
                if not exhausted:           # (stopping: the input is not all cleaned)
                    raise FeedingStopped
                return
            batch, future, size = pending[0]
            try:
                result = self._result(batch, future, pending)
            except WorkerDied as exc:
                if exc.done is not None and exc.done.outcomes:
                    yield exc.done          # cleaned before it gave up: written, not dropped
                raise
            pending.popleft()
            in_flight -= size
            yield result

    def _result(self, batch: list, future: Future, pending: deque) -> BatchResult:
        """The batch's result; after a worker died, or where the batch could not reach one,
        cleaned again one document at a time (the batches in flight after it handed to the
        restarted pool)."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            result = self._wait(future)
        except BrokenProcessPool:
            result = self._again(batch)
            for entry in list(pending)[1:]:
                entry[1] = self._submit(entry[0])
        except Exception:
            # The batch could not reach a worker (a field nested too deep for pickle): sent
            # one document at a time, only the one that cannot go is rejected.
            result = self._beside(batch)
        else:
            self.in_a_row = 0
        return result

    def _again(self, batch: list) -> BatchResult:
        """The result of a batch a worker died on (the pool is broken): cleaned again whole,
        alone in the restarted pool (the batches after it wait), and if a worker dies again,
        one document at a time. A worker killed from outside then costs a batch cleaned twice,
        not a batch of byte ranges (thousands of lines) cleaned a document at a time, exposed
        all that while to the next kill."""
        from concurrent.futures.process import BrokenProcessPool

        where = _where(batch)
        self.warn(f"a worker process died while cleaning {where}; cleaning it again")
        self._restart()
        try:
            result = self._wait(self._submit(batch))
        except BrokenProcessPool:
            self.warn(f"a worker process died again while cleaning {where}; "
                      "cleaning those documents again one at a time")
            self._restart(1)
            result = self._one_by_one(batch)
            # (only when the pass ends: where it raises, the run stops)
            self._replace(self.workers)
            return result
        except Exception:                   # (as in _result: it cannot reach a worker)
            return self._beside(batch)
        self.in_a_row = 0
        return result

    def _beside(self, batch: list) -> BatchResult:
        """_one_by_one for a batch that cannot reach a worker, in a pool of one worker beside
        the pool, whose batches in flight after it go on being cleaned."""
        pool, size = self._pool, self._size
        self._size = 1
        self._pool = self._start()
        try:
            return self._one_by_one(batch)
        finally:
            self._pool.shutdown(wait=False, cancel_futures=True)   # (its one worker is idle)
            self._pool, self._size = pool, size

    def _wait(self, future: Future) -> BatchResult:
        """The future's result, as Future.result gives it, with a watchdog: a worker killed
        while it sent a result (holding the result queue's lock, half a message in the pipe)
        leaves the pool's reader waiting for the rest for ever, and the pool never says it is
        broken. Woken every WATCH_SECONDS, the wait looks for a dead worker; one the pool has
        not reported GRACE_SECONDS later, the pool is torn down and taken for broken, exactly as
        when it says so (BrokenProcessPool). A result that comes in time costs nothing more."""
        from concurrent.futures.process import BrokenProcessPool

        dead_since: float | None = None
        while True:
            try:
                return future.result(timeout=WATCH_SECONDS)
            except TimeoutError:
                if future.done():           # (the batch itself raised TimeoutError)
                    return future.result()
            if not self._a_worker_died():
                continue
            now = time.monotonic()
            if dead_since is None:
                dead_since = now
            elif now - dead_since >= GRACE_SECONDS and not future.done():
                self._tear_down()
                raise BrokenProcessPool("a worker process died and the pool did not say so "
                                        "(killed while it sent a result)")

    def _a_worker_died(self) -> bool:
        """Whether one of the pool's worker processes has ended (the pool's workers end only
        when it shuts down)."""
        for process in list((getattr(self._pool, "_processes", None) or {}).values()):
            try:
                if process.exitcode is not None:
                    return True
            except ValueError:              # closed: the pool is shutting down
                return True
        return False

    def _tear_down(self) -> None:
        """End the pool's workers at once (SIGKILL), and leave none of its threads blocked for
        ever: the queue's feeder thread (writing a batch to workers that will never read it)
        is not waited for, and the pool's reader (waiting for the rest of a result a dead
        worker half sent) meets the pipe's end: once the workers are gone, this process holds
        the last writing end of that pipe, closed here. The reader then says the pool is
        broken and its thread ends, so the interpreter's exit, which joins it, does not hang."""
        pool = self._pool
        queue = getattr(pool, "_call_queue", None)
        if queue is not None:
            queue.cancel_join_thread()
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                process.kill()
            except (OSError, ValueError):   # already gone, or closed
                pass
        results = getattr(pool, "_result_queue", None)
        if results is not None:
            results._writer.close()

    def _submit(self, batch: list) -> Future:
        """The batch handed to the pool; if a worker has died meanwhile (the pool is broken and
        says so only now), a future that fails as the batches in flight do, so the batch is
        handed to the restarted pool with them."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(_work, batch)
        except BrokenProcessPool as exc:
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _one_by_one(self, batch: list) -> BatchResult:
        """The batch's outcomes, each document cleaned alone (_alone) in the pool, of one worker;
        one whose worker died twice while holding it is rejected with the reason."""
        from concurrent.futures.process import BrokenProcessPool

        outcomes: list[Outcome] = []
        seconds: dict[str, float] = {}
        # Outcomes up to the last document a worker cleaned: past it, where the pool gives up,
        # the documents it died on are not to blame (it dies on everything) and are not rejected.
        sure = 0
        self._cleaned = None                # (a giant record is not kept past its pass)
        for item, following in _with_next(expand(batch)):
            if self.stopping:
                raise FeedingStopped
            try:
                result = self._alone(item, following)
            except WorkerDied as exc:
                exc.done = BatchResult(outcomes[:sure], seconds)
                raise
            except BrokenProcessPool:
                # (its id, where it has one: found for this reject alone, not per document)
                reject = item_reject(item, "worker process died while cleaning this document "
                                           "(killed, out of memory or crashed)",
                                     getattr(item, "text", "")[:1 << 20])
                if self.say_rejects:
                    self.warn(f"rejected {reject.where()}: {reject.reason}")
                outcomes.append(("reject", reject.as_dict()))
                continue
            except Exception as exc:
                reject = item_reject(item, f"cannot send this document to a worker process: "
                                           f"{type(exc).__name__}: {exc}",
                                     getattr(item, "text", "")[:1 << 20])
                outcomes.append(("reject", reject.as_dict()))
                sure = len(outcomes)
                continue
            self.in_a_row = 0
            outcomes.extend(result.outcomes)
            sure = len(outcomes)
            for key, value in result.seconds.items():
                seconds[key] = seconds.get(key, 0.0) + value
        self._cleaned = None
        return BatchResult(outcomes, seconds)

    def _alone(self, item, following: Any = None) -> BatchResult:
        """One document's result, cleaned alone in the pool (of one worker). A death counts
        against the document only where the worker had taken it (_work_alone): one killed from
        outside while the pool started, or before it took the document, is not its doing. After
        each death the pool is restarted and the document cleaned again; BrokenProcessPool, with
        the pool restarted, when the worker that held it died twice; WorkerDied where the
        deaths in a row give up (each death counts there, its doing or not).

        A new worker first cleans, for nothing, the pass's document cleaned last, or else the
        one `following` this one (not after a death while it did: it may be the killer), so
        that it holds this one for its own time only, not for what its first document builds
        (0.1 s and more: 2 of 4 runs killing a worker every 0.15 s rejected a document)."""
        from concurrent.futures.process import BrokenProcessPool

        held = 0
        neighbour = self._cleaned if self._cleaned is not None else following
        while True:
            self._token += 1
            warm = [neighbour] if self._fresh and neighbour is not None else None
            try:
                result = self._wait(self._pool.submit(_work_alone, [item], self._token, warm))
                self._fresh, self._cleaned = False, item
                return result
            except BrokenProcessPool:
                if self._holding.value == -self._token and neighbour is not self._cleaned:
                    neighbour = None        # (died on the uncleaned one: not tried again)
                if self._holding.value == self._token:
                    held += 1
                    if held == 1:
                        self.warn(f"a worker process died while cleaning {_where([item])}; "
                                  "cleaning it again alone")
                else:
                    self.warn(f"a worker process died before it took {_where([item])}; "
                              "cleaning it again")
                self._restart()
            if held == 2:
                raise BrokenProcessPool("the worker that held the document died twice")

    def close(self, cancel: bool = False) -> None:
        """Shut the pool down. `cancel`: the run is stopping, so the batches in flight are
        dropped and the workers ended at once (SIGKILL), not waited for: a worker stuck on a
        document (a rule or native code that never returns) held a run stopped by a second
        Ctrl-C, and then the interpreter's exit, which SIGKILL alone ended."""
        if cancel:
            # (the pool sees its workers die and fails what was in flight, as for a crash;
            # its shutdown hung 1 run in about 30 under load, on a worker killed mid-result)
            self._tear_down()
        self._pool.shutdown(wait=True, cancel_futures=cancel)


def _with_next(items: Iterable) -> Iterator[tuple[Any, Any]]:
    """Each item with the one after it (None after the last)."""
    iterator = iter(items)
    item = next(iterator, None)
    while item is not None:
        following = next(iterator, None)
        yield item, following
        item = following


def _where(batch: list) -> str:
    """Where a batch's documents are, in words: `a.jsonl:3-9`, a WARC's `crawl.warc.gz records
    3-9` (its numbers count records: inputs.unit_of), or how many and from what file."""
    first, last = batch[0], batch[-1]
    end = getattr(last, "last_line", last.line)
    if first.source == last.source and first.line and end:
        if unit_of(first.line) == RECORD:
            if end == first.line:
                return f"{first.source} record {first.line}"
            return f"{first.source} records {first.line}-{end}"
        return f"{first.source}:{first.line}" + (f"-{end}" if end != first.line else "")
    return f"{counted(len(batch), 'document')} from {first.source}"


def make_executor(name: str, factory: Callable[[], Any], workers: int | None = None,
                  address: str | None = None, encode: Callable | None = None,
                  context: bool = False):
    """The executor for `--executor NAME`: local (workers=1 cleans in-process), ray.

    `encode`: what turns a batch's records into the output's own form, where they are cleaned;
    `context`: records come with the text around their removals (process_batch), for a report.
    """
    if name == "ray":
        from cleaner.ray_executor import RayExecutor

        return RayExecutor(factory, workers=workers, address=address, encode=encode,
                           context=context)
    workers = workers or usable_cores()
    if workers <= 1:
        return LocalExecutor(factory, encode, context)
    return PoolExecutor(factory, workers, encode=encode, context=context, say_rejects=False)
