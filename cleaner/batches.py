"""Batches of input items, and what cleaning one gives back: one outcome per document.

Every executor (cleaner.executors, cleaner.ray_executor) takes batches of input items (Items and
Rejects, in input order; RawRecords, RawBlocks and FileBlocks of JSONL lines not parsed yet;
TextFiles not read yet) and gives back, batch by batch and in the same order, one outcome per
document:

    ("record", json_line: bytes, size: int)
    ("record", json_line: bytes, size: int, contexts: list[tuple[str, str]])   (context asked)
    ("reject", reject: dict)

With `context` asked (a run that writes a report), each record's outcome also holds the text
before and after each of its removals, taken where the document was cleaned: only there is the
text a web page's rules ran on known, and under Ray only there is any input text at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from cleaner.document import NOTHING_VISIBLE, nothing_visible
from cleaner.document_files import TextFile
from cleaner.inputs import (MAX_REJECT_RAW, SET_ASIDE, Item, Reject, expand, id_text, opens_as_page,
                            printable, set_aside)
from cleaner.jsonl_reader import RawRecord, sure_leading_id
from cleaner.pipeline import CLEAN_CHUNK
from cleaner.record_json import record_json
from cleaner.removal_context import removal_contexts
from cleaner.stats import STAGE_CLOCK, RunStats

# A batch holds at most this many items or this many bytes of input, whichever comes first.
BATCH_ITEMS = 128
BATCH_BYTES = 2 << 20
# A web page's byte weighs this many of an article's in a batch (and in the bytes in flight):
# cleaning the 186 benchmark pages took 0.217 s of CPU a MB of HTML, 9,047 JSONL articles 0.091
# (2.4 times), so a batch of pages (1 MB of HTML, ~0.2 s of CPU) is about as much work as one
# of articles, and a run of pages writes and checkpoints as often.
HTML_WEIGHT = 2
# A record of more bytes than this is cleaned alone, not in a chunk with others (clean_chunks).
ALONE_BYTES = 1 << 20

Outcome = tuple


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    seconds: dict[str, float] = field(default_factory=dict)   # CPU time per stage in the worker
    # The batch's records already counted where they were cleaned, so that the main process
    # adds one tally a batch; None when outcomes were dropped or joined (count them one by one).
    tally: RunStats | None = None
    # The batch's records as the output stores them (Parquet rows: parquet_io.encode_records),
    # made where they were cleaned; None when the output takes lines, or outcomes were dropped
    # or joined (the main process then encodes the lines).
    encoded: bytes | None = None


def item_bytes(item: Item | RawRecord | Reject | TextFile) -> int:
    """The input bytes an item weighs in a batch: those its worker will clean (a file named,
    once weighed: its decompressed size), a web page's HTML_WEIGHT times over; a Reject's are
    not counted."""
    if type(item) is TextFile:
        work = item.work or item.size
        return work * HTML_WEIGHT if item.html else work
    size = getattr(item, "size", 0)
    # (type, not getattr(item, "kind"): a line's RawRecord has none, and a miss costs 100 ns)
    return size * HTML_WEIGHT if type(item) is Item and item.kind == "html" else size


def batch_bytes(batch: list) -> int:
    """The input bytes a batch holds."""
    return sum(map(item_bytes, batch))


def batched(items: Iterable[Item | RawRecord | Reject], max_items: int = BATCH_ITEMS,
            max_bytes: int = BATCH_BYTES) -> Iterator[list[Item | RawRecord | Reject]]:
    """Items grouped into batches, in order; a file named (TextFile) is weighed here, once: a
    .html.gz page by the HTML it holds, not its size on disk."""
    batch: list[Item | RawRecord | Reject] = []
    size = 0
    for item in items:
        if type(item) is TextFile:
            item = item.weighed()
        batch.append(item)
        size += item_bytes(item)
        if len(batch) >= max_items or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def document_args(item: Item) -> dict[str, Any]:
    """Keyword arguments for Cleaner.make_document (and page_document) from an input item's
    fields; a missing id is made. (An HTML item's hints, the reader's notes on the page, go
    apart: page_document.)"""
    fields = dict(item.fields)
    if fields.get("id") is None:
        name = item.id_name or printable(Path(item.source).name if item.line
                                         else Path(item.source).stem)
        fields["id"] = f"{name}:{item.line}" if item.line else name
    fields.setdefault("url", None)     # (a url that is not text: flagged unreadable-url by the Cleaner)
    return fields


def page_document(cleaner, item: Item):
    """The cleaned Document of an HTML item: its fields, and apart from them the notes its
    reader made on the page (its hints), so that a field named like a note stays a field."""
    fields = document_args(item)
    return cleaner.page_document(item.text, fields.pop("url"), getattr(item, "hints", None) or {},
                                 **fields)


def text_document(cleaner, item: Item):
    """The Document for a text item, not cleaned yet: with the notes its reader made on it (its
    hints' page_flags: a WARC text record the file ends inside) in its flags, as a page's are.
    Most items have no hints, and cost one test more."""
    flags = item.hints.get("page_flags") if item.hints else None
    if flags:
        return cleaner.make_flagged_document(item.text, flags, **document_args(item))
    return cleaner.make_document(item.text, **document_args(item))


def clean_item_document(cleaner, item: Item):
    """The cleaned Document for an input item, text or HTML (for commands that show documents)."""
    if getattr(item, "kind", "text") == "html":
        return page_document(cleaner, item)
    return cleaner.clean_document(text_document(cleaner, item))


def clean_item(cleaner, item: Item) -> dict[str, Any]:
    """The record for one input item (HTML items go through Cleaner.page_document when present; a
    text item its reader flagged keeps its flags, as a page does)."""
    if getattr(item, "kind", "text") == "html" and hasattr(cleaner, "page_document"):
        return page_document(cleaner, item).to_record()
    if (getattr(item, "hints", None) or {}).get("page_flags") and \
            hasattr(cleaner, "make_flagged_document"):
        return clean_item_document(cleaner, item).to_record()
    if item.size > ALONE_BYTES and hasattr(cleaner, "clean_large") and \
            not opens_as_page(item.text):
        return _large_record(cleaner, item)
    return cleaner.clean(item.text, **document_args(item))


def _large_record(cleaner, item: Item) -> dict[str, Any]:
    """Cleaner.clean's record of a large text item, its text held once at the peak, not three
    times (as read, normalized, and joined into the record): once the Document has the text,
    the item keeps only the head a reject of it shows (MAX_REJECT_RAW), and the Document lets go
    of it as it is normalized (Cleaner.clean_large). The item is cleaned alone (clean_chunks),
    so no second pass over its whole text is ever asked of it."""
    text = item.text
    doc = cleaner.make_document(text, **document_args(item))
    blank = not text or text.isspace()          # (Cleaner.clean's `not text.strip()`, no copy)
    item.text = text[:MAX_REJECT_RAW]
    del text
    return cleaner.clean_large(doc, blank)


def clean_items(cleaner, items: list[Item],
                texts: list[str | None] | None = None) -> list[dict[str, Any] | Exception]:
    """Per input item, its record, or the exception its cleaning raised.

    Text items are cleaned together (Cleaner.clean_documents, where the cleaner has it), which
    gives the records of cleaning them one by one in less time. If that raises, each is cleaned
    alone again, so that only the item that raises is lost. `texts`, if given, gets each item's
    text as the rules read it (normalized; a page's extracted article), where the cleaner tells.
    """
    results: list[dict[str, Any] | Exception | None] = [None] * len(items)
    together = [index for index, item in enumerate(items) if item.kind == "text"]
    if len(together) > 1 and hasattr(cleaner, "clean_documents"):
        try:
            docs = cleaner.clean_documents([text_document(cleaner, items[index])
                                            for index in together])
            for index, doc in zip(together, docs):
                results[index] = doc.to_record()
                if texts is not None:
                    texts[index] = doc.text
        except Exception:  # found again below, item by item
            results = [None] * len(items)
    out: list[dict[str, Any] | Exception] = []
    for index, (item, result) in enumerate(zip(items, results)):
        if result is None:
            try:
                if texts is not None and hasattr(cleaner, "clean_document"):
                    doc = clean_item_document(cleaner, item)
                    result, texts[index] = doc.to_record(), doc.text
                else:
                    result = clean_item(cleaner, item)
            except Exception as exc:  # a bug must not end a run of millions: reject, go on
                result = exc
        if item.hints and not isinstance(result, Exception):
            set_aside(result, item.hints.get(SET_ASIDE))
        out.append(result)
    return out


# A line longer than this is not parsed again for its id where a worker died on it (the main
# process would hold it parsed, as large again, where memory may be what ran out): its id is
# read from its head only where that is sure to be the id the reader gives it
# (jsonl_reader.sure_leading_id).
ID_PARSE_BYTES = 1 << 20


def item_reject(item: Any, reason: str, raw: str | None = None) -> Reject:
    """The Reject of an input item refused where it is cleaned, named as a reader's reject of
    it would be: by its file and line, and by its record's id where the record has one (its id
    field: a dump's record, a Parquet row), so that the rejects file and `explain --id` name
    it. A file read whole (no line) is named by its file, as its reader's rejects are. Made
    per reject only: nothing is done here for a document that is cleaned."""
    return Reject(item.source, item.line, reason, raw, id=reject_id(item))


def reject_id(item: Any) -> str | None:
    """The id a reject of `item` names (item_reject): an Item's id field as its record has it;
    a line not parsed yet (a RawRecord, where a worker died on it), parsed again for it (the
    reader's own parsing: its id as the reader gives it), or past ID_PARSE_BYTES read from its
    head only where that is sure to be the same id (jsonl_reader.sure_leading_id); None for a
    file read whole, a line without one, that is no JSON, or past ID_PARSE_BYTES and unsure.

    >>> reject_id(Item("d.jsonl", 3, "x", {"id": 7}, 1))
    '7'
    >>> reject_id(Item("a.txt", None, "x", {"id": "a"}, 1)) is None
    True
    """
    if getattr(item, "line", None) is None:
        return None
    if isinstance(item, Reject):
        return item.id
    fields = getattr(item, "fields", None)
    if isinstance(fields, dict):
        return id_text(fields.get("id"))
    raw = getattr(item, "raw", None)
    if not isinstance(raw, bytes):
        return None
    try:
        if len(raw) <= ID_PARSE_BYTES:
            parsed = item.parsed()
            return parsed.id if isinstance(parsed, Reject) else id_text(parsed.fields.get("id"))
        return sure_leading_id(raw, item.options)
    except Exception:       # (an id is a help to name the reject: none rather than a failure)
        return None


def _with_url(reason: str, item: Item) -> str:
    """A page's reject reason followed by the page's url, where its record gives one (a WARC
    response's target, a dump's url field), as a reader's rejects of pages name it: a crawl's
    record number alone sends the user to the archive to find which page it was.

    >>> _with_url("empty page", Item("c.warc", 3, "", {"url": "https://a.id/1"}, 0))
    'empty page: https://a.id/1'
    >>> _with_url("empty page", Item("p.html", None, "", {}, 0))
    'empty page'
    """
    url = item.fields.get("url") if isinstance(item.fields, dict) else None
    return f"{reason}: {url}" if isinstance(url, str) and url.strip() else reason


def internal_error(item: Item, exc: BaseException, writing: bool = False) -> Reject:
    """The Reject for a document whose cleaning or, with `writing`, whose record's writing
    (orjson.dumps) raised: bad input where the exception says so, else a bug, named as one.
    (orjson.JSONEncodeError is TypeError: a TypeError of cleaning is a bug, not a record JSON
    cannot hold.)"""
    from cleaner.html_load import PageError      # imported only when HTML is read

    if isinstance(exc, PageError):      # a web page with no article: bad input, not a bug
        from cleaner.html_extract import with_cut_short     # (a reader's cut page says so)

        return item_reject(item, with_cut_short(_with_url(str(exc), item),
                                                (item.hints or {}).get("page_flags")),
                           item.text[:4096])
    if writing and isinstance(exc, orjson.JSONEncodeError):   # a field JSON cannot hold
        return item_reject(item, f"cannot write the record as JSON: {exc}", item.text[:1 << 20])
    return item_reject(item, f"internal error: {type(exc).__name__}: {exc}", item.text[:1 << 20])


def clean_chunks(items: list) -> Iterator[list]:
    """`items` in chunks of CLEAN_CHUNK, in order, a record over ALONE_BYTES in a chunk of its
    own: cleaned together, two giant records were held parsed and cleaned at once (a batch of
    two 8 MB records: 134 MB of parsed text at a worker's peak, memray)."""
    chunk: list = []
    for item in items:
        if getattr(item, "size", 0) > ALONE_BYTES:
            if chunk:
                yield chunk
                chunk = []
            yield [item]
            continue
        chunk.append(item)
        if len(chunk) == CLEAN_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _clean_chunk(cleaner, unread: list, context: bool, tally: RunStats, outcomes: list[Outcome],
                 records: list[dict[str, Any]] | None) -> tuple[float, float]:
    """Parse and clean one chunk of a batch, adding each item's outcome to `outcomes` (its record
    to `records`, where kept) and counting the records in `tally`; the CPU seconds of cleaning and
    of serializing. What the chunk held parsed is let go when it returns, before the next chunk
    is parsed: a giant record's text, its record, its document."""
    chunk = [item.parsed() if isinstance(item, (RawRecord, TextFile)) else item
             for item in unread]
    # CPU seconds of this thread (STAGE_CLOCK), as the Cleaner's stages count theirs.
    t0 = STAGE_CLOCK()
    cleanable = [item for item in chunk if not isinstance(item, Reject)]
    texts: list[str | None] | None = [None] * len(cleanable) if context else None
    results = iter(clean_items(cleaner, cleanable, texts))
    read_texts = iter(texts or ())
    t1 = STAGE_CLOCK()
    for item in chunk:
        if isinstance(item, Reject):
            outcomes.append(("reject", item.as_dict()))
            continue
        result = next(results)
        text = next(read_texts, None)
        line = b""
        if not isinstance(result, Exception) and nothing_visible(result):
            outcomes.append(("reject", item_reject(item, NOTHING_VISIBLE,
                                                   item.text[:MAX_REJECT_RAW]).as_dict()))
            continue
        if not isinstance(result, Exception):
            try:
                # The newline is added here, not by orjson (OPT_APPEND_NEWLINE): the copy
                # lets go of orjson's 32 KB buffer behind a 2.5 KB line, which a batch's
                # lines would otherwise keep until written (+40 MB at the peak of a 2-worker
                # run, measured).
                line = record_json(result) + b"\n"
            except Exception as exc:
                outcomes.append(("reject", internal_error(item, exc, writing=True).as_dict()))
                continue
        if isinstance(result, Exception):
            outcomes.append(("reject", internal_error(item, result).as_dict()))
            continue
        tally.add_record(result, item.size)
        if context:
            outcomes.append(("record", line, item.size, removal_contexts(result, text)))
        else:
            outcomes.append(("record", line, item.size))
        if records is not None:
            records.append(result)
    return t1 - t0, STAGE_CLOCK() - t1


def process_batch(cleaner, batch: list[Item | Reject],
                  encode: Callable[[list[dict]], bytes] | None = None,
                  context: bool = False) -> BatchResult:
    """Clean a batch; a document that makes the cleaner fail becomes a Reject, the batch goes on.

    `encode`: what turns the batch's records into the output's own form (BatchResult.encoded).
    `context`: each record's outcome also holds the text around each removal (for a report).
    """
    outcomes: list[Outcome] = []
    records: list[dict[str, Any]] = []
    tally = RunStats(max_sites=None)        # the run's own RunStats applies the limit
    timings = getattr(cleaner, "timings", None)
    before = dict(timings) if timings is not None else {}
    clean_time = dump_time = 0.0
    # Chunks as Cleaner.clean_documents takes them: a document that raises costs its chunk a
    # second pass one by one, not the whole batch.
    for unread in clean_chunks(expand(batch)):
        cleaning, dumping = _clean_chunk(cleaner, unread, context, tally, outcomes,
                                         records if encode is not None else None)
        clean_time += cleaning
        dump_time += dumping
    encoded = None
    if encode is not None and records:
        t1 = STAGE_CLOCK()
        try:
            encoded = encode(records)
        except Exception:      # the lines are encoded where they are written, as without workers
            encoded = None
        dump_time += STAGE_CLOCK() - t1
    seconds = {"clean": clean_time, "serialize": dump_time}
    if timings is not None:
        seconds.update({f"clean.{k}": v - before.get(k, 0.0) for k, v in timings.items()})
    return BatchResult(outcomes, seconds, tally, encoded)
