"""`cleaner explain` shows each removal in place with its rule id, and the metadata found."""

from __future__ import annotations

from cleaner.cli import main
from conftest import ROOT

SEED = next((ROOT / "fixtures" / "minanews.net").glob("*.txt"))


def test_explain_marks_every_removal_with_its_rule(capsys):
    assert main(["explain", str(SEED), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "[-Foto: AP-]<id/photo-credit>" in out
    assert "[-Moskow, MINA – -]<id/dateline-city-source -> location,source>Menteri Luar Negeri" in out
    assert "ujarnya.[- (T/RE1/P1)-]<common/editor-code-end>" in out
    assert "[-Editor: Ismet Rauf-]<id/editor-label -> editors>" in out
    assert "editors   Ismet Rauf" in out and "site      minanews.net" in out
    assert "8 removals" in out


def test_explain_selects_a_record_of_a_jsonl_by_id(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Isi satu. (ant)"}\n'
                   '{"id": "b", "text": "Isi dua yang lebih panjang dari kodenya. (T/RE1/P1)"}\n',
                   encoding="utf-8")
    assert main(["explain", str(src), "--id", "b", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "== b" in out and "== a" not in out
    assert "[- (T/RE1/P1)-]<common/editor-code-end>" in out
    assert main(["explain", str(src), "--id", "nope", "--color", "never"]) == 1
    assert "no document with id nope" in capsys.readouterr().err


def test_explain_colours_removals_when_asked(capsys):
    assert main(["explain", str(SEED), "--color", "always"]) == 0
    assert "\033[31m[-Foto: AP-]" in capsys.readouterr().out


def test_explain_takes_html_pages(capsys):
    page = next((ROOT / "fixtures").rglob("*.html"))
    assert main(["explain", str(page), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== ") and "removals" in out and "characters of text kept" in out


def test_explain_shows_what_a_page_lost_before_its_text_had_lines(capsys):
    import json

    page = next(path for path in sorted((ROOT / "fixtures").rglob("*.html"))
                if any(r["line"] == 0 for r in
                       json.loads(path.with_suffix(".json").read_text())["removed"]))
    expected = json.loads(page.with_suffix(".json").read_text())["removed"]
    # (--all: every one, in order; by default the extractor's menu runs are summed up,
    # test_explain_lost_prose)
    assert main(["explain", str(page), "--all", "--color", "never"]) == 0
    out = capsys.readouterr().out
    before = [r for r in expected if r["line"] == 0]
    assert f"before the text had lines ({len(before)} removed):" in out
    marked = [line.strip() for line in out.splitlines() if line.startswith("      [-")]
    assert [line.rsplit("<", 1)[1] for line in marked] == [f"{r['rule']}>" for r in before]
    assert f"{len(expected)} removals" in out


def test_explain_refuses_what_clean_refuses(tmp_path, capsys):
    dump = tmp_path / "d.jsonl"
    dump.write_text('{"id": "z", "text": "\\u200b\\ufeff"}\n{"id": "a", "text": "Isi berita."}\n')
    assert main(["explain", str(dump), "--color", "never"]) == 0
    captured = capsys.readouterr()
    assert "== a" in captured.out and "== z" not in captured.out
    # Said in clean's own words: its line, with the record's id (the rejects file's name for it).
    [said] = [line for line in captured.err.splitlines() if "nothing visible" in line]
    assert main(["clean", str(dump), "-o", str(tmp_path / "o.jsonl"), "--workers", "1"]) == 0
    assert said in capsys.readouterr().err.splitlines()
    assert said.startswith("cleaner: rejected " + str(dump) + ":1 (id z): empty document: nothing")


def test_explain_says_when_it_stopped_at_its_limit(tmp_path, capsys):
    from cleaner.cli import main

    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(f'{{"id": "{i}", "text": "Isi berita nomor {i}."}}\n'
                            for i in range(3)), encoding="utf-8")
    assert main(["explain", str(dump), "-n", "2", "--color", "never"]) == 0
    assert "shown the first 2 documents; -n 0 shows all" in capsys.readouterr().err
    assert main(["explain", str(dump), "-n", "0", "--color", "never"]) == 0
    assert "shown the first" not in capsys.readouterr().err


def _summary(record: dict) -> str:
    """The closing line explain prints for a record."""
    def said(count: int, thing: str) -> str:
        return f"{count} {thing}{'' if count == 1 else 's'}"

    removed = record["removed"]
    return (f"{said(len(removed), 'removal')}, "
            f"{said(sum(len(r['text']) for r in removed), 'character')}; "
            f"{said(len(record['text']), 'character')} of text kept")


def test_explain_of_a_fixture_reads_its_stored_input_fields(capsys):
    # A fixture whose site only its stored url names is shown with that site's rules, as
    # `cleaner fixtures check` cleans it, not as its text alone would be.
    import json

    from cleaner.fixtures import fixture_inputs, input_fields_path

    stored = [raw for raw in fixture_inputs(ROOT / "fixtures") if input_fields_path(raw).exists()]
    assert main(["explain", *map(str, stored), "-n", "0", "--color", "never"]) == 0
    captured = capsys.readouterr()
    shown = [block for block in captured.out.split("\n== ") if block.strip()]
    assert len(shown) == len(stored)
    expected = [json.loads(raw.with_suffix(".json").read_text(encoding="utf-8")) for raw in stored]
    unlike = [str(raw) for raw, block, record in zip(stored, shown, expected)
              if block.rstrip().splitlines()[-1].strip() != _summary(record)]
    assert not unlike, "explained otherwise than their expected records"
    for raw in stored:          # and it says why it differs from a `clean` of the file alone
        assert f"{raw}: with the input fields stored in {input_fields_path(raw)}" in captured.err


def test_explain_refuses_an_input_that_does_not_exist(tmp_path, capsys):
    missing = tmp_path / "typo.txt"
    assert main(["explain", str(SEED), str(missing), "--color", "never"]) == 2
    captured = capsys.readouterr()
    assert f"no such file or folder: {missing}" in captured.err
    assert captured.out == ""           # refused before any document, as `cleaner clean` does


def test_explain_of_an_input_with_no_document_says_what_it_passed_over(tmp_path, capsys):
    from cleaner.cli import main

    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "notes.md").write_text("catatan")
    assert main(["explain", str(folder)]) == 1
    said = capsys.readouterr().err
    assert "no document to explain in the input" in said
    assert "1 file not matching the input patterns" in said


def test_a_url_given_as_an_id_is_told_how_records_are_named(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("Harga beras naik lagi di pasar induk, kata pedagang.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["explain", str(source), "--id", "https://situsbaru.example/a"]) == 1
    assert "no document with id https://situsbaru.example/a in the input; a record without an " \
           "id of its own is named FILE:NUMBER" in capsys.readouterr().err
