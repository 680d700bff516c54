"""cleaner: rule-driven cleaning of raw news dumps into clean, structured records."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.html_load import PageError
    from cleaner.pipeline import Cleaner
    from cleaner.rulefile import RuleFileError

__all__ = ["Cleaner", "PageError", "RuleFileError"]
__version__ = "0.1.0"

# Where each name of the API is made. They are imported when first asked for: the command's
# entry point (cleaner.command) loads only this package before it can take Ctrl-C as the run
# does, and PageError's module loads lxml, which a run of text alone never needs.
_LAZY = {"Cleaner": "cleaner.pipeline", "RuleFileError": "cleaner.rulefile",
         "PageError": "cleaner.html_load"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
