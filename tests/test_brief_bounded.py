"""A story's brief is made from its newest BRIEF_MEMBERS articles: a story that gains articles at every
run has its brief remade at each, which would otherwise cost in its whole size, without bound."""

from datetime import datetime, timedelta, timezone

from fastapi.testclient import TestClient

from storyline import briefing, pipeline
from storyline.api import create_app
from storyline.brief import brief_markdown, load_brief
from storyline.model import Record
from storyline.settings import Settings
from storyline.store import open_store

# Our own wire report and two light edits of it: one story of three articles, a day apart.
REPORT = ("Firefighters in Dunmore said on Monday that the blaze near the Kellan mill had burned 40 hectares. "
          "Chief Ada Brennick said crews would stay at the mill overnight.")
EDITS = [REPORT, REPORT.replace("overnight", "through the night"), REPORT.replace("Firefighters", "Fire crews")]


def _records() -> list[Record]:
    start = datetime(2026, 5, 4, 9, tzinfo=timezone.utc)
    return [Record(text=text, origin=f"r{i}", source=f"Outlet {i}", title=f"Mill fire, report {i}",
                   url=f"https://example.org/fire/{i}", published=start + timedelta(days=i))
            for i, text in enumerate(EDITS)]


def test_a_story_longer_than_the_bound_is_briefed_from_its_newest_articles_and_is_not_stale(tmp_path, monkeypatch):
    monkeypatch.setattr(briefing, "BRIEF_MEMBERS", 2)
    db = tmp_path / "bounded.db"
    settings = Settings(db=str(db), embedder="static", analysis_processes=1)
    with open_store(db, create=True) as store:
        pipeline.ingest(_records(), store, settings)
        (story,) = store.stories()
        members = store.story_articles(story.id)
        assert [article.origin for article, _ in members] == ["r0", "r1", "r2"]
        newest = store.story_articles(story.id, latest=2)
        assert [article.origin for article, _ in newest] == ["r1", "r2"]
        assert store.story_size(story.id) == 3
        # made for the whole story's size, so no later run takes it for stale
        assert story.id not in store.stale_briefs()
        expected = briefing.brief_parts((newest, store.analyses([article.id for article, _ in newest])))
        whole = briefing.brief_parts((members, store.analyses([article.id for article, _ in members])))
        stored = store.brief(story.id)
        assert stored is not None
        assert stored["timeline"] == expected["timeline"] != whole["timeline"]
        assert stored["quotes"] == expected["quotes"]
        # and the reader is told: the JSON says how many newest articles it reads, the page says so in words
        row = store.story(story.id)
        assert row is not None
        brief = load_brief(store, row)
        assert brief["brief_from"] == 2 and len(brief["articles"]) == 3
        assert "reads the newest 2 of the story's 3 articles" in brief_markdown(brief)
    with TestClient(create_app(str(db))) as client:
        assert "reads the newest 2 of the story's 3 articles" in client.get(f"/stories/{story.id}").text
        assert client.get(f"/api/stories/{story.id}").json()["brief_from"] == 2


def test_a_story_within_the_bound_is_briefed_whole_and_says_nothing_of_it(tmp_path):
    db = tmp_path / "whole.db"
    with open_store(db, create=True) as store:
        pipeline.ingest(_records(), store, Settings(db=str(db), embedder="static", analysis_processes=1))
        (story,) = store.stories()
        brief = load_brief(store, story)
        assert "brief_from" not in brief and len(brief["articles"]) == 3
        assert "reads the newest" not in brief_markdown(brief)
