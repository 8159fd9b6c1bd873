"""H701's person-office links (checks.rules._parties): a title links the offices that are
its own, found by one index look-up per title, and the links are built only when asked.
The conflict rules' narrower heads: a person is one party with the office named after
their title (or declaring it, ``head``), held for it or its state, while they alone hold it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from checks.config import Config
from checks.engine import select
from checks.model import Entity, EntityKind, Role
from checks.pipeline import execute
from checks.rules._parties import ALWAYS, Heads, Parties, one_party
from checks.timeexpr import Interval
from tests.timing import cpu_now


def _registry(persons: int, offices: int) -> list[Entity]:
    found = [Entity(id=f"o{i}", name=f"Office of the Minister of Affairs {i} of Northland",
                    kind=EntityKind.government, aliases=(f"Ministry {i} press service",))
             for i in range(offices)]
    found += [Entity(id=f"p{i}", name=f"Person {i}", kind=EntityKind.person,
                     roles=(Role(title=f"Minister of Affairs {i % (2 * offices)} of Northland"),
                            Role(title=f"Deputy Head {i} of Department {i}")))
              for i in range(persons)]
    return found


def test_links_are_not_quadratic() -> None:
    entities = _registry(3_000, 1_000)
    started = cpu_now()
    links = Parties.build(entities).links
    elapsed = cpu_now() - started
    assert {other for other, _ in links["p5"]} == {"o5"}
    assert "p1500" not in links  # a title no office is named after
    assert elapsed < 2  # every title searched in every office text: about 11 s


def test_links_are_built_when_first_asked() -> None:
    parties = Parties.build(_registry(3, 2))
    assert parties.same("p1", "p1", None)
    assert parties._links is None  # one party: nothing to look up
    assert parties.same("p1", "o1", None) and parties._links is not None


def test_a_qualified_title_names_another_office() -> None:
    entities = [Entity(id="vp", name="Office of the Vice President of Northland",
                       kind=EntityKind.government),
                Entity(id="own", name="Office of the President of Northland",
                       kind=EntityKind.government),
                Entity(id="a", name="Anna Alpha", kind=EntityKind.person,
                       roles=(Role(title="President of Northland"),))]
    assert {other for other, _ in Parties.build(entities).links["a"]} == {"own"}


# ------------------------------------------------- heads (the conflict rules' parties)

def _office(id_: str, name: str, side: str | None = "northland") -> Entity:
    return Entity(id=id_, name=name, kind=EntityKind.government, side=side)


def _person(id_: str, *roles: Role, side: str | None = "northland") -> Entity:
    return Entity(id=id_, name=id_.title(), kind=EntityKind.person, roles=roles, side=side)


NORTHLAND = Entity(id="northland", name="Northland", kind=EntityKind.government,
                   side="northland")
OFFICE = _office("office", "Office of the President of Northland")


def _role(title: str, of: str = "northland", start: str | None = None,
          end: str | None = None) -> Role:
    return Role.model_validate({"title": title, "of": of, "from": start, "to": end})


def test_the_head_of_an_office_is_one_party_with_it() -> None:
    heads = Heads([NORTHLAND, OFFICE, _person("alpha", _role("President of Northland"))])
    assert heads.party("alpha") == "office" and heads.party("office") == "office"
    assert heads.days("alpha", "office") == (ALWAYS,)
    assert heads.party("northland") == "northland"  # the state is not the office


def test_a_spokesperson_a_deputy_and_an_acting_head_are_not_the_office() -> None:
    heads = Heads([NORTHLAND, OFFICE,
                   _person("mendel", _role("Spokeswoman of the President of Northland",
                                           of="office")),
                   _person("deputy", _role("Deputy President of Northland")),
                   _person("acting", _role("Acting President of Northland")),
                   _office("press", "Press Office of the President of Northland"),
                   _office("vp", "Office of the Vice President of Northland")])
    assert heads.links == {}


def test_a_former_holder_is_the_office_only_while_in_office() -> None:
    old = _person("old", _role("President of Northland", start="2014-06-07", end="2019-05-20"))
    new = _person("new", _role("President of Northland", start="2019-05-20"))
    heads = Heads([NORTHLAND, OFFICE, old, new])
    # the hand-over day is given to both: it is nobody's
    assert heads.days("old", "office") == (
        Interval(dt.date(2014, 6, 7), dt.date(2019, 5, 19)),)
    assert heads.days("new", "office") == (Interval(dt.date(2019, 5, 21), dt.date.max),)
    assert heads.days("old", "new") is None  # two holders are not one party


def test_one_title_in_two_countries_links_only_its_own_state() -> None:
    southland = Entity(id="southland", name="Southland", kind=EntityKind.government)
    pm_office = _office("pmo", "Office of the Prime Minister", side="northland")
    heads = Heads([NORTHLAND, southland, pm_office,
                   _person("north-pm", _role("Prime Minister")),
                   _person("south-pm", _role("Prime Minister", of="southland"), side=None)])
    assert set(heads.links) == {"north-pm"}


def test_two_holders_at_once_link_neither() -> None:
    heads = Heads([NORTHLAND, OFFICE, _person("a", _role("President of Northland")),
                   _person("b", _role("President of Northland", start="2020-01-01"))])
    assert heads.days("b", "office") is None
    assert heads.days("a", "office") == (Interval(dt.date.min, dt.date(2019, 12, 31)),)


def test_a_person_heading_two_offices_links_neither() -> None:
    heads = Heads([NORTHLAND, OFFICE,
                   _office("exec", "Executive Office of the President of Northland"),
                   _person("alpha", _role("President of Northland"))])
    assert heads.links == {}  # which of the two would be "the" office is not said


def test_names_of_many_office_words_are_read_in_a_few_spans() -> None:
    # Every span between office words would be ~350 joins of up to 5,000 characters per
    # name: 2,000 such offices took minutes. Six office words either side are read.
    words = "office of the " * 350
    hostile = [_office(f"h{i}", f"{words}Minister {i} of Northland") for i in range(2_000)]
    started = cpu_now()
    heads = Heads([NORTHLAND, *hostile, _person("alpha", _role("Minister 7 of Northland"))])
    assert heads.links["alpha"].office == "h7"
    assert cpu_now() - started < 2


# ----------------------------------------- an office that declares its head's title

def _declaring(id_: str, head: str, side: str | None = "northland",
               kind: EntityKind = EntityKind.government) -> Entity:
    return Entity(id=id_, name="Northland House", kind=kind, side=side, head=head)


def test_an_office_that_declares_its_head_s_title_is_one_party_with_the_holder() -> None:
    # "Northland House" does not carry the title: only its registry entry can say so.
    alpha = _person("alpha", _role("President of Northland", start="2019-05-20"))
    assert Heads([NORTHLAND, _office("house", "Northland House"), alpha]).links == {}
    heads = Heads([NORTHLAND, _declaring("house", "president of  Northland"), alpha])
    assert heads.party("alpha") == "house"
    assert heads.days("alpha", "house") == (Interval(dt.date(2019, 5, 20), dt.date.max),)
    assert {o for o, _ in Parties.build([NORTHLAND, _declaring("house", "President of "
                                                               "Northland"), alpha]
                                        ).links["alpha"]} == {"northland", "house"}


def test_a_declared_title_of_one_word_links_only_its_own_state_s_holder() -> None:
    # One word names no office by itself; declared, the role's state still tells apart the
    # two countries' "President"s, and the sides a state's opposition.
    southland = Entity(id="southland", name="Southland", kind=EntityKind.government,
                       side="southland")
    heads = Heads([NORTHLAND, southland, _declaring("house", "President"),
                   _person("north", _role("President")),
                   _person("south", _role("President", of="southland"), side="southland"),
                   _person("rival", _role("President"), side="opposition")])
    assert set(heads.links) == {"north"}
    links = Parties.build([NORTHLAND, southland, _declaring("house", "President"),
                           _person("south", _role("President", of="southland"),
                                   side="southland")]).links
    assert "house" not in {o for o, _ in links["south"]}  # only its own state, Southland


def test_an_office_declaring_a_title_another_office_is_named_after_links_neither() -> None:
    heads = Heads([NORTHLAND, OFFICE, _declaring("house", "President of Northland"),
                   _person("alpha", _role("President of Northland"))])
    assert heads.links == {}  # two offices would merge into one party


def test_only_an_office_may_declare_a_head() -> None:
    with pytest.raises(ValidationError, match="only a government or organisation has one"):
        _declaring("alpha-2", "President of Northland", kind=EntityKind.person)


def test_a_head_on_a_person_is_a_located_schema_finding(seed_repo: Path) -> None:
    registry = seed_repo / "facts/entities.yaml"
    text = registry.read_text()
    person = "  - id: putin\n    name: Vladimir Putin\n    kind: person\n"
    assert person in text
    registry.write_text(text.replace(person, person + "    head: President of Russia\n", 1))
    config = Config()
    run = execute([seed_repo / "facts"], seed_repo, config, select(config, only=["schema"]))
    found = [f for f in run.findings if f.rule == "S001"]
    assert [(f.location.path, f.location.line) for f in found] == [("facts/entities.yaml", 42)]
    assert "'putin' is a person: only a government or organisation has one" in found[0].message


def _day(year: int) -> Interval:
    return Interval(dt.date(year, 6, 1), dt.date(year, 6, 1))


def test_one_party_follows_a_chain_only_while_each_link_holds() -> None:
    """H701 holds "Northland says" to its party's words on the day they were said: a
    spokeswoman of the office a president heads is the state's while the president
    holds both roles; groups_of alone (time aside) made her the state's for ever."""
    entities = {e.id: e for e in [
        Entity(id="northland", name="Northland", kind=EntityKind.government, side="northland"),
        Entity(id="office", name="Office of the President of Northland",
               kind=EntityKind.government, side="northland"),
        Entity(id="alpha", name="Anna Alpha", kind=EntityKind.person, side="northland",
               roles=(Role(title="President of Northland", of="northland",
                           start="2015-01-01", end="2019-05-19"),)),
        Entity(id="gamma", name="Gita Gamma", kind=EntityKind.person, side="northland",
               roles=(Role(title="Spokeswoman of the President of Northland", of="office"),)),
        Entity(id="beta", name="Boris Beta", kind=EntityKind.person)]}
    assert one_party(entities, "gamma", "northland", _day(2018))
    assert not one_party(entities, "gamma", "northland", _day(2021))
    assert one_party(entities, "gamma", "northland", None)  # no time: as groups_of
    assert not one_party(entities, "beta", "northland", None)
