"""Sixth generality probe: The New York Times (Tuesday 13 April 2021, updated, with a
correction note), CNN's live blog (Wednesday 14 April, timestamped posts each with a heading)
and Euronews with AFP/AP (Thursday 15 April), curated by an audit beside the two seed records,
judged as a careful fact-checker would.

tests/fixtures/unseen6/facts/ holds the seed records and the three new ones, with the audit's
registry additions (Borrell, Ukraine's military intelligence, the outlets, the NYT's 'Dmitri'
as a transliteration) and no reviews, so nothing is waived.

Planted, to be shown: Peskov's Thursday denial against Mendel's request (C101); headlines
stronger than their bodies, the NYT's "Kremlin Rebuffs" and a CNN post's "Kremlin snubs"
(H701); "around 60,000" from Western officials against Kyiv's "more than 80,000" and CNN's
"about 80,000" for the same places (Q201); CNN's "more than in all of 2020" (fewer than 28)
against 50 in 2020, located at the lone figure (Q201); a wrong weekday in a European date,
"Tuesday 14 April" (D603); Mendel's "refusal to dialogue" against "refusal of dialogue"
(U301); a Borrell statement dated Tuesday and Wednesday, in the same words (D601); CNN's
post heading 'Kremlin says Putin "took note"', words its body never quotes (H701). A live
blog's post headings are curated as headline claims (the model has one headline part).

Must stay silent: the NYT's "compared with 50 in all of last year" corroborates RFE/RL's 50
in 2020 (R801); the White House readout quoted as "build-up" and "buildup" (U301); CNN's
"Monday" without "on" from a Wednesday blog against the NYT's "on Monday" (D601); middle
initials ("Antony J. Blinken") and honorifics (N501); Mendel's own words to CNN on Wednesday,
another occasion than her words of Monday (D601), even beside Euronews's "earlier this
week", which prints Monday's words (U301).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen6"
NYT = "nyt-2021-04-13-kremlin-rebuffs-ukraine"
CNN = "cnn-2021-04-14-russia-ukraine-tensions-live"
EN = "euronews-2021-04-15-kremlin-denies-zelensky-request"
RFE = "rferl-2021-04-12-dialogue"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]


found = probe_findings(FIXTURE)


def test_peskov_s_denial_stands_against_mendel(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    assert f"{EN}#peskov-no-such-request" in claims_of(hits[0])
    assert involving(found, "A404", f"{EN}#peskov-no-such-request")  # "according to Interfax"


def test_the_denial_names_mendel_and_peskov(found: list[Finding]) -> None:
    """Peskov's quoted Thursday denial against Mendel's quoted "of course" (Euronews prints
    both), not the NYT's undated paraphrase of the office against Euronews's headline
    "Kremlin denies", which meet only through the days up to their publication."""
    hits = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert "Iuliia Mendel" in hits[0].message and "Dmitry Peskov" in hits[0].message


def test_the_knowledge_gap_names_whole_quotations(found: list[Finding]) -> None:
    """Peskov's "not aware" against Mendel's request: the message names a whole quoted
    sentence of hers, not CNN's fragment "more than a week ago"."""
    hits = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1 and f"{CNN}#mendel-request-sent" in claims_of(hits[0])
    assert f"({CNN}#mendel-request-sent) says so" not in hits[0].message
    assert "#mendel-request-made) says so" in hits[0].message


def test_headlines_stronger_than_their_bodies(found: list[Finding]) -> None:
    assert involving(found, "H701", f"{NYT}#hl-kremlin-rebuffs")
    assert involving(found, "H701", f"{CNN}#post-kremlin-snubs")
    # "Kremlin denies Zelensky ever asked" is what the body's Peskov says
    assert not involving(found, "H701", f"{EN}#hl-kremlin-denies")


def test_troop_figures(found: list[Finding]) -> None:
    q201 = involving(found, "Q201", f"{EN}#western-officials-about-60000")
    assert q201 and f"{CNN}#us-official-about-80000" in claims_of(q201[0])
    # Kyiv's figure in the same article casts no vote; CNN's is another source's
    assert q201[0].focus == f"{EN}#western-officials-about-60000"
    # the NYT's "about 40,000 ... and another 40,000" each against "around 60,000" combined
    q203 = involving(found, "Q203", f"{NYT}#military-40000-border")
    assert q203 and f"{EN}#western-officials-about-60000" in claims_of(q203[0])
    # "more than 80,000" combined and "about 40,000" each can both hold
    assert not [f for f in found if f.rule in ("Q201", "Q202")
                and {f"{EN}#kyiv-more-than-80000", f"{NYT}#military-40000-border"}
                <= claims_of(f)]


def test_a_lone_figure_against_two_is_where_to_edit(found: list[Finding]) -> None:
    """CNN's "more than in all of 2020" (fewer than 28) against the NYT's and RFE/RL's 50:
    the finding is located at CNN's figure, the one to check."""
    hits = involving(found, "Q201", f"{CNN}#officials-fewer-in-2020")
    assert hits and f"{NYT}#military-50-killed-last-year" in claims_of(hits[0])
    assert hits[0].location.path.endswith(f"{CNN}.yaml")
    # the periods that make the figures comparable are in the message
    assert "50 soldiers in all of last year (2020-01-01..2020-12-31)" in hits[0].message
    assert "fewer than 28 soldiers in all of 2020 (2020-01-01..2020-12-31)" in hits[0].message


def test_dates(found: list[Finding]) -> None:
    assert involving(found, "D603", f"{EN}#nato-ministers-met")  # "Tuesday 14 April"
    assert involving(found, "D601", f"{EN}#borrell-extreme-concern")  # Tuesday vs Wednesday
    # Mendel told CNN on Wednesday, in words no Monday report prints: another occasion
    assert not involving(found, "D601", f"{CNN}#mendel-no-response")
    assert not involving(found, "D601", f"{CNN}#mendel-request-sent")
    # CNN's "Monday" from Wednesday and the NYT's "on Monday" from Tuesday: 12 April both
    assert not [f for f in found if f.rule.startswith("D60")
                and f"{CNN}#peskov-not-aware-monday" in claims_of(f)]


def test_quotes(found: list[Finding]) -> None:
    assert involving(found, "U301", f"{EN}#mendel-not-a-refusal")  # "to" vs "of" dialogue
    # the readout's "build-up" (CNN) and "buildup" (NYT) are one word
    assert not involving(found, "U301", f"{NYT}#biden-voiced-concerns")


def test_a_second_chain_corroborates(found: list[Finding]) -> None:
    """The NYT's "50 in all of last year" (the Ukrainian military) backs RFE/RL's 50 in 2020."""
    assert not involving(found, "R801", f"{RFE}#zelenskiy-50-killed-2020")


def test_names(found: list[Finding]) -> None:
    """'Antony J. Blinken', 'Sergei K. Shoigu', 'Mr. Peskov' and the registered 'Dmitri'
    are no misspellings: only the seed's 'Volodomyr' is."""
    words = {f.message.split("'")[1] for f in by_rule(found, "N501")}
    assert words == {"Volodomyr"}


def test_a_vague_time_does_not_join_two_occasions(found: list[Finding]) -> None:
    """Euronews's "earlier this week" (Monday to Thursday) prints Mendel's Monday words
    ("of course"): those are Monday's, so her Wednesday words to CNN ("more than a week
    ago") are another occasion, not the same statement worded two ways."""
    assert not involving(found, "U301", f"{CNN}#mendel-request-sent")


def test_a_headline_quote_missing_from_the_body(found: list[Finding]) -> None:
    """CNN's post heading 'Kremlin says Putin "took note"' over a body that quotes only
    Peskov's "too early"; the NYT's and RT-style cut quotes ("unjustified") stay silent."""
    hits = [f for f in involving(found, "H701", f"{CNN}#post-putin-took-note")
            if f.values.get("missing")]
    assert hits and "'took note'" in hits[0].message
    assert not [f for f in by_rule(found, "H701") if f.values.get("missing")
                and f"{CNN}#post-nato-unjustified" in claims_of(f)]


def test_a_correction_note_is_shown(found: list[Finding]) -> None:
    # The NYT's "Correction: ... It is at least 26, not 36", recorded in source.corrections:
    # a fact-checker is told the article was corrected, which claim and which figure.
    hits = [f for f in by_rule(found, "E101") if f.focus.startswith(NYT)]
    assert len(hits) == 1
    assert "corrected on 2021-04-14" in hits[0].message
    assert hits[0].values["withdrawn_value"] == 36
    assert claims_of(hits[0]) == {f"{NYT}#military-at-least-26-killed"}
    # No other outlet of the fixture prints the withdrawn 36, and the note is covered.
    assert not by_rule(found, "E102")
    assert not [f for f in by_rule(found, "V901") if "not 36" in f.message]
