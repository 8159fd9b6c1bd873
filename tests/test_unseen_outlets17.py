"""Seventeenth generality probe: the South China Morning Post (a story of Tuesday 13 April
2021 stamped "Published: 1:47pm, 13 Apr, 2021" in Hong Kong time, compiled from agency copy
credited "Reuters, Agence France-Presse, Bloomberg" at the foot, with a two-line deck,
Beijing's foreign ministry reaction and a Western diplomat in Beijing), The Japan Times
(Tuesday 13 April, dated "Apr 13, 2021" with no time: Kyodo and Reuters material credited
"(Kyodo)" and "(Reuters)" after their paragraphs, the Chief Cabinet Secretary's reaction,
"said Tuesday" without "on", a Japanese government source) and Polskie Radio's English
service (Monday 12 April, stamped "12.04.2021 16:20": a "Name: words" headline, a
presidential aide interviewed on Polish Radio's own first programme and translated from
Polish, "the Polish president's aide said", PAP and RIA Novosti relayed, "Source: PAP,
IAR"), curated by an audit beside the two seed records, judged as a careful fact-checker
would.

There is no network here: the three article texts were written by the audit in each
outlet's style, with the variation real coverage of 12-13 April has; they are not the
outlets' published words. The URLs and every quotation of the Chinese, Japanese and
Polish governments are invented.

tests/fixtures/unseen17/facts/ holds the seed records and the three new ones, with the
sixteenth audit's registry and vocabulary and this audit's additions (the outlets,
Bloomberg, Kyodo, PAP, IAR, TVN24, the United Nations; China, its foreign ministry, Zhao
Lijian and Wang Yi; Japan, Kato and Motegi; Poland, the President's Chancellery, Duda,
Kumoch, Ignaczak-Bandych, Rau and Przydacz), and no reviews.

Planted, to be shown: SCMP's headline "100,000 troops" over Kyiv's "more than 80,000"
(H701, a figure) and "Kremlin brushes off Zelensky's call request" over no body claim
that it does (H701, A401); SCMP's G7 statement "on Tuesday" where the Japan Times and
RFE/RL have Monday (D601); SCMP's Mariupol visit "last Thursday" (8 April) against RFE/RL's
"April 9" (D601); the Japan Times' "the Kremlin said it had not received any request",
a denial where Peskov was "not aware" (C101); Polskie Radio's headline "Russia preparing
offensive" over the aide's "we cannot rule out" and "may be preparing" (H701); Kumoch
titled "Head of the President's Chancellery", Ignaczak-Bandych's office (N502); Duda's
call "on Sunday, 12 April" (a Monday: D603); Peskov via Interfax, Bloomberg, Russian news
agencies and RIA Novosti, Rau via PAP, Przydacz told TVN24, Mendel told Reuters (A404); a
Western diplomat and a Japanese government source (A403); "Some observers", "Some experts"
(A402).

Must stay silent: SCMP's deck "Beijing urges 'all parties' to show restraint" over the
foreign ministry spokesman's words (H701: Zhao speaks for the ministry, which its
minister heads; the fix of this audit), its deck's 'not aware' and "more than 80,000"
(H701); the Japan Times' headline "Japan voices 'serious concern'" over Kato's "serious
concern and strong interest" (H701: a cut quote); Kumoch told Polish Radio's own
programme (A404); "Kremlin spokesman", "foreign ministry spokesman", "Nato Secretary
General", "Chief Cabinet Secretary", "the government's top spokesman", "Polish
president's aide", "Polish Foreign Minister", "Deputy Foreign Minister" (N502); "said
Tuesday", "said Monday", "last Thursday", "on Monday morning", "since the start of the
year", "since 2014" (I011, D602); the Ukrainian military's 28 soldiers killed this year
said on Monday beside Zelensky's 26 said the week before, in one article (Q201, Q202: a
toll that grew); the UN's "more than 13,000" beside "some 14,000" and 14,000 (Q201,
Q202); "more than 40,000" on the border and in Crimea each, as RBT has it (Q201).

The tenth audit's registry says the ministry is part of China (``part_of: china``), so
the deck stays silent when the registry holds no foreign minister too (a strict xfail
before): the minister's role, held for the state, was the only link.
"""

from __future__ import annotations

from pathlib import Path

from checks.findings import Finding
from tests.findingtools import by_rule, claims_of, involving, probe_findings, variant_findings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen17"
SCMP = "scmp-2021-04-13-russia-masses-troops"
JT = "japantimes-2021-04-13-japan-concern-russia-troops"
PR = "polskieradio-2021-04-12-polish-aide-russia-offensive"
RFE = "rferl-2021-04-12-dialogue"
RBT = "rbt-2021-04-12-putin-wont-talk"
REQUEST = ["ukraine-presidential-office", "request-talks", "putin"]
NEW = (SCMP, JT, PR)


found = probe_findings(FIXTURE)


def new_hits(found: list[Finding], rule: str) -> list[Finding]:
    return [f for f in by_rule(found, rule) if f.focus and f.focus.split("#")[0] in NEW]


def test_a_headline_figure_rounded_up(found: list[Finding]) -> None:
    """'100,000 troops' over Kyiv's 'more than 80,000' (some 80,000 to 88,000)."""
    hits = involving(found, "H701", f"{SCMP}#hl-russia-masses-100000")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{SCMP}#hl-russia-masses-100000", f"{SCMP}#lede-kyiv-80000"}
    assert "100,000" in hits[0].message and "more than 80,000" in hits[0].message


def test_a_brush_off_no_one_in_the_body_gives(found: list[Finding]) -> None:
    head = f"{SCMP}#hl-kremlin-brushes-off-request"
    hits = involving(found, "H701", head)
    assert len(hits) == 1 and "no body claim states it" in hits[0].message
    own = involving(found, "A401", head)
    assert len(own) == 1 and f"{RFE}#mendel-hope-not-refusal" in claims_of(own[0])


def test_a_name_colon_headline_firmer_than_his_words(found: list[Finding]) -> None:
    """'Polish president's aide: Russia preparing offensive' over 'we cannot rule out'."""
    hits = involving(found, "H701", f"{PR}#hl-aide-russia-preparing-offensive")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{PR}#hl-aide-russia-preparing-offensive",
                                  f"{PR}#kumoch-cannot-rule-out", f"{PR}#lede-aide-may-be-preparing"}


def test_billing_the_body_supports_stays_silent(found: list[Finding]) -> None:
    """Only the three planted headlines fire: the decks and the Japan Times' quoted
    'serious concern' are the body's."""
    assert {f.focus for f in new_hits(found, "H701")} == {
        f"{SCMP}#hl-russia-masses-100000", f"{SCMP}#hl-kremlin-brushes-off-request",
        f"{PR}#hl-aide-russia-preparing-offensive"}


def test_a_foreign_ministry_spokesman_speaks_for_his_state(found: list[Finding]) -> None:
    """'Beijing urges "all parties" to show restraint' (the deck, speaker China) over Zhao
    Lijian, spokesman of the Ministry of Foreign Affairs of China: the ministry is named
    after the title of its head, Wang Yi, who holds it for China. Before this audit the
    deck was reported: 'in the body only Zhao Lijian says so'."""
    assert not involving(found, "H701", f"{SCMP}#deck-beijing-restraint")


WANG_YI = """  - id: wang-yi
    name: Wang Yi
    kind: person
    roles:
      - title: Minister of Foreign Affairs of China
        of: china
        from: "2013-03-16"
        to: "2022-12-30"
        aliases: [Foreign Minister, Chinese Foreign Minister]
    side: china
"""


def test_a_spokesman_whose_role_is_held_for_the_state(tmp_path: Path) -> None:
    """A curator's other choice: Zhao's role held for China itself, no minister needed."""
    found = variant_findings(FIXTURE, tmp_path, [
        ("entities", WANG_YI, ""),
        ("entities", "of: china-foreign-ministry", "of: china")])
    assert not involving(found, "H701", f"{SCMP}#deck-beijing-restraint")


def test_a_foreign_ministry_without_its_minister(tmp_path: Path) -> None:
    """With no minister registered, the ministry's 'part_of: china' is what makes its
    spokesman's words China's. Before 'part_of' this was a strict xfail: nothing linked
    the ministry to China but the minister's role, held for the state."""
    found = variant_findings(FIXTURE, tmp_path, [("entities", WANG_YI, "")])
    assert not involving(found, "H701", f"{SCMP}#deck-beijing-restraint")


def test_a_ministry_only_on_the_state_s_side_is_not_its_voice(tmp_path: Path) -> None:
    """Without the minister and without 'part_of', the ministry's 'side: china' alone
    does not make it China's voice (a separatist 'government' has Russia's side and is
    not Russia): the deck is Beijing's and in the body only Zhao says so."""
    found = variant_findings(FIXTURE, tmp_path, [("entities", WANG_YI, ""),
                                                 ("entities", "    part_of: china\n", "")])
    hits = involving(found, "H701", f"{SCMP}#deck-beijing-restraint")
    assert len(hits) == 1 and "in the body only Zhao Lijian says so" in hits[0].message


def test_the_g7_statement_dated_a_day_late(found: list[Finding]) -> None:
    hits = involving(found, "D601", f"{SCMP}#g7-threatening-tuesday")
    assert len(hits) == 1 and hits[0].focus == f"{SCMP}#g7-threatening-tuesday"
    assert {f"{JT}#g7-threatening-monday", f"{RFE}#g7-threatening-activities"} <= claims_of(hits[0])
    assert "2 of 3 sources agree on 2021-04-12" in hits[0].message


def test_a_front_line_visit_a_day_apart(found: list[Finding]) -> None:
    hits = involving(found, "D601", f"{SCMP}#zelensky-visited-mariupol")
    assert len(hits) == 1
    assert claims_of(hits[0]) == {f"{SCMP}#zelensky-visited-mariupol", f"{RFE}#cap-zelenskiy-visits-front"}


def test_a_day_first_date_its_weekday_does_not_fall_on(found: list[Finding]) -> None:
    hits = by_rule(found, "D603")
    assert len(hits) == 1 and hits[0].focus == f"{PR}#duda-spoke-zelensky"
    assert "Monday" in hits[0].message


def test_the_kremlin_made_to_deny(found: list[Finding]) -> None:
    """The Japan Times: 'the Kremlin said it had not received any request'; its own next
    paragraph, and every other outlet, has Peskov 'not aware'."""
    hits = [f for f in by_rule(found, "C101") if f"{JT}#kremlin-not-received" in claims_of(f)]
    assert len(hits) == 1 and hits[0].values["proposition"] == REQUEST
    gap = [f for f in by_rule(found, "C102") if f.values["proposition"] == REQUEST]
    assert len(gap) == 1
    for claim in (f"{SCMP}#peskov-not-aware", f"{JT}#peskov-not-aware", f"{PR}#peskov-not-aware"):
        assert claim in claims_of(gap[0]), claim


def test_another_person_s_office(found: list[Finding]) -> None:
    hits = by_rule(found, "N502")
    assert len(hits) == 1 and hits[0].focus == f"{PR}#kumoch-cannot-rule-out"
    assert "Ignaczak-Bandych" in hits[0].message


def test_unnamed_vague_and_second_hand_sources(found: list[Finding]) -> None:
    assert {f.focus for f in new_hits(found, "A403")} == {
        f"{SCMP}#diplomat-no-sides", f"{JT}#source-no-plans-territorial-talks"}
    assert {f.focus for f in new_hits(found, "A402")} == {
        f"{SCMP}#observers-testing-biden", f"{PR}#experts-pressure-west"}
    # "told Reuters" in a story compiled with Reuters is second-hand too, as the sixteenth
    # probe's Hindustan Times ("With inputs from Reuters") has it; told Polish Radio's
    # own programme is first-hand
    assert {f.focus for f in new_hits(found, "A404")} == {
        f"{SCMP}#mendel-request-made", f"{SCMP}#mendel-no-answer", f"{SCMP}#peskov-not-aware",
        f"{SCMP}#peskov-own-territory", f"{JT}#peskov-not-aware", f"{PR}#peskov-not-aware",
        f"{PR}#rau-stands-by-ukraine", f"{PR}#przydacz-explain-intentions"}


def test_titles_as_each_outlet_writes_them(found: list[Finding]) -> None:
    for claim in (f"{SCMP}#zhao-restraint", f"{SCMP}#stoltenberg-concerned", f"{JT}#kato-quote-concern",
                  f"{PR}#duda-spoke-zelensky", f"{PR}#rau-stands-by-ukraine",
                  f"{PR}#przydacz-explain-intentions", f"{PR}#hl-aide-russia-preparing-offensive"):
        assert not involving(found, "N502", claim), claim
    assert [f.values["written"] for f in by_rule(found, "N501")] == ["Volodomyr"]


def test_every_time_is_read(found: list[Finding]) -> None:
    assert by_rule(found, "I011") == []
    assert by_rule(found, "D602") == []


def test_tolls_that_agree_or_grew(found: list[Finding]) -> None:
    """28 soldiers killed this year (Monday) beside Zelensky's 26 (the week before); the
    UN's 'more than 13,000' beside 'some 14,000' and RBT's 14,000; 40,000 in each place."""
    for claim in (f"{JT}#military-28-this-year", f"{JT}#zelensky-26-last-week",
                  f"{RFE}#zelenskiy-26-soldiers-killed", f"{SCMP}#toll-more-than-13000",
                  f"{JT}#toll-some-14000", f"{PR}#toll-some-14000", f"{JT}#mendel-40000-each",
                  f"{PR}#kyiv-40000-each"):
        for rule in ("Q201", "Q202"):
            assert not involving(found, rule, claim), (rule, claim)


def test_one_statement_in_the_same_words(found: list[Finding]) -> None:
    for claim in (f"{SCMP}#mendel-request-made", f"{SCMP}#mendel-no-answer",
                  f"{JT}#g7-threatening-monday", f"{SCMP}#g7-threatening-tuesday"):
        assert not involving(found, "U301", claim), claim


def test_every_line_is_covered(found: list[Finding]) -> None:
    assert not new_hits(found, "V901")


def test_every_new_finding_is_located_in_its_record(found: list[Finding]) -> None:
    for f in found:
        if f.focus and f.focus.split("#")[0] in NEW:
            assert f.location.path.endswith(f"{f.focus.split('#')[0]}.yaml"), f.rule
