"""Loading many files: a content-addressed cache, and both cores for the rest.

Stages 1 to 3 (read, parse, validate) depend on one file's bytes and on the
harness alone, so their result (the :class:`Document` with its load and
schema hits, the file kind and the model) is cached under
``.fact-checks-cache/`` keyed by the sha256 of the file's bytes, its shown
path and a salt that changes with the harness (its version, the loader,
model and validator sources, the committed schemas, the Python and pydantic
versions). A pull request that touches one article re-parses one file.

Cache entries are pickles, and a pickle can run code when it is read; the
cache folder is inside the repository, where a hostile change could commit
one. Every entry is therefore signed (HMAC-SHA256) with a key kept outside
the repository (``$XDG_CACHE_HOME/fact-checks/key``); an entry that does not
verify is a miss, never read. Set ``FACT_CHECKS_CACHE=off`` to disable the
cache, or to a folder to move it. After a full run, entries no file of the
run uses are removed once they are a week old (:meth:`Cache.prune`).

Files that miss the cache are loaded by a pool of processes when there are
enough of them to pay for the pool; the result does not depend on how they
were loaded (``tests/test_cache.py`` proves a warm re-check equals a cold run).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import os
import pickle
import re
import secrets
import stat
import sys
import tempfile
import time
from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from . import __version__
from .atomic import read_regular
from .findings import share_fields_sets
from .load import Document, Pos, load_bytes, read_bytes
from .model import EntityFile, Record, VocabularyFile
from .validate import validate

CACHE_DIR = ".fact-checks-cache"
FORMAT = "1"
PARALLEL_MIN_FILES = 48  # below this a pool costs more than it saves
CHUNK = 32
# fields.py and findings.py: how a model is pickled and unpickled (Frozen.__reduce__)
_SALT_SOURCES = ("load.py", "fastload.py", "splice.py", "validate.py", "model.py", "cache.py",
                 "fields.py", "findings.py")
_DIGEST = 32
PRUNE_AGE_S = 7 * 24 * 3600
_HEX2 = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"([0-9a-f]{62})\.pkl")

Loaded = tuple[Document, str | None, BaseModel | None]


@lru_cache(maxsize=1)
def salt() -> bytes:
    """Changes whenever the harness could load or validate a file differently."""
    import pydantic

    from .schemas import SCHEMA_DIR

    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}|{pydantic.VERSION}".encode())
    here = Path(__file__).resolve().parent
    for name in _SALT_SOURCES:
        h.update((here / name).read_bytes())
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        h.update(schema.read_bytes())
    return h.digest()


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fact-checks" / "key"


KEY_BYTES = 32


@lru_cache(maxsize=1)
def _secret() -> bytes:
    """The signing key: the stored one, else a new one stored for the next runs. A key
    file shorter than a key is never used: an empty one (a run stopped between creating
    the file and writing it, or a second run reading it in between) made the key b"", so
    a pickle committed in the cache folder, signed with that, ran its code on load."""
    path = _key_file()
    stored = _stored_key(path)
    if stored is not None:
        return stored
    key = secrets.token_bytes(KEY_BYTES)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".key-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
            try:
                os.link(tmp, path)  # the file appears whole or not at all
            except FileExistsError:
                if _stored_key(path) is None:  # short: replace it (another run's whole
                    os.replace(tmp, path)     # key is kept, and used below)
            except OSError:  # a file system without hard links
                os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    # Another run may have stored its key first: use it, so both runs' entries verify.
    # Without a usable stored key, entries of this run verify within this run only.
    return _stored_key(path) or key


def _stored_key(path: Path) -> bytes | None:
    """The stored key if it is a regular file holding a whole key (never blocks on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        key = os.read(fd, 4 * KEY_BYTES) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        key = b""
    finally:
        os.close(fd)
    return key if len(key) >= KEY_BYTES else None


@dataclass(frozen=True)
class Cache:
    """A folder of signed pickles named by content hash."""

    folder: Path

    @staticmethod
    def for_root(root: Path) -> Cache | None:
        setting = os.environ.get("FACT_CHECKS_CACHE", "")
        if setting.lower() in ("off", "0", "no", "false"):
            return None
        if setting:
            return Cache(Path(setting))  # the user's own choice of folder
        folder = root / CACHE_DIR
        # A checkout may carry a link named like our folder: writing (and pruning)
        # through it would touch files outside the repository, or inside facts/.
        return None if folder.is_symlink() else Cache(folder)

    def holds(self, path: Path) -> bool:
        """Whether writing ``path`` stays inside the folder: no link on the way down
        (a committed cache folder may hold one)."""
        try:
            parts = path.relative_to(self.folder).parts[:-1]
        except ValueError:
            return False
        here = self.folder
        for part in parts:
            here = here / part
            if here.is_symlink():
                return False
        return True

    def key(self, shown: str, raw: bytes) -> str:
        h = hashlib.sha256(salt())
        h.update(shown.encode("utf-8", "surrogatepass") + b"\0")
        h.update(raw)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.pkl"

    def get(self, key: str) -> Loaded | None:
        try:
            # a link to /dev/zero (git keeps links) or a FIFO must not hang the run
            blob = read_regular(self._path(key))
        except OSError:
            return None
        mac, body = blob[:_DIGEST], blob[_DIGEST:]
        if not hmac.compare_digest(mac, hmac.digest(_secret(), body, "sha256")):
            return None
        try:
            value: Loaded = pickle.loads(body)
        except Exception:  # a stale or damaged entry is a miss
            return None
        return value

    def prune(self, keep: Collection[str], *, older_than: float = PRUNE_AGE_S) -> int:
        """Remove the entries of files that are not in ``keep`` (the keys of a full run's
        files) and were written more than ``older_than`` seconds ago; how many went.

        Without this the folder keeps every version of every file and every harness
        version's entries. The age spares what another branch or checkout of the same
        week still uses (at worst such a file is parsed again). Only names this cache
        writes are touched: a folder given in ``FACT_CHECKS_CACHE`` may hold others."""
        cutoff = time.time() - older_than
        removed = 0
        for sub in _scan(self.folder):
            if not (_HEX2.fullmatch(sub.name) and sub.is_dir(follow_symlinks=False)):
                continue
            for entry in _scan(Path(sub.path)):
                match = _ENTRY.fullmatch(entry.name)
                if match is None or sub.name + match[1] in keep:
                    continue
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)
                        removed += 1
        return removed

    def put(self, key: str, body: bytes) -> None:
        target = self._path(key)
        if not self.holds(target):
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(hmac.digest(_secret(), body, "sha256") + body)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only checkout still checks, only slower


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    try:
        return list(os.scandir(folder))
    except OSError:
        return []


# Positions repeat across files: the same pointers ("/claims/3/by/speaker") and the
# same (line, column) pairs. One shared object each keeps 10,000 files' tables small.
_POINTERS: dict[str, str] = {}
_POSITIONS: dict[Pos, Pos] = {}


def _shared(table: dict[str, Pos]) -> dict[str, Pos]:
    pointers, positions = _POINTERS, _POSITIONS
    return {pointers.setdefault(k, k): positions.setdefault(v, v) for k, v in table.items()}


def slim(loaded: Loaded, *, share: bool = True) -> Loaded:
    """Drop what nothing reads once a fact file's model is built: its raw text and
    plain data (only validation reads them; a reviews file keeps its data, which
    triage reads), and (``share``) share position objects between files."""
    doc, _, model = loaded
    if isinstance(model, (Record, EntityFile, VocabularyFile)):
        # Only the schema stage locates at a key (an unknown or misspelt one), and it
        # has run: the key table was a third of each cached file and 130 MB at 10,000
        # articles. Every later finding is located at a value.
        doc.data, doc.text, doc.keys = None, "", {}
    if share:
        doc.values, doc.keys = _shared(doc.values), _shared(doc.keys)
    return loaded


def _keep(loaded: Loaded, *, unpickled: bool = False) -> Loaded:
    """What the main process keeps of a loaded file: slim, with its positions, the field
    sets and short strings of its model shared with every other file's (``unpickled``:
    unpickling shared the model's already, see :func:`checks.findings.restored`)."""
    slim(loaded)
    if loaded[2] is not None and not unpickled:
        share_fields_sets(loaded[2], strings=True)
    return loaded


def _fresh(doc: Document, fast: bool) -> Loaded:
    """A file's load and validation, made compact for keeping and pickling. Its models'
    fields-sets are shared as the pickle is read (:func:`checks.findings.restored`),
    not here: walking every model first cost a loader process 0.3 s per 1,000 files
    to make the pickles 5% smaller, and their reading no faster."""
    kind, model = validate(doc, fast=fast)
    # Not shared here: sharing is between files of the main process (:func:`_keep`); a
    # file's own pointers and positions are all different, so its pickle is no smaller.
    return slim((doc, kind, model), share=False)


def load_one(file: Path, shown: str, *, fast: bool | None = None) -> Loaded:
    """Stages 1 to 3 for one file, uncached."""
    raw = read_bytes(file, shown)
    doc = raw if isinstance(raw, Document) else load_bytes(file, shown, raw, fast=fast)
    kind, model = validate(doc, fast=fast)
    return doc, kind, model


def _load_chunk(cache: Cache | None, jobs: list[tuple[Path, str, str, bytes]],
                fast: bool) -> list[bytes]:
    """Worker: load, validate and pickle a chunk of files (caching each)."""
    out = []
    for file, shown, key, raw in jobs:
        body = pickle.dumps(_fresh(load_bytes(file, shown, raw, fast=fast), fast),
                            protocol=pickle.HIGHEST_PROTOCOL)
        if cache is not None:
            cache.put(key, body)
        out.append(body)
    return out


def _workers(jobs: int) -> int:
    if jobs < PARALLEL_MIN_FILES or os.environ.get("FACT_CHECKS_JOBS") == "1":
        return 1
    affinity = getattr(os, "sched_getaffinity", None)  # Linux; elsewhere count the CPUs
    cores = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    return max(1, min(cores, 8))


# Set by the command line (cli.main_exit), whose process ends without freeing what it
# built: there, what a pause built is also frozen when the pause ends.
FREEZE_AFTER_PAUSE = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while building many objects that all stay alive.

    Loading 10,000 records creates millions of objects and no garbage cycles;
    the collector would traverse them all again and again (a third of the time).
    Resumed, it would still walk them all once per generation, at whatever stage
    next allocates (triage, storing the state): with :data:`FREEZE_AFTER_PAUSE` they
    are moved out of its sight (``gc.freeze``). Not in a long-lived process (the
    tests, the pytest plugin): frozen objects are never collected.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if FREEZE_AFTER_PAUSE:
            gc.freeze()
        if was:
            gc.enable()


def load_all(files: Sequence[tuple[Path, str]], root: Path, *, fast: bool | None = None,
             cache: Cache | bool | None = True) -> list[Loaded]:
    """Stages 1 to 3 for every ``(file, shown path)``, in order."""
    from .fastload import enabled

    with gc_paused():
        return _load_all(files, root, enabled() if fast is None else fast, cache)


def _load_all(files: Sequence[tuple[Path, str]], root: Path, fast: bool,
              cache: Cache | bool | None) -> list[Loaded]:
    store = Cache.for_root(root) if cache is True else (cache or None)
    results: list[Loaded | None] = [None] * len(files)
    todo: list[tuple[int, tuple[Path, str, str, bytes]]] = []
    for i, (file, shown) in enumerate(files):
        raw = read_bytes(file, shown, root)
        if isinstance(raw, Document):  # unreadable or too large: nothing to cache
            results[i] = (raw, None, None)
            continue
        key = store.key(shown, raw) if store is not None else ""
        hit = store.get(key) if store is not None else None
        if hit is not None:
            hit[0].file = file  # the same bytes may sit in another checkout
            hit[0].digest = key
            results[i] = _keep(hit, unpickled=True)
        else:
            todo.append((i, (file, shown, key, raw)))
    for (i, job), loaded in zip(todo, _run(store, [job for _, job in todo], fast), strict=True):
        loaded[0].digest = job[2]
        results[i] = loaded
    return [r for r in results if r is not None]


def _run(store: Cache | None, jobs: list[tuple[Path, str, str, bytes]],
         fast: bool) -> list[Loaded]:
    workers = _workers(len(jobs))
    if workers == 1:
        return [_direct(store, job, fast) for job in jobs]
    chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    out: list[Loaded] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for blobs in pool.map(_load_chunk, [store] * len(chunks), chunks,
                              [fast] * len(chunks)):
            out.extend(_keep(pickle.loads(b), unpickled=True) for b in blobs)
    return out


def _direct(store: Cache | None, job: tuple[Path, str, str, bytes], fast: bool) -> Loaded:
    file, shown, key, raw = job
    loaded = _fresh(load_bytes(file, shown, raw, fast=fast), fast)
    if store is not None:
        store.put(key, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    return _keep(loaded)
