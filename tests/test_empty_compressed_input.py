"""A compressed input of no bytes (a download or copy that failed) is a reject naming the file,
as any cut-short start of one is; an empty plain file holds no records."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from cleaner.cli import main

ARTICLE = {"id": "ok", "text": "Jakarta - Berita singkat yang cukup panjang untuk dibersihkan."}


@pytest.mark.parametrize("name", ["dump.jsonl.gz", "dump.jsonl.zst", "dump.json.gz",
                                  "crawl.warc.gz", "dump.ndjson.zstd"])
def test_a_compressed_input_of_no_bytes_is_rejected_and_the_run_goes_on(tmp_path, capsys, name):
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "ok.jsonl").write_text(json.dumps(ARTICLE) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / name), str(tmp_path / "ok.jsonl"), "-o", str(out),
                 "--stats", str(tmp_path / "stats.json")]) == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["ok"]
    [reject] = [json.loads(line) for line in (tmp_path / "out.jsonl.rejects.jsonl").open()]
    assert reject["source"] == str(tmp_path / name) and reject["line"] is None
    assert reject["reason"].startswith("empty file: a compressed file of no bytes")
    assert json.loads((tmp_path / "stats.json").read_text())["rejected"] == 1
    assert f"rejected {tmp_path / name}: empty file" in capsys.readouterr().err


def test_empty_plain_files_and_an_empty_gzip_stream_hold_no_records_unrejected(tmp_path):
    """A gzip member of nothing (gzip -c /dev/null: 20 bytes) is sound compressed data."""
    (tmp_path / "plain.jsonl").write_bytes(b"")
    (tmp_path / "member.jsonl.gz").write_bytes(gzip.compress(b""))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "plain.jsonl"), str(tmp_path / "member.jsonl.gz"),
                 "-o", str(out), "-q"]) == 0
    assert out.read_bytes() == b""
    assert not os.path.exists(tmp_path / "out.jsonl.rejects.jsonl") or \
        (tmp_path / "out.jsonl.rejects.jsonl").read_bytes() == b""


@pytest.mark.parametrize("name, data", [
    ("piped.jsonl.gz", gzip.compress((json.dumps(ARTICLE) + "\n").encode())),
    ("piped.json.gz", gzip.compress(json.dumps([ARTICLE]).encode())),
    ("piped.jsonl", (json.dumps(ARTICLE) + "\n").encode())])
def test_a_pipe_under_a_dumps_name_is_read_once_not_refused_for_its_size(tmp_path, name, data):
    """A named pipe's size is 0 whatever it carries, and it gives its bytes once: a .gz's first
    bytes looked at, then the pipe opened again, hung the run."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:                                    # the writer
        try:
            with open(fifo, "wb") as stream:
                stream.write(data)
        finally:
            os._exit(0)
    out = tmp_path / "out.jsonl"
    try:
        assert main(["clean", str(fifo), "-o", str(out), "-q", "--workers", "1"]) == 0
    finally:
        os.waitpid(pid, 0)
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["ok"]
