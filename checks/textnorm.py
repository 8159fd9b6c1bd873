"""Text normalisation shared by the loader's evidence check and the rules."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})
_WS = re.compile(r"\s+")
# Opening and closing quotation marks, straight or typographic.
QUOTE_SPANS = re.compile(r'"([^"]+)"?|\u201c([^\u201d]+)\u201d?|\u00ab([^\u00bb]+)\u00bb?')
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


def collapse_ws(text: str) -> str:
    return _WS.sub(" ", text).strip()


def loose(text: str) -> str:
    """Unicode-normalised, typographic quotes and dashes unified, spaces collapsed."""
    return collapse_ws(unicodedata.normalize("NFKC", text).translate(_QUOTES))


def quoted_spans(text: str) -> list[str]:
    """The words inside quotation marks in an excerpt (an unclosed quote runs to the end)."""
    spans = []
    for m in QUOTE_SPANS.finditer(text):
        span = next(g for g in m.groups() if g is not None)
        if span.strip():
            spans.append(span)
    return spans


def has_quotation_marks(text: str) -> bool:
    return bool(re.search('["\u201c\u201d\u00ab\u00bb\u201e]', text))


def quote_words(text: str) -> str:
    """A quotation reduced to its words: case, punctuation, quote marks, editorial
    [insertions] and spelling variants do not count as a different wording."""
    text = loose(text).casefold()
    text = _BRACKETED.sub(" ", text)
    text = _PUNCT.sub(" ", text.replace("'", ""))
    words = [SPELLING.get(w, w) for w in text.split()]
    return " ".join(_IZE.sub(r"\1is\2", w) for w in words)
