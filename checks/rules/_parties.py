"""Which registered entities stand for the same party at a given time: a person and
the body they head or speak for, read from the registry's roles.

A person is linked, for the time a role of theirs is held (its from/to), to

* the entity the role is ``of`` ("President of Ukraine", of ``ukraine``), when that
  entity is a government, organisation or group on the person's side (the registry's
  ``side``, both unset counting as equal): an opposition politician's role is in a
  country, not held for its government, and the sides tell them apart;
* the office of the role: a government or organisation on the person's side that the
  registry names after the role's title, in its name or aliases ("Office of the
  President of Ukraine") or in the title of a role held for it ("spokeswoman of the
  president of Ukraine", of the office). Titles of one word ("President") name no
  particular office and link nothing, and a title with a qualifier right before it
  names another office: "President of Ukraine" is not the "Office of the Vice President
  of Ukraine", nor "Prime Minister" the "Office of the First Deputy Prime Minister"
  (``QUALIFIERS``).

Office texts are indexed by their word n-grams of the titles' lengths, so each title is
one look-up; the links are built on the first question that needs them (H701 asks only
when a headline claim and a body claim name different parties).

Links are direct: a person's two bodies are not thereby linked to each other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..model import Entity, EntityKind, Role
from ..timeexpr import Interval

_BODIES = (EntityKind.government, EntityKind.organisation, EntityKind.group)
_OFFICES = (EntityKind.government, EntityKind.organisation)


class Parties:
    """Symmetric links between entity ids, each with the days it holds; built when first
    needed."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities = tuple(entities)
        self._links: dict[str, tuple[tuple[str, Interval], ...]] | None = None

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> Parties:
        return cls(entities)

    @property
    def links(self) -> dict[str, tuple[tuple[str, Interval], ...]]:
        if self._links is None:
            self._links = _link({e.id: e for e in self._entities})
        return self._links

    def same(self, a: str | None, b: str | None, when: Interval | None) -> bool:
        """Whether ``a`` and ``b`` are one party during ``when`` (unknown: at any time)."""
        if a == b:
            return True
        if a is None or b is None:
            return False
        return any(other == b and (when is None or days.overlaps(when))
                   for other, days in self.links.get(a, ()))


def _link(registry: dict[str, Entity]) -> dict[str, tuple[tuple[str, Interval], ...]]:
    found: dict[str, list[tuple[str, Interval]]] = defaultdict(list)
    persons = [e for e in registry.values() if e.kind is EntityKind.person]
    titles = {_fold(role.title) for person in persons for role in person.roles}
    offices = _OfficeIndex(registry, {t for t in titles if " " in t})
    for person in persons:
        for role in person.roles:
            for body in _bodies(registry, offices, person, role):
                found[person.id].append((body, held(role)))
                found[body].append((person.id, held(role)))
    return {k: tuple(v) for k, v in found.items()}


def held(role: Role) -> Interval:
    """The days a role is held; an open end is open."""
    return Interval(dt.date.fromisoformat(role.start) if role.start else dt.date.min,
                    dt.date.fromisoformat(role.end) if role.end else dt.date.max)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# Words that make a title another office's when they stand right before it: "Office of
# the Vice President" is not the President's office. English, closed and general.
QUALIFIERS = frozenset(["vice", "deputy", "first", "second", "acting", "former", "assistant",
                        "associate", "interim", "ex", "under", "lieutenant"])


class _OfficeIndex:
    """The offices each multi-word title names as their own: the office-like entities'
    names and aliases and the titles of roles held for an entity, folded, indexed by
    their word n-grams of the titles' lengths (n-gram -> office ids)."""

    def __init__(self, registry: dict[str, Entity], titles: set[str]) -> None:
        self._named: dict[str, set[str]] = defaultdict(set)
        lengths = {len(t.split()) for t in titles}
        for office_id, text in _office_texts(registry.values()):
            words = text.split()
            for n in lengths:
                for i in range(len(words) - n + 1):
                    gram = " ".join(words[i:i + n])
                    if gram in titles and (i == 0 or words[i - 1] not in QUALIFIERS):
                        self._named[gram].add(office_id)

    def naming(self, title: str) -> set[str]:
        return self._named.get(title, set())


def _office_texts(entities: Iterable[Entity]) -> Iterator[tuple[str, str]]:
    """(office id, folded text): office-like entities' names and aliases, and the titles
    of roles held for an entity."""
    for entity in entities:
        if entity.kind in _OFFICES:
            for name in (entity.name, *entity.alias_names()):
                yield entity.id, _fold(name)
        for role in entity.roles:
            if role.of is not None:
                yield role.of, _fold(role.title)


def _bodies(registry: dict[str, Entity], offices: _OfficeIndex, person: Entity,
            role: Role) -> set[str]:
    """The bodies a person's role links them to (see the module docstring)."""
    found: set[str] = set()
    body = registry.get(role.of) if role.of else None
    if body is not None and body.kind in _BODIES and body.side == person.side:
        found.add(body.id)
    for office_id in offices.naming(_fold(role.title)):
        office = registry.get(office_id)
        if (office is not None and office.kind in _OFFICES and office.side == person.side
                and office_id != person.id):
            found.add(office_id)
    return found
