"""A reject's raw, cut to its first MAX_REJECT_RAW bytes, ends on a whole character: a cut inside
one showed its first bytes escaped ("\\xc3"), as if the input held a stray byte there."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.cli import main
from cleaner.inputs import MAX_REJECT_RAW, raw_text

# An ASCII opening of odd length, so that the cut falls inside a two-byte character.
TEXT = "x" + "é" * MAX_REJECT_RAW


@pytest.mark.parametrize("ending", ["é", "€", "\U0001F600"])
def test_bytes_cut_inside_a_character_end_before_it(ending):
    data = ("a" * MAX_REJECT_RAW + ending).encode()
    for cut in range(MAX_REJECT_RAW + 1, MAX_REJECT_RAW + len(ending.encode())):
        assert raw_text(data[:cut] + b"more") == "a" * MAX_REJECT_RAW      # cut here
        assert raw_text(data[:cut][-1000:], cut=True) == "a" * (1000 - cut + MAX_REJECT_RAW)
        assert raw_text(data[:cut][-1000:]).endswith("\\x" + f"{data[cut - 1]:x}")


def test_a_stray_byte_within_the_bytes_kept_is_still_escaped():
    assert raw_text(b"a\xc3 b") == "a\\xc3 b"
    assert raw_text(b"a\xff").endswith("\\xff")


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_an_over_limit_record_s_raw_ends_on_a_whole_character(tmp_path, suffix):
    path = tmp_path / f"in{suffix}"
    if suffix == ".parquet":
        pq.write_table(pa.table({"id": ["big"], "text": [TEXT]}), path)
    else:
        path.write_text(json.dumps({"id": "big", "text": TEXT}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", "--max-record-bytes", "100000"]) == 0
    [reject] = [json.loads(line) for line in (tmp_path / "out.jsonl.rejects.jsonl").open()]
    assert "record longer than 100000 bytes" in reject["reason"]
    assert "\\x" not in reject["raw"] and reject["raw"].endswith("é")
