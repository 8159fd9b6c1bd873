"""Sources quote the same speaker's same statement in different words.

Catches *quote variance*: two sources put different words inside quotation
marks for one utterance. Claims are grouped into blocks by speaker,
proposition, stance and negation (the proposition's parties as the conflict rules
key them: a person who heads an office stands as the office, so "such a request"
recorded as the president's in one record and as the president's office's in
another is one statement; a speaker quoted saying X in one outlet and
not X in another made two statements, a contradiction for C101, not one
statement worded two ways), and split where their times (when said, else the
claim's time) do not overlap. A quote with neither time was said on the day it
was published or up to ``window_days`` before, so the same words printed on
Tuesday and on Thursday are compared. A wording is covered by a source when it
appears, word for word, in any of that source's quotes of the speaker
(sources cut quotes at different places and file the pieces under different
claims), or in one claim's quotes joined in order (a quotation split by its
attribution: "This is ...," he said, "since ..."). Two wordings conflict when
no source covers both: then the source of each holds words the other does
not, and no one reports them side by side. The two wordings must also have been
said at times that can meet: a wording was said when every source printing it
allows (Monday's words printed by a Monday report and by "earlier this week" are
Monday's), so a vague time that also overlaps another day does not make that
day's other words the same utterance. Nor can they have been said to different
addressees (``by.to``: the outlet or person the speaker spoke to): words told to AFP
and words told to Reuters are two interviews, not one statement worded two ways; a
wording was said to whom every source printing it names (a source that names no one
allows anyone), and a wording no source names an addressee for compares with all.
Quotation marks promise the speaker's exact words, so at least one of them did not
quote verbatim (or translated differently), and a reader should check.

A quote that gives neither when nor to whom its words were said (no ``said``, ``when`` or
``to``: '"We have had no answer so far," Alpha said.') is of the occasion its own article
gives the speaker's other words on the statement ("Alpha told Outlet B on Wednesday
there was no reply"), when those claims name one occasion (``said`` and ``to``): an
article names an interview once and quotes from it after, and the bare quote is not
another day's or another outlet's words. When they name two occasions, or none, the
quote stays open (any time within ``window_days``, anyone).

Differences of case, punctuation, quotation marks, editorial [insertions]
and British/American spelling do not count, nor does a name written as one of its
registered spellings or transliterations (``kind: spelling`` or ``transliteration`` in the
entity registry: "political wisdom will prevail in Kiev" and "... in Kyiv" are one
wording in two house styles). A source whose quotes are all
fragments of another's full quote agrees with it, and so do two sources
quoting different fragments of a quote that a third prints in full. A source also covers
a wording its own evidence holds outside quotation marks: "a 'response'" against "a
response to drills that 'threaten Northland'" are two pieces of one statement, one of
them paraphrased, not two wordings of it.

The same words quoted as two people's are reported too: when sources quote one run of at
least ``MIN_SHARED`` (eight) words on one proposition (stance and negation as above) as the
words of two different persons (``kind: person``), at least one of them has the speaker
wrong (a spokeswoman's words put in the president's mouth). The finding is located at a
claim of the speaker fewest sources give those words to, against the others. A body and
its people (the government said, its spokesman said) are no misattribution, nor is a
shorter phrase two people may both say (one government's talking point: "than at any time
since 2014", said by the White House's and the Pentagon's spokespeople).

Each block is indexed once (which sources' quotes contain each wording, found
by sliding windows of the wordings' lengths over each source's quotes), so
sources are never compared pairwise; one finding per block. When more than
half of the block's sources print one wording, the finding is located at a
claim whose wording none of them prints (the quote to check: the one fewest
sources print), against that majority; without a majority it says so. A fragment
(fewer than three words: "not aware", "of course") lies inside most full quotes of
a statement, so the sources printing it agree on two words, not on a wording: it is
never the majority, and the wording set against the others is a full quote when one
is (a fragment more sources print does not outvote it). The majority's
sources share its wording, not always the rest of the quote (three translations all
holding "of course"): when two of their wordings conflict as above, the message says
they differ among themselves too.

Fires:
    a#c1  Beta said he was "not aware of any [such] requests made lately"
    b#c1  Beta said he had not seen such a request "in recent days" (no majority)
    or: a#c1, b#c1 "we will never talk to them"; c#c1 "we will not talk to them"
          (located at c#c1, against 2 of 3 sources)
    or: a#c1 "We will not talk to them"; b#c1 "There will be no talks with them at
          all"; c#c1 "no talks" (a fragment: no majority)

Silent:
    a#c1  Alpha said the office "of course" made a request
    b#c1  "The office, of course, made a request," Alpha said (a contains only
          fragments of b's quote)
    or: a#c1 "we have had no answer," Alpha told the Wire; b#c1 "no reply again today,"
          Alpha told Outlet B (two interviews)
    or: a#c1 "we have had no answer," Alpha told the Wire on Monday; b#c1 Alpha told
          Outlet B on Wednesday there was no reply, b#c2 "No reply so far," Alpha said
          (b#c2 is Wednesday's words to Outlet B)

    or: a#c1 "we very much hope this is not a refusal of dialogue," Alpha said;
          b#c1 the same words, "Beta said" (located at the rarer speaker's claim)

Options:
    window_days  quotes without a time of their own published at most this many days
               apart are compared (default 3, as the quantity rules).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import ClaimInfo, Corpus
from ..findings import Hit
from ..model import AliasKind, Entity, EntityKind, Stance
from ..textnorm import quote_words
from ..timeexpr import Interval
from ._attribution import claim_quotes
from ._common import MAX_LISTED, label, position
from ._conflict import party_block, party_key, usual_key
from ._parties import heads_of

CODE = "U301"
NAME = "quote.variance"
CATEGORY = "quote"
SEVERITY = "warning"
BLOCK = party_block  # each finding depends on one party proposition's claims

BlockKey = tuple[str, tuple[str, str, str], Stance, bool]  # speaker, proposition, stance, negated
Words = tuple[str, ...]
Held = tuple[ClaimInfo, str]  # a claim and one of its quotes as written
Heard = frozenset[str] | None  # whom the words were said to; None: not said (anyone)
Occasion = tuple[Interval | None, tuple[str, ...]]  # when said (None: not said), to whom
Lent = dict[int, Occasion]  # id of a bare quote -> the occasion its article gives it
_APART = " \n "  # between two quotes joined into one string: no wording spans it


@dataclass(frozen=True)
class Variance:
    """A block's conflict: the quote to check (``odd``) against the most printed
    wording it conflicts with (``usual``), printed by the sources ``agree``; more of
    them than the ``against`` sources printing a wording it excludes is a majority."""

    odd: Held
    usual: Held
    agree: tuple[str, ...]
    against: int
    # Two wordings the majority's own sources differ on, when they do: they share the
    # majority's wording, not necessarily the rest of the quote (three translations).
    split: tuple[Held, Held] | None = None
    usual_norm: Words = ()  # the majority's wording as normalised words

    @property
    def majority(self) -> bool:
        # A fragment ("not aware") lies inside most full quotes of a statement: the
        # sources printing it agree on two words, not on a wording, so it outvotes none.
        return len(self.agree) > self.against and not fragment(self.usual_norm)


class Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    window_days: int = Field(3, ge=0, le=366, description="A quote without a time of its "
                             "own was said on its publication day or up to this many days "
                             "before: two such quotes published at most this many days "
                             "apart are compared.")


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    quotes = _Quotes(registered_spellings(corpus.entities.values()))
    heads = heads_of(corpus.entities)
    groups: dict[BlockKey, list[ClaimInfo]] = defaultdict(list)
    told: dict[tuple[str, BlockKey], set[Occasion]] = defaultdict(set)
    for ci in corpus.claims:
        if ci.speaker is None:
            continue
        says = ci.claim.says
        # Keyed by party: curators may write "the president's office requested" or
        # "the president requested" for one request ("such a request" names neither),
        # and the speaker's words on it are one statement either way (as for C101).
        key = (ci.speaker, party_key(heads, ci.key), says.stance, says.negated)
        if quotes.of(ci):
            groups[key].append(ci)
        if (occasion := _own_occasion(ci)) is not None:
            told[(ci.source.id, key)].add(occasion)
    yield from _misattributed(corpus, groups, quotes)
    for (speaker, party, stance, negated), group in groups.items():
        if len({c.source.id for c in group}) < 2:
            continue
        block_key = (speaker, usual_key(group), stance, negated)
        lent = _lent(group, (speaker, party, stance, negated), told)
        clusters = _time_clusters(group, options.window_days, lent)
        for block in clusters:
            found = _conflict(block, quotes, options.window_days, lent)
            if found is not None:
                tag = str(_said(block[0], lent)) if len(clusters) > 1 else ""
                yield _hit(corpus, block_key, block, found, quotes, tag)


# words: a run this long quoted as two people's is one person's words. Officials of one
# government repeat a talking point ("than at any time since 2014": Psaki's and Kirby's
# words, six) in a phrase or two; a sentence of eight words is one person's.
MIN_SHARED = 8


def _misattributed(corpus: Corpus, groups: dict[BlockKey, list[ClaimInfo]],
                   quotes: _Quotes) -> Iterator[Hit]:
    """The same run of words quoted as two persons' on one proposition: one finding per
    claim of the rarer speaker (see the module's docstring)."""
    people: dict[tuple[tuple[str, str, str], Stance, bool], list[ClaimInfo]] = defaultdict(list)
    for (speaker, party, stance, negated), group in groups.items():
        entity = corpus.entities.get(speaker)
        if entity is not None and entity.kind is EntityKind.person:
            people[(party, stance, negated)].extend(group)
    for key, group in people.items():
        if len({c.speaker for c in group}) < 2:
            continue
        runs: dict[Words, list[ClaimInfo]] = defaultdict(list)
        for ci in group:
            for run in {q[i:i + MIN_SHARED] for q in quotes.normalised(ci)
                        for i in range(len(q) - MIN_SHARED + 1)}:
                runs[run].append(ci)
        yield from _wrong_speakers(corpus, key, runs, quotes)


def _wrong_speakers(corpus: Corpus, key: tuple[tuple[str, str, str], Stance, bool],
                    runs: dict[Words, list[ClaimInfo]], quotes: _Quotes) -> Iterator[Hit]:
    reported: set[int] = set()
    for run, claims in sorted(runs.items()):
        sources: dict[str, set[str]] = defaultdict(set)
        for ci in claims:
            sources[ci.speaker or ""].add(ci.source.id)
        if len(sources) < 2:
            continue
        usual = min(sources, key=lambda s: (-len(sources[s]), s))
        for odd in sorted((c for c in claims if c.speaker != usual), key=lambda c: c.focus):
            if id(odd) not in reported:
                reported.add(id(odd))
                # the whole quote of the odd claim that holds the run, as one wording
                words = next(q for q in quotes.normalised(odd) if _holds(q, run))
                yield _misattribution(corpus, key, odd, words, claims, sources)


def _holds(words: Words, run: Words) -> bool:
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def _misattribution(corpus: Corpus, key: tuple[tuple[str, str, str], Stance, bool],
                    odd: ClaimInfo, run: Words, claims: list[ClaimInfo],
                    sources: dict[str, set[str]]) -> Hit:
    (party, stance, negated), speaker = key, odd.speaker or ""
    others = sorted(s for s in sources if s != speaker)
    listed = [odd, *sorted((c for c in claims if c.speaker != speaker), key=lambda c: c.focus)]
    listed = listed[: 2 * MAX_LISTED]
    given = "; ".join(f"{corpus.name(s)}'s ({', '.join(sorted(sources[s]))})" for s in others)
    return Hit(
        message=(f"the same words are quoted as {corpus.name(speaker)}'s "
                 f"({', '.join(sorted(sources[speaker]))}) and as {given} on "
                 f"'{label(corpus, usual_key(claims))}' ({position(stance, negated)}): "
                 f"\"{_trim(' '.join(run))}\""),
        location=odd.location, focus=odd.focus, block=True,
        key=f"misattributed|{speaker}|{'|'.join(party)}|{'not-' * negated}{stance.value}"
            f"|{odd.focus}",
        claims=tuple(c.ref() for c in listed),
        fix="find the first report of the words (transcript, the outlet they were told to) and "
            "who said them; correct the record if the curator mistook the speaker, else "
            "record a reviewed finding",
        values={"speaker": speaker, "others": others, "proposition": list(party),
                "stance": stance.value, "negated": negated, "words": " ".join(run)},
    )


def registered_spellings(entities: Iterable[Entity]) -> dict[str, str]:
    """Each word that a registered spelling or transliteration of a name writes where the
    name has another ("kiev" -> "kyiv", "zelenskiy" -> "zelenskyy"): one outlet's "Kiev"
    inside a quotation is another's "Kyiv", the same words in the house style of each.
    A word two names would map two ways is left as written."""
    found: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        name = quote_words(entity.name).split()
        for alias in entity.aliases:
            if isinstance(alias, str) or \
                    alias.kind not in (AliasKind.spelling, AliasKind.transliteration):
                continue
            words = quote_words(alias.name).split()
            if len(words) == len(name):
                for mine, canonical in zip(words, name, strict=True):
                    if mine != canonical:
                        found[mine].add(canonical)
    return {w: next(iter(c)) for w, c in found.items() if len(c) == 1}


def _own_occasion(ci: ClaimInfo) -> Occasion | None:
    """When and to whom the claim says its words were said, if it says either."""
    to = tuple(sorted(ci.claim.by.to or ()))
    return (ci.said, to) if ci.said is not None or to else None


def _lent(group: list[ClaimInfo], key: BlockKey,
          told: dict[tuple[str, BlockKey], set[Occasion]]) -> Lent:
    """The occasion each bare quote of the group (no time, no addressee of its own)
    takes from its article: the one occasion the article's claims by the speaker on the
    statement name, when they name exactly one (see the module docstring)."""
    lent: Lent = {}
    for ci in group:
        if ci.event is not None or _own_occasion(ci) is not None:
            continue
        named = told.get((ci.source.id, key), set())
        if len(named) == 1:
            lent[id(ci)] = next(iter(named))
    return lent


class _Quotes:
    """Each claim's quoted words, and each source's quotes of each speaker as
    word tuples, each built once."""

    def __init__(self, spelled: dict[str, str] | None = None) -> None:
        self._spelled = spelled or {}
        self._claim: dict[int, list[str]] = {}
        self._norm: dict[int, list[Words]] = {}
        self._words: dict[tuple[str, str], list[Words]] = {}
        self._joined: dict[tuple[str, str], str] = {}
        self._split_memo: dict[str, Words] = {}

    def of(self, ci: ClaimInfo) -> list[str]:
        if id(ci) not in self._claim:
            self._claim[id(ci)] = claim_quotes(ci)
        return self._claim[id(ci)]

    def normalised(self, ci: ClaimInfo) -> list[Words]:
        """The claim's quotes as words (parallel to :meth:`of`)."""
        if id(ci) not in self._norm:
            self._norm[id(ci)] = [self.split(q) for q in self.of(ci)]
        return self._norm[id(ci)]

    def split(self, quote: str) -> Words:
        """The quote's normalised words, once per distinct quote (agency copy and
        syndication repeat quotes verbatim across outlets)."""
        words = self._split_memo.get(quote)
        if words is None:
            spelled = self._spelled
            words = self._split_memo[quote] = tuple(
                spelled.get(w, w) for w in quote_words(quote).split())
        return words

    def words(self, ci: ClaimInfo) -> list[Words]:
        """All quotes of the claim's speaker in the claim's source, any proposition,
        normalised (:attr:`ClaimInfo.voice`)."""
        at = (ci.source.id, ci.speaker or "")
        if at not in self._words:
            self._words[at] = [self.split(q) for q in ci.voice]
        return self._words[at]

    def joined(self, ci: ClaimInfo) -> str:
        """The source's quotes of the speaker as one string (see :func:`_coverage`)."""
        at = (ci.source.id, ci.speaker or "")
        if at not in self._joined:
            quotes = [" ".join(q) for q in self.words(ci) if q]
            self._joined[at] = f" {_APART.join(quotes)} " if quotes else ""
        return self._joined[at]


def _said(ci: ClaimInfo, lent: Lent) -> Interval | None:
    """When the words were said: the 'said' time (or the one its article lends a bare
    quote), else the claim's time."""
    said = lent[id(ci)][0] if id(ci) in lent else ci.said
    return said if said is not None else ci.when


def _time_clusters(group: list[ClaimInfo], window: int, lent: Lent) -> list[list[ClaimInfo]]:
    """Split a group where the times the words may have been said (:func:`_reach`) do
    not overlap (an unknown time joins everything): one sweep over their starts."""
    reach = {id(c): _reach(c, window, lent) for c in group}
    if any(iv is None for iv in reach.values()):
        return [group]
    spans = sorted(((iv.start, iv.end, c) for c in group if (iv := reach[id(c)]) is not None),
                   key=lambda t: t[:2])
    clusters: list[list[ClaimInfo]] = []
    end = None
    for start, stop, c in spans:
        if end is None or start > end:
            clusters.append([])
            end = stop
        clusters[-1].append(c)
        end = max(end, stop)
    return clusters


def _reach(ci: ClaimInfo, window: int, lent: Lent) -> Interval | None:
    """When the words may have been said: the 'said' time (or the one its article lends a
    bare quote), else the claim's own time, else the publication day or up to ``window``
    days before (the day a quote is printed is not the day it was said; news prints it
    within days)."""
    said = lent[id(ci)][0] if id(ci) in lent else ci.said
    if said is not None or ci.event is not None or ci.published is None:
        return _said(ci, lent)
    before = min(window, (ci.published - dt.date.min).days)
    return Interval(ci.published - dt.timedelta(days=before), ci.published)


def _conflict(block: list[ClaimInfo], quotes: _Quotes, window: int,
              lent: Lent) -> Variance | None:
    """Two wordings no source covers both of, said at times that can meet, with a claim
    holding each (see :func:`_opposed`)."""
    held: dict[Words, Held] = {}
    for ci in block:
        for quote, words in zip(quotes.of(ci), quotes.normalised(ci), strict=True):
            if words:
                held.setdefault(words, (ci, quote))
    if len(held) < 2:
        return None
    sources = {c.source.id: c for c in block}
    cover = _coverage(held, sources, quotes)
    _paraphrased(cover, block, quotes)
    wordings = list(held)
    hull, heard = _hulls(block, window, lent), _addressees(block, lent)
    found = _opposed(wordings, cover, _wording_times(wordings, cover, hull),
                     _wording_addressees(wordings, cover, heard))
    if found is None:
        return None
    usual, odd, against = (wordings[found[0]], wordings[found[1]], found[2])
    agree = frozenset(cover[usual])
    split = (_split(wordings, cover, agree, hull, heard)
             if len(agree) > against and not fragment(usual) else None)
    return Variance(held[odd], held[usual], tuple(sorted(agree)), against,
                    None if split is None else (held[split[0]], held[split[1]]), usual)


def _split(wordings: list[Words], cover: dict[Words, set[str]], agree: frozenset[str],
           hull: dict[str, Interval | None], heard: dict[str, Heard]) -> tuple[Words, Words] | None:
    """Two wordings, each printed by a source of the majority, that no source prints both
    of (any source reconciles them, as in :func:`_opposed`): the majority's sources agree
    on the majority's wording but quote the rest in different words."""
    inner = [w for w in wordings if cover[w] & agree]
    found = _opposed(inner, cover, _wording_times(inner, cover, hull),
                     _wording_addressees(inner, cover, heard))
    return None if found is None else (inner[found[0]], inner[found[1]])


def _hulls(block: list[ClaimInfo], window: int, lent: Lent) -> dict[str, Interval | None]:
    """When each source of the block has the speaker say it: the span of its claims'
    times (:func:`_reach`); None when one of them is unknown."""
    hull: dict[str, Interval | None] = {}
    for ci in block:
        iv, source = _reach(ci, window, lent), ci.source.id
        if source in hull:
            had = hull[source]
            iv = None if had is None or iv is None else Interval(
                min(had.start, iv.start), max(had.end, iv.end))
        hull[source] = iv
    return hull


def _wording_times(wordings: list[Words], cover: dict[Words, set[str]],
                   hull: dict[str, Interval | None]) -> list[Interval | None]:
    """When each wording was said: the days every source printing it allows (a vague
    "earlier this week" printing Monday's words is Monday's), else, when its printers
    disagree, any of their days; None (any time) when one of them has no time."""
    times: list[Interval | None] = []
    for w in wordings:
        spans = [hull[s] for s in cover[w]]
        if not spans or any(iv is None for iv in spans):
            times.append(None)
            continue
        known = [iv for iv in spans if iv is not None]
        lo, hi = max(iv.start for iv in known), min(iv.end for iv in known)
        times.append(Interval(lo, hi) if lo <= hi else Interval(
            min(iv.start for iv in known), max(iv.end for iv in known)))
    return times


def _addressees(block: list[ClaimInfo], lent: Lent) -> dict[str, Heard]:
    """Whom each source of the block has the speaker say it to: its claims' ``by.to``
    (or those their article lends a bare quote) together; None (anyone) when one of its
    claims names no one."""
    heard: dict[str, Heard] = {}
    for ci in block:
        to = lent[id(ci)][1] if id(ci) in lent else ci.claim.by.to
        source = ci.source.id
        mine: Heard = frozenset(to) if to else None
        if source in heard:
            had = heard[source]
            mine = None if had is None or mine is None else had | mine
        heard[source] = mine
    return heard


def _wording_addressees(wordings: list[Words], cover: dict[Words, set[str]],
                        heard: dict[str, Heard]) -> list[Heard]:
    """Whom each wording was said to: the addressees every source printing it that names
    any allows (Reuters' words reprinted without saying to whom are still Reuters'), else,
    when those sources disagree, any of theirs; None when none of them names one."""
    out: list[Heard] = []
    for w in wordings:
        named = [h for s in cover[w] if (h := heard[s]) is not None]
        if not named:
            out.append(None)
            continue
        common = frozenset.intersection(*named)
        out.append(common or frozenset().union(*named))
    return out


def _hearing(heard: list[Heard]) -> list[int]:
    """For each wording, the bit mask of wordings that may have been said to the same
    addressee (one of theirs in common, or either said to anyone): one mask per
    addressee, no pairs compared."""
    everything = (1 << len(heard)) - 1
    anyone = sum(1 << j for j, h in enumerate(heard) if h is None)
    told: dict[str, int] = defaultdict(int)
    for j, h in enumerate(heard):
        for addressee in h or ():
            told[addressee] |= 1 << j
    out = []
    for h in heard:
        mask = everything if h is None else anyone
        for addressee in h or ():
            mask |= told[addressee]
        out.append(mask)
    return out


def _meeting(times: list[Interval | None]) -> list[int]:
    """For each wording, the bit mask of wordings whose times overlap its own (an unknown
    time meets every time): a prefix mask over starts and a suffix mask over ends, no pairs
    compared."""
    known = [j for j, iv in enumerate(times) if iv is not None]
    anytime = sum(1 << j for j, iv in enumerate(times) if iv is None)
    by_start = sorted(known, key=lambda j: _start(times[j]))
    by_end = sorted(known, key=lambda j: _end(times[j]))
    starts = [_start(times[j]) for j in by_start]
    ends = [_end(times[j]) for j in by_end]
    upto = [0]  # upto[k]: wordings among the k earliest starts
    for j in by_start:
        upto.append(upto[-1] | 1 << j)
    after = [0]  # after[k]: wordings among the k latest ends
    for j in reversed(by_end):
        after.append(after[-1] | 1 << j)
    everything = (1 << len(times)) - 1
    out = []
    for iv in times:
        if iv is None:
            out.append(everything)
            continue
        began = upto[bisect.bisect_right(starts, iv.end)]
        lasting = after[len(ends) - bisect.bisect_left(ends, iv.start)]
        out.append((began & lasting) | anytime)
    return out


def _start(iv: Interval | None) -> dt.date:
    return iv.start if iv is not None else dt.date.min


def _end(iv: Interval | None) -> dt.date:
    return iv.end if iv is not None else dt.date.max


def _opposed(wordings: list[Words], cover: dict[Words, set[str]],
             times: list[Interval | None] | None = None,
             heard: list[Heard] | None = None) -> tuple[int, int, int] | None:
    """(usual, odd, against): the most printed wording that some wording excludes
    (no source prints both, said at times that meet to addressees that may be the
    same), the least printed wording it excludes, and how many
    sources print a wording it excludes; first in order on ties. Each source's
    wordings are a bit mask, so a wording meets all others in one pass over its own
    sources, not pairwise (a block of a popular quote has hundreds of wordings)."""
    masks: dict[str, int] = defaultdict(int)
    for j, w in enumerate(wordings):
        for source in cover[w]:
            masks[source] |= 1 << j
    everything = (1 << len(wordings)) - 1
    meets = _meeting(times) if times is not None else [everything] * len(wordings)
    if heard is not None:
        meets = [m & h for m, h in zip(meets, _hearing(heard), strict=True)]
    best: tuple[int, int] | None = None  # (usual, its excluded wordings)
    for i, w in enumerate(wordings):
        blocked = 0
        for source in cover[w]:
            blocked |= masks[source]
        free = everything & ~blocked & meets[i]
        if free and (best is None or _votes(w, cover) > _votes(wordings[best[0]], cover)):
            best = (i, free)
    if best is None:
        return None
    usual, free = best
    excluded = [j for j in range(len(wordings)) if free >> j & 1]
    odd = min(excluded, key=lambda j: len(cover[wordings[j]]))
    against = set().union(*(cover[wordings[j]] for j in excluded))
    return usual, odd, len(against)


FULL = 3  # words: a shorter quote is a fragment


def fragment(words: Words) -> bool:
    """A quote of fewer than :data:`FULL` words ("not aware", "intimidate")."""
    return len(words) < FULL


def _votes(w: Words, cover: dict[Words, set[str]]) -> tuple[bool, int]:
    """How a wording ranks as the usual one: a full quote before any fragment (two words
    lie inside most quotes of a statement), then by the sources printing it."""
    return not fragment(w), len(cover[w])


def _coverage(held: dict[Words, Held], sources: dict[str, ClaimInfo],
              quotes: _Quotes) -> dict[Words, set[str]]:
    """For each wording, the block's sources whose quotes of the speaker contain it.

    Two equivalent ways, the cheaper one per block: slide windows of the wordings'
    lengths over every quote (cost: quote words x distinct lengths), or search each
    wording in each source's quotes joined into one string (cost: wordings x text)."""
    lengths = sorted({len(w) for w in held})
    slide = sum(len(q) for c in sources.values() for q in quotes.words(c)) * len(lengths)
    search = len(held) * sum(len(quotes.joined(c)) for c in sources.values()) // 8
    if slide <= search:
        return _slide(held, lengths, sources, quotes)
    return _search(held, sources, quotes)


def _paraphrased(cover: dict[Words, set[str]], block: list[ClaimInfo], quotes: _Quotes) -> None:
    """Add to each wording the block's sources whose evidence holds it word for word
    outside quotation marks: a source that paraphrases "a response to NATO activity" and
    quotes "threatens Russia" reports both pieces of the statement, so another source's
    "response" in marks is no other wording of it. Windows of the wordings' lengths slide
    over each excerpt's words once, as :func:`_slide` does over quotes."""
    lengths = sorted({len(w) for w in cover})
    for ci in block:
        for excerpt in ci.claim.excerpts:
            words = quotes.split(excerpt)
            for n in lengths[:bisect.bisect_right(lengths, len(words))]:  # those that fit
                for i in range(len(words) - n + 1):
                    if (window := words[i:i + n]) in cover:
                        cover[window].add(ci.source.id)


def _slide(held: dict[Words, Held], lengths: list[int], sources: dict[str, ClaimInfo],
           quotes: _Quotes) -> dict[Words, set[str]]:
    cover: dict[Words, set[str]] = {w: set() for w in held}
    for source, ci in sources.items():
        for quote in quotes.words(ci):
            for n in lengths:
                for i in range(len(quote) - n + 1):
                    window = quote[i:i + n]
                    if window in cover:
                        cover[window].add(source)
    return cover


def _search(held: dict[Words, Held], sources: dict[str, ClaimInfo],
            quotes: _Quotes) -> dict[Words, set[str]]:
    """Words hold no whitespace, so a wording lies word for word inside a quote
    exactly when " w1 w2 " is a substring of the quote's words joined by spaces;
    a source's quotes are joined by " \\n ", which no wording can span."""
    texts = {source: quotes.joined(ci) for source, ci in sources.items()}
    return {w: {s for s, text in texts.items() if f" {' '.join(w)} " in text} for w in held}


def _hit(corpus: Corpus, block_key: BlockKey, block: list[ClaimInfo], found: Variance,
         quotes: _Quotes, tag: str) -> Hit:
    speaker, key, stance, negated = block_key
    (y, _), (x, _) = found.odd, found.usual
    listed = [y, x, *[c for c in block if c is not x and c is not y][: 2 * MAX_LISTED - 2]]
    message = (f"{corpus.name(speaker)} is quoted in different words on '{label(corpus, key)}' "
               f"({position(stance, negated)}): {_sides(found)}")
    wordings: dict[str, list[str]] = {}
    for c in listed:
        shown = wordings.setdefault(c.source.id, [])
        shown.extend(q for q in quotes.of(c) if q not in shown)
    return Hit(
        message=message, location=y.location, focus=y.focus, block=True,
        # "not-": a negated block's own key; a plain block's is as before negation counted.
        key=f"variance|{speaker}|{'|'.join(key)}|{'not-' * negated}{stance.value}|{tag}",
        claims=tuple(c.ref() for c in listed),
        fix="compare both quotes with the speaker's original words (transcript, video, "
            "the first report); if both outlets quote faithfully, record a reviewed finding",
        values={"speaker": speaker, "proposition": list(key), "stance": stance.value,
                "negated": negated,
                "wordings": wordings, "outlier": y.source.id if found.majority else None,
                "agreeing": len(found.agree), "differing": found.against},
    )


def _sides(found: Variance) -> str:
    """The quote to check first, then the majority's wording and who prints it."""
    (y, y_words), (x, x_words) = found.odd, found.usual
    odd = f"{y.source.id} has \"{_trim(y_words)}\""
    if not found.majority:
        return (f"{x.source.id} has \"{_trim(x_words)}\", {odd}; the sources disagree "
                f"without a majority")
    agree = found.agree
    shown = ", ".join(agree[:3]) + (f" and {len(agree) - 3} more" if len(agree) > 3 else "")
    among = ""
    if found.split is not None:
        (a, a_words), (b, b_words) = found.split
        among = (f"; they differ among themselves too: {a.source.id} has \"{_trim(a_words)}\", "
                 f"{b.source.id} has \"{_trim(b_words)}\"")
    return (f"{odd}; most sources have \"{_trim(x_words)}\" ({len(agree)} against "
            f"{found.against}: {shown}){among}")


def _trim(quote: str) -> str:
    return quote.strip(" ,.;:")
