"""Edges of `cleaner suggest` and `cleaner fixtures add`: a --write-packs path that is no folder
is refused before mining; --site of fixtures add takes a host name or a lower-case folder name,
nothing else; a page of a site's edition in another language (goal.com/en/ of an Indonesian
goal.com) is mined as the edition's, as the cleaner gives it no pack of the site's."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from cleaner.cli import main
from cleaner.sitekey import site_key

PROMO = "Follow the Daily Kabar app for the latest stories from the club and the league."


def _article(i: int) -> str:
    return "\n\n".join([
        f"The club said on Sunday that the striker {i} would miss the match against their rivals "
        "after an injury in training, and the fans were told that he is out for a week.",
        *(f"It was the {k} time this season that the team had to play without him, and the "
          f"manager said that they would have to find a way to win the game {i}."
          for k in range(4)),
        PROMO])


def _dump(tmp_path: Path, url: str = "https://www.goal.com/en/news/{i}", n: int = 8) -> Path:
    """English articles closing with the same promo line (one candidate), at `url`."""
    path = tmp_path / "dump.jsonl"
    rows = [{"id": f"d{i}", "url": url.format(i=i), "text": _article(i)} for i in range(n)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# -- suggest --write-packs PATH that is no folder (E2)

@pytest.mark.parametrize("where", ["file", "file/under", "file/under/deeper", "dangling"])
def test_write_packs_to_a_path_that_is_no_folder_is_refused_before_mining(tmp_path, capsys,
                                                                         monkeypatch, where):
    # It ended in FileExistsError or NotADirectoryError after the whole dump was mined.
    (tmp_path / "file").write_text("keep me", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    dump = _dump(tmp_path)
    monkeypatch.setattr("cleaner.cli_suggest.iter_inputs", lambda *a: pytest.fail("mined"))
    assert main(["suggest", str(dump), "--no-builtin-rules", "--write-packs",
                 str(tmp_path / where)]) == 2
    err = capsys.readouterr().err
    assert f"--write-packs {tmp_path / where} " in err and "no folder" in err
    assert "Traceback" not in err
    assert (tmp_path / "file").read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "nowhere").exists()


def test_write_packs_to_a_folder_that_cannot_be_looked_in_is_refused(tmp_path, capsys,
                                                                     monkeypatch):
    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("cleaner.cli_suggest.file_in_the_way", denied)
    monkeypatch.setattr("cleaner.cli_suggest.iter_inputs", lambda *a: pytest.fail("mined"))
    assert main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules", "--write-packs",
                 str(tmp_path / "locked" / "packs")]) == 2
    assert "Permission denied" in capsys.readouterr().err


def test_write_packs_failing_to_write_says_so_without_a_traceback(tmp_path, capsys,
                                                                  monkeypatch):
    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("cleaner.cli_suggest.write_packs", full)
    out = tmp_path / "packs"
    assert main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules", "--packs", "none",
                 "--write-packs", str(out)]) == 1
    assert f"cannot write pack files to {out}: [Errno 28] No space left on device" \
        in capsys.readouterr().err


def test_write_packs_to_a_new_folder_under_new_folders_still_writes(tmp_path, capsys):
    out = tmp_path / "a" / "b" / "packs"
    assert main(["suggest", str(_dump(tmp_path, "https://kabar.example/{i}")),
                 "--no-builtin-rules", "--packs", "none", "--write-packs", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["kabar.example.toml"]


# -- fixtures add --site: a host name or a folder name (E3)

def _add(tmp_path: Path, site: str) -> int:
    raw = tmp_path / "page.txt"
    raw.write_text("Judul Berita\n\nWarga kota berkumpul di alun-alun pada pagi hari.\n",
                   encoding="utf-8")
    return main(["fixtures", "add", str(raw), f"--site={site}", "--root",
                 str(tmp_path / "fixtures"), "--color", "never", "--no-builtin-rules"])


@pytest.mark.parametrize("given", ["-", ".kompas.com", "kompas..com", "kompas.com:", "KOMPAS",
                                   "Misc", "-kabar.example", "kabar-.example", "kabar_x.example",
                                   "kabar.example..", "kabar.example:8080x", "a" * 64 + ".com",
                                   "www.kabar.", "kabar.example:"])
def test_fixtures_add_site_that_is_no_host_or_folder_name_is_refused(tmp_path, capsys, given):
    # "-", ".kompas.com" (a hidden folder) and "kompas..com" were folders of fixtures; "KOMPAS"
    # was filed as the site "kompas", which `suggest --site KOMPAS` says names no site.
    assert _add(tmp_path, given) == 2
    err = capsys.readouterr().err
    assert "--site must be a host name like kompas.com" in err and repr(given) in err
    assert "folder of no site's named in lower case like misc" in err
    assert not (tmp_path / "fixtures").exists()


@pytest.mark.parametrize("given, folder", [("kabar-contoh.example", "kabar-contoh.example"),
                                           ("WWW.Kabar.Example.:8080", "kabar.example"),
                                           ("10.0.0.1", "10.0.0.1"), ("misc-2", "misc-2")])
def test_fixtures_add_site_still_takes_hosts_and_lower_case_folders(tmp_path, capsys, given,
                                                                    folder):
    assert _add(tmp_path, given) == 0
    assert [p.name for p in (tmp_path / "fixtures").iterdir()] == [folder]


# -- a page of an edition in another language (E4)

def _pack(id, lang, domains, kind="site"):
    return SimpleNamespace(id=id, kind=kind, lang=lang, domains=domains)


GOAL = _pack("goal.com", "id", ["goal.com"])
ENGLISH = _pack("en", "en", [], kind="lang")


def _claims(*packs):
    """A host's claiming pack, its parents' included, as PackIndex.site_by_host finds it."""
    by_domain = {d: p for p in packs for d in p.domains}

    def claims(host):
        while host:
            if host in by_domain:
                return by_domain[host]
            host = host.partition(".")[2]
        return None
    return claims


@pytest.mark.parametrize("url", ["https://www.goal.com/en/news/1", "https://en.goal.com/news/1",
                                 "https://m.goal.com/en-gb/x"])
def test_site_key_of_an_edition_page_in_its_language_is_the_editions(url):
    # It was goal.com: the Indonesian pack's file got the English pages' rules.
    assert site_key((ENGLISH,), url, _claims(GOAL)) == "en.goal.com"


def test_site_key_of_an_edition_page_is_the_pack_claiming_the_edition():
    edition = _pack("goal-english", "en", ["en.goal.com"])
    assert site_key((ENGLISH,), "https://www.goal.com/en/x", _claims(GOAL, edition)) \
        == "goal-english"


@pytest.mark.parametrize("packs, url", [
    ((ENGLISH,), "https://www.goal.com/id/berita/1"),           # the path names another language
    ((ENGLISH,), "https://www.goal.com/berita/1"),              # no language in the url
    ((_pack("id", "id", [], kind="lang"),), "https://www.goal.com/en/1"),  # text not English
    ((), "https://www.goal.com/en/1"),                          # no language pack cleaned it
])
def test_site_key_of_a_page_that_is_no_edition_is_the_claiming_packs(packs, url):
    assert site_key(packs, url, _claims(GOAL)) == "goal.com"


def test_suggest_files_an_english_edition_page_apart_from_the_sites_pack(tmp_path, capsys):
    out = tmp_path / "packs"
    assert main(["suggest", str(_dump(tmp_path)), "--write-packs", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["en.goal.com.toml"]
    written = (out / "en.goal.com.toml").read_text(encoding="utf-8")
    assert 'lang = "en"' in written and 'id = "goal-en/' in written
    # Loaded, the pack written is the one the cleaner gives those pages.
    capsys.readouterr()
    cleaned = tmp_path / "clean.jsonl"
    assert main(["clean", str(_dump(tmp_path)), "--rules", str(out), "-o", str(cleaned)]) == 0
    records = [json.loads(line) for line in cleaned.read_text(encoding="utf-8").splitlines()]
    assert {r["meta"]["site"] for r in records} == {"en.goal.com"}
    assert all(PROMO not in r["text"] for r in records)


@pytest.mark.parametrize("given", ["en.goal.com", "https://www.goal.com/en/news/3"])
def test_suggest_site_names_an_edition_by_its_subdomain_or_url(tmp_path, capsys, given):
    assert main(["suggest", str(_dump(tmp_path)), "--site", given, "--format", "json"]) == 0
    assert [s["site"] for s in json.loads(capsys.readouterr().out)] == ["en.goal.com"]
    assert main(["suggest", str(_dump(tmp_path)), "--site", "goal.com"]) == 1


def test_write_packs_to_a_new_path_named_as_a_pack_file_is_refused(tmp_path, capsys, monkeypatch):
    # (it made a folder named newfile.toml holding the site's pack file)
    monkeypatch.setattr("cleaner.cli_suggest.iter_inputs", lambda *a: pytest.fail("mined"))
    assert main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules", "--write-packs",
                 str(tmp_path / "newfile.toml")]) == 2
    assert "names a pack file: give the folder" in capsys.readouterr().err
    assert not (tmp_path / "newfile.toml").exists()
    (tmp_path / "packs.toml").mkdir()      # a folder of that name, made by hand, is one
    monkeypatch.undo()
    main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules", "--write-packs",
          str(tmp_path / "packs.toml")])
    assert "names a pack file" not in capsys.readouterr().err
