"""Input edges found in a review: fixtures checked with a cleaner that takes no weak reference
(the compiled build's), a scraper's dump shaped like rejects read as input, and an HTML page
with a stray NUL read as a .txt with one is."""

from __future__ import annotations

import json
import weakref
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.decode import DecodeError
from cleaner.fixtures import case_cleaner, clean_fixture, fixture_problem, write_rule_options
from cleaner.fixtures import RuleOptions, dump_record, expected_path
from cleaner.folders import folder_files
from cleaner.html_charset import decode_html
from cleaner.inputs import ReadLog, ReadOptions
from cleaner.pipeline import Cleaner
from test_html_utf16 import SPARSE, cjk_page

ARTICLE = ("Jakarta - Harga cabai turun di Pasar Kramat Jati pagi ini, kata pedagang kepada "
           "wartawan.\n\nPemerintah menyatakan harga akan stabil sampai akhir tahun ini.")
ARTICLE2 = ("Bandung - Hujan deras mengguyur kota sejak pagi, menyebabkan banjir di beberapa "
            "ruas jalan.\n\nWarga diminta waspada terhadap banjir susulan malam ini.")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _clean(tmp_path: Path, source: Path, *options: str) -> tuple[list[dict], list[dict]]:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q", *options]) == 0
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    return _lines(out), (_lines(rejects) if rejects.exists() else [])


# -- 1. a cleaner that cannot be weakly referenced (a mypyc-compiled Cleaner) --------------------

class Unreferable:
    """Stands in for the compiled Cleaner: no __weakref__ slot, so weakref refuses it."""

    __slots__ = ("page_timeout", "max_html_bytes", "given_site")

    def __init__(self):
        base = Cleaner()
        self.page_timeout, self.max_html_bytes = base.page_timeout, base.max_html_bytes
        self.given_site = base.given_site


@pytest.fixture
def case_with_rules(tmp_path) -> Path:
    """A fixture case kept with its rule options (<case>.rules: the shipped packs, --lang id)
    and its expected record."""
    raw = tmp_path / "fixtures" / "a.txt"
    raw.parent.mkdir()
    raw.write_text(ARTICLE + "\n", encoding="utf-8")
    write_rule_options(raw, RuleOptions(lang="id"))
    expected_path(raw).write_text(dump_record(Cleaner(lang="id").clean(ARTICLE + "\n", id="a")),
                                  encoding="utf-8")
    return raw


def test_the_stand_in_refuses_weak_references_as_the_compiled_cleaner_does():
    with pytest.raises(TypeError):
        weakref.ref(Unreferable())


def test_a_case_with_rules_is_checked_with_a_cleaner_that_takes_no_weak_reference(
        case_with_rules):
    given = Unreferable()
    assert fixture_problem(given, case_with_rules) is None
    assert clean_fixture(given, case_with_rules)["id"] == "a"
    # made once per cleaner given and set of options, as before
    assert case_cleaner(given, case_with_rules) is case_cleaner(given, case_with_rules)


def test_the_cleaners_kept_for_cases_are_bounded_and_never_another_cleaners(case_with_rules):
    first = Unreferable()
    made = case_cleaner(first, case_with_rules)
    for _ in range(12):         # many cleaners given since: the first one's are let go
        case_cleaner(Unreferable(), case_with_rules)
    assert case_cleaner(first, case_with_rules) is not made
    # a cleaner given anew never gets the one made for another (a rules edit in between)
    assert case_cleaner(Unreferable(), case_with_rules) is not case_cleaner(first,
                                                                             case_with_rules)


def test_fixtures_check_of_a_case_with_rules_runs_with_such_a_cleaner(case_with_rules,
                                                                      monkeypatch, capsys):
    import cleaner.cli_fixtures as cli_fixtures

    # `fixtures check` given a cleaner as the compiled build makes one: weakref refuses it
    monkeypatch.setattr(cli_fixtures, "load_cleaner", lambda args: Unreferable())
    monkeypatch.chdir(case_with_rules.parent.parent)
    code = main(["fixtures", "check", "--root", "fixtures", "--color", "never"])
    out, err = capsys.readouterr()
    assert "weak reference" not in out + err
    assert code == 0, out + err


# -- 2. a scraper's dump shaped like rejects is input ---------------------------------------------

def _scrape_a(folder: Path) -> Path:
    """A scraper's records shaped {"source","line","reason","raw"}, the article in raw."""
    folder.mkdir()
    lines = [{"source": "kompas.com", "line": i, "reason": "sitemap", "raw": text}
             for i, text in enumerate((ARTICLE, ARTICLE2), 1)]
    (folder / "scrape.jsonl").write_text("".join(json.dumps(line, separators=(",", ":")) + "\n"
                                                 for line in lines), encoding="utf-8")
    return folder


def test_a_scrapers_records_with_reject_fields_are_read_with_text_field_raw(tmp_path):
    folder = _scrape_a(tmp_path / "dumpA")
    records, rejects = _clean(tmp_path, folder, "--text-field", "raw")
    assert len(records) == 2 and rejects == []


def test_a_text_field_of_a_rejects_fields_reads_even_a_file_named_as_rejects(tmp_path):
    folder = _scrape_a(tmp_path / "dumpA")
    (folder / "scrape.jsonl").rename(folder / "scrape.jsonl.rejects.jsonl")
    records, rejects = _clean(tmp_path, folder, "--text-field", "raw")
    assert len(records) == 2 and rejects == []


def test_a_dump_opening_with_one_reject_shaped_line_is_read(tmp_path):
    folder = tmp_path / "dumpB"
    folder.mkdir()
    failed = {"source": "https://kompas.com/a", "line": None, "reason": "HTTP 503", "raw": None}
    (folder / "scrape.jsonl").write_text(
        json.dumps(failed, separators=(",", ":")) + "\n"
        + json.dumps({"id": "k1", "text": ARTICLE}) + "\n"
        + json.dumps({"id": "k2", "text": ARTICLE2}) + "\n", encoding="utf-8")
    records, rejects = _clean(tmp_path, folder)
    assert [record["id"] for record in records] == ["k1", "k2"]
    # the failed fetch has no text: rejected, said, not passed over in silence
    assert len(rejects) == 1 and "no 'text' field" in rejects[0]["reason"]


@pytest.mark.parametrize("name, skipped", [
    ("out.jsonl.rejects.jsonl", True),      # -o out.jsonl's default rejects file
    ("out.parquet.rejects.jsonl", True),
    ("_rejects.jsonl", True),               # a shard folder's
    ("rejects.jsonl", False), ("scrape.jsonl", False)])
def test_a_rejects_file_is_passed_over_only_by_the_names_a_run_gives_it(tmp_path, name,
                                                                        skipped):
    folder = tmp_path / "dump"
    folder.mkdir()
    reject = {"source": "a.jsonl", "line": 1, "reason": "broken JSON", "raw": "{\"id\""}
    (folder / name).write_text(json.dumps(reject, separators=(",", ":")) + "\n",
                               encoding="utf-8")
    log = ReadLog()
    read = [path for path, _ in folder_files(folder, ReadOptions(), log)]
    assert read == ([] if skipped else [str(folder / name)])
    assert bool([why for why in log.skipped_records if "rejects a cleaner run wrote" in why]) \
        == skipped


# -- 3. a page with a stray NUL ------------------------------------------------------------------

PAGE = ("<html><body><article><p>Jakarta - Warga senang hari ini karena harga turun.\x00 "
        "Pemerintah menyatakan harga cabai akan stabil sampai akhir tahun ini menurut "
        "menteri.</p><p>Harga beras juga turun di pasar induk Kramat Jati pagi ini.</p>"
        "</article></body></html>").encode("utf-8")


def test_decode_html_reads_a_page_with_a_stray_nul():
    text, codec, notes = decode_html(PAGE)
    assert codec == "utf-8" and "turun.\x00 Pemerintah" in text and notes == []


@pytest.mark.parametrize("name", ["b.html", "c.txt"])
def test_a_page_with_a_stray_nul_is_cleaned_and_the_nul_dropped(tmp_path, name):
    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / name).write_bytes(PAGE)
    records, rejects = _clean(tmp_path, folder)
    assert rejects == [] and len(records) == 1
    text = records[0]["text"]
    assert "\x00" not in text and "harga turun. Pemerintah menyatakan" in text
    assert "drop_controls" in records[0]["fixes"]


@pytest.mark.parametrize("page", [PAGE, PAGE.decode("utf-8")], ids=["bytes", "str"])
def test_clean_html_drops_a_stray_nul_and_says_so(page):
    record = Cleaner().clean_html(page, id="b")
    assert "harga turun. Pemerintah menyatakan" in record["text"]
    assert "drop_controls" in record["fixes"]


@pytest.mark.parametrize("data", [
    PAGE.replace(b" ", b"\x00"),                                  # NULs for every space
    b"<html><body><p>" + bytes(range(256)) * 16 + b"</p></body></html>",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)])
def test_a_page_of_binary_data_is_still_refused(data):
    with pytest.raises(DecodeError, match="binary data"):
        decode_html(data)


def test_a_utf16_page_without_byte_order_mark_is_still_read_as_utf16():
    page = PAGE.decode("utf-8").replace("\x00", "")
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_html(page.encode(codec))[:2] == (page, codec)
    for lang in ("ja", "zh", "ko"):         # by the NULs of its markup alone
        assert decode_html(cjk_page(lang).encode("utf-16-le"))[:2] == (cjk_page(lang),
                                                                       "utf-16-le")
    with pytest.raises(DecodeError, match="^binary data"):
        decode_html(SPARSE.encode("utf-16-le"))     # too few NULs, nothing declared: as before
