"""A review lists the claims it saw; a new outlet's claim joining the reviewed
disagreement makes the finding count again (T004) instead of passing unread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checks.config import Config
from checks.engine import select
from checks.pipeline import RunResult, execute
from checks.triage import apply
from tests.rulecases import materialise


def claim(cid: str, who: str, stance: str) -> dict[str, Any]:
    return {"id": cid, "evidence": f"{who} spoke ({stance}).", "by": {"speaker": who},
            "says": {"subject": "northland", "predicate": "request-talks", "object": "southland",
                     "stance": stance}}


def run(root: Path) -> RunResult:
    config = Config()
    result = execute([root / "facts"], root, config, select(config), fail_on="error")
    apply(result, config, today="2026-11-22", complete=True)
    return result


def review(root: Path, fingerprint: str, claims: list[str]) -> None:
    entry = {"fingerprint": fingerprint, "verdict": "expected-disagreement",
             "reason": "the parties disagree", "reviewer": "t", "date": "2026-11-22",
             "claims": claims}
    YAML(typ="safe", pure=True).dump({"reviews": [entry]}, root / "facts" / "reviews.yaml")


def test_a_new_claim_joining_a_reviewed_contradiction_counts_again(tmp_path: Path) -> None:
    sources = [{"id": "a", "claims": [claim("c1", "alpha", "asserts")]},
               {"id": "b", "claims": [claim("c1", "beta", "denies")]}]
    materialise({"sources": sources}, tmp_path)
    first = [f for f in run(tmp_path).findings if f.rule == "C101"]
    assert len(first) == 1
    review(tmp_path, first[0].fingerprint, ["a#c1", "b#c1"])
    reviewed = run(tmp_path)
    assert reviewed.is_reviewed(first[0]) and not reviewed.failed

    sources.append({"id": "c", "claims": [claim("c1", "gamma", "denies")]})
    materialise({"sources": sources}, tmp_path)
    review(tmp_path, first[0].fingerprint, ["a#c1", "b#c1"])
    grown = run(tmp_path)
    conflict = [f for f in grown.findings if f.rule == "C101"]
    assert [f.fingerprint for f in conflict] == [first[0].fingerprint]  # the same finding...
    assert not grown.is_reviewed(conflict[0]) and grown.failed  # ...no longer covered
    outgrown = [f for f in grown.findings if f.rule == "T004"]
    assert len(outgrown) == 1 and "c#c1" in outgrown[0].message
    assert outgrown[0].location.path == "facts/reviews.yaml" and outgrown[0].location.line > 1


def test_a_review_without_claims_keeps_covering_the_finding(tmp_path: Path) -> None:
    sources = [{"id": "a", "claims": [claim("c1", "alpha", "asserts")]},
               {"id": "b", "claims": [claim("c1", "beta", "denies")]},
               {"id": "c", "claims": [claim("c1", "gamma", "denies")]}]
    materialise({"sources": sources}, tmp_path)
    fp = next(f.fingerprint for f in run(tmp_path).findings if f.rule == "C101")
    review(tmp_path, fp, [])
    result = run(tmp_path)
    assert not [f for f in result.findings if f.rule == "T004"] and not result.failed


def test_diff_gate_sees_the_grown_finding(tmp_path: Path) -> None:
    """The grown finding keeps its fingerprint (so it is not 'new'); T004 is what a
    pull-request gate on new findings sees, so it must fail the run by default."""
    from checks.engine import registry

    assert registry()["T004"].severity.value == "error"


@pytest.mark.parametrize("newcomer", ["c", "z"])
def test_the_review_follows_its_disagreement_whatever_the_new_source_is_called(
        tmp_path: Path, newcomer: str) -> None:
    """An aggregated finding names whichever claims come first in corpus order; a new
    source sorting before them ('c' before 'm') must not turn the reviewed disagreement
    into a new, unreviewed one with its review called stale (T001)."""
    sources = [{"id": "m", "claims": [claim("c1", "alpha", "asserts")]},
               {"id": "n", "claims": [claim("c1", "beta", "denies")]}]
    materialise({"sources": sources}, tmp_path)
    first = [f for f in run(tmp_path).findings if f.rule == "C101"]
    assert len(first) == 1

    sources.append({"id": newcomer, "claims": [claim("c1", "gamma", "denies")]})
    materialise({"sources": sources}, tmp_path)
    review(tmp_path, first[0].fingerprint, ["m#c1", "n#c1"])
    grown = run(tmp_path)
    assert [f.fingerprint for f in grown.findings if f.rule == "C101"] == [first[0].fingerprint]
    assert [f.rule for f in grown.findings if f.rule.startswith("T")] == ["T004"]
