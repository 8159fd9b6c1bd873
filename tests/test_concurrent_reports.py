"""Two runs of `check` writing the same report path at once never leave a
corrupt file, and a reader never sees half a report (issue 7)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_concurrent_writers_and_a_reader(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    cmd = [sys.executable, "-m", "checks", "check", "--root", str(REPO), "--format", "json",
           "--fail-on", "none", "--output", str(out)]
    procs = [subprocess.Popen(cmd, cwd=REPO) for _ in range(3)]
    seen = 0
    while any(p.poll() is None for p in procs):
        if out.exists():
            json.loads(out.read_text("utf-8"))  # never a partial document
            seen += 1
        time.sleep(0.01)
    assert all(p.returncode == 0 for p in procs)
    data = json.loads(out.read_text("utf-8"))
    assert data["summary"]["sources"] >= 2
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]  # no temp files left


def test_an_interrupted_write_leaves_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:
    from checks import atomic, cli

    out = tmp_path / "report.txt"
    out.write_text("old report\n", "utf-8")
    os.chmod(out, 0o640)

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(atomic.os, "replace", interrupted)
        with pytest.raises(KeyboardInterrupt):
            cli.write_output("new report\n", str(out))
    assert out.read_text("utf-8") == "old report\n"
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]
    cli.write_output("new report\n", str(out))
    assert out.read_text("utf-8") == "new report\n"
    assert out.stat().st_mode & 0o777 == 0o640  # the file's mode is kept
