"""The fact model: defaults, cross-field rules, dates as text."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from checks.model import Claim, Mode, Part, Published, Quantity, Record, Stance, detect_kind

SOURCE = {
    "id": "s", "outlet": "o", "url": "https://example.org/a", "headline": "H",
    "published": {"date": "2021-04-12"},
    "text": {"path": "texts/s.txt", "sha256": "0" * 64},
}


def test_minimal_claim_gets_sensible_defaults() -> None:
    claim = Claim.model_validate({"id": "c", "evidence": "words", "says": {"subject": "x",
                                                                           "predicate": "p"}})
    assert claim.part is Part.body
    assert claim.by.mode is Mode.own_voice and claim.by.speaker is None
    assert claim.says.stance is Stance.asserts and claim.says.negated is False
    assert claim.excerpts == ("words",)
    assert claim.says.key == ("x", "p", "")


def test_evidence_list_and_time_shorthand() -> None:
    claim = Claim.model_validate({"id": "c", "evidence": ["a", "b"], "when": "on Monday",
                                  "by": {"speaker": "x", "as": "X", "said": {"text": "today",
                                                                             "date": "2021-04-12"}},
                                  "says": {"subject": "x", "predicate": "p"}})
    assert claim.excerpts == ("a", "b")
    assert claim.event_time is not None and claim.event_time.text == "on Monday"
    assert claim.said_time is not None and claim.said_time.date == "2021-04-12"
    assert claim.by.as_ == "X"


def test_time_words_read_as_one_shared_spec() -> None:
    """The date rules ask every claim for its times several times over: equal words give
    one frozen TimeSpec, not a new model per question (140,000 at 1,000 articles)."""
    def claim(cid: str) -> Claim:
        return Claim.model_validate({"id": cid, "evidence": "e", "when": "".join(["on ", "Monday"]),
                                     "by": {"speaker": "x", "said": "yesterday"},
                                     "says": {"subject": "x", "predicate": "p"}})
    a, b = claim("a"), claim("b")
    assert a.when == b.when and a.when is not b.when
    assert a.event_time is b.event_time is a.event_time
    assert a.said_time is b.said_time
    assert a.event_time is not None and a.event_time.text == "on Monday"
    assert a.event_time.date is None and a.event_time.start is None


@pytest.mark.parametrize("quantity", [
    {"value": 1, "unit": "u"}, {"cmp": "range", "min": 1, "max": 2, "unit": "u"},
    {"value": 40000, "cmp": "gt", "unit": "troops", "scope": ["a", "b"], "each": True},
])
def test_valid_quantities(quantity: dict[str, object]) -> None:
    Quantity.model_validate(quantity)


@pytest.mark.parametrize("quantity", [
    {"unit": "u"}, {"cmp": "range", "min": 1, "unit": "u"}, {"value": 1},
    {"value": "many", "unit": "u"}, {"value": 1, "unit": "u", "cmp": "roughly"},
])
def test_invalid_quantities(quantity: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Quantity.model_validate(quantity)


def test_published_date_needed_unless_unknown() -> None:
    Published.model_validate({"known": "unknown"})
    with pytest.raises(ValidationError):
        Published.model_validate({"known": "inferred"})


@pytest.mark.parametrize("date", ["2021-02-30", "2021-13-01", "21-04-12", "April 12"])
def test_dates_must_exist(date: str) -> None:
    with pytest.raises(ValidationError):
        Published.model_validate({"date": date})


def test_models_are_frozen_and_strict() -> None:
    record = Record.model_validate({"source": SOURCE, "claims": []})
    with pytest.raises(ValidationError):
        record.source.id = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Record.model_validate({"source": SOURCE, "claims": [], "extra": 1})


def test_detect_kind() -> None:
    assert detect_kind({"source": {}}) == "record"
    assert detect_kind({"entities": []}) == "entities"
    assert detect_kind({"predicates": []}) == "vocabulary"
    assert detect_kind([1]) is None and detect_kind({"x": 1}) is None
