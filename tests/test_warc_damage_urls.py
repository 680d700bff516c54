"""A damaged gzip member's reject names its record's url only as far as it is known: as read
before the damage where the damage lies well after the header, as possibly damaged where it may
lie in it, never a garbled one as the record's; and a WARC reject keeps the record's headers as
its raw input, and a dead worker's batch of a WARC is said in records."""

from __future__ import annotations

import gzip
import io
import re
import zlib

import pytest

from cleaner.executors import _where
from cleaner.gzip_members import DAMAGE_REACH, HEAD_BYTES, head_before_damage
from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.readers import iter_inputs
from cleaner.warc_reader import RecordNumber, iter_warc_stream
from test_warc_records import warc_record
from test_warc_reject_names import TEXT, URLS, _members

SOUND = re.compile(r"its header, read before the damage, names (\S+)\)$")
HEDGED = re.compile(r"its header, possibly damaged, names (\S+)\)$")


def _wet(tmp_path, second: bytes, body: bytes | None = None):
    """The outcomes of a WET of three records whose second member is `second`."""
    first, _, third = _members(body) if body is not None else _members()
    path = tmp_path / "c.warc.wet.gz"
    path.write_bytes(first + second + third)
    return list(iter_inputs([str(path)]))


def test_a_url_the_damage_may_have_garbled_is_never_said_as_read_before_it(tmp_path):
    """The review's case: a bit changed in each of the url's compressed bytes gave urls like
    `berita.exarple.id`, `/2023/05/1/`, as the header's. Now none is said as read before the
    damage, and one named is said to be possibly damaged."""
    second = _members()[1]
    said = []
    for at in range(100, 190, 3):
        broken = bytearray(second)
        broken[at] ^= 1 << (at % 8)
        [reject] = [g for g in _wet(tmp_path, bytes(broken)) if isinstance(g, Reject)]
        assert SOUND.search(reject.reason) is None
        found = HEDGED.search(reject.reason)
        said.append(found.group(1) if found else None)
    assert any(url is not None and url != URLS[1] for url in said)   # (garbled ones: hedged)


def test_damage_well_after_the_header_names_the_url_as_read_before_it(tmp_path):
    """A record of some 18 KB of compressed text, under a read, damaged half way in (zlib
    stops at a distance too far back, not at the CRC): the header came DAMAGE_REACH bytes and
    more before where zlib stopped."""
    words = " ".join(f"kata{n * 7919 % 100003}" for n in range(6000)).encode()
    second = bytearray(_members(words)[1])
    assert DAMAGE_REACH * 3 < len(second) < 1 << 16
    at = len(second) // 2
    second[at:at + 8] = bytes(b ^ 0x5A for b in second[at:at + 8])
    got = _wet(tmp_path, bytes(second), words)
    [reject] = [g for g in got if isinstance(g, Reject)]
    assert "invalid distance too far back" in reject.reason
    assert SOUND.search(reject.reason).group(1) == URLS[1]


@pytest.mark.parametrize("where, sound", [(-8, 0), (-4, None)])
def test_a_wrong_crc_says_nothing_is_known_sound_and_a_wrong_length_all(where, sound):
    """A CRC that fails may come of damage anywhere in the member; a length that fails comes
    after the CRC passed, so all of the data is whole."""
    data = b"WARC/1.0\r\nWARC-Target-URI: https://a.id/\r\n\r\n" + b"isi berita " * 50
    member = bytearray(gzip.compress(data))
    member[len(member) + where] ^= 0x01
    error = None
    try:
        zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(bytes(member))
    except zlib.error as exc:
        error = exc
    assert error is not None
    head, known = head_before_damage(bytes(member), error)
    assert head == data and known == (len(data) if sound is None else sound)


def test_head_before_damage_takes_hostile_bytes_without_raising():
    for data in (b"", b"\x1f\x8b\x08", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, b"junk"):
        head, known = head_before_damage(data, zlib.error("invalid block type"))
        assert known <= len(head) <= 8 << 10


def _response_warc() -> tuple[bytes, list[int]]:
    """A .warc.gz of three HTML responses written by warcio, and where each member starts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out, starts = io.BytesIO(), []
    writer = WARCWriter(out, gzip=True)
    for n in range(3):
        page = (f"<html><head><title>Berita {n}</title></head><body><article><p>"
                + "Warga desa menyambut jembatan baru yang dibangun pemerintah. " * 12
                + "</p></article></body></html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                           ("Content-Length", str(len(page)))],
                                protocol="HTTP/1.1")
        starts.append(out.tell())
        # A fixed date and record id: warcio's own (now, a random uuid) made the members'
        # bytes, and where the damage falls in them, differ from run to run.
        writer.write_record(writer.create_warc_record(
            f"https://news.example.id/{n}", "response", payload=io.BytesIO(page),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-03-12T08:30:00Z",
                               "WARC-Record-ID": f"<urn:uuid:{n:08d}-0000-4000-8000-{0:012d}>"}))
    starts.append(out.tell())
    return out.getvalue(), starts


def test_a_response_damaged_in_its_http_headers_names_its_url(tmp_path):
    """The user's case: 30 bytes changed after the WARC header block, inside the HTTP headers;
    the reject named no url, though docs/usage.md says it does."""
    data, starts = _response_warc()
    broken = bytearray(data)
    at = starts[1] + 360
    broken[at:at + 30] = bytes(b ^ 0xA5 for b in broken[at:at + 30])
    path = tmp_path / "r.warc.gz"
    path.write_bytes(bytes(broken))
    got = list(iter_inputs([str(path)]))
    assert [(type(g).__name__, g.line) for g in got] == [("Item", 1), ("Reject", 2), ("Item", 3)]
    named = SOUND.search(got[1].reason) or HEDGED.search(got[1].reason)
    assert named is not None and named.group(1) == "https://news.example.id/1"


def test_a_readable_warc_records_reject_keeps_its_headers_as_raw(tmp_path):
    """A conversion record with no text: it was `"raw": null`; now its WARC header block."""
    data = warc_record("conversion", URLS[0], b"\n\n", "text/plain")
    [reject] = list(iter_warc_stream(io.BufferedReader(io.BytesIO(data)), "w", ReadOptions()))
    assert isinstance(reject, Reject) and reject.reason.startswith("empty document")
    assert reject.raw is not None and f"WARC-Target-URI: {URLS[0]}" in reject.raw
    assert reject.as_dict()["raw"].startswith("WARC/1.")


def test_a_response_without_a_url_keeps_its_header_block_as_raw(tmp_path):
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
              b"Content-Length: 44\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
              b"\r\n\r\n")
    path = tmp_path / "nourl.warc"
    path.write_bytes(record)
    rejects = [g for g in iter_inputs([str(path)]) if isinstance(g, Reject)]
    assert rejects and all(r.raw and "WARC-Type: response" in r.raw for r in rejects)


def test_a_damaged_member_none_of_whose_record_was_read_has_no_raw(tmp_path):
    broken = bytearray(_members()[1])
    broken[40:48] = bytes(b ^ 0x5A for b in broken[40:48])
    [reject] = [g for g in _wet(tmp_path, bytes(broken)) if isinstance(g, Reject)]
    assert reject.raw is None


def test_a_dead_workers_warc_batch_is_said_in_records():
    batch = [Item("big.warc.wet.gz", RecordNumber(n), "isi", {}, 3) for n in (13825, 13952)]
    assert _where(batch) == "big.warc.wet.gz records 13825-13952"
    assert _where([Item("a.jsonl", 3, "x", {}, 1), Item("a.jsonl", 9, "y", {}, 1)]) == \
        "a.jsonl:3-9"


def test_a_record_the_file_ends_inside_the_headers_of_keeps_what_it_read_as_raw(tmp_path):
    """Cut inside its WARC headers, one of them holding a byte that is not UTF-8: the reject's raw
    is the headers read, that byte escaped, not null."""
    whole = warc_record("conversion", URLS[0], b"Isi berita.", "text/plain")
    cut = whole + (b"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://a.id/\xff\r\n"
                   b"WARC-Da")
    path = tmp_path / "cut.warc"
    path.write_bytes(cut)
    [reject] = [g for g in iter_inputs([str(path)]) if isinstance(g, Reject)]
    assert "the file ends inside its WARC headers" in reject.reason and reject.line == 2
    assert reject.raw is not None and reject.raw.startswith("WARC/1.0\r\nWARC-Type: conversion")
    assert "https://a.id/\\xff" in reject.raw


def _wet_header(url: str) -> str:
    """The WARC header block of the WET record of `url` _members writes, as a reject keeps it."""
    record = warc_record("conversion", url, TEXT, "text/plain")
    return record.split(b"\r\n\r\n", 1)[0].decode("ascii")


@pytest.mark.parametrize("damage", ["crc", "cut in half"])
def test_a_damaged_members_reject_naming_its_url_keeps_the_header_it_came_from(tmp_path, damage):
    """The review's case (/tmp/r4/w/d1, d2): a bit flipped in the CRC, or a middle member cut to
    half; the reject named the url from the member's head, but its raw was null."""
    second = bytearray(_members()[1])
    if damage == "crc":
        second[-8] ^= 0x10
    else:
        second = second[:len(second) // 2]
    [reject] = [g for g in _wet(tmp_path, bytes(second)) if isinstance(g, Reject)]
    assert HEDGED.search(reject.reason).group(1) == URLS[1]
    assert reject.raw == _wet_header(URLS[1])
    assert reject.as_dict()["raw"] == _wet_header(URLS[1])


def test_every_reject_naming_a_url_from_a_damaged_head_keeps_that_header_line(tmp_path):
    """Bits changed all over the member's compressed header and text: wherever the reject names
    a url (garbled ones too), its raw holds the header line that url was read from, and never
    the record's text past the header's blank line."""
    second = _members()[1]
    named = 0
    for at in range(20, len(second) - 8, 7):
        broken = bytearray(second)
        broken[at] ^= 1 << (at % 8)
        [reject] = [g for g in _wet(tmp_path, bytes(broken)) if isinstance(g, Reject)]
        found = HEDGED.search(reject.reason) or SOUND.search(reject.reason)
        if found is None:
            continue
        named += 1
        assert reject.raw is not None and reject.raw.startswith("WARC/1.0\r\n")
        assert f"\r\nWARC-Target-URI: {found.group(1)}\r\n" in reject.raw + "\r\n"
        assert TEXT[:40].decode() not in reject.raw
    assert named > 10


def test_a_damaged_heads_bytes_that_are_not_utf8_are_escaped_in_raw(tmp_path):
    """A header holding a byte that is not UTF-8 (hostile input), its member's CRC wrong: the
    raw escapes the byte as other raws do, and the reject does not raise."""
    record = warc_record("conversion", URLS[1], TEXT, "text/plain").replace(
        b"\r\nContent-Type:", b"\r\nX-Bad: \xff\xfe\r\nContent-Type:", 1)
    second = bytearray(gzip.compress(record))
    second[-8] ^= 0x01
    [reject] = [g for g in _wet(tmp_path, bytes(second)) if isinstance(g, Reject)]
    assert HEDGED.search(reject.reason).group(1) == URLS[1]
    assert "X-Bad: \\xff\\xfe\r\n" in reject.raw and reject.raw.startswith("WARC/1.0\r\n")


def test_a_damaged_head_with_no_blank_line_keeps_what_came_before_the_damage(tmp_path):
    """Damage inside the header block: no url is named, but the header bytes inflated before
    the damage are the record's raw, not null; what comes of the damage is bounded by the
    member's head (8 KB)."""
    second = _members()[1]
    kept = []
    for at in range(60, 200, 5):
        broken = bytearray(second)
        broken[at:at + 4] = bytes(b ^ 0x5A for b in broken[at:at + 4])
        [reject] = [g for g in _wet(tmp_path, bytes(broken)) if isinstance(g, Reject)]
        if reject.raw is not None:
            assert len(reject.raw) <= 4 * HEAD_BYTES          # (a byte escaped: 4)
            kept.append(reject.raw)
    assert any(raw.startswith("WARC/1.0\r\nWARC-Type: conversion") and "WARC-Target-URI" not in
               raw for raw in kept)
