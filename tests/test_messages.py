"""Finding messages read as sentences (every stance, plain or negated, after a speaker),
and a record that does not validate says that it is left out of the run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.config import Config
from checks.engine import select
from checks.model import Proposition, Stance
from checks.pipeline import RunResult, execute
from checks.reporters.text import TextReporter
from checks.rules._common import stance_phrase
from tests.rulecases import run_case

PHRASES = {
    (Stance.asserts, False): "says so",
    (Stance.asserts, True): "says it is not so",
    (Stance.denies, False): "denies it",
    (Stance.denies, True): "denies that it is not so",
    (Stance.not_aware, False): "says they are not aware of it",
    (Stance.not_aware, True): "says they are not aware that it is not so",
    (Stance.hopes, False): "hopes so",
    (Stance.hopes, True): "hopes it is not so",
    (Stance.expects, False): "expects so",
    (Stance.expects, True): "expects it is not so",
    (Stance.suggests, False): "suggests so",
    (Stance.suggests, True): "suggests it is not so",
    (Stance.fears, False): "fears so",
    (Stance.fears, True): "fears it is not so",
}


def test_every_stance_has_both_phrases() -> None:
    assert set(PHRASES) == {(s, n) for s in Stance for n in (False, True)}


@pytest.mark.parametrize(("stance", "negated"), sorted(PHRASES, key=str))
def test_stance_phrase(stance: Stance, negated: bool) -> None:
    says = Proposition(subject="x", predicate="p", stance=stance, negated=negated)
    assert stance_phrase(says) == PHRASES[(stance, negated)]


# ------------------------------------------------- a record that does not validate

RECORD = "facts/rbt-2021-04-12-putin-wont-talk.yaml"
LEFT_OUT = ("(until the record validates, its claims are left out: no rule checks them or "
            "compares them with other records)")


def _run(root: Path) -> RunResult:
    config = Config()
    return execute([root / "facts"], root, config, select(config), cache=False)


def _replace(root: Path, old: str, new: str) -> None:
    path = root / RECORD
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(("old", "new", "said"), [
    ("negated: true", "negated: maybe", "expected true or false"),  # the JSON Schema's
    ("{value: 40000, cmp: gt", "{min: 14000, max: 1, cmp: range", "larger than 'max'"),  # the model's
])
def test_schema_error_says_the_record_is_left_out(seed_repo: Path, old: str, new: str,
                                                   said: str) -> None:
    _replace(seed_repo, old, new)
    result = _run(seed_repo)
    (hit,) = [f for f in result.findings if f.rule == "S001"]
    assert said in hit.message and hit.message.endswith(LEFT_OUT)
    # What it warns of: no finding involves any of the record's claims any more.
    assert not [f.rule for f in result.findings for c in f.claims if c.path == RECORD]
    summary = TextReporter().render(result).splitlines()[-1]
    assert summary.endswith("; 1 file left out until it loads and validates (fail-on error)")


def test_summary_counts_each_left_out_file_once(seed_repo: Path) -> None:
    _replace(seed_repo, "negated: true", "negated: maybe")
    _replace(seed_repo, "negated: true", "negated: perhaps")
    (seed_repo / "facts" / "broken.yaml").write_text("source: [unclosed\n", "utf-8")
    result = _run(seed_repo)
    assert len([f for f in result.findings if f.rule == "S001"]) == 2
    summary = TextReporter().render(result).splitlines()[-1]
    assert "; 2 files left out until they load and validate (fail-on" in summary


def test_summary_without_left_out_files_does_not_mention_them(seed_repo: Path) -> None:
    summary = TextReporter().render(_run(seed_repo)).splitlines()[-1]
    assert ": 2 sources, " in summary and "left out" not in summary


# ------------------------------------------ conflict messages: the named claims' times


def _gap_case(asserted: dict[str, Any], unaware: dict[str, Any]) -> dict[str, Any]:
    """A knowledge gap: a#c1 asserts a request, b#c1 is not aware of one; each claim's
    time fields given."""
    says = {"subject": "northland", "predicate": "request-talks", "object": "beta"}
    return {"sources": [
        {"id": "a", "claims": [{"id": "c1", "evidence": "Alpha said a request was made.",
                                "by": {"speaker": "alpha", **asserted.get("by", {})},
                                "says": says, **asserted.get("claim", {})}]},
        {"id": "b", "claims": [{"id": "c1", "evidence": "Beta said he was not aware of it.",
                                "by": {"speaker": "beta", **unaware.get("by", {})},
                                "says": {**says, "stance": "not-aware"},
                                **unaware.get("claim", {})}]}]}


def _gap_message(tmp_path: Path, asserted: dict[str, Any], unaware: dict[str, Any]) -> str:
    _, found = run_case(_gap_case(asserted, unaware), "C102", tmp_path)
    (hit,) = found
    return hit.message


def test_a_conflict_message_shows_the_named_claims_times_when_they_differ(
        tmp_path: Path) -> None:
    """A request sent in one week and a speaker who has not seen one 'in recent days':
    the gap between the times may reconcile the two, so the message shows both."""
    message = _gap_message(tmp_path, {"claim": {"when": "last week"}},
                           {"claim": {"when": "in recent days"}})
    assert message.endswith(
        "Anna Alpha (a#c1) says so 'last week' (2021-04-05..2021-04-11), Boris Beta (b#c1) "
        "says they are not aware of it 'in recent days' (2021-04-05..2021-04-12)")


def test_a_conflict_message_shows_no_times_when_they_are_one(tmp_path: Path) -> None:
    message = _gap_message(tmp_path, {"by": {"said": "on Monday"}},
                           {"by": {"said": "on Monday"}})
    assert message.endswith("Anna Alpha (a#c1) says so, Boris Beta (b#c1) says they are not "
                            "aware of it")


def test_an_undated_claim_beside_a_dated_one_shows_its_publication_day(
        tmp_path: Path) -> None:
    message = _gap_message(tmp_path, {}, {"by": {"said": "on Sunday"}})
    assert "says so (no time of its own, published 2021-04-12)" in message
    assert "says they are not aware of it (said 'on Sunday', 2021-04-11)" in message
