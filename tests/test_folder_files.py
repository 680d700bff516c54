"""Listing a folder's inputs: the files, order, record ids and skips pathlib would give."""

from __future__ import annotations

import json
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.folders import folder_files, stem_of
from cleaner.inputs import ReadLog, ReadOptions


@given(st.text(st.sampled_from("ab.~ "), min_size=1, max_size=8))
def test_stem_of_a_name_is_what_pathlib_calls_its_stem(name):
    if name in (".", ".."):
        return
    assert stem_of(name) == PurePath(name).stem


def _as_pathlib_would(folder: Path, globs: tuple[str, ...]) -> tuple[list, list]:
    """The listing as the reader made it with pathlib before (Path.match, relative_to), with a
    suffix in any case, as reading a named file takes it."""
    import os

    taken, skipped = [], []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            # (the globs here have no letter before their suffix: the name in lower case
            # stands for its suffix in lower case)
            matched = any(Path(root, name.lower()).match(g) for g in globs)
            if name.startswith(".") and matched:
                continue        # a hidden file a glob takes: counted apart (folders.HIDDEN_FILES)
            if not matched:
                skipped.append(str(path))
            else:
                relative = path.relative_to(folder)
                if relative.suffix.lower() in (".gz", ".zst", ".zstd"):   # "page.html.gz": "page"
                    relative = relative.with_suffix("")
                taken.append((str(path), str(relative.with_suffix(""))))
    return taken, skipped


def _tree(tmp_path: Path) -> Path:
    folder = tmp_path / "dump"
    for name in ("b.txt", "a.TXT", "c.jsonl", "x.y.txt", "notes.md", ".hidden.txt", "2022/01/z.txt",
                 "2022/01/page.html", "2022/a.txt", ".cache/skip.txt", "2021/q.jsonl.gz"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("isi")
    return folder


def test_a_folder_lists_as_pathlib_would_list_it(tmp_path):
    folder = _tree(tmp_path)
    for globs in (ReadOptions().glob, ("*.txt",), ("2022/*.txt", "*.jsonl")):
        log = ReadLog()
        listed = list(folder_files(folder, ReadOptions(glob=globs), log))
        taken, skipped = _as_pathlib_would(folder, globs)
        assert (listed, log.skipped) == (taken, len(skipped))


def test_ids_are_paths_below_the_folder_without_the_suffix(tmp_path):
    folder = _tree(tmp_path)
    ids = [record_id for _, record_id in folder_files(folder, ReadOptions(), ReadLog())]
    assert ids == ["a", "b", "c", "x.y", "2021/q", "2022/a", "2022/01/page", "2022/01/z"]


def test_files_whose_names_differ_only_in_suffix_get_their_whole_names_as_ids(tmp_path):
    folder = tmp_path / "dump"
    (folder / "2022").mkdir(parents=True)
    for name in ("story.html", "story.html.gz", "a.txt", "a.html", "b.txt", "2022/a.txt"):
        (folder / name).write_bytes(b"x")
    ids = [record_id for _, record_id in folder_files(folder, ReadOptions(), ReadLog())]
    assert ids == ["a.html", "a.txt", "b", "story.html", "story.html.gz", "2022/a"]
    # A whole name taken as an id is one a stem could clash with too.
    (folder / "2022" / "a.txt.html").write_bytes(b"x")
    (folder / "2022" / "a.html").write_bytes(b"x")
    ids = [record_id for _, record_id in folder_files(folder, ReadOptions(), ReadLog())]
    assert ids[-3:] == ["2022/a.html", "2022/a.txt", "2022/a.txt.html"]
    assert len(set(ids)) == len(ids)


def test_records_without_an_id_in_files_named_alike_in_subfolders_get_distinct_ids(tmp_path):
    """A dump's export folders each hold a "part.jsonl": named by the file's name alone, their
    records would share ids. Top-level and named files keep their name alone."""
    from cleaner.cli import main

    folder = tmp_path / "dump"
    for name in ("2019/part.jsonl", "2020/part.jsonl", "2020/part.parquet.jsonl", "top.jsonl"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text('{"text": "Isi berita satu."}\n{"text": "Isi berita dua."}\n'
                                   '{"id": "kept", "text": "Isi berita tiga."}\n')
    ids = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        assert main(["clean", str(folder), "-o", str(out), "-q", "--workers", workers]) == 0
        ids[workers] = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids["1"] == ids["2"] == [
        "top.jsonl:1", "top.jsonl:2", "kept",
        "2019/part.jsonl:1", "2019/part.jsonl:2", "kept",
        "2020/part.jsonl:1", "2020/part.jsonl:2", "kept",
        "2020/part.parquet.jsonl:1", "2020/part.parquet.jsonl:2", "kept"]
    named = tmp_path / "named.jsonl"
    assert main(["clean", str(folder / "2019" / "part.jsonl"), "-o", str(named), "-q"]) == 0
    assert json.loads(named.read_text().splitlines()[0])["id"] == "part.jsonl:1"


def test_the_runs_own_outputs_and_their_temporary_files_are_not_listed(tmp_path):
    import os

    folder = _tree(tmp_path)
    for name in ("out.jsonl", "out.jsonl.tmp-123", "out.jsonl.tmp", "out.jsonl.tmpx.jsonl",
                 "shards/part-00000.jsonl", "2022/shards/x.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("isi")
    exclude = frozenset(os.path.abspath(folder / name) for name in ("out.jsonl", "shards"))
    log = ReadLog()
    listed = [path for path, _ in folder_files(folder, ReadOptions(exclude=exclude), log)]
    names = [os.path.relpath(path, folder) for path in listed]
    assert "out.jsonl" not in names and "shards/part-00000.jsonl" not in names
    assert "out.jsonl.tmpx.jsonl" in names and "2022/shards/x.txt" in names
    assert log.skipped == 1      # notes.md (.hidden.txt apart): the outputs are not "skipped"


def test_documents_of_a_folder_name_their_source_as_pathlib_writes_its_path(tmp_path,
                                                                            monkeypatch):
    from dataclasses import replace

    from cleaner.readers import iter_inputs

    _tree(tmp_path)
    monkeypatch.chdir(tmp_path / "dump")
    for options in (ReadOptions(glob=("*.txt", "*.html")),
                    replace(ReadOptions(glob=("*.txt", "*.html")), defer_parse=True)):
        for top in (".", "2022", str(tmp_path / "dump")):
            sources = [item.source for item in iter_inputs([top], options)]
            expected = [str(Path(path)) for path, _ in folder_files(Path(top), options,
                                                                    ReadLog())]
            assert sources == expected and sources
            assert not any(source.startswith("./") for source in sources)


def test_a_file_is_read_whole_or_refused_with_the_reason(tmp_path):
    import os
    import threading

    from cleaner.document_files import _read_capped
    from cleaner.inputs import Reject

    def read(path, limit=1 << 30):
        return _read_capped(str(path), limit, lambda size: size)

    big = os.urandom(3 << 20)                        # more than one read after the first
    for data in (b"", b"x", b"kata " * 1000, big):
        (tmp_path / "a.txt").write_bytes(data)
        assert read(tmp_path / "a.txt") == data
    assert read(tmp_path / "a.txt", limit=100) == Reject(str(tmp_path / "a.txt"), None,
                                                          f"{len(big)} bytes")
    (tmp_path / "folder.txt").mkdir()
    refused = read(tmp_path / "folder.txt")
    assert isinstance(refused, Reject) and refused.reason == "cannot read: Is a directory"
    assert read(tmp_path / "none.txt").reason == "cannot read: No such file or directory"
    fifo = tmp_path / "pipe.txt"                     # no size to go by: read to its end
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"dari pipa " * 20000))
    writer.start()
    assert read(fifo) == b"dari pipa " * 20000
    writer.join()


def test_a_named_pipe_in_a_folder_is_a_reject_in_its_place_and_never_opened(tmp_path):
    import os

    from cleaner.folders import folder_entries
    from cleaner.inputs import Reject

    folder = _tree(tmp_path)
    os.mkfifo(folder / "2022" / "p.jsonl")        # opening it would wait for a writer forever
    os.mkfifo(folder / "pipe.md")                 # a name no glob takes: skipped, as any file
    log = ReadLog()
    entries = list(folder_entries(folder, ReadOptions(), log))
    [reject] = [entry for entry in entries if isinstance(entry, Reject)]
    assert reject.source == str(folder / "2022" / "p.jsonl") and reject.line is None
    assert reject.reason.startswith("not a regular file (a named pipe)")
    files = [entry for entry in entries if not isinstance(entry, Reject)]
    assert entries.index(reject) == files.index((str(folder / "2022" / "a.txt"), "2022/a")) + 1
    assert files == list(folder_files(folder, ReadOptions(), ReadLog()))
    assert log.skipped == 2                       # notes.md, pipe.md (.hidden.txt apart)


def test_a_folder_that_cannot_be_listed_is_a_reject_naming_it(tmp_path, monkeypatch):
    import os

    from cleaner import folders
    from cleaner.inputs import Reject

    folder = _tree(tmp_path)
    scandir = os.scandir

    def denied(path):
        if str(path) in (str(folder / "2022"), str(tmp_path / "locked")):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    # (root reads a folder of mode 000, so the error is made here; the real one follows)
    monkeypatch.setattr(folders.os, "scandir", denied)
    entries = list(folders.folder_entries(folder, ReadOptions(), ReadLog()))
    assert Reject(str(folder / "2022"), None, "cannot read folder: Permission denied") in entries
    assert [path for path, _ in entries[:-1]] == [str(folder / n) for n in ("a.TXT", "b.txt",
                                                                             "c.jsonl", "x.y.txt",
                                                                             "2021/q.jsonl.gz")]
    (tmp_path / "locked").mkdir()
    assert list(folders.folder_entries(tmp_path / "locked", ReadOptions(), ReadLog())) == [
        Reject(str(tmp_path / "locked"), None, "cannot read folder: Permission denied")]
    log = ReadLog()                               # where Rejects cannot go: named in the summary
    assert list(folders.folder_files(tmp_path / "locked", ReadOptions(), log)) == []
    assert log.skipped_records == {f"{tmp_path / 'locked'}: cannot read folder: "
                                   "Permission denied": 1}


def test_a_folder_of_mode_000_is_a_reject_naming_it(tmp_path):
    import os

    import pytest

    from cleaner.folders import folder_entries
    from cleaner.inputs import Reject

    if os.geteuid() == 0:
        pytest.skip("root reads a folder of mode 000")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("isi")
    locked.chmod(0)
    try:
        assert list(folder_entries(tmp_path, ReadOptions(), ReadLog())) == [
            Reject(str(locked), None, "cannot read folder: Permission denied")]
    finally:
        locked.chmod(0o755)


def test_a_run_over_a_folder_with_named_pipes_ends_and_names_them(tmp_path):
    import os
    import subprocess
    import sys

    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "a.txt").write_text("Warga desa bergotong royong membersihkan saluran air.")
    for name in ("p.txt", "p.jsonl"):
        os.mkfifo(folder / name)
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "dump", "-o", "o.jsonl"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 1
    for name in ("p.txt", "p.jsonl"):
        assert f"dump/{name}: not a regular file (a named pipe)" in done.stderr
    rejects = [json.loads(line) for line in (tmp_path / "o.jsonl.rejects.jsonl").read_text()
               .splitlines()]
    assert sorted(r["source"] for r in rejects) == ["dump/p.jsonl", "dump/p.txt"]


def test_a_named_pipe_given_as_an_input_is_still_read(tmp_path):
    import os
    import subprocess
    import sys
    import threading

    fifo = tmp_path / "dump.jsonl"
    os.mkfifo(fifo)
    line = b'{"id": "1", "text": "Warga desa bergotong royong membersihkan saluran air."}\n'
    writer = threading.Thread(target=lambda: fifo.write_bytes(line * 3))
    writer.start()
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(fifo), "-o", "o.jsonl",
                           "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    writer.join()
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 3


@pytest.mark.parametrize("payload, records", [
    # `<(zcat dump.jsonl.gz)` names /dev/fd/63: no suffix, so the first bytes tell the kind.
    (b'{"id": "1", "text": "Warga desa bergotong royong membersihkan saluran air."}\n' * 3, 3),
    (b'[{"id": "a", "text": "Isi berita satu."}, {"id": "b", "text": "Isi berita dua."}]', 2),
    (b"Warga desa bergotong royong membersihkan saluran air.\n", 1),
])
def test_a_pipe_with_no_suffix_is_read_by_its_first_bytes(tmp_path, payload, records):
    import os
    import subprocess
    import sys
    import threading

    fifo = tmp_path / "63"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(payload))
    writer.start()
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(fifo), "-o", "o.jsonl",
                           "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    writer.join()
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == records


def test_a_file_reached_by_several_names_in_a_folder_is_read_once(tmp_path):
    import os

    folder, outside = tmp_path / "dump", tmp_path / "elsewhere"
    (folder / "sub").mkdir(parents=True)
    outside.mkdir()
    (folder / "a.txt").write_text("Isi berita a.")
    (outside / "o.txt").write_text("Isi berita dari luar.")
    os.symlink("a.txt", folder / "0link.txt")             # met before the file it names
    os.symlink("../a.txt", folder / "sub" / "z.txt")      # met after
    os.link(folder / "a.txt", folder / "hard.txt")         # the same file, a second entry
    os.symlink(outside / "o.txt", folder / "outside.txt")  # a file the walk does not hold
    log = ReadLog()
    listed = [record_id for _, record_id in folder_files(folder, ReadOptions(), log)]
    assert listed == ["0link", "outside"]
    assert log.duplicate_files == {"another name (a link) of a file already read": 3}


def test_records_of_inputs_named_alike_get_distinct_ids_and_ray_names_them_so(tmp_path):
    from cleaner.cli import main
    from cleaner.ray_executor import _file_list
    from cleaner.readers import iter_inputs

    for name in ("a/part.jsonl", "b/part.jsonl", "c/part.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text('{"text": "Isi berita."}\n')
    (tmp_path / "a" / "note.txt.gz").write_bytes(__import__("gzip").compress(b"Isi catatan."))
    inputs = [str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "c" / "part.jsonl")]
    out = tmp_path / "out.jsonl"
    assert main(["clean", *inputs, "-o", str(out), "-q", "--workers", "2"]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [f"{inputs[0]}/note", f"{inputs[0]}/part.jsonl:1", f"{inputs[1]}/part.jsonl:1",
                   "part.jsonl:1"]
    # Ray reads each file itself, by the record id the file list gives it: the same names.
    listed = {row["name"]: row["record_id"] for row in _file_list(inputs, ReadOptions(), ReadLog())}
    assert listed[f"{inputs[0]}/note.txt.gz"] == f"{inputs[0]}/note"
    assert listed[inputs[2]] == "part"
    named = [str(tmp_path / "a" / "part.jsonl"), str(tmp_path / "b" / "part.jsonl")]
    assert [item.fields.get("id") or f"{item.id_name}:{item.line}"
            for item in iter_inputs(named, ReadOptions())] == \
        [f"{tmp_path}/a/part.jsonl:1", f"{tmp_path}/b/part.jsonl:1"]


def test_warc_records_in_files_named_alike_in_subfolders_get_distinct_ids(tmp_path):
    """Two crawls' "data.warc.gz" in their month's folders: their records were both named
    `data.warc.gz:1`, as a JSONL's were before they took their path."""
    import gzip

    from cleaner.cli import main
    from test_warc_streams import page, record

    folder = tmp_path / "crawl"
    for month in ("2019-11", "2019-12"):
        (folder / month).mkdir(parents=True)
        (folder / month / "data.warc.gz").write_bytes(b"".join(
            gzip.compress(record(f"https://n.id/{month}/{n}", page(f"Judul {n}")))
            for n in range(2)))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "-q", "--workers", "1"]) == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [
        "2019-11/data.warc.gz:1", "2019-11/data.warc.gz:2",
        "2019-12/data.warc.gz:1", "2019-12/data.warc.gz:2"]
