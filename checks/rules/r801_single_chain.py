"""A claim (by default: a figure) rests on a single chain of reporting.

Catches *single-chain* claims: every claim reporting a figure (or, with scope
"all", a proposition) reached the corpus through one chain of reporting.
The chain's root at the outlet's end is the intermediary nearest the outlet
(the last 'via' entry: "according to Reuters"), else an agency whose story
the outlet republishes, else an agency the article credits that the speaker
spoke to ("she told Reuters" in a story "with files from Reuters": ``by.to``
among ``source.agencies``), else the outlet itself when the speaker spoke to it
(``by.to``). Otherwise, in an article that agencies contribute to ("Le Monde with
AFP", "with reporting by Reuters": ``source.agencies`` that do not republish), the
claim may rest on any of them or on the outlet's own reporting, and the article does
not say which: its roots are all of these (else the outlet is its one root). Two
claims come from different chains only when no root is common to them. Two articles
that both republish one wire story are one chain, not two confirmations, and nor is an
article relaying an agency's interview beside that agency's story, nor Le Monde "with
AFP" beside AFP's own story, nor two articles both "with files from Reuters"; a figure
that only one chain reports has not been corroborated. A finding names the roots
common to its claims ("Le Monde or Agence France-Presse (the article does not say
which)" for Le Monde's alone). Informational: most claims rest on one chain, which is
why the default looks at figures only.

Only the same figure corroborates a figure: claims on one measure (proposition and
unit), scope and mood (Q201's: a count backs a count, a forecast a forecast; a denied,
negated, feared or hoped-for figure backs none and is not reported) whose figures
report a common value ("14,000" and "about 14,000" do; "2 killed" and "26 killed" do
not, nor does a figure for another place) for a time both can stand for. A figure
reports the values it admits (as Q201 reads them), but a one-sided bound reports a
figure near it: "more than 40,000" admits 80,000 yet reports 40,000 to 44,000 (10%
beyond its value, as far as "about" reaches, and a whole bound at least the next whole
number: "more than 5 soldiers" reports 6), so it backs "about 42,000" but not "more
than 80,000", and "up to 80,000" backs "80,000" but not "more than 80,000"; a range
backs any figure it reports a value of. Times meet when their periods (as Q201 reads
them) overlap, so "about 30 killed since the start of the year" does not corroborate
"30 in all of 2020"; a figure without any time meets every time. Figures of a state or
measure without a time of their own (troops massed) also meet when given at most
``window_days`` of Q201 (3) apart, as Q201 compares them. A figure given for each of
several places also corroborates each place's own figure, and the total it implies for
any two or more of them together (as Q203 sums it, on the values it reports): "more than
40,000" in each of two places reports 40,000 to 44,000 each, so 80,000 to 88,000 for
both, and backs another chain's "80,000" for both together, not "42,000 each" (84,000:
83,160 to 84,840 as round figures). One source's figures for single places add up the
same way, as Q203 sums them: 40,000 "on the border" and another 40,000 "in Crimea" back
another chain's 80,000 for both together (for each place the first figure the source
gives through one chain, summed on the days every one of them holds; figures of two
sources, or of two days no time shares, add up to nothing). A total for places together
backs no figure for each (it says nothing of how it splits). A figure given without a
place and the same figure for some place back each other (the place left unstated may be
that one: "28 battalion groups" and 28 "along the border and in Crimea"); a sweep across
that line asks each side of the other. A figure its own article updates later
(``quantity.supersedes``: a live blog's 27 at 11:20 made 28 at 18:40) is not the
article's word, as in Q201: it is neither reported nor counted as corroborating another
chain's figure. A claim is corroborated when
some claim of another chain reports a compatible figure; the others are reported, one
finding per group of compatible figures (by value: one chain's figure given for two
times is one finding). Claims are grouped by the corpus indexes (proposition key and
unit, then scope) and each group is swept once in order of period start, with a
Fenwick tree over the order of value whose nodes are Fenwick trees over period ends
(O(n log^2 n)), never compared pairwise. Each node keeps, of its figures, those that
hold the highest-reaching one with no root in common with any claim's roots (at most
1 + s + ... + s^k of them, for claims of at most s roots asking with at most k: the
best two of different chains when every claim has one root), and no more than 64: a
claim of more roots than that allows (an article crediting four agencies beside many
others that do) asks the kept ones first, and when they do not settle it, its root set
sweeps once more the figures of chains other than all of its roots.

Fires:
    a#c1  (a republishes Wire Agency) "the conflict has killed 14,000 people"
    b#c1  (b republishes Wire Agency too) "14,000 people have been killed"
    c#c1  (c's own reporting) "two soldiers were killed on Saturday": another figure
    d#c1  (d's own) 30 killed in all of 2020; e#c1 at least 28 killed this year
    f#c1  (f's own) more than 40,000 troops; g#c1 (g's own) more than 80,000 troops
    h#c1  (h's own) 80,000 troops at Place A and Place B; i#c1 (i's own) 42,000 at each
    j#c1  (j's own) 80,000 at Place A and Place B; k#c1 40,000 at Place A, l#c1 40,000
          at Place B (two sources' figures: no sum)
    n#c1  (own) 28 killed this year, backed only by o#c1's 28 that o#c2 (own) 29
          supersedes (its article's later word)
    p#c1  (p "with" Wire Agency) some fifteen ships; q#c1 (q republishes Wire Agency)
          15 ships: one finding, resting on Wire Agency
    r#c1  (r with Wire Agency) 15 ships; s#c1 (s with Wire Agency and Other Wire) 15

Silent:
    a#c1  (a's own reporting) more than 40,000 troops
    b#c1  (b republishes Wire Agency) more than 40,000 troops (two chains)
    a#c2  40,000 troops massed (undated) on Monday; c#c1 (own) 40,000 on Wednesday
    d#c1  (own) up to 80,000 troops; e#c1 (own) 80,000 troops
    f#c1  (own) 80,000 troops at Place A and Place B, backed by g#c1 (own): more than
          40,000 at each of them (80,000 to 88,000 for both)
    h#c1  (own) 28 groups, no place given;  i#c1 (own) 28 groups at Place A and Place B
    j#c1  (own) 80,000 troops at Place A and Place B, backed by k#c1 (own) 40,000 at
          Place A and k#c2 40,000 at Place B (80,000 for both; l#c1, m#c1 back k's)
    n#c1  (own) 27 killed this year, superseded by n#c2 28 (the same live blog's later
          post), which o#c1 (own) 28 backs
    p#c1  (p with Wire Agency) some fifteen ships; q#c1 (q republishes Other Wire) 15
    r#c1  (r with Wire Agency) Alpha's 15 ships "according to Other Wire" (via) or
          "Alpha told r" (to: its own interview); s#c1 (s republishes Wire Agency) 15

Options:
    scope: "quantities" (default: only claims with a figure) or "all".
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ..model import Quantity
from ..units import plural
from ._attribution import chain_root, chain_roots
from ._common import MAX_LISTED, label, proposition
from ._quantity import (
    ABOUT,
    FORECAST,
    ROUNDING,
    WINDOW,
    Block,
    Covering,
    Item,
    Plane,
    Rank,
    Scope,
    by_mood,
    by_scope,
    current,
    digits_for,
    end,
    figure,
    likely,
    meeting,
    mood_key,
    numbers,
    own_word,
    scope_words,
    start,
    state_like,
    undated,
    unit_for,
)

CODE = "R801"
NAME = "corroboration.single-chain"
CATEGORY = "corroboration"
SEVERITY = "info"
BLOCK = proposition  # each finding depends on one proposition's claims

Key = tuple[str, str, str]
Bound = tuple[float, bool]  # a span's upper bound; at equal values a closed one is higher
Days = tuple[int, int]  # a period's first and last day (ordinals)
Roots = frozenset[str]  # the entities a claim's chain may start from (chain_roots)
Mask = int  # a set of roots, one bit each (a block's roots are numbered: cheap to intersect)
Entry = tuple[Rank, Mask, Item]  # (rank of the upper bound, chain roots, item)
Best = list[Entry]  # entries holding the best one disjoint from any few roots, best first
# The most entries a tree node keeps (representatives): 1 + 3 + 9 + 27 answers any query
# of three roots among entries of three, as an outlet with two contributing agencies has.
BUDGET = 64
T = TypeVar("T")


class Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    scope: Literal["quantities", "all"] = Field(
        "quantities",
        description="'quantities': only claims with a figure (per unit, scope and figure); "
        "'all': every proposition.",
    )


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for (subject, predicate, obj, unit), block in corpus.by_quantity.items():
        window = WINDOW if state_like(corpus, (subject, predicate, obj, unit)) else None
        for m, claims in by_mood(current(block)).items():
            grouped = by_scope(claims, ABOUT, ROUNDING)
            totals = _Implied(grouped)
            backed = across_scopes(grouped, window)
            for scope, items in grouped.items():
                groups = single_chain_figures(items, window, totals.of(scope), backed)
                if not groups:
                    continue
                # Each group is its own finding: the digits tell its figures from the others'.
                digits = digits_for(x for i in items for x in numbers(i.ci.claim.quantity))
                for group in groups:
                    yield _figure_hit(corpus, (subject, predicate, obj, unit), m, scope, group,
                                      digits)
    if options.scope == "all":
        for key, claims in corpus.by_key.items():
            plain = [c for c in claims if c.claim.quantity is None]
            if plain and not _two_chains(plain):
                yield _hit(corpus, key, plain, label(corpus, key), f"single-chain|{'|'.join(key)}|",
                           {"unit": None})


def single_chain_figures(items: Sequence[Item], window: int | None = None,
                         implied: Sequence[Item] = (),
                         backed: frozenset[int] = frozenset()) -> list[list[Item]]:
    """The scope group's figures that no other chain corroborates, in groups of
    compatible figures (each group has one chain: a figure compatible with another
    chain's is corroborated), each in the items' order. A figure of several places
    "each" (``expanded``) corroborates here but is reported in its own scope group,
    and so do ``implied`` totals (:class:`_Implied`: already the values they report).
    With a ``window`` (a state's figures), undated figures given at most that many
    days apart meet in time. Figures are compared by the values they report
    (:func:`likely`: a bound is a figure near it), each group as the items given.
    Claims in ``backed`` (``id`` of their ClaimInfo) are corroborated already
    (:func:`across_scopes`)."""
    near = [_reported(i) for i in items]
    given = {id(n): i for n, i in zip(near, items, strict=True)}
    backing = [replace(i, expanded=True) for i in implied]  # a sum keeps its own days
    return [[given[id(n)] for n in group]
            for group in _single_chain([*near, *backing], window, backed)]


def across_scopes(grouped: dict[Scope, list[Item]], window: int | None) -> frozenset[int]:
    """Claims corroborated across the scope line (``id`` of their ClaimInfo): a figure
    given without a place by another chain's same figure for some place, and a figure for
    a place by another chain's without one ("28 battalion groups", and 28 "along the
    border and in the occupied territories"): a figure whose place is unstated may be
    for that place. Two sweeps over the block's figures, one asking the placed figures
    of the bare ones, one the bare of the placed; no group is compared with another."""
    bare = [i for i in grouped.get((frozenset(), False), ()) if not i.expanded]
    placed = [i for scope, items in grouped.items() if scope[0]
              for i in items if not i.expanded]
    if not bare or not placed:
        return frozenset()
    near = [_reported(i) for i in (*bare, *placed)]
    is_bare = {id(n) for n in near[: len(bare)]}
    ordered = sorted(near, key=_lo)
    sides = [id(i) in is_bare for i in ordered]
    met = [a or b for a, b in zip(_met(ordered, window, sides),
                                  _met(ordered, window, [not x for x in sides]), strict=True)]
    return frozenset(id(i.ci) for i, m in zip(ordered, met, strict=True) if m)


class _Implied:
    """Totals implied for places together, for the combined figures they back: a figure
    given for each of several places ("more than 40,000" in each of two reports 40,000 to
    44,000 each, :func:`likely`, so 80,000 to 88,000 for both), and one source's figures
    for single places added up (40,000 on the border and 40,000 in Crimea: 80,000), as
    Q203 sums them. Only that way round: a total for places together says nothing of each."""

    def __init__(self, grouped: dict[Scope, list[Item]]) -> None:
        self.each: Covering[Item] = Covering()  # figures given for each of several places
        # (source, chain) -> place -> its first figure for that place alone; place -> owners
        self.single: dict[tuple[str, Roots], dict[str, Item]] = defaultdict(dict)
        self.owners: dict[str, list[tuple[str, Roots]]] = defaultdict(list)
        for (places, each), items in grouped.items():
            for item in items if each else ():
                self.each.add(item, sorted(places))
            if len(places) == 1 and not each:
                self._add_single(next(iter(places)), items)

    def _add_single(self, place: str, items: list[Item]) -> None:
        for item in items:
            # A figure "each" also joins single places' groups (expanded): it is in ``each``.
            owner = (item.ci.source.id, chain_roots(item.ci))
            if not item.expanded and place not in self.single[owner]:
                self.single[owner][place] = item
                self.owners[place].append(owner)

    def of(self, scope: Scope) -> list[Item]:
        """The totals a combined figure for ``scope``'s places meets: every figure given
        for each of a set holding them, times their number (read off the place with the
        fewest such figures, as Q203 does), and the sums of one source's figures for each
        place alone (one chain's, read off the place with the fewest such sources)."""
        places, each = scope
        if each or len(places) < 2:
            return []
        found: list[Item] = [Item(i.ci, _reported(i).span.times(len(places)), expanded=True)
                             for i in self.each.of(places)]
        rarest = min(places, key=lambda p: len(self.owners.get(p, ())))
        for owner in self.owners.get(rarest, ()):
            parts = [self.single[owner].get(p) for p in sorted(places)]
            total = _sum([p for p in parts if p is not None]) if all(parts) else None
            if total is not None:
                found.append(total)
        return found


@dataclass(frozen=True)
class _Sum(Item):
    """One source's figures for single places added up: its days are those every part's
    time holds (Q203's reading), undated when every part is."""

    days: Days = (0, 0)
    undated: bool = False


def _sum(parts: list[Item]) -> _Sum | None:
    """The parts' reported values summed, or None when their times share no day."""
    first = max(_period(p)[0] for p in parts)
    last = min(_period(p)[1] for p in parts)
    if first > last:
        return None
    total = _reported(parts[0]).span
    for p in parts[1:]:
        total = total.plus(_reported(p).span)
    return _Sum(parts[0].ci, total, True, (first, last), all(undated(p.ci) for p in parts))


def _reported(item: Item) -> Item:
    q = item.ci.claim.quantity
    return item if q is None else Item(item.ci, likely(q, item.span, ABOUT), item.expanded)


def _single_chain(items: Sequence[Item], window: int | None,
                  backed: frozenset[int] = frozenset()) -> list[list[Item]]:
    """:func:`single_chain_figures` on figures read as the values they report."""
    ordered = sorted(items, key=_lo)
    met = _met(ordered, window)
    alone = [item for item, m in zip(ordered, met, strict=True)
             if not item.expanded and not m and id(item.ci) not in backed]
    # Two chains' figures may admit a common value for different times: one finding each.
    runs = [run for chain in _chains(alone) for run in _compatible_runs(chain)]
    position = {id(i): n for n, i in enumerate(items)}
    return [sorted(run, key=lambda i: position[id(i)]) for run in runs]


def _met(ordered: Sequence[Item], window: int | None,
         plane: Sequence[bool] | None = None) -> list[bool]:
    """For each figure (sorted by lower bound): whether another chain's figure meets it in
    value and time. With ``plane``, only the figures it marks back, and only the others
    ask (one side of a line asking the other)."""
    starts = [_lo(i) for i in ordered]
    # A figure meets those starting no later than it ends: a prefix of the order.
    # An open upper bound meets no figure starting at it; a closed one meets a closed start.
    reach = [(bisect.bisect_left if i.span.hi_open else bisect.bisect_right)(starts, (i.span.hi, False))
             for i in ordered]
    marks = plane if plane is not None else [True] * len(ordered)
    asks = [not m for m in marks] if plane is not None else marks
    days = [_period(i) for i in ordered]
    met = _meets_other_chain(ordered, reach, _only(days, marks), _only(days, asks))
    if window is not None:
        near = [d if _undated(i) else None for i, d in zip(ordered, days, strict=True)]
        queries = [None if d is None else meeting(*d, window, True) for d in near]
        met = [a or b for a, b in zip(
            met, _meets_other_chain(ordered, reach, _only(near, marks), _only(queries, asks)),
            strict=True)]
    return met


def _only(days: Sequence[Days | None], keep: Sequence[bool]) -> list[Days | None]:
    return [d if k else None for d, k in zip(days, keep, strict=True)]


def _lo(item: Item) -> tuple[float, bool]:
    # At equal values a closed lower bound comes first.
    return (item.span.lo, item.span.lo_open)


def _hi(item: Item) -> Bound:
    return (item.span.hi, not item.span.hi_open)


def _period(item: Item) -> Days:
    """The figure's period in days (Q201's). No time at all spans every day."""
    if isinstance(item, _Sum):
        return item.days
    return start(item.ci).toordinal(), end(item.ci).toordinal()


def _undated(item: Item) -> bool:
    return item.undated if isinstance(item, _Sum) else undated(item.ci)


def _meets_other_chain(ordered: Sequence[Item], reach: Sequence[int],
                       days: Sequence[Days | None], queries: Sequence[Days | None]
                       ) -> list[bool]:
    """For each item with query days: whether an item of another chain with days
    (``days``) meeting them (starting by their last, ending on their first or later)
    admits a common value. Swept by query end: the items starting no later are in the
    plane; of those in its prefix of values whose period ends no earlier than its
    first day, the other chain reaching highest decides. The tree's nodes answer
    exactly a query of at most :func:`_cap` roots; one of more roots that the kept
    entries do not settle asks again, once per root set, of the entries of other
    chains only."""
    timed = [n for n, d in enumerate(days) if d is not None]
    roots = _masks([chain_roots(i.ci) for i in ordered])
    asked = [n for n, d in enumerate(queries) if d is not None]
    cap = _cap(max((roots[n].bit_count() for n in timed), default=0),
               max((roots[n].bit_count() for n in asked), default=0))
    held = 0
    for n in asked:
        if roots[n].bit_count() <= cap:
            held |= roots[n]
    met = [False] * len(ordered)
    unsettled: dict[Mask, list[int]] = defaultdict(list)
    for n, other in _sweep(ordered, reach, days, queries, roots, timed, asked, cap, held):
        hit = other is not None and not other.span.below(ordered[n].span)
        if hit or roots[n].bit_count() <= cap:
            met[n] = hit
        else:
            unsettled[roots[n]].append(n)
    for mask, group in unsettled.items():
        others = [n for n in timed if not roots[n] & mask]
        for n, other in _sweep(ordered, reach, days, queries, roots, others, group, 0, 0):
            met[n] = other is not None and not other.span.below(ordered[n].span)
    return met


def _cap(size: int, most: int) -> int:
    """The most roots a query may have for tree nodes of :data:`BUDGET` entries to answer
    it exactly (entries of at most ``size`` roots keep 1 + size + ... + size**cap), at
    most ``most`` (the largest query). Articles crediting many agencies would otherwise
    make every node keep thousands of entries (size**most grows with both)."""
    total, power, cap = 1, 1, 0
    while cap < most:
        power *= size
        if total + power > BUDGET:
            break
        total += power
        cap += 1
    return cap


def _sweep(ordered: Sequence[Item], reach: Sequence[int], days: Sequence[Days | None],
           queries: Sequence[Days | None], roots: Sequence[Mask], timed: Sequence[int],
           asked: Sequence[int], most: int, held: Mask) -> Iterator[tuple[int, Item | None]]:
    """For each asked item, in order of query end: the best item of ``timed`` in the
    plane with no root in common with it, of nodes keeping :func:`representatives` for
    queries of at most ``most`` roots of ``held``."""
    none: Best = []
    plane = Plane([(n, _days(days, n)[1]) for n in timed], none,
                  lambda a, b: _kept(a, b, most, held))
    points = sorted(timed, key=lambda n: _days(days, n)[0])
    j = 0
    for n in sorted(asked, key=lambda n: _days(queries, n)[1]):
        first, last = _days(queries, n)
        while j < len(points) and _days(days, points[j])[0] <= last:
            p = points[j]
            plane.put(p, _days(days, p)[1], [(_rank(ordered[p]), roots[p], ordered[p])])
            j += 1
        yield n, _best_disjoint(plane.parts(reach[n], first), roots[n])


def _days(days: Sequence[Days | None], n: int) -> Days:
    d = days[n]
    assert d is not None
    return d


def _rank(item: Item) -> Rank:
    # The figure reaching highest ranks first (at equal values a closed bound is higher):
    # a query needs the best entry of a chain surely other than its own (representatives).
    return (-item.span.hi, item.span.hi_open)


def representatives(entries: Iterable[tuple[Rank, Mask, T]], most: int,
                    held: Mask = -1) -> list[tuple[Rank, Mask, T]]:
    """Of entries (rank, roots, item), best (least rank) first: some that hold, for any
    set of at most ``most`` roots (of ``held``), the best entry whose roots are disjoint
    from it (the first in order on ties). The best entry avoiding the roots ``avoid``
    (none at first) is kept; a query set holding ``avoid`` either misses its roots (it is
    the answer) or holds one of them, r: so the best avoiding ``avoid`` and r is kept too,
    for each r, until ``avoid`` has ``most`` roots (then it is the query set). At most
    1 + s + ... + s**most entries (s: the most roots an entry has), whatever their number;
    with one root each, the best two of different chains. The kept entries of a union are
    among those kept of its parts, so tree nodes keep these."""
    pool = sorted(entries, key=lambda e: e[0])
    kept: set[int] = set()
    seen: set[Mask] = set()
    # (roots to avoid, where to look): entries before the best avoiding fewer roots
    # meet those fewer, so they meet more too.
    stack: list[tuple[Mask, int]] = [(0, 0)]
    while stack:
        avoid, at = stack.pop()
        if avoid in seen:
            continue
        seen.add(avoid)
        n = next((n for n in range(at, len(pool)) if not pool[n][1] & avoid), None)
        if n is None:
            continue
        kept.add(n)
        if avoid.bit_count() < most:
            branch = pool[n][1] & held
            while branch:
                r = branch & -branch
                stack.append((avoid | r, n + 1))
                branch ^= r
    return [pool[n] for n in sorted(kept)]


def _masks(sets: Sequence[Roots]) -> list[Mask]:
    bit = {r: 1 << n for n, r in enumerate(sorted(frozenset().union(*sets)))}
    out = []
    for roots in sets:
        mask = 0
        for r in roots:
            mask |= bit[r]
        out.append(mask)
    return out


def _kept(kept: Best, added: Best, most: int, held: Mask) -> Best:
    """A tree node's representatives with entries added: unchanged when the one added
    is no better than a kept entry whose roots it holds (it is never the only answer)."""
    if len(added) == 1 and any(e[0] <= added[0][0] and e[1] & ~added[0][1] == 0
                               for e in kept):
        return kept
    return representatives([*kept, *added], most, held)


def _best_disjoint(parts: Iterable[Best], roots: Mask) -> Item | None:
    """The best entry of the parts' whose roots are disjoint from ``roots`` (each part
    searched on its own: cheaper than merging them)."""
    found = [e for part in parts for e in [next((e for e in part if not e[1] & roots), None)]
             if e is not None]
    return min(found, key=lambda e: e[0])[2] if found else None


def _two_chains(claims: Sequence[ClaimInfo]) -> bool:
    """Whether two of the claims surely come from different chains (no root in common),
    each distinct root set asking those before it (kept as :func:`representatives` for
    sets of at most :func:`_cap` roots). A set of more roots that the kept ones do not
    settle is compared with every distinct set (root sets, not claims: an outlet's
    articles share a few)."""
    masks = list(dict.fromkeys(_masks([chain_roots(c) for c in claims])))
    size = max(m.bit_count() for m in masks)
    cap = _cap(size, size)
    seen: list[tuple[Rank, Mask, None]] = []
    large: list[Mask] = []
    for roots in masks:
        if any(not e[1] & roots for e in seen):
            return True
        if roots.bit_count() > cap:
            large.append(roots)
        seen = representatives([*seen, ((0.0, False), roots, None)], cap)
    return any(not a & b for a in large for b in masks)


def _chains(items: Sequence[Item]) -> list[list[Item]]:
    """Items in groups of one chain each, each in the items' order: an item with several
    possible roots joins the chain of the root most of the items may rest on (ties: the
    first by id), so Le Monde "with AFP" joins AFP's own story, and every group has a
    root common to all its items (two chains' figures for different times stay apart)."""
    sets = [chain_roots(item.ci) for item in items]
    count: dict[str, int] = defaultdict(int)
    for roots in sets:
        for r in roots:
            count[r] += 1
    groups: dict[str, list[Item]] = {}
    for item, roots in zip(items, sets, strict=True):
        groups.setdefault(min(roots, key=lambda r: (-count[r], r)), []).append(item)
    return list(groups.values())


def _compatible_runs(ordered: list[Item]) -> list[list[Item]]:
    """Items (sorted by lower bound) split where no figure so far reaches the next."""
    runs: list[list[Item]] = []
    reach: Item | None = None
    for item in ordered:
        if reach is None or reach.span.below(item.span):
            runs.append([])
            reach = item
        runs[-1].append(item)
        reach = max(reach, item, key=_hi)
    return runs


def _figure_hit(corpus: Corpus, block: Block, mood: str, scope: Scope,
                group: list[Item], digits: int | None) -> Hit:
    key: Key = block[:3]
    unit = block[3]
    claims = [i.ci for i in group]
    quantities = [c.claim.quantity for c in claims if c.claim.quantity is not None]
    places, each = scope
    forecast = ", forecast" if mood == FORECAST else ""
    prop = (f"{label(corpus, key)} ({_figures(quantities[:3], unit, digits)}"
            f"{scope_words(corpus, quantities[0])}{forecast})")
    # The group's chain and lowest figure name it: the key must not depend on corpus order,
    # and it keeps every digit (groups a rounded figure would join are separate findings);
    # two chains may give one figure for different times.
    block_key = (f"single-chain|{'|'.join(key)}|{unit}|{','.join(sorted(places))}|{int(each)}"
                 f"|{min(group, key=_lo).span.key()}"
                 f"|{_roots(claims)[0]}{mood_key(mood)}")
    return _hit(corpus, key, claims, prop, block_key,
                {"unit": unit, "scope": sorted(places), "each": each,
                 "figures": list(dict.fromkeys(figure(q, digits=digits) for q in quantities))})


def _figures(quantities: list[Quantity], unit: str, digits: int | None) -> str:
    """The figures in the words the articles count in: a measure's figures may be in
    aliases of its unit ("1 soldier", "2 servicemen" of troops), never "1 troop"; figures
    in one word share it ("40,000 / 41,000 troops"), each keeps its own otherwise."""
    if len({plural(q.unit) for q in quantities}) > 1:
        return " / ".join(dict.fromkeys(figure(q, digits=digits) for q in quantities))
    shown = " / ".join(dict.fromkeys(figure(q, unit=False, digits=digits) for q in quantities))
    # "1 soldier": the unit agrees with the figure when only one is shown
    own = own_word(quantities[0], unit)
    return f"{shown} {unit_for(quantities[0], own) if ' / ' not in shown else own}"


def _hit(corpus: Corpus, key: Key, claims: list[ClaimInfo], prop: str, block_key: str,
         extra: dict[str, object]) -> Hit:
    roots = _roots(claims)
    sources = sorted({c.source.id for c in claims})
    names = [corpus.name(r) for r in roots]
    which = "the article does not say which" if len(sources) == 1 else "no article says which"
    chain = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]} ({which})"
    return Hit(
        message=f"'{prop}' rests on one chain of reporting, {chain}: "
                f"{len(claims)} claim(s) in {', '.join(sources)}",
        location=claims[0].location, focus=claims[0].focus, block=True, key=block_key,
        claims=tuple(c.ref() for c in claims[: 2 * MAX_LISTED]),
        fix="look for independent reporting (another agency, the primary source) before "
            "relying on it; if none exists, say so where it is used",
        values={"proposition": list(key), **extra, "root": roots[0], "sources": sources,
                "claims": len(claims), **({"roots": roots} if len(roots) > 1 else {})},
    )


def _roots(claims: Sequence[ClaimInfo]) -> list[str]:
    """The roots the claims' chain may start from: those common to all of them (else any
    of theirs). First those that are some claim's :func:`chain_root` (the first names the
    finding's key, as before root sets, whatever the corpus order), then the others
    (contributing agencies), each sorted."""
    sets = [chain_roots(c) for c in claims]
    common = frozenset.intersection(*sets) or frozenset.union(*sets)
    first = sorted(common & {chain_root(c) for c in claims})
    return [*first, *sorted(common - set(first))]
