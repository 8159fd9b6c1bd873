"""The whole run as one typed function: files -> corpus -> rules -> findings."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pydantic_core

from .cache import Cache, gc_paused
from .config import Config
from .corpus import Corpus, build
from .engine import Selection, run
from .findings import ClaimRef, Finding, Severity
from .report_schema import REPORT_VERSION, Report, ReportFinding, ReviewInfo, SeverityCounts, Summary


@dataclass(frozen=True)
class StoredFindings:
    """The findings of a run as already rendered into a file (the re-check state's
    stored report): the report's findings text, byte for byte, while they are unchanged."""

    file: BinaryIO  # open: the stored file may be replaced by another run meanwhile
    findings: tuple[Finding, ...]  # the ones rendered, in order: the run's may not change
    length: int  # bytes of the findings and the separators between them


@dataclass
class RunResult:
    corpus: Corpus
    findings: list[Finding]
    fail_on: str
    root: Path
    extra: dict[str, object] = field(default_factory=dict)
    stored: StoredFindings | None = None

    def failing(self) -> list[Finding]:
        if self.fail_on == "none":
            return []
        floor = Severity(self.fail_on).rank
        return [f for f in self.findings if f.severity.rank >= floor and not self.is_reviewed(f)]

    def review(self, finding: Finding) -> dict[str, object] | None:
        reviewed = self.extra.get("reviewed")
        entry = reviewed.get(finding.fingerprint) if isinstance(reviewed, dict) else None
        return entry if isinstance(entry, dict) else None

    def is_reviewed(self, finding: Finding) -> bool:
        return self.review(finding) is not None

    def _reported(self, finding: Finding) -> ReportFinding:
        entry = self.review(finding)
        review = None if entry is None else ReviewInfo.model_validate(
            {k: v for k, v in entry.items() if v is not None})
        return ReportFinding(**finding.model_dump(), status="reviewed" if review else "new",
                             review=review)

    @property
    def failed(self) -> bool:
        return bool(self.failing())

    def counts(self) -> dict[str, int]:
        """Files, sources, claims, entities and predicates of the run."""
        return self.corpus.counts()

    def files(self) -> list[str]:
        """Every file of the run, as shown."""
        return [doc.path for doc in self.corpus.docs]

    def files_of_kind(self, kind: str) -> list[str]:
        """The files of the run that validated as this kind ("reviews", ...), as shown."""
        return [path for path, (k, _) in self.corpus.kinds.items() if k == kind]

    def write_report_json(self, fh: BinaryIO) -> None:
        """The JSON report (indent 2) into an open binary file, finding by finding: the
        text of a large report (200 MB at 10,000 articles) is never held whole."""
        with gc_paused():
            head, tail = self.report_frame(indent=2)
            fh.write(head.encode("utf-8"))
            if not self.has_findings():
                return
            if self._copied(fh):
                fh.write(tail.encode("utf-8"))
                return
            chunks = (CHUNK_SEP + self.chunk(f) if i else self.chunk(f)
                      for i, f in enumerate(self.findings))
            write_pieces(fh, itertools.chain(chunks, [tail]))

    def _copied(self, fh: BinaryIO) -> bool:
        """Copy the findings from the stored report, when it holds exactly them."""
        stored = self.stored
        if stored is None or len(self.findings) != len(stored.findings) or not all(
                a is b for a, b in zip(self.findings, stored.findings, strict=True)):
            return False
        if os.fstat(stored.file.fileno()).st_size < stored.length:
            return False  # the stored report was cut short: render instead
        copy_range(stored.file, fh, 0, stored.length)
        return True

    def keep_stored(self, stored: StoredFindings | None) -> None:
        """Hold the findings as rendered by the re-check state (see :meth:`_copied`)."""
        self.close()
        self.stored = stored

    def close(self) -> None:
        if self.stored is not None:
            self.stored.file.close()
            self.stored = None

    def summary(self) -> Summary:
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        c = self.counts()
        return Summary(files=c["files"], sources=c["sources"], claims=c["claims"],
                       entities=c["entities"], predicates=c["predicates"],
                       findings=SeverityCounts(**counts), total=len(self.findings),
                       reviewed=sum(map(self.is_reviewed, self.findings)),
                       fail_on=self.fail_on, failed=self.failed)

    def report(self) -> Report:
        return Report(summary=self.summary(), findings=tuple(map(self._reported, self.findings)))

    def report_json(self, *, indent: int | None = 2) -> str:
        """``self.report().model_dump_json(indent=indent)``, byte for byte, without
        validating every finding again: the findings were validated when stamped,
        so their fields are dumped into plain data and serialised by the same
        serialiser pydantic uses (tests/test_report_json.py holds them equal).
        Each finding is serialised on its own and shifted to its depth (JSON text
        holds no raw newline), so only the finished text is ever held in full."""
        with gc_paused():  # a large report is millions of short-lived acyclic objects
            head, tail = self.report_frame(indent=indent)
            if not self.findings:
                return head
            sep = CHUNK_SEP if indent == 2 else ("," + _shift(indent))
            return head + sep.join(self.chunk(f, indent=indent) for f in self.findings) + tail

    def report_frame(self, *, indent: int | None = 2) -> tuple[str, str]:
        """The report's text before and after its findings (the whole report, and an
        empty tail, when there are none)."""
        skeleton = pydantic_core.to_json(
            {"version": REPORT_VERSION, "tool": "fact-checks",
             "summary": self.summary().model_dump(mode="json"),
             "findings": [_MARK] if self.has_findings() else []},  # an empty list is "[]"
            indent=indent).decode("utf-8")
        if not self.has_findings():
            return skeleton, ""
        mark = pydantic_core.to_json(_MARK).decode("ascii")
        at = skeleton.index(mark)
        return skeleton[:at], skeleton[at + len(mark):]

    def has_findings(self) -> bool:
        return bool(self.findings)

    def plain(self) -> list[dict[str, Any]]:
        """Every finding as the JSON report holds it (plain data), in report order:
        what ``diff`` compares and renders without a model object per finding."""
        with gc_paused():
            return [self._plain(f) for f in self.findings]

    def chunk(self, f: Finding, *, indent: int | None = 2) -> str:
        """One finding as the JSON report holds it: serialised and shifted to its depth."""
        text = pydantic_core.to_json(self._plain(f), indent=indent).decode("utf-8")
        return text.replace("\n", _shift(indent)) if indent else text

    def lookup(self, fingerprint: str) -> Finding | None:
        """The finding with this fingerprint, if any."""
        index = self.extra.get("by_fingerprint")
        if not isinstance(index, dict) or len(index) != len(self.findings):
            index = self.extra["by_fingerprint"] = {f.fingerprint: f for f in self.findings}
        found = index.get(fingerprint)
        return found if isinstance(found, Finding) else None

    def add(self, findings: Sequence[Finding]) -> None:
        """Add findings made after the run (triage's), unless their fingerprint is known."""
        if not findings:  # most runs: no review finding; the list is sorted already
            return
        known = {f.fingerprint for f in self.findings}
        for finding in findings:
            if finding.fingerprint not in known:
                known.add(finding.fingerprint)
                self.findings.append(finding)
        self.findings.sort(key=Finding.sort_key)
        self.extra.pop("by_fingerprint", None)

    def _plain(self, f: Finding) -> dict[str, Any]:
        entry = self.review(f)
        review = None if entry is None else ReviewInfo.model_validate(
            {k: v for k, v in entry.items() if v is not None}).model_dump(mode="json")
        loc = f.location
        return {"rule": f.rule, "name": f.name, "category": f.category,
                "severity": f.severity.value, "message": f.message, "fix": f.fix,
                "focus": f.focus, "location": {"path": loc.path, "line": loc.line,
                                               "column": loc.column, "pointer": loc.pointer},
                "value": f.value, "values": f.values, "claims": [_plain_ref(c) for c in f.claims],
                "fingerprint": f.fingerprint, "status": "reviewed" if review else "new",
                "review": review}


_MARK = "\u0000report-findings\u0000"  # stands for the findings in the report's skeleton
CHUNK_SEP = ",\n    "  # between two findings of a report indented by 2
_FLUSH_CHARS = 1 << 20  # how much report text to gather between writes


def write_pieces(fh: BinaryIO, pieces: Iterable[str]) -> None:
    """Text given in pieces, into a binary file a megabyte at a time: a large report is
    never held whole, and is not written a piece per system call either."""
    buffer: list[str] = []
    held = 0
    for piece in pieces:
        buffer.append(piece)
        held += len(piece)
        if held > _FLUSH_CHARS:
            fh.write("".join(buffer).encode("utf-8"))
            buffer, held = [], 0
    fh.write("".join(buffer).encode("utf-8"))


def copy_range(source: BinaryIO, out: BinaryIO, offset: int, length: int) -> None:
    """``length`` bytes of ``source`` from ``offset`` appended to ``out`` (by the kernel,
    file to file, where it can)."""
    out.flush()
    try:
        fd = out.fileno()
        done = 0
        while done < length:
            n = os.copy_file_range(source.fileno(), fd, length - done, offset + done)
            if n <= 0:
                break
            done += n
        if done == length:
            return
        offset, length = offset + done, length - done
    except (OSError, AttributeError, ValueError):  # no kernel copy here: read and write
        pass
    while length > 0:  # a megabyte at a time: a stored report can be hundreds of them
        piece = os.pread(source.fileno(), min(length, _FLUSH_CHARS), offset)
        if not piece:
            raise OSError(f"{getattr(source, 'name', 'a stored report')} ended early")
        out.write(piece)
        offset, length = offset + len(piece), length - len(piece)


def _shift(indent: int | None) -> str:
    return "\n" + " " * (2 * indent) if indent else ""


def _plain_ref(c: ClaimRef) -> dict[str, Any]:
    return {"source": c.source, "claim": c.claim, "speaker": c.speaker,
            "evidence": list(c.evidence), "path": c.path, "line": c.line, "column": c.column}


def execute(paths: Sequence[Path], root: Path, config: Config, selection: Selection, *,
            rules: bool = True, fail_on: str | None = None,
            cache: Cache | bool | None = True) -> RunResult:
    """Every stage on the given paths. ``cache``: the per-file cache under ``root``
    (True), another one (a revision exported by ``diff`` uses the working tree's), or
    none."""
    corpus = build(paths, root, cache=cache)
    with gc_paused():  # the rules allocate millions of acyclic objects next to the corpus
        findings = run(corpus, selection, rules=rules)
    return RunResult(corpus=corpus, findings=findings, fail_on=fail_on or config.fail_on, root=root)
