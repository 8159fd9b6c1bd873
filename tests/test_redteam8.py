"""Red team, eighth round: what a hostile contributor or a careless curator can do to the
harness through the commands a user runs, and what it must do instead (a located finding
with a plain-language fix, or a plain exit 2, in bounded time, never a traceback, a hang, a
silent pass or a lost value). Earlier rounds: test_redteam5.py, test_redteam6.py,
test_redteam7.py, test_hostile_records.py, test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import select
from checks.load import load_file
from checks.pipeline import execute

ENV = {**os.environ, "FACT_CHECKS_CACHE": "off"}
RECORD = "facts/rferl-2021-04-12-dialogue.yaml"
FIGURE = "quantity: {value: 26, unit: soldiers}"


def cli(root: Path, *args: str, timeout: float = 120,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a child (a hang fails the test, not the suite); no traceback."""
    done = subprocess.run([sys.executable, "-m", "checks", *args], cwd=root, env=env or ENV,
                          capture_output=True, text=True, errors="replace", timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("written", ["0o12", "0x1F", "012", "-0x1f", "0b101", "00"])
def test_an_integer_in_another_base_stays_text_on_both_loaders(tmp_path: Path, fast: bool,
                                                               written: str) -> None:
    # 'value: 0o12' was 10 and 'value: 0x1F' 31, silently: a curator who typed either
    # meant neither, and YAML 1.1 tools read '012' as 10 where YAML 1.2 reads 12.
    path = tmp_path / "f.yaml"
    path.write_text(f"a: {written}\nb: 12\nc: 0\n")
    doc = load_file(path, "f.yaml", fast=fast)
    assert not doc.hits and doc.data == {"a": written, "b": 12, "c": 0}


@pytest.mark.parametrize(("written", "fix"), [
    ("0o12", "write the figure in decimal digits: '0o12' is octal (10) to a YAML reader"),
    ("0x1F", "write the figure in decimal digits: '0x1F' is hexadecimal (31) to a YAML reader"),
    ("0b101", "write the figure in decimal digits: '0b101' is binary (5) to a YAML reader"),
    ("012", "write 12 without the leading zero: YAML 1.1 tools read a number that starts "
     "with 0 as octal ('012' is 10)"),
    ("-09", "write -9 without the leading zero"),
])
def test_a_figure_in_another_base_is_a_located_finding(seed_repo: Path, written: str,
                                                       fix: str) -> None:
    _edit(seed_repo / RECORD, FIGURE, f"quantity: {{value: {written}, unit: soldiers}}")
    config = Config()
    run = execute([seed_repo / "facts"], seed_repo, config, select(config, only=["schema"]))
    found = [f for f in run.findings if f.rule == "S001"]
    assert len(found) == 1, found
    assert (found[0].location.line, found[0].location.column) == (308, 23)
    assert "quantity.value: expected a number, found a string" in found[0].message
    assert found[0].fix.startswith(fix), found[0].fix
