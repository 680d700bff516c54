"""`cleaner clean --site HOST` (accT 4): the site hint of every document of the run, never a
field of its records; a record's url host, then its own site field naming a pack, win."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.shards import MANIFEST

ARTICLE = ("Banjir Surut di Jakarta Timur\n\nBanjir yang merendam Jakarta Timur sejak Sabtu mulai "
           "surut pada Senin pagi. Warga kembali ke rumah dan membersihkan lumpur yang tertinggal "
           "di dalam rumah mereka.\n\nPetugas kebersihan dikerahkan untuk membantu warga, kata "
           "camat setempat kepada wartawan.\n")


def _run(tmp_path, *args, status=0):
    out = tmp_path / "out.jsonl"
    assert main(["clean", *map(str, args), "-o", str(out), "-q"]) == status
    if status:
        return []
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_site_gives_a_text_file_its_site(tmp_path, workers):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [plain] = _run(tmp_path, tmp_path / "a.txt", "--workers", workers)
    [record] = _run(tmp_path, tmp_path / "a.txt", "--site", "kumparan.com", "--workers", workers)
    assert plain["meta"]["site"] is None
    assert record["meta"]["site"] == "kumparan.com" and "site" not in record


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_url_host_or_a_site_field_wins_over_site(tmp_path, workers):
    lines = [{"id": "u", "text": ARTICLE, "url": "https://www.kompas.com/read/1"},
             {"id": "s", "text": ARTICLE, "site": "detik.com"},
             {"id": "n", "text": ARTICLE},
             {"id": "p", "text": ARTICLE, "url": "/read/1"}]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    records = _run(tmp_path, tmp_path / "d.jsonl", "--site", "www.kumparan.com",
                   "--workers", workers)
    assert {r["id"]: r["meta"]["site"] for r in records} == {
        "u": "kompas.com", "s": "detik.com", "n": "kumparan.com", "p": "kumparan.com"}
    assert {r["id"]: r.get("site") for r in records} == {"u": None, "s": "detik.com", "n": None,
                                                         "p": None}


def test_site_wins_over_a_folder_named_as_another_site(tmp_path):
    folder = tmp_path / "dump" / "detik.com"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [record] = _run(tmp_path, tmp_path / "dump", "--site", "kumparan.com")
    assert record["meta"]["site"] == "kumparan.com"


def test_a_page_takes_site_too(tmp_path):
    page = ("<html><head><title>Banjir</title></head><body><article><h1>Banjir Surut</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:]) + "</article></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [record] = _run(tmp_path, tmp_path / "p.html", "--site", "kumparan.com")
    assert record["meta"]["site"] == "kumparan.com"


@pytest.mark.parametrize("value", ["kumparan", "", "https://", "nosuch.example"])
def test_a_site_that_names_no_loaded_pack_is_refused(tmp_path, value, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _run(tmp_path, tmp_path / "a.txt", "--site", value, status=2)
    assert "--site" in capsys.readouterr().err


def test_site_is_part_of_what_a_resume_must_repeat(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "shards"
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--shard-size", "1", "-q",
                 "--site", "kumparan.com"]) == 0
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--resume", "-q",
                 "--site", "detik.com"]) == 2
    assert "the --site differs" in capsys.readouterr().err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_site_writes_no_field_whatever_is_typed(tmp_path, workers):
    lines = [{"id": "d", "text": ARTICLE, "url": "https://www.detik.com/x/1"},
             {"id": "n", "text": ARTICLE}]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    records = _run(tmp_path, tmp_path / "d.jsonl", "--site", "https://www.kumparan.com/read/x",
                   "--workers", workers)
    assert {r["id"]: (r["meta"]["site"], "site" in r) for r in records} == {
        "d": ("detik.com", False), "n": ("kumparan.com", False)}


@pytest.mark.parametrize("field", ["Nasional", "", 7, None, "detik.com"])
def test_site_and_dataset_map_choose_alike(tmp_path, field):
    """A `site` field naming no pack gives way to --site, as to Dataset.map's site=."""
    from cleaner.hf import batch_kwargs, clean_batch

    row = {"id": "a", "text": ARTICLE, "site": field}
    (tmp_path / "d.jsonl").write_text(json.dumps(row) + "\n")
    [record] = _run(tmp_path, tmp_path / "d.jsonl", "--site", "kumparan.com")
    out = clean_batch({k: [v] for k, v in row.items()}, **batch_kwargs(site="kumparan.com"))
    assert record["meta"]["site"] == out["meta"][0]["site"]
    assert record["meta"]["site"] == ("detik.com" if field == "detik.com" else "kumparan.com")
    assert [r["rule"] for r in record["removed"]] == [r["rule"] for r in out["removed"][0]]
    assert record.get("site", "absent") == field


def test_a_resume_of_a_run_without_site_in_its_manifest_refuses_site(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "shards"
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--shard-size", "1",
                 "-q"]) == 0
    manifest = out / MANIFEST
    kept = json.loads(manifest.read_text(encoding="utf-8"))
    del kept["run"]["site"], kept["run"]["hidden"]          # (as a manifest of before them)
    kept["complete"] = False
    manifest.write_text(json.dumps(kept), encoding="utf-8")
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--resume", "-q",
                 "--site", "kumparan.com"]) == 2
    assert "the --site differs" in capsys.readouterr().err
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--resume", "-q",
                 "--hidden"]) == 2
    assert "--hidden is given" in capsys.readouterr().err


def test_learn_boilerplate_reads_with_hidden_and_site(tmp_path, capsys):
    boiler = "Baca juga: berita lain di kanal kami hari ini"
    folder = tmp_path / "lb"
    for n in range(6):
        name = f"{'.h/' if n % 2 else ''}a{n}.txt"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"Judul Berita Nomor {n}\n\n{ARTICLE.split(chr(10))[2]} {n}"
                                   f"\n\n{boiler}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "--hidden", "--site", "kumparan.com",
                 "--learn-boilerplate", "--learn-min-docs", "6"]) == 0
    err = capsys.readouterr().err
    assert "for 1 site" in err and "learned/kumparan.com/1  6/6" in err, err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 6 and not any(boiler in r["text"] for r in records)


def test_a_resume_may_spell_the_same_site_otherwise(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "shards"
    assert main(["clean", str(tmp_path), "-o", str(out), "--shard-size", "1", "-q",
                 "--site", "www.Kumparan.com"]) == 0
    assert main(["clean", str(tmp_path), "-o", str(out), "--resume", "-q",
                 "--site", "kumparan.com"]) == 0
    assert json.loads((out / MANIFEST).read_text())["run"]["site"] == "kumparan.com"
