"""Triage: apply the reviewed-findings file to a run.

A review (``facts/reviews.yaml``, model in :mod:`checks.reviews`) names a
finding by fingerprint. A matched, unexpired review marks its finding as
reviewed in ``result.extra["reviewed"]`` (fingerprint -> verdict, reason,
reviewer, date, expires, note): the finding stays in every report, with its
reason, and no longer fails the run. The file itself is read through the same
loader and validator as every fact file, so a broken reviews file gives located
load/schema findings instead of a traceback.

The reviews are checked too (codes in :mod:`checks.stages`):

* T001 review.stale: a review whose fingerprint no finding has. Only a full run
  (the whole configured corpus, every configured rule) can tell, so callers
  that run less say so through ``result.extra["scope"]`` or ``complete=False``;
  nor can a run that left a file out or did not compute a claim as written
  (``INCOMPLETE_CODES``: a typo in a predicate must not make its review stale).
* T002 review.expired: today is past ``expires``. The finding counts again.
* T003 review.duplicate: a second review of the same fingerprint.
* T004 review.outgrown: the finding now involves claims the review did not list.
* T005 review.unreviewable: a review of a finding that means a file went unchecked
  (load, schema, unreadable archived text); it does not count.
* T006 review.unapplied: another reviews file among the checked files. One file is
  applied (the configured one, or ``--reviews``); the others are validated but waive
  nothing, and each is reported at its first line rather than merged: a waiver belongs
  in the one file reviewers read, not in any folder a pull request may add.
* T007 review.moved: a review whose fingerprint no finding has, applied to the one
  finding of its rule with exactly the claims it lists (a rule's upgrade changed the
  fingerprint); it asks for the new fingerprint.
* T008 review.future: a review dated more than a day after today (a typo: its expiry
  would hold too long; a day ahead is a time zone).

Today's date is the clock's, unless ``FACT_CHECKS_TODAY`` (YYYY-MM-DD) or the
``today`` argument says otherwise (tests and reproducible reruns).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .atomic import real_path
from .config import Config, ConfigError
from .corpus import check_review_text, shown_path
from .engine import Selection, select, stamp
from .findings import Finding, Hit, Location
from .load import Document, load_file
from .model import detect_kind
from .pipeline import RunResult
from .reviews import Review, ReviewsFile
from .stages import LEFT_OUT_CODES
from .validate import validate

TODAY_ENV = "FACT_CHECKS_TODAY"
STALE = "T001"
EXPIRED = "T002"
DUPLICATE = "T003"
OUTGROWN = "T004"
UNREVIEWABLE = "T005"
UNAPPLIED = "T006"
MOVED = "T007"
FUTURE = "T008"
# Findings that mean a file went unchecked: waiving one would pass the file unread.
UNREVIEWABLE_CATEGORIES = ("load", "schema")
UNREVIEWABLE_CODES = ("I006",)
# Findings that mean some claim was not computed as written: a file left out, a claim,
# record or registry entry dropped for a duplicate id (I003), a claim filed under a key
# no other has for an unknown entity or predicate (I001, I002). The findings its reviews
# saw may then just not have been made, so no review can be called stale.
INCOMPLETE_CODES = LEFT_OUT_CODES | {"I001", "I002", "I003"}


def current_date(override: dt.date | str | None = None) -> dt.date:
    """The date reviews expire against: the override, else $FACT_CHECKS_TODAY, else the clock."""
    value = override if override is not None else os.environ.get(TODAY_ENV) or None
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{TODAY_ENV}: '{value}' is not a date written YYYY-MM-DD") from exc


@dataclass(frozen=True)
class Scope:
    """What the run covered: stale reviews can only be told after a complete run."""

    rules: bool = True
    complete: bool = True

    @classmethod
    def of(cls, result: RunResult, complete: bool | None) -> Scope:
        raw = result.extra.get("scope")
        known = raw if isinstance(raw, dict) else {}
        rules = bool(known.get("rules", True))
        whole = bool(known.get("complete", True)) if complete is None else complete
        whole = whole and not any(f.rule in INCOMPLETE_CODES for f in result.findings)
        return cls(rules=rules, complete=whole and rules)


def reviews_path(root: Path, config: Config, reviews: str | os.PathLike[str] | None, *,
                 absent_ok: bool = False) -> Path | None:
    """The reviews file to apply. An explicit path is taken as given (relative to the
    working folder, like the CLI's paths); the configured one is relative to the
    repository root. Only the default ``facts/reviews.yaml`` may be absent (None): a
    file named on purpose that does not exist, is a folder or holds another kind of
    document is a configuration error, since applying nothing in its place would let
    every finding it meant to review fail, or pass, unexplained. ``absent_ok``: any
    absent file is none (``diff``'s older revision, which may predate the file)."""
    path = reviews_location(root, config, reviews)
    if absent_ok and not os.path.lexists(path):
        return None
    setting = _setting(config, reviews)
    if setting is None:  # the default file: absent is fine, anything else is reported
        return path if os.path.lexists(path) else None
    shown = str(reviews if reviews is not None else config.reviews)[:200]
    if not os.path.lexists(path):  # a dangling link is read, and reported, as a file
        raise ConfigError(f"{setting}: no such file: '{shown}' (create it with "
                          "'reviews: []', or correct the path)")
    if os.path.isdir(path):
        raise ConfigError(f"{setting}: '{shown}' is a folder; name the reviewed-findings "
                          "file in it (such as facts/reviews.yaml)")
    _refuse_other_kind(path, setting, shown)
    return path


def _setting(config: Config, reviews: str | os.PathLike[str] | None) -> str | None:
    """Which setting named the reviews file; None for the default one."""
    if reviews is not None:
        return "--reviews"
    return "[tool.fact-checks] reviews" if "reviews" in config.model_fields_set else None


def reviews_location(root: Path, config: Config,
                     reviews: str | os.PathLike[str] | None) -> Path:
    """Where the reviews file is, whether or not it exists."""
    return Path(reviews) if reviews is not None else root / config.reviews


KIND_NAMES = {"record": "a fact record", "entities": "the entity registry",
              "vocabulary": "the predicate vocabulary"}


def _refuse_other_kind(path: Path, setting: str, shown: str) -> None:
    """A registry, vocabulary or record named as the reviews file was applied as an
    empty one, without a word. A file that does not load is left to the run, which
    reports where it breaks (L001 and the like)."""
    kind = detect_kind(load_file(path, shown).data)
    if kind in KIND_NAMES:
        raise ConfigError(f"{setting}: '{shown}' holds {KIND_NAMES[kind]}, not 'reviews:'; "
                          "name the reviewed-findings file")


def apply(result: RunResult, config: Config, reviews: str | os.PathLike[str] | None = None, *,
          today: dt.date | str | None = None, complete: bool | None = None,
          absent_ok: bool = False, selection: Selection | None = None) -> None:
    """Mark reviewed findings in ``result.extra`` and add findings about the reviews,
    those of ``selection`` (the command's ``--select``/``--ignore``; by default the
    configuration's)."""
    path = reviews_path(result.root, config, reviews, absent_ok=absent_ok)
    selection = selection or select(config)
    _add(result, selection, _unapplied(result, config, path, reviews))
    if path is None:
        return
    doc, model = _read(result, selection, path)
    if model is None:
        return
    hits, reviewed, expired = _match(result, doc, model, current_date(today),
                                     Scope.of(result, complete))
    result.extra["reviewed"] = reviewed
    result.extra["expired"] = expired
    _add(result, selection, hits)


def _unapplied(result: RunResult, config: Config, path: Path | None,
               reviews: str | os.PathLike[str] | None) -> list[Hit]:
    """A finding at each reviews file of the run that is not the one applied."""
    applied = shown_path(path, result.root) if path is not None else None
    how = _setting(config, reviews) or "the default"
    which = f"{applied} ({how})" if applied else "none (there is no facts/reviews.yaml)"
    return [Hit(message=f"{other} holds reviews that this run does not apply: the reviews "
                f"file applied is {which}; the findings it reviews keep counting",
                location=Location(path=other), focus=other,
                fix="move its entries into the applied reviews file and delete this one (or "
                "point [tool.fact-checks] reviews at it)", value=other,
                key=f"unapplied|{other}", code=UNAPPLIED)
            for other in sorted(result.files_of_kind("reviews")) if other != applied]


def _read(result: RunResult, selection: Selection,
          path: Path) -> tuple[Document, ReviewsFile | None]:
    """The reviews document and model: the corpus's copy when the run loaded it already
    (its problems are already findings), else loaded and validated here."""
    real = real_path(path)
    for doc in result.corpus.docs:
        if real_path(doc.file) == real:
            return doc, _model(doc)
    doc = load_file(path, shown_path(path, result.root))
    if doc.data is not None and detect_kind(doc.data) is None:
        # validate's words are for a stray file among the records ("start the file with
        # 'source:' ... or move it out of facts/"): wrong for a file named as the reviews
        doc.hit("S002", "the reviews file holds no top-level 'reviews:' list",
                "point --reviews (or [tool.fact-checks] reviews) at the reviewed-findings "
                "file, which starts with 'reviews:'")
        _add(result, selection, doc.hits)
        return doc, None
    kind, model = validate(doc)
    if kind not in (None, "reviews"):
        doc.hit("S002", f"the reviews file holds a {kind} file, not 'reviews:'",
                "point --reviews (or [tool.fact-checks] reviews) at the reviewed-findings file")
    if isinstance(model, ReviewsFile):
        # As in the checked paths (I009): a reason shown beside every waived finding must
        # not hide a direction override because the file lives outside them.
        check_review_text(model, doc)
    _add(result, selection, doc.hits)
    return doc, model if isinstance(model, ReviewsFile) else None


def _model(doc: Document) -> ReviewsFile | None:
    if doc.data is None:
        return None
    try:
        return ReviewsFile.model_validate(doc.data)
    except ValidationError:
        return None  # the corpus stage has reported why


def _entry(review: Review) -> dict[str, Any]:
    return {"verdict": review.verdict.value, "reason": review.reason, "reviewer": review.reviewer,
            "date": review.date, "expires": review.expires, "note": review.note}


def _match(result: RunResult, doc: Document, model: ReviewsFile, day: dt.date,
           scope: Scope) -> tuple[list[Hit], dict[str, Any], dict[str, Any]]:
    verdicts = _Verdicts(doc, day, scope)
    first: dict[str, int] = {}
    orphans: list[tuple[int, Review]] = []
    for i, review in enumerate(model.reviews):
        fp = review.fingerprint
        # A day ahead is a reviewer east of the clock's time zone, not a typo.
        if (dt.date.fromisoformat(review.date) - day).days > 1:
            verdicts.hits.append(_future(doc, f"/reviews/{i}", review, day))
        if fp in first:
            verdicts.hits.append(_duplicate(doc, f"/reviews/{i}", review, first[fp]))
            continue
        first[fp] = i
        finding = result.lookup(fp)
        if finding is not None and finding.category == "review":
            finding = None
        if finding is None and review.claims:
            orphans.append((i, review))  # perhaps reported under a new fingerprint
        else:
            verdicts.judge(i, review, finding)
    moved = _moved(result, orphans, taken=set(first))
    for i, review in orphans:
        finding = moved.get(i)
        if finding is not None:
            verdicts.hits.append(_moved_hit(doc, f"/reviews/{i}", review, finding))
        verdicts.judge(i, review, finding)
    return verdicts.hits, verdicts.reviewed, verdicts.expired


@dataclass
class _Verdicts:
    """What each review does to its finding (``None``: no finding has it)."""

    doc: Document
    day: dt.date
    scope: Scope
    hits: list[Hit] = field(default_factory=list)
    reviewed: dict[str, Any] = field(default_factory=dict)
    expired: dict[str, Any] = field(default_factory=dict)

    def judge(self, i: int, review: Review, finding: Finding | None) -> None:
        doc, pointer = self.doc, f"/reviews/{i}"
        fp = finding.fingerprint if finding is not None else review.fingerprint
        if finding is not None and _unchecked_file(finding):
            self.hits.append(_unreviewable(doc, pointer, review, finding))
        elif review.expired(self.day):
            self.expired[fp] = _entry(review)
            self.hits.append(_expired(doc, pointer, review, finding, self.day))
        elif finding is not None and (unseen := _unseen(review, finding)):
            self.hits.append(_outgrown(doc, pointer, review, finding, unseen))
        elif finding is not None:
            self.reviewed[fp] = _entry(review)
        elif self.scope.complete:
            self.hits.append(_stale(doc, pointer, review))


def _moved(result: RunResult, orphans: list[tuple[int, Review]],
           taken: set[str]) -> dict[int, Finding]:
    """Reviews whose fingerprint no finding has, each matched to the one finding of its
    rule (when the review names it) with exactly the claims it lists: a rule's upgrade
    that changes fingerprints must not turn every reviewed disagreement into a new one.
    A finding another review already names, or two reviews would share, is not matched."""
    if not orphans:
        return {}
    wanted = {frozenset(review.claims) for _, review in orphans}
    sizes = {len(key) for key in wanted}
    index: dict[frozenset[str], list[Finding]] = {}
    for f in result.findings:
        if len(f.claims) not in sizes or f.category == "review" or f.fingerprint in taken:
            continue
        key = frozenset(c.id for c in f.claims)
        if key in wanted and not _unchecked_file(f):
            index.setdefault(key, []).append(f)
    found: dict[int, Finding] = {}
    for i, review in orphans:
        fits = [f for f in index.get(frozenset(review.claims), ())
                if review.rule in (None, f.rule)]
        if len(fits) == 1:
            found[i] = fits[0]
    shared = Counter(f.fingerprint for f in found.values())
    return {i: f for i, f in found.items() if shared[f.fingerprint] == 1}


def _unchecked_file(finding: Finding) -> bool:
    return finding.category in UNREVIEWABLE_CATEGORIES or finding.rule in UNREVIEWABLE_CODES


def _unreviewable(doc: Document, pointer: str, review: Review, finding: Finding) -> Hit:
    return Hit(message=f"review of {_what(review, finding)} ({review.verdict.value}) cannot "
               f"waive it: {finding.location.path} was not checked ({finding.message})",
               location=doc.locate(f"{pointer}/fingerprint"), focus=doc.path,
               fix=f"fix {finding.location.path} so that it loads and validates, then delete "
               "this review", value=review.fingerprint,
               key=f"unreviewable|{review.fingerprint}", code=UNREVIEWABLE)


def _unseen(review: Review, finding: Finding) -> list[str]:
    """Claims the finding involves that a review listing its claims did not see."""
    if not review.claims:
        return []
    seen = set(review.claims)
    return sorted({c.id for c in finding.claims} - seen)


def _outgrown(doc: Document, pointer: str, review: Review, finding: Finding,
              unseen: list[str]) -> Hit:
    shown = ", ".join(unseen[:5]) + (f" and {len(unseen) - 5} more" if len(unseen) > 5 else "")
    return Hit(message=f"review of {_what(review, finding)} ({review.verdict.value}) did not see "
               f"{shown}, which the finding now involves; the finding counts again",
               location=doc.locate(f"{pointer}/claims"), focus=doc.path,
               fix="read the new claims' words; if the verdict still holds, add them to "
               "'claims' and renew 'date'; otherwise fix the records",
               value=unseen, values={"unseen": unseen}, key=f"outgrown|{review.fingerprint}",
               code=OUTGROWN)


def _what(review: Review, finding: Finding | None) -> str:
    rule = finding.rule if finding else review.rule
    return f"{rule} {review.fingerprint}" if rule else review.fingerprint


def _stale(doc: Document, pointer: str, review: Review) -> Hit:
    return Hit(message=f"review of {_what(review, None)} ({review.verdict.value}) matches no "
               "finding: the finding is gone or its fingerprint changed",
               location=doc.locate(f"{pointer}/fingerprint"), focus=doc.path,
               fix="delete this review; if the same disagreement is reported under a new "
               "fingerprint, review that finding instead",
               value=review.fingerprint, key=f"stale|{review.fingerprint}", code=STALE)


def _moved_hit(doc: Document, pointer: str, review: Review, finding: Finding) -> Hit:
    return Hit(message=f"review of {_what(review, finding)} ({review.verdict.value}) matches "
               f"no finding by its fingerprint; it is applied to {finding.fingerprint}, the "
               f"one {finding.rule} finding with exactly the claims it lists",
               location=doc.locate(f"{pointer}/fingerprint"), focus=doc.path,
               fix=f"change 'fingerprint' to {finding.fingerprint} (a rule's upgrade changed "
               "it), or delete the review if its verdict no longer holds",
               value=review.fingerprint, values={"now": finding.fingerprint},
               claims=finding.claims, key=f"moved|{review.fingerprint}", code=MOVED)


def _expired(doc: Document, pointer: str, review: Review, finding: Finding | None,
             day: dt.date) -> Hit:
    about = f": {finding.message}" if finding else " (which no finding has any more)"
    return Hit(message=f"review of {_what(review, finding)} expired on {review.expires} "
               f"(today is {day.isoformat()}){about}",
               location=doc.locate(f"{pointer}/expires"), focus=doc.path,
               fix="re-read both sources; then renew 'expires' and 'date', or fix the records "
               "and delete the review",
               value=review.expires, values={"expires": review.expires, "today": day.isoformat()},
               claims=finding.claims if finding else (),
               key=f"expired|{review.fingerprint}", code=EXPIRED)


def _future(doc: Document, pointer: str, review: Review, day: dt.date) -> Hit:
    return Hit(message=f"review of {_what(review, None)} is dated {review.date}, after today "
               f"({day.isoformat()})",
               location=doc.locate(f"{pointer}/date"), focus=doc.path,
               fix="write the day the review was made (YYYY-MM-DD); a date ahead of today "
               "is usually a typo, and an expiry measured from it holds too long",
               value=review.date, values={"date": review.date, "today": day.isoformat()},
               key=f"future|{review.fingerprint}|{pointer}", code=FUTURE)


def _duplicate(doc: Document, pointer: str, review: Review, first: int) -> Hit:
    line = doc.locate(f"/reviews/{first}").line
    return Hit(message=f"finding {review.fingerprint} is reviewed twice (first at line {line}); "
               "only the first review counts",
               location=doc.locate(f"{pointer}/fingerprint"), focus=doc.path,
               fix="merge the two reviews into one", value=review.fingerprint,
               key=f"duplicate|{pointer}", code=DUPLICATE)


def _add(result: RunResult, selection: Selection, hits: list[Hit]) -> None:
    """Stamp hits like the engine does (configured severity, ignored codes dropped)."""
    result.add([stamp(selection.specs[hit.code or ""], selection.severity[hit.code or ""], hit)
                for hit in hits if selection.active(hit.code or "")])
