"""The Cleaner: decode, normalize, repeated body, identify, rules, header, paragraphs, in that order, for one document or many."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from time import thread_time
from typing import Any, Iterable

from cleaner.apply_rules import GUARD_SHARE, RuleStage
from cleaner.decode import is_utf8
from cleaner.declared_language import language_code
from cleaner.document import NOTHING_VISIBLE, Document, Line, Removal, is_url_text, \
    json_value, nothing_visible
from cleaner.first_look import first_look
from cleaner.header import header_stage
from cleaner.identify import PackIndex, site_host
from cleaner.identity_cache import IdentityCache
from cleaner.inputs import HINTS, MAX_HTML_BYTES, PAGE_NOTES, id_text, opens_as_page
from cleaner.lexicon import lexicon
from cleaner.matcher import matcher_for
from cleaner.metadata import MetaSink
from cleaner.normalize import MARKUP_FIXES, drop_controls, fix_surrogates, normalize, \
    repair_surrogates
from cleaner.page_dates import date_zone, iso_date
from cleaner.paragraphs import SPLIT_FIX, glued_lines, may_be_glued, split_glued
from cleaner.pattern_forms import remember
from cleaner.repeated_body import repeated_body_stage
from cleaner.rulefile import Pack, Rule, load_packs
from cleaner.sitekey import site_key
from cleaner.text_markup import HIDDEN_RULE, hidden_markup, plain_markup
from cleaner.url_date import url_date
from cleaner.url_section import url_section
from cleaner.timeout import DEFAULT_PAGE_TIMEOUT
from cleaner.validity import date_span, dated, excluded_ids


# Documents to clean together (Cleaner.clean_documents): enough for each stage to run over many
# lines in a row, few enough for the documents to stay in the CPU's caches meanwhile. 16 did
# better than 1, 32 or 64 on the benchmark.
CLEAN_CHUNK = 16


def _share(value: Any) -> float:
    """A guard share as given to Cleaner, checked: a number from 0 to 1.

    >>> _share(0.3), _share(1)
    (0.3, 1.0)
    >>> _share("x")
    Traceback (most recent call last):
    TypeError: guard_share must be a number from 0 to 1, not str
    >>> _share(5)
    Traceback (most recent call last):
    ValueError: guard_share must be from 0 to 1 (a share of a document's characters), not 5
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"guard_share must be a number from 0 to 1, not {type(value).__name__}")
    if not 0 <= value <= 1:         # (NaN too)
        raise ValueError("guard_share must be from 0 to 1 (a share of a document's characters), "
                         f"not {value}")
    return float(value)


class Cleaner:
    """Cleans documents with the shipped rule packs plus any given rule files or folders.

    `rules`: rule files or folders added to the shipped packs (`builtin=False`: in their
    place); `lang`: the language every document is cleaned in (default: each one's detected
    language); `guard_share`: the share of a document's characters one rule may remove before
    it stops there and the record is flagged (0 to 1, default 0.5). Unlike `cleaner clean`,
    which refuses a record over --max-record-bytes (8 MB), a Cleaner cleans a text of any size.

    >>> record = Cleaner().clean("Judul Berita Hari Ini\\n\\nIsi berita ini panjang sekali. (ant)")
    >>> record["meta"]["title"], record["text"]
    ('Judul Berita Hari Ini', 'Isi berita ini panjang sekali.')
    """

    def __init__(self, rules: Iterable[str | Path] = (), builtin: bool = True,
                 lang: str | None = None, guard_share: float = GUARD_SHARE,
                 packs: list[Pack] | None = None, learned: dict[str, Pack] | None = None):
        self.packs = packs if packs is not None else load_packs(rules, builtin=builtin)
        for pack in self.packs:
            remember(pack.forms)
        self.index = PackIndex(self.packs)
        self.sink = MetaSink(self.packs)
        self.lang = cleaner_language(lang, self.index.langs)
        self.guard_share = _share(guard_share)
        self.page_timeout: float = DEFAULT_PAGE_TIMEOUT   # seconds one HTML page may take; 0: none
        self.max_html_bytes: int = MAX_HTML_BYTES         # larger pages are refused
        # The site every document comes from (the command's --site: "kompas.com"), whose pack
        # cleans those whose url names no host and whose `site` field names no pack: a hint
        # (_site_hint), never written into a record.
        self.given_site: str | None = None
        self._stages: dict[tuple, RuleStage] = {}
        self._learned: dict[str, Pack] = {}
        # The rules each document language's matchers are drawn from (_universe_for).
        self._universes: dict[str | None, tuple[Rule, ...]] = {}
        self.timings: defaultdict[str, float] = defaultdict(float)   # CPU seconds per stage
        self._dated: dict[tuple[str, ...], tuple] = {}
        # A pack tuple -> (its key, its dated rules), by the tuple's identity: documents share
        # their combination's tuple (PackIndex).
        self._combinations: IdentityCache[tuple[Pack, ...], tuple[tuple[str, ...], tuple]] = (
            IdentityCache())
        # Learned boilerplate (cleaner.learn): site -> pack, applied after every other pack.
        self.learned = learned or {}

    def __reduce__(self) -> tuple:
        # A Cleaner travels (a process pool, Dataset.map's num_proc) as what it was made from,
        # used or not: its rule stages hold RE2 sets, which cannot be pickled, and are built
        # again as documents come.
        return (_rebuilt, (self.packs, self._learned, self.lang, self.guard_share,
                           self.page_timeout, self.max_html_bytes, self.given_site))

    @property
    def learned(self) -> dict[str, Pack]:
        return self._learned

    @learned.setter
    def learned(self, packs: dict[str, Pack]) -> None:
        self._learned = packs
        self._universes.clear()
        self._stages.clear()

    def _universe_for(self, lang: str | None) -> tuple[Rule, ...]:
        """The rules the matchers of a document language are drawn from: one RE2 set of them
        serves every combination of that language, learned rules included (set after loading,
        they would otherwise cost each new combination a set of its own). A language's set
        holds the common packs', its own and its sites' (and those of sites that name no
        language): another language's rules are never asked about its lines, and a set of
        every pack's rules scanned an Indonesian document's lines 22% slower (the IndoSum dev
        set, 110 ms against 86 before the automaton warmed). A document of no known language
        gets every rule."""
        universe = self._universes.get(lang)
        if universe is None:
            packs = (*self.packs, *self._learned.values())
            universe = self._universes[lang] = tuple(
                rule for pack in packs
                if lang is None or pack.kind == "common" or pack.id.startswith("learned/")
                or (pack.kind == "lang" and pack.id == lang)
                or (pack.kind == "site" and pack.lang in (None, lang))
                for rule in pack.rules)
        return universe

    def _rule_stage(self, packs: tuple[Pack, ...], doc: Document | None = None) -> RuleStage:
        """The rule stage of a pack combination, without the rules the document's date excludes
        (valid_from / valid_until); one matcher per combination and set of excluded rules."""
        key, bounded = self._combinations.get(packs, self._combination)
        excluded = excluded_ids(bounded, self._date_span(doc)) if bounded and doc else frozenset()
        stage = self._stages.get((key, excluded))
        if stage is None:
            rules = tuple(rule for pack in packs for rule in pack.rules if rule.id not in excluded)
            # The site's pack: its rules go first. A learned pack (id "learned/<site>") is a
            # site's too, but its rules go after every other pack's, as a line a shipped rule
            # removes keeps that rule's name and the metadata it fills.
            site = next((p.id for p in packs if p.kind == "site"
                         and not p.id.startswith("learned/")), None)
            lang = next((p.id for p in packs if p.kind == "lang"), None)
            stage = RuleStage(matcher_for(rules, site, self._universe_for(lang)), self.sink,
                              self.guard_share)
            self._stages[(key, excluded)] = stage
        return stage

    def _combination(self, packs: tuple[Pack, ...]) -> tuple[tuple[str, ...], tuple]:
        """A pack combination's key, and its rules that have dates (valid_from / valid_until)."""
        key = tuple(f"{p.kind}:{p.id}" for p in packs)
        bounded = self._dated.get(key)
        if bounded is None:
            bounded = self._dated[key] = dated(rule for pack in packs for rule in pack.rules)
        return key, bounded

    @staticmethod
    def _date_span(doc: Document):
        """The days a document's input date covers, else its url's (None without either): what
        dated rules go by. The input date is read as meta.date holds it (read_input_date): a
        time given in UTC late on June 30th is July 1st in Jakarta, and a rule valid from July
        applies to it. (A date the text gives is found by the rules themselves, too late to
        choose them, though it wins over the url's in meta.date: docs/authoring.md.)"""
        raw = doc.hints.get("date")
        if raw is None:
            return date_span(url_date(doc.url))
        return date_span(read_input_date(raw, doc.packs))

    def _learned_for(self, doc: Document) -> tuple[Pack, ...]:
        if not self.learned:
            return ()
        key = site_key(doc.packs, doc.url)
        pack = self.learned.get(key) if key else None
        return (pack,) if pack is not None else ()

    # The text (or page) is positional-only in these methods: input fields arrive as keywords,
    # and a field named "text" (beside --text-field content) or "self" must ride along as a
    # field, not collide with a parameter and cost the document.
    # The hints are Any: a compiled build checks the declared types, and a caller's row holds
    # what its source held (an int id, a NaN title from pandas).
    def make_document(self, text: str, /, url: Any = None, id: Any = None, title: Any = None,
                      date: Any = None, **fields: Any) -> Document:
        """A Document from input text and fields; title and date are hints, the rest rides along."""
        # (bytes would need a charset: Cleaner.clean_html takes them, or decode them first)
        _must_be(text, (str,), "text", id)
        # A missing cell of a pandas frame is NaN, NaT or NA, not None: no hint either.
        url, id, title, date = _url_hint(url), _hint(id), _hint(title), _hint(date)
        # Half an emoji's UTF-16 pair in a field would make a record no UTF-8 writer takes; the
        # text keeps its own for normalize, which repairs it and records the fix.
        url, id, title, date, fields = repair_surrogates((url, id, title, date, fields))
        doc = Document(id=document_id(id), text=text,
                       url=url.strip() or None if isinstance(url, str) else None,
                       fields=fields)
        if url is not None and not isinstance(url, str):
            doc.flags.append(unreadable_url_flag(url))
        elif doc.url is not None and not is_url_text(doc.url):
            # Words, "javascript:...": meta.url holds a url's text, and no site or date is read
            # from this one (a dump's placeholder, "N/A", is kept: it names none).
            doc.flags.append(unreadable_url_flag(doc.url, "an http(s) or ftp url with a host"))
            doc.url = None
        site = fields.get("site")
        if site is not None or self.given_site is not None:     # (rare: two tests a document)
            self._site_hint(doc, site)
        # A title given by the input is metadata as a title line would be: one line of text,
        # without the controls, runs of spaces and markup a scraper leaves (a NUL, "&amp;"),
        # its accents composed as the text's are (normalize's nfc), so that it equals the
        # text's own title line and reads the same in meta.title whichever way it came.
        title = plain_markup(" ".join(drop_controls(hint_text(title)).split())) if title else None
        if title and not title.isascii():
            title = unicodedata.normalize("NFC", title)
        if title:
            doc.hints["title"] = title
        if date:
            doc.hints["date"] = date
        # The language the input declares is a hint that rides along as well: the text's words
        # may overrule it (PackIndex.language), and the record keeps what the input said. Where
        # it came from rides along too: a record's field is taken on less evidence than a page's
        # own declaration (html_clean sets that one).
        declared = _hint(fields.get("lang"))      # (numpy's str too)
        if declared is not None:
            code = language_code(declared)
            if code:
                doc.hints["lang"] = code
                doc.hints["lang_from"] = "fields"
        return doc

    def _site_hint(self, doc: Document, site: Any) -> None:
        """A `site` field naming a site's host (or its url): that site's pack is the document's,
        as the host of a url would choose it, where its url names no host (a path, a
        placeholder, none): a url naming any host wins, so that one site's rules never run on
        another host's text, and meta.site stays the url's. The field rides along as lang's
        does; one naming no pack (a site's name, "kompas", "", 7) gives way to the Cleaner's
        given_site (--site), as Dataset.map's site= takes its place (hf._row_hints), else
        changes nothing. given_site is a hint only: the record gets no field of it."""
        pack = self.hinted_site(doc.url, site)
        if pack is not None:
            doc.hints["site_pack"] = pack

    def hinted_site(self, url: Any, site: Any) -> Pack | None:
        """The site pack a document's hints choose (_site_hint): none where its url names a
        host (the host chooses), else its `site` field's, else given_site's."""
        if site_host(url) is not None:
            return None
        pack = self.site_pack(site) if site is not None else None
        if pack is None and self.given_site is not None:
            pack = self.site_pack(self.given_site)
        return pack

    def site_pack(self, site: Any) -> Pack | None:
        """The site pack a `site` value chooses: the one claiming the host it names (a host,
        "www.kompas.com", or a url); None for any other value ("Nasional", "www", 7)."""
        host = site_host(_hint(site)) if isinstance(site, str) else None
        return None if host is None else self.index.site_by_host(host)

    def make_flagged_document(self, text: str, page_flags: list[dict[str, Any]], /,
                              **fields: Any) -> Document:
        """A Document as make_document makes it, with the notes its reader made on the text
        (page_flags: a WARC text record the file ends inside) first in its flags, as a page's
        are (clean_html). Positional, so that an input field of that name rides along."""
        doc = self.make_document(text, **fields)
        doc.flags[:0] = page_flags
        return doc

    def clean(self, text: str, /, url: Any = None, **fields: Any) -> dict[str, Any]:
        """Clean one document and return its record (docs/usage.md gives the schema). A text that
        opens as a web page does is one: its article is extracted (clean_html), as every reader
        of the command does, and PageError raised when it has none.

        `text` is positional only, and must be a str: anything else (None, a NaN cell, bytes)
        raises TypeError (decode bytes first, or give a page's bytes to clean_html). The keyword
        arguments are the document's input fields, as a JSON line's are: `url`, `id`, `title`,
        `date` and `lang` are hints (lang a declared language, which the text's words may
        overrule); any other is kept in the record. A missing value of a hint (None, NaN,
        pandas' NaT or NA) is no hint; with no id the record has id ''.

        A row (a dict, a frame's row) holding its text: take the text out, else it is kept in
        the record as an input field too (under `input`); `clean(**row)` gives no text::

            record = cleaner.clean(row.pop("text"), **row)
            records = [cleaner.clean(row.pop("text"), **row) for row in df.to_dict("records")]
        """
        if isinstance(text, str) and opens_as_page(text):
            # (its fields stay fields: one named like a reader's note, "charset", is no note)
            return _api_record(self.page_document(text, url, {}, **fields), text)
        return _api_record(self.clean_document(self.make_document(text, url, **fields)), text)

    def explain(self, text: str, /, url: Any = None, **fields: Any) -> str:
        """What `cleaner explain` shows for this document, without colour: its normalized text
        line by line with each removal marked [-text-]<rule>, then its metadata, flags and a
        legend of the rules. Takes what `clean` takes (a page too), and raises as it does.

        >>> Cleaner().explain("Judul Berita\\n\\nIsi berita. (ant)", id="a1").splitlines()[:2]
        ['== a1', '   title     Judul Berita']
        """
        from cleaner.explain import explain_document       # (not needed to clean)

        page = isinstance(text, str) and opens_as_page(text)
        doc = (self.page_document(text, url, {}, **fields) if page
               else self.clean_document(self.make_document(text, url, **fields)))
        return explain_document(doc.text, _api_record(doc, text), self.packs,
                                text if page else None)

    # HTML input (docs/html.md): the page's article is extracted, then cleaned like text.
    def clean_html(self, html: bytes | str, /, url: Any = None,
                   **fields: Any) -> dict[str, Any]:
        """Clean one HTML page and return its record; raises PageError if it has no article."""
        return _api_record(self.clean_html_document(html, url, **fields), html)

    def clean_html_document(self, html: bytes | str, /, url: Any = None,
                            **fields: Any) -> Document:
        """Extract a page's article (charset=, fallback_date=, page_flags= accepted: what a
        reader knows of the page, html_clean.clean_html_document) and run every stage on it."""
        notes = {key: fields.pop(key) for key in PAGE_NOTES if key in fields}
        return self.page_document(html, url, notes, **fields)

    def page_document(self, html: bytes | str, url: Any, notes: dict[str, Any], /,
                      **fields: Any) -> Document:
        """clean_html_document with the reader's notes on the page apart from the input's
        fields: a JSON line's field named like a note ("charset", "page_flags") stays a field
        of its record, not taken for the note (it lost the record)."""
        from cleaner.html_clean import clean_html_document     # lxml and trafilatura: only for HTML

        _must_be(html, (str, bytes), "page", fields.get("id"))
        # The page's own url and title are read against the hints: a missing one gives way. The
        # hints are taken as make_document takes them: a url that is not text is none (flagged,
        # below), a title that is not text its text (a number's, a list's JSON).
        url = _url_hint(url)
        odd_url = url if url is not None and not isinstance(url, str) else None
        if odd_url is not None:
            url = None
        fields = {k: _page_hint(k, v) if k in HINTS else v for k, v in fields.items()}
        doc = clean_html_document(self, html, url, notes, **fields)
        if odd_url is not None:
            doc.flags.append(unreadable_url_flag(odd_url))
        return doc

    def clean_document(self, doc: Document) -> Document:
        """Run every stage on a Document and return it."""
        return self.clean_documents([doc])[0]

    def clean_large(self, doc: Document, blank: bool) -> dict[str, Any]:
        """Cleaner.clean's record of a Document make_document made of a text that is no page
        (`blank`: whether that text was blank), holding one text fewer at its peak: its
        normalized text is let go of before its lines are joined into the record's (a caller
        that holds the input text no longer, cleaner.batches, then holds it once: for an 8 MB
        record opened by an emoji, 31 MB as Python holds it)."""
        doc = self.clean_document(doc)
        doc.text = ""
        record = doc.to_record()
        if nothing_visible(record):
            _flag_rejected(record, blank)
        return record

    def clean_documents(self, docs: list[Document]) -> list[Document]:
        """Run every stage on each Document and return them: the same Documents as cleaning them
        one at a time, in less time. They go CLEAN_CHUNK at a time, stage by stage over a chunk.

        A stage's code and data then stay in the CPU's caches from one document to the next.
        The rules' scan (an RE2 set call a line) gains most: called between the other stages'
        work, it found the set's automaton out of the caches and took twice as long, 30
        microseconds a document against 15 on the benchmark.
        """
        for start in range(0, len(docs), CLEAN_CHUNK):
            self._clean_chunk(docs[start:start + CLEAN_CHUNK])
        return docs

    def _clean_chunk(self, docs: list[Document]) -> None:
        """Every stage over all of `docs`, one stage after the other."""
        clock, timings = thread_time, self.timings
        t0 = clock()
        maybe_glued = [self._normalize(doc) for doc in docs]
        t_repeat = clock()
        # A body given twice loses its copy before the rules, as the input gave it: a rule bound
        # to the text's first line or its end would cut one copy only (repeated_body).
        for doc in docs:
            repeated_body_stage(doc)
        t1 = clock()
        for doc in docs:
            hints = doc.hints
            doc.packs = self.index.packs_for(doc.text, doc.url, self.lang,
                                             hints.get("site_pack"), hints.get("lang"),
                                             hints.get("lang_from") == "fields")
        t2 = clock()
        stages = [self._rule_stage(doc.packs + self._learned_for(doc), doc) for doc in docs]
        # (the scan keeps the texts it read: the rules take them with it)
        scans = [stage.scan(doc) for doc, stage in zip(docs, stages)]
        for doc, stage, scan in zip(docs, stages, scans):
            stage(doc, scan)
        t3 = clock()
        for doc in docs:
            header_stage(doc)
        t4 = clock()
        for doc, glued in zip(docs, maybe_glued):
            self._split_paragraphs(doc, glued)
            self._fill_meta(doc)
            doc.removed.sort(key=lambda r: (r.line, r.col))
        t5 = clock()
        # CPU seconds spent per stage over the Cleaner's life (run statistics, --stats): those
        # of this thread, which does the work (time.thread_time; wall time counted the time
        # other processes took the CPU, and a Ray worker's own threads would count in
        # process_time). About 1.5 microseconds a call, six calls a chunk of 16 documents.
        timings["normalize"] += t_repeat - t0
        timings["identify"] += t2 - t1
        timings["rules"] += t3 - t2
        timings["header"] += t4 - t3
        timings["structure"] += t5 - t4 + t1 - t_repeat

    @staticmethod
    def _normalize(doc: Document) -> bool:
        """Normalize the document's text and split it into lines; whether a line may hold
        sentences glued without a space."""
        look = first_look(doc.text)
        # A page's article comes out of the extractor as plain text: what looks like markup
        # in it is what the page shows ("&lt;b&gt;" in the page is "<b>" here).
        skip = MARKUP_FIXES if doc.hints.get("extracted") else ()
        if "strip_tags" in look.fixes and not skip:
            # What strip_tags takes with the tags (a comment's words, a script) is text gone:
            # each is recorded, as a page's stripped elements are.
            doc.removed.extend(Removal(HIDDEN_RULE, element, 0, 0, "strip-markup")
                               for element in hidden_markup(fix_surrogates(doc.text)))
        # The text goes to normalize as a temporary, taken out of the Document: normalize then
        # holds it alone, and lets go of it as its first fix replaces it (a giant text was held
        # once more through every fix).
        doc.text, doc.fixes = normalize(_taken_text(doc), look.fixes, skip)
        doc.lines = [Line(t, n) for n, t in enumerate(doc.text.split("\n"), start=1) if t]
        # The glue hint was looked for before the fixes; a fixed text is looked at again.
        return look.glued or bool(doc.fixes)

    @staticmethod
    def _split_paragraphs(doc: Document, maybe_glued: bool = True) -> None:
        """Split the lines that hold glued sentences. With `maybe_glued` False (the first look
        found no hint in the text), only lines the rules cut can hold one: a cut can join two
        pieces."""
        if maybe_glued:
            glued = glued_lines([line.text for line in doc.lines])
        else:
            glued = [index for index, line in enumerate(doc.lines)
                     if line.cuts and may_be_glued(line.text)]
        if not glued:
            return
        abbreviations = lexicon(doc.packs).abbreviations
        lines = list(doc.lines)
        for index in reversed(glued):           # back to front: indexes stay valid
            line = lines[index]
            parts = split_glued(line.text, abbreviations)
            if len(parts) > 1:
                lines[index:index + 1] = [Line(part, line.number) for part in parts]
        if len(lines) > len(doc.lines):         # a line was split: said, as the repairs are
            doc.fixes = [*doc.fixes, SPLIT_FIX]
        doc.lines = lines

    def _fill_meta(self, doc: Document) -> None:
        """Input hints win over text headers for title, date and url; the url's path gives the date
        and category the text did not; site and lang name the packs."""
        site = lang = None
        for pack in doc.packs:      # (a loop, not two next() of generators: every document's)
            if pack.kind == "site" and site is None:
                site = pack
            elif pack.kind == "lang" and lang is None:
                lang = pack
        if "title" in doc.hints:
            doc.meta["title"] = doc.hints["title"]
        if "date" in doc.hints:
            raw = doc.hints["date"]
            read = read_input_date(raw, doc.packs)
            doc.meta["date"] = read or hint_text(raw)
            if read is None:
                # Kept as given, and every dated rule applied: said, so that such records can
                # be found (an epoch number, "07/15/2017", "kemarin").
                doc.flags.append({"flag": "unreadable-date",
                                  "reason": f"the input date {hint_text(raw)[:80]!r} is not a date "
                                            "this cleaner reads: kept as given, and rules "
                                            "bounded by dates all applied"})
        if doc.meta["date"] is None:
            # Neither the input nor the text gave one: the url's path may ("/2016/08/30/").
            doc.meta["date"] = url_date(doc.url)
        if doc.meta["category"] is None and not doc.hints.get("extracted"):
            # No section line in the text: the url's path may name one ("/olahraga/"). (A web
            # page's own section, merged after these stages, goes first: not taken here.)
            doc.meta["category"] = url_section(doc.url, lexicon(doc.packs).sections)
        doc.meta["url"] = doc.url
        # (a placeholder url, "N/A" or "-", names no site: site_host)
        doc.meta["site"] = site.id if site else site_host(doc.url)
        doc.meta["lang"] = lang.id if lang else doc.meta.get("lang")
        if doc.meta["lang"] is None:
            # A language the input declares that no pack serves ("fr") is still the record's
            # language, where neither --lang nor the text's words named one.
            declared = None if self.lang else doc.hints.get("lang")
            has_words = bool(doc.text.strip())
            # (not one a pack serves: the text did not bear it out, PackIndex.language; but a
            # text the rules left empty has nothing to bear it out with, and keeps it)
            doc.meta["lang"] = None if declared in self.index.langs and has_words else declared
            if self.index.langs and has_words:
                # No language's rules ran on it: said, so that such records can be found (and
                # given one with --lang), not left to a null meta.lang alone. (Not where no
                # language pack is loaded, nor for a text with no words left: an empty one is
                # rejected, or flagged so where kept.)
                doc.flags.append(self.index.no_language_flag(doc.text, declared, self.lang))


def given_site_host(cleaner: Cleaner, site: str) -> str:
    """The host a site given for every document names (`www.Kompas.COM` is `kompas.com`), as
    Cleaner.given_site takes it: the key a resume or a map's cache compares then holds one
    spelling of one site. ValueError where no loaded site pack claims it: it would change
    nothing, unsaid."""
    host = site_host(site.strip())
    if cleaner.site_pack(site.strip()) is None or host is None:
        domains = sorted(domain for pack in cleaner.packs if pack.kind == "site"
                         for domain in pack.domains)
        raise ValueError(f"{site!r} names no loaded site pack: give a site's host, one of "
                         f"{', '.join(domains) or 'none'}")
    return host


def cleaner_language(lang: Any, langs: Iterable[str]) -> str | None:
    """The language a Cleaner cleans every document in (its `lang`, the command's --lang): a
    language pack's id as it is, else the code a record's `lang` field would name ("EN",
    "en-GB", "eng" -> "en": declared_language), which a pack must serve; None for none. A
    ValueError names the packs for any other: a language no pack serves ran no language's
    rules on any document, each flagged no-language, where nothing said why.

    >>> cleaner_language("en_US", ["en", "id"]), cleaner_language(None, ["en"])
    ('en', None)
    >>> cleaner_language("english", ["en", "id"])
    Traceback (most recent call last):
    ValueError: lang 'english' names no language pack (the packs loaded: 'en', 'id'); give a code, like 'id' or 'en'
    """
    if lang is None:
        return None
    known = sorted(langs)
    code = lang if lang in known else language_code(lang)
    if code not in known:
        named = ", ".join(map(repr, known)) or "none"
        raise ValueError(f"lang {lang!r} names no language pack (the packs loaded: {named}); "
                         "give a code, like 'id' or 'en'")
    return code


def _must_be(value: Any, kinds: tuple[type, ...], what: str, id: Any = None) -> None:
    """A TypeError that names what was given, where a document's text or page is not of
    `kinds` (else a None failed deep inside, as "object of type 'NoneType' has no len()"), and
    the document's id where it has one: a frame cleaned row by row stops at that row."""
    if not isinstance(value, kinds):
        names = " or ".join(kind.__name__ for kind in kinds)
        row = "" if _hint(id) is None else f" (id {document_id(id)!r})"
        raise TypeError(f"{what} must be a {names}, not {type(value).__name__}{row}")


def missing(value: Any) -> bool:
    """Whether an input field's value stands for no value: None, NaN (a float's, numpy's),
    pandas' NaT and NA, which a pandas frame holds for a missing cell (pandas 3 reads a missing
    string as NaN). pandas is not imported: NaN and NaT are the values not equal to themselves,
    and NA's truth is refused, so it is told by its type's name.

    >>> [missing(v) for v in (None, float("nan"), "", 0, "nan", [1, 2])]
    [True, True, False, False, False, False]
    """
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)
    except Exception:           # an array compares element by element: a value, not a NaN
        return False


def _hint(value: Any) -> Any:
    """An input hint, None where it is missing: a string (nearly every document's) as it is;
    another value as the command's readers hand it on (document.json_value: bytes text, a numpy
    value Python's, a numpy or pandas time ISO 8601 text), whose truth and JSON are plain (an
    array's truth raises), and the same through the API as through the command."""
    if type(value) is str or value is None:
        return value
    value = json_value(value, keep_floats=True)
    return None if missing(value) else value


def _url_hint(value: Any) -> Any:
    """The url hint, as _hint makes it where the input gave text or UTF-8 bytes (a Parquet binary
    column's, decoded); a value that is no text (a time, a number, a list, bytes that are not
    UTF-8) as it was given, which the caller flags unreadable-url: a time's ISO text is no url,
    nor are escaped bytes."""
    hint = _hint(value)
    if type(hint) is not str or isinstance(value, str):
        return hint
    return hint if isinstance(value, bytes) and is_utf8(value) else value


def _page_hint(name: str, value: Any) -> Any:
    """A page's input hint as page_document passes it on: None where it is missing; a title that
    is not text its text (the page's title is compared with it, as text), one that is no title
    (0, an empty list) none, as make_document takes them."""
    value = _hint(value)
    if name == "title" and value is not None and type(value) is not str:
        return hint_text(value) if value else None
    return value


def unreadable_url_flag(url: Any, what: str = "text") -> dict[str, str]:
    """The flag of an input url that is not text (a number, a list of urls), or not `what` a url
    is (document.is_url_text: "javascript:..."): no url is taken from it (meta.url is a url's
    text, its site and date are read from one), and the record says what it was, as an
    unreadable date's does."""
    return {"flag": "unreadable-url",
            "reason": f"the input url {hint_text(url)[:80]!r} is not {what}: no url taken from it"}


def _api_record(doc: Document, text: Any) -> dict[str, Any]:
    """The record Cleaner.clean returns for a cleaned document: flagged `rejected`, with the
    reason the command rejects it for, where the text had nothing visible (empty, blank, zero-
    width characters only), as Dataset.map flags such a row; not raised, so that a frame cleaned
    row by row keeps its rows."""
    record = doc.to_record()
    if nothing_visible(record):
        _flag_rejected(record, isinstance(text, str) and not text.strip())
    return record


def _taken_text(doc: Document) -> str:
    """The document's text, which it no longer holds (Cleaner._normalize gives it back)."""
    text, doc.text = doc.text, ""
    return text


def _flag_rejected(record: dict[str, Any], blank: bool) -> None:
    """Flag a record with nothing visible `rejected` (_api_record); `blank`: its text was."""
    record["flags"].append({"flag": "rejected",
                            "reason": "empty document" if blank else NOTHING_VISIBLE})


def hint_text(value: Any) -> str:
    """An input hint's value as text (a title, a date): a string as it is; bytes, a numpy or a
    time value as the command writes it (document.json_value); a list, a table or a truth value
    as its JSON (`["a","b"]`, `true`), as an id is (inputs.id_text), not Python's repr; anything
    else (a number) as Python writes it.

    >>> [hint_text(v) for v in ("a b", ["a", "b"], {"y": 2020}, True, 1700000000, b"ab\\xff")]
    ['a b', '["a","b"]', '{"y":2020}', 'true', '1700000000', 'ab\\\\xff']
    """
    if type(value) is str:
        return value
    plain = json_value(value, keep_floats=True)
    if isinstance(plain, (list, tuple, dict, bool)):
        return id_text(plain) or str(plain)
    return str(value) if plain is None else str(plain)


def document_id(value: Any) -> str:
    """A document's id from the input's, by the rule a JSONL record's follows (inputs.id_text): a
    string as it is, another value its JSON text, as the command writes it (document.json_value:
    bytes decoded, a numpy value Python's); "" (no id) for a missing value, an empty or blank
    string, or Infinity.

    >>> [document_id(v) for v in ("a", True, 7, 1e5, {"a": 1}, " ", None, float("nan"), b"ab")]
    ['a', 'true', '7', '100000.0', '{"a":1}', '', '', '', 'ab']
    """
    if type(value) is str:              # nearly every document's
        return value if value.strip() else ""
    if missing(value):
        return ""
    value = json_value(value, keep_floats=True)
    if type(value) is str:
        return document_id(value)
    text = id_text(value)
    if text is None and type(value) is not float:
        return str(value)       # what JSON cannot write (an int of over 64 bits): its text
    return text or ""


def read_input_date(raw: Any, packs: tuple[Pack, ...]) -> str | None:
    """A document's input date as meta.date holds it: ISO 8601, a time with an offset moved
    into the zone its packs name (Jakarta time on Indonesian documents), as a page's own date
    is (docs/html.md); None if it is no date. (meta.date then keeps it as text, as a date read
    from the text is: a number or a timestamp given as the date would otherwise come out as a
    number in JSON and as text in Parquet.) A number (not a string of digits) is read as an
    epoch time (epoch_text)."""
    text = epoch_text(raw) if type(raw) in (int, float) else None
    return iso_date(text or hint_text(raw), date_zone(packs), lexicon(packs).months)


# Epoch times read as dates: those of 1990 to 2100, in seconds, else in milliseconds (pandas'
# to_json writes a Timestamp so). A number outside both is no date (a count, a year alone).
EPOCH_SECONDS = (631152000, 4102444800)


def epoch_text(number: int | float) -> str | None:
    """An epoch time given as a number, seconds or milliseconds, as an ISO 8601 UTC date-time to
    the second, which read_input_date moves into the packs' zone as any other input date-time
    with an offset; None for a number in neither's range.

    >>> epoch_text(1488357000), epoch_text(1488357000000), epoch_text(2017), epoch_text(True)
    ('2017-03-01T08:30:00+00:00', '2017-03-01T08:30:00+00:00', None, None)
    """
    if type(number) is bool:
        return None
    low, high = EPOCH_SECONDS
    if low * 1000 <= number < high * 1000:
        number = number / 1000
    elif not low <= number < high:
        return None             # (NaN and the infinities too)
    moment = datetime.fromtimestamp(int(number), timezone.utc)
    return moment.isoformat(timespec="seconds")


def _rebuilt(packs: list[Pack], learned: dict[str, Pack], lang: str | None, guard_share: float,
             page_timeout: float, max_html_bytes: int, given_site: str | None = None) -> Cleaner:
    """A Cleaner as Cleaner.__reduce__ describes it."""
    cleaner = Cleaner(packs=packs, learned=learned, lang=lang, guard_share=guard_share)
    cleaner.page_timeout = page_timeout
    cleaner.max_html_bytes = max_html_bytes
    cleaner.given_site = given_site
    return cleaner
