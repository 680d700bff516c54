"""A language pack's `min_stopword_share`: the share of a text's words its stopwords must be for
detection to name the language, 8% unless the pack sets its own."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.rulefile import RuleFileError, load_pack

# Twenty words, one of them a stopword of the pack: 5%, under the default 8%.
TEXT = ("Kutha iku rame banget nalika dina pasar teka saka desa sakiwa tengene kanthi "
        "gawa dagangan werna werna kanggo didol marang wong kutha.")


def _pack(tmp_path, share: str = "", kind: str = "lang"):
    path = tmp_path / "jv.toml"
    path.write_text(f'[pack]\nid = "jv"\nkind = "{kind}"\nname = "Javanese"\n'
                    f'stopwords = ["iku"]\n{share}', encoding="utf-8")
    return path


def _lang(tmp_path, share: str = "") -> tuple[str | None, list[dict]]:
    record = Cleaner(rules=[str(_pack(tmp_path, share))], builtin=False).clean(TEXT)
    return record["meta"]["lang"], record["flags"]


def test_a_text_under_the_default_share_gets_no_language(tmp_path):
    lang, flags = _lang(tmp_path)
    assert lang is None
    assert "under the 8% that names a language" in flags[0]["reason"]


def test_a_pack_s_own_lower_share_names_the_language(tmp_path):
    assert _lang(tmp_path, "min_stopword_share = 0.04\n")[0] == "jv"


def test_a_pack_s_own_higher_share_is_said_in_the_flag(tmp_path):
    lang, flags = _lang(tmp_path, "min_stopword_share = 0.5\n")
    assert lang is None and "under the 50% that names a language" in flags[0]["reason"]


@pytest.mark.parametrize("value", ["0", "1", "1.5", "-0.1", "true", '"0.06"'])
def test_a_share_that_is_no_share_is_refused_naming_the_file(tmp_path, value):
    with pytest.raises(RuleFileError, match="min_stopword_share must be a share between 0 and 1"):
        load_pack(_pack(tmp_path, f"min_stopword_share = {value}\n"))


def test_the_key_is_a_language_pack_s_only(tmp_path):
    with pytest.raises(RuleFileError, match="a language pack's key"):
        load_pack(_pack(tmp_path, "min_stopword_share = 0.05\n", kind="common"))
