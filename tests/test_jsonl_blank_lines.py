"""A JSONL line of byte order marks and blanks only (an empty "UTF-8 with BOM" file joined in with cat) is passed over by every way of reading: the same records and counts whatever the workers, and a resumed run skips no document."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from cleaner.cli import main
from cleaner.inputs import ReadOptions, Reject, expand
from cleaner.jsonl_reader import RawRecord, read_jsonl
from cleaner.readers import iter_inputs
from scale_helpers import shard_records

BOM_LINES = ["\ufeff", "\ufeff  ", " \ufeff\r", "\ufeff\ufeff", "\t\ufeff \ufeff "]


def _outcomes(items) -> list[tuple]:
    """(kind, line, text or reason) of what reading gave, blocks split and lines parsed."""
    out = []
    for item in expand(items):
        if isinstance(item, RawRecord):
            item = item.parsed()
        out.append(("reject", item.line, item.reason) if isinstance(item, Reject)
                   else ("item", item.line, item.text))
    return out


@pytest.mark.parametrize("line", BOM_LINES)
def test_a_line_of_byte_order_marks_is_passed_over_by_every_reader(tmp_path, line):
    data = b'{"text": "a"}\n' + line.encode() + b'\n{"text": "b"}\n'
    plain, packed = tmp_path / "in.jsonl", tmp_path / "in.jsonl.gz"
    plain.write_bytes(data)
    packed.write_bytes(gzip.compress(data))
    deferred = ReadOptions(defer_parse=True)
    readings = {
        "line by line": iter_inputs([str(plain)], ReadOptions()),
        "byte ranges (workers)": iter_inputs([str(plain)], deferred),
        ".gz": iter_inputs([str(packed)], ReadOptions()),
        ".gz, deferred": iter_inputs([str(packed)], deferred),
        "blocks (a pipe, stdin)": read_jsonl(io.BufferedReader(io.BytesIO(data)), "<stdin>",
                                             deferred, blocks=True),
    }
    for how, items in readings.items():
        assert _outcomes(items) == [("item", 1, "a"), ("item", 3, "b")], how


def _dump(path, count=600, bom_at=(50, 333)):
    """`count` records, a line holding only a byte order mark before each index in `bom_at`."""
    with open(path, "wb") as f:
        for i in range(count):
            if i in bom_at:
                f.write("\ufeff\n".encode())
            f.write(json.dumps({"id": f"d{i:05d}", "text": f"Jakarta - Berita nomor {i} "
                                f"tentang banjir di kota.\n\nWarga mengungsi. (ant)"}).encode()
                    + b"\n")
    return path


def _stats(path) -> dict:
    stats = json.loads(path.read_text())
    return {key: stats[key] for key in ("documents_read", "written", "rejected", "flagged",
                                        "reject_reasons", "rules", "bytes")}


def test_one_worker_and_two_give_the_same_records_and_counts(tmp_path):
    dump = _dump(tmp_path / "in.jsonl")
    runs = []
    for workers in ("1", "2"):
        out, stats = tmp_path / f"{workers}.jsonl", tmp_path / f"{workers}.stats.json"
        # --strict: a "blank line" reject would exit 3
        assert main(["clean", str(dump), "-o", str(out), "-q", "--strict", "--workers", workers,
                     "--stats", str(stats)]) == 0
        runs.append((out.read_bytes(), _stats(stats)))
    assert runs[0] == runs[1]
    assert runs[0][1]["documents_read"] == 600 and runs[0][1]["rejected"] == 0


def test_a_resume_after_a_run_of_two_workers_skips_no_document(tmp_path):
    """A resumed run counts the input documents done to skip them, reading line by line; the
    run before it, with workers, read in blocks. A line one of them took for a document and
    the other passed over lost the first document after the resume point."""
    dump = _dump(tmp_path / "in.jsonl")
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert main(["clean", str(dump), "-o", str(reference), "--shard-size", "40", "-q",
                 "--workers", "1"]) == 0
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q",
                 "--workers", "2"]) == 0
    # Roll the manifest back to its 10th shard (past both marks), as a kill -9 would leave it.
    manifest = json.loads((out / "_manifest.json").read_text())
    manifest["shards"] = manifest["shards"][:10]
    manifest.update(complete=False, records=400, inputs_done=manifest["shards"][-1]["inputs_end"],
                    rejects=0, rejects_bytes=0)
    (out / "_manifest.json").write_text(json.dumps(manifest))
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "40", "--resume",
                 "-q"]) == 0
    records = shard_records(out)
    assert [r["id"] for r in records] == [f"d{i:05d}" for i in range(600)]
    assert records == shard_records(reference)
    rejects = out / "_rejects.jsonl"
    assert not rejects.exists() or not rejects.read_text()
