"""`cleaner explain --id` takes a record's whole id, or else a line number of the dump."""

from __future__ import annotations

import json

from cleaner.cli import main


def _dump(tmp_path):
    path = tmp_path / "dump.jsonl"
    rows = [{"text": f"Berita nomor {i} tentang warga kota yang berkumpul di alun-alun."}
            for i in range(1, 4)] + [{"id": "2", "text": "Berita ber-id dua di alun-alun kota."}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_explain_takes_the_id_clean_gives_a_record_and_its_line_number(tmp_path, capsys):
    dump = _dump(tmp_path)
    assert main(["explain", str(dump), "--id", "dump.jsonl:3", "--color", "never"]) == 0
    assert "Berita nomor 3" in capsys.readouterr().out
    assert main(["explain", str(dump), "--id", "3", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "Berita nomor 3" in out and "nomor 1" not in out


def test_explain_takes_a_record_s_id_before_the_line_of_that_number(tmp_path, capsys):
    dump = _dump(tmp_path)
    assert main(["explain", str(dump), "--id", "2", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "ber-id dua" in out and "Berita nomor 2" not in out


def test_explain_of_an_id_or_line_no_record_has_says_so(tmp_path, capsys):
    dump = _dump(tmp_path)
    for wanted in ("9", "dump.jsonl:9", "other.jsonl:1", "0"):
        assert main(["explain", str(dump), "--id", wanted, "--color", "never"]) == 1
        assert f"no document with id {wanted} in the input" in capsys.readouterr().err
