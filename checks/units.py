"""Units of figures read by regular English inflection, without a word list.

A unit is an identifier (lower case, so case never tells two units apart); its last
part ("battalion-tactical-groups": "groups") is inflected. ``plural`` adds -s, -es
after a sibilant, or -ies for a consonant and y; a word already ending in a plural
-s is kept ("troops"), so a record's usual unit keeps its spelling. Irregular words
are not known: "servicemen" stays another unit than "soldiers", "people" a unit of
its own."""

from __future__ import annotations

import re

_LAST = re.compile(r"^(.*?[-_.])?([^-_.]*)$")
_SIBILANT = ("s", "x", "z", "ch", "sh")
_NOT_PLURAL = ("ss", "us", "is")  # "glass", "census", "crisis": singular words ending in s
_ES = ("sses", "xes", "zes", "ches", "shes")  # plurals that added -es to a sibilant


def _split(unit: str) -> tuple[str, str]:
    m = _LAST.match(unit)
    assert m is not None  # the pattern matches every string
    return m.group(1) or "", m.group(2)


def _looks_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(_NOT_PLURAL)


def plural(unit: str) -> str:
    """'soldier' -> 'soldiers', 'battery' -> 'batteries', 'box' -> 'boxes'; a plural
    stays as it is. Singular and plural of a unit have the same ``plural``."""
    head, word = _split(unit.lower())
    if not word or _looks_plural(word):
        return head + word
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return f"{head}{word[:-1]}ies"
    if word.endswith(_SIBILANT):
        return f"{head}{word}es"
    return f"{head}{word}s"


def singular(unit: str) -> str:
    """'soldiers' -> 'soldier', 'countries' -> 'country', 'boxes' -> 'box'; a word
    that does not end in a plural -s stays as it is ('people')."""
    head, word = _split(unit)
    if not _looks_plural(word):
        return unit
    if word.endswith("ies") and len(word) > 4:
        return f"{head}{word[:-3]}y"
    if word.endswith(_ES):
        return f"{head}{word[:-2]}"
    return f"{head}{word[:-1]}"


def spelling(units: set[str]) -> str:
    """The spelling a group of one unit's forms is shown and keyed by: the plural when a
    record writes it, else the first written form (one record's 'soldier' alone stays
    'soldier'), so a measure written one way keeps its key."""
    forms = {plural(u) for u in units}
    written = sorted(u for u in units if u in forms)
    return written[0] if written else min(units)
