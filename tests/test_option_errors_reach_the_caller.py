"""A broken rule file or a site no pack claims is refused where the options are given (batch_kwargs,
as the command refuses them), and the package's errors cross a process pool whole: a worker's
RuleFileError left Dataset.map(num_proc=N) and multiprocessing.Pool waiting for ever. A batch in
a format clean_batch does not take says which to use."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.fixtures import KeptRulesError, RuleOptions
from cleaner.hf import batch_kwargs
from cleaner.rulefile import RuleFileError

BROKEN = """[pack]
id = "bad"
kind = "common"

[[rule]]
id = "bad/x"
action = "drop-line"
pattern = "(unclosed"
"""


@pytest.fixture
def broken_rules(tmp_path) -> Path:
    folder = tmp_path / "badrules"
    folder.mkdir()
    (folder / "bad.toml").write_text(BROKEN)
    return folder


def test_a_rule_file_error_pickles_with_its_file_rule_and_line(broken_rules):
    with pytest.raises(RuleFileError) as raised:
        Cleaner(rules=[str(broken_rules)])
    error = raised.value
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is RuleFileError and str(again) == str(error)
    assert (again.path, again.rule, again.line, again.reason) == \
        (error.path, "bad/x", 6, error.reason)


def test_a_kept_rules_error_pickles_with_its_options(tmp_path):
    error = KeptRulesError(tmp_path / "case.txt", RuleOptions(), "no such file", missing=True)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is KeptRulesError and str(again) == str(error)
    assert (again.raw, again.options, again.missing) == (error.raw, error.options, True)


def _load(rules: str) -> int:
    return len(Cleaner(rules=[rules]).packs)


def test_a_pools_worker_that_meets_a_broken_rule_file_raises_it_in_the_caller(broken_rules):
    with multiprocessing.get_context("fork").Pool(1) as pool:
        result = pool.apply_async(_load, (str(broken_rules),))
        with pytest.raises(RuleFileError, match="bad/x"):
            result.get(timeout=120)         # (before: the pool's result thread failed, unsaid)


def test_batch_kwargs_refuses_a_broken_rule_file_before_any_map(broken_rules):
    with pytest.raises(RuleFileError, match=r"rule 'bad/x' \(line 6\)"):
        batch_kwargs(rules=str(broken_rules))


@pytest.mark.parametrize("site", ["kompas", "", "nope.example"])
def test_batch_kwargs_refuses_a_site_no_pack_claims_as_the_command_does(site, tmp_path,
                                                                         capsys):
    with pytest.raises(ValueError, match=f"site {site!r} names no loaded site pack: give a "
                                         "site's host, one of .*kompas.com"):
        batch_kwargs(site=site)
    dump = tmp_path / "d.jsonl"
    dump.write_text('{"text": "Isi berita yang ada di sini."}\n')
    assert main(["clean", str(dump), "-o", "-", "--site", site]) == 2
    assert f"--site {site!r} names no loaded site pack" in capsys.readouterr().err


def test_batch_kwargs_takes_a_site_as_its_host():
    assert batch_kwargs(site="www.Kompas.COM")["site"] == batch_kwargs(site="kompas.com")["site"] \
        == "kompas.com"


@pytest.mark.parametrize("fmt", ["arrow", "pandas"])
def test_a_map_over_batches_that_are_not_columns_of_values_says_which_format_to_use(
        fmt, tmp_path, monkeypatch):
    """An Arrow-formatted dataset's batch is a pyarrow Table, whose `in` looked through its
    values: the error said "no 'text' column (columns: [ [ ..." with thousands of characters
    of rows, though the column was there."""
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path))
    ds = datasets.Dataset.from_dict({"id": ["a"], "text": ["Isi berita yang ada di sini."]})
    from cleaner.hf import clean_batch

    with pytest.raises(TypeError, match=r"clean_batch takes a batch as columns of values \(a "
                                        r"dict\).*with_format\(None\)") as raised:
        ds.with_format(fmt).map(clean_batch, batched=True, fn_kwargs=batch_kwargs())
    assert "Isi berita" not in str(raised.value)
