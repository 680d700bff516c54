"""A worker killed while it sends its result back (holding the result queue's write lock, half a
message in the pipe) left the pool's reader waiting for the rest for ever, the other workers
waiting for the lock, and the run hung silently (acceptance test F: 2 kills in 12). The pool
is taken for broken as for any other death: restarted, the batch cleaned again one document at
a time, the document that kills its worker rejected, and the run ends."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from scale_helpers import real_docs, shard_records, write_jsonl

# Run in a process of its own: without the watchdog the run never ends, and the test says so
# after this long instead of hanging the suite.
TIMEOUT = 120

# Documents in the run, in batches of 128 (batches.BATCH_ITEMS): the document that kills its
# worker (TARGET) is in the first batch, so the other worker cleans the second and then waits
# for the result queue's lock the dead one holds, as in acceptance test F.
COUNT, TARGET = 400, 5

# The CLI run, with clean_items patched so that a worker that meets the document numbered
# TARGET dies the way acceptance test F caught it: holding the result queue's write lock, with
# a result's length header and its first bytes written. It takes the lock first and waits for
# the other worker to have cleaned a batch (CLEANED, a marker file), which then waits for the
# lock to send it. ONCE (a path): it dies only the first time (a marker file, across the worker
# processes); "-": every time the document is cleaned.
_RUN = r'''
import os, signal, struct, sys, time
from pathlib import Path
from cleaner import batches
from cleaner.cli import main

TARGET, ONCE, CLEANED = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
real = batches.clean_items


def die_while_sending():
    """Take the pool's result queue (the worker loop's own), lock it as a result is sent,
    write the start of a message and die by SIGKILL."""
    frame = sys._getframe()
    while frame.f_code.co_name != "_process_worker":
        frame = frame.f_back
    results = frame.f_locals["result_queue"]
    results._wlock.acquire()
    for _ in range(600):
        if CLEANED.exists():
            break
        time.sleep(0.1)
    time.sleep(0.5)                     # (the other worker, from its batch to the lock)
    results._writer._send(struct.pack("!i", 1 << 16) + b"half a resu")
    os.kill(os.getpid(), signal.SIGKILL)


def first_time() -> bool:
    if ONCE == "-":
        return True
    try:
        os.close(os.open(ONCE, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def clean_items(cleaner, items, texts=None):
    if any(int(item.fields["id"][:5]) == TARGET for item in items) and first_time():
        die_while_sending()
    result = real(cleaner, items, texts)
    CLEANED.touch()
    return result


batches.clean_items = clean_items        # (the workers are forked: they clean with it)
sys.exit(main(sys.argv[4:]))
'''


def _run(tmp_path: Path, target: int, once: bool, count: int = COUNT):
    # (gzipped, as in acceptance test F: one item a line, not blocks of lines, so that the
    # documents make several batches)
    plain = write_jsonl(tmp_path / "in.jsonl", real_docs(count))
    dump = tmp_path / "in.jsonl.gz"
    dump.write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    out = tmp_path / "out"
    script = tmp_path / "run.py"
    script.write_text(_RUN, encoding="utf-8")
    marker = str(tmp_path / "died") if once else "-"
    args = [sys.executable, str(script), str(target), marker, str(tmp_path / "cleaned"),
            "clean", str(dump), "-o", str(out), "--shard-size", "100", "--workers", "2"]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"the run hung: no end in {TIMEOUT} s after its worker died "
                             f"while sending a result; stderr: {exc.stderr!r}") from None
    return done, out


def test_a_document_whose_worker_dies_mid_send_every_time_is_rejected_and_the_run_ends(tmp_path):
    done, out = _run(tmp_path, target=TARGET, once=False)
    assert done.returncode == 0, done.stderr
    assert "worker process died" in done.stderr
    ids = [r["id"][:5] for r in shard_records(out)]
    assert ids == [f"{i:05d}" for i in range(COUNT) if i != TARGET]
    rejects = [json.loads(line) for line in
               (out / "_rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rejects) == 1 and "worker process died" in rejects[0]["reason"]
    assert rejects[0]["id"].startswith(f"{TARGET:05d}")


def test_a_worker_dying_mid_send_once_loses_no_document(tmp_path):
    # The batch it held is cleaned again one document at a time: all of it comes out.
    done, out = _run(tmp_path, target=TARGET, once=True)
    assert done.returncode == 0, done.stderr
    assert "worker process died" in done.stderr
    assert (tmp_path / "died").exists()
    ids = [r["id"][:5] for r in shard_records(out)]
    assert ids == [f"{i:05d}" for i in range(COUNT)]
    assert not (out / "_rejects.jsonl").exists()
