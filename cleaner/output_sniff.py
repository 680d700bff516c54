"""Tell a file a cleaner run wrote (its cleaned records, its rejects) from a file of raw documents, by its first line."""

from __future__ import annotations

import re

import orjson

from cleaner.inputs import JSONL_SUFFIXES, PARQUET_SUFFIXES
from cleaner.jsonl_reader import open_compressed
from cleaner.report import PAGE_OPENING, TITLE_OPENING

# What a record gets from cleaning (document.Document.to_record) beside its id and text. A dump
# whose records carry all four, of these types, is a cleaner run's output.
OUTPUT_FIELDS = {"meta": dict, "removed": list, "flags": list, "fixes": list}
# The longest first line read to tell: a record of a cleaned article is a few kilobytes.
SNIFF_BYTES = 1 << 20
# How every record a run writes opens: the id comes first (document.Document.to_record).
RECORD_OPENING = b'{"id":'
# How every reject a run writes opens (inputs.Reject.as_dict): its source, its line (a WARC's:
# its record), its reason, then its raw input, which may run to megabytes once escaped, and so
# is not read: the opening up to it tells. (source and reason are JSON strings; the position a
# number or null; raw a string or null.)
REJECT_OPENING = b'{"source":'
_REJECT_LINE = re.compile(rb'\{"source":"(?:[^"\\]|\\.)*","(?:line|record)":(?:null|\d+),'
                          rb'"reason":"(?:[^"\\]|\\.)*","raw":(?:null|")')
# What written_kind tells.
RECORDS, REJECTS, REPORT = "records", "rejects", "report"
# How a run's --report page opens (report.render), up to its title's first words.
REPORT_OPENING, REPORT_TITLE = PAGE_OPENING.encode(), TITLE_OPENING.encode()


def written_kind(path: str) -> str | None:
    """What a cleaner run wrote a JSON lines file (compressed or not) or a Parquet file as: its
    cleaned records (RECORDS), its rejects (REJECTS, the rejects file); an HTML page as: its
    --report (REPORT); None for anything else.

    Read in a folder walk, such a file (`-o dump/clean.jsonl` and its clean.jsonl.rejects.jsonl,
    left there by an earlier run) had its records cleaned again beside the documents they came
    from, and each of its rejects rejected once more, so that every rerun doubled them. This
    tells what a file holds; a folder passes a rejects file over only by its name as well
    (earlier_rejects): a scraper's dump may hold records of a reject's shape. Anything this
    cannot read, or tell, is left to reading, which says what is wrong.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> cleaned, raw = os.path.join(folder, "a.jsonl"), os.path.join(folder, "b.jsonl")
    >>> _ = open(cleaned, "w").write('{"id":"1","text":"x","meta":{},"removed":[],"flags":[],'
    ...                              '"fixes":[]}\\n')
    >>> _ = open(raw, "w").write('{"id":"1","text":"x","meta":{"title":"t"}}\\n')
    >>> rejects = os.path.join(folder, "out.jsonl.rejects.jsonl")
    >>> _ = open(rejects, "w").write('{"source":"a.jsonl","line":3,"reason":"broken JSON",'
    ...                              '"raw":"{\\\\"id"}\\n')
    >>> written_kind(cleaned), written_kind(raw), written_kind(rejects)
    ('records', None, 'rejects')
    """
    name = path.lower()
    try:
        if name.endswith((".html", ".htm")):
            # (a run's --report page, left in the dump's folder: read as a news page, its
            # figures were cleaned into a record of their own)
            with open(path, "rb") as page:
                head = page.read(1024)
            return REPORT if head.startswith(REPORT_OPENING) and REPORT_TITLE in head else None
        if name.endswith(PARQUET_SUFFIXES):
            import pyarrow.parquet as pq

            schema = pq.read_schema(path)
            return RECORDS if all(field in schema.names for field in OUTPUT_FIELDS) else None
        if not name.endswith((*JSONL_SUFFIXES, ".json")):
            return None
        with open_compressed(path) as stream:
            # A cleaned record opens with '{"id":', a reject with '{"source":'; anything else
            # (a JSON array, a raw dump's other first key) is told from the first bytes, not
            # the first 1 MB line.
            head = stream.read(len(REJECT_OPENING))
            if not head.startswith(RECORD_OPENING) and head != REJECT_OPENING:
                return None
            line = head + stream.readline(SNIFF_BYTES)
    except Exception:               # damaged, unreadable, not what its name says: reading tells
        return None
    if head == REJECT_OPENING:
        return REJECTS if _reject_line(line) else None
    return RECORDS if _cleaned_record(line) else None


# The fields of a reject (inputs.Reject.as_dict): its position is "line" or "record", its id
# there only where its raw input does not show it.
REJECT_FIELDS = frozenset({"source", "reason", "raw"})
REJECT_OPTIONAL = frozenset({"id"})
REJECT_POSITIONS = frozenset({"line", "record"})
# Every field a reject has: a folder reads a dump whose text is in one of them (--text-field raw).
EVERY_REJECT_FIELD = REJECT_FIELDS | REJECT_OPTIONAL | REJECT_POSITIONS


# The names a run gives its rejects file: OUT.rejects.jsonl beside an output file
# (run_config.default_rejects), _rejects.jsonl in a shard folder (shards.ShardWriter).
REJECTS_SUFFIX = ".rejects.jsonl"
SHARD_REJECTS = "_rejects.jsonl"


def rejects_named(name: str) -> bool:
    """Whether a file's name is one a run gives its rejects file.

    >>> rejects_named("out.jsonl.rejects.jsonl"), rejects_named("_rejects.jsonl")
    (True, True)
    >>> rejects_named("scrape.jsonl"), rejects_named("rejects.jsonl")
    (False, False)
    """
    return name.endswith(REJECTS_SUFFIX) or name == SHARD_REJECTS


def earlier_rejects(name: str, written: str | None, text_field: str) -> bool:
    """Whether a file of a folder (its `name`, what written_kind tells it `written` as) is an
    earlier run's rejects file, to pass over: named as a run names one (rejects_named), and
    opening with a reject; never where the text is read from a reject's field (--text-field
    raw): a scraper's records may be shaped so, and are then what is to be read.

    >>> earlier_rejects("out.jsonl.rejects.jsonl", REJECTS, "text")
    True
    >>> earlier_rejects("scrape.jsonl", REJECTS, "text"), earlier_rejects(
    ...     "out.jsonl.rejects.jsonl", REJECTS, "raw")
    (False, False)
    """
    return (written == REJECTS and rejects_named(name)
            and text_field not in EVERY_REJECT_FIELD)


def written_by_cleaner(path: str) -> bool:
    """Whether a JSON lines file (compressed or not) or a Parquet file holds cleaned records
    (written_kind)."""
    return written_kind(path) == RECORDS


def _reject_line(line: bytes) -> bool:
    """Whether a first line (whole, or its first SNIFF_BYTES) is a reject as a run writes it:
    its opening, and, where the line is whole, no field a reject has not."""
    if not _REJECT_LINE.match(line):
        return False
    if not line.endswith(b"\n"):
        return True                 # (a raw input of megabytes: its opening tells)
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    if type(record) is not dict:
        return False
    fields = set(record) - REJECT_POSITIONS
    return REJECT_FIELDS <= fields <= REJECT_FIELDS | REJECT_OPTIONAL


def _cleaned_record(line: bytes) -> bool:
    """Whether a whole first line is a record as cleaning writes it, with all of OUTPUT_FIELDS."""
    if not line.endswith(b"\n"):
        return False                # (a record past SNIFF_BYTES is not a cleaned article's)
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return type(record) is dict and all(isinstance(record.get(field), kind)
                                        for field, kind in OUTPUT_FIELDS.items())
