"""Eleventh generality probe: Kommersant (a Russian business daily's translated English
summary of 13 April 2021: "Kiev", "Donbass", "servicemen", a Kremlin source, Peskov's and
Mendel's words in its own translation), Anadolu Agency (a Turkish wire of 12 April:
"Zelenskyy", a standfirst, figures in "military personnel", a day-month slashed date
"12/04/2021", Peskov through TASS and titled "Kremlin Chief of Staff", which he is not)
and Sky News (a UK broadcaster's website article of 13 April with a video caption and a
"Key points" list above it whose bullets overstate the body), curated by an audit beside
the two seed records, judged as a careful fact-checker would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has (quotes translated
in other words, figures in other units, a day range "April 12-13", a slashed date,
rounded figures, "sources in the Kremlin", a wrong title). They are not the outlets'
published words.

tests/fixtures/unseen11/facts/ holds the seed records and the three new ones, with the
tenth audit's registry and vocabulary plus the vocabulary's units (troops: servicemen,
military-personnel) and this audit's entities (the outlets, the Joint Forces Operation,
Erdogan, Turkey, Istanbul), and no reviews.

Planted, to be shown: the Kremlin's denial in Kommersant's lede and its source against
Mendel's request (C101) and Peskov's "not aware" (C102); the lede's denial beyond his
quoted "I do not know" (U302); translated quotes in other words (U301); the figures in
"servicemen" and "military personnel" joining the troop figures (Q203, C101); Sky's
headline and key point "Kremlin snubs / rejects" over a body that has no refusal (H701);
Sky's headline and key point moving Kuleba's total for the borders and Crimea to "the
border" (H701, a headline figure: was silent); Peskov titled "Kremlin Chief of Staff"
(N502); TASS as intermediary (A404); the Kremlin sources (A403, whose message credited a
source that denied the request with the request: fixed); three translations of Mendel's
request that share only "of course" (U301 said three agreed: fixed); single-chain figures
in "soldier" and "servicemen" (R801 wrote "1 troop": fixed).

Must stay silent: two servicemen killed "Over April 12-13" against one soldier killed on
"12/04/2021" (a day inside the range: no Q201/Q202); the slashed date is not a date after
publication (D602) nor unread (I011); "nearly 14,000", "around 14,000" and "14,000"
people (Q201/Q202); Sky's "at least 26" soldiers this year against Zelenskiy's 26. A wrong
title only one source gives (Sky's "Ukraine's defence minister" for Kuleba, Shoigu's office
in the registry) is shown since the eighth audit (N502 compared sources only).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen11"
KOM = "kommersant-2021-04-13-kremlin-unaware-kiev-request"
AA = "anadolu-2021-04-12-ukraine-requested-talks"
SKY = "sky-2021-04-13-russia-80000-troops"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]
TROOPS = ["russia", "mass-troops", "ukraine"]


found = probe_findings(FIXTURE)


def test_the_kremlin_s_denial_against_the_request(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C101") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    assert {f"{KOM}#lede-kremlin-not-received", f"{KOM}#kremlin-source-no-request",
            f"{AA}#mendel-request-made", f"{KOM}#mendel-office-asked"} <= claims_of(hits[0])


def test_the_kremlin_not_aware_of_the_request(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(hits) == 1
    assert {f"{AA}#peskov-not-seen-quote", f"{AA}#sub-kremlin-not-seen",
            f"{KOM}#hl-kremlin-not-aware"} <= claims_of(hits[0])


def test_the_lede_denies_what_peskov_only_did_not_know(found: list[Finding]) -> None:
    hits = by_rule(found, "U302")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{KOM}#lede-kremlin-not-received", f"{KOM}#peskov-do-not-know"}


def test_translated_quotes_are_quote_variance(found: list[Finding]) -> None:
    """Mendel's and Peskov's words, translated by each outlet: quotation marks promise the
    words, so a reader should check which translation is the speaker's."""
    hits = by_rule(found, "U301")
    focus = {f.focus for f in hits}
    assert {f"{AA}#mendel-request-made", f"{AA}#mendel-hope-not-refusal",
            f"{KOM}#mendel-no-reply"} <= focus
    peskov = [f for f in hits if f.values["speaker"] == "peskov"]
    assert len(peskov) == 1 and f"{KOM}#peskov-do-not-know" in claims_of(peskov[0])


def test_a_majority_of_translations_that_differ_among_themselves(found: list[Finding]) -> None:
    """Mendel's request in four outlets: RFE/RL's "of course", RBT's "The president's office,
    of course, made a request to speak with", Kommersant's "The Office of the President, of
    course, sent a request for a conversation with" and Anadolu's "certainly made a request".
    The message said "most sources have 'of course' (3 against 1)", as if three agreed; two
    of the three word the rest differently. Since the eleventh audit a fragment ("of
    course": two words, inside every full quote) is no majority wording: the three agree
    on two words, not on a quote, and the finding, still at Anadolu's words, says the
    sources disagree without a majority."""
    hit = next(f for f in by_rule(found, "U301") if f.focus == f"{AA}#mendel-request-made")
    assert hit.values["outlier"] is None
    assert "the sources disagree without a majority" in hit.message
    assert 'most sources have "of course"' not in hit.message
    assert RBT in hit.message and AA in hit.message


def test_figures_in_other_units_are_one_measure(found: list[Finding]) -> None:
    """'servicemen' and 'military personnel' are the vocabulary's aliases of troops."""
    scope = by_rule(found, "Q203")
    assert len(scope) == 1
    assert {f"{KOM}#kiev-40000-each", f"{AA}#mendel-40000-each"} <= claims_of(scope[0])
    troops = [f for f in by_rule(found, "C101") if f.values["proposition"] == TROOPS]
    assert len(troops) == 1 and f"{KOM}#kiev-40000-each" in claims_of(troops[0])


def test_key_points_that_overstate_the_body(found: list[Finding]) -> None:
    assert {f.focus for f in by_rule(found, "H701") if f.focus.startswith(SKY)} >= {
        f"{SKY}#hl-kremlin-snubs", f"{SKY}#kp-kremlin-rejects"}
    assert not [f for f in by_rule(found, "H701") if f.focus.startswith((KOM, AA))]


def test_a_key_point_that_moves_a_figure_to_one_place(found: list[Finding]) -> None:
    """Sky's headline and first key point: "80,000 troops on Ukraine's border"; its body:
    Kuleba's "more than 80,000 ... near Ukraine's borders and in Crimea". The key point puts
    the total of two places on one. H701 judged the proposition only (troops massed: the
    body says so) and was silent; now a headline figure the body gives for no such places
    is reported, at the headline claim, naming the body's figure."""
    hits = [f for f in by_rule(found, "H701") if "headline_figure" in f.values]
    assert {f.focus for f in hits} == {f"{SKY}#hl-80000-on-border", f"{SKY}#kp-80000-on-border"}
    for hit in hits:
        assert claims_of(hit) == {hit.focus, f"{SKY}#kuleba-80000"}
        assert hit.values["body_figures"] == [
            "more than 80,000 troops for Ukraine's eastern border and Crimea combined"]


def test_a_wrong_title_is_shown_where_it_is_written(found: list[Finding]) -> None:
    hits = [f for f in by_rule(found, "N502") if "unregistered" in f.values]
    assert len(hits) == 1 and hits[0].focus == f"{AA}#peskov-not-seen"
    assert hits[0].values["unregistered"] == ["Kremlin Chief of Staff"]


def test_a_wrong_title_in_one_source_alone(found: list[Finding]) -> None:
    """Sky alone titles Kuleba on 13 April, once as "foreign minister" (registered) and
    once as "Ukraine's defence minister", an office the registry gives Shoigu ("Defence
    Minister") and none of Kuleba's roles. N502 compared only titles across sources and
    was silent; an unregistered wording no office has ("top diplomat") still is."""
    hits = involving(found, "N502", f"{SKY}#kuleba-will-grow")
    assert len(hits) == 1 and claims_of(hits[0]) == {f"{SKY}#kuleba-will-grow"}
    assert hits[0].values["holders"] == ["shoigu"]
    assert "none of Dmytro Kuleba's roles then (Minister of Foreign Affairs of Ukraine)" \
        in hits[0].message
    assert len(by_rule(found, "N502")) == 2  # and the cross-source finding above


def test_intermediaries_and_unnamed_sources(found: list[Finding]) -> None:
    assert "Dmitry Peskov -> TASS -> Anadolu Agency" in \
        involving(found, "A404", f"{AA}#peskov-not-seen-quote")[0].message
    for claim in (f"{KOM}#kremlin-source-no-request", f"{SKY}#kremlin-sources-no-appetite"):
        assert involving(found, "A403", claim), claim


def test_an_unnamed_denial_is_not_shown_as_the_claim(found: list[Finding]) -> None:
    """Kommersant's Kremlin source denies that a request came in; A403 said "'Office of the
    President of Ukraine requested talks with Vladimir Putin' is attributed to 'A source in
    the Kremlin'", crediting the source with the request it denied (Sky's sources, who
    expect no call, likewise). The message now says how the source holds it."""
    kom = involving(found, "A403", f"{KOM}#kremlin-source-no-request")[0].message
    assert "attributed to 'A source in the Kremlin' (recorded as Kremlin), who denies it:" in kom
    sky = involving(found, "A403", f"{SKY}#kremlin-sources-no-appetite")[0].message
    assert "(recorded as Kremlin), who expects it is not so:" in sky


def test_a_day_inside_a_day_range_is_no_conflict(found: list[Finding]) -> None:
    """Two servicemen killed over 12-13 April (Kommersant) and one soldier on 12 April
    (Anadolu's '12/04/2021'): the day's one death fits the two days' two. With Kommersant's
    range narrowed to 12 April the two are a Q201 contradiction (checked by the audit), so
    the silence is the range's, not a missed comparison."""
    for rule in ("Q201", "Q202", "Q203"):
        assert not involving(found, rule, f"{KOM}#jfo-two-killed"), rule
        assert not involving(found, rule, f"{AA}#jfo-one-killed"), rule


def test_a_single_chain_figure_in_the_article_s_own_word(found: list[Finding]) -> None:
    """Anadolu's "one Ukrainian soldier" and Kommersant's "two Ukrainian servicemen" are
    figures of troops (the vocabulary's aliases); R801 named them "1 troop" and "2 troops"."""
    one = involving(found, "R801", f"{AA}#jfo-one-killed")
    assert len(one) == 1 and "(1 soldier for Donbas)" in one[0].message
    two = involving(found, "R801", f"{KOM}#jfo-two-killed")
    assert len(two) == 1 and "(2 servicemen for Donbas)" in two[0].message


def test_every_time_is_read_and_none_is_after_publication(found: list[Finding]) -> None:
    for rule in ("I011", "D602", "D604"):
        assert by_rule(found, rule) == [], rule


def test_rounded_death_tolls_agree(found: list[Finding]) -> None:
    for claim in (f"{AA}#conflict-nearly-14000", f"{SKY}#around-14000-died",
                  f"{SKY}#soldiers-26-this-year", f"{SKY}#soldiers-50-in-2020"):
        for rule in ("Q201", "Q202"):
            assert not involving(found, rule, claim), (rule, claim)


def test_every_line_is_curated(found: list[Finding]) -> None:
    assert by_rule(found, "V901") == []
