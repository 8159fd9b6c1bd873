"""The content-addressed cache: a warm re-check after one changed article gives
exactly the report of a cold run; damaged, forged or stale entries are misses;
the process pool gives the same result as loading in one process.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate
from checks import cache
from checks.config import Config
from checks.engine import select
from checks.pipeline import execute


def _report(root: Path) -> str:
    config = Config()
    return execute([root / "facts"], root, config, select(config)).report().model_dump_json()


def _entries(root: Path) -> list[Path]:
    return sorted((root / cache.CACHE_DIR).glob("*/*.pkl"))


def _negate_one_claim(root: Path) -> None:
    path = root / "facts" / "art-00004.yaml"
    lines = path.read_text("utf-8").split("\n")
    i = next(i for i, line in enumerate(lines)
             if line.startswith("    says: {") and "negated" not in line and "stance" not in line)
    lines[i] = lines[i][:-1] + ", negated: true}"
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("FACT_CHECKS_CACHE", raising=False)
    cache._secret.cache_clear()
    generate(tmp_path / "repo", 20, seed=3)
    return tmp_path / "repo"


def test_warm_recheck_equals_a_cold_run(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _report(corpus)
    assert len(_entries(corpus)) == 22  # 20 records, registry, vocabulary
    _negate_one_claim(corpus)
    calls: list[int] = []
    real = cache._run
    monkeypatch.setattr(cache, "_run", lambda store, jobs, fast: calls.append(len(jobs))
                        or real(store, jobs, fast))
    warm = _report(corpus)
    assert calls == [1], "only the changed article is parsed again"
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    cold = _report(corpus)
    assert warm == cold
    assert warm != first  # the change is visible: the negated claim now conflicts or differs


def test_forged_or_damaged_entries_are_misses(corpus: Path) -> None:
    cold = _report(corpus)
    entries = _entries(corpus)
    entries[0].write_bytes(b"\x00" * 32 + entries[0].read_bytes()[32:])  # wrong signature
    entries[1].write_bytes(entries[1].read_bytes()[:-10])  # truncated
    assert _report(corpus) == cold
    cache._secret.cache_clear()  # another machine's key: every entry is a miss
    (corpus.parent / "home-cache" / "fact-checks" / "key").write_bytes(b"k" * 32)
    assert _report(corpus) == cold


def test_moved_checkout_reads_its_own_texts(corpus: Path, tmp_path: Path) -> None:
    cold = _report(corpus)
    moved = tmp_path / "moved"
    shutil.copytree(corpus, moved)  # cache included
    shutil.rmtree(corpus)
    assert _report(moved) == cold


def test_process_pool_gives_the_same_report(corpus: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACT_CHECKS_CACHE", "off")
    single = _report(corpus)
    monkeypatch.setattr(cache, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(cache, "CHUNK", 3)
    assert cache._workers(22) > 1 or (cache.os.cpu_count() or 1) == 1
    assert _report(corpus) == single


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _check_exit(root: Path) -> int:
    from checks.cli import main

    return main(["check", "--root", str(root), "--format", "json", "--fail-on", "none",
                 "--output", str(root.parent / "report.json")])


def test_a_linked_cache_folder_is_not_written_through(corpus: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout carrying a link named like the cache folder (to a folder outside the
    repository, or to facts/) gets no cache rather than writes through the link."""
    monkeypatch.delenv("FACT_CHECKS_CACHE", raising=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    link = corpus / cache.CACHE_DIR
    link.symlink_to(outside)
    facts_before = _files_under(corpus / "facts")
    assert _check_exit(corpus) == 0
    assert _files_under(outside) == []
    link.unlink()
    link.symlink_to(corpus / "facts")
    assert _check_exit(corpus) == 0
    assert _files_under(corpus / "facts") == facts_before


def test_a_link_inside_the_cache_folder_is_not_written_through(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACT_CHECKS_CACHE", raising=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = corpus / cache.CACHE_DIR
    folder.mkdir()
    (folder / "runs").symlink_to(outside)
    for sub in (f"{i:02x}" for i in range(256)):
        (folder / sub).symlink_to(outside)
    assert _check_exit(corpus) == 0
    assert _files_under(outside) == []


def test_a_pause_freezes_what_it_built_only_in_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's process ends without freeing its corpus, so what a pause built
    leaves the cycle collector's sight; a long-lived process (these tests) keeps it there."""
    before = gc.get_freeze_count()
    with cache.gc_paused():
        built = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == before, "nothing is frozen outside the command line"
    monkeypatch.setattr(cache, "FREEZE_AFTER_PAUSE", True)
    try:
        with cache.gc_paused():
            kept = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= before + len(kept) + len(built)
    finally:
        gc.unfreeze()


def test_the_command_line_freezes_after_its_pauses() -> None:
    code = ("import sys, checks.cache as c, checks.cli as cli\n"
            "cli.main = lambda: print(c.FREEZE_AFTER_PAUSE) or 0\n"
            "cli.main_exit()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
