"""A web page's authors: the site, its publisher, a desk, a user name or a wire agency is no
author; JSON-LD references, unlabelled author elements and labelled blocks name the people.

Each page is a small one shaped like a real page of the Scrapinghub benchmark (its id in the
comment), with only the markup its byline needs."""

from __future__ import annotations


import pytest

from cleaner.metadata import people
from cleaner.page_bylines import is_publisher, read_page_bylines, split_byline
from page_helpers import ld

BODY = ("The city council voted on Tuesday to expand the bus network, and officials said the "
        "new routes would open next spring after a long public consultation. ") * 3


def page(head: str = "", top: str = "", lead: str = "", title: str = "Council expands bus network",
         after: str = "") -> str:
    """An English article page: `head` in its <head>, `top` between the headline and the text,
    `lead` opening the first paragraph, `after` below the text."""
    paragraphs = "".join(f"<p>{BODY}</p>" for _ in range(4))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"{head}</head><body><article><h1>{title}</h1>{top}<p>{lead}{BODY}</p>{paragraphs}"
            f"</article>{after}</body></html>")


# -- 1. the site, its host and its publisher ---------------------------------------------------

@pytest.mark.parametrize("head,top,url", [
    # linknaija 34a73285: the JSON-LD author is the blog's name; og:site_name has a tagline.
    ('<meta property="og:site_name" content="LinkNaija | Nigeria\'s popular news platform">'
     + ld({"@type": "BlogPosting", "headline": "Kate Henshaw", "author": {"@type": "Person",
                                                                           "name": "LinkNaija"}}),
     "", "https://www.linknaija.com/2018/10/nollywood-actress.html"),
    # vortexcannon 95301fb7: "Posted by Vortex", no site name but the host.
    ("", '<ul class="entry-meta-list"><li class="meta-author">Posted by <a href="https://'
         'vortexcannon.org/author/vortex/" rel="author"><span class="vcard author author_name">'
         '<span class="fn">Vortex</span></span></a></li></ul>',
     "https://vortexcannon.org/about-bugs/"),
    # indiapost 5f9c5ed5: the site's name and its edition.
    ('<meta property="og:site_name" content="India Post">'
     '<meta name="author" content="India Post News Weekly">',
     "", "https://www.indiapost.com/with-shattered-dreams/"),
])
def test_an_author_that_is_the_site_its_host_or_its_edition_is_dropped(cleaner, head, top, url):
    assert cleaner.clean_html(page(head, top), url=url)["meta"]["authors"] == []


def test_a_json_ld_author_that_is_the_publisher_gives_way_to_the_visible_byline(cleaner):
    # appleinsider 65bf3048: JSON-LD calls the site a Person; the byline names two, a <br>
    # away from the date.
    head = ld({"@type": "NewsArticle", "headline": "MacBook Pro review",
               "author": {"@type": "Person", "name": "AppleInsider"},
               "publisher": {"@type": "Organization", "name": "AppleInsider"}})
    top = ('<p class="gray small byline">By <a href="/cdn-cgi/l/email-protection">Mike Wuerthele '
           ' and Malcolm Owen</a><br><span class="gray">Monday, November 18, 2019, 04:05 pm PT '
           '(07:05 pm ET)</span></p>')
    url = "https://appleinsider.com/articles/19/11/18/16-inch-macbook-pro-review"
    assert cleaner.clean_html(page(head, top), url=url)["meta"]["authors"] == [
        "Mike Wuerthele", "Malcolm Owen"]


@pytest.mark.parametrize("author,top,expected", [
    # snopes 8380689f: the author is an Organization; the byline links the person.
    ({"@type": "Organization", "name": "Snopes", "url": "https://www.snopes.com"},
     '<ul class="authors"><li class="author"><a class="author" href="/author/dan/">Dan Evon</a>'
     "</li></ul>", ["Dan Evon"]),
    # sky 92101975: the name in its own element, the job and the handle beside it.
    ({"@type": "Organization", "name": "Sky"},
     '<div class="sdc-article-author"><h3 class="sdc-article-author__name"><a href="/author/t">'
     'Tom Gillespie</a></h3><p class="sdc-article-author__role">News reporter <a class='
     '"sdc-article-author__link" href="http://twitter.com/@TomGillespie1">@TomGillespie1</a>'
     "</p></div>", ["Tom Gillespie"]),
    # cbsnews 2c46804d: the Organization alone, no person on the page.
    ({"@type": "Organization", "name": "CBS News"}, "", []),
])
def test_an_organisation_named_as_the_json_ld_author_is_no_person(cleaner, author, top, expected):
    head = ld({"@type": "NewsArticle", "headline": "Council", "author": author})
    assert cleaner.clean_html(page(head, top))["meta"]["authors"] == expected


def test_a_meta_author_that_is_the_publisher_gives_way_to_json_ld_persons(cleaner):
    # wired 2f42ef1d: the meta author tag names the copyright holder.
    head = ('<meta name="author" content="Condé Nast">'
            '<meta name="copyright" content="Copyright (c) Condé Nast 2019">'
            '<meta property="og:site_name" content="Wired">'
            + ld({"@type": "NewsArticle", "headline": "The Future of Banking",
                  "author": [{"@type": "Person", "name": "Molly Wood",
                              "sameAs": "http://www.wired.com/contributor/molly-wood"}],
                  "publisher": {"@type": "Organization", "name": "WIRED"}}))
    assert cleaner.clean_html(page(head))["meta"]["authors"] == ["Molly Wood"]


def test_publisher_and_site_matching_keeps_persons():
    assert is_publisher("Al-Bawaba", ["Al Bawaba"])
    assert is_publisher("RT", ["www.rt.com"])
    assert is_publisher("Beachbody", ["The Beachbody Blog", "www.beachbodyondemand.com"])
    assert not is_publisher("Troy Smith", ["cleveland.com", "www.troyrecord.com"])
    assert not is_publisher("Molly Wood", ["Wired"], ["WIRED", "Copyright (c) Condé Nast 2019"])


# -- 2. wire agencies ----------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    # ctvnews b37be353, timesunion ecb46e3e: the JSON-LD author is the agency.
    ld({"@type": "NewsArticle", "headline": "Snooze cruise", "author": "The Associated Press"}),
    # sciencealert 359fee22: the meta author tag.
    '<meta name="author" content="The Associated Press">',
])
def test_a_wire_agency_named_as_the_author_is_the_source(cleaner, head):
    meta = cleaner.clean_html(page('<meta property="og:site_name" content="CTVNews">' + head),
                              url="https://www.ctvnews.ca/sci-tech/snooze-cruise-1.4690347")["meta"]
    assert meta["authors"] == []
    assert meta["source"] == "The Associated Press"


def test_a_wire_agency_beside_a_person_is_the_source_and_no_author(cleaner):
    head = ('<meta property="og:site_name" content="The Detroit News">'
            '<meta name="author" content="Tom Davies, Associated Press">')
    meta = cleaner.clean_html(page(head))["meta"]
    assert meta["authors"] == ["Tom Davies"]
    assert meta["source"] == "Associated Press"


def test_the_texts_own_source_wins_over_an_agency_in_the_metadata(cleaner):
    meta = cleaner.clean_html(page('<meta name="author" content="AFP">',
                                   lead="WASHINGTON (Reuters) - "))["meta"]
    assert meta["authors"] == []
    assert meta["source"] == "Reuters"


# -- 3. desks and user names ---------------------------------------------------------------------

@pytest.mark.parametrize("author", [
    "Staff Reports",                           # therepublic 961bd85c
    "Wire Reports",
    "Editorial Board",
    "Editorial",                               # theguardian 5fa3154e
    "HNN Staff",                               # hawaiinewsnow f344ca5f
    "News Nation Bureau",                      # newsnation 076f4f33
    "Practical Horseman Editorial Staff",      # practicalhorsemanmag e1cd54e5
    "admin",                                   # inexhibit 33fe2471
    "jdadmin",                                 # jeongdongtheater 52111884
])
def test_desk_labels_and_user_names_are_no_authors(cleaner, author):
    head = f'<meta name="author" content="{author}">'
    assert cleaner.clean_html(page(head))["meta"]["authors"] == []


def test_the_sites_desk_is_no_author(cleaner):
    # telegraph 88c328b6: "Telegraph Sport" on www.telegraph.co.uk.
    top = '<div class="byline">By <a href="/authors/telegraph-sport/">Telegraph Sport</a></div>'
    meta = cleaner.clean_html(page('<meta property="og:site_name" content="The Telegraph">', top),
                              url="https://www.telegraph.co.uk/tennis/2019/11/19/podcast/")["meta"]
    assert meta["authors"] == []


def test_people_keeps_a_lone_desk_or_agency_and_drops_them_beside_other_names():
    # A text byline is all a text says; only a page's metadata turns to its other readers. (A
    # rule's capture then leaves out a job or desk, "HNN Staff", by its role word, and keeps an
    # agency: MetaSink and names_no_one, tests/test_byline_roles.py.)
    assert people(["Reuters"]) == ["Reuters"] and people(["HNN Staff"]) == ["HNN Staff"]
    assert people(["Reuters"], alone=False) == [] and people(["admin"], alone=False) == []


@pytest.mark.parametrize("author", ["LISA MASCARO", "Abigail Van Buren", "Troy Smith",
                                    "Victor Davis Hanson", "STEVE PEOPLES", "Sarah E. Needleman"])
def test_persons_stay_authors(cleaner, author):
    head = (f'<meta name="author" content="{author}">'
            '<meta property="og:site_name" content="Cleveland">')
    assert cleaner.clean_html(page(head), url="https://www.cleveland.com/a.html")["meta"][
        "authors"] == [author]


def test_links_and_prompts_classed_as_the_author_are_no_byline(cleaner):
    after = ('<div class="author-box"><a class="author" href="/author/x">View author archive</a>'
             '<span class="author">Follow</span></div>')
    assert cleaner.clean_html(page(after=after))["meta"]["authors"] == []


# -- 4. JSON-LD references -----------------------------------------------------------------------

def _yoast(person_name: str) -> str:
    person = "https://blog.example.org/#/schema/person/2c1820f0"
    return ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://blog.example.org/#website",
         "name": "The Example Blog"},
        {"@type": "WebPage", "@id": "https://blog.example.org/2018/09/10/x/#webpage",
         "datePublished": "2018-09-10T16:25:36-05:00", "author": {"@id": person}},
        {"@type": ["Person"], "@id": person, "name": person_name, "sameAs": []}]})


@pytest.mark.parametrize("name", ["Catherine", "Olivia Larsen"])
def test_a_json_ld_author_reference_is_the_person_of_that_id(cleaner, name):
    # givewell ac3c0355, ad9e9e59: Yoast's @graph.
    assert cleaner.clean_html(page(_yoast(name)))["meta"]["authors"] == [name]


def test_a_json_ld_publisher_reference_names_the_site(cleaner):
    # cbsnews 7a664e40: no og:site_name; the publisher is a reference.
    head = ld({"@context": "http://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Key moments", "author": {"@type": "Person",
                                                                        "name": "Stefan Becket"},
         "publisher": {"@id": "https://www.cbsnews.com/"}},
        {"@type": "Organization", "@id": "https://www.cbsnews.com/", "name": "CBS News"}]})
    meta = cleaner.clean_html(page(head))["meta"]
    assert (meta["authors"], meta["source"]) == (["Stefan Becket"], "CBS News")


def test_json_ld_with_a_raw_line_break_in_a_string_is_read(cleaner):
    # moneycontrol 65408257, autoindustriya aadb38e5: the articleBody holds raw line breaks.
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Economy",'
            ' "articleBody": "The Sensex rose.\n\nWhy is the market different?",'
            ' "author": {"@type": "Person", "name": "Nishant Kumar"}}</script>')
    assert cleaner.clean_html(page(head))["meta"]["authors"] == ["Nishant Kumar"]


# -- 5. bylines without a "By" in front, labelled blocks, handles and dates -----------------------

def test_an_author_element_without_a_label_inside_a_byline_names_the_authors(cleaner):
    # usatoday 776a1c04 (Gannett): no JSON-LD author, the names alone, then the paper.
    head = ld({"@type": "NewsArticle", "headline": "Meth", "author": {},
               "publisher": {"@type": "Organization", "name": "USA TODAY"}})
    top = ('<div class="byline-section"><div class="attribution"><span class="author">Lisa '
           'Kaczke and Trevor J. Mitchell</span><span class="publication">Sioux Falls Argus '
           'Leader</span></div><div class="publish-date">Published 10:02 AM EST Nov 19, 2019'
           "</div></div>")
    assert cleaner.clean_html(page(head, top))["meta"]["authors"] == ["Lisa Kaczke",
                                                                     "Trevor J. Mitchell"]


def test_a_byline_whose_label_is_an_element_of_its_own_is_read(cleaner):
    # quantamagazine bdb56ac8: "By" in its own <em>.
    top = ('<h6 class="byline relative flex"><em class="byline__by gray4">By </em><a href='
           '"/authors/carrie-arnold/"><span class="byline__author uppercase">Carrie Arnold</span>'
           "</a></h6>")
    assert cleaner.clean_html(page(top=top))["meta"]["authors"] == ["Carrie Arnold"]


def test_a_byline_with_a_handle_and_a_date_names_its_author(cleaner):
    # cbssports 08f79376: all in one itemprop=author element.
    top = ('<ul class="article-byline" itemprop="author"><li class="author-name">by <a href='
           '"/writers/bryan-deardo/">Bryan DeArdo</a></li><li><a href="https://twitter.com/'
           'BryanDeArdo">@BryanDeArdo</a></li><li>Nov 18, 2019 at 9:24 pm ET • 2 min read</li>'
           "</ul>")
    assert cleaner.clean_html(page(top=top))["meta"]["authors"] == ["Bryan DeArdo"]


def test_a_labelled_byline_right_after_the_headline_is_read(cleaner):
    # politifact b6906ca0: no class that says byline.
    top = ('<p class="article__meta"> By <a class="link" href="/staff/louis-jacobson/">Louis '
           "Jacobson</a> on Monday, November 18th, 2019 at 11:04 a.m. </p>")
    assert cleaner.clean_html(page(top=top))["meta"]["authors"] == ["Louis Jacobson"]


def test_researched_by_names_authors_and_edited_by_editors(cleaner):
    # politifact 9e8c9f08: a widget beside the article.
    after = ('<div class="widget widget_about-article"><h3>About this statement:</h3><div>'
             "<p>Published: Monday, November 18th, 2019 at 11:08 a.m.</p>"
             '<p>Researched by: <a href="/staff/matthew-digby/">Matthew Digby</a>, <a href='
             '"/staff/minh-do/">Minh Do</a></p><p>Edited by: <a href="/staff/louis-jacobson/">'
             "Louis Jacobson</a></p><p>Subjects: <a>Crime</a>, <a>Drugs</a></p></div></div>")
    meta = cleaner.clean_html(page(after=after))["meta"]
    assert (meta["authors"], meta["editors"]) == (["Matthew Digby", "Minh Do"], ["Louis Jacobson"])


@pytest.mark.parametrize("byline,names", [
    ("by Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read", ["Bryan DeArdo"]),
    ("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.", ["Louis Jacobson"]),
    ("Jane Doe November 20", ["Jane Doe"]),
    ("Researched by: Matthew Digby, Minh Do", ["Matthew Digby", "Minh Do"]),
    # A month that is a name stays one.
    ("By Theresa May and May Bulman", ["Theresa May", "May Bulman"]),
])
def test_a_byline_ends_its_name_at_a_handle_or_a_date(byline, names):
    assert split_byline(byline)[0] == names


def _people(found) -> tuple[list[str], list[str], list[str]]:
    """A PageBylines' authors, editors and agencies."""
    return found.authors, found.editors, found.agencies


def test_a_pages_first_byline_naming_a_person_gives_the_authors():
    assert _people(read_page_bylines(["Staff Reports", "By Jane Doe"])) == (["Jane Doe"], [], [])
    assert _people(read_page_bylines(["Reuters", "REUTERS"], ["VentureBeat"])) == (
        [], [], ["Reuters", "REUTERS"])


@pytest.mark.parametrize("bylines,site_names,publishers,found", [
    # The publisher the copyright names is no author; the person beside it is.
    (["Condé Nast", "Molly Wood"], ["Wired"], ["Copyright (c) Condé Nast 2019"],
     (["Molly Wood"], [], [])),
    # A wire agency alone is the source, no author.
    (["The Associated Press"], ["CTVNews"], [], ([], [], ["The Associated Press"])),
    (["Researched by: Matthew Digby, Minh Do | Edited by: Louis Jacobson"], [], [],
     (["Matthew Digby", "Minh Do"], ["Louis Jacobson"], [])),
    # The outlet after a full stop is no author.
    (["Finian Cunningham. Sputnik International"], [], [], (["Finian Cunningham"], [], [])),
])
def test_a_pages_bylines_give_its_authors_editors_and_agencies(bylines, site_names, publishers,
                                                                found):
    assert _people(read_page_bylines(bylines, site_names, publishers)) == found


# -- 5. the outlet written beside a person ------------------------------------------------------

@pytest.mark.parametrize("head,authors", [
    # sputniknews 1f765c48: the person, a full stop, the outlet; no site name on the page.
    ('<meta name="author" content="Finian Cunningham. Sputnik International">',
     ["Finian Cunningham"]),
    # msn 9eef8162: a syndicated story names the person and the outlet it came from, one word
    # that no person's single name is by its form (in capitals beside a name that is not).
    ('<meta property="og:site_name" content="MSN">'
     '<meta name="author" content="Sandee LaMotte, CNN">', ["Sandee LaMotte"]),
])
def test_the_outlet_written_beside_a_person_is_no_author(cleaner, head, authors):
    assert cleaner.clean_html(page(head))["meta"]["authors"] == authors


@pytest.mark.parametrize("byline,authors", [
    # Co-authors are listed with commas and conjunctions, each a person's full name.
    ("Kevin Johnson, Kevin McCoy", ["Kevin Johnson", "Kevin McCoy"]),
    ("Lisa Kaczke and Trevor J. Mitchell", ["Lisa Kaczke", "Trevor J. Mitchell"]),
    # One word joined by a conjunction, or after one word, is a co-author; alone, the author.
    ("Jane Doe and Madonna", ["Jane Doe", "Madonna"]),
    ("Regan, Josh", ["Regan", "Josh"]),
    ("Regan", ["Regan"]),
    # One plain word after a comma may be a person's single name (Indonesian journalists often
    # have one), as the text path reads it; read_page_bylines alone cannot tell it from an
    # outlet (sciencealert 14cc2a0c's "Victor Tangermann, Futurism" names one only because the
    # page links to futurism.com by that name: page_metadata._linked_sites).
    ("Ade Putra, Budi", ["Ade Putra", "Budi"]),
    # An initial's full stop ends no name.
    ("By Sarah E. Needleman", ["Sarah E. Needleman"]),
])
def test_co_authors_beside_a_person_stay_authors(byline, authors):
    assert read_page_bylines([byline]).authors == authors
