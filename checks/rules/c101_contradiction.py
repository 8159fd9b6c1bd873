"""Two sources hold the same proposition true and false for overlapping times.

Catches a *contradiction*: for one proposition (subject, predicate, object)
one claim asserts it and another denies it (or asserts its negation), and the
claims' times overlap (an unknown time overlaps every time). Two outlets that
report opposite facts cannot both be right, so a reader must know.

Claims are grouped by proposition key, then split into the side that holds it
true and the side that holds it false; one finding per proposition, listing
both sides, with no pairwise comparison. The message names the best-sourced pair
whose times overlap: a named speaker, quoted, in the body, first-hand, a whole
quotation over a fragment, from two sources when there are such (``_conflict``).

Fires:
    a#c1  Northland says it requested talks with Southland (asserts)
    b#c1  Southland denies any request was made (denies), same week

Silent:
    a#c1  asserts a request on 2021-04-01
    b#c1  denies a request "in 2020" (the windows do not overlap)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ._conflict import disagreements, firm, party_block, says

CODE = "C101"
NAME = "conflict.contradiction"
CATEGORY = "conflict"
SEVERITY = "error"
BLOCK = party_block  # each finding depends on one party proposition's claims


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    yield from disagreements(corpus, "contradiction", firm(1), firm(-1), says)
