"""The benchmark suite at a size CI can afford: the generator is deterministic,
plants what its manifest says, writes records the harness accepts, and
``python -m benchmarks --articles 20 --json`` runs all three contenders.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import COMMANDS, commands_table
from benchmarks.generate import MAX_CLAIMS, MIN_CLAIMS, generate
from checks.config import Config
from checks.engine import select
from checks.pipeline import execute

REPO = Path(__file__).resolve().parent.parent


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_generator_is_deterministic_by_seed(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 20, seed=5)
    b = generate(tmp_path / "b", 20, seed=5)
    c = generate(tmp_path / "c", 20, seed=6)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert a == b
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert c["claims"] != a["claims"] or c["conflicts"] != a["conflicts"]


def test_manifest_counts_what_was_planted(tmp_path: Path) -> None:
    manifest = generate(tmp_path, 20, seed=5)
    records = sorted((tmp_path / "facts").glob("art-*.yaml"))
    assert len(records) == 20
    text = "".join(p.read_text("utf-8") for p in records)
    claims = text.count("\n  - id: ")
    assert claims == manifest["claims"]
    assert 20 * MIN_CLAIMS <= claims <= 20 * MAX_CLAIMS
    planted = text.count("stance: denies") + text.count("negated: true")
    assert planted == manifest["conflicts"] > 0
    gaps = text.count("mode: vague") + text.count("mode: unnamed")
    assert gaps == manifest["attribution_gaps"] > 0


def test_generated_corpus_passes_load_schema_and_integrity(tmp_path: Path) -> None:
    generate(tmp_path, 20, seed=5)
    config = Config()
    result = execute([tmp_path / "facts"], tmp_path, config,
                     select(config, only=["load", "schema", "integrity"]), rules=False)
    assert result.corpus.counts()["sources"] == 20
    assert [f for f in result.findings if f.severity.value == "error"] == []


def test_benchmark_command_runs_all_contenders(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--articles", "20", "--json",
                           "--workdir", str(tmp_path)], cwd=REPO, capture_output=True,
                          text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    row = json.loads(proc.stdout)
    for key in ("articles", "claims", "check_seconds", "check_jsonschema_seconds",
                "floor_seconds", "recheck_seconds", "peak_rss_mb"):
        assert key in row
    assert row["articles"] == 20 and row["claims"] > 0
    assert row["check_seconds"] > 0 and row["recheck_seconds"] > 0 and row["peak_rss_mb"] > 0
    assert row["recheck_identical"] is True
    missing = [k for k in ("check_jsonschema_seconds", "floor_seconds") if row[k] is None]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}: install the bench extras (pip install -e '.[bench]')")
        pytest.skip(f"{missing}: check-jsonschema / rapidyaml / jsonschema-rs not installed")
    assert row["check_jsonschema_seconds"] > 0 and row["floor_seconds"] > 0


def test_benchmark_json_for_several_sizes_keeps_the_named_fields(tmp_path: Path) -> None:
    """With several sizes, the largest one's figures stand at the top level (the fields
    the issue names), every size's under "runs", and the growth between them."""
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--articles", "4", "8", "--json",
                           "--no-verify", "--workdir", str(tmp_path)], cwd=REPO,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    obj = json.loads(proc.stdout)
    assert obj["articles"] == 8 and obj["check_seconds"] > 0 and "peak_rss_mb" in obj
    assert [r["articles"] for r in obj["runs"]] == [4, 8]
    assert obj["growth"]["from"] == 4 and obj["growth"]["to"] == 8
    assert obj["growth"]["time_ratio"] > 0


def test_benchmark_times_the_other_commands_of_a_pull_request(tmp_path: Path) -> None:
    """``--commands`` times validate, the report formats, report and diff on the changed
    corpus, each with its output written (a diff needs the corpus committed first)."""
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--articles", "6", "--json",
                           "--no-verify", "--commands", "--workdir", str(tmp_path)], cwd=REPO,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    timed = json.loads(proc.stdout)["commands"]
    assert list(timed) == [name for name, _, _ in COMMANDS]
    for name, figures in timed.items():
        assert figures["seconds"] > 0 and figures["peak_rss_mb"] > 0, name
        assert figures["output_mb"] > 0, name
    diff = json.loads((tmp_path / "reports-6" / "diff_json.out").read_text("utf-8"))
    assert diff["counts"]["new"] + diff["counts"]["resolved"] > 0  # the one edit shows
    assert (tmp_path / "reports-6" / "report_html" / "index.html").is_file()
    # the corpus is left as committed: the benchmark's edit was undone
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path / "corpus-6-seed1",
                            capture_output=True, text=True, check=True)
    assert status.stdout == ""


def test_commands_table_has_one_cell_per_command() -> None:
    figures = {"seconds": 1.25, "peak_rss_mb": 100.0, "output_mb": 2.0}
    row = {"articles": 1000, "commands": {name: figures for name, _, _ in COMMANDS}}
    lines = commands_table([row, {"articles": 10}]).splitlines()
    assert lines[0].count("|") == len(COMMANDS) + 2
    assert lines[2] == "| 1,000 | " + " | ".join(["1.2 s, 100 MiB, 2.0 MB"] * len(COMMANDS)) + " |"
    assert len(lines) == 3  # a size run without --commands has no row
    assert commands_table([{"articles": 10}]) == ""
