"""Red team, eighth round: what a hostile contributor or a careless curator can do to the
harness through the commands a user runs, and what it must do instead (a located finding
with a plain-language fix, or a plain exit 2, in bounded time, never a traceback, a hang, a
silent pass or a lost value). Earlier rounds: test_redteam5.py, test_redteam6.py,
test_redteam7.py, test_hostile_records.py, test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checks import fastload, splice
from checks.config import Config
from checks.engine import select
from checks.load import Document, load_file
from checks.pipeline import execute

from .test_redteam6 import _same, _standard
from .test_redteam7 import _edit, cli

ENV = {**os.environ, "FACT_CHECKS_CACHE": "off"}
needs_libyaml = pytest.mark.skipif(not fastload.AVAILABLE, reason="PyYAML with libyaml")
RECORD = "facts/rferl-2021-04-12-dialogue.yaml"
FIGURE = "quantity: {value: 26, unit: soldiers}"




# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("written", ["0o12", "0x1F", "012", "-0x1f", "0b101", "00"])
def test_an_integer_in_another_base_stays_text_on_both_loaders(tmp_path: Path, fast: bool,
                                                               written: str) -> None:
    # 'value: 0o12' was 10 and 'value: 0x1F' 31, silently: a curator who typed either
    # meant neither, and YAML 1.1 tools read '012' as 10 where YAML 1.2 reads 12.
    path = tmp_path / "f.yaml"
    path.write_text(f"a: {written}\nb: 12\nc: 0\n")
    doc = load_file(path, "f.yaml", fast=fast)
    assert not doc.hits and doc.data == {"a": written, "b": 12, "c": 0}


@pytest.mark.parametrize(("written", "fix"), [
    ("0o12", "write the figure in decimal digits: '0o12' is octal (10) to a YAML reader"),
    ("0x1F", "write the figure in decimal digits: '0x1F' is hexadecimal (31) to a YAML reader"),
    ("0b101", "write the figure in decimal digits: '0b101' is binary (5) to a YAML reader"),
    ("012", "write 12 without the leading zero: YAML 1.1 tools read a number that starts "
     "with 0 as octal ('012' is 10)"),
    ("-09", "write -9 without the leading zero"),
])
def test_a_figure_in_another_base_is_a_located_finding(seed_repo: Path, written: str,
                                                       fix: str) -> None:
    _edit(seed_repo / RECORD, FIGURE, f"quantity: {{value: {written}, unit: soldiers}}")
    config = Config()
    run = execute([seed_repo / "facts"], seed_repo, config, select(config, only=["schema"]))
    found = [f for f in run.findings if f.rule == "S001"]
    assert len(found) == 1, found
    assert (found[0].location.line, found[0].location.column) == (308, 23)
    assert "quantity.value: expected a number, found a string" in found[0].message
    assert found[0].fix.startswith(fix), found[0].fix


# ------------------------------------------------------------------ configuration


def _spoil(path: Path, how: str) -> None:
    path.unlink(missing_ok=True)
    if how == "fifo":
        os.mkfifo(path)
    elif how == "folder":
        path.mkdir()
    elif how == "dangling link":
        path.symlink_to("nowhere.toml")
    else:
        path.write_bytes(b'[tool.fact-checks]\nfail-on = "warning"\n# caf\xe9\n')


@pytest.mark.parametrize(("how", "said"), [
    ("fifo", "not a regular file"), ("folder", "not a regular file"),
    ("dangling link", "no such file"), ("latin-1", "not UTF-8 text (byte 0xe9 on line 3)"),
])
@pytest.mark.parametrize("command", ["check", "validate", "fmt", "recall"])
def test_a_pyproject_that_cannot_be_read_is_a_plain_exit_2(seed_repo: Path, how: str,
                                                           said: str, command: str) -> None:
    # A FIFO, a folder or a dangling link named pyproject.toml was passed over: the run
    # took the defaults (or a parent folder's pyproject) and passed, exit 0.
    _spoil(seed_repo / "pyproject.toml", how)
    done = cli(seed_repo, command, timeout=30)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "pyproject.toml: cannot read configuration: " + said in done.stderr, done.stderr
    assert len(done.stderr) < 400 and "Errno" not in done.stderr


@pytest.mark.parametrize(("toml", "said"), [
    ('[[tool.fact-checks]]\npaths = ["facts"]\n', "not [{'paths': ['facts']}] (an array)"),
    ('tool = {fact-checks = "x"}\n', "not 'x' (a string)"),
])
def test_a_fact_checks_section_that_is_no_table_is_said_plainly(seed_repo: Path, toml: str,
                                                                said: str) -> None:
    # "[tool.fact-checks] : Input should be a valid dictionary or instance of Config"
    (seed_repo / "pyproject.toml").write_text(toml, encoding="utf-8")
    done = cli(seed_repo, "check")
    assert done.returncode == 2 and "[tool.fact-checks] must be one table of settings, " + \
        said in done.stderr, done.stderr


@pytest.mark.parametrize("how", ["fifo", "folder", "dangling link"])
def test_the_pytest_plugin_neither_hangs_on_nor_ignores_an_unreadable_pyproject(
        tmp_path: Path, how: str) -> None:
    # The plugin opened the rootdir's pyproject.toml to see whether it had
    # [tool.fact-checks]: a FIFO hung every pytest run of any project in the environment,
    # and a folder or dangling link turned the fact checks off without a word.
    (tmp_path / "test_a.py").write_text("def test_a() -> None:\n    pass\n")
    _spoil(tmp_path / "pyproject.toml", how)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--rootdir", str(tmp_path)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 4, done.stdout + done.stderr
    assert "cannot read configuration" in done.stderr and "--no-fact-checks" in done.stderr
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--rootdir", str(tmp_path), "--no-fact-checks"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


# ------------------------------------------------------------------ reports


def _sarif_uris(report: Path) -> set[str]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {loc["physicalLocation"]["artifactLocation"]["uri"]
            for result in data["runs"][0]["results"]
            for loc in result["locations"] + result.get("relatedLocations", [])}


def test_sarif_percent_encodes_the_bytes_of_a_name_that_is_not_utf8(seed_repo: Path) -> None:
    # 'caf\xe9.yaml' is shown as 'caf\\xe9.yaml'; its SARIF URI turned the backslash into
    # a slash, 'facts/caf/xe9.yaml': a folder that does not exist. RFC 3986 encodes the
    # byte itself; a backslash that is part of a POSIX name is '%5C', not a folder.
    facts = os.fsencode(seed_repo / "facts")
    os.rename(seed_repo / RECORD, os.path.join(facts, b"caf\xe9.yaml"))
    os.rename(seed_repo / "facts/rbt-2021-04-12-putin-wont-talk.yaml",
              os.path.join(facts, b"rbt\\2021.yaml"))
    done = cli(seed_repo, "check", "--format", "sarif", "--output", "out", "--fail-on", "none")
    assert done.returncode == 0, done.stderr
    uris = _sarif_uris(seed_repo / "out")
    assert {"facts/caf%E9.yaml", "facts/rbt%5C2021.yaml"} <= uris, uris
    assert not any("/x" in u for u in uris)


def test_sarif_gives_a_file_outside_the_repository_an_absolute_uri(
        seed_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # A record named on the command line from outside the repository ('../x.yaml') had
    # the relative URI '../x.yaml' and no uriBaseId: viewers read it against the
    # repository root. Without a uriBaseId the URI must be absolute.
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "x y.yaml"
    elsewhere.write_bytes((seed_repo / RECORD).read_bytes())
    done = cli(seed_repo, "check", os.path.relpath(elsewhere, seed_repo), "--format", "sarif",
               "--output", "out", "--fail-on", "none")
    assert done.returncode == 0, done.stderr
    data = json.loads((seed_repo / "out").read_text(encoding="utf-8"))
    where = {json.dumps(loc["physicalLocation"]["artifactLocation"], sort_keys=True)
             for result in data["runs"][0]["results"] for loc in result["locations"]}
    want = {"uri": "file://" + str(elsewhere.resolve()).replace(" ", "%20")}
    assert json.dumps(want, sort_keys=True) in where, where


# ------------------------------------------------------------------ the splice in flow


def _flow_record(n: int, trouble: str, sep: str) -> str:
    items = ("," + sep).join(f"{{id: c{i}, says: {{subject: a, predicate: b}}, evidence: "
                             f"[x,{sep}'y, z']}}" for i in range(n))
    return (f"source: {{outlet: x}}\nclaims: [{sep}{items},{sep}{trouble},{sep}"
            f"{{id: last}}\n]\nnote: end\n")




@needs_libyaml
@pytest.mark.parametrize("sep", ["\n  ", " "], ids=["lines", "one line"])
@pytest.mark.parametrize("trouble", ["{id: t,\tsays: x}", "{id: t, says:\tx}",
                                     "{id: t, says: [a,\tb]}", "{id: t\t}",
                                     "[a,\n\tb]", "{id: t, says: x\u2028y}"])
def test_a_tab_in_a_large_flow_collection_is_read_in_a_window(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trouble: str, sep: str) -> None:
    # Flow collections had no cut points: a tab in one of a megabyte had the pure-Python
    # parser read it from its opening bracket (10-20 s at the node limit), and the whole
    # line when written on one.
    text = _flow_record(2500, trouble, sep)
    path = tmp_path / "big.yaml"
    path.write_text(text, encoding="utf-8")
    standard = load_file(path, "f.yaml", fast=False)
    read = parsed_characters(monkeypatch)
    fast = load_file(path, "f.yaml", fast=True)
    _same(fast, standard)
    assert read[0] < len(text) // 50, f"read {read[0]:,} of {len(text):,}"


def _flow_node(rng: random.Random, depth: int, indent: int) -> str:
    if depth > 3 or rng.random() < 0.4:
        return rng.choice(["a", "b c", "'q,x'", '"d e"', "1", "x: y" if depth else "z", "",
                           "&n v", "*n", "? k"])
    pad = " " * (indent + 2)
    sep = rng.choice([", ", ",\n" + pad, ",\n" + pad + "# note\n" + pad,
                      " ,\n" + " " * indent, ",\t", "\n" + pad])
    is_map, count = rng.random() < 0.5, rng.randrange(0, 5)
    items = [(f"k{i}: " if is_map and rng.random() < 0.9 else "")
             + _flow_node(rng, depth + 1, indent + 2) for i in range(count)]
    opener, closer = ("{", "}") if is_map else ("[", "]")
    return (rng.choice([opener, opener + "\n" + pad]) + sep.join(items)
            + rng.choice([closer, "," + closer, "\n" + " " * indent + closer]))


@needs_libyaml
@pytest.mark.parametrize("seed", range(4))
def test_spliced_flow_collections_equal_the_standard_loaders(
        monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """Windows that start and end inside flow collections, against the standard loader
    on the whole text: nested, commented, with pairs without braces, anchors, aliases,
    explicit keys and syntax errors, small texts spliced as if they were large."""
    rng = random.Random(seed)
    in_flow = compared = 0
    window = splice._window

    def counted(tail: str, start: Any, end: Any) -> Any:
        nonlocal in_flow
        in_flow += bool(start.frames) and not start.frames[-1][2]
        return window(tail, start, end)

    monkeypatch.setattr(splice, "_window", counted)
    for _ in range(60):
        text = "\n".join(
            f"key{k}: {_flow_node(rng, 0, 0)}" if rng.random() < 0.5 else
            f"key{k}:\n  - {_flow_node(rng, 1, 4)}\n  - {_flow_node(rng, 1, 4)}"
            for k in range(rng.randrange(1, 5))) + "\n"
        for _ in range(rng.randrange(0, 3)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(["\t", "\t ", "\x85", "\u2028", "*a:", ",", "]",
                                           "#", ": ", "\n"]) + text[at:]
        doc = Document(path="f.yaml", file=Path("f.yaml"))
        if splice.spliced(doc, text, fastload._events, minimum=0):
            compared += 1
            _same(doc, _standard(text))
    assert compared > 50 and in_flow > 10, (compared, in_flow)


# ------------------------------------------------------------------ messages


def test_a_check_across_fields_speaks_plainly(seed_repo: Path) -> None:
    # "reviews[0]: Value error, expires (2019-01-01) is before the review date", fix "see
    # the schema's description of this field": Python's words, and a pointer elsewhere.
    _edit(seed_repo / "facts/reviews.yaml", '    date: "2026-11-22"\n',
          '    date: "2026-11-22"\n    expires: "2019-01-01"\n')
    config = Config()
    run = execute([seed_repo / "facts"], seed_repo, config, select(config, only=["schema"]))
    found = [f for f in run.findings if f.rule == "S001"]
    assert len(found) == 1 and (found[0].location.line, found[0].location.column) == (6, 5)
    assert found[0].message.startswith(
        "reviews[0]: expires (2019-01-01) is before the review date (2026-11-22)")
    assert found[0].fix == "correct the values it names so that they agree"


def test_new_refuses_an_article_that_is_binary(seed_repo: Path) -> None:
    # An article holding NUL bytes (a PDF or a word processor's file renamed .txt) was
    # archived as it was, with a record of no claims that then checked clean.
    before = sorted(p.name for p in (seed_repo / "facts").rglob("*"))
    (seed_repo / "a.txt").write_bytes(b"Kyiv asks for talks\x00\x00\x01 Ukraine said so.\n")
    done = cli(seed_repo, "new", "a.txt", "--url", "https://example.org/a", "--outlet",
               "rferl", "--headline", "Kyiv asks for talks", "--published", "2021-04-12")
    assert done.returncode == 2 and "a.txt is binary, not text" in done.stderr, done.stderr
    assert sorted(p.name for p in (seed_repo / "facts").rglob("*")) == before


# ------------------------------------------------------------------ hidden characters


@pytest.mark.parametrize(("file", "old", "pointer"), [
    ("facts/vocabulary.yaml", "label: requested talks with", "/predicates/0/label"),
    ("facts/reviews.yaml", "reviewer: seed-curation", "/reviews/0/reviewer"),
    ("facts/reviews.yaml", "The republication's headline says", "/reviews/0/reason"),
])
def test_a_direction_override_in_the_vocabulary_or_a_review_is_flagged(
        seed_repo: Path, file: str, old: str, pointer: str) -> None:
    # A predicate's label is the wording of every conflict message, a review's reason and
    # reviewer stand beside the finding they waive in every report: U+202E there reorders
    # what a reader sees, and nothing said so (records and the registry were flagged).
    key, _, value = old.partition(": ")
    _edit(seed_repo / file, old, f"{key}: \u202e{value}" if value else f"\u202e{old}")
    config = Config()
    run = execute([seed_repo / "facts"], seed_repo, config, select(config, only=["I009"]))
    found = [f for f in run.findings if f.rule == "I009" and f.location.path == file]
    assert len(found) == 1 and found[0].location.pointer == pointer, found
    assert "<U+202E>" in found[0].message


def test_a_broken_configuration_fails_pytest_when_it_collects_no_fact_file(
        seed_repo: Path) -> None:
    # The plugin fails each fact item with a configuration error; with the records under
    # paths = ["data"], the broken configuration's folders are unknown, no item was
    # collected, and the run passed on the other tests.
    (seed_repo / "facts").rename(seed_repo / "data")
    (seed_repo / "pyproject.toml").write_text(
        '[tool.fact-checks]\npaths = ["data"]\nreviews = "data/reviews.yaml"\n'
        'fail-on = "sometimes"\n', encoding="utf-8")
    (seed_repo / "test_a.py").write_text("def test_a() -> None:\n    pass\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--rootdir", str(seed_repo), "test_a.py", "data"], cwd=seed_repo,
                          capture_output=True, text=True, timeout=120, env=ENV)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "fact-checks cannot run (no fact file was collected)" in done.stdout
    assert "fail-on" in done.stdout


def test_new_with_a_registry_that_does_not_load_says_so(seed_repo: Path) -> None:
    # "outlet 'rferl' is not in facts/entities.yaml; register it first" to a curator
    # whose registry holds it but does not load (a tab, a conflict marker).
    registry = seed_repo / "facts/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "<<<<<<< HEAD\n", "utf-8")
    (seed_repo / "a.txt").write_text("Kyiv asks for talks\n\nUkraine said on Monday it had "
                                     "asked Russia for talks.\n", "utf-8")
    done = cli(seed_repo, "new", "a.txt", "--url", "https://example.org/a", "--outlet",
               "rferl", "--headline", "Kyiv asks for talks", "--published", "2021-04-12")
    assert done.returncode == 2, done.stderr
    assert ("outlet 'rferl' is not in the registry as read, and facts/entities.yaml did not "
            "load or validate") in done.stderr


@pytest.mark.parametrize(("path", "said"), [
    ("texts/a\\u0000b.txt", "archived text path 'texts/a<U+0000>b.txt' holds a NUL character"),
    ("texts/rbt-2021-04-12-putin-wont-talk.txt/x", "cannot be read: not a directory"),
    ("texts/" + "a" * 300 + ".txt", "cannot be read: file name too long"),
])
def test_an_archived_text_path_the_system_refuses_says_why(seed_repo: Path, path: str,
                                                           said: str) -> None:
    # Each was "resolves outside the repository", fix "store the text inside the
    # repository (not through a symlink)": it was inside, and no link was involved.
    _edit(seed_repo / "facts/rbt-2021-04-12-putin-wont-talk.yaml",
          "path: texts/rbt-2021-04-12-putin-wont-talk.txt", f'path: "{path}"')
    config = Config()
    run = execute([seed_repo / "facts"], seed_repo, config, select(config, only=["I006"]))
    found = [f for f in run.findings if f.rule == "I006"]
    assert len(found) == 1 and said in found[0].message, found
    assert "outside" not in found[0].message + found[0].fix


def parsed_characters(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A one-item list counting the characters ruamel's parser is given from now on (how
    much of a text a splice leaves to the slow parser)."""
    read = [0]
    parse = YAML.parse

    def counted(yaml: YAML, stream: Any) -> Any:
        read[0] += len(stream)
        return parse(yaml, stream)

    monkeypatch.setattr(YAML, "parse", counted)
    return read
