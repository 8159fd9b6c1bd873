"""Sources date the same statement or event to days that cannot both be right.

Catches a *date mismatch*: two articles report the same statement by the same
speaker (or the same event) but their time expressions, resolved against each
article's publication date, give days that do not overlap ("on Monday" in an
article of 2021-04-12 vs "on Friday" in one of 2021-04-12). Relative
expressions are where this happens: a rewrite published a day later keeps
"yesterday", or a weekday is resolved from the wrong anchor.

Blocks: a statement is (speaker, proposition, stance, negated, figure) with a
``by.said`` time (a report of another figure, or of none, is another statement: the
military's "one more soldier killed" on Monday and "two killed in the past 24 hours" on
Wednesday; one statement given two figures is Q202's); an event is (proposition,
polarity) with a ``when`` time, for firm claims (asserts/denies) of an *event* predicate without a quantity
(states, measures and figures legitimately differ by period). Propositions are
keyed by party, as the conflict rules key them (a person who heads an office
stands as the office: one request recorded as the president's in one record
and as his office's in another is one event). Within one
article a speaker may repeat a statement, so each article's times are merged
into one span; a block fires when no day lies in every article's span. One
article's two days for one proposition are therefore no disagreement between
articles: a record cannot tell one event dated two ways from an event that
happened twice ("asked on March 26 and again on April 2"), nor a statement
misdated from one repeated. One
finding per block listing every article's words as written and the dates they
resolve to. When more articles can agree on a day (for some reading of their
words, their spans contain it) than cannot, the finding is located at an
article that cannot (the one farthest from that day): the date to check;
otherwise the message says the sources disagree without a majority.

One speaker's one statement is the exception: when an article gives the event's
time twice in the words of one speaker on one day (the same ``by.said`` day and
addressees), as "asked more than three weeks ago" and "lodged on March 26", both
said yesterday, and no reading lets the two meet, the article dates the event two
ways in one account, and that is a finding of its own, at the time the others
cannot reach. A speaker who tells of the event happening twice in one statement
is then a false alarm to review: the record cannot tell the two apart.

Tense: words that may mean more than one day ("on Friday" for an event: the
last Friday or a planned one; "next Friday") fire only when no choice of
their readings lets every article's span meet, and the majority day is chosen
over every reading, not only the likeliest. A said time is of a statement
already made, so a bare weekday there reads back only; words that look ahead
("due to meet on Friday", "this coming Friday") read forward.

An event kept up as a state ("has sought a call for more than a week", read on
Monday 12 April) is dated when the state began, as "ago" is read: the request was
made on or before 5 April ("for more than a week": any day up to then; "for two
weeks": 29 March), not during the week of waiting, so "asked on April 2" agrees and
"asked on April 9" does not.

A statement a source quotes in words of its own is another occasion: when no
other source of the block prints its quoted words, nor it theirs, the speaker
said it again (a spokeswoman quoted by a live blog on Wednesday in other words
than the Monday quotes), and its date is left out. Quotes print the same words
when they share a run of three words, two of them no function words, so another
translation of one statement that keeps its telling words ("some ephemeral
aggressive actions") is still compared; one in wholly other words is then missed.
Shared words are one remark when one source prints no telling word the other does
not (a part of the other's quote, or a looser translation of it), or when a quote of
one runs on into a quote of the other (two cuts of one quotation). Otherwise the
speaker repeated a talking point: "This does not threaten anyone and should not worry
anyone" on Monday and "Russia has never threatened anyone and does not threaten
anyone" on Tuesday are two remarks, and a source with no other remark in common is
left out as above. Two translations that each add telling words around the words
they keep, and cannot be two cuts of one quotation, are then read as two remarks too.
So is a statement a source gives only as said to itself, or to an agency it credits
("told The Washington Post on Tuesday", in the Post: ``by.to``), when no other source of
the block names that addressee: the source's own interview, another occasion.

Time zones: when the article to check is a day off the majority's day, and its record's
publication time (``published.time``) is in a zone ahead of (for a later date) or behind
(for an earlier one) an agreeing source's, the message says so: a statement of Monday
evening in Europe is Tuesday morning in Sydney, and an article may date it in its own
zone. It stays a finding: the dates as printed differ, and a reader should know why.
Words are said before the articles reporting them appear, so the note is left out when
the first of the block's articles to give its publication moment was out before the
hours in which the two zones' dates differ (a Kremlin remark reported at 17:05 Moscow
time on Monday is no Tuesday remark in India, UTC+05:30, whatever the Indian paper says).

The days each article can cover are a few intervals (each reading, and the
span from one time's earliest start to another's latest end); one sorted sweep
over them counts the articles covering each day.

Fires:
    a#c1  alpha said "on Monday" (published 2021-04-12 -> 2021-04-12)
    b#c1  alpha said "on Friday" (published 2021-04-12 -> 2021-04-09), same proposition
    or: a#c1 alpha said yesterday the request was made "more than three weeks ago",
          a#c2 alpha said yesterday it was lodged "on March 26" (published
          2021-04-13: 2021-03-22 or before, and 2021-03-26)

Silent:
    a#c1  said "on Monday" (published 2021-04-12);  b#c1  said "yesterday" (published
          2021-04-13): both 2021-04-12
    a#c1  "We have not received an answer yet," alpha said on Monday; b#c1 (two days
          later) "We have not received any answer so far," alpha said on Wednesday
    a#c1  event "due to meet on Friday" (published Tuesday 2021-04-13 -> 2021-04-16)
    b#c1  event "on Friday" (published 2021-04-17 -> 2021-04-16 or 2021-04-23)
    a#c1  alpha said on Monday there was no answer;  b#c1 (outlet Beta Post) alpha told
          Beta Post on Tuesday there was still no answer (to: [beta-post])
    a#c1  "This does not threaten anyone and should not worry anyone," alpha said on
          Monday;  b#c1 (a day later) "Northland has never threatened anyone and does
          not threaten anyone," alpha said on Tuesday (a talking point said again)
    a#c1  event "has sought talks for more than a week" (published 2021-04-12 -> on or
          before 2021-04-05);  b#c1  event "on April 2"
    a#c1  alpha urged calm, "ease tensions", per a readout of the call, on Tuesday;  b#c1,
          c#c1  "Now is the time to calm down," alpha said on Thursday (a fragment no
          other source prints: another occasion)

Options: none.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import AgencyHow, PredicateKind, Quantity, Source, Stance
from ..textnorm import quote_words
from ..timeexpr import Interval, onset
from ._common import MAX_LISTED, label, polarity, position, possessive
from ._conflict import party_block, party_key, usual_key
from ._dates import TimeField, explicit, shown, time_fields, utc_offset
from ._parties import heads_of

CODE = "D601"
NAME = "date.relative-mismatch"
CATEGORY = "date"
SEVERITY = "warning"
BLOCK = party_block  # each finding depends on one party proposition's claims
Words = tuple[str, ...]

@dataclass(frozen=True)
class Block:
    """What must be dated alike: a statement (speaker set) or an event."""

    what: str  # "said" or "event"
    key: tuple[str, str, str]
    speaker: str = ""
    stance: str = ""  # statements: stance and negation; events: polarity
    figure: str = ""  # statements: the figure given, if any (see :func:`_figure`)

    @property
    def id(self) -> str:
        parts = (self.what, self.speaker, *self.key, self.stance)
        return "|".join((*parts, self.figure) if self.figure else parts)


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    blocks: dict[Block, list[TimeField]] = defaultdict(list)
    heads = heads_of(corpus.entities)
    for ci in corpus.claims:
        for tf in time_fields(ci):
            if tf.interval is None:
                continue
            # Keyed by party, as the conflict rules key it: one request recorded as the
            # president's and as his office's is one event, one statement.
            block = _block(corpus, tf, party_key(heads, ci.key))
            if block is not None:
                blocks[block].append(tf)
    for block, fields in blocks.items():
        by_source: dict[str, list[Time]] = defaultdict(list)
        for tf in fields:
            # Readings once per field: the property asks the resolver's cache each time.
            by_source[tf.ci.source.id].append(_time(tf))
        if block.what == "event":
            yield from _two_ways(corpus, block, by_source)
        if len(by_source) < 2:
            continue
        found = _disagreement(by_source)
        if found is not None and block.what == "said":
            # Only a disagreeing block pays for its quotes' index (:func:`own_occasions`).
            for source in own_occasions(fields) | own_interviews(fields):
                by_source.pop(source, None)
            found = _disagreement(by_source) if len(by_source) > 1 else None
        if found is not None:
            yield _hit(corpus, replace(block, key=usual_key(tf.ci for tf in fields)), by_source,
                       found)


Statement = tuple[str, str, Interval | None, frozenset[str]]  # source, speaker, said, to


def _two_ways(corpus: Corpus, block: Block, by_source: dict[str, list[Time]]) -> Iterator[Hit]:
    """One speaker's one statement (a source, a speaker, one said day, the same
    addressees) that dates the event on days no reading lets meet: the article gives
    the speaker's account two ways ("asked more than three weeks ago" and "lodged on
    March 26", both said yesterday). Other times of one article stay merged (the
    event may have happened twice)."""
    statements: dict[Statement, list[Time]] = defaultdict(list)
    for source, times in by_source.items():
        for t in times:
            ci = t.tf.ci
            if ci.speaker is not None and ci.said is not None and ci.said.start == ci.said.end:
                statements[(source, ci.speaker, ci.said, frozenset(ci.claim.by.to))].append(t)
    for (_, speaker, said, _), times in statements.items():
        if len(times) < 2:
            continue
        day, agree = busiest_day({str(i): [t.readings] for i, t in enumerate(times)})
        if len(agree) < len(times):
            yield _two_ways_hit(corpus, block, times, day, agree, speaker, said)


def _two_ways_hit(corpus: Corpus, block: Block, times: list[Time], day: dt.date,
                  agree: set[str], speaker: str, said: Interval | None) -> Hit:
    # The time the others cannot reach, then one that holds the day most of them share.
    odd = max((t for i, t in enumerate(times) if str(i) not in agree), key=lambda t: _reach(t, day))
    usual = min((t for i, t in enumerate(times) if str(i) in agree), key=lambda t: _reach(t, day))
    shown_times = [odd, usual, *(t for t in times if t is not odd and t is not usual)]
    sides = ", ".join(f"{t.tf.ci.focus} {shown(t.tf.spec, t.first, t.readings)}"
                      for t in shown_times[:MAX_LISTED])
    ci = odd.tf.ci
    return Hit(
        message=f"{ci.source.id} dates {_subject(corpus, block)} two ways in "
                f"{possessive(corpus.name(speaker))} statement of {said}: {sides}",
        location=ci.locate(odd.tf.pointer), focus=ci.focus, block=True,
        key=f"{block.id}|{ci.source.id}|{speaker}|{said}",
        claims=tuple(dict.fromkeys(t.tf.ci.ref() for t in shown_times[: 2 * MAX_LISTED])),
        fix="check the article's two times of the event against each other and its "
            "publication date; correct the record's time, or record a reviewed finding "
            "if the article dates it two ways (or the speaker tells of two such events)",
        values={"what": block.what, "proposition": list(block.key), "source": ci.source.id,
                "times": {t.tf.ci.focus: {"text": t.tf.spec.text, "resolved": str(t.first)}
                          for t in shown_times[:MAX_LISTED]}},
    )


def _disagreement(by_source: dict[str, list[Time]]) -> Sides | None:
    day, agree = busiest_day({s: [t.readings for t in ts] for s, ts in by_source.items()})
    return _sides(by_source, day, agree) if len(agree) < len(by_source) else None


def own_occasions(fields: list[TimeField]) -> set[str]:
    """Sources that quote the statement in words no other source prints as the same
    remark: the speaker said it to them on an occasion of its own (a spokeswoman's words
    to a live blog on Wednesday, in other words than Monday's), so their date is no
    other source's date of the same words. Sources without quotes stay.

    Two sources print the same words when their quotes share a run of ``RUN`` words, at
    least ``CONTENT`` of them no function words: a translation of one statement keeps
    its telling words ("some ephemeral aggressive actions"), while "we have not
    received" is how anyone says it. Words shared are one remark (:func:`one_remark`)
    unless each source prints telling words the other does not and their quotes cannot
    be pieces of one continuous quotation: a talking point said again ("does not
    threaten anyone" on Monday, "has never threatened anyone and does not threaten
    anyone" on Tuesday). Each quote's runs are indexed once; a source is compared only
    with sources printing one of its runs, at most ``PEERS`` of them (past that it
    stays, as one remark), so sources are not compared pairwise.

    A fragment too short for a run but of ``CONTENT`` telling words ("de-escalate
    tensions", from a readout of Tuesday's call) is its own key: the same words in a row
    in another source's quote are the same remark; in none, the speaker's words on an
    occasion of their own (the others quote Thursday's speech, "Now is the time to
    de-escalate"). A shorter quote ("de-escalate") is no evidence either way."""
    said: dict[str, dict[Words, None]] = defaultdict(dict)  # ordered, each quote once
    printers: dict[Words, set[str]] = defaultdict(set)
    pairs: dict[Words, set[str]] = defaultdict(set)  # telling word pairs, for fragments
    for tf in fields:
        for q in tf.ci.quotes:
            words = tuple(quote_words(q).split())
            said[tf.ci.source.id][words] = None
            for run in _keys(words):
                printers[run].add(tf.ci.source.id)
            for pair in _pairs(words):
                pairs[pair].add(tf.ci.source.id)
    quoting = {s for sources in printers.values() for s in sources}
    if len(quoting) < 2:
        return set()
    quotes = {s: Quotes(tuple(q)) for s, q in said.items()}
    return {s for s in quoting if not _heard_alike(s, quotes, printers, pairs)}


def _keys(words: Words) -> Iterator[Words]:
    """A quote's keys: its runs, or a fragment of ``CONTENT`` telling words itself."""
    if len(words) < RUN:
        if len(words) == CONTENT and all(w not in FUNCTION_WORDS for w in words):
            yield words
        return
    yield from _runs(words)


def _pairs(words: Words) -> Iterator[Words]:
    """A quote's telling words two in a row: where a fragment key may stand in it."""
    for i in range(len(words) - CONTENT + 1):
        pair = words[i:i + CONTENT]
        if all(w not in FUNCTION_WORDS for w in pair):
            yield pair


PEERS = 32  # sources one source is compared with, at most (see own_occasions)


class Quotes:
    """One source's quotes of a statement, with what :func:`one_remark` asks of them
    computed once: their telling words, each quote by its first ``RUN`` words, and
    every ``RUN`` words in a row they hold."""

    def __init__(self, quotes: tuple[Words, ...]) -> None:
        self.quotes = quotes
        self.telling = {w for words in quotes for w in words if w not in FUNCTION_WORDS}
        self.starts: dict[Words, list[Words]] = defaultdict(list)
        for words in quotes:
            self.starts[words[:RUN]].append(words)
        self.longest = max((len(w) for w in quotes), default=0)
        self.grams = {words[i:i + RUN] for words in quotes for i in range(len(words) - RUN + 1)}


def _heard_alike(source: str, quotes: dict[str, Quotes], printers: dict[Words, set[str]],
                 pairs: dict[Words, set[str]]) -> bool:
    """Whether a source printing one of ``source``'s keys quotes the same remark: a run
    of it, a fragment key inside it, or (for a fragment) a quote holding the fragment."""
    tried: set[str] = set()
    for words in quotes[source].quotes:
        near = (printers[run] | (pairs[run] if len(run) < RUN else set())
                for run in _keys(words))
        inside = (printers[pair] for pair in _pairs(words) if len(words) >= RUN)
        for others in itertools.chain(near, inside):
            for other in sorted(others):
                if other == source or other in tried:
                    continue
                if len(tried) == PEERS:
                    return True  # beyond the bound: one remark, compared as before
                tried.add(other)
                if one_remark(quotes[source], quotes[other]):
                    return True
    return False


def one_remark(mine: Quotes, theirs: Quotes) -> bool:
    """Whether two sources' quotes (sharing a run) may be one remark: one prints no
    telling word the other does not (a part of it, or a looser translation of it), or a
    quote of one runs on into a quote of the other (the end of one is the start of the
    other: two cuts of one quotation)."""
    if mine.telling <= theirs.telling or theirs.telling <= mine.telling:
        return True
    return _runs_on(mine, theirs) or _runs_on(theirs, mine)


def _runs_on(firsts: Quotes, seconds: Quotes) -> bool:
    """Whether a quote of ``firsts`` ends with the start of a quote of ``seconds``, over
    at least a run (:func:`_runs`), each second quote found by its first words."""
    for words in firsts.quotes:
        if words[-RUN:] not in seconds.grams:
            continue  # its last words are in no second quote: it runs on into none
        # Only a tail no longer than a second quote can be its start (a whole quote
        # inside another is one's part of the other: :func:`one_remark` asked first).
        for at in range(max(len(words) - seconds.longest, 0), len(words) - RUN + 1):
            found = seconds.starts.get(words[at:at + RUN])
            tail = words[at:] if found else ()
            for second in found or ():
                if second[:len(tail)] == tail and next(_runs(tail), None) is not None:
                    return True
    return False


def own_interviews(fields: list[TimeField]) -> set[str]:
    """Sources that give the statement only as words said to their own outlet, or to an
    agency they credit ("Mendel told The Washington Post on Tuesday", in the Post), when
    no other source of the block names that addressee (its claims' ``by.to`` or
    ``by.via``, its outlet or agencies): the speaker said it in an interview of theirs,
    an occasion the others did not report, so its date is no other source's date. One
    index of who names each addressee; nothing is compared pairwise."""
    own: dict[str, set[str]] = {}
    named: dict[str, set[str]] = defaultdict(set)
    for tf in fields:
        by, source = tf.ci.claim.by, tf.ci.source
        interviewers = {source.outlet, *(a.id for a in source.agencies)}
        for name in (*by.to, *by.via, *interviewers):
            named[name].add(source.id)
        heard = set(by.to) & interviewers
        own[source.id] = own[source.id] & heard if source.id in own else heard
    return {s for s, heard in own.items()
            if heard and all(named[a] == {s} for a in heard)}


RUN, CONTENT = 3, 2
_FUNCTION_TEXT = (
    "a an the of to in on at by for from with as into over about than then and or but "
    "if so not no nor is are was were be been being am have has had do does did will "
    "would can could shall should may might must i we you he she it they me us him her "
    "them my our your his its their this that these those there here any some all")
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def _runs(words: Words) -> Iterator[Words]:
    for i in range(len(words) - RUN + 1):
        run = words[i:i + RUN]
        if sum(w not in FUNCTION_WORDS for w in run) >= CONTENT:
            yield run


def _block(corpus: Corpus, tf: TimeField, key: tuple[str, str, str]) -> Block | None:
    """The block of a time field, under the proposition's ``key`` (its party key)."""
    ci = tf.ci
    says = ci.claim.says
    if tf.what == "said":
        if ci.speaker is None:
            return None
        return Block("said", key, ci.speaker, f"{says.stance.value}/{says.negated}",
                     _figure(ci.claim.quantity))
    predicate = corpus.predicates.get(says.predicate)
    if (predicate is None or predicate.kind is not PredicateKind.event
            or ci.claim.quantity is not None
            or says.stance not in (Stance.asserts, Stance.denies)):
        return None
    return Block("event", key, stance=str(polarity(ci)))


def _figure(q: Quantity | None) -> str:
    """The figure a statement gives, as its block tells it: the military's "one more
    serviceman killed" on Monday and its "two killed in the past 24 hours" on Wednesday
    are two reports, not one dated two ways (one statement given two figures is Q202's).
    The comparator and unit are left out: "about 40,000 troops" and "more than 40,000
    soldiers" may report one statement."""
    if q is None:
        return ""
    return "/".join("" if n is None else f"{n:g}" for n in (q.value, q.min, q.max))


def _time(tf: TimeField) -> Time:
    """A time and the days it may be. An event's time that is a state lasting up to
    when it was told ("has sought a call for more than a week") dates the event when
    the state began (:func:`~checks.timeexpr.onset`): the request was made before the
    week of waiting, not during it."""
    if tf.what == "event" and not explicit(tf.spec):
        began = onset(tf.spec.text, tf.anchor)
        if began:
            return Time(tf, began, began=True)
    assert tf.interval is not None
    return Time(tf, tf.readings or (tf.interval,))


@dataclass(frozen=True)
class Time:
    """A time of a source and every interval it may be (computed once)."""

    tf: TimeField
    readings: tuple[Interval, ...]
    began: bool = False  # an event dated when the state its words give began

    @property
    def first(self) -> Interval:
        """The reading to show: the corpus's, unless the event is dated when its state
        began (no reading of the words is then the event's)."""
        return self.readings[0] if self.began or self.tf.interval is None else self.tf.interval


def busiest_day(sources: dict[str, list[tuple[Interval, ...]]]) -> tuple[dt.date, set[str]]:
    """The first day the most sources can date to, and those sources, for some choice of
    each time's readings (a source's times merged into one span). One sorted sweep over
    the days each source can cover: a source opens on the first day of each of its
    pieces and closes after the last, so no day is tried against every source."""
    covered = {s: coverage(times) for s, times in sources.items()}
    events = sorted([(iv.start, 0) for ivs in covered.values() for iv in ivs]
                    + [(iv.end, 1) for ivs in covered.values() for iv in ivs])
    open_, best, day = 0, 0, events[0][0]
    for when, kind in events:
        open_ += 1 if kind == 0 else -1
        if kind == 0 and open_ > best:  # a piece's first day counts before any closes on it
            best, day = open_, when
    return day, {s for s, ivs in covered.items() if any(iv.start <= day <= iv.end for iv in ivs)}


def coverage(times: list[tuple[Interval, ...]]) -> list[Interval]:
    """The days one source's span can contain, as sorted disjoint intervals: a day one
    reading holds, or a day between one time's earliest start and another time's latest
    end (the span of two times runs from the one to the other)."""
    pieces = [iv for readings in times for iv in readings]
    if len(times) > 1:
        starts = heapq.nsmallest(2, ((min(iv.start for iv in rs), i) for i, rs in enumerate(times)))
        ends = heapq.nlargest(2, ((max(iv.end for iv in rs), i) for i, rs in enumerate(times)))
        # The widest span of two different times: the two earliest starts and two latest
        # ends hold it (the earliest start and latest end may belong to the same time).
        pieces += [Interval(s, e) for s, i in starts for e, j in ends if i != j and s <= e]
    merged: list[Interval] = []
    for iv in sorted(pieces):
        if merged and iv.start <= merged[-1].end:
            merged[-1] = Interval(merged[-1].start, max(merged[-1].end, iv.end))
        else:
            merged.append(iv)
    return merged


def _reach(t: Time, day: dt.date) -> int:
    """How far the nearest reading of a time lies from ``day`` (0: it holds it)."""
    return min(_distance(iv, day) for iv in t.readings)


@dataclass(frozen=True)
class Sides:
    """The time to check (``odd``) and one it disagrees with (``usual``); ``day``
    is the day most articles agree on when they are a majority."""

    odd: Time
    usual: Time
    day: dt.date | None
    agree: int


def _sides(by_source: dict[str, list[Time]], day: dt.date, agree: set[str]) -> Sides:
    if 2 * len(agree) > len(by_source):
        # The source that cannot reach the majority's day by the farthest, and its time
        # farthest from it; an agreeing source's time nearest the day (its span holds the
        # day, its own times may only surround it).
        odd = max((s for s in sorted(by_source) if s not in agree),
                  key=lambda s: min(_reach(t, day) for t in by_source[s]))
        far = max(by_source[odd], key=lambda t: _reach(t, day))
        near = min(by_source[min(agree)], key=lambda t: _reach(t, day))
        return Sides(far, near, day, len(agree))
    # No majority: the latest-starting time against the earliest-ending one.
    times = [t for ts in by_source.values() for t in ts]
    late = max(times, key=lambda t: t.readings[0].start)
    early = min((t for t in times if t.tf.ci.source.id != late.tf.ci.source.id),
                key=lambda t: t.readings[0].end)
    return Sides(late, early, None, len(agree))


def _distance(iv: Interval, day: dt.date) -> int:
    return max((iv.start - day).days, (day - iv.end).days)


def _subject(corpus: Corpus, block: Block) -> str:
    """What is dated, worded as the conflict rules word a proposition and a stance."""
    prop = label(corpus, block.key)
    if block.what == "said":
        stance, negated = block.stance.split("/")
        words = position(Stance(stance), negated == "True")
        return f"{possessive(corpus.name(block.speaker))} statement on '{prop}' ({words})"
    return f"the event '{prop}'" if block.stance == "1" else f"the denial of '{prop}'"


def _hit(corpus: Corpus, block: Block, by_source: dict[str, list[Time]],
         found: Sides) -> Hit:
    # Each source's words: the time to check and the one it disagrees with first.
    first = [found.odd, found.usual]
    taken = {t.tf.ci.source.id for t in first}
    rest = [t for s in sorted(by_source) if s not in taken for t in by_source[s][:1]]
    ordered = (first + rest)[:MAX_LISTED]
    sides = [f"{t.tf.ci.focus} {shown(t.tf.spec, t.first, t.readings)}" for t in ordered]
    odd = found.odd.tf
    verdict = (f"; {found.agree} of {len(by_source)} sources agree on {found.day}"
               if found.day is not None else "; the sources disagree without a majority")
    verdict += _zone_note(by_source, found, block.what == "said")
    claims = [odd.ci, *(t.tf.ci for ts in by_source.values() for t in ts)]
    return Hit(
        message=f"sources date {_subject(corpus, block)} differently: " + ", ".join(sides)
                + verdict,
        location=odd.ci.locate(odd.pointer), focus=odd.ci.focus, block=True,
        key=block.id, claims=tuple(dict.fromkeys(c.ref() for c in claims[: 2 * MAX_LISTED])),
        fix="check each article's time words against its publication date; correct the "
            "record's time or record a reviewed finding if the articles disagree",
        values={"what": block.what, "proposition": list(block.key),
                "times": {t.tf.ci.focus: {"text": t.tf.spec.text, "resolved": str(t.first)}
                          for t in ordered}},
    )


def _zone_note(by_source: dict[str, list[Time]], found: Sides, said: bool) -> str:
    """A day apart from a source published in a zone behind (or ahead of) the odd one's:
    one moment falls on two dates, and an article may date it in its own time zone (a
    Monday-evening statement in Europe is Tuesday in Sydney). The other source is one that
    agrees on the majority's day, or without a majority the one named against it; zones
    are the records' publication times' UTC offsets, and nothing is said of an unknown one,
    nor of a republished agency story's (a dpa story a New Zealand paper prints: its words
    date in the agency's zone, which the record does not give, not in the paper's).
    Words are said before every article reporting them is out: when the first of those that
    give their moment appeared before the odd date began in one zone (the later date) or
    ended in the other (the earlier), no moment of the statement falls on two dates."""
    usual = found.usual.first
    day = found.day if found.day is not None else usual.start if usual.start == usual.end else None
    odd = found.odd.tf.ci.source
    mine = _words_zone(odd)
    if day is None or mine is None:
        return ""
    nearest = min((iv for t in by_source[odd.id] for iv in t.readings),
                  key=lambda iv: _distance(iv, day))
    shift = _distance(nearest, day) * (1 if nearest.start > day else -1)
    others = sorted(by_source) if found.day is not None else [found.usual.tf.ci.source.id]
    said_by = _first_out(by_source) if said else None
    for source in others if abs(shift) == 1 else ():
        theirs = _words_zone(by_source[source][0].tf.ci.source)
        # Ahead of them when its date is the later one: the zone explains the day, if the
        # words can have been said in the hours the two zones give two dates.
        if theirs is not None and (mine - theirs) * shift > dt.timedelta(0) and any(
                _reach(t, day) == 0 for t in by_source[source]) and (
                said_by is None or _two_dates_from(day, shift, mine, theirs) < said_by):
            return (f" ({odd.id} is published at {_utc(mine)}, {source} at {_utc(theirs)}: "
                    f"one moment falls on two dates there, and an article may date it in "
                    f"its own time zone)")
    return ""


def _words_zone(source: Source) -> dt.timedelta | None:
    """The UTC offset an article's own words date in: its publication time's, unless it
    prints another agency's story (whose zone the record does not give)."""
    if any(a.how is AgencyHow.republishes and a.id != source.outlet for a in source.agencies):
        return None
    return utc_offset(source.published.time)


def _two_dates_from(day: dt.date, shift: int, mine: dt.timedelta,
                    theirs: dt.timedelta) -> dt.datetime:
    """The first moment (UTC) that is the odd date in the odd zone and the agreed ``day``
    in the other: the odd day's midnight where it is later, else ``day``'s where it is."""
    midnight = dt.datetime.combine(day + dt.timedelta(days=max(shift, 0)), dt.time())
    return midnight - (mine if shift > 0 else theirs)


def _first_out(by_source: dict[str, list[Time]]) -> dt.datetime | None:
    """The earliest publication moment (UTC) of the block's sources that give one."""
    moments = [m for ts in by_source.values() if (m := published_utc(ts[0].tf.ci.source))]
    return min(moments, default=None)


def published_utc(source: Source) -> dt.datetime | None:
    """A record's publication moment in UTC, when its time names a zone."""
    time, offset = source.published.time, utc_offset(source.published.time)
    if time is None or offset is None or source.published.date is None:
        return None
    clock = dt.time(int(time[:2]), int(time[3:5]))
    return dt.datetime.combine(dt.date.fromisoformat(source.published.date), clock) - offset


def _utc(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
