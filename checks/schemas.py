"""Generate the committed JSON Schemas (2020-12) from the pydantic models.

``python -m checks schemas`` rewrites ``schemas/*.schema.json``;
``python -m checks schemas --check`` fails when they drift from the models.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .model import MODELS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://fact-checks.invalid/schemas/"


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def build(kind: str) -> dict[str, Any]:
    schema = MODELS[kind].model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "$id": BASE_ID + schema_name(kind), **schema}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def generated() -> dict[str, str]:
    """File name -> text of every schema the models define."""
    from .report_schema import report_schemas  # late: keeps model import light

    out = {schema_name(kind): render(build(kind)) for kind in MODELS}
    out.update({name: render(schema) for name, schema in report_schemas().items()})
    return out


def drift(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that differ from what the models generate."""
    return [name for name, text in generated().items()
            if not (directory / name).is_file() or (directory / name).read_text("utf-8") != text]


def write(directory: Path = SCHEMA_DIR) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    changed = drift(directory)
    for name, text in generated().items():
        if name in changed:
            (directory / name).write_text(text, "utf-8")
    return changed


@cache
def committed(kind: str, directory: Path = SCHEMA_DIR) -> dict[str, Any]:
    """The committed schema for a file kind (the contract other tools use)."""
    with (directory / schema_name(kind)).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data
