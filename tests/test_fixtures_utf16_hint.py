"""`cleaner fixtures add` of a text that is not UTF-8: read as `--encoding auto` reads it and
stored in UTF-8, saying so; what no encoding reads is refused with the command that converts it."""

from __future__ import annotations

import json
import shlex

import pytest

from cleaner import decode
from cleaner.cli import main
from cleaner.fixture_workflow import FixtureError, fixture_text

TEXT = ("Judul Berita Contoh Hari Ini\n\n"
        "Warga kota berkumpul di alun-alun pada pagi hari untuk merayakan ulang tahun kota. "
        "Kafe baru di sudut alun-alun menjual café au lait.\n")


def _add(tmp_path, path, *args):
    return main(["fixtures", "add", str(path), "--site", "kabar.example", "--root",
                 str(tmp_path / "fixtures"), "--no-builtin-rules", "--color", "never", *args])


@pytest.mark.parametrize("codec, named", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
                                          ("utf-16", "utf-16"), ("cp1252", "cp1252")])
def test_a_text_not_in_utf8_is_added_in_utf8_saying_what_it_was_read_as(tmp_path, capsys,
                                                                          codec, named):
    source = tmp_path / "berita.txt"
    source.write_bytes(TEXT.encode(codec))
    assert _add(tmp_path, source) == 0
    err = capsys.readouterr().err
    stored = tmp_path / "fixtures" / "kabar.example" / "berita.txt"
    assert f"note: {source} is not UTF-8: it was read as {named}" in err
    assert f"and {stored} stores it in UTF-8, as fixture inputs are" in err
    assert ("guessed from its bytes" in err) == (codec == "cp1252")
    assert stored.read_bytes() == TEXT.encode("utf-8")
    record = json.loads(stored.with_suffix(".json").read_text(encoding="utf-8"))
    assert "café au lait" in record["text"] and "encoding" not in record
    # The stored fixture checks clean: its record is what a run of its UTF-8 input makes.
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules"]) == 0


def test_a_utf8_text_is_copied_as_it_is_with_no_note(tmp_path, capsys):
    source = tmp_path / "berita.txt"
    source.write_bytes(TEXT.encode("utf-8"))
    assert _add(tmp_path, source) == 0
    assert "not UTF-8" not in capsys.readouterr().err


def test_a_utf16_web_page_is_added_and_checks_clean(tmp_path, capsys):
    paragraphs = "".join(f"<p>Paragraf {i}. {TEXT.splitlines()[2]}</p>" for i in range(4))
    source = tmp_path / "halaman.html"
    source.write_bytes(f'<html><head><meta charset="utf-8"><title>Judul</title></head><body>'
                       f"<article><h1>Judul</h1>{paragraphs}</article></body></html>"
                       .encode("utf-16-le"))
    assert _add(tmp_path, source) == 0
    record = json.loads((tmp_path / "fixtures" / "kabar.example" / "halaman.json")
                        .read_text(encoding="utf-8"))
    assert "café au lait" in record["text"] and record["encoding"] == "utf-16-le"
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules"]) == 0


def test_binary_data_named_txt_is_refused_and_nothing_is_written(tmp_path, capsys):
    source = tmp_path / "photo.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert _add(tmp_path, source) == 2
    assert capsys.readouterr().err == (f"cleaner: error: {source}: binary data (NUL or control "
                                       "bytes), not text; a fixture input is text\n")
    assert not (tmp_path / "fixtures").exists() or not list((tmp_path / "fixtures").rglob("*.*"))


def test_a_text_no_encoding_reads_is_refused_with_the_iconv_command_for_it(tmp_path,
                                                                           monkeypatch):
    monkeypatch.setattr(decode, "guess_charset", lambda data: None)
    source = tmp_path / "my notes.txt"
    data = "Berita caf\xe9 hari ini.\n".encode("latin-1")
    with pytest.raises(FixtureError) as caught:
        fixture_text(source, data)
    out = tmp_path / "my notes.utf8.txt"
    assert str(caught.value).endswith(
        "convert it to UTF-8 first, naming its encoding: iconv -f ENCODING -t UTF-8 "
        f"{shlex.quote(str(source))} > {shlex.quote(str(out))}")
    assert str(caught.value).startswith(f"{source}: invalid UTF-8 at byte 10")


ASCII_TEXT = ("JAKARTA - Pemerintah daerah meresmikan jembatan baru yang menghubungkan dua "
              "kecamatan pada Senin pagi.\n\nWarga menyambut jembatan itu dengan gembira, kata "
              "camat setempat kepada wartawan.\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_an_ascii_text_in_utf16_without_a_mark_is_converted_not_stored_with_its_nuls(
        tmp_path, capsys, codec):
    # Its NULs are valid UTF-8: read so, it was stored in UTF-16 and cleaned as controls.
    source = tmp_path / "berita.txt"
    source.write_bytes(ASCII_TEXT.encode(codec))
    assert _add(tmp_path, source) == 0
    err = capsys.readouterr().err
    stored = tmp_path / "fixtures" / "kabar.example" / "berita.txt"
    assert f"note: {source} is not UTF-8: it was read as {codec}" in err
    assert stored.read_bytes() == ASCII_TEXT.encode("utf-8")
    record = json.loads(stored.with_suffix(".json").read_text(encoding="utf-8"))
    assert "jembatan baru" in record["text"] and "\x00" not in record["text"]
    assert "drop_controls" not in json.dumps(record)
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules"]) == 0


def test_an_ascii_text_with_stray_nuls_is_refused_as_binary_not_stored(tmp_path, capsys):
    source = tmp_path / "padded.txt"
    source.write_bytes(b"".join(line.encode().ljust(120, b"\x00")
                                for line in ASCII_TEXT.splitlines()))
    assert _add(tmp_path, source) == 2
    assert "binary data (NUL or control bytes), not text; a fixture input is text" in \
        capsys.readouterr().err
    assert not (tmp_path / "fixtures").exists() or not list((tmp_path / "fixtures").rglob("*.*"))
