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


# --- 2. --field naming the text field or the page's -------------------------------------------

@pytest.mark.parametrize("options", [["--field", "title=text"],
                                     ["--text-field", "body", "--field", "title=body"],
                                     ["--field", "title=html"]])
def test_a_hint_read_from_the_text_or_page_field_is_a_usage_error(tmp_path, capsys, options):
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"body": "Isi.", "text": "Isi.", "html": "<p>Isi.</p>"}) + "\n")
    for command in (["clean", str(dump), "-o", str(tmp_path / "o.jsonl")],
                    ["explain", str(dump)], ["suggest", str(dump)]):
        assert main([*command, *options]) == 2
        assert "is the document itself" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()
