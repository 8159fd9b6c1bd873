"""SARIF: valid against the official 2.1.0 schema and clean under the SARIF
Multitool's SARIF and GitHub rules, on the seed corpus and on hostile text."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from checks.engine import registry
from checks.pipeline import RunResult
from checks.reporters import REPORTERS
from checks.reporters.sarif import FINGERPRINT_KEY, SRCROOT

from .consumers.support import (
    HOSTILE,
    hostile_result,
    run,
    sarif_multitool,
    sarif_schema,
    seed_result,
)


def render(result: RunResult) -> dict[str, Any]:
    text = REPORTERS["sarif"].render(result)
    log: dict[str, Any] = json.loads(text)
    return log


def multitool_problems(log: dict[str, Any], tmp_path: Path) -> list[str]:
    """Everything the Multitool reports for the log (errors, warnings and notes)."""
    source, out = tmp_path / "report.sarif", tmp_path / "validation.sarif"
    source.write_text(json.dumps(log), encoding="utf-8")
    done = run([sarif_multitool(), "validate", "--rule-kind", "Gh;Sarif",
                "--json-schema", sarif_schema(), "--output", out, source])
    assert out.exists(), done.stdout + done.stderr
    validation = json.loads(out.read_text(encoding="utf-8"))
    results = [r for run_ in validation["runs"] for r in run_.get("results", [])]
    notes = [n for run_ in validation["runs"] for inv in run_.get("invocations", [])
             for n in inv.get("toolExecutionNotifications", []) + inv.get(
                 "toolConfigurationNotifications", []) if n.get("level") == "error"]
    return [f"{r['ruleId']} {r.get('level', 'warning')}: {r['message']}" for r in results] + [
        json.dumps(n) for n in notes]


def test_seed_report_is_clean_under_the_multitool(tmp_path: Path) -> None:
    log = render(seed_result())
    assert log["runs"][0]["results"], "the seed corpus has findings to report"
    assert multitool_problems(log, tmp_path) == []


def test_seed_report_matches_the_official_schema() -> None:
    schema = json.loads(sarif_schema().read_text(encoding="utf-8"))
    jsonschema.validate(render(seed_result()), schema)


def test_hostile_and_long_text_stays_valid(tmp_path: Path) -> None:
    log = render(hostile_result(message_length=200_000))
    schema = json.loads(sarif_schema().read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    assert multitool_problems(log, tmp_path) == []


def test_every_rule_that_appears_is_described() -> None:
    result = seed_result()
    log = render(result)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.rule for f in result.findings})
    reg = registry()
    for rule in rules:
        spec = reg[rule["id"]]
        assert rule["shortDescription"]["text"] == spec.summary
        assert rule["fullDescription"]["text"]
        assert spec.summary in rule["help"]["text"] and rule["help"]["markdown"]
        assert "Fires:" in rule["help"]["text"] or spec.check is None
        level = {"error": "error", "warning": "warning", "info": "note"}[spec.severity.value]
        assert rule["defaultConfiguration"]["level"] == level
        assert rule["properties"]["category"] == spec.category


def test_results_point_at_the_edit_place_and_the_other_claims() -> None:
    result = seed_result()
    run_ = render(result)["runs"][0]
    assert run_["originalUriBaseIds"][SRCROOT]["uri"].endswith("/")
    rules = run_["tool"]["driver"]["rules"]
    for finding, res in zip(result.findings, run_["results"], strict=True):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == finding.rule
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": finding.location.path, "uriBaseId": SRCROOT}
        assert loc["region"] == {"startLine": finding.location.line,
                                 "startColumn": finding.location.column}
        assert res["partialFingerprints"] == {FINGERPRINT_KEY: finding.fingerprint}
        assert res["properties"]["category"] == finding.category
        related = res.get("relatedLocations", [])
        others = [c for c in finding.claims if (c.path, c.line, c.column) != (
            finding.location.path, finding.location.line, finding.location.column)]
        assert len(related) == len(others)
        for rel, claim in zip(related, others, strict=True):
            assert f"{claim.source}#{claim.claim}" in rel["message"]["text"]
            assert rel["physicalLocation"]["region"]["startLine"] == claim.line
            assert f"]({rel['id']})" in res["message"]["text"]  # linked from the message


def test_reviewed_findings_are_suppressed_with_the_review() -> None:
    first = seed_result()
    target = first.findings[0]
    result = seed_result(reviewed={target.fingerprint: {"verdict": "accurate",
                                                        "reason": "both outlets quote it"}})
    results = render(result)["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "external", "status": "accepted",
                                           "justification": "accurate: both outlets quote it"}]
    assert all("suppressions" not in r for r in results[1:])


def test_record_text_cannot_link_or_fill_placeholders() -> None:
    log = render(hostile_result())
    results = log["runs"][0]["results"]
    assert len(results) == len(HOSTILE)
    for res in results:
        own, _, listed = res["message"]["text"].partition("\nClaims:\n")
        # Outside our own links every bracket is escaped and every brace doubled.
        assert "](" not in own.replace("\\]", "")
        assert "{0}" not in own.replace("{{0}}", "")
        for line in listed.splitlines():  # "- [source#claim](n) (speaker): words"
            words = re.sub(r"^- \[[^\]]*\]\(\d+\)", "", line)
            assert "](" not in words.replace("\\]", "") and "{0}" not in words.replace("{{0}}", "")
        for rel in res.get("relatedLocations", []):
            assert "](" not in rel["message"]["text"].replace("\\]", "")
    # Lone surrogates would make the file unwritable as UTF-8.
    json.dumps(log, ensure_ascii=False).encode("utf-8")


def test_the_multitool_does_catch_a_broken_log(tmp_path: Path) -> None:
    log = render(seed_result())
    del log["runs"][0]["results"][0]["message"]
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert multitool_problems(log, tmp_path)


def test_the_shared_serialiser_writes_what_json_dumps_writes() -> None:
    """SARIF and Code Climate are written by pydantic's serialiser: the same text as
    ``json.dumps(indent=2, ensure_ascii=False)``, floats aside (written the shortest
    way), and the same values once parsed."""
    import json as std

    from checks.reporters._common import clean, dumps

    data = {"text": clean("caf\u00e9 \u201cquoted\u201d \"x\" back\\slash\ttab\nline \x00\x1f\x7f"
                          "\u202e bidi \ud800 lone"),
            "nested": [{"n": 3, "f": 40000.5, "none": None, "yes": True}, [], {}],
            "emoji": "\U0001f600", "empty": ""}
    assert dumps(data) == std.dumps(data, indent=2, ensure_ascii=False)
    floats = [1e16, 1.5e-7, 0.1, -0.0, 123456789.125]
    assert std.loads(dumps(floats)) == floats


def test_the_message_quotes_every_claim_with_its_speaker_and_words() -> None:
    """GitHub shows a result's message; a related location's message only behind its
    link. The claim the result is located at was in no related location, so its words
    (a C101's denial, an A401's own-voice sentence) were nowhere in the log."""
    result = seed_result()
    for finding, res in zip(result.findings, render(result)["runs"][0]["results"], strict=True):
        text = res["message"]["text"]
        for claim in finding.claims:
            assert f"{claim.source}#{claim.claim}" in text
            assert f"({claim.speaker or 'no speaker'}): " in text
            for words in claim.evidence:
                assert " ".join(words.split())[:60] in text
    located = [f for f in result.findings if any(
        (c.path, c.line, c.column) == (f.location.path, f.location.line, f.location.column)
        for c in f.claims)]
    assert located  # the case that was missing: a claim at the result's own place


def test_a_located_value_carries_its_json_pointer() -> None:
    """A schema error's region is a line and column of YAML; the field it is about
    (its JSON pointer, in the JSON report) was missing from the SARIF result."""
    seed = seed_result()
    f = seed.findings[0]
    pointed = f.model_copy(update={"location": f.location.model_copy(
        update={"pointer": "/claims/0/says/stance"})})
    result = dataclasses.replace(seed, findings=[pointed, *seed.findings[1:]])
    results = render(result)["runs"][0]["results"]
    assert results[0]["properties"]["pointer"] == "/claims/0/says/stance"
    assert all("pointer" not in r["properties"] for r, g in zip(results, result.findings,
                                                                strict=True) if not g.location.pointer)
