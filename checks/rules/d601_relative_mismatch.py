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
article's words as written and the dates they resolve to.

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
from ._common import MAX_LISTED, label, polarity, proposition
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
            yield _hit(corpus, block, by_source, late, early)


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


def _hit(corpus: Corpus, block: Block, by_source: dict[str, list[TimeField]],
         late: str, early: str) -> Hit:
    prop = label(corpus, block.key)
    subject = (f"{corpus.name(block.speaker)} saying '{prop}'" if block.what == "said"
               else f"'{prop}'")
    # Each source's words: the latest-starting and earliest-ending times first.
    first = [max(by_source[late], key=lambda tf: _iv(tf).start),
             min(by_source[early], key=lambda tf: _iv(tf).end)]
    rest = [tf for s in sorted(by_source) if s not in (late, early) for tf in by_source[s][:1]]
    ordered = (first + rest)[:MAX_LISTED]
    sides = [f"{tf.ci.focus} {shown(tf.spec, tf.interval, tf.readings)}" for tf in ordered]
    claims = [tf.ci for tfs in by_source.values() for tf in tfs][: 2 * MAX_LISTED]
    return Hit(
        message=f"sources date {subject} differently: " + ", ".join(sides),
        location=first[0].ci.locate(first[0].pointer), focus=first[0].ci.focus, block=True,
        key=block.id, claims=tuple(dict.fromkeys(c.ref() for c in claims)),
        fix="check each article's time words against its publication date; correct the "
            "record's time or record a reviewed finding if the articles disagree",
        values={"what": block.what, "proposition": list(block.key),
                "times": {tf.ci.focus: {"text": tf.spec.text, "resolved": str(tf.interval)}
                          for tf in ordered}},
    )
