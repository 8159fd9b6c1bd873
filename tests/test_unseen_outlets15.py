"""Fifteenth generality probe: Newsweek (Monday 12 April 2021, 9:14 AM EDT, updated at
12:02 PM: an aggregation of Reuters' interview with Iuliia Mendel and Interfax's Peskov,
"according to", The Times' report "citing unnamed defense sources", "Newsweek has
contacted ... for comment", an update note), Fox News (Tuesday 13 April, 5:52am EDT, with a
1:40 p.m. update: a punchy headline, a deck, "officials said Monday", AP material folded in,
the Pentagon press secretary's quotes, "a U.S. official told Fox News", a senator, "the
Biden administration", "Fox News' ... and The Associated Press contributed") and The Hill
(Tuesday 13 April, 3:15 PM EDT: the Biden-Putin call, both readouts, senators quoted and
"told reporters", a congressman's tweet, "a congressional aide told The Hill", "The Hill
has reached out"), curated by an audit beside the two seed records, judged as a careful
fact-checker would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has; they are not the
outlets' published words. The bylines, URLs, the Times' report, the aide, and every
quotation of Kirby, Risch, Menendez, McCaul and Zakharova are invented.

tests/fixtures/unseen15/facts/ holds the seed records and the three new ones, with the
fourteenth probe's registry and vocabulary and this audit's additions (the outlets, The
Times, the United Nations; Psaki; the Senate Foreign Relations and House Foreign Affairs
committees, Menendez, Risch (chairman until 3 February 2021, then ranking member) and
McCaul; Congress as "lawmakers"), and no reviews.

Planted, to be shown: Newsweek's "told Reuters on Sunday" for Mendel's Monday words (D601);
Fox's "Zelensky visited ... near Mariupol on Thursday" against RFE/RL's "on April 9", a
Friday (D601); Fox's "Kirby said Russia was preparing an offensive" over his quoted "We
don't know exactly what the intent is" and The Hill's "Menendez said the U.S. should send
Ukraine more military aid" over his quoted "We should be considering every option" (U302);
Kirby quoted "larger than at any time since 2014" by Fox and "the largest we've seen since
2014" by The Hill (U301); Fox's "Risch, chairman of the Senate Foreign Relations Committee"
two months after Menendez took the chair, and The Hill's "Kremlin spokeswoman Maria
Zakharova" (N502, per source: another's office); The Hill's headline "Biden, Putin agree to
summit" over a body with Biden's proposal only (H701, A401); The Hill's toll of "1,400"
since 2014 against 14,000 (Q201); Mendel's words "told Reuters" in Newsweek, Peskov via
Interfax and via AP, The Times' unnamed sources (A404, A403); "officials", "a U.S.
official", "a congressional aide", "Russian officials", "videos shared on social media"
(A403, A402).

Must stay silent: Newsweek's headline "Russia Masses 80,000 Troops" over "more than 40,000"
on the border and "a further 40,000" in Crimea, Fox's "roughly 80,000" and The Hill's "more
than 80,000" (H701, Q201-Q203); Fox's "at least 26" soldiers killed this year (13 April)
against Newsweek's 28 (12 April); Fox's headline "Putin ignores Ukraine's plea" over
Mendel's "no answer yet", and its deck on the Pentagon's words (H701); "Kremlin
spokesperson", "Kremlin spokesman", "Pentagon press secretary", "White House Press
Secretary", "the committee's top Republican", Menendez "the chairman" (N502); the White
House readout and Risch's words quoted alike by Fox and The Hill (U301); Fox's Kirby as a
"knowledge gap" with himself (C102: the paraphrase is U302's); "told Fox News" and "told
The Hill" (A404: first-hand).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen15"
NW = "newsweek-2021-04-12-ukraine-asks-putin-call"
FOX = "foxnews-2021-04-13-putin-ignores-ukraine-plea"
HILL = "thehill-2021-04-13-biden-putin-summit-troops"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
NEW = (NW, FOX, HILL)


found = probe_findings(FIXTURE)


def test_a_weekday_off_by_one_in_an_aggregation(found: list[Finding]) -> None:
    """Newsweek's 'told Reuters on Sunday': the other two date her words Monday 12 April."""
    [hit] = involving(found, "D601", f"{NW}#mendel-request-made")
    assert hit.focus == f"{NW}#mendel-request-made"
    assert {f"{RBT}#lede-request-lodged", f"{RFE}#mendel-request-made"} <= claims_of(hit)
    assert "2021-04-11" in hit.message and "2 of 3 sources agree" in hit.message
    # Her two quotes, dated by RFE/RL alone besides: one against one, no majority.
    for claim in ("mendel-no-answer", "mendel-hope-not-refusal"):
        [hit] = involving(found, "D601", f"{NW}#{claim}")
        assert claims_of(hit) == {f"{NW}#{claim}", f"{RFE}#{claim}"}


def test_a_visit_dated_to_the_wrong_weekday(found: list[Finding]) -> None:
    [hit] = involving(found, "D601", f"{FOX}#zelenskiy-visited-mariupol")
    assert claims_of(hit) == {f"{FOX}#zelenskiy-visited-mariupol",
                              f"{RFE}#cap-zelenskiy-visits-front"}
    assert "2021-04-08" in hit.message and "2021-04-09" in hit.message


def test_paraphrases_beyond_the_quotes(found: list[Finding]) -> None:
    hits = by_rule(found, "U302")
    assert {frozenset(claims_of(f)) for f in hits} == {
        frozenset({f"{FOX}#kirby-preparing-offensive", f"{FOX}#kirby-intent-unknown"}),
        frozenset({f"{HILL}#menendez-send-aid", f"{HILL}#menendez-considering-options"})}


def test_a_paraphrase_over_its_own_quote_is_no_knowledge_gap(found: list[Finding]) -> None:
    """C102 named 'John Kirby says so, John Kirby says they are not aware of it'."""
    for claim in ("kirby-preparing-offensive", "kirby-intent-unknown"):
        for rule in ("C101", "C102"):
            assert not involving(found, rule, f"{FOX}#{claim}"), (rule, claim)


def test_one_briefing_quoted_in_two_wordings(found: list[Finding]) -> None:
    [hit] = [f for f in by_rule(found, "U301") if f"{FOX}#kirby-larger-since-2014" in claims_of(f)]
    assert claims_of(hit) == {f"{FOX}#kirby-larger-since-2014", f"{HILL}#kirby-largest-since-2014"}
    for claim in (f"{FOX}#readout-concerns", f"{HILL}#readout-concerns",
                  f"{FOX}#readout-de-escalate", f"{FOX}#risch-heavy-price",
                  f"{HILL}#risch-heavy-price", f"{FOX}#mendel-no-answer"):
        assert not involving(found, "U301", claim), claim


def test_a_former_chairman_and_the_kremlin_s_spokeswoman(found: list[Finding]) -> None:
    """Each title is another person's office at the time: Menendez's chair, Peskov's
    Kremlin. Risch's stale title is reported once, as Menendez's office, not again as
    one wording against The Hill's (one wrong title, one finding)."""
    offices = [f for f in by_rule(found, "N502") if "holders" in f.values]
    assert sorted(f.focus or "" for f in offices) == [f"{FOX}#risch-heavy-price",
                                                      f"{HILL}#zakharova-additional-measures"]
    risch = next(f for f in offices if f.values["speaker"] == "risch")
    assert risch.values["holders"] == ["menendez"]
    assert "Jim Risch held it until 2021-02-03" in risch.message
    zakharova = next(f for f in offices if f.values["speaker"] == "zakharova")
    assert zakharova.values["holders"] == ["peskov"]
    assert "is that office of Kremlin" in zakharova.message
    assert [f for f in by_rule(found, "N502") if "holders" not in f.values] == []


def test_titles_of_the_speakers_own_offices_stay_silent(found: list[Finding]) -> None:
    quiet = {f"{NW}#peskov-not-aware", f"{FOX}#peskov-not-aware", f"{FOX}#kirby-larger-since-2014",
             f"{HILL}#kirby-largest-since-2014", f"{NW}#psaki-concerned",
             f"{HILL}#menendez-send-aid", f"{HILL}#mccaul-testing", f"{NW}#mendel-request-made",
             f"{FOX}#mendel-request-made", f"{NW}#lede-office-asked"}
    for f in by_rule(found, "N502"):
        assert not claims_of(f) & quiet, f.message


def test_a_headline_summit_the_body_only_proposes(found: list[Finding]) -> None:
    for rule in ("H701", "A401"):
        [hit] = involving(found, rule, f"{HILL}#hl-biden-putin-agree-summit")
        assert hit.focus == f"{HILL}#hl-biden-putin-agree-summit"
    assert len(by_rule(found, "H701")) == 2  # and the seed's "Putin Won't Talk" (RBT)


def test_headlines_the_bodies_support_stay_silent(found: list[Finding]) -> None:
    for claim in (f"{NW}#hl-russia-masses-80000", f"{NW}#hl-ukraine-asks-putin-call",
                  f"{NW}#hl-kremlin-not-aware", f"{FOX}#hl-putin-ignores-plea",
                  f"{FOX}#hl-ukraine-plea", f"{FOX}#deck-pentagon-larger",
                  f"{HILL}#hl-russia-masses-troops"):
        for rule in ("H701", "A401"):
            assert not involving(found, rule, claim), (rule, claim)


def test_a_toll_short_of_a_zero(found: list[Finding]) -> None:
    [hit] = involving(found, "Q201", f"{HILL}#un-toll-1400")
    assert {f"{FOX}#toll-14000", f"{RBT}#conflict-killed-14000"} <= claims_of(hit)
    assert hit.focus == f"{HILL}#un-toll-1400"


def test_figures_that_agree(found: list[Finding]) -> None:
    """'80,000' over 'more than 40,000' and 'a further 40,000'; 'roughly 80,000', 'more
    than 80,000'; 'at least 26' killed this year on 13 April, 28 on 12 April."""
    for claim in (f"{NW}#hl-russia-masses-80000", f"{FOX}#official-80000",
                  f"{HILL}#officials-more-than-80000", f"{FOX}#military-26-killed",
                  f"{NW}#military-28-killed"):
        for rule in ("Q201", "Q202", "Q203", "H701"):
            assert not involving(found, rule, claim), (rule, claim)


def test_unnamed_vague_and_second_hand_sources(found: list[Finding]) -> None:
    for claim in (f"{FOX}#lede-president-asked", f"{FOX}#lede-kremlin-ignored",
                  f"{FOX}#official-80000", f"{HILL}#aide-senators-letter",
                  f"{HILL}#officials-more-than-80000", f"{NW}#officials-no-threat",
                  f"{NW}#times-warships"):
        assert involving(found, "A403", claim), claim
    assert involving(found, "A402", f"{NW}#videos-convoys")
    chains = {f.focus: f.values["chain"] for f in by_rule(found, "A404")
              if f.focus and f.focus.split("#")[0] in NEW}
    assert chains == {
        f"{NW}#mendel-request-made": ["Iuliia Mendel", "Reuters", "Newsweek"],
        f"{NW}#mendel-no-answer": ["Iuliia Mendel", "Reuters", "Newsweek"],
        f"{NW}#mendel-hope-not-refusal": ["Iuliia Mendel", "Reuters", "Newsweek"],
        f"{NW}#peskov-not-aware": ["Dmitry Peskov", "Interfax", "Newsweek"],
        f"{NW}#times-warships": ["United Kingdom", "The Times", "Newsweek"],
        f"{FOX}#peskov-not-aware": ["Dmitry Peskov", "Associated Press", "Fox News"],
    }  # "told Fox News", "told The Hill": first-hand


def test_the_kremlin_not_aware_from_every_outlet(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C102")
            if f.values["proposition"] == ["ukraine-presidential-office", "request-talks", "putin"]]
    assert len(hits) == 1
    for claim in (f"{NW}#peskov-not-aware", f"{NW}#hl-kremlin-not-aware",
                  f"{FOX}#peskov-not-aware", f"{HILL}#office-asked"):
        assert claim in claims_of(hits[0]), claim


def test_every_time_is_read(found: list[Finding]) -> None:
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D602") == [] and by_rule(found, "D604") == []


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule
