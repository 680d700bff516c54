"""A damaged gzip member or zstd frame loses none of the lines it gave: every line it yielded
before the damage is written, flagged damaged-input, whatever the size of the reads, and the
members after it are read whole (accB defect 1). A file named .gz that is no gzip at all is read
by what it holds, as standard input is, or refused whole as "not gzip data" (accB defect 9)."""

from __future__ import annotations

import gzip
import json
import random
import zlib

import pytest
import zstandard

from cleaner import gzip_members, jsonl_reader, zstd_frames
from cleaner.inputs import Item, Reject
from cleaner.jsonl_reader import DAMAGED_INPUT
from cleaner.readers import iter_inputs

# Read sizes the reader is run with: far under a member, about one, far over the whole file.
GZIP_CHUNKS = [1 << 10, 1 << 12, 1 << 16, 1 << 20]
ZSTD_READS = [(1 << 10, 1 << 12), (1 << 13, 1 << 16), (1 << 16, 1 << 20)]


def _lines(first: int, count: int) -> bytes:
    """JSON lines `first` on, each about 700 bytes of hex words that compress to about half:
    250 of them make a member of more than one 64 KB read."""
    rng = random.Random(first)
    return b"".join(
        json.dumps({"id": f"rec-{n}", "text": f"Berita rec-{n}. " + " ".join(
            f"{rng.getrandbits(32):08x}" for _ in range(75)) + "."}).encode() + b"\n"
        for n in range(first, first + count))


def _read(path) -> tuple[list[Item], list[Reject]]:
    items = list(iter_inputs([str(path)]))
    return [i for i in items if isinstance(i, Item)], [i for i in items if isinstance(i, Reject)]


def _flagged(item: Item) -> bool:
    return any(flag["flag"] == DAMAGED_INPUT for flag in (item.hints or {}).get("page_flags", ()))


def _outcome(path) -> tuple[list[tuple[str, bool]], list[tuple[int | None, str]]]:
    """What a read gives: each record's id and whether it is flagged, each reject's line and
    reason."""
    items, rejects = _read(path)
    return [(str(i.fields["id"]), _flagged(i)) for i in items], [(r.line, r.reason) for r in rejects]


def _ids(first: int, count: int) -> list[str]:
    return [f"rec-{n}" for n in range(first, first + count)]


def _gzip_outcomes(tmp_path, monkeypatch, data: bytes, name: str = "dump.jsonl.gz"):
    """The outcome of reading `data` with each of GZIP_CHUNKS; they must all be the same."""
    src = tmp_path / name
    src.write_bytes(data)
    outcomes = []
    for chunk in GZIP_CHUNKS:
        monkeypatch.setattr(gzip_members, "CHUNK", chunk)
        outcomes.append(_outcome(src))
    for chunk, outcome in zip(GZIP_CHUNKS[1:], outcomes[1:]):
        assert outcome == outcomes[0], f"read {chunk} bytes at a time"
    return outcomes[0]


def _member(first: int, count: int) -> bytearray:
    return bytearray(gzip.compress(_lines(first, count), mtime=0))


@pytest.mark.parametrize("count", [2, 250])          # (under a read, and over several)
@pytest.mark.parametrize("where", [-8, -4])          # (its CRC-32, its length)
def test_a_member_with_a_wrong_trailer_gives_every_record_flagged(tmp_path, monkeypatch, count,
                                                                  where):
    damaged = _member(1, count)
    damaged[where] ^= 0xFF
    after = _member(count + 1, 3)
    records, rejects = _gzip_outcomes(tmp_path, monkeypatch, bytes(damaged) + bytes(after))
    assert records == [(i, True) for i in _ids(1, count)] + [(i, False)
                                                             for i in _ids(count + 1, 3)]
    [(line, reason)] = rejects
    assert line == count + 1
    lines = "line 1" if count == 1 else f"lines 1 to {count}"
    assert f"{lines} came from the damaged member" in reason
    assert "not counted" not in reason and "none of the member" not in reason


def _failing_byte(data: bytes) -> int | None:
    """Where a gzip member (in `data`) fails, inflated a KB at a time, then the KB that fails a
    byte at a time (None: it does not)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    for step in range(0, len(data), 1024):
        before = inflater.copy()
        try:
            inflater.decompress(data[step:step + 1024])
        except zlib.error:
            for at in range(step, step + 1024):
                try:
                    before.decompress(data[at:at + 1])
                except zlib.error:
                    return at
    return None


def _sure_lines(data: bytes, failed: int) -> list[bytes]:
    """The whole lines a damaged member (opening `data`, failing at byte `failed`) hands out:
    what its input up to SURE_REACH bytes before that byte inflates to, cut at its last line
    end."""
    sure = max(0, failed - gzip_members.SURE_REACH)
    made = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:sure])
    return made[:made.rfind(b"\n") + 1].splitlines()


def _damaged_mid_deflate(count: int, by_crc: bool) -> tuple[bytearray, int]:
    """A member of `count` lines with a byte changed from 2/3 of the way in on: the first
    change zlib finds in the deflate data (`by_crc`: the first that inflates on, unfound, to
    the member's end and fails its CRC-32 there), and where it fails."""
    member = _member(1, count)
    for at in range(len(member) * 2 // 3, len(member) - 8):
        damaged = bytearray(member)
        damaged[at] ^= 0x55
        failed = _failing_byte(bytes(damaged))
        if failed is not None and (failed >= len(member) - 8) == by_crc:
            return damaged, failed
    raise AssertionError("no such change")


@pytest.mark.parametrize("count", [40, 250, 600])
@pytest.mark.parametrize("by_crc", [False, True])
def test_a_corrupt_byte_mid_deflate_keeps_the_lines_before_it_and_the_next_member(
        tmp_path, monkeypatch, count, by_crc):
    """What input up to SURE_REACH bytes before the failing byte inflated to is handed out,
    flagged, cut at its last line end, whatever the reads; the rest of the member is counted as
    not read; the member after it is read whole. Damage that zlib finds in the deflate data
    gives no garbled line; damage that inflates on to the member's end fails its CRC-32 there,
    unlike the one said (not its CRC damaged): the same rule, and the lines before the last
    SURE_REACH bytes may be garbled, flagged (a line that parses is a record)."""
    damaged, failed = _damaged_mid_deflate(count, by_crc)
    after = _member(count + 1, 3)
    records, rejects = _gzip_outcomes(tmp_path, monkeypatch, bytes(damaged) + bytes(after))
    lines = _sure_lines(bytes(damaged), failed)
    expected = [i for i in map(_parsed_id, lines) if i is not None]
    if not by_crc:
        assert expected == _ids(1, len(lines))         # (no garbled line)
    # (a member of less than SURE_REACH bytes of input before the damage gives none)
    assert (len(expected) > 100) == (count == 600)
    assert records == [(i, True) for i in expected] + [(i, False) for i in _ids(count + 1, 3)]
    [damage] = [reason for _, reason in rejects if "corrupt gzip member starting at byte 0" in
                reason and "truncated or corrupt" in reason]
    if lines:
        assert "the rest of the member, up to" in damage
        assert f"lines 1 to {len(lines)} came from the damaged member" in damage
    else:
        assert "none of the member, up to" in damage and "came from" not in damage
    assert "the lines in it are not counted" in damage and "all read" not in damage


@pytest.mark.parametrize("count", [40, 250, 600])
def test_a_member_cut_mid_deflate_before_the_next_loses_none_of_the_next(tmp_path, monkeypatch,
                                                                        count):
    """A member cut short, the next member's bytes read on as its data: the next member is read
    whole; of the cut one's lines, where the inflater fails, those its input up to SURE_REACH
    bytes before the failing byte inflated to, whatever the reads; where it reads on to the
    file's end without failing, every whole one before the cut."""
    cut = _member(1, count)
    cut = cut[:len(cut) // 2]
    after = _member(count + 1, 5)
    records, rejects = _gzip_outcomes(tmp_path, monkeypatch, bytes(cut) + bytes(after))
    assert [r for r in records if int(r[0][4:]) > count] == \
        [(i, False) for i in _ids(count + 1, 5)]
    cut_records = [r[0] for r in records if int(r[0][4:]) <= count]
    failed = _failing_byte(bytes(cut) + bytes(after))
    assert (failed is None) == (count != 40)
    if failed is None:
        # (the cut member's lines before the cut: inflated whole, they are records)
        made = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(bytes(cut))
        whole = made.count(b"\n")
        assert cut_records[:whole] == _ids(1, whole)
    else:
        assert cut_records == _ids(1, len(_sure_lines(bytes(cut) + bytes(after), failed)))
    assert rejects


def _parsed_id(line: bytes) -> str | None:
    """The id of a line that reads as a record, else None."""
    try:
        fields = json.loads(line)
    except ValueError:
        return None
    return fields.get("id") if isinstance(fields, dict) and fields.get("text") else None


def _zstd_outcomes(tmp_path, monkeypatch, data: bytes):
    """The outcome of reading `data` with each of ZSTD_READS; they must all be the same."""
    src = tmp_path / "dump.jsonl.zst"
    src.write_bytes(data)
    outcomes = []
    for read_size, buffer in ZSTD_READS:
        monkeypatch.setattr(zstd_frames, "_READ_SIZE", read_size)
        monkeypatch.setattr(jsonl_reader, "READ_BUFFER", buffer)
        outcomes.append(_outcome(src))
    for sizes, outcome in zip(ZSTD_READS[1:], outcomes[1:]):
        assert outcome == outcomes[0], f"read with {sizes}"
    return outcomes[0]


def _frame(first: int, count: int) -> bytearray:
    return bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(_lines(first, count)))


@pytest.mark.parametrize("count", [2, 250])
def test_a_frame_with_a_wrong_checksum_gives_every_record_flagged(tmp_path, monkeypatch, count):
    damaged = _frame(1, count)
    damaged[-2] ^= 1
    records, rejects = _zstd_outcomes(tmp_path, monkeypatch,
                                      bytes(damaged) + bytes(_frame(count + 1, 3)))
    assert records == [(i, True) for i in _ids(1, count)] + [(i, False)
                                                             for i in _ids(count + 1, 3)]
    [(line, reason)] = rejects
    assert line == count + 1
    assert f"lines 1 to {count} came from the damaged frame" in reason
    assert "not counted" not in reason and "none of the frame" not in reason


def _blocks(frame: bytes) -> list[int]:
    """Where each block of a frame (of zstd_frames' walk) starts."""
    import io

    head = frame[:5]
    return [at for at, *_ in zstd_frames._blocks(io.BytesIO(frame),
                                                 zstd_frames._first_block(0, head[4]))]


def test_a_frame_with_a_corrupt_block_keeps_the_blocks_before_it(tmp_path, monkeypatch):
    lines = _lines(1, 600)
    frame = bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(lines))
    starts = _blocks(bytes(frame))
    assert len(starts) >= 3
    # (the third block's compressed data, past its header, garbled)
    for at in range(starts[2] + 3, starts[2] + 40):
        frame[at] ^= 0xA5
    records, rejects = _zstd_outcomes(tmp_path, monkeypatch,
                                      bytes(frame) + bytes(_frame(601, 3)))
    good = zstandard.ZstdDecompressor().decompressobj().decompress(bytes(frame[:starts[2]]))
    whole = good.count(b"\n")
    assert whole > 0
    # (the blocks wholly before the one zstd refused, cut at their last line end: no more)
    assert [r for r in records if int(r[0][4:]) <= 600] == [(i, True) for i in _ids(1, whole)]
    assert [r for r in records if int(r[0][4:]) > 600] == [(i, False) for i in _ids(601, 3)]
    assert any("the lines in it are not counted" in reason for _, reason in rejects)


@pytest.mark.xfail(strict=True, reason="a frame whose blocks all decode, its checksum unlike its "
                   "data's (garbled anywhere), gives what the reads before the one that met the "
                   "checksum gave: zstd's reader is not held back as gzip's reads are "
                   "(gzip_members.SURE_REACH)")
def test_a_frame_whose_data_fails_its_checksum_gives_the_same_whatever_the_reads(
        tmp_path, monkeypatch):
    lines = _lines(1, 600)
    frame = bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(lines))
    frame[-4:] = bytes(b ^ 0xFF for b in frame[-4:])     # (its checksum, all of it)
    _zstd_outcomes(tmp_path, monkeypatch, bytes(frame) + bytes(_frame(601, 3)))


def test_a_frame_cut_short_before_the_next_loses_none_of_the_next(tmp_path, monkeypatch):
    frame = _frame(1, 600)
    starts = _blocks(bytes(frame))
    cut = bytes(frame[:starts[2] + 100])
    records, rejects = _zstd_outcomes(tmp_path, monkeypatch, cut + bytes(_frame(601, 3)))
    good = zstandard.ZstdDecompressor().decompressobj().decompress(cut[:starts[2]])
    whole = good.count(b"\n")
    assert [r[0] for r in records if int(r[0][4:]) <= 600][:whole] == _ids(1, whole)
    assert [r for r in records if int(r[0][4:]) > 600] == [(i, False) for i in _ids(601, 3)]
    assert rejects


def test_a_gz_file_of_plain_json_lines_is_read_by_what_it_holds(tmp_path, monkeypatch):
    """Named .gz, not gzip: read as standard input is, by its first bytes (it was one reject
    "corrupt gzip member ... incorrect header check" given as line 1, "after line 0")."""
    records, rejects = _gzip_outcomes(tmp_path, monkeypatch, _lines(1, 3))
    assert records == [(i, False) for i in _ids(1, 3)] and rejects == []


def test_a_gz_file_of_binary_bytes_that_hold_no_member_is_one_reject_of_the_file(
        tmp_path, monkeypatch):
    data = bytes(random.Random(9).getrandbits(8) for _ in range(5000)).replace(b"\x1f", b"\x00")
    records, rejects = _gzip_outcomes(tmp_path, monkeypatch, data)
    assert records == []
    [(line, reason)] = rejects
    assert line is None and reason.startswith("not gzip data")


def test_a_gz_file_whose_first_member_header_is_damaged_still_reads_the_members_after(
        tmp_path, monkeypatch):
    """Not read as plain data: bytes that do not open as gzip but hold a member are a damaged
    gzip file, read on at the member."""
    first = _member(1, 3)
    first[0] ^= 0xFF
    records, rejects = _gzip_outcomes(tmp_path, monkeypatch, bytes(first) + bytes(_member(4, 3)))
    assert records == [(i, False) for i in _ids(4, 3)]
    assert len(rejects) == 1


def test_json_lines_with_a_gzip_member_after_them_lose_none_of_the_member(tmp_path, monkeypatch):
    """`cat a.jsonl b.jsonl.gz > x.jsonl.gz`: read as plain lines, the member's bytes were
    rejected line by line and its records lost unsaid (review 5); it is a gzip file whose start
    is no member: the plain bytes one counted reject, the member read."""
    records, rejects = _gzip_outcomes(tmp_path, monkeypatch, _lines(1, 3) + bytes(_member(4, 3)))
    assert records == [(i, False) for i in _ids(4, 3)]
    [(line, reason)] = rejects
    assert "do not open as a gzip member" in reason
