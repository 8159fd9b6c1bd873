"""Runs that share one cache folder's stored state (two at once, or ``diff``'s two
sides one after the other) each read and extend the files their own state describes:
a full run moves new files into place, and a re-check that started before still
writes its report from the stored report it committed to."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from benchmarks.__main__ import _edit
from benchmarks.generate import generate
from checks import incremental
from checks.cache import Cache
from checks.config import Config
from checks.engine import select
from checks.pipeline import RunResult, execute


def _report(result: RunResult) -> bytes:
    out = io.BytesIO()
    result.write_report_json(out)
    return out.getvalue()


def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 12-article synthetic archive with the cache on, in a cache folder of its own."""
    monkeypatch.delenv("FACT_CHECKS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    path = tmp_path / "archive"
    generate(path, 12, seed=4)
    return path


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return generated(tmp_path, monkeypatch)


def _checked(root: Path) -> RunResult:
    config = Config()
    return incremental.checked([root / "facts"], root, config, select(config), fail_on="none",
                               quick=True, after=lambda _: None)


def _cold(root: Path) -> bytes:
    config = Config()
    return _report(execute([root / "facts"], root, config, select(config), fail_on="none",
                           cache=False))


def test_a_recheck_keeps_its_report_when_a_full_run_replaces_the_stored_one(root: Path) -> None:
    _checked(root).close()  # a full run stores the state
    _edit(root)
    early = _checked(root)  # a re-check, committed, its report not written yet
    assert isinstance(early, incremental.IncrementalResult)
    expected = _cold(root)
    entities = root / "facts" / "entities.yaml"
    entities.write_text(entities.read_text("utf-8") + "# the registry changed\n", "utf-8")
    store = incremental.Store(Cache.for_root(root), early.state.digest)  # type: ignore[arg-type]
    before = os.stat(store.blob(early.state.generation)).st_ino
    late = _checked(root)  # a registry change: a full run, whose files move in
    assert not isinstance(late, incremental.IncrementalResult)
    assert os.stat(store.blob(early.state.generation)).st_ino != before
    late.close()
    try:
        assert _report(early) == expected
    finally:
        early.close()


def test_a_stored_file_replaced_under_a_state_means_a_full_run(root: Path) -> None:
    _checked(root).close()
    stored = next((root / ".fact-checks-cache" / "runs").iterdir())
    rows = next(stored.glob("rows-*.bin"))
    data = rows.read_bytes()
    rows.unlink()
    rows.write_bytes(data)  # the same bytes in another file: not the state's file
    _edit(root)
    again = _checked(root)
    try:
        assert not isinstance(again, incremental.IncrementalResult)
        assert _report(again) == _cold(root)
    finally:
        again.close()


def test_appending_to_a_stored_file_locks_it(tmp_path: Path) -> None:
    """A run appends its pieces where the file ends: a second run waits for the lock
    instead of writing between them (its offsets would point into the other's)."""
    fcntl = pytest.importorskip("fcntl")
    path = tmp_path / "rows-1.bin"
    path.write_bytes(b"stored")
    inode = os.stat(path).st_ino
    with incremental._open_append(path, inode) as out:
        assert out.seek(0, os.SEEK_END) == len(b"stored")
        with open(path, "ab") as other, pytest.raises(BlockingIOError):
            fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    with open(path, "ab") as other:  # released with the file
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    with pytest.raises(OSError, match="replaced"):
        incremental._open_append(path, inode + 1)
