"""A cold run's JSON report copies its findings from the stored report the re-check
state has just rendered (checks.pipeline.RunResult.stored), byte for byte the report
of a run without a cache; when the findings changed after they were stored (triage's
own findings), or the stored file is short, the report is rendered from the objects."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate
from checks import pipeline
from checks.cli import main
from checks.pipeline import StoredFindings
from tests.rulecases import materialise
from tests.test_triage import CONFLICT, _review, _write_reviews


def _check(root: Path, out: Path, *, cache: bool, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Run ``check --format json`` in this process; the lengths copied from a stored report."""
    copied: list[int] = []
    real = pipeline.copy_range

    def spy(source: Any, target: Any, offset: int, length: int) -> None:
        copied.append(length)
        real(source, target, offset, length)

    with monkeypatch.context() as m:
        m.setattr(pipeline, "copy_range", spy)
        if cache:
            m.delenv("FACT_CHECKS_CACHE", raising=False)
        else:
            m.setenv("FACT_CHECKS_CACHE", "off")
        with redirect_stdout(io.StringIO()):
            code = main(["check", "--root", str(root), "--format", "json", "--fail-on", "none",
                         "--output", str(out)])
    assert code == 0
    return copied


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    materialise(CONFLICT, root)
    (root / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")
    return root


def test_cold_report_is_copied_and_identical(repo: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    copied = _check(repo, tmp_path / "cold.json", cache=True, monkeypatch=monkeypatch)
    assert (repo / ".fact-checks-cache").is_dir()
    assert _check(repo, tmp_path / "plain.json", cache=False, monkeypatch=monkeypatch) == []
    assert len(copied) == 1 and copied[0] > 0  # the findings came from the stored report
    assert (tmp_path / "cold.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
    assert b'"C101"' in (tmp_path / "cold.json").read_bytes()


def test_generated_corpus_cold_report_identical(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "gen"
    generate(root, articles=30, seed=3)
    copied = _check(root, tmp_path / "cold.json", cache=True, monkeypatch=monkeypatch)
    _check(root, tmp_path / "plain.json", cache=False, monkeypatch=monkeypatch)
    assert copied, "the generated corpus has findings: they should have been copied"
    assert (tmp_path / "cold.json").read_bytes() == (tmp_path / "plain.json").read_bytes()


def test_findings_added_after_storing_are_rendered(repo: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A stale review: triage adds T001 after the rules' findings were stored.
    _write_reviews(repo, _review("0123456789abcdef0123", rule="C101"))
    copied = _check(repo, tmp_path / "cold.json", cache=True, monkeypatch=monkeypatch)
    _check(repo, tmp_path / "plain.json", cache=False, monkeypatch=monkeypatch)
    cold = (tmp_path / "cold.json").read_bytes()
    assert b'"T001"' in cold and copied == []
    assert cold == (tmp_path / "plain.json").read_bytes()


def _stored_result(repo: Path) -> pipeline.RunResult:
    from checks.config import Config
    from checks.engine import select

    config = Config()
    return pipeline.execute([repo / "facts"], repo, config, select(config))


def _rendered(result: pipeline.RunResult) -> bytes:
    out = io.BytesIO()
    result.write_report_json(out)
    return out.getvalue()


@pytest.mark.parametrize("damage", ["short file", "finding replaced", "finding dropped"])
def test_stored_findings_unused_when_they_do_not_match(repo: Path, tmp_path: Path,
                                                       damage: str) -> None:
    result = _stored_result(repo)
    expected = _rendered(result)
    body = pipeline.CHUNK_SEP.join(result.chunk(f) for f in result.findings).encode("utf-8")
    fh = open(tmp_path / "stored.bin", "w+b")  # noqa: SIM115 - closed by the result
    fh.write(body[:-1] if damage == "short file" else body)
    fh.flush()
    result.keep_stored(StoredFindings(file=fh, findings=tuple(result.findings),
                                      length=len(body)))
    if damage == "finding replaced":
        result.findings[0] = result.findings[0].model_copy()
    elif damage == "finding dropped":
        result.findings.pop()
        expected = _rendered(pipeline.RunResult(result.corpus, result.findings, result.fail_on,
                                                result.root))
    assert _rendered(result) == expected
    result.close()
    assert fh.closed and result.stored is None


def test_stored_findings_used_when_they_match(repo: Path, tmp_path: Path) -> None:
    result = _stored_result(repo)
    expected = _rendered(result)
    marker = b"copied, not rendered"
    body = pipeline.CHUNK_SEP.join(result.chunk(f) for f in result.findings).encode("utf-8")
    fh = open(tmp_path / "stored.bin", "w+b")  # noqa: SIM115 - closed by the result
    fh.write(marker + body[len(marker):])
    fh.flush()
    os.fsync(fh.fileno())
    result.keep_stored(StoredFindings(file=fh, findings=tuple(result.findings),
                                      length=len(body)))
    got = _rendered(result)
    result.close()
    assert marker in got and len(got) == len(expected)
