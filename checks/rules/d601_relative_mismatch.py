"""Sources date the same statement or event to days that cannot both be right.

Catches a *date mismatch*: two articles report the same statement by the same
speaker (or the same event) but their time expressions, resolved against each
article's publication date, give days that do not overlap ("on Monday" in an
article of 2021-04-12 vs "on Friday" in one of 2021-04-12). Relative
expressions are where this happens: a rewrite published a day later keeps
"yesterday", or a weekday is resolved from the wrong anchor.

Blocks: a statement is (speaker, proposition, stance, negated) with a
``by.said`` time; an event is (proposition, polarity) with a ``when`` time,
for firm claims (asserts/denies) of an *event* predicate without a quantity
(states, measures and figures legitimately differ by period). Within one
article a speaker may repeat a statement, so each article's times are merged
into one span; a block fires when those spans do not all overlap (the latest
start is after the earliest end). One finding per block listing every
article's words as written and the dates they resolve to. When more articles
agree on a day (their spans contain it) than do not, the finding is located at
an article that does not (the one farthest from that day): the date to check;
otherwise the message says the sources disagree without a majority.

Tense: words that may mean more than one day ("on Friday" for an event: the
last Friday or a planned one; "next Friday") fire only when no choice of
their readings lets every article's span meet. A said time is of a statement
already made, so a bare weekday there reads back only; words that look ahead
("due to meet on Friday", "this coming Friday") read forward.

Fires:
    a#c1  alpha said "on Monday" (published 2021-04-12 -> 2021-04-12)
    b#c1  alpha said "on Friday" (published 2021-04-12 -> 2021-04-09), same proposition

Silent:
    a#c1  said "on Monday" (published 2021-04-12);  b#c1  said "yesterday" (published
          2021-04-13): both 2021-04-12
    a#c1  event "due to meet on Friday" (published Tuesday 2021-04-13 -> 2021-04-16)
    b#c1  event "on Friday" (published 2021-04-17 -> 2021-04-16 or 2021-04-23)

Options: none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import PredicateKind, Stance
from ..timeexpr import Interval
from ._common import MAX_LISTED, label, polarity, position, proposition
from ._dates import TimeField, shown, time_fields

CODE = "D601"
NAME = "date.relative-mismatch"
CATEGORY = "date"
SEVERITY = "warning"
BLOCK = proposition  # each finding depends on one proposition's claims

@dataclass(frozen=True)
class Block:
    """What must be dated alike: a statement (speaker set) or an event."""

    what: str  # "said" or "event"
    key: tuple[str, str, str]
    speaker: str = ""
    stance: str = ""  # statements: stance and negation; events: polarity

    @property
    def id(self) -> str:
        return "|".join((self.what, self.speaker, *self.key, self.stance))


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    blocks: dict[Block, list[TimeField]] = defaultdict(list)
    for ci in corpus.claims:
        for tf in time_fields(ci):
            block = _block(corpus, tf)
            if block is not None and tf.interval is not None:
                blocks[block].append(tf)
    for block, fields in blocks.items():
        by_source: dict[str, list[TimeField]] = defaultdict(list)
        for tf in fields:
            by_source[tf.ci.source.id].append(tf)
        if len(by_source) < 2:
            continue
        spans = {s: _span(tfs) for s, tfs in by_source.items()}
        late = max(spans, key=lambda s: spans[s].start)
        early = min(spans, key=lambda s: spans[s].end)
        if spans[late].start > spans[early].end and not _some_reading_meets(by_source):
            yield _hit(corpus, block, by_source, _sides(by_source, spans, late, early))


def _block(corpus: Corpus, tf: TimeField) -> Block | None:
    ci = tf.ci
    says = ci.claim.says
    if tf.what == "said":
        if ci.speaker is None:
            return None
        return Block("said", ci.key, ci.speaker, f"{says.stance.value}/{says.negated}")
    predicate = corpus.predicates.get(says.predicate)
    if (predicate is None or predicate.kind is not PredicateKind.event
            or ci.claim.quantity is not None
            or says.stance not in (Stance.asserts, Stance.denies)):
        return None
    return Block("event", ci.key, stance=str(polarity(ci)))


def _iv(tf: TimeField) -> Interval:
    assert tf.interval is not None
    return tf.interval


def _span(fields: list[TimeField]) -> Interval:
    """One source's times merged: a speaker may repeat a statement within an article."""
    return Interval(min(_iv(tf).start for tf in fields), max(_iv(tf).end for tf in fields))


def _some_reading_meets(by_source: dict[str, list[TimeField]]) -> bool:
    """Whether some choice of each time's readings gives spans with a day in common.

    Intervals on a line meet when the latest start is within every one of them, so
    only the readings' starts need trying as that common day."""
    if all(len(tf.readings) == 1 for tfs in by_source.values() for tf in tfs):
        return False  # one reading each: the spans already said no
    days = sorted({iv.start for tfs in by_source.values() for tf in tfs for iv in tf.readings})
    return any(all(_covers(tfs, day) for tfs in by_source.values()) for day in days)


def _covers(fields: list[TimeField], day: dt.date) -> bool:
    """Whether one source's span can contain ``day``: one time's reading contains it,
    or one time may start by it and another end after it."""
    if any(iv.start <= day <= iv.end for tf in fields for iv in tf.readings):
        return True
    starts = {i for i, tf in enumerate(fields) if any(iv.start <= day for iv in tf.readings)}
    ends = {i for i, tf in enumerate(fields) if any(iv.end >= day for iv in tf.readings)}
    return bool(starts and ends) and len(starts | ends) > 1


@dataclass(frozen=True)
class Sides:
    """The time to check (``odd``) and one it disagrees with (``usual``); ``day``
    is the day most articles agree on when they are a majority."""

    odd: TimeField
    usual: TimeField
    day: dt.date | None
    agree: int


def _sides(by_source: dict[str, list[TimeField]], spans: dict[str, Interval],
           late: str, early: str) -> Sides:
    day, agree = _busiest_day(spans)
    if 2 * len(agree) > len(spans):
        odd = max((s for s in sorted(spans) if s not in agree),
                  key=lambda s: _distance(spans[s], day))
        before = spans[odd].end < day  # the outlier's time farthest from the day
        far = (min(by_source[odd], key=lambda tf: _iv(tf).end) if before
               else max(by_source[odd], key=lambda tf: _iv(tf).start))
        # An agreeing article's span holds the day; its own times may only surround it.
        near = min(by_source[min(agree)], key=lambda tf: _distance(_iv(tf), day))
        return Sides(far, near, day, len(agree))
    # No majority: the latest-starting time against the earliest-ending one.
    return Sides(max(by_source[late], key=lambda tf: _iv(tf).start),
                 min(by_source[early], key=lambda tf: _iv(tf).end), None, len(agree))


def _busiest_day(spans: dict[str, Interval]) -> tuple[dt.date, set[str]]:
    """The first day the most articles' spans contain, and those articles: one sweep
    over the spans' ends (a span's first day counts before any span closes on it)."""
    events = sorted([(iv.start, 0) for iv in spans.values()]
                    + [(iv.end, 1) for iv in spans.values()])
    open_, best, day = 0, 0, events[0][0]
    for when, kind in events:
        open_ += 1 if kind == 0 else -1
        if kind == 0 and open_ > best:
            best, day = open_, when
    return day, {s for s, iv in spans.items() if iv.start <= day <= iv.end}


def _distance(iv: Interval, day: dt.date) -> int:
    return max((iv.start - day).days, (day - iv.end).days)


def _subject(corpus: Corpus, block: Block) -> str:
    """What is dated, worded as the conflict rules word a proposition and a stance."""
    prop = label(corpus, block.key)
    if block.what == "said":
        stance, negated = block.stance.split("/")
        words = position(Stance(stance), negated == "True")
        return f"{corpus.name(block.speaker)}'s statement on '{prop}' ({words})"
    return f"the event '{prop}'" if block.stance == "1" else f"the denial of '{prop}'"


def _hit(corpus: Corpus, block: Block, by_source: dict[str, list[TimeField]],
         found: Sides) -> Hit:
    # Each source's words: the time to check and the one it disagrees with first.
    first = [found.odd, found.usual]
    taken = {tf.ci.source.id for tf in first}
    rest = [tf for s in sorted(by_source) if s not in taken for tf in by_source[s][:1]]
    ordered = (first + rest)[:MAX_LISTED]
    sides = [f"{tf.ci.focus} {shown(tf.spec, tf.interval, tf.readings)}" for tf in ordered]
    verdict = (f"; {found.agree} of {len(by_source)} sources agree on {found.day}"
               if found.day is not None else "; the sources disagree without a majority")
    claims = [found.odd.ci, *(tf.ci for tfs in by_source.values() for tf in tfs)]
    return Hit(
        message=f"sources date {_subject(corpus, block)} differently: " + ", ".join(sides)
                + verdict,
        location=found.odd.ci.locate(found.odd.pointer), focus=found.odd.ci.focus, block=True,
        key=block.id, claims=tuple(dict.fromkeys(c.ref() for c in claims[: 2 * MAX_LISTED])),
        fix="check each article's time words against its publication date; correct the "
            "record's time or record a reviewed finding if the articles disagree",
        values={"what": block.what, "proposition": list(block.key),
                "times": {tf.ci.focus: {"text": tf.spec.text, "resolved": str(tf.interval)}
                          for tf in ordered}},
    )
