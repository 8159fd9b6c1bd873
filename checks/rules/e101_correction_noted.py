"""An article says it was corrected: which claims, and what it withdrew.

Reports each *correction note* a record lists (``source.corrections``): the
article itself says that an earlier version was wrong ("An earlier version of
this article misstated the number of soldiers killed this year. It is at least
26, not 36"). A fact-checker comparing outlets needs to know it: the article's
figure changed after publication, so an outlet that copied it early may carry
the withdrawn figure (E102 finds those), and the corrected claim is the article's
second word on the matter, not its first. The finding names the claims the note
corrects, the words it withdrew and what replaced them, and the note's date.

It is information, not a fault: nothing is to be fixed unless the record is
wrong (the corrected claim must give the article's words as corrected, and the
note's ids must name claims of the record: I013).

Fires:
    a  source.corrections: [{evidence: "An earlier version misstated the toll. It is
       26, not 36.", corrects: [c1], withdrawn: "36", replacement: "26"}]

Silent:
    a  no correction note (``source.furniture`` lines are not corrections)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import ClaimInfo, Corpus, RecordInfo
from ..engine import NoOptions
from ..findings import Hit
from ..model import Correction
from ..textnorm import collapse_ws
from ._common import MAX_LISTED, short

CODE = "E101"
NAME = "correction.noted"
CATEGORY = "correction"
SEVERITY = "info"

PREVIEW = 80  # characters of a claim's evidence shown in a message
_NOTE = 200  # and of a note (its longest excerpt): its last words say what changed


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for info in corpus.records:
        claims = {ci.id: ci for ci in info.claims}
        for i, correction in enumerate(info.record.source.corrections):
            named = [claims[c] for c in correction.corrects if c in claims]
            yield _hit(info, i, correction, named)


def change(correction: Correction) -> str:
    """What the note changed, in words: "'36' withdrawn, now 'at least 26'"."""
    was, now = correction.was, correction.now
    parts = [f"'{was.words}' withdrawn" if was else "", f"now '{now.words}'" if now else ""]
    return ", ".join(p for p in parts if p) or "what it changed is not recorded"


def _hit(info: RecordInfo, i: int, correction: Correction, named: list[ClaimInfo]) -> Hit:
    source = info.record.source
    dated = f" on {correction.date}" if correction.date else ""
    shown = "; ".join(f"{c.focus}: '{short(c.claim.excerpts[0], PREVIEW)}'"
                      for c in named[:MAX_LISTED])
    was, now = correction.was, correction.now
    return Hit(
        message=f"{source.id} was corrected{dated} ({change(correction)}): "
                f"{shown or 'no claim of the record named'}; the note: "
                f"'{short(max(correction.excerpts, key=len), _NOTE)}'",
        location=info.doc.locate(f"/source/corrections/{i}"),
        focus=named[0].focus if named else source.id,
        # Identified by the note's words, not its position: reordering notes keeps it.
        key=f"correction|{collapse_ws(correction.excerpts[0])}|{change(correction)}",
        claims=tuple(c.ref() for c in named),
        fix="compare the corrected claims with the note (they must give the article's words "
            "as corrected); other sources that still print what the note withdrew are "
            "reported by E102",
        values={"corrects": list(correction.corrects), "date": correction.date,
                "withdrawn": was.words if was else None,
                "withdrawn_value": was.value if was else None,
                "replacement": now.words if now else None},
    )
