"""Guess the charset of bytes that are not UTF-8: charset-normalizer's pick among the charsets browsers guess, weighed by how likely each single-byte reading's letters are."""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

# The charsets bytes that are not UTF-8 may be guessed to be in: those browsers detect for a page
# that declares none (the WHATWG legacy encodings: Windows, ISO-8859, KOI8, IBM866 and the CJK
# ones; Python's decoders for the supersets browsers use). Not the DOS and Mac code pages
# charset-normalizer also knows: it took English and German text for cp775 and cp852.
GUESSED_CHARSETS = (
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_13",
    "koi8_r", "koi8_u", "cp866", "cp874", "tis_620", "shift_jis", "cp932", "shift_jis_2004",
    "euc_jp", "euc_jis_2004", "iso2022_jp", "euc_kr", "cp949", "big5", "big5hkscs", "gb2312",
    "gbk", "gb18030")
# windows-1252, the WHATWG default, unless the letters read clearly better in another charset.
DEFAULT_CHARSET = "cp1252"
GUESS_SAMPLE = 1 << 20          # bytes charset-normalizer looks at
# Bytes whose letters are weighed, and whose plain words tell the language, from just before the
# first byte of 128-255 (a web page's head can be long): evidence is ample long before.
LETTER_SAMPLE = 1 << 16
WORD_SAMPLE = 1 << 14
# A multi-byte charset (Shift-JIS, GBK, ...) that charset-normalizer picks must read at least
# this many characters of its own: "Ça va" is one Big5 character, "«Oui»" two of Shift-JIS.
MIN_WIDE_CHARS = 4
# Bytes that are UTF-8 but for one bad sequence in this many characters beyond ASCII are not
# guessed to be in another charset: that would turn every good "č" into "ÄŤ".
MOSTLY_UTF8 = 10
# Nor are bytes whose good UTF-8 characters beyond ASCII are as many as the bad sequences, this
# many times: text in a legacy charset forms a good sequence by chance seldom (German "ß“",
# Ukrainian "Мі" in cp1251), against most of its bytes beyond ASCII bad; an English page's few
# curly quotes and dashes were read as cp866 (every "’" as "тАЩ") for 5 bad bytes in its footer
# against 43 good characters, and a Spanish name's "ó" as "Ăł" for 2 against 2.
OUTNUMBERED = 1
# How many bad sequences one good sequence of three bytes or four outweighs (mostly_utf8).
WIDE_EVIDENCE = 4
# How much better (natural log of the likelihood) another charset must read the letters than
# the default (windows-1252, or charset-normalizer's pick of another script) to be taken
# instead: about three letters that the text's language writes and the default's reading does
# not. Less is a tie, and ties keep the default: a lone "ş" or "ğ" is no proof of Turkish.
EVIDENCE = 3.0
# Letter model: add-half smoothing over about a hundred letters; a byte that reads as punctuation
# or a symbol beside the words costs about one in fifty, one that reads as a control character
# or a sign inside a word ("Rz¹d", "mo¿e") one in ten thousand, and a letter with no letter
# beside it one in ten more than its letter (a pound sign in "£4m" is no "Ł4m").
_SMOOTHING = 0.5
_ALPHABET = 100
_NEUTRAL = math.log(0.02)
_JUNK = math.log(1e-4)
_ALONE = math.log(0.1)
# Languages the text's plain words point to: the top one needs about one word no other list has,
# and a language is pointed to with half the top's weight. The others stay in the running at a
# cost of about four letters read far better (a page's menus, names and code point astray too):
# a frequent Latvian "ā" and "ē" must not outweigh a rare Portuguese "â" and "ç" the words vouch
# for, but a Czech article must outweigh an English menu.
_MIN_POINTING = 0.9
_KEEP_SHARE = 0.5
_UNPOINTED = 10.0

_ASCII = bytes(range(128))
_HIGH = bytes(range(128, 256))
# Bytes as neighbours: an ASCII letter, a byte of 128-255, anything else.
_ASCII_LETTER, _HIGH_BYTE, _OTHER = b"ah."
_NEIGHBOUR = bytes(_ASCII_LETTER if chr(byte).isalpha() and byte < 128 else
                   _HIGH_BYTE if byte > 127 else _OTHER for byte in range(256))
_PLAIN_WORD = re.compile(rb"(?<![\x80-\xff\w])[A-Za-z]{2,}(?![\x80-\xff\w])")
_TAG = re.compile(rb"<[^<>]{0,1000}>")
_NOT_ASCII = re.compile(rb"[\x80-\xff]")
# A character UTF-8 writes in three bytes or four (U+FFFD, a bad sequence's, among them).
_WIDE_CHAR = re.compile("[\u0800-\U0010ffff]")
_LETTER = ("Lu", "Ll", "Lt", "Lo")


class _ByteUse(NamedTuple):
    """How often a byte of 128-255 occurs, and how often beside what may be letters (ASCII
    letters, and the other bytes of 128-255)."""
    total: int
    touching: int           # an ASCII letter on either side
    near: int               # an ASCII letter or a byte of 128-255 on either side
    inside: int             # one on both sides
    previous: dict[int, int]    # the bytes before it that may be letters, and how often


class _Reading(NamedTuple):
    """What a charset makes of the bytes of 128-255: letters, and the rest."""
    letters: dict[str, int]
    junk: int               # controls, signs inside words, letters of another script
    neutral: int            # punctuation and symbols beside the words
    alone: int              # letters with no letter beside them


class _Language(NamedTuple):
    """A language's letters beyond ASCII, as log-probabilities, from its word list."""
    name: str
    letters: dict[str, float]
    unseen: float


class _Lexicon(NamedTuple):
    """The word lists' languages, the languages of each plain word, and the scripts they write."""
    languages: tuple[_Language, ...]
    words: dict[str, tuple[float, tuple[int, ...]]]
    scripts: frozenset[str]


def guess_charset(data: bytes) -> str | None:
    """The charset of bytes that are not UTF-8, as a codec name; None when none reads them as
    text, or when they are UTF-8 but for a few bad bytes at most (no other charset is right).

    charset-normalizer picks among the charsets browsers guess (GUESSED_CHARSETS); a multi-byte
    pick (Shift-JIS, GBK, ...) stands. Among the single-byte charsets the letters decide: each
    reading is weighed by how likely its letters are in the language of jusText's word lists
    (about a hundred) that fits it best, the languages the text's plain ASCII words point to
    first, and signs inside words, control characters and letters of two scripts in one word
    count against it. windows-1252 (or charset-normalizer's pick, where that reads another
    script) stays unless a reading beats it by EVIDENCE: short text keeps the default.

    >>> guess_charset("Řidiči si stěžují na dlouhé kolony před mostem.".encode("cp1250"))
    'cp1250'
    >>> guess_charset("Başkan, inşaatın ilkbaharda başlayacağını söyledi.".encode("cp1254"))
    'cp1254'
    >>> guess_charset("Señor José Muñoz, de Málaga, dijo que «sí». El niño comió.".encode("cp1252"))
    'cp1252'
    >>> guess_charset("Правительство одобрило проект закона о налогах.".encode("cp1251"))
    'cp1251'
    >>> guess_charset("Berita café hari ini.".encode("cp1252"))
    'cp1252'
    """
    # From just before the first byte beyond ASCII: a long ASCII head (a megabyte of plain
    # English before the first "é") is no evidence of UTF-8, and charset-normalizer reads only
    # what it is given.
    start = max(0, _first_high(data) - WORD_SAMPLE // 2)
    sample = data[start:start + GUESS_SAMPLE]
    if mostly_utf8(sample):
        return None
    picked = _normalizer_pick(sample)
    if picked is None:
        return None
    if not single_byte(picked):
        text = sample.decode(picked, "replace")
        if len(text) - len(text.encode("ascii", "ignore")) >= MIN_WIDE_CHARS:
            return picked
        picked = DEFAULT_CHARSET
    lexicon = _lexicon()
    uses = _byte_uses(data[start:start + LETTER_SAMPLE])
    script = _main_script(picked, uses)
    if script not in lexicon.scripts:
        return picked           # a script no word list writes (Thai): charset-normalizer's call
    # Weak evidence keeps windows-1252 among the charsets of its script (charset-normalizer
    # cannot tell them apart: it read Czech and French lines as cp1252, cp1257 or cp1258), and
    # charset-normalizer's pick of another script (an English page's few Russian words).
    fallback = DEFAULT_CHARSET if _main_script(DEFAULT_CHARSET, uses) == script else picked
    present = set(data.translate(None, _ASCII))
    priors = _language_priors(_TAG.sub(b" ", data[start:start + WORD_SAMPLE]), lexicon)
    fits = {codec: _fit(_reading(codec, uses), lexicon.languages, priors)
            for codec in _single_byte_charsets() if _decodes(codec, present)}
    return _choose(fits, fallback) if fits else fallback


def _first_high(data: bytes) -> int:
    """Where the first byte of 128-255 is (0 where there is none)."""
    found = _NOT_ASCII.search(data)
    return found.start() if found else 0


def _choose(fits: dict[str, float], fallback: str) -> str:
    """The reading that fits best, unless the fallback's is within EVIDENCE of it."""
    best = max(fits, key=fits.__getitem__)
    if fallback in fits and fits[fallback] > fits[best] - EVIDENCE:
        return fallback
    return best


def mostly_utf8(sample: bytes) -> bool:
    """Whether the sample is UTF-8 but for a few bytes: at most one character in ten beyond
    ASCII is a bad sequence, or the good ones are as many as the bad, or the good ones of three
    bytes or four outweigh them (text in a legacy charset, even Shift-JIS or GBK, has many bad
    ones, and few good).

    >>> mostly_utf8(("Harga ’naik’ — " * 5).encode() + b"\\x93kata\\x94 \\x96 \\x85")
    True
    >>> mostly_utf8("Fuß“ über Straße“, größer".encode("cp1252"))
    False
    >>> mostly_utf8("“Kita berharap,” kata dia.".encode() + b" dala\\x93m me\\x94ngatakan")
    True
    """
    text = sample.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    beyond = len(text) - len(text.encode("ascii", "ignore"))
    if bad * MOSTLY_UTF8 <= beyond or beyond - bad >= OUTNUMBERED * bad:
        return True
    # A good sequence of three bytes or four ("“" is E2 80 9C) legacy text forms by chance far
    # more seldom than one of two (Ukrainian "Мі" in cp1251 is one; GBK text, one character in
    # about seventy against most of them bad): one outweighs WIDE_EVIDENCE bad ones (an
    # article's two curly quotes beside three stray bytes was read as cp1251).
    return (len(_WIDE_CHAR.findall(text)) - bad) * WIDE_EVIDENCE >= bad


def _normalizer_pick(sample: bytes) -> str | None:
    """charset-normalizer's best charset among GUESSED_CHARSETS, as a codec name."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(GUESSED_CHARSETS)).best()
    return None if best is None else codecs.lookup(best.encoding).name


@lru_cache(maxsize=64)
def single_byte(name: str) -> bool:
    """Whether a codec reads every byte as one character (cp1252, koi8-r, iso8859-5, ...), as
    decoding bytes says; names differ in form (codecs.lookup gives "iso8859-5", not
    "iso8859_5"), so they are not matched by name.

    >>> [single_byte(n) for n in ("koi8-r", "iso8859-5", "mac-roman", "cp1252", "utf-8", "gbk")]
    [True, True, True, True, False, False]
    """
    try:
        # (UTF-8 replaces each stray byte of 128-255 singly, but reads "\xc3\xa9" as one "é")
        return (len(bytes(range(256)).decode(name, errors="replace")) == 256
                and len(b"\xc3\xa9".decode(name, errors="replace")) == 2)
    except (UnicodeError, LookupError, TypeError):     # not a text codec ("undefined", "zlib")
        return False


@lru_cache(maxsize=1)
def _single_byte_charsets() -> tuple[str, ...]:
    """The single-byte charsets of GUESSED_CHARSETS, as codec names, in their order."""
    names = dict.fromkeys(codecs.lookup(name).name for name in GUESSED_CHARSETS)
    return tuple(name for name in names if single_byte(name))


@lru_cache(maxsize=64)
def _high_half(codec: str) -> str:
    """What a single-byte codec reads bytes 128-255 as (U+FFFD where it reads nothing)."""
    return _HIGH.decode(codec, errors="replace")


def _decodes(codec: str, present: set[int]) -> bool:
    """Whether a single-byte codec reads every byte of 128-255 that the data holds."""
    table = _high_half(codec)
    return all(table[byte - 128] != "\ufffd" for byte in present)


def _byte_uses(sample: bytes) -> dict[int, _ByteUse]:
    """Each byte of 128-255 in the sample, with how often letters flank it."""
    sides = sample.translate(_NEIGHBOUR) + bytes((_OTHER,))
    tally: dict[int, list[int]] = {}
    before: dict[int, dict[int, int]] = {}
    for (previous, byte, right), n in Counter(zip(b" " + sample, sample, sides[1:])).items():
        if byte < 128:
            continue
        left = _NEIGHBOUR[previous]
        counts = tally.setdefault(byte, [0, 0, 0, 0])
        counts[0] += n
        counts[1] += n if _ASCII_LETTER in (left, right) else 0
        counts[2] += n if left != _OTHER or right != _OTHER else 0
        counts[3] += n if left != _OTHER and right != _OTHER else 0
        if left != _OTHER:
            seen = before.setdefault(byte, {})
            seen[previous] = seen.get(previous, 0) + n
    return {byte: _ByteUse(total, touching, near, inside, before.get(byte, {}))
            for byte, (total, touching, near, inside) in tally.items()}


def _script(char: str) -> str:
    """A letter's script: LATIN, or the first word of its Unicode name (CYRILLIC, GREEK, ...)."""
    if char < "\u0250" or "\u1e00" <= char <= "\u1eff":
        return "LATIN"
    return unicodedata.name(char, "?").split(" ")[0]


def _main_script(codec: str, uses: dict[int, _ByteUse]) -> str:
    """The script most of a single-byte codec's letters are in (LATIN when it reads none)."""
    table = _high_half(codec)
    scripts: Counter[str] = Counter()
    for byte, use in uses.items():
        char = table[byte - 128]
        if unicodedata.category(char) in _LETTER:
            scripts[_script(char)] += use.total
    return scripts.most_common(1)[0][0] if scripts else "LATIN"


def _letter_key(char: str) -> str:
    """A letter as the models count it: lower case; s and t with a comma below as with a cedilla
    (legacy charsets have only the cedilla forms of Romanian ș and ț)."""
    low = char.lower()
    if len(low) != 1:           # "İ" lowercases to two characters
        return char
    parts = unicodedata.normalize("NFD", low)
    if "\u0326" in parts:
        return unicodedata.normalize("NFC", parts.replace("\u0326", "\u0327"))
    return low


def _reading(codec: str, uses: dict[int, _ByteUse]) -> _Reading:
    """The letters, junk, neutral bytes and lone letters of the sample as a single-byte codec
    reads it; letters of another script than most of its letters' are junk."""
    table = _high_half(codec)
    script = _main_script(codec, uses)
    letters: Counter[str] = Counter()
    junk = neutral = alone = 0
    for byte, use in uses.items():
        char = table[byte - 128]
        kind = unicodedata.category(char)
        if kind in _LETTER and _script(char) != script:
            junk += use.total
        elif kind in _LETTER:
            # a Cyrillic or Greek letter beside a Latin one is another charset's letter
            mixed = use.touching if script != "LATIN" else 0
            junk += mixed
            letters[_letter_key(char)] += use.total - mixed
            alone += use.total - use.near
        elif kind[0] == "M":
            junk += _add_mark(char, use, table, letters)
        elif kind == "Cc":
            junk += use.total
        else:
            glued = _glued(char, kind, use)
            junk += glued
            neutral += use.total - glued
    return _Reading(dict(letters), junk, neutral, alone)


def _add_mark(mark: str, use: _ByteUse, table: str, letters: Counter[str]) -> int:
    """Count a combining mark (windows-1258 writes Vietnamese tones so) as the letter it makes
    with the letter before it: "i" and an acute accent are an "í", as rare in English as an "ì";
    return how often it makes none ("d" and an acute accent), which no text writes."""
    composed = 0
    for previous, n in use.previous.items():
        base = chr(previous) if previous < 128 else table[previous - 128]
        letter = unicodedata.normalize("NFC", base + mark)
        if len(letter) == 1 and unicodedata.category(letter) in _LETTER:
            letters[_letter_key(letter)] += n
            composed += n
    return use.total - composed


def _glued(char: str, kind: str, use: _ByteUse) -> int:
    """How often a byte that reads as no letter is where only a letter belongs."""
    if kind in ("Cf", "Co", "Cn", "Sk", "Lm") or not (char < "\u0370" or
                                                      "\u2000" <= char <= "\u2bff"):
        return use.near         # spacing accents, format marks, another script's signs
    if kind[0] in "SN" or kind == "Po":
        return use.inside       # "Rz¹d", "mo¿e", "с¤ет"
    return 0                    # quotes, dashes, brackets, spaces


def _fit(reading: _Reading, languages: tuple[_Language, ...], priors: list[float]) -> float:
    """The log-likelihood of a reading under the language that fits it best, with its prior."""
    rest = reading.junk * _JUNK + reading.neutral * _NEUTRAL + reading.alone * _ALONE
    best = -math.inf
    for language, prior in zip(languages, priors):
        fit = rest + prior
        for letter, n in reading.letters.items():
            fit += n * language.letters.get(letter, language.unseen)
        best = max(best, fit)
    return best


def _language_priors(sample: bytes, lexicon: _Lexicon) -> list[float]:
    """Each language's log prior: 0 where the sample's plain ASCII words (the same in every
    reading) point to it, each word weighing one over the number of lists holding it, or point
    to none clearly; -_UNPOINTED for the others."""
    weights: dict[int, float] = {}
    for word, n in Counter(_PLAIN_WORD.findall(sample.lower())).items():
        found = lexicon.words.get(word.decode("ascii"))
        if found:
            for index in found[1]:
                weights[index] = weights.get(index, 0.0) + n * found[0]
    top = max(weights.values(), default=0.0)
    if top < _MIN_POINTING:
        return [0.0] * len(lexicon.languages)
    return [0.0 if weights.get(index, 0.0) >= _KEEP_SHARE * top else -_UNPOINTED
            for index in range(len(lexicon.languages))]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The languages of jusText's word lists (a trafilatura dependency), read once; none where
    they cannot be read (the guess is then charset-normalizer's alone)."""
    try:
        import justext

        names = sorted(justext.get_stoplists())     # sorted: a set's order changes per process
        lists = [justext.get_stoplist(name) for name in names]
    except (ImportError, OSError, ValueError, UnicodeError):
        return _Lexicon((), {}, frozenset())
    languages = []
    holders: dict[str, list[int]] = {}
    scripts: set[str] = set()
    for index, (name, words) in enumerate(zip(names, lists)):
        letters: Counter[str] = Counter()
        for char, n in Counter("".join(words)).items():
            if not char.isascii() and unicodedata.category(char) in _LETTER:
                letters[_letter_key(char)] += n
        for word in words:
            if word.isascii():
                holders.setdefault(word, []).append(index)
        languages.append(_language(name, letters))
        scripts.update(_script(letter) for letter, n in letters.items() if n > 1)
    words = {word: (1 / len(indices), tuple(indices)) for word, indices in holders.items()}
    return _Lexicon(tuple(languages), words, frozenset(scripts))


def _language(name: str, letters: Counter[str]) -> _Language:
    """A language's model from the counts of its letters beyond ASCII."""
    total = sum(letters.values()) + _SMOOTHING * _ALPHABET
    return _Language(name, {letter: math.log((n + _SMOOTHING) / total)
                            for letter, n in letters.items()}, math.log(_SMOOTHING / total))
