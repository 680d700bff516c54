"""The WARC reader notes each record it skips under its own number, with why, as it skips it:
`explain --id FILE:N` of a skipped record says why, also where a damaged record or one whose
length runs past the file sits among skipped ones (the reasons were once handed out by counting
them between two outcomes, and given to none where a rejected record made the counts differ)."""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.cli import main
from cleaner.inputs import Item, ReadLog, ReadOptions, Reject
from cleaner.readers import iter_inputs
from test_warc_gz_member_damage import _spans
from test_warc_records import TEXT, _mixed_records, warc_record
from test_warc_streams import page, read_stdin, record

REQUEST = warc_record("request", "https://n.id/q", b"GET / HTTP/1.1\r\nHost: n.id\r\n\r\n",
                      "application/http; msgtype=request")
IMAGE = record("https://n.id/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
               "Content-Type: image/png\r\n")


def _read(path: Path | str) -> tuple[list[Item | Reject], ReadLog]:
    """A WARC's outcomes, read with the skip places kept (as `explain --id` reads)."""
    log = ReadLog()
    log.skip_places = {}
    return list(iter_inputs([str(path)], ReadOptions(), log)), log


def _places(log: ReadLog) -> dict[int, str]:
    """The skip places of a run of one file, by record number."""
    return {number: reason for (_, number), reason in (log.skip_places or {}).items()}


def _explained(capsys, path: Path, number: int) -> list[str]:
    """What `explain --id NAME:number` says on stderr (it shows no document: exit status 1)."""
    assert main(["explain", str(path), "--id", f"{path.name}:{number}"]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    return said.err.splitlines()


# --- an ordinary WARC: every skipped record under its own number ------------------------------

def _ordinary(path: Path, gz: bool) -> None:
    """warcinfo (1), request (2), page (3), image (4), redirect 301 (5), revisit (6), metadata
    (7), a conversion to HTML (8), page (9), request (10): as warcio writes them."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)

        def response(url, ctype, body, status="200 OK"):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http))

        def request(url):
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "n.id")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=http))

        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
        request("https://n.id/a")
        response("https://n.id/a", "text/html; charset=utf-8", page("Berita Satu"))
        response("https://n.id/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        response("https://n.id/old", "text/html", b"", status="301 Moved Permanently")
        writer.write_record(writer.create_revisit_record(
            "https://n.id/a", "sha1:AAAA", "https://n.id/a", "2016-09-01T00:00:00Z"))
        writer.write_record(writer.create_warc_record(
            "https://n.id/a", "metadata", payload=io.BytesIO(b"via: x\r\n"),
            warc_content_type="application/warc-fields"))
        writer.write_record(writer.create_warc_record(
            "https://n.id/a", "conversion", payload=io.BytesIO(page("Satu")),
            warc_content_type="text/html"))
        response("https://n.id/b", "text/html; charset=utf-8", page("Berita Dua"))
        request("https://n.id/c")


ORDINARY = {1: "WARC warcinfo record", 2: "WARC request record", 4: "not HTML (image/png)",
            5: "HTTP status 301", 6: "WARC revisit record", 7: "WARC metadata record",
            8: "not text (conversion to text/html)", 10: "WARC request record"}


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_every_skipped_record_of_an_ordinary_warc_has_its_reason_under_its_number(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _ordinary(path, gz)
    outcomes, log = _read(path)
    assert [(o.line, type(o).__name__) for o in outcomes] == [(3, "Item"), (9, "Item")]
    assert list(log.skip_places or {}) == [(str(path), n) for n in ORDINARY]     # in order
    assert _places(log) == ORDINARY
    # (the run's counter, as --stats gives it, as before)
    assert log.skipped_records == {"WARC warcinfo record": 1, "WARC request record": 2,
                                   "not HTML (image/png)": 1, "HTTP status 301": 1,
                                   "WARC revisit record": 1, "WARC metadata record": 1,
                                   "not text (conversion to text/html)": 1}


def test_explain_says_why_each_skipped_record_of_an_ordinary_warc_was_skipped_once(tmp_path,
                                                                                   capsys):
    path = tmp_path / "crawl.warc.gz"
    _ordinary(path, True)
    for number, reason in ORDINARY.items():
        assert _explained(capsys, path, number) == [
            f"cleaner: skipped {path} record {number} (id crawl.warc.gz:{number}): {reason}"]
    assert _explained(capsys, path, 11) == [
        "cleaner: no document with id crawl.warc.gz:11 in the input"]


def test_a_warc_on_standard_input_notes_its_skipped_records_too(monkeypatch, tmp_path):
    data = REQUEST + record("https://n.id/1", page("Satu")) + IMAGE + IMAGE
    log = ReadLog()
    log.skip_places = {}
    got = read_stdin(monkeypatch, data, log)
    assert [o.line for o in got] == [2]
    assert log.skip_places == {("<stdin>", 1): "WARC request record",
                               ("<stdin>", 3): "not HTML (image/png)",
                               ("<stdin>", 4): "not HTML (image/png)"}


def test_a_run_keeps_no_skip_places(tmp_path):
    """A run's log keeps none (a crawl holds millions of skipped records): only the counts."""
    path = tmp_path / "crawl.warc"
    _ordinary(path, False)
    log = ReadLog()
    list(iter_inputs([str(path)], ReadOptions(), log))
    assert log.skip_places is None
    assert sum(log.skipped_records.values()) == len(ORDINARY)


# --- a rejected record among skipped ones ----------------------------------------------------

def _damaged_metadata_between(tmp_path: Path) -> Path:
    """A .warc.gz: page (1), request (2), a large metadata record whose gzip member is damaged
    inside it (3: rejected), page (4), image (5)."""
    rng = random.Random(3)
    body = bytes(rng.randrange(256) for _ in range(150000))
    members = [gzip.compress(r) for r in (
        record("https://n.id/1", page("Satu")), REQUEST,
        warc_record("metadata", "https://n.id/", body, "text/plain"),
        record("https://n.id/4", page("Empat")), IMAGE)]
    damaged = bytearray(members[2])
    middle = len(damaged) // 2
    damaged[middle:middle + 8] = bytes(b ^ 0x5A for b in damaged[middle:middle + 8])
    members[2] = bytes(damaged)
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"".join(members))
    return path


def test_a_skipped_record_before_one_rejected_for_its_damaged_member_keeps_its_reason(tmp_path,
                                                                                      capsys):
    """The metadata record is counted as skipped when read, then rejected where its member is
    damaged: two reasons met between records 1 and 3 for one number, and the request's was
    given to none."""
    path = _damaged_metadata_between(tmp_path)
    outcomes, log = _read(path)
    assert [(o.line, type(o).__name__) for o in outcomes] == \
        [(1, "Item"), (2 + 1, "Reject"), (4, "Item")]
    assert _places(log) == {2: "WARC request record", 5: "not HTML (image/png)"}
    # (counted as before: the damaged metadata record too)
    assert log.skipped_records == {"WARC request record": 1, "WARC metadata record": 1,
                                   "not HTML (image/png)": 1}
    assert _explained(capsys, path, 2) == [
        f"cleaner: skipped {path} record 2 (id bad.warc.gz:2): WARC request record"]
    # the damaged record is said once, as rejected, not as skipped too
    [said] = _explained(capsys, path, 3)
    assert said.startswith(f"cleaner: rejected {path} record 3: corrupt WARC record: its gzip "
                           f"member is damaged")


def test_a_skipped_record_before_one_whose_length_runs_past_the_file_keeps_its_reason(
        tmp_path, capsys):
    """A request whose Content-Length runs past the end of the file, no record after it: it is
    counted as skipped, then rejected as cut; the image before it had no reason."""
    cut = REQUEST.replace(b"Content-Length: ", b"Content-Length: 9", 1)
    path = tmp_path / "cut.warc"
    path.write_bytes(record("https://n.id/1", page("Satu")) + IMAGE + cut)
    outcomes, log = _read(path)
    assert [(o.line, type(o).__name__) for o in outcomes] == [(1, "Item"), (3, "Reject")]
    reject = outcomes[1]
    assert isinstance(reject, Reject)
    assert reject.reason.startswith("truncated WARC record: Content-Length 9")
    assert _places(log) == {2: "not HTML (image/png)"}
    assert log.skipped_records == {"not HTML (image/png)": 1, "WARC request record": 1}
    assert _explained(capsys, path, 2) == [
        f"cleaner: skipped {path} record 2 (id cut.warc:2): not HTML (image/png)"]
    [said] = _explained(capsys, path, 3)
    assert said.startswith(f"cleaner: rejected {path} record 3: truncated WARC record")


def test_damage_anywhere_near_a_members_end_never_gives_a_skipped_record_a_wrong_reason(
        tmp_path):
    """Whatever a damaged member did to the records around it, each skip noted is the whole
    file's for that number (records keep their numbers), and no record is both skipped and
    given an outcome; the skipped records the damage did not reach keep their reasons."""
    members = [gzip.compress(r) for r in _mixed_records()]
    data = b"".join(members)
    whole, bad = tmp_path / "whole.warc.gz", tmp_path / "bad.warc.gz"
    whole.write_bytes(data)
    _, log = _read(whole)
    expected = _places(log)
    assert expected == {1: "WARC warcinfo record", 5: "WARC request record",
                        8: "WARC metadata record"}
    spans = _spans(members)
    wrong = []
    for start, _ in spans:
        for at in range(max(0, start - 12), start + 8, 2):
            damaged = bytearray(data)
            for where in range(at, min(at + 4, len(data))):
                damaged[where] ^= 0x5A
            bad.write_bytes(bytes(damaged))
            outcomes, log = _read(bad)
            got = _places(log)
            hit = {n + 1 for n, (s, e) in enumerate(spans) if s < at + 4 and e > at}
            given = {o.line for o in outcomes if o.line is not None}
            if any(expected.get(n) != reason for n, reason in got.items()) or \
                    set(got) & given or any(got.get(n) != expected[n]
                                            for n in set(expected) - hit):
                wrong.append(f"damage at {at}: {got}, outcomes at {sorted(given)}")
    assert wrong == []


def test_a_wet_conversion_to_another_type_is_noted_with_its_own_reason(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("conversion", "https://n.id/c", b"%PDF-1.4", "application/pdf")
                     + warc_record("conversion", "https://n.id/t", TEXT.encode(), "text/plain"))
    outcomes, log = _read(path)
    assert [o.line for o in outcomes] == [2]
    assert _places(log) == {1: "not text (conversion to application/pdf)"}
