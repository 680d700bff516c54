"""Ctrl-C while a run's executor starts (its cleaner loaded, its workers forked), before the run
takes signals itself: said as a stop in the run is, the output's temporary file removed. The
interpreter's "interrupted" alone left the file behind and said nothing of the output (seen
once in a full test run on a busy machine, where the signal came in that window)."""

from __future__ import annotations

import pytest

import cleaner.run as run_module
from cleaner.cli import main
from scale_helpers import real_docs, write_jsonl


def _interrupted_start(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("output, said", [
    ("out.jsonl", ["not written", "-o FOLDER --shard-size N"]),
    ("shards", ["interrupted", "continue with:"]),
])
def test_ctrl_c_as_the_executor_starts_says_so_and_leaves_no_temporary_file(
        monkeypatch, tmp_path, capsys, output, said):
    monkeypatch.setattr(run_module, "make_executor", _interrupted_start)
    dump = write_jsonl(tmp_path / "in.jsonl", real_docs(5))
    args = ["clean", str(dump), "-o", str(tmp_path / output), "--workers", "1"]
    if output == "shards":
        args += ["--shard-size", "2"]
    assert main(args) == 130
    err = capsys.readouterr().err
    assert all(words in err for words in said), err
    assert "Traceback" not in err
    left = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert not [name for name in left if ".tmp-" in name], left
    assert "out.jsonl" not in left
