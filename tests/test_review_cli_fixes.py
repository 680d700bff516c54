"""Three CLI defects a review found: an empty `--id` selected every file read whole (explain) or
was said as a missing field (fixtures add), and is a usage error in both now; `--field
HINT=NAME` naming the text field was warned about as a field no record had, although every
record had it (a reader takes the text out before it copies hints, so NAME gives no hint);
suggest counted rejected records as rejected inputs."""

from __future__ import annotations

import gzip
import json

import pytest

from cleaner.cli import main
from cleaner.fixture_workflow import FixtureError, RecordPicker
from cleaner.inputs import Item
from cleaner.run import MappedFields

ARTICLE = ("The city will open two new clinics next year, the minister said on Monday, after "
           "a year of talks with the doctors' unions and the state's health department.")
EMPTY_ID = "cleaner: error: --id cannot be empty"


def _write_jsonl(path, rows: list) -> None:
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n"
                            for row in rows), encoding="utf-8")


def _dump_and_text(tmp_path):
    """A dump of two records and a plain text file, as the review's reproducer had them."""
    dump, plain = tmp_path / "odd.jsonl", tmp_path / "plain.txt"
    _write_jsonl(dump, [{"id": "a", "text": ARTICLE}, {"text": ARTICLE + " Again."}])
    plain.write_text(ARTICLE + "\n", encoding="utf-8")
    return dump, plain


# --- 1. an empty --id ---------------------------------------------------------------------------

def test_record_picker_refuses_an_empty_id():
    with pytest.raises(FixtureError, match="--id cannot be empty"):
        RecordPicker(["a", ""])


def test_record_picker_does_not_take_a_file_read_whole_for_a_line_number():
    picker = RecordPicker(["1"])
    assert not picker.wants(Item("plain.txt", None, ARTICLE, {}, len(ARTICLE)))
    assert picker.held() == []


@pytest.mark.parametrize("ids", [[""], ["a", ""], ["", "odd.jsonl:2"]])
def test_explain_with_an_empty_id_is_a_usage_error_showing_nothing(tmp_path, capsys, ids):
    dump, plain = _dump_and_text(tmp_path)
    options = [arg for record_id in ids for arg in ("--id", record_id)]
    assert main(["explain", str(dump), str(plain), *options]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(EMPTY_ID)


def test_explain_with_an_empty_id_says_so_before_a_missing_input(tmp_path, capsys):
    # (the option is wrong whatever the inputs: said first, as argparse says a bad option)
    assert main(["explain", str(tmp_path / "gone.jsonl"), "--id", ""]) == 2
    assert capsys.readouterr().err.startswith(EMPTY_ID)


def test_explain_with_a_blank_id_selects_nothing(tmp_path, capsys):
    # A blank id is no record's (a blank id field is no id) and no line number: nothing shown.
    dump, plain = _dump_and_text(tmp_path)
    assert main(["explain", str(dump), str(plain), "--id", " "]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "no document with id" in err


def test_explain_with_a_line_number_still_picks_the_dump_record(tmp_path, capsys):
    dump, plain = _dump_and_text(tmp_path)
    assert main(["explain", str(dump), str(plain), "--id", "2", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "Again." in out and "plain" not in out


def test_fixtures_add_with_an_empty_id_is_a_usage_error_adding_nothing(tmp_path, capsys):
    dump, _ = _dump_and_text(tmp_path)
    root = tmp_path / "fixtures"
    assert main(["fixtures", "add", str(dump), "--site", "example.com", "--id", "",
                 "--root", str(root)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(EMPTY_ID)
    assert "field" not in err           # before: "no record with a 'text' or 'html' field"
    assert not root.exists()


def test_fixtures_add_with_an_empty_id_from_a_gzipped_dump_is_the_same_error(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(json.dumps({"id": "a", "text": ARTICLE}).encode() + b"\n"))
    assert main(["fixtures", "add", str(dump), "--site", "example.com", "--id", "",
                 "--root", str(tmp_path / "fixtures")]) == 2
    assert capsys.readouterr().err.startswith(EMPTY_ID)


# --- 2. --field naming the text field -----------------------------------------------------------

def _clean(tmp_path, capsys, rows: list, *options: str) -> tuple[int, str]:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, rows)
    status = main(["clean", str(source), "-o", str(output), "--workers", "1", "-q", *options])
    return status, capsys.readouterr().err


def test_a_hint_from_the_named_text_field_is_said_to_be_the_text(tmp_path, capsys):
    rows = [{"id": f"d{n}", "body": ARTICLE, "headline": "Clinics"} for n in range(3)]
    status, err = _clean(tmp_path, capsys, rows, "--text-field", "body", "--field", "title=body")
    assert status == 0
    assert err.splitlines() == [
        "cleaner: warning: --field title=body: 'body' is the text field (--text-field body), "
        "the document itself, so it gave no record its title"]
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert len(records) == 3 and all(r["meta"]["title"] is None for r in records)


def test_a_hint_from_the_default_text_field_is_warned_about_too(tmp_path, capsys):
    # Before, `text` was found in every record's line (its key for the text): no word at all.
    status, err = _clean(tmp_path, capsys, [{"id": "d", "text": ARTICLE}],
                         "--field", "title=text", "--field", "date=date_publsh")
    assert status == 0
    assert err.splitlines() == [
        "cleaner: warning: --field title=text: 'text' is the text field (--text-field text), "
        "the document itself, so it gave no record its title",
        "cleaner: warning: --field date=date_publsh: no record had a field 'date_publsh'"]


def test_a_hint_from_the_text_field_is_said_when_every_record_is_rejected(tmp_path, capsys):
    # No record was read, but the mapping cannot work on any: said all the same.
    status, err = _clean(tmp_path, capsys, ["not json", {"body": ""}],
                         "--text-field", "body", "--field", "title=body")
    assert status == 0
    assert ("cleaner: warning: --field title=body: 'body' is the text field" in err
            and "no record had" not in err)


def test_mapped_fields_tell_the_text_field_apart_from_a_missing_one():
    mapped = MappedFields((("title", "body"), ("date", "pub"), ("url", "body")), "body")
    assert [name for _, name in mapped.mappings] == ["pub"]
    mapped.look([("record", b'{"id":"a","text":"x","pub":"2024"}', 9)])
    assert mapped.warnings() == [
        "--field title=body: 'body' is the text field (--text-field body), the document "
        "itself, so it gave no record its title",
        "--field url=body: 'body' is the text field (--text-field body), the document itself, "
        "so it gave no record its url"]


def test_a_text_field_of_odd_characters_is_said_without_raising(tmp_path, capsys):
    name = 'bo"dy\\x'
    status, err = _clean(tmp_path, capsys, [{"id": "d", name: ARTICLE}],
                         "--text-field", name, "--field", f"title={name}")
    assert status == 0
    assert f"--field title={name}: {name!r} is the text field" in err


# --- 3. suggest's count of what was rejected or skipped -----------------------------------------

def _suggest(tmp_path, capsys, *inputs) -> str:
    folder = tmp_path / "packs"
    assert main(["suggest", *map(str, inputs), "--write-packs", str(folder)]) == 1
    assert not folder.exists()
    return capsys.readouterr().err


def test_suggest_counts_rejected_lines_of_a_dump_as_records(tmp_path, capsys):
    dump = tmp_path / "rej.jsonl"
    _write_jsonl(dump, ["not json", {"text": ""}])
    err = _suggest(tmp_path, capsys, dump)
    assert "the input held no document to mine: 2 records rejected (above)" in err
    assert "inputs" not in err


def test_suggest_counts_a_file_refused_whole_as_an_input(tmp_path, capsys):
    binary, dump = tmp_path / "bin.txt", tmp_path / "rej.jsonl"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00")
    _write_jsonl(dump, ["{broken", "[1, 2]"])
    err = _suggest(tmp_path, capsys, binary, dump)
    assert ("the input held no document to mine: 1 input rejected, 2 records rejected (above)"
            in err)


def test_suggest_counts_pages_it_skipped_by_what_they_were(tmp_path, capsys):
    # A page with no article is skipped in cleaning: a page file is an input, a dump's a record.
    page, dump = tmp_path / "empty.html", tmp_path / "pages.jsonl"
    page.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    _write_jsonl(dump, [{"id": "p", "html": "<html><body></body></html>"}])
    err = _suggest(tmp_path, capsys, page, dump)
    assert ("the input held no document to mine: 1 input skipped, 1 record skipped (above)"
            in err)


def test_fixtures_add_of_a_text_file_with_an_empty_id_is_a_usage_error(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text("Isi berita tentang banjir di kota itu pada Senin pagi.\n", encoding="utf-8")
    root = tmp_path / "fixtures"
    assert main(["fixtures", "add", str(page), "--site", "kabar.invalid", "--id", "",
                 "--root", str(root)]) == 2
    assert "--id cannot be empty" in capsys.readouterr().err
    assert not root.exists() or not any(root.rglob("*.json"))
