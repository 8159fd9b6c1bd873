"""``report`` (and ``--format html``) show the whole corpus: their findings come from the
stored state when a re-check holds, and the corpus from the per-file cache. The page
must be byte-identical to a cold run's, with the same exit code, reviews included."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import _edit
from benchmarks.generate import generate

REPO = Path(__file__).resolve().parent.parent


def _report(root: Path, env: dict[str, str], name: str) -> tuple[int, bytes, str]:
    out = root.parent / name
    done = subprocess.run([sys.executable, "-m", "checks", "report", "--root", str(root),
                           "--output", str(out)], cwd=root, env=env, capture_output=True,
                          text=True, check=False, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, (out / "index.html").read_bytes(), done.stderr


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FACT_CHECKS_")}
    return dict(base, XDG_CACHE_HOME=str(tmp_path / "home"), FACT_CHECKS_DEBUG="1",
                FACT_CHECKS_TODAY="2026-01-01")


@pytest.mark.parametrize("corpus", ["generated", "seed"])
def test_report_from_the_stored_state_equals_a_cold_report(tmp_path: Path, env: dict[str, str],
                                                           corpus: str) -> None:
    root = tmp_path / "repo"
    if corpus == "seed":  # reviews of rule findings, archived texts, the real registry
        shutil.copytree(REPO / "facts", root / "facts")
        shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    else:
        generate(root, 30, seed=8)
    first = _report(root, env, "first")  # no state: a full run, which stores one
    assert "full run" in first[2]
    cold_env = dict(env, FACT_CHECKS_CACHE="off")
    assert first[:2] == _report(root, cold_env, "cold-first")[:2]
    if corpus == "generated":
        _edit(root)
    else:
        record = root / "facts" / "rbt-2021-04-12-putin-wont-talk.yaml"
        record.write_text(record.read_text("utf-8") + "# a comment moves nothing\n", "utf-8")
    warm = _report(root, env, "warm")
    assert "full run" not in warm[2], warm[2]
    cold = _report(root, cold_env, "cold")
    assert warm[:2] == cold[:2]
    if corpus == "generated":
        assert warm[1] != first[1], "the edit must show in the page"
