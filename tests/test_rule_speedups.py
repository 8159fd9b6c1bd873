"""The fast paths inside rules equal the plain algorithms they replace
(Hypothesis properties): U301's two ways of finding which sources cover a
wording, and the wordings it opposes (no source prints both); R801's sweep
for figures no other chain corroborates; Q201/Q202's worst pair and figures
involved, and Q203's readings involved; H701 and A401 share one index of body claims."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.config import Config
from checks.engine import select
from checks.model import Comparator, Quantity
from checks.pipeline import execute
from checks.rules import _common
from checks.rules import _quantity as q
from checks.rules import a401_unsourced as a401
from checks.rules import h701_headline_overstatement as h701
from checks.rules import q203_quantity_scope as q203
from checks.rules import r801_single_chain as r801
from checks.rules import u301_quote_variance as u301
from checks.rules._quantity import Item, Span
from checks.timeexpr import Interval
from tests.rulecases import materialise
from tests.timing import cpu_now

WORD = st.sampled_from(["a", "b", "c", "ab", "ba"])
QUOTE = st.lists(WORD, max_size=6).map(tuple)
SOURCES = st.dictionaries(st.sampled_from("stuvw"), st.lists(QUOTE, max_size=3), max_size=5)


class _FakeQuotes(u301._Quotes):
    def __init__(self, by_source: dict[str, list[tuple[str, ...]]]) -> None:
        self._by = by_source
        self._joined = {}
        self._split_memo = {}

    def words(self, ci: Any) -> list[tuple[str, ...]]:
        return self._by.get(ci.source.id, [])


def _naive_cover(held: dict[tuple[str, ...], Any], by: dict[str, list[tuple[str, ...]]],
                 sources: set[str]) -> dict[tuple[str, ...], set[str]]:
    return {w: {s for s in sources for q in by.get(s, [])
                if any(q[i:i + len(w)] == w for i in range(len(q) - len(w) + 1))}
            for w in held}


@settings(max_examples=300, deadline=None)
@given(SOURCES, st.lists(st.lists(WORD, min_size=1, max_size=4).map(tuple), min_size=1,
                         max_size=6, unique=True), st.sets(st.sampled_from("stuvwx")))
def test_slide_and_search_give_the_same_cover(by: dict[str, list[tuple[str, ...]]],
                                              wordings: list[tuple[str, ...]],
                                              sources: set[str]) -> None:
    held: dict[tuple[str, ...], Any] = {w: None for w in wordings}
    quotes = _FakeQuotes(by)
    lengths = sorted({len(w) for w in held})
    expected = _naive_cover(held, by, sources)
    # a stand-in claim of each source by the speaker
    by_source: dict[str, Any] = {s: SimpleNamespace(source=SimpleNamespace(id=s), speaker="x")
                                 for s in sources}
    assert u301._slide(held, lengths, by_source, quotes) == expected
    assert u301._search(held, by_source, quotes) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sets(st.sampled_from("stuvw")), max_size=8))
def test_opposed_wordings_equal_all_pairs(covers: list[set[str]]) -> None:
    wordings: list[tuple[str, ...]] = [(f"w{i}",) for i in range(len(covers))]
    cover: dict[tuple[str, ...], set[str]] = dict(zip(wordings, covers, strict=True))
    excluded = {i: [j for j in range(len(covers)) if covers[i].isdisjoint(covers[j])]
                for i in range(len(covers))}
    usual = max((i for i in excluded if excluded[i]), key=lambda i: len(covers[i]), default=None)
    expected = None if usual is None else (
        usual, min(excluded[usual], key=lambda j: len(covers[j])),
        len(set().union(*(covers[j] for j in excluded[usual]))))
    assert u301._opposed(wordings, cover) == expected


_TIMES = st.one_of(st.none(), st.tuples(st.integers(0, 9), st.integers(0, 4)))


def _opposed_by_pairs(covers: list[set[str]], meet: Callable[[int, int], bool]
                      ) -> tuple[int, int, int] | None:
    """U301's opposed wordings read pair by pair: the most printed wording with another
    no source shares whose occasion meets it, that other one's least printed, and how
    many sources print those others."""
    excluded = {i: [j for j in range(len(covers))
                    if covers[i].isdisjoint(covers[j]) and meet(i, j)]
                for i in range(len(covers))}
    usual = max((i for i in excluded if excluded[i]), key=lambda i: len(covers[i]), default=None)
    return None if usual is None else (
        usual, min(excluded[usual], key=lambda j: len(covers[j])),
        len(set().union(*(covers[j] for j in excluded[usual]))))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from("stuvw")), _TIMES), max_size=8))
def test_opposed_wordings_with_times_equal_all_pairs(rows: list[tuple[set[str], Any]]) -> None:
    """Two wordings are opposed when no source prints both and their times meet (an
    unknown time meets every time): the masks equal the pairs, read one by one."""
    import datetime as dt

    from checks.timeexpr import Interval

    day = dt.date(2021, 4, 1)
    times = [None if t is None else Interval(day + dt.timedelta(days=t[0]),
                                             day + dt.timedelta(days=t[0] + t[1]))
             for _, t in rows]
    covers = [c for c, _ in rows]
    wordings: list[tuple[str, ...]] = [(f"w{i}",) for i in range(len(covers))]
    cover = dict(zip(wordings, covers, strict=True))

    def meet(i: int, j: int) -> bool:
        a, b = times[i], times[j]
        return a is None or b is None or a.overlaps(b)

    assert u301._opposed(wordings, cover, times) == _opposed_by_pairs(covers, meet)


def _capitalised_by_words(text: str) -> list[str]:
    from checks.rules._names import words

    return [w for _, w in words(text) if w[:1].isupper()]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZbY' \u2019-.1é_s", max_size=30))
def test_capitalised_equals_the_word_scan(text: str) -> None:
    from checks.rules._names import capitalised

    assert capitalised(text) == _capitalised_by_words(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZbYs' -.1_S\n", max_size=30))
def test_capitalised_equals_the_word_scan_in_ascii(text: str) -> None:
    from checks.rules._names import capitalised

    assert capitalised(text) == _capitalised_by_words(text)


BOUND = st.integers(0, 6).map(float)
SPAN = st.tuples(BOUND, BOUND, st.booleans(), st.booleans(), st.booleans()).map(
    lambda t: Span(min(t[0], t[1]), float("inf") if t[4] else max(t[0], t[1]), t[2],
                   t[3] or t[4])).filter(lambda s: not s.empty)
# Values around the reach of a bound: "more than 40" reports up to 44, a whole bound at
# least the next whole number ("more than 2": 3).
VALUE = st.sampled_from([0.0, 1.0, 2.0, 3.0, 5.0, 9.0, 10.0, 11.0, 20.0, 22.0, 40.0, 44.0, 45.0])
FIGURE = st.builds(lambda cmp, a, b: Quantity(cmp=cmp, min=min(a, b), max=max(a, b), unit="t")
                   if cmp is Comparator.range else Quantity(cmp=cmp, value=a, unit="t"),
                   st.sampled_from(list(Comparator)), VALUE, VALUE)
ITEM = st.tuples(FIGURE, st.sampled_from("xyz"), st.booleans())


def _item(figure: Quantity, root: str, expanded: bool) -> Item:
    # A stand-in claim whose chain of reporting starts at ``root`` (its outlet).
    return _chain_timed(figure, root, expanded, None)  # no time: meets every time


def _meet(a: Span, b: Span) -> bool:
    return not a.below(b) and not b.below(a)


def _backs(a: Item, b: Item) -> bool:
    """R801's definition, pair by pair: the values the two figures report meet."""
    qa, qb = a.ci.claim.quantity, b.ci.claim.quantity
    return _meet(q.likely(qa, a.span), q.likely(qb, b.span))


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEM, max_size=8))
def test_single_chain_sweep_equals_all_pairs(raw: list[tuple[Quantity, str, bool]]) -> None:
    items = [_item(*r) for r in raw]
    alone = [i for i in items if not i.expanded and not any(
        _backs(i, t) and t.ci.source.outlet != i.ci.source.outlet for t in items)]
    groups = r801.single_chain_figures(items)
    assert sorted(id(i) for g in groups for i in g) == sorted(id(i) for i in alone)
    for group in groups:
        assert len({i.ci.source.outlet for i in group}) == 1
        # a group is connected by compatible figures; two groups share none
        assert all(any(_backs(i, j) for j in group if j is not i)
                   for i in group) or len(group) == 1
    for g, h in ((g, h) for g in groups for h in groups if g is not h):
        assert g[0].ci.source.outlet != h[0].ci.source.outlet or not any(
            _backs(i, j) for i in g for j in h)


def _chain_timed(figure: Quantity, root: str, expanded: bool,
                 time: tuple[int, int, bool] | None) -> Item:
    # A stand-in claim of chain ``root`` with a period of its own (dated), a day it was
    # given (undated), or no time at all (None).
    iv = None if time is None else Interval(DAY0 + dt.timedelta(time[0]),
                                            DAY0 + dt.timedelta(time[0] + time[1]))
    by = SimpleNamespace(via=[], to=())  # a Claim's by: no intermediary, no addressee
    ci: Any = SimpleNamespace(claim=SimpleNamespace(by=by, quantity=figure),
                              source=SimpleNamespace(agencies=[], outlet=root), when=iv,
                              event=iv if time is not None and time[2] else None, said=None)
    admitted = q.span(figure)
    assert admitted is not None
    return Item(ci, admitted, expanded)


def _same_time(a: Item, b: Item, window: int | None) -> bool:
    p, r = q.period(a.ci), q.period(b.ci)
    if p is None or r is None:
        return True
    reach = window if window is not None and q.undated(a.ci) and q.undated(b.ci) else 0
    return p.start <= r.end + dt.timedelta(reach) and r.start <= p.end + dt.timedelta(reach)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(FIGURE, st.sampled_from("xyz"), st.booleans(), st.one_of(
    st.none(), st.tuples(st.integers(0, 8), st.integers(0, 3), st.booleans()))), max_size=9),
    st.one_of(st.none(), st.integers(0, 3)))
def test_single_chain_sweep_with_times_equals_all_pairs(raw: list[Any], window: int | None
                                                        ) -> None:
    """Only a figure of another chain for a time both can stand for corroborates."""
    items = [_chain_timed(*r) for r in raw]
    alone = [i for i in items if not i.expanded and not any(
        _backs(i, t) and _same_time(i, t, window)
        and t.ci.source.outlet != i.ci.source.outlet for t in items)]
    groups = r801.single_chain_figures(items, window)
    assert sorted(id(i) for g in groups for i in g) == sorted(id(i) for i in alone)
    for group in groups:  # one chain's compatible figures
        assert len({i.ci.source.outlet for i in group}) == 1
        assert len(group) == 1 or all(any(_backs(i, j) for j in group if j is not i)
                                      for i in group)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(FIGURE, st.sampled_from("xyz"), st.booleans()), max_size=7),
       st.lists(st.tuples(FIGURE, st.sampled_from("xyz"), st.integers(2, 3)), max_size=4))
def test_single_chain_sweep_with_implied_totals_equals_all_pairs(
        raw: list[tuple[Quantity, str, bool]], totals: list[tuple[Quantity, str, int]]) -> None:
    """R801 with totals implied by figures for each of n places (the values they report,
    times n): they back figures of other chains and are never reported themselves."""
    items = [_item(*r) for r in raw]
    implied = []
    for figure, root, n in totals:
        each = _item(figure, root, False)
        implied.append(Item(each.ci, q.likely(figure, each.span).times(n), expanded=True))

    def backed(i: Item) -> bool:
        near = q.likely(i.ci.claim.quantity, i.span)
        return any(_backs(i, t) and t.ci.source.outlet != i.ci.source.outlet for t in items) or any(
            _meet(near, t.span) and t.ci.source.outlet != i.ci.source.outlet for t in implied)

    alone = [i for i in items if not i.expanded and not backed(i)]
    groups = r801.single_chain_figures(items, None, implied)
    assert sorted(id(i) for g in groups for i in g) == sorted(id(i) for i in alone)


def test_single_chain_sweep_is_not_quadratic() -> None:
    """Every figure its own chain and its own day: each asks the plane once."""

    items = [_chain_timed(Quantity(cmp=Comparator.gt if n % 2 else Comparator.eq,
                                   value=float(n % 50), unit="t"), f"o{n}", False, (n, 0, True))
             for n in range(10_000)]
    started = cpu_now()
    groups = r801.single_chain_figures(items, 3)
    assert sum(map(len, groups)) == 10_000
    assert cpu_now() - started < 10  # about 2 s; all pairs: 10**8


# ------------------------------------------------ Q201/Q202 and Q203 sweeps

DAY0 = dt.date(2021, 4, 1)
# (span, time): time None is no time at all; (start, length, dated): a period of the
# figure's own ("on Monday", dated) or the day it was given (undated)
TIMED = st.tuples(SPAN, st.one_of(st.none(), st.tuples(st.integers(0, 8), st.integers(0, 3),
                                                       st.booleans())))


def _timed(span: Span, time: tuple[int, int, bool] | None) -> Item:
    if time is None:
        ci: Any = SimpleNamespace(when=None, event=None, said=None)
    else:
        begin, length, dated = time
        iv = Interval(DAY0 + dt.timedelta(begin), DAY0 + dt.timedelta(begin + length))
        ci = SimpleNamespace(when=iv, event=iv if dated else None, said=None)
    return Item(ci, span)


def _compared(lo: Item, hi: Item, window: int | None) -> bool:
    a, b = q.period(lo.ci), q.period(hi.ci)
    if a is None or b is None:
        return True
    if window is not None and q.undated(lo.ci) and q.undated(hi.ci) and (
            a.start <= b.end + dt.timedelta(window) and b.start <= a.end + dt.timedelta(window)):
        return True
    return a.start <= b.start and b.end <= a.end  # the lower figure's period holds the other's


@settings(max_examples=400, deadline=None)
@given(st.lists(TIMED, max_size=9), st.one_of(st.none(), st.integers(0, 3)))
def test_figure_sweeps_equal_all_pairs(raw: list[tuple[Span, Any]], window: int | None) -> None:
    items = [_timed(*r) for r in raw]
    pairs = [(lo, hi) for lo in items for hi in items
             if lo is not hi and lo.span.below(hi.span) and _compared(lo, hi, window)]
    found = q._summary(items, q._disagreeing(items, window))
    if not pairs:
        assert found is None
        return
    assert found is not None
    (low, high, gap), involved = found
    assert (low, high) in pairs
    assert gap == max(lo.span.relative_gap(hi.span) for lo, hi in pairs)
    assert {id(c) for c in involved} == {id(i.ci) for p in pairs for i in p}
    assert involved[:2] == (low.ci, high.ci)


# A figure of a scope group: its interval, time, source, and the place set of an "each"
# figure it is a copy of (None: the group's own figure).
GROUPED = st.tuples(SPAN, TIMED.map(lambda t: t[1]), st.sampled_from("st"),
                    st.sampled_from([None, "AB", "AC"]))


def _grouped(span: Span, time: tuple[int, int, bool] | None, source: str,
             places: str | None) -> Item:
    item = _timed(span, time)
    ci: Any = item.ci
    ci.source = SimpleNamespace(id=source)
    ci.claim = SimpleNamespace(quantity=SimpleNamespace(scope=list(places or "")))
    return Item(ci, span, expanded=places is not None)


def _pair_disagrees(lo: Item, hi: Item, window: int | None) -> bool:
    """The rules' disagreeing pairs, one by one: two copies of "each" figures over the same places
    (compared in their own group) are not compared again where both have a time."""
    same_copies = (lo.expanded and hi.expanded and lo.ci.claim.quantity.scope
                   == hi.ci.claim.quantity.scope and q.period(lo.ci) is not None
                   and q.period(hi.ci) is not None)
    return lo.span.below(hi.span) and _compared(lo, hi, window) and not same_copies


@settings(max_examples=300, deadline=None)
@given(st.lists(GROUPED, max_size=10), st.one_of(st.none(), st.integers(0, 3)))
def test_disagreement_counts_equal_all_pairs(raw: list[Any], window: int | None) -> None:
    """Q201/Q202's outlier: each figure's count of others it disagrees with (a source's
    repeated figure, same interval and time, once) equals the count pair by pair, and
    the figures with a count are the ones the rules' summary lists."""
    items = [_grouped(*r) for r in raw]
    figures: dict[Any, Item] = {}
    for i in items:
        p = q.period(i.ci)
        figures.setdefault((i.ci.source.id, i.span, p, q.undated(i.ci), i.expanded,
                            tuple(i.ci.claim.quantity.scope) if i.expanded else None), i)
    def against(i: Item, f: Item) -> bool:
        return _pair_disagrees(i, f, window) or _pair_disagrees(f, i, window)

    # a source's own second figure casts no vote; it still makes a conflict
    brute = [sum(f.ci.source.id != i.ci.source.id and against(i, f) for f in figures.values())
             for i in items]
    anyone = [sum(against(i, f) for f in figures.values()) for i in items]
    assert q.disagreement_counts(items, window) == brute
    for a in items:
        assert [q.disagree(a, b, window) for b in items] == [
            _pair_disagrees(a, b, window) or _pair_disagrees(b, a, window) for b in items]
    found = q._summary(items, q._disagreeing(items, window))
    involved = set() if found is None else {id(c) for c in found[1]}
    assert involved == {id(i.ci) for i, n in zip(items, anyone, strict=True) if n}
    if found is not None:  # the outlier has the most; ties go to the worst pair's high
        (low, high, _), _ = found
        odd = q.outlier(items, window, (high, low))
        at = {id(i.ci): n for n, i in enumerate(items)}  # stand-ins with equal fields are equal
        assert brute[at[id(odd.ci)]] == max(brute)
        if brute[at[id(high.ci)]] == max(brute):
            assert odd.ci is high.ci


def test_disagreement_counts_are_not_quadratic() -> None:
    """Ten thousand figures, dated and undated, a few far out: counted by sweeps."""

    items = [_grouped(Span(float(n % 7 if n % 97 else 1000), float(n % 7 if n % 97 else 1000)),
                      (n % 300, n % 4, n % 3 == 0), f"s{n % 50}", None) for n in range(10_000)]
    started = cpu_now()
    counts = q.disagreement_counts(items, 3)
    assert cpu_now() - started < 10  # about 2 s; all pairs: 10**8
    assert max(counts) > 0


@settings(max_examples=300, deadline=None)
@given(st.lists(GROUPED, max_size=10), st.one_of(st.none(), st.integers(0, 3)))
def test_peels_are_the_disagreements_pair_by_pair(raw: list[Any], window: int | None) -> None:
    """Q201/Q202 report one disagreement per finding (:func:`q.peels`): each step's
    figures are the outlier's value and exactly the figures left that disagree with a
    figure of that value (checked pair by pair); every figure that disagrees with any
    other is in some step, and only the last step may hold figures of several values
    that do not involve the outlier's value."""
    items = [_grouped(*r) for r in raw]

    def against(i: Item, f: Item) -> bool:
        return _pair_disagrees(i, f, window) or _pair_disagrees(f, i, window)

    steps = list(q.peels(items, window))
    rest = list(items)
    for n, (odd, sub, bundle) in enumerate(steps):
        assert bundle == (n == len(steps) - 1) or not bundle
        if bundle:
            assert {id(i) for i in sub} == {id(i) for i in rest
                                            if any(against(i, f) for f in rest)}
            break
        value = q.value_key(next(i for i in sub if i.ci is odd.ci).span)
        mine = [i for i in rest if q.value_key(i.span) == value]
        others = [i for i in rest if q.value_key(i.span) != value]
        want = [i for i in mine if any(against(i, f) for f in rest)]
        want += [i for i in others if any(against(i, f) for f in mine)]
        assert {id(i) for i in sub} == {id(i) for i in want}
        rest = others
    else:
        assert not any(against(i, f) for i in rest for f in rest)
    involved = {id(i) for i in items if any(against(i, f) for f in items)}
    assert {id(i) for _, sub, _ in steps for i in sub} == involved


def test_peels_are_not_quadratic() -> None:
    """Ten thousand figures of eight values (one far out), dated and undated: each step
    is one sweep, and there are at most ``PEELS`` steps."""
    items = [_grouped(Span(float(n % 7 if n % 97 else 1000), float(n % 7 if n % 97 else 1000)),
                      (n % 300, n % 4, n % 3 == 0), f"s{n % 50}", None) for n in range(10_000)]
    started = cpu_now()
    steps = list(q.peels(items, 3))
    assert cpu_now() - started < 60  # about 15 s; all pairs: 10**8 per step
    assert 1 < len(steps) <= q.PEELS


# (combined, source, total, number written, start, length, undated)
READING = st.tuples(st.booleans(), st.sampled_from("st"), SPAN,
                    st.sampled_from([None, (1.0,), (2.0,)]), st.integers(0, 8), st.integers(0, 2),
                    st.booleans())


@settings(max_examples=600, deadline=None)
@given(st.lists(READING, max_size=9), st.one_of(st.none(), st.integers(0, 3)),
       st.sampled_from([0.0, 0.05, 0.2, 0.5, 1.0]))
def test_scope_readings_involved_equal_all_pairs(raw: list[Any], window: int | None,
                                                 tolerance: float) -> None:
    """Q203's bisections (one number read two ways) and its sweep for the lowest and the
    highest total of another source (totals that cannot both hold, further apart than the
    tolerance) list the readings that some pair of readings compared one by one lists."""
    sides: tuple[list[q203.Reading], list[q203.Reading]] = ([], [])
    for combined, source, total, written, begin, length, undated in raw:
        first = DAY0 + dt.timedelta(begin)
        sides[0 if combined else 1].append(q203.Reading(
            source, (), total, first, first + dt.timedelta(length), undated, written))
    hit = [[r for r in side if any(q203._disagree(r, o, window, tolerance) for o in sides[1 - n])]
           for n, side in enumerate(sides)]
    found = q203._involved(sides[0], sides[1], window, tolerance)
    if not hit[0]:
        assert found is None
        return
    assert found is not None
    first, other, rest = found
    assert q203._disagree(first, other, window, tolerance)
    assert {id(r) for r in (first, other, *rest)} == {id(r) for side in hit for r in side}
    # The message names one number read two ways when some pair reads one so.
    if any(q203._same_number(c, p) and q203._disagree(c, p, window, tolerance)
           for c in sides[0] for p in sides[1]):
        assert q203._same_number(first, other)


SIGNED = st.tuples(st.integers(-6, 6).map(float), st.integers(-6, 6).map(float), st.booleans(),
                  st.booleans(), st.booleans()).map(
    lambda t: Span(min(t[0], t[1]), float("inf") if t[4] else max(t[0], t[1]), t[2],
                   t[3] or t[4])).filter(lambda s: not s.empty)
# (combined, source, total, start, length, undated): totals of either sign
CLOSE = st.tuples(st.booleans(), st.sampled_from("stu"), SIGNED, st.integers(0, 8),
                  st.integers(0, 2), st.booleans())


@settings(max_examples=600, deadline=None)
@given(st.lists(CLOSE, max_size=10), st.one_of(st.none(), st.integers(0, 3)),
       st.sampled_from([0.0, 0.05, 0.2, 0.5, 1.0]))
def test_close_totals_equal_all_pairs(raw: list[Any], window: int | None,
                                      tolerance: float) -> None:
    """Q203's sweep for the nearest total below and above each reading (totals that
    cannot both hold but lie within the tolerance) pairs every reading that some pair of
    readings compared one by one pairs, each with a partner at its least gap."""
    sides: tuple[list[q203.Reading], list[q203.Reading]] = ([], [])
    for combined, source, total, begin, length, undated in raw:
        first = DAY0 + dt.timedelta(begin)
        sides[0 if combined else 1].append(q203.Reading(
            source, (), total, first, first + dt.timedelta(length), undated, None))

    def gap(a: q203.Reading, b: q203.Reading) -> float:
        low, high = (a, b) if a.total.below(b.total) else (b, a)
        return low.total.relative_gap(high.total)

    least = {id(r): min((gap(r, o) for o in sides[1 - n] if q203._close(r, o, window, tolerance)),
                        default=None) for n, side in enumerate(sides) for r in side}
    found = q203._close_pairs(sides[0], sides[1], window, tolerance)
    askers = [c for c, _, _ in found[:sum(least[id(r)] is not None for r in sides[0])]]
    askers += [p for _, p, _ in found[len(askers):]]
    assert [id(r) for r in askers] == [id(r) for r in (*sorted(sides[0], key=lambda r: r.first),
                                                       *sides[1]) if least[id(r)] is not None]
    for asker, (c, p, g) in zip(askers, found, strict=True):
        assert q203._close(c, p, window, tolerance)
        assert g == gap(c, p) == least[id(asker)]


def test_scope_sweep_is_not_quadratic() -> None:
    """Many sources' combined totals against many per-place readings, all on one day:
    each reading asks for its counterparts once."""

    n = 10_000
    day = DAY0
    combined = [q203.Reading(f"c{k}", (), Span(float(k), float(k)), day, day, False, (float(k),))
                for k in range(n)]
    per_place = [q203.Reading(f"p{k}", (), Span(2.0 * k, 2.0 * k), day, day, False, (float(k),))
                 for k in range(n)]
    start = cpu_now()
    found = q203._involved(combined, per_place, None, 0.05)
    assert cpu_now() - start < 10  # about 2 s; all pairs: 10**8 comparisons
    assert found is not None and len(found[2]) == 2 * n - 2


def test_close_totals_sweep_is_not_quadratic() -> None:
    """Ten thousand combined totals against ten thousand per-place sums, dated and
    undated, each within 1% of its neighbours: each reading asks for its nearest once."""

    n = 10_000
    def reading(name: str, value: float, k: int) -> q203.Reading:
        first = DAY0 + dt.timedelta(k % 30)
        return q203.Reading(name, (), Span(value, value), first, first + dt.timedelta(2),
                            k % 3 == 0, None)

    combined = [reading(f"c{k}", float(k), k) for k in range(n)]
    per_place = [reading(f"p{k}", k + 0.5, k) for k in range(n)]
    start = cpu_now()
    found = q203._close_pairs(combined, per_place, 3, 0.05)
    assert cpu_now() - start < 15  # about 2 s; all pairs: 10**8 comparisons
    assert len(found) > n


# ------------------------------------------ helpers the quantity rules share

@settings(max_examples=300, deadline=None)
@given(st.tuples(st.integers(0, 9), st.integers(0, 3)), st.tuples(st.integers(0, 9),
       st.integers(0, 3)), st.one_of(st.none(), st.integers(0, 3)), st.booleans(), st.booleans())
def test_meet_is_overlap_or_undated_within_the_window(
        a: tuple[int, int], b: tuple[int, int], window: int | None, x: bool, y: bool) -> None:
    """Q201, Q203 and R801 ask one helper; it must be symmetric and say what the docs say."""
    first, second = (a[0], a[0] + a[1]), (b[0], b[0] + b[1])
    days = {d for d in range(first[0], first[1] + 1)}
    apart = min(abs(d - e) for d in days for e in range(second[0], second[1] + 1))
    allowed = window if window is not None and x and y else 0
    assert q.meet(first, second, window, x, y) == (apart <= allowed)
    assert q.meet(first, second, window, x, y) == q.meet(second, first, window, y, x)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.tuples(BOUND, st.booleans()), st.sampled_from("xyz")), max_size=8))
def test_best_two_holds_the_best_of_every_other_group(raw: list[Any]) -> None:
    entries = [(rank, group, n) for n, (rank, group) in enumerate(raw)]
    two = q.best_two(entries)
    for group in "xyzw":  # w: a group with no entry
        others = [e[0] for e in entries if e[1] != group]
        held = [e[0] for e in two if e[1] != group]
        assert min(held, default=None) == min(others, default=None)
    assert len({e[1] for e in two}) == len(two) <= 2


# ------------------------------------------------------------ D601's busiest day

# A time's readings: one to three intervals within a fortnight.
D601_READING = st.tuples(st.integers(0, 14), st.integers(0, 3)).map(
    lambda t: Interval(DAY0 + dt.timedelta(t[0]), DAY0 + dt.timedelta(t[0] + t[1])))
D601_SOURCES = st.dictionaries(
    st.sampled_from("abcdefg"),
    st.lists(st.lists(D601_READING, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3),
    min_size=1, max_size=6)


def _can_cover(times: list[tuple[Interval, ...]], day: dt.date) -> bool:
    """Every choice of one reading per time, merged into a span: does one hold ``day``?"""
    import itertools

    return any(min(iv.start for iv in choice) <= day <= max(iv.end for iv in choice)
               for choice in itertools.product(*times))


@settings(max_examples=400, deadline=None)
@given(D601_SOURCES)
def test_d601_sweep_equals_every_choice_of_readings(
        sources: dict[str, list[tuple[Interval, ...]]]) -> None:
    from checks.rules import d601_relative_mismatch as d601

    days = [DAY0 + dt.timedelta(n) for n in range(20)]
    covering = [{s for s, times in sources.items() if _can_cover(times, d)} for d in days]
    best = max(len(c) for c in covering)
    first = next(i for i, c in enumerate(covering) if len(c) == best)
    assert d601.busiest_day(sources) == (days[first], covering[first])


def test_d601_sweep_is_not_quadratic() -> None:
    """Red team: N sources 'less than K days ago' (K distinct), one 'on Friday' and one
    explicit outlier took 4.0 s at N=1000 and 34.6 s at 4000 (each candidate day was
    tried against every source). The sweep sorts the pieces once."""

    from checks.rules import d601_relative_mismatch as d601

    anchor = dt.date(2030, 4, 13)
    n = 50_000
    sources = {f"s{k}": [(Interval(anchor - dt.timedelta(n - k), anchor),)] for k in range(n)}
    sources["friday"] = [(Interval(anchor - dt.timedelta(1), anchor - dt.timedelta(1)),
                          Interval(anchor + dt.timedelta(6), anchor + dt.timedelta(6)))]
    sources["outlier"] = [(Interval(dt.date(2040, 1, 1), dt.date(2040, 1, 1)),)]
    start = cpu_now()
    day, agree = d601.busiest_day(sources)
    assert cpu_now() - start < 5  # about 0.3 s; all pairs took hours
    assert day == anchor - dt.timedelta(1) and len(agree) == n + 1


_HEARD = st.one_of(st.none(), st.frozensets(st.sampled_from("xyz"), min_size=1))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from("stuvw")), _HEARD), max_size=8))
def test_opposed_wordings_with_addressees_equal_all_pairs(
        rows: list[tuple[set[str], frozenset[str] | None]]) -> None:
    """Two wordings are opposed only when they may have been said to the same addressee
    (one in common, or either said to anyone): the per-addressee masks equal the pairs."""
    covers = [c for c, _ in rows]
    heard = [h for _, h in rows]
    wordings: list[tuple[str, ...]] = [(f"w{i}",) for i in range(len(covers))]
    cover = dict(zip(wordings, covers, strict=True))

    def meet(i: int, j: int) -> bool:
        a, b = heard[i], heard[j]
        return a is None or b is None or not a.isdisjoint(b)

    assert u301._opposed(wordings, cover, None, heard) == _opposed_by_pairs(covers, meet)


def test_h701_and_a401_share_one_body_index(tmp_path: Any, monkeypatch: Any) -> None:
    """H701 and A401 each built the corpus's index of body claims by (article, predicate);
    one index serves both now (``_common.body_index``), built once per corpus."""
    request = {"subject": "alpha", "predicate": "request-talks", "object": "beta"}
    materialise({"sources": [{"id": "a", "claims": [
        {"id": "hl", "part": "headline", "evidence": "Alpha wants talks with Beta",
         "says": request},
        {"id": "c1", "evidence": "Alpha asked for talks with Beta, his spokeswoman said.",
         "by": {"speaker": "gamma", "mode": "paraphrase"}, "says": request}]}]}, tmp_path)
    given: list[object] = []
    built: list[int] = []
    real = _common.body_index

    def spy(corpus: Any) -> Any:
        before = list(_common._bodies)
        index = real(corpus)
        given.append(index)
        built.append(int(not before or before[0][2] is not index))
        return index

    monkeypatch.setattr(h701, "body_index", spy)
    monkeypatch.setattr(a401, "body_index", spy)
    config = Config()
    execute([tmp_path / "facts"], tmp_path, config, select(config, only=["A401", "H701"]),
            fail_on="error")
    assert len(given) == 2 and given[0] is given[1]  # both rules asked, one index
    assert sum(built) == 1


PLACES = st.frozensets(st.sampled_from("pqrstu"), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(PLACES, max_size=12), st.lists(PLACES, max_size=6))
def test_covering_finds_the_figures_holding_every_place(figures: list[frozenset[str]],
                                                         asked: list[frozenset[str]]) -> None:
    """Q203's and R801's implied totals: the figures given for each of a set holding every
    asked place, in the order they came (brute force over every figure)."""
    index: q.Covering[int] = q.Covering()
    for n, scope in enumerate(figures):
        index.add(n, sorted(scope))
    for places in asked:
        assert index.of(places) == [n for n, scope in enumerate(figures) if places <= scope]


def test_covering_many_distinct_place_sets_is_fast() -> None:
    """3,000 figures for each of 30 of 40 places, asked by 3,000 other sets of 30: each
    place holds most figures, so testing the candidates of the rarest one by one took
    minutes in a whole check; one AND per place does not."""
    rng = random.Random(1)
    names = [f"place{k}" for k in range(40)]
    index: q.Covering[int] = q.Covering()
    for n in range(3000):
        index.add(n, rng.sample(names, 30))
    asked = [frozenset(rng.sample(names, 30)) for _ in range(3000)]
    started = cpu_now()
    found = sum(len(index.of(places)) for places in asked)
    assert cpu_now() - started < 5  # about 0.1 s here
    assert found < 3000  # random sets of 30 rarely hold one another
