"""The cold check's fast exits (eighth audit, issue 6) give exactly what the plain code
gave (Hypothesis properties against the plain code, kept below): I009's word scan and
the fast loader's plain scalars."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checks import corpus, fastload
from checks.load import Document, _resolve_plain


def _old_suspicious(doc: Document, text: str, pointer: str) -> None:
    """checks.corpus._suspicious before its fast exits, verbatim."""
    if corpus._plain(text):
        return
    if corpus._INVISIBLE.search(text):
        doc.hit(corpus.SUSPICIOUS_CHARS, f"'{corpus._visible(text)}' contains invisible, "
                "direction-changing or control characters", "retype the text without "
                "zero-width, bidirectional or control characters", pointer)
        return
    for word in re.findall(r"\w+", text):
        scripts = corpus._mixed_scripts(word)
        if scripts:
            doc.hit(corpus.SUSPICIOUS_CHARS, f"'{corpus._visible(word)}' mixes "
                    f"{' and '.join(sorted(scripts))} letters (a homoglyph?)",
                    "retype the word in one alphabet", pointer)
            return


# Latin, Cyrillic and Greek letters, a combining accent, a superscript digit (a word
# character beyond ASCII that is no letter), typographic marks and an invisible one.
_LETTERS = "aZ\u00e9\u0430\u0410\u03b1\u0301\u00b2_1 -\u2019\u201c\u201d\u2014\u200b"


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=24))
def test_suspicious_characters_as_the_plain_word_scan(text: str) -> None:
    new, old = Document(path="a.yaml", file=Path("a.yaml")), Document(path="a.yaml",
                                                                      file=Path("a.yaml"))
    corpus._suspicious(new, text, "/claims/0/evidence")
    _old_suspicious(old, text, "/claims/0/evidence")
    assert [(h.message, h.location) for h in new.hits] == [
        (h.message, h.location) for h in old.hits]


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="~nNtTfFuelrsa0129+-._xoEI", min_size=1, max_size=8))
def test_a_plain_scalar_reads_as_the_core_schema_reads_it(text: str) -> None:
    """The fast loader returns a plain scalar whose first character starts no null, bool
    or number as text without the core schema's regexes: the same value."""
    try:
        expected: object = _resolve_plain(text)
    except ValueError:
        return
    if isinstance(expected, float) and expected != expected:  # NaN: the loader refuses it
        return
    try:
        value = fastload._scalar_value(text, None)
    except fastload._Abort:  # .inf and .nan: the standard loader reports them
        return
    assert value == expected and type(value) is type(expected)


def test_a_claims_key_and_speaker_are_its_claims_even_when_replaced() -> None:
    """ClaimInfo keeps the proposition's key and the speaker in slots, set from the claim
    as it is built (a copy with another claim sets them again)."""
    import dataclasses

    root = Path(__file__).resolve().parent.parent
    built = corpus.build([root / "facts"], root, cache=False)
    assert len(built.claims) > 20
    for ci in built.claims:
        assert ci.key == ci.claim.says.key and ci.speaker == ci.claim.by.speaker
    first, other = built.claims[0], next(
        c for c in built.claims if c.key != built.claims[0].key and c.speaker is None)
    moved = dataclasses.replace(first, claim=other.claim)
    assert moved.key == other.key and moved.speaker is None


def test_a_file_holding_a_separator_takes_the_standard_validation() -> None:
    """Python's and Rust's regexes disagree whether \\x1c-\\x1f are spaces: a file whose
    strings hold one is validated by the JSON Schema (checks.validate._fast_model), and
    the quick test of the file's text names exactly the characters of the regex."""
    from checks import validate

    assert [chr(c) for c in range(0x110000) if validate._REGEX_DISAGREE.match(chr(c))] == list(
        "\x1c\x1d\x1e\x1f")
    data = {"predicates": [{"id": "says", "kind": "statement", "label": "says"}]}
    plain = Document(path="v.yaml", file=Path("v.yaml"), data=data, text="predicates: []\n")
    assert validate._fast_model(plain, "vocabulary") is not None
    for ch in validate._DISAGREE:
        odd = {"predicates": [{"id": "says", "kind": "statement", "label": f"says{ch}"}]}
        doc = Document(path="v.yaml", file=Path("v.yaml"), data=odd, text=f"label: says{ch}\n")
        assert validate._fast_model(doc, "vocabulary") is None
