"""The whole run as one typed function: files -> corpus -> rules -> findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .corpus import Corpus, build
from .engine import Selection, run
from .findings import Finding, Severity
from .report_schema import Report, ReportFinding, ReviewInfo, SeverityCounts, Summary


@dataclass
class RunResult:
    corpus: Corpus
    findings: list[Finding]
    fail_on: str
    root: Path
    extra: dict[str, object] = field(default_factory=dict)

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

    def report(self) -> Report:
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        c = self.corpus.counts()
        summary = Summary(files=c["files"], sources=c["sources"], claims=c["claims"],
                          entities=c["entities"], predicates=c["predicates"],
                          findings=SeverityCounts(**counts), total=len(self.findings),
                          reviewed=sum(map(self.is_reviewed, self.findings)),
                          fail_on=self.fail_on, failed=self.failed)
        return Report(summary=summary, findings=tuple(map(self._reported, self.findings)))


def execute(paths: Sequence[Path], root: Path, config: Config, selection: Selection, *,
            rules: bool = True, fail_on: str | None = None) -> RunResult:
    corpus = build(paths, root)
    findings = run(corpus, selection, rules=rules)
    return RunResult(corpus=corpus, findings=findings, fail_on=fail_on or config.fail_on, root=root)
