"""Line shapes for mining boilerplate: a line with its varying parts abstracted, and the RE2 pattern for it.

Five kinds of shape, each a pure function of one line:

- exact      the whole line, spaces collapsed (a promo paragraph repeated verbatim)
- label      a short label, a separator and a title: ``Baca juga : <title>``
- template   a short line with names and numbers abstracted: ``Laporan reporter kumparan <name>``
- code       a short bracketed code closing a paragraph: ``( <code> )``
- code-line  an editor's code alone on a line, without brackets: ``DN-1003/mk``
- lead       a dateline opening a document: ``<place>, CNN Indonesia --``

Patterns are written for RE2 (no look-around, no back-references) in the rule-file syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Callable, Iterable

from cleaner.lexicon import shipped_lexicon
from cleaner.rulefile import compile_pattern

# Lines longer than this are not given a label, template or lead shape (exact only).
MAX_SHAPED_CHARS = 300
TEMPLATE_MAX_TOKENS = 12
LABEL_MAX_WORDS = 4
TITLE_MAX_WORDS = 25
CODE_MAX_CHARS = 30

_SPACES = re.compile(r"\s+")
_META = set("\\.^$|?*+()[]{}")


def collapse(line: str) -> str:
    """A line with runs of spaces made one and its ends trimmed.

    >>> collapse("  Baca  juga :  X ")
    'Baca juga : X'
    """
    # Most lines have nothing to collapse, and the test for that is far cheaper than the
    # substitution (suggest collapses every line several times): any whitespace but a single
    # plain space makes a line not printable, as Python defines it.
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return _SPACES.sub(" ", line).strip()


def escape(text: str) -> str:
    r"""Text as a literal in a rule pattern: metacharacters escaped, ' as \x27, spaces as \s+.

    >>> escape("Merdeka.com (x) it's")
    'Merdeka\\.com\\s+\\(x\\)\\s+it\\x27s'
    """
    out = []
    for ch in collapse(text):
        if ch == " ":
            out.append(r"\s+")
        elif ch == "'":
            out.append(r"\x27")
        elif ch in _META:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------------------- label

# Separators after a label: a colon, a bar, dashes, and arrows pointing at a link's title
# ("Baca Juga >> X", "Baca juga » X"); the longer before the shorter they start.
LABEL_SEPARATORS = (":", "|", "-->", "->", "--", "-", "–", "—", "=>", ">>", ">", "»", "›", "→")
_LABEL = re.compile(
    r"^(?P<open>[\[(]\s*)?(?P<label>[^\W\d_][\w.'’]*(?:\s+[\w.'’]+){0,%d}?)\s*"
    r"(?P<sep>%s)\s*(?P<rest>.*?)\s*(?P<close>[\])])?$"
    % (LABEL_MAX_WORDS - 1, "|".join(map(re.escape, LABEL_SEPARATORS))))


@dataclass(frozen=True)
class Label:
    bracketed: bool
    label: str
    sep: str
    rest: str


def label_shape(line: str) -> Label | None:
    """A line made of a short label, a separator and a title-like rest.

    >>> label_shape("Baca juga : Kronologi Penutupan Gunung Botak 2015 - 2017")
    Label(bracketed=False, label='Baca juga', sep=':', rest='Kronologi Penutupan Gunung Botak 2015 - 2017')
    >>> label_shape("( Baca : Presiden Tiba di Bali )").bracketed
    True
    >>> label_shape("Baca juga:").rest
    ''
    >>> label_shape("Baca Juga >> Ahmad Albar Ditangkap Polisi")
    Label(bracketed=False, label='Baca Juga', sep='>>', rest='Ahmad Albar Ditangkap Polisi')
    >>> label_shape("Baca juga » Harga Cabai Naik").sep
    '»'
    >>> label_shape("Rimanews - Bagi Anda yang jago IT mungkin bisa mencoba tantangan ini.") is None
    True
    >>> label_shape("DN-1003/mk") is None
    True
    >>> label_shape("Sejumlah pengunjung melihat-lihat produk yang dipamerkan.") is None
    True
    >>> label_shape("BERITA MU-Paul Pogba Senang Jadi Pemain Terbaik").label
    'BERITA MU'
    """
    line = collapse(line)
    if len(line) > MAX_SHAPED_CHARS:
        return None
    m = _LABEL.match(line)
    if not m:
        return None
    if code_line(line) is not None:
        # "DN-1003/mk" reads as a label "DN", a dash and a title "1003/mk": one shape per desk,
        # a pattern taking any line opening "DN -", and a field list beside "Sumber: X".
        return None
    at, after = m.start("sep"), m.end("sep")
    if m.group("sep") == "-" and at == m.end("label") and line[after:after + 1].islower():
        # A hyphen inside a word ("melihat-lihat", "anti-korupsi") separates nothing.
        return None
    rest = m.group("rest")
    bracketed = bool(m.group("open")) and bool(m.group("close"))
    if bool(m.group("open")) != bool(m.group("close")):
        if m.group("close"):          # "Kata: (x)" -- the bracket belongs to the rest
            rest = rest + m.group("close")
        else:
            return None
    # A title, not a sentence: short, and a dash-separated rest must not end like a sentence.
    if len(rest.split()) > TITLE_MAX_WORDS or (not rest and m.group("sep") != ":"):
        return None
    if m.group("sep") != ":" and m.group("sep") != "|" and rest.endswith((".", ",")):
        return None
    return Label(bracketed, m.group("label"), m.group("sep"), rest)


# A field whose value is a list ("Real Madrid: 1 - Keylor Navas, 4 - Sergio Ramos, ..."): a
# label of a few words, not in capitals (a dateline's "KUALA LUMPUR:"), a colon, then values
# parted by commas, however long.
_LIST_FIELD = re.compile(r"^(?P<label>[^\W\d_][\w.'’]*(?:\s+[\w.'’]+){0,%d}?)\s*:\s*\S[^,]*"
                         r"(?:,[^,]+){2,}$" % (LABEL_MAX_WORDS - 1))


def list_field(line: str) -> str | None:
    """The label of a line that gives a list of values under it (a match report's line-up,
    a cast), whatever its length: beside a label line, such a line makes it one of a field
    list; None for any other line.

    >>> list_field("Real Madrid: 1 - Keylor Navas, 4 - Sergio Ramos, 6 - Nacho, 12 - Marcelo.")
    'Real Madrid'
    >>> list_field("KUALA LUMPUR: Kerajaan, kata menteri, akan, mengkaji dasar itu.") is None
    True
    >>> list_field("Pelatih: Zinedine Zidane") is None
    True
    """
    m = _LIST_FIELD.match(collapse(line))
    if m is None or m.group("label").isupper():
        return None
    return m.group("label")


def label_key(shape: Label) -> tuple:
    """Bracketed or not, with a title or alone, the lines of one label are one shape."""
    return ("label", shape.label.lower())


def label_display(key: tuple) -> str:
    """'Baca juga : <title>' for a label key."""
    return f"{key[1]} : <title>"


def _separators(seps: set[str]) -> str:
    """Separators as alternatives of a pattern, the longer first ("-->" before "-")."""
    return "|".join(escape(s) if s != "-" else "-" for s in sorted(seps, key=lambda s: (-len(s), s)))


def label_pattern(label: str, seps: set[str], bracketed: bool, bare: bool = False) -> str:
    r"""The pattern for a label line, any of the separators seen, in brackets if any was, and
    alone (no title) if any was.

    >>> label_pattern("Baca juga", {":"}, False)
    '^Baca\\s+juga\\s*(?::)\\s*\\S.*$'
    >>> label_pattern("Baca", {":", "-"}, True, bare=True)
    '^[\\[(]?\\s*Baca\\s*(?:-|:).*$'
    """
    sep = _separators(seps)
    rest = ".*" if bare else r"\s*\S.*"
    opening = r"[\[(]?\s*" if bracketed else ""
    return f"^{opening}{escape(label)}\\s*(?:{sep}){rest}$"


def byline_label_pattern(label: str, seps: set[str], field: str, bracketed: bool = False,
                         bare: bool = True,
                         chained: tuple[tuple[str, frozenset[str], str], ...] = (),
                         joined: str | None = None) -> str:
    r"""The meta pattern for a labelled byline, ``Editor: <name>``: the name is captured as
    `field` (author or editor). For a case-sensitive rule: names start with a capital. In
    brackets if lines were (``[Redaktur: <name>]``), optional ones if some were bare too.
    `chained`: the bylines (label, separators, field) that may follow the name after a bar
    (``Penulis: <name> | Editor: <name>``), each captured as its field, in that order.
    `joined`: what joins names listed after a label (a pattern: ``\s*,\s*``), where they may
    be: the list is captured whole, for the rule stage to split.

    >>> byline_label_pattern("Editor", {":"}, "editor")
    '^(?i:Editor)\\s*(?::)\\s*(?P<editor>\\p{Lu}[\\pL\\pN.\\x27’-]*(?:\\s+\\p{Lu}[\\pL\\pN.\\x27’-]*){0,5})$'
    >>> bracketed = byline_label_pattern("Redaktur", {":"}, "editor", bracketed=True, bare=False)
    >>> bracketed[:33], bracketed[-9:]
    ('^[\\[(]\\s*(?i:Redaktur)\\s*(?::)\\s*', '\\s*[\\])]$')
    >>> chained = byline_label_pattern("Penulis", {":"}, "author",
    ...                                chained=(("Editor", frozenset(":"), "editor"),))
    >>> regex = compile_pattern(chained, case_sensitive=True)
    >>> regex.match("Penulis: Dimas Prasetyo | Editor: Rina Kartika").groupdict()
    {'author': 'Dimas Prasetyo', 'editor': 'Rina Kartika'}
    >>> regex.match("Penulis: Dimas Prasetyo").groupdict()
    {'author': 'Dimas Prasetyo', 'editor': None}
    """
    sep = _separators(seps)
    opening, closing = r"[\[(]\s*", r"\s*[\])]"
    if bracketed and bare:
        opening, closing = f"(?:{opening})?", f"(?:{closing})?"
    elif not bracketed:
        opening = closing = ""
    names = NAME_PATTERN if joined is None else \
        f"{NAME_PATTERN}(?:(?:{joined}){NAME_PATTERN}){{0,{MAX_NAMES - 1}}}"
    more = "".join(f"(?:\\s*{CHAIN_BAR}\\s*(?i:{escape(other)})\\s*(?:{_separators(set(other_seps))})"
                   f"\\s*(?P<{other_field}>{names}))?"
                   for other, other_seps, other_field in chained)
    return (f"^{opening}(?i:{escape(label)})\\s*(?:{sep})\\s*(?P<{field}>{names}){more}"
            f"{closing}$")


# What stands between two labelled bylines on one line ("Penulis: X | Editor: Y"); a slash
# too ("Reporter: X / Editor: Y"): a label must follow it, so names a slash joins stay one.
CHAIN_BAR = "[|•·/]"
# The most names a byline label's list captures ("Penulis: X, Y dan Z").
MAX_NAMES = 4


# ------------------------------------------------------------------------------------- template

_TOKEN = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?|[^\w\s]")
NAME_PATTERN = r"\p{Lu}[\pL\pN.\x27’-]*(?:\s+\p{Lu}[\pL\pN.\x27’-]*){0,5}"
NUM_PATTERN = r"\d+(?:[.,]\d+)*"


def is_name(text: str) -> bool:
    """Whether a text is what NAME_PATTERN matches whole, as the rule made with it does: one to
    six capitalised words.

    >>> is_name("Ahmad Fauzi"), is_name("O'Neil Jr."), is_name("kami tidak tahu"), is_name("")
    (True, True, False, False)
    >>> is_name("\u2167 Ahmad")      # (str.isupper takes the Roman numeral, \\p{Lu} not)
    False
    """
    return compile_pattern(NAME_PATTERN, case_sensitive=True).fullmatch(text) is not None


def template_shape(line: str) -> tuple[str, ...] | None:
    """A short line's tokens with names (capitalised runs after the first word) and numbers
    abstracted; None for long lines and lines with nothing varying or too little fixed.

    >>> template_shape("Laporan reporter kumparan Ade Nurul")
    ('laporan', 'reporter', 'kumparan', '<name>')
    >>> template_shape("Sumber berita Techcrunch.")
    ('sumber', 'berita', '<name>')
    >>> template_shape("Babak kedua") is None, template_shape("Pelatih: Ronald Koeman") is None
    (True, True)
    """
    line = collapse(line)
    if len(line) > MAX_SHAPED_CHARS:
        return None
    # Every word between single spaces gives at least one token unless it is all underscores,
    # so a line with more words than the limit, and no underscore, needs no tokenizing to say no.
    if line.count(" ") >= TEMPLATE_MAX_TOKENS and "_" not in line:
        return None
    # One token past the limit says no: the rest of a long line is not read.
    tokens = [m.group() for m in islice(_TOKEN.finditer(line), TEMPLATE_MAX_TOKENS + 1)]
    if not tokens or len(tokens) > TEMPLATE_MAX_TOKENS:
        return None
    return _template_of(tokens)


def _template_of(tokens: list[str]) -> tuple[str, ...] | None:
    """template_shape of a line with these tokens (at most TEMPLATE_MAX_TOKENS of them)."""
    shape: list[str] = []
    for i, tok in enumerate(tokens):
        if i == 0:
            part = tok.lower()
        elif tok[0].isdigit() and tok.replace(".", "").replace(",", "").isdigit():
            part = "<num>"
        elif tok[0].isupper():
            part = "<name>"
        else:
            part = tok.lower()
        if part == "<name>" and shape and shape[-1] == "<name>":
            continue
        shape.append(part)
    varying = sum(1 for p in shape if p in ("<name>", "<num>"))
    fixed_words = sum(1 for p in shape if p[0].isalnum())
    if not varying or fixed_words < 2:
        return None
    return tuple(shape)


def template_display(shape: tuple[str, ...]) -> str:
    return " ".join(shape)


def template_pattern(shape: tuple[str, ...]) -> str:
    r"""The pattern for a template (for a case-sensitive rule: names start with a capital).

    >>> template_pattern(("laporan", "reporter", "kumparan", "<name>"))
    '^(?i:laporan)\\s+(?i:reporter)\\s+(?i:kumparan)\\s+\\p{Lu}[\\pL\\pN.\\x27’-]*(?:\\s+\\p{Lu}[\\pL\\pN.\\x27’-]*){0,5}$'
    """
    parts: list[str] = []
    prev_word = False
    for part in shape:
        if part == "<name>":
            piece, word = NAME_PATTERN, True
        elif part == "<num>":
            piece, word = NUM_PATTERN, True
        elif part[0].isalnum():
            piece, word = f"(?i:{escape(part)})", True
        else:
            piece, word = escape(part), False
        if parts:
            parts.append(r"\s+" if (word and prev_word) else r"\s*")
        parts.append(piece)
        prev_word = word
    return "^" + "".join(parts) + "$"


# ----------------------------------------------------------------------------------------- code

_TRAILING = re.compile(r"(?:^|(?<=[.!?\"”’]))\s*(?P<open>[\[(])\s*(?P<code>[^()\[\]]{1,%d}?)\s*"
                       r"(?P<close>[\])])\s*$" % CODE_MAX_CHARS)
_CODE_BODY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]*(?:\s*[/,.\-]\s*[A-Za-z0-9][A-Za-z0-9.]*){0,6}$")
_RUN = re.compile(r"[A-Za-z0-9]+")
_PAIRS = {"(": ")", "[": "]"}
_CLOSING = frozenset(_PAIRS.values())


@dataclass(frozen=True)
class Code:
    start: int          # where the bracket opens in the line
    bracket: str        # "(" or "["
    code: str           # the text inside, trimmed


def trailing_code(line: str) -> Code | None:
    """A short editor or reporter code in brackets ending a line, alone or after a sentence.

    >>> trailing_code("kecelakaan lain terjadi pada 2013. (stu)")
    Code(start=35, bracket='(', code='stu')
    >>> trailing_code("(ard / ard)").code, trailing_code("menunggu. [tyo]").bracket
    ('ard / ard', '[')
    >>> trailing_code("pada Senin (29 / 8)") is None, trailing_code("Pelatih: Koeman (Belanda)") is None
    (True, True)
    """
    # Most lines do not end in a bracket: they need no search (suggest asks about every line).
    return _searched_code(line) if line.rstrip()[-1:] in _CLOSING else None


def _searched_code(line: str) -> Code | None:
    """trailing_code, found by searching the whole line."""
    m = _TRAILING.search(line)
    if not m or _PAIRS[m.group("open")] != m.group("close"):
        return None
    code = m.group("code")
    if not _CODE_BODY.match(code) or not any(c.isalpha() for c in code):
        return None
    for run in _RUN.findall(code):
        if len(run) > 8 or (run.isalpha() and len(run) > 6):
            return None
    return Code(m.start("open"), m.group("open"), collapse(code))


def code_shape(code: str) -> str:
    """A code's character classes, runs collapsed: A upper, a lower, 9 digit.

    >>> code_shape("Uu. C003"), code_shape("ard / ard"), code_shape("T.A067/R010")
    ('Aa. A9', 'a / a', 'A.A9/A9')
    """
    out: list[str] = []
    for ch in collapse(code):
        cls = "A" if "A" <= ch <= "Z" else "a" if "a" <= ch <= "z" else "9" if ch.isdigit() else ch
        if not out or out[-1] != cls or cls not in "Aa9":
            out.append(cls)
    return "".join(out)


def code_alternative(shape: str, limits: dict[str, int],
                     floors: dict[str, int] | None = None) -> str:
    r"""The pattern for one code shape, runs bounded by the longest run seen of each class (and,
    given `floors`, by the shortest).

    >>> code_alternative("a / a", {"a": 5})
    '[a-z]{1,5}\\s*/\\s*[a-z]{1,5}'
    >>> code_alternative("A9", {"A": 1, "9": 3}, {"A": 1, "9": 3})
    '[A-Z]{1,1}\\d{3,3}'
    """
    classes = {"A": "[A-Z]", "a": "[a-z]", "9": r"\d"}
    floors = floors or {}
    out = []
    for ch in shape:
        if ch in classes:
            out.append(f"{classes[ch]}{{{floors.get(ch, 1)},{limits.get(ch, 8)}}}")
        elif ch == " ":
            continue
        else:
            out.append(rf"\s*{escape(ch)}\s*")
    # Spaces around punctuation are optional already; a bare space between runs is one \s*.
    pattern = "".join(out)
    return pattern.replace(r"\s*\s*", r"\s*")


_CLASS_RUN = re.compile(r"[A-Z]+|[a-z]+|\d+")


def run_limits(codes) -> dict[str, int]:
    """The longest run of each character class among codes."""
    return _run_bounds(codes, max)


def run_floors(codes) -> dict[str, int]:
    """The shortest run of each character class among codes."""
    return _run_bounds(codes, min)


def _run_bounds(codes, pick: Callable[[int, int], int]) -> dict[str, int]:
    """Each character class's runs among codes, their lengths folded by `pick` (max, min)."""
    bounds: dict[str, int] = {}
    for code in codes:
        for run in _CLASS_RUN.findall(code):
            cls = "A" if run[0].isupper() else "a" if run[0].islower() else "9"
            bounds[cls] = pick(bounds.get(cls, len(run)), len(run))
    return bounds


def code_pattern(bracket: str, alternatives: list[str]) -> str:
    r"""The drop-span pattern for codes in one kind of bracket: alone on a line or after a sentence.

    >>> code_pattern("[", ["[a-z]{1,3}"])
    '(?:^|[.!?"”’]\\s*)(?P<cut>\\[\\s*(?:[a-z]{1,3})\\s*\\])\\s*$'
    """
    close = _PAIRS[bracket]
    return (rf'(?:^|[.!?"”’]\s*)(?P<cut>\{bracket}\s*(?:{"|".join(alternatives)})\s*\{close})\s*$')


# ------------------------------------------------------------------------------------ code line

# A desk's part (capitals and a number: "DN-1003", "RED - 2", ANTARA's "T.A067"; or lower-case
# initials: "ant"), a slash, and the editor's lower-case initials ("mk", "jm/rox"). What follows
# the slash must be initials: a currency pair ("USD/IDR"), a law's year ("UU-11/2020"), a pair of
# words ("Ya/Tidak", "Dok/Humas") is no code. A dot joins capitals and digits only: before a
# lower-case letter it makes a domain ("kompas.com/read", "bit.ly/ab"). Tokenised text spaces
# the separators ("DN - 1003 / mk"); a line is collapsed before it is matched.
_UPPER_DESK = r"(?:[A-Z]{1,6}\d{0,4}|\d{1,8})"
_DESK = rf"(?:{_UPPER_DESK}|[a-z]{{2,4}})"
_BARE_CODE = re.compile(rf"^(?P<desk>{_DESK}(?: ?- ?{_DESK}| ?\. ?{_UPPER_DESK}){{0,3}})"
                        r" ?/ ?[a-z]{2,4}(?: ?[/-] ?[a-z]{2,4}){0,3}$")


@cache
def _initials_words() -> tuple[frozenset[str], frozenset[str]]:
    """The shipped packs' stopwords and vowels: what tells initials from words."""
    words = shipped_lexicon()
    return words.stopwords, words.vowels


def code_line(line: str) -> str | None:
    """An editor's code alone on a line without brackets, trimmed: a desk's part (letters or a
    desk and its number), a slash and lower-case initials; None for any other line.

    >>> code_line("DN-1003/mk"), code_line(" RED - 2 / ab "), code_line("ant/mk")
    ('DN-1003/mk', 'RED - 2 / ab', 'ant/mk')
    >>> [code_line(line) for line in ("Kupu-kupu", "24/7", "USD/IDR", "(ant/mk)", "dan/atau")]
    [None, None, None, None, None]
    """
    # Most lines are longer than any code, or hold no slash: they need no pattern (suggest
    # asks about every line).
    if len(line) > 2 * CODE_MAX_CHARS or "/" not in line:
        return None
    line = collapse(line)
    if len(line) > CODE_MAX_CHARS:
        return None
    m = _BARE_CODE.match(line)
    if m is None or not any(c.isalpha() for c in m.group("desk")):
        return None
    if not any(c.isupper() or c.isdigit() for c in line) and _reads_as_words(_RUN.findall(line)):
        return None
    return line


def _reads_as_words(runs: list[str]) -> bool:
    """Whether a code of lower-case letters alone reads as words: one of its runs is a common
    word ("dan/atau", "he/she"), or one of four letters holds a vowel ("news/tech"; initials
    are two or three letters, or four without a vowel: "ugo/djm", "ant/mk")."""
    stopwords, vowels = _initials_words()
    return any(run in stopwords or (len(run) == 4 and any(c in vowels for c in run))
               for run in runs)


def code_line_key(code: str) -> tuple[str, str]:
    """The group a code line counts in: its shape, spaces aside ("RED - 2 / ab" is "A-9/a", as
    "DN-1003/mk" is), so that one rule never mixes shapes (a desk's codes and bare initials).

    >>> code_line_key("RED - 2 / ab"), code_line_key("ant/mk")
    (('code-line', 'A-9/a'), ('code-line', 'a/a'))
    """
    return ("code-line", code_shape(code).replace(" ", ""))


def code_line_pattern(alternatives: list[str]) -> str:
    r"""The drop-line pattern for codes alone on a line, one alternative per code shape.

    >>> code_line_pattern(["[A-Z]{1,3}\\s*-\\s*\\d{1,4}"])
    '^(?:[A-Z]{1,3}\\s*-\\s*\\d{1,4})$'
    """
    return f"^(?:{'|'.join(alternatives)})$"


def initials_only(shape: str) -> bool:
    """Whether a code line's shape (code_line_key) is lower-case letters alone ("a/a", "a-a/a"):
    what its letters are, not their classes, tells initials from words ("ant/mk", "and/or").

    >>> initials_only("a/a"), initials_only("A-9/a")
    (True, False)
    """
    return "A" not in shape and "9" not in shape


def split_desk(code: str) -> tuple[str, str]:
    """A lower-case code's desk part and the initials after its first slash, spaces aside.

    >>> split_desk("bur - jm / rox"), split_desk("ant/mk")
    (('bur-jm', 'rox'), ('ant', 'mk'))
    """
    desk, _, rest = code.partition("/")
    return desk.replace(" ", ""), rest.replace(" ", "")


def desk_alternative(desk: str, initials: list[str]) -> str:
    r"""The pattern for codes of one desk: its letters as written, a slash, then the initials'
    alternatives (code_alternative), spaces optional around the punctuation.

    >>> desk_alternative("bur-jm", ["[a-z]{2,3}"])
    'bur\\s*-\\s*jm\\s*/\\s*(?:[a-z]{2,3})'
    """
    literal = "".join(rf"\s*{escape(ch)}\s*" if not ch.isalnum() else ch for ch in desk)
    return rf"{literal}\s*/\s*(?:{'|'.join(initials)})"


# ------------------------------------------------------------------------------ staff code line

# ANTARA signs with staff numbers, a capital and three digits each, the writer's and the
# editor's ("R021/H015"), after a desk's letters and a dot or not ("T.R021/A011"), bare or in
# brackets. The capital before every number tells them from dates ("17/8"), ratios ("3/4") and
# law numbers ("No. 12/2023"); the digits from currency pairs ("USD/IDR"). A line is collapsed
# before it is matched.
_STAFF_NUMBER = r"[A-Z]\d{3}"
_STAFF_CODE = re.compile(rf"^(?:[A-Z][a-z]? ?\. ?)?{_STAFF_NUMBER}(?: ?/ ?{_STAFF_NUMBER}){{1,3}}$")
STAFF_KEY = ("code-line", "A9/A9")


def staff_code_line(line: str) -> str | None:
    """A line that is only staff numbers (in round brackets or not), trimmed; None otherwise.

    >>> staff_code_line(" T.R021/A011 "), staff_code_line("(R021/H015)"), staff_code_line("17/8")
    ('T.R021/A011', '(R021/H015)', None)
    """
    # As code_line: most lines are too long for a code or hold no slash.
    if len(line) > 2 * CODE_MAX_CHARS or "/" not in line:
        return None
    line = collapse(line)
    code = unbracketed(line)
    if code is None or len(code) > CODE_MAX_CHARS or not _STAFF_CODE.match(code):
        return None
    return line


def unbracketed(line: str) -> str | None:
    """A line's text inside one pair of round brackets around it all, trimmed; the line itself
    without brackets; None where a bracket is left open or stands alone.

    >>> unbracketed("( R021/H015 )"), unbracketed("R021/H015"), unbracketed("(R021/H015")
    ('R021/H015', 'R021/H015', None)
    """
    opens, closes = line.startswith("("), line.endswith(")")
    if opens and closes and len(line) > 1:
        line = line[1:-1].strip()
    elif opens or closes:
        return None
    return None if "(" in line or ")" in line else line


def staff_code_line_pattern(alternatives: list[str], bracketed: bool) -> str:
    r"""The drop-line pattern for staff numbers alone on a line, in round brackets too where
    `bracketed`.

    >>> staff_code_line_pattern(["[A-Z]{1,1}\\d{3,3}"], True)
    '^(?:\\(\\s*(?:[A-Z]{1,1}\\d{3,3})\\s*\\)|(?:[A-Z]{1,1}\\d{3,3}))$'
    """
    codes = f"(?:{'|'.join(alternatives)})"
    return rf"^(?:\(\s*{codes}\s*\)|{codes})$" if bracketed else f"^{codes}$"


# ----------------------------------------------------------------------------------------- lead

# A colon ends a dateline too, as Malaysian and South Asian papers write it ("THESTAR.EXAMPLE,
# PETALING JAYA: "), but only after a domain and a place (lead_shape): after one word or a name
# it is a label's ("Reporter: ...", "Presiden Jokowi: ...").
_LEAD = re.compile(r"^(?P<prefix>[^\W\d_](?:[^.!?:]|\.(?=\w)){0,60}?)"
                   r"\s*(?P<sep>--|-|–|—|:)\s+(?=\S)")
_PLACE = re.compile(r"^[^\W\d_][\w'’.]*(?:\s+[^\W\d_][\w'’.]*){0,3}(?:\s*,\s*[^\W\d_][\w'’.]*"
                    r"(?:\s+[^\W\d_][\w'’.]*){0,2})?$")
PLACE_PATTERN = (r"\p{Lu}[\pL\x27’.]*(?:\s+\p{Lu}[\pL\x27’.]*){0,3}"
                 r"(?:\s*,\s*\p{Lu}[\pL\x27’.]*(?:\s+\p{Lu}[\pL\x27’.]*){0,2})?")


@dataclass(frozen=True)
class Lead:
    end: int            # where the text after the dateline starts
    place: str | None   # the varying place, if any
    join: str           # "," or "(" after the place, ">," after the source, "" without a place
    source: str         # the fixed part: "CNN Indonesia", "ANTARA News", "Merdeka.com"
    sep: str


def is_place(text: str) -> bool:
    """Whether a text has a dateline's place's shape: up to four words, a region after a comma.

    >>> is_place("SHAH ALAM"), is_place("Kota Bharu, Kelantan"), is_place("12 Mac")
    (True, True, False)
    """
    return bool(_PLACE.match(text))


def lead_shape(line: str) -> Lead | None:
    """A dateline opening a document's first line: place, source and a dash before the text.

    >>> lead_shape("Jakarta, CNN Indonesia -- Militer Swiss mencari jet tempur milik angkatan udara.")
    Lead(end=26, place='Jakarta', join=',', source='CNN Indonesia', sep='--')
    >>> lead_shape("Sukabumi, Jawa Barat (ANTARA News) - Pusat Pelayanan Terpadu dibuka hari ini.").source
    'ANTARA News'
    >>> lead_shape("Merdeka.com - Indonesia Business and Development Expo 2016 digelar di JCC.").place is None
    True
    >>> lead_shape("JUARA.NET, KUALA LUMPUR - Kontingen Indonesia berada di peringkat keempat.")
    Lead(end=26, place='KUALA LUMPUR', join='>,', source='JUARA.NET', sep='-')
    >>> lead_shape("DAILYNUSA.EXAMPLE, KUALA LUMPUR: The ringgit firmed against the dollar today.")
    Lead(end=33, place='KUALA LUMPUR', join='>,', source='DAILYNUSA.EXAMPLE', sep=':')
    >>> [lead_shape(t + ": the ringgit firmed against the dollar.") for t in ("Reporter",
    ...  "Presiden Jokowi", "Jakarta, Kompas", "Kompas.com")]
    [None, None, None, None]
    """
    if len(line) < 40:
        return None
    m = _LEAD.match(line)
    if not m:
        return None
    prefix = collapse(m.group("prefix"))
    if len(prefix.split()) > 7 or len(line[m.end():].split()) < 4:
        return None
    place, join, source = None, "", prefix
    if "(" in prefix and prefix.endswith(")"):
        head, _, inner = prefix[:-1].partition("(")
        place, join, source = collapse(head), "(", collapse(inner)
    elif "," in prefix:
        head, _, tail = prefix.partition(",")
        place, join, source = collapse(head), ",", collapse(tail)
        if re.search(r"\.\w", head) and not re.search(r"\.\w", tail):
            # "Liputan6.com, Jakarta -": a domain names the source, the place follows it.
            place, join, source = collapse(tail), ">,", collapse(head)
    if place is not None and (not place or not _PLACE.match(place) or not place[0].isupper()):
        return None
    if not source or (m.group("sep") == ":" and join != ">,"):
        return None
    return Lead(m.end(), place, join, source, m.group("sep"))


def lead_key(shape: Lead) -> tuple:
    return ("lead", shape.join, shape.source.lower())


def lead_display(key: tuple, seps: Iterable[str] = ()) -> str:
    """A dateline's shape as shown, ending with the separators seen (`seps`; a dash where none
    is given), so that a colon dateline is not shown as a dash's.

    >>> lead_display(("lead", ">,", "dailynusa.example"), {":"})
    'dailynusa.example, <place> :'
    """
    _, join, source = key
    sep = "|".join(sorted(seps, key=lambda s: (-len(s), s))) or "-"
    if join == "(":
        return f"<place> ({source}) {sep}"
    if join == ",":
        return f"<place>, {source} {sep}"
    if join == ">,":
        return f"{source}, <place> {sep}"
    return f"{source} {sep}"


def lead_pattern(join: str, source: str, seps: set[str]) -> str:
    r"""The meta pattern for a dateline: the place (if it varies) and the source are captured.

    >>> lead_pattern("", "Merdeka.com", {"-"})
    '^(?P<source>(?i:Merdeka\\.com))\\s*(?:-)\\s*'
    """
    sep = "|".join(s for s in sorted(seps, key=lambda s: (-len(s), s)))
    src = f"(?P<source>(?i:{escape(source)}))"
    if join == "(":
        head = rf"^(?P<location>{PLACE_PATTERN})\s*\(\s*{src}\s*\)"
    elif join == ",":
        head = rf"^(?P<location>{PLACE_PATTERN})\s*,\s*{src}"
    elif join == ">,":
        head = rf"^{src}\s*,\s*(?P<location>{PLACE_PATTERN})"
    else:
        head = f"^{src}"
    return rf"{head}\s*(?:{sep})\s*"
