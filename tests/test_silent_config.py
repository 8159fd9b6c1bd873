"""Configuration and command lines that once did nothing without a word (red team):
an empty path option, a missing reviews file, an empty selection, a coerced option
type, an empty corpus, a second reviews file. Each is now a usage error (exit 2, one
line naming what is wrong) or a located finding."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from checks.cli import main
from checks.engine import registry
from tests.rulecases import materialise

# One record with one claim: enough for a corpus that runs every rule.
CASE = {"sources": [
    {"id": "a", "claims": [{"id": "c1", "evidence": "Northland said it had asked Southland for talks.",
                            "by": {"speaker": "northland"},
                            "says": {"subject": "northland", "predicate": "request-talks",
                                     "object": "southland"}}]},
]}


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    materialise(CASE, root)
    (root / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n', "utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    return root


def _configure(root: Path, *lines: str) -> None:
    (root / "pyproject.toml").write_text(
        "\n".join(['[tool.fact-checks]', 'paths = ["facts"]', *lines]) + "\n", "utf-8")


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one-line message of a run that must stop with exit 2."""
    assert main(list(argv)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("fact-checks: error: ") and "\n" not in err, err
    return err


# ------------------------------------------------------------ empty path options


@pytest.mark.parametrize("argv", [
    ["report", "--output", ""],
    ["check", "--output", ""],
    ["diff", "--output", ""],
    ["validate", "--reviews", ""],
    ["check", "--config", ""],
    ["check", "--root", ""],
    ["check", ""],
])
def test_an_empty_path_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str],
                                        argv: list[str]) -> None:
    """``report --output ''`` wrote ./index.html; ``check --output ''`` printed to stdout;
    ``--reviews ''`` applied the default file."""
    err = _usage_error(capsys, *argv)
    assert ("is empty" in err) or ("empty path" in err)
    assert not (repo / "index.html").exists()


# ------------------------------------------------------------ missing reviews file


def test_a_given_reviews_file_that_does_not_exist_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error(capsys, "check", "--reviews", "facts/reveiws.yaml")
    assert "facts/reveiws.yaml" in err and "--reviews" in err


def test_a_configured_reviews_file_that_does_not_exist_is_a_configuration_error(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _configure(repo, 'reviews = "facts/reveiws.yaml"')
    for command in ("check", "validate", "report --output out", "diff"):
        if command == "diff":
            subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        err = _usage_error(capsys, *command.split())
        assert "reviews" in err and "facts/reveiws.yaml" in err


def test_the_default_reviews_file_may_be_absent(repo: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert not (repo / "facts" / "reviews.yaml").exists()
    assert main(["check", "--fail-on", "none"]) == 0
    _configure(repo, 'reviews = "facts/reviews.yaml"')  # named on purpose: it must exist
    _usage_error(capsys, "check", "--fail-on", "none")
    (repo / "facts" / "reviews.yaml").write_text("reviews: []\n", "utf-8")
    assert main(["check", "--fail-on", "none"]) == 0


# ------------------------------------------------------------ runs that check nothing


@pytest.mark.parametrize(("line", "words"), [
    ("paths = []", "paths = [] names nothing"),
    ("select = []", "select = [] selects no rule"),
])
def test_an_empty_list_in_the_configuration_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str],
                                                        line: str, words: str) -> None:
    (repo / "pyproject.toml").write_text(f"[tool.fact-checks]\n{line}\n", "utf-8")
    for command in ("check", "validate"):
        err = _usage_error(capsys, command)
        assert words in err and "pyproject.toml" in err


@pytest.mark.parametrize(("argv", "words"), [
    (["check", "--select", ","], "--select names no rule code"),
    (["check", "--ignore", " "], "--ignore names no rule code"),
    (["check", "--ignore", "ALL"], "leaves no rule to run"),
    (["validate", "--ignore", "load,schema,integrity"], "no load, schema or integrity code"),
    (["diff", "--ignore", "ALL"], "leaves no rule to run"),
])
def test_a_selection_of_nothing_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str],
                                                 argv: list[str], words: str) -> None:
    assert words in _usage_error(capsys, *argv)


def test_a_configured_selection_that_validate_cannot_report_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _configure(repo, 'select = ["C101"]')
    assert "select C101; ignore nothing" in _usage_error(capsys, "validate")
    assert main(["check"]) == 0  # the rule itself runs
    assert "select C101; ignore conflict" in _usage_error(capsys, "check", "--ignore", "conflict")


def test_a_run_that_finds_no_record_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "empty").mkdir()
    assert main(["check", "empty"]) == 0
    out, err = capsys.readouterr()
    assert "warning: no fact records found under empty: nothing was compared" in err
    assert "note: no fact records were found, so no claim was compared" in out
    assert main(["check"]) == 0  # a corpus with a record: no note
    out, err = capsys.readouterr()
    assert "no fact records" not in out + err


# ------------------------------------------------------------ rule options


def _wrong_values(annotation: object) -> list[object]:
    """TOML values of the wrong type for an option of this type."""
    if annotation is float:
        return [True, "0.1", [0.1]]
    if annotation is int:
        return [True, 4.0, "4"]
    return [1, True, ["quantities"]]  # a Literal of strings


OPTIONS = [(code, name, field.annotation)
           for code, spec in sorted(registry().items())
           for name, field in spec.options.model_fields.items()]


@pytest.mark.parametrize(("code", "name", "annotation"), OPTIONS,
                         ids=[f"{c}.{n}" for c, n, _ in OPTIONS])
def test_every_rule_option_is_strictly_typed(repo: Path, capsys: pytest.CaptureFixture[str],
                                             code: str, name: str, annotation: object) -> None:
    """``tolerance = true`` was read as 1.0 and ``min_words = "4"`` as 4."""
    for value in _wrong_values(annotation):
        _configure(repo, f"options = {{ {code} = {{ {name} = {_toml(value)} }} }}")
        err = _usage_error(capsys, "check")
        assert f"options.{code}.{name}: expected " in err and ", got " in err, err


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


def test_an_option_error_names_the_rule_the_option_the_type_and_the_value(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _configure(repo, "options = { Q201 = { tolerance = true } }")
    assert _usage_error(capsys, "check").endswith(
        "[tool.fact-checks] options.Q201.tolerance: expected a number, got true (a boolean)")
    _configure(repo, 'options = { R801 = { scope = 1 } }')
    assert _usage_error(capsys, "check").endswith(
        "options.R801.scope: expected one of 'quantities', 'all', got 1 (a whole number)")
    _configure(repo, "options = { Q201 = { tolerence = 0.1 } }")
    assert "(its options: tolerance, about, rounding, window_days)" in _usage_error(capsys, "check")


def test_well_typed_options_still_pass(repo: Path) -> None:
    """A whole number is a number (TOML writes 1 for 1.0)."""
    _configure(repo, "options = { Q201 = { tolerance = 1 }, Q202 = { tolerance = 1 }, "
               "Q203 = { tolerance = 1 }, "
               'V901 = { min_words = 3 }, R801 = { scope = "all" } }')
    assert main(["check", "--fail-on", "none"]) == 0


# ------------------------------------------------------------ a second reviews file


def _report(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    main([*argv, "--format", "json", "--fail-on", "none"])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def test_a_reviews_file_that_is_not_applied_is_a_finding_at_it(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every ``reviews:`` file under the paths was validated, but only the configured one
    was applied: the other's reviews waived nothing, without a word."""
    (repo / "facts" / "reviews.yaml").write_text("reviews: []\n", "utf-8")
    (repo / "facts" / "old").mkdir()
    (repo / "facts" / "old" / "reviews.yaml").write_text("reviews: []\n", "utf-8")
    for command in ("check", "validate"):
        (hit,) = [f for f in _report(capsys, command)["findings"] if f["rule"] == "T006"]
        assert hit["location"] == {"path": "facts/old/reviews.yaml", "line": 1, "column": 1,
                                   "pointer": ""}
        assert "applied is facts/reviews.yaml (the default)" in hit["message"]
    # the other way round: the file given is applied, the default one is not
    found = _report(capsys, "check", "--reviews", "facts/old/reviews.yaml")["findings"]
    assert [(f["location"]["path"], "(--reviews)" in f["message"])
            for f in found if f["rule"] == "T006"] == [("facts/reviews.yaml", True)]


def test_one_reviews_file_is_no_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "facts" / "reviews.yaml").write_text("reviews: []\n", "utf-8")
    assert not [f for f in _report(capsys, "check")["findings"] if f["rule"] == "T006"]


# ------------------------------------------------------------ what the reviews setting names


@pytest.mark.parametrize("setting", ["--reviews facts", "reviews = 'facts'", "reviews = '.'"])
def test_a_reviews_setting_that_names_a_folder_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str], setting: str) -> None:
    """It was L006 'not a regular file' at '.:1:1', counted as a file left out (exit 1)."""
    argv = setting.split() if setting.startswith("--") else []
    if not argv:
        _configure(repo, setting)
    for command in ("check", "validate"):
        err = _usage_error(capsys, command, *argv)
        assert "reviews" in err and "is a folder" in err, err


@pytest.mark.parametrize(("file", "holds"), [
    ("facts/entities.yaml", "the entity registry"),
    ("facts/vocabulary.yaml", "the predicate vocabulary"),
    ("facts/a.yaml", "a fact record"),
])
def test_a_reviews_setting_that_names_another_kind_of_file_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str], file: str, holds: str) -> None:
    """The corpus's copy of the registry was applied as an empty reviews file, without a
    word: every review meant for the run waived nothing."""
    said = f"'{file}' holds {holds}, not 'reviews:'"
    assert said in _usage_error(capsys, "check", "--reviews", file)
    _configure(repo, f"reviews = '{file}'")
    for command in ("check", "validate", "report --output out"):
        err = _usage_error(capsys, *command.split())
        assert said in err and "[tool.fact-checks] reviews" in err, err
    assert not (repo / "out").exists()  # refused before the run


def test_a_named_reviews_file_that_does_not_parse_is_a_located_finding(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A YAML syntax error is the file's problem, not the setting's: it stays L001."""
    (repo / "reviewed.yaml").write_text("reviews:\n\t- fingerprint: x\n", "utf-8")
    for argv in (["--reviews", "reviewed.yaml"], []):
        if not argv:
            _configure(repo, "reviews = 'reviewed.yaml'")
        assert main(["check", "--format", "json", *argv]) == 1
        found = json.loads(capsys.readouterr().out)["findings"]
        assert [(f["rule"], f["location"]["path"]) for f in found] == [("L001", "reviewed.yaml")]


def test_a_file_of_no_kind_is_told_every_kind(repo: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """S002 listed records, the registry and the vocabulary, not the reviews file."""
    (repo / "facts" / "notes.yaml").write_text("notes: []\n", "utf-8")
    (hit,) = [f for f in _report(capsys, "validate")["findings"] if f["rule"] == "S002"]
    assert "'reviews' (the reviewed findings)" in hit["message"]


# ------------------------------------------------------------ empty strings in the configuration


@pytest.mark.parametrize(("line", "key"), [
    ('paths = [""]', "paths"),
    ('paths = ["facts", " "]', "paths"),
    ('select = [""]', "select"),
    ('ignore = [""]', "ignore"),
    ('ignore = ["V901", ""]', "ignore"),
    ('reviews = ""', "reviews"),
    ('reviews = " "', "reviews"),
])
def test_an_empty_string_in_the_configuration_is_an_error(
        repo: Path, capsys: pytest.CaptureFixture[str], line: str, key: str) -> None:
    """Every code starts with "": select = [""] ran every rule and ignore = [""] none
    ('select ALL; ignore '); paths = [""] checked the whole repository."""
    (repo / "pyproject.toml").write_text(f"[tool.fact-checks]\n{line}\n", "utf-8")
    for command in ("check", "validate"):
        err = _usage_error(capsys, command)
        assert f"[tool.fact-checks] {key}: an empty string" in err, err


# ------------------------------------------------------------ an output over an input


def _git_repo(root: Path) -> None:
    """A committed repository, so that diff would run (and write) if not refused."""
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)


def _refused(capsys: pytest.CaptureFixture[str], file: Path, *argv: str) -> str:
    """The run stops with exit 2, and ``file`` is as it was (or still absent)."""
    before = file.read_bytes() if file.exists() else None
    err = _usage_error(capsys, *argv)
    assert (file.read_bytes() if file.exists() else None) == before
    assert "--output" in err
    return err


OUTPUT_COMMANDS = [["check", "--format", "json"], ["validate"], ["diff"]]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
def test_an_output_over_the_configuration_or_the_reviews_file_is_refused(
        repo: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """``check --format json --output facts/reviews.yaml`` replaced the reviews file
    with the report, every comment and review lost, and exited 0."""
    (repo / "facts" / "reviews.yaml").write_text("# kept\nreviews: []\n", "utf-8")
    (repo / "other.toml").write_text('[tool.fact-checks]\nreviews = "kept.yaml"\n', "utf-8")
    (repo / "kept.yaml").write_text("reviews: []  # kept too\n", "utf-8")
    _git_repo(repo)
    cases = [("pyproject.toml", [], "the configuration file"),
             ("other.toml", ["--config", "other.toml"], "the configuration file"),
             ("facts/reviews.yaml", [], "the reviews file"),
             ("kept.yaml", ["--config", "other.toml"], "the reviews file"),
             ("kept.yaml", ["--reviews", "kept.yaml"], "the reviews file")]
    for output, options, what in cases:
        err = _refused(capsys, repo / output, *command, *options, "--output", output)
        assert f"'{output}' is {what} the run reads" in err, err


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
def test_an_output_in_a_checked_path_is_refused_if_it_exists_or_is_yaml(
        repo: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """A report over a record, the registry or an archived text replaces what the run
    reads; a new facts/report.yaml would be read as a record by the next run."""
    _git_repo(repo)
    for output in ("facts/entities.yaml", "facts/texts/a.txt", "facts/report.yaml",
                   "facts/new/report.yml"):
        err = _refused(capsys, repo / output, *command, "--output", output)
        assert "is in 'facts', which the run checks" in err, err
    if command[0] != "diff":  # a record given as PATHS, and written over itself
        err = _refused(capsys, repo / "facts/a.yaml", *command, "facts/a.yaml", "--output",
                       "facts/a.yaml")
        assert "'facts/a.yaml' is 'facts/a.yaml', which the run checks" in err
    # a new file that no run reads is fine, in the folder or beside it
    for output in ("facts/report.json", "report.yaml"):
        assert main([*command, "--fail-on", "none", "--output", output]) == 0
        assert (repo / output).stat().st_size > 0
        (repo / output).unlink()


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("link", ["symlink", "hard link", "linked folder"])
def test_an_output_that_an_input_is_a_link_to_is_refused(
        repo: Path, capsys: pytest.CaptureFixture[str], command: list[str], link: str) -> None:
    """facts/texts/a.txt a link to archive/a.txt (inside the repository: accepted), and
    check --format json --output archive/a.txt replaced the archived text."""
    archive, texts = repo / "archive", repo / "facts" / "texts"
    archive.mkdir()
    if link == "linked folder":
        texts.rename(archive / "texts")
        texts.symlink_to("../archive/texts")
        target = archive / "texts" / "a.txt"
    else:
        target = archive / "a.txt"
        (texts / "a.txt").rename(target)
        if link == "symlink":
            (texts / "a.txt").symlink_to("../../archive/a.txt")
        else:
            os.link(target, texts / "a.txt")
    _git_repo(repo)
    assert main(["check", "--fail-on", "none"]) == 0
    out = str(target.relative_to(repo))
    err = _refused(capsys, target, *command, "--output", out)
    assert f"'{out}' is also 'facts/texts/a.txt' (through a link)" in err, err


def test_a_report_folder_whose_index_html_is_an_input_is_refused(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """report --output DIR writes DIR/index.html: refused where that is a file the run
    reads (an archived page), allowed where it is new."""
    page = repo / "facts" / "texts" / "index.html"
    page.write_text("<p>an archived page</p>\n", "utf-8")
    err = _refused(capsys, page, "report", "--output", "facts/texts")
    assert "'facts/texts/index.html' is in 'facts'" in err, err
    assert main(["report", "--fail-on", "none", "--output", "facts/site"]) == 0
    assert (repo / "facts" / "site" / "index.html").exists()


@pytest.mark.parametrize(("lines", "message"), [
    (["options = { Q201 = { tolerance = 0.1 } }"],
     "options.Q202.tolerance is 0.05 (the default) but options.Q201.tolerance is 0.1: Q201, "
     "Q202, Q203 read tolerance as one setting; give each the same value"),
    (["options = { Q202 = { window_days = 7 }, Q201 = { window_days = 3 } }"],
     "options.Q202.window_days is 7 but options.Q201.window_days is 3: Q201, Q202, Q203 read "
     "window_days as one setting; give each the same value"),
    (["options = { Q203 = { about = 0.2 } }"],
     "options.Q203.about is 0.2 but options.Q201.about is 0.1 (the default): Q201, Q202, Q203 "
     "read about as one setting; give each the same value"),
])
def test_options_several_rules_read_as_one_setting_must_agree(
        repo: Path, capsys: pytest.CaptureFixture[str], lines: list[str], message: str) -> None:
    """Q201 flags gaps over its tolerance, Q202 gaps up to its own: ``Q201 = { tolerance
    = 0.1 }`` alone left every gap of 5-10% to neither rule, and the run passed."""
    _configure(repo, *lines)
    assert _usage_error(capsys, "check").endswith(message)


@pytest.mark.parametrize("lines", [
    ["options = { Q201 = { tolerance = 0.1 }, Q202 = { tolerance = 0.1 }, "
     "Q203 = { tolerance = 0.1 } }"],
    ["options = { Q201 = { tolerance = 0.1 } }", 'ignore = ["Q202", "Q203"]'],
    ["options = { Q201 = { rounding = 0.02 }, Q202 = { rounding = 0.02 } }"],  # Q203 has none
])
def test_options_read_as_one_setting_may_be_given_alike_or_to_one_selected_rule(
        repo: Path, lines: list[str]) -> None:
    _configure(repo, *lines)
    assert main(["check", "--fail-on", "none"]) == 0
