"""A claim's words reached the outlet only through intermediaries.

Catches *second-hand attribution* (a non-empty by.via): "Peskov said ...,
according to Russian news agencies", "as reported by Reuters". The outlet did
not hear the speaker; each link in the chain may have shortened, translated or
framed the words, and a party relaying its opponent's words ("the Russian
side ... stating that", in a Ukrainian statement) may do so selectively. The
message names the whole chain, speaker first, so a reader can go to the
nearest first-hand report.

Words said to another outlet ("Mendel told Reuters", in Newsweek: ``by.to`` names a
registered outlet) reached the article through that outlet's interview too, and it is the
first link of the chain; words said to the article's own outlet, or to the agency whose
story it republishes, are first-hand. In a republished story that agency is the link
before the outlet ("Peskov -> Interfax -> dpa -> Otago Daily Times").

Fires:
    a#c1  Beta said he was "not aware of any requests," according to news
          agencies (by: {speaker: beta, via: [agencies]})
    a#c1  Beta told Wire Agency no request was made (by: {speaker: beta, to: [wire]}),
          in outlet a's story

Silent:
    a#c1  Beta told the outlet he was not aware of any requests (no via)
    a#c1  Beta told Wire Agency ..., in a story outlet a republishes from Wire Agency;
          Beta told Gamma (a person) ...

Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..engine import NoOptions
from ..findings import Hit
from ._attribution import chain_names, relays
from ._common import label, possessive

CODE = "A404"
NAME = "attribution.second-hand"
CATEGORY = "attribution"
SEVERITY = "warning"


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    for ci in corpus.claims:
        via = relays(corpus, ci)
        if not via:
            continue
        chain = chain_names(corpus, ci)
        yield Hit(
            message=f"{possessive(chain[0])} words on '{label(corpus, ci.key)}' are known only "
                    f"second-hand: {' -> '.join(chain)}",
            location=ci.locate("/by/via" if ci.claim.by.via else "/by/to"), focus=ci.focus,
            claims=(ci.ref(),),
            value=list(via),
            fix=f"find {possessive(corpus.name(via[0]))} own report (or the speaker's words) and compare; "
                "if it matches, record a reviewed finding",
            values={"speaker": ci.claim.by.speaker, "via": list(via), "chain": chain},
        )
