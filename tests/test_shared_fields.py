"""Models that share their fields-set and interned strings (checks.findings) behave as
if they had their own: same dumps, copies that do not leak into the others."""

from __future__ import annotations

import pickle
from pathlib import Path

from checks.cache import load_all
from checks.findings import ClaimRef, Location, share_fields_set, share_fields_sets
from checks.model import Record

REPO = Path(__file__).resolve().parent.parent


def _records() -> list[Record]:
    files = sorted((REPO / "facts").glob("*.yaml"))
    loaded = load_all([(f, f.relative_to(REPO).as_posix()) for f in files], REPO, cache=False)
    return [m for _, _, m in loaded if isinstance(m, Record)]


def test_loaded_claims_share_their_sets_and_dump_as_before() -> None:
    records = _records()
    claims = [c for r in records for c in r.claims]
    assert len(claims) > 20
    sets = {id(c.by.__pydantic_fields_set__) for c in claims}
    assert len(sets) < len(claims) / 4, "the attributions of the seed share a few sets"
    for record in records:
        fresh = Record.model_validate(record.model_dump(mode="json", exclude_unset=True))
        assert fresh == record
        assert fresh.model_dump(exclude_unset=True) == record.model_dump(exclude_unset=True)


def test_a_copy_with_an_update_does_not_change_the_shared_set() -> None:
    a = Location(path="a.yaml", line=2)
    b = Location(path="b.yaml", line=3)
    share_fields_set(a)
    share_fields_set(b)
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    c = a.model_copy(update={"column": 7})
    assert "column" in c.model_fields_set
    assert "column" not in a.model_fields_set and "column" not in b.model_fields_set


def test_short_strings_interned_long_ones_kept_and_pickles_round_trip() -> None:
    # Each speaker is built at run time: equal strings, distinct objects.
    refs = [ClaimRef(source="s", claim=f"c{i}", speaker="".join(["person-", str(i // 3)]),
                     evidence=("a long quotation " * 5,), path="p.yaml", line=1, column=1)
            for i in range(3)]
    assert refs[0].speaker is not refs[1].speaker
    for ref in refs:
        share_fields_sets(ref, strings=True)
    assert refs[0].speaker is refs[1].speaker is refs[2].speaker
    again = pickle.loads(pickle.dumps(refs))
    assert again == refs
    assert len({id(r.__pydantic_fields_set__) for r in refs}) == 1


def test_a_mutable_model_keeps_its_own_set() -> None:
    from pydantic import BaseModel

    class Loose(BaseModel):
        x: int = 0

    one, two = Loose(x=1), Loose(x=2)
    share_fields_set(one)
    share_fields_set(two)
    assert one.__pydantic_fields_set__ is not two.__pydantic_fields_set__
    one.x = 5
    assert two.model_fields_set == {"x"}


def test_a_kept_record_drops_its_key_table_after_keys_are_located(tmp_path: Path) -> None:
    """The schema stage is the one place a finding sits at a key (an unknown one): it
    runs before a record is kept, so the kept record has no key table to carry."""
    record = REPO / "facts" / "rferl-2021-04-12-dialogue.yaml"
    text = record.read_text("utf-8").rstrip("\n") + "\nclaimz: []\n"
    bad, good = tmp_path / "bad.yaml", tmp_path / "good.yaml"
    bad.write_text(text, encoding="utf-8")
    good.write_text(record.read_text("utf-8"), encoding="utf-8")
    (kept_bad, _, _), (kept_good, _, model) = load_all(
        [(bad, "bad.yaml"), (good, "good.yaml")], tmp_path, cache=False)
    line = text.split("\n").index("claimz: []") + 1
    assert (line, 1) in [(h.location.line, h.location.column) for h in kept_bad.hits]
    assert isinstance(model, Record) and kept_good.keys == {}
    assert kept_good.locate("/claims/0").line > 1, "values are still located"


def test_unpickled_files_share_sets_and_short_strings_without_a_walk() -> None:
    """A loaded file reaches the main process as a pickle (a cache entry, a loader
    process's result): unpickling itself shares each model's fields-set and interns its
    short strings with every other file's, so the main process walks no model again."""
    record = _records()[0]
    # two separate pickles, as two files are: nothing is shared between them by pickle
    one, two = (pickle.loads(pickle.dumps(record)) for _ in range(2))
    assert one == record == two and one.model_dump() == record.model_dump()
    for a, b in ((one, two), (one.claims[0], two.claims[0]), (one.claims[0].by, two.claims[0].by)):
        assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert one.source.id is two.source.id, "a short id is one string in every file"
    assert one.claims[0].id is two.claims[0].id


def _frozen_models() -> list[type]:
    from checks import model, reviews  # noqa: F401  (every file kind's models)
    from checks.fields import Frozen

    found, todo = [], [Frozen]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_pickled_model_forbids_extra_and_has_no_private_attributes() -> None:
    """A file's models are pickled as their fields alone (``Frozen.__reduce__``): a model
    with extra or private attributes would lose them on the way from a loader process."""
    models = _frozen_models()
    assert len(models) > 15
    for cls in models:
        assert cls.model_config.get("extra") == "forbid", cls
        assert not cls.__private_attributes__, cls


def test_an_unpickled_record_is_the_record_with_its_own_fields_set() -> None:
    for record in _records():
        again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(again) is Record and again == record
        assert again.model_dump_json(exclude_unset=True) == record.model_dump_json(
            exclude_unset=True)
        claim = again.claims[0]
        assert claim.model_fields_set == record.claims[0].model_fields_set
        assert claim.__pydantic_extra__ is None and claim.__pydantic_private__ is None
        before = set(claim.model_fields_set)
        copy = claim.model_copy(update={"draft": True})
        assert copy.draft and "draft" in copy.model_fields_set
        assert claim.model_fields_set == before, "the shared set is not changed by a copy"
