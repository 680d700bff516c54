"""`cleaner suggest` on a new site's dump: the rules it writes fire where the rule stage looks,
its pack folder passes `rules check`, arrows and bylines are seen as labels, a missing input is
refused."""

from __future__ import annotations

import json

from cleaner import shapes
from cleaner.cli import main
from cleaner.pipeline import Cleaner
from cleaner.batches import document_args
from cleaner.readers import iter_inputs
from cleaner.rulefile import load_packs
from cleaner.sitekey import site_key
from cleaner.suggest import Miner, SuggestOptions

EDITORS = ["Ahmad Fauzi", "Rina Kartika", "Dedi Kurniawan", "Sri Wahyuni"]
PROMO = "Dukung jurnalisme warga dengan berlangganan KabarNusa Premium hari ini juga"


def _articles(n=20, host="kabarnusa.example", promo=False, related=False, editor=False):
    """A new site's articles: a dateline opening the first paragraph, a dozen paragraphs, and
    the cruft asked for: a promo line right below the dateline's paragraph (within the head
    lines), 'Baca Juga >> <another title>' links, an editor line beside a share bar."""
    rows = []
    for i in range(n):
        paras = [f"Jakarta, KabarNusa - Warga kota {i} berkumpul di alun-alun pada pagi hari "
                 f"untuk acara tahunan nomor {i}."]
        if promo:
            paras.append(PROMO)
        for k in range(10):
            paras.append(f"Paragraf {k} berita {i} menceritakan jalannya acara dengan rinci.")
            if related and k in (2, 6):
                paras.append(f"Baca Juga >> Judul Berita Lain Nomor {i * 10 + k} Tentang Kota")
        if editor:
            paras += [f"Editor: {EDITORS[i % len(EDITORS)]}", "Bagikan: Facebook Twitter WhatsApp"]
        rows.append({"id": f"d{i}", "url": f"https://www.{host}/berita/{i}",
                     "text": "\n\n".join(paras)})
    return rows


def _write(tmp_path, rows, name="dump.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _mine(path, packs):
    cleaner = Cleaner(packs=packs)
    miner = Miner(SuggestOptions())
    for item in iter_inputs([str(path)]):
        miner.add(cleaner.clean_document(cleaner.make_document(item.text, **document_args(item))))
    return miner


def _clean(path, rules):
    cleaner = Cleaner(packs=load_packs([rules], builtin=False))
    return [cleaner.clean(item.text, **document_args(item)) for item in iter_inputs([str(path)])]


def test_a_line_below_the_suggested_dateline_gets_a_rule_that_fires(tmp_path):
    # The promo sits in the head lines, but below the dateline: the rule stage applies no head
    # rule there, so a rule for it written as `where = "head"` would never fire.
    dump = _write(tmp_path, _articles(promo=True))
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "none", "--write-packs", str(out)]) == 0
    records = _clean(dump, out)
    assert all(r["meta"]["location"] == "Jakarta" for r in records)
    assert not any(PROMO in r["text"] for r in records)


def test_a_line_below_a_dateline_the_loaded_rules_cut_is_no_head_line(tmp_path):
    # A dateline the suggested lead shapes do not see ("JAKARTA: "), cut by a loaded rule.
    rules = tmp_path / "dateline.toml"
    rules.write_text('[pack]\nid = "mine"\nkind = "common"\n[[rule]]\nid = "mine/dateline"\n'
                     'action = "meta"\nwhere = "head"\ncase_sensitive = true\n'
                     "pattern = '^(?P<location>JAKARTA)\\s*:\\s*'\n"
                     'remove = ["JAKARTA: Warga kota berkumpul."]\n', encoding="utf-8")
    rows = _articles(promo=True)
    for row in rows:
        row["text"] = row["text"].replace("Jakarta, KabarNusa - ", "JAKARTA: ")
    miner = _mine(_write(tmp_path, rows), load_packs([rules], builtin=False))
    fresh, _ = miner.candidates("kabarnusa.example")
    [promo] = [c for c in fresh if PROMO in c.examples]
    assert promo.rule.get("where", "any") == "any"


def test_suggest_with_the_common_packs_writes_a_folder_that_passes_rules_check(tmp_path):
    # juara.net's pack claims two hosts: with only the common packs counted, their documents
    # are still one site, written into that pack's file, not into a second pack claiming one.
    rows = (_articles(10, host="juara.net", promo=True)
            + _articles(10, host="juara.bolasport.com", promo=True))
    for number, row in enumerate(rows):
        row["id"] = f"j{number}"
    dump = _write(tmp_path, rows)
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "common", "--write-packs", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["juara.net.toml"]
    assert main(["rules", "check", "--rules", str(out), "--no-fixtures"]) == 0


def test_a_site_named_by_a_host_its_pack_claims_is_that_pack(tmp_path, capsys):
    rows = _articles(10, host="juara.bolasport.com", promo=True)
    dump = _write(tmp_path, rows)
    assert main(["suggest", str(dump), "--packs", "common", "--site", "juara.bolasport.com",
                 "--format", "json"]) == 0
    [site] = json.loads(capsys.readouterr().out)
    assert site["site"] == "juara.net" and site["documents"] == 10


def test_site_key_without_claims_is_the_host_and_with_claims_the_claiming_pack():
    claims = {p.id: p for p in load_packs()}
    by_host = {"juara.bolasport.com": claims["juara.net"]}.get
    url = "https://www.juara.bolasport.com/x"
    assert site_key((), url) == "juara.bolasport.com"
    assert site_key((), url, by_host) == "juara.net"
    assert site_key((), "https://kabarnusa.example/x", by_host) == "kabarnusa.example"


def test_related_links_with_an_arrow_are_one_label_rule(tmp_path):
    # Each link names another article: one label rule for them all, not a rule per headline.
    miner = _mine(_write(tmp_path, _articles(related=True)), [])
    fresh, _ = miner.candidates("kabarnusa.example")
    labels = [c for c in fresh if c.kind == "label"]
    assert [c.shape for c in labels] == ["baca juga : <title>"]
    assert labels[0].regex.search("Baca Juga >> Judul Yang Belum Pernah Ada")
    assert not any(c.kind == "exact" and c.shape.startswith("Baca Juga") for c in fresh)


def test_labels_take_arrows_as_separators():
    for sep in (">>", ">", "»", "›", "→", "->", "-->", "=>"):
        shape = shapes.label_shape(f"Baca juga {sep} Harga Cabai Naik Lagi")
        assert (shape.label, shape.sep, shape.rest) == ("Baca juga", sep, "Harga Cabai Naik Lagi")


def test_an_editor_line_beside_a_share_bar_is_a_meta_rule_for_the_editor(tmp_path):
    dump = _write(tmp_path, _articles(editor=True))
    out = tmp_path / "packs"
    assert main(["suggest", str(dump), "--packs", "none", "--write-packs", str(out)]) == 0
    miner = _mine(dump, [])
    fresh, _ = miner.candidates("kabarnusa.example")
    [editor] = [c for c in fresh if c.shape == "editor : <title>"]
    assert editor.rule["action"] == "meta" and "(?P<editor>" in editor.rule["pattern"]
    assert not any(c.kind == "exact" and c.shape.startswith("Editor:") for c in fresh)
    records = _clean(dump, out)
    assert [r["meta"]["editors"] for r in records[:4]] == [[name] for name in EDITORS]
    assert not any("Editor:" in r["text"] for r in records)


def test_labels_beside_other_labels_are_still_a_field_list(tmp_path):
    rows = _articles()
    for i, row in enumerate(rows):
        row["text"] += f"\n\nPelatih: Pelatih Nomor {i}\n\nWasit: Wasit Nomor {i}"
    miner = _mine(_write(tmp_path, rows), [])
    miner.candidates("kabarnusa.example")
    listed = {shapes.label_display(g.key) for g in miner.sites["kabarnusa.example"].field_lists}
    assert listed == {"pelatih : <title>", "wasit : <title>"}


def test_suggest_refuses_an_input_that_does_not_exist(tmp_path, capsys):
    dump = _write(tmp_path, _articles(3))
    missing = tmp_path / "nosuch.jsonl"
    assert main(["suggest", str(dump), str(missing)]) == 2
    assert f"no such file or folder: {missing}" in capsys.readouterr().err


def test_a_page_with_no_article_is_skipped_in_the_words_clean_rejects_it_with(tmp_path, capsys):
    """suggest said "skipped nopage.html: PageError: no article text found in the page": a class
    name that says nothing to whoever reads it."""
    page = tmp_path / "nopage.html"
    page.write_text('<html><body><nav><a href="/">Beranda</a></nav></body></html>')
    main(["suggest", str(page)])
    err = capsys.readouterr().err
    assert f"cleaner: skipped {page}: no article text found in the page\n" in err
    assert "PageError" not in err
