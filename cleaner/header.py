"""The header stage: a title line, its repeat, a section line, a "name / Penulis" byline and a date stamp ("March 4, 2026 · 6 min read") become metadata."""

from __future__ import annotations

import re
import unicodedata
from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable, Sequence
from urllib.parse import urlsplit

from cleaner.dates import ENGLISH_MONTHS, ZONES, normalize_date
from cleaner.document import Document, Line
from cleaner.identify import url_host
from cleaner.lexicon import Lexicon, fold_words, lexicon, straight_apostrophes
from cleaner.metadata import names_no_one, site_zoned, split_names, without_titles
from cleaner.sitekey import squashed

if TYPE_CHECKING:
    from cleaner.rulefile import Pack

TITLE_MAX_WORDS = 22
# Longer candidate titles must read like one: most words capitalised, as headlines are written.
TITLE_CASE_FROM_WORDS = 12
TITLE_CASE_SHARE = 0.5
# A clause of prose in a long line: a comma before a space (not the decimal one of "11,4%"), or
# a colon before a word in lower case (a label's paragraph, "Más información: los vecinos ...").
# A headline in sentence case without either is a title though few of its words are capitalised
# (looks_like_title's `sentence_case`); one with them is a lead that lost its stop as often.
# So is a line closing on a word of one or two small letters ('se', 'de', 'la'): a hard-wrapped
# paragraph's first line, no headline's end.
_PROSE_CLAUSE = re.compile(r",\s|:\s*[«\"“‘]?[a-zà-öø-ÿ]|(?:^|\s)[a-zà-öø-ÿ]{1,2}$")
# A sentence's end before another's start, or before a bracketed credit or code that closes a
# paragraph ("... two days. (CNET)"): a title holds no sentence's end.
# A stop after a lone capital is an initial's or an abbreviation's ("N.S. South Shore", "U.S.
# Senate", "Jane Q. Public"), no sentence's end.
_SENTENCE_BREAK = re.compile(r"(?:(?<!\b[A-Z])\.|[!?])[\"”’]?\s+[\"“‘(\[]?[A-Z]")
TITLE_MAX_CHARS = 250
# A sentence's end before a bracketed note closing the paragraph ("... estates. (photo)"): the
# paragraph's end, as a stop is.
_CREDIT_END = re.compile(r"[.!?][\"”’]?\s*[(\[][^()\[\]\n]{1,40}[)\]]$")
# A stamp: a date, then parts after spaced dots, bullets or bars that only a stamp writes, a time,
# a time zone or a reading time ("March 4, 2026 · 6 min read", "Mon, 2 Mar 2026 | 10:15 GMT").
# Any other part is the article's: a headline's ("March 4, 2026 | Council Votes On Budget") or a
# fact's ("March 4, 2026 · 4 dead, 12 missing", "2025 | 41 goals | 12 assists").
_STAMP_SEP = re.compile(r"[ \t]+[·•|][ \t]+")
# A stamp is short: a longer line, or one of more parts, is not read as one (nor costs more).
STAMP_MAX_PARTS = 5
# A time of day in a stamp's part ("10:15", "14.38", "9:05:30"); its other words, if any, must be
# the packs' date words or time zones ("pm", "WIB", "GMT").
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?!\d)")
# A bare year is no stamp's date ("2025 | 41 goals"): a stamp dates its story to the day.
_BARE_YEAR = re.compile(r"\d{4}")
# How many lines after the title may still be header lines (repeat, section, byline).
HEADER_SPAN = 5
# A dash ends a dateline left alone on its line ("JAKARTA -", "LONDON (Reuters) -"), never a title.
_END_PUNCT = tuple(".,;:!?…-–—")
_CLOSERS = "\"'”’)]»"
_NAME = re.compile(r"^[^\W\d_][^\W\d_.'\-]*(?:[ .'\-]+[^\W\d_][^\W\d_.'\-]*){0,4}\.?$")

# A byline: an opening word of the packs' byline_words ("By", "Oleh"), then names.
_BYLINE = re.compile(r"^(\w+)\s*:?\s+(.+)$")
# A dateline's agency in brackets at the end of its line: "LONDON (Reuters)".
_AGENCY_END = re.compile(r"\s*\([^()]{1,30}\)$")


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# Where a headline or a page title divides into parts: a colon, or a dash or a bar with spaces
# around it ("Harlow Pulse 3 review: big sound", "Banjir Jakarta - Kompas.com").
_TITLE_PARTS = re.compile(r"[ \t]*:[ \t]+|[ \t]+[-–—|][ \t]+")
# A title that the first line and the title field share, one of them with a part more after a
# divider (a subtitle, a last part naming no site), has three words at least: two before a
# colon are as often a speaker's name opening a quote ("Joe Biden: ...", "Presiden Jokowi: ...")
# or a label ("Breaking News: ...").
SHARED_TITLE_WORDS = 3
# A site's name after a title, as a title field adds it ("... - Kompas.com"), is short.
SITE_NAME_MAX_CHARS = 60


def names_site(part: str, site_names: Iterable[str]) -> bool:
    """Whether a title's last part names the document's site: one of `site_names` (squashed:
    its pack's name, aliases and domains, its url's host) is it, or holds it whole.

    >>> names_site("Kompas.com", ["kompascom"]), names_site("The Daily Star", ["thedailystarnet"])
    (True, True)
    >>> names_site("Ekonomi Tumbuh 5 Persen", ["kompascom"]), names_site("A", ["abc"])
    (False, False)
    """
    key = squashed(part)
    return len(key) >= 3 and any(key in name for name in site_names)


def without_site_name(line: str, site_names: Iterable[str]) -> str:
    """A headline line without a last part after a dash or bar that is the document's site's
    name (one of `site_names`, squashed, or the start of one: "CNN Indonesia" of
    cnnindonesia.com): a WET record's first line is its page's <title>, "Jet Tempur Swiss
    Hilang - CNN Indonesia". A part a name merely holds stays ("Jepang - Indonesia"), and so
    does one after a colon ("Kompas: ..." may open a headline about it).

    >>> without_site_name("Jet Tempur Hilang - CNN Indonesia", ["cnnindonesiacom"])
    'Jet Tempur Hilang'
    >>> without_site_name("Saham Naik | Kompas.com", ["cnnindonesiacom"])
    'Saham Naik | Kompas.com'
    >>> without_site_name("Jepang - Indonesia", ["cnnindonesiacom"])
    'Jepang - Indonesia'
    """
    parts = [m for m in _TITLE_PARTS.finditer(line) if ":" not in m.group()]
    if not parts or not line[:parts[-1].start()].strip():
        return line
    name = squashed(line[parts[-1].end():])
    if len(name) >= 4 and any(site.startswith(name) for site in site_names):
        return line[:parts[-1].start()].strip()
    return line


def title_of_hint(line: str, hint: str, site_names: Iterable[str] = ()) -> str | None:
    """How a first line gives the input's title: "same" (the same words), "shorter" (the title
    but for a last part that names the site, `site_names`: names_site; or, for a line of three
    words or more, but for all after any divider of the title), "longer" (a title of three words or
    more, with or without the part naming the site, then a subtitle after a colon, a dash or a
    bar), or None. Stricter than a page's word overlap (html_clean.same_title): a text dump's
    first line may be body text, where an extractor's first line is most often the headline. A
    line longer than a title can be is none, which also keeps the cost linear in its length.

    >>> title_of_hint("Harlow Pulse 3 review: big sound, short battery", "Harlow Pulse 3 review")
    'longer'
    >>> title_of_hint("Banjir Jakarta Surut", "Banjir Jakarta Surut - Kompas.com", ["kompascom"])
    'shorter'
    >>> title_of_hint("Banjir Jakarta Surut: Warga Kembali", "Banjir Jakarta Surut - Kompas.com",
    ...               ["kompascom"])
    'longer'
    >>> title_of_hint("Sri Mulyani", "Sri Mulyani: Ekonomi Tumbuh 5 Persen", ["kompascom"]) is None
    True
    >>> title_of_hint("Joe Biden: we will rebuild", "Joe Biden") is None
    True
    """
    mine, given = _comparable(line), _comparable(hint)
    if mine == given:
        return "same"
    if len(line) > TITLE_MAX_CHARS:
        return None
    bare = _before_site_name(hint, site_names, 2 * len(line) + 8) if site_names else None
    if bare is not None and mine == bare:
        return "shorter"
    if mine.count(" ") + 1 >= SHARED_TITLE_WORDS and any(
            _comparable(hint[:m.start()]) == mine
            for m in _TITLE_PARTS.finditer(hint, 0, 2 * len(line) + 8)):
        # Before a part that names no site ("- Reuters", "| Opinion"): a line of three words or
        # more that the title opens with, up to a divider, is the title line as a line alone
        # would be.
        return "shorter"
    for title in (given, bare):
        if title and title.count(" ") + 1 >= SHARED_TITLE_WORDS and len(title) < len(mine) and \
                any(_comparable(line[:m.start()]) == title for m in _TITLE_PARTS.finditer(line)):
            return "longer"
    return None


def _before_site_name(hint: str, site_names: Iterable[str], within: int) -> str | None:
    """The comparable words of a title before a last part that names the site (names_site),
    looked for where a title divides in its first `within` characters; None without one."""
    for m in _TITLE_PARTS.finditer(hint, 0, within):
        if len(hint) - m.end() <= SITE_NAME_MAX_CHARS and names_site(hint[m.end():], site_names):
            return _comparable(hint[:m.start()])
    return None


def site_names(doc: Document) -> list[str]:
    """The names a document's site goes by, squashed (names_site): its site pack's name,
    aliases and domains, and its url's host."""
    names: list[str] = []
    for pack in doc.packs:
        if pack.kind == "site":
            names += [pack.name, *pack.aliases, *pack.domains]
    host = url_host(doc.url) if doc.url else None
    if host:
        names.append(host)
    return [name for name in map(squashed, names) if name]


def looks_like_title(line: str, following: str | None, lead_below: bool = False,
                     sentence_case: bool = False) -> bool:
    """A short line without end punctuation, followed by body text, opens with a title. A line
    of many words must be written as headlines are, half its words or more capitalised, unless
    the line below is a lead a dateline opened (`lead_below`): sentence-case headlines ("Delhi
    Metro's new stretch to cut airport travel time by 20 minutes") then read as what they are,
    and so do headlines that ask a question ("Mau ke Kawah Ijen? Siapkan Lima Hal Ini"), which
    over other lines read as a lead asking the reader one ("Siapa di antara kalian ...?").
    In a language whose headlines are written in sentence case (`sentence_case`, its pack's
    `sentence_case_titles`: Spanish) the share of capitals tells nothing, and is not asked of a
    line that holds no clause of prose: no comma, and no colon before a word in lower case
    ("Más información: los vecinos pueden llamar ...", "Foto: la imagen del alcalde, tomada
    en 1975, ..." are paragraphs that lost their stop, and are asked it still).

    >>> looks_like_title("AS dan Rusia akan Berunding Tentang Ukraina", "Moskow - Menteri ...")
    True
    >>> looks_like_title("Presiden Putin mengatakan hal itu.", "Dia ...")
    False
    >>> looks_like_title("Polres Metro Bekasi Kota menyiagakan 1.000 lebih personel untuk mengamankan "
    ...                  "ceramah umum di stadion besok malam", "Dia ...")
    False
    >>> looks_like_title("Update", "Dia ..."), looks_like_title("JAKARTA -", "Dia ...")
    (False, False)
    >>> looks_like_title("iPhone 12 Rumors Heat Up", "Apple is said to ...")
    True
    >>> looks_like_title("iPhone users said the update drained their batteries.", "It ...")
    False
    >>> headline = "El precio del alquiler sube un 11,4% en febrero y marca un nuevo récord"
    >>> (looks_like_title(headline, "El ..."),
    ...  looks_like_title(headline, "El ...", sentence_case=True))
    (False, True)
    >>> looks_like_title("Más información: los vecinos pueden llamar al teléfono 010 o acudir a "
    ...                  "cualquier oficina", "El ...", sentence_case=True)
    False
    """
    if following is None or len(line) > TITLE_MAX_CHARS or len(line.split()) > TITLE_MAX_WORDS:
        return False
    if len(line.split()) < 2:                   # a lone word labels the article, as "Claim" does
        return False
    # (a sentence's end inside its closing quote or bracket ends it too: '... every road."')
    # (a question mark is read as the others are, but over a datelined lead)
    asked = line.replace("?", "") if lead_below else line
    words = line.split()
    if asked.rstrip(_CLOSERS).endswith(_END_PUNCT) or \
            not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"
                 or _capital_inside(words[0])):
        return False
    if _SENTENCE_BREAK.search(asked):
        return False
    if len(words) >= TITLE_CASE_FROM_WORDS and not lead_below and \
            not (sentence_case and not _PROSE_CLAUSE.search(line)):
        capitalised = sum(1 for w in words
                          if w[:1].isupper() or w[:1].isdigit() or _capital_inside(w))
        return capitalised / len(words) >= TITLE_CASE_SHARE
    return True


def _capital_inside(word: str) -> bool:
    """Whether a word in lower case at its start holds a capital after it, as a brand's name
    does ('iPhone', 'eBay', 'e-KTP'): a headline may open with one.

    >>> [_capital_inside(w) for w in ("iPhone", "e-KTP", "iphone", "iPhone's", "Rusia")]
    [True, True, False, True, False]
    """
    return word[:1].islower() and any(c.isupper() for c in word[1:])


def other_head_line(line: str, words: Lexicon, rest: Iterable[str] = ()) -> bool:
    """Whether a first line is a head line other than a title: a label, a fact-check's fact line,
    a dateline, a byline or a date, which no rule took before the header stage. The words that
    tell them are the packs' (byline_labels, fact_labels, sections, byline_words, date_words);
    `rest`, the text's lines below, tells a place's name from everyday words (_is_dateline).

    >>> from cleaner.rulefile import Pack
    >>> words = lexicon((Pack("en", "lang", "", fact_labels=frozenset({"verdict"}),
    ...                       byline_words=frozenset({"by"}), date_words=frozenset({"mon"})),))
    >>> [other_head_line(t, words) for t in ("Verdict: False", "BAAR, SWITZERLAND", "By Jane Doe",
    ...                                      "Mon, 20 Nov 2023 10:15:00 +0700")]
    [True, True, True, True]
    >>> other_head_line("UPDATE: Floods recede in Jakarta", words)
    False
    """
    # Only a comma line reads `rest` in _is_dateline, and a labelled name holds no comma: the
    # text below is read once at most.
    return (_is_label_line(line, words) or _is_dateline(line, words, rest)
            or _is_byline(line, words) or _is_date_line(line, words)
            or _is_labelled_name(line, words, rest) or _is_dated_byline(line, words, rest))


def _is_dated_byline(line: str, words: Lexicon, rest: Iterable[str] = ()) -> bool:
    """A byline and its date after a bar ("Oleh Budi Santoso | 5 Maret 2017"): a byline all
    the same, whose date a headline's words do not make."""
    head, bar, tail = line.partition("|")
    head = head.strip()
    return bool(bar) and bool(head) and _is_date_line(tail.strip(), words) and \
        (_is_byline(head, words) or _is_labelled_name(head, words, rest))


def _is_label_line(line: str, words: Lexicon) -> bool:
    """A label or a section alone ("Penulis", "Cek Fakta"), a fact-check label before a colon
    ("Claim: ..."), or a byline label before names ("Penulis: Ani Wijaya"). A section before a
    colon opens a headline ("Cek Fakta: ..."), and so does a byline label before words that are
    no names ("Laporan: Jumlah Wisatawan ke Bali Naik 20 Persen": a report's headline)."""
    text = straight_apostrophes(line.lower())
    if text in words.sections or text in words.fact_labels or text in words.labels:
        return True
    head, colon, rest = line.partition(":")
    head = straight_apostrophes(head.strip().lower())
    if not colon or not head:
        return False
    return head in words.fact_labels or (head in words.labels and _names_only(rest, words))


def _is_dateline(line: str, words: Lexicon, rest: Iterable[str] = ()) -> bool:
    """A place in capitals alone on its line, as a wire's dateline is: with its agency in
    brackets ("LONDON (Reuters)") or a country or state after a comma ("BAAR, SWITZERLAND").
    Capitals without either may be a shouted headline ("GAME OVER", "NEW YORK"), and stay one,
    as does a comma line whose second part holds more than two words or one of the packs'
    stopwords ("CHINA, RUSSIA SIGN DEAL", "FINALLY, THE TRUTH"): a country holds neither. Nor
    is a country or state made of everyday words: a second part whose every word the text
    below writes in lower case ("YES, WE CAN" over "... we can ...") says something, where a
    place's name keeps its capital wherever the text names it ("Switzerland", "Jawa Barat")."""
    place = _AGENCY_END.sub("", line)
    if not place or place != place.upper() or not any(c.isalpha() for c in place):
        return False
    parts = [part.split() for part in place.split(",")]
    if len(parts) > 3 or any(not 1 <= len(part) <= 3 for part in parts):
        return False
    if any(not word.replace(".", "").replace("'", "").replace("-", "").isalpha()
           for part in parts for word in part):
        return False
    if place != line:                           # an agency after it
        return True
    return len(parts) == 2 and len(parts[1]) <= 2 and \
        not any(word.lower().strip(".") in words.stopwords for word in parts[1]) and \
        not _written_in_lower_case(parts[1], rest)


def _written_in_lower_case(names: list[str], rest: Iterable[str]) -> bool:
    """Whether the text writes every one of the words in lower case somewhere, whole, and never
    with its capital inside a sentence: everyday words, not a place's name. A place may be an
    everyday word too ("MALANG" over "... nasib malang ..."), but a text that names the place
    writes its capital after another word ("di Kabupaten Malang"), where a sentence's first word
    ("We can ...") proves nothing. Read only for a comma line in capitals, so the text is joined
    only then."""
    text = "\n".join(rest)
    return bool(text) and all(_everyday(word, text) for word in names)


def _everyday(word: str, text: str) -> bool:
    """Whether the text writes the word in lower case, whole, and never with its capital after
    another word: an everyday word there, not a name."""
    lower = word.lower().rstrip(".")
    if not re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text):
        return False
    named = rf"(?<=[\w,;] ){re.escape(lower[:1].upper() + lower[1:])}(?!\w)"
    return re.search(named, text) is None


def _is_byline(line: str, words: Lexicon) -> bool:
    """A byline: one of the packs' byline_words ("By", "Oleh"), then names written as names
    (capitalised words, or the packs' name_particles) joined as a byline's names are. A name
    holds none of the packs' stopwords: "Oleh Karena Itu, Harga Naik" opens a headline."""
    m = _BYLINE.match(line)
    return m is not None and m.group(1).lower() in words.byline_words \
        and _names_only(m.group(2), words)


def _is_labelled_name(line: str, words: Lexicon, rest: Iterable[str] = ()) -> bool:
    """A byline word of the packs ("By", "Oleh"), or a byline label of theirs before a colon
    ("Penulis:", "Written by:"), then one name of 2 to 4 capitalised words ("By Yohanes Mau",
    "Penulis: Resmi Hartati"). A label without its colon opens headlines ("Reporter Tewas
    Ditembak", "Editor Pilihan Minggu Ini").

    A name may hold one of the packs' stopwords (Indonesian's "mau", "resmi" name people too),
    which _is_byline refuses; what tells it from a headline in title case opening with such a
    word ("By The Numbers", "Penulis: Muda Raih Penghargaan") is that the text below writes a
    headline's words in lower case ("... the numbers ...") and a name's never: one of its words
    other than a stopword that the text writes so makes the line no name, and with no text
    below, a stopword does ("Por El Camino Real"). Without a colon, the stopword opens or ends
    the name: one between two of its words joins them as a headline's function word does
    ("Oleh Rakyat Untuk Rakyat"). A conjunction of the packs between two words, in any case,
    joins two names ("Oleh Ahmad Dan Budi"): there it is no headline's word, nor a name's.

    >>> from cleaner.rulefile import Pack
    >>> words = lexicon((Pack("xx", "lang", "labelled-name.toml", byline_words=frozenset({"by"}),
    ...                       stopwords=frozenset({"the", "mau", "itu", "for", "and"}),
    ...                       conjunctions=("and",), byline_labels=(("authors", ("Penulis",)),)),))
    >>> [_is_labelled_name(t, words, ["kata dia, the numbers grow"]) for t in (
    ...     "By Yohanes Mau", "By The Numbers", "By-election Results", "By Mau Itu",
    ...     "Penulis: Yohanes Mau", "Penulis Yohanes Mau", "By Hope For Change",
    ...     "By Yohanes And Budi", "By Numbers And Budi")]
    [True, False, False, False, True, False, False, True, False]
    """
    found = _after_label(line.split(), words)
    if found is None:
        return False
    tokens, colon = found
    last = len(tokens) - 1
    name = [word for i, word in enumerate(tokens)
            if not (0 < i < last and word.lower() in words.conjunctions)]
    if not 2 <= len(name) <= 4 or not _NAME.match(" ".join(name)) \
            or not all(word[0].isupper() for word in name):
        return False
    stopwords = [word for word in name if word.lower().strip(".") in words.stopwords]
    if len(stopwords) > 1 or len(stopwords) == len(name):
        return False
    if stopwords and not colon and stopwords[0] not in (name[0], name[-1]):
        return False
    text = "\n".join(rest)
    if stopwords and not text:
        return False        # only the text below tells such a name from a headline
    return not any(_everyday(word, text) for word in name if word not in stopwords)


def _after_label(tokens: list[str], words: Lexicon) -> tuple[list[str], bool] | None:
    """The words after what opens the line as a byline's label, and whether a colon follows
    it: one of the packs' byline_words, a colon after it or not ("By", "Oleh:"), or one of
    their byline_labels (one word or two) with its colon ("Penulis:", "Written by :"); None
    when neither opens it."""
    for size in (2, 1):
        head = " ".join(tokens[:size])
        rest = tokens[size:]
        colon = head.endswith(":") or rest[:1] == [":"]
        label = head.rstrip(":").strip().lower()
        if rest and (label in words.byline_words or (colon and label in words.labels)):
            return (rest[1:] if rest[0] == ":" else rest), colon
    return None


def _names_only(text: str, words: Lexicon) -> bool:
    """Whether a byline's text after its label is names and nothing else: written as names
    (capitalised words, or the packs' name_particles), joined as a byline's names are, none of
    them holding a stopword."""
    names = split_names(text.strip(), words.conjunctions, words.name_particles)
    return bool(names) and all(_NAME.match(name) and all(_name_word(word, words)
                                                         for word in name.split())
                               for name in names)


def _name_word(word: str, words: Lexicon) -> bool:
    """Whether a word may stand in a byline's name: capitalised and no stopword, or one of the
    packs' name_particles (a particle may be a stopword too: "de" in Spanish)."""
    lowered = word.lower()
    if lowered in words.name_particles:
        return True
    return word[0].isupper() and lowered.strip(".") not in words.stopwords


def _is_date_line(line: str, words: Lexicon) -> bool:
    """A date and nothing else: numbers, month names, the packs' date_words (weekdays, "pukul",
    "Published") and time zones, read as a date."""
    tokens = re.findall(r"[^\W_]+", line.lower())
    if not all(any(c.isdigit() for c in token) or token in words.date_words
               or token in words.months or token in ENGLISH_MONTHS or token in ZONES
               for token in tokens):
        return False
    return normalize_date(line, words.months) is not None


def _lead_below(doc: Document, first: Line, line: Line) -> bool:
    """looks_like_title's `lead_below` for a first line: whether the line under it is a lead a
    dateline opened, or a byline a rule took stands between them ("Hoboken council passes
    budget: Here's what it means for your tax bill" over "By Jane Doe | nj.com": a headline in
    sentence case, as a paragraph has no byline under it), looked at only where it tells (a
    first line of many words, or asking a question): most first lines are neither, and the
    header stage meets every document."""
    text = first.text
    if "?" not in text and text.count(" ") + 1 < TITLE_CASE_FROM_WORDS:
        return False
    return _opened_by_dateline(doc, line) or _byline_between(doc, first, line)


def _byline_between(doc: Document, first: Line, line: Line) -> bool:
    """Whether a rule took a whole line naming authors between two lines: a removal at its
    column 0 that filled `authors`, on a line above `line` that has no text left."""
    return any(first.number < removal.line < line.number and removal.col == 0
               and "authors" in removal.fields for removal in doc.removed)


def _opened_by_dateline(doc: Document, line: Line) -> bool:
    """Whether the rules cut a dateline from the start of a line: a removal at its column 0
    that filled a location or a source."""
    return any(start == 0 for start, _ in line.cuts) and any(
        removal.line == line.number and removal.col == 0
        and {"location", "source"} & set(removal.fields) for removal in doc.removed)


def _first_body(rest: list[Line]) -> str | None:
    """The first line below a candidate title that reads as body text, skipping header lines
    (`rest`: the lines below it; those within HEADER_SPAN + 1 are looked at): a line with a
    stop at its end, or before a bracketed note ("... estates. (photo)"), or longer than a
    title. A document that ends within them may have lost its last stop: its last line is body
    text where it is written as a sentence (_reads_as_sentence)."""
    for line in rest[:HEADER_SPAN + 1]:
        text = line.text
        if text.endswith(tuple(".!?\"”’")) or len(text.split()) > TITLE_MAX_WORDS \
                or _CREDIT_END.search(text):
            return text
    if rest and len(rest) <= HEADER_SPAN + 1 and _reads_as_sentence(rest[-1].text):
        return rest[-1].text
    return None


def _reads_as_sentence(text: str) -> bool:
    """Whether a line without a stop reads as a sentence: as many words as only a long title
    has, fewer than half of them capitalised (a list of headlines is written in title case).

    >>> _reads_as_sentence("The city council of Harrowgate voted on Tuesday to extend the night "
    ...                    "bus service")
    True
    >>> _reads_as_sentence("Timetables from Monday")
    False
    """
    words = text.split()
    if len(words) < TITLE_CASE_FROM_WORDS:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words) < TITLE_CASE_SHARE


def _stamp_date(line: str, words: Lexicon, packs: Sequence[Pack] = ()) -> str | None:
    """The date of a stamp line, a date and parts after it (_STAMP_SEP) that a stamp writes
    (_stamp_part: a time, a time zone, a reading time: "March 4, 2026 · 6 min read"), as its
    date parts give it ("Mon, 2 Mar 2026 | 10:15"); None for any other line, and for a bare
    year's ("2025 | 41 goals | 12 assists"). A date alone is a rule's (chrome/date-line), or no
    title (_is_date_line).

    >>> from cleaner.rulefile import Pack, Rule
    >>> note = Rule("xx/reading-time", "drop-line", r"^\\d+ min read$")
    >>> packs = (Pack("xx", "lang", "stamp.toml", date_words=frozenset({"mon"}), rules=(note,)),)
    >>> words = lexicon(packs)
    >>> _stamp_date("March 4, 2026 · 6 min read", words, packs)
    'March 4, 2026'
    >>> _stamp_date("Mon, 2 Mar 2026 | 10:15", words, packs)
    'Mon, 2 Mar 2026 | 10:15'
    >>> [_stamp_date(f"March 4, 2026 | {part}", words, packs)
    ...  for part in ("Council Votes On Budget", "12 dead", "Route 66")]
    [None, None, None]
    """
    if len(line) > TITLE_MAX_CHARS or ("·" not in line and "•" not in line and "|" not in line):
        return None
    parts = _STAMP_SEP.split(line)
    if not 2 <= len(parts) <= STAMP_MAX_PARTS or not _is_date_line(parts[0], words):
        return None
    dated = 1
    while dated < len(parts) and _is_date_line(" | ".join(parts[:dated + 1]), words):
        dated += 1
    date = " | ".join(parts[:dated])
    if _BARE_YEAR.fullmatch(normalize_date(date, words.months) or "") or \
            not all(_stamp_part(part, words, packs) for part in parts[dated:]):
        return None
    return date


def _stamp_part(part: str, words: Lexicon, packs: Sequence[Pack]) -> bool:
    """Whether a part of a stamp after its date is one a stamp writes: a time ("10:15", "14.38
    WIB") or a time zone ("GMT"), its words the packs' date words or zones; or a reading time,
    a note with a number that a drop-line rule of the packs takes as a line alone (the words are
    the packs': chrome/reading-time's "6 min read", "5 menit baca"). A count ("12 dead"), a
    day of a story ("Day 3") or a road ("Route 66") is none."""
    rest = _CLOCK.sub(" ", part)
    tokens = re.findall(r"[^\W_]+", rest.lower())
    if (rest != part or tokens) and not any(c.isdigit() for c in rest) \
            and all(token in ZONES or token in words.date_words for token in tokens):
        return True
    return any(c.isdigit() for c in part) and any(
        rule.action == "drop-line" and rule.regex.search(part) is not None
        and not (rule.unless and rule.unless_regex.search(part) is not None)
        for pack in packs for rule in pack.rules)


def _take_stamp(doc: Document, line: Line, date: str, words: Lexicon) -> None:
    """Move a stamp line (_stamp_date) to meta: its date into meta.date, where none is yet."""
    value = _published(date, words)
    filled = value is not None and doc.set_meta("date", site_zoned(value, doc.packs))
    _take(doc, line, "header/date", "date" if filled else None)


def _published(date: str, words: Lexicon) -> str | None:
    """The date of a stamp's date parts (_stamp_date's): where two dates are given, each with
    the parts after it up to the next ('Diperbarui: 18 April 2023 08:00 WIB | Dipublikasikan:
    17 April 2023 10:15 WIB'), the earlier, in any language: an update comes after the
    publication it updates, whichever a site writes first.

    >>> _published("Updated: 4 March 2024 09:30 | Published: 3 March 2024", lexicon(()))
    '2024-03-03'
    >>> _published("Mon, 2 Mar 2026 | 10:15", lexicon(()))
    '2026-03-02T10:15'
    """
    groups: list[list[str]] = []
    for part in date.split(" | "):
        if not groups or normalize_date(part, words.months) is not None:
            groups.append([part])
        else:
            groups[-1].append(part)
    values = [value for group in groups
              if (value := normalize_date(" | ".join(group), words.months)) is not None]
    return min(values) if values else None


def _under_its_label(doc: Document, line: Line) -> bool:
    """Whether a line is the text of a label the rules dropped from the line right above it
    ("Image caption" over its caption): a label of letters alone, three words at most, taken
    whole by a rule that would have taken the two as one line, as it takes "Image caption A
    crowd gathered ...". A line a rule dropped above a title ("Advertisement") is no label of it."""
    for removal in doc.removed:
        if removal.line != line.number - 1 or removal.col != 0 or removal.action != "drop-line":
            continue
        label = removal.text.strip()
        if not label or len(label.split()) > 3 or \
                not all(ch.isalpha() or ch.isspace() for ch in label):
            continue
        rule = next((r for pack in doc.packs for r in pack.rules if r.id == removal.rule), None)
        if rule is not None and rule.regex.search(f"{label} {line.text}"):
            return True
    return False


def _take(doc: Document, line: Line, rule: str, field: str | None) -> None:
    doc.take_line(line, rule, "meta" if field else "drop-line", (field,) if field else ())


def _label_under_name(line: Line, nxt: Line | None, words: Lexicon) -> str | None:
    """The list ("authors", "editors") a name fills when one of the packs' byline_labels stands
    alone on the line under it ("Tatik Ariyani" / "Penulis"), else None."""
    if nxt is None:
        return None
    field = words.labels.get(nxt.text.lower())      # first: the name's pattern costs more
    return field if field is not None and _NAME.match(line.text) else None


def _take_byline(doc: Document, line: Line, nxt: Line, field: str, words: Lexicon) -> None:
    """Move a name and the byline label under it to meta: the name into the label's list,
    unless it names no one ("Tim Redaksi" / "Penulis": the newsroom; both lines go)."""
    name = without_titles(line.text, words.honorifics)
    filled: str | None = field
    if names_no_one(name, words):
        filled = None                   # dropped, and the removal claims no field
    else:
        doc.set_meta(field, name)
    _take(doc, line, "header/byline", filled)
    _take(doc, nxt, "header/byline", filled)


def header_stage(doc: Document) -> Document:
    """Move a leading title, its repeat, a section line and a name-then-label byline to meta;
    stamp lines, before the title or in its header, give their dates."""
    with_text = [ln for ln in doc.lines if ln.text]
    if len(with_text) < 2:
        return doc
    removals = len(doc.removed)             # each line the stage takes adds one (_with_text)
    words = lexicon(doc.packs)
    hint = doc.hints.get("title")
    lines = _without_repeated_byline(doc, with_text[_head_stamps(doc, with_text, words):])
    if len(lines) < 2:
        return _with_text(doc, with_text, removals)
    if len(lines) > 2 and _section_over_title(doc, lines, words):
        # A section's rubric over the headline ("Opini", "Surat Pembaca"): the category, and
        # the headline under it is the title, as under none.
        doc.set_meta("category", lines[0].text)
        _take(doc, lines[0], "header/category", "category")
        lines = lines[1:]
    first = lines[0]
    title = None
    opened = any(start == 0 for start, _ in first.cuts)         # a dateline opened it: body
    given = title_of_hint(first.text, hint, site_names(doc)) if hint else None
    if opened and given != "same":
        given = None
    if given == "same":
        title = first.text
        _take(doc, first, "header/title", "title")
    elif given is not None and \
            looks_like_title(first.text, _first_body(lines[1:]),
                             lead_below=_lead_below(doc, first, lines[1]),
                             sentence_case=words.sentence_case_titles):
        # The headline of the input's title with a subtitle, or without what the title field
        # adds after it (the site's name, "- Reuters"): the title line all the same, which
        # meta.title takes from the input.
        title = first.text
        _take(doc, first, "header/title", None)
    elif doc.hints.get("page_title") and \
            _comparable(first.text) == _comparable(doc.hints["page_title"]):
        title = first.text                  # a web page's title line, under an input's title
        _take(doc, first, "header/title", None)
    elif (not hint
          and not opened
          # a rule took the title (a dateline's headline): a line under it is the text's, not a
          # second title, which would go with no field to keep its words
          and doc.meta["title"] is None
          and looks_like_title(first.text, _first_body(lines[1:]),
                               lead_below=_lead_below(doc, first, lines[1]),
                               sentence_case=words.sentence_case_titles)
          # a caption under its label, which a rule dropped ("Image caption"), is no title
          and not _under_its_label(doc, first)
          # a name over a byline label is the byline, however title-like the name reads
          and _label_under_name(first, lines[1], words) is None
          # the rules ran first: a label, dateline, byline or date left here is one none took
          # (in the document's own packs' words only: in a text of no language, a byline word
          # of some pack's before title-case words is as often a headline's, "Por Dentro Da
          # Reforma", "By The Numbers", as a name's, and a real title lost costs more than a
          # byline kept as one)
          and not other_head_line(first.text, words, (ln.text for ln in lines[1:]))):
        title = first.text
        doc.set_meta("title", without_site_name(title, site_names(doc)))
        _take(doc, first, "header/title", "title")
    if title is None:
        _byline_run(doc, lines, 0, words)
        return _with_text(doc, with_text, removals)
    rest = lines[1:]
    index = 0
    while index < min(len(rest), HEADER_SPAN):
        line = rest[index]
        nxt = rest[index + 1] if index + 1 < len(rest) else None
        if _comparable(line.text) == _comparable(title):
            _take(doc, line, "header/duplicate-title", None)
        elif (date := _stamp_date(line.text, words, doc.packs)) is not None:
            _take_stamp(doc, line, date, words)
        elif nxt is not None and (field := _label_under_name(line, nxt, words)) is not None:
            _take_byline(doc, line, nxt, field, words)
            index += 1
        # only the packs' sections: any other word alone under a title ("Kemarin") is the text's
        elif (doc.meta["category"] is None and nxt is not None
              and line.text.lower() in words.sections):
            doc.set_meta("category", line.text)
            _take(doc, line, "header/category", "category")
        elif _bare_byline(doc, rest, index, words, right_after_title=True, title=title):
            index += 1
            if index < len(rest) and _place_line(doc, rest, index, words):
                index += 1
            continue
        elif _place_line(doc, rest, index, words):
            pass
        else:
            # A subtitle under the headline may stand over the byline (El País: headline,
            # subtitle, name, 'Madrid - 12 mar 2024 - 10:32 CET'): a name there, before any
            # line of prose, with a date under it, is the writer's.
            _byline_under_subtitle(doc, rest, index, words, title)
            # A line the header does not hold (a web page's promo over its headline): the
            # title may still come again below it, which no reader needs twice.
            for line in rest[index + 1:HEADER_SPAN]:
                if _comparable(line.text) == _comparable(title):
                    _take(doc, line, "header/duplicate-title", None)
                    break
            break
        index += 1
    return _with_text(doc, with_text, removals)


def _without_repeated_byline(doc: Document, lines: list[Line]) -> list[Line]:
    """`lines` without a second copy of the byline's name right under the byline a rule took
    (Radio-Canada: 'Anne-Marie Yvon (Accéder à la page de l'auteur)', then 'Anne-Marie Yvon'):
    the name is the writer's, in meta already, and read as a line of its own it would pass for
    a place or a title."""
    authors = {fold_words(name) for name in doc.meta["authors"]}
    if not authors:
        return lines
    for at, line in enumerate(lines[:HEADER_SPAN + 1]):
        above = lines[at - 1].number if at else 0
        if fold_words(line.text) in authors and any(
                above <= removal.line < line.number and removal.col == 0
                and "authors" in removal.fields for removal in doc.removed):
            _take(doc, line, "header/repeated-byline", None)
            return lines[:at] + lines[at + 1:]
    return lines


def _section_over_title(doc: Document, lines: list[Line], words: Lexicon) -> bool:
    """Whether the first line is one of the packs' sections alone (no rule cut it), over
    another line: a rubric over a headline or a dateline, where the document has no category
    yet."""
    first, below = lines[0], lines[1]
    return (doc.meta["category"] is None and first.text.lower() in words.sections
            and not first.cuts and _comparable(below.text) != _comparable(first.text))


def _with_text(doc: Document, with_text: list[Line], removals: int) -> Document:
    """Leave in doc.lines those with text: `with_text`, the lines that had text as the stage
    began, but those it took. Each line the stage takes adds a removal (Document.take_line) to
    the `removals` the document had then: with none added, `with_text` is kept whole, not
    copied (most documents: the header takes none).
    """
    doc.lines = with_text if len(doc.removed) == removals else [ln for ln in with_text if ln.text]
    return doc


def _head_stamps(doc: Document, lines: list[Line], words: Lexicon) -> int:
    """Move the stamp lines (_stamp_date) opening the text into meta.date; return how many of
    `lines` went, where a title is looked for. No name alone over a date is taken for the
    writer's: a two-word headline there ("Morning Briefing", "Pope Francis") looks alike, and
    only words could tell them."""
    at = 0
    while at < len(lines) - 1 and (date := _stamp_date(lines[at].text, words, doc.packs)) is not None:
        _take_stamp(doc, lines[at], date, words)
        at += 1
    return at


def _byline_run(doc: Document, lines: list[Line], start: int, words: Lexicon) -> None:
    """Without a title, a document may still open with "NAME" then a label line."""
    if len(lines) > start + 2:
        line, nxt = lines[start], lines[start + 1]
        field = _label_under_name(line, nxt, words)
        if field is not None:
            _take_byline(doc, line, nxt, field, words)


# A writer's name alone on its line in the header, with no byline word or label ('Ana García',
# 'LUCÍA MÉNDEZ', 'Elena García Sevilla' under a Spanish headline, 'Holly Evans' under an English
# one): two to four capitalised words, the packs' name particles between them ('María de la
# Fuente'). What tells it from a short heading or a kicker is read from the document, not from a
# list of names: none of its words is a stopword, a section, a month or a date word, the text
# below never writes one of them in lower case (_everyday: a heading's words are everyday
# words), and the text below never names the person (a kicker names the interview's subject,
# whom the article names again; a writer is not named in the story, but in a line to reach them
# by: 'Contact reporter Jordan Fischer at jf@...', which is not counted). A news outlet the packs
# list is no name ('Indianapolis Star'). Right under the title the name may stand over the lead;
# any lower, under a subtitle, a date must stand under it (or a place, then a date).
BARE_NAME_MIN_WORDS = 2
BARE_NAME_MAX_WORDS = 4
# A place line under a name: one to three capitalised words ('Sevilla', 'Ciudad de México').
PLACE_MAX_WORDS = 3
# A name's initial ('A.', 'J.'), and a particle joined to the word it opens ('al-Fatih').
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_PARTICLE_LED = re.compile(r"^([^\W\d_]+)[-'’]([^\W\d_].*)$")
# A line under the name that asks ('Q: When did ...?', 'P. ¿Cómo ...?', 'Tanya: ...?', '– Pourquoi
# ... ?'): the name is the interview's subject, over its questions and answers.
_ASKS = re.compile(r"\?\s*[\"'”’)\]»]*$")
# A sentence's end, as a line of prose ends.
_PROSE_END = re.compile(r"[.!?…:;]\s*[\"'”’)\]»]*$")


def _name_words(text: str, words: Lexicon, least: int, most: int) -> list[str] | None:
    """A line's capitalised words where it is those and name particles only, `least` to `most`
    of the former, the particles between them, none of them a stopword, section, month, date
    word, byline word or label, nor the line a listed outlet; else None. Read from the line
    alone: the text below is read only for a line of this shape (_name_shaped)."""
    tokens = text.split()
    if not tokens or not _NAME.match(text) or any(c.isdigit() for c in text):
        return None
    particles = {part for particle in words.name_particles for part in particle.split()}
    capitalised = [token for token in tokens if token.lower() not in particles or token[0].isupper()]
    if not least <= len(capitalised) <= most or len(tokens) > most + 3:
        return None
    if tokens[0] not in capitalised or tokens[-1] not in capitalised:
        return None
    for token in capitalised:
        # a particle joined to the name it opens ('al-Fatih', 'el-Sisi') is that name's word
        led = _PARTICLE_LED.match(token)
        if led and led.group(1).lower() in particles:
            token = led.group(2)
        lowered = token.lower().strip(".")
        if _INITIAL.match(token):
            continue                    # an initial ('A.' of 'A. Rahman'), not the stopword 'a'
        if not token[0].isupper() or lowered in words.stopwords or lowered in words.sections \
                or lowered in words.months or lowered in words.date_words \
                or lowered in words.byline_words or lowered in particles \
                or lowered in words.labels:
            return None
    if text.lower() in words.sections or fold_words(text) in words.outlets:
        return None
    return capitalised


def _name_shaped(text: str, words: Lexicon, below: Callable[[], str], least: int,
                 most: int) -> bool:
    """Whether a line is a name's shape (_name_words) and none of its words one the text below
    (`below`, read only then) writes in lower case."""
    capitalised = _name_words(text, words, least, most)
    if capitalised is None:
        return False
    text_below = below()
    # (an initial is no word: 'A.' of 'A. Rahman' is not the 'a' of the text)
    return not any(_everyday(token, text_below) for token in capitalised
                   if not _INITIAL.match(token))


def _date_below(doc: Document, rest: list[Line], index: int, words: Lexicon) -> bool:
    """Whether the header line rest[index] has a date right under it: a stamp the rules or this
    stage took between it and the next line with text, or that next line a stamp or a date."""
    number = rest[index].number
    nxt = next((line for line in rest[index + 1:] if line.text), None)
    limit = nxt.number if nxt is not None else number + 3
    for removal in doc.removed:
        if number < removal.line < limit and (
                "date" in removal.fields or removal.rule == "header/date"
                or _captures_date(doc, removal.rule)):
            return True
    return nxt is not None and (_stamp_date(nxt.text, words, doc.packs) is not None
                                or _is_date_line(nxt.text, words))


def _captures_date(doc: Document, rule_id: str) -> bool:
    """Whether a rule of the document's packs captures a date (a stamp's rule, whose removal
    names no field where the date was filled before)."""
    for pack in doc.packs:
        for rule in pack.rules:
            if rule.id == rule_id:
                return "date" in rule.regex.groupindex or "date2" in rule.regex.groupindex
    return False


# How much of the text under a name line is read to judge it (characters), and how many of the
# story's mentions of each of its words: enough for any article, and a giant record's 200 MB
# is neither copied whole nor searched once a mention (a word named ten thousand times).
BELOW_CHARS = 100_000
MENTIONS = 20


def _below(rest: list[Line], index: int) -> str:
    """The text under rest[index] (its first BELOW_CHARS or so), but for the lines that give an
    address ('Contact reporter Jordan Fischer at jf@...', 'Follow her on X @...'): where a
    writer is named, not the story."""
    kept, size = [], 0
    for line in rest[index + 1:]:
        if "@" in line.text:
            continue
        kept.append(line.text)
        size += len(line.text) + 1
        if size >= BELOW_CHARS:
            break
    return "\n".join(kept)


def _bare_byline(doc: Document, rest: list[Line], index: int, words: Lexicon,
                 right_after_title: bool, title: str) -> bool:
    """Take rest[index] as the writer's name (BARE_NAME_*) where it is one: right under the
    title (`right_after_title`) or with a date (or a place, then a date) under it."""
    line = rest[index]
    # the name without the titles before it ('DR AHMAD FAUZI MOHD RAZALI', a columnist's): a
    # title is none of the name's words, nor counts among them
    name = without_titles(line.text, words.honorifics)
    # (a text of no language has no pack's stopwords, months or sections to tell a name from a
    # heading by; and a line in capitals is as often a rubric, 'GIRLS BASKETBALL' over a box
    # score, as a name, 'LUCÍA MÉNDEZ': a date must stand under it)
    # (nor in a web page's text, but for a name its markup's bylines give: there a short line
    # under the title is as often one of its headings, '<h2>Perahu Hilang</h2>')
    if doc.meta["authors"] or not any(pack.kind == "lang" for pack in doc.packs) or \
            (doc.hints.get("extracted") and not _in_page_bylines(line.text, doc)) or \
            _name_words(name, words, BARE_NAME_MIN_WORDS, BARE_NAME_MAX_WORDS) is None:
        return False
    right_after_title = right_after_title and not line.text.isupper()
    below = _below(rest, index)
    if not _name_shaped(name, words, lambda: below, BARE_NAME_MIN_WORDS,
                        BARE_NAME_MAX_WORDS) or name.casefold() in below.casefold():
        return False
    dated = _date_below(doc, rest, index, words) or (
        index + 1 < len(rest)
        and _place_shaped(rest[index + 1].text, words, lambda: _below(rest, index + 1))
        and _date_below(doc, rest, index + 1, words))
    if not dated and not right_after_title:
        return False
    if _kicker_or_subject(doc, rest, index, words, title, dated, below):
        return False
    if names_no_one(name, words):
        return False
    doc.set_meta("authors", name)
    _take(doc, line, "header/name-line", "authors")
    return True


def _in_page_bylines(text: str, doc: Document) -> bool:
    """Whether a web page's markup names the line in a byline (html_clean: the page's byline
    elements' text, as hints)."""
    name = fold_words(text)
    return any(name in fold_words(byline) for byline in doc.hints.get("page_bylines", ()))


def _unaccented(text: str) -> str:
    """Text folded (fold_words) without its accents, as a url's path writes words ('copa-america'
    for 'Copa América')."""
    return "".join(c for c in unicodedata.normalize("NFKD", fold_words(text))
                   if not unicodedata.combining(c))


def _kicker_or_subject(doc: Document, rest: list[Line], index: int, words: Lexicon, title: str,
                       dated: bool, below: str) -> bool:
    """Whether a name-shaped line under the title (rest[index]) is something other than its
    writer, as the words and the document show: a place, a kicker or a rubric (a word of the
    packs' not_name_words, of their labels and kickers, not_places, or of a club, club_words:
    'Jawa Barat', 'Live Updates', 'Premier League', 'Manchester United'; or the words the url's
    path files the story under: '.../copa-america/...'); an interview's subject over its first question; the first of the headings the text goes on with
    (a list's items, 'Ben Nevis' over 'Schiehallion'); or, with no date under it, a person or a
    thing the title or the story names by one of its words ('Rishi Sunak' over 'Sunak said',
    'Hasan Basri Ismail' over 'Hasan didakwa', 'Carlos Alcaraz' under 'Alcaraz conquista ...'):
    a writer is named in neither. A column's title opening with its writer ('Jane Doe: ...')
    names the writer, not the story's subject."""
    text = rest[index].text
    # (words of three letters or more, and no name particle: 'MA' and 'BIN' are bodies in the
    # not_places of Indonesian datelines, 'Ma' and 'bin' parts of names)
    tokens = [fold_words(token.strip(".")) for token in re.split(r"[\s\-]+", text)
              if len(token.strip(".")) > 2]
    tokens = [token for token in tokens if token not in words.name_particles]
    if fold_words(text) in words.not_places or any(
            token in words.not_places or token in words.club_words or token in words.not_name_words
            for token in tokens):
        return True
    path = " ".join(re.findall(r"[^\W_]+", _unaccented(urlsplit(doc.url).path))) if doc.url else ""
    filed = " ".join(re.findall(r"[^\W_]+", _unaccented(text)))
    if path and re.search(rf"(?<!\w){re.escape(filed)}(?!\w)", path):
        return True
    lower = [line.text for line in rest[index + 1:] if line.text]
    if lower and _ASKS.search(lower[0]):
        return True
    prose = next((at for at, line in enumerate(lower) if _PROSE_END.search(line)), None)
    # (only under a headline that counts them: a writer's story may go on under headings of its
    # own, 'Dana Whitfield' over 'Rising Costs', which the same shape makes no list)
    if prose is not None and _counts_items(title, words) and any(
            not _PROSE_END.search(line) and _name_words(line, words, 1, BARE_NAME_MAX_WORDS)
            for line in lower[prose + 1:]):
        return True
    if dated:
        return False
    title_text = "" if fold_words(title).startswith(fold_words(text) + ":") else title
    for token in text.split():
        led = _PARTICLE_LED.match(token)
        word = (led.group(2) if led else token).strip(".")
        if len(word) < 3 or not word[0].isupper():
            continue
        forms = {word, word[:1] + word[1:].lower()} if word.isupper() else {word}
        # (in the story only: a headline in title case is one run of capitalised words)
        if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", title_text) for form in forms) or \
                any(_names_the_person(below, found, text, words, title_text + "\n" + below)
                    for form in forms
                    for found in islice(re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", below),
                                        MENTIONS)):
            return True
    return False


def _counts_items(title: str, words: Lexicon) -> bool:
    """Whether a headline counts a list's items: a number of two up, in digits alone ('10 Pantai
    Terindah ...', not '5.25%' or a year) or one of the packs' number_words ('Seven Scottish hills
    for a first winter walk')."""
    for token in title.split():
        token = token.strip(_CLOSERS + "\"'“‘(,:;")
        if (token.isdigit() and 2 <= int(token) <= 100) or fold_words(token) in words.number_words:
            return True
    return False


def _names_the_person(where: str, found: re.Match, name: str, words: Lexicon, text: str) -> bool:
    """Whether a word of a name line, `found` in `where` (the title or the story), names the
    line's person: unless it stands inside another full name the story gives ('José García' for
    'Ana García', 'Datuk Seri Ismail Sabri Yaakob' for 'Mohd Hafiz Ismail'), which is someone
    else. A full name there is two capitalised words or more around the word, no title, stopword
    or everyday word (_everyday: 'Prime Minister' of 'Prime Minister Sunak', where the story writes
    'the prime minister') among them, nor a sentence's first word (as often any word as a name);
    it is the line's person where its words are the line's or hold them ('Rishi Sunak' in
    'Rishi Sunak Jr'). More than BARE_NAME_MAX_WORDS such words are a phrase in title case, no
    name."""
    run = _capitalised_run(where, found, words.name_particles)
    own = {fold_words(token.strip(".")) for token in name.split()}
    kept = {fold_words(token) for token in run
            if fold_words(token) not in words.honorifics and token.lower() not in words.stopwords
            and not _everyday(token, text)}
    if not 2 <= len(kept) <= BARE_NAME_MAX_WORDS:
        return True
    return kept <= own or own <= kept


# A word of a run of capitalised words: a letter in capitals, then letters, marks, dots or
# hyphens ('Jean-Pierre', 'J.', "O'Neil").
_RUN_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")


def _capitalised_run(where: str, found: re.Match, particles: frozenset[str]) -> list[str]:
    """The capitalised words next to the one `found` in `where`, it among them, on its line: each
    side up to a punctuation mark, a word in lower case (but the packs' name particles: 'de',
    'van') or a sentence's start, whose first word is left out (any word may open a sentence)
    but for the one found."""
    before = where[:found.start()].rpartition("\n")[2]
    after = where[found.end():].partition("\n")[0]
    run = [found.group()]
    if not re.match(r"[,;:()!?\"“”«»]|\.(?:\s|$)", after):
        for token in after.split():
            bare = token.rstrip(",;:.!?)\"”»")
            if not _run_word(bare, particles):
                break
            run.append(bare)
            if bare != token:
                break
    tokens = before.split() if not before or before[-1].isspace() else []
    for at in range(len(tokens) - 1, 0, -1):
        token = tokens[at]
        if token[-1:] in ",;:.!?)\"”»" or not _run_word(token, particles) \
                or tokens[at - 1][-1:] in ".!?":
            break
        run.insert(0, token)
    # particles at either end are no part of a name
    while run and not run[0][0].isupper():
        run.pop(0)
    while run and not run[-1][0].isupper():
        run.pop()
    return run


def _run_word(token: str, particles: frozenset[str]) -> bool:
    """Whether a token is a word of a run of capitalised words: a capitalised word ('Jean-Pierre',
    'J.', "O'Neil") or a name particle of the packs' ('de', 'van', 'bin')."""
    return bool(_RUN_WORD.match(token)) and (token[0].isupper() or token in particles)


def _place_line(doc: Document, rest: list[Line], index: int, words: Lexicon) -> bool:
    """Take rest[index] as the dateline's place where it is one: one to three capitalised words
    right under a byline (this stage's name line, or a line a byline rule took) and over a date.
    A news outlet the packs list there ('Detroit Free Press' under a Gannett writer's name) is
    the source, not a place."""
    line = rest[index]
    if not line.text or (doc.meta["location"] and doc.meta["source"]) \
            or not _date_below(doc, rest, index, words):
        return False
    above = rest[index - 1] if index > 0 else None
    # the line above among those the stage met, or the title's (0): a byline removed between
    lowest = above.number if above is not None else 0
    bylined = any(
        lowest <= removal.line < line.number and removal.col == 0
        and ("authors" in removal.fields or "byline" in removal.rule
             or removal.rule == "header/name-line")
        for removal in doc.removed)
    if not bylined:
        return False
    if fold_words(line.text) in words.outlets:
        if doc.meta["source"]:
            return False
        doc.set_meta("source", line.text)
        _take(doc, line, "header/outlet-line", "source")
        return True
    if doc.meta["location"] or fold_words(line.text) in words.not_places \
            or not _place_shaped(line.text, words, str):
        return False
    doc.set_meta("location", line.text)
    _take(doc, line, "header/place-line", "location")
    return True


def _place_shaped(text: str, words: Lexicon, below: Callable[[], str]) -> bool:
    """Whether a line is a place's shape: one to PLACE_MAX_WORDS capitalised words (_name_shaped),
    after a capitalised stopword or name particle or not ('The Hague', 'La Paz', 'Le Havre': the
    article a place's name opens with, which no person's does)."""
    first, _, after = text.partition(" ")
    if after and first[:1].isupper() and (first.lower() in words.stopwords
                                          or first.lower() in words.name_particles):
        text = after
    return _name_shaped(text, words, below, 1, PLACE_MAX_WORDS)


def _byline_under_subtitle(doc: Document, rest: list[Line], index: int, words: Lexicon,
                           title: str) -> None:
    """Past a subtitle (lines no header rule holds, none of them prose: no sentence's end), a
    name line with a date under it (_bare_byline), and a place line under the name."""
    for at in range(index, min(len(rest), HEADER_SPAN)):
        text = rest[at].text
        if not text:
            continue
        if at > index and _bare_byline(doc, rest, at, words, right_after_title=False,
                                       title=title):
            if at + 1 < len(rest):
                _place_line(doc, rest, at + 1, words)
            return
        if text.rstrip(_CLOSERS).endswith((".", "!", "?", "…")):
            return
