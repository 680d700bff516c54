"""`cleaner suggest --write-packs` gives a new site's pack the site's own name as its datelines
write it: aliases (one source, one spelling) and a signature, by which a document of the dump
with no url is the site's too."""

from __future__ import annotations

import json
import tomllib

from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.rulefile import load_packs

HOST = "kabarnusantara.co.id"
PLACES = ["JAKARTA", "BEKASI", "SURABAYA", "MEDAN", "MAKASSAR"]


def _rows(n: int = 12) -> list[dict]:
    rows = []
    for i in range(n):
        name = "KABARNUSANTARA.CO.ID" if i % 3 else "KabarNusantara.co.id"
        lead = (f"{name}, {PLACES[i % len(PLACES)]} - Warga kota berkumpul di alun-alun pada "
                f"pagi hari untuk mengikuti acara tahunan yang ke-{i + 10}.")
        paras = [f"Acara Tahunan Kota Nomor {i} Digelar", lead,
                 *(f"Paragraf {k} berita {i} menceritakan jalannya acara dengan rinci." for k
                   in range(6)),
                 "Simak berita KabarNusantara lainnya di Google News"]
        rows.append({"id": f"d{i}", "url": f"https://www.{HOST}/berita/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_written_pack_names_the_site_as_its_datelines_do(tmp_path):
    dump = _write(tmp_path / "dump.jsonl", _rows())
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--write-packs", str(out)]) == 0
    head = tomllib.loads((out / f"{HOST}.toml").read_text(encoding="utf-8"))["pack"]
    assert head["name"] == "KabarNusantara.co.id"
    assert head["aliases"] == ["KABARNUSANTARA.CO.ID", "KabarNusantara.co.id"]
    assert head["domains"] == [HOST]

    # A document of the dump with no url is the site's by its dateline, and its source is the
    # site's one spelling.
    cleaner = Cleaner(packs=load_packs([out]))
    record = cleaner.clean("Harga Cabai Naik\n\nKABARNUSANTARA.CO.ID, MEDAN - Harga cabai "
                           "rawit di sejumlah pasar tradisional naik dua kali lipat pekan ini."
                           "\n\nPedagang mengaku pasokan dari petani berkurang.")
    assert record["meta"]["site"] == HOST
    assert record["meta"]["source"] == "KabarNusantara.co.id"
    assert record["meta"]["location"] == "Medan"


def test_another_outlets_name_and_a_name_seen_once_are_no_alias(tmp_path):
    rows = _rows()
    rows[0]["text"] = rows[0]["text"].replace("KabarNusantara.co.id, JAKARTA", "ANTARA, JAKARTA")
    rows[3]["text"] = rows[3]["text"].replace("KabarNusantara.co.id, BEKASI",
                                              "KABARNUSANTARA, BEKASI")
    dump = _write(tmp_path / "dump.jsonl", rows)
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--write-packs", str(out)]) == 0
    head = tomllib.loads((out / f"{HOST}.toml").read_text(encoding="utf-8"))["pack"]
    assert head["aliases"] == ["KABARNUSANTARA.CO.ID", "KabarNusantara.co.id"]


def test_a_site_whose_datelines_name_no_source_keeps_its_host_as_name(tmp_path):
    rows = _rows()
    for row in rows:
        row["text"] = row["text"].replace("KABARNUSANTARA.CO.ID, ", "").replace(
            "KabarNusantara.co.id, ", "")
    dump = _write(tmp_path / "dump.jsonl", rows)
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--write-packs", str(out)]) == 0
    head = tomllib.loads((out / f"{HOST}.toml").read_text(encoding="utf-8"))["pack"]
    assert head["name"] == HOST and "aliases" not in head and "signatures" not in head
