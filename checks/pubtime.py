"""The publication time a `new` article's own stamp states, as ``published.time`` wants it.

A stamp is a line of its own made of a date or time and the closed class of words around
one (:func:`checks.extract.is_stamp`): "Published: 1:47pm, 13 Apr, 2021", "12.04.2021
16:20", "Updated: Apr 13, 2021 07:48 IST", "12 April 2021, 18:05 GMT+3". The first clock
time of the first such line is the publication's (a later one is an update); its zone, when
the stamp names one, becomes a UTC offset. A zone whose abbreviation means two offsets
(CST: China or the US Central; IST: India, Ireland or Israel) is left out rather than
guessed: the curator writes the offset. A US zone written without standard or daylight
("6:48 PM ET", as NPR and others stamp) takes the offset the stamp's date has, when the
article's date is known; on the two days the clocks change it is left out too.
"""

from __future__ import annotations

import datetime as dt
import re

from .extract import is_stamp

# Standard abbreviations with one meaning (a closed class, not any article's words).
ZONES = {"UTC": "Z", "GMT": "Z", "Z": "Z", "WET": "+00:00", "BST": "+01:00", "WEST": "+01:00",
         "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
         "HKT": "+08:00", "SGT": "+08:00", "JST": "+09:00", "KST": "+09:00",
         "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00",
         "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
         "PST": "-08:00", "PDT": "-07:00"}
# US zones written without standard or daylight time: the standard offset in hours
US_ZONES = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}
# "1:47pm", "16:20", "17.32 Uhr"; not a piece of the date "12.04.2021"
_CLOCK = re.compile(r"(?<![\d.:])(\d{1,2})[:.](\d{2})(?![\d.:]\d)(?:\s*([ap])\.?\s?m\b\.?)?",
                    re.I)
_ZONE = re.compile(r"\s*,?\s*\(?\b(?P<name>[A-Z]{1,4})\b(?:\s*(?P<sign>[+-−])\s*(?P<h>\d{1,2})"
                   r"(?::?(?P<m>\d{2}))?)?")
MAX_LINES = 400  # a stamp is near the top; a long text's body is not read for one


def published_time(text: str, date: dt.date | None = None) -> str | None:
    """HH:MM with its offset when the stamp gives one, or None when no stamp has a time.
    ``date`` is the article's (local) date, which says whether "ET" is EST or EDT."""
    for line in text.splitlines()[:MAX_LINES]:
        line = line.strip()
        if not line or not is_stamp(line):
            continue
        clock = next((c for c in _CLOCK.finditer(line) if _valid(c)), None)
        if clock is not None:
            return _hhmm(clock) + _offset(line, clock.end(), date)
    return None


def _valid(clock: re.Match[str]) -> bool:
    hour, minute = int(clock[1]), int(clock[2])
    return minute < 60 and (1 <= hour <= 12 if clock[3] else hour < 24)


def _hhmm(clock: re.Match[str]) -> str:
    hour = int(clock[1]) % 12 if clock[3] else int(clock[1])
    if clock[3] and clock[3].lower() == "p":
        hour += 12
    return f"{hour:02d}:{clock[2]}"


def _offset(line: str, at: int, date: dt.date | None = None) -> str:
    zone = _ZONE.match(line, at)
    if zone is not None and zone["name"] in US_ZONES and not zone["sign"]:
        return _us_offset(US_ZONES[zone["name"]], date)
    if zone is None or zone["name"] not in ZONES:
        return ""
    if zone["sign"] and zone["name"] in ("UTC", "GMT"):  # "GMT+3": the offset written out
        sign = "-" if zone["sign"] in "-−" else "+"
        hours, minutes = int(zone["h"]), int(zone["m"] or 0)
        if hours > 14 or minutes >= 60:
            return ""
        return f"{sign}{hours:02d}:{minutes:02d}" if hours or minutes else "Z"
    return ZONES[zone["name"]]


def _us_offset(standard: int, date: dt.date | None) -> str:
    """The offset of a US zone on ``date``: daylight time (one hour more) from the second
    Sunday in March to the first Sunday in November (the rule since 2007); "" with no date,
    before 2007, or on a day the clocks change (the stamp's hour may fall either side)."""
    if date is None or date.year < 2007:
        return ""
    start = _nth_sunday(date.year, 3, 2)
    end = _nth_sunday(date.year, 11, 1)
    if date in (start, end):
        return ""
    hours = standard + (1 if start < date < end else 0)
    return f"-{-hours:02d}:00"


def _nth_sunday(year: int, month: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
