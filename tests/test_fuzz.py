"""Fuzz the loader and the whole pipeline with mutated records (issue 7).

Asserts: no exception escapes, every finding is located inside its file, the
run ends. The budget is set by FACT_CHECKS_FUZZ_EXAMPLES (default 60) so CI
can afford it (about 15 s at the default); each example is bounded by the loader's own limits.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from checks.config import Config
from checks.engine import select
from checks.pipeline import execute

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "facts" / "rbt-2021-04-12-putin-wont-talk.yaml"
SEED_TEXT = SEED.read_text("utf-8")
EXAMPLES = int(os.environ.get("FACT_CHECKS_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))

NASTY = ["\t", ":", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/object ", "!t ", "'",
         '"', "\n", "\n  ", "#", "%", "@", "`", "|", ">", "---\n", "...\n", "\x00", "\ufeff",
         "\u202e", "\u200b", "а", "2021-02-30", "1e999", "9" * 50, "~", "? ", "<<: *a"]


_ROOT = Path(tempfile.mkdtemp(prefix="fact-checks-fuzz-"))
shutil.copytree(REPO / "facts", _ROOT / "facts")


def _run(record_text: str | bytes) -> None:
    root = _ROOT
    target = root / "facts" / SEED.name
    if isinstance(record_text, bytes):
        target.write_bytes(record_text)
    else:
        target.write_text(record_text, "utf-8", errors="surrogatepass")
    config = Config()
    result = execute([root / "facts"], root, config, select(config))
    lines = {p: (root / p).read_bytes().decode("utf-8", "replace").split("\n")
             for p in {f.location.path for f in result.findings}}
    for f in result.findings:
        rows = lines[f.location.path]
        assert 1 <= f.location.line <= len(rows) + 1, f
        assert 1 <= f.location.column <= max(len(rows[f.location.line - 1]) if
                                              f.location.line <= len(rows) else 0, 0) + 2, f
    result.report().model_dump_json()  # every finding serialises


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(0, 40),
                          st.sampled_from(NASTY) | st.text(max_size=5)), min_size=1, max_size=4))
def test_text_mutations(edits: list[tuple[int, int, str]]) -> None:
    text = SEED_TEXT
    for pos, cut, insert in edits:
        pos = min(pos, len(text))
        text = text[:pos] + insert + text[pos + cut:]
    text = text.encode("utf-8", "replace").decode("utf-8")
    _run(text)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(raw: bytes) -> None:
    _run(SEED_TEXT.encode()[:200] + raw)


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20) | st.sampled_from(["2021-02-30", "asserts", "range", "../x", "/etc",
                                             "mendel", "nobody", "gt", "each", ""]),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
    max_leaves=8)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


_YAML = YAML(typ="safe", pure=True)
_DATA = _YAML.load(SEED_TEXT)
_ALL_PATHS = [p for p in _paths(_DATA) if p]


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(_ALL_PATHS), _VALUES), min_size=1, max_size=3))
def test_structure_mutations(changes: list[tuple[tuple[Any, ...], Any]]) -> None:
    import copy
    import io

    data = copy.deepcopy(_DATA)
    for path, value in changes:
        node = data
        try:
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    out = io.StringIO()
    _YAML.dump(data, out)
    _run(out.getvalue())
