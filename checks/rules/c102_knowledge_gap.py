"""One source asserts something a party says it is not aware of.

Catches a *knowledge gap*: one claim firmly holds a proposition ("the
president's office made a request") while another speaker says they are not
aware of it ("not aware of any requests made lately"), and their times
overlap. This is weaker than a contradiction, and worth telling apart: "I have
not seen any request" is not "there was no request". One finding per proposition
and way; the message names the best-sourced pair whose times overlap, as C101's.

Fires:
    a#c1  alpha: Northland requested talks with Southland (asserts)
    b#c1  beta: not aware of any request "in recent days" (not-aware)

Silent:
    a#c1  asserts a request made in March 2020
    b#c1  not aware of any request "in recent days" (April 2021): no overlap

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ._conflict import disagreements, firm, party_block, says, unaware

CODE = "C102"
NAME = "conflict.knowledge-gap"
CATEGORY = "conflict"
SEVERITY = "warning"
BLOCK = party_block  # each finding depends on one party proposition's claims


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for sign in (1, -1):
        yield from disagreements(corpus, "knowledge gap", firm(sign), unaware(sign), says)
