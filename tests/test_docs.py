"""The README and docs/ stay true to the code: code blocks close, links resolve, options exist,
and CI runs the test command the README gives."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from cleaner.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Options of other programs that the pages show: `ray start --head`, `valgrind --tool=...`,
# `ray get-auth-token --generate`.
FOREIGN_OPTIONS = {"--head", "--tool", "--generate"}
_OPTION = re.compile(r"(?:^|[\s`(\[])(--[a-z][a-z0-9-]*)")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_ADD_ARGUMENT = re.compile(r"add(?:_argument|option)\(\s*\"(--[a-z0-9-]+)\"")


def _fences(page: Path) -> list[tuple[int, str]]:
    """(line number, line) of every code fence in a page."""
    return [(number, line.rstrip("\n"))
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
            if line.lstrip().startswith("```")]


def _prose(page: Path) -> str:
    """A page's text, as written."""
    return page.read_text(encoding="utf-8")


def _cli_options(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of the parser and of its subcommands, at any depth."""
    found: set[str] = set()
    for action in parser._actions:
        found.update(option for option in action.option_strings if option.startswith("--"))
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found |= _cli_options(child)
    return found


def _script_options() -> set[str]:
    """The options the bench scripts and the test suite's conftest declare."""
    sources = [*sorted((ROOT / "bench").glob("*.py")), ROOT / "tests" / "conftest.py"]
    return {match for path in sources for match in _ADD_ARGUMENT.findall(path.read_text())}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_code_blocks_close_with_a_bare_fence(page):
    # A closing fence with text after it is not a closing fence: the block, and the prose after
    # it, run on to the next fence and render as code.
    opened = None
    for number, line in _fences(page):
        if opened is None:
            opened = number
        else:
            assert line.strip() == "```", f"{page.name}:{number}: block opened at line " \
                                          f"{opened} closes with text after the fence: {line!r}"
            opened = None
    assert opened is None, f"{page.name}: the block opened at line {opened} never closes"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_relative_links_name_files_that_exist(page):
    targets = [link.split("#")[0] for link in _LINK.findall(_prose(page))
               if not re.match(r"[a-z]+:", link)]
    missing = [target for target in targets if target and not (page.parent / target).exists()]
    assert not missing, f"{page.name} links to files that do not exist: {missing}"


def test_every_option_the_pages_name_exists():
    known = _cli_options(build_parser()) | _script_options() | FOREIGN_OPTIONS
    named = {(page.name, option) for page in PAGES for option in _OPTION.findall(_prose(page))}
    unknown = sorted(pair for pair in named if pair[1] not in known)
    assert not unknown, f"options the pages name that nothing takes: {unknown}"


def test_ci_runs_the_test_command_the_readme_gives():
    readme = _prose(ROOT / "README.md")
    commands = re.findall(r"```bash\n(.*?)\n```", readme, re.DOTALL)
    test_command = next(command for command in commands if "pytest" in command)
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_command in ci, f".ci/run does not run the README's test command {test_command!r}"


def test_the_usage_page_names_every_fix_a_record_can_list_in_the_order_they_run():
    from cleaner.normalize import FIXES

    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    places = [usage.find(f"`{name}`") for name, _ in FIXES]
    assert -1 not in places, [name for (name, _), at in zip(FIXES, places) if at < 0]
    assert places == sorted(places)


def test_the_usage_page_names_the_extractor_fix_after_normalizes():
    from cleaner.html_left_out import EXTRACTOR_FIX

    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    assert usage.find("`tidy_lines`") < usage.find(f"`{EXTRACTOR_FIX}`") < usage.find("`split_glued`")
