"""Nineteenth generality probe: The Independent (a website story of Monday 12 April 2021,
"Monday 12 April 2021 19:02" in UK time, with a deck in single quotation marks,
honorifics, Reuters' quote relayed, an unnamed Downing Street spokesman, "diplomatic
sources", a "Read more" link and the note "This article was amended on 13 April 2021. An
earlier version said 24 Ukrainian soldiers had been killed this year. Mr Zelensky's figure
was 26."), UPI (Tuesday 13 April, "April 13, 2021 / 10:41 AM" U.S. Eastern, "April 13
(UPI) --", bare weekdays, Mendel's words in its own translation, Tass relayed, Shoigu's
two armies, "according to Kyiv") and Axios (Monday 12 April, "Apr 12, 2021 - World":
"Why it matters:", "Driving the news:", bullets, "per Ukrainian officials", "told Axios",
"The bottom line:"), curated by an audit beside the two seed records, judged as a careful
fact-checker would.

There is no network here: the three texts were written by the audit in each outlet's
style, with the variation real coverage of 12-13 April has; they are not the outlets'
published words. The URLs, the bylines, UPI's translation of Mendel, Downing Street's
spokesman, the senior Ukrainian official and the Shumy casualty are invented.

tests/fixtures/unseen19/facts/ holds the seed records and the three new ones, with the
eighteenth audit's registry and vocabulary and this audit's additions (the three outlets,
Boris Johnson, Kyiv's `side`, the predicate request-assistance), and no reviews.

Planted, to be shown: the Independent's amendment (E101) and UPI still giving the 24 it
withdrew (E102), a Q201 contradiction with the 26 of RFE/RL and the Independent; UPI
dating the G7 statement "Tuesday" where RFE/RL has April 12 (D601); UPI's own translation
of Mendel's words to Reuters (U301, both sentences); Axios's lede "the Kremlin denied
receiving any such request" over Peskov's quoted "not aware" (U302, C101); Axios's
headline "Russia masses 80,000 troops on Ukraine's border" over "more than 80,000 ... near
Ukraine's borders and in Crimea, per Ukrainian officials" (H701, A401), its own-voice
"early test for President Biden" (A401), the request and the build-up stated flatly
though contested (A401); UPI's headline "Russia moves more troops toward Ukraine" over
Shoigu's moves "to its western borders" (H701); Mendel's words told Reuters, Peskov's
relayed by news agencies and Tass, Blinken's told NBC (A404); a Downing Street spokesman,
a senior Ukrainian official (A403); "U.S. officials", "Ukrainian officials", "analysts",
"Officials in Kyiv", "Western intelligence officials" hedged "according to diplomatic
sources in Kyiv" (A402); the Kremlin's "threaten no one" against the G7's "threatening"
(C101, the parties' disagreement); the Independent's "more than 80,000" against RFE/RL's
"more than 40,000" for Mendel's one statement (Q202).

Must stay silent: "destabilising" and "destabilizing", "These" and "these" in the G7's
words (U301); the Independent's deck "Kremlin 'not aware' of any request" over Peskov's
words (H701) and its deck "as G7 condemns 'threatening' build-up" recorded as a quote
(A405: one word between straight single marks in a deck; the fix of this audit); UPI's
sentence-initial "Officials" (N501: two edits from "Offician", a demonym form guessed
from a registered "Office"; the fix of this audit); "Kremlin spokesperson", "spokesperson",
"Mr Putin's spokesman", "Defense Minister" (N502); "more than 14,000" and "about 14,000"
killed since 2014 beside Kyiv's 14,000, and UPI's soldier killed Monday near Shumy beside
the tolls since January (Q201, Q202); Mendel's 40,000 each at UPI beside RBT's (Q201,
Q202); every time read (I011, D602) and every line covered (V901).

Located where it belongs since this audit's fix (a strict xfail before): Q202's
one-statement finding was at the Independent's 80,000, though RBT's "more than 40,000" on
the border and as many in Crimea implies the same total: RFE/RL's "more than 40,000" for
both places together is the misreading.
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen19"
IND = "independent-2021-04-12-ukraine-asks-putin-talks"
UPI = "upi-2021-04-13-kremlin-mum-zelensky-request"
AX = "axios-2021-04-12-russia-masses-troops"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]
NEW = (IND, UPI, AX)


found = probe_findings(FIXTURE)


def new_hits(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in by_rule(found, rule) if f.focus and f.focus.split("#")[0] in NEW]


def test_the_amendment_is_noted_and_its_withdrawn_figure_repeated(found: list[Finding]) -> None:
    [noted] = by_rule(found, "E101")
    assert noted.focus == f"{IND}#zelenskiy-26-soldiers-killed"
    assert "'24' withdrawn, now '26'" in noted.message
    [repeated] = by_rule(found, "E102")
    assert repeated.focus == f"{UPI}#zelenskiy-24-soldiers-killed"
    assert claims_of(repeated) == {f"{UPI}#zelenskiy-24-soldiers-killed",
                                   f"{IND}#zelenskiy-26-soldiers-killed"}


def test_the_withdrawn_toll_contradicts_zelenskiy_s_26(found: list[Finding]) -> None:
    [hit] = by_rule(found, "Q201")
    assert hit.focus == f"{UPI}#zelenskiy-24-soldiers-killed"
    assert claims_of(hit) == {f"{UPI}#zelenskiy-24-soldiers-killed",
                              f"{IND}#zelenskiy-26-soldiers-killed",
                              f"{RFE}#zelenskiy-26-soldiers-killed"}


def test_the_g7_statement_dated_a_day_late(found: list[Finding]) -> None:
    [hit] = by_rule(found, "D601")
    assert hit.focus == f"{UPI}#g7-threatening-tuesday"
    assert claims_of(hit) == {f"{UPI}#g7-threatening-tuesday", f"{RFE}#g7-threatening-activities"}
    assert "'Tuesday' (2021-04-13)" in hit.message and "(2021-04-12)" in hit.message


def test_mendel_s_words_in_upi_s_own_translation(found: list[Finding]) -> None:
    for claim in ("mendel-request-made", "mendel-no-answer"):
        [hit] = involving(found, "U301", f"{UPI}#{claim}")
        assert hit.focus == f"{UPI}#{claim}"
        assert {f"{IND}#{claim}", f"{AX}#{claim}", f"{RBT}#{claim}"} <= claims_of(hit)


def test_the_g7_s_words_in_two_spellings_and_cases(found: list[Finding]) -> None:
    for claim in (f"{IND}#g7-threatening", f"{UPI}#g7-threatening-tuesday",
                  f"{RFE}#g7-threatening-activities"):
        assert not involving(found, "U301", claim), claim


def test_peskov_s_fragments_join_the_seed_s_variance(found: list[Finding]) -> None:
    """RFE/RL's "not aware of any [such] requests made lately" and Reuters' "in recent
    days" (two translations, one finding before this probe); the new quotes of "not
    aware" and "in recent days" join it, and there is no other Peskov finding."""
    [hit] = [f for f in by_rule(found, "U301") if "Dmitry Peskov" in f.message]
    assert claims_of(hit) == {f"{RBT}#peskov-not-aware", f"{RFE}#peskov-not-aware",
                              f"{IND}#peskov-not-aware", f"{AX}#peskov-not-aware",
                              f"{UPI}#peskov-not-seen"}
    assert len(by_rule(found, "U301")) == 3


def test_axios_makes_the_kremlin_deny(found: list[Finding]) -> None:
    [over] = by_rule(found, "U302")
    assert over.focus == f"{AX}#lede-kremlin-denied"
    assert claims_of(over) == {f"{AX}#lede-kremlin-denied", f"{AX}#peskov-not-aware"}
    [denial] = involving(found, "C101", f"{AX}#lede-kremlin-denied")
    assert denial.values["proposition"] == REQUEST
    assert f"{UPI}#mendel-request-made" in claims_of(denial)


def test_the_parties_disagree_on_the_threat(found: list[Finding]) -> None:
    [hit] = involving(found, "C101", f"{AX}#kremlin-denies-threat")
    assert {f"{IND}#g7-threatening", f"{UPI}#g7-threatening-tuesday",
            f"{IND}#kremlin-denies-threat"} <= claims_of(hit)
    assert len(by_rule(found, "C101")) == 3


def test_headlines_that_go_beyond_their_bodies(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "H701")} == {
        f"{AX}#hl-russia-masses-80000", f"{UPI}#hl-russia-moves-troops"}
    [moved] = involving(found, "H701", f"{AX}#hl-russia-masses-80000")
    assert claims_of(moved) == {f"{AX}#hl-russia-masses-80000", f"{AX}#ukrainian-officials-80000"}
    assert "headline figure not in the body" in moved.message
    [moves] = involving(found, "H701", f"{UPI}#hl-russia-moves-troops")
    assert "no body claim states it" in moves.message


def test_decks_that_stay_within_their_bodies(found: list[Finding]) -> None:
    for claim in ("deck-kremlin-not-aware", "deck-g7-threatening", "hl-ukraine-asks-talks"):
        assert not involving(found, "H701", f"{IND}#{claim}"), claim
    for claim in ("hl-kremlin-mum", "hl-request"):
        assert not involving(found, "H701", f"{UPI}#{claim}"), claim


def test_own_voice_on_contested_ground(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A401")} == {
        f"{AX}#hl-russia-masses-80000", f"{AX}#lede-requested-call", f"{AX}#early-test-for-biden"}
    # The headline and the lede state one side of the build-up against the relayed denial:
    # one disagreement, one finding (the tenth audit's A401, per block and side).
    [buildup] = involving(found, "A401", f"{AX}#hl-russia-masses-80000")
    assert {f"{AX}#lede-russia-builds-up", "rferl-2021-04-12-dialogue#mfa-russia-denies-activities"
            } <= claims_of(buildup)
    [judged] = involving(found, "A401", f"{AX}#early-test-for-biden")
    assert "it is a judgement" in judged.message


def test_second_hand_unnamed_and_vague_sources(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A404")} == {
        f"{IND}#mendel-request-made", f"{IND}#mendel-no-answer", f"{IND}#peskov-not-aware",
        f"{AX}#mendel-request-made", f"{AX}#mendel-no-answer", f"{AX}#peskov-not-aware",
        f"{AX}#blinken-consequences", f"{UPI}#peskov-not-seen"}
    assert "Antony Blinken -> NBC News -> Axios" in involving(
        found, "A404", f"{AX}#blinken-consequences")[0].message
    assert "Dmitry Peskov -> TASS -> United Press International" in involving(
        found, "A404", f"{UPI}#peskov-not-seen")[0].message
    assert {f.focus for f in new_hits(found, "A403")} == {
        f"{IND}#downing-street-concerned", f"{IND}#johnson-spoke-zelensky",
        f"{AX}#official-asked-intelligence"}
    assert {f.focus for f in new_hits(found, "A402")} == {
        f"{AX}#officials-largest-since-2014", f"{AX}#ukrainian-officials-80000",
        f"{AX}#analysts-testing", f"{UPI}#officials-soldier-killed-shumy",
        f"{IND}#intelligence-offensive"}
    [hedged] = involving(found, "A402", f"{IND}#intelligence-offensive")
    assert "according to diplomatic sources in Kyiv" in hedged.message


def test_a_deck_s_single_quoted_word_is_a_quote(found: list[Finding]) -> None:
    """'threatening' between straight single marks in the Independent's deck (A405 called
    the partial quote unquoted before this audit)."""
    assert by_rule(found, "A405") == []


def test_names_and_titles_as_written(found: list[Finding]) -> None:
    """UPI's "Officials in Kyiv said" was N501's misspelt "Office" before this audit."""
    assert new_hits(found, "N501") == []
    assert new_hits(found, "N502") == []


def test_figures_that_agree(found: list[Finding]) -> None:
    for claim in (f"{IND}#toll-14000", f"{UPI}#toll-14000", f"{UPI}#officials-soldier-killed-shumy",
                  f"{UPI}#mendel-40000-troops", f"{AX}#ukrainian-officials-80000",
                  f"{AX}#hl-russia-masses-80000", f"{UPI}#shoigu-two-armies"):
        for rule in ("Q201", "Q202"):
            assert not involving(found, rule, claim), (rule, claim)


def test_one_statement_two_figures(found: list[Finding]) -> None:
    """Mendel's Monday figure: the Independent's "more than 80,000" near the borders and in
    Crimea, RFE/RL's "more than 40,000" for both together. RBT's "more than 40,000" on the
    border and as many in Crimea implies the Independent's total, so the finding is at
    RFE/RL's (a strict xfail before this audit's fix: a tie of the two combined figures
    put it at the Independent's). UPI's same figures, undated, are Tuesday's."""
    [hit] = by_rule(found, "Q202")
    assert "one statement, two figures" in hit.message
    assert hit.focus == f"{RFE}#mendel-40000-troops"
    assert claims_of(hit) == {f"{IND}#mendel-80000", f"{RFE}#mendel-40000-troops",
                              f"{RBT}#mendel-40000-troops"}


def test_every_time_is_read_and_every_line_covered(found: list[Finding]) -> None:
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D602") == []
    assert not new_hits(found, "V901")


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule
