"""Text normalisation shared by the loader's evidence check and the rules."""

from __future__ import annotations

import difflib
import heapq
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate, pairwise

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})
_WS = re.compile(r"\s+")
# Opening and closing quotation marks, straight or typographic: English \u201c...\u201d,
# French \u00ab...\u00bb, and German \u201e...\u201c and \u00bb...\u00ab (whose closing
# \u201c is the English opening mark: read from the German opening, it is not one).
# An inward \u00bb opens only with its \u00ab to close it: alone it is a "more" arrow.
QUOTE_SPANS = re.compile(r'"([^"]+)"?|\u201c([^\u201d]+)\u201d?|\u00ab([^\u00bb]+)\u00bb?'
                         r'|\u201e([^\u201c\u201d]+)[\u201c\u201d]?|\u00bb([^\u00ab\u00bb]+)\u00ab')
_BRACKETED = re.compile(r"\[[^\]]*\]")
_PUNCT = re.compile(r"[^\w\s]")

# British/American and other spelling pairs that are not a change of words.
# Keys are the variant, values the form compared.
SPELLING = {
    "dialog": "dialogue", "catalog": "catalogue", "program": "programme",
    "defense": "defence", "offense": "offence", "license": "licence", "center": "centre",
    "theater": "theatre", "honor": "honour", "favor": "favour", "labor": "labour",
    "neighbor": "neighbour", "neighbors": "neighbours", "behavior": "behaviour",
    "gray": "grey", "armor": "armour", "rumor": "rumour", "endeavor": "endeavour",
    "toward": "towards", "judgment": "judgement", "traveled": "travelled",
    "counseling": "counselling", "skeptical": "sceptical", "aging": "ageing",
}
_IZE = re.compile(r"\b(\w{3,})iz(e|es|ed|ing|ation|ations)\b")
# A hyphen inside a word ("build-up", "cease-fire"): house styles write the compound
# closed ("buildup", "ceasefire"), so the hyphen is dropped, not read as a word break.
# Only hyphens: a dash set between words without spaces ("buildup\u2014the") still splits.
HYPHEN_IN_WORD = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")
# Contractions a house style or a translator chooses ("doesn't" for "does not"): the same
# words. Only unambiguous ones: 's and 'd may stand for two words (is/has, had/would).
_CONTRACTION = re.compile(
    r"\b(?:(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need|might)n't"
    r"|(wo|ca|sha)n't|(\w+)'(re|ve|ll)|(i)'m)\b")
_NOT_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}
_WORDS = {**SPELLING, "cannot": "can not"}
_TAILS = {"re": "are", "ve": "have", "ll": "will"}


def _expanded(m: re.Match[str]) -> str:
    if m[1]:
        return f"{m[1]} not"
    if m[2]:
        return f"{_NOT_STEMS[m[2]]} not"
    if m[3]:
        return f"{m[3]} {_TAILS[m[4]]}"
    return "i am"


def collapse_ws(text: str) -> str:
    # str.split() breaks at exactly the characters \s matches (both ask Unicode's
    # whitespace property) and drops them at both ends: _WS.sub(" ", text).strip(),
    # a third of the time (the regex rewrote every single space with itself).
    return " ".join(text.split())


def name_key(name: str) -> str:
    """A name as lookups in the entity registry compare it: case-folded, a typographic
    apostrophe as a straight one, runs of spaces as one."""
    return collapse_ws(name.replace("\u2019", "'")).casefold()


def name_keys(name: str) -> tuple[str, ...]:
    """The keys a registered name is found under: 'The Kremlin' also as 'kremlin'."""
    key = name_key(name)
    return (key, key[4:]) if key.startswith("the ") and len(key) > 4 else (key,)


# Zero-width and bidirectional controls, the combining grapheme joiner and the Mongolian
# vowel separator: characters that show nothing or reorder what is shown (as a regex
# character class; checks.corpus flags them in records, I009).
INVISIBLE = "\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Characters that show nothing: scraped articles carry soft hyphens and zero-width spaces
# inside words, so a curator's "soldiers" against the archive's "sol<U+200B>diers" was
# I004 "not in the archived text" for words plainly there.
_UNSEEN = re.compile(f"[\u00ad{INVISIBLE}]")


def loose(text: str) -> str:
    """Unicode-normalised, typographic quotes and dashes unified, characters that show
    nothing removed, spaces collapsed."""
    if text.isascii():
        # NFKC leaves ASCII as it is, every character that shows nothing is beyond it, and
        # of the marks unified only the backtick is ASCII: most evidence takes this way.
        return collapse_ws(text.replace("`", "'"))
    return collapse_ws(unicodedata.normalize("NFKC", _UNSEEN.sub("", text)).translate(_QUOTES))


def quoted_spans(text: str) -> list[str]:
    """The words inside quotation marks in an excerpt, in order (an unclosed double
    quote runs to the end; single marks quote only as :func:`single_quote_spans` says)."""
    spans = []
    for m in QUOTE_SPANS.finditer(text):
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        spans.append((m.start(group), m.end(group)))
    spans += single_quote_spans(text)
    return [text[s:e] for s, e in sorted(spans) if text[s:e].strip()]


def has_quotation_marks(text: str, *, billed: bool = False) -> bool:
    """Whether text quotes anything; ``billed`` text (a headline, a deck) quotes one word
    between straight single marks wherever it stands (single_quote_spans)."""
    return bool(_DOUBLE_MARK.search(text)) or bool(single_quote_spans(text, billed=billed))


_DOUBLE_MARK = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
# A single mark, straight or typographic, is also the apostrophe (don't, Kyiv's, the
# officials' view), so it quotes only from a word's start to a word's end.
_SINGLE_MARK = re.compile("['\u2018\u2019]")
_OPENS_AFTER = frozenset("([{\"\u201c\u00ab\u2014\u2013-/")
_CLOSES_AFTER_WORD = frozenset(".,!?;:)]}%\u2026")
_FOLLOWS_CLOSE = frozenset(".,;:!?)]}\"\u201d\u00bb\u2014\u2013-")
# Words that open with an elision mark: 'em, 'tis, rock 'n' roll, the '90s.
_ELISION = re.compile(r"(?:n|em|tis|twas|\d\ds?)(?!\w)", re.IGNORECASE)


def single_quote_spans(text: str, start: int = 0, end: int | None = None, *,
                       billed: bool = False) -> list[tuple[int, int]]:
    """Spans quoted with single marks in text[start:end], as in British and wire
    headlines ('No such request': Kremlin says). An opening mark stands at a word's
    start (after a space, an opening bracket or dash, or the start) and is no elision;
    a closing mark at a word's end, before a space, punctuation or the end. Marks pair
    in order: a closing mark with nothing open is an apostrophe (officials'), a second
    opening mark replaces the first (a stray elision). A span quotes when it holds a
    space, is a headline's opening or closing word ('Nonsense': ...; ... to Counter
    NATO 'Threat'), or is one word between typeset marks (‘unjustified’). In a headline or
    deck (``billed``), set in the British and wire style that quotes with single marks,
    one word between straight marks quotes wherever it stands (G7 condemns 'threatening'
    build-up); in running text it keeps the caution. One pass, no backtracking; never an
    unclosed span (the mark may have been an apostrophe)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    opened = -1
    for m in _SINGLE_MARK.finditer(text, start, end):
        i = m.start()
        before = text[i - 1] if i > start else "\n"
        after = text[i + 1] if i + 1 < end else "\n"
        if opened >= 0 and _closes(before, after):
            if (billed or _WS.search(text, opened, i) or _at_line_edge(text, opened, i, start, end)
                    or _typographic_pair(text, opened, i)):
                spans.append((opened, i))
            opened = -1
        elif ((before.isspace() or before in _OPENS_AFTER) and (after.isalnum() or after == "[")
              and not _ELISION.match(text, i + 1, end)):
            opened = i + 1
    return spans


def _typographic_pair(text: str, opened: int, close: int) -> bool:
    """A one-word span between a typeset opening mark and its closing mark ("to end
    ‘unjustified’ Ukraine buildup"): typesetting never opens an apostrophe with
    U+2018 (elisions, ’90s, take U+2019), so the pair quotes wherever it stands."""
    return text[opened - 1] == "\u2018" and text[close] == "\u2019"


def _closes(before: str, after: str) -> bool:
    return ((before.isalnum() or before in _CLOSES_AFTER_WORD)
            and (after.isspace() or after in _FOLLOWS_CLOSE))


def _at_line_edge(text: str, opened: int, close: int, start: int, end: int) -> bool:
    """A one-word span that opens a line and ends it or precedes a colon, or that ends
    the line: a headline's quoted word at either end."""
    first = opened - 1 == start or text[opened - 2] == "\n"
    last = close + 1 == end or text[close + 1] == "\n"
    return last or (first and text[close + 1] == ":")


def quote_words(text: str) -> str:
    """A quotation reduced to its words: case, punctuation, quote marks, editorial
    [insertions], spelling variants, a compound's hyphen ("build-up", "buildup") and
    contractions ("doesn't", "does not"; "can't", "cannot", "can not") do not count as a
    different wording."""
    # Each pattern runs only where its telling characters stand (a hyphen, an
    # apostrophe, "iz"): most quotations hold none, and the rules reduce thousands.
    if "-" in text or "\u2010" in text or "\u2011" in text:
        text = HYPHEN_IN_WORD.sub("", text)
    text = loose(text).casefold()
    if "'" in text:
        text = _CONTRACTION.sub(_expanded, text).replace("'", "")
    text = _PUNCT.sub(" ", _BRACKETED.sub(" ", text))
    split = text.split()
    words = " ".join(map(_WORDS.get, split, split))
    # Once over the joined words, not once per word: \b cannot cross the spaces.
    return _IZE.sub(r"\1is\2", words) if "iz" in words else words


_PARAGRAPH = re.compile(r"\n\s*\n")
# An attribution line that follows a quotation set as a block, without marks (a common
# layout in translated and Russian-language press): "- noted Mendel", "— Peskov stressed".
_SPEECH_VERBS = (
    "said|says|say|noted|notes|stressed|stresses|added|adds|told|tells|explained|explains|"
    "stated|states|emphasi[sz]ed|emphasi[sz]es|wrote|writes|declared|declares|remarked|"
    "underlined|underscored|recalled|warned|insisted|claimed|admitted|commented|announced|"
    "replied|answered|concluded|continued|asserted|pointed out|quoted")
_DASH_ATTRIBUTION = re.compile(
    rf"[ \t]*[-\u2013\u2014][ \t]+(?:\S+[ \t]+){{0,5}}?(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")


class QuoteSpans(list[tuple[int, int]]):
    """The sorted quotation spans of one article (what :func:`quotation_spans` returns),
    with ``reach[i]``, the furthest end among ``self[:i + 1]``. Spans nest and overlap,
    so a span that starts long before an excerpt can still reach into it; the running
    maximum finds the first span that can, by bisection. Shared per article by every
    claim and read-only: :func:`quoted_in_context` falls back to a full scan when the
    length no longer matches ``reach``."""

    __slots__ = ("reach",)

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        super().__init__(sorted(spans))
        self.reach: tuple[int, ...] = tuple(accumulate((e for _, e in self), max))


def quotation_spans(text: str) -> QuoteSpans:
    """Character spans of quotations in an article, paragraph by paragraph:
    typographic pairs, and straight double quotes paired in order. An unclosed
    quotation runs to the end of its paragraph, never beyond, so one stray mark
    cannot turn the rest of the article into a quote. A line without marks that is
    followed by a dash attribution line ("- noted Mendel.") is a block quotation."""
    spans: list[tuple[int, int]] = []
    start = 0
    for para in [*_PARAGRAPH.finditer(text), None]:
        end = para.start() if para else len(text)
        spans += _paragraph_spans(text, start, end)
        start = para.end() if para else len(text)
    return QuoteSpans(spans + block_quote_spans(text))


def block_quote_spans(text: str) -> list[tuple[int, int]]:
    """Lines set as a block quotation: no quotation marks, and the next non-blank line
    is a dash followed within a few words by a verb of saying ("- Peskov stressed")."""
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    return [(line.start(), line.end()) for line, after in pairwise(lines)
            if _DASH_ATTRIBUTION.match(after.group()) and not has_quotation_marks(line.group())
            and not _DASH_ATTRIBUTION.match(line.group())]


_TYPOGRAPHIC = re.compile("\u201c([^\u201d]*)\u201d?|\u00ab([^\u00bb]*)\u00bb?"
                          "|\u201e([^\u201c\u201d]*)[\u201c\u201d]?|\u00bb([^\u00ab\u00bb]*)\u00ab")


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    # pos/endpos instead of a slice: the pattern has no anchors or look-behind, so the
    # matches are those of text[start:end], already at article offsets.
    for m in _TYPOGRAPHIC.finditer(text, start, end):
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        spans.append((m.start(group), m.end(group)))
    marks = []
    at = text.find('"', start, end)
    while at >= 0:
        marks.append(at)
        at = text.find('"', at + 1, end)
    for i in range(0, len(marks), 2):
        close = marks[i + 1] if i + 1 < len(marks) else end
        spans.append((marks[i] + 1, close))
    return spans + single_quote_spans(text, start, end)


def quoted_in_context(article: str | None, excerpt: str,
                      spans: list[tuple[int, int]] | None = None) -> list[str]:
    """The parts of ``excerpt`` that stand inside quotation marks in the article.

    Curators cut excerpts where the claim needs them, often inside a quotation
    that spans several sentences; reading the marks from the article, not from
    the excerpt, keeps "We have not received an answer yet" a quote."""
    at = article.find(excerpt) if article else -1
    if article is None or at < 0:
        return quoted_spans(excerpt)
    end = at + len(excerpt)
    if spans is None:
        spans = quotation_spans(article)
    parts = []
    for s, e in _candidates(spans, at, end):
        lo, hi = max(s, at), min(e, end)
        if hi > lo and article[lo:hi].strip(" ,.;:"):
            parts.append(article[lo:hi])
    return parts


def _candidates(spans: list[tuple[int, int]], at: int, end: int) -> list[tuple[int, int]]:
    """The spans that may meet [at, end), in their order: every span that does, maybe
    some that do not. A span starting at or after ``end`` cannot; neither can one whose
    running maximum end (``reach``) is at or before ``at``, nor any span before it."""
    if not isinstance(spans, QuoteSpans) or len(spans.reach) != len(spans):
        return spans  # a plain list (or one changed since): read it all
    first = bisect_right(spans.reach, at)
    # (end,) sorts before every (end, e), so this is the first span starting at ``end``.
    return spans[first:bisect_left(spans, (end,))]


def nearest(word: str, options: Iterable[object]) -> str | None:
    """The option closest to a mistyped word (for 'did you mean ...?'), if any is close."""
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return close[0] if close else None


class Occurs:
    """``words in occurs``: whether words stand in one text, as ``words in text`` says,
    asked about many words. A long text (an archived article may hold megabytes) keeps
    the positions of its 16-letter pieces at every 16th letter: words of 32 letters or
    more stand at p only if the piece at the first such position from p is theirs, so a
    few lookups find them instead of a scan of the text; shorter words, and pieces the
    text repeats many times, are scanned for, each distinct one once. Thousands of
    claims quoting the end of a long text scanned it whole for each (minutes)."""

    PIECE = 16
    LONG = 1 << 16  # letters from which a text keeps its pieces
    COMMON = 32  # a piece at more places than this is scanned for

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}
        self.at: dict[str, list[int]] | None = None
        if len(text) >= self.LONG:
            k, at = self.PIECE, dict[str, list[int]]()
            for q in range(0, len(text) - k + 1, k):
                at.setdefault(text[q:q + k], []).append(q)
            self.at = at

    def __contains__(self, words: object) -> bool:
        assert isinstance(words, str)
        found = self.known.get(words)
        if found is None:
            found = self.known[words] = self._find(words)
        return found

    def _find(self, words: str) -> bool:
        k, text = self.PIECE, self.text
        if self.at is None or len(words) < 2 * k:
            return words in text
        for o in range(k):
            places = self.at.get(words[o:o + k], ())
            if len(places) > self.COMMON:
                return words in text
            if any(q >= o and text.startswith(words, q - o) for q in places):
                return True
        return False


class Nearest:
    """:func:`nearest` over one set of options asked about many words: each word once,
    and among many options only the :attr:`SHORTLIST` sharing the most letter pairs
    with it are scored. difflib scores every option (about 12 us each): a registry of
    5,000 entities and an archive naming thousands of unregistered ids (one removed
    entity used everywhere, or a hostile file) spent minutes on suggestions."""

    SHORTLIST = 32

    def __init__(self, options: Iterable[object]) -> None:
        self.options = [str(o) for o in options]
        self.pairs: list[frozenset[str]] | None = None  # built when first asked: most runs never do
        self.said: dict[str, str | None] = {}

    def __call__(self, word: str) -> str | None:
        if word not in self.said:
            self.said[word] = nearest(word, self._shortlist(word))
        return self.said[word]

    def _shortlist(self, word: str) -> list[str]:
        if len(self.options) <= self.SHORTLIST:
            return self.options
        if self.pairs is None:
            self.pairs = [_pairs(o) for o in self.options]
        mine = _pairs(word)
        shared = [len(mine & theirs) for theirs in self.pairs]
        best = heapq.nlargest(self.SHORTLIST, range(len(shared)), key=shared.__getitem__)
        return [self.options[n] for n in sorted(best)]


def _pairs(word: str) -> frozenset[str]:
    return frozenset(word[i:i + 2] for i in range(len(word) - 1))
