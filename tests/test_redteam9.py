"""Red team, ninth round: what a hostile contributor or a careless curator can do to the
harness through the commands a user runs, and what it must do instead (a located finding
with a plain-language fix, or a plain exit 2, in bounded time, never a traceback, a hang, a
silent pass or a lost value). Earlier rounds: test_redteam5.py .. test_redteam8.py,
test_hostile_records.py, test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .test_redteam7 import cli

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
