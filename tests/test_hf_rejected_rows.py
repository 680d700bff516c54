"""cleaner.hf as the command: a row that fails is one rejected row, a row over the record limit
is rejected, a rejected row has no text (None), hints are read from named columns; and the
Python API's README example and Cleaner.clean's help say how to clean a frame's rows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.hf import batch_kwargs, clean_batch, cleaned_features
from cleaner.inputs import MAX_RECORD_BYTES

datasets = pytest.importorskip("datasets")

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("Judul Berita Ekonomi Hari Ini\n\nJAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini.\n\n"
           "Pedagang mengeluhkan sepinya pembeli di pasar. (ant)")
PAGE = ("<!doctype html><html><head><title>Judul Halaman</title></head><body><article>"
        "<h1>Judul Halaman</h1><p>Harga beras naik lagi pekan ini di pasar tradisional kota.</p>"
        "<p>Pedagang mengeluhkan sepinya pembeli sejak awal bulan ini.</p></article></body></html>")
BOOM = "meledak"


def _flags(out: dict) -> list:
    return [json.loads(flags) for flags in out["flags"]]


def _rejected(reason: str) -> list:
    return [{"flag": "rejected", "reason": reason}]


# -- 2: one row that raises is one rejected row, as the command rejects one record

@pytest.fixture
def failing(monkeypatch):
    """Cleaning a document whose text holds BOOM raises, as a bug would."""
    clean_documents = Cleaner.clean_documents

    def clean(self, docs):
        if any(BOOM in doc.text for doc in docs):
            raise RuntimeError("a bug")
        return clean_documents(self, docs)

    monkeypatch.setattr(Cleaner, "clean_documents", clean)


def test_a_row_whose_cleaning_raises_is_rejected_as_an_internal_error_the_others_cleaned(failing):
    good = clean_batch({"id": ["a", "c"], "text": [ARTICLE, ARTICLE]})
    out = clean_batch({"id": ["a", "b", "c"], "text": [ARTICLE, f"Isi {BOOM}.", ARTICLE]})
    assert _flags(out) == [[], _rejected("internal error: RuntimeError: a bug"), []]
    assert out["text"] == [good["text"][0], None, good["text"][1]]
    assert out["meta"][1]["title"] is None and out["removed"][1] == []


def test_a_page_row_whose_extraction_raises_is_rejected_as_an_internal_error(monkeypatch):
    def broken(self, html, url=None, **fields):
        raise KeyError("title")

    monkeypatch.setattr(Cleaner, "clean_html_document", broken)
    out = clean_batch({"id": ["a", "b"], "text": [ARTICLE, PAGE]})
    assert _flags(out) == [[], _rejected("internal error: KeyError: 'title'")]
    assert out["text"][1] is None


def test_a_row_whose_hints_make_the_document_raise_is_still_one_rejected_row(monkeypatch):
    # Even the rejected row's own document cannot be made from its hints: it keeps its place.
    make_document = Cleaner.make_document

    def make(self, text, /, url=None, **fields):
        if fields.get("title") == 2:
            raise TypeError("title must be a str")
        return make_document(self, text, url, **fields)

    monkeypatch.setattr(Cleaner, "make_document", make)
    out = clean_batch({"id": ["a", "b"], "title": [1, 2], "text": [ARTICLE, ARTICLE]})
    assert _flags(out)[1] == _rejected("internal error: TypeError: title must be a str")
    assert out["text"][1] is None and out["meta"][1]["title"] is None
    assert _flags(out)[0] == [] and out["text"][0]


def test_a_map_with_a_failing_row_keeps_every_row_with_one_schema(failing, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path))
    ds = datasets.Dataset.from_dict({"id": ["a", "b", "c"],
                                     "text": [ARTICLE, f"Isi {BOOM}.", ARTICLE]})
    mapped = ds.map(clean_batch, batched=True, batch_size=1, fn_kwargs=batch_kwargs(),
                    features=cleaned_features(ds.features))
    assert [json.loads(flags) for flags in mapped["flags"]][1] == _rejected(
        "internal error: RuntimeError: a bug")
    assert list(mapped["text"])[1] is None and mapped.features["text"] == datasets.Value("string")


# -- 7: a text over the command's record limit is rejected as the command rejects it

def test_a_row_over_the_record_limit_is_rejected_with_the_commands_reason():
    big = "Judul\n\n" + "Isi berita panjang sekali. " * 40
    size = len(big.encode("utf-8"))
    out = clean_batch({"text": [ARTICLE, big, big]}, max_record_bytes=size - 1)
    reason = (f"record longer than {size - 1} bytes; raise max_record_bytes= in "
              "Dataset.map's fn_kwargs to read it")
    assert _flags(out)[1:] == [_rejected(reason)] * 2 and out["text"][1:] == [None, None]
    kept = clean_batch({"text": [big]}, max_record_bytes=size)
    assert kept["text"][0] and "rejected" not in kept["flags"][0]


def test_the_record_limit_counts_utf8_bytes_and_defaults_to_the_commands():
    assert batch_kwargs()["max_record_bytes"] == MAX_RECORD_BYTES
    assert batch_kwargs(max_record_bytes=100)["max_record_bytes"] == 100
    text = "Isi berita: harga naik. " + "é" * 30         # 54 characters, 84 bytes
    assert _flags(clean_batch({"text": [text]}, max_record_bytes=60))[0][0]["reason"] == (
        "record longer than 60 bytes; raise max_record_bytes= in Dataset.map's fn_kwargs to "
        "read it")
    # A lone surrogate (a str built in Python, not read from Arrow) is counted, not raised.
    odd = "Isi berita: harga naik \ud83d pekan ini. " * 3
    assert _flags(clean_batch({"text": [odd]}, max_record_bytes=20))[0][0]["reason"].startswith(
        "record longer than 20 bytes")
    with pytest.raises(ValueError, match="max_record_bytes must be a whole number of at least 1"):
        batch_kwargs(max_record_bytes=0)


def test_a_page_row_is_held_to_the_page_limit_not_the_record_limit():
    out = clean_batch({"text": [PAGE]}, max_record_bytes=100)
    assert _flags(out) == [[]] and out["text"][0]


# -- 8: a rejected row has no text: None, the same in every batch's schema

def test_rejected_rows_have_none_for_text_in_every_kind_of_reject(tmp_path, monkeypatch):
    out = clean_batch({"text": [ARTICLE, None, "", 7, "\u200b", b"\xff"]})
    assert out["text"][0] and out["text"][1:] == [None] * 5
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path))
    ds = datasets.Dataset.from_dict({"text": ["", ARTICLE, None, ARTICLE]})
    features = cleaned_features(ds.features)
    one = ds.map(clean_batch, batched=True, batch_size=1, features=features)
    whole = ds.map(clean_batch, batched=True, batch_size=4, features=features)
    assert one.features == whole.features == features
    assert list(one["text"]) == list(whole["text"]) and list(one["text"])[::2] == [None, None]
    assert len(whole.filter(lambda row: row["text"] is not None)) == 2


# -- 10: hints read from named columns, as --field HINT=NAME reads them

BODY = ("Harga beras naik lagi pekan ini di pasar tradisional kota.\n\n"
        "Pedagang mengeluhkan sepinya pembeli. (ant)")


def test_fields_map_columns_to_hints_as_the_commands_field_option_does():
    batch = {"published_at": ["2019-11-19"], "headline": ["Judul Dari Kolom"],
             "link": ["https://www.antaranews.com/berita/1/x"], "text": [BODY]}
    kwargs = batch_kwargs(fields={"date": "published_at", "title": "headline", "url": "link"})
    assert kwargs["fields"] == [["date", "published_at"], ["title", "headline"], ["url", "link"]]
    meta = clean_batch(batch, **kwargs)["meta"][0]
    assert (meta["title"], meta["date"], meta["url"], meta["site"]) == (
        "Judul Dari Kolom", "2019-11-19", "https://www.antaranews.com/berita/1/x",
        "antaranews.com")
    assert clean_batch(batch)["meta"][0]["title"] is None       # not mapped: no hint
    # The CLI's spelling, one string or several, is the same mapping.
    assert batch_kwargs(fields="date=published_at")["fields"] == [["date", "published_at"]]
    assert batch_kwargs(fields=["date=published_at", "id=guid"])["fields"] == [
        ["date", "published_at"], ["id", "guid"]]
    assert batch_kwargs()["fields"] == []


def test_a_column_named_as_the_hint_gives_way_and_every_column_stays(tmp_path, monkeypatch):
    batch = {"title": ["Judul Kolom Title"], "headline": ["Judul Kolom Headline"],
             "text": [BODY]}
    assert clean_batch(batch)["meta"][0]["title"] == "Judul Kolom Title"
    assert clean_batch(batch, fields=["title=headline"])["meta"][0]["title"] == (
        "Judul Kolom Headline")
    # A row with no value in the mapped column gives no hint, as a JSON line's null does.
    none = dict(batch, headline=[None])
    assert clean_batch(none, fields=["title=headline"])["meta"][0]["title"] is None
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path))
    ds = datasets.Dataset.from_dict(batch)
    row = ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs(fields="title=headline"),
                 features=cleaned_features(ds.features))[0]
    assert (row["title"], row["headline"]) == ("Judul Kolom Title", "Judul Kolom Headline")
    assert row["meta"]["title"] == "Judul Kolom Headline"


@pytest.mark.parametrize("fields, message", [
    ("date", "not HINT=NAME with HINT one of id, url, title, date, lang, site: 'date'"),
    (["when=published_at"], "not HINT=NAME with HINT one of id, url, title, date, lang, site: "
                            "'when=published_at'"),
    ({"date": ""}, "not HINT=NAME with HINT one of id, url, title, date, lang, site: 'date='"),
    ("title=text", "fields title=text: 'text' is the document itself (text_field 'text'), "
                   "not a field a hint can be read from"),
])
def test_a_wrong_field_mapping_is_refused_with_the_commands_words(fields, message):
    with pytest.raises(ValueError) as error:
        batch_kwargs(fields=fields)
    assert str(error.value) == message
    with pytest.raises(ValueError) as error:
        clean_batch({"text": [ARTICLE]}, fields=fields)
    assert str(error.value) == message


def test_a_mapped_column_the_dataset_lacks_is_an_error_naming_its_columns():
    with pytest.raises(ValueError, match=r"fields date=published: no 'published' column "
                                         r"\(columns: id, text\)"):
        clean_batch({"id": ["a"], "text": [ARTICLE]}, fields=["date=published"])


# -- 6: Cleaner.clean's help and the README's frame example

def test_help_of_clean_says_what_it_takes_and_the_idiom_for_a_row():
    doc = Cleaner.clean.__doc__ or ""
    for words in ("TypeError", "url", "id", "title", "date", "lang", "NaN", "id ''",
                  'row.pop("text")', "positional"):
        assert words in doc, words


def _readme_frame_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    found = [block for block in blocks if "to_dict(\"records\")" in block]
    assert len(found) == 1, "the README no longer shows how to clean a DataFrame"
    return found[0]


def test_the_readmes_dataframe_example_runs_and_gives_what_it_says():
    pytest.importorskip("pandas")
    scope: dict = {}
    exec(compile(_readme_frame_example(), "README.md", "exec"), scope)
    records = scope["records"]
    assert len(records) == 2 and all("input" not in record for record in records)
    assert records[0]["id"] == "a1" and records[0]["meta"]["title"]
    assert records[1]["id"] == "" and records[1]["meta"]["url"]
    assert "text" not in records[0] or records[0]["text"] != scope["df"]["text"][0]


# -- session 33 review: the same values and reasons as the command

NO_ARTICLE = "<html><head><title>x</title></head><body><nav>menu</nav></body></html>"


def test_a_page_with_no_article_is_rejected_with_the_commands_reason(tmp_path):
    from cleaner.cli import main

    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "p", "text": NO_ARTICLE}) + "\n")
    main(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-q"])
    reject = json.loads((tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()[0])
    assert _flags(clean_batch({"id": ["p"], "text": [NO_ARTICLE]})) == [_rejected(reject["reason"])]


def test_a_rejected_row_keeps_its_id_where_its_hints_make_the_document_raise(monkeypatch):
    from cleaner.hf import _rejected as rejected_document

    def make(self, text, /, url=None, **fields):
        raise TypeError("bad hints")

    monkeypatch.setattr(Cleaner, "make_document", make)
    doc = rejected_document(Cleaner(), "why", None, {"id": b"r7", "title": 2})
    assert doc.id == "r7" and doc.flags == _rejected("why")
    assert rejected_document(Cleaner(), "why", None, {"id": float("nan")}).id == ""


def test_binary_and_time_columns_give_the_commands_hints(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "cache"))
    pq.write_table(pa.table({"id": pa.array([b"abc"], pa.binary()),
                             "title": pa.array([b"Judul Lain"], pa.binary()),
                             "text": [ARTICLE]}), tmp_path / "in.parquet")
    ds = datasets.Dataset.from_parquet(str(tmp_path / "in.parquet"))
    mapped = ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs(),
                    features=cleaned_features(ds.features))
    assert mapped[0]["meta"]["title"] == "Judul Lain"


# -- session 45: pandas' missing values

def test_a_missing_text_as_pandas_writes_it_is_no_text_not_a_number():
    pd = pytest.importorskip("pandas")
    page = ("<html><body><p>Jakarta - Harga beras naik lagi minggu ini, kata para pedagang di "
            "pasar induk kota pada hari Senin pagi.</p></body></html>")
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": [None, None, "Isi berita panjang."],
                          "html": [None, page, None]})
    frame.loc[0, "text"] = float("nan")
    frame.loc[1, "text"] = pd.NA
    batch = {name: list(frame[name]) for name in frame.columns}
    out = clean_batch(batch)
    assert json.loads(out["flags"][0]) == [{"flag": "rejected", "reason": "no 'text' value"}]
    assert "Harga beras naik" in out["text"][1] and out["flags"][1] == "[]"
    assert out["text"][2] == "Isi berita panjang."
