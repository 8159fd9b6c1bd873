"""``quantity.supersedes`` names earlier figures of the same record and measure that a
later figure updates (a live blog's later post): anything else updates nothing and is a
located error at the id (I015); the earlier figure is then left out of Q201/Q202."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute
from tests.rulecases import materialise

TOLL = {"subject": "northland", "predicate": "killed"}


def _claim(cid: str, value: int, evidence: str, says: dict[str, Any] = TOLL,
           **quantity: Any) -> dict[str, Any]:
    return {"id": cid, "evidence": evidence, "says": says, "when": "this year",
            "quantity": {"value": value, "unit": "soldiers", **quantity}}


def _run(tmp_path: Path, claims: list[dict[str, Any]]) -> list[Finding]:
    materialise({"sources": [{"id": "a", "claims": claims}]}, tmp_path)
    config = Config()
    return execute([tmp_path / "facts"], tmp_path, config, select(config),
                   fail_on="error").findings


def _of(found: list[Finding], code: str) -> list[Finding]:
    return [f for f in found if f.rule == code]


MORNING = _claim("toll-morning", 27, "27 soldiers have been killed this year.")


@pytest.mark.parametrize(("later", "why"), [
    (_claim("toll-evening", 28, "The toll rose to 28.", supersedes=["toll-mornin"]),
     "this record does not have it (did you mean 'toll-morning'?)"),
    (_claim("toll-evening", 28, "The toll rose to 28.", supersedes=["toll-evening"]),
     "it is this claim itself"),
    (_claim("toll-evening", 28, "The toll rose to 28.", supersedes=["no-figure"]),
     "it gives no figure"),
    (_claim("toll-evening", 28, "The toll rose to 28.", supersedes=["toll-morning"],
            unit="people"), "another measure"),
    (_claim("toll-evening", 28, "The toll rose to 28.", {"subject": "southland",
                                                         "predicate": "killed"},
            supersedes=["toll-morning"]), "another measure"),
])
def test_a_figure_that_updates_no_earlier_figure_is_located_at_the_id(
        tmp_path: Path, later: dict[str, Any], why: str) -> None:
    other = {"id": "no-figure", "evidence": "Northland requested talks.",
             "says": {"subject": "northland", "predicate": "request-talks"}}
    found = _run(tmp_path, [MORNING, later, other])
    [hit] = _of(found, "I015")
    assert hit.severity.value == "error" and hit.category == "integrity"
    assert why in hit.message and "'supersedes'" in (hit.fix or "")
    assert hit.location.pointer == "/claims/1/quantity/supersedes/0"


def test_an_update_of_the_record_s_earlier_figure_is_silent_and_not_compared(
        tmp_path: Path) -> None:
    later = _claim("toll-evening", 28, "The toll rose to 28.", supersedes=["toll-morning"])
    found = _run(tmp_path, [MORNING, later])
    assert _of(found, "I015") == [] and _of(found, "Q202") == []
    # Without the update, the two figures of one period are a discrepancy.
    plain = _claim("toll-evening", 28, "The toll rose to 28.")
    assert len(_of(_run(tmp_path / "plain", [MORNING, plain]), "Q202")) == 1



def test_an_update_of_another_measure_leaves_the_figure_to_e102(tmp_path: Path) -> None:
    """E102 and H701 read updates over the whole corpus, not a measure's block: an update
    naming a figure of another measure (I015) updates nothing there either, as in Q201-Q203
    and R801, so b's 36 soldiers still repeats a's withdrawn 36."""
    corrected = {"id": "a", "published": "2021-04-13", "claims": [
        _claim("c1", 26, "At least 26 soldiers have been killed this year.", cmp="ge")],
        "corrections": [{"evidence": "It is at least 26, not 36.", "corrects": ["c1"],
                         "withdrawn": {"words": "36", "value": 36}}]}
    old = _claim("c1", 36, "Thirty-six soldiers have been killed this year.")
    case: dict[str, Any] = {"sources": [corrected, {"id": "b", "published": "2021-04-15",
                                                    "claims": [old]}]}
    for unit, fires in (("soldiers", False), ("people", True)):
        later = _claim("c2", 26, "The toll is now 26.", unit=unit, supersedes=["c1"])
        case["sources"][1]["claims"] = [old, later]
        where = tmp_path / unit
        materialise(case, where)
        found = execute([where / "facts"], where, Config(), select(Config()),
                        fail_on="error").findings
        assert bool(_of(found, "I015")) is fires
        assert [f.focus for f in _of(found, "E102")] == (["b#c1"] if fires else [])
