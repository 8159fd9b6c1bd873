"""`python -m checks entities`: names the registry lacks, grouped with the nearest one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checks", "entities", *args, "--root",
                           str(root)], capture_output=True, text=True, cwd=root, check=False)


def test_seed_corpus_lists_the_misspelling_near_its_name(seed_repo: Path) -> None:
    proc = run(seed_repo, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["name"]: r for r in json.loads(proc.stdout)["names"]}
    # RFE/RL writes "Volodomyr"; the registry has "Volodymyr"
    assert rows["Volodomyr"]["nearest_id"] == "zelenskiy"
    assert "rferl-2021-04-12-dialogue#mendel-request-made" in rows["Volodomyr"]["claims"]
    # registered names, aliases, role wordings and demonyms are not listed
    for known in ("Mendel", "Zelenskiy", "Kremlin", "Ukrainian", "Russian", "Western"):
        assert known not in rows
    # nothing from headlines (title case)
    assert not any("Troop" in name for name in rows)


def test_planted_names_grouped_with_suggestions(seed_repo: Path) -> None:
    record = seed_repo / "facts" / "rbt-2021-04-12-putin-wont-talk.yaml"
    text_file = seed_repo / "facts" / "texts" / "rbt-2021-04-12-putin-wont-talk.txt"
    text = text_file.read_text("utf-8")
    body = record.read_text("utf-8").replace(
        "    by: {speaker: mendel, as: she, mode: paraphrase}",
        "    by: {speaker: mendel, as: Jan Kowalski of the Baltic Monitoring Group, "
        "mode: paraphrase}")
    record.write_text(body, "utf-8")
    text_file.write_text(text, "utf-8")
    proc = run(seed_repo)
    assert proc.returncode == 0
    assert "Jan Kowalski" in proc.stdout
    assert "Baltic Monitoring Group" in proc.stdout
    assert "kind: organisation" in proc.stdout
    assert proc.stdout.index("near 'Volodymyr") < proc.stdout.index("not near any")


REGISTRY = """\
entities:
  - {id: kyiv, name: Kyiv, kind: place, aliases: [Kiev]}
  - id: ukraine
    name: Ukraine
    kind: government
    aliases:
      - {name: Ukraine's government, kind: other}
      - {name: KIEV, kind: spelling}
      - {name: Ukraine’s government, kind: spelling}
  - {id: kremlin, name: The Kremlin, kind: government}
  - {id: fortress, name: Kremlin, kind: place}
  - {id: office, name: Presidential  office, kind: government}
"""
MORE = """\
entities:
  - {id: cabinet, name: Cabinet, kind: government, aliases: [presidential office]}
  - {id: mendel, name: Iuliia Mendel, kind: person, aliases: [Mendel, mendel]}
"""


def test_a_name_two_entities_share_is_a_located_i012(tmp_path: Path) -> None:
    from checks.config import Config
    from checks.engine import select
    from checks.pipeline import execute

    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "entities.yaml").write_text(REGISTRY, "utf-8")
    (tmp_path / "facts" / "more.yaml").write_text(MORE, "utf-8")
    config = Config()
    found = execute([tmp_path / "facts"], tmp_path, config, select(config)).findings
    hits = sorted((f.location.path, f.location.line, f.location.column, f.message)
                  for f in found if f.rule == "I012")
    assert [(p, line, col) for p, line, col, _ in hits] == [
        ("facts/entities.yaml", 8, 16),   # KIEV: Kiev of kyiv, case-folded
        ("facts/entities.yaml", 11, 26),  # Kremlin: The Kremlin without its 'the'
        ("facts/more.yaml", 2, 62),       # presidential office: spaces collapsed, other file
    ]
    kiev, kremlin, office = (m for *_, m in hits)
    assert "'KIEV' (entity 'ukraine') is also a name of entity 'kyiv' (facts/entities.yaml:2)" \
        in kiev
    assert "'kremlin'" in kremlin and "'fortress'" in kremlin
    assert "(facts/entities.yaml:12)" in office
    # the same name twice on one entity (Ukraine's/Ukraine’s, Mendel/mendel) is no ambiguity
    assert {f.severity.value for f in found if f.rule == "I012"} == {"warning"}
    assert all(f.fix for f in found if f.rule == "I012")


def test_the_bundled_registry_has_no_shared_name() -> None:
    from checks.corpus import build

    repo = Path(__file__).resolve().parent.parent
    corpus = build([repo / "facts" / "entities.yaml"], repo, cache=False)
    assert not [h for d in corpus.docs for h in d.hits if h.code == "I012"]
    assert corpus.entities


def _registry() -> object:
    from checks.extract import Registry
    from checks.model import Entity

    people = [Entity.model_validate({"id": i, "name": n, "kind": "person", "aliases": [s]})
              for i, n, s in (("alpha", "Anna Alpha", "Alpha"), ("beta", "Boris Beta", "Beta"))]
    land = Entity.model_validate({"id": "northland", "name": "Northland", "kind": "government"})
    return Registry({e.id: e for e in (*people, land)}, None)


def test_middle_initials_weekday_possessives_and_sentence_openers_are_no_names() -> None:
    """House styles that write a middle initial ("Anna B. Alpha", the NYT's "Antony J.
    Blinken"), a weekday's possessive ("during Tuesday's call") and a sentence opened by a
    number word or "Now" inside a quotation gave the curator false unknown names ('Anna',
    'Tuesday's', 'Two Northlandic', 'Now')."""
    from checks.extract import Registry, unknown_names

    registry = _registry()
    assert isinstance(registry, Registry)
    text = ("Secretary Anna B. Alpha met Boris Beta during Tuesday's call. Two Northlandic "
            'soldiers were killed, adding: "Now is the time to talk."')
    assert [u.name for u in unknown_names(registry, text)] == []
    mention = next(m for m in registry.mentions(text) if m.text.startswith("Anna"))
    assert (mention.entity, mention.text) == ("alpha", "Anna B. Alpha")
    # a capitalised word after the initial's full stop is still a name of its own
    assert [u.name for u in unknown_names(registry, "Anna B. Carlsson spoke.")] == ["Carlsson"]


def test_a_record_that_does_not_load_is_named_on_stderr(seed_repo: Path) -> None:
    # Its claims were not read, so their names were missing from the listing unseen; the
    # listing is incomplete, so the exit is 1 (it was 0), as recall's for a file left out.
    (seed_repo / "facts" / "rferl-2021-04-12-dialogue.yaml").write_text("source: [\n", "utf-8")
    proc = run(seed_repo, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert "entities: left out facts/rferl-2021-04-12-dialogue.yaml" in proc.stderr
    assert "Traceback" not in proc.stderr and json.loads(proc.stdout)["left_out"] == [
        "facts/rferl-2021-04-12-dialogue.yaml"]
