"""One speaker's one statement reported with two figures (Q202's second kind).

Two lower bounds never contradict as counts ("more than 40,000" and "more than 80,000"
may both be true), so Q201/Q202, which compare what figures admit, stay silent. But a
bound reports a figure near its value (R801's reading, :func:`._quantity.likely`): when
two sources give one speaker's figure for the same measure, scope and period, stated on
the same day, and the figures they *report* cannot meet, one of them misreports the
statement. The day is the claim's ``said`` day, else its publication day (a figure with
no time of its own was given when its article says, as U301 and D601 read it).

Grouping is by block, scope, speaker, day and period; inside a group figures are
ordered by their reported bounds, so each figure's count of figures it cannot meet is
two binary searches (no pairs compared). A figure of several places together also counts
the same statement's figures for each of those places, as the totals they imply: they
locate the finding at the combined figure that misreports the statement, and never make
one alone. A group whose worst pair already disagrees on
what the figures admit is Q201's or Q202's ordinary finding and is left to it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ..timeexpr import Interval
from ._quantity import (
    FACT,
    Block,
    Item,
    Scope,
    Span,
    by_scope,
    current,
    digits_for,
    figure,
    heading,
    likely,
    mood,
    numbers,
    period,
    scope_words,
    span_words,
)

_Statement = tuple[str, dt.date, Interval | None]  # speaker, day, period of the figure


@dataclass(frozen=True)
class _Told:
    item: Item
    reported: Span


def restated(corpus: Corpus, about: float, rounding: float) -> Iterator[Hit]:
    """A hit for each statement whose figures, as reported, cannot all meet."""
    for block, every in corpus.by_quantity.items():
        claims = [ci for ci in current(every)
                  if ci.speaker is not None and mood(ci) == FACT and _day(ci) is not None]
        if len(claims) < 2:
            continue
        groups = by_scope(claims, about, rounding)
        for scope, items in groups.items():
            totals = _totals(groups, scope, about)
            for statement, group in _statements(items, about).items():
                hit = _hit(corpus, block, scope, statement, group, totals.get(statement, []))
                if hit is not None:
                    yield hit


def _totals(groups: dict[Scope, list[Item]], scope: Scope,
            about: float) -> dict[_Statement, list[_Told]]:
    """For a figure of several places together, the same statement's figures for each of
    those places, as the totals they imply ("more than 40,000" each on the border and in
    Crimea reports 80,000 to 88,000 together). They never make a finding; they witness
    which of the combined figures misreports the statement."""
    places, each = scope
    if each or len(places) < 2:
        return {}
    n = len(places)
    return {statement: [_Told(Item(t.item.ci, t.item.span.times(n)), t.reported.times(n))
                        for t in told]
            for statement, told in _statements(groups.get((places, True), []), about).items()}


def _day(ci: ClaimInfo) -> dt.date | None:
    said = ci.said
    if said is not None:
        return said.start if said.start == said.end else None
    return ci.published


def _statements(items: Sequence[Item], about: float) -> dict[_Statement, list[_Told]]:
    groups: dict[_Statement, list[_Told]] = defaultdict(list)
    for item in items:
        ci, q = item.ci, item.ci.claim.quantity
        day = _day(ci)
        if item.expanded or ci.speaker is None or day is None or q is None:
            continue
        groups[(ci.speaker, day, period(ci))].append(_Told(item, likely(q, item.span, about)))
    return groups


def _hi_key(s: Span) -> tuple[float, int]:
    # a lies below b when _hi_key(a) < _lo_key(b) (as Span.below: touching ends meet
    # unless one of them is open)
    return (s.hi, 0 if s.hi_open else 1)


def _lo_key(s: Span) -> tuple[float, int]:
    return (s.lo, 2 if s.lo_open else 1)


def _against(group: Sequence[_Told]) -> list[int]:
    """For each figure, how many of the group's figures it cannot meet as reported."""
    los = sorted(_lo_key(t.reported) for t in group)
    his = sorted(_hi_key(t.reported) for t in group)
    return [len(los) - bisect.bisect_right(los, _hi_key(t.reported))
            + bisect.bisect_left(his, _lo_key(t.reported)) for t in group]


def _hit(corpus: Corpus, block: Block, scope: Scope, statement: _Statement,
         group: list[_Told], totals: list[_Told]) -> Hit | None:
    if len(group) < 2:
        return None
    low = min(group, key=lambda t: _hi_key(t.reported))
    high = max(group, key=lambda t: _lo_key(t.reported))
    if (low.item.ci.source.id == high.item.ci.source.id
            or not low.reported.below(high.reported)
            or low.item.span.below(high.item.span) or high.item.span.below(low.item.span)):
        return None
    # The implied totals count as figures of the statement: the odd one is the combined
    # figure they, too, cannot meet.
    everyone = [*group, *totals]
    counts = _against(everyone)
    involved = [t.item.ci for t, n in zip(everyone, counts, strict=True) if n]
    odd = group[max(range(len(group)), key=lambda n: (counts[n], -n))].item.ci
    return _statement_hit(corpus, block, scope, statement, (low, high), odd, involved)


def _statement_hit(corpus: Corpus, block: Block, scope: Scope, statement: _Statement,
                   pair: tuple[_Told, _Told], odd: ClaimInfo,
                   involved: list[ClaimInfo]) -> Hit:
    speaker, day, _ = statement
    digits = digits_for([x for t in pair for x in numbers(t.item.ci.claim.quantity)])
    told = [f"{t.item.ci.focus} gives {_words(t, block, digits)}{_scope(corpus, t)}"
            for t in pair]
    message = (f"one statement, two figures: {corpus.name(speaker)}'s figure of {day} for "
               f"{heading(corpus, block)} is reported two ways: {told[0]}, {told[1]}; a "
               "bound reports a figure near its value, so one statement cannot have given both")
    places, each = scope
    return Hit(
        message=message, location=odd.locate("/quantity"), focus=odd.focus, block=True,
        key=f"restated|{'|'.join(block)}|{','.join(sorted(places))}|{int(each)}|{speaker}|{day}",
        claims=tuple(c.ref() for c in {id(c): c for c in (odd, *involved)}.values()),
        fix="check each figure against the article's words (comparator, value, unit, scope); "
            "if each outlet reports the statement as it heard it, record a reviewed finding",
        values={"kind": "restated", "unit": block[3], "scope": sorted(places), "each": each,
                "speaker": speaker, "day": day.isoformat(),
                "low": str(pair[0].reported), "high": str(pair[1].reported)},
    )


def _scope(corpus: Corpus, t: _Told) -> str:
    q = t.item.ci.claim.quantity
    assert q is not None
    return scope_words(corpus, q)


def _words(t: _Told, block: Block, digits: int | None) -> str:
    q = t.item.ci.claim.quantity
    assert q is not None
    reported = "" if t.reported == t.item.span else f" (reporting {span_words(t.reported)})"
    return figure(q, name=block[3], digits=digits) + reported

