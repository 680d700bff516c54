"""The `cleaner` command's entry point loads only the package before it can take Ctrl-C: a
Ctrl-C while the modules load ends the program with 130 and a word, not a traceback."""

from __future__ import annotations

import subprocess
import sys
import types

from cleaner import command
from conftest import ROOT


def test_importing_the_package_loads_no_module_of_the_run():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, cleaner.command; print(sorted(m for m in "
                               "sys.modules if m.startswith('cleaner')))"],
        capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert loaded.strip() == "['cleaner', 'cleaner.command']"


def test_the_api_names_are_there_when_asked_for():
    import cleaner
    from cleaner.pipeline import Cleaner
    from cleaner.rulefile import RuleFileError

    assert cleaner.Cleaner is Cleaner and cleaner.RuleFileError is RuleFileError


class _Loading(types.ModuleType):
    def __getattr__(self, name):
        raise KeyboardInterrupt


def test_ctrl_c_while_the_command_loads_ends_it_with_130_and_a_word(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "cleaner.cli", _Loading("cleaner.cli"))
    assert command.main() == 130
    assert capsys.readouterr().err == "cleaner: interrupted\n"
