"""What changed across a storyline's stories: a count reported in one story on one day and in the next
story days later is a dated progression with each value's sentence, never a conflict
(storyline.progressions)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from conftest import DEMO_ARTICLES, FIXTURES, Cli

from storyline.analyze import analyze_article
from storyline.embed import load_static_embedder
from storyline.model import Article
from storyline.progressions import progression_line, progressions, progressions_markdown, steps
from storyline.text import normalize_text


def report(ident: str, source: str, day: str | None, body: str) -> tuple[Article, str | None]:
    text = normalize_text(body)
    published = datetime.fromisoformat(day).replace(tzinfo=UTC) if day else None
    return Article(id=ident, source=source, text=text, text_hash=ident, published=published), None


def changed(stories: list[tuple[str, list[tuple[Article, str | None]]]]) -> list[dict]:
    analyses = {a.id: analyze_article(a.text, a.published) for _, members in stories for a, _ in members}
    return progressions(stories, analyses, load_static_embedder().embed)  # type: ignore[return-value]


# a landslide's first day in one story, the toll two days later in the next story of its storyline
FIRST_DAY = ("s-first", [
    report("a1", "coast-wire", "2025-04-14", "A landslide buried part of the hamlet of Orsk in Velmar province on "
                                             "Monday and killed at least three people, local officials said.\n\n"
                                             "Rescuers worked through the night with dogs."),
])
TWO_DAYS_ON = ("s-later", [
    report("b1", "bay-herald", "2025-04-16", "Officials in Velmar province raised the toll of the Orsk landslide "
                                             "to 14 dead on Wednesday.\n\nSchools in the province stay closed."),
])


def test_a_toll_in_two_stories_days_apart_is_one_progression_with_each_report_and_its_story():
    found = changed([FIRST_DAY, TWO_DAYS_ON])
    assert len(found) == 1
    record = found[0]
    assert record["about"] == "number"
    assert [(v["source"], v["normalized"], v["published"], v["story"]) for v in record["values"]] == [
        ("coast-wire", "3", "2025-04-14", "s-first"), ("bay-herald", "14", "2025-04-16", "s-later")]
    for v in record["values"]:  # each value is linked to the sentence that gives it
        article = next(a for _, ms in (FIRST_DAY, TWO_DAYS_ON) for a, _ in ms if a.id == v["article"])
        assert all(article.text[e["start"]:e["end"]] == e["text"] for e in v["evidence"])
        assert any(v["value"] in e["text"] for e in v["evidence"])
    assert progression_line(record) == "killed: at least three people → 14 dead, 14 Apr 2025 → 16 Apr 2025"
    shown = progressions_markdown(found)
    assert shown.startswith("## What changed across the storyline")
    assert "coast-wire" in shown and "(story `s-later`)" in shown


def test_one_storys_own_update_is_left_to_its_brief():
    one = ("s-one", FIRST_DAY[1] + TWO_DAYS_ON[1])
    other = ("s-other", [report("c1", "port-daily", "2025-04-20", "The Velmar regional assembly passed next "
                                                                  "year's budget after a long debate.")])
    assert changed([one, other]) == []


def test_the_day_of_one_happening_read_differently_days_apart_is_neither_a_conflict_nor_a_change():
    # "on Monday" is the landslide's day, "on Wednesday" the day of the new toll: no step of anything
    found = changed([FIRST_DAY, TWO_DAYS_ON])
    assert [record["about"] for record in found] == ["number"]


def test_reports_of_one_day_in_two_stories_are_no_progression():
    same_day = ("s-later", [report("b1", "bay-herald", "2025-04-14", TWO_DAYS_ON[1][0][0].text)])
    assert changed([FIRST_DAY, same_day]) == []


def test_an_undated_report_is_no_step_and_one_story_has_no_progressions():
    undated = ("s-later", [report("b1", "bay-herald", None, TWO_DAYS_ON[1][0][0].text)])
    assert changed([FIRST_DAY, undated]) == []
    assert changed([FIRST_DAY]) == []


def test_consecutive_reports_of_one_value_are_one_step():
    record = {"about": "number", "subject": "dead", "values": [
        {"value": "9", "normalized": "9", "published": "2025-06-04", "source": "a", "story": "s1", "evidence": []},
        {"value": "nine", "normalized": "9", "published": "2025-06-04", "source": "b", "story": "s1", "evidence": []},
        {"value": "11", "normalized": "11", "published": "2025-06-05", "source": "c", "story": "s2", "evidence": []},
        {"value": "14", "normalized": "14", "published": "2025-06-07", "source": "d", "story": "s3", "evidence": []}]}
    assert [(value, day, [v["source"] for v in reports]) for value, day, reports in steps(record)] == [  # type: ignore[arg-type]
        ("9", "2025-06-04", ["a", "b"]), ("11", "2025-06-05", ["c"]), ("14", "2025-06-07", ["d"])]
    assert progression_line(record) == "dead: 9 → 11 → 14, 4 Jun 2025 → 5 Jun 2025 → 7 Jun 2025"  # type: ignore[arg-type]


def test_a_storyline_in_markdown_and_on_its_page_shows_each_step_with_its_report():
    from storyline.progressions import storyline_markdown
    from storyline.web.views import progression_views

    record = changed([FIRST_DAY, TWO_DAYS_ON])[0]
    thread = {"id": "l-first", "title": "Landslide", "first_seen": "2025-04-14", "last_seen": "2025-04-16",
              "stories": [{"id": "s-first", "title": "A landslide", "first_seen": "2025-04-14",
                           "last_seen": "2025-04-14", "outlets": ["coast-wire"]},
                          {"id": "s-later", "title": "The toll", "first_seen": "2025-04-16",
                           "last_seen": "2025-04-16", "outlets": ["bay-herald"]}],
              "timeline": [], "progressions": [record]}
    shown = storyline_markdown(thread)  # type: ignore[arg-type]
    assert shown.index("## Stories") < shown.index("## What changed across the storyline")
    assert "killed: at least three people → 14 dead, 14 Apr 2025 → 16 Apr 2025" in shown
    assert "14 dead · 16 Apr 2025 · bay-herald (story `s-later`)" in shown
    [view] = progression_views([record])
    assert [(v["value"], v["day"], v["story"]) for v in view["values"]] == [
        ("at least three people", "14 Apr 2025", "s-first"), ("14 dead", "16 Apr 2025", "s-later")]


# a mother's children given as 13 in one story and 12 in the next: two outlets disagree, nothing fell
MOTHER = ("s-shooting", [
    report("m1", "coast-wire", "2025-04-14", "Tessa Moray, a mother of 13, was shot dead outside a school in Harwick "
                                             "on Monday, police said."),
])
VERDICT = ("s-verdict", [
    report("m2", "bay-herald", "2025-04-25", "A jury found Carl Benning guilty of shooting Tessa Moray, a mother of "
                                             "12, outside a school in Harwick."),
])
# a toll of 14 in one story and 12 days later in the next: a toll only grows
LOWER_TOLL = ("s-later", [
    report("b2", "bay-herald", "2025-04-17", "The Orsk landslide in Velmar province killed 12 people, officials said "
                                             "on Thursday.\n\nSchools in the province stay closed."),
])
HIGHER_TOLL = ("s-first", [
    report("a2", "coast-wire", "2025-04-14", "A landslide buried part of the hamlet of Orsk in Velmar province on "
                                             "Monday and killed 14 people, local officials said."),
])


def test_a_count_that_only_grows_shown_lower_in_a_later_story_is_no_change():
    assert [r for r in changed([MOTHER, VERDICT]) if r["about"] == "number"] == []
    assert [r for r in changed([HIGHER_TOLL, LOWER_TOLL]) if r["about"] == "number"] == []


def test_a_share_or_a_sum_can_fall_a_toll_or_a_parents_children_cannot():
    from storyline.compare.rising_counts import can_fall

    assert can_fall("percent") and can_fall("missing")
    assert not can_fall("killed") and not can_fall("injured:protest") and not can_fall("children")


FERRY = FIXTURES / "ferry_storyline" / "articles.jsonl"  # nine killed on 3 Jun, 14 on 9 Jun, in two stories


def tolls(shown: dict) -> list[tuple[str, str]]:
    return [(v["normalized"], v["published"]) for record in shown["progressions"] for v in record["values"]]


def test_a_storylines_progressions_are_made_at_ingest_and_read_when_shown_without_a_comparison(tmp_path, monkeypatch):
    import storyline.progressions

    cli = Cli(tmp_path / "ferry.db")
    cli("ingest", str(FERRY))
    [thread] = cli.json("storylines", "--json")
    newest = thread["stories"][-1]["id"]

    def no_comparison(*args: object) -> None:
        raise AssertionError("a reader's request compared the storyline's articles")

    monkeypatch.setattr(storyline.progressions, "progressions", no_comparison)
    assert tolls(cli.json("storyline", thread["id"], "--json")) == [("9", "2025-06-03"), ("14", "2025-06-09")]
    assert "killed: nine people → 14 people" in cli("storyline", thread["id"], "--markdown").stdout
    assert "killed: nine people → 14 people" in cli("show", newest, "--markdown").stdout


def test_storylines_compared_on_the_workers_are_what_one_process_makes(tmp_path):
    """The demo's storyline and the ferry's, compared together on the worker pool, have the
    progressions one process makes of them, record for record."""
    from storyline.briefing import sentence_vectors
    from storyline.progressions import refresh_progressions
    from storyline.store import open_store

    db = tmp_path / "two.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    cli("ingest", str(DEMO_ARTICLES))
    names = [thread["id"] for thread in cli.json("storylines", "--json")]
    assert len(names) == 2
    made = {}
    with open_store(db) as store:
        for processes in (2, 1):
            with store.transaction():
                store.forget_progressions(names)
            assert refresh_progressions(store, sentence_vectors, processes, every=True) == 2
            made[processes] = {name: store.stored_progressions(name) for name in names}
    assert made[2] == made[1]
    assert ("14", "2025-06-09") in tolls({"progressions": [p for kept in made[2].values() for p in kept[2]]})


def test_where_storylines_are_to_be_checked_none_is_compared_in_the_ingesting_process(tmp_path, monkeypatch):
    """More than one storyline to check: each one compared goes to the worker pool, even from a window
    that compares one alone, so that the process holding the run's models and stories compares none."""
    import os

    import storyline.progressions
    from storyline.briefing import sentence_vectors
    from storyline.engine import close_worker_pool
    from storyline.progressions import refresh_progressions
    from storyline.store import open_store

    db = tmp_path / "two.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    cli("ingest", str(DEMO_ARTICLES))
    names = [thread["id"] for thread in cli.json("storylines", "--json")]
    where, compare = tmp_path / "compared_in", storyline.progressions.progressions

    def compared_in(*args: object) -> object:
        with open(where, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return compare(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(storyline.progressions, "WINDOW", 1)
    monkeypatch.setattr(storyline.progressions, "progressions", compared_in)
    close_worker_pool()  # the pool forked from here on runs the recording comparison
    try:
        with open_store(db) as store:
            with store.transaction():
                store.forget_progressions(names)
            assert refresh_progressions(store, sentence_vectors, 2, every=True) == 2
    finally:
        close_worker_pool()
    pids = where.read_text(encoding="utf-8").split()
    assert pids and str(os.getpid()) not in pids


class Stored:
    """Stories of `size` articles each (ids "<story>.<n>", oldest first) of `length` characters, as a
    store reads their newest."""

    def __init__(self, size: int, length: int = 0) -> None:
        self.size, self.length, self.read = size, length, []

    def story_articles(self, story_id: str, latest: int) -> list[tuple[Article, None]]:
        self.read.append(story_id)
        return [(Article(id=f"{story_id}.{n}", source="", text="x" * self.length, text_hash=""), None)
                for n in range(max(0, self.size - latest), self.size)]

    def analyses(self, ids: list[str]) -> dict:
        return {}


@pytest.mark.parametrize(("stories", "size", "each"), [(3, 80, 60), (50, 20, 8), (79, 3, 3), (500, 3, 1)])
def test_a_storylines_comparison_reads_at_most_most_articles_however_many_its_stories(stories, size, each):
    """The newest PER_STORY articles of each story, fewer a story where there are many, down to one
    a story of the newest MOST stories: a long storyline's comparison costs what a shorter one's does."""
    from storyline.progressions import MOST, compared_of

    store = Stored(size)
    ids = [f"s{n:03d}" for n in range(stories)]
    compared, _ = compared_of(store, ids)  # type: ignore[arg-type]
    assert [story_id for story_id, _ in compared] == ids[-MOST:] == store.read
    assert all([a.id for a, _ in members] == [f"{story_id}.{n}" for n in range(size - each, size)]
               for story_id, members in compared)
    assert sum(len(members) for _, members in compared) <= MOST


@pytest.mark.parametrize(("stories", "size", "length", "each", "kept"),
                         [(3, 80, 10_000, 53, 3), (50, 20, 8_000, 4, 50), (500, 3, 8_000, 1, 200), (2, 1, 2_000_000, 1, 1)])
def test_a_storylines_comparison_reads_at_most_characters_of_text_however_long_its_articles(
        stories, size, length, each, kept, monkeypatch):
    """Long reports: as many of each story's newest articles as fit in CHARACTERS, the same number a
    story, then one a story of the newest stories that fit; the newest story is kept even alone over."""
    import storyline.progressions
    from storyline.progressions import compared_of

    monkeypatch.setattr(storyline.progressions, "CHARACTERS", 1_600_000)
    ids = [f"s{n:03d}" for n in range(stories)]
    compared, _ = compared_of(Stored(size, length), ids)  # type: ignore[arg-type]
    assert [story_id for story_id, _ in compared] == ids[-min(stories, 400):][-kept:]
    assert all([a.id for a, _ in members] == [f"{story_id}.{n}" for n in range(size - each, size)]
               for story_id, members in compared)
    assert sum(len(a.text) for _, members in compared for a, _ in members) <= 1_600_000 or kept == 1


ONE_OUTLET_LATER = ("s-later", [report("b1", "coast-wire", "2025-04-16", TWO_DAYS_ON[1][0][0].text)])
SAME_DAY = ("s-later", [report("b1", "bay-herald", "2025-04-14", TWO_DAYS_ON[1][0][0].text)])
UNDATED = ("s-later", [report("b1", "bay-herald", None, TWO_DAYS_ON[1][0][0].text)])


@pytest.mark.parametrize("later", [ONE_OUTLET_LATER, SAME_DAY, UNDATED])
def test_a_storyline_left_uncompared_is_one_whose_comparison_finds_no_change(later, monkeypatch):
    """One outlet's two reports days apart (one voice), two outlets' of one day, a report undated: the
    comparison is not made (can_change), and made anyway it finds nothing."""
    import storyline.progressions
    from storyline.progressions import can_change

    assert can_change([FIRST_DAY, TWO_DAYS_ON]) and not can_change([FIRST_DAY, later])
    monkeypatch.setattr(storyline.progressions, "can_change", lambda stories: True)
    assert changed([FIRST_DAY, later]) == []


def test_a_storyline_whose_stories_changed_is_never_shown_the_progressions_of_before(tmp_path):
    from storyline.store import open_store

    db = tmp_path / "ferry.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    [thread] = cli.json("storylines", "--json")
    newest = thread["stories"][-1]["id"]
    # bay-herald corrects its report (same URL, new text): the run makes the story's brief and the
    # storyline's progressions again
    edited = tmp_path / "edited.jsonl"
    record = json.loads(FERRY.read_text().splitlines()[-1])
    edited.write_text(json.dumps({**record, "text": record["text"].replace("said 14 people", "said 15 people")}) + "\n")
    assert "updated 1" in cli("ingest", str(edited)).stdout
    assert tolls(cli.json("storyline", thread["id"], "--json")) == [("9", "2025-06-03"), ("15", "2025-06-09")]
    # a story changed and the progressions not made since (a run dropped its brief and has not ended):
    # not yet computed, and said so; `check` names it and `check --repair` makes them
    with open_store(db) as store, store.transaction():
        store.forget_brief(newest)
    assert cli.json("storyline", thread["id"], "--json")["progressions"] is None
    for shown in (cli("storyline", thread["id"], "--markdown").stdout, cli("show", newest, "--markdown").stdout):
        assert "## What changed across the storyline\n\nNot yet computed" in shown and "15 people" not in shown
    assert "1 storylines whose progressions are not yet computed" in cli("check", expect=1).stderr
    assert "0 problems" in cli("check", "--repair").stdout  # the brief made again is the one they were made for
    assert tolls(cli.json("storyline", thread["id"], "--json")) == [("9", "2025-06-03"), ("15", "2025-06-09")]


@pytest.mark.parametrize("stories", [["s1", "s2"], ["s1", "s2", "s3"]])
def test_a_storylines_signature_changes_with_its_stories_and_with_any_of_their_briefs(stories):
    from storyline.progressions import made_from

    stamps = {s: (2, "brief/12", "d" * 64) for s in ["s1", "s2", "s3"]}
    signature = made_from(stories, stamps)
    assert made_from(stories, dict(stamps)) == signature
    assert made_from(stories[:-1], stamps) != signature  # a story unlinked
    for changed in [(3, "brief/12", stamps["s1"][2]), (2, "brief/13", stamps["s1"][2]),
                    (2, "brief/12", "e" * 64), None]:  # grown, other rules, another brief, no brief
        assert made_from(stories, {**stamps, "s1": changed}) != signature  # type: ignore[dict-item]


def test_a_storys_page_finds_its_storyline_from_its_own_links_without_linking_every_story(tmp_path, monkeypatch):
    """`show` and the story page read the storyline of the story they show by its links, outward: never
    every story's links and first days (a whole database's read on each view), nor every brief."""
    from fastapi.testclient import TestClient

    import storyline.brief
    from storyline.api import create_app
    from storyline.store.core import Store

    cli = Cli(tmp_path / "ferry.db")
    cli("ingest", str(FERRY))
    [thread] = cli.json("storylines", "--json")
    first, newest = thread["stories"][0]["id"], thread["stories"][-1]["id"]

    def whole_database(*args: object) -> None:
        raise AssertionError("a story's page linked every story of the database")

    days = Store.first_seen_days
    monkeypatch.setattr(Store, "story_links", whole_database)
    monkeypatch.setattr(Store, "first_seen_days", lambda store, ids=None: days(store, ids) if ids is not None
                        else whole_database())
    monkeypatch.setattr(storyline.brief, "thread_of", whole_database)
    assert "killed: nine people → 14 people" in cli("show", newest, "--markdown").stdout
    assert "across the storyline" not in cli("show", first, "--markdown").stdout  # only its newest story shows it
    with TestClient(create_app(str(tmp_path / "ferry.db"))) as c:
        page = c.get(f"/stories/{newest}").text
        assert 'id="changed"' in page and "14 people" in page and f"/storylines/{thread['id']}" in page
        assert 'id="changed"' not in c.get(f"/stories/{first}").text


class Linked:
    """Live stories, their first days and the links between them, as a store reads them."""

    def __init__(self, links: list[tuple[str, str]], days: dict[str, str | None]) -> None:
        self.links, self.days = links, days

    def storyline_links(self, story: str) -> list[tuple[str, str]]:
        reach, seen = [story], {story}
        while reach:
            reach = [s for a, b in self.links if a in reach or b in reach for s in (a, b) if s not in seen]
            seen.update(reach)
        return sorted((a, b) for a, b in self.links if a in seen)

    def first_seen_days(self, ids: list[str]) -> dict[str, str | None]:
        return {story: self.days[story] for story in ids if story in self.days}


def test_a_storyline_read_from_any_of_its_stories_is_the_one_every_storys_links_make():
    """Two storylines (one a chain of four stories, read from either end or the middle, one first day
    unknown) and a story linked to none: each story finds the storyline all links together make."""
    from storyline.progressions import newest_story_storyline, storyline_of
    from storyline.storylines import storyline_id, threads

    links = [("s1", "s2"), ("s3", "s2"), ("s3", "s4"), ("s5", "s6")]
    days = {"s1": "2025-06-03", "s2": "2025-06-01", "s3": "2025-06-09", "s4": "2025-06-05", "s5": None,
            "s6": "2025-07-01", "s7": "2025-06-02"}
    store = Linked(links, days)
    every = threads(links, days)
    assert every == [["s6", "s5"], ["s2", "s1", "s4", "s3"]]
    for story in days:
        assert storyline_of(store, story) == next((ids for ids in every if story in ids), [])  # type: ignore[arg-type]
        found = newest_story_storyline(store, story)  # type: ignore[arg-type]
        assert found == next(((storyline_id(ids), ids) for ids in every if ids[-1] == story), None)
    assert [story for story in days if newest_story_storyline(store, story)] == ["s3", "s5"]  # type: ignore[arg-type]


def test_counts_of_two_things_qualified_apart_across_stories_are_no_progression():
    # "two Labour candidates" then "three Liberal candidates" counts two parties' candidates, not one count
    # that changed; "three Labour candidates" later is one, named by its noun as written, not its stem
    spring = ("s-spring", [report("m1", "north-ledger", "2025-03-02", "The two Labour mayoral candidates met voters in "
                                  "Ostrava and promised cheaper buses for the city.\n\nThe vote is in May.")])

    def later(party: str) -> tuple[str, list[tuple[Article, str | None]]]:
        return ("s-later", [report("m2", "east-courier", "2025-03-20", f"All three {party} mayoral candidates met "
                                   "voters in Ostrava and promised cheaper buses for the city.\n\nThe vote is in May.")])

    assert changed([spring, later("Liberal")]) == []
    assert [progression_line(r) for r in changed([spring, later("Labour")])] == [
        "candidates: two Labour mayoral candidates → three Labour mayoral candidates, 2 Mar 2025 → 20 Mar 2025"]
