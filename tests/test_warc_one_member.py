"""A WARC gzipped as one member (`gzip crawl.warc`), damaged: the reject of the record the
damage cut says that the records after it in the member are lost with it, and a reader that
goes back and reads to the damage again meets it again (it ended the file without a word)."""

from __future__ import annotations

import gzip
import io
import random

import pytest

from cleaner.gzip_members import CorruptGzip, GzipMembers
from cleaner.inputs import Reject
from cleaner.readers import iter_inputs
from cleaner.warc_stream import Members
from test_warc_streams import page, record


def _one_member(count: int, damage: int = -6) -> bytes:
    """`count` response records (random words: a member of several reads), gzipped as one
    member, one byte damaged (`damage`: by default, one of its CRC's)."""
    rng = random.Random(3)
    data = bytearray(gzip.compress(b"".join(
        record(f"https://n.id/{n}", page(" ".join(
            "".join(rng.choice("abcdefghijklmnoprstu") for _ in range(rng.randrange(2, 9)))
            for _ in range(1500)))) for n in range(count))))
    data[damage] ^= 0xFF
    return bytes(data)


def test_a_one_member_warc_whose_crc_alone_is_damaged_gives_every_record_then_says_it(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_one_member(40))
    outcomes = list(iter_inputs([str(path)]))
    # (was: the records of the member's last read lost, and the first of them rejected)
    assert [o.line for o in outcomes[:-1]] == list(range(1, 41))
    assert all(not isinstance(o, Reject) for o in outcomes[:-1])
    said = outcomes[-1]
    assert isinstance(said, Reject) and said.line is None
    assert "its data decoded to its end and was all read, and may be damaged anywhere" in \
        said.reason and said.reason.endswith("(after record 40, read to its end from that member)")


def test_the_reject_of_the_record_a_one_member_warcs_damage_cut_says_the_records_after_it_are_lost(
        tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_one_member(40, damage=-3000))          # (in its deflate data)
    outcomes = list(iter_inputs([str(path)]))
    rejects = [o for o in outcomes if isinstance(o, Reject)]
    assert len(rejects) == 1 and rejects[0].line == len(outcomes) < 40
    assert rejects[0].reason.startswith("corrupt WARC record: its gzip member is damaged")
    assert rejects[0].reason.endswith(
        "; its member holds the records before it too, from byte 0 of the decompressed "
        "stream: any record after it in the member is lost with it")


def test_a_member_of_its_own_adds_nothing_to_its_records_reject(tmp_path):
    whole = _one_member(1)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(record("https://n.id/a", page("Satu dua tiga."))) + whole)
    (first, second) = list(iter_inputs([str(path)]))
    assert second.reason.startswith("corrupt WARC record: its gzip member is damaged")
    assert "lost with it" not in second.reason


def test_a_read_that_reaches_the_damage_again_after_going_back_meets_it_again():
    data = _one_member(40)
    members = Members(lambda: io.BufferedReader(GzipMembers(io.BytesIO(data))))
    first = _read_to_the_damage(members)
    members.seek(first // 2)
    # (was: the bytes up to it, then a plain end of data)
    assert _read_to_the_damage(members) == first


def _read_to_the_damage(members: Members) -> int:
    """Read on until the damage: where it is met."""
    while True:
        try:
            if not members.read1(1 << 16):
                pytest.fail("the data ended with no damage")
        except CorruptGzip:
            return members.tell()


@pytest.mark.parametrize("damage, after", [
    (-3000, ": the member's data past the damage, and any record in it, could not be read)"),
    (-6, ", read to its end from that member)")])          # (its CRC alone)
def test_a_search_for_the_next_record_that_reads_into_the_damage_says_it(tmp_path, damage,
                                                                          after):
    rng = random.Random(4)
    words = " ".join("".join(rng.choice("abcdefghijklmnoprstu") for _ in range(6))
                     for _ in range(30000)).encode()
    # (a record whose Content-Length line is gone, its page's random words after it: the
    # search for the next record reads on into the damage at the member's end)
    headless = (b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://n.id/x\r\n"
                b"Content-Type: text/plain\r\n\r\n" + words + b"\r\n\r\n")
    data = bytearray(gzip.compress(record("https://n.id/a", page("Satu dua tiga.")) + headless))
    data[damage] ^= 0xFF
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(bytes(data))
    outcomes = list(iter_inputs([str(path)]))
    # (was: the headless record's reject, "no record follows it", and not a word of the damage)
    said = outcomes[-1]
    assert isinstance(said, Reject) and said.line is None
    assert said.reason.startswith("truncated or corrupt WARC: corrupt gzip member starting at "
                                  "byte 0") and said.reason.endswith(f"(after record 2{after}")
