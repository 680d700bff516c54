"""JSONL read in blocks of whole lines gives the records, rejects and line numbers of reading it line by line."""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.inputs import ReadOptions, Reject, expand
from cleaner.jsonl_reader import FileBlock, RawBlock, RawRecord, count_newlines, read_jsonl, \
    read_jsonl_blocks
from cleaner.readers import iter_inputs


def _outcomes(items) -> list[tuple]:
    out = []
    for item in expand(items):
        if isinstance(item, RawRecord):
            item = item.parsed()
        if isinstance(item, Reject):
            out.append(("reject", item.line, item.reason, item.raw))
        else:
            out.append(("item", item.line, item.text, item.fields, item.size))
    return out


def _both(data: bytes, cap: int, block: int) -> tuple[list, list]:
    options = ReadOptions(max_record_bytes=cap)
    by_line = list(read_jsonl(io.BytesIO(data), "in.jsonl", options))
    by_block = list(read_jsonl_blocks(io.BytesIO(data), "in.jsonl",
                                      replace(options, defer_parse=True), block))
    assert all(isinstance(item, (RawBlock, Reject)) for item in by_block)
    return _outcomes(by_line), _outcomes(by_block)


def _by_range(data: bytes, cap: int, block: int) -> tuple[list, list]:
    """(line by line, as FileBlocks read back from the file), on the same file."""
    options = ReadOptions(max_record_bytes=cap)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "in.jsonl")
        with open(path, "wb") as f:
            f.write(data)
        with open(path, "rb") as f:
            by_line = _outcomes(read_jsonl(f, path, options))
        with open(path, "rb") as f:
            blocks = list(read_jsonl_blocks(f, path, replace(options, defer_parse=True), block,
                                            ranges=True))
        assert all(isinstance(item, (FileBlock, Reject)) for item in blocks)
        return by_line, _outcomes(blocks)


LINE = st.one_of(
    st.builds(lambda n, w: f'{{"id": "d{n}", "text": "{"kata " * w}"}}', st.integers(0, 99),
              st.integers(0, 40)),
    st.sampled_from(["", "   ", "[1, 2]", "42", '{"id": "x"}', '{"text": ""}', "{broken",
                     '{"text": "caf\u00e9"}', "\ufeff", " \ufeff \ufeff", '\ufeff{"text": "a"}']),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=30), st.sampled_from([b"\n", b"\r\n"]), st.booleans(),
       st.sampled_from([16, 64, 100, 1000]), st.sampled_from([100, 150, 400]))
def test_blocks_give_what_lines_give(lines, newline, trailing, block, cap):
    """Blocks smaller and larger than a line, lines over the limit across block edges."""
    data = newline.join(line.encode() for line in lines) + (newline if trailing else b"")
    by_line, by_block = _both(data, cap, block)
    assert by_block == by_line
    by_line, by_range = _by_range(data, cap, block)
    assert by_range == by_line


def test_a_line_over_the_limit_is_one_reject_between_its_neighbours():
    data = b'{"text": "a"}\n{"text": "' + b"x" * 500 + b'"}\n{"text": "b"}'
    by_line, by_block = _both(data, 100, 32)
    assert by_block == by_line
    assert [entry[:2] for entry in by_block] == [("item", 1), ("reject", 2), ("item", 3)]
    assert "record longer than 100 bytes" in by_block[1][2]


def test_a_line_over_the_limit_keeps_the_ranges_after_it_in_place():
    data = b'{"text": "a"}\n{"text": "' + b"x" * 5000 + b'"}\n{"text": "b"}\n{"text": "c"}'
    by_line, by_range = _by_range(data, 100, 32)
    assert by_range == by_line
    assert [entry[:2] for entry in by_range] == [("item", 1), ("reject", 2), ("item", 3),
                                                 ("item", 4)]


def test_a_file_that_changed_before_its_block_was_read_rejects_every_line_of_it(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    options = ReadOptions(defer_parse=True)
    with open(path, "rb") as f:
        [block] = list(read_jsonl_blocks(f, str(path), options, ranges=True))
    path.write_bytes(b'{"text": "a"}\n')           # cut short before a worker reads the block
    outcomes = _outcomes([block])
    assert [entry[:2] for entry in outcomes] == [("reject", 1), ("reject", 2), ("reject", 3),
                                                 ("reject", 4)]
    assert "the file changed while the run read it" in outcomes[0][2]


def test_plain_files_travel_as_ranges_and_compressed_ones_do_not(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "a"}\n{"text": "b"}\n')
    [block] = iter_inputs([str(path)], ReadOptions(defer_parse=True))
    assert isinstance(block, FileBlock) and block.size == len(b'{"text": "a"}\n{"text": "b"}')


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_travels_as_blocks_not_ranges(tmp_path):
    """A pipe cannot be read again where its lines are split: its bytes go, not its ranges."""
    import threading

    path = tmp_path / "in.jsonl"
    os.mkfifo(path)
    data = b'{"text": "a"}\n{"text": "b"}\n'
    writer = threading.Thread(target=path.write_bytes, args=(data,))
    writer.start()
    items = list(iter_inputs([str(path)], ReadOptions(defer_parse=True)))
    writer.join()
    assert [type(item).__name__ for item in items] == ["RawBlock"]
    assert [record.parsed().text for record in expand(items)] == ["a", "b"]


def test_invalid_utf8_in_a_block_is_rejected_by_line_number():
    data = b'{"text": "a"}\n{"text": "\xff"}\n\n{"text": "c"}\n'
    by_line, by_block = _both(data, 1000, 1 << 19)
    assert by_block == by_line
    assert [entry[:2] for entry in by_block] == [("item", 1), ("reject", 2), ("item", 4)]


@pytest.mark.parametrize("name", ["in.jsonl.gz", "in.jsonl.zst"])
def test_compressed_inputs_are_read_line_by_line(tmp_path, name):
    """A damaged compressed stream fails inside a read; line by line, the lines before it stay."""
    import gzip

    import zstandard

    data = b'{"text": "a"}\n{"text": "b"}\n'
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz")
                     else zstandard.ZstdCompressor().compress(data))
    items = list(iter_inputs([str(path)], ReadOptions(defer_parse=True)))
    assert [type(item).__name__ for item in items] == ["RawRecord", "RawRecord"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 3000), max_size=60), st.data())
def test_newlines_counted_by_hops_equal_bytes_count(lengths, data):
    # Lines from empty to 3 KB: ranges past 1 KB are counted by memchr hops, then by
    # bytes.count once the hops per KB run out.
    text = b"".join(b"x" * n + b"\n" for n in lengths) + b"tail"
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert count_newlines(text, start, end) == text.count(b"\n", start, end)
