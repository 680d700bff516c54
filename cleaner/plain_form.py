"""A rule pattern's form for text beyond ASCII only in common characters (Latin, Greek, punctuation, symbols, emoji): Unicode classes narrowed to those, compiled as UTF-8."""

from __future__ import annotations

import re
from functools import lru_cache

import re2

from cleaner.ascii_form import PROPERTY, class_members
from cleaner.pattern_forms import known_form
from cleaner.pattern_tokens import tokens

# What a line of news holds beyond ASCII, nearly always: Latin-1 and Latin Extended-A letters
# and signs (œ, š, ł, ı), Greek (μ), general punctuation (curly quotes, dashes, ellipsis,
# zero-width and special spaces), currency signs, the trade mark sign, arrows, symbols,
# dingbats and emoji (✅ ❤️ 😀 🇮🇩, a scraped post's). Each letter's other case is in them too
# (µ's is Greek, ß's is ẞ, ÿ's is Ÿ), so that case-insensitive classes narrow exactly (see
# _narrowed). A line with any other character takes a rule's full form, which for some rules
# compiles in 50 ms and holds 5 MB: with an emoji in 30% of the paragraphs, 50 MB of the
# benchmark took 3.96 s of CPU and 79 MB before emoji were in, 3.05 s and 61 MB after (3.05 s
# and 54 MB without the emoji).
_RANGES = ((0x80, 0x17F), (0x370, 0x3FF), (0x1E9E, 0x1E9E), (0x2000, 0x206F),
           (0x20A0, 0x20CF), (0x2122, 0x2122), (0x2190, 0x21FF), (0x2300, 0x23FF),
           (0x2460, 0x27BF), (0x2B00, 0x2BFF), (0xFE00, 0xFE0F), (0x1F000, 0x1FAFF))
ALPHABET = tuple(chr(code) for code in range(128)) + tuple(
    chr(code) for low, high in _RANGES for code in range(low, high + 1))
# A character outside the alphabet: where a line needs the rule's full UTF-8 form.
_OUTSIDE = re.compile("[^\\x00-\\x7f" + "".join(f"\\U{low:08x}-\\U{high:08x}"
                                                 for low, high in _RANGES) + "]")
# The alphabet as one string: a class is asked about all of it in one search (_narrowed).
_ALPHABET_TEXT = "".join(ALPHABET)


def is_plain(text: str) -> bool:
    """Whether every character of the text is in ALPHABET.

    >>> is_plain("“Kata” — Rp 5.000 … café"), is_plain("straße, Ελλάδα"), is_plain("Москва")
    (True, True, False)
    """
    return _OUTSIDE.search(text) is None


def _matched(members: str, fold: bool) -> str:
    """The characters of ALPHABET a class (its members as written) matches, in order.

    Searched as runs of members ("[...]+"), not one member at a time: the wrapper's findall
    runs a loop of Python for each match, and a negated class (\\P{Ll}) matches nearly all of
    the 5,000 characters, in some 90 runs. One at a time, the shipped rules' negated classes
    cost every process (each worker) 1.3 billion instructions as its first lines met them, 9%
    of the command over 10 MB of the benchmark. The characters are the same, as a run is only
    members side by side, and ALPHABET holds each character once: the joined runs of two
    classes are equal where the classes match the same characters of it.
    """
    options = re2.Options()
    options.log_errors = False
    runs = re2.compile(f"(?i:[{members}])+" if fold else f"[{members}]+", options)
    return "".join(runs.findall(_ALPHABET_TEXT))


@lru_cache(maxsize=None)
def _narrowed(escape: str, folded: bool = True) -> str | None:
    r"""The members of a Unicode class escape within ALPHABET, as class members; None when the
    narrowed class would differ from the class on some character of the alphabet.

    Checked as written and, where the class sits in a case-insensitive part of its pattern
    (`folded`), case-insensitive too, on every character of the alphabet: under (?i) RE2 adds
    each member's other cases, so a character of the alphabet whose other case is a member only
    outside the alphabet would be lost (why each letter's other case is in it). A negated class
    (\P{Lu}, as in [^\P{Lu}T], a capital but T) narrows only where case counts: under (?i) RE2
    folds it into more than its members' cases.

    >>> _narrowed(r"\P{Lu}") is None, _narrowed(r"\P{Lu}", folded=False) is None
    (True, False)

    >>> _narrowed(r"\p{Zs}")
    '\\x20\\xa0\\x{2000}-\\x{200a}\\x{202f}\\x{205f}'
    """
    # (each search finds the characters of the alphabet the class matches, in one call: asked
    # character by character, the 5,000 characters took 0.2 s for the shipped rules' classes)
    matched = _matched(escape, False)
    members = class_members([ord(char) for char in matched]) or "\\x{10ffff}"  # matches nothing
    for fold in (False, True) if folded else (False,):
        full = matched if not fold else _matched(escape, fold)
        if full != _matched(members, fold):
            return None
    return members


def _folds(pattern: str, case_sensitive: bool) -> list[bool]:
    """Per token of the pattern (pattern_tokens.tokens), whether it is matched case-insensitive:
    the rule's own case, changed by inline flags ("(?i:...)", "(?-i:...)", "(?i)") for their
    group or the rest of the group they stand in.

    >>> _folds("a(?i:b)c", True)
    [False, False, False, False, True, True, False]
    >>> _folds("(?i)a(b)", True), _folds("(?-i:a)b", False)
    ([False, False, False, True, True, True, True], [True, True, True, True, False, False, True])
    """
    marks = tokens(pattern)
    fold, stack, out = not case_sensitive, [], []
    i = 0
    while i < len(marks):
        token, in_class = marks[i]
        if in_class:
            out.append(fold)
        elif token == "(?":
            # Its flags run to ":" (a group) or ")" (the rest of the group it stands in).
            j = i + 1
            while j < len(marks) and marks[j][0] not in (":", ")"):
                j += 1
            flags = "".join(mark for mark, _ in marks[i + 1:j])
            inner = ("i" in flags.split("-")[0]) if "i" in flags else fold
            out.extend([fold] * (j + 1 - i))
            if j < len(marks) and marks[j][0] == ":":
                stack.append(fold)
            fold = inner
            i = j + 1
            continue
        elif token.startswith("("):
            out.append(fold)
            stack.append(fold)
        elif token == ")":
            out.append(fold)
            fold = stack.pop() if stack else fold
        else:
            out.append(fold)
        i += 1
    return out


@known_form
@lru_cache(maxsize=1024)
def plain_form(pattern: str, case_sensitive: bool = False) -> str | None:
    r"""The pattern for text that is_plain, or None when it has no such form.

    Each Unicode property class becomes its members within ALPHABET; everything else stays as
    written. On a text of that alphabet the two match the same characters, so they find the
    same matches and groups, at the same byte offsets (both are UTF-8). A class like \pL is
    hundreds of UTF-8 byte ranges: compiled and searched in full it cost 0.64 s of compiles and
    0.12 s of first searches for the shipped rules, against 0.09 s and 0.002 s narrowed, in
    every worker, for the lines with a curly quote or a dash.

    >>> plain_form(r"^\p{Nd}[’\d]")
    '^[\\x30-\\x39][’\\d]'
    """
    if "\\Q" in pattern:                # \Q...\E: literal text, escapes included
        return None
    out = []
    for (token, in_class), folded in zip(tokens(pattern), _folds(pattern, case_sensitive)):
        if token[0] == "\\" and PROPERTY.fullmatch(token):      # (an escape only)
            members = _narrowed(token, folded)
            if members is None:
                return None
            out.append(members if in_class else f"[{members}]")
        else:
            out.append(token)
    return "".join(out)
