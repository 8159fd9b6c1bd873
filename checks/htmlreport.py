"""The HTML discrepancy report: one self-contained page a journalist can open offline.

``render(result)`` returns ``index.html``: counts at the top; findings grouped by
event (a proposition key: subject, predicate, object, in registry names and the
predicate's label), each with its rule, severity, review status, message and the
claims side by side (outlet, headline linked when the URL is http(s), speaker,
and the evidence marked inside its sentence from the archived text); filters by
severity, category, rule, source and status; and, for every proposition that two or
more sources cover, a matrix of sources: agrees, differs or silent (beyond
``MAX_SILENT_ROWS`` sources the silent ones are counted in one row, so the page
grows with the corpus, not with sources times propositions).

Safety: every piece of record text is escaped with ``html.escape(quote=True)``;
data reaches the script only through escaped ``data-`` attributes, never inside
``<script>``; a Content-Security-Policy allows only this page's own style and
script by their SHA-256 (``default-src 'none'``, no inline handlers, images
from ``data:`` only); links are made only for http(s) URLs. The output has no
timestamp, so the same run gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import BinaryIO
from urllib.parse import urlsplit

from . import __version__
from .corpus import ClaimInfo, Corpus, RecordInfo
from .findings import ClaimRef, Finding, Severity
from .model import Comparator, Mode, Part
from .pipeline import RunResult, write_pieces
from .rules._common import label, polarity, stance_phrase
from .rules._quantity import number
from .textnorm import collapse_ws

Key = tuple[str, str, str]
# A hostile record (one claim with 5,000 excerpts, a block of 5,000 claims) must not make a
# page of gigabytes: each finding shows this many claims, each claim this many excerpts.
MAX_CARDS = 40
MAX_EXCERPTS = 6
MAX_SILENT_ROWS = 30  # beyond this many sources, a coverage matrix counts the silent ones
CONTEXT_CHARS = 320  # at most this much sentence context on each side of an excerpt
FILES_TOKEN = "files"  # the source filter's value for findings on registry/vocabulary files
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)|\n")
_WS = re.compile(r"\s+")
_CLAIM_POINTER = re.compile(r"^/claims/(\d+)(?:/|$)")
_CMP_WORDS = {Comparator.eq: "", Comparator.about: "about ", Comparator.gt: "more than ",
              Comparator.ge: "at least ", Comparator.lt: "fewer than ", Comparator.le: "up to "}
_MODE_WORDS = {Mode.direct_quote: "direct quote", Mode.partial_quote: "partial quote",
               Mode.paraphrase: "paraphrase", Mode.own_voice: "outlet's own voice",
               Mode.unnamed: "unnamed source", Mode.vague: "vague attribution"}


# Code points HTML forbids in a document (controls other than ASCII whitespace, and
# noncharacters): record text carried them into the page raw (ESC, NUL and BEL from an
# evidence quote or a predicate label made the report non-conforming HTML, and ESC
# sequences reached a terminal showing its source). Each becomes U+FFFD, visibly.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
                        + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}"
                                  for plane in range(0, 0x110000, 0x10000)) + "]")


def esc(value: object) -> str:
    """Any value as HTML text: the only way record text reaches the page."""
    return html.escape(_FORBIDDEN.sub("\ufffd", str(value)), quote=True)


def safe_url(url: str) -> str | None:
    """The URL when it is a plain http(s) address a link may point to, else None."""
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@cache
def asset(name: str) -> str:
    return resources.files("checks").joinpath("templates", name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(style: str, script: str) -> str:
    return (f"default-src 'none'; style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


# ---------------------------------------------------------------- evidence


@lru_cache(maxsize=8192)  # a claim's card recurs in each of its findings
def in_context(text: str | None, excerpt: str) -> str:
    """The excerpt marked inside its sentence(s) of the archived text, as HTML."""
    start = text.find(excerpt) if text and excerpt else -1
    if text is None or start < 0:
        note = "not found verbatim in the archived text" if text else "no archived text"
        return f'<mark>{esc(collapse_ws(excerpt))}</mark> <span class="missing">({note})</span>'
    end = start + len(excerpt)
    before = _sentence_start(text, start)
    after = _sentence_end(text, end)
    lead = "… " if before > 0 and start - before >= CONTEXT_CHARS else ""
    tail = " …" if after < len(text) and after - end >= CONTEXT_CHARS else ""
    return (f"{lead}{esc(_flat(text[before:start]).lstrip())}<mark>{esc(_flat(excerpt))}</mark>"
            f"{esc(_flat(text[end:after]).rstrip())}{tail}")


def _flat(text: str) -> str:
    # Line breaks and runs of spaces read as one space; edges are kept so that
    # "word," stays joined to the mark.
    return _WS.sub(" ", text)


def _sentence_start(text: str, start: int) -> int:
    floor = max(0, start - CONTEXT_CHARS)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, start)]
    return ends[-1] if ends else floor


def _sentence_end(text: str, end: int) -> int:
    match = _SENTENCE_END.search(text, end, min(len(text), end + CONTEXT_CHARS))
    return match.end() if match else min(len(text), end + CONTEXT_CHARS)


# ------------------------------------------------------------------ model


@dataclass
class Group:
    """Findings about one event (a proposition key), or about one file."""

    title: str
    anchor: str
    key: Key | None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Page:
    """What the page is built from: the run, with claims looked up once."""

    result: RunResult
    claims: dict[tuple[str, str], ClaimInfo]
    by_pointer: dict[tuple[str, str], ClaimInfo]
    by_path: dict[str, str]  # record file -> source id

    @classmethod
    def of(cls, result: RunResult) -> Page:
        corpus = result.corpus
        claims = {(c.source.id, c.id): c for c in corpus.claims}
        by_pointer = {(c.doc.path, c.pointer): c for c in corpus.claims}
        by_path = {r.doc.path: r.record.source.id for r in corpus.records}
        return cls(result, claims, by_pointer, by_path)

    @property
    def corpus(self) -> Corpus:
        return self.result.corpus

    def claim(self, ref: ClaimRef) -> ClaimInfo | None:
        return self.claims.get((ref.source, ref.claim))

    def subject_claim(self, f: Finding) -> ClaimInfo | None:
        """The claim a finding is about: its focus, or the claim its location points into."""
        source, _, claim = f.focus.partition("#")
        if claim and (source, claim) in self.claims:
            return self.claims[(source, claim)]
        match = _CLAIM_POINTER.match(f.location.pointer)
        return self.by_pointer.get((f.location.path, match.group(0).rstrip("/"))) if match else None

    def sources_of(self, f: Finding) -> list[str]:
        ids = [r.source for r in f.claims]
        own = self.subject_claim(f)
        if own is not None:
            ids.append(own.source.id)
        if not ids and f.location.path in self.by_path:
            ids.append(self.by_path[f.location.path])
        return sorted(set(ids)) or [FILES_TOKEN]

    def review(self, f: Finding) -> tuple[str, dict[str, str]] | None:
        """("reviewed" or "expired", the review's fields as text), or None when never reviewed."""
        if self.result.is_reviewed(f):
            return "reviewed", self._entry("reviewed", f)
        expired = self.result.extra.get("expired")
        if isinstance(expired, Mapping) and f.fingerprint in expired:
            return "expired", self._entry("expired", f)
        return None

    def _entry(self, table: str, f: Finding) -> dict[str, str]:
        entries = self.result.extra.get(table)
        entry = entries.get(f.fingerprint) if isinstance(entries, Mapping) else None
        return {name: _field(entry, name) for name in REVIEW_FIELDS}


REVIEW_FIELDS = ("verdict", "reason", "reviewer", "date", "expires", "note")


def _field(entry: object, name: str) -> str:
    value = entry.get(name) if isinstance(entry, Mapping) else getattr(entry, name, None)
    return "" if value is None else str(getattr(value, "value", value))


def event_key(page: Page, f: Finding) -> Key | None:
    """The proposition a finding is about: the rule's own, its claim's, or its first claim's."""
    prop = f.values.get("proposition")
    if isinstance(prop, list | tuple) and len(prop) == 3 and all(isinstance(p, str) for p in prop):
        return (prop[0], prop[1], prop[2])
    own = page.subject_claim(f)
    if own is not None:
        return own.key
    first = next((c for c in map(page.claim, f.claims) if c is not None), None)
    return first.key if first is not None else None


def group_findings(page: Page) -> list[Group]:
    groups: dict[str, Group] = {}
    for f in page.result.findings:
        key = event_key(page, f)
        name = "|".join(key) if key else f"file|{f.location.path}"
        if name not in groups:
            title = label(page.corpus, key) if key else f"File: {f.location.path}"
            anchor = "e-" + hashlib.sha256(name.encode()).hexdigest()[:12]
            groups[name] = Group(title, anchor, key)
        groups[name].findings.append(f)
    for g in groups.values():  # the most severe first; stable, so file order otherwise
        g.findings.sort(key=lambda f: -f.severity.rank)
    return sorted(groups.values(), key=lambda g: (
        -max(f.severity.rank for f in g.findings), g.key is None, g.title))


# ------------------------------------------------------------ the matrix


def figure(ci: ClaimInfo, corpus: Corpus | None = None) -> str:
    """The claim's figure in words ('more than 40,000 troops in crimea'), or ''."""
    q = ci.claim.quantity
    if q is None:
        return ""
    if q.cmp is Comparator.range:
        amount = f"{_num(q.min)}–{_num(q.max)}"
    else:
        amount = _CMP_WORDS[q.cmp] + _num(q.value)
    places = [corpus.name(p) if corpus else p for p in q.scope]
    where = f" in {', '.join(places)}" if places else ""
    return f"{amount} {q.unit}{' each' if q.each else ''}{where}"


def _num(value: float | None) -> str:
    # Every digit the record gives (a row per claim: figures must not merge), positional.
    return "?" if value is None else number(value, None)


Position = tuple[int, str]


def position(ci: ClaimInfo) -> Position:
    """What a claim holds: polarity (+1 true, -1 false, 0 no side) and its figure."""
    return polarity(ci), figure(ci)


@dataclass(frozen=True)
class Row:
    record: RecordInfo
    state: str  # agrees, differs or silent
    claims: tuple[ClaimInfo, ...]


def matrix(corpus: Corpus, key: Key) -> list[Row]:
    """One row per source: its claims on the proposition and how they compare.

    A source's profile is the set of positions its claims take; the majority is
    the profile most covering sources share (no strict plurality: no majority).
    A source agrees when its profile is the majority's, differs otherwise, and
    is silent when it has no claim on the proposition.
    """
    per_source: dict[str, list[ClaimInfo]] = defaultdict(list)
    for ci in corpus.by_key.get(key, ()):
        per_source[ci.source.id].append(ci)
    profiles = {s: frozenset(map(position, cs)) for s, cs in per_source.items()}
    ranked = Counter(profiles.values()).most_common(2)
    majority = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    # The silent sources are listed only in a small corpus: a row for every source under
    # every proposition grows with their product (10,000 articles: hundreds of millions).
    # (per_source is in corpus order: a block lists its claims in the corpus's order.)
    if len(corpus.records) <= MAX_SILENT_ROWS:
        listed = corpus.records
    else:
        listed = [corpus.by_source[s] for s in per_source if s in corpus.by_source]
    rows = []
    for record in listed:
        sid = record.record.source.id
        claims = tuple(per_source.get(sid, ()))
        state = "silent" if not claims else "agrees" if profiles[sid] == majority else "differs"
        rows.append(Row(record, state, claims))
    return rows


def shared_keys(corpus: Corpus) -> list[Key]:
    """Propositions with claims in two or more sources, in label order."""
    keys = [k for k, block in corpus.by_key.items() if len({c.source.id for c in block}) >= 2]
    return sorted(keys, key=lambda k: label(corpus, k))


# ------------------------------------------------------------- rendering


def render(result: RunResult) -> str:
    return "".join(parts(result))


def write(result: RunResult, fh: BinaryIO) -> None:
    """The page into an open binary file: at 10,000 articles it is hundreds of
    megabytes, which as one string (and its joins) took gigabytes."""
    write_pieces(fh, parts(result))


def parts(result: RunResult) -> Iterator[str]:
    """``index.html`` piece by piece, in order."""
    page = Page.of(result)
    style, script = asset("report.css"), asset("report.js")
    groups = group_findings(page)
    policy = esc(content_security_policy(style, script))
    yield (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Fact-checks discrepancy report</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n"
    )
    yield from _joined((
        iter(['<a class="skip" href="#main">Skip to the report</a>']),
        iter([_header(page)]),
        iter(['<main id="main" tabindex="-1">']),
        iter([_summary(page)]),
        _findings(page, groups),
        _matrices(page),
        iter(["</main>"]),
        iter([f"<footer><p>fact-checks {esc(__version__)}. Every quotation is the article's "
              "own words as archived; check each finding against the linked article.</p>"
              "</footer>"]),
    ))
    yield f"\n<script>{script}</script>\n</body>\n</html>\n"


def _joined(sections: Iterable[Iterator[str]]) -> Iterator[str]:
    """``"\\n".join`` of the sections' texts, each section itself given in pieces."""
    for i, section in enumerate(sections):
        if i:
            yield "\n"
        yield from section


def _header(page: Page) -> str:
    failed = page.result.failed
    verdict = (f"Fails: findings at or above '{page.result.fail_on}' are not yet reviewed."
               if failed else "Passes: nothing fails the run.")
    return ("<header>\n<h1>Fact-checks discrepancy report</h1>\n"
            f'<p class="verdict">{esc(verdict)}</p>\n<nav aria-label="Sections"><ul>'
            '<li><a href="#summary">Summary</a></li><li><a href="#findings">Findings</a></li>'
            '<li><a href="#coverage">Coverage by source</a></li></ul></nav>\n</header>')


def _summary(page: Page) -> str:
    corpus, findings = page.corpus, page.result.findings
    by_severity = Counter(f.severity.value for f in findings)
    reviewed = sum(1 for f in findings if page.result.is_reviewed(f))
    counts = [("Sources", len(corpus.records)), ("Claims", len(corpus.claims)),
              ("Findings", len(findings))]
    counts += [(s.value.capitalize() + ("s" if s is not Severity.info else ""), by_severity[s.value])
               for s in Severity]
    counts += [("New", len(findings) - reviewed), ("Reviewed", reviewed)]
    cells = "".join(f"<div><dt>{esc(name)}</dt><dd>{n}</dd></div>" for name, n in counts)
    return ('<section aria-labelledby="summary"><h2 id="summary">Summary</h2>\n'
            f'<dl class="counts">{cells}</dl>\n{_source_table(corpus)}</section>')


def _source_table(corpus: Corpus) -> str:
    rows = []
    for record in corpus.records:
        s = record.record.source
        rows.append(f"<tr><th scope=\"row\">{esc(corpus.name(s.outlet))}</th>"
                    f"<td>{_headline(s.headline, s.url)}</td><td>{esc(s.published.date or 'unknown')}"
                    f"</td><td>{len(record.claims)}</td><td class=\"code\">{esc(s.id)}</td></tr>")
    return ("<table><caption>Sources</caption><thead><tr><th scope=\"col\">Outlet</th>"
            "<th scope=\"col\">Headline</th><th scope=\"col\">Published</th>"
            "<th scope=\"col\">Claims</th><th scope=\"col\">Source id</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _headline(headline: str, url: str) -> str:
    link = safe_url(url)
    if link is None:
        return f"{esc(headline)} <span class=\"meta\">(address: {esc(url)})</span>"
    return f'<a href="{esc(link)}" rel="noopener noreferrer nofollow">{esc(headline)}</a>'


def _findings(page: Page, groups: list[Group]) -> Iterator[str]:
    """The findings section, piece by piece (joined by line breaks)."""
    yield '<section aria-labelledby="findings"><h2 id="findings">Findings</h2>\n'
    yield _filters(page)
    if not groups:
        yield "\n<p>No findings.</p>"
    else:
        yield "\n" + _contents(groups)
    for g in groups:
        yield f'\n<section class="event"><h3 id="{g.anchor}">{esc(g.title)}</h3>'
        yield "\n" + _event_line(page, g)
        for f in g.findings:
            yield "\n" + _finding(page, f)
        yield "\n</section>"
    yield "\n</section>"


def _contents(groups: list[Group]) -> str:
    """Links to each event's findings, most severe first, with their counts: a page of
    many findings is read by event, and without this only scrolling found one."""
    items = []
    for g in groups:
        by = Counter(f.severity.value for f in g.findings)
        counts = ", ".join(f"{by[s.value]} {s.value}" for s in Severity if by[s.value])
        items.append(f'<li><a href="#{g.anchor}">{esc(g.title)}</a> '
                     f'<span class="meta">({counts})</span></li>')
    return (f'<details class="contents"><summary>Findings by event ({len(groups):,})</summary>'
            f'<ul>{"".join(items)}</ul></details>')


def _event_line(page: Page, g: Group) -> str:
    if g.key is None:
        return '<p class="meta">Problems with the file itself (loading, schema or registry).</p>'
    subject, predicate, obj = g.key
    terms = f"{subject} · {predicate}" + (f" · {obj}" if obj else "")
    return f'<p class="meta">Proposition <span class="code">{esc(terms)}</span></p>'


def _filters(page: Page) -> str:
    findings = page.result.findings
    categories = sorted({f.category for f in findings})
    severities = [s.value for s in Severity if any(f.severity is s for f in findings)]
    sources = sorted({s for f in findings for s in page.sources_of(f)})
    statuses = ["new", "reviewed"]
    rules = Counter(f.rule for f in findings)
    rule_names = {f.rule: f.name for f in findings}
    names = {r.record.source.id: f"{page.corpus.name(r.record.source.outlet)} ({r.record.source.id})"
             for r in page.corpus.records}
    names[FILES_TOKEN] = "Registry and other files"
    return (
        '<form id="filters" hidden aria-label="Filter findings">'
        + _fieldset("severity", "Severity", [(s, s) for s in severities])
        + _fieldset("category", "Category", [(c, c) for c in categories])
        + _fieldset("rule", "Rule", [(r, f"{r} {rule_names[r]} ({n})")
                                     for r, n in sorted(rules.items())])
        + _fieldset("source", "Source", [(s, names.get(s, s)) for s in sources])
        + _fieldset("status", "Status", [(s, s) for s in statuses])
        + '<button type="button" id="show-all">Show all findings</button></form>\n'
        f'<p id="shown" role="status" aria-live="polite">{len(findings)} findings.</p>'
    )


def _fieldset(name: str, legend: str, options: Iterable[tuple[str, str]]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="{name}" value="{esc(value)}" checked> '
        f"{esc(text)}</label>" for value, text in options)
    return f"<fieldset><legend>{esc(legend)}</legend>{boxes}</fieldset>"


def _finding(page: Page, f: Finding) -> str:
    fid = f"f-{esc(f.fingerprint)}"
    review = page.review(f)
    status = "reviewed" if review and review[0] == "reviewed" else "new"
    sources = " ".join(page.sources_of(f))
    loc = f.location
    parts = [
        f'<article class="finding sev-{f.severity.value}" id="{fid}" aria-labelledby="{fid}-h" '
        f'data-severity="{f.severity.value}" data-category="{esc(f.category)}" '
        f'data-rule="{esc(f.rule)}" data-status="{status}" data-sources="{esc(sources)}">',
        f'<h4 id="{fid}-h"><span class="badge sev-{f.severity.value}">{f.severity.value}</span>'
        f'<span class="badge st-{status}">{status}</span><span class="code">{esc(f.rule)}</span> '
        f"{esc(f.name)}</h4>",
        f'<p class="message">{esc(f.message)}</p>',
        _review_line(review),
        f'<p class="meta">Fix: {esc(f.fix)}</p>' if f.fix else "",
        f'<p class="meta">Edit at <span class="code">{esc(loc.path)}:{loc.line}:{loc.column}'
        f"</span>{_pointer(loc.pointer)} · fingerprint <span class=\"code\">{esc(f.fingerprint)}"
        "</span></p>",
        _claims(page, f),
        "</article>",
    ]
    return "\n".join(p for p in parts if p)


def _pointer(pointer: str) -> str:
    """The value's JSON pointer (a schema error's field: /claims/0/says/stance), if any."""
    return f' (field <span class="code">{esc(pointer)}</span>)' if pointer else ""


def _review_line(review: tuple[str, dict[str, str]] | None) -> str:
    if review is None:
        return ""
    state, r = review
    lead = "Reviewed" if state == "reviewed" else f"Review expired on {r['expires']}; it was"
    who = ", ".join(x for x in (r["reviewer"] and f"by {r['reviewer']}", r["date"],
                                state == "reviewed" and r["expires"] and f"until {r['expires']}")
                    if x)
    return (f'<p class="review review-{state}">{esc(lead)}: '
            f'<strong>{esc(r["verdict"] or "no verdict")}</strong>'
            f"{' — ' + esc(r['reason']) if r['reason'] else ''}"
            f"{' (' + esc(who) + ')' if who else ''}"
            f"{' Note: ' + esc(r['note']) if r['note'] else ''}</p>")


def _claims(page: Page, f: Finding) -> str:
    infos = [(ref, page.claim(ref)) for ref in f.claims]
    if not infos:
        own = page.subject_claim(f)
        infos = [(own.ref(), own)] if own is not None else []
    if not infos:
        return ""
    cards = "".join(_claim_card(page, ref, ci, ref.id == f.focus) for ref, ci in infos[:MAX_CARDS])
    more = _more(len(infos) - MAX_CARDS, "claim")
    return f'<div class="sources{" single" if len(infos) == 1 else ""}">{cards}{more}</div>'


_EDIT_HERE = '<p class="edit-here">The finding is located at this claim.</p>'


def _claim_card(page: Page, ref: ClaimRef, ci: ClaimInfo | None, here: bool = False) -> str:
    """A claim's card; ``here`` marks the claim the finding's "Edit at" place is in (a
    finding of several claims is located at one of them, and the cards did not say which)."""
    corpus = page.corpus
    record = corpus.by_source.get(ref.source)
    if record is None or ci is None:
        quotes = "".join(f"<blockquote>{in_context(None, e)}</blockquote>" for e in ref.evidence)
        return (f'<div class="claim"><h5>{esc(ref.source)}</h5>{_EDIT_HERE if here else ""}'
                f'<p class="meta code">{esc(ref.source)}#{esc(ref.claim)}</p>{quotes}</div>')
    s = record.record.source
    # The article's words in the article's language, for screen readers.
    excerpts = ci.claim.excerpts
    quotes = "".join(f'<blockquote lang="{esc(s.language)}">{in_context(record.text, e)}'
                     "</blockquote>" for e in excerpts[:MAX_EXCERPTS])
    quotes += _more(len(excerpts) - MAX_EXCERPTS, "excerpt")
    return (f'<div class="claim"><h5>{esc(corpus.name(s.outlet))}</h5>{_EDIT_HERE if here else ""}'
            f'<p class="headline">{_headline(s.headline, s.url)}</p>{quotes}'
            f"{_claim_facts(corpus, ci)}</div>")


def _more(hidden: int, what: str) -> str:
    if hidden <= 0:
        return ""
    return (f'<p class="meta">… and {hidden:,} more {what}{"s" if hidden > 1 else ""}: the '
            "JSON report lists every one</p>")


def _claim_facts(corpus: Corpus, ci: ClaimInfo) -> str:
    claim, by = ci.claim, ci.claim.by
    speaker = corpus.name(by.speaker) if by.speaker else "(no named speaker)"
    named = f" — named “{by.as_}”" if by.as_ else ""
    role = f", {by.role}" if by.role else ""
    says = claim.says
    stance = says.stance.value + (" that it is not so" if says.negated else "")
    rows = [("Speaker", f"{speaker}{role}{named}"), ("How", _MODE_WORDS[by.mode]),
            ("Stance", stance), ("Figure", figure(ci, corpus)),
            ("When", ci.when.words() if ci.when else ""),
            ("Part", "" if claim.part is Part.body else claim.part.value),
            ("Via", ", ".join(corpus.name(v) for v in by.via)),
            ("To", ", ".join(corpus.name(v) for v in by.to)), ("Note", claim.note or ""),
            ("Claim", f"{ci.focus} · {_place(ci)}")]
    cells = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v)
    return f"<dl>{cells}</dl>"


def _place(ci: ClaimInfo) -> str:
    loc = ci.location
    return f"{loc.path}:{loc.line}:{loc.column}"


def _matrices(page: Page) -> Iterator[str]:
    """The coverage section, piece by piece."""
    corpus = page.corpus
    keys = shared_keys(corpus)
    parts = ['<section aria-labelledby="coverage"><h2 id="coverage">Coverage by source</h2>',
             "<p>For each proposition reported by two or more sources: <strong>agrees</strong> "
             "means the source takes the same positions (true, false or no side, and the same "
             "figure) as most sources; <strong>differs</strong> means it takes others or "
             "more; <strong>silent</strong> means it has no claim on it.</p>"]
    yield "\n".join(parts)
    if not keys:
        yield "\n<p>No proposition is reported by more than one source.</p>"
    for i, key in enumerate(keys):
        yield "\n" + _matrix_table(corpus, key, f"m-{i}")
    yield "\n</section>"


def _matrix_table(corpus: Corpus, key: Key, anchor: str) -> str:
    rows = matrix(corpus, key)
    body = "".join(
        f'<tr><th scope="row">{esc(corpus.name(r.record.record.source.outlet))} '
        f'<span class="meta code">{esc(r.record.record.source.id)}</span></th>'
        f'<td class="st-{r.state}">{r.state}</td><td>{_positions(corpus, r.claims)}</td></tr>'
        for r in rows)
    silent = len(corpus.records) - len(rows)
    if silent > 0:
        body += (f'<tr><th scope="row">{silent:,} other source{"s" if silent != 1 else ""}</th>'
                 '<td class="st-silent">silent</td><td>—</td></tr>')
    split = "" if any(r.state == "agrees" for r in rows) else " (no majority: the sources split)"
    return (f'<h3 id="{anchor}">{esc(label(corpus, key))}</h3>\n<table aria-labelledby="{anchor}">'
            f"<caption>How each source reports it{esc(split)}</caption><thead><tr>"
            '<th scope="col">Source</th><th scope="col">Position</th>'
            f'<th scope="col">Claims</th></tr></thead><tbody>{body}</tbody></table>')


def _positions(corpus: Corpus, claims: Iterable[ClaimInfo]) -> str:
    items = []
    for ci in claims:
        says = ci.claim.says
        words = stance_phrase(says)
        amount = figure(ci, corpus)
        extra = f" · {amount}" if amount else ""
        who = corpus.name(ci.speaker) if ci.speaker else (ci.claim.by.as_ or "the outlet")
        items.append(f"<li>{esc(who)} {esc(words)}{esc(extra)} "
                     f'<span class="meta code">#{esc(ci.id)}</span></li>')
    return f"<ul>{''.join(items)}</ul>" if items else "—"
