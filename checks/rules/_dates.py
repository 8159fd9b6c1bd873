"""Helpers for the date rules: a claim's time fields with their resolved
intervals, and the calendar dates written inside a time expression."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..corpus import ClaimInfo
from ..model import TimeSpec
from ..timeexpr import Interval, resolve

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


def time_fields(ci: ClaimInfo) -> Iterator[TimeField]:
    said, event = ci.claim.said_time, ci.claim.event_time
    if said is not None:
        yield TimeField(ci, "/by/said", said, ci.said)
    if event is not None:
        yield TimeField(ci, "/when", event, ci.event)


def explicit(spec: TimeSpec) -> bool:
    return bool(spec.date or spec.start or spec.end)


def written_dates(text: str, anchor: dt.date | None) -> list[tuple[str, dt.date]]:
    """(words, date) for each calendar date written in ``text``, read on ``anchor``
    (a date without a year takes the anchor's, like the resolver does)."""
    found = []
    for m in WRITTEN_DATE.finditer(text):
        iv = resolve(m.group(), anchor)
        if iv is not None and iv.start == iv.end:
            found.append((m.group(), iv.start))
    return found


def shown(spec: TimeSpec, interval: Interval | None) -> str:
    """'"on Monday" (2021-04-12)': the words as written and what they resolve to."""
    return f"'{spec.text}' ({interval if interval is not None else 'unresolved'})"
