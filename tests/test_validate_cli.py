"""`python -m checks validate` on the bundled facts and on broken copies."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checks.cli import main

RECORD = "facts/rferl-2021-04-12-dialogue.yaml"


def run_cli(root: Path, *args: str) -> tuple[int, Any, str]:
    proc = subprocess.run([sys.executable, "-m", "checks", *args, "--root", str(root),
                           "--format", "json"], capture_output=True, text=True, cwd=root,
                          check=False)
    data = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else None
    return proc.returncode, data, proc.stderr


def test_bundled_facts_validate_cleanly(seed_repo: Path) -> None:
    code, data, err = run_cli(seed_repo, "validate")
    assert code == 0, err
    s = data["summary"]
    assert s["sources"] == 2 and s["claims"] >= 55 and s["entities"] >= 30
    assert s["findings"]["error"] == 0
    # every evidence excerpt of both articles is found in its archived text
    assert not [f for f in data["findings"] if f["rule"] in ("I004", "I007", "I008")]


def _break(root: Path, pattern: str, replacement: str, nth: int = 0) -> int:
    """Apply one replacement in the seed record; return its 1-based line."""
    path = root / RECORD
    text = path.read_text("utf-8")
    match = list(re.finditer(pattern, text, re.M))[nth]
    path.write_text(text[: match.start()] + replacement + text[match.end():], "utf-8")
    return text.count("\n", 0, match.start()) + 1


CASES = {
    "syntax-error": (r"^  - id: (\S+)\n", "  - id: [unclosed\n", "L001"),
    "wrong-type": (r"negated: true", "negated: maybe", "S001"),
    "unknown-key": (r"^    says:", "    sayz:", "S001"),
    "unknown-entity": (r"speaker: mendel\b", "speaker: mendell", "I001"),
    # by.to: whom the words were said to, entity ids like by.via
    "unknown-addressee": (r"mode: partial-quote, said", "mode: partial-quote, to: [reuterz], said",
                          "I001"),
    "addressee-not-a-list": (r"mode: partial-quote, said", "mode: partial-quote, to: Reuters, said",
                             "S001"),
    "evidence-not-in-text": (r"evidence: Ukrainian President Volodymyr",
                             "evidence: Ukrainian Presidentt Volodymyr", "I004"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_copy_gives_exit_1_and_a_finding_on_the_line(seed_repo: Path, name: str) -> None:
    pattern, replacement, rule = CASES[name]
    line = _break(seed_repo, pattern, replacement, nth=2 if name == "syntax-error" else 0)
    code, data, err = run_cli(seed_repo, "validate")
    assert code == 1, err
    hits = [(f["rule"], f["location"]["path"], f["location"]["line"]) for f in data["findings"]]
    assert any(r == rule and p == RECORD and abs(ln - line) <= 1 for r, p, ln in hits), (line, hits)
    assert all(f["fix"] for f in data["findings"])


def test_duplicate_claim_id(seed_repo: Path) -> None:
    path = seed_repo / RECORD
    text = path.read_text("utf-8")
    ids = re.findall(r"^  - id: (\S+)$", text, re.M)
    second = list(re.finditer(r"^  - id: (\S+)$", text, re.M))[1]
    path.write_text(text[: second.start()] + f"  - id: {ids[0]}" + text[second.end():], "utf-8")
    line = text.count("\n", 0, second.start()) + 1
    code, data, _ = run_cli(seed_repo, "validate")
    assert code == 1
    assert any(f["rule"] == "I003" and f["location"]["line"] == line for f in data["findings"])


def test_sha_mismatch_and_unknown_entity_suggestion(seed_repo: Path) -> None:
    text_file = seed_repo / "facts/texts/rferl-2021-04-12-dialogue.txt"
    text_file.write_bytes(text_file.read_bytes() + b"\n")
    _break(seed_repo, r"speaker: mendel\b", "speaker: mendell")
    code, data, _ = run_cli(seed_repo, "validate")
    assert code == 1
    rules = {f["rule"]: f for f in data["findings"]}
    assert "I005" in rules
    assert "did you mean 'mendel'" in rules["I001"]["message"]


def test_the_run_goes_on_after_a_hostile_file(seed_repo: Path) -> None:
    (seed_repo / "facts/bomb.yaml").write_text(
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]\n"
            for p, n in zip("abcdefg", "bcdefgh", strict=True)), "utf-8")
    (seed_repo / "facts/binary.yaml").write_bytes(b"\x00\xff\x00")
    code, data, _ = run_cli(seed_repo, "validate")
    assert code == 1
    assert data["summary"]["sources"] == 2  # the good records were still read
    paths = {f["location"]["path"] for f in data["findings"]}
    assert {"facts/bomb.yaml", "facts/binary.yaml"} <= paths


def test_usage_errors_exit_2(seed_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(seed_repo / "nope"), "--root", str(seed_repo)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["check", "--root", str(seed_repo), "--select", "Z999"]) == 2
    assert main(["explain", "NOPE"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--fail-on", "sometimes"])
    assert exc.value.code == 2


def test_misspelled_configuration_is_an_error(seed_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    py = seed_repo / "pyproject.toml"
    py.write_text(py.read_text("utf-8") + 'selekt = ["C"]\n', "utf-8")
    assert main(["check", "--root", str(seed_repo)]) == 2
    assert "selekt" in capsys.readouterr().err


@pytest.mark.parametrize(("value", "said"), [
    ("1.7e308", "out of range (it must be at most 1e+18)"),
    ("-1.7e308", "out of range (it must be at least -1e+18)"),
    ('"40,000"', "expected a number, found a string"),
])
def test_a_bad_figure_is_explained_at_the_figure(seed_repo: Path, value: str, said: str) -> None:
    """An optional mapping's schema error names what is wrong inside it, at the value,
    not 'is not valid under any of the given schemas' at the mapping. A figure near a
    float's limit is refused: sums and gaps of two of them were an Infinity that the
    JSON report could not hold."""
    line = _break(seed_repo, r"\{value: 40000, cmp: gt", f"{{value: {value}, cmp: gt")
    code, data, err = run_cli(seed_repo, "validate")
    assert code == 1, err
    (hit,) = [f for f in data["findings"] if f["rule"] == "S001"]
    assert said in hit["message"] and "any of the given schemas" not in hit["message"]
    assert hit["location"]["path"] == RECORD and hit["location"]["line"] == line
    assert hit["location"]["column"] == 23 and hit["location"]["pointer"].endswith("/value")


def test_codes_may_be_given_with_commas_or_repeated(seed_repo: Path) -> None:
    _, both, err = run_cli(seed_repo, "check", "--fail-on", "none", "--ignore", "A404,A401")
    _, repeated, _ = run_cli(seed_repo, "check", "--fail-on", "none", "--ignore", "A404",
                             "--ignore", "A401")
    _, everything, _ = run_cli(seed_repo, "check", "--fail-on", "none")
    rules = {f["rule"] for f in both["findings"]}
    assert {"A404", "A401"} <= {f["rule"] for f in everything["findings"]}, err
    assert not rules & {"A404", "A401"} and rules
    assert both["findings"] == repeated["findings"]
    code, _, err = run_cli(seed_repo, "check", "--select", "H701,X999")
    assert code == 2 and "'X999' matches no rule" in err


def test_one_record_given_alone_is_read_with_the_configured_registry(seed_repo: Path) -> None:
    """``validate facts/one.yaml`` resolves entities and predicates from the configured
    registry and vocabulary: without them every reference was an I001/I002 error."""
    code, data, err = run_cli(seed_repo, "validate", RECORD)
    assert code == 0, err
    assert data["summary"]["sources"] == 1 and data["summary"]["entities"] > 30
    assert not [f for f in data["findings"] if f["rule"] in ("I001", "I002")]
    _break(seed_repo, r"speaker: mendel\b", "speaker: mendell")
    code, data, _ = run_cli(seed_repo, "validate", RECORD)
    assert code == 1 and [f["rule"] for f in data["findings"]] == ["I001"]


def test_an_inverted_range_is_a_schema_finding_at_the_figure(seed_repo: Path) -> None:
    line = _break(seed_repo, r"\{value: 40000, cmp: gt", "{min: 14000, max: 1, cmp: range")
    code, data, err = run_cli(seed_repo, "validate")
    assert code == 1, err
    (hit,) = [f for f in data["findings"] if f["rule"] == "S001"]
    assert "'min' (14000) is larger than 'max' (1)" in hit["message"]
    assert hit["location"]["line"] == line and hit["location"]["pointer"].endswith("/quantity")


@pytest.mark.parametrize("given", [["facts"], ["facts/entities.yaml"], ["facts/vocabulary.yaml", RECORD],
                                   ["./facts/"]])
def test_a_registry_given_or_inside_a_given_folder_is_read_once(seed_repo: Path,
                                                                  given: list[str]) -> None:
    """``validate facts`` and a pre-commit hook's ``validate facts/entities.yaml`` read the
    registry once: it was also added as the configured registry, so every entity was a
    duplicate id (54 I003 errors, exit 1) on a clean corpus."""
    code, data, err = run_cli(seed_repo, "validate", *given)
    assert code == 0, err
    assert data["summary"]["entities"] > 30
    assert not [f for f in data["findings"] if f["rule"] == "I003"]


def test_select_runs_only_what_it_names_and_extend_select_adds(seed_repo: Path) -> None:
    """``--select Q203`` ran every configured rule as well ("also run these"): the
    configuration's ``select = ["ALL"]`` swallowed it. It now replaces the configured
    selection, as in ruff; ``--extend-select`` keeps the old meaning."""
    _, only, err = run_cli(seed_repo, "check", "--fail-on", "none", "--select", "Q203")
    _, extended, _ = run_cli(seed_repo, "check", "--fail-on", "none", "--extend-select", "Q203")
    _, everything, _ = run_cli(seed_repo, "check", "--fail-on", "none")
    assert {f["rule"] for f in only["findings"]} == {"Q203"}, err
    assert extended["findings"] == everything["findings"]
    assert len({f["rule"] for f in everything["findings"]}) > 5


def test_select_never_hides_a_file_that_went_unchecked(seed_repo: Path) -> None:
    """A file that does not parse or validate is reported whatever rules are selected:
    ``--select Q203`` on a broken record must not pass."""
    _break(seed_repo, r"^  - id: (\S+)\n", "  - id: [unclosed\n", nth=2)
    code, data, _ = run_cli(seed_repo, "check", "--select", "Q203")
    assert code == 1 and "L001" in {f["rule"] for f in data["findings"]}


def test_paths_that_cover_the_configured_folder_open_no_record_to_find_the_registry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``check facts`` opened every record under the configured folder to see whether it
    was the registry, though all of them are read anyway: a quarter of a 10,000-article
    re-check. Only the configured files outside the PATHS are looked at now."""
    import argparse

    from checks import cli
    from checks.config import load_config

    facts = tmp_path / "facts"
    (facts / "sub").mkdir(parents=True)
    (facts / "entities.yaml").write_text("entities: []\n", "utf-8")
    for i in range(5):
        (facts / "sub" / f"art-{i}.yaml").write_text("source: {}\n", "utf-8")
    opened: list[str] = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    config = load_config(tmp_path)
    given = cli.input_paths(argparse.Namespace(paths=[str(facts)]), config, tmp_path)
    assert given == [facts] and opened == []
    # a record given alone still brings the registry, found by reading only what is not given
    one = cli.input_paths(argparse.Namespace(paths=[str(facts / "sub")]), config, tmp_path)
    assert one == [facts / "sub", facts / "entities.yaml"]
    assert opened == ["entities.yaml"]


def test_a_value_written_as_people_write_it_gets_the_form_the_schema_wants(
        seed_repo: Path) -> None:
    """'40,000' for a figure, '>' for a comparator, 'Mendel' for an entity id and 'mass
    troops' for a predicate were each told only that they were wrong: the finding now
    offers the value in the wanted form, where one fits."""
    path = seed_repo / "facts/rferl-2021-04-12-dialogue.yaml"
    text = path.read_text("utf-8")
    at = text.index("  - id: mendel-40000-troops\n")
    claim = text[at:text.index("\n\n", at)]
    wrong = (claim.replace("speaker: mendel,", "speaker: Mendel,")
             .replace("predicate: mass-troops,", "predicate: mass troops,")
             .replace("value: 40000, cmp: gt,", 'value: "40,000", cmp: gt,'))
    assert "speaker: Mendel," in wrong and "mass troops" in wrong and '"40,000"' in wrong
    text = text.replace(claim, wrong).replace("{value: 100, cmp: ge,", '{value: 100, cmp: ">=",')
    path.write_text(text, "utf-8")
    code, data, _ = run_cli(seed_repo, "validate")
    assert code == 1
    said = {f["message"].split(" (until")[0]: f["fix"] for f in data["findings"]}
    assert said == {
        "claims[22].quantity.value: expected a number, found a string":
            "write 40000: digits only, without quotes or thousands separators",
        "claims[43].quantity.cmp: '>=' is not allowed; did you mean 'ge'?":
            "use one of: eq, about, gt, ge, lt, le, range",
        "claims[22].by.speaker: 'Mendel' is not in the expected form; did you mean 'mendel'?":
            "An identifier: lower-case letters, digits, '.', '_' or '-'.",
        "claims[22].says.predicate: 'mass troops' is not in the expected form; did you mean "
        "'mass-troops'?": "A predicate id from the vocabulary.",
    }


@pytest.mark.parametrize(("written", "digits"), [
    ("40,000", "40000"), (" 40 000 ", "40000"), ("1,234.5", "1234.5"), ("-3", "-3"),
    ("12\u00a0000", "12000"), ("40k", None), ("4,00", None), ("12,34,567", None),
    ("1,000 000", None), ("forty", None), ("", None),
])
def test_a_figure_in_quotes_is_offered_as_digits_only_when_it_is_one(written: str,
                                                                      digits: str | None) -> None:
    from checks.validate import _as_digits

    assert _as_digits(written) == digits


def test_a_publication_time_with_a_zone_name_is_told_the_form_in_words(seed_repo: Path) -> None:
    """The fourteenth audit: a curator copying "00:31 BST" from a date line was told to
    'match the pattern ^[0-2][0-9]:...$' (the field's description sat on the optional
    field's alternatives, not on the branch that failed)."""
    path = seed_repo / "facts/rferl-2021-04-12-dialogue.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('    date: "2021-04-12"\n',
                                 '    date: "2021-04-12"\n    time: "00:31 BST"\n', 1), "utf-8")
    code, data, _ = run_cli(seed_repo, "validate")
    assert code == 1
    (hit,) = [f for f in data["findings"] if f["rule"] == "S001"]
    assert hit["message"].startswith("source.published.time: '00:31 BST' is not in the expected")
    assert "00:31+01:00 for 00:31 BST" in hit["fix"] and "pattern" not in hit["fix"]
