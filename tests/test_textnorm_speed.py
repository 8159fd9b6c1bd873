"""The faster quotation helpers of checks.textnorm give exactly what the plain ones gave
(Hypothesis properties against verbatim copies of the old code, kept below): the
straight quotes found with str.find, the typographic pairs matched in place, and
quoted_in_context visiting only the spans that can meet the excerpt (bisection over the
sorted spans and their running maximum end, QuoteSpans.reach)."""

from __future__ import annotations

import copy
import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checks import textnorm
from checks.textnorm import QuoteSpans, block_quote_spans, quoted_spans
from tests.timing import cpu_now

# ---------------------------------------------------------------- the old code, verbatim
# (block_quote_spans and quoted_spans did not change and are imported; single quotation
# marks are new, and their spans are added to the old ones.)

_PARAGRAPH = re.compile(r"\n\s*\n")


def old_quotation_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for para in [*_PARAGRAPH.finditer(text), None]:
        end = para.start() if para else len(text)
        spans += old_paragraph_spans(text, start, end)
        start = para.end() if para else len(text)
    return sorted(spans + block_quote_spans(text))


def old_paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    chunk = text[start:end]
    # German marks (\u201e...\u201c, \u00bb...\u00ab) were added since, as the last two
    # alternatives: the spans they give are tested by hand in tests/rule_cases/U301.yaml.
    for m in re.finditer("\u201c([^\u201d]*)\u201d?|\u00ab([^\u00bb]*)\u00bb?"
                         "|\u201e([^\u201c\u201d]*)[\u201c\u201d]?|\u00bb([^\u00ab\u00bb]*)\u00ab",
                         chunk):
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        spans.append((start + m.start(group), start + m.end(group)))
    marks = [start + i for i, ch in enumerate(chunk) if ch == '"']
    for i in range(0, len(marks), 2):
        close = marks[i + 1] if i + 1 < len(marks) else end
        spans.append((marks[i] + 1, close))
    # Single quotation marks were added since (tested by hand below).
    return spans + textnorm.single_quote_spans(text, start, end)


def old_quoted_in_context(article: str | None, excerpt: str,
                          spans: list[tuple[int, int]] | None = None) -> list[str]:
    at = article.find(excerpt) if article else -1
    if article is None or at < 0:
        return quoted_spans(excerpt)
    end = at + len(excerpt)
    parts = []
    for s, e in spans if spans is not None else old_quotation_spans(article):
        lo, hi = max(s, at), min(e, end)
        if hi > lo and article[lo:hi].strip(" ,.;:"):
            parts.append(article[lo:hi])
    return parts


# ---------------------------------------------------------------- texts rich in quotes

PIECE = st.sampled_from([
    "\u201c", "\u201d", "\u00ab", "\u00bb", '"', '"', "\u201e", "'", "'", "\u2018", "\u2019",
    "\n", "\n\n", "\n \n", "\n\t\n\n", " ", " ", ", ", ". ", ";", ":",
    "We", "will", "not", "retreat", "Alpha", "said", "the talks",
    "\n- noted Alpha", "\n\u2014 Beta stressed.", "\n\u2013 the minister said",
    "- said", "\n-noted Alpha", "\nWe will not retreat\n- noted Alpha.\n",
])
TEXT = st.lists(PIECE, max_size=40).map("".join)


@st.composite
def article_and_excerpt(draw: st.DrawFn) -> tuple[str, str]:
    """An article and, mostly, a piece of it (sometimes words it does not contain)."""
    text = draw(TEXT)
    if draw(st.integers(0, 9)) == 0:
        return text, draw(TEXT)
    i = draw(st.integers(0, len(text)))
    j = draw(st.integers(i, len(text)))
    return text, text[i:j]


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_quotation_spans_are_unchanged(text: str) -> None:
    new = textnorm.quotation_spans(text)
    assert isinstance(new, QuoteSpans)
    assert list(new) == old_quotation_spans(text)
    assert list(new.reach) == [max(e for _, e in new[:i + 1]) for i in range(len(new))]


@settings(max_examples=1000, deadline=None)
@given(TEXT, st.data())
def test_paragraph_spans_are_unchanged_for_any_bounds(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert textnorm._paragraph_spans(text, start, end) == old_paragraph_spans(text, start, end)


@settings(max_examples=2000, deadline=None)
@given(article_and_excerpt())
def test_quoted_in_context_is_unchanged(pair: tuple[str, str]) -> None:
    article, excerpt = pair
    want = old_quoted_in_context(article, excerpt, old_quotation_spans(article))
    assert textnorm.quoted_in_context(article, excerpt, textnorm.quotation_spans(article)) == want
    assert textnorm.quoted_in_context(article, excerpt) == want  # spans computed inside
    # A plain list takes the full scan and still agrees.
    assert textnorm.quoted_in_context(article, excerpt, old_quotation_spans(article)) == want


@settings(max_examples=300, deadline=None)
@given(article_and_excerpt())
def test_no_article_reads_the_marks_of_the_excerpt(pair: tuple[str, str]) -> None:
    _, excerpt = pair
    for article in (None, ""):
        assert (textnorm.quoted_in_context(article, excerpt)
                == old_quoted_in_context(article, excerpt) == quoted_spans(excerpt))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
       st.integers(0, 60), st.integers(0, 60))
def test_candidates_keep_every_span_that_meets_the_window(
        raw: list[tuple[int, int]], at: int, width: int) -> None:
    """Any sorted spans, nested, overlapping or empty: the bisection drops none that
    meets [at, end) and keeps their order."""
    spans = QuoteSpans(raw)
    end = at + width
    meets = [(s, e) for s, e in spans if min(e, end) > max(s, at)]
    kept = textnorm._candidates(spans, at, end)
    assert [span for span in kept if span in meets] == meets


# ---------------------------------------------------------------- hand examples


def test_a_long_span_that_starts_before_short_ones_still_counts() -> None:
    # The straight pair opens first and closes last; the typographic pairs inside
    # start later and end earlier, so "five" is reached only through the running max.
    article = 'Alpha: "one \u201ctwo\u201d three \u00abfour\u00bb five" six.'
    spans = textnorm.quotation_spans(article)
    assert spans == old_quotation_spans(article)
    assert textnorm.quoted_in_context(article, "five", spans) == ["five"]
    assert textnorm.quoted_in_context(article, "five\" six", spans) == ["five"]
    assert textnorm.quoted_in_context(article, "two\u201d three", spans) == [
        "two\u201d three", "two"]
    assert textnorm.quoted_in_context(article, "Alpha:", spans) == []


def test_a_block_quotation_and_an_unclosed_mark() -> None:
    article = ('We will not retreat\n- noted Alpha.\n\n'
               'Beta said \u201cthe talks\n\nare over.')
    spans = textnorm.quotation_spans(article)
    assert spans == old_quotation_spans(article)
    assert textnorm.quoted_in_context(article, "not retreat", spans) == ["not retreat"]
    # The unclosed mark runs to the end of its paragraph, not into the next one.
    assert textnorm.quoted_in_context(article, "talks\n\nare", spans) == ["talks"]
    assert textnorm.quoted_in_context(article, "noted Alpha", spans) == []


def test_changed_spans_fall_back_to_reading_them_all() -> None:
    article = 'a "b" c "d" e'
    spans = textnorm.quotation_spans(article)
    spans.append((12, 13))  # "e": now longer than its reach
    assert textnorm.quoted_in_context(article, "d\" e", spans) == ["d", "e"]


def test_quote_spans_survive_copy_and_pickle() -> None:
    spans = textnorm.quotation_spans('"a" \u201cb\u201d \u00abc')
    for twin in (copy.copy(spans), pickle.loads(pickle.dumps(spans))):
        assert isinstance(twin, QuoteSpans)
        assert twin == spans and twin.reach == spans.reach


# ---------------------------------------------------------------- single quotation marks


def test_single_marks_quote_a_phrase_but_not_an_apostrophe() -> None:
    assert quoted_spans("'No such request': Kremlin says") == ["No such request"]
    assert quoted_spans("It called this \u2018a provocation\u2019, and left") == ["a provocation"]
    assert quoted_spans("'Nonsense': Kremlin denies it") == ["Nonsense"]
    # A headline's last word in single marks is a scare quote: its speaker's word.
    assert quoted_spans("Russia Moved Troops to Counter NATO 'Threat'") == ["Threat"]
    assert quoted_spans("Troops to Counter NATO 'Threat'\nbody") == ["Threat"]
    assert quoted_spans("Alpha: 'We will not retreat.'") == ["We will not retreat."]
    # One word between typeset marks mid-line: U+2018 never opens an apostrophe.
    assert quoted_spans("to end \u2018unjustified\u2019 Ukraine buildup") == ["unjustified"]
    for text in ("We don't know Kyiv's plans", "the '90s rock 'n' roll", "tell 'em",
                 "the officials' view and the ministers\u2019 view", "a 'word' alone",
                 "'Tis the officials' season"):
        assert quoted_spans(text) == [], text
        assert not textnorm.has_quotation_marks(text), text
    assert textnorm.has_quotation_marks("Kremlin: 'no such request'")


def test_single_marks_in_the_article_make_a_quotation() -> None:
    article = "'No such request': Kremlin says\n\nThe officials' answer came late."
    spans = textnorm.quotation_spans(article)
    assert textnorm.quoted_in_context(article, "No such request", spans) == ["No such request"]
    assert textnorm.quoted_in_context(article, "officials' answer", spans) == []


def test_single_marks_are_linear_on_hostile_text() -> None:
    for text in ("'a " * 40_000, "a' " * 40_000, " 'a b" * 30_000 + "'", "'" * 100_000,
                 "x'" * 60_000, "'" + "a" * 100_000):
        began = cpu_now()
        textnorm.quotation_spans(text)
        quoted_spans(text)
        assert cpu_now() - began < 1.0


# ------------------------------------- loose and quote_words: fast paths (eighth audit)


def old_loose(text: str) -> str:
    import unicodedata

    return textnorm.collapse_ws(unicodedata.normalize(
        "NFKC", textnorm._UNSEEN.sub("", text)).translate(textnorm._QUOTES))


def old_quote_words(text: str) -> str:
    text = textnorm._CONTRACTION.sub(textnorm._expanded, old_loose(
        textnorm.HYPHEN_IN_WORD.sub("", text)).casefold())
    text = textnorm._BRACKETED.sub(" ", text)
    text = textnorm._PUNCT.sub(" ", text.replace("'", ""))
    words = " ".join(textnorm._WORDS.get(w, w) for w in text.split())
    return textnorm._IZE.sub(r"\1is\2", words)


# The characters each fast path tests for, and their look-alikes beyond ASCII.
_TELLING = st.text(alphabet=st.sampled_from(
    [*"aceiIzZn'`\"-[] .,\t\n", "\u2010", "\u2011", "\u2019", "\u00ad", "\u200b", "\u00a0",
     "\ufb01", "\u00bd", "\u0301", "\u201c"]),
    max_size=40)
_PHRASES = st.lists(st.sampled_from([
    "can't", "won't", "they're", "I'm", "doesn't", "organize", "Realization", "build-up",
    "[sic]", "ceasefire", "defense", "`quoted'", "co\u2011operate", "izing", "n't"]),
    max_size=6).map(" ".join)


@given(st.one_of(_TELLING, _PHRASES, st.text(max_size=30)))
@settings(max_examples=600, deadline=None)
def test_loose_and_quote_words_fast_paths_equal_the_old_code(text: str) -> None:
    assert textnorm.loose(text) == old_loose(text)
    assert textnorm.quote_words(text) == old_quote_words(text)


def test_collapse_ws_splits_at_every_character_the_regex_called_a_space() -> None:
    """collapse_ws splits with str.split(): the same characters as the old regex's \\s."""
    regex_spaces = [chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))]
    assert regex_spaces == [chr(c) for c in range(0x110000) if chr(c).isspace()]
    for space in regex_spaces:
        text = f"{space}a{space}{space}b {space}"
        assert textnorm.collapse_ws(text) == re.sub(r"\s+", " ", text).strip() == "a b"


@given(st.text(alphabet=st.sampled_from([" ", "\t", "\n", "\x1c", "\x85", "\u00a0",
                                         "\u2028", "\u3000", "a", "b", "\u200b"]), max_size=20))
def test_collapse_ws_equals_the_old_regex(text: str) -> None:
    assert textnorm.collapse_ws(text) == re.sub(r"\s+", " ", text).strip()
    assert textnorm.name_key(text) == re.sub(r"\s+", " ", text.replace(
        "\u2019", "'")).strip().casefold()


class _SmallOccurs(textnorm.Occurs):
    """Pieces of 3 letters, kept from texts of 8, scanned past 2 places: what a long
    article does, at sizes Hypothesis explores."""

    PIECE, LONG, COMMON = 3, 8, 2


LETTERS = st.text(alphabet="abc ", max_size=60)


@settings(max_examples=500, deadline=None)
@given(LETTERS, st.lists(LETTERS, max_size=8), st.data())
def test_occurs_says_what_in_says(text: str, words: list[str], data: st.DataObject) -> None:
    """Evidence lookups in a long article: the same answer as ``in``, for any words and
    for pieces of the text itself (which must be found wherever they start)."""
    occurs = _SmallOccurs(text)
    if text:
        lo = data.draw(st.integers(0, len(text) - 1))
        words.append(text[lo:data.draw(st.integers(lo, len(text)))])
    for w in words + words:  # asked twice: the second answer is the remembered one
        assert (w in occurs) == (w in text)


def test_thousands_of_excerpts_of_a_long_text_are_cheap() -> None:
    """6,000 claims quoting the end of a 2 MB text: a scan of the text each took about 1
    ms apiece here; a handful of lookups each does not."""
    words = ["the", "troops", "border", "said", "officials", "Ukraine", "Kremlin", "talks"]
    filler = " ".join(words[(i * 7) % len(words)] + str(i % 97) for i in range(300_000))
    ending = [f'"We have {k} reasons," a spokesman said in remark number {k}.'
              for k in range(6000)]
    text = filler + "\n" + "\n".join(ending)
    occurs = textnorm.Occurs(text)
    started = cpu_now()
    assert all(e in occurs for e in ending)
    assert not any(e.replace("reasons", "motives") in occurs for e in ending)
    assert cpu_now() - started < 3  # about 0.1 s here; 12 s scanning
