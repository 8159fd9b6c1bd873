"""The pytest plugin (checks.pytest_plugin), run through pytest itself (pytester)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import execute
from tests.rulecases import materialise
from tests.test_triage import CONFLICT

pytest_plugins = ("pytester",)

# With the pytest11 entry point installed the plugin loads by itself; '-p' would
# register it a second time under another name.
_INSTALLED = any(ep.value == "checks.pytest_plugin" for ep in entry_points(group="pytest11"))
PLUGIN: tuple[str, ...] = () if _INSTALLED else ("-p", "checks.pytest_plugin")
ENABLED = '[tool.fact-checks]\npaths = ["facts"]\n'


def _repo(root: Path, pyproject: str = ENABLED, case: dict[str, Any] = CONFLICT) -> None:
    materialise(case, root)
    (root / "pyproject.toml").write_text(pyproject, "utf-8")


def _failing(root: Path) -> list[Finding]:
    config = Config()
    return execute([root / "facts"], root, config, select(config)).failing()


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_inprocess(*PLUGIN, "-p", "no:cacheprovider", *args)


def test_each_fact_file_is_an_item_failing_with_its_findings(pytester: pytest.Pytester) -> None:
    _repo(pytester.path)
    failing = _failing(pytester.path)
    assert failing
    run = _run(pytester, "facts", "-rA")
    owners = {f.location.path for f in failing}
    files = sorted(p.relative_to(pytester.path).as_posix()
                   for p in (pytester.path / "facts").glob("*.yaml"))
    run.assert_outcomes(failed=len(owners), passed=len(files) - len(owners) + 1)
    out = run.stdout.str()
    for path in files:
        status = "FAILED" if path in owners else "PASSED"
        assert f"{status} {path}::fact-checks" in out
    assert "PASSED facts/a.yaml::fact-checks-corpus" in out
    for f in failing:  # located, in the text format
        loc = f.location
        assert f"{loc.path}:{loc.line}:{loc.column}: {f.severity.value} {f.rule} " in out
    assert "fact-checks: " in out and " failing (fail-on error)" in out


def test_junit_carries_finding_codes(pytester: pytest.Pytester) -> None:
    _repo(pytester.path)
    failing = _failing(pytester.path)
    xml = pytester.path / "junit.xml"
    _run(pytester, "facts", f"--junitxml={xml}")
    tree = ET.parse(xml)
    props: dict[str, list[tuple[str, str]]] = {}
    for case in tree.iter("testcase"):
        name = f"{case.get('classname')}::{case.get('name')}"
        props[name] = [(p.get("name") or "", p.get("value") or "") for p in case.iter("property")]
    for f in failing:
        owner = [k for k in props if any(f.fingerprint in v for _, v in props[k])]
        assert owner, f"{f.rule} {f.fingerprint} not in JUnit properties"
        values = dict(props[owner[0]])
        assert f.rule in values["codes"].split()
        assert any(n == "finding" and v.startswith(f"{f.rule} {f.severity.value} ")
                   for n, v in props[owner[0]])


def test_junit_is_read_by_junitparser(pytester: pytest.Pytester) -> None:
    junitparser = pytest.importorskip("junitparser")
    _repo(pytester.path)
    xml = pytester.path / "junit.xml"
    _run(pytester, "facts", f"--junitxml={xml}")
    suite = next(iter(junitparser.JUnitXml.fromfile(str(xml))))
    failed = [case for case in suite if not case.is_passed]
    assert failed and all(case.result for case in failed)


def test_finding_in_an_uncollected_file_fails_the_corpus_item(pytester: pytest.Pytester) -> None:
    _repo(pytester.path)
    failing = _failing(pytester.path)
    others = sorted({f.location.path for f in failing})
    assert others
    chosen = next(p.relative_to(pytester.path).as_posix()
                  for p in sorted((pytester.path / "facts").glob("*.yaml"))
                  if p.relative_to(pytester.path).as_posix() not in others)
    run = _run(pytester, chosen, "-rA")
    run.assert_outcomes(passed=1, failed=1)
    out = run.stdout.str()
    assert f"FAILED {chosen}::fact-checks-corpus" in out
    for f in failing:
        assert f"{f.location.path}:{f.location.line}:{f.location.column}: " in out


def test_reviewed_findings_pass_and_are_recorded(pytester: pytest.Pytester) -> None:
    _repo(pytester.path)
    failing = _failing(pytester.path)
    lines = ["reviews:"]
    for f in failing:
        lines += [f"  - fingerprint: {f.fingerprint}", "    verdict: expected-disagreement",
                  "    reason: both sides are reported faithfully", "    reviewer: t",
                  "    date: 2021-04-20"]
    (pytester.path / "facts" / "reviews.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    xml = pytester.path / "junit.xml"
    run = _run(pytester, "facts", f"--junitxml={xml}")
    assert run.ret == 0, run.stdout.str()
    text = xml.read_text("utf-8")
    assert all(f"{f.rule} {f.severity.value} " in text for f in failing)
    assert 'name="reviewed"' in text


def test_engine_runs_once_per_session(pytester: pytest.Pytester,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import checks.pytest_plugin as plugin

    _repo(pytester.path)
    calls: list[Path] = []
    real = plugin._run

    def counting(root: Path, config: Config) -> Any:
        calls.append(root)
        return real(root, config)

    monkeypatch.setattr(plugin, "_run", counting)
    run = _run(pytester, "facts")
    assert len(run.stdout.str().split("fact-checks:")) == 2
    assert len(calls) == 1


def test_not_collected_without_configuration(pytester: pytest.Pytester) -> None:
    _repo(pytester.path, pyproject="[tool.other]\nx = 1\n")
    run = _run(pytester, "facts")
    assert run.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    opted = _run(pytester, "facts", "--fact-checks", "-q")
    assert opted.ret == pytest.ExitCode.TESTS_FAILED


def test_opt_out(pytester: pytest.Pytester) -> None:
    _repo(pytester.path)
    assert _run(pytester, "facts", "--no-fact-checks").ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_broken_file_fails_its_own_item(pytester: pytest.Pytester) -> None:
    _repo(pytester.path)
    (pytester.path / "facts" / "broken.yaml").write_text("source:\n\t- x\n", "utf-8")
    run = _run(pytester, "facts", "-rA")
    out = run.stdout.str()
    assert "FAILED facts/broken.yaml::fact-checks" in out
    assert "facts/broken.yaml:2:1: error L001" in out


def test_bad_configuration_fails_items_not_the_session(pytester: pytest.Pytester) -> None:
    _repo(pytester.path, pyproject='[tool.fact-checks]\nfail-on = "sometimes"\n')
    run = _run(pytester, "facts", "-rA")
    assert run.ret == pytest.ExitCode.TESTS_FAILED
    assert "fact-checks cannot run" in run.stdout.str()


def test_reportinfo_has_no_line(pytester: pytest.Pytester) -> None:
    _repo(pytester.path)
    items, _ = pytester.inline_genitems(*PLUGIN, "facts")
    facts = [i for i in items if i.name == "fact-checks"]
    assert facts
    for item in facts:
        path, line, domain = item.reportinfo()
        assert line is None and str(path).endswith(".yaml") and domain.startswith("fact-checks ")
