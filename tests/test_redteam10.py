"""Red team, tenth round: what a fact-checker or a CI job meets through the commands (a
report that went somewhere unsaid, a folder named "-", a listing that passed with a file
left out, line endings rewritten without a word, reports that hid the words or the rule's
page), then hostile input and options. Earlier rounds: test_redteam5.py .. test_redteam9.py,
test_hostile_records.py, test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from checks import cli as cli_module
from checks import fmt, ruledocs
from checks.config import ConfigError, load_config
from checks.load import load_file
from checks.reporters import REPORTERS

from .consumers.support import sarif_schema, seed_result
from .test_redteam7 import cli

REPO = Path(__file__).resolve().parent.parent
RECORD = "facts/rferl-2021-04-12-dialogue.yaml"


# ------------------------------------------------------------------ where the report went


@pytest.mark.parametrize(("command", "output", "written"), [
    (("check", "--format", "json"), "out/report.json", "out/report.json"),
    (("validate",), "validate.txt", "validate.txt"),
    (("check", "--format", "junit"), "junit.xml", "junit.xml"),
    (("report",), "site", "site/index.html"),
])
def test_a_report_written_to_a_file_is_named_on_stderr(seed_repo: Path, command: tuple[str, ...],
                                                       output: str, written: str) -> None:
    # A successful run with --output printed nothing at all: the user did not learn where
    # the report went (report: that it is DIR/index.html).
    done = cli(seed_repo, *command, "--fail-on", "none", "--output", output)
    assert done.returncode == 0, done.stderr
    assert (seed_repo / written).is_file()
    assert f"fact-checks: wrote the report to {written}\n" in done.stderr
    assert done.stdout == ""


def test_a_report_on_standard_output_says_nothing_more(seed_repo: Path) -> None:
    done = cli(seed_repo, "check", "--format", "json", "--fail-on", "none", "--output", "-")
    assert done.returncode == 0 and json.loads(done.stdout)
    assert "wrote" not in done.stderr


def test_report_to_dash_is_the_page_on_standard_output(seed_repo: Path) -> None:
    # `report -o -` made a folder named "-" holding index.html.
    done = cli(seed_repo, "report", "--fail-on", "none", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>") and done.stdout.rstrip().endswith("</html>")
    assert not (seed_repo / "-").exists()


# ------------------------------------------------------------------ entities leaving a file out


def test_entities_fails_when_it_leaves_a_file_out(seed_repo: Path) -> None:
    # The listing exited 0 without the names of a record it could not read: a script (or a
    # curator reading "N unregistered name(s)") took it as complete. recall exits 1 so.
    (seed_repo / "facts/broken.yaml").write_text("source: [\n", "utf-8")
    done = cli(seed_repo, "entities")
    assert done.returncode == 1
    assert "entities: left out facts/broken.yaml" in done.stderr
    (seed_repo / "facts/broken.yaml").unlink()
    assert cli(seed_repo, "entities").returncode == 0


# ------------------------------------------------------------------ fmt and line endings


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_fmt_keeps_a_crlf_files_line_endings(newline: str) -> None:
    # A CRLF record came out with LF lines and CRLF still on its comment lines (a CR one
    # with CR, CRLF and LF): a file of mixed endings, rewritten in full without a word.
    text = (REPO / RECORD).read_text("utf-8")
    assert fmt.format_text(text) == text  # the seed record is in the canonical layout
    assert fmt.format_text(text.replace("\n", newline)) == text.replace("\n", newline)


def test_fmt_layout_changes_keep_crlf() -> None:
    text = _crlf("# a comment\nsource:\n  outlet: rferl\n  id: x  # why\nclaims: []\n")
    out = fmt.format_text(text)
    assert out != text and "\n" not in out.replace("\r\n", "")
    assert "# why" in out and "# a comment" in out


def test_fmt_says_when_it_changes_line_endings_or_drops_a_mark(seed_repo: Path) -> None:
    record = seed_repo / RECORD
    lines = _crlf(record.read_text("utf-8")).splitlines(keepends=True)
    lines[3] = lines[3].replace("\r\n", "\n")  # one LF line among CRLF ones
    record.write_bytes("".join(lines).encode("utf-8"))
    done = cli(seed_repo, "fmt", RECORD)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{RECORD}: reformatted (mixed line endings made CRLF)\n"
    assert record.read_bytes().count(b"\n") == record.read_bytes().count(b"\r\n")
    record.write_bytes(b"\xef\xbb\xbf" + record.read_bytes())
    done = cli(seed_repo, "fmt", RECORD)
    assert done.stdout == f"{RECORD}: reformatted (byte-order mark removed)\n"
    assert cli(seed_repo, "fmt", "--check", RECORD).returncode == 0


# ------------------------------------------------------------------ Code Climate and SARIF


def test_code_climate_descriptions_quote_the_claims_words() -> None:
    # GitLab's widget shows only the description: "X says so, Y denies it" without the
    # words each said.
    result = seed_result()
    issues = json.loads(REPORTERS["codeclimate"].render(result))
    by_fp = {f.fingerprint: f for f in result.findings}
    for issue in issues:
        finding = by_fp[issue["fingerprint"]]
        first = next((c for c in finding.claims if c.evidence), None)
        if first is not None:
            words = " ".join(first.evidence[0].split())[:60]
            assert f"— words: {first.speaker or 'no speaker'}: “{words}" in issue["description"]
        assert len(issue["description"]) <= 2200 and "\n" not in issue["description"]


def test_sarif_rules_link_to_their_section_of_the_rules_page() -> None:
    # No rule had a helpUri (SARIF 2.1.0 §3.49.12: an absolute URI of the rule's primary
    # documentation), so a viewer's "learn more" had nowhere to go.
    log = json.loads(REPORTERS["sarif"].render(seed_result()))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    page = (REPO / ruledocs.PAGE).read_text("utf-8")
    for rule in rules:
        uri = urlsplit(rule["helpUri"])
        assert (uri.scheme, uri.netloc) == ("https", "github.com")
        assert (uri.path.endswith("/docs/rules.md"), uri.fragment) == (True, rule["id"].lower())
        assert f"\n## {rule['id']}\n" in page


def test_sarif_with_help_uris_matches_the_official_schema() -> None:
    schema = json.loads(sarif_schema().read_text("utf-8"))  # skips without the Multitool
    log = json.loads(REPORTERS["sarif"].render(seed_result()))
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())


def test_the_rules_page_is_generated_from_the_docstrings() -> None:
    # As the schemas: regenerate it with `python -m checks rules --format markdown`.
    assert (REPO / ruledocs.PAGE).read_text("utf-8") == ruledocs.render(), \
        "docs/rules.md is stale: python -m checks rules --format markdown > docs/rules.md"


# ------------------------------------------------------------------ hostile encodings


@pytest.mark.parametrize(("encoding", "named"), [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"),
    ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32LE"),
])
@pytest.mark.parametrize("fast", [True, False])
def test_a_utf16_record_is_named_so_not_called_binary(tmp_path: Path, encoding: str, named: str,
                                                      fast: bool) -> None:
    # Saved as "Unicode" by a Windows editor, a record was "binary, not YAML text (it holds
    # NUL bytes)" at 1:4, fix "replace it": the curator's file is fine once saved as UTF-8.
    path = tmp_path / "r.yaml"
    path.write_bytes("source:\n  id: café\n".encode(encoding))
    [hit] = load_file(path, "r.yaml", fast=fast).hits
    assert (hit.code, hit.location.line, hit.location.column) == ("L006", 1, 1)
    assert hit.message == f"the file is {named} text; the harness reads UTF-8 only"
    assert hit.fix.startswith("save the file as UTF-8") and f"-f {named} " in hit.fix


def test_a_nul_byte_in_utf8_text_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"source:\n  id: a\x00b\n")
    [hit] = load_file(path, "r.yaml").hits
    assert "holds NUL bytes" in hit.message and (hit.location.line, hit.location.column) == (2, 8)


def test_new_names_a_utf16_article(seed_repo: Path) -> None:
    (seed_repo / "article.txt").write_bytes("Floods in Norland.\n".encode("utf-16"))
    done = cli(seed_repo, "new", "article.txt", "--url", "https://example.com/a",
               "--outlet", "reuters", "--headline", "Floods", "--published", "2024-05-15")
    assert done.returncode == 2
    assert "article.txt is UTF-16 text; save it as UTF-8" in done.stderr


# ------------------------------------------------------------------ --output of the wrong kind


@pytest.mark.parametrize(("output", "said"), [
    ("/dev/null", "is a device or pipe, not a file"),
    ("facts/texts", "is a folder; name a file in it"),
    (".", "is a folder; name a file in it"),
])
def test_an_output_that_is_no_file_is_refused_before_the_run(seed_repo: Path, output: str,
                                                             said: str) -> None:
    # Refused only after the whole run, in the writer's words: "/dev/null: not a regular
    # file", without the option's name.
    done = cli(seed_repo, "check", "--format", "json", "--output", output)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"fact-checks: error: --output: '{output}' {said}" + (
        "" if "folder" in said else ": a report is written whole and renamed into place; to "
        "discard it, leave --output out and redirect standard output") + "\n"


def test_ctrl_c_is_said_not_a_silent_exit_2(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Ctrl-C during a run ended with exit 2 and not a word: an unexplained error in a log.
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "cmd_rules", interrupted)
    assert cli_module.main(["rules"]) == 2
    assert capsys.readouterr().err.startswith("fact-checks: interrupted;")


# ------------------------------------------------------------------ option values out of range


@pytest.mark.parametrize(("value", "said"), [
    ("tolerance = -1.0", "tolerance: expected a number from 0 to 1 (the default: 0.05), got "
                         "-1.0 (a decimal number)"),
    ("tolerance = nan", "tolerance: expected a number from 0 to 1 (the default: 0.05), got nan"),
    ("about = 1.0", "about: expected a number from 0 to under 1 (the default: "),
    ("window_days = 99999", "window_days: expected a whole number from 0 to 366 (the default: "
                            "3), got 99999 (a whole number)"),
])
def test_an_option_out_of_range_is_said_with_its_range(tmp_path: Path, value: str,
                                                       said: str) -> None:
    # "Input should be greater than or equal to 0", "Input should be less than or equal to
    # 1, got nan": pydantic's words, one bound, and for nan the wrong one.
    options = ", ".join(f"{code} = {{ {value} }}" for code in ("Q201", "Q202", "Q203"))
    (tmp_path / "pyproject.toml").write_text(f"[tool.fact-checks]\noptions = {{ {options} }}\n",
                                             "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert f"options.Q201.{said}" in str(raised.value)
    assert "Input should" not in str(raised.value)


# ------------------------------------------------------------------ options with wrong values


@pytest.mark.parametrize("value", ["5", "nan", "-1", "90"])
def test_recall_min_outside_zero_to_one_is_a_usage_error(seed_repo: Path, value: str) -> None:
    # `--min 5` (or 90, for 90%) failed every run as if recall were low; `--min nan` and
    # `--min -1` made a gate that never fails.
    done = cli(seed_repo, "recall", "--min", value)
    assert done.returncode == 2
    assert "--min: expected a fraction from 0 to 1 (0.9 for 90%)" in done.stderr


def test_diff_names_an_unknown_format_before_it_runs(seed_repo: Path) -> None:
    # Both revisions were checked first (13-18 s at 10,000 articles); here, outside git,
    # the user was told about git instead.
    done = cli(seed_repo, "diff", "--format", "bogus")
    assert done.returncode == 2
    assert done.stderr.startswith("fact-checks: error: unknown format 'bogus'"), done.stderr


def test_fmt_says_when_it_found_nothing_to_format(seed_repo: Path) -> None:
    # A misspelt or empty folder passed in silence; check says "no fact records found".
    done = cli(seed_repo, "fmt", "facts/texts")
    assert done.returncode == 0
    assert done.stderr == ("fmt: warning: no YAML files under facts/texts: nothing was "
                           "formatted\n")


@pytest.mark.parametrize("option", [(), ("--reviews",), ("--config",)])
def test_an_error_naming_a_given_path_cannot_send_escapes(seed_repo: Path,
                                                          option: tuple[str, ...]) -> None:
    # "no such file or folder: x\x1b[2J": a path from the command line (pre-commit passes
    # a pull request's file names) was echoed raw and cleared the terminal.
    done = cli(seed_repo, "check", *option, "nope\x1b[2J.yaml")
    assert done.returncode == 2
    assert "\x1b" not in done.stderr and "nope\\x1b[2J.yaml" in done.stderr, done.stderr


def test_a_pasted_blob_as_a_rule_code_is_echoed_shortened(seed_repo: Path) -> None:
    # A 100,000-character --select was echoed whole in a 100 KB error line.
    done = cli(seed_repo, "check", "--select", "Z" + "A" * 100_000)
    assert done.returncode == 2 and len(done.stderr) < 300
    assert "matches no rule code" in done.stderr and "A…'" in done.stderr


# ------------------------------------------------------------------ alias amplification


def _repeated_anchor(copies: int, chars: int) -> str:
    claims = "".join(f"  - id: c{i}\n    evidence: *big\n" for i in range(1, copies))
    return (f"source: {{id: x}}\nclaims:\n  - id: c0\n    evidence: &big \"{'w' * chars}\"\n"
            + claims)


@pytest.mark.parametrize("fast", [True, False])
def test_aliases_repeating_a_long_value_are_an_alias_bomb(tmp_path: Path, fast: bool) -> None:
    # An anchor of 100,000 characters repeated 3,000 times (a 425 KB file, far under the
    # node limit) took 39 s and 1 GB to check: every claim held and searched 100 KB.
    path = tmp_path / "r.yaml"
    path.write_text(_repeated_anchor(3000, 100_000), "utf-8")
    [hit] = load_file(path, "r.yaml", fast=fast).hits
    assert hit.code == "L004" and hit.message == ("aliases repeat more than 1,000,000 "
                                                 "characters (an alias bomb)")
    # the 11th copy (claim c11) takes the repeats past a million
    assert (hit.location.line, hit.location.column) == (4 + 2 * 11, 15)


def test_a_few_short_aliases_still_load(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(_repeated_anchor(50, 1000), "utf-8")
    doc = load_file(path, "r.yaml")
    assert not doc.hits and len(doc.data["claims"]) == 50


def test_new_refuses_a_url_too_long_for_the_record(seed_repo: Path) -> None:
    # The record was written (exit 0) and then failed its own schema: S001 "source.url: too
    # long", its claims left out of every run.
    (seed_repo / "article.txt").write_text("Floods in Norland.\n", "utf-8")
    done = cli(seed_repo, "new", "article.txt", "--url", "https://example.com/" + "a" * 3000,
               "--outlet", "reuters", "--headline", "Floods", "--published", "2024-05-15")
    assert done.returncode == 2
    assert "--url is 3,020 characters, over the 2,000 a record's URL may hold" in done.stderr
    assert sorted(p.name for p in (seed_repo / "facts").glob("*.yaml")) == sorted(
        p.name for p in (REPO / "facts").glob("*.yaml"))
