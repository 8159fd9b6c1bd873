"""A file the run could not check (it does not load or validate: L001, L003-L007, S001,
S002, or its archived text was refused: I006) must never pass unnoticed (red team):

* a configured ``select``, ``--select`` or ``--ignore`` that leaves those codes out still
  reports them, and naming one in ``ignore`` or lowering its severity is a usage error;
* a review cannot be called stale (T001) by a run that left a file out: the claims the
  review saw may be in that file, and its findings were never computed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_validate_cli import RECORD, _break, run_cli


def _broken(repo: Path) -> None:
    _break(repo, r"negated: true", "negated: maybe")  # S001: the record is left out


def _configure(repo: Path, *lines: str) -> None:
    path = repo / "pyproject.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("[tool.fact-checks]\n", "[tool.fact-checks]\n" + "\n".join(lines)
                                 + "\n", 1), "utf-8")


@pytest.mark.parametrize(("config", "argv"), [
    ('select = ["C"]', []),
    ('select = ["Q203"]', []),
    ("", ["--ignore", "S"]),
    ("", ["--ignore", "schema,load"]),
    ("", ["--select", "Q203"]),
    ('ignore = ["schema"]', []),
])
@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_narrowed_selection_still_reports_a_record_left_out(seed_repo: Path, command: str,
                                                              config: str, argv: list[str]) -> None:
    _broken(seed_repo)
    if config:
        _configure(seed_repo, config)
    code, data, err = run_cli(seed_repo, command, *argv)
    if command == "validate" and code == 2:
        # validate with rule codes only selected is a usage error of its own, never a pass
        assert "validate" in err
        return
    assert code == 1, err
    assert any(f["rule"] == "S001" and f["location"]["path"] == RECORD for f in data["findings"])


@pytest.mark.parametrize(("config", "argv", "words"), [
    ("", ["--ignore", "S001"], "S001 cannot be ignored"),
    ('ignore = ["L001", "A401"]', [], "L001 cannot be ignored"),
    ('severity = { S001 = "warning" }', [], "S001 cannot be made warning"),
    ('severity = { I006 = "info" }', [], "I006 cannot be made info"),
])
def test_an_unchecked_file_s_code_cannot_be_ignored_or_lowered(seed_repo: Path, config: str,
                                                               argv: list[str], words: str) -> None:
    if config:
        _configure(seed_repo, config)
    code, _, err = run_cli(seed_repo, "check", *argv)
    assert code == 2 and words in err and "\n" not in err.strip(), err


def test_a_record_left_out_makes_no_review_stale(seed_repo: Path) -> None:
    """26 reviews once became 'T001 ... delete this review' because one record had a
    schema error: the findings they review were simply not computed."""
    code, data, err = run_cli(seed_repo, "check")
    assert code == 0 and not [f for f in data["findings"] if f["rule"] == "T001"], err
    _broken(seed_repo)
    code, data, err = run_cli(seed_repo, "check")
    rules = [f["rule"] for f in data["findings"]]
    assert code == 1 and "S001" in rules, err
    assert "T001" not in rules
