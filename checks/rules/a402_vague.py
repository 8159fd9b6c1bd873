"""A claim rests on a vague source ("some analysts", "overwhelming evidence").

Catches *vague attribution* (mode vague): the article gives the claim a
source, but not one a reader could identify or check. "Some analysts have
suggested" and "overwhelming evidence suggests" lend a claim weight without
saying whose analysis or which evidence; a fact-checker needs to know who is
missing.

Fires:
    a#c1  "Some analysts have suggested that Northland is testing Southland"
          (by: {as: Some analysts, mode: vague})

The message says how the source holds the proposition when it does not simply say so
("'Northland sends forces into Southland' rests on 'concerns' (the source fears so)"; "(the
source denies it)"): the proposition alone would credit a denying source with it.

Silent:
    a#c1  "Anna Alpha, an analyst at ..., suggested ..." (a named speaker)
    a#c1  "officials said" (mode unnamed: that is A403)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import Mode
from ._attribution import as_pointer, claims_with_mode
from ._common import label, stance_phrase

CODE = "A402"
NAME = "attribution.vague"
CATEGORY = "attribution"
SEVERITY = "warning"


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for ci in claims_with_mode(corpus, Mode.vague):
        as_ = ci.claim.by.as_
        source = f"'{as_}'" if as_ else "an unidentified source"
        yield Hit(
            message=f"'{label(corpus, ci.key)}' rests on {source}{_held(ci)}: the article does "
                    "not say who (which people, which evidence)",
            location=ci.locate(as_pointer(ci)), focus=ci.focus, claims=(ci.ref(),),
            value=as_,
            fix="look for the source elsewhere in the article or in other coverage; if none is "
                "named, keep the claim and record a reviewed finding",
            values={"as": as_, "proposition": list(ci.key)},
        )


def _held(ci: ClaimInfo) -> str:
    phrase = stance_phrase(ci.claim.says)
    return "" if phrase == "says so" else f" (the source {phrase})"
