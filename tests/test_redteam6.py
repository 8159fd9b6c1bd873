"""Red team, sixth round: what a hostile contributor or a careless curator can do to the
harness, and what it must do instead (a located finding or a plain exit 2, in bounded time,
never a traceback, a hang or a lost value)."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checks import fastload, load, splice, timeexpr
from checks.load import Document, load_file, parse_text
from tests.timing import cpu_now

from .test_fastpath import HOSTILE, _mutate

REPO = Path(__file__).resolve().parent.parent

ENV = {**os.environ, "FACT_CHECKS_CACHE": "off"}
needs_libyaml = pytest.mark.skipif(not fastload.AVAILABLE, reason="PyYAML with libyaml")

# ------------------------------------------------------------------ the standard loader's cost


def _standard(text: str) -> Document:
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    parse_text(doc, text)
    return doc


def _same(a: Document, b: Document) -> None:
    for name in ("data", "values", "keys", "hits"):
        assert getattr(a, name) == getattr(b, name), name


class _Counting:
    """Counts the characters the pure-Python parser is given (it takes 2-10 µs each)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read = 0
        parse = YAML.parse

        def counted(yaml: YAML, stream: Any) -> Any:
            self.read += len(stream)
            return parse(yaml, stream)

        monkeypatch.setattr(YAML, "parse", counted)


def _claims(n: int) -> str:
    head = ("source:\n  id: x\n  outlet: y\n  url: https://example.org/a\n  headline: H\n"
            "  published: {date: '2021-04-12'}\nclaims:\n")
    return head + "".join(
        f"  - id: c{i}\n    evidence: \"{'word ' * 40}\"\n    by: {{speaker: a, as: A}}\n"
        f"    says: {{subject: s, predicate: p, stance: asserts}}\n    when: on April 9\n"
        for i in range(n))


BIG = _claims(800)  # 160 KB: the pure-Python parser takes a second, libyaml a fiftieth

# Each needed the standard loader for the whole file: 2-10 s a megabyte, so a 5 MiB record
# (the size limit) with one anchor, one escape or a tab in a comment took up to a minute.
SLOW_BEFORE = {
    "anchor": BIG.replace("  - id: c5\n", "  - &a id: c5\n"),
    "alias": BIG.replace("  - id: c5\n", "  - id: c5\n    x: &a 1\n    y: *a\n"),
    "escape": BIG.replace("on April 9", "on April\\u00a09", 1),
    "duplicate key": BIG + "claims: []\n",
    "tag": BIG.replace("on April 9", "!!str on April 9", 1),
    "tab in a comment": BIG + "# a\tcomment\n",
    "tab in quotes": BIG.replace("word word", "word\tword", 1),
    "tab in a key, late": BIG + "  - id:\tz\n",
    "syntax error at the end": BIG + "  - id: z\n    evidence: \"unclosed\n",
    "next line, early": BIG.replace("on April 9", "on April\x859", 1),
    "line separator, late": BIG + "x: a\u2028b\n",
    "byte-order mark, late": BIG + "\ufeffx: 1\n",
    "empty item, early": BIG.replace("  - id: c7\n", "  -\n  - id: c7\n"),
    "odd alias name": BIG.replace("  - id: c9\n", "  - id: c9\n    x: &a 1\n    *a: 2\n"),
}


@needs_libyaml
@pytest.mark.parametrize("name", sorted(SLOW_BEFORE))
def test_the_standard_parser_reads_only_what_libyaml_cannot_answer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    text = SLOW_BEFORE[name]
    path = tmp_path / "big.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    standard = load_file(path, "f.yaml", fast=False)
    counting = _Counting(monkeypatch)
    fast = load_file(path, "f.yaml", fast=True)
    _same(fast, standard)
    assert counting.read < len(text) // 20, f"{name}: read {counting.read:,} of {len(text):,}"


@needs_libyaml
def test_an_alias_name_the_parsers_end_apart_is_the_standard_parsers_reading() -> None:
    # libyaml ends an alias at ':' (`*a:` is a key), YAML 1.2 reads on: a syntax error
    text = "a: &x 1\n*x: 2\nb:\n  - c\n"
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    if not fastload.parse_fast(doc, text):
        parse_text(doc, text)
    _same(doc, _standard(text))


def _spliced(text: str) -> Document | None:
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    return doc if splice.spliced(doc, text, fastload._events, minimum=0) else None


_TROUBLES = ["\t", "\t", "\t ", " \t", "\x85", "\u2028", "\ufeff", "*a:", "&a ", "\n-\n"]


@needs_libyaml
@pytest.mark.parametrize("rule", ["C101", "Q201", "D601"])
def test_spliced_readings_equal_the_standard_loaders(rule: str) -> None:
    """Every splice (windows of the standard parser between libyaml's events) against the
    standard loader on the whole text, small files spliced as if they were large."""
    rng = random.Random(rule)
    base = (REPO / "tests" / "rule_cases" / f"{rule}.yaml").read_text("utf-8")
    spliced = windowed = 0
    # Until enough texts were spliced, not a fixed count: how many a count of mutations
    # yields moves with the rule file's text (new cases left D601 one short at 80).
    for _ in range(240):
        if spliced > 60 and windowed > 25:
            break
        text = _mutate(base, rng)
        for _ in range(rng.randrange(0, 3)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(_TROUBLES) + text[at:]
        doc = _spliced(text)
        if doc is None:
            continue
        spliced += 1
        windowed += "\t" in text or "\x85" in text
        _same(doc, _standard(text))
    assert spliced > 60 and windowed > 25, (spliced, windowed)


@needs_libyaml
@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_spliced_hostile_inputs_equal_the_standard_loaders(index: int) -> None:
    text = HOSTILE[index]
    doc = _spliced(text)
    if doc is not None:
        _same(doc, _standard(text))


def test_the_splice_leaves_small_files_to_the_standard_loader() -> None:
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    assert not splice.spliced(doc, "a:\tb\n", fastload._events)
    assert load.MAX_FILE_BYTES > splice.MIN_SPLICE


# ------------------------------------------------------------------ nested time phrases

MONDAY = dt.date(2021, 4, 12)


@pytest.mark.parametrize(("text", "want"), [
    # the longest phrase it ended with, read alone, gave +2 days
    ("the day before the day after tomorrow", ("2021-04-13",)),
    ("the day after the day before yesterday", ("2021-04-11",)),
    ("the day before the day before yesterday", ("2021-04-09",)),
    ("the day after yesterday", ("2021-04-12",)),
    # steps from a date or a weekday, not the date or weekday itself
    ("two days after April 12", ("2021-04-14",)),
    ("the day after 12 April", ("2021-04-13",)),
    ("a week after April 12, 2021", ("2021-04-19",)),
    ("three days before 2021-04-12", ("2021-04-09",)),
    ("on the day before Friday", ("2021-04-08", "2021-04-15")),
    ("a week from today", ("2021-04-19",)),
    # as before: one step, and steps standing on nothing the resolver reads
    ("the day before yesterday", ("2021-04-10",)),
    ("the day after tomorrow", ("2021-04-14",)),
    ("a day after the two leaders spoke", ()),
])
def test_steps_from_a_time_are_taken_in_turn(text: str, want: tuple[str, ...]) -> None:
    assert tuple(str(iv) for iv in timeexpr.readings(text, MONDAY)) == want


def test_a_chain_of_steps_with_nothing_to_stand_on_reads_in_linear_time() -> None:
    # A search tried at every step of the chain: 75,000 characters took 24 s.
    start = cpu_now()
    assert timeexpr.readings("two days after " * 5000, MONDAY) == ()
    assert timeexpr.readings("the day before " * 5000 + "tomorrow", MONDAY)
    assert cpu_now() - start < 5


def test_the_draft_extractor_takes_a_stepped_phrase_as_one_time() -> None:
    from checks.extract import _times

    assert [t[2] for t in _times("said the day before the day after tomorrow")] == [
        "the day before the day after tomorrow"]


@needs_libyaml
@pytest.mark.parametrize("tail", ["x:\t1\n", "x: [1,\t2]\n", "x: \"unclosed\n"])
def test_past_the_node_limit_neither_parser_reads_on(monkeypatch: pytest.MonkeyPatch,
                                                     tail: str) -> None:
    # 5 MiB past the limit with a tab at its end took the splice 10 s: libyaml's whole
    # event list was read, though the builder stops at the limit.
    monkeypatch.setattr(load, "MAX_NODES", 300)
    monkeypatch.setattr(splice, "MAX_NODES", 300)
    text = "a:\n" + "".join(f"  - {{k: {i}}}\n" for i in range(400)) + tail
    counting = _Counting(monkeypatch)
    doc = _spliced(text)
    assert doc is not None and counting.read == 0
    _same(doc, _standard(text))
    assert doc.hits[0].code == "L005"


@needs_libyaml
def test_an_error_inside_a_window_falls_back_to_the_standard_loader(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever goes wrong in a window, the file is read by the standard loader, which
    turns the parser's errors into findings: never a traceback."""
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError

    text = BIG + "# a\ttab\nx:\ty\n"
    monkeypatch.setattr(splice, "_window", broken)
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    assert not splice.spliced(doc, text, fastload._events)
    assert doc.data is None and not doc.hits


# ------------------------------------------------------------------ recall


def _recall(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checks", "recall", *args], cwd=repo,
                          capture_output=True, text=True, env=ENV, timeout=300)


@pytest.mark.parametrize("damage", ["text missing", "does not load"])
def test_recall_names_a_record_it_left_out_and_fails(seed_repo: Path, damage: str) -> None:
    # A record whose archived text went missing dropped out of the rates unseen: the
    # others' "100%", exit 0, as though every record had been measured.
    record = seed_repo / "facts" / "rferl-2021-04-12-dialogue.yaml"
    if damage == "text missing":
        (seed_repo / "facts" / "texts" / "rferl-2021-04-12-dialogue.txt").unlink()
    else:
        record.write_text("source: [\n", encoding="utf-8")
    proc = _recall(seed_repo, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["left_out"] == ["facts/rferl-2021-04-12-dialogue.yaml"]
    assert "left out facts/rferl-2021-04-12-dialogue.yaml" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_recall_of_the_whole_seed_corpus_leaves_nothing_out(seed_repo: Path) -> None:
    proc = _recall(seed_repo, "--format", "json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["left_out"] == []
