"""A giant record's text is serialized and scanned for glued sentences without a copy of it at
4 or 8 bytes a character: the same bytes out, less memory at the peak (tracemalloc)."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import orjson
import pytest

from cleaner.batches import ALONE_BYTES, clean_chunks, process_batch
from cleaner.heap_trim import map_large_blocks
from cleaner.inputs import ReadOptions
from cleaner.jsonl_reader import RawRecord
from cleaner.paragraphs import _MANY_LINES, _joined, glued_lines
from cleaner.pipeline import CLEAN_CHUNK, Cleaner
from cleaner.record_json import LONG_TEXT, PIECE, record_json

ROOT = Path(__file__).resolve().parent.parent

# Texts over LONG_TEXT characters of each width Python holds text at, with escapes placed
# across the pieces' boundaries.
TEXTS = {
    "ascii": "a" * (LONG_TEXT + 5),
    "latin-1": "\u00e9" + "b" * (LONG_TEXT + 5),
    "two bytes": "\u2028" + "c\"\\\n\t\x01" * (LONG_TEXT // 5),
    "emoji": "\U0001F600" + ("d" * (PIECE - 2) + "\"\\\u0000\u2029") * (LONG_TEXT // PIECE + 2),
}


def peak_of(call):
    """What `call()` returns and the most memory it held at once, in bytes."""
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("kind", sorted(TEXTS))
def test_record_json_writes_a_long_text_as_orjson_writes_it(kind):
    record = {"id": kind, "text": TEXTS[kind], "meta": {"title": "x"}, "removed": [], 7: "n"}
    assert record_json(record) == orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS)


def test_record_json_leaves_a_short_text_to_orjson_alone():
    record = {"id": "a", "text": "x" * LONG_TEXT}
    assert record_json(record) == orjson.dumps(record)
    assert record["text"] == "x" * LONG_TEXT          # the record is not changed


def test_record_json_refuses_a_lone_surrogate_in_a_long_text_as_orjson_does():
    record = {"text": "a" * (LONG_TEXT + PIECE) + "\ud800"}
    with pytest.raises(orjson.JSONEncodeError):
        orjson.dumps(record)
    with pytest.raises(orjson.JSONEncodeError):
        record_json(record)


def test_record_json_holds_far_less_than_orjson_for_a_giant_text():
    # One emoji: the text is held at 4 bytes a character; orjson alone sets aside 8 a character.
    record = {"id": "giant", "text": "\U0001F600" + "kata " * 1_600_000}
    line, peak = peak_of(lambda: record_json(record))
    _, orjson_peak = peak_of(lambda: orjson.dumps(record))
    assert len(line) == len(orjson.dumps(record))
    assert orjson_peak > 6 * len(record["text"])
    assert peak < 4 * len(line) < orjson_peak / 1.5


def test_parquet_rows_of_a_giant_text_are_built_without_orjson_s_reserve():
    """A worker writing Parquet turns its records into Arrow rows by way of their JSON: with
    orjson.dumps, 80 MB of its peak for an 8 MB record."""
    import pyarrow as pa

    from cleaner.parquet_io import record_schema, rows_table, to_row

    record = {"id": "giant", "text": "\U0001F600" + "kata " * 1_600_000, "meta": {}}
    rows = [to_row(record)]
    table, peak = peak_of(lambda: rows_table(rows, record_schema()))
    assert table.equals(pa.Table.from_pylist(rows, schema=record_schema()))
    _, orjson_peak = peak_of(lambda: orjson.dumps(rows[0]))
    assert orjson_peak > 6 * len(record["text"]) > 1.5 * peak


def test_joined_of_many_lines_gives_what_one_join_gives():
    lines = ["\U0001F600 satu.Dua"] + [f"baris {n} \u00e9\ud800" for n in range(_MANY_LINES)]
    text = "\n".join(lines)
    data = text.encode("utf-8", "surrogatepass")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line.encode("utf-8", "surrogatepass")) + 1)
    assert _joined(lines) == (data, starts)
    assert glued_lines(lines) == [0]


def test_glued_lines_of_a_giant_record_holds_no_copy_of_it_at_four_bytes_a_character():
    lines = ["\U0001F600"] + ["Kalimat biasa tanpa apa-apa. " * 30] * 6_000
    chars = sum(map(len, lines))
    found, peak = peak_of(lambda: glued_lines(lines))
    assert found == []
    assert peak < 3 * chars          # joined first, the joined text alone took 4 * chars


def raw_record(line: int, text: str) -> RawRecord:
    return RawRecord("in.jsonl", line, orjson.dumps({"id": str(line), "text": text}), ReadOptions())


def test_clean_chunks_keeps_order_and_gives_a_giant_record_a_chunk_of_its_own():
    small = [raw_record(n, "Isi berita.") for n in range(1, CLEAN_CHUNK + 6)]
    giant = raw_record(99, "kata " * (ALONE_BYTES // 5 + 1))
    items = small[:3] + [giant] + small[3:]
    chunks = list(clean_chunks(items))
    assert [item for chunk in chunks for item in chunk] == items
    assert chunks[:2] == [small[:3], [giant]]
    assert [len(chunk) for chunk in chunks[2:]] == [CLEAN_CHUNK, len(small) - 3 - CLEAN_CHUNK]


def test_a_batch_of_two_giant_records_holds_about_one_at_a_time():
    cleaner = Cleaner()
    process_batch(cleaner, [raw_record(1, "Isi berita.")])       # the caches warm
    text = "\U0001F600\n\n" + "Kalimat biasa di sini.\n\n" * 70_000      # 1.7 MB, 4 bytes a char
    alone, two = [raw_record(1, text)], [raw_record(1, text), raw_record(2, text)]
    one, peak_one = peak_of(lambda: process_batch(cleaner, alone))
    both, peak_two = peak_of(lambda: process_batch(cleaner, two))
    assert [o[0] for o in both.outcomes] == ["record", "record"]
    assert both.outcomes[0][1] == one.outcomes[0][1]
    # Cleaned in one chunk, both were held at once: 1.49 times one record's peak, measured.
    assert peak_two < 1.2 * peak_one


# Frees a 8 MB block glibc mapped (which raises its bar for mapping to 8 MB), then makes and
# frees 20 blocks of 2 MB but the last: resident memory after, in MB.
AFTER_FREEING = """
import sys
sys.path.insert(0, sys.argv[1])
from cleaner.heap_trim import map_large_blocks
if sys.argv[2] == "mapped":
    assert map_large_blocks()
first = b"x" * (8 << 20)
del first
blocks = [b"y" * (2 << 20) for _ in range(20)]
del blocks[:-1]
print(int(open("/proc/self/statm").read().split()[1]) * 4096 >> 20)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or "MALLOC_MMAP_THRESHOLD_" in os.environ,
                    reason="glibc's mallopt, where the environment leaves it to the command")
def test_map_large_blocks_hands_freed_large_blocks_back_to_the_system():
    def resident(how: str) -> int:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
        done = subprocess.run([sys.executable, "-c", AFTER_FREEING, str(ROOT), how],
                              capture_output=True, text=True, env=env, check=True)
        return int(done.stdout)
    kept, mapped = resident("kept"), resident("mapped")
    assert kept - mapped > 30       # the 19 freed blocks stayed in glibc's heap: 38 MB


def test_map_large_blocks_leaves_the_environments_choice(monkeypatch):
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert map_large_blocks() is False
