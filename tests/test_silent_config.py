"""Configuration and command lines that once did nothing without a word (red team):
an empty path option, a missing reviews file, an empty selection, a coerced option
type, an empty corpus, a second reviews file. Each is now a usage error (exit 2, one
line naming what is wrong) or a located finding."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from checks.cli import main
from tests.rulecases import materialise

# One record with one claim: enough for a corpus that runs every rule.
CASE = {"sources": [
    {"id": "a", "claims": [{"id": "c1", "evidence": "Northland said it had asked Southland for talks.",
                            "by": {"speaker": "northland"},
                            "says": {"subject": "northland", "predicate": "request-talks",
                                     "object": "southland"}}]},
]}


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    materialise(CASE, root)
    (root / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    return root


def _configure(root: Path, *lines: str) -> None:
    (root / "pyproject.toml").write_text(
        "\n".join(['[tool.fact-checks]', 'paths = ["facts"]', *lines]) + "\n", "utf-8")


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one-line message of a run that must stop with exit 2."""
    assert main(list(argv)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("fact-checks: error: ") and "\n" not in err, err
    return err


# ------------------------------------------------------------ empty path options


@pytest.mark.parametrize("argv", [
    ["report", "--output", ""],
    ["check", "--output", ""],
    ["diff", "--output", ""],
    ["validate", "--reviews", ""],
    ["check", "--config", ""],
    ["check", "--root", ""],
    ["check", ""],
])
def test_an_empty_path_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str],
                                        argv: list[str]) -> None:
    """``report --output ''`` wrote ./index.html; ``check --output ''`` printed to stdout;
    ``--reviews ''`` applied the default file."""
    err = _usage_error(capsys, *argv)
    assert ("is empty" in err) or ("empty path" in err)
    assert not (repo / "index.html").exists()


# ------------------------------------------------------------ missing reviews file


def test_a_given_reviews_file_that_does_not_exist_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error(capsys, "check", "--reviews", "facts/reveiws.yaml")
    assert "facts/reveiws.yaml" in err and "--reviews" in err


def test_a_configured_reviews_file_that_does_not_exist_is_a_configuration_error(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _configure(repo, 'reviews = "facts/reveiws.yaml"')
    for command in ("check", "validate", "report --output out", "diff"):
        if command == "diff":
            subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        err = _usage_error(capsys, *command.split())
        assert "reviews" in err and "facts/reveiws.yaml" in err


def test_the_default_reviews_file_may_be_absent(repo: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert not (repo / "facts" / "reviews.yaml").exists()
    assert main(["check", "--fail-on", "none"]) == 0
    _configure(repo, 'reviews = "facts/reviews.yaml"')  # named on purpose: it must exist
    _usage_error(capsys, "check", "--fail-on", "none")
    (repo / "facts" / "reviews.yaml").write_text("reviews: []\n", "utf-8")
    assert main(["check", "--fail-on", "none"]) == 0
