"""A contested claim is stated in the outlet's own voice, with no source.

Catches an *unsourced* claim: the outlet asserts something itself (mode
own-voice, no speaker) although it is contested. Contested means either the
claim is an inference the outlet presents without saying whose it is (stance
suggests, expects or fears: "data also suggested", "a meeting is expected"),
or another claim in the corpus holds the same proposition with the opposite
polarity, or says it is not aware of it. A person and the office they head are one
party (C101 says when the registry links them): an own-voice "Alpha sought talks with
Beta" is contested by "Beta denies the president's office asked" while Alpha heads
that office; the contesting claims' own propositions and the link are named.
Readers must be able to tell whose judgement a disputed statement is; an outlet's
own voice hides it. A judgement is contestable by nature: a firm own-voice claim of a
predicate the vocabulary marks ``kind: judgement`` (a motive, a threat, a right: "Make
no mistake: this is a test", "the troops pose no threat") fires as an inference does,
however firmly it is put, so an unhedged reading of intent is not quieter than a hedged
one. Claims of every other kind (events, states, figures, statements) fire only when
contested or hedged: plain reporting stays silent.

A schedule is not an inference: an own-voice ``expects`` whose event time
looks ahead, in its words ("due on Friday", "next week": ``timeexpr.ahead``) or
in a reading that starts on the publication day or ends after it ("on
Wednesday" in an article of a Tuesday, "on Friday" in Friday's, "April 21"
read in April 12's article, explicit dates), reports an announced, dated plan
("Blinken is due in Brussels on Wednesday"). It fires
only when contested by another claim on the same proposition. Undated or past
expectations, and suggests and fears at any time, stay inferences.

A headline (or summary: a standfirst, key points) speaks in the outlet's voice by custom
and its body names the source: an own-voice headline claim is left out when its own
article's body gives the same party's proposition, with the same polarity and stance, to
a speaker or a described source
(A402/A403 then judge that source) and never states it in its own voice. The same party
is read as C101 reads it (a head and their office) or as H701 does (a person and the
body their role is of, or the office they head; a body and the body it is ``part_of``,
always), either at the headline's time (a role without dates holds always): a standfirst "as
Kyiv pleads for talks with Putin" is sourced by its body's "Zelenskyy asked ..., his
office said" while he is President of Ukraine, as H701 finds it supported, and by "the
foreign ministry asked ..., its spokesman said" when the ministry is part of Ukraine. A
headline the body gives to no one, or also concludes itself ("It turns out that Kiev
lied"), still fires. The contest itself reads parties as C101 does: ``part_of`` does not
make a claim about a ministry contest one about its state.

Claims are grouped by party proposition once; each own-voice claim is looked up
against its own proposition's polarities (at any time, as before parties) and then
against the block's other propositions' claims whose party days meet its own, at most
MAX_LISTED of them: the scan is the one it made of its own proposition's claims before
parties, over the party block. A headline's body claims are indexed once by article and
predicate, the index H701 reads (``_common.body_index``). The rule's cache block
(``_conflict.group_block``) is the proposition with its parties' groups, every entity
either reading links them to: a change to a body claim of the president reruns the
standfirst's block about the state.

One disagreement is one finding: every own-voice claim that plainly states one side of
a contested party proposition (the build-up that sixteen outlets state in their own voice
and one relayed denial disputes, or a headline and its body's sentence) is one finding,
located at the first claim, naming the others and listing every claim, identified by the
block and side so an outlet joining it keeps a review. An inference or a judgement stays a
finding of its own: whose reading it is, is asked of each.

The message words the claim as the outlet holds it ("RT expects 'Alpha spoke
with Beta'", "Topcor denies ..."), and calls it contested only when it names who
contests it; an undisputed inference is called an inference.

Fires:
    a#c1  (own voice) "data also suggested major movements of troops" (suggests)
    a#c1  (own voice) Northland requested talks; b#c1 Beta denies any request
    a#c1, b#c1, c#c1  (own voice, three outlets) Northland massed troops; d#c1 Beta
          denies it: one finding naming all three
    a#c1  (own voice) "Kiev lied about the request" (denies); b#c1 Alpha made the request:
          the message says the outlet *denies* it

    a#c1  (own voice) "talks are expected" (expects, no time)
    a#c1  (own voice) "talks are due on Wednesday" (expects); b#c1 Beta denies talks
    a#c1  (own voice) "Alpha has sought talks with Beta" (Alpha: President of Northland);
          b#c1 Beta denies the Office of the President of Northland asked
    a#c1  (own voice) "Make no mistake: Northland is testing Southland" (asserts, a
          predicate of kind judgement)
    a#hl  (headline, own voice) "Northland pleaded for talks with Beta in 2018"; a#c1
          Alpha (president since 2019) asked, her office said; b#c1 Beta knows of none
    a#hl  (headline, own voice) "The president's office sought talks with Beta in
          2018"; a#c1 Alpha (president since 2019) asked; b#c1 Beta knows of none
    a#hl  (summary, own voice) "as Northland pleads for talks with Beta"; a#c1 Eastland
          (Northland's side, no part_of) asked, Zeta said; b#c1 Beta knows of none

Silent:
    a#c1  (own voice) "Russia seized Crimea in March 2014" (asserts, undisputed)
    a#c1, b#c1  (own voice, two outlets) Northland massed troops, no one disputes it
    a#hl  (headline, own voice) "Alpha wants talks with Beta"; a#c1 Alpha's spokeswoman
          says he asked; b#c1 Beta is not aware of any request
    a#hl  (summary, own voice) "as Northland pleads for talks with Beta"; a#c1 Alpha
          (President of Northland) asked, her office said; b#c1 Beta knows of no request
    a#hl  (summary, own voice) "as Northland pleads for talks with Beta"; a#c1 the
          foreign ministry (part_of: northland) asked, Zeta said; b#c1 Beta knows of none
    a#c1  (own voice) "Beta is due in Place A on Wednesday" (expects, after publication)
    a#c1  (own voice) "Beta was set to join by video link" (expects, on Friday, published
          that Friday)
    a#c1  Alpha says data suggested movements (a named source)
    a#c1  Alpha said Northland is testing Southland (a judgement, but Alpha's)
    a#c1  (own voice) "Alpha sought talks with Beta in 2018" (president since 2019);
          b#c1 Beta denies the president's office asked

Options: none.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import PredicateKind, Stance
from ..timeexpr import Interval, ahead
from ._attribution import is_own_voice, own_voice
from ._common import MAX_LISTED, BodyIndex, body_index, label, polarity, stance_phrase, who
from ._conflict import Key, by_key, group_block, links, party_blocks, pieces, window
from ._dates import time_fields
from ._parties import Heads, Parties, heads_of

CODE = "A401"
NAME = "attribution.unsourced"
CATEGORY = "attribution"
SEVERITY = "warning"
# Each finding depends on one party proposition's claims and, for a headline, on its
# article's body claims of a party either reading links (:func:`group_block`).
BLOCK = group_block

# Stances that present an inference or a forecast rather than an observed fact.
INFERENCE = (Stance.suggests, Stance.expects, Stance.fears)


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    heads = heads_of(corpus.entities)
    bodies = _Bodies(corpus, heads)
    for party, block in party_blocks(corpus).items():
        own = [c for c in block if is_own_voice(c)]
        if not own:
            continue
        # One pass per proposition: who holds it true, false, or is not aware.
        signs = {key: _by_sign(claims) for key, claims in by_key(block).items()}
        # Each claim's days as the party's (C101: a person's while they head the office),
        # worked out only when a proposition of another key is looked at.
        days = functools.partial(_days, heads, party, {})
        # Plain claims contested alike are one disagreement (one finding per block and
        # side, however many outlets state it); an inference or judgement is each its own.
        held: dict[int, list[tuple[ClaimInfo, list[ClaimInfo]]]] = {}
        for ci in own:
            if ci.claim.part.billed and bodies.source(ci):
                continue
            against = _contesting(ci, signs, days)
            if _inference(ci) or _judgement(corpus, ci):
                yield _hit(corpus, heads, ci, against)
            elif against:
                held.setdefault(polarity(ci), []).append((ci, against))
        for sign, stated in held.items():
            yield _held_hit(corpus, heads, f"{chr(31).join(party)}|{sign}", stated)


class _Bodies:
    """Each article's body claims by predicate, indexed on the first headline that asks."""

    def __init__(self, corpus: Corpus, heads: Heads) -> None:
        self.corpus, self.heads = corpus, heads
        self.parties = Parties.build(corpus.entities.values())
        self.index: BodyIndex | None = None

    def source(self, head: ClaimInfo) -> bool:
        """Whether the headline's article gives its proposition in the body to someone, as
        firmly, and never states it in its own voice: a headline's own words are sourced
        there ("Zelensky wants to call Putin" over a body in which his spokeswoman says he
        asked), but not by a hint ("snubs" over a spokesman's suggestion) nor by the
        outlet's own conclusion ("It turns out that Kiev lied"). The same proposition is
        the same party's, as C101 reads it or as H701 does (a president and the state his
        role is of, at the headline's time)."""
        if self.index is None:
            self.index = body_index(self.corpus)  # H701's, built once
        held = [c for c in self.index.get((head.source.id, head.key[1]), ())
                if polarity(c) == polarity(head) and c.claim.says.stance is head.claim.says.stance
                and (self._headed(head, c)
                     or self.parties.same_parties(head.key, c.key, head.when))]
        return any(not is_own_voice(c) for c in held) and not any(map(is_own_voice, held))

    def _headed(self, head: ClaimInfo, body: ClaimInfo) -> bool:
        """Whether the body claim's proposition is the headline's as C101 reads them (a
        head and their office) at the headline's time: a president's request is not her
        office's of a year before her term, nor her predecessor's."""
        when = head.when
        return any(when is None or days.overlaps(when)
                   for days in window(self.heads, head.key, body.key))


def _days(heads: Heads, party: Key, memo: dict[int, list[Interval]], c: ClaimInfo
          ) -> list[Interval]:
    if id(c) not in memo:
        memo[id(c)] = [p.when for p in pieces(heads, party, (c,))]
    return memo[id(c)]


Signs = dict[int, list[ClaimInfo]]


def _by_sign(claims: list[ClaimInfo]) -> Signs:
    by_sign: Signs = {1: [], -1: [], 0: []}
    for c in claims:
        by_sign[polarity(c)].append(c)
    return by_sign


def _pool(by_sign: Signs, sign: int) -> Iterator[ClaimInfo]:
    """Opposite polarity or not aware; for an own-voice 'not aware', any firm side."""
    return itertools.chain(*((by_sign[-sign], by_sign[0]) if sign else (by_sign[1], by_sign[-1])))


def _contesting(ci: ClaimInfo, signs: dict[Key, Signs],
                days: Callable[[ClaimInfo], list[Interval]]) -> list[ClaimInfo]:
    """Who contests ``ci`` (at most MAX_LISTED): its own proposition's other side at any
    time, then another key's whose party days meet its own (a head's and the office's)."""
    sign = polarity(ci)
    out = list(itertools.islice((c for c in _pool(signs[ci.key], sign) if c is not ci),
                                MAX_LISTED))
    for key in sorted(signs):
        if len(out) >= MAX_LISTED:
            break
        if key == ci.key:
            continue
        mine = days(ci)  # memoised: only a party's claim of another key asks
        found = (c for c in _pool(signs[key], sign)
                 if any(d.overlaps(e) for d in days(c) for e in mine))
        out += itertools.islice(found, MAX_LISTED - len(out))
    return out


def _judgement(corpus: Corpus, ci: ClaimInfo) -> bool:
    """A firm claim of a judgement predicate (the vocabulary's kind ``judgement``: a
    motive, a threat, a right): a reading of intent stated as fact, however firmly."""
    pred = corpus.predicates.get(ci.claim.says.predicate)
    return (pred is not None and pred.kind is PredicateKind.judgement
            and ci.claim.says.stance in (Stance.asserts, Stance.denies))


def _inference(ci: ClaimInfo) -> bool:
    stance = ci.claim.says.stance
    return stance in INFERENCE and not (stance is Stance.expects and scheduled(ci))


def scheduled(ci: ClaimInfo) -> bool:
    """Whether the claim's event time looks ahead of publication: in its words, or in
    a reading (explicit dates included) that starts on the publication day or later
    (a plan for the day itself: "was set to join on Friday" in Friday's article) or
    ends after it."""
    for tf in time_fields(ci):
        if tf.what != "event":
            continue
        if ahead(tf.spec.text):
            return True
        published = ci.published
        if published is not None and any(iv.start >= published or iv.end > published
                                         for iv in tf.readings):
            return True
    return False


def _hit(corpus: Corpus, heads: Heads, ci: ClaimInfo, against: list[ClaimInfo]) -> Hit:
    says = ci.claim.says
    prop = label(corpus, ci.key)
    # A negated claim read "suggests 'Kremlin invades Ukraine (negated)'": its sentence now.
    stated = (f"{_NEGATED_VERBS.get(says.stance, says.stance.value)} that '{prop}' is not so"
              if says.negated else f"{_verb(says.stance)} '{prop}'")
    # A republished wire story's own voice is the agency's: Barron's prints AFP's words.
    outlet = own_voice(corpus, ci)
    return Hit(
        message=f"{outlet} {stated} in its own voice, citing no source"
                f"{_why(corpus, heads, ci, against)}",
        location=ci.locate("/evidence"), focus=ci.focus,
        claims=(ci.ref(), *(c.ref() for c in against)),
        fix="if the article names a source nearby, record it in 'by'; otherwise keep the "
            "claim and record a reviewed finding (the outlet itself vouches for it)",
        values={"proposition": list(ci.key), "stance": says.stance.value,
                "contested_by": [c.focus for c in against]},
    )


def _held_hit(corpus: Corpus, heads: Heads, key: str,
              stated: list[tuple[ClaimInfo, list[ClaimInfo]]]) -> Hit:
    """One finding for every own-voice claim that states one side of a contested party
    proposition plainly: the disagreement is one, however many outlets (or sentences of
    one) state the side, and a reviewer judges it once. Located at the first claim; the
    others are named, and every claim is listed. Identified by the block and side alone,
    so an outlet joining the side keeps a reviewed finding reviewed."""
    first, _ = stated[0]
    against = list({id(c): c for _, cs in stated for c in cs}.values())[:MAX_LISTED]
    hit = _hit(corpus, heads, first, against)
    others = [ci for ci, _ in stated[1:]]
    if not others:
        return replace(hit, key=key, block=True)
    named = ", ".join(f"{own_voice(corpus, ci)} ({ci.focus})" for ci in others[:3])
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    so = f"so do {len(others)} other own-voice claims" if len(others) > 1 else "so does one other"
    words, sep, why = hit.message.partition(", citing no source")
    return replace(
        hit, message=f"{words}{sep} ({so}: {named}{more}){why}", key=key, block=True,
        claims=(*dict.fromkeys(ci.ref() for ci, _ in stated), *(c.ref() for c in against)),
        values={**hit.values, "stated_by": [ci.focus for ci, _ in stated]})


def _why(corpus: Corpus, heads: Heads, ci: ClaimInfo, against: list[ClaimInfo]) -> str:
    """Why the claim needs a source: an inference no one is named as drawing, and who
    contests it (never 'contested' without naming someone), and the person-office links
    that make another name's claims contest it."""
    inference = (f"it is an inference ({ci.claim.says.stance.value}) and no one is named as "
                 f"drawing it") if _inference(ci) else ""
    if not inference and _judgement(corpus, ci):
        inference = ("it is a judgement (a reading of motive or intent) and no one is named "
                     "as making it")
    if not against:
        return f": {inference}"
    sides = "; ".join(_contester(corpus, c, ci) for c in against[:3])
    more = f" and {len(against) - 3} more" if len(against) > 3 else ""
    joined = dict.fromkeys(links(corpus, heads, ci.key, c.key) for c in against[:3]
                           if c.key != ci.key)
    if joined:
        more += f" ({'; '.join(joined)})"
    if inference:
        return f": {inference}, and it is contested: {sides}{more}"
    return f", though it is contested: {sides}{more}"


def _contester(corpus: Corpus, c: ClaimInfo, ci: ClaimInfo) -> str:
    """Who contests and how; one who states the same party's proposition under another
    name is given with those words."""
    phrase = stance_phrase(c.claim.says)
    on = f" on '{label(corpus, c.key)}'" if c.key != ci.key else ""
    return f"{who(corpus, c)} ({c.focus}){on} {phrase}"


def _verb(stance: Stance) -> str:
    """The outlet's stance as a verb taking the proposition's label: an outlet's own
    'expects' or denial ("Kiev lied about the request") must not read as a stated fact."""
    return _VERBS.get(stance, stance.value)


_VERBS = {Stance.asserts: "states", Stance.not_aware: "says it is not aware of"}
_NEGATED_VERBS = {Stance.asserts: "states", Stance.not_aware: "says it is not aware"}

