"""D601's occasions: when two sources' quotes of one statement are one remark (dated
alike) or two (a talking point said again), and the cost of telling them apart."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from checks.rules.d601_relative_mismatch import PEERS, Quotes, one_remark, own_occasions
from checks.textnorm import quote_words
from tests.timing import cpu_now


def quotes(*texts: str) -> Quotes:
    return Quotes(tuple(tuple(quote_words(t).split()) for t in texts))


def fields(by_source: dict[str, list[str]]) -> list[Any]:
    """Stand-ins of the time fields own_occasions reads (a claim's quotes and source)."""
    return [SimpleNamespace(ci=SimpleNamespace(quotes=qs, source=SimpleNamespace(id=s)))
            for s, qs in by_source.items()]


@pytest.mark.parametrize(("mine", "theirs", "one"), [
    # a part of the other's quote, or a looser translation keeping only its words
    ("We have not received an answer yet", "not received an answer", True),
    ("these calls for putting an end to some ephemeral aggressive actions",
     "calls to end some ephemeral aggressive actions", True),
    # two cuts of one quotation: the end of one is the start of the other
    ("We have not received an answer yet and we hope for one",
     "we hope for one soon, and we will wait", True),
    # a talking point said again: each has telling words the other lacks, no run-on
    ("This does not threaten anyone and should not worry anyone",
     "Russia has never threatened anyone and does not threaten anyone", False),
])
def test_one_remark(mine: str, theirs: str, one: bool) -> None:
    assert one_remark(quotes(mine), quotes(theirs)) is one
    assert one_remark(quotes(theirs), quotes(mine)) is one


def test_a_talking_point_is_two_occasions_unless_a_third_source_prints_it_alike() -> None:
    monday = "This does not threaten anyone and should not worry anyone"
    tuesday = "Russia has never threatened anyone and does not threaten anyone"
    assert own_occasions(fields({"a": [monday], "b": [tuesday]})) == {"a", "b"}
    # c prints Tuesday's words too: b's remark is c's, a's stays its own
    both = fields({"a": [monday], "b": [tuesday], "c": ["Russia has never threatened anyone"]})
    assert own_occasions(both) == {"a"}


def test_many_sources_of_one_talking_point_are_not_compared_pairwise() -> None:
    """Every source shares 'does not threaten anyone' and adds words of its own: each
    is compared with at most PEERS others (past that it stays, as one remark), not with
    all 4,000 (16 million pairs)."""
    many = {f"s{i}": [f"w{i}a w{i}b does not threaten anyone "
                      + " ".join(f"x{i}y{k}" for k in range(8))] for i in range(4000)}
    started = cpu_now()
    assert own_occasions(fields(many)) == set()
    assert cpu_now() - started < 10  # about 0.5 s; all pairs: minutes
    few = dict(list(many.items())[:PEERS])
    assert own_occasions(fields(few)) == set(few)  # within the bound: each its own remark


def test_a_long_repetitive_quote_is_read_once() -> None:
    run = " ".join(["alpha beta gamma"] * 3000)
    started = cpu_now()
    assert own_occasions(fields({"a": [run + " zed"], "b": ["omega " + run]})) == set()
    assert cpu_now() - started < 5  # about 0.05 s
