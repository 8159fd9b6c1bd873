"""Codes for problems found by the pipeline's own stages (load, schema,
integrity). They are reported through the same engine as rules, so they can
be listed, explained, selected and given another severity like any rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import Severity

if TYPE_CHECKING:
    from .load import Document


@dataclass(frozen=True)
class StageCode:
    code: str
    name: str
    category: str
    severity: Severity
    doc: str


_E, _W = Severity.error, Severity.warning

# Findings that mean their file's contents are not in the run at all: it did not load
# (L008, a byte-order mark, and L002, a duplicate key, still load), did not validate, or
# its archived text was refused (I006). They are always selected and always errors: a
# file the run could not check must never pass unnoticed, whatever the configuration.
LEFT_OUT_CODES = frozenset({"L001", "L003", "L004", "L005", "L006", "L007", "S001", "S002"})
UNCHECKED_CODES = LEFT_OUT_CODES | {"I006"}


def left_out(docs: Iterable[Document]) -> list[str]:
    """The files a run left out (they do not load or validate): a command that lists or
    measures what the others hold names them, or they would be missing from it unseen."""
    return sorted(doc.path for doc in docs if any(h.code in LEFT_OUT_CODES for h in doc.hits))

STAGE_CODES: tuple[StageCode, ...] = (
    StageCode("L001", "load.syntax", "load", _E,
              """YAML syntax error.

The file is not valid YAML (a tab used for indentation, a missing ':', an
unclosed quotation mark, bad indentation). The finding points at the place the
parser stopped and says what to change. The rest of the corpus is still checked.

Fires: ``claims:\\n\\t- id: x`` (a tab). Silent: the same with two spaces."""),
    StageCode("L002", "load.duplicate-key", "load", _E,
              """A key appears twice in one mapping.

YAML libraries silently keep only one of the values, so one of the curator's
entries would be lost. Fires on ``id: a`` twice in one claim; silent otherwise.
Like every load, schema and integrity code, at most 100 are reported per file;
one more finding says how many more there are."""),
    StageCode("L003", "load.tag", "load", _E,
              """A YAML tag such as ``!!python/object``.

Tags can make YAML libraries construct arbitrary objects. Records never need
them; the harness refuses them instead of interpreting them."""),
    StageCode("L004", "load.alias", "load", _E,
              """An alias bomb, a self-referencing alias or an alias without anchor.

Aliases are expanded against a node budget so a few lines cannot expand to
billions of nodes. Records should write values out instead."""),
    StageCode("L005", "load.limit", "load", _E,
              """A resource limit was exceeded.

File size (5 MiB), nesting depth (64), node count (200,000), a value over
100,000 characters, a key over 200, a number over 100 digits or not finite."""),
    StageCode("L006", "load.encoding", "load", _E,
              """The file is not readable UTF-8 text.

Invalid UTF-8, a binary file with a YAML name, or a file that cannot be read."""),
    StageCode("L007", "load.documents", "load", _E,
              """The file is empty or holds several YAML documents.

One record per file; a file of only comments holds nothing to check."""),
    StageCode("L008", "load.bom", "load", _W,
              """The file starts with a byte-order mark.

Harmless to the harness, but other tools and diffs stumble over it."""),
    StageCode("S001", "schema.invalid", "schema", _E,
              """The data does not match the JSON Schema.

An unknown key (with the nearest allowed key), a missing required key, a wrong
type, a value outside its list, a date that does not exist (2021-02-30).
Until the file validates it is left out of the run (a record's claims are
checked by no rule and compared with no other record), and each finding says so."""),
    StageCode("S002", "schema.kind", "schema", _E,
              """A YAML file in facts/ that is no kind of fact file.

Records start with ``source:``, the registry with ``entities:``, the
vocabulary with ``predicates:``, the reviewed findings with ``reviews:``."""),
    StageCode("I001", "integrity.unknown-entity", "integrity", _E,
              """A reference to an entity that is not registered.

Speakers, subjects, objects, scopes, intermediaries and outlets must be ids in
``facts/entities.yaml``; the finding suggests the nearest registered id."""),
    StageCode("I002", "integrity.unknown-predicate", "integrity", _E,
              """A predicate not in the vocabulary.

Propositions use the controlled vocabulary so that two outlets' versions of the
same statement get the same key."""),
    StageCode("I003", "integrity.duplicate-id", "integrity", _E,
              """An id used twice.

Claim ids must be unique in a record, source and entity ids in the corpus."""),
    StageCode("I004", "integrity.evidence", "integrity", _E,
              """Evidence that is not in the archived text.

Every excerpt must be the article's own words, found verbatim in the archived
text."""),
    StageCode("I005", "integrity.text-hash", "integrity", _E,
              """The archived text's sha256 differs from the record's pin.

The text changed after curation: either restore it or re-check and re-pin."""),
    StageCode("I006", "integrity.text-file", "integrity", _E,
              """The archived text is missing, empty, not UTF-8 or outside the repository.

Paths are relative to the record and may not leave the repository, not even
through a symlink."""),
    StageCode("I007", "integrity.evidence-normalised", "integrity", _W,
              """Evidence matches only after Unicode or quote normalisation.

Curly versus straight quotes, composed versus decomposed letters, non-breaking
spaces: copy the words exactly."""),
    StageCode("I008", "integrity.source-name", "integrity", _W,
              """The way a source is named ('as'), or the reporter's hedge on it ('hedge'),
is not in the article.

``by.as`` records the article's own words for the source, and ``by.hedge`` the
article's own words that hedge the attribution ("As I understand it")."""),
    StageCode("I009", "integrity.suspicious-characters", "integrity", _W,
              """Invisible characters or mixed alphabets.

Zero-width characters, right-to-left overrides, or a Cyrillic letter inside a
Latin name make two strings look the same and differ. Checked in records, the
registry's names, the vocabulary's labels and the reviews' reasons, reviewers
and notes: every report shows them."""),
    StageCode("I010", "integrity.draft", "integrity", _W,
              """A machine-drafted claim not yet reviewed.

``python -m checks new`` writes drafts; a curator reviews each and removes
``draft: true``."""),
    StageCode("I011", "integrity.time", "integrity", _W,
              """A time expression the resolver cannot date.

Give the dates explicitly: ``{text: 'in July', start: 2020-07-01, end: 2020-07-31}``."""),
    StageCode("I012", "integrity.ambiguous-name", "integrity", _W,
              """Two entities share a name or alias.

Names are compared case-folded, with typographic and straight apostrophes and
runs of spaces alike, and with a leading 'the' dropped ('The Kremlin' is also
'Kremlin'). A name registered for two entities makes every lookup by name
ambiguous: ``new`` and ``entities`` resolve it to whichever entity comes
first, silently. The finding is at the later occurrence and names the
earlier one.

Fires: ``{id: kyiv, name: Kyiv, kind: place}`` and ``{id: ukraine, name: Ukraine,
aliases: [kyiv]}``. Silent: the name on one entity only, or twice on the same one."""),
    StageCode("I013", "integrity.correction", "integrity", _E,
              """A correction note that does not fit its record.

A correction (``source.corrections``) names the claims it corrects by id: an id
the record does not have corrects nothing any rule can see, so the finding
points at it and suggests the nearest claim id. A note that withdraws a figure
(``withdrawn: 36``) must correct a claim that gives a figure (``quantity``):
the figure is compared with other sources' figures for that claim's measure
(E102). A replacement figure (``replacement: 26``) is what the article now
prints, so a claim the note corrects must give it. The note's own words are
evidence like a claim's: not in the archived text is I004.

Fires: ``corrects: [killed-this-yaer]`` where the claim is ``killed-this-year``.
Silent: every id names a claim of the record."""),
    StageCode("I014", "integrity.addressee", "integrity", _E,
              """Words said to their own speaker.

``by.to`` names whom the words were said to ("told AFP", "in an interview with
Reuters"); the speaker is never their own addressee, so one of the two ids is
wrong. U301 and D601 read the addressee to tell one interview from another, and
a wrong one makes two occasions one, or one occasion two. The finding is at
the addressee.

Fires: ``by: {speaker: peskov, to: [peskov]}``. Silent: ``by: {speaker: peskov,
to: [afp]}``, or no ``to``."""),
    StageCode("I015", "integrity.update", "integrity", _E,
              """A figure that updates no earlier figure of its record.

``quantity.supersedes`` names the claims of the same record whose figure this one
updates (a live blog's later post: the toll of 27 at 11:20 is 28 at 18:40); Q201
and Q202 then compare only the update. An id the record does not have, the claim
itself, a claim without a figure, or one of another measure (subject, predicate,
object or unit) updates nothing, and would take a figure the article still gives
out of the comparison: the finding is at the id and suggests the nearest claim id.

Fires: ``supersedes: [toll-27]`` where the claim is ``toll-at-27``, or names a
claim about another measure. Silent: the id of the earlier figure of the measure."""),
    StageCode("I016", "integrity.figure-grouping", "integrity", _W,
              """A figure that reads dot-grouped thousands as a decimal.

French and German texts, and their translations, group thousands with a dot
("more than 40.000 soldiers"). Copied as ``value: 40.000``, YAML reads the number
40, and "more than 40" troops meets every other source's lower bound: no rule
would report it. The finding is at the figure and gives the whole number.

Fires: ``value: 40.000`` (40) with the evidence "more than 40.000 on the
peninsula". Silent: ``value: 40000``; a decimal the evidence writes otherwise
("1.5 million", "17.32"); a date ("13.04.2021")."""),
    StageCode("I017", "integrity.part-of", "integrity", _E,
              """A body's ``part_of`` that names no body it can speak for.

``part_of`` says a government or organisation is part of a larger one and speaks
for it (a state's ministry: ``part_of: china``); H701, A401 and E102 then take the
words of the body, and of the people who speak for it, as the larger one's. It
must name a government or organisation (a place or person is I017, an unknown id
I001), on the body's own side (the same ``side``; a larger body with no side is the
side its id names), and the chain of ``part_of`` must not come back to the body (a
circle would make its bodies each other's voice with no end: one finding per
circle, at its least id) nor run more than 8 bodies up (bodies nest a few deep; the
rules follow no longer chain).

Fires: ``{id: mfa, kind: government, side: russia, part_of: ukraine}``;
``part_of: kyiv`` (a place); ``a`` part of ``b``, ``b`` part of ``a``. Silent:
``{id: mfa, kind: government, side: china, part_of: china}``."""),
    StageCode("T001", "review.stale", "review", _W, """A review that matches no finding.

The finding a review in ``facts/reviews.yaml`` names by fingerprint is no longer
reported, usually because a record was corrected or a rule changed. A stale
review would silently approve a future finding that happens to reuse the id, so
delete the entry (or update its fingerprint if the same disagreement is now
reported under a new one). Only reported when the whole configured corpus was
checked with every configured rule and every claim as written (no file left
out, no I001-I003): a partial run cannot tell.

Fires: a review whose fingerprint no finding of a full ``check`` has. Silent: a
review whose finding is still reported."""),
    StageCode("T002", "review.expired", "review", _E, """A review past its expiry date.

A review may say until when it holds (``expires: YYYY-MM-DD``, the last valid
day). After that the finding counts again, and this finding asks for a fresh
review: re-read both sources, then renew the date or fix the records. Today's
date comes from the clock, or from ``FACT_CHECKS_TODAY`` (YYYY-MM-DD).

Fires: ``expires: 2021-05-01`` checked on 2021-05-02. Silent: checked on 2021-05-01."""),
    StageCode("T003", "review.duplicate", "review", _W, """Two reviews of the same finding.

Only the first review of a fingerprint counts; delete or merge the other so the
file says one thing about each finding.

Fires: two entries with the same ``fingerprint``. Silent: one entry per fingerprint."""),
    StageCode("T004", "review.outgrown", "review", _E,
              """A reviewed finding has gained claims its review did not see.

A review may list the claims it saw (``claims``). Disagreements are one finding
per proposition, so a new outlet's contradicting claim joins an existing,
reviewed finding instead of making a new one; without this check it would pass
under the old review unread. The finding counts again until the review is renewed,
and this is an error so that ``diff`` blocks the pull request that added the claim.

Fires: a review listing ``[a#c1, b#c1]`` of a finding that now also involves
``c#c1``. Silent: the finding's claims are all listed, or the review lists none."""),
    StageCode("T005", "review.unreviewable", "review", _E,
              """A review of a finding that means a file went unchecked.

A file that cannot be parsed (load findings), that is no valid fact file (schema
findings) or whose archived text cannot be read (I006) was not checked at all:
its claims are in no rule's sight. Such a finding cannot be waived; the review
does not count and the finding keeps failing until the file is fixed.

Fires: a review whose fingerprint is an L001 syntax error's. Silent: a review of a
rule's finding, or of an integrity warning about a file that was read."""),
    StageCode("T006", "review.unapplied", "review", _W,
              """A reviews file that the run does not apply.

One reviews file is applied: ``facts/reviews.yaml``, or the one ``[tool.fact-checks]
reviews`` or ``--reviews`` names. Another file among the checked paths that starts with
``reviews:`` is validated like every fact file, but its reviews waive nothing: the
findings it names keep counting. Reviews are kept in one file so that every waiver is
read in one place; merge its entries into the applied file and delete it (or point
``reviews`` at it).

Fires: ``facts/old/reviews.yaml`` next to ``facts/reviews.yaml``. Silent: one reviews
file."""),
    StageCode("T007", "review.moved", "review", _W,
              """A review matched to its finding by its claims, not its fingerprint.

A rule's upgrade may change how its findings are fingerprinted (a rule that now
counts only the same figure, say). A review whose fingerprint no finding has, but
which lists the claims it saw (``claims``), is applied to the one finding with
exactly those claims (of its ``rule``, when it names one), so an upgrade does not
turn every reviewed disagreement into a new failure. This finding asks for the new
fingerprint; until it is written, the match is made again on every run. A finding
another review names already, or that two such reviews would share, is not matched
(those reviews are stale, T001). A review without ``claims`` is never matched.

Fires: a review of ``C101`` with an old fingerprint listing ``[a#c1, b#c1]``, and one
C101 finding of exactly ``a#c1`` and ``b#c1``. Silent: the fingerprint matches, or
the finding now also involves ``c#c1`` (the review is stale: re-review it)."""),
    StageCode("T008", "review.future", "review", _W, """A review dated more than a day after today.

A review's ``date`` is the day it was made, so a date ahead of the clock is a typo
(2062 for 2026): the reader is told a wrong day, and ``expires``, which may not come
before ``date``, can be pushed as far. The review still applies. A day ahead is
allowed: a reviewer east of the clock's time zone may already be on the next day.
Today's date is the clock's, or ``FACT_CHECKS_TODAY``.

Fires: ``date: 2021-05-01`` checked on 2021-04-21. Silent: ``date: 2021-04-22`` (a day
ahead) or ``2021-04-21``, checked on 2021-04-21."""),
)
