"""The motivating case in two languages, through the CLI: a Ukrainian report of the Secretary of
State's interview (tests/fixtures/multilingual/motivating, our own words) arrives in a database that
holds the demo corpus; it joins the English story of the interview, not the Munich story of the next
day that names the same people, and its two quotations are variants of the English ones.

The multilingual encoder reads Ukrainian barely (a translation scores about 0.4 against its original,
one quotation 0.23), so what decides is what any language shares: names heard alike across scripts
(Рубіо, Гарлан, Путіним), the days the leads date things to, and who said a quotation."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import DEMO, FIXTURES, Cli

MOTIVATING = FIXTURES / "multilingual" / "motivating"
GOLD = json.loads((MOTIVATING / "gold.json").read_text(encoding="utf-8"))
DEMO_GOLD = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))


def demo_paths(story: str) -> set[str]:
    """The demo articles (outlet/file) the gold puts in a story."""
    return {path for path, entry in DEMO_GOLD["articles"].items() if entry["story"] == story}


@pytest.fixture(scope="module")
def joined_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with the Ukrainian report ingested after it, as the next run would."""
    folder = tmp_path_factory.mktemp("motivating")
    db = folder / "joined.db"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    outlet = folder / "kyivskyi-visnyk"
    outlet.mkdir()
    shutil.copy(MOTIVATING / "kyivskyi-visnyk.txt", outlet / "rubio-interview.txt")
    Cli(db)("ingest", str(outlet))
    return db


def story_of(db: Path) -> dict[str, str]:
    """outlet/file -> story id of every article `storyline export` gives."""
    lines = [json.loads(line) for line in Cli(db)("export").stdout.splitlines()]
    return {"/".join(Path(line["origin"]).parts[-2:]): line["story"] for line in lines if line["type"] == "article"}


def test_the_ukrainian_report_joins_the_english_story_of_the_interview(demo_db, joined_db):
    stories = story_of(joined_db)
    ukrainian = stories.pop("kyivskyi-visnyk/rubio-interview.txt")
    assert {stories[path] for path in demo_paths("rubio-interview")} == {ukrainian}
    # the next day's Munich speech names Rubio, Trump, Putin and Zelensky too, and stays apart
    assert ukrainian not in {stories[path] for path in demo_paths("munich-conference")}
    # and no English article changed story
    assert stories == story_of(demo_db)


def test_its_quotes_pair_with_the_english_originals(joined_db):
    story = story_of(joined_db)["kyivskyi-visnyk/rubio-interview.txt"]
    brief = Cli(joined_db).json("show", story, "--json")
    for expected in GOLD["quotes"]:
        group = [q for q in brief["quotes"] if any(v["text"] == expected["kyivskyi-visnyk"] for v in q["variants"])]
        assert len(group) == 1, expected["topic"]
        english = [v["text"] for v in group[0]["variants"] if v["language"] == "en"]
        originals = [q["text"] for q in DEMO_GOLD["quotes"] if q["group"] == expected["demo_group"]]
        assert english, f"{expected['topic']}: no English variant"
        assert all(any(text in original or original in text for original in originals) for text in english), english
        assert group[0]["speaker"] == "Marco Rubio"
