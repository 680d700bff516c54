"""Parquet in and out (pyarrow): rows to Items, records to a fixed, typed schema.

Input: every row is one document; the text column is `--text-field` (default "text"), the other
columns ride along as input fields (url, id, title and date are used, as in JSONL). Rows are read
in batches, so memory holds one row group at a time, never the whole file.

Output schema (the same in every shard, so a folder of shards reads as one dataset):

    id: string, text: string,
    meta: struct<title, date, source, location, site, url, category, lang: string,
                 authors, editors: list<string>>,
    removed: list<struct<rule, text: string, line, col: int64, action: string, fields: list<string>>>,
    flags: string (JSON array), fixes: list<string>,
    extra: string (JSON object of the carried input fields, null when there are none)

Carried input fields go into `extra` as JSON, because their names and types change from dump to
dump while a dataset of shards needs one schema.
"""

from __future__ import annotations

import decimal
from pathlib import Path
from typing import Any, Iterator

import orjson

from cleaner.document import LIST_FIELDS, META_FIELDS
from cleaner.readers import Item, ReadOptions, Reject

PARQUET_SUFFIXES = (".parquet", ".pq")
READ_BATCH_ROWS = 256
# Records buffered before they are written as one row group.
ROW_GROUP_ROWS = 4096
ROW_GROUP_CHARS = 32 << 20
OWNED = ("id", "text", "meta", "removed", "flags", "fixes")


def is_parquet(name: str) -> bool:
    return name.lower().endswith(PARQUET_SUFFIXES)


def _plain(value: Any) -> Any:
    """A value orjson can write: bytes become text, decimals strings; the rest as it is."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="backslashreplace")
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def read_parquet(path: Path, options: ReadOptions) -> Iterator[Item | Reject]:
    """The rows of a Parquet file as Items (line = 1-based row number); bad rows are Rejects."""
    import pyarrow.parquet as pq

    source = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        yield Reject(source, None, f"not a readable Parquet file: {type(exc).__name__}: {exc}")
        return
    if options.text_field not in parquet.schema_arrow.names:
        yield Reject(source, None, f"no {options.text_field!r} column (columns: "
                                   f"{', '.join(parquet.schema_arrow.names)})")
        return
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=READ_BATCH_ROWS):
            for fields in batch.to_pylist():
                row += 1
                yield _row_item(fields, source, row, options)
    except Exception as exc:
        yield Reject(source, row + 1, f"corrupt Parquet data after row {row}: "
                                      f"{type(exc).__name__}: {exc}")


def _row_item(fields: dict[str, Any], source: str, row: int, options: ReadOptions) -> Item | Reject:
    text = fields.pop(options.text_field, None)
    if text is None:
        return Reject(source, row, f"no {options.text_field!r} value")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Reject(source, row, f"invalid UTF-8 at byte {exc.start} of the text",
                          text[:1 << 20].decode("utf-8", errors="backslashreplace"))
    if not isinstance(text, str):
        return Reject(source, row, f"column {options.text_field!r} is a {type(text).__name__}, "
                                   "not a string")
    if not text.strip():
        return Reject(source, row, "empty document")
    size = len(text.encode("utf-8"))
    if size > options.max_record_bytes:
        return Reject(source, row, f"record of {size} bytes is larger than "
                                   f"{options.max_record_bytes}; raise --max-record-bytes")
    return Item(source, row, text, {k: _plain(v) for k, v in fields.items()}, size)


# -- output -------------------------------------------------------------------------------------

def record_schema():
    import pyarrow as pa

    meta = pa.struct([(name, pa.list_(pa.string()) if name in LIST_FIELDS else pa.string())
                      for name in META_FIELDS])
    removal = pa.struct([("rule", pa.string()), ("text", pa.string()), ("line", pa.int64()),
                         ("col", pa.int64()), ("action", pa.string()),
                         ("fields", pa.list_(pa.string()))])
    return pa.schema([("id", pa.string()), ("text", pa.string()), ("meta", meta),
                      ("removed", pa.list_(removal)), ("flags", pa.string()),
                      ("fixes", pa.list_(pa.string())), ("extra", pa.string())])


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def to_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record in the Parquet schema: meta values as text, carried fields as one JSON object."""
    meta = record.get("meta") or {}
    row_meta = {name: ([_text(v) for v in meta.get(name) or []] if name in LIST_FIELDS
                       else _text(meta.get(name))) for name in META_FIELDS}
    extra = {k: v for k, v in record.items() if k not in OWNED}
    unknown_meta = {k: v for k, v in meta.items() if k not in row_meta}
    if unknown_meta:
        extra["_meta"] = unknown_meta
    return {
        "id": _text(record.get("id")),
        "text": record.get("text"),
        "meta": row_meta,
        "removed": [{"rule": r.get("rule"), "text": r.get("text"), "line": r.get("line"),
                     "col": r.get("col"), "action": r.get("action"),
                     "fields": list(r.get("fields") or [])} for r in record.get("removed") or []],
        "flags": _text(record.get("flags") or []),
        "fixes": list(record.get("fixes") or []),
        "extra": _text(extra) if extra else None,
    }


class ParquetRecordWriter:
    """Writes JSON record lines to one Parquet file, a row group at a time (memory stays flat)."""

    def __init__(self, path: str, compression: str = "zstd"):
        import pyarrow.parquet as pq

        self.schema = record_schema()
        self._writer = pq.ParquetWriter(path, self.schema, compression=compression)
        self._rows: list[dict[str, Any]] = []
        self._chars = 0
        self.count = 0

    def write_line(self, line: bytes) -> None:
        self._rows.append(to_row(orjson.loads(line)))
        self._chars += len(line)
        self.count += 1
        if len(self._rows) >= ROW_GROUP_ROWS or self._chars >= ROW_GROUP_CHARS:
            self.flush()

    def write(self, record: dict[str, Any]) -> None:
        self.write_line(orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS))

    def flush(self) -> None:
        if self._rows:
            import pyarrow as pa

            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows, self._chars = [], 0

    def close(self) -> None:
        self.flush()
        self._writer.close()


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a Parquet file written by the cleaner back as records (flags and extra unpacked)."""
    import pyarrow.parquet as pq

    out = []
    for row in pq.read_table(path).to_pylist():
        extra = orjson.loads(row.pop("extra")) if row.get("extra") else {}
        row["flags"] = orjson.loads(row["flags"]) if row.get("flags") else []
        for removal in row["removed"]:
            if not removal["fields"]:
                del removal["fields"]
        row.update(extra)
        out.append(row)
    return out
