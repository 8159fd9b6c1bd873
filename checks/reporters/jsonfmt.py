"""The JSON report (schema: ``schemas/report.schema.json``)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from .. import atomic
from ..pipeline import RunResult


class JsonReporter:
    name = "json"
    description = "a JSON document with 'summary' and 'findings' (schemas/report.schema.json)"

    def render(self, result: RunResult) -> str:
        return result.report_json(indent=2) + "\n"

    def write(self, result: RunResult, path: Path) -> None:
        """Write the report to a file without holding it whole (a re-check copies most of
        it from the stored report)."""
        def fill(fh: BinaryIO) -> None:
            result.write_report_json(fh)
            fh.write(b"\n")

        atomic.write(path, fill, durable=False)
REPORTER = JsonReporter()
