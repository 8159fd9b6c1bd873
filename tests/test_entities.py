"""`python -m checks entities`: names the registry lacks, grouped with the nearest one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checks", "entities", *args, "--root",
                           str(root)], capture_output=True, text=True, cwd=root, check=False)


def test_seed_corpus_lists_the_misspelling_near_its_name(seed_repo: Path) -> None:
    proc = run(seed_repo, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["name"]: r for r in json.loads(proc.stdout)}
    # RFE/RL writes "Volodomyr"; the registry has "Volodymyr"
    assert rows["Volodomyr"]["nearest_id"] == "zelenskiy"
    assert "rferl-2021-04-12-dialogue#mendel-request-made" in rows["Volodomyr"]["claims"]
    # registered names, aliases, role wordings and demonyms are not listed
    for known in ("Mendel", "Zelenskiy", "Kremlin", "Ukrainian", "Russian", "Western"):
        assert known not in rows
    # nothing from headlines (title case)
    assert not any("Troop" in name for name in rows)


def test_planted_names_grouped_with_suggestions(seed_repo: Path) -> None:
    record = seed_repo / "facts" / "rbt-2021-04-12-putin-wont-talk.yaml"
    text_file = seed_repo / "facts" / "texts" / "rbt-2021-04-12-putin-wont-talk.txt"
    text = text_file.read_text("utf-8")
    body = record.read_text("utf-8").replace(
        "    by: {speaker: mendel, as: she, mode: paraphrase}",
        "    by: {speaker: mendel, as: Jan Kowalski of the Baltic Monitoring Group, "
        "mode: paraphrase}")
    record.write_text(body, "utf-8")
    text_file.write_text(text, "utf-8")
    proc = run(seed_repo)
    assert proc.returncode == 0
    assert "Jan Kowalski" in proc.stdout
    assert "Baltic Monitoring Group" in proc.stdout
    assert "kind: organisation" in proc.stdout
    assert proc.stdout.index("near 'Volodymyr") < proc.stdout.index("not near any")
