"""The text reporter: one finding per line, its claims indented, nothing a log obeys."""

from __future__ import annotations

from checks.pipeline import RunResult
from checks.reporters import REPORTERS

from .consumers.support import hostile_result, renamed, seed_result


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
    # the finding, its claims, its fix and its fingerprint line; then the summary
    assert len(lines) == sum(2 + len(f.claims) + bool(f.fix) for f in result.findings) + 1
    assert_inert(lines)


def test_a_file_name_forges_no_line_and_hides_nothing() -> None:
    result = renamed(hostile_result(n=1))
    out = render(result)
    assert "\x1b" not in out and "\u202e" not in out
    lines = out.splitlines()
    assert len(lines) == 1 + len(result.findings[0].claims) + 1 + 1 + 1  # fix, id, summary
    assert not any(line.startswith("ok.yaml") for line in lines)
    # escaped, not dropped: the file can still be found from the report
    assert lines[0].startswith("facts/x\\nok.yaml:1:1: info Z000 all good \\x1b[8m#\u2060#[")
    assert "\\u202e.yaml:3:1: error C101 " in lines[0]
    assert_inert(lines)


def test_a_reviewed_finding_shows_the_review_and_each_finding_its_fingerprint() -> None:
    """A reader must see why a finding does not fail (the verdict, reason, reviewer and
    date) and the fingerprint a review names: the text report showed only '[reviewed]'
    and no fingerprint, though README says every report shows it."""
    seed = seed_result()
    target = seed.findings[0]
    result = seed_result(reviewed={target.fingerprint: {
        "verdict": "expected-disagreement", "reason": "both outlets quote it so",
        "reviewer": "desk", "date": "2026-12-01", "expires": "2027-01-31"}})
    out = render(result)
    block = out.split(f"{target.rule} ", 1)[1].split("\n")
    assert "    reviewed: expected-disagreement: both outlets quote it so (by desk, 2026-12-01, "\
        "until 2027-01-31)" in block
    assert f"    fingerprint: {target.fingerprint} ({target.rule} {target.name})" in block
    for f in result.findings:
        assert f"fingerprint: {f.fingerprint} ({f.rule} {f.name})" in out


def test_a_long_message_and_evidence_are_not_cut() -> None:
    """A Q202 'one statement, two figures' message names both figures past 400
    characters; the second was cut off with an ellipsis. Evidence was cut at 120."""
    result = hostile_result(n=1, message_length=1500)
    f = result.findings[0]
    out = render(result)
    assert "x" * 1500 in out.splitlines()[0] and "…" not in out.splitlines()[0]
    long_words = [e for c in f.claims for e in c.evidence if len(e) > 1000]
    assert long_words and all(("x" * 250) in out for _ in long_words)
