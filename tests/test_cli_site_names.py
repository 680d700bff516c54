"""A site named on the command line (`suggest --site`, `fixtures add --site`) is named as documents'
hosts are: lower case, without www. and port; a name of no site is refused, and `suggest
--write-packs` that writes nothing says the true reason and fails, leaving no folder behind."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main

PROMO = "Ikuti Kabar Contoh di aplikasi kami untuk berita terbaru setiap hari."
TEXT = ("Judul Berita Contoh Hari Ini\n\n"
        "Warga kota berkumpul di alun-alun pada pagi hari untuk merayakan ulang tahun kota.\n\n"
        "Promo aplikasi kami gratis\n")
# A pack whose id is no host: --site names it by its id or by a host it claims.
PLANET_PACK = """[pack]
id = "dailyplanet"
kind = "site"
lang = "id"
domains = ["planet.example"]
"""


def _article(i: int) -> str:
    return "\n\n".join([f"Judul Berita Nomor {i} Hari Ini",
                        f"Warga kota {i} berkumpul di alun-alun pada pagi hari untuk acara {i}.",
                        *(f"Paragraf {k} berita {i} menceritakan jalannya acara dengan rinci."
                          for k in range(4)),
                        PROMO])


def _dump(tmp_path, host="www.kabarcontoh.com", n=8, name="dump.jsonl"):
    """A site's dump whose every document closes with the same promo (one candidate)."""
    path = tmp_path / name
    rows = [{"id": f"d{i}", "url": f"https://{host}/berita/{i}", "text": _article(i)}
            for i in range(n)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _texts(tmp_path, n=8):
    """The same articles as text files: no url, so no host."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(n):
        (folder / f"kabar{i:02}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def _suggested_sites(capsys, *args) -> tuple[int, list[str]]:
    code = main(["suggest", *args, "--packs", "none", "--format", "json"])
    out = capsys.readouterr().out
    return code, [site["site"] for site in json.loads(out)] if code == 0 else []


# -- suggest --site

@pytest.mark.parametrize("given", ["www.kabarcontoh.com", "KabarContoh.COM", "kabarcontoh.com:443",
                                   "https://www.kabarcontoh.com/berita/1", " kabarcontoh.com "])
def test_suggest_site_is_the_documents_host_however_it_is_spelt(tmp_path, capsys, given):
    code, sites = _suggested_sites(capsys, str(_dump(tmp_path)), "--no-builtin-rules",
                                   "--site", given)
    assert (code, sites) == (0, ["kabarcontoh.com"])


def test_suggest_site_still_names_a_pack_by_its_id_or_a_host_it_claims(tmp_path, capsys):
    rules = tmp_path / "dailyplanet.toml"
    rules.write_text(PLANET_PACK, encoding="utf-8")
    dump = _dump(tmp_path, host="www.planet.example")
    for given in ("dailyplanet", "DailyPlanet", "www.Planet.example", "news.planet.example"):
        code, sites = _suggested_sites(capsys, str(dump), "--no-builtin-rules", "--rules",
                                       str(rules), "--site", given)
        assert (given, code, sites) == (given, 0, ["dailyplanet"])


def test_suggest_site_not_in_the_input_names_the_site_it_looked_for(tmp_path, capsys):
    assert main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules",
                 "--site", "WWW.Nosuch.com"]) == 1
    assert ("no document of site 'nosuch.com' (given as 'WWW.Nosuch.com')"
            in capsys.readouterr().err)


def test_suggest_site_not_in_the_input_says_the_site_spelt_like_it_or_the_inputs_sites(
        tmp_path, capsys):
    dump = _dump(tmp_path)
    assert main(["suggest", str(dump), "--no-builtin-rules", "--site", "kabarcontho.com"]) == 1
    assert capsys.readouterr().err.rstrip().endswith(
        "; did you mean kabarcontoh.com (8 documents)?")
    assert main(["suggest", str(dump), "--no-builtin-rules", "--site", "nosuch.com"]) == 1
    assert capsys.readouterr().err.rstrip().endswith(
        "; the input holds kabarcontoh.com (8 documents)")


@pytest.mark.parametrize("given", ["", "www.", "WWW.", " ", "..", "-"])
def test_suggest_site_naming_no_site_is_refused_before_mining(tmp_path, capsys, monkeypatch,
                                                              given):
    # An empty --site mined every site, as if none was given; "www." found no document.
    monkeypatch.setattr("cleaner.cli_suggest.iter_inputs", lambda *a: pytest.fail("read"))
    out = tmp_path / "packs"
    assert main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules", "--site", given,
                 "--write-packs", str(out)]) == 2
    assert f"--site {given!r} names no site" in capsys.readouterr().err
    assert not out.exists()


def test_suggest_site_with_write_packs_writes_the_hosts_pack_file(tmp_path, capsys):
    out = tmp_path / "packs"
    assert main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules", "--packs", "none",
                 "--site", "www.KabarContoh.com", "--write-packs", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["kabarcontoh.com.toml"]


# -- suggest --write-packs that writes nothing

def test_write_packs_of_documents_without_urls_says_why_fails_and_leaves_no_folder(tmp_path,
                                                                                  capsys):
    out = tmp_path / "np"
    assert main(["suggest", str(_texts(tmp_path)), "--no-builtin-rules", "--packs", "none",
                 "--write-packs", str(out)]) == 1
    captured = capsys.readouterr()
    assert "# ===== (no site): 8 documents" in captured.out     # the candidates are shown
    assert "no site had candidates" not in captured.err
    assert f"wrote no pack file to {out}: the 8 documents under (no site) have no url host" \
        in captured.err
    assert "`url` field" in captured.err and "--field url=NAME" in captured.err
    assert not out.exists()


def test_write_packs_reads_the_url_from_the_field_its_message_names(tmp_path, capsys):
    # The way out the message gives works: --field url=NAME names the site of each record.
    dump = _dump(tmp_path)
    dump.write_text(dump.read_text(encoding="utf-8").replace('"url"', '"link"'),
                    encoding="utf-8")
    out = tmp_path / "np"
    assert main(["suggest", str(dump), "--no-builtin-rules", "--packs", "none",
                 "--write-packs", str(out)]) == 1
    assert main(["suggest", str(dump), "--no-builtin-rules", "--packs", "none",
                 "--field", "url=link", "--write-packs", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["kabarcontoh.com.toml"]


def test_write_packs_with_no_candidates_fails_and_leaves_no_folder(tmp_path, capsys):
    out = tmp_path / "deep" / "np"
    assert main(["suggest", str(_dump(tmp_path)), "--no-builtin-rules", "--packs", "none",
                 "--min-docs", "100", "--write-packs", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"wrote no pack file to {out}: no site had candidates" in err
    assert not (tmp_path / "deep").exists()


def test_write_packs_notes_the_documents_without_urls_beside_the_packs_it_writes(tmp_path,
                                                                                capsys):
    out = tmp_path / "np"
    assert main(["suggest", str(_dump(tmp_path)), str(_texts(tmp_path)), "--no-builtin-rules",
                 "--packs", "none", "--write-packs", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"wrote 1 pack file to {out}" in err
    assert "no pack file holds the candidates of (no site): the 8 documents" in err
    assert [p.name for p in out.iterdir()] == ["kabarcontoh.com.toml"]


# -- fixtures add --site

def _add(tmp_path, *args, builtin=False):
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    return main(["fixtures", "add", str(raw), *args, "--root", str(tmp_path / "fixtures"),
                 "--color", "never", *(() if builtin else ("--no-builtin-rules",))])


@pytest.mark.parametrize("given", ["www.kabar.example", "Kabar.EXAMPLE", "WWW.Kabar.Example:8080",
                                   "kabar.example."])
def test_fixtures_add_site_goes_in_the_hosts_folder_however_it_is_spelt(tmp_path, capsys, given):
    assert _add(tmp_path, "--site", given) == 0
    root = tmp_path / "fixtures"
    assert [p.name for p in root.iterdir()] == ["kabar.example"]
    record = json.loads((root / "kabar.example" / "page.json").read_text(encoding="utf-8"))
    assert record["meta"]["site"] == "kabar.example"
    err = capsys.readouterr().err
    assert f"--site {given} is the site kabar.example" in err
    assert "warning" not in err


def test_fixtures_add_site_typo_is_caught_through_www(tmp_path, capsys):
    assert _add(tmp_path, "--site", "www.Tribunews.com", builtin=True) == 2
    assert "did you mean tribunnews.com?" in capsys.readouterr().err
    assert not (tmp_path / "fixtures").exists()


@pytest.mark.parametrize("given", ["", "www.", "WWW.", "  ", "www"])
def test_fixtures_add_site_naming_no_host_is_refused(tmp_path, capsys, given):
    # "www." made a folder fixtures/www./ beside the sites'.
    assert _add(tmp_path, "--site", given) == 2
    assert f"--site {given!r} names no host" in capsys.readouterr().err
    assert not (tmp_path / "fixtures").exists()


@pytest.mark.parametrize("given", ["../etc", "kabar.example/x", "kabar example", "kabar.example:x"])
def test_fixtures_add_site_that_is_no_host_name_is_still_refused(tmp_path, capsys, given):
    assert _add(tmp_path, "--site", given) == 2
    assert "--site must be a host name like kompas.com" in capsys.readouterr().err
    assert not (tmp_path / "fixtures").exists()
