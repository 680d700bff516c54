"""Folders and text files (accB defects 3, 4, 8): an earlier run's rejects file in the input
folder is not read again; a .txt article with a few stray NULs is kept (they are dropped and
recorded in `fixes`), while binary data stays refused; a folder's .bz2/.xz dumps get the hint
that naming one gives."""

from __future__ import annotations

import bz2
import io
import json
import lzma
import zipfile
import zlib

import pytest

from cleaner.cli import main
from cleaner.decode import DecodeError, decode_bytes
from cleaner.folders import folder_files
from cleaner.inputs import ReadLog, ReadOptions, Reject
from cleaner.output_sniff import RECORDS, REJECTS, written_kind
from cleaner.readers import iter_inputs

ARTICLE = ("JAKARTA - Banjir yang merendam Jakarta Timur sejak Sabtu mulai surut pada Senin "
           "pagi. Warga kembali ke rumah dan membersihkan lumpur yang tertinggal di dalam rumah "
           "mereka.\n\nPetugas kebersihan dikerahkan untuk membantu warga, kata camat setempat "
           "kepada wartawan.\n")


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _records(tmp_path, source, *options):
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q", *options]) == 0
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    return _lines(out), (_lines(rejects) if rejects.exists() else [])


# -- 3. an earlier run's rejects file in the input folder ---------------------------------------

def _rerun_folder(tmp_path):
    folder = tmp_path / "rerun"
    folder.mkdir()
    (folder / "dump.jsonl").write_text(
        '{"id": "t1", "text": "Jakarta - Banjir surut."\n'          # broken JSON: rejected
        + json.dumps({"id": "t2", "text": ARTICLE}) + "\n", encoding="utf-8")
    return folder


def test_reruns_into_the_input_folder_do_not_multiply_the_rejects(tmp_path, capsys):
    folder = _rerun_folder(tmp_path)
    counts = []
    for name in ("clean.jsonl", "clean2.jsonl", "clean3.jsonl"):
        assert main(["clean", str(folder), "-o", str(folder / name)]) == 0
        rejects = _lines(folder / f"{name}.rejects.jsonl")
        counts.append(len(rejects))
        assert {reject["source"] for reject in rejects} == {str(folder / "dump.jsonl")}
        assert [record["id"] for record in _lines(folder / name)] == ["t2"]
    assert counts == [1, 1, 1]
    said = capsys.readouterr().err
    # Reported as the cleaned files are: skipped, with why and how to read it anyway.
    assert f"{folder / 'clean.jsonl.rejects.jsonl'}: rejects a cleaner run wrote" in said
    assert "no 'text' field; its fields: source, line, reason, raw" not in said


def test_a_rejects_file_is_told_by_its_name_and_its_records(tmp_path):
    # (by its records alone, a scraper's dump opening with a reject-shaped record was passed
    # over: tests/test_rejects_shaped_dump_and_nul_pages.py) A --rejects file named as a run
    # names one is passed over; named otherwise, it is read as any dump is.
    folder = _rerun_folder(tmp_path)
    assert main(["clean", str(folder / "dump.jsonl"), "-o", str(tmp_path / "x.jsonl"),
                 "--rejects", str(folder / "refused.rejects.jsonl"), "-q"]) == 0
    assert written_kind(str(folder / "refused.rejects.jsonl")) == REJECTS
    log = ReadLog()
    assert [path for path, _ in folder_files(folder, ReadOptions(), log)] == \
        [str(folder / "dump.jsonl")]
    assert [reason for reason in log.skipped_records if "rejects a cleaner run wrote" in reason]
    (folder / "refused.rejects.jsonl").rename(folder / "refused.jsonl")
    assert written_kind(str(folder / "refused.jsonl")) == REJECTS
    assert [path for path, _ in folder_files(folder, ReadOptions(), ReadLog())] == \
        [str(folder / "dump.jsonl"), str(folder / "refused.jsonl")]


@pytest.mark.parametrize("line", [
    # a WARC's reject counts records; a whole file's has no position and no raw; an id
    {"source": "crawl.warc.gz", "record": 3, "reason": "corrupt WARC record", "raw": "WARC/1.0"},
    {"source": "a.txt", "line": None, "reason": "empty document", "raw": None},
    {"source": "rows.parquet", "line": 2, "reason": "no text", "raw": "", "id": "b"},
    # a raw line of a megabyte and more: told by its opening
    {"source": "a.jsonl", "line": 1, "reason": "record larger than 100 bytes",
     "raw": "x\u0000" * (1 << 20)}])
def test_every_shape_of_reject_is_told(tmp_path, line):
    path = tmp_path / "r.jsonl"
    path.write_bytes(json.dumps(line, separators=(",", ":")).encode() + b"\n")
    assert written_kind(str(path)) == REJECTS


@pytest.mark.parametrize("record", [
    {"source": "kompas", "line": 1, "reason": "x", "raw": "y", "text": ARTICLE},
    {"source": "kompas", "reason": "x", "raw": "y"},
    {"source": 7, "line": 1, "reason": "x", "raw": "y"},
    {"id": "1", "source": "a", "line": 1, "reason": "x", "raw": "y"}])
def test_raw_records_with_such_fields_are_still_read(tmp_path, record):
    path = tmp_path / "r.jsonl"
    path.write_bytes(json.dumps(record, separators=(",", ":")).encode() + b"\n")
    assert written_kind(str(path)) is None


def test_a_cleaned_file_is_still_told(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id":"1","text":"x","meta":{},"removed":[],"flags":[],"fixes":[]}\n')
    assert written_kind(str(path)) == RECORDS


def test_a_shard_folder_named_as_an_input_reads_its_records_not_its_rejects(tmp_path):
    folder = _rerun_folder(tmp_path)
    shards = tmp_path / "shards"
    assert main(["clean", str(folder / "dump.jsonl"), "-o", f"{shards}/", "-q"]) == 0
    assert (shards / "_rejects.jsonl").exists()
    records, rejects = _records(tmp_path, shards)
    assert [record["id"] for record in records] == ["t2"] and rejects == []


def test_a_rejects_file_named_as_an_input_is_read(tmp_path):
    folder = _rerun_folder(tmp_path)
    assert main(["clean", str(folder), "-o", str(folder / "clean.jsonl"), "-q"]) == 0
    records, rejects = _records(tmp_path, folder / "clean.jsonl.rejects.jsonl",
                                "--text-field", "raw")
    assert len(records) == 1 and rejects == []


# -- 4. NULs in a .txt article --------------------------------------------------------------------

def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (len(body).to_bytes(4, "big") + kind + body
                + zlib.crc32(kind + body).to_bytes(4, "big"))
    pixels = zlib.compress(bytes(range(256)) * 64)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes([0, 0, 0, 64, 0, 0, 0, 64, 8, 0, 0, 0, 0]))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


# A PDF opens as ASCII; its content streams, compressed, come later.
PDF = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" * 40)


def _zip() -> bytes:
    # Stored, not compressed: the archive's text is as it was, between a few headers.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("berita.txt", ARTICLE * 40)
    return buffer.getvalue()


BINARIES = {"png": _png(), "pdf": PDF, "pdf header": PDF[:60], "zip": _zip(),
            "nuls": b"\x00" * 600,
            "padded lines": b"".join(line.encode().ljust(120, b"\x00")
                                     for line in ARTICLE.splitlines())}


@pytest.mark.parametrize("encoding", ["utf-8", "auto"])
@pytest.mark.parametrize("kind", list(BINARIES))
def test_binary_data_is_still_refused(kind, encoding):
    with pytest.raises(DecodeError, match="^binary data"):
        decode_bytes(BINARIES[kind], encoding)


def test_utf16_without_a_mark_still_gets_its_hint():
    with pytest.raises(DecodeError, match=r"--encoding utf-16-le\)$"):
        decode_bytes(ARTICLE.encode("utf-16-le"))
    assert decode_bytes(ARTICLE.encode("utf-16-le"), "auto") == (ARTICLE, "utf-16-le")


STRAY = {"one NUL": ARTICLE.replace("pagi. ", "pagi.\x00 ").encode(),
         "NUL padding": ARTICLE.encode() + b"\x00" * 512,
         "NUL after 8 KiB": (ARTICLE * 40 + "Banjir surut.\x00 Warga kembali.\n").encode(),
         "NUL before 8 KiB": (ARTICLE * 40).replace("pagi. ", "pagi.\x00 ", 1).encode(),
         "a few controls": ARTICLE.replace("rumah", "rumah\x07", 2).encode()}


@pytest.mark.parametrize("kind", list(STRAY))
def test_a_text_with_a_few_stray_nuls_decodes_with_them(kind):
    text, encoding = decode_bytes(STRAY[kind], "utf-8")
    assert encoding == "utf-8" and text == STRAY[kind].decode()


@pytest.mark.parametrize("kind", list(STRAY))
def test_a_txt_article_with_stray_nuls_is_kept_without_them(tmp_path, kind):
    source = tmp_path / "berita.txt"
    source.write_bytes(STRAY[kind])
    [record], rejects = _records(tmp_path, source)
    assert rejects == []
    assert "\x00" not in record["text"] and "\x07" not in record["text"]
    assert "Warga kembali ke rumah" in record["text"]
    assert "drop_controls" in record["fixes"]


def test_a_txt_article_with_stray_nuls_is_kept_as_its_jsonl_record_is(tmp_path):
    source = tmp_path / "n1.txt"
    source.write_bytes(STRAY["one NUL"])
    [from_txt], _ = _records(tmp_path, source)
    jsonl = tmp_path / "n1.jsonl"
    jsonl.write_text(json.dumps({"id": "n1", "text": STRAY["one NUL"].decode()}) + "\n")
    [from_jsonl], _ = _records(tmp_path, jsonl)
    assert from_txt == from_jsonl


@pytest.mark.parametrize("kind", ["png", "pdf", "zip"])
def test_a_binary_file_named_txt_is_refused_whole(tmp_path, kind):
    source = tmp_path / "berita.txt"
    source.write_bytes(BINARIES[kind])
    records, [reject] = _records(tmp_path, source)
    assert records == [] and reject["line"] is None and reject["raw"] is None
    assert reject["reason"].startswith("binary data (") and reject["reason"].endswith("not text")


def test_a_text_of_stray_nuls_in_bytes_that_are_not_utf8_is_refused_as_not_utf8():
    with pytest.raises(DecodeError, match="invalid UTF-8"):
        decode_bytes(b"Berita caf\xe9 hari ini " * 20 + b"\x00")


# -- 8. a folder of .bz2 / .xz dumps --------------------------------------------------------------

def _bz2_folder(tmp_path):
    folder = tmp_path / "bz2dir"
    folder.mkdir()
    line = (json.dumps({"id": "a", "text": ARTICLE}) + "\n").encode()
    (folder / "a.jsonl.bz2").write_bytes(bz2.compress(line))
    (folder / "b.jsonl.xz").write_bytes(lzma.compress(line))
    (folder / "photos.zip").write_bytes(_zip())           # no dump's name under the suffix
    (folder / "notes.md.bz2").write_bytes(bz2.compress(b"# notes\n"))
    return folder


def test_a_folder_of_bz2_and_xz_dumps_says_how_to_read_them(tmp_path, capsys):
    folder = _bz2_folder(tmp_path)
    records, rejects = _records(tmp_path, folder)
    assert records == []
    named = {}
    for name in ("a.jsonl.bz2", "b.jsonl.xz"):
        [item] = iter_inputs([str(folder / name)])
        assert isinstance(item, Reject)
        named[str(folder / name)] = item.reason
    assert {reject["source"]: reject["reason"] for reject in rejects} == named
    assert "bzcat FILE | cleaner clean -" in named[str(folder / "a.jsonl.bz2")]
    assert "xzcat FILE | cleaner clean -" in named[str(folder / "b.jsonl.xz")]
    assert all(reject["line"] is None and reject["raw"] is None for reject in rejects)
    assert "no input documents found" not in capsys.readouterr().err


def test_a_folder_listing_counts_the_bz2_dumps_with_their_hint(tmp_path):
    folder = _bz2_folder(tmp_path)
    log = ReadLog()
    assert list(folder_files(folder, ReadOptions(), log)) == []
    assert log.skipped == 2                     # photos.zip, notes.md.bz2: not inputs at all
    assert sorted(log.skipped_records) == [
        f"{folder / 'a.jsonl.bz2'}: a .bz2 file is not read; unpack it to standard input: "
        "bzcat FILE | cleaner clean - ...",
        f"{folder / 'b.jsonl.xz'}: a .xz file is not read; unpack it to standard input: "
        "xzcat FILE | cleaner clean - ..."]


def test_a_glob_that_names_no_dump_leaves_the_bz2_files_alone(tmp_path):
    folder = _bz2_folder(tmp_path)
    (folder / "c.txt").write_text(ARTICLE, encoding="utf-8")
    records, rejects = _records(tmp_path, folder, "--glob", "*.txt")
    assert [record["id"] for record in records] == ["c"] and rejects == []
