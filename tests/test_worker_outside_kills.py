"""A worker killed from outside (kill -9, the OOM killer picking it) is not the document's doing:
only a document that kills a worker again when tried alone a second time, in a restarted pool,
is rejected for it (acceptance run: 6 outside kills during a run rejected 5 healthy articles
that were being cleaned one at a time when a kill came). A batch a worker died on is first
cleaned again whole, alone in the restarted pool: an outside kill then costs one batch cleaned
twice, not a batch of a thousand lines cleaned one document at a time."""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from cleaner import batches
from cleaner.batches import batched
from cleaner.cli import main
from cleaner.executors import PoolExecutor, WorkerDied
from cleaner.inputs import Item
from scale_helpers import read_jsonl, real_docs, write_jsonl


def _died_before(markers: Path, name: str, times: int) -> bool:
    """Whether `name` has killed its worker `times` times already; if not, one more death is
    counted (a marker file, shared by the worker processes)."""
    for n in range(times):
        try:
            os.close(os.open(markers / f"{name}.{n}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        return False
    return True


class DyingCleaner:
    """Echoes text; a text "DIE n NAME" kills its worker the first n times it is cleaned (a
    worker killed from outside while it cleaned it), then is cleaned as any other. "DIE n NAME
    ARM": its n-th death also arms the worker start: once armed, the next `STARTS` workers to start die starting
    (an outside kill landing while the pool restarts). A text "SIBLING" kills the other workers
    of its pool and waits for the pool to break (the idle worker killed from outside)."""

    def __init__(self, markers: str, starts: int = 1):
        self.markers = Path(markers)
        self.markers.joinpath(f"worker.{os.getpid()}").touch()
        if self.markers.joinpath("armed").exists() and \
                not _died_before(self.markers, "start", starts):
            os._exit(9)

    def clean(self, text, url=None, id=None, **fields):
        if text.startswith("DIE "):
            _, times, name, *arm = text.split(" ")
            if not _died_before(self.markers, name, int(times)):
                if arm and self.markers.joinpath(f"{name}.{int(times) - 1}").exists():
                    self.markers.joinpath("armed").touch()
                os._exit(9)
        if text == "SIBLING" and _kill_siblings(self.markers):
            time.sleep(30)                  # (ended by the pool, broken by the kill)
        return {"id": id, "text": text, "meta": {"site": None}, "removed": [], "flags": []}


def _kill_siblings(markers: Path) -> bool:
    """Kill the other live workers of this worker's pool (children of the same process);
    whether there was one."""
    killed = False
    for marker in markers.glob("worker.*"):
        pid = int(marker.suffix[1:])
        try:
            # (field 4 of /proc/PID/stat: the parent's pid, past the name in parentheses)
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if pid != os.getpid() and stat[0] != "Z" and int(stat[1]) == os.getppid():
            os.kill(pid, signal.SIGKILL)
            killed = True
    return killed


def _dying_factory(markers: str, starts: int = 1) -> DyingCleaner:
    return DyingCleaner(markers, starts)


def _items(texts):
    return [Item("in.jsonl", n, text, {"id": str(n)}, len(text)) for n, text in
            enumerate(texts, start=1)]


def _outcomes(tmp_path, texts, batch_size, messages=None, max_restarts=20, starts=1):
    markers = tmp_path / "markers"
    markers.mkdir(exist_ok=True)
    warn = messages.append if messages is not None else (lambda message: None)
    pool = PoolExecutor(functools.partial(_dying_factory, str(markers), starts), 2, warn=warn,
                        max_restarts=max_restarts)
    try:
        outcomes = [o for r in pool.map(batched(_items(texts), batch_size)) for o in r.outcomes]
    finally:
        pool.close()
    return outcomes, pool


def _texts(outcomes):
    return [json.loads(o[1])["text"] if o[0] == "record" else None for o in outcomes]


def test_a_batch_whose_worker_was_killed_once_is_cleaned_again_whole(tmp_path):
    # (in the first batch: a death breaks the pool for every batch in flight, and the first
    # one in input order is the one reported)
    texts = [f"dokumen {i}" for i in range(60)]
    texts[4] = "DIE 1 a"
    messages: list[str] = []
    outcomes, pool = _outcomes(tmp_path, texts, 8, messages)
    assert _texts(outcomes) == texts
    assert pool.restarts == 1
    assert any("died while cleaning in.jsonl:1-8" in m for m in messages)
    # (not one document at a time: one death, one retry of the batch)
    assert not any("one at a time" in m for m in messages)


def test_a_document_killed_once_in_the_one_by_one_pass_is_cleaned_not_rejected(tmp_path):
    # Dies with its batch, with the batch's retry, and when cleaned alone the first time (the
    # kill that came during the one-by-one pass): the second time alone it goes through.
    # (in the first batch, as above)
    texts = [f"dokumen {i}" for i in range(60)]
    texts[4] = "DIE 3 a"
    messages: list[str] = []
    outcomes, pool = _outcomes(tmp_path, texts, 8, messages)
    assert [o[0] for o in outcomes] == ["record"] * 60
    assert _texts(outcomes) == texts
    assert pool.restarts == 3
    assert any("one at a time" in m for m in messages)
    assert any("in.jsonl:5; cleaning it again alone" in m for m in messages)


def test_a_document_that_kills_its_worker_twice_alone_is_rejected(tmp_path):
    # (the one that dies 4 times in the first batch: a death breaks every batch in flight, and
    # the first in input order is the one retried first, so its deaths are counted as said;
    # one that always kills is rejected wherever it is)
    texts = [f"dokumen {i}" for i in range(60)]
    texts[4] = "DIE 4 a"
    texts[45] = "DIE 99 b"
    outcomes, pool = _outcomes(tmp_path, texts, 8)
    assert [i for i, o in enumerate(outcomes) if o[0] == "reject"] == [4, 45]
    assert all("worker process died while cleaning this document" in outcomes[i][1]["reason"]
               for i in (4, 45))
    assert _texts(outcomes) == [None if i in (4, 45) else t for i, t in enumerate(texts)]


def test_a_killer_document_costs_four_deaths_in_a_row_and_the_run_goes_on(tmp_path):
    # The first document of a batch, that kills every time: the batch, its retry, the document
    # alone twice. Four deaths with nothing cleaned between them are within a budget of 4.
    # (in the first batch, so that no other batch in flight is broken by its deaths and
    # retried first, a death more)
    texts = [f"dokumen {i}" for i in range(24)]
    texts[0] = "DIE 99 a"
    outcomes, pool = _outcomes(tmp_path, texts, 8, max_restarts=4)
    assert [i for i, o in enumerate(outcomes) if o[0] == "reject"] == [0]
    assert pool.restarts == 4


def test_a_worker_killed_while_the_pool_restarts_is_not_the_documents_doing(tmp_path):
    # Document 5 dies with its batch, with the batch's retry and alone once; then the worker
    # started to clean it again is killed before it takes it. It was rejected ("died on it
    # twice alone"): the death that counts is the one of the worker cleaning it. (In the first
    # batch: a death breaks the pool for every batch in flight, and the first one in input
    # order is the one cleaned again, so the deaths are those counted here.)
    texts = [f"dokumen {i}" for i in range(60)]
    texts[4] = "DIE 3 a ARM"
    messages: list[str] = []
    outcomes, pool = _outcomes(tmp_path, texts, 8, messages)
    assert [o[0] for o in outcomes] == ["record"] * 60
    assert _texts(outcomes) == texts
    assert pool.restarts == 4


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds workers in /proc")
def test_the_idle_worker_dying_in_the_one_by_one_pass_is_not_the_documents_doing(tmp_path):
    # Document 7 is cleaned one at a time (document 5 killed its batch twice); each time it
    # is cleaned, the pool's other worker is killed. It was rejected: the one-by-one pass now
    # cleans in a pool of one worker, the one holding the document.
    texts = [f"dokumen {i}" for i in range(60)]
    texts[4] = "DIE 2 a"
    texts[6] = "SIBLING"
    outcomes, pool = _outcomes(tmp_path, texts, 8)
    assert [o[0] for o in outcomes] == ["record"] * 60
    assert _texts(outcomes) == texts
    assert pool.restarts == 2


def test_a_pool_that_cannot_start_in_the_one_by_one_pass_ends_the_run_in_bounded_time(
        tmp_path):
    # Deaths that are no document's doing reject nothing, and are retried: still only
    # max_restarts deaths in a row, and the documents cleaned before them are kept.
    texts = [f"dokumen {i}" for i in range(24)]
    texts[4] = "DIE 3 a ARM"
    markers = tmp_path / "markers"
    markers.mkdir()
    pool = PoolExecutor(functools.partial(_dying_factory, str(markers), 99), 2,
                        warn=lambda message: None, max_restarts=6)
    written = []
    try:
        with pytest.raises(WorkerDied):
            for result in pool.map(batched(_items(texts), 8)):
                written.extend(result.outcomes)
    finally:
        pool.close()
    assert _texts(written) == texts[:4]
    # (the batch, its retry; documents 1 to 4 cleaned; document 5 once, then 6 starts: 7 in a
    # row are past 6)
    assert pool.restarts == 2 + 7


@pytest.mark.parametrize("times", [1, 3])
def test_a_run_whose_worker_is_killed_writes_every_record_once_in_order(
        tmp_path, monkeypatch, times):
    # Plain JSONL goes as byte ranges: 200 articles are one batch, cleaned one at a time after
    # the second death. Records are neither lost nor written twice, nor rejected.
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(200))
    markers = tmp_path / "markers"
    markers.mkdir()
    real = batches.clean_items

    def clean_items(cleaner, items, texts=None):
        if any(item.fields["id"][:5] == "00117" for item in items) and \
                not _died_before(markers, "117", times):
            os._exit(9)
        return real(cleaner, items, texts)

    monkeypatch.setattr(batches, "clean_items", clean_items)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--workers", "2"]) == 0
    assert [r["id"][:5] for r in read_jsonl(out)] == [f"{i:05d}" for i in range(200)]
    assert not Path(f"{out}.rejects.jsonl").exists() or \
        not Path(f"{out}.rejects.jsonl").read_text(encoding="utf-8")
