"""Helpers for the date rules: a claim's time fields with their resolved
intervals, and the calendar dates written inside a time expression."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..corpus import ClaimInfo
from ..model import TimeSpec
from ..timeexpr import Interval, readings

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# Calendar dates as news writes them: 2021-04-12, April 12(, 2021), 12 April (2021).
WRITTEN_DATE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?",
    re.I,
)


@dataclass(frozen=True)
class TimeField:
    """One time of a claim: the 'said' time or the event time ('when')."""

    ci: ClaimInfo
    pointer: str  # sub-pointer inside the claim: /by/said or /when
    spec: TimeSpec
    interval: Interval | None  # as the corpus resolved it (explicit dates win)

    @property
    def what(self) -> str:
        return "said" if self.pointer == "/by/said" else "event"

    @property
    def anchor(self) -> dt.date | None:
        """The day the words are read from: event words from the day they were said."""
        return self.ci.published if self.what == "said" else self.ci.event_anchor

    @property
    def words(self) -> tuple[Interval, ...]:
        """Every interval the words may mean (the first is the corpus's reading). A said
        time is of a statement already made: it reads back unless its words look ahead."""
        return readings(self.spec.text, self.anchor, past=self.what == "said")

    @property
    def readings(self) -> tuple[Interval, ...]:
        """The intervals this time may be: its explicit dates, else its words' readings."""
        if self.interval is None:
            return ()
        return (self.interval,) if explicit(self.spec) else self.words


def time_fields(ci: ClaimInfo) -> Iterator[TimeField]:
    said, event = ci.claim.said_time, ci.claim.event_time
    if said is not None:
        yield TimeField(ci, "/by/said", said, ci.said)
    if event is not None:
        yield TimeField(ci, "/when", event, ci.event)


def explicit(spec: TimeSpec) -> bool:
    return bool(spec.date or spec.start or spec.end)


def written_days(text: str, anchor: dt.date | None) -> list[tuple[str, tuple[dt.date, ...]]]:
    """(words, days) for each calendar date written in ``text``: every day it may be
    (a date without a year ahead of ``anchor`` is last year's or, if planned, this
    year's), the likeliest first."""
    found = []
    for m in WRITTEN_DATE.finditer(text):
        days = tuple(iv.start for iv in readings(m.group(), anchor) if iv.start == iv.end)
        if days:
            found.append((m.group(), days))
    return found


def either(intervals: tuple[Interval, ...]) -> str:
    """'2021-04-09 or 2021-04-16'."""
    return " or ".join(iv.words() for iv in intervals)


def shown(spec: TimeSpec, interval: Interval | None,
          readings: tuple[Interval, ...] = ()) -> str:
    """'"on Monday" (2021-04-12)': the words as written and what they resolve to
    (every reading, when they may mean more than one)."""
    if interval is None:
        return f"'{spec.text}' (unresolved)"
    return f"'{spec.text}' ({either(readings) if len(readings) > 1 else interval.words()})"
