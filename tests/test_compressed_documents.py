"""One-document files compressed (.txt.gz, .html.zst, ...) read as the files they hold; damaged or
oversized ones refused with the reason, and the run goes on."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
import zstandard

from cleaner.cli import main
from cleaner.inputs import Item, ReadOptions, Reject
from cleaner.readers import iter_inputs
from conftest import ROOT

ARTICLE = next((ROOT / "fixtures" / "tribunnews.com").glob("*.txt")).read_bytes()
PAGE = next((ROOT / "fixtures" / "kabarislamia.com").glob("*.html")).read_bytes()


def _dump(folder: Path) -> Path:
    """The same article and page, plain and compressed, under names that say what they hold."""
    folder.mkdir()
    (folder / "plain.txt").write_bytes(ARTICLE)
    (folder / "gz.txt.gz").write_bytes(gzip.compress(ARTICLE))
    (folder / "zst.txt.zst").write_bytes(zstandard.ZstdCompressor().compress(ARTICLE))
    (folder / "page.html").write_bytes(PAGE)
    (folder / "page-gz.html.gz").write_bytes(gzip.compress(PAGE))
    (folder / "page-zst.htm.zst").write_bytes(zstandard.ZstdCompressor().compress(PAGE))
    return folder


@pytest.mark.parametrize("deferred", [False, True], ids=["read-here", "read-in-worker"])
def test_a_compressed_file_is_the_document_it_holds(tmp_path, deferred):
    options = replace(ReadOptions(), defer_parse=deferred)
    items = [item.parsed() if hasattr(item, "parsed") else item
             for item in iter_inputs([str(_dump(tmp_path / "dump"))], options)]
    by_id = {item.fields["id"]: item for item in items}
    assert sorted(by_id) == ["gz", "page", "page-gz", "page-zst", "plain", "zst"]
    assert all(isinstance(item, Item) for item in items)
    for name in ("gz", "zst"):
        assert by_id[name].text == by_id["plain"].text and by_id[name].kind == "text"
    for name in ("page-gz", "page-zst"):
        assert by_id[name].text == by_id["page"].text and by_id[name].kind == "html"


def test_a_folder_of_compressed_documents_cleans_as_the_plain_files_do(tmp_path):
    dump = _dump(tmp_path / "dump")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--workers", "1"]) == 0
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert len(records) == 6
    for copy, plain in (("gz", "plain"), ("zst", "plain"), ("page-gz", "page"),
                        ("page-zst", "page")):
        assert {**records[copy], "id": ""} == {**records[plain], "id": ""}


def test_damaged_or_oversized_compressed_files_are_refused_and_the_rest_read(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    whole = gzip.compress(ARTICLE)
    (folder / "cut.txt.gz").write_bytes(whole[:len(whole) // 2])
    (folder / "garbled.txt.gz").write_bytes(whole[:10] + b"\xff" * 40 + whole[50:])
    (folder / "not-zstd.txt.zst").write_bytes(b"plain text in a .zst name")
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 10_000_000))
    (folder / "good.txt.gz").write_bytes(whole)
    options = replace(ReadOptions(), max_record_bytes=1_000_000)
    found = {Path(item.source).name: item for item in iter_inputs([str(folder)], options)}
    assert isinstance(found["good.txt.gz"], Item)
    # (misnamed, not damaged: read as what it holds, as a .jsonl.gz that is not gzip is)
    assert found["not-zstd.txt.zst"].text == "plain text in a .zst name"
    reasons = {name: item.reason for name, item in found.items() if isinstance(item, Reject)}
    assert set(reasons) == {"cut.txt.gz", "garbled.txt.gz", "bomb.txt.gz"}
    assert reasons["cut.txt.gz"].startswith("cannot decompress")
    assert reasons["garbled.txt.gz"].startswith("cannot decompress")
    assert reasons["bomb.txt.gz"] == ("file of over 1000000 bytes once decompressed is larger "
                                      "than 1000000; raise --max-record-bytes")


def test_a_compressed_file_of_another_kind_is_refused_not_read_as_an_article(tmp_path):
    for name in ("table.csv.gz", "notes.md.zst", "archive.gz"):
        (tmp_path / name).write_bytes(gzip.compress(b"Isi berita, tetapi bukan artikel."))
        found = list(iter_inputs([str(tmp_path / name)]))
        assert len(found) == 1 and isinstance(found[0], Reject)
        assert found[0].reason.startswith("a compressed file of a kind not read")



def test_compressions_not_read_or_written_are_refused_with_the_way_to_read_them(tmp_path, capsys):
    import bz2
    import lzma

    lines = b'{"id": "a", "text": "Isi berita."}\n'
    (tmp_path / "d.jsonl.bz2").write_bytes(bz2.compress(lines))
    (tmp_path / "d.jsonl.xz").write_bytes(lzma.compress(lines))
    (tmp_path / "d.jsonl").write_bytes(lines)
    items = list(iter_inputs([str(tmp_path / "d.jsonl.bz2"), str(tmp_path / "d.jsonl.xz"),
                              str(tmp_path / "d.jsonl")], ReadOptions()))
    assert [type(item).__name__ for item in items] == ["Reject", "Reject", "Item"]
    assert items[0].reason == ("a .bz2 file is not read; unpack it to standard input: "
                               "bzcat FILE | cleaner clean - ...")
    assert "xzcat FILE" in items[1].reason
    # Written, it would be plain JSON lines under a name that says bzip2.
    out = tmp_path / "out.jsonl.bz2"
    assert main(["clean", str(tmp_path / "d.jsonl"), "-o", str(out), "-q"]) == 2
    assert ".bz2 output is not written" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("deferred", [False, True], ids=["read-here", "read-in-worker"])
@pytest.mark.parametrize("name", ["page.html.gz", "page.html.zst", "article.txt.gz"])
def test_a_document_named_compressed_that_is_not_is_read_as_it_is(tmp_path, name, deferred):
    """A server's page saved as page.html.gz, not compressed: it was refused as "cannot
    decompress: corrupt gzip member starting at byte 0", where a .jsonl.gz so named is read."""
    data = PAGE if name.startswith("page") else ARTICLE
    path = tmp_path / name
    path.write_bytes(data)
    plain = tmp_path / name.rsplit(".", 1)[0]
    plain.write_bytes(data)
    options = replace(ReadOptions(), defer_parse=deferred)
    [misnamed], [right] = (
        [item.parsed() if hasattr(item, "parsed") else item
         for item in iter_inputs([str(source)], options)] for source in (path, plain))
    assert isinstance(misnamed, Item) and misnamed.text == right.text and misnamed.kind == right.kind
