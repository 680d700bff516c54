"""`cleaner suggest` on code lines that letters alone do not tell from words: a rule for lower-case
initials (`ant/mk`) takes no pair of words (`and/or`, `tcp/ip`) or units (`km/jam`, `mg/dl`) and
holds them as keep examples; ANTARA's staff numbers alone on a line (`R021/H015`, `(R021/H015)`,
`T.R021/A011`) get a rule of their own that takes no date, ratio, law number or currency pair."""

from __future__ import annotations


import pytest

from cleaner import shapes
from cleaner.pipeline import Cleaner
from cleaner.rulefile import load_packs
from cleaner.suggest import Miner, SuggestOptions

from pattern_windows import record_windows

HOST = "harian.example"
INITIALS = ["mk", "rz", "dw", "fa", "ab"]
WORD_PAIRS = ["and/or", "i/o", "tcp/ip", "km/jam", "mg/dl", "kg/m"]
STAFF = ["R021", "H015", "A011", "M052", "B016", "C003"]
NOT_STAFF = ["17/8", "(17/8)", "3/4", "1/2", "No. 12/2023", "UU No. 12/2023", "USD/IDR",
             "EUR/USD", "(USD/IDR)", "24/7", "A/B", "R021", "A4/A5", "F16/F35"]


def _paras(i: int) -> list[str]:
    return [f"Pemerintah daerah membahas anggaran nomor {i} dalam rapat di kantor gubernur.",
            f"Menurut pejabat setempat, persoalan nomor {i} akan ditangani tahun ini, katanya."]


def _suggest(texts: list[str], packs=()) -> list:
    """The fresh candidates suggest mines from a site's texts, cleaned with `packs`."""
    cleaner = Cleaner(packs=list(packs))
    miner = Miner(SuggestOptions(site=HOST, top=20))
    for i, text in enumerate(texts):
        miner.add(cleaner.clean_document(cleaner.make_document(
            text, url=f"https://www.{HOST}/berita/{i}")))
    return miner.candidates(HOST)[0]


def _code_line_rules(cands) -> list:
    return [c for c in cands if c.kind == "code-line"]


def _initials_site(n: int = 40, every: int = 4) -> list[str]:
    """Articles closing with ANTARA's bare initials (`ant/mk`); every `every`th one closes with
    a pair of words or a unit alone on a line above the code."""
    texts = []
    for i in range(n):
        paras = _paras(i)
        if i % every == 0:
            paras.append(WORD_PAIRS[(i // every) % len(WORD_PAIRS)])
        paras.append(f"ant/{INITIALS[i % len(INITIALS)]}")
        texts.append("\n\n".join(paras))
    return texts


def test_the_initials_rule_takes_the_site_s_codes_and_no_pair_of_words():
    rules = _code_line_rules(_suggest(_initials_site()))
    assert len(rules) == 1
    regex = rules[0].regex
    for code in ("ant/mk", "ant/rz", "ant / dw", "ant/xy"):
        assert regex.search(code), code
    for line in WORD_PAIRS + ["and / or", "he/she", "news/tech", "ab/cd"]:
        assert not regex.search(line), line


def test_pairs_of_words_and_units_are_the_initials_rule_s_keep_examples():
    rule = _code_line_rules(_suggest(_initials_site(every=2)))[0].rule
    assert rule.get("keep") and set(rule["keep"]) <= set(WORD_PAIRS), rule
    assert all(line.startswith("ant/") for line in rule["remove"])


def test_units_as_common_as_the_codes_make_no_code_rule_of_their_own():
    """A table's unit closing every article, as often as the code: the units' line is one text
    repeated (its exact-line rule's), no desk of initials."""
    texts = [f"{text}\n\nkm/jam\n\nmg/dl" for text in _initials_site(every=1000)]
    for cand in _code_line_rules(_suggest(texts)):
        for line in WORD_PAIRS:
            assert not cand.regex.search(line), (line, cand.rule["pattern"])


def test_a_site_of_units_alone_gets_no_code_rule():
    texts = ["\n\n".join(_paras(i) + [WORD_PAIRS[i % 3], WORD_PAIRS[3 + i % 3]])
             for i in range(30)]
    assert _code_line_rules(_suggest(texts)) == []


def test_reporter_and_editor_initials_are_still_one_rule():
    """Sites signing with a reporter's and an editor's initials ('kid/kid', 'ugo/djm'): a rule
    listing the reporters seen, each with editors that vary."""
    reporters = ["kid", "ugo", "rus"]
    texts = ["\n\n".join(_paras(i) + [f"{reporters[i % 3]} / {INITIALS[i % 5]}"])
             for i in range(45)]
    rules = _code_line_rules(_suggest(texts))
    assert len(rules) == 1
    for reporter in reporters:
        assert rules[0].regex.search(f"{reporter}/mk"), reporter
    assert not rules[0].regex.search("and/or")


# ------------------------------------------------------------------------------- staff numbers

def _staff_code(i: int) -> str:
    code = f"{STAFF[i % len(STAFF)]}/{STAFF[(i * 5 + 1) % len(STAFF)]}"
    return [code, f"({code})", f"T.{code}"][i % 3]


def _staff_site(n: int = 36) -> list[str]:
    """ANTARA-like articles closing with bare staff numbers, some bracketed or after the desk's
    'T.'; others hold a date, a ratio, a law number or a currency pair alone on a line."""
    texts = []
    for i in range(n):
        paras = _paras(i)
        if i % 2:
            paras.append(NOT_STAFF[i % len(NOT_STAFF)])
        paras.append(_staff_code(i))
        texts.append("\n\n".join(paras))
    return texts


@pytest.mark.parametrize("packs", ["none", "common"])
def test_bare_staff_numbers_get_a_code_line_rule(packs):
    loaded = [] if packs == "none" else [p for p in load_packs() if p.kind == "common"]
    rules = [c for c in _code_line_rules(_suggest(_staff_site(), loaded))
             if "staff" in c.rule["id"]]
    assert len(rules) == 1, [c.rule for c in _suggest(_staff_site(), loaded)]
    regex = rules[0].regex
    assert rules[0].rule["action"] == "drop-line"
    for i in range(36):
        code = _staff_code(i)
        if packs == "none" or not code.startswith("("):
            assert regex.search(code), code
    for line in ("R021/H015", "T.R021/A011", "T. C003/M052"):
        assert regex.search(line), line
    # The language-neutral pack removes the bracketed ones: the rule is made for the others.
    assert bool(regex.search("( R021 / H015 )")) == (packs == "none")
    for line in NOT_STAFF + ["(R021/H015", "R021/H015)", "kata dia (R021/H015)"]:
        assert not regex.search(line), line


def test_staff_numbers_are_code_lines_and_dates_ratios_laws_and_currencies_none():
    for line in ("R021/H015", "(R021/H015)", "T.R021/A011", " T . R021 / A011 ", "R021/H015/A011"):
        assert shapes.staff_code_line(line) == shapes.collapse(line), line
    for line in NOT_STAFF + ["(R021/H015", "R021/H015)", "[R021/H015]", "R021/", "/H015",
                             "R021//H015", "r021/h015", "R0210/H015", "TT.R021/H015x", ""]:
        assert shapes.staff_code_line(line) is None, line


def test_a_hostile_staff_line_is_refused_quickly(monkeypatch):
    # Deterministic, not timed: the staff pattern is asked about a code no longer than
    # CODE_MAX_CHARS, however long the hostile line is.
    asked = record_windows(monkeypatch, shapes, "_STAFF_CODE")
    for line in ("R021/" * 200_000, "(" * 100_000 + "R021/H015" + ")" * 100_000,
                 "R021/H015\x00", "\udcff/R021", "T." * 50_000 + "R021/H015"):
        assert shapes.staff_code_line(line) is None
    assert all(n <= shapes.CODE_MAX_CHARS for n in asked), max(asked)


# ------------------------------------------------------------------- counted by what it takes

PROMO_LINE = "Simak berita pilihan lainnya di aplikasi kami setiap hari."


def _half_codes_site(n: int = 40, coded: int = 2, promo_every: int = 0) -> list[str]:
    """Articles of which one in `coded` closes with a desk's initials (`ant/mk`), the others
    with a pair of words or a unit alone on a line (`and/or`, `km/jam`: a code's shape, no
    desk's); with `promo_every`, all but one in that many hold the same promo line too."""
    texts = []
    for i in range(n):
        paras = _paras(i)
        if promo_every and i % promo_every:
            paras.append(PROMO_LINE)
        paras.append(f"ant/{INITIALS[i % len(INITIALS)]}" if i % coded == 0
                     else WORD_PAIRS[i % 2 * 3])
        texts.append("\n\n".join(paras))
    return texts


def test_an_initials_rule_counts_the_documents_it_takes_not_its_shape_s():
    cand = _code_line_rules(_suggest(_half_codes_site()))[0]
    taken = [i for i, text in enumerate(_half_codes_site())
             if any(cand.regex.search(line) for line in text.split("\n"))]
    assert len(taken) == 20 and cand.docs == 20 and cand.lines == 20
    assert "in 20 of 40 documents (50%)" in cand.rule["description"]
    assert all(cand.regex.search(line) for line in cand.occurrence_lines)


def test_an_initials_rule_ranks_by_the_documents_it_takes():
    """A promo line in 30 documents outranks codes of initials in 20, whose shape (with the
    pairs of words) is in all 40."""
    cands = _suggest(_half_codes_site(promo_every=4))
    kinds = [(c.kind, c.docs) for c in cands]
    assert kinds.index(("exact", 30)) < kinds.index(("code-line", 20)), kinds
    assert [c.docs for c in cands] == sorted((c.docs for c in cands), reverse=True), kinds


def test_an_initials_rule_taking_too_few_documents_is_no_candidate():
    # Codes in two documents of 40 (under --min-docs 3), pairs of words in the rest.
    assert _code_line_rules(_suggest(_half_codes_site(coded=21))) == []


def test_a_staff_numbers_rule_counts_the_lines_it_takes_not_those_the_loaded_rules_take():
    """The language-neutral pack removes the bracketed numbers: the rule, made for the bare ones
    and those after 'T.', counts their documents (two in three), none removed already."""
    common = [p for p in load_packs() if p.kind == "common"]
    cand = next(c for c in _code_line_rules(_suggest(_staff_site(), common))
                if "staff" in c.rule["id"])
    bare = [i for i in range(36) if not _staff_code(i).startswith("(")]
    assert cand.docs == len(bare) == 24 and cand.lines == 24 and cand.covered == 0
    assert "in 24 of 36 documents (67%)" in cand.rule["description"]
