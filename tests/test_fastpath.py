"""The fast path (libyaml events, pydantic-first validation) against the standard
path (ruamel.yaml's pure parser, JSON Schema then pydantic): the same data, the
same positions, the same hits and the same findings, on every fixture, on
hostile inputs, on mutated records and on a synthetic corpus.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate
from checks import fastload
from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.load import Document, load_file
from checks.pipeline import execute
from checks.validate import validate

from .rulecases import load_cases, materialise

REPO = Path(__file__).resolve().parent.parent

if not fastload.AVAILABLE:
    if os.environ.get("CI") == "true":
        pytest.fail("PyYAML with libyaml is required in CI (pip install -e '.[fast]')",
                    pytrace=False)
    pytest.skip("PyYAML with libyaml is not installed: the fast path is off",
                allow_module_level=True)


def _both(path: Path, shown: str) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    out = []
    for fast in (True, False):
        doc = load_file(path, shown, fast=fast)
        kind, model = validate(doc, fast=fast)
        out.append((doc.data, doc.values, doc.keys, doc.hits, kind, model))
    return out[0], out[1]


def _assert_same(path: Path, shown: str = "f.yaml") -> Document:
    fast, slow = _both(path, shown)
    for name, a, b in zip(("data", "values", "keys", "hits", "kind", "model"), fast, slow,
                          strict=True):
        assert a == b, f"{path}: {name} differs\nfast: {a!r}\nslow: {b!r}"
    return load_file(path, shown)


FIXTURES = sorted({*REPO.glob("facts/**/*.yaml"), *REPO.glob("tests/**/*.yaml"),
                   *REPO.glob("tests/**/*.yml")} - set(REPO.glob("tests/consumers/**/*")))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_fixture_loads_the_same(path: Path) -> None:
    _assert_same(path, str(path.relative_to(REPO)))


HOSTILE = [
    "a: [1, 2\n", "a:\n\tb: 1\n", "a: 1\nb: 2\na: 3\n", "a: !!python/object/apply:os.system ['ls']\n",
    "a: !secret x\n", "a: &x\n  b: *x\n", "a: *nope\n", "a: 1\n---\nb: 2\n", "", "# c\n",
    "a: " + "[" * 100 + "]" * 100 + "\n", "k" * 300 + ": 1\n", "a: " + "x" * 100_001 + "\n",
    "a: " + "9" * 200 + "\n", "a: 1e999\n", "? [a, b]\n: 1\n", "a: &x 1\nb: *x\n", "~\n",
    "a: !!str 12\n", "a: ! 12\n", "a: !!int x\n", "- 1\n- [2, {b: c}]\n", "a: 'it''s'\n",
    'a: "tab\\there \\u2028 line \\x1f"\n', "a: \u2028b\n", "a: x\u0085y\n", "a:\r\n  b: 1\r\n",
    "a:\r  b: 1\r", "ä: ö\nñ: [é, 'ü']\n", "a: |\n  x\n  y\nb: >-\n  z\n  w\n", "a: {b: [c, d], e: f}\n",
    "a: -1\nb: 0o17\nc: 0x1F\nd: .inf\ne: .NaN\nf: +1.5e3\ng: True\nh: NULL\ni: 012\n",
    "a: 2021-04-12\nb: '2021-04-12'\n", "%YAML 1.2\n---\na: 1\n", "%YAML 1.1\n---\na: 1\n",
    "--- \na: 1\n...\n", "a: b: c\n", "a: [b, c]]\n", "- a\nb: c\n", "a:\n  - b\n  -c\n",
    '"a": 1\n\'b\': 2\n', "a: x # c\nb: 'y' #d\n", "a: \ufeffx\n", "a: \x07\n", "{a: 1, a: 2}\n",
    "[a, b]\n", "a: 1\n\n\n", "a:\n", "a: ''\n", "a: -\n", "- - - x\n", "a: !!map {b: 1}\n",
    "a: !!seq [1]\n", "a: !!null ''\n", "a: !!bool yes\n", "a: !!float 1\n", "? a\n: b\n",
    "a: 'multi\n  line'\nb: \"x\n\n  y\"\n", "a: @x\n", "a: `x\n", "a: %x\n", "a: |2\n   x\n",
    "a:    \n  b\n", "a: b\n c\n", "a : 1\n", "a:1\n", "[a]: 1\n", "a: [b, {c: d}, [e]]\n",
    # tabs inside and after plain values, and a byte-order mark past the start (red team)
    "note: The lede\tcredits it\n", "a: 1\t\nb: 2\n", "a: x \t# c\n", "a: 1\n\ufeffb: 2\n",
    "- a\t\n- b\n", "a: [b,\tc]\n",
    # empty values: just after their ':' on both paths (red team: at the next key)
    "m:\n  a:\n  # c\n\n  b: 1\n", "a: {b: , c: 1}\n", "a: {b:\n  }\n", "a : # c\nb: 1\n",
    "? a # c\n: \n", "a: {b}\n", "a:\r\n  b:\r\n  c: 1\r\n", "- a:\n- \n- b\n", 'a: {"b":, c: 1}\n',
    "a: {b: ,\n  c: }\n", "a: !!str\nb:\n", "a: &x\nb:\n", "a:\n  - b:\n  - c: # d\n",
    # past the per-file cap of findings of one code (load, then schema)
    "a: 1\n" + "a: 2\n" * 150, "source:\n  id: s\n" + "  id: s\n" * 150,
    "source: {id: s}\nclaims:\n" + "  - {id: c, says: }\n" * 150,
]


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_inputs_load_the_same(tmp_path: Path, index: int) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(HOSTILE[index], encoding="utf-8", newline="")
    _assert_same(path)


@pytest.mark.parametrize(("text", "pointer", "where"), [
    ("a:\nb: 1\n", "/a", (1, 3)), ("m:\n  a:\n  # c\n\n  b: 1\n", "/m/a", (2, 5)),
    ("a: {b: , c: 1}\n", "/a/b", (1, 7)),
])
def test_the_fast_path_itself_places_an_empty_value(text: str, pointer: str,
                                                     where: tuple[int, int]) -> None:
    """libyaml reads the file, not the standard loader it could hand it to."""
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    assert fastload.parse_fast(doc, text)
    assert doc.values[pointer] == where


def _record_text() -> str:
    return (REPO / "tests" / "rule_cases" / "C101.yaml").read_text("utf-8")[:1500]


_INSERTS = [":", "-", " ", "  ", "\t", '"', "'", "{", "}", "[", "]", "#", "&a ", "*a", "!",
            "|", ">", "\n", "é", "\u2028", "\x85", ",", "?", "\\", "%", "@", "~", "0", ": x"]


def _mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randrange(1, 4)):
        i = rng.randrange(len(text))
        op = rng.randrange(4)
        if op == 0:
            text = text[:i] + text[i + 1:]
        elif op == 1:
            text = text[:i] + rng.choice(_INSERTS) + text[i:]
        else:
            lines = text.split("\n")
            j = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines)), lines[j]) if op == 2 else lines.pop(j)
            text = "\n".join(lines)
    return text


def test_mutated_records_load_the_same(tmp_path: Path) -> None:
    rng = random.Random(20210412)
    base = _record_text()
    path = tmp_path / "m.yaml"
    for _ in range(400):
        path.write_text(_mutate(base, rng), encoding="utf-8", newline="")
        _assert_same(path)


def _findings(paths: list[Path], root: Path, monkeypatch: pytest.MonkeyPatch,
              fast: bool) -> list[Finding]:
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    monkeypatch.setenv("FACT_CHECKS_FAST", "on" if fast else "off")
    config = Config()
    return execute(paths, root, config, select(config)).findings


def _assert_same_findings(paths: list[Path], root: Path,
                          monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    fast = _findings(paths, root, monkeypatch, True)
    slow = _findings(paths, root, monkeypatch, False)
    assert fast == slow
    return fast


def test_seed_corpus_gives_the_same_findings(seed_repo: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same_findings([seed_repo / "facts"], seed_repo, monkeypatch)


def test_rule_cases_give_the_same_findings(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cases = load_cases()
    for count, (rule, _, case) in enumerate(cases):
        root = tmp_path / f"{rule}-{count}"
        materialise(case, root)
        _assert_same_findings([root / "facts"], root, monkeypatch)
    assert cases


def test_synthetic_corpus_gives_the_same_findings(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    generate(tmp_path, 12, seed=7)
    # plant the hostile: a broken file, an unknown key, a field name instead of its alias
    facts = tmp_path / "facts"
    shutil.copy(facts / "art-00003.yaml", facts / "broken.yaml")
    with (facts / "broken.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - id: [oops\n")
    text = (facts / "art-00004.yaml").read_text("utf-8")
    (facts / "art-00004.yaml").write_text(text.replace("  language: en", "  language: en\n"
                                                       "  lang: en"), encoding="utf-8")
    text = (facts / "art-00005.yaml").read_text("utf-8")
    (facts / "art-00005.yaml").write_text(text.replace("{as:", "{as_:", 1), encoding="utf-8")
    found = _assert_same_findings([facts], tmp_path, monkeypatch)
    rules = {f.rule for f in found}
    assert {"L001", "S001"} <= rules
