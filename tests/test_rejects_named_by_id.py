"""A record the run rejects is named by its id wherever it is asked for or written: `fixtures add
--id` of a record its reader refuses says it was rejected and why (not "no record"); the rejects
made where documents are cleaned (nothing visible left, a page with no article or over its time
limit, a worker that died on it) carry the record's id as the readers' do, and `explain --id`
says why; a resume refused over a file whose modification time changed says both times.

Mends of a review of these: an id in a message line is shown escaped and cut (inputs.shown_id);
a line too long to parse again is named by an id only where it is sure to be the reader's;
fixtures add reads a record of any size and says why a file rejected whole gives none; --id
names the same record in fixtures add and explain (RecordPicker); explain says a nothing-visible
reject in clean's words; a time is ISO 8601 for any year."""

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


def test_fixtures_add_of_a_line_too_long_for_a_run_takes_it(tmp_path, capsys):
    # A line past a run's --max-record-bytes: a fixture is one record asked for by name, read
    # whatever its size (fixtures add has no --max-record-bytes to advise). (Before: refused,
    # advising that option, which fixtures add lacks.)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "kata " * (2 << 20)}) + "\n"
                    + json.dumps({"id": "small", "text": ARTICLE}) + "\n", encoding="utf-8")
    code, err = _add(path, "1", tmp_path, capsys)
    assert code == 0, err
    assert "--max-record-bytes" not in err
    assert (tmp_path / "fx" / "misc" / "big.txt").read_text(encoding="utf-8") == "kata " * (2 << 20)


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


# -- (d) an id in a message line is shown safe and bounded (inputs.shown_id) ---------------------

FORGED = "n1): no article text found in the page\ncleaner: rejected /srv/other.jsonl:99 (id n2"


def test_an_id_in_a_message_line_has_its_control_characters_escaped():
    from cleaner.inputs import Reject, reject_place

    forged = Reject("d.jsonl", 1, "empty document", id=FORGED)
    assert forged.where() == ("d.jsonl:1 (id n1): no article text found in the page\\ncleaner: "
                              "rejected /srv/other.jsonl:99 (id n2)")
    assert reject_place(forged.as_dict()) == forged.where()
    escaped = Reject("d.jsonl", 2, "r", id="esc\x1b[2K\x1b[1A\rgone\u2028\x7f")
    assert escaped.where() == "d.jsonl:2 (id esc\\x1b[2K\\x1b[1A\\rgone\\u2028\\x7f)"
    # The rejects file keeps the id whole, as it came (JSON escapes it there).
    assert forged.as_dict()["id"] == FORGED


def test_a_long_id_is_cut_in_a_message_saying_how_long_it_was():
    from cleaner.inputs import Reject, reject_place, shown_id

    long = "k" * (4 << 20)
    reject = Reject("d.jsonl", 1, "r", id=long)
    assert reject.where() == f"d.jsonl:1 (id {'k' * 200}... ({4 << 20} characters))"
    assert reject_place(reject.as_dict()) == reject.where()
    assert reject.as_dict()["id"] == long
    # Escapes count toward the bound: 300 NULs are not 1,200 characters of \x00.
    assert shown_id("\x00" * 300) == "\\x00" * 50 + "... (300 characters)"
    assert shown_id("a" * 200) == "a" * 200 and shown_id("kata\ud800") == "kata\\ud800"


def test_clean_of_forged_and_escaping_ids_says_one_plain_line_per_reject(tmp_path, capsys):
    path = tmp_path / "forge.jsonl"
    path.write_text(json.dumps({"id": FORGED, "html": NO_ARTICLE}) + "\n"
                    + json.dumps({"id": "esc\x1b[2K\x1b[1A\rgone", "text": "\u200b"}) + "\n"
                    + json.dumps({"id": "L" * (1 << 20), "text": ""}) + "\n", encoding="utf-8")
    main(["clean", str(path), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    err = capsys.readouterr().err
    said = [line for line in err.splitlines() if line.startswith("cleaner: rejected")]
    assert len(said) == 3, err
    assert "\x1b" not in err and "\r" not in err and len(err) < 10_000
    assert "other.jsonl:99" in said[0] and "\\n" in said[0]
    assert said[2].endswith(f"... ({1 << 20} characters)): empty document")
    by_line = {r["line"]: r for r in _rejects(tmp_path / "out.jsonl.rejects.jsonl")}
    assert by_line[1]["id"] == FORGED and by_line[3]["id"] == "L" * (1 << 20)


def test_explain_says_an_id_asked_for_safe_and_bounded(dump, capsys):
    assert main(["explain", str(dump), "--id", "zz\x1b[2K\nq", "--color", "never"]) == 1
    err = capsys.readouterr().err
    assert "no document with id zz\\x1b[2K\\nq in the input" in err
    assert "\x1b" not in err


def test_fixtures_add_says_an_id_asked_for_safe_and_bounded(dump, tmp_path, capsys):
    code, err = _add(dump, "zz\x1b[2K\n" + "q" * 1000, tmp_path, capsys)
    assert code == 2
    assert "\x1b" not in err and len(err) < 600
    assert "no record with id 'zz\\x1b[2K\\nqqq" in err and "(1007 characters)" in err


# -- (e) a line a worker died on, past ID_PARSE_BYTES, is named by an id only where it is sure --

def _giant(template: bytes, options=None) -> tuple[str | None, str | None]:
    """The id the reader gives a line (its small form, parsed), and the one a reject of the
    line past ID_PARSE_BYTES (too long to parse again) names."""
    from cleaner.batches import ID_PARSE_BYTES, reject_id
    from cleaner.inputs import Reject, id_text

    options = options or ReadOptions()
    small = RawRecord("d.jsonl", 1, template % b"ok", options).parsed()
    read = small.id if isinstance(small, Reject) else id_text(small.fields.get("id"))
    big = RawRecord("d.jsonl", 1, template % (b"x" * (ID_PARSE_BYTES + 10)), options)
    return read, reject_id(big)


@pytest.mark.parametrize("template", [
    b'{"id":"first","id":"second","text":"%s"}',       # the reader takes the last
    b'{"id":"first","text":"%s","id":"second"}',
    b'{"id":"first","text":"%s","\\u0069d":"second"}',  # the same key, escaped
    b'{"id":"first","text":"%s","meta":{"id":"n"}}',    # (an id further on: unsure)
    b'{"id":12abc,"text":"%s"}',                        # broken: the reader gives none
    b'{"id":1e5,"text":"%s"}',                          # a number not an integer
    b'{"id":1.50,"text":"%s"}',
    b'{"id":NaN,"text":"%s"}',
    b'{"id":"a\\u0000b\\ud800","text":"%s"}',           # half a surrogate pair
    b'\xef\xbb\xbf{"id":"bom","text":"%s"}',
    b'{"id":"cut","text":"%s"',                          # no end: not a whole object
    b'{"id":" ","text":"%s"}',                          # blank: no id
])
def test_a_giant_line_is_named_by_no_id_where_unsure(template):
    read, given = _giant(template)
    assert given is None or given == read, (read, given)
    assert given is None


@pytest.mark.parametrize("template, expected", [
    (b'{"id":"lead","text":"%s"}', "lead"),
    (b' { "id" : "a\\"b\\u00e9" , "text":"%s"}\n', 'a"b\u00e9'),
    (b'{"id":-0,"text":"%s"}', "0"),                    # as the reader reads it
    (b'{"id":123456789012345678901234567890,"text":"%s"}', "123456789012345678901234567890"),
    (b'{"id":-42,"text":"%s"}', "-42"),
])
def test_a_giant_line_with_a_plain_leading_id_is_named_as_the_reader_names_it(template, expected):
    read, given = _giant(template)
    assert given == read == expected


def test_a_giant_line_of_a_dump_with_its_id_field_mapped_has_no_id():
    # --field id=uuid: the reader names the record by its uuid; not its leading "id".
    options = ReadOptions(hint_fields=(("id", "uuid"),))
    read, given = _giant(b'{"id":"raw-id","uuid":"U-1","text":"%s"}', options)
    assert read == "U-1" and given is None


# -- (f) fixtures add takes a record of any size, and says no option it lacks --------------------

def _written(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_fixtures_add_takes_a_record_over_the_runs_record_limit(tmp_path, capsys):
    text = (ARTICLE + "\n\n") * ((9 << 20) // len(ARTICLE))
    path = _written(tmp_path / "big.jsonl", [{"id": "big", "text": text},
                                             {"id": "small", "text": ARTICLE}])
    for asked, case in (("big", "big"), ("1", "big")):
        code, err = _add(path, asked, tmp_path, capsys)
        assert code == 0, err
        assert (tmp_path / "fx" / "misc" / f"{case}.txt").stat().st_size > 8 << 20
        (tmp_path / "fx" / "misc" / f"{case}.txt").unlink()
        (tmp_path / "fx" / "misc" / f"{case}.json").unlink()


def test_fixtures_add_of_a_page_too_large_advises_no_option_it_lacks(tmp_path, capsys):
    from cleaner.inputs import MAX_HTML_BYTES

    page = "<html><body><p>" + "kata " * (MAX_HTML_BYTES // 5) + "</p></body></html>"
    path = _written(tmp_path / "pages.jsonl", [{"id": "p", "html": page}])
    code, err = _add(path, "p", tmp_path, capsys)
    assert code == 2
    assert f"{path}:1 (id p) is rejected as a run reads it: HTML page larger than" in err
    assert "--max-html-bytes" not in err and "--max-record-bytes" not in err


# -- (g) fixtures add of a file its reader rejects whole says why ---------------------------------

def _whole_file_rejects(tmp_path: Path) -> list[tuple[Path, str]]:
    import gzip

    line = (json.dumps({"id": "u", "text": ARTICLE}) + "\n").encode()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(line * 3)[:12])      # the file ends before its first line
    utf16 = tmp_path / "u16.jsonl"
    utf16.write_bytes(line.decode().encode("utf-16"))
    binary = tmp_path / "elf.jsonl"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    return [(cut, "truncated"), (utf16, "the file is UTF-16 text"),
            (binary, "binary data (NUL or control bytes)")]


@pytest.mark.parametrize("asked", [None, "1", "u"])
def test_fixtures_add_of_a_file_rejected_whole_says_why(tmp_path, capsys, asked):
    for path, reason in _whole_file_rejects(tmp_path):
        code = main(["fixtures", "add", str(path), "--site", "misc", "--root",
                     str(tmp_path / "fx"), "--color", "never"]
                    + (["--id", asked] if asked else []))
        err = capsys.readouterr().err
        assert code == 2
        assert "is rejected as a run reads it: " + reason in err, (path, err)
        assert "no record" not in err
        assert not (tmp_path / "fx").exists()


# -- (h) one order for what --id names, in fixtures add and explain alike -------------------------

def _mixed(tmp_path: Path) -> tuple[Path, Path, Path]:
    num = _written(tmp_path / "num.jsonl", [{"id": "a", "text": ARTICLE},
                                            {"id": "b", "text": ARTICLE},
                                            {"id": "x", "text": ARTICLE},
                                            {"id": "c", "text": ARTICLE},
                                            {"id": "3", "text": ""}])
    numid = _written(tmp_path / "numid.jsonl", [{"id": "q", "text": ARTICLE},
                                                {"id": "k", "text": ARTICLE},
                                                {"id": 2, "text": ""}])
    num2 = _written(tmp_path / "num2.jsonl", [{"id": "a", "text": ARTICLE},
                                              {"id": "r2", "text": ""},
                                              {"id": "2", "text": ARTICLE}])
    return num, numid, num2


@pytest.mark.parametrize("which, asked, rejected_line, shown", [
    (0, "3", 5, None),       # a rejected record whose id is 3, before line 3
    (1, "2", 3, None),       # its id the number 2, before line 2
    (2, "2", None, "2"),     # a record whose id is 2, before line 2's reject
])
def test_fixtures_add_and_explain_name_the_same_record_by_id(tmp_path, capsys, which, asked,
                                                             rejected_line, shown):
    path = _mixed(tmp_path)[which]
    code, err = _add(path, asked, tmp_path, capsys)
    assert main(["explain", str(path), "--id", asked, "--color", "never"]) == (
        1 if rejected_line else 0)
    said = capsys.readouterr()
    if rejected_line:
        assert code == 2 and f"{path}:{rejected_line} (id " in err
        assert f"rejected {path}:{rejected_line} (id " in said.err
        assert said.out.strip() == "" and said.err.count("rejected") == 1
    else:
        assert code == 0, err
        assert (tmp_path / "fx" / "misc" / f"{shown}.json").exists()
        assert f"== {shown}" in said.out and "rejected" not in said.err


def test_the_picker_names_rejects_by_id_as_records_and_holds_them_by_line():
    from cleaner.fixture_workflow import RecordPicker
    from cleaner.inputs import Reject

    by_number = Reject("a.jsonl", 2, "empty document", id="r2")
    by_id = Reject("a.jsonl", 5, "empty document", id="3")
    unnamed = Reject("a.jsonl", 1, "broken JSON")
    items = [unnamed, by_number, Item("a.jsonl", 3, "t", {"id": "x"}, 1), by_id]
    picker = RecordPicker(["2", "3"])
    assert list(picker.pick(items)) == [unnamed, by_id, by_number]
    assert picker.naming(by_id) == ["3"] and picker.naming(by_number) == ["2"]
    assert picker.naming(unnamed) == []
    # A record whose id is 2 takes "2" from line 2.
    picker = RecordPicker(["2"])
    record = Item("a.jsonl", 9, "t", {"id": 2}, 1)
    assert list(picker.pick([by_number, record])) == [record]


# -- (i) explain says a nothing-visible reject as clean does; times in ISO 8601 for any year ------

def test_explain_says_nothing_visible_with_the_id_as_clean_does(dump, tmp_path, capsys):
    main(["clean", str(dump), "-o", str(tmp_path / "o.jsonl"), "--workers", "1"])
    [said] = [line for line in capsys.readouterr().err.splitlines() if NOTHING_VISIBLE in line]
    assert said == f"cleaner: rejected {dump}:5 (id a5): {NOTHING_VISIBLE}"
    assert main(["explain", str(dump), "--id", "a5", "--color", "never"]) == 1
    assert said in capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("ns, said", [
    (-62_135_596_800_000_000_000, "0001-01-01T00:00:00Z"),
    (-30_610_224_000_000_000_000, "1000-01-01T00:00:00Z"),
    (-30_641_760_000_000_000_000, "0999-01-01T00:00:00Z"),
    (253_402_300_799_000_000_000, "9999-12-31T23:59:59Z"),
    (253_402_300_800_000_000_000, None),
    ("soon", None), (True, None), (1.7e18, None),
])
def test_a_time_is_iso_8601_for_any_year(ns, said):
    from cleaner.input_fingerprint import _utc

    assert _utc(ns) == said
