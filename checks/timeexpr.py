"""Resolve time expressions as articles write them ("on Monday", "last week",
"since the start of the year", "April 12", "in March 2014") against the
article's publication date, to a closed interval of days.

The resolver is deliberately small and predictable: it knows English news
idiom and returns ``None`` when it does not understand. News reports the past,
so an unmarked phrase is read backwards first: "on Friday" is the latest Friday
on or before the anchor, and a bare date ("April 16") that would lie more than
a day after the anchor is last year's ("in September" ahead of elections is
resolved in the anchor's year).

Tense is read from the time's own words. Words that look ahead (:func:`ahead`:
"will", "due", "scheduled", "set to", "expected to", "upcoming", "tomorrow",
"next"/"coming" before a weekday) resolve forwards: "due to meet on Friday" is
the first Friday on or after the anchor, "due on April 16" this year's.
"this Friday" is the Friday of the anchor's week (Monday to Sunday); "last
Friday" stays the latest Friday before the anchor; "next Friday" and "this
coming Friday" are the first Friday after it.

A phrase may mean more than one interval (:func:`readings`): an unmarked
weekday is also the first such day on or after the anchor (a planned meeting
"on Friday"), an unmarked bare date after the anchor also this year's, and
"next Friday" read early in a week also the Friday of the following week
(English usage differs). :func:`resolve` gives the first, likeliest reading;
the date rules fire only when no reading fits.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"  # noqa: E501
_COUNT = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_UNIT = r"(day|week|month|year)"
_RECENT_DAYS = 7
_RECENT_WEEKS = 28


@dataclass(frozen=True, order=True)
class Interval:
    start: dt.date
    end: dt.date

    def overlaps(self, other: Interval) -> bool:
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}..{self.end}"

    def words(self) -> str:
        """The interval for a reader: an open end (the calendar's first or last day, as a
        role without from/to or 'before April 12' has) is worded, not printed as year 1
        or 9999: 'until 2021-04-12', 'since 2019-05-20', 'at any time'."""
        if self.start == dt.date.min:
            return "at any time" if self.end == dt.date.max else f"until {self.end}"
        return f"since {self.start}" if self.end == dt.date.max else str(self)


def day(d: dt.date) -> Interval:
    return Interval(d, d)


def _month(year: int, month: int) -> Interval:
    return Interval(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def _year(year: int) -> Interval:
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _week_of(d: dt.date) -> Interval:
    monday = d - dt.timedelta(days=d.weekday())
    return Interval(monday, monday + dt.timedelta(days=6))


def _safe_date(year: int, month: int, dom: int) -> dt.date | None:
    try:
        return dt.date(year, month, dom)
    except ValueError:
        return None


_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)


def weekday_named(text: str) -> int | None:
    """The weekday a text names (0 = Monday), if exactly one."""
    # One compiled pattern: this runs for every time of every claim.
    found = {WEEKDAYS.index(name.lower()) for name in _WEEKDAY.findall(text)}
    return found.pop() if len(found) == 1 else None


# A resolver gives one interval, several readings (likeliest first), or None.
Found = Interval | tuple[Interval, ...] | None
Resolver = Callable[["re.Match[str]", dt.date], Found]

# Words of a time that place it after the moment of writing: a planned event.
# "next" and "coming" look ahead only before a weekday ("the next day" is narrative).
_FORWARD = re.compile(
    r"\b(?:will|shall|due|scheduled|set to|expected to|planned|upcoming|tomorrow)\b|\w'll\b"
    rf"|\b(?:next|coming)\s+(?:{'|'.join(WEEKDAYS)})\b",
    re.I,
)


def ahead(text: str) -> bool:
    """Whether the words of a time themselves place it ahead ("due to meet on Friday",
    "next Friday", "tomorrow"): a planned event, not one already reported."""
    return _FORWARD.search(text) is not None


def _iso(m: re.Match[str], a: dt.date) -> Interval | None:
    d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    return day(d) if d else None


def _month_day(m: re.Match[str], a: dt.date) -> Found:
    names = [g for g in m.groups() if g and g.lower().rstrip(".") in MONTHS]
    digits = [g for g in m.groups() if g and g.isdigit()]
    month = MONTHS[names[0].lower().rstrip(".")]
    dom = int(digits[0])
    year = int(digits[1]) if len(digits) > 1 else a.year
    d = _safe_date(year, month, dom)
    if d and len(digits) == 1 and d > a + dt.timedelta(days=1) and not ahead(m.string):
        # News reports the past: last year's first, but a planned date may be this year's.
        before = _safe_date(year - 1, month, dom)
        return (day(before), day(d)) if before else day(d)
    return day(d) if d else None


def _month_year(m: re.Match[str], a: dt.date) -> Interval | None:
    return _month(int(m[2]), MONTHS[m[1].lower().rstrip(".")])


def _bare_month(m: re.Match[str], a: dt.date) -> Interval | None:
    return _month(a.year, MONTHS[m[1].lower().rstrip(".")])


def _weekday(m: re.Match[str], a: dt.date) -> Found:
    target = WEEKDAYS.index(m[2].lower())
    word = " ".join((m[1] or "").lower().split())
    back = a - dt.timedelta(days=(a.weekday() - target) % 7)  # on or before the anchor
    on_or_after = a + dt.timedelta(days=(target - a.weekday()) % 7)
    after = on_or_after if on_or_after > a else on_or_after + dt.timedelta(days=7)
    if word == "last":
        return day(back if back < a else back - dt.timedelta(days=7))
    if word == "this":
        return day(_week_of(a).start + dt.timedelta(days=target))
    if word in ("next", "coming", "this coming", "upcoming"):
        if word == "next" and after <= _week_of(a).end:
            # Read early in a week, "next Friday" is this week's for some, next week's for others.
            return day(after), day(after + dt.timedelta(days=7))
        return day(after)
    if word in ("since", "earlier on") or back == on_or_after:
        return day(back)
    if ahead(m.string):
        return day(on_or_after)
    return day(back), day(on_or_after)


def _since_year(m: re.Match[str], a: dt.date) -> Interval | None:
    return Interval(dt.date(int(m[1]), 1, 1), a)


def _year_only(m: re.Match[str], a: dt.date) -> Interval | None:
    return _year(int(m[1]))


def _so_far_year(m: re.Match[str], a: dt.date) -> Interval | None:
    return Interval(dt.date(int(m[1]), 1, 1), a)


def _relative(kind: str) -> Resolver:
    def resolve(m: re.Match[str], a: dt.date) -> Interval | None:
        week = _week_of(a)
        table = {
            "today": day(a),
            "yesterday": day(a - dt.timedelta(days=1)),
            "tomorrow": day(a + dt.timedelta(days=1)),
            "year-start": Interval(dt.date(a.year, 1, 1), a),
            "last-week": Interval(week.start - dt.timedelta(days=7), week.start - dt.timedelta(days=1)),
            "this-week": week,
            "end-of-week": Interval(a, week.end),
            "recent-days": Interval(a - dt.timedelta(days=_RECENT_DAYS), a),
            "recent-weeks": Interval(a - dt.timedelta(days=_RECENT_WEEKS), a),
            "last-month": _month(*(a.replace(day=1) - dt.timedelta(days=1)).timetuple()[:2]),
            "last-year": _year(a.year - 1),
            "this-year": Interval(dt.date(a.year, 1, 1), a),
        }
        return table[kind]
    return resolve


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _days(count: str, unit: str) -> int:
    n = int(count) if count.isdigit() else _COUNT_WORDS.get(count.lower(), 0)
    return n * _UNIT_DAYS[unit.lower()]


def _ago(m: re.Match[str], a: dt.date) -> Interval | None:
    return day(a - dt.timedelta(days=_days(m[1], m[2])))


def _more_than_ago(m: re.Match[str], a: dt.date) -> Interval | None:
    # "more than three weeks ago": any day up to three weeks back, no earlier bound.
    return Interval(dt.date.min, a - dt.timedelta(days=_days(m[1], m[2])))


def _less_than_ago(m: re.Match[str], a: dt.date) -> Interval | None:
    return Interval(a - dt.timedelta(days=_days(m[1], m[2])), a)


def _few_ago(m: re.Match[str], a: dt.date) -> Interval | None:
    # "a few days ago": two to seven days back; "several weeks ago": two to six weeks back.
    unit = _UNIT_DAYS[m[1].lower()]
    return Interval(a - dt.timedelta(days=unit * (6 if unit > 1 else 7)),
                    a - dt.timedelta(days=unit * 2))


# Parts of a month: "the end of March" is its last ten days or so.
_PART_DAYS = {"start": (1, 10), "beginning": (1, 10), "early": (1, 10), "middle": (11, 20),
              "mid": (11, 20), "end": (21, 31), "late": (21, 31)}


def _month_part(m: re.Match[str], a: dt.date) -> Interval | None:
    whole = _month(int(m[3]) if m[3] else a.year, MONTHS[m[2].lower().rstrip(".")])
    if not m[3] and whole.start > a:  # "the end of December", read in January
        whole = _month(a.year - 1, whole.start.month)
    first, last = _PART_DAYS[m[1].lower()]
    return Interval(whole.start.replace(day=first), whole.end.replace(day=min(last, whole.end.day)))


def _within(m: re.Match[str], a: dt.date) -> Interval | None:
    n = int(m[1])
    days = n // 24 if m[2].lower().startswith("hour") else n
    return Interval(a, a + dt.timedelta(days=max(days, 0)))


# Most specific first: the first pattern that matches wins.
PATTERNS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(p, re.I), f) for p, f in (
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", _iso),
        (rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", _month_day),
        (rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", _month_day),
        (rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", _month_day),
        (rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", _month_day),
        (rf"\b(?:the\s+|in\s+)?(start|beginning|middle|end)\s+of\s+{_MONTH}(?:\s+(\d{{4}}))?\b",
         _month_part),
        (rf"\b(early|mid|late)[\s-]+{_MONTH}(?:\s+(\d{{4}}))?\b", _month_part),
        (rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b", _month_year),
        (r"\b(so far in|so far this year in|since the (?:start|beginning) of)\s+(\d{4})\b",
         lambda m, a: Interval(dt.date(int(m[2]), 1, 1), a)),
        (r"\bsince\s+(\d{4})\b", _since_year),
        (r"\bso far in\s+(\d{4})\b", _so_far_year),
        (r"\b(?:in|during|of|throughout|all of)\s+(\d{4})\b", _year_only),
        (r"\b(last|this\s+coming|this|next|coming|upcoming|on|since|earlier\s+on|late\s+on|by)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _weekday),  # noqa: E501
        (rf"\b(?:in|during|since|by|of|early|late|mid)\s+{_MONTH}\b", _bare_month),
        (r"\b(today|this morning|this afternoon|this evening|tonight)\b", _relative("today")),
        (r"\byesterday\b", _relative("yesterday")),
        (r"\btomorrow\b", _relative("tomorrow")),
        (r"\b(?:since|from) the (?:start|beginning) of (?:the|this) year\b", _relative("year-start")),
        (r"\b(?:so far )?this year\b", _relative("this-year")),
        (r"\blast week\b", _relative("last-week")),
        (r"\b(?:by )?the end of (?:this|the) week\b", _relative("end-of-week")),
        (r"\bthis week\b", _relative("this-week")),
        (r"\b(?:in|over) (?:the )?(?:recent|last|past) (?:few |several |couple of )?days\b|\blately\b|\brecently\b|\bover the past week\b|\bin recent days\b", _relative("recent-days")),  # noqa: E501
        (r"\b(?:in|over) (?:the )?(?:recent|last|past) (?:few |several |couple of )?weeks\b", _relative("recent-weeks")),  # noqa: E501
        (r"\blast month\b", _relative("last-month")),
        (r"\blast year\b", _relative("last-year")),
        (rf"\b(?:more than|over|at least|upwards of)\s+{_COUNT}\s+{_UNIT}s?\s+ago\b", _more_than_ago),
        (rf"\b(?:less than|under|fewer than|within the (?:last|past))\s+{_COUNT}\s+{_UNIT}s?(?:\s+ago)?\b",
         _less_than_ago),
        (r"\b(?:a few|several|a couple of|some)\s+(day|week)s\s+ago\b", _few_ago),
        (r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b", _ago),  # noqa: E501
        (r"\bwithin\s+(\d+)\s+(hours?|days?)\b", _within),
    )
)


def resolve(text: str, anchor: dt.date | None) -> Interval | None:
    """The interval ``text`` means, read on ``anchor`` (the publication date): its
    likeliest reading (see :func:`readings`)."""
    found = readings(text, anchor)
    return found[0] if found else None


def readings(text: str, anchor: dt.date | None, *, past: bool = False) -> tuple[Interval, ...]:
    """Every interval ``text`` may mean, read on ``anchor``, the likeliest first; empty
    when the words are not understood. ``past``: the time of something already done (a
    statement made), so readings after the anchor go, unless the words look ahead or
    no other reading is left."""
    for pattern, fn in PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        absolute = fn in (_iso, _month_year, _year_only) or (
            fn is _month_day and len([g for g in m.groups() if g and g.isdigit()]) > 1)
        if anchor is None and not absolute:
            return ()
        try:
            found = fn(m, anchor or dt.date.min)
        except (OverflowError, ValueError):
            # 'year 0', '99999999 weeks ago', 'today' read on 9999-12-31: a day beyond
            # the calendar is no day, so the phrase stays unresolved (a located I011).
            return ()
        if found is None:
            return ()
        found = (found,) if isinstance(found, Interval) else found
        if anchor is None:
            return found
        if _since(text, m):
            # "since March 26", "since the end of March", "since Monday": up to the anchor.
            found = tuple(Interval(iv.start, max(iv.end, anchor)) if iv.start <= anchor else iv
                          for iv in found)
            past = True
        if past and not ahead(text):
            found = tuple(iv for iv in found if iv.start <= anchor) or found[:1]
        return found
    return ()


_SINCE = re.compile(r"\bsince\s*$", re.I)


def _since(text: str, m: re.Match[str]) -> bool:
    """Whether the matched time is the start of a "since ..." period."""
    return bool(_SINCE.search(text[: m.start()]) or re.match(r"since\b", m.group(), re.I))
