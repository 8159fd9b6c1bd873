"""The JSON report document, defined once; its schema is generated into
``schemas/report.schema.json``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .findings import Finding

REPORT_VERSION = 1


class SeverityCounts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    error: int = 0
    warning: int = 0
    info: int = 0


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    files: int = Field(description="Fact files read.")
    sources: int = Field(description="Articles (records) loaded.")
    claims: int = Field(description="Claims loaded.")
    entities: int = Field(description="Registered entities.")
    predicates: int = Field(description="Vocabulary predicates.")
    findings: SeverityCounts = Field(description="Findings by severity.")
    total: int = Field(description="All findings.")
    fail_on: str = Field(description="Lowest severity that fails the run.")
    failed: bool = Field(description="Whether the run fails (exit code 1).")


class Report(BaseModel):
    """The fact-checks JSON report."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int = Field(REPORT_VERSION, description="Report format version.")
    tool: str = Field("fact-checks", description="Producer.")
    summary: Summary
    findings: tuple[Finding, ...]


def report_schemas() -> dict[str, dict[str, Any]]:
    schema = Report.model_json_schema(mode="serialization")
    return {"report.schema.json": {"$schema": "https://json-schema.org/draft/2020-12/schema",
                                   "$id": "https://fact-checks.invalid/schemas/report.schema.json",
                                   **schema}}
