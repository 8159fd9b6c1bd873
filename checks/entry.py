"""Where ``fact-checks`` and ``python -m checks`` start: before the harness's modules.

Ctrl-C while they import (a second or more on a cold start) ended in a Python traceback
through the import machinery; the run's own Ctrl-C is said in one line (``cli.main``).
This module imports nothing of the harness until it is inside the handler, so an
interrupt at any point of the start is said the same way and exits 2 as any other
interrupted run."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

EXIT_ERROR = 2


def main_exit() -> NoReturn:
    try:
        from .cli import main_exit as run

        run()
    except KeyboardInterrupt:
        _interrupted()


def _interrupted() -> NoReturn:
    """Said on stderr (if it is open) and exit 2: the interrupt came before the run
    or after it (while the streams were flushed); a report is replaced whole or not
    at all (``checks.atomic``), so nothing is half written either way."""
    try:
        if sys.stderr is not None:
            sys.stderr.write("fact-checks: interrupted; nothing was left half written (each "
                             "file is replaced whole or not at all)\n")
            sys.stderr.flush()
    except (OSError, ValueError):  # a reader that went away: the exit code still tells
        pass
    os._exit(EXIT_ERROR)
