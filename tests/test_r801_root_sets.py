"""R801's root sets (ninth audit): a claim of an article that agencies contribute to may
rest on any of them or on the outlet's own reporting, and two figures corroborate each
other only when their root sets are disjoint. The sweep keeps, per tree node, the
entries :func:`r801.representatives` holds; these tests check it against brute force:
the representatives alone, the sweep on random small corpora, and scope "all"."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.model import AgencyHow, Comparator, Quantity
from checks.rules import _quantity as q
from checks.rules import r801_single_chain as r801
from checks.rules._attribution import chain_roots
from checks.rules._quantity import Item
from checks.timeexpr import Interval
from tests.test_rule_speedups import DAY0, FIGURE, _backs, _same_time
from tests.timing import cpu_now

ROOTS = st.frozensets(st.sampled_from("abcdef"), min_size=1, max_size=3)


def _mask(roots: frozenset[str]) -> int:
    """The roots as the sweep holds them: one bit each."""
    return sum(1 << "abcdefg".index(r) for r in roots)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), ROOTS), max_size=12),
       st.lists(st.tuples(st.integers(0, 5), ROOTS), max_size=12),
       st.frozensets(st.sampled_from("abcdefg"), max_size=3))
def test_representatives_hold_the_best_entry_disjoint_from_any_few_roots(
        left: list[Any], right: list[Any], query: frozenset[str]) -> None:
    """The first kept entry disjoint from a query of at most ``most`` roots is the best of
    all entries disjoint from it, also when the parts are kept first and then merged (as
    tree nodes are)."""
    entries = [((float(rank), False), _mask(roots), n)
               for n, (rank, roots) in enumerate(left + right)]
    most = 3
    whole = r801.representatives(entries, most)
    parts = r801.representatives([*r801.representatives(entries[: len(left)], most),
                                  *r801.representatives(entries[len(left):], most)], most)
    asked = _mask(query)
    best = min((e for e in entries if not e[1] & asked), key=lambda e: e[0], default=None)
    for kept in (whole, parts):
        found = next((e for e in kept if not e[1] & asked), None)
        assert (found is None) == (best is None)
        assert found is None or best is None or found[0] == best[0]
    assert len(whole) <= 1 + 3 + 9 + 27  # bounded whatever the number of entries


def _with_roots(figure: Quantity, outlet: str, contributors: frozenset[str],
                republished: str | None, via: str | None, told: str | None,
                time: tuple[int, int, bool] | None) -> Item:
    """A stand-in claim of ``outlet`` with agencies contributing, maybe one republished,
    maybe a 'via', maybe words told to an entity (the outlet itself or an agency)."""
    agencies = [SimpleNamespace(id=a, how=AgencyHow.contributes) for a in sorted(contributors)]
    if republished is not None:
        agencies.append(SimpleNamespace(id=republished, how=AgencyHow.republishes))
    iv = None if time is None else Interval(DAY0 + dt.timedelta(time[0]),
                                            DAY0 + dt.timedelta(time[0] + time[1]))
    to = () if told is None else ((outlet if told == "self" else told),)
    by = SimpleNamespace(via=[via] if via else [], to=to)
    ci: Any = SimpleNamespace(claim=SimpleNamespace(by=by, quantity=figure),
                              source=SimpleNamespace(agencies=agencies, outlet=outlet), when=iv,
                              event=iv if time is not None and time[2] else None, said=None)
    admitted = q.span(figure)
    assert admitted is not None
    return Item(ci, admitted)


def _expected_roots(outlet: str, contributors: frozenset[str], republished: str | None,
                    via: str | None, told: str | None) -> frozenset[str]:
    """The lead's policy, written out: one root when the article says where the words came
    from, else the outlet or any contributing agency."""
    if via:
        return frozenset({via})
    if republished:
        return frozenset({republished})
    if told is not None and told != "self" and told in contributors:
        return frozenset({told})
    if told == "self":
        return frozenset({outlet})
    return frozenset({outlet, *contributors})


CLAIM = st.tuples(
    FIGURE, st.sampled_from(["x", "y", "z"]), st.frozensets(st.sampled_from(["w1", "w2", "w3"]),
                                                            max_size=2),
    st.one_of(st.none(), st.sampled_from(["w1", "w4"])), st.one_of(st.none(), st.just("v")),
    st.one_of(st.none(), st.sampled_from(["self", "w1", "w2"])),
    st.one_of(st.none(), st.tuples(st.integers(0, 6), st.integers(0, 3), st.booleans())))


def _one_chain(group: list[Item]) -> bool:
    """Whether the group's claims have a root in common (one chain, maybe)."""
    return bool(frozenset.intersection(*(chain_roots(i.ci) for i in group)))


@settings(max_examples=400, deadline=None)
@given(st.lists(CLAIM, max_size=9), st.one_of(st.none(), st.integers(0, 3)))
def test_root_set_sweep_equals_all_pairs(raw: list[Any], window: int | None) -> None:
    """A figure is reported unless a compatible figure for a time both can stand for has
    a root set disjoint from its own (brute force over every pair)."""
    items = [_with_roots(*r) for r in raw]
    roots = [_expected_roots(*r[1:6]) for r in raw]
    assert [chain_roots(i.ci) for i in items] == roots
    alone = [i for n, i in enumerate(items) if not any(
        _backs(i, t) and _same_time(i, t, window) and not roots[n] & roots[m]
        for m, t in enumerate(items))]
    groups = r801.single_chain_figures(items, window)
    assert sorted(id(i) for g in groups for i in g) == sorted(id(i) for i in alone)
    assert all(_one_chain(g) for g in groups)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["x", "y", "z"]),
                          st.frozensets(st.sampled_from(["w1", "w2", "w3"]), max_size=2),
                          st.one_of(st.none(), st.just("w1"))), min_size=1, max_size=8))
def test_scope_all_finds_two_chains_as_all_pairs(raw: list[Any]) -> None:
    """Scope "all": a proposition rests on one chain unless two of its claims have
    disjoint root sets."""
    figure = Quantity(cmp=Comparator.eq, value=1.0, unit="t")
    claims = [_with_roots(figure, o, c, rep, None, None, None).ci for o, c, rep in raw]
    sets = [chain_roots(c) for c in claims]
    assert r801._two_chains(claims) == any(not a & b for a in sets for b in sets)


def test_root_set_sweep_is_not_quadratic(monkeypatch: Any) -> None:
    """Every figure its own article with two of twenty agencies contributing, its own
    day: each tree node keeps a bounded number of entries (whatever the number of
    figures), each put touches O(log^2 n) nodes and each figure asks the plane once."""
    n = 3_000
    items = [_with_roots(Quantity(cmp=Comparator.gt if k % 2 else Comparator.eq,
                                  value=float(k % 50), unit="t"), f"o{k}",
                         frozenset({f"w{k % 20}", f"w{(k * 7 + 3) % 20}"}), None, None, None,
                         (k % 400, 0, True))
             for k in range(n)]
    kept: list[int] = []
    counted = r801.representatives

    def counting(entries: Any, most: int, held: int = -1) -> Any:
        out = counted(entries, most, held)
        kept.append(len(out))
        return out

    monkeypatch.setattr(r801, "representatives", counting)
    started = cpu_now()
    r801.single_chain_figures(items, 3)
    assert max(kept) <= 1 + 3 + 9 + 27  # three roots each, queries of three
    assert len(kept) <= 2 * n * (n.bit_length() + 1) ** 2  # two sweeps (the window's too)
    assert cpu_now() - started < 20  # about 3 s here


def test_two_chains_figures_for_different_times_stay_two_findings() -> None:
    """Outlet x's own 1 on day 0 and Wire w1's 1 on day 5 meet in value, not in time: two
    chains, two findings, even though x's other article "with" w1 (a figure of 100) may
    rest on either (linking the chains by a common root put both 1s in one finding)."""
    one, hundred = (Quantity(cmp=Comparator.eq, value=v, unit="t") for v in (1.0, 100.0))
    own = _with_roots(one, "x", frozenset(), None, None, None, (0, 0, True))
    wire = _with_roots(one, "y", frozenset(), "w1", None, None, (5, 0, True))
    both = _with_roots(hundred, "x", frozenset({"w1"}), None, None, None, (0, 0, True))
    groups = r801.single_chain_figures([own, wire, both])
    assert sorted(len(g) for g in groups) == [1, 1, 1]
    assert all(_one_chain(g) for g in groups)


# Articles crediting many agencies: root sets of up to seven, more than the tree's nodes
# answer exactly (r801.BUDGET), so queries the kept entries do not settle ask again.
MANY = st.tuples(
    FIGURE, st.sampled_from(["x", "y", "z"]),
    st.frozensets(st.sampled_from([f"w{k}" for k in range(1, 9)]), max_size=6),
    st.one_of(st.none(), st.sampled_from(["w1", "w9"])), st.none(),
    st.one_of(st.none(), st.sampled_from(["self", "w1", "w2"])),
    st.one_of(st.none(), st.tuples(st.integers(0, 6), st.integers(0, 3), st.booleans())))


@settings(max_examples=300, deadline=None)
@given(st.lists(MANY, max_size=12), st.one_of(st.none(), st.integers(0, 3)),
       st.sampled_from([1, 4, 64]))
def test_many_agencies_sweep_equals_all_pairs(raw: list[Any], window: int | None,
                                              budget: int) -> None:
    """As above with large root sets, and with node budgets that leave every query (1),
    queries of two roots or more (4) or of several (64) to be settled by sweeping the
    other chains' figures again."""
    items = [_with_roots(*r) for r in raw]
    roots = [chain_roots(i.ci) for i in items]
    alone = [i for n, i in enumerate(items) if not any(
        _backs(i, t) and _same_time(i, t, window) and not roots[n] & roots[m]
        for m, t in enumerate(items))]
    with patch.object(r801, "BUDGET", budget):
        groups = r801.single_chain_figures(items, window)
    assert sorted(id(i) for g in groups for i in g) == sorted(id(i) for i in alone)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["x", "y", "z"]),
                          st.frozensets(st.sampled_from([f"w{k}" for k in range(1, 9)]),
                                        max_size=6),
                          st.one_of(st.none(), st.just("w1"))), min_size=1, max_size=10),
       st.sampled_from([1, 4, 64]))
def test_scope_all_with_many_agencies_as_all_pairs(raw: list[Any], budget: int) -> None:
    figure = Quantity(cmp=Comparator.eq, value=1.0, unit="t")
    claims = [_with_roots(figure, o, c, rep, None, None, None).ci for o, c, rep in raw]
    sets = [chain_roots(c) for c in claims]
    with patch.object(r801, "BUDGET", budget):
        assert r801._two_chains(claims) == any(not a & b for a in sets for b in sets)


def test_articles_crediting_many_agencies_stay_fast() -> None:
    """300 figures of articles each crediting six of thirty agencies: nodes kept every
    entry avoiding any six roots (1 + 7 + ... + 7**7 allowed) and took minutes; the
    budget keeps a node small and the root sets the kept entries do not settle sweep
    once more."""
    rng = random.Random(1)
    items = [_with_roots(Quantity(cmp=Comparator.eq, value=float(rng.randrange(5)), unit="t"),
                         f"o{k}", frozenset(f"w{x}" for x in rng.sample(range(30), 6)),
                         None, None, None, (rng.randrange(30), 0, True))
             for k in range(300)]
    started = cpu_now()
    r801.single_chain_figures(items, 3)
    claims = [i.ci for i in items]
    assert r801._two_chains(claims)
    assert cpu_now() - started < 10  # about 0.4 s here; over two minutes before
