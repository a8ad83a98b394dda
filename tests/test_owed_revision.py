"""A run killed after its chunks were stored but before its revision leaves that revision to a later
run: each article placed is marked with its run (revision_owed) in the transaction that stores its
chunk, the run is seen placing then (placing_runs), and the marks are cleared in the transaction that
writes the revision. Once the killed run has been silent for ABANDONED_AFTER, the next ingest, even one
with nothing new, or `check --repair`, revises the stories it placed, and ends with the stories an
uninterrupted run makes; until then it may still be placing, and its articles are its own. On the
demo, placement alone splits one event's reports that revision joins, so a run whose revision never
happened would show a different set of stories."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import DEMO_ARTICLES, Cli

import storyline.pipeline
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.sources import read_inputs
from storyline.store import open_store
from storyline.store.owed import TRIES

SETTINGS = Settings(batch_size=6, analyze=False)  # several chunks, each committed before the revision


class Killed(BaseException):
    """The run's process killed."""


def killed(*args: object, **kwargs: object) -> None:
    raise Killed


def run(db: Path, items: list) -> None:
    with open_store(db, create=True) as store:
        ingest(items, store, SETTINGS)


def stories(db: Path) -> set[frozenset[str]]:
    """The stories as sets of article ids, from `storyline export`."""
    lines = [json.loads(line) for line in Cli(db)("export").stdout.splitlines()]
    groups: dict[str, set[str]] = {}
    for line in lines:
        if line["type"] == "article":
            groups.setdefault(line["story"], set()).add(line["id"])
    return {frozenset(group) for group in groups.values()}


def owed(db: Path) -> dict:
    """The articles placed by runs that are gone, not yet revised."""
    with open_store(db) as store:
        return store.owed_revision()


def marked(db: Path) -> int:
    """Every article placed and not yet revised, by a live run or a gone one."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM revision_owed").fetchone()[0]


def silent_since_long(db: Path) -> None:
    """Time passes: every run was last seen placing long ago, as a killed run was."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE placing_runs SET seen_at = '2000-01-01T00:00:00+00:00'")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The demo's records, and the stories an uninterrupted run makes of them."""
    items = list(read_inputs([str(DEMO_ARTICLES)], SETTINGS))
    whole = tmp_path_factory.mktemp("whole") / "whole.db"
    run(whole, items)
    return items, stories(whole)


def killed_before_its_revision(db: Path, items: list, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(storyline.pipeline, "_revise", killed)
    with pytest.raises(Killed):
        run(db, items)
    monkeypatch.undo()


def test_the_next_ingest_revises_what_a_killed_run_placed(tmp_path, monkeypatch, demo):
    items, whole = demo
    db = tmp_path / "killed.db"
    killed_before_its_revision(db, items, monkeypatch)
    assert marked(db) == len(items)  # every article stored, none revised
    assert stories(db) != whole  # as placed: what the run's revision would have joined is still apart

    silent_since_long(db)
    assert len(owed(db)) == len(items)
    with open_store(db) as store:
        report = ingest(items, store, SETTINGS)  # every record is stored already: nothing new
    assert report.ingested == 0 and report.duplicates == len(items)
    assert stories(db) == whole
    assert marked(db) == 0


def test_a_run_seen_placing_a_moment_ago_keeps_its_articles(tmp_path, monkeypatch, demo):
    """Another ingest, or `check`, while a run may still be placing: its articles are its own to revise."""
    items, whole = demo
    db = tmp_path / "placing.db"
    killed_before_its_revision(db, items, monkeypatch)
    placed = stories(db)
    assert owed(db) == {}
    with open_store(db) as store:
        ingest(items, store, SETTINGS)  # nothing new
        assert not [problem for problem in store.problems() if "revised" in problem]
    assert stories(db) == placed != whole
    assert marked(db) == len(items)


def test_check_names_the_unrevised_articles_and_repair_revises_them(tmp_path, monkeypatch, demo):
    items, whole = demo
    db = tmp_path / "killed.db"
    killed_before_its_revision(db, items, monkeypatch)
    silent_since_long(db)
    cli = Cli(db)
    assert f"problem: {len(items)} articles placed whose stories are not yet revised" in cli("check", expect=1).stderr
    repaired = cli("check", "--repair").stdout
    assert f"revised the stories of {len(items)} articles a killed run placed" in repaired
    assert "0 problems" in repaired
    assert stories(db) == whole
    assert marked(db) == 0


def test_an_uninterrupted_run_leaves_nothing_owed(tmp_path, demo):
    items, whole = demo
    db = tmp_path / "demo.db"
    run(db, items[:10])
    assert marked(db) == 0
    run(db, items[10:])
    assert marked(db) == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM placing_runs").fetchone()[0] == 0


class Fault(Exception):
    """A fault in revision's code that what a killed run placed meets at every try."""


def faulty(*args: object, **kwargs: object) -> None:
    raise Fault


def test_a_revision_that_fails_on_what_a_killed_run_placed_is_given_up_after_so_many_tries(tmp_path, monkeypatch, demo):
    """Each later run tries it and fails; after TRIES of them the next gives it up and says so, the
    articles stay as placed, and ingesting goes on."""
    items, whole = demo
    db = tmp_path / "killed.db"
    killed_before_its_revision(db, items, monkeypatch)
    placed = stories(db)
    silent_since_long(db)
    monkeypatch.setattr(storyline.pipeline, "_revise", faulty)
    for _ in range(TRIES):
        with open_store(db) as store, pytest.raises(Fault):
            ingest([], store, SETTINGS)
    assert len(owed(db)) == len(items)
    with open_store(db) as store:
        report = ingest([], store, SETTINGS)
    assert report.unrevised == len(items)
    assert f"gave up revising the stories of {len(items)} articles a killed run placed" in report.summary()
    assert marked(db) == 0 and stories(db) == placed != whole
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM placing_runs").fetchone()[0] == 0
    with open_store(db) as store:
        assert not [problem for problem in store.problems() if "revised" in problem]


def test_a_revision_that_fails_fewer_times_than_the_tries_is_made_once_it_can_be(tmp_path, monkeypatch, demo):
    items, whole = demo
    db = tmp_path / "killed.db"
    killed_before_its_revision(db, items, monkeypatch)
    silent_since_long(db)
    monkeypatch.setattr(storyline.pipeline, "_revise", faulty)
    for _ in range(TRIES - 1):
        with open_store(db) as store, pytest.raises(Fault):
            ingest([], store, SETTINGS)
    monkeypatch.undo()  # the fault mended
    with open_store(db) as store:
        assert ingest([], store, SETTINGS).unrevised == 0
    assert stories(db) == whole and marked(db) == 0
