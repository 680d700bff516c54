"""`cleaner suggest`: recurring lines and shapes per site, ranked, as rules that load and pass their examples."""

from __future__ import annotations

import json
import tomllib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import shapes
from cleaner.cli import main
from cleaner.batches import document_args
from cleaner.pipeline import Cleaner
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_pack, load_packs
from cleaner.suggest import Miner, SuggestOptions
from conftest import ROOT

LABELLED = ROOT / "fixtures" / "indosum" / "labelled.jsonl"
PROMO = ("Ikuti terus berita terbaru dari Kabar Contoh di aplikasi kami, gratis untuk semua "
         "pembaca setia.")


def _mine(paths, packs, **options):
    cleaner = Cleaner(packs=packs)
    miner = Miner(SuggestOptions(**options))
    for item in iter_inputs([str(p) for p in paths]):
        miner.add(cleaner.clean_document(cleaner.make_document(item.text, **document_args(item))))
    return miner


def _shapes(miner, site):
    fresh, covered = miner.candidates(site)
    return [c.shape for c in fresh], [c.shape for c in covered]


@pytest.fixture(scope="module")
def common_packs():
    return [p for p in load_packs() if p.kind == "common"]


def _dump(tmp_path, n=20):
    """A synthetic site: a promo in most documents, related links, codes, a reporter line, and a
    closing sentence that two articles happen to share."""
    rows = []
    for i in range(n):
        paras = [f"Judul Berita Nomor {i} Hari Ini",
                 f"Laporan reporter kabarcontoh {['Ade Nurul', 'Budi Santoso', 'Citra Dewi'][i % 3]}",
                 f"Warga kota {i} berkumpul di alun-alun pada pagi hari untuk acara tahunan nomor {i}.",
                 *(f"Paragraf {k} berita {i} menceritakan jalannya acara dengan rinci." for k in range(8)),
                 f"Baca juga : Berita lain nomor {i} tentang kota"]
        if i < 2:
            paras.append("Semoga acara ini membawa berkah bagi kita semua, kata panitia.")
        paras.append(f"Acara ditutup dengan doa bersama menjelang sore hari ke {i}. (abc)")
        if i % 5:
            paras.append(PROMO)
        rows.append({"id": f"d{i}", "url": f"https://www.kabarcontoh.com/berita/{i}",
                     "text": "\n\n".join(paras)})
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_synthetic_site_yields_each_kind_of_shape(tmp_path):
    miner = _mine([_dump(tmp_path)], [])
    fresh, covered = miner.candidates("kabarcontoh.com")
    shapes = {c.shape: c for c in fresh}
    assert "baca juga : <title>" in shapes
    assert "( <code> )" in shapes
    assert "laporan reporter kabarcontoh <name>" in shapes
    assert any(s.startswith("Ikuti terus berita terbaru") for s in shapes)
    # Ranked by documents touched: the codes and related links (20) before the promo (16).
    assert fresh[0].docs == 20 and shapes[next(s for s in shapes if s.startswith("Ikuti"))].docs == 16
    # The closing sentence two articles share is below the share threshold.
    assert not any("Semoga acara" in s for s in shapes)
    # The reporter line captures the author; codes are cut from the line, not the line dropped.
    assert shapes["laporan reporter kabarcontoh <name>"].rule["action"] == "meta"
    assert shapes["( <code> )"].rule["action"] == "drop-span"
    assert shapes["( <code> )"].rule["where"] == "tail"


def test_candidates_are_rules_that_load_and_pass_their_examples(tmp_path):
    out = tmp_path / "packs"
    assert main(["suggest", str(_dump(tmp_path)), "--packs", "none", "--write-packs",
                 str(out)]) == 0
    pack = load_pack(out / "kabarcontoh.com.toml")
    assert pack.domains == ("kabarcontoh.com",)
    assert len(pack.rules) >= 4
    # The pack cleans the dump: related links, codes, reporter and promo are gone.
    cleaner = Cleaner(packs=[pack])
    record = cleaner.clean("Judul Lain\n\nLaporan reporter kabarcontoh Ade Nurul\n\n"
                           "Isi berita yang panjang. (abc)"
                           f"\n\nBaca juga : Judul lain\n\n{PROMO}",
                           url="https://kabarcontoh.com/x")
    assert record["text"] == "Isi berita yang panjang."
    assert record["meta"]["authors"] == ["Ade Nurul"]


def test_toml_output_parses_and_json_output_has_counts(tmp_path, capsys):
    dump = _dump(tmp_path)
    assert main(["suggest", str(dump), "--packs", "none"]) == 0
    text = capsys.readouterr().out
    data = tomllib.loads(text)
    ids = [r["id"] for r in data["rule"]]
    assert len(ids) == len(set(ids)) and "kabarcontoh/baca-juga" in ids
    assert "# [1]" in text and "of 20 documents" in text
    assert main(["suggest", str(dump), "--packs", "none", "--format", "json"]) == 0
    [site] = json.loads(capsys.readouterr().out)
    assert site["site"] == "kabarcontoh.com" and site["documents"] == 20
    assert all(c["examples"] and c["rule"]["remove"] for c in site["candidates"])


def test_what_loaded_rules_remove_is_left_out(tmp_path, capsys):
    rules = tmp_path / "related.toml"
    rules.write_text('[pack]\nid = "mine"\nkind = "common"\n[[rule]]\nid = "mine/related"\n'
                     "action = \"drop-line\"\npattern = '^Baca juga\\s*:.*$'\n"
                     'remove = ["Baca juga : X"]\n', encoding="utf-8")
    dump = _dump(tmp_path)
    assert main(["suggest", str(dump), "--no-builtin-rules", "--rules", str(rules)]) == 0
    text = capsys.readouterr().out
    assert "# already removed: 'baca juga : <title>' in 20 documents (100% by mine/related 20)" in text
    assert "kabarcontoh/baca-juga" not in text


def test_a_document_the_cleaner_fails_on_is_skipped_with_its_place(tmp_path, capsys,
                                                                  monkeypatch):
    dump = _dump(tmp_path)
    real = Cleaner.clean_document

    def fails_on_d3(self, doc):
        if doc.id == "d3":
            raise ValueError("odd document")
        return real(self, doc)

    monkeypatch.setattr(Cleaner, "clean_document", fails_on_d3)
    assert main(["suggest", str(dump), "--packs", "none", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert f"skipped {dump}:4: internal error: ValueError: odd document" in captured.err
    [site] = json.loads(captured.out)
    assert site["documents"] == 19


def test_unknown_pack_spec_is_refused(tmp_path, capsys):
    assert main(["suggest", str(_dump(tmp_path)), "--packs", "nosuch"]) == 2
    assert "names no loaded pack: nosuch" in capsys.readouterr().err
    # One unknown name among known ones is a typo too, not a smaller set of packs.
    assert main(["suggest", str(_dump(tmp_path)), "--packs", "common,bogus"]) == 2
    assert "names no loaded pack: bogus (" in capsys.readouterr().err


def test_real_articles_with_only_the_language_neutral_pack(common_packs):
    """On the labelled IndoSum sample (28 articles a site), the known cruft is found."""
    miner = _mine([LABELLED], common_packs, top=5)
    dailysocial, _ = _shapes(miner, "dailysocial.id")
    assert dailysocial[0].startswith("DailySocial.id adalah portal berita startup")
    assert _shapes(miner, "kumparan.com")[0][0] == "baca juga : <title>"
    assert _shapes(miner, "goal.com")[0][0] == "simak juga : <title>"
    # Their editor codes are the Indonesian pack's (id/editor-code-end): proposed with the
    # language-neutral pack alone, shown as covered once the Indonesian pack is loaded too.
    for site in ("cnnindonesia.com", "antaranews.com"):
        fresh, covered = _shapes(miner, site)
        assert "( <code> )" in fresh and "( <code> )" not in covered
    with_id = _mine([LABELLED], common_packs + [p for p in load_packs() if p.id == "id"], top=5)
    for site in ("cnnindonesia.com", "antaranews.com"):
        fresh, covered = _shapes(with_id, site)
        assert "( <code> )" in covered and "( <code> )" not in fresh


def test_real_articles_with_no_pack_propose_the_trailing_codes():
    miner = _mine([LABELLED], [], top=5)
    for site in ("cnnindonesia.com", "antaranews.com", "merdeka.com"):
        fresh, _ = miner.candidates(site)
        codes = [c for c in fresh if c.kind == "code"]
        assert codes, site
        for line in codes[0].examples:
            assert codes[0].regex.search(line)
    cnn = next(c for c in miner.candidates("cnnindonesia.com")[0] if c.kind == "code")
    assert not cnn.regex.search("Amerika Serikat (AS) menolak usulan itu")


# Lines mixing every kind of whitespace (Python's \s) with text, brackets and codes: the
# shapes' fast paths must answer as their regular expressions alone do.
_LINE_PARTS = st.sampled_from(["a", "Kata", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\n",
                               "\x1c", "\x85", "(", ")", "[", "]", "ant", "/", ".", "”", "é",
                               "(ant)", "[tyo]", "(ard / ard)"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE_PARTS, max_size=16).map("".join))
@example("Baca\u00a0juga")
@example("kata  kata")
def test_collapse_gives_what_its_substitution_gives(line):
    assert shapes.collapse(line) == shapes._SPACES.sub(" ", line).strip()


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE_PARTS, max_size=16).map("".join))
@example("menunggu. [tyo] ")
@example("kata.\u00a0(ant)\t")
def test_trailing_code_fast_path_never_misses_a_code(line):
    assert shapes.trailing_code(line) == shapes._searched_code(line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Kata", "baru", "12", "3.5", "_", "-", ",", " ", "Ade Nurul",
                                 " _ ", "__"]), max_size=40).map("".join))
@example(" ".join(["kata", "Nama"] + ["kata"] * 11))     # 13 tokens: too many
@example(" ".join(["kata", "Nama"] + ["kata"] * 10))
@example(" ".join(["kata", "Nama"] + ["kata"] * 9 + ["_", "_"]))     # 14 words, 12 tokens
def test_template_shape_reads_no_more_tokens_than_it_needs(line):
    tokens = shapes._TOKEN.findall(shapes.collapse(line))       # every token, as it was read
    every = shapes._template_of(tokens) if 0 < len(tokens) <= shapes.TEMPLATE_MAX_TOKENS else None
    assert shapes.template_shape(line) == every


def test_a_written_pack_of_a_site_with_a_pack_is_that_pack_with_the_candidates_added(tmp_path,
                                                                                     capsys):
    # The same synthetic site, served from a domain with a shipped pack: loaded with --rules,
    # a pack of the suggestions alone would replace the shipped pack, its aliases and rules.
    from cleaner.rulefile import load_pack, load_packs

    dump = _dump(tmp_path)
    dump.write_text(dump.read_text(encoding="utf-8").replace("www.kabarcontoh.com",
                                                             "www.antaranews.com"),
                    encoding="utf-8")
    assert main(["suggest", str(dump), "--write-packs", str(tmp_path / "packs")]) == 0
    err = capsys.readouterr().err
    assert "antaranews.com.toml is the pack" in err and "kabarcontoh" not in err
    shipped = next(p for p in load_packs() if p.id == "antaranews.com")
    written = load_pack(tmp_path / "packs" / "antaranews.com.toml")
    assert (written.name, written.aliases, written.domains) == (
        shipped.name, shipped.aliases, shipped.domains)
    ids = [rule.id for rule in written.rules]
    assert ids[:len(shipped.rules)] == [rule.id for rule in shipped.rules]
    assert len(ids) > len(shipped.rules)
    assert main(["rules", "check", "--rules", str(tmp_path / "packs"), "--no-fixtures"]) == 0


def test_suggest_mines_a_page_for_its_article_not_its_markup(tmp_path, capsys):
    from conftest import ROOT

    pages = tmp_path / "pages"
    pages.mkdir()
    for number, page in enumerate(sorted((ROOT / "fixtures").rglob("*.html"))[:6]):
        (pages / f"{number}.html").write_bytes(page.read_bytes())
    assert main(["suggest", str(pages), "--format", "json", "--min-docs", "2"]) == 0
    shapes = [c["shape"] for site in json.loads(capsys.readouterr().out)
              for c in site["candidates"]]
    assert not any("<" in shape and ">" in shape for shape in shapes)


def test_a_site_not_in_the_input_is_an_error_not_an_empty_success(tmp_path, capsys):
    assert main(["suggest", str(_dump(tmp_path)), "--site", "nosuch.com",
                 "--write-packs", str(tmp_path / "packs")]) == 1
    assert "no document of site 'nosuch.com' in the input" in capsys.readouterr().err
    assert not (tmp_path / "packs").exists()


def test_an_existing_pack_file_is_replaced_only_with_force(tmp_path, capsys, monkeypatch):
    # Step 2 of the authoring loop edits DIR/<site>.toml: mining again into DIR must not lose
    # the edits in silence, and a refused run writes no pack at all.
    dump = _dump(tmp_path)
    other = tmp_path / "other.jsonl"
    other.write_text(dump.read_text(encoding="utf-8").replace("kabarcontoh.com",
                                                              "kabarlain.com"), encoding="utf-8")
    packs = tmp_path / "packs"
    args = ["suggest", str(dump), str(other), "--packs", "none", "--write-packs", str(packs)]
    assert main(args) == 0
    edited = packs / "kabarcontoh.com.toml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# my edits\n", encoding="utf-8")
    (packs / "kabarlain.com.toml").unlink()
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert str(edited) in err and "--force" in err and "kabarlain" not in err
    assert edited.read_text(encoding="utf-8").endswith("# my edits\n")
    assert not (packs / "kabarlain.com.toml").exists()
    # With --site, refused before the dump is read.
    with monkeypatch.context() as patch:
        patch.setattr("cleaner.cli_suggest.iter_inputs", lambda *a: pytest.fail("read"))
        assert main([*args, "--site", "kabarcontoh.com"]) == 2
    assert str(edited) in capsys.readouterr().err
    assert main([*args, "--force"]) == 0
    assert "# my edits" not in edited.read_text(encoding="utf-8")
    assert (packs / "kabarlain.com.toml").exists()


def test_a_dateline_below_a_byline_is_proposed(tmp_path):
    # The byline above it is taken as the title by the header stage; the dateline on the next
    # line is the article's opening all the same.
    cities = ["SURABAYA", "MALANG", "KEDIRI", "JEMBER"]
    rows = [{"id": f"d{i}", "url": f"https://beritabaru.example/berita/{i}",
             "text": f"Reporter: Dewi Lestari | Editor: Budi Santoso\n\n"
                     f"BERITABARU.EXAMPLE, {cities[i % 4]} - Wali kota meresmikan taman baru "
                     f"nomor {i} di kawasan kota pada hari Senin pagi.\n\n"
                     f"Taman ini dibangun dengan dana daerah tahun ini, kata panitia {i}."}
            for i in range(20)]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    fresh, _ = _mine([path], []).candidates("beritabaru.example")
    leads = [c for c in fresh if c.kind == "lead"]
    assert leads and leads[0].docs == 20
