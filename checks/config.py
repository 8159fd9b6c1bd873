"""Configuration from ``[tool.fact-checks]`` in pyproject.toml.

A misspelled key, rule selector, severity or rule option is an error, never
a silent pass.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import string
import tomllib
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .atomic import NotRegular, read_regular, real_path
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
    rules_url: str | None = Field(None, alias="rules-url", description=(
        "Where reports link each rule's documentation (SARIF helpUri): an http(s) URL "
        "holding {code} (and {version} if it likes), or \"\" for no link; by default the "
        "rule's section of docs/rules.md in the harness's repository."))


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``: whatever stands under that
    name, so that one that cannot be read (a FIFO, a folder, a dangling link) is an error
    when it is read, not silently passed over for a parent's file or the defaults."""
    for folder in (real_path(start), *real_path(start).parents):
        candidate = folder / "pyproject.toml"
        if os.path.lexists(candidate):
            return candidate
    return None


def load_config(root: Path, explicit: Path | None = None) -> Config:
    path = explicit or find_pyproject(root)
    if path is None:
        return Config()
    data = read_toml(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.fact-checks])")
    section = tool.get("fact-checks", {})
    if not isinstance(section, dict):  # [[tool.fact-checks]] said "instance of Config"
        raise ConfigError(f"{path}: [tool.fact-checks] must be one table of settings, not "
                          f"{_given(section)}")
    try:
        config = Config.model_validate(section)
    except ValidationError as exc:
        raise ConfigError(f"{path}: [tool.fact-checks] {_setting_problem(exc.errors()[0])}"
                          ) from exc
    _not_empty(path, config)
    _rules_url(path, config.rules_url)
    _inside(path, root, config)
    _typed_options(path, config)
    return config


def _not_empty(path: Path, config: Config) -> None:
    """An empty list would make a run that checks nothing and passes; an empty string
    is no better: every code starts with "" (``select = [""]`` ran every rule, ``ignore
    = [""]`` none), and "" as a path is the repository's own folder."""
    if not config.paths:
        raise ConfigError(f"{path}: [tool.fact-checks] paths = [] names nothing to check; name "
                          "the folders of the fact files (or remove it for [\"facts\"])")
    if not config.select:
        raise ConfigError(f"{path}: [tool.fact-checks] select = [] selects no rule; name the "
                          "codes to run (or remove it for [\"ALL\"])")
    for key, values in (("paths", config.paths), ("select", config.select),
                        ("ignore", config.ignore), ("reviews", (config.reviews,))):
        if any(not value.strip() for value in values):
            raise ConfigError(f"{path}: [tool.fact-checks] {key}: an empty string {_BLANK[key]}")


def _rules_url(path: Path, template: str | None) -> None:
    """A link template a viewer can follow: an absolute http(s) URL (SARIF wants an
    absolute URI) naming the rule, or every rule's link would be the same page."""
    if not template:  # None: the default; "": no link
        return
    problem = _url_problem(template)
    if problem:
        raise ConfigError(f"{path}: [tool.fact-checks] rules-url {problem}: got "
                          f"{template[:100]!r}; write e.g. rules-url = "
                          "\"https://example.org/docs/rules.md#{code}\", or \"\" for no link")


def _url_problem(template: str) -> str | None:
    if not re.match(r"https?://[^/\s]", template) or not template.isprintable() \
            or " " in template:
        return "is not an absolute http(s) URL without spaces"
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion
                  in string.Formatter().parse(template) if name is not None]
    except ValueError:  # a lone brace
        return "has a brace that opens or closes no placeholder (write {{ or }} for one)"
    if any(name not in ("code", "version") or spec or conversion for name, spec, conversion
           in fields):
        return "may hold only {code} and {version} as placeholders"
    if "code" not in {name for name, _, _ in fields}:
        return "does not hold {code}, so every rule would link to the same place"
    return None


_BLANK = {
    "paths": "would be the whole repository; name the folders of the fact files",
    "select": "would select every rule (every code starts with it); name codes, prefixes, "
              "names or categories, or \"ALL\"",
    "ignore": "would ignore every rule (every code starts with it); remove it",
    "reviews": "names no file; name the reviewed-findings file (or remove the key for "
               "\"facts/reviews.yaml\")",
}


def _typed_options(path: Path, config: Config) -> None:
    """Rule options are typed strictly: validated as usual, ``tolerance = true`` was
    read as 1.0 and ``min_words = "4"`` as 4. A whole number still counts as a number."""
    if not config.options:
        return
    from .engine import registry  # the engine reads this module: import it when needed

    reg = registry()
    for code, raw in config.options.items():
        spec = reg.get(code)
        if spec is None:
            continue  # the selection names the unknown code
        try:
            spec.options.model_validate(raw, strict=True)
        except ValidationError as exc:
            raise ConfigError(f"{path}: [tool.fact-checks] options.{code}"
                              f"{_option_problem(spec.options, exc.errors()[0])}") from exc


_SETTINGS = {"paths": 'an array of strings (paths = ["facts"])',
             "select": 'an array of strings (select = ["ALL"])',
             "ignore": 'an array of strings (ignore = ["C1"])',
             "severity": 'a table of codes and severities (severity = {Q201 = "info"})',
             "options": "a table of codes and option tables (options.Q201 = {...})",
             "fail-on": "one of 'error', 'warning', 'info', 'none'",
             "reviews": 'a string (reviews = "facts/reviews.yaml")',
             "rules-url": 'a string (rules-url = "https://example.org/rules.md#{code}")'}


def _setting_problem(error: Any) -> str:
    """'NAME: expected ..., got ...' for a setting's error, in the words of TOML: pydantic's
    own ("Input should be a valid tuple", "Extra inputs are not permitted") named Python's
    types, not what to write."""
    loc = [str(p) for p in error["loc"]]
    where = ".".join(loc)
    if error["type"] == "extra_forbidden" and len(loc) == 1:
        return f"{where}: not a setting (the settings: {', '.join(_SETTINGS)})"
    if loc and loc[0] in _SETTINGS and error["type"].endswith(("_type", "literal_error")):
        return f"{where}: expected {_SETTINGS[loc[0]]}, got {_given(error['input'])}"
    if error["type"] == "enum":  # severity.Q201 = "fatal"
        return f"{where}: {str(error['msg'])[:200]}, got {_given(error['input'])}"
    return f"{where}: {str(error['msg'])[:200]}"


def _option_problem(model: type[BaseModel], error: Any) -> str:
    """'.NAME: expected ..., got ...' for one option's error, in the words of TOML."""
    name = ".".join(str(p) for p in error["loc"])
    fields = model.model_fields
    if error["type"] == "extra_forbidden":
        known = ", ".join(fields) or "none"
        return f".{name}: not an option of this rule (its options: {known})"
    field = fields.get(str(error["loc"][0])) if error["loc"] else None
    if field is not None and error["type"].endswith(("_type", "literal_error")):
        return f".{name}: expected {_expected(field.annotation)}, got {_given(error['input'])}"
    if field is not None and error["type"] in _BOUND_ERRORS:  # tolerance = -1.0, nan
        return (f".{name}: expected {_expected(field.annotation)} {_bounds(field)} (the "
                f"default: {field.default!r}), got {_given(error['input'])}")
    return f".{name}: {error['msg']}, got {str(error['input'])[:60]}"


_BOUND_ERRORS = frozenset({"greater_than_equal", "less_than_equal", "greater_than", "less_than",
                           "finite_number"})


def _bounds(field: Any) -> str:
    """An option's range in words ("from 0 to 1", "from 0 to under 1"): pydantic's "Input
    should be less than or equal to 1" named one bound, for nan the one it tested first."""
    low = high = ""
    for rule in field.metadata:
        for attr, words in (("ge", "{}"), ("gt", "over {}")):
            if getattr(rule, attr, None) is not None:
                low = words.format(getattr(rule, attr))
        for attr, words in (("le", "{}"), ("lt", "under {}")):
            if getattr(rule, attr, None) is not None:
                high = words.format(getattr(rule, attr))
    if low and high:
        return f"from {low} to {high}"
    return f"of at least {low}" if low else f"of at most {high}"


def _expected(annotation: Any) -> str:
    if get_origin(annotation) is Literal:
        return "one of " + ", ".join(repr(v) for v in get_args(annotation))
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


_TOML_KINDS = ((bool, "a boolean"), (int, "a whole number"), (float, "a decimal number"),
               (str, "a string"), (list, "an array"), (dict, "a table"),
               (dt.datetime, "a date-time"), (dt.date, "a date"), (dt.time, "a time"))


def _given(value: Any) -> str:
    """A TOML value as the file wrote it, and its TOML type."""
    kind = next((k for t, k in _TOML_KINDS if isinstance(value, t)), type(value).__name__)
    if isinstance(value, bool):
        shown = str(value).lower()
    elif isinstance(value, str):
        shown = repr(value[:60])
    else:
        shown = str(value)[:60]
    return f"{shown} ({kind})"


MAX_CONFIG_BYTES = 1024 * 1024  # a pyproject.toml is kilobytes; /dev/zero is endless


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed file; a usage error for anything that is not a readable, bounded TOML
    file (a FIFO would block, /dev/zero never ends, 3,000 nested arrays exhaust the
    parser's stack)."""
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: cannot read configuration: larger than "
                              f"{MAX_CONFIG_BYTES // 1024} KiB")
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{path}: cannot read configuration: not UTF-8 text (byte "
                          f"0x{raw[exc.start]:02x} on line {line}); save it as UTF-8") from exc
    except NotRegular as exc:
        raise ConfigError(f"{path}: cannot read configuration: not a regular file (a "
                          "folder, pipe or device); make it the project's TOML file") from exc
    except OSError as exc:  # the reason alone: "[Errno 21] Is a directory: 3" named an fd
        raise ConfigError(f"{path}: cannot read configuration: "
                          f"{(exc.strerror or str(exc)).lower()}") from exc
    except ValueError as exc:  # TOMLDecodeError
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    except RecursionError as exc:
        raise ConfigError(f"{path}: cannot read configuration: nested too deeply") from exc


def _inside(path: Path, root: Path, config: Config) -> None:
    """The configuration is part of the repository (and of pull requests): the files it
    names must be inside the repository, or a changed pyproject.toml could make a run
    read, and report on, files elsewhere on the machine."""
    real_root = real_path(root)
    for key, value in [("paths", p) for p in config.paths] + [("reviews", config.reviews)]:
        if "\0" in value or len(value) > MAX_PATH_CHARS:
            raise ConfigError(f"{path}: [tool.fact-checks] {key}: '{value[:60]}…' is not a usable "
                              f"path (a NUL character, or over {MAX_PATH_CHARS} characters)")
        try:
            inside = real_path(root / value).is_relative_to(real_root)
        except (OSError, RuntimeError, ValueError):
            inside = False
        if not inside:
            raise ConfigError(f"{path}: [tool.fact-checks] {key}: '{value[:200]}' is outside "
                              "the repository; name a file or folder inside it")
