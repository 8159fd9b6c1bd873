"""The JSON report (schema: ``schemas/report.schema.json``)."""

from __future__ import annotations

from ..pipeline import RunResult


class JsonReporter:
    name = "json"
    description = "a JSON document with 'summary' and 'findings' (schemas/report.schema.json)"

    def render(self, result: RunResult) -> str:
        return result.report_json(indent=2) + "\n"
REPORTER = JsonReporter()
