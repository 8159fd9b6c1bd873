"""Shared block logic for the conflict rules: split one proposition's claims
into sides by stance, and find a time-overlapping pair between two sides."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ..model import Stance
from ._common import MAX_LISTED, first_overlap, label, polarity, stance_phrase, who

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
        pair = first_overlap(a, b)
        if pair is None:
            continue
        yield _hit(corpus, kind, key, pair, a, b, describe)


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
