"""A run never overwrites its input through a link, nor reads an earlier run's output back as input."""

from __future__ import annotations

import json
import os

from cleaner.cli import main

ARTICLE = ("Warga kota berkumpul di alun-alun pada pagi hari untuk merayakan ulang tahun kota "
           "yang ke seratus dengan berbagai lomba.")


def _dump(path, n=3):
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{ARTICLE} {i}"}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_an_input_that_is_the_output_through_a_link_is_refused_and_kept(tmp_path, capsys):
    raw = _dump(tmp_path / "same.jsonl")
    before = raw.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(raw.name)
    os.link(raw, tmp_path / "hard.jsonl")
    for name in ("link.jsonl", "hard.jsonl"):
        assert main(["clean", str(tmp_path / name), "-o", str(raw), "-q"]) == 2
        assert "is an input and also what this run writes" in capsys.readouterr().err
        assert raw.read_bytes() == before


def test_an_output_in_an_input_folder_reached_through_a_link_is_not_read_back(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    _dump(folder / "a.jsonl")
    (tmp_path / "dumplink").symlink_to(folder.name)
    out = folder / "out.jsonl"
    for _ in range(2):
        assert main(["clean", str(tmp_path / "dumplink"), "-o", str(out), "-q"]) == 0
        assert len(_lines(out)) == 3


def test_a_shard_folder_an_earlier_run_left_in_the_dump_is_not_read_again(tmp_path, capsys):
    folder = tmp_path / "dump"
    folder.mkdir()
    _dump(folder / "a.jsonl", 5)
    assert main(["clean", str(folder), "-o", str(folder / "shards"), "--shard-size", "2",
                 "-q"]) == 0
    out = tmp_path / "again.jsonl"
    assert main(["clean", str(folder), "-o", str(out)]) == 0
    assert [json.loads(line)["id"] for line in _lines(out)] == [f"d{i}" for i in range(5)]
    assert "a folder of shards a cleaner run wrote" in capsys.readouterr().err
    # Named as an input, a shard folder is read.
    again = tmp_path / "shards-again.jsonl"
    assert main(["clean", str(folder / "shards"), "-o", str(again), "-q"]) == 0
    assert len(_lines(again)) == 5


def test_a_cleaned_file_an_earlier_run_left_in_the_dump_is_not_read_again(tmp_path, capsys):
    folder = tmp_path / "dump"
    folder.mkdir()
    _dump(folder / "a.jsonl", 4)
    for output in ("clean.jsonl", "clean.jsonl.gz", "clean.jsonl.zst", "clean.parquet"):
        assert main(["clean", str(folder / "a.jsonl"), "-o", str(folder / output), "-q"]) == 0
    out = tmp_path / "again.jsonl"
    assert main(["clean", str(folder), "-o", str(out)]) == 0
    assert [json.loads(line)["id"] for line in _lines(out)] == [f"d{i}" for i in range(4)]
    said = capsys.readouterr().err
    assert said.count("records a cleaner run wrote") == 4
    # Named as an input, a cleaned file is read (cleaning cleaned records again is allowed).
    again = tmp_path / "cleaned-again.jsonl"
    assert main(["clean", str(folder / "clean.jsonl.gz"), "-o", str(again), "-q"]) == 0
    assert len(_lines(again)) == 4


def test_a_report_an_earlier_run_left_in_the_dump_is_not_read_as_a_page(tmp_path, capsys):
    folder = tmp_path / "dump"
    folder.mkdir()
    _dump(folder / "a.jsonl", 4)
    (folder / "page.html").write_text("<html><head><title>Judul</title></head><body><p>"
                                      f"{ARTICLE}</p></body></html>", encoding="utf-8")
    assert main(["clean", str(folder / "a.jsonl"), "-o", str(tmp_path / "first.jsonl"),
                 "--report", str(folder / "report.html"), "-q"]) == 0
    out = tmp_path / "again.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "--workers", "1"]) == 0
    # (was: a record with id "report", the report's figures cleaned as an article)
    assert [json.loads(line)["id"] for line in _lines(out)] == [f"d{i}" for i in range(4)] + [
        "page"]
    assert "report.html: a cleaner run's --report page; name it as an input to read it" in \
        capsys.readouterr().err


def test_a_dump_with_some_of_the_output_fields_is_read(tmp_path):
    # Raw records may carry a "meta" or "flags" of their own: only all four fields, of the
    # types a cleaned record has, mark a file as a cleaner run's output.
    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "x", "text": ARTICLE, "meta": {},
                                                "flags": [], "removed": "no"}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "-q"]) == 0
    assert len(_lines(out)) == 1
