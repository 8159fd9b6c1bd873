"""JUnit XML: valid against junit-10.xsd (xmllint) and read back by junitparser."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from checks.cli import main
from checks.pipeline import RunResult
from checks.reporters import REPORTERS
from checks.reporters.junit import CORPUS_CASE

from .consumers.support import HERE, hostile_result, renamed, require, run, seed_result

XSD = HERE / "junit-10.xsd"


def write(result: RunResult, tmp_path: Path) -> Path:
    path = tmp_path / "report.xml"
    path.write_text(REPORTERS["junit"].render(result), encoding="utf-8")
    return path


def xmllint_ok(path: Path) -> None:
    xmllint = shutil.which("xmllint")
    require(xmllint, "xmllint", "apt-get install libxml2-utils")
    done = run([str(xmllint), "--noout", "--schema", XSD, path])
    assert done.returncode == 0, done.stderr


def parse(path: Path):  # type: ignore[no-untyped-def]
    try:
        import junitparser
    except ImportError:
        junitparser = None
    require(junitparser, "junitparser", "pip install junitparser")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert len(suites) == 1 and suites[0].name == "fact-checks"
    return suites[0]


def test_seed_report_is_schema_valid(tmp_path: Path) -> None:
    xmllint_ok(write(seed_result(), tmp_path))


def test_hostile_control_characters_and_long_text_stay_valid(tmp_path: Path) -> None:
    path = write(hostile_result(message_length=200_000), tmp_path)
    xmllint_ok(path)
    suite = parse(path)
    assert suite.failures + suite.errors >= 1


def test_xmllint_does_reject_an_invalid_report(tmp_path: Path) -> None:
    xmllint = shutil.which("xmllint")
    require(xmllint, "xmllint", "apt-get install libxml2-utils")
    bad = tmp_path / "bad.xml"
    bad.write_text(REPORTERS["junit"].render(seed_result()).replace(' name="fact-checks"', ""))
    assert run([str(xmllint), "--noout", "--schema", XSD, bad]).returncode != 0


def test_one_testcase_per_file_plus_the_corpus(tmp_path: Path) -> None:
    result = seed_result()
    suite = parse(write(result, tmp_path))
    names = [case.name for case in suite]
    assert names == [doc.path for doc in result.corpus.docs] + [CORPUS_CASE]
    assert suite.tests == len(names)


def test_failures_are_the_failing_findings_with_their_codes(tmp_path: Path) -> None:
    result = seed_result()
    suite = parse(write(result, tmp_path))
    reported = [(r.type, r.message) for case in suite for r in case.result
                if type(r).__name__ in ("Failure", "Error")]
    failing = result.failing()
    assert failing, "the seed corpus has findings that fail the run"
    assert sorted(t for t, _ in reported) == sorted(f.rule for f in failing)
    assert all(message.startswith(code + " ") for code, message in reported)
    failed_cases = sum(1 for case in suite if case.result)
    assert suite.failures + suite.errors == failed_cases


def test_findings_below_fail_on_are_listed_not_failed(tmp_path: Path) -> None:
    result = seed_result()
    result.fail_on = "none"
    suite = parse(write(result, tmp_path))
    assert suite.failures == suite.errors == 0
    out = "".join(case.system_out or "" for case in suite)
    assert all(f.fingerprint in out for f in result.findings)


def test_reviewed_findings_are_not_failures(tmp_path: Path) -> None:
    failing = seed_result().failing()
    reviewed = {f.fingerprint: {"verdict": "accurate", "reason": "checked"} for f in failing}
    result = seed_result(reviewed=reviewed)
    suite = parse(write(result, tmp_path))
    assert suite.failures == suite.errors == 0
    out = "".join(case.system_out or "" for case in suite)
    assert out.count("reviewed (accurate: checked)") == len(failing)


def test_control_characters_in_file_names_stay_well_formed() -> None:
    # ESC in a file name once reached the <failure> body raw: not XML 1.0
    result = renamed(hostile_result(n=3))
    text = REPORTERS["junit"].render(result)
    assert "\x1b" not in text
    root = ET.fromstring(text.encode("utf-8"))
    bodies = [node.text or "" for tag in ("failure", "error", "system-out")
              for node in root.iter(tag)]
    assert len(bodies) >= 2
    assert all("facts/x\nok.yaml:1:1: info Z000 all good \ufffd[8m" in b for b in bodies)


def test_a_control_character_in_a_checked_file_name(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "bad\x1bname.yaml").write_text("a: [1\n", encoding="utf-8")
    report = tmp_path / "report.xml"
    assert main(["check", "--root", str(tmp_path), "--format", "junit", "-o", str(report)]) == 1
    error = ET.parse(report).getroot().find(".//error")  # L001: the file cannot be read
    assert error is not None and (error.text or "").startswith("facts/bad\ufffdname.yaml:2:1: ")
