"""``python -m checks fmt [PATHS] [--check]``: rewrite fact files in the canonical
layout (see :mod:`checks.fmt`); with ``--check``, list the files that would
change and exit 1, writing nothing (for CI and pre-commit).

Exit codes: 0 nothing to change (or all written), 1 ``--check`` found files
to reformat, 2 a file could not be formatted or written (it is left as it was).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from . import atomic
from .cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from .config import load_config
from .corpus import discover, shown_path
from .fmt import FormatError, format_text, line_endings
from .reporters._common import log_path


def _files(args: argparse.Namespace, root: Path) -> list[Path]:
    raw = args.paths or [str(root / p) for p in load_config(root).paths]
    paths = [Path(p) for p in raw]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    return discover(paths)


def _one(file: Path, root: Path, *, check: bool) -> tuple[bool, str | None, str]:
    """(would change / changed, problem, what else changed besides the layout)."""
    try:
        raw, snap = atomic.read(file)
        text = raw.decode("utf-8")
        formatted = format_text(text, file=file, root=root)
    except (OSError, UnicodeDecodeError, FormatError) as exc:
        return False, _said(file, exc), ""
    if formatted == text:
        return False, None, ""
    if not check:
        try:
            atomic.write(file, formatted.encode("utf-8"), root=root, expect=snap)
        except (OSError, atomic.WriteRefused) as exc:
            return True, str(exc), ""
    return True, None, _also(text)


def _also(text: str) -> str:
    """What the rewrite changes that a layout change does not say: the byte-order mark
    dropped (finding L008) and mixed line breaks made one kind (the file keeps its own)."""
    said = []
    if text.startswith("\ufeff"):
        said.append("byte-order mark removed")
    newline, mixed = line_endings(text)
    if mixed:
        kind = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}[newline]
        said.append(f"mixed line endings made {kind}")
    return f" ({'; '.join(said)})" if said else ""


def _said(file: Path, exc: Exception) -> str:
    """What stopped the formatting of ``file``, in words: Python's were "[Errno 2] No such
    file or directory: '/abs/facts/x.yaml'" for a dangling link and "'utf-8' codec can't
    decode byte 0xe9 in position 5" for Latin-1 text."""
    if isinstance(exc, UnicodeDecodeError):
        line = exc.object[:exc.start].count(b"\n") + 1
        return (f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} on line {line}); save the "
                "file as UTF-8")
    if isinstance(exc, FormatError) or not isinstance(exc, OSError):
        return str(exc)
    if isinstance(exc, atomic.NotRegular):
        return "it is not a regular file (a folder, pipe or device); remove or rename it"
    if os.path.islink(file) and exc.errno in (errno.ENOENT, errno.ELOOP):
        what = "a symlink loop" if exc.errno == errno.ELOOP else (
            f"a symlink to '{os.readlink(file)[:200]}', which does not exist")
        return f"it is {what}; fix or remove the link"
    return f"cannot read it: {exc.strerror or exc}"


def handle(args: argparse.Namespace) -> int:
    root = atomic.real_path(args.root)
    changed, failed = 0, 0
    files = _files(args, root)
    if not files:  # as check says: a misspelt folder passed without a word
        where = ", ".join(log_path(str(p))[:200] for p in args.paths or ["the configured paths"])
        sys.stderr.write(f"fmt: warning: no YAML files under {where}: nothing was formatted\n")
    for file in files:
        shown = log_path(shown_path(file, root))  # a name may hold a terminal's escapes
        would, problem, also = _one(file, root, check=args.check)
        if problem:
            failed += 1
            sys.stderr.write(f"{shown}: not formatted: {problem}\n")
        elif would:
            changed += 1
            sys.stdout.write(f"{shown}: {'would reformat' if args.check else 'reformatted'}"
                             f"{also}\n")
    if failed:
        return EXIT_ERROR
    if args.check and changed:
        sys.stdout.write(f"{changed} file(s) would be reformatted; run 'python -m checks fmt'\n")
        return EXIT_FINDINGS
    return EXIT_OK


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="fact files or folders (default: facts/)")
    p.add_argument("--check", action="store_true",
                   help="only report files that would change (exit 1), write nothing")
    p.add_argument("--root", default=".", help="repository root (default: current folder)")


COMMAND = ("fmt", "rewrite fact files in the canonical layout, keeping every comment and value",
           handle, configure)
