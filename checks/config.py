"""Configuration from ``[tool.fact-checks]`` in pyproject.toml.

A misspelled key, rule selector, severity or rule option is an error, never
a silent pass.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .findings import Severity

FailOn = Literal["error", "warning", "info", "none"]


MAX_PATH_CHARS = 1024


class ConfigError(Exception):
    """Bad configuration: reported with exit code 2."""


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    paths: tuple[str, ...] = Field(("facts",), description="What to check by default.")
    select: tuple[str, ...] = Field(("ALL",), description="Codes, prefixes, names or categories.")
    ignore: tuple[str, ...] = Field((), description="Codes, prefixes, names or categories.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Code -> severity.")
    options: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Code -> options.")
    fail_on: FailOn = Field("error", alias="fail-on", description="Lowest severity that fails.")
    reviews: str = Field("facts/reviews.yaml", description="Reviewed-findings file.")


def find_pyproject(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(root: Path, explicit: Path | None = None) -> Config:
    path = explicit or find_pyproject(root)
    if path is None:
        return Config()
    data = _read_toml(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.fact-checks])")
    section = tool.get("fact-checks", {})
    try:
        config = Config.model_validate(section)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{path}: [tool.fact-checks] {where}: {first['msg'][:200]}") from exc
    _not_empty(path, config)
    _inside(path, root, config)
    return config


def _not_empty(path: Path, config: Config) -> None:
    """An empty list would make a run that checks nothing and passes."""
    if not config.paths:
        raise ConfigError(f"{path}: [tool.fact-checks] paths = [] names nothing to check; name "
                          "the folders of the fact files (or remove it for [\"facts\"])")
    if not config.select:
        raise ConfigError(f"{path}: [tool.fact-checks] select = [] selects no rule; name the "
                          "codes to run (or remove it for [\"ALL\"])")


MAX_CONFIG_BYTES = 1024 * 1024  # a pyproject.toml is kilobytes; /dev/zero is endless


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed file; a usage error for anything that is not a readable, bounded TOML
    file (a FIFO would block, /dev/zero never ends, 3,000 nested arrays exhaust the
    parser's stack)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise ConfigError(f"{path}: cannot read configuration: not a regular file")
            raw = fh.read(MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: cannot read configuration: larger than "
                              f"{MAX_CONFIG_BYTES // 1024} KiB")
        return tomllib.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:  # TOMLDecodeError and UnicodeDecodeError are both
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    except RecursionError as exc:
        raise ConfigError(f"{path}: cannot read configuration: nested too deeply") from exc


def _inside(path: Path, root: Path, config: Config) -> None:
    """The configuration is part of the repository (and of pull requests): the files it
    names must be inside the repository, or a changed pyproject.toml could make a run
    read, and report on, files elsewhere on the machine."""
    real_root = root.resolve()
    for key, value in [("paths", p) for p in config.paths] + [("reviews", config.reviews)]:
        if "\0" in value or len(value) > MAX_PATH_CHARS:
            raise ConfigError(f"{path}: [tool.fact-checks] {key}: '{value[:60]}…' is not a usable "
                              f"path (a NUL character, or over {MAX_PATH_CHARS} characters)")
        try:
            inside = (root / value).resolve().is_relative_to(real_root)
        except (OSError, RuntimeError, ValueError):
            inside = False
        if not inside:
            raise ConfigError(f"{path}: [tool.fact-checks] {key}: '{value[:200]}' is outside "
                              "the repository; name a file or folder inside it")
