"""Bytes to text: BOMs, strict UTF-8 by default, charset detection on request, binary refused."""

from __future__ import annotations

import codecs

from cleaner.charset_guess import guess_charset

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text: NUL and most C0 controls (tab, LF, FF, CR and ESC excluded).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
BINARY_SHARE = 0.01
# Encodings a record does not name: UTF-8 (with or without a BOM) is what it is written in, and
# ASCII is UTF-8. Any other one goes into the record's "encoding" field.
UTF8_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "ascii"})


class DecodeError(ValueError):
    """Bytes that are not text in the expected encoding; the message says why and where."""


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


def decode_bytes(data: bytes, encoding: str = "utf-8") -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding used).

    `encoding` is "utf-8" (strict: invalid bytes raise DecodeError), "auto" (UTF-8, else the
    charset guess_charset guesses), or any codec name.

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
    if looks_binary(data):
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
    try:
        return data.decode(encoding), encoding
    except (UnicodeError, LookupError) as exc:      # (punycode raises a bare UnicodeError)
        raise DecodeError(f"cannot decode as {encoding}: {exc}") from None


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
