"""``report``: run every check and write the HTML discrepancy report.

``python -m checks report [PATHS] --output DIR`` writes ``DIR/index.html``, one
self-contained page (no external assets) to open offline; ``--output -`` writes the
page to standard output (it made a folder named "-"). Options, selection,
triage and exit codes are those of ``check``: 0 clean, 1 findings at or above
``--fail-on`` not yet reviewed, 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import cli
from .reporters.html import REPORTER


def configure(parser: argparse.ArgumentParser) -> None:
    cli.input_options(parser)
    parser.add_argument("--output", "-o", required=True, metavar="DIR",
                        help="folder to write index.html into (created if missing); '-' writes the "
                             "page to standard output")


def run_report(args: argparse.Namespace) -> int:
    if args.output == "-":  # as for every --output: the page on standard output
        result = cli.run_pipeline(args, rules=True, whole=True)
        try:
            sys.stdout.write(REPORTER.render(result))
            return cli.exit_code(result)
        finally:
            result.close()
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise cli.UsageError(f"--output must be a folder; '{str(folder)[:200]}' is a file or device")
    result = cli.run_pipeline(args, rules=True, whole=True, output=folder / "index.html")
    # A dangling link to the folder is followed (the folder is made where it points).
    REPORTER.write(result, cli.output_file(folder / "index.html"))
    cli.say_written(folder / "index.html")
    return cli.exit_code(result)


COMMAND = ("report", "write the HTML discrepancy report (DIR/index.html) for journalists",
           run_report, configure)
