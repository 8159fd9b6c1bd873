"""A body's ``part_of`` (checks.model.Entity): the larger body it is part of and speaks for.
Bad values are located findings with a fix (S001 for a person's or a self-reference,
I001 for an unknown id, I017 for a place, another side or a circle), never a traceback;
the links are permanent and reach up the chain, and the conflict rules' heads ignore them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from checks.config import Config
from checks.engine import select
from checks.findings import Finding
from checks.load import MAX_HITS_PER_CODE
from checks.model import PART_OF_DEPTH, Entity, EntityKind
from checks.pipeline import execute
from checks.rules._parties import Heads, Parties, one_party, wholes
from checks.timeexpr import Interval


def _findings(tmp_path: Path, registry: str) -> list[Finding]:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "entities.yaml").write_text(registry, "utf-8")
    config = Config()
    return execute([tmp_path / "facts"], tmp_path, config, select(config)).findings


def _at(found: list[Finding], rule: str) -> list[tuple[int, str]]:
    return sorted((f.location.line, f.message) for f in found
                  if f.rule == rule and f.location is not None and f.location.line is not None)


GOOD = """\
entities:
  - {id: china, name: China, kind: government, side: china}
  - {id: mfa, name: Ministry of Foreign Affairs of China, kind: government, side: china, part_of: china}
  - {id: usa, name: United States, kind: government}
  - {id: state, name: State Department, kind: government, part_of: usa}
  - {id: uk, name: United Kingdom, kind: government}
  - {id: fco, name: Foreign Office, kind: government, side: uk, part_of: uk}
"""


def test_a_body_of_its_state_s_side_is_silent(tmp_path: Path) -> None:
    found = _findings(tmp_path, GOOD)
    assert not [f for f in found if f.rule in ("S001", "I001", "I017")]


BAD = """\
entities:
  - {id: russia, name: Russia, kind: government, side: russia}
  - {id: ukraine, name: Ukraine, kind: government, side: ukraine}
  - {id: kyiv, name: Kyiv, kind: place}
  - {id: rada, name: Verkhovna Rada, kind: government, side: ukraine, part_of: kyiv}
  - {id: dnr, name: Donetsk People's Republic, kind: government, side: russia, part_of: ukraine}
  - {id: a, name: Body A, kind: organisation, part_of: b}
  - {id: b, name: Body B, kind: organisation, part_of: a}
  - {id: c, name: Body C, kind: organisation, part_of: a}
  - {id: d, name: Body D, kind: organisation, part_of: nowhere}
"""


def test_a_bad_part_of_is_a_located_i017_with_a_fix(tmp_path: Path) -> None:
    found = _findings(tmp_path, BAD)
    hits = _at(found, "I017")
    assert [line for line, _ in hits] == [5, 6, 7]
    place, side, circle = (m for _, m in hits)
    assert "'rada' is part of 'kyiv', a place" in place
    assert "'dnr' is part of 'ukraine' but has 'russia', where 'ukraine' has side 'ukraine'" \
        in side
    assert "'part_of' runs in a circle: a -> b -> a" in circle  # once, at its least id; c
    # leads into it and is no member
    assert all(f.fix and f.severity.value == "error" for f in found if f.rule == "I017")
    assert [(line, "unknown entity 'nowhere'" in m) for line, m in _at(found, "I001")] \
        == [(10, True)]


def test_only_a_body_may_be_part_of_another() -> None:
    with pytest.raises(ValidationError, match="'zhao' is a person: a person speaks for a body "
                       "through a role"):
        Entity(id="zhao", name="Zhao", kind=EntityKind.person, part_of="china")
    with pytest.raises(ValidationError, match="'mfa' is 'part_of' itself"):
        Entity(id="mfa", name="MFA", kind=EntityKind.government, part_of="mfa")


def test_a_person_s_part_of_is_a_located_schema_finding(tmp_path: Path) -> None:
    found = _findings(tmp_path, "entities:\n  - {id: china, name: China, kind: government}\n"
                                "  - id: zhao\n    name: Zhao Lijian\n    kind: person\n"
                                "    part_of: china\n")
    hits = [f for f in found if f.rule == "S001"]
    assert len(hits) == 1 and hits[0].location is not None and hits[0].location.line == 3
    assert "a person speaks for a body through a role" in hits[0].message


def _body(id_: str, part_of: str | None = None, side: str | None = "northland") -> Entity:
    return Entity(id=id_, name=id_.title(), kind=EntityKind.government, side=side,
                  part_of=part_of)


def test_a_body_is_one_party_with_each_body_up_its_chain_always() -> None:
    entities = [_body("northland"), _body("government", "northland"),
                _body("mfa", "government"), _body("eastland")]
    registry = {e.id: e for e in entities}
    assert wholes(registry, registry["mfa"]) == ["government", "northland"]
    parties = Parties.build(entities)
    assert parties.same("mfa", "northland", Interval(dt.date(1900, 1, 1), dt.date(1900, 1, 1)))
    assert parties.same("northland", "mfa", None) and parties.same("government", "northland", None)
    # a body on the side, no part of it (a separatist "government"), is its own party
    assert not parties.same("eastland", "northland", None)
    assert one_party(registry, "mfa", "northland", None)
    assert not one_party(registry, "eastland", "northland", None)


def test_a_circle_ends_the_chain() -> None:
    entities = [_body("a", "b"), _body("b", "a")]
    registry = {e.id: e for e in entities}
    assert wholes(registry, registry["a"]) == ["b"]
    assert Parties.build(entities).same("a", "b", None)


def test_the_conflict_rules_heads_ignore_part_of() -> None:
    """Claims about a ministry and about its state stay two propositions (C101, C102)."""
    heads = Heads([_body("northland"), _body("mfa", "northland")])
    assert heads.links == {} and heads.party("mfa") == "mfa"
    assert heads.days("mfa", "northland") is None


def test_a_hostile_chain_is_walked_a_few_bodies_deep(tmp_path: Path) -> None:
    """Bodies nest a few deep: a chain of 3,000 is an I017 at each body more than
    PART_OF_DEPTH from its end (the file's first 100 shown, the rest counted), and links
    each body to PART_OF_DEPTH bodies above it at most, not to every one (millions of
    links); walked from each body, it was quadratic."""
    rows = [f"  - {{id: b{i}, name: Body {i}, kind: organisation, part_of: b{i + 1}}}"
            for i in range(3_000)]
    rows.append("  - {id: b3000, name: Body 3000, kind: organisation}")
    found = _findings(tmp_path, "entities:\n" + "\n".join(rows) + "\n")
    hits = [f for f in found if f.rule == "I017"]
    assert len(hits) == MAX_HITS_PER_CODE + 1  # and one counting the other 2,892
    assert hits[-1].values["not_reported"] == 3_000 - PART_OF_DEPTH - MAX_HITS_PER_CODE
    assert "more than 8 bodies (b0 -> b1 -> b2 -> b3 -> ...)" in hits[0].message
    registry = {f"b{i}": _body(f"b{i}", f"b{i + 1}", side=None) for i in range(3_000)}
    assert len(wholes(registry, registry["b0"])) == PART_OF_DEPTH
