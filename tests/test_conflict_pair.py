"""C101/C102 name the best-sourced pair of a block, found by sweeps per standing: the pair
equals the best of all pairs but one article's paraphrase against its own quote of one
speaker (Hypothesis property), and a large block is not quadratic."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.model import Entity, EntityKind, Mode, Part
from checks.rules import _conflict
from checks.rules._parties import Heads
from checks.timeexpr import Interval
from tests.timing import cpu_now

DAY0 = dt.date(2021, 4, 1)
TIMES = st.none() | st.tuples(st.integers(0, 9), st.integers(0, 4)).map(
    lambda t: Interval(DAY0 + dt.timedelta(t[0]), DAY0 + dt.timedelta(t[0] + t[1])))
# "x" is a person, "o" an office: a named person's words in the body rank first.
PEOPLE = frozenset({"x"})
CLAIM = st.tuples(st.sampled_from("stu"), st.sampled_from([None, "x", "o"]),
                  st.sampled_from(list(Mode)), st.sampled_from(list(Part)), st.booleans(), TIMES,
                  st.booleans())


def _claim(n: int, raw: tuple[Any, ...]) -> Any:
    source, speaker, mode, part, via, when, own = raw
    by = SimpleNamespace(speaker=speaker, mode=mode, via=("wire",) if via else (), hedge=None)
    # Not a ClaimInfo, so no publication window applies: the time is ``when`` either way,
    # the claim's own (an event time) or not (standing for its publication's days).
    return SimpleNamespace(source=SimpleNamespace(id=source), when=when,
                           event=when if own else None, said=None, published=None,
                           claim=SimpleNamespace(id=f"c{n}", by=by, part=part))


def _rank(x: Any, y: Any) -> tuple[Any, ...]:
    """The module docstring's order: whose words, quoted, own time (the weaker claim's,
    then the stronger's), two sources, then the rest of the standings."""
    sa, sb = _conflict.standing(x, PEOPLE), _conflict.standing(y, PEOPLE)
    weak, strong = min(sa, sb), max(sa, sb)
    return (weak[:3], strong[:3], x.source.id != y.source.id, weak, strong, (sa, sb))


def _one_voice(x: Any, y: Any) -> bool:
    return x.source.id == y.source.id and x.claim.by.speaker is not None and \
        x.claim.by.speaker == y.claim.by.speaker and Mode.paraphrase in (x.claim.by.mode,
                                                                          y.claim.by.mode)


def _meet(x: Any, y: Any) -> bool:
    return x.when is None or y.when is None or x.when.overlaps(y.when)


@settings(max_examples=400, deadline=None)
@given(st.lists(CLAIM, max_size=7), st.lists(CLAIM, max_size=7))
def test_best_pair_equals_the_best_of_all_pairs(raw_a: list[Any], raw_b: list[Any]) -> None:
    a = [_claim(i, r) for i, r in enumerate(raw_a)]
    b = [_claim(100 + i, r) for i, r in enumerate(raw_b)]
    # One article's paraphrase against its own quote of one speaker is never named.
    pairs = [(x, y) for x in a for y in b if _meet(x, y) and not _one_voice(x, y)]
    found = _conflict.best_pair(a, b, PEOPLE)
    if not pairs:
        assert found is None
        return
    assert found is not None and _meet(*found) and found[0] in a and found[1] in b
    assert _rank(*found) == max(_rank(x, y) for x, y in pairs)


def test_best_pair_is_not_quadratic() -> None:
    modes = list(Mode)
    a = [_claim(i, ("s" if i % 2 else "t", "xo"[i % 5 == 0], modes[i % 6], Part.body,
                    bool(i % 3), Interval(DAY0 + dt.timedelta(i), DAY0 + dt.timedelta(i)),
                    i % 7 > 0))
         for i in range(20_000)]
    b = [_claim(i, ("u", None, Mode.unnamed, Part.headline, True,
                    Interval(DAY0 - dt.timedelta(i + 1), DAY0 - dt.timedelta(i + 1)), i % 2 > 0))
         for i in range(20_000)]
    started = cpu_now()
    assert _conflict.best_pair(a, b, PEOPLE) is None  # no two times meet: every sweep runs in full
    assert cpu_now() - started < 10


def _keyed(n: int, source: str, key: tuple[str, str, str], when: Interval) -> Any:
    by = SimpleNamespace(speaker="x", mode=Mode.paraphrase, via=(), hedge=None)
    return SimpleNamespace(source=SimpleNamespace(id=source), when=when, key=key, event=when,
                           said=None, claim=SimpleNamespace(id=f"c{n}", by=by, part=Part.body))


N = 6_000


def test_an_office_of_many_holders_meets_them_in_one_sweep() -> None:
    """Six thousand holders of one office, a day each: the office's claims meet all of
    them in one sweep over the claims' party days, not once per holder (which read every
    office claim per holder: 36 million overlap tests, 6.8 s; one sweep: 0.1 s)."""
    start = dt.date(2010, 1, 1)
    holders = [Entity.model_validate(
        {"id": f"p{i}", "name": f"P {i}", "kind": "person", "side": "north",
         "roles": [{"title": "President of North", "of": "north",
                    "from": str(start + dt.timedelta(i)), "to": str(start + dt.timedelta(i))}]})
        for i in range(N)]
    heads = Heads([Entity(id="north", name="North", kind=EntityKind.government, side="north"),
                   Entity(id="office", name="Office of the President of North",
                          kind=EntityKind.government, side="north"), *holders])
    party = ("office", "ask", "")
    year_2000 = Interval(dt.date(2000, 1, 1), dt.date(2000, 12, 31))
    a = [_keyed(i, "s", party, year_2000) for i in range(N)]
    b = [_keyed(i, "t", (f"p{i}", "ask", ""), Interval(start + dt.timedelta(i),
                                                       start + dt.timedelta(i)))
         for i in range(N)]
    assert len(_conflict.groups(heads, party, [*a, *b])) == 1  # the office joins them all
    started = cpu_now()
    assert _conflict.linked_pair(heads, party, a, b) is None  # never the party's same day
    late = _keyed(9, "t", ("p9", "ask", ""), Interval(start, start + dt.timedelta(N)))
    a[5] = _keyed(5, "s", party, Interval(start + dt.timedelta(9), start + dt.timedelta(9)))
    assert _conflict.linked_pair(heads, party, a, [*b, late]) == (a[5], b[9])
    assert cpu_now() - started < 2


def test_a_block_of_one_voice_is_not_quadratic() -> None:
    # One article paraphrasing and quoting one speaker on both sides, 20,000 claims a side:
    # every question meets its own voice first and falls back once to the prefixes.
    a = [_claim(i, ("s", "x", Mode.paraphrase, Part.body, False,
                    Interval(DAY0, DAY0 + dt.timedelta(i % 9)), True)) for i in range(20_000)]
    b = [_claim(i, ("s", "x", Mode.direct_quote, Part.body, False,
                    Interval(DAY0, DAY0 + dt.timedelta(i % 9)), True)) for i in range(20_000)]
    started = cpu_now()
    assert _conflict.best_pair(a, b, PEOPLE) is None  # all one voice: no pair to name
    assert cpu_now() - started < 10
