"""`cleaner suggest` on a new site's dump: a rule kept to the tail takes every line it is
counted by, and an input of no document is said to be one."""

from __future__ import annotations

import json
import tomllib

from cleaner.cli import main

HOST = "kabarbaru.invalid"
TOPICS = ["Harga Cabai Naik", "Banjir Rendam Rumah", "Festival Kuliner Digelar",
          "Jalan Tol Dibuka", "Sekolah Rusak Diterjang Angin", "Bibit Pohon Dibagikan"]


def _article(i: int, lines_after: int) -> str:
    """An article whose video label stands `lines_after` lines above its end."""
    paras = [f"Warga kota nomor {i} berkumpul di alun-alun pada pagi hari untuk acara tahunan."]
    paras += [f"Paragraf {k} berita {i} menceritakan jalannya acara dengan rinci."
              for k in range(8)]
    paras.append(f"[KB-Video: {TOPICS[i % len(TOPICS)]} di Kota {i}]")
    paras += [f"Penutup {k} berita {i} menyebut acara berakhir sore hari."
              for k in range(lines_after)]
    return "\n\n".join(paras)


def _dump(tmp_path, far_from_end: int) -> object:
    """Twelve articles whose label is third from the end, but the one `far_from_end` lines up."""
    rows = [{"id": f"d{i}", "url": f"https://www.{HOST}/berita/{i}",
             "text": _article(i, far_from_end if i == 0 else 2)} for i in range(12)]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _video_rule(folder) -> dict:
    rules = tomllib.loads((folder / f"{HOST}.toml").read_text(encoding="utf-8"))["rule"]
    [rule] = [r for r in rules if "KB" in r["pattern"]]
    return rule


def _left_with_video(dump, folder, tmp_path) -> list[str]:
    out = tmp_path / "clean.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--rules", str(folder)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 12
    return [r["id"] for r in records if "KB-Video" in r["text"]]


def test_a_label_one_article_has_above_its_last_lines_gets_a_rule_for_any_line(tmp_path, capsys):
    dump, folder = _dump(tmp_path, far_from_end=8), tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--write-packs", str(folder)]) == 0
    rule = _video_rule(folder)
    # Counted in all twelve: kept to the tail it would leave the one 9th from the end.
    assert "in 12 of 12 documents" in rule["description"]
    assert rule.get("where", "any") == "any"
    assert _left_with_video(dump, folder, tmp_path) == []


def test_a_label_every_article_has_in_its_last_lines_is_kept_to_the_tail(tmp_path, capsys):
    dump, folder = _dump(tmp_path, far_from_end=2), tmp_path / "new"
    assert main(["suggest", str(dump), "--site", HOST, "--write-packs", str(folder)]) == 0
    rule = _video_rule(folder)
    assert rule["where"] == "tail" and "in 12 of 12 documents" in rule["description"]
    assert _left_with_video(dump, folder, tmp_path) == []


def test_writing_packs_from_an_empty_dump_says_the_input_held_no_document(tmp_path, capsys):
    empty, folder = tmp_path / "empty.jsonl", tmp_path / "e"
    empty.write_text("", encoding="utf-8")
    assert main(["suggest", str(empty), "--write-packs", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"wrote no pack file to {folder}: the input held no document" in err
    assert "candidates" not in err and not folder.exists()


def test_writing_packs_from_a_dump_of_broken_lines_says_they_were_rejected(tmp_path, capsys):
    broken, folder = tmp_path / "broken.jsonl", tmp_path / "e"
    broken.write_bytes(b'{"text": "tidak selesai\n\xff\xfe{}\n')
    assert main(["suggest", str(broken), "--write-packs", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "cleaner: rejected" in err and str(broken) in err
    assert "the input held no document to mine: 2 records rejected (above)" in err
    assert not folder.exists()
