"""Helpers shared by rules: polarity and certainty of stances, time overlap
between groups of claims without comparing all pairs, and wording."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from ..corpus import ClaimInfo, Corpus
from ..model import Mode, Part, Proposition, Stance
from ..textnorm import collapse_ws
from ..timeexpr import Interval
from ._attribution import is_own_voice

# How firmly a stance commits the speaker to the proposition being so (H701's docstring
# gives the reasons): a fact, a forecast, a hedged inference, a feeling about an outcome.
CERTAINTY = {
    Stance.asserts: 4, Stance.denies: 4,
    Stance.expects: 3,
    Stance.suggests: 2,
    Stance.fears: 1, Stance.hopes: 1,
    Stance.not_aware: 0,
}
MAX_LISTED = 10  # claims listed per side of an aggregated finding

BodyIndex = dict[tuple[str, str], list[ClaimInfo]]
_bodies: list[tuple[list[ClaimInfo], int, BodyIndex]] = []


def body_index(corpus: Corpus) -> BodyIndex:
    """Each article's body claims by (source, predicate), in corpus order: H701 holds a
    headline to them and A401 asks whether they source it, one index for both. Built
    once per corpus, recognised by its claim list (kept alive by this memo, so its
    identity is not reused; a list that grew since is indexed anew), as ``heads_of``
    recognises a registry."""
    claims = corpus.claims
    if _bodies and _bodies[0][0] is claims and _bodies[0][1] == len(claims):
        return _bodies[0][2]
    index: BodyIndex = {}
    for ci in claims:
        if ci.claim.part is Part.body:
            index.setdefault((ci.source.id, ci.key[1]), []).append(ci)
    _bodies[:] = [(claims, len(claims), index)]
    return index

# How a speaker holds a proposition, as the words after the speaker's name: (plain,
# negated). "so" and "it" stand for the proposition the message names; "they" is the
# speaker, whose number and gender the registry does not record.
_POSITIONS = {
    Stance.asserts: ("says so", "says it is not so"),
    Stance.denies: ("denies it", "denies that it is not so"),
    Stance.not_aware: ("says they are not aware of it", "says they are not aware that it is not so"),
    Stance.hopes: ("hopes so", "hopes it is not so"),
    Stance.expects: ("expects so", "expects it is not so"),
    Stance.suggests: ("suggests so", "suggests it is not so"),
    Stance.fears: ("fears so", "fears it is not so"),
}


def stance_phrase(says: Proposition) -> str:
    """The speaker's position on the proposition: 'says so', 'says they are not aware of it'."""
    return position(says.stance, says.negated)


def held(ci: ClaimInfo) -> str:
    """', who denies it': how a described source holds the proposition, unless it simply
    says so. The proposition's label alone would credit a source that denies a request,
    or expects no call, with the opposite."""
    phrase = stance_phrase(ci.claim.says)
    return "" if phrase == "says so" else f", who {phrase}"


def position(stance: Stance, negated: bool) -> str:
    """:func:`stance_phrase` for a block that keeps only the stance and the negation."""
    plain, opposite = _POSITIONS[stance]
    return opposite if negated else plain


# The sign of each stance before negation; a stance that takes no side is absent.
_SIGN = {Stance.asserts: 1, Stance.expects: 1, Stance.suggests: 1, Stance.fears: 1,
         Stance.hopes: 1, Stance.denies: -1}


def proposition(corpus: Corpus, ci: ClaimInfo) -> str:
    """The block of a rule whose findings depend only on the claims of one proposition
    (``BLOCK = proposition``): a re-check reruns it on the blocks an edit touched."""
    return "\x1f".join(ci.key)


def polarity(ci: ClaimInfo) -> int:
    """+1 when the claim holds the proposition true, -1 false, 0 when it takes no side."""
    says = ci.claim.says
    sign = _SIGN.get(says.stance, 0)
    return -sign if says.negated else sign


def certainty(ci: ClaimInfo) -> int:
    return CERTAINTY[ci.claim.says.stance]


def short(text: str, limit: int) -> str:
    """Evidence as a message quotes it: spaces collapsed, cut to ``limit`` characters
    with an ellipsis."""
    text = collapse_ws(text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def sense(ci: ClaimInfo) -> tuple[int, bool]:
    """Which way a claim holds its proposition. not-aware takes no side (polarity 0), so
    two such claims agree only when they are unaware of the same (negated or not) form."""
    pol = polarity(ci)
    negated = ci.claim.says.negated if ci.claim.says.stance is Stance.not_aware else False
    return pol, negated


def supports(ci: ClaimInfo, other: ClaimInfo) -> bool:
    """Whether ``ci`` holds ``other``'s proposition the same way, at least as firmly."""
    return sense(ci) == sense(other) and certainty(ci) >= certainty(other)


def first_overlap(left: Sequence[ClaimInfo], right: Sequence[ClaimInfo]
                  ) -> tuple[ClaimInfo, ClaimInfo] | None:
    """Some pair (l, r) whose times overlap, in O((n + m) log m); an unknown time
    overlaps everything."""
    if not left or not right:
        return None
    open_right = [r for r in right if r.when is None]
    if open_right:
        return left[0], open_right[0]
    open_left = [c for c in left if c.when is None]
    if open_left:
        return open_left[0], right[0]
    ordered = sorted(right, key=lambda c: _iv(c).start)
    starts = [_iv(c).start for c in ordered]
    best: list[ClaimInfo] = []  # best[i]: the claim with the latest end among ordered[:i+1]
    for c in ordered:
        best.append(c if not best or _iv(c).end > _iv(best[-1]).end else best[-1])
    for c in left:
        i = bisect.bisect_right(starts, _iv(c).end) - 1
        if i >= 0 and _iv(best[i]).end >= _iv(c).start:
            return c, best[i]
    return None


def overlapping(claims: Iterable[ClaimInfo], window: Interval | None) -> list[ClaimInfo]:
    """The claims whose time overlaps ``window`` (all, when the window is unknown)."""
    return [c for c in claims if window is None or c.when is None or c.when.overlaps(window)]


# Where a predicate label puts its object when the object is not last: "accuses ... of
# provocation". A label without one takes the object at its end.
_SLOT = re.compile(r"\.\.\.|\u2026")


# Words that only lead up to an object: a label's tail of them ("requested talks with",
# "has massed troops near / against") dangles when the claim has no object. English
# prepositions are a closed class, so the list is general, not the vocabulary's.
_PREPOSITIONS = (
    "about above across after against along amid among around as at before behind below "
    "beside between beyond by despite during for from in inside into near of off on onto "
    "over past per since through throughout to toward towards under until upon via with "
    "within without")
_LEADS = frozenset([*_PREPOSITIONS.split(), "/", "|", "...", "\u2026"])


def label(corpus: Corpus, key: tuple[str, str, str]) -> str:
    """'Subject predicate-label Object' in registry names; a label with a slot ("accuses
    ... of provocation") takes the object there ("Russia accuses Ukraine of provocation").
    Without an object a slot inside the label stays, as the elided party, and the word
    at its end that would lead up to the object goes (:func:`without_object`: "Russia
    requested talks", but "Russia called off")."""
    subject, predicate, obj = key
    pred = corpus.predicates.get(predicate)
    words = pred.label if pred else predicate
    named = corpus.name(obj) if obj else ""
    if named and _SLOT.search(words):
        words, named = _SLOT.sub(lambda _: named, words, count=1), ""
    elif not named:
        words = without_object(words)
    return " ".join(w for w in (corpus.name(subject), words, named) if w)


# Particles that complete their verb ("called off", "took over", "handed over"): right
# after the verb they are part of what it says, not a lead-up to the object.
_PARTICLES = frozenset(["off", "over", "up", "down", "out", "in", "on", "away", "back"])
# Words before the verb ("is", "has", "will" ...): the verb is the first word after them.
_AUXILIARIES = frozenset([
    "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "not"])
# Words a label read alone may not end in: the lead-up words, auxiliaries, articles and
# conjunctions ("Putin is", "requested talks with the").
_FUNCTION = _LEADS | _AUXILIARIES | {"a", "an", "the", "and", "or"}


def without_object(words: str) -> str:
    """A predicate label read with no object: one trailing word that leads up to the
    object goes ("requested talks with" -> "requested talks"; alternatives "near /
    against" and a slot count as one), only when what stays ends in a content word and
    the word is not a particle right after the verb ("called off", "handed over to" ->
    "handed over"); otherwise the label stays as written."""
    kept = words.split()
    tail = _lead_up(kept)
    rest = kept[:len(kept) - tail]
    if not tail or not rest or (tail == 1 and _verb_particle(kept)) or not _ends_well(rest):
        return words
    return " ".join(rest)


def _lead_up(kept: list[str]) -> int:
    """How many trailing words lead up to the object: 0, 1, or 3 for alternatives of
    lead-up words ("near / against")."""
    folded = [w.casefold() for w in kept[-3:]]
    if not folded or folded[-1] not in _LEADS:
        return 0
    if len(folded) == 3 and folded[1] in ("/", "|") and folded[0] in _LEADS:
        return 3
    return 1


def _head(kept: list[str]) -> int:
    """The index of the label's verb: its first word that is not an auxiliary."""
    return next((i for i, w in enumerate(kept) if w.casefold() not in _AUXILIARIES), 0)


def _verb_particle(kept: list[str]) -> bool:
    """Whether the last word is a particle right after the verb (or an auxiliary: "is in")."""
    if len(kept) < 2 or kept[-1].casefold() not in _PARTICLES:
        return False
    before = len(kept) - 2
    return before == _head(kept) or kept[before].casefold() in _AUXILIARIES


def _ends_well(rest: list[str]) -> bool:
    last = rest[-1].casefold()
    return last not in _FUNCTION or _verb_particle(rest)


# How a source the article does not name is introduced: a singular noun phrase, so that
# "says so" agrees whatever the article's wording ("Ukrainian officials", "a source").
_UNNAMED = {Mode.unnamed: "an unnamed source", Mode.vague: "a vague source"}
HIDDEN = frozenset(_UNNAMED)  # the modes that name no speaker, whoever the registry says


def possessive(name: str) -> str:
    """"Dmitry Peskov's", "United States'", "Russian news agencies'" (news style: a name
    ending in s takes the apostrophe alone)."""
    return f"{name}'" if name[-1:] in ("s", "S") else f"{name}'s"


def who(corpus: Corpus, ci: ClaimInfo) -> str:
    """The source of a claim as the subject of 'says so': a named speaker's registry
    name; an unnamed or vague one's registered entity, or 'an unnamed source', with the
    article's words in brackets ("United States ('US officials')"); the outlet's own voice.
    A reporter's hedge on the attribution follows: the reporter's account of the words,
    not the words ("Kremlin (hedged: 'As I understand it')")."""
    name = _who(corpus, ci)
    if ci.claim.by.hedge and not is_own_voice(ci):
        return f"{name} (hedged: '{ci.claim.by.hedge}')"
    return name


def _who(corpus: Corpus, ci: ClaimInfo) -> str:
    by = ci.claim.by
    hidden = by.mode in HIDDEN
    if by.speaker:
        name = corpus.name(by.speaker)
        return f"{name} ('{by.as_}')" if hidden and by.as_ else name
    if by.as_:
        return f"{_UNNAMED.get(by.mode, 'a source')} ('{by.as_}')"
    return corpus.name(ci.source.outlet) + " (own voice)"


def _iv(ci: ClaimInfo) -> Interval:
    assert ci.when is not None
    return ci.when

