"""Parquet in and out (pyarrow): rows to Items, records to a fixed, typed schema.

Input: every row is one document; the text column is `--text-field` (default "text"), the other
columns ride along as input fields (url, id, title and date are used, as in JSONL). Rows are read
in batches, so memory holds one row group at a time, never the whole file. A url that is no text (a
timestamp, bytes that are not UTF-8) is flagged `unreadable-url`, as the Python API flags it.

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

import os
from pathlib import Path
from typing import Any, Iterator, NamedTuple

import orjson

from cleaner.document import LIST_FIELDS, META_FIELDS, json_value, url_value
from cleaner.inputs import MAX_REJECT_RAW, PARQUET_SUFFIXES, SET_ASIDE, Item, ReadOptions, Reject, \
    id_text, json_kind, opens_as_page, raw_text, with_hint_fields
from cleaner.jsonl_reader import has_page, record_id
from cleaner.record_json import record_json

READ_BATCH_ROWS = 256
# A block of rows sent to a worker holds about this many bytes of text (batches.BATCH_BYTES), and
# a row of more than BLOCK_ALONE_BYTES goes in a block of its own (batches.ALONE_BYTES): a block
# of 256 rows is not split where it is cleaned, nor counted as more than one in the bytes in
# flight, and six giant rows in one block took a worker to 375 MB (issue #6). (The same values
# as batches', which imports this module's reader: written again here, not imported.)
BLOCK_BYTES = 2 << 20
BLOCK_ALONE_BYTES = 1 << 20
# Column chunks are read through a buffer of this many bytes, a page at a time, not each read
# whole into memory before its first row is decoded (pyarrow's default, buffer_size=0).
READ_BUFFER_BYTES = 1 << 20
# Rows of a dictionary-encoded text column read at once to measure it (_dictionary_rows): at most
# this many copies of its largest text decoded at once. Measuring 100 MB of articles in one row
# group took the main process 0.95 s of CPU 8 rows at a time, 0.36 s 32 at a time (reading it
# 0.48 s); 200 rows of one 1.4 MB text peaked at 142 and 220 MB (720 read 256 at a time). Also
# the fewest rows the dictionary's longest text may bound a read to: fewer read slower than
# measuring does (reading the same 100 MB 16 rows at a time took 0.53 s, 256 at a time 0.23).
READ_MEASURE_ROWS = 32
# A row group of giant rows (read one at a time) whose text chunk keeps a dictionary page of
# this many bytes or more (compressed) has each row read by a reader of its own (_group_parts),
# where reading the chunk once per row costs at most REREAD_BYTES of decoding: about 0.1 s a row
# for four 8 MB rows.
REREAD_DICTIONARY_BYTES = 4 << 20
REREAD_BYTES = 512 << 20
# Records buffered before they are written as one row group. The main process holds a row
# group twice as it writes it (the workers' rows, and the one table they are copied into):
# 4,096 records (~10 MB of text) held 15-20 MB more at the peak of a 2-worker run than 1,024.
ROW_GROUP_ROWS = 1024
ROW_GROUP_CHARS = 8 << 20
OWNED = ("id", "text", "meta", "removed", "flags", "fixes")


def is_parquet(name: str) -> bool:
    return name.lower().endswith(PARQUET_SUFFIXES)


def _plain(value: Any) -> Any:
    """A row's value as the command writes it and reads hints from: document.json_value, the one
    function the Python API makes its hints and fields with too (bytes text, times ISO 8601
    text, numpy values Python's), a float alone kept as the JSONL reader keeps it.

    Timestamps of nanoseconds (pandas' datetime type) come out of Arrow as pandas Timestamps,
    which orjson does not take for datetimes: the document would be refused over a field that
    only rides along.

    >>> _plain(b"abc"), _plain([b"x", float("inf")]), _plain(float("inf"))
    ('abc', ['x', None], inf)
    """
    return json_value(value, keep_floats=True)


# The mark a Parquet file opens and ends with.
PARQUET_MARK = b"PAR1"


def _unreadable(path: Path, exc: Exception) -> str:
    """Why pyarrow could not open a file named as Parquet, told by its marks where they say
    more than pyarrow's words (the same for a file cut short and one of another format)."""
    said = f"{type(exc).__name__}: {exc}"
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(64)
            f.seek(max(0, size - len(PARQUET_MARK)))
            tail = f.read()
    except OSError:
        return f"not a readable Parquet file: {said}"
    if not head:
        return "an empty file (0 bytes): no Parquet in it"
    if not head.startswith(PARQUET_MARK):
        opening = head.split(b"\n", 1)[0][:40].decode("utf-8", "replace")
        shown = f"opens with {opening!r}, not" if opening.isprintable() and opening else \
            "does not open"
        return (f"not a Parquet file: it {shown} with Parquet's mark PAR1 (another format "
                "named as Parquet?)")
    if tail != PARQUET_MARK:
        return (f"a Parquet file cut short: it opens as Parquet, but its {size:,} bytes end "
                "before its footer (copied or downloaded in part?)")
    return f"not a readable Parquet file: {said}"


def read_parquet(path: Path, options: ReadOptions
                 ) -> Iterator[Item | Reject | ParquetBlock | ParquetRow]:
    """The rows of a Parquet file as Items (line = 1-based row number); bad rows are Rejects.
    With `options.defer_parse`, Arrow batches of rows (ParquetBlock), and giant rows to be read
    again (ParquetRow), made into items where they are cleaned."""
    import pyarrow.parquet as pq

    source = str(path)
    try:
        # pre_buffer (pyarrow's default) reads the column chunks of the row groups ahead of
        # the rows asked for: memory then grew with the file (347 MB peak for 200 MB of Parquet
        # against 165 MB for 16 MB). Without it the rows are read as they are asked for.
        parquet = pq.ParquetFile(path, pre_buffer=False, buffer_size=READ_BUFFER_BYTES)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        yield Reject(source, None, _unreadable(path, exc))
        return
    names = parquet.schema_arrow.names
    if options.text_field not in names:
        # (a page column alone: the text column's pages are read as pages)
        hint = (f"read its {options.html_field!r} column's pages with --text-field "
                f"{options.html_field}" if options.html_field in names
                else "--text-field names the one with the text")
        yield Reject(source, None, f"no {options.text_field!r} column (columns: "
                                   f"{', '.join(names)}); {hint}")
        return
    if names.count(options.text_field) > 1:
        # A row as a dict would keep the last of them, and pass over the other's text.
        yield Reject(source, None, f"{names.count(options.text_field)} columns named "
                                   f"{options.text_field!r}: which holds the text is not "
                                   "known; rename the others")
        return
    doubled = sorted({name for name in names if names.count(name) > 1})
    if doubled:
        # A row as a dict keeps one value a name: the others would be lost, unsaid.
        yield Reject(source, None, f"more than one column named {', '.join(map(repr, doubled))}"
                                   ": a record holds one field of a name, and the others' "
                                   "values would be lost; rename them")
        return
    text_column = names.index(options.text_field)
    # Row group by row group: a damaged page costs the rest of its row group (a reject says
    # which rows), not the rest of the file.
    first = 0                           # rows before this row group
    for group in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        row = first
        try:
            for part in _group_parts(parquet, path, group, text_column, row + 1, options):
                if options.defer_parse or isinstance(part, Reject):
                    yield part
                    row = row + 1 if isinstance(part, Reject) else part.last_line
                    continue
                for item in part.records():
                    row += 1
                    yield item
        except Exception as exc:
            lost = f"rows {row + 1} to {first + rows}" if first + rows > row + 1 else f"row {row + 1}"
            # (row groups counted from 1, as rows are)
            yield Reject(source, row + 1, f"corrupt Parquet data: {lost} (row group {group + 1} "
                                          f"of {parquet.num_row_groups}) not read: "
                                          f"{type(exc).__name__}: {exc}")
        first += rows


def names_parquet(inputs: list[str]) -> bool:
    """Whether a run's inputs name a Parquet file (a folder's files are known only as it is
    read).

    >>> names_parquet(["a.jsonl", "b.parquet"]), names_parquet(["dump/"])
    (True, False)
    """
    return any(name.lower().endswith(PARQUET_SUFFIXES) for name in inputs)


def import_arrow() -> None:
    """Import what reading Parquet and sending its rows to workers takes (pyarrow's Parquet,
    IPC and compute modules): in the main process before its workers are forked, they share
    its pages, where each importing them took 15 MB of its own."""
    import importlib

    for module in ("pyarrow.compute", "pyarrow.ipc", "pyarrow.parquet"):
        importlib.import_module(module)


def _group_parts(parquet, path: Path, group: int, text_column: int, line: int,
                 options: ReadOptions) -> Iterator[ParquetBlock | ParquetRow | Reject]:
    """A row group's rows, row `line` on, as split_batch gives them, read _read_rows at a time.

    Giant rows whose text Parquet keeps in one large dictionary page are not held by one reader
    while they wait to be cleaned: a reader holds that page three times over (as read,
    decompressed and decoded: 48 MB beside an 8 MB row for four such rows) until its last row
    is read, which in a parallel run is while the workers clean the others. Such rows are each
    read by a reader of their own (_row_alone), where they are cleaned when the parse is
    deferred (ParquetRow), else here."""
    source = str(path)
    rows = _read_rows(parquet, path, group, options.text_field)
    meta = parquet.metadata.row_group(group)
    if rows == 1 and _rereads_giant_rows(meta, options.text_field):
        if options.defer_parse:
            yield from _row_references(parquet, group, text_column, source, line, options)
            return
        batches = (_row_alone(path, group, index) for index in range(meta.num_rows))
    else:
        batches = parquet.iter_batches(batch_size=rows, row_groups=[group])
    for batch in batches:
        yield from split_batch(batch, text_column, source, line, options)
        line += batch.num_rows


def _row_references(parquet, group: int, text_column: int, source: str, line: int,
                    options: ReadOptions) -> Iterator[ParquetRow | Reject]:
    """A row group's giant rows as ParquetRows, and the Rejects of those over their limit, given
    once the reader that weighed them is let go; a failure to read raised after the rows read
    before it."""
    found, failure = _weighed_rows(parquet, group, text_column, source, line, options)
    yield from found
    if failure is not None:
        raise failure


def _weighed_rows(parquet, group: int, text_column: int, source: str, line: int,
                  options: ReadOptions) -> tuple[list[ParquetRow | Reject], Exception | None]:
    """A row group's rows read one at a time, each as a ParquetRow of its weight (or its
    Reject), and the failure that ended the reading, if one did."""
    stamp = _stamp(source)
    found: list[ParquetRow | Reject] = []
    try:
        for index, batch in enumerate(parquet.iter_batches(batch_size=1, row_groups=[group])):
            for part in split_batch(batch, text_column, source, line + index, options):
                found.append(part if isinstance(part, Reject) else
                             ParquetRow(source, part.line, group, index, part.size, options, stamp))
    except Exception as exc:
        return found, exc
    return found, None


def _stamp(source: str) -> tuple[int, int]:
    """A file's size and modification time: whether it is still the file its rows were weighed
    in."""
    status = os.stat(source)
    return status.st_size, status.st_mtime_ns


def _rereads_giant_rows(meta, text_field: str) -> bool:
    """Whether a row group's rows are read each by a reader of their own: its text chunk keeps
    a dictionary page of at least REREAD_DICTIONARY_BYTES, and reading the chunk once per row
    (the dictionary, and the rows before, each time) costs at most REREAD_BYTES."""
    column = _text_chunk(meta, text_field)
    if column is None or not column.has_dictionary_page:
        return False
    dictionary = column.data_page_offset - column.dictionary_page_offset
    return dictionary >= REREAD_DICTIONARY_BYTES and \
        meta.num_rows * column.total_uncompressed_size <= REREAD_BYTES


def _text_chunk(meta, text_field: str):
    """A row group's column chunk of the text column (its metadata), or None."""
    for index in range(meta.num_columns):
        column = meta.column(index)
        if column.path_in_schema == text_field:
            return column
    return None


def _row_alone(path: Path, group: int, index: int):
    """Row `index` of a row group as a batch of one row, read by a reader that is closed (and
    its pages freed) before it returns: the batch holds buffers of its own."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path, pre_buffer=False, buffer_size=READ_BUFFER_BYTES) as reader:
        batches = reader.iter_batches(batch_size=1, row_groups=[group])
        try:
            for number, batch in enumerate(batches):
                if number == index:
                    return batch
        finally:
            batches.close()
    raise ValueError(f"row group {group + 1} ended before its row {index + 1}")


def _read_rows(parquet, path: Path, group: int, text_field: str) -> int:
    """Rows to read at once from a row group: READ_BATCH_ROWS, fewer where its texts are long
    on average (about BLOCK_BYTES of text at once, down to one row): a row group of giant rows
    is then not decoded whole at once in the main process.

    A text Parquet keeps in a dictionary is counted once in the metadata however many rows
    repeat it (200 rows of one 1.4 MB text: 1.4 MB), so where its metadata cannot bound the
    row group's text, its dictionary (_dictionary_rows) or the text itself is measured first."""
    meta = parquet.metadata.row_group(group)
    try:
        column = _text_chunk(meta, text_field)
        if column is not None:
            average = column.total_uncompressed_size // max(meta.num_rows, 1)
            rows = max(1, min(READ_BATCH_ROWS, BLOCK_BYTES // max(average, 1)))
            # (every row is at most the whole chunk: a small chunk needs no measuring; nor do
            # rows read one at a time already, as giant ones are: measuring decoded 32 of them
            # at once, Arrow's peak for four 8 MB rows, 111 MB, not 64 reading them)
            if rows > 1 and column.has_dictionary_page and \
                    rows * column.total_uncompressed_size > BLOCK_BYTES and \
                    not _read_as_dictionary(parquet, text_field):
                rows = _dictionary_rows(parquet, path, group, text_field, rows)
            return rows
    except Exception:       # (no sizes in the metadata, or unreadable: read as many as ever)
        pass
    return READ_BATCH_ROWS


def _read_as_dictionary(parquet, text_field: str) -> bool:
    """Whether Arrow reads the text column as a dictionary column (a pandas `category`): it is
    then not decoded as it is read, and split_batch measures its rows."""
    import pyarrow as pa

    return pa.types.is_dictionary(parquet.schema_arrow.field(text_field).type)


def _dictionary_rows(parquet, path: Path, group: int, text_field: str, rows: int) -> int:
    """Rows to read at once from a row group whose text chunk is dictionary-encoded, at most
    `rows`: so many that no batch of them holds more than BLOCK_BYTES of decoded text besides
    its largest text.

    A row holds either a text of the dictionary or one written out plainly (once the dictionary
    filled up), which the chunk's average bounds as it bounds any chunk's rows: the longest text
    of the dictionary (_longest_in_dictionary) bounds the rest. Where that bound is below
    READ_MEASURE_ROWS rows (a dictionary holding one long text), the text column is measured
    instead, READ_MEASURE_ROWS rows at a time, and `rows` halved until its batches pass.

    The metadata gives the dictionary's size, not how many rows repeat its values, and a bound
    from it alone (each row as large as the whole dictionary) read most files, whose dictionary
    is their first megabytes of distinct texts, a row at a time. Measuring decodes the text
    column once more: 0.4 s of the main process's CPU for 92 MB of text in one row group, where
    reading the dictionary took 0.03 s."""
    import pyarrow.compute as pc

    longest = _longest_in_dictionary(parquet, path, group, text_field)
    if longest is not None:
        bound = min(rows, (BLOCK_BYTES + longest) // max(longest, 1))
        if bound >= READ_MEASURE_ROWS:
            return bound
    sizes: list[int] = []
    try:
        for batch in parquet.iter_batches(batch_size=READ_MEASURE_ROWS, row_groups=[group],
                                          columns=[text_field]):
            sizes += (size or 0 for size in pc.binary_length(batch.column(0)).to_pylist())
    except Exception:       # (a damaged page: read as the metadata says, and lose what it costs)
        return rows
    while rows > 1 and _largest_batch(sizes, rows) > BLOCK_BYTES + max(sizes, default=0):
        rows //= 2
    return rows


def _longest_in_dictionary(parquet, path: Path, group: int, text_field: str) -> int | None:
    """The byte length of the longest text in a row group's text dictionary, read with the
    chunk's first row (Arrow keeps the column's dictionary whole), or None where it cannot be
    told: the dictionary read is less than the bytes of the chunk's dictionary page, or the
    file cannot be read so."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    chunk = _text_chunk(parquet.metadata.row_group(group), text_field)
    try:
        with pq.ParquetFile(path, metadata=parquet.metadata, read_dictionary=[text_field],
                            pre_buffer=False, buffer_size=READ_BUFFER_BYTES) as reader:
            batches = reader.iter_batches(batch_size=1, row_groups=[group], columns=[text_field])
            try:
                column = next(batches).column(0)
            finally:
                batches.close()
        if chunk is None or not pa.types.is_dictionary(column.type):
            return None
        lengths = pc.binary_length(column.dictionary)
        held = (pc.sum(lengths).as_py() or 0) + 4 * len(lengths)    # (PLAIN: 4 bytes a length)
        page = chunk.data_page_offset - chunk.dictionary_page_offset
        # (compressing a page never grows it by a quarter: a page larger than that holds texts
        # the dictionary read does not)
        if page > held * 5 // 4 + 4096:
            return None
        return pc.max(lengths).as_py() or 0
    except Exception:
        return None


def _largest_batch(sizes: list[int], rows: int) -> int:
    """The most bytes of text a batch of `rows` rows of these sizes holds.

    >>> _largest_batch([1, 2, 3, 4, 5], 2)
    7
    """
    return max((sum(sizes[start:start + rows]) for start in range(0, len(sizes), rows)),
               default=0)


def split_batch(batch, text_column: int, source: str, line: int,
                options: ReadOptions) -> Iterator[ParquetBlock | Reject]:
    """An Arrow batch (rows `line` on) as blocks of about BLOCK_BYTES of text, a row of more
    than BLOCK_ALONE_BYTES in a block of its own, and the Reject of a row over its size limit
    in its place, made without its text turned into a Python string. Slices of the batch:
    nothing is copied. A text column Arrow cannot measure (not text or bytes) stays one block,
    its rows measured as they are made into items."""
    try:
        sizes = _text_sizes(batch.column(text_column))
    except Exception:
        yield ParquetBlock(source, line, batch, options, line + batch.num_rows - 1)
        return
    smallest_limit = min(options.max_record_bytes, options.max_html_bytes)
    start = total = 0
    for index, size in enumerate(sizes):
        size = size or 0
        # (a row over the smaller limit only is within its own: counted in with the others)
        reject = _over_limit(batch, text_column, index, size, source, line + index, options) \
            if size > smallest_limit else None
        if reject is not None or size > BLOCK_ALONE_BYTES:
            if index > start:
                yield _block(batch, start, index, source, line, options)
            yield reject if reject is not None else _block(batch, index, index + 1, source, line,
                                                           options)
            start, total = index + 1, 0
            continue
        total += size
        if total >= BLOCK_BYTES:
            yield _block(batch, start, index + 1, source, line, options)
            start, total = index + 1, 0
    if start < len(sizes):
        yield _block(batch, start, len(sizes), source, line, options)


def _text_sizes(column) -> list[int | None]:
    """The byte lengths of a text or bytes column's values: a dictionary column's (pandas'
    `category`; binary_length has none of its own) as decoded, without decoding it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_dictionary(column.type):
        return pc.take(pc.binary_length(column.dictionary), column.indices).to_pylist()
    return pc.binary_length(column).to_pylist()


def _block(batch, start: int, stop: int, source: str, line: int,
           options: ReadOptions) -> ParquetBlock:
    """Rows `start` to `stop` of a batch whose first row is row `line`, as a block. A dictionary
    text column is decoded, its block's rows only: a block of it would otherwise carry the
    whole of the batch's dictionary with it to a worker."""
    whole = start == 0 and stop == batch.num_rows
    part = batch if whole else batch.slice(start, stop - start)
    return ParquetBlock(source, line + start, _decoded_text(part, options.text_field), options,
                        line + stop - 1)


def _decoded_text(batch, text_field: str):
    """A batch with its dictionary text column (if it has one) decoded."""
    import pyarrow as pa

    index = batch.schema.get_field_index(text_field)
    if index < 0 or not pa.types.is_dictionary(batch.schema.field(index).type):
        return batch
    column = batch.column(index).dictionary_decode()
    return batch.set_column(index, batch.schema.field(index).with_type(column.type), column)


def _over_limit(batch, text_column: int, index: int, size: int, source: str, row: int,
                options: ReadOptions) -> Reject | None:
    """The Reject of a batch's row whose text of `size` bytes is over its limit (a web page's
    or a record's, as _row_item says), read from the first MAX_REJECT_RAW bytes of its text
    only; None for a row within its limit."""
    head = _text_head(batch.column(text_column).slice(index, 1))
    text = raw_text(head, cut=size > len(head))
    reason = _too_large(size, opens_as_page(text), options)
    if reason is None:
        return None
    others = [i for i in range(batch.num_columns) if i != text_column]
    fields = batch_rows(batch.slice(index, 1).select(others))[0] if others else {}
    if options.hint_fields:
        with_hint_fields(fields, options.hint_fields)
    return _named(Reject(source, row, reason, text), fields)


def _text_head(column) -> bytes:
    """The first MAX_REJECT_RAW bytes of a one-value Arrow column of text or bytes."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        if pa.types.is_dictionary(column.type):     # (this value's alone)
            column = column.dictionary_decode()
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = column.cast(pa.large_binary() if pa.types.is_large_string(column.type)
                                 else pa.binary())
        value = pc.binary_slice(column, 0, MAX_REJECT_RAW)[0].as_py()
    except Exception:       # (another type of text: the value read whole)
        value = column[0].as_py()
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    return value[:MAX_REJECT_RAW] if isinstance(value, bytes) else b""


def _too_large(size: int, page: bool, options: ReadOptions) -> str | None:
    """Why a row's text of `size` bytes is refused, in the words a JSONL record's reject has
    for the same limit (a run over both counts one reason); None if it is within its limit."""
    if page:
        if size > options.max_html_bytes:
            return (f"HTML page larger than {options.max_html_bytes} bytes; "
                    "raise --max-html-bytes to read it")
    elif size > options.max_record_bytes:
        return (f"record longer than {options.max_record_bytes} bytes; "
                "raise --max-record-bytes to read it")
    return None


class ParquetBlock(NamedTuple):
    """Rows of a Parquet file as Arrow read them, turned into items by whoever cleans them.

    Turning rows into Python values and items, and pickling their texts to a worker, took the
    main process of a parallel run 1.5 s of CPU per 100 MB of Parquet (0.4 s for JSONL): an
    Arrow batch travels whole, as an Arrow IPC stream (_stream). Rows `line` to `last_line`.
    """

    source: str
    line: int
    batch: Any                    # pyarrow.RecordBatch
    options: ReadOptions
    last_line: int

    @property
    def size(self) -> int:
        return self.batch.nbytes

    def records(self) -> Iterator[Item | Reject]:
        for row, fields in enumerate(batch_rows(self.batch), start=self.line):
            yield _row_item(fields, self.source, row, self.options)

    def __reduce__(self):
        return _unpickle_block, (self.source, self.line, _stream(self.batch), self.options,
                                 self.last_line)


def _stream(batch) -> bytes:
    """A batch in Arrow's IPC stream form: the rows of a slice only (pickle sends the whole
    buffers it points into), and the dictionaries of its dictionary columns, which a batch's
    serialize() leaves out (a `category` column could not be read back)."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as stream:
        stream.write_batch(batch)
    return sink.getvalue().to_pybytes()


def _unpickle_block(source: str, line: int, data: bytes, options: ReadOptions,
                    last_line: int) -> ParquetBlock:
    """A ParquetBlock from its pickled form (ParquetBlock.__reduce__)."""
    import pyarrow as pa

    return ParquetBlock(source, line, pa.ipc.open_stream(data).read_next_batch(), options,
                        last_line)


class ParquetRow(NamedTuple):
    """A giant row of a Parquet file (_group_parts), read again where it is cleaned, by a reader
    of its own: the main process, which weighed it, then holds neither the row nor the page
    Parquet keeps it in while the workers clean (as a FileBlock leaves a JSONL's bytes to them).
    Rejected where the file is no longer the one it was weighed in, or cannot be read again."""

    source: str
    line: int
    group: int                    # its row group
    place: int                    # its index in the row group
    size: int
    options: ReadOptions
    stamp: tuple[int, int]        # the file's size and modification time (_stamp)

    @property
    def last_line(self) -> int:
        return self.line

    def records(self) -> Iterator[Item | Reject]:
        try:
            batch = _row_alone(Path(self.source), self.group, self.place) \
                if _stamp(self.source) == self.stamp else None
        except Exception as exc:
            yield Reject(self.source, self.line,
                         f"cannot read the row again: {type(exc).__name__}: {exc}")
            return
        if batch is None:
            yield Reject(self.source, self.line, "the file changed while the run read it")
            return
        block = ParquetBlock(self.source, self.line, _decoded_text(batch, self.options.text_field),
                             self.options, self.line)
        del batch
        yield from block.records()


def batch_rows(batch) -> list[dict[str, Any]]:
    """An Arrow batch's rows as Python values. A value Python cannot hold (a timestamp past
    the year 9999) is Arrow's own text of it, and the rest of its row and column as they are:
    to_pylist of the whole batch raised, and cost the batch or the run."""
    try:
        return batch.to_pylist()
    except Exception:
        pass
    columns = []
    for column in batch.columns:
        try:
            columns.append(column.to_pylist())
        except Exception:
            columns.append([_value(column, index) for index in range(len(column))])
    names = batch.schema.names
    return [dict(zip(names, values)) for values in zip(*columns)] if columns else \
        [{} for _ in range(batch.num_rows)]


def _value(column, index: int) -> Any:
    """One value of an Arrow column; Arrow's text of it where Python cannot hold it."""
    try:
        return column[index].as_py()
    except Exception:
        import pyarrow as pa
        import pyarrow.compute as pc

        try:
            return pc.cast(column.slice(index, 1), pa.string())[0].as_py()
        except Exception:
            return None


def missing(value: Any) -> bool:
    """Whether a value that is no str is a missing one as pandas writes it (NaN, NA, NaT): a
    Dataset made from a DataFrame holds NaN for a text pandas lacks.

    >>> missing(float("nan")), missing(0.5), missing(None), missing([])
    (True, False, True, False)
    """
    return not isinstance(value, (str, bytes, list, dict)) and json_value(value) is None


def row_text(value: Any, text_field: str, source: str = "", row: int | None = None) -> str | Reject:
    """A row's text column as text (a binary column holds UTF-8), or the Reject of a row that
    has none: a null, bytes that are not UTF-8, another type, a blank text. (cleaner.hf flags
    a Dataset's rows by the same reasons.)

    >>> row_text(b"Isi berita", "text"), row_text(b"\\xff", "text").reason
    ('Isi berita', 'invalid UTF-8 at byte 0 of the text')
    >>> row_text(float("nan"), "text").reason       # (pandas' missing value)
    "no 'text' value"
    """
    if value is None:
        return Reject(source, row, f"no {text_field!r} value")
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Reject(source, row, f"invalid UTF-8 at byte {exc.start} of the text",
                          value[:1 << 20].decode("utf-8", errors="backslashreplace"))
    if not isinstance(value, str):
        if missing(value):
            return Reject(source, row, f"no {text_field!r} value")
        return Reject(source, row, f"column {text_field!r} is {json_kind(value)}, not a string")
    if not value.strip():
        # (its raw the blank text, as a reject of nothing visible keeps it)
        return Reject(source, row, "empty document", value[:MAX_REJECT_RAW])
    return value


def _row_item(fields: dict[str, Any], source: str, row: int, options: ReadOptions) -> Item | Reject:
    value = fields.pop(options.text_field, None)
    html = fields.get(options.html_field)
    given_page = (value is None or isinstance(value, str) and not value.strip()) and \
        has_page(html)
    if given_page:
        # No text, or a blank one, beside a page in the page column (--html-field): the page is
        # read, as a JSONL record's is.
        value = fields.pop(options.html_field)
    text = row_text(value, options.text_field, source, row)
    displaced = with_hint_fields(fields, options.hint_fields) if options.hint_fields else None
    if isinstance(text, Reject):
        return _named(text, fields)
    size = len(text.encode("utf-8"))
    # (the raw page in the text column, too: extracted, as a page)
    page = given_page or opens_as_page(text)
    too_large = _too_large(size, page, options)
    if too_large is not None:           # (a text column Arrow could not measure: split_batch)
        head = text[:MAX_REJECT_RAW].encode("utf-8", "surrogatepass")
        return _named(Reject(source, row, too_large, raw_text(head)), fields)
    url = fields.get("url")
    fields = {k: _plain(v) for k, v in fields.items()}
    if url is not None and type(url) is not str:
        # A time or bytes that are not UTF-8 is no url: kept as read, for the Cleaner to flag
        # unreadable-url as the Python API does with the same value, not its text taken for one.
        fields["url"] = url_value(url)
    # The id as a JSONL record's: `true` and `{"a":1}`, not Python's True and {'a': 1}; a NaN
    # or blank one is none. (A float is its JSON text: Parquet keeps no digits as written.)
    record_id(fields)
    return Item(source, row, text, fields, size, kind="html" if page else "text",
                hints={SET_ASIDE: displaced} if displaced else None, id_name=options.id_name)


def _named(reject: Reject, fields: dict[str, Any]) -> Reject:
    """A row's reject with the row's id, as its record would have it: a JSONL reject's raw line
    shows the id, a row's reject holds at most its text.

    >>> _named(Reject("a.parquet", 2, "empty document"), {"id": 7}).where()
    'a.parquet:2 (id 7)'
    """
    reject.id = id_text(_plain(fields.get("id")))
    return reject


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


# Columns written without their smallest and largest value: a text's, a removal's, the carried
# fields' JSON. No query looks a row up by its article's alphabetical bounds, and the writer made
# them by copying each value: 16 MB of the 63 MB Arrow held to write one 8 MB record.
NO_STATISTICS = ("text", "removed.list.element.text", "extra")


def statistics_columns(schema) -> list[str]:
    """The Parquet columns (leaf paths, as the file's metadata names them) of an Arrow schema
    that are written with statistics: all but NO_STATISTICS.

    >>> import pyarrow as pa
    >>> statistics_columns(pa.schema([("id", pa.string()), ("text", pa.string()),
    ...                               ("meta", pa.struct([("tags", pa.list_(pa.string()))]))]))
    ['id', 'meta.tags.list.element']
    """
    return [path for path in _leaf_paths(schema) if path not in NO_STATISTICS]


def _leaf_paths(fields, prefix: str = "") -> list[str]:
    """The leaf columns of Arrow fields as Parquet names them (a list's items `NAME.list.element`)."""
    import pyarrow as pa

    paths = []
    for field in fields:
        name, kind = prefix + field.name, field.type
        while pa.types.is_list(kind):
            name, kind = f"{name}.list.element", kind.value_type
        if pa.types.is_struct(kind):
            paths += _leaf_paths([kind.field(i) for i in range(kind.num_fields)], name + ".")
        else:
            paths.append(name)
    return paths


# The most bytes of rows read as one block of JSON (pyarrow.json's block size is an int32).
JSON_BLOCK_LIMIT = (1 << 31) - 1


def rows_table(rows: list[dict[str, Any]], schema):
    """Rows (to_row's) as an Arrow table of `schema`: the table pyarrow.Table.from_pylist
    makes of them, built from their JSON by Arrow's JSON reader.

    from_pylist asks, of every list it is given, whether it is a pandas one, and to ask imports
    pandas where it is installed: 30 MB of heap and 15 of libraries in each worker and in the
    main process, most of what a 2-worker run writing Parquet held over one writing JSONL
    (480 MB in all against 400). The JSON reader imports nothing more, and takes 0.7 of the
    CPU time. Rows of more than 2 GB of JSON, none in practice, go through from_pylist.
    """
    import pyarrow as pa
    import pyarrow.json as pa_json

    # (record_json: orjson set aside 8 bytes a character of a row's text, 80 MB of a worker's
    # peak for an 8 MB record)
    data = b"\n".join(map(record_json, rows))
    if not rows or len(data) >= JSON_BLOCK_LIMIT:
        return pa.Table.from_pylist(rows, schema=schema)
    # One block (a row never straddles two), read in this thread. (A field the schema has not
    # would be an error, where from_pylist passed over it: to_row makes the schema's alone.)
    read = pa_json.ReadOptions(use_threads=False, block_size=len(data) + 1)
    parse = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    return pa_json.read_json(pa.py_buffer(data), read_options=read, parse_options=parse)


def encode_records(records: list[dict[str, Any]]) -> bytes:
    """Records as Parquet rows, in Arrow's stream format: what a worker sends with a batch.

    Turning records into Arrow rows is most of what writing Parquet costs (about 45 of 60
    microseconds a record, against 9 for encoding and compressing the columns): done in the
    workers, with the record at hand, it runs on every core, and the main process, which writes
    every record, only copies rows into row groups. Rows in Arrow are the same whichever
    process builds them, so the file is the same too.
    """
    import pyarrow as pa

    schema = record_schema()
    table = rows_table([to_row(record) for record in records], schema)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as stream:
        stream.write_table(table)
    return sink.getvalue().to_pybytes()


def decode_records(data: bytes):
    """The table of rows encode_records made."""
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


class _Slice:
    """Consecutive rows of a table of encoded rows."""

    __slots__ = ("table", "start", "stop")

    def __init__(self, table, start: int):
        self.table, self.start, self.stop = table, start, start + 1

    def to_table(self, schema):
        return self.table.slice(self.start, self.stop - self.start)


class _Parsed(list):
    """Consecutive rows made here from JSON lines."""

    def to_table(self, schema):
        return rows_table(self, schema)


class ParquetRecordWriter:
    """Writes records to one Parquet file, a row group at a time (memory stays flat).

    A record comes as its JSON line, with its row in a table of encoded rows when the worker
    made one (encode_records): the row is then copied, and only a line without one is parsed.
    Row groups close at the same counts either way, so both give the same file.
    """

    def __init__(self, path: str, compression: str = "zstd", level: int | None = None):
        import pyarrow.parquet as pq

        self.schema = record_schema()
        self._writer = pq.ParquetWriter(path, self.schema, compression=compression,
                                        compression_level=level,
                                        write_statistics=statistics_columns(self.schema))
        self._parts: list[_Slice | _Parsed] = []      # the row group being gathered, in order
        self._rows = 0
        self._chars = 0
        self.count = 0

    def write_line(self, line: bytes, row: tuple[Any, int] | None = None) -> None:
        """One record: its JSON line, and `row` = (table, index) if it is there encoded."""
        last = self._parts[-1] if self._parts else None
        if row is not None:
            table, index = row
            if isinstance(last, _Slice) and last.table is table and last.stop == index:
                last.stop += 1
            else:
                self._parts.append(_Slice(table, index))
        else:
            if not isinstance(last, _Parsed):
                self._parts.append(last := _Parsed())
            last.append(to_row(orjson.loads(line)))
        self._rows += 1
        self._chars += len(line)
        self.count += 1
        if self._rows >= ROW_GROUP_ROWS or self._chars >= ROW_GROUP_CHARS:
            self.flush()

    def write(self, record: dict[str, Any]) -> None:
        self.write_line(record_json(record))

    def flush(self) -> None:
        if self._parts:
            import pyarrow as pa

            tables = [part.to_table(self.schema) for part in self._parts]
            self._writer.write_table(pa.concat_tables(tables).combine_chunks())
            self._parts, self._rows, self._chars = [], 0, 0

    def close(self) -> None:
        self.flush()
        self._writer.close()


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a Parquet file written by the cleaner back as records (flags and extra unpacked);
    ValueError for a file the cleaner did not write (its columns are not record_schema's)."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    missing = [name for name in record_schema().names if name not in table.column_names]
    if missing:
        raise ValueError(f"{path}: not records the cleaner wrote: no {', '.join(missing)} "
                         f"column{'s' if len(missing) > 1 else ''} (columns: "
                         f"{', '.join(table.column_names)})")
    out = []
    for row in table.to_pylist():
        carried = row.pop("extra", None)
        extra = orjson.loads(carried) if carried else {}
        row["flags"] = orjson.loads(row["flags"]) if row.get("flags") else []
        for removal in row["removed"]:
            if not removal["fields"]:
                del removal["fields"]
        row.update(extra)
        out.append(row)
    return out
