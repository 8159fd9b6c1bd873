"""Resolve time expressions as articles write them ("on Monday", "last week",
"since the start of the year", "April 12", "in March 2014", "12.04.2021": day
first) against the article's publication date, to a closed interval of days.

The resolver is deliberately small and predictable: it knows English news
idiom and returns ``None`` when it does not understand. News reports the past,
so an unmarked phrase is read backwards first: "on Friday" is the latest Friday
on or before the anchor, and a bare date ("April 16") that would lie more than
a day after the anchor is last year's ("in September" ahead of elections is
resolved in the anchor's year).

Tense is read from the time's own words: the clause holding the time
expression, up to a word that opens another ("before", "after", "while",
"but", ...; "on Friday, before talks due next week" does not look ahead).
Words that look ahead (:func:`ahead`: "will", "due", "scheduled", "set to",
"expected to", "planned for", "upcoming", "tomorrow", "next"/"coming" before a
weekday, "Friday next week"; not "as planned") resolve forwards: "due to meet
on Friday" is the first Friday on or after the anchor, "due on April 16" this
year's. "this Friday" is the Friday of the anchor's week (Monday to Sunday),
on that week's Sunday too; "last Friday" stays the latest Friday before the
anchor; "next Friday" and "this coming Friday" are the first Friday after it;
"Friday next week" (or last week, this week) is the Friday of that week.
"Earlier this week" (or month) ends on the anchor; "last night" is the day before it
and "overnight" that day or the anchor's; "next week" (month, year) is the calendar's
one after the anchor's (not "the next week" of a narrative); "later this week" (year) runs
from the anchor to its end ("this year" alone is the year so far); "in the coming days"
(weeks, months) and "over the next few days" reach ahead as "in recent days" (weeks) reach
back (months: half a year), "in the next two weeks" as far; "over the weekend" is the
latest Saturday and Sunday up to it; "in the past 24 hours" the days the hours
touch; "has ignored it for more than a week" (a state lasting up to the anchor: the perfect
tense, or the duration written alone) the week up to it; :func:`onset` says when such a
state began (on or before the week's first day), the date rules' day of an event kept up
as a state. "Two weeks ago" (months, years; and "for two weeks" of a state) is a round
figure: the day two weeks back, give or take two days (a week for months, a month for
years); "ten days ago" is that day. Steps from a time are taken in
turn: "the day before the day after tomorrow" is tomorrow, "two days after April 12" April
14, "a week from Friday" each Friday's reading moved a week.

A phrase may mean more than one interval (:func:`readings`): an unmarked
weekday is also the first such day on or after the anchor (a planned meeting
"on Friday"), an unmarked bare date (or range of days, "December 20-22") after
the anchor also this year's, and
"next Friday" read early in a week also the Friday of the following week
(English usage differs); a text naming several weekdays in one clause ("on
Monday or Tuesday") may be any of them, so no single weekday is taken. A weekday
of another clause is of another time ("on Monday, after Friday's vote" is a
Monday). :func:`resolve`
gives the first, likeliest reading; the date rules fire only when no reading
fits.

No reading is invented: a year-less February 29 in a common year is last
year's (or, planned, next year's) when that year is a leap year, else
unresolved (I011); "since 2030" in a 2021 article is unresolved, never an
interval that ends before it starts; on the calendar's first and last days a
reading beyond it is dropped, the others kept ("on Friday" read on
0001-01-01 is its first Friday).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
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
    """The weekday a text names (0 = Monday), if exactly one in the clause of the first
    (as :func:`readings` reads them: "on Monday, after Friday's vote" names Monday)."""
    # One compiled pattern: this runs for every time of every claim.
    first = _WEEKDAY.search(text)
    if first is None:
        return None
    _, end = _clause(first, ranges=True)
    found = {WEEKDAYS.index(name.lower()) for name in _WEEKDAY.findall(text, first.start(), end)}
    return found.pop() if len(found) == 1 else None


# A resolver gives one interval, several readings (likeliest first), or None.
Found = Interval | tuple[Interval, ...] | None
Resolver = Callable[["re.Match[str]", dt.date], Found]

# Words of a time that place it after the moment of writing: a planned event.
# "next" and "coming" look ahead only before a weekday, or as "next week" (month, year)
# without "the" ("the next day", "the next week he resigned" are narrative);
# "planned" only before what is planned ("as planned" says it went to plan); "due to"
# before a determiner or pronoun is "because of" ("due to the fighting, on Friday").
_FORWARD = re.compile(
    r"\b(?:will|shall|due(?!\s+to\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|"
    r"my|your|what|which|it|them|him|us|me)\b)|scheduled|set to|expected to|"
    r"planned (?:for|to)|upcoming|tomorrow)\b"
    rf"|\w'll\b|\b(?:next|coming)\s+(?:{'|'.join(WEEKDAYS)})\b"
    r"|(?<!\bthe\s)\bnext\s+(?:week|month|year)\b"
    r"|\bthe\s+coming\s+(?:few\s+|several\s+)?(?:days|weeks|months)\b"
    rf"|\b(?:{'|'.join(WEEKDAYS)}),?\s+next\s+week\b",
    re.I,
)
# Words that open another clause: a forward word beyond one is of another time
# ("on Friday, before talks due next week"). Relative words ("when", "which") are not
# among them: their clause tells of the time itself ("on Friday, when they will meet").
_CLAUSE = re.compile(
    r"[;()\u2013\u2014]|\s-\s|\b(?:before|after|ahead of|following|while|whereas|because|"
    r"but|although|though|until|unless)\b", re.I)


def ahead(text: str) -> bool:
    """Whether the words of a time themselves place it ahead ("due to meet on Friday",
    "next Friday", "tomorrow"): a planned event, not one already reported. Only the
    clause of the time expression counts (the first the resolver understands), so
    "on Friday, before talks due next week" does not look ahead."""
    for pattern, _ in PATTERNS:
        m = pattern.search(text)
        if m is not None:
            return _ahead(m)
    return _FORWARD.search(text) is not None


def _ahead(m: re.Match[str]) -> bool:
    """Whether the clause holding the matched time has words that look ahead."""
    return _forward(m.string, *_clause(m))


# A text naming a weekday hundreds of times ("Friday, Friday, ...") asks for the clause
# and its forward words once per weekday: remembering a text's clause breaks and each
# clause's answer keeps that linear (it was quadratic, about a second per 5,000-character
# time, so a record of a few hundred such claims took minutes).
@functools.lru_cache(maxsize=64)
def _forward(text: str, start: int, end: int) -> bool:
    return _FORWARD.search(text, start, end) is not None


@functools.lru_cache(maxsize=64)
def _breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """The starts, ends and words of the clause-opening words of ``text``, in order."""
    found = list(_CLAUSE.finditer(text))
    return (tuple(b.start() for b in found), tuple(b.end() for b in found),
            tuple(b.group() for b in found))


def _clause(m: re.Match[str], ranges: bool = False) -> tuple[int, int]:
    """The bounds of the clause holding the matched time: from the word opening it
    up to the next such word (or the text's ends). ``ranges``: a dash before a
    weekday joins a range ("Monday \u2013 Friday"), not another clause."""
    starts, ends, words = _breaks(m.string)
    before = bisect.bisect_right(ends, m.start())
    # The clause's opening word belongs to it ("when they will").
    start = starts[before - 1] if before else 0
    for i in range(bisect.bisect_left(starts, m.end()), len(starts)):
        if ranges and words[i].strip() in _DASHES and _WEEKDAY_AT.match(m.string, ends[i]):
            continue
        return start, starts[i]
    return start, len(m.string)


_DASHES = ("-", "\u2013", "\u2014")
_WEEKDAY_AT = re.compile(rf"\s*(?:{'|'.join(WEEKDAYS)})\b", re.I)


def _iso(m: re.Match[str], a: dt.date) -> Interval | None:
    d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    return day(d) if d else None


def _dotted(m: re.Match[str], a: dt.date) -> Interval | None:
    # Day first: dots with a four-digit year are how European outlets write dates
    # ("02.04.2021" is 2 April); American month-first dates are written with slashes.
    d = _safe_date(int(m[3]), int(m[2]), int(m[1]))
    return day(d) if d else None


def _slashed(m: re.Match[str], a: dt.date) -> Found:
    """'12/04/2021' is 12 April day first and 4 December month first: both, the one not
    after the anchor first (news reports the past), else day first. Two-digit years are
    this century's ('12/04/21')."""
    year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
    both = [d for d in (_safe_date(year, int(m[2]), int(m[1])), _safe_date(year, int(m[1]), int(m[2])))
            if d is not None]
    both = sorted(dict.fromkeys(both), key=lambda d: d > a)
    return tuple(day(d) for d in both) or None


def _day_range(m: re.Match[str], a: dt.date) -> Found:
    """'April 12-13', '12 and 13 April', 'April 12 to 13, 2021': the days from the first
    to the last, the first read as :func:`_month_day` reads a single day (so a bare
    range after the anchor is last year's, or, this year's too)."""
    names = [g for g in m.groups() if g and g.lower().rstrip(".") in MONTHS]
    first, last, year = (int(g) if g else None for g in (m["first"], m["last"], m["year"]))
    if first is None or last is None or not first < last:
        return None
    month = MONTHS[names[0].lower().rstrip(".")]
    found = [Interval(start, end) for start in _dates(year or a.year, month, first, a,
                                                      year is None, m)
             if (end := _safe_date(start.year, month, last)) is not None]
    return tuple(found) or None


def _dates(year: int, month: int, dom: int, a: dt.date, bare: bool,
           m: re.Match[str]) -> tuple[dt.date, ...]:
    """The days a month and day of ``year`` may be, the likeliest first: the one rule of a
    single date and of a range's first day. A date without a year (``bare``) more than
    a day after the anchor is last year's first (news reports the past), then this
    year's (a planned date); a planned one (words that look ahead) only this year's.
    February 29 of a common year is last year's (or, planned, next year's) when that is
    a leap year; one further off is not what a date without a year means."""
    d = _safe_date(year, month, dom)
    if not bare:
        return (d,) if d else ()
    if d is None:
        other = _safe_date(year + 1 if _ahead(m) else year - 1, month, dom)
        return (other,) if other else ()
    if d > a + dt.timedelta(days=1) and not _ahead(m):
        # A weekday named with it says which ("Friday, April 16" of 2021, not 2020's Thursday).
        before = _safe_date(year - 1, month, dom)
        return _on_named_weekday(m, (before, d) if before else (d,))
    return (d,)


def _month_day(m: re.Match[str], a: dt.date) -> Found:
    names = [g for g in m.groups() if g and g.lower().rstrip(".") in MONTHS]
    digits = [g for g in m.groups() if g and g.isdigit()]
    month = MONTHS[names[0].lower().rstrip(".")]
    year = int(digits[1]) if len(digits) > 1 else a.year
    return _on(*_dates(year, month, int(digits[0]), a, len(digits) == 1, m))


def _on_named_weekday(m: re.Match[str], days: tuple[dt.date, ...]) -> tuple[dt.date, ...]:
    """The ``days`` that fall on the one weekday named in the clause of the matched
    date, when some do; else all of them (a wrong weekday is D603's to report, and
    the date alone keeps its readings)."""
    start, end = _clause(m, ranges=True)
    named = {name.lower() for name in _WEEKDAY.findall(m.string, start, end)}
    if len(named) != 1:
        return days
    weekday = WEEKDAYS.index(named.pop())
    return tuple(d for d in days if d.weekday() == weekday) or days


def _month_year(m: re.Match[str], a: dt.date) -> Interval | None:
    return _month(int(m[2]), MONTHS[m[1].lower().rstrip(".")])


def _bare_month(m: re.Match[str], a: dt.date) -> Interval | None:
    """'in July': the anchor year's July ("elections in September" are this year's). A
    period "since July" starts before the anchor: read in April, it is last year's July."""
    month = MONTHS[m[1].lower().rstrip(".")]
    this = _month(a.year, month)
    if this.start > a and a.year > dt.MINYEAR and _since(m.string, m):
        return _month(a.year - 1, month)
    return this


def _shift(d: dt.date, days: int) -> dt.date | None:
    """``d`` moved by ``days``, or None beyond the calendar."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def _on(*days: dt.date | None) -> Found:
    """The readings that are days of the calendar: on its first or last days a reading
    beyond it is dropped, not the phrase."""
    found = tuple(day(d) for d in days if d is not None)
    return found or None


def _weekday(m: re.Match[str], a: dt.date) -> Found:
    target = WEEKDAYS.index(m[2].lower())
    word = " ".join((m[1] or "").lower().split())
    offset = (target - a.weekday()) % 7  # to the first such day on or after the anchor
    if word == "last":
        return _on(_shift(a, offset - 7))
    if word == "this":
        return _on(_shift(a, target - a.weekday()))
    if word in ("next", "coming", "this coming", "upcoming"):
        after = offset or 7
        if word == "next" and after <= 6 - a.weekday():
            # Read early in a week, "next Friday" is this week's for some, next week's for others.
            return _on(_shift(a, after), _shift(a, after + 7))
        return _on(_shift(a, after))
    back = _shift(a, offset - 7 if offset else 0)
    if word in ("since", "earlier on") or offset == 0:
        return _on(back)
    if _ahead(m):
        return _on(_shift(a, offset))
    return _on(back, _shift(a, offset))


def _weekday_of_week(m: re.Match[str], a: dt.date) -> Found:
    """"Friday next week": the Friday of the week (Monday to Sunday) after the anchor's;
    "Friday last week" the one before; "Friday this week" the anchor's own."""
    weeks = {"next": 1, "last": -1, "this": 0}[m[2].lower()]
    return _on(_shift(a, WEEKDAYS.index(m[1].lower()) - a.weekday() + 7 * weeks))


def _since_year(m: re.Match[str], a: dt.date) -> Interval | None:
    """'since 2014', 'so far in 2021': from the year's first day up to the anchor. A
    year after the anchor's ('since 2030' in 2021) is no period: unresolved (I011), not
    an interval that ends before it starts."""
    start = dt.date(int(m[m.lastindex or 1]), 1, 1)
    return Interval(start, a) if start <= a else None


def _year_only(m: re.Match[str], a: dt.date) -> Interval | None:
    return _year(int(m[1]))


def _relative(kind: str) -> Resolver:
    def resolve(m: re.Match[str], a: dt.date) -> Interval | None:
        # Only the asked one is computed: on the calendar's last day 'today' is a day,
        # though 'tomorrow' is not.
        return _RELATIVE[kind](a)
    return resolve


_RELATIVE: dict[str, Callable[[dt.date], Interval]] = {
    "today": day,
    "yesterday": lambda a: day(a - dt.timedelta(days=1)),
    "tomorrow": lambda a: day(a + dt.timedelta(days=1)),
    "day-before-yesterday": lambda a: day(a - dt.timedelta(days=2)),
    "day-after-tomorrow": lambda a: day(a + dt.timedelta(days=2)),
    "year-start": lambda a: Interval(dt.date(a.year, 1, 1), a),
    "last-week": lambda a: _week_of(a - dt.timedelta(days=7)),
    "this-week": _week_of,
    # "earlier this week": of the week, but not after the day it is written.
    "week-so-far": lambda a: Interval(_week_of(a).start, a),
    "month-so-far": lambda a: Interval(a.replace(day=1), a),
    "this-month": lambda a: _month(a.year, a.month),
    "rest-of-month": lambda a: Interval(a, _month(a.year, a.month).end),
    "past-month": lambda a: Interval(a - dt.timedelta(days=30), a),
    "end-of-week": lambda a: Interval(a, _week_of(a).end),
    "recent-days": lambda a: Interval(a - dt.timedelta(days=_RECENT_DAYS), a),
    "recent-weeks": lambda a: Interval(a - dt.timedelta(days=_RECENT_WEEKS), a),
    "last-month": lambda a: _month(*(a.replace(day=1) - dt.timedelta(days=1)).timetuple()[:2]),
    "last-year": lambda a: _year(a.year - 1),
    # A morning paper's "last night" is the evening before; "overnight" the night running
    # into the day it is written, so either day.
    "overnight": lambda a: Interval(a - dt.timedelta(days=1), a),
    "next-week": lambda a: _week_of(a + dt.timedelta(days=7)),
    "next-month": lambda a: _month(*(_month(a.year, a.month).end + dt.timedelta(days=1)).timetuple()[:2]),
    "next-year": lambda a: _year(a.year + 1),
    "rest-of-year": lambda a: Interval(a, dt.date(a.year, 12, 31)),
    "coming-week": lambda a: Interval(a, a + dt.timedelta(days=_RECENT_DAYS)),
    "this-year": lambda a: Interval(dt.date(a.year, 1, 1), a),
}


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _days(count: str, unit: str) -> int:
    n = int(count) if count.isdigit() else _COUNT_WORDS.get(count.lower(), 0)
    return n * _UNIT_DAYS[unit.lower()]


# How far either side of its count a round unit back may fall: news writes "two weeks
# ago" of a day 12 or 16 days back, and "a month ago" of one five weeks back; a count
# of days is exact.
_ROUND_SLACK = {"day": 0, "week": 2, "month": 7, "year": 30}


def _ago(m: re.Match[str], a: dt.date) -> Interval | None:
    return _around(a, _days(m[1], m[2]), m[2])


def _around(a: dt.date, days: int, unit: str) -> Interval | None:
    """The days ``days`` back from ``a``, give or take the unit's slack (None beyond
    the calendar)."""
    slack = _ROUND_SLACK[unit.lower()]
    last = _shift(a, min(slack - days, 0))
    if last is None:
        return None
    return Interval(_shift(a, -days - slack) or dt.date.min, last)


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


def _weekend(m: re.Match[str], a: dt.date) -> Interval | None:
    """'at the weekend', 'over the (past) weekend', 'this past weekend': the latest
    Saturday and Sunday up to the anchor (read on a Saturday, that day); 'last weekend'
    read at a weekend is the one before; words that look ahead ("will meet at the
    weekend") mean the first Saturday and Sunday from the anchor on. On the calendar's
    first or last days, what of the weekend the calendar holds."""
    words = m[0].lower()
    last = words.startswith("last")
    if _ahead(m) and not last and "past" not in words:
        saturday = _shift(a, (5 - a.weekday()) % 7)
        return None if saturday is None else Interval(saturday, _shift(saturday, 1) or saturday)
    before = 7 if last and a.weekday() >= 5 else 0
    saturday = _shift(a, -((a.weekday() - 5) % 7 + before)) or dt.date.min
    return Interval(saturday, min(_shift(saturday, 1) or saturday, a))


def _past_hours(m: re.Match[str], a: dt.date) -> Interval | None:
    """"In the past 24 hours": the days those hours touch, the anchor's the last."""
    back = _shift(a, -((int(m[1]) + 23) // 24)) if len(m[1]) < 7 else None
    return Interval(back, a) if back is not None else None


def _part_of_last_week(m: re.Match[str], a: dt.date) -> Interval:
    week = _week_of(a - dt.timedelta(days=7))
    if m[1].lower() == "early":
        return Interval(week.start, week.start + dt.timedelta(days=2))
    return Interval(week.start + dt.timedelta(days=3), week.end)


def _past_day(m: re.Match[str], a: dt.date) -> Interval | None:
    """"Over the past day": the past 24 hours, the days they touch."""
    back = _shift(a, -1)
    return Interval(back, a) if back is not None else None


# A state lasting up to the time of writing: "has ignored", "have waited", "has been".
_PERFECT = re.compile(r"\b(?:has|have)\b|['’](?:s|ve) been\b", re.I)


def _for_span(m: re.Match[str], a: dt.date) -> Interval | None:
    """"(has ignored it) for more than a week": a state lasting up to the anchor, so the
    days it certainly covers, the anchor's the last; ahead ("will stay for two weeks"),
    the days from the anchor on."""
    # "for a week and a half": the half unit's whole days too (10 days).
    days = _days(m[1], m[2]) + (_days("1", m[2]) // 2 if m[3] else 0)
    if _ahead(m):
        last = _shift(a, days)
        return Interval(a, last) if last is not None else None
    start, end = _clause(m)
    rest = m.string[start:m.start()] + m.string[m.end():end]
    if re.search(r"\w", rest) and not _PERFECT.search(m.string, start, end):
        return None  # "the war lasted for four years" may have ended long ago
    first = _shift(a, -days)
    return Interval(first, a) if first is not None else None


_AT_LEAST = re.compile(r"\b(?:more than|over|at least)\s", re.I)


def onset(text: str, anchor: dt.date | None) -> tuple[Interval, ...]:
    """When a state the words give as lasting up to the anchor began, read as
    :func:`readings` reads "ago": "(has sought a call) for a week" began about a week
    before the anchor (as "a week ago"), "for more than a week" on any day up to then (as "more
    than a week ago"). Empty when the words are no such duration (a planned stay, "for
    the last four years" of a war that may be over, any other time). An event kept up
    as a state (a request still pending) was made when the state began, not during it."""
    if anchor is None:
        return ()
    for pattern, fn in PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        began = _for_span(m, anchor) if fn is _for_span and not _ahead(m) else None
        if began is None:
            return ()
        if _AT_LEAST.search(m.group()) is not None:
            return (Interval(dt.date.min, began.start),)
        around = _around(anchor, (anchor - began.start).days, m[2])
        return (around,) if around is not None else ()
    return ()


def _past_span(m: re.Match[str], a: dt.date) -> Interval | None:
    """"(moved) over the past three weeks", "in the last two days": the days those units
    reach back from the anchor, the anchor's the last (as "in the past 24 hours")."""
    return _days_from(a, -_days(m[1], m[2]))


# How far "the coming days" (weeks, months) reach: as "in recent days" (weeks) reach back,
# and half a year for months.
_COMING_DAYS = {"day": _RECENT_DAYS, "week": _RECENT_WEEKS, "month": 183}


def _coming(m: re.Match[str], a: dt.date) -> Interval | None:
    return _days_from(a, _COMING_DAYS[m[1].lower()])


def _next_span(m: re.Match[str], a: dt.date) -> Interval | None:
    """"In the next two weeks": the days those units reach ahead of the anchor."""
    return _days_from(a, _days(m[1], m[2]))


def _days_from(a: dt.date, days: int) -> Interval | None:
    """The anchor's day and the days up to ``days`` from it, back (negative) or ahead;
    None when that end is beyond the calendar."""
    end = _shift(a, days)
    return None if end is None else Interval(min(a, end), max(a, end))


def _within(m: re.Match[str], a: dt.date) -> Interval | None:
    n = int(m[1])
    days = n // 24 if m[2].lower().startswith("hour") else n
    return Interval(a, a + dt.timedelta(days=max(days, 0)))


# "the day before", "two weeks after", "a week from": steps from the time that follows.
# One blank between words, and a chain starts only where no step ends: a search tried at
# each step of a long chain with nothing to stand on was quadratic (75,000 characters of
# "two days after": 24 s).
_STEP = (r"(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,4})\s"
         r"(?:day|week)s?\s(?:before|after|from)\s")
_CHAIN_START = r"(?<!before\s)(?<!after\s)(?<!from\s)\b"
_STEPS = re.compile(rf"\b({_STEP})+", re.I)
_ONE_STEP = re.compile(r"(\S+)\s(day|week)s?\s(before|after|from)\s", re.I)
# What a step may stand on: a time the resolver reads, right after the steps (part of the
# match, so the draft extractor takes the whole phrase as one time).
_STEP_BASE = (rf"(?:today|tonight|yesterday|tomorrow|{'|'.join(WEEKDAYS)}|"
              rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
              rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?|"
              rf"\d{{4}}-\d{{2}}-\d{{2}})\b")


def _stepped(m: re.Match[str], a: dt.date) -> Found:
    """"The day before the day after tomorrow", "two days after April 12", "a week from
    Friday": the time after the steps, moved by each of them in turn (the longest
    phrase of those it ends with read alone gave "the day after tomorrow": +2 days)."""
    days = 0
    for step in _ONE_STEP.finditer(m.string, m.start(), m.end()):
        count = step[1].lower()
        n = 1 if count == "the" else (int(count) if count.isdigit() else _COUNT_WORDS[count])
        days += n * _UNIT_DAYS[step[2].lower()] * (-1 if step[3].lower() == "before" else 1)
    steps = _STEPS.match(m.string, m.start())
    rest = m.string[steps.end() if steps else m.end():]
    for pattern, fn in PATTERNS:
        if fn is _stepped:
            continue
        base = pattern.match(rest)
        if base is not None:
            found = fn(base, a)
            break
    else:
        return None
    if found is None:
        return None
    found = (found,) if isinstance(found, Interval) else found
    return tuple(Interval(iv.start + dt.timedelta(days=days), iv.end + dt.timedelta(days=days))
                 for iv in found)


# Most specific first: the first pattern that matches wins.
PATTERNS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(p, re.I), f) for p, f in (
        (rf"{_CHAIN_START}(?:{_STEP})+{_STEP_BASE}", _stepped),
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", _iso),
        (r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", _dotted),
        (r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", _slashed),
        (rf"\b{_MONTH}\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to)\s*"
         rf"(?P<last>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?(?!\s*(?:/|\d))",
         _day_range),
        (rf"\b(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to)\s*(?P<last>\d{{1,2}})"
         rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}})\b)?", _day_range),
        (rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", _month_day),
        (rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", _month_day),
        (rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", _month_day),
        (rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", _month_day),
        (rf"\b(?:the\s+|in\s+)?(start|beginning|middle|end)\s+of\s+{_MONTH}(?:\s+(\d{{4}}))?\b",
         _month_part),
        (rf"\b(early|mid|late)[\s-]+{_MONTH}(?:\s+(\d{{4}}))?\b", _month_part),
        (rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b", _month_year),
        (r"\b(so far in|so far this year in|since the (?:start|beginning) of)\s+(\d{4})\b",
         _since_year),
        (r"\bsince\s+(\d{4})\b", _since_year),
        (r"\b(?:in|during|of|throughout|all of)\s+(\d{4})\b", _year_only),
        (r"\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(next|last|this)\s+week\b", _weekday_of_week),  # noqa: E501
        (r"\b(last|this\s+coming|this|next|coming|upcoming|on|since|earlier\s+on|late\s+on|by)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _weekday),  # noqa: E501
        (rf"\b(?:in|during|since|by|of|early|late|mid)\s+{_MONTH}\b", _bare_month),
        (r"\b(today|this morning|this afternoon|this evening|tonight)\b", _relative("today")),
        (r"\bthe day before yesterday\b", _relative("day-before-yesterday")),
        (r"\bthe day after tomorrow\b", _relative("day-after-tomorrow")),
        (r"\byesterday\b|\blast night\b", _relative("yesterday")),
        (r"\bovernight\b", _relative("overnight")),
        (r"\btomorrow\b", _relative("tomorrow")),
        # "later this year" is the rest of it ("this year" alone is the year so far).
        (r"\blater (?:this|in the) year\b", _relative("rest-of-year")),
        (r"\blater (?:this|in the) week\b", _relative("end-of-week")),
        (r"\b(?:since|from) the (?:start|beginning) of (?:the|this) year\b", _relative("year-start")),
        (r"\b(?:so far )?this year\b", _relative("this-year")),
        (r"\b(?:(?:at|over|during)\s+the(?:\s+past)?|this\s+past|last)\s+weekend\b", _weekend),
        # "the past week" and "the last week" run up to the day; "last week" is the calendar's.
        (r"\b(?:in|over|during|within)?\s*the (?:past|last) (?:seven days|week)\b",
         _relative("recent-days")),
        (r"\b(?:in|over|during|within)?\s*the (?:past|last) (?:thirty days|month)\b",
         _relative("past-month")),
        # "Late last week": the week's end (Thursday to Sunday), "early": its start (to Wednesday).
        (r"\b(early|late)\s+last\s+week\b", _part_of_last_week),
        (r"\blast week\b", _relative("last-week")),
        (r"\b(?:by )?the end of (?:this|the) week\b", _relative("end-of-week")),
        (r"\bearlier (?:this|in the) week\b", _relative("week-so-far")),
        (r"\bearlier (?:this|in the) month\b", _relative("month-so-far")),
        (r"\b(?:in|over|during) the (?:past|last)\s+(\d+)\s+hours\b", _past_hours),
        # "over the past day" is the past 24 hours; not "the last day of March".
        (r"\b(?:in|over|during) the (?:past|last) day\b(?!\s+of\b)", _past_day),
        (r"\bthis week\b", _relative("this-week")),
        (r"\blater (?:this|in the) month\b", _relative("rest-of-month")),
        # Ahead of the anchor as "in recent days" is behind it: "in the coming days",
        # "over the next few weeks", "in the next two weeks", "over the next week".
        (r"\b(?:in|over|during|within)\s+the\s+(?:coming|next)\s+(?:few\s+|several\s+|"
         r"couple\s+of\s+)?(day|week|month)s\b", _coming),
        (r"\b(?:in|over|during|within)\s+the\s+(?:coming|next)\s+(?:seven\s+days|week)\b"
         r"(?!\s+of\b)", _relative("coming-week")),
        (rf"\b(?:in|over|during|within)\s+the\s+(?:coming|next)\s+{_COUNT}\s+{_UNIT}s?\b"
         r"(?!\s+of\b)", _next_span),
        (r"\bthis month\b", _relative("this-month")),
        (r"\b(?:in|over) (?:the )?(?:recent|last|past) (?:few |several |couple of )?days\b|\blately\b|\brecently\b|\bover the past week\b|\bin recent days\b", _relative("recent-days")),  # noqa: E501
        (r"\b(?:in|over) (?:the )?(?:recent|last|past) (?:few |several |couple of )?weeks\b", _relative("recent-weeks")),  # noqa: E501
        (r"\blast month\b", _relative("last-month")),
        (r"\blast year\b", _relative("last-year")),
        # The calendar's next week, month or year; not "over the next week" (the coming
        # seven days, which no pattern reads yet) nor "the next month" of a narrative.
        (r"(?<!\bthe\s)\bnext (week|month|year)\b",
         lambda m, a: _RELATIVE[f"next-{m[1].lower()}"](a)),
        # A count of units back from the anchor; not "the last two weeks of March".
        (rf"\b(?:in|over|during)\s+the\s+(?:past|last)\s+{_COUNT}\s+{_UNIT}s?\b(?!\s+of\b)",
         _past_span),
        (rf"\bfor\s+(?:the\s+(?:past|last)\s+)?(?:(?:more than|over|at least|nearly|almost|about|"
         rf"around|some)\s+)?{_COUNT}\s+{_UNIT}s?(\s+and\s+a\s+half)?\b(?!\s+ago)", _for_span),
        (rf"\b(?:more than|over|at least|upwards of)\s+{_COUNT}\s+{_UNIT}s?\s+ago\b", _more_than_ago),
        (rf"\b(?:less than|under|fewer than|within the (?:last|past))\s+{_COUNT}\s+{_UNIT}s?(?:\s+ago)?\b",
         _less_than_ago),
        (r"\b(?:a few|several|a couple of|some)\s+(day|week)s\s+ago\b", _few_ago),
        (r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b", _ago),  # noqa: E501
        (r"\bwithin\s+(\d+)\s+(hours?|days?)\b", _within),
    )
)


def resolve(text: str, anchor: dt.date | None, *, ahead: bool = False) -> Interval | None:
    """The interval ``text`` means, read on ``anchor`` (the publication date): its
    likeliest reading (see :func:`readings`)."""
    found = readings(text, anchor, ahead=ahead)
    return found[0] if found else None


def readings(text: str, anchor: dt.date | None, *, past: bool = False,
             ahead: bool = False) -> tuple[Interval, ...]:
    """Every interval ``text`` may mean, read on ``anchor``, the likeliest first; empty
    when the words are not understood. ``past``: the time of something already done (a
    statement made), so readings after the anchor go, unless the words look ahead or
    no other reading is left. ``ahead``: the time of something expected (a forecast:
    "will travel to Brussels" with the time "on Tuesday"), so readings that end before
    the anchor go, unless no other reading is left. A text naming several weekdays in one clause ("on Monday
    or Tuesday") may mean any of them: each one's readings, in the order written; a
    weekday in another clause than the first's is of another time."""
    return _readings(text, anchor, past, ahead)


# Pure, with an immutable result, and archives repeat a few hundred phrases: the corpus
# (through resolve) and the date rules share one cache, whatever keywords they pass.
@functools.lru_cache(maxsize=65536)
def _readings(text: str, anchor: dt.date | None, past: bool,
              ahead: bool) -> tuple[Interval, ...]:
    for pattern, fn in PATTERNS:
        matches = _weekdays(pattern, text) if fn is _weekday else \
            [m for m in (pattern.search(text),) if m is not None]
        if not matches:
            continue
        found: list[Interval] = []
        for m in matches:
            mine = _read(m, fn, anchor, past, ahead)
            if not mine:
                return ()
            found += [iv for iv in mine if iv not in found]
        return tuple(found)
    return ()


def _weekdays(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The weekdays named in the clause of the first ("on Monday or Tuesday", not
    "on Monday, after Friday's vote")."""
    first = pattern.search(text)
    if first is None:
        return []
    _, end = _clause(first, ranges=True)
    # A weekday's readings depend only on its words, its clause and a "since" before it:
    # the same weekday named again reads the same ("Friday, Friday, ..." 600 times in one
    # time phrase made 600 identical readings per claim).
    kept: dict[tuple[object, ...], re.Match[str]] = {}
    for m in pattern.finditer(text, first.start(), end):
        key = (" ".join((m[1] or "").lower().split()), m[2].lower(), _clause(m), _since(text, m))
        kept.setdefault(key, m)
    return list(kept.values())


def _read(m: re.Match[str], fn: Resolver, anchor: dt.date | None,
          past: bool, ahead: bool = False) -> tuple[Interval, ...]:
    """The readings of one matched time expression."""
    absolute = fn in (_iso, _dotted, _month_year, _year_only) or (
        fn is _month_day and len([g for g in m.groups() if g and g.isdigit()]) > 1)
    if anchor is None and not absolute:
        return ()
    try:
        found = fn(m, anchor or dt.date.min)
    except (OverflowError, ValueError):
        # 'year 0', '99999999 weeks ago', 'tomorrow' read on 9999-12-31: a day beyond
        # the calendar is no day, so the phrase stays unresolved (a located I011).
        return ()
    if found is None:
        return ()
    found = (found,) if isinstance(found, Interval) else found
    if anchor is None:
        return found
    if _since(m.string, m):
        # "since March 26", "since the end of March", "since Monday": up to the anchor.
        found = tuple(Interval(iv.start, anchor) if iv.start <= anchor else iv
                      for iv in found)
        past = True
    if past and not _ahead(m):
        found = tuple(iv for iv in found if iv.start <= anchor) or found[:1]
    elif ahead:
        found = tuple(iv for iv in found if iv.end >= anchor) or found[:1]
    return found


_SINCE = re.compile(r"\bsince\s*$", re.I)
_SINCE_AT = re.compile(r"since\b", re.I)


def _since(text: str, m: re.Match[str]) -> bool:
    """Whether the matched time is the start of a "since ..." period."""
    # Only the last word before the match counts: searching the whole prefix for it
    # once per weekday was quadratic on a long time phrase.
    last = text[: m.start()].rsplit(None, 1)
    return bool((last and _SINCE.search(last[-1])) or _SINCE_AT.match(m.group()))
