"""An ingest checks the storylines its changes reached, never every storyline of the database: the
stories a run changed are marked in the transaction that changes them (progressions_owed), and the
run's end, or the next run's where it was killed first, makes those storylines' progressions and
clears the marks. What it leaves is what the whole check (`check --repair`) would leave."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import DEMO_ARTICLES, FIXTURES, Cli

import storyline.pipeline
from storyline.progressions import stale_progressions
from storyline.store import open_store
from storyline.store.core import Store

FERRY = FIXTURES / "ferry_storyline" / "articles.jsonl"  # nine killed on 3 Jun, 14 on 9 Jun, in two stories
OLD = "2000-01-01T00:00:00+00:00"


def tolls(shown: dict) -> list[tuple[str, str]]:
    return [(v["normalized"], v["published"]) for record in shown["progressions"] for v in record["values"]]


def corrected(tmp_path, before: str, after: str):  # type: ignore[no-untyped-def]
    """bay-herald's ferry report as it corrects it (the same URL, new text)."""
    edited = tmp_path / "edited.jsonl"
    record = json.loads(FERRY.read_text().splitlines()[-1])
    edited.write_text(json.dumps({**record, "text": record["text"].replace(before, after)}) + "\n")
    return edited


def whole_check_finds_nothing(db) -> None:  # type: ignore[no-untyped-def]
    with open_store(db) as store:
        assert stale_progressions(store) == ({}, [])
        assert store.owed_progressions() == {}


def kept_rows(db) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(db) as conn:
        return {name: (signature, updated) for name, signature, updated in
                conn.execute("SELECT storyline_id, signature, updated_at FROM storyline_progressions")}


def test_an_ingest_makes_again_the_storyline_it_changed_and_reads_no_other(tmp_path, monkeypatch):
    db = tmp_path / "two.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    cli("ingest", str(DEMO_ARTICLES))
    threads = {len(t["stories"]): t["id"] for t in cli.json("storylines", "--json")}
    ferry = next(t["id"] for t in cli.json("storylines", "--json") if tolls(cli.json("storyline", t["id"], "--json")))
    [demo] = set(threads.values()) - {ferry}
    whole_check_finds_nothing(db)
    with sqlite3.connect(db) as conn:  # as kept long ago: a row made again shows a new day
        conn.execute("UPDATE storyline_progressions SET updated_at = ?", (OLD,))
    before = kept_rows(db)

    def whole_database(*args: object) -> None:
        raise AssertionError("an ingest read every storyline of the database")

    monkeypatch.setattr(Store, "story_links", whole_database)
    brief_stamps = Store.brief_stamps
    monkeypatch.setattr(Store, "brief_stamps", lambda store, ids=None: brief_stamps(store, ids) if ids is not None
                        else whole_database())
    assert "updated 1" in cli("ingest", str(corrected(tmp_path, "said 14 people", "said 15 people"))).stdout
    monkeypatch.undo()

    after = kept_rows(db)
    assert after[demo] == before[demo]  # untouched: its stories did not change
    assert after[ferry][1] != OLD and after[ferry][0] != before[ferry][0]
    assert tolls(cli.json("storyline", ferry, "--json")) == [("9", "2025-06-03"), ("15", "2025-06-09")]
    whole_check_finds_nothing(db)


class Killed(BaseException):
    """The run's process killed."""


def test_a_run_killed_after_its_briefs_leaves_its_storylines_to_the_next_ingest(tmp_path, monkeypatch):
    db = tmp_path / "ferry.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    [thread] = cli.json("storylines", "--json")

    def killed(*args: object, **kwargs: object) -> None:
        raise Killed

    monkeypatch.setattr(storyline.pipeline, "refresh_progressions", killed)
    edited = corrected(tmp_path, "said 14 people", "said 15 people")
    with pytest.raises(Killed):  # its briefs are kept (committed), its progressions never begun
        cli("ingest", str(edited))
    monkeypatch.undo()
    assert cli.json("storyline", thread["id"], "--json")["progressions"] is None  # not yet computed
    with open_store(db) as store:
        assert thread["stories"][-1]["id"] in store.owed_progressions()

    assert "ingested 0, duplicates 1" in cli("ingest", str(edited)).stdout  # a run with nothing new finishes them
    assert tolls(cli.json("storyline", thread["id"], "--json")) == [("9", "2025-06-03"), ("15", "2025-06-09")]
    whole_check_finds_nothing(db)


def test_the_progressions_of_a_storyline_no_more_are_dropped_by_the_next_ingest(tmp_path):
    """Its stories unlinked (here by hand, as a relink that finds them apart would), the storyline is
    no more: the next run drops what was kept for it, as the whole check would."""
    from storyline import storylines

    db = tmp_path / "ferry.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    [thread] = cli.json("storylines", "--json")
    with open_store(db) as store, store.transaction():
        store.replace_links(thread["stories"][0]["id"], [], storylines.VERSION)
    assert cli.json("storylines", "--json") == []
    cli("ingest", str(FERRY))
    assert kept_rows(db) == {}
    whole_check_finds_nothing(db)


def test_a_database_an_older_version_wrote_is_checked_whole_by_its_next_ingest(tmp_path):
    """Its runs marked nothing: migration 14 owes every storyline, once."""
    db = tmp_path / "ferry.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    [thread] = cli.json("storylines", "--json")
    with sqlite3.connect(db) as conn:  # as migration 13 left it, its progressions never made
        conn.execute("DROP TABLE progressions_owed")
        conn.execute("DROP TABLE links_owed")  # migration 15's
        conn.execute("DROP TABLE revision_owed")  # migration 16's
        conn.execute("DROP TABLE placing_runs")
        conn.execute("DROP TABLE word_documents")  # migration 18's
        conn.execute("DELETE FROM storyline_progressions")
        conn.execute("PRAGMA user_version = 13")
    cli("ingest", str(FERRY))
    assert tolls(cli.json("storyline", thread["id"], "--json")) == [("9", "2025-06-03"), ("14", "2025-06-09")]
    whole_check_finds_nothing(db)


def test_runs_of_part_of_the_demo_each_leave_what_the_whole_check_would(tmp_path):
    """Outlet by outlet, the demo's stories grow, merge and link into storylines: after each run, no
    storyline of the database is owed its progressions nor holds stale ones."""
    db = tmp_path / "demo.db"
    cli = Cli(db)
    for outlet in sorted(DEMO_ARTICLES.iterdir()):
        cli("ingest", str(outlet))
        whole_check_finds_nothing(db)
    assert Cli(db)("storylines", "--json").stdout  # a storyline was made
