"""Red team: hostile files, paths, configuration and texts an unknown contributor's pull
request could bring (issue 7). Each attack ends as a located finding or a plain exit-2
message, within a bounded time, and never as a traceback or a hang."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks import extract as ex
from checks.config import Config
from checks.corpus import build
from checks.engine import select
from checks.findings import Finding
from checks.fmt import _AMBIGUOUS
from checks.load import MAX_HITS_PER_CODE, Document, load_file, parse_text
from checks.pipeline import execute
from tests.timing import cpu_now

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "FACT_CHECKS_CACHE": "off"}


def cli(root: Path, *args: str, stdin: bytes | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child, so a hang fails the test instead of the suite."""
    done = subprocess.run([sys.executable, "-m", "checks", *args], cwd=root, env=ENV,
                          capture_output=True, timeout=timeout, input=stdin)
    out = subprocess.CompletedProcess(done.args, done.returncode,
                                      done.stdout.decode("utf-8", "replace"),
                                      done.stderr.decode("utf-8", "replace"))
    assert "Traceback" not in out.stderr, out.stderr
    return out


def stage_findings(root: Path) -> list[Finding]:
    config = Config()
    return execute([root / "facts"], root, config,
                   select(config, only=["load", "schema", "integrity"])).findings


def by_path(found: list[Finding], path: str) -> list[Finding]:
    return [f for f in found if f.location.path == path]


# ------------------------------------------------------------------ paths


def test_a_fifo_named_yaml_is_refused_without_hanging(seed_repo: Path) -> None:
    os.mkfifo(seed_repo / "facts/pipe.yaml")
    done = cli(seed_repo, "check", "--root", ".", "--format", "json")
    report = json.loads(done.stdout)
    pipe = [f for f in report["findings"] if f["location"]["path"] == "facts/pipe.yaml"]
    assert [f["rule"] for f in pipe] == ["L006"] and "not a regular file" in pipe[0]["message"]
    assert report["summary"]["sources"] == 2  # the other files are still checked
    fmt = cli(seed_repo, "fmt", "--check", "--root", ".")
    assert fmt.returncode == 2 and "facts/pipe.yaml: not formatted" in fmt.stderr


def test_a_record_symlinked_outside_the_repository_is_not_read(
        seed_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.yaml"
    secret.write_text("source: {id: top-secret-value}\n", "utf-8")
    os.symlink(secret, seed_repo / "facts/link.yaml")
    found = stage_findings(seed_repo)
    link = by_path(found, "facts/link.yaml")
    assert [f.rule for f in link] == ["L006"] and "outside the repository" in link[0].message
    assert not any("top-secret-value" in f.message for f in found)


def test_a_symlink_inside_the_repository_is_read_and_shown_by_its_own_name(
        seed_repo: Path) -> None:
    os.symlink("nowhere.yaml", seed_repo / "facts/dangling.yaml")
    found = by_path(stage_findings(seed_repo), "facts/dangling.yaml")
    assert [f.rule for f in found] == ["L006"]


def test_a_folder_named_yaml_is_skipped_and_an_explicit_one_is_a_finding(
        seed_repo: Path) -> None:
    (seed_repo / "facts/folder.yaml").mkdir()
    assert not by_path(stage_findings(seed_repo), "facts/folder.yaml")
    doc = load_file(seed_repo / "facts/folder.yaml", "facts/folder.yaml")
    assert [h.code for h in doc.hits] == ["L006"]


def test_odd_file_names_are_checked_like_any_other(seed_repo: Path) -> None:
    odd = seed_repo / "facts" / "-- odd %s ::name é \u202e.yaml"
    odd.write_text("a: [1\n", "utf-8")
    found = by_path(stage_findings(seed_repo), "facts/" + odd.name)
    assert [f.rule for f in found] == ["L001"]


def test_a_path_too_long_for_the_system_is_a_plain_error(seed_repo: Path) -> None:
    for command in ("check", "fmt", "entities", "recall"):
        done = cli(seed_repo, command, "--root", ".", "a" * 5000)
        assert done.returncode == 2 and done.stderr.startswith("fact-checks: error:"), command


# ----------------------------------------------------------- configuration


@pytest.mark.parametrize(("toml", "said"), [
    (b"\xff\xfe not text", "cannot read configuration"),
    (b"tool = 5\n", "'tool' must be a table"),
    (b'[tool.fact-checks]\npaths = ["../.."]\n', "outside the repository"),
    (b'[tool.fact-checks]\nreviews = "/etc/passwd"\n', "outside the repository"),
    (b'[tool.fact-checks]\npaths = ["' + b"a" * 100_000 + b'"]\n', "not a usable path"),
    (b'[tool.fact-checks]\noptions = {V901 = {min_words = nan}}\n', "expected a whole number, got nan"),
    (b'[tool.fact-checks]\noptions = {V901 = {min_words = -5}}\n', "expected a whole number "
                                                                 "from 1 to 100"),
    (b"a = " + b"[" * 3000 + b"]" * 3000 + b"\n", "nested too deeply"),
    (b"# " + b"x" * (2 * 1024 * 1024) + b"\n", "larger than"),
])
def test_hostile_configuration_is_a_plain_exit_2(seed_repo: Path, toml: bytes,
                                                 said: str) -> None:
    (seed_repo / "pyproject.toml").write_bytes(toml)
    done = cli(seed_repo, "check", "--root", ".")
    assert done.returncode == 2 and said in done.stderr, done.stderr
    assert len(done.stderr) < 1000


@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
def test_a_configuration_that_is_not_a_file_is_a_plain_exit_2(seed_repo: Path,
                                                               special: str) -> None:
    """--config naming a device, a FIFO (which would block) or a folder: no hang, no
    traceback."""
    path = Path(special) if special.startswith("/") else seed_repo / special
    if special == "fifo":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
    done = cli(seed_repo, "check", "--root", ".", "--config", str(path))
    assert done.returncode == 2 and "cannot read configuration" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr) < 1000


# -------------------------------------------------------------- characters


def parse(text: str) -> Document:
    doc = Document(path="f.yaml", file=Path("f.yaml"))
    parse_text(doc, text)
    return doc


@pytest.mark.parametrize(("text", "line", "column"), [
    ('a: 1\nb: "x\\ud800y"\n', 2, 4), ('"k\\udfff": 1\n', 1, 1),
])
def test_a_lone_surrogate_escape_is_a_located_finding(text: str, line: int,
                                                      column: int) -> None:
    hit = parse(text).hits[0]
    assert (hit.code, hit.location.line, hit.location.column) == ("L006", line, column)
    assert "surrogate" in hit.message


def test_astral_escapes_and_characters_are_fine() -> None:
    doc = parse('a: "\\U0001F600 \\u00e9 \U0001f600 \u05d0\u05d1"\n')
    assert not doc.hits and doc.data == {"a": "\U0001f600 é \U0001f600 \u05d0\u05d1"}


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_read_the_same_on_both_loaders(tmp_path: Path,
                                                               sep: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(f"a: 1{sep}b: 2\n", "utf-8")
    fast, standard = (load_file(path, "f.yaml", fast=f) for f in (True, False))
    assert (fast.data, [h.code for h in fast.hits]) == (
        standard.data, [h.code for h in standard.hits])


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_positions_with_crlf_and_cr_line_endings(seed_repo: Path, newline: str) -> None:
    record = seed_repo / "facts/rbt-2021-04-12-putin-wont-talk.yaml"
    text = record.read_text("utf-8").replace("part: headline", "part: headlinex", 1)
    line = text[: text.index("headlinex")].count("\n") + 1
    record.write_bytes(text.replace("\n", newline).encode("utf-8"))
    found = [f for f in by_path(stage_findings(seed_repo), record.relative_to(seed_repo)
                                .as_posix()) if f.rule == "S001"]
    assert [(f.location.line, f.location.column) for f in found] == [(line, 11)]


# ------------------------------------------------------- findings per file


def _duplicates(count: int) -> str:
    return "source:\n  id: s\n" + "  id: s\n" * count


@pytest.mark.parametrize("extra", [0, 1, 57])
def test_findings_of_one_code_past_the_cap_are_counted_in_one(extra: int) -> None:
    doc = parse(_duplicates(MAX_HITS_PER_CODE + extra))
    reported = [h for h in doc.hits if h.code == "L002"]
    assert len(reported) == MAX_HITS_PER_CODE + (1 if extra else 0)
    assert all("duplicate key" in h.message for h in reported[:MAX_HITS_PER_CODE])
    if extra:
        summary = reported[-1]
        # at the first duplicate not reported: the key on line 2 + cap + 1
        assert (summary.location.line, summary.location.column) == (MAX_HITS_PER_CODE + 3, 3)
        assert summary.message.startswith(f"{extra} more L002 finding")
        assert summary.values == {"reported": MAX_HITS_PER_CODE, "not_reported": extra}
        assert summary.fix


def test_the_cap_counts_each_code_apart(seed_repo: Path) -> None:
    """A file over the cap for one code still reports the first findings of another."""
    text = "source:\n  id: s\n" + "  id: s\n" * 150 + "claims:\n" + "".join(
        f"  - id: c{i}\n    evidence: x\n    by: {{speaker: mendel, mode: paraphrase}}\n"
        "    says:\n" for i in range(120))
    (seed_repo / "facts/many.yaml").write_text(text, "utf-8")
    found = by_path(stage_findings(seed_repo), "facts/many.yaml")
    codes = [f.rule for f in found]
    assert codes.count("L002") == codes.count("S001") == MAX_HITS_PER_CODE + 1
    schema = [f for f in found if f.rule == "S001" and f.values]
    # the claims in the order of the file: claims[100] is the first one not reported
    assert [f.location.pointer.split("/")[2] for f in schema] == ["100"]


def test_a_megabyte_of_duplicate_keys_makes_a_small_report(seed_repo: Path) -> None:
    """Red team: 1.4 MB of duplicate keys made 99,999 L002 findings and a 102 MB SARIF."""
    (seed_repo / "facts/dup.yaml").write_text(_duplicates(30_000), "utf-8")
    out = seed_repo / "report.sarif"
    done = cli(seed_repo, "check", "--root", ".", "--format", "sarif", "--output", str(out))
    assert done.returncode == 1
    results = json.loads(out.read_text("utf-8"))["runs"][0]["results"]
    mine = [r for r in results if "dup.yaml" in json.dumps(r["locations"])]
    assert [r["ruleId"] for r in mine].count("L002") == MAX_HITS_PER_CODE + 1
    assert out.stat().st_size < 2_000_000


# ------------------------------------------------- regular-expression denial of service


def timed(fn: object, *args: object) -> float:
    start = cpu_now()
    fn(*args)  # type: ignore[operator]
    return cpu_now() - start


@pytest.mark.parametrize("value", ["1" * 100_000 + "x", "1_" * 50_000 + "x",
                                   "1:" * 50_000 + "x", "-" + "1" * 100_000 + "e"])
def test_fmt_quoting_decision_is_linear(value: str) -> None:
    assert timed(_AMBIGUOUS.match, value) < 0.5


def test_fmt_quoting_still_knows_numbers() -> None:
    for word in ("12", "1_000", "1.5", ".5", "1e3", "-1.5e-3", "0x1F", "1:30", "2021-04-12"):
        assert _AMBIGUOUS.match(word), word
    for word in ("1.", "1..2", "12a", "a12", "1-2"):
        assert not _AMBIGUOUS.match(word), word


HOSTILE_ARTICLES = {
    "had-had": "Putin " + "had " * 60 + "x said the war is over.",
    "us-us": "U.S. " * 4000 + "said.",
    "commas": "Putin, " * 10_000 + "said it.",
    "same-sentence": "Putin said 40,000 troops. " * 3000,
    "long-word": "its " + "a" * 50_000 + "'s adviser said it.",
    "huge-number": "1" * 50_000 + " troops",
    "including": "X, including " + "a, " * 10_000 + "and b, said it.",
}


@pytest.fixture(scope="module")
def seed_corpus() -> object:
    return build([REPO / "facts"], REPO)


@pytest.mark.parametrize("name", sorted(HOSTILE_ARTICLES))
def test_draft_extraction_is_bounded_on_hostile_articles(seed_corpus: object,
                                                         name: str) -> None:
    import datetime as dt

    corpus = seed_corpus
    article = ex.Article(text=HOSTILE_ARTICLES[name], published=dt.date(2021, 4, 12),
                         outlet="reuters", headline="H")
    elapsed = timed(ex.extract, article, corpus.entities, corpus.predicates)  # type: ignore[attr-defined]
    assert elapsed < 5, f"{name}: {elapsed:.1f} s"


def test_new_refuses_an_article_over_the_archive_limit(seed_repo: Path) -> None:
    big = seed_repo / "big.txt"
    big.write_bytes(b"a" * (6 * 1024 * 1024))
    done = cli(seed_repo, "new", "--root", ".", "--url", "https://example.org/a", "--outlet",
               "reuters", "--headline", "H", "--published", "2021-04-12", "--id", "big", "big.txt")
    assert done.returncode == 2 and "over" in done.stderr
    assert not (seed_repo / "facts/big.yaml").exists()


# ------------------------------------------------------------------- diff


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_reports_a_committed_symlink_out_of_the_repository(seed_repo: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(seed_repo), *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    os.symlink("/etc/hostname", seed_repo / "facts/evil.yaml")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "evil")
    done = cli(seed_repo, "diff", "--root", ".", "HEAD~1", "HEAD", "--format", "json")
    assert done.returncode == 1, done.stderr
    assert "facts/evil.yaml" in done.stdout and "L006" in done.stdout


# ------------------------------------------------------------- big valid records


def big_record(root: Path, claims: list[str], text: str) -> None:
    """A valid record over ``text`` whose claims quote the given excerpts."""
    import hashlib

    (root / "facts/texts/big.txt").write_text(text, "utf-8")
    body = "".join(
        f"  - id: c{i}\n    evidence: {json.dumps(e)}\n"
        "    by: {speaker: mendel, as: Mendel, mode: paraphrase}\n"
        "    says: {subject: russia, predicate: mass-troops, object: ukraine}\n"
        for i, e in enumerate(claims))
    (root / "facts/big.yaml").write_text(
        "source:\n  id: big\n  outlet: reuters\n  url: https://example.org/big\n"
        "  headline: Big\n  published: {date: '2021-04-12', known: stated}\n"
        f"  text: {{path: texts/big.txt, sha256: {hashlib.sha256(text.encode()).hexdigest()}}}\n"
        "claims:\n" + body, "utf-8")


def test_thousands_of_excerpts_missing_from_a_long_article_stay_fast(seed_repo: Path) -> None:
    text = "Kyiv and Moscow have traded blame. " * 30_000  # about 1 MB
    big_record(seed_repo, [f"words {i} not in the article" for i in range(2000)], text)
    config = Config()
    start = cpu_now()
    found = execute([seed_repo / "facts"], seed_repo, config,
                    select(config, only=["integrity"])).findings
    assert cpu_now() - start < 10  # was 70 s: the article was normalised per excerpt
    missing = [f for f in by_path(found, "facts/big.yaml") if f.rule == "I004"]
    assert len(missing) == MAX_HITS_PER_CODE + 1  # the rest are counted: 2,000 in all
    assert sum("not reported" not in f.message for f in missing) == MAX_HITS_PER_CODE
    assert [f.values["not_reported"] for f in missing if f.values] == [1900]


def test_uncovered_sentences_of_a_long_article_are_found_in_linear_time(
        seed_repo: Path) -> None:
    text = "".join(f"Sentence number {i} says something new.\n" for i in range(20_000))
    big_record(seed_repo, ["Sentence number 0 says something new."], text)
    config = Config()
    start = cpu_now()
    found = execute([seed_repo / "facts"], seed_repo, config,
                    select(config, only=["V901"])).findings
    uncovered = by_path(found, "facts/big.yaml")  # 100 listed, the rest counted in one
    assert len(uncovered) == 101
    assert [f.values["more"] for f in uncovered if "more" in f.values] == [19_899]
    assert cpu_now() - start < 3


def test_the_html_report_stays_small_for_a_claim_with_thousands_of_excerpts(
        seed_repo: Path) -> None:
    from checks.htmlreport import MAX_EXCERPTS, render

    text = "Kyiv and Moscow have traded blame. " * 3000
    big_record(seed_repo, [], text)
    record = seed_repo / "facts/big.yaml"
    excerpts = json.dumps([f"words {i} not in the article" for i in range(1000)])
    record.write_text(record.read_text("utf-8") +
                      f"  - id: many\n    evidence: {excerpts}\n"
                      "    says: {subject: russia, predicate: mass-troops, object: ukraine}\n",
                      "utf-8")
    config = Config()
    result = execute([seed_repo / "facts"], seed_repo, config, select(config))
    start = cpu_now()
    page = render(result)
    assert cpu_now() - start < 10  # was minutes and half a gigabyte
    assert len(page) < 20_000_000
    assert "more excerpts: the JSON report lists every one" in page
    assert page.count("words 999 not in the article") <= 1 + MAX_EXCERPTS  # not in every card
