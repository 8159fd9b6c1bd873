"""How the GitHub Actions runner reads workflow commands from a step's output.

A restatement of ``ActionCommand.TryParseV2`` (``::name k=v,k=v::data``) and
``ActionCommand.TryParse`` (the older ``##[name k=v;]data``, found anywhere in
a line) from actions/runner, with their unescaping, so tests can check what a
runner would execute. The runner reads output line by line and tries v2,
then v1, on each line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

COMMANDS = {"error", "warning", "notice", "debug", "add-mask", "set-output", "set-env",
            "add-path", "save-state", "group", "endgroup", "echo", "stop-commands",
            "add-matcher", "remove-matcher", "set-secret"}

_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_V1 = (("%3B", ";"), ("%0D", "\r"), ("%0A", "\n"), ("%5D", "]"), ("%25", "%"))


@dataclass
class Command:
    name: str
    properties: dict[str, str] = field(default_factory=dict)
    data: str = ""


def _unescape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for escaped, plain in table:
        text = text.replace(escaped, plain)
    return text


def parse_v2(line: str) -> Command | None:
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    name, _, props = info.partition(" ")
    if name not in COMMANDS:
        return None
    cmd = Command(name)
    for pair in (p for p in props.strip().split(",") if p):
        key, sep, value = pair.partition("=")
        if sep and key and value:
            cmd.properties[key] = _unescape(value, _PROPERTY)
    cmd.data = _unescape(message[end + 2:], _DATA)
    return cmd


def parse_v1(line: str) -> Command | None:
    start = line.find("##[")
    if start < 0:
        return None
    close = line.find("]", start)
    if close < 0:
        return None
    name, _, props = line[start + 3:close].partition(" ")
    if name not in COMMANDS:
        return None
    cmd = Command(name)
    for pair in (p for p in props.split(";") if p):
        key, sep, value = pair.partition("=")
        if sep and key and value:
            cmd.properties[key] = _unescape(value, _V1)
    cmd.data = _unescape(line[close + 1:], _V1)
    return cmd


def read(output: str) -> list[Command | None]:
    """What the runner makes of each output line (None: a plain log line)."""
    lines = re.split(r"\r\n|\r|\n", output)
    if lines and lines[-1] == "":
        lines.pop()
    return [parse_v2(line) or parse_v1(line) for line in lines]
