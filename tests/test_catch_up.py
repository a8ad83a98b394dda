"""Two runs writing one store take turns; before each of its transactions a run catches up with what
the other stored meanwhile (pipeline.catch_up). A revision's moves and merges change stories that no
new article joined: the run that did not make them must still see them, or it saves a story with a
size its members disagree with, or adds an article to a story merged away."""

import shutil

from storyline import cluster, revise
from storyline.revise.splits import part_state
from storyline.dedupe import DuplicateIndex
from storyline.pipeline import Seen, _save_story, catch_up
from storyline.store import open_store


def _members(store, story_id):
    return [revise.Member(article_id, vector, frozenset(terms), day)
            for article_id, vector, terms, day in store.member_features(story_id)]


def _save(store, story_id, members):
    _save_story(store, part_state(story_id, members))


def test_a_run_sees_the_moves_and_merges_another_runs_revision_made(demo_db, tmp_path):
    db = tmp_path / "shared.db"
    for suffix in ("", "-wal"):
        if demo_db.with_name(demo_db.name + suffix).exists():
            shutil.copy(demo_db.with_name(demo_db.name + suffix), db.with_name(db.name + suffix))
    ours, theirs = open_store(str(db)), open_store(str(db))
    with ours.transaction():
        seen = Seen.now(ours)
        active = ours.active_stories(None)
        index = cluster.StoryIndex(active, cluster.ClusterParams(), None,
                                   {s.id: ours.recent_member_vectors(s.id, cluster.RECENT_MEMBERS) for s in active})
    by_size = sorted(active, key=lambda story: (-story.size, story.id))
    source, target, merged, into = (story.id for story in by_size[:4])
    with theirs.transaction():  # the other run's revision: one member moved, one story merged into another
        moving, *staying = _members(theirs, source)
        theirs.move_member(moving.id, target, 0.9, revise.VERSION)
        _save(theirs, source, staying)
        _save(theirs, target, _members(theirs, target))
        theirs.merge_story(merged, into, revise.VERSION)
        _save(theirs, into, _members(theirs, into))
    assert index.stories[source].size == len(staying) + 1  # what this run still holds

    with ours.transaction():
        catch_up(ours, seen, DuplicateIndex(), index)
        stored = {story.id: story for story in ours.active_stories(None)}
    assert merged not in index.stories and merged not in stored
    for story_id in (source, target, into):
        assert index.stories[story_id].size == stored[story_id].size == len(_members(ours, story_id))
    assert index.stories[source].size == len(staying)
    assert sorted(index.stories) == sorted(stored)
