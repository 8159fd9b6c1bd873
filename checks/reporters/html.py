"""The HTML discrepancy report as one self-contained file (``--format html``)."""

from __future__ import annotations

from pathlib import Path

from .. import atomic
from ..htmlreport import render, write
from ..pipeline import RunResult


class HtmlReporter:
    name = "html"
    description = "a self-contained HTML discrepancy report (also: the 'report' command)"
    needs_corpus = True  # it shows every claim of a proposition, not only the findings'

    def render(self, result: RunResult) -> str:
        return render(result)

    def write(self, result: RunResult, path: Path) -> None:
        """Write the page to a file piece by piece, never holding it whole."""
        atomic.write(path, lambda fh: write(result, fh), durable=False)


REPORTER = HtmlReporter()
