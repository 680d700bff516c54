"""Small defects a new user met: a Parquet row's reject names the row's id, `fixtures add` refuses
a --site spelt like a known site's, and the report and the summary share the words that count
rejects of one kind."""

from __future__ import annotations

import json
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.cli import main
from cleaner.fixture_workflow import near_site
from cleaner.inputs import ReadOptions, Reject, expand
from cleaner.readers import iter_inputs
from cleaner.report import _reason_cell
from cleaner.stats import reason_line, reason_parts

ARTICLE = ("Jakarta - Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota "
           "yang akan dibuka untuk warga pada akhir tahun ini.")


def _rejects(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- 1. a Parquet row's reject carries the row's id

def _rows(path, ids, texts, column="id"):
    pq.write_table(pa.table({column: ids, "text": texts}), path)
    return path


def test_a_parquet_rows_reject_carries_the_rows_id_where_it_has_one(tmp_path):
    rows = _rows(tmp_path / "rows.parquet", ["a", "b", None, "  ", "e"],
                 [ARTICLE, None, "", "", "x" * 400])
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(rows), "-o", str(out), "-q", "--max-record-bytes", "300"]) == 0
    rejects = _rejects(tmp_path / "out.jsonl.rejects.jsonl")
    assert [(r["line"], r.get("id")) for r in rejects] == [(2, "b"), (3, None), (4, None),
                                                          (5, "e")]
    assert "id" not in rejects[1] and "id" not in rejects[2]      # no id, a blank one: none
    assert rejects[0]["reason"] == "no 'text' value" and rejects[0]["raw"] is None
    assert rejects[3]["reason"] == "record longer than 300 bytes; raise --max-record-bytes to read it"
    assert rejects[3]["raw"] == "x" * 400


def test_a_rows_id_not_text_is_named_as_its_record_would_be(tmp_path):
    numbers = _rows(tmp_path / "n.parquet", [7, 8], [ARTICLE, ""])
    nested = tmp_path / "s.parquet"
    pq.write_table(pa.table({"id": [{"k": [1, 2]}], "text": [None]}), nested)
    floats = _rows(tmp_path / "f.parquet", [float("nan"), 1.5], ["", " "])
    binary = tmp_path / "b.parquet"
    pq.write_table(pa.table({"id": pa.array([b"\xffid", b"ok"], pa.binary()),
                             "text": pa.array([b"\xff", None], pa.binary())}), binary)
    found = [item for path in (numbers, nested, floats, binary)
             for item in iter_inputs([str(path)]) if isinstance(item, Reject)]
    assert [(r.line, r.id) for r in found] == [(2, "8"), (1, '{"k":[1,2]}'), (1, None),
                                              (2, "1.5"), (1, "\\xffid"), (2, "ok")]


def test_the_id_field_a_field_option_names_is_the_rejects_id(tmp_path):
    rows = _rows(tmp_path / "rows.parquet", ["d1", "d2"], [ARTICLE, "  "], column="doc_id")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(rows), "-o", str(out), "-q", "--field", "id=doc_id"]) == 0
    [reject] = _rejects(tmp_path / "out.jsonl.rejects.jsonl")
    assert (reject["line"], reject["id"]) == (2, "d2")


def test_rows_read_where_they_are_cleaned_reject_with_the_same_id(tmp_path):
    rows = _rows(tmp_path / "rows.parquet", [f"r{i}" for i in range(600)],
                 [ARTICLE if i % 100 else "" for i in range(600)])
    here = list(iter_inputs([str(rows)]))
    later = expand(list(iter_inputs([str(rows)], replace(ReadOptions(), defer_parse=True))))
    assert later == here
    assert [r.id for r in here if isinstance(r, Reject)] == ["r0", "r100", "r200", "r300",
                                                            "r400", "r500"]


def test_explain_names_a_rejected_rows_id_on_stderr(tmp_path, capsys):
    rows = _rows(tmp_path / "rows.parquet", ["a", "b"], [ARTICLE, ""])
    main(["explain", str(rows), "--color", "never"])
    assert f"cleaner: rejected {rows}:2 (id b): empty document" in capsys.readouterr().err


def test_a_reject_of_other_input_is_written_as_before(tmp_path):
    dump = tmp_path / "in.jsonl"
    dump.write_text('{"id": "j1", "text": ""}\n{"id": "j2", "text": ')
    assert main(["clean", str(dump), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 0
    rejects = _rejects(tmp_path / "out.jsonl.rejects.jsonl")
    # (A record that parsed names its id, so that `explain --id j1` finds it: a review of
    # acceptance 31; a broken line has none, and is written as before.)
    assert [sorted(r) for r in rejects] == [["id", "line", "raw", "reason", "source"],
                                            ["line", "raw", "reason", "source"]]
    assert Reject("a.jsonl", 3, "empty document").where() == "a.jsonl:3"


# -- 3. `fixtures add --site`: a near miss of a known site is an error, unless --new-site

PACK = """[pack]
name = "Berita Baru"
lang = "id"
domains = ["beritabaru.example"]

[[rule]]
id = "beritabaru/promo"
action = "drop-line"
pattern = '^Promo Berita Baru$'
remove = ["Promo Berita Baru"]
"""


def _add(tmp_path, site, *args):
    article = tmp_path / "article.txt"
    article.write_text(f"Judul Berita\n\n{ARTICLE}\n", encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "beritabaru.example.toml").write_text(PACK, encoding="utf-8")
    return main(["fixtures", "add", str(article), "--site", site, "--rules", str(rules),
                 "--root", str(tmp_path / "fixtures"), "--color", "never", *args])


def test_a_site_spelt_like_a_shipped_sites_is_refused_with_the_site_meant(tmp_path, capsys):
    for typed, meant in (("tribunews.com", "tribunnews.com"), ("detk.com", "detik.com"),
                         ("www.tribunews.com", "tribunnews.com")):
        assert _add(tmp_path, typed) == 2
        err = capsys.readouterr().err
        assert f"did you mean {meant}?" in err and "--new-site" in err
        assert not (tmp_path / "fixtures").exists()          # nothing written


def test_a_site_spelt_like_one_of_the_users_packs_is_refused_too(tmp_path, capsys):
    assert _add(tmp_path, "beritbaru.example") == 2
    assert "did you mean beritabaru.example?" in capsys.readouterr().err


def test_new_site_adds_a_near_miss_as_given(tmp_path, capsys):
    assert _add(tmp_path, "tribunews.com", "--new-site") == 0
    assert (tmp_path / "fixtures" / "tribunews.com" / "article.json").exists()
    assert "it was given https://tribunews.com/" in capsys.readouterr().err


def test_a_site_like_no_known_site_and_a_known_sites_subdomain_are_added(tmp_path, capsys):
    assert _add(tmp_path, "brandnew.example") == 0
    assert "it was given https://brandnew.example/" in capsys.readouterr().err
    assert _add(tmp_path, "news.detik.com", "--force") == 0
    assert _add(tmp_path, "beritabaru.example", "--force") == 0


# A hang guard, not a speed check (a hostile input: the suite times no test).
@pytest.mark.timeout(60)
def test_near_site_on_odd_and_hostile_names():
    domains = ["tribunnews.com", "detik.com", "kontan.co.id"]
    assert [near_site(s, domains) for s in ("...", "-", "com", "co.id", "kontan.co.ld",
                                            "TRIBUNEWS.COM.")] == \
        [None, None, None, None, "kontan.co.id", "tribunnews.com"]
    assert near_site("tribunews.com", []) is None
    assert near_site("a" * 20_000 + ".com", domains) is None
    assert near_site(".".join(["tribunews"] * 200) + ".com", domains) == "tribunnews.com"


# -- 5. the report's reason cell and the summary's line say one thing

EXAMPLES = {"line N is long": "line 12 is long <b>", "empty document": "empty document"}


def test_reason_parts_hold_the_words_both_use():
    assert reason_parts("line N is long", 3, EXAMPLES) == ("line 12 is long <b>",
                                                           "(and others like it)")
    assert reason_parts("line N is long", 1, EXAMPLES) == ("line 12 is long <b>", "")
    assert reason_parts("kept no example N", 5, EXAMPLES) == ("kept no example N", "")


def test_the_report_cell_and_the_summary_line_say_the_same():
    for kind, count in (("line N is long", 3), ("empty document", 1), ("no example", 4)):
        cell = _reason_cell(kind, count, EXAMPLES)
        plain = cell.replace(' <span class="muted">', " ").replace("</span>", "")
        assert plain.replace("&lt;", "<").replace("&gt;", ">") == reason_line(kind, count,
                                                                              EXAMPLES)
    # The count is the row's, said once (acceptance 31, D7): a reason with no details, the same
    # words for all of its kind, is said alone, in the report as in the summary.
    assert _reason_cell("empty document", 1235, EXAMPLES) == "empty document"
    assert reason_line("empty document", 1235, EXAMPLES) == "empty document"
    assert _reason_cell("line N is long", 1235, EXAMPLES).endswith(
        '<span class="muted">(and others like it)</span>')


def test_clean_names_a_rejected_rows_id_on_stderr(tmp_path, capsys):
    rows = _rows(tmp_path / "rows.parquet", ["a", "b"], [ARTICLE, ""])
    assert main(["clean", str(rows), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert f"cleaner: rejected {rows}:2 (id b): empty document" in capsys.readouterr().err
