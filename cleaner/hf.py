"""Cleaning inside `datasets.Dataset.map` (Hugging Face datasets), batched and in several processes.

    from datasets import load_dataset
    from cleaner.hf import clean_batch

    ds = load_dataset("parquet", data_files="dump/*.parquet", split="train")
    ds = ds.map(clean_batch, batched=True, batch_size=256, num_proc=8,
                fn_kwargs={"text_field": "text"}, features=cleaned_features(ds.features))

`clean_batch` is a plain module function, so `num_proc` workers import it by name and each builds
its Cleaner once (cached per options); the text column is replaced by the cleaned text and the
columns `meta`, `removed`, `flags` and `fixes` are added; every other column is kept as it is.
`cleaned_features` gives their types: without it, datasets takes each column's type from the first
batch it writes, and a first batch with no removal (or no title) types `removed` (or the title)
as null, which a later batch cannot be cast to.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from cleaner.document import Document
from cleaner.html_extract import PageError
from cleaner.inputs import opens_as_page
from cleaner.parquet_io import record_schema
from cleaner.pipeline import Cleaner

_CLEANERS: dict[tuple, Cleaner] = {}


def _cleaner(rules: tuple[str, ...], builtin: bool, lang: str | None) -> Cleaner:
    key = (rules, builtin, lang)
    cleaner = _CLEANERS.get(key)
    if cleaner is None:
        cleaner = _CLEANERS[key] = Cleaner(rules=rules, builtin=builtin, lang=lang)
    return cleaner


def clean_batch(batch: dict[str, list], text_field: str = "text",
                rules: str | Path | tuple[str, ...] = (),
                builtin: bool = True, lang: str | None = None) -> dict[str, list]:
    """A batch of rows (column -> values) cleaned: for `Dataset.map(..., batched=True)`.

    >>> out = clean_batch({"id": ["a"], "text": ["Judul Berita\\n\\nIsi berita panjang. (ant)"]})
    >>> out["text"], out["meta"][0]["title"], out["removed"][0][-1]["rule"]
    (['Isi berita panjang.'], 'Judul Berita', 'common/editor-code-end')
    """
    # One rule file given alone is one path, not the characters of its name.
    paths = (str(rules),) if isinstance(rules, (str, Path)) else tuple(str(r) for r in rules)
    cleaner = _cleaner(paths, builtin, lang)
    columns = {name: values for name, values in batch.items() if name != text_field}
    docs, text_docs = [], []
    for i, text in enumerate(batch[text_field]):
        fields = {name: values[i] for name, values in columns.items()}
        url = fields.pop("url", None)
        if not isinstance(text, str):       # a null row is empty; a number, its digits
            text = "" if text is None else str(text)
        hints = {k: v for k, v in fields.items() if k in ("id", "title", "date")}
        url = url if isinstance(url, str) else None
        if opens_as_page(text):             # the raw page in the text column, as the CLI reads it
            docs.append(_page_document(cleaner, text, url, hints))
        else:
            docs.append(cleaner.make_document(text, url=url, **hints))
            text_docs.append(docs[-1])
    cleaner.clean_documents(text_docs)   # together, as the command cleans them
    out: dict[str, list] = {text_field: [], "meta": [], "removed": [], "flags": [], "fixes": []}
    for doc in docs:
        record = doc.to_record()
        out[text_field].append(record["text"])
        out["meta"].append(record["meta"])
        # One shape for every row, so Arrow sees one type: removals always carry "fields".
        out["removed"].append([{"rule": r["rule"], "text": r["text"], "line": r["line"],
                                "col": r["col"], "action": r["action"],
                                "fields": list(r.get("fields", []))} for r in record["removed"]])
        out["flags"].append(orjson.dumps(record["flags"]).decode())
        out["fixes"].append(record["fixes"])
    return out


def _page_document(cleaner: Cleaner, page: str, url: str | None, hints: dict) -> Document:
    """A web page's cleaned Document; one with no text and a `rejected` flag giving the reason
    when the page has no article (a row cannot be left out of a Dataset.map batch)."""
    try:
        return cleaner.clean_html_document(page, url, **hints)
    except PageError as exc:
        doc = cleaner.clean_document(cleaner.make_document("", url=url, **hints))
        doc.flags.append({"flag": "rejected", "reason": f"web page: {exc}"})
        return doc


# The columns clean_batch adds, typed as in Parquet output (parquet_io.record_schema).
ADDED_COLUMNS = ("meta", "removed", "flags", "fixes")


def cleaned_features(features, text_field: str = "text"):
    """The datasets.Features of clean_batch's output over a dataset of `features`: its columns
    as they are, the text a string, and the added columns typed. Pass it to Dataset.map.

    >>> from datasets import Features, Value
    >>> out = cleaned_features(Features({"id": Value("string"), "text": Value("string")}))
    >>> list(out), out["removed"].feature["line"]
    (['id', 'text', 'meta', 'removed', 'flags', 'fixes'], Value('int64'))
    """
    import pyarrow as pa
    from datasets import Features, Value

    schema = record_schema()
    added = Features.from_arrow_schema(pa.schema([schema.field(name) for name in ADDED_COLUMNS]))
    out = Features({**features, text_field: Value("string")})
    out.update(added)
    return out
