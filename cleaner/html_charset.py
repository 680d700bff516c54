"""HTML bytes to text: the charset from the HTTP header, then <meta charset>, then detection; wrong labels caught."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from cleaner.decode import DecodeError, looks_binary

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">, in the
# first bytes of the page as browsers look for them.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
META_SCAN_BYTES = 4096
# Labels that browsers read as windows-1252, a superset (WHATWG Encoding Standard).
_CP1252_LABELS = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso88591", "l1", "ascii",
                  "us-ascii", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252"}
# The charsets a page that declares none may be guessed to be in: those browsers detect (the
# WHATWG legacy encodings: Windows, ISO-8859, KOI8, IBM866 and the CJK ones; Python's decoders
# for the supersets browsers use), as charset-normalizer names them.
_GUESSED_CHARSETS = (
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_13",
    "koi8_r", "koi8_u", "cp866", "cp874", "tis_620", "shift_jis", "cp932", "shift_jis_2004",
    "euc_jp", "euc_jis_2004", "iso2022_jp", "euc_kr", "cp949", "big5", "big5hkscs", "gb2312",
    "gbk", "gb18030")
# charset-normalizer's own thresholds for two decodings it cannot tell apart.
TIE_CHAOS = 0.005
TIE_COHERENCE = 0.02
# Signs that windows-1252 puts between two letters only where the bytes are another charset's
# letters: Polish "Rząd powiedział" in cp1250 reads "Rz¹d powiedzia³" (charset-normalizer saw no
# mess in a short page of it).
_SIGN_IN_A_WORD = re.compile(r"[^\W\d_][¡¤¥¦§¨¯°±²³´¸¹¼½¾¿][^\W\d_]")
# A charset guessed from the bytes is said in a note that opens so, and flagged so in the record.
GUESSED_NOTE = "charset guessed from the bytes"
GUESSED_FLAG = "guessed-charset"


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
    """The charset a page declares in a <meta> tag near its start.

    >>> meta_charset(b'<html><head><meta charset="windows-1252"></head>')
    'windows-1252'
    >>> meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
    'utf-8'
    """
    m = _META_CHARSET.search(data[:META_SCAN_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def codec_name(label: str | None) -> str | None:
    """A charset label as a Python codec name, latin-1 family as cp1252; None if unknown.

    >>> codec_name("ISO-8859-1"), codec_name("UTF8"), codec_name("x-unknown")
    ('cp1252', 'utf-8', None)
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CP1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str, list[str]]:
    """Decode an HTML page; return (text, codec used, notes on declared charsets that were wrong
    and on a charset guessed: charset_flag makes each a record's flag).

    The order is the browsers': a byte-order mark, the HTTP header's charset, the page's
    <meta charset>, then UTF-8 and a guess (guess_charset). A declared single-byte charset over
    bytes that are valid UTF-8 with non-ASCII characters is taken as the mislabel it nearly
    always is. Binary data raises DecodeError.

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
        raise DecodeError("binary data (NUL or control bytes), not HTML")
    notes: list[str] = []
    is_utf8 = None
    for label in (http_charset, meta_charset(data)):
        if not label:
            continue
        name = codec_name(label)
        if name is None:
            notes.append(f"unknown declared charset {label!r}")
            continue
        if name.startswith(("utf-16", "utf-32")):
            # Without a byte order mark (taken above), and with no NUL byte (looks_binary), the
            # page is not UTF-16 or UTF-32: browsers read such a label as UTF-8.
            notes.append(f"declared charset {label} but the page has no byte order mark")
            continue
        if name != "utf-8" and single_byte(name) and not data.isascii():
            is_utf8 = _valid_utf8(data) if is_utf8 is None else is_utf8
            if is_utf8:
                notes.append(f"declared charset {label} but the bytes are UTF-8")
                return data.decode("utf-8"), "utf-8", notes
        try:
            return data.decode(name), name, notes
        except (UnicodeError, LookupError):     # "undefined" raises a plain UnicodeError
            notes.append(f"declared charset {label} does not decode this page")
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    name = guess_charset(data)
    if name:
        try:
            text = data.decode(name)
        except (UnicodeError, LookupError):
            text = None
        if text is not None:
            notes.append(f"{GUESSED_NOTE}: {name}" + ("" if notes else
                                                      " (none declared, and not UTF-8)"))
            return text, name, notes
    notes.append("no charset decodes this page cleanly; invalid bytes replaced")
    return data.decode("utf-8", errors="replace"), "utf-8", notes


def guess_charset(data: bytes) -> str | None:
    """The charset of a page that declares none (or a wrong one) and is not UTF-8, as a codec name;
    None when no charset a browser reads decodes it.

    charset-normalizer picks among the charsets that browsers guess for such pages (not the DOS
    and Mac code pages it knows too: it took English pages for cp775 and cp852). Where its own
    measures cannot tell windows-1252 from its pick (mess within 0.005, coherence within 0.02,
    its thresholds for a tie), windows-1252 wins, the WHATWG default for undeclared pages, unless
    it puts a sign inside a word. charset-normalizer gave such ties to cp1250: "Señor" came out
    as "Seńor", "£" as "Ł".

    >>> guess_charset("Señor José Muñoz, de Málaga, dijo que «sí». El niño comió.".encode("cp1252"))
    'cp1252'
    >>> guess_charset("Правительство одобрило проект закона о налогах.".encode("cp1251"))
    'cp1251'
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:1 << 20], cp_isolation=list(_GUESSED_CHARSETS))
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if "cp1252" in (codec_name(name) for name in (match.encoding, *match.could_be_from_charset)):
            if (abs(match.chaos - best.chaos) < TIE_CHAOS
                    and abs(match.coherence - best.coherence) <= TIE_COHERENCE
                    and not _SIGN_IN_A_WORD.search(data[:1 << 20].decode("cp1252", "replace"))):
                return "cp1252"
            break
    return codec_name(best.encoding)


def charset_flag(note: str) -> dict[str, str]:
    """The record flag for a note of decode_html: `guessed-charset` for a charset guessed from
    the bytes, `charset` for the others (a declared charset that was wrong or unknown).

    >>> charset_flag("charset guessed from the bytes: cp1252")["flag"]
    'guessed-charset'
    """
    return {"flag": GUESSED_FLAG if note.startswith(GUESSED_NOTE) else "charset", "reason": note}
