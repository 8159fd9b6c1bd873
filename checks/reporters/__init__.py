"""Reporters: one interface and a name -> reporter table, no format switches.

Each module in this package defines ``REPORTER``, an object with ``name``,
``description`` and ``render(result) -> str``. They are discovered here.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Protocol

from ..pipeline import RunResult


class Reporter(Protocol):
    """``render`` gives the report; a reporter may also define ``write(result, path)``
    (write it to a file without holding it whole) and ``needs_corpus = True`` (it
    reads every claim, so a re-check cannot answer it from stored findings)."""

    name: str
    description: str

    def render(self, result: RunResult) -> str: ...


def _discover() -> dict[str, Reporter]:
    table: dict[str, Reporter] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            reporter = getattr(module, "REPORTER", None)
            if reporter is not None:
                table[reporter.name] = reporter
    return table


REPORTERS: dict[str, Reporter] = _discover()
