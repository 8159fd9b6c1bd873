"""The re-check's shortcuts over the stored findings give what the plain loops they
replace gave (differential tests over random tables), and a re-check of a built-in
command imports no other command's module (issue 6: a re-check of 10,000 articles)."""

from __future__ import annotations

import random
import subprocess
import sys
from array import array
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path

from checks import incremental as inc
from checks.corpus import discover, discover_names, shown_paths
from checks.findings import Finding, Location, Severity

REPO = Path(__file__).resolve().parent.parent


def _runs_one_by_one(offsets: array[int], lengths: array[int], start: int,
                     stop: int) -> Iterator[tuple[int, int]]:
    """The loop :func:`checks.incremental._runs` replaced."""
    gap, i = len(inc._SEP), start
    while i < stop:
        first, end = offsets[i], offsets[i] + lengths[i]
        i += 1
        while i < stop and offsets[i] == end + gap:
            end = offsets[i] + lengths[i]
            i += 1
        yield first, end - first


def test_runs_of_the_stored_report_are_those_found_one_finding_at_a_time() -> None:
    rng = random.Random(6)
    for _ in range(2000):
        offsets, lengths, at = [], [], 0
        for _ in range(rng.randint(0, 30)):
            size = rng.randint(1, 5)
            at += rng.choice((0, 0, 0, rng.randint(1, 40)))  # a finding left out between
            offsets.append(at)
            lengths.append(size)
            at += size + len(inc._SEP)
        if rng.random() < 0.3:
            rng.shuffle(offsets)  # new findings appended at the end of the stored report
        o, n = array("q", offsets), array("q", lengths)
        start = rng.randint(0, len(o))
        stop = rng.randint(start, len(o))
        assert list(inc._runs(o, n, start, stop)) == list(_runs_one_by_one(o, n, start, stop))


def _finding(i: int) -> Finding:
    return Finding(rule="C101", name="x", category="conflict", severity=Severity.error,
                   message="m", fix="f", focus="a.yaml", location=Location(path="a.yaml"),
                   fingerprint=f"{i:020d}")


def _items(rng: random.Random, stored: int) -> list[inc.Item]:
    """Stored findings kept in order (some dropped) with new ones between."""
    items: list[inc.Item] = [i for i in range(stored) if rng.random() > 0.1]
    for k in range(rng.randint(0, 5)):
        items.insert(rng.randint(0, len(items)), _finding(k))
    return items


def test_kept_runs_gather_what_gathering_each_stored_finding_gave() -> None:
    rng = random.Random(9)
    for _ in range(500):
        stored = rng.randint(1, 40)
        items = _items(rng, stored)
        column = [f"path-{i}" for i in range(stored)]
        numbers = array("q", range(100, 100 + stored))
        kept = [i if isinstance(i, int) else 0 for i in items]
        runs = inc._kept_runs(items)
        want = list(itemgetter(*kept)(column)) if len(kept) > 1 else [column[k] for k in kept]
        assert inc._take(column, runs) == want
        assert inc._take(numbers, runs).tolist() == [numbers[k] for k in kept]
        fps = inc.Fingerprints()
        for i in range(stored):
            fps.append(f"{i:020d}")
        assert list(fps.take(runs)) == [f"{k:020d}" for k in kept]
        assert inc._new_positions(items) == [at for at, item in enumerate(items)
                                             if isinstance(item, Finding)]


def test_discovered_names_are_the_discovered_paths(tmp_path: Path) -> None:
    for name in ("b/x.yaml", "a/y.YAML", "a b/z.yml", ".hidden/w.yaml", "a/c/v.yaml", "u.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    given = [tmp_path, tmp_path / "b" / "x.yaml"]
    for paths in ([tmp_path], given):
        names = discover_names(paths)
        assert [Path(n) for n in names] == discover(paths)
        assert [shown for _, shown in shown_paths(names, tmp_path)] == [
            shown for _, shown in shown_paths(discover(paths), tmp_path)]


def test_a_check_imports_no_other_commands_module() -> None:
    """``check`` built the parser of every command, importing drafting's extractor, the
    HTML report, diff and fmt: a tenth of a second of each re-check at 10,000 articles."""
    code = ("import sys\nfrom checks import cli\ncli.build_parser('check')\n"
            "print(sorted(m for m in sys.modules if m.startswith('checks.cmd_')))\n"
            "print('report' in cli.build_parser().format_help())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=True).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == "True"  # without a command (or with --help first) every command is there


def test_findings_of_rerun_owners_are_those_a_step_per_finding_finds() -> None:
    rng = random.Random(4)
    table = [("", f"f{i}.yaml") for i in range(6)] + [("conflict", f"k{i}") for i in range(300)]
    for _ in range(300):
        owners = inc.Owners()
        for _ in range(rng.randint(0, 60)):
            owners.append(rng.choice(table))
        gone = set(rng.sample(table, rng.randint(0, 5)))
        ids = owners.ids_of(gone)
        assert owners.where(ids) == [i for i, owner in enumerate(owners) if owner in gone]
