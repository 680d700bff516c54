"""The Ray executor: the same pipeline on a Ray cluster, through Ray Data.

    input files --(read: one task per file, streaming batches)--> batches of items
                --(map_batches: actors, each with its own Cleaner)--> batches of outcomes
                --(ordered stream to the driver)--> the same shard writer as a local run

Reading is spread over the cluster by runs of consecutive files (a dump is many files), at most
one read task a cleaning actor at once; cleaning, the costly part, over the run's workers (--workers,
else every CPU: the cluster's, or the cores a local instance is started with); the driver only
orders outcomes and writes the shards, so the output (records, rejects, shards, manifest) is
identical to a local run's and `--resume` works the same. What reading passes over in a file (a
WARC's requests, images, redirects) is counted where the file is read, and the counts go with
the batches to the driver, which adds them to the run's log: the summary and --stats say them
as a local run's do. Input paths must be readable at the same path on every node (a shared or
network file system).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pickle
import re
import shlex
import warnings
from collections import Counter
from contextlib import closing
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Generator, Iterator

from cleaner.batches import BatchResult, batch_bytes, batched, process_batch
from cleaner.executors import WorkerDied
from cleaner.folders import folder_entries, id_prefixes, prefixed, stem_of
from cleaner.heap_trim import give_back_heap, map_large_blocks
from cleaner.inputs import Item, ReadLog, ReadOptions, Reject
from cleaner.progress import say
from cleaner.ray_connect import connect
from cleaner.readers import read_file
from cleaner.stats import STAGE_CLOCK

# What Ray Data says of a choice made here (fewer files than workers) is no news to the user.
# Set once, as the module is imported (a ray run's first): the filter is the whole process's.
warnings.filterwarnings("ignore", category=UserWarning,
                        message="The (maximum|minimum) number of concurrent")

# The loggers a run sets, and to what: Ray's start-up words (the banner, "Started a local Ray
# instance", token authentication) and Ray Data's notes on its progress bars are no news to the
# user. Each is set back when the run ends (_RaySettings).
RAY_LOGGERS = {"ray": logging.ERROR, "ray.data": logging.WARNING,
               "ray.data._internal.progress": logging.ERROR}
# What a run sets in Ray Data's current context: outcomes in input order, no progress bars
# or execution plan of its own (the run has its bar), and blocks of one batch each. A map's
# output is held until a block reaches the target size (128 MB by default): a read task's
# batches of a file under that size became one block, cleaned by one actor, and its results
# came back, shards written, only when the whole file was done (so one file had one worker,
# and a kill lost all of it). A batch (~2 MB of input) is over this size, so each is a block.
BLOCK_BYTES = 1 << 20
DATA_CONTEXT = {"enable_progress_bars": False, "print_on_execution_start": False,
                "target_max_block_size": BLOCK_BYTES}


def _taken(counts: Counter) -> bytes:
    """Skipped-record counts as a row carries them (pickled; b"" for none), and `counts` emptied."""
    if not counts:
        return b""
    blob = pickle.dumps(dict(counts))
    counts.clear()
    return blob


def _file_list(inputs: list[str], options: ReadOptions, log: ReadLog) -> list[dict[str, Any]]:
    """The files a run reads, in the order a local run reads them, with their record ids: each
    by an absolute path, which a worker on any node or in any folder can open, and by the name
    a local run gives it ("name"), which its records and rejects carry.

    The absolute path is the name joined to the current folder, nothing resolved: a link keeps
    its own name (its reject's hint names a file beside it, not beside its target), and ".."
    is left for the system to follow, as it does for the local run.

    What the folder walks count in `log.skipped_records` before a file (a shard folder, a file
    of cleaned records) is moved from the log to that file's row ("skipped"), and comes back
    with its first batch: the run's log then holds them in reading order, as a local run's. Those
    counted after the last file stay in the log (map_inputs adds them back last)."""
    files: list[dict[str, Any]] = []
    prefixes = id_prefixes(inputs)
    here = os.getcwd()

    def add(path: str, record_id: str, missing: str, name: str) -> None:
        """One file's row, carrying what the walk passed over since the row before."""
        files.append({"path": path, "record_id": record_id, "missing": missing, "name": name,
                      "skipped": _taken(log.skipped_records)})

    for name in inputs:
        if name == "-":
            raise ValueError("the ray executor reads files, not stdin")
        path = Path(name)
        if path.is_dir():
            for entry in folder_entries(path, options, log):
                if isinstance(entry, Reject):   # a folder it cannot list, a named pipe
                    add(entry.source, "", entry.reason, entry.source)
                    continue
                file, record_id = entry
                file = file[2:] if file.startswith("./") else file      # (as iter_inputs)
                add(os.path.join(here, file), prefixed(prefixes.get(name), record_id), "", file)
        elif path.exists():
            # (named str(path), as the local run names it: "./in/a.jsonl" is "in/a.jsonl")
            add(os.path.join(here, path), prefixed(prefixes.get(name), stem_of(path.name)), "",
                str(path))
        else:
            add(name, "", "no such file or folder", name)
    return files


def _named(item: Any, path: str, name: str) -> Any:
    """An item read from `path` as a local run names it: by `name`, as given on the command line
    (a reject's reason too: its hints name the file, and the file beside it a hint writes)."""
    if getattr(item, "source", None) != path or path == name:
        return item
    if isinstance(item, Reject):
        return dataclasses.replace(item, source=name, reason=_as_given(item.reason, path, name))
    if isinstance(item, Item):
        return dataclasses.replace(item, source=name)
    return item._replace(source=name)           # a NamedTuple: RawRecord, RawBlock


# A word of a shell command as shlex.quote writes one, where a word begins (after a space, a "("
# or a redirection): its safe characters unquoted, or all in single quotes, a quote in it
# written '"'"'.
_SHELL_WORD = re.compile(r"""(?<![^\s(<>|])('(?:[^']|'"'"')*'|[\w@%+=:,./-]+)""", re.ASCII)


def _as_given(text: str, path: str, name: str) -> str:
    """`text` with the files in the folder of `path` (absolute) named from the folder of `name`
    (as given), as the reader of a local run names them: "iconv ... /abs/in/a.jsonl >
    /abs/in/a.utf8.jsonl" becomes "iconv ... in/a.jsonl > in/a.utf8.jsonl". Each such name is a
    word of a shell command (shlex.quote), quoted again as the local run quotes it. (Were
    read_file given the name to say beside the path it opens, this would not be needed.)"""
    folder, given = os.path.dirname(path), os.path.dirname(name)
    if not folder or folder not in text:
        return text

    def renamed(match: re.Match) -> str:
        word = match.group(1)
        file = word[1:-1].replace("'\"'\"'", "'") if word.startswith("'") else word
        if os.path.dirname(file) != folder:
            return word
        return shlex.quote(os.path.join(given, os.path.basename(file)))

    return _SHELL_WORD.sub(renamed, text)


# Blocks of consecutive files a cleaning actor (read one at a time each, TaskPoolStrategy): enough
# that the blocks spread evenly over the actors, few enough that each reads a run of files, not
# one file a task.
READ_TASKS_PER_WORKER = 4


def _read_blocks(files: int, workers: int) -> int:
    """How many read tasks (blocks of consecutive files) a run's files are split into."""
    return max(1, min(files, READ_TASKS_PER_WORKER * workers))


def _file_items(path: str, record_id: str, missing: str, name: str, skipped: bytes,
                options: ReadOptions, log: ReadLog) -> Iterator[Any]:
    """The items of one input file, named as a local run names them (or its reject); what the
    walk passed over before it (`skipped`, from its row), and what reading it passes over,
    counted in `log`."""
    if skipped:
        log.skipped_records.update(pickle.loads(skipped))
    if missing:
        return iter([Reject(name, None, missing)])
    return (_named(item, path, name) for item in read_file(path, record_id, options, log))


def _read_files(rows: dict[str, Any], options: ReadOptions) -> Iterator[dict[str, list]]:
    """Ray Data UDF: a block of input file rows becomes a stream of pickled item batches, in
    order, each with the records passed over since the batch before (_taken). Batches run on
    across files, as a local run's do: a folder of one-article files made a batch, an actor call
    and a block per article."""
    log = ReadLog()
    items = chain.from_iterable(
        _file_items(str(path), str(record_id), str(missing), str(name), bytes(skipped),
                    options, log)
        for path, record_id, missing, name, skipped in zip(
            rows["path"], rows["record_id"], rows["missing"], rows["name"], rows["skipped"]))
    batches = batched(items)
    while True:
        # The "read" stage as a local run counts it (run._timed): the CPU seconds of this
        # thread making the batch, not those of pickling it for Ray.
        t0 = STAGE_CLOCK()
        batch = next(batches, None)
        seconds = STAGE_CLOCK() - t0
        if batch is None:
            break
        yield {"items": [pickle.dumps(batch)], "skipped": [_taken(log.skipped_records)],
               "read": [seconds]}
    if log.skipped_records:
        # Passed over after the last document (a WARC that ends in images): a batch of none.
        yield {"items": [pickle.dumps([])], "skipped": [_taken(log.skipped_records)],
               "read": [seconds]}


class _CleanBatches:
    """Ray Data UDF (an actor): builds its Cleaner once, cleans batches of items."""

    def __init__(self, factory: Callable[[], Any], encode: Callable | None = None,
                 context: bool = False):
        import ray

        map_large_blocks()      # as the command does in its own processes
        self.cleaner = factory()
        self.encode, self.context = encode, context
        # An actor Ray started again after its process died (Ray Data restarts them): its first
        # batch says so, and the run tells the user, as a local run does of a worker it lost.
        self.restarted = ray.get_runtime_context().was_current_actor_reconstructed

    def __call__(self, rows: dict[str, Any]) -> dict[str, list]:
        restarted, self.restarted = self.restarted, False
        return {"result": [self._clean(pickle.loads(blob)) for blob in rows["items"]],
                "skipped": list(rows["skipped"]), "read": list(rows["read"]),
                "restarted": [restarted] * len(rows["items"])}

    def _clean(self, batch: list) -> bytes:
        """One batch's result, pickled (b"" for a batch of none); a giant batch's freed heap
        given back after it, as a pool's worker does."""
        if not batch:
            return b""
        result = pickle.dumps(process_batch(self.cleaner, batch, self.encode, self.context))
        give_back_heap(batch_bytes(batch))
        return result


class _RaySettings:
    """The logger levels and Ray Data context a run sets (RAY_LOGGERS, DATA_CONTEXT), and set
    back as it ends: a Python program that runs cleaner finds its own settings after it."""

    def __init__(self):
        self.levels: dict[str, int] = {}
        self.context: dict[str, Any] = {}

    def set_loggers(self) -> None:
        """Quiet Ray's loggers for the run (before ray.init: its banner goes through them)."""
        for name, level in RAY_LOGGERS.items():
            logger = logging.getLogger(name)
            self.levels.setdefault(name, logger.level)
            logger.setLevel(level)

    def set_context(self, context) -> None:
        """Ray Data's current context as the run needs it: outcomes in order, no bars of its own."""
        self.context.setdefault("preserve_order", context.execution_options.preserve_order)
        context.execution_options.preserve_order = True
        for name, value in DATA_CONTEXT.items():
            self.context.setdefault(name, getattr(context, name))
            setattr(context, name, value)

    def restore(self) -> None:
        """Every setting as it was before the run."""
        for name, level in self.levels.items():
            logging.getLogger(name).setLevel(level)
        self.levels = {}
        if self.context:
            import ray.data

            context = ray.data.DataContext.get_current()
            context.execution_options.preserve_order = self.context.pop("preserve_order")
            for name, value in self.context.items():
                setattr(context, name, value)
            self.context = {}


class RayExecutor:
    """Runs reading and cleaning on Ray (local, or a cluster at `address`)."""

    name = "ray"

    def __init__(self, factory: Callable[[], Any], workers: int | None = None,
                 address: str | None = None, encode: Callable | None = None,
                 context: bool = False):
        self.factory = factory
        self.encode, self.context = encode, context
        self.settings = _RaySettings()
        self._streams: list[Generator[BatchResult, None, None]] = []
        # Quieted before Ray's import (to keep the levels a program had) and again once it is
        # imported, before ray.init: its banner goes through them.
        self.settings.set_loggers()
        try:
            connection = connect(address, workers, self.settings.set_loggers)
        except BaseException:
            self.settings.restore()
            raise
        self._own = connection.own
        self.workers = max(1, min(workers or connection.cpus, connection.cpus))

    def map_inputs(self, inputs: list[str], options: ReadOptions, skip: int,
                   log: ReadLog) -> Iterator[BatchResult]:
        """BatchResults for every input document in input order, the first `skip` left out.
        The stream is kept, for close() to close it while Ray is still up."""
        results = self._map_inputs(inputs, options, skip, log)
        self._streams.append(results)
        return results

    def _map_inputs(self, inputs: list[str], options: ReadOptions, skip: int,
                    log: ReadLog) -> Generator[BatchResult, None, None]:
        """map_inputs' stream."""
        import ray.data

        self.settings.set_loggers()
        files = _file_list(inputs, options, log)
        if not files:
            return
        after_last = Counter(log.skipped_records)     # (counted after the last file: _file_list)
        log.skipped_records.clear()
        self.settings.set_context(ray.data.DataContext.get_current())
        dataset: ray.data.Dataset = ray.data.from_items(
            files, override_num_blocks=_read_blocks(len(files), self.workers))
        # Reading is light next to cleaning: read tasks take no CPU slot from the cleaners. So
        # nothing else bounds how many run at once: uncapped, Ray started a worker process for
        # each (dozens on 2 cores for a folder of articles, 108-149 s against 9-13 capped).
        dataset = dataset.map_batches(partial(_read_files, options=options), batch_size=None,
                                      num_cpus=0,
                                      compute=ray.data.TaskPoolStrategy(size=self.workers))
        dataset = dataset.map_batches(_CleanBatches,
                                      fn_constructor_args=(self.factory, self.encode,
                                                           self.context),
                                      batch_size=1, num_cpus=1,
                                      compute=ray.data.ActorPoolStrategy(size=self.workers))
        remaining, read = skip, 0.0
        try:
            # (closed, with Ray's iterator, as this stream is: at its end, or by close())
            with closing(self._results(dataset, log)) as results:
                for result in results:
                    if remaining:
                        # A resumed run: outcomes before the checkpoint were written already.
                        # (Their reading is counted, as a local run counts what it skips.)
                        dropped = min(remaining, len(result.outcomes))
                        result.outcomes = result.outcomes[dropped:]
                        result.tally = result.encoded = None
                        remaining -= dropped
                        if not result.outcomes:
                            read += result.seconds.get("read", 0.0)
                            continue
                    if read:
                        result.seconds["read"] = result.seconds.get("read", 0.0) + read
                        read = 0.0
                    yield result
            log.skipped_records.update(after_last)
        except (KeyboardInterrupt, OSError, GeneratorExit):
            raise
        except Exception as exc:   # a task or actor that failed for good, a lost node, ...
            raise WorkerDied(f"the Ray job failed: {type(exc).__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else ''}") from exc

    @staticmethod
    def _results(dataset, log: ReadLog) -> Generator[BatchResult, None, None]:
        """The batches' results in order, what reading passed over before each counted in `log`
        (a batch of none only brings such counts), and the CPU seconds reading each took where
        it was read as its "read" stage (with those of the batches of none before it). Ray's
        row iterator is closed as this is."""
        rows = iter(dataset.iter_rows())
        read = 0.0
        try:
            for row in rows:
                if row["restarted"]:
                    say("cleaner: a Ray worker process died; Ray started another in its place, "
                        "which cleaned again the batch it held")
                if row["skipped"]:
                    log.skipped_records.update(pickle.loads(row["skipped"]))
                read += float(row["read"])
                if row["result"]:
                    result = pickle.loads(row["result"])
                    result.seconds["read"] = result.seconds.get("read", 0.0) + read
                    read = 0.0
                    yield result
        finally:
            close = getattr(rows, "close", None)        # (a generator, in Ray 2.x)
            if close is not None:
                close()

    def _close_streams(self) -> None:
        """Close the streams map_inputs gave that a stopped run left open (Ctrl-C: the run stops
        after a batch, not at the stream's end). Closed after ray.shutdown, when the run drops
        them, Ray Data's iterator ends by calling its stats actor and prints two tracebacks
        under the run's last words (the resume command)."""
        streams, self._streams = self._streams, []
        for stream in streams:
            try:
                stream.close()
            except Exception:       # (one being run: a signal handler calling close)
                pass

    def close(self, cancel: bool = False) -> None:
        """Close the open streams, then shut down the Ray instance the run started."""
        try:
            self._close_streams()
            if self._own:
                import ray

                ray.shutdown()
        finally:
            self.settings.restore()
