"""R801's sums of one source's single-place figures (:class:`r801._Implied`) against a
definition pair by pair: a combined figure is corroborated by another chain's combined
figure, or by another chain's source whose first figure for each place, summed, reports a
common value on a day all of them hold (undated figures of a state within the window)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.model import Comparator, Quantity
from checks.rules import _quantity as q
from checks.rules import r801_single_chain as r801
from checks.rules._quantity import Item, Span
from checks.timeexpr import Interval

DAY0 = dt.date(2021, 4, 1)
VALUE = st.sampled_from([10.0, 20.0, 22.0, 40.0, 44.0, 45.0, 80.0, 88.0, 90.0])
CMP = st.sampled_from([Comparator.eq, Comparator.about, Comparator.gt, Comparator.le])
TIME = st.one_of(st.none(), st.tuples(st.integers(0, 6), st.integers(0, 2), st.booleans()))
Time = tuple[int, int, bool] | None


def _claim(cmp: Comparator, value: float, places: list[str], outlet: str, source: str,
           time: Time) -> Item:
    iv = None if time is None else Interval(DAY0 + dt.timedelta(time[0]),
                                            DAY0 + dt.timedelta(time[0] + time[1]))
    figure = Quantity(cmp=cmp, value=value, unit="t", scope=places)
    ci: Any = SimpleNamespace(
        claim=SimpleNamespace(by=SimpleNamespace(via=[], to=()), quantity=figure),
        source=SimpleNamespace(id=source, agencies=[], outlet=outlet), when=iv,
        event=iv if time is not None and time[2] else None, said=None)
    span = q.span(figure)
    assert span is not None
    return Item(ci, span)


def _days(i: Item) -> tuple[dt.date, dt.date]:
    return q.start(i.ci), q.end(i.ci)


def _meet_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date], reach: int) -> bool:
    step = dt.timedelta(reach)
    return (a[0] <= b[1] + step if b[1] < dt.date.max else True) and (
        b[0] <= a[1] + step if a[1] < dt.date.max else True)


def _reported(i: Item) -> Span:
    assert i.ci.claim.quantity is not None
    return q.likely(i.ci.claim.quantity, i.span)


def _overlaps(a: Span, b: Span) -> bool:
    return not a.below(b) and not b.below(a)


def _sums(singles: list[Item]) -> list[tuple[str, Span, tuple[dt.date, dt.date], bool]]:
    """(chain, total, days, undated) of each source's first figure per place, summed."""
    first: dict[tuple[str, str], dict[str, Item]] = {}
    for i in singles:
        assert i.ci.claim.quantity is not None
        owner = (i.ci.source.id, i.ci.source.outlet)
        first.setdefault(owner, {}).setdefault(i.ci.claim.quantity.scope[0], i)
    out = []
    for (_, chain), parts in first.items():
        if set(parts) != {"a", "b"}:
            continue
        a, b = parts["a"], parts["b"]
        days = (max(_days(a)[0], _days(b)[0]), min(_days(a)[1], _days(b)[1]))
        if days[0] <= days[1]:
            out.append((chain, _reported(a).plus(_reported(b)), days,
                        q.undated(a.ci) and q.undated(b.ci)))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(CMP, VALUE, st.sampled_from("ab"), st.sampled_from("xy"),
                          st.sampled_from("st"), TIME), max_size=8),
       st.lists(st.tuples(CMP, VALUE, st.sampled_from("xyz"), TIME), min_size=1, max_size=4),
       st.one_of(st.none(), st.integers(0, 3)))
def test_sums_of_single_places_back_combined_figures_as_pairs_do(
        raw: list[Any], combined_raw: list[Any], window: int | None) -> None:
    singles = [_claim(c, v, [p], o, s, t) for c, v, p, o, s, t in raw]
    combined = [_claim(c, v, ["a", "b"], o, f"c{n}", t)
                for n, (c, v, o, t) in enumerate(combined_raw)]
    grouped = {(frozenset({"a"}), False): [i for i in singles
                                            if i.ci.claim.quantity.scope == ("a",)],
               (frozenset({"b"}), False): [i for i in singles
                                            if i.ci.claim.quantity.scope == ("b",)],
               (frozenset({"a", "b"}), False): combined}
    scope = (frozenset({"a", "b"}), False)
    implied = r801._Implied(grouped).of(scope)
    groups = r801.single_chain_figures(combined, window, implied)

    def reach(x: bool, y: bool) -> int:
        return window if window is not None and x and y else 0

    def backed(c: Item) -> bool:
        by_combined = any(
            _overlaps(_reported(c), _reported(o)) and o.ci.source.outlet != c.ci.source.outlet
            and _meet_days(_days(c), _days(o), reach(q.undated(c.ci), q.undated(o.ci)))
            for o in combined)
        by_sum = any(
            chain != c.ci.source.outlet and _overlaps(_reported(c), total)
            and _meet_days(_days(c), days, reach(q.undated(c.ci), undated))
            for chain, total, days, undated in _sums(singles))
        return by_combined or by_sum

    alone = [c for c in combined if not backed(c)]
    assert sorted(id(i) for g in groups for i in g) == sorted(id(i) for i in alone)
