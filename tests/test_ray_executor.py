"""--executor ray: the same records, rejects and shards as a local run, on a local Ray instance."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cleaner.cli import main
from scale_helpers import read_jsonl, real_docs, shard_records, write_jsonl
from test_report import report_samples
from test_warc_input import KABAR, KABAR_URL, write_warc

ray = pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raydump")
    docs = real_docs(18)
    # A record nested 500 levels deep (before the records a resume below goes on from), which
    # pickle could not send to a Ray task: the run failed with a RecursionError where a local
    # run rejected it.
    deep = b'{"id": "deep", "text": "Isi berita.", "meta": ' + b'{"a": ' * 499 + b'1' + \
        b'}' * 500
    for n in range(3):
        bad = {4: b"[1, 2]"} if n == 1 else {2: deep} if n == 0 else {}
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
    assert distributed == local and [r["source"] for r in local] == [
        f"{dump.name}/part-0.jsonl", f"{dump.name}/part-1.jsonl"]
    assert read_jsonl(tmp_path / "ray.jsonl") == read_jsonl(tmp_path / "local.jsonl")
    samples = report_samples(tmp_path / "ray.html")
    assert samples == report_samples(tmp_path / "local.html")
    shown = [sample for rule in samples.values() for sample in rule]
    assert shown and all(not sample.startswith("[") or not sample.endswith("]")
                         for sample in shown)       # each with some text around it


def _warc_ending_in_a_pdf(path: Path) -> None:
    """A WARC of one page and, after it, a record reading passes over: its last."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        for url, ctype, body in [(KABAR_URL, "text/html", KABAR.read_bytes()),
                                 ("https://x.id/a.pdf", "application/pdf", b"%PDF-1.4 ...")]:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http))


@pytest.fixture
def crawl(tmp_path) -> Path:
    """A folder whose reading passes over records in WARCs, files and a folder, in turn: a WARC
    with a request, an image and a redirect; a file of cleaned records; a WARC whose last
    record is a PDF; a damaged WARC; a shard folder, walked last."""
    folder = tmp_path / "crawl"
    (folder / "z-old").mkdir(parents=True)
    write_warc(folder / "a.warc", gz=False)
    (folder / "b.jsonl").write_text('{"id":"1","text":"x","meta":{},"removed":[],"flags":[],'
                                    '"fixes":[]}\n')
    _warc_ending_in_a_pdf(folder / "c.warc")
    (folder / "d.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4)
    (folder / "z-old" / "_manifest.json").write_text("{}")
    return folder


def test_a_ray_run_says_the_records_it_skipped_as_a_local_run_does(local_ray, crawl, tmp_path,
                                                                   capfd):
    # The WARCs' skipped records were counted where Ray read them and lost there: the summary
    # and --stats left them out. They come in reading order, among those of the folder walk.
    said, figures = {}, {}
    for executor in ("local", "ray"):
        stats = tmp_path / f"{executor}.stats.json"
        assert main(["clean", str(crawl), "-o", str(tmp_path / f"{executor}.jsonl"),
                     "--workers", "1", "--executor", executor, "--stats", str(stats)]) == 0
        said[executor] = [line for line in capfd.readouterr().err.splitlines()
                          if line.startswith("read ")]
        figures[executor] = json.loads(stats.read_text())
    assert said["ray"] == said["local"] and len(said["local"]) == 1
    assert list(figures["ray"]["skipped_records"].items()) == \
        list(figures["local"]["skipped_records"].items())
    skipped = list(figures["local"]["skipped_records"])
    assert skipped[:3] == ["WARC request record", "not HTML (image/png)", "HTTP status 301"]
    assert "b.jsonl: records a cleaner run wrote" in skipped[3]
    assert skipped[4] == "not HTML (application/pdf)"
    assert "z-old: a folder of shards" in skipped[5] and len(skipped) == 6
    assert figures["local"]["rejected"] == 1            # the damaged WARC, in both
    timing = {"executor", "seconds", "stage_seconds"}
    assert {k: v for k, v in figures["ray"].items() if k not in timing} == \
        {k: v for k, v in figures["local"].items() if k not in timing}
