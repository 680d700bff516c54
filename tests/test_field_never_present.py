"""`cleaner clean --field HINT=NAME` naming a field no record has (a typo: `--field
date=date_publsh`) says so on stderr at the end of the run, naming the option and the field,
with the exit status unchanged; a run where some record has the field says nothing. Held with
one process and with worker processes, whose records come back as JSON lines."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.run import MappedFields

ARTICLE = ("The city will open two new clinics next year, the minister said on Monday, after "
           "a year of talks with the doctors' unions and the state's health department.")
WARNING = "--field date=date_publsh: no record had a field 'date_publsh'"


def _rows(count: int, **extra) -> list[dict]:
    return [{"id": f"d{n}", "text": f"{ARTICLE} ({n})", "date_publish": "2024-03-01", **extra}
            for n in range(count)]


def _clean(tmp_path, capsys, rows: list, *options: str, workers: str = "1") -> tuple[int, str]:
    """Exit status and stderr of a clean run over a JSONL of `rows` (dicts or raw lines)."""
    source = tmp_path / "in.jsonl"
    source.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n"
                              for row in rows), encoding="utf-8")
    status = main(["clean", str(source), "-o", str(tmp_path / "out.jsonl"), "--workers", workers,
                   *options])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_field_no_record_has_is_warned_about(tmp_path, capsys, workers):
    status, err = _clean(tmp_path, capsys, _rows(40), "--field", "date=date_publsh",
                         workers=workers)
    assert status == 0
    assert f"cleaner: warning: {WARNING}" in err.splitlines()
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 40


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_field_some_records_have_is_not_warned_about(tmp_path, capsys, workers):
    rows = _rows(30) + [{"id": "late", "text": ARTICLE, "date_publsh": "2024-03-02"}]
    status, err = _clean(tmp_path, capsys, rows, "--field", "date=date_publsh",
                         workers=workers)
    assert status == 0 and "warning" not in err
    [late] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()
              if '"late"' in line]
    assert late["meta"]["date"].startswith("2024-03-02")


def test_each_mapping_is_told_apart_and_quiet_runs_still_say_it(tmp_path, capsys):
    status, err = _clean(tmp_path, capsys, _rows(3), "-q", "--field", "date=date_publish",
                         "--field", "title=headlin", "--field", "date=date_publsh")
    assert status == 0
    assert err.splitlines() == [
        "cleaner: warning: --field title=headlin: no record had a field 'headlin'",
        f"cleaner: warning: {WARNING}"]


def test_no_field_option_says_nothing(tmp_path, capsys):
    status, err = _clean(tmp_path, capsys, _rows(3), "-q")
    assert status == 0 and err == ""


def test_a_text_input_has_no_fields_and_is_warned_about(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    status = main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl"), "-q",
                   "--field", "title=headline"])
    assert status == 0
    assert "--field title=headline: no record had a field 'headline'" in capsys.readouterr().err


def test_the_exit_status_is_kept_with_rejects_under_strict(tmp_path, capsys):
    rows = ['{"id": "broken", "text": "cut sh', *_rows(2), {"id": "e", "text": "   "}]
    status, err = _clean(tmp_path, capsys, rows, "--strict", "--field", "date=date_publsh")
    assert status == 3
    assert WARNING in err and "rejected" in err


def test_a_run_that_writes_no_record_only_says_why(tmp_path, capsys):
    rows = ['{"id": "broken", "text": "cut sh', "[1, 2]", {"id": "e", "text": ""}]
    status, err = _clean(tmp_path, capsys, rows, "--field", "date=date_publsh")
    assert status == 0
    assert "no record had" not in err and "rejected" in err


@pytest.mark.parametrize("row, name", [
    # the field's name written only inside the text, or as a value: not a field
    ({"text": ARTICLE + ' "date_publsh": "2024-01-01"', "note": "date_publsh"}, "date_publsh"),
    ({"text": ARTICLE, "date_publsh\"x": "2024"}, "date_publsh"),
])
def test_the_name_written_elsewhere_in_a_record_is_no_field(tmp_path, capsys, row, name):
    status, err = _clean(tmp_path, capsys, [row], "--field", f"date={name}")
    assert status == 0
    assert f"no record had a field {name!r}" in err


@pytest.mark.parametrize("name", ['he"ad', "judul berita", "标题", "a\\b", "x\u0000y"])
def test_odd_field_names_a_record_has_are_found(tmp_path, capsys, name):
    status, err = _clean(tmp_path, capsys, [{"text": ARTICLE, name: "A title"}], "-q",
                         "--field", f"title={name}")
    assert status == 0 and err == ""


def test_a_hint_or_reserved_name_is_not_looked_for():
    # A hint's own name is given to the document, not carried; a reserved key goes under
    # "input": their lines do not show them, so no warning is made up.
    mapped = MappedFields((("title", "url"), ("date", "meta"), ("title", "headline")))
    mapped.look([("record", b'{"id":"a","text":"x","meta":{}}', 5), ("reject", {})])
    assert mapped.warnings() == ["--field title=headline: no record had a field 'headline'"]
    assert mapped.warnings(since_resume=True) == [
        "--field title=headline: no record since the resume had a field 'headline'"]
    assert MappedFields((("title", "headline"),)).warnings() == []     # no record seen


def test_a_name_of_bytes_that_are_not_utf8_neither_raises_nor_warns(tmp_path, capsys):
    # (a command line's bytes that are not UTF-8 reach Python as lone surrogates)
    status, err = _clean(tmp_path, capsys, _rows(2), "-q", "--field", "title=head\udcffline")
    assert status == 0 and err == ""
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2
