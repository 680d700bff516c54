"""The modules a compiled build turns into C with mypyc, and whether this installation is one."""

from __future__ import annotations

import importlib.util

# Every module a document passes through when it is read (JSONL, files, folders), cleaned or
# written, plus the suggest miner's line shapes. The same source runs either way; compiled it cleans about 1.2x faster
# end to end (docs/scale.md). setup.py reads this list without importing the package.
MODULES = (
    "apply_rules", "batches", "dates", "declared_language", "decode", "document",
    "document_files", "first_look", "folders", "header", "identify", "identity_cache", "inputs",
    "jsonl_reader", "lexicon", "matcher", "metadata", "normalize", "paragraphs", "pipeline",
    "progress", "re2_spans", "readers", "repeated_body", "rulefile", "run", "shapes", "stats",
    "record_json", "url_date", "url_section", "writers",
)


def compiled_modules() -> list[str]:
    """The modules of MODULES that this installation runs compiled (none in a plain install)."""
    found = []
    for name in MODULES:
        spec = importlib.util.find_spec(f"cleaner.{name}")     # found, not imported
        if spec is not None and not (spec.origin or "").endswith(".py"):
            found.append(name)
    return found


def build_name() -> str:
    """Which build this is, as `cleaner --version` tells it: compiled (how many modules) or
    pure Python."""
    count = len(compiled_modules())
    return f"compiled ({count} of {len(MODULES)} modules)" if count else "pure Python"
