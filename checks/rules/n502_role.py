"""Sources give one person different titles for one time, or one gives another's office.

Catches a *role mismatch*: one article calls a speaker "spokeswoman", another
"press secretary", for statements made at overlapping times. Both may be
right (the registry may list both wordings), but readers comparing coverage
may take them for two people or two offices, and a wrong title is a common
error in wire rewrites; curators should confirm each article's wording.

How: the title as written (``by.role``) is normalised: case, quotes and
punctuation, possessive 's and articles (a, an, the) do not count, nor an
initialism's dots ("U.S." is "US"); spokesman, spokeswoman and spokesperson are one
word; leading qualifiers that
are a registered name of an organisation, government, place or outlet, or the
demonym of a one-word one ("Kremlin spokesman", "Ukrainian President", "U.S.
Secretary of State"), are dropped ("President of Ukraine" stays as it is), and so is a leading
adjective formed from a word of a registered role title ("presidential
spokeswoman" where a title reads "spokeswoman of the president of Ukraine"); a qualifier
after a title's first word is dropped as a leading one is ("Deputy Kremlin chief of staff"
is a "deputy chief of staff").
The complement after the title's first "of" is read through the registry (a possessive
complement turned round: "of Ukraine's president" is "of the president of Ukraine", and so
is a title after a possessive: "Ukraine's president's press secretary"): a
registered role wording of two or more words ("Ukrainian president") becomes
that role's title, and a person's registered name becomes the title of the
person's first role; a complement led by a demonym is turned round ("Russian presidency"
is "presidency of Russia"), and an office's noun in -ency is its holder's in -ent ("the
presidency" speaks for "the president": "spokesman of the Russian presidency" is
"spokesman of the president of Russia"). So "press secretary of the Ukrainian
president", "Press Secretary of the President of Ukraine", "the Ukrainian president's
press secretary" and
"press secretary of <the president's name>" are one wording. A title whose complement
stands before it is turned round when the words before the head are those of a registered
wording's complement (one may be its demonym): "Ukrainian Armed Forces Commander-in-Chief"
is "Commander-in-Chief of the Armed Forces of Ukraine", "Navy Commander-in-Chief" is not.
A possessor with a title before a registered name is that name ("Ukrainian President
Volodymyr Zelensky's spokeswoman" is Zelensky's). A possessor that is one word
of a registered title qualifies the title as its adjective does: "the president's
spokeswoman" is a "presidential spokeswoman". "For" leads a complement as "of" does
("spokeswoman for Ukrainian President Volodymyr Zelenskiy" is Zelensky's spokeswoman: a
title before a registered name in a complement is that name, as in a possessor).
Wordings the registry gives for one of the speaker's roles held at the time
(its title or an alias, normalised as above) are one wording: the curator has
confirmed them, so they do not fire, and the fix names only the wordings the
registry lacks. A role title's head alone is a shorter wording of it
("commander-in-chief" of "Commander-in-Chief of the Armed Forces of Ukraine"). A bare
alias completed by the role's own complement is the role's too:
with "press secretary of the president of Russia" and its alias "spokesman", "Putin's
spokesman" ("spokesman of the president of Russia") is a registered wording.
A speaker's claims (``corpus.by_speaker``) are clustered by when they were
said (unknown: the publication day; chains of overlapping times form one
cluster); a cluster fires when two different sources use different wordings. A claim
whose title the other modes below report (another person's office, another side's) is
left out of this comparison: those findings name the office's holder or owner, a variance
would only repeat them (Risch's stale "chairman" against The Hill's "top Republican" is
one finding, Menendez's office).
One finding per speaker and cluster, listing each source's own wording with the
sources writing it, the wordings of one title together and titles apart ("'press
secretary' (guardian), 'spokeswoman' (rbt, rferl); 'press aide' (rt)"); the
message words the cluster's time plainly: "on 2021-04-12", "in the week of 12-18
April 2021" (a Monday-Sunday week), "between 2021-04-12 and 2021-04-20", and an
open end "until 2021-04-12" (a time said before a day, with no first day).

A title can also be wrong in one source alone, with no other source to compare: a
claim's title (normalised as above) that is a wording of a term of office the registry
gives to another person at the claim's time (a role with a start date, held then), and
of none of the speaker's own roles, is reported per source and wording ("Kuleba,
Ukraine's defence minister", while the registry gives "Defence Minister" to Shoigu). Only
a speaker the registry gives a role held at that time is judged, so his offices are
known. The speaker's own wordings are each title's head alone ("minister" of "Minister
of Foreign Affairs of Ukraine"), and the wordings of each of their roles held at the
time: a title the speaker held before is theirs until another person holds it ("chairman
of the Senate Foreign Relations Committee" for Risch in April 2021, two months after
Menendez took the chair, is Menendez's office, and the message says when Risch left it).
A title whose leading qualifier names a body ("Kremlin spokeswoman") is that body's: when
the speaker holds, at the time, no role for it (``of``) with the title's wording or head,
and another person does, it is reported even though the bare title ("spokeswoman") is the
speaker's own: Maria Zakharova speaks for the Foreign Ministry, and the Kremlin's spokesman
is Peskov; "Senate Foreign Relations Committee Chairman Jim Risch" is Menendez's office in
April 2021, when Risch is the committee's ranking member. A demonym ("Russian") names a
country, not a body, and qualifies nothing here. A wording no registered office has ("top
diplomat") may be right and stays silent; so does an undated role's ("opposition
figure": a description many share), and a role whose term does not meet the claim's
time. The message names the office's holder and the speaker's roles then, and the fix
says to record a reviewed finding for an article's error, or to register the role if
the speaker holds it too.

A title's owner is read too, before qualifiers are dropped: a title that is a registered
office's wording (the speaker's own, or another person's dated office, its last "of"
complement aside) and names as its owner only sides none of the speaker's roles held at
the time is for (the speaker's ``side``, and the side of each role's ``of`` body) is
reported per source and wording ("Ukraine's foreign minister" for Lavrov, whose role is of
Russia: the qualifier was dropped and the title was his own). The owner is a possessor
("Ukraine's", "of the Ukrainian president's"), a demonym leading the title or a
complement ("Ukrainian"), or a complement that is a name ("of Ukraine"), of a registered
government, organisation or place with a side the registry uses (an entry's ``side``,
or an entry other entries name as their side). A bare name before a title ("Kremlin
spokesman", "Ukraine envoy") may say whom the office deals with and is not read; nor is a
name of no side, nor a speaker of none.

Fires:
    a#c1  Mendel, role "spokeswoman", said on Monday 2021-04-12
    b#c1  Mendel, role "press secretary", said on April 12

    a#c2  Alpha (Minister of Foreign Affairs of Northland since 2020), role "Northland's
          defence minister", said 2021-04-12; Beta: Minister of Defence of Southland
          (alias "Defence Minister") since 2019
    a#c3  Alpha (side Northland), role "Southland's foreign minister" (or "foreign
          minister of Southland")

    a#c1  Zeta (the Foreign Ministry's spokeswoman), role "Castle spokeswoman", while Beta
          is the Castle's spokesman
    a#c1  Gamma (the committee's chairman until 2021-02-03, then its ranking member), role
          "chairman of the Foreign Relations Committee" or "Foreign Relations Committee
          Chairman", said 2021-04-12, while Delta chairs it

Silent:
    a#c1  role "Kremlin spokesman";  b#c1  role "spokesman" (qualifier dropped)
    a#c1  role "presidential spokeswoman";  b#c1  role "spokeswoman" (registered title
          "spokeswoman of the president")
    a#c1  role "spokeswoman" (2021-04-12);  b#c1  role "minister" said in 2023
    a#c1  role "press secretary of the Ukrainian president";  b#c1  role "Press Secretary
          of the President of Ukraine" (registered role alias "Ukrainian President")
    a#c1  role "spokeswoman";  b#c1  role "press secretary" (both aliases of the speaker's
          role held at the time)
    a#c1  role "US Secretary of State";  b#c1  role "U.S. Secretary of State" (registered)
    a#c1  role "Deputy Castle chief of staff";  b#c1  role "Alpha's deputy chief of staff"
    a#c1  role "spokesman of the Northlandian presidency";  b#c1  role "press secretary of
          the president of Northland"
    a#c1  role "commander-in-chief";  b#c1  its registered title
    a#c1  Gamma, role "chairman of the Foreign Relations Committee" (Delta's office: that
          finding alone);  b#c1  role "top Republican" (Gamma's alias): no variance
    a#c2  Alpha, role "Northland's top diplomat" (no registered office's wording)
    a#c1  Alpha, role "health minister" (Gamma's health ministry ended in 2020)
    a#c1  Zeta, role "Foreign Ministry spokeswoman" or "Northlandic spokeswoman" (a demonym)
    a#c1  Gamma, role "chairman of the Foreign Relations Committee" said in July 2020, or
          in April 2021 when no one chairs it
    a#c3  Alpha, role "Northland's foreign minister", "Southland envoy" (a bare name),
          or "Southland's top diplomat" (no registered office's wording)

Options: none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import Entity, EntityKind, Role
from ..textnorm import loose
from ..timeexpr import Interval
from ._common import MAX_LISTED, possessive
from ._names import entity_names, is_derived
from ._parties import ALWAYS, held

CODE = "N502"
NAME = "name.role"
CATEGORY = "name"
SEVERITY = "warning"


def titled_speaker(corpus: Corpus, ci: ClaimInfo) -> str | None:
    """A claim's block: its speaker, when the claim gives the speaker's title."""
    return ci.speaker if ci.claim.by.role else None


BLOCK = titled_speaker  # each finding depends on one speaker's titled claims

_ARTICLES = {"a", "an", "the"}
_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson"}
_QUALIFIER_KINDS = (EntityKind.government, EntityKind.organisation, EntityKind.place,
                    EntityKind.outlet)
# English month names whatever the locale (strftime's %B follows it).
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# Adjective endings: president -> presidential, minister -> ministerial, parliament -> parliamentary.
_ADJECTIVE = ("ial", "al", "ary", "ic", "ian")
_MIN_TITLE_WORD = 5  # shorter title words ("of", "head") make no qualifier


@dataclass(frozen=True)
class Qualifiers:
    """Names of registered organisations, governments, places and outlets, by first
    word, and the one-word ones (whose demonyms also qualify a title)."""

    by_first: dict[str, tuple[str, ...]]
    single: frozenset[str]
    title_words: frozenset[str] = frozenset()
    # A title's "of" complement -> the canonical role title it names (None: ambiguous).
    complements: Mapping[str, str | None] = field(default_factory=dict)
    # A registered role wording with an "of" complement, by its head: "commander in
    # chief" -> ("commander in chief of armed forces of ukraine",).
    by_head: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # A qualifier's name -> the entities it names: "kremlin" -> {"kremlin"}.
    owners: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, corpus: Corpus) -> Qualifiers:
        owners: dict[str, set[str]] = defaultdict(set)
        for e in corpus.entities.values():
            if e.kind in _QUALIFIER_KINDS:
                for n in entity_names(e):
                    owners[_fold(n)].add(e.id)
        names = set(owners)
        by_first: dict[str, list[str]] = defaultdict(list)
        for name in names:
            if name:
                by_first[name.split()[0]].append(name)
        titles = {w for e in corpus.entities.values() for r in e.roles
                  for t in (r.title, *r.aliases) for w in _fold(t).split()
                  if len(w) >= _MIN_TITLE_WORD and w.isalpha()}
        return cls({k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
                   frozenset(n for n in names if n and " " not in n), frozenset(titles),
                   _complements(corpus), _by_head(corpus),
                   {k: frozenset(v) for k, v in owners.items()})

    def strip(self, role: str) -> str:
        """``role`` without one leading qualifier, or unchanged."""
        first = role.split(" ", 1)[0]
        for name in self.by_first.get(first, ()):
            if role.startswith(name + " "):
                return role[len(name) + 1:]
        if first.isalpha() and " " in role and (
                is_derived(first, self.single) or self._title_adjective(first)):
            return role.split(" ", 1)[1]
        return role

    def bodies(self, role: str) -> frozenset[str]:
        """The entities the title's leading qualifiers name ("Kremlin spokeswoman": the
        Kremlin). A demonym or a title's adjective names no body: "Russian" says which
        country, and a country holds many offices of one name."""
        text, found = _fold(role), set[str]()
        while (shorter := self.strip(text)) != text:
            found |= self.owners.get(text[: len(text) - len(shorter) - 1], frozenset())
            text = shorter
        return frozenset(found)

    def _title_adjective(self, word: str) -> bool:
        return any(word.endswith(end) and word[: -len(end)] in self.title_words
                   for end in _ADJECTIVE)


def _complements(corpus: Corpus) -> dict[str, str | None]:
    """Registered ways to name whom a title serves, each mapped to a canonical role title:
    role titles and multi-word role aliases, and the names of people who hold a role."""
    found: dict[str, set[str]] = defaultdict(set)
    for entity in corpus.entities.values():
        for role in entity.roles:
            for wording in (role.title, *role.aliases):
                if " " in (folded := _fold(wording)):  # "president" alone names no one
                    found[folded].add(_fold(role.title))
        if entity.kind == EntityKind.person and entity.roles:
            for name in entity_names(entity):
                found[_fold(name)].add(_fold(entity.roles[0].title))
    return {k: next(iter(v)) if len(v) == 1 else None for k, v in found.items()}


def _by_head(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for entity in corpus.entities.values():
        for role in entity.roles:
            for wording in (role.title, *role.aliases):
                head, of, _ = (folded := _fold(wording)).partition(" of ")
                if of:
                    found[head].add(folded)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    qualifiers = Qualifiers.build(corpus)
    offices: Registered | None = None  # built when the first titled claim asks
    owners: _Owners | None = None
    for speaker, claims in corpus.by_speaker.items():
        titled = [c for c in claims if c.claim.by.role]
        if not titled:
            continue
        offices = offices or Registered.build(corpus, qualifiers)
        owners = owners or _Owners.of(corpus, qualifiers, offices.wordings)
        reported: set[tuple[str, str]] = set()
        others = list(_other_offices(corpus, qualifiers, (offices, owners), speaker, titled,
                                     reported))
        # A title another mode reports (naming the office's holder or owner) is not
        # compared again: one wrong title, one finding.
        compared = [c for c in titled if (c.source.id, c.claim.id) not in reported]
        for cluster in _clusters(compared):
            hit = _compare(corpus, qualifiers, speaker, cluster)
            if hit is not None:
                yield hit
        yield from others


# A normalised wording -> the registered wordings it is, with the person and role.
Offices = dict[str, list[tuple[str, Role, str]]]


@dataclass(frozen=True)
class Registered:
    """The registry's terms of office (roles with a start date: an undated role, such as
    "opposition politician", describes many people and names no office one person holds),
    by normalised wording, and by title head ("chairman" of "Chairman of the Senate
    Foreign Relations Committee") for a title whose qualifier names the body."""

    wordings: Offices
    heads: Offices

    @classmethod
    def build(cls, corpus: Corpus, qualifiers: Qualifiers) -> Registered:
        wordings: Offices = defaultdict(list)
        heads: Offices = defaultdict(list)
        for entity in corpus.entities.values():
            for role in entity.roles:
                if role.start is None:
                    continue
                for form, wording in _wordings(role, qualifiers).items():
                    wordings[form].append((entity.id, role, wording))
                heads[_head(role, qualifiers)].append((entity.id, role, role.title))
        return cls(wordings, heads)

    def for_bodies(self, form: str, speaker: str, when: Interval,
                   bodies: frozenset[str]) -> list[tuple[str, Role, str]]:
        """Others holding, at the time, an office for one of ``bodies`` with this wording
        or head: "chairman" of the Senate Foreign Relations Committee."""
        found: dict[tuple[str, str], tuple[str, Role, str]] = {}
        for h in (*self.wordings.get(form, ()), *self.heads.get(form, ())):
            if h[0] != speaker and h[1].of in bodies and held(h[1]).overlaps(when):
                found.setdefault((h[0], h[1].title), h)
        return list(found.values())


def _head(role: Role, qualifiers: Qualifiers) -> str:
    return normalise(role.title, qualifiers).partition(" of ")[0]


def _wordings(role: Role, qualifiers: Qualifiers) -> dict[str, str]:
    """A role's wordings as N502 reads them (normalised -> as registered): its title, its
    aliases, and a bare alias completed by the title's complement ("spokesman of the
    president of Russia")."""
    served = _fold(role.title).partition(" of ")[2]
    found: dict[str, str] = {}
    for wording in (role.title, *role.aliases):
        found.setdefault(normalise(wording, qualifiers), wording)
        if served and " of " not in _fold(wording):
            found.setdefault(normalise(f"{wording} of {served}", qualifiers), wording)
    return found


@dataclass(frozen=True)
class Own:
    """The wordings that may be the speaker's: each title's head alone, at any time
    ("minister" of "minister of foreign affairs of Ukraine", "spokesperson" of
    "spokesperson of NATO"), and the wordings of each role while it is held. A title
    the speaker held before and another person holds now is that person's office then
    ("chairman of the committee" for its former chairman, two months after he left)."""

    heads: frozenset[str]
    terms: tuple[tuple[Role, frozenset[str]], ...]  # each role's wordings and head

    @classmethod
    def build(cls, entity: Entity, qualifiers: Qualifiers) -> Own:
        return cls(frozenset(_head(r, qualifiers) for r in entity.roles),
                   tuple((r, frozenset({*_wordings(r, qualifiers), _head(r, qualifiers)}))
                         for r in entity.roles))

    @property
    def every(self) -> frozenset[str]:
        """Every wording and head of the speaker's roles, at any time."""
        return self.heads.union(*(forms for _, forms in self.terms))

    def at(self, when: Interval, bodies: frozenset[str] | None = None) -> set[str]:
        """Every head, and the wordings of the roles held at the time; for ``bodies``,
        only the wordings and heads of the roles held then for one of them."""
        found = set(self.heads) if bodies is None else set()
        for role, forms in self.terms:
            if held(role).overlaps(when) and (bodies is None or role.of in bodies):
                found |= forms
        return found

    def former(self, form: str, when: Interval) -> list[Role]:
        """The speaker's roles with this wording (or head) that are not held at the time."""
        return [r for r, forms in self.terms if form in forms and not held(r).overlaps(when)]


def _other_offices(corpus: Corpus, qualifiers: Qualifiers,
                   registry: tuple[Registered, _Owners], speaker: str,
                   titled: list[ClaimInfo], reported: set[tuple[str, str]]) -> Iterator[Hit]:
    """One source's title for the speaker that the registry gives to another person's
    office at the time, and to none of the speaker's roles then; or whose qualifier names a
    body ("Kremlin spokeswoman", "Senate Foreign Relations Committee Chairman") for which
    the speaker holds no role of that wording then and another person does: per source,
    wording and body. Adds each reported claim (source, claim id) to ``reported``."""
    entity = corpus.entities.get(speaker)
    if entity is None or not entity.roles:
        return  # the registry says nothing of the speaker's offices
    offices, owners = registry
    own = Own.build(entity, qualifiers)
    own_bare = {_bare(w) for w in own.every}
    found: dict[tuple[str, str, frozenset[str]], list[ClaimInfo]] = defaultdict(list)
    abroad: dict[tuple[str, str], list[ClaimInfo]] = defaultdict(list)
    for ci in titled:
        written = ci.claim.by.role or ""
        form, said = normalise(written, qualifiers), _said(ci)
        # The registry tells the speaker's offices then, or the title is one the speaker
        # has left (a stale title: another's office if another holds it then)
        if not any(held(r).overlaps(said) for r in entity.roles) and not own.former(form, said):
            continue
        named = qualifiers.bodies(written)
        if named and form not in own.at(said, named) and \
                offices.for_bodies(form, speaker, said, named):
            found[(ci.source.id, form, named)].append(ci)
        elif form not in own.at(said) and _holders(offices.wordings, form, speaker, said):
            found[(ci.source.id, form, frozenset())].append(ci)
        elif owners.office(form, own_bare) and owners.foreign(ci, entity, said):
            abroad[(ci.source.id, form)].append(ci)
    reported |= {(c.source.id, c.claim.id) for group in (found, abroad)
                 for claims in group.values() for c in claims}
    for (_, form, named), claims in sorted(found.items(), key=lambda kv: kv[0][:2]):
        yield _other_hit(corpus, entity, offices, (form, named), own, claims)
    for (_, form), claims in sorted(abroad.items()):
        yield _abroad_hit(corpus, owners, entity, form, claims)


@dataclass
class _Owners:
    """Whose office a title says it is: the sides its owner words name (a possessive,
    "Ukraine's"; a demonym, "Ukrainian"; an "of" complement, "of Ukraine"), against the
    sides the speaker's roles are held for. A side is one the registry uses (some
    entry's ``side``); a name of no side, or a speaker of none, tells nothing. A bare
    name before a title ("Kremlin spokesman", "Ukraine envoy") may say whom the office
    deals with, not whose it is: it is not read."""

    corpus: Corpus
    names: dict[str, set[str]]  # folded name -> the sides of the entities it names
    single: frozenset[str]  # one-word names, whose demonyms name their sides
    sides: frozenset[str]
    offices: frozenset[str]  # registered offices' wordings without their last complement

    @classmethod
    def of(cls, corpus: Corpus, qualifiers: Qualifiers, offices: Offices) -> _Owners:
        sides = frozenset(e.side for e in corpus.entities.values() if e.side)
        names: dict[str, set[str]] = defaultdict(set)
        for e in corpus.entities.values():
            side = e.side or (e.id if e.id in sides else None)
            if e.kind in _QUALIFIER_KINDS and side is not None:
                for name in entity_names(e):
                    names[_fold(name)].add(side)
        return cls(corpus, dict(names), qualifiers.single, sides,
                   frozenset(_bare(w) for w in offices))

    def office(self, form: str, own_bare: set[str]) -> bool:
        """Whether a title, its owner complement aside ("foreign minister of Southland"),
        is a registered office's wording: the speaker's own or another person's term of
        office ("top diplomat" is neither)."""
        bare = _bare(form)
        return bare in own_bare or bare in self.offices

    def foreign(self, ci: ClaimInfo, speaker: Entity, when: Interval) -> set[str]:
        """The sides the claim's title names as its office's owner when none of them is
        one the speaker's roles are held for then (empty: no such owner, or one of the
        speaker's)."""
        mine = self.speaker_sides(speaker, when)
        named = self.owners(ci.claim.by.role or "")
        return set() if not mine or not named or named & mine else named

    def speaker_sides(self, speaker: Entity, when: Interval) -> set[str]:
        """The speaker's side and the sides of the bodies their roles held then are of."""
        found = {speaker.side} if speaker.side else set()
        for role in speaker.roles:
            body = self.corpus.entities.get(role.of) if role.of else None
            if body is not None and held(role).overlaps(when):
                found |= {s for s in (body.side, body.id) if s in self.sides}
        return found

    def owners(self, role: str) -> set[str]:
        """The sides a title's owner words name: a possessor ("Ukraine's", "of the
        Ukrainian president's"), the demonyms leading the title or a complement, and a
        complement that is a name ("of Ukraine")."""
        text = loose(role).casefold()
        lead, inner = _LEADING_POSSESSIVE.match(text), _POSSESSIVE.match(text)
        parts = [_fold(lead[1])] if lead is not None and " of " not in lead[1] else []
        parts += [_fold(inner[2])] if inner is not None else []
        parts += _fold(role).split(" of ")[1:]
        found = self._demonyms(_fold(role).split(" of ")[0])
        for part in parts:
            found |= self.names.get(part, set()) or self._demonyms(part, head=False)
        return found

    def _demonyms(self, text: str, head: bool = True) -> set[str]:
        """The sides named by the demonyms leading ``text`` ("ukrainian foreign minister"),
        up to its last word when that is the title's ``head``. A bare name ("Ukraine
        envoy") ends them: it may name whom the office deals with."""
        words = text.split()
        found: set[str] = set()
        for word in words[:-1] if head else words:
            seen = _Seen(self.single)
            if not word.isalpha() or word in self.single or not is_derived(word, seen):
                break
            found |= {s for name in seen.hits for s in self.names.get(name, ())}
        return found


class _Seen:
    """A set that remembers which of its members were asked for (the name a demonym is
    derived from)."""

    def __init__(self, members: frozenset[str]) -> None:
        self.members, self.hits = members, set[str]()

    def __contains__(self, item: object) -> bool:
        if item in self.members:
            self.hits.add(str(item))
            return True
        return False


def _holders(offices: Offices, form: str, speaker: str, when: Interval
             ) -> list[tuple[str, Role, str]]:
    return [(who, role, wording) for who, role, wording in offices.get(form, ())
            if who != speaker and held(role).overlaps(when)]


def _other_hit(corpus: Corpus, entity: Entity, offices: Registered,
               title: tuple[str, frozenset[str]], own: Own, claims: list[ClaimInfo]) -> Hit:
    (form, bodies), first = title, claims[0]
    written = first.claim.by.role or ""
    when = Interval(min(_said(c).start for c in claims), max(_said(c).end for c in claims))
    holders = offices.for_bodies(form, entity.id, when, bodies) if bodies else \
        _holders(offices.wordings, form, entity.id, when)
    left = own.former(form, when)
    # A title the speaker has left is the successor's: the others of the wording (every
    # country's "Foreign Minister") say nothing of it
    successors = [h for h in holders if any(h[1].of == r.of for r in left)]
    holders = successors or holders
    theirs = "; ".join(f"'{wording}' to {corpus.name(who)} ({role.title})"
                       for who, role, wording in holders[:MAX_LISTED])
    name = corpus.name(entity.id)
    mine = ", ".join(dict.fromkeys(r.title for r in entity.roles if held(r).overlaps(when)))
    roles = f"none of {possessive(name)} roles then ({mine})" if mine else \
        f"{name} holds no registered role then"
    if bodies:
        named = " or ".join(sorted(corpus.name(b) for b in bodies))
        whose = f"{roles} is that office of {named}" if mine else roles
    else:
        whose = roles
    former = "".join(f"; {name} held it until {r.end}" for r in left if r.end)
    return Hit(
        message=f"{name} is titled '{written}' ({first.focus}), a title of another office"
                f"{_window(when)}: the registry gives {theirs}, and {whose}{former}",
        location=first.locate("/by/role"), focus=first.focus, block=True,
        key=f"office|{entity.id}|{first.source.id}|{form}" + "".join(f"|{b}" for b in sorted(bodies)),
        claims=tuple(c.ref() for c in claims[: 2 * MAX_LISTED]),
        fix="check the article's title for the speaker: if the article got it wrong, record "
            "a reviewed finding (source-error); if the speaker holds that office too, add the "
            "role to the speaker's registry entry",
        values={"speaker": entity.id, "wording": written, "time": str(when),
                "holders": sorted({who for who, _, _ in holders})},
    )


def _abroad_hit(corpus: Corpus, owners: _Owners, entity: Entity, form: str,
                claims: list[ClaimInfo]) -> Hit:
    first = claims[0]
    written = first.claim.by.role or ""
    when = Interval(min(_said(c).start for c in claims), max(_said(c).end for c in claims))
    named = sorted(owners.owners(written))
    mine = sorted(owners.speaker_sides(entity, when))
    name = corpus.name(entity.id)
    roles = ", ".join(dict.fromkeys(r.title for r in entity.roles if held(r).overlaps(when)))
    return Hit(
        message=f"{name} is titled '{written}' ({first.focus}), an office of "
                f"{_names(corpus, named)}{_window(when)}: the registry gives "
                f"{possessive(name)} roles then ({roles}) for {_names(corpus, mine)}",
        location=first.locate("/by/role"), focus=first.focus, block=True,
        key=f"owner|{entity.id}|{first.source.id}|{form}|{'|'.join(named)}",
        claims=tuple(c.ref() for c in claims[: 2 * MAX_LISTED]),
        fix="check the article's title for the speaker: if the article named the wrong "
            "country or body, record a reviewed finding (source-error); if the speaker holds "
            "that office too, add the role (with its 'of') to the speaker's registry entry",
        values={"speaker": entity.id, "wording": written, "time": str(when),
                "named": named, "speaker_sides": mine},
    )


def _bare(form: str) -> str:
    """A wording without its last "of" complement ("minister of foreign affairs")."""
    return form.rpartition(" of ")[0] or form


def _names(corpus: Corpus, ids: list[str]) -> str:
    return " or ".join(corpus.name(i) for i in ids)


_INITIALISM = re.compile(r"(?<![\w.])(?:\w\.){2,}(?![\w])")


def _fold(text: str) -> str:
    """Casefolded, quotes unified, possessive 's and articles removed, spaces collapsed."""
    text = re.sub(r"'s\b", "", loose(text).casefold())
    # An initialism is one word with or without its dots: "U.S." is "US".
    text = _INITIALISM.sub(lambda m: m[0].replace(".", ""), text)
    text = re.sub(r"[^\w\s.'/&-]|(?<=\w)-(?=\w)", " ", text)
    return " ".join(w for w in text.split() if w not in _ARTICLES)


_POSSESSIVE = re.compile(r"^(.+?) of (?:the )?(.+?)'s (.+)$")


def normalise(role: str, qualifiers: Qualifiers) -> str:
    """The role's words with case, punctuation, articles and leading qualifiers removed."""
    text = _fold(role)
    head, of, complement = text.partition(" of ")
    if " for " in head:  # "spokeswoman for the president (of Ukraine)": whom it serves
        text = text.replace(" for ", " of ", 1)
        head, of, complement = text.partition(" of ")
    if not of:
        text = _attributive(text, qualifiers)
        head, of, complement = text.partition(" of ")
    if of and (canonical := _complement(complement, qualifiers)):
        text = f"{head} of {canonical}"
    elif turned := _possessive(role, qualifiers) or _leading_possessive(role, qualifiers):
        text = turned
    text = _inner(_stripped(text, qualifiers), qualifiers)
    words = re.sub(r"[^\w\s]", " ", text).split()
    return " ".join(_SYNONYMS.get(w, w) for w in words)


def _attributive(text: str, qualifiers: Qualifiers) -> str:
    """A title whose complement stands before it, as a registered wording writes it after
    "of": "Ukrainian Armed Forces Commander-in-Chief" is "Commander-in-Chief of the Armed
    Forces of Ukraine" (a wire's word order). Every word before the head must be a word of
    the registered complement, or its demonym, and the reverse; else unchanged. A head
    after qualifiers alone ("Ukrainian President") keeps them dropped: "president"."""
    words, bare = text.split(), _stripped(text, qualifiers)
    for k in range(1, len(words)):
        if " ".join(words[k:]) == bare:
            continue  # only qualifiers stand before this head: dropped, as before
        for wording in qualifiers.by_head.get(" ".join(words[k:]), ()):
            if _same_words(words[:k], wording.partition(" of ")[2], qualifiers.single):
                return wording
    return text


def _complement(complement: str, qualifiers: Qualifiers) -> str | None:
    """The canonical role title a complement names, read through the registry: as written,
    with a leading demonym turned round ("russian presidency" is "presidency of russia"),
    and an office's noun read as its holder's ("presidency" is "president", -ency of -ent:
    the president's office speaks for the president)."""
    words = complement.split()
    seen = _Seen(qualifiers.single)
    if len(words) > 1 and words[0] not in qualifiers.single and is_derived(words[0], seen) \
            and len(seen.hits) == 1:
        words = [*words[1:], "of", *seen.hits]
    for candidate in (complement, " ".join(words),
                      " ".join(re.sub(r"ency$", "ent", w) for w in words)):
        if canonical := qualifiers.complements.get(candidate):
            return canonical
    # "of Ukrainian President Volodymyr Zelenskiy": a title before a name, as a possessor's
    return _owner(complement, qualifiers)


def _inner(text: str, qualifiers: Qualifiers) -> str:
    """A qualifier after a title's first word dropped as a leading one is: "deputy Kremlin
    chief of staff" is a "Kremlin deputy chief of staff", a "deputy chief of staff"."""
    first, _, rest = text.partition(" ")
    if first in qualifiers.title_words and " " in rest and \
            (shorter := _stripped(rest, qualifiers)) != rest:
        return f"{first} {shorter}"
    return text


def _owner(owner: str, qualifiers: Qualifiers) -> str | None:
    """The canonical role title a possessor names: as written, or the name it ends with
    when a title stands before the name ("Ukrainian President Volodymyr Zelensky")."""
    words = owner.split()
    for k in range(len(words)):
        if canonical := qualifiers.complements.get(" ".join(words[k:])):
            return canonical
    return None


def _stripped(text: str, qualifiers: Qualifiers) -> str:
    while (shorter := qualifiers.strip(text)) != text:
        text = shorter
    return text


def _same_words(before: list[str], complement: str, single: frozenset[str]) -> bool:
    left = [w for w in complement.split() if w != "of"]
    if len(left) != len(before):
        return False
    for word in before:
        match = next((w for w in left if word == w or (w in single and is_derived(word, (w,)))),
                     None)
        if match is None:
            return False
        left.remove(match)
    return True


def _possessive(role: str, qualifiers: Qualifiers) -> str | None:
    """A possessive complement turned round, when the registry knows it: "press secretary
    of Ukraine's president" is "press secretary of the president of Ukraine"."""
    found = _POSSESSIVE.match(loose(role).casefold())
    if found is None:
        return None
    canonical = qualifiers.complements.get(_fold(f"{found[3]} of {found[2]}"))
    return f"{_fold(found[1])} of {canonical}" if canonical else None


_LEADING_POSSESSIVE = re.compile(r"^(?:the )?([^']+?)'s (.+)$")


def _leading_possessive(role: str, qualifiers: Qualifiers) -> str | None:
    """A title after a possessive, turned round when the registry knows the possessor
    ("the Russian president's press secretary" is "press secretary of the president of
    Russia"), or without it when the possessor is a word of a registered title ("the
    president's press secretary" is a "presidential press secretary": a qualifier)."""
    found = _LEADING_POSSESSIVE.match(loose(role).casefold())
    if found is None or " of " in found[1]:
        return None  # "press secretary of Ukraine's president": :func:`_possessive`
    owner, title = _fold(found[1]), _fold(found[2])
    if canonical := _owner(owner, qualifiers):
        return f"{title} of {canonical}"
    return title if owner in qualifiers.title_words else None


def _said(ci: ClaimInfo) -> Interval:
    if ci.said is not None:
        return ci.said
    return Interval(ci.published, ci.published) if ci.published else ALWAYS


def _clusters(claims: list[ClaimInfo]) -> Iterator[list[ClaimInfo]]:
    """Groups of claims whose said times chain-overlap, by one sweep over start dates."""
    current: list[ClaimInfo] = []
    end = dt.date.min
    for ci in sorted(claims, key=lambda c: (_said(c).start, _said(c).end)):
        if current and _said(ci).start > end:
            yield current
            current, end = [], dt.date.min
        current.append(ci)
        end = max(end, _said(ci).end)
    if current:
        yield current


def _compare(corpus: Corpus, qualifiers: Qualifiers, speaker: str,
             cluster: list[ClaimInfo]) -> Hit | None:
    forms = _forms(cluster, lambda role: normalise(role, qualifiers))
    sources = {ci.source.id for ci in cluster}
    if len(forms) < 2 or len(sources) < 2:
        return None
    when = Interval(min(_said(c).start for c in cluster), max(_said(c).end for c in cluster))
    registered = _registered(corpus, qualifiers, speaker, when)
    forms = _forms(cluster, lambda role: registered.get(n := normalise(role, qualifiers), n))
    if len(forms) < 2:
        return None  # every wording is the registry's for one role: the curator confirmed them
    # Point at the least-used wording: the likelier one to edit or confirm.
    rare = min(forms.values(), key=len)[0]
    by_form = {k: _by_wording(g) for k, g in forms.items()}
    wordings = {w: s for found in by_form.values() for w, s in found.items()}
    unregistered = [w for k, found in by_form.items() if k not in registered.values()
                    for w in found]
    listed = "; ".join(", ".join(f"'{w}' ({', '.join(s)})" for w, s in found.items())
                       for found in by_form.values())
    return Hit(
        message=f"{corpus.name(speaker)} is titled differently across sources{_window(when)}: "
                f"{listed}",
        location=rare.locate("/by/role"), focus=rare.focus, block=True,
        key=f"{speaker}|{when.start}", claims=tuple(c.ref() for c in cluster[: 2 * MAX_LISTED]),
        fix=_fix(unregistered),
        values={"speaker": speaker, "time": str(when) if when != ALWAYS else None,
                "wordings": wordings, "unregistered": unregistered},
    )


def _by_wording(group: list[ClaimInfo]) -> dict[str, list[str]]:
    """Each source's own wording in a group of one title, with the sources writing it;
    wordings differing only in case are one, written as first seen."""
    found: dict[str, tuple[str, set[str]]] = {}
    for ci in group:
        written = ci.claim.by.role or ""
        found.setdefault(loose(written).casefold(), (written, set()))[1].add(ci.source.id)
    return {written: sorted(ids) for written, ids in found.values()}


def _window(when: Interval) -> str:
    """The cluster's time in words: ' on 2021-04-12', ' in the week of 12-18 April 2021',
    ' between 2021-04-12 and 2021-04-20'; an open end: ' until 2021-04-12', ' since ...'."""
    if when == ALWAYS:
        return ""
    if when.start == when.end:
        return f" on {when.start}"
    if dt.date.min < when.start and when.end < dt.date.max:
        if when.start.weekday() == 0 and when.end - when.start == dt.timedelta(days=6):
            return f" in the week of {_week(when.start, when.end)}"
        return f" between {when.start} and {when.end}"
    return f" {when.words()}"


def _week(start: dt.date, end: dt.date) -> str:
    """'12-18 April 2021', '29 March-4 April 2021', '28 December 2020-3 January 2021'."""
    last = f"{end.day} {_MONTHS[end.month - 1]} {end.year}"
    if start.year != end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} {start.year}-{last}"
    if start.month == end.month:
        return f"{start.day}-{last}"
    return f"{start.day} {_MONTHS[start.month - 1]}-{last}"


def _forms(cluster: list[ClaimInfo], form: Callable[[str], str]) -> dict[str, list[ClaimInfo]]:
    forms: dict[str, list[ClaimInfo]] = defaultdict(list)
    for ci in cluster:
        forms[form(ci.claim.by.role or "")].append(ci)
    return forms


def _registered(corpus: Corpus, qualifiers: Qualifiers, speaker: str,
                when: Interval) -> dict[str, str]:
    """The registry's wordings (title and aliases, normalised) of the speaker's roles held
    during ``when``, each mapped to its role's normalised title."""
    entity = corpus.entities.get(speaker)
    found: dict[str, str] = {}
    for role in entity.roles if entity else ():
        if held(role).overlaps(when):
            # A bare wording ("spokesman") completed by the role's own complement is still
            # that role: "Putin's spokesman" reads "spokesman of the president of Russia",
            # the complement of "press secretary of the president of Russia".
            title = normalise(role.title, qualifiers)
            for form in _wordings(role, qualifiers):
                found.setdefault(form, title)
            # The title's head alone ("commander in chief" of "Commander-in-Chief of the
            # Armed Forces of Ukraine") is a shorter wording of it, not another title.
            found.setdefault(_head(role, qualifiers), title)
    return found


def _fix(unregistered: list[str]) -> str:
    if not unregistered:
        return ("each wording is the registry's title of a different role of the speaker: "
                "check which office each article means; if both are right, record a reviewed "
                "finding")
    missing = " and ".join(f"'{w}'" for w in unregistered)
    it, is_ = ("they", "are") if len(unregistered) > 1 else ("it", "is")
    return (f"check each article's title for the speaker: the registry's roles lack {missing}; "
            f"if {it} {is_} right, add {'them' if it == 'they' else 'it'} to the aliases of the "
            "speaker's role; if an article got the title wrong, record a reviewed finding")
