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

Same article, same speaker, same proposition key (by party, as the conflict rules key it:
a person who heads an office stands as the office). A body's own words include those of
the people who speak for it (the party links of H701, :class:`~._parties.Parties`: a role
held for the body, an office named after the role's title or declaring it its ``head``),
on the days the role is held when the words were said (else published): "the Kremlin
said Kyiv has not requested talks" is measured by its spokesman Peskov's quoted "I have
not seen any requests" in the same article. Only that way round, and never between two
people: a person's paraphrase is not measured by a body's statement (the body's words
are not all its spokesman's), nor by a colleague's quote. A body's paraphrase is
supported when any of its voices is quoted holding it as firmly. Occasions: a
quote and a paraphrase are of one occasion when their ``by.said`` times are the
same or either is unknown (a paraphrase "said on Monday" is not compared with the
speaker's quote "on Tuesday"). Headline and summary claims are left to H701; paraphrases are
body and caption claims (mode paraphrase), quotes any direct or partial quote.

Claims are grouped by source, speaker and proposition (a person's quote also under
each paraphrased body the person speaks for), and each group's quotes by said time
with the firmest stance of each polarity, so every paraphrase is one look-up (no
pairs).

Fires:
    a#c1  Beta said Alpha had not requested talks (paraphrase, denies, said Monday)
    a#c2  "I have not seen any requests," Beta said (direct-quote, not-aware, Monday)
    or: a#c1 the Castle said Alpha had not requested talks (paraphrase, denies); a#c2
          its spokesman Beta: "I have not seen any requests" (direct-quote, not-aware)

Silent:
    a#c1  as above; a#c2 "There was no request," Beta said (direct-quote, denies)
    a#c1  as above; a#c2 "I have not seen any requests," Beta said on Tuesday
    a#c1  Beta hopes talks will happen (paraphrase, hopes); a#c2 "Talks will happen"
          (direct-quote, asserts)
    a#c1  Gamma (the Castle's chancellor) said Alpha had not requested talks; a#c2 "I
          have not seen any requests," Beta (its spokesman) said: two speakers

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
from ..model import EntityKind, Mode
from ..timeexpr import Interval
from ._common import MAX_LISTED, certainty, label, sense, stance_phrase, who
from ._conflict import party_key
from ._parties import Parties, heads_of

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
    voices = _Voices(corpus)
    for info in corpus.records:
        quoting: list[ClaimInfo] = []
        paraphrases: list[ClaimInfo] = []
        for ci in info.claims:
            by = ci.claim.by
            if by.speaker is None or ci.claim.part.billed:
                continue
            if by.mode in QUOTE_MODES:
                quoting.append(ci)
            elif by.mode is Mode.paraphrase:
                paraphrases.append(ci)
        if quoting and paraphrases:
            yield from _overstated(corpus, voices, quoting, paraphrases)


def _overstated(corpus: Corpus, voices: _Voices, quoting: list[ClaimInfo],
                paraphrases: list[ClaimInfo]) -> Iterator[Hit]:
    """One article's paraphrases that say more than their speakers' quotes, keyed by
    party (a lede's "Kyiv's office has not asked" and the quote's "such requests",
    recorded as the president's, are one proposition, as for C101)."""
    heads = heads_of(corpus.entities)
    keys = {party_key(heads, p.key) for p in paraphrases}
    bodies = {s for p in paraphrases if (s := p.speaker or "") and not voices.person(s)}
    quotes: dict[tuple[str, tuple[str, str, str]], _Quotes] = defaultdict(_Quotes)
    for q in quoting:
        if (key := party_key(heads, q.key)) in keys:
            for voice in voices.of(q, bodies):
                quotes[(voice, key)].add(q)
    for p in paraphrases:
        group = quotes.get((p.speaker or "", party_key(heads, p.key)))
        if group is None:
            continue
        heard = group.meeting(p.said)
        if heard and group.firmest_of(p.said, sense(p)) < certainty(p):
            yield _hit(corpus, p, heard)


class _Voices:
    """Whose own words a quote is (:meth:`of`), from the registry's party links, each
    person's built when first asked (no link is built for a corpus that needs none)."""

    def __init__(self, corpus: Corpus) -> None:
        self._entities = corpus.entities
        self._parties = Parties(corpus.entities.values())
        self._bodies: dict[str, dict[str, list[Interval]]] = {}

    def person(self, entity_id: str) -> bool:
        entity = self._entities.get(entity_id)
        return entity is not None and entity.kind is EntityKind.person

    def of(self, q: ClaimInfo, bodies: set[str]) -> Iterator[str]:
        """The quote's speaker, and, when the speaker is a person, each of ``bodies``
        (the article's paraphrased bodies) the person speaks for when the words were said
        (said, else published): a spokesman's words are his office's. Never another
        person: two members of one body are not one speaker. The smaller of ``bodies``
        and the person's links is walked."""
        speaker = q.speaker or ""
        yield speaker
        if not bodies or not self.person(speaker):
            return
        links = self._links(speaker)
        when = q.said or (Interval(q.published, q.published) if q.published else None)
        for body in bodies if len(bodies) < len(links) else links:
            if body in bodies and any(when is None or d.overlaps(when)
                                      for d in links.get(body, ())):
                yield body

    def _links(self, person: str) -> dict[str, list[Interval]]:
        if person not in self._bodies:
            found: dict[str, list[Interval]] = defaultdict(list)
            for body, days in self._parties.links.get(person, ()):
                found[body].append(days)
            self._bodies[person] = dict(found)
        return self._bodies[person]


def _hit(corpus: Corpus, p: ClaimInfo, heard: list[ClaimInfo]) -> Hit:
    speaker = who(corpus, p)
    if all(q.speaker == p.speaker for q in heard):
        quoted = f"{speaker} only " + "; ".join(f"{stance_phrase(q.claim.says)} ({q.focus})"
                                                for q in heard)
    else:  # a body's paraphrase, its members' quotes: each names who speaks for it
        quoted = "only " + "; ".join(
            f"{speaker} {stance_phrase(q.claim.says)} ({q.focus})" if q.speaker == p.speaker else
            f"{who(corpus, q)}, speaking for it, {stance_phrase(q.claim.says)} ({q.focus})"
            for q in heard)
    return Hit(
        message=f"the article's paraphrase goes beyond {speaker}'s own quoted words on "
                f"'{label(corpus, p.key)}': in its words {speaker} {stance_phrase(p.claim.says)} "
                f"({p.focus}); quoted, {quoted}",
        location=p.locate("/says/stance"), focus=p.focus, block=True,
        # Identified by the paraphrase alone: a quote added later joins the finding.
        key=f"paraphrase|{p.focus}|{'|'.join(p.key)}",
        claims=(p.ref(), *(q.ref() for q in heard)),
        fix="read the quotation: if the article's paraphrase says more than the speaker did, "
            "record a reviewed finding (source-error); if the record misreads either claim's "
            "stance (a quote of 'I have not seen' is not-aware, not denies), correct it",
        values={"proposition": list(p.key), "speaker": p.speaker,
                "paraphrase_stance": _stance(p), "quote_stances": [_stance(q) for q in heard],
                "quote_speakers": [q.speaker for q in heard]},
    )


def _stance(ci: ClaimInfo) -> str:
    return ("not " if ci.claim.says.negated else "") + ci.claim.says.stance.value
