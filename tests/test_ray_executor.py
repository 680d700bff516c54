"""--executor ray: the same records, rejects and shards as a local run, on a local Ray instance."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from scale_helpers import read_jsonl, real_docs, shard_records, write_jsonl
from test_report import report_samples

ray = pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raydump")
    docs = real_docs(18)
    for n in range(3):
        bad = {4: b"[1, 2]"} if n == 1 else {}
        write_jsonl(folder / f"part-{n}.jsonl", docs[n * 6:(n + 1) * 6], bad_lines=bad)
    (folder / "notes.md").write_text("not an input")
    return folder


def test_ray_run_writes_what_a_local_run_writes(local_ray, dump, tmp_path, capfd):
    local, distributed = tmp_path / "local", tmp_path / "ray"
    assert main(["clean", str(dump), "-o", str(local), "--shard-size", "4", "-q",
                 "--workers", "1"]) == 0
    capfd.readouterr()
    assert main(["clean", str(dump), "-o", str(distributed), "--shard-size", "4", "-q",
                 "--executor", "ray", "--workers", "4"]) == 0
    # Ray Data's words on the run's own choices (no progress bars; fewer files than workers)
    # are not shown. (Ray's C++ core still logs one line about actor arguments.)
    said = capfd.readouterr().err
    assert "Progress bars disabled" not in said and "UserWarning" not in said
    assert shard_records(distributed) == shard_records(local)
    assert len(shard_records(local)) == 18
    for name in ["part-00000.jsonl", "part-00004.jsonl", "_rejects.jsonl"]:
        assert (distributed / name).read_bytes() == (local / name).read_bytes()

    # An interrupted Ray run (rolled back to its third shard) resumes to the same output.
    manifest = json.loads((distributed / "_manifest.json").read_text())
    manifest["shards"] = manifest["shards"][:3]
    manifest.update(complete=False, records=12, inputs_done=manifest["shards"][-1]["inputs_end"])
    (distributed / "_manifest.json").write_text(json.dumps(manifest))
    assert main(["clean", str(dump), "-o", str(distributed), "--shard-size", "4", "-q",
                 "--executor", "ray", "--resume"]) == 0
    assert shard_records(distributed) == shard_records(local)
    assert read_jsonl(distributed / "_rejects.jsonl") == read_jsonl(local / "_rejects.jsonl")


def test_a_ray_run_names_inputs_as_a_local_run_does(local_ray, dump, tmp_path, monkeypatch):
    # Given by a relative path, a file's rejects and ids carry that path, not the absolute one
    # the Ray workers open.
    # The run report's removals come with the text around them from the Ray workers too,
    # where the driver never sees the input.
    monkeypatch.chdir(dump.parent)
    for executor in ("local", "ray"):
        assert main(["clean", dump.name, "-o", str(tmp_path / f"{executor}.jsonl"), "-q",
                     "--workers", "1", "--executor", executor,
                     "--report", str(tmp_path / f"{executor}.html")]) == 0
    local, distributed = (read_jsonl(tmp_path / f"{name}.jsonl.rejects.jsonl")
                          for name in ("local", "ray"))
    assert distributed == local and local[0]["source"] == f"{dump.name}/part-1.jsonl"
    assert read_jsonl(tmp_path / "ray.jsonl") == read_jsonl(tmp_path / "local.jsonl")
    samples = report_samples(tmp_path / "ray.html")
    assert samples == report_samples(tmp_path / "local.html")
    shown = [sample for rule in samples.values() for sample in rule]
    assert shown and all(not sample.startswith("[") or not sample.endswith("]")
                         for sample in shown)       # each with some text around it
