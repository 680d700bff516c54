"""One file under two names among a run's inputs is read once: two named inputs that are one file
(hard links) are refused as one file named twice is, and a file met again in another input
folder, or a link in a folder to a file named as an input, is passed over and counted, as a
second name of a file within one folder is."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.inputs import ReadOptions
from scale_helpers import read_jsonl, real_docs, write_jsonl


@pytest.fixture
def linked(tmp_path) -> Path:
    """d/a.jsonl (30 records) and its hard link e/b.jsonl."""
    (tmp_path / "d").mkdir()
    (tmp_path / "e").mkdir()
    write_jsonl(tmp_path / "d" / "a.jsonl", real_docs(30))
    os.link(tmp_path / "d" / "a.jsonl", tmp_path / "e" / "b.jsonl")
    return tmp_path


def test_two_named_hard_links_of_one_file_are_refused_as_one_file_named_twice(linked, capsys):
    out = linked / "o.jsonl"
    assert main(["clean", str(linked / "d" / "a.jsonl"), str(linked / "e" / "b.jsonl"),
                 "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{linked / 'e' / 'b.jsonl'} is named twice (as {linked / 'd' / 'a.jsonl'}: two " \
           "names of one file)" in err
    assert not out.exists()


def test_a_file_named_twice_by_one_name_is_still_said_as_before(linked, capsys):
    name = str(linked / "d" / "a.jsonl")
    assert main(["clean", name, name, "-o", str(linked / "o.jsonl")]) == 2
    assert f"{name} is named twice (as {name}):" in capsys.readouterr().err


def _ids(path: Path) -> list[str]:
    return [record["id"] for record in read_jsonl(path)]


def test_a_hard_link_in_a_second_input_folder_is_read_once_and_counted(linked, tmp_path):
    out, stats = tmp_path / "o.jsonl", tmp_path / "s.json"
    assert main(["clean", str(linked / "d"), str(linked / "e"), "-o", str(out), "-q",
                 "--stats", str(stats)]) == 0
    assert _ids(out) == [row["id"] for row in real_docs(30)]
    figures = json.loads(stats.read_text())
    assert figures["skipped_records"] == {}
    assert figures["skipped_duplicate_files"] == 1
    assert figures["skipped_duplicate_reasons"] == {
        "another name (a link) of a file already read": 1}


def test_a_symbolic_link_in_a_second_input_folder_is_read_once(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "e").mkdir()
    write_jsonl(tmp_path / "d" / "a.jsonl", real_docs(12))
    (tmp_path / "e" / "b.jsonl").symlink_to(tmp_path / "d" / "a.jsonl")
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(tmp_path / "e"), str(tmp_path / "d"), "-o", str(out), "-q"]) == 0
    assert _ids(out) == [row["id"] for row in real_docs(12)]


@pytest.mark.parametrize("file_first", [True, False], ids=["file-first", "folder-first"])
def test_a_named_file_and_its_hard_link_in_an_input_folder_are_read_once(linked, file_first,
                                                                         capsys):
    named, folder = str(linked / "d" / "a.jsonl"), str(linked / "e")
    out = linked / "o.jsonl"
    inputs = [named, folder] if file_first else [folder, named]
    assert main(["clean", *inputs, "-o", str(out)]) == 0
    assert _ids(out) == [row["id"] for row in real_docs(30)]
    assert "1 another name (a link) of a file named as an input, read under that name" in \
        capsys.readouterr().err


def test_other_files_of_the_folders_are_all_read(linked, tmp_path):
    write_jsonl(linked / "e" / "c.jsonl", real_docs(35)[30:])
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(linked / "d"), str(linked / "e"), "-o", str(out), "-q"]) == 0
    assert _ids(out) == [row["id"] for row in real_docs(35)]


def test_the_ray_file_list_takes_a_hard_link_in_a_second_folder_once(linked):
    """The Ray executor lists the files from the run's log (ReadLog), as the local reader does."""
    from cleaner.inputs import ReadLog
    from cleaner.ray_executor import _file_list

    log = ReadLog()
    files = _file_list([str(linked / "d"), str(linked / "e")], ReadOptions(), log)
    assert [Path(f["path"]).name for f in files] == ["a.jsonl"]
    assert log.duplicate_files == {"another name (a link) of a file already read": 1}
