"""Fifth generality probe: BBC News (Tuesday 13 April 2021), The Moscow Times (Wednesday
14 April) and the Kyiv Post (Thursday 15 April), curated by an audit beside the two seed
records, judged as a careful fact-checker would.

tests/fixtures/unseen5/facts/ holds the seed records and the three new ones, with the audit's
registry and vocabulary additions (no reviews, so nothing is waived).

Planted, and a fact-checker must be shown: a headline's "snubs" over a body that only hopes it
is no refusal (BBC, H701); Mendel quoted in other words (BBC, U301) and Peskov's "not aware"
translated as "I don't know anything about any such requests recently" (Moscow Times, U301);
a running toll of 28 (BBC, this year), 26 (Moscow Times, since January, a day later) and 27
(Kyiv Post) (Q201); "more than 80,000" against "up to 80,000" for the border and Crimea
(Q202); the Kyiv Post's "more than 80,000", backed by the Reuters story's "more than 40,000"
in each place (an implied total, R801), not by the seed's "more than 40,000" for both, which
admits it but reports some 40,000; per-place figures against the seed's
combined one (Q203); Peskov's rejection of
Western calls dated Tuesday against the seed's April 12 (D601); the transposed "Zelenksy"
(N501); mutual blame (C103) and an offensive alleged and denied (C101).

Must stay silent: "since July" in an April article with the curator's dates of last July
(D604); "doesn't" against "does not" in Peskov's quote (U301); a headline's last word in
single marks, "to Counter NATO 'Threat'" (A405); a forecast of "25 more" battalion groups
against the 28 deployed (Q201); the same statements dated "On Monday", "on April 12" and
"Monday" from three publication days (D601); titles the registry lists (N502); a headline's
"80,000" over its body's "more than 80,000" (Q201/Q202); the BBC's 50 killed in 2020
corroborating the seed's (R801).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen5"
BBC = "bbc-2021-04-13-kremlin-snubs-zelensky"
MT = "moscowtimes-2021-04-14-troops-west-nato-threat"
KP = "kyivpost-2021-04-15-russia-amasses-80000"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"


found = probe_findings(FIXTURE)


def test_headline_snub_over_a_hope(found: list[Finding]) -> None:
    hits = involving(found, "H701", f"{BBC}#hl-kremlin-snubs-zelensky")
    assert hits and f"{BBC}#mendel-hope-not-refusal" in claims_of(hits[0])
    # "Kremlin stays silent" is stated by the Kyiv Post's own body ("has not responded")
    assert not involving(found, "H701", f"{KP}#hl-kremlin-silent")


def test_quotes_worded_differently(found: list[Finding]) -> None:
    assert involving(found, "U301", f"{BBC}#mendel-still-waiting")
    assert involving(found, "U301", f"{BBC}#mendel-hope-not-refusal")
    assert involving(found, "U301", f"{MT}#peskov-dont-know-anything")


def test_running_toll_of_soldiers_killed(found: list[Finding]) -> None:
    """28 this year (BBC, Tuesday) is more than 26 since January (Moscow Times, Wednesday)
    and 27 (Kyiv Post, Thursday): the later, longer counts cannot be lower."""
    hits = involving(found, "Q201", f"{BBC}#ukraine-28-killed")
    assert hits and {f"{MT}#ukraine-26-killed", f"{KP}#jfo-27-killed"} <= claims_of(hits[0])
    # the message shows why: the lower figure covers the longer period
    assert "28 soldiers this year (2021-01-01..2021-04-13)" in hits[0].message
    assert "26 soldiers since January (2021-01-01..2021-04-14)" in hits[0].message
    # the BBC's 50 in the whole of last year backs the seed's 50 in all of 2020
    assert not involving(found, "R801", f"{RFE}#zelenskiy-50-killed-2020")


def test_troop_figures(found: list[Finding]) -> None:
    assert involving(found, "Q202", f"{KP}#general-staff-80000")  # > 80,000 vs up to 80,000
    q203 = involving(found, "Q203", f"{RFE}#mendel-40000-troops")
    assert q203 and {f"{BBC}#ukraine-40000-border", f"{MT}#ukraine-40000-crimea"} <= claims_of(q203[0])
    # the headline's "80,000" rounds its own body's "more than 80,000"
    assert not [f for f in found if f.rule in ("Q201", "Q202")
                and f"{KP}#hl-russia-amasses-80000" in claims_of(f)]


def test_officials_total_touches_the_sum_of_each_place(found: list[Finding]) -> None:
    """U.S. officials' "up to 80,000" for the border and Crimea together (Moscow Times)
    against Mendel's "more than 40,000" in each (the Reuters-based republication: more
    than 80,000): the totals cannot both hold, though they touch; no misread scope."""
    totals = [f for f in involving(found, "Q203", f"{MT}#us-officials-up-to-80000")
              if f.message.startswith("total discrepancy")]
    assert len(totals) == 1 and f"{RBT}#mendel-40000-troops" in claims_of(totals[0])
    assert "the totals cannot both hold, though they touch" in totals[0].message
    assert not [f for f in found if f.rule == "Q203" and f.message.startswith("scope")
                and f"{MT}#us-officials-up-to-80000" in claims_of(f)]


def test_a_statement_dated_a_day_late(found: list[Finding]) -> None:
    assert involving(found, "D601", f"{MT}#peskov-rejected-calls")
    # "On Monday" (Tuesday's BBC), "Monday" (Wednesday's Moscow Times) and "on April 12"
    # (Thursday's Kyiv Post) are one day
    assert not [f for f in found if f.rule.startswith("D60")
                and f"{MT}#peskov-did-not-know" in claims_of(f)]
    assert not [f for f in found if f.rule.startswith("D60") and (
        f"{BBC}#biden-putin-call" in claims_of(f) or f"{KP}#kuleba-met-stoltenberg" in claims_of(f))]


def test_a_name_ending_in_s_takes_the_apostrophe_alone(found: list[Finding]) -> None:
    """A404 wrote "United States's words" and "find Russian news agencies's own report"."""
    us = involving(found, "A404", f"{MT}#us-officials-up-to-80000")
    assert us and us[0].message.startswith("United States' words on")
    peskov = involving(found, "A404", f"{BBC}#peskov-unaware")
    assert peskov and peskov[0].fix.startswith("find Russian news agencies' own report")


def test_transposed_letters_and_registered_titles(found: list[Finding]) -> None:
    words = {f.message.split("'")[1] for f in by_rule(found, "N501")}
    assert words == {"Zelenksy", "Volodomyr"}
    assert by_rule(found, "N502") == []


def test_at_the_weekend_is_a_time(found: list[Finding]) -> None:
    """The BBC's "Two Ukrainian soldiers were killed at the weekend": British idiom for the
    last Saturday and Sunday, written as words alone (I011 could not date it)."""
    assert not [f for f in by_rule(found, "I011") if "at the weekend" in f.message]


def test_a_refusal_against_a_readiness_reported_two_days_later(found: list[Finding]) -> None:
    """RBT's headline "Putin Won't Talk to Zelenskiy" (Monday) against Peskov's "Putin was
    ready to meet Zelensky in Moscow" (Wednesday's Moscow Times): neither claim has a time
    of its own, and C101 read each as its publication day only, so they never met."""
    hits = involving(found, "C101", f"{MT}#peskov-putin-ready-to-meet")
    assert hits and f"{RBT}#hl-putin-wont-talk" in claims_of(hits[0])


def test_blame_and_an_alleged_offensive(found: list[Finding]) -> None:
    assert involving(found, "C103", f"{KP}#kremlin-blames-kyiv")
    assert involving(found, "C101", f"{KP}#ukraine-denies-offensive")


def test_since_a_later_month_is_last_year(found: list[Finding]) -> None:
    """'since July' in an April article is since last July, as the curator dated it
    (timeexpr read this July, and D604 called the dates wrong)."""
    assert not involving(found, "D604", f"{KP}#jfo-35-since-july")


def test_a_contraction_is_the_same_quote(found: list[Finding]) -> None:
    """Peskov's "doesn't threaten anyone" (Moscow Times) is the "does not threaten anyone"
    of the BBC and the Kyiv Post (U301 counted them as two wordings)."""
    assert not involving(found, "U301", f"{MT}#peskov-doesnt-threaten")


def test_a_headline_scare_quote_is_a_quotation(found: list[Finding]) -> None:
    """"to Counter NATO 'Threat'": a headline's last word in single marks quotes (A405
    read it as unquoted: only a line's opening one-word span counted)."""
    assert not involving(found, "A405", f"{MT}#hl-nato-threat")


def test_a_forecast_is_no_count(found: list[Finding]) -> None:
    """"had deployed 28 battalion tactical groups ... and was expected to bring in 25 more"
    (Kyiv Post): Q201 called the forecast a contradiction of the count."""
    assert not involving(found, "Q201", f"{KP}#officer-25-more-btgs")
    # nor does it corroborate or stand as a count (R801 names it a forecast)
    r801 = involving(found, "R801", f"{KP}#officer-25-more-btgs")
    assert r801 and "forecast)" in r801[0].message


def test_kremlin_snub_against_putin_ready_to_meet(found: list[Finding]) -> None:
    """The BBC's headline 'Kremlin snubs Zelensky's call for Putin talks' (subject kremlin)
    against Peskov's 'Putin was ready to meet Zelensky' (subject putin): the registry's
    Kremlin declares its head's title ('head: President of Russia'), which its name does
    not carry, so Putin and the Kremlin are one party while he is president."""
    hits = involving(found, "C101", f"{MT}#peskov-putin-ready-to-meet")
    assert hits and f"{BBC}#hl-kremlin-snubs-zelensky" in claims_of(hits[0])
    # the headline's refusal, in the BBC's own voice, is contested by Putin's side
    a401 = involving(found, "A401", f"{BBC}#hl-kremlin-snubs-zelensky")
    assert a401 and f"{MT}#peskov-putin-ready-to-meet" in claims_of(a401[0])
    assert "Kremlin is the office of Vladimir Putin, President of Russia" in a401[0].message


def test_more_than_80000_is_backed_by_more_than_40000_each(found: list[Finding]) -> None:
    """The Kyiv Post's "more than 80,000" from Ukraine's General Staff for the border and
    Crimea together. The seed's "more than 40,000" for both together admits 80,000 but
    reports some 40,000, so it does not back it (R801 once read an open-ended figure as
    backing every higher one); the Reuters story's "more than 40,000" in each place
    (reports 40,000 to 44,000 each, so 80,000 to 88,000 for both) does: another chain
    gives that total. The U.S. officials' "up to 80,000" (Moscow Times) backs the Kyiv
    Post's headline 80,000."""
    assert not involving(found, "R801", f"{KP}#general-staff-80000")
    assert not involving(found, "R801", f"{KP}#hl-russia-amasses-80000")
    assert not involving(found, "R801", f"{MT}#us-officials-up-to-80000")
    # what backs it is the figure for each place, not the seed's combined one
    assert involving(found, "R801", f"{RFE}#mendel-40000-troops")
