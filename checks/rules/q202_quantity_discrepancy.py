"""Two slightly different figures for the same measure, scope and time.

Catches a *quantity discrepancy*: claims on the same measure (subject,
predicate, object and unit), with the same scope and nested periods (see Q201), whose
figures admit no common value but lie close together, the gap being at most
``tolerance`` of the larger figure: "41,000" against "42,000", or "more than
40,000" against exactly "40,000". Often a rounding or a later update, but a
reader comparing the reports should know.

A figure of one significant digit ("40,000") against a plain figure that rounds to it
("42,000") is that figure rounded, as captions and leads round, not a second report: a
group whose every disagreeing pair is such a pair is silent. Two figures of more digits
("41,000" and "42,000") still fire, and beyond ``tolerance`` the gap is Q201's whatever
the digits.

A figure the article itself updates (``quantity.supersedes``: a live blog's toll of
27 at 11:20, 28 at 18:40) is no discrepancy: as in Q201, only the update is compared.

The grouping, moods, units, periods, window and sweep are those of Q201 (a figure for a period must
not lie wholly above the figure for a period containing it), and so is the split into
one finding per disagreement; each disagreement's worst gap goes to exactly one of the
two rules, so "42,000" against "41,000" is a discrepancy beside another outlet's
"14,000", a contradiction. As Q201's, the finding is located at
the outlier, the figure disagreeing with the most others (ties: the worst pair's
higher figure, its lower one, then corpus order), and says how many sources stand
against it ("3 of 4 sources give a figure that disagrees with b#c1's 41,000
troops") or that the sources disagree without a majority.

*One statement, two figures*: two sources give one speaker's figure for the same
measure, scope and period, stated the same day (``said``, else the publication day),
and the figures they report cannot meet, though what they admit can: "more than 40,000"
and "more than 80,000" may both be true of the troops, but a bound reports a figure near
its value (40,000 to 44,000, as R801 reads it, reaching ``about``), so one of the two
misreports the speaker. One finding per statement (speaker and day), located at the
figure that meets the fewest others as reported; a figure of several places together
counts the same statement's figures for each of those places as the totals they imply
("more than 40,000" on the border and as many in Crimea: 80,000 to 88,000), which
witness the odd one but never make a finding alone. A gap in what the figures admit is
the ordinary finding above (or Q201's) instead.

Fires:
    a#c1  Alpha: "41,000 troops" near Southland
    b#c1  Beta: "42,000 troops" near Southland, same day
    or: a#c1 Alpha said on Monday: "more than 40,000 troops"; b#c1 Alpha, Monday:
          "more than 80,000 troops" (one statement, two figures)
    or: a#c1 Alpha, Monday: "more than 80,000" near the border and in Crimea; b#c1
          "more than 40,000" for both; c#c1 "more than 40,000" for each (located at
          b#c1: c's figures imply a's total)
    or: a#c1 .. d#c1 41,000; e#c1 42,000; f#c1 14,000 (Q201's); g#c1 "more than
          40,000" (located at e#c1)

Silent:
    a#c1  "about 41,000 troops" (36,900 to 45,100)
    b#c1  "42,000 troops": inside the interval
    or: a#c1 Kyiv says "40,000 troops" in Place A; b#c1 "42,000 troops" there (rounded)
    or: a#c1 "27 killed since the start of the year" (11:20 post); a#c2 "28 killed
          since the start of the year" (18:40 post, supersedes: [c1])
    or: a#c1 Alpha on Monday "more than 40,000"; b#c1 Alpha on Monday "more than
          41,000" (reporting 40,000 to 44,000 and 41,000 to 45,100 meet); or Alpha's
          "more than 80,000" a week later (another statement)

Options:
    tolerance  largest relative gap that is only a discrepancy (default 0.05);
    about      reach of "about v", a fraction of v (default 0.1);
    rounding   a round figure ("14,000") stands for values within half a unit of its
               last significant digit, at most this fraction either way (default 0.01);
    window_days  undated figures of a state given at most this many days apart are
               compared (default 3).
    The options are Q201's too (tolerance, about and window_days Q203's as well): give
    them one value, or the run is refused (exit 2).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ..model import Comparator
from ._common import proposition
from ._quantity import Disagreement, FigureOptions, disagreements, figure_hit
from ._restated import restated

CODE = "Q202"
NAME = "quantity.discrepancy"
CATEGORY = "quantity"
SEVERITY = "warning"
BLOCK = proposition  # each finding depends on one proposition's claims


class Options(FigureOptions):
    """Options of Q202; keep them equal to Q201's so each gap goes to one rule."""


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for d in disagreements(corpus, options.about, options.rounding, options.window_days):
        if d.relative_gap <= options.tolerance and not _rounded(d):
            yield figure_hit(corpus, d, "discrepancy", options.tolerance)
    yield from restated(corpus, options.about, options.rounding)


def _rounded(d: Disagreement) -> bool:
    """Whether every disagreeing pair of the group is a figure of one significant digit
    and a figure that rounds to it ('40,000' and '42,000'): the first is the second
    rounded, as captions and leads round, not a second report."""
    pairs = (*d.pairs, (d.low[0], d.high[0]))
    return all(_rounds_to(a, b) or _rounds_to(b, a) for a, b in pairs)


def _rounds_to(coarse: ClaimInfo, fine: ClaimInfo) -> bool:
    """Whether ``coarse`` is a plain figure of one significant digit (a whole multiple
    of 100: '40,000', '300') and ``fine`` a plain figure that rounds to it."""
    q, r = coarse.claim.quantity, fine.claim.quantity
    if q is None or r is None or q.value is None or r.value is None:
        return False
    if q.cmp is not Comparator.eq or r.cmp is not Comparator.eq:
        return False
    v = q.value
    if v != int(v) or abs(v) < 100 or int(v) % 100:
        return False
    digits = str(abs(int(v)))
    if len(digits.rstrip("0")) != 1:
        return False
    return bool(abs(r.value - v) < 10 ** (len(digits) - 1) / 2)
