"""A figure for places combined against per-place figures: a misread scope, or totals apart.

Catches a *scope discrepancy*: for one measure (subject, predicate, object and
unit) at overlapping times, one claim gives ONE figure for a set of places
combined ("more than 40,000 troops both on the border and in Crimea") while
another source gives a figure for each of them ("more than 40,000 on the
border and more than 40,000 in Crimea"), either as one claim with ``each:
true`` over the places or as several single-place claims of one source that
together cover them. A combined and a per-place reading disagree when

- they write one number (value, or range ends) for the places together and for
  each place, their totals differing: "more than 40,000" combined and "more
  than 40,000" or "40,000" each, so at least one outlet has misread the
  figure's scope; or
- the combined figure and the per-place figures summed cannot both hold (their
  intervals are disjoint) and lie apart by more than ``tolerance`` (default 5%,
  Q201's) of the larger: 60,000 combined and more than 40,000 each (more than
  80,000), or more than 100,000 combined and up to 40,000 each. A misread scope
  changes a total n-fold; a smaller gap is a discrepancy between two figures (a
  round 80,000 combined against 42,000 each, 84,000; up to 80,000 combined against
  more than 40,000 each), not a misread.

Such a smaller gap is a finding of its own, a *total discrepancy*: a combined figure and
per-place figures of another source whose totals cannot both hold (disjoint intervals)
but lie at most ``tolerance`` apart, as two figures of one scope do in Q202 ("the totals
differ by at least 2.8%"). Its fix is another: a total rounded or out of date, not "each"
misread. A place set may have both findings (one misread, another total off by a little);
a pair of one number read two ways is the scope discrepancy's, unless the tolerance is
set as wide as its gap (about 40% and more). Each reading asks the other side for the
nearest total below and above its own among readings of other sources whose times meet
(a sweep over bounds adding readings to a 2-D Fenwick structure over starts and ends,
O(n log^2 n)): the gap only grows with distance, so a reading is close to some reading
exactly when it is close to one of these. The message names the earliest combined
reading involved and its nearest per-place total, then one pair for each other reading
involved (at most 10).

Combined and per-place readings are compared within one mood, as in Q201: counts with
counts, forecasts (expects) with forecasts. A figure its own article updates later
(``quantity.supersedes``: a live blog's 20,000 for both places at 11:20, made 80,000 at
18:40) is no reading, as in Q201: the article's word is the update, so neither a
superseded combined figure nor a superseded per-place one is reported or summed.

A figure is an interval: "more than v", "at least v", "fewer than v", "up to
v", "about v" (within ``about``), a range, and a round figure within half a
unit of its last significant digit, at most 1% either way; sums add the ends.
The finding shows both totals: the combined figure, and the per-place figures
summed ("each" over n places: n times).

Readings whose totals can both hold and that write different numbers are
silent: 80,000 combined and 40,000 each, 80,000 to 100,000 combined or more
than 80,000 combined and more than 40,000 each. Times must overlap; readings
of a state or measure without a time of their own also meet when given at
most ``window_days`` apart (as in Q201). Claims are grouped by measure and by
the combined place set. Each reading asks the other side, among readings of
other sources whose times meet, for those writing its number with another
total (bisection over sorted starts and ends) and for the lowest and highest
total (a sweep over starts with a tree over ends): no pairs compared. One scope
finding per measure and place set (and one total discrepancy), listing every reading that disagrees with
some other; the message names the earliest combined figure that another
source gives for each place (the same number read two ways), else the
earliest that disagrees, then ("also: c#c1 41,000 combined vs d#c1, d#c2 41,000 +
42,000") one reading each other reading involved disagrees with, at most 10
pairs, each found by one pass over the other side: a reading that joins a
reviewed finding (T004) is seen in it. When a source gives several figures for one place,
the first in the record is used.

Fires:
    a#c1  "more than 40,000 troops" for Place A and Place B combined
    b#c1  "more than 40,000 troops" for each of Place A and Place B (implied:
          more than 80,000)
    or, a total discrepancy: c#c1 80,000 for Place A and Place B combined; d#c1 42,000
          for each (implied 84,000: 83,160 to 84,840 as round figures, 2.8% or more apart)

Silent:
    a#c1  80,000 troops for Place A and Place B combined
    b#c1  40,000 for Place A, b#c2  40,000 for Place B (implied: 80,000)
    c#c1  80,000 to 100,000 troops for Place A and Place B combined
    d#c1  more than 40,000 for each of Place A and Place B (implied: more
          than 80,000)
    e#c1  42,000 for each of Place A and Place B (implied 84,000: a 3% gap, less than the
          tolerance: against a#c1's 80,000 no scope discrepancy but a total discrepancy)
    f#c1  40,000 for Place A and Place B combined, superseded by f#c2 80,000 for both
          (the same record's later post), against b's 40,000 each

Options:
    about        reach of "about v", a fraction of v (default 0.1);
    tolerance    largest relative gap between totals that is no misread scope but a
                 total discrepancy (default 0.05, Q201's);
    window_days  undated readings of a state given at most this many days apart
                 are compared (default 3).
    Q201, Q202 and Q203 read about, tolerance and window_days as one setting each: a
    configuration that gives them different values is refused (exit 2).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ._common import MAX_LISTED, proposition, who
from ._quantity import (
    ABOUT,
    TOLERANCE,
    WINDOW,
    Block,
    Covering,
    Plane,
    Rank,
    Span,
    also,
    best_two,
    by_mood,
    current,
    digits_for,
    end,
    figure,
    heading,
    meet,
    meeting,
    mood_key,
    numbers,
    places,
    source_of,
    span,
    span_words,
    start,
    state_like,
    undated,
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
    SHARED: ClassVar[dict[str, str]] = {"about": "figures", "tolerance": "figures",
                                        "window_days": "figures"}  # as Q201's and Q202's
    about: float = Field(ABOUT, ge=0, lt=1, description="How far 'about v' reaches either side "
                         "of v, as a fraction of v.")
    tolerance: float = Field(TOLERANCE, ge=0, le=1, description="Largest relative gap (gap / "
                             "the larger bound) between a combined total and a per-place sum "
                             "that is a discrepancy of figures, not a misread scope (Q201's).")
    window_days: int = Field(WINDOW, ge=0, le=366, description="Readings of a state or measure "
                             "without a time of their own stand around the day they were given: "
                             "two such readings at most this many days apart are compared.")


@dataclass(frozen=True)
class Reading:
    """One side of the comparison: a combined figure, or per-place figures of one source."""

    source: str
    parts: tuple[Item, ...]
    total: Span
    first: dt.date
    last: dt.date
    undated: bool  # every part is a figure without a time of its own
    # The number written: the combined figure's, or the one figure every place is given
    # (value, or range ends, to 9 significant digits); None when the places' figures differ.
    figure: tuple[float, ...] | None

    @property
    def key(self) -> tuple[float, float, bool, bool]:
        return value_key(self.total)


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for block, every in corpus.by_quantity.items():
        all_claims = current(every)
        if len(all_claims) < 2:
            continue
        window = options.window_days if state_like(corpus, block) else None
        for m, claims in by_mood(all_claims).items():
            index = _Index(claims, options.about)
            for places_, combined in index.combined.items():
                per_place = index.per_place(places_)
                found = _involved(combined, per_place, window, options.tolerance)
                if found is not None:
                    pairs = _other_pairs(found, {id(r) for r in combined},
                                         (combined, per_place), window, options.tolerance)
                    yield _hit(corpus, block, places_, *found, pairs, m)
                near = _close_pairs(combined, per_place, window, options.tolerance)
                if near:
                    yield _total_hit(corpus, block, places_, near, m, options.tolerance)


def _other_pairs(found: Found, combined: set[int], sides: tuple[list[Reading], list[Reading]],
                 window: int | None, tolerance: float) -> list[tuple[Reading, Reading]]:
    """A (combined, per-place) pair for each involved reading the named pair leaves out,
    each reading once, for at most MAX_LISTED of them: each finds its counterpart by one
    pass over the other side (linear, the involved readings being bounded)."""
    first, other, rest = found
    named = {id(first), id(other)}
    out: list[tuple[Reading, Reading]] = []
    for r in rest:
        if id(r) in named:
            continue
        if len(out) == MAX_LISTED:
            break
        mine = id(r) in combined
        pair = next((p for o in sides[1 if mine else 0]
                     for p in [(r, o) if mine else (o, r)] if _disagree(*p, window, tolerance)), None)
        if pair is not None:
            out.append(pair)
            named |= {id(pair[0]), id(pair[1])}
    return out


class _Index:
    """A block's usable figures: combined ones by place set, per-place ones by place."""

    def __init__(self, claims: Sequence[ClaimInfo], about: float) -> None:
        self.combined: dict[frozenset[str], list[Reading]] = defaultdict(list)
        self.each: Covering[Item] = Covering()  # claims giving a figure for each of places
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
                self.each.add((ci, s), q.scope)
            elif len(scope) > 1:
                self.combined[scope].append(_reading(ci.source.id, ((ci, s),), s))

    def per_place(self, places_: frozenset[str]) -> list[Reading]:
        """Every reading that gives a figure for each place of ``places_``."""
        n = len(places_)
        out = [_reading(ci.source.id, ((ci, s),), s.times(n))
               for ci, s in self.each.of(places_)]
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
    written = {tuple(float(f"{x:.9g}") for x in numbers(ci.claim.quantity)) for ci, _ in parts}
    return Reading(source, parts, total, max(start(ci) for ci, _ in parts),
                   min(end(ci) for ci, _ in parts), all(undated(ci) for ci, _ in parts),
                   written.pop() if len(written) == 1 else None)


Found = tuple[Reading, Reading, list[Reading]]


def _involved(combined: list[Reading], per_place: list[Reading], window: int | None,
              tolerance: float) -> Found | None:
    """A combined and a per-place reading that disagree (see :func:`_disagree`), and
    every other reading that disagrees with some reading of the other side.

    Each reading asks the other side twice: for readings of its own number from other
    sources with other totals whose times meet, counted by bisection over sorted starts
    and ends per number (all, minus the same total, minus the same source, plus both);
    and for the lowest and the highest total among readings of other sources whose times
    meet, by a sweep over starts with a tree over ends that keeps the best two of
    different sources (a reading's own source may hold the best). Both are O(n log n)."""
    if not per_place or not combined:
        return None
    sides = (combined, per_place)
    same = (_SameNumber(combined, window), _SameNumber(per_place, window))
    apart = (_apart(per_place, combined, window, tolerance),
             _apart(combined, per_place, window, tolerance))
    hit = [[r for r, far in zip(side, apart[n], strict=True)
            if far or same[1 - n].counterparts(r) > 0] for n, side in enumerate(sides)]
    if not hit[0]:
        return None
    first, other = _witness(hit[0], per_place, same[1], window, tolerance)
    rest = [r for side in hit for r in side if r is not first and r is not other]
    return first, other, rest


def _witness(combined: list[Reading], per_place: list[Reading], same: _SameNumber,
             window: int | None, tolerance: float) -> tuple[Reading, Reading]:
    """The pair the message names: the earliest combined figure that another source gives
    as the figure of each place (the same number read two ways), else the earliest."""
    ordered = sorted(combined, key=lambda r: r.first)
    first = next((c for c in ordered if same.counterparts(c) > 0), ordered[0])
    other = min((r for r in per_place if _disagree(first, r, window, tolerance)),
                key=lambda r: (not _same_number(first, r), r.first))
    return first, other


def _meet(a: Reading, b: Reading, window: int | None) -> bool:
    """Times meet as figures' times do (:func:`~._quantity.meeting`)."""
    return meet(_days(a), _days(b), window, a.undated, b.undated)


def _same_number(a: Reading, b: Reading) -> bool:
    """One number read two ways: the combined figure is the one given for each place
    (their totals differ: 40,000 combined, 40,000 each)."""
    return a.figure is not None and a.figure == b.figure and a.key != b.key


def _disagree(a: Reading, b: Reading, window: int | None, tolerance: float) -> bool:
    """A combined and a per-place reading of different sources whose times meet, that
    read one number two ways, or whose totals are apart (:func:`_far`)."""
    return (a.source != b.source and _meet(a, b, window)
            and (_same_number(a, b) or _far(a.total, b.total, tolerance)
                 or _far(b.total, a.total, tolerance)))


def _far(low: Span, high: Span, tolerance: float) -> bool:
    """``low`` lies below ``high`` by more than ``tolerance`` of the larger bound: a
    misread scope changes a total n-fold, so a smaller gap between totals (a round
    80,000 against 42,000 each) is two figures' discrepancy, not a misread scope."""
    return low.below(high) and low.relative_gap(high) > tolerance


class _SameNumber:
    """Readings grouped by the number they write, each group a :class:`_Pool`."""

    def __init__(self, readings: list[Reading], window: int | None) -> None:
        groups: dict[tuple[float, ...], list[Reading]] = defaultdict(list)
        for r in readings:
            if r.figure is not None:
                groups[r.figure].append(r)
        self.pools = {k: _Pool(v, window) for k, v in groups.items()}

    def counterparts(self, r: Reading) -> int:
        """Readings of ``r``'s number, of other sources and totals, whose times meet."""
        pool = self.pools.get(r.figure) if r.figure is not None else None
        return pool.counterparts(r) if pool is not None else 0


class _Pool:
    """One side's readings, sorted by start and by end per group, to count the
    readings of a group whose time meets a given one."""

    def __init__(self, readings: list[Reading], window: int | None) -> None:
        self.window = window
        self.bounds: dict[tuple[bool, object], tuple[list[int], list[int]]] = {}
        groups: dict[tuple[bool, object], list[Reading]] = defaultdict(list)
        for r in readings:
            undated = window is not None and r.undated
            for g in (None, ("k", r.key), ("s", r.source), ("b", r.key, r.source)):
                groups[(undated, g)].append(r)
        for group, members in groups.items():
            self.bounds[group] = (sorted(_day(r.first) for r in members),
                              sorted(_day(r.last) for r in members))

    def counterparts(self, r: Reading) -> int:
        """Readings of this pool from other sources, with other totals, whose time meets ``r``'s."""
        groups = (None, ("k", r.key), ("s", r.source), ("b", r.key, r.source))
        signs = (1, -1, -1, 1)
        return sum(sign * self._meeting(undated, g, r)
                   for undated in (False, True) for g, sign in zip(groups, signs, strict=True))

    def _meeting(self, undated: bool, group: object, r: Reading) -> int:
        bounds = self.bounds.get((undated, group))
        if bounds is None:
            return 0
        starts, ends = bounds
        lo, hi = meeting(*_days(r), self.window, undated, r.undated)
        # Those starting by ``hi``, minus those ending before ``lo`` (which start before it).
        return bisect.bisect_right(starts, hi) - bisect.bisect_left(ends, lo)


def _apart(pool: list[Reading], askers: list[Reading], window: int | None, tolerance: float
           ) -> list[bool]:
    """For each asker: does a reading of ``pool`` from another source, whose time meets
    the asker's, have a total far from the asker's (:func:`_far`)? The lowest total
    (least upper bound) and the highest (greatest lower bound) among them are the ones
    to try: the lower a total below, the larger its relative gap, or a gap above 1."""
    lows = _best(pool, askers, window, lambda r: (r.total.hi, not r.total.hi_open))
    highs = _best(pool, askers, window, lambda r: (-r.total.lo, not r.total.lo_open))
    return [(low is not None and _far(low.total, r.total, tolerance))
            or (high is not None and _far(r.total, high.total, tolerance))
            for r, low, high in zip(askers, lows, highs, strict=True)]


Entry = tuple[Rank, str, Reading]  # (rank, source, reading)


def _best(pool: list[Reading], askers: list[Reading], window: int | None,
          rank: Callable[[Reading], Rank]) -> list[Reading | None]:
    """For each asker, the reading of ``pool`` with the least rank among those of other
    sources whose time meets the asker's (see :func:`_meet`). Readings without a time of
    their own reach ``window`` days towards askers without one, so they are searched apart."""
    def search(group: list[Reading], undated: bool) -> list[Reading | None]:
        queries = [(hi, lo, a.source) for a in askers
                   for lo, hi in [meeting(*_days(a), window, undated, a.undated)]]
        return _least(group, queries, rank)

    return _dated_apart(pool, len(askers), window, search, rank)


def _dated_apart(pool: list[Reading], asked: int, window: int | None,
                 search: Callable[[list[Reading], bool], list[Reading | None]],
                 rank: Callable[[Reading], Any]) -> list[Reading | None]:
    """``search`` run on the dated readings of ``pool`` and on the undated ones apart (an
    undated reading reaches ``window`` days), keeping for each asker the better by ``rank``."""
    undated = [r for r in pool if window is not None and r.undated]
    dated = [r for r in pool if not (window is not None and r.undated)]
    out: list[Reading | None] = [None] * asked
    for group, undated_ in ((dated, False), (undated, True)):
        if group:
            found = search(group, undated_)
            out = [min((x for x in (o, f) if x is not None), key=rank, default=None)
                   for o, f in zip(out, found, strict=True)]
    return out


def _least(points: list[Reading], queries: list[tuple[int, int, str]],
           rank: Callable[[Reading], Rank]) -> list[Reading | None]:
    """For each query (a, b, source): the point of least rank among those of another
    source starting by day a and ending on day b or later. A sweep by start with a
    Fenwick tree over ends (latest first) whose nodes keep the best point and the best
    of another source: the best of the union of two sets is among their two such pairs,
    and so is the best of the union other than any one source. O((n + m) log n)."""
    ends = sorted({_day(p.last) for p in points}, reverse=True)
    position = {y: n for n, y in enumerate(ends)}
    keys = [-y for y in ends]  # ascending: positions [0, k) end on day b or later
    tree: list[list[Entry]] = [[] for _ in range(len(ends) + 1)]
    ordered = sorted(points, key=lambda p: p.first)
    out: list[Reading | None] = [None] * len(queries)
    j = 0
    for n in sorted(range(len(queries)), key=lambda n: queries[n][0]):
        a, b, source = queries[n]
        while j < len(ordered) and _day(ordered[j].first) <= a:
            p = ordered[j]
            i = position[_day(p.last)] + 1
            while i < len(tree):
                tree[i] = best_two([*tree[i], (rank(p), p.source, p)])
                i += i & -i
            j += 1
        held: list[Entry] = []
        i = bisect.bisect_right(keys, -b)
        while i > 0:
            held = best_two([*held, *tree[i]])
            i -= i & -i
        out[n] = next((e[2] for e in held if e[1] != source), None)
    return out


def _close(a: Reading, b: Reading, window: int | None, tolerance: float) -> bool:
    """A combined and a per-place reading of different sources whose times meet and whose
    totals cannot both hold, yet lie no more than ``tolerance`` apart (the disjoint totals
    :func:`_far` leaves out): two figures' discrepancy, a total rounded or out of date."""
    return (a.source != b.source and _meet(a, b, window)
            and (_near(a.total, b.total, tolerance) or _near(b.total, a.total, tolerance)))


def _near(low: Span, high: Span, tolerance: float) -> bool:
    return low.below(high) and low.relative_gap(high) <= tolerance


Close = tuple[Reading, Reading, float]  # (combined, per-place, relative gap of their totals)


def _close_pairs(combined: list[Reading], per_place: list[Reading], window: int | None,
                 tolerance: float) -> list[Close]:
    """Each reading that is :func:`_close` to some reading of the other side, paired with
    the nearest such; the pairs of combined readings first, the earliest first.

    Below a reading's total, the nearest total is the one with the greatest upper bound;
    above it, the one with the least lower bound: a gap only grows as a total lies further
    off (totals of opposite signs are 100% apart or more), so a reading is close to some
    reading exactly when it is close to one of these two (:func:`_nearest`)."""
    if not combined or not per_place:
        return []
    sides = (combined, per_place)
    out: tuple[list[Close], list[Close]] = ([], [])
    for n, side in enumerate(sides):
        pool = sides[1 - n]
        below = _nearest(pool, side, window, _BELOW)
        above = _nearest(pool, side, window, _ABOVE)
        for r, low, high in zip(side, below, above, strict=True):
            gaps = [(o, g) for o, g in _gaps(r, low, high) if g <= tolerance]
            if gaps:
                o, g = min(gaps, key=lambda x: x[1])
                out[n].append((r, o, g) if n == 0 else (o, r, g))
    return sorted(out[0], key=lambda c: c[0].first) + out[1]


def _gaps(r: Reading, low: Reading | None, high: Reading | None) -> Iterator[tuple[Reading, float]]:
    """The relative gaps between ``r``'s total and the nearest below and above it."""
    if low is not None:
        yield low, low.total.relative_gap(r.total)
    if high is not None:
        yield high, r.total.relative_gap(high.total)


@dataclass(frozen=True)
class _Side:
    """Where :func:`_nearest` looks: ``point(p) < query(r)`` when p's total lies wholly on
    that side of r's (as :meth:`Span.below` reads open and closed ends); ``rank`` puts the
    nearest such first."""

    point: Callable[[Span], tuple[float, int]]
    query: Callable[[Span], tuple[float, int]]
    rank: Callable[[Span], Rank]


# At equal values an open upper bound lies below a closed one, an open lower bound above.
_BELOW = _Side(lambda s: (s.hi, -1 if s.hi_open else 0), lambda s: (s.lo, 1 if s.lo_open else 0),
               lambda s: (-s.hi, s.hi_open))
_ABOVE = _Side(lambda s: (-s.lo, -1 if s.lo_open else 0), lambda s: (-s.hi, 1 if s.hi_open else 0),
               lambda s: (s.lo, s.lo_open))


def _nearest(pool: list[Reading], askers: list[Reading], window: int | None, side: _Side
             ) -> list[Reading | None]:
    """For each asker, the nearest reading of ``pool`` whose total lies wholly on ``side``
    of its own, among readings of other sources whose time meets the asker's. Readings
    without a time of their own reach ``window`` days towards askers without one, so they
    are searched apart (as :func:`_best`)."""
    def search(group: list[Reading], undated: bool) -> list[Reading | None]:
        queries = [meeting(*_days(a), window, undated, a.undated) for a in askers]
        return _nearest_in(group, askers, queries, side)

    return _dated_apart(pool, len(askers), window, search, lambda r: side.rank(r.total))


def _nearest_in(points: list[Reading], askers: list[Reading], queries: list[tuple[int, int]],
                side: _Side) -> list[Reading | None]:
    """A sweep over the askers in order of ``side.query`` that adds the points lying on
    ``side`` of each to a :class:`~._quantity.Plane` over (start, end) keeping the nearest
    two of different sources (the asker's own source may hold the nearest); each asker
    then asks those starting by the last day it reaches and ending on its first or later
    (``queries``: first, last). O((n + m) log^2 n)."""
    starts = sorted({_day(p.first) for p in points})
    plane: Plane[list[Entry]] = Plane(
        [(bisect.bisect_left(starts, _day(p.first)), _day(p.last)) for p in points], [],
        lambda a, b: best_two([*a, *b]))
    ordered = sorted(points, key=lambda p: side.point(p.total))
    out: list[Reading | None] = [None] * len(askers)
    j = 0
    for n in sorted(range(len(askers)), key=lambda n: side.query(askers[n].total)):
        bound = side.query(askers[n].total)
        while j < len(ordered) and side.point(ordered[j].total) < bound:
            p = ordered[j]
            plane.put(bisect.bisect_left(starts, _day(p.first)), _day(p.last),
                      [(side.rank(p.total), p.source, p)])
            j += 1
        first, last = queries[n]
        held = plane.query(bisect.bisect_right(starts, last), first)
        out[n] = next((e[2] for e in held if e[1] != askers[n].source), None)
    return out


def _day(d: dt.date) -> int:
    return d.toordinal()


def _days(r: Reading) -> tuple[int, int]:
    return _day(r.first), _day(r.last)


def _hit(corpus: Corpus, block: Block, places_: frozenset[str], combined: Reading,
         each: Reading, others: list[Reading], pairs: list[tuple[Reading, Reading]],
         mood: str) -> Hit:
    (ci, _), = combined.parts
    q = ci.claim.quantity
    assert q is not None
    where = places(corpus, list(dict.fromkeys(q.scope)))
    digits = _digits(combined, each, pairs)
    message = (f"scope discrepancy for {heading(corpus, block)}: {source_of(corpus, ci)} gives "
               f"{figure(q, unit=False, digits=digits)} for {where} combined; "
               f"{_per_place_words(corpus, each, places_, digits)}"
               + also(pairs, lambda r: _compact(r, digits), _unshown(combined, each, others, pairs)))
    listed = [c for r in (combined, each, *others) for c, _ in r.parts]
    unique = list(dict.fromkeys(id(c) for c in listed))
    by_id = {id(c): c for c in listed}
    return Hit(
        message=message, location=ci.locate("/quantity"), focus=ci.focus, block=True,
        key=f"scope|{'|'.join(block)}|{','.join(sorted(places_))}{mood_key(mood)}",
        claims=tuple(by_id[k].ref() for k in unique),
        fix="read both articles again: is the figure for the places together or for each? "
            "Correct 'each' in the record that misreads it, or record a reviewed finding",
        values=_values(combined, each, places_),
    )


def _values(combined: Reading, each: Reading, places_: frozenset[str]) -> dict[str, object]:
    (ci, s), = combined.parts
    q = ci.claim.quantity
    assert q is not None
    return {"scope": sorted(places_), "combined": str(s), "summed": str(each.total),
            "combined_figure": figure(q),
            "per_place": [figure(c.claim.quantity) for c, _ in each.parts
                          if c.claim.quantity is not None],
            "combined_claim": ci.focus, "per_place_claims": [c.focus for c, _ in each.parts]}


def _total_hit(corpus: Corpus, block: Block, places_: frozenset[str], near: list[Close],
               mood: str, tolerance: float) -> Hit:
    """One finding for a place set's totals that cannot both hold but lie close: the
    earliest combined reading with its nearest per-place total, then (also) one pair for
    each other reading involved, at most MAX_LISTED."""
    (combined, each, gap), named = near[0], {id(near[0][0]), id(near[0][1])}
    pairs: list[tuple[Reading, Reading]] = []
    for c, p, _ in near[1:]:
        if len(pairs) < MAX_LISTED and not {id(c), id(p)} <= named:
            pairs.append((c, p))
            named |= {id(c), id(p)}
    involved = {id(r): r for c, p, _ in near for r in (c, p)}
    (ci, _), = combined.parts
    q = ci.claim.quantity
    assert q is not None
    digits = _digits(combined, each, pairs)
    message = (f"total discrepancy for {heading(corpus, block)}: {source_of(corpus, ci)} gives "
               f"{figure(q, unit=False, digits=digits)} for "
               f"{places(corpus, list(dict.fromkeys(q.scope)))} combined; "
               f"{_per_place_words(corpus, each, places_, digits)}; {_gap_words(gap, tolerance)}"
               + also(pairs, lambda r: _compact(r, digits), len(involved.keys() - named)))
    listed = {id(c): c for r in (combined, each, *involved.values()) for c, _ in r.parts}
    return Hit(
        message=message, location=ci.locate("/quantity"), focus=ci.focus, block=True,
        key=f"total|{'|'.join(block)}|{','.join(sorted(places_))}{mood_key(mood)}",
        claims=tuple(c.ref() for c in listed.values()),
        fix="check both figures against the articles' words (comparator, rounding, places, "
            "time): a total may be rounded or out of date; if both report faithfully, record "
            "a reviewed finding",
        values={**_values(combined, each, places_), "relative_gap": round(gap, 6),
                "tolerance": tolerance},
    )


def _digits(combined: Reading, each: Reading, pairs: list[tuple[Reading, Reading]]) -> int | None:
    """Digits for a message's figures: its readings' numbers and the implied total."""
    shown = [c for r in (combined, each, *(r for pair in pairs for r in pair)) for c, _ in r.parts]
    return digits_for([*(x for c in shown for x in numbers(c.claim.quantity)),
                       *(x for x in (each.total.lo, each.total.hi) if math.isfinite(x))])


def _gap_words(gap: float, tolerance: float) -> str:
    """'the totals differ by at least 2.8% (within the 5% tolerance: ...)'."""
    how = "cannot both hold, though they touch" if gap == 0 else f"differ by at least {_percent(gap)}"
    return (f"the totals {how} (within the {_percent(tolerance)} tolerance: figures that "
            f"disagree, not a misread scope)")


def _percent(x: float) -> str:
    """'2.8%', '5%', 'under 0.1%' (a gap rounded to nothing is still a gap)."""
    if 0 < x < 0.0005:
        return "under 0.1%"
    return f"{x * 100:.1f}".removesuffix(".0") + "%"


def _unshown(combined: Reading, each: Reading, others: list[Reading],
             pairs: list[tuple[Reading, Reading]]) -> int:
    shown = {id(r) for r in (combined, each, *(r for pair in pairs for r in pair))}
    return len({id(r) for r in others} - shown)


def _compact(r: Reading, digits: int | None) -> str:
    """'g#c1 41,000 combined', 'r#c2 more than 40,000 each', 'a#c1, a#c2 41,000 + 42,000'."""
    refs = ", ".join(ci.focus for ci, _ in r.parts)
    figures = " + ".join(figure(ci.claim.quantity, unit=False, digits=digits)
                         for ci, _ in r.parts if ci.claim.quantity is not None)
    if len(r.parts) > 1:
        return f"{refs} {figures}"
    (ci, _), = r.parts
    q = ci.claim.quantity
    return f"{refs} {figures} {'each' if q is not None and q.each else 'combined'}"


def _per_place_words(corpus: Corpus, r: Reading, places_: frozenset[str], digits: int | None) -> str:
    """'B (b#c1) gives more than 40,000 for each (implied total more than 80,000)'."""
    total = f"(implied total {span_words(r.total, digits)})"
    if len(r.parts) == 1:
        (ci, _), = r.parts
        q = ci.claim.quantity
        assert q is not None
        extra = set(q.scope) - places_
        scope = " for each" if not extra else f" for each of {places(corpus, q.scope)}"
        return f"{source_of(corpus, ci)} gives {figure(q, unit=False, digits=digits)}{scope} {total}"
    speakers = {who(corpus, ci) for ci, _ in r.parts}
    name = speakers.pop() if len(speakers) == 1 else corpus.name(r.parts[0][0].source.outlet)
    refs = ", ".join(ci.focus for ci, _ in r.parts)
    figures = " and ".join(f"{figure(ci.claim.quantity, unit=False, digits=digits)} for "
                           f"{places(corpus, ci.claim.quantity.scope)}"
                           for ci, _ in r.parts if ci.claim.quantity is not None)
    return f"{name} ({refs}) gives {figures} {total}"
