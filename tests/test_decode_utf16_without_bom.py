"""UTF-16 text without a byte order mark: read where its encoding is named or `auto` sees its
pattern, and refused as binary data with the hint that names it otherwise."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.decode import DecodeError, decode_bytes

ARTICLE = ("JAKARTA - Harga beras di sejumlah pasar naik sejak pekan lalu karena pasokan dari "
           "daerah berkurang, kata pedagang.\n\nPara pedagang berharap harga segera turun.")


@pytest.mark.parametrize("codec, named", [("utf-16-le", "utf-16-le"), ("utf-16-le", "UTF_16LE"),
                                          ("utf-16-be", "utf-16-be"), ("utf-16-le", "auto"),
                                          ("utf-16-be", "auto")])
def test_utf16_without_a_mark_is_read_where_named_or_seen(codec, named):
    text, used = decode_bytes(ARTICLE.encode(codec), named)
    assert text == ARTICLE and used.lower().replace("_", "-").replace("16le", "16-le") == codec


def test_utf16_without_a_mark_refused_as_binary_names_its_encoding():
    with pytest.raises(DecodeError, match="--encoding utf-16-le"):
        decode_bytes(ARTICLE.encode("utf-16-le"))


@pytest.mark.parametrize("data", [b"\x00" * 64, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
                                  "Berita".encode("utf-16-le") + b"\x00\x00" * 40])
def test_binary_data_stays_refused(data):
    # (a codec of two or four bytes a character named by the user reads most bytes as some
    # text: only NULs and controls it decodes to are refused then)
    for named in ("utf-8", "auto", "utf-16-le", "utf-32"):
        if named in ("utf-16-le", "utf-32") and data.startswith(b"\x89PNG"):
            continue
        with pytest.raises(DecodeError):
            decode_bytes(data, named)


def test_a_utf16_text_file_without_a_mark_is_cleaned_with_its_encoding_named(tmp_path, capsys):
    source = tmp_path / "berita.txt"
    source.write_bytes(ARTICLE.encode("utf-16-le"))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q", "--encoding", "utf-16-le"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"].startswith("Harga beras") and record["meta"]["location"] == "Jakarta"
