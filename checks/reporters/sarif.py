"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; the driver lists every rule that appears, with its docstring as
short/full description and help (text and Markdown), and ``helpUri`` its section of
``docs/rules.md`` in the harness's repository (an absolute URI, §3.49.12). Each finding is a result
at its edit location (repository-relative, under ``%SRCROOT%``); its message
quotes each claim's speaker and evidence words, the other claims are related
locations linked from the message, and our line-free
fingerprint goes in ``partialFingerprints`` so alerts survive edits. Reviewed
findings carry an external suppression with the review as justification.
"""

from __future__ import annotations

import os
import re
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

from .. import __version__, ruledocs
from ..engine import RuleSpec
from ..findings import ClaimRef, Finding, Location
from ..pipeline import RunResult
from ._common import (
    SARIF_LEVEL,
    TOOL,
    clean,
    clean_data,
    doc_parts,
    dumps,
    inert_json,
    is_relative,
    label,
    one_line,
    review_note,
    spec,
    uri,
)

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "factChecks/v1"
SRCROOT = "%SRCROOT%"
MESSAGE_LIMIT = 8000
# GitHub keeps at most this many related locations per result.
RELATED_LIMIT = 100


def _text(text: str) -> str:
    """Record text inside a SARIF plain-text message (§3.11.5, §3.11.6).

    Braces would read as placeholders and ``[x](y)`` as an embedded link, so
    braces are doubled and brackets (and the backslash that escapes them)
    are escaped: record words can never link anywhere.
    """
    text = clean(text).replace("{", "{{").replace("}", "}}")
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _physical(path: str, line: int, column: int) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri(path), "uriBaseId": SRCROOT} if is_relative(path) \
        else {"uri": _absolute_uri(path)}
    return {"artifactLocation": artifact, "region": {"startLine": line, "startColumn": column}}


def _absolute_uri(path: str) -> str:
    """A file outside the repository (named on the command line: '../x.yaml'): without a
    uriBaseId the URI must be absolute (SARIF 2.1.0 §3.4.3); a relative one was read
    against the repository root by viewers, naming another file."""
    full = PurePath(os.path.abspath(path)).as_posix()
    return ("file://" if full.startswith("/") else "file:///") + uri(full)


def _related(refs: list[ClaimRef]) -> list[dict[str, Any]]:
    return [{"id": i, "physicalLocation": _physical(r.path, r.line, r.column),
             "message": {"text": _text(_claim_words(r))}}
            for i, r in enumerate(refs[:RELATED_LIMIT], start=1)]


def _claim_words(ref: ClaimRef) -> str:
    words = " / ".join(one_line(e, 500) for e in ref.evidence) or "(no evidence)"
    return f"{label(ref)} ({ref.speaker or 'no speaker'}): {words}"


def _others(f: Finding) -> list[ClaimRef]:
    """The claims other than the one the finding is located at."""
    loc: Location = f.location
    return [c for c in f.claims if (c.path, c.line, c.column) != (loc.path, loc.line, loc.column)]


# Claims whose words the message quotes; all of them are related locations (up to GitHub's).
WORDS_LIMIT = 20


def _message(f: Finding, related: list[dict[str, Any]], refs: list[ClaimRef]) -> str:
    """The finding's message, then each claim with its speaker and evidence words (GitHub
    shows a result's message, not its related locations' messages: the words that carry
    each claim were out of a reader's sight), each other claim linked to its related
    location (§3.11.6), then the fix."""
    text = _text(one_line(f.message, MESSAGE_LIMIT))
    links = {id(r): i for i, r in enumerate(refs[:len(related)], start=1)}
    lines = [_claim_line(c, links.get(id(c))) for c in f.claims[:WORDS_LIMIT]]
    if len(f.claims) > WORDS_LIMIT:
        shown = [f"[{_text(label(r))}]({links[id(r)]})" for r in refs[:len(related)]
                 if r not in f.claims[:WORDS_LIMIT]]
        more = f"{len(f.claims) - WORDS_LIMIT} more claims"
        lines.append(f"- {more}: {', '.join(shown)}" if shown else f"- {more}")
    if lines:
        text += "\nClaims:\n" + "\n".join(lines)
    if f.fix:
        text += f"\nFix: {_text(one_line(f.fix, 2000))}"
    return text


def _claim_line(ref: ClaimRef, link: int | None) -> str:
    name = _text(label(ref))
    shown = f"[{name}]({link})" if link else f"{name} (here)"
    words = " / ".join(f"“{_text(one_line(e, 300))}”" for e in ref.evidence) or "(no evidence)"
    return f"- {shown} ({_text(ref.speaker or 'no speaker')}): {words}"


def _result(f: Finding, index: dict[str, int], result: RunResult) -> dict[str, Any]:
    refs = _others(f)
    related = _related(refs)
    loc = f.location
    out: dict[str, Any] = {
        "ruleId": f.rule, "ruleIndex": index[f.rule], "level": SARIF_LEVEL[f.severity],
        "message": {"text": _message(f, related, refs)},
        "locations": [{"physicalLocation": _physical(loc.path, loc.line, loc.column)}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": _properties(f),
    }
    if related:
        out["relatedLocations"] = related
    note = review_note(result, f)
    if note:
        out["suppressions"] = [{"kind": "external", "status": "accepted",
                                "justification": clean(note)}]
    return out


def _properties(f: Finding) -> dict[str, Any]:
    data = f.model_dump(mode="json")
    props = {"category": f.category, "tags": [f.category], "focus": data["focus"],
             "claims": [label(c) for c in f.claims], "values": data["values"]}
    if data["value"] is not None:
        props["value"] = data["value"]
    if f.location.pointer:  # the field a schema error is about (/claims/0/says/stance)
        props["pointer"] = f.location.pointer
    if f.fix:
        props["fix"] = f.fix
    cleaned = clean_data(props)
    assert isinstance(cleaned, dict)
    return cleaned


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[.\-_ ]+", name) if part)


def _rule(code: str, rule: RuleSpec | None, sample: Finding, rules_url: str | None
          ) -> dict[str, Any]:
    if rule is None:  # a code the registry does not know: describe it from the finding
        return {"id": code, "name": _pascal(sample.name),
                "shortDescription": {"text": clean(sample.name)},
                "defaultConfiguration": {"level": SARIF_LEVEL[sample.severity]},
                "properties": {"category": sample.category, "tags": [sample.category]}}
    summary, body = doc_parts(rule)
    explanation = body.split("\n\nFires:")[0].strip() or summary
    out = {
        "id": code, "name": _pascal(rule.name),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": " ".join(explanation.split())},
        "help": {"text": f"{summary}\n\n{body}".strip(), "markdown": _markdown(summary, body)},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category],
                       "dottedName": rule.name},
    }
    # the rule's documentation (the configured rules-url, else its section of docs/rules.md),
    # where a viewer's "learn more" link leads
    link = ruledocs.help_uri(code, rules_url)
    if link:
        out["helpUri"] = link
    return out


def _markdown(summary: str, body: str) -> str:
    """The docstring as Markdown: indented example lines become code blocks."""
    return "\n".join([f"**{summary}**", "", *ruledocs.markdown_lines(body)]).strip()


def information_uri(root: Path) -> str | None:
    """Where to learn about the tool: the package's declared home page, else the
    repository on GitHub (inside Actions), else the repository's README."""
    try:
        declared: list[str] = metadata.metadata("fact-checks").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        declared = []
    for entry in declared:
        url = entry.split(",", 1)[-1].strip()
        if url.startswith("https://"):
            return url
    server, repo = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repo:
        return f"{server.rstrip('/')}/{uri(repo)}"
    readme = root / "README.md"
    return readme.resolve().as_uri() if readme.is_file() else None


def render_log(result: RunResult) -> dict[str, Any]:
    codes = sorted({f.rule for f in result.findings})
    index = {code: i for i, code in enumerate(codes)}
    samples = {f.rule: f for f in result.findings}
    configured = result.extra.get("rules_url")
    rules_url = configured if isinstance(configured, str) else None
    rules = [_rule(code, spec(code), samples[code], rules_url) for code in codes]
    driver: dict[str, Any] = {"name": TOOL, "version": __version__,
                              "semanticVersion": __version__, "rules": rules}
    info = information_uri(result.root)
    if info:
        driver["informationUri"] = info
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": True}],
        "originalUriBaseIds": {SRCROOT: {"uri": result.root.resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index, result) for f in result.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


class SarifReporter:
    name = "sarif"
    description = "SARIF 2.1.0 for GitHub code scanning and SARIF viewers"

    def render(self, result: RunResult) -> str:
        return inert_json(dumps(render_log(result))) + "\n"


REPORTER = SarifReporter()
