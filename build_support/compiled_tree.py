"""A copy of the source with its compiled modules built beside it, as CLEANER_COMPILE=1 builds
them: what the tests and the benchmark run to compare the compiled build with the pure one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_compiled_tree(dest: Path, opt_level: str = "3") -> Path:
    """Copy the package (its rules where an install puts them) to `dest` and compile it in
    place; `dest` then goes first on sys.path (or is the working folder of `python -m cleaner`).
    Raises RuntimeError with the build's output if it fails."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "cleaner", dest / "cleaner", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "rules", "*.so"))
    shutil.copytree(ROOT / "rules", dest / "cleaner" / "rules", dirs_exist_ok=True)
    env = {**os.environ, "CLEANER_COMPILE": "1", "CLEANER_COMPILE_OPT": opt_level}
    build = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=dest,
                           env=env, capture_output=True, text=True, timeout=3600)
    if build.returncode != 0:
        raise RuntimeError(f"the compiled build failed:\n{build.stdout[-3000:]}"
                           f"{build.stderr[-3000:]}")
    return dest
