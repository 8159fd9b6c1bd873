"""`recall` counts every curated claim's speaker: right, wrong or no guess (see
checks.recall), own-voice claims included; the counts are what a change to the
extractor is measured by."""

from __future__ import annotations

from typing import Any

from checks.model import Claim
from checks.recall import Recall, _count_speaker

TEXT = "Kovacs met Okafor on Monday. The port was closed, Okafor said. Rain fell."


def _claim(evidence: str, by: dict[str, Any] | None = None) -> Claim:
    data: dict[str, Any] = {"id": "c", "evidence": evidence,
                            "says": {"subject": "kovacs", "predicate": "meet"}}
    if by is not None:
        data["by"] = by
    return Claim.model_validate(data)


def _count(claim: Claim, drafts: list[dict[str, Any]]) -> tuple[int, int, int]:
    row = Recall(source="x")
    _count_speaker(row, TEXT, claim, drafts)
    return row.speaker_right, row.speaker_wrong, row.speaker_none


OWN = {"evidence": "Kovacs met Okafor on Monday."}
SAID = {"evidence": "The port was closed, Okafor said.",
        "by": {"speaker": "okafor", "as": "Okafor", "mode": "paraphrase"}}
UNFOUND = {"evidence": "The port was closed, Okafor said.", "by": {"as": "x", "mode": "vague"}}


def test_an_own_voice_claim_is_right_only_with_a_draft_in_the_outlets_voice() -> None:
    claim = _claim("Kovacs met Okafor on Monday")
    assert _count(claim, [OWN]) == (1, 0, 0)
    assert _count(claim, [{**OWN, "by": SAID["by"]}]) == (0, 1, 0)
    assert _count(claim, [SAID]) == (0, 0, 1)  # no draft on its words


def test_an_attributed_claim_needs_its_speaker() -> None:
    claim = _claim("The port was closed", {"speaker": "okafor", "mode": "paraphrase"})
    assert _count(claim, [SAID]) == (1, 0, 0)
    assert _count(claim, [UNFOUND]) == (0, 1, 0)
    assert _count(claim, [{"evidence": "The port was closed, Okafor said."}]) == (0, 1, 0)
    assert _count(claim, [OWN]) == (0, 0, 1)


def test_a_figure_in_another_spelling_of_its_unit_is_recovered() -> None:
    """Xinhua's 'three airborne formations' was drafted with unit airborne-formations, the
    curated claim has airborne-units (the vocabulary lists the one under the other) and
    recall counted the figure missed; units are compared as the rules compare them."""
    from checks.recall import _same_figure
    claim = Claim.model_validate({
        "id": "c", "evidence": "three airborne formations",
        "says": {"subject": "kovacs", "predicate": "deploy-units"},
        "quantity": {"value": 3, "unit": "airborne-units"}})
    draft = {"quantity": {"value": 3, "unit": "airborne-formations"}}
    listed = {"airborne-units": "airborne-units", "airborne-formations": "airborne-units"}
    assert _same_figure(claim, draft, lambda u: listed.get(u, u))
    assert not _same_figure(claim, {"quantity": {"value": 4, "unit": "airborne-formations"}},
                            lambda u: listed.get(u, u))
    assert not _same_figure(claim, draft)  # spellings alone differ
