"""Reports skip the flush to disk (the next run rebuilds them); users' files never do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks import atomic


@pytest.mark.parametrize("durable", [True, False])
def test_write_replaces_whole_and_keeps_mode(tmp_path: Path, durable: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    atomic.write(target, b"new report", durable=durable)
    assert target.read_bytes() == b"new report"
    assert target.stat().st_mode & 0o777 == 0o640
    assert bool(synced) is durable
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left


def test_user_files_are_flushed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: synced.append(fd))
    atomic.write(tmp_path / "a.yaml", b"x: 1\n", root=tmp_path)  # fmt and new write like this
    assert synced
