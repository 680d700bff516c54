"""Web pages: a chrome class never takes the article or a word of a sentence; mojibake and undeclared legacy charsets read as in a text."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.html_charset import decode_html, guess_charset
from cleaner.html_chrome import chrome_name
from cleaner.html_extract import extract_article
from cleaner.html_load import PageError, load_page
from cleaner.inputs import Item
from cleaner.readers import iter_inputs

NAV = "".join(f'<li><a href="/k{i}">Kategori Berita Daerah {i}</a></li>' for i in range(40))
FOOTER = "".join(f'<li><a href="/f{i}">Tautan kebijakan redaksi dan informasi perusahaan {i}</a>'
                 "</li>" for i in range(25))
SHORT = "".join(f"<p>Kalimat berita pendek nomor {i} tentang peresmian jembatan baru di Samarinda "
                "pada Senin pagi.</p>" for i in range(4))
PARAGRAPHS = "".join(f"<p>Paragraf {i}: Pemerintah daerah meresmikan jembatan baru yang "
                     "menghubungkan dua kecamatan di Kalimantan Timur pada Senin pagi.</p>"
                     for i in range(8))


def page(body: str, title: str = "Jembatan Baru") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{body}</body></html>")


def short_article_in(wrapper_class: str) -> str:
    """A short article amid long menus, in a wrapper of this class: under a quarter of the
    page's words."""
    return page(f'<nav><ul>{NAV}</ul></nav><div class="{wrapper_class}"><article>'
                f"<h1>Jembatan Baru</h1>{SHORT}</article></div><footer><ul>{FOOTER}</ul></footer>")


# -- a chrome class on the article's wrapper -----------------------------------------------------

@pytest.mark.parametrize("wrapper", ["container container-single penci_sidebar", "no-sidebar",
                                     "has-sidebar", "content-sidebar-wrap", "l-sidebar-fixed",
                                     "post-share-wrap share-bar"])
def test_a_short_article_in_a_wrapper_with_a_chrome_class_is_kept(wrapper):
    plain = Cleaner().clean_html(short_article_in("container container-single"))
    record = Cleaner().clean_html(short_article_in(wrapper))
    assert record["text"] == plain["text"]
    assert "Kalimat berita pendek nomor 3" in record["text"]
    assert not [r for r in record["removed"] if r["rule"].startswith("html/chrome-")
                and "Kalimat berita" in r["text"]]


def test_layout_modifiers_name_no_sidebar_where_sidebars_still_do():
    assert [chrome_name(c) for c in ("no-sidebar", "has-sidebar", "with_sidebar",
                                     "content-sidebar-wrap", "no_sidebar_border")] == [None] * 5
    assert [chrome_name(c) for c in ("sidebar", "sidebar-right", "left-sidebar", "main-sidebar",
                                     "penci_sidebar")] == ["sidebar"] * 5


def test_a_sidebar_beside_a_short_article_still_goes():
    sidebar = ('<aside class="sidebar"><h3>Terpopuler</h3><p>Harga cabai di pasar tradisional '
               "naik dua kali lipat menjelang akhir pekan ini.</p></aside>")
    record = Cleaner().clean_html(page(f"<nav><ul>{NAV}</ul></nav><article><h1>Jembatan Baru</h1>"
                                       f"{SHORT}</article>{sidebar}"))
    assert "Harga cabai" not in record["text"]
    [taken] = [r["text"] for r in record["removed"] if r["rule"] == "html/chrome-sidebar"]
    assert taken.endswith("Harga cabai di pasar tradisional naik dua kali lipat menjelang akhir "
                          "pekan ini.")


def test_a_page_emptied_by_stripping_names_the_rule_that_took_its_prose():
    tree, _, _ = load_page(page(f"<nav><ul>{NAV}</ul></nav><div class='isi'><h1>Judul</h1>"
                                f"{SHORT}</div>"))
    with pytest.raises(PageError, match=r"^no article text found in the page once it was "
                                        r"stripped: site/html-strip:div\.isi took text that reads "
                                        r"as prose \('Judul ?Kalimat berita pendek nomor 0"):
        extract_article(tree, site_selectors=["div.isi"])


def test_a_page_with_no_article_at_all_says_only_that():
    with pytest.raises(PageError, match=r"^no article text found in the page$"):
        Cleaner().clean_html(page(f"<nav><ul>{NAV}</ul></nav>"))


# -- a chrome class on a word of a sentence ------------------------------------------------------

def test_links_and_words_with_a_chrome_class_inside_a_sentence_keep_their_text():
    sentence = ('<p>Presiden <a class="tag" href="/tag/j">Joko Widodo</a> meresmikan jembatan di '
                '<a class="related-link" href="/x">Kalimantan Timur</a> bersama <span '
                'class="sponsor">Menteri PUPR</span> pada Senin.</p>')
    record = Cleaner().clean_html(page(f"<article><h1>Jembatan Baru</h1>{sentence}{PARAGRAPHS}"
                                       "</article>"))
    assert record["text"].startswith("Presiden Joko Widodo meresmikan jembatan di Kalimantan "
                                     "Timur bersama Menteri PUPR pada Senin.\n")


def test_a_tag_list_and_a_lone_sponsored_label_still_go():
    tags = ('<p><a class="tag" href="/t/a">Infrastruktur</a> <a class="tag" href="/t/b">Samarinda'
            '</a></p><p><span class="sponsor">Konten Bersponsor</span></p>')
    record = Cleaner().clean_html(page(f"<article><h1>Jembatan Baru</h1>{PARAGRAPHS}{tags}"
                                       "</article>"))
    for label in ("Infrastruktur", "Samarinda", "Konten Bersponsor"):
        assert label not in record["text"]
    assert {r["rule"] for r in record["removed"]} >= {"html/chrome-tags", "html/chrome-promo"}


# -- mojibake ------------------------------------------------------------------------------------

MOJIBAKE = ['"Target ekspor naik, \u00e2\u20ac\u009d kata Menteri di Jakarta.'] + [
    f"Paragraf {i} tentang kebijakan industri kecil dan menengah di daerah." for i in range(5)]


def test_mojibake_holding_a_control_character_reads_in_a_page_as_in_a_text():
    text = Cleaner().clean("\n\n".join(MOJIBAKE))
    record = Cleaner().clean_html("<html><head><meta charset='utf-8'></head><body><article>"
                                  + "".join(f"<p>{p}</p>" for p in MOJIBAKE)
                                  + "</article></body></html>")
    assert record["text"].startswith('"Target ekspor naik, \u201d kata Menteri')
    assert record["text"] == text["text"]
    assert record["fixes"] == text["fixes"] == ["fix_mojibake"]


def test_a_page_without_mojibake_lists_no_fix_and_keeps_its_accents():
    record = Cleaner().clean_html(page("<article><h1>Café</h1><p>Café au lait di Cikini: harga "
                                       "naik — kata pemilik kafe kepada wartawan pagi ini.</p>"
                                       f"{PARAGRAPHS}</article>"))
    assert "Café au lait di Cikini: harga naik — kata" in record["text"]
    assert record["fixes"] == []


# -- undeclared legacy charsets ------------------------------------------------------------------

SPANISH = ("<html><head><title>Se\u00f1or Jos\u00e9 wins</title></head><body><article>"
           "<h1>Se\u00f1or Jos\u00e9 wins</h1>"
           + "".join(f"<p>Para {i}. Jos\u00e9 Mu\u00f1oz, the candidate from M\u00e1laga, said the "
                     "r\u00e9sultats were \u00abextraordinary\u00bb for the pe\u00f1a and the whole "
                     "regi\u00f3n today.</p>" for i in range(6))
           + "</article></body></html>")


def warc_record(url: str, body: bytes, content_type: str) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-"
            f"0000-000000000001>\r\nWARC-Date: 2016-09-01T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}"
            f"\r\n\r\n").encode() + http + b"\r\n\r\n"


def test_an_undeclared_latin1_page_in_a_warc_reads_as_windows_1252_and_is_flagged(tmp_path):
    path = tmp_path / "l1.warc"
    path.write_bytes(warc_record("http://es.example.com/2015/01/03/j", SPANISH.encode("latin-1"),
                                 "text/html"))
    [item] = list(iter_inputs([str(path)]))
    assert isinstance(item, Item)
    from cleaner.batches import clean_item
    record = clean_item(Cleaner(), item)
    assert record["meta"]["title"] == "Señor José wins"
    assert "José Muñoz, the candidate from Málaga" in record["text"]
    assert record["encoding"] == "cp1252"
    assert record["flags"] == [{"flag": "guessed-charset", "reason": "charset guessed from the "
                                "bytes: cp1252 (none declared, and not UTF-8)"}]


def test_pages_of_english_typography_without_a_declared_charset_read_as_windows_1252():
    body = ("<p>The caf\u00e9\u2019s owner paid \u00a35 for it \u2014 \u201ccheap\u201d, he "
            "said, and the cr\u00e8me br\u00fbl\u00e9e sold out by noon.</p>") * 3
    record = Cleaner().clean_html(f"<html><body><article><h1>Prices</h1>{body}</article></body>"
                                  "</html>".encode("cp1252"))
    assert "The café’s owner paid £5 for it — “cheap”, he said, and the crème brûlée" in (
        record["text"])
    assert [f["flag"] for f in record["flags"]] == ["guessed-charset"]


@pytest.mark.parametrize("text,charset", [
    ("Правительство России в среду одобрило проект закона об изменениях в налоговой системе. "
     "Как сообщил министр финансов, новые правила вступят в силу с начала следующего года.",
     "cp1251"),
    ("Rząd przyjął w środę projekt ustawy o zmianach w systemie podatkowym. Jak powiedział "
     "minister finansów, nowe przepisy mają wejść w życie od stycznia przyszłego roku.", "cp1250"),
    ("Η κυβέρνηση ενέκρινε την Τετάρτη το νομοσχέδιο για τις αλλαγές στο φορολογικό σύστημα.",
     "cp1253"),
])
def test_an_undeclared_page_in_another_script_or_latin_charset_is_read_in_it(text, charset):
    decoded, codec, notes = decode_html(f"<html><body><p>{text}</p></body></html>".encode(charset))
    assert text in decoded and codec == charset
    assert notes == [f"charset guessed from the bytes: {charset} (none declared, and not UTF-8)"]


def test_the_dos_code_pages_no_browser_guesses_are_not_guessed():
    # English with a no-break space and an em dash: charset-normalizer took it for cp775.
    data = ("<p>Read\u00a0more \u2014 the council said on Monday that the new road would open "
            "next spring, after two years of work.</p>" * 4).encode("cp1252")
    assert guess_charset(data) == "cp1252"


def test_a_wrong_declared_charset_is_said_and_the_guess_after_it_flagged():
    record = Cleaner().clean_html(page(f"<article><h1>Café</h1><p>Café au lait di Cikini "
                                       f"seharga Rp 30.000.</p>{PARAGRAPHS}</article>"
                                       ).encode("cp1252"))
    assert "Café au lait" in record["text"]
    assert [f["flag"] for f in record["flags"]] == ["charset", "guessed-charset"]
    assert record["flags"][0]["reason"] == "declared charset utf-8 does not decode this page"


def test_a_utf8_page_or_a_declared_charset_is_no_guess():
    for data in (SPANISH.encode("utf-8"),
                 SPANISH.replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1")):
        _, _, notes = decode_html(data)
        assert notes == []


# -- a sentence after a box inside text parted by <br> ------------------------------------------

LEAD = ("Polisi menangkap dua pria yang diduga mencuri sepeda motor di kawasan Depok, Jawa Barat, "
        "pada Senin malam setelah aksi mereka terekam kamera pengawas.")
SECOND = ("Kapolsek setempat mengatakan kedua pelaku sudah beraksi di lima lokasi berbeda dalam "
          "sebulan terakhir.")
QUOTE = '"Kami masih mengembangkan kasus ini," ujar Kapolsek kepada wartawan, Selasa (12/3/2024).'
LAST = ("Kedua pelaku dijerat pasal pencurian dengan pemberatan dengan ancaman hukuman maksimal "
        "tujuh tahun penjara.")
BOXES = {
    "nested divs": "<div><div>Foto: dokumentasi polisi setempat</div></div>",
    "a box in a table": '<table class="linksisip"><tr><td><div class="lihatjg"><strong>Lihat '
                        'juga Video: </strong><a href="/v">Video Pencuri Motor</a></div></td>'
                        "</tr></table>",
}
OPENINGS = {"loose": LEAD, "a dateline in bold": f"<strong>Jakarta</strong> - {LEAD}"}


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("opening", OPENINGS)
def test_the_sentence_after_a_box_in_text_parted_by_breaks_is_kept(cleaner, box, opening):
    """detik and antaranews part their text with <br> and put a photo credit or a "Lihat juga"
    box among it; the sentence after the box is the box's tail, which trafilatura dropped once
    the text around it held a paragraph (the lead given as one, a table made a <div>): the
    record lost it as html/not-extracted."""
    html = page(f'<article><h1>Pencuri Motor Ditangkap</h1><div class="body">{OPENINGS[opening]}'
                f"<br><br>{SECOND}<br><br>{BOXES[box]}{QUOTE}<br><br>{LAST}</div></article>",
                title="Pencuri Motor Ditangkap")
    record = cleaner.clean_html(html)
    assert QUOTE in record["text"].split("\n")
    assert [r["text"] for r in record["removed"] if r["rule"] == "html/not-extracted"] == []
    lines = [line for line in record["text"].split("\n") if line]
    assert lines.index(SECOND) < lines.index(QUOTE) < lines.index(LAST) == len(lines) - 1


TOI_TITLE = "Mumbai rains: IMD issues orange alert for Mumbai, Thane; local trains running late"
TOI_PARAS = [
    "The India Meteorological Department on Sunday issued an orange alert for Mumbai, Thane and "
    "Palghar, forecasting heavy to very heavy rainfall over the next 48 hours as the monsoon "
    "strengthens along the Konkan coast.",
    "Local train services on the Central Railway's main line were running 15 to 20 minutes late "
    "on Sunday morning after waterlogging was reported near Sion and Kurla stations.",
    "The Brihanmumbai Municipal Corporation said all 24 ward offices had been asked to keep "
    "pumping stations on standby and that schools would remain open unless the alert was "
    "upgraded to red.",
    "Officials urged residents to avoid low-lying areas and to follow updates from the civic "
    "body's disaster management cell."]


def test_the_paragraphs_after_breaks_beside_a_lead_given_as_a_paragraph_are_kept(cleaner):
    """The Times of India parts its text with <br><br> and puts an "Also Read" box among it. Its
    lead, naming the headline's words, was given as a paragraph (give_loose_leads), and beside
    it trafilatura dropped every run after a <br>: two of four paragraphs went as
    html/not-extracted."""
    box = ('<div class="also_read_wrapper"><span>Also Read</span><ul><li><a href="/a/1.cms">'
           'Coastal road stretch to open for traffic from next week</a></li></ul></div>')
    html = page(f'<div class="x"><div class="fewcent">{TOI_PARAS[0]}<br><br>{TOI_PARAS[1]}'
                f"<br><br>{box}{TOI_PARAS[2]}<br><br>{TOI_PARAS[3]}</div></div>", title=TOI_TITLE)
    record = cleaner.clean_html(html)
    assert [line for line in record["text"].split("\n") if line] == TOI_PARAS
    assert not [r for r in record["removed"] if r["rule"] == "html/not-extracted"
                and r["text"] in TOI_PARAS]


def test_a_sentence_after_an_empty_block_in_a_block_with_its_own_text_is_read_once(cleaner):
    """Where the block's own text opens it and no paragraph is in it (jpost.com's breaking news:
    `<div class="fake-br-for-article-body">` between sentences), trafilatura reads the tails
    with it; a paragraph given there was read twice."""
    html = page(f'<article><h1>Pencuri Motor Ditangkap</h1><div class="body">{LEAD}'
                f'<div class="fake-br"></div>{QUOTE} {LAST}<br><div class="fake-br"></div>'
                "</div></article>", title="Pencuri Motor Ditangkap")
    text = cleaner.clean_html(html)["text"]
    assert text.count(QUOTE[:30]) == 1 and LEAD in text


def test_a_page_whose_article_follows_its_headline_in_a_layout_cell_is_read_without_its_menu(
        cleaner):
    """A table-laid page: the article is the headline's tail in the left cell, parted by <br>
    (the cell made a <div>); trafilatura took the whole page, menu and sidebar in, and the
    record listed the menu as left out though its words were in the text."""
    html = ('<html><head><meta charset="utf-8"><title>Gempa Guncang Sukabumi</title></head>'
            '<body><div id="menu"><a href="/">Beranda</a> | <a href="/p">Politik</a> | '
            '<a href="/e">Ekonomi</a></div><table width="100%"><tr><td width="70%">'
            f"<h1>Gempa Guncang Sukabumi</h1>\n{LEAD}<br><br>{SECOND}<br><br>{LAST}<br><br>"
            '</td><td width="30%"><h3>Berita Terkini</h3><a href="/1">Harga emas naik hari ini'
            '</a><br><a href="/2">Presiden resmikan bendungan baru</a></td></tr></table>'
            "</body></html>")
    record = cleaner.clean_html(html)
    assert [line for line in record["text"].split("\n") if line] == [LEAD, SECOND, LAST]
    left_out = [r["text"] for r in record["removed"] if r["rule"] == "html/not-extracted"]
    assert left_out == ["Beranda | Politik | Ekonomi", "Berita Terkini",
                        "Harga emas naik hari ini Presiden resmikan bendungan baru"]


# -- lists of links the article introduces; what a removal of a list records --------------------

SITES = ('<ul><li><a href="https://cekbansos.kemensos.go.id">Cek Bansos Kementerian Sosial</a></li>'
         '<li><a href="https://dtks.kemensos.go.id">Data Terpadu Kesejahteraan Sosial</a></li>'
         '<li><a href="https://www.bpjs.go.id">Portal BPJS Kesehatan</a></li></ul>')


def test_a_list_of_links_a_sentence_of_the_article_introduces_is_kept(cleaner):
    """The article's own list ("Berikut situs resmi ...:" before the sites) went as
    html/chrome-link-list, a menu's rule."""
    html = page(f"<article><h1>Cek Bansos</h1>{PARAGRAPHS}<p>Berikut situs resmi yang dapat "
                f"digunakan untuk mengecek status penerima bantuan sosial:</p>{SITES}"
                f"{PARAGRAPHS}</article>", title="Cek Bansos")
    record = cleaner.clean_html(html)
    for site in ("Cek Bansos Kementerian Sosial", "Portal BPJS Kesehatan"):
        assert f"- {site}" in record["text"].split("\n")
    assert [r for r in record["removed"] if r["rule"].startswith("html/")] == []


@pytest.mark.parametrize("label", ["<p>Baca juga:</p>",
                                   "<h3>Related coverage from <a href='/c'>How to Do Everything: "
                                   "Money</a>:</h3>"])
def test_a_list_of_links_under_a_label_or_heading_still_goes_its_items_parted(cleaner, label):
    html = page(f"<article><h1>Cek Bansos</h1>{PARAGRAPHS}{label}{SITES}{PARAGRAPHS}</article>",
                title="Cek Bansos")
    record = cleaner.clean_html(html)
    assert "Portal BPJS Kesehatan" not in record["text"]
    assert [r["text"] for r in record["removed"] if r["rule"] == "html/chrome-link-list"] == [
        "Cek Bansos Kementerian Sosial Data Terpadu Kesejahteraan Sosial Portal BPJS Kesehatan"]


@pytest.mark.parametrize("cut", ["</", "<", "</p", '</p><p>Petugas <a href="/x', "<!-- komentar"])
def test_a_page_cut_inside_a_tag_ends_its_text_without_the_tag(cleaner, cut):
    """A download or a crawler cut the page there: the parser gave the fragment as text, and the
    article ended with "satu meter.</"."""
    html = page(f"<article><h1>Banjir</h1>{PARAGRAPHS}<p>Air terus naik hingga satu meter.",
                title="Banjir").replace("</body></html>", "") + cut
    text = cleaner.clean_html(html)["text"]
    assert text.rstrip().endswith("satu meter.") or text.rstrip().endswith("Petugas")
    assert "<" not in text


def test_a_page_ending_in_text_that_holds_a_less_than_sign_keeps_it(cleaner):
    html = page(f"<article><h1>Harga</h1>{PARAGRAPHS}<p>Inflasi tahun ini tetap terkendali di "
                "bawah target karena harga pangan stabil, dengan angka < 3", title="Harga")
    html = html.replace("</body></html>", "")
    assert cleaner.clean_html(html)["text"].rstrip().endswith("angka < 3")


def test_an_xhtml_pages_xml_declaration_declares_its_charset(cleaner):
    """`<?xml version="1.0" encoding="ISO-8859-2"?>` was no declaration: the page was read as
    guessed ("guessed-charset ... none declared"), and a Latin-2 page could be guessed wrong."""
    body = ("<html><head><title>Zima</title></head><body><article><h1>Zima w Polsce</h1>"
            f"{PARAGRAPHS}<p>Mróz i śnieg sparaliżowały ruch w Łodzi w poniedziałek rano.</p>"
            "</article></body></html>")
    page_bytes = b'<?xml version="1.0" encoding="ISO-8859-2"?>\n' + body.encode("iso-8859-2")
    record = cleaner.clean_html(page_bytes)
    assert "Mróz i śnieg sparaliżowały ruch w Łodzi" in record["text"]
    assert not any(flag["flag"] == "guessed-charset" for flag in record["flags"])
    assert record["encoding"] == "iso8859-2"
