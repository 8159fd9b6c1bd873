"""A statement is dated after the article reporting it was published.

Catches a *statement from the future*: a claim's ``by.said`` time starts after
the source's publication date. An article cannot report words not yet spoken,
so either the time expression was resolved against the wrong day ("on
Tuesday" read forward instead of back), an explicit date is mistyped, or the
publication date is wrong. Each is an error a reader would repeat.

Only the said time is checked: events may lie ahead ("elections in
September", "a meeting by the end of this week", "due to meet on Friday"). A
said interval that merely reaches past publication ("this week") is not
flagged; its start must be later. Nor is a said time whose own words look
ahead ("will speak on Friday", "due to address parliament next week",
"tomorrow"): the article announces a planned statement, not one it dates
wrongly; whether the words and an explicit date agree is D604's. A bare
weekday in a said time reads back ("on Friday" is the last Friday), so it
never lands after publication by itself.

Fires:
    a#c1  published 2021-04-12, said {text: on Tuesday, date: 2021-04-13}

Silent:
    a#c1  published 2021-04-12, said "on Monday" (2021-04-12)
    a#c1  published 2021-04-12, said "this week" (2021-04-12..2021-04-18)
    a#c1  published 2021-04-13, said {text: due to speak on Friday, date: 2021-04-16}

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..timeexpr import ahead
from ._dates import shown

CODE = "D602"
NAME = "date.after-publication"
CATEGORY = "date"
SEVERITY = "error"


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for ci in corpus.claims:
        spec = ci.claim.said_time
        if spec is None or ci.said is None or ci.published is None:
            continue
        if ci.said.start <= ci.published or ahead(spec.text):
            continue
        yield Hit(
            message=f"said {shown(spec, ci.said)}, after the article was published on "
                    f"{ci.published}",
            location=ci.locate("/by/said"), focus=ci.focus, claims=(ci.ref(),),
            fix="check the said time against the article (a weekday read forward, a typo in "
                "'date') and the source's publication date",
            value=spec.text,
            values={"said": str(ci.said), "text": spec.text, "published": str(ci.published)},
        )
