"""Extra sub-commands (report, diff, new, fmt, entities, ...), discovered from
modules named ``checks/cmd_*.py``. Each defines::

    COMMAND = ("name", "one-line help", handler, configure_parser)

where ``handler(args) -> int`` returns an exit code and
``configure_parser(parser)`` adds its arguments. Discovery keeps
``cli.build_parser`` free of per-command branches.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

Handler = Callable[[argparse.Namespace], int]
Configure = Callable[[argparse.ArgumentParser], object]
Command = tuple[str, str, Handler, Configure]


def discover() -> list[Command]:
    here = Path(__file__).parent
    found = []
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda i: i.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"checks.{info.name}")
            found.append(module.COMMAND)
    return found
