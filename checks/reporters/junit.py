"""JUnit XML (the ``junit-10.xsd`` dialect CI test reporters read).

One testsuite (inside ``<testsuites>``, as pytest writes it); one testcase
per fact file, whose failures are the findings located in it that fail the
run (``--fail-on``), plus one corpus-wide testcase
for findings whose claims span several files (a disagreement between
articles belongs to no single file) or that point outside the loaded files.
A finding that cannot be checked at all (category ``load``: the file could
not be read) is an ``<error>``, not a failure. Findings below ``--fail-on`` and
reviewed findings are listed in the testcase's ``<system-out>``, so the XML
fails exactly when the exit code does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from .. import __version__
from ..findings import Finding
from ..pipeline import RunResult
from ._common import TOOL, claim_line, clean, counts, inert_xml, one_line, ordered, review_note

CORPUS_CASE = "corpus (findings across files)"
ATTRIBUTE_LIMIT = 1000
TEXT_LIMIT = 20000


def _bucket(f: Finding, files: set[str]) -> str:
    paths = {c.path for c in f.claims}
    if len(paths) > 1 or f.location.path not in files:
        return CORPUS_CASE
    return f.location.path


def _details(f: Finding) -> str:
    loc = f.location
    # every string cleaned: a control character in a file name is not well-formed XML
    lines = [f"{clean(loc.path)}:{loc.line}:{loc.column}: {f.severity.value} {clean(f.rule)} "
             f"{clean(f.name)}", one_line(f.message, TEXT_LIMIT)]
    lines += [f"  {clean(c.path)}:{c.line}:{c.column}: {claim_line(c)}" for c in f.claims]
    if f.fix:
        lines.append(f"  fix: {one_line(f.fix, 2000)}")
    lines.append(f"  fingerprint: {f.fingerprint}")
    return "\n".join(lines)


def _testcase(suite: ET.Element, name: str, findings: list[Finding], result: RunResult,
              failing: set[str]) -> None:
    case = ET.SubElement(suite, "testcase", name=clean(name), classname=TOOL, time="0")
    notes: list[str] = []
    for f in findings:
        if f.fingerprint in failing:
            tag = "error" if f.category == "load" else "failure"
            node = ET.SubElement(case, tag, type=clean(f.rule),
                                 message=one_line(f"{f.rule} {f.message}", ATTRIBUTE_LIMIT))
            node.text = _details(f)
        elif result.is_reviewed(f):
            notes.append(f"reviewed ({review_note(result, f)}):\n{_details(f)}")
        else:
            notes.append(f"below fail-on {result.fail_on}:\n{_details(f)}")
    if notes:
        ET.SubElement(case, "system-out").text = "\n\n".join(notes)[:TEXT_LIMIT * 5]


def render_tree(result: RunResult) -> ET.Element:
    files = result.files()
    known = set(files)  # once: a set per finding made ten thousand files quadratic
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for f in ordered(result):
        grouped[_bucket(f, known)].append(f)
    failing = {f.fingerprint for f in result.failing()}
    suite = ET.Element("testsuite", name=TOOL)
    props = ET.SubElement(suite, "properties")
    by = counts(result)
    for key, value in (("version", __version__), ("fail-on", result.fail_on),
                       ("errors", by["error"]), ("warnings", by["warning"]), ("info", by["info"])):
        ET.SubElement(props, "property", name=key, value=str(value))
    for name in [*dict.fromkeys(files), CORPUS_CASE]:
        _testcase(suite, name, grouped.get(name, []), result, failing)
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None
                                  and c.find("error") is None)))
    suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite


class JunitReporter:
    name = "junit"
    description = "JUnit XML: one testcase per fact file plus one for the corpus"

    def render(self, result: RunResult) -> str:
        suite = render_tree(result)
        root = ET.Element("testsuites", name=TOOL, tests=suite.get("tests", "0"),
                          failures=suite.get("failures", "0"), errors=suite.get("errors", "0"),
                          time="0")
        root.append(suite)
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{inert_xml(body)}\n'


REPORTER = JunitReporter()
