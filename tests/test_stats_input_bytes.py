"""The input a run reads, in --stats, the closing summary and the progress bar: every document's
bytes, rejected ones included (the input their rejects keep), so that MB/s is the rate input is
read at, the same whatever the workers."""

from __future__ import annotations

import json

import pytest

from cleaner import run
from cleaner.cli import main
from cleaner.stats import RunStats
from scale_helpers import real_docs, write_jsonl

# Rejected where they are read (broken JSON, not an object, no text) and where they are cleaned
# (nothing visible once normalized): each is a document read.
_BAD = {3: b'{"id": "broken", "text": "no end', 9: b"[1, 2, 3]",
        17: b'{"id": "empty", "text": "  "}', 25: '{"id": "z", "text": "\u200b\u200b"}'.encode()}


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("bytes") / "in.jsonl", real_docs(40),
                       bad_lines=_BAD)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_stats_count_the_bytes_of_every_document_read_and_of_those_written(dump, tmp_path,
                                                                           workers):
    # Before, "bytes" left out the rejected documents, and MB/s with it.
    stats, out = tmp_path / "s.json", tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--workers", workers,
                 "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert (figures["documents_read"], figures["rejected"]) == (44, 4)
    # Records: their lines, without the line end. Rejects: what they keep, the line of JSON
    # that cannot be read, the text the cleaner refused (the zero-width one: 6 bytes).
    good = [line for line in dump.read_bytes().splitlines() if line not in _BAD.values()]
    assert figures["bytes_written"] == sum(map(len, good))
    kept = [json.loads(line)["raw"] for line in (tmp_path / "out.jsonl.rejects.jsonl")
            .read_bytes().splitlines()]
    assert kept[:3] == [line.decode() for line in list(_BAD.values())[:3]]
    assert kept[3] == "\u200b\u200b"
    assert figures["bytes"] == figures["bytes_written"] + sum(len(raw.encode()) for raw in kept)


def test_the_progress_bar_counts_what_the_stats_count(dump, tmp_path, monkeypatch):
    counted = {"bytes": 0, "docs": 0, "done": None}

    class Bar:
        def __init__(self, enabled, input_size, done=0):
            counted["done"] = done

        def update(self, size, docs):
            counted["bytes"] += size
            counted["docs"] = docs

        def close(self, finished=False):
            pass

    monkeypatch.setattr(run, "Progress", Bar)
    stats = tmp_path / "s.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q", "--workers", "2",
                 "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert (counted["bytes"], counted["docs"]) == (figures["bytes"], figures["documents_read"])
    assert counted["done"] == 0


def test_the_summary_rates_count_rejected_documents_too():
    stats = RunStats(started=0.0)
    stats.read = 2
    stats.add_record({"meta": {}, "removed": [], "flags": []}, 1_000_000)
    stats.add_reject("broken JSON: unexpected end", 3_000_000)
    stats.ended = 2.0
    assert "2.00 s, 1 docs/s, 2.0 MB/s" in stats.summary()
    assert (stats.bytes_in, stats.bytes_written) == (4_000_000, 1_000_000)


def test_a_checkpoint_keeps_both_byte_counts_and_an_older_one_reads_as_records_only():
    stats = RunStats()
    stats.add_record({"meta": {}, "removed": [], "flags": []}, 500)
    stats.add_reject("empty document", 70)
    again = RunStats()
    again.restore(stats.state())
    assert (again.bytes_in, again.bytes_written) == (570, 500)
    older = {k: v for k, v in stats.state().items() if k != "bytes_written"}
    older["bytes_in"] = 500         # (what a checkpoint of an earlier version counted)
    again.restore(older)
    assert (again.bytes_in, again.bytes_written) == (500, 500)


def test_a_reject_of_undecodable_or_huge_input_counts_what_it_keeps_and_never_fails(tmp_path):
    # Invalid UTF-8 and a line over --max-record-bytes are rejected where they are read: what
    # they count is what the reject keeps of them, and the run goes on.
    dump = tmp_path / "in.jsonl"
    with open(dump, "wb") as f:
        f.write(b'{"id": "a", "text": "Isi \xff berita."}\n')
        f.write(b'{"id": "b", "text": "' + b"x" * 5000 + b'"}\n')
        f.write(b'{"id": "c", "text": "Banjir melanda kota.\\n\\nWarga mengungsi. (ant)"}\n')
    stats = tmp_path / "s.json"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q", "--workers", "1",
                 "--max-record-bytes", "1000", "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert figures["rejected"] == 2 and figures["written"] == 1
    assert figures["bytes"] > figures["bytes_written"] + 1000
