"""`cleaner fixtures`: add a raw input with its current record, check, update with a diff."""

from __future__ import annotations

import json
import re
import shlex

from cleaner.batches import NOTHING_VISIBLE
from cleaner.cli import main

TEXT = ("Judul Berita Contoh Hari Ini\n\n"
        "Warga kota berkumpul di alun-alun pada pagi hari untuk merayakan ulang tahun kota.\n\n"
        "Promo aplikasi kami gratis\n")
PROMO_RULE = """[pack]
id = "kabar.example"
kind = "site"
domains = ["kabar.example"]

[[rule]]
id = "kabar/promo"
action = "drop-line"
pattern = '^Promo aplikasi kami gratis$'
remove = ["Promo aplikasi kami gratis"]
"""


def _add(tmp_path, *args):
    return main(["fixtures", "add", *args, "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules", "--color", "never"])


def test_add_a_text_file_writes_input_and_expected_record(tmp_path, capsys):
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    assert _add(tmp_path, str(raw), "--site", "kabar.example", "--url",
                "https://kabar.example/a") == 0
    folder = tmp_path / "fixtures" / "kabar.example"
    assert (folder / "page.txt").read_text(encoding="utf-8") == TEXT
    record = json.loads((folder / "page.json").read_text(encoding="utf-8"))
    assert record["meta"]["title"] == "Judul Berita Contoh Hari Ini"
    assert json.loads((folder / "page.input.json").read_text()) == {"url": "https://kabar.example/a"}
    out = capsys.readouterr()
    assert "added" in out.out and "[-Judul Berita Contoh Hari Ini-]<header/title" in out.out
    # Added again without --force: refused; with --force: replaced.
    assert _add(tmp_path, str(raw), "--site", "kabar.example") == 2
    assert "already exists" in capsys.readouterr().err
    assert _add(tmp_path, str(raw), "--site", "kabar.example", "--force") == 0
    # Its url went with it: the text names no site, so it is given one on --site's host.
    stored = json.loads((folder / "page.input.json").read_text())
    assert stored == {"url": "https://kabar.example/"}
    # With no url to give (--site names no host), no input fields: none is left behind.
    (tmp_path / "fixtures" / "misc").mkdir()
    (tmp_path / "fixtures" / "misc" / "page.input.json").write_text('{"url": "https://x.example/"}')
    assert _add(tmp_path, str(raw), "--site", "misc") == 0
    assert not (tmp_path / "fixtures" / "misc" / "page.input.json").exists()


def test_add_one_record_of_a_jsonl_dump(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "a/1", "url": "https://kabar.example/1", "date": "2017-02",
                                "text": TEXT}) + "\n"
                    + json.dumps({"id": "a/2", "text": "Lain."}) + "\n", encoding="utf-8")
    assert _add(tmp_path, str(dump), "--site", "kabar.example") == 2
    assert "choose one with --id" in capsys.readouterr().err
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "a/1") == 0
    folder = tmp_path / "fixtures" / "kabar.example"
    assert (folder / "a_1.txt").read_text(encoding="utf-8") == TEXT
    fields = json.loads((folder / "a_1.input.json").read_text())
    assert fields == {"url": "https://kabar.example/1", "date": "2017-02"}
    record = json.loads((folder / "a_1.json").read_text())
    assert record["meta"]["date"] == "2017-02" and record["meta"]["site"] == "kabar.example"


def test_add_a_web_page_held_by_a_record_of_a_jsonl_dump(tmp_path, capsys):
    from conftest import ROOT

    page = (ROOT / "fixtures" / "kabarislamia.com" / "21486419bb.html").read_text(
        encoding="utf-8", errors="replace")
    dump = tmp_path / "pages.jsonl"
    dump.write_text(json.dumps({"id": "p1", "url": "https://kabarislamia.com/1", "page": page})
                    + "\n" + json.dumps({"id": "p2", "text": page}) + "\n", encoding="utf-8")
    assert _add(tmp_path, str(dump), "--site", "kabarislamia.com", "--id", "p1",
                "--html-field", "page") == 0
    assert _add(tmp_path, str(dump), "--site", "kabarislamia.com", "--id", "2") == 0
    folder = tmp_path / "fixtures" / "kabarislamia.com"
    for name in ("p1", "p2"):      # in the html field, or the raw page in the text field
        assert (folder / f"{name}.html").read_text(encoding="utf-8") == page
        record = json.loads((folder / f"{name}.json").read_text())
        assert record["meta"]["title"] and "<" not in record["text"]
    assert json.loads((folder / "p1.input.json").read_text()) == {
        "url": "https://kabarislamia.com/1"}
    capsys.readouterr()
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules"]) == 0


def test_a_broken_line_is_passed_over_when_adding_one_record_of_a_dump(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "1", "text": "Satu."}\n{broken\n'
                    + json.dumps({"id": "3", "text": TEXT}) + "\n", encoding="utf-8")
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "3") == 0
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "9") == 2
    assert ("no record with id '9', nor a line 9: the file's records end at line 3 "
            "(lines not JSON: 2)") in capsys.readouterr().err


def test_check_shows_the_diff_and_update_rewrites_it(tmp_path, capsys):
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    assert _add(tmp_path, str(raw), "--site", "kabar.example", "--url",
                "https://kabar.example/a") == 0
    root = str(tmp_path / "fixtures")
    assert main(["fixtures", "check", "--root", root, "--no-builtin-rules"]) == 0
    capsys.readouterr()
    # A deliberate change: a site rule now removes the promo.
    rules = tmp_path / "kabar.example.toml"
    rules.write_text(PROMO_RULE, encoding="utf-8")
    with_rule = ["--root", root, "--no-builtin-rules", "--rules", str(rules)]
    assert main(["fixtures", "check", *with_rule]) == 1
    out = capsys.readouterr()
    assert "\n-Promo aplikasi kami gratis\n" in out.out and "kabar/promo" in out.out
    assert "1 differ" in out.err
    assert main(["fixtures", "update", *with_rule, "--accept-loss"]) == 0
    out = capsys.readouterr()
    assert "kabar/promo" in out.out and "1 expected record rewritten" in out.err
    assert main(["fixtures", "check", *with_rule]) == 0
    record = json.loads((tmp_path / "fixtures" / "kabar.example" / "page.json").read_text())
    assert "Promo" not in record["text"]


def test_check_update_is_update(tmp_path, capsys):
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    _add(tmp_path, str(raw), "--site", "kabar.example", "--url", "https://kabar.example/a")
    rules = tmp_path / "kabar.example.toml"
    rules.write_text(PROMO_RULE, encoding="utf-8")
    args = ["--root", str(tmp_path / "fixtures"), "--no-builtin-rules", "--rules", str(rules)]
    assert main(["fixtures", "check", "--update", *args, "--accept-loss"]) == 0
    assert main(["fixtures", "check", *args]) == 0


def test_bad_input_is_refused(tmp_path, capsys):
    odd = tmp_path / "page.pdf"
    odd.write_bytes(b"%PDF")
    assert _add(tmp_path, str(odd), "--site", "kabar.example") == 2
    assert _add(tmp_path, str(tmp_path / "none.txt"), "--site", "kabar.example") == 2
    assert _add(tmp_path, str(odd), "--site", "../etc") == 2
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    assert _add(tmp_path, str(page), "--site", "kabar.example", "--name", "../../x") == 2
    assert "plain case name" in capsys.readouterr().err
    assert not list(tmp_path.rglob("x.*"))


def test_fixtures_that_cannot_be_cleaned_fail_the_check_and_are_not_rewritten(tmp_path, capsys):
    site = tmp_path / "fixtures" / "kabar.example"
    site.mkdir(parents=True)
    (site / "latin1.txt").write_bytes("Berita caf\xe9.\n".encode("latin-1"))
    (site / "empty.html").write_text("<html></html>", encoding="utf-8")
    (site / "good.txt").write_text(TEXT, encoding="utf-8")
    (site / "good.input.json").write_text('{"url": 5}', encoding="utf-8")   # a url not text
    args = ["--root", str(tmp_path / "fixtures"), "--no-builtin-rules"]
    assert main(["fixtures", "update", *args]) == 1
    out = capsys.readouterr()
    assert "latin1.json: cannot clean the fixture: UnicodeDecodeError" in out.out
    assert "empty.json: cannot clean the fixture: PageError" in out.out
    assert "1 expected record rewritten" in out.err and "2 could not be cleaned" in out.err
    assert sorted(p.name for p in site.glob("*.json")) == ["good.input.json", "good.json"]
    assert main(["fixtures", "check", *args]) == 1
    assert "0 differ" in capsys.readouterr().err


def test_an_expected_record_whose_input_is_gone_fails_the_check(tmp_path, capsys):
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    for name in ("one", "two", "three"):
        assert _add(tmp_path, str(raw), "--site", "kabar.example", "--name", name) == 0
    folder = tmp_path / "fixtures" / "kabar.example"
    (folder / "one.txt").unlink()
    (folder / "two.txt").rename(folder / "two.TXT")
    args = ["--root", str(tmp_path / "fixtures"), "--no-builtin-rules"]
    capsys.readouterr()
    assert main(["fixtures", "check", *args]) == 1
    out = capsys.readouterr().out
    for name in ("one", "two"):
        assert f"{name}.json: cannot clean the fixture: its input is missing" in out
    assert "three.json" not in out
    assert main(["fixtures", "update", *args]) == 1          # never rewritten, nor deleted
    assert (folder / "one.json").exists() and (folder / "two.json").exists()


def test_an_id_that_is_also_a_line_number_picks_the_record_of_that_id(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": i, "text": f"{TEXT}{i}"}) + "\n"
                            for i in ("a", "b", "c", "2")), encoding="utf-8")
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "2") == 0
    assert (tmp_path / "fixtures" / "kabar.example" / "2.txt").read_text().endswith("2")
    # A number no record has as its id still names a line.
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "3") == 0
    assert (tmp_path / "fixtures" / "kabar.example" / "c.txt").read_text().endswith("c")


def test_a_record_only_nearly_json_is_added_as_a_run_cleans_it(tmp_path, capsys):
    # NaN as Python's json writes it, and half an emoji's pair where a scraper cut a string:
    # a run reads both records (docs/usage.md), so `fixtures add` finds them too.
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "nan1", "text": "Berita dengan skor.\\n\\nPromo aplikasi kami gratis",'
                    ' "score": NaN, "url": "https://kabar.example/a"}\n'
                    '{"id": "sur1", "text": "Berita emoji \\ud83d terpotong.", "title": "Judul '
                    '\\ud83d", "url": "https://kabar.example/b"}\n', encoding="utf-8")
    rules = tmp_path / "kabar.example.toml"
    rules.write_text(PROMO_RULE, encoding="utf-8")
    run = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(run), "-q", "--no-builtin-rules",
                 "--rules", str(rules)]) == 0
    by_id = {r["id"]: r for r in map(json.loads, run.read_text(encoding="utf-8").splitlines())}
    folder = tmp_path / "fixtures" / "kabar.example"
    for record_id in ("nan1", "sur1"):
        assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", record_id,
                    "--rules", str(rules)) == 0, capsys.readouterr().err
        expected = json.loads((folder / f"{record_id}.json").read_text(encoding="utf-8"))
        wanted = dict(by_id[record_id], id=record_id)
        if record_id == "sur1":
            # A fixture input is UTF-8, which cannot hold the half pair: it is stored repaired,
            # as the run's fix_surrogates repairs it, so that fix is not the fixture's to make.
            assert "fix_surrogates" in capsys.readouterr().err
            wanted["fixes"] = [f for f in wanted["fixes"] if f != "fix_surrogates"]
        assert expected == wanted
    # NaN is stored as the null a run writes, and the fixtures hold as they were added.
    assert json.loads((folder / "nan1.input.json").read_text())["score"] is None
    assert "\ufffd" in (folder / "sur1.txt").read_text(encoding="utf-8")
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"), "--no-builtin-rules",
                 "--rules", str(rules)]) == 0


def test_an_id_past_64_bits_is_found_by_all_its_digits(tmp_path):
    # A run keeps such an id as text, every digit; orjson alone reads it as a float.
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": 123456789012345678901234567890, "text": "Satu."}\n'
                    '{"id": 123456789012345678901234567891, "text": "Dua."}\n', encoding="utf-8")
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id",
                "123456789012345678901234567891") == 0
    folder = tmp_path / "fixtures" / "kabar.example"
    assert (folder / "123456789012345678901234567891.txt").read_text() == "Dua."


def _hinted_update(err: str) -> list[str]:
    """The arguments of the `cleaner fixtures update ...` a command's message tells to run."""
    command = re.search(r"`cleaner (fixtures update[^`]*)`", err)
    assert command, err
    return shlex.split(command.group(1))


def test_the_update_add_suggests_repeats_the_rules_and_folder_that_made_the_record(
        tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)         # a hint that leaves out --root must not reach the repo's
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "kabar.example.toml").write_text(PROMO_RULE, encoding="utf-8")
    (tmp_path / "page.txt").write_text(TEXT, encoding="utf-8")
    assert main(["fixtures", "add", "page.txt", "--site", "kabar.example", "--url",
                 "https://kabar.example/a", "--rules", "pack/", "--root", "fx",
                 "--color", "never"]) == 0
    expected = tmp_path / "fx" / "kabar.example" / "page.json"
    recorded = expected.read_text(encoding="utf-8")
    assert "Promo" not in json.loads(recorded)["text"]
    hint = _hinted_update(capsys.readouterr().err)
    assert hint == ["fixtures", "update", "page", "--rules", "pack/", "--root", "fx"]
    # Followed, it keeps the record the pack made: the promo is not made expected.
    assert main(hint) == 0
    assert expected.read_text(encoding="utf-8") == recorded


def test_the_update_check_suggests_repeats_its_cases_rules_and_folder(tmp_path, monkeypatch,
                                                                        capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(TEXT, encoding="utf-8")
    for name in ("one", "two"):
        assert main(["fixtures", "add", "page.txt", "--site", "kabar.example", "--name", name,
                     "--url", "https://kabar.example/a", "--no-builtin-rules", "--root", "my fx",
                     "--color", "never"]) == 0
    (tmp_path / "kabar.example.toml").write_text(PROMO_RULE, encoding="utf-8")
    capsys.readouterr()
    assert main(["fixtures", "check", "one", "--no-builtin-rules", "--rules",
                 "kabar.example.toml", "--root", "my fx"]) == 1
    hint = _hinted_update(capsys.readouterr().err)
    assert hint == ["fixtures", "update", "one", "--rules", "kabar.example.toml",
                    "--no-builtin-rules", "--root", "my fx"]
    assert main([*hint, "--accept-loss"]) == 0
    folder = tmp_path / "my fx" / "kabar.example"
    assert "Promo" not in json.loads((folder / "one.json").read_text())["text"]
    assert "Promo" in json.loads((folder / "two.json").read_text())["text"]   # not checked


def test_adding_a_fixture_onto_its_own_input_is_refused_naming_the_path(tmp_path, capsys):
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    assert _add(tmp_path, str(raw), "--site", "kabar.example", "--url",
                "https://kabar.example/a") == 0
    folder = tmp_path / "fixtures" / "kabar.example"
    capsys.readouterr()
    assert _add(tmp_path, str(folder / "page.txt"), "--site", "kabar.example", "--force") == 2
    err = capsys.readouterr().err
    assert "PosixPath" not in err
    assert f"{folder / 'page.txt'} is this fixture's own input" in err
    assert "cleaner fixtures update page" in err
    # Its stored url is kept: re-adding it without --url would have dropped it.
    assert json.loads((folder / "page.input.json").read_text()) == {"url": "https://kabar.example/a"}


def test_a_text_clean_rejects_is_refused_with_cleans_reason(tmp_path, capsys):
    empty, invisible = tmp_path / "empty.txt", tmp_path / "invisible.txt"
    empty.write_text("", encoding="utf-8")
    invisible.write_text("\u200b\ufeff\n", encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "z", "text": "\u200b\u200b"}) + "\n", encoding="utf-8")
    for args, reason in (([str(empty)], "empty document"),
                         ([str(invisible)], NOTHING_VISIBLE),
                         ([str(dump), "--id", "z"], NOTHING_VISIBLE)):
        # What `cleaner clean` says of it, to the letter.
        assert main(["clean", *args[:1], "-o", str(tmp_path / "out.jsonl"), "-q"]) == 0
        rejects = (tmp_path / "out.jsonl.rejects.jsonl").read_text(encoding="utf-8")
        assert json.loads(rejects)["reason"] == reason
        assert _add(tmp_path, *args, "--site", "kabar.example") == 2
        assert f": {reason}, which `cleaner clean` rejects" in capsys.readouterr().err
    assert not (tmp_path / "fixtures").exists()


def test_markup_alone_is_added_as_clean_writes_it_and_a_page_without_article_refused(
        tmp_path, capsys):
    # fixtures add judged "nothing visible" on the normalized text: a script alone, which clean
    # writes (no text, the script's removal), was refused, and a comment alone, which opens as
    # a web page, was refused for another reason than clean's.
    script, comment = tmp_path / "script.txt", tmp_path / "comment.txt"
    script.write_text("<script>x</script>\n", encoding="utf-8")
    comment.write_text("<!-- x -->\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(script), str(comment), "-o", str(out), "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    [reject] = [json.loads(line) for line in (tmp_path / "out.jsonl.rejects.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert (record["text"], [r["rule"] for r in record["removed"]]) == ("", ["markup/hidden"])
    assert _add(tmp_path, str(script), "--site", "kabar.example") == 0
    expected = json.loads((tmp_path / "fixtures" / "kabar.example" / "script.json").read_text())
    assert (expected["text"], expected["removed"]) == (record["text"], record["removed"])
    capsys.readouterr()
    assert _add(tmp_path, str(comment), "--site", "kabar.example") == 2
    assert f"comment.txt: {reject['reason']}, which `cleaner clean` rejects" in \
        capsys.readouterr().err
    assert not list((tmp_path / "fixtures").rglob("comment.*"))


def _two_sites(tmp_path) -> list[str]:
    """Fixtures of two sites whose names share a start: kompas.com's "kompas" and "kompas-2",
    and kompasiana.com's "kompas-3"; the arguments that check or update them."""
    (tmp_path / "page.txt").write_text(TEXT, encoding="utf-8")
    for site, name in (("kompas.com", "kompas"), ("kompas.com", "kompas-2"),
                       ("kompasiana.com", "kompas-3")):
        assert _add(tmp_path, str(tmp_path / "page.txt"), "--site", site, "--name", name) == 0
    (tmp_path / "kabar.example.toml").write_text(PROMO_RULE.replace(
        'domains = ["kabar.example"]', 'domains = ["kompas.com", "kompasiana.com"]'),
        encoding="utf-8")
    return ["--root", str(tmp_path / "fixtures"), "--no-builtin-rules",
            "--rules", str(tmp_path / "kabar.example.toml")]


def _promo_kept(tmp_path) -> dict[str, bool]:
    """Whether each case's expected record still holds the promo (was not rewritten)."""
    return {path.stem: "Promo" in json.loads(path.read_text(encoding="utf-8"))["text"]
            for path in sorted((tmp_path / "fixtures").rglob("kompas*.json"))
            if not path.name.endswith(".input.json")}


def test_a_case_name_two_sites_share_is_hinted_by_its_path_and_refused_alone_by_update(
        tmp_path, monkeypatch, capsys):
    """Two sites' case `a1`: the hint after the second add said `fixtures update a1 --rules
    other/`, which rewrote nothing, and bound the first site's case to the other's rules (kept
    beside it): its own rules broken, a check said nothing."""
    monkeypatch.chdir(tmp_path)
    for site, folder in (("kabar.example", "pack"), ("lain.example", "other")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{site}.toml").write_text(
            PROMO_RULE.replace("kabar.example", site).replace("kabar/promo", f"{folder}/promo"),
            encoding="utf-8")
    (tmp_path / "a1.txt").write_text(TEXT, encoding="utf-8")
    assert main(["fixtures", "add", "a1.txt", "--site", "kabar.example", "--url",
                 "https://kabar.example/a", "--rules", "pack/", "--root", "fx",
                 "--color", "never"]) == 0
    capsys.readouterr()
    assert main(["fixtures", "add", "a1.txt", "--site", "lain.example", "--url",
                 "https://lain.example/a", "--rules", "other/", "--root", "fx",
                 "--color", "never"]) == 0
    hint = _hinted_update(capsys.readouterr().err)
    assert hint == ["fixtures", "update", "lain.example/a1", "--rules", "other/", "--root", "fx"]
    kept = (tmp_path / "fx" / "kabar.example" / "a1.rules").read_text(encoding="utf-8")
    assert main(["fixtures", "update", "a1", "--rules", "other/", "--root", "fx"]) == 2
    assert ("'a1' names 2 cases (kabar.example/a1, lain.example/a1): an update is given the one "
            "it means by its path") in capsys.readouterr().err
    assert (tmp_path / "fx" / "kabar.example" / "a1.rules").read_text(encoding="utf-8") == kept
    assert main(hint) == 0


def test_update_of_a_case_rewrites_that_case_alone_not_those_its_name_starts(tmp_path, capsys):
    args = _two_sites(tmp_path)
    assert main(["fixtures", "update", "kompas", *args, "--accept-loss"]) == 0
    assert _promo_kept(tmp_path) == {"kompas": False, "kompas-2": True, "kompas-3": True}
    assert "1 fixture, 1 expected record rewritten" in capsys.readouterr().err


def test_a_case_is_named_by_its_path_or_its_sites_folder(tmp_path, monkeypatch, capsys):
    args = _two_sites(tmp_path)
    monkeypatch.chdir(tmp_path)
    # Its path under the fixtures folder, or as a tab-completed path to its file.
    assert main(["fixtures", "update", "kompas.com/kompas-2",
                 "fixtures/kompasiana.com/kompas-3.txt", *args, "--accept-loss"]) == 0
    assert _promo_kept(tmp_path) == {"kompas": True, "kompas-2": False, "kompas-3": False}
    # A site's folder: every case in it, and no other site's.
    assert main(["fixtures", "check", "kompas.com", *args]) == 1
    assert "2 fixtures, 1 differ" in capsys.readouterr().err
    # The fixtures folder itself, as tab-completion types it: every case.
    assert main(["fixtures", "check", "fixtures/", *args]) == 1
    assert "3 fixtures, 1 differ" in capsys.readouterr().err


def test_a_case_that_names_no_fixture_is_refused_with_the_names_near_it(tmp_path, capsys):
    args = _two_sites(tmp_path)
    capsys.readouterr()
    for command in ("check", "update"):
        # "kompas." was a part of every kompas.com path: named whole, it names no case.
        assert main(["fixtures", command, "kompas.", "kompas", *args]) == 2
        err = capsys.readouterr().err
        assert "no fixture 'kompas.' in" in err and "no fixture 'kompas' in" not in err
        nearest = err.split("close names: ")[1].strip().split(", ")
        assert sorted(nearest) == ["kompas", "kompas-2", "kompas-3", "kompas.com", "kompasiana.com"]
    assert main(["fixtures", "update", "tempo", *args]) == 2
    err = capsys.readouterr().err
    assert "no fixture 'tempo'" in err and "close names" not in err
    # Refused before anything is rewritten, the cases that did match included.
    assert _promo_kept(tmp_path) == {"kompas": True, "kompas-2": True, "kompas-3": True}


NO_ARTICLE = "<html><head><title>Kabar</title></head><body><nav>Beranda</nav></body></html>"


def test_adding_a_page_with_no_article_leaves_nothing_behind_and_says_why(tmp_path, capsys):
    page = tmp_path / "menu.html"
    page.write_text(NO_ARTICLE, encoding="utf-8")
    assert _add(tmp_path, str(page), "--site", "kabar.example", "--url",
                "https://kabar.example/menu") == 2
    err = capsys.readouterr().err
    assert f"{page}: no article text found in the page, which `cleaner clean` rejects" in err
    assert "nothing was added" in err
    assert not (tmp_path / "fixtures").exists()
    # One held by a record of a dump, as well.
    dump = tmp_path / "pages.jsonl"
    dump.write_text(json.dumps({"id": "m1", "html": NO_ARTICLE}) + "\n", encoding="utf-8")
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "m1") == 2
    assert f"{dump}: record m1: no article text found" in capsys.readouterr().err
    assert not (tmp_path / "fixtures").exists()


def test_a_failed_forced_add_puts_back_the_case_it_would_have_replaced(tmp_path, capsys):
    from conftest import ROOT

    good = ROOT / "fixtures" / "kabarislamia.com" / "21486419bb.html"
    page = tmp_path / "page.html"
    page.write_bytes(good.read_bytes())
    assert _add(tmp_path, str(page), "--site", "kabar.example", "--url",
                "https://kabar.example/a") == 0
    folder = tmp_path / "fixtures" / "kabar.example"
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    # (page.rules: the --no-builtin-rules the record was made with, put back too)
    assert sorted(before) == ["page.html", "page.input.json", "page.json", "page.rules"]
    page.write_text(NO_ARTICLE, encoding="utf-8")
    assert _add(tmp_path, str(page), "--site", "kabar.example", "--force") == 2
    assert "no article text found" in capsys.readouterr().err
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_a_check_without_the_pack_a_fixture_was_made_with_says_so(tmp_path, capsys):
    # Added with --rules, checked without: the hint to update would write the promo back into
    # the expected record; the note names the rule the run has not loaded.
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    rules = tmp_path / "kabar.example.toml"
    rules.write_text(PROMO_RULE, encoding="utf-8")
    assert _add(tmp_path, str(raw), "--site", "kabar.example", "--url", "https://kabar.example/a",
                "--rules", str(rules)) == 0
    capsys.readouterr()
    root = str(tmp_path / "fixtures")
    assert main(["fixtures", "check", "--root", root, "--no-builtin-rules"]) == 1
    err = capsys.readouterr().err
    assert "packs this run has not loaded (kabar/promo)" in err and "--rules" in err
    assert main(["fixtures", "check", "--root", root, "--no-builtin-rules",
                 "--rules", str(rules)]) == 0
    assert "not loaded" not in capsys.readouterr().err


def test_adding_a_page_shows_its_record_with_every_removal_marked(tmp_path, capsys):
    """A page's case was shown as its text alone: none of the removals, metadata or flags the
    help promises ("It is shown with every removal marked"), which `explain` of it shows."""
    page = tmp_path / "p.html"
    page.write_text("<!doctype html><html><head><title>Hujan</title></head><body><nav>Beranda "
                    "Kota</nav><article><h1>Hujan Deras Rendam Jalan</h1><p>Hujan deras yang "
                    "mengguyur kota sejak sore membuat jalan tergenang.</p><p>Editor: Siti "
                    "Aminah</p></article></body></html>", encoding="utf-8")
    assert main(["fixtures", "add", str(page), "--site", "kabar.example", "--new-site",
                 "--root", str(tmp_path / "fx"), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "[-Beranda Kota-]<html/not-extracted>" in out
    assert "[-Hujan Deras Rendam Jalan-]<header/title -> title>" in out
    # (too few words to name a language: the flag a review of the case must see)
    assert "editors   Siti Aminah" in out and "FLAG no-language" in out


def test_check_all_without_update_is_a_usage_error(tmp_path, capsys):
    """`fixtures check --all` rewrote nothing and said nothing: --all was passed over."""
    (tmp_path / "fx").mkdir()
    assert main(["fixtures", "check", "--all", "--root", str(tmp_path / "fx")]) == 2
    assert "--all rewrites every expected record that differs: give it to `cleaner fixtures " \
           "update`, or with --update" in capsys.readouterr().err


def test_add_refuses_an_id_for_a_file_of_one_document(tmp_path, capsys):
    # --id was passed over, and the page added under its own name.
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    assert _add(tmp_path, str(raw), "--site", "kabar.example", "--id", "foo") == 2
    said = capsys.readouterr().err
    assert f"--id picks one record of a .jsonl file; {raw} is one document" in said
    assert not (tmp_path / "fixtures").exists()


def test_a_broken_input_fields_file_is_named_by_check_and_explain(tmp_path, capsys):
    # It was blamed on the expected record ("a.json: cannot clean the fixture: JSONDecodeError:
    # ..."), and explain named no file.
    raw = tmp_path / "page.txt"
    raw.write_text(TEXT, encoding="utf-8")
    assert _add(tmp_path, str(raw), "--site", "kabar.example", "--url",
                "https://kabar.example/a") == 0
    fields = tmp_path / "fixtures" / "kabar.example" / "page.input.json"
    fields.write_text('{"url": "https://kabar.example/a",}', encoding="utf-8")
    capsys.readouterr()
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules"]) == 1
    said = capsys.readouterr().out
    assert f"cannot clean the fixture: {fields}, the case's input fields, is not JSON: " in said
    assert "JSONDecodeError" not in said
    assert main(["explain", str(fields.with_name("page.txt")), "--no-builtin-rules"]) == 1
    assert f"{fields}, the case's input fields, is not JSON" in capsys.readouterr().err
    fields.write_text('["https://kabar.example/a"]', encoding="utf-8")
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules"]) == 1
    assert f"{fields}, the case's input fields, is not a JSON object" in capsys.readouterr().out


def test_add_names_the_last_line_for_a_line_number_past_the_dumps_end(tmp_path, capsys):
    # "no record with id '7'" read as an id the file lacks, of a file of two lines.
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": name, "text": TEXT}) + "\n" for name in "ab"),
                    encoding="utf-8")
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "7") == 2
    assert "no record with id '7', nor a line 7: the file's records end at line 2" in \
        capsys.readouterr().err
    assert _add(tmp_path, str(dump), "--site", "kabar.example", "--id", "c") == 2
    said = capsys.readouterr().err
    assert "no record with id 'c'" in said and "nor a line" not in said
