"""`cleaner fixtures add` of records of a dump without ids: each is found by the id `clean`
gives it (`dump.jsonl:9`) or by its line, and two of them are two cases."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.fixture_workflow import RecordPicker
from cleaner.inputs import Item

SITE = "kabarbaru.invalid"


def _text(i: int) -> str:
    return (f"Judul Berita Nomor {i}\n\nWarga kota berkumpul di alun-alun pada pagi hari ke-{i} "
            "untuk merayakan ulang tahun kota.\n")


def _dump(tmp_path, count: int = 3, name: str = "dump.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps({"url": f"https://{SITE}/{i}", "text": _text(i)}) + "\n"
                            for i in range(1, count + 1)), encoding="utf-8")
    return path


def _add(tmp_path, *args):
    return main(["fixtures", "add", *args, "--site", SITE, "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules", "--color", "never"])


def _ids_clean_gives(tmp_path, dump) -> list[str]:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--no-builtin-rules"]) == 0
    return [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_record_without_an_id_is_added_by_the_id_clean_gives_it(tmp_path, capsys):
    dump = _dump(tmp_path)
    ids = _ids_clean_gives(tmp_path, dump)
    assert ids == ["dump.jsonl:1", "dump.jsonl:2", "dump.jsonl:3"]
    assert _add(tmp_path, str(dump), "--id", ids[1]) == 0, capsys.readouterr().err
    folder = tmp_path / "fixtures" / SITE
    assert (folder / "dump-2.txt").read_text(encoding="utf-8") == _text(2)
    assert json.loads((folder / "dump-2.json").read_text())["id"] == "dump-2"


def test_a_record_without_an_id_is_added_by_its_line_number_too(tmp_path, capsys):
    dump = _dump(tmp_path)
    assert _add(tmp_path, str(dump), "--id", "3") == 0, capsys.readouterr().err
    assert (tmp_path / "fixtures" / SITE / "dump-3.txt").read_text(encoding="utf-8") == _text(3)


def test_two_records_of_one_dump_without_ids_are_two_cases(tmp_path, capsys):
    dump = _dump(tmp_path)
    assert _add(tmp_path, str(dump), "--id", "1") == 0
    assert _add(tmp_path, str(dump), "--id", "dump.jsonl:2") == 0, capsys.readouterr().err
    folder = tmp_path / "fixtures" / SITE
    assert sorted(p.name for p in folder.glob("*.txt")) == ["dump-1.txt", "dump-2.txt"]
    assert (folder / "dump-1.txt").read_text(encoding="utf-8") == _text(1)
    capsys.readouterr()
    assert main(["fixtures", "check", "--root", str(tmp_path / "fixtures"),
                 "--no-builtin-rules"]) == 0


def test_a_compressed_dump_names_its_cases_by_the_stem_without_suffixes(tmp_path, capsys):
    import gzip

    plain = _dump(tmp_path)
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(plain.read_bytes()))
    assert _add(tmp_path, str(dump), "--id", "dump.jsonl.gz:2") == 0, capsys.readouterr().err
    assert (tmp_path / "fixtures" / SITE / "dump-2.txt").read_text(encoding="utf-8") == _text(2)


def test_the_only_record_of_a_compressed_dump_is_named_by_the_stem_without_suffixes(
        tmp_path, capsys):
    import gzip

    plain = _dump(tmp_path, count=1)
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(plain.read_bytes()))
    assert _add(tmp_path, str(dump)) == 0, capsys.readouterr().err
    assert (tmp_path / "fixtures" / SITE / "dump.txt").exists()
    assert not (tmp_path / "fixtures" / SITE / "dump.jsonl.txt").exists()


def test_the_only_record_of_a_dump_is_still_named_by_the_file(tmp_path, capsys):
    dump = _dump(tmp_path, count=1)
    assert _add(tmp_path, str(dump)) == 0, capsys.readouterr().err
    assert (tmp_path / "fixtures" / SITE / "dump.txt").exists()


def test_an_id_of_another_file_or_line_names_no_record(tmp_path, capsys):
    dump = _dump(tmp_path)
    for wanted in ("other.jsonl:2", "dump.jsonl:9", "dump.jsonl:", ":2", "dump-2", "0", "-1"):
        assert _add(tmp_path, str(dump), "--id", wanted) == 2
        assert f"no record with id {wanted!r}" in capsys.readouterr().err
    assert not (tmp_path / "fixtures").exists()


def test_a_record_whose_id_is_a_line_number_wins_over_that_line(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": _text(1)}) + "\n"
                    + json.dumps({"id": "1", "text": _text(2)}) + "\n", encoding="utf-8")
    assert _add(tmp_path, str(dump), "--id", "1") == 0
    assert (tmp_path / "fixtures" / SITE / "1.txt").read_text(encoding="utf-8") == _text(2)


def _item(source: str, line: int, record_id: str | None = None) -> Item:
    fields = {"id": record_id} if record_id is not None else {}
    return Item(source, line, f"teks {source} {line}", fields, 10)


def test_the_picker_takes_ids_at_once_and_lines_only_where_no_record_has_the_id():
    picker = RecordPicker(["a.jsonl:2", "3", "7"])
    items = [_item("a.jsonl", 1), _item("a.jsonl", 2), _item("a.jsonl", 3),
             _item("b.jsonl", 3), _item("b.jsonl", 5, "7"), _item("b.jsonl", 7)]
    assert [picker.wants(item) for item in items] == [False, True, False, False, True, False]
    # Line 3 of each file (no record is "3"); not line 7, since a record's id is "7".
    assert [(item.source, item.line) for item in picker.held()] == [("a.jsonl", 3),
                                                                    ("b.jsonl", 3)]


def test_picking_from_a_stream_passes_rejects_and_gives_lines_last():
    from cleaner.inputs import Reject

    reject = Reject("a.jsonl", 1, "broken JSON")
    items = [reject, _item("a.jsonl", 2), _item("a.jsonl", 3, "x"), _item("a.jsonl", 4)]
    picked = list(RecordPicker(["2", "x"]).pick(items))
    assert picked[0] is reject
    assert [(item.line, item.fields.get("id")) for item in picked[1:]] == [(3, "x"), (2, None)]
