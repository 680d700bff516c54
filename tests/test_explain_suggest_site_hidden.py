"""`cleaner explain` takes `--site` and `--hidden` as `cleaner clean` does, and `cleaner suggest`
takes `--hidden`: what explain shows is what clean does with the same options."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.fixture_workflow import cleaner_like
from cleaner.fixtures import RuleOptions
from cleaner.pipeline import Cleaner

ARTICLE = ("Banjir Surut di Jakarta Timur\n\nLihat Foto\n\nBanjir yang merendam Jakarta Timur sejak "
           "Sabtu mulai surut pada Senin pagi. Warga kembali ke rumah dan membersihkan lumpur yang "
           "tertinggal di dalam rumah mereka.\n\nPetugas kebersihan dikerahkan untuk membantu "
           "warga, kata camat setempat kepada wartawan.\n")


def _explain(capsys, *args, status=0) -> str:
    capsys.readouterr()
    assert main(["explain", "--color", "never", *map(str, args)]) == status
    return capsys.readouterr().out


def test_explain_site_cleans_with_that_sites_pack_as_clean_does(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    plain = _explain(capsys, tmp_path / "a.txt")
    given = _explain(capsys, tmp_path / "a.txt", "--site", "kompas.com")
    assert "kompas/photo-viewer" not in plain and "  Lihat Foto" in plain
    assert "[-Lihat Foto-]<kompas/photo-viewer>" in given
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(tmp_path / "a.txt"), "--site", "kompas.com", "-o", str(out),
                 "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "kompas/photo-viewer" in {r["rule"] for r in record["removed"]}


def test_explain_site_naming_no_pack_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    capsys.readouterr()
    assert main(["explain", str(tmp_path / "a.txt"), "--site", "nosuch.example"]) == 2
    assert "--site 'nosuch.example' names no loaded site pack" in capsys.readouterr().err


def test_explain_reads_hidden_files_only_with_hidden(tmp_path, capsys):
    (tmp_path / "d" / ".old").mkdir(parents=True)
    (tmp_path / "d" / ".old" / "hid.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d" / "seen.txt").write_text(ARTICLE, encoding="utf-8")
    without = _explain(capsys, tmp_path / "d")
    with_hidden = _explain(capsys, tmp_path / "d", "--hidden")
    assert "== seen" in without and "hid\n" not in without
    assert "== seen" in with_hidden and "== .old/hid\n" in with_hidden


def test_suggest_reads_hidden_files_only_with_hidden(tmp_path, capsys):
    folder = tmp_path / "d" / ".archive"
    folder.mkdir(parents=True)
    lines = [{"id": str(n), "url": f"https://berita.example/{n}",
              # (each its own text: the same text again is one document to suggest)
              "text": ARTICLE.replace("Lihat Foto", "Ikuti kanal kami di WhatsApp sekarang")
              + f"\n\nBerita nomor {n} ditulis untuk pembaca di kota ke-{n}."}
             for n in range(6)]
    (folder / "dump.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    capsys.readouterr()
    main(["suggest", str(tmp_path / "d"), "--format", "json"])
    without = capsys.readouterr().out
    assert main(["suggest", str(tmp_path / "d"), "--format", "json", "--hidden"]) == 0
    with_hidden = capsys.readouterr().out
    assert "Ikuti kanal kami" not in without
    assert "Ikuti kanal kami" in with_hidden


def test_a_cleaner_made_for_kept_rule_options_keeps_the_given_site():
    default = Cleaner()
    default.given_site = "kompas.com"
    made = cleaner_like(default, RuleOptions(lang="id"))
    assert not isinstance(made, str) and made.given_site == "kompas.com"
