"""Batches of files that travel by name (TextFile) weigh what their worker will clean: a .gz or
.zst file's decompressed size (from its gzip trailer or zstd frame header), not its size on disk,
and a web page's bytes more than an article's (batches.HTML_WEIGHT).

The acceptance run that found it: 120 benchmark `.html.gz` pages are 4.2 MB on disk and 20.8 MB
of HTML, so they went as one or two batches; a run with --shard-size 5 wrote no shard for 18 s,
then 24 at once, its bar stood at 0 B, and a kill -9 meanwhile left nothing to resume.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
import zstandard

from cleaner import run as run_module
from cleaner.batches import BATCH_BYTES, HTML_WEIGHT, batch_bytes, batched, item_bytes
from cleaner.cli import main
from cleaner.document_files import TextFile, decompressed_size
from cleaner.inputs import ReadOptions
from cleaner.readers import iter_inputs
from cleaner.shards import ShardedOutput
from conftest import ROOT

PAGE = ROOT / "fixtures" / "sciencealert.com" / "359fee2285.html"
PAGES = 30
# A comment that compresses to almost nothing: each page is ~30 KB on disk, ~330 KB of HTML.
PADDING = b"<!-- " + b"lorem ipsum dolor sit amet " * 11_000 + b"-->"


def padded_page(number: int) -> bytes:
    """The fixture page, told apart by a number, with a comment that compresses away."""
    html = PAGE.read_bytes()
    return html.replace(b"</body>", PADDING + f"<!-- page {number} -->".encode() + b"</body>", 1)


@pytest.fixture(scope="module")
def page_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gzpages")
    for number in range(PAGES):
        (folder / f"page{number:02d}.html.gz").write_bytes(gzip.compress(padded_page(number)))
    return folder


def named(folder) -> list:
    """The folder's items as a parallel run lists them: files by name (TextFile)."""
    return list(iter_inputs([str(folder)], replace(ReadOptions(), defer_parse=True)))


def test_pages_small_on_disk_and_large_as_html_split_into_more_batches(page_folder):
    items = named(page_folder)
    assert all(isinstance(item, TextFile) for item in items)
    on_disk = sum(item.size for item in items)
    html = sum(len(gzip.decompress(Path(item.source).read_bytes())) for item in items)
    assert on_disk < BATCH_BYTES < html          # one batch when counted on disk
    batches = list(batched(items))
    # (a batch ends with the page that takes it to BATCH_BYTES: it weighs less than that and
    # one page more)
    largest = HTML_WEIGHT * max(len(padded_page(number)) for number in range(PAGES))
    assert len(batches) >= HTML_WEIGHT * html // (BATCH_BYTES + largest) > 1
    for batch in batches:
        # Each batch stops once its pages weigh BATCH_BYTES: without its last page, under that.
        before_last = sum(len(gzip.decompress(Path(item.source).read_bytes()))
                          for item in batch[:-1])
        assert HTML_WEIGHT * before_last < BATCH_BYTES
    assert [item.source for batch in batches for item in batch] == \
        [item.source for item in items]           # in order, none lost


def test_a_batch_weighs_what_its_worker_cleans_weighed_once(page_folder):
    [batch, *_] = batched(named(page_folder))
    first = batch[0]
    size = len(gzip.decompress(Path(first.source).read_bytes()))
    assert item_bytes(first) == HTML_WEIGHT * size
    # (the weight travels with the item: the pool and the worker's heap trim do not read again)
    os.rename(first.source, first.source + ".gone")
    try:
        assert item_bytes(first) == HTML_WEIGHT * size
        assert batch_bytes(batch) == sum(map(item_bytes, batch))
    finally:
        os.rename(first.source + ".gone", first.source)


def test_a_text_article_weighs_its_size_a_page_more(tmp_path):
    text = ("Berita tentang banjir di kota. " * 2000).encode()
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(text))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<p>" + text + b"</p>"))
    article, page = batched(named(tmp_path)).__next__()
    assert item_bytes(article) == len(text)
    assert item_bytes(page) == HTML_WEIGHT * (len(text) + 7)


def test_uncompressed_files_weigh_their_size_on_disk(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Isi berita. " * 100)
    (tmp_path / "b.html").write_bytes(b"<p>" + b"Isi berita. " * 100 + b"</p>")
    article, page = batched(named(tmp_path)).__next__()
    assert item_bytes(article) == 1200
    assert item_bytes(page) == HTML_WEIGHT * 1207


def test_a_page_read_in_this_process_weighs_more_than_an_article_too():
    from cleaner.inputs import Item, Reject

    assert item_bytes(Item("a.html", None, "<p>x</p>", {}, 1000, kind="html")) == \
        HTML_WEIGHT * 1000
    assert item_bytes(Item("a.txt", None, "x", {}, 1000)) == 1000
    assert item_bytes(Reject("a.txt", None, "empty document")) == 0


# -- decompressed_size: any file, never raises ----------------------------------------------------

LIMIT = 1 << 20


def size_of(path: Path) -> int:
    return decompressed_size(str(path), path.stat().st_size, LIMIT)


def test_gzip_trailer_gives_the_decompressed_size(tmp_path):
    path = tmp_path / "a.html.GZ"
    path.write_bytes(gzip.compress(b"x" * 100_000))
    assert size_of(path) == 100_000


def test_a_multi_member_gzip_counts_at_least_its_last_member_and_its_size(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 50_000) + gzip.compress(b"b" * 30_000))
    assert size_of(path) == 30_000          # the last member's: a lower bound
    small_last = tmp_path / "b.txt.gz"
    small_last.write_bytes(gzip.compress(os.urandom(20_000)) + gzip.compress(b"b"))
    assert size_of(small_last) == small_last.stat().st_size     # never below the file's size


def test_the_size_is_capped_where_the_worker_stops_reading(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"x" * (LIMIT + 5000)))
    assert size_of(path) == LIMIT + 1


@pytest.mark.parametrize("data", [b"", b"\x1f", b"\x1f\x8b\x08", gzip.compress(b"")[:19],
                                  b"\x28\xb5\x2f\xfd", b"\x28\xb5\x2f\xfd\xff\xff\xff\xff",
                                  b"\x28\xb5\x2f\xfd\x00", b"not zstd at all, but long enough"])
def test_a_short_file_or_a_zstd_header_that_says_nothing_weighs_its_size_on_disk(tmp_path, data):
    for name in ("a.html.gz", "a.txt.zst"):
        path = tmp_path / name
        path.write_bytes(data)
        if name.endswith(".zst") or len(data) < 20:
            assert size_of(path) == len(data)


@pytest.mark.parametrize("make", [
    lambda: gzip.compress(os.urandom(3000))[:-1], lambda: gzip.compress(os.urandom(3000))[:-7],
    lambda: os.urandom(5000), lambda: b"\xff" * 5000, lambda: b"\x00" * 5000])
def test_a_file_cut_off_or_not_gzip_weighs_what_its_last_bytes_say_within_bounds(tmp_path, make):
    # (its last 4 bytes are not a trailer, which only decompressing it would tell: the worker
    # reads no more than the limit and one byte of it, and refuses it)
    path = tmp_path / "a.html.gz"
    path.write_bytes(make())
    assert path.stat().st_size <= size_of(path) <= LIMIT + 1


def test_a_file_that_shrank_since_it_was_listed_weighs_the_size_it_was_listed_with(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(b"\x1f\x8b" * 10)
    assert decompressed_size(str(path), 5000, LIMIT) == 5000


def test_a_file_gone_or_unreadable_weighs_the_size_it_was_listed_with(tmp_path):
    assert decompressed_size(str(tmp_path / "gone.html.gz"), 1234, LIMIT) == 1234
    assert decompressed_size(str(tmp_path), 77, LIMIT) == 77          # a folder named .gz
    folder = tmp_path / "dir.html.gz"
    folder.mkdir()
    assert decompressed_size(str(folder), 77, LIMIT) == 77


def test_zstd_frame_header_gives_the_content_size_when_it_holds_one(tmp_path):
    path = tmp_path / "a.html.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(b"y" * 200_000))
    assert size_of(path) == 200_000
    streamed = tmp_path / "b.txt.zstd"
    streamed.write_bytes(zstandard.ZstdCompressor(write_content_size=False)
                         .compress(b"y" * 200_000))
    assert size_of(streamed) == streamed.stat().st_size         # no size said: its own


def test_a_plain_file_weighs_its_size(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes(b"\x1f\x8b" + b"z" * 100)       # opens like gzip, named as plain
    assert size_of(path) == 102


# -- a whole run ------------------------------------------------------------------------------------


def test_a_sharded_run_of_pages_writes_shards_as_it_goes(page_folder, tmp_path, monkeypatch):
    read, results = [0], [0]
    at_checkpoints: list[tuple[int, int]] = []      # (pages read, batch results written)

    def counting(*args, **kwargs):
        for item in iter_inputs(*args, **kwargs):
            read[0] += 1
            yield item

    write, checkpoint = run_module._Job._write, ShardedOutput.checkpoint

    def writing(self, result):
        results[0] += 1
        return write(self, result)

    def noting(self, *args, **kwargs):
        at_checkpoints.append((read[0], results[0]))
        return checkpoint(self, *args, **kwargs)

    monkeypatch.setattr(run_module, "iter_inputs", counting)
    monkeypatch.setattr(run_module._Job, "_write", writing)
    monkeypatch.setattr(ShardedOutput, "checkpoint", noting)
    out = tmp_path / "out"
    assert main(["clean", str(page_folder), "-o", str(out), "--shard-size", "5",
                 "--format", "jsonl.zst", "--workers", "2", "-q"]) == 0
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["complete"] and manifest["records"] == PAGES
    assert len(manifest["shards"]) == PAGES // 5
    # Each shard is written once the batch that fills it is cleaned, while pages are still being
    # read: a kill -9 leaves shards to resume from, and the bar moves. (All the pages in one
    # batch wrote every shard at the end, at once; how far reading runs ahead is the pool's:
    # 3 batches a worker, 12 MB in flight.)
    assert at_checkpoints[0][0] < PAGES
    assert len({written for _, written in at_checkpoints}) >= PAGES // 5


def test_a_damaged_page_among_them_is_still_refused_as_before(page_folder, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(3):
        (folder / f"p{number}.html.gz").write_bytes(gzip.compress(padded_page(number)))
    (folder / "short.html.gz").write_bytes(b"\x1f\x8b")
    (folder / "cut.html.gz").write_bytes(gzip.compress(padded_page(9))[:-100])
    (folder / "cut.txt.zst").write_bytes(zstandard.ZstdCompressor().compress(b"x" * 9000)[:-5])
    out = tmp_path / "out.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "--rejects", str(rejects),
                 "--workers", "2", "-q"]) == 0
    assert len(out.read_text().splitlines()) == 3
    reasons = {Path(json.loads(line)["source"]).name: json.loads(line)["reason"]
               for line in rejects.read_text().splitlines()}
    assert set(reasons) == {"short.html.gz", "cut.html.gz", "cut.txt.zst"}
    assert all(reason.startswith("cannot decompress") for reason in reasons.values()), reasons
