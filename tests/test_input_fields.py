"""Input fields ride along whatever their names, types and values; odd ones never cost a document."""

from __future__ import annotations

import datetime
import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.parquet_io import read_records

ARTICLE = "JAKARTA - Pemerintah mengumumkan kebijakan baru untuk sekolah pada hari Senin."


def _run(tmp_path, lines: list[dict | str], *options: str) -> tuple[list[dict], list[dict]]:
    """Records and rejects of `cleaner clean` over a JSONL of these lines (dicts or raw text)."""
    source = tmp_path / "in.jsonl"
    source.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n"
                              for line in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q", "--workers", "1", *options]) == 0
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    return ([json.loads(line) for line in out.read_text().splitlines()],
            [json.loads(line) for line in rejects.read_text().splitlines()]
            if rejects.exists() else [])


def test_a_field_named_text_beside_the_text_field_rides_along(tmp_path):
    records, rejects = _run(tmp_path, [{"id": "1", "content": ARTICLE, "text": "ringkasan"}],
                            "--text-field", "content")
    assert rejects == []
    assert records[0]["text"].startswith("Pemerintah") and records[0]["input"] == {"text": "ringkasan"}


def test_a_field_named_self_rides_along(tmp_path):
    records, rejects = _run(tmp_path, [{"id": "1", "text": ARTICLE, "self": "x"}])
    assert rejects == [] and records[0]["self"] == "x"


def test_the_api_takes_fields_named_like_its_parameters():
    record = Cleaner().clean(ARTICLE, text="ringkasan", self="x", html="<p>")
    assert record["input"] == {"text": "ringkasan"} and record["self"] == "x"
    assert record["html"] == "<p>"


def test_a_field_named_input_is_kept_with_the_fields_that_clash(tmp_path):
    records, _ = _run(tmp_path, [{"id": "1", "text": ARTICLE, "input": 5, "meta": 1},
                                 {"id": "2", "text": ARTICLE, "input": {"a": 1}}])
    assert records[0]["input"] == {"input": 5, "meta": 1}
    assert records[1]["input"] == {"input": {"a": 1}}


def test_a_malformed_url_is_no_hint_and_costs_nothing(tmp_path):
    records, rejects = _run(tmp_path, [{"id": "1", "url": "http://[::1", "text": ARTICLE},
                                       {"id": "2", "url": "http://[zz]/x", "text": ARTICLE}])
    assert rejects == [] and [r["id"] for r in records] == ["1", "2"]
    # A url with no host is no url: kept out of meta.url, and the record says what it was.
    assert records[0]["meta"]["url"] is None
    assert [f["flag"] for f in records[0]["flags"]] == ["unreadable-url"]
    assert "'http://[::1'" in records[0]["flags"][0]["reason"]


def test_a_date_given_as_a_number_comes_out_as_text_in_every_format(tmp_path):
    records, _ = _run(tmp_path, [{"id": "1", "text": ARTICLE, "date": 12345}])
    assert records[0]["meta"]["date"] == "12345"
    out = tmp_path / "out.parquet"
    assert main(["clean", str(tmp_path / "in.jsonl"), "-o", str(out), "-q"]) == 0
    assert list(read_records(out)) == records


def test_integer_ids_past_64_bits_keep_their_digits(tmp_path):
    big = 123456789012345678901234567890
    huge = "1" + "0" * 5000
    lines = [f'{{"id": {big}, "text": "{ARTICLE}"}}', f'{{"id": {big + 1}, "text": "{ARTICLE}"}}',
             f'{{"id": "h", "text": "{ARTICLE}", "n": {huge}}}',
             f'{{"id": 1.5, "text": "{ARTICLE}"}}']
    records, rejects = _run(tmp_path, lines)
    assert rejects == []
    assert [r["id"] for r in records] == [str(big), str(big + 1), "h", "1.5"]
    assert records[2]["n"] == huge


def test_a_big_integer_field_keeps_one_type_whatever_else_is_on_its_line(tmp_path):
    # A big-integer id, or a NaN, sends the line through Python's json: the other fields'
    # big integers must still come out as the floats orjson reads elsewhere.
    big = 123456789012345678901234567890
    lines = [f'{{"id": "a", "text": "{ARTICLE}", "n": {big}}}',
             f'{{"id": {big}, "text": "{ARTICLE}", "n": {big}}}',
             f'{{"id": "c", "text": "{ARTICLE}", "n": {big}, "s": NaN}}']
    records, rejects = _run(tmp_path, lines)
    assert rejects == []
    assert [r["n"] for r in records] == [float(big)] * 3
    assert records[1]["id"] == str(big) and records[2]["s"] is None


def test_parquet_times_and_durations_ride_along(tmp_path):
    table = pa.table({
        "id": ["1"], "text": [ARTICLE],
        "seen": pa.array([datetime.datetime(2020, 1, 2, 3, 4, 5)], pa.timestamp("ns")),
        "day": pa.array([datetime.date(2020, 1, 2)], pa.date32()),
        "took": pa.array([datetime.timedelta(seconds=90)], pa.duration("ns")),
    })
    pq.write_table(table, tmp_path / "in.parquet")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "in.parquet"), "-o", str(out), "-q"]) == 0
    record, = [json.loads(line) for line in out.read_text().splitlines()]
    assert (record["seen"], record["day"], record["took"]) == ("2020-01-02T03:04:05",
                                                               "2020-01-02", 90.0)
    assert not (tmp_path / "out.jsonl.rejects.jsonl").exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_file_names_that_are_not_utf8_are_escaped_not_fatal(tmp_path, workers):
    folder = tmp_path / "d"
    folder.mkdir()
    raw = os.fsencode(folder)
    with open(raw + b"/bad\xff.txt", "w", encoding="utf-8") as article:
        article.write(ARTICLE + "\n")
    with open(raw + b"/noid\xfd.jsonl", "w", encoding="utf-8") as dump:
        dump.write(json.dumps({"text": ARTICLE}) + "\n{broken\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "-q", "--workers", workers]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["bad\\xff", "noid\\xfd.jsonl:1"]
    reject, = [json.loads(line) for line in
               (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()]
    assert reject["source"].endswith("noid\\xfd.jsonl") and reject["line"] == 2


def test_a_lone_surrogate_costs_neither_the_article_nor_its_title(tmp_path):
    # Half an emoji's UTF-16 pair, where a scraper cut a string: the text's is repaired and
    # the repair recorded, the title's repaired; a whole pair reads as its emoji.
    lines = ['{"id": "1", "text": "Isi berita \\ud800 di sini.", "title": "Judul \\udc00 x"}',
             '{"id": "2", "text": "Isi berita \\ud83d\\ude00 di sini."}']
    records, rejects = _run(tmp_path, lines)
    assert rejects == []
    assert records[0]["text"] == "Isi berita \ufffd di sini." and records[0]["fixes"] == ["fix_surrogates"]
    assert records[0]["meta"]["title"] == "Judul \ufffd x"
    assert records[1]["text"] == "Isi berita \U0001f600 di sini." and records[1]["fixes"] == []


def test_a_text_with_nothing_visible_is_an_empty_document(tmp_path):
    # Zero-width spaces, a lone byte order mark, NULs: nothing is left once normalized, and
    # no rule removed anything; refused as a blank text is, not written as a record of "".
    lines = [{"id": "z", "text": "\u200b\u200b"}, {"id": "b", "text": "\ufeff"},
             {"id": "n", "text": "\u0000\u0000"}, {"id": "ok", "text": ARTICLE}]
    records, rejects = _run(tmp_path, lines)
    assert [r["id"] for r in records] == ["ok"]
    assert [(r["line"], r["reason"]) for r in rejects] == [
        (n, "empty document: nothing visible once normalized") for n in (1, 2, 3)]


def test_a_title_or_url_given_by_the_input_is_one_line_of_text():
    record = Cleaner().clean(ARTICLE, title="Judul\n\u0000Baru  ini", url="   ")
    assert record["meta"]["title"] == "Judul Baru ini"
    assert record["meta"]["url"] is None and record["meta"]["site"] is None


def test_hints_are_read_from_the_fields_a_dump_names_them_by(tmp_path):
    # news-please and CC-News name them date_publish and title; other dumps, headline, link.
    row = {"maintext": ARTICLE, "date_publish": "2019-11-19 08:00:00", "headline": "Judul",
           "link": "https://www.kompas.com/a", "date": "kemarin"}
    options = ("--text-field", "maintext", "--field", "date=date_publish",
               "--field", "title=headline", "--field", "url=link")
    [record], _ = _run(tmp_path, [row], *options)
    assert record["meta"]["date"] == "2019-11-19T08:00:00"
    assert (record["meta"]["title"], record["meta"]["url"]) == ("Judul", "https://www.kompas.com/a")
    # the mapped fields are carried on as they came; the record's own "date" gave way, kept
    # under "input"
    assert (record["date_publish"], record["headline"], record["link"]) == (
        row["date_publish"], "Judul", row["link"])
    assert record["input"] == {"date": "kemarin"}
    pq.write_table(pa.table({"maintext": [ARTICLE], "headline": ["Judul"]}), tmp_path / "in.pq")
    assert main(["clean", str(tmp_path / "in.pq"), "-o", str(tmp_path / "pq.jsonl"), "-q",
                 "--text-field", "maintext", "--field", "title=headline"]) == 0
    [from_parquet] = [json.loads(line) for line in open(tmp_path / "pq.jsonl")]
    assert from_parquet["meta"]["title"] == "Judul" and from_parquet["headline"] == "Judul"


def test_a_field_mapping_that_is_not_a_hint_is_a_usage_error(tmp_path, capsys):
    for bad in ("author=byline", "date", "date="):
        with pytest.raises(SystemExit) as stop:
            main(["clean", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--field", bad])
        assert stop.value.code == 2
        assert "not HINT=NAME with HINT one of id, url, title, date" in capsys.readouterr().err


def test_a_title_given_by_the_input_has_its_accents_composed_as_the_text(tmp_path):
    # "Cafe" + a combining acute is "Café" once normalized (nfc), in the text and in the title
    # alike: meta.title is the composed form, and the text's first line is taken as its title.
    text = "Caf\u00e9 Baru Dibuka di Jakarta\n\nIsi berita ini panjang sekali dan banyak kata."
    decomposed = "Cafe\u0301 Baru Dibuka di Jakarta"
    record = Cleaner().clean(text, title=decomposed)
    assert record["meta"]["title"] == "Caf\u00e9 Baru Dibuka di Jakarta"
    assert record["text"] == "Isi berita ini panjang sekali dan banyak kata."
    assert [r["rule"] for r in record["removed"]] == ["header/title"]
    [from_jsonl], _ = _run(tmp_path, [{"id": "1", "text": text, "title": decomposed}])
    assert from_jsonl["meta"]["title"] == "Caf\u00e9 Baru Dibuka di Jakarta"
    assert from_jsonl["text"] == record["text"]


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("kind", ["jsonl", "parquet"])
def test_a_field_a_mapping_displaces_is_kept_under_input(tmp_path, kind, workers):
    """`--field date=date_publish --field site=section` lost the record's own `date` (a crawl
    date) and `site` ("Nasional"): nothing of the input is lost unsaid. A displaced value equal
    to the mapped one loses nothing, and is not repeated; one beside fields that clash with the
    record's keys joins them."""
    rows = [{"id": "a", "text": ARTICLE, "date": "2020-01-01", "date_publish": "2017-03-01",
             "site": "Nasional", "section": "kompas.com"},
            {"id": "b", "text": ARTICLE, "date": "2017-03-01", "date_publish": "2017-03-01"},
            {"id": "c", "text": ARTICLE, "date": "2020-01-01", "date_publish": "2017-03-01",
             "meta": "x"}]
    source = tmp_path / f"in.{kind}"
    if kind == "parquet":
        # (a column is every row's: the third row's `meta` would be the others' null meta)
        rows = rows[:2]
        pq.write_table(pa.Table.from_pylist(rows), source)
    else:
        source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q", "--workers", workers,
                 "--field", "date=date_publish", "--field", "site=section"]) == 0
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert records["a"]["input"] == {"date": "2020-01-01", "site": "Nasional"}
    assert records["a"]["meta"]["date"] == "2017-03-01" and records["a"]["site"] == "kompas.com"
    assert "input" not in records["b"] or "date" not in records["b"]["input"]
    if kind == "jsonl":
        assert records["c"]["input"] == {"meta": "x", "date": "2020-01-01"}


@pytest.mark.parametrize("option", ["--text-field", "--html-field"])
def test_an_empty_field_name_is_a_usage_error(tmp_path, capsys, option):
    """`--text-field ''` read no record's text: every record rejected, exit 0."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": ARTICLE}) + "\n")
    with pytest.raises(SystemExit) as raised:
        main(["clean", str(source), "-o", str(tmp_path / "out.jsonl"), option, ""])
    assert raised.value.code == 2
    assert f"argument {option}: a field's name, not empty" in capsys.readouterr().err
