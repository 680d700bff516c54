"""Rules that change with time: valid_from / valid_until on a rule or a pack, applied by the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from cleaner.pipeline import Cleaner
from cleaner.rulefile import RuleFileError, load_pack, load_packs

BODY = ("Warga berkumpul di alun-alun kota pada pagi hari untuk merayakan ulang tahun kota yang "
        "ke seratus dengan berbagai lomba dan pertunjukan.")

PACK = """
[pack]
id = "kabar"
kind = "site"
domains = ["kabar.example"]
{pack_dates}

[[rule]]
id = "kabar/old-promo"
action = "drop-line"
pattern = '^Promo lama$'
remove = ["Promo lama"]
valid_until = "2016-12-31"

[[rule]]
id = "kabar/new-promo"
action = "drop-line"
pattern = '^Promo baru$'
remove = ["Promo baru"]
valid_from = 2017-01-01

[[rule]]
id = "kabar/always"
action = "drop-line"
pattern = '^Selalu$'
remove = ["Selalu"]
"""


def _cleaner(tmp_path, pack_dates=""):
    path = tmp_path / "kabar.example.toml"
    path.write_text(PACK.format(pack_dates=pack_dates), encoding="utf-8")
    return Cleaner(rules=[path], builtin=False)


def _removed(cleaner, date_value):
    text = f"{BODY}\n\nPromo lama\n\nPromo baru\n\nSelalu"
    fields = {"date": date_value} if date_value else {}
    record = cleaner.clean(text, url="https://kabar.example/a", **fields)
    return sorted(r["rule"] for r in record["removed"])


def test_rules_apply_by_the_documents_date(tmp_path):
    cleaner = _cleaner(tmp_path)
    assert _removed(cleaner, "2016-05-02") == ["kabar/always", "kabar/old-promo"]
    assert _removed(cleaner, "2018-01") == ["kabar/always", "kabar/new-promo"]
    # A date known only to the year gets the rules valid at some day of it.
    assert _removed(cleaner, "2016") == ["kabar/always", "kabar/old-promo"]
    # Dates as the input writes them are understood as metadata dates are.
    assert _removed(cleaner, "Tuesday, 3 January 2017") == ["kabar/always", "kabar/new-promo"]


def test_a_document_without_a_date_gets_every_rule(tmp_path):
    assert _removed(_cleaner(tmp_path), None) == ["kabar/always", "kabar/new-promo",
                                                  "kabar/old-promo"]


def test_pack_dates_bound_every_rule(tmp_path):
    cleaner = _cleaner(tmp_path, 'valid_from = "2015"\nvalid_until = "2019-06"')
    [pack] = cleaner.packs
    bounds = {r.id: (r.valid_from, r.valid_until) for r in pack.rules}
    assert bounds["kabar/always"] == (date(2015, 1, 1), date(2019, 6, 30))
    assert bounds["kabar/old-promo"] == (date(2015, 1, 1), date(2016, 12, 31))
    assert _removed(cleaner, "2014-03-01") == []
    assert _removed(cleaner, "2020-01-01") == []
    assert _removed(cleaner, "2017-03-01") == ["kabar/always", "kabar/new-promo"]


def test_one_matcher_per_set_of_excluded_rules(tmp_path):
    cleaner = _cleaner(tmp_path)
    for day in ("2016-01-01", "2016-02-01", "2018-01-01", "2019-01-01", None):
        _removed(cleaner, day)
    assert len(cleaner._stages) == 3


@pytest.mark.parametrize("dates, reason", [
    ('valid_from = "2017-13"', "valid_from must be an ISO date"),
    ('valid_until = "soon"', "valid_until must be an ISO date"),
    ('valid_from = "2018"\nvalid_until = "2017"', "is after valid_until"),
    ('valid_from = "20170630"', "valid_from must be an ISO date"),
    ('valid_until = "2017-06-30T99:99:99 garbage"', "valid_until must be an ISO date"),
])
def test_bad_dates_fail_loudly(tmp_path, dates, reason):
    path = tmp_path / "bad.toml"
    path.write_text(f"[[rule]]\nid = \"b/r\"\naction = \"drop-line\"\npattern = 'x'\n"
                    f"remove = [\"x\"]\n{dates}\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=reason) as err:
        load_pack(path)
    assert err.value.rule == "b/r"


def test_shipped_rules_load_with_the_new_keys():
    assert load_packs()


def test_dated_rules_go_by_the_day_meta_date_gives(tmp_path):
    # 20:00 UTC on New Year's Eve is 03:00 on January 1st in Jakarta: on an Indonesian site,
    # meta.date says 2017, and the rules of 2017 apply, not those of 2016.
    path = tmp_path / "kabar.example.toml"
    path.write_text(PACK.format(pack_dates='lang = "id"'), encoding="utf-8")
    cleaner = Cleaner(rules=[path], builtin=False)
    late = "2016-12-31T20:00:00Z"
    record = cleaner.clean(f"{BODY}\n\nPromo lama\n\nPromo baru", url="https://kabar.example/a",
                           date=late)
    assert record["meta"]["date"].startswith("2017-01-01")
    assert [r["rule"] for r in record["removed"]] == ["kabar/new-promo"]
    # Where dates keep their own offset (no Indonesian pack), the day stays the source's.
    assert _removed(_cleaner(tmp_path), late) == ["kabar/always", "kabar/old-promo"]


def test_dated_rules_go_by_the_urls_date_without_an_input_date(tmp_path):
    cleaner = _cleaner(tmp_path)
    text = f"{BODY}\n\nPromo lama\n\nPromo baru"
    record = cleaner.clean(text, url="https://kabar.example/2018/03/01/a")
    assert [r["rule"] for r in record["removed"]] == ["kabar/new-promo"]
