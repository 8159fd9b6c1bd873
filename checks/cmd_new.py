"""``python -m checks new ARTICLE.txt --url URL --outlet OUTLET --headline TEXT
--published DATE``: scaffold a fact record for a new article.

Archives the text to ``facts/texts/<id>.txt``, pins its sha256, and writes
``facts/<id>.yaml`` (with the schema modeline) holding *draft* claims from
:mod:`checks.extract` for the curator to review. ``-`` reads the text from
standard input. Options left out are asked for when standard input is a
terminal; otherwise the command stops with a usage error (exit 2).

The record validates with no finding but the drafts' I010 warnings: names
the registry does not hold are never written as ids, figures stay within the
model's bounds, and the article's invisible characters and mixed-alphabet
words (I009) are left out of the drafts: evidence becomes the excerpts
around them, a source name or time holding one is left out, and the note
says so.
They are listed (with a suggested registry entry, and the nearest registered
name when one looks misspelt) in a comment at the top of the record, in the
note of each draft they affect, and as warnings on standard error.

Writes are atomic and stay inside the repository; an existing record is not
overwritten without ``--force``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import re
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import atomic
from .cli import EXIT_OK, UsageError
from .corpus import MAX_TEXT_BYTES, Corpus, build, suspicious_spans
from .extract import Article, Extraction, UnknownName, extract, slug
from .fields import IDENT_PATTERN, MAX_TEXT, URL_PATTERN
from .fmt import FormatError, format_text, round_trip
from .load import wide_encoding
from .model import Source
from .pubtime import published_time
from .stages import left_out

FIELDS = (("url", "Article URL"), ("outlet", "Outlet (registered entity id or name)"),
          ("headline", "Headline as published"), ("published", "Publication date YYYY-MM-DD"))
FLOW_KEYS = ("by", "says", "quantity", "when")


def _ask(args: argparse.Namespace) -> None:
    missing = [(name, label) for name, label in FIELDS if not getattr(args, name)]
    if args.article is None:
        missing.insert(0, ("article", "Article text file ('-' for standard input)"))
    if not missing:
        return
    if not sys.stdin.isatty() or args.article == "-":
        names = ", ".join("ARTICLE" if n == "article" else f"--{n}" for n, _ in missing)
        raise UsageError(f"missing {names} (prompted for only on a terminal)")
    for name, label in missing:
        value = input(f"{label}: ").strip()
        if not value:
            raise UsageError(f"{label} is required")
        setattr(args, name, value)


def _read_text(article: str) -> str:
    try:
        if article == "-":
            raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        else:
            with Path(article).open("rb") as fh:  # a named pipe is read like stdin
                raw = fh.read(MAX_TEXT_BYTES + 1)
        if len(raw) > MAX_TEXT_BYTES:
            raise UsageError(f"{article} is over {MAX_TEXT_BYTES:,} bytes, the limit for an "
                             "archived text; keep only the article's own text")
        wide = wide_encoding(raw)
        if wide:  # was "binary, not text": a Windows editor's "Unicode" is UTF-16
            raise UsageError(f"{article} is {wide} text; save it as UTF-8 (iconv -f {wide} "
                             "-t UTF-8) and give that file")
        if b"\x00" in raw:  # archived as it was, and no claim could quote it
            raise UsageError(f"{article} is binary, not text (it holds NUL bytes); give the "
                             "article's text as UTF-8")
        text = raw.decode("utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {article}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{article} is not UTF-8 text") from exc
    if not text.strip():
        raise UsageError(f"{article} is empty")
    return text


def _check_values(args: argparse.Namespace) -> dt.date:
    if not re.match(URL_PATTERN, args.url):
        raise UsageError(f"--url must be an http(s) URL, not '{args.url[:200]}'")
    url_limit = Source.model_fields["url"].metadata
    most = next((m.max_length for m in url_limit if getattr(m, "max_length", None)), None)
    if most is not None and len(args.url) > most:  # the record written would not validate
        raise UsageError(f"--url is {len(args.url):,} characters, over the {most:,} a record's "
                         "URL may hold; give the article's address without tracking parameters")
    if not re.match(_LANGUAGE, args.language):
        raise UsageError(f"--language must be a BCP 47 tag such as 'en' or 'pt-BR', not "
                         f"'{args.language}'")
    if not args.headline.strip():  # a blank headline: the record's would say nothing
        raise UsageError("--headline is empty; give the headline as published")
    if any(ch in args.headline for ch in "\n\r\x85\u2028\u2029"):
        # a headline pasted with its line break: H701 and the reports read one line
        raise UsageError("--headline holds a line break; give the headline on one line")
    if len(args.headline) > MAX_TEXT:  # the record would not validate (S001 'too long')
        raise UsageError(f"--headline is {len(args.headline):,} characters, over the "
                         f"{MAX_TEXT:,} a record's text may hold; give the headline alone")
    if suspicious_spans(args.headline):
        raise UsageError(f"--headline {_shown(args.headline)!r} holds invisible characters or a "
                         "word mixing alphabets; retype it")
    try:
        return dt.date.fromisoformat(args.published)
    except ValueError:
        raise UsageError(f"--published must be a date YYYY-MM-DD, not '{args.published}'") from None


_LANGUAGE: str = next(m.pattern for m in Source.model_fields["language"].metadata
                      if hasattr(m, "pattern"))


def _shown(text: str) -> str:
    """``text`` with what I009 objects to written as <U+XXXX>: a note must not carry it."""
    out, at = [], 0
    for a, b in suspicious_spans(text):
        out.append(text[at:max(a, at)])
        out.extend(ch if ch.isascii() else f"<U+{ord(ch):04X}>" for ch in text[max(a, at):b])
        at = max(at, b)
    return "".join(out) + text[at:]


def _clean(draft: dict[str, Any]) -> dict[str, Any] | None:
    """The draft without the article's invisible characters and mixed-alphabet words, so
    it validates: the evidence becomes the excerpts around them, a source name or time
    holding one is left out; None when no excerpt is left."""
    by, when = draft.get("by", {}), draft.get("when")
    marked = [v for v in (draft["evidence"], by.get("as"), by.get("said"), when, draft["note"])
              if isinstance(v, str) and suspicious_spans(v)]
    if not marked:
        return draft
    pieces = _excerpts(draft["evidence"])
    if not pieces:
        return None
    out = {**draft, "evidence": pieces[0] if len(pieces) == 1 else pieces,
           "by": {k: v for k, v in by.items()
                  if not (k in ("as", "said") and isinstance(v, str) and suspicious_spans(v))},
           "note": f"{_shown(draft['note'])} The article has invisible characters or words "
                   "mixing alphabets here: the draft leaves them out; check the archived text."}
    if isinstance(when, str) and suspicious_spans(when):
        del out["when"]
    return {k: v for k, v in out.items() if v != {}}


def _excerpts(text: str) -> list[str]:
    """The runs of ``text`` between the spans I009 objects to, each holding a word."""
    bounds = [0, *(x for span in suspicious_spans(text) for x in span), len(text)]
    pieces = (text[a:b].strip() for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return [p for p in pieces if re.search(r"\w", p)]


def _outlet(corpus: Corpus, given: str) -> str:
    if given in corpus.entities:
        return given
    folded = given.casefold()
    for entity in corpus.entities.values():
        if folded in (n.casefold() for n in (entity.name, *entity.alias_names())):
            return entity.id
    entry = f"- {{id: {slug(given, 60)}, name: {given}, kind: outlet}}"
    broken = left_out(corpus.docs)
    if broken:  # "register it first" told a curator whose registry did not load to add it
        raise UsageError(f"outlet '{given}' is not in the registry as read, and "
                         f"{', '.join(broken[:3])} did not load or validate ('python -m checks "
                         f"validate' says why): fix that first, or register the outlet, e.g.\n"
                         f"  {entry}")
    raise UsageError(f"outlet '{given}' is not in facts/entities.yaml; register it first, e.g.\n"
                     f"  {entry}")


def _source_id(args: argparse.Namespace, outlet: str) -> str:
    words = slug(args.headline, 40)
    if not re.search("[a-z0-9]", args.headline.lower()):
        # No Latin letter or digit ('Україна каже', '!!!'): every such headline of an outlet
        # and day was '...-x', and the second article was told to --force over the first.
        words = "u" + hashlib.sha256(args.url.encode("utf-8")).hexdigest()[:10]
    sid = args.id or f"{outlet}-{args.published}-{words}"
    if not re.match(IDENT_PATTERN, sid):
        raise UsageError(f"'{sid}' is not a valid id (lower-case letters, digits, '.', '_', '-')")
    return sid


def _flow(value: Any) -> Any:
    if isinstance(value, dict):
        out = CommentedMap(value)
        out.fa.set_flow_style()
        return out
    return value


def _record(args: argparse.Namespace, sid: str, outlet: str, text_bytes: bytes,
            found: Extraction) -> CommentedMap:
    source = CommentedMap()
    source["id"] = sid
    source["outlet"] = outlet
    source["url"] = args.url
    source["headline"] = args.headline
    published: dict[str, str] = {"date": args.published}
    time = published_time(text_bytes.decode("utf-8"), dt.date.fromisoformat(args.published))
    if time is not None:  # the article's own stamp states it ("Published: 1:47pm, ...")
        published["time"] = time
    source["published"] = _flow({**published, "known": "stated"})
    source["language"] = args.language
    if found.agencies:  # credited in the text ("(Reuters) -", "with files from AP")
        source["agencies"] = CommentedSeq(_flow(dict(a)) for a in found.agencies)
    source["text"] = CommentedMap(path=f"texts/{sid}.txt",
                                  sha256=hashlib.sha256(text_bytes).hexdigest())
    claims = CommentedSeq()
    for found_draft in found.drafts:
        draft = _clean(found_draft)
        if draft is None:
            continue
        claims.append(CommentedMap((k, _flow(v) if k in FLOW_KEYS else v)
                                   for k, v in draft.items()))
    record = CommentedMap()
    record["source"] = source
    record["claims"] = claims
    return record


def _header(unknown: list[UnknownName]) -> str:
    lines = ["# Drafted by 'python -m checks new': every claim is a draft (draft: true).",
             "# Review each one against the article, correct it, then delete 'draft: true'."]
    if unknown:
        lines.append("# Names not in facts/entities.yaml (register those that matter):")
        lines.extend(f"#   {u.describe()}" for u in unknown)
    return "\n".join(lines) + "\n"


def _dump(record: CommentedMap, header: str, file: Path, root: Path) -> str:
    yaml = round_trip()
    out = io.StringIO()
    yaml.dump(record, out)
    try:
        return format_text(header + out.getvalue(), file=file, root=root)
    except FormatError as exc:  # a draft the loader refuses: say so, write nothing
        raise UsageError(f"cannot write a valid record for this article ({exc}); nothing "
                         "was written, please report this") from exc


def handle(args: argparse.Namespace) -> int:
    _ask(args)
    published = _check_values(args)
    root = atomic.real_path(args.root)
    facts = root / "facts"
    corpus = build([facts], root) if facts.is_dir() else Corpus(root=root)
    outlet = _outlet(corpus, args.outlet)
    sid = _source_id(args, outlet)
    text = _read_text(args.article)
    record_file, text_file = facts / f"{sid}.yaml", facts / "texts" / f"{sid}.txt"
    if record_file.exists() and not args.force:
        raise UsageError(f"{record_file} exists; if it is another article, name this one "
                         "with --id; use --force only to replace it")
    article = Article(text=text, published=published, outlet=outlet, headline=args.headline)
    found = extract(article, corpus.entities, corpus.predicates, corpus.units)
    data = text.encode("utf-8")
    body = _dump(_record(args, sid, outlet, data, found), _header(found.unknown), record_file, root)
    _write(text_file, data, root, force=args.force)
    _write(record_file, body.encode("utf-8"), root, force=args.force)
    for name in found.unknown:
        sys.stderr.write(f"warning: {name.describe()}\n")
    sys.stdout.write(f"wrote {record_file.relative_to(root)} ({len(found.drafts)} draft claims, "
                     f"{len(found.unknown)} unregistered names) and "
                     f"{text_file.relative_to(root)}\nnext: review the drafts, then run "
                     "'python -m checks check'\n")
    return EXIT_OK


def _write(path: Path, data: bytes, root: Path, *, force: bool) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.read_bytes() == data:
            atomic.target_inside(path, root)
            return
        atomic.write(path, data, root=root, create=not (force and path.exists()))
    except atomic.WriteRefused as exc:
        raise UsageError(f"{exc}" + ("" if force else "; use --force to replace it")) from exc
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", nargs="?", help="the article's text file, or '-' for stdin")
    p.add_argument("--url", help="the article's URL")
    p.add_argument("--outlet", help="the outlet: a registered entity id or name")
    p.add_argument("--headline", help="the headline as published")
    p.add_argument("--published", help="publication date YYYY-MM-DD")
    p.add_argument("--id", help="source id (default: OUTLET-DATE-HEADLINE-WORDS)")
    p.add_argument("--language", default="en", help="BCP 47 language tag (default: en)")
    p.add_argument("--force", action="store_true", help="replace an existing record and text")
    p.add_argument("--root", default=".", help="repository root (default: current folder)")


COMMAND = ("new", "scaffold a fact record with draft claims from an article's text", handle,
           configure)
