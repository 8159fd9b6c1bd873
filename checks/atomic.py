"""Writes that never lose data: a temporary file in the target's folder, flushed
to disk, then ``os.replace`` (atomic on POSIX and Windows). A crash or an
error leaves either the old file or the new one, never half of either.

Callers that read a file, change it and write it back pass the
:class:`Snapshot` taken when reading: the write is refused when the file has
changed since (another editor, a second run). A ``root`` keeps every write
inside the repository: a path that leaves it, directly or through a symlink,
is refused.

A report (``durable=False``) is derived: the next run rebuilds it, so it skips
the flush to disk (a tenth of a second for 200 MB) but keeps the rename, and a
reader still sees the old report or the new one, whole. A user's file is
always flushed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


class WriteRefused(Exception):
    """The write was not made; the message says why. The original is untouched."""


@dataclass(frozen=True)
class Snapshot:
    """What a file held when it was read."""

    sha256: str
    size: int


def real_path(path: str | os.PathLike[str]) -> Path:
    """``Path.resolve()`` that never raises: a symlink loop stays as far as it resolves.
    Python 3.11's ``resolve`` raises RuntimeError on a loop, so one looping link among the
    records (``a.yaml -> b.yaml -> a.yaml``) was a traceback from every command; opening
    such a path fails with ELOOP, an OSError that callers report."""
    return Path(os.path.realpath(path))


def snapshot_of(data: bytes) -> Snapshot:
    return Snapshot(sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def read(path: Path) -> tuple[bytes, Snapshot]:
    """The bytes of a regular file; a pipe or device is refused without blocking."""
    data = read_regular(path)
    return data, snapshot_of(data)


class NotRegular(OSError):
    """A path that names no regular file (a folder, a FIFO, a device)."""


def read_regular(path: str | os.PathLike[str], limit: int = -1) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them when given; anything else (a
    FIFO, which would block, a link to ``/dev/zero``, which never ends) is
    :class:`NotRegular`, raised without blocking."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegular(f"{path}: not a regular file")
    with os.fdopen(fd, "rb") as fh:
        return fh.read(limit)


def target_inside(path: Path, root: Path) -> Path:
    """The real file a write to ``path`` would change, refused outside ``root``."""
    real_root = real_path(root)
    real = real_path(path)  # follows every symlink, including dangling ones' targets
    if os.path.islink(real):  # still a link once resolved: a loop
        raise WriteRefused(f"{path}: refusing to write through a symlink loop")
    try:
        real.relative_to(real_root)
    except ValueError:
        raise WriteRefused(f"{path}: refusing to write outside the repository ({real})") from None
    return real


def write(path: Path, data: bytes | Callable[[BinaryIO], object], *, root: Path | None = None,
          expect: Snapshot | None = None, create: bool = False, durable: bool = True) -> None:
    """Replace (or, with ``create``, newly create) ``path`` with ``data`` atomically.

    ``data`` is the bytes, or a function that writes them to the open file (a large
    report copied from stored pieces). ``expect``: refuse when the file no longer
    holds what was read. ``create``: refuse when the file exists. The file's
    permission bits are kept. ``durable``: flush to disk before the rename (off for
    reports, which the next run rebuilds).
    """
    real = target_inside(path, root) if root is not None else path
    mode = _existing_mode(real, expect=expect, create=create)
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        _check_unchanged(real, expect)
        _commit(tmp, real, create=create)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        _sync_folder(real.parent)


def _existing_mode(real: Path, *, expect: Snapshot | None, create: bool) -> int:
    try:
        st = real.stat()
    except FileNotFoundError:
        if expect is not None:
            raise WriteRefused(f"{real}: the file was removed since it was read") from None
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    if create:
        raise WriteRefused(f"{real}: already exists")
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused(f"{real}: not a regular file")
    return stat.S_IMODE(st.st_mode)


def _check_unchanged(real: Path, expect: Snapshot | None) -> None:
    if expect is None:
        return
    try:
        now = snapshot_of(real.read_bytes())
    except OSError as exc:
        raise WriteRefused(f"{real}: cannot re-read before writing: {exc}") from exc
    if now != expect:
        raise WriteRefused(f"{real}: the file changed since it was read; run again")


def _commit(tmp: str, real: Path, *, create: bool) -> None:
    if not create:
        os.replace(tmp, real)
        return
    # A hard link fails if the name exists, so two creators cannot both win.
    try:
        os.link(tmp, real)
    except FileExistsError:
        raise WriteRefused(f"{real}: already exists") from None
    except OSError:
        if real.exists():
            raise WriteRefused(f"{real}: already exists") from None
        os.replace(tmp, real)
        return
    os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not all platforms can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
