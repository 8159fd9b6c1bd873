"""``validate`` reads its findings from ``check``'s stored state when there is one: the
stage findings (load, schema, integrity) do not depend on which rules run. After every
edit its reports must be byte-identical to a cold ``validate``'s, with the same exit
code; without a state it stays a validation and stores nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import _edit
from benchmarks.generate import generate


def _run(root: Path, env: dict[str, str], *args: str) -> tuple[int, bytes, str]:
    out = root.parent / "out.txt"
    done = subprocess.run([sys.executable, "-m", "checks", *args, "--root", str(root),
                           "--output", str(out)], cwd=root, env=env, capture_output=True,
                          text=True, check=False, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, out.read_bytes(), done.stderr


def _records(root: Path) -> list[Path]:
    return sorted((root / "facts").glob("art-*.yaml"))


def _break_yaml(root: Path) -> None:
    path = _records(root)[2]
    path.write_text(path.read_text("utf-8") + "broken: [unclosed\n", "utf-8")


def _schema_error(root: Path) -> None:
    path = _records(root)[7]
    text = path.read_text("utf-8")
    assert "    says: {" in text
    path.write_text(text.replace("    says: {", "    sayz: {", 1), "utf-8")


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FACT_CHECKS_")}
    return dict(base, XDG_CACHE_HOME=str(tmp_path / "home"), FACT_CHECKS_DEBUG="1",
                FACT_CHECKS_TODAY="2026-01-01")


def test_validate_from_checks_state_equals_a_cold_validate(tmp_path: Path,
                                                           env: dict[str, str]) -> None:
    root = tmp_path / "archive"
    generate(root, 30, seed=6)
    _run(root, env, "check", "--format", "json", "--fail-on", "none")  # stores the state
    cold_env = dict(env, FACT_CHECKS_CACHE="off")
    seen: set[str] = set()
    for edit in (None, _edit, _break_yaml, _schema_error):
        if edit is not None:
            edit(root)
        for fmt in ("json", "text"):
            warm = _run(root, env, "validate", "--format", fmt)
            cold = _run(root, cold_env, "validate", "--format", fmt)
            assert "stage findings of check's re-check" in warm[2], warm[2]
            assert warm[:2] == cold[:2], (edit, fmt)
        seen.update(rule for rule in ("L001", "S001") if rule.encode() in warm[1])
    assert seen == {"L001", "S001"}, "the broken records must show in the reports"
    # and check itself still re-checks from the state validate stored again
    again = _run(root, env, "check", "--format", "json", "--fail-on", "none")
    assert "full run" not in again[2] and again[:2] == _run(
        root, cold_env, "check", "--format", "json", "--fail-on", "none")[:2]


def test_validate_without_a_state_is_a_validation(tmp_path: Path, env: dict[str, str]) -> None:
    root = tmp_path / "archive"
    generate(root, 10, seed=6)
    warm = _run(root, env, "validate", "--format", "json")
    assert "stage findings" not in warm[2]
    assert not (root / ".fact-checks-cache" / "runs").exists(), "validate stores no state"
    assert warm[:2] == _run(root, dict(env, FACT_CHECKS_CACHE="off"), "validate", "--format",
                            "json")[:2]


def test_reviews_are_triaged_as_validate_does(tmp_path: Path, env: dict[str, str]) -> None:
    """The seed corpus has reviews of rule findings: validate (which runs no rule) must not
    call them stale, whichever way its findings were obtained."""
    import shutil

    repo = Path(__file__).resolve().parent.parent
    root = tmp_path / "seed"
    shutil.copytree(repo / "facts", root / "facts")
    shutil.copy(repo / "pyproject.toml", root / "pyproject.toml")
    _run(root, env, "check", "--format", "json", "--fail-on", "none")
    for fmt in ("json", "text"):
        warm = _run(root, env, "validate", "--format", fmt)
        assert "stage findings of check's re-check" in warm[2], warm[2]
        assert warm[:2] == _run(root, dict(env, FACT_CHECKS_CACHE="off"), "validate",
                                "--format", fmt)[:2]
    assert b"T001" not in warm[1], "no review is stale after a validation"
