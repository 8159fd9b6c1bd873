"""``docs/rules.md``: every code's documentation on one page, one heading per code, so a
report can link each finding to its rule (SARIF ``helpUri``). The page is generated from
the docstrings (``python -m checks rules --format markdown > docs/rules.md``) and a test
holds it to them, as ``schemas --check`` holds the schemas to the models."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from . import __version__
from .engine import RuleSpec, registry
from .reporters._common import doc_parts

PAGE = "docs/rules.md"


def render() -> str:
    """The page: a heading per code (``## C101``, GitHub's anchor ``#c101``)."""
    out = ["# Rules", "",
           "Generated from the rules' docstrings by `python -m checks rules --format markdown`;",
           "do not edit. `python -m checks explain CODE` prints one of them.", ""]
    for rule in registry().values():
        out += _section(rule)
    return "\n".join(out).rstrip() + "\n"


def _section(rule: RuleSpec) -> list[str]:
    summary, body = doc_parts(rule)
    return [f"## {rule.code}", "",
            f"`{rule.name}` ({rule.category}, default {rule.severity.value}): {summary}", "",
            *markdown_lines(body), ""]


def markdown_lines(body: str) -> list[str]:
    """A docstring's body as Markdown: indented example lines become code blocks."""
    out: list[str] = []
    block: list[str] = []
    for line in [*body.splitlines(), ""]:
        if line.startswith("    "):
            block.append(line[4:])
            continue
        if block:
            out += ["```text", *block, "```"]
            block = []
        out.append(line)
    return out


def help_uri(code: str, template: str | None = None) -> str | None:
    """The absolute URI of ``code``'s documentation (SARIF 2.1.0 §3.49.12: the primary
    documentation of the rule, an absolute URI). ``template``: the configured
    ``rules-url`` (``{code}``, in lower case as the page's anchors are, and
    ``{version}``; "" for no link): a fork, a mirror or an intranet serves the page
    elsewhere, and a link that cannot be reached from where reports are read misleads.
    By default the section of the page in the repository the package names as its
    GitHub home page, or None when it names none."""
    if template is not None:
        return template.format(code=code.lower(), version=__version__) or None
    home = _home()
    return f"{home}/blob/main/{PAGE}#{code.lower()}" if home else None


@lru_cache(maxsize=1)
def _home() -> str | None:
    try:
        declared: list[str] = metadata.metadata("fact-checks").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in declared:
        url = entry.split(",", 1)[-1].strip().rstrip("/")
        if url.startswith("https://github.com/") and url.count("/") == 4:
            return url
    return None
