"""A page module's names that another module uses are its interface, public: no module reads a
private name (a leading underscore) of page_titles, and page_bylines reads none of another's."""

from __future__ import annotations

import ast
from pathlib import Path

import cleaner

PACKAGE = Path(cleaner.__file__).parent


def _private_imports() -> set[tuple[str, str, str]]:
    """(the importing module, the module imported from, the name) of each private name one of
    the package's modules imports from another."""
    found = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cleaner."):
                found.update((path.stem, node.module.split(".", 1)[1], alias.name)
                             for alias in node.names if alias.name.startswith("_"))
    return found


def test_no_module_reads_a_private_name_of_page_titles_or_page_bylines_reads_one():
    found = {(user, module, name) for user, module, name in _private_imports()
             if module == "page_titles" or user == "page_bylines"}
    assert found == set()
