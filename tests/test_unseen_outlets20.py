"""Twentieth generality probe: The Daily Telegraph (Tuesday 13 April 2021, "13 April 2021
• 7:00pm" London time: a judgement headline "Putin snubs Zelensky's plea for talks", a
standfirst, "yesterday" for Monday, "Mr Putin's spokesman", Mendel's words to Reuters,
"Western officials privately", "is understood to", "A senior Whitehall source"), LRT
English (Lithuania's public broadcaster, "2021.04.13 10:42" Vilnius time, credited
"LRT.lt, BNS": President Nausėda, Foreign Minister Landsbergis on the broadcaster's own
radio, Defence Minister Anušauskas, the Estonian and Latvian foreign ministers, "a source
in Lithuanian military intelligence", the G7 statement dated "On Sunday") and a dpa wire
story ("Kiev/Moscow (dpa) -", quotes translated from Russian and German, Interfax's words
relayed, "© dpa-infocom, dpa:210413-99-186943/3") as the Otago Daily Times republished it
on Wednesday 14 April at 5:51am New Zealand time, curated by an audit beside the
eighteenth probe's records (the two seed records, Reuters' two versions, the WSJ, NBC
News), judged as a careful fact-checker would.

There is no network here: the three texts were written by the audit in each outlet's
style, with the variation real coverage of 12-13 April has; they are not the outlets'
published words. The URLs, the Baltic and German officials' quotations, the sources and
the figures' wording are invented.

tests/fixtures/unseen20/facts/ holds the eighteenth probe's records, registry and
vocabulary with this audit's additions (the outlets, dpa and BNS; Lithuanian, Latvian,
German and British officials; the thirteenth probe's unit airborne-units, of which the
Telegraph's "airborne formations" are another name), and no reviews.

Planted, to be shown: the Telegraph's headline "snubs" (a refusal) over Mendel's hope
that it is not one (H701, A401) and its standfirst's G7 demand that the body never gives
(H701); LRT's deck "Baltic capitals rally behind Kyiv", which only Lithuania's support
backs (H701); the G7 statement "On Sunday" at LRT, "on Monday" at dpa (D601: before this
audit its message offered the New Zealand paper's time zone as a reason, though dpa's words
date in the agency's); Stoltenberg's
"deeply concerning" (Telegraph) and "very concerning" (dpa) (U301); the Ukrainian army's
27 soldiers killed this year (dpa) beside Kyiv's 28 (Telegraph) (Q202); the Kremlin's
"threaten no one" against Nausėda's "threat to the whole region" (C101), and Moscow's
denial against Kyiv's and the West's accusation inside the dpa story (C101); Mendel's
words to Reuters in the Telegraph (A404), Peskov through "Russian news agencies" at LRT
and through Interfax in dpa's story (A404: "Peskov -> Interfax -> Deutsche Presse-Agentur
-> Otago Daily Times"; before this audit the chain left out dpa, the agency whose story
the paper printed); the paper's own "troops mass" (A401), "is understood to" and "are
expected to" (A401); "Western officials", "Some analysts in Moscow", "growing fears"
(A402); "A senior Whitehall source", "A source in Lithuanian military intelligence"
(A403).

Must stay silent: the G7's "destabilising" (Telegraph) beside "destabilizing" (RFE/RL),
Mendel's "We very much hope ..." and the G7's "cease its provocations", each a part of
the words the others quote (U301); the dpa headline "Kremlin 'not aware'" over its
spokesman's words, LRT's headline over Nausėda's lede, the Telegraph's "The Kremlin says
it knows nothing" over Peskov's "not aware" and its Nato demand over Stoltenberg's
"Russia must end this military build-up" (H701); Landsbergis told LRT RADIO, at LRT
(A404); "Mr Putin's spokesman", "Russia's defence minister", "Nato's Secretary General",
"Zelensky's spokeswoman", "German government spokesman", "Lithuanian president",
"Nausėda" and "Rinkēvičs" (N501, N502); Kyiv's "around 80,000" (LRT) and "more than
80,000" (Telegraph, dpa) beside Mendel's "more than 40,000" in each place, LRT's "almost
30" killed, the UN's "more than 13,000" in dpa's story (Q201-Q203, E102); Shoigu's two
armies and three airborne formations ("units" at LRT) in two chains (R801); "yesterday",
"on Tuesday morning", "last Thursday" and "on Tuesday" in a paper dated Wednesday in New
Zealand (I011, D601, D602); every line covered (V901).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen20"
TEL = "telegraph-2021-04-13-putin-snubs-zelensky"
LRT = "lrt-2021-04-13-build-up-threatens-region"
ODT = "odt-2021-04-14-kremlin-not-aware-dpa"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
NEW = (TEL, LRT, ODT)


found = probe_findings(FIXTURE)


def new_hits(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in by_rule(found, rule) if f.focus and f.focus.split("#")[0] in NEW]


def test_headlines_and_decks_stronger_than_their_bodies(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "H701")} == {
        f"{TEL}#hl-putin-snubs-plea", f"{TEL}#deck-g7-demands-pullback", f"{LRT}#deck-baltic-rally"}
    [snub] = involving(found, "H701", f"{TEL}#hl-putin-snubs-plea")
    assert claims_of(snub) == {f"{TEL}#hl-putin-snubs-plea", f"{TEL}#mendel-hope-not-refusal"}
    assert "only Iuliia Mendel hopes it is not so" in snub.message
    for deck in (f"{TEL}#deck-g7-demands-pullback", f"{LRT}#deck-baltic-rally"):
        [hit] = involving(found, "H701", deck)
        assert "no body claim states it" in hit.message, deck


def test_headlines_their_bodies_bear_out(found: list[Finding]) -> None:
    """The Kremlin is 'not aware' in its spokesman's words; Nausėda says the region is
    threatened; Stoltenberg, Nato's head, demands an end to the build-up."""
    for claim in (f"{ODT}#hl-kremlin-not-aware", f"{LRT}#hl-buildup-threatens-region",
                  f"{LRT}#deck-vilnius-warns", f"{TEL}#deck-kremlin-knows-nothing",
                  f"{TEL}#deck-nato-demands-pullback", f"{TEL}#hl-troops-mass"):
        assert not involving(found, "H701", claim), claim


def test_unsourced_and_hedged_in_the_outlets_own_voice(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A401")} == {
        f"{TEL}#hl-putin-snubs-plea", f"{TEL}#wallace-warships-understood",
        f"{LRT}#baltic-joint-statement-expected"}
    # The build-up the Telegraph states in its own voice (headline and lede) against the
    # relayed denial is one disagreement: it joins NBC's own-voice claims' one finding
    # (the tenth audit's A401, one finding per block and side).
    [buildup] = [f for f in by_rule(found, "A401")
                 if f"{TEL}#hl-troops-mass" in claims_of(f)]
    assert {f"{TEL}#hl-troops-mass", f"{TEL}#lede-troops-gathered",
            f"{RFE}#mfa-russia-denies-activities"} <= claims_of(buildup)
    [snub] = involving(found, "A401", f"{TEL}#hl-putin-snubs-plea")
    assert f"{RFE}#mendel-hope-not-refusal" in claims_of(snub)


def test_vague_and_unnamed_sources(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A402")} == {
        f"{TEL}#officials-credible", f"{TEL}#analysts-testing-biden", f"{ODT}#lede-fears-of-war"}
    assert {f.focus for f in new_hits(found, "A403")} == {
        f"{TEL}#whitehall-source-push", f"{LRT}#intel-largest-since-2014"}


def test_second_hand_words_and_their_chains(found: list[Finding]) -> None:
    """Words told to the broadcaster's own radio are first-hand; the chain of a
    republished wire story names the wire (before this audit: 'Dmitry Peskov -> Interfax
    -> Otago Daily Times')."""
    chains = {f.focus: f.values["chain"] for f in new_hits(found, "A404")}
    mendel = ["Iuliia Mendel", "Reuters", "The Daily Telegraph"]
    assert chains == {
        f"{TEL}#mendel-asked": mendel, f"{TEL}#mendel-no-answer": mendel,
        f"{TEL}#mendel-hope-not-refusal": mendel,
        f"{LRT}#peskov-knew-of-no-request": ["Dmitry Peskov", "Russian news agencies", "LRT"],
        f"{ODT}#peskov-not-aware": [
            "Dmitry Peskov", "Interfax", "Deutsche Presse-Agentur", "Otago Daily Times"],
    }
    [relayed] = involving(found, "A404", f"{ODT}#peskov-not-aware")
    assert "Dmitry Peskov -> Interfax -> Deutsche Presse-Agentur -> Otago Daily Times" in relayed.message
    assert not involving(found, "A404", f"{LRT}#landsbergis-testing-west")


def test_the_g7_statement_dated_a_day_early(found: list[Finding]) -> None:
    """dpa's 'on Monday' is dated in the agency's time zone, not the New Zealand paper's:
    before this audit the message offered the paper's UTC+12:00 against LRT's UTC+03:00
    as a reason the two dates might name one moment."""
    [hit] = new_hits(found, "D601")
    assert claims_of(hit) == {f"{ODT}#g7-cease-provocations", f"{LRT}#g7-stop-provocations-sunday"}
    assert "'On Sunday' (2021-04-11)" in hit.message and "'on Monday' (2021-04-12)" in hit.message
    assert "published at" not in hit.message and "time zone" not in hit.message


def test_stoltenbergs_words_in_two_renderings(found: list[Finding]) -> None:
    [hit] = new_hits(found, "U301")
    assert claims_of(hit) == {f"{TEL}#stoltenberg-deeply-concerning", f"{ODT}#stoltenberg-very-concerning"}
    assert '"unjustified, unexplained and very concerning"' in hit.message


def test_peskovs_translated_words_join_the_known_variance(found: list[Finding]) -> None:
    """dpa's 'We are not aware of any new requests' (from Russian) and the Telegraph's
    'not aware' join the seed's 'in recent days' / 'made lately' finding: one finding."""
    [peskov] = involving(found, "U301", f"{ODT}#peskov-not-aware")
    quoted = {f"{source}#peskov-not-aware" for source in (TEL, RFE, RBT)}
    assert quoted <= claims_of(peskov)


def test_quotes_in_part_or_in_british_spelling_are_one_wording(found: list[Finding]) -> None:
    for claim in (f"{TEL}#g7-threatening", f"{TEL}#mendel-hope-not-refusal",
                  f"{ODT}#g7-cease-provocations", f"{LRT}#nauseda-direct-threat",
                  f"{ODT}#maas-pull-back", f"{TEL}#stoltenberg-must-end"):
        assert not involving(found, "U301", claim), claim


def test_this_years_toll_27_against_28(found: list[Finding]) -> None:
    [hit] = new_hits(found, "Q202")
    assert claims_of(hit) == {f"{TEL}#kyiv-28-killed", f"{ODT}#army-27-killed"}
    assert not new_hits(found, "Q201") and not new_hits(found, "Q203")


def test_figures_that_agree(found: list[Finding]) -> None:
    for claim in (f"{LRT}#kyiv-80000", f"{TEL}#mendel-80000", f"{ODT}#kiev-80000",
                  f"{LRT}#ukraine-almost-30-killed", f"{ODT}#un-13000", f"{TEL}#war-14000-lives"):
        for rule in ("Q201", "Q202", "Q203", "E102"):
            assert not involving(found, rule, claim), (rule, claim)


def test_shoigus_formations_in_two_chains(found: list[Finding]) -> None:
    for claim in ("shoigu-two-armies", "shoigu-three-formations"):
        assert not involving(found, "R801", f"{TEL}#{claim}"), claim
    for claim in ("shoigu-two-armies", "shoigu-three-units"):
        assert not involving(found, "R801", f"{LRT}#{claim}"), claim


def test_threat_and_support_disputed(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "C101")} == {
        f"{TEL}#kremlin-threaten-no-one", f"{ODT}#moscow-denies-support"}
    [threat] = involving(found, "C101", f"{TEL}#kremlin-threaten-no-one")
    assert f"{LRT}#nauseda-threat-region" in claims_of(threat)
    assert f"{LRT}#kremlin-denies-threat" in claims_of(threat)
    [support] = involving(found, "C101", f"{ODT}#moscow-denies-support")
    assert claims_of(support) == {f"{ODT}#moscow-denies-support", f"{ODT}#ukraine-accuses-support",
                                  f"{ODT}#west-accuses-support"}


def test_the_kremlins_knowledge_gap_takes_the_new_accounts(found: list[Finding]) -> None:
    [gap] = by_rule(found, "C102")
    assert {f"{LRT}#peskov-knew-of-no-request", f"{ODT}#peskov-not-aware",
            f"{TEL}#deck-kremlin-knows-nothing", f"{TEL}#mendel-asked"} <= claims_of(gap)


def test_names_and_titles_as_written(found: list[Finding]) -> None:
    assert new_hits(found, "N501") == [] and new_hits(found, "N502") == []
    assert [f.values["written"] for f in by_rule(found, "N501")] == ["Volodomyr"]


def test_every_time_is_read(found: list[Finding]) -> None:
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D602") == []
    assert not new_hits(found, "D603") and not new_hits(found, "D604")


def test_every_line_is_covered(found: list[Finding]) -> None:
    assert not new_hits(found, "V901")


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule
