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
from pathlib import Path

import pytest

from cleaner import batches
from cleaner.batches import batched
from cleaner.cli import main
from cleaner.executors import PoolExecutor
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
    worker killed from outside while it cleaned it), then is cleaned as any other."""

    def __init__(self, markers: str):
        self.markers = Path(markers)

    def clean(self, text, url=None, id=None, **fields):
        if text.startswith("DIE "):
            _, times, name = text.split(" ", 2)
            if not _died_before(self.markers, name, int(times)):
                os._exit(9)
        return {"id": id, "text": text, "meta": {"site": None}, "removed": [], "flags": []}


def _dying_factory(markers: str) -> DyingCleaner:
    return DyingCleaner(markers)


def _items(texts):
    return [Item("in.jsonl", n, text, {"id": str(n)}, len(text)) for n, text in
            enumerate(texts, start=1)]


def _outcomes(tmp_path, texts, batch_size, messages=None, max_restarts=20):
    markers = tmp_path / "markers"
    markers.mkdir(exist_ok=True)
    warn = messages.append if messages is not None else (lambda message: None)
    pool = PoolExecutor(functools.partial(_dying_factory, str(markers)), 2, warn=warn,
                        max_restarts=max_restarts)
    try:
        outcomes = [o for r in pool.map(batched(_items(texts), batch_size)) for o in r.outcomes]
    finally:
        pool.close()
    return outcomes, pool


def _texts(outcomes):
    return [json.loads(o[1])["text"] if o[0] == "record" else None for o in outcomes]


def test_a_batch_whose_worker_was_killed_once_is_cleaned_again_whole(tmp_path):
    texts = [f"dokumen {i}" for i in range(60)]
    texts[20] = "DIE 1 a"
    messages: list[str] = []
    outcomes, pool = _outcomes(tmp_path, texts, 8, messages)
    assert _texts(outcomes) == texts
    assert pool.restarts == 1
    assert any("died while cleaning in.jsonl:17-24" in m for m in messages)
    # (not one document at a time: one death, one retry of the batch)
    assert not any("one at a time" in m for m in messages)


def test_a_document_killed_once_in_the_one_by_one_pass_is_cleaned_not_rejected(tmp_path):
    # Dies with its batch, with the batch's retry, and when cleaned alone the first time (the
    # kill that came during the one-by-one pass): the second time alone it goes through.
    texts = [f"dokumen {i}" for i in range(60)]
    texts[20] = "DIE 3 a"
    messages: list[str] = []
    outcomes, pool = _outcomes(tmp_path, texts, 8, messages)
    assert [o[0] for o in outcomes] == ["record"] * 60
    assert _texts(outcomes) == texts
    assert pool.restarts == 3
    assert any("one at a time" in m for m in messages)
    assert any("in.jsonl:21; cleaning it again alone" in m for m in messages)


def test_a_document_that_kills_its_worker_twice_alone_is_rejected(tmp_path):
    texts = [f"dokumen {i}" for i in range(60)]
    texts[20] = "DIE 4 a"
    texts[45] = "DIE 99 b"
    outcomes, pool = _outcomes(tmp_path, texts, 8)
    assert [i for i, o in enumerate(outcomes) if o[0] == "reject"] == [20, 45]
    assert all("worker process died while cleaning this document" in outcomes[i][1]["reason"]
               for i in (20, 45))
    assert _texts(outcomes) == [None if i in (20, 45) else t for i, t in enumerate(texts)]


def test_a_killer_document_costs_four_deaths_in_a_row_and_the_run_goes_on(tmp_path):
    # The first document of a batch, that kills every time: the batch, its retry, the document
    # alone twice. Four deaths with nothing cleaned between them are within a budget of 4.
    texts = [f"dokumen {i}" for i in range(24)]
    texts[8] = "DIE 99 a"
    outcomes, pool = _outcomes(tmp_path, texts, 8, max_restarts=4)
    assert [i for i, o in enumerate(outcomes) if o[0] == "reject"] == [8]
    assert pool.restarts == 4


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
