"""`python -m checks new`, `recall` and their safety rules, on temporary repositories."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
SEEDS = {
    "rbt-2021-04-12-putin-wont-talk": ("russiabusinesstoday", "https://russiabusinesstoday.com/a"),
    "rferl-2021-04-12-dialogue": ("rferl", "https://www.rferl.org/a/1.html"),
}


def run(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checks", *args, "--root", str(root)],
                          input=stdin, capture_output=True, text=True, cwd=root, check=False)


@pytest.fixture
def repo(seed_repo: Path) -> Path:
    shutil.copytree(REPO / "schemas", seed_repo / "schemas")
    return seed_repo


def _new(root: Path, text: Path, sid: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run(root, "new", str(text), "--url", "https://example.com/x", "--outlet", "reuters",
               "--headline", "A headline", "--published", "2021-04-12", "--id", sid, *extra)


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_scaffold_of_each_seed_text_validates(repo: Path, source: str) -> None:
    outlet, url = SEEDS[source]
    text = repo / "facts" / "texts" / f"{source}.txt"
    curated = YAML(typ="safe").load((repo / "facts" / f"{source}.yaml").read_text("utf-8"))
    headline = curated["source"]["headline"]
    proc = run(repo, "new", str(text), "--url", url, "--outlet", outlet, "--headline", headline,
               "--published", "2021-04-12", "--id", f"draft-{source}")
    assert proc.returncode == 0, proc.stderr
    record = repo / "facts" / f"draft-{source}.yaml"
    body = record.read_text("utf-8")
    assert body.startswith("# yaml-language-server: $schema=../schemas/record.schema.json\n")
    assert (repo / "facts" / "texts" / f"draft-{source}.txt").read_bytes() == text.read_bytes()
    data = YAML(typ="safe").load(body)
    assert data["claims"] and all(c["draft"] is True for c in data["claims"])
    # passes at the default level; the drafts (warnings) fail it at --fail-on warning
    out = json.loads(run(repo, "validate", "--format", "json").stdout)
    assert out["summary"]["findings"]["error"] == 0, out["findings"]
    mine = [f for f in out["findings"] if f["location"]["path"] == f"facts/{record.name}"]
    assert {f["rule"] for f in mine} == {"I010"} and len(mine) == len(data["claims"])
    assert run(repo, "validate").returncode == 0
    assert run(repo, "validate", "--fail-on", "warning").returncode == 1
    assert run(repo, "fmt", "--check", str(record)).returncode == 0


def test_recall_on_the_seed_articles_is_at_least_90_percent(repo: Path) -> None:
    proc = run(repo, "recall", "--format", "json")
    assert proc.returncode == 0, proc.stdout
    data = json.loads(proc.stdout)
    assert len(data["articles"]) == 2
    for row in data["articles"]:
        assert row["quotes"] >= 9 and row["figures"] >= 2
        assert row["quote_recall"] >= 0.9 and row["figure_recall"] >= 0.9, row


def test_recall_fails_below_the_minimum(repo: Path) -> None:
    # One curated quote given to another speaker: the extractor's guess no longer matches
    # it, so the quote recall is 24/25, below a minimum of 1. (This used `--min 1.01`,
    # which no recall can meet: a usage error now, exit 2.)
    record = repo / "facts/rbt-2021-04-12-putin-wont-talk.yaml"
    text = record.read_text("utf-8")
    mendel = "by: {speaker: mendel, as: Mendel, role: spokeswoman, mode: direct-quote"
    assert mendel in text
    record.write_text(text.replace(mendel, mendel.replace("mendel,", "peskov,", 1), 1), "utf-8")
    assert run(repo, "recall", "--min", "1").returncode == 1
    assert run(repo, "recall", "--min", "0.9").returncode == 0
    assert run(repo, "recall", "--min", "1.01").returncode == 2


def test_recall_of_nothing_fails_and_says_so(repo: Path) -> None:
    """A folder with no curated quote or figure printed '0/0 (100%)' and exited 0: a gate
    on nothing measured passed."""
    (repo / "empty").mkdir()
    proc = run(repo, "recall", "empty")
    assert proc.returncode == 1 and "nothing was measured" in proc.stderr, proc.stderr


def test_text_from_stdin(repo: Path) -> None:
    text = "Headline\n\n“We will rebuild,” said Mendel. Officials said 40 homes burned.\n"
    proc = run(repo, "new", "-", "--url", "https://example.com/x", "--outlet", "Reuters",
               "--headline", "Headline", "--published", "2021-04-12", "--id", "from-stdin",
               stdin=text)
    assert proc.returncode == 0, proc.stderr
    assert (repo / "facts/texts/from-stdin.txt").read_text("utf-8") == text
    data = YAML(typ="safe").load((repo / "facts/from-stdin.yaml").read_text("utf-8"))
    assert data["source"]["outlet"] == "reuters"  # resolved from the registered name
    quote = next(c for c in data["claims"] if c["by"].get("mode") == "direct-quote")
    assert quote["by"]["speaker"] == "mendel"
    assert any(c.get("quantity", {}).get("value") == 40 for c in data["claims"])


def test_missing_options_without_a_terminal_is_a_usage_error(repo: Path) -> None:
    proc = run(repo, "new", "-", "--url", "https://example.com/x", stdin="text\n")
    assert proc.returncode == 2
    assert "--outlet" in proc.stderr and "--headline" in proc.stderr
    assert not list((repo / "facts").glob("reuters-*"))


def test_refuses_to_overwrite_without_force(repo: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Mendel said 20 soldiers were hurt.\n", "utf-8")
    assert _new(repo, article, "twice").returncode == 0
    record = repo / "facts" / "twice.yaml"
    record.write_text(record.read_text("utf-8") + "# my review notes\n", "utf-8")
    proc = _new(repo, article, "twice")
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert record.read_text("utf-8").endswith("# my review notes\n")
    assert _new(repo, article, "twice", "--force").returncode == 0
    assert "# my review notes" not in record.read_text("utf-8")


def test_never_writes_through_a_symlink_out_of_the_repository(
        repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    tmp_path = outside
    shutil.move(repo / "facts" / "texts", outside / "texts")
    (repo / "facts" / "texts").symlink_to(outside / "texts")
    article = tmp_path / "a.txt"
    article.write_text("Mendel said 20 soldiers were hurt.\n", "utf-8")
    proc = _new(repo, article, "escape")
    assert proc.returncode == 2 and "outside the repository" in proc.stderr
    assert not (outside / "texts" / "escape.txt").exists()
    assert not (repo / "facts" / "escape.yaml").exists()


def test_unregistered_outlet_and_bad_values(repo: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Some text.\n", "utf-8")
    proc = run(repo, "new", str(article), "--url", "https://example.com/x", "--outlet",
               "Daily Planet", "--headline", "H", "--published", "2021-04-12")
    assert proc.returncode == 2 and "{id: daily-planet, name: Daily Planet, kind: outlet}" \
        in proc.stderr
    proc = run(repo, "new", str(article), "--url", "ftp://x", "--outlet", "reuters",
               "--headline", "H", "--published", "2021-04-12")
    assert proc.returncode == 2 and "--url" in proc.stderr
    proc = run(repo, "new", str(article), "--url", "https://example.com/x", "--outlet",
               "reuters", "--headline", "H", "--published", "2021-02-30")
    assert proc.returncode == 2 and "--published" in proc.stderr


def test_unknown_names_are_warnings_never_ids(repo: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\n“The border is calm,” said Olena Bondarenko, a local "
                       "official. Yulia Mendell said 300 troops had left.\n", "utf-8")
    proc = _new(repo, article, "unknowns")
    assert proc.returncode == 0, proc.stderr
    assert "warning: 'Olena Bondarenko' is not registered" in proc.stderr
    assert "misspelling of" in proc.stderr and "(mendel)" in proc.stderr
    body = (repo / "facts" / "unknowns.yaml").read_text("utf-8")
    assert "#   'Olena Bondarenko' is not registered" in body
    data = YAML(typ="safe").load(body)
    quote = next(c for c in data["claims"] if c["by"].get("as") == "Olena Bondarenko")
    assert "speaker" not in quote["by"] and "not in the registry" in quote["note"]
    out = json.loads(run(repo, "validate", "--format", "json").stdout)
    assert out["summary"]["findings"]["error"] == 0, out["findings"]


def test_prompts_for_left_out_options_on_a_terminal(repo: Path, tmp_path: Path) -> None:
    import os
    import pty

    article = tmp_path / "a.txt"
    article.write_text("Mendel said 20 soldiers were hurt.\n", "utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "checks", "new", str(article), "--root",
                             str(repo), "--id", "prompted"], stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=repo)
    os.close(slave)
    for answer in ("https://example.com/p", "reuters", "Prompted headline", "2021-04-12"):
        os.write(master, answer.encode() + b"\n")
    _, err = proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0, err
    data = YAML(typ="safe").load((repo / "facts" / "prompted.yaml").read_text("utf-8"))
    assert data["source"]["headline"] == "Prompted headline"
    assert data["source"]["url"] == "https://example.com/p"


HOSTILE = {
    "long-sentence": "Mendel said that " + " and ".join(f"unit {i} moved" for i in range(2000)),
    "long-name": " ".join(["Abcdef"] * 30000) + " said 20 soldiers were hurt.",
    "long-quote": "“" + "word " * 30000 + "”, said Mendel.",
    "odd-quotes": "“We will\u200b rebuild,” said Mendel. «Non», a dit Peskov. “Peace\u202e now,” "
                  "she said. \"Tab\there\" said Zelenskiy. “Bell\x07 ring,” Mendel said. "
                  "\ufeffPeskov said 30 soldiers were hurt. “Soft\u00adhyphen,” he said.",
    "homoglyphs": "“We are ready,” said Zеlenskiy. Mendel said 20 trооps left.",
    "huge-figures": "Mendel said 1,000,000,000,000,000,000,000 troops had gathered. Officials "
                    "said " + "9" * 150 + " people fled. Peskov said 0." + "1" * 150 + " tanks.",
    "unknown-names": "“Calm,” said Olena Bondarenko of the Zaporizhzhia Regional Council. "
                     "Jean-Luc O’Neill-Smith said “no”. The statement released by " +
                     "Xyz " * 300 + "said 5 tanks moved.",
    "yaml-words": "Mendel said: yes. Peskov said 'null'. Zelenskiy said # not a comment, "
                  "{a: b} & *alias !!python/object 2021-04-12.",
}


def _drafted_texts(tmp_path: Path) -> list[Path]:
    texts = sorted((REPO / "facts" / "texts").glob("*.txt"))
    texts += sorted((REPO / "tests" / "extract_texts").glob("*.txt"))
    for name, body in HOSTILE.items():
        texts.append(tmp_path / f"{name}.txt")
        texts[-1].write_text(f"Headline\n\n{body}\n", "utf-8")
    return texts


def test_every_record_new_writes_validates_with_only_draft_warnings(
        repo: Path, tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Archived, invented and hostile texts (invisible characters, homoglyphs, figures past
    the model's bounds, names and quotations past the value limits): `new` wrote records
    its own validator rejected (S001, I009) or stopped with a traceback (L005)."""
    from checks.cli import main

    texts = _drafted_texts(tmp_path_factory.mktemp("articles"))
    written = set()
    for text in texts:
        sid = "draft-" + text.stem.lower()
        code = main(["new", str(text), "--url", "https://example.com/x", "--outlet", "reuters",
                     "--headline", text.read_text("utf-8").splitlines()[0].strip(),
                     "--published", "2021-04-12", "--id", sid, "--root", str(repo)])
        assert code == 0, (text.name, capsys.readouterr().err)
        written.add(f"facts/{sid}.yaml")
    capsys.readouterr()
    main(["validate", "--format", "json", "--fail-on", "none", "--root", str(repo)])
    out = json.loads(capsys.readouterr().out)
    mine = [f for f in out["findings"] if f["location"]["path"] in written]
    assert {f["location"]["path"] for f in mine} == written  # every record has drafts
    assert [(f["rule"], f["location"]["path"], f["message"]) for f in mine
            if f["rule"] != "I010"] == []


def test_fresh_drafts_read_no_subheading_as_the_headline(repo: Path) -> None:
    """A section heading was drafted as part headline, so H701 warned on a fresh record
    that its 'headline' went beyond the body; only the headline is the headline."""
    text = repo / "sub.txt"
    text.write_text("A headline\n\nPeskov said on Monday there had been no request.\n\n"
                    "Kremlin Snubs Zelenskiy Over Talks\n\n"
                    "Zelenskiy met Macron in Paris on Friday.\n", encoding="utf-8")
    assert _new(repo, text, "with-subheading").returncode == 0
    data = YAML(typ="safe").load((repo / "facts" / "with-subheading.yaml").read_text("utf-8"))
    sub = [c for c in data["claims"] if c["evidence"].startswith("Kremlin Snubs")]
    assert sub and all(c.get("part", "body") == "body" for c in sub)
    out = json.loads(run(repo, "check", "--format", "json", "--fail-on", "none").stdout)
    mine = [f for f in out["findings"] if f["location"]["path"] == "facts/with-subheading.yaml"]
    assert "H701" not in {f["rule"] for f in mine}
    assert all(c["draft"] is True for c in data["claims"])  # I010: every one is a draft


def test_the_articles_stamp_gives_the_drafts_publication_time(repo: Path) -> None:
    """The SCMP's 'Published: 1:47pm, 13 Apr, 2021' was left for the curator to copy: the
    scaffold's `published` had the date only. The stamp's time (and zone) is drafted too,
    and the record validates."""
    text = repo / "stamped.txt"
    text.write_text("A headline\n\nUpdated: Apr 12, 2021 07:48 JST\n\n"
                    "Peskov said on Monday there had been no request.\n", encoding="utf-8")
    assert _new(repo, text, "stamped").returncode == 0
    data = YAML(typ="safe").load((repo / "facts" / "stamped.yaml").read_text("utf-8"))
    assert data["source"]["published"] == {"date": "2021-04-12", "time": "07:48+09:00",
                                           "known": "stated"}
    out = json.loads(run(repo, "validate", "--format", "json", "--fail-on", "none").stdout)
    assert [f["rule"] for f in out["findings"] if f["location"]["path"] == "facts/stamped.yaml"
            and f["rule"] != "I010"] == []


def test_agencies_credited_in_the_text_are_drafted_in_the_source(repo: Path,
                                                                  tmp_path: Path) -> None:
    """'Reuters contributed to this report', 'with files from AP', a dateline's '(AFP)':
    the agencies the text credits were left for the curator to find; they are drafted in
    source.agencies (the dateline's agency republished, a credit's contributed), each with
    its credit as written, and the record validates."""
    article = tmp_path / "a.txt"
    article.write_text("MOSCOW (Reuters) - Mendel said 20 soldiers were hurt.\n\n"
                       "Interfax contributed to this report.\n", "utf-8")
    proc = run(repo, "new", str(article), "--url", "https://example.com/x", "--outlet",
               "rferl", "--headline", "A headline", "--published", "2021-04-12", "--id",
               "credited")
    assert proc.returncode == 0, proc.stderr
    data = YAML(typ="safe").load((repo / "facts/credited.yaml").read_text("utf-8"))
    assert data["source"]["agencies"] == [
        {"id": "reuters", "how": "republishes", "as": "(Reuters)"},
        {"id": "interfax", "how": "contributes", "as": "Interfax contributed to this report."}]
    out = json.loads(run(repo, "validate", "--format", "json").stdout)
    assert out["summary"]["findings"]["error"] == 0, out["findings"]
