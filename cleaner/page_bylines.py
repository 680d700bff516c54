"""A page's bylines read into people: labels off, names split, and the site, its publisher, outlets, desks and agencies told from its authors."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from contextvars import ContextVar
from typing import Iterable, Iterator

from cleaner.dates import ENGLISH_MONTHS
from cleaner.identity_cache import IdentityCache
from cleaner.lexicon import Lexicon, fold_words, shipped_lexicon
from cleaner.metadata import EDGE_PUNCT, names_no_one, people, wire_agencies
from cleaner.page_titles import DOMAIN, SPACES, host_labels, lower_words

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


# An address is tried from the start of its run of non-spaces only: tried from every position
# of a long run with no "@", it took quadratic time (a 40 KB author tag: 2.3 s).
_LINKS = re.compile(r"(?i)https?://\S+|www\.\S+|(?<!\S)\S+@\S+")
# A piece of a byline with a digit is a date, a time or a count ("November 20", "5:52 AM"),
# never a name.
_NOT_A_NAME = re.compile(r"(?i)https?://|www\.|@|\.(?:com|co\.id|net|org)\b|\d")


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
        # A byline word after a date and time ("Monday November 18, 2019 7:45 am PST by Jane
        # Roe"): the names follow it, as after a label (_read_byline).
        by = "|".join(sorted(map(re.escape, words.byline_words), key=len, reverse=True))
        self.dated_by = re.compile(r"(?i)^[^|/;]*?\d[^|/;]*?\s(?:" + by + r")\s+(?=\S)") \
            if by else None
        # A conjunction standing alone between two names' elements ("<a>A</a> and <a>B</a>").
        self.joiners = frozenset(words.conjunctions) | {"&"}
        # A one-letter conjunction joins in lower case only: a capital one is an initial
        # ("Budi Y Santoso"), where Spanish's "y" would split one name in two.
        joins = "|".join(rf"(?-i:{re.escape(word)})" if len(word) == 1 else re.escape(word)
                         for word in sorted(self.joiners, key=len, reverse=True))
        # Between names: a comma, a bar, a conjunction, or a full stop after a word ("Finian
        # Cunningham. Sputnik International"; an initial's stop, "Sarah E. Needleman", "Mrs.
        # X", is no edge). Captured: which edge it was tells an outlet from a co-author.
        # A dash with a space on either side parts a person from the outlet after them ("Rina
        # Marlina - detikNews", detik's header byline); one inside a name ("Jean-Paul") has none.
        self.name_split = re.compile(
            rf"(\s*(?:[,;|/]|\s(?:{joins})\s|(?<=[a-z]{{3}})\.\s|\s[-–—]\s)\s*)",
            re.IGNORECASE)
        self.weekdays = words.weekdays
        self.months = frozenset(words.months) | frozenset(ENGLISH_MONTHS)
        self.date_words = words.date_words
        self.particles = words.name_particles
        self.role_words = words.role_words
        self.outlets = words.outlets
        self.agencies = words.agencies
        self.agency_acronyms = words.agency_acronyms


# An alternative that matches nothing, for a pattern of words where the packs give none.
_NO_WORD = r"(?!)"
# Each pack combination's byline reader, by the identity of its Lexicon (one per combination).
_READERS: IdentityCache[Lexicon, _BylineWords] = IdentityCache()


def _reader(words: Lexicon | None) -> _BylineWords:
    return _READERS.get(page_words(words), _BylineWords)


def _name_end(part: str, reader: _BylineWords, following: str = "") -> str:
    """A byline piece up to where its name ends: before an @handle, a weekday read as a day
    (_reads_as_day), or a month and a number ("Bryan DeArdo @BryanDeArdo Nov 18", "Louis
    Jacobson on Monday", "Jane Doe November 20"), without the lower-case words left between the
    name and them ("on"). `following`: the byline's next piece, which may be a date.

    >>> reader = _reader(None)
    >>> _name_end("by Bryan DeArdo @BryanDeArdo", reader)
    'by Bryan DeArdo'
    >>> _name_end("Louis Jacobson on Monday", reader)
    'Louis Jacobson'
    >>> _name_end("Theresa May", reader), _name_end("May Bulman", reader)
    ('Theresa May', 'May Bulman')
    >>> _name_end("Oleh Ahad Daha", reader), _name_end("Oleh Budi Santoso Ahad (12/5)", reader)
    ('Oleh Ahad Daha', 'Oleh Budi Santoso')
    """
    words = part.split()
    for i, word in enumerate(words):
        key = word.strip(".,;:()").lower()
        if word.startswith("@") or (key in reader.weekdays and _reads_as_day(words, i, reader,
                                                                             following)) or (
                key in reader.months and i + 1 < len(words) and words[i + 1][:1].isdigit()):
            words = words[:i]
            while len(words) > 1 and words[-1].islower() and not words[0].islower():
                words.pop()
            return " ".join(words)
    return part


def _reads_as_day(words: list[str], i: int, reader: _BylineWords, following: str) -> bool:
    """Whether the weekday at `i` among a byline piece's words reads as a day, not a name
    ("Ahad" is Sunday in Indonesian and a given name): after a name and a lower-case word that
    is no name particle ("Louis Jacobson on Monday", "pada Ahad"), before anything but a name's
    word (a date, a month, a date word, a bracket: "Jane Doe Monday November 18", "Budi Ahad
    (12/5)"), or last before a date (the byline's `following` piece: "Jane Doe Monday, November
    18"); alone, it is a date. Before a capitalised word ("Ahad Daha"), or last with no date
    after it ("Abdul Ahad"), it is the name's."""
    before = words[i - 1] if i else ""
    if i >= 2 and before.islower() and before not in reader.particles:
        return True
    if i + 1 < len(words):
        return not _name_word(words[i + 1], reader)
    return i == 0 or _opens_with_date(following, reader)


def _name_word(word: str, reader: _BylineWords) -> bool:
    """Whether a word after a weekday goes on with a name: capitalised, and no month or date
    word ("Daha", not "November" or "Monday"), or a name particle ("bin" of "Khamis bin
    Osman": Khamis is Thursday in Malay and a given name)."""
    key = word.strip(".,;:()").lower()
    if key in reader.particles:
        return True
    return word[:1].isupper() and key not in reader.months and key not in reader.date_words


def _opens_with_date(piece: str, reader: _BylineWords) -> bool:
    """Whether a byline piece opens with a date: a number (in brackets too), a month or a date
    word."""
    words = piece.split(maxsplit=1)
    first = words[0] if words else ""
    key = first.strip(".,;:()").lower()
    return key[:1].isdigit() or key in reader.months or key in reader.date_words


def _names(text: str, reader: _BylineWords, labelled: bool = False) -> list[tuple[str, bool]]:
    """The names of a byline's chunk, each with whether it is the outlet of the person before
    it: a name after a person's name (two words or more) and a full stop ("Finian Cunningham.
    Sputnik International"), or one word after such a name and a comma that cannot be a
    person's single name by its form (_outlet_shaped: "Sandee LaMotte, CNN", "Victor
    Tangermann, Futurism.com"; "Ade Putra, Budi" names two people), or an outlet the packs
    list after such a name ("Jane Doe, The Washington Post": _listed_outlet). Co-authors are
    listed with commas and conjunctions, never with a full stop. An outlet written as a domain
    is no name (_read_byline keeps it only as the outlet). A piece's label comes off
    (_without_label; the first piece of a chunk whose label came off already, `labelled`, may
    be a job)."""
    out: list[tuple[str, bool]] = []
    parts = reader.name_split.split(text)
    before = ""                 # the piece and the edge before this piece
    edge = ""
    for index in range(0, len(parts), 2):
        following = parts[index + 2] if index + 2 < len(parts) else ""
        part = _name_end(parts[index], reader, following)
        part = _without_label(part, reader, labelled and not index)
        part = part.strip(EDGE_PUNCT)     # spaces, dashes, brackets, separators
        part = SPACES.sub(" ", part)
        lowered = part.lower()
        person_before = len(before.split()) >= 2
        dash = edge in _DASHES
        outlet = person_before and (edge == "." or (edge in _OUTLET_EDGES
                                                    and _outlet_shaped(part, before))
                                    or _listed_outlet(part, reader))
        if dash and person_before and not outlet and not _after_dash(part, reader):
            # After a person and a dash, what is no outlet, agency or person is the desk, the
            # place or the job ("Budi Santoso - Jakarta", "Jane Doe - Staff Writer").
            before, edge = part, parts[index + 1].strip() if index + 1 < len(parts) else ""
            continue
        if part and (not _NOT_A_NAME.search(part) or outlet and DOMAIN.fullmatch(part)) \
                and any(ch.isalpha() for ch in part) \
                and len(part.split()) <= 6 and lowered not in reader.joiners \
                and lowered not in reader.weekdays and lowered not in reader.months:
            out.append((part, outlet))
        before = part
        edge = parts[index + 1].strip() if index + 1 < len(parts) else ""
    return out




# The dashes that part a person from their outlet, and the edges after which one word may be
# an outlet by its form (_outlet_shaped).
_DASHES = frozenset("-–—")
_OUTLET_EDGES = frozenset((",", *_DASHES))


def _after_dash(part: str, reader: _BylineWords) -> bool:
    """Whether a byline piece after a person's name and a dash names someone who wrote or
    sent the story: a wire agency ("Ahmad Dani - Antara"; read_page_bylines makes it the
    source), an agency's job ("AP Auto Writer"), or a co-author by a person's form ("John
    Smith - Jane Doe"; "CNN Indonesia" too, which read_page_bylines drops as the site where it
    is the page's); a job of no agency ("Staff Writer"), a place or a desk of one word names
    no one.

    >>> reader = _reader(None)
    >>> [_after_dash(p, reader) for p in ("Jane Doe", "Antara", "Jakarta", "Staff Writer",
    ...                                   "AP Auto Writer")]
    [True, True, False, False, True]
    """
    if wire_agencies([part], reader.agencies, reader.agency_acronyms):
        return True
    lowered = part.lower()
    job = not reader.role_words.isdisjoint(_ROLE_EDGES.split(lowered))
    if job:
        return any(lowered.startswith(agency + " ") for agency in reader.agencies)
    return _name_shaped(part)


def _listed_outlet(part: str, reader: _BylineWords) -> bool:
    """Whether a byline piece is an outlet the packs list ("The Washington Post" after "Jane
    Doe,"), whatever its form: "The Former Mayor" is not."""
    return bool(reader.outlets) and fold_words(part) in reader.outlets


def _without_label(part: str, reader: _BylineWords, after_label: bool) -> str:
    """A byline piece without the label opening it ("Oleh Budi Santoso" is Budi Santoso, and so
    is "Oleh Budi Santoso" after "Penulis:"). After another label (`after_label`), a label
    holding a role word before one word stays: the piece is a job and its place ("Reporter:
    Kontributor Bandung"), which names no one; before two words or more the label comes off
    ("Reporter: Kontributor Ani Wijaya" is Ani Wijaya): by its form one word after a job reads
    as the job's place, two as a person's name (a place of two, "Jawa Barat", reads as one).

    >>> reader = _reader(None)
    >>> _without_label("Kontributor Bandung", reader, True)
    'Kontributor Bandung'
    >>> _without_label("Kontributor Ani Wijaya", reader, True)
    'Ani Wijaya'
    >>> _without_label("Oleh Budi", reader, True), _without_label("Kontributor Budi", reader, False)
    ('Budi', 'Budi')
    """
    found = reader.label.match(part)
    if found is None:
        return part
    rest = part[found.end():].strip(EDGE_PUNCT)
    label = found.group(1)
    if after_label and len(rest.split()) == 1 \
            and not reader.role_words.isdisjoint(label.lower().split()):
        return f"{label} {rest}"
    return rest


# A capital inside a word after three lower-case letters: a brand's ("TechCrunch", "BuzzFeed"),
# not a name's prefix ("McDonald", "DeArdo", "LaMotte", "VanDyke").
_INNER_CAPITAL = re.compile(r"[a-z]{3}[A-Z]")


def _outlet_shaped(word: str, person: str) -> bool:
    """Whether one word after a person's name and a comma is an outlet by its form, which a
    person's single name ("Budi", "Madonna") never has: written in capitals while the person's
    name is not ("Sandee LaMotte, CNN"), a capital inside it ("TechCrunch"), or a domain
    ("Futurism.com"). A plain capitalised word ("Futurism") may be a name: it stays, unless it
    names the site, its publisher (a site the page links to by that name among them:
    page_metadata._linked_sites) or an agency (read_page_bylines takes those for no person).

    >>> _outlet_shaped("CNN", "Sandee LaMotte"), _outlet_shaped("AP", "TOM KRISHER")
    (True, False)
    >>> _outlet_shaped("TechCrunch", "Jane Doe"), _outlet_shaped("McDonald", "Jane Doe")
    (True, False)
    >>> _outlet_shaped("Futurism.com", "Jane Doe"), _outlet_shaped("Budi", "Ade Putra")
    (True, False)
    """
    if not word or " " in word:
        return False
    # (three letters at least: two in capitals are as often a degree, "SH", "SE", as a wire)
    if word.isupper() and sum(ch.isalpha() for ch in word) >= 3 and not person.isupper():
        return True
    return _INNER_CAPITAL.search(word) is not None or DOMAIN.fullmatch(word) is not None


def opens_with_label(text: str, words: Lexicon | None = None) -> bool:
    """Whether a text opens with a byline label ("By", "Oleh", "Penulis:", "Editor:"): the
    packs' byline_words and byline_labels (`words`; page_words without them)."""
    return _reader(words).label.match(text) is not None


def opens_with_dated_label(text: str, words: Lexicon | None = None) -> bool:
    """Whether a text opens with a date and a byline word after it ("Monday November 18, 2019
    7:45 am PST by Jane Roe"), as an element classed as a byline may: read only there, as a
    paragraph opening with a date may say "by" of anything.

    >>> opens_with_dated_label("Monday November 18, 2019 7:45 am PST by Jane Roe")
    True
    >>> opens_with_dated_label("November 18, 2019 | Updated"), opens_with_dated_label("By me")
    (False, False)
    """
    return _dated_by(text, _reader(words)) is not None


def _dated_by(text: str, reader: _BylineWords) -> re.Match | None:
    """The date and the byline word opening a text (_BylineWords.dated_by), where it opens with
    a date; None elsewhere."""
    if reader.dated_by is None or not _opens_with_date(text, reader):
        return None
    return reader.dated_by.match(text)


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

    The outlet written beside them is no name that must have a person's shape ("Rina Marlina -
    detikNews", "Sandee LaMotte, CNN": read_page_bylines takes it for the outlet).

    >>> names_only("Rina Marlina - detikNews"), names_only("detikNews")
    (True, False)
    """
    authors, editors, outlets = _read_byline(text, _reader(words))
    names = [name for name in authors + editors if name not in outlets]
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


class OutsideLine(str):
    """A visible byline that stands after the article's end (a teaser list's below it,
    page_metadata._ArticleEnd): it may give the authors where no byline before it did, but
    widens none: its co-authors are another story's."""

    __slots__ = ()


class EditorLine(str):
    """A byline whose names are all editors, without a label: an editor meta tag's content
    (page_metadata's _EDITOR_META, Kompas's content_editor)."""

    __slots__ = ()


# One word of letters and its colon opening a byline: a label by its shape, whatever the
# language ("Текст: Венера Ерофеева" on wday.ru, "Text: A"); two words before a colon may be a
# name, and a number before one is a time ("12:30").
_WORD_LABEL = re.compile(r"^\s*[^\W\d_]+\s*[:：]\s*")


def _read_byline(value: str | None, reader: _BylineWords
                 ) -> tuple[list[str], list[str], list[str]]:
    """A byline's authors, editors and the outlets named beside its persons (_names); an
    EditorLine's names are its editors."""
    if not value:
        return [], [], []
    if isinstance(value, EditorLine):
        named, edited, beside = _read_byline(str(value), reader)
        return [], list(dict.fromkeys(edited + named)), beside
    text = SPACES.sub(" ", _LINKS.sub(" ", str(value))).strip()
    # Cut the byline at each label: "Penulis: A | Editor: B" -> [("penulis", "A"), ("editor", "B")]
    pieces: list[tuple[str, str]] = []
    marks = list(reader.label_anywhere.finditer(text))
    if not marks or marks[0].start() > 0:
        first_end = marks[0].start() if marks else len(text)
        first = _WORD_LABEL.sub("", text[:first_end], count=1)
        dated = _dated_by(first, reader)
        pieces.append(("", first[dated.end():] if dated else first))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        pieces.append((m.group(1).lower(), text[m.end():end]))
    # Ordered sets (dicts): a hostile byline of thousands of names costs no quadratic search.
    authors: dict[str, None] = {}
    editors: dict[str, None] = {}
    outlets: dict[str, None] = {}
    for label, chunk in pieces:
        target = editors if label in reader.editor_labels else authors
        for name, outlet in _names(chunk, reader, bool(label)):
            if not (outlet and _NOT_A_NAME.search(name)):
                target.setdefault(name)
            if outlet:
                outlets.setdefault(name)
    return list(authors), list(editors), list(outlets)


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
    key = lower_words(name)
    if not key:
        return False
    squashed = key.replace(" ", "")
    site_names = [n for n in site_names if n]
    for site in site_names:
        other = lower_words(site)
        if key == other or squashed == other.replace(" ", ""):
            return True
    for label in host_labels(site_names):
        squashed_label = label.replace("-", "")
        if squashed == squashed_label or (" " not in key and len(squashed) >= 4
                                          and squashed_label.startswith(squashed)):
            return True
    return any(f" {key} " in f" {lower_words(holder)} " for holder in publishers if holder)


@dataclass
class PageBylines:
    """What a page's bylines say: its authors and editors, the wire agencies they name (the
    story's source), and the outlets written beside a person (where the story came from:
    "CNN" in "By Sandee LaMotte, CNN" on MSN)."""

    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


def read_page_bylines(bylines: Iterable[str], site_names: Iterable[str] = (),
                      publishers: Iterable[str] = (), honorifics: frozenset[str] = frozenset(),
                      words: Lexicon | None = None) -> PageBylines:
    """A page's authors, editors, wire agencies and outlets from its bylines, best reader first
    (page_metadata.page_metadata): the first byline that names a person gives the authors; the
    site, its publisher, the outlet written beside a person ("Sandee LaMotte, CNN"), a desk, a
    job, a user name or an agency is no person, and the page turns to its next byline. A later
    byline that names every author found and more people names co-authors the first hid (a
    meta author of one beside JSON-LD authors "Stefan Becket; Kathryn Watson"): its persons
    are the authors (_widened), unless it stands after the article's end (an OutsideLine: a
    teaser's). The agencies named up to the byline that gave the authors, also
    as a job's employer ("AP Auto Writer"), are the story's source; so are the outlets beside
    its persons, when no agency is named and they are not the site or its publisher. `words`:
    the packs' (labels, role words, agencies; page_words without them).

    >>> found = read_page_bylines(["By Sandee LaMotte, CNN"], ["MSN"])
    >>> found.authors, found.outlets
    (['Sandee LaMotte'], ['CNN'])
    >>> read_page_bylines(["By TOM KRISHER, AP Auto Writer"]).agencies
    ['AP']
    >>> read_page_bylines(["Stefan Becket", "By Stefan Becket, Kathryn Watson"]).authors
    ['Stefan Becket', 'Kathryn Watson']
    """
    words = page_words(words)
    reader = _reader(words)
    site_names = [n for n in site_names if n]
    publishers = [p for p in publishers if p]       # read once for each name
    sites = site_names + [label for label in host_labels(site_names) if len(label) >= 4]
    found = PageBylines()
    for byline in bylines:
        names, named_editors, outlets = _read_byline(byline, reader)
        # A job or the newsroom edits no more than it writes ("Editor: Tim Redaksi").
        found.editors = found.editors or [e for e in named_editors if not names_no_one(e, words)]
        if found.authors:
            if not isinstance(byline, OutsideLine):
                found.authors = _widened(found.authors, _persons(
                    names, outlets, sites, site_names, publishers, honorifics, words))
            continue
        for agency in wire_agencies(names, words.agencies, words.agency_acronyms) + _job_agencies(names, words):
            if agency not in found.agencies:
                found.agencies.append(agency)
        # A degree after a name ("Rachael Link, MS") is no outlet.
        found.outlets.extend(o for o in outlets if o not in found.outlets
                             and o.lower().rstrip(".") not in words.credentials
                             and not is_publisher(o, site_names, publishers))
        found.authors = _persons(names, outlets, sites, site_names, publishers, honorifics,
                                 words)
    return found


def _widened(authors: list[str], persons: list[str]) -> list[str]:
    """The authors found, or a later byline's persons where they name every one of them and
    more (co-authors the meta author or the JSON-LD hid: "Penulis: A, B" beside a JSON-LD A).
    Its co-authors must have a person's shape ("Kathryn Watson"), not that of the words a
    byline's run goes on with ("Updated", "Special to the Pioneer Press"). A byline that leaves
    out one of the authors (another story's, or a shorter list) widens nothing: no author the
    metadata names is dropped.

    >>> _widened(["Yusuf Maulana"], ["Yusuf Maulana", "Sri Wahyuni"])
    ['Yusuf Maulana', 'Sri Wahyuni']
    >>> _widened(["Ade Putra", "Sri Wahyuni"], ["Ade Putra", "Ani Lestari"])
    ['Ade Putra', 'Sri Wahyuni']
    >>> _widened(["Umair Irfan"], ["Umair Irfan", "Updated"])
    ['Umair Irfan']
    """
    found = {fold_words(author) for author in authors}
    persons = [p for p in persons if fold_words(p) in found or _name_shaped(p)]
    if len(persons) > len(authors) and found <= {fold_words(p) for p in persons}:
        return persons
    return authors


def _persons(names: list[str], outlets: list[str], sites: list[str], site_names: list[str],
             publishers: Iterable[str], honorifics: frozenset[str], words: Lexicon) -> list[str]:
    """A byline's names that are persons: not its outlets, the site or its publisher, a desk,
    a job, a user name or an agency (metadata.people)."""
    excluded = set(outlets)
    names = [n for n in names if n not in excluded and not is_publisher(n, site_names, publishers)]
    return people(names, sites, honorifics, alone=False, words=words)


def _job_agencies(names: Iterable[str], words: Lexicon) -> list[str]:
    """The wire agencies a byline's jobs name as the employer: "AP" of "AP Auto Writer",
    "Associated Press" of "Associated Press Writer" (an agency, then words holding one of the
    packs' role words), as written."""
    found = []
    for name in names:
        lowered = name.lower()
        for agency in words.agencies:
            if lowered.startswith(agency + " ") and not words.role_words.isdisjoint(
                    _ROLE_EDGES.split(lowered[len(agency):])):
                found.append(name[:len(agency)])
                break
    return found


# What parts a job's words: "Editor-at-large" holds "editor".
_ROLE_EDGES = re.compile(r"[\s-]+")
