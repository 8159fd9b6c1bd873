"""Helpers for the name rules: word tokens of names, demonym forms, and a
symmetric-delete index that finds registered name tokens within a small edit
distance without comparing a word against every alias."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Entity

# A word: letters, optionally joined by an inner apostrophe (O'Brien). Digits,
# hyphens and slashes split words: "Russia-backed" is "Russia" + "backed".
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# _WORD's capitalised matches in ASCII text: a word starts at a letter that neither a
# letter nor a letter and an apostrophe precede (those continue the word before).
_ASCII_CAPITALISED = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]')[A-Z][A-Za-z]*(?:'[A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.I)
# Demonym, adjective and plural endings: Russia -> Russian(s), Ukraine -> Ukrainian,
# Paris -> Parisian, Israel -> Israeli, Japan -> Japanese, Turkey -> Turkish. Longest first.
SUFFIXES = ("ians", "ans", "ian", "ese", "ish", "an", "es", "n", "s", "i")
# Endings a name drops before any suffix (Ukrain|e -> Ukrain|ian, Chin|a -> Chin|ese),
# and before some only: a final y before -(i)an(s) (Ital|y -> Ital|ian), -ey, -and and
# -ain before -ish (Turk|ey -> Turk|ish, Pol|and -> Pol|ish, Brit|ain -> Brit|ish). Not
# y before -i: "Dmitri" is another spelling of "Dmitry", not a word derived from it.
_DROPPED = ("", "e", "a")
_DROPPED_BEFORE = {"ians": ("y",), "ian": ("y",), "ans": ("y",), "an": ("y",),
                   "ish": ("ey", "and", "ain")}
# No real name token is this long; longer words are neither indexed nor looked
# up, so a hostile file cannot make the delete neighbourhood explode.
MAX_TOKEN = 30


def words(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) for every word, with a possessive 's / ’s removed."""
    for m in _WORD.finditer(text):
        word = m.group()
        # Only a word with an apostrophe can end in 's: skip the regex for the rest.
        yield m.start(), (_POSSESSIVE.sub("", word) if "'" in word or "\u2019" in word
                          else word)


def capitalised(text: str) -> list[str]:
    """The words of ``text`` that start with a capital letter."""
    if text.isascii():  # most evidence: one regex finds just the capitalised words
        found = _ASCII_CAPITALISED.findall(text)
    else:
        found = [w for w in _WORD.findall(text) if w[0].isupper()]  # a match is never empty
    return [_POSSESSIVE.sub("", w) if "'" in w or "\u2019" in w else w for w in found]


def entity_names(entity: Entity) -> tuple[str, ...]:
    return (entity.name, *entity.alias_names())


def is_derived(word: str, known: Container[str]) -> bool:
    """True when ``word`` (casefolded) is a known token plus a demonym/plural suffix, or
    a known token in -any without its y (Germany -> German)."""
    single = word[:-1] if word.endswith("ans") else word  # Germans -> German
    if single.endswith("an") and single + "y" in known:
        return True
    for suffix in SUFFIXES:
        if len(word) > len(suffix) and word.endswith(suffix):
            stem = word[: -len(suffix)]
            ends = _DROPPED + _DROPPED_BEFORE.get(suffix, ())
            if any(stem + end in known for end in ends):
                return True
    return False


def _deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` characters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def distance(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (a transposition counts as one edit)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@dataclass
class NameIndex:
    """Every token of every registered name and alias, casefolded, with the
    entities using it, and a delete-neighbourhood index for near matches."""

    depth: int = 2
    min_length: int = 5
    tokens: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    written: dict[str, str] = field(default_factory=dict)  # casefolded -> as registered
    _near: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _names: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> NameIndex:
        index = cls()
        for entity in entities:
            for name in entity_names(entity):
                for _, word in words(name):
                    index._add(word, entity.id)
        return index

    def _add(self, word: str, entity_id: str) -> None:
        folded = word.casefold()
        if folded not in self.tokens:
            self.written[folded] = word
        # Only capitalised tokens are names a word can misspell: the common words
        # of aliases ("Russian troops", "president's office") are not, and a
        # title-case headline's "Troop" must not be read as a misspelt "troops".
        # Short tokens never count as a "nearest" name, so they need no deletes.
        proper = word[:1].isupper() and self.min_length <= len(folded) <= MAX_TOKEN
        if proper and folded not in self._names:
            self._names.add(folded)
            self.written[folded] = word  # report the capitalised form
            for variant in _deletes(folded, self.depth):
                self._near[variant].add(folded)
        self.tokens[folded].add(entity_id)

    def known(self, word: str) -> bool:
        return word.casefold() in self.tokens

    def derived(self, word: str) -> bool:
        return is_derived(word.casefold(), self.tokens)

    def nearest(self, word: str, max_distance: int) -> str | None:
        """The closest registered token within ``max_distance`` edits (ties: alphabetical)."""
        folded = word.casefold()
        if len(folded) > MAX_TOKEN or max_distance <= 0:
            return None
        candidates: set[str] = set()
        for variant in _deletes(folded, min(max_distance, self.depth)):
            candidates |= self._near.get(variant, set())
        scored = sorted((distance(folded, c), c) for c in candidates)
        best = [(d, c) for d, c in scored if d <= max_distance]
        return best[0][1] if best else None

