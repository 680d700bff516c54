"""What a gzip member found damaged at its end lets through: its records flagged, its rejects
counted apart, the rest of it said, and one number a line."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib

import pytest
import zstandard

from cleaner import gzip_members, jsonl_reader
from cleaner.cli import main
from cleaner.gzip_members import CHUNK, SURE_REACH, CorruptGzip
from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.jsonl_reader import DAMAGED_INPUT
from cleaner.readers import iter_inputs
from scale_helpers import read_jsonl, shard_records

LINES = 150                     # a member's lines: about 170 KB, stored, so read in several reads


def _line(n: int) -> bytes:
    """Line `n` of the dump: no id (its record is named by its line), its number in "n"."""
    text = " ".join(f"Berita nomor {n} tentang banjir di kota {n % 7} kalimat {k}."
                    for k in range(20))
    return json.dumps({"n": n, "text": text}).encode() + b"\n"


def _member(first: int, count: int = LINES, broken: int = 0) -> bytearray:
    """Lines `first` on, line `broken` broken JSON in the input itself."""
    lines = b"".join(b'{"n": %d, "text": \n' % n if n == broken else _line(n)
                     for n in range(first, first + count))
    # (stored, not deflated: a changed byte changes that byte alone, and only the CRC at the
    # member's end finds it, as with damage zlib decodes on past)
    return bytearray(gzip.compress(lines, compresslevel=0, mtime=0))


def _garbled(member: bytearray) -> None:
    """Damage the member's lines 10 and 20 (of the dump: 160 and 170): one still parses, its
    text changed; the other is broken JSON."""
    at = member.index(b"nomor 160 ")
    member[at + 8] = ord("X")                     # "nomor 16X": parses, garbled
    at = member.index(b'{"n": 170,')
    member[at] = ord("[")                         # broken JSON


def _dump() -> tuple[bytes, list[int]]:
    """Four members of 150 lines (lines 1-600), the second garbled (lines 151-300) with its CRC
    then wrong, and line 400 broken in the input itself; with where each member starts."""
    members = [_member(1 + m * LINES, broken=400) for m in range(4)]
    _garbled(members[1])
    starts = [sum(len(m) for m in members[:i]) for i in range(5)]
    return b"".join(map(bytes, members)), starts


def _line_of(record: dict) -> int:
    return int(record["id"].rsplit(":", 1)[1])


def _flagged(record: dict) -> bool:
    return any(flag["flag"] == DAMAGED_INPUT for flag in record["flags"])


def _damage_reject(rejects: list[dict]) -> dict:
    [reject] = [r for r in rejects if "corrupt input" in r["reason"]]
    return reject


def _member_lines(reason: str) -> tuple[int, int]:
    found = re.search(r"lines (\d+) to (\d+) came from the damaged member", reason)
    assert found, reason
    return int(found.group(1)), int(found.group(2))


def _clean(tmp_path, data: bytes, *args: str) -> tuple[list[dict], list[dict]]:
    src = tmp_path / "dump.jsonl.gz"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", *args]) == 0
    return read_jsonl(out), read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_records_of_a_damaged_members_lines_are_flagged_and_no_others(tmp_path, workers):
    """A garbled line that parsed was written with flags [] (text spliced with garbage): each
    record of a line the damaged member gave is now flagged damaged-input, naming the member."""
    data, starts = _dump()
    records, rejects = _clean(tmp_path, data, "--workers", workers)
    first, last = _member_lines(_damage_reject(rejects)["reason"])
    assert first == LINES + 1 and last > 160
    [garbled] = [r for r in records if "nomor 16X" in r["text"]]
    assert _flagged(garbled)
    flagged = [_line_of(r) for r in records if _flagged(r)]
    assert flagged == [n for n in range(first, last + 1) if n != 170]
    [flag] = [f for f in garbled["flags"] if f["flag"] == DAMAGED_INPUT]
    assert f"corrupt gzip member starting at byte {starts[1]}" in flag["reason"]
    # (all of them: the reject says nothing more)
    assert _damage_reject(rejects)["reason"].endswith(
        f"lines {first} to {last} came from the damaged member")


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("chunk", [CHUNK, 1 << 12])
def test_the_reject_says_the_rest_of_the_member_was_not_read(tmp_path, monkeypatch, workers,
                                                             chunk):
    """Lines past the read that met the damage were dropped and no reject named them: it says
    how much of the member's input was not read, from SURE_REACH bytes before the byte that
    failed (its data garbled, the last of the CRC, which is unlike its data's) to the next
    member, however the reads fell."""
    monkeypatch.setattr(gzip_members, "CHUNK", chunk)
    data, starts = _dump()
    records, rejects = _clean(tmp_path, data, "--workers", workers)
    reason = _damage_reject(rejects)["reason"]
    failed = starts[2] - 5                        # (then its length's four bytes)
    assert (f"the rest of the member, up to {starts[2] - (failed - SURE_REACH)} bytes of its "
            f"input, was not read: the lines in it are not counted") in reason
    assert "all read" not in reason
    # (what was handed out: the member's lines whole in what its input before that point
    # inflates to)
    first, last = _member_lines(reason)
    sure = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(
        data[starts[1]:failed - SURE_REACH])
    assert last - first + 1 == sure.count(b"\n") > 50
    assert [_line_of(r) for r in records if _flagged(r)] == \
        [n for n in range(first, last + 1) if n != 170]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_lines_after_a_damaged_member_are_numbered_on_from_its_reject_and_none_is_shared(
        tmp_path, workers):
    """The reject and the next member's first record were both line 2622 of the file: the
    reject takes the number of the line the damage cut into, and the lines after it follow."""
    data, _ = _dump()
    records, rejects = _clean(tmp_path, data, "--workers", workers)
    reject = _damage_reject(rejects)
    places = [_line_of(r) for r in records] + [r["line"] for r in rejects]
    assert len(places) == len(set(places))
    assert all(_line_of(r) == r["n"] for r in records if r["n"] <= LINES)     # before it
    after = [r for r in records if r["n"] > 2 * LINES]
    assert after and all(_line_of(r) == reject["line"] + r["n"] - 2 * LINES for r in after)
    [broken] = [r for r in rejects if r["reason"].startswith("broken JSON")]
    assert broken["line"] == reject["line"] + 400 - 2 * LINES


def test_the_summary_counts_a_damaged_members_rejects_apart_from_the_inputs_own(tmp_path):
    """The summary counted the garbage lines as "broken JSON ... (and 235 like it)", as if the
    dump held that many broken records."""
    data, starts = _dump()
    stats = tmp_path / "stats.json"
    src = tmp_path / "dump.jsonl.gz"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--stats", str(stats)]) == 0
    reasons = json.loads(stats.read_text())["reject_reasons"]
    assert reasons == {"line read from a corrupt gzip member starting at byte N": 1,
                       "broken JSON": 1, "truncated or corrupt input after line N": 1}
    [damaged] = [r for r in read_jsonl(tmp_path / "out.jsonl.rejects.jsonl")
                 if r["reason"].startswith("line read from")]
    assert damaged["reason"].startswith(f"line read from a corrupt gzip member starting at "
                                        f"byte {starts[1]}: broken JSON: ")


def test_a_member_longer_than_the_lines_held_back_flags_its_last_lines_and_says_so(
        tmp_path, monkeypatch):
    """Memory stays flat: lines are held back up to HOLD_BYTES; the damaged member's earlier
    lines went out unflagged, and its reject says which are flagged."""
    monkeypatch.setattr(jsonl_reader, "HOLD_BYTES", 30_000)
    data, _ = _dump()
    records, rejects = _clean(tmp_path, data, "--workers", "1")
    reason = _damage_reject(rejects)["reason"]
    first, last = _member_lines(reason)
    flagged = [_line_of(r) for r in records if _flagged(r)]
    assert flagged and first < flagged[0] and flagged[-1] == last
    assert len(flagged) < 30                      # (lines of about 1.1 KB each)
    assert flagged == list(range(flagged[0], last + 1))
    assert reason.endswith(f"lines {first} to {last} came from the damaged member (the "
                           f"records of lines {flagged[0]} to {last} are flagged "
                           f"{DAMAGED_INPUT}; those before were given before the damage was "
                           f"found, more than 30,000 bytes of lines before it)")
    assert not [r for r in records if "nomor 16X" in r["text"] and _flagged(r)]


def test_a_cut_member_flags_nothing(tmp_path):
    """A file that ends inside a member gave sound lines before the cut: none is flagged."""
    data = bytes(_member(1)) + bytes(_member(1 + LINES))[:100_000]
    records, rejects = _clean(tmp_path, data, "--workers", "1")
    assert len(records) > LINES and not [r for r in records if r["flags"]]
    assert "is truncated (the file ends inside it)" in rejects[-1]["reason"]


def test_a_damaged_member_on_standard_input_is_flagged_and_numbered_as_from_a_file(monkeypatch):
    """`cat dump.jsonl.gz | cleaner clean -`: a first member damaged at its start was line 1,
    and so was the first line after it. (Its CRC alone damaged: its 3 lines are read, flagged,
    and the reject is line 4.)"""
    head = _member(1, 3)
    head[-8] ^= 0xFF                              # its CRC: the member's data is sound
    data, _ = _dump()
    stream = io.BufferedReader(io.BytesIO(bytes(head) + data))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    items = list(iter_inputs(["-"]))
    assert all(isinstance(item, Item) and [flag["flag"] for flag in item.hints["page_flags"]]
               == [DAMAGED_INPUT] for item in items[:3])
    assert [item.line for item in items[:3]] == [1, 2, 3]
    assert isinstance(items[3], Reject) and items[3].line == 4
    places = [item.line for item in items]
    assert len(places) == len(set(places)) and items[4].line == 5
    garbled = [item for item in items if isinstance(item, Item) and "nomor 16X" in item.text]
    assert [flag["flag"] for flag in garbled[0].hints["page_flags"]] == [DAMAGED_INPUT]


def test_a_damaged_zstd_frames_records_are_flagged_too(tmp_path):
    lines = [json.dumps({"n": n, "text": f"Berita {n:06d} " * 8}).encode() + b"\n"
             for n in range(1, 20001)]
    compressor = zstandard.ZstdCompressor(write_checksum=True)
    frame = bytearray(compressor.compress(b"".join(lines[:10000])))
    frame[-2] ^= 1                                # a bit of its checksum
    src = tmp_path / "dump.jsonl.zst"
    src.write_bytes(bytes(frame) + compressor.compress(b"".join(lines[10000:])))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", "--workers", "1"]) == 0
    records = read_jsonl(out)
    flagged = [r["n"] for r in records if _flagged(r)]
    assert flagged and flagged == [r["n"] for r in records if r["n"] <= 10000]
    assert "corrupt zstd frame starting at byte 0" in \
        [f for f in records[0]["flags"] if f["flag"] == DAMAGED_INPUT][0]["reason"]


def _rolled_back(out, shards: int) -> None:
    """Roll a finished sharded run's manifest back to its first `shards` shards, as a kill -9
    leaves it: the inputs, records and rejects done by then (inputs go by their line)."""
    manifest = json.loads((out / "_manifest.json").read_text())
    kept = manifest["shards"][:shards]
    done = kept[-1]["inputs_end"]
    raw_rejects = (out / "_rejects.jsonl").read_bytes().splitlines(True)
    places = sorted([(_line_of(r), False) for r in shard_records(out)] +
                    [(json.loads(r)["line"], True) for r in raw_rejects])
    rejected = sum(is_reject for _, is_reject in places[:done])
    manifest.update(shards=kept, complete=False, inputs_done=done,
                    records=sum(shard["records"] for shard in kept), rejects=rejected,
                    rejects_bytes=sum(map(len, raw_rejects[:rejected])))
    (out / "_manifest.json").write_text(json.dumps(manifest))


def test_a_resume_inside_the_damaged_member_gives_the_uninterrupted_runs_records(tmp_path):
    """Records are held back, not reordered: a run of two workers (lines sent unparsed) stopped
    inside the damaged member's lines and resumed (lines parsed, one by one) flags and numbers
    them as a one-worker run does."""
    data, _ = _dump()
    src = tmp_path / "dump.jsonl.gz"
    src.write_bytes(data)
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert main(["clean", str(src), "-o", str(reference), "--shard-size", "50", "-q",
                 "--workers", "1"]) == 0
    assert main(["clean", str(src), "-o", str(out), "--shard-size", "50", "-q",
                 "--workers", "2"]) == 0
    _rolled_back(out, 4)                          # lines 151 to 201: the damaged member's
    assert json.loads((out / "_manifest.json").read_text())["inputs_done"] == 201
    assert main(["clean", str(src), "-o", str(out), "--shard-size", "50", "--resume",
                 "-q"]) == 0
    records = shard_records(out)
    assert records == shard_records(reference)
    assert read_jsonl(out / "_rejects.jsonl") == read_jsonl(reference / "_rejects.jsonl")
    assert sum(map(_flagged, records)) > 50


def test_a_damaged_members_blank_and_overlong_lines_keep_their_numbers(tmp_path):
    """Lines held back are numbered as they were read: a blank line gives nothing, a line over
    --max-record-bytes is its reject, said as read from the damaged member too."""
    lines = [_line(n) for n in range(LINES + 1, 2 * LINES + 1)]
    lines[2] = b"  \n"                                            # line 153
    lines[4] = json.dumps({"n": 155, "text": "panjang " * 400}).encode() + b"\n"
    damaged = bytearray(gzip.compress(b"".join(lines), compresslevel=0, mtime=0))
    damaged[-8] ^= 0xFF                                           # its CRC
    records, rejects = _clean(tmp_path, bytes(_member(1)) + bytes(damaged) + bytes(_member(301)),
                              "--workers", "1", "--max-record-bytes", "3000")
    [long] = [r for r in rejects if r["line"] == 155]
    assert long["reason"].startswith("line read from a corrupt gzip member starting at byte "
                                     f"{len(_member(1))}: record longer than 3000 bytes")
    numbered = sorted(_line_of(r) for r in records if r["n"] <= 2 * LINES)
    assert numbered == [n for n in range(1, numbered[-1] + 1) if n not in (153, 155)]
    assert all(_flagged(r) == (r["n"] > LINES) for r in records if r["n"] <= 2 * LINES)


def _held_reads(lines: list[bytes], max_record_bytes: int = 8 << 20
                ) -> list[tuple[int, int]]:
    """Read `lines` as a gzip stream's lines are read (held back), giving for each record its
    line's number and how many bytes of the stream had been read when it was given."""
    stream = io.BytesIO(b"".join(lines))
    options = ReadOptions(max_record_bytes=max_record_bytes)
    return [(record.line, stream.tell())
            for record in jsonl_reader.read_jsonl(stream, "dump.jsonl.gz", options,
                                                  checked_late=True)]


def _sized_line(n: int, size: int) -> bytes:
    """A record line of `size` bytes, its number in "n"."""
    head = b'{"n": %d, "text": "' % n
    return head + b"a" * (size - len(head) - 3) + b'"}\n'


def test_a_record_is_given_only_once_more_than_the_hold_of_lines_follows_it(monkeypatch):
    """A line was let go once the held lines, counting it, passed the bound: one of 40 KB with
    a 30 KB bound was never held, and one of 20 KB went with 15 KB of lines after it, so a
    damage found within the bound did not flag it while the reject said otherwise. Now each
    record goes once the lines after it pass the bound, and the lines held stay within the
    bound and two chunks (a chunk: lines of HOLD_BYTES / HOLD_CHUNKS bytes, and one more)."""
    monkeypatch.setattr(jsonl_reader, "HOLD_BYTES", 30_000)
    chunk = 30_000 // jsonl_reader.HOLD_CHUNKS
    sizes = [200, 40_000, 300, 20_000, 5_000, 10_000, 700, 45_000, 100, 29_999, 2, 31_000,
             *range(1_000, 12_000, 900), *range(500, 1_500, 7)]
    lines = [_sized_line(n, size) for n, size in enumerate(sizes, 1)]
    ends = [sum(sizes[:n]) for n in range(1, len(sizes) + 1)]
    given = _held_reads(lines)
    assert [line for line, _ in given] == list(range(1, len(lines) + 1))
    held_after = [(line, read - ends[line - 1]) for line, read in given if read < ends[-1]]
    assert len(held_after) > 100                # (at the end, every line goes)
    for line, after in held_after:
        assert 30_000 < after <= 30_000 + 2 * (chunk + max(sizes)), line
    # (where the lines are of about 1 KB, what is held passes the bound by a chunk or two)
    small = len(sizes) - len(range(500, 1_500, 7))
    assert max(after for line, after in held_after if line > small) < 30_000 + 2 * (chunk + 1_500)


def test_lines_over_the_record_limit_count_against_the_hold(monkeypatch):
    """A line over --max-record-bytes was held as its Reject (up to 1 MB of its text) but
    counted for nothing: 1,000 lines of 1.2 MB were all held to the end (1,040 MB of memory
    against 309). Each counts what its Reject keeps, so that few are held at once."""
    monkeypatch.setattr(jsonl_reader, "HOLD_BYTES", 30_000)
    lines = [_sized_line(n, 5_000) for n in range(1, 201)]
    given = _held_reads(lines, max_record_bytes=3_000)
    assert len(given) == 200
    kept = 3_001                              # (the first bytes a Reject keeps of each)
    for line, read in given[:-20]:
        held_after = read // 5_000 - line     # the lines read after it, held
        assert 30_000 < held_after * kept <= 30_000 + kept


def test_a_damaged_members_line_longer_than_the_hold_is_flagged(tmp_path, monkeypatch):
    """A member (CRC wrong) opening with a line larger than the bound: the large line went out
    unflagged at once, though less than the bound of lines followed it before the damage was
    found, and the reject said the lines given unflagged had more than the bound after them.
    (Its CRC alone damaged: all its lines are read, flagged.)"""
    monkeypatch.setattr(jsonl_reader, "HOLD_BYTES", 100_000)
    big = json.dumps({"n": LINES + 1, "text": "banjir besar " * 8_500}).encode() + b"\n"
    lines = [big] + [_line(n) for n in range(LINES + 2, LINES + 82)]
    damaged = bytearray(gzip.compress(b"".join(lines), compresslevel=0, mtime=0))
    damaged[-8] ^= 0xFF                                           # its CRC
    records, rejects = _clean(tmp_path, bytes(_member(1)) + bytes(damaged) +
                              bytes(_member(LINES + 82)), "--workers", "1")
    reason = _damage_reject(rejects)["reason"]
    first, last = _member_lines(reason)
    # (the big line, and fewer lines than the bound after it: all the member's)
    assert first == LINES + 1 and last == LINES + 81
    assert sum(map(len, lines[1:last - LINES])) < 100_000 < len(big)
    assert [r["n"] for r in records if _flagged(r)] == list(range(first, last + 1))
    assert reason.endswith(f"lines {first} to {last} came from the damaged member")


def _zstd_frames_one_with_a_damaged_block_header() -> tuple[bytes, int, int]:
    """Three zstd frames of 300 lines (some blocks each), the second's last block header
    saying a size that runs past the file's end (its frame walked as damaged up to the next
    frame); with where that frame starts and where the third does."""
    lines = [_line(n) for n in range(1, 901)]
    compressor = zstandard.ZstdCompressor(write_checksum=True)
    frames = [bytearray(compressor.compress(b"".join(lines[at:at + 300])))
              for at in range(0, 900, 300)]
    frame = frames[1]
    descriptor = frame[4]
    single = (descriptor >> 5) & 1
    at = 5 + (0 if single else 1) + (0, 1, 2, 4)[descriptor & 3] + \
        (single, 2, 4, 8)[descriptor >> 6]
    while True:                                   # on to the last block's header
        header = int.from_bytes(frame[at:at + 3], "little")
        if header & 1:
            break
        at += 3 + (1 if (header >> 1) & 3 == 1 else header >> 3)
    frame[at:at + 3] = (header & 7 | ((1 << 21) - 1) << 3).to_bytes(3, "little")
    return b"".join(map(bytes, frames)), len(frames[0]), len(frames[0]) + len(frame)


def test_a_zstd_frame_with_a_damaged_block_header_has_its_lines_named_and_flagged(tmp_path):
    """A frame whose block header the walk could not follow was read up to the next frame,
    but its report named none of its lines, and their records went out unflagged."""
    data, start, after = _zstd_frames_one_with_a_damaged_block_header()
    src = tmp_path / "dump.jsonl.zst"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", "--workers", "1"]) == 0
    records = read_jsonl(out)
    reason = _damage_reject(read_jsonl(tmp_path / "out.jsonl.rejects.jsonl"))["reason"]
    assert f"corrupt zstd frame starting at byte {start}" in reason
    assert f"reading goes on at the next frame (byte {after})" in reason
    found = re.search(r"lines (\d+) to (\d+) came from the damaged frame$", reason)
    assert found and found.group(1) == "301" and int(found.group(2)) > 400, reason
    flagged = [r["n"] for r in records if _flagged(r)]
    assert flagged == list(range(301, int(found.group(2)) + 1))
    assert [r["n"] for r in records if r["n"] <= 300 or r["n"] > 600] == \
        [*range(1, 301), *range(601, 901)]


def test_junk_after_the_last_member_is_not_said_to_hold_lines(tmp_path):
    """66 bytes that are not gzip after the last member were said to be "the rest of the
    member, up to 66 bytes of its input, ... the lines in it are not counted": no member and
    no lines were there."""
    junk = b"this is junk not gzip\n" * 3
    data = bytes(_member(1, 5)) + junk
    records, rejects = _clean(tmp_path, data, "--workers", "1")
    assert len(records) == 5
    reason = rejects[-1]["reason"]
    assert "rest of the member" not in reason and "lines" not in reason.split(": ", 1)[1]
    assert reason.endswith(f"the {len(junk)} bytes from there to the end of the file do not "
                           f"open as a gzip member and were not read; no further member "
                           f"follows")


@pytest.mark.parametrize("damage", ["crc", "data"])
def test_a_damaged_member_read_in_one_read_is_said_to_be_unread_whole(tmp_path, damage):
    """A member of a few lines, its CRC wrong, failed in its first read, which gave nothing:
    "the rest of the member" was all of it, and the reject says so. Now where its data is
    damaged (its CRC unlike its data's: nothing of it lies SURE_REACH bytes before the failing
    byte); where its CRC alone is, all its lines are read, flagged."""
    damaged = _member(LINES + 1, 5)
    if damage == "crc":
        damaged[-8] ^= 0xFF                                       # its CRC
    else:
        damaged[damaged.index(b"nomor %d " % (LINES + 3)) + 6] = ord("X")
    data = bytes(_member(1)) + bytes(damaged) + bytes(_member(LINES + 6))
    records, rejects = _clean(tmp_path, data, "--workers", "1")
    reason = _damage_reject(rejects)["reason"]
    assert "rest of the member" not in reason
    if damage == "crc":
        assert "none of the member" not in reason and "all read" in reason
        assert [r["n"] for r in records if _flagged(r)] == list(range(LINES + 1, LINES + 6))
        return
    assert f"none of the member, up to {len(damaged)} bytes of input, was read (the damage " \
           f"was met in its first read): the lines in it are not counted" in reason
    assert not [r for r in records if _flagged(r)]
    assert [r["n"] for r in records] == [*range(1, LINES + 1), *range(LINES + 6, 2 * LINES + 6)]


def test_a_damaged_members_single_line_is_said_as_one_line_not_a_range():
    """"the records of lines 6 to 6" said one line as a range."""
    error = CorruptGzip("corrupt gzip member starting at byte 9 (x)", 90, lines=1)
    assert jsonl_reader._damaged_lines(error, 6, held_from=6) == \
        "; line 6 came from the damaged member"
    error = CorruptGzip("corrupt gzip member starting at byte 9 (x)", 90, lines=4)
    assert jsonl_reader._damaged_lines(error, 6, held_from=6).startswith(
        "; lines 3 to 6 came from the damaged member (the record of line 6 is flagged "
        f"{DAMAGED_INPUT}; those before were given before the damage was found")
