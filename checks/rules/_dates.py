"""Helpers for the date rules: a claim's time fields with their resolved
intervals, and the calendar dates written inside a time expression."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..corpus import ClaimInfo
from ..model import Stance, TimeSpec
from ..timeexpr import Interval, readings

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# Calendar dates as news writes them: 2021-04-12, April 12(, 2021), 12 April (2021).
WRITTEN_DATE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b"
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
        time is of a statement already made: it reads back unless its words look ahead;
        a forecast's event (stance expects) reads ahead, as the corpus reads it."""
        forecast = self.what == "event" and self.ci.claim.says.stance is Stance.expects
        return readings(self.spec.text, self.anchor, past=self.what == "said", ahead=forecast)

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


# A weekday with its day of the month and no month ("Monday 12th", "Friday the 9th"), as
# British and translated news writes it; with a month the date above is read instead.
DAY_OF_WEEKDAY = re.compile(
    rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?"
    rf"(\d{{1,2}})(?:st|nd|rd|th)\b(?!,?\s+(?:of\s+)?{_MONTH}(?![a-z]))",
    re.I,
)


def written_days(text: str, anchor: dt.date | None) -> list[tuple[str, tuple[dt.date, ...]]]:
    """(words, days) for each calendar date written in ``text``: every day it may be
    (a date without a year ahead of ``anchor`` is last year's or, if planned, this
    year's), the likeliest first. A day of the month written after a weekday, without a
    month, may be of the anchor's month or the one before or after it."""
    found = []
    for m in WRITTEN_DATE.finditer(text):
        days = tuple(iv.start for iv in readings(m.group(), anchor) if iv.start == iv.end)
        if days:
            found.append((m.group(), days))
    for m in DAY_OF_WEEKDAY.finditer(text):
        if anchor is not None and (days := _nearby_months(anchor, int(m[1]))):
            found.append((m.group(), days))
    return found


def _nearby_months(anchor: dt.date, dom: int) -> tuple[dt.date, ...]:
    """Day ``dom`` of the anchor's month, then of the months before and after it, where
    such a day exists."""
    days = []
    for shift in (0, -1, 1):
        month = anchor.month + shift
        year, month = anchor.year + (month - 1) // 12, (month - 1) % 12 + 1
        try:
            days.append(dt.date(year, month, dom))
        except ValueError:
            continue  # no 31st in April; nor a year beyond the calendar
    return tuple(days)


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


def utc_offset(time: str | None) -> dt.timedelta | None:
    """The UTC offset of a publication time ("06:02+10:00": ten hours), if it gives one."""
    if time is None or len(time) < 6 or time[-6] not in "+-":
        return dt.timedelta(0) if time is not None and time.endswith("Z") else None
    sign = 1 if time[-6] == "+" else -1
    return sign * dt.timedelta(hours=int(time[-5:-3]), minutes=int(time[-2:]))
