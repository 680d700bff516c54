"""A related-article link inside a web page's paragraph ("… tsunami. Baca Juga: <a>Title</a>
Warga …") is put on a line of its own by the HTML-to-text step, where the packs' related-link
line rules take it; the text around it stays one paragraph. The labels are the packs'
`related_labels`. A short page whose heading opens it and whose next line says a consent phrase
is a consent wall (acceptance run, formats: D1, D3)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.lexicon import lexicon, shipped_lexicon
from cleaner.rulefile import RuleFileError, load_pack

LEAD = ("Mamuju - Gempa bumi bermagnitudo 5,2 mengguncang wilayah Kabupaten Mamuju, Sulawesi "
        "Barat, pada Senin malam. Getaran dirasakan cukup kuat sehingga warga berhamburan keluar "
        "rumah.")
BEFORE = ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) menyebutkan pusat gempa berada di "
          "darat pada kedalaman 10 kilometer. Gempa tidak berpotensi tsunami.")
AFTER = "Warga di pesisir Mamuju sempat mengungsi ke dataran tinggi selama dua jam."
LAST = ("Kepala Pelaksana BPBD Sulawesi Barat mengatakan pihaknya masih mendata kerusakan "
        "bangunan. Sejauh ini dilaporkan dua rumah warga mengalami retak pada bagian dinding.")
TITLE = "BMKG Catat 14 Kali Gempa Susulan di Sulawesi Barat"
LINK = f'<a href="/nasional/bmkg-gempa-susulan">{TITLE}</a>'


def page(paragraph: str, lang: str = "id", headline: str = "Gempa Magnitudo 5,2 Guncang Mamuju",
         lead: str = LEAD, last: str = LAST) -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{headline}'
            f'</title><meta property="og:title" content="{headline}"></head><body><main><article>'
            f'<h1>{headline}</h1><div class="entry-content"><p>{lead}</p><p>{paragraph}</p>'
            f"<p>{last}</p></div></article></main></body></html>")


def related_removals(record: dict) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"]) for r in record["removed"]
            if not r["rule"].startswith(("html/", "header/"))]


@pytest.mark.parametrize("paragraph", [
    f"{BEFORE} Baca Juga: {LINK} {AFTER}",
    f"{BEFORE} <strong>Baca Juga: {LINK}</strong> {AFTER}",
    f"{BEFORE} <strong>Baca Juga:</strong> {LINK} {AFTER}",
    f"{BEFORE} Baca juga: <strong>{LINK}</strong> {AFTER}",
    f"{BEFORE}\nBACA JUGA: {LINK}\n{AFTER}",
], ids=["plain", "strong", "strong-label", "strong-link", "capitals"])
def test_an_inline_related_link_goes_and_its_paragraph_stays_whole(cleaner, paragraph):
    record = cleaner.clean_html(page(paragraph))
    paragraphs = record["text"].split("\n\n")
    assert f"{BEFORE} {AFTER}" in paragraphs
    assert "Baca" not in record["text"] and "BACA" not in record["text"]
    [(rule, text)] = related_removals(record)
    assert rule == "id/related-link"
    assert " ".join(text.split()).lower() == f"baca juga: {TITLE}".lower()


def test_the_acceptance_page_with_a_link_after_a_br_is_as_it_was(cleaner):
    record = cleaner.clean_html(page(f"{BEFORE}<br>Baca Juga: {LINK}<br>{AFTER}"))
    assert BEFORE in record["text"].split("\n\n") and AFTER in record["text"].split("\n\n")
    assert related_removals(record) == [("id/related-link", f"Baca Juga: {TITLE}")]


def test_a_link_opening_or_closing_its_paragraph_goes_and_the_rest_stays(cleaner):
    record = cleaner.clean_html(page(f"Baca juga: {LINK} {AFTER}", last=f"{LAST} Baca juga: {LINK}"))
    paragraphs = record["text"].split("\n\n")
    assert AFTER in paragraphs and LAST in paragraphs
    assert "Baca" not in record["text"]
    assert [rule for rule, _ in related_removals(record)] == ["id/related-link"] * 2


def test_several_links_in_one_paragraph_all_go(cleaner):
    other = '<a href="/x">Harga Cabai Naik Lagi di Pasar Induk</a>'
    record = cleaner.clean_html(page(f"{BEFORE} Baca Juga: {LINK} {AFTER} Simak juga: {other} "
                                     f"{LAST}", last="Paragraf penutup yang cukup panjang untuk "
                                     "sebuah artikel berita hari ini."))
    assert f"{BEFORE} {AFTER} {LAST}" in record["text"].split("\n\n")
    assert len(related_removals(record)) == 2


@pytest.mark.parametrize("paragraph", [
    # an ordinary link inside a sentence
    f'{BEFORE} Hal itu disampaikan kata <a href="/p">Presiden</a> di Istana. {AFTER}',
    # the label's words inside a sentence, not after its end
    f'{BEFORE} Ia ingin baca juga: <a href="/b">buku panduan gempa</a> nanti malam. {AFTER}',
    # no label before the link
    f"{BEFORE} Lihat laporan lengkap di {LINK} hari ini. {AFTER}",
], ids=["ordinary-link", "label-in-sentence", "no-label"])
def test_an_ordinary_link_is_not_split(cleaner, paragraph):
    plain = cleaner.clean_html(page(paragraph.replace("<a ", "<span ").replace("</a>", "</span>")))
    record = cleaner.clean_html(page(paragraph))
    assert record["text"] == plain["text"]
    assert related_removals(record) == []


def test_a_split_line_no_rule_takes_joins_its_paragraph_again(cleaner):
    # A label no line rule takes without its colon, in mixed case: the paragraph is as it was.
    paragraph = f"{BEFORE} Baca juga {LINK} {AFTER}"
    record = cleaner.clean_html(page(paragraph))
    assert f"{BEFORE} Baca juga {TITLE} {AFTER}" in record["text"].split("\n\n")


def test_the_labels_come_from_the_packs():
    words = shipped_lexicon()
    assert {"baca juga", "simak juga", "lihat juga"} <= set(words.related_labels)
    # Without them (no language pack loaded) the link stays in its paragraph.
    bare = Cleaner(builtin=False)
    assert lexicon(bare.packs).related_labels == ()


def test_a_related_label_without_a_letter_is_refused(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('[pack]\nid = "x"\nkind = "common"\nrelated_labels = [":"]\n',
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match="related_labels"):
        load_pack(path)


ENGLISH_LEAD = ("The Senate passed the spending bill late on Tuesday after weeks of "
                "talks between the two parties, sending it to the president for his signature.")
ENGLISH_BEFORE = "The measure keeps the government funded through the end of September."
ENGLISH_AFTER = "Lawmakers said a second package would follow in the spring."
ENGLISH_LAST = ("The White House said the president would sign the bill on Wednesday morning, "
                "ending the threat of a shutdown that had hung over the capital for a month.")


@pytest.mark.parametrize("label", ["Read more:", "Also read:", "RELATED:"])
def test_english_inline_related_links_go(cleaner, label):
    link = '<a href="/politics/shutdown">Congress Averts Shutdown With Hours to Spare</a>'
    record = cleaner.clean_html(page(f"{ENGLISH_BEFORE} {label} {link} {ENGLISH_AFTER}", "en",
                                     "Senate Passes Spending Bill", ENGLISH_LEAD, ENGLISH_LAST))
    assert f"{ENGLISH_BEFORE} {ENGLISH_AFTER}" in record["text"].split("\n\n")
    assert "Shutdown With Hours" not in record["text"]


def test_english_labels_given_by_a_pack_split_english_links(tmp_path):
    path = tmp_path / "related.toml"
    path.write_text('[pack]\nid = "related-test"\nkind = "common"\n'
                    'related_labels = ["Read more", "Also read", "Related"]\n', encoding="utf-8")
    cleaner = Cleaner(rules=[path])
    link = '<a href="/politics/shutdown">Congress Averts Shutdown With Hours to Spare</a>'
    for label in ("Read more:", "Also read:", "RELATED:"):
        record = cleaner.clean_html(page(f"{ENGLISH_BEFORE} {label} {link} {ENGLISH_AFTER}", "en",
                                         "Senate Passes Spending Bill", ENGLISH_LEAD,
                                         ENGLISH_LAST))
        assert f"{ENGLISH_BEFORE} {ENGLISH_AFTER}" in record["text"].split("\n\n"), label
        assert [rule for rule, _ in related_removals(record)] == ["chrome/related-prefix"]


# D3: consent walls.
ID_CONSENT = ('<html><head><title>Warta Nusantara</title></head><body><div class="cookie"><h2>'
              "Kami menghargai privasi Anda</h2><p>Kami menggunakan cookie untuk meningkatkan "
              "pengalaman Anda. Klik Setuju untuk melanjutkan ke situs.</p><button>Setuju</button>"
              "</div></body></html>")


def flags_of(record: dict) -> list[str]:
    return [flag["flag"] for flag in record["flags"]]


def _wall_flags(record: dict) -> list[str]:
    """A consent wall's flags but the guard's: id/cookie-notice matches the wall's notice, which
    is most of the page, so the guard keeps it and says so; the page stays whole either way."""
    assert all(flag["rule"] == "id/cookie-notice" for flag in record["flags"]
               if flag["flag"] == "guard")
    return [name for name in flags_of(record) if name != "guard"]


def test_an_indonesian_consent_wall_under_its_heading_is_flagged(cleaner):
    record = cleaner.clean_html(ID_CONSENT)
    assert _wall_flags(record) == ["consent-page"]
    assert "kami menggunakan cookie" in record["flags"][-1]["reason"]
    assert "Kami menggunakan cookie" in record["text"]


def test_a_short_article_mentioning_cookies_in_its_third_paragraph_is_no_consent_page(cleaner):
    html = ("<html><head><title>Kabar Kota</title></head><body><article><h1>Toko Kue Baru Dibuka"
            "</h1><p>Toko kue baru dibuka di pasar.</p><p>Warga antre sejak pagi hari.</p><p>"
            "Kami menggunakan cookie buatan sendiri, kata pemiliknya.</p></article></body></html>")
    record = cleaner.clean_html(html)
    assert len(record["text"]) < 300
    assert "consent-page" not in flags_of(record)


def test_a_short_article_whose_lead_follows_a_sentence_is_not_read_further(cleaner):
    html = ("<html><head><title>Kabar Kota</title></head><body><article><h1>Toko Kue Baru Dibuka"
            "</h1><p>Toko kue baru dibuka di pasar pagi ini.</p><p>Kami menggunakan cookie "
            "buatan sendiri, kata pemiliknya.</p></article></body></html>")
    record = cleaner.clean_html(html)
    assert "consent-page" not in flags_of(record)


def test_an_error_phrase_under_a_heading_is_read_as_before(cleaner):
    # Only consent walls are read under their heading: an error page says its error there.
    html = ("<html><head><title>Kabar Kota</title></head><body><article><h2>Perahu Hilang</h2>"
            "<p>Tidak ditemukan setelah dua hari pencarian, kata polisi.</p></article></body>"
            "</html>")
    record = cleaner.clean_html(html)
    assert not {"error-page", "consent-page"} & set(flags_of(record))


@pytest.mark.parametrize("paragraph", [
    "".join(f"Kalimat ke-{i} selesai. Baca juga: <a href='/{i}'>Judul Nomor {i} Hari Ini</a> "
            for i in range(3000)),
    "<a></a>" * 10_000 + f" {BEFORE} Baca juga: {LINK} {AFTER}",
    f"{BEFORE} <!-- x --> Baca juga: <a><!-- y --></a> <a>{'ж' * 300}</a> {AFTER}",
    f"{BEFORE} Baca juga: <a href='/x'>Judul (dengan [kurung] dan \\\\ .* tanda)</a> {AFTER}",
], ids=["many-links", "many-empty-links", "comments-and-long-title", "regex-characters"])
def test_hostile_pages_give_a_record(cleaner, paragraph):
    record = cleaner.clean_html(page(paragraph))
    assert AFTER in record["text"] or "Kalimat ke-2999 selesai." in record["text"]


def test_a_bare_baca_citing_a_text_the_sentence_goes_on_about_stays(cleaner):
    # 'Baca:' alone is no related label inside a paragraph: it cites what the sentence is about.
    before = "Sekolah wajib menyediakan buku pelajaran bagi setiap murid."
    link = '<a href="/uu/perpres-12-2024">Peraturan Presiden Nomor 12 Tahun 2024</a>'
    after = "pasal 5 yang mengatur pengadaan buku itu mulai berlaku tahun depan."
    html = (f"<html><head><title>Aturan Buku Sekolah</title></head><body><article>"
            f"<h1>Aturan Buku Sekolah</h1><p>{before} Baca: {link} {after}</p>"
            f"<p>{LEAD}</p><p>{LAST}</p></article></body></html>")
    record = cleaner.clean_html(html)
    assert "Peraturan Presiden Nomor 12 Tahun 2024 pasal 5" in record["text"]


# -- Review 31c: a short news item is no consent wall ------------------------------------------

@pytest.mark.parametrize("html", [
    # A quote under an h2 that says "Kami menggunakan cookie" (rev31c c5).
    ('<html lang="id"><head><title>Toko kue digugat pelanggan</title></head><body><article>'
     "<h1>Toko kue digugat pelanggan</h1><h2>Sidang digelar Mei</h2><p>\"Kami menggunakan "
     'cookie, bukan kue," kata pemilik toko sambil bercanda soal gugatan data pengunjung '
     "situsnya.</p><p>Sidang dijadwalkan Mei.</p></article></body></html>"),
    # An English report under an h2 that opens with "Cookie settings" (rev31c c6).
    ('<html lang="en"><head><title>Bakery sued over website tracking</title></head><body>'
     "<article><h1>Bakery sued over website tracking</h1><h2>Hearing set for May</h2><p>Cookie "
     "settings on the bakery's site were hidden, the lawsuit claims; the owner denies it.</p>"
     "<p>A hearing is set for May.</p></article></body></html>"),
    # A button elsewhere on the page, its label not in the text.
    ("<html><head><title>Kabar Kota</title></head><body><button>Menu</button><article><h2>"
     "Toko Kue Baru</h2><p>Kami menggunakan cookie buatan sendiri, kata pemiliknya.</p>"
     "</article></body></html>"),
], ids=["quote-under-h2", "report-under-h2", "other-button"])
def test_a_short_item_under_a_heading_that_mentions_cookies_is_no_consent_page(cleaner, html):
    record = cleaner.clean_html(html)
    assert len(record["text"]) < 300
    assert "consent-page" not in flags_of(record)


# The acceptance run's Indonesian consent wall, as it was given.
ACCEPTANCE_CONSENT_WALL = (
    '<html><head><title>Warta Nusantara</title></head><body><div class="cookie"><h2>Kami '
    "menghargai privasi Anda</h2><p>Kami menggunakan cookie untuk meningkatkan pengalaman Anda. "
    "Klik Setuju untuk melanjutkan ke situs.</p><button>Setuju</button></div></body></html>")


def test_the_acceptance_consent_wall_is_still_flagged(cleaner):
    assert _wall_flags(cleaner.clean_html(ACCEPTANCE_CONSENT_WALL.encode())) == ["consent-page"]


def test_an_english_consent_wall_under_its_heading_is_flagged(cleaner):
    html = ("<html><head><title>Example News</title></head><body><div><h2>We value your privacy"
            "</h2><p>We use cookies to improve your experience on our site.</p>"
            "<button>I agree</button></div></body></html>")
    assert flags_of(cleaner.clean_html(html)) == ["consent-page"]
