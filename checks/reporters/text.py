"""``path:line:col: severity CODE message``, then indented: the claims involved (each
at its own ``path:line:col``, with its speaker and evidence words), the fix, the review
of a reviewed finding (verdict, reason, reviewer, date) and the rule's name with the
finding's fingerprint (what a review in ``facts/reviews.yaml`` names)."""

from __future__ import annotations

from ..findings import ClaimRef
from ..pipeline import RunResult
from ._common import left_out, log_line, log_path, review_note


def _claim(c: ClaimRef) -> str:
    words = " / ".join(log_line(e, 300) for e in c.evidence)
    who = log_line(c.speaker or "no speaker", 120)
    return (f"    {log_path(c.path)}:{c.line}:{c.column}: "
            f"{log_line(c.id, 200)} ({who}): {words}")


class TextReporter:
    name = "text"
    description = "path:line:col: severity CODE message, claims indented (for terminals and CI logs)"

    def render(self, result: RunResult) -> str:
        lines = []
        for f in result.findings:
            loc = f.location
            status = " [reviewed]" if result.is_reviewed(f) else ""
            lines.append(f"{log_path(loc.path)}:{loc.line}:{loc.column}: {f.severity.value} "
                         f"{f.rule} {log_line(f.message, 4000)}{status}")
            lines += [_claim(c) for c in f.claims]
            if f.fix:
                lines.append(f"    fix: {log_line(f.fix, 1000)}")
            note = review_note(result, f)
            if note:
                lines.append(f"    reviewed: {log_line(note, 1500)}")
            lines.append(f"    fingerprint: {f.fingerprint} ({log_line(f.rule, 20)} "
                         f"{log_line(f.name, 100)})")
        if result.counts()["sources"] == 0:  # an empty run passes, but must not look checked
            lines.append("note: no fact records were found, so no claim was compared")
        lines.append(self._summary(result))
        return "\n".join(lines) + "\n"

    def _summary(self, result: RunResult) -> str:
        c = result.counts()
        by = {"error": 0, "warning": 0, "info": 0}
        for f in result.findings:
            by[f.severity.value] += 1
        verdict = "FAILED" if result.failed else "ok"
        reviewed = sum(map(result.is_reviewed, result.findings))
        return (f"{verdict}: {c['sources']} sources, {c['claims']} claims, {c['entities']} "
                f"entities; {by['error']} errors, {by['warning']} warnings, {by['info']} info; "
                f"{reviewed} reviewed{_left_out(left_out(result))} (fail-on {result.fail_on})")


def _left_out(files: int) -> str:
    if not files:
        return ""
    it = "they load and validate" if files > 1 else "it loads and validates"
    return f"; {files} file{'s' if files > 1 else ''} left out until {it}"
REPORTER = TextReporter()
