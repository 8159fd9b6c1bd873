"""Shared by the format tests: the seed run, hostile findings, and the real
consumers (found, or skipped outside CI, or failed in CI)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from checks.config import load_config
from checks.engine import select
from checks.findings import ClaimRef, Finding, Location, Severity
from checks.pipeline import RunResult, execute

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"

# Record text that tries to escape its place in each format.
HOSTILE = [
    "line one\n::set-output name=x::pwned",
    "::add-mask::secret and ##[add-mask]secret and ##[set-output name=y]z",
    "\r\n::error file=evil.yaml,line=1::forged\r",
    "controls \x00\x01\x08\x0b\x0c\x1b[31m\x7f\x85\x9f \u2028 \u2029 \u202e \ud800 \uffff end",
    "percent %0A::warning::literal %25 and 100% sure, with: colons",
    "@octocat and @org/team, mail someone@example.com, see #123 and owner/repo#45",
    "[link](https://evil.example) ![img](https://evil.example/x.png) <https://evil.example>",
    "<img src=x onerror=alert(1)> <script>alert(1)</script> <!-- hidden --> &amp;",
    "a | b\n| --- | --- |\n| c | d |",
    "https://evil.example/path www.evil.example ftp://evil.example",
    "$x^2$ **bold** _em_ `code` ~~strike~~ > quote # heading",
    "braces {0} {{1}} and [here](1) and back\\slash \\[",
]


def seed_result(**extra: object) -> RunResult:
    """The checks run on the bundled seed corpus (facts/)."""
    config = load_config(REPO)
    result = execute([REPO / "facts"], REPO, config, select(config))
    result.extra.update(extra)
    return result


def hostile_findings(n: int = 1, message_length: int = 0) -> list[Finding]:
    """Findings whose every record-derived string is hostile."""
    out = []
    for i in range(n):
        text = HOSTILE[i % len(HOSTILE)] + ("x" * message_length)
        claims = tuple(
            ClaimRef(source=f"src-{i}", claim=f"c{j}", speaker=HOSTILE[(i + j) % len(HOSTILE)],
                     evidence=(HOSTILE[(i + j + 1) % len(HOSTILE)], text),
                     path=f"{'::add-mask::' if i % 2 else 'facts/'}hostile, {j}: %0A.yaml",
                     line=3 + j, column=1 + j)
            for j in range(2))
        severity = (Severity.error, Severity.warning, Severity.info)[i % 3]
        out.append(Finding(rule="C101", name="conflict.contradiction", category="conflict",
                           severity=severity, message=text, fix=HOSTILE[(i + 2) % len(HOSTILE)],
                           focus=f"src-{i}#c0", values={"said": text, "n": i},
                           value=HOSTILE[(i + 3) % len(HOSTILE)],
                           location=Location(path=claims[0].path, line=claims[0].line,
                                             column=claims[0].column),
                           claims=claims, fingerprint=f"{i:020x}"))
    return out


def hostile_result(n: int = len(HOSTILE), message_length: int = 0, **extra: object) -> RunResult:
    seed = seed_result()
    return dataclasses.replace(seed, findings=hostile_findings(n, message_length),
                               extra=dict(extra))


# A file name that forges a log line and hides text in a terminal (ESC [8m: concealed).
FORGING_PATH = "facts/x\nok.yaml:1:1: info Z000 all good \x1b[8m##[error]e\u202e.yaml"


def renamed(result: RunResult, path: str = FORGING_PATH) -> RunResult:
    """The hostile run with every finding and claim located in the file ``path``."""
    findings = [f.model_copy(update={
        "location": f.location.model_copy(update={"path": path}),
        "claims": tuple(c.model_copy(update={"path": path}) for c in f.claims)})
        for f in result.findings]
    return dataclasses.replace(result, findings=findings)


def require(found: object, what: str, install: str) -> None:
    """Skip outside CI when a consumer is missing; in CI that is a failure."""
    if found:
        return
    message = f"{what} is not installed ({install})"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def node_tool(relative: str) -> Path | None:
    path = NODE_MODULES / relative
    return path if path.exists() and shutil.which("node") else None


def sarif_multitool() -> Path:
    """The platform binary the npm package resolves to (its bin.js wrapper runs it
    through a shell, which would split the "Gh;Sarif" argument at the semicolon)."""
    tool = None
    if node_tool("@microsoft/sarif-multitool/package.json"):
        found = run(["node", "-e", "console.log(require('@microsoft/sarif-multitool'))"],
                    cwd=HERE)
        candidate = Path(found.stdout.strip())
        tool = candidate if found.returncode == 0 and candidate.is_file() else None
    require(tool, "the SARIF Multitool", "npm ci in tests/consumers")
    assert tool is not None
    return tool


def sarif_schema() -> Path:
    schema = NODE_MODULES / "@microsoft/sarif-multitool-linux/sarif-2.1.0.json"
    found = sorted(NODE_MODULES.glob("@microsoft/sarif-multitool-*/sarif-2.1.0.json"))
    require(found, "the SARIF 2.1.0 schema (shipped with the SARIF Multitool)",
            "npm ci in tests/consumers")
    return schema if schema.exists() else found[0]


def run(args: list[str | Path], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300,
                          check=False, **kw)  # type: ignore[call-overload]
