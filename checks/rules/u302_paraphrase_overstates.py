"""An article's paraphrase of a speaker says more than the speaker's own quoted words.

Catches a *paraphrase beyond the quote*: one article both paraphrases a speaker
on a proposition and quotes the same speaker on it, on the same occasion, and no
quotation holds the proposition the way the paraphrase does, at least as firmly.
UrduPoint's lede has the Kremlin's spokesman say Kyiv "has not requested" talks
(a denial) over his own words "I have not seen any requests" (not aware): the
article's words turn "I don't know of it" into "it did not happen", and its own
quote shows it. Stances are ranked as for H701 (asserts and denies 4, expects 3,
suggests 2, fears and hopes 1, not-aware 0); the paraphrase is supported by a
quote with the same polarity (not-aware: of the same form) and at least its
certainty. A paraphrase weaker than the quote ("hopes" over a quoted "will") is
silent: it under-reports, it does not put words in the speaker's mouth.

Same article, same speaker (registry id), same proposition key. Occasions: a
quote and a paraphrase are of one occasion when their ``by.said`` times are the
same or either is unknown (a paraphrase "said on Monday" is not compared with the
speaker's quote "on Tuesday"). Headline claims are left to H701; paraphrases are
body and caption claims (mode paraphrase), quotes any direct or partial quote.

Claims are grouped by source, speaker and proposition, and each group's quotes
by said time with the firmest stance of each polarity, so every paraphrase is
one look-up (no pairs).

Fires:
    a#c1  Beta said Alpha had not requested talks (paraphrase, denies, said Monday)
    a#c2  "I have not seen any requests," Beta said (direct-quote, not-aware, Monday)

Silent:
    a#c1  as above; a#c2 "There was no request," Beta said (direct-quote, denies)
    a#c1  as above; a#c2 "I have not seen any requests," Beta said on Tuesday
    a#c1  Beta hopes talks will happen (paraphrase, hopes); a#c2 "Talks will happen"
          (direct-quote, asserts)

Options: none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from ..corpus import QUOTE_MODES, ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import Mode, Part
from ..timeexpr import Interval
from ._common import MAX_LISTED, certainty, label, sense, stance_phrase, who

CODE = "U302"
NAME = "quote.paraphrase-overstates"
CATEGORY = "quote"
SEVERITY = "warning"

Sense = tuple[int, bool]


@dataclass
class _Quotes:
    """One speaker's quotes on one proposition in one article, by said time, with the
    firmest certainty of each sense (per said time, and over all of them)."""

    by_said: dict[Interval | None, list[ClaimInfo]] = field(
        default_factory=lambda: defaultdict(list))
    firmest: dict[Interval | None, dict[Sense, int]] = field(
        default_factory=lambda: defaultdict(dict))
    overall: dict[Sense, int] = field(default_factory=dict)

    def add(self, ci: ClaimInfo) -> None:
        self.by_said[ci.said].append(ci)
        s, c = sense(ci), certainty(ci)
        for table in (self.firmest[ci.said], self.overall):
            table[s] = max(table.get(s, -1), c)

    def meeting(self, said: Interval | None) -> list[ClaimInfo]:
        """Up to MAX_LISTED quotes of the paraphrase's occasion."""
        if said is None:
            found = chain.from_iterable(self.by_said.values())
        else:
            found = chain(self.by_said.get(said, ()), self.by_said.get(None, ()))
        return list(islice(found, MAX_LISTED))

    def firmest_of(self, said: Interval | None, s: Sense) -> int:
        if said is None:
            return self.overall.get(s, -1)
        return max(self.firmest.get(said, {}).get(s, -1), self.firmest.get(None, {}).get(s, -1))


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for info in corpus.records:
        quotes: dict[tuple[str, tuple[str, str, str]], _Quotes] = defaultdict(_Quotes)
        paraphrases: list[ClaimInfo] = []
        for ci in info.claims:
            if ci.speaker is None or ci.claim.part is Part.headline:
                continue
            if ci.claim.by.mode in QUOTE_MODES:
                quotes[(ci.speaker, ci.key)].add(ci)
            elif ci.claim.by.mode is Mode.paraphrase:
                paraphrases.append(ci)
        for p in paraphrases:
            group = quotes.get((p.speaker or "", p.key))
            if group is None:
                continue
            heard = group.meeting(p.said)
            if heard and group.firmest_of(p.said, sense(p)) < certainty(p):
                yield _hit(corpus, p, heard)


def _hit(corpus: Corpus, p: ClaimInfo, heard: list[ClaimInfo]) -> Hit:
    speaker = who(corpus, p)
    quoted = "; ".join(f"{stance_phrase(q.claim.says)} ({q.focus})" for q in heard)
    return Hit(
        message=f"the article's paraphrase goes beyond {speaker}'s own quoted words on "
                f"'{label(corpus, p.key)}': in its words {speaker} {stance_phrase(p.claim.says)} "
                f"({p.focus}); quoted, {speaker} only {quoted}",
        location=p.locate("/says/stance"), focus=p.focus, block=True,
        # Identified by the paraphrase alone: a quote added later joins the finding.
        key=f"paraphrase|{p.focus}|{'|'.join(p.key)}",
        claims=(p.ref(), *(q.ref() for q in heard)),
        fix="read the quotation: if the article's paraphrase says more than the speaker did, "
            "record a reviewed finding (source-error); if the record misreads either claim's "
            "stance (a quote of 'I have not seen' is not-aware, not denies), correct it",
        values={"proposition": list(p.key), "speaker": p.speaker,
                "paraphrase_stance": _stance(p), "quote_stances": [_stance(q) for q in heard]},
    )


def _stance(ci: ClaimInfo) -> str:
    return ("not " if ci.claim.says.negated else "") + ci.claim.says.stance.value
