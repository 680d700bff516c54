"""Charset labels as browsers read them (the WHATWG Encoding Standard), as Python codec names."""

from __future__ import annotations

import codecs

# Labels a browser reads as another charset than Python's codec of that name: a superset (what
# servers labelled Shift_JIS nearly always send is windows-31j, whose extension kanji such as
# 髙 and 﨑 Python's shift_jis lacks), or the codepage of the same script. Each codec's labels,
# as the Encoding Standard lists them.
_BROWSER_CODECS: dict[str, tuple[str, ...]] = {
    "cp1252": ("ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
               "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
               "iso_8859-1:1987", "l1", "latin1", "latin-1", "us-ascii", "windows-1252",
               "x-cp1252"),
    "cp1254": ("cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
               "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"),
    "cp874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
    "cp932": ("csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
              "windows-31j", "x-sjis"),
    "cp949": ("cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
              "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"),
    # (the Standard's GBK decoder is its gb18030 one: a page labelled gb2312 is read as GBK)
    "gb18030": ("chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80",
                "gbk", "iso-ir-58", "x-gbk", "gb18030"),
    "big5hkscs": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "mac-roman": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "mac-cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "iso8859-8": ("csiso88598i", "iso-8859-8-i", "logical"),
    "koi8-u": ("koi8-ru", "koi8-u"),
}
_CODEC_OF = {label: codec for codec, labels in _BROWSER_CODECS.items() for label in labels}

# The Windows codepage of an ISO 8859 charset's script. Bytes 0x80-0x9F are control characters
# in every ISO 8859 charset and punctuation (“ ” – €) in its Windows codepage: a page labelled
# ISO 8859 that holds them was written in the codepage.
_WINDOWS_CODEPAGE = {
    "iso8859-2": "cp1250", "iso8859-4": "cp1257", "iso8859-5": "cp1251", "iso8859-6": "cp1256",
    "iso8859-7": "cp1253", "iso8859-8": "cp1255", "iso8859-13": "cp1257",
    "iso8859-16": "cp1250",
}


def browser_codec(label: str | None) -> str | None:
    """The Python codec a browser's reading of a charset label matches; None if unknown.

    >>> browser_codec("Shift_JIS"), browser_codec("ISO-8859-1"), browser_codec(" utf8 ")
    ('cp932', 'cp1252', 'utf-8')
    >>> browser_codec("euc-kr"), browser_codec("gb2312"), browser_codec("x-unknown")
    ('cp949', 'gb18030', None)
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CODEC_OF:
        return _CODEC_OF[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def windows_codepage(codec: str) -> str | None:
    """The Windows codepage whose punctuation an ISO 8859 codec's control bytes (0x80-0x9F)
    stand for in a mislabelled page; None for any other codec.

    >>> windows_codepage("iso8859-15"), windows_codepage("iso8859-2"), windows_codepage("cp1252")
    ('cp1252', 'cp1250', None)
    """
    if not codec.startswith("iso8859-"):
        return None
    return _WINDOWS_CODEPAGE.get(codec, "cp1252")


def c1_as_codepage(text: str, codepage: str) -> str:
    r"""A text decoded in ISO 8859 with its control characters U+0080-U+009F (its bytes
    0x80-0x9F) read as the codepage's characters; those it leaves undefined stay.

    >>> c1_as_codepage("Council\x92s \x93plan\x94 \x81", "cp1252")
    'Council’s “plan” \x81'
    """
    return text.translate(_c1_table(codepage))


_TABLES: dict[str, dict[int, str]] = {}


def _c1_table(codepage: str) -> dict[int, str]:
    """str.translate's table from U+0080-U+009F to the codepage's characters at those bytes."""
    if codepage not in _TABLES:
        table = {}
        for byte in range(0x80, 0xA0):
            try:
                table[byte] = bytes([byte]).decode(codepage)
            except UnicodeDecodeError:          # (a byte the codepage leaves undefined)
                pass
        _TABLES[codepage] = table
    return _TABLES[codepage]
