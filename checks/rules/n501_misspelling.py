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
when it has at least 5 letters, within 2 edits from 9 letters. Diacritics do not
count: English-language copy writes "Erdogan" and "Mevlut Cavusoglu" for the registered
"Erdoğan" and "Mevlüt Çavuşoğlu" (native copy keeps marks a registered plain name
lacks), and edits are counted between the unmarked spellings ("Erdogen": one). Skipped: words
that are registered tokens (case-insensitively), their plurals (-s, -es) and
possessives ('s), and, for the names of places, governments, groups,
organisations and outlets only, a demonym or adjective ending (Russia -> Russian,
Ukraine -> Ukrainian, Paris -> Parisian, Italy -> Italian, Turkey -> Turkish,
Poland -> Polish, Israel -> Israeli, Japan -> Japanese: n, an, ian, i, ese, ish,
then a plural; a final e or a drops before -ian, -ese, -ish and -i but not before a
bare -n or -an, a final y before -ian, a final ey, and or ain before -ish) and a
token in -any without its y (Germany -> German(s)). A person's name takes no
demonym: "Blinkenn" is not "Blinken" + n, and "Ukrainan" (Ukraine without its e +
an) is no derivation. Near matches shorter than 5 letters are skipped too.
"Dmitri" for "Dmitry" is no derivation (y does not become i) and still fires.
A word of a registered title (a role's title or alias, an office's ``head``) is
spelt as registered: "German Chancellor" (Merkel's role) is no misspelt "Chancellery"
(a registered office).
One finding per article and misspelt word, at the first claim using it (the
headline is scanned too, after the claims).

Fires:
    a#c1  evidence "President Volodomyr Zelenskiy said"  (registry: Volodymyr Zelenskiy)

    a#c1  evidence "Germnay will help" (registry: Germany)

    a#c1  evidence "Secretary of State Antony Blinkenn" (registry: Antony Blinken, a person)

    a#c1  evidence "Ukrainan officials" (registry: Ukraine; the demonym is Ukrainian)

    a#c1  evidence "President Erdogen" (registry: Erdoğan; one edit, diacritics aside)

Silent:
    a#c1  evidence "Ukrainian officials said Zelenskiy's office ..." (demonym, possessive)
    a#c1  evidence "the German Chancellor" (registry: Germany; an adjective, no misspelling)
    a#c1  evidence "the Blinkens and the Zelenskiys" (plurals of people's names)
    a#c1  evidence "President Recep Tayyip Erdogan" (registry: Recep Tayyip Erdoğan)
    a#c1  evidence "a call with German Chancellor Angela Merkel" (registry: Chancellery
          of the President of Poland, and Merkel's role alias "German Chancellor")

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
    verdicts: dict[str, str | None] = {}  # word -> _misspelt(word): archives repeat words
    for info in corpus.records:
        seen: dict[str, _Seen] = {}
        for ci in info.claims:
            for sub, text in _texts(ci):
                _scan(index, verdicts, text, seen, ci, sub)
        source = info.record.source
        for word in _new_misspelt(index, verdicts, source.headline, seen):
            seen[word.written] = _Seen(word.nearest, info.doc.locate("/source/headline"),
                                       source.id)
        for written, found in seen.items():
            yield _hit(corpus, index, info, written, found)


def _texts(ci: ClaimInfo) -> Iterator[tuple[str, str]]:
    """(pointer suffix, text) of the claim's evidence excerpts and its 'as' words."""
    claim = ci.claim
    for j, excerpt in enumerate(claim.excerpts):
        yield "/evidence" + (f"/{j}" if isinstance(claim.evidence, tuple) else ""), excerpt
    if claim.by.as_:
        yield "/by/as", claim.by.as_


@dataclass(frozen=True)
class _Word:
    written: str
    nearest: str


def _scan(index: NameIndex, verdicts: dict[str, str | None], text: str,
          seen: dict[str, _Seen], ci: ClaimInfo, sub: str) -> None:
    """Record misspelt words of ``text``, the claim's words at ``sub``."""
    for word in _new_misspelt(index, verdicts, text, seen, ci):
        seen[word.written] = _Seen(word.nearest, ci.locate(sub), ci.focus, [ci])


def _new_misspelt(index: NameIndex, verdicts: dict[str, str | None], text: str,
                  seen: dict[str, _Seen], ci: ClaimInfo | None = None) -> Iterator[_Word]:
    """The misspelt words of ``text`` not seen before in the article; a word seen
    before gains the claim ``ci``."""
    for word in capitalised(text):
        if word in seen:
            if ci is not None and ci not in seen[word].claims:
                seen[word].claims.append(ci)
            continue
        if word not in verdicts:
            verdicts[word] = _misspelt(index, word)
        nearest = verdicts[word]
        if nearest is not None:
            yield _Word(word, nearest)


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
