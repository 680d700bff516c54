"""A record as its JSON line, a giant text in it serialized piece by piece."""

from __future__ import annotations

from typing import Any

import orjson

# orjson sets aside 8 bytes a character of a text before it writes it, whatever the characters:
# 66 MB to write the 8 MB text of a record at --max-record-bytes, the highest point of a worker's
# memory on such a record (memray). A text longer than this is written in pieces of PIECE
# characters, each one such buffer of 0.5 MB, and handed to orjson as JSON already written.
LONG_TEXT = 1 << 20
PIECE = 1 << 16


def record_json(record: dict[str, Any]) -> bytes:
    """The record serialized as orjson.dumps(record, option=OPT_NON_STR_KEYS) serializes it,
    byte for byte, without its peak of memory where the record's text is long.

    >>> record_json({"id": "a", "text": "x" * (LONG_TEXT + 1)}) == orjson.dumps(
    ...     {"id": "a", "text": "x" * (LONG_TEXT + 1)})
    True
    """
    text = record.get("text")
    if isinstance(text, str) and len(text) > LONG_TEXT:
        record = {**record, "text": orjson.Fragment(json_string(text))}
    return orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS)


def json_string(text: str) -> bytes:
    """`text` as a JSON string, quotes included, written PIECE characters at a time. Escapes
    never span two characters of a Python str, so the pieces join into what one call gives; a
    lone surrogate raises orjson.JSONEncodeError in its piece, as it would in one call."""
    pieces = [orjson.dumps(text[start:start + PIECE])[1:-1]
              for start in range(0, len(text), PIECE)]
    return b'"' + b"".join(pieces) + b'"'
