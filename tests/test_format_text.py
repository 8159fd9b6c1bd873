"""The text reporter: one finding per line, its claims indented, nothing a log obeys."""

from __future__ import annotations

from checks.pipeline import RunResult
from checks.reporters import REPORTERS

from .consumers.support import hostile_result, renamed


def render(result: RunResult) -> str:
    return REPORTERS["text"].render(result)


def assert_inert(lines: list[str]) -> None:
    """No line a terminal or the Actions runner acts on (U+2060 is what breaks "##[")."""
    for line in lines:
        assert all(ch.isprintable() or ch == "\u2060" for ch in line), repr(line)
        assert "##[" not in line and not line.lstrip().startswith("::"), line


def test_each_finding_claim_and_fix_is_one_line() -> None:
    result = hostile_result()
    lines = render(result).splitlines()
    assert len(lines) == sum(1 + len(f.claims) + bool(f.fix) for f in result.findings) + 1
    assert_inert(lines)


def test_a_file_name_forges_no_line_and_hides_nothing() -> None:
    result = renamed(hostile_result(n=1))
    out = render(result)
    assert "\x1b" not in out and "\u202e" not in out
    lines = out.splitlines()
    assert len(lines) == 1 + len(result.findings[0].claims) + 1 + 1  # + fix + summary
    assert not any(line.startswith("ok.yaml") for line in lines)
    # escaped, not dropped: the file can still be found from the report
    assert lines[0].startswith("facts/x\\nok.yaml:1:1: info Z000 all good \\x1b[8m#\u2060#[")
    assert "\\u202e.yaml:3:1: error C101 " in lines[0]
    assert_inert(lines)
