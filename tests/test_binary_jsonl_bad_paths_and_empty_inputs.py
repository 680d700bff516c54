"""A new user's acceptance run: binary data under a .jsonl name, output paths under a file, --color
on `fixtures check`, an empty input named, and sentences split apart recorded in `fixes`."""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest
import zstandard

from cleaner.cli import main
from cleaner.inputs import Item, ReadOptions, Reject, expand
from cleaner.jsonl_reader import OPENING_BYTES, read_jsonl, refused_opening
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.run_config import file_above

# The opening of an ELF library, then bytes of code: NULs and control bytes, a few newlines.
BINARY = (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x03\x00>\x00\x01\x00\x00\x00\n"
          + bytes(range(256)) * 40 + b"\n\x00\x01\x02{\n") * 30
RECORD = {"id": "a", "text": "Banjir melanda Jakarta pada hari Senin. Warga mengungsi."}
GLUED = ("Menteri Luar Negeri AS berbicara dengan Menteri Luar Negeri Rusia melalui telepon "
         "pada hari Selasa.Diplomat AS itu juga menggarisbawahi kesediaan Washington untuk "
         "melanjutkan pembicaraan.")


def _zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


def _binary_jsonl(tmp_path):
    path = tmp_path / "lib.jsonl"
    path.write_bytes(BINARY)
    return path


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_a_binary_file_named_jsonl_is_one_reject_for_the_whole_file(tmp_path, defer_parse):
    path = _binary_jsonl(tmp_path)
    assert BINARY.count(b"\n") > 50
    [reject] = expand(iter_inputs([str(path)], ReadOptions(defer_parse=defer_parse)))
    assert isinstance(reject, Reject) and reject.line is None
    assert reject.reason == "binary data (NUL or control bytes), not JSON lines"


def test_a_binary_stream_read_line_by_line_is_one_reject_too():
    stream = io.BufferedReader(io.BytesIO(BINARY))
    [reject] = expand(read_jsonl(stream, "<stdin>", ReadOptions()))
    assert isinstance(reject, Reject) and "binary data" in reject.reason


def test_a_binary_file_after_a_blank_line_is_one_reject(tmp_path):
    path = tmp_path / "lib.jsonl"
    path.write_bytes(b"\n\r\n" + BINARY)
    [reject] = expand(iter_inputs([str(path)], ReadOptions()))
    assert isinstance(reject, Reject) and "binary data" in reject.reason


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_good_lines_then_binary_are_still_rejected_line_by_line(tmp_path, defer_parse):
    path = tmp_path / "dump.jsonl"
    path.write_bytes((json.dumps(RECORD) + "\n").encode() * 3 + BINARY[:2000])
    got = expand(iter_inputs([str(path)], ReadOptions(defer_parse=defer_parse)))
    got = [item.parsed() if hasattr(item, "parsed") else item for item in got]
    assert [type(item).__name__ for item in got[:3]] == ["Item"] * 3
    rejects = [item for item in got if isinstance(item, Reject)]
    assert rejects and all(reject.line is not None for reject in rejects)


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_a_first_record_with_raw_control_bytes_does_not_refuse_the_file(tmp_path, defer_parse):
    path = tmp_path / "dump.jsonl"
    first = b'{"id": "x", "text": "Bel\x01\x02\x03\x04um"}\n'
    path.write_bytes(first + (json.dumps(RECORD) + "\n").encode() * 3)
    got = expand(iter_inputs([str(path)], ReadOptions(defer_parse=defer_parse)))
    got = [item.parsed() if hasattr(item, "parsed") else item for item in got]
    # (read as if its control characters were escaped, as JSON writes them in a string)
    assert isinstance(got[0], Item) and got[0].line == 1 and got[0].text == "Bel\x01\x02\x03\x04um"
    assert [type(item).__name__ for item in got[1:]] == ["Item"] * 3


def test_a_run_over_a_binary_jsonl_writes_one_small_reject(tmp_path, capsys):
    path = _binary_jsonl(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out)]) == 0
    rejects = (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()
    assert len(rejects) == 1 and len(rejects[0]) < 1000
    assert "read 1 document, wrote 0, rejected 1" in capsys.readouterr().err


def test_explain_caps_its_reject_lines_as_clean_does(tmp_path, capsys):
    from cleaner.run import MAX_REJECT_MESSAGES

    path = tmp_path / "broken.jsonl"
    path.write_text("{broken\n" * 300, encoding="utf-8")
    assert main(["explain", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("cleaner: rejected ") == MAX_REJECT_MESSAGES
    assert f"... {300 - MAX_REJECT_MESSAGES} more rejects" in err


@pytest.mark.parametrize("option", ["-o", "--stats", "--rejects", "--report"])
def test_a_path_under_a_file_is_bad_usage_naming_the_file(tmp_path, capsys, option):
    given = tmp_path / "in.jsonl"
    given.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    under = str(given / "x.out")
    args = ["clean", str(given), "-o", str(tmp_path / "out.jsonl"), option, under]
    if option == "-o":
        args = ["clean", str(given), "-o", under]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"cannot write {under}: {given} is a file, not a folder" in err
    assert "File exists" not in err and not (tmp_path / "out.jsonl").exists()


def test_a_shard_folder_under_a_file_is_bad_usage(tmp_path, capsys):
    given = tmp_path / "in.jsonl"
    given.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    assert main(["clean", str(given), "-o", str(given / "shards"), "--shard-size", "5"]) == 2
    assert f"{given} is a file, not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("action", ["check", "update"])
def test_fixtures_check_and_update_take_color(tmp_path, capsys, action):
    root = tmp_path / "fixtures"
    (root / "kabar.example").mkdir(parents=True)
    (root / "kabar.example" / "a.txt").write_text(RECORD["text"] + "\n", encoding="utf-8")
    (root / "kabar.example" / "a.json").write_text("{}\n", encoding="utf-8")
    assert main(["fixtures", action, "--root", str(root), "--no-builtin-rules",
                 "--color", "never"]) in (0, 1)
    out = capsys.readouterr().out
    assert "\n+" in out and "\033[" not in out


def test_fixtures_check_colours_its_diff_when_asked(tmp_path, capsys):
    root = tmp_path / "fixtures"
    (root / "kabar.example").mkdir(parents=True)
    (root / "kabar.example" / "a.txt").write_text(RECORD["text"] + "\n", encoding="utf-8")
    (root / "kabar.example" / "a.json").write_text("{}\n", encoding="utf-8")
    assert main(["fixtures", "check", "--root", str(root), "--no-builtin-rules",
                 "--color", "always"]) == 1
    out = capsys.readouterr().out
    assert "\033[32m+" in out and "\033[31m-{}" in out


def test_an_empty_input_is_named_in_the_warning(tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert main(["clean", str(empty), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert f"warning: no input documents found in {empty}" in err


def test_empty_inputs_are_all_named_a_folder_as_a_folder(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\n\n")
    folder = tmp_path / "d"
    folder.mkdir()
    inputs = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), str(folder)]
    assert main(["clean", *inputs, "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert f"no input documents found in {inputs[0]}, {inputs[1]}, {folder}{os.sep}" in err


def test_sentences_split_apart_are_recorded_in_fixes_and_the_text_is_as_before():
    record = Cleaner(lang="id").clean(GLUED)
    at = GLUED.index("Diplomat")
    assert record["text"] == f"{GLUED[:at]}\n\n{GLUED[at:]}"
    assert not record["removed"]
    assert record["fixes"] == ["split_glued"]


def test_a_text_with_nothing_split_records_no_split():
    record = Cleaner(lang="id").clean("Satu kalimat. Dua kalimat di Jakarta.")
    assert "split_glued" not in record["fixes"]


def test_a_split_is_listed_after_the_repairs_made_before_the_rules():
    record = Cleaner(lang="id").clean(GLUED.replace(" ", "\u00a0", 1))
    assert record["fixes"] == ["plain_spaces", "split_glued"]


# JSON lines whose first line a crash damaged: NULs where the file began.
GOOD_LINES = "".join(json.dumps({"id": f"r{i}", "text": RECORD["text"]}) + "\n" for i in range(5))
NUL_FIRST = b"\x00" * 20 + GOOD_LINES.encode()
BOM_THEN_JUNK = b"\xef\xbb\xbf\n\x00\x00junk\n" + NUL_FIRST


def _read(path, defer_parse):
    got = expand(iter_inputs([str(path)], ReadOptions(defer_parse=defer_parse)))
    return [item.parsed() if hasattr(item, "parsed") else item for item in got]


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_a_damaged_first_line_of_json_lines_costs_that_line_alone(tmp_path, defer_parse):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(NUL_FIRST)
    got = _read(path, defer_parse)
    assert isinstance(got[0], Reject) and got[0].line == 1
    assert [(item.line, item.fields.get("id")) for item in got[1:]] == \
        [(2, "r1"), (3, "r2"), (4, "r3"), (5, "r4")]


@pytest.mark.parametrize("data", [BOM_THEN_JUNK, b"\n" * 3 + BINARY[:300] + b"\n" + NUL_FIRST,
                                  BINARY, b"\xef\xbb\xbf" + BINARY, NUL_FIRST[:20] + b"\n"],
                         ids=["bom line then junk", "binary lines then records", "binary",
                              "bom then binary", "nuls alone"])
def test_both_readers_judge_a_file_alike(tmp_path, data):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(data)
    one, blocks = _read(path, False), _read(path, True)
    assert [(type(i).__name__, getattr(i, "line", None)) for i in one] == \
        [(type(i).__name__, getattr(i, "line", None)) for i in blocks]


def test_binary_lines_with_a_record_only_past_the_opening_are_one_reject(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(BINARY * 3 + b"\n" + GOOD_LINES.encode())
    assert len(BINARY * 3) > OPENING_BYTES
    for defer_parse in (False, True):
        [reject] = _read(path, defer_parse)
        assert reject.reason == "binary data (NUL or control bytes), not JSON lines"


def test_the_opening_is_judged_alike_whatever_lines_the_line_reader_stops_at():
    # Lines read one by one stop at the first record's opening, or at OPENING_BYTES.
    for data in (BOM_THEN_JUNK, b"\x00\n" + b"x" * (OPENING_BYTES - 3) + b'\n{"id": 1}\n',
                 b"\x00\n" + b"x" * (OPENING_BYTES - 8) + b'\n{"id": 1}\n'):
        stream = io.BufferedReader(io.BytesIO(data))
        lines = expand(read_jsonl(stream, "d.jsonl", ReadOptions()))
        refused = refused_opening(data, "d.jsonl")
        if refused is None:
            assert not [i for i in lines if isinstance(i, Reject) and i.line is None]
        else:
            assert lines == [refused]


@pytest.mark.parametrize("kind, packed", [("gzip", gzip.compress), ("zstd", _zstd)],
                         ids=["gzip", "zstd"])
def test_compressed_data_named_jsonl_is_said_what_it_is(tmp_path, capsys, kind, packed):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(packed(GOOD_LINES.encode()))
    suffix = ".gz" if kind == "gzip" else ".zst"
    for defer_parse in (False, True):
        [reject] = _read(path, defer_parse)
        assert reject.reason == (f"{kind}-compressed data, not JSON lines: name it "
                                 f"dump.jsonl{suffix}")
    stats = tmp_path / "stats.json"
    assert main(["clean", str(path), "-o", str(tmp_path / "out.jsonl"), "--stats", str(stats)]) == 0
    assert json.loads(stats.read_text())["bytes"] > 0        # the reject's input is counted
    assert f"name it dump.jsonl{suffix}" in capsys.readouterr().err


def test_a_broken_link_above_the_output_is_said_a_broken_link(tmp_path, capsys):
    # It was said "dangling is a file, not a folder".
    given = tmp_path / "in.jsonl"
    given.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert file_above(str(tmp_path / "dangling" / "o.jsonl")) == str(tmp_path / "dangling")
    assert main(["clean", str(given), "-o", str(tmp_path / "dangling" / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" not in err
    assert f"{tmp_path / 'dangling'} is a link to {tmp_path / 'nowhere'}, which does not exist" \
        in err
