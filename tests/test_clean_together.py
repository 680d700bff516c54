"""Documents cleaned together (Cleaner.clean_documents, batches.clean_items) give the records of cleaning them one at a time, and a failure costs only its own document."""

from __future__ import annotations

import pytest

from cleaner import batches, pipeline
from cleaner.batches import clean_items, process_batch
from cleaner.fixtures import fixture_inputs
from cleaner.inputs import Item, Reject
from cleaner.pipeline import Cleaner
from conftest import ROOT
from scale_helpers import real_docs

CRUFT = "Baca juga: Judul Lain\nTinggalkan Balasan"


def _items(rows: list[dict]) -> list[Item]:
    return [Item("in.jsonl", number, row["text"], {k: v for k, v in row.items() if k != "text"},
                 len(row["text"]))
            for number, row in enumerate(rows, start=1)]


def _fields(row: dict) -> dict:
    """A row's fields besides its text, as keywords (the text is positional-only)."""
    return {name: value for name, value in row.items() if name != "text"}


def _fixture_texts() -> list[str]:
    return [raw.read_text(encoding="utf-8") for raw in fixture_inputs(ROOT / "fixtures")
            if raw.suffix == ".txt"]


def test_documents_cleaned_together_give_the_records_of_one_at_a_time():
    rows = real_docs(60) + [{"id": f"f{n}", "text": text}
                            for n, text in enumerate(_fixture_texts())]
    together, alone = Cleaner(), Cleaner()
    docs = together.clean_documents([together.make_document(row["text"], **_fields(row))
                                     for row in rows])
    assert len(docs) == len(rows) > 60
    for row, doc in zip(rows, docs):
        assert doc.to_record() == alone.clean(row["text"], **_fields(row)), row["id"]
    assert any(doc.removed for doc in docs)       # the rules had work to do


def test_a_document_that_breaks_cleaning_together_costs_only_itself(monkeypatch):
    rows = real_docs(12)
    rows[5] = {"id": "bug", "text": f"BUG {CRUFT}\nIsi berita yang panjang."}
    items = _items(rows)
    header_stage = pipeline.header_stage

    def breaks_on_bug(doc):
        if doc.text.startswith("BUG"):
            raise ValueError("a bug")
        return header_stage(doc)

    monkeypatch.setattr(pipeline, "header_stage", breaks_on_bug)
    results = clean_items(Cleaner(), items)
    assert isinstance(results[5], ValueError)
    alone = Cleaner()
    for index, (row, record) in enumerate(zip(rows, results)):
        if index != 5:
            assert record == alone.clean(row["text"], **_fields(row))
    outcomes = process_batch(Cleaner(), items).outcomes
    assert [kind for kind, *_ in outcomes] == ["record"] * 5 + ["reject"] + ["record"] * 6
    assert outcomes[5][1]["reason"] == "internal error: ValueError: a bug"


@pytest.mark.parametrize("chunk", [1, 3, 16])
def test_a_batch_across_chunks_keeps_input_order_with_rejects_between(monkeypatch, chunk):
    items: list[Item | Reject] = list(_items(real_docs(20)))
    for at in (0, 4, 16, 17):
        items.insert(at, Reject("in.jsonl", 100 + at, f"bad line {at}"))
    html = Item("page.html", None, "<html><body><p>Teks</p></body></html>", {"id": "p"}, 40,
                kind="html")
    items.insert(9, html)
    monkeypatch.setattr(batches, "CLEAN_CHUNK", chunk)
    outcomes = process_batch(Cleaner(), items).outcomes
    monkeypatch.setattr(batches, "CLEAN_CHUNK", 1)
    assert outcomes == process_batch(Cleaner(), items).outcomes
    kinds = ["reject" if isinstance(item, Reject) else "record" for item in items]
    kinds[9] = outcomes[9][0]            # a page this small may be refused: either way, in place
    assert [kind for kind, *_ in outcomes] == kinds


def test_a_batchs_record_lines_hold_no_more_memory_than_their_bytes():
    """orjson's dumps hands back its line in a buffer of 32 KB for a 2.5 KB record; the lines
    a batch keeps until they are written must be copies of their own size (with orjson's own
    newline option they were not: 40 MB more at the peak of a 2-worker run)."""
    import tracemalloc

    cleaner = Cleaner()
    items = _items(real_docs(40))
    process_batch(cleaner, items[:4])           # what cleaning compiles on first use
    tracemalloc.start()
    try:
        result = process_batch(cleaner, items)
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    lines = [outcome[1] for outcome in result.outcomes if outcome[0] == "record"]
    assert len(lines) == 40
    made_here = snapshot.filter_traces([tracemalloc.Filter(True, batches.__file__)])
    held = sum(stat.size for stat in made_here.statistics("filename"))
    assert held < 1.5 * sum(map(len, lines)) + 64_000
