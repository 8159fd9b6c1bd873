"""Finding messages read as sentences: every stance, plain or negated, after a speaker."""

from __future__ import annotations

import pytest

from checks.model import Proposition, Stance
from checks.rules._common import stance_phrase

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
