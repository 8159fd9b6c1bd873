"""Shared logic for the quantity rules: a figure as an interval of values,
figures in words, grouping of a measure's claims by scope, and a time sweep
that finds the worst disagreement in a group without comparing all pairs."""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ..model import Comparator, Quantity
from ._common import MAX_LISTED, label, who

ABOUT = 0.1  # "about 40,000": within 10% either way
TOLERANCE = 0.05  # relative gap below which two figures are a discrepancy, not a contradiction

Block = tuple[str, str, str, str]  # (subject, predicate, object, unit)
Scope = tuple[frozenset[str], bool]  # (scope set, each)


class FigureOptions(BaseModel):
    """Options shared by Q201 and Q202 (give both the same values)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    tolerance: float = Field(TOLERANCE, ge=0, le=1, description="Largest relative gap (gap / the "
                             "larger bound) that is a discrepancy rather than a contradiction.")
    about: float = Field(ABOUT, ge=0, lt=1, description="How far 'about v' reaches either side "
                         "of v, as a fraction of v.")


@dataclass(frozen=True)
class Span:
    """An interval of values; ``hi`` may be infinite."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    @property
    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open))

    def below(self, other: Span) -> bool:
        """Every value of this span is below every value of ``other`` (disjoint)."""
        return self.hi < other.lo or (self.hi == other.lo and (self.hi_open or other.lo_open))

    def relative_gap(self, other: Span) -> float:
        """The gap up to ``other`` over the larger bound magnitude (0 when they touch)."""
        larger = max(abs(self.hi), abs(other.lo))
        return (other.lo - self.hi) / larger if larger else 0.0

    def times(self, n: int) -> Span:
        return Span(self.lo * n, self.hi * n, self.lo_open, self.hi_open)

    def plus(self, other: Span) -> Span:
        return Span(self.lo + other.lo, self.hi + other.hi,
                    self.lo_open or other.lo_open, self.hi_open or other.hi_open)

    def __str__(self) -> str:
        hi = "inf" if math.isinf(self.hi) else _plain(self.hi)
        return f"{'(' if self.lo_open else '['}{_plain(self.lo)}, {hi}{')' if self.hi_open else ']'}"


def span(q: Quantity, about: float = ABOUT) -> Span | None:
    """The values a figure admits; None when it admits none or is not finite."""
    numbers = [x for x in (q.value, q.min, q.max) if x is not None]
    if not all(math.isfinite(x) for x in numbers):
        return None
    result = _span(q, about)
    return None if result is None or result.empty else result


def _span(q: Quantity, about: float) -> Span | None:
    if q.cmp is Comparator.range:
        return None if q.min is None or q.max is None else Span(q.min, q.max)
    v = q.value
    if v is None:
        return None
    spans = {
        Comparator.eq: Span(v, v),
        Comparator.about: Span(min(v * (1 - about), v * (1 + about)),
                               max(v * (1 - about), v * (1 + about))),
        Comparator.gt: Span(v, math.inf, lo_open=True, hi_open=True),
        Comparator.ge: Span(v, math.inf, hi_open=True),
        Comparator.lt: Span(0.0, v, hi_open=True),
        Comparator.le: Span(0.0, v),
    }
    return spans[q.cmp]


# ------------------------------------------------------------------- wording

_CMP_WORDS = {Comparator.eq: "", Comparator.about: "about ", Comparator.gt: "more than ",
              Comparator.ge: "at least ", Comparator.lt: "fewer than ", Comparator.le: "up to "}


def figure(q: Quantity, *, unit: bool = True) -> str:
    """A figure as an article writes it: 'more than 40,000 troops'."""
    if q.cmp is Comparator.range:
        words = f"{_num(q.min or 0.0)} to {_num(q.max or 0.0)}"
    else:
        words = _CMP_WORDS[q.cmp] + _num(q.value or 0.0)
    return f"{words} {q.unit}" if unit else words


def span_words(s: Span) -> str:
    """An interval in words: '80,000', 'more than 80,000', '72,000 to 88,000'."""
    if math.isinf(s.hi):
        return f"{'more than' if s.lo_open else 'at least'} {_num(s.lo)}"
    if s.lo == s.hi:
        return _num(s.lo)
    if s.lo == 0 and not s.lo_open:
        return f"{'fewer than' if s.hi_open else 'up to'} {_num(s.hi)}"
    return f"{_num(s.lo)} to {_num(s.hi)}"


def places(corpus: Corpus, ids: Sequence[str]) -> str:
    names = [corpus.name(i) for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def scope_words(corpus: Corpus, q: Quantity) -> str:
    """' for Crimea', ' for each of A and B', ' for A and B combined', or ''."""
    if not q.scope:
        return ""
    if len(q.scope) == 1:
        return f" for {places(corpus, q.scope)}"
    return (f" for each of {places(corpus, q.scope)}" if q.each
            else f" for {places(corpus, q.scope)} combined")


def heading(corpus: Corpus, block: Block) -> str:
    """"'Russia has massed troops near Ukraine' (troops)"."""
    return f"'{label(corpus, block[:3])}' ({block[3]})"


def source_of(corpus: Corpus, ci: ClaimInfo) -> str:
    return f"{who(corpus, ci)} ({ci.focus})"


def _num(x: float) -> str:
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.3f}".rstrip("0").rstrip(".")


def _plain(x: float) -> str:
    return str(int(x)) if x.is_integer() else f"{x:.6g}"


# ------------------------------------------------------------------ grouping


def scope_of(ci: ClaimInfo) -> Scope:
    q = ci.claim.quantity
    assert q is not None
    # One place "each" is the same figure as that place alone.
    return frozenset(q.scope), q.each and len(set(q.scope)) > 1


def by_scope(block: Sequence[ClaimInfo], about: float) -> dict[Scope, list[tuple[ClaimInfo, Span]]]:
    """A block's claims with a usable figure, grouped by (scope set, each)."""
    groups: dict[Scope, list[tuple[ClaimInfo, Span]]] = defaultdict(list)
    for ci in block:
        q = ci.claim.quantity
        s = span(q, about) if q is not None else None
        if s is not None:
            groups[scope_of(ci)].append((ci, s))
    return dict(groups)


def start(ci: ClaimInfo) -> dt.date:
    return ci.when.start if ci.when else dt.date.min


def end(ci: ClaimInfo) -> dt.date:
    return ci.when.end if ci.when else dt.date.max


# ------------------------------------------------------------ disagreements


@dataclass(frozen=True)
class Disagreement:
    """The worst pair of time-overlapping figures in a group: ``low`` lies below ``high``."""

    block: Block
    scope: Scope
    low: tuple[ClaimInfo, Span]
    high: tuple[ClaimInfo, Span]
    relative_gap: float
    involved: tuple[ClaimInfo, ...]


def disagreements(corpus: Corpus, about: float) -> Iterator[Disagreement]:
    for block, claims in corpus.by_quantity.items():
        if len(claims) < 2:
            continue
        for scope, items in by_scope(claims, about).items():
            found = worst(items)
            if found is not None:
                low, high, gap, at = found
                yield Disagreement(block, scope, low, high, gap, _involved(items, low, high, at))


def worst(items: Sequence[tuple[ClaimInfo, Span]]
          ) -> tuple[tuple[ClaimInfo, Span], tuple[ClaimInfo, Span], float, dt.date] | None:
    """Sweep by start time, keeping the active claim with the greatest lower bound
    and the one with the least upper bound (heaps with lazy expiry): their gap is
    the worst among the active claims, and every overlapping pair is active together
    when the later of the two starts. O(n log n)."""
    order = sorted(range(len(items)), key=lambda i: start(items[i][0]))
    highest: list[tuple[float, bool, int]] = []  # min-heap on (-lo, closed): greatest lower bound
    lowest: list[tuple[float, bool, int]] = []  # min-heap on (hi, closed): least upper bound
    best: tuple[tuple[ClaimInfo, Span], tuple[ClaimInfo, Span], float, dt.date] | None = None
    for i in order:
        ci, s = items[i]
        t = start(ci)
        heapq.heappush(highest, (-s.lo, not s.lo_open, i))
        heapq.heappush(lowest, (s.hi, not s.hi_open, i))
        for heap in (highest, lowest):
            while end(items[heap[0][2]][0]) < t:  # expired: ended before this start
                heapq.heappop(heap)
        low, high = items[lowest[0][2]], items[highest[0][2]]
        if low[0] is not high[0] and low[1].below(high[1]):
            gap = low[1].relative_gap(high[1])
            if best is None or gap > best[2]:
                best = (low, high, gap, t)
    return best


def _involved(items: Sequence[tuple[ClaimInfo, Span]], low: tuple[ClaimInfo, Span],
              high: tuple[ClaimInfo, Span], at: dt.date) -> tuple[ClaimInfo, ...]:
    """The worst pair first, then other claims active then that disagree with either."""
    others = [ci for ci, s in items
              if ci is not low[0] and ci is not high[0] and start(ci) <= at <= end(ci)
              and (s.below(high[1]) or low[1].below(s))]
    return (low[0], high[0], *others[: 2 * MAX_LISTED - 2])


def figure_hit(corpus: Corpus, d: Disagreement, kind: str, tolerance: float) -> Hit:
    """One hit for a group's worst disagreement, located at the higher figure."""
    (lo_ci, lo_span), (hi_ci, hi_span) = d.low, d.high
    lo_q, hi_q = lo_ci.claim.quantity, hi_ci.claim.quantity
    assert lo_q is not None and hi_q is not None
    message = (f"quantity {kind} for {heading(corpus, d.block)}: {source_of(corpus, hi_ci)} gives "
               f"{figure(hi_q)}{scope_words(corpus, hi_q)}, {source_of(corpus, lo_ci)} gives "
               f"{figure(lo_q)}{scope_words(corpus, lo_q)}")
    places_, each = d.scope
    return Hit(
        message=message, location=hi_ci.locate("/quantity"), focus=hi_ci.focus, block=True,
        key=f"{kind}|{'|'.join(d.block)}|{','.join(sorted(places_))}|{int(each)}",
        claims=tuple(c.ref() for c in d.involved),
        fix="check both figures against the articles' words (comparator, unit, scope, time); "
            "if both report faithfully, record a reviewed finding",
        values={"kind": kind, "unit": d.block[3], "scope": sorted(places_), "each": each,
                "high": str(hi_span), "low": str(lo_span), "high_figure": figure(hi_q),
                "low_figure": figure(lo_q), "relative_gap": round(d.relative_gap, 6),
                "tolerance": tolerance},
    )


def value_key(s: Span) -> tuple[float, float, bool, bool]:
    """A hashable identity of a span, tolerant of float rounding (9 significant digits)."""
    return (float(f"{s.lo:.9g}"), float(f"{s.hi:.9g}"), s.lo_open, s.hi_open)
