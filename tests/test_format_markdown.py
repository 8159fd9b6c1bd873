"""Markdown: rendered by cmark-gfm (GitHub's Markdown engine) with raw HTML
allowed, record text produces no link, image, HTML, mention, table break or
extra list item; the summary stays under GitHub's size limit."""

from __future__ import annotations

import dataclasses
import html
import re

from checks.pipeline import RunResult
from checks.reporters import REPORTERS
from checks.reporters.markdown import LIMIT, MARKER, ZWSP

from .consumers.support import HOSTILE, hostile_findings, require, seed_result


def to_html(markdown: str) -> str:
    try:
        import cmarkgfm
        from cmarkgfm.cmark import Options
    except ImportError:
        cmarkgfm = None
    require(cmarkgfm, "cmarkgfm", "pip install cmarkgfm")
    # Unsafe: raw HTML passes through, so any HTML we failed to escape shows.
    rendered: str = cmarkgfm.github_flavored_markdown_to_html(markdown,
                                                              options=Options.CMARK_OPT_UNSAFE)
    return rendered


def text_of(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", rendered))


def hostile(n: int = len(HOSTILE), length: int = 0, **extra: object) -> RunResult:
    seed = seed_result()
    return dataclasses.replace(seed, findings=hostile_findings(n, length), extra=dict(extra))


def render(result: RunResult) -> str:
    return REPORTERS["markdown"].render(result)


def test_seed_summary_starts_with_the_counts() -> None:
    result = seed_result()
    rendered = to_html(render(result))
    by = {s: sum(1 for f in result.findings if f.severity.value == s)
          for s in ("error", "warning", "info")}
    row = re.findall(r"<td[^>]*>(.*?)</td>", rendered)[:3]
    assert row == [str(by["error"]), str(by["warning"]), str(by["info"])]
    assert rendered.index("<table>") < rendered.index("<li>")


def test_both_sides_evidence_words_are_shown() -> None:
    result = seed_result()
    shown = text_of(to_html(render(result))).replace(ZWSP, "")
    for f in result.findings:
        for claim in f.claims:
            assert f"{claim.source}#{claim.claim}" in shown
            for words in claim.evidence:
                assert " ".join(words.split())[:60] in " ".join(shown.split())


def test_record_text_injects_nothing() -> None:
    result = hostile()
    rendered = to_html(render(result))
    assert "<a " not in rendered and "<img" not in rendered
    assert "<script" not in rendered and "<b>" not in rendered
    assert rendered.count("<!--") == 1  # only our own marker
    assert rendered.count("<table>") == 1 and rendered.count("<tr>") == 2
    assert "<h1" not in rendered and "<blockquote" not in rendered and "<em>" not in rendered
    assert "<del>" not in rendered and "<strong>" in rendered
    # code spans hold our fingerprints and plain ids only, never hostile record text
    assert all(re.fullmatch(r"[A-Za-z0-9._#/:-]+", c)
               for c in re.findall(r"<code>(.*?)</code>", rendered))
    items = rendered.count("<li>")
    assert items == sum(2 + len(f.claims) + bool(f.fix) for f in result.findings)


def test_mentions_and_references_are_broken() -> None:
    visible = text_of(to_html(render(hostile())))
    # What GitHub's mention and issue-reference filters look for in rendered text.
    assert not re.search(r"(?:^|\W)@[A-Za-z0-9]", visible)
    assert not re.search(r"#\d", visible)
    assert "octocat" in visible and "evil.example" in visible


def test_markdown_source_has_no_unescaped_math_or_pipes() -> None:
    source = render(hostile())
    body = source.split("\n### ", 1)[1]
    assert not re.search(r"(?<!\\)[$|]", body)
    assert "\n| " not in body


def test_new_findings_come_first() -> None:
    seed = seed_result()
    last = seed.findings[-1]
    result = seed_result(new=[last.fingerprint])
    source = render(result)
    assert "### New findings (1)" in source and "### Known findings" in source
    new_part = source.split("### New findings (1)")[1].split("### Known findings")[0]
    assert last.rule in new_part and new_part.count("\n- ") == 1


def test_reviewed_findings_have_their_own_section() -> None:
    seed = seed_result()
    target = seed.findings[0]
    result = seed_result(reviewed={target.fingerprint: {"verdict": "accurate",
                                                        "reason": "@someone checked <b>it</b>"}})
    source = render(result)
    reviewed = source.split("### Reviewed findings (1)")[1]
    assert "reviewed: accurate" in reviewed
    visible = text_of(to_html(source))
    assert not re.search(r"(?:^|\W)@[A-Za-z0-9]", visible)
    assert f"### Findings ({len(seed.findings) - 1})" in source


def test_stays_under_the_size_limit_with_a_note() -> None:
    result = hostile(400, length=5000)
    source = render(result)
    assert len(source.encode()) <= LIMIT
    assert source.startswith(MARKER)
    assert re.search(r"_\d+ more findings not shown", source)
    small = render(hostile(50, length=2000, markdown_limit=20_000))
    assert len(small.encode()) <= 20_000 and "more findings not shown" in small
    to_html(small)


def test_fingerprints_claim_ids_and_places_copy_as_they_are() -> None:
    """A reviewer writes the fingerprint and the claims (``source#claim``) into
    facts/reviews.yaml from the comment. The fingerprint was not shown, the claims' file
    and line were not either, and each claim id held a zero-width space after '#'."""
    result = seed_result()
    rendered = to_html(render(result))
    codes = set(re.findall(r"<code>(.*?)</code>", rendered))
    for f in result.findings:
        assert f.fingerprint in codes
        assert f"{f.location.path}:{f.location.line}:{f.location.column}" in codes
        for c in f.claims:
            assert f"{c.source}#{c.claim}" in codes and f"{c.path}:{c.line}:{c.column}" in codes
    visible = text_of(rendered)
    assert re.search(r"[a-z]#[a-z]", visible) and not re.search(r"#\u200b[a-z]", visible)
