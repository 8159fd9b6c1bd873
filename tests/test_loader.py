"""The loader: positions for keys, values and list items; YAML 1.2 scalars
with dates kept as text; hostile input becomes a located hit, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.load import Document, load_file, parse_text
from checks.validate import validate


def parse(text: str) -> Document:
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    parse_text(doc, text)
    return doc


def test_positions_of_keys_values_and_items() -> None:
    doc = parse("a: 1\nlist:\n  - x\n  - {k: v}\n")
    assert doc.keys["/a"] == (1, 1) and doc.values["/a"] == (1, 4)
    assert doc.keys["/list"] == (2, 1)
    assert doc.values["/list/0"] == (3, 5) and doc.values["/list/1"] == (4, 5)
    assert doc.values["/list/1/k"] == (4, 9) and doc.keys["/list/1/k"] == (4, 6)
    loc = doc.locate("/list/1/missing/deeper")
    assert (loc.line, loc.column, loc.pointer) == (4, 5, "/list/1/missing/deeper")


def test_pointer_escaping() -> None:
    doc = parse("'a/b': 1\n'c~d': 2\n")
    assert doc.data == {"a/b": 1, "c~d": 2}
    assert doc.values["/a~1b"] == (1, 8) and doc.values["/c~0d"] == (2, 8)


@pytest.mark.parametrize(("text", "value"), [
    ("v: 2021-04-12", "2021-04-12"), ("v: '2021-04-12'", "2021-04-12"),
    ("v: 2021-04-12T10:00:00Z", "2021-04-12T10:00:00Z"), ("v: yes", "yes"), ("v: no", "no"),
    ("v: on", "on"), ("v: true", True), ("v: ~", None), ("v:", None), ("v: 0x10", "0x10"),
    ("v: 0o17", "0o17"), ("v: 1_000", "1_000"), ("v: 40000", 40000), ("v: 4.5e3", 4500.0),
    ("v: '40000'", "40000"), ("v: !!str 12", "12"), ("v: 012", "012"),
])
def test_yaml_1_2_scalars_and_dates_as_text(text: str, value: object) -> None:
    doc = parse(text + "\n")
    assert not doc.hits
    assert doc.data == {"v": value}
    assert type(doc.data["v"]) is type(value)


HOSTILE = {
    "syntax": ("a: [1, 2\n", "L001", 2, 1),
    "tab-indent": ("a:\n\tb: 1\n", "L001", 2, 1),
    "duplicate-key": ("a: 1\nb: 2\na: 3\n", "L002", 3, 1),
    "python-tag": ("a: !!python/object/apply:os.system ['ls']\n", "L003", 1, 4),
    "custom-tag": ("a: !secret x\n", "L003", 1, 4),
    "self-alias": ("a: &x\n  b: *x\n", "L004", 2, 6),
    "undefined-alias": ("a: *nope\n", "L004", 1, 4),
    "multi-document": ("a: 1\n---\nb: 2\n", "L007", 2, 1),
    "empty": ("", "L007", 1, 1),
    "only-comments": ("# nothing\n# here\n", "L007", 1, 1),
    "deep-nesting": ("a: " + "[" * 3000 + "]" * 3000 + "\n", "L005", 1, 67),
    "long-key": ("k" * 1000 + ": 1\n", "L005", 1, 1),
    "long-value": ("a: " + "x" * 200_000 + "\n", "L005", 1, 4),
    "huge-number": ("a: " + "9" * 5000 + "\n", "L005", 1, 4),
    "infinite-number": ("a: 1e999\n", "L005", 1, 4),
    "complex-key": ("? [a, b]\n: 1\n", "L001", 1, 3),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_becomes_a_located_hit(name: str) -> None:
    text, code, line, column = HOSTILE[name]
    doc = parse(text)
    assert doc.hits, f"{name}: no hit"
    hit = doc.hits[0]
    assert (hit.code, hit.location.line, hit.location.column) == (code, line, column), hit
    assert hit.message and hit.fix


def test_alias_bomb_is_stopped_by_the_node_budget() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc = parse("\n".join(lines) + "\n")
    assert [h.code for h in doc.hits] == ["L004"]
    assert doc.data is None


@pytest.mark.parametrize(("raw", "code", "line", "column"), [
    (b"a: 1\nb: \xff\xfe\n", "L006", 2, 4),
    (b"\x00\x01binary", "L006", 1, 1),
    (b"\xef\xbb\xbfa: 1\n", "L008", 1, 1),
])
def test_bad_bytes(tmp_path: Path, raw: bytes, code: str, line: int, column: int) -> None:
    f = tmp_path / "f.yaml"
    f.write_bytes(raw)
    doc = load_file(f, "f.yaml")
    assert (doc.hits[0].code, doc.hits[0].location.line, doc.hits[0].location.column) == (
        code, line, column)


def test_bom_is_reported_but_the_data_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "f.yaml"
    f.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_file(f, "f.yaml").data == {"a": 1}


def test_oversized_and_unreadable_files(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(6 * 1024 * 1024)
    assert load_file(big, "big.yaml").hits[0].code == "L005"
    missing = load_file(tmp_path / "nope.yaml", "nope.yaml")
    assert missing.hits[0].code == "L006"


RECORD = f"""source:
  id: s
  outlet: o
  url: https://example.org/a
  headline: H
  published: {{date: "2021-04-12", known: stated}}
  language: en
  text: {{path: texts/a.txt, sha256: {"a" * 64}}}
claims:
  - id: c1
    evidence: words
    by: {{speaker: x, mode: paraphrase}}
    says: {{subject: a, predicate: p, stance: asserts}}
    note: n
"""
SAYS = "    says: {subject: a, predicate: p, stance: asserts}\n"


@pytest.mark.parametrize(("old", "new", "line", "column"), [
    # the last key of its mapping (the end of the file)
    (SAYS + "    note: n\n", "    note: n\n    says:\n", 14, 10),
    # in the middle of its mapping: the next key is on the line below
    ("    evidence: words\n", "    evidence:\n", 11, 14),
    # inside a flow mapping: the next token is the ','
    ("predicate: p,", "predicate: ,", 13, 34),
    # before a comment line and a blank line: the next key is three lines below
    (SAYS, "    says:\n    # the proposition is to come\n\n", 13, 10),
    # a trailing comment, and spaces before the ':'
    (SAYS, "    says : # to come\n", 13, 11),
], ids=["end", "middle", "flow", "before-comment", "trailing-comment"])
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "standard"])
def test_an_empty_value_is_located_just_after_its_colon(
        tmp_path: Path, old: str, new: str, line: int, column: int, fast: bool) -> None:
    """On the line of its ':' and the column after it, as yamllint's empty-values places
    it; both loaders used to place it at the next key or token, up to lines below."""
    f = tmp_path / "f.yaml"
    assert old in RECORD
    f.write_text(RECORD.replace(old, new), "utf-8")
    doc = load_file(f, "f.yaml", fast=fast)
    validate(doc, fast=fast)
    found = [(h.code, h.location.line, h.location.column) for h in doc.hits]
    assert found == [("S001", line, column)], [h.message for h in doc.hits]
