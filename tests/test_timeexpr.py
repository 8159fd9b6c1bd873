"""Time expressions as articles write them, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.model import TimeSpec
from checks.rules._dates import shown
from checks.timeexpr import Interval, ahead, onset, readings, resolve, weekday_named

MONDAY = dt.date(2021, 4, 12)
TUESDAY = dt.date(2021, 4, 13)  # the Fridays around it: 04-09, 04-16, 04-23
SATURDAY = dt.date(2021, 4, 17)


def iv(a: str, b: str | None = None) -> Interval:
    return Interval(dt.date.fromisoformat(a), dt.date.fromisoformat(b or a))


@pytest.mark.parametrize(("text", "want"), [
    ("on Monday", iv("2021-04-12")), ("on Friday", iv("2021-04-09")),
    ("last Monday", iv("2021-04-05")), ("yesterday", iv("2021-04-11")),
    ("last week", iv("2021-04-05", "2021-04-11")), ("this week", iv("2021-04-12", "2021-04-18")),
    ("by the end of this week", iv("2021-04-12", "2021-04-18")),
    ("since the start of the year", iv("2021-01-01", "2021-04-12")),
    ("April 12", iv("2021-04-12")), ("on April 9", iv("2021-04-09")),
    ("12 April 2021", iv("2021-04-12")), ("Earlier on April 12", iv("2021-04-12")),
    ("in December", iv("2021-12-01", "2021-12-31")),  # bare months stay in the anchor's year
    ("December 20", iv("2020-12-20")),  # a bare date after the anchor is last year's
    ("in March 2014", iv("2014-03-01", "2014-03-31")), ("since 2014", iv("2014-01-01", "2021-04-12")),
    ("so far in 2021", iv("2021-01-01", "2021-04-12")), ("in all of 2020", iv("2020-01-01", "2020-12-31")),
    ("lately", iv("2021-04-05", "2021-04-12")), ("in recent days", iv("2021-04-05", "2021-04-12")),
    ("in the last few days", iv("2021-04-05", "2021-04-12")),
    ("in recent weeks", iv("2021-03-15", "2021-04-12")), ("last month", iv("2021-03-01", "2021-03-31")),
    ("two weeks ago", iv("2021-03-27", "2021-03-31")),
    ("more than three weeks ago", iv("0001-01-01", "2021-03-22")),
    ("less than a week ago", iv("2021-04-05", "2021-04-12")),
    ("Within 48 hours", iv("2021-04-12", "2021-04-14")), ("2021-03-26", iv("2021-03-26")),
    # dotted dates are day first, as European outlets write them
    ("on 02.04.2021", iv("2021-04-02")), ("12.4.2021", iv("2021-04-12")),
    # a range of days in one month is the days from first to last
    ("on April 9-11", iv("2021-04-09", "2021-04-11")), ("April 9 and 10", iv("2021-04-09", "2021-04-10")),
    ("9\u201311 April 2021", iv("2021-04-09", "2021-04-11")),
    ("April 9 to 11, 2021", iv("2021-04-09", "2021-04-11")),
    # "the past week" runs up to the day; "last week" is the calendar's (above)
    ("over the past week", iv("2021-04-05", "2021-04-12")), ("the last week", iv("2021-04-05", "2021-04-12")),
    ("in the past month", iv("2021-03-13", "2021-04-12")),
    ("this month", iv("2021-04-01", "2021-04-30")), ("later this month", iv("2021-04-12", "2021-04-30")),
])
def test_resolves(text: str, want: Interval) -> None:
    assert resolve(text, MONDAY) == want


@pytest.mark.parametrize(("text", "want"), [
    # "since X" runs from X up to the anchor, whatever X is.
    ("Since the end of March", iv("2021-03-21", "2021-04-12")),
    ("since March", iv("2021-03-01", "2021-04-12")),
    ("since March 26", iv("2021-03-26", "2021-04-12")),
    ("since last Monday", iv("2021-04-05", "2021-04-12")),
    # A month after the anchor's is last year's when a period starts in it ("since July",
    # read in April: the ceasefire of last July), and a period never ends after the anchor.
    ("since July", iv("2020-07-01", "2021-04-12")),
    ("since April", iv("2021-04-01", "2021-04-12")),
    # British "at the weekend" and "over the weekend": the last Saturday and Sunday.
    ("at the weekend", iv("2021-04-10", "2021-04-11")),
    ("killed over the weekend", iv("2021-04-10", "2021-04-11")),
    ("last weekend", iv("2021-04-10", "2021-04-11")),
    ("will meet at the weekend", iv("2021-04-17", "2021-04-18")),
    # Parts of a month.
    ("at the end of March", iv("2021-03-21", "2021-03-31")),
    ("in mid-March", iv("2021-03-11", "2021-03-20")),
    ("early February 2014", iv("2014-02-01", "2014-02-10")),
    ("the end of December", iv("2020-12-21", "2020-12-31")),  # read in April: last year's
    # Vague counts back.
    ("a few days ago", iv("2021-04-05", "2021-04-10")),
    ("several weeks ago", iv("2021-03-01", "2021-03-29")),
])
def test_since_month_parts_and_few_ago(text: str, want: Interval) -> None:
    assert resolve(text, MONDAY) == want


@pytest.mark.parametrize(("text", "want"), [
    # A round unit back is a round figure: two days either side of "two weeks ago", a
    # week of "a month ago", a month of "a year ago"; a count of days is that day.
    ("a week ago", iv("2021-04-03", "2021-04-07")), ("two weeks ago", iv("2021-03-27", "2021-03-31")),
    ("a month ago", iv("2021-03-06", "2021-03-20")), ("a year ago", iv("2020-03-13", "2020-05-12")),
    ("ten days ago", iv("2021-04-02")), ("3 days ago", iv("2021-04-09")),
])
def test_a_round_unit_ago_is_a_round_figure(text: str, want: Interval) -> None:
    assert readings(text, MONDAY) == (want,)


@pytest.mark.parametrize(("text", "want"), [
    # A state lasting up to the time of writing: the days it certainly covers.
    ("for more than a week", iv("2021-04-05", "2021-04-12")),
    ("has ignored the request for more than a week", iv("2021-04-05", "2021-04-12")),
    ("have waited for the past three days", iv("2021-04-09", "2021-04-12")),
    ("will stay for two weeks", iv("2021-04-12", "2021-04-26")),
    # A past state may have ended long ago; a duration beyond the calendar is no time.
    ("the war lasted for four years", None),
    # half a unit more: the whole days it certainly covers
    ("For a week and a half", iv("2021-04-02", "2021-04-12")),
    ("has waited for two days and a half", iv("2021-04-10", "2021-04-12")),
    ("the talks lasted for a week and a half", None),
    ("has fought for 99999999 years", None),
])
def test_a_duration_up_to_the_time_of_writing(text: str, want: Interval | None) -> None:
    assert resolve(text, MONDAY) == want


@pytest.mark.parametrize(("text", "want"), [
    # When a state lasting up to the anchor began, read as "ago" is read.
    ("has sought a call for more than a week", (iv("0001-01-01", "2021-04-05"),)),
    ("for two weeks", (iv("2021-03-27", "2021-03-31"),)),
    ("has waited for a week and a half", (iv("2021-03-31", "2021-04-04"),)),
    ("have waited for the past three days", (iv("2021-04-09"),)),
    # No state up to the anchor: a planned stay, a past one, other times.
    ("will stay for two weeks", ()), ("the war lasted for four years", ()),
    ("more than a week ago", ()), ("on Monday", ()), ("has fought for 99999999 years", ()),
])
def test_when_a_state_up_to_the_time_of_writing_began(text: str, want: tuple[Interval, ...]) -> None:
    assert onset(text, MONDAY) == want
    assert onset(text, None) == ()


@pytest.mark.parametrize(("text", "anchor", "want"), [
    # Unmarked: the past day first (news reports the past), then a planned one.
    ("on Friday", TUESDAY, ("2021-04-09", "2021-04-16")),
    ("Friday", TUESDAY, ("2021-04-09", "2021-04-16")),
    ("by Friday", TUESDAY, ("2021-04-09", "2021-04-16")),
    ("on Tuesday", TUESDAY, ("2021-04-13",)),  # the anchor's own weekday is the anchor
    # Words that look ahead resolve forwards only.
    ("due to meet on Friday", TUESDAY, ("2021-04-16",)),
    ("Alpha will travel on Friday", TUESDAY, ("2021-04-16",)),
    ("scheduled for Friday", TUESDAY, ("2021-04-16",)),
    ("this coming Friday", TUESDAY, ("2021-04-16",)),
    ("coming Friday", TUESDAY, ("2021-04-16",)),
    ("due to meet on Tuesday", TUESDAY, ("2021-04-13",)),
    # "this": the anchor's week, Monday to Sunday, whichever side of the anchor.
    ("this Friday", TUESDAY, ("2021-04-16",)), ("this Friday", SATURDAY, ("2021-04-16",)),
    ("this Monday", TUESDAY, ("2021-04-12",)),
    # "last" stays backward.
    ("last Friday", TUESDAY, ("2021-04-09",)), ("last Friday", SATURDAY, ("2021-04-16",)),
    ("last Tuesday", TUESDAY, ("2021-04-06",)),
    # "next": the first such day after the anchor; read while that day is still in the
    # anchor's week, the one a week later too (English usage differs).
    ("next Friday", TUESDAY, ("2021-04-16", "2021-04-23")),
    ("next Friday", SATURDAY, ("2021-04-23",)),
    ("next Friday", dt.date(2021, 4, 16), ("2021-04-23",)),
    ("next Tuesday", TUESDAY, ("2021-04-20",)),
    # "since" and "earlier on" are of the past.
    ("since Friday", TUESDAY, ("2021-04-09..2021-04-13",)),
    ("earlier on Friday", TUESDAY, ("2021-04-09",)),
    # "the next day" is narrative, not a plan.
    ("the next day, Friday", TUESDAY, ("2021-04-09", "2021-04-16")),
    # A bare date ahead of the anchor: last year's first, this year's if planned.
    ("April 16", TUESDAY, ("2020-04-16", "2021-04-16")),
    ("due on April 16", TUESDAY, ("2021-04-16",)),
    ("April 14", TUESDAY, ("2021-04-14",)),  # a day ahead is this year's, as before
    ("April 16, 2021", TUESDAY, ("2021-04-16",)),
])
def test_readings_follow_the_words_tense(text: str, anchor: dt.date, want: tuple[str, ...]) -> None:
    found = readings(text, anchor)
    assert tuple(str(r) for r in found) == want
    assert resolve(text, anchor) == found[0]  # the likeliest reading is the resolved one


@pytest.mark.parametrize(("text", "want"), [
    # A said time is of words already spoken: readings after the anchor go...
    ("on Friday", ("2021-04-09",)), ("April 16", ("2020-04-16",)),
    # ...unless the words look ahead (a planned statement)...
    ("will speak on Friday", ("2021-04-16",)), ("next Friday", ("2021-04-16", "2021-04-23")),
    # ...or nothing else is left: the words then say it lies ahead.
    ("this Friday", ("2021-04-16",)), ("in May", ("2021-05-01..2021-05-31",)),
])
def test_past_readings_of_a_statement_already_made(text: str, want: tuple[str, ...]) -> None:
    assert tuple(str(r) for r in readings(text, TUESDAY, past=True)) == want


@pytest.mark.parametrize(("text", "want"), [
    ("due to meet on Friday", True), ("will speak", True), ("they'll meet", True),
    ("tomorrow", True), ("next Friday", True), ("this coming Monday", True),
    ("set to visit", True), ("expected to meet on Friday", True),
    ("on Friday", False), ("the next day", False), ("last Friday", False), ("this Friday", False),
    ("in May", False), ("", False),
    # "due to" before a determiner or pronoun is "because of", not a plan
    ("due to the fighting, on Friday", False), ("due to its losses on Friday", False),
    ("due on Friday", True), ("due to visit on Friday", True),
])
def test_ahead(text: str, want: bool) -> None:
    assert ahead(text) is want


def test_readings_without_an_anchor_or_words() -> None:
    assert readings("on Friday", None) == ()
    assert readings("earlier", TUESDAY) == ()
    assert readings("12 April 2021", None) == (iv("2021-04-12"),)


THURSDAY = dt.date(2021, 4, 15)


@pytest.mark.parametrize(("text", "anchor", "want"), [
    # "Earlier" this week or month ends on the day it is written, not on the Sunday after.
    ("Earlier this week", THURSDAY, iv("2021-04-12", "2021-04-15")),
    ("earlier in the week", MONDAY, iv("2021-04-12")),
    ("earlier this month", THURSDAY, iv("2021-04-01", "2021-04-15")),
    ("this week", THURSDAY, iv("2021-04-12", "2021-04-18")),  # unchanged: may look ahead
    # The latest weekend: the one before a weekday, the weekend under way on one.
    ("over the weekend", THURSDAY, iv("2021-04-10", "2021-04-11")),
    ("at the weekend", SATURDAY, iv("2021-04-17")),
    ("this past weekend", dt.date(2021, 4, 18), iv("2021-04-17", "2021-04-18")),
    # Hours back: the days they touch, the anchor's the last.
    ("in the past 24 hours", THURSDAY, iv("2021-04-14", "2021-04-15")),
    ("over the last 48 hours", THURSDAY, iv("2021-04-13", "2021-04-15")),
    # "Violated the ceasefire 12 times over the past day" (a wire's daily count) was I011.
    ("over the past day", THURSDAY, iv("2021-04-14", "2021-04-15")),
    ("in the last day", THURSDAY, iv("2021-04-14", "2021-04-15")),
    # Units back: "moved ... over the past three weeks" (said on Tuesday 13 April) was I011.
    ("over the past three weeks", TUESDAY, iv("2021-03-23", "2021-04-13")),
    ("in the last two days", THURSDAY, iv("2021-04-13", "2021-04-15")),
    ("during the past 2 months", THURSDAY, iv("2021-02-14", "2021-04-15")),
    ("in the last two weeks of March", THURSDAY, iv("2021-03-01", "2021-03-31")),  # March's
    ("on the last day of March", THURSDAY, iv("2021-03-01", "2021-03-31")),  # March, not the past day
    # "Late last week" is the end of that week, not all of it (read on Tuesday 13 April).
    ("Late last week", TUESDAY, iv("2021-04-08", "2021-04-11")),
    ("early last week", TUESDAY, iv("2021-04-05", "2021-04-07")),
])
def test_earlier_this_week_weekends_and_hours(text: str, anchor: dt.date, want: Interval) -> None:
    assert resolve(text, anchor) == want


@pytest.mark.parametrize(("text", "anchor"), [
    ("in the past 24 hours", dt.date.min), ("in the past 99999999999 hours", THURSDAY)])
def test_hours_beyond_the_calendar_are_no_reading(text: str, anchor: dt.date) -> None:
    assert resolve(text, anchor) is None


@pytest.mark.parametrize(("text", "want"), [
    # A forecast (stance expects) of Monday 12 April: the coming days, not the past ones.
    ("on Friday", (iv("2021-04-16"),)),
    ("on Tuesday", (iv("2021-04-13"),)),
    ("last week", (iv("2021-04-05", "2021-04-11"),)),  # no other reading: kept
    ("in September", (iv("2021-09-01", "2021-09-30"),)),
])
def test_readings_of_a_forecast_look_ahead(text: str, want: tuple[Interval, ...]) -> None:
    assert readings(text, MONDAY, ahead=True) == want
    assert resolve(text, MONDAY, ahead=True) == want[0]


@pytest.mark.parametrize("text", ["earlier", "Since then", "at some point", "soon", ""])
def test_unknown_words_are_not_guessed(text: str) -> None:
    assert resolve(text, MONDAY) is None


def test_without_an_anchor_only_absolute_dates_resolve() -> None:
    assert resolve("on Monday", None) is None
    assert resolve("12 April 2021", None) == iv("2021-04-12")
    assert resolve("in March 2014", None) == iv("2014-03-01", "2014-03-31")
    assert resolve("on 02.04.2021", None) == iv("2021-04-02")


def test_impossible_dates_are_not_invented() -> None:
    assert resolve("February 30", MONDAY) is None
    # a dotted date is day first: 04.13.2021 (a month-first reading) is no date
    assert resolve("on 04.13.2021", MONDAY) is None


def test_weekday_named() -> None:
    assert weekday_named("on Monday, April 12") == 0
    assert weekday_named("Friday or Saturday") is None
    assert weekday_named("in April") is None
    # Only the first weekday's clause: another clause's weekday is of another time.
    assert weekday_named("on Monday, after Friday's vote") == 0
    assert weekday_named("on Monday, Friday") is None
    assert weekday_named("Monday \u2013 Friday") is None  # a range, not another clause
    assert weekday_named("after Friday's vote, on Monday") is None  # one clause: after ...


def _old_weekday_named(text: str) -> int | None:
    """The old reading of the whole text, now of the first weekday's clause (the text
    cut where a clause opens, dashes before a weekday joining a range)."""
    import re

    from checks.timeexpr import _CLAUSE, WEEKDAYS

    names = rf"\b(?:{'|'.join(WEEKDAYS)})\b"
    cuts = [b.start() for b in _CLAUSE.finditer(text)
            if not (b.group().strip() in "-\u2013\u2014" and re.match(rf"\s*{names}", text[b.end():], re.I))]
    pieces = [text[i:j] for i, j in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    text = next((p for p in pieces if re.search(names, p, re.I)), text)
    found = {i for i, name in enumerate(WEEKDAYS) if re.search(rf"\b{name}\b", text, re.I)}
    return found.pop() if len(found) == 1 else None


def _old_quote_words(text: str) -> str:
    from checks import textnorm as t

    text = t.loose(re.sub(r"(?<=\w)[-\u2010\u2011](?=\w)", "", text)).casefold()
    text = t._BRACKETED.sub(" ", text)
    text = t._PUNCT.sub(" ", text.replace("'", ""))
    words = [t.SPELLING.get(w, w) for w in text.split()]
    return " ".join(t._IZE.sub(r"\1is\2", w) for w in words)


_WORDS = st.lists(st.sampled_from(["Monday", "friday", "SUNDAY", "mondays", "organized",
                                   "realization", "dialog", "[such]", "Day", "on", "-", "x",
                                   "criticizes", "'", '"', "\u2019", "izes", "sizes"])
                  | st.text(max_size=6), max_size=12)


@given(_WORDS)
def test_fast_helpers_equal_the_old_ones(words: list[str]) -> None:
    from checks.textnorm import quote_words

    text = " ".join(words)
    assert weekday_named(text) == _old_weekday_named(text)
    assert quote_words(text) == _old_quote_words(text)


@pytest.mark.parametrize(("text", "anchor"), [
    ("within 99999999999 days", dt.date(2021, 4, 12)),
    ("999999999 years ago", dt.date(2021, 4, 12)),
    ("more than 99999999 weeks ago", dt.date(2021, 4, 12)),
    ("since 0000", dt.date(2021, 4, 12)), ("in 0000", dt.date(2021, 4, 12)),
    ("March 0000", dt.date(2021, 4, 12)),
    ("tomorrow", dt.date(9999, 12, 31)), ("this week", dt.date(9999, 12, 31)),
    ("next week", dt.date(9999, 12, 31)), ("yesterday", dt.date(1, 1, 1)),
    ("on Friday next week", dt.date(9999, 12, 31)),
])
def test_a_day_beyond_the_calendar_is_unresolved_not_a_crash(text: str, anchor: dt.date) -> None:
    """Record numbers reach date arithmetic: beyond the calendar the phrase is no day
    (red team: each of these stopped every command with a traceback)."""
    assert resolve(text, anchor) is None


def test_a_phrase_beyond_the_calendar_is_a_located_i011(seed_repo: Path) -> None:
    from checks.config import Config
    from checks.engine import select
    from checks.pipeline import execute

    record = seed_repo / "facts/rferl-2021-04-12-dialogue.yaml"
    text = record.read_text("utf-8")
    line = text[: text.index("when: in 2014")].count("\n") + 1
    record.write_text(text.replace("when: in 2014", "when: 999999999 years ago", 1), "utf-8")
    config = Config()
    found = execute([seed_repo / "facts"], seed_repo, config, select(config)).findings
    (hit,) = [f for f in found if f.rule == "I011"]
    assert hit.location.line == line and "999999999 years ago" in hit.message


@pytest.mark.parametrize(("interval", "words"), [
    (Interval(dt.date(2021, 4, 12), dt.date(2021, 4, 12)), "2021-04-12"),
    (Interval(dt.date(2021, 4, 10), dt.date(2021, 4, 12)), "2021-04-10..2021-04-12"),
    (Interval(dt.date.min, dt.date(2021, 4, 12)), "until 2021-04-12"),
    (Interval(dt.date(2019, 5, 20), dt.date.max), "since 2019-05-20"),
    (Interval(dt.date.min, dt.date.max), "at any time"),
])
def test_open_ends_are_worded_not_printed_as_year_one(interval: Interval, words: str) -> None:
    assert interval.words() == words


def test_date_rules_word_an_open_reading() -> None:
    spec = TimeSpec(text="more than a year ago")
    interval = resolve(spec.text, dt.date(2021, 4, 12))
    assert interval is not None and interval.start == dt.date.min
    assert shown(spec, interval) == "'more than a year ago' (until 2020-04-12)"


# ------------------------------------------------------------ tense and calendar edges
# (red team): SUNDAY closes the week of MONDAY..; the Fridays are 04-09, 04-16, 04-23.
SUNDAY = dt.date(2021, 4, 18)
WEDNESDAY = dt.date(2021, 4, 14)


@pytest.mark.parametrize(("text", "anchor", "want"), [
    # "as planned" says it went to plan: an unmarked weekday keeps both readings...
    ("on Friday as planned", MONDAY, ("2021-04-09", "2021-04-16")),
    # ...while what is planned for a day lies ahead.
    ("talks planned for Friday", MONDAY, ("2021-04-16",)),
    # A forward word of another clause is of another time.
    ("on Friday, before talks due next week", WEDNESDAY, ("2021-04-09", "2021-04-16")),
    ("on Friday, when they will meet", WEDNESDAY, ("2021-04-16",)),
    ("due to meet on Friday, April 16", TUESDAY, ("2021-04-16",)),
    # A weekday named with a date without a year says which year's: 16 April 2020 was a
    # Thursday (it was read first, before this year's Friday); a wrong weekday keeps both.
    ("on Friday 16 April", TUESDAY, ("2021-04-16",)),
    ("Friday, April 16", TUESDAY, ("2021-04-16",)),
    ("on Thursday, April 16", TUESDAY, ("2020-04-16",)),
    ("on Wednesday 16 April", TUESDAY, ("2020-04-16", "2021-04-16")),
    ("on Monday, after the vote of 16 April", TUESDAY, ("2020-04-16", "2021-04-16")),
    # A weekday of a named week.
    ("Friday next week", MONDAY, ("2021-04-23",)), ("on Friday next week", MONDAY, ("2021-04-23",)),
    ("Friday last week", SATURDAY, ("2021-04-09",)), ("Friday this week", MONDAY, ("2021-04-16",)),
    # Two weekdays: either may be meant, none alone.
    ("on Monday or Tuesday", MONDAY, ("2021-04-12", "2021-04-06", "2021-04-13")),
    # ...in one clause: a weekday of another clause is of another time.
    ("on Monday, after Friday's vote", TUESDAY, ("2021-04-12", "2021-04-19")),
    ("on Monday, Friday", TUESDAY, ("2021-04-12", "2021-04-19", "2021-04-09", "2021-04-16")),
    ("the day before yesterday", MONDAY, ("2021-04-10",)),
    ("the day after tomorrow", MONDAY, ("2021-04-14",)),
    # "this Friday" is the Friday of the anchor's week, Monday to Sunday, even on its Sunday.
    ("this Friday", SUNDAY, ("2021-04-16",)),
    # February 29 without a year: last year's when that was a leap year...
    ("February 29", MONDAY, ("2020-02-29",)),
    ("due on February 29", dt.date(2023, 4, 12), ("2024-02-29",)),
    # ...the calendar's edges keep the readings that are days.
    ("on Friday", dt.date(9999, 12, 31), ("9999-12-31",)),
    ("on Thursday", dt.date(9999, 12, 31), ("9999-12-30",)),
    ("on Friday", dt.date(1, 1, 1), ("0001-01-05",)),
    ("today", dt.date(9999, 12, 31), ("9999-12-31",)), ("today", dt.date(1, 1, 1), ("0001-01-01",)),
])
def test_red_team_tense_and_edges(text: str, anchor: dt.date, want: tuple[str, ...]) -> None:
    assert tuple(str(r) for r in readings(text, anchor)) == want


@pytest.mark.parametrize(("text", "want"), [
    ("on Friday as planned", False), ("talks planned for Friday", True),
    ("on Friday, before talks due next week", False), ("Friday next week", True),
    ("due to meet on Friday, April 16", True), ("which will take place on Friday", True),
])
def test_ahead_reads_the_clause_of_the_time(text: str, want: bool) -> None:
    assert ahead(text) is want


@pytest.mark.parametrize(("text", "anchor"), [
    ("since 2030", MONDAY), ("so far in 2030", MONDAY), ("since the start of 2030", MONDAY),
    # A year-less February 29 further back than last year is not what the words mean.
    ("February 29", dt.date(2023, 4, 12)),
])
def test_no_period_that_cannot_be(text: str, anchor: dt.date) -> None:
    assert readings(text, anchor) == ()


PHRASES = st.sampled_from([
    "on Friday", "last Monday", "this Sunday", "next Tuesday", "Friday next week",
    "on Monday or Friday", "since 2030", "since 1999", "February 29", "April 16",
    "due on April 16", "the day before yesterday", "the day after tomorrow", "this week",
    "last week", "since Friday", "since March 26", "in recent weeks", "within 48 hours",
    "the end of December", "less than a week ago", "more than two years ago", "last month"])
ANCHORS = st.one_of(st.dates(), st.sampled_from([dt.date.min, dt.date.max]))


@given(PHRASES, ANCHORS, st.booleans())
def test_readings_are_never_inverted(text: str, anchor: dt.date, past: bool) -> None:
    """Whatever the anchor, a reading starts on or before its end (or there is none)."""
    assert all(iv.start <= iv.end for iv in readings(text, anchor, past=past))


@pytest.mark.parametrize(("text", "want"), [
    # day first is 12 April, month first 4 December: both, the one not after the day first
    ("12/04/2021", (iv("2021-04-12"), iv("2021-12-04"))),
    ("4/12/2021", (iv("2021-04-12"), iv("2021-12-04"))),
    ("on 11/04/21", (iv("2021-04-11"), iv("2021-11-04"))),
    # one reading only where the other is no date, or the same one
    ("13/04/2021", (iv("2021-04-13"),)), ("04/13/2021", (iv("2021-04-13"),)),
    ("12/12/2021", (iv("2021-12-12"),)),
])
def test_a_slashed_date_may_be_day_or_month_first(text: str, want: tuple[Interval, ...]) -> None:
    assert readings(text, TUESDAY) == want


@pytest.mark.parametrize("text", ["April 11-9", "on 31/31/2021", "9 and 9 April"])
def test_a_range_or_slashed_date_that_is_no_date_is_not_read(text: str) -> None:
    assert readings(text, TUESDAY) == ()


@pytest.mark.parametrize(("text", "want"), [
    # A bare date after the anchor is last year's, or this year's: a range's first day
    # is read by the same rule as a single date (the range kept only last year's).
    ("December 20", (iv("2020-12-20"), iv("2021-12-20"))),
    ("December 20-22", (iv("2020-12-20", "2020-12-22"), iv("2021-12-20", "2021-12-22"))),
    ("20 to 22 December", (iv("2020-12-20", "2020-12-22"), iv("2021-12-20", "2021-12-22"))),
    ("due on December 20", (iv("2021-12-20"),)),
    ("due on December 20-22", (iv("2021-12-20", "2021-12-22"),)),
    ("December 20-22, 2021", (iv("2021-12-20", "2021-12-22"),)),
    ("April 9-11", (iv("2021-04-09", "2021-04-11"),)),
])
def test_a_range_reads_its_first_day_as_a_single_date(text: str, want: tuple[Interval, ...]) -> None:
    assert readings(text, MONDAY) == want

@pytest.mark.parametrize(("text", "anchor", "want"), [
    # A morning paper's "the Kremlin last night brushed off" (published Tuesday 13 April).
    ("last night", TUESDAY, iv("2021-04-12")), ("late last night", TUESDAY, iv("2021-04-12")),
    ("overnight", TUESDAY, iv("2021-04-12", "2021-04-13")),
    ("next week", TUESDAY, iv("2021-04-19", "2021-04-25")),
    ("will send two warships to the Black Sea next month", TUESDAY, iv("2021-05-01", "2021-05-31")),
    ("next month", dt.date(2021, 12, 13), iv("2022-01-01", "2022-01-31")),
    ("next year", TUESDAY, iv("2022-01-01", "2022-12-31")),
])
def test_last_night_overnight_and_next_week_month_year(text: str, anchor: dt.date,
                                                       want: Interval) -> None:
    """The fourteenth audit: a tabloid's "last night" and "next month" were I011."""
    assert readings(text, anchor) == (want,)


@pytest.mark.parametrize("text", ["the next week", "the next few days", "the next month"])
def test_a_narrative_next_week_is_not_the_calendar_s(text: str) -> None:
    """ "The next week he resigned" counts from the story's own time, not the anchor's."""
    assert readings(text, TUESDAY) == ()
    assert not ahead(text)


@pytest.mark.parametrize(("text", "anchor"), [
    ("next month", dt.date(9999, 12, 13)), ("next year", dt.date(9999, 1, 1)),
    ("overnight", dt.date(1, 1, 1)), ("last night", dt.date(1, 1, 1)),
])
def test_next_and_last_night_beyond_the_calendar(text: str, anchor: dt.date) -> None:
    assert readings(text, anchor) == ()


def test_next_week_looks_ahead() -> None:
    assert ahead("next week") and ahead("due in Brussels next month")


@pytest.mark.parametrize(("text", "want"), [
    # "later this year" was the year so far (its "this year"), so elections "later this
    # year" lay before the article; "later this week" was the whole week.
    ("elections are due later this year", iv("2021-04-13", "2021-12-31")),
    ("later in the year", iv("2021-04-13", "2021-12-31")),
    ("later this week", iv("2021-04-13", "2021-04-18")),
    ("in the coming days", iv("2021-04-13", "2021-04-20")),
    ("over the next few days", iv("2021-04-13", "2021-04-20")),
    ("over the next week", iv("2021-04-13", "2021-04-20")),
    ("in the coming weeks", iv("2021-04-13", "2021-05-11")),
    ("a summit in the coming months", iv("2021-04-13", "2021-10-13")),
    ("in the next two weeks", iv("2021-04-13", "2021-04-27")),
])
def test_the_rest_of_a_period_and_the_coming_days(text: str, want: Interval) -> None:
    assert readings(text, TUESDAY) == (want,)


def test_the_coming_days_look_ahead_and_stop_at_the_calendar_s_end() -> None:
    assert ahead("more troops are expected in the coming days")
    assert readings("in the coming months", dt.date(9999, 12, 1)) == ()
    assert readings("over the next week", dt.date(9999, 12, 31)) == ()
    assert readings("over the next week of talks", TUESDAY) == ()
