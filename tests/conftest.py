"""Shared fixtures and the --regen-fixtures option."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The suite keeps its rule-file cache (cleaner/pack_cache.py) to itself, out of ~/.cache; the
# CLI runs that tests start as processes inherit it.
os.environ["CLEANER_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="cleaner-tests-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
# Hugging Face datasets (the Dataset.map test) stays offline and out of ~/.cache too.
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ["HF_HOME"] = os.path.join(_CACHE, "huggingface")

from cleaner import Cleaner  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--regen-fixtures", action="store_true", default=False,
                     help="rewrite expected fixture records from the current output (still fails, "
                          "so the change is reviewed as a diff)")


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray instance of 2 CPUs for one test module (the Ray tests import ray first)."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()
