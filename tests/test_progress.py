"""The progress bar: bytes, MB/s, documents/s and an ETA where the input size is known; on a terminal only; the input counted once."""

from __future__ import annotations

import time

from cleaner import run_config
from cleaner.progress import Progress, known_size
from cleaner.run import _workers
from cleaner.run_config import RunConfig
from scale_helpers import real_docs, stderr_on_a_terminal, write_jsonl


def test_bar_with_a_known_size_shows_share_speed_documents_per_second_and_eta(capsys):
    bar = Progress(True, lambda: 10_000_000)
    bar.update(4_000_000, 1_000)
    time.sleep(0.6)                 # documents/s is shown once half a second has passed
    bar.update(2_000_000, 1_500)
    bar.close()
    shown = capsys.readouterr().err
    assert "cleaning:  60%" in shown and "6.00M/10.0M" in shown
    assert "B/s" in shown and "docs/s" in shown
    assert "<00:" in shown          # time left


def test_a_finished_run_fills_the_bar_that_rejects_left_short(capsys):
    # The bar counts the bytes of records written: rejected lines and newlines are not among
    # them, nor the part of the input a resumed run skipped.
    bar = Progress(True, lambda: 10_000_000)
    bar.update(9_000_000, 1_000)
    bar.close(finished=True)
    assert "cleaning: 100%" in capsys.readouterr().err


def test_a_stopped_run_leaves_the_bar_where_it_stopped(capsys):
    bar = Progress(True, lambda: 10_000_000)
    bar.update(4_000_000, 1_000)
    bar.close(finished=False)
    shown = capsys.readouterr().err
    assert "cleaning:  40%" in shown and "100%" not in shown


def test_bar_without_a_size_has_no_share_and_no_eta(capsys):
    bar = Progress(True, lambda: None)
    bar.update(4_000_000, 1_000)
    bar.close()
    shown = capsys.readouterr().err
    assert "4.00MB" in shown and "%" not in shown


def test_disabled_bar_does_not_count_the_input(capsys):
    def never() -> int:
        raise AssertionError("the input was counted")

    bar = Progress(False, never)
    bar.update(10, 1)
    bar.close()
    assert capsys.readouterr().err == ""


def test_known_size_counts_plain_files_and_gives_up_where_reading_differs(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"x" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(b"y" * 50)
    assert known_size([str(tmp_path)]) == 150
    assert known_size([str(tmp_path / "a.jsonl"), "-"]) is None
    (tmp_path / "sub" / "c.jsonl.gz").write_bytes(b"\x1f\x8b")
    assert known_size([str(tmp_path)]) is None


def test_a_run_counts_its_input_once(tmp_path, monkeypatch):
    (tmp_path / "a.jsonl").write_bytes(b"{}\n")
    calls = []
    monkeypatch.setattr(run_config, "known_size", lambda inputs, options=None: calls.append(inputs) or 3)
    config = RunConfig(inputs=[str(tmp_path)], output=str(tmp_path / "out.jsonl"), factory=None)
    assert _workers(config) == 1                    # a tiny input: no worker processes
    assert config.input_size == 3
    assert len(calls) == 1


def test_clean_on_a_terminal_shows_the_bar_and_quiet_hides_it(tmp_path):
    data = write_jsonl(tmp_path / "in.jsonl", real_docs(40))
    with data.open("ab") as f:               # rejected lines: the bar still ends full
        f.write(b"[1, 2]\n" + b"{broken\n" * 50)

    args = (str(data), "-o", str(tmp_path / "out.jsonl"))
    shown = stderr_on_a_terminal(*args)
    assert "cleaning: 100%" in shown and "B/s" in shown
    assert "read 91 documents, wrote 40, rejected 51" in shown
    assert "cleaning:" not in stderr_on_a_terminal(*args, "-q")


def test_bar_reaches_the_end_of_a_folder_whose_other_files_are_skipped(tmp_path):
    # Only what reading takes is counted: here the .txt files, not the notes beside them.
    folder = tmp_path / "dump"
    folder.mkdir()
    for index in range(3):
        (folder / f"a{index}.txt").write_text(f"Judul {index}\n\nIsi berita nomor {index}. (ant)")
        (folder / f"a{index}.md").write_text("catatan " * 200)
    (folder / ".hidden.txt").write_text("tidak dibaca " * 100)
    assert known_size([str(folder)]) == sum((folder / f"a{i}.txt").stat().st_size
                                            for i in range(3))


def test_documents_a_second_follow_the_bars_smoothed_byte_rate(monkeypatch):
    # tqdm's MB/s and ETA are a smoothed rate; docs/s as the run's average beside them told two
    # speeds apart when a run slowed. At 2 MB/s and 1,000 documents a MB: 2,000 a second, the
    # run's average (1,000 in 0.25 s) whatever it is.
    from tqdm import tqdm
    bar = Progress(True, lambda: 10_000_000)
    monkeypatch.setattr(tqdm, "format_dict", property(lambda _: {"rate": 2_000_000.0}))
    assert bar._documents_a_second(1_000, 1_000_000, 0.25) == 2_000
    monkeypatch.undo()
    bar.close()


def test_documents_a_second_before_the_bar_has_a_rate_are_the_average():
    bar = Progress(True, lambda: 10_000_000)
    assert bar._documents_a_second(500, 1_000_000, 2.0) == 250
    bar.close()
