"""A url column that is not text (session 34): the command's record of a Parquet or JSONL row is
the Python API's for the same row. A time, bytes that are not UTF-8, a number, a list or a table
give no meta.url, site or date, and the `unreadable-url` flag with the API's reason; UTF-8 bytes
are the url they spell; a missing url is none, unflagged."""

from __future__ import annotations

import datetime
import decimal
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.cli import main
from cleaner.inputs import ReadOptions
from cleaner.parquet_io import read_parquet
from scale_helpers import read_jsonl, write_jsonl

TEXT = ("Harga Cabai Naik Lagi di Pasar Induk\n\nJakarta (ANTARA) - Harga cabai rawit di pasar "
        "induk naik dua kali lipat dalam sepekan karena pasokan berkurang. (ant)")
PAGE = ("<html><head><title>Gempa Guncang Lombok</title></head><body><article>"
        "<h1>Gempa Guncang Lombok</h1>"
        "<p>Gempa bumi berkekuatan magnitudo 7,0 mengguncang Pulau Lombok, Nusa Tenggara Barat, "
        "pada Minggu malam dan getarannya terasa hingga Bali.</p>"
        "<p>Warga di sejumlah desa memilih bermalam di luar rumah karena khawatir terjadi gempa "
        "susulan yang lebih besar.</p></article></body></html>")
URL = "https://www.antaranews.com/berita/2019/08/05/harga-cabai-naik"
STAMP = datetime.datetime(2018, 8, 5, 7, 30)

# name: (Arrow array of the url column, one value per row, whether the row's url is taken)
NOT_TEXT = {
    "timestamp-us": pa.array([STAMP, STAMP], pa.timestamp("us")),
    "timestamp-ns": pa.array([STAMP, STAMP], pa.timestamp("ns")),      # pandas Timestamps
    "timestamp-utc": pa.array([STAMP, STAMP], pa.timestamp("ms", tz="UTC")),
    "date32": pa.array([STAMP.date(), STAMP.date()], pa.date32()),
    "time64": pa.array([STAMP.time(), STAMP.time()], pa.time64("us")),
    # a url's bytes with one that is not UTF-8: escaped, it read as the url (site, date) it is not
    "binary-not-utf8": pa.array([URL.encode() + b"\xff", b"\xfe\xff"], pa.binary()),
    "int64": pa.array([12345, 0], pa.int64()),
    "float64": pa.array([2.5, 1e20], pa.float64()),
    "decimal": pa.array([decimal.Decimal("1.50"), decimal.Decimal("2")], pa.decimal128(5, 2)),
    "list": pa.array([[URL], []], pa.list_(pa.string())),
    "struct": pa.array([{"href": URL}, {"href": None}], pa.struct([("href", pa.string())])),
    "bool": pa.array([True, False], pa.bool_()),
}
TEXT_URLS = {
    "binary-utf8": pa.array([URL.encode(), "https://contoh.co.id/a".encode()], pa.binary()),
    "large-binary-utf8": pa.array([URL.encode(), b"x"], pa.large_binary()),
    "string": pa.array([URL, " "], pa.string()),
    "null": pa.array([None, None], pa.string()),
    "null-timestamp": pa.array([None, None], pa.timestamp("us")),
    "null-binary": pa.array([None, None], pa.binary()),
}


def _parquet(path, urls: pa.Array):
    """Two rows, a text and a raw page, with `urls` as their url column."""
    table = pa.table({"id": ["a", "b"], "url": urls, "text": [TEXT, PAGE], "kanal": ["x", "y"]})
    pq.write_table(table, path)
    return path


def _command(src, tmp_path, *options) -> list[dict]:
    out = tmp_path / f"out{len(list(tmp_path.glob('out*.jsonl')))}.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", *options]) == 0
    return read_jsonl(out)


def _api(cleaner, rows: list[dict]) -> list[dict]:
    """Cleaner.clean of each row, as the command would write the record."""
    records = []
    for row in rows:
        row = dict(row)
        records.append(json.loads(json.dumps(cleaner.clean(row.pop("text"), **row),
                                             allow_nan=False)))
    return records


def _url_flags(record) -> list[dict]:
    return [flag for flag in record["flags"] if flag["flag"] == "unreadable-url"]


@pytest.mark.parametrize("name", sorted(NOT_TEXT))
def test_a_parquet_url_that_is_not_text_is_flagged_as_the_api_flags_it(cleaner, tmp_path, name):
    src = _parquet(tmp_path / "in.parquet", NOT_TEXT[name])
    command = _command(src, tmp_path)
    api = _api(cleaner, pq.read_table(src).to_pylist())
    assert command == api
    # Nothing read from the url: the record of the row without one, and the flag first.
    rows = pq.read_table(src).to_pylist()
    without = _api(cleaner, [{k: v for k, v in row.items() if k != "url"} for row in rows])
    for record, alone in zip(command, without):
        [flag] = _url_flags(record)
        assert flag["reason"].endswith("is not text: no url taken from it")
        assert record["flags"] == [flag, *alone["flags"]]
        assert {**record, "flags": alone["flags"]} == alone
        assert record["meta"]["url"] is None and "url" not in record


@pytest.mark.parametrize("name", sorted(TEXT_URLS))
def test_a_parquet_url_of_text_or_utf8_bytes_is_taken_as_the_api_takes_it(cleaner, tmp_path, name):
    src = _parquet(tmp_path / "in.parquet", TEXT_URLS[name])
    command = _command(src, tmp_path)
    assert command == _api(cleaner, pq.read_table(src).to_pylist())
    assert not any(_url_flags(record) for record in command)
    if name.endswith("utf8") or name == "string":
        assert command[0]["meta"]["url"] == URL and command[0]["meta"]["site"] is not None


def test_the_reasons_name_the_value_as_the_api_does(cleaner, tmp_path):
    src = _parquet(tmp_path / "in.parquet", NOT_TEXT["binary-not-utf8"])
    [first, _] = _command(src, tmp_path)
    assert _url_flags(first) == [{
        "flag": "unreadable-url",
        "reason": f"the input url {URL + chr(92) + 'xff'!r} is not text: no url taken from it"}]
    src = _parquet(tmp_path / "stamps.parquet", NOT_TEXT["timestamp-ns"])
    assert _url_flags(_command(src, tmp_path)[0])[0]["reason"] == (
        "the input url '2018-08-05T07:30:00' is not text: no url taken from it")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_flag_is_the_same_whatever_the_workers(cleaner, tmp_path, workers):
    """Two workers get the rows as Arrow batches (parquet_io.ParquetBlock): made into items
    there, by the same function."""
    src = _parquet(tmp_path / "in.parquet", NOT_TEXT["timestamp-ns"])
    command = _command(src, tmp_path, "--workers", workers)
    assert command == _api(cleaner, pq.read_table(src).to_pylist())


def test_a_url_taken_from_a_mapped_column_is_flagged_and_the_column_kept_as_json(cleaner,
                                                                                  tmp_path):
    """`--field url=link`: the url hint is the column's value, flagged as the API flags it;
    the column rides along as its JSON value (an ISO time), as a carried field of the API's."""
    table = pa.table({"id": ["a"], "link": pa.array([STAMP], pa.timestamp("us")), "text": [TEXT]})
    pq.write_table(table, tmp_path / "in.parquet")
    [record] = _command(tmp_path / "in.parquet", tmp_path, "--field", "url=link")
    assert record["meta"]["url"] is None and len(_url_flags(record)) == 1
    assert record["link"] == "2018-08-05T07:30:00"


def test_the_reader_keeps_a_url_that_is_not_text_as_it_was_read(tmp_path):
    """The item's url is the row's value where it is no text (the Cleaner flags it); every other
    field is its JSON value, as before."""
    src = _parquet(tmp_path / "in.parquet", NOT_TEXT["timestamp-us"])
    items = list(read_parquet(src, ReadOptions()))
    assert [item.fields["url"] for item in items] == [STAMP, STAMP]
    src = _parquet(tmp_path / "bytes.parquet", TEXT_URLS["binary-utf8"])
    assert [item.fields["url"] for item in read_parquet(src, ReadOptions())] == [
        URL, "https://contoh.co.id/a"]


@pytest.mark.parametrize("url", [12345, 2.5, 0, True, [URL], [], {"href": URL}, {}, None, "",
                                 URL])
def test_a_jsonl_url_of_any_json_type_is_the_apis(cleaner, tmp_path, url):
    rows = [{"id": "a", "url": url, "text": TEXT}, {"id": "b", "url": url, "text": PAGE}]
    command = _command(write_jsonl(tmp_path / "in.jsonl", rows), tmp_path)
    assert command == _api(cleaner, rows)
    flagged = url is not None and not isinstance(url, str)
    assert all(bool(_url_flags(record)) == flagged for record in command)


@pytest.mark.parametrize("kind", ["jsonl-number", "parquet-timestamp"])
def test_the_learn_pass_takes_a_url_that_is_not_text_as_none(tmp_path, kind):
    if kind == "jsonl-number":
        src = write_jsonl(tmp_path / "in.jsonl",
                          [{"id": str(i), "url": 12345, "text": TEXT} for i in range(3)])
    else:
        src = tmp_path / "in.parquet"
        pq.write_table(pa.table({"id": ["0", "1", "2"], "url": pa.array([STAMP] * 3,
                                                                         pa.timestamp("us")),
                                 "text": [TEXT] * 3}), src)
    records = _command(src, tmp_path, "--learn-boilerplate")
    assert all(record["meta"]["url"] is None and _url_flags(record) for record in records)
