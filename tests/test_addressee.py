"""``by.to`` names whom the words were said to: never their own speaker (I014), a
located error at the addressee; another addressee, or none, is silent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute
from tests.rulecases import materialise

EVIDENCE = "\"I have not seen any requests,\" Beta told Alpha."


def _run(tmp_path: Path, by: dict[str, Any]) -> list[Finding]:
    claim = {"id": "c1", "evidence": EVIDENCE, "by": by,
             "says": {"subject": "northland", "predicate": "request-talks",
                      "object": "southland", "stance": "not-aware"}}
    materialise({"sources": [{"id": "a", "claims": [claim]}]}, tmp_path)
    config = Config()
    result = execute([tmp_path / "facts"], tmp_path, config, select(config), fail_on="error")
    return [f for f in result.findings if f.rule == "I014"]


def test_words_said_to_their_own_speaker_are_located_at_the_addressee(tmp_path: Path) -> None:
    [hit] = _run(tmp_path, {"speaker": "beta", "mode": "direct-quote", "to": ["alpha", "beta"]})
    assert hit.severity.value == "error" and hit.category == "integrity"
    assert "said to 'beta', its own speaker" in hit.message and "'to'" in (hit.fix or "")
    assert hit.location.pointer == "/claims/0/by/to/1"
    lines = (tmp_path / "facts" / "a.yaml").read_text(encoding="utf-8").splitlines()
    assert hit.location.line is not None and "beta" in lines[hit.location.line - 1]


@pytest.mark.parametrize("by", [{"speaker": "beta", "mode": "direct-quote", "to": ["alpha"]},
                                {"speaker": "beta", "mode": "direct-quote"},
                                {"mode": "vague", "to": ["alpha"]}],
                         ids=["another-addressee", "no-addressee", "no-speaker"])
def test_another_addressee_or_none_is_silent(tmp_path: Path, by: dict[str, Any]) -> None:
    assert _run(tmp_path, by) == []
