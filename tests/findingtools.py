"""Helpers shared by the tests that assert what a fact-checker expects of a corpus."""

from __future__ import annotations

from checks.findings import Finding


def claims_of(f: Finding) -> set[str]:
    return {f"{c.source}#{c.claim}" for c in f.claims}


def by_rule(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in found if f.rule == rule]


def involving(found: list[Finding], rule: str, claim: str) -> list[Finding]:
    return [f for f in by_rule(found, rule) if claim in claims_of(f)]


def stage_errors(found: list[Finding]) -> list[tuple[str, str]]:
    """Load, schema and integrity errors: a fixture corpus must have none."""
    return [(f.rule, f.message) for f in found
            if f.category in ("load", "schema", "integrity") and f.severity.value == "error"]
