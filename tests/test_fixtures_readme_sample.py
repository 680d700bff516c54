"""The README's sample run cleans the text fixtures: what it says of their records holds."""

from __future__ import annotations

import json
import re
import shlex

from cleaner.cli import main
from cleaner.fixtures import expected_path, fixture_inputs, input_fields_path
from conftest import ROOT


def _sample() -> tuple[str, list[str]]:
    """The README's words on its sample run, and the run's `cleaner` arguments."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"(Install and clean the bundled sample.*?)```bash\n(.*?)\n```", readme,
                      re.DOTALL)
    assert found, "the README no longer shows its sample run"
    command = shlex.split(found.group(2).split("&&")[-1])
    assert command[0].endswith("cleaner") and command[1] == "clean", command
    return found.group(1), command[1:]


def test_the_readme_says_why_its_sample_records_differ_from_the_fixtures(tmp_path, monkeypatch):
    words, args = _sample()
    out = tmp_path / "clean.jsonl"
    args[args.index("-o") + 1] = str(out)
    monkeypatch.chdir(ROOT)
    assert main([*args, "-q"]) == 0
    made = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    fixtures = [raw for raw in fixture_inputs(ROOT / "fixtures") if raw.suffix == ".txt"]
    assert len(made) == len(fixtures)

    def differs(raw) -> bool:
        expected = json.loads(expected_path(raw).read_text(encoding="utf-8"))
        record = made[str(raw.relative_to(ROOT / "fixtures").with_suffix(""))]
        return {**record, "id": expected["id"]} != expected

    differ = [raw for raw in fixtures if differs(raw)]
    # Only the cases with stored input fields, which `clean` does not read, as the README says.
    assert all(input_fields_path(raw).exists() for raw in differ), differ
    if differ:
        assert "`<case>.input.json`" in words and "`cleaner fixtures check`" in words, words
