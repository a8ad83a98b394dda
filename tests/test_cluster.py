"""Story assignment on vectors and names whose right answer is known."""

from datetime import date, timedelta

import numpy as np
from conftest import FIXTURES, Cli

from storyline.cluster import StoryIndex, load_params, probability
from storyline.model import StoryState
from storyline.store import open_store

RNG = np.random.default_rng(7)


def unit(v):
    return (v / np.linalg.norm(v)).astype(np.float32)


def near(v, noise=0.05):
    return unit(v + RNG.normal(0, noise, v.shape))


def test_a_report_with_the_same_names_joins_and_another_event_of_the_kind_does_not():
    index = StoryIndex([], load_params())
    quake = unit(RNG.normal(size=384))
    day = date(2025, 2, 10)
    first = index.place("s1", quake, {"malatya", "afad", "5.9", "yesilyurt"}, day)
    assert first.started
    same = index.place("s2", near(quake), {"malatya", "afad", "5.9", "hulusi"}, day)
    assert not same.started and same.story.id == "s1"
    # The same kind of event elsewhere: close in embedding, none of the names or figures.
    other = index.place("s3", near(quake, 0.3), {"arequipa", "chuquibamba", "6.6", "indeci"}, day + timedelta(days=1))
    assert other.started


def test_stories_outside_the_window_are_not_candidates():
    params = load_params()
    index = StoryIndex([], params)
    v = unit(RNG.normal(size=384))
    index.place("old", v, {"larkhaven"}, date(2025, 1, 1))
    late = date(2025, 1, 1) + timedelta(days=params.window_days + 3)
    assert index.candidates(v, late) == []
    placed = index.place("new", v, {"larkhaven"}, late)
    assert placed.started


def test_old_stories_leave_the_index():
    params = load_params()
    index = StoryIndex([], params)
    index.place("old", unit(RNG.normal(size=384)), {"a"}, date(2025, 1, 1))
    index.place("new", unit(RNG.normal(size=384)), {"b"}, date(2025, 1, 1) + timedelta(days=3 * params.window_days))
    assert set(index.stories) == {"new"}


def test_candidates_are_scored_as_each_alone_would_be():
    """Placement weighs an article's terms once for all its candidates: each candidate's probability is
    the one its own features give, figures and rare names included."""
    index = StoryIndex([], load_params())
    day = date(2025, 4, 2)
    base = unit(RNG.normal(size=384))
    names = [{"harwick", "tolland", "12"}, {"harwick", "pell", "12", "40"}, {"tolland", "quarry"}, {"marsh", "7"}]
    for number, terms in enumerate(names):
        index.place(f"s{number}", near(base, 0.4), terms, day)
    vector, terms = near(base, 0.4), {"harwick", "tolland", "12", "40", "ferry"}
    index.stats.add(terms)
    scored = index.scored(vector, terms, day)
    assert len(scored) > 1
    for story, p in scored:
        cosine = float(vector @ story.unit_centroid())
        alone = probability(index.features(vector, terms, day, story, cosine), index.params)
        assert abs(p - alone) < 1e-6
    assert any(p > 0.0 and story.terms.keys() & {"12", "40"} for story, p in scored)


def test_probability_grows_with_similarity():
    params = load_params()
    base = {"cosine": 0.5, "max_cosine": 0.5, "terms": 0.2, "coverage": 0.2, "core": 0.2, "numbers": 0.0, "gap_days": 0.0}
    closer = {**base, "cosine": 0.9, "max_cosine": 0.9, "terms": 0.7, "coverage": 0.8, "core": 0.8}
    later = {**base, "gap_days": 5.0}
    assert probability(closer, params) > probability(base, params) > probability(later, params)


def test_converged_stories_merge_and_the_larger_keeps_its_id():
    index = StoryIndex([], load_params())
    v = unit(RNG.normal(size=384))
    terms = {"riyadh", "lavrov", "rubio"}
    day = date(2025, 2, 18)
    index.place("big", v, terms, day)
    index.place("big2", near(v, 0.01), terms, day, into=index.stories["big"])
    # A story started apart from it (forced here), then grown to the same centroid and names.
    index.stories["small"] = StoryState(id="small", centroid=np.zeros_like(v), size=0)
    index.members["small"] = []
    placed = index.place("x", near(v, 0.01), terms, day, into=index.stories["small"])
    assert placed.merged is not None and placed.merged.id == "small"
    assert placed.story.id == "big" and placed.story.size == 3
    assert "small" not in index.stories


def test_a_merged_story_id_still_resolves(tmp_path):
    with open_store(tmp_path / "m.db") as store:
        v = unit(RNG.normal(size=384))
        for story_id in ("sa", "sb"):
            state = StoryState(id=story_id, centroid=v, size=1, first_seen=date(2025, 2, 1), last_seen=date(2025, 2, 1))
            with store.transaction():
                store.save_story(state, f"title {story_id}", None, "test")
        with store.transaction():
            store.merge_story("sb", "sa", "test")
        assert store.story("sb").id == "sa"
        assert [row.id for row in store.stories()] == ["sa"]


def test_a_story_merged_into_one_that_merges_resolves_to_the_last_and_the_saves_since_come_in_order(tmp_path):
    with open_store(tmp_path / "m.db") as store:
        v = unit(RNG.normal(size=384))
        for story_id in ("sc", "sa", "sb"):
            state = StoryState(id=story_id, centroid=v, size=1, first_seen=date(2025, 2, 1), last_seen=date(2025, 2, 1))
            with store.transaction():
                store.save_story(state, f"title {story_id}", None, "test")
        stamp = "0"  # before any save: every story saved since
        saved, merged = store.stories_saved_since(stamp)
        assert [story.id for story in saved] == ["sc", "sa", "sb"] and merged == []  # in the order they were saved
        with store.transaction():
            store.merge_story("sc", "sb", "test")
            store.merge_story("sb", "sa", "test")
        assert store.story("sc").id == "sa" and store.story("sb").id == "sa"
        assert [row.id for row in store.stories()] == ["sa"]
        saved, merged = store.stories_saved_since(stamp)
        assert [story.id for story in saved] == ["sa"] and merged == ["sc", "sb"]


def test_what_every_chunk_and_merge_asks_of_the_stories_reads_an_index_not_every_story(tmp_path):
    # the newest save and the saves since it (pipeline.Seen, catch_up, at every chunk) and the stories
    # merged into one that merges (Store.merge_story): a read of every story ever stored would make each
    # cost the store's size
    with open_store(tmp_path / "m.db") as store:
        def plan(query, *params):
            return " ".join(row[-1] for row in store.conn.execute("EXPLAIN QUERY PLAN " + query, params))

        assert "INDEX stories_updated" in plan("SELECT max(updated_at) FROM stories")
        assert "INDEX stories_updated" in plan("SELECT rowid, id FROM stories WHERE updated_at >= ?", "2025-01-01")
        assert "INDEX stories_merged" in plan("UPDATE stories SET merged_into = ? WHERE merged_into = ?", "sa", "sb")
        # the live stories are read by other columns, as before
        assert "stories_merged" not in plan("SELECT id FROM stories WHERE merged_into IS NULL ORDER BY rowid")


def test_each_embedder_is_scored_with_the_parameters_fitted_on_its_vectors():
    import json
    from importlib import resources

    shipped = json.loads(resources.files("storyline").joinpath("data/cluster_params.json").read_text())["models"]
    assert {"all-MiniLM-L6-v2@64", "static:minilm-static-256"} <= set(shipped)
    for model, entry in shipped.items():
        assert load_params(model).weights == entry["weights"] and load_params(model).threshold == entry["threshold"]
    # MiniLM at a length nothing was fitted on borrows its family's; an unknown model, the default's.
    assert load_params("all-MiniLM-L6-v2@96").weights in [e["weights"] for m, e in shipped.items() if m.startswith("all-")]
    assert load_params("my-own-model@128") == load_params()


def test_centroid_search_is_exact_and_hands_over_to_the_ann_index_and_back(monkeypatch):
    from storyline import centroids as module

    monkeypatch.setattr(module, "EXACT_LIMIT", 40)
    rng = np.random.default_rng(3)
    centroids = module.Centroids()
    vectors = {f"s{i}": unit(rng.normal(size=64)) for i in range(60)}

    def truth(query, k):
        live = [(story_id, float(vectors[story_id] @ query)) for story_id in vectors]
        return [story_id for story_id, _ in sorted(live, key=lambda item: -item[1])[:k]]

    for story_id, vector in list(vectors.items())[:30]:
        centroids.put(story_id, vector)
    vectors = dict(list(vectors.items())[:30])
    query = unit(rng.normal(size=64))
    assert [story_id for story_id, _ in centroids.search(query, 5)] == truth(query, 5)  # exact
    for i in range(30, 60):  # past the limit: the HNSW index takes over
        vectors[f"s{i}"] = unit(rng.normal(size=64))
        centroids.put(f"s{i}", vectors[f"s{i}"])
    vectors["s3"] = unit(rng.normal(size=64))  # an update replaces the old centroid
    centroids.put("s3", vectors["s3"])
    assert centroids._ann is not None and len(centroids) == 60
    found = centroids.search(vectors["s3"], 5)
    assert found[0][0] == "s3" and abs(found[0][1] - 1.0) < 1e-4
    assert len({s for s, _ in centroids.search(query, 10)} & set(truth(query, 10))) >= 8
    for i in range(45):  # below half the limit: exact again
        centroids.remove(f"s{i}")
        del vectors[f"s{i}"]
    assert centroids._ann is None and len(centroids) == 15
    assert [story_id for story_id, _ in centroids.search(query, 15)] == truth(query, 15)


def test_many_searches_at_once_find_the_stories_each_search_finds():
    """Revision asks for the neighbours of many stories at once (`Centroids.nearest_many`, one product):
    each answer holds the very stories a search of that vector alone finds, whatever the
    days and the window, where fewer stories than asked lie in the window, and where stories tie at the
    edge of the k nearest (stories with the same centroid)."""
    from storyline.centroids import Centroids

    rng = np.random.default_rng(5)
    centroids = Centroids()
    kinds = [unit(rng.normal(size=64)) for _ in range(6)]
    for i in range(300):
        vector = unit(kinds[i % 6] + rng.normal(0, 0.6, 64)) if i % 7 else unit(kinds[i % 6])  # 1 in 7 the same
        first = date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 30)))
        centroids.put(f"s{i}", vector, *((None, None) if i % 11 == 0 else (first, first + timedelta(days=int(rng.integers(0, 4))))))
    queries = [unit(kinds[i % 6] + rng.normal(0, 0.6 * (i % 3), 64)) for i in range(60)]
    days = [None if i % 5 == 0 else date(2025, 3, 1) + timedelta(days=int(rng.integers(-10, 40))) for i in range(60)]
    for k, window in ((10, 7), (3, 1), (400, 7), (10, None)):
        expected = [[story_id for story_id, _ in centroids.search(q, k, day, window)] for q, day in zip(queries, days)]
        # The same stories; those within rounding of each other inside the k may come in another order.
        assert [sorted(found) for found in centroids.nearest_many(queries, k, days, window)] == [sorted(found) for found in expected]


def test_many_searches_at_once_are_taken_a_block_at_a_time_with_the_same_answers(monkeypatch):
    """The product of every vector asked with every live story is held a block of vectors at a time
    (`centroids.BLOCK_CELLS`), so that a run touching thousands of stories among thousands does not hold
    gigabytes for a moment: the answers are the ones a single block gives, in the same order."""
    from storyline import centroids as module

    rng = np.random.default_rng(8)
    centroids = module.Centroids()
    for i in range(200):
        first = date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 20)))
        centroids.put(f"s{i}", unit(rng.normal(size=32)), first, first + timedelta(days=int(rng.integers(0, 3))))
    queries = [unit(rng.normal(size=32)) for _ in range(50)]
    days = [date(2025, 3, 1) + timedelta(days=int(rng.integers(0, 25))) for _ in range(50)]
    whole = centroids.nearest_many(queries, 10, days, 5)
    monkeypatch.setattr(module, "BLOCK_CELLS", 7 * 200)  # seven vectors a block, the last block of one
    assert centroids.nearest_many(queries, 10, days, 5) == whole
    assert all(len(found) == 10 for found in whole)


def test_a_search_with_a_floor_finds_what_the_search_finds_at_or_above_it(monkeypatch):
    """Convergence looks only at the nearest stories at the merge threshold or above: asking the search
    for those alone gives the same stories, in the same order, exact or on the ANN index."""
    from storyline import centroids as module

    monkeypatch.setattr(module, "EXACT_LIMIT", 40)
    rng = np.random.default_rng(11)
    base = unit(rng.normal(size=64))
    for stories in (30, 60):  # exact, then past the limit
        centroids = module.Centroids()
        for i in range(stories):
            centroids.put(f"s{i}", near(base, 0.02 * (i % 15)), date(2025, 5, 1 + i % 20), date(2025, 5, 1 + i % 20))
        assert (centroids._ann is not None) == (stories > 40)
        for noise in (0.0, 0.05, 0.2):
            query = near(base, noise)
            for floor in (0.5, 0.9, 0.97, 0.999):
                for k in (3, 10):
                    whole = centroids.search(query, k, date(2025, 5, 10), 4)
                    assert centroids.search(query, k, date(2025, 5, 10), 4, floor=floor) == [
                        (story_id, cosine) for story_id, cosine in whole if cosine >= floor]
        query = near(base, 0.01)
        assert len([c for _, c in centroids.search(query, 10) if c >= 0.97]) > 3  # the cut was tried mid-list


def test_centroid_search_keeps_to_the_window_of_the_day_and_undated_stories_are_always_in_it():
    from storyline import centroids as module

    def at_cosine(cosine, axis):  # a unit vector at a known cosine to the first axis, on its own axis
        v = np.zeros(32, dtype=np.float32)
        v[0], v[axis] = cosine, np.sqrt(1 - cosine**2)
        return v

    centroids = module.Centroids()
    base = at_cosine(1.0, 1)
    day = date(2025, 3, 10)
    centroids.put("last-week", at_cosine(0.99, 1), day - timedelta(days=12), day - timedelta(days=8))
    centroids.put("this-week", at_cosine(0.8, 2), day - timedelta(days=3), day)
    centroids.put("undated", at_cosine(0.6, 3))
    centroids.put("next-month", at_cosine(0.99, 4), day + timedelta(days=30), day + timedelta(days=31))
    assert [s for s, _ in centroids.search(base, 10, day, 7)] == ["this-week", "undated"]
    assert [s for s, _ in centroids.search(base, 10, day, 8)] == ["last-week", "this-week", "undated"]
    assert len(centroids.search(base, 10)) == 4  # an undated article: every story
    centroids.put("last-week", at_cosine(0.99, 1), day - timedelta(days=12), day - timedelta(days=2))  # it grew
    assert [s for s, _ in centroids.search(base, 1, day, 7)] == ["last-week"]


def test_a_report_days_after_a_story_of_the_same_people_starts_its_own(tmp_path):
    """The days between a report and a story weigh as fitted on dated coverage (bench/fit_cluster.py
    --dated): a senator's launch, reported on the day and the next, is one story; her withdrawal five
    days later, told with the same people, hall and promises, is another."""
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(FIXTURES / "days_apart" / "articles.jsonl"), "--json")
    assert scores["clusters"] == 2 and scores["b3_f1"] == 1.0


def test_past_the_exact_limit_the_search_keeps_to_the_window_and_widens_until_it_finds_enough(monkeypatch):
    from storyline import centroids as module

    monkeypatch.setattr(module, "EXACT_LIMIT", 40)
    rng = np.random.default_rng(11)
    centroids = module.Centroids()
    day = date(2025, 3, 10)
    query = unit(rng.normal(size=64))
    # 60 stories from two months back, all near the query, and 6 of this week farther from it: the
    # index's first 40 answers are mostly the old ones, outside the window.
    for i in range(60):
        centroids.put(f"old{i}", near(query, 0.3), day - timedelta(days=70), day - timedelta(days=60))
    this_week = {f"new{i}": unit(rng.normal(size=64)) for i in range(6)}
    for story_id, vector in this_week.items():
        centroids.put(story_id, vector, day - timedelta(days=2), day)
    assert centroids._ann is not None
    nearest = sorted(this_week, key=lambda story_id: -float(this_week[story_id] @ query))
    assert [story_id for story_id, _ in centroids.search(query, 4, day, 7)] == nearest[:4]
    assert [story_id for story_id, _ in centroids.search(query, 10, day, 7)] == nearest  # all 6: fewer than asked
    assert all(story_id.startswith("old") for story_id, _ in centroids.search(query, 5))  # no window: the old


def test_converging_stories_are_told_apart_by_their_names_without_reading_every_name_of_a_large_one():
    from storyline.cluster import CONVERGED_DICE, TermStats, add_member, dice_surely_below, term_features

    rng = np.random.default_rng(5)
    words = [f"name{i}" for i in range(300)]
    stats = TermStats()
    stories = []
    for s in range(40):
        story = StoryState(id=f"s{s}", centroid=np.zeros(8, dtype=np.float32), size=0)
        for _ in range(int(rng.integers(1, 30))):
            terms = set(rng.choice(words[: 20 + 7 * s], size=int(rng.integers(1, 8)), replace=False).tolist())
            stats.add(terms)
            add_member(story, unit(rng.normal(size=8)), terms, date(2025, 3, 1))
        stories.append(story)
    told = 0
    for other in stories:  # each story's names scored, as converging scores them, against every other story
        for story in stories:
            dice = term_features(set(other.terms), story, stats, figures=[])[0]
            if dice_surely_below(other.terms, story, stats, CONVERGED_DICE):
                assert dice < CONVERGED_DICE
                told += 1
            else:
                assert dice >= CONVERGED_DICE - 0.3  # left to term_features only near the cut
    assert told > 1000
    # a story of a thousand names against a one-article story that shares one of them: found apart
    large = StoryState(id="large", centroid=np.zeros(8, dtype=np.float32), size=0)
    for i in range(1000):
        stats.add({f"item{i}", "harbour"})
        add_member(large, unit(rng.normal(size=8)), {f"item{i}", "harbour"}, date(2025, 3, 1))
    small = StoryState(id="small", centroid=np.zeros(8, dtype=np.float32), size=0)
    add_member(small, unit(rng.normal(size=8)), {"harbour", "ferry"}, date(2025, 3, 1))
    assert dice_surely_below(large.terms, small, stats, CONVERGED_DICE)


def test_a_large_storys_sums_made_again_from_what_changed_are_its_sums_made_from_all_its_terms():
    from storyline.cluster import LARGE_SIDE, LOG_HALF, add_member

    def made_from_all(story, stats):
        log_df = stats.log_df
        core = {term for term, count in story.terms.items() if 2 * count >= story.size}
        return (sum(story.terms.values()), sum(count * log_df.get(term, LOG_HALF) for term, count in story.terms.items()),
                core, sum(log_df.get(term, LOG_HALF) for term in core))

    rng = np.random.default_rng(11)
    index = StoryIndex([], load_params())
    stats = index.stats
    large = StoryState(id="large", centroid=np.zeros(8, dtype=np.float32), size=0)
    for i in range(LARGE_SIDE + 200):  # a running story: the same place, a new figure in each report
        terms = {"harbour", f"{i}", *(["ferry"] if i % 3 else [])}
        stats.add(terms)
        add_member(large, unit(rng.normal(size=8)), terms, date(2025, 3, 1))
    index.add(large, [])
    smalls = []  # stories of other names and some of its own, counted before its sums are first made
    for k in range(6):
        small = StoryState(id=f"small{k}", centroid=np.zeros(8, dtype=np.float32), size=0)
        for j in range(3):
            terms = {"ferry", f"small{k}-{j}"}
            stats.add(terms)
            add_member(small, unit(rng.normal(size=8)), terms, date(2025, 3, 2))
        index.add(small, [])
        smalls.append(small)
    stats.story_side(large)
    remade = 0
    for step in range(300):
        for _ in range(int(rng.integers(0, 4))):  # other reports change the corpus's counts of its terms
            stats.add({f"{int(rng.integers(0, 2000))}", "harbour" if rng.random() < 0.3 else "council"})
        if step % 50 == 49:  # one of them converges into it
            index.merge(smalls[step // 50], large)
        else:  # a report joins it, as `StoryIndex.place` adds one
            terms = {"harbour", f"{int(rng.integers(0, 2000))}", *(["council"] if step % 2 else [])}
            stats.add(terms)
            add_member(large, unit(rng.normal(size=8)), terms, date(2025, 3, 2))
            stats.grew(large.id, terms)
        side = stats.story_side(large)
        count, log_sum, core, core_log_sum = made_from_all(large, stats)
        remade += side.since > 0
        assert (side.size, side.count, side.core) == (large.size, count, core)
        assert abs(side.log_sum - log_sum) <= 1e-9 * abs(log_sum) and abs(side.core_log_sum - core_log_sum) <= 1e-9
    assert remade > 250  # made again from what changed, not from all its terms, at almost every step


def test_a_large_storys_headline_is_the_member_closest_to_its_centroid_among_its_latest_and_the_one_naming_it(
        demo_db, tmp_path, monkeypatch):
    """Past cluster.LARGE_STORY members a story's headline is looked for among its latest members and the
    article naming it now, not among all of them: its growth costs the same at any size."""
    import shutil

    from storyline import cluster
    from storyline.pipeline import _save_story

    db = tmp_path / "demo.db"
    for suffix in ("", "-wal"):
        if demo_db.with_name(demo_db.name + suffix).exists():
            shutil.copy(demo_db.with_name(demo_db.name + suffix), db.with_name(db.name + suffix))
    with open_store(str(db)) as store:
        story = max(store.active_stories(None), key=lambda s: (s.size, s.id))
        assert story.size >= 4
        every = store.member_vectors(story.id)
        naming = store.conn.execute("SELECT title_article FROM stories WHERE id = ?", (story.id,)).fetchone()[0]
        assert naming == cluster.representative(every, story.centroid)  # the closest of all, below the bound
        latest = [row[0] for row in store.conn.execute(
            "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
            "ORDER BY a.rowid DESC LIMIT 2", (story.id,))]
        bounded = store.member_vectors(story.id, 2)
        assert [article_id for article_id, _ in bounded] == sorted({*latest, naming})
        # the article naming it is no longer a member: the headline is the closer of the latest two
        other = next(s for s in store.active_stories(None) if s.id != story.id)
        with store.transaction():
            store.move_member(naming, other.id, 0.9, "test")
            rest = store.member_vectors(story.id)
            story.centroid = np.sum([vector for _, vector in rest], axis=0)
            story.size = len(rest)
            monkeypatch.setattr(cluster, "LARGE_STORY", 2)
            _save_story(store, story)
        got = store.conn.execute("SELECT title_article FROM stories WHERE id = ?", (story.id,)).fetchone()[0]
        assert [article_id for article_id, _ in store.member_vectors(story.id, 2)] == sorted(latest)
        assert got == cluster.representative([(a, v) for a, v in rest if a in latest], story.centroid)
