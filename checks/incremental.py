"""Re-checking after an edit: rerun only what the changed files can change.

A pull request touches one article of an archive of thousands. After every
``check`` with the cache on, the run's state is kept next to the per-file
cache (``.fact-checks-cache/runs/``): each file's content key and ``stat``,
every claim as a compact *row* (its data, times, quoted words and a digest of
its layout in the file), which block of each rule partition every row falls
in, and every finding with its *owner*:

* a stage finding (load, schema, integrity) and a finding of a rule without
  ``BLOCK`` (one that reads one record at a time) is owned by its file;
* a finding of a rule with ``BLOCK`` (see :data:`checks.engine.BlockFn`) is
  owned by its block: the rule reads nothing but the claims of that block, the
  registry and the vocabulary.

The next run finds the changed files by ``stat`` (and by content where the
``stat`` cannot be trusted), loads only them, and compares their rows with the
stored ones. It reruns the record rules and stages on the changed files, and
each block rule on the blocks that gained, lost or changed a row, built from
the stored rows of the other files; every other finding is kept as stored,
down to the bytes of its JSON. Anything it cannot prove local (an edited
registry or vocabulary, a configuration or harness change, a source id shared
with another file, a finding that names no claim of its block) makes it fall
back to a full run, which stores a new state. ``tests/test_incremental.py``
and ``tests/test_recheck_equals_cold.py`` prove the result identical to a cold
run.

The state is signed marshal data, like the cache entries (:mod:`checks.cache`). What
a re-check reads only in part (each file's claims, each block's rows) stands in the
rows file, which is only ever appended to and is checked by its ``stat``; the state
says where, so that a re-check signs, reads and writes 28 MB, not 58 (10,000 articles).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import itertools
import json
import logging
import marshal
import operator
import os
import pickle
import re
import shutil
import struct
import time
from array import array
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple

import pydantic_core

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, one run at a time
    fcntl = None  # type: ignore[assignment]

from .atomic import read_regular
from .cache import Cache, _secret, gc_paused, salt
from .config import Config
from .corpus import (
    ClaimInfo,
    Corpus,
    RecordInfo,
    _index,
    build,
    discover_names,
    shown_paths,
    voices,
)
from .engine import BlockFn, Selection, run, stamp
from .findings import Finding, Severity
from .load import Document
from .model import Claim, Source
from .pipeline import CHUNK_SEP, RunResult, StoredFindings, copy_range, execute
from .timeexpr import Interval

FORMAT = "5"
_log = logging.getLogger(__name__)  # why a re-check ran everything (FACT_CHECKS_DEBUG=1)
RACY_NS = 2_000_000_000  # a file changed this close to a run may have changed unseen
MAX_CHANGED_SHARE = 0.2  # beyond this share of changed files a full run is cheaper
_DIGEST = 32
# Rows and findings are written a kilobyte at a time: one system call per megabyte.
_BUFFER = 1 << 20
_SEP = CHUNK_SEP.encode()

# size, mtime_ns, ctime_ns, inode: content rewritten with its old size and mtime put
# back still moves ctime, which no user call sets
Stat = tuple[int, int, int, int]
Owner = tuple[str, str]  # ("", path) or (partition, block)
TextEntry = tuple[str, Stat | None, str]  # an archived text's path, stat and digest
Runs = list[tuple[int, int]]  # runs (start, stop) of neighbouring stored findings


class FileEntry(NamedTuple):
    stat: Stat | None
    key: str  # content key (checks.cache), "" when unreadable
    kind: str | None
    source: str | None  # the source id the record declares
    # the archived text it reads: path, stat and a digest of its bytes (a new stat with
    # the same bytes, as after a fresh checkout, is no change)
    text: TextEntry | None
    source_row: int  # row id of the record's source, -1 without one
    # Where its claims' row ids (int64), row digests (16 bytes each) and blocks in each
    # partition (JSON) stand in the rows file: (offset, claims, bytes), (-1, 0, 0) for
    # none. Kept in the state, they were 21 MB of its 58 at 10,000 articles, signed,
    # read and written by every re-check, which reads those of the changed files only.
    packed: tuple[int, int, int]
    counts: tuple[int, int]  # sources, claims added to the corpus


Tokens_ = list[tuple[str | None, ...]]  # a file's claims' blocks, per partition


@dataclass(frozen=True)
class Packed:
    """A file's claims as :attr:`FileEntry.packed` locates them."""

    rows: list[int]
    digests: list[bytes]
    tokens: Tokens_

    def encode(self) -> bytes:
        # The blocks as indexes into the file's distinct block names: a file's claims
        # share a few (written out per claim, 75 MB at 10,000 articles; this way 15 MB).
        names: dict[str, int] = {}
        table = [[-1 if t is None else names.setdefault(t, len(names)) for t in toks]
                 for toks in self.tokens]
        return (array("q", self.rows).tobytes() + b"".join(self.digests)
                + json.dumps([list(names), table], separators=(",", ":")).encode("ascii"))

    @classmethod
    def decode(cls, blob: bytes, count: int) -> Packed:
        if len(blob) < 24 * count:
            raise ValueError("a file's stored claims are cut short")
        ids, at = array("q", blob[:8 * count]), 8 * count
        digests = [blob[i:i + 16] for i in range(at, at + 16 * count, 16)]
        try:  # the rows file is not signed: anything but what was written is damage
            names, table = json.loads(blob[at + 16 * count:])
            tokens = [tuple(None if i < 0 else names[i] for i in toks) for toks in table]
        except (TypeError, AttributeError, IndexError) as exc:
            raise ValueError("a file's stored claims are damaged") from exc
        if len(ids) != count or len(digests) != count or len(tokens) != count:
            raise ValueError("a file's stored claims are cut short")
        return cls(ids.tolist(), digests, tokens)


NO_CLAIMS = Packed([], [], [])


def _file_entry(st: Stat | None, key: str, kind: str | None, source: str | None,
                text: TextEntry | None, source_row: int = -1, claims: Packed = NO_CLAIMS,
                counts: tuple[int, int] = (0, 0), writer: _RowWriter | None = None
                ) -> FileEntry:
    packed = (-1, 0, 0)
    if claims.rows:
        assert writer is not None  # claims are stored in the rows file
        blob = claims.encode()
        packed = (writer.put(blob), len(claims.rows), len(blob))
    return FileEntry(st, key, kind, source, text, source_row, packed, counts)


class Fingerprints:
    """The findings' fingerprints (each 20 ASCII characters, see
    :func:`checks.findings.fingerprint`) in one byte string: 150,000 strings at 10,000
    articles were a sixth of loading the state, and a re-check reads a few of them."""

    WIDTH = 20

    def __init__(self, packed: bytes = b"") -> None:
        self._packed = bytearray(packed)

    @classmethod
    def fits(cls, fp: str) -> bool:
        return len(fp) == cls.WIDTH and fp.isascii()

    def __len__(self) -> int:
        return len(self._packed) // self.WIDTH

    def __getitem__(self, i: int) -> str:
        at = i * self.WIDTH
        return self._packed[at:at + self.WIDTH].decode("ascii")

    def __setitem__(self, i: int, fp: str) -> None:
        at = i * self.WIDTH
        self._packed[at:at + self.WIDTH] = self._encoded(fp)

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Fingerprints) and self._packed == other._packed

    __hash__ = None  # type: ignore[assignment]

    def _encoded(self, fp: str) -> bytes:
        if not self.fits(fp):
            raise ValueError(f"a fingerprint of {len(fp)} characters cannot be stored")
        return fp.encode("ascii")

    def append(self, fp: str) -> None:
        self._packed += self._encoded(fp)

    def positions(self, fp: str) -> Iterator[int]:
        """Where ``fp`` stands in the column."""
        needle, at = fp.encode("ascii"), 0
        while (at := self._packed.find(needle, at)) >= 0:
            if at % self.WIDTH == 0:
                yield at // self.WIDTH
            at += 1

    def take(self, runs: Runs) -> Fingerprints:
        """The fingerprints of the runs ``(start, stop)``, joined."""
        out, whole, w = Fingerprints(), memoryview(self._packed), self.WIDTH
        out._packed = bytearray(b"".join([whole[a * w:b * w] for a, b in runs]))
        return out

    def tobytes(self) -> bytes:
        return bytes(self._packed)


class Owners:
    """The findings' owners: a table of the distinct ones and, per finding, its index
    (150,000 tuples at 10,000 articles were a sixth of loading the state)."""

    def __init__(self, table: list[Owner] | None = None, ids: bytes = b"") -> None:
        self.table = table if table is not None else []
        self.ids = array("q", ids)
        self._index: dict[Owner, int] | None = None

    def _id(self, owner: Owner) -> int:
        if self._index is None:
            self._index = {o: i for i, o in enumerate(self.table)}
        found = self._index.get(owner)
        if found is None:
            found = self._index[owner] = len(self.table)
            self.table.append(owner)
        return found

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> Owner:
        return self.table[self.ids[i]]

    def __setitem__(self, i: int, owner: Owner) -> None:
        self.ids[i] = self._id(owner)

    def __iter__(self) -> Iterator[Owner]:
        table = self.table
        return (table[i] for i in self.ids)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Owners) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def append(self, owner: Owner) -> None:
        self.ids.append(self._id(owner))

    def ids_of(self, owners: Collection[Owner]) -> set[int]:
        index = {o: i for i, o in enumerate(self.table)} if self._index is None else self._index
        return {index[o] for o in owners if o in index}

    def where(self, ids: Collection[int]) -> list[int]:
        """The findings (indexes, ascending) whose owner is one of ``ids``, found by
        searching the packed column, not by a step per finding (150,000)."""
        packed, width, out = self.ids.tobytes(), self.ids.itemsize, []
        for owner in ids:
            needle, at = array("q", [owner]).tobytes(), 0
            while (at := packed.find(needle, at)) >= 0:
                if at % width == 0:
                    out.append(at // width)
                at += 1
        return sorted(out)

    def take(self, runs: Runs) -> Owners:
        out = Owners(list(self.table))
        out.ids = _take(self.ids, runs)
        return out

    def pack(self) -> tuple[list[Owner], bytes]:
        return self.table, self.ids.tobytes()


@dataclass
class Findings:
    """Stored findings in report order, by column (cheap to load)."""

    path: list[str] = field(default_factory=list)
    line: array[int] = field(default_factory=lambda: array("q"))
    column: array[int] = field(default_factory=lambda: array("q"))
    rule: list[str] = field(default_factory=list)
    fingerprint: Fingerprints = field(default_factory=Fingerprints)
    severity: list[str] = field(default_factory=list)
    owner: Owners = field(default_factory=Owners)
    offset: array[int] = field(default_factory=lambda: array("q"))
    length: array[int] = field(default_factory=lambda: array("q"))
    review: list[str] = field(default_factory=list)

    def sort_key(self, i: int) -> tuple[str, int, int, str, str]:
        return (self.path[i], self.line[i], self.column[i], self.rule[i], self.fingerprint[i])

    def __len__(self) -> int:
        return len(self.path)


class Members:
    """One partition's blocks: each block's row ids in corpus order, packed (int64), in
    the rows file; the state holds the blocks' names and where each stands. Held in the
    state, they were a fifth of it (12 MB at 10,000 articles), signed, read and written
    by every re-check, which reads the few blocks an edit touches. A block a re-check
    changes is appended to the rows file (:meth:`write`); an emptied one is marked so."""

    def __init__(self, names: list[str] | None = None, where: bytes = b"",
                 size: bytes = b"") -> None:
        self.names = names if names is not None else []
        self.where = array("q", where)  # offset of each block in the rows file
        self.size = array("q", size)  # its bytes; -1: no such block any more
        self._index: dict[str, int] | None = None
        self._shared = False  # the index is the original's (see copy)
        self.pending: dict[str, bytes | None] = {}  # changed, not yet written
        self.read: Callable[[int, int], bytes] | None = None  # reads the rows file

    def _at(self, token: str) -> int | None:
        if self._index is None:
            self._index = {name: i for i, name in enumerate(self.names)}
        return self._index.get(token)

    def get(self, token: str, default: bytes = b"") -> bytes:
        if token in self.pending:
            found = self.pending[token]
            return default if found is None else found
        i = self._at(token)
        if i is None or self.size[i] < 0:
            return default
        assert self.read is not None  # set by the re-check that reads the blocks
        return self.read(self.where[i], self.size[i])

    def __setitem__(self, token: str, rows: bytes) -> None:
        self.pending[token] = rows

    def pop(self, token: str, default: None = None) -> None:
        self.pending[token] = None

    def add(self, token: str, where: int, size: int) -> None:
        """A block written to the rows file at ``where``."""
        i = self._at(token)
        if i is None:
            assert self._index is not None
            if self._shared:  # the copy's own index from its first new block on
                self._index, self._shared = dict(self._index), False
            self._index[token] = len(self.names)
            self.names.append(token)
            self.where.append(where)
            self.size.append(size)
        else:
            self.where[i], self.size[i] = where, size

    def write(self, put: Callable[[bytes], int]) -> None:
        """Append the changed blocks to the rows file (``put`` gives each one's offset)."""
        for token, rows in self.pending.items():
            if rows is None:
                i = self._at(token)
                if i is not None:
                    self.size[i] = -1
            else:
                self.add(token, put(rows), len(rows))
        self.pending = {}

    def items(self) -> Iterator[tuple[str, bytes]]:
        """Every block (read from the rows file)."""
        for token in list(self.names) + [t for t in self.pending if self._at(t) is None]:
            rows = self.get(token)
            if rows:
                yield token, rows

    def values(self) -> Iterator[bytes]:
        return (rows for _, rows in self.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Members) and self.pack() == other.pack() \
            and self.pending == other.pending

    __hash__ = None  # type: ignore[assignment]

    def copy(self) -> Members:
        """A copy to change; its index of 36,000 names is the original's until it adds
        one (the index is built once, by whichever reads first)."""
        if self._index is None:
            self._at("")
        out = Members(list(self.names), self.where.tobytes(), self.size.tobytes())
        out._index, out._shared = self._index, True
        out.pending, out.read = dict(self.pending), self.read
        return out

    def pack(self) -> tuple[list[str], bytes, bytes]:
        """As stored (after :meth:`write`)."""
        return self.names, self.where.tobytes(), self.size.tobytes()


@dataclass
class State:
    digest: str
    taken: int
    generation: int  # of the stored report; the rows file is appended to, never rewritten
    rows_generation: int
    files: dict[str, FileEntry]
    partitions: list[str]
    # per partition: block -> its row ids in corpus order, packed (int64): a re-check
    # unpacks the few blocks an edit touches; 1.9 million ids at 10,000 articles were as
    # many objects to load, store and keep
    members: list[Members]
    row_offset: array[int]
    row_length: array[int]
    row_file: list[str]
    findings: Findings
    entities: int
    predicates: int
    # The stat of the rows file and the stored report as written: a file changed by
    # anything else since (an interrupted write, a restored cache) leaves the state unused.
    rows_stat: Stat | None = None
    blob_stat: Stat | None = None


# ------------------------------------------------------------------ rows


def encode_row(ci: ClaimInfo, where: list[Any]) -> bytes:
    """A claim as stored: everything block rules read, without the article text, and
    where each of its keys and values stands in its file. One line of JSON, then the
    claim's own JSON (validated back by pydantic)."""
    head = [ci.source.id, ci.pointer, _day(ci.published), _iv(ci.said), _iv(ci.event),
            list(ci.quoted), list(ci.voice), ci.doc.path, where]
    claim = Claim.__pydantic_serializer__.to_json(ci.claim, by_alias=True)
    return pydantic_core.to_json(head) + b"\n" + claim


def _day(d: dt.date | None) -> int | None:
    return d.toordinal() if d is not None else None


def _iv(iv: Interval | None) -> list[int] | None:
    return [iv.start.toordinal(), iv.end.toordinal()] if iv is not None else None


def _date(n: int | None) -> dt.date | None:
    return dt.date.fromordinal(n) if n is not None else None


def _interval(pair: list[int] | None) -> Interval | None:
    return Interval(dt.date.fromordinal(pair[0]), dt.date.fromordinal(pair[1])) if pair else None


def decode_row(blob: bytes, source: Callable[[str], Source]) -> ClaimInfo:
    head_raw, claim_raw = blob.split(b"\n", 1)
    sid, pointer, published, said, event, quoted, voice, path, values = json.loads(head_raw)
    doc = Document(path=path, file=Path(path), values=_table(values))
    return ClaimInfo(claim=Claim.model_validate_json(claim_raw), source=source(sid),
                     doc=doc, pointer=pointer, published=_date(published),
                     said=_interval(said), event=_interval(event),
                     quoted_memo=tuple(quoted), voice_memo=tuple(voice))


def _table(rows: list[list[Any]]) -> dict[str, tuple[int, int]]:
    return {pointer: (pos[0], pos[1]) for pointer, pos in rows}


def positions(doc: Document, count: int) -> list[list[Any]]:
    """Where each value of each claim stands, for the first ``count`` claims: a stored
    claim is located without its file, and a claim whose data and positions are
    unchanged has unchanged findings. (Rules locate values; keys are not stored.)"""
    items = list(doc.values.items())
    names = list(doc.values)
    starts: list[int] = []
    at = 0
    for i in range(count):  # in document order, each claim's entries follow its own
        try:
            at = names.index(f"/claims/{i}", at)
        except ValueError:
            return _positions_slowly(doc, count)
        starts.append(at)
    if not starts:
        return []
    end, prefix = starts[-1] + 1, f"/claims/{count - 1}/"
    while end < len(names) and names[end].startswith(prefix):
        end += 1
    bounds = [*starts, end]
    return [items[a:b] for a, b in itertools.pairwise(bounds)]


def _positions_slowly(doc: Document, count: int) -> list[list[Any]]:
    out: list[list[Any]] = [[] for _ in range(count)]
    for pointer, pos in doc.values.items():
        if pointer.startswith("/claims/"):
            index = pointer[8:].partition("/")[0]
            if index.isdigit() and int(index) < count:
                out[int(index)].append((pointer, pos))
    return out


# ---------------------------------------------------------------- identity


def run_digest(root: Path, paths: Sequence[Path], config: Config, selection: Selection) -> str:
    """What the stored state is valid for: harness, inputs named, configuration, rules."""
    h = hashlib.sha256(salt() + FORMAT.encode())
    here = Path(__file__).resolve().parent
    for source in sorted(here.rglob("*.py")):
        h.update(source.read_bytes())
    # The inputs relative to the root, not where the root is: a revision exported by
    # ``diff`` or another checkout of the same repository starts from the same state.
    # That is safe because a re-check compares every file (and archived text) by
    # content whenever its stat is not the stored one.
    top = os.path.abspath(root)
    for p in paths:
        h.update(os.path.relpath(os.path.abspath(p), top).encode() + b"\0")
    h.update(config.model_dump_json().encode())
    for code in selection.specs:
        h.update(f"{code}|{selection.severity[code].value}|".encode())
        h.update(selection.options[code].model_dump_json().encode())
    return h.hexdigest()[:32]


def _stat(path: Path | str) -> Stat | None:
    try:
        return _as_stat(os.stat(path))
    except OSError:
        return None


def _fstat(fd: int) -> Stat:
    return _as_stat(os.fstat(fd))


def _as_stat(st: os.stat_result) -> Stat:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


# A stored file is read and appended to through descriptors checked against the state:
# a concurrent full run moves new files into place (never rewrites one), so a run that
# holds the file its state describes reads and extends that file, or falls back to a
# full run; never another run's file at its own offsets.
def _open_pinned(path: Path, stat: Stat | None) -> Any:
    fh = open(path, "rb")  # noqa: SIM115 - the caller closes it
    if _fstat(fh.fileno()) != stat:
        fh.close()
        raise OSError(f"{path.name} changed since the state was stored")
    return fh


def _open_append(path: Path, inode: int) -> Any:
    """The stored file, to append to, locked until closed: a run computes its pieces'
    offsets from where the file ends, so two runs must not interleave their writes."""
    out = open(path, "ab", buffering=_BUFFER)  # noqa: SIM115 - the caller closes it
    try:
        if fcntl is not None:
            fcntl.flock(out.fileno(), fcntl.LOCK_EX)  # released when the file is closed
        if os.fstat(out.fileno()).st_ino != inode:
            raise OSError(f"{path.name} was replaced by another run")
    except BaseException:
        out.close()
        raise
    return out


def partitions(selection: Selection) -> list[tuple[str, BlockFn]]:
    found: dict[str, BlockFn] = {}
    for spec in selection.specs.values():
        if spec.block is not None:
            found.setdefault(f"{spec.block.__module__}.{spec.block.__qualname__}", spec.block)
    return sorted(found.items())


# --------------------------------------------------------------- storage


class Store:
    """The folder of one run configuration's state."""

    def __init__(self, cache: Cache, digest: str) -> None:
        self.cache = cache
        self.folder = cache.folder / "runs" / digest

    def _file(self, name: str, generation: int) -> Path:
        return self.folder / f"{name}-{generation}.bin"

    def rows(self, generation: int) -> Path:  # the state's rows_generation
        return self._file("rows", generation)

    def blob(self, generation: int) -> Path:
        return self._file("findings", generation)

    def load(self) -> State | None:
        try:
            raw = read_regular(self.folder / "state.pkl")  # a FIFO or device: no state
        except OSError:
            return None
        # a view, not a slice: the state is tens of megabytes
        mac, body = raw[:_DIGEST], memoryview(raw)[_DIGEST:]
        if not hmac.compare_digest(mac, hmac.digest(_secret(), body, "sha256")):
            return None
        try:
            with gc_paused():
                return _unpack(unframe(body))
        except Exception:  # a damaged state is no state
            return None

    def save(self, state: State) -> None:
        # The stats of the files as this run wrote them (taken from its own descriptors),
        # so that a file another run has put in their place since does not match.
        if state.rows_stat is None:
            state.rows_stat = _stat(self.rows(state.rows_generation))
        if state.blob_stat is None:
            state.blob_stat = _stat(self.blob(state.generation))
        tmp = self.folder / f"state.{os.getpid()}.tmp"
        mac = hmac.new(_secret(), digestmod="sha256")
        with open(tmp, "wb") as out, gc_paused():  # a collection would walk the corpus
            out.write(bytes(_DIGEST))  # the signature's place, filled in last
            for piece in frame(_pack(state)):
                mac.update(piece)
                out.write(piece)
                del piece  # not held while the next part is marshalled
            out.seek(0)
            out.write(mac.digest())
        os.replace(tmp, self.folder / "state.pkl")
        for old in self.folder.glob("*.bin"):
            if old.name not in (self.rows(state.rows_generation).name,
                                self.blob(state.generation).name):
                old.unlink(missing_ok=True)


# The state is kept as marshal data (builtins only): twice as fast as a pickle both ways
# at 10,000 articles (50 MB). It is signed, so it is only read back as it was written,
# and the run digest holds the Python version, whose marshal format it is.
_TABLE = [f.name for f in fields(Findings)]
_STATE = [f.name for f in fields(State) if f.name not in ("files", "findings")]


_LENGTH = struct.Struct("<Q")


def frame(parts: Iterable[Any]) -> Iterator[bytes]:
    """Each part as marshal data after its length. Marshalled whole, the state was one
    more copy of itself at the peak of a cold run (75 MB at 10,000 articles, with the
    marshal buffer's growth); part by part, only the largest part is (12 MB). The caller
    lets go of each piece before asking for the next."""
    for part in parts:
        blob = marshal.dumps(part)
        del part
        yield _LENGTH.pack(len(blob))
        yield blob
        del blob


def unframe(body: memoryview) -> list[Any]:
    """The parts :func:`frame` wrote (ValueError: cut short or not framed)."""
    parts: list[Any] = []
    at = 0
    while at < len(body):
        if at + _LENGTH.size > len(body):
            raise ValueError("a state part's length is cut short")
        (length,) = _LENGTH.unpack_from(body, at)
        at += _LENGTH.size
        if at + length > len(body):
            raise ValueError("a state part is cut short")
        parts.append(marshal.loads(body[at:at + length]))
        at += length
    return parts


def _pack(state: State) -> Iterator[Any]:
    """The state's parts: format, plain values, the files' paths, each column of their
    entries, then each findings column."""
    yield FORMAT
    yield [_packed(getattr(state, n)) for n in _STATE]
    yield list(state.files)
    entries = list(state.files.values())
    for i in range(len(FileEntry._fields)):
        yield [entry[i] for entry in entries]
    table = state.findings
    for name in _TABLE:
        column = getattr(table, name)
        yield column.pack() if isinstance(column, Owners) else \
            column.tobytes() if isinstance(column, (array, Fingerprints)) else column


def _packed(value: Any) -> Any:
    if isinstance(value, array):
        return value.tobytes()
    if isinstance(value, list) and value and isinstance(value[0], Members):
        assert not any(m.pending for m in value)  # written to the rows file first
        return [m.pack() for m in value]
    return value


def _unpack(data: list[Any]) -> State | None:
    if not data or data[0] != FORMAT:
        return None
    _, values, paths, *columns = data
    entries, columns = columns[:len(FileEntry._fields)], columns[len(FileEntry._fields):]
    files = dict(zip(paths, map(FileEntry, *entries), strict=True))
    if len(files) != len(paths) or any(len(c) != len(paths) for c in entries):
        return None
    loaded: dict[str, Any] = dict(zip(_TABLE, columns, strict=True))
    for name in ("line", "column", "offset", "length"):
        loaded[name] = array("q", loaded[name])
    loaded["fingerprint"] = Fingerprints(loaded["fingerprint"])
    loaded["owner"] = Owners(*loaded["owner"])
    table = Findings(**loaded)
    plain = dict(zip(_STATE, values, strict=True))
    for n in ("row_offset", "row_length"):
        plain[n] = array("q", plain[n])
    plain["members"] = [Members(*m) for m in plain["members"]]
    return State(files=files, findings=table, **plain)


# ------------------------------------------------------------ full runs


Tokens = dict[tuple[str, str], tuple[str | None, ...]]  # (source, claim) -> block per partition


def owners(result: RunResult, findings: Sequence[Finding], selection: Selection,
           parts: list[tuple[str, BlockFn]], tokens: Tokens) -> list[Owner] | None:
    """Each finding's owner, or None when one cannot be told (no incremental state)."""
    files = {doc.path for doc in result.corpus.docs}
    which = {id(fn): k for k, (_, fn) in enumerate(parts)}
    out: list[Owner] = []
    for f in findings:
        spec = selection.specs.get(f.rule)
        if spec is None or not Fingerprints.fits(f.fingerprint):  # (the table's width)
            return None
        if spec.block is None:
            if f.location.path not in files:
                return None
            out.append(("", f.location.path))
            continue
        k = which[id(spec.block)]
        mine = {tokens[(c.source, c.claim)][k] if (c.source, c.claim) in tokens else None
                for c in f.claims}
        if len(mine) != 1 or None in mine:
            return None
        out.append((parts[k][0], str(mine.pop())))
    return out


def save_full(result: RunResult, findings: Sequence[Finding], selection: Selection,
              digest: str, taken: int, cache: Cache | None = None) -> None:
    """Store the state of a full run (silently nothing when it cannot be stored) in
    ``cache``, by default the one of the run's root."""
    cache = cache if cache is not None else Cache.for_root(result.root)
    if cache is None:
        return
    store = Store(cache, digest)
    if not cache.holds(store.folder / "state.pkl"):
        return
    try:
        # The files below are rewritten: no state may point at them meanwhile.
        (store.folder / "state.pkl").unlink(missing_ok=True)
        store.folder.mkdir(parents=True, exist_ok=True)
        with gc_paused():
            state = _full_state(result, findings, selection, digest, taken, store)
        if state is None:
            _log.debug("no state stored: a finding's owner cannot be told")
            return
        store.save(state)
        prune_runs(store)
        cache.prune({doc.digest for doc in result.corpus.docs if doc.digest})
    except OSError:
        pass  # a read-only checkout still checks, only without a quick re-check


KEEP_RUNS = 3  # stored run states per cache, this one included
_RUN_NAME = re.compile(r"[0-9a-f]{32}")


def prune_runs(store: Store) -> None:
    """Keep the most recently stored run states (one per configuration and harness
    version): each holds the corpus's rows and report, 700 MB at 10,000 articles."""
    others = [f for f in _folders(store.folder.parent)
              if f.name != store.folder.name and _RUN_NAME.fullmatch(f.name)]
    for old in sorted(others, key=_written, reverse=True)[KEEP_RUNS - 1:]:
        shutil.rmtree(old, ignore_errors=True)  # a run using it falls back to a full run


def _folders(parent: Path) -> list[Path]:
    try:
        return [f for f in parent.iterdir() if f.is_dir() and not f.is_symlink()]
    except OSError:
        return []


def _written(folder: Path) -> int:
    """When a run last stored its state there (a state is written aside and moved in,
    which changes the folder), or is storing one now."""
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return 0


def _full_state(result: RunResult, findings: Sequence[Finding], selection: Selection,
                digest: str, taken: int, store: Store) -> State | None:
    corpus = result.corpus
    parts = partitions(selection)
    generation = 1
    state = State(digest=digest, taken=taken, generation=generation,
                  rows_generation=generation, files={},
                  partitions=[name for name, _ in parts], members=[Members() for _ in parts],
                  row_offset=array("q"), row_length=array("q"), row_file=[],
                  findings=Findings(), entities=len(corpus.entities),
                  predicates=len(corpus.predicates))
    tokens = _store_rows(state, corpus, parts, store)
    owned = owners(result, findings, selection, parts, tokens)
    if owned is None:
        return None
    _store_findings(state, result, findings, owned, store)
    return state


def _store_rows(state: State, corpus: Corpus, parts: list[tuple[str, BlockFn]],
                store: Store) -> Tokens:
    """Every file's entry and claim rows; the blocks each claim falls in."""
    records = {id(info.doc): info for info in corpus.records}
    tokens: Tokens = {}
    # Written aside and moved in: a re-check reading the stored rows keeps its own file.
    tmp_rows = store.folder / f"rows.{os.getpid()}.tmp"
    try:
        with open(tmp_rows, "wb", buffering=_BUFFER) as out:
            writer = _RowWriter(state, out, 0)
            for doc in corpus.docs:
                info = records.get(id(doc))
                state.files[doc.path] = _entry(doc, info, writer, corpus, parts, tokens)
            state.members = [_blocks_written(blocks, writer) for blocks in writer.members]
            out.flush()
            os.replace(tmp_rows, store.rows(state.generation))
            state.rows_stat = _fstat(out.fileno())  # after the move, which sets its ctime
    finally:
        tmp_rows.unlink(missing_ok=True)
    return tokens


def _blocks_written(blocks: dict[str, array[int]], writer: _RowWriter) -> Members:
    out = Members()
    for token, ids in blocks.items():
        blob = ids.tobytes()
        out.add(token, writer.put(blob), len(blob))
    return out


def _store_findings(state: State, result: RunResult, findings: Sequence[Finding],
                    owned: Sequence[Owner], store: Store) -> None:
    """The stored report: written aside and moved into place, and kept open, so this
    run's report copies its findings from this very file even if a concurrent run
    replaces the stored one."""
    tmp = store.folder / f"findings.{os.getpid()}.tmp"
    blob = open(tmp, "w+b", buffering=_BUFFER)  # noqa: SIM115 - kept by the result
    try:
        length = _write_findings(state.findings, blob, result, findings, owned)
        blob.flush()
        os.replace(tmp, store.blob(state.generation))
        state.blob_stat = _fstat(blob.fileno())
    except BaseException:
        blob.close()
        tmp.unlink(missing_ok=True)
        raise
    result.keep_stored(StoredFindings(file=blob, findings=tuple(findings), length=length)
                       if findings else None)
    if not findings:
        blob.close()


class _RowWriter:
    def __init__(self, state: State, out: Any, offset: int) -> None:
        self.state, self.out, self.offset = state, out, offset
        self.members: list[dict[str, array[int]]] = [{} for _ in state.partitions]
        # One object per distinct block token and per distinct tuple of them: a block
        # function makes a new string per claim (375,000 claims, five partitions, at
        # 10,000 articles), and every claim's tuple is kept until the owners are told.
        self._tokens: dict[tuple[str | None, ...], tuple[str | None, ...]] = {}
        self._names: dict[str, str] = {}

    def shared(self, toks: tuple[str | None, ...]) -> tuple[str | None, ...]:
        """``toks``, as the one equal tuple of equal strings already seen."""
        found = self._tokens.get(toks)
        if found is None:
            names = self._names
            found = tuple(t if t is None else names.setdefault(t, t) for t in toks)
            self._tokens[found] = found
        return found

    def put(self, blob: bytes) -> int:
        """Append data that is not a row (a file's claims, a block); its offset."""
        at = self.offset
        self.out.write(blob)
        self.offset += len(blob)
        return at

    def add(self, blob: bytes, path: str) -> int:
        st = self.state
        st.row_offset.append(self.offset)
        st.row_length.append(len(blob))
        st.row_file.append(path)
        self.out.write(blob)
        self.offset += len(blob)
        return len(st.row_offset) - 1


def _source_row(source: Source) -> bytes:
    return b"S" + Source.__pydantic_serializer__.to_json(source, by_alias=True)


def _entry(doc: Document, info: RecordInfo | None, writer: _RowWriter, corpus: Corpus,
           parts: list[tuple[str, BlockFn]], tokens_of: Tokens,
           *, stat: Stat | None = None) -> FileEntry:
    kind, source_id = corpus.kinds.get(doc.path, (None, None))
    st = stat if stat is not None else _stat(doc.file)
    if info is None:
        return _file_entry(st, doc.digest, kind, source_id, None)
    text = _text_entry(info.text_file, info.text, doc.file)
    rows, digests, tokens = [], [], []
    source = _source_row(info.record.source)
    source_row = writer.add(source, doc.path)
    for ci, blob, digest, toks in new_rows(info, corpus, parts, source):
        toks = writer.shared(toks)
        tokens_of[(ci.source.id, ci.id)] = toks
        row = writer.add(blob, doc.path)
        for members, token in zip(writer.members, toks, strict=True):
            if token is not None:
                rows_of = members.get(token)
                if rows_of is None:
                    rows_of = members[token] = array("q")
                rows_of.append(row)
        rows.append(row)
        digests.append(digest)
        tokens.append(toks)
    return _file_entry(st, doc.digest, kind, source_id, text, source_row,
                       Packed(rows, digests, tokens), (1, len(info.claims)), writer)


Row = tuple[ClaimInfo, bytes, bytes, tuple[str | None, ...]]


def new_rows(info: RecordInfo, corpus: Corpus, parts: list[tuple[str, BlockFn]],
             source: bytes) -> Iterator[Row]:
    """Each claim of a record: the claim, its stored form, its digest (data, source and
    layout in the file) and its block in each partition."""
    indexes = [int(ci.pointer.rsplit("/", 1)[1]) for ci in info.claims]
    where = positions(info.doc, max(indexes) + 1) if indexes else []
    if any(ci.voice_memo is None for ci in info.claims):  # the rules read most already
        voices(info.claims)
    fns = [fn for _, fn in parts]
    for ci, index in zip(info.claims, indexes, strict=True):
        blob = encode_row(ci, where[index])
        digest = hashlib.blake2b(blob, digest_size=16)
        digest.update(source)  # the digest of blob + source, without joining them
        yield ci, blob, digest.digest(), tuple([fn(corpus, ci) for fn in fns])


def _write_findings(table: Findings, blob: Any, result: RunResult,
                    findings: Sequence[Finding], owned: Sequence[Owner]) -> int:
    """Render the findings into the stored report; the bytes of the findings and the
    separators between them (the report's findings text)."""
    offset = 0
    for f, owner in zip(findings, owned, strict=True):
        chunk = result.chunk(f).encode("utf-8")
        _append(table, f, owner, offset, len(chunk), _review_of(result, f))
        blob.write(chunk + _SEP)
        offset += len(chunk) + len(_SEP)
    return max(0, offset - len(_SEP))


def _append(table: Findings, f: Finding, owner: Owner, offset: int, length: int,
            review: str) -> None:
    loc = f.location
    table.path.append(loc.path)
    table.line.append(loc.line)
    table.column.append(loc.column)
    table.rule.append(f.rule)
    table.fingerprint.append(f.fingerprint)
    table.severity.append(f.severity.value)
    table.owner.append(owner)
    table.offset.append(offset)
    table.length.append(length)
    table.review.append(review)


def _review_of(result: RunResult, f: Finding) -> str:
    return _dumps(result.review(f))


# --------------------------------------------------------------- re-check


@dataclass
class _Change:
    """What the re-check found changed since the stored state."""

    paths: set[str]  # changed, added or removed files (shown paths)
    # every current file (its name, as found: ten thousand Paths cost a tenth of a
    # second) and its shown path, in corpus order
    files: list[tuple[str, str]]
    stats: dict[str, Stat | None]  # current stat of every current file
    # unchanged records whose archived text moved (a fresh checkout): its entry to store
    texts: dict[str, TextEntry] = field(default_factory=dict)


def _changes(state: State, cache: Cache, files: list[tuple[str, str]]) -> _Change:
    changed: set[str] = set(state.files) - {shown for _, shown in files}
    change = _Change(changed, files, {})
    stats, stored, limit = change.stats, state.files, state.taken - RACY_NS
    for file, shown in files:
        entry = stored.get(shown)
        stats[shown] = st = _stat(file)
        if entry is None:
            changed.add(shown)
            continue
        # The file and its archived text as stored, long enough before the stored run:
        # unchanged (what _differs would say, ten thousand times, without its calls).
        if st is not None and st == entry.stat and max(st[1], st[2]) < limit:
            if entry.text is None:
                continue
            now = _stat(_text_path(entry.text[0], file))
            if now is not None and now == entry.text[1] and max(now[1], now[2]) < limit:
                continue
        if _differs(state, cache, entry, file, shown, st, change):
            changed.add(shown)
    return change


def _racy(state: State, st: Stat | None) -> bool:
    return _racy_at(state.taken, st)


def _racy_at(taken: int, st: Stat | None) -> bool:
    return st is not None and max(st[1], st[2]) >= taken - RACY_NS


def _text_entry(path: Path | None, text: str | None, record: Path) -> TextEntry | None:
    """The archived text a record reads, with a digest of its bytes: a fresh checkout
    (a CI run with the cache restored) gives every file a new ``stat``, and the
    digest tells the unchanged texts from the edited ones. The digest is of the text
    the run read (strict UTF-8 gives back its bytes): a text edited since is racy
    next time, and its digest then differs. The path is stored relative to the
    record's folder (see :func:`_text_path`), so the state holds for any checkout."""
    if path is None:
        return None
    st = _stat(path)
    where = _relative(path, record.parent)
    if text is None:  # unreadable, not UTF-8 or empty: whatever is there now
        return where, st, _file_digest(path)
    return where, st, _digest(text.encode("utf-8"))


def _relative(path: Path, folder: Path) -> str:
    try:
        return os.path.relpath(path, folder)
    except ValueError:  # another drive (Windows): absolute, as joining keeps it
        return str(path)


def _text_path(stored: str, record: str | Path) -> str:
    """Where a stored text path points from the record as it is now."""
    return os.path.join(os.path.dirname(record), stored)


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _file_digest(path: Path) -> str:
    try:
        # an archived text swapped for a FIFO or a link to /dev/zero hung every re-check
        return _digest(read_regular(path))
    except OSError:
        return "unreadable"


def _differs(state: State, cache: Cache, entry: FileEntry, file: str, shown: str,
             st: Stat | None, change: _Change) -> bool:
    if entry.text is not None:
        text, was, digest = entry.text
        where = _text_path(text, file)  # strings: ten thousand Paths cost a tenth of a second
        now = _stat(where)
        if now != was or _racy(state, now):
            if _file_digest(Path(where)) != digest:
                return True
            if now != was:  # the same bytes: trust the new stat next time
                change.texts[shown] = (text, now, digest)
    if st == entry.stat and not _racy(state, st):
        return False
    try:
        raw = read_regular(file)
    except OSError:
        return True
    return not entry.key or cache.key(shown, raw) != entry.key


class _Stored:
    """Stored rows, read on demand: a block's rows from files the edit did not touch."""

    def __init__(self, state: State, store: Store) -> None:
        self.state = state
        self._fh = _open_pinned(store.rows(state.rows_generation), state.rows_stat)
        self._sources: dict[str, Source] = {}

    def close(self) -> None:
        self._fh.close()

    def read(self, offset: int, length: int) -> bytes:
        blob = os.pread(self._fh.fileno(), length, offset)
        if len(blob) != length:
            raise ValueError("the stored rows end early")
        return blob

    def raw(self, row: int) -> bytes:
        return self.read(self.state.row_offset[row], self.state.row_length[row])

    def rows(self, entry: FileEntry) -> list[int]:
        """A stored file's row ids alone (a block's order compares them)."""
        at, count, _ = entry.packed
        return array("q", self.read(at, 8 * count)).tolist() if at >= 0 else []

    def claims(self, entry: FileEntry) -> Packed:
        """A stored file's claims (their rows, digests and blocks)."""
        at, count, length = entry.packed
        return Packed.decode(self.read(at, length), count) if at >= 0 else NO_CLAIMS

    def claim(self, row: int) -> ClaimInfo:
        path = self.state.row_file[row]
        return decode_row(self.raw(row), lambda _: self.source(path))

    def source(self, path: str) -> Source:
        if path not in self._sources:
            blob = self.raw(self.state.files[path].source_row)
            self._sources[path] = Source.model_validate_json(blob[1:])
        return self._sources[path]


class Recheck:
    """One re-check: the changed files, the blocks they touch, the merged findings."""

    def __init__(self, state: State, store: Store, cache: Cache, root: Path,
                 selection: Selection, change: _Change) -> None:
        self.state, self.store, self.cache, self.root = state, store, cache, root
        self.selection, self.change = selection, change
        self.rank = {shown: i for i, (_, shown) in enumerate(change.files)}
        self.parts = partitions(selection)
        self.affected: list[set[str]] = [set() for _ in self.parts]
        # each file's rows: a changed file's as written, another's as read when needed
        self.file_rows: dict[str, list[int]] = {}
        self.stored: _Stored

    def removed_owners(self) -> set[Owner]:
        """Owners whose findings this re-check made anew."""
        out: set[Owner] = {("", path) for path in self.change.paths}
        for (name, _), tokens in zip(self.parts, self.affected, strict=True):
            out.update((name, token) for token in tokens)
        return out

    def run(self) -> tuple[Corpus, list[Finding], list[Owner], State] | None:
        mini = self._mini()
        if mini is None:
            _log.debug("full run: the registry, vocabulary or a shared source id changed")
            return None
        local = [f for f in run(mini, _local(self.selection)) if f.location.path in
                 self.change.paths]
        owned: list[Owner] = [("", f.location.path) for f in local]
        stored = self.stored = _Stored(self.state, self.store)
        for members in self.state.members:
            members.read = stored.read
        try:
            blocks = self._blocks(mini, stored)
        finally:
            stored.close()
        if blocks is None:
            _log.debug("full run: a block finding names claims outside its block")
            return None
        found, owners_, state = blocks
        return mini, local + found, owned + owners_, state

    def _mini(self) -> Corpus | None:
        """The changed files and the registry, as a corpus (None: not a local change)."""
        old = self.state.files
        if any(old[p].kind in ("entities", "vocabulary") for p in self.change.paths if p in old):
            return None
        registry = [Path(f) for f, shown in self.change.files
                    if shown in old and old[shown].kind in ("entities", "vocabulary")]
        present = [Path(f) for f, shown in self.change.files if shown in self.change.paths]
        mini = build(present + registry, self.root, cache=self.cache)
        sources: dict[str, str] = {}
        for path, entry in old.items():
            if entry.source is not None and path not in self.change.paths:
                sources[entry.source] = path
        for doc in mini.docs:
            kind, source = mini.kinds.get(doc.path, (None, None))
            if doc.path in self.change.paths and kind in ("entities", "vocabulary"):
                return None
            if source is not None and source in sources:
                return None  # a duplicate source id: which file wins depends on all files
        if any(old[p].source in sources for p in self.change.paths if p in old):
            return None
        return mini

    def _blocks(self, mini: Corpus, stored: _Stored) -> tuple[
            list[Finding], list[Owner], State] | None:
        state = _copy_state(self.state)
        pinned = self.state.rows_stat[3] if self.state.rows_stat else -1
        with _open_append(self.store.rows(state.rows_generation), pinned) as out:
            writer = _RowWriter(state, out, out.seek(0, os.SEEK_END))
            done = self._rerun_blocks(mini, stored, state, writer)
            for members in state.members:
                members.write(writer.put)
            out.flush()
            state.rows_stat = _fstat(out.fileno())
        return None if done is None else (*done, state)

    def _rerun_blocks(self, mini: Corpus, stored: _Stored, state: State,
                      writer: _RowWriter) -> tuple[list[Finding], list[Owner]] | None:
        """The changed files' rows and entries written, and the rules of each block they
        touch run again (None: a finding names a claim outside its block)."""
        fresh: dict[int, ClaimInfo] = {}  # row id -> claim, for rows of changed files
        affected = self.affected = self._update_files(mini, state, fresh, writer)
        found: list[Finding] = []
        owners_: list[Owner] = []
        for k, (name, fn) in enumerate(self.parts):
            specs = [s for s in self.selection.specs.values() if s.block is fn]
            for token in sorted(affected[k]):
                rows = self._members(state, k, token)
                claims = [fresh[r] if r in fresh else stored.claim(r) for r in rows]
                if rows:
                    state.members[k][token] = array("q", rows).tobytes()
                else:
                    state.members[k].pop(token, None)
                hits = self._run_block(mini, specs, fn, token, claims)
                if hits is None:
                    return None
                found += hits
                owners_ += [(name, token)] * len(hits)
        return found, owners_

    def _update_files(self, mini: Corpus, state: State, fresh: dict[int, ClaimInfo],
                      writer: _RowWriter) -> list[set[str]]:
        """Replace the changed files' entries and rows; the blocks their rows left or
        joined, per partition."""
        affected: list[set[str]] = [set() for _ in self.parts]
        self._added: list[dict[str, list[int]]] = [{} for _ in self.parts]
        self._removed: set[int] = set()
        docs = {doc.path: doc for doc in mini.docs}
        records = {id(info.doc): info for info in mini.records}
        for path in sorted(self.change.paths):
            old = state.files.pop(path, None)
            doc = docs.get(path)
            if doc is not None:
                info = records.get(id(doc))
                state.files[path] = self._entry(doc, info, old, writer, mini, fresh, affected)
            if old is not None:
                self._drop(old, path, affected)
        return affected

    def _entry(self, doc: Document, info: RecordInfo | None, old: FileEntry | None,
               writer: _RowWriter, mini: Corpus, fresh: dict[int, ClaimInfo],
               affected: list[set[str]]) -> FileEntry:
        kind, source_id = mini.kinds.get(doc.path, (None, None))
        st = self.change.stats.get(doc.path)
        if info is None:
            return _file_entry(st, doc.digest, kind, source_id, None)
        text = _text_entry(info.text_file, info.text, doc.file)
        was = self.stored.claims(old) if old else NO_CLAIMS
        reuse: dict[bytes, int] = dict(zip(was.digests, was.rows, strict=True))
        source = _source_row(info.record.source)
        source_row = writer.add(source, doc.path)
        rows, digests, tokens = [], [], []
        for ci, blob, digest, toks in new_rows(info, mini, self.parts, source):
            row = reuse.pop(digest, -1)
            if row < 0:
                row = writer.add(blob, doc.path)
                for k, token in enumerate(toks):
                    if token is not None:
                        affected[k].add(token)
                        self._added[k].setdefault(token, []).append(row)
            fresh[row] = ci
            rows.append(row)
            digests.append(digest)
            tokens.append(toks)
        self.file_rows[doc.path] = rows
        return _file_entry(st, doc.digest, kind, source_id, text, source_row,
                           Packed(rows, digests, tokens), (1, len(info.claims)), writer)

    def _drop(self, old: FileEntry, path: str, affected: list[set[str]]) -> None:
        """The old rows the new version did not keep leave their blocks."""
        kept = set(self.file_rows.get(path, ()))
        was = self.stored.claims(old)
        for row, toks in zip(was.rows, was.tokens, strict=True):
            if row in kept:
                continue
            self._removed.add(row)
            for k, token in enumerate(toks):
                if token is not None:
                    affected[k].add(token)

    def _members(self, state: State, k: int, token: str) -> list[int]:
        """The block's rows after the edit, in corpus order."""
        rows = [r for r in array("q", self.state.members[k].get(token, b""))
                if r not in self._removed]

        def order(row: int) -> tuple[int, int]:
            path = state.row_file[row]
            rows_of = self.file_rows.get(path)
            if rows_of is None:  # an unchanged file's (insort compares with the block's rows)
                rows_of = self.file_rows[path] = self.stored.rows(state.files[path])
            return self.rank[path], rows_of.index(row)

        for row in sorted(self._added[k].get(token, ()), key=order):
            insort(rows, row, key=order)
        return rows

    def _run_block(self, mini: Corpus, specs: list[Any], fn: BlockFn, token: str,
                   claims: list[ClaimInfo]) -> list[Finding] | None:
        view = Corpus(root=self.root, entities=mini.entities, predicates=mini.predicates)
        view.claims = claims
        _index(view)
        by_id = {(c.source.id, c.id): c for c in claims}
        out: list[Finding] = []
        for spec in specs:
            for hit in spec.check(view, self.selection.options[spec.code]):
                mine = {fn(view, by_id[(c.source, c.claim)]) if (c.source, c.claim) in by_id
                        else None for c in hit.claims}
                if mine != {token}:
                    return None  # the rule read beyond its block: not provably local
                out.append(stamp(spec, self.selection.severity[spec.code], hit))
        return out


def _local(selection: Selection) -> Selection:
    """The stages and the rules that read one record at a time."""
    specs = {c: s for c, s in selection.specs.items() if s.block is None}
    return Selection(specs, selection.severity, selection.options)


def _copy_state(state: State) -> State:
    """A state to update: the tables an edit changes are copied, the rest shared."""
    return State(digest=state.digest, taken=state.taken, generation=state.generation,
                 rows_generation=state.rows_generation,
                 files=dict(state.files), partitions=state.partitions,
                 members=[m.copy() for m in state.members], row_offset=array("q", state.row_offset),
                 row_length=array("q", state.row_length), row_file=list(state.row_file),
                 findings=state.findings, entities=state.entities, predicates=state.predicates)


# ------------------------------------------------------------------ merge

Item = int | Finding  # a stored finding (its index) or a new one


class IncrementalResult(RunResult):
    """A re-check's result: stored findings stay bytes in the stored report until a
    reporter needs them as objects."""

    def __init__(self, mini: Corpus, fail_on: str, root: Path, old: State, state: State,
                 store: Store, items: list[Item], owners_: dict[str, Owner]) -> None:
        self._list: list[Finding] | None = None
        super().__init__(corpus=mini, findings=[], fail_on=fail_on, root=root)
        self.old, self.state, self.store = old, state, store
        self.items = items
        self.new_owner = owners_  # fingerprint -> owner, for new findings
        self.after: list[Finding] = []  # findings made after the run (triage's)
        self._by_fp: dict[str, Item] | None = None
        self._summary: Any = None
        self._blob = _open_pinned(store.blob(old.generation), old.blob_stat)
        self.blob_file: Path | None = None  # the stored report of the new state

    # findings as objects, on demand ------------------------------------------
    @property
    def findings(self) -> list[Finding]:
        if self._list is None:
            with gc_paused():  # a model per stored finding, all kept: nothing to collect
                self._list = sorted([self._object(i) for i in self.items] + self.after,
                                    key=Finding.sort_key)
        return self._list

    @findings.setter
    def findings(self, value: list[Finding]) -> None:
        self._list = value or None

    def _fp(self, item: Item) -> str:
        return item.fingerprint if isinstance(item, Finding) else self.old.findings.fingerprint[item]

    def _raw(self, i: int) -> bytes:
        t = self.old.findings
        return os.pread(self._blob.fileno(), t.length[i], t.offset[i])

    def _object(self, item: Item) -> Finding:
        if isinstance(item, Finding):
            return item
        data = json.loads(self._raw(item))
        data.pop("status", None)
        data.pop("review", None)
        return Finding.model_validate(data)

    def close(self) -> None:
        self._blob.close()
        super().close()

    def of_rules(self, codes: Collection[str]) -> list[Finding]:
        """The run's findings of these rules (the others are not made into objects)."""
        rules = self.old.findings.rule
        chosen = [self._object(i) for i in self.items
                  if (i.rule if isinstance(i, Finding) else rules[i]) in codes]
        return sorted(chosen, key=Finding.sort_key)

    # what RunResult answers from its findings ----------------------------------
    @property
    def by_fp(self) -> dict[str, Item]:
        if self._by_fp is None:
            self._by_fp = {self._fp(i): i for i in self.items}
        return self._by_fp

    def lookup(self, fingerprint: str) -> Finding | None:
        if fingerprint in self.by_fp:
            return self._object(self.by_fp[fingerprint])
        return next((f for f in self.after if f.fingerprint == fingerprint), None)

    def add(self, findings: Sequence[Finding]) -> None:
        for f in findings:
            if f.fingerprint not in self.by_fp and all(a.fingerprint != f.fingerprint
                                                       for a in self.after):
                self.after.append(f)
        self._list = self._summary = None

    def has_findings(self) -> bool:
        return bool(self.items or self.after)

    def _reviewed(self) -> dict[str, Any]:
        entries = self.extra.get("reviewed")
        return entries if isinstance(entries, dict) else {}

    def _fingerprints(self) -> Iterator[str]:
        """The fingerprint of every finding, in the order of :meth:`_severities`: read
        only where a review or a failing severity asks (a summary counts severities)."""
        if self.blob_file is not None:  # committed: the new table lines up with the items
            yield from self.state.findings.fingerprint
        else:
            yield from (self._fp(i) for i in self.items)
        yield from (f.fingerprint for f in self.after)

    def _severities(self) -> list[str]:
        """The severity of every finding."""
        if self.blob_file is not None:
            sevs = list(self.state.findings.severity)
        else:
            old = self.old.findings.severity
            sevs = [i.severity.value if isinstance(i, Finding) else old[i] for i in self.items]
        return sevs + [f.severity.value for f in self.after]

    @property
    def failed(self) -> bool:
        if self.fail_on == "none":
            return False
        floor = Severity(self.fail_on).rank
        reviewed = self._reviewed()
        ranks = {s.value: s.rank for s in Severity}
        return any(ranks[sev] >= floor and fp not in reviewed
                   for fp, sev in zip(self._fingerprints(), self._severities(), strict=True))

    def counts(self) -> dict[str, int]:
        files = self.state.files
        return {"files": len(files), "sources": sum(e.counts[0] for e in files.values()),
                "claims": sum(e.counts[1] for e in files.values()),
                "entities": len(self.corpus.entities), "predicates": len(self.corpus.predicates)}

    def files(self) -> list[str]:
        return list(self.state.files)

    def files_of_kind(self, kind: str) -> list[str]:
        # the mini corpus holds only the files that changed: the state knows every one
        return [path for path, entry in self.state.files.items() if entry.kind == kind]

    def summary(self) -> Any:
        from .report_schema import SeverityCounts, Summary

        if self._summary is None:
            sevs = self._severities()
            by = {s.value: 0 for s in Severity} | Counter(sevs)
            reviewed = self._reviewed()
            done = sum(fp in reviewed for fp in self._fingerprints()) if reviewed else 0
            c = self.counts()
            self._summary = Summary(
                files=c["files"], sources=c["sources"], claims=c["claims"],
                entities=c["entities"], predicates=c["predicates"],
                findings=SeverityCounts(**by), total=len(sevs), reviewed=done,
                fail_on=self.fail_on, failed=self.failed)
        return self._summary

    # storing and writing --------------------------------------------------------
    def commit(self) -> None:
        """Store the new state. New findings (and stored ones whose review changed) are
        rendered and appended to the stored report, like rows to the rows file: the
        stored pieces of unchanged findings stay where they are."""
        old = self.old.findings
        fresh = self._fresh()
        blob = self.store.blob(self.old.generation)
        with _open_append(blob, os.fstat(self._blob.fileno()).st_ino) as out:
            offset = out.seek(0, os.SEEK_END)
            rendered = []
            for _, f, _ in fresh:
                chunk = self.chunk(f).encode("utf-8")
                out.write(chunk + _SEP)
                rendered.append((offset, len(chunk)))
                offset += len(chunk) + len(_SEP)
            out.flush()
            self.state.blob_stat = _fstat(out.fileno())
        self.state.findings = _findings_after(old, self.items, fresh, rendered, self)
        self.store.save(self.state)
        self.blob_file = blob

    def _fresh(self) -> list[tuple[int, Finding, Owner]]:
        """The findings to render, with their position and owner: the new ones, and the
        stored ones whose review changed since."""
        reviewed = self._reviewed()
        old = self.old.findings
        # Only a finding reviewed now or when stored can have a changed review: without
        # reviews none of the stored findings (150,000 at 10,000 articles) is looked up.
        suspect = {i for i, review in enumerate(old.review) if review} if any(old.review) \
            else set()
        if reviewed:
            suspect.update(i for i, fp in enumerate(old.fingerprint) if fp in reviewed)
        fresh: list[tuple[int, Finding, Owner]] = []  # (position, finding, owner)
        if not suspect:  # the new ones only, found without a look at each stored one
            for at in _new_positions(self.items):
                item = self.items[at]
                assert isinstance(item, Finding)
                fresh.append((at, item, self.new_owner[item.fingerprint]))
            return fresh
        for at, item in enumerate(self.items):
            if isinstance(item, Finding):
                fresh.append((at, item, self.new_owner[item.fingerprint]))
            elif item in suspect and _dumps(reviewed.get(old.fingerprint[item])) \
                    != old.review[item]:
                fresh.append((at, self._object(item), old.owner[item]))  # reviewed since
        return fresh

    def plain(self) -> list[dict[str, Any]]:
        """Read back from the report as :meth:`write_report_json` writes it: mostly
        pieces of the stored report, parsed by the C decoder, not one model each."""
        if self.blob_file is None:
            return super().plain()
        import io

        out = io.BytesIO()
        self.write_report_json(out)
        text = out.getvalue()
        out.close()
        with gc_paused():  # millions of acyclic objects: 5 times faster than json.loads
            # (pydantic's parser reads all its serialiser writes: it writes no lone surrogate)
            report = pydantic_core.from_json(text)
        findings: list[dict[str, Any]] = report["findings"]
        return findings

    def report_json(self, *, indent: int | None = 2) -> str:
        if indent != 2:
            return super().report_json(indent=indent)
        import io

        out = io.BytesIO()
        self.write_report_json(out)
        return out.getvalue().decode("utf-8")

    def write_report_json(self, fh: Any) -> None:
        """The JSON report, its stored pieces copied from the stored report."""
        if self.blob_file is None:  # the new state could not be stored
            fh.write(super().report_json().encode("utf-8"))
            return
        head, tail = self.report_frame()
        fh.write(head.encode("utf-8"))
        if not self.has_findings():
            return
        table = self.state.findings
        after = sorted(self.after, key=Finding.sort_key)
        stops = [bisect_left(range(len(table)), f.sort_key(), key=table.sort_key) for f in after]
        offsets, lengths = table.offset, table.length
        # the very file this result committed to, kept open (see _open_pinned)
        pieces = _Pieces(self._blob, fh)
        start = 0
        for stop, f in [*zip(stops, after, strict=True), (len(table), None)]:
            for offset, length in _runs(offsets, lengths, start, stop):
                pieces.copy(offset, length)
            if f is not None:
                pieces.write(self.chunk(f).encode("utf-8"))
            start = stop
        pieces.flush()
        fh.write(tail.encode("utf-8"))


def _findings_after(old: Findings, items: list[Item], fresh: list[tuple[int, Finding, Owner]],
           rendered: list[tuple[int, int]], result: RunResult) -> Findings:
    """The stored findings after a re-check, gathered column by column: a run of stored
    findings kept one after the other is copied as a slice (a re-check keeps almost all
    of 150,000 at 10,000 articles, in their order)."""
    table = Findings()
    if not len(old):  # nothing was stored: every item is new, filled in below
        blank = [""] * len(items)
        table.path, table.rule, table.severity, table.review = [blank[:] for _ in range(4)]
        table.fingerprint = Fingerprints(b"\0" * Fingerprints.WIDTH * len(items))
        table.owner = Owners([("", "")], bytes(8 * len(items)))
        for name in ("line", "column", "offset", "length"):
            setattr(table, name, array("q", bytes(8 * len(items))))
    else:
        runs = _kept_runs(items)
        for name in ("path", "rule", "severity", "review", "line", "column", "offset",
                     "length"):
            setattr(table, name, _take(getattr(old, name), runs))
        table.fingerprint = old.fingerprint.take(runs)
        table.owner = old.owner.take(runs)
    for (at, f, owner), (offset, length) in zip(fresh, rendered, strict=True):
        loc = f.location
        table.path[at], table.line[at], table.column[at] = loc.path, loc.line, loc.column
        table.rule[at], table.fingerprint[at] = f.rule, f.fingerprint
        table.severity[at], table.owner[at] = f.severity.value, owner
        table.offset[at], table.length[at] = offset, length
        table.review[at] = _review_of(result, f)
    return table



def _new_positions(items: list[Item]) -> list[int]:
    """Where the new findings stand among the items (the others are ints), searched for
    by the list's own index, not by a loop over 150,000 items."""
    kinds = list(map(type, items))
    out: list[int] = []
    at = -1
    with contextlib.suppress(ValueError):
        while True:
            at = kinds.index(Finding, at + 1)
            out.append(at)
    if len(out) + kinds.count(int) != len(items):  # another kind of finding: look at each
        return [at for at, item in enumerate(items) if isinstance(item, Finding)]
    return out


def _kept_runs(items: list[Item]) -> Runs:
    """The items as runs ``(start, stop)`` of stored findings, each new finding a run of
    one placeholder (the first stored finding), which is overwritten."""
    runs: Runs = []
    first = end = -1
    for item in items:
        if type(item) is int:
            if item == end:
                end += 1
                continue
            if end >= 0:
                runs.append((first, end))
            first, end = item, item + 1
        else:
            if end >= 0:
                runs.append((first, end))
            runs.append((0, 1))
            first = end = -1
    if end >= 0:
        runs.append((first, end))
    return runs


def _take(column: Any, runs: Runs) -> Any:
    """A list or array column's runs, joined."""
    out = column[0:0]
    for start, stop in runs:
        out += column[start:stop]
    return out


def _dumps(entry: object) -> str:
    return json.dumps(entry, sort_keys=True, default=str) if entry is not None else ""


def _runs(offsets: array[int], lengths: array[int], start: int,
          stop: int) -> Iterator[tuple[int, int]]:
    """The findings ``start`` to ``stop - 1`` as ranges of the stored report: consecutive
    findings stored one after the other are one range, separators included."""
    if start >= stop:
        return
    # Where one finding does not follow the one before (a new one, one dropped between):
    # found by C loops over the columns, not a Python step per finding (150,000).
    starts, sizes = offsets[start:stop], lengths[start:stop]
    follows = map(operator.add, map(operator.add, starts, sizes), itertools.repeat(len(_SEP)))
    breaks = list(map(operator.ne, itertools.islice(starts, 1, None), follows))
    first = 0
    while True:
        try:
            last = breaks.index(True, first)
        except ValueError:
            last = len(starts) - 1
        yield starts[first], starts[last] + sizes[last] - starts[first]
        if last == len(starts) - 1:
            return
        first = last + 1


class _Pieces:
    """Writes findings separated as in the report: new ones as bytes, stored ones as
    ranges of a stored report, copied in runs (by the kernel where it can)."""

    def __init__(self, source: Any, out: Any) -> None:
        self.source, self.out = source, out
        self.at = 0  # bytes of the findings written or pending
        self.run: tuple[int, int] | None = None  # a pending range of the source
        self.count = 0

    def _sep(self) -> None:
        if self.count:
            self.out.write(_SEP)
            self.at += len(_SEP)

    def write(self, chunk: bytes) -> int:
        """Write a finding; where it starts among the findings written."""
        self.flush()
        self._sep()
        at = self.at
        self.out.write(chunk)
        self.at += len(chunk)
        self.count += 1
        return at

    def copy(self, offset: int, length: int) -> int:
        """Copy a stored finding; where it starts among the findings written."""
        run = self.run
        if run is not None and run[0] + run[1] + len(_SEP) == offset:
            # next to the pending range in the source: the separator between is copied too
            self.run = (run[0], run[1] + len(_SEP) + length)
            self.at += len(_SEP)
        else:
            self.flush()
            self._sep()
            self.run = (offset, length)
        at = self.at
        self.at += length
        self.count += 1
        return at

    def flush(self) -> None:
        if self.run is not None:
            offset, length = self.run
            self.run = None
            copy_range(self.source, self.out, offset, length)


# ------------------------------------------------------------ entry points


def recheck(paths: Sequence[Path], root: Path, selection: Selection, fail_on: str,
            digest: str, taken: int, cache: Cache | None = None) -> IncrementalResult | None:
    """The run, from the state stored in ``cache`` (by default the root's) and the
    changed files (None: run everything)."""
    try:
        return _recheck(paths, root, selection, fail_on, digest, taken,
                        cache if cache is not None else Cache.for_root(root))
    except (OSError, LookupError, ValueError, pickle.UnpicklingError) as exc:
        _log.debug("full run: the stored state cannot be used (%s)", exc)  # damaged, moved
        return None


def _recheck(paths: Sequence[Path], root: Path, selection: Selection, fail_on: str,
             digest: str, taken: int, cache: Cache | None) -> IncrementalResult | None:
    if cache is None:
        return None
    store = Store(cache, digest)
    state = store.load()
    if state is None:
        _log.debug("full run: no stored state for this configuration")
        return None
    if (state.rows_stat != _stat(store.rows(state.rows_generation))
            or state.blob_stat != _stat(store.blob(state.generation))):
        _log.debug("full run: the stored rows or report changed since they were written")
        return None
    files = shown_paths(discover_names(paths), root)
    change = _changes(state, cache, files)
    _log.debug("changed: %s", sorted(change.paths)[:20])
    if len(change.paths) > MAX_CHANGED_SHARE * max(len(files), 1):
        _log.debug("full run: %d of %d files changed", len(change.paths), len(files))
        return None
    with gc_paused():
        job = Recheck(state, store, cache, root, selection, change)
        done = job.run()
        if done is None:
            return None
        mini, found, owned, new = done
        items = _merge(state.findings, found, owned, job.removed_owners())
    if items is None:
        _log.debug("full run: a new finding repeats a stored fingerprint")
        return None
    new.taken = taken
    for shown, st in change.stats.items():
        entry = new.files.get(shown)
        if entry is not None and entry.stat != st:  # touched, same content: trust it again
            new.files[shown] = entry = entry._replace(stat=st)
        text = change.texts.get(shown)
        if entry is not None and text is not None and entry.text is not None \
                and entry.text[0] == text[0] and entry.text[2] == text[2]:
            new.files[shown] = entry._replace(text=text)
    return IncrementalResult(mini, fail_on, root, state, new, store, items,
                             {f.fingerprint: o for f, o in zip(found, owned, strict=True)})


def _merge(old: Findings, found: list[Finding], owned: list[Owner],
           removed: set[Owner]) -> list[Item] | None:
    """Stored findings whose owner was not rerun, and the new ones, in report order
    (None when a fingerprint would repeat: the cold run would have kept only one)."""
    gone = old.owner.ids_of(removed)
    dropped = old.owner.where(gone)
    kept: list[int] = []
    start = 0
    for at in dropped:
        kept += range(start, at)
        start = at + 1
    kept += range(start, len(old))
    new_fps = [f.fingerprint for f in found]
    if len(set(new_fps)) != len(new_fps) or not all(map(Fingerprints.fits, new_fps)):
        return None
    # A new fingerprint that a kept stored finding has. Stored fingerprints are unique, so
    # one a dropped finding had (most: the rerun blocks find what they found) is no kept
    # one's; each other is searched for in the stored column (not a set of 150,000).
    was = {old.fingerprint[i] for i in dropped}
    if any(old.owner.ids[i] not in gone for fp in new_fps if fp not in was
           for i in old.fingerprint.positions(fp)):
        return None
    places = sorted(((bisect_left(kept, f.sort_key(), key=old.sort_key), f) for f in found),
                    key=lambda p: (p[0], p[1].sort_key()))
    items: list[Item] = []
    start = 0
    for at, f in places:  # the kept ones up to each new one's place, then it
        items += kept[start:at]
        items.append(f)
        start = at
    items += kept[start:]
    return items


def checked(paths: Sequence[Path], root: Path, config: Config, selection: Selection, *,
            fail_on: str | None, quick: bool, after: Callable[[RunResult], None],
            rules: bool = True, cache: Cache | None = None) -> RunResult:
    """A run; with ``quick``, from the stored state when the cache holds one, and the
    state stored again for the next run. ``after`` (triage) runs before it is stored.
    ``cache``: by default the root's; ``diff`` checks a revision it exported with the
    working tree's, whose state then covers every file the two share."""
    taken = time.time_ns()
    if not quick:
        result = execute(paths, root, config, selection, rules=rules, fail_on=fail_on,
                         cache=cache if cache is not None else True)
        after(result)
        return result
    digest = run_digest(root, paths, config, selection)
    found = recheck(paths, root, selection, fail_on or config.fail_on, digest, taken, cache)
    if found is None:
        return _full_run(paths, root, config, selection, fail_on=fail_on, after=after,
                         rules=rules, digest=digest, taken=taken, cache=cache)
    after(found)
    remember(found, [], selection, digest, taken, cache)
    return found


def _full_run(paths: Sequence[Path], root: Path, config: Config, selection: Selection, *,
              fail_on: str | None, after: Callable[[RunResult], None], rules: bool,
              digest: str, taken: int, cache: Cache | None) -> RunResult:
    """Every stage and rule, then the state stored for the next re-check."""
    result = execute(paths, root, config, selection, rules=rules, fail_on=fail_on,
                     cache=cache if cache is not None else True)
    ran = list(result.findings)  # before triage adds its own, which are not stored
    after(result)
    remember(result, ran, selection, digest, taken, cache)
    return result


@dataclass
class StagesResult(RunResult):
    """``validate``'s run read from ``check``'s stored state: the stage findings of the
    re-check, and the counts of the whole corpus."""

    corpus_counts: dict[str, int] = field(default_factory=dict)
    corpus_files: list[str] = field(default_factory=list)
    corpus_reviews: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return self.corpus_counts

    def files(self) -> list[str]:
        return self.corpus_files

    def files_of_kind(self, kind: str) -> list[str]:
        return self.corpus_reviews if kind == "reviews" else []


def stages_from_check(paths: Sequence[Path], root: Path, config: Config, check: Selection,
                      stages: Selection, *, fail_on: str | None,
                      check_after: Callable[[RunResult], None],
                      after: Callable[[RunResult], None]) -> RunResult | None:
    """``validate`` from the state ``check`` stored, when there is one and the re-check
    holds: the stage findings do not depend on the rules that run, so they are the
    check's, and the check's state is stored again on the way (None: run ``validate``).
    Without a state, ``validate`` stays a validation, not a whole check."""
    if {c: stages.severity[c] for c in stages.specs} != {
            c: check.severity[c] for c in check.specs if check.specs[c].category in
            {s.category for s in stages.specs.values()}}:
        return None  # not the same stage codes or severities: the check's are not these
    taken = time.time_ns()
    digest = run_digest(root, paths, config, check)
    found = recheck(paths, root, check, fail_on or config.fail_on, digest, taken)
    if found is None:
        return None
    _log.debug("validate: the stage findings of check's re-check")
    try:
        check_after(found)
        remember(found, [], check, digest, taken)
        view = StagesResult(corpus=found.corpus, findings=found.of_rules(stages.specs),
                            fail_on=found.fail_on, root=root, corpus_counts=found.counts(),
                            corpus_files=found.files(),
                            corpus_reviews=found.files_of_kind("reviews"))
    finally:
        found.close()
    after(view)
    return view


def checked_whole(paths: Sequence[Path], root: Path, config: Config, selection: Selection, *,
                  fail_on: str | None, after: Callable[[RunResult], None],
                  cache: Cache | None = None) -> RunResult:
    """A run for a report that shows the whole corpus (html): the findings from the
    stored state when a re-check holds (no rule runs again), the corpus built from the
    per-file cache; else a full run. Either way the state is stored for the next run."""
    taken = time.time_ns()
    digest = run_digest(root, paths, config, selection)
    found = recheck(paths, root, selection, fail_on or config.fail_on, digest, taken, cache)
    if found is None:
        return _full_run(paths, root, config, selection, fail_on=fail_on, after=after,
                         rules=True, digest=digest, taken=taken, cache=cache)
    try:
        corpus = build(paths, root, cache=cache if cache is not None else True)
        whole = RunResult(corpus=corpus, findings=list(found.findings), fail_on=found.fail_on,
                          root=root)
        after(whole)
        # the stored report's review column, as the re-check's own triage would set it
        found.extra.update({k: v for k, v in whole.extra.items() if k in ("reviewed", "expired")})
        remember(found, [], selection, digest, taken, cache)
    finally:
        found.close()
    return whole


def remember(result: RunResult, findings: Sequence[Finding], selection: Selection,
             digest: str, taken: int, cache: Cache | None = None) -> None:
    """Store the state a later re-check starts from."""
    if isinstance(result, IncrementalResult):
        with contextlib.suppress(OSError):  # else the report is written from objects
            result.commit()
        return
    save_full(result, findings, selection, digest, taken, cache)
