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
