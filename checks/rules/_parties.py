"""Which registered entities stand for the same party at a given time: a person and
the body they head or speak for, read from the registry's roles.

A person is linked, for the time a role of theirs is held (its from/to), to

* the entity the role is ``of`` ("President of Ukraine", of ``ukraine``), when that
  entity is a government, organisation or group on the person's side (the registry's
  ``side``, both unset counting as equal, and a body with no side counting as the side
  its own id names): an opposition politician's role is in a
  country, not held for its government, and the sides tell them apart;
* the office of the role: a government or organisation on the person's side that the
  registry names after the role's title, in its name or aliases ("Office of the
  President of Ukraine") or in the title of a role held for it ("spokeswoman of the
  president of Ukraine", of the office); a ministry is named after its minister's
  title ("Ministry of Foreign Affairs of China", "Minister of Foreign Affairs of
  China"). Titles of one word ("President") name no particular office and link
  nothing, and a title with a qualifier right before it names another office:
  "President of Ukraine" is not the "Office of the Vice President of Ukraine", nor
  "Prime Minister" the "Office of the First Deputy Prime Minister" (``QUALIFIERS``);
* an office whose name does not carry the title but whose registry entry declares it
  (``head``: the Kremlin's "President of Russia"), on the person's side, when the role is
  held for that office or for its side (:func:`declared`).

A body is linked, always, to each entity up its chain of ``part_of`` (a state's ministry
to the state: :func:`wholes`): a body's membership outlives any government, and it is
the curator's word that the body speaks for the larger one. A body that only shares a
side (a separatist "government" with Russia's side) is linked to nothing. The
conflict rules' :class:`Heads` do not read ``part_of``: claims about a ministry and
about its state stay two propositions.

Office texts are indexed by their word n-grams of the titles' lengths, so each title is
one look-up; the links are built on the first question that needs them (H701 asks only
when a headline claim and a body claim name different parties).

Links are direct: a person's two bodies are not thereby linked to each other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..model import PART_OF_DEPTH, Entity, EntityKind, Role
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

    def same_parties(self, a: tuple[str, str, str], b: tuple[str, str, str],
                     when: Interval | None) -> bool:
        """Whether two propositions' subjects, and their objects, are one party during
        ``when`` (the predicate aside)."""
        return (self.same(a[0], b[0], when)
                and self.same(a[2] or None, b[2] or None, when))


def _link(registry: dict[str, Entity]) -> dict[str, tuple[tuple[str, Interval], ...]]:
    found: dict[str, list[tuple[str, Interval]]] = defaultdict(list)
    persons = [e for e in registry.values() if e.kind is EntityKind.person]
    titles = {_fold(role.title) for person in persons for role in person.roles}
    offices = _OfficeIndex(registry, {t for t in titles if " " in t})
    heads = declared(registry)
    for person in persons:
        for role in person.roles:
            for body in _bodies(registry, offices, person, role) | heads_for(registry, heads,
                                                                             person, role):
                found[person.id].append((body, held(role)))
                found[body].append((person.id, held(role)))
    for entity in registry.values():
        for whole in wholes(registry, entity):
            found[entity.id].append((whole, ALWAYS))
            found[whole].append((entity.id, ALWAYS))
    return {k: tuple(v) for k, v in found.items()}


def wholes(registry: dict[str, Entity], body: Entity) -> list[str]:
    """The registered bodies ``body`` is part of (``part_of``), nearest first; a chain
    ends at a circle, an entity of another kind or PART_OF_DEPTH bodies (all I017)."""
    found: list[str] = []
    at = registry.get(body.part_of) if body.part_of else None
    while (at is not None and at.kind in _OFFICES and at.id != body.id
           and at.id not in found and len(found) < PART_OF_DEPTH):
        found.append(at.id)
        at = registry.get(at.part_of) if at.part_of else None
    return found


def held(role: Role) -> Interval:
    """The days a role is held; an open end is open."""
    return Interval(dt.date.fromisoformat(role.start) if role.start else dt.date.min,
                    dt.date.fromisoformat(role.end) if role.end else dt.date.max)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# An institution named by its head's title in its own noun: the "Ministry of Foreign
# Affairs of Northland" is the office of the "Minister of Foreign Affairs of Northland",
# as the "Office of the President" is the President's. English, closed.
_INSTITUTION = {"ministry": "minister"}


def _office_name(name: str) -> str:
    """An office's name folded, its institution noun read as the title it is named after."""
    return " ".join(_INSTITUTION.get(w, w) for w in _fold(name).split())


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
                yield entity.id, _office_name(name)
        for role in entity.roles:
            if role.of is not None:
                yield role.of, _fold(role.title)


def _bodies(registry: dict[str, Entity], offices: _OfficeIndex, person: Entity,
            role: Role) -> set[str]:
    """The bodies a person's role links them to (see the module docstring)."""
    found: set[str] = set()
    body = registry.get(role.of) if role.of else None
    if body is not None and body.kind in _BODIES and _sided(body, person):
        found.add(body.id)
    for office_id in offices.naming(_fold(role.title)):
        office = registry.get(office_id)
        if (office is not None and office.kind in _OFFICES and office.side == person.side
                and office_id != person.id):
            found.add(office_id)
    return found


def _sided(body: Entity, person: Entity) -> bool:
    """Whether a body is on the person's side: the same ``side``, or no side of its own
    and it is the side the person's names (a foreign secretary of ``side: uk`` and a
    ``uk`` entry the curator gave no side: the state acts for itself)."""
    return body.side == person.side or (body.side is None and body.id == person.side)


def declared(registry: dict[str, Entity]) -> dict[str, set[str]]:
    """Folded title -> the offices whose registry entry declares it their head's
    (``head``): the link an office's name cannot carry ("Kremlin", "White House")."""
    found: dict[str, set[str]] = defaultdict(set)
    for entity in registry.values():
        if entity.head is not None and entity.kind in _OFFICES:
            found[_fold(entity.head)].add(entity.id)
    return found


def heads_for(registry: dict[str, Entity], heads: dict[str, set[str]], person: Entity,
              role: Role) -> set[str]:
    """The offices that declare ``role``'s title their head's, on the person's side, when
    the role is held for the office or for its side (the state it belongs to): one title
    ("President") held in two countries heads only its own state's office."""
    return {office_id for office_id in heads.get(_fold(role.title), ())
            if registry[office_id].side == person.side
            and role.of is not None and role.of in (office_id, registry[office_id].side)}


# ------------------------------------------------------------- heads of offices
#
# The conflict rules (C101, C102, A401) need a narrower link than H701's: a claim about
# a person and one about a body are one proposition only when the person *is* that
# body's voice at the time, i.e. heads the office named after their own title (or that
# declares it, ``head``). H701 only asks whether a headline is supported; a false link
# there hides a finding, while here it would invent a contradiction.

# Words an office's name may hold besides its head's title ("Office of the President
# of Northland", "the President's Executive Office"): any other word ("Press Office of
# the President", "Office of the Vice President") names another office. English, closed.
OFFICE_WORDS = frozenset(["office", "of", "the", "s", "executive", "administration",
                          "chancellery", "secretariat"])

ALWAYS = Interval(dt.date.min, dt.date.max)
_SPAN = 6  # office words considered on either side of a title in an office's name


class Head(NamedTuple):
    """A person's link to the one office they head."""

    office: str
    days: tuple[Interval, ...]  # the days they head it alone
    title: str


class Heads:
    """Person -> the office they head, when the registry says so unambiguously; built
    when first needed. ``party`` merges a person with that office (time-free, so a
    proposition's claims never split); ``days`` says when two entities are one party."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities = tuple(entities)
        self._links: dict[str, Head] | None = None
        self._holders: dict[str, tuple[str, ...]] | None = None
        self._people: frozenset[str] | None = None

    @property
    def people(self) -> frozenset[str]:
        """The registered persons' ids (the conflict rules name a person's words first)."""
        if self._people is None:
            self._people = frozenset(e.id for e in self._entities if e.kind is EntityKind.person)
        return self._people

    @property
    def links(self) -> dict[str, Head]:
        if self._links is None:
            self._links = _head_links({e.id: e for e in self._entities})
        return self._links

    def party(self, entity_id: str) -> str:
        head = self.links.get(entity_id)
        return head.office if head is not None else entity_id

    def days(self, a: str, b: str) -> tuple[Interval, ...] | None:
        """The days ``a`` and ``b`` are one party: always when they are one entity, the
        days one heads the other, None when never (two holders of one office are not
        one party with each other)."""
        if a == b:
            return (ALWAYS,)
        found = self.link(a, b)
        return found[1].days if found is not None else None

    def holders(self, office: str) -> tuple[str, ...]:
        """The people who head ``office`` (at some time), sorted."""
        if self._holders is None:
            found: dict[str, list[str]] = defaultdict(list)
            for person, head in sorted(self.links.items()):
                found[head.office].append(person)
            self._holders = {k: tuple(v) for k, v in found.items()}
        return self._holders.get(office, ())

    def kin(self, entity_id: str) -> tuple[str, ...]:
        """The entities that are one party with ``entity_id`` at some time: itself, the
        office it heads, or the people who head it."""
        head = self.links.get(entity_id)
        return (entity_id, head.office) if head is not None else (entity_id,
                                                                  *self.holders(entity_id))

    def link(self, a: str, b: str) -> tuple[str, Head] | None:
        """(person, their link) when ``a`` and ``b`` are a person and their office."""
        for person, office in ((a, b), (b, a)):
            head = self.links.get(person)
            if head is not None and head.office == office:
                return person, head
        return None


_memo: list[tuple[dict[str, Entity], int, Heads]] = []


def heads_of(entities: dict[str, Entity]) -> Heads:
    """The registry's heads, built once per registry: the conflict rules' block function
    asks for every claim. A re-check's block views share their corpus's registry dict,
    so it is recognised by identity (and kept alive by this memo, so the identity is
    not reused); a registry that grew since is built anew."""
    if _memo and _memo[0][0] is entities and _memo[0][1] == len(entities):
        return _memo[0][2]
    heads = Heads(entities.values())
    _memo[:] = [(entities, len(entities), heads)]
    return heads


Links = dict[str, tuple[tuple[str, Interval], ...]]
_dated: list[tuple[dict[str, Entity], int, Links]] = []


def dated_links(entities: dict[str, Entity]) -> Links:
    """Every link either reading makes, both ways, with the days it holds: a person and
    the office they head (:class:`Heads`, the days they head it alone) and a person and
    the body they head or speak for (:class:`Parties`, the role's days; an undated role
    holds always). Built once per registry, as :func:`heads_of`."""
    if _dated and _dated[0][0] is entities and _dated[0][1] == len(entities):
        return _dated[0][2]
    found: dict[str, list[tuple[str, Interval]]] = defaultdict(list)
    for person, head in heads_of(entities).links.items():
        for days in head.days:
            found[person].append((head.office, days))
            found[head.office].append((person, days))
    for a, others in Parties(entities.values()).links.items():
        found[a].extend(others)  # Parties' links are both ways already
    links = {k: tuple(v) for k, v in found.items()}
    _dated[:] = [(entities, len(entities), links)]
    return links


_groups: list[tuple[dict[str, Entity], int, dict[str, str]]] = []


def groups_of(entities: dict[str, Entity]) -> dict[str, str]:
    """Each entity that is one party with another at some time, under either reading
    (:class:`Heads`: a person and the office they head; :class:`Parties`: a person and the
    body they head or speak for), mapped to its group's least id: chains of such links,
    time aside (:func:`dated_links` without their days). A block keyed by groups holds
    every claim either reading may make one party's (A401's headline exemption reads
    both). Built once per registry, as :func:`heads_of`."""
    if _groups and _groups[0][0] is entities and _groups[0][1] == len(entities):
        return _groups[0][2]
    root: dict[str, str] = {}

    def find(k: str) -> str:
        root.setdefault(k, k)
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    def join(a: str, b: str) -> None:
        x, y = sorted((find(a), find(b)))
        root[y] = x

    for a, others in dated_links(entities).items():
        for b, _ in others:
            join(a, b)
    groups = {k: find(k) for k in list(root)}
    _groups[:] = [(entities, len(entities), groups)]
    return groups


def one_party(entities: dict[str, Entity], a: str, b: str, when: Interval | None) -> bool:
    """Whether ``a`` and ``b`` are one party during ``when``: a chain of links
    (:func:`dated_links`) each holding then (a spokesman, the office he speaks for, the
    president heading it, the state her role is of). Unknown ``when``: at any time, as
    :func:`groups_of` groups them. Entities of two groups never search; a search walks
    one group's links that hold then."""
    if a == b:
        return True
    groups = groups_of(entities)
    if groups.get(a, a) != groups.get(b, b):
        return False
    if when is None:
        return True
    links = dated_links(entities)
    seen, todo = {a}, [a]
    while todo:
        for other, days in links.get(todo.pop(), ()):
            if other not in seen and days.overlaps(when):
                if other == b:
                    return True
                seen.add(other)
                todo.append(other)
    return False


def _head_links(registry: dict[str, Entity]) -> dict[str, Head]:
    named = _titled_offices(registry)
    holders: dict[str, list[tuple[str, Interval, str]]] = defaultdict(list)
    for person in registry.values():
        if person.kind is not EntityKind.person:
            continue
        for role in person.roles:
            for office in _headed(registry, named, person, role):
                holders[office].append((person.id, held(role), role.title))
    heads: dict[str, list[tuple[str, Interval, str]]] = defaultdict(list)
    for office, found in holders.items():
        for who, days, title in _alone(found):
            heads[who].append((office, days, title))
    # A person heading two offices would merge them into one party: link neither.
    return {who: Head(links[0][0], tuple(d for _, d, _ in links), links[0][2])
            for who, links in heads.items() if len({o for o, _, _ in links}) == 1}


def _titled_offices(registry: dict[str, Entity]) -> dict[str, set[str]]:
    """Folded title -> the offices whose name or alias is that title plus office words
    only (each name's few spans whose outside words are all OFFICE_WORDS), or that
    declare it their head's (:func:`declared`)."""
    found = declared(registry)
    for entity in registry.values():
        if entity.kind not in _OFFICES:
            continue
        for name in (entity.name, *entity.alias_names()):
            words = _office_name(name).split()
            lead = next((i for i, w in enumerate(words) if w not in OFFICE_WORDS), None)
            if lead is None:
                continue  # office words only: no title in it
            tail = next(i for i, w in enumerate(reversed(words)) if w not in OFFICE_WORDS)
            # a handful of office words either side ("the executive office of the"); a
            # hostile name of thousands of them must not make its spans quadratic
            for i in range(max(0, lead - _SPAN), lead + 1):
                for j in range(len(words) - tail, min(len(words), len(words) - tail + _SPAN) + 1):
                    if j - i >= 2:
                        found[" ".join(words[i:j])].add(entity.id)
    return found


def _headed(registry: dict[str, Entity], named: dict[str, set[str]], person: Entity,
            role: Role) -> Iterator[str]:
    """The offices a role heads: named after its title (two words or more) or declaring
    it their head's, on the person's side, and the role is held for that office or for
    its side (the state it belongs to: a "Prime Minister" of one country heads no other
    country's office)."""
    title = _fold(role.title)
    if role.of is None:
        return  # (a title of one word is in ``named`` only when an office declares it)
    for office_id in sorted(named.get(title, ())):
        office = registry[office_id]
        if office.side == person.side and role.of in (office.id, office.side):
            yield office_id


def _alone(found: list[tuple[str, Interval, str]]) -> Iterator[tuple[str, Interval, str]]:
    """The days each holder heads the office alone, in one sweep over the roles' ends:
    days two people's roles overlap (a hand-over day given to both, two countries'
    ministers of one title) are nobody's. A person's own roles may overlap."""
    titles = {person: title for person, _, title in reversed(found)}
    events = sorted(e for person, days, _ in found
                    for e in ((days.start.toordinal(), 1, person),
                              (days.end.toordinal() + 1, -1, person)))
    active: Counter[str] = Counter()
    run: tuple[str, int] | None = None  # (sole holder, first day) of the open stretch
    for i, (at, step, person) in enumerate(events):
        active[person] += step
        if active[person] == 0:
            del active[person]
        if i + 1 < len(events) and events[i + 1][0] == at:
            continue  # the stretch changes only after every event of this day
        sole = next(iter(active)) if len(active) == 1 else None
        if run is not None and run[0] != sole:
            yield run[0], Interval(dt.date.fromordinal(run[1]), dt.date.fromordinal(at - 1)), \
                titles[run[0]]
            run = None
        if sole is not None and run is None:
            run = (sole, at)
