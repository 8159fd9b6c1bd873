"""GitLab Code Quality: every issue has the fields GitLab documents as
required (docs.gitlab.com, ci/testing/code_quality, "Code Quality report
format"), with a unique fingerprint and a repository-relative path."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import jsonschema
import pytest

from checks.pipeline import RunResult
from checks.reporters import REPORTERS

from .consumers.support import hostile_findings, seed_result

GITLAB_ISSUE = {
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
        "description": {"type": "string", "minLength": 1},
        "check_name": {"type": "string", "minLength": 1},
        "fingerprint": {"type": "string", "minLength": 1},
        "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
        "location": {
            "type": "object", "required": ["path", "lines"],
            "properties": {
                "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|\\./)"}},
                "lines": {"type": "object", "required": ["begin"],
                          "properties": {"begin": {"type": "integer", "minimum": 1}}},
            },
        },
    },
}
REPORT = {"type": "array", "items": GITLAB_ISSUE}


def render(result: RunResult) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(REPORTERS["codeclimate"].render(result))
    jsonschema.validate(issues, REPORT)
    return issues


def test_seed_issues_have_gitlabs_required_fields() -> None:
    result = seed_result()
    issues = render(result)
    assert len(issues) == len(result.findings) > 0
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_fp = {f.fingerprint: f for f in result.findings}
    for issue in issues:
        finding = by_fp[issue["fingerprint"]]
        assert issue["check_name"] == finding.rule
        assert issue["location"] == {"path": finding.location.path,
                                     "lines": {"begin": finding.location.line}}
        assert issue["description"].startswith(f"{finding.rule} ")
        expected = {"error": "major", "warning": "minor", "info": "info"}[finding.severity.value]
        assert issue["severity"] == expected


def test_hostile_text_stays_valid_json() -> None:
    seed = seed_result()
    result = dataclasses.replace(seed, findings=hostile_findings(12, 100_000))
    issues = render(result)
    for issue in issues:
        assert "\n" not in issue["description"] and len(issue["description"]) <= 2200
        assert not any(ord(ch) < 32 for ch in issue["description"])


def test_reviewed_findings_are_info_with_the_review() -> None:
    seed = seed_result()
    target = next(f for f in seed.findings if f.severity.value != "info")
    result = seed_result(reviewed={target.fingerprint: {"verdict": "accurate",
                                                        "reason": "quoted in both"}})
    issue = next(i for i in render(result) if i["fingerprint"] == target.fingerprint)
    assert issue["severity"] == "info"
    assert issue["description"].endswith("(reviewed: accurate: quoted in both)")


def test_the_schema_does_reject_a_broken_issue() -> None:
    issues = render(seed_result())
    del issues[0]["location"]["lines"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(issues, REPORT)
