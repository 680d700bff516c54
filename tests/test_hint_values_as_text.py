"""An input's title or date that is no string is written as its JSON (as an id is), not as
Python's repr: a list, a table and a truth value read as the input gave them."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

TEXT = "Banjir yang merendam ratusan rumah di Jakarta Utara mulai surut pada Senin pagi."


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("value, text", [(["a", "b"], '["a","b"]'), ({"x": 1}, '{"x":1}'),
                                         (True, "true"), (2023, "2023")])
def test_a_title_that_is_no_string_is_its_json(cleaner, value, text):
    assert cleaner.clean(TEXT, title=value)["meta"]["title"] == text


@pytest.mark.parametrize("value, text", [({"y": 2020}, '{"y":2020}'), ([2020, 1], "[2020,1]"),
                                         (False, None), (True, "true")])
def test_a_date_that_is_no_string_is_kept_and_flagged_as_its_json(cleaner, value, text):
    record = cleaner.clean(TEXT, date=value)
    assert record["meta"]["date"] == text
    if text is not None:
        assert text in record["flags"][0]["reason"]


def test_numpy_and_pandas_hints_are_read_as_python_values(cleaner):
    # (a frame's list column gives arrays, whose truth raises: the record failed to clean)
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    for value, text in ((np.array(["a", "b"]), '["a","b"]'), (pd.Series(["x", "y"]), '["x","y"]'),
                        (np.int64(5), "5")):
        record = cleaner.clean(TEXT, title=value, date=value, id=value)
        assert record["meta"]["title"] == text and record["id"] == text
        assert record["meta"]["date"] == text
    for missing in (np.float64("nan"), pd.NaT, np.array([])):
        assert cleaner.clean(TEXT, title=missing)["meta"]["title"] is None
