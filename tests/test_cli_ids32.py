"""A record the run rejects is named by its id wherever it is asked for or written: `fixtures add
--id` of a record its reader refuses says it was rejected and why (not "no record"); the rejects
made where documents are cleaned (nothing visible left, a page with no article or over its time
limit, a worker that died on it) carry the record's id as the readers' do, and `explain --id`
says why; a resume refused over a file whose modification time changed says both times."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from cleaner.batches import NOTHING_VISIBLE, batched, internal_error, item_reject, process_batch
from cleaner.cli import main
from cleaner.executors import PoolExecutor
from cleaner.html_load import PageError
from cleaner.inputs import Item, ReadOptions
from cleaner.input_fingerprint import changes_said
from cleaner.jsonl_reader import RawRecord
from cleaner.shards import _JsonlShard
from scale_helpers import fake_factory, real_docs, write_jsonl

ARTICLE = ("Sebuah berita yang cukup panjang untuk dibersihkan dengan baik hari ini, dengan "
           "beberapa kalimat lagi supaya tetap menjadi dokumen.")
# A page whose article the extractor cannot find: cleaning it raises PageError.
NO_ARTICLE = "<html><body><script>x</script></body></html>"


@pytest.fixture
def dump(tmp_path):
    """A dump of one good record and one of each kind of reject, by line: 2 an empty text, 3 no
    text field, 4 broken JSON, 5 nothing visible once normalized, 6 a page with no article."""
    lines = [json.dumps({"id": "a1", "text": ARTICLE}),
             json.dumps({"id": "a2", "text": ""}),
             json.dumps({"id": "a3", "title": "tanpa teks"}),
             '{"id": "a4", "text": broken',
             json.dumps({"id": "a5", "text": "\u200b\u200b\ufeff"}),
             json.dumps({"id": "a6", "html": NO_ARTICLE})]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _add(dump, record_id, tmp_path, capsys) -> tuple[int, str]:
    code = main(["fixtures", "add", str(dump), "--site", "misc", "--id", record_id,
                 "--root", str(tmp_path / "fx"), "--color", "never"])
    return code, capsys.readouterr().err


# -- (a) fixtures add --id of a record the reader rejects ----------------------------------------

@pytest.mark.parametrize("record_id, where, reason", [
    ("a2", "dump.jsonl:2 (id a2)", "empty document"),
    ("a3", "dump.jsonl:3 (id a3)", "no 'text' field"),
    ("4", "dump.jsonl:4", "broken JSON"),
    ("dump.jsonl:4", "dump.jsonl:4", "broken JSON"),
    ("2", "dump.jsonl:2 (id a2)", "empty document"),
])
def test_fixtures_add_of_a_rejected_record_says_it_was_rejected_and_why(
        dump, tmp_path, capsys, record_id, where, reason):
    code, err = _add(dump, record_id, tmp_path, capsys)
    assert code == 2
    assert "no record" not in err
    assert f"{dump.parent / where} is rejected as a run reads it: {reason}" in err
    assert not (tmp_path / "fx").exists()


def test_fixtures_add_of_a_line_too_long_says_so(tmp_path, capsys):
    # A line past --max-record-bytes is not parsed: it has no id to be named by, but its line.
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "kata " * (2 << 20)}) + "\n"
                    + json.dumps({"id": "small", "text": ARTICLE}) + "\n", encoding="utf-8")
    code, err = _add(path, "1", tmp_path, capsys)
    assert code == 2
    assert f"{path}:1 is rejected as a run reads it: record longer than " in err
    assert "--max-record-bytes" in err


def test_fixtures_add_of_an_id_no_line_has_still_says_no_record(dump, tmp_path, capsys):
    code, err = _add(dump, "zz", tmp_path, capsys)
    assert code == 2
    assert f"{dump}: no record with id 'zz' (lines not JSON: 4)" in err


def test_a_record_with_the_id_wins_over_a_rejected_line_of_that_number(tmp_path, capsys):
    # --id 2 names the record whose id is 2 before the line 2, as for any record.
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ""}) + "\n"
                    + json.dumps({"id": "y", "text": ""}) + "\n"
                    + json.dumps({"id": "2", "text": ARTICLE}) + "\n", encoding="utf-8")
    code, err = _add(path, "2", tmp_path, capsys)
    assert code == 0, err
    assert (tmp_path / "fx" / "misc" / "2.json").exists()


def test_fixtures_add_still_takes_a_good_record_among_rejects(dump, tmp_path, capsys):
    code, err = _add(dump, "a1", tmp_path, capsys)
    assert code == 0, err
    assert (tmp_path / "fx" / "misc" / "a1.json").exists()


# -- (b) the rejects made where documents are cleaned carry the record's id ----------------------

def _rejects(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_rejects_of_cleaning_carry_the_records_id(dump, tmp_path, workers):
    out = tmp_path / "out.jsonl"
    main(["clean", str(dump), "-o", str(out), "-q", "--workers", workers])
    by_line = {r["line"]: r for r in _rejects(tmp_path / "out.jsonl.rejects.jsonl")}
    assert by_line[5]["reason"] == NOTHING_VISIBLE and by_line[5]["id"] == "a5"
    assert by_line[6]["reason"] == "no article text found in the page"
    assert by_line[6]["id"] == "a6"
    assert "id" not in by_line[4]           # a broken line has none to give


def test_a_page_over_its_time_limit_is_rejected_with_its_id(tmp_path):
    # A real page, given next to no time: its extraction is interrupted.
    page = sorted(Path("fixtures/kabarislamia.com").glob("*.html"))[0].read_text(encoding="utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "slow", "html": page}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    main(["clean", str(path), "-o", str(out), "-q", "--workers", "1",
          "--page-timeout", "0.000001"])
    [reject] = _rejects(tmp_path / "out.jsonl.rejects.jsonl")
    assert reject["reason"].startswith("page took longer than")
    assert reject["id"] == "slow"


def test_a_record_without_an_id_field_and_a_file_read_whole_have_none(tmp_path):
    # The record is named by its file and line, as a reader's reject of it is; a file read
    # whole by its file.
    assert item_reject(Item("d.jsonl", 3, "x", {}, 1), "r").where() == "d.jsonl:3"
    assert item_reject(Item("a.txt", None, "x", {"id": "a"}, 1), "r").where() == "a.txt"
    assert item_reject(Item("d.jsonl", 3, "x", {"id": 7}, 1), "r").where() == "d.jsonl:3 (id 7)"


def test_internal_errors_carry_the_id():
    item = Item("d.jsonl", 3, "x", {"id": "c3"}, 1)
    assert internal_error(item, PageError("no article")).id == "c3"
    assert internal_error(item, ValueError("a bug")).where() == "d.jsonl:3 (id c3)"


def test_nothing_visible_in_a_batch_carries_the_id():
    class Empty:
        def clean(self, text, url=None, id=None, **fields):
            return {"id": id, "text": "", "meta": {}, "removed": [], "flags": []}

    result = process_batch(Empty(), [Item("d.jsonl", 2, "\u200b", {"id": "z"}, 3)])
    assert result.outcomes == [("reject", {"source": "d.jsonl", "line": 2,
                                           "reason": NOTHING_VISIBLE, "raw": "\u200b",
                                           "id": "z"})]


def test_a_document_a_worker_died_on_is_rejected_with_its_id():
    options = ReadOptions()
    lines = [json.dumps({"id": f"r{n}", "text": f"dokumen {n}" + (" KILL" if n == 3 else "")})
             .encode() for n in range(1, 6)]
    items = [RawRecord("in.jsonl", n, raw, options) for n, raw in enumerate(lines, start=1)]
    items.append(Item("in.jsonl", 6, "KILL", {"id": "i6"}, 4))
    pool = PoolExecutor(fake_factory, 2, warn=lambda message: None)
    try:
        outcomes = [o for r in pool.map(batched(items, 8)) for o in r.outcomes]
    finally:
        pool.close()
    rejects = [o[1] for o in outcomes if o[0] == "reject"]
    assert [(r["line"], r.get("id")) for r in rejects] == [(3, "r3"), (6, "i6")]
    assert all("worker process died" in r["reason"] for r in rejects)


def test_a_giant_line_a_worker_died_on_is_named_by_a_leading_id():
    # A line past what is parsed again in the main process: its id, read from its head.
    raw = b'{"id": "huge", "text": "' + b"a" * (2 << 20) + b' KILL"}'
    plain = RawRecord("in.jsonl", 1, raw, ReadOptions())
    assert item_reject(plain, "r").id == "huge"
    later = RawRecord("in.jsonl", 2, b'{"text": "' + b"a" * (2 << 20) + b'", "id": "x"}',
                      ReadOptions())
    assert item_reject(later, "r").id is None       # (not parsed: too big to parse again)
    numbered = RawRecord("in.jsonl", 3, b'{"id": 12345678901234567890123, "text": "'
                         + b"a" * (2 << 20) + b'"}', ReadOptions())
    assert item_reject(numbered, "r").id == "12345678901234567890123"


def test_explain_id_of_a_page_with_no_article_says_why(dump, capsys):
    assert main(["explain", str(dump), "--id", "a6", "--color", "never"]) == 1
    err = capsys.readouterr().err
    assert f"rejected {dump}:6 (id a6): no article text found in the page" in err
    assert "no document" not in err


def test_explain_id_of_a_record_with_nothing_visible_says_why(dump, capsys):
    assert main(["explain", str(dump), "--id", "a5", "--color", "never"]) == 1
    err = capsys.readouterr().err
    assert f"{dump}:5" in err and NOTHING_VISIBLE in err
    assert "no document" not in err


# -- (c) a refused resume says a touched file's times ----------------------------------------------

def _iso(ns: int) -> str:
    return datetime.fromtimestamp(ns // 10**9, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_changed_modification_time_is_said_with_both_times():
    was = {"input": "d", "digest": "1", "files": [{"file": "a.jsonl", "size": 10,
                                                   "mtime_ns": 1_700_000_000_123_456_789}]}
    now = {"input": "d", "digest": "2", "files": [{"file": "a.jsonl", "size": 10,
                                                   "mtime_ns": 1_700_000_007_000_000_000}]}
    assert changes_said({"inputs": [was]}, {"inputs": [now]}) == [
        "d/a.jsonl (its modification time: 2023-11-14T22:13:20Z, now 2023-11-14T22:13:27Z)"]


def test_times_within_one_second_are_told_apart():
    was = {"input": "a.jsonl", "digest": "1", "files": [{"file": ".", "size": 10,
                                                         "mtime_ns": 1_700_000_000_100_000_000}]}
    now = {**was, "digest": "2", "files": [{"file": ".", "size": 10,
                                            "mtime_ns": 1_700_000_000_900_000_000}]}
    assert changes_said({"inputs": [was]}, {"inputs": [now]}) == [
        "a.jsonl (its modification time: 2023-11-14T22:13:20.100000000Z, now "
        "2023-11-14T22:13:20.900000000Z)"]


def test_a_time_a_manifest_does_not_hold_as_a_number_is_said_unknown():
    was = {"input": "a.jsonl", "digest": "1", "files": [{"file": ".", "size": 10,
                                                         "mtime_ns": "soon"}]}
    now = {**was, "digest": "2", "files": [{"file": ".", "size": 10, "mtime_ns": 0}]}
    assert changes_said({"inputs": [was]}, {"inputs": [now]}) == [
        "a.jsonl (its modification time: unknown, now 1970-01-01T00:00:00Z)"]


def test_a_refused_resume_says_the_touched_files_times(tmp_path, monkeypatch, capsys):
    path = write_jsonl(tmp_path / "a.jsonl", real_docs(40))
    out = tmp_path / "out"
    args = ["clean", str(path), "-o", str(out), "--shard-size", "20", "-q", "--workers", "1"]
    real_write = _JsonlShard.write_line
    written = {"n": 0}

    def filling_up(self, line, row=None):
        written["n"] += 1
        if written["n"] > 20:
            raise OSError(28, os.strerror(28))
        real_write(self, line, row)

    monkeypatch.setattr(_JsonlShard, "write_line", filling_up)
    assert main(args) == 1
    monkeypatch.setattr(_JsonlShard, "write_line", real_write)
    info = os.stat(path)
    later = info.st_mtime_ns + 7_000_000_000
    os.utime(path, ns=(info.st_atime_ns, later))
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert (f"{path} (its modification time: {_iso(info.st_mtime_ns)}, now {_iso(later)})"
            in err)
