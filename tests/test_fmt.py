"""`fmt`: canonical layout, nothing lost, safe writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks import atomic
from checks.fmt import FormatError, _plain_data, comment_lines, format_text

REPO = Path(__file__).resolve().parent.parent
RECORD = """\
source:
  outlet: reuters
  id: x-1
  url: https://example.com/a
  headline: A headline
  published: {known: stated, date: 2021-04-12}
  text: {sha256: %s, path: texts/x.txt}
claims:
  # first claim
  - says: {predicate: warn, subject: russia}   # end of line
    evidence: yes
    id: c1

  # ---- second section
  - id: c2
    note: "no\\u00a0break"
    evidence: '0x1F'
    quantity: {unit: troops, value: 40000}
    when: on Monday
""" % ("0" * 64)


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checks", *args, "--root", str(root)],
                          capture_output=True, text=True, cwd=root, check=False)


def test_canonical_order_quoting_and_modeline() -> None:
    out = format_text(RECORD)
    assert out.startswith("# yaml-language-server: $schema=../schemas/record.schema.json\n")
    assert "  id: x-1\n  outlet: reuters\n" in out
    assert 'published: {date: "2021-04-12", known: stated}' in out
    assert "text: {path: texts/x.txt, sha256: " in out
    # a claim's keys in model order; its comments kept where they were
    assert "  - id: c1\n    evidence: \"yes\"\n    says: {subject: russia, predicate: warn}" \
        "   # end of line\n" in out
    assert "\n\n  # ---- second section\n  - id: c2\n" in out
    assert "    when: on Monday\n    quantity: {value: 40000, unit: troops}\n" in out
    assert '"no\\u00a0break"' in out and "'0x1F'" in out
    assert _plain_data(out) == _plain_data(RECORD)
    assert format_text(out) == out


def test_bundled_facts_pass_fmt_check() -> None:
    proc = run(REPO, "fmt", "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_bundled_facts_lose_nothing() -> None:
    for file in sorted((REPO / "facts").glob("*.yaml")):
        text = file.read_text("utf-8")
        out = format_text(text, file=file, root=REPO)
        assert _plain_data(out) == _plain_data(text)
        assert comment_lines(out) == comment_lines(text)


def test_check_reports_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir()
    file = tmp_path / "facts" / "r.yaml"
    file.write_text(RECORD, "utf-8")
    proc = run(tmp_path, "fmt", "--check")
    assert proc.returncode == 1 and "facts/r.yaml: would reformat" in proc.stdout
    assert file.read_text("utf-8") == RECORD
    file.chmod(0o640)
    assert run(tmp_path, "fmt").returncode == 0
    assert file.read_text("utf-8") == format_text(RECORD, file=file, root=tmp_path)
    assert (file.stat().st_mode & 0o777) == 0o640
    assert run(tmp_path, "fmt", "--check").returncode == 0
    assert [p.name for p in (tmp_path / "facts").iterdir()] == ["r.yaml"]  # no temp files


def test_broken_yaml_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir()
    file = tmp_path / "facts" / "bad.yaml"
    file.write_text("source:\n  id: [unclosed\n", "utf-8")
    proc = run(tmp_path, "fmt")
    assert proc.returncode == 2 and "not formatted" in proc.stderr
    assert file.read_text("utf-8") == "source:\n  id: [unclosed\n"
    with pytest.raises(FormatError):
        format_text("a: 1\na: 2\n")


def test_refuses_a_file_changed_since_read(tmp_path: Path) -> None:
    file = tmp_path / "r.yaml"
    file.write_text("one\n", "utf-8")
    _, snap = atomic.read(file)
    file.write_text("changed by someone else\n", "utf-8")
    with pytest.raises(atomic.WriteRefused, match="changed since it was read"):
        atomic.write(file, b"mine\n", root=tmp_path, expect=snap)
    assert file.read_text("utf-8") == "changed by someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.yaml"]


def test_interrupted_write_keeps_the_original(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "r.yaml"
    file.write_text("original\n", "utf-8")

    def crash(src: str, dst: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk gone"):
        atomic.write(file, b"new\n", root=tmp_path)
    assert file.read_text("utf-8") == "original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.yaml"]


def test_refuses_symlink_out_of_the_repository(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(RECORD, "utf-8")
    repo = tmp_path / "repo"
    (repo / "facts").mkdir(parents=True)
    (repo / "facts" / "r.yaml").symlink_to(outside)
    proc = run(repo, "fmt", "facts/r.yaml")
    assert proc.returncode == 2 and "outside the repository" in proc.stderr
    assert outside.read_text("utf-8") == RECORD


def test_seed_copy_formats_to_a_fixed_point(seed_repo: Path) -> None:
    shutil.copytree(REPO / "schemas", seed_repo / "schemas")
    assert run(seed_repo, "fmt").returncode == 0
    assert run(seed_repo, "fmt", "--check").returncode == 0
    assert run(seed_repo, "validate").returncode == 0


CUSTOM_MODELINES = (
    "# yaml-language-server: $schema=https://example.org/schemas/record.schema.json\n",
    "# yaml-language-server: $schema=../../shared/record.json\n",
    "# Curated by the desk.\n#yaml-language-server: $schema=./record.json\n",
)


@pytest.mark.parametrize("head", CUSTOM_MODELINES)
def test_a_files_own_modeline_is_kept(tmp_path: Path, head: str) -> None:
    (tmp_path / "facts").mkdir()
    file = tmp_path / "facts" / "r.yaml"
    canonical = format_text(RECORD, file=file, root=tmp_path).split("\n", 1)[1]
    file.write_text(head + canonical, "utf-8")
    out = format_text(file.read_text("utf-8"), file=file, root=tmp_path)
    assert out == head + canonical  # kept as written; the project's line is not added
    proc = run(tmp_path, "fmt", "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert run(tmp_path, "fmt").returncode == 0
    assert file.read_text("utf-8") == head + canonical


def test_the_projects_modeline_is_added_only_when_there_is_none() -> None:
    out = format_text("# a note above the data\n" + RECORD)
    assert out.startswith("# yaml-language-server: $schema=../schemas/record.schema.json\n"
                          "# a note above the data\n")
    assert out.count("yaml-language-server") == 1


FIXTURE_FILES = sorted(p for p in (REPO / "tests" / "fixtures").glob("*/facts/*.yaml"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_fmt_reads_the_data_it_keeps_as_the_standard_loader_does(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fmt's safety net (the data before and after must be equal) reads a file by libyaml
    when it can, as every other command does: the pure-Python parser read a 900 KB record
    twice more, 34 of fmt's 93 s. Either reader gives the same data and the same result."""
    assert len(FIXTURE_FILES) > 40  # the probes' records, registries and vocabularies
    text = path.read_text("utf-8")
    fast = (_plain_data(text), format_text(text))
    monkeypatch.setenv("FACT_CHECKS_FAST", "off")
    assert (_plain_data(text), format_text(text)) == fast
