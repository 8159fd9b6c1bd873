"""A claim still gives the figure or words an article's correction withdrew.

Catches a *withdrawn figure repeated*: an article's correction note
(``source.corrections``, E101) withdraws what an earlier version printed ("It is
at least 26, not 36"), yet a claim on the same proposition still gives it:

* a figure (``withdrawn: {words: '36', value: 36}``): a claim on the measure of a
  corrected claim (subject, predicate, object and unit, singular and plural being
  one unit) that gives the withdrawn figure (its value, or an end of its range)
  and holds it true;
* words without a figure (``withdrawn: rejected the request``): a claim on the
  proposition of a corrected claim whose evidence holds those words (case,
  punctuation and spelling variants aside).

Another outlet that prints the withdrawn figure most often copied the early
version, or had it from the same wrong source: the figure no longer stands on
the word of the outlet that first gave it, and a figure check (Q201) may see no
conflict at all (36 does not contradict "at least 26"). The corrected claim
itself, or another claim of the corrected article, giving the withdrawn figure
means the record (or the article) kept the mistake. A figure its own article updates
later (``quantity.supersedes``: a live blog's 36 at 11:20 that its 18:40 post makes 26)
is no longer given, as the quantity rules read it: the article's word is the update, so
it repeats nothing (its words, without a figure, are still read). A claim whose event time is
disjoint from the corrected claim's (50 killed last year against 36 this year)
gives another figure; a claim without an event time of its own is compared.
A claim whose speaker is on another side than every corrected claim's speaker (the
registry's ``side``; a person and the body they head or speak for being one party, and
a body and the larger body it is ``part_of``, a state's ministry and a state of no side)
gives that side's own count, not a copy of the early version: the UN's "more than
13,000" beside Kyiv's 13,000 that a note makes 14,000 is a disagreement for the figure
rules, if any, not a repetition. A speaker of the corrected one's side ("Ukrainian
officials" giving the Ukrainian military's withdrawn 36) may have had it from the same
wrong source, and a claim in the outlet's own voice may have copied it: both are
compared, as is any claim beside a corrected claim in the outlet's own voice.
A note whose replacement gives the withdrawn figure itself corrected what the
figure was for, not the number ("about 40,000 near the border and in Crimea"
now "more than 40,000 on the border and more than 40,000 in Crimea"): a claim
that gives the figure as a corrected claim now does (the same comparator,
range, places and ``each``; of a figure for each of several places, for one of
them alone too) repeats the correction, not the mistake, and only claims that
give it some other way are reported.

One finding per correction and proposition, located at the first claim that
repeats (another source's first), listing every such claim; it is identified
by the correction and the proposition, so a source added later joins it (and
re-opens its review, T004). Claims are indexed by measure and figure (figures)
or by proposition, first word and length (words): nothing is compared pair by pair.

Fires:
    a#c1  "at least 26 soldiers killed this year"; a's correction: corrects [c1],
          withdrawn {words: '36', value: 36}
    b#c1  "36 soldiers killed this year" (same measure)
    or: b#c1 "Beta rejected the request" against a's withdrawn words "rejected the request"
    or: b#c1 13,000 as Westland's health ministry's (part_of: westland; neither has a
          side) where a's note makes Westland's 13,000 14,000

Silent:
    b#c1  "26 soldiers killed this year", or "36 soldiers killed last year" (another
          period), or 36 on another measure
    b#c1  "more than 13,000 killed, according to the UN" where a's note makes Kyiv's
          13,000 14,000 (another side's own count)
    b#c1  "more than 40,000 in each of A and B" where a withdrew "about 40,000" for A
          and B together and now prints "more than 40,000" for each (its replacement)
    b#c1  "36 soldiers killed this year" that b#c2 "the toll is now 26" supersedes (b's
          later post)
    a#c1  corrected, and no claim gives the withdrawn figure

Options: none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import Correction, Quantity, Source, figure_words
from ..textnorm import quote_words
from ..timeexpr import Interval
from ._common import MAX_LISTED, label, polarity, proposition, short, who
from ._parties import one_party
from ._quantity import superseded
from .e101_correction_noted import PREVIEW, change

CODE = "E102"
NAME = "correction.withdrawn-repeated"
CATEGORY = "correction"
SEVERITY = "warning"
BLOCK = proposition  # each finding depends on one proposition's claims

Figure = tuple[tuple[str, str, str], str, float]  # proposition key, unit (plural), value
# How a claim gives a figure: comparator, value, range, unit (plural); then its places
# and whether the figure is for each of them.
Reading = tuple[str, float | None, float | None, float | None, str]
Places = tuple[frozenset[str], bool]
Words = tuple[str, ...]
_Wanted = dict[str, dict[int, set[Words]]]  # first word -> length -> withdrawn word sequences


@dataclass
class _Group:
    """One correction's corrected claims of one proposition."""

    source: Source
    correction: Correction
    corrected: list[ClaimInfo] = field(default_factory=list)


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    groups = _groups(corpus.claims)
    if not groups:
        return
    figures = _figures(corpus) if any(_value(g) is not None for g in groups) else {}
    words = _WordIndex(corpus, groups)
    order = {id(ci): i for i, ci in enumerate(corpus.claims)}
    for group in groups:
        repeats = _repeats(corpus, group, figures, words, order)
        if repeats:
            yield _hit(corpus, group, repeats)


def _groups(claims: Iterable[ClaimInfo]) -> list[_Group]:
    """The corrected claims, grouped by correction and proposition, in corpus order."""
    notes: dict[str, dict[str, list[int]]] = {}  # source -> claim id -> its corrections
    groups: dict[tuple[str, int, tuple[str, str, str]], _Group] = {}
    for ci in claims:
        corrections = ci.source.corrections
        if not corrections:
            continue
        named = notes.get(ci.source.id)
        if named is None:
            named = notes[ci.source.id] = defaultdict(list)
            for i, correction in enumerate(corrections):
                for cid in dict.fromkeys(correction.corrects):
                    named[cid].append(i)
        for i in named.get(ci.id, ()):
            group = groups.setdefault((ci.source.id, i, ci.key),
                                      _Group(ci.source, corrections[i]))
            group.corrected.append(ci)
    return list(groups.values())


def _value(group: _Group) -> float | None:
    was = group.correction.was
    return was.value if was is not None else None


def _ends(q: Quantity) -> set[float]:
    return {v for v in (q.value, q.min, q.max) if v is not None}


def _figures(corpus: Corpus) -> dict[Figure, list[ClaimInfo]]:
    """Claims holding a figure true, by measure (a unit's aliases are the unit) and each
    figure they give; a figure its own article updates later is no longer given."""
    out: dict[Figure, list[ClaimInfo]] = defaultdict(list)
    gone = superseded(corpus, corpus.claims)
    for ci in corpus.claims:
        q = ci.claim.quantity
        if q is not None and polarity(ci) > 0 and id(ci) not in gone:
            for v in _ends(q):
                out[(ci.key, corpus.unit_key(q.unit), v)].append(ci)
    return out


@dataclass
class _WordIndex:
    """Withdrawn words by proposition and first word; each proposition's claims are read
    once, for every correction of it together."""

    corpus: Corpus
    groups: list[_Group]
    found: dict[tuple[tuple[str, str, str], Words], list[ClaimInfo]] | None = None

    def claims(self, key: tuple[str, str, str], words: Words) -> list[ClaimInfo]:
        if self.found is None:
            self.found = self._search()
        return self.found.get((key, words), [])

    def _search(self) -> dict[tuple[tuple[str, str, str], Words], list[ClaimInfo]]:
        wanted: dict[tuple[str, str, str], _Wanted] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(set)))
        for g in self.groups:
            w = _withdrawn_words(g)
            if w:
                wanted[g.corrected[0].key][w[0]][len(w)].add(w)
        found: dict[tuple[tuple[str, str, str], Words], list[ClaimInfo]] = defaultdict(list)
        for key, by_first in wanted.items():
            for ci in self.corpus.by_key.get(key, ()):
                for w in _holds(ci, by_first):
                    found[(key, w)].append(ci)
        return found


def _withdrawn_words(group: _Group) -> Words:
    """The withdrawn words of a correction without a figure (a figure is compared as one)."""
    was = group.correction.was
    if was is None or was.value is not None:
        return ()
    return tuple(quote_words(was.words).split())


def _holds(ci: ClaimInfo, wanted: _Wanted) -> set[Words]:
    """Which of the wanted word sequences the claim's evidence holds: at each word, one
    look-up per length of the sequences that start with it (many notes withdrawing
    words of one length cost one look-up)."""
    out: set[Words] = set()
    for excerpt in ci.claim.excerpts:
        tokens = quote_words(excerpt).split()
        for i, token in enumerate(tokens):
            for length, sequences in wanted.get(token, {}).items():
                words = tuple(tokens[i:i + length])
                if words in sequences:
                    out.add(words)
    return out


def _repeats(corpus: Corpus, group: _Group, figures: dict[Figure, list[ClaimInfo]], words: _WordIndex,
             order: dict[int, int]) -> list[ClaimInfo]:
    """The claims that still give what the correction withdrew, in corpus order: each
    candidate is read once, whatever the number of corrected claims."""
    value = _value(group)
    key = group.corrected[0].key
    if value is not None:
        units = {corpus.unit_key(c.claim.quantity.unit) for c in group.corrected
                 if c.claim.quantity}
        lists = [figures.get((key, unit, value), []) for unit in sorted(units)]
    else:
        lists = [words.claims(key, _withdrawn_words(group))]
    periods = _Periods([c.event for c in group.corrected])
    now = _as_corrected(corpus, group)
    speakers = {c.speaker for c in group.corrected}
    found = {id(x): x for candidates in lists for x in candidates
             if periods.meet(x.event) and not _gives_as(corpus, x.claim.quantity, now)
             and not _own_count(corpus, x, speakers)}
    return sorted(found.values(), key=lambda c: order[id(c)])


def _own_count(corpus: Corpus, ci: ClaimInfo, speakers: set[str | None]) -> bool:
    """Whether the claim gives another side's own count: its speaker is on none of the
    corrected claims' speakers' sides (the registry's ``side``) and is not one party with
    any of them (a person and the body they head or speak for, on the day the claim's
    words were said). The UN's "more than 13,000" beside Kyiv's 13,000 that a note made
    14,000 is another source's figure, no copy of the early version; "Ukrainian officials"
    giving the Ukrainian military's withdrawn 36 may have had it from the same wrong
    source, and a claim in the outlet's own voice (or beside a corrected claim in its own
    voice) may have copied it: both are compared."""
    if ci.speaker is None or None in speakers:
        return False
    said = ci.said or (Interval(ci.published, ci.published) if ci.published else None)
    side = corpus.side(ci.speaker)
    return not any(corpus.side(s) == side or one_party(corpus.entities, ci.speaker, s, said)
                   for s in speakers if s)


def _as_corrected(corpus: Corpus, group: _Group) -> dict[Reading, list[Places]]:
    """The figure as the corrected claims now give it, when the note's replacement is
    the withdrawn figure itself: the note corrected its places, "each" or comparator,
    and a claim giving it so gives the replacement. Empty otherwise (36 withdrawn for
    26: any claim giving 36, the corrected one included, repeats the mistake)."""
    was, now = group.correction.was, group.correction.now
    out: dict[Reading, list[Places]] = defaultdict(list)
    if was is None or now is None or was.value is None or now.value != was.value:
        return out
    for c in group.corrected:
        q = c.claim.quantity
        if q is not None:
            out[_reading(corpus, q)].append(_places(q))
    return out


def _gives_as(corpus: Corpus, q: Quantity | None, now: dict[Reading, list[Places]]) -> bool:
    """Whether ``q`` gives the figure as a corrected claim does: the same reading for the
    same places, or, of a figure for each of several places, for some of them (the
    figure for each place alone: "more than 40,000 on the border")."""
    if q is None or not now:
        return False
    mine = _places(q)
    return any(_covered(mine, theirs) for theirs in now.get(_reading(corpus, q), ()))


def _covered(mine: Places, theirs: Places) -> bool:
    """Whether a figure for ``mine`` is one a figure for ``theirs`` gives."""
    if mine == theirs:
        return True
    (scope, each), (their_scope, their_each) = mine, theirs
    # for each of several places: the figure for each one, or for each of some
    return their_each and scope <= their_scope and (each or len(scope) == 1)


def _reading(corpus: Corpus, q: Quantity) -> Reading:
    return (q.cmp.value, q.value, q.min, q.max, corpus.unit_key(q.unit))


def _places(q: Quantity) -> Places:
    # "each" says something only of two places or more
    return frozenset(q.scope), q.each and len(q.scope) > 1


class _Periods:
    """The corrected claims' event times, asked whether any meets a claim's: sorted by
    start with the latest end so far, one bisection per question; a claim without an
    event time of its own (on either side) is compared."""

    def __init__(self, events: list[Interval | None]) -> None:
        known = sorted((e for e in events if e is not None), key=lambda e: e.start)
        self.open = len(known) < len(events)
        self.starts = [e.start for e in known]
        self.reach = list(accumulate((e.end for e in known), max))

    def meet(self, event: Interval | None) -> bool:
        if self.open or event is None:
            return True
        i = bisect_right(self.starts, event.end) - 1
        return i >= 0 and self.reach[i] >= event.start


def _hit(corpus: Corpus, group: _Group, repeats: list[ClaimInfo]) -> Hit:
    corrected = group.corrected
    source, correction = group.source, group.correction
    own = {id(c) for c in corrected}
    others = [r for r in repeats if r.source.id != source.id] or repeats
    at = others[0]
    dated = f", {correction.date}" if correction.date else ""
    listed = "; ".join(f"{r.focus} ({who(corpus, r)}{_figure(r, _value(group))}"
                       f"{_whose(r, source, own)}): '{short(r.claim.excerpts[0], PREVIEW)}'"
                       for r in repeats[:MAX_LISTED])
    more = f" and {len(repeats) - MAX_LISTED} more" if len(repeats) > MAX_LISTED else ""
    key = corrected[0].key
    return Hit(
        message=f"{_count(len(repeats))} on '{label(corpus, key)}' still "
                f"{'gives' if len(repeats) == 1 else 'give'} what "
                f"{source.id}'s correction withdrew ({change(correction)}{dated}): "
                f"{listed}{more}",
        location=at.location, focus=at.focus, block=True,
        key=f"withdrawn|{source.id}|{correction.excerpts[0]}|{change(correction)}|"
            f"{'|'.join(key)}",
        claims=tuple(c.ref() for c in _unique([*corrected, *repeats])[: 2 * MAX_LISTED]),
        fix="check the figure against the corrected article: a source that took it from the "
            "early version repeats a mistake (record a reviewed finding, source-error); one "
            "with its own count disagrees (expected-disagreement); if the corrected record "
            "itself keeps the withdrawn figure, give its claim the corrected one",
        values={"proposition": list(key), "correction": source.id,
                "corrects": list(correction.corrects), "date": correction.date,
                "withdrawn": correction.was.words if correction.was else None,
                "withdrawn_value": _value(group),
                "replacement": correction.now.words if correction.now else None,
                "repeating": [r.focus for r in repeats]},
    )


def _figure(ci: ClaimInfo, value: float | None) -> str:
    """", 36 soldiers": the withdrawn figure as the claim gives it, for a figure match."""
    q = ci.claim.quantity
    return f", {figure_words(value)} {q.unit}" if value is not None and q else ""


def _count(n: int) -> str:
    return "a claim" if n == 1 else f"{n} claims"


def _whose(ci: ClaimInfo, source: Source, own: set[int]) -> str:
    if id(ci) in own:
        return ", the corrected claim itself"
    return ", the corrected article" if ci.source.id == source.id else ""


def _unique(claims: list[ClaimInfo]) -> list[ClaimInfo]:
    return list({id(c): c for c in claims}.values())
