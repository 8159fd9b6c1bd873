"""Reporters: one interface, a name -> reporter table, no format switches."""

from __future__ import annotations

from typing import Protocol

from ..pipeline import RunResult
from .jsonfmt import JsonReporter
from .text import TextReporter


class Reporter(Protocol):
    name: str
    description: str

    def render(self, result: RunResult) -> str: ...


REPORTERS: dict[str, Reporter] = {r.name: r for r in (TextReporter(), JsonReporter())}
