"""A claim (by default: a figure) rests on a single chain of reporting.

Catches *single-chain* claims: every claim reporting a figure (or, with scope
"all", a proposition) reached the corpus through one chain of reporting.
The chain's root at the outlet's end is the intermediary nearest the outlet
(the last 'via' entry: "according to Reuters"), else an agency whose story
the outlet republishes, else the outlet itself. Two articles that both
republish one wire story are one chain, not two confirmations; a figure that
only one chain reports has not been corroborated. Informational: most claims
rest on one chain, which is why the default looks at figures only.

Only the same figure corroborates a figure: claims on one measure (proposition
and unit) and scope whose figures admit a common value (as Q201 reads them:
"14,000" and "about 14,000" do; "2 killed" and "26 killed" do not, nor does a
figure for another place). A figure given for each of several places also
corroborates each place's own figure. A claim is corroborated when some claim
of another chain reports a compatible figure; the others are reported, one
finding per group of compatible figures. Claims are grouped by the corpus
indexes (proposition key and unit, then scope) and each group is swept once in
order of value, never compared pairwise.

Fires:
    a#c1  (a republishes Wire Agency) "the conflict has killed 14,000 people"
    b#c1  (b republishes Wire Agency too) "14,000 people have been killed"
    c#c1  (c's own reporting) "two soldiers were killed on Saturday": another figure

Silent:
    a#c1  (a's own reporting) more than 40,000 troops
    b#c1  (b republishes Wire Agency) more than 40,000 troops (two chains)

Options:
    scope: "quantities" (default: only claims with a figure) or "all".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ._attribution import chain_root
from ._common import MAX_LISTED, label, proposition
from ._quantity import (
    ABOUT,
    ROUNDING,
    Item,
    Scope,
    by_scope,
    digits_for,
    figure,
    numbers,
    scope_words,
    unit_for,
)

CODE = "R801"
NAME = "corroboration.single-chain"
CATEGORY = "corroboration"
SEVERITY = "info"
BLOCK = proposition  # each finding depends on one proposition's claims

Key = tuple[str, str, str]
Bound = tuple[float, bool]  # a span's upper bound; at equal values a closed one is higher


class Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    scope: Literal["quantities", "all"] = Field(
        "quantities",
        description="'quantities': only claims with a figure (per unit, scope and figure); "
        "'all': every proposition.",
    )


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for (subject, predicate, obj, unit), block in corpus.by_quantity.items():
        for scope, items in by_scope(block, ABOUT, ROUNDING).items():
            groups = single_chain_figures(items)
            # Each group is its own finding: the digits tell its figures from the others'.
            digits = digits_for(x for i in items for x in numbers(i.ci.claim.quantity))
            for group in groups:
                yield _figure_hit(corpus, (subject, predicate, obj), unit, scope, group, digits)
    if options.scope == "all":
        for key, claims in corpus.by_key.items():
            plain = [c for c in claims if c.claim.quantity is None]
            if plain and len({chain_root(c) for c in plain}) == 1:
                yield _hit(corpus, key, plain, label(corpus, key), f"single-chain|{'|'.join(key)}|",
                           {"unit": None})


def single_chain_figures(items: Sequence[Item]) -> list[list[Item]]:
    """The scope group's figures that no other chain corroborates, in groups of
    compatible figures (each group has one chain: a figure compatible with another
    chain's is corroborated), each in the items' order. A figure of several places
    "each" (``expanded``) corroborates here but is reported in its own scope group."""
    ordered = sorted(items, key=_lo)
    starts = [_lo(i) for i in ordered]
    best = _best_two(ordered)
    alone = [i for i in ordered if not i.expanded and not _corroborated(i, starts, best)]
    position = {id(i): n for n, i in enumerate(items)}
    return [sorted(run, key=lambda i: position[id(i)]) for run in _compatible_runs(alone)]


def _lo(item: Item) -> tuple[float, bool]:
    # At equal values a closed lower bound comes first.
    return (item.span.lo, item.span.lo_open)


def _hi(item: Item) -> Bound:
    return (item.span.hi, not item.span.hi_open)


def _best_two(ordered: Sequence[Item]) -> list[tuple[Item, ...]]:
    """For each prefix of ``ordered``: the items with the highest upper bound of the
    two chains that reach highest (one item per chain). A query needs the best chain
    other than its own, so two chains suffice."""
    out: list[tuple[Item, ...]] = []
    top: tuple[Item, ...] = ()
    for item in ordered:
        root = chain_root(item.ci)
        same = [t for t in top if chain_root(t.ci) == root]
        if same and _hi(same[0]) >= _hi(item):
            out.append(top)
            continue
        rest = [t for t in top if chain_root(t.ci) != root]
        top = tuple(sorted([item, *rest], key=_hi, reverse=True)[:2])
        out.append(top)
    return out


def _corroborated(item: Item, starts: list[tuple[float, bool]],
                  best: list[tuple[Item, ...]]) -> bool:
    """Some item of another chain whose figure admits a common value with this one.
    The items starting no later than this one ends are a prefix of the order by
    lower bound; of them, the other chain reaching highest decides."""
    s = item.span
    # An open upper bound meets no figure starting at it; a closed one meets a closed start.
    reach = (bisect.bisect_left if s.hi_open else bisect.bisect_right)(starts, (s.hi, False))
    if reach == 0:
        return False
    root = chain_root(item.ci)
    other = next((t for t in best[reach - 1] if chain_root(t.ci) != root), None)
    return other is not None and not other.span.below(s)


def _compatible_runs(ordered: list[Item]) -> list[list[Item]]:
    """Items (sorted by lower bound) split where no figure so far reaches the next."""
    runs: list[list[Item]] = []
    reach: Item | None = None
    for item in ordered:
        if reach is None or reach.span.below(item.span):
            runs.append([])
            reach = item
        runs[-1].append(item)
        reach = max(reach, item, key=_hi)
    return runs


def _figure_hit(corpus: Corpus, key: Key, unit: str, scope: Scope, group: list[Item],
                digits: int) -> Hit:
    claims = [i.ci for i in group]
    quantities = [c.claim.quantity for c in claims if c.claim.quantity is not None]
    shown = " / ".join(dict.fromkeys(figure(q, unit=False, digits=digits) for q in quantities[:3]))
    places, each = scope
    # "1 soldier": the unit agrees with the figure when only one is shown
    name = unit_for(quantities[0], unit) if " / " not in shown else unit
    prop = f"{label(corpus, key)} ({shown} {name}{scope_words(corpus, quantities[0])})"
    # The group's lowest figure names it: the key must not depend on corpus order, and it
    # keeps every digit (groups a rounded figure would join are separate findings).
    block_key = (f"single-chain|{'|'.join(key)}|{unit}|{','.join(sorted(places))}|{int(each)}"
                 f"|{min((i.span for i in group), key=lambda s: (s.lo, s.lo_open)).key()}")
    return _hit(corpus, key, claims, prop, block_key,
                {"unit": unit, "scope": sorted(places), "each": each,
                 "figures": list(dict.fromkeys(figure(q, digits=digits) for q in quantities))})


def _hit(corpus: Corpus, key: Key, claims: list[ClaimInfo], prop: str, block_key: str,
         extra: dict[str, object]) -> Hit:
    root = chain_root(claims[0])
    sources = sorted({c.source.id for c in claims})
    return Hit(
        message=f"'{prop}' rests on one chain of reporting, {corpus.name(root)}: "
                f"{len(claims)} claim(s) in {', '.join(sources)}",
        location=claims[0].location, focus=claims[0].focus, block=True, key=block_key,
        claims=tuple(c.ref() for c in claims[: 2 * MAX_LISTED]),
        fix="look for independent reporting (another agency, the primary source) before "
            "relying on it; if none exists, say so where it is used",
        values={"proposition": list(key), **extra, "root": root, "sources": sources,
                "claims": len(claims)},
    )
