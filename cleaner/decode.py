"""Bytes to text: BOMs, strict UTF-8 by default, charset detection on request, binary refused."""

from __future__ import annotations

import codecs

from cleaner.charset_guess import guess_charset, single_byte

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text: NUL and most C0 controls (tab, LF, FF, CR and ESC excluded).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
BINARY_SHARE = 0.01
# What not_text calls bytes of too many of those.
CONTROL_BYTES = "NUL or control bytes"
# A document's stray NULs and controls (a scraper's NUL between sentences, a file padded with
# NULs to its block): up to this many, or up to BINARY_SHARE of its bytes, it is text with them
# (cleaning drops them and records it in `fixes`, as for a JSON record's \u0000). Compressed or
# random data has one such byte in ten, UTF-16 of Latin letters one in two.
STRAY_CONTROLS = 4
# Files that open so are not text, however few controls the rest holds: a PDF is ASCII around
# its streams, a zip archive may store its files' text as it is.
_BINARY_OPENINGS = ((b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a zip archive"),
                    (b"PK\x05\x06", "a zip archive"), (b"\x89PNG\r\n\x1a\n", "a PNG image"),
                    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
                    (b"\xff\xd8\xff", "a JPEG image"),
                    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
                    (b"\x7fELF", "a program"), (b"\x1f\x8b", "gzip data"),
                    (b"\x28\xb5\x2f\xfd", "zstd data"), (b"\xfd7zXZ\x00", "xz data"))
_OPENINGS = tuple(opening for opening, _ in _BINARY_OPENINGS)
# Encodings a record does not name: UTF-8 (with or without a BOM) is what it is written in, and
# ASCII is UTF-8. Any other one goes into the record's "encoding" field.
UTF8_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "ascii"})


class DecodeError(ValueError):
    """Bytes that are not text in the expected encoding; the message says why and where."""


def is_utf8(data: bytes) -> bool:
    """Whether bytes are UTF-8 text, each character whole.

    >>> is_utf8("Berita é".encode()), is_utf8("é".encode()[:1])
    (True, False)
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control bytes in its first 8 KiB.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"), looks_binary("Berita hari ini".encode())
    (True, False)
    """
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    return controls / len(head) > BINARY_SHARE


def not_text(data: bytes) -> str | None:
    r"""What a document's bytes are, if not text: "NUL or control bytes" (more of them than a
    few strays, STRAY_CONTROLS, and than BINARY_SHARE of the bytes, NUL padding at the end not
    counted), or the format its opening names ("a PDF document"); None for text, stray NULs and
    all. The whole data is counted, so that a NUL weighs the same wherever it is.

    >>> not_text(b"Berita hari ini.\x00 Warga senang." + b"\x00" * 512), not_text(b"%PDF-1.7")
    (None, 'a PDF document')
    >>> not_text(b"\x00" * 64), not_text("Berita".encode("utf-16-le"))
    ('NUL or control bytes', 'NUL or control bytes')
    """
    body = data.rstrip(b"\x00")
    controls = len(body) - len(body.translate(None, _BINARY_BYTES))
    if controls > STRAY_CONTROLS and controls > BINARY_SHARE * len(body) or data and not body:
        return CONTROL_BYTES
    if not data.startswith(_OPENINGS):
        return None
    return next(kind for opening, kind in _BINARY_OPENINGS if data.startswith(opening))


def decode_bytes(data: bytes, encoding: str = "utf-8") -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding used).

    Bytes that are not text (not_text) are refused; a text's few stray NULs and controls stay
    in it, for cleaning to drop (normalize.drop_controls).

    `encoding` is "utf-8" (strict: invalid bytes raise DecodeError), "auto" (UTF-8, else the
    charset guess_charset guesses), or any codec name (a single-byte one reads text that is not
    UTF-8: text that is, is read as UTF-8, as the JSON lines reader reads a line).

    >>> decode_bytes("“Kata dia”".encode(), "cp1251")
    ('“Kata dia”', 'utf-8')

    >>> decode_bytes("Ankara'da çarşamba günü başlayan yağış, şehrin doğusunda etkili oldu."
    ...              .encode("cp1254"), "auto")[1]
    'cp1254'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                # A byte order mark, then bytes its encoding does not take (a Latin-1 "é",
                # a UTF-16 file cut off inside a character).
                # (the offset in the file: utf-8-sig counts from after the mark, utf-16 and
                # utf-32 from before it)
                at = exc.start + (len(bom) if name == "utf-8-sig" else 0)
                raise DecodeError(f"invalid {name} at byte {at} after its byte order "
                                  "mark") from None
    binary = not_text(data)
    if binary is not None and binary != CONTROL_BYTES:
        raise DecodeError(f"binary data ({binary}), not text")
    if binary is not None:
        # UTF-16 and UTF-32 write NUL bytes in every text: without a byte order mark they are
        # read only where named (--encoding utf-16-le), or where `auto` sees UTF-16's pattern.
        wide = encoding if _wide(encoding) else \
            utf16_pattern(data) if encoding.lower() == "auto" else None
        if wide is None:
            hint = utf16_pattern(data)
            raise DecodeError("binary data (NUL or control bytes), not text" + (
                f"; it reads as {hint} without a byte order mark (--encoding {hint})"
                if hint else ""))
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"cannot decode as {wide}: {exc}") from None
        if looks_binary(text.encode("utf-8", "surrogatepass")):
            raise DecodeError(f"binary data (NUL or control characters as {wide}), not text")
        return text, wide
    if encoding.lower() in ("utf-8", "utf8", "auto"):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if encoding.lower() != "auto":
                raise DecodeError(f"invalid UTF-8 at byte {exc.start} "
                                  f"({data[exc.start:exc.start + 4]!r}); "
                                  "use --encoding auto to detect the charset") from None
            return _decode_guessed(data, exc.start)
    if not data.isascii() and single_byte(encoding) and is_utf8(data):
        # (text that is UTF-8 is read as UTF-8 whatever single-byte charset is named, as a JSON
        # line that is UTF-8 is: the dump's others are in that charset. Read in cp1251, an
        # article's every “ was вЂњ, and its dateline's rule no longer fired)
        return data.decode("utf-8"), "utf-8"
    if _latin1(encoding):
        # Latin-1 as browsers read it (WHATWG): windows-1252, whose 0x80-0x9F are “ ” – € and
        # more where Latin-1 has C1 controls, which cleaning drops: "€ 500" lost its sign.
        # (the five bytes windows-1252 leaves undefined stay the controls Latin-1 makes them)
        return data.decode("cp1252", _AS_LATIN1), "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeError, LookupError) as exc:      # (punycode raises a bare UnicodeError)
        raise DecodeError(f"cannot decode as {encoding}: {exc}") from None


def _latin1(encoding: str) -> bool:
    """Whether the codec named is Latin-1 (latin-1, iso-8859-1, l1, ...).

    >>> _latin1("ISO-8859-1"), _latin1("latin1"), _latin1("cp1252"), _latin1("nope")
    (True, True, False, False)
    """
    try:
        return codecs.lookup(encoding).name == "iso8859-1"
    except LookupError:
        return False


def _byte_as_latin1(error: UnicodeError) -> tuple[str | bytes, int]:
    """A codec error handler: the bytes a codec does not take, as Latin-1 reads them."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("latin-1"), error.end


_AS_LATIN1 = "cleaner-as-latin1"
codecs.register_error(_AS_LATIN1, _byte_as_latin1)


# The codecs whose text holds NUL bytes: a character is two or four bytes.
_WIDE_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                          "utf-32-be"})


def _wide(encoding: str) -> bool:
    """Whether the codec named writes a character in two or four bytes (UTF-16, UTF-32)."""
    try:
        return codecs.lookup(encoding).name in _WIDE_CODECS
    except LookupError:
        return False


def utf16_pattern(data: bytes) -> str | None:
    """The UTF-16 codec ("utf-16-le", "utf-16-be") the first 8 KiB read in without a byte
    order mark, if any: a NUL in at least a third of the odd (or even) bytes, as the high byte
    of Latin letters, and in none of the others.

    >>> utf16_pattern("Berita hari ini".encode("utf-16-le")), utf16_pattern(b"\\x00" * 10)
    ('utf-16-le', None)
    """
    head = data[:8192]
    head = head[:len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    low, high = head[0::2], head[1::2]
    if not low.count(0) and high.count(0) >= len(high) / 3:
        return "utf-16-le"
    if not high.count(0) and low.count(0) >= len(low) / 3:
        return "utf-16-be"
    return None


def _decode_guessed(data: bytes, invalid_at: int) -> tuple[str, str]:
    """Bytes that are not UTF-8 (the first bad one at `invalid_at`) in the charset guessed."""
    codec = guess_charset(data)
    try:
        if codec is not None:
            return data.decode(codec), codec
    except UnicodeError:            # a multi-byte guess the bytes past its sample break
        pass
    raise DecodeError(f"invalid UTF-8 at byte {invalid_at} "
                      f"({data[invalid_at:invalid_at + 4]!r}), and no other charset reads "
                      "this data as text")
