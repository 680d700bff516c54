"""`cleaner fixtures add --site HOST`: the fixture is cleaned as that site's, or a warning says it is not."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main

# Kontan's dateline is its signature: without a url, the text alone is Kontan's.
TEXT = ("Reporter: Dewi Lestari | Editor: Budi Santoso\n\n"
        "BERITABARU.EXAMPLE, SURABAYA - Wali Kota Surabaya meresmikan taman baru di kawasan "
        "Ketintang pada hari Senin. Taman ini dibangun dengan dana APBD.\n"
        "\nKONTAN.CO.ID - Artikel ini juga tayang di Kontan.\n")
NEW_PACK = """[pack]
name = "Berita Baru"
lang = "id"
domains = ["beritabaru.example"]

[[rule]]
id = "beritabaru/dateline"
description = "The site's dateline"
action = "drop-span"
where = "head"
pattern = '^BERITABARU\\.EXAMPLE, \\p{Lu}+ - '
remove = ["BERITABARU.EXAMPLE, SURABAYA - Wali"]
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "beritabaru.example.toml").write_text(NEW_PACK, encoding="utf-8")
    return path


def _add(tmp_path, *args) -> int:
    return main(["fixtures", "add", str(tmp_path / "article.txt"), *args,
                 "--rules", str(tmp_path / "rules"), "--root", str(tmp_path / "fixtures"),
                 "--color", "never"])


def _stored(tmp_path, site: str, suffix: str):
    path = tmp_path / "fixtures" / site / f"article{suffix}"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def test_site_without_url_is_cleaned_with_that_sites_pack_not_a_signatures(tmp_path, article,
                                                                            capsys):
    assert _add(tmp_path, "--site", "beritabaru.example") == 0
    record = _stored(tmp_path, "beritabaru.example", ".json")
    assert record["meta"]["site"] == "beritabaru.example"
    rules = [r["rule"] for r in record["removed"]]
    assert "beritabaru/dateline" in rules
    assert not any(rule.startswith("kontan/") for rule in rules)
    err = capsys.readouterr().err
    assert "it was given https://beritabaru.example/" in err and "warning" not in err


def test_the_url_given_for_site_is_stored_so_that_check_cleans_it_alike(tmp_path, article,
                                                                         capsys):
    assert _add(tmp_path, "--site", "beritabaru.example") == 0
    assert _stored(tmp_path, "beritabaru.example", ".input.json") == {
        "url": "https://beritabaru.example/"}
    # (a file to commit with the case: named among those added)
    stored = tmp_path / "fixtures" / "beritabaru.example" / "article.input.json"
    assert f"  and {stored} (the input fields it is cleaned with: url, date, ...)" in \
        capsys.readouterr().out
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--rules", str(tmp_path / "rules")]) == 0
    assert "0 differ" in capsys.readouterr().err


def test_no_url_is_given_when_the_text_already_names_the_site(tmp_path, article, capsys):
    assert _add(tmp_path, "--site", "kontan.co.id") == 0
    record = _stored(tmp_path, "kontan.co.id", ".json")
    assert record["meta"]["site"] == "kontan.co.id" and record["meta"]["url"] is None
    assert _stored(tmp_path, "kontan.co.id", ".input.json") is None
    said = capsys.readouterr()
    assert "input fields" not in said.out
    err = said.err
    assert "it was given" not in err and "warning" not in err


def test_a_url_of_another_site_is_kept_and_warned_about(tmp_path, article, capsys):
    assert _add(tmp_path, "--site", "beritabaru.example", "--url",
                "https://other.example/a1") == 0
    record = _stored(tmp_path, "beritabaru.example", ".json")
    assert record["meta"]["url"] == "https://other.example/a1"
    err = capsys.readouterr().err
    assert "warning: the record is not beritabaru.example's" in err
    assert "meta.site is other.example" in err


def test_a_site_folder_naming_no_host_is_warned_about(tmp_path, article, capsys):
    assert _add(tmp_path, "--site", "misc") == 0
    assert _stored(tmp_path, "misc", ".input.json") is None
    err = capsys.readouterr().err
    assert "warning: the record is not misc's" in err and "kontan.co.id" in err


def test_a_pages_own_url_on_another_host_is_kept_and_warned_about(tmp_path, capsys):
    # The page's canonical url was replaced by https://<site>/, and the note said it had none.
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Taman Baru Diresmikan</title><link rel="canonical" '
        'href="https://other.example/2024/taman-baru"></head><body><article>'
        "<h1>Taman Baru Diresmikan</h1><p>Wali Kota Surabaya meresmikan taman baru di kawasan "
        "Ketintang pada hari Senin. Taman ini dibangun dengan dana APBD kota.</p><p>Warga "
        "menyambut taman itu dengan gembira, kata seorang pejabat setempat.</p>"
        "</article></body></html>", encoding="utf-8")
    assert main(["fixtures", "add", str(page), "--site", "beritabaru.example", "--new-site",
                 "--root", str(tmp_path / "fixtures"), "--color", "never"]) == 0
    folder = tmp_path / "fixtures" / "beritabaru.example"
    record = json.loads((folder / "page.json").read_text(encoding="utf-8"))
    assert record["meta"]["url"] == "https://other.example/2024/taman-baru"
    assert not (folder / "page.input.json").exists()
    err = capsys.readouterr().err
    assert "it was given" not in err
    assert "warning: the record is not beritabaru.example's" in err
    assert "its url is https://other.example/2024/taman-baru, check it" in err
