"""Stage 1: read a YAML file into plain data, keeping a 1-based position for
every mapping key, value and list item.

We build the data ourselves from ruamel.yaml's *event* stream instead of
letting a constructor build objects: no tag can ever construct a Python
object, anchors and aliases are counted (an alias bomb stops at a node
budget instead of eating memory), nesting depth and sizes are capped, and
duplicate keys are seen before a dict silently drops one.

Scalars follow the YAML 1.2 core schema, except that timestamps stay
strings (an unquoted ``2021-04-12`` is the same string as a quoted one) and
so do integers in another base or with a leading zero (``0o12``, ``0x1F``,
``012``: YAML 1.1 and 1.2 tools read them apart, and no article prints them).
Problems never raise: each becomes a :class:`Hit` with the load code it
belongs to, and the file's data is ``None`` when nothing usable was read.

A file reports at most :data:`MAX_HITS_PER_CODE` (100) hits of one code
(load, schema or integrity: every stage records them through
:meth:`Document.hit`); the rest are counted in one more hit of that code, at
the first of them, saying how many were not reported. Which ones are reported
depends on the file alone, so both loaders, the cache and a re-check agree.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from .findings import Hit, Location

# Resource limits (documented in the README's Security section).
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000  # counting every node an alias expands to
# Characters aliases may repeat in all: a 100,000-character anchor repeated 3,000 times
# (a 425 KB file, well under MAX_NODES) took 39 s and 1 GB to check. Records never need
# aliases; this leaves room for a few that are harmless.
MAX_ALIAS_CHARS = 1_000_000
MAX_SCALAR_CHARS = 100_000
MAX_KEY_CHARS = 200
MAX_NUMBER_CHARS = 100
# Findings of one code reported per file; one more finding counts the rest (a megabyte of
# duplicate keys made 99,999 findings and a 100 MB SARIF report).
MAX_HITS_PER_CODE = 100

LOAD_SYNTAX = "L001"
LOAD_DUPLICATE_KEY = "L002"
LOAD_TAG = "L003"
LOAD_ALIAS = "L004"
LOAD_LIMIT = "L005"
LOAD_ENCODING = "L006"
LOAD_DOCUMENTS = "L007"
LOAD_BOM = "L008"

Pos = tuple[int, int]

_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
# An integer with a leading zero is octal to YAML 1.1 tools ('012' is 10), and YAML 1.2's
# '0o12' and '0x1F' are 10 and 31. A curator who typed one meant neither reading (a figure
# copied with its zero, a code), so all stay text: a field that wants a number says so
# where it stands (checks.validate) instead of silently taking 10.
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_UNICODE_BREAKS = ("\u2028", "\u2029", "\x85")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def empty_value_pos(text: str, index: int, line: int, column: int) -> Pos:
    """Where the empty value of a key ending at 0-based ``index`` (``line``, ``column``)
    stands: just after its ':', on the line of the ':', as yamllint places an empty value;
    just after the key when it has no ':' (``{a}``). Both parsers put the empty scalar's
    own mark elsewhere (the next key, lines below, or the next flow token)."""
    end, after_key = len(text), (line + 1, column + 1)
    while index < end:
        ch = text[index]
        if ch == ":":
            return line + 1, column + 2
        if ch == "#" and (index == 0 or text[index - 1] in " \t\r\n"):
            while index < end and text[index] not in "\r\n":
                index += 1
            continue
        if ch not in " \t\r\n\ufeff":
            break
        index += 1
        if ch == "\n" or (ch == "\r" and text[index:index + 1] != "\n"):
            line, column = line + 1, 0
        elif ch != "\ufeff":  # the standard reader gives the mark no column
            column += 1
    return after_key


@dataclass
class Document:
    """A loaded file: its data and where every piece of it stands."""

    path: str  # as shown to users (repository-relative where possible)
    file: Path
    data: Any = None
    text: str = ""
    values: dict[str, Pos] = field(default_factory=dict)
    keys: dict[str, Pos] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    digest: str = ""  # the content key it was loaded under (checks.cache), when known
    counts: dict[str, int] = field(default_factory=dict)  # hits of each code, reported or not
    summaries: dict[str, int] = field(default_factory=dict)  # code -> its summary's index in hits

    def locate(self, pointer: str, *, key: bool = False) -> Location:
        """The position of ``pointer``, or of its nearest located ancestor."""
        table = self.keys if key else self.values
        probe = pointer
        while True:
            pos = table.get(probe) or self.values.get(probe)
            if pos is not None:
                return Location(path=self.path, line=pos[0], column=pos[1], pointer=pointer)
            if not probe:
                return Location(path=self.path, line=1, column=1, pointer=pointer)
            probe = probe.rsplit("/", 1)[0]

    def hit(self, code: str, message: str, fix: str, pointer: str = "", *, key: bool = False,
            pos: Pos | None = None) -> None:
        """Record a problem; past :data:`MAX_HITS_PER_CODE` of ``code`` only count it."""
        seen = self.counts[code] = self.counts.get(code, 0) + 1
        if seen > MAX_HITS_PER_CODE:
            self._suppress(code, seen - MAX_HITS_PER_CODE, pointer, key, pos)
            return
        self.hits.append(Hit(message=message, fix=fix, location=self._where(pointer, key, pos),
                             focus=self.path, key=f"{pointer}|{message}", code=code))

    def _where(self, pointer: str, key: bool, pos: Pos | None) -> Location:
        if pos is not None:
            return Location(path=self.path, line=pos[0], column=pos[1], pointer=pointer)
        return self.locate(pointer, key=key)

    def _suppress(self, code: str, more: int, pointer: str, key: bool, pos: Pos | None) -> None:
        """One finding stands for the hits of ``code`` past the cap, at the first of them."""
        if more == 1:
            self.summaries[code] = len(self.hits)
            self.hits.append(_summary(self.path, code, more, self._where(pointer, key, pos)))
        else:
            at = self.summaries[code]
            self.hits[at] = _summary(self.path, code, more, self.hits[at].location)


def _summary(path: str, code: str, more: int, where: Location) -> Hit:
    # The identity (key) leaves out the count: it changes with every edit.
    return Hit(message=f"{more:,} more {code} finding{'s' if more > 1 else ''} in this file "
               f"not reported: at most {MAX_HITS_PER_CODE} of one code are reported per file",
               fix=f"fix the {code} findings reported before this one and check again: the "
               "next ones are reported then", location=where, focus=path,
               values={"reported": MAX_HITS_PER_CODE, "not_reported": more}, key="|more",
               code=code)


class _Stop(Exception):
    """Raised inside the builder once a problem makes the rest of the file moot."""


@dataclass
class _Frame:
    container: Any
    pointer: str
    anchor: str | None
    pending_key: str | None = None
    seen: dict[str, Pos] = field(default_factory=dict)
    index: int = 0


def _resolve_plain(value: str) -> Any:
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return value if _LEADING_ZERO.match(value) else int(value)
    if _FLOAT.match(value):
        return float(value)
    if _SPECIAL_FLOAT.match(value):
        return math.nan if "n" in value.lower().replace("inf", "") else math.inf
    return value


def too_many_nodes(doc: Document, pos: Pos, *, bomb: bool = False,
                   aliases: bool = False) -> None:
    """The finding at the node past :data:`MAX_NODES` (both loaders give it: the fast
    path need not hand a file of ordinary nodes to the standard loader to be told so).
    ``bomb``: an alias crossed the limit; ``aliases``: the file has some, and they count."""
    if bomb or aliases:
        doc.hit(LOAD_ALIAS if bomb else LOAD_LIMIT,
                f"the document expands to more than {MAX_NODES:,} nodes"
                + (" through aliases (an alias bomb)" if bomb else ""),
                "remove anchors (&) and aliases (*): write each value out; "
                "fact records never need them", pos=pos)
    else:
        doc.hit(LOAD_LIMIT, f"the document has more than {MAX_NODES:,} nodes (keys, values "
                "and items)", "split the file: one article's record is far smaller", pos=pos)


_ENDS = frozenset({"MappingEndEvent", "SequenceEndEvent"})
_TAKEN = _ENDS | {"ScalarEvent", "AliasEvent", "MappingStartEvent", "SequenceStartEvent"}


class _Builder:
    """Turns ruamel.yaml events into plain data plus position tables."""

    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text  # to place empty values (empty_value_pos)
        # Only a \u or \U escape can make a lone surrogate (decoded UTF-8 has none).
        self.escapes = "\\u" in text or "\\U" in text
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # value, nodes, characters
        self.alias_chars = 0
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.documents = 0
        self.root: Any = None
        self.has_root = False
        self.key_end: Any = None  # the end mark of the last mapping key

    # -- helpers
    def _pos(self, event: Any) -> Pos:
        return (event.start_mark.line + 1, event.start_mark.column + 1)

    def _count(self, n: int, event: Any, pos: Pos | None = None) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            too_many_nodes(self.doc, pos or self._pos(event), bomb=n > 1,
                           aliases=bool(self.anchors))
            raise _Stop

    def _check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag and tag not in _CORE_TAGS and tag != "!":
            self.doc.hit(LOAD_TAG, f"YAML tag '{tag}' is not allowed",
                         "remove the tag: records hold plain strings, numbers, lists and mappings",
                         pos=self._pos(event))
            raise _Stop

    def _child_pointer(self, event: Any) -> str | None:
        """Pointer for the next value; None when the event is a mapping key."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if isinstance(top.container, dict):
            if top.pending_key is None:
                return None
            return f"{top.pointer}/{escape_pointer(top.pending_key)}"
        return f"{top.pointer}/{top.index}"

    def _attach(self, value: Any) -> None:
        if not self.stack:
            self.root, self.has_root = value, True
            return
        top = self.stack[-1]
        if isinstance(top.container, dict):
            assert top.pending_key is not None
            top.container[top.pending_key] = value
            top.pending_key = None
        else:
            top.container.append(value)
            top.index += 1

    def _key(self, event: Any) -> None:
        top = self.stack[-1]
        pos = self._pos(event)
        if type(event).__name__ != "ScalarEvent":
            self.doc.hit(LOAD_SYNTAX, "a mapping key must be a plain word, not a list or mapping",
                         "write the key as a simple name followed by ':'", pos=pos)
            raise _Stop
        self._check_tag(event)
        key = event.value
        self._check_surrogates(key, pos)
        if len(key) > MAX_KEY_CHARS:
            self.doc.hit(LOAD_LIMIT, f"a key of {len(key):,} characters is longer than the "
                         f"limit of {MAX_KEY_CHARS}", "shorten the key", pos=pos)
            raise _Stop
        if key in top.seen:
            first = top.seen[key]
            self.doc.hit(LOAD_DUPLICATE_KEY, f"duplicate key '{key}' (first at line {first[0]})",
                         "keep one of the two entries and delete the other",
                         f"{top.pointer}/{escape_pointer(key)}", pos=pos)
            # the later entry is what a YAML library would keep: keep it too
        top.seen[key] = pos
        top.pending_key = key
        self.key_end = event.end_mark
        self.doc.keys[f"{top.pointer}/{escape_pointer(key)}"] = pos
        self.nodes += 1

    # -- events
    def feed(self, event: Any) -> None:
        """Take one parser event: ruamel.yaml's, or PyYAML's (libyaml) of the same name and
        attributes (:mod:`checks.fastload` feeds those), so every load finding is made here."""
        kind = type(event).__name__
        if kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                self.doc.hit(LOAD_DOCUMENTS, "the file holds more than one YAML document",
                             "keep one record per file: move the part after '---' into a new file",
                             pos=self._pos(event))
                raise _Stop
            return
        if kind not in _TAKEN:
            return
        if kind in _ENDS:
            self._close()
            return
        pointer = self._child_pointer(event)
        if pointer is None:
            self._key(event)
            return
        pos = self._pos(event)
        if self._empty_in_mapping(event):
            mark = self.key_end
            pos = empty_value_pos(self.text, mark.index, mark.line, mark.column)
        self.doc.values[pointer] = pos
        if kind == "AliasEvent":
            self._alias(event)
        elif kind == "ScalarEvent":
            self._scalar(event, pos)
        else:
            self._open(event, pointer, pos)

    def _empty_in_mapping(self, event: Any) -> bool:
        """An empty mapping value, with neither tag nor anchor to stand on."""
        if not self.stack or not isinstance(self.stack[-1].container, dict):
            return False
        return (type(event).__name__ == "ScalarEvent" and not event.style and not event.value
                and event.start_mark.index == event.end_mark.index)

    def _alias(self, event: Any) -> None:
        name = event.anchor
        if name in self.open_anchors:
            self.doc.hit(LOAD_ALIAS, f"alias '*{name}' refers to a structure that contains it",
                         "remove the alias: a record cannot contain itself", pos=self._pos(event))
            raise _Stop
        if name not in self.anchors:
            self.doc.hit(LOAD_ALIAS, f"alias '*{name}' has no anchor", "define '&name' first or "
                         "write the value out", pos=self._pos(event))
            raise _Stop
        value, size, chars = self.anchors[name]
        self._count(size, event)
        self.alias_chars += chars
        if self.alias_chars > MAX_ALIAS_CHARS:
            self.doc.hit(LOAD_ALIAS, f"aliases repeat more than {MAX_ALIAS_CHARS:,} characters "
                         "(an alias bomb)", "remove anchors (&) and aliases (*): write each "
                         "value out; fact records never need them", pos=self._pos(event))
            raise _Stop
        self._attach(value)

    def _check_surrogates(self, text: str, pos: Pos) -> None:
        found = _SURROGATE.search(text) if self.escapes else None
        if found:
            self.doc.hit(LOAD_ENCODING, f"an escape makes the invalid character "
                         f"U+{ord(found.group()):04X} (half of a UTF-16 surrogate pair)",
                         "write the character itself, or one \\U0001XXXX escape for characters "
                         "outside the Basic Multilingual Plane", pos=pos)
            raise _Stop

    def _scalar(self, event: Any, pos: Pos) -> None:
        self._check_tag(event)
        self._count(1, event, pos)  # an empty value just after its colon, as elsewhere
        text = event.value
        self._check_surrogates(text, pos)
        if len(text) > MAX_SCALAR_CHARS:
            self.doc.hit(LOAD_LIMIT, f"a value of {len(text):,} characters is longer than the "
                         f"limit of {MAX_SCALAR_CHARS:,}", "shorten the value", pos=pos)
            raise _Stop
        tag = event.tag
        # A plain scalar's style is None (ruamel.yaml) or '' (libyaml)
        if not event.style and len(text) > MAX_NUMBER_CHARS and _INT.match(text):
            self.doc.hit(LOAD_LIMIT, f"a number of {len(text):,} digits is too large",
                         "write an ordinary number, or quote it if it is text", pos=pos)
            raise _Stop
        if tag == "tag:yaml.org,2002:str" or tag == "!" or (event.style and not tag):
            value: Any = text
        else:
            value = _resolve_plain(text)
            if tag and tag != "tag:yaml.org,2002:str" and isinstance(value, str):
                self.doc.hit(LOAD_TAG, f"'{text}' is not a valid {tag.rsplit(':', 1)[-1]}",
                             "remove the tag or fix the value", pos=pos)
                raise _Stop
        if isinstance(value, float) and not math.isfinite(value):
            self.doc.hit(LOAD_LIMIT, f"the number '{text}' is not finite",
                         "write an ordinary number", pos=pos)
            raise _Stop
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(text))
        self._attach(value)

    def _open(self, event: Any, pointer: str, pos: Pos) -> None:
        self._check_tag(event)
        self._count(1, event)
        if len(self.stack) >= MAX_DEPTH:
            self.doc.hit(LOAD_LIMIT, f"nesting deeper than {MAX_DEPTH} levels",
                         "flatten the structure: records are a few levels deep", pos=pos)
            raise _Stop
        container: Any = {} if type(event).__name__ == "MappingStartEvent" else []
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(container, pointer, event.anchor, seen={}))
        self._start_nodes = self.nodes

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, *_size(frame.container))
        self._attach(frame.container)


def _size(value: Any) -> tuple[int, int]:
    """(nodes, characters of its keys and text values) of an anchored value. Counting
    once per anchor keeps alias expansion O(aliases), not O(nodes)."""
    stack, n, chars = [value], 0, 0
    while stack:
        item = stack.pop()
        n += 1
        if n > MAX_NODES:
            return n, chars
        if isinstance(item, dict):
            chars += sum(len(str(key)) for key in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            chars += len(item)
    return n, chars


def _offset_pos(data: bytes, offset: int) -> Pos:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def _syntax_fix(problem: str) -> str:
    if "'\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "put quotes around a value that contains ': ', or fix the indentation"
    if "could not find expected ':'" in problem:
        return "add ':' after the key, or quote a value that spans lines"
    if "found undefined alias" in problem:
        return "define the anchor before using it, or write the value out"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation: items of one list or mapping must line up"
    if "found unexpected end of stream" in problem or "found unknown escape" in problem:
        return "close the quotation mark, and escape special characters inside double quotes"
    return "fix the YAML syntax at this position (a YAML linter or your editor will show it)"


# YAML's own encoding detection (1.2, 5.2): a byte-order mark, else the NUL bytes an
# ASCII first character leaves in UTF-32 or UTF-16. Longest first: UTF-32LE's mark
# starts with UTF-16LE's.
_WIDE = (("UTF-32", (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")),
         ("UTF-16", (b"\xfe\xff", b"\xff\xfe")))
_WIDE_ASCII = re.compile(rb"\A(?:\x00\x00\x00[\x01-\x7f]|[\x01-\x7f]\x00\x00\x00)"
                         rb"|\A(?:\x00[\x01-\x7f]|[\x01-\x7f]\x00)")


def wide_encoding(raw: bytes) -> str | None:
    """The encoding when the file is UTF-16 or UTF-32 text ("UTF-16" with a byte-order
    mark, "UTF-16LE" without; an editor's "Unicode" on Windows), else None: it was
    called "binary, not YAML text (it holds NUL bytes)", and the fix said to replace the
    file rather than to save it as UTF-8."""
    for name, marks in _WIDE:
        if raw.startswith(marks):
            return name
    found = _WIDE_ASCII.match(raw)
    if not found:
        return None
    width = "UTF-32" if len(found.group()) == 4 else "UTF-16"
    return width + ("BE" if found.group().startswith(b"\x00") else "LE")


def decode(doc: Document, raw: bytes) -> str | None:
    """Bytes to text, or None with a hit when the file is not readable UTF-8 text."""
    wide = wide_encoding(raw)
    if wide:
        doc.hit(LOAD_ENCODING, f"the file is {wide} text; the harness reads UTF-8 only",
                "save the file as UTF-8 (in the editor's encoding menu; iconv -f "
                f"{wide} -t UTF-8 on a command line)", pos=(1, 1))
        return None
    if b"\x00" in raw:
        doc.hit(LOAD_ENCODING, "the file is binary, not YAML text (it holds NUL bytes)",
                "replace it with a UTF-8 text YAML record", pos=_offset_pos(raw, raw.index(b"\x00")))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        doc.hit(LOAD_BOM, "the file starts with a byte-order mark",
                "save the file as UTF-8 without BOM", pos=(1, 1))
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        doc.hit(LOAD_ENCODING, f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                "save the file as UTF-8", pos=_offset_pos(raw, exc.start))
        return None


def feed_events(doc: Document, text: str, events: Any) -> None:
    """Build ``doc.data`` from parser ``events`` of ``text``, recording positions and hits.
    The parser's own errors propagate: each caller knows its parser's."""
    builder = _Builder(doc, text)
    try:
        for event in events:
            builder.feed(event)
    except _Stop:
        return
    if not builder.has_root or builder.root is None:
        doc.hit(LOAD_DOCUMENTS, "the file is empty (no YAML content, or only comments)",
                "add a record ('source:' and 'claims:') or delete the file", pos=(1, 1))
        return
    doc.data = builder.root


def parse_text(doc: Document, text: str) -> None:
    """Parse YAML text into ``doc.data``, recording positions and hits."""
    yaml = YAML(typ="safe", pure=True)
    try:
        feed_events(doc, text, yaml.parse(text))
    except (YAMLError, RecursionError, ValueError) as exc:
        parse_error(doc, text, exc)


def _unreadable_character(doc: Document, text: str, exc: ReaderError) -> None:
    """A character YAML does not allow in a file (a raw ESC, BEL or NUL pasted from a
    terminal, a lone surrogate): it was "the file could not be parsed: ReaderError" at
    1:1, with no word of what or where."""
    at = min(max(int(exc.position), 0), len(text))
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    code = int(exc.character)
    if 0xD800 <= code <= 0xDFFF:
        what = f"a broken character (U+{code:04X}, half of a pair)"
        fix = "retype the text around it; the file was saved from a damaged copy"
    else:
        name = unicodedata.name(chr(code), "a control character").lower()
        what = f"the invisible character U+{code:04X} ({name}), which YAML does not allow"
        fix = (f"delete it (pasted from a terminal or another program); to keep it, write "
               f"it as \\u{code:04x} inside double quotes")
    doc.hit(LOAD_SYNTAX, f"the file holds {what}", fix, pos=(line, column))


def parse_error(doc: Document, text: str, exc: Exception) -> None:
    """The finding for the standard parser's error ``exc`` while reading ``text``."""
    if isinstance(exc, ReaderError) and isinstance(exc.character, int):
        _unreadable_character(doc, text, exc)
        return
    if not isinstance(exc, MarkedYAMLError):  # defensive: never a traceback
        doc.hit(LOAD_SYNTAX, f"the file could not be parsed: {exc.__class__.__name__}",
                "fix the YAML syntax", pos=(1, 1))
        return
    mark = exc.problem_mark or exc.context_mark
    pos = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or exc.context or "invalid YAML"
    fix = _syntax_fix(problem)
    if any(sep in text for sep in _UNICODE_BREAKS):
        fix = ("the file breaks lines with U+2028, U+2029 or U+0085, which YAML does not "
               "read as line breaks: save it with ordinary line endings; then " + fix)
    doc.hit(LOAD_SYNTAX, f"YAML syntax error: {problem}", fix, pos=pos)


def load_file(file: Path, shown: str, *, fast: bool | None = None,
              root: Path | None = None) -> Document:
    """Read and parse one file; never raises for anything in the file.

    With ``fast`` (the default unless ``FACT_CHECKS_FAST=off``) an ordinary
    file is parsed by libyaml when PyYAML is installed (:mod:`checks.fastload`);
    the result is the same.
    """
    raw = read_bytes(file, shown, root)
    if isinstance(raw, Document):
        return raw
    return load_bytes(file, shown, raw, fast=fast)


def read_bytes(file: Path, shown: str, root: Path | None = None) -> bytes | Document:
    """The file's bytes, or a Document holding the hit when it cannot be read.

    Only regular files are read, without blocking (a FIFO named ``x.yaml`` must
    not hang the run) and never more than the size limit (a file growing while
    it is read stays bounded). With ``root``, a file inside the repository that
    is a symlink to something outside it is refused: its contents would leak
    into reports.
    """
    doc = Document(path=shown, file=file)
    if root is not None and _escapes(file, root):
        doc.hit(LOAD_ENCODING, "the file is a symbolic link to a place outside the repository",
                "replace the link with the record itself", pos=(1, 1))
        return doc
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        doc.hit(LOAD_ENCODING, f"the file cannot be read: {exc.strerror or exc}",
                "check that the file exists and is readable", pos=(1, 1))
        return doc
    try:
        return _read_regular(doc, fd)
    finally:
        os.close(fd)


def _read_regular(doc: Document, fd: int) -> bytes | Document:
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            doc.hit(LOAD_ENCODING, "this is not a regular file (a folder, pipe or device)",
                    "fact records are ordinary text files: remove or rename this one", pos=(1, 1))
            return doc
        chunks, left = [], MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    except OSError as exc:
        doc.hit(LOAD_ENCODING, f"the file cannot be read: {exc.strerror or exc}",
                "check that the file exists and is readable", pos=(1, 1))
        return doc
    size = max(info.st_size, len(raw))
    if size > MAX_FILE_BYTES:
        doc.hit(LOAD_LIMIT, f"the file is {size:,} bytes, over the limit of "
                f"{MAX_FILE_BYTES:,}", "split the record or remove what does not belong",
                pos=(1, 1))
        return doc
    return raw


def _escapes(file: Path, root: Path) -> bool:
    """True when ``file`` sits inside ``root`` but resolves outside it."""
    real_root = Path(os.path.realpath(root))
    inside = Path(os.path.abspath(file))
    for base in (Path(os.path.abspath(root)), real_root):
        if inside.is_relative_to(base):
            return not Path(os.path.realpath(file)).is_relative_to(real_root)
    return False  # named explicitly from outside the repository: the user's own choice


def load_bytes(file: Path, shown: str, raw: bytes, *, fast: bool | None = None) -> Document:
    """Parse bytes already read from ``file``."""
    doc = Document(path=shown, file=file)
    text = decode(doc, raw)
    if text is None:
        return doc
    doc.text = text
    parse_any(doc, text, fast=fast)
    return doc


def parse_any(doc: Document, text: str, *, fast: bool | None = None) -> None:
    """:func:`parse_text`'s result, by libyaml where it can (:mod:`checks.fastload`)."""
    from .fastload import enabled, parse_fast  # late: fastload builds on this module

    if not ((enabled() if fast is None else fast) and parse_fast(doc, text)):
        parse_text(doc, text)
