"""The HTML discrepancy report: content, escaping, CSP, and the page in a real browser.

Browser tests run headless Chromium (Debian's /usr/bin/chromium) through
Playwright for Python, and axe-core from tests/consumers/html/node_modules.
Outside CI they skip when a tool is missing; with CI=true they fail.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from checks import cli
from checks.config import Config
from checks.engine import select
from checks.htmlreport import asset, csp_hash, in_context, matrix, render, safe_url, shared_keys
from checks.pipeline import RunResult, execute

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("FACT_CHECKS_CHROMIUM", "/usr/bin/chromium"))
AXE = REPO / "tests" / "consumers" / "html" / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Planted in every kind of record text: each would set window.__pwned or the title if it ran.
SCRIPT = "<script>window.__pwned = 'script'; document.title = 'pwned'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
STYLE_BREAK = "</style><script>window.__pwned = 'style'</script>"
ATTR_BREAK = "\" onmouseover=\"window.__pwned = 'attr'\" x=\""
BAD_URL = "javascript:window.__pwned='link'"


def need(ok: bool, what: str) -> None:
    """Skip outside CI when a tool is missing; fail in CI."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI")
    pytest.skip(f"{what} is not installed")


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2",
                "h3", "h4", "h5", "p", "nav", "ul", "li", "main", "section", "dl", "div", "dt",
                "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "form",
                "fieldset", "legend", "label", "input", "button", "article", "span", "strong",
                "blockquote", "mark", "footer", "script", "details", "summary"}


class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


# ----------------------------------------------------------------- corpora


def write_corpus(root: Path, texts: dict[str, str], records: dict[str, str],
                 entities: str, vocabulary: str) -> Path:
    """A repository with facts/: texts pinned by their real sha256."""
    facts = root / "facts"
    (facts / "texts").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.fact-checks]\npaths = ["facts"]\n')
    (facts / "entities.yaml").write_text(entities, encoding="utf-8")
    (facts / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    for name, text in texts.items():
        raw = text.encode("utf-8")
        (facts / "texts" / f"{name}.txt").write_bytes(raw)
        body = records[name].replace("SHA", hashlib.sha256(raw).hexdigest())
        (facts / f"{name}.yaml").write_text(body, encoding="utf-8")
    return facts


def yq(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


ENTITIES = f"""entities:
  - {{id: north, name: {yq("Northland " + SCRIPT)}, kind: place}}
  - {{id: south, name: {yq("Southland " + IMG)}, kind: place}}
  - {{id: daily, name: {yq("The Daily " + STYLE_BREAK)}, kind: outlet}}
  - {{id: herald, name: {yq("The Herald " + ATTR_BREAK)}, kind: outlet}}
  - {{id: gazette, name: The Gazette, kind: outlet}}
  - {{id: minister, name: {yq("Minister " + IMG)}, kind: person}}
"""
VOCABULARY = f"""predicates:
  - {{id: request-talks, label: {yq("requested talks " + SCRIPT + " with")}, kind: event}}
"""


def hostile_record(sid: str, outlet: str, stance: str, sentence: str,
                   subject: str = "north", obj: str = "south") -> str:
    return f"""source:
  id: {sid}
  outlet: {outlet}
  url: {yq("https://example.org/" + sid + '"><script>window.__pwned=1</script>')}
  headline: {yq("Talks " + SCRIPT + " " + ATTR_BREAK)}
  published: {{date: "2021-04-12"}}
  text: {{path: texts/{sid}.txt, sha256: SHA}}
claims:
  - id: c1
    evidence: {yq(sentence)}
    by: {{speaker: minister, as: {yq("the minister " + IMG)}, mode: paraphrase}}
    says: {{subject: {subject}, predicate: request-talks, object: {obj}, stance: {stance}}}
    note: {yq("curator " + STYLE_BREAK + " " + IMG)}
"""


def hostile_texts() -> tuple[dict[str, str], dict[str, str]]:
    sentences = {
        "a-daily": ("daily", "asserts", f"The minister said {SCRIPT} a request was made."),
        "b-herald": ("herald", "denies", f"Northland denied it {IMG} {STYLE_BREAK} today."),
        "c-gazette": ("gazette", "asserts", f"Officials confirmed {ATTR_BREAK} the request."),
    }
    texts, records = {}, {}
    for sid, (outlet, stance, sentence) in sentences.items():
        texts[sid] = f"Preface line.\n\nBefore it. {sentence} After it.\n"
        records[sid] = hostile_record(sid, outlet, stance, sentence)
    # A fourth source says nothing on that proposition, only on the reverse one.
    texts["d-gazette"] = "Southland asked Northland for talks.\n"
    records["d-gazette"] = hostile_record("d-gazette", "gazette", "asserts",
                                          "Southland asked Northland for talks.", "south", "north")
    return texts, records


def run_on(root: Path) -> RunResult:
    config = Config()
    result = execute([root / "facts"], root, config, select(config), rules=True)
    return result


@pytest.fixture
def hostile(tmp_path: Path) -> RunResult:
    texts, records = hostile_texts()
    write_corpus(tmp_path, texts, records, ENTITIES, VOCABULARY)
    result = run_on(tmp_path)
    # The planted text must pass validation, or the test would prove nothing.
    assert not [f.message for f in result.findings if f.category in ("load", "schema")
                or f.rule in ("I001", "I002", "I004", "I005", "I006")]
    # The schema refuses a javascript: URL, so plant one past validation to
    # test the renderer's own guard.
    first = result.corpus.records[0]
    source = first.record.source.model_copy(update={"url": BAD_URL})
    first.record = first.record.model_copy(update={"source": source})
    return result


@pytest.fixture(scope="module")
def seed_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(REPO / "facts", root / "facts")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.fixture(scope="module")
def seed_report(seed_root: Path) -> Path:
    out = seed_root / "out"
    code = cli.main(["report", "--root", str(seed_root), "--output", str(out)])
    assert code in (cli.EXIT_OK, cli.EXIT_FINDINGS)
    return out / "index.html"


# ------------------------------------------------------- without a browser


def test_record_text_is_escaped_everywhere(hostile: RunResult) -> None:
    page = render(hostile)
    assert page.count("<script") == 1 and page.count("</script>") == 1
    assert page.count("<style") == 1 and page.count("</style>") == 1
    assert "<img" not in page and "onmouseover=\"" not in page
    assert 'href="javascript' not in page.lower()
    # The planted text is there, as text.
    assert "&lt;script&gt;window.__pwned = &#x27;script&#x27;" in page
    assert "onerror=&quot;window.__pwned = &#x27;img&#x27;&quot;" in page
    assert "&lt;/style&gt;&lt;script&gt;" in page


def test_a_claim_shows_whom_the_words_were_said_to(seed_root: Path) -> None:
    """by.to is shown beside via: the Reuters-based record's Mendel quotes were told to
    Reuters, which U301 reads to tell two interviews apart."""
    page = render(run_on(seed_root))
    assert "<dt>To</dt><dd>Reuters</dd>" in page


def test_only_http_urls_become_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in (BAD_URL, "JavaScript:alert(1)", " javascript:x", "data:text/html,x",
                "vbscript:x", "//example.org", "/relative", "https://", "https://a b",
                "https://example.org/\u0000", "java\nscript:x"):
        assert safe_url(bad) is None, bad


def test_csp_allows_only_the_page_own_style_and_script(hostile: RunResult) -> None:
    page = render(hostile)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    content = html.unescape(policy.group(1))
    rules = dict(p.strip().split(" ", 1) for p in content.split(";"))
    assert rules["default-src"] == "'none'" and rules["img-src"] == "data:"
    assert rules["script-src"] == csp_hash(asset("report.js"))
    assert rules["style-src"] == csp_hash(asset("report.css"))
    assert f"<script>{asset('report.js')}</script>" in page
    assert f"<style>{asset('report.css')}</style>" in page
    tags = Tags()
    tags.feed(page)
    assert not [a for _, attrs in tags.seen for a, _ in attrs if a.startswith("on")]
    assert {t for t, _ in tags.seen} <= ALLOWED_TAGS
    hrefs = [dict(a).get("href") or "" for t, a in tags.seen if t == "a"]
    assert hrefs and all(h.startswith(("http:", "https:", "#")) for h in hrefs)


def test_evidence_is_marked_inside_its_sentences() -> None:
    text = "First sentence here. The minister said talks were requested, twice. Then more.\n"
    shown = in_context(text, "talks were requested")
    assert shown == "The minister said <mark>talks were requested</mark>, twice."
    missing = in_context(text, "<b>never said</b>")
    assert "<mark>&lt;b&gt;never said&lt;/b&gt;</mark>" in missing
    assert "not found verbatim" in missing


def test_matrix_states(hostile: RunResult) -> None:
    corpus = hostile.corpus
    rows = matrix(corpus, ("north", "request-talks", "south"))
    states = {r.record.record.source.id: r.state for r in rows}
    # Two sources hold it true, one false: the majority agrees, the other differs.
    assert states == {"a-daily": "agrees", "b-herald": "differs", "c-gazette": "agrees",
                      "d-gazette": "silent"}
    assert [len(r.claims) for r in rows] == [1, 1, 1, 0]
    # Only the first proposition is covered by two or more sources.
    assert shared_keys(corpus) == [("north", "request-talks", "south")]


def test_findings_are_grouped_by_event_with_registry_names(hostile: RunResult) -> None:
    page = render(hostile)
    assert any(f.rule == "C101" for f in hostile.findings)
    heading = re.search(r'<section class="event"><h3 id="e-[0-9a-f]+">([^<]+)</h3>', page)
    assert heading is not None
    assert heading.group(1).startswith("Northland &lt;script&gt;")
    assert "requested talks" in heading.group(1) and "Southland" in heading.group(1)


def test_reviewed_findings_show_verdict_and_reason(hostile: RunResult) -> None:
    finding = hostile.findings[0]
    hostile.extra["reviewed"] = {finding.fingerprint: {"verdict": "accepted <b>",
                                                       "reason": "both outlets " + SCRIPT}}
    page = render(hostile)
    shown = article(page, finding.fingerprint)
    assert 'data-status="reviewed"' in shown
    assert "<strong>accepted &lt;b&gt;</strong>" in shown
    assert "both outlets &lt;script&gt;" in shown
    assert page.count('data-status="new"') == len(hostile.findings) - 1


def test_reviews_file_through_the_command(hostile: RunResult, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    conflict = next(f for f in hostile.findings if f.rule == "C101")
    other = next(f for f in hostile.findings if f.rule != "C101")
    review = {"verdict": "expected-disagreement", "reviewer": "tester <i>",
              "date": "2021-04-20"}
    reviews = {"reviews": [
        {**review, "fingerprint": conflict.fingerprint, "reason": "both faithful " + SCRIPT},
        {**review, "fingerprint": other.fingerprint, "reason": "old", "expires": "2021-05-01"}]}
    (tmp_path / "facts" / "reviews.yaml").write_text(json.dumps(reviews), encoding="utf-8")
    monkeypatch.setenv("FACT_CHECKS_TODAY", "2021-06-01")
    args = ["--root", str(tmp_path)]
    code = cli.main(["report", *args, "--output", str(tmp_path / "out")])
    assert code == cli.main(["check", *args, "--output", str(tmp_path / "check.txt")])
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    reviewed = article(page, conflict.fingerprint)
    assert 'data-status="reviewed"' in reviewed
    assert "<strong>expected-disagreement</strong> — both faithful &lt;script&gt;" in reviewed
    assert "by tester &lt;i&gt;, 2021-04-20" in reviewed
    expired = article(page, other.fingerprint)
    assert 'data-status="new"' in expired and "Review expired on 2021-05-01" in expired


def article(page: str, fingerprint: str) -> str:
    found = re.search(rf'<article[^>]+id="f-{fingerprint}".*?</article>', page, re.S)
    assert found is not None, fingerprint
    return found.group(0)


def test_same_run_gives_same_bytes(hostile: RunResult) -> None:
    assert render(hostile) == render(hostile)


def test_report_command_exit_codes(seed_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    args = ["--root", str(seed_root)]
    code = cli.main(["report", *args, "--output", str(out)])
    assert code == cli.main(["check", *args, "--output", str(tmp_path / "check.txt")])
    assert (out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert cli.main(["report", *args, "--output", str(out), "--fail-on", "none"]) == cli.EXIT_OK
    assert cli.main(["report", *args, "--output", str(tmp_path / "check.txt")]) == cli.EXIT_ERROR
    missing = str(seed_root / "nowhere")
    assert cli.main(["report", missing, *args, "--output", str(out)]) == cli.EXIT_ERROR
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


# ------------------------------------------------------------ in a browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright (pip install playwright)")
    need(CHROMIUM.is_file(), f"chromium ({CHROMIUM}; apt-get install chromium)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser: Any, **options: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.errors = errors
    return opened


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = open_page(browser)
    yield opened
    opened.context.close()


@pytest.fixture
def axe_page(browser: Any) -> Iterator[Any]:
    """A page whose CSP lets the injected axe-core run (the report's own CSP would block it)."""
    opened = open_page(browser, bypass_csp=True)
    yield opened
    opened.context.close()


def artifacts() -> Path:
    folder = Path(os.environ.get("FACT_CHECKS_ARTIFACTS")
                  or Path(tempfile.gettempdir()) / "fact-checks-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def axe_serious(page: Any) -> list[str]:
    need(AXE.is_file(), f"axe-core ({AXE}; npm ci --prefix tests/consumers/html)")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document)")
    return [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_planted_text_never_executes(page: Any, axe_page: Any, hostile: RunResult,
                                     tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    target.write_text(render(hostile), encoding="utf-8")
    page.goto(target.as_uri())
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "Fact-checks discrepancy report"
    # Our own script did run (the CSP hash admits it): the filters are shown.
    assert page.locator("#filters").is_visible()
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(("http://", "https://", "file:")) for h in hrefs)
    assert not any(h.lower().startswith("javascript") for h in hrefs)
    assert page.get_by_text(SCRIPT, exact=False).first.is_visible()
    assert page.get_by_text(BAD_URL, exact=False).first.is_visible()
    # Hover everything shown (the closed contents list's links are the events' titles,
    # hovered in their headings): a planted onmouseover must not fire either.
    shown = ", ".join(f"main {tag}:visible" for tag in ("h3", "h4", "h5", "blockquote", "a"))
    for element in page.locator(shown).all()[:60]:
        element.hover(timeout=5000)
    assert page.evaluate("window.__pwned") is None and page.errors == []
    # The CSP itself refuses a script that is not the page's own.
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.__pwned = 'injected'")
    assert page.evaluate("window.__pwned") is None
    axe_page.goto(target.as_uri())
    assert axe_serious(axe_page) == []


def test_seed_report_is_accessible(axe_page: Any, seed_report: Path) -> None:
    page = axe_page
    page.goto(seed_report.as_uri())
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("main").count() == 1 and page.locator("h1").count() == 1
    page.screenshot(path=str(artifacts() / "html-report.png"))
    page.screenshot(path=str(artifacts() / "html-report-full.png"), full_page=True)
    assert axe_serious(page) == []
    assert page.errors == []


def test_filters_by_keyboard(page: Any, seed_report: Path) -> None:
    page.goto(seed_report.as_uri())
    findings = page.locator("article.finding")
    total = findings.count()
    need(total > 0, "a seed corpus with findings")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main" and skip.is_visible()
    focused = tab_to(page, "input[name='severity']")
    value = focused.get_attribute("value")
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    expected = page.locator(f"article.finding[data-severity='{value}']").count()
    page.keyboard.press("Space")
    assert not focused.is_checked()
    page.screenshot(path=str(artifacts() / "html-report-filtered.png"))
    assert page.locator("article.finding:visible").count() == total - expected
    assert page.locator(f"article.finding[data-severity='{value}']:visible").count() == 0
    assert page.locator("#shown").inner_text() == f"Showing {total - expected} of {total} findings."
    page.keyboard.press("Space")
    assert page.locator("article.finding:visible").count() == total


def test_source_and_status_filters(page: Any, hostile: RunResult, tmp_path: Path) -> None:
    finding = hostile.findings[0]
    hostile.extra["reviewed"] = {finding.fingerprint: {"verdict": "accepted", "reason": "ok"}}
    target = tmp_path / "index.html"
    target.write_text(render(hostile), encoding="utf-8")
    page.goto(target.as_uri())
    total = page.locator("article.finding").count()
    page.get_by_label("new", exact=True).uncheck()
    assert page.locator("article.finding:visible").count() == 1
    page.get_by_role("button", name="Show all findings").click()
    assert page.locator("article.finding:visible").count() == total
    for box in page.locator("input[name='source']").all():
        box.uncheck()
    assert page.locator("article.finding:visible").count() == 0
    assert page.locator("section.event:visible").count() == 0


def tab_to(page: Any, selector: str, limit: int = 80) -> Any:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return page.locator(":focus")
    pytest.fail(f"Tab never reached {selector}")


def _generated(root: Path, articles: int) -> RunResult:
    from benchmarks.generate import generate

    generate(root, articles, seed=9)
    config = Config()
    return execute([root / "facts"], root, config, select(config), cache=False)


def test_a_large_corpus_counts_its_silent_sources(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond MAX_SILENT_ROWS sources a matrix lists the sources that report the
    proposition and counts the others: the same states, without a row per source."""
    from checks import htmlreport

    result = _generated(tmp_path, htmlreport.MAX_SILENT_ROWS + 20)
    corpus = result.corpus
    keys = shared_keys(corpus)
    assert keys, "the generated corpus shares propositions between sources"
    order = [r.record.source.id for r in corpus.records]
    for key in keys[:20]:
        rows = matrix(corpus, key)
        covering = {c.source.id for c in corpus.by_key[key]}
        ids = [r.record.record.source.id for r in rows]
        assert set(ids) == covering and "silent" not in {r.state for r in rows}
        assert ids == sorted(ids, key=order.index)  # in corpus order, as the full table
        monkeypatch.setattr(htmlreport, "MAX_SILENT_ROWS", len(corpus.records))
        full = {r.record.record.source.id: r.state for r in matrix(corpus, key)}
        monkeypatch.undo()
        assert {i: full[i] for i in ids} == {r.record.record.source.id: r.state for r in rows}
        assert sum(state == "silent" for state in full.values()) == len(order) - len(ids)
    page = render(result)
    silent = len(order) - len({c.source.id for c in corpus.by_key[keys[0]]})
    assert f"<th scope=\"row\">{silent:,} other sources</th>" in page


def test_the_page_grows_with_the_corpus_not_its_square(tmp_path: Path) -> None:
    small = len(render(_generated(tmp_path / "small", 40)))
    large = len(render(_generated(tmp_path / "large", 160)))
    assert large < 6 * small, (small, large)  # 4x the articles; a row per source per key: 16x


def test_a_schema_error_names_its_field_and_each_finding_its_fingerprint(tmp_path: Path) -> None:
    """A reader editing a schema error (S001) sees the field's JSON pointer beside the
    file:line:col; each finding's fingerprint is labelled as the word reviews.yaml uses
    ('id' before); a claim card gives the claim's column as well as its line."""
    shutil.copytree(REPO / "facts", tmp_path / "facts")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    broken = tmp_path / "facts" / "zz-broken.yaml"
    text = (REPO / "facts" / "rferl-2021-04-12-dialogue.yaml").read_text(encoding="utf-8")
    text = text.replace("id: rferl-2021-04-12-dialogue", "id: zz-broken", 1)
    broken.write_text(text.replace("stance: asserts", "stance: maybe-yes", 1), encoding="utf-8")
    result = run_on(tmp_path)
    page = render(result)
    schema = [f for f in result.findings if f.rule == "S001"]
    assert schema and all(f.location.pointer for f in schema)
    for f in schema:
        assert f'(field <span class="code">{html.escape(f.location.pointer)}</span>)' in page
    for f in result.findings:
        assert f'fingerprint <span class="code">{f.fingerprint}</span>' in page
    for f in result.findings:
        for c in f.claims:
            assert f"{c.source}#{c.claim} · {c.path}:{c.line}:{c.column}" in page


def test_findings_filter_by_rule(page: Any, seed_report: Path) -> None:
    """Many findings of one rule (A404's second-hand words) hid the few of another: the
    filters offered severity and category (A401-A405 are one category), not the rule."""
    page.goto(seed_report.as_uri())
    findings = page.locator("article.finding")
    total = findings.count()
    codes = sorted(set(page.eval_on_selector_all(
        "article.finding", "xs => xs.map(x => x.dataset.rule)")))
    need(len(codes) > 1, "a seed corpus with findings of two rules")
    boxes = page.locator("input[name='rule']")
    assert sorted(boxes.evaluate_all("xs => xs.map(x => x.value)")) == codes
    code = codes[0]
    own = page.locator(f"article.finding[data-rule='{code}']").count()
    label = page.locator(f"input[name='rule'][value='{code}']").locator("xpath=..").inner_text()
    assert label.strip().startswith(code) and label.strip().endswith(f"({own})")
    page.locator(f"input[name='rule'][value='{code}']").uncheck()
    assert page.locator("article.finding:visible").count() == total - own
    assert page.locator(f"article.finding[data-rule='{code}']:visible").count() == 0
    page.get_by_role("button", name="Show all findings").click()
    assert page.locator("article.finding:visible").count() == total


def test_each_event_is_linked_from_a_contents_list(tmp_path: Path) -> None:
    """With many findings a reader looks for one event: each event's heading is linked
    from a list with its findings' counts by severity, readable without the script."""
    shutil.copytree(REPO / "facts", tmp_path / "facts")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    page = render(run_on(tmp_path))
    contents = page.split('<details class="contents">', 1)[1].split("</details>", 1)[0]
    anchors = re.findall(r'<section class="event"><h3 id="(e-[0-9a-f]+)">', page)
    assert len(anchors) > 1
    assert re.findall(r'<a href="#(e-[0-9a-f]+)">', contents) == anchors
    assert f"Findings by event ({len(anchors)})" in contents
    assert re.search(r"\(\d+ (error|warning|info)", contents)


def test_the_claim_a_finding_is_located_at_is_marked(seed_root: Path) -> None:
    """A finding of several claims is located at one ("Edit at"); its card says so, and
    no other card does."""
    result = run_on(seed_root)
    page = render(result)
    marker = "The finding is located at this claim."
    several = [f for f in result.findings if len(f.claims) > 1
               and f.focus in {c.id for c in f.claims}]
    assert several
    for f in (f for f in result.findings if f.claims):  # else the card is its own claim's
        article = page.split(f'id="f-{f.fingerprint}"', 1)[1].split("</article>", 1)[0]
        cards = article.split('<div class="claim">')[1:]
        marked = [card for card in cards if marker in card]
        if f.focus in {c.id for c in f.claims}:
            assert len(marked) == 1 and f"{f.focus} · " in marked[0]
        else:
            assert not marked
