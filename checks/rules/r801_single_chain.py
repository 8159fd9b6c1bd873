"""A claim (by default: a figure) rests on a single chain of reporting.

Catches *single-chain* claims: every claim on a proposition (and, for
figures, the same unit) reached the corpus through one chain of reporting.
The chain's root at the outlet's end is the intermediary nearest the outlet
(the last 'via' entry: "according to Reuters"), else an agency whose story
the outlet republishes, else the outlet itself. Two articles that both
republish one wire story are one chain, not two confirmations; a figure that
only one chain reports has not been corroborated. Informational: most claims
rest on one chain, which is why the default looks at figures only.

Claims are grouped by the corpus indexes (proposition key, plus unit for
figures); one finding per group.

Fires:
    a#c1  (a republishes Wire Agency) "the conflict has killed 14,000 people"
    b#c1  (b republishes Wire Agency too) "14,000 people have been killed"

Silent:
    a#c1  (a's own reporting) more than 40,000 troops
    b#c1  (b republishes Wire Agency) more than 40,000 troops (two chains)

Options:
    scope: "quantities" (default: only groups with a figure) or "all".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ._attribution import chain_root
from ._common import MAX_LISTED, label, proposition

CODE = "R801"
NAME = "corroboration.single-chain"
CATEGORY = "corroboration"
SEVERITY = "info"
BLOCK = proposition  # each finding depends on one proposition's claims


class Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    scope: Literal["quantities", "all"] = Field(
        "quantities",
        description="'quantities': only propositions with a figure (per unit); "
        "'all': every proposition.",
    )


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for (subject, predicate, obj, unit), block in corpus.by_quantity.items():
        yield from _single(corpus, (subject, predicate, obj), unit, block)
    if options.scope == "all":
        for key, claims in corpus.by_key.items():
            plain = [c for c in claims if c.claim.quantity is None]
            yield from _single(corpus, key, "", plain)


def _single(corpus: Corpus, key: tuple[str, str, str], unit: str,
            block: list[ClaimInfo]) -> Iterator[Hit]:
    roots = {chain_root(c) for c in block}
    if len(roots) != 1:
        return
    root = roots.pop()
    prop = label(corpus, key) + (f" ({_figures(block, unit)})" if unit else "")
    sources = sorted({c.source.id for c in block})
    yield Hit(
        message=f"'{prop}' rests on one chain of reporting, {corpus.name(root)}: "
                f"{len(block)} claim(s) in {', '.join(sources)}",
        location=block[0].location, focus=block[0].focus, block=True,
        key=f"single-chain|{'|'.join(key)}|{unit}",
        claims=tuple(c.ref() for c in block[: 2 * MAX_LISTED]),
        fix="look for independent reporting (another agency, the primary source) before "
            "relying on it; if none exists, say so where it is used",
        values={"proposition": list(key), "unit": unit or None, "root": root,
                "sources": sources, "claims": len(block)},
    )


def _figures(block: list[ClaimInfo], unit: str) -> str:
    shown = []
    for c in block[:3]:
        q = c.claim.quantity
        assert q is not None
        shown.append(f"{q.min:,g}-{q.max:,g}" if q.value is None and q.min is not None
                     and q.max is not None else f"{q.value:,g}")
    return ", ".join(dict.fromkeys(shown)) + f" {unit}"
