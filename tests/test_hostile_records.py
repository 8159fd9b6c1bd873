"""Hostile records end as located findings and the run goes on (issue 7)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute

RECORD = "facts/rbt-2021-04-12-putin-wont-talk.yaml"


def findings(root: Path) -> list[Finding]:
    config = Config()
    result = execute([root / "facts"], root, config, select(config, only=["load", "schema",
                                                                          "integrity"]))
    return result.findings


def edit(root: Path, pattern: str, replacement: str) -> int:
    path = root / RECORD
    text = path.read_text("utf-8")
    m = re.search(pattern, text, re.M)
    assert m, pattern
    path.write_text(text[: m.start()] + replacement + text[m.end():], "utf-8")
    return text.count("\n", 0, m.start()) + 1


def codes_at(found: list[Finding], path: str = RECORD) -> dict[str, int]:
    return {f.rule: f.location.line for f in found if f.location.path == path}


@pytest.mark.parametrize("target", ["../../etc/passwd", "/etc/passwd", "texts/../../outside.txt"])
def test_text_path_may_not_leave_the_repository(seed_repo: Path, target: str) -> None:
    line = edit(seed_repo, r"path: texts/\S+", f"path: {target}")
    found = codes_at(findings(seed_repo))
    assert found.get("I006") == line


def test_text_path_through_a_symlink_out_of_the_repository(
        seed_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("secret", "utf-8")
    os.symlink(outside, seed_repo / "facts/texts/link.txt")
    line = edit(seed_repo, r"path: texts/\S+", "path: texts/link.txt")
    assert codes_at(findings(seed_repo)).get("I006") == line


@pytest.mark.parametrize(("content", "code"), [
    (None, "I006"), (b"", "I006"), (b"   \n", "I006"), (b"\xff\xfe not utf8", "I006"),
])
def test_archived_text_missing_empty_or_not_utf8(seed_repo: Path, content: bytes | None, code: str) -> None:
    text = seed_repo / "facts/texts/rbt-2021-04-12-putin-wont-talk.txt"
    if content is None:
        text.unlink()
    else:
        text.write_bytes(content)
    found = codes_at(findings(seed_repo))
    assert code in found
    assert "I004" not in found  # no cascade of "evidence missing" for an unreadable text


@pytest.mark.parametrize("name", [
    "Iuli\u0430 Mendel",        # Cyrillic a inside a Latin name
    "Iuliia\u200b Mendel",      # zero-width space
    "Iuliia \u202eMendel",      # right-to-left override
    "Iuliia\u180e Mendel",      # Mongolian vowel separator
    "Iuliia Mendel\U000e0041",  # a tag character
    "Iuliia Men\u034fdel",      # combining grapheme joiner
])
def test_homoglyphs_and_invisible_characters(seed_repo: Path, name: str) -> None:
    path = seed_repo / "facts/entities.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("name: Iuliia Mendel", f"name: {name}", 1), "utf-8")
    assert name not in text
    found = [f for f in findings(seed_repo) if f.rule == "I009"]
    assert found and found[0].location.path == "facts/entities.yaml"


@pytest.mark.parametrize(("pattern", "pointer"), [
    (r"^  headline: ", "/source/headline"), (r"by: \{speaker: ukraine, as: ", "/by/as"),
    (r"^    note: The headline", "/note")])
def test_a_direction_override_in_headline_source_name_or_note_is_flagged(
        seed_repo: Path, pattern: str, pointer: str) -> None:
    """Reviewers read the headline, the source's own name and the note as much as the
    evidence: a right-to-left override there reorders what they see."""
    record = seed_repo / "facts/rferl-2021-04-12-dialogue.yaml"
    text = record.read_text("utf-8")
    match = re.search(pattern, text, re.M)
    assert match is not None, pattern
    record.write_text(text[: match.end()] + "\u202e" + text[match.end():], "utf-8")
    found = [f for f in findings(seed_repo) if f.rule == "I009"]
    assert [f.location.pointer.endswith(pointer) for f in found] == [True], found
    assert found[0].location.line == text.count("\n", 0, match.start()) + 1


def test_cyrillic_letter_in_an_id_is_a_schema_error(seed_repo: Path) -> None:
    line = edit(seed_repo, r"speaker: mendel\b", "speaker: m\u0435ndel")
    assert codes_at(findings(seed_repo)).get("S001") == line


def test_evidence_matching_only_after_normalisation(seed_repo: Path) -> None:
    # The article uses a typographic apostrophe; the record types a straight one.
    line = edit(seed_repo, r"evidence: Iuliia Mendel, Zelenskiy’s spokeswoman",
                "evidence: Iuliia Mendel, Zelenskiy's spokeswoman")
    found = codes_at(findings(seed_repo))
    assert found.get("I007") == line and "I004" not in found


def test_decomposed_unicode_evidence(seed_repo: Path) -> None:
    text = seed_repo / "facts/texts/rbt-2021-04-12-putin-wont-talk.txt"
    raw = text.read_text("utf-8").replace("Kremlin spokesman", "Kre\u0301mlin spokesman")
    text.write_text(raw, "utf-8")
    found = findings(seed_repo)
    assert any(f.rule == "I005" for f in found)  # the pinned hash notices the edit


def test_dates_that_do_not_exist(seed_repo: Path) -> None:
    line = edit(seed_repo, r'date: "2021-04-12"', 'date: "2021-02-30"')
    assert codes_at(findings(seed_repo)).get("S001") == line


def test_a_large_record_is_refused_with_a_finding(seed_repo: Path) -> None:
    big = seed_repo / "facts/big.yaml"
    with big.open("wb") as fh:
        fh.write(b"source:\n  id: " + b"x" * (100 * 1024 * 1024) + b"\n")
    found = [f for f in findings(seed_repo) if f.location.path == "facts/big.yaml"]
    assert [f.rule for f in found] == ["L005"]
