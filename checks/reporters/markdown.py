"""A Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Counts first, then the findings (the new ones first when the run marks some
as new), each with both sides' evidence words and places, its fingerprint, then
the reviewed findings with their verdicts. Ids, fingerprints and plain paths are
code spans, copied as they are into ``facts/reviews.yaml``. Record text is inert:
every ASCII punctuation character is backslash-escaped (no links, images, HTML,
emphasis, math or table breaks), line breaks become spaces, and a zero-width
space after ``@`` (before a letter or digit) and ``#`` (before a digit) stops
GitHub's mention and issue-reference filters. The document stays under
GitHub's 1 MiB limit for step summaries: past it, findings are left out with
a note saying how many and where the full report is.
"""

from __future__ import annotations

import re
import string

from ..findings import Finding
from ..pipeline import RunResult
from ._common import counts, full_report, label, new_fingerprints, one_line, ordered, review_note

LIMIT = 1024 * 1024  # bytes; GitHub's limit for a step summary
MARKER = "<!-- fact-checks report -->"
_PUNCT = re.compile("([" + re.escape(string.punctuation) + "])")
ZWSP = "\u200b"
# "@name" (a mention, or an e-mail address) and "#12" (an issue reference; "#army" is
# none: a reference is digits, and a claim id "source#claim" must stay copyable).
_REFERENCE = re.compile(r"(@(?=[A-Za-z0-9])|#(?=[0-9]))")


def escape(text: object, limit: int = 1000) -> str:
    """Record text as inert inline Markdown, on one line."""
    escaped = _PUNCT.sub(r"\\\1", one_line(text, limit))
    # Mentions (@user) and issue references (#12) are found by GitHub after
    # rendering, where escapes are gone: an invisible break keeps them inert.
    return _REFERENCE.sub("\\1" + ZWSP, escaped)


# An id, a fingerprint or a plain path: shown as code, so that it is copied as it is into
# reviews.yaml. Escaped text puts a zero-width space in "#12" (and it put one in every
# "source#claim"): a claim id copied from the rendered comment held an invisible character
# and failed the reviews file's pattern. Code spans are never autolinked or referenced.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._#/:-]{0,299}")


def code(text: str) -> str:
    """``text`` as a code span when it is a plain id or path, else escaped text."""
    return f"`{text}`" if _PLAIN.fullmatch(text) else escape(text, 300)


def _place(path: str, line: int, column: int) -> str:
    return code(f"{path}:{line}:{column}") if _PLAIN.fullmatch(path) else \
        f"{escape(path, 300)}:{line}:{column}"


def _item(f: Finding, result: RunResult) -> list[str]:
    loc = f.location
    lines = [f"- **{f.severity.value} {escape(f.rule, 20)}** {escape(f.name, 100)} at "
             f"{_place(loc.path, loc.line, loc.column)}: {escape(f.message, 2000)}"]
    for c in f.claims:
        words = " / ".join(f"“{escape(e, 500)}”" for e in c.evidence) or "(no evidence)"
        lines.append(f"  - {code(label(c))} ({escape(c.speaker or 'no speaker', 100)}) at "
                     f"{_place(c.path, c.line, c.column)}: {words}")
    note = review_note(result, f)
    if note:
        lines.append(f"  - reviewed: {escape(note, 1200)}")
    elif f.fix:
        lines.append(f"  - fix: {escape(f.fix, 1000)}")
    lines.append(f"  - fingerprint {code(f.fingerprint)}")
    return lines


def _sections(result: RunResult) -> list[tuple[str, list[Finding]]]:
    findings = ordered(result)
    open_ = [f for f in findings if not result.is_reviewed(f)]
    reviewed = [f for f in findings if result.is_reviewed(f)]
    new = new_fingerprints(result)
    if new is None:
        groups = [("Findings", open_)]
    else:
        groups = [("New findings", [f for f in open_ if f.fingerprint in new]),
                  ("Known findings", [f for f in open_ if f.fingerprint not in new])]
    return [*groups, ("Reviewed findings", reviewed)]


def _header(result: RunResult) -> list[str]:
    by, c = counts(result), result.counts()
    reviewed = sum(1 for f in result.findings if result.is_reviewed(f))
    new = new_fingerprints(result)
    verdict = "FAILED" if result.failed else "passed"
    return [MARKER, f"## fact-checks: {verdict} (fail-on {escape(result.fail_on, 20)})", "",
            "| errors | warnings | info | reviewed | new |", "|---:|---:|---:|---:|---:|",
            f"| {by['error']} | {by['warning']} | {by['info']} | {reviewed} | "
            f"{'–' if new is None else sum(1 for f in result.findings if f.fingerprint in new)} |",
            "", f"{c['sources']} sources, {c['claims']} claims, {c['entities']} entities "
            f"in {c['files']} files.", ""]


class MarkdownReporter:
    name = "markdown"
    description = "Markdown summary for a pull-request comment or the job summary"

    def render(self, result: RunResult) -> str:
        limit = result.extra.get("markdown_limit", LIMIT)
        budget = (limit if isinstance(limit, int) else LIMIT) - 2048  # room for the note
        lines = _header(result)
        size = sum(len(x.encode()) + 1 for x in lines)
        left = 0
        for title, findings in _sections(result):
            if not findings:
                continue
            heading = ["", f"### {title} ({len(findings)})", ""]
            for i, f in enumerate(findings):
                if left:  # past the limit: counted, not rendered (most of a large archive's)
                    left += 1
                    continue
                block = (heading if i == 0 else []) + _item(f, result)
                cost = sum(len(x.encode()) + 1 for x in block)
                if size + cost > budget:
                    left += 1
                    continue
                lines += block
                size += cost
        if left:
            lines += ["", f"_{left} more findings not shown: this summary is cut to stay under "
                          f"GitHub's size limit. Full report: {escape(full_report(result), 400)}_"]
        return "\n".join(lines) + "\n"


REPORTER = MarkdownReporter()
