"""One source asserts something a party says it is not aware of.

Catches a *knowledge gap*: one claim firmly holds a proposition ("the
president's office made a request") while another speaker says they are not
aware of it ("not aware of any requests made lately"), and their times
overlap. This is weaker than a contradiction, and worth telling apart: "I have
not seen any request" is not "there was no request". One finding per proposition
and way; the message names the best-sourced pair whose times overlap, as C101's, with
each one's time when their times differ: a request sent last week and a speaker who has
"not seen one in recent days" may both be right.

One article's words for one speaker on both sides, paraphrased on one side at least
("Kirby said Russia was preparing an offensive" over his quoted "We don't know exactly
what the intent is"), are no disagreement between two parties: the article's paraphrase
beyond its own quote is U302's (H701's in a headline), and the proposition is left out
here. Two quotes of one speaker in one article, or one article's paraphrase against
another's quote, are still compared.

A person and the office they head are one party, as for C101 (its documentation
says when the registry links them, and when it must not: a spokesperson, a deputy, a
former holder, one title in two countries): "Alpha asked Beta for talks" and "Beta
knows of no request from the president's office" are one knowledge gap while Alpha
is President of Northland; the message names each source's own proposition and the
link.

Fires:
    a#c1  alpha: Northland requested talks with Southland (asserts)
    b#c1  beta: not aware of any request "in recent days" (not-aware)

    a#c1  Spokes: Alpha (President of Northland) asked Beta for talks
    b#c1  Beta: knows of no request from the Office of the President of Northland

Silent:
    a#c1  asserts a request made in March 2020
    b#c1  not aware of any request "in recent days" (April 2021): no overlap

    a#c1  Alpha asked Beta for talks "in 2018"; Alpha is president since 2019-05-20
    b#c1  Beta knows of no request from the president's office "since 2017"

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
