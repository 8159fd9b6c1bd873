"""The pre-commit hooks, run by pre-commit itself: ``try-repo`` on a local copy of this
repository (the manifest, .pre-commit-hooks.yaml) and ``run`` with this repository's
own .pre-commit-config.yaml."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checks.config import Config
from checks.engine import select
from checks.pipeline import execute
from tests.rulecases import materialise
from tests.test_triage import CONFLICT
from tests.test_workflow import ROOT, snapshot, tool

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]


@pytest.fixture(scope="module")
def pre_commit() -> str:
    return tool("pre-commit")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    # One hook environment per test session, kept away from the user's ~/.cache.
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "SKIP": ""}


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tool("git")
    return snapshot(tmp_path_factory.mktemp("harness") / "repo")


def _commit(repo: Path) -> None:
    subprocess.run([*GIT, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-q", "--allow-empty", "-m", "c"], check=True)


@pytest.fixture()
def target(tmp_path: Path) -> Path:
    """A curators' repository with a contradiction between two records."""
    repo = tmp_path / "curated"
    materialise(CONFLICT, repo)
    (repo / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")
    subprocess.run([*GIT, "init", "-q", "-b", "main", str(repo)], check=True)
    _commit(repo)
    return repo


def _try(pre_commit: str, harness: Path, target: Path, hook: str,
         env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([pre_commit, "try-repo", str(harness), hook, "--all-files"],
                          cwd=target, env=env, capture_output=True, text=True, timeout=900)


def test_validate_hook_passes_and_check_hook_reports_the_conflict(
        pre_commit: str, harness: Path, target: Path, env: dict[str, str]) -> None:
    done = _try(pre_commit, harness, target, "fact-checks-validate", env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fact-checks validate" in done.stdout and "Passed" in done.stdout
    done = _try(pre_commit, harness, target, "fact-checks-check", env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error C101" in done.stdout and "Failed" in done.stdout


def test_check_hook_passes_once_the_finding_is_reviewed(
        pre_commit: str, harness: Path, target: Path, env: dict[str, str]) -> None:
    config = Config()
    failing = execute([target / "facts"], target, config, select(config)).failing()
    assert failing
    reviews = {"reviews": [{"fingerprint": f.fingerprint, "verdict": "expected-disagreement",
                            "reason": "both sides reported faithfully", "reviewer": "t",
                            "date": "2021-04-20"} for f in failing]}
    with (target / "facts" / "reviews.yaml").open("w", encoding="utf-8") as fh:
        YAML(typ="safe", pure=True).dump(reviews, fh)
    _commit(target)
    done = _try(pre_commit, harness, target, "fact-checks-check", env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_fmt_hook_runs_fmt_check(pre_commit: str, harness: Path, target: Path,
                                 env: dict[str, str]) -> None:
    record = target / "facts" / "a.yaml"
    record.write_text(record.read_text("utf-8").replace("\n", "\n\n\n", 1), "utf-8")
    _commit(target)
    direct = subprocess.run([sys.executable, "-m", "checks", "fmt", "--check", "--root",
                             str(target), str(target / "facts")],
                            cwd=harness, capture_output=True, text=True, env=env)
    assert direct.returncode != 0  # three blank lines are not the canonical layout
    done = _try(pre_commit, harness, target, "fact-checks-fmt", env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "fact-checks fmt --check" in done.stdout and "Failed" in done.stdout
    assert "facts/a.yaml" in done.stdout


def test_own_config_runs_validate(pre_commit: str, harness: Path, env: dict[str, str]) -> None:
    done = subprocess.run([pre_commit, "run", "fact-checks-validate", "--all-files"], cwd=harness,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_own_config_dependencies_match_pyproject() -> None:
    config = YAML(typ="safe", pure=True).load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    with (ROOT / "pyproject.toml").open("rb") as fh:
        wanted = sorted(tomllib.load(fh)["project"]["dependencies"])
    for hook in config["repos"][0]["hooks"]:
        assert sorted(hook["additional_dependencies"]) == wanted, hook["id"]


def test_manifest_hooks_are_valid(pre_commit: str) -> None:
    for args in (["validate-manifest", ".pre-commit-hooks.yaml"],
                 ["validate-config", ".pre-commit-config.yaml"]):
        done = subprocess.run([pre_commit, *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
