"""``python -m checks entities [PATHS]``: the names in the corpus that the entity
registry does not hold, so the registry grows with review.

Scans every claim's evidence and the as-written names of its source
(``by.as``) for capitalised names that are neither a registered name or alias
nor a role wording nor a demonym of one (Ukrainian, Western), nor registered
names and demonyms joined by a hyphen or "and" (Biden-Putin, French and German,
Russian-backed), nor a lone month or weekday abbreviation or time zone (a
dateline's Apr, BST), nor a byline ("JANE ROE and JOHN DOE Associated Press").
The suggested kind is person only for two or three capitalised words that name
no thing (not "the Normandy Format"), place where the text puts a place ("in
London", "Minsk, Belarus", listed with a registered place). Each unknown
name is listed once with the claims that use it, grouped under the nearest
registered name when it looks like a misspelling of one (then: register it as
an alias if it is an accepted spelling, or leave it for the N501 check), and
otherwise with a suggested registry entry to paste into facts/entities.yaml.

Exit 0: this is a listing for curators, not a check. A fact file that does not load or
validate is named on stderr (and under ``left_out`` in JSON, whose listing is under
``names``) and the exit is 1, as ``recall`` does: its names are missing
from the listing, which a script (or a curator reading "0 unregistered name(s)") would
otherwise take as complete.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field

from . import atomic
from .cli import EXIT_FINDINGS, EXIT_OK, input_paths
from .config import load_config
from .corpus import Corpus, build
from .extract import Registry, UnknownName, unknown_names
from .reporters._common import log_path
from .stages import left_out

MAX_USES_SHOWN = 5


@dataclass
class Found:
    name: UnknownName
    uses: list[str] = field(default_factory=list)


def collect(corpus: Corpus) -> list[Found]:
    registry = Registry(corpus.entities, None)
    found: dict[str, Found] = {}
    for ci in corpus.claims:
        texts = [*ci.claim.excerpts, *([ci.claim.by.as_] if ci.claim.by.as_ else [])]
        for text in texts:
            for name in unknown_names(registry, text, ci.claim.part.value):
                entry = found.setdefault(name.name, Found(name))
                if name.kind == "place" and entry.name.kind != "place":
                    entry.name = name  # "London said", then "in London": a place
                if ci.focus not in entry.uses:
                    entry.uses.append(ci.focus)
    return sorted(found.values(), key=lambda f: (f.name.nearest or "\uffff", f.name.name))


def _text(rows: list[Found]) -> str:
    groups: dict[str, list[Found]] = defaultdict(list)
    for row in rows:
        key = (f"near '{row.name.nearest}' ({row.name.nearest_id}): a misspelling, or an "
               "accepted spelling to add as an alias" if row.name.nearest
               else "not near any registered name: register those that matter")
        groups[key].append(row)
    out = []
    for key, items in groups.items():
        out.append(f"{key}\n")
        for row in items:
            uses = ", ".join(row.uses[:MAX_USES_SHOWN]) + (" ..." if len(row.uses) >
                                                            MAX_USES_SHOWN else "")
            out.append(f"  {row.name.name}  ({len(row.uses)} claim(s): {uses})\n")
            if not row.name.nearest:
                out.append(f"      suggested entry: {row.name.entry()}\n")
    out.append(f"{len(rows)} unregistered name(s)\n")
    return "".join(out)


def _json(rows: list[Found], skipped: list[str]) -> str:
    """An object, as recall's: the files left out were said on stderr only, and a script
    reading the list took a listing without their names as complete. Non-ASCII is
    escaped: a file name that is not UTF-8 holds lone surrogates no encoder takes."""
    names = [{"name": r.name.name, "nearest": r.name.nearest, "nearest_id": r.name.nearest_id,
              "suggested_entry": r.name.entry(), "claims": r.uses} for r in rows]
    return json.dumps({"names": names, "left_out": skipped}, indent=2) + "\n"


def handle(args: argparse.Namespace) -> int:
    root = atomic.real_path(args.root)
    paths = input_paths(args, load_config(root), root)
    corpus = build(paths, root)
    rows = collect(corpus)
    skipped = left_out(corpus.docs)
    for path in skipped:  # its names would be missing from the list unseen
        sys.stderr.write(f"entities: left out {log_path(path)}: it does not load or validate "
                         "('python -m checks validate' says why)\n")
    if args.format == "json":
        sys.stdout.write(_json(rows, skipped))
    else:
        sys.stdout.write(_text(rows))
    return EXIT_FINDINGS if skipped else EXIT_OK


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="fact files or folders (default: facts/)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--root", default=".", help="repository root (default: current folder)")


COMMAND = ("entities", "list names in evidence and sources that the entity registry lacks",
           handle, configure)
