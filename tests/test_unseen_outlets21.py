"""Twenty-first generality probe: Voice of America (Wednesday 14 April 2021, "April 14, 2021
01:37 PM" in Washington time without a zone, a "KYIV, UKRAINE -" dateline, a photo caption,
bare weekdays, "the Reuters news agency", "told VOA", and the closing credit "Some
information for this report came from The Associated Press, Reuters and Agence
France-Presse"), NPR (Monday 12 April, "April 12, 2021 6:48 PM ET", the byline under the
stamp, a title-case headline, "told Reuters on Monday", "Russian news agencies reported",
"told NPR", "NPR's ... contributed to this report from Moscow") and POLITICO's Brussels
Playbook newsletter (Wednesday 14 April, "April 14, 2021 7:00 am" in Brussels time: a
headline of three items joined by dashes, capitalised section labels "KREMLIN GHOSTS
KYIV:", sentence-case labels "Numbers game:", "told Playbook", Zelenskyy as POLITICO spells
him), curated by an audit beside the two seed records, judged as a careful fact-checker
would.

The brief called the three outlets unprobed; they are not (Politico Europe in the ninth
probe, VOA in the tenth, NPR in the twelfth). This probe takes other forms of theirs: a
VOA story two days on with the agencies credited at its foot, an NPR web story (the twelfth
probe's was a radio transcript) and a Playbook newsletter (the ninth's was a news story).

There is no network here: the three texts were written by the audit in each outlet's
style, with the variation real coverage of 12-14 April has; they are not the outlets'
published words. The URLs, the bylines, the officials' words to VOA, NPR and Playbook,
and Peskov's Wednesday words are invented.

tests/fixtures/unseen21/facts/ holds the seed records and the three new ones, with the
twentieth probe's registry and vocabulary and this audit's additions (Politico Europe, Lloyd
Austin), and no reviews.

Planted, to be shown: VOA dating Mendel's words to Reuters "Tuesday" (D601: Monday at
RFE/RL, RBT, NPR and Politico); NPR putting Mendel's "We very much hope that this is not a
refusal of dialogue" in Zelenskiy's mouth (U301's misattribution, this audit's fix: before
it nothing was reported, as the quote blocks are by speaker); NPR dating Putin's
"dangerous provocative actions" to the call with Merkel "on Thursday" where RBT has
"Friday" (D601; NPR is right, the call was on 8 April: a finding is no verdict); VOA's 26
soldiers killed this year against Politico's 28 the same day (Q201); Politico's headline
"Kremlin ghosts Kyiv", a refusal no body claim gives (H701); Peskov's "does not threaten
anyone" (VOA) and "do not threaten anyone" (Politico: a verb bent to the newsletter's
subject inside quotation marks, U301); NPR's own-voice "Russian troops pour in" and "has
asked to speak" on contested ground (A401); Mendel's words told Reuters in all three and
Peskov's through Russian news agencies at NPR (A404); "Ukrainian officials", "U.S.
intelligence officials", "Some analysts" (A402); a senior State Department official to
VOA, a senior Biden administration official to NPR, an EU diplomat to Playbook (A403).

Must stay silent: NPR's "spokeswoman for Ukrainian President Volodymyr Zelenskiy" beside
"Zelenskyy's spokeswoman" (N502, this audit's fix: it was reported as a title apart);
"Zelenskiy", "Zelenskyy", "Russian Defense Minister", "NATO Secretary-General",
"Kremlin spokesman" (N501, N502); VOA's "Kremlin Still Silent" and NPR's "Ukraine Says Putin
Is Ignoring" headlines over Mendel's "no answer" (H701); Politico's "Blinken at NATO" over
its "join ... at the alliance's HQ today" (H701); Politico's 41,000 on the border and
42,000 in Crimea beside Mendel's "more than 40,000" each, VOA's "more than 80,000" from
Ukrainian officials, its "more than 14,000" killed since 2014 (Q201-Q203, E102); the
Shoigu figures (R801 gives them, one chain, as info); "Tuesday", "Wednesday", "today",
"next week" in papers of Monday and Wednesday (I011, D602-D604); every line covered (V901).

Left, a strict xfail: Playbook's "Peskov told Russian news agencies he was 'not aware'"
is not second-hand (A404) while NPR's "Russian news agencies reported" is: words told
(``by.to``) to a registered group are taken as told in person, and the registry cannot
say the group is one of outlets.

Drafting (`new`), measured here with checks.recall on the three records: before this
audit NPR's two Mendel quotes were drafted as Zelenskiy's (a bare title "spokeswoman for
Ukrainian President Volodymyr Zelenskiy" was no appositive) and its stamp "6:48 PM ET" gave
no time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.corpus import build
from checks.extract import Article, extract
from checks.findings import Finding
from checks.pubtime import published_time
from checks.recall import measure
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen21"
VOA = "voa-2021-04-14-kremlin-silent-zelenskiy-request"
NPR = "npr-2021-04-12-ukraine-asked-for-putin-call"
POL = "politico-eu-2021-04-14-brussels-playbook"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
NEW = (VOA, NPR, POL)


found = probe_findings(FIXTURE)


def new_hits(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in by_rule(found, rule) if f.focus and f.focus.split("#")[0] in NEW]


def test_mendels_monday_words_dated_tuesday(found: list[Finding]) -> None:
    hits = {f.focus: f for f in new_hits(found, "D601")}
    assert set(hits) == {f"{VOA}#mendel-asked", f"{VOA}#mendel-no-reply",
                         f"{VOA}#mendel-hope-not-refusal"}
    asked = hits[f"{VOA}#mendel-asked"]
    assert {f"{NPR}#mendel-made-request", f"{POL}#mendel-requested",
            f"{RFE}#mendel-request-made"} <= claims_of(asked)
    assert "'Tuesday' (2021-04-13)" in asked.message and "4 of 5 sources agree on 2021-04-12" \
        in asked.message


def test_putins_accusation_dated_by_the_call_with_merkel(found: list[Finding]) -> None:
    """NPR's 'on Thursday' (the call of 8 April) against RBT's 'Friday': one of them is
    wrong, and the finding says they disagree, not which."""
    [hit] = involving(found, "D601", f"{NPR}#putin-accuses-provocations")
    assert claims_of(hit) == {f"{NPR}#putin-accuses-provocations",
                              f"{RBT}#putin-accuses-provocations"}
    assert "the sources disagree without a majority" in hit.message


def test_the_spokeswomans_words_in_the_presidents_mouth(found: list[Finding]) -> None:
    [hit] = involving(found, "U301", f"{NPR}#hope-not-refusal")
    assert hit.focus == f"{NPR}#hope-not-refusal"
    assert {f"{RFE}#mendel-hope-not-refusal", f"{VOA}#mendel-hope-not-refusal"} <= claims_of(hit)
    assert hit.values["speaker"] == "zelenskiy" and hit.values["others"] == ["mendel"]
    assert "the same words are quoted as Volodymyr Zelenskyy's" in hit.message
    assert "we very much hope that this is not a refusal of dialogue" in hit.message


def test_a_quote_bent_to_the_newsletters_subject(found: list[Finding]) -> None:
    [hit] = involving(found, "U301", f"{POL}#peskov-do-not-threaten")
    assert claims_of(hit) == {f"{POL}#peskov-do-not-threaten", f"{VOA}#peskov-threatens-no-one"}
    assert '"do not threaten anyone"' in hit.message and '"does not threaten anyone"' in hit.message


def test_the_same_days_tolls_disagree(found: list[Finding]) -> None:
    [hit] = new_hits(found, "Q201")
    assert claims_of(hit) == {f"{POL}#army-28-killed", f"{VOA}#military-26-killed"}
    assert not new_hits(found, "Q202") and not new_hits(found, "E102")


def test_figures_that_agree(found: list[Finding]) -> None:
    """Politico's 41,000 and 42,000 sit inside Mendel's 'more than 40,000' for each place."""
    for claim in (f"{POL}#kyiv-41000-border", f"{POL}#kyiv-42000-crimea", f"{VOA}#officials-80000",
                  f"{VOA}#war-14000-killed", f"{NPR}#mendel-40000-border"):
        for rule in ("Q201", "Q202", "E102"):
            assert not involving(found, rule, claim), (rule, claim)
    assert not new_hits(found, "Q203")


def test_the_newsletters_headline(found: list[Finding]) -> None:
    [hit] = new_hits(found, "H701")
    assert hit.focus == f"{POL}#hl-kremlin-ghosts-kyiv" and "no body claim states it" in hit.message
    for claim in (f"{POL}#hl-blinken-at-nato", f"{VOA}#hl-kremlin-silent", f"{VOA}#hl-forces-mass",
                  f"{NPR}#hl-putin-ignoring"):
        assert not involving(found, "H701", claim), claim


def test_own_voice_on_contested_ground(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A401")} == {
        f"{NPR}#hl-troops-pour-in", f"{NPR}#lede-asked-to-speak"}
    [pour] = involving(found, "A401", f"{NPR}#hl-troops-pour-in")
    assert {f"{VOA}#hl-forces-mass", f"{VOA}#lede-troops-remain",
            f"{RFE}#mfa-russia-denies-activities"} <= claims_of(pour)
    [asked] = involving(found, "A401", f"{NPR}#lede-asked-to-speak")
    assert f"{POL}#label-kremlin-ghosts-kyiv" in claims_of(asked)


def test_vague_and_unnamed_sources(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A402")} == {
        f"{VOA}#officials-80000", f"{NPR}#intel-larger-than-2014", f"{NPR}#analysts-testing"}
    assert {f.focus for f in new_hits(found, "A403")} == {
        f"{VOA}#official-shared-intelligence", f"{NPR}#official-watching-closely",
        f"{POL}#eu-diplomat-sanctions"}


def test_second_hand_words_and_their_chains(found: list[Finding]) -> None:
    """Words told to the outlet itself (VOA, NPR, Playbook) are first-hand."""
    chains = {f.focus: f.values["chain"] for f in new_hits(found, "A404")}
    assert chains == {
        **{f"{VOA}#{c}": ["Iuliia Mendel", "Reuters", "Voice of America"]
           for c in ("mendel-asked", "mendel-no-reply", "mendel-hope-not-refusal")},
        **{f"{NPR}#{c}": ["Iuliia Mendel", "Reuters", "NPR"]
           for c in ("mendel-made-request", "mendel-no-answer")},
        f"{NPR}#peskov-not-aware": ["Dmitry Peskov", "Russian news agencies", "NPR"],
        **{f"{POL}#{c}": ["Iuliia Mendel", "Reuters", "Politico Europe"]
           for c in ("mendel-requested", "mendel-no-answer")},
    }


@pytest.mark.xfail(strict=True, reason="policy: words told (by.to) to a registered group of "
                   "outlets ('told Russian news agencies') read as told in person; the registry "
                   "has no way to say a group is one of outlets (kind: group), and a curator "
                   "may write via instead")
def test_words_told_to_news_agencies_are_second_hand(found: list[Finding]) -> None:
    assert involving(found, "A404", f"{POL}#peskov-not-aware")


def test_names_and_titles_as_written(found: list[Finding]) -> None:
    """NPR's 'spokeswoman for Ukrainian President Volodymyr Zelenskiy' is Zelenskyy's
    spokeswoman (before this audit: a title apart, N502)."""
    assert new_hits(found, "N501") == [] and new_hits(found, "N502") == []
    assert by_rule(found, "N502") == []


def test_every_time_is_read_and_every_line_covered(found: list[Finding]) -> None:
    assert by_rule(found, "I011") == [] and by_rule(found, "D602") == []
    for rule in ("D603", "D604", "V901"):
        assert not new_hits(found, rule), rule


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule


def test_drafting_recovers_every_quote_and_figure() -> None:
    """`new` on the three texts, measured against the curated records: NPR's two Mendel
    quotes were drafted as Zelenskiy's before this audit (the president's name ends
    nearest the verb in '..., Iuliia Mendel, spokeswoman for Ukrainian President
    Volodymyr Zelenskiy, told Reuters')."""
    rows = {r.source: r for r in measure(build([FIXTURE / "facts"], FIXTURE))}
    for source in NEW:
        row = rows[source]
        assert (row.quotes_found, row.figures_found, row.missed) == (row.quotes, row.figures, []), \
            source
    assert rows[NPR].quotes == 5 and rows[VOA].quotes == 7 and rows[POL].quotes == 6


@pytest.mark.parametrize(("source", "date", "time"), [
    (NPR, "2021-04-12", "18:48-04:00"),  # "6:48 PM ET": not read before this audit
    (VOA, "2021-04-14", "13:37"),  # no zone written: the curator gives it
    (POL, "2021-04-14", "07:00"),
])
def test_each_stamp_gives_the_drafts_publication_time(source: str, date: str, time: str) -> None:
    text = (FIXTURE / "facts" / "texts" / f"{source}.txt").read_text("utf-8")
    assert published_time(text, dt.date.fromisoformat(date)) == time


def test_drafting_offers_only_the_unregistered_body_to_register() -> None:
    """As `new` reads the texts (no furniture given): NPR's byline ("Daniel Okafor" under
    the stamp) and its credit ("NPR's Lucy Hart contributed to this report from Moscow.")
    were offered as people, and Playbook's "Foreign Affairs Council" as "Affairs Council"."""
    corpus = build([FIXTURE / "facts"], FIXTURE)
    offered = set()
    for info in corpus.records:
        source = info.record.source
        if source.id in NEW:
            article = Article(text=info.text or "", outlet=source.outlet,
                              published=dt.date.fromisoformat(source.published.date),
                              headline=source.headline)
            found = extract(article, corpus.entities, corpus.predicates, corpus.units)
            offered |= {u.name for u in found.unknown}
    assert offered == {"Foreign Affairs Council"}
