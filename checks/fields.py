"""Field types shared by every file kind's model (records, registry,
vocabulary, reviews). Kept apart so that each model module can import them
without importing the others."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict

from .findings import restored

IDENT_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,99}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
URL_PATTERN = r"^https?://[^\s]+$"
# Evidence and names are short excerpts; a cap keeps hostile files from
# smuggling megabytes through one field.
MAX_TEXT = 5000


def _real_date(value: str) -> str:
    # The pattern admits 2021-02-30; the calendar does not.
    _dt.date.fromisoformat(value)
    return value


Ident = Annotated[
    str,
    Field(
        pattern=IDENT_PATTERN,
        description="An identifier: lower-case letters, digits, '.', '_' or '-'.",
    ),
]
Date = Annotated[
    str,
    Field(
        pattern=DATE_PATTERN,
        json_schema_extra={"format": "date"},
        description="A calendar date written YYYY-MM-DD (quote it or not: it is read as text).",
    ),
    AfterValidator(_real_date),
]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
# Strict: YAML and JSON Schema keep "yes" and "40000" as text; so must the model
# (pydantic's lax mode would quietly turn them into a bool and a number).
Flag = Annotated[bool, Strict()]
# Far beyond any figure an article reports, and far enough inside a float's range that
# sums, multiples and gaps of figures stay finite (1.7e308 against -1.7e308 made an
# Infinity the JSON report could not hold).
MAX_FIGURE = 1e18
Number = Annotated[float, Strict(), Field(ge=-MAX_FIGURE, le=MAX_FIGURE)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def __reduce__(self) -> tuple[Any, ...]:
        # Unpickled (a cached file, a loader process's result), every string is new and
        # every fields-set its own: restored() shares them as it builds the model
        # (checks.cache). Records have no extra and no private attributes to carry.
        return restored, (type(self), self.__dict__, frozenset(self.__pydantic_fields_set__))
