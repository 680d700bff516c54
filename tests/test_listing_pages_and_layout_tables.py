"""Pages a crawl holds (from an acceptance run): a section page of teaser cards is flagged
`listing-page` and takes no teaser's date; a short page keeps its paragraphs apart, its headline
and byline taken as on longer pages; a one-cell layout table leaves no `| |` line; detik's header
byline `<div class="detail__author">` gives the author on a page as on text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from cleaner.html_extract import drop_border_lines, listing_teasers, resplit_joined, unwrap_layout_tables
from cleaner.page_bylines import names_only, read_page_bylines, split_byline
from conftest import ROOT


def flags_of(record: dict) -> list[str]:
    return [flag["flag"] for flag in record["flags"]]


# -- 1. a section page --------------------------------------------------------------------------

CARDS = [("Dermaga Tua di Pesisir Utara Mulai Diperbaiki",
          "Pemerintah kabupaten mulai memperbaiki dermaga tua setelah gelombang tinggi merusak "
          "tiang penyangganya."),
         ("Harga Cabai Turun di Pasar Induk",
          "Harga cabai rawit di pasar induk turun hingga sepuluh ribu rupiah per kilogram dalam "
          "tiga hari terakhir."),
         ("Jadwal Kapal Feri Lebaran Diumumkan",
          "Operator pelabuhan mengumumkan jadwal tambahan kapal feri untuk mengantisipasi "
          "lonjakan pemudik tahun ini."),
         ("Nelayan Keluhkan Kenaikan Harga Solar",
          "Para nelayan di Muara Angke mengeluhkan kenaikan harga solar yang membuat biaya "
          "melaut semakin mahal."),
         ("BMKG Peringatkan Gelombang Empat Meter",
          "Gelombang setinggi empat meter diperkirakan terjadi di perairan selatan Jawa hingga "
          "akhir pekan ini."),
         ("Sekolah Pesisir Terima Bantuan Buku",
          "Puluhan sekolah dasar di wilayah pesisir menerima bantuan buku bacaan dari sebuah "
          "yayasan pendidikan.")]


def card(i: int, headline: str, summary: str) -> str:
    return (f'<div class="article-card"><h2><a href="/daerah/2024/03/0{i + 1}/x{i}">{headline}'
            f'</a></h2><p>{summary}</p><span class="date">{i + 1} Maret 2024</span></div>')


SECTION = ('<html lang="id"><head><title>Berita Daerah Terkini - Kabar Pesisir</title></head>'
           '<body><nav><a href="/">Beranda</a></nav><main><h1>Berita Daerah</h1>'
           + "".join(card(i, h, s) for i, (h, s) in enumerate(CARDS))
           + '<div class="pagination"><a href="?page=2">Berikutnya</a></div></main></body></html>')

PARAGRAPHS = [
    "Pemerintah kabupaten mulai memperbaiki dermaga tua di pesisir utara setelah gelombang "
    "tinggi pekan lalu merusak sebagian besar tiang penyangganya, kata kepala dinas perhubungan.",
    "Menurut dia, perbaikan ditargetkan selesai dalam dua bulan dengan anggaran sekitar tiga "
    "miliar rupiah dari dana tanggap darurat yang sudah disetujui dewan.",
    "Para nelayan berharap dermaga itu bisa dipakai lagi sebelum musim ikan tiba, karena kapal "
    "mereka kini harus bersandar di pelabuhan lain yang jauh dari kampung.",
    "Dinas juga akan memasang pemecah gelombang di sisi utara dermaga untuk mencegah kerusakan "
    "serupa terjadi lagi pada musim angin barat tahun depan.",
]

ARTICLE_WITH_TEASERS = (
    '<html lang="id"><head><title>Dermaga Tua Diperbaiki - Kabar Pesisir</title>'
    '<meta property="article:published_time" content="2024-03-08T10:00:00+07:00"></head><body>'
    '<main><article><h1>Dermaga Tua Diperbaiki</h1><div class="content">'
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + '</div></article><section class="more">'
    + "".join(card(i, h, s) for i, (h, s) in enumerate(CARDS))
    + "</section></main></body></html>")


def test_a_section_page_of_teaser_cards_is_flagged_a_listing_page(cleaner):
    record = cleaner.clean_html(SECTION)
    assert flags_of(record) == ["listing-page"]
    reason = record["flags"][0]["reason"]
    assert "6" in reason and "link" in reason
    # No teaser's date is the page's date, and no removal says it gave one.
    assert record["meta"]["date"] is None
    assert not any("date" in removal.get("fields", ()) for removal in record["removed"])
    # The text is kept: the flag says what it is.
    assert CARDS[0][1] in record["text"]


def test_a_listing_page_keeps_its_url_date_and_input_date(cleaner):
    record = cleaner.clean_html(SECTION, url="https://kabarpesisir.id/daerah/2024/02/29/indeks")
    assert flags_of(record) == ["listing-page"]
    assert record["meta"]["date"] == "2024-02-29"
    record = cleaner.clean_html(SECTION, date="2024-02-20")
    assert record["meta"]["date"].startswith("2024-02-20")


def test_an_article_with_teaser_cards_below_it_is_no_listing_page(cleaner):
    record = cleaner.clean_html(ARTICLE_WITH_TEASERS)
    assert "listing-page" not in flags_of(record)
    assert record["meta"]["date"].startswith("2024-03-08")


def test_listing_teasers_finds_the_cards_and_not_an_articles_paragraphs():
    tree = lxml_html.fromstring(SECTION)
    blocks = listing_teasers(tree)
    assert len(blocks) == 6
    tree = lxml_html.fromstring("<html><body><div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
                                + "</div></body></html>")
    assert listing_teasers(tree) == []


def _html_fixtures() -> list[Path]:
    return sorted(p for p in (ROOT / "fixtures").rglob("*.html"))


@pytest.mark.parametrize("path", _html_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_article_page_in_the_fixtures_is_flagged_a_listing_page(cleaner, path):
    record = cleaner.clean_html(path.read_bytes())
    assert "listing-page" not in flags_of(record)


# -- 2. a short page -----------------------------------------------------------------------------

HEAD = ('<html><head><title>BMKG Minta Nelayan Waspadai Gelombang Tinggi</title><meta name="author" '
        'content="Andi Firdaus"></head><body><main><article><h1>BMKG Minta Nelayan Waspadai '
        'Gelombang Tinggi</h1>\n<div class="byline">Penulis: Andi Firdaus | Editor: Chandra '
        'Hamdani</div>\n<div class="article-body">\n')
FIRST = ("Badan meteorologi memperkirakan cuaca di perairan tersebut masih akan berubah-ubah "
         "hingga akhir bulan. Nelayan diminta memperhatikan peringatan dini.")
SECOND = "Pihak kontraktor menyebut pekerjaan dilakukan siang dan malam."
TAIL = "</div></article></main></body></html>"


def _taken(record: dict, text: str) -> bool:
    return any(text in removal["text"] for removal in record["removed"])


def test_a_two_paragraph_page_keeps_its_paragraphs_as_lines(cleaner):
    record = cleaner.clean_html(HEAD + f"<p>{FIRST}</p><p>{SECOND}</p>" + TAIL)
    assert record["text"] == f"{FIRST}\n\n{SECOND}"
    assert record["meta"]["title"] == "BMKG Minta Nelayan Waspadai Gelombang Tinggi"
    assert record["meta"]["authors"] == ["Andi Firdaus"]
    assert record["meta"]["editors"] == ["Chandra Hamdani"]
    # The byline is out of the text, and its removal is recorded.
    assert _taken(record, "Penulis: Andi Firdaus")


def test_a_one_paragraph_page_has_no_headline_or_byline_in_its_text(cleaner):
    cut = FIRST.rstrip(".")
    record = cleaner.clean_html(HEAD + f"<p>{cut}" + TAIL)
    assert record["text"] == cut
    assert _taken(record, "Penulis: Andi Firdaus")
    assert record["meta"]["authors"] == ["Andi Firdaus"]


def test_the_cut_page_of_a_crawl_keeps_its_headline_and_byline_out(tmp_path):
    from cleaner.cli import main
    html = (HEAD + f"<p>{FIRST[:-1]} sebelum melaut</p><p>{SECOND}</p>" + TAIL).encode()
    html = html[:html.index(b"sebelum melaut")]
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:66666666-0000-0000-"
            b"0000-000000000001>\r\nWARC-Date: 2024-03-05T00:00:00Z\r\nWARC-Truncated: length\r\n"
            b"WARC-Target-URI: https://www.kabarpesisir.id/berita/bmkg-minta-nelayan\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % len(block)) + block + b"\r\n\r\n"
    path = tmp_path / "cut.warc"
    path.write_bytes(warc)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"] == FIRST[:-1]
    assert "truncated-page" in flags_of(record)


def test_resplit_joined_parts_a_line_made_of_the_pages_runs():
    runs = ["Menu", "Judul Berita", "Penulis: A B", "Paragraf satu di sini.", "Dua."]
    assert resplit_joined("Judul Berita Penulis: A B Paragraf satu di sini. Dua.", runs) == \
        "Judul Berita\nPenulis: A B\nParagraf satu di sini.\nDua."
    # A line that is one run, or not made of whole runs, stays as it is.
    assert resplit_joined("Paragraf satu di sini.", runs) == "Paragraf satu di sini."
    assert resplit_joined("Judul Berita Penulis: A", runs) == "Judul Berita Penulis: A"
    assert resplit_joined("Judul Berita\nDua.", runs) == "Judul Berita\nDua."


# -- 3. a "Baca juga" box in a layout table -----------------------------------------------------

BODY = ('<div class="detail__body-text itp_bodycontent"><p>Harga beras medium di sejumlah pasar '
        'tradisional di Jakarta Timur naik sekitar Rp 1.000 per kilogram dalam sepekan terakhir. '
        'Pedagang menyebut pasokan dari daerah sentra produksi berkurang karena panen mundur.</p>\n'
        '<p>Seorang pedagang di Pasar Jatinegara, Siti Aminah, mengatakan pembeli mulai mengurangi '
        'jumlah belanjaan. Menurut dia, sebagian pelanggan beralih ke beras kemasan yang harganya '
        'lebih stabil.</p>\n<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca '
        'juga: </strong><a href="https://news.detik.com/berita/d-7234000/x">Stok Beras Bulog Aman '
        'Jelang Ramadan</a></div></td></tr></table>\n<p>Dinas terkait berjanji menggelar operasi '
        'pasar pekan depan untuk menahan laju kenaikan harga. Stok di gudang Bulog disebut masih '
        'cukup hingga tiga bulan ke depan.</p></div>')
DETIK_PAGE = ('<html><head><title>Harga Beras Medium Naik di Pasar Tradisional - detikNews</title>'
              '</head><body>\n<div class="detail__header"><h1 class="detail__title">Harga Beras '
              'Medium Naik di Pasar Tradisional</h1>\n<div class="detail__author">Rina Marlina - '
              'detikNews</div><div class="detail__date">Selasa, 12 Mar 2024 09:15 WIB</div></div>\n'
              + BODY + '</body></html>\n')


@pytest.mark.parametrize("url", ["https://news.detik.com/berita/d-7234567/harga-beras",
                                 "https://www.kabarpesisir.id/berita/d-7234567/harga-beras"])
def test_a_related_box_in_a_one_cell_table_leaves_no_table_border(cleaner, url):
    record = cleaner.clean_html(DETIK_PAGE, url=url)
    lines = [line for line in record["text"].split("\n") if line.strip()]
    assert len(lines) == 3
    assert not any(set(line) <= set("| ") for line in lines)
    assert "|" not in record["text"]
    assert _taken(record, "Baca juga: Stok Beras Bulog Aman Jelang Ramadan")


def test_a_related_link_loose_in_a_one_cell_table_leaves_no_table_border(cleaner):
    page = DETIK_PAGE.replace('<div class="lihatjg"><strong>Baca juga: </strong>',
                              '<strong>Baca juga: </strong>').replace('</a></div></td>', '</a></td>')
    assert 'lihatjg' not in page
    record = cleaner.clean_html(page, url="https://www.kabarpesisir.id/berita/d-7234567/x")
    assert "|" not in record["text"]
    assert _taken(record, "Baca juga: Stok Beras Bulog Aman Jelang Ramadan")


def test_a_pull_quote_in_a_one_cell_table_stays_a_table():
    tree = lxml_html.fromstring('<html><body><table><tr><td class="pullquote">"Kami siap," '
                                'katanya.</td></tr></table></body></html>')
    assert unwrap_layout_tables(tree) == 0


def test_a_one_cell_table_is_layout_and_a_data_row_is_not():
    tree = lxml_html.fromstring(
        '<html><body><table class="linksisip"><tr><td><div>Baca juga: <a href="/x">X</a></div>'
        '</td></tr></table><table><tr><td>Beras</td><td>12.000</td></tr></table></body></html>')
    assert unwrap_layout_tables(tree) == 1
    assert [el.tag for el in tree.find("body")] == ["div", "table"]


def test_a_line_of_table_borders_alone_is_no_text():
    assert drop_border_lines("Satu.\n| |\nDua.\n| Beras | 12.000 |\n|") == \
        "Satu.\nDua.\n| Beras | 12.000 |"


# -- 4. detik's header byline on a page ---------------------------------------------------------

def test_detiks_header_byline_gives_the_author_on_a_page(cleaner):
    record = cleaner.clean_html(DETIK_PAGE, url="https://news.detik.com/berita/d-7234567/x")
    assert record["meta"]["authors"] == ["Rina Marlina"]
    assert record["meta"]["source"] == "detikcom"


def test_a_byline_of_names_then_a_dash_and_the_outlet():
    assert names_only("Rina Marlina - detikNews")
    assert names_only("Andhika Prasetia, Dwi Andayani - detikNews")
    found = read_page_bylines(["Rina Marlina - detikNews"], ["detikcom", "detikNews"])
    assert found.authors == ["Rina Marlina"]
    # After a person and a dash, what is no outlet (a place, a desk) is no co-author.
    assert read_page_bylines(["Budi Santoso - Jakarta"]).authors == ["Budi Santoso"]
    # A dash inside a name, or one between a sentence's words, parts nothing.
    assert split_byline("Jean-Paul Sartre") == (["Jean-Paul Sartre"], [])
    assert not names_only("Menurut sumber detikNews - rapat itu tertutup")


# -- 5. (review) articles of repeated blocks are no listing page ---------------------------------

_UPDATE = ("The minister told the chamber that the budget would include new spending on schools "
           "and hospitals, and the opposition leader replied that taxes would rise for working "
           "families as a result.")
_LEAD = ("The council said the new plan would cost more than expected and residents were asked "
         "to comment before the end of the month, officials told reporters.")
_CAPTION = ("Residents wade through water in the town centre after the river burst its banks on "
            "Sunday night, photo by Jane Doe.")
_PHONE = ("This phone offers a bright screen, a battery that lasts two full days and a camera "
          "that does well in low light. It costs less than most rivals and comes with three "
          "years of updates, which makes it our pick for most readers this year.")
_BRIEF = ("Negotiators met again on Tuesday after a week of silence, and officials said a deal "
          "could be reached by Friday if both sides keep to the terms agreed last month.")


def _dated_page(title: str, blocks: str, wrap: str = "article") -> str:
    """An article with no publication tags: its date is the <time> under its headline."""
    return (f'<html><head><title>{title}</title></head><body><{wrap}><h1>{title}</h1>'
            '<div class="byline">By Jane Doe</div><time datetime="2024-03-05">March 5, 2024'
            f'</time><p>{_LEAD}</p>{blocks}</{wrap}></body></html>')


_REVIEW_PAGES = {
    "liveblog": _dated_page("Budget 2024 live: minister unveils spending plans", "".join(
        f'<div class="live-entry"><a href="https://news.example.com/live/budget?post={i}">'
        f'10:{i:02d} GMT</a><p>Update {i}: {_UPDATE}</p></div>' for i in range(12))),
    "gallery": _dated_page("In pictures: floods hit the north", "".join(
        f'<div class="slide"><h3><a href="https://news.example.com/gallery/floods/{i}">Flooded '
        f'street number {i}</a></h3><img src="/{i}.jpg"><p>{_CAPTION}</p></div>'
        for i in range(8))),
    "listicle": _dated_page("The 10 best budget phones of 2024", "".join(
        f'<div class="list-item"><h2><a href="https://shop.example.com/p{i}">{i}. Best budget '
        f'phone number {i}</a></h2><p>{_PHONE}</p></div>' for i in range(1, 11))),
    "briefing": _dated_page("Morning briefing: what you need to know", "".join(
        f'<section class="brief"><h2><a href="https://news.example.com/b{i}">Story {i}: talks '
        f'resume in the capital</a></h2><p>{_BRIEF}</p></section>' for i in range(6))),
}
# The same briefing in a <main> and no <article>: its own date under its headline says it is one.
_REVIEW_PAGES["briefing-main"] = _REVIEW_PAGES["briefing"].replace(
    "<article>", "<main>").replace("</article>", "</main>")


@pytest.mark.parametrize("name", sorted(_REVIEW_PAGES))
@pytest.mark.parametrize("url", [None, "https://news.example.com/news/{}"])
def test_an_article_of_repeated_linked_blocks_is_no_listing_page(cleaner, name, url):
    record = cleaner.clean_html(_REVIEW_PAGES[name], url=url and url.format(name))
    assert "listing-page" not in flags_of(record)
    assert (record["meta"]["date"] or "").startswith("2024-03-05")
    assert record["meta"]["authors"] == ["Jane Doe"]


def test_listing_teasers_skips_permalinks_other_hosts_and_the_headlines_article():
    page = "https://news.example.com/news/x"
    for name in ("liveblog", "listicle", "gallery", "briefing"):
        assert listing_teasers(lxml_html.fromstring(_REVIEW_PAGES[name]), page) == [], name
    # The same blocks out of the headline's <article>, linking to pages of their own: teasers.
    gallery = _REVIEW_PAGES["gallery"].replace("<article>", "<div>").replace("</article>", "</div>")
    assert len(listing_teasers(lxml_html.fromstring(gallery), page)) == 8
    # Links to one page and its `?post=`/`#` places lead to no page of their own.
    live = _REVIEW_PAGES["liveblog"].replace("<article>", "<div>").replace("</article>", "</div>")
    assert listing_teasers(lxml_html.fromstring(live), page) == []


_RESULTS = ('<html><head><title>Search: election</title></head><body><h1>Search results for '
            'election</h1>' + "".join(
                f'<div class="result"><h3><a href="https://news.example.com/r{i}">Result '
                f'headline {i} on the election</a></h3><p>Snippet of the story about the election '
                'in the region with some more words.</p><span>2 days ago</span></div>'
                for i in range(10)) + "</body></html>")


@pytest.mark.parametrize("url", [None, "https://news.example.com/search?q=election"])
def test_a_search_results_page_is_a_listing_page(cleaner, url):
    assert flags_of(cleaner.clean_html(_RESULTS, url=url)) == ["listing-page"]


def test_the_reviewed_section_page_is_a_listing_page(cleaner):
    record = cleaner.clean_html(SECTION)
    assert flags_of(record) == ["listing-page"]
    assert record["meta"]["date"] is None


def test_an_article_with_a_related_rail_is_no_listing_page(cleaner):
    rail = "".join(f'<li class="related"><a href="https://news.example.com/story{i}">Related '
                   f'headline number {i} about something else entirely</a><p>A short summary of '
                   'the related story that runs to one sentence here.</p></li>'
                   for i in range(20))
    html = (_dated_page("Council approves new bridge", "".join(
        f"<p>{_LEAD} {_LEAD}</p>" for _ in range(3))) .replace(
        "</body>", f"<aside><ul>{rail}</ul></aside></body>"))
    record = cleaner.clean_html(html, url="https://news.example.com/news/bridge")
    assert "listing-page" not in flags_of(record)
    assert record["meta"]["date"].startswith("2024-03-05")


def test_a_listing_page_keeps_its_own_date_standing_outside_its_teasers(cleaner):
    # An index of the day: its own <time> under its headline, before and outside every card.
    html = SECTION.replace("<h1>Berita Daerah</h1>", '<h1>Berita Daerah</h1><time datetime='
                           '"2024-03-07">7 Maret 2024</time>').replace("<main>", "<div>").replace(
                               "</main>", "</div>")
    record = cleaner.clean_html(html)
    assert flags_of(record) == ["listing-page"]
    assert record["meta"]["date"].startswith("2024-03-07")
    # A card's own <time> is a teaser's: no date of the page.
    cards = SECTION.replace('<span class="date">1 Maret 2024</span>',
                            '<time datetime="2024-03-01">1 Maret 2024</time>')
    record = cleaner.clean_html(cards)
    assert flags_of(record) == ["listing-page"]
    assert record["meta"]["date"] is None


# -- 6. (review) "Name - X" bylines ---------------------------------------------------------------

@pytest.mark.parametrize("byline, authors, agencies, outlets", [
    ("John Smith - Jane Doe", ["John Smith", "Jane Doe"], [], []),
    ("John Smith — Jane Doe, Reuters", ["John Smith", "Jane Doe"], ["Reuters"], []),
    ("Ahmad Dani - Antara", ["Ahmad Dani"], ["Antara"], []),
    ("Budi Santoso - BBC News", ["Budi Santoso"], [], ["BBC News"]),
    ("Rina Marlina - detikNews", ["Rina Marlina"], [], ["detikNews"]),
    ("Budi Santoso - Jakarta", ["Budi Santoso"], [], []),
    ("Jean-Luc Picard - Starfleet", ["Jean-Luc Picard"], [], []),
    ("Jane Doe - Staff Writer", ["Jane Doe"], [], []),
])
def test_a_dash_after_a_name_parts_co_authors_agencies_and_outlets(byline, authors, agencies,
                                                                    outlets):
    found = read_page_bylines([byline])
    assert (found.authors, found.agencies, found.outlets) == (authors, agencies, outlets)


def test_split_byline_keeps_the_name_after_a_dash():
    assert split_byline("John Smith - Jane Doe") == (["John Smith", "Jane Doe"], [])
    assert split_byline("Siti Aminah - CNN Indonesia")[0] == ["Siti Aminah", "CNN Indonesia"]
    assert split_byline("Ahmad Dani - Antara")[0] == ["Ahmad Dani", "Antara"]
    assert split_byline("Budi Santoso - Jakarta") == (["Budi Santoso"], [])
    # The outlet the page names as its site is no author: the source, as after a comma.
    found = read_page_bylines(["Siti Aminah - CNN Indonesia"], ["CNN Indonesia"])
    assert found.authors == ["Siti Aminah"]
