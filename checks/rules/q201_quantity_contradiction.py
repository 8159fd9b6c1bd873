"""Two figures for the same measure, scope and time that cannot both be true.

Catches a *quantity contradiction*: claims on the same measure (subject,
predicate, object and unit), with the same scope (the same places, and both
"each" or both combined; a figure for each of several places is also a
figure for each place alone) whose figures cannot both be true, and lie far
apart: "14,000" against "more than 40,000". A figure is an interval: "about
40,000" is 36,000 to 44,000 (option ``about``), "more than 40,000" excludes
40,000 itself, "up to 40,000" includes it.

A figure covers a period: the claim's time, ending no later than when it was
said (a total given last week cannot count Monday's dead). Two figures
conflict when one period contains the other (equal periods contain each
other) and the figure for the longer period lies wholly below the figure for
the shorter one: 4 killed on 26 March and 28 killed this year agree; 26
"since the start of the year" said last week and 28 said on Monday agree.
Periods that only partly overlap prove nothing. A figure of a state or measure
(predicate kind ``state`` or ``measure``: troops massed, a count standing at a
time) without a time of its own stands around the day it was given (said, else
published): two such figures at most ``window_days`` apart are compared, so
next-day coverage of the same story is (an event's figure keeps its own day).
A figure its own article updates later (``quantity.supersedes`` on the later claim:
a live blog's toll of 27 at 11:20 that its 18:40 post makes 28) is left out: the
article's word is the update, and times in days cannot tell 11:20 from 18:40. So is an
earlier version's figure when a later version of the same article (one outlet and URL,
a later publication time: a wire's "UPDATE 2" curated as its own record) gives a figure
for the same scope; another outlet's copy of the earlier figure is still compared, and
E102 reports it when a correction note withdrew it.
Figures are compared within one mood (``_quantity.mood``): counts held as fact (asserts,
suggests) with counts, forecasts (expects: "expected to bring in 25 more") with forecasts;
denied, negated, feared or hoped-for figures are no count (a denial is C101's).
Units are compared by regular English inflection: "soldier" and "soldiers",
"casualty" and "casualties" are one unit; other words ("servicemen") are not.

Claims are grouped by measure and scope; a sweep over period starts with a
min-tree over period ends finds, for every figure, the lowest figure among those
whose period contains its own (or that stand near it) and the highest among
those inside its period (O(n log n)), so a finding names its worst pair and
lists every figure involved; its message also shows, for each other figure
involved, one figure it disagrees with ("also: a#c1 19 vs c#c1 26", at most 10
pairs), so a claim added later that disagrees, which re-opens a review of the
finding (T004), is seen in it.

One finding per disagreement: a group's figures are aggregated by value interval
(one figure, however many sources give it), and the *outlier* (the figure that
disagrees with the most other figures of the group; a source's figure repeated with
the same interval and time, in a headline and a body, counts once) is one
disagreement: its value against every figure that disagrees with it. Its value is
then set aside and the figures left are split the same way, until none disagrees:
the Guardian's 41,000, the Mail's 90,000 and "up to 80,000" against "more than
80,000" are three findings, not one. When no value disagrees with more others than
every other value does (a three-way split, two figures one each), the figures still
disagreeing are one disagreement, and so are those left after 10 steps. Counts are
sweeps over interval bounds with a Fenwick tree of Fenwick trees over period starts
and ends (O(n log^2 n) a step, no pairs compared); a figure disagrees with the
outlier's value when its count drops as the value is set aside. Each disagreement
goes by its own worst gap: one no larger than ``tolerance`` of the larger figure is
Q202's (discrepancy), beside a contradiction in the same group.

Each finding is located at its outlier: with four outlets at 40,000 and one at
14,000 it is the 14,000, and the message ends "4 of 5 sources give a figure that
disagrees with c#c1's 14,000 troops" (of the sources whose figures are left).
Ties go to the worst pair's higher figure, then its lower one, then the first in
corpus order; when another value disagrees with as many, or the sources against the
outlier are not more than half, it says "the sources disagree without a majority"
(values: ``outlier`` null). The fingerprint is the group's key (the first
disagreement's) and the outlier's value interval (the others'), not the location.

Fires:
    a#c1  Alpha: "more than 40,000 troops" near Southland
    b#c1  Beta: "14,000 troops" near Southland, same week
    or: a#c1, b#c1, d#c1, e#c1 about 40,000; c#c1 14,000 (located at c#c1: 4 of 5)
    or: a#c1 .. d#c1 40,000; e#c1 14,000; f#c1, g#c1 60,000 (two findings: the
          14,000, then the 60,000 against the 40,000)

Silent:
    a#c1  "about 40,000 troops" (36,000 to 44,000)
    b#c1  "42,000 troops": inside the interval
    or: a#c1 "20 killed this year" (a morning post); a#c2 "30 killed this year" (an
          evening post, supersedes: [c1])

Options:
    tolerance  largest relative gap that is only a discrepancy (default 0.05);
    about      reach of "about v", a fraction of v (default 0.1);
    rounding   a round figure ("14,000") stands for values within half a unit of its
               last significant digit, at most this fraction either way (default 0.01);
    window_days  undated figures of a state given at most this many days apart are
               compared (default 3: next-day coverage, and Friday's report against
               Monday's).
    The options are Q202's too (tolerance, about and window_days Q203's as well): give
    them one value, or the run is refused (exit 2).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..findings import Hit
from ._common import proposition
from ._quantity import FigureOptions, disagreements, figure_hit

CODE = "Q201"
NAME = "quantity.contradiction"
CATEGORY = "quantity"
SEVERITY = "error"
BLOCK = proposition  # each finding depends on one proposition's claims


class Options(FigureOptions):
    """Options of Q201; keep them equal to Q202's so each gap goes to one rule."""


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for d in disagreements(corpus, options.about, options.rounding, options.window_days):
        if d.relative_gap > options.tolerance:
            yield figure_hit(corpus, d, "contradiction", options.tolerance)
