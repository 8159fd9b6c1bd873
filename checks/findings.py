"""Findings, modelled on SHACL validation results.

A rule (or a pipeline stage) yields a :class:`Hit`: what it saw and where.
The engine stamps the rule's code, name, category and configured severity,
and a line-free fingerprint, turning each hit into a :class:`Finding`.
Locations are 1-based everywhere.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.error: 3, Severity.warning: 2, Severity.info: 1}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# pydantic gives every instance its own set of the fields it was given: at 400,000
# claims (and their propositions, attributions, findings) a third of a GiB of sets that
# hold one of a handful of combinations. Frozen models never change that set (pydantic
# copies it for model_copy), so instances with equal sets can share one.
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def share_fields_set(model: BaseModel, table: dict[frozenset[str], set[str]] | None = None) -> None:
    """Let ``model`` (frozen) share its fields-set with the equal ones seen before."""
    if not type(model).model_config.get("frozen"):
        return  # a mutable model adds to its own set when a field is assigned
    own = model.__pydantic_fields_set__
    shared = (_FIELD_SETS if table is None else table).setdefault(frozenset(own), own)
    if shared is not own:
        object.__setattr__(model, "__pydantic_fields_set__", shared)


SHORT = 48  # strings up to this length are ids, names and time words, repeated often


def share_fields_sets(model: BaseModel, *, strings: bool = False) -> None:
    """:func:`share_fields_set` for a frozen model and every model inside it (fields,
    lists and tuples of them). Without ``strings``, with a table per call (a pickle
    holds each model's set as its own: :func:`restored` shares them as it unpickles).
    With ``strings`` (a file loaded in this process, not unpickled), across calls,
    and short string fields are interned: half the strings of a corpus are entity
    ids and time words that thousands of claims repeat."""
    table: dict[frozenset[str], set[str]] | None = None if strings else {}
    stack = [model]
    while stack:
        m = stack.pop()
        share_fields_set(m, table)
        fields = m.__dict__
        for key, value in fields.items():
            if type(value) is str:
                if strings and len(value) <= SHORT:
                    fields[key] = sys.intern(value)  # an equal value: the model is unchanged
            elif isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, (list, tuple)):
                stack.extend(v for v in value if isinstance(v, BaseModel))


_set = object.__setattr__


def restored(cls: type[BaseModel], values: dict[str, Any], names: frozenset[str]) -> BaseModel:
    """A frozen model as unpickled (a cached file, a loader process's result; see
    ``checks.fields.Frozen.__reduce__``): what :func:`share_fields_sets` with ``strings``
    does to one model, done as it is built, so the main process walks no model again.
    One call per model: pydantic's ``__setstate__`` behind a hook of our own cost the
    main process three calls per model (0.3 s per 1,000 files) for the same result."""
    model = cls.__new__(cls)
    for key, value in values.items():
        if type(value) is str and len(value) <= SHORT:
            values[key] = sys.intern(value)  # an equal value: the model is unchanged
    shared = _FIELD_SETS.get(names)
    if shared is None:
        shared = _FIELD_SETS[names] = set(names)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", shared)
    _set(model, "__pydantic_extra__", None)  # extra="forbid": none, as pickled
    _set(model, "__pydantic_private__", None)  # no private attributes
    return model


class Location(Frozen):
    """Where to edit: a file, a 1-based line and column, and a JSON pointer."""

    path: str = Field(description="Path of the file, relative to the repository root.")
    line: int = Field(1, ge=1, description="1-based line.")
    column: int = Field(1, ge=1, description="1-based column.")
    pointer: str = Field("", description="JSON pointer to the value inside the file.")


class ClaimRef(Frozen):
    """A claim involved in a finding, with the words that carry it."""

    source: str = Field(description="Source (article) id.")
    claim: str = Field(description="Claim id.")
    speaker: str | None = Field(None, description="Speaker entity id, if any.")
    evidence: tuple[str, ...] = Field((), description="The article's words for the claim.")
    path: str = Field(description="Record file.")
    line: int = Field(ge=1, description="1-based line of the claim.")
    column: int = Field(ge=1, description="1-based column of the claim.")

    @property
    def id(self) -> str:
        """'source#claim', as reviews and messages name a claim."""
        return f"{self.source}#{self.claim}"


class Finding(Frozen):
    """One result: rule, severity, message, the claims involved and where to edit."""

    rule: str = Field(description="Stable rule code, e.g. C101.")
    name: str = Field(description="Dotted rule name, e.g. conflict.contradiction.")
    category: str = Field(description="Rule category.")
    severity: Severity = Field(description="error, warning or info.")
    message: str = Field(description="One line stating what is wrong (both sides for conflicts).")
    fix: str | None = Field(None, description="A plain-language way to fix or review it.")
    focus: str = Field(description="What the finding is about: 'source#claim' or a file path.")
    location: Location = Field(description="Where to edit.")
    value: Any = Field(None, description="The offending value, where there is one.")
    values: dict[str, Any] = Field(default_factory=dict, description="The values compared.")
    claims: tuple[ClaimRef, ...] = Field((), description="Every claim involved.")
    fingerprint: str = Field(description="Stable id of the finding: ignores lines and layout.")

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.fingerprint)


@dataclass(frozen=True)
class Hit:
    """What a rule or stage yields: the engine turns it into a Finding."""

    message: str
    location: Location
    focus: str = ""
    fix: str | None = None
    value: Any = None
    values: dict[str, Any] = field(default_factory=dict)
    claims: tuple[ClaimRef, ...] = ()
    # Extra stable words that tell two hits of one rule apart when their
    # claims are the same (e.g. the JSON pointer of a schema error).
    key: str = ""
    code: str | None = None  # stages with several codes name the one they mean
    # Aggregated findings (one per disagreement in a block) are identified by
    # their block key alone, so a new claim joining the block keeps the id.
    block: bool = False


def fingerprint(code: str, hit: Hit) -> str:
    """A line-free identity: rule, claims (by id), focus and the hit's key. An aggregated
    hit's focus and claims are whichever of its block's claims come first in corpus
    order: a claim of a new source that sorts before them must not make the reviewed
    disagreement a new one, so its block key alone identifies it."""
    if hit.block:
        payload = json.dumps([code, "", [], hit.key], ensure_ascii=True)
    else:
        claims = sorted(c.id for c in hit.claims)
        payload = json.dumps([code, hit.focus, claims, hit.key], ensure_ascii=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:20]
