"""A reporter's hedge on an attribution (``by.hedge``): an optional field, so every
record written before it means what it meant; when given, it is the article's words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checks.model import Claim
from tests.rulecases import run_case

HEDGED = "As I understand it, Beta says he has not heard from Alpha."


def _case(hedge: str) -> dict[str, Any]:
    claim = {"id": "c1", "evidence": HEDGED,
             "by": {"speaker": "beta", "hedge": hedge},
             "says": {"subject": "alpha", "predicate": "request-talks", "object": "beta",
                      "stance": "not-aware"}}
    return {"sources": [{"id": "a", "claims": [claim]}]}


def test_a_hedge_not_in_the_article_is_located(tmp_path: Path) -> None:
    _, found = run_case(_case("As far as I know"), "I008", tmp_path)
    assert [f.location.pointer for f in found] == ["/claims/0/by/hedge"]
    assert "hedged with 'As far as I know', which is not in the article" in found[0].message


def test_a_hedge_in_the_article_is_silent(tmp_path: Path) -> None:
    _, found = run_case(_case("As I understand it"), "I008", tmp_path)
    assert found == []


def test_a_record_without_a_hedge_means_what_it_meant() -> None:
    """Left out, the field is None and is not written back: an old record's attribution
    and its JSON are unchanged."""
    claim = Claim.model_validate({
        "id": "c1", "evidence": "Beta said so.", "by": {"speaker": "beta"},
        "says": {"subject": "alpha", "predicate": "request-talks"}})
    assert claim.by.hedge is None
    assert "hedge" not in claim.by.model_dump(exclude_none=True)
