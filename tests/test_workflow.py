"""The GitHub Actions workflow: accepted by the workflow schema and by actionlint, and
every harness command in it runs (no unknown format or option)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "fact-checks.yml"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def tool(name: str) -> str:
    """An external program, from PATH or beside this Python; skipped outside CI when missing."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found:
        return found
    if IN_CI:
        pytest.fail(f"{name} is required in CI (.ci/run installs it)")
    pytest.skip(f"{name} is not installed (pip install -e '.[test]'); required when CI=true")


def snapshot(dst: Path) -> Path:
    """A git repository holding this working tree's files (tracked and new, not ignored)."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "-c", "-o",
                             "--exclude-standard"], check=True, capture_output=True).stdout
    for rel in sorted({p for p in listed.decode().split("\0") if p}):
        src = ROOT / rel
        if src.is_file() and not src.is_symlink():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)
    git = ["git", "-C", str(dst), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], check=True)
    return dst


def _workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = YAML(typ="safe", pure=True).load(WORKFLOW.read_text("utf-8"))
    return data


def test_workflow_schema() -> None:
    exe = tool("check-jsonschema")
    done = subprocess.run([exe, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint() -> None:
    exe = tool("actionlint")
    if shutil.which("shellcheck") is None and IN_CI:
        pytest.fail("shellcheck is required in CI so actionlint checks the run: scripts")
    done = subprocess.run([exe, "-color=false", str(WORKFLOW)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_does_what_the_issue_asks() -> None:
    wf = _workflow()
    on = wf["on"]
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    steps = [s for job in wf["jobs"].values() for s in job.get("steps", [])]
    uses = {s["uses"].split("@")[0] for s in steps if "uses" in s}
    assert {"github/codeql-action/upload-sarif", "actions/upload-artifact",
            "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "--format github" in runs and "--format sarif" in runs and "--format junit" in runs
    assert "checks report --output site" in runs
    assert 'checks diff "$BASE_SHA"' in runs
    assert "secrets." not in WORKFLOW.read_text("utf-8")  # a fork has none
    # a pull request re-checks what it changed: the cache and its signing key are restored
    cached = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cached and ".fact-checks-cache" in cached[0] and "~/.cache/fact-checks" in cached[0]


def _commands() -> list[str]:
    """Every ``python -m checks`` command line of the workflow, continuations joined."""
    out = []
    for job in _workflow()["jobs"].values():
        for step in job.get("steps", []):
            script = step.get("run", "").replace("\\\n", " ")
            out += [line.strip() for line in script.splitlines()
                    if line.strip().startswith("python -m checks")]
    return out


def test_every_harness_command_in_the_workflow_runs(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = snapshot(tmp_path / "repo")
    (repo / "out").mkdir()
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    commands = _commands()
    assert len(commands) >= 8
    for line in commands:
        line = re.sub(r"\s*\|\|.*$", "", line)  # '|| status=$?' is the shell's business
        line = line.replace("$BASE_SHA", "HEAD").replace("$FAIL_ON", "error")
        argv = [sys.executable, *shlex.split(line)[1:]]
        done = subprocess.run(argv, cwd=repo, env=env,
                              capture_output=True, text=True)
        # 0 clean, 1 findings; 2 would be a usage error: an unknown option or format.
        assert done.returncode in (0, 1), f"{line}\n{done.stderr[-2000:]}"
    assert (repo / "site" / "index.html").is_file()
    for name in ("fact-checks.sarif", "fact-checks.junit.xml", "fact-checks.json", "diff.md"):
        assert (repo / "out" / name).stat().st_size > 0, name
