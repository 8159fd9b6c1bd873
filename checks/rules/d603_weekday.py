"""A time names a weekday that its own date does not fall on.

Catches a *weekday mismatch*: a time expression names a weekday ("on Monday",
"Monday, April 13") and the date it is tied to, either its explicit ``date``
or a calendar date written in the same words, falls on another weekday. One of
the two is wrong, and a reader cannot tell which; a wrong weekday also shifts
every relative date resolved from it.

Checked: every ``by.said`` and ``when`` of every claim. A date written without
a year takes the publication year; one that would lie more than a day after
publication is last year's or, for a planned event, this year's ("due to meet
on Friday, April 16" in an article of Tuesday 2021-04-13), and is wrong only
when neither falls on the weekday. With no publication date such a date is
not checked. A day of the month written after the weekday without a month ("Friday
9th", "Monday the 12th") may be of the publication month or the one before or after
it, and is wrong only when none of those falls on the weekday; a dotted date
("02.04.2021") is day first. A text naming two weekdays in one clause ("Monday or Tuesday",
"Monday - Friday") names none (D604 reads it as either day); a weekday of
another clause is of another time ("on Monday, after Friday's vote" names
Monday: ``timeexpr.weekday_named``).
One slip is one finding: the claims of one article whose time gives the same words the
same wrong reading (a quote's claim carrying the 'said' of the paraphrase before it) are
listed in one finding, located at the first.

Fires:
    a#c1  when {text: on Monday, date: 2021-04-11}   (a Sunday)
    a#c1  said "Monday, April 13"  (2021-04-13 is a Tuesday)
    a#c1  when {text: "on Monday, after Friday's vote", date: 2021-04-09}  (a Friday)
    a#c1  published 2021-04-12, when "on Friday 10th"  (the 10th of March, April or
          May 2021 is no Friday)
    a#c1, a#c2  said "on Monday (13 April)" both (one finding naming both claims)

Silent:
    a#c1  said {text: on Monday, date: 2021-04-12}  (a Monday)
    a#c1  published 2021-04-13, when "Friday, April 16"  (2021-04-16, a Friday)
    a#c1  said "on Monday" (no date to disagree with)
    a#c1  published 2021-04-12, when "on Friday 9th"  (2021-04-09, a Friday)

Options: none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..timeexpr import WEEKDAYS, weekday_named
from ._dates import TimeField, time_fields, written_days

CODE = "D603"
NAME = "date.weekday"
CATEGORY = "date"
SEVERITY = "error"


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    # One slip is one finding: claims of one article giving the same words the same
    # wrong reading (a quote's claim copying its paraphrase's 'said') are listed together.
    slips: dict[tuple[str, str, int, tuple[tuple[str, dt.date], ...]], list[TimeField]] = {}
    for ci in corpus.claims:
        for tf in time_fields(ci):
            named = weekday_named(tf.spec.text)
            if named is None:
                continue
            # A date is wrong when none of the days it may be falls on the weekday.
            wrong = tuple((words, days[0]) for words, days in _dates(tf)
                          if all(d.weekday() != named for d in days))
            if wrong:
                slips.setdefault((ci.source.id, tf.spec.text, named, wrong), []).append(tf)
    for (_, _, named, wrong), fields in slips.items():
        yield _hit(fields, named, list(wrong))


def _dates(tf: TimeField) -> list[tuple[str, tuple[dt.date, ...]]]:
    """(where it is written, the days it may be) for the explicit date and each date
    in the text."""
    found = written_days(tf.spec.text, tf.ci.published)
    if tf.spec.date:
        found.insert(0, ("date", (dt.date.fromisoformat(tf.spec.date),)))
    return found


def _day(i: int) -> str:
    return WEEKDAYS[i].capitalize()


def _hit(fields: list[TimeField], named: int, wrong: list[tuple[str, dt.date]]) -> Hit:
    tf = fields[0]
    ci, spec = tf.ci, tf.spec
    parts = [f"{'its date' if w == 'date' else repr(w)} ({d}) is a {_day(d.weekday())}"
             for w, d in wrong]
    sub = tf.pointer + ("/date" if wrong[0][0] == "date" else "")
    return Hit(
        message=f"{tf.what} time '{spec.text}' names a {_day(named)}, but "
                + "; ".join(parts),
        location=ci.locate(sub), focus=ci.focus,
        claims=tuple(f.ci.ref() for f in fields), key=tf.pointer,
        fix="check the article: correct the date or the weekday in the record; if the article "
            "itself is inconsistent, record a reviewed finding",
        value=spec.text,
        values={"text": spec.text, "weekday": _day(named),
                "dates": {str(d): _day(d.weekday()) for _, d in wrong}},
    )
