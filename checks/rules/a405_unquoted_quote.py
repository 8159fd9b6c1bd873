"""A claim is recorded as a quote, but no quotation marks carry its words.

Catches an *unquoted quote*: mode direct-quote or partial-quote, yet none of
the claim's excerpts carries a quotation mark and the article does not put
the excerpt inside quotation marks either. The mode then overstates how exact
the words are: a reader (and the quote checks, U301) would take a paraphrase
for the speaker's own words.

The article is consulted because curators cut excerpts inside quotations
that span several sentences: "We have not received an answer yet" is a quote
when the article has it between the marks of a longer quotation. When the
excerpt is not found verbatim in the article (or there is no archived text),
the excerpt alone decides.

Fires:
    a#c1  evidence "Alpha said the request was made" with mode direct-quote

Silent:
    a#c1  evidence '"The request was made," Alpha said' with mode direct-quote
    a#c2  evidence "We have not received an answer yet" with mode direct-quote,
          inside a longer quotation in the article
    a#c1  evidence "Alpha said the request was made" with mode paraphrase
    a#c1  evidence "We have not received an answer yet" with mode direct-quote, a line set
          as a block quotation: the next line is "- noted Alpha" (textnorm.block_quote_spans)
    a#c1  evidence "tells Beta to end ‘unjustified’ buildup" with mode partial-quote: one
          word between typeset single marks (U+2018 opens no apostrophe), wherever it stands
    a#c1  evidence "as Beta condemns 'threatening' build-up" with mode partial-quote in a
          deck (part summary) or headline: one word between straight single marks quotes
          there, in the British and wire style, wherever it stands (in the body it does not)

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..textnorm import has_quotation_marks
from ._attribution import QUOTE_MODES
from ._common import short

CODE = "A405"
NAME = "attribution.unquoted-quote"
CATEGORY = "attribution"
SEVERITY = "warning"


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for ci in corpus.claims:
        claim = ci.claim
        if claim.by.mode not in QUOTE_MODES or any(
                has_quotation_marks(e, billed=claim.part.billed) for e in claim.excerpts):
            continue
        if ci.quoted:
            continue  # the article's own marks enclose the words
        article = ci.article
        seen = article is not None and all(e in article for e in claim.excerpts)
        yield _hit(ci, seen)


def _hit(ci: ClaimInfo, seen: bool) -> Hit:
    mode = ci.claim.by.mode.value
    where = " and the article does not quote these words" if seen else ""
    return Hit(
        message=f"'{short(ci.claim.excerpts[0], 60)}' is recorded as {mode}, but its evidence has "
                f"no quotation marks{where}: the article may paraphrase",
        location=ci.locate("/by/mode"), focus=ci.focus, claims=(ci.ref(),),
        fix="if the article paraphrases, set 'mode: paraphrase'; if quotation marks stand "
            "just outside the excerpt, include them in the evidence",
        value=mode, values={"mode": mode, "checked_article": seen},
    )

