"""The fast paths inside rules equal the plain algorithms they replace
(Hypothesis properties): U301's two ways of finding which sources cover a
wording, and the wordings it opposes (no source prints both); R801's sweep
for figures no other chain corroborates."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.rules import r801_single_chain as r801
from checks.rules import u301_quote_variance as u301
from checks.rules._quantity import Item, Span

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


def _capitalised_by_words(text: str) -> list[str]:
    from checks.rules._names import words

    return [w for _, w in words(text) if w[:1].isupper()]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZbY' \u2019-.1é_s", max_size=30))
def test_capitalised_equals_the_word_scan(text: str) -> None:
    from checks.rules._names import capitalised

    assert capitalised(text) == _capitalised_by_words(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZbYs' -.1_S", max_size=30))
def test_capitalised_equals_the_word_scan_in_ascii(text: str) -> None:
    from checks.rules._names import capitalised

    assert capitalised(text) == _capitalised_by_words(text)


BOUND = st.integers(0, 6).map(float)
SPAN = st.tuples(BOUND, BOUND, st.booleans(), st.booleans(), st.booleans()).map(
    lambda t: Span(min(t[0], t[1]), float("inf") if t[4] else max(t[0], t[1]), t[2],
                   t[3] or t[4])).filter(lambda s: not s.empty)
ITEM = st.tuples(SPAN, st.sampled_from("xyz"), st.booleans())


def _item(span: Span, root: str, expanded: bool) -> Item:
    # A stand-in claim whose chain of reporting starts at ``root`` (its outlet).
    ci: Any = SimpleNamespace(claim=SimpleNamespace(by=SimpleNamespace(via=[])),
                              source=SimpleNamespace(agencies=[], outlet=root))
    return Item(ci, span, expanded)


def _meet(a: Span, b: Span) -> bool:
    return not a.below(b) and not b.below(a)


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEM, max_size=8))
def test_single_chain_sweep_equals_all_pairs(raw: list[tuple[Span, str, bool]]) -> None:
    items = [_item(*r) for r in raw]
    alone = [i for i in items if not i.expanded and not any(
        _meet(i.span, t.span) and t.ci.source.outlet != i.ci.source.outlet for t in items)]
    groups = r801.single_chain_figures(items)
    assert sorted(id(i) for g in groups for i in g) == sorted(id(i) for i in alone)
    for group in groups:
        assert len({i.ci.source.outlet for i in group}) == 1
        # a group is connected by compatible figures; two groups share none
        assert all(any(_meet(i.span, j.span) for j in group if j is not i)
                   for i in group) or len(group) == 1
    for g, h in ((g, h) for g in groups for h in groups if g is not h):
        assert not any(_meet(i.span, j.span) for i in g for j in h)
