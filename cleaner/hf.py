"""Cleaning inside `datasets.Dataset.map` (Hugging Face datasets), batched and in several processes.

    from datasets import load_dataset
    from cleaner.hf import batch_kwargs, clean_batch, cleaned_features

    ds = load_dataset("parquet", data_files="dump/*.parquet", split="train")
    ds = ds.map(clean_batch, batched=True, batch_size=256, num_proc=8,
                fn_kwargs=batch_kwargs(text_field="text"),
                features=cleaned_features(ds.features, text_field="text"))

`clean_batch` is a plain module function, so `num_proc` workers import it by name and each builds
its Cleaner once (cached per options); the text column is replaced by the cleaned text and the
columns `meta`, `removed`, `flags` and `fixes` are added; every other column is kept as it is,
except one named as an added column (a Pile-style `meta`), which goes under `input`, as the
command keeps such fields. A row the command would reject keeps its place, with text None and a
`rejected` flag giving the command's reason (one whose cleaning raised, "internal error: ...":
a bug in one row must not end a map of millions). `cleaned_features` gives their types: without it, datasets takes each
column's type from the first batch it writes, and a first batch with no removal (or no title)
types `removed` (or the title) as null, which a later batch cannot be cast to. `batch_kwargs`
gives the options with a digest of what the rule files hold, and cleaner's version with a digest
of its code: datasets names its cache of a map by the function and its arguments, and neither a
path nor the function's name says what the files or the package's other modules hold.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import orjson

from cleaner import __version__
from cleaner.document import NOTHING_VISIBLE, Document, nothing_visible
from cleaner.html_load import PageError
from cleaner.inputs import MAX_RECORD_BYTES, Reject, hint_pair, opens_as_page, with_hint_fields
from cleaner.jsonl_reader import has_page
from cleaner.parquet_io import missing, record_schema, row_text
from cleaner.pipeline import Cleaner, cleaner_language, document_id, given_site_host
from cleaner.rulefile import RuleFileError, load_packs, rule_paths

_CLEANERS: dict[tuple, Cleaner] = {}
# The package's folder, whose code source_digest reads, and what code_version made of it.
PACKAGE = Path(__file__).resolve().parent
_CODE_VERSION: str | None = None

# The columns clean_batch adds, typed as in Parquet output (parquet_io.record_schema).
ADDED_COLUMNS = ("meta", "removed", "flags", "fixes")
# Where the input's own columns of those names go (as a record's clashing fields go: Document).
INPUT_COLUMN = "input"
# batch_kwargs' `fields`: hints read from columns, as the command's --field HINT=NAME.
HintFields = dict[str, str] | str | Iterable


def _cleaner(rules: tuple[str, ...], builtin: bool, lang: str | None,
             digest: str | None) -> Cleaner:
    # The digest of the rule files (batch_kwargs) is in the key: after an edit, a process that
    # cleaned with the old rules loads the new ones.
    key = (rules, builtin, lang, digest)
    cleaner = _CLEANERS.get(key)
    if cleaner is None:
        cleaner = _CLEANERS[key] = Cleaner(rules=rules, builtin=builtin, lang=lang)
    return cleaner


def _rule_paths(rules: str | Path | tuple[str, ...] | list) -> tuple[str, ...]:
    # One rule file given alone is one path, not the characters of its name.
    return (str(rules),) if isinstance(rules, (str, Path)) else tuple(str(r) for r in rules)


def rule_files_digest(rules: str | Path | tuple[str, ...] = (), builtin: bool = True) -> str:
    """A digest of the rule files a Cleaner of these options loads, the shipped ones too: it
    changes when one of them is edited, added or removed. Raises RuleFileError as loading
    them would for a path that gives none."""
    paths, missing = rule_paths(_rule_paths(rules), builtin)
    if missing:
        raise RuleFileError(*missing[0])
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(Path(str(path)).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def source_digest(folder: Path | None = None) -> str:
    """A digest of the code in a package folder (this package's by default): each module's
    source and each compiled module (a compiled build's), by its path in the folder and its
    bytes; the rule files are rule_files_digest's."""
    folder = PACKAGE if folder is None else folder
    suffixes = (".py", *EXTENSION_SUFFIXES)
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.name.endswith(suffixes) and "__pycache__" not in path.parts and path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape")
                          + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def code_version() -> str:
    """cleaner's version and a digest of its code ("0.1.0+1f3a..."), read once a process (about
    90 files, under a megabyte): the version alone stays the same over an edit, or a checkout
    of another commit, of the same release."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        _CODE_VERSION = f"{__version__}+{source_digest()}"
    return _CODE_VERSION


def batch_kwargs(text_field: str = "text", rules: str | Path | tuple[str, ...] = (),
                 builtin: bool = True, lang: str | None = None,
                 max_record_bytes: int = MAX_RECORD_BYTES, fields: HintFields = (),
                 site: str | None = None, html_field: str = "html") -> dict:
    """The `fn_kwargs` of Dataset.map(clean_batch): these options, the digest of what the rule
    files hold (rule_files_digest) and the code that cleans (code_version). datasets names a
    map's cached result by the function and its fn_kwargs: with a rules path alone, a map after
    its files were edited reused the result of the old rules, and after cleaner was upgraded or
    edited, the result of the old code.

    `max_record_bytes` is the command's --max-record-bytes: a text row larger (in UTF-8) is
    rejected, with the command's reason (a page row is held to Cleaner.max_html_bytes, as the
    command's --max-html-bytes). `fields` are the command's --field HINT=NAME: hints read from
    columns, as {"date": "published_at"}, "date=published_at" or a list of such strings.
    `lang` is read as Cleaner(lang=...) reads it ("EN" is "en"), and refused where no pack
    serves it. `site`: the host of the site every row comes from ("kompas.com"), whose pack
    cleans the rows whose url names no site a pack claims, as a row's own `site` column does
    (Cleaner.clean's site=), taken as its host ("www.Kompas.COM" is "kompas.com") and refused
    where no loaded site pack claims it. `html_field` is the command's --html-field: the
    column of a row's web page, cleaned as a page where the row has no text (None, blank, or
    no text column at all). ValueError for a value the command or the Cleaner refuses;
    RuleFileError, here, for a rule file that does not load.

    >>> sorted(batch_kwargs(text_field="content"))  # doctest: +NORMALIZE_WHITESPACE
    ['builtin', 'cleaner_version', 'fields', 'html_field', 'lang', 'max_record_bytes', 'rules',
     'rules_digest', 'site', 'text_field']
    >>> batch_kwargs(fields={"date": "published_at"})["fields"]
    [['date', 'published_at']]
    """
    paths = _rule_paths(rules)
    if site is not None and not isinstance(site, str):
        raise ValueError(f"site must be a site's host, like 'kompas.com', not {site!r}")
    digest = rule_files_digest(paths, builtin)
    if lang is not None:
        # (read as the Cleaner reads it, so that "EN" and "en" name one map in the cache)
        packs = load_packs(paths, builtin=builtin)
        lang = cleaner_language(lang, [pack.id for pack in packs if pack.kind == "lang"])
    # The Cleaner the map's rows need, made here: a rule file that does not load raises in the
    # caller's process, before any worker starts (with num_proc, each worker raised it), and
    # a site no pack claims is refused, as the command's --site is.
    cleaner = _cleaner(paths, builtin, lang, digest)
    if site is not None:
        try:
            site = given_site_host(cleaner, site)
        except ValueError as exc:
            raise ValueError(f"site {exc}") from None
    return {"text_field": text_field, "rules": paths, "builtin": builtin, "lang": lang,
            "rules_digest": digest, "cleaner_version": code_version(),
            "max_record_bytes": _record_limit(max_record_bytes),
            "fields": [list(pair) for pair in hint_fields(fields, text_field)], "site": site,
            "html_field": html_field}


def _record_limit(limit: int) -> int:
    """max_record_bytes, refused as the command refuses --max-record-bytes below 1."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"max_record_bytes must be a whole number of at least 1, not {limit!r}")
    return limit


def hint_fields(fields: HintFields, text_field: str = "text") -> tuple[tuple[str, str], ...]:
    """The (hint, column) pairs of a `fields` mapping, checked as the command checks --field:
    {"date": "published_at"}, "date=published_at" or an iterable of such strings (or pairs).

    >>> hint_fields(["date=published_at", ("title", "headline")])
    (('date', 'published_at'), ('title', 'headline'))
    >>> hint_fields("title=text")
    Traceback (most recent call last):
    ValueError: fields title=text: 'text' is the document itself (text_field 'text'), not a field a hint can be read from
    """
    if isinstance(fields, str):
        items: list = [fields]
    elif isinstance(fields, dict):
        items = [f"{hint}={name}" for hint, name in fields.items()]
    else:
        items = [item if isinstance(item, str) else "=".join(map(str, item)) for item in fields]
    pairs = [hint_pair(item) for item in items]
    for hint, name in pairs:
        if name == text_field:
            raise ValueError(f"fields {hint}={name}: {name!r} is the document itself (text_field "
                             f"{name!r}), not a field a hint can be read from")
    return tuple(pairs)


def clean_batch(batch: dict[str, list], text_field: str = "text",
                rules: str | Path | tuple[str, ...] = (),
                builtin: bool = True, lang: str | None = None,
                rules_digest: str | None = None,
                cleaner_version: str | None = None,
                max_record_bytes: int = MAX_RECORD_BYTES,
                fields: HintFields = (), site: str | None = None,
                html_field: str = "html") -> dict[str, list]:
    """A batch of rows (column -> values) cleaned: for `Dataset.map(..., batched=True)`.
    `rules_digest`: batch_kwargs' digest of the rule files, which names the Cleaner kept for
    these options; `cleaner_version`: batch_kwargs' name of the code, there for datasets' cache
    only (a process runs one code); `max_record_bytes`, `fields`, `site` and `html_field` as
    batch_kwargs takes them (a row without text whose `html_field` column holds a page is
    cleaned as that page, as the command reads such a record).

    A row the command would reject (no text, not UTF-8, not text, blank, over max_record_bytes,
    a page with no article, or one whose cleaning raised: "internal error: ...") keeps its
    place, with text None and a `rejected` flag giving the command's reason.

    >>> out = clean_batch({"id": ["a"], "text": ["Judul Berita\\n\\nIsi berita panjang. (T/RE1/P1)"]})
    >>> out["text"], out["meta"][0]["title"], out["removed"][0][-1]["rule"]
    (['Isi berita panjang.'], 'Judul Berita', 'common/editor-code-end')
    """
    # (pages alone, no text column: every row is its page's)
    texts = [None] * len(batch[html_field]) if text_field not in batch and \
        isinstance(batch, Mapping) and html_field in batch else _texts(batch, text_field)
    pages = batch.get(html_field) if html_field != text_field else None
    pairs = hint_fields(fields, text_field)
    _mapped_columns(batch, pairs)
    limit = _record_limit(max_record_bytes)
    cleaner = _cleaner(_rule_paths(rules), builtin, lang, rules_digest)
    # (the batch's columns read by name, those a hint needs alone: read, a column of datasets'
    # batch is turned into Python values and written back so)
    columns = _Columns(batch, (text_field, html_field))
    rows = [_row_hints(columns, i, pairs, site, cleaner) for i in range(len(texts))]
    docs: list[Document | None] = [None] * len(texts)
    to_clean: dict[int, str] = {}       # the rows' texts, cleaned together
    for i, value in enumerate(texts):
        url, hints = rows[i]
        try:
            if pages is not None and _no_text(value) and has_page(pages[i]):
                docs[i] = _page_document(cleaner, pages[i], url, hints)
                continue
            read = _read_row(cleaner, value, text_field, url, hints, limit)
        except Exception as exc:    # a bug must not end a map of millions (as batches.py)
            read = _failed(cleaner, exc, url, hints)
        if isinstance(read, str):
            to_clean[i] = read
        else:
            docs[i] = read
    _clean_texts(cleaner, docs, to_clean, rows)
    out: dict[str, list] = {text_field: [], "meta": [], "removed": [], "flags": [], "fixes": []}
    for doc, (url, hints) in zip(docs, rows):
        record = _record(cleaner, doc, url, hints)
        if nothing_visible(record) and not _rejected_flag(record):
            # (zero-width characters, controls: the command rejects it as empty too)
            record["flags"].append({"flag": "rejected", "reason": NOTHING_VISIBLE})
        # A rejected row has no text: None, which a filter reads as none ("" is a text).
        out[text_field].append(None if _rejected_flag(record) else record["text"])
        out["meta"].append(record["meta"])
        # One shape for every row, so Arrow sees one type: removals always carry "fields".
        out["removed"].append([{"rule": r["rule"], "text": r["text"], "line": r["line"],
                                "col": r["col"], "action": r["action"],
                                "fields": list(r.get("fields", []))} for r in record["removed"]])
        out["flags"].append(orjson.dumps(record["flags"]).decode())
        out["fixes"].append(record["fixes"])
    clashing = clashing_columns(batch, text_field)
    if clashing:
        out[INPUT_COLUMN] = [{name: batch[name][i] for name in clashing}
                             for i in range(len(texts))]
    return out


def _no_text(value) -> bool:
    """Whether a row's text value is no text (None, or blank), as a record's that the command
    reads its page for."""
    return missing(value) or isinstance(value, str) and (not value or value.isspace())


def _mapped_columns(batch: dict[str, list], pairs: tuple[tuple[str, str], ...]) -> None:
    """A ValueError for a mapped column the batch lacks: every row of a dataset has the same
    columns, so no row would give that hint (the command, whose records differ, warns)."""
    for hint, name in pairs:
        if name not in batch:
            raise ValueError(f"fields {hint}={name}: no {name!r} column (columns: "
                             f"{', '.join(map(str, batch))})")


# The columns a row's hints come from: its url, then the fields the Cleaner takes as hints.
_HINTS = ("url", "id", "title", "date", "lang", "site")


class _Columns:
    """A batch's columns but `left_out` (its text and page), each read only when asked for."""

    def __init__(self, batch: Mapping, left_out: tuple[str, ...]):
        self._batch, self._left_out = batch, left_out

    def __contains__(self, name: object) -> bool:
        return name not in self._left_out and name in self._batch

    def __getitem__(self, name: str) -> list:
        return self._batch[name]


def _row_hints(columns: _Columns | dict[str, list], i: int, pairs: tuple[tuple[str, str], ...],
               site: str | None = None, cleaner: Cleaner | None = None) -> tuple[str | None, dict]:
    """Row i's url (as the row gives it) and its other hints, read from the mapped columns first
    (inputs.with_hint_fields: a column named as the hint gives way); its `site` column's where
    that chooses a pack (cleaner.site_pack), else the map's `site` (a column of section names,
    "Nasional", or "www" chooses none)."""
    # (only the columns a hint is read from: reading a column of datasets' batch turns it into
    # Python values, which it writes back as they are, and a uint64 column of hashes past 2**63
    # failed the map with an OverflowError)
    wanted = (*_HINTS, *(name for _, name in pairs))
    fields = {name: columns[name][i] for name in dict.fromkeys(wanted) if name in columns}
    if pairs:
        with_hint_fields(fields, pairs)
    url = fields.get("url")
    hints = {k: fields[k] for k in _HINTS[1:] if k in fields}
    if site is not None and (hints.get("site") is None or cleaner is None
                             or cleaner.site_pack(hints["site"]) is None):
        hints["site"] = site
    return url, hints     # (a url that is not text: flagged unreadable-url by the Cleaner)


def _read_row(cleaner: Cleaner, value, text_field: str, url: str | None, hints: dict,
              limit: int) -> str | Document:
    """A row's text to clean, or its finished Document: a page's, or a rejected one (no text,
    not text, or larger than `limit` bytes in UTF-8, as the command reads a row)."""
    text = row_text(value, text_field)
    if isinstance(text, Reject):        # a row the command rejects: flagged with why
        return _rejected(cleaner, text.reason, url, hints)
    if opens_as_page(text):             # the raw page in the text column, as the CLI reads it
        return _page_document(cleaner, text, url, hints)
    # (at most 4 bytes a character: most texts need no encoding to be measured)
    if len(text) > limit // 4:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limit:
            # (the command's reason, "record longer than L bytes; raise --max-record-bytes
            # to read it", naming the option a Python user sets in place of the command's)
            return _rejected(cleaner, f"record longer than {limit} bytes; raise "
                                      "max_record_bytes= in Dataset.map's fn_kwargs to read it",
                             url, hints)
    return text


def _clean_texts(cleaner: Cleaner, docs: list[Document | None], texts: dict[int, str],
                 rows: list[tuple[str | None, dict]]) -> None:
    """Clean the rows' texts into `docs`: together, as the command cleans them; if that
    raises, each alone again, so that only a row that raises is rejected (batches.clean_items)."""
    try:
        made = [cleaner.make_document(text, url=rows[i][0], **rows[i][1])
                for i, text in texts.items()]
        for i, doc in zip(texts, cleaner.clean_documents(made)):
            docs[i] = doc
        return
    except Exception:           # found again below, row by row
        pass
    for i, text in texts.items():
        url, hints = rows[i]
        try:
            docs[i] = cleaner.clean_document(cleaner.make_document(text, url=url, **hints))
        except Exception as exc:
            docs[i] = _failed(cleaner, exc, url, hints)


def _record(cleaner: Cleaner, doc: Document | None, url: str | None, hints: dict) -> dict:
    """A row's record; a rejected one where making it raised."""
    try:
        if doc is None:         # (never: every row gets a Document)
            raise RuntimeError("no document for the row")
        return doc.to_record()
    except Exception as exc:
        return _failed(cleaner, exc, url, hints).to_record()


def _texts(batch: dict[str, list], text_field: str) -> list:
    """The batch's text column, or an error that says what is wrong with the call."""
    if not isinstance(batch, Mapping):
        # (an Arrow table's `in` looked through its values: "no 'text' column (columns: [...",
        # and thousands of characters of rows)
        raise TypeError(f"clean_batch takes a batch as columns of values (a dict), as "
                        f"Dataset.map gives it in its default format; this one is "
                        f"{type(batch).__module__}.{type(batch).__name__}: map the dataset "
                        f"with_format(None), not 'arrow' or 'pandas'")
    if text_field not in batch:
        raise ValueError(f"no {text_field!r} column (columns: {', '.join(map(str, batch))}): "
                         "text_field= names the one with the text")
    texts = batch[text_field]
    # Given one row (batched=False), a text's characters were taken for the batch's rows.
    if isinstance(texts, (str, bytes, dict)) or not hasattr(texts, "__len__"):
        raise TypeError("clean_batch takes batches of rows, and was given one row: "
                        "Dataset.map(clean_batch, batched=True)")
    return texts


def clashing_columns(columns, text_field: str = "text") -> list[str]:
    """The input columns that go under `input`: those named as a column clean_batch adds, and
    an `input` column beside them (else theirs would take its place).

    >>> clashing_columns(["id", "text", "meta"]), clashing_columns(["text", "input"])
    (['meta'], [])
    """
    clashing = [name for name in columns if name in ADDED_COLUMNS and name != text_field]
    if clashing and INPUT_COLUMN in columns and INPUT_COLUMN != text_field:
        clashing.append(INPUT_COLUMN)
    return clashing


def _rejected_flag(record: dict) -> bool:
    return any(flag.get("flag") == "rejected" for flag in record["flags"])


def _rejected(cleaner: Cleaner, reason: str, url: str | None, hints: dict) -> Document:
    """A row's Document with no text and a `rejected` flag giving the reason (a row cannot be
    left out of a Dataset.map batch); one with the row's id alone where its hints make it raise."""
    try:
        doc = cleaner.clean_document(cleaner.make_document("", url=url, **hints))
    except Exception:           # (the hints that made the row fail fail here too)
        doc = Document(id=_row_id(hints), text="")
    doc.flags.append({"flag": "rejected", "reason": reason})
    return doc


def _row_id(hints: dict) -> str:
    """The row's id as its record gives it (pipeline.document_id); "" where even that raises."""
    try:
        return document_id(hints.get("id"))
    except Exception:
        return ""


def _failed(cleaner: Cleaner, exc: Exception, url: str | None, hints: dict) -> Document:
    """The rejected Document of a row whose reading or cleaning raised, with the command's
    reason for a record that did (batches.internal_error)."""
    return _rejected(cleaner, f"internal error: {type(exc).__name__}: {exc}", url, hints)


def _page_document(cleaner: Cleaner, page: str, url: str | None, hints: dict) -> Document:
    """A web page's cleaned Document; a rejected one when the page has no article."""
    try:
        return cleaner.clean_html_document(page, url, **hints)
    except PageError as exc:
        return _rejected(cleaner, str(exc), url, hints)     # (the command's reason: batches)


def cleaned_features(features, text_field: str = "text", html_field: str = "html"):
    """The datasets.Features of clean_batch's output over a dataset of `features`: its columns
    as they are, the text a string, the added columns typed, and the input's own columns of
    their names under `input`, as they were typed. Pass it to Dataset.map, with the text_field
    (and html_field) given to clean_batch: a dataset of pages alone gets a text column.

    >>> from datasets import Features, Value
    >>> out = cleaned_features(Features({"id": Value("string"), "text": Value("string")}))
    >>> list(out), out["removed"].feature["line"]
    (['id', 'text', 'meta', 'removed', 'flags', 'fixes'], Value('int64'))
    """
    import pyarrow as pa
    from datasets import Features, Value

    if text_field not in features and html_field not in features:
        # (else the text column would be typed under a name the output does not have; a
        # dataset of pages alone gets one)
        raise ValueError(f"no {text_field!r} column, nor {html_field!r} (columns: "
                         f"{', '.join(features)}): give cleaned_features the text_field (or "
                         "html_field) given to clean_batch")
    clashing = clashing_columns(features, text_field)
    schema = record_schema()
    added = Features.from_arrow_schema(pa.schema([schema.field(name) for name in ADDED_COLUMNS]))
    out = Features({**features, text_field: Value("string")})
    out.update(added)
    if clashing:
        out[INPUT_COLUMN] = {name: features[name] for name in clashing}
    return out
