"""The floor: the fastest parse + schema validation of a corpus available from PyPI.

``python -m benchmarks.floor CORPUS`` parses every fact file and validates it
against the committed JSON Schema, with no positions, no rules and no report,
in one process. It tries each available pair and keeps the fastest:

* ``rapidyaml+jsonschema-rs``: rapidyaml parses, emits JSON, ``json.loads``;
* ``pyyaml-c+jsonschema-rs``: PyYAML's libyaml ``CSafeLoader``.

It prints one JSON object: the pair used, seconds, files and how many were
invalid (0 for a generated corpus: a floor that rejects files measured nothing).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def _kind(data: Any) -> str:
    if isinstance(data, dict):
        for kind, key in (("record", "source"), ("entities", "entities"),
                          ("vocabulary", "predicates")):
            if key in data:
                return kind
    return "record"


def _parsers() -> dict[str, Callable[[bytes], Any]]:
    found: dict[str, Callable[[bytes], Any]] = {}
    try:
        import ryml  # type: ignore[import-untyped,import-not-found,unused-ignore]

        def rapid(raw: bytes) -> Any:
            tree = ryml.parse_in_arena(raw)
            return json.loads(ryml.emit_json_malloc(tree, tree.root_id()))

        found["rapidyaml+jsonschema-rs"] = rapid
    except ImportError:
        pass
    try:
        import yaml  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if getattr(yaml, "__with_libyaml__", False):
            found["pyyaml-c+jsonschema-rs"] = lambda raw: yaml.load(raw, Loader=yaml.CSafeLoader)
    except ImportError:
        pass
    return found


def run(files: list[Path], parse: Callable[[bytes], Any]) -> tuple[float, int]:
    import jsonschema_rs  # type: ignore[import-not-found,unused-ignore]

    validators = {kind: jsonschema_rs.validator_for(
        json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8")), validate_formats=True)
        for kind in ("record", "entities", "vocabulary")}
    start = time.perf_counter()
    invalid = 0
    for file in files:
        data = parse(file.read_bytes())
        if not validators[_kind(data)].is_valid(data):
            invalid += 1
    return time.perf_counter() - start, invalid


def main(argv: list[str]) -> int:
    corpus = Path(argv[0])
    files = sorted((corpus / "facts").glob("*.yaml"))
    parsers = _parsers()
    if not parsers:
        print(json.dumps({"error": "install rapidyaml or PyYAML, and jsonschema-rs"}))
        return 2
    sample = files[: min(len(files), 200)]
    trial = {name: run(sample, parse)[0] for name, parse in parsers.items()}
    best = min(trial, key=lambda name: trial[name])
    seconds, invalid = run(files, parsers[best])
    print(json.dumps({"floor": best, "seconds": seconds, "files": len(files),
                      "invalid": invalid, "trial": trial}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
