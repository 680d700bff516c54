"""A rule pattern's form for ASCII text: Unicode classes narrowed to their ASCII members, compiled as Latin-1."""

from __future__ import annotations

import re
from functools import lru_cache

import re2

from cleaner.pattern_forms import known_form
from cleaner.pattern_tokens import tokens

# \pL, \p{Lu}, \PN, \P{Greek}: a Unicode property class, plain or negated.
PROPERTY = re.compile(r"\\([pP])(\{\^?[A-Za-z_]+\}|[A-Za-z])")
# Characters outside ASCII that case-fold to ASCII letters (Kelvin sign, long s): under (?i) a
# pattern holding one matches ASCII text only in its UTF-8 form.
_FOLDS_TO_ASCII = frozenset("\u212a\u017f")
# A character by its code: \x{2019} or \xe9.
_HEX = re.compile(r"\\x(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))")
# A Latin-1 byte that ASCII text never holds: what every non-ASCII character becomes, and the
# member of a class left with none.
_NEVER = r"\x80"


@lru_cache(maxsize=None)
def ascii_members(escape: str) -> str:
    r"""The ASCII characters a Unicode class escape matches, as class members (ranges of \xHH).

    >>> ascii_members(r"\p{Lu}"), ascii_members(r"\p{Greek}")
    ('\\x41-\\x5a', '')
    """
    options = re2.Options()
    options.log_errors = False
    regex = re2.compile(f"[{escape}]", options)
    return class_members([code for code in range(128) if regex.fullmatch(chr(code))])


def class_members(codes: list[int]) -> str:
    r"""Characters by their codes (ascending) as class members, runs as ranges.

    >>> class_members([0x41, 0x42, 0x43, 0x5f, 0x2018, 0x2019])
    '\\x41-\\x43\\x5f\\x{2018}-\\x{2019}'
    """
    def char(code: int) -> str:
        return f"\\x{code:02x}" if code < 0x100 else f"\\x{{{code:x}}}"

    ranges, start = [], None
    for index, code in enumerate(codes):
        if start is None:
            start = code
        if index + 1 == len(codes) or codes[index + 1] != code + 1:
            ranges.append(char(start) if start == code else f"{char(start)}-{char(code)}")
            start = None
    return "".join(ranges)


@known_form
def ascii_form(pattern: str) -> str | None:
    r"""The pattern for ASCII text only, or None when it has no such form.

    Each Unicode property class becomes the ASCII characters it holds: on ASCII text the result
    matches where the pattern does, at the same offsets, and compiled as Latin-1 it costs a
    fraction (RE2 case-folds \pL over 1.1 million code points, in Latin-1 most slowly of all).
    Every other non-ASCII character becomes one byte that ASCII text never holds. What else
    differs between Latin-1 and UTF-8 (letters above 127) cannot match ASCII text.

    >>> ascii_form(r"^(?P<loc>\p{Lu}[\pL.’]*)\s*®?\s*\PL")
    '^(?P<loc>[\\x41-\\x5a][\\x41-\\x5a\\x61-\\x7a.\\x80]*)\\s*\\x80?\\s*[\\x00-\\x40\\x5b-\\x60\\x7b-\\x7f]'
    """
    if _FOLDS_TO_ASCII.intersection(pattern) or "\\Q" in pattern:     # \Q...\E: literal text
        return None
    out = []
    for token, in_class in tokens(pattern):
        escape = token[0] == "\\"     # (only an escape is a class or a code: no regex else)
        if escape and PROPERTY.fullmatch(token):
            members = ascii_members(token) or _NEVER
            out.append(members if in_class else f"[{members}]")
        elif escape and (hexa := _HEX.fullmatch(token)):
            out.append(token if int(hexa.group(1) or hexa.group(2), 16) < 128 else _NEVER)
        elif token.isascii():
            out.append(token)
        else:
            # Never in ASCII text, and one byte where UTF-8 has several, so that a quantifier
            # after it ("®?") still applies to all of it; as a range end it keeps the ASCII part.
            out.append(_NEVER)
    return "".join(out)


def _code(token: str) -> int | None:
    r"""The character a class member stands for, or None (a class escape such as \d)."""
    if len(token) == 1:
        return ord(token)
    if hexa := _HEX.fullmatch(token):
        return int(hexa.group(1) or hexa.group(2), 16)
    if len(token) == 2 and not token[1].isalnum():          # \- \] \. ...
        return ord(token[1])
    return None


def hidden_error(pattern: str) -> str | None:
    r"""An error in the pattern that its ASCII form hides, or None: a character code past
    U+10FFFF, or a class range that runs backwards from a character above ASCII (both ends
    become one byte in the ASCII form).

    >>> hidden_error("[ü-é]"), hidden_error(r"\x{110000}")
    ('invalid character class range: ü-é', 'invalid escape sequence: \\x{110000}')
    >>> hidden_error(r"[é-ü\x{2018}-\x{2019}]") is None
    True
    """
    members: list[str] = []
    for token, in_class in tokens(pattern):
        hexa = _HEX.fullmatch(token) if token[0] == "\\" else None     # (an escape only)
        if hexa and int(hexa.group(1) or hexa.group(2), 16) > 0x10FFFF:
            return f"invalid escape sequence: {token}"
        if not in_class:
            continue
        if token[0] == "[" or token == "]":        # a class opens (maybe with a literal "]") or ends
            members = ["]"] if token != "]" and token.endswith("]") else []
            continue
        members.append(token)
        if len(members) >= 3 and members[-2] == "-":
            low, high = _code(members[-3]), _code(members[-1])
            if low is not None and high is not None and low > high and low > 0x7F:
                return f"invalid character class range: {members[-3]}-{members[-1]}"
            members = []                           # a range used up: the next "-" is literal
    return None


def compile_ascii(pattern: str, options) -> object | None:
    """The ASCII form compiled as Latin-1 (`options` set to that encoding), or None."""
    options.encoding = re2.Options.Encoding.LATIN1
    try:
        source = ascii_form(pattern)
        return None if source is None else re2.compile(source.encode("utf-8"), options)
    except re2.error:           # the UTF-8 form serves, and reports the error if it has one
        return None
