"""Shared block logic for the conflict rules: split one proposition's claims
into sides by stance, and name the best-sourced time-overlapping pair between two sides.

The pair a message names is chosen by how well each claim is sourced (:func:`standing`):
a named speaker over an unnamed or vague one, a quote over a paraphrase, the body over a
headline or caption, first-hand over words passed on (``via``), then a whole quotation
over a fragment (direct over partial quote), in that order. Pairs whose
claims come from two sources go first; then the pair whose weaker claim is better sourced,
then the one whose stronger claim is; ties go to the first source and claim id."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from ..corpus import QUOTE_MODES, ClaimInfo, Corpus
from ..findings import Hit
from ..model import Mode, Part, Stance
from ..timeexpr import Interval
from ._common import MAX_LISTED, label, polarity, stance_phrase, who

Side = Callable[[ClaimInfo], bool]


def firm(sign: int) -> Side:
    """Claims that firmly hold the proposition (sign +1) or its negation (-1)."""
    return lambda c: c.claim.says.stance in (Stance.asserts, Stance.denies) and polarity(c) == sign


def unaware(sign: int) -> Side:
    """Claims whose speaker says they are not aware of it (sign +1: of the positive form)."""
    return lambda c: c.claim.says.stance is Stance.not_aware and (
        (-1 if c.claim.says.negated else 1) == sign)


def disagreements(corpus: Corpus, kind: str, left: Side, right: Side,
                  describe: Callable[[ClaimInfo], str]) -> Iterator[Hit]:
    """One hit per proposition whose ``left`` and ``right`` sides overlap in time."""
    for key, block in corpus.by_key.items():
        if len(block) < 2:
            continue
        a = [c for c in block if left(c)]
        b = [c for c in block if right(c)]
        pair = best_pair(a, b)
        if pair is None:
            continue
        yield _hit(corpus, kind, key, pair, a, b, describe)


Standing = tuple[bool, bool, bool, bool, bool]


def standing(c: ClaimInfo) -> Standing:
    """How well a claim is sourced, the most telling first (greater is better): a named
    speaker, quoted words, the article's body, first-hand, and then a whole quotation
    over a fragment (Mendel's "The president's office, of course, made a request" over
    another outlet's "more than a week ago" from her words on the same matter)."""
    by = c.claim.by
    return (by.speaker is not None and by.mode not in (Mode.unnamed, Mode.vague),
            by.mode in QUOTE_MODES,
            c.claim.part is Part.body,
            not by.via,
            by.mode is Mode.direct_quote)


def best_pair(a: Sequence[ClaimInfo], b: Sequence[ClaimInfo]
              ) -> tuple[ClaimInfo, ClaimInfo] | None:
    """The pair (a claim of ``a``, one of ``b``) with overlapping times that a message
    names (see the module docstring), or None. Claims are grouped by standing (at most 32
    groups a side), so each claim takes part in a bounded number of sweeps."""
    left, right = _by_standing(a), _by_standing(b)
    # Weaker claim's standing first, then the stronger's; (sa, sb) breaks a tie of the
    # mirrored pairings deterministically.
    order = sorted(((sa, sb) for sa in left for sb in right),
                   key=lambda p: (min(p), max(p), p), reverse=True)
    for apart in (True, False):
        for sa, sb in order:
            pair = _overlap(left[sa], right[sb], apart)
            if pair is not None:
                return pair
    return None


def _by_standing(claims: Sequence[ClaimInfo]) -> dict[Standing, list[ClaimInfo]]:
    groups: dict[Standing, list[ClaimInfo]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c.source.id, c.claim.id)):
        groups[standing(c)].append(c)
    return groups


_ALWAYS = Interval(dt.date.min, dt.date.max)  # an unknown time overlaps every time


def _span(c: ClaimInfo) -> Interval:
    return c.when or _ALWAYS


def _overlap(left: list[ClaimInfo], right: list[ClaimInfo], apart: bool
             ) -> tuple[ClaimInfo, ClaimInfo] | None:
    """The first claim of ``left`` (in its order) with a claim of ``right`` whose time
    overlaps its own, from another source when ``apart``; O((n + m) log m). Over the
    right claims sorted by start, each prefix keeps the claim with the latest end and the
    one with the latest end among the other sources: one of them answers any left claim."""
    ordered = sorted(right, key=lambda c: _span(c).start)
    starts = [_span(c).start for c in ordered]
    best: list[tuple[ClaimInfo, ClaimInfo | None]] = []
    for c in ordered:
        best.append(_keep(best[-1] if best else None, c))
    for c in left:
        i = bisect.bisect_right(starts, _span(c).end) - 1
        if i < 0:
            continue
        top, other = best[i]
        pick = other if apart and top.source.id == c.source.id else top
        if pick is not None and _span(pick).end >= _span(c).start:
            return c, pick
    return None


def _keep(prev: tuple[ClaimInfo, ClaimInfo | None] | None, c: ClaimInfo
          ) -> tuple[ClaimInfo, ClaimInfo | None]:
    """The prefix's (latest end, latest end of another source than it) after ``c``."""
    if prev is None:
        return c, None
    top, other = prev
    if _span(c).end > _span(top).end:
        # c leads; the old leader (or its runner-up) is the best of the other sources.
        return c, (top if top.source.id != c.source.id else other)
    if c.source.id != top.source.id and (other is None or _span(c).end > _span(other).end):
        return top, c
    return top, other


def _hit(corpus: Corpus, kind: str, key: tuple[str, str, str], pair: tuple[ClaimInfo, ClaimInfo],
         a: list[ClaimInfo], b: list[ClaimInfo], describe: Callable[[ClaimInfo], str]) -> Hit:
    x, y = pair
    others = [c for c in (*a, *b) if c is not x and c is not y]
    listed = [x, y, *others[: 2 * MAX_LISTED - 2]]
    prop = label(corpus, key)
    message = (f"{kind} on '{prop}': {who(corpus, x)} ({x.focus}) {describe(x)}, "
               f"{who(corpus, y)} ({y.focus}) {describe(y)}")
    return Hit(
        message=message, location=y.location, focus=y.focus, block=True,
        key=f"{kind}|{'|'.join(key)}", claims=tuple(c.ref() for c in listed),
        fix="check both sources' words; if both report faithfully, record a reviewed finding",
        values={"kind": kind, "proposition": list(key), "side_a": len(a), "side_b": len(b),
                "stance_a": x.claim.says.stance.value, "stance_b": y.claim.says.stance.value,
                "time_a": str(x.when) if x.when else None, "time_b": str(y.when) if y.when else None},
    )


def says(c: ClaimInfo) -> str:
    return stance_phrase(c.claim.says)
