"""``github`` annotations inside GitHub Actions (``GITHUB_ACTIONS=true``), else ``text``."""

from __future__ import annotations

import os

from ..pipeline import RunResult
from .github import REPORTER as GITHUB
from .text import REPORTER as TEXT


class AutoReporter:
    name = "auto"
    description = "github inside GitHub Actions, text elsewhere"

    def render(self, result: RunResult) -> str:
        inside = os.environ.get("GITHUB_ACTIONS") == "true"
        return (GITHUB if inside else TEXT).render(result)


REPORTER = AutoReporter()
