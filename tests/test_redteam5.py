"""Red team, fifth round: what a hostile contributor, a careless curator or a broken CI
pipeline can do to the harness, and what it must do instead (a located finding or a plain
exit 2, in bounded time, never a traceback, a hang or a lost value)."""

from __future__ import annotations

import datetime as dt
import time

from checks import timeexpr

# ------------------------------------------------------------------ time phrases


def test_a_weekday_named_hundreds_of_times_reads_in_linear_time() -> None:
    # 'when' and 'said' may hold 5,000 characters. "Friday, Friday, ..." asked for each
    # weekday's clause and tense from the text's start: about a second per claim, so a
    # record of a few hundred such claims took minutes.
    anchor = dt.date(2021, 4, 12)
    phrases = [f"{i} " + "Friday, " * 620 for i in range(6)]
    start = time.perf_counter()
    for phrase in phrases:
        timeexpr.readings(phrase, anchor, past=True)
        timeexpr.resolve(phrase, anchor)
    assert time.perf_counter() - start < 3  # was about 15 s


def test_a_repeated_weekday_reads_as_the_weekday_once() -> None:
    anchor = dt.date(2021, 4, 12)
    for once, many in (("on Friday", "on Friday, " * 300), ("since Friday", "since Friday " * 300),
                       ("on Monday or Friday", "on Monday or Friday or " * 200 + "Monday")):
        for past in (False, True):
            assert timeexpr.readings(many, anchor, past=past) == \
                timeexpr.readings(once, anchor, past=past)
