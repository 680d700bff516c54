"""Values the Python API takes as hints and carries as fields (as an acceptance run met them):
hints of any type on a page as on a text, carried fields as JSON values, epoch dates, records of
nothing visible flagged, a url that is not text flagged."""

from __future__ import annotations

import datetime
import decimal
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.batches import NOTHING_VISIBLE
from cleaner.document import json_value
from cleaner.pipeline import read_input_date

PAGE = ("<html><head><title>Gempa Guncang Lombok</title></head><body><article>"
        "<h1>Gempa Guncang Lombok</h1>"
        "<p>Gempa bumi berkekuatan magnitudo 7,0 mengguncang Pulau Lombok, Nusa Tenggara Barat, "
        "pada Minggu malam dan getarannya terasa hingga Bali.</p>"
        "<p>Warga di sejumlah desa memilih bermalam di luar rumah karena khawatir terjadi gempa "
        "susulan yang lebih besar.</p></article></body></html>")
TEXT = ("Gempa Guncang Lombok\n\nGempa bumi berkekuatan magnitudo 7,0 mengguncang Pulau Lombok "
        "pada Minggu malam dan getarannya terasa hingga Bali.")
ARTICLE = ("Harga Cabai Naik Lagi di Pasar Induk\n\nHarga cabai rawit di pasar induk naik dua kali "
           "lipat dalam sepekan karena pasokan berkurang.")

ODD_HINTS = [123, np.int64(5), np.float64(2.5), pd.Timestamp("2018-08-05"),
             datetime.date(2018, 8, 5), ["https://contoh.co.id/a"], ["a"], {"a": 1}, True, 0,
             b"\xff", 10 ** 30, float("inf"), np.array([1, 2]), decimal.Decimal("1.5")]


def flag_names(record) -> list[str]:
    return [flag["flag"] for flag in record["flags"]]


# 1. Hints that are not strings, on a page as on a text.

@pytest.mark.parametrize("value", ODD_HINTS, ids=repr)
@pytest.mark.parametrize("name", ["title", "url", "id", "date", "lang"])
def test_a_page_takes_any_hint_a_text_takes(cleaner, name, value):
    text_record = cleaner.clean(TEXT, **{name: value})
    page_record = cleaner.clean(PAGE, **{name: value})
    if name == "title":         # the title as text, whichever way it came
        assert page_record["meta"]["title"] == text_record["meta"]["title"]
    if name == "url":           # no url taken from it, and said so, either way
        assert page_record["meta"]["url"] is None and text_record["meta"]["url"] is None
    json.dumps(page_record, allow_nan=False)


def test_a_title_that_is_a_number_is_its_text_on_a_page(cleaner):
    assert cleaner.clean(PAGE, title=5)["meta"]["title"] == "5"
    assert cleaner.clean(PAGE, title=np.int64(5))["meta"]["title"] == "5"
    assert cleaner.clean(PAGE, title=datetime.date(2018, 8, 5))["meta"]["title"] == "2018-08-05"


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.binary(max_size=8), st.just(float("nan")), st.just(pd.NA), st.just(pd.NaT),
    st.integers(-2 ** 63, 2 ** 63 - 1).map(np.int64), st.floats(width=32).map(np.float32),
    st.datetimes(timezones=st.one_of(st.none(), st.timezones())), st.dates(),
    st.sampled_from(["https://www.antaranews.com/berita/1/x", "id", "en", "2017-02-31",
                     "Senin, 29 Februari 2016", "\ud83d", "Judul\nBaris Dua", "<b>x</b>"]))
_HINT = st.one_of(_SCALARS, st.lists(_SCALARS, max_size=3),
                  st.dictionaries(st.text(max_size=5), _SCALARS, max_size=3))
_HINTS = st.dictionaries(st.sampled_from(["id", "url", "title", "date", "lang", "views"]), _HINT)


@settings(max_examples=150, deadline=None)
@given(_HINTS, st.sampled_from([PAGE, TEXT]))
def test_any_hints_give_a_record_of_json_values(cleaner, hints, text):
    record = cleaner.clean(text, **hints)
    json.dumps(record, allow_nan=False)
    assert isinstance(record["meta"]["title"], (str, type(None)))
    assert isinstance(record["meta"]["url"], (str, type(None)))


# 3. Carried fields hold JSON values, as the Parquet reader makes them.

def test_carried_pandas_and_numpy_values_are_json_values(cleaner):
    record = cleaner.clean(ARTICLE, crawled=pd.Timestamp("2020-01-01"), views=np.int64(7),
                           score=np.nan, missing=pd.NA, never=pd.NaT, vec=np.array([1, 2]),
                           raw=b"ab\xff", when=datetime.datetime(2020, 1, 2, 3, 4),
                           price=decimal.Decimal("1.50"), took=datetime.timedelta(seconds=90),
                           nested={"at": [pd.Timestamp("2020-01-01"), np.float64("nan")]},
                           ratio=np.float64(0.5), big=float("inf"))
    assert record["crawled"] == "2020-01-01T00:00:00"
    assert record["views"] == 7 and type(record["views"]) is int
    assert record["score"] is None and record["missing"] is None and record["never"] is None
    assert record["vec"] == [1, 2]
    assert record["raw"] == "ab\\xff"
    assert record["when"] == "2020-01-02T03:04:00"
    assert record["price"] == "1.50" and record["took"] == 90.0
    assert record["nested"] == {"at": ["2020-01-01T00:00:00", None]}
    assert record["ratio"] == 0.5 and type(record["ratio"]) is float
    assert record["big"] is None        # as orjson writes it (the command's writer)
    json.dumps(record, allow_nan=False)


def test_clashing_carried_fields_are_json_values_too(cleaner):
    record = cleaner.clean(ARTICLE, meta=pd.Timestamp("2020-01-01"))
    assert record["input"] == {"meta": "2020-01-01T00:00:00"}


def test_json_value_keeps_plain_values_as_they_are():
    plain = {"a": "x", "b": 1, "c": True, "d": None, "e": 1.5, "f": ["x", {"g": 2}]}
    assert {k: json_value(v) for k, v in plain.items()} == plain
    assert json_value({1: set()}) == {"1": "set()"}


def test_parquet_row_gives_the_same_fields_through_the_api_and_the_command(cleaner, tmp_path):
    from cleaner.cli import main

    frame = pd.DataFrame({"id": ["a"], "text": [ARTICLE], "crawled": [pd.Timestamp("2020-01-01")],
                          "views": [np.int64(7)], "score": [np.nan]})
    frame.to_parquet(tmp_path / "in.parquet")
    main(["clean", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "out.jsonl"), "-q"])
    command = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    row = frame.to_dict("records")[0]
    api = cleaner.clean(row.pop("text"), **row)
    assert {k: api[k] for k in ("crawled", "views", "score")} == \
        {k: command[k] for k in ("crawled", "views", "score")}


# 4. Epoch dates.

def test_epoch_seconds_and_milliseconds_are_read_in_the_packs_zone(cleaner):
    seconds = cleaner.clean(ARTICLE, date=1488357000)
    assert seconds["meta"]["date"] == "2017-03-01T15:30:00+07:00"
    assert "unreadable-date" not in flag_names(seconds)
    millis = cleaner.clean(ARTICLE, date=1488357000000)
    assert millis["meta"]["date"] == "2017-03-01T15:30:00+07:00"
    assert cleaner.clean(ARTICLE, date=np.int64(1488357000))["meta"]["date"] == \
        "2017-03-01T15:30:00+07:00"
    assert cleaner.clean(ARTICLE, date=1488357000.5)["meta"]["date"] == \
        "2017-03-01T15:30:00+07:00"


@pytest.mark.parametrize("value", [5, -1488357000, 10 ** 30, float("inf"), 4200000000])
def test_other_numbers_stay_unreadable_dates(cleaner, value):
    record = cleaner.clean(ARTICLE, date=value)
    assert record["meta"]["date"] == str(value)
    assert "unreadable-date" in flag_names(record)


def test_a_string_of_digits_is_no_epoch(cleaner):
    record = cleaner.clean(ARTICLE, date="1488357000")
    assert "unreadable-date" in flag_names(record)


def test_an_epoch_without_a_zone_keeps_utc():
    assert read_input_date(1488357000, ()) == "2017-03-01T08:30:00+00:00"
    assert read_input_date(True, ()) is None


def test_the_command_reads_pandas_to_json_epoch_milliseconds(tmp_path):
    from cleaner.cli import main

    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a", "text": ARTICLE,
                                                   "date": 1488357000000}) + "\n")
    main(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-q"])
    record = json.loads((tmp_path / "out.jsonl").read_text())
    assert record["meta"]["date"] == "2017-03-01T15:30:00+07:00"


# 5. Nothing visible.

@pytest.mark.parametrize("text, reason", [("", "empty document"), ("   \n ", "empty document"),
                                          ("\u200b\ufeff\u200b", NOTHING_VISIBLE)])
def test_a_text_with_nothing_visible_is_flagged_as_dataset_map_flags_it(cleaner, text, reason):
    record = cleaner.clean(text, id="x")
    assert record["text"] == ""
    assert {"flag": "rejected", "reason": reason} in record["flags"]


def test_a_text_the_rules_emptied_is_not_flagged_rejected(cleaner):
    record = cleaner.clean("Baca juga: Harga beras naik", id="x")
    if not record["text"] and record["removed"]:
        assert "rejected" not in flag_names(record)


# 9. A url that is not text.

@pytest.mark.parametrize("url", [12345, ["https://www.antaranews.com/berita/1/x"],
                                 np.int64(5), {"href": "x"}])
@pytest.mark.parametrize("text", [ARTICLE, PAGE])
def test_a_url_that_is_not_text_is_flagged(cleaner, url, text):
    record = cleaner.clean(text, url=url)
    assert record["meta"]["url"] is None
    flags = [f for f in record["flags"] if f["flag"] == "unreadable-url"]
    assert len(flags) == 1
    assert "is not text" in flags[0]["reason"]


@pytest.mark.parametrize("url", [None, np.nan, pd.NA, "", "   "])
def test_a_missing_or_blank_url_is_not_flagged(cleaner, url):
    assert "unreadable-url" not in flag_names(cleaner.clean(ARTICLE, url=url))


def test_url_host_of_a_value_that_is_not_text_is_none():
    from cleaner.identify import site_host, url_host

    assert url_host(12345) is None and site_host(["https://www.antaranews.com/a"]) is None


# 6. One value maker for the command and the API (document.json_value): bytes and numpy times
# come out as the Parquet reader gives them, in hints as in carried fields.

BIN_TEXT = ("Judul Berita Ekonomi\n\nJakarta - Pemerintah mengumumkan kebijakan baru pada hari ini "
            "untuk mendukung pertumbuhan ekonomi nasional. (ant)")


def _bin_parquet(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": pa.array([b"abc", b"d\xffe"], pa.binary()),
        "title": pa.array([b"Judul Lain", b"X"], pa.binary()),
        "text": [BIN_TEXT, BIN_TEXT],
        "stamps": pa.array([[pd.Timestamp("2017-03-01 08:30")], []], pa.list_(pa.timestamp("ns"))),
        "took": pa.array([[datetime.timedelta(seconds=90)], []], pa.list_(pa.duration("ns"))),
        "date": pa.array([pd.Timestamp("2017-03-01 08:30", tz="UTC"), None],
                         pa.timestamp("ns", tz="UTC"))})
    pq.write_table(table, path)


def test_a_parquet_row_of_bytes_and_nanosecond_times_is_the_commands_record(cleaner, tmp_path):
    from cleaner.cli import main

    _bin_parquet(tmp_path / "in.parquet")
    main(["clean", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "out.jsonl"), "-q"])
    command = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in command] == ["abc", "d\\xffe"]
    assert command[0]["meta"]["title"] == "Judul Lain"
    assert command[0]["stamps"] == ["2017-03-01T08:30:00"] and command[0]["took"] == [90.0]
    for row, record in zip(pd.read_parquet(tmp_path / "in.parquet").to_dict("records"), command):
        api = cleaner.clean(row.pop("text"), **row)
        assert json.loads(json.dumps(api, allow_nan=False)) == record


@pytest.mark.parametrize("value", [
    np.datetime64("2017-03-01T08:30", "ns"), np.datetime64("2017-03-01T08:30", "s"),
    np.datetime64("2017-03-01T08:30:00", "us"), pd.Timestamp("2017-03-01 08:30"),
    datetime.datetime(2017, 3, 1, 8, 30), "2017-03-01T08:30:00"], ids=repr)
def test_a_numpy_time_as_the_date_is_read_as_its_iso_text(cleaner, value):
    record = cleaner.clean(ARTICLE, date=value)
    as_text = cleaner.clean(ARTICLE, date="2017-03-01T08:30:00")
    assert record["meta"]["date"] == as_text["meta"]["date"]
    assert record["meta"]["date"].startswith("2017-03-01")
    assert "unreadable-date" not in flag_names(record)


def test_a_missing_numpy_time_is_no_date(cleaner):
    record = cleaner.clean(ARTICLE, date=np.datetime64("NaT", "ns"))
    assert record["meta"]["date"] is None
    assert flag_names(record) == flag_names(cleaner.clean(ARTICLE))


@pytest.mark.parametrize("value, plain", [
    (np.datetime64("2017-03-01T08:30", "ns"), "2017-03-01T08:30:00"),
    (np.datetime64("2017-03-01T08:30:00.000000001", "ns"), "2017-03-01T08:30:00.000000001"),
    (np.datetime64("2017-03-01T08:30:00.5", "ms"), "2017-03-01T08:30:00.500000"),
    (np.datetime64("2017-03-01", "D"), "2017-03-01"),
    (np.datetime64("NaT"), None),
    (np.array(["2017-03-01T08:30"], "datetime64[ns]"), ["2017-03-01T08:30:00"]),
    (np.timedelta64(90, "s"), 90.0), (np.timedelta64(1500, "ms"), 1.5),
    (np.array([90_000_000_000], "timedelta64[ns]"), [90.0]), (np.timedelta64("NaT"), None),
    (b"d\xffe", "d\\xffe"), (np.bytes_(b"ab"), "ab"), (np.str_("ms"), "ms")], ids=repr)
def test_numpy_times_and_bytes_are_what_the_parquet_reader_makes(value, plain):
    assert json_value(value) == plain
    # pandas' own types, as a Parquet column of them is read by the command (Arrow gives them)
    if isinstance(value, np.datetime64) and plain is not None and "D" not in str(value.dtype):
        assert json_value(pd.Timestamp(value)) == plain
    if isinstance(value, np.timedelta64) and plain is not None:
        assert json_value(pd.Timedelta(value)) == plain


def test_the_parquet_reader_makes_its_fields_with_json_value(tmp_path):
    from cleaner.inputs import ReadOptions
    from cleaner.parquet_io import read_parquet

    _bin_parquet(tmp_path / "in.parquet")
    items = list(read_parquet(tmp_path / "in.parquet", ReadOptions()))
    rows = pd.read_parquet(tmp_path / "in.parquet").to_dict("records")
    for item, row in zip(items, rows):
        del row["text"]
        assert item.fields == {k: json_value(v, keep_floats=True) for k, v in row.items()}


def test_a_url_of_utf8_bytes_is_taken_one_of_other_bytes_or_a_time_flagged(cleaner):
    for url in (b"\xff", np.datetime64("2018-08-05"), pd.Timestamp("2018-08-05")):
        record = cleaner.clean(ARTICLE, url=url)
        assert record["meta"]["url"] is None and "unreadable-url" in flag_names(record)


def test_hints_of_bytes_are_their_decoded_text(cleaner):
    record = cleaner.clean(ARTICLE, id=b"d\xffe", title=b"Judul Lain",
                           url=b"https://www.antaranews.com/berita/1/x")
    assert record["id"] == "d\\xffe" and record["meta"]["title"] == "Judul Lain"
    assert record["meta"]["url"] == "https://www.antaranews.com/berita/1/x"
    assert cleaner.clean(ARTICLE, id=np.bytes_(b"abc"))["id"] == "abc"


def test_a_language_given_as_a_numpy_string_is_taken(cleaner):
    text = "Judul Berita Ekonomi\n\nJakarta - Pemerintah mengumumkan kebijakan baru pada hari ini."
    assert cleaner.clean(text, lang=np.str_("ms"))["meta"]["lang"] == \
        cleaner.clean(text, lang="ms")["meta"]["lang"] == "ms"


def test_fields_of_finite_floats_are_not_rebuilt():
    from cleaner.document import json_fields

    fields = {"score": 0.5, "views": 7, "name": "x"}
    assert json_fields(fields) is fields
    assert json_fields({"score": float("nan"), "big": float("-inf")}) == \
        {"score": None, "big": None}


def test_an_id_json_cannot_write_is_its_text_as_the_command_gives_it(cleaner):
    assert cleaner.clean(ARTICLE, id=10 ** 30)["id"] == str(10 ** 30)
    assert cleaner.clean(ARTICLE, id=decimal.Decimal("1.50"))["id"] == "1.50"
