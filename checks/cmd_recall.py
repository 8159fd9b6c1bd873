"""``python -m checks recall [PATHS]``: measure how many of the curated quotes
(with the right speaker) and figures the draft extractor recovers, per
article and overall (see :mod:`checks.recall`). Exit 1 when either overall
rate is below ``--min``, or when a record was left out (it does not load or
validate, or its archived text cannot be read): the rates would leave its
claims out without a word, so such a record is named on standard error (and
under ``left_out`` in JSON). Exit 1 too when there is nothing to measure (no
curated quote or figure under the paths): "0/0 (100%)" passed a gate on nothing.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import atomic
from .cli import EXIT_FINDINGS, EXIT_OK, UsageError, input_paths
from .config import load_config
from .corpus import Corpus, build
from .recall import Recall, measure
from .stages import left_out


def handle(args: argparse.Namespace) -> int:
    if not 0 <= args.min <= 1:  # also nan: a gate of 5 always failed, of nan never
        raise UsageError(f"--min: expected a fraction from 0 to 1 (0.9 for 90%), got "
                         f"{args.min!r}")
    root = atomic.real_path(args.root)
    paths = input_paths(args, load_config(root), root)
    corpus = build(paths, root)
    rows = measure(corpus)
    skipped = _left_out(corpus)
    total = Recall(source="all", quotes=sum(r.quotes for r in rows),
                   quotes_found=sum(r.quotes_found for r in rows),
                   figures=sum(r.figures for r in rows),
                   figures_found=sum(r.figures_found for r in rows),
                   speaker_right=sum(r.speaker_right for r in rows),
                   speaker_wrong=sum(r.speaker_wrong for r in rows),
                   speaker_none=sum(r.speaker_none for r in rows))
    if args.format == "json":
        sys.stdout.write(json.dumps({"articles": [r.as_dict() for r in rows],
                                     "total": total.as_dict(), "min": args.min,
                                     "left_out": skipped}, indent=2) + "\n")
    else:
        for r in [*rows, total]:
            sys.stdout.write(f"{r.source}: quotes with the right speaker {r.quotes_found}/"
                             f"{r.quotes} ({r.quote_rate:.0%}), figures {r.figures_found}/"
                             f"{r.figures} ({r.figure_rate:.0%}), speakers right "
                             f"{r.speaker_right}, wrong {r.speaker_wrong}, no guess "
                             f"{r.speaker_none}\n")
            for miss in r.missed:
                sys.stdout.write(f"    missed {miss}\n")
    for path in skipped:
        sys.stderr.write(f"recall: left out {path}: it does not load or validate, or its "
                         "archived text cannot be read ('python -m checks check' says why)\n")
    empty = not (total.quotes or total.figures)
    if empty:
        # As pytest with no test: a gate on nothing measured must not pass ("0/0 (100%)").
        sys.stderr.write("recall: no curated quote or figure under the paths: nothing was "
                         "measured\n")
    low = total.quote_rate < args.min or total.figure_rate < args.min
    return EXIT_FINDINGS if low or skipped or empty else EXIT_OK


def _left_out(corpus: Corpus) -> list[str]:
    """Fact files the measure could not take: they would drop out of the rates unseen (a
    record whose text went missing left '100%' on the others, exit 0)."""
    broken = set(left_out(corpus.docs))
    unread = {info.doc.path for info in corpus.records if not info.text}
    return sorted(broken | unread)


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="fact files or folders (default: facts/)")
    p.add_argument("--min", type=float, default=0.9, help="lowest acceptable recall (0.9)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--root", default=".", help="repository root (default: current folder)")


COMMAND = ("recall", "measure the draft extractor's recall of curated quotes and figures",
           handle, configure)
