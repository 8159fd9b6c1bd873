"""Two figures for the same measure, scope and time that cannot both be true.

Catches a *quantity contradiction*: claims on the same measure (subject,
predicate, object and unit), with the same scope (the same places, and both
"each" or both combined) and overlapping times, whose figures admit no common
value and lie far apart: "14,000" against "more than 40,000". A figure is an
interval: "about 40,000" is 36,000 to 44,000 (option ``about``), "more than
40,000" excludes 40,000 itself, "up to 40,000" includes it.

Claims are grouped by measure and scope; a sweep over time keeps the figure
with the greatest lower bound and the one with the least upper bound among
claims that overlap in time, so one finding per group names its worst pair
and lists the others that disagree. A gap no larger than ``tolerance`` of the
larger figure is left to Q202 (discrepancy).

Fires:
    a#c1  Alpha: "more than 40,000 troops" near Southland
    b#c1  Beta: "14,000 troops" near Southland, same week

Silent:
    a#c1  "about 40,000 troops" (36,000 to 44,000)
    b#c1  "42,000 troops": inside the interval

Options:
    tolerance  largest relative gap that is only a discrepancy (default 0.05);
    about      reach of "about v", a fraction of v (default 0.1).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..findings import Hit
from ._quantity import FigureOptions, disagreements, figure_hit

CODE = "Q201"
NAME = "quantity.contradiction"
CATEGORY = "quantity"
SEVERITY = "error"


class Options(FigureOptions):
    """Options of Q201; keep them equal to Q202's so each gap goes to one rule."""


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for d in disagreements(corpus, options.about):
        if d.relative_gap > options.tolerance:
            yield figure_hit(corpus, d, "contradiction", options.tolerance)
