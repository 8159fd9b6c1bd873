"""The cache does not grow for ever: after a full run, entries no file of the run uses
go once they are a week old, and only the newest run states stay. Nothing this cache
did not write is touched."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.generate import generate
from checks import cache
from checks.incremental import KEEP_RUNS, Store, prune_runs

WEEK = cache.PRUNE_AGE_S
OLD = time.time() - WEEK - 3600


def _age(path: Path, when: float = OLD) -> Path:
    os.utime(path, (when, when))
    return path


def _entry(folder: Path, key: str, when: float | None = None) -> Path:
    path = folder / key[:2] / f"{key[2:]}.pkl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"entry")
    return _age(path, when) if when is not None else path


def test_prune_removes_old_unused_entries_only(tmp_path: Path) -> None:
    store = cache.Cache(tmp_path)
    used_old = _entry(tmp_path, "a" * 64, OLD)
    unused_old = _entry(tmp_path, "b" * 64, OLD)
    unused_new = _entry(tmp_path, "c" * 64)
    foreign = [tmp_path / "bb" / "notes.pkl", tmp_path / "bb" / ("d" * 62 + ".txt"),
               tmp_path / "xyz" / ("e" * 62 + ".pkl")]  # not names this cache writes
    for f in foreign:
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(b"mine")
        _age(f)
    assert store.prune({"a" * 64}) == 1
    assert used_old.exists() and unused_new.exists() and not unused_old.exists()
    assert all(f.exists() for f in foreign)


def test_prune_of_a_missing_folder_is_nothing(tmp_path: Path) -> None:
    assert cache.Cache(tmp_path / "none").prune(set()) == 0


def test_only_the_newest_run_states_stay(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    names = [f"{i:032x}" for i in range(6)]
    for age, name in enumerate(names):
        (runs / name).mkdir(parents=True)
        (runs / name / "state.pkl").write_bytes(b"s")
        _age(runs / name, time.time() - 100 * (age + 1))  # names[0] the newest
    foreign = runs / "keep-me"
    foreign.mkdir()
    _age(foreign, OLD)
    current = Store(cache.Cache(tmp_path), names[5])  # the oldest folder, just rewritten
    prune_runs(current)
    left = sorted(p.name for p in runs.iterdir())
    assert left == sorted([*names[:KEEP_RUNS - 1], names[5], "keep-me"])


@pytest.mark.parametrize("unused", [True, False])
def test_full_check_prunes_its_cache(tmp_path: Path, unused: bool) -> None:
    root = tmp_path / "repo"
    generate(root, 3, seed=5)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "home"))
    env.pop("FACT_CHECKS_CACHE", None)
    folder = root / cache.CACHE_DIR
    planted = _entry(folder, "f" * 64, OLD if unused else None)
    done = subprocess.run([sys.executable, "-m", "checks", "check", "--root", str(root),
                           "--fail-on", "none", "--format", "json"], cwd=root, env=env,
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert planted.exists() is not unused
    assert len(list(folder.glob("??/*.pkl"))) == 5 + (not unused)  # 3 records, 2 registries
