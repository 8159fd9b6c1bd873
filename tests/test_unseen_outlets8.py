"""Eighth generality probe: Ukrainska Pravda's English translation of a Ukrainian news
item (Monday, 12 April 2021; dates written "02.04.2021" and "Friday 9th", names
transliterated from Ukrainian: "Yuliia Mendel", "Dmytro Peskov"), Xinhua's terse dispatch
(datelined "MOSCOW, April 12", stamped 01:12 Beijing time on 13 April) and The Washington
Post's analysis of 13 April (the authors' voice mixed with reporting, a bulleted list of
figures from several sources, an interview given to the Post, a correction note), curated
by an audit beside the two seed records, judged as a careful fact-checker would.

tests/fixtures/unseen8/facts/ holds the seed records and the three new ones, with the
audit's registry additions (the three outlets, Shoigu and his ministry with ``head``, the
Pentagon, "Ukrainian media", Russia's western borders, Khomchak's name on the armed forces
chief, the Ukrainian transliterations of Mendel and Peskov) and no reviews.

Planted, to be shown: Xinhua's lede "The Kremlin has not received any request" over
Peskov's quoted "I have not seen any such requests in recent days" (U302, C101); "an
allegation Moscow has rejected" (C101); the Post's bulleted "Ukrainian officials, cited
by the Associated Press" and Xinhua's "Ukrainian media reported" (A404); anonymous and
vague sources (A402, A403); the Post's hedged own-voice lede (A401); Ukrainska Pravda's
colon headline "Office of the President: we asked ..." whose words the body never quotes
(A405); the Post's correction note (E101).

Must stay silent: the Post's "told The Washington Post" on Tuesday against Monday's
statement (D601: its own interview); "the president's press secretary" and "The Russian
president's press secretary" against the registered titles (N502); "on 02.04.2021" and
"For a week and a half" are read (I011); Peskov's Monday dated from a Beijing timestamp
of Tuesday (D601); Khomchak's "up to 25 more expected" against the 28 deployed (Q201,
Q202); Khomchak's 28 groups, with a place in one outlet and none in the other (R801: two
chains); Mendel's "We still very much hope ...", told to Ukrainska Pravda, against her words
to Reuters (U301); the correction's withdrawn "April 9" against RFE/RL's caption of
another event on April 9 (E102).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen8"
UP = "up-2021-04-12-office-asked-putin-talks"
XINHUA = "xinhua-2021-04-13-kremlin-no-request"
WAPO = "wapo-2021-04-13-analysis-putin-testing-biden"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]


found = probe_findings(FIXTURE)


def test_every_time_is_read(found: list[Finding]) -> None:
    """'on 02.04.2021' (day first) and 'For a week and a half' are read, not I011."""
    assert by_rule(found, "I011") == []


def test_a_lede_stronger_than_its_quote(found: list[Finding]) -> None:
    lede = f"{XINHUA}#lede-no-request"
    u302 = involving(found, "U302", lede)
    assert len(u302) == 1 and f"{XINHUA}#peskov-not-seen" in claims_of(u302[0])
    c101 = [f for f in involving(found, "C101", lede) if f.values["proposition"] == REQUEST]
    assert len(c101) == 1 and f"{UP}#mendel-sent-april-2" in claims_of(c101[0])
    # the headline says what its lede says: the lede's overstatement is U302's
    assert not involving(found, "H701", f"{XINHUA}#hl-no-request")


def test_moscow_s_rejection_relayed(found: list[Finding]) -> None:
    hits = involving(found, "C101", f"{XINHUA}#moscow-rejected")
    assert len(hits) == 1 and f"{UP}#mendel-40000-each" in claims_of(hits[0])


def test_second_hand_and_described_sources(found: list[Finding]) -> None:
    assert "Ukraine -> Associated Press -> The Washington Post" in \
        involving(found, "A404", f"{WAPO}#list-officials-80000")[0].message
    assert "Iuliia Mendel -> Ukrainian media -> Xinhua" in \
        involving(found, "A404", f"{XINHUA}#mendel-zelensky-asked")[0].message
    for claim in (f"{WAPO}#official-april-2", f"{WAPO}#list-officials-80000",
                  f"{XINHUA}#officials-80000", f"{WAPO}#list-chief-28-btg"):
        assert involving(found, "A403", claim), claim
    assert involving(found, "A402", f"{WAPO}#kyiv-fears-offensive")
    assert involving(found, "A402", f"{WAPO}#western-officials-no-sign")


def test_the_analysis_own_voice(found: list[Finding]) -> None:
    """The hedged 'does not seem inclined to return' is the authors' inference; the
    headline's 'unanswered phone call' is Mendel's in the body (told to the Post)."""
    hits = involving(found, "A401", f"{WAPO}#lede-kremlin-not-inclined")
    assert len(hits) == 1 and "inference" in hits[0].message
    assert not involving(found, "A401", f"{WAPO}#hl-call-unanswered")


def test_the_analysis_judgement_stated_as_fact(found: list[Finding]) -> None:
    """"Make no mistake: this is a test" and the headline "Putin is testing Biden" state a
    reading of Putin's motive as fact, in the authors' own voice: a judgement no one is
    named as making (A401), as firm as it is unhedged. The analysts and observers other
    outlets cite for the same reading are their sources' judgement, not the outlets'."""
    for claim in ("analysis-a-test", "hl-putin-testing-biden"):
        [hit] = involving(found, "A401", f"{WAPO}#{claim}")
        assert "states 'Vladimir Putin is testing Joe Biden'" in hit.message
        assert "it is a judgement" in hit.message
    judged = [f for f in by_rule(found, "A401") if "judgement" in f.message]
    assert {f.focus.split("#")[0] for f in judged} == {WAPO}


def test_a_colon_headline_quotes_words_the_body_does_not(found: list[Finding]) -> None:
    assert involving(found, "A405", f"{UP}#hl-office-asked")
    assert not [f for f in by_rule(found, "A405") if not f.focus.startswith(UP)]


def test_the_correction_note(found: list[Finding]) -> None:
    hits = involving(found, "E101", f"{WAPO}#official-april-2")
    assert len(hits) == 1 and "'April 9' withdrawn" in hits[0].message
    assert by_rule(found, "E102") == []  # RFE/RL's "on April 9" is another event's


def test_an_interview_given_to_the_outlet_is_another_occasion(found: list[Finding]) -> None:
    """'On Tuesday, ... Mendel, told The Washington Post there was still no answer' is
    the Post's own interview (by.to its outlet), not Monday's statement dated apart."""
    assert not involving(found, "D601", f"{WAPO}#mendel-still-no-answer")
    assert by_rule(found, "D601") == []  # Xinhua's Beijing-stamped "Monday" too
    assert by_rule(found, "D603") == []  # "on Friday 9th": 9 April 2021 was a Friday


def test_translated_titles_and_names(found: list[Finding]) -> None:
    assert not [f for f in by_rule(found, "N502")
                if f.values.get("speaker") in ("mendel", "peskov")]
    assert {f.message.split("'")[1] for f in by_rule(found, "N501")} == {"Volodomyr"}


def test_figures_expected_and_deployed_are_not_compared(found: list[Finding]) -> None:
    for rule in ("Q201", "Q202"):
        assert by_rule(found, rule) == []
    q203 = by_rule(found, "Q203")
    assert len(q203) == 1
    assert {f"{UP}#mendel-40000-each", f"{WAPO}#list-office-40000"} <= claims_of(q203[0])


def test_words_told_to_another_outlet_are_not_quote_variance(found: list[Finding]) -> None:
    assert not [f for f in by_rule(found, "U301") if f.values.get("speaker") == "mendel"]


def test_an_unscoped_figure_corroborates_a_scoped_one(found: list[Finding]) -> None:
    """Ukrainska Pravda's 28 battalion tactical groups 'along the border and in the
    occupied territories' and the Post's bulleted 28 (no place given), both Khomchak's
    figure to parliament, are two chains: neither rests on one. Shoigu's figures, only
    the Post's, still do."""
    assert not involving(found, "R801", f"{UP}#khomchak-28-btg")
    assert not involving(found, "R801", f"{WAPO}#list-chief-28-btg")
    assert involving(found, "R801", f"{WAPO}#shoigu-two-armies")
