"""Stage 4: the corpus. Merge the registry and vocabulary, resolve every
reference, check records against their archived texts, resolve times, and
index claims once so that rules never compare all pairs.

Integrity problems become hits on the document that holds them, like load
and schema problems, so they travel through the same engine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import TypeVar

from .atomic import real_path
from .cache import Cache, gc_paused, load_all
from .findings import ClaimRef, Location
from .load import Document
from .model import (
    PART_OF_DEPTH,
    Claim,
    Correction,
    Entity,
    EntityFile,
    EntityKind,
    Mode,
    Predicate,
    Record,
    Source,
    Stance,
    TimeSpec,
    VocabularyFile,
    excerpts_of,
)
from .reviews import ReviewsFile
from .textnorm import (
    INVISIBLE,
    Nearest,
    Occurs,
    collapse_ws,
    loose,
    name_keys,
    nearest,
    quotation_spans,
    quoted_in_context,
)
from .timeexpr import Interval, resolve
from .units import plural, spelling
from .validate import validate

UNKNOWN_ENTITY = "I001"
UNKNOWN_PREDICATE = "I002"
DUPLICATE_ID = "I003"
EVIDENCE_MISSING = "I004"
TEXT_HASH = "I005"
TEXT_UNREADABLE = "I006"
EVIDENCE_NORMALISED = "I007"
NAME_NOT_IN_TEXT = "I008"
SUSPICIOUS_CHARS = "I009"
DRAFT = "I010"
TIME_UNRESOLVED = "I011"
AMBIGUOUS_NAME = "I012"
CORRECTION = "I013"
ADDRESSEE = "I014"
UPDATE = "I015"
FIGURE_GROUPING = "I016"
PART_OF = "I017"

QUOTE_MODES = (Mode.direct_quote, Mode.partial_quote)
MAX_TEXT_BYTES = 5 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")

# Zero-width and bidirectional controls hide or reorder what a reviewer sees.
# The combining grapheme joiner, the Mongolian vowel separator and tag characters are
# invisible too. Not the soft hyphen: articles copied from the web carry it, and
# evidence is their words verbatim.
# Control characters (NUL, BEL, ESC, DEL, the C1 block of mis-decoded cp1252) are no text
# either: they hide words, or recolour or clear the terminal showing a report.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_INVISIBLE = re.compile(f"[{INVISIBLE}{_CONTROLS}\U000e0000-\U000e007f]")


@dataclass(slots=True)  # hundreds of thousands of them: no per-instance __dict__
class ClaimInfo:
    """A claim with everything rules need: its source, file, position and times."""

    claim: Claim
    source: Source
    doc: Document
    pointer: str
    published: dt.date | None
    said: Interval | None = None
    event: Interval | None = None
    article: str | None = None  # the archived text of the claim's record
    quote_spans: list[tuple[int, int]] | None = None  # shared per record
    siblings: list[ClaimInfo] | None = None  # the record's claims (shared per record)
    # Derived once and kept: a claim stored for a re-check (checks.incremental) keeps
    # these and drops the article, so rules read them through the properties below.
    quoted_memo: tuple[str, ...] | None = None
    voice_memo: tuple[str, ...] | None = None
    ref_memo: ClaimRef | None = None  # one per claim, however many findings name it
    # The proposition's key and the speaker, read hundreds of thousands of times by the
    # rules: plain slots, set once from the (frozen) claim; as properties reaching into
    # the claim's models they cost 0.8 us a read, 0.2 s of a 1,000-article check.
    key: tuple[str, str, str] = field(init=False, repr=False, compare=False)
    speaker: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.key = self.claim.says.key
        self.speaker = self.claim.by.speaker

    @property
    def event_anchor(self) -> dt.date | None:
        """The day event times are read from: the day the words were said when it is one
        known day ('said yesterday that ... three weeks ago'), else the publication date."""
        if self.said is not None and self.said.start == self.said.end:
            return self.said.start
        return self.published

    @property
    def quoted(self) -> tuple[str, ...]:
        """The claim's words that stand inside quotation marks in the article."""
        if self.quoted_memo is None:
            self.quoted_memo = tuple(
                part for excerpt in self.claim.excerpts
                for part in quoted_in_context(self.article, excerpt, self.quote_spans))
        return self.quoted_memo

    @property
    def quotes(self) -> list[str]:
        """The quoted words of a quoting claim with a speaker, as written (spaces
        collapsed). The marks are read from the article (:attr:`quoted`): curators
        cut excerpts inside quotations that span several sentences."""
        by = self.claim.by
        if by.mode not in QUOTE_MODES or by.speaker is None:
            return []
        return [collapse_ws(s) for s in self.quoted if s.strip()]

    @property
    def voice(self) -> tuple[str, ...]:
        """Every quote of this claim's speaker in its record, any proposition, in order
        (and each claim's quotes joined, :func:`voices`): sources cut a quote at
        different places and file the pieces under different claims, so a wording is
        checked against all of them."""
        if self.voice_memo is None:
            voices(self.siblings if self.siblings is not None else [self])
        assert self.voice_memo is not None
        return self.voice_memo

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def focus(self) -> str:
        return f"{self.source.id}#{self.claim.id}"

    @property
    def location(self) -> Location:
        return self.doc.locate(self.pointer)

    def locate(self, sub: str = "", *, key: bool = False) -> Location:
        return self.doc.locate(self.pointer + sub, key=key)

    @property
    def when(self) -> Interval | None:
        """The claim's time: the event's when given, else when it was said, else published."""
        if self.event is not None:
            return self.event
        if self.said is not None:
            return self.said
        return Interval(self.published, self.published) if self.published else None

    def ref(self) -> ClaimRef:
        if self.ref_memo is None:
            loc = self.location
            self.ref_memo = ClaimRef(source=self.source.id, claim=self.claim.id,
                                     speaker=self.speaker, evidence=self.claim.excerpts,
                                     path=loc.path, line=loc.line, column=loc.column)
        return self.ref_memo


def voices(claims: list[ClaimInfo]) -> None:
    """Fill :attr:`ClaimInfo.voice` for a record's claims, one pass for all. A claim's
    quotes are also given joined, in order, as one: curators file a quotation split by
    its attribution ("This is ...," he said, "since ...") as the claim's excerpts."""
    said: dict[str | None, list[str]] = {}
    for c in claims:
        quotes = c.quotes
        said.setdefault(c.speaker, []).extend(quotes)
        if len(quotes) > 1:
            said[c.speaker].append(" ".join(quotes))
    shared = {speaker: tuple(quotes) for speaker, quotes in said.items()}
    for c in claims:
        c.voice_memo = shared[c.speaker]


@dataclass
class RecordInfo:
    record: Record
    doc: Document
    text: str | None = None  # the archived article text, when readable
    claims: list[ClaimInfo] = field(default_factory=list)
    text_file: Path | None = None  # where the archived text is looked for, inside the folder


@dataclass
class Corpus:
    root: Path
    docs: list[Document] = field(default_factory=list)
    records: list[RecordInfo] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    predicates: dict[str, Predicate] = field(default_factory=dict)
    claims: list[ClaimInfo] = field(default_factory=list)
    entity_files: list[tuple[EntityFile, Document]] = field(default_factory=list)
    # indexes
    by_key: dict[tuple[str, str, str], list[ClaimInfo]] = field(default_factory=dict)
    # (subject, predicate, object, unit), singular and plural of a unit being one
    by_quantity: dict[tuple[str, str, str, str], list[ClaimInfo]] = field(default_factory=dict)
    by_speaker: dict[str, list[ClaimInfo]] = field(default_factory=dict)
    by_entity: dict[str, list[ClaimInfo]] = field(default_factory=dict)
    by_source: dict[str, RecordInfo] = field(default_factory=dict)
    # the vocabulary's units: each spelling's plural -> the unit it counts as ('servicemen'
    # -> 'troops'); a unit not listed counts as itself
    units: dict[str, str] = field(default_factory=dict)
    # each file's kind ("record", "entities", ...; None when it did not validate) and,
    # for a record, the source id it declares
    kinds: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return "(unnamed)"
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def side(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.side if entity and entity.side else entity_id

    def unit_key(self, unit: str) -> str:
        """The unit a figure is compared in: its plural, or the listed unit it is an alias of."""
        form = plural(unit)
        return self.units.get(form, form)

    def counts(self) -> dict[str, int]:
        return {"files": len(self.docs), "sources": len(self.records), "claims": len(self.claims),
                "entities": len(self.entities), "predicates": len(self.predicates)}


# ----------------------------------------------------------------- discovery


def discover(paths: Iterable[Path]) -> list[Path]:
    """YAML files under the given paths, sorted, hidden folders skipped."""
    return [Path(name) for name in discover_names(paths)]


def discover_names(paths: Iterable[Path]) -> list[str]:
    """:func:`discover`'s files as strings, in its order: a re-check makes Paths of the
    few files that changed only (ten thousand Paths cost it a tenth of a second)."""
    found: set[str] = set()
    given: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                # 'x.YAML' too: skipped, a new article named so went unchecked and CI passed
                found.update(os.path.join(dirpath, f) for f in filenames
                             if f.lower().endswith(YAML_SUFFIXES))
        else:
            given.add(path)
    # Paths order by their parts; walked names are already normal (no '.', no '//'), so
    # splitting the string gives the same order without building ten thousand Paths first.
    walked = sorted(found, key=lambda name: name.split(os.sep))
    if not given:
        return walked
    return [str(p) for p in sorted({*map(Path, walked), *given}, key=lambda p: p.parts)]


def shown_path(file: Path, root: Path) -> str:
    # The name the user sees in the repository first: a symlink is shown as itself.
    for path, base in ((Path(os.path.abspath(file)), Path(os.path.abspath(root))),
                       (real_path(file), real_path(root))):
        if path.is_relative_to(base):
            return printable_name(path.relative_to(base).as_posix())
    return printable_name(file.as_posix())


def printable_name(name: str) -> str:
    """A file name as reports can hold it. A name that is not UTF-8 ('caf\\xe9.yaml' from a
    Latin-1 system) comes from the file system with its bytes as lone surrogates, which no
    UTF-8 report can encode: the JSON, SARIF and HTML reports ended in a traceback. Such
    bytes are shown as \\xNN; the file itself is still read by its real name."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


FileName = TypeVar("FileName", Path, str)


def shown_paths(files: list[FileName], root: Path) -> list[tuple[FileName, str]]:
    """``(file, shown_path(file, root))`` for many files (Paths or strings): plain string
    work for the files inside the root (a thousand times cheaper than ``pathlib``)."""
    if os.sep != "/":
        return [(f, shown_path(Path(f), root)) for f in files]
    base = os.path.abspath(root)
    prefix = base if base.endswith("/") else base + "/"
    out = []
    for f in files:
        full = os.path.abspath(f)
        out.append((f, printable_name(full[len(prefix):]) if full.startswith(prefix) and
                    full != prefix else shown_path(Path(f), root)))
    return out


# ------------------------------------------------------------------ building


def build(paths: Iterable[Path], root: Path, docs: list[Document] | None = None, *,
          cache: Cache | bool | None = True) -> Corpus:
    """Load (unless ``docs`` are given), validate and index the fact files; ``cache``
    as for :func:`checks.cache.load_all`."""
    with gc_paused():  # millions of long-lived objects, no garbage cycles
        return _build(paths, root, docs, cache)


def _build(paths: Iterable[Path], root: Path, docs: list[Document] | None,
           cache: Cache | bool | None = True) -> Corpus:
    corpus = Corpus(root=root)
    if docs is not None:
        loaded = [(doc, *validate(doc)) for doc in docs]
    else:
        # stages 1-3: cached by content, on both cores when many files miss (checks.cache)
        loaded = load_all(shown_paths(discover(paths), root), root, cache=cache)
    corpus.docs = [doc for doc, _, _ in loaded]
    records: list[tuple[Record, Document]] = []
    for doc, kind, model in loaded:
        corpus.kinds[doc.path] = (kind, model.source.id if isinstance(model, Record) else None)
        if isinstance(model, EntityFile):
            _merge_entities(corpus, model, doc)
        elif isinstance(model, VocabularyFile):
            _merge_predicates(corpus, model, doc)
            _merge_units(corpus, model, doc)
        elif isinstance(model, ReviewsFile):
            check_review_text(model, doc)
        elif isinstance(model, Record):
            records.append((model, doc))
    _check_names(corpus)
    for record, doc in records:
        _add_record(corpus, record, doc)
    _check_registry(corpus)
    _index(corpus)
    return corpus


def _merge_entities(corpus: Corpus, model: EntityFile, doc: Document) -> None:
    for i, entity in enumerate(model.entities):
        if entity.id in corpus.entities:
            doc.hit(DUPLICATE_ID, f"entity id '{entity.id}' is registered twice",
                    "merge the two entries into one", f"/entities/{i}/id")
            continue
        corpus.entities[entity.id] = entity
        for j, name in enumerate((entity.name, *entity.alias_names())):
            _suspicious(doc, name, f"/entities/{i}" + ("/name" if j == 0 else f"/aliases/{j - 1}"))
    corpus.entity_files.append((model, doc))


def _check_names(corpus: Corpus) -> None:
    """Report a name or alias that another entity already has (I012), at the later one:
    a text naming it cannot be resolved to one entity."""
    first: dict[str, tuple[str, Document, str]] = {}  # name key -> entity id, file, pointer
    for model, doc in corpus.entity_files:
        for i, entity in enumerate(model.entities):
            if corpus.entities.get(entity.id) is not entity:
                continue  # a second entry of a registered id: that is I003
            for pointer, name in _entity_names(entity, f"/entities/{i}"):
                _claim_name(first, entity.id, name, doc, pointer)


def _entity_names(entity: Entity, at: str) -> Iterator[tuple[str, str]]:
    yield at + "/name", entity.name
    for j, alias in enumerate(entity.aliases):
        if isinstance(alias, str):
            yield f"{at}/aliases/{j}", alias
        else:
            yield f"{at}/aliases/{j}/name", alias.name


def _claim_name(first: dict[str, tuple[str, Document, str]], entity_id: str, name: str,
                doc: Document, pointer: str) -> None:
    for key in name_keys(name):
        owner = first.setdefault(key, (entity_id, doc, pointer))
        if owner[0] != entity_id:
            where = owner[1].locate(owner[2])
            doc.hit(AMBIGUOUS_NAME,
                    f"'{name}' (entity '{entity_id}') is also a name of entity '{owner[0]}' "
                    f"({where.path}:{where.line}): a text that says '{name}' cannot be "
                    "resolved to one of them",
                    "keep the name on the one entity it means and remove it from the other; "
                    "if both are really called so, register a fuller name for one of them",
                    pointer)
            return  # one finding per name, even when its 'the'-less form collides too


def _merge_predicates(corpus: Corpus, model: VocabularyFile, doc: Document) -> None:
    for i, predicate in enumerate(model.predicates):
        if predicate.id in corpus.predicates:
            doc.hit(DUPLICATE_ID, f"predicate '{predicate.id}' is defined twice",
                    "keep one definition", f"/predicates/{i}/id")
            continue
        corpus.predicates[predicate.id] = predicate
        # Labels are the words of every conflict message, in every report: a direction
        # override there reorders what a reader sees (the vocabulary comes in pull requests)
        for key in ("label", "description"):
            _suspicious(doc, getattr(predicate, key) or "", f"/predicates/{i}/{key}")


def check_review_text(model: ReviewsFile, doc: Document) -> None:
    """A review's reason, reviewer and note: every report shows them beside the finding
    it waives, so what hides there (a direction override turning 'not' around) is flagged
    as in records (I009)."""
    for i, review in enumerate(model.reviews):
        for key in ("reason", "reviewer", "note"):
            _suspicious(doc, getattr(review, key) or "", f"/reviews/{i}/{key}")


def _merge_units(corpus: Corpus, model: VocabularyFile, doc: Document) -> None:
    """A spelling may stand for one unit only: 'personnel' listed under two units would
    join two measures' figures (I003 at the second, which is left out). Each form stands
    for the unit as the vocabulary writes it, "the unit records should write": 'people',
    whose plural by rule would be 'peoples' ("1,400 peoples" in the messages)."""
    for i, unit in enumerate(model.units):
        for j, name in enumerate((unit.id, *unit.aliases)):
            form, pointer = plural(name), f"/units/{i}/" + ("id" if j == 0 else f"aliases/{j - 1}")
            other = corpus.units.get(form)
            if other is not None and (other != unit.id or j == 0):
                doc.hit(DUPLICATE_ID, f"unit '{name}' is listed twice (as '{other}' already)",
                        "list each unit and alias once", pointer)
                continue
            corpus.units[form] = unit.id


def _suggest(word: str, options: Iterable[str]) -> str:
    return _did(nearest(word, options))


def _did(close: str | None) -> str:
    return f" (did you mean '{close}'?)" if close else ""


def _suspicious(doc: Document, text: str, pointer: str) -> None:
    """Flag invisible characters and mixed-script words (homoglyphs)."""
    if _plain(text):
        return
    if _INVISIBLE.search(text):
        doc.hit(SUSPICIOUS_CHARS, f"'{_visible(text)}' contains invisible, direction-changing "
                "or control characters", "retype the text without zero-width, bidirectional "
                "or control characters", pointer)
        return
    # An ASCII word is of one script: a text whose only other characters are no letters
    # (typographic quote marks and dashes, in most evidence) has no word to look at.
    if not _FOREIGN_LETTER.search(text):
        return
    for word in filterfalse(str.isascii, re.findall(r"\w+", text)):
        scripts = _mixed_scripts(word)
        if scripts:
            doc.hit(SUSPICIOUS_CHARS, f"'{_visible(word)}' mixes {' and '.join(sorted(scripts))} "
                    "letters (a homoglyph?)", "retype the word in one alphabet", pointer)
            return


_FOREIGN_LETTER = re.compile(r"[^\W\x00-\x7f]")  # a word character beyond ASCII


def _mixed_scripts(word: str) -> set[str]:
    """The alphabets of a word's letters when there are several, else none."""
    if word.isascii():  # Latin letters, digits and '_' only: one script at most
        return set()
    scripts = {_script(ch) for ch in word if ch.isalpha()}
    scripts.discard("COMMON")
    return scripts if len(scripts) > 1 else set()


def _plain(text: str) -> bool:
    """ASCII without control characters: every letter Latin, nothing hidden (fast exit)."""
    return text.isascii() and not _INVISIBLE.search(text)


def suspicious_spans(text: str) -> list[tuple[int, int]]:
    """Where I009 objects to ``text``: each invisible character and mixed-alphabet word."""
    if _plain(text):
        return []
    spans = [(m.start(), m.end()) for m in _INVISIBLE.finditer(text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"\w+", text)
              if _mixed_scripts(m.group())]
    return sorted(spans)


def _visible(text: str) -> str:
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)[:80]


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "COMMON"


def _add_record(corpus: Corpus, record: Record, doc: Document) -> None:
    source = record.source
    if source.id in corpus.by_source:
        doc.hit(DUPLICATE_ID, f"source id '{source.id}' is also used by "
                f"{corpus.by_source[source.id].doc.path}", "give each article its own id",
                "/source/id")
        return
    info = RecordInfo(record=record, doc=doc)
    corpus.by_source[source.id] = info
    corpus.records.append(info)
    _suspicious(doc, source.headline, "/source/headline")
    info.text = _archived_text(corpus, record, doc)
    target = Path(source.text.path)
    if not target.is_absolute() and ".." not in target.parts:
        info.text_file = doc.file.parent / target
    published = dt.date.fromisoformat(source.published.date) if source.published.date else None
    spans = quotation_spans(info.text) if info.text else None
    seen: dict[str, int] = {}
    for i, claim in enumerate(record.claims):
        pointer = f"/claims/{i}"
        if claim.id in seen:
            doc.hit(DUPLICATE_ID, f"claim id '{claim.id}' is used twice in this record (first "
                    f"claims[{seen[claim.id]}])", "give each claim its own id", pointer + "/id")
            continue
        seen[claim.id] = i
        ci = ClaimInfo(claim=claim, source=source, doc=doc, pointer=pointer, published=published,
                       article=info.text, quote_spans=spans, siblings=info.claims)
        ci.said = _time(doc, claim.said_time, published, pointer + "/by/said")
        # A forecast's time lies ahead: "will travel" with "on Tuesday" is the coming one.
        ci.event = _time(doc, claim.event_time, ci.event_anchor, pointer + "/when",
                         ahead=claim.says.stance is Stance.expects)
        info.claims.append(ci)
        corpus.claims.append(ci)
        _check_claim_text(info, ci)
        _check_addressees(doc, ci)
        _check_figure_grouping(doc, ci)
        if claim.draft:
            doc.hit(DRAFT, f"claim '{claim.id}' is a draft awaiting review",
                    "review the claim, correct it, then remove 'draft: true'", pointer + "/draft")
    _check_corrections(info)
    _check_updates(corpus, info)


def _time(doc: Document, spec: TimeSpec | None, published: dt.date | None,
          pointer: str, *, ahead: bool = False) -> Interval | None:
    if spec is None:
        return None
    if spec.date:
        d = dt.date.fromisoformat(spec.date)
        return Interval(d, d)
    if spec.start or spec.end:
        start = dt.date.fromisoformat(spec.start) if spec.start else dt.date.min
        end = dt.date.fromisoformat(spec.end) if spec.end else (published or dt.date.max)
        if start > end:
            doc.hit(TIME_UNRESOLVED, f"time '{spec.text}': start {start} is after end {end}",
                    "swap 'start' and 'end'", pointer)
            return None
        return Interval(start, end)
    resolved = resolve(spec.text, published, ahead=ahead)
    if resolved is None:
        doc.hit(TIME_UNRESOLVED, f"cannot tell which dates '{spec.text}' means",
                "give the dates: {text: ..., date: YYYY-MM-DD} or start/end", pointer)
    return resolved


def _archived_text(corpus: Corpus, record: Record, doc: Document) -> str | None:
    ref = record.source.text
    pointer = "/source/text/path"
    base = doc.file.parent
    target = Path(ref.path)
    if "\0" in ref.path:  # "resolves outside the repository" said the system's refusal
        doc.hit(TEXT_UNREADABLE, f"archived text path '{_visible(ref.path)}' holds a NUL character",
                "write the archived text's file name without it", pointer)
        return None
    if target.is_absolute() or ".." in target.parts:
        doc.hit(TEXT_UNREADABLE, f"archived text path '{ref.path}' leaves the record's folder",
                "store the text under facts/texts/ and give a relative path", pointer)
        return None
    full = base / target
    try:
        real = full.resolve(strict=True)
        real.relative_to(corpus.root.resolve())
    except FileNotFoundError:
        doc.hit(TEXT_UNREADABLE, f"archived text '{ref.path}' does not exist",
                "add the article text at that path, or fix the path", pointer)
        return None
    except RuntimeError:  # Python 3.11's resolve() on a link loop
        doc.hit(TEXT_UNREADABLE, f"archived text '{ref.path}' is a symbolic link loop",
                "store the article's text as a file at that path", pointer)
        return None
    except OSError as exc:  # a name too long for the system, a folder that is a file
        doc.hit(TEXT_UNREADABLE, f"archived text '{ref.path}' cannot be read: "
                f"{(exc.strerror or str(exc)).lower()}",
                "store the article's text as a file at a plain path under facts/texts/", pointer)
        return None
    except ValueError:
        doc.hit(TEXT_UNREADABLE, f"archived text '{ref.path}' resolves outside the repository",
                "store the text inside the repository (not through a symlink)", pointer)
        return None
    return _read_text(real, ref.path, ref.sha256, doc)


def _read_text(real: Path, shown: str, sha: str, doc: Document) -> str | None:
    pointer = "/source/text"
    try:
        if not real.is_file() or real.stat().st_size > MAX_TEXT_BYTES:
            doc.hit(TEXT_UNREADABLE, f"archived text '{shown}' is not a regular file under "
                    f"{MAX_TEXT_BYTES:,} bytes", "point to the article's text file", pointer)
            return None
        raw = real.read_bytes()
    except OSError as exc:
        doc.hit(TEXT_UNREADABLE, f"archived text '{shown}' cannot be read: {exc.strerror}",
                "check the file's permissions", pointer)
        return None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != sha:
        doc.hit(TEXT_HASH, f"archived text '{shown}' has sha256 {digest[:12]}…, the record pins "
                f"{sha[:12]}…", "if the text was replaced on purpose, update 'sha256'; otherwise "
                "restore the archived file", pointer + "/sha256")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        doc.hit(TEXT_UNREADABLE, f"archived text '{shown}' is not UTF-8",
                "save the article text as UTF-8", pointer)
        return None
    if not text.strip():
        doc.hit(TEXT_UNREADABLE, f"archived text '{shown}' is empty",
                "archive the article's text", pointer)
        return None
    return text


# The article's normalised text, computed once per article rather than once per excerpt
# that is not found verbatim (thousands of them made a hostile record take minutes).
_loose_article = lru_cache(maxsize=4)(loose)
_occurs = lru_cache(maxsize=8)(Occurs)


def _check_claim_text(info: RecordInfo, ci: ClaimInfo) -> None:
    doc, text = info.doc, info.text
    claim = ci.claim
    # The source's own name and the note are read by reviewers as much as the evidence.
    for words, sub in ((claim.by.as_, "/by/as"), (claim.by.hedge, "/by/hedge"),
                       (claim.note, "/note")):
        if words:
            _suspicious(doc, words, ci.pointer + sub)
    _check_excerpts(doc, text, claim.evidence, ci.pointer + "/evidence")
    as_ = claim.by.as_
    if as_ and not _in_article(as_, text):
        doc.hit(NAME_NOT_IN_TEXT, f"the source is named '{as_[:60]}', which is not in the "
                "article", "write 'as' with the article's own words", ci.pointer + "/by/as")
    # A hedge is the article's words too: A402 quotes it to the reader as the reporter's.
    hedge = claim.by.hedge
    if hedge and not _in_article(hedge, text):
        doc.hit(NAME_NOT_IN_TEXT, f"the attribution is hedged with '{hedge[:60]}', which is "
                "not in the article", "write 'hedge' with the article's own words",
                ci.pointer + "/by/hedge")


def _in_article(words: str, text: str | None) -> bool:
    """Whether ``words`` stand in the article, verbatim or once normalised (an article
    that could not be read is reported elsewhere: nothing to compare with)."""
    return (text is None or words in _occurs(text)
            or loose(words) in _occurs(_loose_article(text)))


def _check_addressees(doc: Document, ci: ClaimInfo) -> None:
    """Words are said to someone other than their speaker (I014): a speaker listed in
    ``by.to`` is a wrong id in one of the two fields, and U301 and D601 read the addressee
    to tell one occasion from another."""
    speaker = ci.claim.by.speaker
    for i, addressee in enumerate(ci.claim.by.to):
        if addressee == speaker:
            doc.hit(ADDRESSEE, f"the claim's words are said to '{addressee}', its own speaker",
                    "write in 'to' whom the speaker said the words (the outlet or agency "
                    "interviewing them, the person they spoke to), or correct the speaker",
                    f"{ci.pointer}/by/to/{i}")


# A figure whose thousands are grouped by dots, as French and German texts write them
# ("40.000", "1.300.000"); not a date ("13.04.2021") nor a decimal of other lengths.
_DOTTED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)")


def _check_figure_grouping(doc: Document, ci: ClaimInfo) -> None:
    """A figure that reads its evidence's dot-grouped thousands as a decimal (I016):
    ``value: 40.000`` copied from "more than 40.000" is the number 40 to YAML, and
    "more than 40" troops meets every other lower bound, so no rule says a word."""
    quantity = ci.claim.quantity
    if quantity is None:
        return
    dotted = _DOTTED.findall(" ".join(excerpts_of(ci.claim.evidence)))
    for name in ("value", "min", "max") if dotted else ():
        value = getattr(quantity, name)
        # Only one dot has a decimal reading ("1.300.000" is no number to YAML: S001).
        written = next((d for d in dotted if value is not None and d.count(".") == 1
                        and float(d) == value), None)
        if written is None:
            continue
        whole = written.replace(".", "")
        doc.hit(FIGURE_GROUPING, f"the figure {value:g} reads the evidence's '{written}' as a "
                f"decimal, but a dot between groups of three digits groups thousands: "
                f"'{written}' is {int(whole):,}", f"write {whole} (digits only); if the article "
                f"does mean {value:g}, record a reviewed finding", f"{ci.pointer}/quantity/{name}")


def _check_excerpts(doc: Document, text: str | None, evidence: tuple[str, ...] | str,
                    pointer: str) -> None:
    """Each excerpt of a claim's or a correction's evidence is the article's words."""
    for j, excerpt in enumerate(excerpts_of(evidence)):
        sub = pointer + (f"/{j}" if isinstance(evidence, tuple) else "")
        _suspicious(doc, excerpt, sub)
        if not any(ch.isalnum() for ch in excerpt):
            # " ", "\n" or "." stands in any article verbatim: the claim rested on nothing,
            # and no finding said so.
            doc.hit(EVIDENCE_MISSING, "evidence has no words (only spaces, punctuation or "
                    "invisible characters)", "quote the article's own words that make the "
                    "claim", sub)
            continue
        if text is None or excerpt in _occurs(text):
            continue
        if loose(excerpt) in _occurs(_loose_article(text)):
            doc.hit(EVIDENCE_NORMALISED, "evidence matches the archived text only after "
                    "normalising Unicode, quotes, spacing or invisible characters",
                    "copy the words exactly as they stand in the archived text", sub)
        else:
            doc.hit(EVIDENCE_MISSING, f"evidence '{collapse_ws(excerpt)[:60]}' is not in the "
                    "archived text", "copy the words verbatim from the article (or fix the "
                    "archived text)", sub)


def _check_corrections(info: RecordInfo) -> None:
    """A correction note's words are the article's, and it names claims of its record: a
    note that names no claim as recorded corrects nothing any rule can see (I013)."""
    doc, claims = info.doc, {ci.id: ci for ci in info.claims}
    for i, correction in enumerate(info.record.source.corrections):
        at = f"/source/corrections/{i}"
        _check_excerpts(doc, info.text, correction.evidence, at + "/evidence")
        for j, cid in enumerate(correction.corrects):
            if cid not in claims:
                doc.hit(CORRECTION, f"the correction names claim '{cid}', which this record "
                        f"does not have{_suggest(cid, claims)}", "write the id of the claim "
                        "that gives the corrected words, or add that claim", f"{at}/corrects/{j}")
        named = [claims[c] for c in correction.corrects if c in claims]
        if named:
            _check_figures(doc, correction, named, at)


def _check_updates(corpus: Corpus, info: RecordInfo) -> None:
    """A figure updates figures of its own record and measure (I015): ``supersedes`` takes
    the named figures out of Q201/Q202, so a wrong id would silence a figure the article
    still gives, or name one that updates nothing."""
    updates = [ci for ci in info.claims
               if ci.claim.quantity is not None and ci.claim.quantity.supersedes]
    if not updates:
        return  # the ordinary record: no id table built for it
    claims = {ci.id: ci for ci in info.claims}
    for ci in updates:
        q = ci.claim.quantity
        assert q is not None
        for j, cid in enumerate(q.supersedes):
            old = claims.get(cid)
            why = ("this record does not have it" + _suggest(cid, claims) if old is None
                   else "it is this claim itself" if old is ci else _other_measure(corpus, ci, old))
            if why:
                info.doc.hit(UPDATE, f"the figure supersedes claim '{cid}', but {why}",
                             "name the claim of this record that gave the same measure's "
                             "earlier figure, or leave 'supersedes' out",
                             f"{ci.pointer}/quantity/supersedes/{j}")


def _other_measure(corpus: Corpus, new: ClaimInfo, old: ClaimInfo) -> str:
    """Why ``old`` gives no earlier figure of ``new``'s measure ('' when it does)."""
    was, now = old.claim.quantity, new.claim.quantity
    if was is None:
        return "it gives no figure (quantity)"
    assert now is not None
    if old.key != new.key or corpus.unit_key(was.unit) != corpus.unit_key(now.unit):
        return "it gives a figure of another measure (subject, predicate, object or unit)"
    return ""


def _check_figures(doc: Document, correction: Correction, named: list[ClaimInfo],
                   at: str) -> None:
    """A note's figures fit the claims it corrects: a withdrawn figure is compared with
    their measure, so one of them must give a figure; a replacement figure is what the
    article now prints, so one of them must give it (else 'corrects' names another claim)."""
    was, now = correction.was, correction.now
    figures = [c.claim.quantity for c in named if c.claim.quantity is not None]
    if was is not None and was.value is not None and not figures:
        doc.hit(CORRECTION, f"the correction withdraws the figure {was.words}, but no claim it "
                "corrects gives a figure (quantity), so no source's figure can be compared "
                "with it", "give the corrected claim its quantity, or leave 'value' out of "
                "'withdrawn'", f"{at}/withdrawn")
    if now is not None and now.value is not None and figures and not any(
            now.value in (q.value, q.min, q.max) for q in figures):
        doc.hit(CORRECTION, f"the correction says the article now gives {now.words}, but no "
                "claim it corrects gives that figure", "name the claim that gives the "
                "corrected figure in 'corrects', or give that claim the figure as corrected",
                f"{at}/replacement")


# -------------------------------------------------------- reference checking


def _refs(claim: Claim) -> Iterator[tuple[str, str]]:
    """(pointer suffix, entity id) for every entity a claim refers to."""
    if claim.by.speaker:
        yield "/by/speaker", claim.by.speaker
    for i, via in enumerate(claim.by.via):
        yield f"/by/via/{i}", via
    for i, addressee in enumerate(claim.by.to):
        yield f"/by/to/{i}", addressee
    yield "/says/subject", claim.says.subject
    if claim.says.object:
        yield "/says/object", claim.says.object
    if claim.quantity:
        for i, place in enumerate(claim.quantity.scope):
            yield f"/quantity/scope/{i}", place


def _check_registry(corpus: Corpus) -> None:
    known = corpus.entities
    if not known and not corpus.records:
        return
    entity_like, predicate_like = Nearest(known), Nearest(corpus.predicates)

    def need(doc: Document, entity_id: str, pointer: str) -> None:
        if entity_id not in known:
            doc.hit(UNKNOWN_ENTITY, f"unknown entity '{entity_id}'{_did(entity_like(entity_id))}",
                    "use a registered id, or register it in facts/entities.yaml", pointer)

    for info in corpus.records:
        source, doc = info.record.source, info.doc
        need(doc, source.outlet, "/source/outlet")
        for i, agency in enumerate(source.agencies):
            need(doc, agency.id, f"/source/agencies/{i}/id")
        for ci in info.claims:
            for sub, entity_id in _refs(ci.claim):
                need(doc, entity_id, ci.pointer + sub)
            predicate = ci.claim.says.predicate
            if predicate not in corpus.predicates:
                doc.hit(UNKNOWN_PREDICATE, f"unknown predicate '{predicate}'"
                        f"{_did(predicate_like(predicate))}",
                        "use a predicate from facts/vocabulary.yaml, or add one there",
                        ci.pointer + "/says/predicate")
    for model, doc in corpus.entity_files:
        for i, entity in enumerate(model.entities):
            if entity.side:
                need(doc, entity.side, f"/entities/{i}/side")
            for j, role in enumerate(entity.roles):
                if role.of:
                    need(doc, role.of, f"/entities/{i}/roles/{j}/of")
            if entity.part_of:
                need(doc, entity.part_of, f"/entities/{i}/part_of")
                if known.get(entity.id) is entity:  # a second entry of an id: that is I003
                    _check_part_of(known, entity, doc, f"/entities/{i}")


_WHOLES = (EntityKind.government, EntityKind.organisation)


def _check_part_of(known: dict[str, Entity], entity: Entity, doc: Document, at: str) -> None:
    """A body's ``part_of`` (I017): a government or organisation of the body's side, and
    no chain of them back to the body (the rules would make every body of the cycle one
    speaker with no end)."""
    whole = known.get(entity.part_of or "")
    if whole is None:
        return  # I001
    if whole.kind not in _WHOLES:
        doc.hit(PART_OF, f"'{entity.id}' is part of '{whole.id}', a {whole.kind.value}: a body "
                "speaks for a government or organisation only", "name the government or "
                "organisation the body belongs to (a place's government, not the place), or "
                "leave 'part_of' out", f"{at}/part_of")
        return
    if not (entity.side == whole.side or (whole.side is None and entity.side == whole.id)):
        theirs = f"side '{whole.side}'" if whole.side else "no side"
        doc.hit(PART_OF, f"'{entity.id}' is part of '{whole.id}' but has "
                f"{repr(entity.side) if entity.side else 'no side'}, where '{whole.id}' has "
                f"{theirs}: a body that speaks for another is on its side",
                f"give '{entity.id}' the side of '{whole.id}'" + (f" (side: {whole.side})"
                                                                  if whole.side else "")
                + ", or leave 'part_of' out if it does not speak for it", f"{at}/part_of")
    chain = _chain(known, entity)
    if chain[-1] == entity.id and entity.id == min(chain):  # one finding per circle
        doc.hit(PART_OF, f"'part_of' runs in a circle: {' -> '.join(chain)}", "a body is part "
                "of a larger one: remove 'part_of' from the larger body of the circle",
                f"{at}/part_of")
    elif len(chain) > PART_OF_DEPTH + 1:
        doc.hit(PART_OF, f"'{entity.id}' is part of a chain of more than {PART_OF_DEPTH} "
                f"bodies ({' -> '.join(chain[:4])} -> ...): bodies nest a few deep (a "
                "mission, its ministry, the state)", "make the body part of the body it "
                "belongs to directly, or of its state", f"{at}/part_of")


def _chain(known: dict[str, Entity], entity: Entity) -> list[str]:
    """The ids from ``entity`` up its ``part_of`` chain, up to where it ends, comes back
    to an id already on it (to ``entity``: a circle of it), or passes PART_OF_DEPTH bodies
    (a hostile chain of thousands is not walked from each of them)."""
    path, seen = [entity.id], {entity.id}
    at = known.get(entity.part_of or "")
    while at is not None and len(path) <= PART_OF_DEPTH + 1:
        path.append(at.id)
        if at.id in seen:
            break
        seen.add(at.id)
        at = known.get(at.part_of or "")
    return path


def _index(corpus: Corpus) -> None:
    by_key: dict[tuple[str, str, str], list[ClaimInfo]] = defaultdict(list)
    by_quantity: dict[tuple[str, str, str, str], list[ClaimInfo]] = defaultdict(list)
    by_speaker: dict[str, list[ClaimInfo]] = defaultdict(list)
    by_entity: dict[str, list[ClaimInfo]] = defaultdict(list)
    for ci in corpus.claims:
        by_key[ci.key].append(ci)
        if ci.claim.quantity is not None:
            by_quantity[(*ci.key, corpus.unit_key(ci.claim.quantity.unit))].append(ci)
        if ci.speaker:
            by_speaker[ci.speaker].append(ci)
        for entity_id in {e for _, e in _refs(ci.claim)}:
            by_entity[entity_id].append(ci)
    corpus.by_key, corpus.by_quantity = dict(by_key), _spelled(by_quantity, corpus)
    corpus.by_speaker, corpus.by_entity = dict(by_speaker), dict(by_entity)


def _spelled(by_unit: dict[tuple[str, str, str, str], list[ClaimInfo]], corpus: Corpus
             ) -> dict[tuple[str, str, str, str], list[ClaimInfo]]:
    """Measures keyed by one spelling of their unit: 'soldier' and 'soldiers' are one
    unit (checks.units), so a typo in the number of a unit cannot hide a conflict. A
    measure written in a vocabulary unit and its alias ('troops', 'servicemen') is keyed
    by the unit; written in one of them alone, by that (the records' own word)."""
    out = {}
    for (subject, predicate, obj, key), claims in by_unit.items():
        units = {c.claim.quantity.unit for c in claims if c.claim.quantity is not None}
        mixed = len({plural(u) for u in units}) > 1
        out[(subject, predicate, obj, key if mixed else spelling(units))] = claims
    return out
