"""Proposition labels read as sentences: a predicate label with a slot ("accuses ... of
provocation") takes the object there, every other label takes it at its end, and without an
object no label ends in the words that would lead up to it ("requested talks with")."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checks.corpus import Corpus
from checks.model import Entity, EntityKind, Predicate, VocabularyFile
from checks.rules._common import label

ROOT = Path(__file__).parent.parent
# The seed vocabulary and the unseen outlets' (which the audit's copies).
VOCABULARIES = [ROOT / "facts" / "vocabulary.yaml",
                *sorted((ROOT / "tests" / "fixtures").glob("*/facts/vocabulary.yaml"))]


def _predicates() -> list[Predicate]:
    found: dict[str, Predicate] = {}
    for path in VOCABULARIES:
        data = YAML(typ="safe", pure=True).load(path.read_text("utf-8"))
        for predicate in VocabularyFile.model_validate(data).predicates:
            found.setdefault(f"{predicate.id}|{predicate.label}", predicate)
    return list(found.values())


PREDICATES = _predicates()
SLOTTED = [p for p in PREDICATES if "..." in p.label or "\u2026" in p.label]


def _corpus(*predicates: Predicate) -> Corpus:
    corpus = Corpus(root=ROOT)
    for entity_id, name in (("putin", "Vladimir Putin"), ("ukraine", "Ukraine")):
        corpus.entities[entity_id] = Entity(id=entity_id, name=name, kind=EntityKind.person)
    corpus.predicates.update({p.id: p for p in predicates})
    return corpus


def test_the_vocabularies_have_slotted_labels() -> None:
    assert {p.label for p in SLOTTED} >= {"accuses ... of provocation",
                                          "blames ... for the escalation"}


@pytest.mark.parametrize("predicate", SLOTTED, ids=lambda p: p.id)
def test_slotted_label_takes_the_object_in_its_slot(predicate: Predicate) -> None:
    text = label(_corpus(predicate), ("putin", predicate.id, "ukraine"))
    before, _, after = predicate.label.partition("...")
    assert text == f"Vladimir Putin {before.strip()} Ukraine {after.strip()}"


@pytest.mark.parametrize("predicate", [p for p in PREDICATES if p not in SLOTTED],
                         ids=lambda p: p.id)
def test_other_labels_take_the_object_at_their_end(predicate: Predicate) -> None:
    text = label(_corpus(predicate), ("putin", predicate.id, "ukraine"))
    assert text == f"Vladimir Putin {predicate.label} Ukraine"


def test_accuses_of_provocation_reads_as_a_sentence() -> None:
    predicate = Predicate(id="accuse", label="accuses ... of provocation")
    assert (label(_corpus(predicate), ("putin", "accuse", "ukraine"))
            == "Vladimir Putin accuses Ukraine of provocation")


def test_unicode_ellipsis_is_a_slot_too() -> None:
    predicate = Predicate(id="blame", label="blames \u2026 for the escalation")
    assert (label(_corpus(predicate), ("putin", "blame", "ukraine"))
            == "Vladimir Putin blames Ukraine for the escalation")


def test_slot_without_an_object_stays_as_the_elided_party() -> None:
    predicate = Predicate(id="accuse", label="accuses ... of provocation")
    assert label(_corpus(predicate), ("putin", "accuse", "")) == "Vladimir Putin accuses ... of provocation"


# Words that lead up to an object, in the vocabularies' labels (the implementation's list is
# longer): none may end a proposition that has no object.
DANGLING = {"with", "of", "to", "for", "on", "at", "from", "about", "near", "against", "toward",
            "into", "in", "over", "by", "/", "...", "\u2026"}


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: f"{p.id}|{p.label}")
def test_without_an_object_no_label_dangles(predicate: Predicate) -> None:
    text = label(_corpus(predicate), ("putin", predicate.id, ""))
    assert text.startswith("Vladimir Putin ")
    kept = text.removeprefix("Vladimir Putin ")
    assert predicate.label.startswith(kept) and kept.split()
    assert kept.split()[-1] not in DANGLING


@pytest.mark.parametrize(("written", "read"), [
    ("requested talks with", "requested talks"),
    ("has massed troops near / against", "has massed troops"),
    ("visits / travels to", "visits / travels"),
    ("was denounced by a number of countries over", "was denounced by a number of countries"),
    ("voiced concern over the actions of", "voiced concern over the actions"),
    ("blames ...", "blames"),
    ("called on ... to de-escalate", "called on ... to de-escalate"),  # the slot inside stays
    ("supports (militarily or diplomatically)", "supports (militarily or diplomatically)"),
    ("is testing", "is testing"),
    ("with", "with"),  # nothing else to keep: as written
    # A particle right after its verb completes it: dropping it says something else.
    ("called off", "called off"),
    ("took over", "took over"),
    ("cut off", "cut off"),
    ("handed over to", "handed over"),
    ("is in", "is in"),
    ("has taken over", "has taken over"),
    # After anything but the verb the same words lead up to the object.
    ("fighting continues in", "fighting continues"),
    ("imposes sanctions on", "imposes sanctions"),
    ("takes part in", "takes part"),
    # One word goes, and only when a content word is left at the end.
    ("requested talks with the", "requested talks with the"),
    ("spoke with / to", "spoke"),
    ("will stand up for", "will stand up"),
    ("is to", "is to"),
])
def test_without_an_object_the_tail_that_leads_to_it_goes(written: str, read: str) -> None:
    predicate = Predicate(id="p", label=written)
    assert label(_corpus(predicate), ("putin", "p", "")) == f"Vladimir Putin {read}"


def test_an_object_name_with_backslashes_is_put_in_as_written() -> None:
    predicate = Predicate(id="accuse", label="accuses ... of provocation")
    corpus = _corpus(predicate)
    corpus.entities["odd"] = Entity(id="odd", name=r"Group \1 \g<0>", kind=EntityKind.group)
    assert (label(corpus, ("putin", "accuse", "odd"))
            == r"Vladimir Putin accuses Group \1 \g<0> of provocation")


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: f"{p.id}|{p.label}")
def test_without_an_object_at_most_one_lead_up_goes(predicate: Predicate) -> None:
    written = predicate.label.split()
    kept = label(_corpus(predicate), ("putin", predicate.id, "")).split()[2:]
    dropped = written[len(kept):]
    assert written[:len(kept)] == kept
    # nothing, one lead-up word, or alternatives of them ("near / against")
    assert len(dropped) in (0, 1) or (len(dropped) == 3 and dropped[1] == "/")
