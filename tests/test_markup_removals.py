"""What strip_tags takes from a text field with the tags (comments, scripts, styles) is recorded as a removal."""

from __future__ import annotations

from cleaner.document import MAX_REMOVED_CHARS
from cleaner.text_markup import HIDDEN_RULE

ARTICLE = "Presiden berkata hal itu akan dibahas pekan depan bersama para menteri."


def _hidden(record) -> list[str]:
    return [r["text"] for r in record["removed"] if r["rule"] == HIDDEN_RULE]


def test_a_comment_and_a_script_in_a_text_field_are_recorded_with_their_text(cleaner):
    text = (f"<p>{ARTICLE}</p><!-- catatan redaksi: jangan terbitkan -->"
            "<script>var iklan = 1;</script><style>p {{}}</style>")
    record = cleaner.clean(text)
    assert record["text"] == ARTICLE
    assert _hidden(record) == ["<!-- catatan redaksi: jangan terbitkan -->",
                               "<script>var iklan = 1;</script>", "<style>p {{}}</style>"]
    assert {r["action"] for r in record["removed"]} == {"strip-markup"}
    assert "strip_tags" in record["fixes"]


def test_tags_alone_record_nothing(cleaner):
    record = cleaner.clean(f"<p>{ARTICLE} <b>Tegas</b> katanya.</p>")
    assert record["removed"] == [] and "Tegas katanya." in record["text"]


def test_a_long_hidden_element_is_recorded_cut_short(cleaner):
    record = cleaner.clean(f"{ARTICLE}<script>{'x' * 5000}</script>")
    (kept,) = _hidden(record)
    assert kept.startswith("<script>xxx") and len(kept) == MAX_REMOVED_CHARS + 2


def test_hidden_markup_holding_half_a_surrogate_pair_is_recorded_too(cleaner):
    # A scraper cut an emoji in two inside a script: the text is repaired first, then stripped.
    record = cleaner.clean(f"<p>{ARTICLE}</p><script>var a = '\ud83d';</script>")
    assert record["text"] == ARTICLE
    assert _hidden(record) == ["<script>var a = '\ufffd';</script>"]
    assert {"fix_surrogates", "strip_tags"} <= set(record["fixes"])
