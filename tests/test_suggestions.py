"""'did you mean ...?' for unregistered ids and predicates (I001, I002): each word is
scored once per run, and among many options only those sharing the most letter pairs
with it, so a large registry and thousands of unregistered ids (a removed entity used
everywhere, a hostile file) cost seconds, not minutes; the suggestions are difflib's."""

from __future__ import annotations

import random

from checks.textnorm import Nearest, nearest
from tests.timing import cpu_now

PARTS = ["ivan", "petrov", "ministry", "foreign", "ukraine", "russia", "office", "press",
         "army", "chief", "john", "smith"]


def _registry(n: int) -> list[str]:
    rng = random.Random(1)
    return list(dict.fromkeys(
        "-".join(rng.choice(PARTS) + str(rng.randrange(99)) for _ in range(3))
        for _ in range(n)))


def test_the_shortlist_suggests_what_difflib_suggests() -> None:
    ids = _registry(2000)
    typos = ([i[:-1] + "x" for i in ids[:60]] + [i.replace("-", "_", 1) for i in ids[60:90]]
             + ["zz" + i[2:] for i in ids[90:120]] + ["nothing-like-any", "q"])
    like = Nearest(ids)
    assert [like(w) for w in typos] == [nearest(w, ids) for w in typos]
    assert like("nothing-like-any") is None


def test_few_options_are_all_scored() -> None:
    like = Nearest(["zelenskiy", "peskov", "mendel"])
    assert like("zelensky") == "zelenskiy" and like("peskow") == "peskov"
    assert like("biden") is None


def test_thousands_of_unregistered_ids_are_cheap() -> None:
    ids = _registry(5000)
    like = Nearest(ids)
    words = [f"unknown-{k}-{ids[k][:-2]}" for k in range(300)]
    started = cpu_now()
    found = [like(w) for w in words * 10]  # each id named ten times
    assert cpu_now() - started < 10  # about 2 s here; 180 s scoring every option each time
    assert all(f is not None for f in found)
