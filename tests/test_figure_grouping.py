"""A figure copied from dot-grouped thousands ("more than 40.000", as Le Monde's English
edition and German texts write them) as ``value: 40.000`` is the number 40 to YAML: I016
says so at the figure; the whole number, another decimal or a date is silent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute
from tests.rulecases import materialise


def _run(tmp_path: Path, evidence: str, quantity: str) -> list[Finding]:
    claim: dict[str, Any] = {"id": "c1", "evidence": evidence, "by": {"speaker": "beta"},
                             "says": {"subject": "northland", "predicate": "mass-troops",
                                      "object": "southland"}}
    materialise({"sources": [{"id": "a", "claims": [claim]}]}, tmp_path)
    record = tmp_path / "facts" / "a.yaml"
    # Written as a curator types it: YAML reads 40.000 as the number 40.
    text = record.read_text(encoding="utf-8")
    anchor = "  says:"
    assert anchor in text
    record.write_text(text.replace(anchor, f"  quantity: {quantity}\n{anchor}", 1),
                      encoding="utf-8")
    config = Config()
    result = execute([tmp_path / "facts"], tmp_path, config, select(config), fail_on="error")
    assert not [f for f in result.findings if f.category in ("load", "schema")]
    return [f for f in result.findings if f.rule == "I016"]


def test_dot_grouped_thousands_read_as_a_decimal_are_located_at_the_figure(
        tmp_path: Path) -> None:
    [hit] = _run(tmp_path, "Beta said more than 40.000 soldiers are massed.",
                 "{value: 40.000, cmp: gt, unit: soldiers}")
    assert hit.severity.value == "warning" and hit.category == "integrity"
    assert "'40.000' is 40,000" in hit.message and "write 40000" in (hit.fix or "")
    assert hit.location.pointer == "/claims/0/quantity/value"
    lines = (tmp_path / "facts" / "a.yaml").read_text(encoding="utf-8").splitlines()
    assert hit.location.line is not None and "40.000" in lines[hit.location.line - 1]


def test_a_range_s_bounds_are_read_too(tmp_path: Path) -> None:
    [hit] = _run(tmp_path, "Beta said between 1.300 and 1.500 soldiers are massed.",
                 "{cmp: range, min: 1.300, max: 1500, unit: soldiers}")
    assert hit.location.pointer == "/claims/0/quantity/min" and "1,300" in hit.message


@pytest.mark.parametrize(("evidence", "quantity"), [
    ("Beta said more than 40.000 soldiers are massed.", "{value: 40000, cmp: gt, unit: soldiers}"),
    ("Beta said 1.5 million soldiers are massed.", "{value: 1500000, unit: soldiers}"),
    ("Beta said on 13.04.2021 that 13 soldiers are massed.", "{value: 13, unit: soldiers}"),
    ("Beta said at 17.32 that 17.32 tonnes were moved.", "{value: 17.32, unit: tonnes}"),
    ("Beta said 1.300.000 soldiers are massed.", "{value: 1300000, unit: soldiers}"),
], ids=["whole-number", "decimal-million", "dotted-date", "other-decimal", "two-dots"])
def test_the_whole_number_a_decimal_or_a_date_is_silent(tmp_path: Path, evidence: str,
                                                        quantity: str) -> None:
    assert _run(tmp_path, evidence, quantity) == []
