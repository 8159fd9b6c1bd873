"""The stored re-check state (checks.incremental.Store): read back exactly as written,
and anything else (damaged, unsigned, another format) is no state, never a crash."""

from __future__ import annotations

import hmac
import marshal
from array import array
from pathlib import Path

import pytest

from checks.cache import Cache, _secret
from checks.incremental import (
    FORMAT,
    NO_CLAIMS,
    FileEntry,
    Findings,
    Fingerprints,
    Members,
    Owners,
    Packed,
    State,
    Store,
    _file_entry,
    frame,
)


def _state() -> State:
    entry = FileEntry((10, 2, 3, 4), "k" * 64, "record", "src-1",
                      ("facts/texts/a.txt", (5, 6, 7, 8), ""), 0, (40, 2, 90), (1, 2))
    bare = _file_entry(None, "", None, None, None)
    table = Findings(path=["facts/a.yaml"], line=array("q", [3]), column=array("q", [5]),
                     rule=["C101"], fingerprint=Fingerprints(b"f" * 20), severity=["error"],
                     owner=Owners([("conflict", "blk")], _ids(0)), offset=array("q", [0]),
                     length=array("q", [42]), review=[""])
    return State(digest="d" * 32, taken=123, generation=2, rows_generation=1,
                 files={"facts/a.yaml": entry, "facts/b.yaml": bare},
                 partitions=["conflict"], members=[Members(["blk"], _ids(140), _ids(16))],
                 row_offset=array("q", [0, 17]), row_length=array("q", [17, 20]),
                 row_file=["facts/a.yaml", "facts/a.yaml"], findings=table,
                 entities=4, predicates=5, rows_stat=(1, 2, 3, 4), blob_stat=None)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(Cache(tmp_path / "cache"), "d" * 32)
    s.folder.mkdir(parents=True)
    return s


def test_state_reads_back_as_written(store: Store) -> None:
    state = _state()
    store.save(state)
    again = store.load()
    assert again == state
    assert again is not None and again.files["facts/a.yaml"].packed == (40, 2, 90)
    assert isinstance(again.row_offset, array) and again.findings.length.tolist() == [42]


def _sign(store: Store, body: bytes) -> None:
    (store.folder / "state.pkl").write_bytes(hmac.digest(_secret(), body, "sha256") + body)


@pytest.mark.parametrize("body", [
    b"",  # empty
    b"\x00garbage",  # not marshal data
    b"".join(frame(["0", [], {}])),  # another format
    b"".join(frame([FORMAT, [1, 2], {}])),  # the right format, missing fields
    b"".join(frame([[1, 2, 3]])),  # not the state's shape
    marshal.dumps((FORMAT, [], {}, [])),  # one marshal object, not framed parts
    b"".join(frame([FORMAT, [], {}]))[:-1],  # a part cut short
])
def test_signed_but_unusable_state_is_no_state(store: Store, body: bytes) -> None:
    _sign(store, body)
    assert store.load() is None


def test_unsigned_or_damaged_state_is_no_state(store: Store) -> None:
    store.save(_state())
    path = store.folder / "state.pkl"
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1
    path.write_bytes(bytes(raw))
    assert store.load() is None
    path.write_bytes(b"short")
    assert store.load() is None


def test_text_digest_is_of_the_text_the_run_read(tmp_path: Path) -> None:
    from checks.incremental import _file_digest, _text_entry

    path = tmp_path / "texts" / "a.txt"
    record = tmp_path / "a.yaml"
    path.parent.mkdir()
    path.write_bytes("read by the run \u2014 caf\u00e9\r\n".encode())
    read = path.read_bytes().decode("utf-8")
    entry = _text_entry(path, read, record)
    assert entry is not None and entry[2] == _file_digest(path)  # strict UTF-8 gives its bytes
    path.write_bytes(b"edited while the run was going")  # after it was read, before remembered
    later = _text_entry(path, read, record)
    assert later is not None and later[2] != _file_digest(path)  # the next run sees the edit
    # stored from the record's folder: the state holds for another checkout of the files
    assert _text_entry(path, None, record) == ("texts/a.txt", later[1], _file_digest(path))
    assert _text_entry(None, read, record) is None


def _ids(*rows: int) -> bytes:
    return array("q", rows).tobytes()


def test_blocks_a_recheck_changed_are_written_beside_the_others() -> None:
    """A partition's blocks stand in the rows file, the state says where; a re-check
    writes the blocks it changed (a block emptied, one changed, one new) after the others,
    and the rest are read where they were."""
    rows = bytearray()

    def put(blob: bytes) -> int:
        rows.extend(blob)
        return len(rows) - len(blob)

    stored = Members()
    for token, ids in {"a": _ids(1), "b": _ids(2, 3), "c": _ids(4), "e": _ids(5)}.items():
        stored.add(token, put(ids), len(ids))
    stored = Members(*stored.pack())
    stored.read = lambda at, size: bytes(rows[at:at + size])
    changed = stored.copy()
    changed.pop("a")
    changed["c"] = _ids(4, 9)
    changed["d"] = _ids(7)
    assert changed.get("c") == _ids(4, 9) and stored.get("c") == _ids(4)
    changed.write(put)
    again = Members(*changed.pack())
    again.read = stored.read
    assert dict(again.items()) == {"b": _ids(2, 3), "c": _ids(4, 9), "e": _ids(5),
                                   "d": _ids(7)}
    assert again.get("a") == b"" and again.get("c") == _ids(4, 9)
    assert dict(stored.items()) == {"a": _ids(1), "b": _ids(2, 3), "c": _ids(4), "e": _ids(5)}


def test_a_files_claims_read_back_as_packed() -> None:
    claims = Packed([3, 9], [b"d" * 16, b"\xff" * 16], [("blk", None), ("\udc80 x", "y")])
    blob = claims.encode()
    assert Packed.decode(blob, 2) == claims
    assert Packed.decode(NO_CLAIMS.encode(), 0) == NO_CLAIMS
    for damaged in (blob[:20], blob[:-8] + b'["x"],[[0,"a"],[1,-1]]]', blob[:48] + b"[[],[[3]]]"):
        with pytest.raises(ValueError):
            Packed.decode(damaged, 2)


def test_findings_columns_keep_each_fingerprint_and_owner_in_place() -> None:
    fps = Fingerprints()
    owners = Owners()
    for i, owner in enumerate([("", "a.yaml"), ("conflict", "k"), ("", "a.yaml"), ("q", "k")]):
        fps.append(f"{i:020d}")
        owners.append(owner)
    fps[1] = "f" * 20
    owners[3] = ("conflict", "k")
    again_fps, again_owners = Fingerprints(fps.tobytes()), Owners(*owners.pack())
    assert list(again_fps) == ["0" * 20, "f" * 20, f"{2:020d}", f"{3:020d}"]
    assert list(again_owners) == [("", "a.yaml"), ("conflict", "k"), ("", "a.yaml"),
                                  ("conflict", "k")]
    assert list(fps.positions("f" * 20)) == [1] and list(fps.positions("0" * 19 + "2")) == [2]
    assert list(fps.take([(3, 4), (0, 2)])) == [f"{3:020d}", "0" * 20, "f" * 20]
    assert list(owners.take([(2, 3), (1, 2)])) == [("", "a.yaml"), ("conflict", "k")]
    assert owners.ids_of({("conflict", "k"), ("x", "y")}) == {1}
    with pytest.raises(ValueError):
        fps.append("short")
