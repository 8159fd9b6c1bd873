"""Sentences of an archived article that no claim's evidence covers.

Lists what curation skipped: each sentence of the record's archived text
(``source.text``) none of whose characters lies inside a claim's evidence.
A skipped sentence may hold a figure, a quote or a denial that the checks
therefore never compare, so curators should see it, and either add a claim,
record a correction note under ``source.corrections`` (E101), or list the line
as site furniture.

Splitting (simple and predictable): paragraphs at blank lines; sentences
where '.', '!' or '?' (and any closing quotes or brackets) is followed by
space and a capital letter or an opening quote. A '.' ending an abbreviation
(U.S., Mr., Gen., Jan.) does not end a sentence, nor does one closing a dateline: a
paragraph's first words in capitals before a month ("MOSCOW. April 12 (Interfax) - ...").
Ignored: lines listed in ``source.furniture`` and the headline line when a headline claim exists
(exact line match after stripping spaces), sentences lying wholly inside an occurrence of a
furniture entry (a dateline "MOSCOW, April 12 - RIA Novosti." that shares the lede's line),
and pieces shorter than ``min_words`` words that do not end like a sentence ("Breaking News"), and questions
without a figure or a quotation mark ("What happened?", an explainer's headings: a
question asserts nothing).
Covered: every occurrence (str.find) of every evidence excerpt, of each
agency credit line (``source.agencies[].as``) and of each correction note's
evidence (``source.corrections``). Evidence that matches only
after normalisation (I007) covers nothing here. At most 100 sentences of an article are
listed; one more finding counts the rest.

Fires:
    text "Alpha spoke. Beta said talks failed.", only "Alpha spoke." is evidence
    -> "Beta said talks failed." at the record's /claims

Silent:
    every sentence holds some claim's evidence; furniture lines; "Breaking News";
    "Why is Beta asking now?" (but "Why did 26 soldiers die?" fires)

Options: min_words (default 4): shorter pieces count only when they end like a sentence.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from ..corpus import Corpus, RecordInfo
from ..findings import Hit
from ..model import Part
from ..textnorm import collapse_ws
from ..timeexpr import MONTHS

CODE = "V901"
NAME = "coverage.uncovered"
CATEGORY = "coverage"
SEVERITY = "info"


class Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min_words: int = Field(
        4, ge=1, le=100,
        description="Pieces with fewer words are reported only when they end like a sentence.",
    )


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
# A candidate sentence end: punctuation, closing quotes/brackets, then space and
# the first character of the next sentence (checked to be a capital in code).
_END = re.compile("[.!?][\"'\u201d\u2019)\\]]*(?=\\s+([\"'\u201c\u2018(\\[]?)(\\w))")
_SENTENCE_END = re.compile("[.!?:][\"'\u201d\u2019)\\]]*$")
# A question asserts nothing ("What happened?", an explainer's headings): without a
# figure or a quotation it holds nothing to compare. Words quoted or counted still count.
_QUOTED_OR_COUNTED = re.compile("[\\d\"\u201c\u201d]|(?:^|\\s)['\u2018]")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")  # U.S., J., e.g.
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov",
    "sen", "rep", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "fig"))
_EXCERPT_PREVIEW = 100
_DATELINE_MAX = 40  # a dateline's place names are short: later dots are not looked at


# Findings listed per article: an archived text of 5 MiB of distinct one-line sentences
# made 280,000 findings (a report of hundreds of megabytes); the rest are counted in one.
MAX_LISTED = 100


def check(corpus: Corpus, options: Options) -> Iterator[Hit]:
    for info in corpus.records:
        if info.text is None:
            continue
        pieces = _uncovered(info, info.text, options)
        for piece, line in itertools.islice(pieces, MAX_LISTED):
            yield _hit(info, piece, line)
        more = sum(1 for _ in pieces)
        if more:
            yield _more(info, more)


def _uncovered(info: RecordInfo, text: str, options: Options) -> Iterator[tuple[str, int]]:
    """Each sentence no evidence covers, with its line."""
    covered = _coverage(info, text)
    furniture = _furniture(info, text)
    # Line starts once per article: counting newlines per finding is quadratic.
    breaks = [m.start() for m in re.finditer("\n", text)]
    for start, end in sentences(_masked(info, text)):
        piece = text[start:end]
        if len(piece.split()) < options.min_words and not _SENTENCE_END.search(piece):
            continue
        if piece.endswith("?") and not _QUOTED_OR_COUNTED.search(piece):
            continue
        if furniture.find(0, start, end) == -1:
            continue  # wholly inside listed furniture: a dateline sharing the lede's line
        if covered.find(1, start, end) == -1:
            yield piece, bisect.bisect_left(breaks, start) + 1


def _more(info: RecordInfo, more: int) -> Hit:
    source = info.record.source
    return Hit(
        message=f"{more:,} more sentences of '{source.text.path}' are covered by no claim "
                f"(the first {MAX_LISTED} are listed)",
        location=info.doc.locate("/claims"), focus=source.id, key="more uncovered sentences",
        fix="curate the article's claims, or archive only the article's own text",
        value=more, values={"more": more, "text": source.text.path},
    )


def _masked(info: RecordInfo, text: str) -> str:
    """The text with ignored lines blanked (same length, so offsets still hold)."""
    source = info.record.source
    ignored = {line.strip() for line in source.furniture}
    if any(ci.claim.part is Part.headline for ci in info.claims):
        ignored.add(source.headline.strip())
    return "".join(re.sub(r"[^\n]", " ", line) if line.strip() in ignored else line
                   for line in text.splitlines(keepends=True))


def _furniture(info: RecordInfo, text: str) -> bytearray:
    """1 for every character inside an occurrence of a furniture entry. A sentence is
    ignored only when all of it lies inside one (a short entry such as "Ukraine" must not
    hide the sentences that merely contain the word)."""
    marked = bytearray(len(text))
    for entry in {line.strip() for line in info.record.source.furniture} - {""}:
        at = text.find(entry)
        while at != -1:
            marked[at:at + len(entry)] = b"\x01" * len(entry)
            at = text.find(entry, at + len(entry))
    return marked


def _coverage(info: RecordInfo, text: str) -> bytearray:
    """1 for every character inside some occurrence of an excerpt or credit line."""
    covered = bytearray(len(text))
    excerpts = {e for ci in info.claims for e in ci.claim.excerpts}
    excerpts |= {a.as_ for a in info.record.source.agencies if a.as_}
    excerpts |= {e for c in info.record.source.corrections for e in c.excerpts}
    for excerpt in excerpts:
        # Non-overlapping occurrences: enough to cover every place the words stand.
        at = text.find(excerpt)
        while at != -1 and excerpt:
            covered[at:at + len(excerpt)] = b"\x01" * len(excerpt)
            at = text.find(excerpt, at + len(excerpt))
    return covered


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, spaces trimmed."""
    start = 0
    for m in _BLANK_LINE.finditer(text):
        yield from _split(text, start, m.start())
        start = m.end()
    yield from _split(text, start, len(text))


def _split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    para = text[start:end]
    cut = 0
    for m in _END.finditer(para):
        if (m[1] or m[2].isupper()) and not (_abbreviation(para, m.start())
                                             or _dateline(para, m.start())):
            yield from _trimmed(text, start + cut, start + m.end())
            cut = m.end()
    yield from _trimmed(text, start + cut, end)


def _abbreviation(para: str, dot: int) -> bool:
    """True when the '.' at ``dot`` ends an abbreviation rather than a sentence."""
    if para[dot] != ".":
        return False
    # A short window: abbreviations are short, and copying the paragraph up to every dot
    # would be quadratic in a long paragraph.
    word = para[max(0, dot - 40):dot + 1].rsplit(None, 1)[-1].lstrip("\"'\u201c\u2018([")
    return bool(_INITIALS.match(word)) or word[:-1].casefold() in ABBREVIATIONS


_DATELINE_CHARS = frozenset(" -'’,")


def _dateline(para: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes a wire's dateline, a paragraph's first words in
    capitals before a date ("MOSCOW. April 12 (Interfax) - ..."): not a sentence."""
    if dot > _DATELINE_MAX:
        return False
    head = para[:dot].strip()
    if len(head) < 2 or not head.isupper() or not all(c.isalpha() or c in _DATELINE_CHARS
                                                      for c in head):
        return False
    after = para[dot + 1:dot + 16].split()
    return bool(after) and after[0].rstrip(".,").casefold() in MONTHS


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + len(piece.rstrip())


def _hit(info: RecordInfo, sentence: str, line: int) -> Hit:
    shown = collapse_ws(sentence)
    preview = shown if len(shown) <= _EXCERPT_PREVIEW else shown[:_EXCERPT_PREVIEW] + "…"
    source = info.record.source
    return Hit(
        message=f"text line {line} is covered by no claim: '{preview}'",
        location=info.doc.locate("/claims"), focus=source.id, key=shown,
        fix="add a claim whose evidence quotes this sentence; if it is the article's "
            "correction note, record it under source.corrections (CONTRIBUTING.md); list the "
            "line under source.furniture if it is not part of the article",
        value=shown, values={"sentence": shown, "line": line, "text": source.text.path},
    )
