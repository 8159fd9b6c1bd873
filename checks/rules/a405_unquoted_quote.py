"""A claim is recorded as a quote, but its evidence has no quotation marks.

Catches an *unquoted quote*: mode direct-quote or partial-quote, yet none of
the claim's excerpts carries a quotation mark. Either the article paraphrases
and the mode overstates how exact the words are (a reader would trust them as
the speaker's own), or the curator cut the marks off a longer quote, which
hides the quoted words from the quote checks (U301). The archived article
tells the two apart: when the excerpt stands inside quotation marks there,
the message says the marks were cut off.

Fires:
    a#c1  evidence "Alpha said the request was made" with mode direct-quote
    a#c2  evidence "We have not received an answer yet" (the article has it
          inside a longer quote) with mode direct-quote

Silent:
    a#c1  evidence '"The request was made," Alpha said' with mode direct-quote
    a#c1  evidence "Alpha said the request was made" with mode paraphrase

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..textnorm import collapse_ws, has_quotation_marks
from ._attribution import QUOTE_MODES

CODE = "A405"
NAME = "attribution.unquoted-quote"
CATEGORY = "attribution"
SEVERITY = "warning"

_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e\u201f'


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for ci in corpus.claims:
        claim = ci.claim
        if claim.by.mode not in QUOTE_MODES or any(map(has_quotation_marks, claim.excerpts)):
            continue
        record = corpus.by_source.get(ci.source.id)
        text = record.text if record else None
        found = [_inside_quote(text, e) for e in claim.excerpts] if text is not None else []
        # True: the article quotes the words; False: it does not; None: cannot tell.
        cut = True if True in found else (False if found and None not in found else None)
        yield _hit(ci, cut)


def _inside_quote(text: str, excerpt: str) -> bool | None:
    """Whether the excerpt stands inside quotation marks in the article (an odd
    number of marks precedes it in its paragraph); None when it is not found
    verbatim (only after normalising, I007: do not guess)."""
    at = text.find(excerpt)
    if at < 0:
        return None
    paragraph = text[text.rfind("\n", 0, at) + 1: at]
    return sum(paragraph.count(m) for m in _MARKS) % 2 == 1


def _hit(ci: ClaimInfo, cut: bool | None) -> Hit:
    mode = ci.claim.by.mode.value
    said = f"'{_short(ci.claim.excerpts[0])}' is recorded as {mode}, but"
    if cut:
        message = f"{said} its evidence leaves out the quotation marks the article puts around it"
        fix = "extend the evidence to include the quotation marks, so quote checks see the words"
    else:
        where = " and the article does not quote these words" if cut is False else ""
        message = f"{said} its evidence has no quotation marks{where}: the article may paraphrase"
        fix = ("if the article paraphrases, set 'mode: paraphrase'; if the marks stand just "
               "outside the excerpt, include them in the evidence")
    return Hit(
        message=message, location=ci.locate("/by/mode"), focus=ci.focus, claims=(ci.ref(),),
        fix=fix, value=mode, values={"mode": mode, "marks_cut_off": cut},
    )


def _short(text: str, limit: int = 60) -> str:
    text = collapse_ws(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
