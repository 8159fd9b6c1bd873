"""Units by regular inflection: one unit's singular and plural share a key, and the
singular a message prints after '1' is a word or the plural kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.units import plural, singular
from tests.test_validate_cli import run_cli


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


# ------------------------------------------------ the vocabulary's units and aliases


def _add_units(repo: Path, lines: str) -> int:
    """Replace the seed vocabulary's units list; the line the new list starts on."""
    path = repo / "facts/vocabulary.yaml"
    text = path.read_text("utf-8")
    text = text[:text.index("\nunits:\n")] + "\nunits:\n" + lines
    path.write_text(text, "utf-8")
    return text.count("\n", 0, text.index("\nunits:\n")) + 3


def test_a_spelling_listed_under_two_units_is_a_located_duplicate(seed_repo: Path) -> None:
    """'personnel' under troops and under crews would join two measures' figures."""
    first = _add_units(seed_repo, "  - {id: troops, aliases: [soldiers, personnel]}\n"
                                  "  - {id: crews, aliases: [personnel]}\n"
                                  "  - {id: soldier}\n")
    code, data, err = run_cli(seed_repo, "validate")
    assert code == 1, err
    hits = sorted((f["location"]["line"], f["location"]["column"], f["message"])
                  for f in data["findings"] if f["rule"] == "I003")
    assert hits == [
        (first + 1, 27, "unit 'personnel' is listed twice (as 'troops' already)"),
        (first + 2, 10, "unit 'soldier' is listed twice (as 'troops' already)"),
    ]


def test_a_unit_s_own_id_among_its_aliases_is_no_duplicate(seed_repo: Path) -> None:
    _add_units(seed_repo, "  - {id: troops, aliases: [troop, soldiers]}\n")
    code, data, err = run_cli(seed_repo, "validate")
    assert code == 0 and not data["findings"], err


def test_a_figure_in_an_alias_meets_the_seed_figures(seed_repo: Path) -> None:
    """The bundled vocabulary counts servicemen as troops: a new record's '14,000
    servicemen' for the places of the seeds' 'more than 40,000 troops' contradicts it."""
    record = seed_repo / "facts/rferl-2021-04-12-dialogue.yaml"
    text = record.read_text("utf-8")
    assert "unit: troops, scope: [ukraine-eastern-border, crimea]" in text
    record.write_text(text.replace("unit: troops, scope: [ukraine-eastern-border, crimea]",
                                   "unit: servicemen, scope: [ukraine-eastern-border, crimea]"),
                      "utf-8")
    code, data, err = run_cli(seed_repo, "check", "--fail-on", "none")
    assert code == 0, err
    (scope,) = [f for f in data["findings"] if f["rule"] == "Q203"]
    assert {(c["source"], c["claim"]) for c in scope["claims"]} == {
        ("rferl-2021-04-12-dialogue", "mendel-40000-troops"),
        ("rbt-2021-04-12-putin-wont-talk", "mendel-40000-troops")}
    assert scope["message"].startswith(
        "scope discrepancy for 'Russia has massed troops near / against Ukraine' (troops): ")
    # each figure in its article's own word
    assert scope["values"]["combined_figure"] == "more than 40,000 servicemen"
    assert scope["values"]["per_place"] == ["more than 40,000 troops"]
