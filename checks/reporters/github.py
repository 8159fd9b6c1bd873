"""GitHub Actions workflow commands: one annotation per finding.

``::error title=...,file=...,line=...,col=...::message`` with the escaping of
``@actions/core`` (``escapeData``: ``%`` ``\\r`` ``\\n``; ``escapeProperty``: also
``:`` and ``,``) and its property order. Every output line is a workflow
command of ours, so record text can never start a line of its own: a message
holding ``\\n::add-mask::`` stays inside the annotation's data.

GitHub shows at most 10 annotations of each level per step, so at most 10 of
each are written (errors, warnings, and notices for info; new findings
first), then one notice says how many more there are and where the full
report is. Reviewed findings are not annotated; that notice counts them.
"""

from __future__ import annotations

from ..findings import Finding, Severity
from ..pipeline import RunResult
from ._common import claim_line, clean, full_report, one_line, ordered, shorten

PER_LEVEL = 10
MESSAGE_LIMIT = 4000
COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    """One workflow command line, as ``@actions/core``'s ``issueCommand`` writes it."""
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _message(f: Finding) -> str:
    lines = [one_line(f.message, 1500)]
    # each claim at its own place: the annotation sits on one line of one file only
    lines += [f"{claim_line(c, 200)} [{one_line(c.path, 200)}:{c.line}:{c.column}]"
              for c in f.claims[:10]]
    if len(f.claims) > 10:
        lines.append(f"... and {len(f.claims) - 10} more claims")
    if f.fix:
        lines.append(f"Fix: {one_line(f.fix, 500)}")
    # last, so that a long message cut to the limit cuts the claims, never the id
    return shorten("\n".join(lines), MESSAGE_LIMIT - 40) + f"\nFingerprint: {f.fingerprint}"


def parts(f: Finding) -> tuple[str, dict[str, str | int], str]:
    """(command, properties, message) of a finding's annotation."""
    loc = f.location
    # @actions/core's toCommandProperties order: title, file, line, endLine, col, endColumn.
    props: dict[str, str | int] = {"title": one_line(f"{f.rule} {f.name}", 200),
                                   "file": clean(loc.path), "line": loc.line, "col": loc.column}
    return COMMAND[f.severity], props, _message(f)


def annotation(f: Finding) -> str:
    return command(*parts(f))


def _summary(hidden: dict[Severity, int], reviewed: int, result: RunResult) -> str:
    parts = [f"{n} {s.value}" for s, n in hidden.items() if n]
    text = "fact-checks:"
    if parts:
        text += (f" {sum(hidden.values())} more findings not annotated ({', '.join(parts)};"
                 f" GitHub shows at most {PER_LEVEL} per level).")
    if reviewed:
        text += f" {reviewed} reviewed findings not annotated."
    return command("notice", {"title": "fact-checks: more findings"},
                   f"{text} Full report: {full_report(result)}")


class GithubReporter:
    name = "github"
    description = "GitHub Actions annotations (10 per level, then a notice with the rest)"

    def render(self, result: RunResult) -> str:
        shown: dict[Severity, int] = dict.fromkeys(Severity, 0)
        hidden: dict[Severity, int] = dict.fromkeys(Severity, 0)
        findings = [f for f in ordered(result) if not result.is_reviewed(f)]
        reviewed = len(result.findings) - len(findings)
        total = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        summary = bool(reviewed) or any(n > PER_LEVEL for n in total.values())
        # The summary is itself a notice: it takes one of the 10 notice places.
        room = {s: PER_LEVEL - (1 if summary and s is Severity.info else 0) for s in Severity}
        lines = []
        for f in findings:
            if shown[f.severity] < room[f.severity]:
                shown[f.severity] += 1
                lines.append(annotation(f))
            else:
                hidden[f.severity] += 1
        if summary:
            lines.append(_summary(hidden, reviewed, result))
        return "".join(line + "\n" for line in lines)


REPORTER = GithubReporter()
