"""A claim's source is described but not named ("its security chief", "officials").

Catches *unnamed attribution* (mode unnamed): the article identifies the
source by role or body only. A role can be checked more easily than "some
analysts", but the reader still cannot tell which person spoke, or whether
the role's holder at the time is who the curator assumed. When the curator
linked the role to a registry entry, the message names it so that the
identification can be reviewed. The suggested fix follows what the record
links: a person (check who held the role then), a government or other body
("officials" of it: find who spoke for it), or no speaker at all ("officials",
"a source": find whose source it is).

Fires:
    a#c1  "its security chief said last week ..." (by: {as: its security chief,
          mode: unnamed})
    a#c2  "officials said ..." (by: {as: officials, mode: unnamed}, no speaker)

A headline or caption that credits "an official" whose name the same
article's body gives (a body claim with the same speaker, named) is not an
unnamed source: headlines compress, and the reader finds the name below.

The message says how the source holds the proposition when it does not simply say so
("..., who denies it"): "'Northland requested talks' is attributed to 'a source'" of a
source denying any request would tell the reader the opposite of what it said.

Silent:
    a#c1  "Anna Alpha, the security chief, said ..." (mode paraphrase, named)
    a#c1  "some analysts say" (mode vague: that is A402)
    a#hl  headline "... ignored: official"; a#c2 "Alpha told the agency" (named)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import EntityKind, Mode, Part
from ._attribution import as_pointer, claims_with_mode
from ._common import held, label

CODE = "A403"
NAME = "attribution.unnamed"
CATEGORY = "attribution"
SEVERITY = "warning"


_UNNAMED = (Mode.unnamed, Mode.vague, Mode.own_voice)


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    named = _named_in_body(corpus)
    for ci in claims_with_mode(corpus, Mode.unnamed):
        by = ci.claim.by
        if ci.claim.part is not Part.body and (ci.source.id, by.speaker) in named:
            continue
        described = f"'{by.as_}'" if by.as_ else "an unnamed source"
        linked = f" (recorded as {corpus.name(by.speaker)})" if by.speaker else ""
        yield Hit(
            message=f"'{label(corpus, ci.key)}' is attributed to {described}{linked}"
                    f"{held(ci)}: the source "
                    "is described but not named",
            location=ci.locate(as_pointer(ci)), focus=ci.focus, claims=(ci.ref(),),
            value=by.as_,
            fix=_fix(corpus, by.speaker),
            values={"as": by.as_, "speaker": by.speaker, "proposition": list(ci.key)},
        )


def _fix(corpus: Corpus, speaker: str | None) -> str:
    """What to look up depends on what the curator linked: a person (check the role's
    holder), a body ("officials" of a government: who spoke for it), or nothing."""
    keep = "keep the claim and record a reviewed finding"
    entity = corpus.entities.get(speaker) if speaker else None
    if speaker is None:
        return ("no speaker is recorded: if the article says whose source this is (a person, "
                f"a ministry, a government), record it as the speaker; otherwise {keep}")
    if entity is None or entity.kind is EntityKind.person:
        return ("check who held the role at the time the words were said; if the article "
                f"never names them, {keep}")
    return (f"{entity.name} is recorded as the speaker, not a person: if the article names "
            f"who spoke for it, record that person as the speaker; otherwise {keep}")


def _named_in_body(corpus: Corpus) -> set[tuple[str, str | None]]:
    """(source, speaker) pairs for speakers an article's body names somewhere."""
    return {(ci.source.id, ci.claim.by.speaker) for ci in corpus.claims if _names(ci)}


def _names(ci: ClaimInfo) -> bool:
    by = ci.claim.by
    return ci.claim.part is Part.body and by.speaker is not None and by.mode not in _UNNAMED
