"""Command line: ``fact-checks`` / ``python -m checks``.

``main()`` parses options, builds the parts, runs, and exits in one place.
Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or
internal error.
"""

from __future__ import annotations

import argparse
import errno
import io
import json
import logging
import os
import stat
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__, atomic, cache, triage
from .config import Config, ConfigError, find_pyproject, load_config
from .corpus import YAML_SUFFIXES, shown_path
from .engine import Selection, find_rule, registry, select
from .incremental import checked, checked_whole, stages_from_check
from .pipeline import RunResult
from .reporters import REPORTERS
from .stages import UNCHECKED_CODES

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

STAGE_CATEGORIES = ("load", "schema", "integrity")


class UsageError(Exception):
    """A problem with how the command was called: exit 2."""


def write_output(text: str, output: str | None) -> None:
    """Print, or write atomically (checks.atomic) so a reader never sees half a report;
    an existing report keeps its mode, and a device or folder is refused, not replaced."""
    if not output or output == "-":
        sys.stdout.write(text)
        return
    atomic.write(output_file(output), text.encode("utf-8"), durable=False)
    say_written(output)


def say_written(output: str | Path) -> None:
    """One line on stderr naming where the report went: with ``--output`` a successful
    run printed nothing at all, and a user (or a CI log) did not learn where to look."""
    from .reporters._common import log_path

    sys.stderr.write(f"fact-checks: wrote the report to {log_path(str(output))[:300]}\n")


def output_file(output: str | Path) -> Path:
    """The file a report named ``output`` goes to, its folder created. A symlink is
    followed, as a shell's ``>`` and ``fmt`` follow one: the report went over the link
    itself, so a link to a shared report folder (or a dangling one, made before its first
    report) was silently replaced by a private copy. Whether the link may be followed at
    all was settled before the run (:func:`refuse_overwriting_inputs`)."""
    target = Path(output)
    if _through_link(target):
        target = atomic.real_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _through_link(path: Path) -> bool:
    """Whether ``path`` or one of its folders is a symlink."""
    return bool(_links(path))


def _links(path: Path) -> list[Path]:
    """The symlinks among ``path`` and its folders, outermost first."""
    whole = Path(os.path.abspath(path))
    return [p for p in (*reversed(whole.parents), whole) if os.path.islink(p)]


def refuse_overwriting_inputs(output: Path | None, root: Path, config: Config,
                              args: argparse.Namespace) -> None:
    """Stop before the run when the report would be written over what the run reads:
    ``--output facts/reviews.yaml`` replaced the reviews file with a JSON report, every
    comment and review lost. Refused: the configuration file, the reviews file, and in
    a checked path an existing file (a record, an archived text) or a new YAML name
    (the next run would read the report as a fact file); a new report.json beside the
    records harms nothing. ``output`` is the file written (``report``: DIR/index.html)."""
    if output is None or str(output) == "-":
        return
    problem = (_link_leaves(output, root) or _not_a_file(output)
               or _an_input(output, root, config, args)
               or _in_checked(output, root, config, args) or _reached(output, root, config, args))
    if problem:
        raise UsageError(f"--output: '{str(output)[:200]}' {problem}")


def _link_leaves(output: Path, root: Path) -> str | None:
    """A report named inside the repository that a symlink would send out of it (as
    ``fmt`` refuses to): a link committed in a pull request made the CI job's report
    replace a file of the machine's, such as a shell's start-up file. A loop is refused
    too; a report named outside the repository goes where its links lead."""
    for link in _links(output):
        real = atomic.real_path(link)
        if os.path.islink(real):  # still a link once resolved
            return (f"goes through the symlink loop '{shown_path(link, root)[:200]}': nothing "
                    "can be written through it; name another file")
        if atomic.real_path(link.parent).is_relative_to(root) and not real.is_relative_to(root):
            return (f"goes through the symlink '{shown_path(link, root)[:200]}' to "
                    f"'{str(real)[:200]}', outside the repository: a report is not written "
                    "through it; remove the link or name another file")
    return None


def _not_a_file(output: Path) -> str | None:
    """An output that exists and is no regular file: the report is written beside it and
    renamed into place, so a folder or device cannot take it. It was refused only after
    the whole run, as "/dev/null: not a regular file"."""
    try:
        mode = os.stat(output).st_mode
    except (OSError, ValueError):
        return None  # nothing there yet (or a loop, refused above)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder; name a file in it"
    return ("is a device or pipe, not a file: a report is written whole and renamed into "
            "place; to discard it, leave --output out and redirect standard output")


def _an_input(output: Path, root: Path, config: Config, args: argparse.Namespace) -> str | None:
    config_file = Path(args.config) if args.config else find_pyproject(root)
    for what, path in (("the configuration file", config_file),
                       ("the reviews file", triage.reviews_location(root, config, args.reviews))):
        if path is not None and _same_file(output, path):
            return f"is {what} the run reads: the report would replace it; name another file"
    return None


def _in_checked(output: Path, root: Path, config: Config, args: argparse.Namespace) -> str | None:
    real = atomic.real_path(output)
    # through a link, what is (or is not yet) where it leads: a link to a new report.json
    # beside the records harms no more than naming that file
    target = real if _through_link(output) else output
    if not (os.path.lexists(target) or target.name.endswith(YAML_SUFFIXES)):
        return None
    given = [(p, Path(p)) for p in getattr(args, "paths", None) or []]
    for name, path in given + [(p, root / p) for p in config.paths]:
        if real == atomic.real_path(path):
            return (f"is '{name[:200]}', which the run checks: the report would replace it; "
                    "name another file")
        if real.is_relative_to(atomic.real_path(path)):
            why = ("the report would replace what the run reads there" if os.path.lexists(target)
                   else "the next run would read the report as a fact file")
            return f"is in '{name[:200]}', which the run checks: {why}; name a file outside it"
    return None


def _reached(output: Path, root: Path, config: Config, args: argparse.Namespace) -> str | None:
    """An output outside the checked paths that a file in them reaches: an archived text
    that is a link to archive/a.txt (or a hard link) was replaced through --output
    archive/a.txt."""
    try:
        inode = os.stat(output).st_ino
    except (OSError, ValueError):
        return None  # nothing there yet: no input is that file under another name
    given = [Path(p) for p in getattr(args, "paths", None) or []]
    for file in _files_under([*given, *(root / p for p in config.paths)], inode):
        if _same_file(file, output):
            return (f"is also '{shown_path(file, root)[:200]}' (through a link), which the "
                    "run reads: the report would replace it; name another file")
    return None


def _files_under(paths: list[Path], inode: int) -> Iterator[Path]:
    """The files under the paths that may be the file ``inode`` under another name:
    links, hard links of it and every file of a linked folder (each folder walked once;
    hidden ones skipped, as the loader skips them). A directory entry carries its inode,
    so 20,000 records cost no stat call each."""
    seen: set[str] = set()
    stack = [(str(p), os.path.islink(p)) for p in paths]
    while stack:
        top, linked = stack.pop()
        real = os.path.realpath(top)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = list(os.scandir(top))
        except NotADirectoryError:
            yield Path(top)
            continue
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and not entry.name.startswith("."):
                stack.append((entry.path, linked or entry.is_symlink()))
            elif linked or entry.is_symlink() or entry.inode() == inode:
                yield Path(entry.path)


def _same_file(a: Path, b: Path) -> bool:
    """The same path once links are followed, or the same file under two names (a hard
    link)."""
    if atomic.real_path(a) == atomic.real_path(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one of them does not exist
        return False


# ---------------------------------------------------------------- commands


def input_paths(args: argparse.Namespace, config: Config, root: Path) -> list[Path]:
    """The PATHS given, else the configured ones; a usage error names any that is missing."""
    raw = args.paths or [str(root / p) for p in config.paths]
    paths = [Path(p) for p in raw]
    missing = [str(p)[:200] for p in paths if not _exists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if args.paths:
        # One record checked alone still names entities and predicates: read them from
        # the configured registry and vocabulary, or every reference is 'unknown'.
        paths += registry_files([root / p for p in config.paths], given=paths)
    return paths


def _covered(file: Path, given: Sequence[Path]) -> bool:
    """Whether ``file`` is one of the PATHS or lies in a folder among them: read twice,
    the registry's every entity was a duplicate id (I003)."""
    target = os.path.abspath(file)
    for path in given:
        base = os.path.abspath(path)
        if target == base or target.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False


REGISTRY_KEYS = ("entities:", "predicates:")


def registry_files(folders: list[Path], given: Sequence[Path] = ()) -> list[Path]:
    """The registry and vocabulary files among the configured paths, but for those under
    ``given``: the YAML files whose first key is ``entities`` or ``predicates``."""
    from .corpus import discover

    # A file under the PATHS is read anyway; opening ten thousand records here only to
    # skip them was a quarter of a re-check.
    found = []
    for file in discover([f for f in folders if _exists(f) and not _covered(f, given)]):
        if _covered(file, given):
            continue
        try:
            with file.open("rb") as fh:
                head = fh.read(4096).decode("utf-8", "replace")
        except OSError:
            continue  # the run itself reports an unreadable file if it is given
        first = next((line for line in head.splitlines()
                      if line.strip() and not line.lstrip().startswith("#")), "")
        if first.startswith(REGISTRY_KEYS):
            found.append(file)
    return found


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long for the system, a NUL character
        return False


def run_pipeline(args: argparse.Namespace, *, rules: bool, incremental: bool = False,
                 whole: bool = False, output: Path | None = None) -> RunResult:
    """Configuration, selection, the run and triage, from the input options. With
    ``incremental``, a check starts from the previous run's stored state when the
    cache holds one (checks.incremental), and stores its own for the next; with
    ``whole`` (a report of the whole corpus) too, and the corpus is built in full.
    ``output``: the file the report goes to, refused before the run if it is an input."""
    root = atomic.real_path(args.root)
    config, selection = preflight(
        args, root, output=output, only=None if rules else STAGE_CATEGORIES,
        what="rule to run" if rules else "load, schema or integrity code for validate to report")
    paths = input_paths(args, config, root)

    def triaged(ran_rules: bool) -> Callable[[RunResult], None]:
        def after(result: RunResult) -> None:
            # Triage can only call a review stale after a run that could have produced its
            # finding.
            result.extra["scope"] = {"rules": ran_rules,
                                     "complete": not (args.paths or narrowed(args))}
            _apply_triage(result, config, args)
        return after

    result: RunResult | None = None
    if incremental and not rules:
        check = rule_selection(config, args)
        result = stages_from_check(paths, root, config, check, selection, fail_on=args.fail_on,
                                   check_after=triaged(True), after=triaged(False))
    if result is None and whole and rules:
        result = checked_whole(paths, root, config, selection, fail_on=args.fail_on,
                               after=triaged(rules))
    if result is None:
        result = checked(paths, root, config, selection, fail_on=args.fail_on,
                         quick=incremental and rules, after=triaged(rules), rules=rules)
    result.extra["rules_url"] = config.rules_url  # where SARIF links each rule's page
    warn_if_empty(result, args.paths or config.paths)
    return result


def preflight(args: argparse.Namespace, root: Path, *, output: Path | None,
              only: Iterable[str] | None = None, what: str = "rule to run",
              reviews: bool = True) -> tuple[Config, Selection]:
    """The configuration and the selection, and every refusal that stops a run before it
    starts (check, validate, report and diff alike): a selection of nothing, a named
    reviews file that is missing or not one (``reviews``: the working tree's is read),
    an output that is an input."""
    config = load_config(root, Path(args.config) if args.config else None)
    selection = rule_selection(config, args, only=only)
    require_rules(selection, config, args, what=what)
    if reviews:
        triage.reviews_path(root, config, args.reviews)
    refuse_overwriting_inputs(output, root, config, args)
    return config, selection


def warn_if_empty(result: RunResult, paths: Sequence[str]) -> None:
    """A run that found no fact record compared nothing: it may pass, but not unseen
    (a misspelt folder under ``paths``, records moved elsewhere)."""
    if result.counts()["sources"] == 0:
        where = ", ".join(str(p)[:200] for p in paths[:5])
        sys.stderr.write(f"fact-checks: warning: no fact records found under {where}: "
                         "nothing was compared\n")


def exit_code(result: RunResult) -> int:
    return EXIT_FINDINGS if result.failed else EXIT_OK


def _run(args: argparse.Namespace, *, rules: bool) -> int:
    reporter = REPORTERS.get(args.format)
    if reporter is None:
        raise UsageError(f"unknown format '{args.format}'; choose from {', '.join(REPORTERS)}")
    whole = bool(getattr(reporter, "needs_corpus", False))
    output = Path(args.output) if args.output else None
    result = run_pipeline(args, rules=rules, incremental=not whole, whole=whole, output=output)
    try:
        write = getattr(reporter, "write", None)
        if write is not None and args.output and args.output != "-":
            write(result, output_file(args.output))
            say_written(args.output)
        else:
            write_output(reporter.render(result), args.output)
        return exit_code(result)
    finally:
        result.close()


def _apply_triage(result: RunResult, config: Config, args: argparse.Namespace) -> None:
    """Mark reviewed findings (facts/reviews.yaml or --reviews). The findings about the
    reviews honour --select and --ignore: ``--ignore T006`` still reported T006."""
    triage.apply(result, config, reviews=getattr(args, "reviews", None),
                 selection=rule_selection(config, args))


def cmd_validate(args: argparse.Namespace) -> int:
    return _run(args, rules=False)


def cmd_check(args: argparse.Namespace) -> int:
    return _run(args, rules=True)


def cmd_rules(args: argparse.Namespace) -> int:
    specs = list(registry().values())
    if args.format == "markdown":  # docs/rules.md, which SARIF's helpUri links to
        from .ruledocs import render

        sys.stdout.write(render())
        return EXIT_OK
    if args.format == "json":
        rows = [{"code": s.code, "name": s.name, "category": s.category,
                 "severity": s.severity.value, "summary": s.summary} for s in specs]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    for s in specs:
        sys.stdout.write(f"{s.code}  {s.name:<36} {s.category:<13} {s.severity.value:<8} "
                         f"{s.summary}\n")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    spec = find_rule(args.code)
    if spec is None:
        raise UsageError(f"no rule '{args.code[:100]}'; 'python -m checks rules' lists them")
    fields = spec.options.model_fields
    # Each docstring has its own "Options:" section; the typed defaults follow it, once,
    # and only when there are some ("Options: none." was followed by "Options: (none)").
    options = "\n".join(f"  {name} (default {f.default!r}): {f.description or ''}"
                        for name, f in fields.items())
    sys.stdout.write(f"{spec.code} {spec.name}  [{spec.category}, default {spec.severity.value}]"
                     f"\n\n{spec.doc.strip()}\n"
                     + (f"\nOption defaults:\n{options}\n" if options else ""))
    return EXIT_OK


def cmd_schemas(args: argparse.Namespace) -> int:
    from .schemas import SCHEMA_DIR, drift, write

    if args.check:
        changed = drift()
        for name in changed:
            sys.stderr.write(f"{SCHEMA_DIR / name}: differs from the models; run "
                             "'python -m checks schemas' to regenerate\n")
        return EXIT_FINDINGS if changed else EXIT_OK
    for name in write():
        sys.stdout.write(f"wrote {SCHEMA_DIR / name}\n")
    return EXIT_OK


# ------------------------------------------------------------------ parser


def _common(p: argparse.ArgumentParser) -> None:
    input_options(p)
    p.add_argument("--format", default="text", help=f"output format: {', '.join(REPORTERS)}")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")


def input_options(p: argparse.ArgumentParser) -> None:
    """What to check and how: shared by every command that runs the pipeline."""
    p.add_argument("paths", nargs="*", help="fact files or folders (default: facts/)")
    p.add_argument("--fail-on", choices=("error", "warning", "info", "none"),
                   help="lowest severity that fails the run (default: error)")
    add_rule_options(p)
    p.add_argument("--root", default=".", help="repository root (default: current folder)")
    p.add_argument("--config", help="pyproject.toml to read [tool.fact-checks] from")
    p.add_argument("--reviews", help="reviewed-findings file (default: facts/reviews.yaml)")


Handler = Callable[[argparse.Namespace], int]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; of the built-in ones only when the arguments name one
    (``command``): importing the others' modules (drafting's extractor, the HTML report,
    diff, fmt's round-trip YAML) was a tenth of a second of every re-check."""
    parser = argparse.ArgumentParser(
        prog="fact-checks", description="Fact-consistency checks for curated news coverage.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    table: list[tuple[str, str, Handler, Callable[[argparse.ArgumentParser], object]]] = [
        ("validate", "load and validate records (schema, references, evidence)", cmd_validate,
         _common),
        ("check", "validate, then run every selected consistency rule", cmd_check, _common),
        ("rules", "list the rules", cmd_rules,
         lambda p: p.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                                 help="markdown: the page docs/rules.md")),
        ("explain", "print one rule's documentation", cmd_explain,
         lambda p: p.add_argument("code", help="rule code or dotted name")),
        ("schemas", "regenerate schemas/*.json from the models", cmd_schemas,
         lambda p: p.add_argument("--check", action="store_true", help="fail if they drift")),
    ]
    if command not in {name for name, *_ in table}:
        table += _plugins()
    for name, help_, handler, configure in table:
        p = sub.add_parser(name, help=help_, description=help_)
        configure(p)
        p.set_defaults(handler=handler)
    return parser


def _plugins() -> list[tuple[str, str, Handler, Callable[[argparse.ArgumentParser], object]]]:
    """Commands contributed by other modules (report, diff, new, fmt, entities)."""
    from .commands import discover

    return discover()


PATH_OPTIONS = {
    "output": "name the file (or, for report, the folder) to write; '-' is standard output",
    "reviews": "name the reviewed-findings file, or leave the option out for the configured one",
    "config": "name the pyproject.toml to read, or leave the option out to find it",
    "root": "name the repository's folder, or leave the option out for the current one",
}


def refuse_empty_paths(args: argparse.Namespace) -> None:
    """An empty path given on the command line is a usage error: Path('') is the
    current folder, so ``--output ''`` wrote ./index.html and ``--reviews ''`` fell back
    to the default file, each without a word."""
    for name, fix in PATH_OPTIONS.items():
        if getattr(args, name, None) == "":
            raise UsageError(f"--{name} is empty: {fix}")
    if "" in (getattr(args, "paths", None) or []):
        raise UsageError("an empty path was given among PATHS: name a fact file or folder")
    _refuse_root_that_is_no_folder(getattr(args, "root", None))
    for name in ("select", "extend_select", "ignore"):
        if getattr(args, name, None) == []:  # given, but only commas and spaces
            raise UsageError(f"--{name.replace('_', '-')} names no rule code; give codes, prefixes, names or "
                             "categories (A401, A, attribution), or leave the option out")


def _refuse_root_that_is_no_folder(root: str | None) -> None:
    """``--root pyproject.toml`` said "no such file or folder: pyproject.toml/facts", and a
    missing root named its facts folder, not the option."""
    if root is None or root == "":
        return
    if not _exists(Path(root)):
        raise UsageError(f"--root: no such folder: '{root[:200]}'; name the repository's folder")
    if not os.path.isdir(root):
        raise UsageError(f"--root: '{root[:200]}' is a file, not a folder; name the "
                         "repository's folder (the one holding pyproject.toml)")


def rule_selection(config: Config, args: argparse.Namespace,
                   only: Iterable[str] | None = None) -> Selection:
    """The rules a command runs: ``--select`` replaces the configured ``select`` (as in
    ruff and flake8: ``--select Q201`` runs Q201), ``--extend-select`` adds to it, and
    ``--ignore`` adds to the configured ``ignore``. A file left out of the run is
    reported whatever the selection (``engine.select``)."""
    if args.select:
        config = config.model_copy(update={"select": tuple(args.select)})
    return select(config, extra_select=getattr(args, "extend_select", None) or (),
                  extra_ignore=args.ignore or (), only=only)


def narrowed(args: argparse.Namespace) -> bool:
    """Whether the options ran fewer rules than the configuration: a review's finding may
    then just not have run, so no review is called stale."""
    return bool(args.select or args.ignore)


def require_rules(selection: Selection, config: Config, args: argparse.Namespace, *,
                  what: str = "rule to run") -> None:
    """A selection that leaves nothing to run is a usage error: the run would check
    nothing and pass."""
    if set(selection.specs) - UNCHECKED_CODES:  # those are always on: they prove nothing ran
        return
    chosen = ", ".join(args.select or [*config.select, *(getattr(args, "extend_select", None) or ())])
    dropped = ", ".join([*config.ignore, *(args.ignore or ())]) or "nothing"
    raise UsageError(f"the selection (select {chosen}; ignore {dropped}) leaves no {what}; "
                     "select at least one code")


class _Closed(io.TextIOBase):
    """What the command writes to a standard stream it was started without (``>&-``):
    Python leaves ``sys.stdout`` None there, and the report ended in a traceback."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, f"the standard {self.name} is closed: nothing can be "
                      "written to it; name a file with --output or open the stream")


def _open_streams() -> None:
    if sys.stdout is None:
        sys.stdout = _Closed("output")
    if sys.stderr is None:  # errors have nowhere to go: the exit code still tells
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _command(argv: Sequence[str]) -> str | None:
    """The command the arguments start with, if they do (not with --help or --version)."""
    return argv[0] if argv and not argv[0].startswith("-") else None


def main(argv: Sequence[str] | None = None) -> int:
    _open_streams()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_command(argv))
    args = parser.parse_args(argv)
    if os.environ.get("FACT_CHECKS_DEBUG"):  # e.g. why a re-check ran everything
        logging.basicConfig(level=logging.DEBUG, format="fact-checks: %(message)s")
    try:
        refuse_empty_paths(args)
        code: int = args.handler(args)
    except (UsageError, ConfigError, atomic.WriteRefused) as exc:
        _error(str(exc))
        code = EXIT_ERROR
    except KeyboardInterrupt:  # said, or an exit 2 after Ctrl-C read as an unexplained error
        sys.stderr.write("fact-checks: interrupted; a report being written was left as it "
                         "was (each file is replaced whole or not at all)\n")
        code = EXIT_ERROR
    except OSError as exc:  # the system refused a path given on the command line
        name = str(exc.filename or "")[:200]
        _error(f"{exc.strerror or exc}{': ' + name if name else ''}")
        code = EXIT_ERROR
    except Exception:  # an internal error must not look like a finding
        sys.stderr.write("fact-checks: internal error (please report it):\n")
        traceback.print_exc()
        code = EXIT_ERROR
    return code


def _error(message: str) -> None:
    """One error line, each unprintable character written as its escape: a path given on
    the command line (pre-commit passes a pull request's file names) went out as it was,
    and "no such file or folder: x\\x1b[2J" cleared the terminal of whoever ran it."""
    from .reporters._common import log_path

    # line by line: a message may show an entry to paste on a line of its own
    shown = "\n".join(log_path(line) for line in message.split("\n"))
    sys.stderr.write(f"fact-checks: error: {shown}\n")


def main_exit() -> NoReturn:
    """Console-script entry point, and ``python -m checks``.

    The process ends without tearing down what the run built: freeing ten thousand
    articles' models one object at a time takes seconds after the report is written,
    and nothing is left to do with them. Everything the run opened is closed by then;
    the standard streams are flushed here. For the same reason what the run builds
    is frozen out of the cycle collector's sight (``cache.FREEZE_AFTER_PAUSE``)."""
    cache.FREEZE_AFTER_PAUSE = True
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away (``| head``), a closed stream
            code = code or EXIT_ERROR
    if sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        sys.exit(code)  # coverage or a profiler writes its results at exit
    os._exit(code)


class _Codes(argparse.Action):
    """``--select A401,A402`` and ``--select A401 --select A402`` alike."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        items = list(getattr(namespace, self.dest) or [])
        items.extend(v.strip() for v in str(values).split(",") if v.strip())
        setattr(namespace, self.dest, items)


def add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--select", action=_Codes,
                   help="run only these codes/prefixes/categories instead of the configured "
                        "'select' (repeat it or use commas); files that do not load or validate "
                        "are reported whatever the selection")
    p.add_argument("--extend-select", action=_Codes,
                   help="run these codes/prefixes/categories as well as the configured ones")
    p.add_argument("--ignore", action=_Codes,
                   help="skip these codes/prefixes/categories (repeat it or use commas)")
