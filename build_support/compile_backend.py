"""setuptools' build backend, asking for mypy (its mypyc) only when CLEANER_COMPILE asks for a
compiled build, so that a plain install downloads nothing more (see setup.py)."""

import os

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F401,F403  (every hook not redefined below)


def _mypyc() -> list[str]:
    return [] if os.environ.get("CLEANER_COMPILE", "0") in ("", "0") else ["mypy>=1.10"]


def get_requires_for_build_wheel(config_settings=None):
    return build_meta.get_requires_for_build_wheel(config_settings) + _mypyc()
