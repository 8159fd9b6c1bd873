"""``python -m benchmarks --articles N [N ...] [--json]``: our check against
check-jsonschema and the parse + validate floor, on one generated corpus.

For each size it generates (once, deterministically) a corpus under
``out/bench/`` and runs, one after the other on the same files:

1. ``check``: the whole ``python -m checks check --format json`` with no cache
   (cold): loading, validation, every rule and the JSON report;
2. ``recheck``: one article changed (one claim's proposition negated), the
   cache of run 1 present; then, unless ``--no-verify``, a cold run of the
   changed corpus whose report must be byte-identical;
3. ``check-jsonschema``: the same files against our committed schemas
   (schema only), when installed;
4. the floor (``benchmarks/floor.py``): the fastest parse + validate available.

With ``--commands`` it also times, on the changed corpus with the cache of the
re-check, the other commands a pull request's CI runs (``validate``, ``check``
in the SARIF, JUnit and Markdown formats, the HTML ``report`` and ``diff HEAD``
against the unchanged corpus committed to a git repository in its folder): a
command that outgrows the corpus shows here before it reaches a newsroom.

Times are wall-clock seconds of the whole process (the floor: its parse and
validate loop only). Peak memory is the largest resident set of the check's
process tree (the process and its loader pool together), sampled every 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .generate import ensure

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas"


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


PYCACHE = REPO / "out" / "bench" / "pycache"


def _env(env: dict[str, str] | None) -> dict[str, str]:
    """Every measured program runs with its bytecode cached (as an installed package
    does), even where the shell says not to write bytecode: compiling the sources
    again is the interpreter's cost, not the program's."""
    out = dict(os.environ if env is None else env)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    out["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return out


def warm_bytecode() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "checks"),
                    str(REPO / "benchmarks")], env=_env(None), check=False,
                   stdout=subprocess.DEVNULL)


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a command; its wall time, exit code and peak tree memory."""
    # The previous command's writes (a cold run stores a gigabyte of cache at 10,000
    # articles) reach the disk first, so that one measurement does not pay for another's.
    if hasattr(os, "sync"):
        os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(env),
                            cwd=REPO)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    thread.join()
    return {"seconds": seconds, "rc": proc.returncode, "peak_rss_mb": peak[0] / 2**20,
            "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")}


def _check(corpus: Path, output: Path, *, cache: bool) -> dict[str, Any]:
    env = dict(os.environ)
    if not cache:
        env["FACT_CHECKS_CACHE"] = "off"
    else:
        env.pop("FACT_CHECKS_CACHE", None)
    result = measure([sys.executable, "-m", "checks", "check", "--root", str(corpus),
                      str(corpus / "facts"), "--format", "json", "--fail-on", "none",
                      "--output", str(output)], env)
    if result["rc"] != 0:
        raise SystemExit(f"check failed ({result['rc']}):\n{result['stderr'][-3000:]}")
    return result


def _edit(corpus: Path) -> tuple[Path, bytes]:
    """Negate one body claim's proposition in the middle article; return what to restore.
    A body claim, not the headline: a generated headline's speaker is drawn at random, so
    H701 may report it already, and negating it might show nothing new."""
    records = sorted((corpus / "facts").glob("art-*.yaml"))
    target = records[len(records) // 2]
    raw = target.read_bytes()
    lines = raw.decode("utf-8").split("\n")
    headline = False
    for i, line in enumerate(lines):
        if line.startswith("  - id: "):
            headline = False
        headline = headline or line == "    part: headline"
        if (line.startswith("    says: {") and "negated" not in line and "stance" not in line
                and not headline):
            lines[i] = line[:-1] + ", negated: true}"
            break
    target.write_text("\n".join(lines), encoding="utf-8")
    return target, raw


def _check_jsonschema(corpus: Path) -> dict[str, Any] | None:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).with_name(
        "check-jsonschema"))
    if not Path(exe).exists():
        return None
    facts = corpus / "facts"
    groups = {"record": sorted(str(p) for p in facts.glob("art-*.yaml")),
              "entities": [str(facts / "entities.yaml")],
              "vocabulary": [str(facts / "vocabulary.yaml")]}
    seconds, peak = 0.0, 0.0
    for kind, files in groups.items():
        for i in range(0, len(files), 5000):  # stay far below the argument-length limit
            r = measure([exe, "--schemafile", str(SCHEMAS / f"{kind}.schema.json"),
                         *files[i:i + 5000]])
            if r["rc"] != 0:
                raise SystemExit(f"check-jsonschema rejected the corpus:\n{r['stdout'][-2000:]}")
            seconds += r["seconds"]
            peak = max(peak, r["peak_rss_mb"])
    return {"seconds": seconds, "peak_rss_mb": peak}


def _floor(corpus: Path) -> dict[str, Any] | None:
    r = measure([sys.executable, "-m", "benchmarks.floor", str(corpus)])
    if r["rc"] != 0:
        return None
    result: dict[str, Any] = json.loads(r["stdout"])
    return result if not result.get("invalid") else None


# The other commands of a pull request's CI run: (name, arguments, output is a folder).
COMMANDS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("validate", ("validate", "--format", "json"), False),
    ("check_sarif", ("check", "--format", "sarif"), False),
    ("check_junit", ("check", "--format", "junit"), False),
    ("check_markdown", ("check", "--format", "markdown"), False),
    ("report_html", ("report",), True),
    # Last: its base side stores a state for the base revision in the shared cache.
    ("diff_json", ("diff", "HEAD", "--format", "json"), False),
)


def _git(corpus: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost",
                    "-c", "commit.gpgsign=false", *args], cwd=corpus, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def commit(corpus: Path) -> None:
    """Make the corpus folder a git repository holding the corpus as generated (once),
    so that ``diff HEAD`` has a base; the cache folder stays out of it."""
    if (corpus / ".git").is_dir():
        return
    (corpus / ".gitignore").write_text(".fact-checks-cache/\n", encoding="utf-8")
    _git(corpus, "init", "-q")
    _git(corpus, "add", "-A")
    _git(corpus, "commit", "-q", "-m", "generated corpus")


def run_commands(corpus: Path, reports: Path) -> dict[str, dict[str, Any]]:
    """Time each of :data:`COMMANDS` on the corpus as it stands, cache warm."""
    env = dict(os.environ)
    env.pop("FACT_CHECKS_CACHE", None)
    out: dict[str, dict[str, Any]] = {}
    for name, args, folder in COMMANDS:
        target = reports / (name if folder else f"{name}.out")
        r = measure([sys.executable, "-m", "checks", *args, "--root", str(corpus),
                     "--fail-on", "none", "--output", str(target)], env)
        if r["rc"] != 0:
            raise SystemExit(f"{name} failed ({r['rc']}):\n{r['stderr'][-3000:]}")
        written = sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) \
            if folder else target.stat().st_size
        out[name] = {"seconds": r["seconds"], "peak_rss_mb": r["peak_rss_mb"],
                     "output_mb": written / 2**20}
    return out


def bench(articles: int, seed: int, workdir: Path, verify: bool,
          commands: bool = False) -> dict[str, Any]:
    corpus = workdir / f"corpus-{articles}-seed{seed}"
    manifest = ensure(corpus, articles, seed)
    shutil.rmtree(corpus / ".fact-checks-cache", ignore_errors=True)
    reports = workdir / f"reports-{articles}"
    reports.mkdir(parents=True, exist_ok=True)
    if commands:
        commit(corpus)
    cold = measure_check(corpus, reports / "cold.json")
    target, original = _edit(corpus)
    timed: dict[str, dict[str, Any]] | None = None
    try:
        warm = _check(corpus, reports / "recheck.json", cache=True)
        identical = None
        if verify:
            _check(corpus, reports / "recheck-cold.json", cache=False)
            identical = ((reports / "recheck.json").read_bytes()
                         == (reports / "recheck-cold.json").read_bytes())
        if commands:
            timed = run_commands(corpus, reports)
    finally:
        target.write_bytes(original)
    cjs = _check_jsonschema(corpus)
    floor = _floor(corpus)
    summary = json.loads((reports / "cold.json").read_text("utf-8"))["summary"]
    row: dict[str, Any] = {
        "articles": articles, "claims": manifest["claims"], "files": summary["files"],
        "findings": summary["total"], "check_seconds": cold["seconds"],
        "check_jsonschema_seconds": cjs["seconds"] if cjs else None,
        "floor_seconds": floor["seconds"] if floor else None,
        "floor": floor["floor"] if floor else None,
        "recheck_seconds": warm["seconds"], "recheck_identical": identical,
        "peak_rss_mb": max(cold["peak_rss_mb"], warm["peak_rss_mb"]),
        "records_per_second": articles / cold["seconds"],
        "planted": {k: manifest[k] for k in ("conflicts", "attribution_gaps",
                                             "figure_conflicts")},
    }
    if timed is not None:
        row["commands"] = timed
    if cjs:
        row["check_vs_check_jsonschema"] = cold["seconds"] / cjs["seconds"]
    if floor:
        row["check_vs_floor"] = cold["seconds"] / floor["seconds"]
    return row


def measure_check(corpus: Path, output: Path) -> dict[str, Any]:
    return _check(corpus, output, cache=True)  # the cache folder was just emptied: cold


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def table(rows: list[dict[str, Any]]) -> str:
    head = ("| articles | claims | check s | check-jsonschema s | floor s | check / cjs "
            "| check / floor | records/s | recheck s | recheck = cold | peak RSS MiB |")
    out = [head, "|" + "---|" * 11]
    for r in rows:
        out.append("| " + " | ".join([
            _fmt(r["articles"]), _fmt(r["claims"]), _fmt(r["check_seconds"]),
            _fmt(r["check_jsonschema_seconds"]), _fmt(r["floor_seconds"]),
            _fmt(r.get("check_vs_check_jsonschema")), _fmt(r.get("check_vs_floor")),
            _fmt(r["records_per_second"], 0), _fmt(r["recheck_seconds"]),
            {True: "yes", False: "NO", None: "n/a"}[r["recheck_identical"]],
            _fmt(r["peak_rss_mb"], 0)]) + " |")
    return "\n".join(out)


def commands_table(rows: list[dict[str, Any]]) -> str:
    """Seconds, peak MiB and output MiB of each timed command, one row per size."""
    timed = [r for r in rows if "commands" in r]
    if not timed:
        return ""
    names = [name for name, _, _ in COMMANDS]
    out = ["| articles | " + " | ".join(names) + " |", "|" + "---|" * (len(names) + 1)]
    for r in timed:
        cells = [f"{c['seconds']:.1f} s, {c['peak_rss_mb']:,.0f} MiB, {c['output_mb']:,.1f} MB"
                 for c in (r["commands"][n] for n in names)]
        out.append(f"| {r['articles']:,} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def growth(rows: list[dict[str, Any]]) -> float | None:
    by = {r["articles"]: r["check_seconds"] for r in rows}
    sizes = sorted(by)
    if len(sizes) < 2:
        return None
    return float(by[sizes[-1]] / by[sizes[0]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000],
                        help="corpus sizes (e.g. 1000 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default=str(REPO / "out" / "bench"))
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip the cold run that proves the re-check identical")
    parser.add_argument("--commands", action="store_true",
                        help="also time validate, the report formats, report and diff")
    args = parser.parse_args(argv)
    warm_bytecode()
    rows = [bench(n, args.seed, Path(args.workdir), not args.no_verify, args.commands)
            for n in args.articles]
    grow = growth(rows)
    if args.json:
        # The largest corpus's figures at the top level (the fields the issue names),
        # every size's under "runs".
        obj: dict[str, Any] = dict(rows[-1])
        if len(rows) > 1:
            obj["runs"] = rows
        if grow is not None:
            obj["growth"] = {"from": rows[0]["articles"], "to": rows[-1]["articles"],
                             "time_ratio": grow}
        print(json.dumps(obj, indent=2))
    else:
        print(table(rows))
        if args.commands:
            print("\nOther commands, one article changed, cache warm (seconds, peak RSS, "
                  "output):\n\n" + commands_table(rows))
        if grow is not None:
            print(f"\ngrowth {rows[0]['articles']:,} -> {rows[-1]['articles']:,} articles: "
                  f"{grow:.2f}x the time for "
                  f"{rows[-1]['articles'] / rows[0]['articles']:.0f}x the articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
