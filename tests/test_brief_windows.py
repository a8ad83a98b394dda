"""The briefs of an ingest are made on the worker pool a window of stories at a time, this process reading
the next window and saving the one before meanwhile, a few stories a task: each story is saved the brief
made of its own articles, every window (the last, shorter one too) is saved, and none is left stale."""

from datetime import datetime, timedelta, timezone

from storyline import briefing, pipeline
from storyline.engine import close_worker_pool
from storyline.model import Record
from storyline.settings import Settings
from storyline.store import open_store

# Our own reports of five unrelated events, weeks apart, each from its own outlet.
REPORTS = [
    "The harbour authority in Falmere said on Tuesday that a cargo ship had run aground near the north pier. "
    "Captain Iona Reddick said the crew of twelve was safe.",
    "Voters in the town of Brackwell approved a new library by 3,214 votes to 1,907 on Sunday. "
    "Mayor Tomas Ellery said building would start in spring.",
    "A storm closed the mountain road above Sorrel Pass for two days, the regional police said on Friday. "
    "\"We expect to reopen it on Monday,\" said Inspector Hala Moyne.",
    "The Kestrel Orchestra cancelled its winter tour after its conductor fell ill, the orchestra said. "
    "Its manager, Benedikt Oroz, said tickets would be refunded.",
    "Engineers at the Vantor dam found a crack 14 metres long during an inspection on Wednesday. "
    "The water board said the reservoir would be lowered by two metres.",
]


def _records() -> list[Record]:
    start = datetime(2026, 3, 2, 8, tzinfo=timezone.utc)
    return [Record(text=text, origin=f"r{i}", source=f"Outlet {i}", title=f"Report {i}",
                   url=f"https://example.org/report/{i}", published=start + timedelta(weeks=3 * i))
            for i, text in enumerate(REPORTS)]


def test_briefs_made_on_the_pool_window_by_window_are_each_storys_own(tmp_path, monkeypatch):
    db = tmp_path / "windows.db"
    with open_store(db, create=True) as store:
        pipeline.ingest(_records(), store, Settings(db=str(db), embedder="static", analysis_processes=1))
        ids = [story.id for story in store.stories()]
        assert len(ids) == len(REPORTS)
        expected = {}
        for story_id in ids:
            members = store.story_articles(story_id)
            expected[story_id] = briefing.brief_parts((members, store.analyses([a.id for a, _ in members])))
        with store.transaction():
            for story_id in ids:
                store.forget_brief(story_id)
        assert len(store.stale_briefs()) == len(ids)
        monkeypatch.setattr(briefing, "BRIEF_WINDOW", 3)  # two windows, the last of two stories
        monkeypatch.setattr(briefing, "TASK_ARTICLES", 2)  # tasks of two stories and of one
        try:
            assert briefing.refresh_briefs(store, processes=2) == len(ids)
        finally:
            close_worker_pool()
        assert store.stale_briefs() == []
        for story_id in ids:
            assert store.brief(story_id) == expected[story_id]
        assert len({str(expected[story_id]["entities"]) for story_id in ids}) == len(ids)  # no two alike


def test_a_windows_stories_are_cut_into_tasks_in_order_and_a_large_story_is_a_task_alone():
    def story(size: int) -> briefing.BriefInput:
        return ([(None, str(n)) for n in range(size)], {}, None)  # members of no article: only their number is read

    sizes = [1, 1, 1, 1, 1, 9, 2, 2, 3]
    batches = briefing.task_batches([story(size) for size in sizes])
    assert [[len(members) for members, _, _ in batch] for batch in batches] == [[1, 1, 1, 1], [1], [9], [2, 2], [3]]
