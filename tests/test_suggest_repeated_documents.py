"""`cleaner suggest` counts a document met again (the same url, tracking parameters aside, or the
same text) once: a page a crawl fetched three times is not a line in three documents."""

from __future__ import annotations

import json

from cleaner.cli import main
from suggest_helpers import write_dump

SITE = "harianrepeat.example"
PROMO = "Harian Repeat terbit setiap pagi sejak tahun 1998 untuk warga kota."
STORY = ["Banjir merendam tiga desa di tepi sungai sejak Senin malam, kata kepala desa.",
         "Warga mengungsi ke balai desa dan sekolah yang letaknya lebih tinggi dari sungai."]


def _articles(n: int) -> list[list[str]]:
    return [[f"Paragraf pertama berita nomor {i} tentang acara warga kota yang berlangsung "
             f"meriah.", f"Paragraf kedua berita nomor {i} menjelaskan jalannya acara itu.",
             PROMO] for i in range(n)]


def _suggest(dump, capsys) -> dict:
    capsys.readouterr()
    assert main(["suggest", str(dump), "--format", "json"]) == 0
    [site] = json.loads(capsys.readouterr().out)
    return site


def test_a_page_fetched_again_is_counted_once(tmp_path, capsys):
    urls = [f"https://www.{SITE}/berita/{i}" for i in range(20)]
    docs = _articles(17) + [STORY] * 3
    # the story at its url, again with a tracking parameter, and at another url (its text)
    urls[17:] = [f"https://www.{SITE}/banjir", f"https://www.{SITE}/banjir?utm_source=twitter",
                 f"https://www.{SITE}/amp/banjir"]
    site = _suggest(write_dump(tmp_path, docs, urls.__getitem__), capsys)
    assert (site["documents"], site["repeats"]) == (18, 2)
    shapes = [c["shape"] for c in site["candidates"]]
    assert not any("Banjir" in shape or "Warga" in shape for shape in shapes), shapes
    assert any(shape.startswith("Harian Repeat") for shape in shapes), shapes


def test_pages_apart_by_a_query_that_names_them_are_each_counted(tmp_path, capsys):
    docs = _articles(12)
    site = _suggest(write_dump(tmp_path, docs, lambda i: f"https://www.{SITE}/read?id={i}"),
                    capsys)
    assert (site["documents"], site["repeats"]) == (12, 0)


def test_the_site_line_says_how_many_repeats_were_left_out(tmp_path, capsys):
    docs = _articles(12) + [STORY] * 2
    dump = write_dump(tmp_path, docs, lambda i: f"https://www.{SITE}/berita/{min(i, 12)}")
    capsys.readouterr()
    assert main(["suggest", str(dump)]) == 0
    assert f"# ===== {SITE}: 13 documents, 1 repeated document left out (same url or " \
           "text)" in capsys.readouterr().out
