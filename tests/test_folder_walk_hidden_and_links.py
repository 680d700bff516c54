"""Folder walks (accT 1-4): hidden files are counted as skipped with their own reason, hidden
folders named once, never walked, where --hidden would read more; links to folders are followed, a folder reached twice
read once; a file in a folder named as a loaded site pack's domain takes that site as its hint."""

from __future__ import annotations

import json
import os

import pytest

from cleaner.cli import main
from cleaner.folders import HIDDEN_FILES, folder_files, hidden_folder_reason
from cleaner.inputs import ReadLog, ReadOptions

ARTICLE = ("Banjir Surut di Jakarta Timur\n\nBanjir yang merendam Jakarta Timur sejak Sabtu mulai "
           "surut pada Senin pagi. Warga kembali ke rumah dan membersihkan lumpur yang tertinggal "
           "di dalam rumah mereka.\n\nPetugas kebersihan dikerahkan untuk membantu warga, kata "
           "camat setempat kepada wartawan.\n")


def _write(folder, names):
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")


def _run(tmp_path, *args):
    out = tmp_path / "out.jsonl"
    stats = tmp_path / "stats.json"
    assert main(["clean", *map(str, args), "-o", str(out), "-q", "--stats", str(stats)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return records, json.loads(stats.read_text(encoding="utf-8"))


# -- 1, 2: hidden folders and files ----------------------------------------------------------

def test_files_in_a_hidden_folder_are_counted_by_their_folder(tmp_path):
    folder = tmp_path / "dump"
    _write(folder, ["site/a.txt", "site/.arsip/c.txt", "site/.arsip/deeper/d.txt",
                    "site/.arsip/notes.md", ".git/objects/x"])
    log = ReadLog()
    listed = [record_id for _, record_id in folder_files(folder, ReadOptions(), log)]
    assert listed == ["site/a"]
    hidden = os.path.join(str(folder), "site", ".arsip")
    # (named, not counted: counting walked a .git's 51,200 files on every run)
    assert log.skipped_records == {
        f"{hidden}: a hidden folder, not read (--hidden reads it)": 1,
        f"{folder / '.git'}: a hidden folder, not read (--hidden reads it)": 1}
    assert hidden_folder_reason(hidden) in log.skipped_records
    assert log.skipped == 0


def test_a_hidden_file_that_a_glob_takes_has_its_own_reason(tmp_path):
    folder = tmp_path / "dump"
    _write(folder, ["a.txt", ".b.txt", ".DS_Store", "notes.md"])
    log = ReadLog()
    assert [i for _, i in folder_files(folder, ReadOptions(), log)] == ["a"]
    assert log.skipped_records == {HIDDEN_FILES: 1}
    assert log.skipped == 2             # .DS_Store and notes.md: no glob takes them


def test_hidden_reads_hidden_files_and_folders(tmp_path):
    folder = tmp_path / "dump"
    _write(folder, ["a.txt", ".b.txt", ".arsip/c.txt"])
    log = ReadLog()
    listed = [i for _, i in folder_files(folder, ReadOptions(hidden=True), log)]
    assert listed == [".b", "a", ".arsip/c"] and not log.skipped_records


def test_the_command_names_hidden_files_and_folders_in_its_stats(tmp_path):
    folder = tmp_path / "hidden"
    _write(folder, ["kompas.com/a.txt", "kompas.com/.b.txt", "kompas.com/.arsip/c.txt"])
    records, stats = _run(tmp_path, folder)
    assert len(records) == 1 and stats["skipped_files"] == 0
    assert stats["skipped_records"] == {
        HIDDEN_FILES: 1,
        f"{folder / 'kompas.com' / '.arsip'}: a hidden folder, not read (--hidden reads it)": 1}
    records, stats = _run(tmp_path, folder, "--hidden")
    assert sorted(r["id"] for r in records) == ["kompas.com/.arsip/c", "kompas.com/.b",
                                                "kompas.com/a"]
    assert not stats["skipped_records"]


# -- 3: links to folders ---------------------------------------------------------------------

def test_a_link_to_a_folder_is_followed(tmp_path):
    _write(tmp_path, ["dump/a.txt", "elsewhere/b.txt"])
    (tmp_path / "dump" / "more").symlink_to("../elsewhere", target_is_directory=True)
    records, stats = _run(tmp_path, tmp_path / "dump")
    assert sorted(r["id"] for r in records) == ["a", "more/b"]
    assert not stats["skipped_records"]


def test_a_loop_of_links_reads_each_folder_once(tmp_path):
    _write(tmp_path, ["dump/a.txt", "dump/sub/b.txt"])
    (tmp_path / "dump" / "sub" / "up").symlink_to("..", target_is_directory=True)
    (tmp_path / "dump" / "again").symlink_to("sub", target_is_directory=True)
    log = ReadLog()
    listed = [i for _, i in folder_files(tmp_path / "dump", ReadOptions(), log)]
    assert listed == ["a", "sub/b"]
    again, up = (os.path.join(str(tmp_path / "dump"), name) for name in ("again", "sub/up"))
    assert log.skipped_records == {
        f"{again}: a link to a folder read under another name ({tmp_path / 'dump' / 'sub'})": 1,
        f"{up}: a link to a folder read under another name ({tmp_path / 'dump'})": 1}


def test_a_link_to_a_folder_named_as_an_input_too_reads_its_files_once(tmp_path):
    _write(tmp_path, ["dump/a.txt", "elsewhere/b.txt"])
    (tmp_path / "dump" / "more").symlink_to("../elsewhere", target_is_directory=True)
    records, stats = _run(tmp_path, tmp_path / "elsewhere", tmp_path / "dump")
    assert sorted(r["text"] != "" for r in records) == [True, True]
    assert len(records) == 2 and stats["skipped_duplicate_files"] == 1


def test_a_hidden_folder_read_through_a_plain_link_is_read_and_not_said(tmp_path):
    _write(tmp_path, ["dump/a.txt", "dump/.arsip/b.txt"])
    (tmp_path / "dump" / "arsip").symlink_to(".arsip", target_is_directory=True)
    log = ReadLog()
    listed = [i for _, i in folder_files(tmp_path / "dump", ReadOptions(), log)]
    assert listed == ["a", "arsip/b"]      # (named without a dot, by its link: read)
    assert not log.skipped_records         # (--hidden would read nothing more)


def test_a_hidden_link_to_a_folder_read_anyway_is_not_said(tmp_path):
    _write(tmp_path, ["dump/a.txt", "dump/sub/b.txt"])
    (tmp_path / "dump" / ".self").symlink_to(".", target_is_directory=True)
    (tmp_path / "dump" / ".sub").symlink_to("sub", target_is_directory=True)
    log = ReadLog()
    assert [i for _, i in folder_files(tmp_path / "dump", ReadOptions(), log)] == ["a", "sub/b"]
    assert not log.skipped_records


def test_a_hidden_link_elsewhere_is_named_and_never_walked(tmp_path, monkeypatch):
    _write(tmp_path, ["dump/a.txt"])
    (tmp_path / "dump" / ".root").symlink_to("/", target_is_directory=True)
    walked = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": walked.append(str(path)) or real(path))
    log = ReadLog()
    assert [i for _, i in folder_files(tmp_path / "dump", ReadOptions(), log)] == ["a"]
    assert log.skipped_records == {hidden_folder_reason(str(tmp_path / "dump" / ".root")): 1}
    # (at most one listing of it, a glance, and nothing below it)
    assert not [p for p in walked if p.startswith(str(tmp_path / "dump" / ".root") + os.sep)]


def test_a_hidden_folder_of_an_earlier_runs_output_is_not_said(tmp_path):
    _write(tmp_path, ["dump/a.txt"])
    records, stats = _run(tmp_path, tmp_path / "dump")
    out = tmp_path / "dump" / ".out"
    out.mkdir()
    assert main(["clean", str(tmp_path / "dump"), "-o", str(out / "clean.jsonl"), "-q"]) == 0
    assert main(["clean", str(tmp_path / "dump"), "-o", str(out / "clean.jsonl"), "-q"]) == 0
    log = ReadLog()
    assert [i for _, i in folder_files(tmp_path / "dump", ReadOptions(), log)] == ["a"]
    assert not log.skipped_records
    shards = tmp_path / "dump" / ".shards"
    assert main(["clean", str(tmp_path / "dump"), "-o", str(shards), "--shard-size", "5",
                 "-q"]) == 0
    log = ReadLog()
    assert [i for _, i in folder_files(tmp_path / "dump", ReadOptions(), log)] == ["a"]
    assert not log.skipped_records


# -- 4: a folder named as a site pack's domain gives no site (--site does) --------------------

@pytest.mark.parametrize("folder", ["kumparan.com", "www.kumparan.com"])
def test_a_folder_named_as_a_site_gives_its_files_no_site(tmp_path, folder):
    _write(tmp_path / "dump", [f"{folder}/2024/01/a.txt"])
    records, _ = _run(tmp_path, tmp_path / "dump")
    assert [(r["meta"]["site"], "site" in r) for r in records] == [(None, False)]
