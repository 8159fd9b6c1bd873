"""Helpers shared by the tests that assert what a fact-checker expects of a corpus."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute


def claims_of(f: Finding) -> set[str]:
    return {f"{c.source}#{c.claim}" for c in f.claims}


def by_rule(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in found if f.rule == rule]


def names_all(found: list[Finding], rule: str, *claims: str) -> bool:
    """Whether one finding of ``rule`` names all of ``claims``."""
    return any(f.rule == rule and set(claims) <= claims_of(f) for f in found)


def names_across(found: list[Finding], rule: str, ours: set[str], others: set[str]) -> bool:
    """Whether one finding of ``rule`` names one of ``ours`` and one of ``others``."""
    return any(f.rule == rule and claims_of(f) & ours and claims_of(f) & others for f in found)


def involving(found: list[Finding], rule: str, claim: str) -> list[Finding]:
    return [f for f in by_rule(found, rule) if claim in claims_of(f)]


def stage_errors(found: list[Finding]) -> list[tuple[str, str]]:
    """Load, schema and integrity errors: a fixture corpus must have none."""
    return [(f.rule, f.message) for f in found
            if f.category in ("load", "schema", "integrity") and f.severity.value == "error"]


def findings_of(fixture: Path) -> list[Finding]:
    """Every finding of a probe's corpus (``fixture/facts``) under the default configuration."""
    config = Config()
    return execute([fixture / "facts"], fixture, config, select(config)).findings


def probe_findings(fixture: Path) -> Callable[[], list[Finding]]:
    """A probe module's ``found`` fixture (module-scoped): the findings of ``fixture``,
    computed once for all the module's assertions. A fixture corpus with a load, schema
    or integrity error fails every test of its module: its findings would prove nothing."""

    @pytest.fixture(scope="module")
    def found() -> list[Finding]:
        found = findings_of(fixture)
        assert stage_errors(found) == [], f"{fixture.name}: the probe's records do not validate"
        return found

    return found


Edit = tuple[str, str, str]  # record, text, replacement


def variant_findings(fixture: Path, tmp: Path, edits: list[Edit]) -> list[Finding]:
    """The findings of a copy of ``fixture`` with each edit applied once to its record (a
    curator's other reasonable choice); an edit that does not apply, or a variant that
    does not load and validate, fails the test rather than measuring nothing."""
    shutil.copytree(fixture, tmp, dirs_exist_ok=True)
    for record, old, new in edits:
        path = tmp / "facts" / f"{record}.yaml"
        text = path.read_text("utf-8")
        assert old in text, f"variant edit does not apply: {old!r}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    found = findings_of(tmp)
    assert stage_errors(found) == []
    return found
