"""The multilingual fixtures through the CLI: each article's language stored and shown, --language
overriding it for a run, non-English articles analysed, and the contract check still passing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Cli, check_contract

ARTICLES = FIXTURES / "multilingual" / "articles"


@pytest.fixture(scope="module")
def multilingual_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("multilingual") / "ml.db"
    Cli(db)("ingest", str(ARTICLES))
    return db


def shown_articles(db: Path) -> dict[str, dict]:
    cli = Cli(db)
    out = {}
    for story in cli.json("stories", "--json"):
        shown = cli.json("show", story["id"], "--json")
        for article in shown["articles"]:
            out[article["title"]] = {**article, "story": shown}
    return out


def test_every_article_shows_its_detected_language(multilingual_db):
    gold = json.loads((FIXTURES / "multilingual" / "gold.json").read_text(encoding="utf-8"))["articles"]
    exported = [json.loads(line) for line in Cli(multilingual_db)("export").stdout.splitlines()]
    languages = {Path(line["origin"]).relative_to(ARTICLES).as_posix(): line["language"]
                 for line in exported if line["type"] == "article"}
    assert languages == {key: entry["language"] for key, entry in gold.items() if key in languages}
    assert len(languages) == 13
    by_title = shown_articles(multilingual_db)
    assert by_title["Zelenski pide en Múnich la creación de un ejército europeo"]["language"] == "es"


def test_non_english_articles_are_analysed(multilingual_db):
    by_title = shown_articles(multilingual_db)
    story = by_title["Hafenarbeiter in Larkhaven legen die Arbeit nieder"]["story"]
    speakers = {q["speaker"] for q in story["quotes"]}
    assert "Siobhan O'Rourke" in speakers
    ukrainian = by_title["Зеленський у Мюнхені закликав створити армію Європи"]["story"]
    assert {"2025-02-14", "2025-02-12"} <= {t["date"] for t in ukrainian["timeline"]}


def test_language_option_overrides_detection(tmp_path):
    cli = Cli(tmp_path / "lang.db")
    cli("ingest", str(ARTICLES / "rheinblick"), "--language", "FR")
    exported = [json.loads(line) for line in cli("export").stdout.splitlines()]
    assert {line["language"] for line in exported if line["type"] == "article"} == {"fr"}


def test_an_unknown_language_code_is_refused_before_anything_is_stored(tmp_path):
    db = tmp_path / "refused.db"
    result = Cli(db)("ingest", str(ARTICLES / "rheinblick"), "--language", "xx", expect=None)
    assert result.exit_code != 0
    assert "--language 'xx'" in result.stderr and "ISO 639-1" in result.stderr
    assert not db.exists()


def test_multilingual_database_passes_the_contract_check(multilingual_db):
    check_contract(multilingual_db)


def test_a_story_brief_compares_its_reports_in_their_own_languages():
    """The brief (what `show` prints) passes each article's language to the comparison, so a French
    report's quotes join the English report's as variants, whatever story assignment did."""
    from storyline.analyze import analyze_in_languages
    from storyline.brief import story_parts
    from storyline.embed import load_static_embedder
    from storyline.model import Article
    from storyline.pipeline import make_article
    from storyline.settings import Settings
    from storyline.sources.files import read_inputs

    paths = [FIXTURES.parents[1] / "examples" / "demo" / "articles" / "coastline-news" / "larkhaven-strike-day-two.txt",
             ARTICLES / "le-courrier-du-lac" / "greve-larkhaven-deuxieme-jour.txt"]
    articles = [make_article(next(read_inputs([str(p)], Settings(), source=p.parent.name))) for p in paths]
    assert all(isinstance(a, Article) for a in articles)
    assert [a.language for a in articles] == ["en", "fr"]
    analyses = dict(zip([a.id for a in articles],
                        analyze_in_languages([(a.text, a.published, a.language) for a in articles])))
    parts = story_parts([(a, None) for a in articles], analyses, load_static_embedder().embed)
    picket = [q for q in parts["quotes"] if any("piquets de grève" in v["text"] for v in q["variants"])]
    assert len(picket) == 1
    assert {v["language"] for v in picket[0]["variants"]} == {"en", "fr"}
    assert picket[0]["speaker"] == "Siobhan O'Rourke"


def test_eval_clusters_reads_the_english_counterparts_the_gold_includes(tmp_path):
    """The gold labels the English reports by their demo paths (its `include`): eval clusters ingests
    both folders and scores the 13 reports in other languages with their 17 English counterparts."""
    gold = FIXTURES / "multilingual" / "gold.json"
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(ARTICLES), "--gold", str(gold), "--json")
    assert scores["items"] == 30 and scores["gold_clusters"] == 7


def test_the_story_page_marks_each_report_in_another_language(multilingual_db, tmp_path):
    Cli(multilingual_db)("report", "--out", str(tmp_path / "site"))
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    german = [page for page in pages if "Hafenarbeiter in Larkhaven legen die Arbeit nieder" in page
              and 'class="article-title" lang="de"' in page]
    assert german, "no story page lists the German report with its language"
    assert '<span class="lang"' in german[0] and ">de</span>" in german[0]
