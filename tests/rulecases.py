"""Materialise a rule case (tests/rule_cases/<CODE>.yaml) as a small fact
repository and run the real pipeline on it.

A case file::

    rule: C101
    cases:
      - name: asserts-vs-denies          # unique within the file
        entities: [{id: x, name: X, kind: person}]   # added to BASE_ENTITIES
        predicates: [{id: p, label: p}]              # added to BASE_PREDICATES
        units: [{id: troops, aliases: [servicemen]}] # the vocabulary's units (default none)
        options: {}                                  # the rule's options
        sources:
          - id: a                                    # source id
            published: "2021-04-12"                 # default 2021-04-12; or {date: ..., time: "06:02+10:00"}
            headline: "..."                         # default: "Headline of <id>"
            text: "..."                              # default: headline + evidence lines
            agencies: [{id: wire, how: republishes}] # optional
            outlet: outlet-a                         # default outlet-<id>
            url: https://example.org/story           # default https://example.org/<id>
            furniture: []                            # optional
            corrections: []                          # optional: source.corrections
            claims: [ {id: c1, evidence: ..., says: {...}} ]
        expect: []                                   # silent case, or a list of:
          - claims: [a#c1, b#c1]                     # exactly these claims (any order)
            message: [words, that, must, appear]     # substrings of the message
            fix: [words of the fix]                  # substrings of the fix
            message_not: [words]                     # substrings the message must not hold
            values: {kind: knowledge-gap}            # subset of the finding's values
            location: a#c1                           # optional: finding located at this claim

Every case must load without load/schema/integrity errors, so a typo in a
case cannot make a "silent" case pass for the wrong reason.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.pipeline import RunResult, execute

CASE_DIR = Path(__file__).parent / "rule_cases"

BASE_ENTITIES: list[dict[str, Any]] = [
    {"id": "alpha", "name": "Anna Alpha", "kind": "person", "aliases": ["Alpha"]},
    {"id": "beta", "name": "Boris Beta", "kind": "person", "aliases": ["Beta"]},
    {"id": "gamma", "name": "Gita Gamma", "kind": "person", "aliases": ["Gamma"]},
    {"id": "northland", "name": "Northland", "kind": "government", "side": "northland"},
    {"id": "southland", "name": "Southland", "kind": "government", "side": "southland"},
    {"id": "rebels", "name": "Northland-backed rebels", "kind": "group", "side": "northland"},
    {"id": "place-a", "name": "Place A", "kind": "place"},
    {"id": "place-b", "name": "Place B", "kind": "place"},
    {"id": "wire", "name": "Wire Agency", "kind": "outlet"},
    {"id": "agencies", "name": "Unnamed news agencies", "kind": "group"},
]
BASE_PREDICATES: list[dict[str, Any]] = [
    {"id": "request-talks", "label": "requested talks with", "kind": "event"},
    {"id": "mass-troops", "label": "massed troops near", "kind": "measure"},
    {"id": "killed", "label": "killed", "kind": "measure"},
    {"id": "blame", "label": "blames", "kind": "blame"},
    {"id": "refuse-talks", "label": "refuses talks with", "kind": "event"},
    {"id": "say", "label": "says", "kind": "statement"},
]


def _dump(path: Path, data: Any) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


def _excerpts(claim: dict[str, Any]) -> list[str]:
    ev = claim.get("evidence", [])
    return [ev] if isinstance(ev, str) else list(ev)


def materialise(case: dict[str, Any], root: Path) -> None:
    facts = root / "facts"
    extra_ids = {e["id"] for e in case.get("entities", [])}
    entities = [e for e in BASE_ENTITIES if e["id"] not in extra_ids] + case.get("entities", [])
    for src in case["sources"]:
        outlet = src.get("outlet", f"outlet-{src['id']}")
        if all(e["id"] != outlet for e in entities):
            entities.append({"id": outlet, "name": f"Outlet {src['id']}", "kind": "outlet"})
    _dump(facts / "entities.yaml", {"entities": entities})
    extra_p = {p["id"] for p in case.get("predicates", [])}
    predicates = [p for p in BASE_PREDICATES if p["id"] not in extra_p] + case.get("predicates", [])
    units = {"units": case["units"]} if "units" in case else {}
    _dump(facts / "vocabulary.yaml", {"predicates": predicates, **units})
    for src in case["sources"]:
        _write_source(facts, src)


def _write_source(facts: Path, src: dict[str, Any]) -> None:
    sid = src["id"]
    headline = src.get("headline", f"Headline of {sid}")
    lines = [headline] + [e for c in src.get("claims", []) for e in _excerpts(c)]
    lines += [e for c in src.get("corrections", []) for e in _excerpts(c)]
    text = src.get("text", "\n\n".join(lines) + "\n")
    text_path = facts / "texts" / f"{sid}.txt"
    text_path.parent.mkdir(parents=True, exist_ok=True)
    text_path.write_text(text, encoding="utf-8")
    source: dict[str, Any] = {
        "id": sid, "outlet": src.get("outlet", f"outlet-{sid}"),
        "url": src.get("url", f"https://example.org/{sid}"), "headline": headline,
        "published": _published(src.get("published", "2021-04-12")),
        "text": {"path": f"texts/{sid}.txt",
                 "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
    }
    for key in ("agencies", "furniture", "corrections"):
        if key in src:
            source[key] = src[key]
    _dump(facts / f"{sid}.yaml", {"source": source, "claims": src.get("claims", [])})


def _published(given: Any) -> dict[str, Any]:
    """A date ("2021-04-12"), or a mapping with the record's own fields ({date: ...,
    time: "06:02+10:00"})."""
    if isinstance(given, dict):
        return {"known": "stated", **{k: str(v) for k, v in given.items()}}
    return {"date": str(given), "known": "stated"}


def run_case(case: dict[str, Any], rule: str, root: Path) -> tuple[RunResult, list[Finding]]:
    materialise(case, root)
    config = Config(options={rule: case.get("options", {})} if case.get("options") else {})
    selection = select(config, only=["load", "schema", "integrity", rule])
    result = execute([root / "facts"], root, config, selection, fail_on="error")
    return result, [f for f in result.findings if f.rule == rule]


def load_cases() -> list[tuple[str, str, dict[str, Any]]]:
    """(rule code, case name, case) for every case file."""
    yaml = YAML(typ="safe", pure=True)
    out = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        assert data["rule"] == path.stem, f"{path.name}: 'rule' must be {path.stem}"
        for case in data["cases"]:
            out.append((data["rule"], case["name"], case))
    return out


def matches(finding: Finding, want: dict[str, Any]) -> bool:
    claims = sorted(f"{c.source}#{c.claim}" for c in finding.claims)
    if "claims" in want and claims != sorted(want["claims"]):
        return False
    for field in ("message", "fix"):
        words = want.get(field, [])
        if isinstance(words, str):
            words = [words]
        if any(w not in (getattr(finding, field) or "") for w in words):
            return False
    if any(w in finding.message for w in want.get("message_not", [])):
        return False
    for k, v in want.get("values", {}).items():
        if finding.values.get(k) != v:
            return False
    if "location" in want:
        sid, cid = want["location"].split("#")
        return finding.focus == f"{sid}#{cid}"
    return True
