"""Thirteenth generality probe: AFP (a wire story of Monday 12 April 2021 as a US business
site, Barron's, republishes it: "By AFP - Agence France Presse", Mendel and an anonymous
security official "told AFP", Peskov's Russian rendered in AFP's English), Le Monde (its
English edition, translated from French, of Tuesday 13 April: "Le Monde with AFP",
"Iouliia Mendel", "Dmitri Peskov", "Kiev", "Donbass", "the head of Ukrainian diplomacy",
dates such as "On Monday 12 April" and "on Friday 16 April", figures such as
"80\u00a0000" and "40.000", "some fifteen" for "une quinzaine") and Der Spiegel International
(a longer analysis of 13 April: the German government's reaction, the BND's briefing as
lawmakers relay it, a NATO diplomat and "Western security circles", the outlet's own
reading of Putin's motive), curated by an audit beside the two seed records, judged as a
careful fact-checker would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has; they are not the
outlets' published words. The reporters, the URLs, the BND briefing and the NATO
diplomat's words are invented.

tests/fixtures/unseen13/facts/ holds the seed records and the three new ones, with the
twelfth audit's registry and vocabulary and this audit's additions: the outlets, Germany's
government (Seibert, Maas, the BND, Berlin as a place that acts, Merkel's "Chancellor"), the
Elysée (head: President of France), the Bundestag's members, two unnamed sources given a
registry entry as earlier probes do, Ukraine's northern border, the Black Sea and Voronezh;
the French transliterations "Iouliia Mendel" and "Dmitri Peskov" and the role wordings
"spokeswoman of the Ukrainian head of state", "spokesman of the Russian presidency", "head of
Ukrainian diplomacy", "Russian defence minister", "NATO chief"; the units people (lives,
dead), armies, airborne-units (airborne formations) and warships (ships). No reviews.

Planted, to be shown: Le Monde's "On Thursday 9 April" (a Friday: D603) and its G7 statement
"published on Sunday" against RFE/RL's "on April 12" (D601); AFP's and Der Spiegel's Thursday
against Reuters' Friday for Putin's accusation (D601); Shoigu's "three armies" (Le Monde)
against "two armies" (Der Spiegel: Q201); the Ukrainian army's 25 dead since January a day
after AFP's "at least 26" (Q202); Der Spiegel's "denied ... that any such request had been
received" over Peskov's quoted "I am not aware" (U302, C101) and its standfirst's "the Kremlin is
stonewalling" (H701); Mendel as "Zelensky's chief of staff" (N502); Peskov's one sentence in
three translations (U301); unnamed, vague and second-hand sources (A403, A402, A404), the BND's
briefing as the reporter hedges it, "is said to have" (``by.hedge``: A402); Der Spiegel's own
reading of Putin's motive (A401).

Must stay silent: Mendel's words told AFP against her words told Reuters (U301: two
interviews); a quote's words inside another quote of the same sentence ("political wisdom",
"immediate need", "threatening and destabilising"); "told AFP" in AFP's own copy and "told
DER SPIEGEL" (A404); the French role wordings and transliterations (N501, N502); "on Friday",
"On Friday" and "on Friday 16 April" for one meeting (D601); "more than 80\u00a0000" and "more
than 40.000" against the other figures (Q201-Q203); "more than 13,000 lives" and "13\u00a0000
dead" against Kyiv's "14,000 people" (Q201, Q202); "three airborne units" and "three airborne
formations" (R801: one measure, two chains); an accurate headline (H701).

A figure from the wire and from an article "with AFP" rests on one chain (R801), and one
speaker's "more than 40,000" and "more than 80,000" for one statement are Q202's "one
statement, two figures": both strict xfails until the ninth audit.
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen13"
AFP = "barrons-afp-2021-04-12-kremlin-unaware-request"
LM = "lemonde-2021-04-13-kiev-asks-putin-talks"
SP = "spiegel-2021-04-13-putin-brinkmanship"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]


found = probe_findings(FIXTURE)


def test_a_wrong_weekday_in_a_french_style_date(found: list[Finding]) -> None:
    hits = by_rule(found, "D603")
    assert len(hits) == 1 and claims_of(hits[0]) == {f"{LM}#putin-thursday-9-april"}
    assert "'9 April' (2021-04-09) is a Friday" in hits[0].message


def test_one_accusation_dated_two_days_apart(found: list[Finding]) -> None:
    hits = involving(found, "D601", f"{RBT}#putin-accuses-provocations")
    assert len(hits) == 1
    assert {f"{AFP}#putin-thursday-provocations", f"{SP}#putin-blamed-provocations",
            f"{LM}#putin-thursday-9-april"} <= claims_of(hits[0])


def test_the_g7_statement_dated_the_day_before(found: list[Finding]) -> None:
    hits = involving(found, "D601", f"{LM}#g7-statement-sunday")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{LM}#g7-statement-sunday", f"{RFE}#g7-threatening-activities"}


def test_one_meeting_in_three_wordings_of_its_friday(found: list[Finding]) -> None:
    """AFP's "on Friday" (of Monday's story), Der Spiegel's "On Friday" and Le Monde's "on
    Friday 16 April" (of Tuesday's): one day, 16 April 2021."""
    for claim in (f"{LM}#elysee-macron-friday", f"{AFP}#zelensky-paris-friday",
                  f"{SP}#zelensky-paris-friday"):
        assert not involving(found, "D601", claim), claim
    assert by_rule(found, "D602") == [] and by_rule(found, "I011") == []


def test_shoigu_s_armies_counted_two_ways(found: list[Finding]) -> None:
    hits = by_rule(found, "Q201")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{LM}#shoigu-three-armies", f"{SP}#shoigu-two-armies"}


def test_airborne_units_and_formations_are_one_measure(found: list[Finding]) -> None:
    for rule in ("Q201", "Q202", "R801"):
        assert not involving(found, rule, f"{LM}#shoigu-three-airborne"), rule
        assert not involving(found, rule, f"{SP}#shoigu-three-airborne"), rule


def test_a_toll_said_lower_a_day_later(found: list[Finding]) -> None:
    hits = involving(found, "Q202", f"{SP}#army-25-killed")
    assert len(hits) == 1 and f"{AFP}#army-at-least-26" in claims_of(hits[0])
    # "at least 26" on Monday and Zelenskiy's 26 of last week agree
    assert not involving(found, "Q201", f"{AFP}#army-at-least-26")


def test_french_grouped_figures_agree_with_the_others(found: list[Finding]) -> None:
    for claim in (f"{LM}#kiev-more-than-80000", f"{LM}#kiev-more-than-40000-crimea",
                  f"{SP}#mendel-more-than-80000"):
        for rule in ("Q201", "Q202", "Q203", "R801"):
            # Der Spiegel's figure is Q202's only as one statement reported two ways
            # (the test below), never as a figure misread
            hits = [f for f in involving(found, rule, claim)
                    if (f.values or {}).get("kind") != "restated"]
            assert not hits, (rule, claim)


def test_lives_and_dead_are_people(found: list[Finding]) -> None:
    """AFP's "more than 13,000 lives" and Le Monde's "more than 13\u00a0000 dead" against
    Kyiv's "14,000 people" (Reuters): one measure, compatible figures."""
    for claim in (f"{AFP}#conflict-13000-lives", f"{LM}#war-13000-dead",
                  f"{RBT}#conflict-killed-14000"):
        for rule in ("Q201", "Q202", "R801"):
            assert not involving(found, rule, claim), (rule, claim)


def test_the_analysis_overstates_peskov(found: list[Finding]) -> None:
    hits = by_rule(found, "U302")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{SP}#peskov-denied-request", f"{SP}#peskov-not-aware"}
    denial = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(denial) == 1 and f"{SP}#peskov-denied-request" in claims_of(denial[0])


def test_the_kremlin_not_aware_in_every_outlet(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    for claim in (f"{AFP}#peskov-not-seen", f"{AFP}#lede-kremlin-not-aware",
                  f"{LM}#peskov-not-seen", f"{LM}#kremlin-knew-nothing", f"{SP}#peskov-not-aware"):
        assert claim in claims_of(hits[0]), claim


def test_the_standfirst_overstates_the_body(found: list[Finding]) -> None:
    hits = by_rule(found, "H701")
    assert involving(found, "H701", f"{SP}#sum-kremlin-stonewalling")
    assert not [f for f in hits if any(c.source in (AFP, LM) for c in f.claims)]


def test_a_spokeswoman_titled_chief_of_staff(found: list[Finding]) -> None:
    hits = by_rule(found, "N502")
    assert len(hits) == 1 and f"{SP}#mendel-more-than-80000" in claims_of(hits[0])
    assert "'Zelensky's chief of staff'" in hits[0].message
    assert not [f for f in hits if any(c.source == LM for c in f.claims)]
    assert not [f for f in by_rule(found, "N501") if any(c.source == LM for c in f.claims)]


def test_one_kremlin_sentence_in_three_translations(found: list[Finding]) -> None:
    hits = involving(found, "U301", f"{AFP}#peskov-not-seen")
    assert len(hits) == 1
    assert {f"{LM}#peskov-not-seen", f"{SP}#peskov-not-aware"} <= claims_of(hits[0])


def test_words_told_to_others_or_within_a_longer_quote(found: list[Finding]) -> None:
    for claim in (f"{AFP}#mendel-still-waiting", f"{AFP}#mendel-asked-days-ago",
                  f"{LM}#mendel-no-answer", f"{AFP}#peskov-political-wisdom",
                  f"{AFP}#blinken-immediate-need", f"{AFP}#g7-threatening",
                  f"{LM}#kuleba-intimidate", f"{SP}#kuleba-intimidate"):
        assert not involving(found, "U301", claim), claim


def test_sources_named_unnamed_and_second_hand(found: list[Finding]) -> None:
    for claim in (f"{AFP}#official-offensive-within-weeks", f"{SP}#nato-diplomat-escalate"):
        assert involving(found, "A403", claim), claim
    for claim in (f"{LM}#diplomats-test-resolve", f"{SP}#security-circles-no-signs"):
        assert involving(found, "A402", claim), claim
    for claim in (f"{SP}#bnd-intimidate", f"{LM}#peskov-not-seen"):
        assert involving(found, "A404", claim), claim
    # "is said to have told members of the Bundestag": the reporter's hedge (by.hedge)
    [hedged] = involving(found, "A402", f"{SP}#bnd-intimidate")
    assert "hedged account ('is said to have')" in hedged.message
    # said to the wire whose copy this is, and to the outlet itself: first-hand
    for claim in (f"{AFP}#mendel-asked-days-ago", f"{AFP}#official-offensive-within-weeks",
                  f"{SP}#kuleba-intimidate"):
        assert not involving(found, "A404", claim), claim


def test_the_outlet_s_own_reading(found: list[Finding]) -> None:
    for claim in (f"{SP}#putin-testing", f"{SP}#hl-brinkmanship", f"{SP}#war-doubtful"):
        assert involving(found, "A401", claim), claim
    # "Whether the Kremlin actually wants a war is doubtful" read "suggests 'Kremlin
    # invades Ukraine (negated)'"
    # AFP's copy as Barron's republishes it: the words are AFP's ("Barron's states" before)
    [wire] = involving(found, "A401", f"{AFP}#lede-massive-buildup")
    assert wire.message.startswith("Agence France-Presse (republished by Barron's) states")
    [doubt] = involving(found, "A401", f"{SP}#war-doubtful")
    assert doubt.message.startswith("Der Spiegel suggests that 'Kremlin invades Ukraine' is "
                                    "not so in its own voice")


def test_no_correction_and_no_load_problem(found: list[Finding]) -> None:
    assert by_rule(found, "E101") == [] and by_rule(found, "E102") == []
    assert by_rule(found, "I007") == [] and by_rule(found, "I009") == []


def test_a_figure_from_the_wire_and_its_contributor_rests_on_one_chain(
        found: list[Finding]) -> None:
    # Le Monde "with AFP": its "some fifteen ships" may be AFP's own "15 warships" (an
    # xfail until the ninth audit: a contributing agency was no root, so two chains)
    [hit] = involving(found, "R801", f"{AFP}#defence-ministry-15-warships")
    assert {c.split("#")[0] for c in claims_of(hit)} == {AFP, LM}
    assert "one chain of reporting, Agence France-Presse: 2 claim(s)" in hit.message


def test_one_speaker_s_two_lower_bounds_for_one_statement(found: list[Finding]) -> None:
    hits = [f for rule in ("Q201", "Q202")
            for f in involving(found, rule, f"{SP}#mendel-more-than-80000")]
    assert [f.rule for f in hits] == ["Q202"]
    assert f"{RFE}#mendel-40000-troops" in claims_of(hits[0])
    assert "one statement, two figures" in hits[0].message
    assert "(reporting 80,000 to 88,000)" in hits[0].message
