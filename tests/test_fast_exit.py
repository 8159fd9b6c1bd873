"""``python -m checks`` ends without tearing down the run's objects (``os._exit``): what
it printed still arrives whole, and the exit codes keep their meaning."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "checks", *args], cwd=cwd,
                          capture_output=True, timeout=300, check=False)


def test_piped_report_arrives_whole_with_exit_0() -> None:
    proc = _cli("check", "--format", "json", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)  # a cut-off stream would not parse
    assert report["summary"]["total"] == len(report["findings"]) > 0


def test_findings_exit_1_and_usage_exit_2(tmp_path: Path) -> None:
    shutil.copytree(REPO / "facts", tmp_path / "facts")
    broken = tmp_path / "facts" / "broken.yaml"
    broken.write_text("source: [unclosed\n", encoding="utf-8")
    proc = _cli("validate", "--root", str(tmp_path), "--format", "text", cwd=tmp_path)
    assert proc.returncode == 1
    assert b"facts/broken.yaml:" in proc.stdout
    assert _cli("no-such-command").returncode == 2
