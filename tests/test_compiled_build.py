"""The compiled build (CLEANER_COMPILE=1, setup.py) gives what the pure-Python package gives."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT
from scale_helpers import read_jsonl, shard_records
from test_shards_resume import _wait_for_shards, small_dump
from test_warc_input import write_warc

sys.path.insert(0, str(ROOT / "build_support"))
from compiled_tree import build_compiled_tree  # noqa: E402

from cleaner.compiled import MODULES, compiled_modules


def _cannot_compile() -> str | None:
    """Why this machine cannot build the compiled modules, or None."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypyc (part of mypy) is not installed"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers"
    return None


_CANNOT = _cannot_compile()
pytestmark = pytest.mark.skipif(_CANNOT is not None, reason=_CANNOT or "")


@pytest.fixture(scope="module")
def compiled_tree(tmp_path_factory) -> Path:
    """The package built as a compiled install builds it, in a copy of the source. Optimization
    level 0: the C compiler's level changes the speed, not what the code does, and builds in
    half the time."""
    try:
        return build_compiled_tree(tmp_path_factory.mktemp("compiled"), opt_level="0")
    except RuntimeError as exc:
        pytest.fail(str(exc))


def _cleaner(args: list[str], tree: Path | None, cwd: Path) -> subprocess.CompletedProcess:
    """`cleaner ARGS` run from the compiled tree, or from the installed package (tree None)."""
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Every kind of input a run reads, bad input among them."""
    folder = tmp_path_factory.mktemp("inputs")
    import pyarrow.json
    import pyarrow.parquet

    labelled = ROOT / "fixtures" / "indosum" / "labelled.jsonl"
    pyarrow.parquet.write_table(pyarrow.json.read_json(labelled), folder / "labelled.parquet")
    write_warc(folder / "crawl.warc.gz", gz=True)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "broken.jsonl").write_bytes(b'{"text": "Isi berita."}\n[1, 2]\n7\n{"text": \n'
                                          b'{"text": "\xff\xfe bukan UTF-8"}\n')
    whole = gzip.compress(labelled.read_bytes())
    (folder / "truncated.jsonl.gz").write_bytes(whole[:len(whole) // 2])
    fixtures = sorted(str(p) for p in (ROOT / "fixtures").glob("*/*")
                      if p.suffix in (".txt", ".html"))
    return [*fixtures, str(labelled), *sorted(str(p) for p in folder.iterdir())]


def test_a_plain_install_runs_every_module_as_python():
    # A compiled module beside its source (built in place) would run instead of the source
    # being edited and tested.
    assert compiled_modules() == [], "compiled modules in cleaner/: remove cleaner/*.so"


def test_the_build_compiles_every_module_it_lists(compiled_tree, tmp_path):
    shown = _cleaner(["--version"], compiled_tree, tmp_path)
    assert shown.returncode == 0
    assert f"compiled ({len(MODULES)} of {len(MODULES)} modules)" in shown.stdout.decode()


def test_a_compiled_cleaner_pickles_used_and_cleans_as_it_did(compiled_tree, tmp_path):
    script = ("import pickle, sys\n"
              "from cleaner import Cleaner\n"
              "text = 'JAKARTA, KOMPAS.com - Harga beras naik.\\n\\nBaca juga: Cabai turun\\n'\n"
              "cleaner = Cleaner()\n"
              "first = cleaner.clean(text)\n"
              "assert first['removed'], first\n"
              "assert pickle.loads(pickle.dumps(cleaner)).clean(text) == first\n")
    env = {**os.environ, "PYTHONPATH": str(compiled_tree)}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-2000:]


def _untimed(stats: dict) -> dict:
    """--stats without what the clock says, nor how many workers ran (the runs compared differ
    in that)."""
    return {key: value for key, value in stats.items()
            if key not in ("seconds", "stage_seconds", "workers")}


def test_compiled_records_rejects_and_counts_are_the_pure_ones(compiled_tree, inputs, tmp_path):
    outputs = {}
    for name, tree, workers in (("pure", None, "1"), ("compiled", compiled_tree, "1"),
                                ("compiled-2", compiled_tree, "2")):
        folder = tmp_path / name
        folder.mkdir()
        run = _cleaner(["clean", *inputs, "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                        "--stats", "stats.json", "--workers", workers, "-q"], tree, folder)
        assert run.returncode in (0, 1), run.stderr.decode()[-3000:]
        outputs[name] = [(folder / "out.jsonl").read_bytes(),
                         (folder / "rejects.jsonl").read_bytes(), run.returncode,
                         _untimed(json.loads((folder / "stats.json").read_text()))]
    assert outputs["pure"][0].count(b"\n") > 250          # records of every kind were written
    assert outputs["pure"][1].count(b"\n") >= 5           # and bad input rejected
    assert outputs["pure"][3]["rules"]                     # and removals counted
    assert outputs["compiled"] == outputs["pure"]
    assert outputs["compiled-2"] == outputs["pure"]


def test_compiled_shards_hold_the_pure_records(compiled_tree, tmp_path):
    labelled = str(ROOT / "fixtures" / "indosum" / "labelled.jsonl")
    pure = _cleaner(["clean", labelled, "-o", "out.jsonl", "-q"], None, tmp_path)
    sharded = _cleaner(["clean", labelled, "-o", "shards", "--shard-size", "40", "--format",
                        "jsonl.gz", "--workers", "2", "-q"], compiled_tree, tmp_path)
    assert pure.returncode == sharded.returncode == 0, sharded.stderr.decode()[-3000:]
    assert len(list((tmp_path / "shards").glob("*.jsonl.gz"))) > 1
    assert shard_records(tmp_path / "shards") == read_jsonl(tmp_path / "out.jsonl")


def test_a_compiled_run_stops_on_ctrl_c_and_resumes_to_the_pure_records(compiled_tree, tmp_path):
    dump = small_dump(tmp_path / "in.jsonl", 5000)
    shards = ["clean", str(dump), "--shard-size", "40", "--workers", "1"]
    assert _cleaner([*shards, "-o", "ref", "-q"], None, tmp_path).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", *shards, "-o", "out"], cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(compiled_tree)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_shards(proc, tmp_path / "out", 2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "--resume" in err.decode(), err.decode()[-3000:]
    resumed = _cleaner([*shards, "-o", "out", "--resume", "-q"], compiled_tree, tmp_path)
    assert resumed.returncode == 0, resumed.stderr.decode()[-3000:]
    assert shard_records(tmp_path / "out") == shard_records(tmp_path / "ref")
    assert read_jsonl(tmp_path / "out" / "_rejects.jsonl") == \
        read_jsonl(tmp_path / "ref" / "_rejects.jsonl")


def test_the_compiled_build_passes_the_fixture_regression(compiled_tree, tmp_path):
    run = _cleaner(["fixtures", "check", "--root", str(ROOT / "fixtures")], compiled_tree,
                   tmp_path)
    assert run.returncode == 0, run.stdout.decode()[-3000:] + run.stderr.decode()[-3000:]


@pytest.mark.parametrize("args", [
    ["suggest", str(ROOT / "fixtures" / "indosum" / "labelled.jsonl"), "--format", "json"],
    ["explain", "--color", "never", str(ROOT / "fixtures" / "tribunnews.com")],
], ids=["suggest", "explain"])
def test_compiled_suggest_and_explain_print_what_pure_ones_print(compiled_tree, tmp_path, args):
    pure = _cleaner(args, None, tmp_path)
    compiled = _cleaner(args, compiled_tree, tmp_path)
    assert pure.returncode == 0, pure.stderr.decode()[-3000:]
    assert (compiled.returncode, compiled.stdout) == (pure.returncode, pure.stdout)
