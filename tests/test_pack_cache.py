"""The rule-file cache gives the packs loading would, and never one from other bytes or other code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner import pack_cache, rulefile
from cleaner.rulefile import RuleFileError, load_packs

RULE = '''[pack]
id = "t"

[[rule]]
id = "t/promo"
description = "a promo"
action = "drop-line"
pattern = '^promo$'
remove = ["promo"]
keep = ["no promo here"]
'''


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(pack_cache.ENV, str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch):
    """The rule files load_pack parses, in order."""
    parsed = []
    real = rulefile.load_pack

    def counting(path, *args, **kwargs):
        parsed.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(rulefile, "load_pack", counting)
    return parsed


def _user_rules(tmp_path, text=RULE):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "t.toml").write_text(text, encoding="utf-8")
    return folder


def test_a_second_load_reads_the_cache_and_gives_equal_packs(cache, parses, tmp_path):
    rules = _user_rules(tmp_path)
    first = load_packs([rules])
    assert "t.toml" in parses and (cache / pack_cache.FILE).is_file()
    parses.clear()
    assert load_packs([rules]) == first
    assert parses == []


def test_a_rule_file_edited_to_the_same_size_and_time_is_parsed_again(cache, parses, tmp_path):
    rules = _user_rules(tmp_path)
    path = rules / "t.toml"
    load_packs([rules], builtin=False)
    stat = path.stat()
    path.write_text(RULE.replace("^promo$", "^PROMO$"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    parses.clear()
    packs = load_packs([rules], builtin=False)
    assert parses == ["t.toml"] and packs[0].rules[0].pattern == "^PROMO$"


def test_a_file_edited_while_it_loads_is_cached_under_the_bytes_that_were_parsed(
        cache, tmp_path, monkeypatch):
    """The key and the pack come from one read: the file is not read a second time to parse it."""
    rules = _user_rules(tmp_path)
    path = rules / "t.toml"
    real = Path.read_bytes

    def read_then_edit(self):
        content = real(self)
        if self == path:        # someone saves an edit right after the cache key was taken
            path.write_text(RULE.replace("^promo$", "^PROMO$"), encoding="utf-8")
        return content

    monkeypatch.setattr(Path, "read_bytes", read_then_edit)
    assert load_packs([rules], builtin=False)[0].rules[0].pattern == "^promo$"
    monkeypatch.undo()
    monkeypatch.setenv(pack_cache.ENV, str(cache))
    assert load_packs([rules], builtin=False)[0].rules[0].pattern == "^PROMO$"


def test_crlf_rule_files_load_as_they_read(tmp_path):
    path = _user_rules(tmp_path, RULE.replace("\n", "\r\n")) / "t.toml"
    assert rulefile.load_pack(path).rules[0].pattern == "^promo$"
    assert rulefile.load_pack(path, content=path.read_bytes()) == rulefile.load_pack(path)


def test_a_broken_edit_is_reported_though_the_good_version_is_cached(cache, tmp_path):
    rules = _user_rules(tmp_path)
    load_packs([rules], builtin=False)
    (rules / "t.toml").write_text(RULE.replace("drop-line", "drop-all"), encoding="utf-8")
    with pytest.raises(RuleFileError, match="action must be one of"):
        load_packs([rules], builtin=False)


def test_other_code_does_not_read_this_codes_entries(cache, parses, tmp_path, monkeypatch):
    rules = _user_rules(tmp_path)
    load_packs([rules], builtin=False)
    monkeypatch.setattr(pack_cache, "code_fingerprint", lambda: "another version")
    parses.clear()
    load_packs([rules], builtin=False)
    assert parses == ["t.toml"]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_file_is_ignored_and_written_anew(cache, parses, tmp_path, damage):
    rules = _user_rules(tmp_path)
    cache.mkdir()
    (cache / pack_cache.FILE).write_bytes(damage)
    packs = load_packs([rules], builtin=False)
    assert parses == ["t.toml"]
    parses.clear()
    assert load_packs([rules], builtin=False) == packs and parses == []


def test_a_cache_that_cannot_be_written_costs_only_the_parse(tmp_path, monkeypatch, parses):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(pack_cache.ENV, str(blocker / "cache"))    # a folder under a file
    rules = _user_rules(tmp_path)
    assert load_packs([rules], builtin=False)[0].id == "t"
    assert load_packs([rules], builtin=False)[0].id == "t"
    assert parses == ["t.toml", "t.toml"]


def test_turned_off_nothing_is_read_or_written(tmp_path, monkeypatch, parses):
    monkeypatch.setenv(pack_cache.ENV, "off")
    monkeypatch.chdir(tmp_path)
    rules = _user_rules(tmp_path)
    load_packs([rules], builtin=False)
    load_packs([rules], builtin=False)
    assert parses == ["t.toml", "t.toml"]
    assert pack_cache.cache_dir() is None


def test_the_cache_keeps_the_files_in_use_and_the_newest_others(cache, tmp_path, monkeypatch):
    monkeypatch.setattr(pack_cache, "MAX_ENTRIES", 3)
    rules = _user_rules(tmp_path)
    for n in range(5):          # five versions of one file, each loaded once
        (rules / "t.toml").write_text(RULE.replace("a promo", f"promo {n}"), encoding="utf-8")
        load_packs([rules], builtin=False)
    kept = pack_cache.PackCache(cache)._entries
    assert [pack.rules[0].description for pack in kept.values()] == \
        ["promo 4", "promo 3", "promo 2"]
