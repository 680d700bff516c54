"""The run's messages on stderr: a stderr that cannot be written costs nothing but the messages;
rejects about a damaged file are said past the cap; messages go above the progress bar, which is
drawn on a terminal of 0 columns too; counts and the resume command said as a person would."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from cleaner import cli_clean
from cleaner.cli import main
from cleaner.run import MAX_REJECT_MESSAGES, _shards_complete, about_the_file
from conftest import ROOT
from scale_helpers import (read_jsonl, real_docs, shard_records, stderr_on_a_terminal,
                           write_jsonl)

# 60 broken lines in a gzip member whose CRC is wrong: read (and rejected) one by one before the
# member's damage is found, as a member garbled in its middle gives them.
_GARBLED = 60


def _damaged_gz(path: Path) -> Path:
    """A .jsonl.gz of three members: 10 articles; 60 broken lines (cut strings) in a member whose
    trailer is damaged; 10 articles."""
    docs = real_docs(20)
    good = [json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in docs]
    # Long lines: read before the member's end, where its damage is found.
    text = json.dumps(" ".join(row["text"] for row in docs))[:-1].encode()
    broken = gzip.compress(b"".join(b'{"id": "x%d", "text": %s\n' % (i, text)
                                    for i in range(_GARBLED)))
    crc = zlib.crc32(b"nothing like the data").to_bytes(4, "little")
    broken = broken[:-8] + crc + broken[-4:]
    path.write_bytes(gzip.compress(b"".join(good[:10])) + broken
                     + gzip.compress(b"".join(good[10:])))
    return path


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    return _damaged_gz(tmp_path_factory.mktemp("damaged") / "damaged.jsonl.gz")


@pytest.fixture(scope="module")
def reference(dump, tmp_path_factory) -> tuple[bytes, bytes]:
    """The records and rejects of a run whose stderr is written."""
    out = tmp_path_factory.mktemp("reference") / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "--workers", "1", "-q"]) == 0
    return out.read_bytes(), Path(f"{out}.rejects.jsonl").read_bytes()


def _run_without_stderr(args: list[str], closed: bool = False) -> int:
    """`cleaner clean ARGS`'s exit status with its stderr a pipe whose reader has gone
    (`2>&1 | head`), or (`closed`) no stderr at all (`2>&-`)."""
    cmd = [sys.executable, "-m", "cleaner", "clean", *args]
    if closed:
        return subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120,
                              stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(2)).returncode
    read, write = os.pipe()
    os.close(read)                      # gone before the run writes its first message
    try:
        return subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=write, timeout=120).returncode
    finally:
        os.close(write)


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("closed", [False, True])
def test_a_run_whose_stderr_is_gone_writes_its_output_and_rejects_and_exits_0(
        dump, reference, tmp_path, workers, closed):
    out = tmp_path / "out.jsonl"
    assert _run_without_stderr([str(dump), "-o", str(out), "--workers", workers], closed) == 0
    assert len(read_jsonl(out)) == 20
    assert (out.read_bytes(), (tmp_path / "out.jsonl.rejects.jsonl").read_bytes()) == reference
    assert len(reference[1].splitlines()) > MAX_REJECT_MESSAGES + 1
    assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_a_sharded_run_and_its_finished_resume_with_stderr_gone_exit_0(dump, tmp_path):
    out = tmp_path / "shards"
    args = [str(dump), "-o", str(out), "--shard-size", "7", "--workers", "2"]
    assert _run_without_stderr(args) == 0
    assert len(shard_records(out)) == 20
    assert json.loads((out / "_manifest.json").read_text())["complete"]
    # (a finished run: the resume has only its message to say)
    assert _run_without_stderr([*args, "--resume"]) == 0
    assert _run_without_stderr([*args, "--resume"], closed=True) == 0


def test_the_damage_of_a_gzip_member_is_said_in_full_past_the_cap(dump, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    rejects = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    damage = rejects[-1]                    # found at the member's end, after its lines
    assert "corrupt gzip member" in damage["reason"] and len(rejects) > MAX_REJECT_MESSAGES + 1
    assert len(damage["reason"]) > 200      # longer than the summary's example of it
    assert f"cleaner: rejected {dump}:{damage['line']}: {damage['reason']}\n" in err
    assert err.count("cleaner: rejected ") == MAX_REJECT_MESSAGES + 1
    assert f"... {len(rejects) - 1 - MAX_REJECT_MESSAGES} more rejects" in err


def test_rejects_about_a_file_are_told_from_those_about_a_document():
    assert about_the_file({"line": 12, "reason": "truncated or corrupt input after line 11: x"})
    assert about_the_file({"line": 3, "reason": "corrupt WARC record: its gzip member is damaged"})
    assert about_the_file({"line": None, "reason": "cannot read: Permission denied", "raw": None})
    assert not about_the_file({"line": 5, "reason": "broken JSON: unexpected end of data"})
    # A URL that names corruption does not make a page's reject one about the file.
    assert not about_the_file({"line": 5, "reason": "page in an unknown encoding: "
                                                   "https://example.com/corrupt-officials"})
    assert not about_the_file({"line": None, "reason": "no article text found", "raw": "<html"})


@pytest.fixture(scope="module")
def with_rejects(tmp_path_factory) -> Path:
    """Articles with broken lines among them, plain JSONL (a known size: a bar with a share)."""
    folder = tmp_path_factory.mktemp("bar")
    return write_jsonl(folder / "in.jsonl", real_docs(300),
                       {i: b'{"id": "broken' for i in range(0, 300, 30)})


def test_messages_go_on_their_own_line_above_the_bar(with_rejects, tmp_path):
    shown = stderr_on_a_terminal(str(with_rejects), "-o", str(tmp_path / "o.jsonl"))
    assert "cleaning:" in shown and "%|" in shown
    assert shown.count("cleaner: rejected ") == 10
    # Each message starts where the bar's line was cleared, never after the bar's text.
    before = [part[-1:] for part in shown.split("cleaner: rejected ")[:-1]]
    assert before == ["\r"] * 10, before


def test_a_failed_runs_bar_is_closed_before_its_messages_not_drawn_under_them(with_rejects,
                                                                             tmp_path):
    """A full disk (/dev/full, written in place) ends the run: its error and what is left are
    the screen's last lines, not the bar drawn again under each of them."""
    shown = stderr_on_a_terminal(str(with_rejects), "-o", "/dev/full", status=1)
    assert "cleaning:" in shown and "error: writing output failed" in shown
    after = shown[shown.index("error: writing output failed"):]
    assert "cleaning:" not in after, after


def test_a_terminal_of_0_columns_gets_a_bar_of_the_default_width(with_rejects, tmp_path):
    shown = stderr_on_a_terminal(str(with_rejects), "-o", str(tmp_path / "o.jsonl"), columns=0)
    assert "cleaning:" in shown and "%|" in shown and "B/s" in shown
    bars = [line for line in shown.replace("\n", "\r").split("\r") if line.startswith("cleaning")]
    assert bars and max(len(line) for line in bars) <= 80


def test_a_terminal_of_0_rows_gets_a_bar_of_its_own_width(with_rejects, tmp_path):
    # (`stty cols 100` in a pty that had no size: tqdm hid the bar, as on a row past the screen)
    shown = stderr_on_a_terminal(str(with_rejects), "-o", str(tmp_path / "o.jsonl"),
                                 columns=100, rows=0)
    bars = [line for line in shown.replace("\n", "\r").split("\r") if line.startswith("cleaning")]
    assert bars and "%|" in bars[-1] and "B/s" in bars[-1]
    assert max(len(line) for line in bars) <= 100


@pytest.mark.parametrize("columns", [50, 60])
def test_a_narrow_terminal_still_shows_documents_a_second(with_rejects, tmp_path, columns):
    # (tqdm's own layout cut at the edge: documents/s, its last part, went first)
    shown = stderr_on_a_terminal(str(with_rejects), "-o", str(tmp_path / "o.jsonl"),
                                 columns=columns)
    bars = [line for line in shown.replace("\n", "\r").split("\r") if line.startswith("cleaning")]
    assert bars and "docs/s" in bars[-1] and "%|" in bars[-1] and "B/s" in bars[-1]
    assert max(len(line) for line in bars) <= columns


def _manifest_of(shards: int, records: int, inputs: int):
    return SimpleNamespace(shard_count=shards,
                           manifest={"records": records, "inputs_done": inputs})


def test_one_shard_is_said_in_the_singular():
    assert _shards_complete(_manifest_of(1, 300, 1)) == \
        "1 shard (300 records, 1 input document) is complete"
    assert _shards_complete(_manifest_of(3, 1, 301)) == \
        "3 shards (1 record, 301 input documents) are complete"


def test_the_resume_command_names_the_program_as_it_was_run(tmp_path, monkeypatch):
    package = Path(cli_clean.__file__).parent
    python = cli_clean._python()
    assert cli_clean.program(str(package / "__main__.py")) == f"{python} -m cleaner"
    assert cli_clean.program(str(package / "cli.py")) == f"{python} -m cleaner"
    script = tmp_path / "venv" / "bin" / "cleaner"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", "/nonexistent")
    assert cli_clean.program(str(script)) == str(script)    # a venv's, not on PATH
    monkeypatch.setenv("PATH", str(script.parent))
    assert cli_clean.program(str(script)) == "cleaner"
    assert cli_clean.program("-c") == "cleaner"             # not known: the command's name


def test_a_stopped_run_run_as_a_module_says_to_resume_as_a_module(tmp_path):
    # (SIGTERM before any input is read: the stop is said at the first batch)
    rows = real_docs(40)
    dump = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "shards"
    proc = subprocess.run(
        [sys.executable, "-c", "import os, signal, runpy, sys; "
         "sys.argv = [os.path.join(os.path.dirname(__import__('cleaner').__file__), "
         "'__main__.py')] + sys.argv[1:]; os.kill(os.getpid(), 0); "
         "import cleaner.run as r; real = r._Job._write\n"
         "def write(self, result):\n    os.kill(os.getpid(), signal.SIGTERM)\n"
         "    return real(self, result)\n"
         "r._Job._write = write; runpy.run_module('cleaner', run_name='__main__')",
         "clean", str(dump), "-o", str(out), "--shard-size", "10", "--workers", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 143, proc.stderr
    assert f"continue with: {cli_clean._python()} -m cleaner clean {dump} -o {out} " in \
        proc.stderr


def _in_process_without_stderr(args: list[str]) -> int:
    """main(ARGS) in this process, its file descriptor 2 a pipe whose reader has gone."""
    read, write = os.pipe()
    os.close(read)
    saved = os.dup(2)
    os.dup2(write, 2)
    os.close(write)
    stream, sys.stderr = sys.stderr, open(2, "w", closefd=False)
    try:
        return main(args)
    finally:
        sys.stderr.close()
        sys.stderr = stream
        os.dup2(saved, 2)
        os.close(saved)


def test_a_worker_that_dies_with_stderr_gone_costs_the_run_nothing(tmp_path, monkeypatch):
    # The pool said the death with print(): BrokenPipeError, exit 1, and the output deleted.
    from cleaner import batches, progress

    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(40))
    real = batches.clean_items
    died = tmp_path / "died"

    def dies_once(cleaner, items, texts=None):
        if not died.exists() and any(item.line == 17 for item in items):
            died.touch()
            os._exit(9)
        return real(cleaner, items, texts)

    monkeypatch.setattr(batches, "clean_items", dies_once)
    monkeypatch.setattr(progress._Stderr, "failed", None)
    out = tmp_path / "out.jsonl"
    assert _in_process_without_stderr(["clean", str(dump), "-o", str(out), "--workers", "2"]) == 0
    assert died.exists() and len(read_jsonl(out)) == 40


def test_learning_boilerplate_with_stderr_gone_writes_the_output(tmp_path):
    # Its messages went out with print(): BrokenPipeError, exit 1, nothing written.
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(30))
    out = tmp_path / "out.jsonl"
    assert _run_without_stderr([str(dump), "-o", str(out), "--workers", "1",
                                "--learn-boilerplate"]) == 0
    assert len(read_jsonl(out)) == 30


@pytest.mark.parametrize("error", [UnicodeEncodeError("ascii", "é", 0, 1, "no"),
                                   BlockingIOError(11, "full")])
def test_a_message_that_cannot_be_written_once_does_not_end_the_messages(error, monkeypatch):
    # A message a strict stream cannot encode, or a stderr full for a moment, ended every
    # message after it (stderr pointed at /dev/null).
    from cleaner import progress

    written = []

    class Stream:
        def write(self, text):
            if "bad" in text:
                raise error
            written.append(text)

        def flush(self):
            pass

    monkeypatch.setattr(progress._Stderr, "failed", None)
    monkeypatch.setattr(progress._Stderr, "bar", None)
    monkeypatch.setattr(sys, "stderr", Stream())
    progress.say("bad")
    progress.say("good")
    assert written == ["good\n"] and progress._Stderr.failed is None
