"""Twenty-second generality probe: Xinhua's English wire (Wednesday 14 April 2021,
"2021-04-14 02:36:51" Beijing time, "MOSCOW, April 13 (Xinhua) --": Shoigu's drills in a
"...: defense minister" headline, bare weekdays, "Kiev", Peskov in the agency's own
translation, Mendel's words to Reuters, "Western media", a sentence in the agency's own
voice), UNIAN's English service (Tuesday 13 April, "13 April 2021, 15:47" Kyiv time:
"Kuleba in Brussels: ...", Ukrainian transliterations, "temporarily occupied Crimea",
Mendel's words to Reuters translated back from Ukrainian, "As UNIAN reported earlier",
"Russian media", the Main Intelligence Directorate's figures, the Joint Forces Operation
(JFO) Headquarters' toll, "A source in the Ukrainian delegation told UNIAN") and Euractiv
(Wednesday 14 April, "14-04-2021 11:52 CEST" Brussels time: "By ... | EURACTIV.com with
Reuters", "the bloc's foreign policy chief Josep Borrell", "on Tuesday (13 April)",
"Several EU diplomats", "One senior EU official told EURACTIV"), curated by an audit
beside the two seed records, judged as a careful fact-checker would.

There is no network here: the three texts were written by the audit in each outlet's
style, with the variation real coverage of 12-14 April has; they are not the outlets'
published words. The URLs, Borrell's, Kuleba's and the sources' words, the intelligence
figures and the JFO toll are invented. (Xinhua and UNIAN were probed before, the eighth and
tenth probes, in other shapes: a Kremlin story of 12 April and a live blog; these are a
drills story and a news story of the Brussels visit.)

tests/fixtures/unseen22/facts/ holds the seed records and the three new ones, with the
twentieth audit's registry and vocabulary and this audit's additions (Euractiv, Borrell,
Ukraine's military intelligence, the JFO Headquarters, Stoltenberg's "NATO chief"), and no
reviews.

Planted, to be shown: Euractiv's headline "EU warns Moscow" over Borrell's concern (H701);
its "on Monday (13 April)" (a Tuesday) in Stoltenberg's paraphrase and quote (D603: one
slip, one finding since this audit; two before); its "four airborne formations" against
Xinhua's three (Q201); UNIAN's "Peskov said on Tuesday" (he spoke on Monday, as Xinhua has
it: D601); Xinhua's Putin-Merkel call "Thursday" against RBT's "on Friday" (D601); Mendel's
three sentences translated back at UNIAN (U301); Xinhua's "had not received any new
request" over Peskov's own "We have not seen any requests of this kind lately" (U302, C101);
Xinhua's own-voice "pose no threat to any country" (A401, a judgement) and UNIAN's own-voice
build-up "since late March" (A401, one finding with the block's others); "Western media"
(A402); "A source in the Ukrainian delegation", "Several EU diplomats", "One senior EU
official" (A403); Mendel's words to Reuters at all three and Peskov's through "Russian
media" at UNIAN (A404); UNIAN's "Stoltenbreg" (N501).

Must stay silent: Euractiv's "Russian troops mass" headline (Borrell speaks of the
build-up in the body: H701, A401), UNIAN's and Xinhua's headlines (H701); Stoltenberg's
"deeply concerning" at UNIAN and Euractiv and "buildup" / "build-up" (U301); "the NATO
chief", "Secretary-General", "defense minister", "Press Secretary", "presidential
spokeswoman", "foreign policy chief" (N502); the intelligence directorate's 41,000 on the
border and 42,000 in Crimea beside Mendel's "more than 40,000" each, the 40,000 troops
Shoigu says NATO deploys, the JFO's 28 killed this year beside Zelenskiy's 26 of the week
before, Euractiv's "more than 13,000" beside Kyiv's 14,000 (Q201-Q203, E102); Shoigu's two
armies at Xinhua and Euractiv (R801); "Monday", "Thursday" and "Also on Tuesday" in a
Beijing-dated story of Wednesday, "on Wednesday (14 April)" at Euractiv (I011, D602); every
line covered (V901).

Left as strict xfails (see the tests): Mendel's "We very much hope that this is not a
refusal of dialogue" given to Kuleba at Euractiv (no rule compares one quote across two
speakers), and UNIAN's own-voice "As UNIAN reported earlier, the Office ... requested a
conversation", which the next paragraph's quote of Mendel sources (A401 exempts headlines
and decks so sourced, not body sentences: a policy question).

Drafting (`python -m checks new`): before this audit UNIAN's text stopped drafting with a
traceback (a name around the blanked "(JFO)"), "A source in the Ukrainian delegation told
UNIAN that ..." got no draft, and the recall counted Xinhua's "three airborne formations"
(airborne-formations, the curated airborne-units' alias) missed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.corpus import Corpus, build
from checks.findings import Finding
from checks.recall import drafts_for, measure
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen22"
XH = "xinhua-2021-04-14-russia-drills-western-borders"
UN = "unian-2021-04-13-kuleba-brussels-nato"
EU = "euractiv-2021-04-14-eu-warns-moscow"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
NEW = (XH, UN, EU)


found = probe_findings(FIXTURE)


def new_hits(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in by_rule(found, rule) if f.focus and f.focus.split("#")[0] in NEW]


def test_the_headline_that_goes_beyond_its_body(found: list[Finding]) -> None:
    """'EU warns Moscow': Borrell is concerned and follows the build-up closely; no one in
    the body warns. Euractiv's 'as Russian troops mass' is Borrell's build-up; UNIAN's
    and Xinhua's headlines are their speakers' words."""
    assert {f.focus for f in new_hits(found, "H701")} == {f"{EU}#hl-eu-warns-moscow"}
    [warns] = new_hits(found, "H701")
    assert "no body claim states it" in warns.message


def test_a_wrong_weekday_is_one_finding(found: list[Finding]) -> None:
    """'on Monday (13 April)': one slip, carried by the paraphrase and by the quote after
    it (two findings before this audit)."""
    [hit] = by_rule(found, "D603")
    assert claims_of(hit) == {f"{EU}#stoltenberg-deeply-concerning", f"{EU}#stoltenberg-must-end"}
    assert "'13 April' (2021-04-13) is a Tuesday" in hit.message


def test_shoigus_formations_three_or_four(found: list[Finding]) -> None:
    [hit] = by_rule(found, "Q201")
    assert claims_of(hit) == {f"{EU}#shoigu-four-formations", f"{XH}#shoigu-three-formations"}


def test_statements_dated_a_day_apart(found: list[Finding]) -> None:
    [peskov] = involving(found, "D601", f"{UN}#peskov-not-aware")
    assert f"{XH}#peskov-not-seen-lately" in claims_of(peskov)
    assert "'on Tuesday' (2021-04-13)" in peskov.message and "'Monday' (2021-04-12)" in peskov.message
    [putin] = involving(found, "D601", f"{XH}#putin-accuses-provocations")
    assert claims_of(putin) == {f"{XH}#putin-accuses-provocations", f"{RBT}#putin-accuses-provocations"}
    assert len(by_rule(found, "D601")) == 2


def test_mendels_words_translated_back(found: list[Finding]) -> None:
    # (and Euractiv's Kuleba quoting Mendel: test_mendels_words_given_to_kuleba)
    assert {f.focus for f in new_hits(found, "U301")} == {
        f"{UN}#mendel-request-made", f"{UN}#mendel-no-answer", f"{UN}#mendel-hope-not-refusal",
        f"{EU}#kuleba-hope-not-refusal"}


def test_peskovs_words_in_the_agencys_translation_join_the_known_variance(
        found: list[Finding]) -> None:
    [peskov] = involving(found, "U301", f"{XH}#peskov-not-seen-lately")
    assert {f"{RBT}#peskov-not-aware", f"{RFE}#peskov-not-aware"} <= claims_of(peskov)


def test_quotes_in_one_wording(found: list[Finding]) -> None:
    for claim in (f"{UN}#stoltenberg-deeply-concerning", f"{EU}#stoltenberg-deeply-concerning",
                  f"{UN}#stoltenberg-must-end", f"{EU}#stoltenberg-must-end",
                  f"{EU}#borrell-serious-concern", f"{XH}#shoigu-combat-readiness",
                  f"{UN}#kuleba-no-offensive"):
        assert not involving(found, "U301", claim), claim


def test_the_agency_makes_the_kremlin_deny(found: list[Finding]) -> None:
    [over] = involving(found, "U302", f"{XH}#peskov-no-new-request")
    assert f"{XH}#peskov-not-seen-lately" in claims_of(over)
    [denial] = involving(found, "C101", f"{XH}#peskov-no-new-request")
    assert any(c.startswith(f"{RFE}#mendel") or c.startswith(f"{RBT}#mendel")
               for c in claims_of(denial))


def test_own_voice_on_contested_ground(found: list[Finding]) -> None:
    [threat] = involving(found, "A401", f"{XH}#drills-no-threat")
    assert "judgement" in threat.message
    [buildup] = involving(found, "A401", f"{UN}#russia-massing-since-march")
    assert f"{RFE}#mfa-russia-denies-activities" in claims_of(buildup)
    assert not involving(found, "A401", f"{EU}#hl-troops-mass")


def test_vague_and_unnamed_sources(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A402")} == {f"{XH}#western-media-troops"}
    assert {f.focus for f in new_hits(found, "A403")} == {
        f"{UN}#source-concrete-steps", f"{EU}#diplomats-no-sanctions",
        f"{EU}#official-test-of-unity"}


def test_second_hand_words_and_their_chains(found: list[Finding]) -> None:
    chains = {f.focus: f.values["chain"] for f in new_hits(found, "A404")}
    assert chains == {
        f"{XH}#mendel-asked": ["Iuliia Mendel", "Reuters", "Xinhua"],
        f"{XH}#mendel-no-answer": ["Iuliia Mendel", "Reuters", "Xinhua"],
        f"{UN}#mendel-request-made": ["Iuliia Mendel", "Reuters", "UNIAN"],
        f"{UN}#mendel-no-answer": ["Iuliia Mendel", "Reuters", "UNIAN"],
        f"{UN}#mendel-hope-not-refusal": ["Iuliia Mendel", "Reuters", "UNIAN"],
        f"{UN}#peskov-not-aware": ["Dmitry Peskov", "Russian media", "UNIAN"],
        f"{EU}#mendel-asked": ["Iuliia Mendel", "Reuters", "Euractiv"],
        f"{EU}#mendel-no-response": ["Iuliia Mendel", "Reuters", "Euractiv"],
    }


def test_names_and_titles_as_written(found: list[Finding]) -> None:
    assert [f.values["written"] for f in new_hits(found, "N501")] == ["Stoltenbreg"]
    assert not new_hits(found, "N502")
    assert not [f for f in by_rule(found, "N502") if any(c.split("#")[0] in NEW
                                                        for c in claims_of(f))]


def test_figures_that_agree(found: list[Finding]) -> None:
    for claim in (f"{UN}#hur-41000-border", f"{UN}#hur-42000-crimea", f"{XH}#shoigu-nato-40000",
                  f"{UN}#jfo-28-killed", f"{EU}#conflict-13000", f"{XH}#shoigu-two-armies",
                  f"{EU}#shoigu-two-armies"):
        for rule in ("Q201", "Q202", "Q203", "E102"):
            assert not involving(found, rule, claim), (rule, claim)
    for claim in (f"{XH}#shoigu-two-armies", f"{EU}#shoigu-two-armies"):
        assert not involving(found, "R801", claim), claim


def test_every_time_is_read_and_every_line_covered(found: list[Finding]) -> None:
    assert by_rule(found, "I011") == [] and by_rule(found, "D602") == []
    assert not new_hits(found, "D604") and not new_hits(found, "V901")


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule


def test_mendels_words_given_to_kuleba(found: list[Finding]) -> None:
    # A strict xfail of this probe until the twenty-first probe's U301 misattribution
    # (the same eight words quoted as two persons') was merged beside it: Euractiv gives
    # Mendel's "We very much hope that this is not a refusal of dialogue" to Kuleba.
    [f] = [f for f in found if f.focus == f"{EU}#kuleba-hope-not-refusal"]
    assert f.rule == "U301" and "quoted as" in f.message
    assert any(c.startswith(f"{RFE}#mendel") or c.startswith(f"{RBT}#mendel")
               for c in claims_of(f))


@pytest.mark.xfail(strict=True, reason=(
    "A401 exempts a headline or deck its body sources, not a body sentence the next "
    "paragraph sources: UNIAN's 'As UNIAN reported earlier, the Office ... requested a "
    "conversation' is followed by Mendel's quote saying so; extending the exemption to body "
    "sentences (how near, which party) is a policy question"))
def test_an_own_voice_sentence_its_next_quote_sources(found: list[Finding]) -> None:
    assert not involving(found, "A401", f"{UN}#office-requested")


# ---------------------------------------------------------- drafting (`new`)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build(sorted((FIXTURE / "facts").glob("*.yaml")), FIXTURE)


def test_every_quote_and_figure_is_drafted(corpus: Corpus) -> None:
    """Quote recall (a quoting draft with the curated speaker over the curated words) and
    figure recall of the three new articles: all of them (the figures 6/7 before this
    audit: Xinhua's 'three airborne formations' drafted in its unit's other spelling)."""
    rows = {r.source: r for r in measure(corpus)}
    for source in NEW:
        row = rows[source]
        assert row.quotes >= 3 and row.quote_rate == 1.0, (source, row.missed)
        assert row.figures >= 3 and row.figure_rate == 1.0, (source, row.missed)


def test_the_agencys_own_source_is_drafted(corpus: Corpus) -> None:
    """'A source in the Ukrainian delegation told UNIAN that ...' had no draft; and
    drafting UNIAN's text stopped with a traceback (the blanked '(JFO)')."""
    [info] = [i for i in corpus.records if i.record.source.id == UN]
    drafts = drafts_for(corpus, info)
    [source] = [d for d in drafts if d["evidence"].startswith("A source in the Ukrainian")
                and "quantity" not in d]
    assert source["by"]["mode"] == "unnamed"
    assert source["by"]["as"] == "A source in the Ukrainian delegation"
    [jfo] = [d for d in drafts if "quantity" in d and d["quantity"]["value"] == 28]
    assert jfo["by"].get("speaker") == "jfo-headquarters"


def test_headlines_and_sources_get_their_speakers(corpus: Corpus) -> None:
    """Before this audit: Xinhua's '...: defense minister' headline was drafted in the
    agency's own voice, UNIAN's 'Kuleba in Brussels: ...' got no draft, 'Western media
    have reported' was the agency's own voice and 'As UNIAN reported earlier' made UNIAN
    the speaker of its own sentence."""
    drafts = {i.record.source.id: drafts_for(corpus, i) for i in corpus.records}
    [xh] = [d for d in drafts[XH] if d["part"] == "headline"]
    assert xh["by"]["speaker"] == "shoigu" and xh["by"]["as"] == "defense minister"
    [un] = [d for d in drafts[UN] if d["part"] == "headline"]
    assert un["by"]["speaker"] == "kuleba"
    [media] = [d for d in drafts[XH] if d["evidence"].startswith("Western media")]
    assert media["by"] == {"as": "Western media", "mode": "vague"}
    [own] = [d for d in drafts[UN] if d["evidence"].startswith("As UNIAN reported earlier")]
    assert "by" not in own
