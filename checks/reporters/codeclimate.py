"""GitLab Code Quality (a Code Climate issue list in JSON).

Each finding is an issue with the fields GitLab requires (``description``: the
message, then each claim's speaker and evidence words, the only text the widget shows;
``check_name``, ``fingerprint``, ``severity``, ``location.path``,
``location.lines.begin``) plus the Code Climate ones it ignores but other
readers use (``type``, ``categories``, ``other_locations`` for the other
claims, ``content.body``). Severity: info -> info, warning -> minor,
error -> major, and an error that stopped a file being read at all
(category ``load``) -> blocker. Reviewed findings stay listed, as ``info``,
with the review in the description, so the merge-request widget does not
count them as problems.
"""

from __future__ import annotations

from typing import Any

from ..findings import Finding, Severity
from ..pipeline import RunResult
from ._common import claim_line, clean, dumps, inert_json, one_line, ordered, review_note
from .markdown import escape

SEVERITY = {Severity.info: "info", Severity.warning: "minor", Severity.error: "major"}


def severity(f: Finding, reviewed: bool) -> str:
    if reviewed:
        return "info"
    if f.severity is Severity.error and f.category == "load":
        return "blocker"
    return SEVERITY[f.severity]


# Claims whose words the one-line description quotes (each excerpt cut at WORDS_CUT).
WORDS_SHOWN = 4
WORDS_CUT = 200


def _words(f: Finding) -> str:
    """The article's words behind each claim, for the description: GitLab's merge-request
    widget shows only the description, and "X says so, Y denies it" without what X and Y
    said sent a reviewer to the files to judge every finding."""
    quoted = [f"{c.speaker or 'no speaker'}: " + " / ".join(f"“{one_line(e, WORDS_CUT)}”"
                                                             for e in c.evidence)
              for c in f.claims[:WORDS_SHOWN] if c.evidence]
    if not quoted:
        return ""
    more = len(f.claims) - WORDS_SHOWN
    return " — words: " + "; ".join(quoted) + (f"; and {more} more claims" if more > 0 else "")


def issue(f: Finding, result: RunResult) -> dict[str, Any]:
    note = review_note(result, f)
    description = one_line(f"{f.rule} {f.message}{_words(f)}", 2000)
    if note:
        description += f" (reviewed: {note})"
    body = [escape(f.message, 5000), ""]
    # content.body is Markdown: record words go in escaped, as in the markdown format.
    body += [f"- {escape(claim_line(c), 2000)}" for c in f.claims]
    if f.fix:
        body += ["", f"Fix: {escape(f.fix, 2000)}"]
    return {
        "type": "issue",
        "check_name": f.rule,
        "description": description,
        "content": {"body": "\n".join(body)},
        "categories": ["Bug Risk"],
        "fingerprint": f.fingerprint,
        "severity": severity(f, bool(note)),
        "location": {"path": clean(f.location.path), "lines": {"begin": f.location.line}},
        "other_locations": [{"path": clean(c.path), "lines": {"begin": c.line}}
                            for c in f.claims if c.path != f.location.path
                            or c.line != f.location.line],
    }


class CodeClimateReporter:
    name = "codeclimate"
    description = "GitLab Code Quality JSON (Code Climate issues)"

    def render(self, result: RunResult) -> str:
        issues = [issue(f, result) for f in ordered(result)]
        return inert_json(dumps(issues)) + "\n"


REPORTER = CodeClimateReporter()
