"""``python -m checks diff [BASE [HEAD]]``: the findings a change introduces.

Runs the checks on two git revisions and compares the findings by fingerprint
(line-free, so moving a claim does not make its finding "new"):

* new: in HEAD, not in BASE. Only these can fail the run: exit 1 when a new,
  unreviewed finding is at or above ``--fail-on``;
* resolved: in BASE, not in HEAD;
* unchanged: in both (``changed`` lists those whose claims differ, e.g. a new
  claim joining a disagreement that was already reported).

BASE defaults to ``HEAD`` and HEAD to the working tree, so a bare ``diff`` shows
what uncommitted edits introduce. A revision is exported with ``git archive``
into a temporary folder: the user's working tree, index and ``.git`` are never
touched. Both sides are checked by the installed harness with the working
configuration, so the comparison is of the data, not of rule versions. Each side
is triaged with its own revision's reviews file (``facts/reviews.yaml``, or the
revision's copy of the one ``--reviews`` names in the repository), so a review
finding (T001-T007) is new only when the change makes it: a stale or outgrown
review already in BASE is unchanged. Whether a finding is reviewed is HEAD's. Each side is re-checked from
the state the last run stored, like ``check`` (:mod:`checks.incremental`): a
revision is exported, then checked with the working tree's cache, whose state is
of paths relative to the root, so only the files that differ from the last run
are parsed and checked again (a pull request's base costs seconds, not a full run).

``--format text`` and ``json`` are the diff's own; any other reporter
(``markdown``, ``github``, ``sarif``...) renders HEAD's findings, with the new
fingerprints in ``result.extra["new"]`` so it can put them first.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import atomic, triage
from .cache import Cache, gc_paused
from .cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_rule_options,
    narrowed,
    preflight,
    rule_selection,
    write_output,
)
from .config import Config
from .engine import Selection
from .findings import Finding, Severity
from .incremental import checked, checked_whole
from .pipeline import RunResult
from .reporters import REPORTERS
from .reporters._common import dumps, log_line, log_path

WORKING_TREE = "working tree"


Plain = dict[str, Any]  # a finding as the JSON report holds it (RunResult.plain)


@dataclass
class DiffResult(RunResult):
    """HEAD's run, failing only on findings that BASE did not have.

    Both sides are compared as plain data (:meth:`RunResult.plain`): a re-check's
    findings are read back from the stored report, not made into objects. HEAD's
    findings as objects (``findings``) are filled in only for the reporters that
    render them (:func:`render`)."""

    base: str = "HEAD"
    head: str = WORKING_TREE
    new: frozenset[str] = frozenset()
    resolved: list[Plain] = field(default_factory=list)
    changed: frozenset[str] = frozenset()
    # HEAD's run's own counts and files: a re-check's corpus holds only what it reran
    head_counts: dict[str, int] = field(default_factory=dict)
    head_files: list[str] = field(default_factory=list)
    head_plain: list[Plain] = field(default_factory=list)
    head_run: RunResult | None = None

    def with_objects(self) -> DiffResult:
        """HEAD's findings as objects, for a reporter."""
        if self.head_run is not None and not self.findings:
            self.findings = list(self.head_run.findings)
        return self

    def failing_plain(self) -> list[Plain]:
        if self.fail_on == "none":
            return []
        floor = Severity(self.fail_on).rank
        return [d for d in self.head_plain if d["fingerprint"] in self.new
                and Severity(d["severity"]).rank >= floor and d["status"] != "reviewed"]

    def failing(self) -> list[Finding]:
        wanted = [d["fingerprint"] for d in self.failing_plain()]
        if self.findings or self.head_run is None:
            chosen = set(wanted)
            return [f for f in self.findings if f.fingerprint in chosen]
        found = (self.head_run.lookup(fp) for fp in wanted)
        return [f for f in found if f is not None]

    @property
    def failed(self) -> bool:
        return bool(self.failing_plain())

    def counts(self) -> dict[str, int]:
        return self.head_counts or super().counts()

    def files(self) -> list[str]:
        return self.head_files or super().files()


# --------------------------------------------------------------------- git


def _git(cwd: Path, *args: str) -> str:
    try:
        # Names as the file system gives them: a folder whose name is not UTF-8 came back
        # from 'rev-parse --show-toplevel' as a UnicodeDecodeError ("internal error").
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="surrogateescape", check=False)
    except FileNotFoundError as exc:
        raise UsageError("git is not installed; 'diff' compares git revisions") from exc
    if done.returncode != 0:
        raise UsageError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


@dataclass(frozen=True)
class Repo:
    top: Path  # the git work tree's top folder
    prefix: str  # the harness root relative to it ("" or "sub/dir/")

    @classmethod
    def of(cls, root: Path) -> Repo:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        return cls(top=top, prefix=_git(root, "rev-parse", "--show-prefix").strip())

    def commit(self, rev: str) -> str:
        # A leading '-' would be read as an option by git: refuse it outright.
        if rev.startswith("-"):
            raise UsageError(f"'{rev}' is not a revision")
        try:
            return _git(self.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()
        except UsageError as exc:
            raise UsageError(f"'{rev}' is not a commit in {self.top}") from exc

    @contextmanager
    def export(self, commit: str) -> Iterator[Path]:
        """The revision's files in a temporary folder; yields the harness root inside it."""
        with tempfile.TemporaryDirectory(prefix="fact-checks-diff-") as tmp:
            proc = subprocess.Popen(["git", "-C", str(self.top), "archive", "--format=tar", commit],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            assert proc.stdout is not None
            links: list[tuple[str, str]] = []
            with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
                _extract(tar, tmp, links)
            _restore_links(Path(tmp), links)
            _, err = proc.communicate()
            if proc.returncode != 0:
                raise UsageError(f"git archive {commit}: {err.decode(errors='replace').strip()}")
            self._refuse_left_out(commit, tmp)
            yield Path(tmp) / self.prefix

    def _refuse_left_out(self, commit: str, tmp: str) -> None:
        """``git archive`` leaves out what ``.gitattributes`` marks ``export-ignore``
        (``facts/texts/** export-ignore`` keeps release tarballs small): the base was
        checked without those files and compared as if they were gone, in silence."""
        listed = _git(self.top, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit,
                      "--", self.prefix or ".")
        missing = [name for name in listed.split("\0")
                   if name and not os.path.lexists(os.path.join(tmp, name))]
        if missing:
            shown = ", ".join(log_path(name) for name in missing[:3])
            raise UsageError(
                f"git archive {commit[:12]} leaves out {len(missing)} file(s) that .gitattributes "
                f"marks export-ignore ({shown}{', ...' if len(missing) > 3 else ''}); diff "
                "would check the base revision without them. Remove export-ignore for the "
                "harness's files from .gitattributes (and $GIT_DIR/info/attributes)")


def _extract(tar: tarfile.TarFile, dest: str, links: list[tuple[str, str]]) -> None:
    """Every member under ``dest``. The 'data' filter (which refuses absolute paths,
    links out of the folder and devices) judges every member but the plain case: a
    regular file with a plain relative name while no link has been seen, so that no
    folder on its way can be a link. That case is written directly, without the
    filter's two path resolutions and the metadata calls, a third of the time of a
    large archive (the file's mode and time do not matter to the checks)."""
    refuse = functools.partial(_refuse_quietly, links)
    made: set[str] = set()
    direct = True
    for member in tar:
        if direct and member.isreg() and _plain_name(member.name):
            folder, _, _ = member.name.rpartition("/")
            if folder and folder not in made:
                os.makedirs(os.path.join(dest, folder), exist_ok=True)
                made.add(folder)
            source = tar.extractfile(member)
            assert source is not None  # a regular file always has data
            try:
                with open(os.path.join(dest, member.name), "wb") as out:
                    shutil.copyfileobj(source, out)
            except OSError as exc:  # a full disk, or a name the file system refuses
                raise UsageError(f"cannot export {member.name}: {exc.strerror}") from exc
            continue
        direct = direct and not (member.issym() or member.islnk())
        tar.extract(member, dest, filter=refuse)


def _plain_name(name: str) -> bool:
    return (bool(name) and not name.startswith("/") and "\0" not in name
            and all(part not in ("", ".", "..") for part in name.split("/")))


def _refuse_quietly(links: list[tuple[str, str]], member: tarfile.TarInfo,
                    dest: str) -> tarfile.TarInfo | None:
    """The 'data' filter, but a refused member is skipped instead of ending the run.

    A committed symlink that points outside the repository is remembered: it is
    recreated after every file is written (so nothing can be written through it),
    and the loader then reports it on both sides as it does in the working tree.
    """
    try:
        return tarfile.data_filter(member, dest)
    except tarfile.FilterError:
        if member.issym():
            links.append((member.name, member.linkname))
        return None


def _restore_links(folder: Path, links: list[tuple[str, str]]) -> None:
    real = atomic.real_path(folder)
    for name, target in links:
        path = folder / name
        if not atomic.real_path(path.parent).is_relative_to(real) or os.path.lexists(path):
            continue
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, path)


# --------------------------------------------------------------------- runs


def _paths(root: Path, config: Config, head: str | None = None) -> list[Path]:
    """The configured paths on one side. The base may predate them; the head (named by
    ``head``) must hold them all: run from the wrong folder, diff compared nothing and
    passed ("0 new"), where check stops with a usage error."""
    missing = [p for p in config.paths if not (root / p).exists()]
    if head is not None and missing:
        raise UsageError(f"no such file or folder in {head}: {', '.join(missing)[:300]} (run "
                         "diff from the repository's root, or give --root)")
    return [root / p for p in config.paths if p not in missing]


def _run(root: Path, config: Config, selection: Selection, args: argparse.Namespace, *,
         head: bool, reviews: str | Path | None, cache: Cache | None = None,
         side: str = "the working tree") -> RunResult:
    """One side, as ``check`` runs it: a re-check from the state the last run stored
    when the cache holds one (only what changed since runs again), and the state stored
    again for the next run. A report that shows the whole corpus (html) gets HEAD's
    corpus built in full (:func:`checked_whole`). Each side is triaged with its own
    reviews file (``reviews``): a review finding (T001-T007) present on both sides is
    then unchanged, not new. The base's file may be absent (it predates the file)."""
    whole = head and getattr(REPORTERS.get(args.format), "needs_corpus", False)

    def after(result: RunResult) -> None:
        # --select/--ignore narrow the rules, so a review's finding may just not have run.
        triage.apply(result, config, reviews=reviews, complete=not narrowed(args),
                     absent_ok=not head, selection=rule_selection(config, args))

    paths = _paths(root, config, side if head else None)
    if whole:
        return checked_whole(paths, root, config, selection,
                             fail_on=args.fail_on, after=after, cache=cache)
    return checked(paths, root, config, selection, fail_on=args.fail_on,
                   quick=True, after=after, cache=cache)


def _side(repo: Repo, rev: str | None, root: Path, config: Config, selection: Selection,
          args: argparse.Namespace, *, head: bool) -> RunResult:
    if rev is None:
        return _run(root, config, selection, args, head=head, reviews=args.reviews)
    with repo.export(repo.commit(rev)) as tree:
        # The working tree's cache: entries are keyed by shown path and bytes, and its
        # stored state by paths relative to the root, so only the files the revision
        # does not share with the last run are parsed and re-checked.
        return _run(tree, config, selection, args, head=head,
                    reviews=_reviews_in(tree, root, args.reviews), cache=Cache.for_root(root),
                    side=f"revision {rev}")


def _reviews_in(tree: Path, root: Path, reviews: str | None) -> str | Path | None:
    """The revision's copy of a reviews file named inside the repository (one outside
    it is the same file for every side). None: the configured one, which triage reads
    relative to the revision's root."""
    if reviews is None:
        return None
    named = Path(reviews)
    real = Path(os.path.realpath(named.parent)) / named.name  # as the root is: resolved
    return tree / real.relative_to(root) if real.is_relative_to(root) else reviews


def compare(base: RunResult, head: RunResult, base_rev: str, head_rev: str) -> DiffResult:
    with gc_paused():  # two reports' worth of plain data, all of it kept
        return _compare(base, head, base_rev, head_rev)


def _compare(base: RunResult, head: RunResult, base_rev: str, head_rev: str) -> DiffResult:
    old = {d["fingerprint"]: d for d in base.plain()}
    head_plain = head.plain()
    now = {d["fingerprint"]: d for d in head_plain}
    new = frozenset(now.keys() - old.keys())
    changed = frozenset(fp for fp in now.keys() & old.keys()
                        if _claims(now[fp]) != _claims(old[fp]))
    extra = dict(head.extra)
    extra["new"] = sorted(new)
    extra["diff"] = {"base": base_rev, "head": head_rev, "new": sorted(new),
                     "resolved": sorted(old.keys() - now.keys()),
                     "unchanged": sorted(now.keys() & old.keys()), "changed": sorted(changed)}
    return DiffResult(corpus=head.corpus, findings=[], fail_on=head.fail_on,
                      root=head.root, extra=extra, base=base_rev, head=head_rev, new=new,
                      resolved=[d for fp, d in old.items() if fp not in now], changed=changed,
                      head_counts=head.counts(), head_files=head.files(),
                      head_plain=head_plain, head_run=head)


def _claims(finding: Plain) -> list[str]:
    return sorted(f"{c['source']}#{c['claim']}" for c in finding["claims"])


# ----------------------------------------------------------------- rendering


def _line(f: Plain, status: str = "") -> str:
    # as the text reporter prints a finding: CI shows this output in its log
    loc = f["location"]
    return (f"{log_path(loc['path'])}:{loc['line']}:{loc['column']}: {f['severity']} "
            f"{f['rule']} {log_line(f['message'], 1000)}{status}  [{f['fingerprint']}]")


def _reviewed(f: Plain) -> bool:
    return bool(f["status"] == "reviewed")


def render_text(diff: DiffResult) -> str:
    new = [f for f in diff.head_plain if f["fingerprint"] in diff.new]
    same = [f for f in diff.head_plain if f["fingerprint"] not in diff.new]
    out = [f"fact-checks diff {diff.base}..{diff.head}: {len(new)} new, {len(diff.resolved)} "
           f"resolved, {len(same)} unchanged ({len(diff.changed)} with other claims)"]
    for title, group in (("new", new), ("resolved", diff.resolved), ("unchanged", same)):
        if group:
            out.append(f"\n{title}:")
        for f in group:
            reviewed = " [reviewed]" if title != "resolved" and _reviewed(f) else ""
            out.append("  " + _line(f, reviewed))
    verdict = "FAILED" if diff.failed else "ok"
    out.append(f"\n{verdict}: {len(diff.failing_plain())} new unreviewed finding(s) at or above "
               f"{diff.fail_on}")
    return "\n".join(out) + "\n"


def _finding(f: Plain) -> Plain:
    """The finding's own fields (as ``Finding.model_dump``), without the report's review."""
    return {k: v for k, v in f.items() if k not in ("status", "review")}


@gc_paused()
def render_json(diff: DiffResult) -> str:
    def dump(f: Plain) -> Plain:
        return {**_finding(f), "reviewed": _reviewed(f)}

    head = diff.head_plain
    doc = {"base": diff.base, "head": diff.head, "fail_on": diff.fail_on, "failed": diff.failed,
           "counts": {"new": len(diff.new), "resolved": len(diff.resolved),
                      "unchanged": len(head) - len(diff.new),
                      "changed": len(diff.changed)},
           "new": [dump(f) for f in head if f["fingerprint"] in diff.new],
           "resolved": [_finding(f) for f in diff.resolved],
           "unchanged": [dump(f) for f in head if f["fingerprint"] not in diff.new],
           "changed": sorted(diff.changed)}
    return dumps(doc) + "\n"  # the report's serialiser: the findings as the report holds them


def render(diff: DiffResult, fmt: str) -> str:
    if fmt == "text":
        return render_text(diff)
    if fmt == "json":
        return render_json(diff)
    known_format(fmt)
    return REPORTERS[fmt].render(diff.with_objects())


def known_format(fmt: str) -> None:
    if fmt not in {"text", "json", *REPORTERS}:
        names = ", ".join(sorted({"text", "json", *REPORTERS}))
        raise UsageError(f"unknown format '{fmt[:100]}'; choose from {names}")


# ------------------------------------------------------------------ command


def run(args: argparse.Namespace) -> int:
    known_format(args.format)  # said before both sides run, not after (13-18 s at 10,000)
    root = atomic.real_path(args.root)
    # HEAD's side is the working tree: its reviews file is checked before the run.
    config, selection = preflight(args, root, output=Path(args.output) if args.output else None,
                                  reviews=args.head is None)
    repo = Repo.of(root)
    head_rev = args.head or WORKING_TREE
    head = _side(repo, args.head, root, config, selection, args, head=True)
    try:
        base = _side(repo, args.base, root, config, selection, args, head=False)
        try:
            diff = compare(base, head, args.base, head_rev)
            diff.extra["rules_url"] = config.rules_url
        finally:
            base.close()
        text = render(diff, args.format)  # a reporter may read HEAD's findings from it
    finally:
        head.close()  # a re-check's result holds the stored report open
    write_output(text, args.output)
    return EXIT_FINDINGS if diff.failed else EXIT_OK


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("base", nargs="?", default="HEAD", help="base revision (default: HEAD)")
    p.add_argument("head", nargs="?", help="head revision (default: the working tree)")
    p.add_argument("--format", default="text",
                   help="text, json, or any report format (markdown, github, sarif, ...)")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    p.add_argument("--fail-on", choices=("error", "warning", "info", "none"),
                   help="lowest severity of a NEW unreviewed finding that fails (default: error)")
    add_rule_options(p)
    p.add_argument("--root", default=".", help="repository root (default: current folder)")
    p.add_argument("--config", help="pyproject.toml to read [tool.fact-checks] from")
    p.add_argument("--reviews", help="reviewed-findings file (default: each revision's facts/reviews.yaml)")


COMMAND = ("diff", "compare the findings of two git revisions: new, resolved, unchanged", run,
           configure)
