"""A byline line that names the authors and then, after a separator, the editors fills both lists."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

BODY = "The floods receded on Monday, officials said, and people went home to clean up."


@pytest.mark.parametrize("line", ["Written by Jane Doe | Edited by John Roe",
                                  "Reporter: Jane Doe | Editor: John Roe"])
def test_authors_then_editors_on_one_line_fill_both(line):
    # (acceptance run s49: "Written by Jane Doe | Edited by John Roe" stayed, naming no one)
    record = Cleaner().clean(f"{line}\n{BODY}", lang="en")
    assert record["meta"]["authors"] == ["Jane Doe"]
    assert record["meta"]["editors"] == ["John Roe"]
    assert record["text"] == BODY
