"""The search for a member whose header is damaged, near where a damaged member's inflater
stopped, costs about what reading the bytes it looks through costs: bytes that inflate without
error for as long as they run (a run of line feeds) made each of 8,000 places near there inflate
to the file's end (28 s for a damaged member and 1 MB of line feeds, 79 s for 4 MB)."""

from __future__ import annotations

import gzip
import random
import zlib
from pathlib import Path

import pytest

from cleaner import gzip_members
from cleaner.inputs import Reject
from cleaner.readers import iter_inputs
from test_warc_gz_member_damage import read_stream
from test_warc_streams import page, record

MB = 1 << 20
FIRST = gzip.compress(record("https://n.id/a", page("Satu")))
SECOND = gzip.compress(record("https://n.id/b", page("Dua")))
LAST = gzip.compress(record("https://n.id/c", page("Tiga")))


def _damaged(member: bytes) -> bytes:
    """The member with six bytes of its deflate data damaged, halfway through."""
    data = bytearray(member)
    for at in range(len(data) // 2, len(data) // 2 + 6):
        data[at] ^= 0xFF
    return bytes(data)


def _tails(size: int) -> dict[str, bytes]:
    """Bytes after a damaged member: bytes that inflate as literals for as long as they run,
    random bytes, zeros."""
    return {"line feeds": b"\n" * size, "random": random.Random(3).randbytes(size),
            "zeros": bytes(size)}


def _outcomes(path: Path) -> list[tuple]:
    """Each outcome's (line, reason) for a reject, (line, url) for an item."""
    return [(i.line, i.reason) if isinstance(i, Reject) else (i.line, i.fields["url"])
            for i in iter_inputs([str(path)])]


def _inflated_to_the_end(monkeypatch) -> list[int]:
    """Record, for each place the search inflates with no first-look bound (_whole_member with
    no `look`: to the end of the bytes it is given), how many bytes it was given."""
    whole_member, inflated = gzip_members._whole_member, []

    def recorded(data, most, look=None):
        if look is None:
            inflated.append(len(data))
        return whole_member(data, most, look)

    monkeypatch.setattr(gzip_members, "_whole_member", recorded)
    return inflated


class _SearchedWindow(bytearray):
    """A bytearray that notes, for each search of it, how many bytes the search looks through
    and how many it holds (the search's window, as _resync makes it with `bytearray`)."""

    searches: list[tuple[int, int]] = []

    def find(self, sub, start=0, end=None):      # type: ignore[override]
        stop = len(self) if end is None else min(end, len(self))
        _SearchedWindow.searches.append((max(0, stop - max(0, start)), len(self)))
        return super().find(sub, start, len(self) if end is None else end)


@pytest.mark.parametrize("shape", ["line feeds", "random", "zeros"])
def test_a_damaged_member_before_a_megabyte_of_junk_is_read_as_fast_as_a_whole_file(tmp_path,
                                                                                    shape,
                                                                                    monkeypatch):
    """Before, with line feeds, 8,000 inflations of the megabyte (12 s here against 3 ms for
    the whole file): checked by how many places are inflated to the end, not by a clock."""
    tail = _tails(MB)[shape]
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(FIRST + _damaged(SECOND) + tail)
    inflated = _inflated_to_the_end(monkeypatch)
    got = _outcomes(damaged)
    assert got[0] == (1, "https://n.id/a") and len(got) == 2
    line, reason = got[1]
    assert line == 2 and reason.startswith(
        f"corrupt WARC record: its gzip member is damaged: corrupt gzip member starting at "
        f"byte {len(FIRST)} (")
    assert "; no further member follows (the record at byte" in reason
    # Deterministic, not timed: a few places at most are inflated to the end (_FEW, and the
    # one taken), not each of the thousands near the damage.
    assert len(inflated) <= gzip_members._FEW + 1, len(inflated)


def test_line_feeds_past_the_bytes_kept_for_the_search_are_read_in_linear_time(monkeypatch):
    """Past 16 MB the bytes are no longer kept for the search; before, the window of bytes was
    copied and searched whole again for each 64 KB read, and grown again past the bound."""
    size = 17 * MB
    damaged = FIRST + _damaged(SECOND) + b"\n" * size + LAST
    # Deterministic, not timed: each byte after the damage is searched for a header about once
    # (not the whole window again at each read), and the window kept stops growing past
    # _KEEP_BYTES (and a read's bytes beside them).
    monkeypatch.setattr(gzip_members, "bytearray", _SearchedWindow, raising=False)
    monkeypatch.setattr(_SearchedWindow, "searches", [])
    out, errors = read_stream(damaged)
    searches = _SearchedWindow.searches
    assert searches and sum(looked for looked, _ in searches) <= len(damaged) + 2 * MB
    assert max(held for _, held in searches) <= gzip_members._KEEP_BYTES + MB
    [error] = errors
    assert error.resumed_at == len(damaged) - len(LAST) and error.lost is None
    assert out.endswith(gzip.decompress(LAST))


def test_a_run_of_line_feeds_between_a_damaged_member_and_the_next_costs_no_record(tmp_path,
                                                                                   monkeypatch):
    """The search gives up on the line feeds and goes on at the next member."""
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(FIRST + _damaged(SECOND) + b"\n" * MB + LAST)
    inflated = _inflated_to_the_end(monkeypatch)
    got = _outcomes(path)
    assert [g[0] for g in got] == [1, 2, 3] and got[2] == (3, "https://n.id/c")
    assert got[1][1].startswith("corrupt WARC record: its gzip member is damaged")
    assert f"reading goes on at the next member (byte {len(path.read_bytes()) - len(LAST)})" \
        in got[1][1]
    # Deterministic, not timed: a few places at most are inflated to the end, not each one.
    assert len(inflated) <= gzip_members._FEW + 1, len(inflated)


def _crc_damaged(member: bytes) -> bytes:
    """The member with its CRC and length damaged."""
    return member[:-8] + bytes(b ^ 0x5A for b in member[-8:])


def _header_damaged(member: bytes) -> bytes:
    """The member with its magic bytes damaged."""
    return bytes(b ^ 0x5A for b in member[:3]) + member[3:]


@pytest.mark.parametrize("kind", ["words", "repeats"])
def test_a_large_member_with_a_damaged_header_is_still_found_whole(kind):
    """A member past the first look (words that do not repeat: 1.1 MB of deflate data; lines
    that do: 7.8 MB of data from 34 KB) is inflated to its end and passed over by its place."""
    rng = random.Random(7)
    data = " ".join("".join(rng.choice("abdegiklmnoprstu") for _ in range(rng.randint(2, 9)))
                    for _ in range(300000)).encode() if kind == "words" else \
        b"".join(f"line {n % 50}\n".encode() for n in range(1000000))
    first, middle = gzip.compress(b"first\n" * 100), gzip.compress(data)
    out, errors = read_stream(_crc_damaged(first) + _header_damaged(middle) + LAST)
    [error] = errors
    assert error.lost == len(first) and error.resumed_at == len(first) + len(middle)
    assert out.endswith(gzip.decompress(LAST)) and data[:1000] not in out


def test_a_member_with_a_damaged_header_before_zero_padding_is_found():
    """Its length's high bytes are zeros like the padding after it: the trailer is read where
    the length it says is largest, and the member is not refused as holding more."""
    first, middle = gzip.compress(b"first\n" * 100), gzip.compress(b"middle\n" * 100)
    out, errors = read_stream(_crc_damaged(first) + _header_damaged(middle) + bytes(500))
    [error] = errors
    assert error.lost == len(first) and error.resumed_at is None
    assert b"middle" not in out


@pytest.mark.parametrize("crc_right", [True, False])
def test_a_place_still_inflating_after_the_first_look_is_taken_only_whole(crc_right):
    """Deflate data of stored blocks (random bytes, which do not compress) runs past the first
    look: inflated to its end, it is taken with its CRC right, refused with it wrong."""
    body = random.Random(4).randbytes(20000)
    packer = zlib.compressobj(0, zlib.DEFLATED, -zlib.MAX_WBITS)
    crc = zlib.crc32(body) ^ (0 if crc_right else 1)
    middle = b"\x00" * 10 + packer.compress(body) + packer.flush() + \
        crc.to_bytes(4, "little") + len(body).to_bytes(4, "little")
    first = gzip.compress(b"first\n" * 100)
    out, errors = read_stream(_crc_damaged(first) + middle + LAST)
    [error] = errors
    assert error.lost == (len(first) if crc_right else None)
    assert error.resumed_at == len(first) + len(middle) and body[:100] not in out
