"""Ninth generality probe: Interfax (a Russian wire, Monday 12 April 2021: the agency that
quotes Peskov first, what Western outlets cite as "Russian news agencies"), Bloomberg (Tuesday
13 April, an updated story with summary bullets under its headline) and Politico Europe
(Tuesday 13 April, Brussels: NATO's secretary-general with Ukraine's foreign minister, a
standfirst, a title correction), curated by an audit beside the two seed records, judged as
a careful fact-checker would.

There was no network: the three article texts in tests/fixtures/unseen9/facts/texts/ were
written by the audit in each outlet's style (Interfax's "MOSCOW. April 12 (Interfax) -"
dateline and "- Peskov" headline; Bloomberg's single-quoted headline word, bullets and
update line; Politico's standfirst and correction note), with the variation real coverage
has: Kyiv's figure given for the borders alone (Interfax) and for the borders and Crimea
(Kuleba), "as many as 110,000", a forecast of 53 beside a count of 28, "on Monday",
"the same day", "last month", titles in wire word order, second-hand attribution, an
own-voice "has refused" over a spokeswoman's hope, a headline that gives Russia a
confirmation its body gives in Bloomberg's own voice. They are not archived pages.

tests/fixtures/unseen9/facts/ holds the seed records and the three new ones, with the
registry and vocabulary of the eighth probe plus Kuleba, the two outlets, Brussels and the
"self-proclaimed ... people's republics" as the separatists; no reviews, so nothing is waived.

Shown, and right: Peskov's "not seen any such requests" against Mendel's "Kyiv had asked"
(C102); his denial of a threat against the G7's "threatening" (C101); mutual blame over the
ceasefire (C103); Politico's own-voice "The Kremlin has refused to take Zelenskyy's calls"
over Mendel's hope it is no refusal, and Bloomberg's own-voice "confirming a military
buildup" (A401); Peskov "according to Russian news agencies" (A404); "Two NATO diplomats"
(A403); the title correction (E101); Bloomberg's headline 'Threat' over a body that quotes
only "threatens Russia" (H701); figures only one outlet gives (R801).

Fixed by this audit (each with its rule case): Interfax's "Ukrainian Armed Forces
Commander-in-Chief" is the registered title in wire word order (N502 names only Politico's
"top military commander"); one word between typeset single marks, "to end ‘unjustified’
Ukraine buildup", is a quotation (A405); Interfax's dateline "MOSCOW." is no sentence (V901);
Bloomberg's "a response to NATO activity that “threatens Russia.”" and Politico's "a
“response”" are two pieces of Shoigu's statement, not two wordings of it (U301).

Strict xfails name what a fact-checker expects and the rules do not do yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen9"
IFX = "interfax-2021-04-12-kremlin-no-new-requests"
BBG = "bloomberg-2021-04-13-russia-confirms-buildup"
POL = "politico-eu-2021-04-13-nato-russia-unjustified"
RBT = "rbt-2021-04-12-putin-wont-talk"
RFERL = "rferl-2021-04-12-dialogue"


found = probe_findings(FIXTURE)


def test_every_time_is_read(found: list[Finding]) -> None:
    """'the same day' (dated by the curator), 'since late March', 'in all of 2020',
    'last month', 'Earlier on Monday' are read, not I011."""
    assert by_rule(found, "I011") == []


# ------------------------------------------------------------------ conflicts


def test_peskov_not_aware_of_what_mendel_says_was_asked(found: list[Finding]) -> None:
    hits = involving(found, "C102", f"{IFX}#peskov-not-seen-quote")
    assert len(hits) == 1 and f"{IFX}#mendel-kyiv-asked" in claims_of(hits[0])
    # Politico's office request and Peskov's "not aware" (second-hand) join the seeds' gap.
    office = involving(found, "C102", f"{RBT}#peskov-not-aware")
    assert len(office) == 1
    assert {f"{POL}#office-asked-april-2", f"{POL}#peskov-not-aware",
            f"{BBG}#mendel-sought-call", f"{BBG}#peskov-not-seen"} <= claims_of(office[0])


def test_a_threat_denied_and_asserted(found: list[Finding]) -> None:
    hits = involving(found, "C101", f"{IFX}#peskov-threatens-no-one")
    assert len(hits) == 1 and f"{RFERL}#g7-threatening-activities" in claims_of(hits[0])


def test_mutual_blame_over_the_ceasefire(found: list[Finding]) -> None:
    hits = involving(found, "C103", f"{IFX}#kyiv-blames-republics")
    assert len(hits) == 1 and f"{IFX}#republics-blame-kyiv" in claims_of(hits[0])


# ---------------------------------------------------------------- attribution


def test_an_own_voice_refusal_over_a_hope(found: list[Finding]) -> None:
    hits = involving(found, "A401", f"{POL}#kremlin-refused-calls")
    assert len(hits) == 1 and f"{RBT}#mendel-hope-not-refusal" in claims_of(hits[0])
    assert involving(found, "A401", f"{BBG}#lede-confirming-buildup")
    # A schedule is no inference: Blinken "is due to meet Kuleba on Wednesday".
    assert not involving(found, "A401", f"{POL}#blinken-to-meet-kuleba")


def test_second_hand_and_described_sources(found: list[Finding]) -> None:
    hits = involving(found, "A404", f"{POL}#peskov-not-aware")
    assert len(hits) == 1 and "Dmitry Peskov -> Russian news agencies -> Politico Europe" \
        in hits[0].message
    assert involving(found, "A403", f"{POL}#diplomats-no-sign-invasion")
    # Bloomberg heard Peskov on the conference call itself, Interfax is the agency.
    assert not [f for f in by_rule(found, "A404") if f.focus.startswith((IFX, BBG))]


def test_a_word_in_typeset_single_marks_is_a_quote(found: list[Finding]) -> None:
    """Politico's headline "NATO tells Russia to end ‘unjustified’ Ukraine buildup" quotes
    one word mid-line between U+2018 and U+2019; its body quotes it (H701 silent too)."""
    assert by_rule(found, "A405") == []
    assert not involving(found, "H701", f"{POL}#hl-nato-end-buildup")


def test_a_headline_quote_the_body_only_inflects(found: list[Finding]) -> None:
    """Bloomberg's 'Threat' in marks: the body quotes "threatens Russia", never the noun.
    Headlines do nominalise, but marks promise the word: a reader should check it."""
    hits = involving(found, "H701", f"{BBG}#hl-blames-nato")
    assert len(hits) == 1 and "'Threat'" in hits[0].message


# ----------------------------------------------------------------- names


def test_a_title_in_wire_word_order_is_the_registered_title(found: list[Finding]) -> None:
    """Interfax's "Ukrainian Armed Forces Commander-in-Chief" is the registered
    "Commander-in-Chief of the Armed Forces of Ukraine"; Politico's "Ukraine's top military
    commander" is a description the registry lacks: the one wording to confirm."""
    hits = by_rule(found, "N502")
    assert len(hits) == 1
    assert {f"{IFX}#khomchak-28-btg", f"{POL}#khomchak-28-btg"} <= claims_of(hits[0])
    assert hits[0].values["unregistered"] == ["Ukraine’s top military commander"]
    # "Putin's spokesman", "Russian Presidential Press Secretary", "Kremlin spokesperson",
    # "Ukrainian presidential press secretary": registered wordings, silent.
    assert by_rule(found, "N501") != [] and all(f.focus.startswith(RFERL)
                                                for f in by_rule(found, "N501"))


# ------------------------------------------------------------------ quotes


def test_two_pieces_of_one_statement_are_not_two_wordings(found: list[Finding]) -> None:
    """Bloomberg paraphrases "a response to NATO activity" and quotes "threatens Russia";
    Politico quotes "response": Bloomberg holds both words, so no variance."""
    assert not [f for f in by_rule(found, "U301") if f.values.get("speaker") == "shoigu"]
    # The seeds' translation variance stays.
    assert involving(found, "U301", f"{RFERL}#peskov-not-aware")


# -------------------------------------------------------------- coverage


def test_a_dateline_is_no_sentence(found: list[Finding]) -> None:
    uncovered = {f.values["sentence"] for f in by_rule(found, "V901")
                 if f.focus.startswith((IFX, BBG, POL))}
    assert not any(s.startswith("MOSCOW") for s in uncovered)
    assert uncovered == {"Russia hasn’t disclosed a figure.",
                         "The ruble weakened as much as 0.8% against the dollar on Tuesday as "
                         "investors weighed the risk of new U.S. sanctions."}


# ---------------------------------------------------------------- figures


def test_figures_that_can_all_hold_are_not_compared(found: list[Finding]) -> None:
    """"as many as 110,000" and "over 80,000" for the borders and Crimea; a forecast of
    53 battalion groups beside 28 deployed: no figure contradicts another."""
    for rule in ("Q201", "Q202"):
        assert by_rule(found, rule) == []
    assert not [f for f in by_rule(found, "Q203") if f.focus.startswith((IFX, BBG, POL))]


def test_corroboration(found: list[Finding]) -> None:
    """Khomchak's 28 groups, told to parliament, reach Interfax and Politico separately;
    Bloomberg's toll figures match RFE/RL's and Reuters'. Bloomberg's 110,000, Shoigu's
    armies and the forecast of 53 rest on one outlet each."""
    for claim in (f"{IFX}#khomchak-28-btg", f"{POL}#khomchak-28-btg",
                  f"{BBG}#conflict-killed-14000", f"{BBG}#soldiers-26-this-year",
                  f"{BBG}#soldiers-50-in-2020"):
        assert not involving(found, "R801", claim), claim
    for claim in (f"{BBG}#ukraine-110000", f"{BBG}#lede-three-airborne",
                  f"{IFX}#khomchak-could-grow-to-53"):
        assert involving(found, "R801", claim), claim


# ------------------------------------------------------------- correction


def test_a_title_correction(found: list[Finding]) -> None:
    hits = involving(found, "E101", f"{POL}#stoltenberg-end-buildup")
    assert len(hits) == 1 and "'defense minister' withdrawn" in hits[0].message
    # "Defense Minister Sergei Shoigu" is Shoigu's title, on other propositions.
    assert by_rule(found, "E102") == []


# ------------------------------------------------------------------ dates


def test_dates_that_agree(found: list[Finding]) -> None:
    """Khomchak "On March 30" (Interfax) and "last month" (Politico, 13 April) agree."""
    assert not involving(found, "D601", f"{IFX}#khomchak-28-btg")
    assert by_rule(found, "D603") == [] and by_rule(found, "D602") == []


# -------------------------------------------------------- not done yet


def test_a_request_made_before_a_wait_of_more_than_a_week(found: list[Finding]) -> None:
    """'has sought a call ... for more than a week' (Monday) dates the request on or
    before 5 April, when the waiting began, so Politico's 'on April 2' fits (times8:
    D601 read the week of waiting as the request's days)."""
    assert not involving(found, "D601", f"{BBG}#mendel-sought-call")


def test_a_talking_point_repeated_the_next_day(found: list[Finding]) -> None:
    """Peskov's Monday words to Interfax ('This does not threaten anyone and should not
    worry anyone') and his Tuesday words on Bloomberg's conference call ('Russia has
    never threatened anyone and does not threaten anyone') share 'not threaten anyone',
    but each prints telling words the other does not and neither quote runs on into the
    other: two remarks, not one statement dated two ways (times8)."""
    assert not involving(found, "D601", f"{BBG}#peskov-denied-threat")


# A headline naming its speaker is held to that party's words (H701, eighth audit's
# policy): Ukraine's and the U.S.'s words do not make the build-up Russia's confirmation.
def test_a_headline_gives_russia_the_outlet_s_reading(found: list[Finding]) -> None:
    assert involving(found, "H701", f"{BBG}#hl-russia-confirms-buildup")


def test_a_standfirst_sourced_by_its_body(found: list[Finding]) -> None:
    """Politico's standfirst "as Kyiv pleads for talks with Putin" (Ukraine) over its
    body's "Zelenskyy asked ..., his office said": A401's headline exemption linked
    parties as C101 does (a head and their office) and reported the standfirst as
    unsourced, where H701 links the president to the state his role is of and finds it
    supported. A401 now reads both links (its cache block is the parties' group)."""
    assert not involving(found, "A401", f"{POL}#dek-kyiv-pleads")
    # its body's claim is sourced, and Peskov's unawareness still meets it in C102
    assert involving(found, "C102", f"{POL}#office-asked-april-2")


@pytest.mark.xfail(strict=True, reason=(
    "Interfax gives Kyiv's 'more than 80,000' for the borders alone, Kuleba the same "
    "'over 80,000' for the borders and Crimea: the same figure for a place and for it with "
    "another is a misread scope (Q203's 'same figure for a different scope'), but Q203 "
    "compares a combined figure only with per-place figures covering every place (its "
    "rule cases 'partial-cover-silent' and 'places-from-different-sources-do-not-add-up-"
    "silent' keep it so), and two lower bounds never conflict in Q201. Tried: a part "
    "finding (same number for one place of a combined set, other source) also fires in "
    "the third probe (DW's 'some 40,000' on the border against '40,000 in total'): a "
    "policy change for the lead"))
def test_the_same_figure_for_a_place_and_for_it_with_another(found: list[Finding]) -> None:
    assert involving(found, "Q203", f"{IFX}#kyiv-more-than-80000")
