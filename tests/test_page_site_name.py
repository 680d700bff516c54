"""A page's og:site_name that is only its host's leading label ("nj" on nj.com) gives the host
as the record's source; a site's own name ("CityAM", "BBC News") stays as written."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.page_metadata import host_site_name, page_metadata

PARAGRAPHS = "".join(f"<p>Paragraph {i}. The county board voted on Tuesday to extend the bus "
                     "line to the new hospital, officials said after a long public hearing that "
                     "ran past midnight.</p>" for i in range(4))


def page(site_name: str, canonical: str | None) -> str:
    """A small English news page naming its site, with its canonical url or none."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f'<html lang="en"><head><meta charset="utf-8"><title>Bus line extended</title>{link}'
            f'<meta property="og:site_name" content="{site_name}"></head><body><article>'
            f"<h1>Bus line extended</h1>{PARAGRAPHS}</article></body></html>")


@pytest.mark.parametrize("name, url, source", [
    ("nj", "https://www.nj.com/news/2019/11/a.html", "nj.com"),
    ("cleveland", "https://www.cleveland.com/entertainment/a.html", "cleveland.com"),
    ("usatoday", "https://eu.usatoday.com/story/news/a/", "usatoday.com"),
    ("telegraph", "https://www.telegraph.co.uk/news/a/", "telegraph.co.uk"),
    ("tempo", "https://www.tempo.co/read/1", "tempo.co"),
    ("BBC News", "https://www.bbc.co.uk/news/a", "BBC News"),
    ("Snopes.com", "https://www.snopes.com/fact-check/a/", "Snopes.com"),
    ("CityAM", "https://www.cityam.com/a/", "CityAM"),
    ("IndieWire", "https://www.indiewire.com/2019/11/a/", "IndieWire"),
    ("news", "https://news.bbc.co.uk/a", "news"),        # a subdomain's label: no site name
    ("com", "https://www.nj.com/a", "com"),
    ("www", "https://www.nj.com/a", "www"),
])
def test_a_site_name_that_is_its_hosts_label_is_the_host(name, url, source):
    assert host_site_name(name, url) == source


@pytest.mark.parametrize("name, url", [
    (None, "https://www.nj.com/a"), ("", "https://www.nj.com/a"), ("nj", None), ("nj", "N/A"),
    ("nj", "http://[::1"), ("  ", "http://a..com/"), ("nj", "javascript:alert(1)"),
    ("nj", "https://nj"),
])
def test_no_host_or_no_name_leaves_the_name_as_it_is(name, url):
    assert host_site_name(name, url) == name


def test_the_input_url_gives_the_host_before_the_canonical_one():
    tree = lxml_html.fromstring(page("nj", "https://www.cleveland.com/a"))
    assert page_metadata(tree, "https://www.nj.com/news/a.html")["sitename"] == "nj.com"
    assert page_metadata(tree)["sitename"] == "nj"           # cleveland's label it is not
    assert page_metadata(tree, "N/A")["sitename"] == "nj"


@pytest.mark.parametrize("name, canonical, source", [
    ("nj", "https://www.nj.com/entertainment/2019/11/a.html", "nj.com"),
    ("cleveland", "https://www.cleveland.com/entertainment/2019/11/a.html", "cleveland.com"),
    ("CityAM", "https://www.cityam.com/a/", "CityAM"),
    ("nj", None, "nj"),                   # no url says its host: the name is all there is
])
def test_the_records_source_is_the_host_for_a_label_and_the_name_otherwise(name, canonical,
                                                                          source):
    record = Cleaner().clean_html(page(name, canonical).encode("utf-8"))
    assert record["meta"]["source"] == source
    assert record["text"].startswith("Paragraph 0. The county board")


def test_a_page_file_of_nj_com_names_nj_com_from_the_cli(tmp_path):
    path = tmp_path / "nj.html"
    path.write_text(page("nj", "https://www.nj.com/news/2019/11/a.html"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["meta"]["source"] == "nj.com" and record["meta"]["site"] == "nj.com"


def page_with(site_name: str, canonical: str | None, publisher: str | None) -> str:
    """The page of `page`, with a publisher meta when one is given."""
    tag = f'<meta name="publisher" content="{publisher}">' if publisher else ""
    return page(site_name, canonical).replace("</head>", f"{tag}</head>")


NJ = "https://www.nj.com/news/2019/11/a.html"


@pytest.mark.parametrize("name", ["nj", "nj.com", "www.nj.com", "https://www.nj.com",
                                  "https://www.nj.com/", "HTTPS://WWW.NJ.COM", "www.nj.com."])
@pytest.mark.parametrize("publisher, source", [("NJ Advance Media", "NJ Advance Media"),
                                               (None, "nj.com"),
                                               ("https://www.nj.com", "nj.com")])
def test_a_site_name_saying_only_the_host_follows_one_rule_however_written(name, publisher,
                                                                           source):
    # the publisher meta when the page has one (not an address itself), else the host
    record = Cleaner().clean_html(page_with(name, NJ, publisher).encode("utf-8"))
    assert record["meta"]["source"] == source


@pytest.mark.parametrize("name, url, source", [
    ("https://www.newsnation.in", None, "newsnation.in"),       # a url names its host itself
    ("www.newsnation.in", "https://www.nj.com/a", "newsnation.in"),
    ("https://sport.detik.com/sepakbola", None, "detik.com"),
    ("https://www.telegraph.co.uk", None, "telegraph.co.uk"),
    ("newsnation.in", None, "newsnation.in"),
    ("Snopes.com", None, "Snopes.com"),           # a capital: the site's own spelling
    ("NJ", "https://www.nj.com/a", "NJ"),
])
def test_a_url_or_host_as_site_name_gives_its_host_from_the_registrable_label(name, url, source):
    assert host_site_name(name, url) == source


@pytest.mark.parametrize("name", ["168", "1", "10"])
def test_a_label_of_an_ip_address_host_is_no_host(name):
    assert host_site_name(name, "http://192.168.1.10/a") == name
    record = Cleaner().clean_html(page(name, "http://192.168.1.10/a").encode("utf-8"))
    assert record["meta"]["source"] == name


@pytest.mark.parametrize("name", ["http://192.168.1.10/", "192.168.1.10"])
def test_an_ip_address_as_site_name_gives_the_publisher_or_no_name(name):
    assert host_site_name(name, "http://192.168.1.10/a", "Warta Kota") == "Warta Kota"
    assert host_site_name(name, None) is None
    record = Cleaner().clean_html(page(name, "http://192.168.1.10/a").encode("utf-8"))
    assert record["meta"].get("source") not in ("192", "168.1.10", "192.168.1.10", name)


@pytest.mark.parametrize("name", ["https://", "www.", "http://[::1", "nj..com", "https://N/A",
                                  ".", "http://" + "a." * 300 + "com", "\x00nj"])
def test_a_damaged_address_as_site_name_does_not_raise(name):
    host_site_name(name, NJ, "NJ Advance Media")
    host_site_name(name, None)
    record = Cleaner().clean_html(page_with(name.replace("\x00", ""), NJ, None).encode("utf-8"))
    assert record["text"].startswith("Paragraph 0. The county board")
