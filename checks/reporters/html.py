"""The HTML discrepancy report as one self-contained file (``--format html``)."""

from __future__ import annotations

from ..htmlreport import render
from ..pipeline import RunResult


class HtmlReporter:
    name = "html"
    description = "a self-contained HTML discrepancy report (also: the 'report' command)"
    needs_corpus = True  # it shows every claim of a proposition, not only the findings'

    def render(self, result: RunResult) -> str:
        return render(result)


REPORTER = HtmlReporter()
