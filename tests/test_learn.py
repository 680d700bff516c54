"""Learned boilerplate: a share of a site's documents, not a count; rules learned/<site>/<n>; two passes."""

from __future__ import annotations

import json

from cleaner.cli import main
from cleaner.learn import BoilerplateLearner, LearnOptions, learn, learned_packs
from cleaner.pipeline import Cleaner
from cleaner.rulefile import load_pack

PROMO = "Dapatkan berita pilihan setiap pagi langsung di kotak surat Anda bersama Kabar Contoh."
CLOSING = "Semoga bermanfaat bagi para pembaca sekalian."


def _docs(n=20, promo_every=1, closing_in=2, site="kabarcontoh.com"):
    docs = []
    for i in range(n):
        paras = [f"Berita nomor {i} tentang peristiwa di kota {i} yang terjadi kemarin sore.",
                 f"Paragraf kedua berita {i} yang menjelaskan lebih jauh."]
        if i < closing_in:
            paras.append(CLOSING)
        if i % promo_every == 0:
            paras.append(PROMO)
        docs.append(("\n\n".join(paras), f"https://www.{site}/berita/{i}"))
    return docs


def test_share_not_count():
    learner = BoilerplateLearner(LearnOptions(min_share=0.3, min_docs=5))
    for text, _ in _docs(100, promo_every=2, closing_in=10):
        learner.add("s", text.split("\n"))
    learned = {line.text: line for line in learner.learned()["s"]}
    assert PROMO in learned and learned[PROMO].docs == 50
    # The closing sentence is in 10 documents, a count over min_docs, but only 10% of the site.
    assert CLOSING not in learned


def test_min_docs_guards_small_sites():
    learner = BoilerplateLearner(LearnOptions(min_share=0.3, min_docs=5))
    for text, _ in _docs(4):
        learner.add("tiny", text.split("\n"))
    assert learner.learned() == {}


def test_learned_lines_are_removed_under_their_own_rule_ids():
    cleaner = Cleaner(packs=[])
    documents = _docs(20, promo_every=1, closing_in=2)
    learned = learn(cleaner, ((text, url, None) for text, url in documents))
    assert [line.text for line in learned["kabarcontoh.com"]] == [PROMO]
    cleaner.learned = learned_packs(learned)
    body = ("Isi berita baru yang panjang sekali, dengan banyak kalimat tentang peristiwa kemarin."
            "\n\nParagraf kedua menambah keterangan saksi dan angka-angka dari kepolisian.")
    record = cleaner.clean(f"{body}\n\n{PROMO}", url="https://kabarcontoh.com/baru")
    assert record["text"] == body
    assert [r["rule"] for r in record["removed"]] == ["learned/kabarcontoh.com/1"]
    # Another site keeps the same line: learned rules apply to their own site only.
    other = cleaner.clean(f"{body}\n\n{PROMO}",
                          url="https://lain.com/x")
    assert PROMO in other["text"]


def _write_jsonl(path, docs):
    path.write_text("".join(json.dumps({"id": f"d{i}", "url": url, "text": text}) + "\n"
                            for i, (text, url) in enumerate(docs)), encoding="utf-8")


def test_cli_learns_in_a_first_pass(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    _write_jsonl(dump, _docs(20, promo_every=2))
    out, saved = tmp_path / "out.jsonl", tmp_path / "learned"
    assert main(["clean", str(dump), "-o", str(out), "--no-builtin-rules", "--workers", "1",
                 "--learn-boilerplate", "--learn-min-share", "0.4", "--learn-save",
                 str(saved)]) == 0
    err = capsys.readouterr().err
    assert "learned 1 boilerplate line for 1 site" in err
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(PROMO not in r["text"] for r in records)
    assert sum(r["rule"] == "learned/kabarcontoh.com/1" for rec in records
               for r in rec["removed"]) == 10
    assert all(CLOSING in r["text"] for r in records[:2])
    learned = saved / "kabarcontoh.com.learned.toml"
    assert 'id = "learned/kabarcontoh.com/1"' in learned.read_text()
    # Loaded as it is, its ids renamed, it is the site's pack, not a common one read on every
    # site (it had no [pack]).
    learned.write_text(learned.read_text().replace("learned/kabarcontoh.com/", "kabarcontoh/"))
    pack = load_pack(learned)
    assert (pack.kind, pack.domains) == ("site", ("kabarcontoh.com",))


def test_cli_thresholds_are_the_users(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    _write_jsonl(dump, _docs(20, promo_every=2))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "--no-builtin-rules", "--workers", "1",
                 "--learn-boilerplate", "--learn-min-share", "0.6"]) == 0
    assert "learned 0 boilerplate lines" in capsys.readouterr().err
    assert all(PROMO in json.loads(line)["text"]
               for line in out.read_text().splitlines()[::2])


def test_cli_refuses_stdin(capsys):
    assert main(["clean", "-", "-o", "-", "--learn-boilerplate"]) == 2
    assert "stdin can be read only once" in capsys.readouterr().err


def _site_docs(n: int, tail: list[str], host: str = "blogku.net") -> list[dict]:
    return [{"id": f"d{i}", "url": f"https://{host}/p/{i}",
             "text": f"Warga kota {i} berkumpul di alun-alun pada pagi hari untuk acara nomor {i}.\n\n"
                     f"Paragraf kedua berita {i} menceritakan jalannya acara dengan rinci.\n\n"
                     + "\n\n".join(tail)} for i in range(n)]


def _learned_run(tmp_path, rows, *extra):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "-o", str(out), "-q", "--learn-boilerplate", *extra]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_learned_line_a_shipped_rule_removes_keeps_that_rule_on_a_site_without_a_pack(tmp_path):
    records = _learned_run(tmp_path, _site_docs(10, ["Penulis: Budi Santoso"]))
    assert records[0]["meta"]["authors"] == ["Budi Santoso"]
    assert [r["rule"] for r in records[0]["removed"]] == ["id/byline-label"]


def test_an_article_crawled_several_times_is_counted_once_and_kept(tmp_path):
    rows = _site_docs(5, ["Promo langganan gratis hari ini"], "kabarkota.id")
    copy = {"text": "Gubernur meresmikan jembatan baru di pinggir kota pada Senin pagi.\n\n"
                    "Jembatan itu menghubungkan dua kecamatan yang lama terpisah sungai."}
    rows += [dict(copy, id=f"c{i}", url=f"https://kabarkota.id/jembatan?utm={i}")
             for i in range(5)]
    records = _learned_run(tmp_path, rows)
    copies = [r for r in records if r["id"].startswith("c")]
    assert all(r["text"] == copies[0]["text"] and "Jembatan itu" in r["text"] for r in copies)
    assert all(r["removed"] == [] for r in copies)


def test_learning_refuses_a_pipe_and_a_save_folder_that_is_a_file(tmp_path, capsys):
    import os

    fifo = tmp_path / "63"
    os.mkfifo(fifo)            # never opened: refused before the first pass
    assert main(["clean", str(fifo), "-o", str(tmp_path / "o.jsonl"), "--learn-boilerplate"]) == 2
    assert "the pipe" in capsys.readouterr().err
    dump = tmp_path / "d.jsonl"
    dump.write_text('{"id": "1", "text": "Isi."}\n')
    assert main(["clean", str(dump), "-o", str(tmp_path / "o.jsonl"), "--learn-boilerplate",
                 "--learn-save", str(dump)]) == 2
    capsys.readouterr()
    for alone in (["--learn-save", str(tmp_path / "learned")], ["--learn-min-share", "0.5"],
                  ["--learn-min-docs", "3"]):
        # Without the first pass, each would do nothing, in silence.
        assert main(["clean", str(dump), "-o", str(tmp_path / "o.jsonl"), *alone]) == 2
        assert f"{alone[0]} tunes what --learn-boilerplate learns" in capsys.readouterr().err


def test_learning_nothing_from_files_without_urls_or_from_pages_says_why(tmp_path, capsys):
    # A folder of one site's articles as .txt (no url) and as pages: 'learned 0' was all it said.
    folder = tmp_path / "site"
    folder.mkdir()
    for i, (text, _) in enumerate(_docs(12)):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
        (folder / f"p{i}.html").write_text(f"<html><body><article><p>{text}</p></article>"
                                          "</body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(folder), "-o", str(out), "--no-builtin-rules", "--workers", "1",
                 "--learn-boilerplate"]) == 0
    err = capsys.readouterr().err
    assert "learned 0 boilerplate lines" in err
    assert "12 web pages are left out" in err and "12 documents have no url" in err


def test_a_run_that_learns_says_no_reasons(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    _write_jsonl(dump, _docs(20))
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "--no-builtin-rules",
                 "--workers", "1", "--learn-boilerplate"]) == 0
    err = capsys.readouterr().err
    assert "left out" not in err and "have no url" not in err


def test_copies_of_an_article_that_differ_by_a_line_are_not_learned_as_boilerplate(tmp_path):
    """Five copies of one article, each with its own desk code or update line at the end, were
    each counted: every paragraph was learned (5 of 11 documents, over 30%), and the article
    and its copies came out empty, flagged mostly-removed only. A line found mostly in
    documents such lines take whole is no boilerplate; the site's real promo still is."""
    rows = _site_docs(10, ["Promo langganan gratis hari ini"], "kabarkota.id")
    article = ("Gubernur meresmikan jembatan baru di pinggir kota pada Senin pagi.\n\n"
               "Jembatan itu menghubungkan dua kecamatan yang lama terpisah sungai.\n\n"
               "Warga menyambut peresmian itu dengan pawai dan pasar malam.")
    rows += [{"id": f"c{i}", "url": f"https://kabarkota.id/jembatan?c={i}",
              "text": f"{article}\n\n{tail}"}
             for i, tail in enumerate(["(jof)", "(ptr)", "Update 1: jalan ditutup.",
                                       "Update 2: jalan dibuka.", "(adt)"])]
    records = {r["id"]: r for r in _learned_run(tmp_path, rows)}
    for i in range(5):
        assert records[f"c{i}"]["text"].startswith(article.split("\n")[0])
        assert not any(r["rule"].startswith("learned/") for r in records[f"c{i}"]["removed"])
    assert [r["rule"] for r in records["d0"]["removed"]] == ["learned/kabarkota.id/1"]


def _editor_docs(n=12):
    """An Indonesian site's documents, each closing on an editor's line (which id/editor-label
    removes, filling `editors`) and a promo no loaded rule removes."""
    docs = []
    for i in range(n):
        text = (f"Warga di kota {i} memperbaiki jalan yang rusak setelah banjir kemarin sore. "
                "Mereka bekerja sama dengan petugas dari dinas setempat.\n\n"
                f"Kepala desa {i} mengatakan perbaikan akan selesai dalam dua pekan ini.\n\n"
                "Editor: Ratna Sari\n\n" + PROMO)
        docs.append((text, f"https://www.kabarcontoh.com/berita/{i}"))
    return docs


def test_learned_lines_name_the_loaded_rules_that_already_remove_them():
    # Pasted into the site's pack, a learned 'Editor: Ratna Sari' would take the line before
    # id/editor-label and lose the editor's name: the learned line says which rule removes it.
    cleaner = Cleaner()
    learned = learn(cleaner, ((text, url, None) for text, url in _editor_docs()))
    taken = {line.text: line.taken_by for line in learned["kabarcontoh.com"]}
    assert taken == {"Editor: Ratna Sari": ("id/editor-label",), PROMO: ()}


def test_learn_save_comments_out_lines_the_loaded_rules_remove(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    _write_jsonl(dump, _editor_docs())
    out, saved = tmp_path / "out.jsonl", tmp_path / "learned"
    assert main(["clean", str(dump), "-o", str(out), "--workers", "1", "--learn-boilerplate",
                 "--learn-save", str(saved)]) == 0
    assert "Editor: Ratna Sari  (already removed by id/editor-label)" in capsys.readouterr().err
    text = (saved / "kabarcontoh.com.learned.toml").read_text(encoding="utf-8")
    assert "# already removed by id/editor-label: leave it out\n# [[rule]]\n" in text
    assert "\n# pattern = '^\\s*Editor:" in text
    # The promo no loaded rule removes stays a rule to paste.
    assert "\n[[rule]]\n" in text and "\npattern = '^\\s*Dapatkan" in text
    # The run itself still names the editor: learned rules come after every pack.
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(r["meta"]["editors"] == ["Ratna Sari"] for r in records)
