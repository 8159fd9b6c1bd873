"""Units by regular inflection: one unit's singular and plural share a key, and the
singular a message prints after '1' is a word or the plural kept as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.units import plural, singular


@pytest.mark.parametrize(("word", "one"), [
    ("soldiers", "soldier"), ("troops", "troop"), ("tonnes", "tonne"), ("vehicles", "vehicle"),
    ("boxes", "box"), ("inches", "inch"), ("matches", "match"), ("dishes", "dish"),
    ("kms", "km"), ("battalion-tactical-groups", "battalion-tactical-group"),
])
def test_singular_of_a_regular_plural(word: str, one: str) -> None:
    assert singular(word) == one


@pytest.mark.parametrize("word", [
    # a plural of two possible singulars: sortie + s or sorty + ies, size + s or siz + es
    "sorties", "casualties", "species", "series", "buses", "sizes", "caches", "glasses", "axes",
    # not plurals: short, -ss, -us, -is
    "s", "gas", "yes", "glass", "census", "crisis", "people",
])
def test_singular_keeps_the_plural_when_in_doubt(word: str) -> None:
    assert singular(word) == word


def test_gas_and_gases_are_one_unit_and_ga_another() -> None:
    assert plural("gas") == plural("gases") == "gases"
    assert plural("ga") != plural("gas")


@given(st.text("abceihsxyzu", max_size=7))
def test_a_singular_is_the_same_unit_and_never_empty(word: str) -> None:
    one = singular(word)
    assert plural(one) == plural(word)
    assert one or not word
