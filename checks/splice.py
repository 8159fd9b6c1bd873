"""Bounded standard loading: the pure-Python parser only around what libyaml cannot answer.

The standard loader (ruamel.yaml's pure parser, :func:`checks.load.parse_text`) is the
authority on syntax errors, tabs, line separators and byte-order marks, where libyaml
(YAML 1.1, C) reads differently; but it takes 2-10 µs a byte, so a 5 MiB record with one
stray tab, or a syntax error at its end, took tens of seconds. Here libyaml reads the file,
and the standard parser reads only *windows*: from the last entry starting a line before
each such trouble to the first entry starting a line after it (to the end of the file after
a libyaml error). Inside a flow collection an entry right after ',' or the opening bracket
is one too, on the trouble's own line for a tab or a YAML 1.1 line break: a flow collection
of a megabyte, even on one line, is read around its tab, not from its bracket.

A window is parsed by the standard parser on its own, behind a *skeleton*: a few synthetic
lines that open the same block collections at the same columns (``k:``, ``-``) and hold one
dummy entry, so the parser stands where it stood in the whole file. Its events are moved to
the file's lines and offsets and fed, between libyaml's events of the rest, to the one
builder that makes every load finding (:func:`checks.load.feed_events`). A window that does
not end where libyaml's reading resumes (another nesting, or the sentinel entry after it not
read as an entry) gives up: the whole file goes to the standard loader, as before.
``tests/test_redteam6.py`` compares both on hostile and mutated records, splicing every one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, StreamMark
from ruamel.yaml.reader import Reader

from .load import MAX_NODES, Document, feed_events, parse_error

# A window is worth cutting only this far (characters) from the file's start: below it the
# standard parser reads the whole file in well under a second anyway.
MIN_SPLICE = 64 * 1024

_SENTINEL_KEY = "zz-sentinel"
_MOVES_LINES = re.compile("[\u2028\u2029\x85\ufeff]")  # YAML 1.1 breaks, late marks


def odd_name(text: str, event: Any) -> bool:
    """An anchor or alias name libyaml ends before a character the standard parser reads as
    part of it (``*a:`` is the alias ``a`` then a colon to libyaml, ``a:`` to YAML 1.2)."""
    name = event.anchor
    if name is None:
        return False
    start = event.start_mark.index
    if text[start:start + 1] not in ("&", "*"):  # a tag comes first: `!!map &a`
        start = text.find("&" + name, start)
        if start < 0:
            return True  # not where expected: let the standard loader read it
    end = start + 1 + len(name)
    return text[end:end + 1] not in _NAME_ENDS


# What ends an anchor's name for both parsers (the standard one reads on through ':' and
# most other characters; libyaml stops after letters, digits, '-' and '_').
_NAME_ENDS = frozenset({"", " ", "\n", "\r", "\t", ",", "[", "]", "{", "}"})


@dataclass(frozen=True)
class _Cut:
    """An entry that starts a line: the parser's state there is the stack of (is a
    mapping, column, is a block collection) of the collections open around it. In a flow
    collection (``[...]``, ``{...}``) an entry right after ',' or the opening bracket,
    which may stand on the line before (``inline`` when on the entry's own line): without
    cuts there, a tab in a flow collection of a megabyte had the standard parser read all
    of it (10-20 s)."""

    event: int  # index of the entry's first event in libyaml's list
    line: int  # 0-based
    offset: int  # of the line's first character, or of the entry when inline
    frames: tuple[tuple[bool, int, bool], ...]
    column: int = 0  # of the entry
    inline: bool = False


Trouble = tuple[int, int, bool]


@dataclass
class _Reading:
    """libyaml's events up to its error (if any), the entries one may cut at, and the lines
    the standard parser must read itself."""

    events: list[Any]
    cuts: list[_Cut]
    # (0-based line, the character's index or -1 for the whole line, the window runs to
    # the end): a tab or a YAML 1.1 line break is read from an entry before it on its own
    # line (a flow collection on one line of a megabyte), anything else from a line before
    troubles: list[Trouble]
    quoted: list[tuple[int, int]]  # spans of one-line quoted scalars (a tab is kept in both)
    directives: bool = False
    truncated: bool = False  # read only up to the node limit


class _GiveUp(Exception):
    """The spliced reading cannot be vouched for: the standard loader reads the whole file."""


class _Raised(Exception):
    def __init__(self, error: MarkedYAMLError) -> None:
        super().__init__(error)
        self.error = error


def spliced(doc: Document, text: str, parse: Callable[[str], Iterator[Any]], *,
            minimum: int = MIN_SPLICE) -> bool:
    """Load ``text`` from libyaml's events (``parse``) plus the standard parser's windows;
    False when the standard loader must read the whole file (a small file, or no window
    holds)."""
    if len(text) < minimum or "\r" in text or Reader.NON_PRINTABLE.search(text):
        return False  # small; other line ends; the standard reader refuses at once anyway
    # libyaml reads a YAML 1.1 line break (or a late byte-order mark) where each stands as
    # another character of the same length: its lines and offsets stay the file's, and each
    # is a trouble the standard parser reads in a window anyway
    keep = 1 if text.startswith("\ufeff") else 0  # a byte-order mark opening the text is one
    events = parse(text[:keep] + _MOVES_LINES.sub("\u00a0", text[keep:]))
    try:
        reading = _read(text, events)
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()
    if reading.directives:
        return False  # a %YAML or %TAG directive: the skeleton would not carry it
    troubles = sorted([*reading.troubles, *_text_troubles(text, reading)])
    if reading.truncated:  # the builder stops before the rest: so do its troubles
        last = reading.events[-1].start_mark.line
        troubles = [trouble for trouble in troubles if trouble[0] <= last]
    trial = Document(path=doc.path, file=doc.file)
    try:
        # lazily: the builder stops at a limit, and the standard parser with it
        feed_events(trial, text, _replay(_stream(text, reading, troubles)))
    except _Raised as raised:
        parse_error(trial, text, raised.error)
    except Exception:  # _GiveUp, or anything odd: the standard loader reads it all and says
        return False
    doc.data, doc.values, doc.keys = trial.data, trial.values, trial.keys
    # after what reading the bytes found (L008, a byte-order mark): it was dropped
    doc.hits = [*doc.hits, *trial.hits]
    doc.counts, doc.summaries = trial.counts, trial.summaries
    return True


def _replay(stream: Iterator[Any]) -> Iterator[Any]:
    for item in stream:
        if isinstance(item, MarkedYAMLError):
            raise _Raised(item)
        yield item


_NODES = ("ScalarEvent", "AliasEvent", "MappingStartEvent", "SequenceStartEvent")


def _read(text: str, events: Iterator[Any]) -> _Reading:
    """libyaml's events, the cut points among them and the troubles they show."""
    reading = _Reading([], [_Cut(0, 0, 0, ())], [], [])
    # open collections: [is mapping, column, block (None: a flow pair without braces,
    # `[a: b]`), nodes read in it]
    frames: list[list[Any]] = []
    nodes = 0
    try:
        for event in events:
            name = type(event).__name__
            if name in ("MappingEndEvent", "SequenceEndEvent"):
                frames.pop()
            elif name in _NODES:
                nodes += 1
                if nodes > MAX_NODES + 2:  # the builder has stopped (a key is not counted
                    reading.truncated = True  # until its value comes)
                    break
                _node(text, event, frames, reading)
            elif name == "DocumentStartEvent" and (event.version or event.tags):
                reading.directives = True
            reading.events.append(event)
    except Exception as exc:  # libyaml's error: the standard parser reads from before it
        marks = [getattr(exc, name, None) for name in ("problem_mark", "context_mark")]
        lines = [mark.line for mark in marks if mark is not None]
        reading.troubles.append((min(lines, default=0), -1, True))
    return reading


def _node(text: str, event: Any, frames: list[list[Any]], reading: _Reading) -> None:
    name = type(event).__name__
    if odd_name(text, event) or event.tag is not None:
        # an anchor's name the parsers end apart; a tag, whose characters they do too
        # (libyaml read '!!python/o!!x' as one tag, not a syntax error)
        reading.troubles.append((event.start_mark.line, -1, False))
    cut = _cut_at(text, event, frames, len(reading.events))
    if cut is not None:
        reading.cuts.append(cut)
    value = bool(frames) and frames[-1][0] and frames[-1][3] % 2 == 1
    if name == "ScalarEvent":
        start, end = event.start_mark, event.end_mark
        if not event.value and not event.style and start.index == end.index and not value:
            # an empty list item or key: the parsers place it apart, the standard one rules
            reading.troubles.append((start.line, -1, False))
        elif event.style in ("'", '"') and start.line == end.line:
            reading.quoted.append((start.index, end.index))
    if frames:
        frames[-1][3] += 1
    if name.endswith("StartEvent"):
        is_map, start = name == "MappingStartEvent", event.start_mark
        block = not event.flow_style or (None if text[start.index] not in "[{" else False)
        column = start.column
        if block and text[start.index] in "&!":
            column = _content_column(text, start.index, column)
        frames.append([is_map, column, block, 0])


_PROPERTIES = re.compile(r"(?:[&!][^ \t\n]*[ \t]*)+")


def _content_column(text: str, index: int, column: int) -> int:
    """The column of a block collection whose anchor or tag (``index``) stands on a line
    above it (``k: &a`` then ``  - item``): libyaml's mark is the anchor's, and a skeleton
    opened there (column 5) had the standard parser read the window as another nesting.
    The first line after that is neither blank nor a comment holds its first entry. When
    the entry follows on the same line (``- &a k: v``, the anchor is the key's), the
    mark's ``column`` is the collection's."""
    at = text.find("\n", index)
    rest = text[index:at if at >= 0 else len(text)]
    found = _PROPERTIES.match(rest)
    rest = rest[found.end() if found else 0:].strip(" \t")
    if rest and not rest.startswith("#"):
        return column
    while at >= 0:
        end = text.find("\n", at + 1)
        line = text[at + 1:end if end >= 0 else len(text)]
        content = line.lstrip(" ")
        if content and not content.startswith("#"):
            return len(line) - len(content)
        at = end
    return 0


def _cut_at(text: str, event: Any, frames: list[list[Any]], index: int) -> _Cut | None:
    """A cut before ``event`` when it is an entry starting its line."""
    if not frames:
        return None
    mark = event.start_mark
    begin = mark.index - mark.column
    for parent in frames[:-1]:
        if parent[0] and parent[3] % 2:  # inside a key (a collection as a key)
            return None
    inline: bool | None = False
    if frames[-1][2] is False:
        inline = _flow_entry(text, event, frames)
        if inline is None:
            return None
    elif not all(frame[2] for frame in frames) or not _block_entry(text, event, frames[-1]):
        return None
    if (mark.line == 0 and text[:1] == "\ufeff") if inline else (
            not mark.line or text[begin - 1] != "\n"):
        return None  # the first line (a byte-order mark may stand before it) is the start's
    framed = tuple((bool(f[0]), int(f[1]), bool(f[2])) for f in frames)
    return _Cut(index, mark.line, mark.index if inline else begin, framed, mark.column,
                bool(inline))


def _block_entry(text: str, event: Any, frame: list[Any]) -> bool:
    """A key alone before it on its line, or an item of a block sequence."""
    is_map, column, _block, read = frame
    mark = event.start_mark
    if is_map:  # a key, alone before it on its line: `    key:`
        if read % 2 or mark.column != column or type(event).__name__ != "ScalarEvent":
            return False
        return not text[mark.index - column:mark.index].strip(" ")
    # an item: `  - item`, read without copying a long line's start
    begin = mark.index - mark.column
    return not (mark.column < column + 2 or text[begin + column] != "-"
                or text[begin:begin + column].strip(" ")
                or text[begin + column + 1:mark.index].strip(" "))


def _flow_entry(text: str, event: Any, frames: list[list[Any]]) -> bool | None:
    """An entry of a flow collection (a key of a flow mapping) right after ',' or the
    opening bracket, blanks apart: True when on its own line, False when alone on its line
    after the line ending so (not a value after ':' there, and no comment that could hide
    what ends that line), None otherwise. A flow pair without braces (``[a: b]``) has no
    bracket to open in the skeleton: none inside one."""
    if any(frame[2] is None for frame in frames) or (frames[-1][0] and frames[-1][3] % 2):
        return None
    mark = event.start_mark
    begin, at = mark.index - mark.column, mark.index - 1
    while at >= begin and text[at] == " ":  # each entry's own blanks: linear on one line
        at -= 1
    if at >= begin:
        return True if text[at] in ",[{" else None
    before = text[text.rfind("\n", 0, begin - 1) + 1:begin - 1]
    return False if "#" not in before and before.rstrip(" ")[-1:] in (",", "[", "{") else None


def _text_troubles(text: str, reading: _Reading) -> list[Trouble]:
    """Tabs outside one-line quoted scalars and comments, and each character that moves
    libyaml's lines (a YAML 1.1 line break, a byte-order mark past the start)."""
    out: list[Trouble] = []
    line, at = 0, 0
    spans = reading.quoted
    starts = [span[0] for span in spans]
    comments = _Comments(text)
    for found in re.finditer("\t", text):
        tab = found.start()
        line += text.count("\n", at, tab)
        at = tab
        inside = bisect.bisect_right(starts, tab) - 1
        if inside >= 0 and spans[inside][0] < tab < spans[inside][1] - 1:
            continue
        if comments.holds(tab):
            continue
        out.append((line, tab, False))
    line, at = 0, 0
    for found in _MOVES_LINES.finditer(text, 1 if text.startswith("\ufeff") else 0):
        line += text.count("\n", at, found.start())
        at = found.start()
        out.append((line, at, False))
    return out


class _Comments:
    """Where each line's comment starts: the first '#' at the line's start or after a
    blank, with no quotation mark or block indicator before it on the line (which could
    make it part of a scalar). Both parsers skip a comment to the line's end. Each line
    is looked at once, so many tabs on one long line stay linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line = (-1, -1)  # the last line asked about: (start, end)
        self.start: int | None = None

    def holds(self, index: int) -> bool:
        begin, end = self.line
        if not begin <= index < end:
            begin = self.text.rfind("\n", 0, index) + 1
            end = self.text.find("\n", index)
            self.line = (begin, len(self.text) if end < 0 else end)
            self.start = self._start(begin, self.line[1])
        return self.start is not None and self.start < index

    def _start(self, begin: int, end: int) -> int | None:
        text = self.text
        quote = min((i for i in (text.find(ch, begin, end) for ch in "'\"|>") if i >= 0),
                    default=end)
        hash_at = text.find("#", begin, quote)
        while hash_at >= 0:
            if hash_at == begin or text[hash_at - 1] == " ":
                return hash_at
            hash_at = text.find("#", hash_at + 1, quote)
        return None


def _stream(text: str, reading: _Reading, troubles: list[Trouble]) -> Iterator[Any]:
    """libyaml's events with each window's replaced by the standard parser's."""
    done = 0  # next libyaml event to give
    for start, end in _windows(reading, troubles):
        yield from reading.events[done:start.event]
        tail = text[start.offset:end.offset] if end is not None else text[start.offset:]
        if end is None:  # to the file's end: lazily, the builder may stop at a limit
            yield from _window(tail, start, end)
            return
        window = list(_window(tail, start, end))
        yield from window
        if end is None or (window and isinstance(window[-1], MarkedYAMLError)):
            return
        done = end.event
    yield from reading.events[done:]
    if reading.truncated:
        raise _GiveUp  # the builder read on past the node limit: cannot happen, never guess


def _windows(reading: _Reading, troubles: list[Trouble]
             ) -> Iterator[tuple[_Cut, _Cut | None]]:
    """Merged windows: (the cut before, the cut after or None for the end of the file).
    A window ends one entry past the first that starts after its trouble: the standard
    parser may place an empty item at the next entry."""
    cuts, lines = reading.cuts, [cut.line for cut in reading.cuts]
    offsets = [cut.offset for cut in cuts]
    merged: list[tuple[int, int | None]] = []  # (first cut, last cut or None)
    for line, at, to_end in troubles:
        first, after = _around(cuts, lines, offsets, line, at)
        last = None if to_end or after >= len(cuts) else after
        if merged:
            begun, ended = merged[-1]
            if ended is None:
                break  # the window before runs to the end of the file
            if first < ended:
                merged[-1] = (begun, None if last is None else max(ended, last))
                continue
        merged.append((first, last))
    for first, end in merged:
        yield cuts[first], (cuts[end] if end is not None else None)


def _around(cuts: list[_Cut], lines: list[int], offsets: list[int], line: int,
            at: int) -> tuple[int, int]:
    """The cut a trouble's window starts at and the one past the first after it. The last
    entry on a line before it: the standard parser looks ahead along the line of a key
    before it gives the events before the key (a mapping's start); a flow entry after ','
    on the trouble's own line before the character (``at``) will do."""
    if at < 0:
        return max(bisect.bisect_left(lines, line) - 1, 0), bisect.bisect_right(lines, line) + 1
    first = bisect.bisect_left(offsets, at) - 1
    while first > 0 and cuts[first].line >= line and not cuts[first].inline:
        first -= 1
    return max(first, 0), bisect.bisect_right(offsets, at) + 1


def _skeleton(start: _Cut) -> str:
    """Lines opening ``start.frames`` at their columns, the innermost holding one dummy
    entry; flow collections are opened by their brackets at the end of the last line,
    their next entry on a line of its own, or (inline) after a blank on the same line:
    the standard parser ignores columns in flow collections, and its marks on that line
    are moved to the entry's column (:class:`_Shift`)."""
    frames = start.frames
    if not frames:
        return ""  # the file's start
    block = [frame for frame in frames if frame[2]]
    lines = [" " * column + ("k:" if is_map else "-") for is_map, column, _ in block[:-1]]
    if len(block) == len(frames):
        is_map, column, _ = block[-1]
        lines.append(" " * column + (f"{_SENTINEL_KEY}: 0" if is_map else "- 0"))
        return "\n".join(lines) + "\n"
    opening = _opening(frames)
    if start.inline:  # not blanks up to its column: a megabyte-long line had them each time
        return "".join(line + "\n" for line in lines) + opening + " "
    return "\n".join([*lines, opening]) + "\n"


def _opening(frames: tuple[tuple[bool, int, bool], ...]) -> str:
    """The last skeleton line of a cut in flow collections: the innermost block
    collection's entry holding them ('k: ' or '- ', at its column), then their brackets,
    each nested one as the value of a key 'k' in a mapping: '  k: [{k: ['."""
    block = [frame for frame in frames if frame[2]]
    out = ""
    if block:
        is_map, column, _ = block[-1]
        out = " " * column + ("k: " if is_map else "- ")
    in_map = False
    for is_map, _, _ in frames[len(block):]:
        out += ("k: " if in_map else "") + ("{" if is_map else "[")
        in_map = is_map
    return out


def _sentinel(end: _Cut) -> str:
    """The text after a window: the entry the file's next cut holds, as a dummy one (and
    in flow collections, their closing brackets)."""
    if not end.frames[-1][2]:
        is_map = end.frames[-1][0]
        closers = "".join("}" if frame[0] else "]" for frame in reversed(end.frames)
                          if not frame[2])
        return ("" if end.inline else " " * end.column) + _SENTINEL_KEY + (
            ": 0" if is_map else "") + closers + "\n"
    return _skeleton(end).rsplit("\n", 2)[-2] + "\n"


def _window(tail: str, start: _Cut, end: _Cut | None) -> Iterator[Any]:
    """The standard parser's events of ``tail`` (the text from ``start`` up to ``end``),
    moved to the file's positions; a syntax error inside it last."""
    skeleton = _skeleton(start)
    lead = skeleton.count("\n")
    after = _sentinel(end) if end is not None else ""
    source = skeleton + tail + after
    stop = lead + tail.count("\n")  # the sentinel's line, in the window's own lines
    ends = len(skeleton) + len(tail)  # and where it starts (an inline one: on that line)
    opened = len(skeleton) - skeleton.rfind("\n") - 1  # the inline skeleton's last line
    shift = _Shift(start.line - lead, start.offset - len(skeleton), lead,
                   start.column - opened if start.inline else 0)
    if end is None:
        yield from _to_end(source, len(skeleton), shift)
        return
    events: list[Any] = []
    try:
        for event in YAML(typ="safe", pure=True).parse(source):
            if event.start_mark.index < len(skeleton):
                continue
            if end is not None and event.start_mark.index >= ends:
                if type(event).__name__ in ("MappingEndEvent", "SequenceEndEvent"):
                    events.append(event)
                    continue
                _check_sentinel(event, end, stop, shift)
                break
            events.append(event)
        else:
            if end is not None:
                raise _GiveUp  # the sentinel entry was never read
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is None or mark.index < len(skeleton) or (end is not None and mark.index >= ends):
            raise _GiveUp from None  # an error of the skeleton or the sentinel: not the file's
        yield from (shift.moved(e) for e in events)
        yield shift.moved_error(exc)
        return
    if end is not None:
        _check_nesting(events, start, end)
    yield from (shift.moved(e) for e in events)


def _to_end(source: str, lead: int, shift: _Shift) -> Iterator[Any]:
    """A window to the file's end, given as it is read: the builder may stop early.
    ``lead``: the skeleton's length, before which events and errors are its own."""
    try:
        for event in YAML(typ="safe", pure=True).parse(source):
            if event.start_mark.index >= lead:
                yield shift.moved(event)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is None or mark.index < lead:
            raise _GiveUp from None  # an error of the skeleton: not the file's
        yield shift.moved_error(exc)


def _check_sentinel(event: Any, end: _Cut, stop: int, shift: _Shift) -> None:
    is_map, column, block = end.frames[-1]
    want = (_SENTINEL_KEY, end.column) if not block else (
        (_SENTINEL_KEY, column) if is_map else ("0", column + 2))
    got = (getattr(event, "value", None), shift.column(event.start_mark))
    if type(event).__name__ != "ScalarEvent" or got != want or event.start_mark.line != stop:
        raise _GiveUp


def _check_nesting(events: list[Any], start: _Cut, end: _Cut) -> None:
    """The window must leave the collections open that libyaml's reading resumes in."""
    kinds = [is_map for is_map, _, _ in start.frames]
    for event in events:
        name = type(event).__name__
        if name in ("MappingStartEvent", "SequenceStartEvent"):
            kinds.append(name == "MappingStartEvent")
        elif name in ("MappingEndEvent", "SequenceEndEvent") and (
                not kinds or kinds.pop() != (name == "MappingEndEvent")):
            raise _GiveUp
    if kinds != [is_map for is_map, _, _ in end.frames]:
        raise _GiveUp


@dataclass(frozen=True)
class _Shift:
    """From a window's positions to the file's: lines and indexes by a constant; columns
    too on the window's first line of the file's text (``lead``) when the window starts
    inside it (a flow entry after ',')."""

    lines: int
    index: int
    lead: int
    columns: int

    def column(self, mark: Any) -> int:
        return int(mark.column) + (self.columns if mark.line == self.lead else 0)

    def mark(self, mark: Any) -> StreamMark:
        return StreamMark(None, mark.index + self.index, mark.line + self.lines,
                          self.column(mark))

    def moved(self, event: Any) -> Any:
        event.start_mark = self.mark(event.start_mark)
        event.end_mark = self.mark(event.end_mark)
        return event

    def moved_error(self, exc: MarkedYAMLError) -> MarkedYAMLError:
        for name in ("problem_mark", "context_mark"):
            mark = getattr(exc, name, None)
            if mark is not None:
                setattr(exc, name, self.mark(mark))
        return exc
