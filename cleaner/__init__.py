"""cleaner: rule-driven cleaning of raw news dumps into clean, structured records."""

from cleaner.pipeline import Cleaner
from cleaner.rulefile import RuleFileError

__all__ = ["Cleaner", "RuleFileError"]
__version__ = "0.1.0"
