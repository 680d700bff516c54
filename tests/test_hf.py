"""cleaner.hf in Dataset.map: rows read as the command reads them, its columns kept, the cache
named by what the rules hold, and mistakes in the call said plainly."""

from __future__ import annotations

import json

import pytest

from cleaner.batches import NOTHING_VISIBLE
from cleaner.hf import batch_kwargs, clean_batch, cleaned_features

datasets = pytest.importorskip("datasets")

ARTICLE = ("Judul Berita Ekonomi Hari Ini\n\nJAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini.\n\n"
           "Pedagang mengeluhkan sepinya pembeli di pasar. (ant)")


def _flags(out: dict) -> list:
    return [json.loads(flags) for flags in out["flags"]]


def test_a_binary_text_column_is_read_as_utf8_as_the_command_reads_it():
    out = clean_batch({"id": ["a", "b"], "text": [ARTICLE.encode(), b"Isi \xff berita."]})
    assert out["text"][0] == clean_batch({"id": ["a"], "text": [ARTICLE]})["text"][0]
    assert out["text"][0].startswith("Harga beras naik") and "\n\n" in out["text"][0]
    assert _flags(out) == [[], [{"flag": "rejected",
                                 "reason": "invalid UTF-8 at byte 4 of the text"}]]
    ds = datasets.Dataset.from_dict({"text": [ARTICLE.encode()]})
    mapped = ds.map(clean_batch, batched=True, features=cleaned_features(ds.features))
    assert mapped[0]["text"] == out["text"][0]


def test_rows_the_command_rejects_keep_their_place_flagged_with_its_reason():
    out = clean_batch({"text": [ARTICLE, None, "", "  \n", 7, "\u200b\u200b"]})
    assert out["text"][1:] == [None] * 5
    assert _flags(out) == [[]] + [[{"flag": "rejected", "reason": reason}] for reason in (
        "no 'text' value", "empty document", "empty document",
        "column 'text' is a number, not a string", NOTHING_VISIBLE)]


def test_columns_named_as_added_ones_are_kept_under_input():
    # A Pile-style `meta` column was replaced by the cleaner's meta, its values gone.
    batch = {"id": ["a", "b"], "text": [ARTICLE, ARTICLE], "flags": ["keep", "drop"],
             "meta": [{"pile_set_name": "news"}, None], "input": [1, 2]}
    out = clean_batch(batch)
    assert out["input"] == [{"flags": "keep", "meta": {"pile_set_name": "news"}, "input": 1},
                            {"flags": "drop", "meta": None, "input": 2}]
    assert out["meta"][0]["site"] == "kompas.com" and _flags(out) == [[], []]
    # Where no column clashes, an `input` column is the input's own, and kept by datasets.
    assert "input" not in clean_batch({"text": [ARTICLE], "input": [1]})
    # Typed by cleaned_features as they were, so that every batch has one schema.
    ds = datasets.Dataset.from_dict(batch)
    features = cleaned_features(ds.features)
    mapped = ds.map(clean_batch, batched=True, batch_size=1, features=features)
    assert mapped.features["input"] == {name: ds.features[name]
                                        for name in ("meta", "flags", "input")}
    assert mapped["input"][0]["meta"] == {"pile_set_name": "news"}
    assert mapped["meta"][1]["site"] == "kompas.com"


def _rule(path, line: str) -> None:
    path.write_text(f'[[rule]]\nid = "mine/promo"\naction = "drop-line"\n'
                    f"pattern = '^{line}$'\nremove = [\"{line}\"]\n", encoding="utf-8")


def test_a_map_after_the_rule_files_were_edited_is_cleaned_anew_not_taken_from_the_cache(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    datasets.Dataset.from_dict({"text": ["Isi berita pertama.\n\nBELI SEKARANG\n\nJUAL SEKARANG"]}
                               ).save_to_disk(str(tmp_path / "ds"))
    ds = datasets.load_from_disk(str(tmp_path / "ds"))     # on disk: its maps are cached

    def cleaned():
        return ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs(rules=str(rules)))

    _rule(rules / "mine.toml", "BELI SEKARANG")
    first = cleaned()
    assert first[0]["text"].endswith("JUAL SEKARANG") and cleaned().cache_files == first.cache_files
    _rule(rules / "mine.toml", "JUAL SEKARANG")
    second = cleaned()
    assert second[0]["text"].endswith("BELI SEKARANG")
    assert second.cache_files != first.cache_files


def test_a_process_that_cleaned_with_rules_loads_them_again_once_edited(tmp_path):
    # The Cleaner each process keeps is named by what the rule files hold, not their path.
    pack = tmp_path / "mine.toml"
    batch = {"text": ["Isi berita pertama.\n\nBELI SEKARANG\n\nJUAL SEKARANG"]}
    _rule(pack, "BELI SEKARANG")
    assert clean_batch(batch, **batch_kwargs(rules=pack))["text"][0].endswith("JUAL SEKARANG")
    _rule(pack, "JUAL SEKARANG")
    assert clean_batch(batch, **batch_kwargs(rules=pack))["text"][0].endswith("BELI SEKARANG")


@pytest.mark.parametrize("columns", [{"text": [ARTICLE]}, {"id": ["a"], "text": [ARTICLE]}])
def test_one_row_instead_of_a_batch_is_an_error_that_says_batched_true(columns):
    # Given one row, its text's characters were cleaned as the batch's rows (or IndexError).
    ds = datasets.Dataset.from_dict(columns)
    with pytest.raises(TypeError, match=r"Dataset.map\(clean_batch, batched=True\)"):
        ds.map(clean_batch)


def test_cleaned_features_types_the_text_column_named_and_refuses_one_the_dataset_lacks():
    ds = datasets.Dataset.from_dict({"id": ["a"], "content": [ARTICLE]})
    features = cleaned_features(ds.features, text_field="content")
    assert "text" not in features and features["content"] == datasets.Value("string")
    mapped = ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs(text_field="content"),
                    features=features)
    assert mapped.column_names == ["id", "content", "meta", "removed", "flags", "fixes"]
    assert mapped[0]["content"].startswith("Harga beras")
    # The text_field left out of cleaned_features: an all-null `text` column was added.
    with pytest.raises(ValueError, match=r"no 'text' column, nor 'html' \(columns: id, content\)"):
        cleaned_features(ds.features)


PAGE = ("<html><head><title>Harga Cabai Naik</title></head><body><article><h1>Harga Cabai "
        "Naik</h1><p>" + "Harga cabai di pasar induk naik tajam sejak pekan lalu karena pasokan "
        "dari petani berkurang. " * 6 + "</p></article></body></html>")


def test_a_row_without_text_whose_html_column_holds_a_page_is_cleaned_as_the_command_does(
        tmp_path):
    from cleaner.cli import main

    rows = {"id": ["a", "b", "c"], "text": [None, ARTICLE, " "], "html": [PAGE, None, PAGE]}
    ds = datasets.Dataset.from_dict(rows)
    mapped = ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs(),
                    features=cleaned_features(ds.features))
    dump = tmp_path / "in.jsonl"
    dump.write_text("".join(json.dumps({name: rows[name][i] for name in rows}) + "\n"
                            for i in range(3)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--workers", "1"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # (was: the page rows rejected, "no text")
    assert [row["text"] for row in mapped] == [record["text"] for record in records]
    assert mapped[0]["meta"]["title"] == records[0]["meta"]["title"] == "Harga Cabai Naik"


def test_a_dataset_of_pages_alone_gets_a_text_column():
    ds = datasets.Dataset.from_dict({"id": ["a"], "page": [PAGE]})
    mapped = ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs(html_field="page"),
                    features=cleaned_features(ds.features, html_field="page"))
    assert mapped.column_names == ["id", "page", "text", "meta", "removed", "flags", "fixes"]
    assert mapped[0]["text"].startswith("Harga cabai di pasar induk")


def test_a_batch_without_the_text_column_names_the_columns_it_has():
    with pytest.raises(ValueError, match=r"no 'text' column \(columns: id, body\): text_field="):
        clean_batch({"id": ["a"], "body": [ARTICLE]})


def _package_copy(folder) -> None:
    """The package's code, copied into `folder`, as a checkout that can be edited."""
    from cleaner import hf

    for module in hf.PACKAGE.glob("*.py"):
        (folder / module.name).write_bytes(module.read_bytes())


def test_a_map_after_cleaner_was_edited_or_upgraded_is_cleaned_anew_not_taken_from_the_cache(
        tmp_path, monkeypatch):
    # fn_kwargs named the rule files, not the code: after an upgrade, or an edit of cleaner
    # itself, datasets gave back the records the old code had made.
    from cleaner import hf

    code = tmp_path / "cleaner"
    code.mkdir()
    _package_copy(code)
    monkeypatch.setattr(hf, "PACKAGE", code)
    monkeypatch.setattr(hf, "_CODE_VERSION", None)      # (each step as a new process finds it)
    datasets.Dataset.from_dict({"text": [ARTICLE]}).save_to_disk(str(tmp_path / "ds"))
    ds = datasets.load_from_disk(str(tmp_path / "ds"))     # on disk: its maps are cached

    def cached() -> list:
        monkeypatch.setattr(hf, "_CODE_VERSION", None)
        return ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs()).cache_files

    first = cached()
    assert cached() == first                               # nothing changed: the cache serves
    with open(code / "pipeline.py", "a", encoding="utf-8") as module:
        module.write("\n# an edit\n")
    edited = cached()
    assert edited != first
    monkeypatch.setattr(hf, "__version__", "99.0")         # an upgrade
    assert cached() not in (first, edited)


def test_the_code_digest_follows_the_modules_not_their_caches_and_is_read_once(tmp_path,
                                                                               monkeypatch):
    from cleaner import __version__, hf

    _package_copy(tmp_path)
    before = hf.source_digest(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "pipeline.cpython-311.pyc").write_bytes(b"compiled")
    (tmp_path / "notes.txt").write_text("not code")
    assert hf.source_digest(tmp_path) == before
    (tmp_path / "pipeline.py").write_text("# replaced\n")
    assert hf.source_digest(tmp_path) != before
    (tmp_path / "sub").mkdir()                           # a compiled build's module counts too
    found = hf.source_digest(tmp_path)
    (tmp_path / "sub" / "pipeline.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\x7fELF")
    assert hf.source_digest(tmp_path) != found
    # Once a process: the files are not read again at each map.
    monkeypatch.setattr(hf, "_CODE_VERSION", None)
    version = hf.code_version()
    assert version.startswith(f"{__version__}+") and len(version) > len(__version__) + 8
    monkeypatch.setattr(hf, "PACKAGE", tmp_path / "gone")
    assert hf.code_version() == version == batch_kwargs()["cleaner_version"]


def test_a_uint64_column_past_2_63_passes_through_a_map_untouched():
    # (a minhash column: its values past 2**63 as Python ints failed datasets' writing back of
    # the batch, "OverflowError: Python int too large to convert to C long")
    import pyarrow as pa

    table = pa.table({"id": ["a", "b"], "text": [ARTICLE, ARTICLE],
                      "minhash": pa.array([2 ** 64 - 5, 2 ** 63 + 7], pa.uint64())})
    ds = datasets.Dataset(table)
    mapped = ds.map(clean_batch, batched=True, fn_kwargs=batch_kwargs(),
                    features=cleaned_features(ds.features))
    assert mapped["minhash"] == [2 ** 64 - 5, 2 ** 63 + 7]
    assert mapped[0]["text"].startswith("Harga beras")
