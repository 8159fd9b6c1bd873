"""``path:line:col: severity CODE message``, then the claims involved, indented."""

from __future__ import annotations

from ..pipeline import RunResult
from ..textnorm import collapse_ws


def _one_line(text: str, limit: int = 160) -> str:
    # Record text must not be able to forge extra report lines.
    flat = collapse_ws("".join(ch if ch.isprintable() else " " for ch in text))
    # The Actions runner obeys '##[command]' anywhere in a log line: break it.
    flat = flat.replace("##[", "#\u2060#[")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class TextReporter:
    name = "text"
    description = "path:line:col: severity CODE message, claims indented (for terminals and CI logs)"

    def render(self, result: RunResult) -> str:
        lines = []
        for f in result.findings:
            loc = f.location
            status = " [reviewed]" if result.is_reviewed(f) else ""
            lines.append(f"{loc.path}:{loc.line}:{loc.column}: {f.severity.value} {f.rule} "
                         f"{_one_line(f.message, 400)}{status}")
            for c in f.claims:
                words = " / ".join(_one_line(e, 120) for e in c.evidence)
                lines.append(f"    {c.path}:{c.line}:{c.column}: {c.source}#{c.claim} "
                             f"({c.speaker or 'no speaker'}): {words}")
            if f.fix:
                lines.append(f"    fix: {_one_line(f.fix, 300)}")
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
                f"{reviewed} reviewed (fail-on {result.fail_on})")
REPORTER = TextReporter()
