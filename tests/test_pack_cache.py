"""The rule-file cache gives the packs loading would, and never one from other bytes or other code."""

from __future__ import annotations

import os
import pickle
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
    assert "t.toml" in parses and _entries(cache)
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
    packs = load_packs([rules], builtin=False)
    for entry in _entries(cache):
        entry.write_bytes(damage)
    parses.clear()
    assert load_packs([rules], builtin=False) == packs and parses == ["t.toml"]
    parses.clear()
    assert load_packs([rules], builtin=False) == packs and parses == []


def test_an_entry_under_another_key_is_not_taken(cache, parses, tmp_path):
    """(A file copied or renamed over another's name.)"""
    rules = _user_rules(tmp_path)
    load_packs([rules], builtin=False)
    (rules / "t.toml").write_text(RULE.replace("a promo", "another"), encoding="utf-8")
    load_packs([rules], builtin=False)
    old, new = sorted(_entries(cache), key=lambda path: path.stat().st_mtime_ns)
    new.write_bytes(old.read_bytes())
    parses.clear()
    assert load_packs([rules], builtin=False)[0].rules[0].description == "another"
    assert parses == ["t.toml"]


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
    assert _descriptions(cache) == {"promo 4", "promo 3", "promo 2"}


def test_an_entry_read_again_counts_as_used_when_the_cache_is_written(cache, tmp_path,
                                                                     monkeypatch):
    monkeypatch.setattr(pack_cache, "MAX_ENTRIES", 2)
    for name in "abc":
        (tmp_path / name).mkdir()
    first, second = _user_rules(tmp_path / "a"), _user_rules(tmp_path / "b")
    (second / "t.toml").write_text(RULE.replace("a promo", "second"), encoding="utf-8")
    load_packs([first], builtin=False)
    load_packs([second], builtin=False)
    third = tmp_path / "c" / "rules"
    third.mkdir()
    (third / "u.toml").write_text(RULE.replace('"t"', '"u"').replace("t/promo", "u/promo")
                                  .replace("a promo", "third"), encoding="utf-8")
    load_packs([first, third], builtin=False)       # the first read, the third written
    assert _descriptions(cache) == {"a promo", "third"}


def test_a_load_reads_the_entries_it_asks_for_and_no_other(cache, tmp_path, monkeypatch):
    """The cache was one file read whole: the entries of every earlier version of the code came
    into memory at every start (17 MB of them took every process 25 MB more)."""
    rules = _user_rules(tmp_path)
    for version in range(5):
        monkeypatch.setattr(pack_cache, "code_fingerprint", lambda v=version: f"version {v}")
        load_packs([rules], builtin=False)
    entry = max(path.stat().st_size for path in _entries(cache))
    assert len(_entries(cache)) == 5
    read = []
    real_open = open

    def counting_open(path, *args, **kwargs):
        if str(path).endswith(".pickle"):
            read.append(os.path.getsize(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    load_packs([rules], builtin=False)
    assert read and sum(read) <= entry


def test_the_cache_file_of_the_earlier_form_is_removed_by_a_save(cache, tmp_path):
    cache.mkdir()
    (cache / pack_cache.OLD_FILE).write_bytes(b"an earlier cache, read whole at every start")
    load_packs([_user_rules(tmp_path)], builtin=False)
    assert not (cache / pack_cache.OLD_FILE).exists() and len(_entries(cache)) == 1


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / pack_cache.FOLDER).glob("*.pickle"))


def _descriptions(cache: Path) -> set[str]:
    return {pickle.loads(path.read_bytes())["pack"].rules[0].description
            for path in _entries(cache)}


def test_a_load_that_builds_the_cache_keeps_no_pattern_compiled_to_check_it(cache):
    # A first run checks every shipped pattern; kept compiled, those held 14 MB of its heap,
    # and each worker forked from it started as a copy (bench/throughput.py parquet-2: 453 MB
    # summed against 397 on the next run).
    load_packs()
    assert rulefile.check_pattern.cache_info().currsize == 0
