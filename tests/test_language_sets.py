"""A document's rules are scanned by its language's set: the common packs', its language pack's and
its sites', never another language's, and the records are those of one set of every rule."""

from __future__ import annotations

from cleaner.pipeline import Cleaner

ID_TEXT = ("JAKARTA - Presiden meresmikan jalan tol baru di Jawa Barat pada Senin pagi, kata juru "
           "bicara istana kepada wartawan.\n\nBaca juga: Harga Beras Naik Lagi\n\nIa menambahkan "
           "bahwa jalan itu akan dibuka untuk umum pekan depan.")
EN_TEXT = ("WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill, which now goes to the "
           "House, where its fate is less certain.\n\nBy Jane Doe\n\nLawmakers said they would "
           "return to the talks next week.")


def _packs(universe) -> set[str]:
    return {rule.pack for rule in universe}


def _with_every_rule_in_each_set(cleaner: Cleaner) -> Cleaner:
    """The Cleaner with one set of every rule for each language, as before per-language sets
    (its table filled ahead: no method replaced, which a compiled build refuses)."""
    every = cleaner._universe_for(None)
    cleaner._universes.update({lang: every for lang in (None, "id", "en", "ms")})
    return cleaner


def test_a_languages_set_holds_no_other_languages_rules(cleaner):
    indonesian = _packs(cleaner._universe_for("id"))
    assert "id" in indonesian and "common" in indonesian and "kompas.com" in indonesian
    assert not {"en", "ms"} & indonesian
    assert not {"id", "ms"} & _packs(cleaner._universe_for("en"))


def test_a_document_of_no_known_language_is_scanned_for_every_rule(cleaner):
    assert {"id", "en", "ms"} <= _packs(cleaner._universe_for(None))


def test_records_are_those_of_one_set_of_every_rule(cleaner):
    # The same Cleaner with every language's rules in each set: nothing changes but the speed.
    every = _with_every_rule_in_each_set(Cleaner(packs=cleaner.packs))
    for text, url in ((ID_TEXT, "https://www.kompas.com/read/2019/01/01/x"), (ID_TEXT, None),
                      (EN_TEXT, None), (EN_TEXT, "https://www.goal.com/en/news/x")):
        assert cleaner.clean(text, url=url) == every.clean(text, url=url)


def test_a_site_pack_under_another_language_still_gets_its_rules(cleaner):
    # --lang en on a Kompas page: the site's rules are in no English set, and the combination
    # gets a set of its own rules (matcher_for), not fewer rules.
    english = Cleaner(packs=cleaner.packs, lang="en")
    record = english.clean(ID_TEXT, url="https://www.kompas.com/read/2019/01/01/x")
    assert record["meta"]["lang"] == "en" and record["meta"]["site"] == "kompas.com"
    every = _with_every_rule_in_each_set(Cleaner(packs=cleaner.packs, lang="en"))
    assert record == every.clean(ID_TEXT, url="https://www.kompas.com/read/2019/01/01/x")
