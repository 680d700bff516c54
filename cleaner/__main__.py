"""`python -m cleaner`: the `cleaner` command, for environments without the script on PATH."""

import sys

from cleaner.command import main

sys.exit(main())
