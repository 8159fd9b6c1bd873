"""Stage 2 and 3: validate loaded data against the committed JSON Schema, then
build the pydantic model.

The JSON Schemas are the contract other tools and editors use, so they are
what we validate with first; the models then give typed objects (and catch
anything the schema language cannot say). Every error becomes a located
:class:`Hit` with a plain-language fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic import ValidationError as ModelError

from .load import Document, escape_pointer
from .model import MODELS, detect_kind
from .schemas import committed
from .textnorm import nearest

if TYPE_CHECKING:  # jsonschema is imported where a file is validated against the schema:
    # a re-check whose changed files the models accept never needs it
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError as SchemaError

SCHEMA_CODE = "S001"
KIND_CODE = "S002"

_JSON_TYPES = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false",
               int: "a number", float: "a number", type(None): "empty (null)"}
_WANTED = {"object": "a mapping (key: value lines)", "array": "a list ('- item' lines)",
           "string": "text", "number": "a number", "integer": "a whole number",
           "boolean": "true or false", "null": "nothing"}

_validators: dict[str, Draft202012Validator] = {}


def _validator(kind: str) -> Draft202012Validator:
    if kind not in _validators:
        from jsonschema import Draft202012Validator, FormatChecker

        _validators[kind] = Draft202012Validator(committed(kind), format_checker=FormatChecker())
    return _validators[kind]


def pointer_of(path: Any) -> str:
    return "".join(f"/{escape_pointer(str(p))}" for p in path)


def human(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _describe(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _suggest(word: str, options: Any) -> str:
    close = nearest(word, options)
    return f"; did you mean '{close}'?" if close else ""


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _beyond_null(err: SchemaError) -> list[SchemaError]:
    """The alternatives' errors, without the 'or nothing' branch of an optional field
    when a value was given: 'is not null' explains nothing about a wrong mapping."""
    branches = err.validator_value if isinstance(err.validator_value, list) else []
    null = {i for i, b in enumerate(branches) if isinstance(b, dict) and b.get("type") == "null"}
    if err.instance is None or not null:
        return list(err.context or [])
    kept = [e for e in err.context or [] if e.relative_schema_path
            and e.relative_schema_path[0] not in null]
    return kept or list(err.context or [])


def _type_fix(want: str, wanted: list[Any], inst: Any) -> str:
    """How to give the wanted type. Text that YAML read as a number or true/false (a
    fingerprint of digits, a headline like 1984) only needs quotes: "write text here"
    told a curator who had written text to do what they had done. A figure written as
    the article prints it ("40,000") is given back as digits."""
    if "string" in wanted and isinstance(inst, (bool, int, float)):
        return f"put the value in quotes (\"...\"): unquoted, YAML reads it as {_describe(inst)}"
    figure = wanted == ["number"] or wanted == ["integer"]
    if figure and isinstance(inst, str) and _DOTTED.fullmatch(text := inst.strip()):
        # '40.000' as French and German texts write 40,000: "write 40.000" read as 40.
        whole = text.replace(".", "")
        decimal = f", or {float(text):g} if it is a decimal" if text.count(".") == 1 else ""
        return (f"write {whole} if the dots group thousands (as French and German texts "
                f"write them){decimal}: digits only, without quotes")
    radix = _radix_fix(inst) if figure else None
    if radix is not None:
        return radix
    digits = _as_digits(inst) if figure else None
    if digits is not None:
        return f"write {digits}: digits only, without quotes or thousands separators"
    return f"write {want} here"


# Thousands grouped by dots ('40.000', '1.300.000'): YAML reads '40.000' unquoted as 40.
_DOTTED = re.compile(r"-?\d{1,3}(?:\.\d{3})+")


# '40,000', '40 000' and YAML 1.1's '1_000' (text to a YAML 1.2 reader)
_SEPARATORS = "[,_\u00a0\u202f ]"
_GROUPED = re.compile(rf"-?\d{{1,3}}(?:({_SEPARATORS})\d{{3}})(?:\1\d{{3}})*(?:\.\d+)?|-?\d+(?:\.\d+)?")


def _as_digits(inst: Any) -> str | None:
    """'40,000' -> '40000', ' 12 ' -> '12'; None for what is no plain figure ('40k')."""
    if not isinstance(inst, str) or not _GROUPED.fullmatch(text := inst.strip()):
        return None
    return re.sub(_SEPARATORS, "", text)


# YAML's other ways to write an integer (checks.load keeps them as text): '0o12', '0x1F',
# '0b101', and '012' (octal to YAML 1.1 tools).
_RADIX = re.compile(r"([-+]?)0(?:([oxbOXB])([0-9a-fA-F_]+)|([0-9]+))")
_BASES = {"o": (8, "octal"), "x": (16, "hexadecimal"), "b": (2, "binary")}


def _radix_fix(inst: Any) -> str | None:
    """The plain figure for a number in another base or with a leading zero, and why."""
    found = _RADIX.fullmatch(inst) if isinstance(inst, str) else None
    if found is None:
        return None
    sign, mark, digits, zeroed = found.groups()
    if zeroed is not None:
        plain = sign.replace("+", "") + (zeroed.lstrip("0") or "0")
        octal = f" ('{inst}' is {int(sign + zeroed, 8)})" if "8" not in zeroed and \
            "9" not in zeroed else ""
        return (f"write {plain} without the leading zero: YAML 1.1 tools read a number that "
                f"starts with 0 as octal{octal}")
    base, name = _BASES[mark.lower()]
    try:
        read = int(sign + digits.replace("_", ""), base)
    except ValueError:  # '0x1G' is no number at all
        return None
    return (f"write the figure in decimal digits: '{inst}' is {name} ({read}) to a YAML "
            "reader, not what an article prints")


# Comparators as people write them: '>' for gt. Offered only where the field allows them.
_SYMBOLS = {">": "gt", ">=": "ge", "≥": "ge", "<": "lt", "<=": "le", "≤": "le", "=": "eq",
            "==": "eq", "~": "about", "≈": "about"}


def _enum_hint(inst: Any, options: list[str]) -> str:
    meant = _SYMBOLS.get(str(inst).strip())
    if meant in options:
        return f"; did you mean '{meant}'?"
    return _suggest(str(inst), options)


def _pattern_hint(inst: Any, pattern: str) -> str:
    """An identifier written as a name ('Mendel', 'mass troops'): its id form, if that fits."""
    if not isinstance(inst, str):
        return ""
    meant = re.sub(r"[\s_]+", "-", inst.strip().lower())
    try:
        fits = meant != inst and re.fullmatch(pattern, meant) is not None
    except re.error:
        return ""
    return f"; did you mean '{_short(meant)}'?" if fits else ""


def _types_refused(err: SchemaError, branches: list[SchemaError]) -> tuple[str, str, str, bool]:
    """Every alternative refused the value's type: the types that would do, in order."""
    wanted: list[Any] = []
    for branch in branches:
        value = branch.validator_value
        for name in value if isinstance(value, list) else [value]:
            if name not in wanted:
                wanted.append(name)
    want = " or ".join(_WANTED.get(str(w), str(w)) for w in wanted)
    return (f"{human(err.absolute_path)}: expected {want}, found {_describe(err.instance)}",
            _type_fix(want, wanted, err.instance), pointer_of(err.absolute_path), False)


def explain(err: SchemaError, described: str = "") -> tuple[str, str, str, bool]:
    """(message, fix, pointer, points-at-key) for one schema error. ``described``: the
    field's description where the schema gives it to the alternatives' holder (an
    optional field's), not to the branch that failed."""
    if err.validator in ("anyOf", "oneOf") and err.context:
        from jsonschema.exceptions import best_match

        holder = err.schema.get("description", "") if isinstance(err.schema, dict) else ""
        branches = _beyond_null(err)
        inner = best_match(branches)
        if len(inner.absolute_path) > len(err.absolute_path) or inner.validator != "type":
            return explain(inner, holder if inner.absolute_path == err.absolute_path else "")
        # A branch whose type fits says what is wrong with the value ('' is empty text);
        # when none fits, name the types that would: "not valid under any of the given
        # schemas" told a curator nothing (`speaker: 5`, `evidence: 5`, `when: [a]`).
        fitting = [e for e in branches if e.validator != "type"]
        if fitting:
            return explain(best_match(fitting), holder)
        return _types_refused(err, branches)
    at = _At(err, human(err.absolute_path), pointer_of(err.absolute_path),
             err.schema if isinstance(err.schema, dict) else {}, described)
    explainer = _EXPLAINERS.get(str(err.validator))
    found = explainer(at) if explainer is not None else None
    return found or (f"{at.where}: {_short(err.message, 160)}",
                     "see the schema's description of this field", at.pointer, False)


Explained = tuple[str, str, str, bool]


@dataclass(frozen=True)
class _At:
    """One schema error and what every explainer shows of it."""

    err: SchemaError
    where: str  # the field in words
    pointer: str
    schema: dict[str, Any]
    described: str


def _unknown_key(at: _At) -> Explained | None:
    inst = at.err.instance
    if not isinstance(inst, dict):
        return None
    allowed = list(at.schema.get("properties", {}))
    extra = [k for k in inst if k not in allowed]
    key = extra[0] if extra else "?"
    return (f"{at.where}: unknown key '{_short(key)}'{_suggest(key, allowed)}",
            f"use one of: {', '.join(allowed)}", f"{at.pointer}/{escape_pointer(str(key))}", True)


def _missing(at: _At) -> Explained:
    message = str(at.err.message)
    missing = message.split("'")[1] if "'" in message else "?"
    return (f"{at.where}: missing required key '{missing}'", f"add '{missing}:' here",
            at.pointer, False)


def _wrong_type(at: _At) -> Explained:
    value = at.err.validator_value
    wanted = value if isinstance(value, list) else [value]
    want = " or ".join(_WANTED.get(str(w), str(w)) for w in wanted)
    return (f"{at.where}: expected {want}, found {_describe(at.err.instance)}",
            _type_fix(want, wanted, at.err.instance), at.pointer, False)


def _not_allowed(at: _At) -> Explained:
    enum_values: Any = at.err.validator_value
    options = [str(o) for o in enum_values]
    inst = at.err.instance
    return (f"{at.where}: '{_short(inst)}' is not allowed{_enum_hint(inst, options)}",
            f"use one of: {', '.join(options)}", at.pointer, False)


def _bad_format(at: _At) -> Explained:
    return (f"{at.where}: '{_short(at.err.instance)}' is not a real {at.err.validator_value}",
            "write a calendar date as YYYY-MM-DD", at.pointer, False)


def _bad_pattern(at: _At) -> Explained:
    hint = at.schema.get("description", "") or at.described
    pattern = str(at.err.validator_value)
    return (f"{at.where}: '{_short(at.err.instance)}' is not in the expected form"
            f"{_pattern_hint(at.err.instance, pattern)}",
            hint or f"match the pattern {pattern}", at.pointer, False)


def _out_of_range(at: _At) -> Explained:
    bound = "at least" if at.err.validator == "minimum" else "at most"
    limit = at.err.validator_value
    return (f"{at.where}: {_short(at.err.instance)} is out of range (it must be {bound} "
            f"{limit:g})", f"write a figure {bound} {limit:g}", at.pointer, False)


def _empty(at: _At) -> Explained:
    return (f"{at.where}: must not be empty", "fill it in or remove the key", at.pointer, False)


def _too_long(at: _At) -> Explained:
    return (f"{at.where}: too long", f"keep it within {at.err.validator_value}", at.pointer,
            False)


# Each JSON Schema keyword a curator's file can fail, in words; any other keyword shows
# the validator's own message (None from an explainer: it does not apply to this value).
_EXPLAINERS: dict[str, Callable[[_At], Explained | None]] = {
    "additionalProperties": _unknown_key, "required": _missing, "type": _wrong_type,
    "enum": _not_allowed, "format": _bad_format, "pattern": _bad_pattern,
    "minimum": _out_of_range, "maximum": _out_of_range, "minLength": _empty,
    "minItems": _empty, "maxLength": _too_long, "maxItems": _too_long,
}

# What an invalid file's absence means for the run: said by each of its schema findings,
# since nothing else tells the user that its contents were silently left out.
LEFT_OUT = {
    "record": "until the record validates, its claims are left out: no rule checks them or "
              "compares them with other records",
    "entities": "until the file validates, none of its entities is registered",
    "vocabulary": "until the file validates, none of its predicates is known",
    "reviews": "until the file validates, none of its reviews applies",
}


def _schema_hits(doc: Document, kind: str) -> bool:
    # List items in their order in the file (claims[2] before claims[10]): past the
    # per-file cap (Document.hit) the first ones are reported and the rest counted.
    errors = sorted(_validator(kind).iter_errors(doc.data),
                    key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, str(p))
                                   for p in e.absolute_path])
    # '22/11/2026' fails the date's pattern and its format: one mistake, one finding.
    misformed = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    errors = [e for e in errors
              if not (e.validator == "format" and tuple(e.absolute_path) in misformed)]
    # A choice of words refused for its type is one mistake too: 'stance: 1' was "'1' is
    # not allowed" and "expected text"; the first lists what is.
    errors = [e for e in errors if not (e.validator == "type" and isinstance(e.schema, dict)
                                        and "enum" in e.schema)]
    said: set[tuple[str, str]] = set()
    for err in errors:
        message, fix, pointer, at_key = explain(err)
        if (pointer, message) in said:
            continue  # a date of the wrong type breaks two schema rules that say the same
        said.add((pointer, message))
        doc.hit(SCHEMA_CODE, _left_out(message, kind), fix, pointer, key=at_key)
    return not errors


def _model_hits(doc: Document, kind: str, exc: ModelError) -> None:
    for item in exc.errors():
        path = _data_path(doc.data, item["loc"])
        said = str(item["msg"])
        # A check across fields ("expires (2019-01-01) is before the review date") says
        # what is wrong in the model's own words; pydantic's "Value error, " before them
        # spoke of Python, and "see the schema's description" sent the reader elsewhere.
        plain = said.removeprefix("Value error, ")
        doc.hit(SCHEMA_CODE, _left_out(f"{human(path)}: {plain}", kind),
                "correct the values it names so that they agree" if plain != said else
                "see the schema's description of this field", pointer_of(path))


def _left_out(message: str, kind: str) -> str:
    return f"{message} ({LEFT_OUT[kind]})" if kind in LEFT_OUT else message


def _data_path(data: Any, loc: tuple[Any, ...]) -> list[Any]:
    """Drop pydantic's union-branch names from a location, keeping real keys."""
    path: list[Any] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        if in_dict or (isinstance(node, list) and isinstance(part, int) and part < len(node)):
            node = node[part]
            path.append(part)
    return path


# Characters where Python's ``re`` (jsonschema) and Rust's regex (pydantic) disagree
# about ``\\s``: a string holding one takes the standard path.
_DISAGREE = "\x1c\x1d\x1e\x1f"
_REGEX_DISAGREE = re.compile(f"[{_DISAGREE}]")


def _strings_agree(data: Any) -> bool:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _REGEX_DISAGREE.search(item):
                return False
        elif isinstance(item, dict):
            stack.extend(item.values())
            stack.extend(item.keys())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def _fast_model(doc: Document, kind: str) -> BaseModel | None:
    """The model when pydantic accepts the data; None means "take the standard path".

    The committed schema is generated from the models (and a parity test
    holds them together), so data the model accepts by alias is data the
    schema accepts: jsonschema, the slow part, only runs to explain a
    rejection. Field names are not accepted here (``by_name=False``), as the
    schema only knows the aliases.
    """
    text = doc.text
    # A substring test per character, not the regex: 20x faster over a whole file.
    if ("\\" in text or any(ch in text for ch in _DISAGREE)) and not _strings_agree(doc.data):
        return None
    try:
        return MODELS[kind].model_validate(doc.data, by_alias=True, by_name=False)
    except (ModelError, TypeError):  # TypeError: a pydantic before 2.11
        return None


def validate(doc: Document, *, fast: bool | None = None) -> tuple[str | None, BaseModel | None]:
    """The file kind and its model, or None where the file is invalid.

    With ``fast`` (the default unless ``FACT_CHECKS_FAST=off``) pydantic
    validates first and the JSON Schema validator runs only for a document
    pydantic rejects, to produce the located messages: the verdicts and
    findings are the same (``tests/test_fastpath.py``).
    """
    if doc.data is None:
        return None, None
    kind = detect_kind(doc.data)
    if kind is None:
        doc.hit(KIND_CODE, "not a fact file: no top-level 'source' (a record), 'entities' "
                "(the registry), 'predicates' (the vocabulary) or 'reviews' (the reviewed "
                "findings)",
                "start the file with 'source:' and 'claims:', or move it out of facts/")
        return None, None
    if fast is None:
        from .fastload import enabled

        fast = enabled()
    if fast:
        model = _fast_model(doc, kind)
        if model is not None:
            return kind, model
    if not _schema_hits(doc, kind):
        return kind, None
    try:
        return kind, MODELS[kind].model_validate(doc.data)
    except ModelError as exc:
        _model_hits(doc, kind, exc)
        return kind, None
