"""Helpers shared by the attribution, quote and corroboration rules: who a
claim rests on, the chain of intermediaries it passed through, and the words
of an excerpt that stand inside quotation marks."""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import QUOTE_MODES, ClaimInfo, Corpus
from ..model import AgencyHow, EntityKind, Mode

__all__ = ["QUOTE_MODES", "as_pointer", "chain_names", "chain_root", "chain_roots",
           "claim_quotes", "claims_with_mode", "is_own_voice", "own_voice", "relays"]


def is_own_voice(ci: ClaimInfo) -> bool:
    """The outlet's own assertion: own-voice mode and no speaker."""
    return ci.claim.by.mode is Mode.own_voice and ci.claim.by.speaker is None


def claim_quotes(ci: ClaimInfo) -> list[str]:
    """The quoted words of a quoting claim with a speaker (:attr:`ClaimInfo.quotes`)."""
    return ci.quotes


def chain_root(ci: ClaimInfo) -> str:
    """The entity the claim's reporting chain starts from at the outlet's end: the
    intermediary nearest the outlet, else an agency whose story the outlet
    republishes, else an agency the article credits to whom the speaker said the
    words ("told Reuters" in a story "with files from Reuters": Reuters' interview),
    else the outlet itself."""
    if ci.claim.by.via:
        return ci.claim.by.via[-1]
    for agency in ci.source.agencies:
        if agency.how is AgencyHow.republishes:
            return agency.id
    credited = {agency.id for agency in ci.source.agencies}
    return next((to for to in ci.claim.by.to if to in credited), ci.source.outlet)


def chain_roots(ci: ClaimInfo) -> frozenset[str]:
    """The entities the claim's chain may start from: :func:`chain_root` alone when the
    article says where the words came from (a 'via', a republished story, words told to
    an agency it credits or to the outlet itself); else the outlet or any agency that
    contributes to the article ("Le Monde with AFP": the figure may be AFP's), since the
    article does not say which."""
    root = chain_root(ci)
    by = ci.claim.by
    if by.via or root != ci.source.outlet or ci.source.outlet in by.to:
        return frozenset((root,))
    return frozenset((root, *(a.id for a in ci.source.agencies)))


def own_voice(corpus: Corpus, ci: ClaimInfo) -> str:
    """Whose own voice an unattributed claim is in: the outlet's, or, in a wire story the
    outlet republishes, the agency's ("Agence France-Presse (republished by Barron's)")."""
    outlet = corpus.name(ci.source.outlet)
    for agency in ci.source.agencies:
        if agency.how is AgencyHow.republishes:
            return f"{corpus.name(agency.id)} (republished by {outlet})"
    return outlet


def relays(corpus: Corpus, ci: ClaimInfo) -> list[str]:
    """The intermediaries a claim's words passed through, nearest the speaker first: an
    outlet the words were said to that is not the article's own, nor the agency whose story
    it republishes ("Mendel told Reuters" in Newsweek: Reuters' interview), then ``via``."""
    own = {ci.source.outlet} | {a.id for a in ci.source.agencies
                                if a.how is AgencyHow.republishes}
    told = [t for t in ci.claim.by.to if t not in own and t not in ci.claim.by.via
            and (e := corpus.entities.get(t)) is not None and e.kind is EntityKind.outlet]
    return [*told, *ci.claim.by.via]


def chain_names(corpus: Corpus, ci: ClaimInfo) -> list[str]:
    """Speaker (or how the article names the source), each intermediary, the agency
    whose story the article republishes, then the outlet: registry names, speaker first.
    A republished wire story is a link too: "Peskov -> Interfax -> dpa -> Otago Daily
    Times", where the regional paper printed dpa's copy of Interfax's report."""
    by = ci.claim.by
    first = corpus.name(by.speaker) if by.speaker else (f"'{by.as_}'" if by.as_ else "the source")
    links = relays(corpus, ci)
    wires = [a.id for a in ci.source.agencies if a.how is AgencyHow.republishes
             and a.id not in links and a.id != ci.source.outlet]
    return [first, *(corpus.name(v) for v in [*links, *wires]), corpus.name(ci.source.outlet)]


def as_pointer(ci: ClaimInfo) -> str:
    """Where to edit the attribution: the 'as' wording, else the mode."""
    return "/by/as" if ci.claim.by.as_ else "/by/mode"


def claims_with_mode(corpus: Corpus, *modes: Mode) -> Iterator[ClaimInfo]:
    for ci in corpus.claims:
        if ci.claim.by.mode in modes:
            yield ci
