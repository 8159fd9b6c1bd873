"""Two sources hold the same proposition true and false for overlapping times.

Catches a *contradiction*: for one proposition (subject, predicate, object)
one claim asserts it and another denies it (or asserts its negation), and the
claims' times overlap (a claim with no time of its own stands for the three days up to
its publication, so undated coverage of one story over a few days meets; with no
publication date either it overlaps every time). Two outlets that
report opposite facts cannot both be right, so a reader must know.

One article's words for one speaker on both sides, paraphrased on one side at least
("Kirby said Russia was preparing an offensive" over his quoted "We don't know exactly
what the intent is"), are no disagreement between two parties: the article's paraphrase
beyond its own quote is U302's (H701's in a headline), and the proposition is left out
here. Two quotes of one speaker in one article, or one article's paraphrase against
another's quote, are still compared.

Claims are grouped by proposition key, then split into the side that holds it
true and the side that holds it false; one finding per proposition, listing
both sides, with no pairwise comparison. The message names the best-sourced pair
whose times overlap, the one a fact-checker would quote (``_conflict``): a named
person's words in the body (over an office's or a state's, a headline's, an unnamed
source's or the outlet's own), quoted, with a time of their own (over words that only
stand for the days up to their publication); then from two sources rather than one;
then in the body, first-hand, a whole quotation over a fragment. So a person's quoted
denial and another's quoted assertion in one article are named over an undated
headline "Southland denies" that meets another outlet's paraphrase. When the two
named claims' times differ, the message shows each one's time as written and the days
it covers ("says so 'last week' (2021-04-05..2021-04-11)", "(said 'on Monday',
2021-04-12)", "(no time of its own, published 2021-04-12)"): overlapping is not
coinciding, and the gap between the times may reconcile the two.

A person and the office they head are one party (``_conflict``, ``_parties.Heads``):
"Alpha asked Southland for talks" and "the Office of the President of Northland
made no request" contradict each other while Alpha is President of Northland. The
registry must say so unambiguously, and a missed link is preferred to a false
contradiction, so a person is the office only when

* the office (a government or organisation) is named after the person's role title
  and nothing else but office words ("Office of the President of Northland", "the
  President's Executive Office"), or its registry entry declares the title (``head:
  President of Russia`` for the Kremlin, whose name does not carry it); a spokesperson
  ("Spokeswoman of the President") or a deputy ("Deputy Head of the Office") speaks
  for or works in an office they do not head, and a "Press Office of the President" or
  an "Office of the Vice President" is another office. A title of one word names no
  office unless an office declares it;
* the role is held for that office or for its state (the role's ``of`` is the
  office or the office's ``side``) and the person is on the office's side: one
  title ("Prime Minister") held in two countries links only its own state's office;
* only on the days the role is held: a former holder's, or a future holder's,
  claims are compared with the office's only for their own term (claim times are
  cut to it), and two people holding the office are never one party with each
  other. Days two people's roles for one office overlap (a hand-over day given to
  both, or two countries' holders of one title) link neither;
* the person heads one office only (two would merge two offices into one party).

The state a person leads ("President of Northland" of ``northland``) stays its own
party: "Northland" may speak through a ministry or parliament the president does
not speak for. Such pairs are left unlinked rather than guessed.

A finding is named by its literal key when all its claims share one, else by the
party key (the office's). A pair of one literal key is named before a pair through
a link; a pair through a link names both sources' own propositions and the link:
"contradiction on one party's words (Office of the President of Northland is the
office of Anna Alpha, President of Northland (since 2019-05-20)): Gita Gamma (a#c1)
on 'Anna Alpha requested talks with Southland' says so, Boris Beta (b#c1) on 'Office
of the President of Northland requested talks with Southland' denies it". Claims of
another key are listed when they are one party with the named pair at their own
time. A known limit: one disagreement is reported per group of linked keys, so a
former holder's own dispute in their later life (not linked to the office then),
over the same predicate and object as a dispute of the office, is reported only
when it is the better pair; before parties it was a finding of its own.

Fires:
    a#c1  Northland says it requested talks with Southland (asserts)
    b#c1  Southland denies any request was made (denies), same week

    a#c1  Gamma: Alpha (President of Northland since 2019) asked Southland for talks
    b#c1  Beta: the Office of the President of Northland made no request (denies)

Silent:
    a#c1  asserts a request on 2021-04-01
    b#c1  denies a request "in 2020" (the windows do not overlap)

    a#c1  Alpha (president since 2019-05-20) asked Southland for talks "in 2018"
    b#c1  the president's office made no request "in 2018"

    a#c1  Spokes (Spokeswoman of the President of Northland) asked for talks
    b#c1  the president's office made no request (a spokesperson is not the office)

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
