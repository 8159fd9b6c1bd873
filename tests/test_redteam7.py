"""Red team, seventh round: what a hostile contributor, a careless curator or a broken CI
pipeline can do to the harness, and what it must do instead (a located finding with a
plain-language fix, or a plain exit 2, in bounded time, never a traceback, a hang or a lost
value). Earlier rounds: test_redteam5.py, test_redteam6.py, test_hostile_records.py,
test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import select
from checks.load import load_file
from checks.pipeline import execute
from checks.validate import validate

ENV = {**os.environ, "FACT_CHECKS_CACHE": "off"}
RECORD = "facts/rferl-2021-04-12-dialogue.yaml"


def cli(root: Path, *args: str, timeout: float = 120,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a child (a hang fails the test, not the suite); no traceback."""
    done = subprocess.run([sys.executable, "-m", "checks", *args], cwd=root, env=env or ENV,
                          capture_output=True, text=True, errors="replace", timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ------------------------------------------------------------------ schema messages


@pytest.mark.parametrize(("file", "old", "new", "said", "fix"), [
    # an optional field of the wrong type: "5 is not valid under any of the given schemas",
    # fix "see the schema's description of this field"
    (RECORD, "by: {speaker: ukraine, as: Ukraine, mode: paraphrase}",
     "by: {speaker: 5, as: Ukraine, mode: paraphrase}",
     "claims[0].by.speaker: expected text, found a number", "put the value in quotes"),
    (RECORD, "    evidence: Ukraine Says Russia Ignoring Calls For Dialogue\n",
     "    evidence: 5\n", "claims[0].evidence: expected a list ('- item' lines) or text, "
     "found a number", "put the value in quotes"),
    (RECORD, "when: on April 9", "when: [on April 9]",
     "claims[1].when: expected a mapping (key: value lines) or text, found a list",
     "write a mapping (key: value lines) or text here"),
    (RECORD, "    evidence: Ukraine Says Russia Ignoring Calls For Dialogue\n",
     "    evidence: ''\n", "claims[0].evidence: must not be empty", "fill it in"),
    ("facts/entities.yaml", "wikidata: Q7747", "wikidata: 7747",
     "entities[2].wikidata: expected text, found a number", "put the value in quotes"),
    ("facts/entities.yaml", "      - {name: Putin, kind: short}",
     "      - {name: Putin, kind: nickname}",
     "entities[2].aliases[0].kind: 'nickname' is not allowed", "use one of"),
    # one mistake, one finding: the date broke the schema's 'if known' branch and the
    # field's own type (the second "not valid under any of the given schemas")
    (RECORD, 'date: "2021-04-12"', "date: 20210412",
     "source.published.date: expected text, found a number", "put the value in quotes"),
    # a figure with digit-group separators is text to YAML 1.2; the fix said "write a
    # number here" to a curator who had
    (RECORD, "quantity: {value: 26, unit: soldiers}", "quantity: {value: 1_000, unit: soldiers}",
     "claims[46].quantity.value: expected a number, found a string",
     "write 1000: digits only, without quotes or thousands separators"),
    (RECORD, "quantity: {value: 26, unit: soldiers}", "quantity: {value: '40,000', unit: soldiers}",
     "claims[46].quantity.value: expected a number, found a string",
     "write 40000: digits only, without quotes or thousands separators"),
    # dots group thousands in French and German texts: "write 40.000" was read as 40 (I015)
    (RECORD, "quantity: {value: 26, unit: soldiers}", "quantity: {value: '40.000', unit: soldiers}",
     "claims[46].quantity.value: expected a number, found a string",
     "write 40000 if the dots group thousands (as French and German texts write them), or "
     "40 if it is a decimal"),
    (RECORD, "quantity: {value: 26, unit: soldiers}",
     "quantity: {value: '1.300.000', unit: soldiers}",
     "claims[46].quantity.value: expected a number, found a string",
     "write 1300000 if the dots group thousands (as French and German texts write them): "),
    # a word from a list given as a number: "'1' is not allowed" and "expected text"
    (RECORD, "negated: true, stance: asserts}", "negated: true, stance: 1}",
     "claims[0].says.stance: '1' is not allowed", "use one of: asserts"),
])
def test_a_value_of_the_wrong_kind_is_one_plain_finding(
        seed_repo: Path, file: str, old: str, new: str, said: str, fix: str) -> None:
    _edit(seed_repo / file, old, new)
    doc = load_file(seed_repo / file, file)
    validate(doc)
    hits = [hit for hit in doc.hits if hit.code == "S001"]
    assert len(hits) == 1, [hit.message for hit in hits]
    assert hits[0].message.startswith(said), hits[0].message
    assert hits[0].fix is not None and hits[0].fix.startswith(fix), hits[0].fix
    assert "schema" not in hits[0].message + hits[0].fix


# ------------------------------------------------------------------ the cache folder

TEXT = "facts/texts/rferl-2021-04-12-dialogue.txt"


def _cached_cli(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACT_CHECKS_CACHE": str(root / ".fact-checks-cache"),
           "XDG_CACHE_HOME": str(root / "home")}
    done = subprocess.run([sys.executable, "-m", "checks", *args], cwd=root, env=env,
                          capture_output=True, text=True, errors="replace", timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _swap(path: Path, kind: str) -> None:
    path.unlink()
    os.mkfifo(path) if kind == "fifo" else os.symlink("/dev/zero", path)


@pytest.mark.parametrize("kind", ["fifo", "zero"])
@pytest.mark.parametrize("command", [["check"], ["report", "--output", "site"]])
def test_an_archived_text_swapped_for_a_pipe_or_device_does_not_hang_a_recheck(
        seed_repo: Path, kind: str, command: list[str]) -> None:
    # git keeps a link to /dev/zero; after a run with the cache, the re-check compared the
    # text by its content, read whole: it hung on a FIFO and filled memory from /dev/zero.
    assert _cached_cli(seed_repo, "check").returncode == 0
    _swap(seed_repo / TEXT, kind)
    done = _cached_cli(seed_repo, *command)
    assert done.returncode == 1
    if command == ["check"]:
        assert "I006 archived text 'texts/rferl-2021-04-12-dialogue.txt'" in done.stdout


@pytest.mark.parametrize("kind", ["fifo", "zero"])
@pytest.mark.parametrize("stored", ["??/*.pkl", "runs/*/state.pkl"])
def test_a_cache_file_that_is_a_pipe_or_device_is_a_miss(seed_repo: Path, kind: str,
                                                         stored: str) -> None:
    # A committed (or restored) cache entry or run state linked to /dev/zero, or a FIFO in
    # its place, hung the run before the signature was ever checked.
    first = _cached_cli(seed_repo, "check", "--format", "json")
    entries = list((seed_repo / ".fact-checks-cache").glob(stored))
    assert entries
    for entry in entries:
        _swap(entry, kind)
    again = _cached_cli(seed_repo, "check", "--format", "json")
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)


# ------------------------------------------------------------------ control characters


HEADLINE = "Ukraine Says Russia Ignoring Calls For Dialogue Amid Rising Tensions"


@pytest.mark.parametrize("control", ["\\e[2J", "\\0", "\\a", "\\x7f", "\\x93", "\\x9b31m"])
@pytest.mark.parametrize(("old", "new", "pointer"), [
    (f"headline: {HEADLINE}", 'headline: "Ukraine@"', "/source/headline"),
    ("as: Ukraine, mode: paraphrase}\n    says: {subject: russia, predicate: respond",
     'as: "Ukraine@", mode: paraphrase}\n    says: {subject: russia, predicate: respond',
     "/claims/0/by/as")])
def test_a_control_character_in_record_text_is_flagged(seed_repo: Path, control: str,
                                                       old: str, new: str, pointer: str) -> None:
    # ESC clears or recolours the terminal of whoever reads the text report, NUL and BEL
    # hide, and U+0093 is a cp1252 quotation mark decoded wrongly: each passed unflagged,
    # where a zero-width space was I009.
    _edit(seed_repo / RECORD, old, new.replace("@", control))
    config = Config()
    result = execute([seed_repo / "facts"], seed_repo, config,
                     select(config, only=["load", "schema", "integrity"]))
    found = [f for f in result.findings if f.rule == "I009"]
    assert [f.location.pointer for f in found] == [pointer], found
    assert "control characters" in found[0].message


@pytest.mark.parametrize(("headline", "said"), [
    ("Kyiv asks\nfor talks", "line break"), ("Kyiv asks\rfor talks", "line break"),
    ("Kyiv asks\u2028for talks", "line break"), ("   ", "is empty"),
    ("Kyiv\x1b[2J asks", "invisible characters")])
def test_new_refuses_a_headline_of_lines_blanks_or_controls(seed_repo: Path, headline: str,
                                                            said: str) -> None:
    # Each was written into the record as given ("Kyiv asks\nfor\u0001 talks"), which then
    # validated without a word.
    before = sorted(p.name for p in (seed_repo / "facts").glob("*.yaml"))
    (seed_repo / "a.txt").write_text("Kyiv asks for talks\n\nUkraine said on Monday it had "
                                     "asked Russia for talks.\n", "utf-8")
    done = cli(seed_repo, "new", "a.txt", "--url", "https://example.org/a", "--outlet",
               "rferl", "--headline", headline, "--published", "2021-04-12")
    assert done.returncode == 2 and said in done.stderr, done.stderr
    assert sorted(p.name for p in (seed_repo / "facts").glob("*.yaml")) == before


# ------------------------------------------------------------------ file names


@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])
def test_a_file_name_that_is_not_utf8_is_reported_not_a_traceback(seed_repo: Path,
                                                                  fmt: str) -> None:
    # 'caf\xe9.yaml' from a Latin-1 system: Python names it with a lone surrogate, which no
    # UTF-8 report can encode: "internal error", exit 2, no report.
    record = seed_repo / RECORD
    os.rename(record, os.path.join(os.fsencode(seed_repo / "facts"), b"caf\xe9.yaml"))
    done = cli(seed_repo, "check", "--format", fmt, "--output", "out", "--fail-on", "none")
    assert done.returncode == 0, done.stderr
    written = (seed_repo / "out").read_bytes().decode("utf-8")
    # SARIF's URI percent-encodes the byte itself (test_redteam8.py)
    assert ("caf%E9.yaml" if fmt == "sarif" else "xe9.yaml") in written
    text = cli(seed_repo, "check", "--fail-on", "none")
    assert "facts/caf\\xe9.yaml:" in text.stdout


def test_the_pytest_plugin_takes_a_file_name_that_is_not_utf8(seed_repo: Path) -> None:
    # The file's test id held the lone surrogate: pytest's --junitxml ended the session
    # in a UnicodeEncodeError traceback. Its findings now land on the corpus item.
    record = seed_repo / RECORD
    os.rename(record, os.path.join(os.fsencode(seed_repo / "facts"), b"caf\xe9.yaml"))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--junitxml=j.xml"], cwd=seed_repo, env=ENV, capture_output=True,
                          text=True, errors="replace", timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stdout + done.stderr, done.stdout
    assert "passed" in done.stdout and (seed_repo / "j.xml").exists()


# ------------------------------------------------------------------ the registry


@pytest.mark.parametrize(("old", "new"), [
    ("      - {name: Putin, kind: short}", "      - {name: Putin, kind: short}\n"
                                           "      - {name: ' ', kind: short}"),
    ("aliases: [Russian President, ", "aliases: [' ', Russian President, ")])
def test_a_registered_name_of_spaces_alone_breaks_no_command(seed_repo: Path, old: str,
                                                             new: str) -> None:
    # The registry's text need only be non-empty: an alias ' ' folded to '' and ended
    # `entities`, `recall` and `new` in "internal error" (a role wording of spaces alone
    # put an empty alternative in the role pattern).
    _edit(seed_repo / "facts/entities.yaml", old, new)
    before = cli(seed_repo, "entities")
    assert before.returncode == 0 and before.stdout.endswith("3 unregistered name(s)\n")
    assert cli(seed_repo, "recall").returncode in (0, 1)
    (seed_repo / "a.txt").write_text("Kyiv asks for talks\n\nThe Russian President said on "
                                     "Monday he had not been asked.\n", "utf-8")
    drafted = cli(seed_repo, "new", "a.txt", "--url", "https://example.org/a", "--outlet",
                  "rferl", "--headline", "Kyiv asks for talks", "--published", "2021-04-12")
    assert drafted.returncode == 0, drafted.stderr


def test_diff_in_a_folder_whose_name_is_not_utf8(seed_repo: Path) -> None:
    # git printed the work tree's top folder in its own bytes; reading them as UTF-8 ended
    # diff in "internal error" where check, report and validate ran.
    root = os.path.join(os.fsencode(seed_repo), b"caf\xe9")
    os.mkdir(root)
    for name in ("facts", "pyproject.toml"):
        os.rename(os.path.join(os.fsencode(seed_repo), name.encode()),
                  os.path.join(root, name.encode()))
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t",
                                                 "commit", "-qm", "seed"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "checks", "diff", "HEAD"], cwd=root, env=ENV,
                          capture_output=True, text=True, errors="replace", timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "0 new, 0 resolved" in done.stdout


@pytest.mark.parametrize("suffix", [".YAML", ".Yml"])
def test_a_record_with_an_upper_case_suffix_is_checked(seed_repo: Path, suffix: str) -> None:
    # It was skipped without a word: a new article named so went unchecked and CI passed
    # (here its own reviewed findings turned into stale reviews instead).
    (seed_repo / RECORD).rename(seed_repo / RECORD.replace(".yaml", suffix))
    done = cli(seed_repo, "check")
    assert done.returncode == 0, done.stdout
    assert "ok: 2 sources, 77 claims" in done.stdout and "T001" not in done.stdout


# ------------------------------------------------------------------ archived texts


def test_an_archive_of_countless_sentences_lists_a_hundred(seed_repo: Path) -> None:
    # 5 MiB of distinct one-line sentences no claim covers made one V901 finding each:
    # 280,000 findings, a report of hundreds of megabytes. The first 100 are listed and
    # one more finding counts the rest.
    text = seed_repo / TEXT
    extra = "".join(f"Officials said {i} more things on Monday.\n" for i in range(150))
    raw = text.read_bytes() + extra.encode()
    old = hashlib.sha256(text.read_bytes()).hexdigest()
    text.write_bytes(raw)
    _edit(seed_repo / RECORD, old, hashlib.sha256(raw).hexdigest())
    config = Config()
    found = [f for f in execute([seed_repo / "facts"], seed_repo, config,
                                select(config, only=["V901"])).findings
             if f.location.path == RECORD]
    assert len(found) == 101
    # the seed record covers its own text: 150 uncovered, 100 listed
    more = [f.message for f in found if "more sentences" in f.message]
    assert more == ["50 more sentences of 'texts/rferl-2021-04-12-dialogue.txt' are covered "
                    "by no claim (the first 100 are listed)"], more
