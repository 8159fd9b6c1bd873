"""How much of a curated record the extractor's drafts recover.

For each curated record with a readable archived text, the extractor runs on
the text (with the record's publication date, outlet, headline and furniture)
and its drafts are compared with the curated claims:

* a curated **quote** (mode direct-quote or partial-quote) is recovered when a
  quoting draft has the same speaker and its evidence overlaps at least half
  of the curated evidence in the article text;
* a curated **figure** (a claim with a quantity) is recovered when a draft
  has the same value (or range), comparator and unit;
* every curated claim's **speaker** is *right* when a draft whose evidence
  overlaps at least half of the claim's evidence has the same speaker (for a
  claim in the outlet's own voice: a draft with no attribution), *wrong* when
  such drafts exist but none has it, and *no guess* when no draft overlaps it.
  The speakers are reported, not held to ``--min``: they show what a change to
  the extractor gains and loses across every kind of claim, own-voice ones too.

Curated claims that are themselves drafts are not counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .corpus import Corpus, RecordInfo
from .extract import Article, extract
from .model import Claim

QUOTE_MODES = ("direct-quote", "partial-quote")
MIN_OVERLAP = 0.5


@dataclass
class Recall:
    source: str
    quotes: int = 0
    quotes_found: int = 0
    figures: int = 0
    figures_found: int = 0
    speaker_right: int = 0
    speaker_wrong: int = 0
    speaker_none: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def quote_rate(self) -> float:
        return self.quotes_found / self.quotes if self.quotes else 1.0

    @property
    def figure_rate(self) -> float:
        return self.figures_found / self.figures if self.figures else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "quotes": self.quotes, "quotes_found": self.quotes_found,
                "quote_recall": round(self.quote_rate, 4), "figures": self.figures,
                "figures_found": self.figures_found, "figure_recall": round(self.figure_rate, 4),
                "speakers": {"right": self.speaker_right, "wrong": self.speaker_wrong,
                             "no_guess": self.speaker_none},
                "missed": self.missed}


def measure(corpus: Corpus) -> list[Recall]:
    return [measure_record(corpus, info) for info in corpus.records if info.text]


def drafts_for(corpus: Corpus, info: RecordInfo) -> list[dict[str, Any]]:
    source = info.record.source
    published = dt.date.fromisoformat(source.published.date) if source.published.date else None
    article = Article(text=info.text or "", published=published, outlet=source.outlet,
                      headline=source.headline, furniture=source.furniture)
    return extract(article, corpus.entities, corpus.predicates, corpus.units).drafts


def measure_record(corpus: Corpus, info: RecordInfo) -> Recall:
    text = info.text or ""
    drafts = drafts_for(corpus, info)
    result = Recall(source=info.record.source.id)
    for ci in info.claims:
        claim = ci.claim
        if claim.draft:
            continue
        if claim.by.mode.value in QUOTE_MODES:
            result.quotes += 1
            if any(_same_quote(text, claim, d) for d in drafts):
                result.quotes_found += 1
            else:
                result.missed.append(f"quote {claim.id} ({claim.by.speaker})")
        if claim.quantity is not None:
            result.figures += 1
            if any(_same_figure(claim, d, corpus.unit_key) for d in drafts):
                result.figures_found += 1
            else:
                result.missed.append(f"figure {claim.id}")
        _count_speaker(result, text, claim, drafts)
    return result


def _count_speaker(result: Recall, text: str, claim: Claim, drafts: list[dict[str, Any]]) -> None:
    near = [d for d in drafts if _overlaps(text, claim, d)]
    if not near:
        result.speaker_none += 1
    elif any(_voice(d) == _claim_voice(claim) for d in near):
        result.speaker_right += 1
    else:
        result.speaker_wrong += 1


def _voice(draft: dict[str, Any]) -> str | None:
    """Who a draft makes speak: an entity id, "" for no speaker found, None for the
    outlet's own voice (no attribution)."""
    by = draft.get("by")
    return None if not by else by.get("speaker", "")


def _claim_voice(claim: Claim) -> str | None:
    return None if claim.by.mode.value == "own-voice" else claim.by.speaker or ""


def _spans(text: str, excerpt: str) -> list[tuple[int, int]]:
    out, at = [], text.find(excerpt)
    while at >= 0:
        out.append((at, at + len(excerpt)))
        at = text.find(excerpt, at + 1)
    return out


def _same_quote(text: str, claim: Claim, draft: dict[str, Any]) -> bool:
    by = draft.get("by", {})
    if by.get("mode") not in QUOTE_MODES or by.get("speaker") != claim.by.speaker:
        return False
    return _overlaps(text, claim, draft)


def _overlaps(text: str, claim: Claim, draft: dict[str, Any]) -> bool:
    """Whether the draft's evidence covers at least half of one of the claim's excerpts."""
    theirs = _spans(text, draft["evidence"])
    for excerpt in claim.excerpts:
        for a, b in _spans(text, excerpt):
            for c, d in theirs:
                if min(b, d) - max(a, c) >= MIN_OVERLAP * (b - a):
                    return True
    return False


def _same_figure(claim: Claim, draft: dict[str, Any],
                 unit_key: Callable[[str], str] = str) -> bool:
    """Same value, comparator and unit; a unit is compared as the rules compare it
    (``Corpus.unit_key``): a draft's "airborne-formations" is the curated "airborne-units"
    the vocabulary lists it under."""
    q, mine = claim.quantity, draft.get("quantity")
    if q is None or mine is None:
        return False
    unit = mine.get("unit")
    return (mine.get("value"), mine.get("min"), mine.get("max"), mine.get("cmp", "eq"),
            unit_key(unit) if unit else unit) == (
        q.value, q.min, q.max, q.cmp.value, unit_key(q.unit))
