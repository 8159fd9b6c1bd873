"""Tenth generality probe: Sputnik (Russian state media, Monday 12 April 2021, stamped in
GMT and updated with a closing "UPDATE:" paragraph; "Kiev", "Lugansk", "Donbass", Kiev's
"Western backers"), Voice of America (first published on Monday evening, archived as
updated on Tuesday 13 April with Tuesday's statements and an editor's note that corrects
how a figure was read, not the figure) and UNIAN (a Ukrainian news agency's live blog of
12 April in Kyiv time: timestamped posts each with a heading, a later post that updates
the day's death toll, "Russian-occupation forces"), curated by an audit beside the two
seed records, judged as a careful fact-checker would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has (the same events,
figures given for each place or combined, one side's framing against the other's,
"last week", titles in other word orders, "according to Russian news agencies",
unnamed officials). They are not the outlets' published words.

tests/fixtures/unseen10/facts/ holds the seed records and the three new ones, with the
eighth audit's registry and vocabulary plus this audit's additions (the outlets, AFP,
Kuleba, Kirby, Merkel, the DPR's militia on Russia's side, "Russian media", "Lugansk" as a
transliteration, the line of contact; the predicates party-to-conflict and call-for-talks)
and no reviews.

Planted, to be shown: VOA's editor's note (E101), and RFE/RL's combined "more than 40,000"
still giving the reading it withdrew (E102); Peskov's "not aware" against Mendel's request
(C102); Moscow's dismissal against the troop figures (C101); Peskov quoted "in recent
days" by three sources and "made lately" by RFE/RL (U301); Kuleba's 80,000 dated Monday
by Sputnik and Tuesday by VOA (D601); the Foreign Ministry's forecast of 110,000 "on
Friday" (written on Monday: the coming Friday, 16 April) against Kuleba's "more than 120,000
by April 16" (Q201); a live-blog heading quoting "not aware", words its
post never quotes (H701); Peskov's words through "Russian news agencies" and "Russian
media" (A404); unnamed officials and a source in the president's office (A403).

Must stay silent: every outlet that gives the figure as VOA's note now gives it (more than
40,000 in each place) is not repeating the withdrawn reading (E102); "over the past three
weeks" is read (I011); titles in other word orders ("Russian presidential spokesman",
"Russian President's Press Secretary", "Press Secretary of the President of Ukraine",
"Ukrainian Foreign Minister") against the registered ones (N502); "Lugansk" (N501);
Kuleba's 80,000 in two outlets (R801); UNIAN's request "on April 2" against Peskov's "in
recent days" (C102). Strict xfail tests name what a fact-checker expects and the model
cannot yet express (see each reason).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen10"
SPUTNIK = "sputnik-2021-04-12-kremlin-unaware-kiev-request"
VOA = "voa-2021-04-12-kremlin-not-answered-zelenskiy"
UNIAN = "unian-2021-04-12-live-russia-buildup"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]
TROOPS = ["russia", "mass-troops", "ukraine"]


found = probe_findings(FIXTURE)


def test_the_editor_s_note_is_shown(found: list[Finding]) -> None:
    hits = by_rule(found, "E101")
    assert len(hits) == 1 and claims_of(hits[0]) == {f"{VOA}#officials-40000-each"}
    assert "'about 40,000' withdrawn" in hits[0].message


def test_a_note_that_corrects_a_reading_flags_only_that_reading(found: list[Finding]) -> None:
    """VOA withdrew "about 40,000 near Ukraine's border and in Crimea" (one total) for
    "more than 40,000 on the eastern border and more than 40,000 in Crimea": the same
    figure, now for each place. RFE/RL's "more than 40,000 both on ... and in ..." (one
    total) repeats the withdrawn reading; RBT, UNIAN and VOA's own corrected claim give
    the figure as corrected, and Sputnik gives it for the border and for Crimea in two
    claims (what "more than 40,000 in each" gives too): all were listed as repeating it."""
    hits = by_rule(found, "E102")
    assert len(hits) == 1
    assert hits[0].values["repeating"] == [f"{RFE}#mendel-40000-troops"]
    assert hits[0].focus == f"{RFE}#mendel-40000-troops"
    assert "the corrected claim itself" not in hits[0].message


def test_the_kremlin_not_aware_of_the_request(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    gap = claims_of(hits[0])
    for claim in (f"{SPUTNIK}#peskov-not-seen", f"{SPUTNIK}#hl-kremlin-unaware",
                  f"{VOA}#peskov-not-aware", f"{UNIAN}#peskov-not-seen",
                  f"{VOA}#lede-office-asked", f"{UNIAN}#mendel-office-asked"):
        assert claim in gap, claim
    # Mendel's request and Peskov's quoted Monday words are named, not UNIAN's source's
    # request "on April 2", which "in recent days" (5-12 April) does not reach
    assert "Iuliia Mendel" in hits[0].message and "Dmitry Peskov" in hits[0].message
    assert "April 2'" not in hits[0].message


def test_moscow_s_dismissal_against_the_figures(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C101") if f.values["proposition"] == TROOPS]
    assert len(hits) == 1
    assert {f"{SPUTNIK}#moscow-dismissed", f"{SPUTNIK}#officials-40000-border",
            f"{VOA}#kuleba-80000", f"{RFE}#mfa-russia-denies-activities"} <= claims_of(hits[0])


def test_peskov_quoted_two_ways_on_the_request(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "U301") if f.values.get("speaker") == "peskov"
            and f"{RFE}#peskov-not-aware" in claims_of(f)]
    assert len(hits) == 1 and hits[0].focus == f"{RFE}#peskov-not-aware"
    assert "(3 against 1" in hits[0].message


def test_one_statement_dated_two_days(found: list[Finding]) -> None:
    """Sputnik's update has Kuleba give "over 80,000" "Later on Monday"; VOA has him say
    "more than 80,000" in Brussels on Tuesday. Two occasions or one misdated: a reader
    should check (a warning, D601)."""
    hits = by_rule(found, "D601")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{VOA}#kuleba-80000", f"{SPUTNIK}#update-kuleba-80000"}


def test_a_forecast_for_a_weekday_is_for_the_coming_one(found: list[Finding]) -> None:
    """UNIAN's Monday post: the ministry expects 110,000 "on Friday"; VOA: Kuleba expects
    more than 120,000 "by April 16", that Friday. The forecast's Friday was read as the
    one before (9 April), and the two forecasts never met."""
    hits = involving(found, "Q201", f"{UNIAN}#mfa-expects-110000-friday")
    assert len(hits) == 1 and f"{VOA}#kuleba-expects-120000" in claims_of(hits[0])
    assert "on Friday (2021-04-16)" in hits[0].message


def test_mutual_blame_is_named_from_one_article(found: list[Finding]) -> None:
    """Sputnik's Kiev and the republics "trading accusations" and UNIAN's armed forces
    blaming "Russia's hybrid forces" join the seeds' dispute. The message named RBT's
    Moscow against Sputnik's Kiev-blames-the-republics (two articles, two accusations);
    it names one article's own pair of parties blaming each other, as before they joined."""
    hits = by_rule(found, "C103")
    assert len(hits) == 1
    assert {f"{SPUTNIK}#sum-trading-accusations-kiev", f"{SPUTNIK}#sum-trading-accusations-republics",
            f"{UNIAN}#armed-forces-blame-russia"} <= claims_of(hits[0])
    named = [c for c in hits[0].claims[:2]]
    assert len({c.source for c in named}) == 1 and hits[0].focus == f"{named[1].source}#{named[1].claim}"
    assert {c.claim for c in named} == {"blame-kyiv-moscow", "blame-moscow-kyiv"}


def test_live_blog_heading_quotes_words_its_post_does_not(found: list[Finding]) -> None:
    hits = by_rule(found, "H701")
    assert {f.focus for f in hits if f.focus.startswith(UNIAN)} == {
        f"{UNIAN}#post-peskov-not-aware"}
    assert not [f for f in hits if f.focus.startswith((SPUTNIK, VOA))]


def test_intermediaries_and_unnamed_sources(found: list[Finding]) -> None:
    assert "Dmitry Peskov -> Russian news agencies -> Voice of America" in \
        involving(found, "A404", f"{VOA}#peskov-not-aware")[0].message
    assert "Dmitry Peskov -> Russian media -> UNIAN" in \
        involving(found, "A404", f"{UNIAN}#peskov-not-seen")[0].message
    for claim in (f"{VOA}#official-no-indication-invade", f"{VOA}#officials-40000-each",
                  f"{SPUTNIK}#officials-40000-border", f"{UNIAN}#source-sent-april-2"):
        assert involving(found, "A403", claim), claim


def test_every_time_is_read(found: list[Finding]) -> None:
    """VOA's "over the past three weeks" (Shoigu, said on Tuesday) was I011."""
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D604") == []


def test_titles_in_other_word_orders_and_transliterations(found: list[Finding]) -> None:
    assert by_rule(found, "N502") == []
    assert {f.message.split("'")[1] for f in by_rule(found, "N501")} == {"Volodomyr"}


def test_a_figure_from_two_outlets_is_two_chains(found: list[Finding]) -> None:
    assert not involving(found, "R801", f"{VOA}#kuleba-80000")
    assert not involving(found, "R801", f"{SPUTNIK}#update-kuleba-80000")
    assert involving(found, "R801", f"{VOA}#shoigu-two-armies")  # VOA's alone here


def test_a_live_blog_update_is_not_a_discrepancy(found: list[Finding]) -> None:
    """The 18:40 post's toll since the start of the year, 28, updates the 11:20 post's 27
    (``quantity.supersedes``): the article's word is 28 (times8; times are days, so
    the two figures of one day were a discrepancy)."""
    for rule in ("Q201", "Q202"):
        assert not involving(found, rule, f"{UNIAN}#jfo-toll-27")


@pytest.mark.xfail(strict=True, reason="Two remarks of one briefing on one proposition, each "
                   "quoted by one outlet (Sputnik's 'taking the measures it deems necessary "
                   "to ensure its own security', UNIAN's 'at its own discretion'), are read as "
                   "one remark worded two ways: a claim cannot say which remark it quotes. "
                   "The wordings share no word, as two translations of one remark may not "
                   "either (U301's own 'made lately' / 'in recent days'). Tried (times8): a "
                   "source that also paraphrases a remark of the block in words none of its "
                   "quotes holds covers every wording; it silenced three U301 findings of "
                   "other probes (unseen3, unseen12, and unseen5's BBC 'still waiting', "
                   "which its test asserts) and not this one (Sputnik's "
                   "paraphrase shares 'own' with its quote). Telling the remarks apart needs "
                   "an occasion shared across records, which curators of different outlets "
                   "cannot write; a reviewed finding (false-alarm) is the tool")
def test_two_remarks_of_one_briefing_are_not_quote_variance(found: list[Finding]) -> None:
    assert not [f for f in by_rule(found, "U301")
                if f"{SPUTNIK}#peskov-own-security" in claims_of(f)]
