"""HTML bytes to text: the charset from the HTTP header, then <meta charset>, then detection; wrong labels caught."""

from __future__ import annotations

import codecs
import re

from cleaner.charset_guess import guess_charset, mostly_utf8, single_byte
from cleaner.charset_labels import browser_codec, c1_as_codepage, windows_codepage
from cleaner.decode import DecodeError, is_utf8, looks_binary, not_text, utf16_pattern

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">, in the
# first bytes of the page as browsers look for them.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)
# An XHTML page's XML declaration, which opens it: <?xml version="1.0" encoding="ISO-8859-1"?>.
_XML_ENCODING = re.compile(
    rb"""\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
META_SCAN_BYTES = 4096
# A charset guessed from the bytes is said in a note that opens so, and flagged so in the record.
GUESSED_NOTE = "charset guessed from the bytes"
GUESSED_FLAG = "guessed-charset"


def header_charset(content_type: str | None) -> str | None:
    """The charset named in an HTTP Content-Type header.

    >>> header_charset("text/html; charset=ISO-8859-1")
    'ISO-8859-1'
    >>> header_charset("text/html") is None
    True
    """
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, or else in the XML
    declaration that opens an XHTML page (it was flagged as guessed, "none declared").

    >>> meta_charset(b'<html><head><meta charset="windows-1252"></head>')
    'windows-1252'
    >>> meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
    'utf-8'
    >>> meta_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html>')
    'ISO-8859-2'
    """
    m = _META_CHARSET.search(data[:META_SCAN_BYTES]) or _XML_ENCODING.match(data)
    return m.group(1).decode("ascii", "replace") if m else None


def codec_name(label: str | None) -> str | None:
    """A charset label as a Python codec name, as browsers read it (latin-1 as cp1252,
    Shift_JIS as cp932: charset_labels); None if unknown.

    >>> codec_name("ISO-8859-1"), codec_name("UTF8"), codec_name("x-unknown")
    ('cp1252', 'utf-8', None)
    """
    return browser_codec(label)


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str, list[str]]:
    """Decode an HTML page; return (text, codec used, notes on declared charsets that were wrong
    and on a charset guessed: charset_flag makes each a record's flag).

    The order is the browsers': a byte-order mark (or, without one, NUL bytes where UTF-16 has
    them, which no label overrides; bytes with fewer NULs, as a page in Chinese, Japanese or
    Korean has, are read in the UTF-16 they declare, or by their markup's NULs: _decode_utf16),
    the HTTP header's charset, the page's <meta charset>, then
    UTF-8 and a guess (charset_guess.guess_charset, the text files' guess:
    windows-1252, the WHATWG default for undeclared pages, unless the letters read clearly better
    in another charset browsers guess). A declared single-byte charset over
    bytes that are valid UTF-8 with non-ASCII characters is taken as the mislabel it nearly
    always is. Binary data raises DecodeError; a page with a few stray NULs or controls
    (decode.not_text) is read with them, for cleaning to drop.

    >>> decode_html("Harga naik".encode("cp1252"), "iso-8859-1")[:2]
    ('Harga naik', 'cp1252')
    >>> text, codec, notes = decode_html('<meta charset="iso-8859-1">Café'.encode("utf-8"))
    >>> text[-4:], codec, notes
    ('Café', 'utf-8', ['declared charset iso-8859-1 but the bytes are UTF-8'])
    >>> text, codec, notes = decode_html('<meta charset="utf-8">Café'.encode("cp1252"))
    >>> text[-4:], notes
    ('Café', ['declared charset utf-8 does not decode this page', 'charset guessed from the bytes: cp1252'])
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec, errors="replace"), bom_codec, []
    if looks_binary(data):
        # A page saved in UTF-16 without a byte order mark: its NULs say so, before any label
        # (such a page often declares utf-8, the charset it was copied from).
        try:
            return _decode_utf16(data, http_charset)
        except DecodeError:
            # Not UTF-16: binary data, or a page with a few stray NULs or controls, which is
            # read as a .txt with them is (decode.not_text), and cleaning drops them.
            if not_text(data) is not None:
                raise
    notes: list[str] = []
    utf8_failed: list[str] = []         # those notes of a UTF-8 label
    utf8: bool | None = None
    for label in (http_charset, meta_charset(data)):
        if not label:
            continue
        name = codec_name(label)
        if name is None:
            notes.append(f"unknown declared charset {label!r}")
            continue
        if name.startswith(("utf-16", "utf-32")):
            # Without a byte order mark (taken above), and with no NUL byte (looks_binary) or
            # not in UTF-16 (_decode_utf16), the page is not UTF-16 or UTF-32: browsers read
            # such a label as UTF-8.
            notes.append(f"declared charset {label} but the page has no byte order mark")
            continue
        if name != "utf-8" and single_byte(name) and not data.isascii():
            utf8 = is_utf8(data) if utf8 is None else utf8
            if utf8:
                notes.append(f"declared charset {label} but the bytes are UTF-8")
                return data.decode("utf-8"), "utf-8", notes
        try:
            text = data.decode(name)
        except (UnicodeError, LookupError):     # "undefined" raises a plain UnicodeError
            notes.append(f"declared charset {label} does not decode this page")
            if name == "utf-8":
                utf8_failed.append(notes[-1])
            continue
        return (*_codepage_controls(text, data, name, label, notes), notes)
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    name = guess_charset(data)
    if name:
        try:
            guessed: str | None = data.decode(name)
        except (UnicodeError, LookupError):
            guessed = None
        if guessed is not None:
            notes.append(f"{GUESSED_NOTE}: {name}" + ("" if notes else
                                                      " (none declared, and not UTF-8)"))
            return guessed, name, notes
    text = data.decode("utf-8", errors="replace")
    if mostly_utf8(data):
        # (one note: a UTF-8 label's "does not decode" beside it said the page was not read as
        # what it is)
        bad = text.count("\ufffd")
        notes = [note for note in notes if note not in utf8_failed]
        notes.append(f"UTF-8 but for {bad} invalid byte sequence{'' if bad == 1 else 's'}, "
                     "replaced")
    else:
        notes.append("no charset decodes this page cleanly; invalid bytes replaced")
    return text, "utf-8", notes


def _codepage_controls(text: str, data: bytes, codec: str, label: str,
                       notes: list[str]) -> tuple[str, str]:
    """A page decoded in its declared ISO 8859 charset, and that codec: where it holds bytes
    0x80-0x9F, which that charset reads as control characters (cleaning drops them: a cp1252
    page labelled iso-8859-15 lost every ’ “ ” and –), they are read as the Windows codepage
    of its script (charset_labels.windows_codepage), with a note saying so."""
    codepage = windows_codepage(codec)
    if codepage is None or _C1_BYTE.search(data) is None:
        return text, codec
    notes.append(f"declared charset {label} reads bytes 0x80-0x9F as control characters: "
                 f"read as {codepage}'s")
    return c1_as_codepage(text, codepage), codec


_C1_BYTE = re.compile(rb"[\x80-\x9f]")


def _decode_utf16(data: bytes, http_charset: str | None = None) -> tuple[str, str, list[str]]:
    """A page with NUL bytes read as UTF-16: by UTF-16's NUL pattern (decode.utf16_pattern),
    else by a UTF-16 charset it declares (HTTP header, or a <meta> read in UTF-16), else by
    the NULs of its ASCII markup (a page in Chinese, Japanese or Korean); any other binary data
    (or UTF-16 that decodes to control characters) raises DecodeError.

    >>> _decode_utf16("<p>Berita</p>".encode("utf-16-be"))
    ('<p>Berita</p>', 'utf-16-be', [])
    """
    codec = utf16_pattern(data)
    declared = None if codec else _declared_utf16(data, http_charset)
    unread = ""
    if declared and not _TAG.search(_head_text(data, declared[1]) or ""):
        # Random bytes served as UTF-16 do not decode, a UTF-8 page so mislabelled reads as
        # letters without a tag: the label is no reason to read either.
        unread = f" (its declared charset {declared[0]} does not read it)"
        declared = None
    if declared:
        codec = declared[1]
    elif codec is None:
        codec = utf16_markup_pattern(data)
    if codec is None:
        raise DecodeError(f"binary data (NUL or control bytes), not HTML{unread}")
    notes = []
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        # a page cut off inside a character, a lone half of a surrogate pair
        text = data.decode(codec, errors="replace")
        notes.append(f"invalid {codec} at byte {exc.start}; invalid bytes replaced")
    if looks_binary(text[:8192].encode("utf-8", "replace")):     # (its first 8 KiB decide)
        if declared:
            raise DecodeError(f"declared charset {declared[0]} but the page reads as control "
                              f"characters in {codec} (NUL or control bytes), not HTML")
        raise DecodeError(f"binary data (NUL or control characters as {codec}), not HTML")
    return text, codec, notes


_UTF16_LABELS = frozenset({"utf-16", "utf-16-le", "utf-16-be"})


def _declared_utf16(data: bytes, http_charset: str | None) -> tuple[str, str] | None:
    """The UTF-16 charset (label, codec) a page without a byte order mark declares: in its
    HTTP header, else in a <meta> found where its bytes are read as UTF-16 in either order.
    A label without the order ("utf-16") takes the order whose high bytes hold more NULs.

    >>> _declared_utf16("<p>x</p>".encode("utf-16-be"), "UTF-16")
    ('UTF-16', 'utf-16-be')
    >>> _declared_utf16('<meta charset="utf-16le"><p>x</p>'.encode("utf-16-le"), None)
    ('utf-16le', 'utf-16-le')
    """
    name = codec_name(http_charset)
    if http_charset and name in _UTF16_LABELS:
        if name == "utf-16":
            name = "utf-16-le" if data[1:8192:2].count(0) >= data[0:8192:2].count(0) \
                else "utf-16-be"
        return http_charset, name
    head = data[:META_SCAN_BYTES * 2]
    head = head[:len(head) - len(head) % 2]
    for codec in ("utf-16-le", "utf-16-be"):
        # Other characters as "?", so the ASCII of the tags keeps its place for the pattern.
        label = meta_charset(head.decode(codec, "replace").encode("ascii", "replace"))
        if label and codec_name(label) in _UTF16_LABELS:
            # the meta is readable only in the byte order the page is in, whatever it says
            return label, codec
    return None


# A tag opening: "<" then a letter, "!" or "/" (<html>, <!DOCTYPE, </p>).
_TAG = re.compile(r"<[A-Za-z!/]")
# The NULs UTF-16 markup leaves in its high bytes: ASCII tags, quotes and spaces hold one in
# every two bytes, Chinese, Japanese and Korean letters almost none (一 U+4E00 and the
# ideographic space U+3000 hold one in the low byte, far fewer).
MARKUP_NUL_SHARE = 0.1
MARKUP_NUL_RATIO = 4


def utf16_markup_pattern(data: bytes) -> str | None:
    """The UTF-16 codec a page's first 8 KiB read in by the NULs of its ASCII markup, where
    decode.utf16_pattern (a third of the high bytes NUL, no low byte) does not see it: a
    tenth of the high bytes NUL, four times as many as the low bytes hold, and the bytes read
    in that order as tags with no surrogate half and no control character.

    >>> utf16_markup_pattern("<p>東京都は一日、計画を発表した。</p>".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_markup_pattern(bytes(range(256)) * 32) is None
    True
    """
    head = data[:8192]
    head = head[:len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    for codec, high, low in (("utf-16-le", head[1::2], head[0::2]),
                             ("utf-16-be", head[0::2], head[1::2])):
        nuls = high.count(0)
        if nuls < len(high) * MARKUP_NUL_SHARE or low.count(0) * MARKUP_NUL_RATIO > nuls:
            continue
        text = _head_text(head, codec)
        if text and _TAG.search(text) and not looks_binary(text.encode("utf-8", "replace")):
            return codec
    return None


def _head_text(data: bytes, codec: str) -> str | None:
    """The first 8 KiB of data decoded in `codec` (UTF-16), or None where they hold a byte
    pair it does not take (half a surrogate pair anywhere but cut off at the end).

    >>> _head_text("<p>x</p>".encode("utf-16-le"), "utf-16-le")
    '<p>x</p>'
    >>> _head_text(b"\\x00\\xdcab", "utf-16-le") is None
    True
    """
    head = data[:8192]
    head = head[:len(head) - len(head) % 2]
    try:
        return head.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 2:
            return None
        return head[:exc.start].decode(codec)


def charset_flag(note: str) -> dict[str, str]:
    """The record flag for a note of decode_html: `guessed-charset` for a charset guessed from
    the bytes, `charset` for the others (a declared charset that was wrong or unknown).

    >>> charset_flag("charset guessed from the bytes: cp1252")["flag"]
    'guessed-charset'
    """
    return {"flag": GUESSED_FLAG if note.startswith(GUESSED_NOTE) else "charset", "reason": note}
