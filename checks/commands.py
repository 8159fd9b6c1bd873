"""Extra sub-commands registered by later stages (report, diff, new, fmt, entities).

Each entry: (name, help, handler, configure-parser). Keeping the table here
keeps ``cli.build_parser`` free of per-command branches.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]
Configure = Callable[[argparse.ArgumentParser], None]

COMMANDS: list[tuple[str, str, Handler, Configure]] = []
