"""A labelled credits line written as a <div> of text names its people, as one written as a <p>
does: '<div id="editor">Editor: B</div>' under the writer's, and a footer's '<div>Penulis: A<br>
Editor: B</div>' (acceptance run of session 50, pages written after tribunnews.com's and
liputan6.com's markup: the editors were lost). A <div> around blocks is a box, not a line."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

PARAGRAPHS = ("<p>Tim nasional Indonesia tiba di Sydney pada Senin pagi untuk menjalani laga "
              "lanjutan kualifikasi Piala Dunia melawan Australia pekan ini.</p>"
              "<p>Pelatih mengatakan seluruh pemain dalam kondisi baik dan siap menjalani latihan "
              "perdana di stadion pada sore harinya.</p>")


def _page(credits: str, after: str = "") -> str:
    return ("<html><head><title>Timnas Tiba di Sydney</title></head><body>"
            f"<h1>Timnas Tiba di Sydney</h1>{credits}"
            f'<div class="txt-article">{PARAGRAPHS}</div>{after}</body></html>')


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("credits, after", [
    ('<div class="credit"><div id="penulis">Penulis: Abdul Majid</div>'
     '<div id="editor">Editor: Dwi Setiawan</div></div>', ""),
    ("", '<div class="footer-credit"><div>Penulis: <b>Abdul Majid</b><br>'
         'Editor: <b>Dwi Setiawan</b></div></div>'),
], ids=["divs-under-the-headline", "footer-div"])
def test_a_credits_div_names_the_writer_and_the_editor(cleaner, credits, after):
    record = cleaner.clean(_page(credits, after), url="https://www.tribunnews.com/sport/2025/x")
    assert record["meta"]["authors"] == ["Abdul Majid"]
    assert record["meta"]["editors"] == ["Dwi Setiawan"]


def test_a_box_of_blocks_opening_on_a_label_is_no_credits_line(cleaner):
    box = ('<div class="box">Editor: <div><p>Pilihan redaksi hari ini, tiga berita yang wajib '
           'Anda baca sebelum berangkat kerja.</p></div></div>')
    record = cleaner.clean(_page("", box), url="https://www.tribunnews.com/sport/2025/x")
    assert record["meta"]["editors"] == []
