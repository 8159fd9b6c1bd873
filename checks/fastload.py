"""The fast path of stage 1: libyaml's C parser (through PyYAML) when installed.

It builds exactly what :func:`checks.load.parse_text` builds (the same data,
the same positions of keys, values and items) for the ordinary file: plain
scalars, quoted scalars, block and flow collections, empty mapping values
(both place them with :func:`checks.load.empty_value_pos`). A file out of the
ordinary (an anchor, an alias, a tag, a duplicate key, an escape, a limit,
several documents, an empty file) has libyaml's events fed to the standard
loader's own builder (:func:`checks.load.feed_events`), so every load finding,
its message and its position come from one place. What only the standard
parser can tell (libyaml's syntax errors, tabs, YAML 1.1 line breaks, a late
byte-order mark, an empty list item, an anchor name the parsers end apart) it
reads in windows around each place (:mod:`checks.splice`): it takes 2-10 µs a
byte, and a 5 MiB record with one stray tab or anchor took it up to a minute.
The node limit of a file of ordinary nodes is found here too: both loaders count
alike and stop at the same node. ``tests/test_fastpath.py`` and
``tests/test_redteam6.py`` compare the paths on every fixture, on hostile inputs
and on mutated records.

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
    feed_events,
    too_many_nodes,
)
from .splice import odd_name, spliced

try:  # optional dependency: PyYAML built against libyaml
    from yaml import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
        AliasEvent,
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


def _scalar_value(text: str, style: str | None) -> Any:
    if len(text) > MAX_SCALAR_CHARS:
        raise _Abort
    if style:  # quoted, literal or folded: always a string
        return text
    if not text:
        return None
    if text[0] not in _MAY_RESOLVE:  # an id, a word: no null, bool or number starts so
        return text
    if len(text) > MAX_NUMBER_CHARS and _INT.match(text):
        raise _Abort
    value = _resolve_plain(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise _Abort
    return value


# The first characters of every plain scalar the core schema reads as other than a
# string (checks.load._resolve_plain): null (~, null), a bool, an int, a float, .inf and
# .nan ('0o12', '0x1F' and '012' stay text there, but start with a digit too). Most plain
# scalars are ids and words, and skip its regexes.
_MAY_RESOLVE = frozenset("~nNtTfF0123456789+-.")


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
        bom = text.startswith("\ufeff")
        while type(event) is not StreamEndEvent:
            yield _past_bom(event) if bom else event
            event = get()
    finally:
        parser.dispose()


class _Mark:
    """A libyaml mark moved (its own is read-only)."""

    __slots__ = ("column", "index", "line")

    def __init__(self, index: int, line: int, column: int) -> None:
        self.index, self.line, self.column = index, line, column


def _past_bom(event: Any) -> Any:
    """libyaml does not count a byte-order mark opening the text in its indexes (its
    lines and columns are the standard parser's): every index was one short, so an
    empty value (``note:``) was placed a column early in a file an editor saved with
    one, and the splice read the wrong characters for each entry it could cut at."""
    for name in ("start_mark", "end_mark"):
        mark = getattr(event, name)
        setattr(event, name, _Mark(mark.index + 1, mark.line, mark.column))
    return event


def _child(top: list[Any], key: str) -> str:
    """The pointer of a mapping's value under ``key`` (escaped only where it must be)."""
    return f"{top[1]}/{escape_pointer(key) if '~' in key or '/' in key else key}"


def _build(text: str) -> tuple[Any, dict[str, Pos], dict[str, Pos]]:
    """(data, values, keys), or _Abort for anything the standard loader must see.

    The loop runs once per event (a thousand per article), so it keeps its state in
    locals: ``key`` and ``at`` are the top mapping's key awaiting its value and that
    value's pointer (each key's pointer is built once, for both tables)."""
    values: dict[str, Pos] = {}
    keys: dict[str, Pos] = {}
    # frame: [container, pointer, is_mapping, seen keys, (key and pointer it fills)]
    stack: list[list[Any]] = []
    key: Any = None
    at = ""
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
            top = stack[-1] if stack else None
            if top is not None and top[2] and key is None:  # a mapping key
                key = event.value
                if len(key) > MAX_KEY_CHARS or key in top[3]:
                    raise _Abort
                top[3].add(key)
                key_end = event.end_mark
                at = _child(top, key)
                keys[at] = pos
                continue
            if not event.value and mark.index == event.end_mark.index:
                pos = _empty_pos(text, stack, key_end)
            if nodes > MAX_NODES:  # values are counted as the standard loader counts them
                raise _TooMany(pos)
            values[at if top is not None and top[2] else
                   f"{top[1]}/{len(top[0])}" if top is not None else ""] = pos
            value = _scalar_value(event.value, event.style)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                raise _Abort
            top = stack[-1] if stack else None
            if top is not None and top[2] and key is None:
                raise _Abort  # a list or mapping used as a key
            mark = event.start_mark
            pointer = (at if top is not None and top[2] else
                       f"{top[1]}/{len(top[0])}" if top is not None else "")
            values[pointer] = (mark.line + 1, mark.column + 1)
            nodes += 1
            if nodes > MAX_NODES:
                raise _TooMany((mark.line + 1, mark.column + 1))
            if top is not None and top[2]:
                top.append((key, at))  # remember the key this container fills
                key = None
            is_map = kind is MappingStartEvent
            stack.append([{} if is_map else [], pointer, is_map, set()])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            value = frame[0]
            if stack and stack[-1][2]:
                key, at = stack[-1].pop()
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
            stack[-1][0][key] = value
            key = None
        else:
            stack[-1][0].append(value)
    if not has_root or root is None or nodes > MAX_NODES:
        raise _Abort
    return root, values, keys



def _placed(events: Any, text: str) -> Any:
    """libyaml's events, stopping (_Abort) where its marks are not the standard loader's:
    an empty scalar anywhere but as a mapping's value (an empty list item or key, an empty
    document) is placed at the parser's own mark, which the two parsers put apart."""
    # per open collection: [is a mapping, its next node is a value]
    frames: list[list[bool]] = []
    for event in events:
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            frames.pop()
        elif kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent \
                or kind is AliasEvent:
            if odd_name(text, event):
                raise _Abort
            top = frames[-1] if frames else None
            if (kind is ScalarEvent and not event.value and not event.style
                    and event.start_mark.index == event.end_mark.index
                    and not (top is not None and top[0] and top[1])):
                raise _Abort
            if top is not None and top[0]:
                top[1] = not top[1]
            if kind is not ScalarEvent and kind is not AliasEvent:
                frames.append([kind is MappingStartEvent, False])
        yield event


def _standard_build(doc: Document, text: str) -> bool:
    """Feed libyaml's events to the standard loader's builder (:func:`checks.load.feed_events`):
    anchors, aliases, tags, duplicate keys, escapes and limits get the standard loader's
    findings at its positions without its pure-Python parser, which takes seconds per
    megabyte (a 5 MiB file with one anchor took 12 s). False when only the standard loader
    can tell: libyaml's own errors, and marks the two parsers place differently."""
    trial = Document(path=doc.path, file=doc.file)
    events = _events(text)
    try:
        feed_events(trial, text, _placed(events, text))
    except Exception:  # libyaml's errors, _Abort: the standard loader reports them
        return False
    finally:
        events.close()
    doc.data, doc.values, doc.keys = trial.data, trial.values, trial.keys
    doc.hits, doc.counts, doc.summaries = trial.hits, trial.counts, trial.summaries
    return True


def _splice(doc: Document, text: str) -> bool:
    """The standard parser only where libyaml cannot answer (:mod:`checks.splice`)."""
    return spliced(doc, text, _events)


def parse_fast(doc: Document, text: str) -> bool:
    """Fill ``doc`` from ``text`` with libyaml; False when the standard loader must run."""
    if not AVAILABLE:
        return False
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        return _splice(doc, text)  # libyaml breaks lines there (YAML 1.1), YAML 1.2 does not
    if "\t" in text or "\ufeff" in text[1:]:
        return _splice(doc, text)  # libyaml accepts tabs (and marks) where the standard stops
    if "\\u" in text or "\\U" in text:
        # escapes may make lone surrogates: the standard loader's builder reports them
        return _standard_build(doc, text) or _splice(doc, text)
    try:
        data, values, keys = _build(text)
    except _TooMany as limit:
        too_many_nodes(doc, limit.pos)
        return True
    except _Abort:
        return _standard_build(doc, text) or _splice(doc, text)
    except Exception:  # libyaml's errors, or anything odd: the standard parser reports it
        return _splice(doc, text)
    doc.data, doc.values, doc.keys = data, values, keys
    return True
