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
  particular office and link nothing.

Links are direct: a person's two bodies are not thereby linked to each other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Entity, EntityKind, Role
from ..timeexpr import Interval

_BODIES = (EntityKind.government, EntityKind.organisation, EntityKind.group)
_OFFICES = (EntityKind.government, EntityKind.organisation)


@dataclass(frozen=True)
class Parties:
    """Symmetric links between entity ids, each with the days it holds."""

    links: dict[str, tuple[tuple[str, Interval], ...]]

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> Parties:
        registry = {e.id: e for e in entities}
        found: dict[str, list[tuple[str, Interval]]] = defaultdict(list)
        offices = _office_texts(registry.values())
        for person in registry.values():
            if person.kind is not EntityKind.person:
                continue
            for role in person.roles:
                for body in _bodies(registry, offices, person, role):
                    found[person.id].append((body, held(role)))
                    found[body].append((person.id, held(role)))
        return cls({k: tuple(v) for k, v in found.items()})

    def same(self, a: str | None, b: str | None, when: Interval | None) -> bool:
        """Whether ``a`` and ``b`` are one party during ``when`` (unknown: at any time)."""
        if a == b:
            return True
        if a is None or b is None:
            return False
        return any(other == b and (when is None or days.overlaps(when))
                   for other, days in self.links.get(a, ()))


def held(role: Role) -> Interval:
    """The days a role is held; an open end is open."""
    return Interval(dt.date.fromisoformat(role.start) if role.start else dt.date.min,
                    dt.date.fromisoformat(role.end) if role.end else dt.date.max)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _office_texts(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """Each office-like entity's names and the titles of roles held for it, folded."""
    texts: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        if entity.kind in _OFFICES:
            texts[entity.id].extend(_fold(n) for n in (entity.name, *entity.alias_names()))
        for role in entity.roles:
            if role.of is not None:
                texts[role.of].append(_fold(role.title))
    return texts


def _bodies(registry: dict[str, Entity], offices: dict[str, list[str]], person: Entity,
            role: Role) -> set[str]:
    """The bodies a person's role links them to (see the module docstring)."""
    found: set[str] = set()
    body = registry.get(role.of) if role.of else None
    if body is not None and body.kind in _BODIES and body.side == person.side:
        found.add(body.id)
    title = _fold(role.title)
    if " " not in title:
        return found
    pattern = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)")
    for office_id, texts in offices.items():
        office = registry.get(office_id)
        if (office is not None and office.kind in _OFFICES and office.side == person.side
                and office_id != person.id and any(pattern.search(t) for t in texts)):
            found.add(office_id)
    return found
