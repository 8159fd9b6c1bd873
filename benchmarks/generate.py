"""Deterministic synthetic fact corpora shaped like the seed records in facts/.

A corpus is a small fact repository (``pyproject.toml`` + ``facts/``): an
entity registry, a vocabulary, one archived text and one record per article.
Its shape follows the seed: 25 to 50 claims per article (mean about 38),
flow-style ``by``/``says`` mappings, evidence copied verbatim from the
archived text, a share of claims with a figure, a time or an agency, and
entities and propositions shared across articles. Articles cover *stories*
whose popularity follows Zipf's law: most of an article's claims are about its
story's propositions (its commonest carrying a few of its claims, as in the
seed), the rest come from the whole archive. The top story is in about one
article of eight, so some proposition keys are discussed by hundreds or
thousands of articles: the blocks cross-record rules must aggregate, not
compare pairwise. (Generator 2 drew a quarter of all claims from one
proposition, ten per article: nothing like the seed, where an article's
commonest proposition carries 6% of its claims.)

Problems are planted at known rates and counted in ``manifest.json``:

* ``conflicts``: a claim that holds the opposite of its proposition's truth
  (stance ``denies`` or ``negated: true``), so contradiction rules have
  work to do;
* ``attribution_gaps``: a claim with no speaker (``mode: vague`` or
  ``unnamed``), the attribution problem curators must review;
* ``figure_conflicts``: a figure that differs from the proposition's figure.

Everything depends on ``seed`` only: the same arguments give byte-identical
files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

GENERATOR = 3  # bump whenever the output changes, so stale corpora are regenerated
CONFLICT_RATE = 0.02
GAP_RATE = 0.05
FIGURE_RATE = 0.10
FIGURE_CONFLICT_RATE = 0.10  # of the claims with a figure
MIN_CLAIMS, MODE_CLAIMS, MAX_CLAIMS = 25, 38, 50
STORY_SHARE = 0.8  # claims about the article's own story; the rest from the whole archive
STORY_PROPS = (12, 40)  # propositions per story

_KINDS = ("event", "state", "statement", "blame", "measure", "judgement")
_VERBS = ("requested talks with", "met", "blamed", "accused", "warned", "supported",
          "criticised", "sanctioned", "visited", "called", "threatened", "praised")
_UNITS = ("troops", "people", "soldiers", "tanks", "countries", "civilians")
_SAID = ("on Monday", "on Tuesday", "last week", "yesterday", "on Friday", "in recent days")
_WHEN = ("since 2014", "in March 2014", "last month", "this week", "in recent weeks",
         "so far this year")
_VAGUE = ("Some analysts", "Observers", "Officials", "Critics", "Local residents")
_WORDS = ("border", "region", "ministry", "talks", "build-up", "ceasefire", "statement",
          "reports", "forces", "sanctions", "troops", "envoy", "summit", "agreement")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class World:
    """Entities and propositions shared by every article of one corpus."""

    entities: list[dict[str, object]]
    speakers: list[str]
    outlets: list[str]
    agencies: list[str]
    places: list[str]
    predicates: list[tuple[str, str]]  # (id, label)
    props: list[tuple[str, str, str, int]]  # subject, predicate, object, figure
    stories: list[list[int]] = field(default_factory=list)  # indexes into props
    story_weights: list[float] = field(default_factory=list)  # cumulative, Zipf
    names: dict[str, str] = field(default_factory=dict)


def _world(rng: random.Random, articles: int) -> World:
    n_people = 30 + articles // 25
    n_gov = 8 + articles // 500
    entities: list[dict[str, object]] = []
    names: dict[str, str] = {}
    govs = [f"gov-{i:03d}" for i in range(n_gov)]
    for g in govs:
        names[g] = f"Country {g[-3:]}"
        entities.append({"id": g, "name": names[g], "kind": "government", "side": g})
    people = [f"person-{i:04d}" for i in range(n_people)]
    for p in people:
        names[p] = f"Speaker {p[-4:]} Surname"
        entities.append({"id": p, "name": names[p], "kind": "person", "side": rng.choice(govs),
                         "aliases": [f"Surname {p[-4:]}"],
                         "roles": [{"title": "spokesperson", "of": rng.choice(govs)}]})
    outlets = [f"outlet-{i:02d}" for i in range(12 + articles // 1000)]
    agencies = [f"agency-{i}" for i in range(4)]
    places = [f"place-{i:03d}" for i in range(20 + articles // 200)]
    for kind, ids in (("outlet", outlets + agencies), ("place", places)):
        for e in ids:
            names[e] = e.replace("-", " ").title()
            entities.append({"id": e, "name": names[e], "kind": kind})
    predicates = [(f"pred-{i:02d}", f"{_VERBS[i % len(_VERBS)]} ({i})") for i in range(36)]
    actors = govs + people
    props = [(rng.choice(actors), rng.choice(predicates)[0], rng.choice(actors + places),
              rng.randrange(10, 50_000)) for _ in range(max(200, articles * 4))]
    stories = [rng.sample(range(len(props)), rng.randint(*STORY_PROPS))
               for _ in range(max(20, articles // 10))]
    # Coverage follows Zipf's law (exponent 1): the top story is in about one article
    # of eight, most stories in a handful.
    weights = list(accumulate(1 / (rank + 1) for rank in range(len(stories))))
    return World(entities, people, outlets, agencies, places, predicates, props, stories,
                 weights, names)


def _entities_yaml(world: World) -> str:
    lines = ["# Synthetic entity registry (benchmarks/generate.py)", "entities:"]
    for e in world.entities:
        lines.append(f"  - id: {e['id']}")
        lines.append(f"    name: {q(str(e['name']))}")
        lines.append(f"    kind: {e['kind']}")
        if "side" in e:
            lines.append(f"    side: {e['side']}")
        for alias in e.get("aliases", []):  # type: ignore[attr-defined]
            lines.append(f"    aliases: [{q(alias)}]")
        for role in e.get("roles", []):  # type: ignore[attr-defined]
            lines.append(f"    roles: [{{title: {q(role['title'])}, of: {role['of']}}}]")
    return "\n".join(lines) + "\n"


def _vocabulary_yaml(world: World) -> str:
    lines = ["# Synthetic vocabulary (benchmarks/generate.py)", "predicates:"]
    for i, (pid, label) in enumerate(world.predicates):
        lines += [f"  - id: {pid}", f"    label: {q(label)}", f"    kind: {_KINDS[i % 6]}",
                  f"    description: {q('Synthetic predicate ' + pid + '.')}"]
    return "\n".join(lines) + "\n"


@dataclass
class Counts:
    claims: int = 0
    conflicts: int = 0
    attribution_gaps: int = 0
    figures: int = 0
    figure_conflicts: int = 0


def _story(rng: random.Random, world: World) -> list[int]:
    return rng.choices(world.stories, cum_weights=world.story_weights)[0]


def _pick_prop(rng: random.Random, world: World, story: list[int]) -> tuple[str, str, str, int]:
    """Most claims are about the article's story, its first propositions the most
    (as in the seed, an article's commonest proposition carries a few of its claims);
    the rest are drawn from the whole archive."""
    if rng.random() >= STORY_SHARE:
        return rng.choice(world.props)
    weights = [1 / (i + 1) ** 0.3 for i in range(len(story))]
    return world.props[rng.choices(story, weights=weights)[0]]


def _claim(rng: random.Random, world: World, art: str, n: int, counts: Counts,
           sentences: list[str], story: list[int]) -> list[str]:
    subject, predicate, obj, figure = _pick_prop(rng, world, story)
    cid = f"c{n:03d}-{rng.choice(_WORDS)}"
    gap = rng.random() < GAP_RATE
    speaker = None if gap else rng.choice(world.speakers)
    as_ = rng.choice(_VAGUE) if speaker is None else f"Surname {speaker[-4:]}"
    label = dict(world.predicates)[predicate]
    detail = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(4, 12)))
    mode = rng.choice(("vague", "unnamed")) if speaker is None else rng.choice(
        ("paraphrase", "paraphrase", "direct-quote", "partial-quote"))
    what = f"{world.names.get(subject, subject)} {label} {world.names.get(obj, obj)}"
    if mode == "direct-quote":  # the quoted words are the claim, as in the seed
        evidence = f"\u201c{what} over the {detail},\u201d {as_} said ({art} #{n})."
    elif mode == "partial-quote":
        evidence = f"{as_} said {what} over what it called \u201cthe {detail}\u201d ({art} #{n})."
    else:
        evidence = f"{as_} said that {what} over the {detail} ({art} #{n})."
    sentences.append(evidence)
    counts.claims += 1
    out = [f"  - id: {cid}"]
    if n == 0:
        out.append("    part: headline")
    out.append(f"    evidence: {q(evidence)}")
    by = [f"as: {q(as_)}", f"mode: {mode}"]
    if speaker is None:
        counts.attribution_gaps += 1
    else:
        by.insert(0, f"speaker: {speaker}")
        if rng.random() < 0.2:
            by.append(f"via: [{rng.choice(world.agencies)}]")
        if rng.random() < 0.5:
            by.append(f"said: {rng.choice(_SAID)}")
    out.append("    by: {" + ", ".join(by) + "}")
    says = [f"subject: {subject}", f"predicate: {predicate}", f"object: {obj}"]
    if rng.random() < CONFLICT_RATE:
        counts.conflicts += 1
        says.append(rng.choice(("stance: denies", "negated: true")))
    out.append("    says: {" + ", ".join(says) + "}")
    if rng.random() < 0.3:
        out.append(f"    when: {rng.choice(_WHEN)}")
    if rng.random() < FIGURE_RATE:
        counts.figures += 1
        value = figure
        if rng.random() < FIGURE_CONFLICT_RATE:
            counts.figure_conflicts += 1
            value = figure * 2 + 7
        scope = rng.choice(world.places)
        out.append(f"    quantity: {{value: {value}, unit: {_UNITS[figure % len(_UNITS)]}, "
                   f"scope: [{scope}]}}")
    if rng.random() < 0.15:
        out.append(f"    note: {q('Curator note: ' + detail)}")
    return out


def _article(rng: random.Random, world: World, index: int, counts: Counts,
             facts: Path) -> None:
    art = f"art-{index:05d}"
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(365))
    n_claims = round(rng.triangular(MIN_CLAIMS, MAX_CLAIMS, MODE_CLAIMS))
    sentences: list[str] = []
    claims: list[str] = []
    story = _story(rng, world)
    for n in range(n_claims):
        claims += _claim(rng, world, art, n, counts, sentences, story)
    headline = sentences[0]
    text = "\n\n".join(sentences) + "\n"
    raw = text.encode("utf-8")
    (facts / "texts" / f"{art}.txt").write_bytes(raw)
    head = [
        f"# Synthetic record {art} (benchmarks/generate.py)",
        "source:",
        f"  id: {art}",
        f"  outlet: {rng.choice(world.outlets)}",
        f"  url: https://news.example/{day.year}/{art}",
        f"  headline: {q(headline)}",
        f"  published: {{date: \"{day.isoformat()}\", known: stated}}",
        "  language: en",
    ]
    if rng.random() < 0.3:
        head.append(f"  agencies: [{{id: {rng.choice(world.agencies)}, how: contributes}}]")
    head += ["  text:", f"    path: texts/{art}.txt",
             f"    sha256: {hashlib.sha256(raw).hexdigest()}", "", "claims:"]
    (facts / f"{art}.yaml").write_text("\n".join(head + claims) + "\n", encoding="utf-8")


def generate(root: Path, articles: int, seed: int = 1) -> dict[str, object]:
    """Write a corpus of ``articles`` records under ``root``; return its manifest."""
    rng = random.Random(f"{seed}:{articles}")
    world = _world(rng, articles)
    facts = root / "facts"
    (facts / "texts").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        '[tool.fact-checks]\npaths = ["facts"]\nfail-on = "none"\n', encoding="utf-8")
    (facts / "entities.yaml").write_text(_entities_yaml(world), encoding="utf-8")
    (facts / "vocabulary.yaml").write_text(_vocabulary_yaml(world), encoding="utf-8")
    counts = Counts()
    for index in range(articles):
        _article(rng, world, index, counts, facts)
    manifest: dict[str, object] = {
        "articles": articles, "seed": seed, "generator": GENERATOR, "entities": len(world.entities),
        "predicates": len(world.predicates), **counts.__dict__,
        "rates": {"conflict": CONFLICT_RATE, "attribution_gap": GAP_RATE,
                  "figure": FIGURE_RATE, "figure_conflict": FIGURE_CONFLICT_RATE},
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def ensure(root: Path, articles: int, seed: int = 1) -> dict[str, object]:
    """Generate unless ``root`` already holds this exact corpus."""
    marker = root / "manifest.json"
    if marker.is_file():
        manifest: dict[str, object] = json.loads(marker.read_text(encoding="utf-8"))
        if (manifest.get("articles"), manifest.get("seed"), manifest.get("generator")) == (
                articles, seed, GENERATOR):
            return manifest
    if root.exists():
        shutil.rmtree(root)
    return generate(root, articles, seed)
