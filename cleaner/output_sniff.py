"""Tell a file of records that a cleaner run wrote from a file of raw documents, by its first record."""

from __future__ import annotations

import orjson

from cleaner.inputs import JSONL_SUFFIXES, PARQUET_SUFFIXES
from cleaner.jsonl_reader import open_compressed

# What a record gets from cleaning (document.Document.to_record) beside its id and text. A dump
# whose records carry all four, of these types, is a cleaner run's output.
OUTPUT_FIELDS = {"meta": dict, "removed": list, "flags": list, "fixes": list}
# The longest first line read to tell: a record of a cleaned article is a few kilobytes.
SNIFF_BYTES = 1 << 20
# How every record a run writes opens: the id comes first (document.Document.to_record).
RECORD_OPENING = b'{"id":'



def written_by_cleaner(path: str) -> bool:
    """Whether a JSON lines file (compressed or not) or a Parquet file holds cleaned records.

    Read in a folder walk, such a file (`-o dump/clean.jsonl`, left there by an earlier run)
    had its records cleaned again beside the documents they came from, each once more in the
    output. Anything this cannot read, or tell, is left to reading, which says what is wrong.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> cleaned, raw = os.path.join(folder, "a.jsonl"), os.path.join(folder, "b.jsonl")
    >>> _ = open(cleaned, "w").write('{"id":"1","text":"x","meta":{},"removed":[],"flags":[],'
    ...                              '"fixes":[]}\\n')
    >>> _ = open(raw, "w").write('{"id":"1","text":"x","meta":{"title":"t"}}\\n')
    >>> written_by_cleaner(cleaned), written_by_cleaner(raw)
    (True, False)
    """
    name = path.lower()
    try:
        if name.endswith(PARQUET_SUFFIXES):
            import pyarrow.parquet as pq

            schema = pq.read_schema(path)
            return all(field in schema.names for field in OUTPUT_FIELDS)
        if not name.endswith((*JSONL_SUFFIXES, ".json")):
            return False
        with open_compressed(path) as stream:
            # A cleaned record opens with '{"id":'; anything else (a JSON array, a raw dump's
            # other first key) is told from the first bytes, not the first 1 MB line.
            head = stream.read(len(RECORD_OPENING))
            if head != RECORD_OPENING:
                return False
            line = head + stream.readline(SNIFF_BYTES)
    except Exception:               # damaged, unreadable, not what its name says: reading tells
        return False
    if not line.endswith(b"\n"):
        return False                # (a record past SNIFF_BYTES is not a cleaned article's)
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return type(record) is dict and all(isinstance(record.get(field), kind)
                                        for field, kind in OUTPUT_FIELDS.items())
