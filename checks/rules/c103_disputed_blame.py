"""Two sides of a dispute blame each other for the same thing.

Catches *disputed blame*: with a blame predicate (vocabulary kind ``blame``:
the subject blames the object), side X blames side Y and side Y blames side X
at overlapping times. Sides come from the entity registry (an entity's
``side``, else the entity itself), so "Kyiv blames Russia-backed separatists"
and "Moscow blames Kyiv" are one dispute between Ukraine's and Russia's sides.
Mutual blame is a dispute, not a fact: a reader must see both accusations
side by side, and coverage that reports only one of them takes a side.

A person and the office they head need no merging here: the registry links them
(``_parties.Heads``) only when they are on one side, and with a side set both
already stand for it. Unsided entities are their own sides; they are not merged
through the office a person heads, as sides carry no time and a former holder
would be merged with the office for good.

Only firm blame counts (asserted, or the denial of a negation); hedged
reports (suggests, fears, hopes) and denials of blame do not. Claims are
grouped by predicate and by direction (blaming side, blamed side); one
finding per predicate and pair of sides lists both directions' claims. The
message names a pair whose times meet: the same two parties blaming each other
in one article when one prints both ("Kiev and the republics trading
accusations"), then in two articles, then two claims of one article, else any
(each step looks within groups of one party pair or one article).

Fires:
    a#c1  Northland blames Southland for the escalation
    b#c1  Southland blames Northland-backed rebels (side northland) for the
          escalation, the same week

Silent:
    a#c1  Northland blames Southland for the escalation
    b#c1  Southland accuses Northland of provocation (another predicate)

Options: none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import PredicateKind
from ._common import MAX_LISTED, first_overlap, label
from ._conflict import firm

CODE = "C103"
NAME = "conflict.disputed-blame"
CATEGORY = "conflict"
SEVERITY = "warning"


def sides_block(corpus: Corpus, ci: ClaimInfo) -> str | None:
    """A blame claim's block: its predicate and the two sides, in either direction."""
    subject, predicate, obj = ci.key
    term = corpus.predicates.get(predicate)
    if term is None or term.kind is not PredicateKind.blame or not obj:
        return None
    a, b = sorted((corpus.side(subject), corpus.side(obj)))
    return None if a == b else "\x1f".join((predicate, a, b))


BLOCK = sides_block  # each finding depends on the blame claims between two sides

Directions = dict[tuple[str, str], list[ClaimInfo]]  # (blaming side, blamed side) -> claims


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for predicate, directions in sorted(_directions(corpus).items()):
        for (a, b), forward in sorted(directions.items()):
            if a > b:  # each unordered pair once, from its smaller side
                continue
            backward = directions.get((b, a), [])
            pair = _named_pair(forward, backward)
            if pair is not None:
                yield _hit(corpus, predicate, (a, b), pair, forward, backward)


Pair = tuple[ClaimInfo, ClaimInfo]
# What makes a pair telling, most first: one article's mirror (Alpha blames Beta, Beta
# blames Alpha), any two articles' mirror, one article's two directions.
_TELLING: tuple[tuple[Callable[[ClaimInfo], tuple[str, ...]],
                      Callable[[ClaimInfo], tuple[str, ...]]], ...] = (
    (lambda x: (x.key[0], x.key[2], x.source.id), lambda y: (y.key[2], y.key[0], y.source.id)),
    (lambda x: (x.key[0], x.key[2]), lambda y: (y.key[2], y.key[0])),
    (lambda x: (x.source.id,), lambda y: (y.source.id,)),
)


def _named_pair(forward: list[ClaimInfo], backward: list[ClaimInfo]) -> Pair | None:
    """The pair the message names (module docstring): the most telling pair whose times
    meet, else any; each group of one key is searched once (``first_overlap``)."""
    for of_x, of_y in _TELLING:
        ys: dict[tuple[str, ...], list[ClaimInfo]] = defaultdict(list)
        for y in backward:
            ys[of_y(y)].append(y)
        xs: dict[tuple[str, ...], list[ClaimInfo]] = defaultdict(list)
        for x in forward:
            xs[of_x(x)].append(x)
        for k, group in xs.items():
            pair = first_overlap(group, ys[k]) if k in ys else None
            if pair is not None:
                return pair
    return first_overlap(forward, backward)


def _directions(corpus: Corpus) -> dict[str, Directions]:
    """Firm blame claims by predicate, then by (blaming side, blamed side)."""
    blames = firm(1)
    out: dict[str, Directions] = defaultdict(lambda: defaultdict(list))
    for (subject, predicate, obj), block in corpus.by_key.items():
        term = corpus.predicates.get(predicate)
        if term is None or term.kind is not PredicateKind.blame or not obj:
            continue
        sides = corpus.side(subject), corpus.side(obj)
        if sides[0] == sides[1]:
            continue
        claims = [c for c in block if blames(c)]
        if claims:
            out[predicate][sides].extend(claims)
    return out


def _hit(corpus: Corpus, predicate: str, sides: tuple[str, str],
         pair: tuple[ClaimInfo, ClaimInfo], forward: list[ClaimInfo],
         backward: list[ClaimInfo]) -> Hit:
    x, y = pair
    a, b = (corpus.name(s) for s in sides)
    rest = [c for c in forward + backward if c is not x and c is not y]
    message = (f"disputed blame between {a} and {b}: {label(corpus, x.key)} ({x.focus}), "
               f"{label(corpus, y.key)} ({y.focus})")
    return Hit(
        message=message, location=y.location, focus=y.focus, block=True,
        key=f"disputed-blame|{predicate}|{sides[0]}|{sides[1]}",
        claims=tuple(c.ref() for c in [x, y, *rest[: 2 * MAX_LISTED - 2]]),
        fix="report both accusations as each side's view, attributed; neither is established "
            "by the other's denial. If the records say so, record a reviewed finding",
        values={"predicate": predicate, "sides": list(sides), "blames_a_to_b": len(forward),
                "blames_b_to_a": len(backward), "time_a": str(x.when) if x.when else None,
                "time_b": str(y.when) if y.when else None},
    )
