"""A write that takes only part of a batch (stdout on a full disk) writes the rest or fails the
run: records are never lost without a word."""

from __future__ import annotations

import errno
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.writers import JsonlWriter, write_all

ROOT = Path(__file__).resolve().parent.parent


class _Sink:
    """Takes at most `most` bytes a call; past `room` bytes in all, raises ENOSPC or takes 0."""

    def __init__(self, most: int, room: int | None = None, silent: bool = False):
        self.data = bytearray()
        self.most, self.room, self.silent = most, room, silent

    def write(self, data) -> int:
        take = min(self.most, len(data))
        if self.room is not None:
            take = min(take, self.room - len(self.data))
            if take <= 0:
                if self.silent:
                    return 0
                raise OSError(errno.ENOSPC, "No space left on device")
        self.data += bytes(data[:take])
        return take

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_sink_taking_part_of_each_write_gets_every_byte():
    sink = _Sink(most=7)
    write_all(sink, b"x" * 100 + b"\n")
    assert bytes(sink.data) == b"x" * 100 + b"\n"


@pytest.mark.parametrize("silent", [False, True])
def test_a_sink_that_fills_up_raises_the_disk_error(silent):
    sink = _Sink(most=50, room=120, silent=silent)
    with pytest.raises(OSError) as caught:
        write_all(sink, b"y" * 300)
    assert caught.value.errno == errno.ENOSPC
    assert len(sink.data) == 120


def test_stdout_taking_part_of_a_batch_gets_every_record(monkeypatch):
    sink = _Sink(most=10)
    monkeypatch.setattr(sys, "stdout", type("Out", (), {"buffer": sink})())
    writer = JsonlWriter("-")
    writer.write_lines([b'{"id":1}\n', b'{"id":2}\n'])
    writer.write_line(b'{"id":3}\n')
    writer.close()
    assert bytes(sink.data).splitlines() == [b'{"id":1}', b'{"id":2}', b'{"id":3}']


def test_a_run_to_stdout_on_a_full_disk_fails_and_says_so(tmp_path):
    # A file size limit stands in for a full disk: the write past it takes part of a batch of
    # the workers' records and the next one fails (EFBIG), as on a full disk (ENOSPC). The
    # run went on and ended with status 0, two thirds of its records written.
    data = ROOT / "fixtures" / "indosum" / "labelled.jsonl"
    out = tmp_path / "out.jsonl"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    with out.open("wb") as stdout:
        run = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(data), "-o", "-",
                              "-q", "--workers", "2"], stdout=stdout, stderr=subprocess.PIPE,
                             preexec_fn=limit, cwd=ROOT, timeout=300)
    assert run.returncode != 0
    assert b"cleaner:" in run.stderr
