"""Correction notes (``source.corrections``): checked like evidence, and for ids of claims
the record does not have (I013), with located findings; malformed notes are schema
findings (S001) at the note, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute
from tests.rulecases import materialise

CLAIM = {"id": "killed-this-year", "evidence": "At least 26 soldiers were killed this year.",
         "says": {"subject": "place-a", "predicate": "killed"}, "when": "this year",
         "quantity": {"value": 26, "cmp": "ge", "unit": "soldiers"}}
NOTE = "An earlier version of this article misstated the toll. It is at least 26, not 36."


def _run(tmp_path: Path, correction: Any, claims: list[Any] | None = None,
         text: str | None = None) -> list[Finding]:
    source: dict[str, Any] = {"id": "a", "claims": claims or [CLAIM], "corrections": [correction]}
    if text is not None:
        source["text"] = text
    materialise({"sources": [source]}, tmp_path)
    config = Config()
    result = execute([tmp_path / "facts"], tmp_path, config, select(config), fail_on="error")
    return [f for f in result.findings if f.rule not in ("V901", "E101")]


def _line_of(tmp_path: Path, needle: str) -> int:
    lines = (tmp_path / "facts" / "a.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_note_naming_a_claim_the_record_lacks_is_located(tmp_path: Path) -> None:
    found = _run(tmp_path, {"evidence": NOTE, "corrects": ["killed-this-yaer"]})
    [hit] = [f for f in found if f.rule == "I013"]
    assert hit.severity.value == "error"
    assert "'killed-this-yaer'" in hit.message and "did you mean 'killed-this-year'" in hit.message
    assert hit.location.pointer == "/source/corrections/0/corrects/0"
    assert hit.location.line == _line_of(tmp_path, "killed-this-yaer")


def test_a_withdrawn_figure_needs_a_claim_with_a_figure(tmp_path: Path) -> None:
    claim = {**CLAIM, "quantity": None}
    del claim["quantity"]
    found = _run(tmp_path, {"evidence": NOTE, "corrects": [CLAIM["id"]],
                            "withdrawn": {"words": "36", "value": 36}}, claims=[claim])
    [hit] = [f for f in found if f.rule == "I013"]
    assert "withdraws the figure 36," in hit.message
    assert hit.location.pointer == "/source/corrections/0/withdrawn"


def test_a_note_not_in_the_article_is_evidence_missing(tmp_path: Path) -> None:
    text = "Headline of a\n\n" + CLAIM["evidence"] + "\n"
    found = _run(tmp_path, {"evidence": ["Correction: April 14, 2021", NOTE],
                            "corrects": [CLAIM["id"]]}, text=text)
    pointers = sorted(f.location.pointer for f in found if f.rule == "I004")
    assert pointers == ["/source/corrections/0/evidence/0", "/source/corrections/0/evidence/1"]


def test_a_well_formed_note_is_clean(tmp_path: Path) -> None:
    found = _run(tmp_path, {"evidence": NOTE, "corrects": [CLAIM["id"]],
                            "withdrawn": {"words": "36", "value": 36},
                            "replacement": "at least 26", "date": "2021-04-14"})
    assert [f for f in found if f.category in ("load", "schema", "integrity")] == []


def test_malformed_notes_are_located_schema_findings(tmp_path: Path) -> None:
    found = _run(tmp_path, {"evidence": NOTE, "corrects": [], "withdrawn": {"value": 36},
                            "date": "14 April 2021", "kind": "erratum"})
    schema = [f for f in found if f.rule == "S001"]
    pointers = {f.location.pointer for f in schema}
    assert {"/source/corrections/0/corrects", "/source/corrections/0/kind",
            "/source/corrections/0/date"} <= pointers, [f.message for f in schema]
    assert any(p.startswith("/source/corrections/0/withdrawn") for p in pointers)
    assert all(f.location.line > 1 for f in schema)
    assert all("left out" in f.message for f in schema)


def test_a_bare_number_withdraws_a_figure(tmp_path: Path) -> None:
    # "withdrawn: 36" is the figure 36 (its words '36'), not a type error to quote away
    other = {**CLAIM, "id": "other", "evidence": "36 soldiers were killed this year.",
             "quantity": {"value": 36, "unit": "soldiers"}}
    found = _run(tmp_path, {"evidence": NOTE, "corrects": [CLAIM["id"]], "withdrawn": 36},
                 claims=[CLAIM, other])
    assert [f for f in found if f.category in ("load", "schema", "integrity")] == []
    [hit] = [f for f in found if f.rule == "E102"]
    assert hit.values["withdrawn"] == "36" and hit.values["withdrawn_value"] == 36
    assert hit.focus == "a#other"


def test_a_replacement_figure_no_corrected_claim_gives(tmp_path: Path) -> None:
    # 'corrects' names a claim that does not give the corrected figure: the record and its
    # note disagree (usually the wrong claim id), located at the replacement
    found = _run(tmp_path, {"evidence": NOTE, "corrects": [CLAIM["id"]], "withdrawn": 36,
                            "replacement": {"words": "at least 28", "value": 28}})
    [hit] = [f for f in found if f.rule == "I013"]
    assert "now gives at least 28" in hit.message
    assert hit.location.pointer == "/source/corrections/0/replacement"
