"""Red team, ninth round: what a hostile contributor or a careless curator can do to the
harness through the commands a user runs, and what it must do instead (a located finding
with a plain-language fix, or a plain exit 2, in bounded time, never a traceback, a hang, a
silent pass or a lost value). Earlier rounds: test_redteam5.py .. test_redteam8.py,
test_hostile_records.py, test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import fmt

from .test_fmt_properties import RECORDS, dump, with_comments
from .test_redteam7 import cli

REPO = Path(__file__).resolve().parent.parent
RECORD = "facts/rferl-2021-04-12-dialogue.yaml"


# ------------------------------------------------------------------ --output through a link


@pytest.mark.parametrize("target", ["reports/check.json", "shared.json"])
def test_output_follows_a_link_inside_the_repository(seed_repo: Path, target: str) -> None:
    # A link (live or dangling, made before the first report) to a shared report was
    # replaced by a private copy: the link was gone and the shared file never written.
    (seed_repo / "report.json").symlink_to(target)
    done = cli(seed_repo, "check", "--format", "json", "--fail-on", "none",
               "--output", "report.json")
    assert done.returncode == 0, done.stderr
    assert os.readlink(seed_repo / "report.json") == target
    assert (seed_repo / target).read_text("utf-8").startswith("{")


def test_report_folder_given_as_a_dangling_link_is_made_where_it_points(
        seed_repo: Path) -> None:
    (seed_repo / "site").symlink_to("public/report")
    done = cli(seed_repo, "report", "--fail-on", "none", "--output", "site")
    assert done.returncode == 0, done.stderr
    assert (seed_repo / "public/report/index.html").is_file()
    assert os.readlink(seed_repo / "site") == "public/report"


@pytest.mark.parametrize("link", ["report.json", "out/report.json"])
def test_output_refuses_a_link_out_of_the_repository(seed_repo: Path, tmp_path_factory:
                                                       pytest.TempPathFactory, link: str) -> None:
    # A link committed in a pull request must not make the CI job's report replace a
    # file outside the checkout (fmt refuses the same write).
    outside = tmp_path_factory.mktemp("home") / "profile"
    outside.write_text("keep me\n", "utf-8")
    if link == "report.json":
        (seed_repo / link).symlink_to(outside)
    else:
        (seed_repo / "out").symlink_to(outside.parent)
        link = "out/profile"
    done = cli(seed_repo, "check", "--format", "json", "--output", link)
    assert done.returncode == 2
    assert "outside the repository" in done.stderr and "remove the link" in done.stderr
    assert outside.read_text("utf-8") == "keep me\n"


@pytest.mark.parametrize("command", ["check", "report"])
def test_output_through_a_symlink_loop_is_refused_before_the_run(seed_repo: Path,
                                                                 command: str) -> None:
    os.symlink("l2", seed_repo / "l1")
    os.symlink("l1", seed_repo / "l2")
    done = cli(seed_repo, command, "--output", "l1")
    assert done.returncode == 2 and "symlink loop 'l1'" in done.stderr, done.stderr


# ------------------------------------------------------------------ a reviews file elsewhere


def _reviews_elsewhere(root: Path, reviewer: str) -> str:
    text = (root / "facts/reviews.yaml").read_text("utf-8")
    assert "reviewer: seed-curation" in text
    (root / "meta").mkdir()
    (root / "meta/reviews.yaml").write_text(
        text.replace("reviewer: seed-curation", f'reviewer: "{reviewer}"', 1), "utf-8")
    (root / "facts/reviews.yaml").unlink()
    return "meta/reviews.yaml"


@pytest.mark.parametrize("command", ["check", "validate"])
def test_hidden_characters_in_a_reviews_file_outside_the_paths_are_flagged(
        seed_repo: Path, command: str) -> None:
    # Every report shows a review's reason and reviewer beside the finding it waives: a
    # direction override there was I009 in facts/reviews.yaml and passed unseen in
    # meta/reviews.yaml, outside the checked paths.
    reviews = _reviews_elsewhere(seed_repo, "seed\u202ecuration")
    done = cli(seed_repo, command, "--reviews", reviews, "--fail-on", "none")
    assert done.returncode == 0, done.stderr
    assert "meta/reviews.yaml:12:15: warning I009 'seed<U+202E>curation'" in done.stdout


def test_findings_about_the_reviews_honour_select_and_ignore(seed_repo: Path) -> None:
    # --ignore T006 (a second reviews file) and --ignore I009 were not applied to the
    # findings that triage adds: they were reported whatever the command line said.
    reviews = _reviews_elsewhere(seed_repo, "seed\u202ecuration")
    (seed_repo / "facts/reviews.yaml").write_text("reviews: []\n", "utf-8")
    shown = cli(seed_repo, "check", "--reviews", reviews, "--fail-on", "none").stdout
    assert " T006 " in shown and " I009 " in shown
    quiet = cli(seed_repo, "check", "--reviews", reviews, "--ignore", "T006,I009").stdout
    assert " T006 " not in quiet and " I009 " not in quiet
    only = cli(seed_repo, "check", "--reviews", reviews, "--select", "T006").stdout
    assert " T006 " in only and " I009 " not in only


# ------------------------------------------------------------------ fmt scans its input once

HOSTILE_COMMENTS = [
    "source:\n  id: a # end\n# above\n  url: u\n",
    "source: {id: a, # in flow\n  url: u}\n# last, no newline",
    "source:\n  headline: |\n    # not a comment\n    text\n  # after a block scalar\n  id: a\n",
    "source:\r\n  id: a\r\n# crlf\r\n  url: u\r\n",
    "# top\n\n\n# after blanks\nsource:\n  id: a\n\n  # indented\n\n  url: u  #tight\n",
    "source:\n  id: 'a # quoted'\n  url: \"b # dq\" # real\n",
    "source:\n  id: a\n#\u00a0nbsp in a comment\n  url: u\n",
    "source:\n  id: [a, b] # after flow\n  url: {x: 1} # after map\n",
    "source:\n  id: a\n# x\x85# next line\n  url: u\n",
    "source: a\n...\n# after the document end\n",
    "claims:\n  - id: c1 # one\n    # two\n  - # three\n    id: c2\nsource: {id: a}\n",
]


def _tally(text: str) -> Counter[str]:
    yaml = fmt.round_trip()
    yaml.load(text)
    counted: Counter[str] = yaml.scanner.comment_lines
    return counted


@pytest.mark.parametrize("text", HOSTILE_COMMENTS)
def test_the_formatters_load_counts_the_comment_lines_a_scan_finds(text: str) -> None:
    assert _tally(text) == fmt.comment_lines(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECORDS, st.booleans(), st.lists(st.integers(0, 3), max_size=12))
def test_comment_tally_equals_a_scan_on_generated_records(record: dict[str, Any], flow: bool,
                                                          marks: list[int]) -> None:
    text = with_comments(dump(record, flow), marks)
    assert _tally(text) == fmt.comment_lines(text)


def test_fmt_scans_the_input_for_comments_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The safety net scanned the whole input again with the pure-Python scanner (a fifth
    # of fmt's time) for comment lines the load had just read; only the output is
    # scanned now, and the result is unchanged.
    text = (REPO / RECORD).read_text("utf-8")
    scanned: list[str] = []
    real = fmt.comment_lines

    def counting(what: str) -> Counter[str]:
        scanned.append(what)
        return real(what)

    monkeypatch.setattr(fmt, "comment_lines", counting)
    out = fmt.format_text(text)
    assert out == text  # the seed record is in canonical form
    assert scanned == [out]


def test_fmt_still_refuses_to_lose_a_comment(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# keep me\n" + (REPO / RECORD).read_text("utf-8")
    monkeypatch.setattr(fmt, "comment_lines", lambda what: Counter())  # the output lost all
    with pytest.raises(fmt.FormatError, match="lose the comment '# keep me'"):
        fmt.format_text(text)


def test_fmt_added_modeline_is_not_counted_as_the_files_comment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = (REPO / RECORD).read_text("utf-8").split("\n", 1)[1]  # no modeline
    modeline = fmt.modeline("record", None, None)
    # An output that lacks the added modeline loses none of the file's comments.
    monkeypatch.setattr(fmt, "comment_lines", lambda what: Counter(
        line.strip() for line in what.splitlines()
        if line.strip().startswith("#") and line != modeline))
    assert fmt.format_text(text).startswith(modeline + "\n")
