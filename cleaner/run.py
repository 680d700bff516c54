"""One cleaning run: inputs -> executor -> output (one file or resumable shards), with progress and stats.

`cleaner clean` parses its options into a RunConfig and calls `execute`; everything a run does
between reading and writing lives here, so the command stays a list of options.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator

import orjson

from cleaner.batches import batched
from cleaner.cores import capped_workers, usable_cores
from cleaner.document import RESERVED_KEYS
from cleaner.executors import FeedingStopped, WorkerDied, make_executor
from cleaner.input_guard import guard_inputs
from cleaner.inputs import HINTS, ReadLog, printable, reject_place, reject_position
from cleaner.parquet_io import decode_records, import_arrow, names_parquet
from cleaner.progress import Progress, on_a_terminal, say, settle_stderr
from cleaner.ray_connect import ConnectStopped
from cleaner.readers import iter_inputs
from cleaner.report import NO_SAVED_FIGURES, write_report
from cleaner.report_collect import ReportCollector
from cleaner.run_config import RunConfig, check_distinct_outputs, open_output, output_name_notes
from cleaner.shards import OutputError, ShardedOutput, describe_os_error
from cleaner.stats import STAGE_CLOCK, RunStats, kinds_said
from cleaner.temporary_names import written_for
from cleaner.warc_reader import kept_cut_short
from cleaner.wording import counted, noun
from cleaner.writers import is_special_file

# Below this many bytes of (uncompressed) input, --workers defaults to 1.
SMALL_INPUT = 4 << 20
# Rejects printed one by one before the rest are only counted (all are in the rejects file).
MAX_REJECT_MESSAGES = 50
# Rejects about a whole file or its stream printed past MAX_REJECT_MESSAGES: a damaged member of
# a .gz says why the garbled lines rejected before it were, and must not be lost among them.
# Bounded too, for a folder of many files that each have no document.
MAX_FILE_MESSAGES = 1000
# How the readers' reasons for damage to a file's stream open (cut or corrupt compressed
# input, WARC or Parquet data), where the reject names the line or record it was found at.
DAMAGE_REASONS = ("truncated", "corrupt", "cannot decompress")


def _timed(items: Iterator, stats: RunStats) -> Iterator:
    """Items (the batches of input read), with the CPU seconds spent reading them counted as the
    "read" stage (STAGE_CLOCK: time waiting for a slow disk or pipe is not counted)."""
    clock = STAGE_CLOCK
    while True:
        t0 = clock()
        try:
            item = next(items)
        except StopIteration:
            stats.stage_seconds["read"] += clock() - t0
            return
        stats.stage_seconds["read"] += clock() - t0
        yield item


def _say(config: RunConfig, message: str) -> None:
    say(f"cleaner: {message}")


def about_the_file(reject: dict[str, Any]) -> bool:
    """Whether a reject is about its file, not one document of it: damage to the file's stream
    (DAMAGE_REASONS), or a file that gave no document and no input to keep (unreadable, not of a
    kind read)."""
    return (reject["reason"].startswith(DAMAGE_REASONS)
            or not reject_position(reject) and reject.get("raw") is None)


def _resume_hint(config: RunConfig) -> str:
    command = config.command
    return command if "--resume" in command.split() else f"{command} --resume"


def execute(config: RunConfig) -> int:
    """Run a cleaning job; the exit status of `cleaner clean`."""
    settle_stderr()
    try:
        check_distinct_outputs(config)
    except OutputError as exc:
        _say(config, f"error: {exc}")
        return 2
    for option, side in (("--stats", config.stats_path), ("--report", config.report)):
        try:                    # tried now: not found unwritable after a long run
            if side and not (option == "--stats" and side == "-"):     # - : stdout
                _check_writable(side)
        except OSError as exc:
            _say(config, f"error: cannot write {side}: {describe_os_error(exc)}; give "
                         f"{option} a path that can be written")
            return 2
    try:
        config, notes = guard_inputs(config)
        notes += output_name_notes(config)
        if not config.quiet:
            for note in notes:
                _say(config, f"note: {note}")
        output = open_output(config)
    except OutputError as exc:
        _say(config, f"error: {exc}")
        return 2
    except OSError as exc:
        error = f"cannot write {_failed_file(exc, config.output)}: {describe_os_error(exc)}"
        _say(config, f"error: {error}")
        # (the --stats of a run that wrote nothing, as a run that failed later writes its own:
        # a script waiting for the file learns why)
        if config.stats_path:
            interrupted = {"signal": None, "inputs_done": 0, "output": "nothing was written",
                           "resume": None, "seconds": 0.0, "error": error}
            try:
                _write_stats(config.stats_path, RunStats(started=None), interrupted)
            except OSError:
                pass
        return 1
    if output.complete:
        _say(config, f"{config.output} is already complete "
                     f"({counted(output.records, 'record')}); nothing to do")
        return _finished_before(config, output)
    workers, cap = _workers_and_note(config)
    if cap and not config.quiet:
        _say(config, f"note: {cap}")
    job = _Job(config, output)
    try:
        if config.executor == "local" and workers != 1 and names_parquet(config.inputs):
            import_arrow()      # (before the workers are forked: they share it)
        executor = make_executor(config.executor, config.factory, workers,
                                 config.address, output.encode, context=bool(config.report))
    except ConnectStopped as exc:       # Ctrl-C or SIGTERM while it started or reached Ray
        output.abort()
        _say(config, str(exc))
        return 128 + exc.signum
    except KeyboardInterrupt:
        # Ctrl-C while the executor started (its cleaner loaded, its workers forked), before the
        # run takes signals itself: said, and the output's temporary file removed, as a stop
        # in the run is (the interpreter's "interrupted" alone left the file behind).
        return _interrupted(config, output, job.inputs_done, job.stats, clean=False)
    except Exception as exc:
        output.abort()
        _say(config, f"error: cannot start the {config.executor} executor: "
                     f"{type(exc).__name__}: {exc}")
        return 1
    # (this leg's: a resumed run may be given other --workers)
    job.stats.workers, job.stats.executor = executor.workers, config.executor
    stop = _StopOnSignal(config, so_far=job.complete_so_far,
                         on_stop=getattr(executor, "stop_feeding", None))
    try:
        status = job.run(executor, stop)
        if status != 0:
            return status
        status = job.conclude()
        if status != 0:
            return status
        return 3 if config.strict and job.stats.rejected else 0
    except KeyboardInterrupt:
        if not output.complete:
            raise               # (the run had stopped already: a signal acts as outside a run)
        # A second signal as the run finished: while the pool shut down, or --stats, the report
        # or the summary were written.
        stop.hold()
        return _interrupted(config, output, job.inputs_done, job.stats, clean=False,
                            signum=stop.signum)
    finally:
        stop.uninstall()


def _check_writable(path: str) -> None:
    """OSError when no file can be written at `path` (its folders are made); nothing is left
    there: a new file is removed, an existing one opened to append and left unchanged. A device
    or named pipe is not tried (opened and closed, a pipe's reader would see its end)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if is_special_file(path):
        return
    try:
        open(path, "xb").close()
    except FileExistsError:
        open(path, "ab").close()
    else:
        os.unlink(path)


def _finished_before(config: RunConfig, output) -> int:
    """The exit status of resuming a run that had finished (a kill after its last checkpoint):
    its --stats and report written from the manifest, and --strict applied to its rejects, as
    the run itself would have."""
    stats = RunStats(started=None)      # the run's seconds are its own, none of this process's
    if output.saved_stats():
        stats.restore(output.saved_stats())
    report, why = _saved_report(output) if config.report else (None, "")
    if _write_side_files(config, stats, report):
        return 1
    if config.report and report is None:
        _say(config, f"error: the output is complete, but {config.report} cannot be written: "
                     f"{why}; clean again with --report into an empty folder")
        return 1
    return 3 if config.strict and stats.rejected else 0


def _saved_report(output) -> tuple[ReportCollector | None, str]:
    """The report collector the interrupted run's last checkpoint saved, or None and why not
    (as report.NO_SAVED_FIGURES says it, or the damage a changed manifest shows)."""
    saved = output.saved_report()
    if saved is None:
        return None, NO_SAVED_FIGURES
    report = ReportCollector()
    try:
        report.restore(saved)
    except ValueError as exc:
        return None, f"the run's last checkpoint kept report figures that cannot be used: {exc}"
    return report, ""


def _write_side_files(config: RunConfig, stats: RunStats,
                      report: ReportCollector | None) -> int:
    """The --stats file and the report (when there is one) of a complete run; 1 when one of
    them cannot be written (the output is complete all the same), else 0."""
    try:
        if config.stats_path:
            _write_stats(config.stats_path, stats)
        if report is not None and config.report:
            write_report(config.report, report.data(_report_run(config, stats),
                                                    stats.skipped_records, stats.skipped_files,
                                                    stats.skipped_duplicates,
                                                    stats.skipped_file_kinds))
            if not config.quiet:
                _say(config, f"report written to {config.report}")
    except OSError as exc:
        where = exc.filename or "the statistics"
        _say(config, f"error: the output is complete, but writing {where} failed: "
                     f"{describe_os_error(exc)}")
        return 1
    return 0


def _write_stats(path: str, stats: RunStats, interrupted: dict[str, Any] | None = None) -> None:
    """The --stats file: the run's figures as indented JSON; `interrupted`: what says the run
    did not finish, and how to go on (a stopped run's)."""
    figures = stats.as_dict()
    if interrupted is not None:
        figures["interrupted"] = interrupted
    data = orjson.dumps(figures, option=orjson.OPT_INDENT_2)
    if path == "-":         # standard output, as for -o (which then cannot be `-` too)
        sys.stdout.buffer.write(data + b"\n")
        sys.stdout.flush()
        return
    Path(path).write_bytes(data)


def _report_run(config: RunConfig, stats: RunStats) -> dict[str, Any]:
    """The run as the report's first line names it; its seconds are every leg's, as --stats
    gives them."""
    run: dict[str, Any] = {"command": config.command, "seconds": round(stats.run_seconds(), 2),
                           "output": config.output}
    if stats.resumed_from and stats.started is not None:
        run["seconds since the resume"] = round(stats.elapsed(), 2)
    return run


def _workers(config: RunConfig) -> int | None:
    """The worker processes to start (None: one per usable core)."""
    return _workers_and_note(config)[0]


def _workers_and_note(config: RunConfig) -> tuple[int | None, str | None]:
    """The worker processes to start (None: one per usable core), and a note when fewer than
    asked: as asked, but no more than the usable cores (Ray's are its cluster's); when not
    asked, all cores, but none for a small input."""
    if config.executor != "local":
        return config.workers, None
    if config.workers is None:
        size = config.input_size
        if size is not None and size < SMALL_INPUT:
            return 1, None      # starting worker processes would take longer than the work
        return None, None
    return capped_workers(config.workers, usable_cores())


class _Job:
    """One run's state between its output and its executor: what was read, written and counted."""

    def __init__(self, config: RunConfig, output):
        self.config, self.output = config, output
        self.stats, self.log = RunStats(), ReadLog()
        self.log.take_named_files(config.inputs)
        if getattr(output, "nothing_to_resume", False) and not config.quiet:
            _say(config, f"nothing to resume in {output.folder} (no run there): "
                         "starting a new run")
        saved = output.saved_stats() if isinstance(output, ShardedOutput) else None
        if saved:
            # (also where no input document was done: the seconds of the legs before count)
            self.stats.restore(saved)
        self.stats.resumed_from = output.skip
        if output.skip and not config.quiet:
            _say(config, f"resuming after {counted(output.skip, 'input document')} "
                         f"({counted(output.records, 'record')} in "
                         f"{counted(output.shard_count, 'shard')})")
        elif getattr(output, "resumed", False) and not config.quiet:
            # The format and shard size may come from the manifest: say which.
            _say(config, f"resuming from the start: the interrupted run finished no shard "
                         f"({output.fmt} shards of {counted(output.shard_size, 'record')})")
        # Figures from before a resume: docs/s counts this run.
        self.base_read = self.stats.read
        # This process's rejects said one by one (of documents, of files) and those only counted:
        # a resume does not say again those of the legs before it.
        self.told, self.told_files, self.untold = 0, 0, 0
        self.inputs_done = output.skip
        # Whether the run stands between batches (waits for the executor's next, reads input for
        # it, or stops after one): a second signal that stops it there finds everything written
        # whole, as the first does.
        self.between_batches = False
        self.executor_closed = False
        self.report = self._start_report() if config.report else None
        self.mapped = MappedFields(config.read_options.hint_fields)

    def _start_report(self) -> ReportCollector:
        """The report's collector, going on from the interrupted run's where its checkpoint
        saved one; a sharded output saves its state with each checkpoint from now on."""
        output = self.output
        saved, why = _saved_report(output) if isinstance(output, ShardedOutput) else (None, "")
        report = saved or ReportCollector()
        if saved is None and output.skip:
            report.begins_after = output.skip
            # Said even with -q: the report asked for will not be the whole run's.
            _say(self.config, f"warning: {why}, so the report covers only the part after this "
                              f"resume, not the first {counted(output.skip, 'input document')}")
        if isinstance(output, ShardedOutput):
            output.report_collector = report
        return report

    def run(self, executor, stop: _StopOnSignal) -> int:
        """Clean every input through the executor and write the outcomes; the exit status.
        `stop` asks to stop on a signal; once every input is cleaned it holds the first one
        until the caller has finished the run (conclude) and uninstalls it: a second one then
        raises KeyboardInterrupt there too, once the output is complete."""
        config, output, stats = self.config, self.output, self.stats
        # (a resumed run's bar starts where the run stood: the input bytes done before)
        progress = Progress(not config.quiet and on_a_terminal(), lambda: config.input_size,
                            done=stats.bytes_in)
        status = None
        try:
            try:
                results = iter(self._results(executor))
                while True:
                    self.between_batches = True
                    result = next(results, None)
                    self.between_batches = False
                    if result is None:
                        break
                    stats.add_times(result.seconds)
                    t0 = STAGE_CLOCK()
                    size = self._write(result)
                    stats.stage_seconds["write"] += STAGE_CLOCK() - t0
                    progress.update(size, stats.read - self.base_read)
                    if stop.asked:
                        # After the batch being written, or the one awaited when the signal
                        # came: cleaned, it is kept, and no later one is waited for.
                        self.between_batches = True
                        raise _Stop
                stop.finishing()
                stats.stop()
                self._count_skipped()
                output.finish(self.inputs_done, stats)
                status = 0
            except (_Stop, FeedingStopped):
                # (a second signal landing here, before the signals are held, stops the run
                # below, finding what is written whole, as this does)
                stop.hold()
                progress.close()
                self._close(executor, cancel=True)
                status = self._stopped(stop.signum, clean=True)
        except KeyboardInterrupt:
            stop.hold()
            progress.close()
            # The workers first, with the signals held: one that never finishes its document
            # kept the run from ending after the second signal, and then the interpreter's exit.
            self._close(executor, cancel=True)
            # Stopped at once: everything written is whole where the run stood between batches
            # (a hung worker's awaited), not in the middle of writing one.
            status = self._stopped(stop.signum, clean=self.between_batches)
        except BrokenPipeError:
            output.abort()
            progress.close()
            # (`cleaner clean ... -o - | head`: what the reader took is all the run gives, said
            # in a line, and in --stats as a stopped run's)
            error = "the output's reader went away (a closed pipe)"
            if not config.quiet:
                _say(config, f"stopped: {error}")
            # (how much of the write it closed on it took is not known: the records before it
            # went out whole, and part of that write may have)
            self._write_stopped_stats(None, error, said=f"{counted(output.records, 'record')} "
                                                        f"went out whole before the write it "
                                                        f"closed on")
            raise                   # cli.main exits with stdout pointed at /dev/null
        except OSError as exc:
            output.abort()
            progress.close()
            error = f"writing output failed: {describe_os_error(exc)}{_on_rejects(exc, output)}"
            _say(config, f"error: {error}")
            if isinstance(output, ShardedOutput):
                _say(config, f"{_shards_kept(output)} and kept; fix the cause, then continue "
                             f"with: {_resume_hint(config)}")
            else:
                _say(config, output.what_is_left())
            # (one file's too, which keeps nothing: a stats file an earlier run left at the
            # path must not stand for this one)
            self._write_stopped_stats(None, error)
            status = 1
        except WorkerDied as exc:
            progress.close()
            _say(config, f"error: {exc}")
            _keep_what_is_whole(config, output, self.inputs_done, stats)
            self._write_stopped_stats(None, str(exc))
            status = 1
        finally:
            if status != 0:
                # (stopping anyway: while the pool shuts down, a signal acts as outside a run)
                stop.uninstall()
            # (a stopped or failed run's bar is closed before its messages, where it stood:
            # drawn again under each of them, it ended the screen below the resume command)
            progress.close(finished=status == 0)
            self._close(executor, cancel=status != 0)
        return status

    def _close(self, executor, cancel: bool) -> None:
        """Close the executor, once (`cancel`: the run is stopping, so its workers are ended at
        once and what they hold dropped)."""
        if self.executor_closed:
            return
        self.executor_closed = True
        try:
            executor.close(cancel=cancel)
        except Exception:
            pass

    def _stopped(self, signum: int, clean: bool) -> int:
        """The run stopped by a signal: what is whole kept (`clean`: all that is written),
        said, and the --stats file of what was done, marked as interrupted; the exit status."""
        self._count_skipped()           # (into the checkpoint, for the stats)
        status = _interrupted(self.config, self.output, self.inputs_done, self.stats, clean,
                              signum)
        if not self.output.complete:
            self._write_stopped_stats(signum)
        return status

    def _write_stopped_stats(self, signum: int | None, error: str | None = None,
                             said: str | None = None) -> None:
        """The --stats file of a stopped run: the figures of what it keeps, and an
        `interrupted` entry with the signal (None for a run that failed, with its `error`: a
        full disk), what is complete and the command that goes on. A sharded run's are those
        its last checkpoint saved (the manifest on disk), from which the resume goes on (what
        it cleaned after, if stopped in the middle of a batch, is cleaned again and counted by
        the resume), so that the resumed run's --stats covers the whole run once. One output
        file not written keeps nothing (_kept_by_one_file). `said`: what is complete, where the
        output cannot say it."""
        config, output, path = self.config, self.output, self.config.stats_path
        if path is None:
            return
        if isinstance(output, ShardedOutput):
            figures, saved = RunStats(started=None), output.saved_stats()
            if saved:
                figures.restore(saved)
            done, said, resume = (output.manifest["inputs_done"], _shards_complete(output),
                                  _resume_hint(config))
        else:
            if self.stats.ended is None:
                # The run's time ends here: its figures and `interrupted` name the same seconds.
                self.stats.stop()
            figures = _kept_by_one_file(output, self.stats)
            done = self.inputs_done if figures is self.stats else 0
            said, resume = said or output.what_is_left(), None
        interrupted: dict[str, Any] = {
            "signal": signal.Signals(signum).name if signum is not None else None,
            "inputs_done": done, "output": said, "resume": resume,
            "seconds": round(self.stats.run_seconds(), 3)}
        if error is not None:
            interrupted["error"] = error
        try:
            _write_stats(path, figures, interrupted)
        except OSError as exc:
            _say(config, f"error: cannot write {path}: {describe_os_error(exc)}")

    def complete_so_far(self) -> str:
        """What a stop keeps at least, for the message of a first signal ("; so far 3 shards
        (300 records, 300 input documents) are complete"); nothing for one output file, which
        a stopped run does not write."""
        if isinstance(self.output, ShardedOutput):
            return f"; so far {_shards_complete(self.output)}"
        return ""

    def _count_skipped(self) -> None:
        """What reading passed over, into the stats: before the last checkpoint, which saves them
        for the --stats of a resume that finds the run finished."""
        self.stats.skipped_files = self.log.skipped
        self.stats.skipped_file_kinds = dict(self.log.skipped_kinds)
        self.stats.skipped_records = dict(self.log.skipped_records)
        self.stats.skipped_duplicates = dict(self.log.duplicate_files)

    def _results(self, executor) -> Iterator:
        """The executor's batch results, in input order, from the inputs past any resume point."""
        config, output = self.config, self.output
        if hasattr(executor, "map_inputs"):
            return executor.map_inputs(config.inputs, config.read_options, output.skip, self.log)
        options = config.read_options
        if executor.name == "pool" and not output.skip:
            # Workers split and parse the JSON lines: the main process then only moves blocks
            # of bytes. (A resumed run counts the documents it skips, so it reads them one by
            # one.)
            options = replace(options, defer_parse=True)
        items = iter_inputs(config.inputs, options, self.log)
        if output.skip:
            items = islice(items, output.skip, None)
        # Timed by the batch, not the document: the clock costs a system call.
        return executor.map(_timed(batched(items), self.stats))

    def _write(self, result) -> int:
        """Write one batch's records and rejects; the input bytes they came from."""
        config, output, stats, report = self.config, self.output, self.stats, self.report
        size = 0                # the input bytes of every document of the batch, rejects too
        # A batch's records go at once, counted by the worker's tally, unless a shard fills
        # among them: sharded output checkpoints there, with the figures up to that record.
        whole = (result.tally is not None and report is None
                 and result.tally.written < output.room())
        lines, written = [], 0
        checkpoints = isinstance(output, ShardedOutput)
        # Parquet rows the worker encoded: the record's row goes with its line.
        rows = decode_records(result.encoded) if result.encoded is not None else None
        for outcome in result.outcomes:
            if report is not None:
                report.add_outcome(outcome)
            self.inputs_done += 1
            stats.read += 1
            if outcome[0] == "record":
                line, item_size = outcome[1], outcome[2]
                size += item_size
                if whole:
                    lines.append(line)
                else:
                    # Counted before it is written where a shard it fills saves the figures
                    # with it, else after: a record a failed write kept is not the run's.
                    if checkpoints:
                        stats.add_record(orjson.loads(line), item_size)
                    try:
                        output.write_record(line, self.inputs_done, stats,
                                            None if rows is None else (rows, written))
                    except OSError:
                        if not checkpoints:
                            self._unread(1)     # (its record did not get out)
                        raise
                    if not checkpoints:
                        stats.add_record(orjson.loads(line), item_size)
                written += 1
            else:
                reject = outcome[1]
                item_size = _reject_bytes(reject)
                size += item_size
                stats.add_reject(reject["reason"], item_size)
                output.write_reject(reject)
                if not config.quiet:
                    self._tell(reject)
        if whole:
            before = output.records
            try:
                output.write_records(lines, rows)
            except OSError:
                # Those of the batch a failed write got out whole (stdout, a device, a pipe)
                # are counted, and no more: the stopped run's --stats are what it gave.
                reached = [outcome for outcome in result.outcomes if outcome[0] == "record"]
                for outcome in reached[:output.records - before]:
                    stats.add_record(orjson.loads(outcome[1]), outcome[2])
                self._unread(len(reached) - (output.records - before))
                raise
            stats.merge(result.tally)
        if self.mapped.unseen:
            self.mapped.look(result.outcomes)
        if not config.quiet and (result.tally is None or result.tally.flagged):
            # A page the file ended inside is kept, flagged: said too, as a cut file's reject
            # is (only a batch with flagged records is looked at).
            for outcome in result.outcomes:
                if outcome[0] == "record" and \
                        (cut := kept_cut_short(outcome[1], self.log.cut_places)) is not None:
                    _say(config, cut)
        return size

    def _unread(self, count: int) -> None:
        """Take back `count` documents counted as read whose records a failed write kept from
        the output (a closed pipe, a full device): a stopped run's figures then hold what it
        gave, each document read written or rejected."""
        self.stats.read -= count
        self.inputs_done -= count

    def _tell(self, reject: dict[str, Any]) -> None:
        """Say a reject on stderr: the first MAX_REJECT_MESSAGES about documents, and those
        about a file (about_the_file) past them, up to MAX_FILE_MESSAGES; the rest are counted
        (every one is in the rejects file)."""
        if about_the_file(reject) and self.told_files < MAX_FILE_MESSAGES:
            self.told_files += 1
        elif self.told < MAX_REJECT_MESSAGES:
            self.told += 1
        else:
            self.untold += 1
            return
        # (a line, a WARC's record, a Parquet row's id: as inputs.Reject.where says them)
        _say(self.config, f"rejected {reject_place(reject)}: {reject['reason']}")

    def conclude(self) -> int:
        """After a complete run: the --stats file, the report, the closing summary; the exit
        status (1 when the stats or the report cannot be written: the output is complete)."""
        config, stats = self.config, self.stats
        if _write_side_files(config, stats, self.report):
            return 1
        rejects_path = getattr(self.output, "rejects_path", None)
        # Said even with -q: a misspelt field loses its hint in every record, without a word.
        for message in self.mapped.warnings(since_resume=bool(self.output.skip)):
            _say(config, f"warning: {message}")
        if config.quiet:
            if stats.rejected and not rejects_path:
                # Quiet, and no rejects file (-o - keeps none by default): one line, so that
                # refused documents do not vanish without a word.
                _say(config, f"{counted(stats.rejected, 'document')} rejected and not kept; "
                             f"give --rejects PATH to keep {noun(stats.rejected, 'it', 'them')}")
            return 0
        if stats.read == 0:         # a wrong path or --glob looks like success otherwise
            # Why: the files the patterns passed over, or else the inputs that held nothing
            # (an empty file, a folder of them).
            why = (f"; {counted(stats.skipped_files, 'file')} matched none of the input patterns "
                   f"({' '.join(config.read_options.glob)})"
                   + kinds_said(stats.skipped_file_kinds, before=": ", after="")
                   if stats.skipped_files
                   else f" in {_named(config.inputs)}")
            _say(config, f"warning: no input documents found{why}")
        if self.untold:
            _say(config, f"... {self.untold} more {noun(self.untold, 'reject')}")
        say(stats.summary())
        written = _records_written(self.output, stats.written)
        if written:
            say(written)
        if stats.rejected and rejects_path:
            say(f"rejects written to {rejects_path}")
        return 0


def _records_written(output, written: int) -> str | None:
    """Where a complete run's records went, for its closing summary: "wrote 5 records to
    out.jsonl", "wrote 5 records to out/ in 3 shards" (every record in the folder, those of a
    resumed run's earlier legs too); None for standard output, where the records were seen."""
    folder = getattr(output, "folder", None)
    if folder is not None:
        return (f"wrote {counted(output.records, 'record')} to {str(folder).rstrip(os.sep)}"
                f"{os.sep} in {counted(output.shard_count, 'shard')}")
    path = getattr(output, "path", None)
    if path is None or path == "-":
        return None
    return f"wrote {counted(written, 'record')} to {path}"


class MappedFields:
    """The --field mappings (HINT=NAME) whose field NAME no record written has held yet, for the
    warning a run closes with: a misspelt NAME (`--field date=date_publsh`) gave no record its
    hint without a word.

    A record carries its input fields at the top of its JSON line (Document.to_record), so a
    field is found by its key there, in the line the worker wrote: no line is parsed, and once
    every NAME is found no line is looked at. A NAME that the record keeps elsewhere (a hint's
    own name, `url`, `title`, ...: given to the document, not carried; a reserved key such as
    `meta`, kept under `input`), or that JSON cannot hold as written (a lone surrogate: bytes
    of the command line that are not UTF-8), is not looked for and never warned about. A key of
    the same name inside another field's object counts as found.

    >>> mapped = MappedFields((("date", "date_publsh"), ("title", "headline"), ("id", "url")))
    >>> mapped.look([("record", b'{"id":"a","text":"x","headline":"H","title":"H"}', 10)])
    >>> mapped.warnings()
    ["--field date=date_publsh: no record had a field 'date_publsh'"]
    """

    def __init__(self, hint_fields: tuple[tuple[str, str], ...]):
        self.mappings = [(hint, name) for hint, name in hint_fields
                         if name not in HINTS and name not in RESERVED_KEYS
                         and printable(name) == name]
        # Each NAME not found yet, by the bytes of its key in a record's JSON line.
        self.unseen = {orjson.dumps(name) + b":": name for _, name in self.mappings}
        self.records = 0            # records looked at: none, and there is nothing to say

    def look(self, outcomes: list) -> None:
        """Find the unseen fields in a batch's records (executor outcomes)."""
        unseen = self.unseen
        for outcome in outcomes:
            if outcome[0] != "record":
                continue
            self.records += 1
            line = outcome[1]
            for key in [key for key in unseen if key in line]:
                del unseen[key]
            if not unseen:
                return

    def warnings(self, since_resume: bool = False) -> list[str]:
        """One message per mapping whose field no record held (none when no record was seen)."""
        if not self.records:
            return []
        missing = set(self.unseen.values())
        which = "no record since the resume" if since_resume else "no record"
        return [f"--field {hint}={name}: {which} had a field {name!r}"
                for hint, name in self.mappings if name in missing]


def _named(inputs: list[str], most: int = 5) -> str:
    """The inputs of a run that found no document, as a warning names them (a folder with its
    trailing slash, standard input in words): the empty file, the wrong folder.

    >>> _named(["a.jsonl", "-"]), _named([f"p{i}.jsonl" for i in range(7)], most=2)
    ('a.jsonl, standard input', 'p0.jsonl, p1.jsonl and 5 more')
    """
    names = ["standard input" if name == "-" else
             name + os.sep if os.path.isdir(name) and not name.endswith(os.sep) else name
             for name in inputs[:most]]
    more = f" and {len(inputs) - most} more" if len(inputs) > most else ""
    return ", ".join(names) + more


def _reject_bytes(reject: dict[str, Any]) -> int:
    """The input bytes a rejected document counts: those its reject says it stands for (a line
    over the record limit, read whole and kept in part: Reject.read_bytes), else those of the input
    it keeps (the line of JSON that cannot be read, the text the cleaner refused, at most
    MAX_REJECT_RAW of either; none for a file that could not be read). The reject is the same
    whatever the workers, where it was made, so the count is too (the rejects file is compared
    so)."""
    size = reject.get("bytes")
    if isinstance(size, int):
        return size
    raw = reject.get("raw")
    return len(raw.encode("utf-8", "replace")) if isinstance(raw, str) else 0


def _failed_file(exc: OSError, output: str) -> str:
    """The file an error opening the output was about (the rejects file of shards, a folder
    above the output), by the name the run gave it, not its temporary one; else the output."""
    if not isinstance(exc.filename, str):
        return output
    written = written_for(exc.filename)
    return written[0] if written else exc.filename


def _on_rejects(exc: OSError, output) -> str:
    """Where a failed write was to the rejects file (its output names it as the error's file),
    the words that say so; else none."""
    rejects = getattr(output, "rejects_path", None)
    if rejects is None or exc.filename is None or str(exc.filename) != str(rejects):
        return ""
    return f"; it was the rejects file {rejects} (--rejects PATH writes them elsewhere)"


def _keep_what_is_whole(config: RunConfig, output, inputs_done: int, stats: RunStats) -> None:
    """After the worker processes gave up: a sharded run keeps everything written (it is all
    whole: the batches done before) as a shard, and says how to go on; one file is not written
    (what_is_left)."""
    if not isinstance(output, ShardedOutput):
        output.abort()
        _say(config, output.what_is_left())
        return
    try:
        output.checkpoint(inputs_done, stats)
    except OSError:
        pass
    output.abort()
    _say(config, f"{_shards_complete(output)} and kept; fix the cause, then continue with: "
                 f"{_resume_hint(config)}")


class _Stop(Exception):
    """Ctrl-C was pressed: stop at the next batch boundary, where everything written is whole."""


class _StopOnSignal:
    """The first Ctrl-C (SIGINT) or SIGTERM asks the run to stop after the batch being written
    (or awaited), the executor to take no more work (`on_stop`), and says what is complete so
    far (`so_far`); a second one stops it at once, its workers killed (a sharded run then keeps
    its last finished shard, or all it wrote where it was waiting for its workers, and resumes
    from there): a worker that never finishes its document cannot make it wait. SIGTERM is
    what `timeout`, `kill` and job schedulers send: without this it ended the run where it
    stood, leaving its temporary files and no word on how to resume. Once every input is
    cleaned, the first signal waits for the run to finish (finishing)."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, config: RunConfig, so_far: Callable[[], str] | None = None,
                 on_stop: Callable[[], None] | None = None):
        self.asked = False
        self.so_far = so_far            # what is complete, for the first signal's message
        self.on_stop = on_stop          # the executor's stop_feeding
        self.all_cleaned = False        # the first signal waits for the run to finish (finishing)
        self.signum = signal.SIGINT     # the signal that asked (SIGINT when none did)
        self.config = config
        self._old: dict[int, Any] = {}
        try:
            for signum in self.SIGNALS:
                self._old[signum] = signal.signal(signum, self._handle)
        except ValueError:          # not the main thread: Ctrl-C raises KeyboardInterrupt as usual
            self._old = {}

    def _handle(self, signum, frame) -> None:
        if self.asked:
            raise KeyboardInterrupt
        self.asked, self.signum = True, signum
        if self.on_stop is not None:
            self.on_stop()
        if self.all_cleaned:
            self._say_held()
        elif not self.config.quiet:
            so_far = self.so_far() if self.so_far is not None else ""
            _say(self.config, f"stopping after the current batch{so_far} ({self._again()} to "
                              "stop at once)")

    def finishing(self) -> None:
        """Every input is cleaned and written: from now on the first signal is held until the
        run is finished (the output closed and renamed into place, the pool shut down, --stats,
        the report, the summary), which then exits as it would have. Ended there, a run
        complete on disk said nothing, wrote no --stats and gave 143, or said its output was not
        written. A second signal still stops the run at once: a finish that hangs (a rename on
        a stuck file system, a pool that does not shut down) must not need SIGKILL."""
        self.all_cleaned = True
        if self.asked:              # (the signal came as the last batch was written)
            self._say_held()

    def _say_held(self) -> None:
        if not self.config.quiet:
            _say(self.config, "every input is cleaned; finishing the output and the run "
                              f"(--stats, report, summary) before stopping ({self._again()} to "
                              "stop at once)")

    def _again(self) -> str:
        return "Ctrl-C again" if self.signum == signal.SIGINT else "the signal again"

    def hold(self) -> None:
        """From now on the signals are let pass: the run is stopping, and a signal more (Ctrl-C
        pressed twice in a hurry) must not cut short the checkpoint and the resume hint."""
        for signum in self._old:
            signal.signal(signum, signal.SIG_IGN)

    def uninstall(self) -> None:
        for signum, old in self._old.items():
            signal.signal(signum, old)
        self._old = {}


def _interrupted(config: RunConfig, output, inputs_done: int, stats: RunStats,
                 clean: bool, signum: int = signal.SIGINT) -> int:
    """Stop: keep what is whole, say how to go on; the exit status of a run the signal ended
    (130 for Ctrl-C, 143 for SIGTERM), as a shell reports one."""
    if output.complete:
        # A second signal as the run finished, its output already in place: kept whole.
        _say(config, f"interrupted as the run finished; {_complete(config, output)}")
        return 128 + signum
    if isinstance(output, ShardedOutput):
        if clean:
            try:
                # Everything written so far is whole: keep it as a (short) shard.
                output.checkpoint(inputs_done, stats)
            except OSError:
                pass
        output.abort()
        _say(config, f"interrupted; {_shards_complete(output)}")
        _say(config, f"continue with: {_resume_hint(config)}")
    else:
        output.abort()
        _say(config, f"interrupted after {counted(stats.written, 'record')}; "
                     f"{output.what_is_left()}")
        if config.output != "-" and not any(name == "-" or is_special_file(name)
                                            for name in config.inputs):
            # One file is written whole or not at all: what a run that can be stopped and
            # continued writes instead (from files: stdin and pipes cannot be read again, and
            # shards refuse them).
            _say(config, "a run that can be stopped and resumed writes shards: "
                         "-o FOLDER --shard-size N")
    return 128 + signum


def _kept_by_one_file(output, stats: RunStats) -> RunStats:
    """The figures of what a stopped single-file run keeps: all of them where its records were
    sent in place (stdout, a device, a pipe: they are out), else none (the file is not written,
    and its rejects file with it: a new run starts from the start). They said the records
    written and bytes of a file that was not there. The run's seconds, workers and executor
    are kept: they say the run, not what it wrote (its seconds read 0.0 beside the
    `interrupted` entry's)."""
    if output.records_sent:
        stats.output_bytes = output.sent_bytes()
        return stats
    kept = RunStats(started=None)
    kept.workers, kept.executor = stats.workers, stats.executor
    kept.seconds_before = stats.run_seconds()
    return kept


def _shards_complete(output: ShardedOutput) -> str:
    """What a stopped sharded run has whole on disk, as its messages say it ("1 shard (300
    records, 302 input documents) is complete")."""
    count = output.shard_count
    return (f"{counted(count, 'shard')} ({counted(output.manifest['records'], 'record')}, "
            f"{counted(output.manifest['inputs_done'], 'input document')}) "
            f"{'is' if count == 1 else 'are'} complete")


def _shards_kept(output: ShardedOutput) -> str:
    """What a sharded run that failed to write keeps: "3 shards (120 records) are complete"."""
    count = output.shard_count
    return (f"{counted(count, 'shard')} ({counted(output.manifest['records'], 'record')}) "
            f"{'is' if count == 1 else 'are'} complete")


def _complete(config: RunConfig, output) -> str:
    """For the message of a run stopped once its output was complete: the output, and the
    --stats file and report it may not have written (a resume of shards writes them)."""
    sides = " and ".join(path for path in (config.stats_path, config.report) if path)
    if not isinstance(output, ShardedOutput):
        return output.what_is_left() + (f"; {sides} may be missing or cut short" if sides else "")
    said = (f"its {counted(output.shard_count, 'shard')} ({counted(output.records, 'record')}) "
            f"{'is' if output.shard_count == 1 else 'are'} complete")
    return said + (f"; {_resume_hint(config)} writes {sides}" if sides else "")
