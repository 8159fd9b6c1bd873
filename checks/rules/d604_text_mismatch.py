"""A time's words and its explicit date disagree.

Catches a *text/date mismatch*: a time given both as words and as an explicit
``date`` (or ``start``/``end``), where the words, resolved against the
publication date, mean days that do not overlap the explicit ones ("on
Monday" with date 2021-04-11 in an article of Monday 2021-04-12). The explicit
date is what the other rules use, so a slip there silently moves the claim in
time; the words are what the article says.

Checked: every ``by.said`` and ``when`` of every claim with both. Words the
resolver does not understand ("earlier", "since then") are the reason for an
explicit date and are not checked. Intervals that merely overlap ("in March"
vs 2021-03-15..2021-04-02) are not flagged.

Tense: words that may mean more than one day fire only when none of them fits.
An event "on Friday" may be the last Friday or the coming one (a planned
meeting); "due to meet on Friday" and "this coming Friday" are the coming one
(only a forward word in the time's own clause counts: not "as planned", nor
the "due" of "on Friday, before talks due next week"); "this Friday" is the
Friday of the publication's Monday-Sunday week, past when read on its
Saturday or Sunday; "last Friday" is the past one; "next Friday" is the first
Friday after publication, or the one a week later when that first Friday is
still in the publication's week; "Friday next week" is the Friday of the
following week. Words naming two weekdays ("on Monday or Tuesday") name no
single one (as D603 reads them): either fits. A said time is of a statement
already made: a bare "on Friday" there is the past Friday only, unless its
words look ahead ("will speak on Friday").

Fires:
    a#c1  published 2021-04-12, when {text: on Monday, date: 2021-04-11}
    a#c1  published Tuesday 2021-04-13, when {text: due to meet on Friday, date: 2021-04-09}

Silent:
    a#c1  published 2021-04-12, when {text: on Monday, date: 2021-04-12}
    a#c1  published Tuesday 2021-04-13, when {text: due to meet on Friday, date: 2021-04-16}
    a#c1  published Tuesday 2021-04-13, when {text: on Friday, date: 2021-04-09 or 2021-04-16}
    a#c1  said {text: earlier, end: 2021-04-12}  (words not resolvable)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..timeexpr import Interval
from ._dates import TimeField, either, explicit, time_fields

CODE = "D604"
NAME = "date.text-mismatch"
CATEGORY = "date"
SEVERITY = "warning"


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for ci in corpus.claims:
        for tf in time_fields(ci):
            # tf.interval is None when the explicit dates are themselves broken (I011).
            if not explicit(tf.spec) or tf.interval is None:
                continue
            words = tf.words
            if words and not any(iv.overlaps(tf.interval) for iv in words):
                yield _hit(tf, words, tf.interval, tf.anchor)


def _hit(tf: TimeField, readings: tuple[Interval, ...], given: Interval, day: object) -> Hit:
    ci, spec = tf.ci, tf.spec
    words = either(readings)
    field = "date" if spec.date else "start" if spec.start else "end"
    said = day != ci.published
    anchor = (f"words said on {day}" if said else f"an article of {day}") if day else \
        "an undated article"
    return Hit(
        message=f"{tf.what} time '{spec.text}' means {words} in {anchor}, but its explicit "
                f"{'date' if spec.date else 'interval'} is {given}",
        location=ci.locate(f"{tf.pointer}/{field}"), focus=ci.focus, claims=(ci.ref(),),
        key=tf.pointer,
        fix="correct the explicit date, or the words if they were mistyped; if the article's "
            "words are themselves wrong, record a reviewed finding",
        value=spec.text,
        values={"text": spec.text, "resolved": str(words), "explicit": str(given),
                "published": str(ci.published) if ci.published else None},
    )
