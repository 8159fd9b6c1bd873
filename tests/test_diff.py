"""``python -m checks diff``: new, resolved and unchanged findings between git revisions."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checks.cli import main
from checks.config import Config
from checks.engine import select
from checks.pipeline import execute
from tests.rulecases import materialise

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ASSERTS = {"id": "c1", "evidence": "Northland said it had asked Southland for talks.",
           "by": {"speaker": "northland"},
           "says": {"subject": "northland", "predicate": "request-talks", "object": "southland"}}
# Already in the base: a disagreement on blame that the change must not report as new.
OLD_A = {"id": "c2", "evidence": "Alpha blamed Southland for the shelling.",
         "by": {"speaker": "alpha"},
         "says": {"subject": "southland", "predicate": "blame", "object": "northland"}}
OLD_B = {"id": "c1", "evidence": "Beta denied that Southland was to blame.",
         "by": {"speaker": "beta"},
         "says": {"subject": "southland", "predicate": "blame", "object": "northland",
                  "stance": "denies"}}
DENIES = {"id": "c1", "evidence": "Southland denied that any request had been made.",
          "by": {"speaker": "southland"},
          "says": {"subject": "northland", "predicate": "request-talks", "object": "southland",
                   "stance": "denies"}}

BASE_CASE: dict[str, Any] = {"sources": [{"id": "a", "claims": [ASSERTS, OLD_A]},
                                         {"id": "c", "claims": [OLD_B]}]}
HEAD_CASE: dict[str, Any] = {"sources": [*BASE_CASE["sources"],
                                         {"id": "b", "claims": [DENIES]}]}


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    materialise(BASE_CASE, root)
    (root / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    return root


def _add_conflicting_record(root: Path) -> None:
    # materialise() rewrites entities/vocabulary identically and adds facts/b.yaml + its text
    materialise(HEAD_CASE, root)


def _findings(root: Path) -> dict[str, Any]:
    config = Config()
    result = execute([root / "facts"], root, config, select(config), fail_on="error")
    return {f.fingerprint: f for f in result.findings}


def _diff(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["diff", "--root", str(root), *args])
    return code, out.getvalue()


def test_new_conflicting_record_yields_exactly_its_findings(repo: Path) -> None:
    before = _findings(repo)
    assert any(f.rule == "C101" for f in before.values()), "the base must have an old conflict"
    _add_conflicting_record(repo)
    status = _git(repo, "status", "--porcelain")
    code, out = _diff(repo, "--format", "json")
    data = json.loads(out)
    new = {f["fingerprint"]: f for f in data["new"]}
    # Every new finding involves the new record, and the contradiction it introduces is one.
    assert new
    for f in new.values():
        involved = {c["source"] for c in f["claims"]} | {f["location"]["path"]}
        assert "b" in involved or "facts/b.yaml" in involved, f
    (conflict,) = [f for f in new.values() if f["rule"] == "C101"]
    assert sorted(f"{c['source']}#{c['claim']}" for c in conflict["claims"]) == ["a#c1", "b#c1"]
    # Nothing resolved; everything the base had is unchanged, including its own C101.
    assert data["resolved"] == []
    assert {f["fingerprint"] for f in data["unchanged"]} == set(before)
    assert set(new) == set(_findings(repo)) - set(before)
    assert data["failed"] is True and code == 1
    # The user's working tree and index are as they were.
    assert _git(repo, "status", "--porcelain") == status
    assert _git(repo, "worktree", "list").count("\n") == 1


def test_two_revisions_and_resolved(repo: Path) -> None:
    _add_conflicting_record(repo)
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "b")
    code, out = _diff(repo, "HEAD~1", "HEAD", "--format", "json")
    forward = json.loads(out)
    assert code == 1 and forward["head"] == "HEAD" and forward["counts"]["new"] >= 1
    code, out = _diff(repo, "HEAD", "HEAD~1", "--format", "json")
    backward = json.loads(out)
    assert code == 0
    assert {f["fingerprint"] for f in backward["resolved"]} == \
        {f["fingerprint"] for f in forward["new"]}
    assert backward["new"] == []


def test_old_findings_do_not_fail_a_harmless_change(repo: Path) -> None:
    assert main(["check", "--root", str(repo), str(repo / "facts")]) == 1  # the old C101
    (repo / "README.md").write_text("notes\n", "utf-8")
    code, out = _diff(repo)
    assert code == 0, out
    assert "0 new" in out and "ok:" in out


def test_fail_on_and_review_apply_to_new_findings_only(repo: Path) -> None:
    _add_conflicting_record(repo)
    assert _diff(repo, "--fail-on", "none")[0] == 0
    _, out = _diff(repo, "--format", "json")
    new = json.loads(out)["new"]
    reviews = {"reviews": [{"fingerprint": f["fingerprint"], "verdict": "expected-disagreement",
                            "reason": "both sides reported faithfully", "reviewer": "t",
                            "date": "2021-04-20"} for f in new]}
    yaml = YAML(typ="safe", pure=True)
    with (repo / "facts" / "reviews.yaml").open("w", encoding="utf-8") as fh:
        yaml.dump(reviews, fh)
    code, out = _diff(repo)
    assert code == 0, out
    assert "[reviewed]" in out


def _commit_reviews(root: Path, reviews: list[dict[str, Any]]) -> None:
    yaml = YAML(typ="safe", pure=True)
    with (root / "facts" / "reviews.yaml").open("w", encoding="utf-8") as fh:
        yaml.dump({"reviews": [{"verdict": "expected-disagreement", "reason": "both faithful",
                                "reviewer": "t", "date": "2021-04-20", **r} for r in reviews]}, fh)
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "r")


def _old_conflict(root: Path) -> str:
    (fp,) = [fp for fp, f in _findings(root).items() if f.rule == "C101"]
    return fp


def test_committed_stale_and_outgrown_reviews_are_not_new(repo: Path) -> None:
    # reviews were applied on HEAD's side only: every review finding both sides have was new
    _commit_reviews(repo, [{"fingerprint": "0123456789abcdef0123"},  # T001
                           {"fingerprint": _old_conflict(repo), "claims": ["a#c2"]}])  # T004
    code, out = _diff(repo, "--format", "json")
    data = json.loads(out)
    assert {f["rule"] for f in data["unchanged"]} >= {"T001", "T004"}
    assert data["new"] == [] and code == 0


def test_a_change_that_makes_a_review_stale_reports_its_t001(repo: Path) -> None:
    fp = _old_conflict(repo)
    _commit_reviews(repo, [{"fingerprint": fp}])
    (repo / "facts" / "c.yaml").unlink()  # the denial goes, and the conflict with it
    code, out = _diff(repo, "--format", "json", "--fail-on", "warning")
    data = json.loads(out)
    (stale,) = [f for f in data["new"] if f["rule"] == "T001"]
    assert fp in stale["message"] and code == 1
    assert [f["fingerprint"] for f in data["resolved"] if f["rule"] == "C101"] == [fp]


@pytest.mark.parametrize("named", [False, True])
def test_a_stale_review_the_change_adds_is_new(repo: Path, named: bool) -> None:
    # --reviews naming a file in the repository: each side reads its own revision's copy
    _commit_reviews(repo, [{"fingerprint": _old_conflict(repo)}])
    with (repo / "facts" / "reviews.yaml").open("a", encoding="utf-8") as fh:
        fh.write("- {fingerprint: 0123456789abcdef0123, verdict: false-alarm, reason: r, "
                 "reviewer: t, date: '2021-04-20'}\n")
    named_file = ("--reviews", str(repo / "facts" / "reviews.yaml")) if named else ()
    _, out = _diff(repo, "--format", "json", *named_file)
    data = json.loads(out)
    assert [f["rule"] for f in data["new"]] == ["T001"] and data["resolved"] == []


def test_a_base_without_the_configured_reviews_file_has_no_reviews(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.fact-checks]\npaths = ["facts"]\nreviews = "facts/reviews.yaml"\n', "utf-8")
    (repo / "facts" / "reviews.yaml").write_text(
        f"reviews:\n  - {{fingerprint: {_old_conflict(repo)}, verdict: expected-disagreement, "
        "reason: both faithful, reviewer: t, date: '2021-04-20'}\n", "utf-8")
    code, out = _diff(repo, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["new"] == [], out
    assert [f["reviewed"] for f in data["unchanged"] if f["rule"] == "C101"] == [True]


def test_text_lists_groups(repo: Path) -> None:
    _add_conflicting_record(repo)
    code, out = _diff(repo, "HEAD")
    assert code == 1
    assert out.splitlines()[0].startswith("fact-checks diff HEAD..working tree:")
    new_block = out.split("\nnew:\n", 1)[1].split("\n\n", 1)[0]
    assert "C101" in new_block and "facts/" in new_block
    assert "FAILED" in out


def test_bad_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--root", str(repo), "no-such-rev"]) == 2
    assert "not a commit" in capsys.readouterr().err
    assert main(["diff", "--root", str(repo), "--", "--output=x"]) == 2


def test_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    materialise(BASE_CASE, tmp_path)
    assert main(["diff", "--root", str(tmp_path)]) == 2


def test_extra_new_is_given_to_reporters(repo: Path) -> None:
    from checks.cmd_diff import Repo, _side, compare

    _add_conflicting_record(repo)
    config = Config()
    selection = select(config)

    class Args:
        fail_on = None
        reviews = None
        select = None
        ignore = None
        format = "json"

    r = Repo.of(repo)
    head = _side(r, None, repo, config, selection, Args(), head=True)  # type: ignore[arg-type]
    base = _side(r, "HEAD", repo, config, selection, Args(), head=False)  # type: ignore[arg-type]
    diff = compare(base, head, "HEAD", "working tree")
    assert diff.extra["new"] == sorted(diff.new) and diff.new
    assert {f.fingerprint for f in diff.failing()} <= diff.new


def test_base_revision_reuses_the_working_trees_cache(repo: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from checks import cache

    monkeypatch.delenv("FACT_CHECKS_CACHE", raising=False)
    parsed: list[list[str]] = []
    real = cache._run
    monkeypatch.setattr(cache, "_run", lambda store, jobs, fast: parsed.append(
        [shown for _, shown, _, _ in jobs]) or real(store, jobs, fast))
    _diff(repo, "--format", "json")  # fills the cache (head first, then the base: the same files)
    assert parsed[0] and parsed[1] == []
    parsed.clear()
    _add_conflicting_record(repo)
    code, out = _diff(repo, "--format", "json")
    assert code == 1 and json.loads(out)["new"]
    head, base = parsed
    assert "facts/b.yaml" in head and len(head) <= 2, "only what the edit changed is parsed"
    assert base == [], "the base revision's files are all in the working tree's cache"


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    """A generated archive of 30 articles, committed: one edited article is a local change."""
    from benchmarks.generate import generate

    root = tmp_path / "archive"
    generate(root, 30, seed=7)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    return root


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "markdown", "html"])
def test_diff_from_a_stored_state_equals_a_cold_diff(archive: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      fmt: str) -> None:
    """Both sides re-check from the state the last run stored, as ``check`` does (the
    base revision, exported elsewhere, from the working tree's state); the diff they
    give is exactly the diff of cold runs."""
    from benchmarks.__main__ import _edit
    from checks import incremental

    monkeypatch.delenv("FACT_CHECKS_CACHE", raising=False)
    kinds: list[bool] = []
    real = incremental.recheck
    monkeypatch.setattr(incremental, "recheck", lambda *a: kinds.append(
        isinstance(r := real(*a), incremental.IncrementalResult)) or r)
    # No state yet: the working tree runs in full and stores one, the base re-checks from it.
    _diff(archive, "--format", fmt, "--fail-on", "none")
    assert kinds == [False, True]
    _edit(archive)  # one claim of one article negated
    warm = _diff(archive, "--format", fmt, "--fail-on", "none")
    assert kinds[2:] == [True, True], "the second diff re-checks both sides"
    record = sorted((archive / "facts").glob("art-*.yaml"))[3]
    record.write_text(record.read_text("utf-8") + "# a comment moves nothing\n", "utf-8")
    warm_again = _diff(archive, "--format", fmt, "--fail-on", "none")
    assert kinds[-1] is True
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    cold = _diff(archive, "--format", fmt, "--fail-on", "none")
    assert warm == warm_again == cold
    if fmt == "json":
        assert json.loads(warm[1])["counts"]["new"] > 0, "the edit must show in the diff"


def test_a_base_that_differs_in_texts_and_records_diffs_as_cold(
        archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The base revision is checked from the working tree's state: what it does not share
    with the working tree (an archived text, a record deleted since, a record edited
    since) is checked again, and the diff is exactly the diff of cold runs."""
    from benchmarks.__main__ import _edit
    from checks import incremental

    monkeypatch.delenv("FACT_CHECKS_CACHE", raising=False)
    kinds: list[bool] = []
    real = incremental.recheck
    monkeypatch.setattr(incremental, "recheck", lambda *a: kinds.append(
        isinstance(r := real(*a), incremental.IncrementalResult)) or r)
    facts = archive / "facts"
    text = sorted((facts / "texts").iterdir())[0]
    text.write_text("Nothing of what the record quotes.\n", "utf-8")
    sorted(facts.glob("art-*.yaml"))[5].unlink()
    _git(archive, "add", "-A")
    _git(archive, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q",
         "-m", "a text emptied, a record deleted")
    _edit(archive)  # and one claim negated, uncommitted
    args = ("HEAD~1", "--format", "json", "--fail-on", "none")
    first = _diff(archive, *args)  # the head runs in full, the base re-checks from its state
    second = _diff(archive, *args)
    assert kinds == [False, True, True, True]
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    cold = _diff(archive, *args)
    assert first == second == cold
    counts = json.loads(cold[1])["counts"]
    assert counts["new"] > 0 and counts["resolved"] > 0, counts


def test_text_output_breaks_workflow_commands_and_escapes_file_names() -> None:
    # CI prints diff's text to its log: as the text reporter, nothing in it is obeyed
    from checks.cmd_diff import compare, render_text
    from tests.consumers.support import hostile_result, renamed, seed_result

    head = hostile_result()
    head.findings[0] = renamed(hostile_result(n=1)).findings[0]
    out = render_text(compare(seed_result(), head, "HEAD", "working tree"))
    assert "\x1b" not in out and "##[" not in out
    lines = out.splitlines()
    assert not any(line.lstrip().startswith(("::", "ok.yaml")) for line in lines)
    assert all(ch.isprintable() or ch == "\u2060" for line in lines for ch in line)
    assert "  facts/x\\nok.yaml:1:1: info Z000 all good \\x1b[8m" in out


def test_a_file_name_forges_no_diff_line(repo: Path) -> None:
    (repo / "facts" / "x\nok.yaml:1:1: info Z000 all good \x1b[8m.yaml").write_text("a: [1\n")
    code, out = _diff(repo, "HEAD")
    assert code == 1 and "\x1b" not in out
    assert not any(line.startswith("ok.yaml") for line in out.splitlines())
    new = out.split("\nnew:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(new) == 1 and " error L001 " in new[0]  # the broken file's one finding
    assert new[0].startswith("  facts/x\\nok.yaml:1:1: info Z000 all good \\x1b[8m.yaml:")
