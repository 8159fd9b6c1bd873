"""Shared logic for the quantity rules: a figure as an interval of values,
figures in words, grouping of a measure's claims by scope, and sweeps over time
that find the worst disagreement in a group, every figure taking part in one and
how many others each disagrees with (its outlier), without comparing all pairs."""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import math
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ..model import Comparator, PredicateKind, Quantity, Stance
from ..timeexpr import Interval
from ..units import plural, singular
from ._common import MAX_LISTED, label, who
from ._dates import utc_offset

ABOUT = 0.1  # "about 40,000": within 10% either way
ROUNDING = 0.01  # "14,000" in prose: rounded to its last significant digit, at most 1% either way
TOLERANCE = 0.05  # relative gap below which two figures are a discrepancy, not a contradiction
# Days apart within which two undated figures of a state are compared: next-day coverage,
# and a Friday report against the Monday one.
WINDOW = 3
DIGITS = 6  # significant digits of a figure in a message, more only to tell figures apart
# Digits any figure written with as many prints at without the noise of its binary form
# (DBL_DIG): at 17, 0.3 prints as 0.29999999999999999.
_SAFE = 15
_TINY = -9  # below 10**-9 a figure is no news figure: exponent form

Block = tuple[str, str, str, str]  # (subject, predicate, object, unit)
Scope = tuple[frozenset[str], bool]  # (scope set, each)
T = TypeVar("T")


# One setting each, read by every quantity rule that has the option (engine.select checks).
FIGURE_SETTINGS = ("tolerance", "about", "rounding", "window_days")


class FigureOptions(BaseModel):
    """Options shared by Q201 and Q202: the engine refuses a configuration that gives the
    two rules (or Q203, for the options it reads too) different values."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    SHARED: ClassVar[dict[str, str]] = {name: "figures" for name in FIGURE_SETTINGS}
    tolerance: float = Field(TOLERANCE, ge=0, le=1, description="Largest relative gap (gap / the "
                             "larger bound) that is a discrepancy rather than a contradiction.")
    about: float = Field(ABOUT, ge=0, lt=1, description="How far 'about v' reaches either side "
                         "of v, as a fraction of v.")
    rounding: float = Field(ROUNDING, ge=0, lt=1, description="A round figure ('14,000') stands "
                            "for values within half a unit of its last significant digit, but at "
                            "most this fraction of it either way; 0 reads figures as exact.")
    window_days: int = Field(WINDOW, ge=0, le=366, description="Figures of a state or measure "
                             "without a time of their own stand around the day they were given "
                             "(said, else published): two such figures at most this many days "
                             "apart are compared.")


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
        return self._text(_plain(self.lo), "inf" if math.isinf(self.hi) else _plain(self.hi))

    def key(self) -> str:
        """:meth:`__str__` with every digit: a finding key's, where rounded figures
        (.6g) made two groups one finding and the engine kept only the first."""
        return self._text(exact(self.lo), exact(self.hi))

    def _text(self, lo: str, hi: str) -> str:
        return f"{'(' if self.lo_open else '['}{lo}, {hi}{')' if self.hi_open else ']'}"


def span(q: Quantity, about: float = ABOUT, rounding: float = ROUNDING) -> Span | None:
    """The values a figure admits; None when it admits none or is not finite."""
    numbers = [x for x in (q.value, q.min, q.max) if x is not None]
    if not all(math.isfinite(x) for x in numbers):
        return None
    result = _span(q, about, rounding)
    return None if result is None or result.empty else result


def round_half_width(v: float, rounding: float) -> float:
    """How far a round figure may stand from the value it rounds: half a unit of its last
    significant digit ('14,000': 500), capped at ``rounding`` of the figure. Figures that
    are not whole multiples of 100 are read as exact."""
    if rounding <= 0 or v != int(v) or v == 0 or int(v) % 100:
        return 0.0
    digits = str(abs(int(v)))
    unit = float(10 ** (len(digits) - len(digits.rstrip("0"))))
    return min(unit / 2, abs(v) * rounding)


def _span(q: Quantity, about: float, rounding: float = ROUNDING) -> Span | None:
    if q.cmp is Comparator.range:
        return None if q.min is None or q.max is None else Span(q.min, q.max)
    v = q.value
    if v is None:
        return None
    spans = {
        # Half-open, so that 41,000 and 42,000 (both rounded) still do not meet.
        Comparator.eq: (Span(v - h, v + h, hi_open=True) if (h := round_half_width(v, rounding))
                        else Span(v, v)),
        Comparator.about: Span(min(v * (1 - about), v * (1 + about)),
                               max(v * (1 - about), v * (1 + about))),
        Comparator.gt: Span(v, math.inf, lo_open=True, hi_open=True),
        Comparator.ge: Span(v, math.inf, hi_open=True),
        # Counts start at 0 ('fewer than 5 soldiers'); a bound at or below it ('fewer than
        # 0', 'up to -3') admitted no value, so the claim silently left every comparison.
        Comparator.lt: Span(0.0 if v > 0 else -math.inf, v, hi_open=True),
        Comparator.le: Span(0.0 if v >= 0 else -math.inf, v),
    }
    return spans[q.cmp]


_BOUNDS = (Comparator.gt, Comparator.ge, Comparator.lt, Comparator.le)


def likely(q: Quantity, s: Span, about: float = ABOUT) -> Span:
    """The values a figure reports, as against those it merely admits (``s``, its
    :func:`span`): a one-sided bound is a figure near its value. "More than 40,000"
    admits 80,000 but reports some 40,000, so it reaches ``about`` above its value (as far
    as "about 40,000" does), and a whole bound at least to the next whole number ("more
    than 5 soldiers": 6); "up to 80,000" reaches as far below. Every other figure (a
    value, "about", a range) reports what it admits. R801 reads corroboration on these:
    an open-ended figure would otherwise back every figure beyond it."""
    if q.cmp not in _BOUNDS or q.value is None:
        return s
    v = float(q.value)
    reach = max(abs(v) * about, 1.0 if v.is_integer() else 0.0)
    if q.cmp in (Comparator.gt, Comparator.ge):
        near = Span(s.lo, min(s.hi, v + reach), s.lo_open, False)
    else:
        near = Span(max(s.lo, v - reach), s.hi, False, s.hi_open)
    return s if near.empty else near  # a reach too small to hold a value (a subnormal bound)


# ------------------------------------------------------------------- wording

_CMP_WORDS = {Comparator.eq: "", Comparator.about: "about ", Comparator.gt: "more than ",
              Comparator.ge: "at least ", Comparator.lt: "fewer than ", Comparator.le: "up to "}


def figure(q: Quantity, *, unit: bool = True, name: str | None = None,
           digits: int | None = DIGITS) -> str:
    """A figure as an article writes it: 'more than 40,000 troops', '1 soldier'. ``name``
    is the unit as its measure spells it (checks.units), else the claim's own; ``digits``
    as in :func:`number` (a message gives :func:`digits_for` its figures)."""
    if q.cmp is Comparator.range:
        words = f"{number(q.min or 0.0, digits)} to {number(q.max or 0.0, digits)}"
    else:
        words = _CMP_WORDS[q.cmp] + number(q.value or 0.0, digits)
    return f"{words} {unit_for(q, own_word(q, name))}" if unit else words


def own_word(q: Quantity, name: str | None) -> str:
    """The unit a figure is shown in: its measure's spelling ``name`` when that is a form
    of the figure's own unit, else the figure's own word (an alias of the measure's unit
    keeps the article's word: "2 servicemen", never "2 troops")."""
    return name if name and plural(name) == plural(q.unit) else q.unit


def numbers(q: Quantity | None) -> list[float]:
    """The numbers a figure writes (for :func:`digits_for`)."""
    return [] if q is None else [x for x in (q.value, q.min, q.max) if x is not None]


def unit_for(q: Quantity, name: str) -> str:
    """The unit in the number of the figure: 'soldier' after 1, else as spelt. A record
    that writes the singular of the measure's unit ('casualty') gives it where inflection
    would keep the plural ('casualties' could be of 'casualtie')."""
    if q.cmp is Comparator.range or q.value != 1:
        return name
    written = q.unit.lower()
    if written != plural(written) and plural(written) == plural(name):
        return written
    return singular(name)


def span_words(s: Span, digits: int | None = DIGITS) -> str:
    """An interval in words: '80,000', 'more than 80,000', '72,000 to 88,000'."""
    if math.isinf(s.hi):
        return f"{'more than' if s.lo_open else 'at least'} {number(s.lo, digits)}"
    if math.isinf(s.lo):
        return f"{'fewer than' if s.hi_open else 'up to'} {number(s.hi, digits)}"
    if s.lo == s.hi:
        return number(s.lo, digits)
    if s.lo == 0 and not s.lo_open:
        return f"{'fewer than' if s.hi_open else 'up to'} {number(s.hi, digits)}"
    return f"{number(s.lo, digits)} to {number(s.hi, digits)}"


def places(corpus: Corpus, ids: Sequence[str]) -> str:
    names = [corpus.name(i) for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class Covering(Generic[T]):
    """Figures given for each of a set of places: :meth:`of` finds, in the order they
    were added, those whose set holds every one of some places: what a combined figure
    for those places is compared with as an implied total. Each place holds the set of
    its figures as the bits of one integer, so a lookup is one AND per place, in native
    code: testing each candidate (at the place with the fewest) in Python made an
    archive of many distinct place sets over shared places (a hostile one) take minutes."""

    def __init__(self) -> None:
        self.figures: list[T] = []
        self.at: dict[str, int] = {}

    def add(self, x: T, scope: Iterable[str]) -> None:
        bit = 1 << len(self.figures)
        self.figures.append(x)
        for place in scope:
            self.at[place] = self.at.get(place, 0) | bit

    def of(self, places: frozenset[str]) -> list[T]:
        if not places or not all(p in self.at for p in places):
            return []
        held = -1
        for place in places:
            held &= self.at[place]
        out = []
        while held:
            low = held & -held
            out.append(self.figures[low.bit_length() - 1])
            held ^= low
        return out


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


def number(x: float, digits: int | None = DIGITS) -> str:
    """A number as news prints it: a whole number in full with thousands separators
    ('41,000'), any other to ``digits`` significant digits, its whole part never cut
    ('0.0004', '1,234.57'); ``None`` gives the shortest digits that read back as ``x``.
    Positional, as articles write figures; only a magnitude no article gives (below
    10**-9, or infinite) is in exponent form, so a hostile figure cannot make a long line."""
    if not math.isfinite(x):
        return str(x)
    if x.is_integer():
        return f"{int(x):,}"
    exponent = Decimal(repr(x)).adjusted()  # the place of the first significant digit
    if exponent < _TINY:
        return repr(x) if digits is None else f"{x:.{digits}g}"
    if digits is None:
        return f"{Decimal(repr(x)):,f}"
    text = f"{x:,.{max(0, digits - 1 - exponent)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def digits_for(values: Iterable[float], least: int = DIGITS) -> int | None:
    """The fewest significant digits, at least ``least``, at which different values print
    differently, so one message never shows two figures alike (0.0004 and 0.0009 percent,
    1.0000001 and 1.0000002). Rounding keeps order, so only neighbours need comparing.
    ``None`` (each figure's shortest exact digits, see :func:`number`) when only more than
    15 digits tell them apart: 0.3 and 0.30000000000000004 print as written, where 17
    digits printed 0.3 as 0.29999999999999999."""
    ordered = sorted(set(values))
    for digits in range(least, _SAFE + 1):
        shown = [number(x, digits) for x in ordered]
        if all(a != b for a, b in itertools.pairwise(shown)):
            return digits
    return None


def exact(x: float) -> str:
    """A number as a key: every digit of the float, so no two values share it (a whole
    number as an integer, as keys have always written it)."""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return str(int(x)) if x.is_integer() else repr(x)


def _plain(x: float) -> str:
    return str(int(x)) if x.is_integer() else f"{x:.6g}"


# ------------------------------------------------------------------ grouping


def scope_of(ci: ClaimInfo) -> Scope:
    q = ci.claim.quantity
    assert q is not None
    # One place "each" is the same figure as that place alone.
    return frozenset(q.scope), q.each and len(set(q.scope)) > 1


@dataclass(frozen=True)
class Item:
    """A usable figure in a group; ``expanded`` when it is one place of an "each" figure."""

    ci: ClaimInfo
    span: Span
    expanded: bool = False


def by_scope(block: Sequence[ClaimInfo], about: float,
             rounding: float = ROUNDING) -> dict[Scope, list[Item]]:
    """A block's claims with a usable figure, grouped by (scope set, each). A figure
    given for each of several places is also a figure for each place alone, so it
    joins every single-place group of the block that has a figure of its own."""
    groups: dict[Scope, list[Item]] = defaultdict(list)
    spread: list[Item] = []
    for ci in block:
        q = ci.claim.quantity
        s = span(q, about, rounding) if q is not None else None
        if s is None:
            continue
        scope = scope_of(ci)
        groups[scope].append(Item(ci, s))
        if scope[1]:
            spread.append(Item(ci, s, expanded=True))
    for item in spread:
        assert item.ci.claim.quantity is not None
        for place in dict.fromkeys(item.ci.claim.quantity.scope):
            single = (frozenset((place,)), False)
            if single in groups:
                groups[single].append(item)
    return dict(groups)


def period(ci: ClaimInfo) -> Interval | None:
    """The period a figure covers: the claim's time, ending no later than when the
    figure was stated (a count cannot include what happened after it was given)."""
    iv = ci.when
    if iv is None or ci.event is None or ci.said is None or ci.said.end < iv.start:
        return iv
    return Interval(iv.start, min(iv.end, ci.said.end))


def period_words(ci: ClaimInfo) -> str:
    """' in all of last year (2020-01-01..2020-12-31)': the figure's time as written and
    the period it covers (:func:`period`), or '' for a figure without a time of its own.
    Periods decide whether two figures can disagree, so a reader must see them."""
    spec, covered = ci.claim.event_time, period(ci)
    if spec is None or covered is None:
        return ""
    return f" {spec.text} ({covered.words()})"


def start(ci: ClaimInfo) -> dt.date:
    p = period(ci)
    return p.start if p else dt.date.min


def end(ci: ClaimInfo) -> dt.date:
    p = period(ci)
    return p.end if p else dt.date.max


# ------------------------------------------------------------ disagreements


def state_like(corpus: Corpus, block: Block) -> bool:
    """A measure whose figures stand at a time (troops massed, a running count): its
    predicate is of kind state or measure. An event's figures keep their own time."""
    pred = corpus.predicates.get(block[1])
    return pred is not None and pred.kind in (PredicateKind.state, PredicateKind.measure)


def undated(ci: ClaimInfo) -> bool:
    """A figure with no time of its own: it stands when it was said, else published."""
    return ci.event is None and period(ci) is not None


def meeting(first: int, last: int, window: int | None, *undated: bool) -> tuple[int, int]:
    """The days another time must reach to meet a time from day ``first`` to ``last``
    (ordinals): it meets it when it starts on the second day or earlier and ends on the
    first or later. Times meet when they overlap; with a ``window`` (a state's or a
    measure's figures), times of figures that all lack a time of their own (every
    ``undated``) also meet when given at most ``window`` days apart. The one statement
    of that rule: Q201/Q202's sweeps, Q203 and R801 all ask it."""
    reach = window if window is not None and all(undated) else 0
    return first - reach, last + reach


def meet(a: tuple[int, int], b: tuple[int, int], window: int | None, *undated: bool) -> bool:
    """Whether two times (first and last day, ordinals) meet (see :func:`meeting`)."""
    lo, hi = meeting(*a, window, *undated)
    return b[0] <= hi and b[1] >= lo


Rank = tuple[float, bool]  # a bound to order by, least first


def best_two(entries: Iterable[tuple[Rank, str, T]]) -> list[tuple[Rank, str, T]]:
    """Of entries (rank, group, item): the one of least rank, and the least of another
    group (the first in order on ties). A query wants the best entry of a group other
    than its own, which is always among these two; and the best two of a union are
    among the best two of its parts, so trees keep these per node."""
    pool = list(entries)
    if not pool:
        return []
    best = min(pool, key=lambda e: e[0])
    other = min((e for e in pool if e[1] != best[1]), key=lambda e: e[0], default=None)
    return [best] if other is None else [best, other]


FACT, FORECAST = "fact", "forecast"


def mood(ci: ClaimInfo) -> str | None:
    """How a figure is held: as a fact of its time (asserted, or put forward: suggests),
    as a forecast (expects: "expected to bring in 25 more"), or not at all (denied,
    negated, feared, hoped for, not known): None. A forecast is no count of what is there,
    and a denied figure is C101's, so figures are compared within one mood only."""
    says = ci.claim.says
    if says.negated:
        return None
    if says.stance in (Stance.asserts, Stance.suggests):
        return FACT
    return FORECAST if says.stance is Stance.expects else None


def by_mood(claims: Iterable[ClaimInfo]) -> dict[str, list[ClaimInfo]]:
    groups: dict[str, list[ClaimInfo]] = defaultdict(list)
    for ci in claims:
        m = mood(ci)
        if m is not None:
            groups[m].append(ci)
    return groups


def mood_key(m: str) -> str:
    """A finding key's suffix: none for facts (keys as before), the mood otherwise."""
    return "" if m == FACT else f"|{m}"


@dataclass(frozen=True)
class Disagreement:
    """The worst disagreeing pair in a group (``low`` lies below ``high``) and every
    claim of the group that disagrees with some other, the worst pair first."""

    block: Block
    scope: Scope
    low: tuple[ClaimInfo, Span]
    high: tuple[ClaimInfo, Span]
    relative_gap: float
    involved: tuple[ClaimInfo, ...]
    # One disagreeing pair (low, high) for each figure involved, as the sweep found them.
    pairs: tuple[tuple[ClaimInfo, ClaimInfo], ...]
    outlier: Outlier
    mood: str = FACT
    # One disagreement of a group split by figure (:func:`peels`): the key's suffix (none
    # for the group's first: the keys as before).
    tag: str = ""


@dataclass(frozen=True)
class Outlier:
    """The figure that disagrees with the most others (see :func:`outlier`); ``against``
    of the group's ``sources`` sources give a figure that disagrees with it; ``alone``
    when no other figure disagrees with as many."""

    ci: ClaimInfo
    against: int
    sources: int
    alone: bool

    @property
    def majority(self) -> bool:
        """More than half the sources stand against it, and it alone is the odd one
        (in a three-way split every figure disagrees with the other two)."""
        return self.alone and 2 * self.against > self.sources


def disagreements(corpus: Corpus, about: float, rounding: float = ROUNDING,
                  window: int = WINDOW) -> Iterator[Disagreement]:
    """Each group's disagreements, one by one (:func:`peels`)."""
    for g in _group_disagreements(corpus, about, rounding, window):
        for k, (odd, sub, bundle) in enumerate(peels(g.items, g.near)):
            yield g.whole if k == 0 and bundle else _peel(g, odd, sub, k, bundle)


@dataclass(frozen=True)
class _Group:
    """A group's disagreement, with the group's figures to split it by."""

    whole: Disagreement
    items: Sequence[Item]
    near: int | None


def _group_disagreements(corpus: Corpus, about: float, rounding: float,
                         window: int) -> Iterator[_Group]:
    for block, every in corpus.by_quantity.items():
        all_claims = current(every)
        if len(all_claims) < 2:
            continue
        near = window if state_like(corpus, block) else None
        for m, claims in by_mood(all_claims).items():
            for scope, items in by_scope(claims, about, rounding).items():
                real = _disagreeing(items, near)
                found = _summary(items, real)
                if found is not None:
                    (low, high, gap), involved = found
                    pair = ((low.ci, low.span), (high.ci, high.span))
                    pairs = tuple((lo.ci, hi.ci) for lo, hi in real)
                    odd = outlier(items, near, (high, low))
                    yield _Group(Disagreement(block, scope, *pair, gap, involved, pairs, odd, m),
                                 items, near)


PEELS = MAX_LISTED  # disagreements told apart per group; the rest are one finding


def peels(items: Sequence[Item], near: int | None
          ) -> Iterator[tuple[Outlier, list[Item], bool]]:
    """A group's disagreements, one by one: the outlier (the figure disagreeing with the
    most others, :func:`outlier`) with every figure of its value interval (aggregated by
    value: one figure, however many sources give it) and every figure that disagrees with
    one of them; then the same for the figures left, until none disagrees, or no value
disagrees with more others than every other value does: the figures still disagreeing
are then one disagreement (a three-way split, two figures one each). "Disagrees
    with one of them" is told by counts, not pairs: a figure's count of disagreements
    (:func:`_all_counts`) among the figures left drops when the value is taken out. Each
    step is one more sweep, O(n log^2 n); after ``PEELS`` steps the figures still
    disagreeing are one disagreement (a group of many scattered figures stays linear)."""
    rest = list(items)
    counts = _all_counts(rest, near)
    for step in itertools.count():
        if not any(counts):
            return
        low, high = _worst(rest, near)
        votes = disagreement_counts(rest, near)
        odd = outlier(rest, near, (high, low), votes, by_value=True)
        if step == PEELS - 1 or not odd.alone:
            # No value disagrees with more others than every other value does (a
            # three-way split, two figures one each): what is left is one disagreement.
            yield odd, [i for i, c in zip(rest, counts, strict=True) if c], True
            return
        value = value_key(next(i for i in rest if i.ci is odd.ci).span)
        cluster = [i for i, c in zip(rest, counts, strict=True) if c and value_key(i.span) == value]
        others = [i for i in rest if value_key(i.span) != value]
        after = _all_counts(others, near)
        at = {id(i): c for i, c in zip(rest, counts, strict=True)}
        against = [i for i, c in zip(others, after, strict=True) if at[id(i)] > c]
        yield odd, cluster + against, False
        rest, counts = others, after


def _worst(items: Sequence[Item], near: int | None) -> tuple[Item, Item]:
    found = _summary(items, _disagreeing(items, near))
    assert found is not None  # a figure with a count disagrees with some other
    (low, high, _), _ = found
    return low, high


def _peel(g: _Group, odd: Outlier, sub: list[Item], step: int, bundle: bool) -> Disagreement:
    """One disagreement of a group (:func:`peels`): the worst pair of ``sub`` that holds
    the outlier's value (the others may disagree among themselves too: that is another
    disagreement; in the last, ``bundle``, any pair), every figure of ``sub`` involved."""
    value = value_key(next(i for i in sub if i.ci is odd.ci).span)
    mine = {id(i) for i in sub if value_key(i.span) == value}
    real = [(lo, hi) for lo, hi in _disagreeing(sub, g.near)
            if bundle or (id(lo) in mine) != (id(hi) in mine)]
    found = _summary(sub, real)
    assert found is not None  # every figure of sub disagrees with one of the value's
    (low, high, gap), _ = found
    involved = tuple({id(c): c for c in (low.ci, high.ci, *(i.ci for i in sub))}.values())
    whole = g.whole
    return Disagreement(whole.block, whole.scope, (low.ci, low.span), (high.ci, high.span), gap,
                        involved, tuple((lo.ci, hi.ci) for lo, hi in real), odd, whole.mood,
                        tag="" if step == 0 else f"|{value_words(value)}")


def current(claims: Sequence[ClaimInfo]) -> Sequence[ClaimInfo]:
    """A measure's figures without those a later figure of their own article updates
    (``quantity.supersedes``: a live blog's 27 at 11:20 that its 18:40 post makes 28):
    the article's word is the update, and a running figure grows within a day, which
    times in days cannot tell. Every quantity rule reads a measure's block through this
    (Q201-Q203, R801), and E102 and H701 ask :func:`superseded`, so a superseded figure
    is compared by none and reported by none. One pass over the block (one measure)."""
    gone = {(ci.source.id, old) for ci in claims if ci.claim.quantity is not None
            for old in ci.claim.quantity.supersedes if old != ci.id}
    kept = [ci for ci in claims if (ci.source.id, ci.id) not in gone] if gone else claims
    return _latest_versions(kept)


def _latest_versions(claims: Sequence[ClaimInfo]) -> Sequence[ClaimInfo]:
    """The block without an earlier version's figure for a scope a later version of the
    same article (one outlet and URL, a later publication moment) gives a figure for too:
    an updated wire story ("UPDATE 2") is the article's word, as ``supersedes`` is within
    one record (E102 still reports a figure its correction note withdrew). Versions that
    cannot be ordered (no publication time, or the same minute) stay side by side."""
    # One moment per claim, computed once (a record's claims share it).
    moments = [version_moment(ci) for ci in claims]
    by_url: dict[tuple[str, str], set[tuple[dt.datetime, str]]] = defaultdict(set)
    for ci, at in zip(claims, moments, strict=True):
        if at is not None:
            by_url[(ci.source.outlet, ci.source.url)].add((at, ci.source.id))
    if all(len(versions) < 2 for versions in by_url.values()):
        return claims
    latest: dict[tuple[str, str, Scope], dt.datetime] = {}
    for ci, at in zip(claims, moments, strict=True):
        key = (ci.source.outlet, ci.source.url, scope_of(ci))
        if at is not None and (key not in latest or at > latest[key]):
            latest[key] = at
    return [ci for ci, at in zip(claims, moments, strict=True) if at is None
            or latest[(ci.source.outlet, ci.source.url, scope_of(ci))] == at]


def version_moment(ci: ClaimInfo) -> dt.datetime | None:
    """When the claim's record was published, to the minute, for ordering one article's
    versions: UTC when the time names its zone, else as written; None without a date and
    a time (a version whose time is unknown may be the later one)."""
    published = ci.source.published
    time = published.time
    if published.date is None or time is None or ci.claim.quantity is None:
        return None
    day = dt.date.fromisoformat(str(published.date))
    clock = dt.datetime.combine(day, dt.time(int(time[:2]), int(time[3:5])))
    offset = utc_offset(time)
    return clock - offset if offset is not None else clock


Measure = tuple[str, str, tuple[str, str, str], str]  # source, claim id, proposition, unit


def superseded(corpus: Corpus, claims: Iterable[ClaimInfo]) -> frozenset[int]:
    """``id`` of the claims among ``claims`` whose figure a later figure of their own
    record and measure updates: :func:`current` for claims of any measure (an update
    naming a claim of another measure is I015 and updates nothing, as in a measure's
    block). One pass; units are read only for records that update a figure."""
    listed = list(claims)
    updates: set[Measure] = set()
    for ci in listed:
        q = ci.claim.quantity
        if q is not None and q.supersedes:
            unit = corpus.unit_key(q.unit)
            updates.update((ci.source.id, old, ci.key, unit) for old in q.supersedes
                           if old != ci.id)
    if not updates:
        return frozenset()
    named = {(source, cid) for source, cid, _, _ in updates}
    return frozenset(id(ci) for ci in listed
                     if (ci.source.id, ci.id) in named and ci.claim.quantity is not None
                     and (ci.source.id, ci.id, ci.key,
                          corpus.unit_key(ci.claim.quantity.unit)) in updates)


Found = tuple[Item, Item, float]
Pair = tuple[Item, Item]  # (low, high): a candidate; it disagrees when low lies below high


def _disagreeing(items: Sequence[Item], window: int | None) -> list[Pair]:
    """Pairs (low, high) of figures that cannot both be true: for each figure, its most
    extreme counterparts that it disagrees with (:func:`_summary` makes them the worst
    pair and every figure involved).

    A figure counts or measures something over its period. When one period
    contains another (equal periods contain each other), the figure for the
    longer period cannot lie wholly below the figure for the shorter one (26
    killed this year and 4 killed on one day of it agree; "14,000" and "more than
    40,000" for the same period do not). Periods that merely overlap prove
    nothing. With a ``window`` (a state's figures), two figures without a time of
    their own are also compared when they were given at most ``window`` days apart.
    Two "each" figures over the same places are compared in their own group, not
    again place by place.

    Each figure asks once for its most extreme counterpart (the lowest figure among
    those it must not lie below, the highest among those that must not lie below
    it); a figure that disagrees with any other disagrees with that one, so the
    answers name every figure involved and hold the worst pair. O(n log n)."""
    return [(lo, hi) for lo, hi in _candidates(items, window)
            if lo.ci is not hi.ci and lo.span.below(hi.span)]


def _summary(items: Sequence[Item], real: list[Pair]
             ) -> tuple[Found, tuple[ClaimInfo, ...]] | None:
    """The pair of ``real`` (:func:`_disagreeing`'s) with the largest gap, and every
    figure of ``items`` in some pair, the worst pair's first; None without a pair."""
    if not real:
        return None
    low, high = max(real, key=lambda p: p[0].span.relative_gap(p[1].span))
    ids = {id(i.ci) for pair in real for i in pair}
    rest = [i.ci for i in items if id(i.ci) in ids and i.ci is not low.ci and i.ci is not high.ci]
    involved = tuple({id(c): c for c in (low.ci, high.ci, *rest)}.values())
    return (low, high, low.span.relative_gap(high.span)), involved


def _candidates(items: Sequence[Item], window: int | None) -> Iterator[Pair]:
    for subs, sups in _roles(items):
        yield from _contained(subs, sups)
        if window is not None:
            yield from _near(subs, sups, window)
    yield from _against_unknown(items)


def _roles(items: Sequence[Item]) -> list[tuple[list[Item], list[Item]]]:
    """(shorter-period side, longer-period side) searches that cover every pair
    except two place-by-place copies of "each" figures over the same places."""
    own = [i for i in items if not i.expanded]
    if len(own) == len(items):
        return [(own, own)]
    spread = [i for i in items if i.expanded]
    return [(own, list(items)), (spread, own), *_spread_pairs(spread)]


def _spread_pairs(spread: list[Item]) -> list[tuple[list[Item], list[Item]]]:
    """Copies of "each" figures over different place sets, compared with each other."""
    sets: dict[frozenset[str], list[Item]] = defaultdict(list)
    for i in spread:
        sets[frozenset(i.ci.claim.quantity.scope if i.ci.claim.quantity else ())].append(i)
    if len(sets) < 2:
        return []
    out = []
    for group in sets.values():
        members = {id(i) for i in group}
        out.append((group, [i for i in spread if id(i) not in members]))
    return out


def _lub(item: Item) -> tuple[float, bool]:
    # Least upper bound first; at equal bounds an open one ("fewer than") is lower.
    return (item.span.hi, not item.span.hi_open)


def _glb(item: Item) -> tuple[float, bool]:
    # Greatest lower bound first; at equal bounds an open one ("more than") is higher.
    return (-item.span.lo, not item.span.lo_open)


def _days(item: Item) -> tuple[int, int]:
    return start(item.ci).toordinal(), end(item.ci).toordinal()


def _contained(subs: list[Item], sups: list[Item]) -> Iterator[Pair]:
    """Each shorter-period figure against the lowest figure whose period contains its
    own, and each longer-period figure against the highest figure inside its period."""
    subs = [i for i in subs if period(i.ci) is not None]
    sups = [i for i in sups if period(i.ci) is not None]
    outer = [(*_days(i), _lub(i), i) for i in sups]
    lows = _least(outer, [_days(i) for i in subs])  # starting no later, ending no earlier
    yield from ((low, sub) for sub, low in zip(subs, lows, strict=True) if low is not None)
    inner = [(-a, -b, _glb(i), i) for i in subs for a, b in [_days(i)]]
    highs = _least(inner, [(-a, -b) for a, b in map(_days, sups)])  # the mirror image
    yield from ((sup, high) for sup, high in zip(sups, highs, strict=True) if high is not None)


def _near(subs: list[Item], sups: list[Item], window: int) -> Iterator[Pair]:
    """Figures without a time of their own given at most ``window`` days apart: the
    lowest and the highest figure near each."""
    subs = [i for i in subs if undated(i.ci)]
    sups = [i for i in sups if undated(i.ci)]
    lows = _least([(*_days(i), _lub(i), i) for i in sups], _near_queries(subs, window))
    yield from ((low, sub) for sub, low in zip(subs, lows, strict=True) if low is not None)
    highs = _least([(*_days(i), _glb(i), i) for i in subs], _near_queries(sups, window))
    yield from ((sup, high) for sup, high in zip(sups, highs, strict=True) if high is not None)


def _near_queries(items: list[Item], window: int) -> list[tuple[int, int]]:
    """:func:`_least`'s queries (start by, end on or after) for undated figures."""
    return [(hi, lo) for lo, hi in (meeting(*_days(i), window, True) for i in items)]


def _against_unknown(items: Sequence[Item]) -> Iterator[Pair]:
    """A figure with no time at all is compared with every other figure."""
    unknown = [i for i in items if period(i.ci) is None]
    if not unknown:
        return
    for pool, askers in ((list(items), unknown), (unknown, list(items))):
        lows, highs = _two(pool, _lub), _two(pool, _glb)
        for item in askers:
            low, high = _other(lows, item), _other(highs, item)
            if low is not None:
                yield low, item
            if high is not None:
                yield item, high


def _two(pool: list[Item], key: Callable[[Item], tuple[float, bool]]) -> list[Item]:
    # Two, so that an item asking for its counterpart is never its own.
    return heapq.nsmallest(2, pool, key=key)


def _other(best: list[Item], item: Item) -> Item | None:
    return next((b for b in best if b is not item), None)


Point = tuple[int, int, tuple[float, bool], Item]  # (x, y, key, item)


def _least(points: list[Point], queries: list[tuple[int, int]]) -> list[Item | None]:
    """For each query (a, b): the point with the least key among those with x <= a and
    y >= b. A sweep by x with a min-tree over y: O((n + m) log n)."""
    ys = sorted({p[1] for p in points}, reverse=True)
    rank = {y: n for n, y in enumerate(ys)}
    keys = [-y for y in ys]  # ascending: positions [0, k) have y >= b
    tree = _MinTree(len(ys))
    ordered = sorted(points, key=lambda p: p[0])
    out: list[Item | None] = [None] * len(queries)
    j = 0
    for n in sorted(range(len(queries)), key=lambda n: queries[n][0]):
        a, b = queries[n]
        while j < len(ordered) and ordered[j][0] <= a:
            _, y, key, item = ordered[j]
            tree.put(rank[y], key, item)
            j += 1
        out[n] = tree.least(bisect.bisect_right(keys, -b))
    return out


class _MinTree:
    """A Fenwick tree of prefix minima (positions only ever improve)."""

    def __init__(self, n: int) -> None:
        self.keys: list[tuple[float, bool] | None] = [None] * (n + 1)
        self.items: list[Item | None] = [None] * (n + 1)

    def put(self, pos: int, key: tuple[float, bool], item: Item) -> None:
        i = pos + 1
        while i < len(self.keys):
            current = self.keys[i]
            if current is None or key < current:
                self.keys[i], self.items[i] = key, item
            i += i & -i

    def least(self, count: int) -> Item | None:
        """The item with the least key among positions [0, count)."""
        best_key: tuple[float, bool] | None = None
        best: Item | None = None
        i = count
        while i > 0:
            key = self.keys[i]
            if key is not None and (best_key is None or key < best_key):
                best_key, best = key, self.items[i]
            i -= i & -i
        return best


# ------------------------------------------------------------------ outlier


def outlier(items: Sequence[Item], window: int | None, prefer: Sequence[Item] = (),
            counts: list[int] | None = None, by_value: bool = False) -> Outlier:
    """The figure of a disagreeing group that disagrees with the most other figures
    (:func:`disagreement_counts`): with four outlets at 40,000 and one at 14,000, the
    14,000. Ties go to the first of ``prefer`` (the worst pair, its higher figure
    first), else to the first in the group's order. One pass over the group then
    counts the sources that give a figure disagreeing with it."""
    counts = disagreement_counts(items, window) if counts is None else counts
    most = max(counts)
    tied = [i for i, c in zip(items, counts, strict=True) if c == most]
    ids = {id(i) for i in tied}
    odd = next(i for i in (*prefer, *items) if id(i) in ids)
    against = {i.ci.source.id for i in items
               if i.ci.source.id != odd.ci.source.id and disagree(odd, i, window)}
    # A repeated figure is one figure; ``by_value`` (one disagreement of a split group,
    # :func:`peels`), so is one value however many sources give it.
    alone = len({value_key(i.span) if by_value else _identity(i) for i in tied}) == 1
    return Outlier(odd.ci, len(against), len({i.ci.source.id for i in items}), alone)


def disagree(a: Item, b: Item, window: int | None) -> bool:
    """Two figures of a group that cannot both be true, compared as :func:`_disagreeing`
    compares them (one by one: for one figure against its group, or a test)."""
    return _lies_below(a, b, window) or _lies_below(b, a, window)


def _lies_below(lo: Item, hi: Item, window: int | None) -> bool:
    if lo.ci is hi.ci or not lo.span.below(hi.span):
        return False
    p, r = period(lo.ci), period(hi.ci)
    if p is None or r is None:
        return True
    if lo.expanded and hi.expanded and _places(lo) == _places(hi):
        return False  # compared in their own group, not again place by place
    if window is not None and undated(lo.ci) and undated(hi.ci):
        return meet(_days(lo), _days(hi), window, True, True)  # overlap is a meeting too
    return p.start <= r.start and r.end <= p.end


def _places(item: Item) -> frozenset[str]:
    return frozenset(item.ci.claim.quantity.scope if item.ci.claim.quantity else ())


Bounded = tuple[tuple[float, int], int, int]  # (a bound, first day, last day)


def disagreement_counts(items: Sequence[Item], window: int | None) -> list[int]:
    """For each item, how many figures of *other sources* in the group it disagrees with
    (as :func:`disagree` pairs them); a source's figure repeated with the same interval
    and time (a headline, a lede and a body) is one figure, so repetition does not
    outvote other sources, and a source's own second figure casts no vote. Figures
    without any time meet all (a count of bounds, by bisection); the others are offline
    dominance counts over (bound, start, end), a sweep by bound with a Fenwick tree of
    Fenwick trees over days: O(n log^2 n), no pairs compared. Each source's own pairs
    are counted the same way inside its figures and taken off."""
    firsts: dict[tuple[object, ...], int] = {}
    slot = [firsts.setdefault(_identity(i), n) for n, i in enumerate(items)]
    kept = sorted(set(slot))
    figures = [items[n] for n in kept]
    counts = _all_counts(figures, window)
    by_source: dict[str, list[int]] = defaultdict(list)
    for n, f in enumerate(figures):
        by_source[f.ci.source.id].append(n)
    for members in by_source.values():
        if len(members) > 1:
            _add(counts, members,
                 [-c for c in _all_counts([figures[n] for n in members], window)])
    index = {n: k for k, n in enumerate(kept)}
    return [counts[index[n]] for n in slot]


def _all_counts(figures: Sequence[Item], window: int | None) -> list[int]:
    """How many of ``figures`` each one disagrees with, whatever their sources."""
    counts = _timeless(figures, figures)
    timed = [n for n, i in enumerate(figures) if period(i.ci) is not None]
    _add(counts, timed, _timed_counts([figures[n] for n in timed], [figures[n] for n in timed],
                                      window))
    sets: dict[frozenset[str], list[int]] = defaultdict(list)
    for n in timed:
        if figures[n].expanded:
            sets[_places(figures[n])].append(n)
    for members in sets.values():  # two copies of "each" figures over the same places
        group = [figures[n] for n in members]
        _add(counts, members, [-c for c in _timed_counts(group, group, window)])
    return counts


def _identity(item: Item) -> tuple[object, ...]:
    p = period(item.ci)
    return (item.ci.source.id, item.span, None if p is None else (p.start, p.end),
            undated(item.ci), item.expanded, _places(item) if item.expanded else None)


def _add(counts: list[int], at: Sequence[int], more: Sequence[int]) -> None:
    for n, m in zip(at, more, strict=True):
        counts[n] += m


def _upper(s: Span) -> tuple[float, int]:
    """An upper bound, so that ``a.below(b)`` is ``_upper(a) < _lower(b)``: at equal
    values an open bound lies below a closed one."""
    return (s.hi, -1 if s.hi_open else 0)


def _lower(s: Span) -> tuple[float, int]:
    return (s.lo, 1 if s.lo_open else 0)


def _negated(bound: tuple[float, int]) -> tuple[float, int]:
    return (-bound[0], -bound[1])  # reverses the order: "above" as "below"


def _timeless(pool: Sequence[Item], askers: Sequence[Item]) -> list[int]:
    """For each asker, the figures of the pool it disagrees with where one of the two has
    no time at all (which meets every time): bounds counted by bisection."""
    def below(group: Sequence[Item]) -> tuple[list[tuple[float, int]], list[tuple[float, int]]]:
        return sorted(_upper(i.span) for i in group), sorted(_lower(i.span) for i in group)

    every, unknown = below(pool), below([i for i in pool if period(i.ci) is None])
    out = []
    for item in askers:
        uppers, lowers = every if period(item.ci) is None else unknown
        out.append(bisect.bisect_left(uppers, _lower(item.span))
                   + len(lowers) - bisect.bisect_right(lowers, _upper(item.span)))
    return out


def _timed_counts(pool: Sequence[Item], askers: Sequence[Item], window: int | None
                  ) -> list[int]:
    """For each asker with a period, the pool's figures with a period it disagrees with:
    one below it over a period containing its own, or above it inside its period; with
    a ``window``, two undated figures when they meet instead (:func:`meeting`: an
    overlap is a meeting, so nothing is counted twice)."""
    def close(i: Item) -> bool:
        return window is not None and undated(i.ci)

    plain = [n for n, i in enumerate(askers) if not close(i)]
    near = [n for n, i in enumerate(askers) if close(i)]
    out = [0] * len(askers)
    _add(out, plain, _contained_counts(pool, [askers[n] for n in plain]))
    _add(out, near, _contained_counts([i for i in pool if not close(i)], [askers[n] for n in near]))
    if window is not None:
        _add(out, near, _meeting_counts([i for i in pool if close(i)], [askers[n] for n in near],
                                        window))
    return out


def _contained_counts(pool: Sequence[Item], askers: Sequence[Item]) -> list[int]:
    """Figures below the asker over a period containing its own (starting no later,
    ending no earlier), and figures above it over a period inside its own (negated)."""
    below = _dominated([(_upper(y.span), *_days(y)) for y in pool],
                       [(_lower(x.span), *_days(x)) for x in askers])
    above = _dominated([(_negated(_lower(y.span)), -a, -b) for y in pool for a, b in [_days(y)]],
                       [(_negated(_upper(x.span)), -a, -b) for x in askers for a, b in [_days(x)]])
    return [m + n for m, n in zip(below, above, strict=True)]


def _meeting_counts(pool: Sequence[Item], askers: Sequence[Item], window: int) -> list[int]:
    """Figures below or above the asker whose days meet its own (starting by the last
    day it reaches, ending on the first or later)."""
    reach = [(hi, lo) for x in askers for lo, hi in [meeting(*_days(x), window, True)]]
    below = _dominated([(_upper(y.span), *_days(y)) for y in pool],
                       [(_lower(x.span), *r) for x, r in zip(askers, reach, strict=True)])
    above = _dominated([(_negated(_lower(y.span)), *_days(y)) for y in pool],
                       [(_negated(_upper(x.span)), *r) for x, r in zip(askers, reach, strict=True)])
    return [m + n for m, n in zip(below, above, strict=True)]


def _dominated(points: list[Bounded], queries: list[Bounded]) -> list[int]:
    """For each query (v, a, b): how many points (w, x, y) have w < v, x <= a and y >= b.
    A sweep by v that adds the points below each query to a counting :class:`Plane`
    over the order of x."""
    xs = sorted({x for _, x, _ in points})
    plane = Plane([(bisect.bisect_left(xs, x), y) for _, x, y in points], 0, operator.add)
    ordered = sorted(points, key=lambda p: p[0])
    out = [0] * len(queries)
    j = 0
    for n in sorted(range(len(queries)), key=lambda n: queries[n][0]):
        v, a, b = queries[n]
        while j < len(ordered) and ordered[j][0] < v:
            plane.put(bisect.bisect_left(xs, ordered[j][1]), ordered[j][2], 1)
            j += 1
        out[n] = plane.query(bisect.bisect_right(xs, a), b)
    return out


V = TypeVar("V")


class Plane(Generic[V]):
    """Values at points (position, end) known in advance, added one by one; the merge of
    those at positions below a count whose end is a given day or later. A Fenwick tree
    over positions whose nodes are Fenwick trees over the ends they will hold (latest
    first): O(log^2 n) a step. Q201's dominance counts merge by adding, Q203's best
    readings by :func:`best_two`, R801's root sets by their representatives."""

    def __init__(self, points: Sequence[tuple[int, int]], zero: V,
                 merge: Callable[[V, V], V]) -> None:
        size = max((p for p, _ in points), default=-1) + 2
        ends: list[set[int]] = [set() for _ in range(size)]
        for pos, last in points:
            i = pos + 1
            while i < size:
                ends[i].add(-last)
                i += i & -i
        self.ends = [sorted(e) for e in ends]
        self.zero, self.merge = zero, merge
        self.at = [[zero] * (len(e) + 1) for e in self.ends]

    def put(self, pos: int, last: int, value: V) -> None:
        i = pos + 1
        while i < len(self.ends):
            row = self.at[i]
            k = bisect.bisect_left(self.ends[i], -last) + 1
            while k < len(row):
                row[k] = self.merge(row[k], value)
                k += k & -k
            i += i & -i

    def query(self, count: int, day: int) -> V:
        """The merge of the values at positions [0, count) ending on ``day`` or later."""
        out = self.zero
        for value in self.parts(count, day):
            out = self.merge(out, value)
        return out

    def parts(self, count: int, day: int) -> Iterator[V]:
        """The node values :meth:`query` merges, for a caller that can search each part
        more cheaply than it can merge them (R801's root sets)."""
        i = min(count, len(self.ends) - 1)
        while i > 0:
            row = self.at[i]
            k = bisect.bisect_right(self.ends[i], -day)
            while k > 0:
                yield row[k]
                k -= k & -k
            i -= i & -i


def figure_hit(corpus: Corpus, d: Disagreement, kind: str, tolerance: float) -> Hit:
    """One hit for a group's worst disagreement, located at the outlier (the figure
    disagreeing with the most others), which the message names first when it is in the
    worst pair, then says how many sources give a figure against it."""
    (lo_ci, lo_span), (hi_ci, hi_span) = d.low, d.high
    lo_q, hi_q = lo_ci.claim.quantity, hi_ci.claim.quantity
    odd = d.outlier.ci
    odd_q = odd.claim.quantity
    assert lo_q is not None and hi_q is not None and odd_q is not None
    unit = d.block[3]
    others = _other_pairs(d)[:MAX_LISTED]
    digits = digits_for([*numbers(hi_q), *numbers(lo_q), *numbers(odd_q),
                         *(x for pair in others for ci in pair for x in numbers(ci.claim.quantity))])
    high, low = figure(hi_q, name=unit, digits=digits), figure(lo_q, name=unit, digits=digits)
    named = [(hi_ci, high), (lo_ci, low)]
    forecast = " (forecasts)" if d.mood == FORECAST else ""
    message = (f"quantity {kind} for {heading(corpus, d.block)}{forecast}: "
               + ", ".join(f"{source_of(corpus, ci)} gives {words}"
                           f"{scope_words(corpus, ci.claim.quantity)}{period_words(ci)}"
                           for ci, words in (named[::-1] if odd is lo_ci else named)
                           if ci.claim.quantity is not None))
    places_, each = d.scope
    shown = {id(c) for c in (lo_ci, hi_ci, *(c for pair in others for c in pair))}
    message += also(others, lambda ci: f"{ci.focus} {_written(ci, digits)}",
                    len({id(c) for c in d.involved} - shown))
    message += _verdict(d.outlier, figure(odd_q, name=unit, digits=digits))
    return Hit(
        message=message, location=odd.locate("/quantity"), focus=odd.focus, block=True,
        key=f"{kind}|{'|'.join(d.block)}|{','.join(sorted(places_))}|{int(each)}"
            f"{mood_key(d.mood)}{d.tag}",
        claims=tuple(c.ref() for c in {id(c): c for c in (odd, *d.involved)}.values()),
        fix="check both figures against the articles' words (comparator, unit, scope, time); "
            "if both report faithfully, record a reviewed finding",
        values={"kind": kind, "unit": d.block[3], "scope": sorted(places_), "each": each,
                "high": str(hi_span), "low": str(lo_span), "high_figure": high,
                "low_figure": low, "relative_gap": round(d.relative_gap, 6),
                "tolerance": tolerance,
                "outlier": odd.focus if d.outlier.majority else None,
                "disagreeing": d.outlier.against, "sources": d.outlier.sources},
    )


def _verdict(odd: Outlier, words: str) -> str:
    """'; 4 of 5 sources give a figure that disagrees with b#c1's 14,000 troops'."""
    if odd.sources == 1:
        return "; one source gives them all"
    if not odd.majority:
        return "; the sources disagree without a majority"
    return (f"; {odd.against} of {odd.sources} sources give a figure that disagrees with "
            f"{odd.ci.focus}'s {words}")


def _written(ci: ClaimInfo, digits: int | None) -> str:
    q = ci.claim.quantity
    assert q is not None
    return figure(q, unit=False, digits=digits)


def _other_pairs(d: Disagreement) -> list[tuple[ClaimInfo, ClaimInfo]]:
    """A disagreeing pair for each figure the worst pair leaves out, each figure once:
    a figure that joins a reviewed finding shows what it disagrees with."""
    named = {id(d.low[0]), id(d.high[0])}
    out = []
    for lo, hi in d.pairs:
        if id(lo) not in named or id(hi) not in named:
            out.append((lo, hi))
            named |= {id(lo), id(hi)}
    return out


def also(pairs: Sequence[tuple[T, T]], words: Callable[[T], str], unshown: int) -> str:
    """'; also: a#c2 19 vs b#c1 at least 28; ...': the other disagreeing pairs shown (at
    most MAX_LISTED), and how many figures involved they leave out."""
    if not pairs:
        return ""
    shown = "; ".join(f"{words(a)} vs {words(b)}" for a, b in pairs)
    more = f"; and {unshown} more figure(s)" if unshown else ""
    return f"; also: {shown}{more}"


def value_words(key: tuple[float, float, bool, bool]) -> str:
    """A value interval (:func:`value_key`) in a finding key: "41000..41000", "(80000..inf"."""
    lo, hi, lo_open, hi_open = key
    return f"{'(' if lo_open else ''}{lo:g}..{hi:g}{')' if hi_open else ''}"


def value_key(s: Span) -> tuple[float, float, bool, bool]:
    """A hashable identity of a span, tolerant of float rounding (9 significant digits)."""
    return (float(f"{s.lo:.9g}"), float(f"{s.hi:.9g}"), s.lo_open, s.hi_open)
