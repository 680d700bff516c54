"""CLI messages an acceptance run of the input formats found wrong: a binary .html file's reject
keeps no raw, `explain --id` says a rejected or skipped record once, Parquet on standard input
is named, the summary counts each reject reason once and names where the records went, --help
names the inputs that start workers however small, and every message names a file as given."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cleaner.cli import build_parser, main
from cleaner.inputs import ReadOptions, Reject
from cleaner.readers import iter_inputs
from conftest import ROOT
from pipe_stream import Pipe
from test_warc_records import warc_record
from test_warc_streams import page, record

ARTICLE = ("Jakarta - Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota "
           "yang akan dibuka untuk warga pada akhir tahun ini. Warga menyambut rencana itu.")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x00\x00")
PARQUET_STDIN = "Parquet on standard input is not read; pass it as a file"


def _rejects(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _rows(path: Path) -> Path:
    """Three rows: a good one, one with no text, one whose text is a number's string."""
    pq.write_table(pa.table({"id": ["good-row", "null-text-row", "other-row"],
                             "text": [ARTICLE, None, ARTICLE]}), path)
    return path


def _crawl(folder: Path) -> Path:
    """A WARC: warcinfo (record 1), a page (2), an image (3), a page the file ends inside (4)."""
    folder.mkdir(parents=True, exist_ok=True)
    info = warc_record("warcinfo", None, b"software: test\r\n", "application/warc-fields")
    image = record("https://x.id/logo.png", PNG, "Content-Type: image/png\r\n")
    last = record("https://x.id/cut", page("Berita Terpotong"))
    data = info + record("https://x.id/a", page("Berita Satu")) + image + last[:-400]
    path = folder / "crawl.warc"
    path.write_bytes(data)
    return path


# -- D4: a binary .html file's reject keeps no raw, as a binary .txt file's does not

def test_a_binary_html_file_is_rejected_with_raw_null_as_a_binary_txt_file_is(tmp_path):
    for name in ("logo.html", "logo.txt"):
        (tmp_path / name).write_bytes(PNG)
        out = tmp_path / f"{name}.jsonl"
        assert main(["clean", str(tmp_path / name), "-o", str(out), "-q"]) == 0
        [reject] = _rejects(Path(f"{out}.rejects.jsonl"))
        assert reject["reason"].startswith("binary data") and reject["line"] is None
        assert reject["raw"] is None, name


# -- D5: explain --id of a rejected or skipped record

def test_explain_a_rejected_row_by_its_id_says_it_once_and_why(tmp_path, capsys):
    rows = _rows(tmp_path / "rows.parquet")
    assert main(["explain", str(rows), "--id", "null-text-row"]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.splitlines() == [
        f"cleaner: rejected {rows}:2 (id null-text-row): no 'text' value"]


def test_explain_by_id_does_not_say_the_rejects_of_other_records(tmp_path, capsys):
    rows = _rows(tmp_path / "rows.parquet")
    assert main(["explain", str(rows), "--id", "other-row"]) == 0
    said = capsys.readouterr()
    assert "== other-row" in said.out
    assert "rejected" not in said.err and "null-text-row" not in said.err


def test_explain_without_id_still_says_every_reject(tmp_path, capsys):
    rows = _rows(tmp_path / "rows.parquet")
    assert main(["explain", str(rows)]) == 0
    assert f"cleaner: rejected {rows}:2 (id null-text-row): no 'text' value" in \
        capsys.readouterr().err


def test_explain_a_skipped_warc_record_by_its_id_says_it_was_skipped_and_why(tmp_path, capsys):
    crawl = _crawl(tmp_path)
    assert main(["explain", str(crawl), "--id", "crawl.warc:3"]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.splitlines() == [
        f"cleaner: skipped {crawl} record 3 (id crawl.warc:3): not HTML (image/png)"]
    assert main(["explain", str(crawl), "--id", "crawl.warc:1"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"cleaner: skipped {crawl} record 1 (id crawl.warc:1): WARC warcinfo record"]


def test_explain_a_skipped_warc_record_by_its_number_does_not_call_the_number_its_id(tmp_path,
                                                                                    capsys):
    crawl = _crawl(tmp_path)
    assert main(["explain", str(crawl), "--id", "3"]) == 1
    # (was "record 3 (id 3)": its id is crawl.warc:3)
    assert capsys.readouterr().err.splitlines() == [
        f"cleaner: skipped {crawl} record 3: not HTML (image/png)"]


def test_explain_an_id_no_record_has_still_says_so(tmp_path, capsys):
    crawl = _crawl(tmp_path)
    assert main(["explain", str(crawl), "--id", "crawl.warc:9"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "cleaner: no document with id crawl.warc:9 in the input"]


def test_explain_help_gives_its_exit_status():
    parser = build_parser()
    helps = parser._subparsers._group_actions[0].choices      # type: ignore[union-attr]
    text = " ".join(helps["explain"].format_help().split())
    assert "exit status: 0" in text and "rejected or skipped" in text


# -- D6: Parquet on standard input

def test_parquet_on_standard_input_is_named_not_called_binary(tmp_path, monkeypatch):
    data = _rows(tmp_path / "rows.parquet").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Pipe(data))))
    [reject] = list(iter_inputs(["-"], ReadOptions()))
    assert isinstance(reject, Reject) and reject.line is None and reject.raw is None
    assert reject.reason == PARQUET_STDIN


def test_parquet_piped_to_clean_is_one_reject_that_says_to_pass_the_file(tmp_path):
    rows = _rows(tmp_path / "rows.parquet")
    out = tmp_path / "out.jsonl"
    with open(rows, "rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-", "-o", str(out)],
                              stdin=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"cleaner: rejected <stdin>: {PARQUET_STDIN}" in done.stderr
    assert [r["reason"] for r in _rejects(Path(f"{out}.rejects.jsonl"))] == [PARQUET_STDIN]


def test_a_parquet_file_named_without_its_suffix_is_read_by_its_first_bytes(tmp_path):
    rows = _rows(tmp_path / "rows.parquet")
    unnamed = tmp_path / "part-0"               # (Spark's part files)
    unnamed.write_bytes(rows.read_bytes())
    # (was: "binary data (NUL or control bytes), not text")
    def read(path) -> list:
        return [(item.line, getattr(item, "text", None)) for item in iter_inputs(
            [str(path)], ReadOptions())]

    assert read(unnamed) == read(rows) and len(read(rows)) > 1


def test_a_warc_on_standard_input_is_still_read(tmp_path, monkeypatch):
    data = _crawl(tmp_path).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Pipe(data))))
    lines = [item.line for item in iter_inputs(["-"], ReadOptions())]
    assert lines == [2, 4]


# -- D7: each reject reason's line says its count once

def test_a_reject_reason_line_says_its_count_once(tmp_path, capsys):
    rows = tmp_path / "num.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "text": [1, 2]}), rows)
    assert main(["clean", str(rows), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "         2  column 'text' is a number, not a string\n" in err
    assert "like it" not in err


def test_reasons_of_one_kind_that_differ_show_the_first_without_a_second_count(tmp_path, capsys):
    # (Reasons that differ: the bad byte at 23, 24, 25. Its records too long to read, as it
    # first was, all give the same reason, said without "others like it": a review's nit.)
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"".join(b'{"id": "d%d", "text": "%s\xe9"}\n' % (i, b"x" * i)
                              for i in range(3)))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl")]) == 0
    [line] = [l for l in capsys.readouterr().err.splitlines()
              if l.startswith("   ") and "invalid UTF-8" in l]
    assert line.split()[0] == "3" and "like it" in line and "2 like it" not in line


# -- D12: --help names the inputs whose size is not known before reading

def test_workers_help_names_the_inputs_that_start_workers_however_small():
    parser = build_parser()
    helps = parser._subparsers._group_actions[0].choices      # type: ignore[union-attr]
    text = " ".join(helps["clean"].format_help().split())
    start = text.index("--workers N worker processes")
    workers = text[start:text.index("--shard-size", start)]
    for kind in ("Parquet", "WARC", "compressed", "standard input"):
        assert kind in workers, kind


# -- D13: the closing summary names where the records went

def test_the_summary_names_the_records_file(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out)]) == 0
    assert f"wrote 1 record to {out}\n" in capsys.readouterr().err


def test_the_summary_names_the_shard_folder_and_the_shards(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": f"a{i}", "text": ARTICLE}) + "\n"
                            for i in range(5)), encoding="utf-8")
    out = tmp_path / "shards"
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "2"]) == 0
    assert f"wrote 5 records to {out}/ in 3 shards\n" in capsys.readouterr().err


def test_quiet_and_standard_output_say_no_records_line(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    assert main(["clean", str(dump), "-o", str(tmp_path / "q.jsonl"), "-q"]) == 0
    assert main(["clean", str(dump), "-o", "-"]) == 0
    assert "wrote 1 record to" not in capsys.readouterr().err


# -- D14: a kept record the file ends inside is named as rejects are: its path as given

def test_a_cut_warc_page_kept_is_named_by_the_path_given_and_its_record(tmp_path, capsys):
    crawl = _crawl(tmp_path / "dump")
    assert main(["clean", str(tmp_path / "dump"), "-o", str(tmp_path / "out.jsonl"),
                 "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert f"cleaner: kept {crawl} record 4 (id crawl.warc:4) as far as the file goes" in err
    assert "kept crawl.warc:4 " not in err


# -- D11: the README's Hugging Face example says what it needs

def test_readme_says_to_install_datasets_for_the_hugging_face_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.index("from datasets import load_dataset")
    assert "pip install 'datasets>=3'" in readme[example - 600:example]


# -- Review (D5 again): a JSON line rejected for its content carries the record's id

def _lines(path: Path) -> Path:
    """JSON lines: a good record (a1), an empty text (a2), a broken line (3), a blank text
    (a5), a text that is a number (7, an id that is a number), a record with no id (6)."""
    rows = [json.dumps({"id": "a1", "text": ARTICLE}), json.dumps({"id": "a2", "text": ""}),
            "{not json", json.dumps({"id": "a5", "text": "   "}),
            json.dumps({"id": 7, "text": 12}), json.dumps({"text": ""})]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_explain_a_rejected_json_line_by_its_id_says_it_once_and_why(tmp_path, capsys):
    dump = _lines(tmp_path / "d.jsonl")
    assert main(["explain", str(dump), "--id", "a2"]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.splitlines() == [f"cleaner: rejected {dump}:2 (id a2): empty document"]
    assert main(["explain", str(dump), "--id", "7"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"cleaner: rejected {dump}:5 (id 7): field 'text' is a number, not a string"]


def test_explain_a_rejected_json_line_by_its_id_and_its_line_says_it_once(tmp_path, capsys):
    dump = _lines(tmp_path / "d.jsonl")
    assert main(["explain", str(dump), "--id", "a5", "--id", "4", "--id", "d.jsonl:4"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"cleaner: rejected {dump}:4 (id a5): empty document"]


def test_a_broken_json_line_has_no_id_and_is_still_found_by_its_line(tmp_path, capsys):
    dump = _lines(tmp_path / "d.jsonl")
    assert main(["explain", str(dump), "--id", "d.jsonl:3"]) == 1
    [said] = capsys.readouterr().err.splitlines()
    assert said.startswith(f"cleaner: rejected {dump}:3: broken JSON")
    assert main(["explain", str(dump), "--id", "d.jsonl:6"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"cleaner: rejected {dump}:6: empty document"]


def test_the_rejects_file_gains_the_id_of_a_json_line_that_parsed_and_nothing_else(tmp_path):
    dump = _lines(tmp_path / "d.jsonl")
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    assert main(["clean", str(dump), "-o", str(out), "--stats", str(stats), "-q"]) == 0
    rejects = _rejects(Path(f"{out}.rejects.jsonl"))
    assert [(r["line"], r.get("id"), r["reason"]) for r in rejects] == [
        (2, "a2", "empty document"), (3, None, rejects[1]["reason"]),
        (4, "a5", "empty document"), (5, "7", "field 'text' is a number, not a string"),
        (6, None, "empty document")]
    assert "id" not in rejects[1] and "id" not in rejects[4]
    assert rejects[1]["reason"].startswith("broken JSON")
    # Raw is the line as read, as before.
    assert rejects[0]["raw"] == json.dumps({"id": "a2", "text": ""})
    assert json.loads(stats.read_text())["reject_reasons"] == {
        "empty document": 3, "broken JSON": 1, "field 'text' is a number, not a string": 1}


def test_a_json_array_items_reject_carries_its_id(tmp_path):
    dump = tmp_path / "d.json"
    dump.write_text(json.dumps([{"id": "a1", "text": ARTICLE}, {"id": "b2", "text": None}]),
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q"]) == 0
    [reject] = _rejects(Path(f"{out}.rejects.jsonl"))
    assert reject["id"] == "b2" and reject["line"] == 2


def test_usage_says_a_json_lines_reject_names_its_id():
    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    assert "rejected dump.jsonl:2 (id a2): empty document" in usage


# -- Review (nit): "(and others like it)" only where the reasons of a kind differ

def test_identical_reasons_of_a_kind_are_said_without_others_like_it(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": f"d{i}", "text": "Isi berita. " * (40 + i)}) + "\n"
                            for i in range(3)), encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"),
                 "--max-record-bytes", "200", "--report", str(report)]) == 0
    [line] = [l for l in capsys.readouterr().err.splitlines()
              if l.startswith("   ") and "record longer" in l]
    assert line.split()[0] == "3" and "like it" not in line
    assert "record longer than 200 bytes" in report.read_text(encoding="utf-8")
    assert "like it" not in report.read_text(encoding="utf-8")


def test_reasons_of_a_kind_that_differ_are_said_with_others_like_it(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"id": "a", "text": "x\xe9"}\n{"id": "b", "text": "xxxx\xe9"}\n')
    report = tmp_path / "report.html"
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"),
                 "--report", str(report)]) == 0
    # (the reason goes on with its hint: --encoding, or iconv)
    [line] = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("         2  ")]
    assert line.startswith("         2  invalid UTF-8 at byte 22 of the line: ")
    assert line.endswith(" (and others like it)")
    assert "(and others like it)" in report.read_text(encoding="utf-8")


def test_whether_the_reasons_differ_survives_a_checkpoint():
    from cleaner.report_collect import ReportCollector
    from cleaner.stats import RunStats

    same, differ = "record longer than 9 bytes; raise it", "invalid UTF-8 at byte 3 of the line"
    stats, collector = RunStats(), ReportCollector()
    for reason in (same, same, differ):
        stats.add_reject(reason)
        collector.add_reject({"source": "in.jsonl", "line": 1, "reason": reason})
    stats2, collector2 = RunStats(), ReportCollector()
    stats2.restore(json.loads(json.dumps(stats.state())))
    collector2.restore(json.loads(json.dumps(collector.state())))
    for reason in (same, differ.replace("3", "8")):
        stats2.add_reject(reason)
        collector2.add_reject({"source": "in.jsonl", "line": 2, "reason": reason})
    summary = stats2.summary()
    assert f"3  {same}\n" in summary + "\n" and f"2  {differ} (and others like it)" in summary
    from cleaner.report import render
    html = render(collector2.data())
    assert f"{same} <span" not in html and "(and others like it)" in html


def test_a_checkpoint_of_an_earlier_version_is_read_as_the_reasons_were_said_before():
    import pytest

    from cleaner.report_collect import ReportCollector
    from cleaner.stats import RunStats

    stats, collector = RunStats(), ReportCollector()
    for reason in ("line 12 is long", "line 12 is long", "empty document", "empty document"):
        stats.add_reject(reason)
        collector.add_reject({"source": "in.jsonl", "line": 1, "reason": reason})
    saved, report_saved = stats.state(), collector.state()
    del saved["reject_varied"], report_saved["reject_varied"]
    stats2, collector2 = RunStats(), ReportCollector()
    stats2.restore(saved)
    collector2.restore(report_saved)
    # (not known: a kind whose example has details is taken to vary, as it was said before)
    assert stats2.reject_varied == collector2.reject_varied == {"line N is long"}
    report_saved["reject_varied"] = "line N is long"
    with pytest.raises(ValueError, match="damaged"):
        ReportCollector().restore(report_saved)
