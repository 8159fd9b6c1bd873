"""A finding's fingerprint is what a review names it by, so it must be unique and
stable. An aggregated finding (one per disagreement in a block) is identified by its
rule and block key alone; no two aggregated hits of one rule may share a key, or the
engine would keep one of two different findings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.generate import generate
from checks.config import Config
from checks.corpus import Corpus, build
from checks.engine import select

REPO = Path(__file__).resolve().parent.parent


def block_keys(corpus: Corpus) -> Counter[tuple[str, str]]:
    selection = select(Config())
    keys: Counter[tuple[str, str]] = Counter()
    for code, spec in selection.specs.items():
        if spec.check is not None:
            keys.update((code, hit.key) for hit in spec.check(corpus, selection.options[code])
                        if hit.block)
    return keys


def corpora(tmp: Path) -> dict[str, Corpus]:
    generate(tmp / "gen", 60, seed=3)
    return {"seed": build([REPO / "facts"], REPO, cache=False),
            "unseen": build([REPO / "tests/fixtures/unseen"], REPO, cache=False),
            "unseen2": build([REPO / "tests/fixtures/unseen2"], REPO, cache=False),
            "unseen3": build([REPO / "tests/fixtures/unseen3"], REPO, cache=False),
            "generated": build([tmp / "gen" / "facts"], tmp / "gen", cache=False)}


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter[tuple[str, str]]]:
    # Only the keys are kept: a failing test's report then shows no corpus (whose
    # representation, claims within claims, takes gigabytes).
    return {name: block_keys(c) for name, c in corpora(tmp_path_factory.mktemp("c")).items()}


@pytest.mark.parametrize("name", ["seed", "unseen", "unseen2", "unseen3", "generated"])
def test_no_two_aggregated_hits_of_a_rule_share_a_key(
        keyed: dict[str, Counter[tuple[str, str]]], name: str) -> None:
    keys = keyed[name]
    assert sum(keys.values()) > 5  # the corpus has aggregated findings to compare
    assert [k for k, n in keys.items() if n > 1] == []
