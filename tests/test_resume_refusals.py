"""A refused resume names what differs in how documents are cleaned (the rule pack, the option
and its values), says so of a finished run without calling it interrupted, and a folder of
shards with no manifest gets one answer with --resume or without."""

from __future__ import annotations

import json
import os

import pytest

from cleaner.cli import main
from test_shards_resume import small_dump

PACK = '[pack]\nid = "contoh.example"\nkind = "site"\ndomains = ["contoh.example"]\n'


@pytest.fixture
def interrupted(tmp_path):
    """A sharded run's arguments, its manifest set back to unfinished, with a rule folder of
    its own."""
    dump, out, rules = tmp_path / "in.jsonl", tmp_path / "out", tmp_path / "rules"
    small_dump(dump, 30)
    rules.mkdir()
    (rules / "contoh.example.toml").write_text(PACK, encoding="utf-8")
    args = ["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q", "--rules", str(rules)]
    assert main(args) == 0
    _set_complete(out, False)
    return args, out, rules


def _set_complete(out, complete: bool) -> dict:
    manifest = json.loads((out / "_manifest.json").read_text())
    manifest["complete"] = complete
    (out / "_manifest.json").write_text(json.dumps(manifest))
    return manifest


def _refusal(capsys) -> str:
    return capsys.readouterr().err.partition("cannot resume: ")[2]


def test_a_changed_option_is_named_with_both_values(interrupted, capsys):
    args, out, _ = interrupted
    assert main(args + ["--resume", "--page-timeout", "9"]) == 2
    said = _refusal(capsys)
    assert said.startswith("the rules or cleaning options differ: --page-timeout is 9.0, was ")
    assert said.endswith("its records would be cleaned otherwise than those written, so start "
                         "again in an empty folder\n")


def test_a_changed_added_or_dropped_rule_pack_is_named(interrupted, capsys, tmp_path):
    args, out, rules = interrupted
    (rules / "contoh.example.toml").write_text(PACK + 'name = "Contoh"\n', encoding="utf-8")
    (rules / "lain.example.toml").write_text(PACK.replace("contoh", "lain"), encoding="utf-8")
    assert main(args + ["--resume"]) == 2
    assert _refusal(capsys).startswith(
        "the rules or cleaning options differ: the rule pack contoh.example changed, the rule "
        "pack lain.example was not loaded then (see ")
    assert main(args[:-2] + ["--resume"]) == 2
    assert "the rule pack contoh.example is no longer loaded" in _refusal(capsys)


def test_a_manifest_without_the_parts_is_told_the_options_that_may_differ(interrupted, capsys):
    args, out, _ = interrupted
    manifest = json.loads((out / "_manifest.json").read_text())
    del manifest["run"]["cleaning_parts"]           # (as an earlier version wrote it)
    (out / "_manifest.json").write_text(json.dumps(manifest))
    assert main(args + ["--resume", "--lang", "en"]) == 2
    assert _refusal(capsys).startswith(
        "the rules or cleaning options differ (a rule file, --rules, --no-builtin-rules, --lang, "
        "--learn-boilerplate or --page-timeout changed)")


def test_a_finished_run_made_otherwise_is_said_to_be_finished(interrupted, capsys):
    args, out, _ = interrupted
    _set_complete(out, True)
    assert main(args + ["--resume", "--page-timeout", "9"]) == 2
    said = _refusal(capsys)
    assert "interrupted" not in said
    assert said.endswith("the folder holds a finished run (30 records) made otherwise: to make "
                         "this one, start again in an empty folder\n")
    assert main(args + ["--resume"]) == 0           # (its own options: complete, nothing to do)
    assert "is already complete (30 records); nothing to do" in capsys.readouterr().err


@pytest.mark.parametrize("resume", [[], ["--resume"]])
def test_shards_with_no_manifest_get_one_answer_and_stay(tmp_path, capsys, resume):
    dump, out = tmp_path / "in.jsonl", tmp_path / "out"
    small_dump(dump, 5)
    out.mkdir()
    (out / "part-00000.jsonl").write_text('{"id": "theirs"}\n')
    assert main(["clean", str(dump), "-o", str(out), "--shard-size", "10", "-q", *resume]) == 2
    assert capsys.readouterr().err == (
        f"cleaner: error: {out} holds 1 shard file (part-00000.jsonl) but no _manifest.json, so "
        "no run this cleaner can resume; move them aside, or choose an empty folder\n")
    assert (out / "part-00000.jsonl").read_text() == '{"id": "theirs"}\n'


def test_a_rejects_file_gone_or_cut_is_said_with_what_the_manifest_records(tmp_path, capsys):
    dump, out = tmp_path / "in.jsonl", tmp_path / "out"
    small_dump(dump, 120)                       # (2 rejects: a broken line and an array)
    args = ["clean", str(dump), "-o", str(out), "--shard-size", "40", "-q"]
    assert main(args) == 0
    manifest = _set_complete(out, False)
    rejects = out / "_rejects.jsonl"
    kept = rejects.read_bytes()
    assert manifest["rejects"] == 2 and manifest["rejects_bytes"] == len(kept)
    rejects.unlink()
    capsys.readouterr()
    assert main(args + ["--resume"]) == 2
    assert _refusal(capsys) == (f"{rejects} is missing, where the manifest records {len(kept)} "
                                "bytes of 2 rejects; put it back to resume, or start again in an "
                                "empty folder\n")
    rejects.write_bytes(kept[:10])
    assert main(args + ["--resume"]) == 2
    assert _refusal(capsys).startswith(f"{rejects} holds 10 bytes, where the manifest records")
    rejects.write_bytes(kept)
    assert main(args + ["--resume"]) == 0


def test_a_resume_removes_its_own_unrecorded_shards_not_another_formats(interrupted):
    args, out, _ = interrupted
    manifest = json.loads((out / "_manifest.json").read_text())
    last = manifest["shards"].pop()                 # (as if killed before its checkpoint)
    manifest.update(records=manifest["records"] - last["records"],
                    inputs_done=manifest["shards"][-1]["inputs_end"])
    (out / "_manifest.json").write_text(json.dumps(manifest))
    (out / "part-00009.parquet").write_bytes(b"PAR1 someone else's")
    (out / "part-00009.jsonl").write_text('{"id": "stale"}\n')
    assert main(args + ["--resume"]) == 0
    assert (out / "part-00009.parquet").read_bytes() == b"PAR1 someone else's"
    assert not (out / "part-00009.jsonl").exists()
    assert (out / last["name"]).exists()


@pytest.mark.parametrize("after_rename", [False, True])
def test_a_checkpoint_cut_short_by_a_signal_leaves_the_output_saying_what_the_disk_holds(
        tmp_path, monkeypatch, after_rename):
    # A second Ctrl-C inside the manifest's write: the run's message and --stats named the
    # shard the new manifest would have held (4 shards) where the disk's held 3.
    from cleaner import shards
    from cleaner.shards import ShardedOutput

    out = ShardedOutput(tmp_path / "out", shard_size=2)
    for n in range(2):
        out.write_record(b'{"id":"%d"}\n' % n, n + 1)
    out.checkpoint(2)
    out.write_record(b'{"id":"2"}\n', 3)
    real_replace = os.replace

    def cut(src, dst):
        if str(dst).endswith("_manifest.json"):
            if after_rename:
                real_replace(src, dst)
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(shards.os, "replace", cut)
    with pytest.raises(KeyboardInterrupt):
        out.checkpoint(3)
    monkeypatch.undo()
    on_disk = json.loads((tmp_path / "out" / "_manifest.json").read_text())
    assert out.manifest["shards"] == on_disk["shards"]
    assert len(on_disk["shards"]) == (2 if after_rename else 1)
    # (a shard renamed into place that no manifest records is removed at once)
    assert sorted(p.name for p in (tmp_path / "out").glob("part-*")) == \
        [s["name"] for s in on_disk["shards"]]
    out.abort()
