"""A headline asserts more than the article's body supports.

Catches *headline overstatement*: a claim carried by the headline has no
body claim of the same article on the same proposition, with the same
polarity and at least the same certainty. A headline "Putin won't talk"
over a body that only reports a spokeswoman's hope "that this is not a
refusal" turns a hope into a fact; readers who stop at the headline are
misinformed. Captions are not body. Body claims on the same proposition that
do not support the headline are listed: they show what the body really says.

Certainty ranks how firmly a stance commits its speaker to the proposition
being so, strongest first:

    4  asserts, denies  states it (or its negation) as fact
    3  expects          a forecast: the speaker holds it likely
    2  suggests         a hedged inference: put forward as possible
    1  fears, hopes     a feeling about an outcome the speaker does not vouch for
    0  not-aware        takes no side

So a headline "Alpha expects talks" over a body in which Alpha only fears
them overstates; "Alpha fears talks" over "Alpha expects talks" does not.
A body claim the reporter hedges (``by.hedge``: "As I understand it, the Kremlin says it
hasn't heard from him") supports only a headline that keeps a hedge: "Kremlin hasn't
heard from Zelensky" over it states as the Kremlin's what the body only reports
uncertainly.

A headline that names who says it ("Russia confirms troop build-up") is
supported only by that party's words: a body in which Ukraine and the United States
say so, and Russia does not, does not make it Russia's. A person and the offices and
bodies they head or speak for count as that party (a chain of the registry's links)
while they hold the role, on the day the body's words were said (``by.said``, else the
article's date): a former president's words are not the state's, and a role without
dates holds always. A body and each larger body it is part of (the registry's
``part_of``: a state's ministry and the state) are one party always, so the ministry's
spokesman speaks for the state with no minister registered; a body that only takes the
state's ``side`` (a separatist "government") does not. An own-voice headline ("Beta
refuses talks", no speaker) is supported by whoever the body quotes.

A person and the body they head or speak for are one party for the time the
role is held (``_parties``: the role's ``of`` on the person's side, or the
office named after the role's title): a headline "Putin ignoring Zelenskiy's
request" is stated by a body claim that the president's office got no answer
from Putin, or that Russia did not answer Ukraine, when Zelenskiy is President
of Ukraine at the headline's time; so are a body and the body it is ``part_of`` (a
headline "Beijing blames ..." over the body's "the foreign ministry blamed ..."). The
predicate must be the same.

Quotation marks in a headline promise words someone said: a headline claim whose
quoted words no quotation of its article's body holds, word for word (case,
punctuation and spelling aside), is reported too ("Kremlin says Putin 'took
note'" over a body that quotes only "too early"). A headline that cuts a body
quote ("'No such request'" over "There has been no such request") is silent.

A headline figure must be one the body gives: when the body gives figures for the
headline's measure (the same parties and predicate, the unit compared as the quantity
rules compare it, one mood), the headline's figure is reported unless one of them reports
its value, as R801 reads what a figure reports (a one-sided bound is a figure near it:
"more than 40,000" reports 40,000 to 44,000, so "80,000" against "more than 80,000" is
supported, but "100,000" over "more than 40,000" in each of two places, some 80,000 to
88,000 together, rounds the body's figure up) for the same places: the same scope, one
place or a subset of the places a figure is given for each of, their implied total, or
one-place figures of each place summed. A key point "80,000 troops on the
border" over a body whose 80,000 are "near the borders and in Crimea" moves the figure to
one place. A headline figure without places reads as the body's figure wherever it is
given; a headline figure the body never counts is not reported (the body may tell it in
words the record does not count). A body figure its own article updates later
(``quantity.supersedes``: a live blog's 27 at 11:20 made 28 at 18:40) is not the body's
word, as the quantity rules read it: it supports no headline figure (a headline still
giving 27 is out of date; the message names the update and the figure it replaces),
and a headline figure the body itself updates is not held to the body.

A summary (``part: summary``: a standfirst, deck or key-points list) bills the body as a
headline does, and is held to it the same way; its findings say "summary".

Body claims are indexed once by (source, predicate), the index A401 reads too
(``_common.body_index``); each headline claim is then checked against its own article's
body only.

Fires:
    a#hl  headline: "Beta refuses talks with Alpha" (asserts)
    a#c1  body: Alpha hopes this is not a refusal (negated, hopes)
    a#hl  headline: "Alpha expects talks" (expects)
    a#c1  body: Alpha fears talks (fears)
    a#hl  headline: "Beta ignores Alpha's request" (2018); Alpha's role in Northland
          begins in 2019; a#c1  body: Beta did not answer Northland
    a#hl  headline: Beta says Alpha "took note"; the body quotes only "too early"
    a#hl  headline: "80,000 troops on the border"; a#c1  body: more than 80,000 troops
          near the border and in Place B combined
    a#hl  headline: "Northland confirms talks" (speaker Northland); a#c1  body: Alpha
          says Northland requested talks (Alpha: no role of Northland's)
    a#hl  headline: "Beta knows of no request" (not-aware); a#c1  body: "As I understand
          it, Beta says he knows of no request" (hedge: As I understand it)
    a#hl  headline: "Northland confirms talks" (speaker Northland); a#c1  body: Alpha
          says Northland requested talks (Alpha: President of Northland until 2019,
          the article of 2021)
    a#hl  headline: "27 killed"; a#c1  body: 27 killed, superseded by a#c2: 28 killed
    a#hl  headline: "Northland urges restraint" (speaker Northland); a#c1  body: Zeta,
          spokesperson of Eastland, a "government" with Northland's side and no part_of

Silent:
    a#hl  headline: "Beta refuses talks with Alpha" (asserts, own voice)
    a#c2  body: Gamma says Beta refused talks (asserts)
    a#hl  headline: "Northland says it requested talks" (speaker Northland); a#c1  body:
          Alpha (President of Northland) says Northland requested talks
    a#hl  headline: "Beta reportedly knows of no request" (hedge: reportedly); a#c1
          body: "As I understand it, Beta says he knows of no request" (hedged)
    a#hl  headline: "Alpha fears talks" (fears)
    a#c1  body: Alpha expects talks (expects)
    a#hl  headline: "Beta ignores Alpha's request"; a#c1  body: Beta did not answer
          the Office of the President of Northland (Alpha: President of Northland)
    a#hl  headline: "Northland urges restraint" (speaker Northland); a#c1  body: Zeta,
          spokesperson of Northland's foreign ministry (part_of: northland; no minister
          registered)

Options: none.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import Entity, Quantity
from ..textnorm import collapse_ws, quote_words
from ..timeexpr import Interval
from ._common import MAX_LISTED, BodyIndex, body_index, label, supports, who
from ._conflict import says
from ._parties import Parties, one_party
from ._quantity import Span, figure, likely, mood, scope_words, span, span_words, superseded

CODE = "H701"
NAME = "headline.overstatement"
CATEGORY = "headline"
SEVERITY = "warning"



def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    headlines = [ci for ci in corpus.claims if ci.claim.part.billed]
    if not headlines:
        return
    body = body_index(corpus)  # shared with A401
    parties = Parties.build(corpus.entities.values())
    quotes = _BodyQuotes(body)
    gone = superseded(corpus, corpus.claims)
    for head in headlines:
        same_key = [c for c in body.get((head.source.id, head.key[1]), [])
                    if _same_parties(parties, c, head)]
        if not any(supports(c, head) and _vouched(c, head)
                   and _same_voice(corpus.entities, c, head)
                   for c in same_key):
            yield _hit(corpus, head, same_key)
        figures = _unsupported_figure(corpus, head, same_key, gone)
        if figures:
            yield _figure_hit(corpus, head, figures)
        missing = _unquoted(head, quotes) if head.quoted else []
        if missing:
            yield _quote_hit(head, missing)


@dataclass
class _BodyQuotes:
    """Each source's body quotations as words, read only for a source whose headline
    quotes: finding a claim's quotation marks in its article is most of this rule's time.
    The body index is grouped by source when the first quoting headline asks."""

    body: BodyIndex
    bodies: dict[str, list[ClaimInfo]] | None = None
    read: dict[str, list[str]] = field(default_factory=dict)

    def of(self, source: str) -> list[str]:
        if self.bodies is None:
            self.bodies = defaultdict(list)
            for (sid, _), claims in self.body.items():
                self.bodies[sid].extend(claims)
        if source not in self.read:
            self.read[source] = [f" {quote_words(q)} " for ci in self.bodies.get(source, ())
                                 for q in ci.quoted]
        return self.read[source]


def _unquoted(head: ClaimInfo, quotes: _BodyQuotes) -> list[str]:
    """The headline's quoted words that no quotation of its body holds, word for word
    (case, punctuation and spelling variants aside)."""
    missing = []
    for quote in head.quoted:
        words = quote_words(quote)
        if words and not any(f" {words} " in b for b in quotes.of(head.source.id)):
            missing.append(collapse_ws(quote))
    return missing


def _quote_hit(head: ClaimInfo, missing: list[str]) -> Hit:
    shown = ", ".join(f"'{q}'" for q in missing[:MAX_LISTED])
    return Hit(
        message=f"{head.claim.part.value} quotes words its body never quotes: {shown} "
                f"({head.focus})",
        location=head.location, focus=head.focus, block=True,
        key=f"quote|{head.focus}", claims=(head.ref(),),
        fix="find the quoted words in the body or the speaker's statement; if the article "
            "prints them nowhere but the headline, record a reviewed finding (if the body "
            "quotes them in a sentence the record skips, add that claim)",
        values={"proposition": list(head.key), "missing": missing},
    )


def _vouched(body: ClaimInfo, head: ClaimInfo) -> bool:
    """Whether the body vouches for its claim as firmly as the headline: a reporter's
    hedge on the body's attribution ("As I understand it, the Kremlin says") supports only
    a headline that keeps a hedge."""
    return not body.claim.by.hedge or bool(head.claim.by.hedge)


def _same_voice(entities: dict[str, Entity], body: ClaimInfo, head: ClaimInfo) -> bool:
    """Whether the body claim's speaker may support the headline's: a headline that names
    who says it ("Russia confirms ...") is supported only by that party's words (a person,
    the body they head or speak for, linked when the body's words were said), where an
    own-voice headline is supported by whoever the body quotes."""
    said = head.speaker
    if said is None:
        return True
    heard = body.speaker
    return heard is not None and one_party(entities, heard, said, spoken(body))


def spoken(ci: ClaimInfo) -> Interval | None:
    """When a claim's words were said: its ``by.said``, else its publication day (None
    without either: any time)."""
    if ci.said is not None:
        return ci.said
    return Interval(ci.published, ci.published) if ci.published is not None else None


def _same_parties(parties: Parties, body: ClaimInfo, head: ClaimInfo) -> bool:
    """Whether the body claim's subject and object are the headline's, or the same
    parties at the headline's time."""
    return parties.same_parties(head.key, body.key, head.when)


def _hit(corpus: Corpus, head: ClaimInfo, same_key: list[ClaimInfo]) -> Hit:
    prop = label(corpus, head.key)
    if same_key:
        found = "; ".join(f"{who(corpus, c)} {says(c)} ({c.focus})" for c in same_key[:3])
        more = f" and {len(same_key) - 3} more" if len(same_key) > 3 else ""
        body_words = f"in the body only {found}{more}"
    else:
        body_words = "no body claim states it"
    part = head.claim.part.value
    message = (f"{part} overstates the body on '{prop}': in the {part} {who(corpus, head)} "
               f"{says(head)} ({head.focus}); {body_words}")
    return Hit(
        message=message, location=head.location, focus=head.focus, block=True,
        # Stable when body claims are added: identified by the headline claim alone (two
        # sources' headlines may state one proposition, so the claim is part of the key).
        key=f"headline|{head.focus}|{'|'.join(head.key)}",
        claims=tuple(c.ref() for c in [head, *same_key[: 2 * MAX_LISTED - 1]]),
        fix="compare the headline with the body: if the record is right, the headline "
            "overstates (record a reviewed finding); if the body does support it, add that "
            "body claim",
        values={"proposition": list(head.key), "headline_stance": head.claim.says.stance.value,
                "headline_negated": head.claim.says.negated,
                "body_stances": [_stance(c) for c in same_key]},
    )


def _unsupported_figure(corpus: Corpus, head: ClaimInfo, same_key: list[ClaimInfo],
                        gone: frozenset[int]) -> list[ClaimInfo]:
    """The body's current figures for the headline figure's measure when none of them
    gives it; empty when one does, or when the body gives no figure for that measure.
    Figures in ``gone`` (:func:`superseded`) are the article's earlier word: none counts."""
    q = head.claim.quantity
    if q is None or span(q) is None or mood(head) is None or id(head) in gone:
        return []
    unit = corpus.unit_key(q.unit)
    figures = [c for c in same_key if (bq := c.claim.quantity) is not None
               and id(c) not in gone
               and corpus.unit_key(bq.unit) == unit and mood(c) == mood(head)
               and span(bq) is not None]
    if any(_gives(head, c) for c in figures) or _summed(q, figures):
        return []
    return figures


def _summed(q: Quantity, figures: list[ClaimInfo]) -> bool:
    """Whether the body's one-place figures, one per place of a headline figure for its
    places together (or for no place named: every place the body counts), can add up to
    it ("40,000 on the border", "40,000 in Crimea" under "80,000 troops"); a place with
    several figures gives the range of them."""
    hs = span(q)
    if hs is None or q.each:
        return False
    ranges: dict[str, Span] = {}
    for ci in figures:
        bq = ci.claim.quantity
        bs = _reported(bq) if bq is not None and len(set(bq.scope)) == 1 else None
        if bq is None or bs is None:
            continue
        had = ranges.get(bq.scope[0])
        ranges[bq.scope[0]] = bs if had is None else Span(
            min(had.lo, bs.lo), max(had.hi, bs.hi), had.lo_open and bs.lo_open,
            had.hi_open and bs.hi_open)
    places = set(q.scope) or set(ranges)
    if len(places) < 2 or not places <= set(ranges):
        return False
    total = functools.reduce(Span.plus, (ranges[p] for p in places))
    return not hs.below(total) and not total.below(hs)


def _reported(q: Quantity) -> Span | None:
    """The values a body figure reports (:func:`likely`), not all it admits: "more than
    40,000" in each of two places admitted a headline's 100,000 for both."""
    s = span(q)
    return None if s is None else likely(q, s)


def _gives(head: ClaimInfo, body: ClaimInfo,
           read: Callable[[Quantity], Span | None] = _reported) -> bool:
    """Whether the body figure reports the headline's value for the headline's places: the
    same places, a subset of places the body gives a figure for each of, or (the headline
    naming the places together, or none) the body's figure for each summed."""
    hq, bq = head.claim.quantity, body.claim.quantity
    assert hq is not None and bq is not None
    hs, bs = span(hq), read(bq)
    assert hs is not None and bs is not None
    h_places, b_places = frozenset(hq.scope), frozenset(bq.scope)
    h_each = hq.each and len(h_places) > 1
    b_each = bq.each and len(b_places) > 1
    candidates = []
    if (h_places == b_places and h_each == b_each) or not h_places:
        candidates.append(bs)
    if b_each and h_places <= b_places and (h_each or len(h_places) == 1):
        candidates.append(bs)
    if b_each and (h_places == b_places or not h_places) and not h_each:
        candidates.append(bs.times(len(b_places)))
    return any(not hs.below(s) and not s.below(hs) for s in candidates)


def _figure_hit(corpus: Corpus, head: ClaimInfo, figures: list[ClaimInfo]) -> Hit:
    def given(ci: ClaimInfo) -> str:
        q = ci.claim.quantity
        assert q is not None
        return f"{figure(q)}{scope_words(corpus, q)}"

    body = "; ".join(f"{who(corpus, c)} gives {given(c)}{_reads(head, c)} ({c.focus}"
                     f"{_updating(c)})" for c in figures[:MAX_LISTED])
    return Hit(
        message=f"{head.claim.part.value} figure not in the body on '{label(corpus, head.key)}': "
                f"the {head.claim.part.value} gives {given(head)} ({head.focus}); the body: {body}",
        location=head.location, focus=head.focus, block=True, key=f"figure|{head.focus}",
        claims=tuple(c.ref() for c in [head, *figures[: 2 * MAX_LISTED - 1]]),
        fix="compare the headline's figure and places with the body's: if the record is "
            "right, the headline misstates the figure (record a reviewed finding); if the "
            "body gives it, record that body claim's quantity as the article writes it",
        values={"proposition": list(head.key), "headline_figure": given(head),
                "body_figures": [given(c) for c in figures]},
    )


def _reads(head: ClaimInfo, ci: ClaimInfo) -> str:
    """What a body bound reports, when it admits the headline's figure but does not report
    it (the reason for the finding): "(some 40,000 to 44,000 each, 80,000 to 88,000
    together)"."""
    q = ci.claim.quantity
    reported = _reported(q) if q is not None else None
    if q is None or reported is None or not _gives(head, ci, span):
        return ""
    places = len(set(q.scope))
    if q.each and places > 1:
        together = span_words(reported.times(places))
        return f" (some {span_words(reported)} each, {together} together)"
    return f" (some {span_words(reported)})"


def _updating(ci: ClaimInfo) -> str:
    """", updating a#c1": the earlier figures a body figure replaces, which the body
    also prints (a headline giving one of them is out of date, not unsupported by
    anything the article printed)."""
    q = ci.claim.quantity
    old = [f"{ci.source.id}#{cid}" for cid in q.supersedes] if q is not None else []
    return f", updating {', '.join(old)}" if old else ""


def _stance(ci: ClaimInfo) -> str:
    return ("not " if ci.claim.says.negated else "") + ci.claim.says.stance.value
