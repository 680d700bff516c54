"""The build hooks compile only when asked, only for a wheel, and the modules cleaner.compiled names."""

from __future__ import annotations

import runpy
import sys

import pytest

from conftest import ROOT

from cleaner.compiled import MODULES

sys.path.insert(0, str(ROOT / "build_support"))
import compile_backend  # noqa: E402


@pytest.fixture
def setup_py(monkeypatch):
    """setup.py's functions, with mypycify recorded instead of run."""
    calls = []
    import mypyc.build
    monkeypatch.setattr(mypyc.build, "mypycify",
                        lambda paths, **options: calls.append((paths, options)) or ["ext"])
    hooks = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_under_test")
    return hooks["compiled_extensions"], calls


@pytest.mark.parametrize("value", [None, "", "0"])
def test_a_plain_build_asks_for_nothing_more_and_compiles_nothing(monkeypatch, setup_py, value):
    compiled_extensions, calls = setup_py
    if value is None:
        monkeypatch.delenv("CLEANER_COMPILE", raising=False)
    else:
        monkeypatch.setenv("CLEANER_COMPILE", value)
    monkeypatch.setattr(sys, "argv", ["setup.py", "bdist_wheel"])
    assert compile_backend._mypyc() == []
    assert compiled_extensions() == [] and calls == []


def test_a_compiled_wheel_asks_for_mypy_and_compiles_the_listed_modules(monkeypatch, setup_py):
    compiled_extensions, calls = setup_py
    monkeypatch.setenv("CLEANER_COMPILE", "1")
    monkeypatch.setenv("CLEANER_COMPILE_OPT", "2")
    monkeypatch.setattr(sys, "argv", ["setup.py", "bdist_wheel"])
    assert compile_backend._mypyc() == ["mypy>=1.10"]
    assert compiled_extensions() == ["ext"]
    (paths, options), = calls
    assert paths == [f"cleaner/{name}.py" for name in MODULES]
    assert options == {"opt_level": "2"}
    assert all((ROOT / path).exists() for path in paths)


@pytest.mark.parametrize("command", ["editable_wheel", "egg_info", "dist_info"])
def test_editable_installs_and_metadata_queries_stay_pure(monkeypatch, setup_py, command, capsys):
    # An editable install would shadow the source it edits with a compiled module; a metadata
    # query runs before mypy is installed for the build and needs no extensions.
    compiled_extensions, calls = setup_py
    monkeypatch.setenv("CLEANER_COMPILE", "1")
    monkeypatch.setattr(sys, "argv", ["setup.py", command])
    assert compiled_extensions() == [] and calls == []
    if command == "editable_wheel":
        assert "ignored for an editable install" in capsys.readouterr().err
