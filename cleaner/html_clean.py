"""An HTML page to a cleaned Document: extract the article, run the text stages, merge metadata by a fixed precedence."""

from __future__ import annotations

import re
from time import thread_time
from typing import TYPE_CHECKING, Any, Collection

from lxml import etree

from cleaner.declared_language import page_language
from cleaner.decode import UTF8_ENCODINGS
from cleaner.document import Document, Line
from cleaner.html_extract import LISTING_FLAG, extract_article, not_extracted
from cleaner.html_left_out import EXTRACTOR_FIX
from cleaner.html_load import STOPPED_EARLY, PageError, import_extractors, load_page
from cleaner.identify import site_host, url_host
from cleaner.lexicon import Lexicon, lexicon, phrase_words
from cleaner.normalize import FIXES, unify_newlines
from cleaner.page_bylines import PageBylines, read_page_bylines, reading_pages
from cleaner.page_dates import date_zone, iso_date, page_date
from cleaner.page_metadata import page_hints
from cleaner.page_titles import clean_site_name, clean_title, title_site_name
from cleaner.rulefile import Pack
from cleaner.timeout import PageTimeout, deadline
from cleaner.url_date import url_date
from cleaner.url_section import url_section

if TYPE_CHECKING:
    from cleaner.pipeline import Cleaner

# A first line is the headline when this share of its words are the title's, and it holds this
# share of the title's words (a site name may decorate the title).
TITLE_MATCH = 0.8
TITLE_COVER = 0.6
_WORD = re.compile(r"\w+")
# Error pages and consent walls are short: the shortest text of the benchmark's 181 articles is
# 369 characters, the error pages and consent walls users sent 91 to 152.
BAD_PAGE_CHARS = 300
# A title or first line longer than this is no error page's; only its start is read.
_LINE_CHARS = 300
# A short page's opening lines read for those phrases: its first, and the one under each heading
# that opens it (a line of so many words at most, with no sentence's end), so many at most.
OPENING_LINES = 3
OPENING_HEADING_WORDS = 8
_SENTENCE_ENDS = frozenset(".!?…:;。！？")
# Where a title or a line parts: title separators, the ends of sentences and clauses.
_PARTS = re.compile(r"[|!?.:;,()\[\]«»•·–—]|\s-\s")


def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def same_title(line: str, title: str | None) -> bool:
    """True when a line is the title, give or take a site name or a few words.

    >>> same_title("Judul Berita Hari Ini", "Judul Berita Hari Ini - Kompas.com")
    True
    >>> same_title("Isi berita yang panjang dimulai di sini", "Judul Berita")
    False
    """
    a, b = _words(line), _words(title)
    if not a or not b:
        return False
    if a == b:
        return True
    common = sum(1 for w in a if w in set(b))
    return len(a) >= 2 and common >= TITLE_MATCH * len(a) and common >= TITLE_COVER * len(b)


def _site_by_name(cleaner: "Cleaner", name: str | None) -> Pack | None:
    """The site pack whose name, alias or domain is a page's og:site_name."""
    if not name:
        return None
    key = name.strip().lower()
    for pack in cleaner.index.sites:
        if key in {pack.name.lower(), *(a.lower() for a in pack.aliases), *pack.domains}:
            return pack
    return None


def _page_url(*urls: str | None) -> str | None:
    """A page's url: the first of the urls (the input's, then the page's own) that names a host,
    else the first given. A placeholder ("N/A") does not hide the page's canonical url.

    >>> _page_url("N/A", "https://kabar.example/a"), _page_url("N/A", None), _page_url(None, "")
    ('https://kabar.example/a', 'N/A', None)
    """
    return next((u for u in urls if site_host(u)), None) or next((u for u in urls if u), None)


def _extract(cleaner: "Cleaner", html: bytes | str, url: str | None, charset: str | None,
             site: Pack | None = None):
    """Parse and extract one page under the page deadline: (extraction, site pack, hints, the
    labels of its buttons where its text is short: bad_page_flag). The site pack comes from the
    url, the page's canonical url or its site name unless given."""
    import_extractors()
    try:
        with deadline(cleaner.page_timeout):
            fixes: list[str] = []
            tree, encoding, flags = load_page(html, charset, cleaner.max_html_bytes, fixes)
            hints = page_hints(tree)
            # (read before extraction, which may drop the head's meta elements)
            hints["lang"] = page_language(tree)
            page_url = _page_url(url, hints["url"])
            if site is None:
                site = (cleaner.index.site_by_host(url_host(page_url))
                        or _site_by_name(cleaner, hints["sitename"]))
            # The page's language is not known yet: its bylines are read with the words of
            # every loaded pack.
            words = lexicon(cleaner.packs)
            with reading_pages(words):
                try:
                    extraction = extract_article(
                        tree, page_url, site.html_strip if site else (),
                        f"{site.id}/html-strip" if site else "site/html-strip",
                        related_labels=words.related_labels)
                except PageError as exc:
                    # Where the parse stopped early, what it lost may be where the article was:
                    # the reject says so, as a kept page's `markup` flag does.
                    stopped = [flag["reason"] for flag in flags
                               if flag.get("reason", "").startswith(STOPPED_EARLY)]
                    raise PageError("; ".join([str(exc), *stopped])) from None
    except PageTimeout as exc:
        raise PageError(f"{exc}; raise --page-timeout to allow more") from None
    except RecursionError:
        raise PageError("markup nested too deeply to extract") from None
    extraction.encoding = encoding
    extraction.flags[:0] = flags
    extraction.fixes = fixes
    # A short page's buttons, where a consent wall's notice is read under its heading
    # (bad_page_flag); a page of more text is no error page or consent wall.
    buttons = _button_labels(tree) if len(extraction.text) < 2 * BAD_PAGE_CHARS else frozenset()
    return extraction, site, hints, buttons


# A page's buttons: <button>, a form's submit or button <input>, an element of role="button".
_BUTTONS = etree.XPath('//button | //input[@type="submit" or @type="button"] | //*[@role="button"]')


def _button_labels(tree) -> frozenset[str]:
    """The labels of a page's buttons, their runs of spaces as one ("Setuju", "Accept all")."""
    labels = set()
    for element in _BUTTONS(tree):
        text = element.get("value") if element.tag == "input" else element.text_content()
        label = " ".join((text or "").split())
        if label:
            labels.add(label)
    return frozenset(labels)


def clean_html_document(cleaner: "Cleaner", html: bytes | str, url: str | None,
                        notes: dict[str, Any], /, **fields: Any) -> Document:
    """Extract a page's article and clean it like text; raises PageError when it has none.

    `notes` are what the reader knows of the page (PAGE_NOTES), apart from the input's fields:
    `charset` the HTTP header's charset, if known (for bytes); `fallback_date` a date to use
    when neither the input, the HTML nor the text gives one (a WARC record's crawl date);
    `page_flags` notes the reader made (a wrong declared charset), kept in the record's flags.
    """
    charset: str | None = notes.get("charset")
    fallback_date: Any = notes.get("fallback_date")
    page_flags: list[dict] | None = notes.get("page_flags")
    started = thread_time()
    extraction, site, hints, buttons = _extract(cleaner, html, url, charset)
    page_url = _page_url(url, extraction.meta.get("url"), hints.get("url"))
    if site is None and site_host(page_url) is None:
        # No url host and no site name: a text signature may still name a site with strip
        # selectors. (A page at a host no pack claims is that host's, as a text is: identify.)
        by_text = cleaner.index.site_by_text(extraction.text)
        if by_text is not None and by_text.html_strip:
            extraction, site, hints, buttons = _extract(cleaner, html, url, charset, by_text)
            page_url = _page_url(url, extraction.meta.get("url"), hints.get("url"))
    meta = extraction.meta
    site_names = (site.name, *site.aliases, *site.domains) if site else ()
    names = [n for n in (meta.get("sitename"), hints.get("sitename"), url_host(page_url),
                         *site_names) if n]
    html_title = clean_title(meta.get("title"), names, meta.get("headline"))

    text = extraction.text
    opening = 0                         # lines put before the extracted text
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    given = fields.get("title")
    if first and any(same_title(first, t) for t in (given, html_title, meta.get("headline"))):
        # The headline opens the article text: the header stage takes it as the title.
        title_line = first
    elif html_title:
        # The text a page gives is laid out as a text dump is, title line first, so the header
        # stage and "head" rules see the same document whether a site comes as HTML or as text.
        title_line = html_title
        text = f"{html_title}\n\n{text}"
        opening = 2
    else:
        title_line = None
    # What the extractor left out is recorded, against the text the text stages get; the
    # repairs it made to the text it kept (a no-break space, a soft hyphen) are listed as fixes,
    # and so are the characters it dropped from it that a text dump keeps (EXTRACTOR_FIX).
    lost, fixes, drop_caused = not_extracted(extraction, text)
    extraction.removed.extend(lost)
    extraction.fixes.extend(fixes)
    doc = cleaner.make_document(text, page_url, **fields)
    doc.hints["extracted"] = True       # plain text already: no markup fixes (normalize)
    if extraction.meta.get("bylines"):
        # (the header stage takes a name alone under the title only where the markup's
        # bylines name it: header._bare_byline)
        doc.hints["page_bylines"] = tuple(extraction.meta["bylines"])
    if title_line and "title" not in doc.hints:
        doc.hints["title"] = title_line
    elif title_line:
        # The input names another title, which wins; the page's own title line opens the text
        # all the same, and the header stage takes it out as a title line, not body text.
        doc.hints["page_title"] = title_line
    if "lang" not in doc.hints and hints.get("lang"):
        # The language the page declares, where the input's fields declare none: a hint the
        # text's words may overrule (identify.PackIndex.language).
        doc.hints["lang"] = hints["lang"]
        doc.hints["lang_from"] = "page"     # held to the text's evidence (PackIndex.language)
    if site is not None:
        doc.hints["site_pack"] = site      # found by canonical url or og:site_name: its text rules apply
    page_seconds = thread_time() - started
    split = _split_line_numbers(text, extraction.split_lines, opening)
    cleaner.clean_document(doc)             # (its stages time themselves)
    resumed = thread_time()
    if split:
        join_split_lines(doc, split)
    _merge_meta(cleaner, doc, extraction, names, fallback_date)
    doc.removed[:0] = extraction.removed
    # (The two spaces a dropped character left are the extractor's doing, which EXTRACTOR_FIX
    # names: a dump of the page's text, which keeps the character, has nothing to tidy.)
    doc.fixes = _with_page_fixes([name for name in doc.fixes if name not in drop_caused],
                                 extraction.fixes)
    doc.flags[:0] = list(page_flags or ()) + extraction.flags
    flag = bad_page_flag(doc.body(), (("title", doc.meta.get("title")),
                                    ("page title", meta.get("page_title"))),
                         lexicon(cleaner.packs), buttons)
    if flag:
        doc.flags.append(flag)
    if extraction.encoding and extraction.encoding not in UTF8_ENCODINGS:
        doc.fields.setdefault("encoding", extraction.encoding)
    # The page's own work (parsing, extraction, its metadata) as a stage of the run's timings,
    # in CPU seconds as the other stages' (stats.STAGE_CLOCK).
    cleaner.timings["extract"] += page_seconds + thread_time() - resumed
    return doc


def _split_line_numbers(text: str, split: list[tuple[int, int]],
                        opening: int) -> list[tuple[int, int]]:
    """The lines of the document's text (its Line numbers: 1-based, its newlines unified as
    normalize unifies them) that each split paragraph became, from their indexes in the
    extracted text's lines (split_related) and the count of lines put before it."""
    if not split:
        return []
    if unify_newlines(text) == text:        # (nearly every page)
        return [(opening + first + 1, opening + last + 1) for first, last in split]
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    number = [unify_newlines(text[:start]).count("\n") + 1 for start in starts[:-1]]
    return [(number[opening + first], number[opening + last]) for first, last in split]


def join_split_lines(doc: Document, split: list[tuple[int, int]]) -> None:
    """Join again what the text stages left of each paragraph whose related links were put on
    lines of their own (split_related), in one line: its pieces of different input lines that
    follow one another (the pieces a glued line was split into stay apart)."""
    last: Line | None = None
    last_group: int | None = None
    groups = sorted(split)
    for line in doc.lines:
        if not line.text:
            continue
        group = next((i for i, (low, high) in enumerate(groups)
                      if low <= line.number <= high), None)
        if group is not None and group == last_group and last is not None \
                and last.number != line.number:
            last.text = f"{last.text} {line.text}"
            line.text = ""
            continue
        last, last_group = line, group


def bad_page_flag(text: str, titles: tuple[tuple[str, Any], ...],
                  words: Lexicon, buttons: Collection[str] = ()) -> dict[str, str] | None:
    """An `error-page` or `consent-page` flag for a short text whose titles (where, title) or
    first line say a phrase of the packs' error_phrases, or whose titles or opening lines
    (_opening_lines: its first line, and the line under a heading that opens it, where a line of
    the text is one of the page's `buttons`' labels) say one of their consent_phrases; None for
    any other page."""
    if len(text) >= BAD_PAGE_CHARS:
        return None
    lines = [(where, title) for where, title in titles if isinstance(title, str)]
    opening = _opening_lines(text)
    # An error page says its error in its heading, the first line; a consent wall's heading
    # may say only "We value your privacy", over its notice, and its button ("Setuju", "Accept
    # all") stands below the notice: a news item's quote or report under a subheading has none.
    notices = opening[:1] + [(where, line) for where, line in opening[1:]
                             if _button_below(text, line, buttons)]
    for flag, phrases, read in (("error-page", words.error_phrases, lines + opening[:1]),
                                ("consent-page", words.consent_phrases, lines + notices)):
        for where, line in read:
            phrase = said_phrase(line, phrases)
            if phrase:
                shown = line if len(line) <= 80 else line[:80] + "…"
                return {"flag": flag, "reason": f"its {where} {shown!r} says {phrase!r} "
                                                f"and its text is {len(text)} characters"}
    return None


def _button_below(text: str, line: str, buttons: Collection[str]) -> bool:
    """Whether a line of the text below `line` is one of the page's buttons' labels.

    >>> _button_below("Privasi\\n\\nKami menggunakan cookie.\\n\\nSetuju",
    ...               "Kami menggunakan cookie.", {"Setuju"})
    True
    >>> _button_below("Setuju\\n\\nKami menggunakan cookie.", "Kami menggunakan cookie.",
    ...               {"Setuju"})
    False
    """
    if not buttons:
        return False
    below = text.partition(line)[2]
    return any(rest.strip() in buttons for rest in below.split("\n"))


def _opening_lines(text: str) -> list[tuple[str, str]]:
    r"""The lines a page opens with, as (where, line): its first line, and while a line is a
    heading (at most OPENING_HEADING_WORDS words, no sentence's end), the line after it, up to
    OPENING_LINES. A consent wall's heading ("Kami menghargai privasi Anda") stands over its
    notice ("Kami menggunakan cookie …"); an article's first paragraph is a sentence, and what
    its later paragraphs say is not read.

    >>> _opening_lines("Kami menghargai privasi Anda\n\nKami menggunakan cookie.\n\nSetuju")
    [('first line', 'Kami menghargai privasi Anda'), ('line 2', 'Kami menggunakan cookie.')]
    >>> _opening_lines("Toko kue dibuka.\n\nKami menggunakan cookie, katanya.")
    [('first line', 'Toko kue dibuka.')]
    """
    found: list[tuple[str, str]] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        found.append(("first line" if not found else f"line {len(found) + 1}", line))
        if len(found) >= OPENING_LINES or len(line.split()) > OPENING_HEADING_WORDS \
                or line[-1] in _SENTENCE_ENDS:
            break
    return found or [("first line", "")]


def said_phrase(line: str, phrases: dict[tuple[str, ...], str]) -> str | None:
    """The phrase (of phrases by their words, longest first) a line is made of: that of one of
    its parts (split at title separators and punctuation) more than half of whose words are
    phrases', or that opens with a phrase of two words or more; None when no part is.

    >>> phrases = {("page", "not", "found"): "page not found", ("not", "found"): "not found"}
    >>> said_phrase("Page Not Found | The Times", phrases), said_phrase("Not Found", phrases)
    ('page not found', 'not found')
    >>> said_phrase("The missing boat was not found after a two-day search.", phrases)
    """
    if not phrases:
        return None
    firsts = {phrase[0] for phrase in phrases}
    for part in _PARTS.split(line[:_LINE_CHARS]):
        words = phrase_words(part)
        found, covered = _phrases_in(words, phrases, firsts)
        if found and (covered is None or 2 * covered > len(words)):
            return phrases[found]
    return None


def _phrases_in(words: tuple[str, ...], phrases: dict[tuple[str, ...], str],
                firsts: set[str]) -> tuple[tuple[str, ...] | None, int | None]:
    """The first phrase the words hold and how many of the words phrases cover (None when a
    phrase of two words or more opens them: they are that phrase's, whatever follows)."""
    found, covered, i = None, 0, 0
    while i < len(words):
        phrase = next((p for p in phrases if words[i:i + len(p)] == p),
                      None) if words[i] in firsts else None
        if phrase is None:
            i += 1
            continue
        if i == 0 and len(phrase) >= 2:
            return phrase, None
        found = found or phrase
        covered += len(phrase)
        i += len(phrase)
    return found, covered


def _with_page_fixes(fixes: list[str], page_fixes: list[str]) -> list[str]:
    """The record's fixes with those made to the page before and by extraction, in normalize's
    order, EXTRACTOR_FIX after them (before `split_glued`, made after the rules): a text that
    held the same mojibake lists the same fix.

    >>> _with_page_fixes(["plain_spaces"], ["fix_mojibake"])
    ['fix_mojibake', 'plain_spaces']
    >>> _with_page_fixes(["tidy_lines", "split_glued"], ["extractor_controls", "plain_spaces"])
    ['plain_spaces', 'tidy_lines', 'extractor_controls', 'split_glued']
    """
    if not page_fixes:
        return fixes
    order = {name: i for i, (name, _) in enumerate(FIXES)}
    order[EXTRACTOR_FIX] = len(FIXES)
    # (A stable sort of the names in their first order: a name of neither list keeps its place.)
    names = list(dict.fromkeys([*fixes, *page_fixes]))
    return sorted(names, key=lambda name: order.get(name, len(order)))


def _merge_meta(cleaner: "Cleaner", doc: Document, extraction, names: list[str],
                fallback_date: Any) -> None:
    """HTML metadata precedence (docs/html.md): input fields > HTML > text headers for title, date
    and url; text headers > HTML for authors, editors, source and category; the fallback date last.
    """
    meta = extraction.meta
    months = lexicon(doc.packs).months
    tz = date_zone(doc.packs)
    # date: an input date (already in meta from the hints) > HTML > text header > fallback
    if any(flag.get("flag") == LISTING_FLAG for flag in extraction.flags):
        _listing_date(doc, meta, tz, months)
    elif "date" not in doc.hints:
        value = page_date(meta.get("dates", []), meta.get("more_dates", ()), tz, months,
                          meta.get("published_dates", ()))
        if value:
            doc.meta["date"] = value
    if doc.meta.get("date") is None and fallback_date:
        doc.meta["date"] = iso_date(str(fallback_date), tz, months)
    # authors and editors: text bylines first; the HTML bylines only when the text had none,
    # or named its authors only in a closing credit ("Additional reporting by B" under the page's
    # byline of A: A, then B). A wire agency the page names as its author is the source, unless
    # the text gave one.
    found = read_page_bylines(meta.get("bylines", ()), names, meta.get("publishers", ()),
                              lexicon(doc.packs).honorifics, lexicon(cleaner.packs))
    if doc.meta["authors"] and found.authors and _credits_alone(doc):
        credited, doc.meta["authors"] = doc.meta["authors"], []
        doc.set_meta("authors", found.authors)
        doc.set_meta("authors", credited)
    if not doc.meta["authors"]:
        doc.set_meta("authors", found.authors)
    if not doc.meta["editors"]:
        doc.set_meta("editors", found.editors)
    if doc.meta.get("source") is None:
        source = _page_source(meta, found, names)
        if source:
            doc.meta["source"] = cleaner.sink.source_name(source)
    if doc.meta.get("category") is None and meta.get("category"):
        doc.meta["category"] = meta["category"]
    if doc.meta.get("category") is None:
        # Neither the text nor the page named a section: the url's path may ("/olahraga/").
        doc.meta["category"] = url_section(doc.url, lexicon(doc.packs).sections)


def _listing_date(doc: Document, meta: dict[str, Any], tz: Any, months: Any) -> None:
    """A listing page's date (html_extract.listing_flag): the input's, else the date its
    publication tags give (its own: meta tags, JSON-LD datePublished) or its <time> under its
    headline before and outside every teaser (html_extract.listing_stamp), else its url's;
    never a date its text or its other visible stamps give, which are its teasers'. The
    removals that gave one feed no date."""
    if "date" in doc.hints:
        return
    own = [*meta.get("published_dates", ()), *meta.get("listing_dates", ())]
    doc.meta["date"] = page_date(own, (), tz, months) or url_date(doc.url)
    for removal in doc.removed:
        if "date" in removal.fields:
            removal.fields = tuple(name for name in removal.fields if name != "date")


def _credits_alone(doc: Document) -> bool:
    """Whether the text's authors all come from closing credits: every removal that fed
    `authors` is a rule's that reads the text's tail (where = "tail" or "last": chrome/wire-editing-
    credit's "Additional reporting by B"). A page's own byline names its writers before them."""
    fed = {removal.rule for removal in doc.removed if "authors" in removal.fields}
    if not fed:
        return False
    tail = {rule.id for pack in doc.packs for rule in pack.rules
            if rule.id in fed and rule.where in ("tail", "last")}
    return fed <= tail


def _page_source(meta: dict[str, Any], found: PageBylines, names: list[str]) -> str | None:
    """Where a page's story comes from, when its text does not say (docs/html.md): a wire
    agency its bylines name, the outlet written beside its author ("By Sandee LaMotte, CNN" on
    MSN), the site's name (og:site_name without its decoration, else the JSON-LD publisher),
    else the site's name its title is decorated with ("Judul - Kompas.com")."""
    if found.agencies:
        return found.agencies[0]
    if found.outlets:
        return found.outlets[0]
    hosts = [name for name in names if "." in name and not set(" /").intersection(name.strip())]
    return clean_site_name(meta.get("sitename"), hosts, meta.get("publisher")) or \
        clean_site_name(title_site_name((meta.get("page_title"), meta.get("title")), names), hosts)
