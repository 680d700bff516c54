"""A WARC's or WET's rejects say what their number counts, and a damaged member names its url.

The rejects file gives the number as `record` and stderr and the report say "record N" (a
line-based input keeps `line`); a damaged gzip member's reject names its record's url where the
member's start gives it."""

from __future__ import annotations

import gzip
import io
import json
import pickle
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.gzip_members import HEAD_BYTES, CorruptGzip
from cleaner.inputs import Item, ReadOptions, Reject, reject_place, reject_position
from cleaner.readers import iter_inputs
from cleaner.report_collect import ReportCollector
from cleaner.warc_reader import _member_url, iter_warc_stream
from test_warc_gz_member_damage import read_stream
from test_warc_records import warc_record

# A WET record's text as Common Crawl's are: a few KB, its gzip member well under the 64 KB the
# reader inflates at a time (so the read that meets damage in it gives none of it).
TEXT = "\n".join(
    f"Pemerintah kabupaten ke-{n} meresmikan jembatan yang menghubungkan {n + 2} desa di tepi "
    f"sungai pada hari Senin, dan warga menyambutnya karena jarak ke pasar kini {n * 3} km "
    f"lebih pendek." for n in range(1, 30)).encode()
URLS = [f"https://berita.example.id/2024/05/{n}/jembatan-baru" for n in range(3)]


def _members(body: bytes = TEXT) -> list[bytes]:
    """The gzip members of a WET of three conversion records, one a member."""
    return [gzip.compress(warc_record("conversion", url, body, "text/plain")) for url in URLS]


def _flip(member: bytes, at: float, size: int = 8) -> bytes:
    """A member with `size` bytes from `at` (a fraction of its length) changed."""
    broken = bytearray(member)
    start = int(len(broken) * at)
    broken[start:start + size] = bytes(b ^ 0x5A for b in broken[start:start + size])
    return bytes(broken)


def _damaged_wet(tmp_path: Path, at: float = 0.7) -> Path:
    """A .warc.wet.gz whose second record's member is damaged at `at` of its length."""
    first, second, third = _members()
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(first + _flip(second, at) + third)
    return path


def _rejects(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- 1. what a reject's number counts -----------------------------------------------------------

def test_a_warc_reject_is_written_under_record_and_said_as_record_n(tmp_path, capsys):
    """It was `"line": 2` and "rejected crawl.warc.wet.gz:2", where 2 counts records."""
    path, out = _damaged_wet(tmp_path), tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", "1"]) == 0
    [reject] = _rejects(tmp_path / "out.jsonl.rejects.jsonl")
    assert sorted(reject) == ["raw", "reason", "record", "source"]
    assert (reject["source"], reject["record"]) == (str(path), 2)
    assert f"cleaner: rejected {path} record 2: corrupt WARC record: " in capsys.readouterr().err


def test_a_line_based_inputs_reject_keeps_its_line(tmp_path, capsys):
    dump, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    dump.write_text('{"id": "a", "text": "Isi berita hari ini."}\n{"id": "b", "text": \n')
    assert main(["clean", str(dump), "-o", str(out), "--workers", "1"]) == 0
    [reject] = _rejects(tmp_path / "out.jsonl.rejects.jsonl")
    assert sorted(reject) == ["line", "raw", "reason", "source"] and reject["line"] == 2
    assert f"cleaner: rejected {dump}:2: broken JSON" in capsys.readouterr().err


def test_a_reject_of_a_whole_warc_has_a_record_field_with_no_number(tmp_path):
    """A plain .warc cut in its last record's closing blank lines: a reject of the file."""
    data = b"".join(warc_record("conversion", url, TEXT, "text/plain") for url in URLS)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-2])
    [reject] = [item for item in iter_inputs([str(path)]) if isinstance(item, Reject)]
    assert reject.as_dict()["record"] is None and "line" not in reject.as_dict()
    assert reject.where() == str(path)


def test_an_unreadable_warc_is_a_reject_of_records_too(tmp_path):
    """A folder named .warc cannot be opened as a file: a reject, with no number, not a raise."""
    path = tmp_path / "not-a-file.warc"
    path.mkdir()
    from cleaner.warc_reader import iter_warc

    [reject] = list(iter_warc(path, ReadOptions()))
    assert reject.as_dict()["record"] is None and reject.reason.startswith("cannot read")


def test_a_reject_made_of_a_warc_item_where_it_is_cleaned_says_record(tmp_path):
    """A worker rejects an item it cannot clean (no article, nothing visible, a crash) as
    Reject(item.source, item.line, ...): the item's number, sent through a pickle as to a
    worker, still says it counts records."""
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(b"".join(_members()))
    items = list(iter_inputs([str(path)]))
    assert [item.where() for item in items] == [f"{path} record {n}" for n in (1, 2, 3)]
    sent = pickle.loads(pickle.dumps(items[1]))
    reject = Reject(sent.source, sent.line, "nothing visible")
    assert reject.where() == f"{path} record 2"
    assert reject.as_dict() == {"source": str(path), "record": 2, "reason": "nothing visible",
                                "raw": None}
    assert json.loads(json.dumps(reject.as_dict()))["record"] == 2
    # (an item's id by its number is as before: "crawl.warc.wet.gz:2")
    assert f"{Path(sent.source).name}:{sent.line}" == "crawl.warc.wet.gz:2"


def test_a_text_files_item_and_reject_keep_lines(tmp_path):
    item = Item("a.jsonl", 3, "isi", {}, 3)
    assert item.where() == "a.jsonl:3"
    assert Reject(item.source, item.line, "x").as_dict()["line"] == 3


@pytest.mark.parametrize("reject, place, position", [
    ({"source": "a.jsonl", "line": 4, "reason": "r", "raw": "x"}, "a.jsonl:4", 4),
    ({"source": "w.warc.gz", "record": 7, "reason": "r", "raw": None}, "w.warc.gz record 7", 7),
    ({"source": "w.warc.gz", "record": None, "reason": "r", "raw": None}, "w.warc.gz", None),
    ({"source": "rows.parquet", "line": 2, "id": "b", "reason": "r"}, "rows.parquet:2 (id b)", 2),
    ({"reason": "a damaged dict"}, "", None),
])
def test_a_rejects_file_entry_is_placed_by_what_it_counts(reject, place, position):
    assert (reject_place(reject), reject_position(reject)) == (place, position)


def test_the_reports_rejects_name_a_warc_record(tmp_path):
    collector = ReportCollector()
    collector.add_reject({"source": "w.warc.gz", "record": 3, "reason": "corrupt WARC record: x",
                          "raw": None})
    collector.add_reject({"source": "a.jsonl", "line": 5, "reason": "broken JSON", "raw": "{"})
    assert [r["where"] for r in collector.rejects] == ["w.warc.gz record 3", "a.jsonl:5"]


# --- 2. a damaged member's reject names its url -------------------------------------------------

@pytest.mark.parametrize("at", [0.5, 0.7, 0.95])
def test_a_damaged_wet_members_reject_names_the_url_its_header_gave(tmp_path, at):
    """It said only "(the record at byte N of the decompressed stream)": the member, smaller
    than a read, gave the reader nothing, though its header inflated before the damage."""
    got = list(iter_inputs([str(_damaged_wet(tmp_path, at))]))
    assert [(type(i).__name__, i.line) for i in got] == [("Item", 1), ("Reject", 2), ("Item", 3)]
    reason = got[1].reason
    assert reason.startswith("corrupt WARC record: its gzip member is damaged: ")
    # (a member this small holds its header within DAMAGE_REACH of any damage: the url may be
    # damaged too, and is said so)
    assert reason.endswith(f"of the decompressed stream; its header, possibly damaged, names "
                           f"{URLS[1]})")


def test_a_damaged_wet_on_standard_input_names_the_url_too(tmp_path):
    first, second, third = _members()
    stream = io.BufferedReader(io.BytesIO(first + _flip(second, 0.7) + third))
    got = list(iter_warc_stream(stream, "<stdin>", ReadOptions()))
    assert got[1].where() == "<stdin> record 2" and got[1].reason.endswith(
        f"its header, possibly damaged, names {URLS[1]})")


def test_damage_before_the_header_is_whole_names_no_url(tmp_path):
    """Damage in the member's first bytes (its Huffman tables): no header came before it, so
    no url is named, and the reject is made as before."""
    got = list(iter_inputs([str(_damaged_wet(tmp_path, 0.06))]))
    assert [(type(i).__name__, i.line) for i in got] == [("Item", 1), ("Reject", 2), ("Item", 3)]
    assert got[1].reason.endswith("of the decompressed stream)") and "https://" not in \
        got[1].reason


def test_a_large_members_reject_names_the_url_of_its_record_as_before(tmp_path):
    """A record larger than a read: its header was handed out and read by warcio, which names
    it (not the damaged member's head)."""
    words = " ".join(f"kata{n * 7919 % 100003}" for n in range(40000)).encode()
    first, second, third = _members(words)
    path = tmp_path / "big.warc.wet.gz"
    path.write_bytes(first + _flip(second, 0.8) + third)
    reject = list(iter_inputs([str(path)]))[1]
    assert isinstance(reject, Reject) and reject.reason.endswith(f"({URLS[1]})")


@pytest.mark.parametrize("head", [
    b"WARC/1.0\r\nWARC-Target-URI: https://c.id/\x00x\r\nContent-Length: 3\r\n\r\nabc",
    b"WARC/1.0\r\nWARC-Target-URI: https://c.id/\xe9\x01\r\nContent-Length: 3\r\n\r\nabc",
    b"WARC/1.0\r\nWARC-Target-URI: https://c.id/a b\r\nContent-Length: 3\r\n\r\nabc",
    b"\x8f\x02WARC/1.0\r\nWARC-Target-URI: https://c.id/\r\n\r\n",
    b"WARC/1.0\r\nWARC-Type: conversion\r\n\r\n\r\nWARC-Target-URI: https://c.id/\r\n",
    b"WARC/1.0\r\nWARC-Target-URI: https://c.id/1\r\nContent-Len",
    b"", b"WARC/1.",
])
def test_a_garbled_or_unfinished_header_names_no_url(head):
    """Bytes damage made of a header (a control or non-ASCII byte, a space in the url, no
    record line first, the url after the header's end, no end before the damage): no url."""
    assert _member_url(CorruptGzip("damaged", None, head=head)) is None


def test_a_damaged_members_head_is_given_only_where_none_of_it_was_handed_out():
    """GzipMembers: the head of a small damaged member (its data never handed out), none of a
    large one damaged late (its start was handed out: the reader has it), and never more than
    HEAD_BYTES; the data handed out is as before (nothing of the small member)."""
    small = _flip(gzip.compress(b"WARC/1.0\r\n" + TEXT), 0.7)
    big_data = b"WARC/1.0\r\n" + " ".join(f"w{n * 7919 % 100003}" for n in range(60000)).encode()
    big = _flip(gzip.compress(big_data), 0.9)
    tail = gzip.compress(b"WARC/1.0\r\nnext")
    for member, given_head in [(small, True), (big, False)]:
        data, errors = read_stream(member + tail)
        [error] = errors
        assert (error.given == 0) == given_head
        if given_head:
            assert error.head.startswith(b"WARC/1.0\r\n") and 0 < len(error.head) <= HEAD_BYTES
            assert data == b"WARC/1.0\r\nnext"
        else:
            assert error.head == b"" and big_data.startswith(data[:error.given])
