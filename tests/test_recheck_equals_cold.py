"""A re-check with the previous run's cache present gives exactly the report of a cold run.

Differential test at the command line, one subprocess per run (the cache and the
process state are what is under test): in a copy of a corpus, a warm run fills
``.fact-checks-cache/``; then each edit of the scenario is applied and the tree is
checked again, warm (the re-check, reusing what the cache holds) and cold
(``FACT_CHECKS_CACHE=off``), side by side. After every edit the JSON reports
(``--fail-on none``, the configured paths: a complete run) must be byte-identical;
after every 4th edit and the last, the text reports too (the configured
``fail-on``, the facts folder named on the command line: another scope over the
same cache), with the same exit code; one scenario compares SARIF as well. Edits
chain, so stale state left by one re-check shows up in the next.

Every edit asserts that it changed something (tests/recheck_edits.py), and most
also state what the report must then do (differ from the previous one, stay the
same, or return to the untouched corpus's), and some which finding must then name
the edited claim, so a scenario cannot pass vacuously.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import ensure
from tests import recheck_edits as e
from tests.recheck_edits import Edit, Tree
from tests.rulecases import materialise

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
TODAY = "2026-01-01"
TIMEOUT = 120
ALL_FORMATS_EVERY = 4  # JSON after every edit; text (and SARIF) every 4th edit and after the last

RBT = "facts/rbt-2021-04-12-putin-wont-talk.yaml"
RFE = "facts/rferl-2021-04-12-dialogue.yaml"
AP = "facts/ap-chinapost-2021-04-12-request-ignored.yaml"
CBS = "facts/cbs-2021-04-12-80000-troops.yaml"
TEL = "facts/telegraph-independent-2021-04-13-putin-ignoring.yaml"
TOP = "facts/topcor-2021-04-12-kiev-lied.yaml"
PLEDGE = "facts/pledgetimes-2021-04-16-unanswered-request.yaml"
TASS = "facts/tass-2021-04-12-kremlin-not-aware.yaml"
RBT_TEXT = "facts/texts/rbt-2021-04-12-putin-wont-talk.txt"
SMALL_A, SMALL_B = "facts/a.yaml", "facts/b.yaml"
NYT6 = "facts/nyt-2021-04-13-kremlin-rebuffs-ukraine.yaml"
CNN6 = "facts/cnn-2021-04-14-russia-ukraine-tensions-live.yaml"
POL9 = "facts/politico-eu-2021-04-13-nato-russia-unjustified.yaml"
WITHDRAWN = 'withdrawn: {words: "36", value: 36}'
CORRECTS = "corrects: [military-at-least-26-killed]"


@dataclass(frozen=True)
class Scenario:
    id: str
    corpus: str  # seed, unseen, unseen2, unseen3, unseen6, unseen9, small, small-disputed or generated
    edits: tuple[Edit, ...]
    formats: tuple[str, ...] = ("json", "text")


def _first_review(tree: Tree) -> str:
    """The fingerprint of the first reviewed finding of the current report."""
    return str(next(f["fingerprint"] for f in tree.report["findings"]
                    if f.get("status") == "reviewed"))


SCENARIOS = [
    # --- propositions: polarity, stance, figures
    Scenario("negate-claim", "seed", (
        e.negate(RBT, "mendel-request-made").then("changes", witness="C101"),
        e.restore(RBT).then("baseline"))),
    Scenario("stance-flip", "unseen", (
        e.stance(CBS, "mendel-request-made", "denies").then("changes"),
        e.stance(AP, "peskov-not-aware", "asserts").then("changes"))),
    Scenario("figure-conflict-appears-and-disappears", "unseen", (
        e.quantity(RBT, "conflict-killed-14000", "21000").then("changes", witness="Q201"),
        e.restore(RBT).then("baseline"))),
    # TASS's undated figure (12 April) meets Ukrinform's 41,000 (13 April) in another record
    Scenario("next-day-figure-conflict", "unseen3", (
        e.quantity(TASS, "officials-up-to-40000", "30000").then("changes", witness="Q201"),
        e.restore(TASS).then("baseline"))),
    Scenario("figure-same-size-same-mtime", "seed", (
        e.quantity_same_size_same_mtime(RBT, "conflict-killed-14000", "91000").then("changes"),
        e.text_same_size_same_mtime(RBT_TEXT, "traded blame", "traded blane").then(
            "changes", witness="I004"))),
    # --- attribution and blocks
    Scenario("speaker-change", "seed", (
        e.speaker(RBT, "mendel-40000-troops", "zelenskiy").then("changes"),
        e.speaker(RFE, "peskov-not-aware", "putin").then("changes"))),
    # a person and the office they head are one party: the block of the office's key
    Scenario("head-and-office-one-party", "seed", (
        e.stance(RBT, "lede-request-lodged", "denies").then("changes", witness="C101"),
        e.move(RBT, "lede-request-lodged", subject="ukraine").then("changes"),
        e.restore(RBT).then("baseline"))),
    # A401's headline exemption reads the article's body across party blocks (the
    # president's claim sources the standfirst about the state): its block is the group's
    Scenario("standfirst-sourced-across-party-blocks", "unseen9", (
        e.negate(POL9, "office-asked-april-2").then(
            "changes", witness="A401", focus="dek-kyiv-pleads"),
        e.restore(POL9).then("baseline"))),
    Scenario("move-between-blocks", "unseen2", (
        e.move(RBT, "lede-request-lodged", subject="ukraine-presidential-office").then("changes"),
        e.move(CBS, "moscow-denied-request", object="zelenskiy").then("changes"))),
    Scenario("add-then-delete-claim", "unseen2", (
        e.copy_claim(CBS, "moscow-denied-request", PLEDGE, "copied-denial").then(
            "changes", witness="C101"),
        e.delete_claim(TOP, "kiev-lied").then("changes")),
        formats=("json", "text", "sarif")),
    Scenario("delete-claims", "seed", (
        e.delete_claim(RBT, "peskov-not-aware").then("changes"),
        e.delete_claim(RFE, "peskov-not-aware").then("changes"))),
    # --- layout only
    Scenario("comment-shifts-lines", "seed", (
        e.insert_comment(RBT).then("changes"),
        e.edit_comment(RBT).then("same"))),
    Scenario("touch-only", "seed", (
        e.touch(RBT).then("same"),
        e.touch(RBT_TEXT).then("same"))),
    # a CI run: a new clone next to the restored cache, then a pull request's edit
    Scenario("fresh-checkout-then-edit", "unseen", (
        e.fresh_checkout().then("same"),
        e.negate(CBS, "mendel-request-made").then("changes"))),
    # --- files: add, duplicate, delete, rename
    Scenario("add-record-then-edit-it", "unseen", (
        e.copy_record(CBS, "facts/cbs-copy-2021-04-12.yaml", "cbs-copy-2021-04-12").then("changes"),
        e.negate("facts/cbs-copy-2021-04-12.yaml", "mendel-request-made").then("changes"))),
    Scenario("duplicate-source-id", "seed", (
        e.copy_record(RBT, "facts/rbt-duplicate.yaml", None).then("changes", witness="I003"),
        e.restore("facts/rbt-duplicate.yaml").then("baseline"))),
    Scenario("delete-record-then-restore", "unseen2", (
        e.delete_file(AP).then("changes"),
        e.restore(AP).then("baseline"))),
    Scenario("rename-record", "unseen2", (
        e.rename_file(TEL, "facts/telegraph-renamed.yaml").then("changes"),
        e.rename_file(CBS, "facts/aaa-cbs-renamed.yaml").then("changes"))),
    # --- registry, vocabulary, reviews, configuration
    Scenario("entity-rename", "seed", (
        e.entity_name("mendel", "Yuliia Mendel").then("changes"),
        e.entity_name("peskov", "Dmitri Peskov").then("changes"))),
    Scenario("vocabulary-edit", "unseen", (
        e.predicate_field("request-talks", "label", "asked for talks with").then("changes"),
        e.predicate_field("request-talks", "description", "Reworded description.").then("same"))),
    Scenario("reviews-stale-dropped-restored", "seed", (
        e.bogus_review().then("changes", witness="T001"),
        e.drop_review(_first_review).then("changes"),
        e.review_finding().then("changes"))),
    Scenario("second-reviews-file-unapplied", "seed", (
        e.copy_file(e.REVIEWS, "facts/reviews-old.yaml").then("changes", witness="T006"),
        e.restore("facts/reviews-old.yaml").then("baseline"))),
    Scenario("review-current-then-expire", "unseen2", (
        e.review_finding("C101", expires="2026-06-30").then("changes"),
        e.today("2026-07-01").then("changes", witness="T002"))),
    # the first configuration's stored state predates the edit made under the second
    Scenario("config-change-edit-change-back", "seed", (
        e.config_line('ignore = ["C101"]').then("changes"),
        e.negate(RBT, "mendel-request-made").then("changes"),
        e.restore(e.PYPROJECT).then("changes", witness="C101", focus="mendel-request-made"))),
    Scenario("damaged-cache", "unseen", (
        e.damage_cache().then("same"),
        e.negate(CBS, "lede-requests-made").then("changes"))),
    # --- invalid records, then fixed
    Scenario("syntax-error-then-fixed", "unseen2", (
        e.break_syntax(TOP, "kiev-lied").then("changes", witness="L001"),
        e.restore(TOP).then("baseline"))),
    Scenario("schema-error-then-fixed", "seed", (
        e.schema_error(RBT, "conflict-killed-14000").then("changes", witness="S001"),
        e.restore(RBT).then("baseline"))),
    # --- more findings of one code in a file than are reported (checks.load.MAX_HITS_PER_CODE)
    Scenario("findings-over-the-per-file-cap", "seed", (
        e.duplicate_keys(RBT, 150).then("changes", witness="L002"),
        e.missing_excerpts(RFE, "peskov-not-aware", 130).then("changes", witness="I004"),
        e.duplicate_keys(RBT, 120).then("changes", witness="L002"),
        e.restore(RBT).then("changes"),
        e.restore(RFE).then("baseline")),
        formats=("json", "text", "sarif")),
    # --- the archived article
    Scenario("archived-text-edited", "seed", (
        e.edit_text(RBT_TEXT, "traded blame", "swapped blame").then("changes", witness="I004"),
        e.restore(RBT_TEXT).then("baseline"))),
    # --- a reviews file and no stored rule finding: the first finding a re-check adds
    Scenario("reviews-file-first-finding", "small", (
        e.speaker(SMALL_A, "c1", "alphaz").then("changes"),  # I001, located at no claim
        e.restore(SMALL_A).then("baseline"),
        e.stance(SMALL_B, "c1", "denies").then("changes", witness="C101"))),
    Scenario("reviewed-findings-gone-then-broken-record", "small-disputed", (
        e.review_finding("C101").then("changes"),
        dataclasses.replace(e.stance(SMALL_B, "c1", "asserts"), focus=None).then(
            "changes", witness="T001"),  # the review's finding is gone: none is stored
        e.break_syntax(SMALL_A, "c1").then("changes", witness="L001"))),
    # --- correction notes: a block rule reads a note from the source of a stored row
    Scenario("correction-withdrawn-figure", "unseen6", (
        e.quantity(CNN6, "officials-28-killed", "36").then("changes", witness="E102"),
        e.replace(NYT6, WITHDRAWN, WITHDRAWN.replace("36", "38")).then("changes"),
        e.replace(NYT6, WITHDRAWN.replace("36", "38"), WITHDRAWN).then(
            "changes", witness="E102", focus="officials-28-killed"),
        e.replace(NYT6, CORRECTS, "corrects: [military-at-least-26-kiled]").then(
            "changes", witness="I013"),
        e.restore(NYT6),
        e.restore(CNN6).then("baseline"))),
    # --- the generated corpus: a seeded random chain (one edit joins the most popular block)
    Scenario("generated-random-8", "generated", e.random_edits(seed=2026, steps=8)),
]
MIN_SCENARIOS = 25  # written above; the list must never shrink unnoticed


# ------------------------------------------------------------------ corpora


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "corpus"
    ensure(path, articles=40, seed=3)
    return path


@pytest.fixture(scope="session")
def pycache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One bytecode cache for every run (the checkout may forbid writing bytecode)."""
    return tmp_path_factory.mktemp("pycache")


def _make_root(corpus: str, root: Path, generated: Path) -> None:
    if corpus == "seed":
        shutil.copytree(REPO / "facts", root / "facts")
        shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    elif corpus in ("unseen", "unseen2", "unseen3", "unseen6", "unseen9"):
        # the layout of tests/test_unseen_outlets*.py
        shutil.copytree(FIXTURES / corpus / "facts", root / "facts")
        (root / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")
    elif corpus in ("small", "small-disputed"):
        _small(root, disputed=corpus == "small-disputed")
    else:
        shutil.copytree(generated / "facts", root / "facts")
        # the generator's repository fails on nothing; fail on errors, so exit codes say something
        (root / "pyproject.toml").write_text(
            '[tool.fact-checks]\npaths = ["facts"]\nfail-on = "error"\n', "utf-8")


def _small(root: Path, *, disputed: bool) -> None:
    """Two records on one proposition (beta denies it when ``disputed``: one C101, the
    only rule finding) and an empty reviews file: five files, so that a one-file edit
    is re-checked, not run in full (checks.incremental.MAX_CHANGED_SHARE)."""
    said = {"a": ("alpha", "asserts", "Alpha said Northland had asked Southland for talks."),
            "b": ("beta", "denies" if disputed else "asserts",
                  "Beta said Northland had asked Southland for talks.")}
    materialise({"sources": [{"id": sid, "claims": [{"id": "c1", "evidence": evidence}]}
                             for sid, (_, _, evidence) in said.items()]}, root)
    for sid, (who, stance, evidence) in said.items():  # in the flow style the edits expect
        text = (root / "facts" / "texts" / f"{sid}.txt").read_bytes()
        (root / "facts" / f"{sid}.yaml").write_text(
            f"source:\n  id: {sid}\n  outlet: outlet-{sid}\n  url: https://example.org/{sid}\n"
            f"  headline: Headline of {sid}\n  published: {{date: \"2021-04-12\", known: stated}}\n"
            f"  text:\n    path: texts/{sid}.txt\n    sha256: {hashlib.sha256(text).hexdigest()}\n"
            f"\nclaims:\n\n  - id: c1\n    evidence: {evidence}\n    by: {{speaker: {who}}}\n"
            "    says: {subject: northland, predicate: request-talks, object: southland, "
            f"stance: {stance}}}\n", "utf-8")
    (root / e.REVIEWS).write_text("reviews: []\n", "utf-8")
    (root / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")


# ------------------------------------------------------------------ runs


@dataclass(frozen=True)
class Run:
    rc: int
    out: bytes
    err: str


class Runner:
    """Runs ``python -m checks check`` on one root, warm or cold."""

    def __init__(self, root: Path, work: Path, pycache: Path) -> None:
        self.root, self.work, self.pycache, self.n = root, work, pycache, 0
        (work / "xdg").mkdir(parents=True)

    def _env(self, warm: bool, today: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("FACT_CHECKS_") and k != "PYTHONDONTWRITEBYTECODE"}
        env.update(FACT_CHECKS_TODAY=today, XDG_CACHE_HOME=str(self.work / "xdg"),
                   PYTHONPYCACHEPREFIX=str(self.pycache))  # bytecode outside the repository
        if not warm:
            env["FACT_CHECKS_CACHE"] = "off"
        return env

    def _start(self, fmt: str, warm: bool, today: str) -> tuple[subprocess.Popen[bytes], Path]:
        self.n += 1
        out = self.work / "out" / f"{self.n:03d}-{'warm' if warm else 'cold'}.{fmt}"
        args = [sys.executable, "-m", "checks", "check", "--root", str(self.root),
                "--format", fmt, "--output", str(out)]
        if fmt == "json":  # the configured paths: a complete run, which can tell stale reviews
            args += ["--fail-on", "none"]
        else:  # the folder named: a run of another scope over the same cache
            args.append(str(self.root / "facts"))
        proc = subprocess.Popen(args, cwd=self.root, env=self._env(warm, today),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return proc, out

    def together(self, jobs: list[tuple[str, bool]], today: str) -> list[Run]:
        started = [self._start(fmt, warm, today) for fmt, warm in jobs]
        runs = []
        for proc, out in started:
            _, err = proc.communicate(timeout=TIMEOUT)
            runs.append(Run(proc.returncode, out.read_bytes() if out.exists() else b"",
                            err.decode("utf-8", "replace")))
        return runs


def _diff(warm: bytes, cold: bytes) -> str:
    lines = difflib.unified_diff(cold.decode("utf-8", "replace").splitlines(),
                                 warm.decode("utf-8", "replace").splitlines(),
                                 "cold", "warm", lineterm="", n=2)
    return "\n".join(list(lines)[:60])


def _compare(fmt: str, warm: Run, cold: Run, history: list[str]) -> None:
    where = "after:\n  " + "\n  ".join(history)
    for run in (warm, cold):
        assert run.rc in (0, 1) and run.out, f"{fmt} run failed (rc {run.rc}) {where}\n{run.err}"
    if fmt == "json":
        assert cold.rc == 0, f"--fail-on none must exit 0 {where}"
    assert warm.out == cold.out, f"warm {fmt} report differs from cold {where}\n" + _diff(
        warm.out, cold.out)
    assert warm.rc == cold.rc, f"{fmt} exit code: warm {warm.rc}, cold {cold.rc} {where}"


def _involves(report: dict[str, Any], rule: str, focus: str | None) -> bool:
    for f in report["findings"]:
        if f["rule"] == rule and (focus is None or any(c["claim"] == focus for c in f["claims"])):
            return True
    return False


def _expectation(edit: Edit, report: dict[str, Any], before: bytes, now: bytes,
                 baseline: bytes) -> None:
    if edit.expect == "changes":
        assert now != before, f"{edit.name}: the report did not change"
    elif edit.expect == "same":
        assert now == before, f"{edit.name}: the report changed:\n{_diff(now, before)}"
    elif edit.expect == "baseline":
        assert now == baseline, f"{edit.name}: not back to the untouched report:\n" + _diff(
            now, baseline)
    if edit.witness:
        assert _involves(report, edit.witness, edit.focus), (
            f"{edit.name}: no {edit.witness} finding" + (f" on {edit.focus}" if edit.focus else ""))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_recheck_equals_cold(scenario: Scenario, tmp_path: Path, generated: Path,
                             pycache: Path) -> None:
    root = tmp_path / "repo"
    _make_root(scenario.corpus, root, generated)
    runner = Runner(root, tmp_path / "work", pycache)
    (fill,) = runner.together([("json", True)], TODAY)  # fills the cache
    assert fill.rc == 0 and fill.out, fill.err
    assert any((root / ".fact-checks-cache").iterdir()), "the first run left no cache"
    baseline = previous = fill.out
    tree = Tree(root, json.loads(fill.out), TODAY)
    history: list[str] = []
    for step, edit in enumerate(scenario.edits, 1):
        history.append(edit.apply(tree))
        every = step == len(scenario.edits) or step % ALL_FORMATS_EVERY == 0
        for fmt in scenario.formats if every else ("json",):
            warm, cold = runner.together([(fmt, True), (fmt, False)], tree.today)
            _compare(fmt, warm, cold, history)
            if fmt == "json":
                tree.report = json.loads(cold.out)
                _expectation(edit, tree.report, previous, cold.out, baseline)
                previous = cold.out


KINDS = {"negate", "stance", "quantity", "quantity-same-stat", "text-same-stat", "speaker", "move",
         "copy-claim", "delete-claim", "insert-comment", "edit-comment", "copy-record",
         "duplicate-source-id", "delete-file", "rename-file", "restore", "entity-name",
         "vocabulary-label", "vocabulary-description", "review-finding", "stale-review",
         "drop-review", "today", "config", "syntax-error", "schema-error", "archived-text",
         "touch", "damage-cache", "random", "fresh-checkout", "duplicate-keys",
         "missing-excerpts"}


def test_scenarios_cover_every_kind_of_edit() -> None:
    kinds = {edit.name.split()[0] for s in SCENARIOS for edit in s.edits}
    assert kinds >= KINDS, f"no scenario left for {sorted(KINDS - kinds)}"
    assert len(SCENARIOS) >= MIN_SCENARIOS
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS)
    steps = sum(len(s.edits) for s in SCENARIOS)
    assert steps >= 2 * MIN_SCENARIOS, "every scenario chains at least two edits"
    assert all(len(s.edits) >= 2 for s in SCENARIOS)
    assert {s.corpus for s in SCENARIOS} == {"seed", "unseen", "unseen2", "unseen3", "unseen6",
                                             "unseen9", "generated",
                                                "small", "small-disputed"}
    assert any("sarif" in s.formats for s in SCENARIOS)
    assert len(e.random_edits(seed=2026, steps=8)) == 8
