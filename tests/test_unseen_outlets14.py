"""Fourteenth generality probe: CBC News (Monday 12 April 2021, stamped in Eastern time:
the Canadian foreign minister's statement, Reuters and AP material credited inline, "with
files from" at the foot, CBC's "said Monday" without "on", a subheading), ABC News
Australia (an explainer of Tuesday 13 April stamped 6:02am AEST, with a key-points box,
question subheadings, "12 April" dates, "(local time)" and "early on Tuesday, Australian
time") and the Daily Mail (a tabloid of 13 April: a long headline with a rounded-up figure
and "SNUBS", key-point bullets, "last night", "yesterday", "next month", "sources said",
"it is understood", "a senior Whitehall source", photo captions), curated by an audit
beside the two seed records, judged as a careful fact-checker would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has; they are not the
outlets' published words. The reporters, Olena Kowalchuk of the Ukrainian Canadian
Congress and Anna Petrenko of the University of Melbourne are invented, and so are the
URLs and every quotation of the Canadian, Australian and British governments.

tests/fixtures/unseen14/facts/ holds the seed records and the three new ones, with the
twelfth audit's registry and vocabulary and this audit's additions (the outlets; Canada,
its Department of National Defence, Statistics Canada, Garneau; Australia, Payne;
Raab, the Royal Navy, the Black Sea, "Downing Street" and "Whitehall" for the United
Kingdom; the predicates station-troops, withdraw-troops, call-to-support,
deploy-warships and diaspora-population), and no reviews.

Planted, to be shown: CBC's paraphrase of Garneau ("were a threat") over his quoted
"could threaten" (U302); the Mail's headline "100,000 troops" and key point "90,000" over
a body giving "more than 40,000" in each of two places (H701, figure), and its key point
that the Kremlin "had received no request" over Peskov's quoted "not aware" (H701, C101);
the Mail's own "the Kremlin last night brushed off a desperate plea" and "SNUBS" (A401);
ABC's G7 statement "early on Tuesday, Australian time" against "on April 12" (D601, with
the two time zones named); unnamed and vague sources (A403, A402); Peskov via AP (A404).

Must stay silent: "last night", "next month", "(local time)", "said Monday" (I011, D601);
"Kremlin spokesperson", "Putin's spokesman" and "Kremlin spokesman" (N502); "Zelenskyy",
"Mr Peskov", "Miss Mendel" (N501); ABC's key point that the Kremlin "ignored" the
office's request, over Mendel's "no answer yet" (H701: the Kremlin and Putin, its head,
one party); headline quotes the body quotes ('deeply concerned', 'consequences',
"threatening and destabilising"); ABC's "more than 80,000" near the border and in Crimea
against "more than 40,000" in each (Q203); the Mail's caption "40,000" for Crimea against
"more than 40,000" there (Q201/Q202: a round figure).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen14"
CBC = "cbc-2021-04-12-canada-concerned-buildup"
ABC = "abcau-2021-04-13-russia-ukraine-explainer"
DM = "dailymail-2021-04-13-putin-snubs-zelensky"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]
NEW = (CBC, ABC, DM)


found = probe_findings(FIXTURE)


def test_a_minister_s_paraphrase_beyond_his_quote(found: list[Finding]) -> None:
    hits = by_rule(found, "U302")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{CBC}#garneau-movements-a-threat",
                                  f"{CBC}#garneau-could-threaten"}


def test_a_tabloid_s_rounded_up_figures(found: list[Finding]) -> None:
    """'100,000' and '90,000' over 'more than 40,000 ... and another 40,000': some 80,000
    to 88,000 together. H701 took "more than 40,000" in each place as admitting any total."""
    for claim in ("hl-putin-100000-troops", "kp-90000-troops"):
        hits = involving(found, "H701", f"{DM}#{claim}")
        assert len(hits) == 1, claim
        assert claims_of(hits[0]) == {f"{DM}#{claim}", f"{DM}#mendel-40000-each"}
        assert "figure not in the body" in hits[0].message


def test_a_key_point_turns_not_aware_into_a_denial(found: list[Finding]) -> None:
    hits = involving(found, "H701", f"{DM}#kp-kremlin-no-request")
    assert len(hits) == 1 and f"{DM}#peskov-not-aware" in claims_of(hits[0])
    denial = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(denial) == 1 and f"{DM}#kp-kremlin-no-request" in claims_of(denial[0])


def test_billing_the_body_supports_stays_silent(found: list[Finding]) -> None:
    """ABC's 'the Kremlin has ignored its request' over Mendel's 'no answer yet' from
    Putin (the Kremlin's head); quotes the bodies quote; ABC's 'more than 80,000'."""
    for claim in (f"{ABC}#kp-kremlin-ignored-request", f"{ABC}#kp-g7-threatening",
                  f"{ABC}#kp-more-than-80000", f"{ABC}#hl-russia-massing-troops",
                  f"{CBC}#hl-garneau-deeply-concerned", f"{CBC}#deck-kremlin-knows-of-no-request",
                  f"{DM}#hl-britain-warns-consequences", f"{DM}#kp-office-no-answer"):
        assert not involving(found, "H701", claim), claim
    assert len([f for f in by_rule(found, "H701") if f.claims[0].source == DM]) == 3


def test_the_tabloid_s_own_snub(found: list[Finding]) -> None:
    for claim in ("hl-kremlin-snubs-plea", "lede-kremlin-brushed-off"):
        hits = involving(found, "A401", f"{DM}#{claim}")
        assert len(hits) == 1 and f"{DM}#mendel-hope-not-refusal" in claims_of(hits[0]), claim


def test_a_date_in_australian_time(found: list[Finding]) -> None:
    """The G7's Monday-evening statement, 'early on Tuesday, Australian time' in an
    article stamped 6:02am AEST: a real mismatch as printed, and the message says why."""
    hits = by_rule(found, "D601")
    assert len(hits) == 1 and hits[0].focus == f"{ABC}#g7-threatening"
    assert f"{DM}#g7-threatening-yesterday" in claims_of(hits[0])
    assert "UTC+10:00" in hits[0].message and "UTC+01:00" in hits[0].message
    assert "own time zone" in hits[0].message


def test_every_time_is_read(found: list[Finding]) -> None:
    """The Mail's 'last night' and 'next month' were I011."""
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D604") == []


def test_unnamed_and_vague_sources(found: list[Finding]) -> None:
    for claim in (f"{ABC}#officials-more-than-80000", f"{ABC}#payne-spokesperson-supports",
                  f"{CBC}#official-no-plans-withdraw", f"{DM}#whitehall-source-testing"):
        assert involving(found, "A403", claim), claim
    for claim in (f"{ABC}#fears-wider-war", f"{ABC}#videos-convoys", f"{ABC}#experts-testing-biden",
                  f"{DM}#sources-downing-street-alarmed", f"{DM}#understood-warships",
                  f"{DM}#kp-warships-understood"):
        assert involving(found, "A402", claim), claim


def test_wire_copy_credited_inline(found: list[Finding]) -> None:
    """'the Associated Press reported' is second-hand."""
    for claim in ("peskov-not-seen", "peskov-as-it-sees-fit", "peskov-threatens-no-one"):
        assert involving(found, "A404", f"{CBC}#{claim}"), claim


def test_the_kremlin_not_aware_from_every_outlet(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    for claim in (f"{CBC}#peskov-not-seen", f"{CBC}#deck-kremlin-knows-of-no-request",
                  f"{ABC}#peskov-not-seen", f"{DM}#peskov-not-aware"):
        assert claim in claims_of(hits[0]), claim


def test_names_and_titles_of_other_houses(found: list[Finding]) -> None:
    """'Kremlin spokesperson', 'Putin's spokesman', 'Mendel ... spokesperson'; 'Mr
    Peskov', 'Miss Mendel', 'Zelenskyy': registered wordings and honorifics."""
    assert by_rule(found, "N502") == []
    assert all(f.claims[0].source == RFE for f in by_rule(found, "N501"))


def test_one_statement_in_the_same_words(found: list[Finding]) -> None:
    for claim in (f"{CBC}#mendel-no-answer", f"{DM}#mendel-no-answer", f"{ABC}#mendel-no-answer",
                  f"{DM}#g7-threatening-yesterday", f"{ABC}#g7-threatening"):
        assert not involving(found, "U301", claim), claim
    for claim in (f"{CBC}#mendel-office-asked", f"{ABC}#mendel-office-requested",
                  f"{DM}#mendel-office-asked"):
        assert not involving(found, "D601", claim), claim


def test_figures_that_agree(found: list[Finding]) -> None:
    """ABC's 'more than 80,000' near the border and in Crimea and 'more than 40,000' in
    each; the Mail's caption '40,000' in Crimea (a round figure) and 'more than 40,000'."""
    for claim in (f"{ABC}#kp-more-than-80000", f"{ABC}#officials-more-than-80000",
                  f"{DM}#cap-kyiv-40000-crimea", f"{DM}#kp-90000-troops"):
        for rule in ("Q201", "Q202", "Q203"):
            assert not involving(found, rule, claim), (rule, claim)
    for claim in (f"{ABC}#ukraine-26-killed", f"{DM}#ukraine-26-killed",
                  f"{DM}#cap-kyiv-40000-crimea"):
        assert not involving(found, "R801", claim), claim


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule


@pytest.mark.xfail(strict=True, reason="Q201/Q202 read 'since 2014' as a period up to each "
                   "article's day, and a count for a longer period may be larger: the Mail's "
                   "15,000 killed (13 April) contains RBT's 14,000 (12 April) as a toll grown "
                   "by 1,000 in a day. Telling a rounding-up from growth needs a rate the model "
                   "has not (comparing near-equal periods as one breaks the twelfth probe's toll "
                   "of 26 then 28 said a week apart, which did grow)")
def test_a_toll_rounded_up_a_day_later(found: list[Finding]) -> None:
    hits = [f for rule in ("Q201", "Q202") for f in involving(found, rule, f"{DM}#kyiv-toll-15000")]
    assert hits and f"{RBT}#conflict-killed-14000" in claims_of(hits[0])


# V901 reports an unlisted label subheading ("Canadian troops in Ukraine"): no length tells
# a label from a short claim, so the curator lists it as furniture, as the record does.
def test_a_label_subheading_is_not_uncovered(found: list[Finding]) -> None:
    assert not [f for f in by_rule(found, "V901")
                if f.values.get("sentence") == "Canadian troops in Ukraine"]
