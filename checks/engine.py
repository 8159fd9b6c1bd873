"""The engine: the rule registry, selection and options, and turning hits into
findings (the engine, not the rule, stamps code, category and severity).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from . import rules as rules_pkg
from .config import Config, ConfigError
from .corpus import ClaimInfo, Corpus
from .findings import Finding, Hit, Severity, fingerprint, share_fields_set
from .stages import STAGE_CODES, UNCHECKED_CODES

CATEGORIES = ("load", "schema", "integrity", "conflict", "quantity", "quote", "attribution",
              "name", "date", "headline", "corroboration", "coverage", "correction", "review")


class NoOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


CheckFn = Callable[[Corpus, Any], Iterable[Hit]]
# A rule's partition of the claims: each of its findings depends only on the claims
# of one block (and on the registry and vocabulary), which lets a re-check rerun it
# on the blocks an edit touched (checks.incremental). A rule without one reads one
# record at a time.
BlockFn = Callable[[Corpus, ClaimInfo], "str | None"]


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    category: str
    severity: Severity
    doc: str
    options: type[BaseModel] = NoOptions
    check: CheckFn | None = None  # None for stage codes: their hits come from the pipeline
    block: BlockFn | None = None  # None: each finding depends on one record (or stage)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    def matches(self, token: str) -> bool:
        return (token == "ALL" or self.code.startswith(token) or token == self.name
                or self.name.startswith(token + ".") or token == self.category)


def _from_module(module: ModuleType) -> RuleSpec:
    return RuleSpec(code=module.CODE, name=module.NAME, category=module.CATEGORY,
                    severity=Severity(module.SEVERITY), doc=module.__doc__ or "",
                    options=getattr(module, "Options", NoOptions), check=module.check,
                    block=getattr(module, "BLOCK", None))


@lru_cache(maxsize=1)
def registry() -> dict[str, RuleSpec]:
    """Every code, stage codes first, then rules in code order."""
    specs = [RuleSpec(s.code, s.name, s.category, s.severity, s.doc) for s in STAGE_CODES]
    for info in pkgutil.iter_modules(rules_pkg.__path__):
        if not info.name.startswith("_"):
            specs.append(_from_module(importlib.import_module(f"{rules_pkg.__name__}.{info.name}")))
    return {s.code: s for s in sorted(specs, key=lambda s: s.code)}


def find_rule(token: str) -> RuleSpec | None:
    reg = registry()
    return reg.get(token.upper()) or next((s for s in reg.values() if s.name == token), None)


@dataclass(frozen=True)
class Selection:
    """The configured rules: which run, at what severity, with what options."""

    specs: dict[str, RuleSpec]
    severity: dict[str, Severity]
    options: dict[str, BaseModel]

    def active(self, code: str) -> bool:
        return code in self.specs


def _matching(tokens: Iterable[str], what: str) -> set[str]:
    reg, out = registry(), set()
    for token in tokens:
        hit = {code for code, spec in reg.items() if spec.matches(token)}
        if not hit:
            shown = token if len(token) <= 100 else token[:100] + "…"  # a pasted blob
            raise ConfigError(f"{what}: '{shown}' matches no rule code, prefix, name or category")
        out |= hit
    return out


def select(config: Config, *, extra_select: Iterable[str] = (), extra_ignore: Iterable[str] = (),
           only: Iterable[str] | None = None) -> Selection:
    reg = registry()
    ignored = tuple(config.ignore) + tuple(extra_ignore)
    chosen = _matching(tuple(config.select) + tuple(extra_select), "select")
    chosen -= _matching(ignored, "ignore")
    _refuse_unchecked({t.upper() for t in ignored}, "ignore", "ignored")
    chosen |= UNCHECKED_CODES  # a narrowed selection still reports a file it left out
    if only is not None:
        chosen &= _matching(only, "only")
    severity = {code: reg[code].severity for code in chosen}
    for code, sev in config.severity.items():
        if code not in reg:
            raise ConfigError(f"severity: '{code}' is not a rule code")
        if sev != Severity.error:
            _refuse_unchecked({code}, "severity", f"made {sev.value}")
        severity[code] = sev
    options: dict[str, BaseModel] = {}
    for code in chosen:
        raw = config.options.get(code, {})
        try:
            options[code] = reg[code].options.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ConfigError(f"options.{code}.{'.'.join(map(str, first['loc']))}: "
                              f"{first['msg']}") from exc
    for code in config.options:
        if code not in reg:
            raise ConfigError(f"options: '{code}' is not a rule code")
    _shared_options_agree(options, config.options)
    return Selection({c: reg[c] for c in sorted(chosen)}, severity, options)


def _shared_options_agree(options: dict[str, BaseModel],
                          given: dict[str, dict[str, Any]]) -> None:
    """Rules that read one setting (an Options class's ``SHARED``: option name -> setting)
    must be given one value: Q201 and Q202 split disagreeing figures at one tolerance, and
    ``Q201 = { tolerance = 0.1 }`` alone left gaps of 5-10% to neither rule, without a word."""
    first: dict[tuple[str, str], str] = {}
    for code, opts in sorted(options.items()):
        for name, setting in getattr(type(opts), "SHARED", {}).items():
            seen = first.setdefault((setting, name), code)
            if getattr(options[seen], name) != getattr(opts, name):
                readers = [c for c in sorted(options)
                           if getattr(type(options[c]), "SHARED", {}).get(name) == setting]
                raise ConfigError(
                    f"options.{code}.{name} is {_given_value(opts, name, code, given)} but "
                    f"options.{seen}.{name} is {_given_value(options[seen], name, seen, given)}: "
                    f"{', '.join(readers)} read {name} as one setting; give each the same value")


def _given_value(opts: BaseModel, name: str, code: str, given: dict[str, dict[str, Any]]) -> str:
    value = getattr(opts, name)
    return f"{value}" if name in given.get(code, {}) else f"{value} (the default)"


def _refuse_unchecked(codes: set[str], where: str, done: str) -> None:
    """A file that does not load or validate is left out of the run: its finding is the
    only trace of it, so it may not be ignored or made a warning."""
    named = sorted(codes & UNCHECKED_CODES)
    if named:
        raise ConfigError(f"{where}: {', '.join(named)} cannot be {done}: it means a file was "
                          "left out of the run unchecked; fix the file instead")


def stamp(spec: RuleSpec, severity: Severity, hit: Hit) -> Finding:
    finding = Finding(rule=spec.code, name=spec.name, category=spec.category, severity=severity,
                   message=hit.message, fix=hit.fix, focus=hit.focus or hit.location.path,
                   location=hit.location, value=hit.value, values=hit.values, claims=hit.claims,
                   fingerprint=fingerprint(spec.code, hit))
    # A large run keeps a hundred thousand findings: their field sets are shared.
    for model in (finding, finding.location, *finding.claims):
        share_fields_set(model)
    return finding


def _stage_hits(corpus: Corpus) -> Iterator[Hit]:
    for doc in corpus.docs:
        yield from doc.hits


def run(corpus: Corpus, selection: Selection, *, rules: bool = True) -> list[Finding]:
    """Stage findings, then (unless ``rules`` is false) every selected rule."""
    found: dict[str, Finding] = {}
    for hit in _stage_hits(corpus):
        code = hit.code or ""
        if selection.active(code):
            finding = stamp(selection.specs[code], selection.severity[code], hit)
            found.setdefault(finding.fingerprint, finding)
    if rules:
        for code, spec in selection.specs.items():
            if spec.check is None:
                continue
            for hit in spec.check(corpus, selection.options[code]):
                finding = stamp(spec, selection.severity[code], hit)
                found.setdefault(finding.fingerprint, finding)
    return sorted(found.values(), key=Finding.sort_key)
