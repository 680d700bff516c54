"""A JSONL file in UTF-16 (what Windows PowerShell's > and Out-File write) is refused once, with the command that converts it, not one "invalid UTF-8" or "broken JSON" reject a line."""

from __future__ import annotations

import gzip
import io
import json
import shlex

import pytest

from cleaner.cli import main
from cleaner.inputs import ReadOptions, Reject, expand
from cleaner.jsonl_reader import read_jsonl
from cleaner.readers import iter_inputs

TEXT = "".join(json.dumps({"id": f"d{i}", "text": f"Berita nomor {i} tentang banjir."}) + "\r\n"
               for i in range(50))


@pytest.mark.parametrize("codec,named", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"),
                                         ("utf-16-be", "UTF-16BE"), ("utf-32", "UTF-32")])
@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_a_utf16_jsonl_file_is_one_reject_that_says_how_to_convert_it(tmp_path, codec, named,
                                                                       defer_parse):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(TEXT.encode(codec))
    [reject] = expand(iter_inputs([str(path)], ReadOptions(defer_parse=defer_parse)))
    assert isinstance(reject, Reject) and reject.line is None
    assert reject.reason.startswith(f"the file is {named} text")
    assert reject.reason.endswith(f"convert it first: iconv -f {named} -t UTF-8 "
                                  f"{shlex.quote(str(path))} > "
                                  f"{shlex.quote(str(tmp_path / 'dump.utf8.jsonl'))}")


def test_a_compressed_one_is_refused_with_the_command_that_unpacks_it_first(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(TEXT.encode("utf-16")))
    [reject] = iter_inputs([str(path)])
    assert isinstance(reject, Reject)
    assert f"zcat {shlex.quote(str(path))} | iconv -f UTF-16 -t UTF-8 > " in reject.reason


def test_a_pipe_is_refused_the_same_way():
    stream = io.BufferedReader(io.BytesIO(TEXT.encode("utf-16")))
    [reject] = expand(read_jsonl(stream, "<stdin>", ReadOptions(defer_parse=True), blocks=True))
    assert isinstance(reject, Reject)
    assert reject.reason.endswith("convert it first: ... | iconv -f UTF-16 -t UTF-8 | "
                                  "cleaner clean - ...")


def test_the_converted_file_is_read_whole(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(TEXT.encode("utf-16"))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q"]) == 0
    assert not out.read_text() and "UTF-16" in (tmp_path / "out.jsonl.rejects.jsonl").read_text()
    # (what the iconv the reason names does)
    path.write_bytes(path.read_bytes().decode("utf-16").encode("utf-8"))
    assert main(["clean", str(path), "-o", str(out), "-q", "--strict"]) == 0
    assert len(out.read_text().splitlines()) == 50


def test_utf8_with_a_nul_escaped_in_a_string_is_not_taken_for_utf16(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": "a", "text": "Berita \\u0000 tentang banjir."}\n{"id": "b", '
                    '"text": "Berita kedua."}\n')
    assert [item.fields["id"] for item in iter_inputs([str(path)])] == ["a", "b"]


def test_utf16_json_lines_on_standard_input_are_one_reject_and_a_utf16_article_is_read():
    from cleaner.inputs import Item, ReadLog
    from cleaner.readers import _read_stream

    lines = "".join(json.dumps({"id": f"r{i}", "text": "Isi berita."}) + "\n" for i in range(3))
    [reject] = list(_read_stream(io.BufferedReader(io.BytesIO(lines.encode("utf-16"))),
                                 "<stdin>", "stdin", ReadOptions(), ReadLog()))
    assert isinstance(reject, Reject) and "UTF-16" in reject.reason
    article = "Presiden berkata hal itu akan dibahas pekan depan bersama para menteri.\n"
    [item] = list(_read_stream(io.BufferedReader(io.BytesIO(article.encode("utf-16"))),
                               "<stdin>", "stdin", ReadOptions(), ReadLog()))
    assert isinstance(item, Item) and item.text.startswith("Presiden berkata")
