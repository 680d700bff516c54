"""Error pages and consent walls a crawl returns as pages (an Apache "Not Found", a news site's
soft 404, a cookie wall, also in a WARC with HTTP 200) are kept, flagged `error-page` or
`consent-page`; articles, short briefs that mention "not found" and text records are not."""

from __future__ import annotations

import io
import json
from unittest.mock import ANY

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.rulefile import RuleFileError, load_pack
from conftest import ROOT

APACHE = ("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
          "<p>The requested URL was not found on this server.</p><hr><address>Apache/2.4.41 "
          "Server at example.com Port 80</address></body></html>")
SOFT_404 = ("<!DOCTYPE html><html><head><title>Page not found | The Example Times</title>"
            '<meta property="og:site_name" content="The Example Times"></head><body><header><nav>'
            '<ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>'
            "</header><main><h1>Oops! That page can't be found.</h1><p>Sorry, the page you are "
            "looking for does not exist or has been moved. Try searching our site or go back to "
            'the homepage.</p><form role="search"><input type="search"></form></main><footer><p>'
            "© 2024 The Example Times. All rights reserved.</p></footer></body></html>")
COOKIE = ('<!DOCTYPE html><html><head><title>Before you continue</title></head><body><div '
          'class="consent"><h1>Before you continue to Example News</h1><p>We use cookies and '
          "data to deliver and maintain our services, track outages and protect against spam, "
          "fraud and abuse, and measure audience engagement.</p><button>Reject all</button>"
          "<button>Accept all</button></div></body></html>")
BRIEF = ("<!DOCTYPE html><html><head><title>Missing boat not found</title></head><body><article>"
         "<h1>Missing boat not found</h1><p>Police said the missing boat was not found after a "
         "two-day search off the coast, and the search was called off on Sunday.</p></article>"
         "</body></html>")


def flags_of(record: dict) -> list[str]:
    return [flag["flag"] for flag in record["flags"]]


def page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><main><h1>{title}"
            f"</h1><p>{body}</p></main></body></html>")


@pytest.mark.parametrize("html, flag", [(APACHE, "error-page"), (SOFT_404, "error-page"),
                                        (COOKIE, "consent-page")])
def test_the_reported_error_pages_and_consent_wall_are_kept_and_flagged(cleaner, html, flag):
    record = cleaner.clean_html(html)
    assert record["text"]                       # nothing is lost
    assert flags_of(record) == [flag]
    assert "characters" in record["flags"][0]["reason"]


def test_an_indonesian_error_page_is_flagged(cleaner):
    record = cleaner.clean_html(page("Halaman Tidak Ditemukan - Kabar.id",
                                     "Maaf, halaman yang Anda cari tidak tersedia."))
    assert flags_of(record) == ["error-page"]


def test_a_consent_wall_is_flagged_by_its_first_line_when_its_title_says_nothing(cleaner):
    record = cleaner.clean_html(page("Example News", "Kami menggunakan cookie untuk "
                                     "menyediakan layanan kami. Setuju atau tolak."))
    # (id/cookie-notice matches the wall's notice, all of its text: the guard keeps it, and says so)
    assert [flag for flag in record["flags"] if flag["flag"] == "guard"] in (
        [], [{"flag": "guard", "rule": "id/cookie-notice", "reason": ANY}])
    assert [name for name in flags_of(record) if name != "guard"] == ["consent-page"]
    assert "first line" in record["flags"][-1]["reason"]
    assert "Kami menggunakan cookie" in record["text"]


def test_a_soft_404_inside_a_warc_with_http_200_is_flagged(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://x.example/soft404", "response", payload=io.BytesIO(SOFT_404.encode()),
            http_headers=http))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "--workers", "1", "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert flags_of(record) == ["error-page"]


def test_a_short_news_brief_that_mentions_not_found_is_not_flagged(cleaner):
    record = cleaner.clean_html(BRIEF)
    assert "not found after a two-day search" in record["text"]
    assert "error-page" not in flags_of(record)


@pytest.mark.parametrize("name", ["bbc.com/70cb2d5bca.html", "cityam.com/360c732d1f.html",
                                  "foxnews.com/7dfc3e359d.html"])
def test_real_articles_are_not_flagged(cleaner, name):
    record = cleaner.clean_html((ROOT / "fixtures" / name).read_bytes())
    assert not {"error-page", "consent-page"} & set(flags_of(record))


def test_a_text_record_is_not_checked(cleaner):
    record = cleaner.clean("Page not found\n\nThe requested URL was not found on this server.")
    assert not {"error-page", "consent-page"} & set(flags_of(record))


@pytest.mark.parametrize("title", ["", " ", "!!! | — |", "Not Found " * 100_000,
                                   "\ufeff404\u200b", "x" * 1_000_000])
def test_hostile_titles_raise_nothing(cleaner, title):
    record = cleaner.clean_html(page(title, "The requested URL was not found on this server."))
    assert record["flags"] is not None


def test_a_pack_of_another_language_names_its_phrases(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "es.toml").write_text('[pack]\nkind = "common"\nerror_phrases = '
                                   '["página no encontrada"]\n', encoding="utf-8")
    html = page("Página no encontrada", "Lo sentimos, esta dirección ya no existe.")
    assert "error-page" not in flags_of(Cleaner(builtin=False).clean_html(html))
    spanish = Cleaner([rules], builtin=False).clean_html(html)
    assert flags_of(spanish) == ["error-page"]


@pytest.mark.parametrize("value, reason", [('[""]', "empty word"), ('["!!"]', "no letter"),
                                           ("[404]", "error_phrases"), ('"404"', None)])
def test_a_bad_phrase_list_is_refused_naming_the_file(tmp_path, value, reason):
    path = tmp_path / "bad.toml"
    path.write_text(f'[pack]\nkind = "common"\nerror_phrases = {value}\n', encoding="utf-8")
    if reason is None:                  # one phrase written bare is a list of one, or refused
        try:
            assert load_pack(path).error_phrases == frozenset({"404"})
        except RuleFileError as exc:
            assert "bad.toml" in str(exc)
        return
    with pytest.raises(RuleFileError) as exc:
        load_pack(path)
    assert "bad.toml" in str(exc.value) and reason in str(exc.value)


@pytest.mark.parametrize("notice", ["You need to enable JavaScript to run this app.",
                                    "Please enable JavaScript to view this page.",
                                    "Silakan aktifkan JavaScript untuk membaca berita ini."])
def test_a_page_that_shows_only_its_javascript_notice_is_flagged(cleaner, notice):
    """A single-page app read without its script: the notice was kept as the article, unflagged."""
    html = ("<html><head><title>Loading...</title><script>window.__DATA__={}</script></head>"
            f'<body><div id="root"></div><noscript>{notice}</noscript></body></html>')
    record = cleaner.clean_html(html)
    assert record["text"] == notice and flags_of(record) == ["error-page"]


def test_an_article_about_javascript_is_no_error_page(cleaner):
    record = cleaner.clean_html(page("Browsers drop old scripts",
                                     "Browser makers said users who enable JavaScript features "
                                     "will see faster pages from next month, in a long report."))
    assert "error-page" not in flags_of(record)
