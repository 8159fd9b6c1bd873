"""Sixteenth generality probe: ERR News (Monday 12 April 2021, stamped "12.04.2021 18:34"
in Estonian time: a "Name: words" headline and subheadings, politicians named with their
party in brackets, an interview translated from Estonian on ERR's own evening news, an
unnamed intelligence source, a daily's report relayed), the Hindustan Times (an agency-fed
rewrite of Tuesday 13 April stamped "07:48 AM IST", with a deck, Reuters and AFP material
credited inline and "with inputs from" at the foot) and TRT World (Monday 12 April, stamped
"17:05 GMT+3": Ankara's position, Erdogan's Saturday meeting with Zelensky, "Kiev" beside
"Kyiv", Anadolu credited inline, "Turkish Foreign Ministry sources", "TRTWorld and
agencies"), curated by an audit beside the two seed records, judged as a careful
fact-checker would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has; they are not the
outlets' published words. The URLs, the editors and every quotation of the Estonian and
Turkish governments are invented.

tests/fixtures/unseen16/facts/ holds the seed records and the three new ones, with the
fourteenth audit's registry and vocabulary and this audit's additions (the outlets,
Anadolu, Postimees, NBC; Estonia, its foreign ministry, Defence Forces and Foreign
Intelligence Service, Liimets, Reinsalu, Kallas, Herem; Turkey, its foreign ministry,
Erdoğan and Çavuşoğlu as they spell themselves, Istanbul, the Turkish Straits, the
European Union; the predicates call-for-sanctions and recognise-annexation), and no
reviews.

Planted, to be shown: ERR's headline "Liimets: Russia's troop buildup is a threat" over
her quoted "could pose a threat" (H701); ERR's paraphrase that Herem said Russia "had
already gathered some 100,000 troops" over his quoted "by the end of April there could be
as many as 100,000" (U302); HT's "Peskov denied" over his quoted "not aware" (U302, C101);
HT's Peskov "on Tuesday" where ERR and TRT World have Monday (D601, with no time-zone
excuse: both had reported it before Tuesday began in India); HT's "Friday, April 10" (a
Saturday: D603); HT's 25 battalion tactical groups against TRT World's 28 for one
statement (Q201); TRT World's headline "Kremlin rejects Zelensky's call" over Mendel's
hope that this is "not a refusal" (H701, A401); Peskov via Interfax, AFP and Anadolu, and
Reinsalu via Postimees (A404); an unnamed intelligence source and "Turkish Foreign
Ministry sources" (A403); "Observers say" (A402).

Must stay silent: "Erdogan" and "Mevlut Cavusoglu" for the registered Erdoğan and
Mevlüt Çavuşoğlu, "Kiev" (N501); "Kremlin press secretary", "Kremlin spokesperson",
"Kremlin spokesman", "spokesperson" and "presidential spokeswoman" (N502); HT's headline
"Putin ignores Zelensky's call" over the office's "no answer" from Putin and its "over
80,000 troops" over "more than 40,000" in each of two places, TRT World's deck that
Moscow is "not aware" (H701); Herem told ERR's own programme, Mendel told Reuters (A404);
"on Sunday evening", "by the end of April", "on April 14 and 15", "until May 4",
"earlier on Monday", "last month" (I011); the Erdogan-Zelensky meeting "on Saturday" (HT,
13 April) and "on Saturday, April 10" (TRT World, 12 April) (D601, D603); the warships
"due to stay" until May 4 (A401: a schedule).

Shown since the lead's merge (a strict xfail before): ERR's "Foreign Minister Urmas
Reinsalu" three months after Liimets took the office over (N502).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen16"
ERR = "err-2021-04-12-liimets-russia-buildup"
HT = "ht-2021-04-13-putin-ignores-zelensky"
TRT = "trtworld-2021-04-12-kremlin-rejects-call"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]
NEW = (ERR, HT, TRT)


found = probe_findings(FIXTURE)


def test_a_name_colon_headline_firmer_than_her_quote(found: list[Finding]) -> None:
    hits = involving(found, "H701", f"{ERR}#hl-liimets-buildup-a-threat")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{ERR}#hl-liimets-buildup-a-threat",
                                  f"{ERR}#liimets-could-pose-threat"}


def test_a_state_broadcaster_s_own_rejection(found: list[Finding]) -> None:
    """'Kremlin rejects Zelensky's call' over Mendel's hope it is 'not a refusal'."""
    hits = involving(found, "H701", f"{TRT}#hl-kremlin-rejects-call")
    assert len(hits) == 1 and f"{TRT}#mendel-hope-not-refusal" in claims_of(hits[0])
    own = involving(found, "A401", f"{TRT}#hl-kremlin-rejects-call")
    assert len(own) == 1 and f"{TRT}#mendel-hope-not-refusal" in claims_of(own[0])


def test_billing_the_body_supports_stays_silent(found: list[Finding]) -> None:
    for claim in (f"{HT}#hl-putin-ignores-call", f"{HT}#hl-russia-over-80000",
                  f"{HT}#deck-office-asked", f"{HT}#deck-office-no-answer",
                  f"{HT}#deck-kremlin-denied", f"{TRT}#deck-moscow-not-aware",
                  f"{TRT}#deck-zelensky-met-erdogan"):
        assert not involving(found, "H701", claim), claim
    assert len([f for f in by_rule(found, "H701") if f.claims[0].source in NEW]) == 2


def test_paraphrases_beyond_the_quotes(found: list[Finding]) -> None:
    """Herem's 'could be as many as 100,000' by the end of April, made 'had already
    gathered'; Peskov's 'not aware' made a denial."""
    hits = [f for f in by_rule(found, "U302") if f.claims[0].source in NEW]
    assert {frozenset(claims_of(f)) for f in hits} == {
        frozenset({f"{ERR}#herem-gathered-100000", f"{ERR}#herem-could-be-100000"}),
        frozenset({f"{HT}#peskov-denied-request", f"{HT}#peskov-not-aware-tuesday"})}
    denial = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(denial) == 1 and f"{HT}#peskov-denied-request" in claims_of(denial[0])


def test_a_remark_moved_to_tuesday_without_a_zone_excuse(found: list[Finding]) -> None:
    """HT (07:48 IST on Tuesday) has Peskov speak on Tuesday; ERR and TRT World had his
    Monday remark out by 15:34 UTC, Monday evening in India: the zone explains nothing."""
    hits = involving(found, "D601", f"{HT}#peskov-not-aware-tuesday")
    assert len(hits) == 1 and hits[0].focus == f"{HT}#peskov-not-aware-tuesday"
    assert {f"{ERR}#peskov-not-aware", f"{TRT}#peskov-not-seen"} <= claims_of(hits[0])
    assert "2 of 3 sources agree on 2021-04-12" in hits[0].message
    assert "time zone" not in hits[0].message


def test_a_weekday_its_date_does_not_fall_on(found: list[Finding]) -> None:
    hits = by_rule(found, "D603")
    assert len(hits) == 1 and hits[0].focus == f"{HT}#putin-accused-provocations"
    assert "Saturday" in hits[0].message


def test_one_meeting_dated_alike(found: list[Finding]) -> None:
    """'on Saturday' in an article of Tuesday 13 April, 'on Saturday, April 10' in one of
    Monday 12 April: one day."""
    for claim in (f"{HT}#zelensky-met-erdogan", f"{TRT}#erdogan-hosted-zelensky"):
        for rule in ("D601", "D603", "D604"):
            assert not involving(found, rule, claim), (rule, claim)


def test_two_counts_of_one_briefing(found: list[Finding]) -> None:
    hits = by_rule(found, "Q201")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{HT}#khomchak-25-btgs", f"{TRT}#khomchak-28-btgs"}


def test_every_time_is_read(found: list[Finding]) -> None:
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D602") == []
    assert not [f for f in by_rule(found, "A401") if f.focus == f"{TRT}#warships-until-may-4"]


def test_unnamed_vague_and_second_hand_sources(found: list[Finding]) -> None:
    for claim in (f"{ERR}#fis-no-offensive-seen", f"{TRT}#sources-warships-straits"):
        assert involving(found, "A403", claim), claim
    assert involving(found, "A402", f"{TRT}#observers-testing-biden")
    second_hand = {f.focus for f in by_rule(found, "A404") if f.claims[0].source in NEW}
    # "told Reuters" ("told NBC News") in an outlet that is neither is second-hand too
    # (the fifteenth audit's reading of `by.to`)
    told = {f"{ERR}#mendel-no-answer", f"{ERR}#mendel-hope-not-refusal", f"{ERR}#mendel-40000-each",
            *(f"{HT}#{c}" for c in ("mendel-request-made", "mendel-no-answer", "mendel-hope-not-refusal",
                                   "mendel-40000-each", "blinken-costs"))}
    assert second_hand == {f"{ERR}#peskov-not-aware", f"{ERR}#reinsalu-calls-sanctions",
                           f"{HT}#peskov-not-aware-tuesday", f"{TRT}#peskov-not-seen", *told}


def test_names_written_without_their_diacritics(found: list[Finding]) -> None:
    """'Erdogan' and 'Mevlut Cavusoglu' for the registered Erdoğan and Mevlüt Çavuşoğlu
    were N501 misspellings; 'Kiev' is a registered spelling. Only RFE/RL's 'Volodomyr'."""
    assert [f.values["written"] for f in by_rule(found, "N501")] == ["Volodomyr"]


def test_titles_of_other_houses(found: list[Finding]) -> None:
    """'Kremlin press secretary', 'Kremlin spokesperson', 'Kremlin spokesman';
    'spokesperson', 'presidential spokeswoman'; 'army chief' in two outlets."""
    assert [f.focus for f in by_rule(found, "N502")] == [f"{ERR}#reinsalu-calls-sanctions"]


def test_the_kremlin_not_aware_from_every_outlet(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    for claim in (f"{ERR}#peskov-not-aware", f"{HT}#peskov-not-aware-tuesday",
                  f"{TRT}#peskov-not-seen", f"{TRT}#kremlin-not-aware"):
        assert claim in claims_of(hits[0]), claim


def test_one_statement_in_the_same_words(found: list[Finding]) -> None:
    for claim in (f"{ERR}#mendel-no-answer", f"{HT}#mendel-no-answer",
                  f"{ERR}#mendel-hope-not-refusal", f"{HT}#mendel-hope-not-refusal",
                  f"{TRT}#mendel-hope-not-refusal", f"{HT}#g7-threatening"):
        assert not involving(found, "U301", claim), claim
        assert not involving(found, "D601", claim), claim


def test_figures_that_agree(found: list[Finding]) -> None:
    """Herem's 'some 100,000' and HT's 'over 80,000' beside 'more than 40,000' in each of
    two places; the tolls of 'more than' and 'around' 14,000 since 2014."""
    for claim in (f"{ERR}#herem-gathered-100000", f"{HT}#hl-russia-over-80000",
                  f"{ERR}#toll-more-than-14000", f"{HT}#toll-around-14000",
                  f"{TRT}#toll-more-than-14000"):
        for rule in ("Q201", "Q202", "Q203"):
            assert not involving(found, rule, claim), (rule, claim)


def test_every_line_is_covered(found: list[Finding]) -> None:
    assert not [f for f in by_rule(found, "V901") if f.focus and f.focus.split("#")[0] in NEW]


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule


def test_a_title_three_months_stale(found: list[Finding]) -> None:
    """A strict xfail until the lead's merge: N502 skipped a speaker who holds no
    registered role at the time, so a title he had left was never compared."""
    hits = [f for f in by_rule(found, "N502") if f"{ERR}#reinsalu-calls-sanctions" in claims_of(f)]
    assert len(hits) == 1
    assert "to Eva-Maria Liimets (Minister of Foreign Affairs of Estonia)" in hits[0].message
    assert "Kuleba" not in hits[0].message  # other countries' foreign ministers say nothing
    assert hits[0].message.endswith("held it until 2021-01-26")
