"""One canonical layout for fact files, losing nothing.

``format_text`` rewrites a record, the registry or the vocabulary with
ruamel.yaml's round-trip mode, so comments, blank lines, flow style
(``{speaker: x, mode: y}``), block scalars and the curator's quoting stay:

* keys in the model's field order (``id, part, evidence, by, says, ...``);
  keys the model does not know keep their place after the known ones;
* indentation: mappings by 2, list items by 4 with the dash at 2
  (``claims:\\n  - id: ...``), the style of the curated files;
* a string YAML would read as something else is double-quoted: dates
  (``"2021-04-12"``), yes/no/on/off/y/n (booleans to YAML 1.1 tools),
  numbers, null words; a string holding invisible characters (no-break
  space, zero-width, direction controls) is double-quoted with them escaped;
* the ``# yaml-language-server: $schema=...`` modeline on the first line, so
  editors offer completion, added only to a file that has none: a file's own
  modeline (another schema, a URL, another relative path) among the comments
  above the data is the curator's line and stays as written.

Two safety nets run on every result: loading before and after with the
harness's own loader must give equal data, and every comment line must still
be there. Otherwise :class:`FormatError` is raised and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import types
import typing
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.scanner import RoundTripScanner
from ruamel.yaml.tokens import CommentToken

from .atomic import real_path
from .load import Document, parse_any
from .model import MODELS, detect_kind

MODELINE = "# yaml-language-server: $schema="
# A modeline among the comments above the data, not only the project's: a file's own
# one is kept. Each line is tried once, so a long comment block is read in linear time.
_MODELINE_LINE = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*?[ \t]*#\s*yaml-language-server:")
# Plain words YAML 1.1 or 1.2 tools read as booleans, null, numbers or dates. Each
# alternative splits a word one way only: a 100,000-digit value is decided in linear time.
_AMBIGUOUS = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|~|null|Null|NULL|<<|="
    r"|[-+]?(?:[0-9_]+(?:\.[0-9_]+)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|[-+]?0[box][0-9a-fA-F_]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$"
)
# Characters a reader cannot see or that change what is shown around them.
INVISIBLE = re.compile("[\u00a0\u00ad\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069"
                       "\u3000\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x00": "\\0"}


_STR_TAG = "tag:yaml.org,2002:str"


class FormatError(Exception):
    """The file cannot be formatted without risk; it is left as it is."""


# ------------------------------------------------------------------ ruamel set-up


class _Resolver(VersionedResolver):
    """YAML 1.2 resolution without timestamps: the harness reads dates as text, so
    the formatter must too (it then quotes them)."""

    @property
    def versioned_resolver(self) -> Any:
        table = super().versioned_resolver
        # Asked for on every scalar: filter the table once per table, not per scalar.
        cached = self.__dict__.get("_without_timestamps")
        if cached is None or cached[0] is not table:
            cached = (table, {ch: [(tag, rx) for tag, rx in rules
                                   if not str(tag).endswith(":timestamp")]
                              for ch, rules in table.items()})
            self.__dict__["_without_timestamps"] = cached
        return cached[1]


class _Scanner(RoundTripScanner):
    """Counts the comment lines it reads: every comment's text comes through
    ``scan_to_next_token`` once, so the formatter's load tallies what
    :func:`comment_lines` found by scanning the input a second time (a fifth of ``fmt``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.comment_lines: Counter[str] = Counter()

    def scan_to_next_token(self) -> Any:
        found = super().scan_to_next_token()
        if found and found[0]:
            self.comment_lines.update(_comment_lines_of(found[0]))
        return found


class _Emitter(Emitter):
    """Writes invisible characters in double-quoted strings as \\uXXXX escapes, so a
    reviewer sees them in the file (ruamel would write most of them raw)."""

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        if not INVISIBLE.search(text):
            super().write_double_quoted(text, split=False)
            return
        if self.root_context and self.requested_indent is not None:
            self.write_line_break()
            if self.requested_indent != 0:
                self.write_indent()
        self.write_indicator('"', True)
        data = "".join(_escape(ch) for ch in text) + '"'
        self.column += len(data)
        self.stream.write(data.encode(self.encoding) if self.encoding else data)


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if INVISIBLE.match(ch):
        return f"\\u{ord(ch):04x}"
    return ch


class _Constructor(RoundTripConstructor):
    """Keeps each float's text as written: ruamel re-creates it from the value, which
    wrote 14000.00000000000001 as 14000.00000000000000 and 2.2250738585072014e-308 as
    ...013e-308, a curator's digits rewritten by a command that only lays a file out."""

    def construct_yaml_float(self, node: Any) -> Any:
        value = super().construct_yaml_float(node)
        if isinstance(value, ScalarFloat) and node.style is None:
            setattr(value, "_written", node.value)  # noqa: B010 (no slots: ruamel sets its own so)
        return value


_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)


def _represent_float(representer: Any, data: Any) -> Any:
    # The text as written when it still reads as the value; else ruamel's, which can
    # round the last digit (5.960464477539063e-08 -> ...062e-08): then Python's repr.
    node = RoundTripRepresenter.represent_scalar_float(representer, data)
    for text in (getattr(data, "_written", None), node.value):
        try:
            if text is not None and float(text.replace("_", "")) == float(data):
                node.value = text
                return node
        except ValueError:
            if text is node.value:
                return node  # .inf / .nan
    node.value = repr(float(data))
    return node


def _represent_null(representer: Any, data: Any) -> Any:
    # Written out: ruamel writes an empty value, which it then mangles when a comment
    # follows ("says:\n  object:\n# c" came out as "says: object:").
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def round_trip() -> YAML:
    """The ruamel.yaml set-up of the canonical layout (also used to write new records)."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Resolver = _Resolver
    yaml.Scanner = _Scanner
    yaml.Emitter = _Emitter
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1_000_000  # never re-wrap a curator's lines
    yaml.allow_unicode = True
    yaml.representer.add_representer(ScalarFloat, _represent_float)
    yaml.representer.add_representer(type(None), _represent_null)
    return yaml


# ------------------------------------------------------------------ key order


def _field_keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation can hold (inside unions, tuples, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found.extend(m for m in _models_in(arg) if m not in found)
    return found


def _field_models(model: type[BaseModel]) -> dict[str, list[type[BaseModel]]]:
    return {info.alias or name: _models_in(info.annotation)
            for name, info in model.model_fields.items()}


def _arrange(node: Any, model: type[BaseModel] | None) -> None:
    """Put mapping keys in model order and recurse; ``model`` None: leave order."""
    if isinstance(node, CommentedSeq):
        for item in node:
            _arrange(item, model)
        return
    if not isinstance(node, CommentedMap) or model is None:
        return
    order = {key: i for i, key in enumerate(_field_keys(model))}
    keys = list(node.keys())
    wanted = sorted(keys, key=lambda k: (order.get(k, len(order)), keys.index(k)))
    if wanted != keys:
        _reorder(node, keys, wanted)
    subs = _field_models(model)
    for key in keys:
        candidates = subs.get(key, [])
        _arrange(node[key], candidates[0] if candidates else None)


def _reorder(node: CommentedMap, keys: list[Any], wanted: list[Any]) -> None:
    """Put the keys in ``wanted`` order, comments included.

    ruamel stores the comment lines *before* a key either with the value of the
    key above it or (after a flow value) on the key itself, and those after the
    last value with the last value. They are lifted off and put back where they
    belong: before the same key (under its new predecessor) and at the end of the
    mapping. End-of-line comments stay with their key. A comment above a key that
    would become the first one has nothing to hang on, so such a mapping keeps
    its order (nothing is lost).
    """
    if _before(node, keys, wanted[0], take=False) and wanted[0] != keys[0]:
        return
    before = {k: _before(node, keys, k, take=True) for k in keys[1:]}
    tail = _take_tail(node, keys[-1])
    for key in wanted:
        node.move_to_end(key)  # ruamel keeps end-of-line comments by key
    for i, key in enumerate(wanted[1:], 1):
        if before.get(key):
            _put_tail(node, wanted[i - 1], before[key])
    if tail:
        _put_tail(node, wanted[-1], tail)


def _before(node: CommentedMap, keys: list[Any], key: Any, *, take: bool) -> str:
    """The comment lines standing above ``key`` (as post-value text), removed if ``take``."""
    text = ""
    i = keys.index(key)
    if i > 0:
        text = _take_tail(node, keys[i - 1], take=take)
    slot = node.ca.items.get(key)
    if slot and len(slot) > 1 and slot[1]:
        lines = "".join(" " * t.start_mark.column + t.value if t.value.startswith("#")
                        else t.value for t in slot[1])
        text = (text or "\n") + lines
        if take:
            slot[1] = None
    if i == 0 and text and not take:
        return ""  # comments above the first key stay above the mapping's first key
    return text


def _is_block(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and bool(value) and \
        not value.fa.flow_style()


def _last(node: CommentedMap | CommentedSeq) -> Any:
    return list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1


def _take_tail(node: CommentedMap | CommentedSeq, key: Any, *, take: bool = True) -> str:
    """Return (as post-value comment text, starting with a line break) the comment
    lines that follow the value at ``key``; remove them if ``take``."""
    value = node[key]
    if _is_block(value):
        if value.ca.end:
            ended = "".join(" " * t.start_mark.column + t.value if t.value.startswith("#")
                            else t.value for t in value.ca.end)
            if take:
                value.ca.end = []
            return "\n" + ended
        return _take_tail(value, _last(value), take=take)
    pos = 2 if isinstance(node, CommentedMap) else 0
    slot = node.ca.items.get(key)
    token = slot[pos] if slot and len(slot) > pos else None
    if token is None:
        return ""
    text: str = token.value
    if not text.startswith("#"):
        if take:
            slot[pos] = None
        return text
    eol, _, rest = text.partition("\n")
    if take:
        token.value = eol + "\n"
    return "\n" + rest if rest else ""


def _put_tail(node: CommentedMap | CommentedSeq, key: Any, tail: str) -> None:
    value = node[key]
    if _is_block(value):
        _put_tail(value, _last(value), tail)
        return
    pos = 2 if isinstance(node, CommentedMap) else 0
    slot = node.ca.items.setdefault(key, [None, None, None, None])
    if slot[pos] is None:
        slot[pos] = CommentToken(tail, CommentMark(0), None)
    else:
        slot[pos].value = slot[pos].value.rstrip("\n") + tail


# ------------------------------------------------------------------ quoting


def _needs_quotes(value: str) -> bool:
    return bool(_AMBIGUOUS.match(value)) or bool(INVISIBLE.search(value))


def _quote(node: Any) -> Any:
    """Double-quote strings that YAML would read as another type, and dates."""
    if isinstance(node, CommentedMap):
        for key in list(node.keys()):
            node[key] = _quote(node[key])
    elif isinstance(node, CommentedSeq):
        for i, item in enumerate(node):
            node[i] = _quote(item)
    elif isinstance(node, dt.date):  # only if a resolver produced one after all
        return DoubleQuotedScalarString(node.isoformat())
    elif isinstance(node, TaggedScalar) and str(node.tag) == _STR_TAG:
        # `!!str x` (which the harness reads as text) came out as `!!%20str x`, a tag
        # the harness refuses: fmt said "tag 'tag:yaml.org,2002: str' is not allowed"
        # about a file that checks clean. The text is written as any other, quoted if
        # it needs it.
        return _quote(str(node.value))
    elif isinstance(node, str):
        plain = not isinstance(node, ScalarString)
        single = type(node).__name__ == "SingleQuotedScalarString"
        if (plain and _needs_quotes(node)) or (single and INVISIBLE.search(node)):
            return DoubleQuotedScalarString(str(node))
    return node


# ------------------------------------------------------------------ modeline


def modeline(kind: str, file: Path | None, root: Path | None) -> str:
    """The modeline for a file of ``kind``, with the schema path relative to it."""
    name = f"{kind}.schema.json"
    if file is None or root is None:
        return f"{MODELINE}../schemas/{name}"
    rel = os.path.relpath(real_path(root) / "schemas" / name, real_path(file).parent)
    return f"{MODELINE}{Path(rel).as_posix()}"


def _with_modeline(text: str, line: str) -> str:
    if _MODELINE_LINE.match(text):
        return text
    return f"{line}\n{text}"


# ------------------------------------------------------------------ safety nets


def comment_lines(text: str) -> Counter[str]:
    """Every comment line of a YAML text (stripped), counted."""
    found: Counter[str] = Counter()
    try:
        tokens = list(YAML(typ="rt", pure=True).scan(text))
    except YAMLError as exc:
        raise FormatError(f"YAML syntax error: {exc}") from exc
    for token in tokens:
        for item in _comment_tokens(getattr(token, "_comment", None)):
            found.update(_comment_lines_of(item.value))
    return found


def _comment_lines_of(value: str) -> Iterator[str]:
    return (line.strip() for line in value.splitlines() if line.strip().startswith("#"))


def _comment_tokens(slot: Any) -> Iterator[Any]:
    if slot is None:
        return
    if isinstance(slot, list):
        for item in slot:
            yield from _comment_tokens(item)
    elif hasattr(slot, "value"):
        yield slot


def _plain_data(text: str) -> Any:
    return _plain_doc(text).data


def _plain_doc(text: str) -> Document:
    doc = Document(path="<fmt>", file=Path("<fmt>"))
    parse_any(doc, text)  # the data the harness reads, as fast as it reads it
    problems = [h for h in doc.hits if h.code != "L008"]
    if problems:
        first = problems[0]
        raise FormatError(f"line {first.location.line}: {first.message}; fix this first")
    return doc


def _refuse_merge_keys(doc: Document) -> None:
    """The harness reads ``<<`` as an ordinary key (no schema knows it); ruamel.yaml's
    round trip merges it, so the safety net refused with "formatting would change the
    data (please report this)", as if the formatter were broken."""
    for pointer, (line, _column) in doc.keys.items():
        if pointer.rsplit("/", 1)[-1] == "<<":
            raise FormatError(f"line {line}: '<<' (a YAML merge key) is not a key of fact "
                              "files; write the merged keys out; fix this first")


# ------------------------------------------------------------------ entry point


def line_endings(text: str) -> tuple[str, bool]:
    """The line break a text is mostly written with (CRLF, LF, or a lone CR: YAML reads
    each as a line break) and whether it mixes them."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    used = [kind for kind, n in counts.items() if n]
    return max(counts, key=lambda kind: (counts[kind], kind == "\n")), len(used) > 1


def format_text(text: str, *, file: Path | None = None, root: Path | None = None) -> str:
    """The canonical layout of a fact file's text. Raises FormatError instead of
    returning anything that loads differently or lost a comment. The text keeps its line
    breaks (a mixed text gets the most common one): a CRLF file came out with LF lines,
    and with CRLF left on its comment lines, rewritten in full without a word."""
    text = text.removeprefix("\ufeff")
    plain = _plain_doc(text)
    _refuse_merge_keys(plain)
    before = plain.data
    newline, _mixed = line_endings(text)
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    result, comments = _formatted(lf, before, file, root)
    if newline != "\n":
        result = result.replace("\n", newline)
    _verify(comments, result, before)
    return result


def _formatted(text: str, before: Any, file: Path | None,
               root: Path | None) -> tuple[str, Counter[str]]:
    """The round trip of an LF text, and the comment lines its load read."""
    kind = detect_kind(before)
    if kind is None:
        raise FormatError("not a fact file (no top-level 'source', 'entities', 'predicates' or "
                          "'reviews')")
    yaml = round_trip()
    line = modeline(kind, file, root)
    try:
        data = yaml.load(_with_modeline(text, line))
        _arrange(data, MODELS[kind])
        data = _quote(data)
        out = io.StringIO()
        yaml.dump(data, out)
    except (YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise FormatError(f"cannot format: {exc.__class__.__name__}: {exc}") from exc
    comments = yaml.scanner.comment_lines  # the text's, as comment_lines(text) counts them
    if not _MODELINE_LINE.match(text):
        comments[line.strip()] -= 1  # the line added, not one of the text's
    return out.getvalue(), comments


def _verify(comments: Counter[str], result: str, before: Any) -> None:
    if _plain_data(result) != before:
        raise FormatError("formatting would change the data (please report this); file left "
                          "as it is")
    missing = comments - comment_lines(result)
    if missing:
        raise FormatError(f"formatting would lose the comment {next(iter(missing))!r}; file "
                          "left as it is")
