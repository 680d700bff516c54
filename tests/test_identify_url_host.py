"""A document's url host names its site; a site pack's text signatures only a document without one."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.identify import PackIndex, site_host
from cleaner.rulefile import load_pack
from cleaner.sitekey import site_key

# A byline Kontan's pack takes as its signature, which a new site's articles carry too.
BYLINE = "Reporter: Dewi Lestari | Editor: Budi Santoso"
BODY = ("BERITABARU.EXAMPLE, SURABAYA - Wali Kota Surabaya meresmikan taman baru di kawasan "
        "Ketintang pada hari Senin. Taman ini dibangun dengan dana APBD.")
TEXT = f"{BYLINE}\n\n{BODY}"
NEW_SITE_URL = "https://beritabaru.example/2017/01/a1"

SIGNED_PACK = """[pack]
id = "signed.example"
kind = "site"
domains = ["signed.example"]
signatures = ['(?m)^Reporter\\s*:\\s*[^\\n|]{2,60}\\|\\s*Editor\\s*:']

[[rule]]
id = "signed/promo"
action = "drop-line"
pattern = '^Promo signed$'
remove = ["Promo signed"]
"""


def _site_rules(record: dict, stem: str) -> list[str]:
    return [r["rule"] for r in record["removed"] if r["rule"].startswith(f"{stem}/")]


@pytest.fixture(scope="module")
def signed_index(tmp_path_factory) -> PackIndex:
    path = tmp_path_factory.mktemp("rules") / "signed.example.toml"
    path.write_text(SIGNED_PACK, encoding="utf-8")
    return PackIndex([load_pack(path)])


def test_an_unclaimed_url_host_gets_no_site_pack_from_another_sites_signature(signed_index):
    packs = signed_index.packs_for(TEXT, NEW_SITE_URL)
    assert [p.id for p in packs if p.kind == "site"] == []


def test_a_text_without_a_url_is_named_by_the_signature(signed_index):
    packs = signed_index.packs_for(TEXT, None)
    assert [p.id for p in packs if p.kind == "site"] == ["signed.example"]


@pytest.mark.parametrize("placeholder", ["N/A", "null", "-", "/2017/01/a1"])
def test_a_url_naming_no_host_leaves_the_site_to_the_signature(signed_index, placeholder):
    assert site_host(placeholder) is None
    packs = signed_index.packs_for(TEXT, placeholder)
    assert [p.id for p in packs if p.kind == "site"] == ["signed.example"]


def test_a_new_sites_document_is_its_hosts_not_kontans(cleaner):
    record = cleaner.clean(TEXT, url=NEW_SITE_URL)
    assert record["meta"]["site"] == "beritabaru.example"
    assert _site_rules(record, "kontan") == []


def test_the_same_text_without_a_url_is_no_sites_by_its_byline_alone(cleaner):
    # "Reporter: X | Editor: Y" is many a site's byline: no longer Kontan's signature.
    assert cleaner.clean(TEXT)["meta"]["site"] is None


def test_a_claimed_host_wins_over_another_sites_signature(cleaner):
    record = cleaner.clean(TEXT, url="https://regional.channel9.id/a/b")
    assert record["meta"]["site"] == "channel9.id"


def _new_site_dump(tmp_path, n=6):
    """Documents of a site no pack claims, each with Kontan's signature byline and a promo."""
    rows = [{"id": f"b{i}", "url": f"https://beritabaru.example/2017/01/b{i}",
             "text": f"{BYLINE}\n\n{BODY} Nomor {i}.\n\nIkuti Berita Baru di aplikasi kami."}
            for i in range(n)]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_suggest_groups_a_new_sites_documents_under_their_host(tmp_path, capsys):
    dump = _new_site_dump(tmp_path)
    assert main(["suggest", str(dump), "--site", "beritabaru.example", "--format", "json"]) == 0
    [site] = json.loads(capsys.readouterr().out)
    assert site["site"] == "beritabaru.example" and site["documents"] == 6


def test_suggest_writes_a_new_sites_pack_under_its_host_not_kontans(tmp_path, capsys):
    out = tmp_path / "packs"
    assert main(["suggest", str(_new_site_dump(tmp_path)), "--write-packs", str(out)]) == 0
    assert sorted(p.name for p in out.glob("*.toml")) == ["beritabaru.example.toml"]


def test_the_site_key_of_a_new_sites_document_is_its_host(cleaner):
    # What suggest and learned boilerplate group documents by.
    doc = cleaner.clean_document(cleaner.make_document(TEXT, url=NEW_SITE_URL))
    assert site_key(doc.packs, doc.url) == "beritabaru.example"


@pytest.mark.parametrize("url", ["N/A", "-", "null"])
def test_a_placeholder_url_names_no_site_in_the_record(url):
    record = Cleaner().clean("Isi berita yang panjang di sini untuk diuji.", url=url)
    assert record["meta"]["site"] is None and record["meta"]["url"] == url


GOAL_EN = ("Klopp: Liverpool must be ruthless\n\n"
           "Jurgen Klopp has told his side they must take their chances on Sunday.\n\n"
           "Klopp Gives Update On Mohamed Salah Injury\n\n"
           "\"Mo trained today and he looks good,\" Klopp said of the Egypt forward.\n\n"
           "Liverpool Predicted Line-Up Against Manchester City\n\n"
           "Alisson; Alexander-Arnold, Van Dijk, Robertson.")


@pytest.mark.parametrize("url", ["https://www.goal.com/en/news/klopp/abc123",
                                 "https://www.goal.com/en-gb/news/klopp/abc123"])
def test_an_edition_in_another_language_gets_its_languages_packs_not_the_sites(cleaner, url):
    # goal.com's pack is written for its Indonesian pages: on the English edition its
    # related-title rule took the Title Case subheadings.
    record = cleaner.clean(GOAL_EN, url=url)
    assert record["meta"]["lang"] == "en" and record["meta"]["site"] == "goal.com"
    assert "Klopp Gives Update On Mohamed Salah Injury" in record["text"]
    assert not any(r["rule"].startswith("goal/") for r in record["removed"])


def test_the_sites_own_language_edition_keeps_the_sites_pack(cleaner):
    record = cleaner.clean(GOAL_EN + "\n\nSanksi Embargo Transfer Real Madrid Diperingan",
                           url="https://www.goal.com/id/berita/abc")
    assert record["meta"]["lang"] == "id"
    assert any(r["rule"].startswith("goal/") for r in record["removed"])


def test_a_language_code_in_a_url_the_text_does_not_confirm_keeps_the_sites_pack(cleaner):
    # /en/12345 on the Indonesian site: an id, not an edition; the text is Indonesian.
    text = ("Pelatih Timnas mengatakan bahwa tim akan berlatih lebih keras untuk pertandingan "
            "yang akan datang di Jakarta.\n\nSanksi Embargo Transfer Real Madrid Diperingan")
    record = cleaner.clean(text, url="https://www.goal.com/en/12345")
    assert record["meta"]["lang"] == "id"
    assert any(r["rule"].startswith("goal/") for r in record["removed"])


def test_one_stopword_repeated_in_a_text_of_another_script_names_no_language(cleaner):
    # A Japanese page's few space-separated words: "for" 8 times of 41 ("Kindle for PC").
    text = ("Kindle版 電子書籍 を 読む ための アプリ です。 " * 3
            + " ".join(["Kindle for PC"] * 8) + " 無料 アプリ ダウンロード")
    assert cleaner.index.language(text) is None


def test_a_short_english_text_is_still_english(cleaner):
    text = "The minister said on Monday that the bridge would reopen in the spring."
    assert cleaner.index.language(text) == "en"
