"""`fixtures add` takes a page or a text kept compressed (.html.gz, .txt.zst), as `clean` reads
it, and stores it unpacked: fixtures are read by their suffix (the second acceptance run)."""

from __future__ import annotations

import gzip
import json

import zstandard

from cleaner.cli import main

PAGE = ("<html><head><title>Harga beras naik lagi</title></head><body><article>"
        "<h1>Harga beras naik lagi</h1><p>Harga beras di pasar induk naik lagi pada pekan ini "
        "karena pasokan dari daerah penghasil berkurang, kata pedagang.</p><p>Pedagang "
        "mengatakan kenaikan ini sudah terjadi sejak awal bulan dan diperkirakan berlanjut "
        "hingga panen berikutnya.</p></article></body></html>")
TEXT = ("Harga beras di pasar induk naik lagi pada pekan ini karena pasokan dari daerah "
        "penghasil berkurang, kata pedagang.\n\nPedagang mengatakan kenaikan ini sudah terjadi "
        "sejak awal bulan.\n")


def test_a_gzipped_page_is_stored_as_the_html_it_holds(tmp_path):
    source = tmp_path / "halaman.html.gz"
    source.write_bytes(gzip.compress(PAGE.encode()))
    root = tmp_path / "fx"
    assert main(["fixtures", "add", str(source), "--site", "kompas.com", "--root", str(root),
                 "--new-site"]) == 0
    stored = root / "kompas.com" / "halaman.html"
    assert stored.read_text(encoding="utf-8") == PAGE
    record = json.loads((root / "kompas.com" / "halaman.json").read_text(encoding="utf-8"))
    assert record["text"].startswith("Harga beras di pasar induk naik lagi")
    assert main(["fixtures", "check", "--root", str(root)]) == 0


def test_a_zstd_text_is_stored_as_the_text_it_holds(tmp_path):
    source = tmp_path / "berita.txt.zst"
    source.write_bytes(zstandard.ZstdCompressor().compress(TEXT.encode()))
    root = tmp_path / "fx"
    assert main(["fixtures", "add", str(source), "--site", "kompas.com", "--root", str(root)]) == 0
    assert (root / "kompas.com" / "berita.txt").read_text(encoding="utf-8") == TEXT


def test_a_damaged_compressed_page_is_refused_and_nothing_is_written(tmp_path, capsys):
    data = gzip.compress(PAGE.encode())
    source = tmp_path / "halaman.html.gz"
    source.write_bytes(data[:len(data) // 2])
    root = tmp_path / "fx"
    assert main(["fixtures", "add", str(source), "--site", "kompas.com", "--root",
                 str(root)]) == 2
    assert "cannot decompress" in capsys.readouterr().err
    assert not (root / "kompas.com").exists() or not any((root / "kompas.com").iterdir())


def test_a_page_that_inflates_past_the_page_limit_is_refused(tmp_path, capsys):
    # (the fourth review: a 1 MB file of a gigabyte was read whole into memory)
    from cleaner.inputs import MAX_HTML_BYTES

    source = tmp_path / "bom.html.gz"
    source.write_bytes(gzip.compress(b"<html><body>" + b" " * (MAX_HTML_BYTES + 10)))
    root = tmp_path / "fx"
    assert main(["fixtures", "add", str(source), "--site", "kompas.com", "--root",
                 str(root)]) == 2
    assert "once decompressed" in capsys.readouterr().err
