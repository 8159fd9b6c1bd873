"""One source gives a figure for places combined, another the same figure for each.

Catches a *scope discrepancy*: for one measure (subject, predicate, object and
unit) at overlapping times, one claim gives ONE figure for a set of places
combined ("more than 40,000 troops both on the border and in Crimea") while
another source gives a figure for each of them ("more than 40,000 on the
border and more than 40,000 in Crimea"), either as one claim with ``each:
true`` over the places or as several single-place claims of one source that
together cover them. The two readings imply different totals, so at least one
outlet has misread the figure. The finding shows both totals: the combined
figure, and the per-place figures summed ("each" over n places: n times).

Readings whose totals agree (80,000 combined, 40,000 each of two places) are
silent. Claims are grouped by measure and by the combined place set; a sweep
over time with running counts finds a time-overlapping pair from different
sources with different totals without comparing all pairs. One finding per
measure and place set. When a source gives several figures for one place, the
first in the record is used.

Fires:
    a#c1  "more than 40,000 troops" for Place A and Place B combined
    b#c1  "more than 40,000 troops" for each of Place A and Place B (implied:
          more than 80,000)

Silent:
    a#c1  80,000 troops for Place A and Place B combined
    b#c1  40,000 for Place A, b#c2  40,000 for Place B (implied: 80,000)

Options:
    about  reach of "about v", a fraction of v (default 0.1).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ._common import MAX_LISTED, proposition, who
from ._quantity import (
    ABOUT,
    Block,
    Span,
    end,
    figure,
    heading,
    places,
    source_of,
    span,
    span_words,
    start,
    value_key,
)

CODE = "Q203"
NAME = "quantity.scope"
CATEGORY = "quantity"
SEVERITY = "warning"
BLOCK = proposition  # each finding depends on one proposition's claims

Item = tuple[ClaimInfo, Span]


class Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    about: float = Field(ABOUT, ge=0, lt=1, description="How far 'about v' reaches either side "
                         "of v, as a fraction of v.")


@dataclass(frozen=True)
class Reading:
    """One side of the comparison: a combined figure, or per-place figures of one source."""

    source: str
    parts: tuple[Item, ...]
    total: Span
    first: dt.date
    last: dt.date

    @property
    def key(self) -> tuple[float, float, bool, bool]:
        return value_key(self.total)


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for block, claims in corpus.by_quantity.items():
        if len(claims) < 2:
            continue
        index = _Index(claims, options.about)
        for places_, combined in index.combined.items():
            found = _witness(combined, index.per_place(places_))
            if found is not None:
                yield _hit(corpus, block, places_, *found)


class _Index:
    """A block's usable figures: combined ones by place set, per-place ones by place."""

    def __init__(self, claims: Sequence[ClaimInfo], about: float) -> None:
        self.combined: dict[frozenset[str], list[Reading]] = defaultdict(list)
        self.each: dict[str, list[Item]] = defaultdict(list)  # place -> claims "each" over it
        self.single: dict[str, dict[str, Item]] = defaultdict(dict)  # source -> place -> first
        self.single_sources: dict[str, set[str]] = defaultdict(set)  # place -> sources
        for ci in claims:
            q = ci.claim.quantity
            s = span(q, about) if q is not None else None
            if q is None or s is None:
                continue
            scope = frozenset(q.scope)
            if len(scope) == 1:
                (place,) = scope
                self.single[ci.source.id].setdefault(place, (ci, s))
                self.single_sources[place].add(ci.source.id)
            elif len(scope) > 1 and q.each:
                for place in scope:
                    self.each[place].append((ci, s))
            elif len(scope) > 1:
                self.combined[scope].append(_reading(ci.source.id, ((ci, s),), s))

    def per_place(self, places_: frozenset[str]) -> list[Reading]:
        """Every reading that gives a figure for each place of ``places_``."""
        n = len(places_)
        rarest = min(places_, key=lambda p: len(self.each.get(p, ())))
        out = [_reading(ci.source.id, ((ci, s),), s.times(n)) for ci, s in self.each.get(rarest, ())
               if places_ <= frozenset(ci.claim.quantity.scope if ci.claim.quantity else ())]
        sources = set.intersection(*(self.single_sources.get(p, set()) for p in places_))
        for source in sorted(sources):
            parts = tuple(self.single[source][p] for p in sorted(places_))
            total = parts[0][1]
            for _, s in parts[1:]:
                total = total.plus(s)
            reading = _reading(source, parts, total)
            if reading.first <= reading.last:  # the places' figures share a time
                out.append(reading)
        return out


def _reading(source: str, parts: tuple[Item, ...], total: Span) -> Reading:
    # The window in which every part's time holds (unknown times hold always).
    return Reading(source, parts, total, max(start(ci) for ci, _ in parts),
                   min(end(ci) for ci, _ in parts))


Found = tuple[Reading, Reading, list[Reading]]


def _witness(combined: list[Reading], per_place: list[Reading]) -> Found | None:
    """A combined and a per-place reading from different sources, with different totals,
    whose times overlap. Sweep by start time; running counts of the active readings
    tell in O(1) whether such a pair exists among them (all pairs, minus those with the
    same total, minus those from the same source, plus those with both)."""
    if not per_place:
        return None
    items = sorted([(r, 0) for r in combined] + [(r, 1) for r in per_place],
                   key=lambda x: x[0].first)
    active = _Active()
    ending: list[tuple[dt.date, int]] = []
    for i, (reading, side) in enumerate(items):
        while ending and ending[0][0] < reading.first:
            _, j = heapq.heappop(ending)
            active.update(j, *items[j], -1)
        active.update(i, reading, side, +1)
        heapq.heappush(ending, (reading.last, i))
        # Check once every reading starting now is in, so that all are listed.
        batch_done = i + 1 == len(items) or items[i + 1][0].first > reading.first
        if batch_done and active.pairs() > 0:
            return active.find()
    return None


class _Active:
    """The active readings of each side (0 combined, 1 per-place) and their counts."""

    def __init__(self) -> None:
        self.live: tuple[dict[int, Reading], dict[int, Reading]] = ({}, {})
        self.key: tuple[Counter[object], Counter[object]] = (Counter(), Counter())
        self.src: tuple[Counter[object], Counter[object]] = (Counter(), Counter())
        self.both: tuple[Counter[object], Counter[object]] = (Counter(), Counter())
        self.same_key = self.same_src = self.same_both = 0

    def update(self, i: int, r: Reading, side: int, d: int) -> None:
        other = 1 - side
        self.same_key += d * self.key[other][r.key]
        self.same_src += d * self.src[other][r.source]
        self.same_both += d * self.both[other][(r.key, r.source)]
        self.key[side][r.key] += d
        self.src[side][r.source] += d
        self.both[side][(r.key, r.source)] += d
        if d > 0:
            self.live[side][i] = r
        else:
            del self.live[side][i]

    def pairs(self) -> int:
        total = len(self.live[0]) * len(self.live[1])
        return total - self.same_key - self.same_src + self.same_both

    def find(self) -> Found:
        for r in self.live[1].values():
            if (len(self.live[0]) - self.key[0][r.key] - self.src[0][r.source]
                    + self.both[0][(r.key, r.source)]) > 0:
                c = next(c for c in self.live[0].values()
                         if c.key != r.key and c.source != r.source)
                others = [x for x in self.live[0].values() if x is not c and x.key != r.key]
                others += [x for x in self.live[1].values() if x is not r and x.key != c.key]
                return c, r, others
        raise AssertionError("pairs() > 0 promises a witness")


def _hit(corpus: Corpus, block: Block, places_: frozenset[str], combined: Reading,
         each: Reading, others: list[Reading]) -> Hit:
    (ci, s), = combined.parts
    q = ci.claim.quantity
    assert q is not None
    where = places(corpus, list(dict.fromkeys(q.scope)))
    message = (f"scope discrepancy for {heading(corpus, block)}: {source_of(corpus, ci)} gives "
               f"{figure(q, unit=False)} for {where} combined; {_per_place_words(corpus, each, places_)}")
    listed = [c for r in (combined, each, *others) for c, _ in r.parts]
    unique = list(dict.fromkeys(id(c) for c in listed))
    by_id = {id(c): c for c in listed}
    return Hit(
        message=message, location=ci.locate("/quantity"), focus=ci.focus, block=True,
        key=f"scope|{'|'.join(block)}|{','.join(sorted(places_))}",
        claims=tuple(by_id[k].ref() for k in unique[: 2 * MAX_LISTED]),
        fix="read both articles again: is the figure for the places together or for each? "
            "Correct 'each' in the record that misreads it, or record a reviewed finding",
        values={"scope": sorted(places_), "combined": str(s), "summed": str(each.total),
                "combined_figure": figure(q),
                "per_place": [figure(c.claim.quantity) for c, _ in each.parts
                              if c.claim.quantity is not None],
                "combined_claim": ci.focus, "per_place_claims": [c.focus for c, _ in each.parts]},
    )


def _per_place_words(corpus: Corpus, r: Reading, places_: frozenset[str]) -> str:
    """'B (b#c1) gives more than 40,000 for each (implied total more than 80,000)'."""
    total = f"(implied total {span_words(r.total)})"
    if len(r.parts) == 1:
        (ci, _), = r.parts
        q = ci.claim.quantity
        assert q is not None
        extra = set(q.scope) - places_
        scope = " for each" if not extra else f" for each of {places(corpus, q.scope)}"
        return f"{source_of(corpus, ci)} gives {figure(q, unit=False)}{scope} {total}"
    speakers = {who(corpus, ci) for ci, _ in r.parts}
    name = speakers.pop() if len(speakers) == 1 else corpus.name(r.parts[0][0].source.outlet)
    refs = ", ".join(ci.focus for ci, _ in r.parts)
    figures = " and ".join(f"{figure(ci.claim.quantity, unit=False)} for "
                           f"{places(corpus, ci.claim.quantity.scope)}"
                           for ci, _ in r.parts if ci.claim.quantity is not None)
    return f"{name} ({refs}) gives {figures} {total}"
