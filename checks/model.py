"""The fact model: the one definition of what a fact record may say.

Three kinds of YAML file live in ``facts/``:

* a **record** (one per article): ``source`` + ``claims``;
* the **entity registry** (``entities:``) shared by all records;
* the **vocabulary** (``predicates:``) of controlled proposition terms.

The JSON Schemas in ``schemas/`` are generated from these models
(``python -m checks schemas``) and committed; a test fails when they drift.
Every field carries a ``title``/``description`` so editors can show them.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fields import (  # noqa: F401  (re-exported: the model's public names)
    DATE_PATTERN,
    IDENT_PATTERN,
    MAX_TEXT,
    SHA256_PATTERN,
    URL_PATTERN,
    Date,
    Flag,
    Frozen,
    Ident,
    Number,
    Text,
)
from .reviews import ReviewsFile

# --------------------------------------------------------------------------- time


class TimeSpec(Frozen):
    """When something happened or was said: the article's words, and optionally the
    resolved date or interval where the tool cannot work it out from the words."""

    text: Text = Field(
        title="As written",
        description="The time expression as the article writes it: 'on Monday', 'last week', "
        "'since the start of the year', 'April 12'. Resolved against the publication date.",
    )
    date: Date | None = Field(
        None,
        title="Resolved date",
        description="The single date the expression means, when the resolver cannot derive it "
        "or to confirm it. Conflicts with the resolved text are reported.",
    )
    start: Date | None = Field(
        None, title="Interval start", description="First day of the interval the expression means."
    )
    end: Date | None = Field(
        None, title="Interval end", description="Last day of the interval the expression means."
    )


TimeField = Annotated[
    TimeSpec | Text,
    Field(description="A time: either the words as written (a string) or a mapping with 'text' "
          "and an explicit 'date' or 'start'/'end'."),
]


def as_timespec(value: TimeSpec | str | None) -> TimeSpec | None:
    if value is None or isinstance(value, TimeSpec):
        return value
    return _words_spec(value)


# Rules ask for a claim's times again and again (the date rules each walk every claim's
# times): 140,000 models were built at 1,000 articles, for 29,000 times written as
# words that repeat ("on Monday"). A frozen model is shared safely; the bound keeps a
# hostile corpus's memory flat.
@lru_cache(maxsize=4096)
def _words_spec(text: str) -> TimeSpec:
    return TimeSpec(text=text)


# ------------------------------------------------------------------------- entities


class EntityKind(str, Enum):
    person = "person"
    organisation = "organisation"
    government = "government"
    place = "place"
    outlet = "outlet"
    group = "group"


class AliasKind(str, Enum):
    transliteration = "transliteration"
    spelling = "spelling"
    short = "short"
    full = "full"
    other = "other"


class Alias(Frozen):
    """Another name by which an entity is written."""

    name: Text = Field(title="Alias", description="The other name, exactly as written.")
    kind: AliasKind = Field(
        AliasKind.other,
        title="Alias kind",
        description="transliteration (Iuliia/Yulia), spelling (Donbas/Donbass, Kyiv/Kiev), "
        "short (a surname alone), full, or other.",
    )


class Role(Frozen):
    """A role or title an entity held over a period."""

    title: Text = Field(
        title="Title", description="The role, e.g. 'spokeswoman of the president of Ukraine'."
    )
    of: Ident | None = Field(None, title="Of", description="The entity the role is held in or for.")
    start: Date | None = Field(None, alias="from", title="From", description="First day held.")
    end: Date | None = Field(None, alias="to", title="To", description="Last day held.")
    aliases: tuple[Text, ...] = Field(
        (),
        title="Other wordings",
        description="Other ways articles write this same role ('press secretary', 'spokesman').",
    )

    @model_validator(mode="after")
    def _from_before_to(self) -> Role:
        # An inverted period is a role never held: every "held at the time" test (N502,
        # H701's person-office links) silently failed for it.
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"'to' ({self.end}) is before 'from' ({self.start})")
        return self


# Bodies nest a few deep (a mission, its ministry, the state): a longer ``part_of`` chain
# is I017, and the rules follow none further (a hostile chain of thousands would link
# each body to every one above it).
PART_OF_DEPTH = 8


class Entity(Frozen):
    """A person, organisation, government, place, outlet or group named in the coverage."""

    id: Ident = Field(title="Entity id", description="Stable identifier used by records.")
    name: Text = Field(title="Canonical name", description="The name used in reports.")
    kind: EntityKind = Field(title="Kind", description="What sort of entity this is.")
    aliases: tuple[Alias | Text, ...] = Field(
        (),
        title="Aliases",
        description="Other names: a plain string, or a mapping with 'name' and 'kind'.",
    )
    roles: tuple[Role, ...] = Field((), title="Roles", description="Roles held over time.")
    side: Ident | None = Field(
        None,
        title="Side",
        description="The party this entity acts for in a dispute (Russia-backed separatists: "
        "russia). Used to recognise mutual blame.",
    )
    wikidata: str | None = Field(
        None, pattern=r"^Q[0-9]+$", title="Wikidata id", description="e.g. Q3874799."
    )
    head: Text | None = Field(
        None,
        title="Head's title",
        description="For an office (a government or organisation) whose name does not carry "
        "its head's title: the title of the role that heads it, exactly as the person's "
        "role 'title' is written ('President of Russia' for the Kremlin). A holder of that "
        "role, held for this office or for its side and on its side, and the office are one "
        "party on the days the role is held (C101, C102, A401, H701).",
    )
    part_of: Ident | None = Field(
        None,
        title="Part of",
        description="For a body that speaks for a larger one as part of it (a government or "
        "organisation): the id of that entity, a government or organisation too. A state's "
        "ministry, presidential office or embassy is part of the state (the Ministry of "
        "Foreign Affairs of China: china), a department part of its organisation. The body "
        "speaks for it always (a change of government changes the body's people, not "
        "whose body it is), and so does every person who speaks for the body: a headline "
        "naming the state is supported by the ministry's spokesman (H701, A401's headline "
        "exemption, E102). Claims about the body and about the state stay two propositions "
        "(C101, C102 and A401's contest compare them apart: sanctions on a ministry are "
        "not sanctions on its state). Not for a body that is not the entity's voice: a "
        "separatist 'government' with Russia's side is not Russia, nor a parliament or a "
        "court its state's government. The body's 'side' must be the entity's.",
    )

    @model_validator(mode="after")
    def _head_of_an_office(self) -> Entity:
        # A person, a place or an outlet heads nothing: the link would merge it with a
        # role holder and invent contradictions between them.
        if self.head is not None and self.kind not in (EntityKind.government,
                                                       EntityKind.organisation):
            raise ValueError(f"'head' is the title of an office's head, but {self.id!r} is "
                             f"a {self.kind.value}: only a government or organisation has one")
        return self

    @model_validator(mode="after")
    def _part_of_another_body(self) -> Entity:
        # Only a body speaks for a larger body: a person speaks for one through a role,
        # whose dates say when; a place or outlet speaks for no state.
        if self.part_of is None:
            return self
        if self.kind not in (EntityKind.government, EntityKind.organisation):
            raise ValueError(f"'part_of' says which body a government or organisation speaks "
                             f"for, but {self.id!r} is a {self.kind.value}: a person speaks "
                             "for a body through a role ('roles' with 'of')")
        if self.part_of == self.id:
            raise ValueError(f"{self.id!r} is 'part_of' itself: name the larger body it "
                             "belongs to, or leave 'part_of' out")
        return self

    def alias_names(self) -> tuple[str, ...]:
        return tuple(a if isinstance(a, str) else a.name for a in self.aliases)


class EntityFile(Frozen):
    """The entity registry shared by all fact records."""

    entities: tuple[Entity, ...] = Field(title="Entities", description="The registered entities.")


# ----------------------------------------------------------------------- vocabulary


class PredicateKind(str, Enum):
    event = "event"
    state = "state"
    statement = "statement"
    blame = "blame"
    measure = "measure"
    judgement = "judgement"


class Predicate(Frozen):
    """A controlled term for what a claim asserts, so that two outlets' wordings of the
    same statement get the same proposition key."""

    id: Ident = Field(title="Predicate id", description="The term records use in 'says.predicate'.")
    label: Text = Field(title="Label", description="How the term reads: 'requested talks with'.")
    kind: PredicateKind = Field(
        PredicateKind.event,
        title="Kind",
        description="event, state, statement, blame (subject blames object), measure (a figure), "
        "or judgement.",
    )
    description: Text | None = Field(None, title="Description", description="When to use this term.")


class Unit(Frozen):
    """A unit of figures and the other words outlets count it in, so that "40,000
    servicemen" and "42,000 troops" are figures of one measure (singular and plural are
    one unit already: checks.units)."""

    id: Ident = Field(title="Unit", description="The unit records should write: 'troops'.")
    aliases: tuple[Ident, ...] = Field(
        (), title="Aliases", description="Other units that count the same thing: 'soldiers', "
        "'servicemen'. A figure in an alias is compared with figures in the unit.")
    description: Text | None = Field(None, title="Description", description="What it counts.")


class VocabularyFile(Frozen):
    """The controlled vocabulary of predicates, and of units that count one thing."""

    predicates: tuple[Predicate, ...] = Field(title="Predicates", description="The allowed predicates.")
    units: tuple[Unit, ...] = Field(
        (), title="Units", description="Units that outlets write in other words; a figure's "
        "unit need not be listed here.")


# -------------------------------------------------------------------------- records


class PublishedKnown(str, Enum):
    stated = "stated"
    inferred = "inferred"
    unknown = "unknown"


class Published(Frozen):
    """When the article was published, and how we know."""

    # Mirrors _date_unless_unknown for JSON Schema users (editors, other tools).
    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"known": {"const": "unknown"}}, "required": ["known"]},
        "else": {"required": ["date"], "properties": {"date": {"type": "string"}}},
    })

    date: Date | None = Field(None, title="Date", description="Publication date, YYYY-MM-DD.")
    time: str | None = Field(
        None,
        # Hours to 23 and offsets to 14 (the widest zones, -12:00 to +14:00): "[0-2][0-9]"
        # took 29:59, and Q201 and D601 ended in a traceback making a clock of it.
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?$",
        title="Time",
        description="Write the publication time as HH:MM (00:00 to 23:59), optionally with its "
        "UTC offset (-14:00 to +14:00): "
        "00:31+01:00 for 00:31 BST, 06:02+10:00 for 6:02am AEST, 17:47-04:00 for 5:47 PM "
        "EDT, or Z for UTC (D601 reads the zones of two articles' dates).",
    )
    known: PublishedKnown = Field(
        PublishedKnown.stated,
        title="How known",
        description="stated (a date line), inferred (from the text), or unknown.",
    )
    note: Text | None = Field(None, title="Note", description="How the date was inferred.")

    @model_validator(mode="after")
    def _date_unless_unknown(self) -> Published:
        if self.known is not PublishedKnown.unknown and self.date is None:
            raise ValueError("'date' is required unless 'known' is 'unknown'")
        return self


class AgencyHow(str, Enum):
    republishes = "republishes"
    contributes = "contributes"


class Agency(Frozen):
    """An agency the article relies on."""

    id: Ident = Field(title="Agency", description="Entity id of the agency or service.")
    how: AgencyHow = Field(
        AgencyHow.contributes,
        title="How",
        description="republishes (the article is that agency's story) or contributes (reporting "
        "by it went into the article).",
    )
    as_: Text | None = Field(
        None, alias="as", title="As credited", description="The credit line as written."
    )


class ArchivedText(Frozen):
    """The archived article text, pinned by hash."""

    path: Text = Field(
        title="Path",
        description="Path of the archived text, relative to this record's folder; must stay "
        "inside the repository.",
    )
    sha256: str = Field(
        pattern=SHA256_PATTERN, title="SHA-256", description="Hex SHA-256 of the file's bytes."
    )


Evidence = Annotated[
    tuple[Text, ...] | Text,
    Field(description="The article's own words, verbatim: one excerpt or a list of them."),
]


def excerpts_of(evidence: tuple[str, ...] | str) -> tuple[str, ...]:
    """Evidence as its excerpts (a claim's or a correction note's): one string is one."""
    return evidence if isinstance(evidence, tuple) else (evidence,)


class Wording(Frozen):
    """Words (or a figure) a correction note names: what the article printed before, or
    what it prints now."""

    words: Text = Field(
        title="Words",
        description="As the note writes them: '36', 'Iuliia Mendel', 'rejected the request'.",
    )
    value: Number | None = Field(
        None,
        title="Figure",
        description="The figure the words give, when they are one (36): compared with other "
        "sources' figures for the measure of the claims the note corrects.",
    )


WordingField = Annotated[
    Wording | Text | Number,
    Field(description="The words as the note writes them (a string), a figure (36: the words "
          "'36' and the figure 36), or a mapping with 'words' and the figure they give "
          "('value')."),
]


def as_wording(value: Wording | str | float | None) -> Wording | None:
    if value is None or isinstance(value, Wording):
        return value
    if isinstance(value, str):
        return Wording(words=value)
    return Wording(words=figure_words(value), value=value)


def figure_words(value: float) -> str:
    """A figure as an article writes it: 40,000 or 2.5."""
    return f"{int(value):,}" if value.is_integer() else f"{value:g}"


class Correction(Frozen):
    """A correction note the article prints about itself ("An earlier version of this
    article misstated ..."): which claims it corrects and what it withdrew."""

    evidence: Evidence = Field(
        title="Evidence",
        description="The note's own words, verbatim from the archived text: one excerpt or a "
        "list of them (the 'Correction: April 14, 2021' line and the note itself).",
    )
    corrects: tuple[Ident, ...] = Field(
        min_length=1,
        title="Corrects",
        description="Ids of this record's claims that the note corrects, as the article now "
        "prints them.",
    )
    withdrawn: WordingField | None = Field(
        None,
        title="Withdrawn",
        description="What the earlier version printed and the note withdraws: words ('rejected "
        "the request'), or a figure (36, or {words: 'thirty-six', value: 36}) that other "
        "sources' figures for the corrected claims' measure are compared with.",
    )
    replacement: WordingField | None = Field(
        None,
        title="Replacement",
        description="What the article prints instead: words, a figure, or {words: ..., value: ...}.",
    )
    date: Date | None = Field(None, title="Date", description="The date the note gives, if any.")
    note: Text | None = Field(None, title="Curator note", description="Free text for reviewers.")

    @property
    def excerpts(self) -> tuple[str, ...]:
        return excerpts_of(self.evidence)

    @property
    def was(self) -> Wording | None:
        return as_wording(self.withdrawn)

    @property
    def now(self) -> Wording | None:
        return as_wording(self.replacement)


class Source(Frozen):
    """The article this record curates."""

    id: Ident = Field(title="Source id", description="Stable identifier of the article.")
    outlet: Ident = Field(title="Outlet", description="Entity id of the publishing outlet.")
    url: str = Field(pattern=URL_PATTERN, max_length=2000, title="URL", description="http(s) URL.")
    headline: Text = Field(title="Headline", description="The headline as published.")
    published: Published = Field(title="Published", description="Publication date and how known.")
    language: str = Field(
        "en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", title="Language", description="BCP 47 tag."
    )
    agencies: tuple[Agency, ...] = Field(
        (), title="Agencies", description="Agencies the article relies on ('with reporting by ...')."
    )
    text: ArchivedText = Field(title="Archived text", description="The article text in the repo.")
    furniture: tuple[Text, ...] = Field(
        (),
        title="Site furniture",
        description="Verbatim lines of the archived text that are not the article (menus, "
        "player captions, the publisher's blurb): coverage does not ask for claims on them.",
    )
    corrections: tuple[Correction, ...] = Field(
        (),
        title="Corrections",
        description="Correction notes the article prints about itself: each with its words, "
        "the claims it corrects and what it withdrew (see CONTRIBUTING.md).",
    )


class Part(str, Enum):
    headline = "headline"
    summary = "summary"  # a standfirst, deck or key points: the outlet's summary of its body
    caption = "caption"
    body = "body"

    @property
    def billed(self) -> bool:
        """Text that bills the body to the reader (headline, summary): checked against it."""
        return self in (Part.headline, Part.summary)


class Mode(str, Enum):
    direct_quote = "direct-quote"
    partial_quote = "partial-quote"
    paraphrase = "paraphrase"
    own_voice = "own-voice"
    unnamed = "unnamed"
    vague = "vague"


class Attribution(Frozen):
    """Who the article says is the source of the claim, and how."""

    speaker: Ident | None = Field(
        None, title="Speaker", description="Entity id of the speaker; leave out when unknown."
    )
    as_: Text | None = Field(
        None,
        alias="as",
        title="As named",
        description="How the article names the source, verbatim: 'its security chief', "
        "'some analysts', 'Russian news agencies'.",
    )
    role: Text | None = Field(
        None, title="Role as written", description="The speaker's title as the article writes it."
    )
    mode: Mode = Field(
        Mode.paraphrase,
        title="Mode",
        description="direct-quote, partial-quote, paraphrase, own-voice (the outlet's own "
        "assertion), unnamed (a named role, no name), vague ('some analysts').",
    )
    # The speaker's stance and the mode say what the speaker holds and how the article
    # names them; neither says whether the outlet vouches for the attribution itself.
    hedge: Text | None = Field(
        None,
        title="Reporter's hedge",
        description="The article's own words hedging the attribution, verbatim, when it "
        "does not vouch that the speaker said so: 'As I understand it', 'reportedly', "
        "'is said to have'. The claim is then the reporter's uncertain account of the "
        "speaker's words, not those words: A402 reports it, and the conflict rules never "
        "name it as the speaker's own words while better-sourced ones exist. Leave out "
        "when the article attributes plainly.",
    )
    via: tuple[Ident, ...] = Field(
        (),
        title="Via",
        description="Intermediaries the words passed through, nearest the speaker first "
        "('according to Russian news agencies').",
    )
    to: tuple[Ident, ...] = Field(
        (),
        title="To",
        description="Entity ids of whom the words were said to, when the article says so: "
        "the outlet or person the speaker spoke to ('told AFP', 'in an interview with "
        "Reuters'). Quotes said to different addressees are different occasions.",
    )
    said: TimeField | None = Field(None, title="Said", description="When it was said.")


class Stance(str, Enum):
    asserts = "asserts"
    denies = "denies"
    not_aware = "not-aware"
    hopes = "hopes"
    expects = "expects"
    suggests = "suggests"
    fears = "fears"


class Proposition(Frozen):
    """What is asserted about what, in registry and vocabulary terms."""

    subject: Ident = Field(title="Subject", description="Entity id the claim is about.")
    predicate: Ident = Field(title="Predicate", description="A predicate id from the vocabulary.")
    object: Ident | None = Field(None, title="Object", description="Entity id of the object, if any.")
    negated: Flag = Field(
        False,
        title="Negated",
        description="True when the proposition itself is negative ('this is NOT a refusal').",
    )
    stance: Stance = Field(
        Stance.asserts,
        title="Stance",
        description="The speaker's stance: asserts, denies, not-aware ('I have not seen any "
        "request' is not 'there was no request'), hopes, expects, suggests, fears.",
    )

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object or "")


class Comparator(str, Enum):
    eq = "eq"
    about = "about"
    gt = "gt"
    ge = "ge"
    lt = "lt"
    le = "le"
    range = "range"


class Quantity(Frozen):
    """A figure: value or range, comparator, unit and scope."""

    # Mirrors _value_or_range for JSON Schema users (editors, other tools).
    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"cmp": {"const": "range"}}, "required": ["cmp"]},
        "then": {"required": ["min", "max"],
                 "properties": {"min": {"type": "number"}, "max": {"type": "number"}}},
        "else": {"required": ["value"], "properties": {"value": {"type": "number"}}},
    })

    value: Number | None = Field(None, title="Value", description="The figure (not for 'range').")
    min: Number | None = Field(None, title="Minimum", description="Lower end, with cmp 'range'.")
    max: Number | None = Field(None, title="Maximum", description="Upper end, with cmp 'range'.")
    cmp: Comparator = Field(
        Comparator.eq,
        title="Comparator",
        description="eq, about, gt ('more than'), ge ('at least'), lt, le ('up to'), range.",
    )
    unit: Ident = Field(title="Unit", description="What is counted: troops, soldiers, people.")
    scope: tuple[Ident, ...] = Field(
        (),
        title="Scope",
        description="Entity ids of the places or groups the figure covers.",
    )
    each: Flag = Field(
        False,
        title="For each",
        description="True when the figure is stated for each scope entry, false when one "
        "figure covers them combined.",
    )
    supersedes: tuple[Ident, ...] = Field(
        (),
        title="Supersedes",
        description="Ids of this record's claims whose figure this one updates: the same "
        "measure given again later by the article itself (a live blog's later post, an "
        "'UPDATE:' paragraph: a running toll of 27 at 11:20 that is 28 at 18:40). The "
        "article's word is then the update: no quantity rule reads the earlier figure (Q201-Q203 "
        "and R801 neither compare nor report it, E102 does not take it as still given, H701 "
        "does not take it as the body's).",
    )

    @model_validator(mode="after")
    def _value_or_range(self) -> Quantity:
        if self.cmp is Comparator.range:
            if self.min is None or self.max is None:
                raise ValueError("cmp 'range' needs both 'min' and 'max'")
            if self.min > self.max:
                raise ValueError(f"'min' ({self.min:g}) is larger than 'max' ({self.max:g})")
        elif self.value is None:
            raise ValueError("'value' is required unless cmp is 'range'")
        return self


class Claim(Frozen):
    """One statement the article makes or reports."""

    id: Ident = Field(title="Claim id", description="Stable identifier, unique in the record.")
    part: Part = Field(Part.body, title="Part", description="headline, summary (a standfirst, "
                       "deck or key-points list: held to the body as a headline is), caption or "
                       "body.")
    evidence: Evidence = Field(title="Evidence", description="Verbatim excerpt(s) of the article.")
    by: Attribution = Field(
        default_factory=lambda: Attribution(mode=Mode.own_voice),
        title="Attribution",
        description="Who the claim is attributed to; leave out for the outlet's own voice.",
    )
    says: Proposition = Field(title="Proposition", description="What is asserted, and the stance.")
    when: TimeField | None = Field(None, title="Event time", description="When the event happened.")
    quantity: Quantity | None = Field(None, title="Quantity", description="A figure, if any.")
    draft: Flag = Field(
        False, title="Draft", description="True for a machine-drafted claim not yet reviewed."
    )
    note: Text | None = Field(None, title="Curator note", description="Free text for reviewers.")

    @property
    def excerpts(self) -> tuple[str, ...]:
        return excerpts_of(self.evidence)

    @property
    def event_time(self) -> TimeSpec | None:
        return as_timespec(self.when)

    @property
    def said_time(self) -> TimeSpec | None:
        return as_timespec(self.by.said)


class Record(Frozen):
    """A fact record: one article and its claims."""

    source: Source = Field(title="Source", description="The article.")
    claims: tuple[Claim, ...] = Field((), title="Claims", description="The article's claims.")


FileKind = Literal["record", "entities", "vocabulary", "reviews"]

MODELS: dict[str, type[BaseModel]] = {
    "record": Record,
    "entities": EntityFile,
    "vocabulary": VocabularyFile,
    "reviews": ReviewsFile,
}


def detect_kind(data: Any) -> str | None:
    """Which kind of file a loaded document is, by its top-level keys."""
    if not isinstance(data, dict):
        return None
    for kind, key in (("record", "source"), ("entities", "entities"), ("vocabulary", "predicates"),
                      ("reviews", "reviews")):
        if key in data:
            return kind
    return None
