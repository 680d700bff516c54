"""Turn captured header values into clean metadata: canonical sources, names, places and dates."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Container, Iterable, Mapping

from cleaner.dates import ENGLISH_MONTHS, MonthNames, impossible_date, normalize_date
from cleaner.document import Document
from cleaner.identify import site_host
from cleaner.lexicon import Lexicon, fold_words, lexicon, line_label, shipped_lexicon
from cleaner.matcher import search_rules
from cleaner.page_dates import format_offset, zone_named
from cleaner.page_titles import DOMAIN
from cleaner.rulefile import Pack, Rule
from cleaner.url_date import url_date
from cleaner.validity import date_span

EDGE_PUNCT = " \t-–—|:;,.()[]"


def clean_value(value: str) -> str:
    """Collapse spaces and strip separators left at the edges.

    >>> clean_value(" MOSKWA - ")
    'MOSKWA'
    """
    # str.split() splits at the characters \s matches (both ask Py_UNICODE_ISSPACE) in a
    # fraction of a regex substitution's time; the spaces it drops at the ends, strip drops.
    return " ".join(value.split()).strip(EDGE_PUNCT)


def place_name(value: str, particles: frozenset[str] = frozenset(),
               compass: frozenset[str] = frozenset(), links: frozenset[str] = frozenset()) -> str:
    """A place written in capitals ("MOSKWA") in title case, but for its words without a vowel,
    acronyms (NTT, NTB, DC), and its `particles` (the packs' name and place particles, lower
    case) inside it, which stay lower case: a word ("Termas de Rio Hondo"), a part between
    hyphens ("Port-au-Prince") or an elided one before an apostrophe ("Côte d'Ivoire"). A
    particle opening the place or a part of it after a comma, or ending it, keeps its capital
    ("La Paz", "Lake Van", "Al-Quds"), and so does one right after a word of `compass` (the
    packs' compass words, lower case), which names a place beside the one after it ("West Des
    Moines", "South El Monte"), unless it is one of `links` (the packs' place_links, lower case): a
    word of the text's own language there ties the compass word to the place that follows it
    ("West of England", "South of France"), where a foreign article opens a name; anything else
    as written. After an apostrophe only a single letter's name goes on capitalised ("O'Hare",
    "St. John's"). A place whose last word is initials keeps its last full stop ("N.Y.",
    "W.Va.", "Washington, D.C.").

    >>> place_name("MOSKWA"), place_name("BANDA ACEH"), place_name("Moskow")
    ('Moskwa', 'Banda Aceh', 'Moskow')
    >>> place_name("NTT"), place_name("WASHINGTON DC"), place_name("NEW YORK"), place_name("BAU-BAU")
    ('NTT', 'Washington DC', 'New York', 'Bau-Bau')
    >>> place_name("МОСКВА"), place_name("N.Y."), place_name("ST. LOUIS."), place_name("A.S.A.P")
    ('Москва', 'N.Y.', 'St. Louis', 'A.S.A.P')
    >>> particles = frozenset({"de", "la", "al", "au", "d'", "upon"})
    >>> place_name("TERMAS DE RIO HONDO", particles), place_name("LA PAZ", particles)
    ('Termas de Rio Hondo', 'La Paz')
    >>> place_name("RIO DE JANEIRO, BRASIL", particles), place_name("DOHA, AL KHOR", particles)
    ('Rio de Janeiro, Brasil', 'Doha, Al Khor')
    >>> place_name("LAKE VAN", particles | {"van"}), place_name("ST. JOHN'S"), place_name("O'HARE")
    ('Lake Van', "St. John's", "O'Hare")
    >>> place_name("PORT-AU-PRINCE", particles), place_name("CÔTE D’IVOIRE", particles)
    ('Port-au-Prince', 'Côte d’Ivoire')
    >>> place_name("STRATFORD-UPON-AVON", particles), place_name("AL-QUDS", particles)
    ('Stratford-upon-Avon', 'Al-Quds')
    >>> place_name("WEST DES MOINES", particles | {"des"}, frozenset({"west"})), place_name("W.VA.")
    ('West Des Moines', 'W.Va.')
    >>> place_name("SOUTH OF FRANCE", particles | {"of"}, frozenset({"south"}), frozenset({"of"}))
    'South of France'
    """
    value = _initials_stop(value, clean_value(value))
    if not value.isupper():
        return value
    words = value.split(" ")
    return " ".join(word if _acronym(word)
                    else _place_word(words, index, particles, _opens(words, index, compass, links))
                    for index, word in enumerate(words))


def _initials_stop(raw: str, value: str) -> str:
    """The cleaned place with the full stop it had when its last word is initials ("N.Y.",
    "Washington, D.C.", not "D.C"): clean_value strips it as an edge's punctuation."""
    if "." not in value or not _INITIALS.fullmatch(value.rpartition(" ")[2]):
        return value
    tail = " ".join(raw.split()).lstrip(EDGE_PUNCT)[len(value):]
    return value + "." if tail.startswith(".") else value


# Initials: single letters each before a full stop, the last one's stripped, that one of up to
# three letters ("N.Y", "D.I", "W.Va": a US state's abbreviation).
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]{1,3}")


def _opens(words: list[str], index: int, compass: frozenset[str], links: frozenset[str]) -> bool:
    """Whether a place's word opens a name: the place's first word, one after a comma, or one
    after a compass word but for a word of `links` ("Des" of "West Des Moines", not "of" of
    "West of England")."""
    if index == 0 or words[index - 1].endswith(","):
        return True
    return (words[index - 1].lower() in compass
            and words[index].split("-", 1)[0].lower() not in links)


def _place_word(words: list[str], index: int, particles: frozenset[str], opens: bool) -> str:
    """A place's word in title case, each part between its hyphens alone: a particle inside the
    place (a word of it before the part and after it) in lower case. A word that `opens` a name
    (_opens) keeps its capital, as the place's first word does."""
    parts = words[index].split("-")
    closes = index == len(words) - 1
    return "-".join(_place_part(part, particles, before=part_index > 0 or not opens,
                                after=part_index < len(parts) - 1 or not closes)
                    for part_index, part in enumerate(parts))


def _place_part(part: str, particles: frozenset[str], before: bool, after: bool) -> str:
    """A part of a place's word: a particle with a word of the place on each side in lower case,
    an elided one ("D'" of "D'IVOIRE") after a word of it, the rest in title case."""
    lowered = part.lower()
    if before and after and lowered in particles:
        return lowered
    elided = _elided(lowered, particles) if before else 0
    return lowered[:elided] + _title_word(part[elided:])


def _elided(lowered: str, particles: frozenset[str]) -> int:
    """The length of the elided particle ("d'", "l’") opening a word, its apostrophe included,
    when a name follows it; 0 if none does."""
    for index, char in enumerate(lowered[1:-1], start=1):
        if char in _APOSTROPHES:
            return index + 1 if lowered[:index] + "'" in particles else 0
    return 0


_APOSTROPHES = "'’"


def _title_word(word: str) -> str:
    """A word in title case as str.title writes it, but for a letter after an apostrophe, which
    is capitalised only after a single letter: "O'HARE" is O'Hare, "JOHN'S" is John's (not
    John'S).

    >>> [_title_word(w) for w in ("JOHN'S", "O'HARE", "BAU-BAU", "MA’RIB")]
    ["John's", "O'Hare", 'Bau-Bau', 'Ma’rib']
    """
    titled = word.title()
    if "'" not in word and "’" not in word:
        return titled
    letters = list(titled)
    for index in range(2, len(letters)):
        if letters[index - 1] in _APOSTROPHES and letters[index].isupper() \
                and not _single_letter_before(letters, index - 1):
            letters[index] = letters[index].lower()
    return "".join(letters)


def _single_letter_before(letters: list[str], apostrophe: int) -> bool:
    """Whether one letter alone, at the word's start or after a non-letter, stands before it."""
    return letters[apostrophe - 1].isalpha() and (apostrophe == 1
                                                  or not letters[apostrophe - 2].isalpha())


# A word of Latin capitals without a vowel is an acronym: "Ntt" reads wrong. (Acronyms with a
# vowel, DKI or AS, cannot be told from a short name, NEW or LOS, by their letters; a word in
# another script, МОСКВА, is a name.)
_ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-Z]+")


def _acronym(word: str) -> bool:
    return _ACRONYM.fullmatch(word) is not None


# An academic title after a name's comma, written with its dots: "S.Pd", "M.Si.", "Ph.D", "S.I.Kom"
# (edge dots are stripped before it is matched). Undotted ones ("SH", "MA") stay: they cannot be
# told from an initial or a short name.
_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,3}\.){1,3}[A-Z]?[a-z]{0,3}\.?")


def split_names(value: str, conjunctions: Iterable[str] = (),
                particles: Iterable[str] = ()) -> list[str]:
    """A name list ("A, B dan C") as separate names; a dotted academic title is no name. A
    separator inside one of the packs' name `particles` (Malay's "a/l", "a/p", "s/o", "d/o":
    son or daughter of) joins the name, in any case, wherever the particle stands; any other
    slash separates names ("Ade S/Ismet Rauf").

    >>> split_names("Kavitha a/p Ramasamy dan Tan Mei Ling", ["dan"], ["a/p"])
    ['Kavitha a/p Ramasamy', 'Tan Mei Ling']
    >>> split_names("Kavitha A/P", ["dan"], ["a/p"]), split_names("Budi S/A Rahman", ["dan"], ["a/p"])
    (['Kavitha A/P'], ['Budi S', 'A Rahman'])
    >>> split_names("Tatik Ariyani, Ade S dan Ismet Rauf", ["dan"])
    ['Tatik Ariyani', 'Ade S', 'Ismet Rauf']
    >>> split_names("Dewi Lestari, S.Pd, M.Si. dan Budi, Ph.D", ["dan"])
    ['Dewi Lestari', 'Budi']
    >>> split_names("ANA LÓPEZ Y LUIS GIL", ["y"]), split_names("Ana López Y Luis", ["y"])
    (['ANA LÓPEZ', 'LUIS GIL'], ['Ana López Y Luis'])
    >>> split_names("JANE DOE AND JOHN ROE"), split_names("DAN BROWN", ["dan"])
    (['JANE DOE', 'JOHN ROE'], ['DAN BROWN'])
    """
    # A byline in capitals writes its conjunction so too ("ANA LÓPEZ Y LUIS GIL"): one name
    # of four words, before.
    words = tuple(conjunctions) + (("AND", *(c.upper() for c in conjunctions))
                                   if value.isupper() else ())
    names = (clean_value(part) for part in _split_at(
        value, _name_separators(words), _slashed_particles(tuple(particles))))
    return [name for name in names
            if name and not ("." in name and _DEGREE.fullmatch(name + "."))]


def without_opening_conjunctions(names: list[str], conjunctions: Iterable[str] = ()) -> list[str]:
    """A byline's names without the conjunction split_names leaves opening one after a comma
    ("By Jane Doe, Tech Reporter, and John Roe" splits into "Jane Doe", "Tech Reporter" and
    "and John Roe"): "and", "&" and the language's `conjunctions`, in lower case as a list
    writes them ("Andy Roe" and "Dan Brown" keep theirs).

    >>> without_opening_conjunctions(["Jane Doe", "and John Roe", "& Mary Major", "Andy Roe",
    ...                               "dan Budi", "Dan Brown"], ["dan"])
    ['Jane Doe', 'John Roe', 'Mary Major', 'Andy Roe', 'Budi', 'Dan Brown']
    >>> without_opening_conjunctions(["JANE DOE", "AND JOHN ROE", "DAN BROWN"], ["dan"])
    ['JANE DOE', 'JOHN ROE', 'DAN BROWN']
    """
    pattern = _opening_conjunction(tuple(conjunctions))
    # (in capitals only "AND": "DAN BROWN" opening a name may be one, Dan Brown)
    shouted = _opening_conjunction(("AND", *conjunctions))
    return [stripped for name in names
            if (stripped := (shouted if name.isupper() else pattern).sub("", name, count=1))]


@lru_cache(maxsize=64)
def _opening_conjunction(conjunctions: tuple[str, ...]) -> re.Pattern:
    """A conjunction and the spaces after it opening a name: "and ", "& ", the language's."""
    words = "|".join(re.escape(w) for w in ("and", "&", *conjunctions))
    return re.compile(rf"^(?:{words})\s+")


def _split_at(value: str, separators: re.Pattern, joined: re.Pattern | None) -> list[str]:
    """`value` split at each separator that lies in none of the `joined` particles."""
    if joined is None:
        return separators.split(value)
    kept = [m.span() for m in joined.finditer(value)]
    parts, start = [], 0
    for sep in separators.finditer(value):
        if not any(left < sep.end() and sep.start() < right for left, right in kept):
            parts.append(value[start:sep.start()])
            start = sep.end()
    return [*parts, value[start:]]


@lru_cache(maxsize=64)
def _name_separators(conjunctions: tuple[str, ...]) -> re.Pattern:
    """What separates names in a list: punctuation (a slash too), "and", "&" and the language's
    conjunctions."""
    words = "|".join(re.escape(w) for w in ("and", "&", *conjunctions))
    return re.compile(rf"\s*[,;/]\s*|\s+(?:{words})\s+")


@lru_cache(maxsize=64)
def _slashed_particles(particles: tuple[str, ...]) -> re.Pattern | None:
    """The name particles holding a slash, each a word of its own in any case ("A/P", not the
    "a/p" of "Ka/pa"); None where no particle holds one."""
    slashed = sorted({p.lower() for p in particles if "/" in p}, key=len, reverse=True)
    if not slashed:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, slashed))})(?!\w)", re.IGNORECASE)


_WORD_EDGES = re.compile(r"[\s-]+")


def _not_a_person(name: str, sites: list[list[str]], words: Lexicon) -> bool:
    """Whether a byline name is a job, a desk, a degree, an agency, a user name or the site
    itself (`sites`: the site's names, each as its lower-case words). The packs' role_words
    make a piece a job, a desk or a staff ("AP Sports Writer", "CNN Editor-at-large"), their
    agencies are wire agencies, and their credentials the degrees written without dots
    ("Rachael Link, MS, RD"): only those, as a short name in capitals ("BUDI") is no degree."""
    lowered = name.lower()
    if wire_agencies((name,), words.agencies, words.agency_acronyms):
        return True         # ("Upi" is a given name, "UPI" the agency)
    if lowered.rstrip(".") in words.credentials:
        return True
    # One word all in lower case is a CMS account ("admin", "jdadmin", "kevin-r"): a person's
    # name has its capitals, or no case at all.
    if name == lowered and " " not in name and name != name.upper():
        return True
    pieces = _WORD_EDGES.split(lowered)
    if names_no_one(name, words, pieces):
        return True
    # The site's own name, a section of it ("CNN Business" on CNN) or its name without the
    # edition ("Business Insider" on Business Insider Deutschland), or its domain's name spelt
    # in words ("Harbour Gazette" on harbourgazette.example).
    spelt = "".join(pieces)
    return any(pieces[:len(site)] == site or site[:len(pieces)] == pieces
               or spelt == "".join(site) for site in sites)


def names_no_one(name: str, words: Lexicon, pieces: list[str] | None = None) -> bool:
    """Whether a byline name names no one, alone or beside a person: a job, a desk or the
    newsroom, which hold one of the packs' role_words as a word ("Tim Redaksi", "Kontributor
    Bandung", "AP Sports Writer"; "Reporteranto" is a name), or the site by its domain ("Tim
    Kompas.com"). `pieces`: the name's lower-case words, where the caller split them already.

    >>> from cleaner.rulefile import Pack
    >>> words = lexicon((Pack("id", "lang", "", role_words=frozenset({"redaksi"})),))
    >>> [names_no_one(n, words) for n in ("Tim Redaksi", "Tim Kompas.com", "Reporteranto")]
    [True, True, False]
    """
    if pieces is None:
        pieces = _WORD_EDGES.split(name.lower())
    if not words.role_words.isdisjoint(pieces):
        return True
    # A domain is one word: each is searched alone, as DOMAIN searched over a long name
    # ("a.a.a. ..." of 40 KB in a page's author tag) took quadratic time, 42 s.
    return "." in name and any(DOMAIN.search(word) is not None
                               for word in name.split() if "." in word and len(word) <= 253)


def people(names: list[str], site_names: Iterable[str] = (),
           honorifics: frozenset[str] = frozenset(), *, alone: bool = True,
           words: Lexicon | None = None) -> list[str]:
    """A byline's names without the jobs, desks, degrees, agencies, user names and site names
    that stand beside a person's name, and without the titles before it. A byline naming no
    person keeps them all (an agency, a staff) when `alone`, as a text byline is all a text
    says; a page's metadata has other readers to turn to, and with `alone` False gives none.
    `words` are the document's packs' (role words, agencies, credentials); without them, the
    shipped packs'.

    >>> people(["STEVE PEOPLES", "AP National Political Writer"])
    ['STEVE PEOPLES']
    >>> people(["Rachael Link", "MS", "RD"]), people(["Jill Disis", "CNN Business"], ["CNN"])
    (['Rachael Link'], ['Jill Disis'])
    >>> people(["Reuters"]), people(["HNN Staff"]), people(["dr. Andi Wijaya"], (), frozenset({"dr"}))
    (['Reuters'], ['HNN Staff'], ['Andi Wijaya'])
    >>> [people([name], alone=False) for name in ("Reuters", "Staff Reports", "admin")]
    [[], [], []]
    """
    names = [without_titles(name, honorifics) for name in names]
    if len(names) < 2 and alone:    # a lone name is kept, person or not
        return names
    sites = [_WORD_EDGES.split(n.lower()) for n in site_names if n]
    known = words if words is not None else shipped_lexicon()
    persons = [n for n in names if not _not_a_person(n, sites, known)]
    return persons or (names if alone else [])


def wire_agencies(names: Iterable[str], agencies: frozenset[str] | None = None,
                  acronyms: Container[str] = ()) -> list[str]:
    """The names in a byline that are wire agencies ("Reuters", "The Associated Press"), as
    written: the story's source, not its authors. `agencies`: the packs' (lower case); without
    them, the shipped packs'. An agency of `acronyms` (lower case, as Lexicon.agency_acronyms
    gives them) is one only as written in capitals: "UPI" is the agency, "Upi" a given name.

    >>> wire_agencies(["Jane Doe", "The Associated Press"])
    ['The Associated Press']
    >>> wire_agencies(["Upi", "UPI", "REUTERS", "reuters"], None, {"upi"})
    ['UPI', 'REUTERS', 'reuters']
    """
    known = agencies if agencies is not None else shipped_lexicon().agencies
    return [name for name in names
            if (lowered := name.lower()) in known and (lowered not in acronyms or name.isupper())]


def listed_outlets(names: Iterable[str], outlets: frozenset[str]) -> list[str]:
    """The names in a byline that are news outlets the packs list (`outlets`: as
    Lexicon.outlets folds them), as written: "Washington Post" and "THE NEW YORK TIMES" are, "The
    Former Mayor" is not. The byline's source, not its authors.

    >>> listed_outlets(["Jane Doe", "WASHINGTON  POST", "The Former Mayor"],
    ...                frozenset({"washington post", "the washington post"}))
    ['WASHINGTON  POST']
    """
    return [name for name in names if fold_words(name) in outlets] if outlets else []


def outlet_names_read_as_people(author: str, outlet: str | None, words: Lexicon) -> bool:
    """Whether a byline that names a listed outlet (`outlet`, the one a rule captured, or one of
    the packs' outlets among the names) names people before it, as a title-case headline ending
    in its outlet does not ('By Friday, Markets Had Recovered | Financial Times', 'By Election
    Day, Millions Will Have Voted | The Hill'): every other name is a job, a desk, a degree or an
    agency of the packs ('By Jane Doe, Staff Writer | The Hill') or reads as a person's
    (reads_as_a_persons_name); a single word only as the byline's one person ('By Sutrisno, The
    Jakarta Post'; 'By Christmas, Prices Could Fall Again' and 'By Land, Sea and Air' open
    headlines); and one stopword at most stands inside the names, between a name's first and
    last words ('Lee In Young'; 'By Air And Sea, Aid Arrives In Gaza' is a headline). A single
    word no pack lists, alone before an outlet ('By Christmas, The Independent'), reads as a
    writer known by one name. A byline naming no listed outlet is not asked.

    >>> from cleaner.rulefile import Pack
    >>> words = lexicon((Pack("xx", "lang", "outlet-names.toml", outlets=frozenset({"The Hill"}),
    ...                       stopwords=frozenset({"will", "have", "the", "in", "and"}),
    ...                       weekdays=frozenset({"friday"})),))
    >>> [outlet_names_read_as_people(a, o, words) for a, o in (
    ...     ("Jane Doe", "The Hill"), ("Sutrisno", "The Hill"), ("Friday", "The Hill"),
    ...     ("Christmas, Prices Could Fall", "The Hill"), ("Lee In Young", "The Hill"),
    ...     ("Air And Sea, Aid Arrives In Gaza", "The Hill"), ("Will Oremus, Hill", None),
    ...     ("Election Day, Millions Will Have Voted", "The Hill"), ("Land and Sea", None),
    ...     ("Jane Doe and Tom Lee", None), ("Air, Land and Sea", None))]
    [True, True, False, False, True, False, True, False, False, True, False]
    """
    if not words.outlets:
        return True
    names = split_names(author, words.conjunctions, words.name_particles)
    outlets = listed_outlets(names, words.outlets) if outlet is None else []
    persons = [name for name in names
               if name not in outlets and not _a_job_beside_a_name(name, words)]
    if outlet is None and not outlets:
        # No outlet to tell a headline by: only names that are single words all ('By Land and
        # Sea' opens a feature; 'By Jane Doe, CNN' names its writer)
        return len(persons) < 2 or any(len(name.split()) > 1 for name in persons)
    if len(persons) > 1 and any(len(name.split()) < 2 for name in persons):
        return False
    inside = 0
    for name in persons:
        if not reads_as_a_persons_name(name, words):
            return False
        pieces = name.split()
        inside += sum(0 < i < len(pieces) - 1 for i in _stopword_places(pieces, words))
    return inside <= 1


def reads_as_a_persons_name(name: str, words: Lexicon) -> bool:
    """Whether a name in capitals reads as a person's, as the header reads a labelled one: a
    single word that is no stopword, weekday, month, date word or section of the packs
    ('Sutrisno', 'IANS'; 'Friday' and 'Will' are not: a_word_names_no_one), or two words or more
    of which one at most is a stopword ('Will Oremus', 'Edward Said', 'Lee In Young'; 'Millions
    Will Have Voted' is a headline's clause) and none after the first the byline's own word
    ('Hook Or By Crook' is an idiom). The packs' name_particles are a name's ('Ursula von der
    Leyen').

    >>> from cleaner.rulefile import Pack
    >>> words = lexicon((Pack("xx", "lang", "persons-name.toml", byline_words=frozenset({"by"}),
    ...                       stopwords=frozenset({"will", "in", "have", "by"})),))
    >>> [reads_as_a_persons_name(n, words) for n in (
    ...     "Jane Doe", "Will Oremus", "Sutrisno", "Will", "Lee In Young", "Will Have",
    ...     "Hook Or By Crook", "")]
    [True, True, True, False, True, False, False, False]
    """
    pieces = name.split()
    if len(pieces) < 2:
        return bool(pieces) and not a_word_names_no_one(pieces[0], words)
    return (len(_stopword_places(pieces, words)) <= 1
            and words.byline_words.isdisjoint(piece.lower() for piece in pieces[1:]))


def _stopword_places(pieces: list[str], words: Lexicon) -> list[int]:
    """Where a name's words are the packs' stopwords, its name_particles aside ('de', 'van')."""
    return [i for i, piece in enumerate(pieces)
            if (lowered := piece.lower()) not in words.name_particles
            and lowered.strip(".") in words.stopwords]


def a_word_names_no_one(word: str, words: Lexicon) -> bool:
    """Whether a single word is, by the packs, no one's name: a stopword, a weekday or date
    word, a month (the packs' and the English ones every run knows) or a section ('Friday',
    'Will', 'March'; 'Sutrisno' and 'Fardah' are names).

    >>> from cleaner.rulefile import Pack
    >>> words = lexicon((Pack("xx", "lang", "word-names.toml", stopwords=frozenset({"will"}),
    ...                       weekdays=frozenset({"friday"})),))
    >>> [a_word_names_no_one(w, words) for w in ("Friday", "WILL", "March", "Sutrisno")]
    [True, True, True, False]
    """
    lowered = word.lower().strip(".")
    return (lowered in words.stopwords or lowered in words.date_words
            or lowered in words.months or lowered in ENGLISH_MONTHS or lowered in words.sections)


def editor_names(editor: str, words: Lexicon) -> list[str]:
    """The names of an editor's line that may be people's: none one of the packs' not_names
    ('Editor: Me', 'Editor: Thanks.') nor a single word that is one of their stopwords, date
    words or sections ('Editor: Will', 'Editor: Updated'; 'Editor: Fardah' and 'Editor: Agus.'
    name a person; a weekday is a date word). A month is a name here: Mei, Juni and April are
    given names, and a label before one says it names a person.

    >>> from cleaner.rulefile import Pack
    >>> words = lexicon((Pack("xx", "lang", "editor-names.toml", stopwords=frozenset({"will"}),
    ...                       weekdays=frozenset({"friday"}), date_words=frozenset({"updated"}),
    ...                       not_names=frozenset({"me", "thank you"})),))
    >>> [editor_names(e, words) for e in ("Will", "Fardah.", "Friday", "Updated", "Will, Jane Doe")]
    [[], ['Fardah'], [], [], ['Jane Doe']]
    >>> [editor_names(e, words) for e in ("Me", "Thank You.", "Jane Doe, Me")]
    [[], [], ['Jane Doe']]
    """
    return [name for name in split_names(editor, words.conjunctions, words.name_particles)
            if not _names_no_one_after_a_label(name, words)]


def _names_no_one_after_a_label(name: str, words: Lexicon) -> bool:
    """Whether a name after an editor's label is no one's (editor_names): one of the packs'
    not_names, of any length ('Editor: Me', 'Editor: Thank You'), or a single word that is one
    of their stopwords, date words or sections, or a lone letter with a case ('Editor: I': an
    initial alone names no one; a letter of a script without case may be a whole name)."""
    if words.not_names and fold_words(name).strip(EDGE_PUNCT) in words.not_names:
        return True
    if " " in name:
        return False
    folded = name.strip(".").lower()
    if len(folded) == 1 and folded != folded.upper():
        return True
    return folded in words.stopwords or folded in words.date_words or folded in words.sections


def speakers_turns(texts: Iterable[str], editor_labels: Container[str],
                   words: Lexicon | None = None) -> bool:
    """Whether a document's lines (`texts`) are an interview's transcript in which an editor's
    label names a speaker: lines opening with one of `editor_labels` (lower case) and a colon,
    saying different things, take turns with another speaker's label, and a turn goes on in
    speech, a word in lower case ('Writer: It started with a letter.'). There 'Editor: Thanks.'
    and 'Editor: Me' are turns of the dialogue, not credits.

    A label of a credit, a caption, a link or a source is no speaker's (`words`, the shipped
    packs' without it: their author labels and the labels of the lines their rules remove,
    'Pewarta:', 'Foto:', 'Baca juga:'), and the other speaker answers twice, alternating with
    the editor ('Editor: ...' / 'Writer: ...' / 'Editor: ...' / 'Writer: ...'), or once to an
    editor's turn that names no one ('Thanks.'): two credits naming people, around a caption
    or a note, are no dialogue, nor is a credit repeated at the top and the bottom.

    >>> lines = ["Editor: Me", "Writer: It started with a letter.", "Editor: Thanks."]
    >>> speakers_turns(lines, {"editor"}), speakers_turns(lines[:2], {"editor"})
    (True, False)
    >>> speakers_turns(["Editor: Jane Doe", "Note: we walk by", "Editor: John Roe"], {"editor"})
    False
    """
    words = shipped_lexicon() if words is None else words
    # The turns by the editor's lines: what each said, and the speakers' labels before it.
    said: list[str] = []
    before: list[set[str]] = [set()]
    speech = False
    for text in texts:
        labelled = line_label(text)
        if labelled is None:
            continue
        label, rest = labelled
        if label in editor_labels:
            said.append(rest)
            before.append(set())
        elif label in words.credit_labels or label in words.author_labels:
            continue
        else:
            before[-1].add(label)
        speech = speech or any(word.islower() for word in rest.split())
    return speech and any(_answered(said, before, turn, words) for turn in range(1, len(said)))


def _answered(said: list[str], before: list[set[str]], turn: int, words: Lexicon) -> bool:
    """Whether the editor's turn `turn` (speakers_turns) follows another speaker's answer to the
    one before it, saying something else: that speaker answers too before the one before it or
    after this one, or one of the two turns names no one."""
    between = before[turn]
    if not between or _said_as(said[turn - 1]) == _said_as(said[turn]):
        return False
    return (bool(between & (before[turn - 1] | before[turn + 1]))
            or _turn_names_no_one(said[turn - 1], words) or _turn_names_no_one(said[turn], words))


def _said_as(rest: str) -> str:
    """What an editor's line says, as two of its lines are compared: 'Jane Doe' is 'JANE DOE.'."""
    return " ".join(rest.split()).strip(".").casefold()


def _turn_names_no_one(rest: str, words: Lexicon) -> bool:
    """Whether an editor's line says something that names no one ('Thanks.', 'Me')."""
    return bool(rest.strip(EDGE_PUNCT)) and not editor_names(rest, words)


_TRANSCRIPTS_KEPT = 4
# reads_as_transcript's last answers: (text, words, answer), the latest first.
_transcripts: list[tuple[str, Lexicon, bool]] = []


def reads_as_transcript(text: str, words: Lexicon) -> bool:
    """Whether a document's text is an interview's transcript (speakers_turns by its packs'
    `words`), read once per text: each editor's hit of a document asks, and a scan of every
    line for each of them costs a long document dearly."""
    for seen, seen_words, answer in _transcripts:
        if seen_words is words and seen == text:
            return answer
    answer = speakers_turns(text.split("\n"), words.editor_labels, words)
    _transcripts.insert(0, (text, words, answer))
    del _transcripts[_TRANSCRIPTS_KEPT:]
    return answer


# A rule that takes this many lines of a document whole, each a date, takes a list of dates: a
# timeline's headings ('March 3, 2024' / <what happened> / 'March 5, 2024' / ...), not a stamp,
# which a page writes once, or twice ('Published ...' / 'Updated ...').
LISTED_DATES = 3
# A timeline's date heading is short: a date, a weekday, a time ('Selasa, 29 Oktober 2024 pukul
# 14.30 WIB' is 36 characters).
LISTED_DATE_CHARS = 80
_DIGIT = re.compile(r"\d")


def dates_listed(text: str, rule: Rule) -> bool:
    r"""Whether a rule that captures a date takes LISTED_DATES lines of the text or more whole
    (a timeline's dates, each a heading: its first went to meta.date, and every one left the
    text).

    >>> from cleaner.rulefile import load_packs
    >>> [rule] = [r for p in load_packs() for r in p.rules if r.id == "chrome/date-line"]
    >>> timeline = "March 3, 2024\nPumps failed.\nMarch 5, 2024\nA notice.\nMarch 9, 2024\nEnd."
    >>> dates_listed(timeline, rule), dates_listed(timeline.split("\nMarch 9")[0], rule)
    (True, False)
    """
    # (asked at every dated document's stamp: only short lines with a digit can be one, and
    # most documents have too few of them to be asked further)
    short = [line for raw in text.split("\n")
             if len(line := raw.strip()) <= LISTED_DATE_CHARS and _DIGIT.search(line)]
    if len(short) < LISTED_DATES:
        return False
    whole = 0
    for line in short:
        found = search_rules(line, [rule])
        if found is not None and found.at == 0 and found.end == len(line):
            whole += 1
            if whole >= LISTED_DATES:
                return True
    return False


def speakers_label(lines: Iterable[str], place: str, words: Lexicon) -> bool:
    """Whether a place a dateline captured opens two lines or more of a document as a label,
    another speaker's label opening a line between them: a transcript's turns, where the place
    is a speaker's name ('MARTIN: ...' / 'HOUSTON: The city's pumps failed ...' / 'MARTIN:
    Thank you.' / 'HOUSTON: You're welcome.'). A credit's or a byline's label is no speaker's.

    >>> turns = ["PARIS: I never wanted to sing.", "LINCOLN: So what changed?",
    ...          "PARIS: My mother sent a tape."]
    >>> speakers_label(turns, "PARIS", shipped_lexicon())
    True
    >>> speakers_label(["PARIS: The talks opened.", "Foto: AFP", "PARIS: Later, ..."], "Paris",
    ...                shipped_lexicon())
    False
    """
    label = " ".join(place.split()).lower()
    turns, between = 0, False
    for text in lines:
        found = line_label(text)
        if found is None:
            continue
        if found[0] == label:
            if turns and between:
                return True
            turns, between = turns + 1, False
        elif found[0] not in words.credit_labels and found[0] not in words.author_labels:
            between = True
    return False


# A line opening with a label in capitals and a dash, as a dateline does ('BANDUNG - Hujan').
_DASHED_LABEL = re.compile(r"([^\W\d_][^\W\d_ .'\u2019-]*(?: [^\W\d_][^\W\d_.'\u2019-]*){0,3})"
                           r" [-\u2013\u2014] \S")


# Lines in a row, each opening with a place in capitals and a dash, that make a list by place:
# two are a dateline and a paragraph opening with a country's name ('CAMPINAS – A prefeitura
# ...' / 'EUA – O governo americano ...').
LISTED_PLACES = 3


def places_listed(text: str, place: str) -> bool:
    """Whether a place a dateline captured opens one of LISTED_PLACES lines or more in a row of
    a text that each open with a place in capitals and a dash: a list by place, a forecast's or
    a roundup's ('JAKARTA - Cerah.' / 'BANDUNG - Hujan.' / 'SURABAYA - Cerah.'), whose first
    place is no dateline of the whole text.

    >>> forecast = "Prakiraan:\\nJAKARTA - Cerah.\\n\\nBANDUNG - Hujan.\\nBOGOR - Hujan."
    >>> places_listed(forecast, "Jakarta"), places_listed(forecast[:-15], "Jakarta")
    (True, False)
    """
    label = " ".join(place.split()).upper()
    # (asked at every dateline: only the lines around the first line the place opens in
    # capitals are read, not the whole text)
    at = text.find(label)
    while at > 0 and text[at - 1] != "\n":
        at = text.find(label, at + 1)
    if at < 0:
        return False
    run: list[str] = []
    for raw in _lines_around(text, at):
        line = raw.strip()
        if not line:
            continue
        found = _DASHED_LABEL.match(line)
        if found is not None and found.group(1).isupper():
            run.append(found.group(1))
            continue
        if len(run) >= LISTED_PLACES and label in run:
            return True
        run = []
    return len(run) >= LISTED_PLACES and label in run


# How far around a place or a name places_listed and in_info_box read a text, each way: a list's
# or a box's lines are short.
AROUND_CHARS = 2000


def _lines_around(text: str, at: int) -> list[str]:
    """The lines of a text within AROUND_CHARS of `at`, whole: the first and the last may be
    cut short, and are left out where they are.

    >>> _lines_around("a\\nb\\nc", 2)
    ['a', 'b', 'c']
    """
    start, end = max(0, at - AROUND_CHARS), at + AROUND_CHARS
    lines = text[start:end].split("\n")
    if start > 0:
        lines = lines[1:]
    if end < len(text):
        lines = lines[:-1]
    return lines


def in_info_box(text: str, name: str, words: Lexicon) -> bool:
    """Whether a name a byline label gave is on a labelled line of a text beside a line of an
    info box (the packs' info_box_labels): a reviewed book's author, not the article's.

    >>> box = "Judul: Laut yang Tak Pernah Tidur\\nPenulis: Ratna Dewi\\n\\nNovel ketiga ..."
    >>> in_info_box(box, "Ratna Dewi", shipped_lexicon())
    True
    >>> in_info_box("Penulis: Ratna Dewi\\nEditor: Andi", "Ratna Dewi", shipped_lexicon())
    False
    """
    labels = words.info_box_labels
    # (asked at every author a label gave: only the lines around the name are read)
    at = text.find(name) if labels else -1
    while at >= 0:
        lines = [line for raw in _lines_around(text, at) if (line := raw.strip())]
        for index, line in enumerate(lines):
            if name not in line or line_label(line) is None:
                continue
            for near in lines[max(0, index - 1):index] + lines[index + 1:index + 2]:
                found = line_label(near)
                if found is not None and found[0] in labels:
                    return True
        at = text.find(name, at + AROUND_CHARS)
    return False


def editors_read_as_people(editor: str, words: Lexicon) -> bool:
    """Whether an editor line names someone, as editor_names reads it ('Editor: Will' is no
    credit; 'Editor: Fardah' and 'Editor: Jane Doe, Will' are: the names that are no one's are
    dropped from the editors)."""
    return bool(editor_names(editor, words))


def _a_job_beside_a_name(name: str, words: Lexicon) -> bool:
    """Whether a byline's name is a job, a desk, a degree or a wire agency of the packs: what
    stands beside a person's name before an outlet ('Staff Writer', 'MS', 'AP')."""
    return (names_no_one(name, words) or name.lower().rstrip(".") in words.credentials
            or bool(wire_agencies((name,), words.agencies, words.agency_acronyms)))


def without_titles(name: str, honorifics: frozenset[str]) -> str:
    """A name without the titles before it (the packs' honorifics, lower case), only the name:
    "dr. Andi Wijaya" is Andi Wijaya. A title ends at its dot or a space ("Drew" and "Irfan" are
    names); a one-letter title needs its dot and a word after it, as "H Sutrisno" and "H. G.
    Wells" open with initials. A name that is only titles, or titles before a single word, is
    kept as it is: "Dr. Dre" and "Prof. Budi" are known by both.

    >>> titles = frozenset({"dr", "prof", "ir", "h"})
    >>> without_titles("dr. Andi Wijaya", titles), without_titles("Prof. Dr. Ir. Budi", titles)
    ('Andi Wijaya', 'Prof. Dr. Ir. Budi')
    >>> without_titles("Ahmad H. Putra", titles), without_titles("H. G. Wells", titles)
    ('Ahmad H. Putra', 'H. G. Wells')
    >>> without_titles("Prof. Dr.", titles), without_titles("Drew Roe", titles)
    ('Prof. Dr.', 'Drew Roe')
    """
    if not honorifics:
        return name
    title = _title_pattern(honorifics)
    rest = name
    while (found := title.match(rest)) is not None:
        initial = len(found.group().rstrip(". ")) == 1
        if not (_AFTER_INITIAL if initial else _AFTER_TITLE).match(rest, found.end()):
            break
        rest = rest[found.end():]
    # Titles alone ("Dr.", "Prof. Dr.") or before one word ("Dr. Oz"): the byline's value as it
    # is, as a lone name is kept.
    return name if len(rest.split()) < 2 or title.fullmatch(rest + " ") else rest


# What follows a title: a name, or another title. After a one-letter title only a word: "H. G.
# Wells" is two initials, where "Dr. A. Wijaya" is a doctor with an initial.
_AFTER_TITLE = re.compile(r"[^\W\d_]")
_AFTER_INITIAL = re.compile(r"[^\W\d_]{2}")


@lru_cache(maxsize=64)
def _title_pattern(honorifics: frozenset[str]) -> re.Pattern:
    """The pattern of a title before a name, made of a pack combination's honorifics."""
    words = sorted((w for w in honorifics if len(w) > 1), key=len, reverse=True)
    letters = sorted(w for w in honorifics if len(w) == 1)
    parts = []
    if words:
        parts.append(rf"(?:{'|'.join(map(re.escape, words))})(?:\.\s*|\s+)")
    if letters:
        parts.append(rf"[{''.join(map(re.escape, letters))}]\.\s*")
    return re.compile("|".join(parts), re.IGNORECASE)


def rule_date(raw: str, rule_id: str, months: Mapping[str, int] | None = None,
              known: tuple[date, date] | None = None) -> tuple[str | None, dict[str, str] | None]:
    """The meta.date a rule's captured date gives, and the flag for one this cleaner cannot
    read: ISO 8601 where it reads it; None for a day or time the calendar lacks (31 February,
    hour 25), which fills no date; the text as written for a date in a form the cleaner does
    not read, as an input date is kept. A day and a month with no year ('12 de marzo', a
    WordPress theme's stamp) take the year that puts them nearest the days the document's
    input date or url gives (`known`: 2024-01 and '31 de diciembre' is 2023-12-31); without
    those they fill nothing, unflagged.

    >>> rule_date("2016-02-31", "r")[0] is None, rule_date("2016-02", "r")
    (True, ('2016-02', None))
    >>> rule_date(" kemarin ", "r")[0]
    'kemarin'
    >>> rule_date("12 March", "r", known=(date(2024, 3, 1), date(2024, 3, 31)))
    ('2024-03-12', None)
    >>> rule_date("31 December", "r", known=(date(2024, 1, 3), date(2024, 1, 3)))
    ('2023-12-31', None)
    >>> rule_date("12 March", "r")
    (None, None)
    """
    value = normalize_date(raw, months)
    text = clean_value(raw)
    if value is not None or not text:
        return value or text, None
    if not _YEAR.search(raw) and normalize_date(f"{raw} 2000", months) is not None:
        return _nearest_year(raw, months, known), None
    shown = repr(raw.strip()[:80])
    if impossible_date(raw, months):
        return None, {"flag": "unreadable-date",
                      "reason": f"rule {rule_id} captured the date {shown}, a day or time the "
                                "calendar does not have: it fills no meta.date (the text is "
                                "removed all the same)"}
    return text, {"flag": "unreadable-date",
                  "reason": f"rule {rule_id} captured the date {shown}, in a form this cleaner "
                            "does not read: kept as written where it fills meta.date"}


# A year a date writes: four digits alone.
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _nearest_year(raw: str, months: Mapping[str, int] | None,
                  known: tuple[date, date] | None) -> str | None:
    """A day and a month with no year read in the year, of the known days' own and the ones
    around them, that puts them nearest those days; None without known days."""
    if known is None:
        return None
    first, last = known
    best: tuple[int, str] | None = None
    for year in range(first.year - 1, last.year + 2):
        value = normalize_date(f"{raw} {year}", months)
        if value is None:
            continue
        day = date.fromisoformat(value[:10])
        away = (first - day).days if day < first else (day - last).days if day > last else 0
        if best is None or away < best[0]:
            best = (away, value)
    return best[1] if best else None


def known_days(doc: Document, months: Mapping[str, int] | None = None
               ) -> tuple[date, date] | None:
    """The days a document's input date covers, else its url's: what a date written with no year
    is read against (None without either)."""
    raw = doc.hints.get("date")
    read = normalize_date(raw, months) if isinstance(raw, str) else None
    return date_span(read or url_date(doc.url))


def rule_months(months: MonthNames, rule: Rule, packs: Iterable[Pack]) -> MonthNames:
    """The months a rule's captured date is read with: the document's (`months`, whose order is
    its site pack's `date_order`, else day first), in the rule's own `date_order` where it gives
    one, unless its document's site pack gives one too and the rule is not that pack's: the
    site says how its pages write dates, over a language or common rule's guess from the form it
    matches (en/stamp-byline-us reads a US stamp month first, a British site's day first); a site's
    own rule says how its own form reads, over its pack.

    >>> months = MonthNames()
    >>> site = Pack(id="uk.example", kind="site", path="s.toml", date_order="day-first")
    >>> rule = Rule(id="en/r", action="meta", pattern="x", pack="en", date_order="month-first")
    >>> rule_months(months, rule, []).month_first, rule_months(months, rule, [site]).month_first
    (True, False)
    """
    if not rule.date_order:
        return months
    site = next((pack for pack in packs if pack.kind == "site"), None)
    if site is not None and site.date_order and rule.pack != site.id:
        return months
    return months.in_order(rule.date_order == "month-first")


# A rule's date-time as normalize_date gives it with no offset: "2024-10-14T11:25".
_UNZONED_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?")


def site_zoned(value: str, packs: Iterable[Pack]) -> str:
    """A rule's date-time with no offset, in the zone its document's site pack names: CNBC
    Indonesia's header '14 October 2024 11:25' writes no zone, and its time is WIB by the
    site's convention. Only the site pack's own `timezone` (the first site pack's): a language
    pack's sites write their times in other zones too, and there an unmarked time stays as
    written; so do a date with an offset, a day alone, and a zone the tz database lacks.

    >>> site = Pack(id="s", kind="site", path="s.toml", timezone="Asia/Jakarta")
    >>> site_zoned("2024-10-14T11:25", [site]), site_zoned("2024-10-14T11:25+08:00", [site])
    ('2024-10-14T11:25+07:00', '2024-10-14T11:25+08:00')
    >>> site_zoned("2024-10-14T11:25", [Pack(id="id", kind="lang", path="id.toml",
    ...                                      timezone="Asia/Jakarta")])
    '2024-10-14T11:25'
    """
    found = _UNZONED_TIME.fullmatch(value)
    if found is None:
        return value
    # The document's own site pack: the first (packs go most specific first).
    site = next((pack for pack in packs if pack.kind == "site"), None)
    zone = zone_named(site.timezone) if site is not None else None
    if zone is None:
        return value
    year, month, day, hour, minute, second = (int(part or 0) for part in found.groups())
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return value
    return value + format_offset(local)


def names_no_place(value: str, words: Lexicon) -> bool:
    """Whether a place a rule captured is none: its first words, whole, are one of the packs'
    not_places, a label or an institution ("BREAKING NEWS"; "BAWASLU JAWA TIMUR", a province's
    office), compared as fold_words writes both ("ＫＰＫ" is KPK).

    >>> from cleaner.rulefile import Pack
    >>> listed = frozenset({"kpk", "breaking news"})
    >>> words = lexicon((Pack("id", "lang", "not-places.toml", not_places=listed),))
    >>> [names_no_place(v, words) for v in ("KPK", "KPK JAWA TIMUR", "BREAKING NEWS", "BREAKING")]
    [True, True, True, False]
    """
    if not words.not_places:
        return False
    answers = words.place_answers
    answer = answers.get(value)
    if answer is None:
        answer = _opens_with_listed(value, words.not_places, words.not_place_words)
        # Only short places are kept, and a few thousand: hostile captures fill no memory.
        if len(value) <= _ANSWER_CHARS and len(answers) < _ANSWERS_KEPT:
            answers[value] = answer
    return answer


_ANSWER_CHARS = 64
_ANSWERS_KEPT = 4096


def _opens_with_listed(value: str, listed: frozenset[str], most: int) -> bool:
    """Whether the value's first word, or its first two... up to `most` (as many as the longest
    listed one has: a long value is not split word by word), folded, is `listed`."""
    text = fold_words(value).strip(EDGE_PUNCT)
    end = -1
    for _ in range(most):
        end = text.find(" ", end + 1)
        if end < 0:
            return text in listed
        if text[:end] in listed:
            return True
    return False


def names_no_town(value: str, words: Lexicon) -> bool:
    """Whether the words after a place word that a rule captured as its `town` ('KAMPUNG DIGI'
    gives 'DIGI') are no town's: one of them is a club's word (the packs' club_words: 'KUALA
    LUMPUR CITY' is a football club), or, not being one of the packs' verb_towns nor in one
    listed whole, one reads as a verb (`reads_as_verb`: 'SUNGAI DICEMARI SISA TOKSIK',
    'KAMPUNG BARU DILANDA BANJIR' and 'PULAU PINANG MENGHADAPI KRISIS' are headlines).

    >>> from cleaner.rulefile import Pack
    >>> pack = Pack("ms", "lang", "ms.toml", verb_prefixes=frozenset({"ber", "me"}),
    ...             verb_suffixes=frozenset({"kan", "i"}), passive_prefixes=frozenset({"di"}),
    ...             verb_towns=frozenset({"memali", "seri menanti"}), vowels=frozenset("aeiou"),
    ...             passive_stem_syllables=2, club_words=frozenset({"fc", "city"}))
    >>> words = lexicon((pack,))
    >>> [names_no_town(v, words) for v in ("DILANDA BANJIR", "LUMPUR CITY", "MEMALI", "DIN",
    ...                                    "BARU DILANDA", "SERI MENANTI", "DIPANG",
    ...                                    "PINANG MENGHADAPI", "MENANTI")]
    [True, True, False, False, True, False, False, True, True]
    """
    answers = words.town_answers
    answer = answers.get(value)
    if answer is None:
        answer = _reads_as_no_town(fold_words(value).split(" "), words)
        # As names_no_place keeps its answers: towns repeat ('LUMPUR', 'BHARU'), hostile ones
        # fill no memory.
        if len(value) <= _ANSWER_CHARS and len(answers) < _ANSWERS_KEPT:
            answers[value] = answer
    return answer


def _reads_as_no_town(names: list[str], words: Lexicon) -> bool:
    """Whether a captured town's words (folded) name a club or open a headline, as
    names_no_town tells."""
    if any(name in words.club_words for name in names):
        return True
    # A headline's verb follows the place word ('KAMPUNG DILANDA BANJIR') or its subject
    # ('KAMPUNG BARU DILANDA BANJIR', 'PULAU PINANG MENGHADAPI KRISIS'): every word is read for
    # a verb's shape, active or passive. A town shaped as one is listed, alone ('DIGI') or whole
    # ('SERI MENANTI': 'MENANTI' alone, awaiting, is a verb).
    return any(name not in words.verb_towns and reads_as_verb(name, words)
               and not _in_a_listed_town(names, index, words.verb_towns)
               for index, name in enumerate(names))


def _in_a_listed_town(names: list[str], index: int, towns: frozenset[str]) -> bool:
    """Whether the word at `index` of a town's words stands in one of the listed `towns` of two
    words or more ('seri menanti'), whole among them. Asked only of a word shaped as a verb."""
    for town in towns:
        if " " not in town:
            continue
        parts = town.split(" ")
        for start in range(max(index - len(parts) + 1, 0), index + 1):
            if names[start:start + len(parts)] == parts:
                return True
    return False


# Letters a verb's stem has at least, between its affixes: 'DIN' and 'DIAN' (names) and 'DIGI'
# open with di- as a passive verb does, with too few letters after it for one ('DITUTUP' has 5).
_STEM_LETTERS = 3


def reads_as_passive(word: str, words: Lexicon) -> bool:
    """Whether a word (lower case) is shaped as the packs' passive verbs are: it opens with one
    of their passive_prefixes and closes with one of their verb_suffixes, a stem of three letters
    or more between ('dicemari'), or has a stem of the packs' passive_stem_syllables or more
    after it, syllables counted by the packs' vowels ('dilanda' with two; a stem of one,
    'dipang' and 'dimong', is a town's), or its stem is one of the packs' passive_stems ('dibom').
    After a prefix closing on a consonant (ter-) the stem opens with a consonant ('terjejas';
    'terengganu' and 'terong' are towns). A pack without a count or vowels has no rule of
    syllables.

    >>> from cleaner.rulefile import Pack
    >>> pack = Pack("ms", "lang", "passive.toml", verb_suffixes=frozenset({"i"}),
    ...             passive_prefixes=frozenset({"di", "ter"}), vowels=frozenset("aeiou"),
    ...             passive_stem_syllables=2, passive_stems=frozenset({"bom"}))
    >>> words = lexicon((pack,))
    >>> [reads_as_passive(w, words) for w in ("dilanda", "dibuka", "dicemari", "dipang", "dian",
    ...                                       "dibom", "dibomb", "terjejas", "terengganu")]
    [True, True, True, False, False, True, False, True, False]
    """
    # Most words open with no prefix: startswith of the whole tuple tells them at once.
    if not word.startswith(words.passive_prefixes):
        return False
    syllables, vowels = words.passive_stem_syllables, words.vowels
    for prefix in words.passive_prefixes:
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix):]
        # After a prefix closing on a consonant, a vowel makes that consonant the next
        # syllable's: 'TERENGGANU' reads te-reng-ga-nu, no ter- verb ('TERJEJAS' is one).
        if stem[:1] in vowels and prefix[-1] not in vowels:
            continue
        if stem in words.passive_stems:
            return True
        if len(stem) < _STEM_LETTERS:
            continue
        if (syllables and vowels and sum(letter in vowels for letter in stem) >= syllables) \
                or any(stem.endswith(suffix) and len(stem) >= len(suffix) + _STEM_LETTERS
                       for suffix in words.verb_suffixes):
            return True
    return False


def reads_as_verb(word: str, words: Lexicon) -> bool:
    """Whether a word (lower case) is shaped as the packs' verbs are: a passive one
    (`reads_as_passive`: 'dilanda'), or it opens with one of their verb_prefixes and closes with
    one of their verb_suffixes ('bersatukan'), with a stem of three letters or more between.

    >>> from cleaner.rulefile import Pack
    >>> pack = Pack("ms", "lang", "ms.toml", verb_prefixes=frozenset({"ber"}),
    ...             verb_suffixes=frozenset({"kan"}), passive_prefixes=frozenset({"di"}))
    >>> words = lexicon((pack,))
    >>> [reads_as_verb(w, words) for w in ("dilanda", "bersatukan", "berang", "din", "bekan",
    ...                                    "dimong")]
    [True, True, False, False, False, False]
    """
    size = len(word)
    if reads_as_passive(word, words):
        return True
    if not (word.startswith(words.verb_prefixes) and word.endswith(words.verb_suffixes)):
        return False
    return any(word.startswith(prefix) and word.endswith(suffix)
               and size >= len(prefix) + len(suffix) + _STEM_LETTERS
               for prefix in words.verb_prefixes for suffix in words.verb_suffixes)


def _site_names(packs: tuple[Pack, ...]) -> tuple[str, ...]:
    """The names of the document's site (its site pack's name and aliases, then each domain's
    name: "harbourgazette" of "www.harbourgazette.example"), if it has one."""
    site = next((pack for pack in packs if pack.kind == "site"), None)
    return (site.name, *site.aliases, *map(domain_name, site.domains)) if site else ()


def _byline_site_names(doc: Document) -> tuple[str, ...]:
    """The site's names a byline may give beside its writers: its pack's (_site_names), and
    its url's host's name where no pack serves it ("Harbour Gazette" is no writer on
    harbourgazette.example)."""
    names = _site_names(doc.packs)
    host = site_host(doc.url)
    return (*names, domain_name(host)) if host else names


def names_the_site(name: str, sites: tuple[str, ...], words: Lexicon) -> bool:
    """Whether a byline's outlet is the document's own site, by one of `sites` (the names
    _byline_site_names gives), an article (a stopword of the packs) before it or not: 'The
    Harbour Gazette' on harbourgazette.example, which no pack lists among its outlets.

    >>> from cleaner.rulefile import Pack
    >>> doc = Document("a", "", url="https://www.harbourgazette.example/a")
    >>> words = lexicon((Pack("xx", "lang", "site-names.toml", stopwords=frozenset({"the"})),))
    >>> [names_the_site(n, _byline_site_names(doc), words)
    ...  for n in ("The Harbour Gazette", "HARBOUR GAZETTE", "The Former Mayor", "The")]
    [True, True, False, False]
    """
    pieces = _WORD_EDGES.split(fold_words(name))
    if len(pieces) > 1 and pieces[0] in words.stopwords:
        pieces = pieces[1:]
    spelt = "".join(pieces)
    return any(spelt == "".join(_WORD_EDGES.split(site.lower())) for site in sites)


def domain_name(domain: str) -> str:
    """A domain's own name, its longest label: a country's second level ("co.id") and a
    section's host ("en.", "juara.") are shorter than the name in the cases packs hold.

    >>> [domain_name(d) for d in ("www.harbour.example", "kontan.co.id", "en.antaranews.com")]
    ['harbour', 'kontan', 'antaranews']
    """
    return max(domain.split("."), key=len)


def _title_words(text: str) -> str:
    """A title's words in lower case, without punctuation: how a captured title is compared
    with the input's."""
    return " ".join(re.findall(r"\w+", text.lower()))


def title_taken(doc: Document, hit) -> bool:
    """Whether a meta rule's hit capturing a title comes where the document has its title
    already: a field holds one value, so the second title would be removed with no field to
    keep it. The line is then searched without the rule, and the words stay the text's. The
    title is taken
    - by an earlier rule's hit (doc.meta);
    - by the input: its title (doc.hints, which meta takes only after the rules,
      Cleaner._fill_meta) wins over a headline of other words ('Merdeka.com - Kado Indah Untuk
      Totti' under the title field 'Hasil Pertandingan AS Roma Vs Genoa Skor 3-2');
    - by a line with text above the hit's: the header stage takes a headline opening the text
      as the title ('Hasil Pertandingan ...' over 'Merdeka.com - Kado Indah Untuk Totti'), and
      a line above that is none makes the hit's line no headline of the text's. Lines the rules
      emptied above it (a date stamp) do not count."""
    if hit.rule.action != "meta":
        return False
    if doc.meta.get("title") is not None:
        return True
    captured = hit.values.get("title") or ""
    given = doc.hints.get("title")
    if given is not None and _title_words(given) != _title_words(captured):
        return True
    return not _opens_the_text(doc, hit, captured)


def _opens_the_text(doc: Document, hit, captured: str) -> bool:
    """Whether the hit is on the first line with text the rules have left (lines above are
    searched first, and a line they removed is empty): the line is long enough for the match
    and holds the captured title after its start. A line of other words above it, or the same
    headline alone above its dateline, is the text's opening instead."""
    first = next((line for line in doc.lines if line.text), None)
    return (first is not None and len(first.text) >= hit.end
            and captured in first.text[hit.at:])


class MetaSink:
    """Writes the values a meta rule captured into a document's meta, normalized."""

    def __init__(self, packs: Iterable[Pack]):
        # Every spelling of a publisher ("TRIBUNNEWS.COM", "tribunnews.com") -> its pack name,
        # and of a listed wire agency ("BERNAMA", "bernama") -> the pack's spelling of it: one
        # source, one spelling. A site pack's name wins over an agency's (antaranews.com's).
        packs = tuple(packs)
        self.sources: dict[str, str] = {}
        for pack in packs:
            if pack.kind != "site":
                continue
            for alias in (pack.name, *pack.aliases, *pack.domains):
                self.sources.setdefault(alias.lower(), pack.name)
        for pack in packs:
            for agency in pack.agency_names:
                self.sources.setdefault(agency.lower(), agency)

    def refuses(self, doc: Document, hit) -> bool:
        """Whether a meta rule's hit is none by the document's packs' words, and fires not at
        all (RuleStage searches the line without it): it captured a place they say names none
        (no dateline), a place word's town whose words read as a verb or a club's
        ('SUNGAI DICEMARI SISA TOKSIK: ' opens a headline), an outlet they do not list ('By
        Mary Smith, The Former Mayor' is no byline), or a listed outlet after names that do not
        all read as people's (outlet_names_read_as_people: 'By Christmas, The Independent' and
        'By Friday, Markets Had Recovered | Financial Times' are headlines), or, with no author
        captured, an editor's single word that names no one (editors_read_as_people: 'Editor:
        Will'; beside an author, apply drops that name alone: 'Penulis: Budi | Editor: Will'),
        or an editor's label that names a speaker of an interview's transcript (speakers_turns:
        'Editor: Thanks.' is a turn of the dialogue), or a dateline's place that is a speaker's
        label (speakers_label: 'HOUSTON: ...' as a turn) or one of a list by place
        (places_listed: 'JAKARTA - Cerah.' / 'BANDUNG - Hujan.'), or an author's label in a
        book's info box (in_info_box: 'Judul: ...' / 'Penulis: ...'), or a title when an
        earlier rule's hit gave the document one (title_taken)."""
        values = hit.values
        if "title" in values and title_taken(doc, hit):
            return True
        if "date" in values and dates_listed(doc.text, hit.rule):
            return True
        if hit.rule.action != "meta" or ("location" not in values and "outlet" not in values
                                         and "author" not in values and "editor" not in values):
            return False
        words = lexicon(doc.packs)
        place, outlet, town = values.get("location"), values.get("outlet"), values.get("town")
        author, editor = values.get("author"), values.get("editor")
        return ((place is not None and (names_no_place(place, words)
                                        or speakers_label(doc.text.split("\n"), place, words)
                                        or places_listed(doc.text, place)))
                or (town is not None and names_no_town(town, words))
                or (outlet is not None and fold_words(outlet) not in words.outlets
                    and not names_the_site(outlet, _byline_site_names(doc), words))
                or (author is not None and (not outlet_names_read_as_people(author, outlet, words)
                                            or in_info_box(doc.text, author, words)))
                or (editor is not None and author is None
                    and (not editors_read_as_people(editor, words)
                         or reads_as_transcript(doc.text, words))))

    def source_name(self, value: str) -> str:
        value = clean_value(value)
        return self.sources.get(value.lower(), value)

    def apply(self, doc: Document, hit) -> list[str]:
        """Store the hit's captured and constant values; return the fields it filled."""
        words = lexicon(doc.packs)
        months, conjunctions = words.months, words.conjunctions
        filled = []
        # The sources the names hold, agencies before outlets: an agency is the story's
        # source, the outlet only prints it ('By AFP, The Jakarta Post' is AFP's, as 'By AFP,
        # Jakarta Globe' is, and as a web page's agency wins).
        agencies: list[str] = []
        outlets: list[str] = []
        writer_agency = False           # an agency named as the writer, not the editor
        for name, raw in list(hit.values.items()) + list(hit.rule.set):
            if name == "town":              # part of the location, read by refuses alone
                continue
            field = name
            if name == "date":
                # (the days a date with no year is read against, looked up only for one)
                value, flag = rule_date(raw, hit.rule.id, rule_months(months, hit.rule,
                                                                      doc.packs),
                                        None if _YEAR.search(raw) else known_days(doc, months))
                if flag is not None:
                    doc.flags.append(flag)
                if value is None:       # no calendar date: it fills nothing, nor says it does
                    continue
                ok = doc.set_meta("date", site_zoned(value, doc.packs))
            elif name in ("author", "editor"):
                field = name + "s"              # a rule captures one, the record lists them
                # An editor's word that names no one goes alone, its author kept (refuses
                # refused a line of editors alone).
                names = without_opening_conjunctions(
                    split_names(raw, conjunctions, words.name_particles) if name == "author"
                    else editor_names(raw, words), conjunctions)
                # A wire agency named as a writer or an editor ("By Reuters", "By AFP and
                # Reuters", "Editor: Bernama") is the story's source, as a web page's author
                # tag naming one is. So is a listed outlet ("By Jane Doe, Washington Post").
                named = wire_agencies(names, words.agencies, words.agency_acronyms)
                listed = listed_outlets(names, words.outlets)
                sites = _byline_site_names(doc)
                if name == "author" and len(names) > 1:
                    # The site's own name beside its writers ("By Jane Smith, Harbour Gazette"
                    # on harbourgazette.example) is its source too, as a listed outlet is.
                    listed += [n for n in names if n not in listed and n not in named
                               and names_the_site(n, sites, words)]
                agencies.extend(named)
                outlets.extend(listed)
                writer_agency = writer_agency or (name == "author" and bool(named))
                names = [n for n in names if n not in named and n not in listed]
                # A job or the newsroom alone ("Penulis: Redaksi") names no one: where people
                # keeps a lone name, it is still no author.
                persons = [n for n in people(names, sites, words.honorifics, words=words)
                           if not names_no_one(n, words)]
                if not persons:         # no one named: it fills nothing, nor says it does
                    continue
                ok = doc.set_meta(field, persons)
            elif name == "outlet":
                # An outlet the rule captured is one the packs list (refuses): the source,
                # after the loop, where an agency among the names goes first.
                field, ok = "source", False
                outlets.insert(0, raw)
            elif name == "source":
                if not words.role_words.isdisjoint(_WORD_EDGES.split(raw.lower())):
                    # a job in a dateline's brackets, the agency's place ("BUENOS AIRES
                    # (Corresponsal) —"): no source, nor says it fills one
                    continue
                ok = doc.set_meta("source", self.source_name(raw))
            elif name == "location":
                ok = doc.set_meta("location", place_name(raw, words.place_particles,
                                                         words.compass_words, words.place_links))
            else:
                ok = doc.set_meta(name, clean_value(raw))
            if ok or name in hit.values:
                filled.append(field)
        # After the loop, so that a source the hit captured itself wins over the agency.
        wires = agencies + outlets
        if wires and self._wire_source(doc, hit, writer_agency, self.source_name(wires[0]),
                                       words) \
                and "source" not in filled:
            filled.append("source")
        return filled

    @staticmethod
    def _wire_source(doc: Document, hit, agency: bool, name: str, words: Lexicon) -> bool:
        """Fill `source` with the wire or outlet a byline named (`name`; `agency`: a wire
        agency is among the writers' names), where nothing filled it before; or where what
        filled it is the document's own site's name, which its dateline wrote ('tirto.id - '),
        and a wire agency is named as the writer ('Penulis: Antara' closing a Tirto item): the
        agency is the story's source, the site only reprints its copy. An agency as the editor
        ('Editor: Antara') does not replace the site; another publisher or wire the text named
        first stays (a site that is an agency itself: ANTARA's own dateline over 'Pewarta:
        Reuters'), and so does a source the hit filled itself."""
        if doc.set_meta("source", name):
            return True
        site = _site_names(doc.packs)[:1]
        if not (agency and site and doc.meta.get("source") == site[0] != name):
            return False
        if wire_agencies(site, words.agencies, words.agency_acronyms):
            return False
        if "source" in hit.values or any(field == "source" for field, _ in hit.rule.set):
            return False
        doc.meta["source"] = name
        return True
