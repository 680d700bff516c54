"""--resume of a run that writes one file is a usage error (exit 2) that says what to do, as the other refusals of --resume are; so are shards asked for where a file is."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main


@pytest.fixture
def finished(tmp_path):
    """A finished single-file run: its input and its output file."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Isi berita hari ini."}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q"]) == 0
    return source, out


@pytest.mark.parametrize("options", [[], ["--shard-size", "5"], ["--format", "jsonl"]],
                         ids=["resume", "with-shard-size", "with-format"])
@pytest.mark.parametrize("name", ["out.jsonl", "out"])
def test_resuming_a_finished_one_file_output_is_a_usage_error_that_says_what_to_do(
        finished, tmp_path, capsys, options, name):
    source, written = finished
    out = tmp_path / name
    if out != written:
        written.rename(out)         # a name no suffix marks as a file: a folder of shards then
    before = out.read_bytes()
    assert main(["clean", str(source), "-o", str(out), "--resume", *options]) == 2
    err = capsys.readouterr().err
    assert f"cannot resume: {out} is one output file, not a folder of shards" in err
    assert "run again without --resume" in err and "--shard-size N" in err
    assert out.read_bytes() == before


def test_resume_to_a_file_not_yet_written_is_refused_with_what_to_do(finished, tmp_path, capsys):
    source, _ = finished
    assert main(["clean", str(source), "-o", str(tmp_path / "new.jsonl"), "--resume"]) == 2
    err = capsys.readouterr().err
    assert "--resume needs sharded output" in err and "run again without --resume" in err


def test_shards_asked_for_where_a_file_is_are_a_usage_error(finished, capsys):
    source, out = finished
    before = out.read_bytes()
    assert main(["clean", str(source), "-o", str(out), "--shard-size", "5"]) == 2
    assert f"-o {out} is a file, but shards go to a folder" in capsys.readouterr().err
    assert out.read_bytes() == before
