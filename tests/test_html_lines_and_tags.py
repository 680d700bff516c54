"""A page laid out in a table gives its paragraphs as lines; rel=tag lists, what closes an article after them and marked date stamps are page chrome."""

from __future__ import annotations

import pytest
from lxml import html

from cleaner.html_chrome import strip_date_stamps, strip_tag_links
from cleaner.html_extract import unwrap_layout_tables
from cleaner.pipeline import Cleaner

PARAS = ["Security forces used firearms and tear gas to disperse the protests in many cities.",
         "At least 106 protesters in 21 cities have been killed, according to credible reports.",
         "The organization believes that the real death toll may be much higher than reported.",
         "State media have reported only a handful of deaths among the protesters so far."]
BODY = "".join(f"<p>{p}</p> " for p in PARAS)
TITLE = "More than 100 protesters killed in unrest"
HEAD = (f"<head><title>{TITLE} - Example News</title>"
        '<meta property="article:published_time" content="2019-11-20T11:28:00+04:00"></head>')


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def clean(cleaner: Cleaner, body: str, head: str = HEAD) -> dict:
    return cleaner.clean_html(f"<html>{head}<body>{body}</body></html>".encode())


def removed(record: dict, rule: str) -> list[str]:
    return [r["text"] for r in record["removed"] if r["rule"] == rule]


def test_an_article_in_a_layout_table_cell_comes_out_paragraph_by_paragraph(cleaner):
    page = (f'<table><tr valign="top"><td class="single_content"><h1>{TITLE}</h1>'
            '<div class="article_date">November 20, 2019 - 11:28 AMT</div>'
            f'{BODY}<div class="sub_block_title"><strong>Top stories</strong></div>'
            '</td><td class="right"><div>Weather in the capital</div></td></tr></table>')
    record = clean(cleaner, page)
    lines = [line for line in record["text"].split("\n") if line.strip()]
    assert lines == PARAS
    assert "|" not in record["text"]
    assert record["meta"]["title"] == TITLE
    assert record["meta"]["date"].startswith("2019-11-20")


def test_a_data_table_keeps_its_rows(cleaner):
    table = ("<table><tr><th>Region</th><th>Deaths</th></tr><tr><td>Tehran</td><td>12</td></tr>"
             "<tr><td>Shiraz</td><td>9</td></tr></table>")
    tree = html.fromstring(f"<html><body>{BODY}{table}</body></html>")
    assert unwrap_layout_tables(tree) == 0
    assert next(tree.iter("table"), None) is not None
    assert "| Tehran | 12 |" in clean(cleaner, BODY + table)["text"]


def test_a_layout_table_inside_a_layout_table_and_damaged_tables_are_read(cleaner):
    inner = f"<table><tbody><tr><td>{BODY}</td></tr></tbody></table>"
    tree = html.fromstring(f"<html><body><table><tr><td><h1>{TITLE}</h1>{inner}</td></tr>"
                           "</table><table></table><table><td><p>x</p></table></body></html>")
    assert unwrap_layout_tables(tree) == 2
    record = clean(cleaner, f"<table><tr><td><h1>{TITLE}</h1><table><tr><td>{BODY}")
    assert [ln for ln in record["text"].split("\n") if ln.strip()] == PARAS


def test_a_rel_tag_list_with_its_label_is_chrome(cleaner):
    tags = ('<strong>Tags<br><a href="/tag/a" rel="tag">stock car 2018</a>, '
            '<a href="/tag/b" rel="tag">stock car brasil</a></strong>')
    record = clean(cleaner, f'<div class="articleBody">{BODY}{tags}</div>')
    assert "stock car" not in record["text"] and "Tags" not in record["text"]
    assert removed(record, "html/chrome-tags") == ["Tags stock car 2018, stock car brasil"]  # (the <br> parts them)


def test_a_tag_link_inside_a_sentence_stays(cleaner):
    said = '<p>Heavy rain fell on <a href="/tag/j" rel="tag">Jakarta</a> all afternoon today.</p>'
    tree = html.fromstring(f"<html><body><div>{BODY}{said}</div></body></html>")
    assert strip_tag_links(tree) == []
    assert "Jakarta all afternoon" in clean(cleaner, BODY + said)["text"]


def test_a_category_line_is_left_to_the_text_rules():
    # "Filed under: <a rel='category tag'>" names the section a site rule reads into meta.category.
    filed = '<p class="postinfo">Filed under: <a href="/c/k" rel="category tag">Khawarij</a> |</p>'
    tree = html.fromstring(f"<html><body><div>{BODY}{filed}</div></body></html>")
    assert strip_tag_links(tree) == []
    assert "Khawarij" in tree.text_content()


def test_a_note_after_the_closing_tag_list_goes_with_it(cleaner):
    note = ("<p>ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo "
            "moderador.</p>")
    tags = '<strong>Tags<br><a href="/tag/a" rel="tag">stock car</a></strong>'
    record = clean(cleaner, f'<div class="articleBody">{BODY}{tags}{note}</div>'
                            '<div id="disqus_thread"></div>')
    assert "ATENÇÃO" not in record["text"]
    assert removed(record, "html/chrome-after-tags") == [
        "ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador."]


def test_article_text_after_a_tag_list_stays(cleaner):
    # A tag list before the article's paragraphs, or with a long text after it, closes nothing.
    tags = '<div>Tags: <a href="/tag/a" rel="tag">protests</a></div>'
    record = clean(cleaner, f"<div>{tags}{BODY}</div>")
    assert all(p in record["text"] for p in PARAS)
    long_after = f"<div>{PARAS[0]}{PARAS[1]}</div><p>{PARAS[2]} {PARAS[3]}</p>"
    record = clean(cleaner, f"<div>{BODY}{tags}{long_after}</div>")
    assert PARAS[2] in record["text"] and removed(record, "html/chrome-after-tags") == []


_NOTICE = ("ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.")


def test_a_comment_notice_closing_the_article_without_a_tag_list_goes(cleaner):
    # autoracing.com.br: the notice closes the article's block, a share button between, and the
    # comments come after the block; with no tag list before it, it stayed in the text.
    record = clean(cleaner, f'<div class="articleBody">{BODY}<div class="wabtn_container">'
                            f'<a href="whatsapp://send">Share this on WhatsApp</a></div>'
                            f'<p style="font-size:10px">{_NOTICE}</p></div>'
                            '<div id="disqus_thread"></div>')
    assert "ATENÇÃO" not in record["text"] and all(p in record["text"] for p in PARAS)
    assert removed(record, "html/chrome-comments") == [_NOTICE]


def test_a_paragraph_saying_a_comment_phrase_inside_the_article_stays(cleaner):
    said = "The forum said comments are moderated and abusive posts removed within hours."
    record = clean(cleaner, f"<div>{BODY}<p>{said}</p><p>{PARAS[0]}</p></div>")
    assert said in record["text"]
    record = clean(cleaner, f"<div><p>{said}</p>{BODY}</div>")       # before the paragraphs
    assert said in record["text"] and removed(record, "html/chrome-comments") == []


def test_a_marked_date_stamp_goes_when_the_page_metadata_dates_it(cleaner):
    stamp = ('<span class="data" itemprop="datePublished">segunda-feira, 22 de janeiro de 2018 '
             'às 0:13</span>')
    record = clean(cleaner, f"<div><h1>{TITLE}</h1>{stamp}{BODY}</div>")
    assert "janeiro" not in record["text"]
    assert removed(record, "html/chrome-date") == ["segunda-feira, 22 de janeiro de 2018 às 0:13"]
    # With no date in the page's metadata, the stamp is the only date there is: not stripped
    # (the extractor may still leave it out).
    bare = clean(cleaner, f"<div><h1>{TITLE}</h1>{stamp}{BODY}</div>",
                 head=f"<head><title>{TITLE}</title></head>")
    assert removed(bare, "html/chrome-date") == []


def test_a_marked_date_inside_a_sentence_stays():
    said = ('<p>The law passed on <span itemprop="datePublished">22 January 2018</span> '
            'after a long debate.</p>')
    tree = html.fromstring(f"<html><body>{said}</body></html>")
    assert strip_date_stamps(tree) == []


@pytest.mark.parametrize("body", [
    '<a rel="tag"></a><a rel="tag"><a rel="tag">x</a></a>' + BODY,
    '<strong>Tags<a rel="tag">x<!-- c --><script>y</script></a>,</strong>' + BODY,
    '<span itemprop="datePublished"><span itemprop="dateModified">1 May</span></span>' + BODY,
    "<table><tr><td>" * 50 + BODY,
])
def test_hostile_tag_date_and_table_markup_does_not_raise(cleaner, body):
    record = clean(cleaner, body)
    assert PARAS[0] in record["text"]
