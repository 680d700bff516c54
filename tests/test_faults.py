"""Faults: corrupt gzip member, a 200 MB line, invalid UTF-8, non-object JSON, a full disk; each reported, nothing lost."""

from __future__ import annotations

import errno
import gzip
import json
import os
import subprocess
import sys

import pytest

from cleaner.cli import main
from cleaner import writers
from conftest import ROOT
from scale_helpers import read_jsonl, shard_records


def _lines(start, count):
    return b"".join(json.dumps({"id": f"r{i}", "text": f"Isi berita nomor {i} hari ini."}).encode()
                    + b"\n" for i in range(start, start + count))


def test_corrupt_gzip_member_in_the_middle_is_reported_and_the_run_goes_on(tmp_path, capsys):
    first, second, third = gzip.compress(_lines(0, 50)), gzip.compress(_lines(50, 50)), \
        gzip.compress(_lines(100, 50))
    broken = bytearray(second)
    broken[len(broken) // 2: len(broken) // 2 + 16] = b"\x00" * 16
    src = tmp_path / "a.jsonl.gz"
    src.write_bytes(first + bytes(broken) + third)
    other = tmp_path / "b.jsonl"
    other.write_bytes(_lines(500, 5))
    out = tmp_path / "out"
    assert main(["clean", str(src), str(other), "-o", str(out), "--shard-size", "20"]) == 0
    records = shard_records(out)
    ids = [r["id"] for r in records]
    assert ids[:50] == [f"r{i}" for i in range(50)]            # everything before it is kept
    assert ids[-55:] == [f"r{i}" for i in range(100, 150)] + [f"r{i}" for i in range(500, 505)]
    assert len(ids) == len(set(ids))                           # the next member, the next input
    damaged = [r for r in records if r["id"] not in {f"r{i}" for i in [*range(50), *range(100, 150),
                                                                       *range(500, 505)]}]
    assert all(r["text"] == f"Isi berita nomor {r['id'][1:]} hari ini." for r in damaged)
    rejects = read_jsonl(out / "_rejects.jsonl")
    [corrupt] = [r for r in rejects if "corrupt" in r["reason"]]
    assert corrupt["source"] == str(src) and corrupt["line"] > 50
    assert f"corrupt gzip member starting at byte {len(first)}" in corrupt["reason"]
    assert f"reading goes on at the next member (byte {len(first) + len(second)})" in \
        corrupt["reason"]
    assert f"rejected {src}:{corrupt['line']}: truncated or corrupt" in capsys.readouterr().err


def test_bad_lines_are_rejected_in_place_and_shards_stay_in_order(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_lines(0, 3) + b'{"id": "u", "text": "caf\xe9 \xff"}\n' + b"[1, 2]\n" + b"3.5\n"
                    + b'"just a string"\n' + b"null\n" + _lines(3, 3))
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", str(out), "--shard-size", "2", "-q"]) == 0
    assert [r["id"] for r in shard_records(out)] == [f"r{i}" for i in range(6)]
    reasons = [(r["line"], r["reason"]) for r in read_jsonl(out / "_rejects.jsonl")]
    assert reasons == [(4, f"invalid UTF-8 at byte 24 of the line: in a legacy charset? read it "
                           f"with --encoding auto (or the charset's name: cp1252, latin-1), or "
                           f"convert it first: iconv -f CHARSET -t UTF-8 {src} > "
                           f"{tmp_path / 'in.utf8.jsonl'}"),
                       (5, "JSON line is an array, not an object"),
                       (6, "JSON line is a number, not an object"),
                       (7, "JSON line is a string, not an object"),
                       (8, "JSON line is null, not an object")]


def test_a_text_field_that_is_not_a_string_is_named_in_json_words():
    from cleaner.inputs import ReadOptions
    from cleaner.jsonl_reader import parse_record

    reasons = [parse_record(line.encode(), "in", 1, ReadOptions()).reason
               for line in ('{"text": null}', '{"text": {"a": 1}}', '{"text": [1]}',
                            '{"text": 7}', '{"text": true}', '{"body": "x"}')]
    assert reasons == ["field 'text' is null, not a string",
                       "field 'text' is an object, not a string",
                       "field 'text' is an array, not a string",
                       "field 'text' is a number, not a string",
                       "field 'text' is a boolean, not a string",
                       "no 'text' field; its fields: body (--text-field names the one with the text)"]


def test_a_text_given_twice_in_one_record_is_a_reject_not_a_lost_text(tmp_path, capsys):
    from cleaner.inputs import ReadOptions
    from cleaner.jsonl_reader import parse_record

    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "twice", "text": "Teks pertama.", "text": "Teks kedua."}\n'
                    # (a nested "text", a value "text" and a text quoting it: each read)
                    b'{"id": "nested", "meta": {"text": "x"}, "type": "text", '
                    b'"text": "Kata \\"text\\" di sini."}\n'
                    b'{"id": "body", "body": "Isi satu.", "body": "Isi dua."}\n')
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", "--text-field", "text"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == ["nested"]
    [reject, body] = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert (reject["line"], reject["id"]) == (1, "twice")
    assert reject["reason"] == ('JSON line holds the key "text" 2 times: a JSON reader keeps '
                                'the last text only, and the other would be lost')
    assert "Teks pertama." in reject["raw"] and "Teks kedua." in reject["raw"]
    assert body["reason"].startswith("no 'text' field")
    # The key looked for is the one --text-field names; an array's item is told as such.
    line = b'{"body": "Isi satu.", "body": "Isi dua.", "body": "Isi tiga."}'
    assert parse_record(line, "in", 2, ReadOptions(text_field="body"), "array item").reason == (
        'array item holds the key "body" 3 times: a JSON reader keeps the last text only, '
        'and the others would be lost')


def test_a_record_without_a_text_field_whose_other_field_holds_a_page_is_told_of_html_field():
    from cleaner.inputs import ReadOptions
    from cleaner.jsonl_reader import parse_record

    line = b'{"id": "a", "page": "<!DOCTYPE html><html><body><p>Isi.</p></body></html>"}'
    reason = parse_record(line, "in", 1, ReadOptions()).reason
    # (was: only --text-field, which would take the page's markup for the text)
    assert reason == ("no 'text' field; its fields: id, page (--text-field names the one with "
                      "the text; --html-field page reads the web page in 'page')")


def test_a_refused_line_is_kept_as_it_was_read_up_to_the_reject_limit():
    from cleaner.inputs import MAX_REJECT_RAW, ReadOptions
    from cleaner.jsonl_reader import parse_record

    options = ReadOptions()
    short = '["kafé", "“kutip”"]'
    assert parse_record(short.encode(), "in", 3, options).raw == short
    long = '{"id": "x", "teks": "' + "é" * MAX_REJECT_RAW + '"}'     # no "text" field
    reject = parse_record(long.encode(), "in", 4, options)
    assert reject.reason.startswith("no 'text' field; its fields: id, teks")
    assert reject.raw == long[:MAX_REJECT_RAW]
    broken = '{"text": "kafé" "x"}'
    reject = parse_record(broken.encode(), "in", 5, options)
    assert reject.reason.startswith("broken JSON: ") and reject.raw == broken


@pytest.mark.parametrize("workers", ["1", "2"])     # read line by line; in blocks for workers
def test_a_200_mb_line_is_refused_with_flat_memory(tmp_path, workers):
    src = tmp_path / "big.jsonl"
    with open(src, "wb") as f:
        f.write(_lines(0, 2))
        f.write(b'{"id": "huge", "text": "')
        block = b"kata " * (1 << 20)                      # 5 MB
        for _ in range(40):
            f.write(block)
        f.write(b'"}\n')
        f.write(_lines(2, 2))
    assert src.stat().st_size > 200_000_000
    out = tmp_path / "out"
    code = """
import os, re, resource, sys
from cleaner.cli import main
rc = main(sys.argv[1:])
if os.path.exists("/proc/self/status"):     # the peak of this process's own memory (VmHWM)
    print(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1))
else:       # ru_maxrss: on Linux it also counts the pytest process this one was forked from,
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)   # which passed 400 MB itself
sys.exit(rc)
"""
    run = subprocess.run([sys.executable, "-c", code, "clean", str(src), "-o", str(out),
                          "--shard-size", "10", "--workers", workers], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.split()[-1]) < 400 * 1024               # peak RSS in KB
    assert [r["id"] for r in shard_records(out)] == ["r0", "r1", "r2", "r3"]
    [reject] = read_jsonl(out / "_rejects.jsonl")
    assert reject["line"] == 3 and "record longer than 8388608 bytes" in reject["reason"]
    assert "--max-record-bytes" in reject["reason"] and len(reject["raw"]) <= 1 << 20
    assert f"rejected {src}:3 (id huge): record longer than" in run.stderr


class FullDisk:
    """A stream on a disk that fills up after `room` bytes."""

    def __init__(self, stream, room: int):
        self.stream, self.room, self.written = stream, room, 0

    def write(self, data):
        self.written += len(data)
        if self.written > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def test_full_disk_on_a_single_output_file_leaves_no_partial_file(tmp_path, monkeypatch, capsys):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_lines(0, 30))
    real_open = writers._open_for_writing
    monkeypatch.setattr(writers, "_open_for_writing", lambda tmp, final, level=None: FullDisk(
        real_open(tmp, final, level), 1024))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 1
    assert "writing output failed: the output disk is full" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob("out.jsonl.tmp*"))


def test_full_disk_under_gzip_compressed_on_threads_leaves_no_partial_file(tmp_path, monkeypatch,
                                                                          capsys):
    """The disk fills while members compressed on other threads are being written: the error
    reaches the run, which stops, says so and leaves no file."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(_lines(0, 300))
    real_writer = writers.ParallelGzipWriter
    monkeypatch.setattr(writers, "ParallelGzipWriter", lambda raw, level: real_writer(
        FullDisk(raw, 512), level, threads=2, member_bytes=1000))
    out = tmp_path / "out.jsonl.gz"
    assert main(["clean", str(src), "-o", str(out), "--workers", "1"]) == 1
    assert "writing output failed: the output disk is full" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob("out.jsonl.gz.tmp*"))


def _rejects_on_a_full_disk(monkeypatch, full):
    """Only the rejects file's disk fills up (`full` wraps its stream)."""
    real_open = writers._open_for_writing
    monkeypatch.setattr(writers, "_open_for_writing", lambda tmp, final, level=None: (
        full(real_open(tmp, final, level)) if final.endswith("rej.jsonl")
        else real_open(tmp, final, level)))


class FullOnClose(FullDisk):
    """A stream whose last bytes, flushed when it closes, find the disk full."""

    def close(self):
        self.stream.close()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("full", [lambda stream: FullDisk(stream, 1024),
                                  lambda stream: FullOnClose(stream, 1 << 30)],
                         ids=["while-writing", "on-close"])
def test_full_disk_under_the_rejects_fails_the_run_and_leaves_no_partial_file(
        tmp_path, monkeypatch, capsys, full):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(_lines(i, 1) + b"{broken %d\n" % i for i in range(40)))
    _rejects_on_a_full_disk(monkeypatch, full)
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--rejects", str(rejects), "-q",
                 "--workers", "1"]) == 1
    assert "writing output failed: the output disk is full" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_bytes_a_byte_order_mark_does_not_take_are_a_reject_not_a_crash(tmp_path, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Isi berita pertama.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xef\xbb\xbfKabar caf\xe9 hari ini\n")      # Latin-1 after
    (folder / "c.txt").write_bytes("\ufeffIsi berita ketiga.".encode("utf-16-le")[:-1])  # cut
    (folder / "d.txt").write_text("Isi berita keempat.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "-q", "--workers", workers]) == 0
    assert [r["text"] for r in read_jsonl(out)] == ["Isi berita pertama.", "Isi berita keempat."]
    rejects = read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
    assert [(r["source"].rsplit("/", 1)[1], r["reason"]) for r in rejects] == [
        ("b.txt", "invalid utf-8-sig at byte 12 after its byte order mark"),
        ("c.txt", "invalid utf-16 at byte 36 after its byte order mark")]


def test_codecs_that_are_not_of_text_are_a_usage_error(tmp_path, capsys):
    for name in ("hex", "zlib", "undefined"):
        with pytest.raises(SystemExit) as stop:
            main(["clean", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--encoding", name])
        assert stop.value.code == 2 and f"unknown encoding {name!r}" in capsys.readouterr().err


@pytest.mark.parametrize("depth", [100, 500, 900, 5000])
def test_nan_beside_deep_nesting_is_read_or_refused_never_a_crash(depth):
    """orjson refuses NaN, so Python's json reads the line: nesting it still takes (to about
    990 levels) went on to overflow the stack of the walks after it."""
    from cleaner.inputs import Item, ReadOptions, Reject
    from cleaner.jsonl_reader import parse_record

    line = '{"id": "x", "text": "Isi berita.", "s": NaN, "t": ' + "[" * depth + "]" * depth + "}"
    record = parse_record(line.encode(), "in.jsonl", 4, ReadOptions())
    assert isinstance(record, (Item, Reject))
    if isinstance(record, Item):
        import orjson

        assert record.text == "Isi berita." and orjson.dumps(record.fields["s"]) == b"null"
    else:
        assert record.reason.startswith("broken JSON") and record.line == 4


def test_a_byte_order_mark_opening_a_line_of_concatenated_files_is_read_past():
    from cleaner.inputs import Item, ReadOptions
    from cleaner.jsonl_reader import parse_record

    for number in (1, 7):
        record = parse_record(b'\xef\xbb\xbf{"id": "b", "text": "Isi berita."}', "cat.jsonl",
                              number, ReadOptions())
        assert isinstance(record, Item) and record.text == "Isi berita."
