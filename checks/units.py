"""Units of figures read by regular English inflection, without a word list.

A unit is an identifier (lower case, so case never tells two units apart); its last
part ("battalion-tactical-groups": "groups") is inflected. ``plural`` adds -s, -es
after a sibilant, or -ies for a consonant and y; a word already ending in a plural
-s is kept ("troops"), so a record's usual unit keeps its spelling. A word ending in
-ss, -us or -is, a single letter, and a word of up to three letters ending in a vowel
and s ("gas", "yes") are not plurals: "gas" and "gases" are one unit, "ga" another.
Irregular words are not known: "servicemen" stays another unit than "soldiers",
"people" a unit of its own, unless the vocabulary lists one as the other's alias
(``units:``, read by the corpus: ``Corpus.unit_key``).

``singular`` (a message's unit after "1") is conservative: where the plural could
have come from two singulars it keeps the plural. "-ies" is "sortie" + s as often as
"casualty" with -ies, and "-es" after s, z or a vowel and ch is "size" + s as often as
"bus" + es, so "1 sorties" is printed rather than a non-word."""

from __future__ import annotations

import re

_LAST = re.compile(r"^(.*?[-_.])?([^-_.]*)$")
_SIBILANT = ("s", "x", "z", "ch", "sh")
_NOT_PLURAL = ("ss", "us", "is")  # "glass", "census", "crisis": singular words ending in s
_VOWELS = "aeiou"


def _split(unit: str) -> tuple[str, str]:
    m = _LAST.match(unit)
    assert m is not None  # the pattern matches every string
    return m.group(1) or "", m.group(2)


def _looks_plural(word: str) -> bool:
    if len(word) < 2 or not word.endswith("s") or word.endswith(_NOT_PLURAL):
        return False
    # "gas", "yes": a short word's vowel and s is its stem; "kms", "lbs" are plurals.
    return len(word) > 3 or word[-2] not in _VOWELS


def _es_stem(word: str) -> str | None:
    """The singular of a plural that added -es to a sibilant, when no singular in -e
    could give it ('dishes', 'inches', 'boxes'); None when one could ('sizes' from size,
    'buses' from bus, 'caches' from cache, 'glasses' beside 'impasses')."""
    stem = word[:-2]
    if stem.endswith("sh") or (stem.endswith("ch") and len(stem) > 2 and stem[-3] not in _VOWELS):
        return stem
    return stem if stem.endswith("x") and len(stem) > 2 else None


def plural(unit: str) -> str:
    """'soldier' -> 'soldiers', 'battery' -> 'batteries', 'box' -> 'boxes'; a plural
    stays as it is. Singular and plural of a unit have the same ``plural``."""
    head, word = _split(unit.lower())
    if not word or _looks_plural(word):
        return head + word
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return f"{head}{word[:-1]}ies"
    if word.endswith(_SIBILANT):
        return f"{head}{word}es"
    return f"{head}{word}s"


def singular(unit: str) -> str:
    """'soldiers' -> 'soldier', 'tonnes' -> 'tonne', 'boxes' -> 'box'; a word that does
    not end in a plural -s stays as it is ('people'), and so does a plural of two
    possible singulars ('sorties', 'casualties', 'sizes', 'buses', 'species')."""
    head, word = _split(unit)
    if not _looks_plural(word) or word.endswith("ies"):
        return unit
    if word.endswith("es") and word[:-2].endswith(_SIBILANT):
        stem = _es_stem(word)
        return unit if stem is None else head + stem
    # Only a singular whose plural this is ('chs' is no plural of 'ch', 'citys' of 'city').
    one = f"{head}{word[:-1]}"
    return one if plural(one) == plural(unit) else unit


def spelling(units: set[str]) -> str:
    """The spelling a group of one unit's forms is shown and keyed by: the plural when a
    record writes it, else the first written form (one record's 'soldier' alone stays
    'soldier'), so a measure written one way keeps its key."""
    forms = {plural(u) for u in units}
    written = sorted(u for u in units if u in forms)
    return written[0] if written else min(units)
