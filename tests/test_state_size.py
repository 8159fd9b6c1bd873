"""The stored re-check state stays compact, and a re-check does no work per stored finding
that it does not need: at 10,000 articles every object per claim or per finding is
hundreds of thousands of them, in the peak memory of a cold run and in every re-check's
time (issue 6)."""

from __future__ import annotations

import io
from array import array
from pathlib import Path

import pytest

from benchmarks.__main__ import _edit
from checks import incremental
from checks.cache import Cache
from checks.config import Config
from checks.engine import select
from checks.pipeline import execute
from tests.test_state_sharing import _checked, generated


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return generated(tmp_path, monkeypatch)


def _stored(root: Path) -> incremental.State:
    config = Config()
    digest = incremental.run_digest(root, [root / "facts"], config, select(config))
    state = incremental.Store(Cache(root / ".fact-checks-cache"), digest).load()
    assert state is not None
    return state


def _reading(root: Path, state: incremental.State) -> incremental._Stored:
    config = Config()
    digest = incremental.run_digest(root, [root / "facts"], config, select(config))
    stored = incremental._Stored(state, incremental.Store(Cache(root / ".fact-checks-cache"),
                                                           digest))
    for members in state.members:
        members.read = stored.read
    return stored


def test_block_members_are_stored_packed_in_corpus_order(root: Path) -> None:
    _checked(root).close()
    state = _stored(root)
    stored = _reading(root, state)
    try:
        blocks = [rows for members in state.members for rows in members.values()]
        files = [stored.claims(e).rows for e in state.files.values()]
    finally:
        stored.close()
    assert blocks and all(isinstance(rows, bytes) for rows in blocks)
    order = {row: i for i, row in enumerate(r for rows in files for r in rows)}
    for rows in blocks:
        ids = array("q", rows).tolist()
        assert ids and all(row in order for row in ids)
        assert sorted(ids, key=order.__getitem__) == ids


def test_a_claims_blocks_hold_its_row_and_no_other_block_does(root: Path) -> None:
    """The blocks stored with each file's claims and the rows stored with each block (the
    state holds neither, the rows file both) say the same."""
    _checked(root).close()
    state = _stored(root)
    stored = _reading(root, state)
    try:
        held = [{token: set(array("q", rows)) for token, rows in members.items()}
                for members in state.members]
        claims = [stored.claims(e) for e in state.files.values()]
    finally:
        stored.close()
    for packed in claims:
        for row, tokens in zip(packed.rows, packed.tokens, strict=True):
            for k, token in enumerate(tokens):
                assert {t for t, rows in held[k].items() if row in rows} == (
                    {token} if token is not None else set())


def test_a_recheck_without_reviews_looks_up_no_stored_findings_review(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _checked(root).close()
    _edit(root)
    calls: list[object] = []
    dumps = incremental._dumps
    monkeypatch.setattr(incremental, "_dumps", lambda e: calls.append(e) or dumps(e))
    result = _checked(root)
    try:
        assert isinstance(result, incremental.IncrementalResult)
        new = sum(isinstance(i, incremental.Finding) for i in result.items)
        assert len(result.items) > 10 * max(new, 1)
        assert len(calls) <= new  # one per new finding rendered, none per stored one
        out = io.BytesIO()
        result.write_report_json(out)
    finally:
        result.close()
    config = Config()
    cold = io.BytesIO()
    execute([root / "facts"], root, config, select(config), fail_on="none",
            cache=False).write_report_json(cold)
    assert out.getvalue() == cold.getvalue()
