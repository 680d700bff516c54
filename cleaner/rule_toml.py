"""Write rules and pack headers as TOML in the rule-file format (patterns as literal strings)."""

from __future__ import annotations

import json
from typing import Any

# Keys in the order a person reads a rule.
RULE_ORDER = ("id", "description", "action", "where", "case_sensitive", "date_order",
              "valid_from", "valid_until", "pattern", "unless", "then", "then_max", "set",
              "remove", "keep", "cases")
# Keys whose values are regexes: written as literal strings, as a person writes them.
PATTERN_KEYS = ("pattern", "unless", "then")
# Keys whose values are lists of regexes (a pack's signatures), written so too.
PATTERN_LIST_KEYS = ("signatures",)


def basic_string(text: str) -> str:
    r"""A TOML basic string: JSON escapes are TOML escapes; DEL is escaped too.

    >>> basic_string('say "hi"\n')
    '"say \\"hi\\"\\n"'
    """
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def literal_string(text: str) -> str:
    """A regex as a TOML literal string ('...', no escaping) when it can be one."""
    if "'" in text or "\n" in text or "\r" in text:
        return basic_string(text)
    return f"'{text}'"


def _value(key: str, value: Any) -> str:
    if key in PATTERN_KEYS:
        return literal_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return basic_string(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(k, v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        items = [_value(PATTERN_KEYS[0] if key in PATTERN_LIST_KEYS else "", v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 90:
            return one_line
        return "[\n" + "".join(f"  {item},\n" for item in items) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def rule_toml(rule: dict[str, Any]) -> str:
    """One [[rule]] table, keys in reading order, empty values left out.

    >>> print(rule_toml({"id": "x/y", "action": "drop-line", "pattern": '^a$', "remove": ["a"]}))
    [[rule]]
    id = "x/y"
    action = "drop-line"
    pattern = '^a$'
    remove = ["a"]
    """
    lines = ["[[rule]]"]
    for key in RULE_ORDER + tuple(k for k in rule if k not in RULE_ORDER):
        value = rule.get(key)
        if value is None or value == [] or value == () or value == {} or value == "":
            continue
        if key == "where" and value == "any":
            continue
        lines.append(f"{key} = {_value(key, value)}")
    return "\n".join(lines)


def pack_toml(head: dict[str, Any]) -> str:
    """A [pack] table."""
    lines = ["[pack]"]
    for key, value in head.items():
        if value is None or value == []:
            continue
        lines.append(f"{key} = {_value(key, value)}")
    return "\n".join(lines)
