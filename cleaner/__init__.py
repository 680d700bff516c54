"""cleaner: rule-driven cleaning of raw news dumps into clean, structured records."""

from cleaner.pipeline import Cleaner
from cleaner.rulefile import RuleFileError

__all__ = ["Cleaner", "PageError", "RuleFileError"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # PageError is HTML's (Cleaner.clean_html raises it); its module loads lxml, which a run
    # of text alone never needs, so it is imported when first asked for.
    if name == "PageError":
        from cleaner.html_load import PageError
        return PageError
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
