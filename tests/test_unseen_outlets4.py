"""Fourth generality probe: Al Jazeera (Tuesday 13 April 2021), the Guardian (Thursday 15 April)
and RT (Friday 16 April), curated by an audit beside the two seed records, judged as a
careful fact-checker would.

tests/fixtures/unseen4/facts/ holds the seed records and the three new ones, with the audit's
registry and vocabulary additions (no reviews, so nothing is waived). The audit planted
problems a fact-checker must be shown (a denial against an assertion, a figure beyond
tolerance, a scope misreading, a wrong weekday, a misspelt name, a quote worded two ways, a
headline stronger than its body, an unsourced contested claim) and things that must stay
silent (a later article's correct date for the same event, a single-quoted headline, a
schedule, a quotation split by its attribution, transliterations, figures of another period).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen4"
AJ = "aljazeera-2021-04-13-ukraine-warns-russia-preparing-offensive"
GU = "guardian-2021-04-15-nato-tells-russia-to-end-ukraine-buildup"
RT = "rt-2021-04-16-no-such-request-kremlin-says-kiev-never"
RFE = "rferl-2021-04-12-dialogue"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]


found = probe_findings(FIXTURE)


def test_peskov_s_denial_stands_against_mendel_and_the_message_names_them(
        found: list[Finding]) -> None:
    """RT's "There has been no such request" (Peskov, quoted) denies what Mendel says; the
    message names the two best-sourced claims, not RT's unnamed 'Ukrainian officials' and
    its headline, which came first in the file."""
    hits = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    assert f"{RT}#peskov-no-such-request" in claims_of(hits[0])
    assert "Iuliia Mendel" in hits[0].message and "Dmitry Peskov" in hits[0].message
    assert "'Ukrainian officials' says" not in hits[0].message


def test_figures_and_scope(found: list[Finding]) -> None:
    """RT's 19 killed since January against 26, at least 28 and about 30: Q201. The
    Guardian's 41,000 'on the border and in Crimea' where Al Jazeera has 41,000 on the
    border and 42,000 in Crimea: Q203, joined to the seed's scope discrepancy."""
    assert involving(found, "Q201", f"{RT}#kiev-19-killed")
    q203 = involving(found, "Q203", f"{GU}#mfa-41000-border-and-crimea")
    assert q203 and f"{RFE}#mendel-40000-troops" in claims_of(q203[0])
    # "about 40,000" on the border is within tolerance of 41,000: no figure finding
    assert not [f for f in found if f.rule in ("Q201", "Q202")
                and f"{GU}#us-officials-about-40000-border" in claims_of(f)]


def test_wrong_weekday_misspelling_quote_and_headline(found: list[Finding]) -> None:
    assert involving(found, "D603", f"{AJ}#nato-video-conference")  # "Thursday, April 14"
    assert [f for f in by_rule(found, "N501") if "'Stoltenburg'" in f.message]
    assert involving(found, "U301", f"{AJ}#mendel-no-response")  # "not yet received a response"
    assert involving(found, "H701", f"{AJ}#hl-russia-preparing-offensive")  # asserts over fears


def test_dates_of_statements_across_days(found: list[Finding]) -> None:
    """Peskov's "not aware" dated Monday by Al Jazeera and Tuesday by RT; the Black Sea
    closure announced "on Wednesday" (Guardian) and "On Thursday" (RT)."""
    assert involving(found, "D601", f"{RT}#peskov-tuesday-not-aware")
    assert involving(found, "D601", f"{RT}#mod-restrict-black-sea")
    # "the Biden-Putin call on Tuesday" from a Friday article is the Tuesday of that week
    dates = [f for f in found if f.rule.startswith("D60")]
    assert not [f for f in dates if f"{RT}#biden-putin-call-tuesday" in claims_of(f)]


def test_unsourced_contested_claim_but_no_schedule(found: list[Finding]) -> None:
    """RT's own-voice "pose no threat" is contested (A401); its "was set to join by video
    link" on the day of publication is a schedule, not an inference."""
    assert involving(found, "A401", f"{RT}#troops-no-threat")
    assert not involving(found, "A401", f"{RT}#merkel-video-link")


def test_single_quoted_headline_is_a_quotation(found: list[Finding]) -> None:
    """"'No such request': Kremlin says ..." quotes with single marks (A405 fired)."""
    assert not involving(found, "A405", f"{RT}#hl-kiev-never-asked")


def test_a_quotation_split_by_its_attribution_is_one_wording(found: list[Finding]) -> None:
    assert not involving(found, "U301", f"{GU}#stoltenberg-largest-massing")


def test_transliterations_are_no_misspellings(found: list[Finding]) -> None:
    """Sergey, Yulia/Yuliya, Zelensky, Kiev, Lugansk, Donbass are registered spellings:
    N501 fires only on the planted 'Stoltenburg' and the seed's 'Volodomyr'."""
    words = {f.message.split("'")[1] for f in by_rule(found, "N501")}
    assert words == {"Stoltenburg", "Volodomyr"}


def test_a_figure_of_another_period_corroborates_nothing(found: list[Finding]) -> None:
    """Al Jazeera's "at least 28 since the start of the year" does not back RFE/RL's "50
    in all of 2020": that figure still rests on one chain (R801)."""
    assert involving(found, "R801", f"{RFE}#zelenskiy-50-killed-2020")


def test_guardian_own_voice_request_is_contested_through_the_office(found: list[Finding]) -> None:
    """The Guardian's own "Zelenskiy has sought a conversation with Putin for weeks" (15 April)
    is contested by Peskov's "There has been no such request" (RT, said on 15 April) about the
    office Zelenskiy heads: one party, so A401 names the denial with its own words and the
    link. Keyed by the literal subject, the two were never compared."""
    hits = involving(found, "A401", f"{GU}#zelenskiy-sought-conversation")
    assert len(hits) == 1
    assert f"{RT}#peskov-no-such-request" in claims_of(hits[0])
    assert "on 'Office of the President of Ukraine requested talks with Vladimir Putin' denies it" \
        in hits[0].message
    assert "is the office of Volodymyr Zelenskyy, President of Ukraine" in hits[0].message
