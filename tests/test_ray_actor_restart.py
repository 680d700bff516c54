"""A cleaning actor that dies in a Ray run is restarted and the run comes out whole: the restarts
Ray Data asks for, which also make Ray's core log an error-level line on every run ("Actor ...
has constructor arguments in the object store and max_restarts > 0", ray-project/ray#57733,
for any class given to map_batches). Only `max_restarts=0` takes that line away, and with it this
restart: this test holds the restart, so that the line is not "fixed" by losing it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cleaner.inputs import ReadLog, ReadOptions
from cleaner.run_config import CleanerFactory
from scale_helpers import real_docs, write_jsonl

ray = pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")

class _DiesOnce:
    """A cleaner factory whose first cleaning kills its actor's process; later ones clean."""

    def __init__(self, marker: str):
        self.marker = marker
        self.factory = CleanerFactory()

    def __call__(self):
        return _DyingCleaner(self.factory(), self.marker)


class _DyingCleaner:
    def __init__(self, cleaner, marker: str):
        self.cleaner, self.marker = cleaner, marker

    def __getattr__(self, name):
        return getattr(self.cleaner, name)

    def clean_documents(self, *args, **kwargs):
        if not os.path.exists(self.marker):
            Path(self.marker).touch()
            os._exit(9)                 # as the kernel's OOM killer ends a process
        return self.cleaner.clean_documents(*args, **kwargs)


def test_a_cleaning_actor_that_dies_is_restarted_and_the_run_is_whole(local_ray, tmp_path, capsys):
    from ray import cloudpickle

    from cleaner.ray_executor import RayExecutor

    cloudpickle.register_pickle_by_value(sys.modules[__name__])   # the actors cannot import it
    write_jsonl(tmp_path / "a.jsonl", real_docs(6))
    marker = tmp_path / "died"
    executor = RayExecutor(_DiesOnce(str(marker)), workers=1)
    try:
        outcomes = [outcome for result in executor.map_inputs(
            [str(tmp_path / "a.jsonl")], ReadOptions(), 0, ReadLog()) for outcome in result.outcomes]
    finally:
        executor.close()
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert marker.exists()                              # it died once ...
    assert [kind for kind, *_ in outcomes] == ["record"] * 6    # ... and every record was made
    # ... and the run said so, once, as a local run says of a worker it lost
    assert capsys.readouterr().err.count("a Ray worker process died") == 1
