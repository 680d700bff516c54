"""--executor ray over one input file: its batches are blocks of their own, shared and streamed."""

from __future__ import annotations

from collections import Counter
from functools import partial

import pytest

from cleaner.inputs import ReadLog, ReadOptions
from cleaner.ray_executor import _file_list, _RaySettings, _read_files
from scale_helpers import real_docs, write_jsonl

ray = pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")


def test_one_files_batches_reach_the_cleaners_as_blocks_of_their_own(local_ray, tmp_path):
    # About 6 MB of articles in one file: three batches or more (2 MB each). Ray Data held a
    # read task's output until a block reached 128 MB, so the whole file was one block: one
    # actor cleaned all of it while the others idled, and no shard was written (nor could a
    # killed run resume from one) until the file was done.
    import ray.data

    docs = [dict(doc, text=doc["text"] * 8) for doc in real_docs(300)]
    path = write_jsonl(tmp_path / "one.jsonl", docs)
    options, settings = ReadOptions(), _RaySettings()
    files = _file_list([str(path)], options, ReadLog())
    settings.set_context(ray.data.DataContext.get_current())
    try:
        dataset = ray.data.from_items(files).map_batches(
            partial(_read_files, options=options), batch_size=None, num_cpus=0)
        blocks = dataset.materialize()
        sizes = Counter(len(batch["items"]) for batch in blocks.iter_batches(batch_size=None))
    finally:
        settings.restore()
    assert sum(n * count for n, count in sizes.items()) >= 3
    assert set(sizes) == {1}
