"""Seventh generality probe: the Associated Press (a wire story of Monday 12 April 2021
with an update line), France 24's live blog with AFP (Monday 12 April, Paris times, a post
after midnight) and Meduza's English translation of a Russian-language explainer (questions
and answers, Tuesday 13 April), curated by an audit beside the two seed records, judged as
a careful fact-checker would.

tests/fixtures/unseen7/facts/ holds the seed records and the three new ones, with the audit's
registry additions (France 24, Meduza, Kommersant, ICTV, London, Khomchak's name on the
armed forces chief) and no reviews, so nothing is waived. A live blog's post headings are
curated as headline claims, as in the sixth probe.

Planted, to be shown: AP's own-voice "The Kremlin has ignored Zelenskyy's request for more
than a week" (A401); Peskov "quoted by the Interfax news agency" and Mendel "as quoted by
Reuters" (A404), and Kommersant's unsourced report relayed (A402, A404); Putin's accusation
dated Thursday (AP, the Merkel call) against the seed's Friday (D601); France 24's post
heading "Kremlin denies receiving request" over Peskov's "not aware" (H701, and C101 against
Mendel's request); its heading quoting Kuleba's "will pay a price", which the body quotes as
"a heavy price" (H701); "Iouliia Mendel" (N501); anonymous and vague sources (A402, A403).

Must stay silent: Meduza's translated title "press secretary of Ukraine's president"
against the registered "press secretary of the president of Ukraine" (N502); Meduza's
question headings ("What happened?", V901); headlines whose own bodies give the claim to a
named source, Meduza's "Zelensky wants to call Putin" (Mendel) and France 24's "troops mass
near Ukraine" (Kyiv) (A401); AP's "for more than a week" is read, not an unresolved time
(I011); Mendel's "There has been no answer today either", told to AFP shortly before
midnight, against her Monday words to Reuters (U301: two interviews, ``by.to``).
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen7"
AP = "ap-2021-04-12-kremlin-not-answered-zelenskyy"
F24 = "france24-2021-04-12-live-kremlin-no-request"
MEDUZA = "meduza-2021-04-13-zelensky-wants-to-call-putin"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]


found = probe_findings(FIXTURE)


def test_a_duration_up_to_publication_is_read(found: list[Finding]) -> None:
    """AP's "has ignored Zelenskyy's request for more than a week" is the week up to 12
    April, not an unresolved time."""
    assert not [f for f in by_rule(found, "I011") if f.focus.startswith(AP)]


def test_own_voice_and_relayed_claims(found: list[Finding]) -> None:
    hits = involving(found, "A401", f"{AP}#kremlin-ignored-request")
    assert len(hits) == 1 and "in its own voice" in hits[0].message
    assert "Dmitry Peskov -> Interfax -> Associated Press" in \
        involving(found, "A404", f"{AP}#peskov-political-wisdom")[0].message
    assert involving(found, "A404", f"{MEDUZA}#mendel-request-made")
    kommersant = f"{MEDUZA}#kommersant-since-end-of-march"
    assert "-> Kommersant -> Meduza" in involving(found, "A404", kommersant)[0].message
    assert involving(found, "A402", kommersant)


def test_described_sources(found: list[Finding]) -> None:
    assert involving(found, "A403", f"{AP}#official-request-april-2")
    assert involving(found, "A403", f"{F24}#diplomat-bigger-than-2014")
    assert involving(found, "A403", f"{MEDUZA}#sources-signal-washington")
    assert involving(found, "A402", f"{AP}#observers-testing-biden")


def test_headlines_sourced_in_their_own_bodies_are_not_unsourced(found: list[Finding]) -> None:
    assert not involving(found, "A401", f"{MEDUZA}#hl-zelensky-wants-to-call")
    assert not involving(found, "A401", f"{F24}#hl-troops-mass")


def test_a_post_heading_stronger_than_its_body(found: list[Finding]) -> None:
    heading = f"{F24}#post-kremlin-denies"
    assert involving(found, "H701", heading)
    c101 = [f for f in involving(found, "C101", heading) if f.values["proposition"] == REQUEST]
    assert len(c101) == 1
    quoted = [f for f in involving(found, "H701", f"{F24}#post-kuleba-price")
              if f.values.get("missing")]
    assert quoted and "'will pay a price'" in quoted[0].message
    # the headlines the bodies bear out stay silent
    for claim in (f"{AP}#hl-not-answered", f"{MEDUZA}#hl-kremlin-heard-nothing",
                  f"{F24}#hl-kremlin-knows-of-no-request"):
        assert not involving(found, "H701", claim)


def test_putin_s_accusation_dated_two_ways(found: list[Finding]) -> None:
    hits = involving(found, "D601", f"{AP}#putin-provocative-thursday")
    assert len(hits) == 1 and f"{RBT}#putin-accuses-provocations" in claims_of(hits[0])
    assert "2021-04-08" in hits[0].message and "2021-04-09" in hits[0].message


def test_names_and_titles(found: list[Finding]) -> None:
    """'Iouliia' is the new outlets' one misspelling (the seed's 'Volodomyr' the other);
    Meduza's translated 'press secretary of Ukraine's president' is Mendel's registered
    title, not another one."""
    assert {f.message.split("'")[1] for f in by_rule(found, "N501")} == {"Iouliia", "Volodomyr"}
    assert not [f for f in by_rule(found, "N502") if f.values.get("speaker") == "mendel"]


def test_explainer_questions_are_not_uncovered(found: list[Finding]) -> None:
    assert not [f for f in by_rule(found, "V901") if f.focus.startswith(MEDUZA)]
    assert not [f for f in by_rule(found, "V901")
                if f.focus.startswith(AP) or f.focus.startswith(F24)]


def test_the_knowledge_gap_joins_meduza_s_translation(found: list[Finding]) -> None:
    gaps = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(gaps) == 1
    assert {f"{MEDUZA}#peskov-not-seen", f"{AP}#peskov-not-aware",
            f"{F24}#peskov-not-aware"} <= claims_of(gaps[0])


def test_a_second_statement_the_same_night_is_no_quote_variance(found: list[Finding]) -> None:
    """Mendel's "There has been no answer today either", told to AFP shortly before
    midnight, is another occasion than her Monday words to Reuters ("We have not received
    an answer yet"): quotes said to different addressees (by.to) are not one statement
    worded two ways."""
    assert not involving(found, "U301", f"{F24}#mendel-no-answer-today")
