"""The committed JSON Schemas: no drift from the models, and the same verdict
as the models on valid and invalid records (parity)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import ValidationError

from checks.model import MODELS
from checks.schemas import SCHEMA_DIR, committed, drift, generated

BASE: dict[str, Any] = {
    "source": {
        "id": "s1", "outlet": "outlet", "url": "https://example.org/a", "headline": "Headline",
        "published": {"date": "2021-04-12", "known": "inferred", "note": "from the body"},
        "language": "en", "agencies": [{"id": "wire", "how": "republishes", "as": "via Wire"}],
        "text": {"path": "texts/s1.txt", "sha256": "a" * 64}, "furniture": ["menu"],
    },
    "claims": [{
        "id": "c1", "part": "body", "evidence": ["words"],
        "by": {"speaker": "alpha", "as": "Alpha", "role": "spokeswoman", "mode": "partial-quote",
               "via": ["wire"], "said": {"text": "on Monday", "date": "2021-04-12"}},
        "says": {"subject": "x", "predicate": "p", "object": "y", "negated": False,
                 "stance": "not-aware"},
        "when": "last week",
        "quantity": {"value": 40000, "cmp": "gt", "unit": "troops", "scope": ["a"],
                     "each": False},
        "draft": False, "note": "n",
    }],
}


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    node: Any = out
    parts = path.split("/")
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if value is _DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return out


_DELETE = object()

MUTATIONS: list[tuple[str, Any]] = [
    ("source/id", "Not An Id"), ("source/id", 5), ("source/url", "ftp://x"),
    ("source/url", "javascript:alert(1)"), ("source/published/date", "2021-02-30"),
    ("source/published/known", "guessed"), ("source/published", {"known": "stated"}),
    ("source/published", {"known": "unknown"}), ("source/published/time", "25:00"),
    ("source/published/time", "10:30Z"), ("source/language", "english"),
    ("source/text/sha256", "xyz"), ("source/text", _DELETE), ("source/agencies/0/how", "x"),
    ("claims/0/id", ""), ("claims/0/part", "footer"), ("claims/0/evidence", []),
    ("claims/0/evidence", "single string"), ("claims/0/evidence", [""]),
    ("claims/0/by/mode", "rumour"), ("claims/0/by/via", "wire"),
    ("claims/0/by/to", "wire"), ("claims/0/by/to", ["Wire"]), ("claims/0/by/to", ["wire"]),
    ("claims/0/by/said", "today"),
    ("claims/0/by/said", {"date": "2021-04-12"}), ("claims/0/says/stance", "claims"),
    ("claims/0/says/negated", "no"), ("claims/0/says", _DELETE), ("claims/0/by", _DELETE),
    ("claims/0/quantity/value", _DELETE), ("claims/0/quantity/cmp", "range"),
    ("claims/0/quantity", {"cmp": "range", "min": 1, "max": 5, "unit": "u"}),
    ("claims/0/quantity/value", "40,000"), ("claims/0/quantity/unit", "Troops!"),
    ("claims/0/when", {"text": "x", "start": "2021-04-01", "end": "2021-04-30"}),
    ("claims/0/when", {"text": "x", "bogus": 1}), ("claims/0/draft", "yes"),
    ("claims/0/note", None), ("claims/0/by/speaker", None), ("claims", []),
    ("claims/0/extra", 1), ("source/extra", 1),
]


def _schema_ok(kind: str, data: Any) -> bool:
    validator = Draft202012Validator(committed(kind), format_checker=FormatChecker())
    return validator.is_valid(data)


def _model_ok(kind: str, data: Any) -> bool:
    try:
        MODELS[kind].model_validate(data)
    except ValidationError:
        return False
    return True


def test_committed_schemas_match_the_models() -> None:
    assert drift() == [], "run 'python -m checks schemas' and commit schemas/"


def test_schemas_are_valid_2020_12_and_documented() -> None:
    for name in generated():
        schema = json.loads((SCHEMA_DIR / name).read_text("utf-8"))
        Draft202012Validator.check_schema(schema)
    record = committed("record")
    for definition in record["$defs"].values():
        for field, prop in definition.get("properties", {}).items():
            assert prop.get("description"), f"{definition['title']}.{field} has no description"


def test_base_record_is_valid_both_ways() -> None:
    assert _schema_ok("record", BASE) and _model_ok("record", BASE)


@pytest.mark.parametrize(("path", "value"), MUTATIONS,
                         ids=[f"{p}={v!r}"[:50] for p, v in MUTATIONS])
def test_parity_on_mutations(path: str, value: Any) -> None:
    data = _set(BASE, path, value)
    assert _schema_ok("record", data) == _model_ok("record", data)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12) | st.sampled_from(["2021-04-12", "2021-02-30", "asserts", "gt", "range",
                                             "https://x.org", "a" * 64, "on Monday"]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6,
)
_PATHS = [p for p, _ in MUTATIONS]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(_PATHS), value=_JSON)
def test_parity_on_random_values(path: str, value: Any) -> None:
    data = _set(BASE, path, value)
    assert _schema_ok("record", data) == _model_ok("record", data), (path, value)
