"""Sources quote the same speaker's same statement in different words.

Catches *quote variance*: two sources put different words inside quotation
marks for one utterance. Claims are grouped into blocks by speaker,
proposition and stance, and split where their times (when said, else the
claim's time) do not overlap. In a block, each source's quoted words are
compared with the other sources' quotes of the same speaker. A wording is
covered by another source when it appears, word for word, in any of that
source's quotes of the speaker (sources cut quotes at different places and
file the pieces under different claims). Quotation marks promise the
speaker's exact words, so when each of two sources holds words the other
does not, at least one of them did not quote verbatim (or translated
differently), and a reader should check which.

Differences of case, punctuation, quotation marks, editorial [insertions]
and British/American spelling do not count. A source whose quotes are all
fragments of the other's full quote agrees with it.

Fires:
    a#c1  Beta said he was "not aware of any [such] requests made lately"
    b#c1  Beta said he had not seen such a request "in recent days"

Silent:
    a#c1  Alpha said the office "of course" made a request
    b#c1  "The office, of course, made a request," Alpha said (a contains only
          fragments of b's quote)

Options: none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from ..corpus import ClaimInfo, Corpus
from ..engine import NoOptions
from ..findings import Hit
from ..model import Stance
from ..textnorm import quote_words
from ..timeexpr import Interval
from ._attribution import claim_quotes
from ._common import MAX_LISTED, STANCE_WORDS, label

CODE = "U301"
NAME = "quote.variance"
CATEGORY = "quote"
SEVERITY = "warning"

BlockKey = tuple[str, tuple[str, str, str], Stance]


def check(corpus: Corpus, options: NoOptions) -> Iterator[Hit]:
    texts = _SpeakerTexts(corpus)
    groups: dict[BlockKey, list[ClaimInfo]] = defaultdict(list)
    for ci in corpus.claims:
        if claim_quotes(ci):
            speaker = ci.speaker
            assert speaker is not None  # claim_quotes is empty without a speaker
            groups[(speaker, ci.key, ci.claim.says.stance)].append(ci)
    for block_key, group in groups.items():
        if len({c.source.id for c in group}) < 2:
            continue
        clusters = _time_clusters(group)
        for block in clusters:
            pair = _mutual_pair(block, texts)
            if pair is not None:
                tag = str(_said(block[0])) if len(clusters) > 1 else ""
                yield _hit(corpus, block_key, block, pair, tag)


class _SpeakerTexts:
    """Each source's quotes of each speaker, normalised and joined, built once."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._joined: dict[tuple[str, str], str] = {}

    def joined(self, source: str, speaker: str) -> str:
        if (source, speaker) not in self._joined:
            parts = [quote_words(q) for ci in self._corpus.by_speaker.get(speaker, ())
                     if ci.source.id == source for q in claim_quotes(ci)]
            # Padded and separated so a wording matches whole words of one quote.
            self._joined[(source, speaker)] = "".join(f" {p} \n" for p in parts)
        return self._joined[(source, speaker)]


def _said(ci: ClaimInfo) -> Interval | None:
    """When the words were said: the 'said' time, else the claim's time."""
    return ci.said if ci.said is not None else ci.when


def _time_clusters(group: list[ClaimInfo]) -> list[list[ClaimInfo]]:
    """Split a group where times do not overlap (an unknown time joins everything)."""
    if any(_said(c) is None for c in group):
        return [group]
    ordered = sorted(group, key=lambda c: (_iv(c).start, _iv(c).end))
    clusters: list[list[ClaimInfo]] = []
    end = None
    for c in ordered:
        if end is None or _iv(c).start > end:
            clusters.append([])
            end = _iv(c).end
        clusters[-1].append(c)
        end = max(end, _iv(c).end)
    return clusters


def _iv(ci: ClaimInfo) -> Interval:
    iv = _said(ci)
    assert iv is not None
    return iv


Pair = tuple[tuple[str, list[str]], tuple[str, list[str]]]


def _mutual_pair(block: list[ClaimInfo], texts: _SpeakerTexts) -> Pair | None:
    """Two sources each holding a wording the other's quotes do not cover."""
    speaker = block[0].speaker or ""
    wordings: dict[str, dict[str, str]] = defaultdict(dict)  # source -> normalised -> as written
    for ci in block:
        for quote in claim_quotes(ci):
            norm = quote_words(quote)
            if norm:
                wordings[ci.source.id].setdefault(norm, quote)
    sources = sorted(wordings)
    # uncovered[s][t]: s's wordings (as written) that t's quotes of the speaker lack
    uncovered = {s: {t: [w for n, w in wordings[s].items()
                         if f" {n} " not in texts.joined(t, speaker)]
                     for t in sources if t != s} for s in sources}
    for i, s in enumerate(sources):
        for t in sources[i + 1:]:
            if uncovered[s][t] and uncovered[t][s]:
                return (s, uncovered[s][t]), (t, uncovered[t][s])
    return None


def _hit(corpus: Corpus, block_key: BlockKey, block: list[ClaimInfo], pair: Pair,
         tag: str) -> Hit:
    speaker, key, stance = block_key
    (s, s_words), (t, t_words) = pair
    x = next(c for c in block if c.source.id == s and claim_quotes(c))
    y = next(c for c in block if c.source.id == t and claim_quotes(c))
    listed = [x, y, *[c for c in block if c is not x and c is not y][: 2 * MAX_LISTED - 2]]
    message = (f"{corpus.name(speaker)} is quoted in different words on '{label(corpus, key)}' "
               f"({STANCE_WORDS[stance]}): {s} has {_show(s_words)}, {t} has {_show(t_words)}")
    values: dict[str, list[str]] = defaultdict(list)
    for c in block:
        values[c.source.id].extend(q for q in claim_quotes(c) if q not in values[c.source.id])
    return Hit(
        message=message, location=y.location, focus=y.focus, block=True,
        key=f"variance|{speaker}|{'|'.join(key)}|{stance.value}|{tag}",
        claims=tuple(c.ref() for c in listed),
        fix="compare both quotes with the speaker's original words (transcript, video, "
            "the first report); if both outlets quote faithfully, record a reviewed finding",
        values={"speaker": speaker, "proposition": list(key), "stance": stance.value,
                "wordings": dict(values)},
    )


def _show(words: Sequence[str]) -> str:
    shown = " / ".join(f"\"{w.strip(' ,.;:')}\"" for w in words[:3])
    return shown + (f" (+{len(words) - 3} more)" if len(words) > 3 else "")
