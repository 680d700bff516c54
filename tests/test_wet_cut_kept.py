"""A WET conversion record the file ends inside: its text kept as far as the file goes and flagged truncated-page, as a cut page is; a reject where nothing is left of it or its gzip member is damaged."""

from __future__ import annotations

import gzip
import json
import random
import zlib
from pathlib import Path

import pytest

from cleaner.batches import process_batch
from cleaner.cli import main
from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.readers import iter_inputs
from cleaner.warc_reader import kept_cut_short
from test_warc_records import warc_record

TEXT = ("JAKARTA - Pemerintah daerah meresmikan jembatan baru yang menghubungkan dua kecamatan "
        "di Kalimantan Timur pada Senin pagi.\n\nWarga menyambut jembatan itu dengan gembira "
        "karena perjalanan ke pasar kini jauh lebih singkat.\n\nBupati mengatakan pembangunan "
        "jalan penghubung akan dilanjutkan tahun depan dengan anggaran daerah.")
FLAG = {"flag": "truncated-page",
        "reason": f"the file ends inside its WARC record (Content-Length {len(TEXT.encode())}): "
                  f"the text is cut short"}


def _records(body: bytes = TEXT.encode(), count: int = 3) -> list[bytes]:
    """`count` conversion records, the last one holding `body`, the others TEXT."""
    return [warc_record("conversion", f"https://c.id/{n}",
                        body if n == count - 1 else TEXT.encode(), "text/plain")
            for n in range(count)]


def _body_start(record: bytes, body: bytes) -> int:
    """Where a record's body starts in it."""
    return len(record) - len(body) - 4


def _outcomes(path: Path, options: ReadOptions | None = None) -> list[tuple]:
    """(line, url, text, hints) of each item, (line, reason) of each reject."""
    return [(i.line, i.reason) if isinstance(i, Reject) else
            (i.line, i.fields["url"], i.text, i.hints)
            for i in iter_inputs([str(path)], options or ReadOptions())]


def _cut_wet(tmp_path: Path, keep: int, body: bytes = TEXT.encode()) -> Path:
    """A .warc.wet whose last record keeps only the first `keep` bytes of `body`."""
    records = _records(body)
    data = b"".join(records)
    path = tmp_path / "crawl.warc.wet"
    path.write_bytes(data[:len(data) - len(records[-1]) + _body_start(records[-1], body) + keep])
    return path


WHOLE = [(1, "https://c.id/0", TEXT, {}), (2, "https://c.id/1", TEXT, {})]


@pytest.mark.parametrize("keep", [1, 9, 120, len(TEXT) // 2, len(TEXT) - 1])
def test_a_wet_cut_inside_its_last_text_keeps_it_as_far_as_it_goes_flagged(tmp_path, keep):
    """It was lost with a reject ("truncated WARC record"); the records before it as whole."""
    got = _outcomes(_cut_wet(tmp_path, keep))
    assert got == [*WHOLE, (3, "https://c.id/2", TEXT[:keep], {"page_flags": [FLAG]})]


def test_a_wet_gz_cut_inside_its_last_member_keeps_what_the_member_gives_flagged(tmp_path):
    """Cut at every 7th byte of the last member: where the data the member gives reaches into
    the text, the text is kept as far as that and flagged; before it, the record is rejected
    as cut; the records before are read whole every time."""
    records = _records()
    members = [gzip.compress(r) for r in records]
    head = b"".join(members[:-1])
    start = _body_start(records[-1], TEXT.encode())
    path = tmp_path / "crawl.warc.wet.gz"
    kept = set()
    for at in range(10, len(members[-1]) - 8, 7):
        path.write_bytes(head + members[-1][:at])
        given = zlib.decompressobj(31).decompress(members[-1][:at])
        *before, last = _outcomes(path)
        assert before == WHOLE
        if len(given) > start and given[start:].strip():
            assert last == (3, "https://c.id/2", given[start:].decode(), {"page_flags": [FLAG]})
            kept.add(len(given) - start)
        else:
            assert last[0] == 3 and last[1].startswith("truncated ")
    assert len(kept) >= 3, kept


def _damaged(member: bytes) -> bytes:
    """A gzip member with bytes in the middle of its deflate data changed."""
    broken = bytearray(member)
    middle = len(broken) // 2
    broken[middle:middle + 8] = bytes(b ^ 0x5A for b in broken[middle:middle + 8])
    return bytes(broken)


def _words(seed: int, count: int) -> bytes:
    """Words that do not repeat: their gzip member is larger than the 64 KB the reader
    decompresses at a time, so that a record's header is read before damage in its middle."""
    rng = random.Random(seed)
    return " ".join("".join(rng.choice("abdegiklmnoprstu") for _ in range(rng.randint(2, 9)))
                    for _ in range(count)).encode()


def test_a_text_whose_gzip_member_is_damaged_is_rejected_as_damaged_not_kept(tmp_path):
    """What a damaged member gives in place of the rest is not the record's text: the reject
    says the member is damaged, and nothing is kept flagged as cut."""
    body = _words(5, 60000)
    members = [gzip.compress(r) for r in _records(body)]
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(b"".join(members[:-1]) + _damaged(members[-1]))
    got = _outcomes(path)
    assert got[:2] == WHOLE
    [(line, reason)] = got[2:]
    assert line == 3 and reason.startswith("corrupt WARC record: its gzip member is damaged: "
                                           "corrupt gzip member starting at byte ")


def test_a_damaged_member_then_a_cut_one_rejects_the_first_and_keeps_the_second(tmp_path):
    body = _words(6, 60000)
    records = [warc_record("conversion", f"https://c.id/{n}", body, "text/plain")
               for n in range(3)]
    members = [gzip.compress(r) for r in records]
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(members[0] + _damaged(members[1]) + members[2][:len(members[2]) // 2])
    got = _outcomes(path)
    assert got[0] == (1, "https://c.id/0", body.decode(), {})
    assert got[1][0] == 2 and got[1][1].startswith("corrupt WARC record: its gzip member is "
                                                   "damaged")
    line, url, text, hints = got[2]
    assert (line, url, len(got)) == (3, "https://c.id/2", 3)
    assert 0 < len(text) < len(body) and body.decode().startswith(text)
    assert hints == {"page_flags": [{
        "flag": "truncated-page",
        "reason": f"the file ends inside its WARC record (Content-Length {len(body)}): the text "
                  f"is cut short"}]}


@pytest.mark.parametrize("body, keep", [(TEXT.encode(), 0), (b" \r\n\t \r\n" + TEXT.encode(), 5)])
def test_a_text_with_nothing_left_after_the_cut_stays_a_reject(tmp_path, body, keep):
    """Nothing of the text, or only blank lines of it: no document to keep."""
    got = _outcomes(_cut_wet(tmp_path, keep, body))
    assert got == [*WHOLE, (3, f"truncated WARC record: Content-Length {len(body)} but the "
                               f"file ends first (https://c.id/2)")]


def test_a_wet_gz_cut_with_only_blank_lines_of_the_text_given_stays_a_reject(tmp_path):
    body = b"\r\n" * 4000 + TEXT.encode()
    records = _records(body)
    members = [gzip.compress(r, 9) for r in records]
    start = _body_start(records[-1], body)
    path = tmp_path / "crawl.warc.wet.gz"
    blank = [at for at in range(10, len(members[-1]))
             if len(zlib.decompressobj(31).decompress(members[-1][:at])) > start
             and not zlib.decompressobj(31).decompress(members[-1][:at])[start:].strip()]
    assert blank, "no cut gives only blank lines of the text"
    for at in blank[:3]:
        path.write_bytes(b"".join(members[:-1]) + members[-1][:at])
        [(line, reason)] = _outcomes(path)[2:]
        assert line == 3 and reason.startswith(
            f"truncated WARC record: Content-Length {len(body)} but the file ends first (gzip "
            f"member starting at byte {len(b''.join(members[:-1]))} is truncated")
        assert reason.endswith("(https://c.id/2)")


@pytest.mark.parametrize("encoding", ["utf-8", "auto"])
def test_a_text_cut_inside_a_utf8_character_keeps_the_characters_before_it(tmp_path, encoding):
    """The first bytes of a character made the whole text invalid UTF-8 (a reject), or, read
    with --encoding auto, text in another charset."""
    text = "Tokyo (東京) - Pertemuan para menteri dibuka Senin pagi di ibu kota Jepang."
    body = text.encode()
    keep = body.index("京".encode()) + 2          # inside the 3 bytes of 京
    got = _outcomes(_cut_wet(tmp_path, keep, body), ReadOptions(encoding=encoding))
    assert got[2] == (3, "https://c.id/2", "Tokyo (東", {"page_flags": [{
        "flag": "truncated-page",
        "reason": f"the file ends inside its WARC record (Content-Length {len(body)}): the text "
                  f"is cut short"}]})
    assert "encoding" not in next(iter_inputs([str(tmp_path / "crawl.warc.wet")])).fields


def test_a_text_whose_length_runs_past_the_files_end_into_the_next_records_ends_there(
        tmp_path):
    """Its Content-Length took the records after it and ran past the end of the file: it was a
    reject; now the text ends where the next record starts, flagged for its length, and the
    records after it are read once each, with their own numbers."""
    records = _records(count=4)
    length = f"Content-Length: {len(TEXT.encode())}".encode()
    records[1] = records[1].replace(length, f"Content-Length: {len(TEXT.encode()) + 9000}"
                                    .encode())
    path = tmp_path / "crawl.warc.wet"
    path.write_bytes(b"".join(records))
    got = _outcomes(path)
    assert [g[:3] for g in got] == [(n + 1, f"https://c.id/{n}", TEXT) for n in range(4)]
    assert [g[3] for g in got] == [{}, {"page_flags": [{
        "flag": "warc-length",
        "reason": f"its WARC record's Content-Length ({len(TEXT.encode()) + 9000}) ran on into "
                  f"the record after it: the text was cut where that record starts"}]}, {}, {}]


# --- the flag in the record ------------------------------------------------------------------

def _items(tmp_path: Path) -> list[Item]:
    items = list(iter_inputs([str(_cut_wet(tmp_path, len(TEXT) // 2))]))
    assert all(isinstance(i, Item) for i in items)
    return items


def _records_of(result) -> list[dict]:
    return [json.loads(outcome[1]) for outcome in result.outcomes if outcome[0] == "record"]


@pytest.mark.parametrize("context", [False, True])
def test_a_cut_texts_flag_comes_into_its_record_alone_or_in_a_batch(tmp_path, cleaner, context):
    """Its reader's flag was dropped: only an HTML item's went into its record. Alone (cleaned
    one by one), in a batch (cleaned together), with the context of removals asked."""
    items = _items(tmp_path)
    alone = _records_of(process_batch(cleaner, items[-1:], context=context))
    together = _records_of(process_batch(cleaner, items, context=context))
    assert [r["flags"] for r in together[:2]] == [[], []]
    for record in (alone[0], together[2]):
        assert record["flags"][0] == FLAG and record["id"] == "crawl.warc.wet:3"
        # (the dateline goes, as in the whole text; the half cut off is not there)
        assert record["text"].startswith("Pemerintah daerah") and "Bupati" not in record["text"]
        assert kept_cut_short(json.dumps(record).encode()) == \
            f"kept crawl.warc.wet:3 as far as the file goes, flagged truncated-page: " \
            f"{FLAG['reason']}"


def test_a_text_items_flags_come_into_its_record_whatever_its_reader(cleaner):
    """A text item with page_flags hints, from any reader; one whose input fields hold a field
    named page_flags keeps that as a field that rides along, not as flags."""
    note = {"flag": "x-note", "reason": "a reader's note"}
    flagged = Item("a.txt", None, TEXT, {"id": "a"}, len(TEXT), hints={"page_flags": [note]})
    field = Item("b.jsonl", 1, TEXT, {"id": "b", "page_flags": 5}, len(TEXT))
    bare = Item("c.jsonl", 2, TEXT, {"id": "c"}, len(TEXT))
    for batch in ([flagged], [flagged, field, bare], [field]):
        records = {r["id"]: r for r in _records_of(process_batch(cleaner, batch))}
        assert sorted(records) == sorted(item.fields["id"] for item in batch)
        expected = {"a": [note], "b": [], "c": []}
        assert all(record["flags"] == expected[key] for key, record in records.items())
        assert all(record["page_flags"] == 5 for key, record in records.items() if key == "b")


class _FailsTogether:
    """A Cleaner whose cleaning of documents together raises, as a bug would."""

    def __init__(self, cleaner):
        self.cleaner = cleaner

    def __getattr__(self, name: str):
        return getattr(self.cleaner, name)

    def clean_documents(self, docs):
        raise RuntimeError("a bug in cleaning documents together")


def test_a_text_item_that_fails_together_keeps_its_flag_cleaned_alone(tmp_path, cleaner):
    """Cleaned one by one again where cleaning the batch together raised."""
    records = _records_of(process_batch(_FailsTogether(cleaner), _items(tmp_path)))
    assert [r["flags"][:1] for r in records] == [[], [], [FLAG]]


# --- a run ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, workers", [("crawl.warc.wet", "1"), ("crawl.warc.wet.gz", "1"),
                                           ("crawl.warc.wet.gz", "2")])
def test_a_run_keeps_the_cut_text_flagged_and_names_it_once_on_stderr(tmp_path, capsys, name,
                                                                     workers):
    records = _records()
    data = b"".join(gzip.compress(r) for r in records) if name.endswith(".gz") \
        else b"".join(records)
    path = tmp_path / name
    path.write_bytes(data[:-50])
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", workers]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == [f"{name}:{n}" for n in (1, 2, 3)]
    assert [[f["flag"] for f in d["flags"]] for d in docs] == [[], [], ["truncated-page"]]
    assert docs[2]["flags"][0] == FLAG and docs[2]["text"].startswith("Pemerintah daerah")
    assert not (tmp_path / "out.jsonl.rejects.jsonl").exists()
    said = [line for line in capsys.readouterr().err.splitlines()
            if "as far as the file goes" in line]
    # Named as a reject is: the file as given, the record's number, then its id.
    assert said == [f"cleaner: kept {path} record 3 (id {name}:3) as far as the file goes, "
                    f"flagged truncated-page: {FLAG['reason']}"]


def test_a_json_field_named_like_a_readers_note_stays_a_field_of_a_page(tmp_path):
    """A JSON line whose text is a page and whose fields are named like what a reader knows of
    a page (charset, fallback_date, page_flags): they were taken for those notes, and the record
    was lost ("cannot write the record as JSON")."""
    from cleaner.cli import main

    page = ("<html><body><article><p>Harga beras naik lagi di pasar induk pada pekan ini karena "
            "pasokan yang berkurang dari daerah penghasil utama.</p><p>Pedagang mengatakan "
            "kenaikan ini sudah terjadi sejak awal bulan dan diperkirakan berlanjut.</p>"
            "</article></body></html>")
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"id": "a", "text": page, "page_flags": 5, "charset": "x",
                                "fallback_date": 3}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["text"].startswith("Harga beras naik")
    assert (record["page_flags"], record["charset"], record["fallback_date"]) == (5, "x", 3)
    assert record["flags"] == []
