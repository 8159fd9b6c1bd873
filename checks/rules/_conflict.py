"""Shared block logic for the conflict rules: split one proposition's claims into sides by
stance, and name the best-sourced time-overlapping pair between two sides.

The pair a message names is the one a fact-checker would quote, chosen by how well each
claim is sourced (:func:`standing`): first whose words they are (:func:`voice`: a named
person's in the article's body, then another named speaker's, such as an office, a state
or a group speaking as a body, or a person in a headline or caption, then an unnamed or
vague source's, a reporter's hedged account of anyone's, or the outlet's own), quoted
words over a paraphrase, and a claim with a time of its own (an event, or when it was
said) over one that only stands for the days up to its publication; then a pair from two
sources over a pair from one; then the body over a headline or caption, first-hand over
words passed on (``via``), and a whole quotation over a fragment (direct over partial
quote). Each criterion compares the pair's weaker claim first, then its stronger one
(:func:`rank`); ties go to the first source and claim id of the first side, with the
claim of the other side that meets it and ends last (:class:`_Sweep`). So two people's
quoted words in one article are named over an undated headline ("Kremlin denies") that
meets another outlet's paraphrase of an office.

Parties (:class:`~checks.rules._parties.Heads`): a proposition's subject and object are
keyed by *party*, a person merged with the office they head when the registry says so
unambiguously, so "Alpha asked Beta for talks" and "Alpha's office made no request to
Beta" share a block (:func:`party_block`). Inside a block, two claims are compared when
their literal keys are one, at any time, or on a day both are the party's (:func:`pieces`:
a person's claim on the days they head the office, the office's on all): a former
holder's or another holder's claims are never set against the office's claims of
another time, nor two holders' against each other. Claims of two keys are paired in one
sweep over those days, however many people held the office. A pair of two literal keys
is named only when no pair of one key disagrees, and its message names the proposition
each source stated and the link."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from ..corpus import QUOTE_MODES, ClaimInfo, Corpus
from ..findings import Hit
from ..model import Claim, Mode, Part, Source, Stance
from ..timeexpr import Interval
from ._common import HIDDEN, MAX_LISTED, label, polarity, stance_phrase, who
from ._dates import shown
from ._parties import ALWAYS, Heads, groups_of, heads_of

Side = Callable[[ClaimInfo], bool]


class Dated(Protocol):
    """What pairing reads of a claim: a :class:`ClaimInfo`, or a :class:`Piece` of one."""

    @property
    def source(self) -> Source: ...

    @property
    def claim(self) -> Claim: ...

    @property
    def when(self) -> Interval | None: ...

    @property
    def event(self) -> Interval | None: ...

    @property
    def said(self) -> Interval | None: ...


T = TypeVar("T", bound=Dated)


def firm(sign: int) -> Side:
    """Claims that firmly hold the proposition (sign +1) or its negation (-1)."""
    return lambda c: c.claim.says.stance in (Stance.asserts, Stance.denies) and polarity(c) == sign


def unaware(sign: int) -> Side:
    """Claims whose speaker says they are not aware of it (sign +1: of the positive form)."""
    return lambda c: c.claim.says.stance is Stance.not_aware and (
        (-1 if c.claim.says.negated else 1) == sign)


Key = tuple[str, str, str]


def party_key(heads: Heads, key: Key) -> Key:
    """A proposition keyed by party: a person who heads an office stands as the office."""
    subject, predicate, obj = key
    return heads.party(subject), predicate, heads.party(obj) if obj else obj


def party_block(corpus: Corpus, ci: ClaimInfo) -> str:
    """The block of a rule that compares one party's propositions (``BLOCK``): the
    proposition's party key, the same as its key when no one in it heads an office."""
    return "\x1f".join(party_key(heads_of(corpus.entities), ci.key))


def group_block(corpus: Corpus, ci: ClaimInfo) -> str:
    """A wider block than :func:`party_block`: the proposition with its subject and object
    read as their groups (:func:`~checks.rules._parties.groups_of`: every entity either
    party reading links them to, at any time). Each party block lies inside one."""
    groups = groups_of(corpus.entities)
    subject, predicate, obj = ci.key
    return "\x1f".join((groups.get(subject, subject), predicate,
                        groups.get(obj, obj) if obj else obj))


def usual_key(claims: Iterable[ClaimInfo]) -> Key:
    """The literal proposition most of a party block's claims give (ties: the least), for
    the rules that report a party block under one of its keys: a block of one key reads
    and fingerprints as it did before blocks were keyed by party."""
    counts = Counter(c.key for c in claims)
    return min(counts, key=lambda k: (-counts[k], k))


def party_blocks(corpus: Corpus) -> dict[Key, list[ClaimInfo]]:
    """The corpus's claims by party key: each proposition's block joins its party's."""
    heads = heads_of(corpus.entities)
    out: dict[Key, list[ClaimInfo]] = defaultdict(list)
    for key, block in corpus.by_key.items():
        out[party_key(heads, key)].extend(block)
    return out


def by_key(claims: Sequence[ClaimInfo]) -> dict[Key, list[ClaimInfo]]:
    out: dict[Key, list[ClaimInfo]] = defaultdict(list)
    for c in claims:
        out[c.key].append(c)
    return out


def window(heads: Heads, a: Key, b: Key) -> tuple[Interval, ...]:
    """The days two literal keys of one block are one proposition: always for one key,
    the days a person heads the office for a person's and an office's (none: never)."""
    if a == b:
        return (ALWAYS,)
    subject, obj = heads.days(a[0], b[0]), heads.days(a[2], b[2])
    if subject is None or obj is None:
        return ()
    return tuple(cut for s in subject for o in obj if (cut := meet(s, o)) is not None)


def meet(a: Interval, b: Interval) -> Interval | None:
    start, end = max(a.start, b.start), min(a.end, b.end)
    return Interval(start, end) if start <= end else None


def kin_keys(heads: Heads, key: Key, present: Collection[Key]) -> list[Key]:
    """The literal keys of ``present`` that may be one proposition with ``key``, sorted:
    its subject's and object's kin (itself, the office it heads, the people heading it)."""
    subject, predicate, obj = key
    found = {(s, predicate, o) for s in heads.kin(subject) for o in heads.kin(obj)}
    return sorted(k for k in found if k in present)


def disagreements(corpus: Corpus, kind: str, left: Side, right: Side,
                  describe: Callable[[ClaimInfo], str]) -> Iterator[Hit]:
    """One hit per party proposition (per group of its literal keys that are one
    proposition at some time) whose ``left`` and ``right`` sides overlap in time."""
    heads = heads_of(corpus.entities)
    for key, block in party_blocks(corpus).items():
        if len(block) < 2:
            continue
        # The right side first: denials and unawareness are rarer than assertions, and
        # a block without them needs no look at its left side (both sides are pure).
        b = [c for c in block if right(c)]
        if not b:
            continue
        a = [c for c in block if left(c)]
        if not a or one_voice([*a, *b]):
            continue
        keys = {c.key for c in a} | {c.key for c in b}
        if len(keys) == 1:  # the common case: one literal key, no link to follow
            pair = best_pair(a, b, heads.people)
            if pair is not None:
                yield _hit(corpus, heads, kind, keys.pop(), pair, a, b, describe)
            continue
        yield from _linked_hits(corpus, heads, kind, key, a, b, describe)


def _linked_hits(corpus: Corpus, heads: Heads, kind: str, key: Key, a: list[ClaimInfo],
                 b: list[ClaimInfo], describe: Callable[[ClaimInfo], str]) -> Iterator[Hit]:
    """The hits of a party block whose sides hold several literal keys: per group."""
    for named, claims in groups(heads, key, [*a, *b]):
        mine = {id(c) for c in claims}
        ga = [c for c in a if id(c) in mine]
        gb = [c for c in b if id(c) in mine]
        if one_voice([*ga, *gb]):
            continue
        pair = linked_pair(heads, key, ga, gb)
        if pair is not None:
            # A claim of another key is listed only when it is the party's at its own
            # time (not a former holder's claim of a later day).
            keys = (pair[0].key, pair[1].key)
            ga = [c for c in ga if related(heads, key, c, keys)]
            gb = [c for c in gb if related(heads, key, c, keys)]
            yield _hit(corpus, heads, kind, named, pair, ga, gb, describe)


def one_voice(claims: Sequence[ClaimInfo]) -> bool:
    """Whether both sides are one article's words for one speaker, paraphrased on one
    side at least ("Kirby said Russia was preparing an offensive" over his quoted "We don't
    know exactly what the intent is"): the article's paraphrase against its own quote is
    U302's (and H701's, in a headline), not a disagreement between two parties."""
    first = claims[0]
    return first.speaker is not None and \
        any(c.claim.by.mode is Mode.paraphrase for c in claims) and \
        all(c.source.id == first.source.id and c.speaker == first.speaker for c in claims)


def related(heads: Heads, party: Key, c: ClaimInfo, keys: Sequence[Key]) -> bool:
    """Whether ``c`` states one of ``keys`` or is the party's claim at its own time."""
    return c.key in keys or bool(pieces(heads, party, (c,)))


def groups(heads: Heads, party: Key, claims: Sequence[ClaimInfo]
           ) -> list[tuple[Key, list[ClaimInfo]]]:
    """A party block's claims by group of literal keys joined by person-office links
    (two holders of one office with no claim of the office stay apart), each named by
    the party key when it holds it, else by its smallest literal key: a group of one
    key keeps the name it had before parties were merged. Claims keep their order."""
    keys = by_key(claims)
    root = {k: k for k in keys}

    def find(k: Key) -> Key:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    for k in sorted(keys):
        for other in kin_keys(heads, k, keys):
            if window(heads, k, other):
                a, b = sorted((find(k), find(other)))
                root[b] = a
    members: dict[Key, list[Key]] = defaultdict(list)
    for k in keys:
        members[find(k)].append(k)
    out = []
    for ks in members.values():
        named = party if party in ks else min(ks)
        mine = set(ks)
        out.append((named, [c for c in claims if c.key in mine]))
    return sorted(out, key=lambda g: g[0])


Rank = tuple[tuple[int | bool, ...], tuple[int | bool, ...], bool, "Standing", "Standing",
             tuple["Standing", "Standing"]]


def linked_pair(heads: Heads, party: Key, a: Sequence[ClaimInfo], b: Sequence[ClaimInfo]
                ) -> tuple[ClaimInfo, ClaimInfo] | None:
    """:func:`best_pair` across a group of a party block. A pair of one literal key
    first (it needs no registry link to read, and a finding keeps the pair it named
    before parties were merged): the best of each key's, as :func:`best_pair` ranks,
    then the first source and claim ids. Else one sweep over every claim's party days
    (:func:`pieces`): two claims meet when they are the party's on a common day, so a
    former and a later holder never meet, and an office's claims meet every holder's
    in one sweep, however many held it."""
    left, right, people = by_key(a), by_key(b), heads.people
    found: list[tuple[Rank, tuple[str, str, str, str], ClaimInfo, ClaimInfo]] = []
    for key in sorted(left.keys() & right.keys()):
        pair = best_pair(left[key], right[key], people)
        if pair is not None:
            x, y = pair
            found.append((rank(standing(x, people), standing(y, people),
                               x.source.id != y.source.id),
                          (x.source.id, x.claim.id, y.source.id, y.claim.id), x, y))
    if found:
        top = max(r for r, _, _, _ in found)
        _, _, x, y = min((f for f in found if f[0] == top), key=lambda f: f[1])
        return x, y
    # No key disagrees with itself, so a pair found here is of two keys.
    cut = best_pair(pieces(heads, party, a), pieces(heads, party, b), people)
    return (cut[0].of, cut[1].of) if cut is not None else None


@dataclass(frozen=True, slots=True)
class Piece:
    """A claim on the days its subject and object are its block's party: the days a
    person heads the office, all its days for the office's own claims."""

    of: ClaimInfo
    when: Interval

    @property
    def source(self) -> Source:
        return self.of.source

    @property
    def claim(self) -> Claim:
        return self.of.claim

    @property
    def event(self) -> Interval | None:
        return self.of.event

    @property
    def said(self) -> Interval | None:
        return self.of.said


def pieces(heads: Heads, party: Key, claims: Iterable[ClaimInfo]) -> list[Piece]:
    """Each claim cut to its party days (none: it is not the party at its time)."""
    out = []
    for c in claims:
        span = span_of(c)
        for days in window(heads, c.key, party):
            cut = meet(span, days)
            if cut is not None:
                out.append(Piece(c, cut))
    return out


Standing = tuple[int, bool, bool, bool, bool, bool]
# How many of a standing's criteria (whose words, quoted, own time) outrank a pair's
# coming from two sources; the others (body, first-hand, whole) only break ties.
FIRST = 3


def standing(c: Dated, people: Collection[str]) -> Standing:
    """How well a claim is sourced, the most telling first (greater is better): whose
    words (:func:`voice`), quoted words, a time of its own; then the article's body,
    first-hand, and a whole quotation over a fragment (Mendel's "The president's office,
    of course, made a request" over another outlet's "more than a week ago" from her
    words on the same matter)."""
    by = c.claim.by
    return (voice(c, people),
            by.mode in QUOTE_MODES,
            c.event is not None or c.said is not None,
            c.claim.part is Part.body,
            not by.via,
            by.mode is Mode.direct_quote)


def voice(c: Dated, people: Collection[str]) -> int:
    """2: a named person's (one of ``people``) words in the body; 1: another named
    speaker's (an office, a state, a group speaking as a body, or a person in a headline
    or caption, the outlet's summary of them); 0: an unnamed or vague source, the
    outlet's own voice, or a reporter's hedged account of a speaker's words (``by.hedge``:
    "As I understand it, the Kremlin says"): the outlet does not vouch they are the
    speaker's."""
    by = c.claim.by
    if by.speaker is None or by.mode in HIDDEN or by.hedge:
        return 0
    return 2 if by.speaker in people and c.claim.part is Part.body else 1


def best_pair(a: Sequence[T], b: Sequence[T], people: Collection[str]) -> tuple[T, T] | None:
    """The pair (a claim of ``a``, one of ``b``) with overlapping times that a message
    names (see the module docstring), or None; ``people``: the registry's persons. Claims
    are grouped by standing (at most 96 groups a side), so each claim takes part in a
    bounded number of sweeps."""
    left, right = _by_standing(a, people), _by_standing(b, people)
    order = sorted(((sa, sb, apart) for sa in left for sb in right for apart in (True, False)),
                   key=lambda p: rank(*p), reverse=True)
    spans = {id(c): span_of(c) for c in (*a, *b)}  # each claim's time, worked out once
    sweeps: dict[Standing, _Sweep[T]] = {}  # each right group sorted once, when first met
    for sa, sb, apart in order:
        if sb not in sweeps:
            sweeps[sb] = _Sweep(right[sb], spans)
        pair = sweeps[sb].overlap(left[sa], apart)
        if pair is not None:
            return pair
    return None


def rank(sa: Standing, sb: Standing, apart: bool) -> Rank:
    """How a pair of claims of standings ``sa`` and ``sb`` ranks (greater is named first):
    the weaker claim's ``FIRST`` criteria, the stronger's, two sources, then the weaker
    claim's whole standing and the stronger's; (sa, sb) breaks a tie of the mirrored
    pairings deterministically. (Standings compare lexicographically, so the weaker
    claim's first criteria are also the lesser of the two claims' first criteria.)"""
    weak, strong = min(sa, sb), max(sa, sb)
    return (weak[:FIRST], strong[:FIRST], apart, weak, strong, (sa, sb))


def _by_standing(claims: Sequence[T], people: Collection[str]) -> dict[Standing, list[T]]:
    groups: dict[Standing, list[T]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c.source.id, c.claim.id)):
        groups[standing(c, people)].append(c)
    return groups


# Days before its publication that a claim with no time of its own may report: next-day
# and later coverage of one story ("Putin won't talk", Monday; "Putin is ready to meet",
# Wednesday) is one situation, as Q201's window reads undated figures.
WINDOW = 3


def span_of(c: Dated) -> Interval:
    """A claim's time; an unknown time overlaps every time; a claim with no time of its
    own stands for the ``WINDOW`` days up to its publication (a piece: its own days)."""
    if isinstance(c, ClaimInfo) and c.event is None and c.said is None \
            and c.published is not None:
        back = min(WINDOW, c.published.toordinal() - 1)
        return Interval(c.published - dt.timedelta(days=back), c.published)
    return c.when or ALWAYS


class _Sweep(Generic[T]):
    """One side's claims of one standing, sorted by start, each prefix with the claim of
    the latest end and the one of the latest end among the other sources: one of them
    answers any claim of the other side (:meth:`overlap`). Built once per group in
    O(m log m), each question O(log m). ``spans``: each claim's :func:`span_of`, by ``id``."""

    def __init__(self, right: list[T], spans: dict[int, Interval]) -> None:
        ordered = sorted(right, key=lambda c: spans[id(c)].start)
        self.starts = [spans[id(c)].start for c in ordered]
        self.best: list[tuple[T, T | None]] = []
        for c in ordered:
            self.best.append(_keep(self.best[-1] if self.best else None, c, spans))
        self.spans = spans
        self.ordered = ordered
        self._voices: list[_Voices[T]] | None = None  # built when first asked (rarely)
        self._where: dict[int, int] = {}  # each claim's place in start order, with them

    def overlap(self, left: list[T], apart: bool) -> tuple[T, T] | None:
        """The first claim of ``left`` (in its order) with a claim of this group whose
        time overlaps its own, from another source when ``apart``."""
        spans = self.spans
        for c in left:
            mine = spans[id(c)]
            i = bisect.bisect_right(self.starts, mine.end) - 1
            if i < 0:
                continue
            top, other = self.best[i]
            pick = other if apart and top.source.id == c.source.id else top
            if pick is not None and _one_voice_pair(c, pick):
                # One article's paraphrase against its own quote of the speaker is U302's
                # (one_voice), not a pair to name, though the block holds other pairs.
                pick = self._beside(c, mine)
            if pick is not None and spans[id(pick)].end >= mine.start:
                return c, pick
        return None

    def _beside(self, c: T, mine: Interval) -> T | None:
        """The claim of the latest end (the first of them in start order) among those
        starting by ``mine``'s end that are not one voice with ``c``: per part of the group
        (paraphrases, the rest), its latest claim of another voice than ``c``'s, or its
        latest claim at all where no paraphrase is involved."""
        if self._voices is None:
            self._voices = [_Voices([x for x in self.ordered if para(x) is flag], self.spans)
                            for flag in (True, False)]
            self._where = {id(x): n for n, x in enumerate(self.ordered)}
        found: list[T] = []
        for part, part_para in zip(self._voices, (True, False), strict=True):
            i = bisect.bisect_right(part.starts, mine.end) - 1
            if i < 0:
                continue
            top, alt = part.best[i]
            # c's own voice is out: then the latest claim of another voice than top's.
            pick = alt if _voice(top) == _voice(c) and (part_para or para(c)) else top
            if pick is not None:
                found.append(pick)
        where = self._where
        return max(found, key=lambda x: (self.spans[id(x)].end, -where[id(x)]), default=None)


class _Voices(Generic[T]):
    """Claims sorted by start, each prefix with its claim of the latest end and the one
    of the latest end among the other voices (:func:`_voice`) than that one's."""

    def __init__(self, ordered: list[T], spans: dict[int, Interval]) -> None:
        self.starts = [spans[id(c)].start for c in ordered]
        self.best: list[tuple[T, T | None]] = []
        for c in ordered:
            self.best.append(_keep(self.best[-1] if self.best else None, c, spans, _voice))


def para(c: Dated) -> bool:
    return c.claim.by.mode is Mode.paraphrase


def _voice(c: Dated) -> tuple[str, str | None]:
    """One article's words for one speaker (no speaker: a voice of its own)."""
    speaker = c.claim.by.speaker
    return (c.source.id, speaker if speaker is not None else f"#{c.claim.id}")


def _one_voice_pair(x: Dated, y: Dated) -> bool:
    """Whether two claims are one article's words for one speaker, paraphrased on one
    side at least (see :func:`one_voice`)."""
    bx, by = x.claim.by, y.claim.by
    return bx.speaker is not None and bx.speaker == by.speaker and \
        x.source.id == y.source.id and Mode.paraphrase in (bx.mode, by.mode)


def _source(c: Dated) -> object:
    return c.source.id


def _keep(prev: tuple[T, T | None] | None, c: T, spans: dict[int, Interval],
          side: Callable[[T], object] = _source) -> tuple[T, T | None]:
    """The prefix's (latest end, latest end of another side than it: another source, or
    another :func:`_voice`) after ``c``."""
    if prev is None:
        return c, None
    top, other = prev
    end = spans[id(c)].end
    if end > spans[id(top)].end:
        # c leads; the old leader (or its runner-up) is the best of the other sides.
        return c, (top if side(top) != side(c) else other)
    if side(c) != side(top) and (other is None or end > spans[id(other)].end):
        return top, c
    return top, other


def _hit(corpus: Corpus, heads: Heads, kind: str, key: Key, pair: tuple[ClaimInfo, ClaimInfo],
         a: list[ClaimInfo], b: list[ClaimInfo], describe: Callable[[ClaimInfo], str]) -> Hit:
    x, y = pair
    others = [c for c in (*a, *b) if c is not x and c is not y]
    if any(c.key != x.key for c in others) or x.key != y.key:
        # The pair's own keys first: another key's claims must not crowd them out.
        others.sort(key=lambda c: c.key not in (x.key, y.key))
    listed = [x, y, *others[: 2 * MAX_LISTED - 2]]
    tx, ty = (time_words(x), time_words(y)) if x.when != y.when else ("", "")
    if x.key == y.key:
        message = (f"{kind} on '{label(corpus, x.key)}': {who(corpus, x)} ({x.focus}) "
                   f"{describe(x)}{tx}, {who(corpus, y)} ({y.focus}) {describe(y)}{ty}")
    else:  # each source's own words, and why they are one proposition
        message = (f"{kind} on one party's words ({links(corpus, heads, x.key, y.key)}): "
                   f"{who(corpus, x)} ({x.focus}) on '{label(corpus, x.key)}' {describe(x)}{tx}, "
                   f"{who(corpus, y)} ({y.focus}) on '{label(corpus, y.key)}' {describe(y)}{ty}")
    values = {"kind": kind, "proposition": list(key), "side_a": len(a), "side_b": len(b),
              "stance_a": x.claim.says.stance.value, "stance_b": y.claim.says.stance.value,
              "time_a": str(x.when) if x.when else None, "time_b": str(y.when) if y.when else None}
    if x.key != y.key:
        values["propositions"] = [list(x.key), list(y.key)]
    return Hit(
        message=message, location=y.location, focus=y.focus, block=True,
        key=f"{kind}|{'|'.join(key)}", claims=tuple(c.ref() for c in listed),
        fix="check both sources' words; if both report faithfully, record a reviewed finding",
        values=values,
    )


def time_words(c: ClaimInfo) -> str:
    """" 'on April 2' (2021-04-02)": the claim's own time as written and what it covers
    (the event's, else when it was said: " (said 'on Monday', 2021-04-12)"), else the
    day it was published. Shown when the
    named pair's times differ: a gap between them ("a request sent on April 2", "not seen
    in recent days") may reconcile the two, so a reader must see it."""
    if c.event is not None and (spec := c.claim.event_time) is not None:
        return f" {shown(spec, c.event)}"
    if c.said is not None and (spec := c.claim.said_time) is not None:
        return f" (said '{spec.text}', {c.said.words()})"
    return f" (no time of its own, published {c.published})" if c.published else ""


def links(corpus: Corpus, heads: Heads, a: Key, b: Key) -> str:
    """Why two literal keys are one proposition: 'Office of the President of Northland is
    the office of Anna Alpha, President of Northland (since 2019-05-20)'."""
    out = []
    for one, other in ((a[0], b[0]), (a[2], b[2])):
        found = heads.link(one, other) if one != other else None
        if found is not None:
            person, head = found
            days = ", ".join(d.words() for d in head.days if d != ALWAYS)
            out.append(f"{corpus.name(head.office)} is the office of {corpus.name(person)}, "
                       f"{head.title}" + (f" ({days})" if days else ""))
    return "; ".join(out)


def says(c: ClaimInfo) -> str:
    return stance_phrase(c.claim.says)
