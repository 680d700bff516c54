"""The progress bar of a complete run ends at its total whatever the count reached (rejects whose kept input is longer than it was, a resume), shows an ETA only while its total still measures the run, and counts a file read under two names once."""

from __future__ import annotations

import json
import os
import re

from cleaner.progress import Progress, known_size
from scale_helpers import real_docs, stderr_on_a_terminal, write_jsonl


def _last_frame(shown: str) -> str:
    """The bar as it was drawn last (tqdm redraws it in place after a carriage return)."""
    frames = [frame for frame in re.split(r"[\r\n]", shown) if "cleaning" in frame]
    return frames[-1]


def test_a_finished_run_whose_count_passed_its_total_ends_at_the_total(capsys):
    # A reject keeps each byte that is not UTF-8 as "\xe9": four bytes counted for one read.
    bar = Progress(True, lambda: 10_000_000)
    bar.update(11_500_000, 1_000)
    bar.close(finished=True)
    last = _last_frame(capsys.readouterr().err)
    assert "cleaning: 100%" in last and "10.0M/10.0M" in last


def test_a_count_past_the_total_shows_no_share_and_no_eta_until_the_end(capsys):
    bar = Progress(True, lambda: 10_000_000)
    bar.update(11_500_000, 1_000)
    bar.bar.refresh()
    last = _last_frame(capsys.readouterr().err)
    assert "%" not in last and "<" not in last and "11.5MB" in last
    bar.close(finished=False)                       # a stopped run: left as it was
    assert "100%" not in capsys.readouterr().err


def test_a_resumed_bar_that_starts_past_its_total_ends_at_it(capsys):
    bar = Progress(True, lambda: 10_000_000, done=10_400_000)
    bar.update(300_000, 10)
    bar.close(finished=True)
    assert "cleaning: 100%" in _last_frame(capsys.readouterr().err)


def test_a_resumed_bar_ends_at_its_total(capsys):
    bar = Progress(True, lambda: 10_000_000, done=4_000_000)
    bar.update(5_500_000, 10)
    bar.close(finished=True)
    last = _last_frame(capsys.readouterr().err)
    assert "cleaning: 100%" in last and "10.0M/10.0M" in last


def test_a_file_with_a_hard_link_in_a_second_input_folder_is_counted_once(tmp_path):
    for folder in ("d", "e"):
        (tmp_path / folder).mkdir()
    (tmp_path / "d" / "a.jsonl").write_bytes(b"x" * 100)
    (tmp_path / "e" / "own.jsonl").write_bytes(b"y" * 30)
    os.link(tmp_path / "d" / "a.jsonl", tmp_path / "e" / "b.jsonl")
    assert known_size([str(tmp_path / "d"), str(tmp_path / "e")]) == 130
    # A file named as an input and its link in a folder, in either order.
    named, folder = str(tmp_path / "d" / "a.jsonl"), str(tmp_path / "e")
    assert known_size([named, folder]) == known_size([folder, named]) == 130


def test_a_link_whose_file_cannot_be_listed_is_counted_as_reading_finds_it(tmp_path):
    # Damaged input: a link to nothing is read (and rejected) as a file of its own, not counted
    # as a second name; the size of what cannot be found counts nothing.
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.jsonl").write_bytes(b"x" * 100)
    os.symlink(tmp_path / "missing.jsonl", tmp_path / "d" / "b.jsonl")
    assert known_size([str(tmp_path / "d")]) == 100


def test_a_run_whose_rejects_count_more_than_they_read_ends_at_100_percent(tmp_path):
    data = write_jsonl(tmp_path / "in.jsonl", real_docs(10))
    with data.open("ab") as f:                  # lines of Latin-1: each rejected, kept escaped
        for index in range(40):
            f.write(b'{"id": "l%d", "text": "caf\xe9 ' % index + b"\xe9" * 60 + b'"}\n')
    shown = stderr_on_a_terminal(str(data), "-o", str(tmp_path / "out.jsonl"))
    last = _last_frame(shown)
    assert "cleaning: 100%" in last, last
    size = data.stat().st_size
    assert f"{size / 1000:.1f}k/{size / 1000:.1f}k" in last
    rejects = [json.loads(line) for line in
               (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()]
    assert len(rejects) == 40
