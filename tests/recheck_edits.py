"""Small, careful text edits of a fact repository, for tests/test_recheck_equals_cold.py.

Curators edit records as text, so the edits here do too: one line or one claim at a
time, on the flow mappings the records use (``says: {subject: x, predicate: y}``),
leaving every other byte alone. Every edit asserts that it changed something (a
file's bytes, a file's presence, its mtime or the run's date), so an edit that
silently does nothing fails the test instead of passing it vacuously.

An :class:`Edit` is a name (readable in ``pytest -k``), a function of the
:class:`Tree` that returns what it did, and what the report should then do:
``changes`` (differ from the previous report), ``same`` (equal it) or
``baseline`` (equal the report of the untouched corpus). :func:`random_edits`
draws a seeded sequence of the same kinds of edit, with targets chosen from the
tree as it is at that moment.
"""

from __future__ import annotations

import dataclasses
import os
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Expect = Literal["changes", "same", "baseline"] | None

FACTS = "facts"
ENTITIES = "facts/entities.yaml"
VOCABULARY = "facts/vocabulary.yaml"
REVIEWS = "facts/reviews.yaml"
PYPROJECT = "pyproject.toml"
CACHE = ".fact-checks-cache"
SPECIAL = ("entities.yaml", "vocabulary.yaml", "reviews.yaml")
BOGUS_FINGERPRINT = "0123456789abcdef0123"  # well-formed, matches no finding
_ITEM = re.compile(r"^  - id: (\S+)\s*$")  # a claim, an entity or a predicate
_SAYS = "    says: {"


@dataclass
class Tree:
    """A fact repository under edit, with what the edits need to remember."""

    root: Path
    report: dict[str, Any]  # the latest report (JSON), for edits that pick a finding
    today: str
    stash: dict[str, bytes] = field(default_factory=dict)  # originals, for restore()
    counter: int = 0  # makes new ids and names unique within one sequence

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_bytes().decode("utf-8")

    def write(self, rel: str, text: str) -> None:
        """Write ``text``; the file must be new or its bytes must change."""
        target = self.path(rel)
        new = text.encode("utf-8")
        assert not target.exists() or target.read_bytes() != new, f"edit left {rel} unchanged"
        self.stash.setdefault(rel, target.read_bytes() if target.exists() else b"")
        target.write_bytes(new)

    def lines(self, rel: str) -> list[str]:
        return self.read(rel).split("\n")

    def records(self) -> list[str]:
        """Fact records (files with a source and claims), sorted."""
        out = []
        for file in sorted(self.path(FACTS).glob("*.yaml")):
            if file.name not in SPECIAL:
                out.append(f"{FACTS}/{file.name}")
        return out

    def claims(self, rel: str) -> list[str]:
        lines = self.lines(rel)
        start = lines.index("claims:") if "claims:" in lines else len(lines)
        return [m.group(1) for line in lines[start:] if (m := _ITEM.match(line))]

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"


# ------------------------------------------------------------------ line helpers


def span(lines: list[str], head: str) -> tuple[int, int]:
    """Lines [start, end) of the list item whose first line is ``head`` (a claim,
    an entity, a predicate or a review): it runs while lines are indented deeper."""
    matches = [i for i, line in enumerate(lines) if line.rstrip() == head]
    assert len(matches) == 1, f"expected one {head!r}, found {len(matches)}"
    start = end = matches[0]
    end += 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def claim_line(lines: list[str], cid: str, prefix: str) -> int:
    """Index of the claim's line that starts with ``prefix``."""
    start, end = span(lines, f"  - id: {cid}")
    found = [i for i in range(start, end) if lines[i].startswith(prefix)]
    assert len(found) == 1, f"claim {cid}: expected one line starting {prefix!r}"
    return found[0]


def flow(line: str) -> tuple[str, dict[str, str]]:
    """Split ``    says: {a: 1, b: 2}`` into its head and its (ordered) mapping."""
    head, _, rest = line.partition("{")
    assert rest.endswith("}"), f"not a one-line flow mapping: {line!r}"
    pairs = [item.split(": ", 1) for item in rest[:-1].split(", ")]
    return head, {k: v for k, v in pairs}


def unflow(head: str, mapping: dict[str, str]) -> str:
    return head + "{" + ", ".join(f"{k}: {v}" for k, v in mapping.items()) + "}"


def says(tree: Tree, rel: str, cid: str) -> dict[str, str]:
    lines = tree.lines(rel)
    return flow(lines[claim_line(lines, cid, _SAYS)])[1]


def set_says(tree: Tree, rel: str, cid: str, **changes: str | None) -> str:
    """Set (or, with None, remove) keys of a claim's ``says`` mapping."""
    lines = tree.lines(rel)
    i = claim_line(lines, cid, _SAYS)
    head, mapping = flow(lines[i])
    for key, value in changes.items():
        if value is None:
            mapping.pop(key, None)
        else:
            mapping[key] = value
    lines[i] = unflow(head, mapping)
    tree.write(rel, "\n".join(lines))
    return f"{rel}#{cid}: says {changes}"


def entity_ids(tree: Tree) -> list[str]:
    return [m.group(1) for line in tree.lines(ENTITIES) if (m := _ITEM.match(line))]


# ------------------------------------------------------------------ the edits


@dataclass(frozen=True)
class Edit:
    """One step of a scenario."""

    name: str
    apply: Callable[[Tree], str]
    expect: Expect = None
    witness: str | None = None  # a rule code that must then report a claim named in `focus`
    focus: str | None = None

    def then(self, expect: Expect, witness: str | None = None, focus: str | None = None) -> Edit:
        return dataclasses.replace(self, expect=expect, witness=witness,
                                   focus=focus or self.focus)


def negate(rel: str, cid: str) -> Edit:
    def apply(tree: Tree) -> str:
        assert says(tree, rel, cid).get("negated") != "true", f"{cid} is already negated"
        return set_says(tree, rel, cid, negated="true")
    return Edit(f"negate {cid}", apply, focus=cid)


def stance(rel: str, cid: str, value: str) -> Edit:
    return Edit(f"stance {cid} {value}", lambda t: set_says(t, rel, cid, stance=value), focus=cid)


def move(rel: str, cid: str, **key: str) -> Edit:
    """Change the claim's subject/predicate/object: it leaves its block for another."""
    return Edit(f"move {cid}", lambda t: set_says(t, rel, cid, **key), focus=cid)


def speaker(rel: str, cid: str, entity: str) -> Edit:
    def apply(tree: Tree) -> str:
        lines = tree.lines(rel)
        start, end = span(lines, f"  - id: {cid}")
        pattern = re.compile(r"(\bspeaker: )([\w.-]+)")
        hits = [i for i in range(start, end) if pattern.search(lines[i])]
        assert len(hits) == 1, f"{cid}: expected one speaker"
        lines[hits[0]] = pattern.sub(lambda m: m.group(1) + entity, lines[hits[0]], count=1)
        tree.write(rel, "\n".join(lines))
        return f"{rel}#{cid}: speaker {entity}"
    return Edit(f"speaker {cid} {entity}", apply, focus=cid)


def _set_quantity(tree: Tree, rel: str, cid: str, value: str) -> str:
    lines = tree.lines(rel)
    i = claim_line(lines, cid, "    quantity: {")
    new = re.sub(r"(\{value: )[^,}]+", lambda m: m.group(1) + value, lines[i], count=1)
    lines[i] = new
    tree.write(rel, "\n".join(lines))
    return f"{rel}#{cid}: quantity value {value}"


def quantity(rel: str, cid: str, value: str) -> Edit:
    return Edit(f"quantity {cid} {value}", lambda t: _set_quantity(t, rel, cid, value), focus=cid)


def quantity_same_size_same_mtime(rel: str, cid: str, value: str) -> Edit:
    """Change a figure, keep the file's size and restore its mtime: a check that
    trusts (size, mtime) instead of the bytes misses this edit."""
    def apply(tree: Tree) -> str:
        target = tree.path(rel)
        before = target.stat()
        done = _set_quantity(tree, rel, cid, value)
        assert target.stat().st_size == before.st_size, "the new value must keep the file's size"
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        return done + " (same size, same mtime)"
    return Edit(f"quantity-same-stat {cid}", apply, focus=cid)


def text_same_size_same_mtime(rel: str, old: str, new: str) -> Edit:
    """Change the archived article's words, keeping its size and its mtime."""
    def apply(tree: Tree) -> str:
        assert len(old.encode()) == len(new.encode()) and old != new
        target = tree.path(rel)
        before = target.stat()
        done = edit_text(rel, old, new).apply(tree)
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        return done + " (same size, same mtime)"
    return Edit(f"text-same-stat {Path(rel).stem}", apply)


def damage_cache() -> Edit:
    """Halve every file of the cache folder except a run state's signed index
    (``state.pkl``): what an interrupted write or a partly restored CI cache leaves."""
    def apply(tree: Tree) -> str:
        damaged = []
        for file in sorted(tree.path(CACHE).rglob("*")):
            if file.is_file() and file.name != "state.pkl" and file.stat().st_size > 1:
                raw = file.read_bytes()
                file.write_bytes(raw[:len(raw) // 2])
                damaged.append(file.name)
        assert damaged, "no cache to damage"
        return f"{CACHE}: {len(damaged)} files halved"
    return Edit("damage-cache", apply)


def copy_claim(src: str, cid: str, dst: str, new_id: str) -> Edit:
    """Append a copy of another record's claim, under a new id, to ``dst``."""
    def apply(tree: Tree) -> str:
        lines = tree.lines(src)
        start, end = span(lines, f"  - id: {cid}")
        block = [f"  - id: {new_id}", *lines[start + 1:end]]
        text = tree.read(dst).rstrip("\n")
        tree.write(dst, text + "\n\n" + "\n".join(block) + "\n")
        return f"{dst}: added {new_id} (copy of {src}#{cid})"
    return Edit(f"copy-claim {cid}", apply, focus=new_id)


def delete_claim(rel: str, cid: str) -> Edit:
    def apply(tree: Tree) -> str:
        lines = tree.lines(rel)
        start, end = span(lines, f"  - id: {cid}")
        if end < len(lines) and not lines[end].strip():
            end += 1  # and the blank line that separated it from the next
        tree.write(rel, "\n".join(lines[:start] + lines[end:]))
        return f"{rel}: deleted {cid}"
    return Edit(f"delete-claim {cid}", apply)


PROBE_COMMENT = "# re-check probe: a comment line"


def insert_comment(rel: str, at: int = 1) -> Edit:
    """A comment line near the top: every later line moves down by one."""
    def apply(tree: Tree) -> str:
        lines = tree.lines(rel)
        lines.insert(at, PROBE_COMMENT)
        tree.write(rel, "\n".join(lines))
        return f"{rel}: comment inserted at line {at + 1}"
    return Edit(f"insert-comment {Path(rel).stem}", apply)


def edit_comment(rel: str, index: int | None = None) -> Edit:
    """Change the words of one full-line comment (the probe's, unless ``index``)."""
    def apply(tree: Tree) -> str:
        lines = tree.lines(rel)
        i = lines.index(PROBE_COMMENT) if index is None else index
        assert lines[i].lstrip().startswith("#"), f"line {i + 1} of {rel} is no comment"
        lines[i] += " (reworded)"
        tree.write(rel, "\n".join(lines))
        return f"{rel}: comment on line {i + 1} reworded"
    return Edit(f"edit-comment {Path(rel).stem}", apply)


def _source_id(text: str) -> str:
    m = re.search(r"^source:\n(?:(?:  .*|)\n)*?  id: (\S+)$", text, re.M)
    assert m, "no source id"
    return m.group(1)


def copy_record(rel: str, new_rel: str, new_id: str | None) -> Edit:
    """A new record file: a copy of ``rel`` with a new source id (None: the SAME id,
    an integrity error)."""
    def apply(tree: Tree) -> str:
        text = tree.read(rel)
        old = _source_id(text)
        if new_id is not None:
            text = text.replace(f"\n  id: {old}\n", f"\n  id: {new_id}\n", 1)
            assert _source_id(text) == new_id
        assert not tree.path(new_rel).exists(), f"{new_rel} exists"
        tree.write(new_rel, text)
        return f"{new_rel}: copy of {rel} with source id {new_id or old}"
    kind = "copy-record" if new_id else "duplicate-source-id"
    return Edit(f"{kind} {Path(rel).stem}", apply)


def copy_file(rel: str, new_rel: str) -> Edit:
    """A new file with the bytes of ``rel`` (a second reviews file, say)."""
    def apply(tree: Tree) -> str:
        assert not tree.path(new_rel).exists(), f"{new_rel} exists"
        tree.write(new_rel, tree.read(rel))
        return f"{new_rel}: copy of {rel}"
    return Edit(f"copy-file {Path(rel).stem}", apply)


def delete_file(rel: str) -> Edit:
    def apply(tree: Tree) -> str:
        target = tree.path(rel)
        tree.stash.setdefault(rel, target.read_bytes())
        target.unlink()
        return f"{rel}: deleted"
    return Edit(f"delete-file {Path(rel).stem}", apply)


def rename_file(rel: str, new_rel: str) -> Edit:
    def apply(tree: Tree) -> str:
        target = tree.path(new_rel)
        assert not target.exists(), f"{new_rel} exists"
        tree.stash.setdefault(rel, tree.path(rel).read_bytes())
        tree.path(rel).rename(target)
        return f"{rel} renamed to {new_rel}"
    return Edit(f"rename-file {Path(rel).stem}", apply)


def restore(rel: str) -> Edit:
    """Put back the bytes ``rel`` had before its first edit (or remove it if it was new)."""
    def apply(tree: Tree) -> str:
        original = tree.stash.pop(rel)
        target = tree.path(rel)
        if original == b"":
            target.unlink()
            return f"{rel}: removed again"
        assert not target.exists() or target.read_bytes() != original, f"{rel} is unchanged"
        target.write_bytes(original)
        return f"{rel}: restored"
    return Edit(f"restore {Path(rel).stem}", apply)


def _set_item_line(tree: Tree, rel: str, item: str, key: str, value: str) -> str:
    lines = tree.lines(rel)
    start, end = span(lines, f"  - id: {item}")
    found = [i for i in range(start, end) if lines[i].startswith(f"    {key}: ")]
    assert len(found) == 1, f"{item}: expected one {key}"
    stop = found[0] + 1
    while stop < end and lines[stop].startswith("      "):  # a folded value's continuation
        stop += 1
    lines[found[0]:stop] = [f"    {key}: {value}"]
    tree.write(rel, "\n".join(lines))
    return f"{rel}: {item} {key} {value}"


def entity_name(entity: str, name: str) -> Edit:
    return Edit(f"entity-name {entity}", lambda t: _set_item_line(t, ENTITIES, entity, "name", name))


def predicate_field(predicate: str, key: str, value: str) -> Edit:
    return Edit(f"vocabulary-{key} {predicate}",
                lambda t: _set_item_line(t, VOCABULARY, predicate, key, value))


def _review_lines(fingerprint: str, rule: str, claims: list[str], expires: str | None) -> list[str]:
    lines = [f"  - fingerprint: {fingerprint}", "    verdict: expected-disagreement",
             "    reason: Recorded by the re-check probe.", "    reviewer: recheck-probe",
             '    date: "2025-12-01"', f"    rule: {rule}"]
    if expires:
        lines.append(f'    expires: "{expires}"')
    if claims:
        lines += ["    claims:", *(f"      - {c}" for c in claims)]
    return lines


def _append_review(tree: Tree, lines: list[str]) -> None:
    text = tree.read(REVIEWS) if tree.path(REVIEWS).exists() else "reviews:\n"
    if text.strip() == "reviews: []":  # an empty flow list takes no block item after it
        text = "reviews:\n"
    tree.write(REVIEWS, text.rstrip("\n") + "\n" + "\n".join(lines) + "\n")


def pick_finding(report: dict[str, Any], rng: random.Random | None = None,
                 rule: str | None = None) -> dict[str, Any]:
    """An unreviewed finding of the report (of ``rule``, if given)."""
    open_ = [f for f in report["findings"] if f.get("status") != "reviewed"
             and (rule is None or f["rule"] == rule) and f["category"] != "review"]
    assert open_, f"no unreviewed {rule or ''} finding to review"
    return rng.choice(open_) if rng else open_[0]


def review_finding(rule: str | None = None, expires: str | None = None,
                   rng: random.Random | None = None) -> Edit:
    """Review a finding the current report shows, by its fingerprint."""
    def apply(tree: Tree) -> str:
        f = pick_finding(tree.report, rng, rule)
        claims = [f"{c['source']}#{c['claim']}" for c in f["claims"]]
        _append_review(tree, _review_lines(f["fingerprint"], f["rule"], claims, expires))
        return f"{REVIEWS}: reviewed {f['rule']} {f['fingerprint']}"
    return Edit(f"review-finding {rule or 'any'}", apply)


def bogus_review() -> Edit:
    """A review of a fingerprint no finding has: stale."""
    def apply(tree: Tree) -> str:
        _append_review(tree, _review_lines(BOGUS_FINGERPRINT, "C101", [], None))
        return f"{REVIEWS}: stale review {BOGUS_FINGERPRINT}"
    return Edit("stale-review", apply)


def drop_review(fingerprint_of: Callable[[Tree], str]) -> Edit:
    def apply(tree: Tree) -> str:
        fingerprint = fingerprint_of(tree)
        lines = tree.lines(REVIEWS)
        start, end = span(lines, f"  - fingerprint: {fingerprint}")
        tree.write(REVIEWS, "\n".join(lines[:start] + lines[end:]))
        return f"{REVIEWS}: dropped the review of {fingerprint}"
    return Edit("drop-review", apply)


def config_line(line: str) -> Edit:
    """Add a line to [tool.fact-checks] in pyproject.toml (a key must not be there yet)."""
    def apply(tree: Tree) -> str:
        lines = tree.lines(PYPROJECT)
        key = line.split("=")[0].strip()
        at = lines.index("[tool.fact-checks]")
        section = lines[at + 1:]
        section = section[:next((i for i, x in enumerate(section) if x.startswith("[")), None)]
        assert not any(x.split("=")[0].strip() == key for x in section), f"{key} is set"
        lines.insert(at + 1, line)
        tree.write(PYPROJECT, "\n".join(lines))
        return f"{PYPROJECT}: {line}"
    return Edit(f"config {line.split('=')[0].strip()}", apply)


def break_syntax(rel: str, cid: str) -> Edit:
    """An unclosed flow mapping: a YAML syntax error."""
    def apply(tree: Tree) -> str:
        lines = tree.lines(rel)
        i = claim_line(lines, cid, _SAYS)
        lines[i] = lines[i][:-1]
        tree.write(rel, "\n".join(lines))
        return f"{rel}#{cid}: says mapping left unclosed"
    return Edit(f"syntax-error {Path(rel).stem}", apply)


def schema_error(rel: str, cid: str) -> Edit:
    """A word where the schema wants a number."""
    return Edit(f"schema-error {cid}", lambda t: _set_quantity(t, rel, cid, "many"))


def duplicate_keys(rel: str, count: int) -> Edit:
    """The source's ``language:`` written ``count`` more times: one L002 each, past the
    per-file cap when ``count`` is over it (the file stays valid: the last one is kept)."""
    def apply(tree: Tree) -> str:
        lines = tree.lines(rel)
        first = next(i for i, line in enumerate(lines) if line.startswith("  language: "))
        end = first + 1
        while end < len(lines) and lines[end] == lines[first]:
            end += 1
        tree.write(rel, "\n".join(lines[:first + 1] + [lines[first]] * count + lines[end:]))
        return f"{rel}: source.language {count} more times"
    return Edit(f"duplicate-keys {Path(rel).stem}", apply)


def missing_excerpts(rel: str, cid: str, count: int) -> Edit:
    """The claim's evidence as ``count`` excerpts the article lacks: one I004 each."""
    def apply(tree: Tree) -> str:
        lines = tree.lines(rel)
        i = claim_line(lines, cid, "    evidence:")
        excerpts = ", ".join(f'"words {n} not in the article"' for n in range(count))
        lines[i] = f"    evidence: [{excerpts}]"
        tree.write(rel, "\n".join(lines))
        return f"{rel}#{cid}: {count} excerpts not in the article"
    return Edit(f"missing-excerpts {cid}", apply)


def edit_text(rel: str, old: str, new: str) -> Edit:
    """Change the archived article's words (its record, and its pinned hash, stay)."""
    def apply(tree: Tree) -> str:
        text = tree.read(rel)
        assert text.count(old) >= 1, f"{old!r} not in {rel}"
        tree.write(rel, text.replace(old, new, 1))
        return f"{rel}: {old!r} -> {new!r}"
    return Edit(f"archived-text {Path(rel).stem}", apply)


def replace(rel: str, old: str, new: str, focus: str | None = None) -> Edit:
    """Change one run of a record's words (a line of its source, say): the first one."""
    def apply(tree: Tree) -> str:
        text = tree.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        tree.write(rel, text.replace(old, new, 1))
        return f"{rel}: {old!r} -> {new!r}"
    return Edit(f"replace {Path(rel).stem} {new}", apply, focus=focus)


def touch(rel: str) -> Edit:
    """A new mtime, the same bytes."""
    def apply(tree: Tree) -> str:
        target = tree.path(rel)
        before, stat = target.read_bytes(), target.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 7_000_000_000))
        assert target.stat().st_mtime_ns != stat.st_mtime_ns and target.read_bytes() == before
        return f"{rel}: touched"
    return Edit(f"touch {Path(rel).stem}", apply)


def fresh_checkout() -> Edit:
    """Every file of the facts folder written anew with its own bytes: new inodes and
    mtimes, as a CI runner's clone leaves them next to a restored cache."""
    def apply(tree: Tree) -> str:
        count = 0
        for target in sorted(tree.path(FACTS).rglob("*")):
            if not target.is_file():
                continue
            before, stat = target.read_bytes(), target.stat()
            target.unlink()
            target.write_bytes(before)
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 9_000_000_000))
            now = target.stat()
            assert (now.st_ino, now.st_mtime_ns) != (stat.st_ino, stat.st_mtime_ns)
            count += 1
        assert count > 0
        return f"{count} files checked out anew"
    return Edit("fresh-checkout all", apply)


def today(date: str) -> Edit:
    """Run on another day (reviews expire): no file changes at all."""
    def apply(tree: Tree) -> str:
        assert tree.today != date
        tree.today = date
        return f"FACT_CHECKS_TODAY={date}"
    return Edit(f"today {date}", apply)


# ------------------------------------------------------------------ random sequences


def _any_claim(tree: Tree, rng: random.Random, need: str = "") -> tuple[str, str]:
    """A (record, claim id) whose claim has a line starting ``need``."""
    choices = []
    for rel in tree.records():
        lines = tree.lines(rel)
        for cid in tree.claims(rel):
            start, end = span(lines, f"  - id: {cid}")
            if not need or any(lines[i].startswith(need) for i in range(start, end)):
                choices.append((rel, cid))
    assert choices, f"no claim with {need!r}"
    return rng.choice(choices)


def _popular_key(tree: Tree) -> dict[str, str]:
    """The subject, predicate and object of the most discussed proposition."""
    keys: Counter[tuple[tuple[str, str], ...]] = Counter()
    for rel in tree.records():
        for line in tree.lines(rel):
            if line.startswith(_SAYS) and line.endswith("}"):
                m = flow(line)[1]
                keys[tuple((k, m[k]) for k in ("subject", "predicate", "object") if k in m)] += 1
    return dict(keys.most_common(1)[0][0])


def _random(kind: str, pick: Callable[[Tree, random.Random], Edit],
            rng: random.Random) -> Edit:
    def apply(tree: Tree) -> str:
        edit = pick(tree, rng)
        return f"[{kind}] {edit.name}: {edit.apply(tree)}"
    return Edit(f"random {kind}", apply)


def _pick_negate(tree: Tree, rng: random.Random) -> Edit:
    rel, cid = _any_claim(tree, rng, _SAYS)
    if says(tree, rel, cid).get("negated") == "true":
        return Edit("un-negate", lambda t: set_says(t, rel, cid, negated=None))
    return negate(rel, cid)


def _pick_stance(tree: Tree, rng: random.Random) -> Edit:
    rel, cid = _any_claim(tree, rng, _SAYS)
    return stance(rel, cid, "asserts" if says(tree, rel, cid).get("stance") == "denies" else "denies")


def _pick_quantity(tree: Tree, rng: random.Random) -> Edit:
    rel, cid = _any_claim(tree, rng, "    quantity: {value: ")
    return quantity(rel, cid, str(rng.randrange(50_001, 99_999)))


def _pick_speaker(tree: Tree, rng: random.Random) -> Edit:
    rel, cid = _any_claim(tree, rng, "    by: {speaker: ")
    lines = tree.lines(rel)
    now = re.search(r"speaker: ([\w.-]+)", lines[claim_line(lines, cid, "    by: {")])
    assert now
    return speaker(rel, cid, rng.choice([e for e in entity_ids(tree) if e != now.group(1)]))


def _pick_move(tree: Tree, rng: random.Random) -> Edit:
    key = _popular_key(tree)
    rel, cid = _any_claim(tree, rng, _SAYS)
    current = says(tree, rel, cid)
    if all(current.get(k) == v for k, v in key.items()):  # already there: move it out
        return move(rel, cid, subject=rng.choice(entity_ids(tree)))
    return move(rel, cid, **key)


def _pick_copy_claim(tree: Tree, rng: random.Random) -> Edit:
    rel, cid = _any_claim(tree, rng, _SAYS)
    return copy_claim(rel, cid, rng.choice(tree.records()), tree.fresh("recheck-copy"))


def _pick_delete_claim(tree: Tree, rng: random.Random) -> Edit:
    rel = rng.choice([r for r in tree.records() if len(tree.claims(r)) > 1])
    return delete_claim(rel, rng.choice(tree.claims(rel)))


def _pick_comment(tree: Tree, rng: random.Random) -> Edit:
    rel = rng.choice(tree.records())
    return insert_comment(rel, rng.randrange(1, 4))


def _pick_copy_record(tree: Tree, rng: random.Random) -> Edit:
    rel = rng.choice(tree.records())
    new = tree.fresh("recheck-record")
    return copy_record(rel, f"{FACTS}/{new}.yaml", new)


def _pick_rename_record(tree: Tree, rng: random.Random) -> Edit:
    rel = rng.choice(tree.records())
    return rename_file(rel, f"{FACTS}/{tree.fresh('renamed')}-{Path(rel).name}")


def _pick_delete_record(tree: Tree, rng: random.Random) -> Edit:
    return delete_file(rng.choice(tree.records()))


def _pick_entity(tree: Tree, rng: random.Random) -> Edit:
    return entity_name(rng.choice(entity_ids(tree)), f'"Renamed Entity {tree.fresh("n")}"')


def _pick_vocabulary(tree: Tree, rng: random.Random) -> Edit:
    ids = [m.group(1) for line in tree.lines(VOCABULARY) if (m := _ITEM.match(line))]
    return predicate_field(rng.choice(ids), "label", f'"relabelled {tree.fresh("p")}"')


def _pick_syntax(tree: Tree, rng: random.Random) -> Edit:
    rel, cid = _any_claim(tree, rng, _SAYS)
    return break_syntax(rel, cid)


def _pick_schema(tree: Tree, rng: random.Random) -> Edit:
    rel, cid = _any_claim(tree, rng, "    quantity: {value: ")
    return schema_error(rel, cid)


def _pick_text(tree: Tree, rng: random.Random) -> Edit:
    texts = sorted(p.name for p in tree.path(f"{FACTS}/texts").glob("*.txt"))
    rel = f"{FACTS}/texts/{rng.choice(texts)}"
    words = sorted(set(re.findall(r"\b[a-z]{6,}\b", tree.read(rel))))
    word = rng.choice(words)
    return edit_text(rel, word, word[::-1] + "q")


def _pick_touch(tree: Tree, rng: random.Random) -> Edit:
    return touch(rng.choice(tree.records()))


def _pick_review(tree: Tree, rng: random.Random) -> Edit:
    return review_finding(rng=rng)


def _pick_stale_review(tree: Tree, rng: random.Random) -> Edit:
    return bogus_review()


def _pick_config(tree: Tree, rng: random.Random) -> Edit:
    rules = sorted({f["rule"] for f in tree.report["findings"]})
    return config_line(f'ignore = ["{rng.choice(rules)}"]')


PICKERS: dict[str, Callable[[Tree, random.Random], Edit]] = {
    "negate": _pick_negate, "stance": _pick_stance, "quantity": _pick_quantity,
    "speaker": _pick_speaker, "move": _pick_move, "copy-claim": _pick_copy_claim,
    "delete-claim": _pick_delete_claim, "comment": _pick_comment,
    "copy-record": _pick_copy_record, "rename-record": _pick_rename_record,
    "delete-record": _pick_delete_record, "entity": _pick_entity,
    "vocabulary": _pick_vocabulary, "syntax-error": _pick_syntax,
    "schema-error": _pick_schema, "archived-text": _pick_text, "touch": _pick_touch,
    "review": _pick_review, "stale-review": _pick_stale_review, "config": _pick_config,
}


def random_edits(seed: int, steps: int, always: tuple[str, ...] = ("move",)) -> tuple[Edit, ...]:
    """``steps`` different kinds of edit in a seeded order, ``always`` among them (by
    default a claim moved into the most discussed proposition's block, the block an
    incremental re-check must redo); targets are drawn when each edit is applied."""
    rng = random.Random(seed)
    kinds = [*always, *rng.sample(sorted(set(PICKERS) - set(always)), steps - len(always))]
    rng.shuffle(kinds)
    return tuple(_random(kind, PICKERS[kind], rng) for kind in kinds)
