"""H701's person-office links (checks.rules._parties): a title links the offices that are
its own, found by one index look-up per title, and the links are built only when asked."""

from __future__ import annotations

import time

from checks.model import Entity, EntityKind, Role
from checks.rules._parties import Parties


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
    started = time.process_time()
    links = Parties.build(entities).links
    elapsed = time.process_time() - started
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
