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
        raise DecodeError("binary data (NUL or control bytes), not text")
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
