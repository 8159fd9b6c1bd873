"""pytest plugin: each fact file is a test item, so ``pytest`` runs the fact checks.

Registered through the ``pytest11`` entry point named ``checks.pytest_plugin``,
the module's own name, so that ``-p checks.pytest_plugin`` (how to load it
without the installed entry point) never registers it twice.

When it collects: only where a project asks for it, because the plugin is
installed with the package and must not touch other projects' YAML files. It
is on when the rootdir's ``pyproject.toml`` has a ``[tool.fact-checks]``
section, or when ``--fact-checks`` is given; ``--no-fact-checks`` (or
``-p no:checks.pytest_plugin``) turns it off. It then collects the YAML files under the
configured ``paths`` (default ``facts/``) that pytest visits: list the folder
in ``testpaths`` (``testpaths = ["tests", "facts"]``) so a bare ``pytest`` runs
both the harness's tests and the fact checks, or name it (``pytest facts``).

What runs: the engine, once per session (once per worker under xdist), over
the whole configured corpus, because rules compare records with each other;
reviews in ``facts/reviews.yaml`` apply as in ``check``. Then:

* ``<file>::fact-checks`` fails with the findings located in that file that
  fail the run (at or above ``fail-on``, not reviewed), in the ``text``
  format: ``path:line:col: severity CODE message`` and the claims involved;
* ``<first file>::fact-checks-corpus`` fails with failing findings located in
  no collected file (a file outside the collected set, a deselected file), so
  nothing can pass unseen.

Every finding of an item is also a JUnit property (``pytest --junitxml``):
``finding`` (failing), ``reviewed`` or ``notice`` (below ``fail-on``), each
``CODE severity path:line:col fingerprint``; ``codes`` lists the failing codes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .atomic import real_path
from .config import Config, ConfigError, load_config, read_toml
from .corpus import YAML_SUFFIXES, printable_name, shown_path
from .engine import select
from .findings import Finding
from .pipeline import RunResult, execute

ITEM_NAME = "fact-checks"
CORPUS_ITEM_NAME = "fact-checks-corpus"


class FactCheckFailure(Exception):
    """Findings that fail an item; its text is the report pytest shows."""


@dataclass
class _State:
    root: Path
    enabled: bool
    config: Config | None = None
    error: str | None = None
    corpus_item: bool = False  # the corpus-wide item is created once
    runs: int = 0
    _result: RunResult | None = field(default=None, repr=False)
    # Per run, once: each of ten thousand items scanning every finding was quadratic.
    _by_path: dict[str, list[Finding]] | None = field(default=None, repr=False)
    _failing: set[str] | None = field(default=None, repr=False)

    def owns(self, file: Path) -> bool:
        if self.config is None and self.error is None:
            return False
        if file.suffix.lower() not in YAML_SUFFIXES or printable_name(str(file)) != str(file):
            # A name that is not UTF-8 makes a test id pytest's JUnit XML cannot encode
            # (a traceback at the session's end): the corpus item reports its findings.
            return False
        paths = self.config.paths if self.config else ("facts",)
        for base in (self.root / p for p in paths):
            try:
                rel = real_path(file).relative_to(real_path(base))
            except ValueError:
                continue
            # Hidden folders are skipped, as the corpus skips them.
            return not any(part.startswith(".") for part in rel.parts[:-1])
        return False

    def result(self) -> RunResult:
        if self.error is not None:
            raise FactCheckFailure(f"fact-checks cannot run: {self.error}")
        if self._result is None:
            assert self.config is not None
            self._result = _run(self.root, self.config)
            self.runs += 1
        return self._result

    def by_path(self) -> dict[str, list[Finding]]:
        if self._by_path is None:
            table: dict[str, list[Finding]] = {}
            for f in self.result().findings:
                table.setdefault(f.location.path, []).append(f)
            self._by_path = table
        return self._by_path

    def failing(self) -> set[str]:
        if self._failing is None:
            self._failing = {f.fingerprint for f in self.result().failing()}
        return self._failing


_STASH = pytest.StashKey[_State]()


def _run(root: Path, config: Config) -> RunResult:
    from . import triage

    paths = [root / p for p in config.paths if (root / p).exists()]
    result = execute(paths, root, config, select(config))
    triage.apply(result, config)
    return result


def _wanted(root: Path) -> bool:
    """Whether the rootdir's pyproject.toml has ``[tool.fact-checks]``. One that cannot be
    read is a usage error: opened as a file, a FIFO hung every pytest run, and one that is
    not UTF-8 or not a file turned the checks off without a word."""
    pyproject = root / "pyproject.toml"
    if not os.path.lexists(pyproject):
        return False
    try:
        tool = read_toml(pyproject).get("tool", {})
    except ConfigError as exc:
        raise pytest.UsageError(f"fact-checks: {exc} (fix the file, or pass "
                                "--no-fact-checks)") from exc
    return isinstance(tool, dict) and "fact-checks" in tool


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fact-checks", "fact-consistency checks of fact files")
    group.addoption("--fact-checks", action="store_true", default=False,
                    help="collect fact files even without [tool.fact-checks] in pyproject.toml")
    group.addoption("--no-fact-checks", action="store_true", default=False,
                    help="do not collect fact files")


def pytest_configure(config: pytest.Config) -> None:
    root = config.rootpath
    enabled = not config.getoption("no_fact_checks") and (
        bool(config.getoption("fact_checks")) or _wanted(root))
    state = _State(root=root, enabled=enabled)
    if enabled:
        try:
            # The rootdir's own pyproject only: never a parent folder's.
            pyproject = root / "pyproject.toml"
            state.config = load_config(root, pyproject) if os.path.lexists(pyproject) \
                else Config()
        except ConfigError as exc:
            state.error = str(exc)
    config.stash[_STASH] = state
    config.addinivalue_line("markers", "fact_checks: a fact-checks item (a fact file or the corpus)")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FactFile | None:
    state = parent.config.stash.get(_STASH, None)
    if state is None or not state.enabled or not state.owns(file_path):
        return None
    node: FactFile = FactFile.from_parent(parent, path=file_path)
    return node


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A configuration error fails the items it reaches; with none collected (its folders
    unknown while the configuration is broken: ``paths = ["data"]`` beside a misspelt
    option) the error vanished and the run passed on the other tests. It fails the
    session instead."""
    state = session.config.stash.get(_STASH, None)
    if state is None or state.error is None or state.corpus_item:
        return
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_line(f"fact-checks cannot run (no fact file was collected): "
                            f"{state.error}", red=True)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    state = config.stash.get(_STASH, None)
    if state is None or state._result is None:
        return
    result = state._result
    reviewed = sum(1 for f in result.findings if result.is_reviewed(f))
    terminalreporter.write_line(
        f"fact-checks: {len(result.findings)} findings, {len(result.failing())} failing "
        f"(fail-on {result.fail_on}), {reviewed} reviewed")


class FactFile(pytest.File):
    """A fact file: one item for its findings (and the corpus item, once)."""

    def collect(self) -> list[pytest.Item]:
        state = self.config.stash[_STASH]
        items: list[pytest.Item] = [FactItem.from_parent(self, name=ITEM_NAME)]
        if not state.corpus_item:
            # Like pytest-mypy's status item: findings owned by no collected file land here.
            state.corpus_item = True
            items.append(CorpusItem.from_parent(self, name=CORPUS_ITEM_NAME))
        return items


class _Item(pytest.Item):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("fact_checks")

    @property
    def state(self) -> _State:
        return self.config.stash[_STASH]

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> Any:
        if excinfo.errisinstance(FactCheckFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def _check(self, findings: list[Finding], heading: str) -> None:
        result = self.state.result()
        failing = self.state.failing()
        for f in findings:
            kind = ("finding" if f.fingerprint in failing
                    else "reviewed" if result.is_reviewed(f) else "notice")
            loc = f.location
            self.user_properties.append(
                (kind, f"{f.rule} {f.severity.value} {loc.path}:{loc.line}:{loc.column} "
                       f"{f.fingerprint}"))
        bad = [f for f in findings if f.fingerprint in failing]
        if bad:
            self.user_properties.append(("codes", " ".join(sorted({f.rule for f in bad}))))
            raise FactCheckFailure(f"{heading}: {len(bad)} finding(s) at or above "
                                   f"{result.fail_on}\n{_text(result, bad)}")


def _text(result: RunResult, findings: list[Finding]) -> str:
    """The ``text`` reporter's lines for these findings, without its corpus summary."""
    from .reporters import REPORTERS

    part = RunResult(corpus=result.corpus, findings=findings, fail_on=result.fail_on,
                     root=result.root, extra=result.extra)
    lines = REPORTERS["text"].render(part).rstrip("\n").splitlines()
    return "\n".join(lines[:-1])


class FactItem(_Item):
    """Fails with the failing findings located in its file."""

    @property
    def shown(self) -> str:
        return shown_path(self.path, self.state.root)

    def runtest(self) -> None:
        self._check(self.state.by_path().get(self.shown, []), self.shown)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        # No line: the item is the whole file (pytest's lines would be 0-based).
        return self.path, None, f"fact-checks {self.shown}"


class CorpusItem(_Item):
    """Fails with failing findings that no collected fact file owns."""

    def runtest(self) -> None:
        result = self.state.result()
        owned = {item.shown for item in self.session.items if isinstance(item, FactItem)}
        orphans = [f for f in result.findings if f.location.path not in owned]
        self._check(orphans, "findings in files no collected item covers")

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.state.root, None, "fact-checks corpus"
