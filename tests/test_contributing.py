"""CONTRIBUTING.md's steps, followed on a fresh temporary repository.

The shell blocks of the guide are run in order, as written (``python`` is this
interpreter). The two steps that need a person are done the way the guide
says: reviewing drafts (delete each ``draft: true``) and recording a reviewed
finding (a ``reviews:`` entry per finding, in the guide's YAML form).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "CONTRIBUTING.md"
ARTICLE = Path(__file__).parent / "extract_texts" / "flood.txt"


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", GUIDE.read_text("utf-8"), re.S)


def commands() -> list[list[str]]:
    """Each sh block's command lines (comments and blank lines dropped)."""
    out = []
    for block in blocks("sh"):
        lines = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
        out.append(lines)
    return out


@pytest.fixture
def fresh_repo(tmp_path: Path) -> Path:
    for name in ("facts", "schemas"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for cmd in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-qm", "seed"]):
        subprocess.run(git + cmd, cwd=tmp_path, check=True, capture_output=True)
    return tmp_path


def sh(repo: Path, line: str) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(line)
    if argv[0] == "python":
        argv[0] = sys.executable
    if argv[0] == "git":
        argv[1:1] = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
    return subprocess.run(argv, cwd=repo, capture_output=True, text=True, check=False)


def review_drafts(record: Path) -> None:
    text = record.read_text("utf-8")
    assert "draft: true" in text
    record.write_text(re.sub(r"^\s*draft: true\n", "", text, flags=re.M), "utf-8")


def record_reviews(repo: Path, report: Path) -> None:
    findings = [f for f in json.loads(report.read_text("utf-8"))["findings"]
                if f["status"] != "reviewed"]
    example = YAML(typ="safe").load(blocks("yaml")[1])["reviews"][0]
    reviews_file = repo / "facts" / "reviews.yaml"
    text = reviews_file.read_text("utf-8")
    for f in findings:
        entry = {**example, "fingerprint": f["fingerprint"], "rule": f["rule"],
                 "reason": f"Reviewed in the contributing test: {f['message'][:80]}"}
        text += "  - " + json.dumps(entry, ensure_ascii=False) + "\n"
    reviews_file.write_text(text, "utf-8")


def test_guide_has_the_numbered_steps() -> None:
    titles = re.findall(r"^## (\d)\. (.+)$", GUIDE.read_text("utf-8"), re.M)
    assert [t[0] for t in titles] == ["1", "2", "3", "4", "5", "6"]
    assert "yaml-language-server: $schema=" in GUIDE.read_text("utf-8")
    assert (REPO / ".vscode" / "settings.json").is_file()


def test_following_the_guide(fresh_repo: Path) -> None:
    new, entities, check, recheck, fmt, pr = commands()
    # 1. scaffold
    proc = sh(fresh_repo, new[0])
    assert proc.returncode == 0, proc.stderr
    record = next(fresh_repo.glob("facts/reuters-2024-05-15-*.yaml"))
    assert record.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    assert "is not registered" in proc.stderr  # the invented names are listed as warnings
    # the fresh record passes at the default level, fails with warnings counted
    assert sh(fresh_repo, "python -m checks validate").returncode == 0
    assert sh(fresh_repo, check[0]).returncode == 1
    # 2. review
    assert sh(fresh_repo, entities[0]).returncode == 0
    review_drafts(record)
    # 3. check
    proc = sh(fresh_repo, check[0])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = sh(fresh_repo, check[1])
    assert proc.returncode in (0, 1), proc.stderr
    # 4. record reviewed findings, then check passes
    record_reviews(fresh_repo, fresh_repo / "report.json")
    proc = sh(fresh_repo, recheck[0])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # 5. format
    assert sh(fresh_repo, fmt[0]).returncode == 0
    proc = sh(fresh_repo, fmt[1])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sh(fresh_repo, recheck[0]).returncode == 0
    # 6. the pull request's commit
    (fresh_repo / "report.json").unlink()
    for line in pr:
        proc = sh(fresh_repo, line)
        assert proc.returncode == 0, (line, proc.stderr)
    names = sh(fresh_repo, "git show --name-only --format= HEAD").stdout.split()
    assert f"facts/{record.name}" in names and f"facts/texts/{record.stem}.txt" in names
