"""Red team, eleventh round: Ctrl-C while the harness starts, the entities listing's JSON,
the SARIF rules' documentation link, then hostile input through every command. Earlier
rounds: test_redteam5.py .. test_redteam10.py, test_hostile_records.py,
test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checks import fmt

from .test_redteam7 import ENV, cli

REPO = Path(__file__).resolve().parent.parent
RECORD = "facts/rferl-2021-04-12-dialogue.yaml"


# ------------------------------------------------------------------ Ctrl-C while starting

# A real SIGINT, sent by the process to itself while it imports one of the harness's modules.
_INTERRUPT_AT = """
import builtins, os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # a background job starts ignoring it
real = builtins.__import__
def hook(name, globals=None, locals=None, fromlist=(), level=0):
    full = (globals or {{}}).get("__package__", "") + "." + name if level else name
    if full == {module!r} and full not in sys.modules:
        os.kill(os.getpid(), signal.SIGINT)
    return real(name, globals, locals, fromlist, level)
builtins.__import__ = hook
sys.argv = ["fact-checks", "rules"]
{start}
"""


@pytest.mark.parametrize("start", [
    "import runpy; runpy.run_module('checks', run_name='__main__', alter_sys=True)",
    "from checks.entry import main_exit; main_exit()",  # the console script's entry point
])
@pytest.mark.parametrize("module", ["checks.cli", "checks.engine", "pydantic"])
def test_ctrl_c_while_the_modules_import_is_one_line(start: str, module: str) -> None:
    # A Python traceback through the import machinery: the run's own Ctrl-C was said in a line.
    code = _INTERRUPT_AT.format(module=module, start=start)
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=ENV, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("fact-checks: interrupted;"), done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


# ------------------------------------------------------------------ entities' JSON


def test_entities_json_names_the_files_it_left_out(seed_repo: Path) -> None:
    # The JSON was a bare list: the file left out was said on stderr only, and a script
    # reading standard output took the listing as complete.
    (seed_repo / "facts/broken.yaml").write_text("source: [\n", "utf-8")
    (seed_repo / "facts/bad-\udcff.yaml".encode("utf-8", "surrogateescape").decode(
        "utf-8", "surrogateescape")).write_text("source: [\n", "utf-8")
    done = cli(seed_repo, "entities", "--format", "json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["left_out"] == ["facts/bad-\\xff.yaml", "facts/broken.yaml"]  # as reports show it
    assert any(row["name"] == "Volodomyr" for row in data["names"])
    for path in ("facts/broken.yaml", "facts/bad-\udcff.yaml"):
        (seed_repo / path).unlink()
    assert json.loads(cli(seed_repo, "entities", "--format", "json").stdout)["left_out"] == []


# ------------------------------------------------------------------ where SARIF links a rule


def _configure(root: Path, line: str) -> None:
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    assert "[tool.fact-checks]\n" in text
    pyproject.write_text(text.replace("[tool.fact-checks]\n", f"[tool.fact-checks]\n{line}\n"),
                         "utf-8")


def _help_uris(root: Path, *args: str) -> set[str | None]:
    done = cli(root, "check", "--format", "sarif", "--fail-on", "none", *args)
    assert done.returncode == 0, done.stderr
    rules = json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]
    return {rule.get("helpUri") for rule in rules}


@pytest.mark.parametrize(("setting", "want"), [
    ('rules-url = "https://intranet.example/fc/{version}/rules.html#{code}"',
     "https://intranet.example/fc/0.1.0/rules.html#{}"),
    ('rules-url = ""', None),  # a viewer without a reachable page: no link at all
])
def test_sarif_rules_link_where_the_configuration_says(seed_repo: Path, setting: str,
                                                       want: str | None) -> None:
    # helpUri was always github.com/.../blob/main/docs/rules.md: a fork, a mirror or an
    # intranet without access to GitHub could not point reports at its own page.
    _configure(seed_repo, setting)
    uris = _help_uris(seed_repo)
    if want is None:
        assert uris == {None}
    else:
        assert uris and all(uri and uri == want.format(uri.rsplit("#", 1)[1]) for uri in uris)
        assert any(str(uri).endswith("#c101") for uri in uris)


def test_diff_sarif_takes_the_configured_link_too(seed_repo: Path) -> None:
    _configure(seed_repo, 'rules-url = "https://docs.example/r#{code}"')
    for step in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c",
                 "user.email=t@example.org", "commit", "-qm", "base"]):
        subprocess.run(["git", *step], cwd=seed_repo, check=True, capture_output=True)
    done = cli(seed_repo, "diff", "HEAD", "--format", "sarif")
    rules = json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["helpUri"].startswith("https://docs.example/r#") for rule in rules)


@pytest.mark.parametrize(("setting", "said"), [
    ('rules-url = "docs/rules.md#{code}"', "is not an absolute http(s) URL"),
    ('rules-url = "https://example.org/rules.md"', "does not hold {code}"),
    ('rules-url = "https://example.org/{rule}"', "may hold only {code} and {version}"),
    ('rules-url = "https://example.org/{code!r}"', "may hold only {code} and {version}"),
    ('rules-url = "https://example.org/{code"', "has a brace that opens or closes no"),
    ('rules-url = "https://example.org/a b#{code}"', "without spaces"),
    ("rules-url = 3", "rules-url: expected a string"),
])
def test_a_rules_url_no_viewer_can_follow_is_a_usage_error(seed_repo: Path, setting: str,
                                                           said: str) -> None:
    _configure(seed_repo, setting)
    done = cli(seed_repo, "check", "--format", "sarif")
    assert done.returncode == 2 and done.stdout == ""
    assert said in done.stderr and done.stderr.count("\n") == 1, done.stderr


# ------------------------------------------------------------------ a clock that cannot be


RBT = "facts/rbt-2021-04-12-putin-wont-talk.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize("time", ["29:59", "24:00", "12:00+15:00", "23:59-24:00"])
def test_a_publication_time_no_clock_shows_is_a_located_finding(seed_repo: Path,
                                                                time: str) -> None:
    # The pattern took any hour from 00 to 29 (and offsets to 29:59): 29:59 validated, and
    # Q201 and D601 ended every check and report in "ValueError: hour must be in 0..23".
    _edit(seed_repo / RBT, '    known: inferred\n', f'    time: "{time}"\n    known: inferred\n')
    for command in (("check",), ("validate",)):
        done = cli(seed_repo, *command)
        assert done.returncode == 1, done.stderr
        assert f"{RBT}:9:11: error S001 source.published.time: '{time}' is not in the " \
               "expected form" in done.stdout
        assert "fix: Write the publication time as HH:MM (00:00 to 23:59)" in done.stdout
    assert cli(seed_repo, "report", "-o", "site").returncode == 1
    assert "S001" in (seed_repo / "site/index.html").read_text("utf-8")


# ------------------------------------------------------------------ fmt and written figures


@pytest.mark.parametrize("written", ["14000.00000000000001", "2.2250738585072014e-308",
                                     "5.0e-324", "0.30000000000000004", "1.0E+3", "12e3"])
def test_fmt_keeps_a_figure_as_written(written: str) -> None:
    # ruamel re-created each float's text from its value: 14000.00000000000001 came out as
    # 14000.00000000000000 and 2.2250738585072014e-308 as ...013e-308, a curator's digits
    # rewritten (the value read the same, so the safety net let it through).
    text = (REPO / RBT).read_text("utf-8").replace(
        "quantity: {value: 14000, unit: people}", f"quantity: {{value: {written}, unit: people}}")
    assert f"{{value: {written}, unit: people}}" in fmt.format_text(text)


# ------------------------------------------------------------------ diff and export-ignore


def test_diff_refuses_a_base_that_git_archive_leaves_files_out_of(seed_repo: Path) -> None:
    # 'facts/texts/** export-ignore' (release tarballs without the archived texts): git
    # archive left them out of the base, which was checked without them, its I006 findings
    # "resolved" and the evidence of its records never compared, in silence (exit 0).
    (seed_repo / ".gitattributes").write_text("facts/texts/** export-ignore\n", "utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run([*git, *step], cwd=seed_repo, check=True, capture_output=True)
    done = cli(seed_repo, "diff")
    assert done.returncode == 2 and done.stdout == ""
    assert "leaves out 2 file(s) that .gitattributes marks export-ignore (facts/texts/" in \
        done.stderr
    (seed_repo / ".gitattributes").write_text("", "utf-8")
    subprocess.run([*git, "commit", "-qam", "attributes"], cwd=seed_repo, check=True)
    done = cli(seed_repo, "diff")
    assert done.returncode == 0 and "0 new" in done.stdout, done.stderr


# ------------------------------------------------------------------ fmt and !!str


def test_fmt_writes_a_str_tagged_value_as_text() -> None:
    # `!!str x` (text to the harness, which checks the file clean) came out of ruamel as
    # `!!%20str x`, a tag the harness refuses: fmt refused the file with "YAML tag
    # 'tag:yaml.org,2002: str' is not allowed" about a tag the file does not hold.
    text = (REPO / RBT).read_text("utf-8").replace(
        "quantity: {value: 14000, unit: people}",
        "quantity: {value: 14000, unit: !!str people}\n    note: !!str 12")
    out = fmt.format_text(text)
    assert "quantity: {value: 14000, unit: people}" in out and '    note: "12"\n' in out
    assert "!!" not in out
