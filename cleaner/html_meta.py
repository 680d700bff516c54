"""HTML metadata values made clean: titles without site names, dates as ISO 8601 in a time zone, bylines without labels."""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta, timezone
from typing import Iterable, Iterator, Mapping, Sequence

from cleaner.dates import ENGLISH_MONTHS, normalize_date
from cleaner.identity_cache import IdentityCache
from cleaner.lexicon import Lexicon, lexicon, shipped_lexicon, shipped_zone
from cleaner.metadata import people, wire_agencies
from cleaner.rulefile import Pack


def date_zone(packs: Sequence[Pack]) -> str | None:
    """The zone a document's dates with an offset are moved into: its packs' `timezone` (the
    first that names one: Jakarta's for Indonesian documents, the day is the day in Jakarta);
    None keeps the source's own offset. A site pack whose language no loaded pack is
    (--no-builtin-rules) takes the zone of the shipped pack of its `lang`."""
    zone = lexicon(packs).timezone
    if zone is None and not any(pack.kind == "lang" for pack in packs):
        site = next((pack for pack in packs if pack.kind == "site" and pack.lang), None)
        if site is not None and site.lang:
            zone = shipped_zone(site.lang)
    return zone


# The words a page's bylines are read with where the caller gives none: a page's metadata is
# read before its language is known, so a run sets the words of every pack it loaded
# (reading_pages); outside a run, the shipped packs' words.
_PAGE_WORDS: ContextVar[Lexicon | None] = ContextVar("page_words", default=None)


@contextmanager
def reading_pages(words: Lexicon) -> Iterator[None]:
    """Within it, a page's bylines are read with `words` where no words are given: the words of
    every loaded pack (html_clean sets them around a page's extraction)."""
    token = _PAGE_WORDS.set(words)
    try:
        yield
    finally:
        _PAGE_WORDS.reset(token)


def page_words(words: Lexicon | None = None) -> Lexicon:
    """The words to read a page's bylines with: those given, else those reading_pages set, else
    the shipped packs'."""
    if words is not None:
        return words
    return _PAGE_WORDS.get() or shipped_lexicon()


# Separators between a headline and a site name in <title> and og:title.
_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_PREFIX_SEPARATORS = (": ", " | ", " - ", " – ", " — ")
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|id|co|info|news|tv|my|sg|asia|io|uk)"
                     r"\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_LINKS = re.compile(r"(?i)https?://\S+|www\.\S+|\S+@\S+")
# A piece of a byline with a digit is a date, a time or a count ("November 20", "5:52 AM"),
# never a name.
_NOT_A_NAME = re.compile(r"(?i)https?://|www\.|@|\.(?:com|co\.id|net|org)\b|\d")
_ISO_DATETIME = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?"
                           r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$", re.IGNORECASE)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _is_site_name(part: str, names: Iterable[str]) -> bool:
    """True when a title segment is the site's name, a domain, or one of the given names."""
    key = _words(part)
    if not key:
        return False
    for name in names:
        if not name:
            continue
        other = _words(name)
        if other and (key == other or key.replace(" ", "") == other.replace(" ", "")):
            return True
        # "Kompas.com" vs site name "Kompas", "Republika Online" vs "republika.co.id"
        stem = other.split(" ")[0]
        if len(stem) >= 4 and key.split(" ")[0] == stem and len(key.split()) <= 3:
            return True
    return bool(_DOMAIN.fullmatch(part.strip()))


def clean_title(title: str | None, names: Iterable[str] = (), headline: str | None = None) -> str | None:
    """A page title without the site-name decoration around it.

    `names` are the site's names (og:site_name, the host, the site pack's names); `headline` is
    the page's <h1>, which wins when the title merely decorates it.

    >>> clean_title("Judul Berita - Kompas.com")
    'Judul Berita'
    >>> clean_title("Judul | Republika Online", ["Republika Online"])
    'Judul'
    >>> clean_title("KapanLagi.com: Judul")
    'Judul'
    >>> clean_title("Jokowi - Prabowo Bertemu di Istana")
    'Jokowi - Prabowo Bertemu di Istana'
    >>> clean_title("Berita Hari Ini | Detik", headline="Berita Hari Ini")
    'Berita Hari Ini'
    >>> clean_title("Opini: Harga Beras Naik")
    'Opini: Harga Beras Naik'
    """
    if not title:
        return None
    title = _SPACES.sub(" ", title).strip()
    names = [n for n in names if n]
    if headline:
        headline = _SPACES.sub(" ", headline).strip()
        if headline and _words(headline) and _words(headline) in _words(title) \
                and len(_words(headline)) >= 0.4 * len(_words(title)):
            return headline
    changed = True
    while changed and title:
        changed = False
        for sep in _SUFFIX_SEPARATORS:
            head, found, tail = title.rpartition(sep)
            if found and head.strip() and _is_site_name(tail, names):
                title, changed = head.strip(), True
                break
        if changed:
            continue
        for sep in _PREFIX_SEPARATORS:
            head, found, tail = title.partition(sep)
            if found and tail.strip() and _is_site_name(head, names):
                title, changed = tail.strip(), True
                break
    return title or None


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _zone(name: str | None):
    if not name:
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # unknown zone or no tz database: keep the source's own offset
        return None


def _format_offset(dt: datetime) -> str:
    off = dt.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class _ShippedZone:
    """iso_date's default zone: the one the shipped packs name (rules/lang/id.toml's)."""


_SHIPPED_ZONE = _ShippedZone()


def iso_date(value: str | None, tz: str | None | _ShippedZone = _SHIPPED_ZONE,
             months: Mapping[str, int] | None = None) -> str | None:
    """A date or date-time as ISO 8601; a time with an offset is moved into `tz` (its day too).

    Times without an offset are kept as written (the site's local time); `tz=None` keeps every
    offset as the source gives it; without `tz`, the zone the shipped packs name (a run passes
    its document's: date_zone).

    >>> iso_date("2016-02-21T20:00:00Z")
    '2016-02-22T03:00:00+07:00'
    >>> iso_date("2016-02-22T14:38:00+07:00")
    '2016-02-22T14:38:00+07:00'
    >>> iso_date("Senin, 22 Februari 2016 | 14:38 WIB", months={"februari": 2})
    '2016-02-22T14:38+07:00'
    >>> iso_date("22/02/2016 14:38")
    '2016-02-22T14:38'
    >>> iso_date("2019-11-19T08:57:40+01:00", tz=None)
    '2019-11-19T08:57:40+01:00'
    >>> iso_date("Senin, 22 Februari 2016 23:30 WITA", months={"februari": 2})
    '2016-02-22T22:30+07:00'
    >>> iso_date("bukan tanggal") is None, iso_date("0001-01-01T00:00:00Z") is None
    (True, True)
    """
    if not value:
        return None
    if isinstance(tz, _ShippedZone):
        tz = shipped_lexicon().timezone
    text = _SPACES.sub(" ", str(value)).strip()
    m = _ISO_DATETIME.match(text)
    if m:
        year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
        second = m.group(6)
        if not 1800 <= year <= 2200:        # a placeholder ("0001-01-01T00:00:00Z"), no date
            return None
        try:
            dt = datetime(year, month, day, hour, minute, int(second or 0), tzinfo=_offset(m.group(7)))
        except ValueError:
            return None
        return _format(dt, bool(second), tz)
    iso = normalize_date(text, months)
    if not iso or "T" not in iso:
        return iso
    m = _ISO_DATETIME.match(iso)
    if not m or not m.group(7):
        return iso
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    try:
        dt = datetime(year, month, day, hour, minute, int(m.group(6) or 0), tzinfo=_offset(m.group(7)))
    except ValueError:
        return iso
    return _format(dt, bool(m.group(6)), tz)


def _format(dt: datetime, seconds: bool, tz: str | None) -> str:
    zone = _zone(tz)
    if dt.tzinfo is not None and zone is not None:
        dt = dt.astimezone(zone)
    out = dt.strftime("%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M")
    return out + (_format_offset(dt) if dt.tzinfo is not None else "")


class _BylineWords:
    """A pack combination's words as what reads a page's byline: its labels' patterns, what
    joins names, the weekdays and months that end a name."""

    def __init__(self, words: Lexicon):
        self.editor_labels = words.editor_labels
        labels = "|".join(sorted(map(re.escape, words.author_labels | words.editor_labels),
                                 key=len, reverse=True)) or _NO_WORD
        self.label = re.compile(r"(?i)^\s*(" + labels + r")\b\s*[:：]?\s*")
        # A label with its colon opening a block ("Researched by: A, B", "Edited by: C"): a
        # byline that stands on its own, away from the headline.
        self.label_colon = re.compile(r"(?i)^\s*(?:" + labels + r")\s*[:：]")
        self.label_anywhere = re.compile(r"(?i)(?:^|[|/,;]\s*|\s{2,})(" + labels
                                         + r")\s*[:：]\s*")
        # A conjunction standing alone between two names' elements ("<a>A</a> and <a>B</a>").
        self.joiners = frozenset(words.conjunctions) | {"&"}
        joins = "|".join(sorted(map(re.escape, self.joiners), key=len, reverse=True))
        # Between names: a comma, a bar, a conjunction, or a full stop after a word ("Finian
        # Cunningham. Sputnik International"; an initial's stop, "Sarah E. Needleman", "Mrs.
        # X", is no edge). Captured: which edge it was tells an outlet from a co-author.
        self.name_split = re.compile(
            rf"(\s*(?:[,;|/]|\s(?:{joins})\s|(?<=[a-z]{{3}})\.\s)\s*)", re.IGNORECASE)
        self.weekdays = words.weekdays
        self.months = frozenset(words.months) | frozenset(ENGLISH_MONTHS)


# An alternative that matches nothing, for a pattern of words where the packs give none.
_NO_WORD = r"(?!)"
# Each pack combination's byline reader, by the identity of its Lexicon (one per combination).
_READERS: IdentityCache[Lexicon, _BylineWords] = IdentityCache()


def _reader(words: Lexicon | None) -> _BylineWords:
    return _READERS.get(page_words(words), _BylineWords)


def _name_end(part: str, reader: _BylineWords) -> str:
    """A byline piece up to where its name ends: before an @handle, a weekday, or a month and
    a number ("Bryan DeArdo @BryanDeArdo Nov 18", "Louis Jacobson on Monday", "Jane Doe
    November 20"), without the lower-case words left between the name and them ("on").

    >>> reader = _reader(None)
    >>> _name_end("by Bryan DeArdo @BryanDeArdo", reader)
    'by Bryan DeArdo'
    >>> _name_end("Louis Jacobson on Monday", reader)
    'Louis Jacobson'
    >>> _name_end("Theresa May", reader), _name_end("May Bulman", reader)
    ('Theresa May', 'May Bulman')
    """
    words = part.split()
    for i, word in enumerate(words):
        key = word.strip(".,;:()").lower()
        if word.startswith("@") or key in reader.weekdays or (
                key in reader.months and i + 1 < len(words) and words[i + 1][:1].isdigit()):
            words = words[:i]
            while len(words) > 1 and words[-1].islower() and not words[0].islower():
                words.pop()
            return " ".join(words)
    return part


def _names(text: str, reader: _BylineWords) -> list[tuple[str, bool]]:
    """The names of a byline's chunk, each with whether it is the outlet of the person before
    it: a name after a person's name (two words or more) and a full stop ("Finian Cunningham.
    Sputnik International"), or one word after such a name and a comma ("Victor Tangermann,
    Futurism"). Co-authors are listed with commas and conjunctions, never with a full stop, and
    a person beside another has a name of two words or more."""
    out: list[tuple[str, bool]] = []
    parts = reader.name_split.split(text)
    before = ""                 # the piece and the edge before this piece
    edge = ""
    for index in range(0, len(parts), 2):
        part = reader.label.sub("", _name_end(parts[index], reader)).strip(" \t-–—|:;,.()[]")
        part = _SPACES.sub(" ", part)
        lowered = part.lower()
        if part and not _NOT_A_NAME.search(part) and any(ch.isalpha() for ch in part) \
                and len(part.split()) <= 6 and lowered not in reader.joiners \
                and lowered not in reader.weekdays and lowered not in reader.months:
            person_before = len(before.split()) >= 2
            outlet = person_before and (edge == "." or (edge == "," and " " not in part))
            out.append((part, outlet))
        before = part
        edge = parts[index + 1].strip() if index + 1 < len(parts) else ""
    return out


def opens_with_label(text: str, words: Lexicon | None = None) -> bool:
    """Whether a text opens with a byline label ("By", "Oleh", "Penulis:", "Editor:"): the
    packs' byline_words and byline_labels (`words`; page_words without them)."""
    return _reader(words).label.match(text) is not None


def opens_with_label_colon(text: str, words: Lexicon | None = None) -> bool:
    """Whether a text opens with a byline label and its colon ("Researched by: ...", "Edited
    by: ...", "Penulis: ..."), as a byline standing on its own line does.

    >>> opens_with_label_colon("Edited by: Louis Jacobson"), opens_with_label_colon("By the time")
    (True, False)
    """
    return _reader(words).label_colon.match(text) is not None


def names_only(text: str, words: Lexicon | None = None) -> bool:
    """Whether a byline holds names and nothing else that would pass for one: each name of two
    to four words that open with a capital (what an element classed as the author holds
    without a label: "Lisa Kaczke and Trevor J. Mitchell"; "View author archive" or
    "Follow" is no byline).

    >>> names_only("Lisa Kaczke and Trevor J. Mitchell"), names_only("View author archive")
    (True, False)
    >>> names_only("Follow"), names_only("Researched by: Matthew Digby, Minh Do")
    (False, True)
    """
    authors, editors = split_byline(text, words)
    names = authors + editors
    return bool(names) and all(map(_name_shaped, names))


def _name_shaped(name: str) -> bool:
    """Two to four words that open with a capital: a person's name, where "Updated" or
    "Special to the Pioneer Press" is not."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


def split_byline(value: str | None, words: Lexicon | None = None
                 ) -> tuple[list[str], list[str]]:
    """A byline as (authors, editors), labels like 'Penulis:' and 'Editor:' taken off: the
    packs' byline_words and byline_labels, their conjunctions, weekdays and months (`words`;
    page_words without them).

    >>> split_byline("Penulis: Fitri Wulandari | Editor: Ismet Rauf")
    (['Fitri Wulandari'], ['Ismet Rauf'])
    >>> split_byline("Reporter : Ade S dan Budi Santoso")
    (['Ade S', 'Budi Santoso'], [])
    >>> split_byline("By John Smith and Jane Doe")
    (['John Smith', 'Jane Doe'], [])
    >>> split_byline("Tim Redaksi; https://example.com/author/x")
    (['Tim Redaksi'], [])
    >>> split_byline("Jane Doe | November 20, 2019")
    (['Jane Doe'], [])
    >>> split_byline("Analysis by Chris Cillizza | Monday")
    (['Chris Cillizza'], [])
    """
    authors, editors, _ = _read_byline(value, _reader(words))
    return authors, editors


def _read_byline(value: str | None, reader: _BylineWords
                 ) -> tuple[list[str], list[str], list[str]]:
    """A byline's authors, editors and the outlets named beside its persons (_names)."""
    if not value:
        return [], [], []
    text = _SPACES.sub(" ", _LINKS.sub(" ", str(value))).strip()
    # Cut the byline at each label: "Penulis: A | Editor: B" -> [("penulis", "A"), ("editor", "B")]
    pieces: list[tuple[str, str]] = []
    marks = list(reader.label_anywhere.finditer(text))
    if not marks or marks[0].start() > 0:
        first_end = marks[0].start() if marks else len(text)
        pieces.append(("", text[:first_end]))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        pieces.append((m.group(1).lower(), text[m.end():end]))
    authors: list[str] = []
    editors: list[str] = []
    outlets: list[str] = []
    for label, chunk in pieces:
        target = editors if label in reader.editor_labels else authors
        for name, outlet in _names(chunk, reader):
            if name not in target:
                target.append(name)
            if outlet and name not in outlets:
                outlets.append(name)
    return authors, editors, outlets


def _host_labels(names: Iterable[str]) -> list[str]:
    """The labels of the host names among a site's names, but the last ("com") and "www":
    "telegraph" and "co" of www.telegraph.co.uk."""
    labels: list[str] = []
    for name in names:
        if name and "." in name and " " not in name.strip():
            labels.extend(label for label in name.strip().lower().split(".")[:-1]
                          if label and label != "www" and label not in labels)
    return labels


def is_publisher(name: str, site_names: Iterable[str], publishers: Iterable[str] = ()) -> bool:
    """Whether a byline name is the site or its publisher, not a person: a site name or a
    label of the host, its spaces and marks aside ("Al-Bawaba" for Al Bawaba, "LinkNaija" on
    linknaija.com), a one-word name that opens a host label ("Vortex" on vortexcannon.org), or
    a name inside one of the `publishers` (the JSON-LD publisher and organisation authors, the
    copyright holder: "Condé Nast" in "Copyright (c) Condé Nast 2019").

    >>> is_publisher("Al-Bawaba", ["Al Bawaba"]), is_publisher("Vortex", ["vortexcannon.org"])
    (True, True)
    >>> is_publisher("Condé Nast", ["Wired"], ["Copyright (c) Condé Nast 2019"])
    True
    >>> is_publisher("Troy Smith", ["troyrecord.com"]), is_publisher("Molly Wood", ["Wired"])
    (False, False)
    """
    key = _words(name)
    if not key:
        return False
    squashed = key.replace(" ", "")
    site_names = [n for n in site_names if n]
    for site in site_names:
        other = _words(site)
        if key == other or squashed == other.replace(" ", ""):
            return True
    for label in _host_labels(site_names):
        squashed_label = label.replace("-", "")
        if squashed == squashed_label or (" " not in key and len(squashed) >= 4
                                          and squashed_label.startswith(squashed)):
            return True
    return any(f" {key} " in f" {_words(holder)} " for holder in publishers if holder)


def page_authors(bylines: Iterable[str], site_names: Iterable[str] = (),
                 publishers: Iterable[str] = (), honorifics: frozenset[str] = frozenset(),
                 words: Lexicon | None = None) -> tuple[list[str], list[str], list[str]]:
    """A page's authors, editors and wire agencies from its bylines, best reader first
    (html_extract.page_metadata): the first byline that names a person gives the authors; the
    site, its publisher, the outlet written beside a person ("Victor Tangermann, Futurism"), a
    desk, a job, a user name or an agency is no person, and the page turns to its next byline.
    The agencies named up to that byline are the story's source. `words`: the packs' (labels,
    role words, agencies; page_words without them).

    >>> page_authors(["Condé Nast", "Molly Wood"], ["Wired"], ["Copyright (c) Condé Nast 2019"])
    (['Molly Wood'], [], [])
    >>> page_authors(["The Associated Press"], ["CTVNews"])
    ([], [], ['The Associated Press'])
    >>> page_authors(["Researched by: Matthew Digby, Minh Do | Edited by: Louis Jacobson"])
    (['Matthew Digby', 'Minh Do'], ['Louis Jacobson'], [])
    >>> page_authors(["Finian Cunningham. Sputnik International"])
    (['Finian Cunningham'], [], [])
    """
    words = page_words(words)
    reader = _reader(words)
    site_names = [n for n in site_names if n]
    sites = site_names + [label for label in _host_labels(site_names) if len(label) >= 4]
    authors: list[str] = []
    editors: list[str] = []
    agencies: list[str] = []
    for byline in bylines:
        names, named_editors, outlets = _read_byline(byline, reader)
        editors = editors or named_editors
        if authors:
            continue
        agencies.extend(a for a in wire_agencies(names, words.agencies) if a not in agencies)
        names = [n for n in names
                 if n not in outlets and not is_publisher(n, site_names, publishers)]
        authors = people(names, sites, honorifics, alone=False, words=words)
    return authors, editors, agencies


def may_name_person(byline: str, words: Lexicon | None = None) -> bool:
    """Whether a byline names someone who may be a person: a name of two to four capitalised
    words that is no desk, job, agency or user name ("Molly Wood", not "HNN Staff", "Reuters"
    or "AppleInsider"). The site's names are not known yet: "Condé Nast" may. `words`: the
    packs' (page_words without them).

    >>> may_name_person("By Molly Wood"), may_name_person("HNN Staff"), may_name_person("Reuters")
    (True, False, False)
    """
    words = page_words(words)
    authors, _ = split_byline(byline, words)
    return any(map(_name_shaped, people(authors, alone=False, words=words)))
