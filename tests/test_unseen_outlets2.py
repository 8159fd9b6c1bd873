"""Second generality probe: other outlets' coverage of 12-16 April 2021, judged as a
careful fact-checker would.

tests/fixtures/unseen2/facts/ holds a copy of tests/fixtures/unseen/facts/ (seed and
first-probe records, registry, vocabulary) plus three records curated with the same
proposition keys: UrduPoint (the Kremlin's reply, Sputnik-style), Topcor's English
edition (a Russian outlet: "Kiev lied about the request", quotes set as block
quotations) and Pledge Times (Zelenskiy's Le Figaro interview of 16 April). Their
archived texts are the page excerpts available to the curator, verbatim.

Strict xfail tests name what a fact-checker expects and the rules do not do yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen2"
URDU = "urdupoint-2021-04-12-not-requested"
TOP = "topcor-2021-04-12-kiev-lied"
PLEDGE = "pledgetimes-2021-04-16-unanswered-request"
NEW = (URDU, TOP, PLEDGE)
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]


found = probe_findings(FIXTURE)


# ------------------------------------------------------------- the request


def test_denials_join_the_one_request_contradiction(found: list[Finding]) -> None:
    # "Kiev lied", "they officially said there was no request", "no requests ... recorded",
    # "has not requested ... in the past few days": all deny what Mendel asserts.
    hits = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    assert {f"{TOP}#kiev-lied", f"{TOP}#hl-kiev-lied", f"{TOP}#peskov-no-requests-recorded",
            f"{URDU}#lede-not-requested", f"{URDU}#hl-not-requested",
            f"{PLEDGE}#zelenskiy-they-said-no-request", f"{PLEDGE}#peskov-next-day",
            f"{TOP}#mendel-request-made", f"{PLEDGE}#asked-head-of-office"} <= claims_of(hits[0])
    # Peskov's own words ("I have not seen any requests") are no denial.
    assert not {f"{TOP}#peskov-not-aware", f"{URDU}#peskov-not-seen"} & claims_of(hits[0])


def test_peskov_quotes_join_the_knowledge_gap(found: list[Finding]) -> None:
    gaps = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(gaps) == 1
    assert {f"{TOP}#peskov-not-aware", f"{URDU}#peskov-not-seen"} <= claims_of(gaps[0])


@pytest.mark.parametrize("claim", [f"{TOP}#hl-kiev-lied", f"{TOP}#kiev-lied"])
def test_own_voice_kiev_lied_is_unsourced_and_reads_as_a_denial(found: list[Finding],
                                                                claim: str) -> None:
    hits = involving(found, "A401", claim)
    assert len(hits) == 1
    assert hits[0].message.startswith("Topcor denies 'Office of the President of Ukraine")


def test_peskov_said_the_next_day_is_a_date_mismatch(found: list[Finding]) -> None:
    # Pledge Times: Peskov spoke "the next day" (13 April); he spoke on Monday 12 April.
    hits = involving(found, "D601", f"{PLEDGE}#peskov-next-day")
    assert len(hits) == 1
    assert {f"{TOP}#peskov-no-requests-recorded", f"{URDU}#lede-not-requested"} & claims_of(hits[0])
    assert "2021-04-13" in hits[0].message and "2021-04-12" in hits[0].message


# ------------------------------------------------------------------ quotes


def test_block_quotations_are_quotes(found: list[Finding]) -> None:
    # Topcor sets quotes as paragraphs without marks, each followed by "- noted Mendel".
    assert [f for f in by_rule(found, "A405") if any(s in f.focus for s in NEW)] == []


@pytest.mark.parametrize("claim", ["mendel-request-made", "mendel-no-answer",
                                   "mendel-hope-not-refusal", "peskov-not-aware"])
def test_back_translated_quotes_are_compared(found: list[Finding], claim: str) -> None:
    # "The presidential administration, of course, asked to speak" is not Reuters' wording.
    assert len(involving(found, "U301", f"{TOP}#{claim}")) == 1


def test_peskov_past_few_days_joins_the_peskov_variance(found: list[Finding]) -> None:
    assert len(involving(found, "U301", f"{URDU}#peskov-not-seen")) == 1


# ------------------------------------------------------------- attribution


def test_registered_wordings_of_one_role_are_one_title(found: list[Finding]) -> None:
    # "press secretary of the Ukrainian president" and "Press Secretary of the President of
    # Ukraine" are the same title, and the registry lists it and "spokeswoman" for Mendel's
    # role: the curator confirmed both, so there is nothing to check or add (audit: N502
    # asked to add aliases the role already had). Peskov's "press secretary of Vladimir
    # Putin" names his registered title through Putin's.
    assert [f.values["wordings"] for f in by_rule(found, "N502")
            if f.values["speaker"] in ("mendel", "peskov")] == []


def test_interview_given_to_another_outlet_is_second_hand(found: list[Finding]) -> None:
    assert involving(found, "A404", f"{PLEDGE}#zelenskiy-called-no-answer")
    assert "Russia -> Volodymyr Zelenskyy -> Le Figaro -> Pledge Times" in involving(
        found, "A404", f"{PLEDGE}#russia-said-not-received")[0].message


def test_media_reports_are_vague(found: list[Finding]) -> None:
    assert involving(found, "A402", f"{URDU}#media-reports-asked")


def test_blame_claims_join_the_disputed_blame(found: list[Finding]) -> None:
    hits = by_rule(found, "C103")
    assert len(hits) == 1
    assert {f"{TOP}#ukraine-blames-russia", f"{PLEDGE}#ukraine-holds-russia-responsible"} <= (
        claims_of(hits[0]))


# ------------------------------------------------------------------- times


def test_every_new_time_is_understood(found: list[Finding]) -> None:
    # "a few days ago", "Since the end of March", "Recently", "in the past few days".
    assert [f.message for f in found if f.rule in ("I011", "D604")
            and any(s in f.location.path for s in NEW)] == []


# ------------------------------------------------------------ known gaps


def test_paraphrase_overstating_its_own_quote(found: list[Finding]) -> None:
    # UrduPoint's lede "has not requested" (denies) over its own quote of Peskov "I have
    # not seen any requests" (not aware); Topcor's "no requests ... have been recorded"
    # over its block quote "I am not aware of any requests". Located at the paraphrase.
    hits = by_rule(found, "U302")
    urdu = [f for f in hits if f.focus == f"{URDU}#lede-not-requested"]
    assert len(urdu) == 1
    assert claims_of(urdu[0]) == {f"{URDU}#lede-not-requested", f"{URDU}#peskov-not-seen"}
    assert urdu[0].values["paraphrase_stance"] == "denies"
    assert urdu[0].values["quote_stances"] == ["not-aware"]
    assert {f.focus for f in hits} == {f"{URDU}#lede-not-requested",
                                       f"{TOP}#peskov-no-requests-recorded"}
