"""What a careful fact-checker finds in the two seed articles (issue 3), and
the golden JSON report, regenerated with:

    python -m checks check --format json --fail-on none --output tests/golden/seed-report.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.cli import main
from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute
from tests.findingtools import by_rule, claims_of

REPO = Path(__file__).resolve().parent.parent
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
GOLDEN = REPO / "tests" / "golden" / "seed-report.json"


@pytest.fixture(scope="module")
def found() -> list[Finding]:
    config = Config()
    return execute([REPO / "facts"], REPO, config, select(config)).findings


def test_request_conflict_is_a_knowledge_gap_not_a_contradiction(found: list[Finding]) -> None:
    gaps = [f for f in by_rule(found, "C102")
            if f.values["proposition"] == ["ukraine-presidential-office", "request-talks", "putin"]]
    assert len(gaps) == 1
    assert {f"{RBT}#mendel-request-made", f"{RBT}#peskov-not-aware",
            f"{RFE}#peskov-not-aware", f"{RFE}#mendel-request-made"} <= claims_of(gaps[0])
    assert not [f for f in by_rule(found, "C101") if "request-talks" in f.values["proposition"]]


def test_troop_figures_scope_discrepancy_with_implied_totals(found: list[Finding]) -> None:
    scope = by_rule(found, "Q203")
    assert len(scope) == 1
    f = scope[0]
    assert claims_of(f) == {f"{RFE}#mendel-40000-troops", f"{RBT}#mendel-40000-troops"}
    assert "80,000" in f.message and "40,000" in f.message


def test_peskov_quote_variance_and_silence_on_mendel(found: list[Finding]) -> None:
    quotes = by_rule(found, "U301")
    assert len(quotes) == 1
    assert claims_of(quotes[0]) == {f"{RFE}#peskov-not-aware", f"{RBT}#peskov-not-aware"}
    assert "in recent days" in quotes[0].message and "made lately" in quotes[0].message


def test_volodomyr(found: list[Finding]) -> None:
    names = by_rule(found, "N501")
    assert len(names) == 1 and "'Volodomyr'" in names[0].message and names[0].focus.startswith(RFE)


@pytest.mark.parametrize(("rule", "claim"), [
    ("A401", f"{RFE}#data-suggests-troop-movements"),
    ("A402", f"{RFE}#analysts-test-biden"),
    ("A402", f"{RFE}#evidence-russia-aids-separatists"),
    ("A403", f"{RBT}#security-chief-kremlin-engineering-crisis"),
    ("A404", f"{RFE}#peskov-not-aware"),
    ("A404", f"{RBT}#lede-request-lodged"),
])
def test_attribution_gaps(found: list[Finding], rule: str, claim: str) -> None:
    assert any(claim in claims_of(f) for f in by_rule(found, rule)), f"{rule} misses {claim}"


def test_headline_overstatement(found: list[Finding]) -> None:
    heads = by_rule(found, "H701")
    assert [f.focus for f in heads] == [f"{RBT}#hl-putin-wont-talk"]


def test_14000_rests_on_one_chain(found: list[Finding]) -> None:
    assert any(f"{RBT}#conflict-killed-14000" in claims_of(f) for f in by_rule(found, "R801"))


def test_every_finding_is_traceable(found: list[Finding]) -> None:
    for f in found:
        assert f.message and f.location.line >= 1 and f.fingerprint
        for c in f.claims:
            assert c.evidence and c.line >= 1 and c.path.startswith("facts/")


def test_golden_report_is_current(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main(["check", "--root", str(REPO), "--format", "json", "--fail-on", "none",
                 "--output", str(out)]) == 0
    fresh = json.loads(out.read_text("utf-8"))
    golden = json.loads(GOLDEN.read_text("utf-8"))
    assert fresh == golden, ("the seed report changed; review the difference, then regenerate: "
                             "python -m checks check --format json --fail-on none "
                             "--output tests/golden/seed-report.json")


def test_json_report_matches_its_schema_and_marks_reviews() -> None:
    from jsonschema import Draft202012Validator

    from checks.schemas import committed

    data = json.loads(GOLDEN.read_text("utf-8"))
    Draft202012Validator(committed("report")).validate(data)
    statuses = {f["status"] for f in data["findings"]}
    assert statuses == {"reviewed"}, "every seed finding is reviewed in facts/reviews.yaml"
    assert data["summary"]["reviewed"] == data["summary"]["total"] and not data["summary"]["failed"]
    assert all(f["review"]["reason"] for f in data["findings"])
