"""Twelfth generality probe: RIA Novosti (a Russian state agency's short wire item of
Monday 12 April 2021, stamped in Moscow time, the dateline "MOSCOW, April 12 - RIA
Novosti." on the lede's line; Peskov and the Foreign Ministry's spokeswoman quoted
first-hand, one of them "told RIA Novosti"; "Kiev", "Donbass", "Vladimir Zelensky"), NPR
(a Morning Edition transcript of Tuesday 13 April: a host and a correspondent, speaker
labels, a greeting, spoken attributions such as "As I understand it" and "as she put
it", times such as "yesterday", "this morning" and "Late last week", no quotation marks
for words a print outlet quotes) and the Financial Times (an analysis of 13 April: "people
familiar with" intelligence assessments, a think-tank's and a satellite imagery company's
figures, the outlet's own reading of Moscow's intent, and an update note at the bottom
that also corrects a figure), curated by an audit beside the two seed records, judged as
a careful fact-checker would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has; they are not the
outlets' published words. The NPR host and correspondent, the FT's reporters, the
think-tank (Eastern Flank Institute) and the imagery company (GeoSight Analytics) are
invented, and so are the URLs.

tests/fixtures/unseen12/facts/ holds the seed records and the three new ones, with the
tenth audit's registry and vocabulary, the bundled vocabulary's units (troops: soldiers,
servicemen, ...) and this audit's additions (the outlets, Russia's Foreign Ministry and
Zakharova, the think-tank, the imagery company, the Opuk training ground, "Vladimir
Zelensky" as a transliteration; the predicate deploy-equipment), and no reviews.

Planted, to be shown: the FT's corrected estimate (E101) and its two estimates of
battalion tactical groups (Q201); RIA's lede ("has not received any new requests", a
denial) beyond Peskov's quoted "I have not seen" (U302) and against Kyiv's request
(C101); Peskov's sentence on moving troops translated two ways (U301); the FT's "as many
as 80,000" against Kuleba's "more than 80,000" (Q202) and the "more than 40,000" in each
place (Q203); the FT's own reading of Moscow's intent (A401); unnamed and vague sources
(A403, A402).

Must stay silent: "Putin's spokesman" against "the Kremlin's spokesman" (N502: the
registry's "spokesman" of the president of Russia); listed furniture that shares a line
(V901: RIA's dateline, NPR's greeting, the FT's update line); "over the past day" (I011);
the FT's withdrawn "14" against other measures' figures ("14,000 people", E102);
"destabilising" against "destabilizing" (U301); "yesterday", "on Monday" and "on April 12"
for one statement (D601); "28 soldiers" and "28 servicemen" (R801: one measure, two
chains), and a cumulative toll said a week apart (26, then 28: Q201/Q202).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen12"
RIA = "ria-2021-04-12-peskov-not-aware-kiev-request"
NPR = "npr-2021-04-13-kyiv-asks-for-putin-call"
FT = "ft-2021-04-13-russia-buildup-signalling"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]
TROOPS = ["russia", "mass-troops", "ukraine"]


found = probe_findings(FIXTURE)


def test_the_update_note_s_correction_is_shown(found: list[Finding]) -> None:
    hits = by_rule(found, "E101")
    assert len(hits) == 1 and claims_of(hits[0]) == {f"{FT}#efi-about-40-btgs"}


def test_a_withdrawn_small_figure_is_not_found_in_other_measures(found: list[Finding]) -> None:
    """The FT withdrew "14" battalion tactical groups; "14,000 people" killed (RBT, NPR)
    and every other figure are other measures."""
    assert by_rule(found, "E102") == []


def test_the_agency_s_lede_goes_beyond_the_quote(found: list[Finding]) -> None:
    hits = by_rule(found, "U302")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{RIA}#lede-kremlin-no-new-requests", f"{RIA}#peskov-not-seen"}
    denial = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(denial) == 1 and f"{RIA}#lede-kremlin-no-new-requests" in claims_of(denial[0])
    assert {f"{NPR}#hale-office-asked", f"{FT}#office-requested-call"} <= claims_of(denial[0])


def test_the_kremlin_not_aware_from_every_outlet(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    for claim in (f"{RIA}#peskov-not-seen", f"{RIA}#hl-peskov-not-aware",
                  f"{NPR}#hale-peskov-not-aware", f"{NPR}#host-kremlin-not-heard",
                  f"{FT}#peskov-not-seen"):
        assert claim in claims_of(hits[0]), claim


def test_one_sentence_translated_two_ways(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "U301") if f"{FT}#peskov-own-discretion" in claims_of(f)]
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{FT}#peskov-own-discretion", f"{RIA}#peskov-as-it-sees-fit"}


def test_a_spelling_of_the_house_is_not_another_wording(found: list[Finding]) -> None:
    """The FT's "threatening and destabilising activities" quotes the G7 statement that
    RFE/RL quotes with "destabilizing"."""
    assert not involving(found, "U301", f"{FT}#g7-threatening")


def test_as_many_as_against_more_than(found: list[Finding]) -> None:
    q202 = involving(found, "Q202", f"{FT}#officials-as-many-as-80000")
    assert len(q202) == 1 and f"{NPR}#kuleba-80000" in claims_of(q202[0])
    total = [f for f in involving(found, "Q203", f"{FT}#officials-as-many-as-80000")]
    assert len(total) == 1 and f"{RIA}#earlier-ukraine-40000-each" in claims_of(total[0])


def test_two_estimates_in_one_analysis(found: list[Finding]) -> None:
    hits = involving(found, "Q201", f"{FT}#efi-about-40-btgs")
    assert len(hits) == 1 and claims_of(hits[0]) == {
        f"{FT}#efi-about-40-btgs", f"{FT}#people-familiar-50-btgs"}


def test_the_outlet_s_own_reading_and_unnamed_sources(found: list[Finding]) -> None:
    assert involving(found, "A401", f"{FT}#moscow-prepared-to-use-force")
    for claim in (f"{FT}#people-familiar-50-btgs", f"{FT}#western-officials-test-biden",
                  f"{NPR}#us-official-no-signs"):
        assert involving(found, "A403", claim), claim
    for claim in (f"{FT}#analysts-coercion", f"{FT}#standfirst-largest-since-2014"):
        assert involving(found, "A402", claim), claim
    # said to the outlet itself, by name: first-hand
    assert not involving(found, "A404", f"{RIA}#zakharova-blame-kiev")


def test_the_foreign_ministry_joins_the_dispute_over_blame(found: list[Finding]) -> None:
    hits = by_rule(found, "C103")
    assert len(hits) == 1 and f"{RIA}#zakharova-blame-kiev" in claims_of(hits[0])


def test_the_principal_s_spokesman_is_the_kremlin_s(found: list[Finding]) -> None:
    """FT: "Dmitry Peskov, Putin's spokesman"; NPR: "the Kremlin's spokesman". The registry
    lists "spokesman" for his role, "press secretary of the president of Russia", and Putin
    holds that presidency: one title. N502 fired."""
    assert by_rule(found, "N502") == []


def test_listed_furniture_sharing_a_line_is_not_uncovered(found: list[Finding]) -> None:
    sentences = {f.values["sentence"] for f in by_rule(found, "V901")}
    for furniture in ("MOSCOW, April 12 - RIA Novosti.", "Good morning, Paul.",
                      "Our correspondent Paul Hale is following this from Moscow.",
                      "This article has been updated with comments from Jens Stoltenberg."):
        assert furniture not in sentences, furniture
    assert "That's already more than half of last year's total." in sentences  # not listed


def test_every_time_is_read(found: list[Finding]) -> None:
    """RIA's "violated the ceasefire 12 times over the past day" was I011."""
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D604") == []


def test_one_day_in_three_words(found: list[Finding]) -> None:
    """NPR's "yesterday" (Tuesday's transcript), the FT's "on Monday", RFE/RL's "on April
    12": one day; and Putin's "Late last week" (NPR) against "on Friday" (RBT)."""
    assert by_rule(found, "D601") == []


def test_one_measure_in_two_words_from_two_chains(found: list[Finding]) -> None:
    assert not involving(found, "R801", f"{NPR}#ukraine-28-killed")
    assert not involving(found, "R801", f"{FT}#ukraine-28-killed")


def test_a_lone_figure_keeps_its_article_s_word(found: list[Finding]) -> None:
    """RFE/RL's 26 soldiers stands alone; the measure is also counted in "servicemen"
    (FT), so its block is keyed "troops". The message said "(26 troops)"."""
    hits = involving(found, "R801", f"{RFE}#zelenskiy-26-soldiers-killed")
    assert len(hits) == 1 and "(26 soldiers)" in hits[0].message


def test_a_cumulative_toll_said_a_week_apart(found: list[Finding]) -> None:
    """26 killed "since the start of the year" said last week, 28 "since January" on
    Tuesday: a count that grew, not a disagreement."""
    for rule in ("Q201", "Q202"):
        assert not involving(found, rule, f"{RFE}#zelenskiy-26-soldiers-killed")


def test_a_reporter_s_hedged_attribution_is_shown(found: list[Finding]) -> None:
    """NPR's host: "As I understand it, though, the Kremlin says it hasn't heard from
    him". Stance is the speaker's and mode says how the speaker is named; nothing said
    the reporter does not vouch for the attribution, so the host's uncertain summary
    counted as the Kremlin's own words. ``by.hedge`` records it: A402 shows it, and C102
    lists it but names the speakers' own words."""
    hits = involving(found, "A402", f"{NPR}#host-kremlin-not-heard")
    assert len(hits) == 1 and "hedged account ('As I understand it')" in hits[0].message
    gap = [f for f in by_rule(found, "C102") if f"{NPR}#host-kremlin-not-heard" in claims_of(f)]
    assert len(gap) == 1 and f"{NPR}#host-kremlin-not-heard" not in gap[0].message
