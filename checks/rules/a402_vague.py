"""A claim rests on a vague source ("some analysts") or a reporter's hedged attribution.

Catches *vague attribution* (mode vague): the article gives the claim a
source, but not one a reader could identify or check. "Some analysts have
suggested" and "overwhelming evidence suggests" lend a claim weight without
saying whose analysis or which evidence; a fact-checker needs to know who is
missing.

Fires:
    a#c1  "Some analysts have suggested that Northland is testing Southland"
          (by: {as: Some analysts, mode: vague})
    a#c1  "As I understand it, Beta says he has not heard from Alpha"
          (by: {speaker: beta, hedge: As I understand it})

The message says how the source holds the proposition when it does not simply say so
("'Northland sends forces into Southland' rests on 'concerns' (the source fears so)"; "(the
source denies it)"): the proposition alone would credit a denying source with it.

A reporter's hedge on an attribution (``by.hedge``: "As I understand it, though, the
Kremlin says it hasn't heard from him") is vague sourcing too, whoever is named: the
article names the speaker but not how it knows the speaker said so, and does not vouch
for it. Such a claim is reported with the hedge and the speaker it is hedged about
("'...' rests on the reporter's hedged account ('As I understand it') that Boris Beta
says they are not aware of it"); the conflict rules still count it, but never name it as the speaker's own
words (``_conflict.voice``). A hedge on the outlet's own voice attributes nothing: its
stance says how firmly the outlet holds it (``suggests``), and A401 judges it.

Silent:
    a#c1  "Anna Alpha, an analyst at ..., suggested ..." (a named speaker)
    a#c1  "officials said" (mode unnamed: that is A403)
    a#c1  "Beta says he has not heard from Alpha" (no hedge: Beta's words, plainly)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import Mode
from ._attribution import as_pointer
from ._common import label, possessive, stance_phrase

CODE = "A402"
NAME = "attribution.vague"
CATEGORY = "attribution"
SEVERITY = "warning"


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for ci in corpus.claims:
        by = ci.claim.by
        if by.mode is Mode.vague:
            yield _vague(corpus, ci)
        elif by.hedge and by.mode is not Mode.own_voice:
            yield _hedged(corpus, ci, by.hedge)


def _vague(corpus: Corpus, ci: ClaimInfo) -> Hit:
    as_ = ci.claim.by.as_
    source = f"'{as_}'" if as_ else "an unidentified source"
    hedge = f", hedged by the reporter ('{ci.claim.by.hedge}')" if ci.claim.by.hedge else ""
    return Hit(
        message=f"'{label(corpus, ci.key)}' rests on {source}{_held(ci)}{hedge}: the article "
                "does not say who (which people, which evidence)",
        location=ci.locate(as_pointer(ci)), focus=ci.focus, claims=(ci.ref(),),
        value=as_,
        fix="look for the source elsewhere in the article or in other coverage; if none is "
            "named, keep the claim and record a reviewed finding",
        values={"as": as_, "proposition": list(ci.key)},
    )


def _hedged(corpus: Corpus, ci: ClaimInfo, hedge: str) -> Hit:
    """A named source the reporter does not vouch for: whose words, and the hedge."""
    by = ci.claim.by
    named = corpus.name(by.speaker) if by.speaker else (f"'{by.as_}'" if by.as_ else
                                                        "the source")
    return Hit(
        message=f"'{label(corpus, ci.key)}' rests on the reporter's hedged account ('{hedge}') "
                f"that {named} {stance_phrase(ci.claim.says)}: the article does not say how "
                "it knows",
        location=ci.locate("/by/hedge"), focus=ci.focus, claims=(ci.ref(),),
        value=hedge,
        fix=f"look for {possessive(named)} own words in the article or in other coverage; if "
            "none are found, keep the claim and record a reviewed finding",
        values={"as": by.as_, "hedge": hedge, "speaker": by.speaker,
                "proposition": list(ci.key)},
    )


def _held(ci: ClaimInfo) -> str:
    phrase = stance_phrase(ci.claim.says)
    return "" if phrase == "says so" else f" (the source {phrase})"
