"""What the docs say of a run and what the tool does agree: --stats' counts, a reject's raw, the
message of an output written in place that failed, a refused resume, --stats -, and a url's
section; stacked editor codes go whole."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys

import pytest
import zstandard

from cleaner.cli import main
from cleaner.single_output import SingleOutput
from conftest import ROOT
from scale_helpers import real_docs, write_jsonl
from test_shards_resume import _finished_as_if_interrupted

STATS_EXAMPLE = re.compile(r"```json\n(\{\"documents_read\".*?)\n```", re.DOTALL)


def _scale_stats_example() -> dict:
    """The --stats example docs/scale.md gives."""
    found = STATS_EXAMPLE.search((ROOT / "docs" / "scale.md").read_text(encoding="utf-8"))
    assert found is not None
    return json.loads(found.group(1))


def test_stats_keys_have_the_kind_of_value_the_docs_example_gives(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", real_docs(3))
    os.link(folder / "a.jsonl", folder / "b.jsonl")
    stats = tmp_path / "stats.json"
    assert main(["clean", str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "-q",
                 "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    example = _scale_stats_example()
    assert set(figures) == set(example)
    for key, value in example.items():
        # (a count may be written as a whole number where the example has seconds)
        number = (int, float)
        kind = number if isinstance(value, number) else type(value)
        assert value is None or figures[key] is None or isinstance(figures[key], kind), key
    assert figures["skipped_duplicate_files"] == 1


def _rejects(tmp_path, name: str, data: bytes) -> list[dict]:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "--workers", "1", "-q"]) == 0
    lines = (tmp_path / "out.jsonl.rejects.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("data", [b"Berita hari ini \xff\xfe rusak.\n", b"\x00\x01\x02" * 400],
                         ids=["invalid-utf8", "binary"])
def test_a_refused_txt_file_has_no_raw_and_no_line_as_the_docs_say(tmp_path, data):
    (reject,) = _rejects(tmp_path, "berita.txt", data)
    assert reject["raw"] is None and reject["line"] is None
    assert reject["source"].endswith("berita.txt") and reject["reason"]


def test_a_refused_json_line_keeps_the_line_as_raw_with_bad_bytes_escaped(tmp_path):
    rejects = _rejects(tmp_path, "dump.jsonl", b'{"text": "baik"}\n{"text": "bu\xffruk\n')
    (reject,) = rejects
    assert reject["line"] == 2 and reject["raw"] == '{"text": "bu\\xffruk'


def test_usage_md_says_when_raw_is_null():
    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    assert "It is `null` where no record is at fault but the whole" in usage


def test_an_output_in_place_that_took_nothing_says_nothing_was_written(tmp_path):
    output = SingleOutput("/dev/full", str(tmp_path / "rejects.jsonl"))
    # (past the writer's 1 MB buffer: the device refuses the first write)
    with pytest.raises(OSError):
        output.write_records([b'{"text": "' + b"x" * (2 << 20) + b'"}\n'])
    output.abort()
    assert output.what_is_left() == "nothing was written to /dev/full"


def test_an_output_in_place_says_the_records_a_failed_write_got_out_whole(tmp_path):
    output = SingleOutput("/dev/full", None)
    # (a device that takes the first record and half the second, then is full)
    output._out._stream = _TakesOnly(len(b'{"text": "a"}\n') + 5)
    with pytest.raises(OSError):
        output.write_records([b'{"text": "a"}\n', b'{"text": "b"}\n', b'{"text": "c"}\n'])
    output.abort()
    assert output.what_is_left() == "1 record reached /dev/full whole"


def test_an_output_in_place_behind_a_buffer_does_not_say_its_records_went(capsysbinary):
    # (stdout captured has no descriptor: the records go through its buffer, and what a failed
    # write left in it is not known)
    output = SingleOutput("-", None)
    output.write_records([b'{"text": "a"}\n', b'{"text": "b"}\n'])
    output.abort()
    said = output.what_is_left()
    assert said == ("2 records were handed to standard output; if writing failed, some or all "
                    "of them did not reach it")


def test_the_cli_on_dev_full_says_no_record_went_there(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", real_docs(5))
    stats = tmp_path / "stats.json"
    run = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o",
                          "/dev/full", "--workers", "1", "-q", "--stats", str(stats)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "cleaner: nothing was written to /dev/full" in run.stderr
    figures = json.loads(stats.read_text(encoding="utf-8"))
    assert figures["written"] == 0 and figures["rules"] == {}
    assert figures["interrupted"]["output"] == "nothing was written to /dev/full"


class _TakesOnly:
    """A device that takes `room` bytes, then is full."""

    def __init__(self, room: int):
        self.room = room

    def write(self, data) -> int:
        if not self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = min(self.room, len(data))
        self.room -= taken
        return taken

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_resume_without_an_input_names_the_one_left_out(tmp_path, capsys):
    first = write_jsonl(tmp_path / "a.jsonl", real_docs(30))
    second = write_jsonl(tmp_path / "b.jsonl", real_docs(30))
    out = tmp_path / "out"
    _finished_as_if_interrupted([first, second], out)
    assert main(["clean", str(first), "-o", str(out), "--shard-size", "40", "-q",
                 "--resume"]) == 2
    err = capsys.readouterr().err
    assert (f"cannot resume: the inputs named differ: the interrupted run also read {second}, "
            "which this run does not name") in err
    assert "(added, removed or changed since) differ" not in err
    assert "a file of the inputs" not in err and "as spelled" not in err     # (said once)


def test_a_resume_with_an_added_input_names_it(tmp_path, capsys):
    first = write_jsonl(tmp_path / "a.jsonl", real_docs(30))
    added = write_jsonl(tmp_path / "c.jsonl", real_docs(5))
    out = tmp_path / "out"
    args = _finished_as_if_interrupted([first], out)
    assert main(args[:2] + [str(added)] + args[2:] + ["--resume"]) == 2
    assert f"the inputs named differ: {added} was not one of the interrupted run's" in \
        capsys.readouterr().err


def test_a_resume_over_a_changed_file_says_a_file_changed(tmp_path, capsys):
    folder = tmp_path / "dump"
    folder.mkdir()
    write_jsonl(folder / "b.jsonl", real_docs(60))
    args = _finished_as_if_interrupted([folder], tmp_path / "out")
    write_jsonl(folder / "a.jsonl", real_docs(3))
    assert main(args + ["--resume"]) == 2
    err = capsys.readouterr().err
    assert ("cannot resume: a file of the inputs was added, removed or changed (its size or "
            "time) since the interrupted run") in err


def test_stats_dash_writes_the_figures_to_standard_output(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", real_docs(4))
    run = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o",
                          str(tmp_path / "out.jsonl"), "--stats", "-", "--workers", "1", "-q"],
                         cwd=tmp_path, capture_output=True, text=True, env=_env())
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["written"] == 4
    assert not (tmp_path / "-").exists()


def test_stats_dash_beside_records_on_standard_output_is_a_usage_error(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", real_docs(4))
    run = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o", "-",
                          "--stats", "-", "--workers", "1", "-q"], cwd=tmp_path,
                         capture_output=True, text=True, env=_env())
    assert run.returncode == 2
    assert "--stats - and -o - both name standard output" in run.stderr
    assert run.stdout == "" and not (tmp_path / "-").exists()


def test_stats_dash_into_a_redirected_file_is_appended_after_what_it_held(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", real_docs(4))
    log = tmp_path / "log.txt"
    log.write_text("earlier lines\n")
    with open(log, "a") as appended:
        run = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(dump), "-o",
                              str(tmp_path / "out.jsonl"), "--stats", "-", "-q"], cwd=tmp_path,
                             stdout=appended, stderr=subprocess.PIPE, text=True, env=_env())
    assert run.returncode == 0, run.stderr
    earlier, figures = log.read_text().split("\n", 1)
    assert earlier == "earlier lines" and json.loads(figures)["written"] == 4
    assert figures.endswith("}\n")


def _env() -> dict[str, str]:
    """The environment a subprocess run of the cleaner from another folder needs."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_a_metropolitan_url_gives_its_category(cleaner):
    text = "Banjir rob merendam permukiman warga di Pluit sejak pagi hari ini.\n\nWarga mengungsi."
    record = cleaner.clean(text, url="https://www.tribunnews.com/metropolitan/2024/03/12/banjir")
    assert record["meta"]["category"] == "metropolitan"
    regional = cleaner.clean(text, url="https://www.tribunnews.com/regional/2024/03/12/banjir")
    assert regional["meta"]["category"] == "regional"


@pytest.mark.parametrize("line, kept", [
    ("Pertemuan itu digelar di Jakarta pada 2013. (stu) (T/RE1/P1)",
     "Pertemuan itu digelar di Jakarta pada 2013."),
    ("Ia menolak tawaran itu, ujar Hafsah. [sau] (T/RE1/P1)",
     "Ia menolak tawaran itu, ujar Hafsah."),
    ("Pemain putri terbaik: Chen Qingchen (China) (Korea)",
     "Pemain putri terbaik: Chen Qingchen (China) (Korea)"),
])
def test_a_run_of_editor_codes_after_the_last_sentence_goes_whole(cleaner, line, kept):
    record = cleaner.clean("Judul Berita Hari Ini\n\nKalimat pembuka berita yang cukup panjang "
                           "untuk dibaca semua orang.\n\n" + line)
    assert record["text"].splitlines()[-1] == kept
    codes = [r["text"].strip() for r in record["removed"]
             if r["rule"] in ("common/editor-code-end", "id/editor-code-end")]
    assert codes == ([] if kept == line else [line[len(kept):].strip()])


def test_a_cut_off_zst_reject_names_no_exception_class(tmp_path):
    data = b"".join(json.dumps({"text": f"Berita nomor {i} hari ini, panjang sekali."}).encode()
                    + b"\n" for i in range(3000))
    packed = zstandard.ZstdCompressor().compress(data)
    (tmp_path / "cut.jsonl.zst").write_bytes(packed[: len(packed) // 2])
    assert main(["clean", str(tmp_path / "cut.jsonl.zst"), "-o", str(tmp_path / "o.jsonl"),
                 "--workers", "1", "-q"]) == 0
    last = (tmp_path / "o.jsonl.rejects.jsonl").read_text().splitlines()[-1]
    reason = json.loads(last)["reason"]
    assert "CorruptZstd" not in reason and "zstd frame starting at byte 0 is cut off" in reason


def test_report_dash_is_a_usage_error_writing_no_file_named_dash(tmp_path, capsys, monkeypatch):
    dump = write_jsonl(tmp_path / "dump.jsonl", real_docs(2))
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--report", "-",
                 "-q"]) == 2
    assert "--report writes an HTML page to a file" in capsys.readouterr().err
    assert not (tmp_path / "-").exists() and not (tmp_path / "out.jsonl").exists()
