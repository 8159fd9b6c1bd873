"""Reviewed findings (checks.triage): matching, expiry, stale and broken review files."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checks import triage
from checks.cli import main
from checks.config import Config, ConfigError
from checks.engine import select
from checks.pipeline import RunResult, execute
from checks.reviews import ReviewsFile
from tests.rulecases import materialise

# Two outlets, one says a request for talks was made, the other denies it: C101.
CONFLICT: dict[str, Any] = {"sources": [
    {"id": "a", "claims": [{"id": "c1", "evidence": "Northland said it had asked Southland for talks.",
                            "by": {"speaker": "northland"},
                            "says": {"subject": "northland", "predicate": "request-talks",
                                     "object": "southland"}}]},
    {"id": "b", "claims": [{"id": "c1", "evidence": "Southland denied that any request had been made.",
                            "by": {"speaker": "southland"},
                            "says": {"subject": "northland", "predicate": "request-talks",
                                     "object": "southland", "stance": "denies"}}]},
]}


def _dump(path: Path, data: Any) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    materialise(CONFLICT, tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")
    return tmp_path


def _run(root: Path, config: Config | None = None) -> RunResult:
    config = config or Config()
    return execute([root / "facts"], root, config, select(config), fail_on="error")


def _conflict(result: RunResult) -> str:
    (fp,) = [f.fingerprint for f in result.findings if f.rule == "C101"]
    return fp


def _review(fp: str, **extra: Any) -> dict[str, Any]:
    return {"fingerprint": fp, "verdict": "expected-disagreement",
            "reason": "Northland says it asked; Southland denies it: both reported faithfully.",
            "reviewer": "tester", "date": "2021-04-20", **extra}


def _write_reviews(root: Path, *reviews: dict[str, Any]) -> Path:
    path = root / "facts" / "reviews.yaml"
    _dump(path, {"reviews": list(reviews)})
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if needle in line)


def test_unreviewed_conflict_fails(repo: Path) -> None:
    result = _run(repo)
    triage.apply(result, Config())
    assert result.failed
    assert "reviewed" not in result.extra


def test_reviewed_finding_stays_but_does_not_fail(repo: Path) -> None:
    fp = _conflict(_run(repo))
    _write_reviews(repo, *[_review(f.fingerprint) for f in _run(repo).failing()])
    result = _run(repo)
    triage.apply(result, Config(), today="2021-04-21")
    assert not result.failed
    assert fp in {f.fingerprint for f in result.findings}
    entry = result.extra["reviewed"][fp]  # type: ignore[index]
    assert entry["verdict"] == "expected-disagreement"
    assert entry["reason"].startswith("Northland says")
    assert entry["reviewer"] == "tester" and entry["date"] == "2021-04-20"
    assert entry["expires"] is None


def test_cli_marks_reviewed_and_exits_clean(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_reviews(repo, *[_review(f.fingerprint) for f in _run(repo).failing()])
    monkeypatch.setenv(triage.TODAY_ENV, "2021-04-21")
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["check", "--root", str(repo), str(repo / "facts")])
    assert code == 0, out.getvalue()
    assert "C101" in out.getvalue() and "[reviewed]" in out.getvalue()


def test_stale_review_is_a_finding_at_its_entry(repo: Path) -> None:
    gone = "0123456789abcdef0123"
    path = _write_reviews(repo, _review(gone, rule="C101"))
    result = _run(repo)
    triage.apply(result, Config())
    (stale,) = [f for f in result.findings if f.rule == "T001"]
    assert stale.location.path == "facts/reviews.yaml"
    assert stale.location.line == _line_of(path, gone)
    assert stale.location.pointer == "/reviews/0/fingerprint"
    assert gone in stale.message and stale.severity.value == "warning"


def test_stale_is_not_told_from_a_partial_run(repo: Path) -> None:
    _write_reviews(repo, _review("0123456789abcdef0123"))
    result = _run(repo)
    triage.apply(result, Config(), complete=False)
    assert not [f for f in result.findings if f.rule == "T001"]
    scoped = _run(repo)
    scoped.extra["scope"] = {"rules": False, "complete": True}
    triage.apply(scoped, Config())
    assert not [f for f in scoped.findings if f.rule == "T001"]


BLAME = [{"id": "c", "claims": [{"id": "c1", "evidence": "Alpha blamed Southland.",
                                 "by": {"speaker": "alpha"},
                                 "says": {"subject": "southland", "predicate": "blame",
                                          "object": "northland"}}]},
         {"id": "d", "claims": [{"id": "c1", "evidence": "Beta denied Southland was to blame.",
                                 "by": {"speaker": "beta"},
                                 "says": {"subject": "southland", "predicate": "blame",
                                          "object": "northland", "stance": "denies"}}]}]
SHADOW = {"id": "c1", "evidence": "Headline of a", "by": {"speaker": "alpha"},
          "says": {"subject": "alpha", "predicate": "say", "object": "beta"}}


@pytest.mark.parametrize(("code", "edit"), [
    ("I002", lambda claims: claims[0]["says"].update(predicate="request-talk")),
    ("I001", lambda claims: claims[0]["says"].update(subject="northlnd")),
    ("I003", lambda claims: claims.insert(0, SHADOW)),  # the record's first c1 is kept
])
def test_a_claim_not_computed_as_written_makes_no_review_stale(
        tmp_path: Path, code: str, edit: Any) -> None:
    # the typo moved the claim out of its reviewed conflict: its review was 'delete this'
    materialise({"sources": [*CONFLICT["sources"], *BLAME]}, tmp_path)
    fps = [f.fingerprint for f in _run(tmp_path).findings]
    assert len(fps) == 2
    _write_reviews(tmp_path, *map(_review, fps))
    yaml = YAML(typ="safe", pure=True)
    record = yaml.load(tmp_path / "facts" / "a.yaml")
    edit(record["claims"])
    _dump(tmp_path / "facts" / "a.yaml", record)
    result = _run(tmp_path)
    triage.apply(result, Config())
    assert [f.rule for f in result.findings if f.category in ("integrity", "review")] == [code]
    assert list(result.extra["reviewed"]) == fps[1:]  # the other review still holds


@pytest.mark.parametrize(("today", "expired"), [("2021-05-01", False), ("2021-05-02", True)])
def test_expiry(repo: Path, monkeypatch: pytest.MonkeyPatch, today: str, expired: bool) -> None:
    fp = _conflict(_run(repo))
    path = _write_reviews(repo, _review(fp, expires="2021-05-01"))
    monkeypatch.setenv(triage.TODAY_ENV, today)
    result = _run(repo)
    triage.apply(result, Config())
    found = [f for f in result.findings if f.rule == "T002"]
    if not expired:
        assert not found and fp in result.extra["reviewed"]  # type: ignore[operator]
        return
    (t002,) = found
    assert t002.location.line == _line_of(path, "expires:")
    assert "2021-05-01" in t002.message and "C101" in t002.message
    assert fp not in result.extra["reviewed"] and fp in result.extra["expired"]  # type: ignore[operator]
    assert {c.claim for c in t002.claims} == {"c1"}
    assert result.failed


def test_today_option_beats_environment(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fp = _conflict(_run(repo))
    _write_reviews(repo, _review(fp, expires="2021-05-01"))
    monkeypatch.setenv(triage.TODAY_ENV, "2030-01-01")
    result = _run(repo)
    triage.apply(result, Config(), today="2021-04-30")
    assert fp in result.extra["reviewed"]  # type: ignore[operator]


def test_bad_today_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from checks.config import ConfigError

    monkeypatch.setenv(triage.TODAY_ENV, "yesterday")
    with pytest.raises(ConfigError, match="FACT_CHECKS_TODAY"):
        triage.current_date()


def test_duplicate_review(repo: Path) -> None:
    fp = _conflict(_run(repo))
    path = _write_reviews(repo, _review(fp), _review(fp, verdict="false-alarm"))
    result = _run(repo)
    triage.apply(result, Config())
    (dup,) = [f for f in result.findings if f.rule == "T003"]
    assert dup.location.pointer == "/reviews/1/fingerprint"
    assert dup.location.line > _line_of(path, fp)
    assert result.extra["reviewed"][fp]["verdict"] == "expected-disagreement"  # type: ignore[index]


def test_ignored_review_codes_are_not_reported(repo: Path) -> None:
    _write_reviews(repo, _review("0123456789abcdef0123"))
    config = Config(ignore=("T001",))
    result = _run(repo, config)
    triage.apply(result, config)
    assert not [f for f in result.findings if f.category == "review"]


@pytest.mark.parametrize(("entry", "words"), [
    ({"reason": ""}, "reason"),
    ({"reason": "   "}, "reason"),
    ({"verdict": "expected"}, "expected-disagreement"),
    ({"date": "2021-02-30"}, "date"),
    ({"expires": "2021-04-01"}, "before the review date"),
    ({"reviwer": "x"}, "reviewer"),
    ({"fingerprint": "C101"}, "fingerprint"),
])
def test_broken_review_is_a_located_schema_finding(repo: Path, entry: dict[str, Any],
                                                    words: str) -> None:
    fp = _conflict(_run(repo))
    review = {**_review(fp), **entry}
    _write_reviews(repo, review)
    result = _run(repo)
    triage.apply(result, Config())
    schema = [f for f in result.findings if f.location.path == "facts/reviews.yaml"]
    assert schema and all(f.rule == "S001" for f in schema)
    assert any(words in (f.message + " " + (f.fix or "")) for f in schema)
    assert all(f.location.line >= 2 for f in schema)  # inside the entry, not the file's top
    assert "reviewed" not in result.extra
    assert result.failed


def test_review_file_outside_the_corpus_is_validated_too(repo: Path, tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.yaml"
    path.write_text("reviews:\n  - fingerprint: nothex\n", "utf-8")
    result = _run(repo)
    triage.apply(result, Config(), reviews=path)
    broken = [f for f in result.findings if f.location.path == "elsewhere.yaml"]
    assert broken and {f.rule for f in broken} == {"S001"}
    assert all(f.location.line == 2 for f in broken)


def test_syntax_error_in_reviews_is_a_load_finding(repo: Path) -> None:
    (repo / "facts" / "reviews.yaml").write_text("reviews:\n\t- fingerprint: x\n", "utf-8")
    result = _run(repo)
    triage.apply(result, Config())
    assert [f.rule for f in result.findings if f.location.path == "facts/reviews.yaml"] == ["L001"]


def test_explicit_missing_reviews_file_is_a_configuration_error(repo: Path) -> None:
    result = _run(repo)
    with pytest.raises(ConfigError, match=r"missing\.yaml"):
        triage.apply(result, Config(), reviews=repo / "missing.yaml")
    with pytest.raises(ConfigError, match=r"reviews: no such file: 'facts/missing\.yaml'"):
        triage.apply(result, Config(reviews="facts/missing.yaml"))
    triage.apply(result, Config())  # the default file may be absent


def test_a_reviews_file_named_on_purpose_must_hold_reviews(repo: Path) -> None:
    """A folder or another kind of fact file was applied as an empty reviews file (or
    reported as L006 at '.'), so every review meant for the run waived nothing."""
    result = _run(repo)
    with pytest.raises(ConfigError, match=r"entities\.yaml' holds the entity registry, not "):
        triage.apply(result, Config(), reviews=repo / "facts" / "entities.yaml")
    with pytest.raises(ConfigError, match=r"reviews: 'facts' is a folder"):
        triage.apply(result, Config(reviews="facts"))
    with pytest.raises(ConfigError, match=r"'facts/a\.yaml' holds a fact record"):
        triage.apply(result, Config(reviews="facts/a.yaml"))


def test_a_reviews_path_that_is_no_file_is_a_located_finding(repo: Path) -> None:
    (repo / "facts" / "reviews.yaml").symlink_to(repo / "gone.yaml")
    result = _run(repo)
    triage.apply(result, Config())
    assert [f.rule for f in result.findings if f.location.path == "facts/reviews.yaml"] == ["L006"]


def test_json_report_keeps_reviewed_findings(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fp = _conflict(_run(repo))
    _write_reviews(repo, _review(fp))
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", "--root", str(repo), "--format", "json", str(repo / "facts")])
    data = json.loads(out.getvalue())
    assert fp in {f["fingerprint"] for f in data["findings"]}


def test_reviews_schema_matches_model() -> None:
    from checks.schemas import SCHEMA_DIR, build, render

    committed = (SCHEMA_DIR / "reviews.schema.json").read_text("utf-8")
    assert committed == render(build("reviews"))
    assert ReviewsFile.model_json_schema()["properties"]["reviews"]


@pytest.mark.parametrize("damage", ["syntax", "schema", "text"])
def test_a_review_cannot_waive_a_file_that_went_unchecked(repo: Path, damage: str) -> None:
    """Waiving a load, schema or unreadable-text finding would pass a file nobody
    checked: the review does not count (T005) and the finding keeps failing."""
    record = repo / "facts" / "b.yaml"
    if damage == "syntax":
        record.write_text("source: {id: b\n", "utf-8")
    elif damage == "schema":
        record.write_text(record.read_text("utf-8").replace("claims:", "claimz:", 1), "utf-8")
    else:
        text = next((repo / "facts").rglob("b*.txt"))
        text.write_bytes(b"\xff\xfe\x00 not utf-8")
    broken = [f for f in _run(repo).failing()
              if f.category in ("load", "schema") or f.rule == "I006"]
    assert broken, "the damage gives a failing stage finding"
    path = _write_reviews(repo, *[_review(f.fingerprint) for f in broken])
    result = _run(repo)
    triage.apply(result, Config(), today="2021-04-21")
    assert result.failed
    assert {f.fingerprint for f in broken} <= {f.fingerprint for f in result.failing()}
    refused = [f for f in result.findings if f.rule == "T005"]
    assert len(refused) == len(broken)
    assert refused[0].severity.value == "error" and refused[0].location.path.endswith(
        "reviews.yaml")
    assert refused[0].location.line == _line_of(path, broken[0].fingerprint)
    assert "was not checked" in refused[0].message


OLD = "0123456789abcdef0123"


def _rules_of(result: RunResult, *codes: str) -> list[Any]:
    return [f for f in result.findings if f.rule in codes]


def test_a_review_whose_fingerprint_changed_is_applied_by_its_claims(repo: Path) -> None:
    """A rule's upgrade changed a finding's fingerprint: its review went stale (T001) and
    the reviewed disagreement failed the run as new. A review that lists its claims is
    applied to the one finding of its rule with exactly those claims, and T007 at the old
    fingerprint gives the new one."""
    fp = _conflict(_run(repo))
    path = _write_reviews(repo, _review(OLD, rule="C101", claims=["a#c1", "b#c1"]))
    result = _run(repo)
    triage.apply(result, Config(), today="2021-04-21")
    assert not result.failed
    assert result.extra["reviewed"][fp]["verdict"] == "expected-disagreement"  # type: ignore[index]
    (moved,) = _rules_of(result, "T007")
    assert not _rules_of(result, "T001")
    assert moved.values["now"] == fp and fp in moved.fix and OLD in moved.message
    assert moved.location.line == _line_of(path, OLD)
    assert moved.location.pointer == "/reviews/0/fingerprint"
    assert moved.severity.value == "warning"


@pytest.mark.parametrize("claims, rule", [
    (["a#c1"], "C101"),                    # the finding has a claim the review did not see
    (["a#c1", "b#c1", "z#c9"], "C101"),    # the review saw a claim the finding lost
    (["a#c1", "b#c1"], "Q201"),            # another rule's finding
    ([], "C101"),                          # no claims listed: nothing to match by
])
def test_a_review_is_not_moved_to_a_finding_it_did_not_see(repo: Path, claims: list[str],
                                                           rule: str) -> None:
    extra: dict[str, Any] = {"rule": rule, "claims": claims} if claims else {"rule": rule}
    _write_reviews(repo, _review(OLD, **extra))
    result = _run(repo)
    triage.apply(result, Config(), today="2021-04-21")
    assert result.failed and not result.extra.get("reviewed")
    assert not _rules_of(result, "T007") and len(_rules_of(result, "T001")) == 1


def test_a_finding_reviewed_by_fingerprint_or_by_two_old_reviews_is_not_moved_to(
        repo: Path) -> None:
    fp = _conflict(_run(repo))
    seen = {"rule": "C101", "claims": ["a#c1", "b#c1"]}
    _write_reviews(repo, _review(fp), _review(OLD, **seen))
    direct = _run(repo)
    triage.apply(direct, Config(), today="2021-04-21")
    assert list(direct.extra["reviewed"]) == [fp]  # type: ignore[call-overload]
    assert not _rules_of(direct, "T007") and len(_rules_of(direct, "T001")) == 1
    _write_reviews(repo, _review(OLD, **seen), _review("fedcba9876543210fedc", **seen))
    twice = _run(repo)
    triage.apply(twice, Config(), today="2021-04-21")
    assert twice.failed and not _rules_of(twice, "T007")
    assert len(_rules_of(twice, "T001")) == 2


def test_cli_applies_a_moved_review_and_exits_clean(repo: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _write_reviews(repo, _review(OLD, rule="C101", claims=["a#c1", "b#c1"]))
    monkeypatch.setenv(triage.TODAY_ENV, "2021-04-21")
    for _ in range(2):  # cold, then from the stored state
        out = io.StringIO()
        with redirect_stdout(out):
            code = main(["check", "--root", str(repo), str(repo / "facts")])
        assert code == 0, out.getvalue()
        assert "T007" in out.getvalue() and "[reviewed]" in out.getvalue()


@pytest.mark.parametrize("dated, fires", [("2021-05-01", True), ("2021-04-23", True),
                                          ("2021-04-22", False),  # a time zone ahead
                                          ("2021-04-21", False), ("2021-04-20", False)])
def test_a_review_dated_after_today_is_a_finding_at_its_date(repo: Path, dated: str,
                                                             fires: bool) -> None:
    """A review dated 2062 for 2026 passed unremarked, and 'expires' (never before 'date')
    could be pushed as far. It still applies; T008 points at the date."""
    fp = _conflict(_run(repo))
    path = _write_reviews(repo, _review(fp, date=dated))
    result = _run(repo)
    triage.apply(result, Config(), today="2021-04-21")
    assert not result.failed and fp in result.extra["reviewed"]  # type: ignore[operator]
    hits = _rules_of(result, "T008")
    assert len(hits) == int(fires)
    if fires:
        assert hits[0].location.pointer == "/reviews/0/date"
        assert hits[0].location.line == _line_of(path, "date:")
        assert dated in hits[0].message and "2021-04-21" in hits[0].message
