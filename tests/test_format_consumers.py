"""The format reporters through the command line, and the rule that a missing
consumer skips only outside CI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checks.cli import EXIT_OK, main
from checks.reporters import REPORTERS

from .consumers import runner
from .consumers.support import REPO, hostile_result, require

FORMATS = ("sarif", "junit", "github", "codeclimate", "markdown", "auto")


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_writes_each_format_to_the_output_file(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / "out" / f"report.{fmt}"
    code = main(["check", "--root", str(REPO), "--format", fmt, "--output", str(target),
                 str(REPO / "facts")])
    assert code == EXIT_OK  # the seed findings are all reviewed in facts/reviews.yaml
    assert target.read_text(encoding="utf-8").strip()
    assert REPORTERS[fmt].description


def test_a_missing_consumer_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="not installed"):
        require(None, "a validator", "install it")


def test_a_missing_consumer_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        require(None, "a validator", "install it")
    require("found", "a validator", "install it")  # present: neither skips nor fails


def _data(fmt: str, output: str) -> str:
    """The report's content as its reader sees it (escapes resolved)."""
    if fmt in ("sarif", "codeclimate"):
        return json.dumps(json.loads(output), ensure_ascii=False)
    if fmt == "junit":
        root = ET.fromstring(output.encode())
        return " ".join([*root.itertext(), *(v for e in root.iter() for v in e.attrib.values())])
    return output


@pytest.mark.parametrize("fmt", ["sarif", "junit", "codeclimate", "markdown"])
def test_a_report_printed_to_an_actions_log_runs_no_command(fmt: str) -> None:
    # Reports written to stdout in a GitHub Actions step are scanned for
    # "::cmd::" at a line's start and "##[cmd]" anywhere; record text holds both.
    output = REPORTERS[fmt].render(hostile_result())
    assert [c for c in runner.read(output) if c is not None] == []
    if fmt != "markdown":  # the words are still there for the report's reader
        data = _data(fmt, output)
        assert "##[add-mask]secret" in data and "::add-mask::" in data
