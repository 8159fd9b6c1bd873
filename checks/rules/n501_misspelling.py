"""A registered entity's name is spelt in a way the registry does not list.

Catches a *misspelt name*: a capitalised word in a claim's evidence or in the
words naming its source (``by.as``) that is not a token of any registered name
or alias but lies within a small edit distance of one ("Volodomyr" for
"Volodymyr"). Readers searching for the person miss the article, and a
misspelling in print is a quality signal fact-checkers want to see. A spelling
the curators accept (Kiev/Kyiv, Zelensky/Zelenskiy) belongs in the registry as
an alias, which silences this rule.

How: every token of every registered name and alias is indexed once, with its
deletion neighbourhood (symmetric delete), so a word is looked up, never
compared against every alias. A word matches a registered token within 1 edit
when it has at least 5 letters, within 2 edits from 9 letters. Skipped: words
that are registered tokens (case-insensitively), a registered token plus a
demonym or plural ending (Russia -> Russians, Ukraine -> Ukrainian, Paris ->
Parisian: n, an, ian, ans, ians, s, es, i, ese), possessive 's, and near
matches shorter than 5 letters. One finding per article and misspelt word, at
the first claim using it (the headline is scanned too, after the claims).

Fires:
    a#c1  evidence "President Volodomyr Zelenskiy said"  (registry: Volodymyr Zelenskiy)

Silent:
    a#c1  evidence "Ukrainian officials said Zelenskiy's office ..." (demonym, possessive)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..corpus import ClaimInfo, Corpus, RecordInfo
from ..engine import NoOptions
from ..findings import ClaimRef, Hit, Location
from ._common import MAX_LISTED
from ._names import NameIndex, capitalised, entity_names, words

CODE = "N501"
NAME = "name.misspelling"
CATEGORY = "name"
SEVERITY = "warning"

MIN_LENGTH = 5  # shorter words (and nearest names) are too ambiguous to call misspelt
LONG_WORD = 9  # from this length two edits are still recognisably the same name


@dataclass
class _Seen:
    """A misspelt word in one article: where first used and by which claims."""

    nearest: str
    location: Location
    focus: str
    claims: list[ClaimInfo] = field(default_factory=list)


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    index = NameIndex.build(corpus.entities.values())
    for info in corpus.records:
        seen: dict[str, _Seen] = {}
        for ci in info.claims:
            for sub, text in _texts(ci):
                _scan(index, text, seen, _Seen("", ci.locate(sub), ci.focus, [ci]))
        source = info.record.source
        _scan(index, source.headline, seen,
              _Seen("", info.doc.locate("/source/headline"), source.id))
        for written, found in seen.items():
            yield _hit(corpus, index, info, written, found)


def _texts(ci: ClaimInfo) -> Iterator[tuple[str, str]]:
    """(pointer suffix, text) of the claim's evidence excerpts and its 'as' words."""
    claim = ci.claim
    for j, excerpt in enumerate(claim.excerpts):
        yield "/evidence" + (f"/{j}" if isinstance(claim.evidence, tuple) else ""), excerpt
    if claim.by.as_:
        yield "/by/as", claim.by.as_


def _scan(index: NameIndex, text: str, seen: dict[str, _Seen], here: _Seen) -> None:
    """Record misspelt words of ``text``; ``here`` says where the text is."""
    for word in capitalised(text):
        if word in seen:
            seen[word].claims.extend(c for c in here.claims if c not in seen[word].claims)
            continue
        nearest = _misspelt(index, word)
        if nearest is not None:
            seen[word] = _Seen(nearest, here.location, here.focus, list(here.claims))


def _misspelt(index: NameIndex, word: str) -> str | None:
    """The registered token ``word`` misspells, or None."""
    if len(word) < MIN_LENGTH or index.known(word) or index.derived(word):
        return None
    nearest = index.nearest(word, 2 if len(word) >= LONG_WORD else 1)
    if nearest is None or len(nearest) < MIN_LENGTH:
        return None
    return nearest


def _entity(corpus: Corpus, index: NameIndex, token: str, claims: list[ClaimInfo]) -> str:
    """The entity the token most likely names: one the claims refer to, else one
    whose canonical name holds it, else the first by id."""
    ids = sorted(index.tokens.get(token, set()))
    referred = {e for ci in claims for e in (ci.speaker, ci.key[0], ci.key[2]) if e}
    for pick in ([i for i in ids if i in referred], [i for i in ids if _in_name(corpus, i, token)]):
        if pick:
            return pick[0]
    return ids[0]


def _in_name(corpus: Corpus, entity_id: str, token: str) -> bool:
    entity = corpus.entities[entity_id]
    return token in {w.casefold() for _, w in words(entity_names(entity)[0])}


def _hit(corpus: Corpus, index: NameIndex, info: RecordInfo, written: str, seen: _Seen) -> Hit:
    nearest = index.written[seen.nearest]
    entity = corpus.name(_entity(corpus, index, seen.nearest, seen.claims))
    refs: tuple[ClaimRef, ...] = tuple(c.ref() for c in seen.claims[:MAX_LISTED])
    return Hit(
        message=f"'{written}' is not a registered spelling of {entity}; "
                f"nearest registered name '{nearest}'",
        location=seen.location, focus=seen.focus, claims=refs, block=True,
        key=f"{info.record.source.id}|{written}",
        fix=f"if the article misspells '{nearest}', keep the verbatim evidence and record a "
            f"reviewed finding; if '{written}' is an accepted spelling, add it as an alias",
        value=written, values={"written": written, "nearest": nearest, "entity": entity},
    )
