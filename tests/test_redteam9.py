"""Red team, ninth round: what a hostile contributor or a careless curator can do to the
harness through the commands a user runs, and what it must do instead (a located finding
with a plain-language fix, or a plain exit 2, in bounded time, never a traceback, a hang, a
silent pass or a lost value). Earlier rounds: test_redteam5.py .. test_redteam8.py,
test_hostile_records.py, test_redteam_inputs.py, test_fuzz.py."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from checks import fastload, fmt, splice
from checks.config import ConfigError, load_config
from checks.load import Document, load_file

from .test_fmt_properties import RECORDS, dump, with_comments
from .test_redteam6 import _claims, _same, _standard
from .test_redteam7 import cli
from .test_redteam8 import parsed_characters

REPO = Path(__file__).resolve().parent.parent
RECORD = "facts/rferl-2021-04-12-dialogue.yaml"
needs_libyaml = pytest.mark.skipif(not fastload.AVAILABLE, reason="PyYAML with libyaml")


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


@pytest.mark.parametrize(("target", "refused"), [("facts/report.json", False),
                                                  ("facts/report.yaml", True), (RECORD, True)])
def test_output_through_a_link_into_the_records_is_judged_by_where_it_leads(
        seed_repo: Path, target: str, refused: bool) -> None:
    # Named directly, a new report.json beside the records is allowed and a new .yaml
    # (the next run would read it) or a record is refused: through a link, the same.
    record = (seed_repo / RECORD).read_text("utf-8")
    (seed_repo / "out.json").symlink_to(target)
    done = cli(seed_repo, "check", "--format", "json", "--fail-on", "none", "-o", "out.json")
    assert done.returncode == (2 if refused else 0), done.stderr
    assert (seed_repo / RECORD).read_text("utf-8") == record
    assert (seed_repo / target).exists() == (not refused or target == RECORD)


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
    try:
        YAML(typ="safe", pure=True).load(text)
    except YAMLError:
        # ruamel's dumper writes a few plain scalars it cannot read back ("{xtra: ?0}"):
        # such a text is no record to count comments in (it failed CI at random)
        assume(False)
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


# ------------------------------------------------------------------ the splice, differential


def _spliced(text: str) -> Document | None:
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    return doc if splice.spliced(doc, text, fastload._events, minimum=0) else None


@needs_libyaml
@pytest.mark.parametrize("head", ["claims: &all\n", "claims: !!seq\n",
                                  "claims: &all !!seq\n  # a comment\n\n"])
def test_a_block_collection_under_an_anchor_is_spliced_at_its_own_column(head: str) -> None:
    # libyaml marks such a collection at its anchor or tag (column 8), so every cut inside
    # it opened a skeleton at column 8: no window held, and a 5 MiB record with one
    # stray line separator was read whole by the pure-Python parser; a window that did
    # hold read another nesting (the next case).
    text = _claims(60).replace("claims:\n", head).replace("on April 9\n", "on April\x859\n", 40)
    doc = _spliced(text)
    assert doc is not None
    _same(doc, _standard(text))


@needs_libyaml
@pytest.mark.parametrize("trouble", ["\x85", "\t"])
def test_an_anchor_on_a_keys_line_leaves_its_mapping_at_its_own_column(trouble: str) -> None:
    # '- &a k:' anchors the key: the mapping stands at the anchor's column, not at the
    # column of the line below (the list under 'k'), or a window read another nesting.
    text = "items:\n" + "".join(f"  - &a{i} k:\n      - x{i}\n      - y{i}\n    j: w\n"
                                for i in range(300))
    text = text.replace("- y150\n", f"- y{trouble}150\n")
    doc = _spliced(text)
    assert doc is not None
    _same(doc, _standard(text))


@needs_libyaml
@pytest.mark.parametrize("text", [
    "top0: &an\n  - {k: v}\n  -\n   \x85 k: .nan\ntop1:\n  - 1e400\n",
    "top0: !!python/o!!python/object bject\ntop1: 1\n",
    "top0: &an\n  k1: !!!!python/object python/object/apply:os.system [ls]\ntop1: []\n",
])
def test_splice_readings_the_standard_loader_disagreed_with(text: str) -> None:
    # An anchored sequence read as another nesting (a syntax error at line 3 where the
    # standard loader reads '.nan' at 4:9); a tag libyaml reads whole and the standard
    # parser refuses ('tag not allowed' at 1:7 against a syntax error at 1:15).
    doc = _spliced(text)
    if doc is not None:
        _same(doc, _standard(text))


_SCALARS = ["a", "b c", "'q'", '"d\\te"', "1", "1" * 40, ".nan", ".inf", "-.inf", "NaN",
            "0x1f", "1e400", "~", "null", "yes", "2021-04-12", "!!python/object:os.system x",
            "!!python/object/apply:os.system [ls]", "!!str 5", "!custom v", "&an v", "*an",
            "'it''s'", '"\\u2028"', "x" * 300, "|\n{pad}  line one\n{pad}  line two",
            ">-\n{pad}  folded\n{pad}  text", "[a, b]", "{k: v}", "[]", "{}", '""', "a # c",
            "&an [1, 2]", "!!binary aGk="]
_INSERTS = ["\t", " \t", "\x85", "\u2028", "\u2029", "\ufeff", "*an:", "&an ", "\n-\n",
            "<<: *an\n", "\n---\n", "\n...\n", "\n%YAML 1.2\n---\n", "{", "]", "? ", ": ", "#",
            "\n  dup: 1\n  dup: 2\n", "!!python/object ", "\\", "'", '"', "\x00", "\x07"]


def _hostile_node(rng: random.Random, depth: int, indent: int) -> str:
    pad = " " * indent
    if depth > 4 or rng.random() < 0.35:
        return " " + rng.choice(_SCALARS).replace("{pad}", pad)
    if rng.random() < 0.5:
        out = ""
        for _ in range(rng.randrange(1, 5)):
            key = rng.choice(["k", "dup", "<<", "id", "x"]) + str(rng.randrange(3))
            if key.startswith("<<"):
                out += f"\n{pad}<<: " + rng.choice(["*an", "[*an]", "{m: 1}"])
            else:
                out += f"\n{pad}{key}:" + rng.choice(["", " &an", " !!map"]) * (depth > 0) \
                    + _hostile_node(rng, depth + 1, indent + 2)
        return out
    return "".join(f"\n{pad}-" + _hostile_node(rng, depth + 1, indent + 2)
                   for _ in range(rng.randrange(1, 4)))


def _hostile_text(rng: random.Random) -> str:
    text = "\ufeff" if rng.random() < 0.1 else ""
    for k in range(rng.randrange(1, 6)):
        text += f"top{k}:" + rng.choice(["", " &an"]) + _hostile_node(rng, 0, 2) + "\n"
        text += "---\n" if rng.random() < 0.05 else ""
    for _ in range(rng.randrange(0, 4)):
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice(_INSERTS) + text[at:]
    return text


@needs_libyaml
@pytest.mark.parametrize("seed", range(3))
def test_spliced_hostile_streams_equal_the_standard_loaders(seed: int) -> None:
    """Anchors (also above a block collection), aliases, merge keys, documents and their
    ends, directives, byte-order marks, tabs, YAML 1.1 line breaks, long lines, duplicate
    keys, python tags, huge and non-finite numbers, control characters; every text the
    splice vouches for read as the standard loader reads it."""
    rng = random.Random(f"redteam9-{seed}")
    compared = 0
    for _ in range(150):
        text = _hostile_text(rng)
        doc = _spliced(text)
        if doc is not None:
            compared += 1
            _same(doc, _standard(text))
    assert compared > 100, compared


@needs_libyaml
@pytest.mark.parametrize("text", ["\ufeffsource:\n  id: x\n  note:\n",
                                  "\ufefftop0:\n  id0: #c\n  x: [a, ]\n"])
def test_a_byte_order_mark_does_not_move_an_empty_values_column(text: str) -> None:
    # libyaml leaves the mark out of its indexes: the fast path placed 'note:''s empty
    # value at 3:7, the standard loader at 3:8 (a file saved by Notepad).
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    assert fastload.parse_fast(doc, text)
    _same(doc, _standard(text))


@needs_libyaml
def test_a_spliced_record_keeps_its_byte_order_mark_finding(tmp_path: Path) -> None:
    # The splice replaced the document's findings with its own: L008, found while the
    # bytes were read, was gone from a large record with a tab (the standard loader kept it).
    path = tmp_path / "big.yaml"
    path.write_text("\ufeff" + _claims(400) + "  - id:\tz\n", encoding="utf-8")
    fast = load_file(path, "f.yaml", fast=True)
    _same(fast, load_file(path, "f.yaml", fast=False))
    assert [hit.code for hit in fast.hits] == ["L008", "L001"]


@needs_libyaml
def test_a_text_opening_with_a_byte_order_mark_is_read_in_windows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Every cut was refused (the characters looked at were one before the entry's), so
    # one stray tab near the end had the pure-Python parser read the whole text.
    text = "\ufeff" + _claims(400) + "  - id:\tz\n"
    read = parsed_characters(monkeypatch)
    doc = _spliced(text)
    assert doc is not None and read[0] < len(text) // 20, f"read {read[0]:,} of {len(text):,}"
    _same(doc, _standard(text))


# ------------------------------------------------------------------ closed standard streams


@pytest.mark.parametrize(("redirect", "code"), [(">&-", 2), ("2>&- >/dev/null", 0),
                                                ("-o report.txt >&-", 0)])
def test_a_closed_standard_stream_is_no_traceback(seed_repo: Path, redirect: str,
                                                  code: int) -> None:
    # Started with its output closed (`>&-`), the command ended in an AttributeError
    # traceback and exit 1, which reads as findings.
    done = subprocess.run(f"{sys.executable} -m checks check --fail-on none {redirect}",
                          shell=True, cwd=seed_repo, capture_output=False, text=True,
                          stderr=None if "2>&-" in redirect else subprocess.PIPE,
                          timeout=120, env={**os.environ, "FACT_CHECKS_CACHE": "off"})
    assert done.returncode == code
    if done.stderr is not None:
        assert "Traceback" not in done.stderr
        assert ("standard output is closed" in done.stderr) == (code == 2), done.stderr


# ------------------------------------------------------------------ configuration words


@pytest.mark.parametrize(("setting", "said"), [
    ('paths = "facts"', 'paths: expected an array of strings (paths = ["facts"]), got '
                        "'facts' (a string)"),
    ("select = [1]", "select.0: expected an array of strings"),
    ("reviews = 5", "reviews: expected a string"),
    ('fail-on = "bogus"', "fail-on: expected one of 'error', 'warning', 'info', 'none', got "
                          "'bogus' (a string)"),
    ("rules = {Q201 = 5}", "rules: not a setting (the settings: paths, select, ignore, "
                           "severity, options, fail-on, reviews, rules-url)"),
    ('severity = {Q201 = "fatal"}', "got 'fatal' (a string)"),
])
def test_a_setting_of_the_wrong_kind_is_said_in_the_words_of_toml(
        tmp_path: Path, setting: str, said: str) -> None:
    # "Input should be a valid tuple", "Extra inputs are not permitted": pydantic's words
    # for Python's types, not what to write in pyproject.toml.
    (tmp_path / "pyproject.toml").write_text(f"[tool.fact-checks]\n{setting}\n", "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert said in str(raised.value)
    assert "Input should be a valid" not in str(raised.value)
    assert "Extra inputs" not in str(raised.value)


# ------------------------------------------------------------------ raw control characters


@pytest.mark.parametrize(("raw", "where", "code"), [
    ('source:\n  id: "\x1b[31mred"\n', (2, 8), "U+001B"),
    ("source:\n  id: x\x07y\n", (2, 8), "U+0007"),
    ('source:\n  headline: "caf\u00e9 \x9b"\n', (2, 19), "U+009B"),
])
@pytest.mark.parametrize("fast", [True, False])
def test_a_raw_control_character_is_located_and_named(tmp_path: Path, raw: str,
                                                      where: tuple[int, int], code: str,
                                                      fast: bool) -> None:
    # "the file could not be parsed: ReaderError" at 1:1, fix "fix the YAML syntax":
    # neither what nor where (an ESC pasted from a terminal is invisible in an editor).
    path = tmp_path / "r.yaml"
    path.write_text(raw, encoding="utf-8")
    doc = load_file(path, "r.yaml", fast=fast)
    [hit] = doc.hits
    assert (hit.code, hit.location.line, hit.location.column) == ("L001", *where)
    assert code in hit.message and "ReaderError" not in hit.message
    assert f"\\u{code[2:].lower()} inside double quotes" in hit.fix


@pytest.mark.parametrize("merge", ["<<: {m: 1}\n", "base: &b {m: 1}\nmore:\n  <<: *b\n"])
def test_fmt_names_a_merge_key_instead_of_asking_for_a_bug_report(merge: str) -> None:
    # ruamel.yaml's round trip merges '<<', the harness reads it as a key: the safety net
    # refused with "formatting would change the data (please report this)".
    text = (REPO / RECORD).read_text("utf-8").replace("claims:\n", merge + "claims:\n", 1)
    line = text[:text.index("<<")].count("\n") + 1
    with pytest.raises(fmt.FormatError) as raised:
        fmt.format_text(text)
    assert str(raised.value).startswith(f"line {line}: '<<' (a YAML merge key)")
    assert "please report" not in str(raised.value)


@pytest.mark.parametrize("command", ["check", "validate", "fmt", "entities", "new"])
@pytest.mark.parametrize(("root", "said"), [("pyproject.toml", "is a file, not a folder"),
                                            ("nowhere", "no such folder: 'nowhere'")])
def test_a_root_that_is_no_folder_names_the_option(seed_repo: Path, command: str, root: str,
                                                   said: str) -> None:
    # "no such file or folder: .../pyproject.toml/facts": the facts folder was named, not
    # the option that was wrong.
    done = cli(seed_repo, command, "--root", root)
    assert done.returncode == 2
    assert f"--root: '{root}' {said}" in done.stderr or f"--root: {said}" in done.stderr, \
        done.stderr


def test_a_reviews_file_that_is_no_fact_file_is_told_where_to_point(seed_repo: Path) -> None:
    # The fix said "start the file with 'source:' and 'claims:', or move it out of
    # facts/": a record's words, for a file named by --reviews outside facts/.
    (seed_repo / "meta").mkdir()
    (seed_repo / "meta/reviews.yaml").write_text("verdicts: []\n", "utf-8")
    done = cli(seed_repo, "check", "--reviews", "meta/reviews.yaml")
    assert done.returncode == 1
    assert ("meta/reviews.yaml:1:1: error S002 the reviews file holds no top-level 'reviews:' "
            "list\n    fix: point --reviews") in done.stdout, done.stdout
    assert "move it out of facts/" not in done.stdout


# ------------------------------------------------------------------ fmt's words


def test_fmt_says_why_a_file_was_not_formatted_in_words(seed_repo: Path) -> None:
    # "[Errno 2] No such file or directory: '/abs/facts/x.yaml'", "'utf-8' codec can't
    # decode byte 0xe9 in position 17: invalid continuation byte": Python's words.
    facts = seed_repo / "facts"
    (facts / "dangling.yaml").symlink_to("nowhere.yaml")
    (facts / "loop1.yaml").symlink_to("loop2.yaml")
    (facts / "loop2.yaml").symlink_to("loop1.yaml")
    (facts / "latin.yaml").write_bytes(b"source:\n  id: caf\xe9\n")
    os.mkfifo(facts / "pipe.yaml")
    done = cli(seed_repo, "fmt", timeout=60)
    assert done.returncode == 2
    said = dict(line.split(": not formatted: ") for line in done.stderr.splitlines())
    assert said == {
        "facts/dangling.yaml": "it is a symlink to 'nowhere.yaml', which does not exist; fix "
                               "or remove the link",
        "facts/loop1.yaml": "it is a symlink loop; fix or remove the link",
        "facts/loop2.yaml": "it is a symlink loop; fix or remove the link",
        "facts/latin.yaml": "not UTF-8 text (byte 0xe9 on line 2); save the file as UTF-8",
        "facts/pipe.yaml": "it is not a regular file (a folder, pipe or device); remove or "
                           "rename it"}


@pytest.mark.parametrize("command", ["fmt", "entities"])
def test_a_file_name_cannot_send_escapes_to_the_terminal(seed_repo: Path, command: str) -> None:
    # The text report wrote 'facts/e\x1b[2Jx.yaml'; fmt and entities printed the name as
    # it is, and a file committed under it cleared the screen of whoever ran them.
    (seed_repo / "facts/e\x1b[2Jx.yaml").write_text("source: {id: x}\n", "utf-8")
    done = cli(seed_repo, command)
    assert "\x1b" not in done.stdout + done.stderr
    assert "facts/e\\x1b[2Jx.yaml" in done.stdout + done.stderr
