"""What the Malay dateline tests share: an item around one line, cleaned twice, its datelines.

The item is cleaned by a Cleaner told the language and by one that detects it.
"""

from __future__ import annotations

BODY = ("Beliau berkata peruntukan itu akan diagihkan kepada sekolah yang paling memerlukan, "
        "terutamanya di kawasan luar bandar, kerana kebanyakan bangunannya sudah usang.")


def item(title: str, line: str) -> str:
    """A title, the line under test as the lead's first line, and a body paragraph."""
    return f"{title}\n\n{line}\n\n{BODY}"


def cleaned_both(malay, detected, text: str) -> list[dict]:
    """The text cleaned by a Cleaner told Malay and by one that detects it; both read it as
    Malay."""
    records = [malay.clean(text), detected.clean(text)]
    assert [record["meta"]["lang"] for record in records] == ["ms", "ms"]
    return records


def dateline_removals(record: dict) -> list[str]:
    """The texts the Malay dateline rules removed from a record."""
    return [r["text"] for r in record["removed"] if r["rule"].startswith("ms/dateline")]
