"""HTML metadata values made clean: titles without site names, dates as ISO 8601 in a time zone, bylines without labels."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Iterable, Mapping

from cleaner.dates import normalize_date
from cleaner.metadata import people, wire_agencies

JAKARTA = "Asia/Jakarta"


def date_zone(lang: str | None) -> str | None:
    """The zone a document's dates with an offset are moved into: Jakarta's for Indonesian
    documents (the day is the day in Jakarta); None keeps the source's own offset."""
    return JAKARTA if lang == "id" else None
# Separators between a headline and a site name in <title> and og:title.
_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_PREFIX_SEPARATORS = (": ", " | ", " - ", " – ", " — ")
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|id|co|info|news|tv|my|sg|asia|io|uk)"
                     r"\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# Byline labels, in Indonesian and English, that are not part of a name.
_AUTHOR_LABELS = ("penulis", "reporter", "wartawan", "jurnalis", "kontributor", "laporan",
                  "oleh", "by", "written by", "author", "authors", "teks", "text",
                  "analysis by", "opinion by", "commentary by", "story by", "reported by",
                  "researched by")
_EDITOR_LABELS = ("editor", "penyunting", "redaktur", "editing by", "edited by")
_LABELS = "|".join(sorted((re.escape(x) for x in _AUTHOR_LABELS + _EDITOR_LABELS),
                          key=len, reverse=True))
_LABEL = re.compile(r"(?i)^\s*(" + _LABELS + r")\b\s*[:：]?\s*")
# A label with its colon opening a block ("Researched by: A, B", "Edited by: C"): a byline
# that stands on its own, away from the headline.
_LABEL_COLON = re.compile(r"(?i)^\s*(?:" + _LABELS + r")\s*[:：]")
_LABEL_ANYWHERE = re.compile(r"(?i)(?:^|[|/,;]\s*|\s{2,})(" + _LABELS + r")\s*[:：]\s*")
# A conjunction standing alone between two names' elements ("<a>A</a> and <a>B</a>").
_JOINERS = frozenset(("and", "dan", "&"))
# Between names: a comma, a bar, a conjunction, or a full stop after a word ("Finian Cunningham.
# Sputnik International"; an initial's stop, "Sarah E. Needleman", "Mrs. X", is no edge).
_NAME_SPLIT = re.compile(r"\s*(?:[,;|/]|\s(?:dan|and|&)\s|(?<=[a-z]{3})\.\s)\s*", re.IGNORECASE)
_LINKS = re.compile(r"(?i)https?://\S+|www\.\S+|\S+@\S+")
# A piece of a byline with a digit is a date, a time or a count ("November 20", "5:52 AM"),
# never a name.
_NOT_A_NAME = re.compile(r"(?i)https?://|www\.|@|\.(?:com|co\.id|net|org)\b|\d")
# A day or a month standing alone in a byline is its date ("Jeff Foust | Monday"), never a name.
_WEEKDAYS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"))
_MONTHS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "januari", "februari", "maret", "mei", "juni", "juli",
    "agustus", "oktober", "desember"))
_CALENDAR_WORDS = _WEEKDAYS | _MONTHS
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


def iso_date(value: str | None, tz: str | None = JAKARTA,
             months: Mapping[str, int] | None = None) -> str | None:
    """A date or date-time as ISO 8601; a time with an offset is moved into `tz` (its day too).

    Times without an offset are kept as written (the site's local time); `tz=None` keeps every
    offset as the source gives it.

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


def _name_end(part: str) -> str:
    """A byline piece up to where its name ends: before an @handle, a weekday, or a month and
    a number ("Bryan DeArdo @BryanDeArdo Nov 18", "Louis Jacobson on Monday", "Jane Doe
    November 20"), without the lower-case words left between the name and them ("on").

    >>> _name_end("by Bryan DeArdo @BryanDeArdo"), _name_end("Louis Jacobson on Monday")
    ('by Bryan DeArdo', 'Louis Jacobson')
    >>> _name_end("Theresa May"), _name_end("May Bulman")
    ('Theresa May', 'May Bulman')
    """
    words = part.split()
    for i, word in enumerate(words):
        key = word.strip(".,;:()").lower()
        if word.startswith("@") or key in _WEEKDAYS or (
                key in _MONTHS and i + 1 < len(words) and words[i + 1][:1].isdigit()):
            words = words[:i]
            while len(words) > 1 and words[-1].islower() and not words[0].islower():
                words.pop()
            return " ".join(words)
    return part


def _names(text: str) -> list[str]:
    out = []
    for part in _NAME_SPLIT.split(text):
        part = _LABEL.sub("", _name_end(part)).strip(" \t-–—|:;,.()[]")
        part = _SPACES.sub(" ", part)
        if part and not _NOT_A_NAME.search(part) and any(ch.isalpha() for ch in part) \
                and len(part.split()) <= 6 and part.lower() not in _JOINERS \
                and part.lower() not in _CALENDAR_WORDS:
            out.append(part)
    return out


def opens_with_label(text: str) -> bool:
    """Whether a text opens with a byline label ("By", "Oleh", "Penulis:", "Editor:")."""
    return _LABEL.match(text) is not None


def opens_with_label_colon(text: str) -> bool:
    """Whether a text opens with a byline label and its colon ("Researched by: ...", "Edited
    by: ...", "Penulis: ..."), as a byline standing on its own line does.

    >>> opens_with_label_colon("Edited by: Louis Jacobson"), opens_with_label_colon("By the time")
    (True, False)
    """
    return _LABEL_COLON.match(text) is not None


def names_only(text: str) -> bool:
    """Whether a byline holds names and nothing else that would pass for one: each name of two
    to four words that open with a capital (what an element classed as the author holds
    without a label: "Lisa Kaczke and Trevor J. Mitchell"; "View author archive" or
    "Follow" is no byline).

    >>> names_only("Lisa Kaczke and Trevor J. Mitchell"), names_only("View author archive")
    (True, False)
    >>> names_only("Follow"), names_only("Researched by: Matthew Digby, Minh Do")
    (False, True)
    """
    authors, editors = split_byline(text)
    names = authors + editors
    return bool(names) and all(map(_name_shaped, names))


def _name_shaped(name: str) -> bool:
    """Two to four words that open with a capital: a person's name, where "Updated" or
    "Special to the Pioneer Press" is not."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


def split_byline(value: str | None) -> tuple[list[str], list[str]]:
    """A byline as (authors, editors), labels like 'Penulis:' and 'Editor:' taken off.

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
    if not value:
        return [], []
    text = _SPACES.sub(" ", _LINKS.sub(" ", str(value))).strip()
    # Cut the byline at each label: "Penulis: A | Editor: B" -> [("penulis", "A"), ("editor", "B")]
    pieces: list[tuple[str, str]] = []
    marks = list(_LABEL_ANYWHERE.finditer(text))
    if not marks or marks[0].start() > 0:
        first_end = marks[0].start() if marks else len(text)
        pieces.append(("", text[:first_end]))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        pieces.append((m.group(1).lower(), text[m.end():end]))
    authors: list[str] = []
    editors: list[str] = []
    for label, chunk in pieces:
        target = editors if label in _EDITOR_LABELS else authors
        for name in _names(chunk):
            if name not in target:
                target.append(name)
    return authors, editors


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
                 publishers: Iterable[str] = (), honorifics: frozenset[str] = frozenset()
                 ) -> tuple[list[str], list[str], list[str]]:
    """A page's authors, editors and wire agencies from its bylines, best reader first
    (html_extract.page_metadata): the first byline that names a person gives the authors; the
    site, its publisher, a desk, a job, a user name or an agency is no person, and the page
    turns to its next byline. The agencies named up to that byline are the story's source.

    >>> page_authors(["Condé Nast", "Molly Wood"], ["Wired"], ["Copyright (c) Condé Nast 2019"])
    (['Molly Wood'], [], [])
    >>> page_authors(["The Associated Press"], ["CTVNews"])
    ([], [], ['The Associated Press'])
    >>> page_authors(["Researched by: Matthew Digby, Minh Do | Edited by: Louis Jacobson"])
    (['Matthew Digby', 'Minh Do'], ['Louis Jacobson'], [])
    """
    site_names = [n for n in site_names if n]
    sites = site_names + [label for label in _host_labels(site_names) if len(label) >= 4]
    authors: list[str] = []
    editors: list[str] = []
    agencies: list[str] = []
    for byline in bylines:
        names, named_editors = split_byline(byline)
        editors = editors or named_editors
        if authors:
            continue
        agencies.extend(a for a in wire_agencies(names) if a not in agencies)
        names = [n for n in names if not is_publisher(n, site_names, publishers)]
        authors = people(names, sites, honorifics, alone=False)
    return authors, editors, agencies


def may_name_person(byline: str) -> bool:
    """Whether a byline names someone who may be a person: a name of two to four capitalised
    words that is no desk, job, agency or user name ("Molly Wood", not "HNN Staff", "Reuters"
    or "AppleInsider"). The site's names are not known yet: "Condé Nast" may.

    >>> may_name_person("By Molly Wood"), may_name_person("HNN Staff"), may_name_person("Reuters")
    (True, False, False)
    """
    authors, _ = split_byline(byline)
    return any(map(_name_shaped, people(authors, alone=False)))
