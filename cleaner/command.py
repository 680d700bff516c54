"""The `cleaner` command's entry point: Ctrl-C while the program loads ends it as it ends a run."""

from __future__ import annotations

import sys


def main() -> int:
    """Load the command line and run it. (Ctrl-C in the fifth of a second the modules take to
    load printed a traceback; once loaded, cli.main takes it.)"""
    try:
        from cleaner.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("cleaner: interrupted\n")
        return 130
    return run()
