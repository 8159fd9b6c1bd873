"""Every rule's named cases (tests/rule_cases/<CODE>.yaml), parametrised in
one place: ``pytest -k C101`` selects one rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.engine import registry
from tests.rulecases import load_cases, matches, run_case

CASES = load_cases()
RULES = {code: spec for code, spec in registry().items() if spec.check is not None}


def test_cases_were_found() -> None:
    # A glob that silently matches nothing must not pass as "all cases passed".
    assert len(CASES) >= 2 * len(RULES) > 0


@pytest.mark.parametrize(("rule", "name", "case"), CASES, ids=[f"{r}-{n}" for r, n, _ in CASES])
def test_rule_case(rule: str, name: str, case: dict[str, Any], tmp_path: Path) -> None:
    result, found = run_case(case, rule, tmp_path)
    stage = [f for f in result.findings if f.category in ("load", "schema", "integrity")
             and f.severity.value == "error"]
    assert not stage, f"case data is invalid: {[(f.rule, f.message) for f in stage]}"
    expected = case["expect"]
    described = [(f.message, [c.claim for c in f.claims], f.values) for f in found]
    assert len(found) == len(expected), f"expected {len(expected)} findings, got {described}"
    for want in expected:
        assert any(matches(f, want) for f in found), f"no finding matches {want}: {described}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented_and_cased_both_ways(code: str) -> None:
    spec = RULES[code]
    doc = spec.doc
    assert spec.summary and len(spec.summary) < 100, "docstring needs a one-line summary"
    for heading in ("Fires", "Silent"):
        assert heading in doc, f"docstring of {code} lacks a '{heading}' example"
    mine = [case for rule, _, case in CASES if rule == code]
    assert any(case["expect"] for case in mine), f"{code} has no firing case"
    assert any(not case["expect"] for case in mine), f"{code} has no silent case"
