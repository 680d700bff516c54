"""HTML page to article: its metadata read, its chrome stripped, trafilatura's main text kept when it reads as prose."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from cleaner.document import Removal
from cleaner.html_chrome import (ARTICLE_PARAGRAPH_SHARE, LEAD_PARAGRAPH_WORDS, LEAD_PARAGRAPHS,
                                 _cut_short, _holds_phrase, _own_path, _text_length,
                                 strip_caps_related, strip_chrome, strip_comment_notices,
                                 strip_date_stamps, strip_link_lists, strip_selectors,
                                 strip_standfirst, strip_tag_links)
from cleaner.html_embeds import free_embeds
from cleaner.html_left_out import BLOCK_TAGS, HIDDEN_TAGS, left_out_written, page_runs, text_runs
from cleaner.html_load import PageError, xml_text
from cleaner.identify import site_host, url_host
from cleaner.inputs import CUT_SHORT
from cleaner.page_bylines import page_words
from cleaner.page_metadata import page_metadata

# The rule id of the page text that trafilatura's extraction left out.
EXTRACTOR_RULE = "html/not-extracted"
# Extractions shorter than this (characters) are retried with trafilatura's fallback extractors.
MIN_FAST_CHARS = 200
# Extracted text without a line of at least this many words is no article (menus, labels).
MIN_PROSE_WORDS = 6
MIN_PROSE_CHARS = 40              # or this many characters, for scripts written without spaces
# Extracted text with at least this many lines, this share of them under five words, is a menu.
MENU_MIN_LINES = 15
MENU_SHORT_SHARE = 0.7
# The first part of an article body split into parts holds at least this many paragraphs of a
# sentence's length: enough for trafilatura to take it for the whole article.
SPLIT_FIRST_PARAGRAPHS = 3
# A table cell holding this many paragraphs of a sentence's length (or a headline) lays out a
# page: it is no data table's cell.
LAYOUT_CELL_PARAGRAPHS = 2
# Such a cell lays out a table of more than one row only when it holds at least this share of
# the table's words: a data table's rows hold text of their own beside a long cell.
LAYOUT_CELL_SHARE = 0.5
# A page is a section or listing page (LISTING_FLAG) when at least this many repeated blocks
# (one tag and class) are teasers, each led by a link to a page of its own (distinct links), with
# at most TEASER_MAX_WORDS words outside its links (a summary of a sentence or two, a date: a
# listicle's items say more), and the teasers hold LISTING_TEXT_SHARE of the extracted text.
LISTING_FLAG = "listing-page"
LISTING_MIN_TEASERS = 4
TEASER_MAX_WORDS = 60
LISTING_TEXT_SHARE = 0.6
# The members of a group of repeated blocks read for a lead link, at most: a page of 10,000 list
# items costs no more than this many searches for each group.
_TEASERS_READ = 200


@dataclass
class Extraction:
    """What a page gave: article text, HTML metadata, what was stripped, and notes on the page."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    encoding: str | None = None
    runs: list[str] = field(default_factory=list)     # the page's text as extraction got it
    # The same runs as written (page_runs' `written`: no-break spaces, soft hyphens... kept),
    # where what was left out and the repairs the kept text needed are read (not_extracted).
    written_runs: list[str] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)    # repairs to the page's text, by normalize's names
    # The lines a paragraph became where its related links were put on lines of their own
    # (split_related): (first, last) indexes into the text's lines.
    split_lines: list[tuple[int, int]] = field(default_factory=list)


def has_prose(text: str) -> bool:
    """True when some line of the text reads as a sentence, not a menu item or a label.

    >>> has_prose("Beranda\\nKontak"), has_prose("Harga beras turun lagi pekan ini di Jakarta.")
    (False, True)
    >>> has_prose("パソコンでそのまま読みたい時もあります。今回はそのデスクトップアプリに関する話です。")
    True
    """
    return any(len(line.split()) >= MIN_PROSE_WORDS or len(line.strip()) >= MIN_PROSE_CHARS
               for line in text.split("\n"))


def looks_like_menu(text: str) -> bool:
    """True for extracted text that is mostly short lines, as a site menu is, not an article.

    >>> looks_like_menu("\\n".join(["Home", "News", "Contact us", "About"] * 5))
    True
    >>> looks_like_menu("A sentence of an article that runs on for a while.\\n" * 20)
    False
    """
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < MENU_MIN_LINES:
        return False
    short = sum(1 for ln in lines if len(ln.split()) < 5)
    return short >= MENU_SHORT_SHARE * len(lines)


def extract_article(tree: HtmlElement, url: str | None = None,
                    site_selectors: Iterable[str] = (), site_rule: str = "site/html-strip",
                    chrome: bool = True, related_labels: tuple[str, ...] = ()) -> Extraction:
    """Strip a parsed page and extract its main text with trafilatura; metadata is read first.
    A related link inside a paragraph, after one of `related_labels`, gets a line of its own."""
    meta = page_metadata(tree, url)
    flags: list[dict] = []
    removed = strip_selectors(tree, site_selectors, site_rule, flags) if site_selectors else []
    if chrome:
        removed.extend(strip_standfirst(tree))
        removed.extend(strip_chrome(tree))
        removed.extend(strip_link_lists(tree))
        removed.extend(strip_tag_links(tree))
        removed.extend(strip_comment_notices(tree))
        removed.extend(strip_caps_related(tree, url if site_host(url) else meta.get("url")))
        if meta.get("dates"):
            # The page's date is in meta.date already: its visible stamp is chrome.
            removed.extend(strip_date_stamps(tree))
    unwrap_layout_tables(tree)
    free_embeds(tree)
    # (with chrome=False too: these repair what trafilatura would lose of the article's text)
    leads = give_loose_leads(tree, meta.get("title") or "", meta.get("description") or "")
    give_subheadings(tree)
    give_loose_tails(tree)
    give_lists_and_subheadings(tree)
    links = related_links(tree, related_labels)
    teasers = listing_teasers(tree, url if site_host(url) else meta.get("url"))
    # (the page's own date, where teasers' dates are no date of it: html_clean._listing_date)
    stamp = listing_stamp(tree, teasers)
    if stamp:
        meta["listing_dates"] = [stamp]
    # The page's text as the extractor gets it: what the extraction then lacks is recorded.
    written: list[str] = []
    runs = page_runs(tree, written)
    join_split_body(tree)
    try:
        text = _trafilatura_text(tree, url, fast=True)
        # (a lead given as a paragraph may be all that trafilatura's fallback for pages with no
        # paragraph of their own finds in the fast mode: the text after it is its full mode's)
        if len(text) < MIN_FAST_CHARS or looks_like_menu(text) or _leads_only(text, leads):
            # Too short, or a menu rather than an article: let trafilatura compare its
            # extraction with its fallbacks (readability, jusText), as its default mode does.
            slow_text = _trafilatura_text(tree, url, fast=False)
            if slow_text and (len(text) < MIN_FAST_CHARS or not looks_like_menu(slow_text)):
                text = slow_text
    except RecursionError:
        raise PageError("markup nested too deeply to extract") from None
    except (ValueError, TypeError, AttributeError, etree.LxmlError, json.JSONDecodeError) as exc:
        raise PageError(f"extraction failed: {type(exc).__name__}: {exc}") from None
    # trafilatura's fallback for a short page (under its min_extracted_size) is the text of its
    # <article> as one line, headline and byline inside: the page's runs part it again.
    text = drop_border_lines(part_glued_runs(resplit_joined(text, runs), runs))
    if not has_prose(text):
        raise PageError(no_article_reason(removed))
    listing = listing_flag(text, teasers)
    if listing:
        flags.append(listing)
    text, split_lines = split_related(text, links)
    return Extraction(text=text, meta=meta, removed=removed, flags=flags, runs=runs,
                      written_runs=written, split_lines=split_lines)


# The blocks whose own text trafilatura may drop: it reads the text before the first child of its
# body container (the first match of its BODY_XPATH), but that of a block inside it only where it
# reads <div>s, when the page's paragraphs are short (under three times its min_extracted_size).
_LEAD_BLOCKS = ("div", "section", "article", "main")


def give_loose_leads(tree: HtmlElement, title: str = "", description: str = "") -> list[str]:
    """Give the extractor the loose text that opens a block of the article's text as the
    paragraph it is: a run of a sentence's length (MIN_PROSE_WORDS or MIN_PROSE_CHARS) before
    the block's first block child, where the block holds LEAD_PARAGRAPHS runs of
    LEAD_PARAGRAPH_WORDS words after it (its paragraphs, or text after its links and breaks:
    `<section>Lead.<p></p><h2>…</h2><a><img></a>Text…<br>`, ign.com), and the run reads as a
    lead (_reads_as_lead: not a breadcrumb, share bar or notice); returns their texts.

    A block with no block child is a paragraph written as a <div>, and stays whole.

    >>> from lxml import html
    >>> said = "<p>The minister said it again on Monday, to the press.</p>"
    >>> page = html.fromstring(f"<html><body><section>Jakarta hit by floods again, the city "
    ...                        f"said today.{said * 2}</section></body></html>")
    >>> give_loose_leads(page), page.find("body/section/p").text[:30]
    (['Jakarta hit by floods again, the city said today.'], 'Jakarta hit by floods again, t')
    """
    given: list[str] = []
    for block in [el for el in tree.iter(*_LEAD_BLOCKS) if el.text and el.text.strip()]:
        run = _lead_run(block)
        if run is None:
            continue
        lead = " ".join((block.text + "".join(_run_text(el) for el in run)).split())
        if not has_prose(lead) or not _text_after(block, len(run)):
            continue
        if not _reads_as_lead(lead, run, title, description):
            continue
        paragraph = _paragraph_of(block, block.text, run)
        block.text = None
        block.insert(0, paragraph)
        given.append(lead)
    return given


# A lead run with this many separators standing alone ("Home > News > Politics", "IST | Reuters
# | New Delhi") is a breadcrumb or a stamp; one that is more than this share link text is links.
LEAD_SEPARATORS = 2
LEAD_LINK_SHARE = 0.5
_SEPARATOR = re.compile(r"(?<!\S)[>|/»›·•](?!\S)")
# A word of this many letters or more is one a lead may share with its page's title.
TITLE_WORD_CHARS = 4
_TITLE_WORD = re.compile(r"\w{%d,}" % TITLE_WORD_CHARS)


def _reads_as_lead(lead: str, run: list[HtmlElement], title: str, description: str) -> bool:
    """Whether a block's loose opening text reads as the article's lead: a sentence
    (reads_as_sentence), or the text the page's description opens with (linknaija.com's lead
    has no full stop); not a breadcrumb or stamp (LEAD_SEPARATORS), not mostly links
    (LEAD_LINK_SHARE), not a consent notice (the packs' consent_phrases); and, where the page
    has a title, sharing a word (TITLE_WORD_CHARS) with it or its description, as an article's
    opening does and a disclaimer does not.

    >>> _reads_as_lead("Home > News > Local Politics > City Council > Budget plan.", [], "", "")
    False
    >>> _reads_as_lead("This article contains affiliate links; we may earn a commission.", [],
    ...                "Budget plan draws critics", "")
    False
    >>> _reads_as_lead("The city unveiled its budget on Monday, to many critics.", [],
    ...                "Budget plan draws critics", "")
    True
    """
    if not (reads_as_sentence(lead) or _opens_description(lead, description)):
        return False
    if len(_SEPARATOR.findall(lead)) >= LEAD_SEPARATORS:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for el in run for a in el.iter("a"))
    if linked > LEAD_LINK_SHARE * len(lead):
        return False
    if _holds_phrase(lead, page_words().consent_phrases):
        return False
    if not title.strip():
        return True
    said = {w.casefold() for w in _TITLE_WORD.findall(f"{title} {description}")}
    return any(w.casefold() in said for w in _TITLE_WORD.findall(lead))


# The description's opening that a lead must hold: at least this many characters of it.
DESCRIPTION_OPENING_CHARS = 40


def _opens_description(lead: str, description: str) -> bool:
    """Whether the page's description is the lead's opening ("…" and all where it is cut)."""
    opening = " ".join(description.split()).rstrip(".…").rstrip()
    return len(opening) >= DESCRIPTION_OPENING_CHARS and (
        lead.startswith(opening) or opening.startswith(lead))


def _leads_only(text: str, leads: list[str]) -> bool:
    """Whether an extracted text holds nothing but leads that give_loose_leads gave."""
    if not leads:
        return False
    given = set(leads)
    return all(" ".join(line.split()) in given for line in text.split("\n") if line.strip())


def _paragraph_of(block: HtmlElement, text: str, run: list[HtmlElement]) -> HtmlElement:
    """A new paragraph (not yet placed) of loose text and the inline elements of its run, each
    with its tail, the run's text after it."""
    paragraph = block.makeelement("p", {})
    paragraph.text = xml_text(text)
    for el in run:
        paragraph.append(el)
    return paragraph


def _lead_run(block: HtmlElement) -> list[HtmlElement] | None:
    """The inline children that go on a block's opening text, up to its first block child or
    <br>; None when the block has no block child (it is a paragraph itself)."""
    run: list[HtmlElement] = []
    for child in block:
        if _is_block(child):
            return run
        if child.tag == "br":
            # (the run ends here; a block after it makes this block a container of paragraphs)
            return run if any(_is_block(el) for el in child.itersiblings()) else None
        run.append(child)
    return None


def _is_block(el: HtmlElement) -> bool:
    return isinstance(el.tag, str) and el.tag in BLOCK_TAGS


def _run_text(el: HtmlElement) -> str:
    """The visible text of an inline element, its tail with it."""
    text = "" if not isinstance(el.tag, str) or el.tag in HIDDEN_TAGS else el.text_content()
    return text + (el.tail or "")


def _text_after(block: HtmlElement, start: int) -> bool:
    """Whether a block holds LEAD_PARAGRAPHS runs of LEAD_PARAGRAPH_WORDS words from its child
    `start` on: its <p> children's text, or its children's tails."""
    found = 0
    for child in block[start:]:
        for text in ((child.text_content() if child.tag == "p" else ""), child.tail or ""):
            if len(text.split()) >= LEAD_PARAGRAPH_WORDS:
                found += 1
                if found >= LEAD_PARAGRAPHS:
                    return True
    return False


# The class of a subheading inside an article's body ("pf_subheadline", "sub-heading",
# "crosshead"): markup words, the same in every language.
_SUBHEADING_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:sub-?head(?:line|ing)?|cross-?head(?:ing)?|"
                               r"inter-?title)(?:$|[\s_-])")


def give_subheadings(tree: HtmlElement) -> int:
    """Give the extractor each subheading written as a bare <div> among the article's
    paragraphs (a class naming a subheading, no block inside, the parent holding
    LEAD_PARAGRAPHS paragraphs of LEAD_PARAGRAPH_WORDS words) as a paragraph; returns how many.
    trafilatura reads a <div> only where the body's paragraphs are short: politifact.com's
    `<div class="pf_subheadline">` questions were dropped from its long articles.

    >>> from lxml import html
    >>> said = "<p>The minister said it again on Monday, to the press.</p>"
    >>> page = html.fromstring(f'<html><body><div>{said}<div class="pf_subheadline">Why?</div>'
    ...                        f'{said}</div></body></html>')
    >>> give_subheadings(page), [p.text for p in page.iter("p")][1]
    (1, 'Why?')
    """
    divs = [el for el in tree.iter("div") if _SUBHEADING_CLASS.search(el.get("class") or "")
            and el.text_content().strip() and not any(_is_block(d) for d in el.iterdescendants())]
    # Each parent's paragraphs are counted once, before any div is given (they hold no <p>):
    # counted again for each div, 2,000 crossheads took 22 s.
    beside: dict[HtmlElement, bool] = {}
    given = 0
    for div in divs:
        parent = div.getparent()
        if parent is None:
            continue
        if parent not in beside:
            beside[parent] = _holds_paragraphs(parent)
        if beside[parent]:
            div.tag = "p"
            given += 1
    return given


def give_loose_tails(tree: HtmlElement) -> int:
    """Give the extractor each run of loose text that follows a block inside a block of
    _LEAD_BLOCKS holding a paragraph (the block's tail, and the inline elements after it up to
    a <br> or a block) as the paragraph it is, where it reads as prose (has_prose); returns
    how many.

    Pages that part their text with <br> (detik, antaranews) put a box inside the text (a photo
    credit, a "Lihat juga" table), and the sentence after it is the box's tail. trafilatura
    dropped that tail once the block around it held a paragraph, as give_loose_leads gives it
    one: the article lost a paragraph in the middle. Around a block that holds none, trafilatura
    reads the tails with the rest of its text, and a paragraph given there was read twice. The
    run after a <br> is given too where the block holds a <p>: beside one, trafilatura dropped
    every <br>-parted paragraph but the lead.

    >>> from lxml import html
    >>> page = html.fromstring("<html><body><div><p>Lead.</p><div><div>Foto: X</div></div>"
    ...                        "The police said on Monday that <b>two men</b> were held.<br>"
    ...                        "Next.</div></body></html>")
    >>> give_loose_tails(page), page.find("body/div/p[2]").text_content()
    (1, 'The police said on Monday that two men were held.')
    """
    given = 0
    holds_paragraph: dict[HtmlElement, bool] = {}
    holds_p: dict[HtmlElement, bool] = {}
    for block in [el for el in tree.iter(*BLOCK_TAGS, "br") if _has_tail_run(el)]:
        parent = block.getparent()
        if parent is None or parent.tag not in _LEAD_BLOCKS:
            continue
        if parent not in holds_paragraph:       # (before any paragraph is given in it)
            holds_p[parent] = _opens_with_paragraph(parent)
            holds_paragraph[parent] = parent.find("p") is not None or \
                not (parent.text or "").strip()
        # A run after a <br> is lost only beside a lead given as a <p> (give_loose_leads, as on
        # a page that parts its text with <br>s: the Times of India's); in a block opening on
        # loose text trafilatura reads the <br>-parted text whole, a bold dateline's block too,
        # even where a <p> closes it (antaranews' credits: giving the runs after the <br>s as
        # paragraphs there lost the lead, which stayed loose).
        if not (holds_p if block.tag == "br" else holds_paragraph)[parent]:
            continue
        run: list[HtmlElement] = []
        for sibling in block.itersiblings():
            if _is_block(sibling) or sibling.tag == "br":
                break
            run.append(sibling)
        text = (block.tail or "") + "".join(_run_text(el) for el in run)
        if not has_prose(" ".join(text.split())):
            continue
        paragraph = _paragraph_of(block, block.tail or "", run)
        block.tail = None
        block.addnext(paragraph)
        given += 1
    return given


def _opens_with_paragraph(block: HtmlElement) -> bool:
    """Whether a block's text opens with a <p>: no loose text before it, and no <br> (a lead
    give_loose_leads gave is the block's first child)."""
    if (block.text or "").strip():
        return False
    first = next((el for el in block if el.tag in ("p", "br")), None)
    return first is not None and first.tag == "p"


def _has_tail_run(el: HtmlElement) -> bool:
    """Whether loose text follows a block, or a <br> (its tail or, where a line opens with an
    inline element, that element: `<br><b>Mumbai:</b> The city ...`)."""
    if el.tail and el.tail.strip():
        return True
    if el.tag != "br":
        return False
    after = el.getnext()
    return after is not None and not _is_block(after) and after.tag != "br" and \
        bool(_run_text(after).strip())


def give_lists_and_subheadings(tree: HtmlElement) -> int:
    """Give the extractor the lists and subheadings among the article's paragraphs as
    paragraphs (each item a "- " line, as it writes a list's), where its body expressions find
    no container around the paragraphs' holder or within it (_paragraphs_holder); returns how
    many lists and subheadings were given. A list mostly of links (related articles) is left.

    Without a body it knows, trafilatura reads a page by its fallback, paragraphs alone: the
    lists and subheadings between them were lost (`read__content`, `detail-text`, `txt-article`
    of Indonesian sites' articles: acceptance run of session 50), each recorded as
    html/not-extracted. (Marking the holder as the body instead made it read the holder alone:
    a lead beside it, a bare <div> given as a paragraph, was lost.)

    >>> from lxml import html
    >>> said = "<p>The minister said it again on Monday, to the press.</p>"
    >>> page = html.fromstring(f'<html><body><div class="read__content">{said}<ul><li>One</li>'
    ...                        f'</ul><h2>Why</h2>{said}</div></body></html>')
    >>> give_lists_and_subheadings(page), [p.text for p in page.iter("p")][1:3]
    (2, ['- One', 'Why'])
    """
    holder = _paragraphs_holder(tree)
    if holder is None:
        return 0
    subheadings = [child for child in holder
                   if child.tag in _SUBHEADING_TAGS and child.text_content().strip()]
    lists = [child for child in holder if child.tag in ("ul", "ol") and _mostly_unlinked(child)]
    if not subheadings and not lists:
        return 0          # (most pages: trafilatura's costly body expressions are not run)
    body = _trafilatura_body(tree)
    # (a body around the holder is read whole, lists and all, and one within it is its part;
    # one beside it, a teaser's <article> in a box of recommendations, is none)
    if body is not None and (body is holder or any(el is body for el in holder.iterancestors())
                             or any(el is holder for el in body.iterancestors())):
        return 0
    for subheading in subheadings:
        subheading.tag = "p"
    for items in lists:
        for item in items.iterchildren("li"):
            item.tag = "p"
            item.text = "- " + (item.text or "").lstrip()
        items.tag = "div"
    return len(subheadings) + len(lists)


def _paragraphs_holder(tree: HtmlElement) -> HtmlElement | None:
    """The element whose own paragraphs hold the most words, where it holds more than
    ARTICLE_PARAGRAPH_SHARE of the words of the page's paragraphs and LEAD_PARAGRAPHS paragraphs
    of LEAD_PARAGRAPH_WORDS words: the article's; else None."""
    words: dict[HtmlElement, int] = {}
    total = 0
    for paragraph in tree.iter("p"):
        count = len(paragraph.text_content().split())
        total += count
        parent = paragraph.getparent()
        if parent is not None:
            words[parent] = words.get(parent, 0) + count
    if not words:
        return None
    holder = max(words, key=words.__getitem__)
    if words[holder] <= ARTICLE_PARAGRAPH_SHARE * total or not _holds_paragraphs(holder):
        return None
    return holder


def _mostly_unlinked(el: HtmlElement) -> bool:
    """Whether most of an element's text is outside links: an article's chunk or list, not a
    teaser card or a list of related articles."""
    linked = sum(len(a.text_content()) for a in el.iter("a"))
    return 2 * linked < len(el.text_content())


_SUBHEADING_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


def _holds_paragraphs(el: HtmlElement) -> bool:
    """Whether an element holds LEAD_PARAGRAPHS paragraphs of LEAD_PARAGRAPH_WORDS words."""
    found = 0
    for paragraph in el.iter("p"):
        if _text_length(paragraph) >= LEAD_PARAGRAPH_WORDS:
            found += 1
            if found >= LEAD_PARAGRAPHS:
                return True
    return False


_TABLE_PARTS = frozenset(("tbody", "thead", "tfoot"))
_CELLS = frozenset(("td", "th"))


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn the tables that lay a page out (a cell holds its headline or paragraphs, and the
    table is one row of columns or that cell holds most of its words; or the table is one cell
    that boxes blocks: _boxes_blocks) into plain blocks, which the extractor reads paragraph by
    paragraph; returns how many there were.

    A table's cell is one line of the extractor's text, its paragraphs run together ("| Title
    Date Para one Para two … |"), so a whole article in a layout cell came out as one line that
    no line rule could cut. A table of data keeps its rows.

    >>> from lxml import html
    >>> said = "<p>The minister said it again on Monday.</p>"
    >>> page = html.fromstring(f"<html><body><table><tr><td>{said * 2}</td></tr></table>"
    ...                        "<table><tr><td>Rice</td><td>12,000</td></tr></table></body></html>")
    >>> unwrap_layout_tables(page), [el.tag for el in page.find("body")]
    (1, ['div', 'table'])
    """
    unwrapped = 0
    for table in list(tree.iter("table")):
        parts = [el for el in table if el.tag in _TABLE_PARTS]
        rows = [el for el in (*table, *(r for part in parts for r in part)) if el.tag == "tr"]
        cells = [cell for row in rows for cell in row if cell.tag in _CELLS]
        columns = [cell for cell in cells if _lays_out(cell)]
        # (a table of one cell around blocks holds no data: it boxes them, as detik's "Baca
        # juga" box `<table class="linksisip"><tr><td><div>`, which as a table left a "| |"
        # line; a cell of loose text, a pull quote, stays: trafilatura reads the page around it
        # otherwise, and lost an article's end so)
        if len(cells) == 1 and len(rows) == 1 and _boxes_blocks(cells[0]):
            columns = cells
        if not columns or (len(rows) > 1 and not _dominates(columns, table)):
            continue
        for el in (table, *parts, *rows, *cells):
            el.tag = "div"
        unwrapped += 1
    return unwrapped


def _boxes_blocks(cell: HtmlElement) -> bool:
    """Whether a table cell holds blocks and no text of its own outside them."""
    if (cell.text or "").strip() or not len(cell):
        return False
    return all(_is_block(el) and not (el.tail or "").strip() for el in cell
               if isinstance(el.tag, str)) and any(_is_block(el) for el in cell)


def _dominates(cells: list[HtmlElement], table: HtmlElement) -> bool:
    """Whether one of the cells holds LAYOUT_CELL_SHARE of its table's words or more."""
    words = _text_length(table)
    return any(_text_length(cell) >= LAYOUT_CELL_SHARE * words for cell in cells)


def _lays_out(cell: HtmlElement) -> bool:
    """True when a table cell holds a headline (h1) or LAYOUT_CELL_PARAGRAPHS paragraphs of a
    sentence's length: a page's column, not a datum."""
    if next(cell.iter("h1"), None) is not None:
        return True
    found = 0
    for p in cell.iter("p"):
        if len(p.text_content().split()) >= MIN_PROSE_WORDS:
            found += 1
            if found >= LAYOUT_CELL_PARAGRAPHS:
                return True
    return False


def join_split_body(tree: HtmlElement) -> int:
    """Move the later parts of an article body split into chunks (the same container, its
    tag and class repeated, an ad row between them) into its first part, which alone
    trafilatura reads; returns how many parts were moved.

    >>> from lxml import html
    >>> said = "<p>The minister said it again on Monday.</p>"
    >>> page = html.fromstring(
    ...     f'<html><body><div class="row"><div class="article-body">{said * 3}</div></div>'
    ...     f'<div class="ad">Ad</div><div class="row"><div class="article-body">{said}</div></div>'
    ...     '</body></html>')
    >>> join_split_body(page), [len(part) for part in page.find_class("article-body")]
    (1, [4, 1])
    """
    if not _may_be_split(tree):
        return 0          # the common case, found without trafilatura's costly expressions
    first = _trafilatura_body(tree)
    # A container known by its id alone has no class for its parts to share.
    if first is None or not first.get("class", "").strip() or not _holds_prose(first):
        return 0
    parts = [part for part in _later_parts(first)
             if _holds_prose(part) and not _own_piece(part, first)]
    for part in parts:
        _detach(part)
        first.append(part)
    return len(parts)


def _may_be_split(tree: HtmlElement) -> bool:
    """True when two elements of one tag and class hold paragraphs of a sentence's length (as
    their children or grandchildren), placed as the parts of a split body are (side by side, or
    one to a row of rows of one tag and class), the first holding SPLIT_FIRST_PARAGRAPHS of them
    (no comment or embedded post) and its text mostly outside links."""
    seen: dict[tuple, HtmlElement] = {}
    paragraphs: dict[HtmlElement, int] = {}
    prose: dict[HtmlElement, bool] = {}      # a part met again is not read again
    for p in tree.iter("p"):
        if len(p.text_content().split()) < MIN_PROSE_WORDS:
            continue
        el = p.getparent()
        for _ in range(2):
            if el is None:
                break
            parent, cls = el.getparent(), el.get("class")
            if cls and parent is not None:
                paragraphs[el] = paragraphs.get(el, 0) + 1
                grand = parent.getparent()
                for key in ((el.tag, cls, parent),
                            (el.tag, cls, parent.tag, parent.get("class"), grand)):
                    other = seen.setdefault(key, el)
                    if other is el or paragraphs[other] < SPLIT_FIRST_PARAGRAPHS:
                        continue
                    if other not in prose:
                        prose[other] = _holds_prose(other)
                    if prose[other]:
                        return True
            el = parent
    return False


def _trafilatura_body(tree: HtmlElement) -> HtmlElement | None:
    """The container trafilatura takes the article from: the first match of the first of its
    body expressions that matches (None when none does)."""
    from trafilatura.xpaths import BODY_XPATH

    for expr in BODY_XPATH:
        found = next((el for el in expr(tree) if isinstance(el, HtmlElement)), None)
        if found is not None:
            return found
    return None


def _later_parts(first: HtmlElement) -> list[HtmlElement]:
    """Elements after `first` of its tag and class, outside it: its later siblings, and the
    children of its parent's later siblings of the parent's tag and class (one grid row each)."""
    def twin(a: HtmlElement, b: HtmlElement) -> bool:
        return a.tag == b.tag and a.get("class") == b.get("class")

    parts = [el for el in first.itersiblings() if twin(el, first)]
    parent = first.getparent()
    if parent is not None and parent.get("class"):
        for row in parent.itersiblings():
            if isinstance(row, HtmlElement) and twin(row, parent):
                parts.extend(el for el in row if twin(el, first))
    return [el for el in parts if isinstance(el, HtmlElement)]


# The words of a class, id or itemprop before "title" that make it a piece's headline
# ("entry-title", "td-post-title", "c-card__title", "article-header__title"; markup words, the
# same in every language). A section's, a widget's or a table's title is a subheading of a
# body ("section-title", the review: a later chunk under one was left out).
_PIECE_WORDS = frozenset({"entry", "post", "article", "story", "news", "card", "item", "page",
                          "teaser", "promo"})
_NAME_PARTS = re.compile(r"[-_]+")


def _names_headline(names: str) -> bool:
    """Whether class, id or itemprop words name a piece's headline: "title" alone, a word
    with a "headline" part ("headline-xl", "c-headline"), or one ending in "title" with a
    piece's word among its parts; not
    "subtitle", "section-title" or "heading-h3". Word by word, so that no class string makes
    the test slow.

    >>> [_names_headline(n) for n in ("entry-title h1", "c-card__title", "jeg_post_title",
    ...                               "section-title", "subtitle", "headline-xl", "heading-h3")]
    [True, True, True, False, False, True, False]
    """
    for word in names.lower().split():
        parts = _NAME_PARTS.split(word)
        if word == "title" or "headline" in parts or parts[-1].endswith("headline"):
            return True
        if len(parts) > 1 and parts[-1] == "title" and not _PIECE_WORDS.isdisjoint(parts[:-1]):
            return True
    return False


def _own_piece(part: HtmlElement, first: HtmlElement) -> bool:
    """True when a later part is a piece of its own, not a chunk of the first's body: the part,
    or its row up to what it shares with the first, is an <article>, or holds one, an h1 or h2,
    or a headline-like title (the pieces of a listing, an infinite scroll or a live blog)."""
    shared = set(first.iterancestors())
    el: HtmlElement | None = part
    while el is not None and el not in shared:
        if el.tag == "article" or _holds_headline(el):
            return True
        el = el.getparent()
    return False


def _holds_headline(el: HtmlElement) -> bool:
    """True when the element holds an <article>, an h1 or h2, or an element named a headline
    outside a figure (a caption's title is not the piece's)."""
    if next(el.iter("article", "h1", "h2"), None) is not None:
        return True
    for inner in el.iter():
        if not isinstance(inner, HtmlElement):
            continue
        names = " ".join(filter(None, (inner.get("class"), inner.get("id"), inner.get("itemprop"))))
        if (names and _names_headline(names)
                and next(inner.iterancestors("figure", "figcaption"), None) is None):
            return True
    return False


def _holds_prose(el: HtmlElement) -> bool:
    """True when the element holds a paragraph of a sentence's length and most of its text is
    outside links (a chunk of an article, not a teaser card of the same class)."""
    if not any(len(p.text_content().split()) >= MIN_PROSE_WORDS for p in el.iter("p")):
        return False
    return _mostly_unlinked(el)


def _detach(el: HtmlElement) -> None:
    """Take an element out of its parent, leaving the text after it where it was."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        before = el.getprevious()
        if before is not None:
            before.tail = xml_text((before.tail or "") + el.tail)
        else:
            parent.text = xml_text((parent.text or "") + el.tail)
    el.tail = None
    parent.remove(el)


def resplit_joined(text: str, runs: list[str]) -> str:
    """An extracted text of one line made of two or more of the page's runs (page_runs), whole
    and in page order, as those runs, a line each; any other text as it is. trafilatura's
    fallback for a short page (its <article>'s text, or the body's) joins them: the headline,
    the byline and the paragraphs came out as one line no line rule could take apart.

    >>> resplit_joined("Judul Penulis: Ani Isi berita.", ["Menu", "Judul", "Penulis: Ani",
    ...                                                  "Isi berita.", "Kaki"])
    'Judul\\nPenulis: Ani\\nIsi berita.'
    """
    if len(runs) < 2 or text.count("\n") and sum(1 for ln in text.split("\n") if ln.strip()) > 1:
        return text
    line = " ".join(text.split())
    parts: list[str] = []
    pos = 0
    for run in runs:
        if pos >= len(line):
            break
        end = pos + len(run)
        if line.startswith(run, pos) and (end == len(line) or line[end] == " "):
            parts.append(run)
            pos = end + 1
        elif parts:
            return text         # a run between them is not in the line: no join of whole runs
    if pos < len(line) or len(parts) < 2:
        return text
    return "\n".join(parts)


# The characters of each side of a junction of two runs looked for glued first (a quick test
# that nearly every pair fails); a run shorter than GLUE_LEAST is passed.
GLUE_REACH = 30
GLUE_LEAST = 8


def part_glued_runs(text: str, runs: list[str]) -> str:
    """The extracted text with a line break where two consecutive runs of the page (page_runs:
    the texts of two blocks) stand glued, the first's end on the second's start with no space:
    trafilatura joins the text around an empty block so ("…kamera pengawas."Kami masih…", a
    `<div class="fake-br">` between). The text stages parted the sentences again, but the
    words at the junction were then missing from the extracted text, and the record listed
    them as left out of it.

    >>> part_glued_runs('Polisi datang ke lokasi."Kami masih mencari," ujarnya.',
    ...                 ["Polisi datang ke lokasi.", '"Kami masih mencari," ujarnya.'])
    'Polisi datang ke lokasi.\\n"Kami masih mencari," ujarnya.'
    """
    for first, second in zip(runs, runs[1:]):
        if len(first) < GLUE_LEAST or len(second) < GLUE_LEAST or \
                first[-GLUE_REACH:] + second[:GLUE_REACH] not in text:
            continue
        # (the two runs whole: in a script written without spaces, the junction alone is found
        # inside one paragraph that repeats a sentence)
        at = text.find(first + second)
        if at >= 0:
            cut = at + len(first)
            text = f"{text[:cut]}\n{text[cut:]}"
    return text


# A line of a table's borders alone: what trafilatura leaves of a row whose cells held nothing
# it kept ("| |").
_BORDERS_ONLY = re.compile(r"^[ \t|]*\|[ \t|]*$")


def drop_border_lines(text: str) -> str:
    """The text without its lines of table borders alone ("| |"): no text.

    >>> drop_border_lines("Satu.\\n| |\\nDua.")
    'Satu.\\nDua.'
    """
    if "|" not in text:
        return text
    return "\n".join(line for line in text.split("\n") if not _BORDERS_ONLY.match(line))


# The blocks repeated on a listing page, one to a teaser.
_TEASER_TAGS = frozenset(("article", "div", "li", "section"))
# The first text of a block that holds any, and where it stands.
_FIRST_TEXT = etree.XPath("(.//text()[normalize-space()])[1]")


def listing_teasers(tree: HtmlElement, page_url: str | None = None) -> list[HtmlElement]:
    """The teasers of a section or listing page: the blocks of the largest group of repeated
    blocks (one tag and class anywhere; a tag under one parent for blocks with no class) of which
    LISTING_MIN_TEASERS or more are led by a link each to another page of the site (_teaser_page:
    distinct pages), with at most TEASER_MAX_WORDS words outside their links; [] when no
    group has so many. Markup alone, no words: a card's headline link, its summary, its date.

    The blocks of the <article> that holds the page's headline (<h1>) are its own: a live
    blog's updates, a gallery's slides, a listicle's items, a briefing's stories. So are those
    of the <main> that holds it when the page dates itself under it (listing_stamp): a section
    page's <main> holds its title and cards, and no date of its own.

    >>> from lxml import html
    >>> card = '<div class="card"><h2><a href="/a{}">Judul {}</a></h2><p>Ringkas.</p></div>'
    >>> len(listing_teasers(html.fromstring("<html><body>" + "".join(
    ...     card.format(i, i) for i in range(5)) + "</body></html>")))
    5
    """
    headline = next(tree.iter("h1"), None)
    article = _holding(headline, "article")
    teasers = _teaser_group(tree, page_url, article)
    main = _holding(headline, "main")
    if teasers and main is not None and main is not article \
            and listing_stamp(tree, teasers) is not None:
        teasers = _teaser_group(tree, page_url, main)
    return teasers


def _holding(headline: HtmlElement | None, tag: str) -> HtmlElement | None:
    """The nearest element of a tag that holds the page's headline, if any."""
    if headline is None:
        return None
    return next(headline.iterancestors(tag), None)


def _teaser_group(tree: HtmlElement, page_url: str | None,
                  own: HtmlElement | None) -> list[HtmlElement]:
    """The teasers of listing_teasers, none of them inside `own` (the headline's article)."""
    groups: dict[tuple, list[HtmlElement]] = {}
    for el in tree.iter(*_TEASER_TAGS):
        cls = (el.get("class") or "").strip()
        key = (el.tag, cls) if cls else (el.tag, el.getparent())
        groups.setdefault(key, []).append(el)
    best: list[HtmlElement] = []
    for members in groups.values():
        if len(members) < LISTING_MIN_TEASERS or len(members) <= len(best):
            continue
        teasers: dict[tuple, HtmlElement] = {}
        for el in members[:_TEASERS_READ]:
            page = _teaser_page(_lead_link(el), page_url)
            if page and page not in teasers and _words_outside_links(el) <= TEASER_MAX_WORDS \
                    and not _inside(el, own):
                teasers[page] = el
        if len(teasers) >= LISTING_MIN_TEASERS and len(teasers) > len(best):
            best = list(teasers.values())
    return best


def _inside(el: HtmlElement, own: HtmlElement | None) -> bool:
    """Whether an element is `own` or stands in it."""
    return own is not None and (el is own or any(up is own for up in el.iterancestors()))


def _teaser_page(href: str | None, page_url: str | None) -> tuple | None:
    """The page a teaser's link leads to, as (host, path segments), or None when it leads to
    no other page of the page's site: another host's (a shop's, in a listicle), the page's own
    path (its `?post=` and `#` places: a live blog's updates), the home page. A query or a
    fragment names a place or a view of a page, no page of its own: a live blog's permalinks
    `/live/budget?post=N` lead to one page. Without a page url the links' hosts are any.

    >>> page = "https://news.example.com/news/x"
    >>> [_teaser_page(h, page) for h in ("/a/b", "https://shop.example.com/p1", "/news/x?post=2",
    ...                                   "https://www.news.example.com/", "b?page=2")]
    [('news.example.com', ('a', 'b')), None, None, None, ('news.example.com', ('news', 'b'))]
    """
    if not href:
        return None
    try:
        link = urlsplit(urljoin(page_url, href) if page_url and url_host(page_url) else href)
    except ValueError:
        return None
    if link.scheme not in ("http", "https", ""):
        return None                         # javascript:, mailto:
    host = url_host(f"//{link.netloc}") if link.netloc else None
    own = url_host(page_url)
    if own and host and not (host == own or host.endswith(f".{own}") or own.endswith(f".{host}")):
        return None
    segments = tuple(_own_path(link.path))
    if not segments or page_url and own and list(segments) == _own_path(urlsplit(page_url).path):
        return None
    return (host or own or "", segments)


def listing_stamp(tree: HtmlElement, teasers: list[HtmlElement]) -> str | None:
    """The date a listing page gives itself where no teaser stands: the datetime of the first
    <time> after its headline (<h1>), when that stands outside every teaser and before them
    (an index of the day dated under its title; an article's date under its headline). A
    teaser's <time> is its story's, and one below the teasers (a footer's) no page's."""
    if not teasers:
        return None
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return None
    found = _STAMP_AFTER(headline)
    if not found:
        return None
    stamp = found[0]
    first = teasers[0]
    if any(_inside(stamp, teaser) for teaser in teasers) or _inside(first, stamp) \
            or not any(el is stamp for el in _TIMES_BEFORE(first)):
        return None
    value = (stamp.get("datetime") or "").strip()
    return value or None


# The first <time> with a datetime after an element; the <time>s before one.
_STAMP_AFTER = etree.XPath("following::time[@datetime][1]")
_TIMES_BEFORE = etree.XPath("preceding::time[@datetime]")


def _lead_link(block: HtmlElement) -> str | None:
    """The address of the link a block's first text stands in (a teaser's headline), or None:
    its first text is no link's, or the link goes to a place on this page."""
    found = _FIRST_TEXT(block)
    if not found:
        return None
    node = found[0]
    owner = node.getparent()
    if owner is not None and node.is_tail:
        owner = owner.getparent()          # (a tail is the text of its element's parent)
    while owner is not None:
        if owner.tag == "a":
            href = (owner.get("href") or "").strip()
            if href and not href.lower().startswith(("#", "javascript:", "mailto:")):
                return href
            return None
        if owner is block:
            return None
        owner = owner.getparent()
    return None


def _words_outside_links(block: HtmlElement) -> int:
    """How many words of a block's text are outside its links."""
    linked = sum(len(a.text_content().split()) for a in block.iter("a"))
    return len(block.text_content().split()) - linked


def listing_flag(text: str, teasers: list[HtmlElement]) -> dict[str, str] | None:
    """A LISTING_FLAG flag, its reason saying why, when the page's teasers (listing_teasers)
    hold LISTING_TEXT_SHARE of the extracted text's characters or more (a line of the text is
    theirs when it is one of the teasers' runs); None for any other page: an article
    with a row of teasers below it holds its paragraphs besides."""
    if not teasers:
        return None
    # (a line is theirs when it is one of their runs: a set, so that a page of many lines and
    # large teasers costs no search of each line through all of their text)
    held = {run for el in teasers for run in text_runs(el)}
    total = theirs = 0
    for line in text.split("\n"):
        line = " ".join(line.split())
        total += len(line)
        if line in held:
            theirs += len(line)
    if not total or theirs < LISTING_TEXT_SHARE * total:
        return None
    return {"flag": LISTING_FLAG,
            "reason": f"{len(teasers)} repeated blocks each led by a link to another page "
                      f"(teasers: a headline's link, a summary) hold {theirs / total:.0%} of its "
                      "text: a section or listing page, not one article"}


# Text reads as prose when it holds a sentence: this many characters, then its end, which a
# closing quote or bracket may follow.
_SENTENCE = re.compile(r"\w[^.!?。！？]{%d,}[.!?。！？][\"'”’)\]]*(?:\s|$)" % MIN_PROSE_CHARS)


def reads_as_sentence(text: str) -> bool:
    """Whether text reads as prose: it holds a sentence (_SENTENCE), as a paragraph of an
    article does, where menus, labels, links, headlines and breadcrumbs do not.

    >>> [reads_as_sentence(t) for t in ('He said: "The city budget will stay as it is this year."',
    ...                                   "Home > News > Local Politics > City Council > Budget")]
    [True, False]
    """
    return _SENTENCE.search(text) is not None


def no_article_reason(removed: Iterable[Removal]) -> str:
    """Why a page gives no article: none found, or none left once stripping took the part of
    it that reads as prose (the most such text, from one rule), which the reason names.

    >>> menu = _cut_short("html/chrome-link-list", "Beranda Berita Kontak", "html-strip")
    >>> no_article_reason([menu])
    'no article text found in the page'
    >>> reason = no_article_reason([menu, _cut_short("html/chrome-sidebar", "Judul. Isi berita "
    ...                             "yang panjang dimulai di sini, kata dia.", "html-strip")])
    >>> reason[reason.index(":"):]
    ": html/chrome-sidebar took text that reads as prose ('Judul. Isi berita yang panjang dimulai di sini, kata dia.')"
    """
    prose = [r for r in removed if r.action == "html-strip" and reads_as_sentence(r.text)]
    if not prose:
        return "no article text found in the page"
    largest = max(prose, key=lambda r: len(r.text))
    text = largest.text if len(largest.text) <= 80 else largest.text[:80] + " …"
    return (f"no article text found in the page once it was stripped: {largest.rule} took "
            f"text that reads as prose ({text!r})")


def with_cut_short(reason: str, page_flags: Iterable[dict[str, Any]] | None) -> str:
    """A page's reject reason, followed by why its reader holds only the start of it (the
    reasons of its CUT_SHORT flags): the part cut off may be where the article was.

    >>> flag = {"flag": CUT_SHORT, "reason": "the file ends inside its WARC record "
    ...         "(Content-Length 9): the page is cut short"}
    >>> with_cut_short("no article text found in the page", [flag])
    'no article text found in the page; the file ends inside its WARC record (Content-Length 9): the page is cut short'
    >>> with_cut_short("empty page", None), with_cut_short("empty page", [{"flag": "x", "reason": "y"}])
    ('empty page', 'empty page')
    """
    cut = [flag["reason"] for flag in page_flags or () if flag.get("flag") == CUT_SHORT]
    return "; ".join([reason, *cut])


def not_extracted(extraction: Extraction,
                  text: str) -> tuple[list[Removal], list[str], list[str]]:
    """The page's text runs that `text` (the extraction as the text stages get it, title line
    and all) does not hold, as removals of EXTRACTOR_RULE, both read as the record's text gets
    them (a soft hyphen or a zero-width space the extractor dropped is no text left out); the
    fixes (normalize's names) the runs it kept needed, which the extractor made unsaid, and
    EXTRACTOR_FIX where it dropped characters from them that a text dump keeps; and the fixes the
    text stages will list only because of that drop, which a dump would not
    (html_left_out.left_out_written)."""
    lost, fixes, caused = left_out_written(extraction.runs, extraction.written_runs, text)
    return [_cut_short(EXTRACTOR_RULE, run, "html-extract") for run in lost], fixes, caused


def _trafilatura_text(tree: HtmlElement, url: str | None, fast: bool) -> str:
    """trafilatura's main text of a parsed page ("" when it finds none)."""
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, url=url, include_comments=False, include_tables=True, fast=fast)
    return (getattr(doc, "text", None) or "") if doc is not None else ""


# A related article's link inside a paragraph ("… tsunami. Baca Juga: <a>Judul</a> Warga …"):
# the page's markup gives where its title ends, which the text no longer does, so the label and
# its link are put on a line of their own, where the packs' related-link line rules take them.
# The label is one of the packs' related_labels, opening its line or the sentence after one that
# ended, with a separator after it or none ("Baca juga:", "BACA JUGA >>", "Read more:").
RELATED_SEPARATORS = "[:：|»›>=\\-–—]{0,3}"
# What is read of the text before a link, back to its block's edge or a line break: so many
# characters and elements at most (a label is a few words; a run of 10,000 empty links before
# one must not be walked back over for each).
_BEFORE_CHARS = 200
_BEFORE_STEPS = 8
# A related title is a link's text of a few words, not a paragraph.
_TITLE_CHARS = 250
# A page's related links inside paragraphs read, at most: the extracted text is searched for
# each (a page has a few; a page of thousands is no article's, and would cost a search each).
_MOST_LINKS = 50


@lru_cache(maxsize=16)
def _label_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    """The text before a related link: a label of `labels`, opening it or after a sentence's
    end, then its separator, at the end."""
    names = _label_names(labels)
    return re.compile(rf"(?:^|[.!?…][\"”’]?\s+)(?P<label>(?:{names})\s*{RELATED_SEPARATORS})\s*\Z",
                      re.IGNORECASE)


@lru_cache(maxsize=16)
def _any_label(labels: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `labels`, anywhere."""
    return re.compile(_label_names(labels), re.IGNORECASE)


def _label_names(labels: tuple[str, ...]) -> str:
    """The labels as one alternation, a run of spaces between their words."""
    return "|".join(_spaced(label) for label in labels)


def _spaced(text: str) -> str:
    """A pattern of a text's words as written, any run of spaces between them."""
    return r"\s+".join(re.escape(word) for word in text.split())


def related_links(tree: HtmlElement, labels: tuple[str, ...]) -> list[tuple[str, str]]:
    """The related links inside the page's paragraphs, as (label as written, the link's text),
    whitespace collapsed: an `<a>` whose text before it, inside its block and line, ends with one
    of `labels` opening it or after a sentence's end (the label may be in an inline element of
    its own, or the link's: `<strong>Baca Juga: <a>…</a></strong>`).

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><p>Gempa. Baca Juga: <a href="/x">BMKG Catat '
    ...                        'Gempa</a> Warga. Kata <a href="/y">Presiden</a>.</p></body></html>')
    >>> related_links(page, ("baca juga",))
    [('Baca Juga:', 'BMKG Catat Gempa')]
    """
    if not labels:
        return []
    # A page that names no label anywhere has no related link to look for: a page of thousands
    # of links (a tag cloud) then costs one search, not a walk back from each link (4,000 links:
    # 0.33 s of a 0.69 s page).
    if not _any_label(labels).search(tree.text_content()):
        return []
    pattern = _label_pattern(labels)
    found: list[tuple[str, str]] = []
    for link in tree.iter("a"):
        title = " ".join(link.text_content().split())
        if not title or len(title) > _TITLE_CHARS:
            continue
        before = " ".join(_text_before(link).split())
        if len(before) > _BEFORE_CHARS:
            # (its end only: a label is short; "x" stands for the rest, which opens no label)
            before = "x" + before[-_BEFORE_CHARS:]
        match = pattern.search(before + " ")
        if match:
            found.append((" ".join(match.group("label").split()), title))
            if len(found) >= _MOST_LINKS:
                break
    return found


def _text_before(el: HtmlElement) -> str:
    """The text before an element inside its block, back to a line break or the block's edge
    (at most _BEFORE_CHARS characters or _BEFORE_STEPS elements back, as far as they reach)."""
    pieces: list[str] = []
    node, size = el, 0
    for _ in range(_BEFORE_STEPS):
        prev = node.getprevious()
        if prev is None:
            parent = node.getparent()
            if parent is None:
                break
            pieces.append(parent.text or "")
            if not isinstance(parent.tag, str) or parent.tag in BLOCK_TAGS:
                break
            node = parent
        else:
            pieces.append(prev.tail or "")
            tag = prev.tag
            if isinstance(tag, str) and (tag in BLOCK_TAGS or tag == "br"):
                break
            if isinstance(tag, str) and tag not in HIDDEN_TAGS:
                pieces.append(prev.text_content())
            node = prev
        size += len(pieces[-1])
        if size >= _BEFORE_CHARS:
            break
    return "".join(reversed(pieces))


def split_related(text: str, links: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """The extracted text with each related link (label and title, related_links) that shares
    its line with other text on a line of its own, and the lines each split line became, as
    (first, last) indexes into the new text's lines: html_clean joins what is left of them
    again after the text stages.

    >>> split_related("Gempa. Baca Juga: BMKG Catat Gempa. Warga lari.\\nBaca juga: X",
    ...               [("Baca Juga:", "BMKG Catat Gempa")])
    ('Gempa.\\nBaca Juga: BMKG Catat Gempa.\\nWarga lari.\\nBaca juga: X', [(0, 2)])
    """
    if not links:
        return text, []
    pattern = _related_pattern(tuple(sorted(set(links))))
    titles = {title for _, title in links}
    out: list[str] = []
    groups: list[tuple[int, int]] = []
    for line in text.split("\n"):
        collapsed = " ".join(line.split())
        # (the pattern only where a title is: a plain search each, most lines hold none)
        pieces = _line_pieces(line, pattern) if any(t in collapsed for t in titles) else [line]
        if len(pieces) > 1:
            groups.append((len(out), len(out) + len(pieces) - 1))
        out.extend(pieces)
    return "\n".join(out), groups


def _related_pattern(links: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """A related link as the extracted text writes it: its label, its title after it with or
    without a space, a full stop or comma right after the title with them; between words."""
    either = "|".join(f"{_spaced(label)}\\s*{_spaced(title)}" for label, title in links)
    return re.compile(rf"(?<!\S)(?:{either})[.,;]*(?!\S)")


def _line_pieces(line: str, pattern: re.Pattern[str]) -> list[str]:
    """A line cut before and after each related link in it, its pieces stripped; the line alone
    when it holds none or is one."""
    pieces: list[str] = []
    start = 0
    for match in pattern.finditer(line):
        pieces.extend((line[start:match.start()], match.group()))
        start = match.end()
    if not pieces:
        return [line]
    pieces.append(line[start:])
    # (a table's borders around a related link in its cell, "| Baca juga: X |", are no piece)
    written = [piece.strip() for piece in pieces if piece.strip()]
    kept = [piece for piece in written if not _BORDERS_ONLY.match(piece)]
    return kept if len(kept) > 1 or (kept and len(kept) < len(written)) else [line]
