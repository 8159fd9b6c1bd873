"""Helpers for the name rules: word tokens of names, demonym forms, and a
symmetric-delete index that finds registered name tokens within a small edit
distance without comparing a word against every alias."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Entity, EntityKind

# A word: letters, optionally joined by an inner apostrophe (O'Brien). Digits,
# hyphens and slashes split words: "Russia-backed" is "Russia" + "backed".
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# _WORD's capitalised matches in ASCII text: a word starts at a letter that neither a
# letter nor a letter and an apostrophe precede (those continue the word before). The
# capital comes first and the look-behinds span it ('.'), so the regex engine scans for
# capitals alone instead of trying both look-behinds at every character (5x faster).
_ASCII_CAPITALISED = re.compile(r"[A-Z](?<![A-Za-z].)(?<![A-Za-z]'.)[A-Za-z]*(?:'[A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.I)
# Demonym and adjective endings, each with the endings a name drops before it: Russia
# -> Russian, Ukraine -> Ukrainian, Paris -> Parisian, Israel -> Israeli, Japan ->
# Japanese, Turkey -> Turkish. A plural (-s, -es) is taken off first: Russians.
# Dropped: a final e, a or y before -ian (Ukrain|e -> Ukrain|ian, Canad|a -> Canad|ian,
# Ital|y -> Ital|ian); e or a before -ese, -ish and -i (Chin|a -> Chin|ese, Somali|a ->
# Somali); -ey, -and and -ain before -ish (Turk|ey -> Turk|ish, Pol|and -> Pol|ish,
# Brit|ain -> Brit|ish). Nothing drops before a bare -n or -an: the name keeps its vowel
# (Russia|n, Europe|an), so "Ukrainan" and "Russan" are misspellings. Not y before -i:
# "Dmitri" is another spelling of "Dmitry".
_DROPPED_BEFORE = {"ian": ("", "e", "a", "y"), "ese": ("", "e", "a"), "i": ("", "e", "a"),
                   "ish": ("", "e", "a", "ey", "and", "ain"), "an": ("",), "n": ("",)}
_PLURALS = ("es", "s")
# The demonyms a near match is also measured against ("Ukrainan" is one edit from
# Ukrainian, two from Ukraine), by the name's ending: Russia|n, Canad|ian, Chin|ese,
# Ukrain|ian, Europe|an, Ital|ian, Germ|an, Turk|ish, Pol|ish, Brit|ish, Paris|ian,
# Israel|i, Japan|ese. Only names of places, governments and groups have demonyms.
_FORMS = (("and", ("ish",)), ("ain", ("ish",)), ("ey", ("ish",)), ("a", ("n", "ian", "ese")),
          ("e", ("ian", "an", "ish")), ("y", ("ian", "an")), ("", ("ian", "i", "ese", "an")))
_DEMONYM_KINDS = frozenset({EntityKind.place, EntityKind.government, EntityKind.group})
# Letters no Unicode decomposition takes apart, written as plain letters in English copy.
_PLAIN = str.maketrans({"\u0131": "i", "\u0142": "l", "\u00f8": "o", "\u0111": "d"})
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
        if "'" not in text:
            return found  # no possessive to take off
    else:
        found = [w for w in _WORD.findall(text) if w[0].isupper()]  # a match is never empty
    return [_POSSESSIVE.sub("", w) if "'" in w or "\u2019" in w else w for w in found]


def unmarked(folded: str) -> str:
    """A casefolded word without its diacritics ("erdoğan" -> "erdogan", "mevlüt" ->
    "mevlut", "ılıcalı" -> "ilicali"): English-language copy drops the marks of a name the
    registry spells natively, native-language copy keeps them; both write one name."""
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def entity_names(entity: Entity) -> tuple[str, ...]:
    return (entity.name, *entity.alias_names())


def _title_words(entity: Entity) -> Iterator[str]:
    """The casefolded words of the entity's role titles and their aliases, and of the
    title of its head (``head``)."""
    titles = [t for role in entity.roles for t in (role.title, *role.aliases)]
    if entity.head:
        titles.append(entity.head)
    for title in titles:
        for _, word in words(title):
            yield word.casefold()


def is_derived(word: str, known: Container[str]) -> bool:
    """True when ``word`` (casefolded) is a known token plus a demonym/adjective suffix,
    a known token in -any without its y (Germany -> German), or the plural of one of
    those or of a known token. ``known`` holds names of places, governments, groups and
    organisations: a person's name takes a plural, never a demonym (see ``is_plural``)."""
    return any(_derivation(single, known) or single in known
               for single in _singulars(word)) or _derivation(word, known)


def is_plural(word: str, known: Container[str]) -> bool:
    """True when ``word`` (casefolded) is a known token plus -s or -es (the Zelenskiys)."""
    return any(single in known for single in _singulars(word))


def _singulars(word: str) -> Iterator[str]:
    for plural in _PLURALS:
        if len(word) > len(plural) + 1 and word.endswith(plural):
            yield word[: -len(plural)]


def _derivation(word: str, known: Container[str]) -> bool:
    if word.endswith("an") and word + "y" in known:  # German <- Germany
        return True
    for suffix, ends in _DROPPED_BEFORE.items():
        if len(word) > len(suffix) and word.endswith(suffix):
            stem = word[: -len(suffix)]
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
    # Tokens of names other than people's: only these take demonym endings.
    derivable: set[str] = field(default_factory=set)
    written: dict[str, str] = field(default_factory=dict)  # casefolded -> as registered
    # Every token without its diacritics: "Erdogan" spells the registered "Erdoğan".
    plain: set[str] = field(default_factory=set)
    _near: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _names: set[str] = field(default_factory=set)
    # A demonym form in ``_near`` -> the registered token it is formed from.
    forms: dict[str, str] = field(default_factory=dict)
    # Words of registered titles ("German Chancellor", the Kremlin's head "President of
    # Russia"), casefolded: spelt as registered, though no name holds them, so never
    # a misspelling of a name near them ("Chancellor" beside "Chancellery").
    title_words: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> NameIndex:
        index = cls()
        for entity in entities:
            for name in entity_names(entity):
                for _, word in words(name):
                    index._add(word, entity.id)
                    if entity.kind != EntityKind.person:
                        index.derivable.add(word.casefold())
                    if entity.kind in _DEMONYM_KINDS:
                        index._add_forms(word)
            index.title_words.update(_title_words(entity))
        return index

    def _add(self, word: str, entity_id: str) -> None:
        folded = word.casefold()
        if folded not in self.tokens:
            self.written[folded] = word
            self.plain.add(unmarked(folded))
        # Only capitalised tokens are names a word can misspell: the common words
        # of aliases ("Russian troops", "president's office") are not, and a
        # title-case headline's "Troop" must not be read as a misspelt "troops".
        # Short tokens never count as a "nearest" name, so they need no deletes.
        proper = word[:1].isupper() and self.min_length <= len(folded) <= MAX_TOKEN
        if proper and folded not in self._names:
            self._names.add(folded)
            self.forms.pop(folded, None)  # a registered token is itself, not a form
            self.written[folded] = word  # report the capitalised form
            for variant in _deletes(folded, self.depth):
                self._near[variant].add(folded)
            self._add_form(unmarked(folded), folded)  # "Erdogen" is one edit from Erdogan
        self.tokens[folded].add(entity_id)

    def _add_form(self, form: str, token: str) -> None:
        """Index ``form`` (a demonym or unmarked spelling) as a way to write ``token``."""
        if form not in self._names and form not in self.forms:
            self.forms[form] = token
            for variant in _deletes(form, self.depth):
                self._near[variant].add(form)

    def _add_forms(self, word: str) -> None:
        folded = word.casefold()
        if not (word[:1].isupper() and self.min_length <= len(folded) <= MAX_TOKEN):
            return
        ending, suffixes = next((e, s) for e, s in _FORMS if folded.endswith(e))
        for suffix in suffixes:
            self._add_form(folded[: len(folded) - len(ending)] + suffix, folded)

    def known(self, word: str) -> bool:
        """A registered token, diacritics aside (an accent is no misspelling), or a word
        of a registered title."""
        folded = word.casefold()
        return folded in self.tokens or unmarked(folded) in self.plain or folded in self.title_words

    def derived(self, word: str) -> bool:
        """A demonym or plural of a place's, government's, group's or organisation's name
        token, or the plural of any token: "Blinkenn" is no derivation of "Blinken"."""
        folded = word.casefold()
        return is_derived(folded, self.derivable) or is_plural(folded, self.tokens)

    def nearest(self, word: str, max_distance: int) -> str | None:
        """The registered token closest to ``word`` or whose demonym form or unmarked
        spelling is (Ukrainan -> ukraine, by Ukrainian; Erdogen -> erdoğan, by Erdogan),
        within ``max_distance`` edits (a demonym form: one), diacritics aside (ties:
        alphabetical)."""
        folded = unmarked(word.casefold())
        if len(folded) > MAX_TOKEN or max_distance <= 0:
            return None
        candidates: set[str] = set()
        for variant in _deletes(folded, min(max_distance, self.depth)):
            candidates |= self._near.get(variant, set())
        # A derived form (Ukrainian from Ukraine) is a guess at a word, not a spelling seen
        # anywhere: it takes one edit only, or "Officials" is a misspelt "Offician" (from
        # a registered "Office"), two edits away.
        scored = sorted((d, self.forms.get(c, c)) for c in candidates
                        if (d := distance(folded, c)) <= (1 if self._demonym(c) else max_distance))
        return scored[0][1] if scored else None

    def _demonym(self, form: str) -> bool:
        """Whether ``form`` is a demonym form (not a token's unmarked spelling)."""
        token = self.forms.get(form)
        return token is not None and unmarked(token) != form

