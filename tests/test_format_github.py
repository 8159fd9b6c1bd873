"""GitHub annotations: written exactly as @actions/core writes them, read by a
port of the runner's parser as the intended commands and nothing else."""

from __future__ import annotations

import dataclasses
import json

import pytest

from checks.findings import Severity
from checks.pipeline import RunResult
from checks.reporters import REPORTERS
from checks.reporters._common import ordered
from checks.reporters.github import PER_LEVEL, annotation, command, parts

from .consumers import runner
from .consumers.support import HERE, HOSTILE, hostile_findings, node_tool, require, run, seed_result

CORE_NAMES = {"title": "title", "file": "file", "line": "startLine", "col": "startColumn"}


def actions_core(items: list[tuple[str, dict[str, str | int], str]]) -> list[str]:
    """The lines @actions/core itself writes for these annotations."""
    require(node_tool("@actions/core/package.json"), "@actions/core", "npm ci in tests/consumers")
    payload = [{"level": level, "message": message,
                "properties": {CORE_NAMES[k]: v for k, v in props.items()}}
               for level, props, message in items]
    done = run(["node", HERE / "annotate.mjs"], input=json.dumps(payload), cwd=HERE)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def render(result: RunResult) -> str:
    return REPORTERS["github"].render(result)


def hostile(n: int = len(HOSTILE), **extra: object) -> RunResult:
    seed = seed_result()
    return dataclasses.replace(seed, findings=hostile_findings(n), extra=dict(extra))


def test_seed_annotations_are_byte_identical_to_actions_core() -> None:
    result = seed_result()
    shown = [line for line in render(result).splitlines() if "title=fact-checks" not in line]
    expected = actions_core([parts(f) for f in result.findings])
    assert shown and set(shown) <= set(expected)
    total = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    summary = any(n > PER_LEVEL for n in total.values())
    room = {s: PER_LEVEL - (1 if summary and s is Severity.info else 0) for s in Severity}
    assert len(shown) == sum(min(total[s], room[s]) for s in Severity)


def test_hostile_text_is_escaped_exactly_as_actions_core_does() -> None:
    items: list[tuple[str, dict[str, str | int], str]] = [
        ("warning", {"title": text, "file": text, "line": 3, "col": 4}, text)
        for text in HOSTILE if "\ud800" not in text]
    ours = [command(level, props, message) for level, props, message in items]
    assert ours == actions_core(items)


def test_every_line_is_the_intended_command_and_round_trips() -> None:
    result = hostile()
    output = render(result)
    commands = runner.read(output)
    assert all(c is not None for c in commands), "every line is one of our commands"
    annotations = [c for c in commands if c and c.properties.get("title") != "fact-checks: more findings"]
    assert {c.name for c in commands if c} <= {"error", "warning", "notice"}
    for cmd, finding in zip(annotations, sorted(result.findings, key=lambda f: (
            -f.severity.rank, f.sort_key())), strict=True):
        level, props, message = parts(finding)
        assert cmd.name == level and cmd.data == message
        assert cmd.properties == {k: str(v) for k, v in props.items()}


def test_record_text_cannot_issue_workflow_commands() -> None:
    for cmd in runner.read(render(hostile())):
        assert cmd is not None and cmd.name in {"error", "warning", "notice"}


@pytest.mark.parametrize("text", [HOSTILE[0], HOSTILE[1], HOSTILE[2]])
def test_the_hostile_texts_would_inject_if_written_raw(text: str) -> None:
    # What the escaping prevents: the same words in a plain log line run commands.
    injected = [c for c in runner.read(f"log: {text}\n") if c is not None]
    assert injected and injected[0].name in {"set-output", "add-mask", "error"}


def test_at_most_ten_per_level_then_one_notice() -> None:
    result = hostile(40, full_report="the SARIF upload of this run")
    commands = [c for c in runner.read(render(result)) if c]
    by = {name: sum(1 for c in commands if c.name == name) for name in ("error", "warning")}
    notices = [c for c in commands if c.name == "notice"]
    assert by == {"error": PER_LEVEL, "warning": PER_LEVEL} and len(notices) == PER_LEVEL
    summary = notices[-1].data
    total = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    hidden = total[Severity.error] + total[Severity.warning] + total[Severity.info] - 29
    assert f"{hidden} more findings not annotated" in summary
    assert "the SARIF upload of this run" in summary


def test_full_report_points_at_the_workflow_run(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in (("GITHUB_SERVER_URL", "https://github.example"),
                       ("GITHUB_REPOSITORY", "org/repo"), ("GITHUB_RUN_ID", "42")):
        monkeypatch.setenv(key, value)
    summary = render(hostile(40)).splitlines()[-1]
    assert "https%3A//github.example/org/repo/actions/runs/42" not in summary  # data: no %3A
    assert "https://github.example/org/repo/actions/runs/42" in summary


def test_reviewed_findings_are_not_annotated() -> None:
    seed = seed_result()
    target = ordered(seed)[0]  # the first to be annotated
    result = seed_result(reviewed={target.fingerprint: {"verdict": "accurate", "reason": "x"}})
    output = render(result)
    assert annotation(target) in render(seed).splitlines()
    assert annotation(target) not in output.splitlines()
    commands = [c for c in runner.read(output) if c]
    assert "1 reviewed findings not annotated" in commands[-1].data


def test_auto_is_github_in_actions_and_text_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    result = seed_result()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert REPORTERS["auto"].render(result) == REPORTERS["github"].render(result)
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert REPORTERS["auto"].render(result) == REPORTERS["text"].render(result)
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert REPORTERS["auto"].render(result) == REPORTERS["text"].render(result)


def test_each_annotation_names_its_fingerprint_and_each_claims_place() -> None:
    """An annotation sits on one line of one file: the other claims' files and lines, and
    the fingerprint a review names, were nowhere in it. A message cut at the limit keeps
    its fingerprint."""
    result = seed_result()
    for f in result.findings:
        _, _, message = parts(f)
        assert message.endswith(f"\nFingerprint: {f.fingerprint}")
        for c in f.claims[:10]:
            assert f"[{c.path}:{c.line}:{c.column}]" in message
    long = hostile_findings(1, message_length=9000)[0]
    _, _, message = parts(long)
    assert len(message) <= 4000 and message.endswith(f"\nFingerprint: {long.fingerprint}")
