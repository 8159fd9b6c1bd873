"""Helpers shared by the machine-readable reporters (not a reporter itself).

Reporters never decide: they only present the run's findings. What they share
is how record text is made safe to put anywhere (no control characters, no
lone surrogates, bounded length), how reviews and "new" findings are read
from ``result.extra``, and how a rule's docstring splits into summary and body.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from urllib.parse import quote

import pydantic_core

from ..engine import RuleSpec, registry
from ..findings import ClaimRef, Finding, Severity
from ..pipeline import RunResult
from ..stages import LEFT_OUT_CODES
from ..textnorm import collapse_ws

TOOL = "fact-checks"
# SARIF and Code Climate have their own words for our three severities.
SARIF_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}

# C0 and C1 controls (tab and newline survive), lone surrogates, the two
# non-characters XML forbids, and bidirectional overrides/isolates, which
# reorder what a reader sees ("Trojan source"): each becomes U+FFFD, visibly.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                     "\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t]+")


def clean(text: object) -> str:
    """Record text made safe for JSON, XML and logs; line breaks kept as ``\\n``."""
    value = str(text)
    if value.isascii() and value.isprintable():  # no control, break or bidi character
        return value  # (most of a report's strings: two regex passes saved on each)
    return _UNSAFE.sub("\ufffd", _LINE_BREAKS.sub("\n", value))


def dumps(data: object) -> str:
    """JSON text indented by 2, non-ASCII written as is, by pydantic's serialiser (the
    JSON report's): ``json.dumps(indent=2)`` runs in Python, ten times slower on the
    hundreds of megabytes of a large archive's SARIF. Floats are written the shortest
    way (``1e16``, not ``1e+16``): the same numbers once parsed."""
    return pydantic_core.to_json(data, indent=2).decode("utf-8")


def one_line(text: object, limit: int = 1000) -> str:
    """Cleaned, on one line, at most ``limit`` characters (an ellipsis marks a cut)."""
    flat = _SPACES.sub(" ", clean(text).replace("\n", " ")).strip()
    return shorten(flat, limit)


# What a terminal or CI log shows, line by line (the text reporter, ``diff``): record
# text and file names must not forge a line, move the cursor or hide words (ESC
# sequences), nor be read by the Actions runner as a workflow command.
_INERT_HASH = "#\u2060#["  # "##[" with a word joiner: what the runner obeys anywhere


def log_line(text: object, limit: int = 160) -> str:
    """Record text on one log line: each unprintable character (control, line break,
    bidi or other format character) a space, spaces collapsed, "##[" broken."""
    flat = collapse_ws("".join(ch if ch.isprintable() else " " for ch in str(text)))
    return shorten(flat.replace("##[", _INERT_HASH), limit)


def log_path(path: str) -> str:
    """A file name on a log line: each unprintable character written as its escape
    (``\\x1b``, ``\\n``, ``\\u202e``: visible, and the file still findable), "##["
    and "::" (a command at a line's start, where a path is) broken."""
    shown = path if path.isprintable() else "".join(map(_visible, path))
    return shown.replace("##[", _INERT_HASH).replace("::", ":\u2060:")


def _visible(ch: str) -> str:
    return ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def clean_data(value: object) -> object:
    """A JSON-ready value (from ``model_dump(mode="json")``) with every string cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, Mapping):
        return {clean(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(v) for v in value]
    return value


def label(ref: ClaimRef) -> str:
    return f"{ref.source}#{ref.claim}"


def evidence(ref: ClaimRef, limit: int = 300) -> str:
    """The article's words for a claim, each excerpt on one line, joined by ' / '."""
    return " / ".join(one_line(e, limit) for e in ref.evidence)


def claim_line(ref: ClaimRef, limit: int = 300) -> str:
    """``source#claim (speaker): words`` on one line."""
    who = ref.speaker or "no speaker"
    return one_line(f"{label(ref)} ({who}): {evidence(ref, limit)}", limit + 200)


def reviews(result: RunResult) -> Mapping[str, Mapping[str, object]]:
    raw = result.extra.get("reviewed")
    return raw if isinstance(raw, Mapping) else {}


def review_note(result: RunResult, finding: Finding) -> str:
    """``verdict: reason`` of a reviewed finding, or "" when it is not reviewed."""
    if not result.is_reviewed(finding):
        return ""
    review = reviews(result).get(finding.fingerprint)
    if not isinstance(review, Mapping):
        return "reviewed"
    verdict = one_line(review.get("verdict") or "reviewed", 100)
    reason = one_line(review.get("reason") or "", 1000)
    note = f"{verdict}: {reason}" if reason else verdict
    signed = _signed(review)  # who concluded it and when: a reader weighs a verdict by them
    return f"{note} ({signed})" if signed else note


def _signed(review: Mapping[str, object]) -> str:
    """"by REVIEWER, DATE, until EXPIRES" of a review, as far as it gives them."""
    reviewer, date, expires = (review.get(k) for k in ("reviewer", "date", "expires"))
    parts = [f"by {one_line(reviewer, 200)}" if reviewer else "",
             one_line(date, 40) if date else "",
             f"until {one_line(expires, 40)}" if expires else ""]
    return ", ".join(p for p in parts if p)


def new_fingerprints(result: RunResult) -> set[str] | None:
    """Fingerprints the run marks as new (e.g. against a baseline), if it marks any."""
    raw = result.extra.get("new")
    if isinstance(raw, str) or not isinstance(raw, Iterable):
        return None
    return {str(fp) for fp in raw}


def ordered(result: RunResult) -> list[Finding]:
    """Most severe first; within a severity, new findings first, then by place."""
    new = new_fingerprints(result) or set()
    return sorted(result.findings, key=lambda f: (-f.severity.rank, f.fingerprint not in new,
                                                  f.sort_key()))


def spec(code: str) -> RuleSpec | None:
    return registry().get(code)


def doc_parts(rule: RuleSpec) -> tuple[str, str]:
    """(summary line, the rest of the docstring, dedented)."""
    lines = rule.doc.strip().splitlines()
    body = "\n".join(lines[1:]).strip("\n")
    return rule.summary, _dedent(body)


def _dedent(text: str) -> str:
    lines = text.splitlines()
    # The summary line of a docstring is unindented, the rest share the class indent.
    indents = [len(x) - len(x.lstrip()) for x in lines if x.strip()]
    cut = min(indents, default=0)
    return "\n".join(x[cut:] for x in lines).strip()


def counts(result: RunResult) -> dict[str, int]:
    by = {s.value: 0 for s in Severity}
    for f in result.findings:
        by[f.severity.value] += 1
    return by


def left_out(result: RunResult) -> int:
    """How many files the run left out: their claims, entities or reviews count nowhere."""
    return len({f.location.path for f in result.findings if f.rule in LEFT_OUT_CODES})


def is_relative(path: str) -> bool:
    posix = PurePosixPath(path.replace("\\", "/"))
    return not posix.is_absolute() and ".." not in posix.parts and ":" not in path.split("/")[0]


# printable_name's escape for a byte of a file name that is not UTF-8 (only bytes 0x80-0xff
# are undecodable alone; backslashreplace writes them in lower case)
_ESCAPED_BYTE = re.compile(rb"\\x([89a-f][0-9a-f])")


def uri(path: str) -> str:
    """A percent-encoded relative URI reference (RFC 3986) for a shown repository path.

    Shown paths are POSIX (``/`` between folders), so a backslash is part of a name (a
    POSIX file name may hold one: ``%5C``), except in ``\\xNN``, which
    :func:`checks.corpus.printable_name` writes for a byte of a name that is not UTF-8:
    that byte itself is percent-encoded, the URI of the real file (``caf%E9.yaml``). Turning
    backslashes into slashes named a folder that does not exist (``caf/xe9.yaml``)."""
    if "\\" not in path:
        return quote(path, safe="/")
    raw = _ESCAPED_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), path.encode("utf-8"))
    return quote(raw, safe="/")


def full_report(result: RunResult) -> str:
    """Where the complete list is: given by the caller, else this workflow run's page."""
    given = result.extra.get("full_report")
    if isinstance(given, str) and given:
        return one_line(given, 300)
    server, repo, run = (os.environ.get(k) for k in
                         ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    where = "run 'python -m checks check' for the full list"
    if server and repo and run:
        return f"{server.rstrip('/')}/{repo}/actions/runs/{run} (job summary and logs); {where}"
    return where


# A report printed to a GitHub Actions log is scanned line by line for
# workflow commands: "::name::" at a line's start and the older "##[name]"
# anywhere in a line. These escapes keep the same data but break both forms.
def inert_json(text: str) -> str:
    """JSON text with "##[" written as "##\\u005b" (the same string once parsed)."""
    return text.replace("##[", "##\\u005b")


def inert_xml(text: str) -> str:
    """XML text with "##[" and "::" written with character references."""
    return text.replace("##[", "##&#91;").replace("::", ":&#58;")
