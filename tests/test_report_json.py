"""The fast JSON report (RunResult.report_json) is byte for byte the validated
pydantic report (RunResult.report().model_dump_json), with and without reviews,
on the seed corpus, the unseen-outlet fixtures and a generated corpus."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from benchmarks.generate import generate
from checks import pipeline, triage
from checks.config import Config, load_config
from checks.engine import select
from checks.pipeline import RunResult, execute

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


def _result(root: Path, facts: Path, config: Config) -> RunResult:
    result = execute([facts], root, config, select(config))
    result.extra["scope"] = {"rules": True, "complete": True}
    triage.apply(result, config)
    return result


def _streamed(result: RunResult) -> str:
    out = io.BytesIO()
    result.write_report_json(out)
    return out.getvalue().decode("utf-8")


def _assert_same(result: RunResult) -> None:
    assert result.findings, "a report without findings would prove little"
    for indent in (2, None):
        assert result.report_json(indent=indent) == result.report().model_dump_json(indent=indent)
    assert _streamed(result) == result.report().model_dump_json(indent=2)


def test_streamed_report_flushes_midway(monkeypatch: pytest.MonkeyPatch) -> None:
    """Written in many small pieces, the report is still the same bytes."""
    monkeypatch.setattr(pipeline, "_FLUSH_CHARS", 10)
    result = _result(REPO, REPO / "facts", load_config(REPO, None))
    assert len(result.findings) > 3
    _assert_same(result)


def test_seed_report_with_reviews() -> None:
    result = _result(REPO, REPO / "facts", load_config(REPO, None))
    assert any(result.is_reviewed(f) for f in result.findings), "the seed has reviewed findings"
    _assert_same(result)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_fixture_reports(name: str) -> None:
    root = FIXTURES / name
    facts = root / "facts" if (root / "facts").is_dir() else root
    _assert_same(_result(root, facts, Config()))


def test_generated_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    generate(tmp_path / "repo", 30, seed=5)
    root = tmp_path / "repo"
    _assert_same(_result(root, root / "facts", Config()))


def test_report_without_findings() -> None:
    result = _result(REPO, REPO / "facts", load_config(REPO, None))
    result.findings = []
    for indent in (2, None):
        assert result.report_json(indent=indent) == result.report().model_dump_json(indent=indent)
    assert _streamed(result) == result.report().model_dump_json(indent=2)
