"""Setuptools hook for the optional compiled build; pyproject.toml holds everything else.

    CLEANER_COMPILE=1 pip install .

compiles the modules cleaner.compiled.MODULES names with mypyc (from mypy): the same source,
run as C, about 1.2x faster end to end. It needs a C compiler and Python's headers. Without the
variable, or for an editable install (where a compiled module would shadow its source while it is
edited), this is a plain pure-Python build.
"""

import os
import runpy
import sys

from setuptools import setup


def compiled_extensions() -> list:
    if os.environ.get("CLEANER_COMPILE", "0") in ("", "0"):
        return []
    if "editable_wheel" in sys.argv:
        print("cleaner: CLEANER_COMPILE is ignored for an editable install", file=sys.stderr)
        return []
    # Asking for the build's requirements or metadata runs this file too, before mypy is
    # installed for the build and without any need of the extensions: compile only to build.
    if {"egg_info", "dist_info"} & set(sys.argv):
        return []
    from mypyc.build import mypycify

    here = os.path.dirname(os.path.abspath(__file__))
    modules = runpy.run_path(os.path.join(here, "cleaner", "compiled.py"))["MODULES"]
    # CLEANER_COMPILE_OPT: the C compiler's optimization level (the tests build at 0, faster).
    return mypycify([f"cleaner/{name}.py" for name in modules],
                    opt_level=os.environ.get("CLEANER_COMPILE_OPT", "3"))


if __name__ == "__main__":        # as pip's build and `python setup.py` run it; tests import it
    setup(ext_modules=compiled_extensions())
