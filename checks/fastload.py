"""The fast path of stage 1: libyaml's C parser (through PyYAML) when installed.

It builds exactly what :func:`checks.load.parse_text` builds (the same data,
the same positions of keys, values and items) for the ordinary file: plain
scalars, quoted scalars, block and flow collections, empty mapping values
(both place them with :func:`checks.load.empty_value_pos`). Anything out of the
ordinary (an anchor, an alias, a tag, a duplicate key, a limit, a syntax
error, several documents, an empty file) aborts the fast path and the file is
parsed again by the standard loader, so every load finding, its message and
its position come from one place. The one exception is the node limit of a
file of ordinary nodes: both loaders count alike and stop at the same node,
and the standard loader took half a minute to get there. ``tests/test_fastpath.py`` compares both
paths on every fixture, on hostile inputs and on mutated records.

PyYAML is optional (``pip install fact-checks[fast]``); without it
:data:`AVAILABLE` is false and callers use the standard loader.
``FACT_CHECKS_FAST=off`` turns the fast paths (this one and pydantic-first
validation) off, to compare them with the standard path.
"""

from __future__ import annotations

import math
import os
from typing import Any

from .load import (
    _INT,
    MAX_DEPTH,
    MAX_KEY_CHARS,
    MAX_NODES,
    MAX_NUMBER_CHARS,
    MAX_SCALAR_CHARS,
    Document,
    Pos,
    _resolve_plain,
    empty_value_pos,
    escape_pointer,
    too_many_nodes,
)

try:  # optional dependency: PyYAML built against libyaml
    from yaml import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )
    from yaml._yaml import CParser  # type: ignore[import-untyped,import-not-found,unused-ignore]

    AVAILABLE = True
except ImportError:  # pragma: no cover - exercised where PyYAML is absent
    AVAILABLE = False


def enabled() -> bool:
    """The fast paths are on unless ``FACT_CHECKS_FAST=off`` (for comparisons)."""
    return os.environ.get("FACT_CHECKS_FAST", "on").lower() not in ("off", "0", "no", "false")


class _Abort(Exception):
    """The file needs the standard loader (it will also produce the findings)."""


class _TooMany(Exception):
    """The node past MAX_NODES, at ``pos``: where the standard loader stops too. Handing
    such a file over took the standard loader 26 s to reach the same node (2.6 MB of
    plain claims), and a pull request may bring many."""

    def __init__(self, pos: Pos) -> None:
        super().__init__(pos)
        self.pos = pos


def _start(stack: list[list[Any]], pending: list[Any]) -> str:
    """Pointer for the value about to be attached (keys are handled before)."""
    if not stack:
        return ""
    top = stack[-1]
    if top[2]:
        return f"{top[1]}/{escape_pointer(pending[0])}"
    return f"{top[1]}/{len(top[0])}"


def _scalar_value(text: str, style: str | None) -> Any:
    if len(text) > MAX_SCALAR_CHARS:
        raise _Abort
    if style:  # quoted, literal or folded: always a string
        return text
    if not text:
        return None
    if len(text) > MAX_NUMBER_CHARS and _INT.match(text):
        raise _Abort
    value = _resolve_plain(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise _Abort
    return value


def _empty_pos(text: str, stack: list[list[Any]], key_end: Any) -> Pos:
    """An empty mapping value's position, as the standard loader gives it."""
    if not stack or not stack[-1][2]:
        raise _Abort  # an empty list item: the standard loader places it
    return empty_value_pos(text, key_end.index, key_end.line, key_end.column)


def _events(text: str) -> Any:
    parser = CParser(text)
    try:
        get = parser.get_event
        if type(get()) is not StreamStartEvent:
            raise _Abort
        event = get()
        while type(event) is not StreamEndEvent:
            yield event
            event = get()
    finally:
        parser.dispose()


def _build(text: str) -> tuple[Any, dict[str, Pos], dict[str, Pos]]:
    """(data, values, keys), or _Abort for anything the standard loader must see."""
    values: dict[str, Pos] = {}
    keys: dict[str, Pos] = {}
    # frame: [container, pointer, is_mapping, seen keys]; pending holds a mapping's next key
    stack: list[list[Any]] = []
    pending: list[Any] = [None]
    root: Any = None
    key_end: Any = None  # the end mark of the last mapping key
    documents = nodes = 0
    has_root = False
    for event in _events(text):
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Abort
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            nodes += 1
            if stack and stack[-1][2] and pending[0] is None:  # a mapping key
                key = event.value
                top = stack[-1]
                if len(key) > MAX_KEY_CHARS or key in top[3]:
                    raise _Abort
                top[3].add(key)
                pending[0] = key
                key_end = event.end_mark
                keys[f"{top[1]}/{escape_pointer(key)}"] = pos
                continue
            if not event.value and mark.index == event.end_mark.index:
                pos = _empty_pos(text, stack, key_end)
            if nodes > MAX_NODES:  # values are counted as the standard loader counts them
                raise _TooMany(pos)
            pointer = _start(stack, pending)
            values[pointer] = pos
            value = _scalar_value(event.value, event.style)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                raise _Abort
            if stack and stack[-1][2] and pending[0] is None:
                raise _Abort  # a list or mapping used as a key
            mark = event.start_mark
            pointer = _start(stack, pending)
            values[pointer] = (mark.line + 1, mark.column + 1)
            nodes += 1
            if nodes > MAX_NODES:
                raise _TooMany((mark.line + 1, mark.column + 1))
            if stack and stack[-1][2]:
                stack[-1].append(pending[0])  # remember the key this container fills
                pending[0] = None
            is_map = kind is MappingStartEvent
            stack.append([{} if is_map else [], pointer, is_map, set()])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            value = frame[0]
            if stack and stack[-1][2]:
                pending[0] = stack[-1].pop()
        else:
            if kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Abort
                continue
            if kind is DocumentEndEvent:
                continue
            raise _Abort  # an alias
        if not stack:
            root, has_root = value, True
        elif stack[-1][2]:
            stack[-1][0][pending[0]] = value
            pending[0] = None
        else:
            stack[-1][0].append(value)
    if not has_root or root is None or nodes > MAX_NODES:
        raise _Abort
    return root, values, keys


def parse_fast(doc: Document, text: str) -> bool:
    """Fill ``doc`` from ``text`` with libyaml; False when the standard loader must run."""
    if not AVAILABLE or "\\u" in text or "\\U" in text:
        return False  # escapes may make lone surrogates: the standard loader reports them
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        return False  # libyaml breaks lines there (YAML 1.1), YAML 1.2 does not: one answer
    if "\t" in text or "\ufeff" in text[1:]:
        return False  # libyaml accepts tabs (and marks) where the standard loader stops
    try:
        data, values, keys = _build(text)
    except _TooMany as limit:
        too_many_nodes(doc, limit.pos)
        return True
    except _Abort:
        return False
    except Exception:  # libyaml's errors, or anything odd: the standard loader reports it
        return False
    doc.data, doc.values, doc.keys = data, values, keys
    return True
