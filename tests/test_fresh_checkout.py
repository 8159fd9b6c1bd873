"""A CI run restores the cache next to a fresh clone: every file has a new inode and
mtime but the same bytes. The re-check must see that nothing changed (by content) and
stay a re-check, not fall back to checking the whole archive."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate
from checks import cache
from checks.incremental import Store, _stat
from tests import recheck_edits as e
from tests.recheck_edits import Tree


def _check(root: Path, env: dict[str, str]) -> tuple[bytes, str]:
    out = root.parent / "report.json"
    done = subprocess.run([sys.executable, "-m", "checks", "check", "--root", str(root),
                           "--format", "json", "--fail-on", "none", "--output", str(out)],
                          cwd=root, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out.read_bytes(), done.stderr


def test_fresh_checkout_is_rechecked_not_run_again(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    generate(root, 30, seed=11)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "home"), FACT_CHECKS_DEBUG="1")
    env.pop("FACT_CHECKS_CACHE", None)
    first, _ = _check(root, env)
    assert any((root / "facts" / "texts").iterdir()), "the records must read archived texts"
    e.fresh_checkout().apply(Tree(root, {}, "2026-01-01"))
    again, log = _check(root, env)
    assert "full run" not in log, log
    assert "changed: []" in log, log
    assert again == first
    # the new stats are stored: the next re-check trusts them instead of reading the texts
    entries = _stored_entries(root, tmp_path / "home", monkeypatch)
    assert sum(entry.text is not None for entry in entries.values()) >= 30
    assert all(entry.stat == _stat(root / shown) for shown, entry in entries.items())
    # stored from the record's folder, so that another checkout's state holds as well
    assert all(not os.path.isabs(entry.text[0]) and entry.text[1] ==
               _stat((root / shown).parent / entry.text[0])
               for shown, entry in entries.items() if entry.text is not None)


def _stored_entries(root: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    cache._secret.cache_clear()
    try:
        folders = list((root / cache.CACHE_DIR / "runs").iterdir())
        assert len(folders) == 1
        state = Store(cache.Cache(root / cache.CACHE_DIR), folders[0].name).load()
        assert state is not None
        return state.files
    finally:
        cache._secret.cache_clear()


def test_another_checkout_starts_from_the_same_state(tmp_path: Path) -> None:
    """Two checkouts of one archive with one cache folder (``FACT_CHECKS_CACHE``, or
    ``diff``'s exported revision): the state is of paths relative to the root, so the
    second checkout re-checks from the first one's state. Its own edits, an archived
    text's above all (a text path stored as the first checkout's would read that
    checkout's text), must show exactly as in a cold run."""
    first = tmp_path / "one"
    generate(first, 30, seed=5)
    second = tmp_path / "two"
    shutil.copytree(first, second)
    texts = sorted((second / "facts" / "texts").iterdir())
    assert texts, "the records must read archived texts"
    texts[0].write_text("Nothing of what the record quotes.\n", "utf-8")  # only in 'two'
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "home"), FACT_CHECKS_DEBUG="1",
               FACT_CHECKS_CACHE=str(tmp_path / "shared"))
    one, _ = _check(first, env)
    two, log = _check(second, env)
    assert "full run" not in log, log
    changed = next(line for line in log.splitlines() if "changed: [" in line)
    assert changed.count("facts/") == 1, changed  # the record whose text differs
    cold = dict(env, FACT_CHECKS_CACHE="off")
    assert two == _check(second, cold)[0]
    assert two != one, "the edited text must change the report"
    again, log = _check(first, env)  # and back: the first checkout's own text again
    assert "full run" not in log, log
    assert again == one == _check(first, cold)[0]
