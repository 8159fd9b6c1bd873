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


class ReviewInfo(BaseModel):
    """The review a finding matched in facts/reviews.yaml."""

    model_config = ConfigDict(frozen=True, extra="allow")
    verdict: str = Field(description="expected-disagreement, source-error, record-error, false-alarm.")
    reason: str = Field(description="Why, in the reviewer's words.")


class ReportFinding(Finding):
    """A finding as reported: with its review status."""

    status: str = Field("new", description="'new', or 'reviewed' when a review matched it.")
    review: ReviewInfo | None = Field(None, description="The matching review, if any.")


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    files: int = Field(description="Fact files read.")
    sources: int = Field(description="Articles (records) loaded.")
    claims: int = Field(description="Claims loaded.")
    entities: int = Field(description="Registered entities.")
    predicates: int = Field(description="Vocabulary predicates.")
    findings: SeverityCounts = Field(description="Findings by severity.")
    total: int = Field(description="All findings.")
    reviewed: int = Field(0, description="Findings a review matched (they do not fail the run).")
    fail_on: str = Field(description="Lowest severity that fails the run.")
    failed: bool = Field(description="Whether the run fails (exit code 1).")


class Report(BaseModel):
    """The fact-checks JSON report."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int = Field(REPORT_VERSION, description="Report format version.")
    tool: str = Field("fact-checks", description="Producer.")
    summary: Summary
    findings: tuple[ReportFinding, ...]


def report_schemas() -> dict[str, dict[str, Any]]:
    schema = Report.model_json_schema(mode="serialization")
    return {"report.schema.json": {"$schema": "https://json-schema.org/draft/2020-12/schema",
                                   "$id": "https://fact-checks.invalid/schemas/report.schema.json",
                                   **schema}}
