"""``report``: run every check and write the HTML discrepancy report.

``python -m checks report [PATHS] --output DIR`` writes ``DIR/index.html``, one
self-contained page (no external assets) to open offline. Options, selection,
triage and exit codes are those of ``check``: 0 clean, 1 findings at or above
``--fail-on`` not yet reviewed, 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import cli
from .config import load_config
from .engine import select
from .htmlreport import render
from .pipeline import execute


def configure(parser: argparse.ArgumentParser) -> None:
    # The options of 'check', but one format (HTML) and a folder to write into.
    cli._common(parser)
    for action in parser._actions:
        if action.dest == "format":
            action.help, action.default, action.choices = argparse.SUPPRESS, "html", ("html",)
        elif action.dest == "output":
            action.required, action.metavar = True, "DIR"
            action.help = "folder to write index.html into (created if missing)"


def run_report(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    config = load_config(root, Path(args.config) if args.config else None)
    selection = select(config, extra_select=args.select or (), extra_ignore=args.ignore or ())
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise cli.UsageError(f"--output must be a folder; '{folder}' is a file")
    result = execute(cli._paths(args, config, root), root, config, selection, rules=True,
                     fail_on=args.fail_on)
    cli._apply_triage(result, config, args)
    target = folder / "index.html"
    cli.write_output(render(result), str(target))
    # write_output's temporary file is private (0600); a report is meant to be shared.
    mask = os.umask(0)
    os.umask(mask)
    target.chmod(0o666 & ~mask)
    return cli.EXIT_FINDINGS if result.failed else cli.EXIT_OK


COMMAND = ("report", "write the HTML discrepancy report (DIR/index.html) for journalists",
           run_report, configure)
