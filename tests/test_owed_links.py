"""A run killed after its briefs but before its stories' storyline links leaves those links to the next
run: a story is marked as owing its links (links_owed) in the transaction that saves its brief, and the
mark is cleared in the transaction that makes its links. The next ingest, even one with nothing new,
or `check --repair`, links what the killed run did not, and ends where an uninterrupted run ends."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, Cli

import storyline.briefing
import storyline.pipeline
from storyline.store.core import Store
from storyline.progressions import stale_progressions
from storyline.store import open_store

FERRY = FIXTURES / "ferry_storyline" / "articles.jsonl"  # nine killed on 3 Jun, 14 on 9 Jun, in two stories


class Killed(BaseException):
    """The run's process killed."""


def killed(*args: object, **kwargs: object) -> None:
    raise Killed


def halves(tmp_path):  # type: ignore[no-untyped-def]
    """The ferry's capsizing report, then the inquiry's, as two files: the second story is made, and its
    storyline link to the first, by the second run."""
    lines = FERRY.read_text().splitlines()
    first, second = tmp_path / "capsize.jsonl", tmp_path / "inquiry.jsonl"
    first.write_text(lines[0] + "\n")
    second.write_text(lines[1] + "\n")
    return first, second


def tolls(shown: dict) -> list[tuple[str, str]]:
    return [(v["normalized"], v["published"]) for record in shown["progressions"] for v in record["values"]]


def nothing_owed(db) -> None:  # type: ignore[no-untyped-def]
    with open_store(db) as store:
        assert store.owed_links() == {}
        assert store.owed_progressions() == {}
        assert stale_progressions(store) == ({}, [])


def killed_before_its_links(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A database whose second run was killed once its briefs were kept, before its links were made."""
    db = tmp_path / "killed.db"
    cli = Cli(db)
    first, second = halves(tmp_path)
    cli("ingest", str(first))
    monkeypatch.setattr(storyline.briefing, "relink_stories", killed)
    with pytest.raises(Killed):
        cli("ingest", str(second))
    monkeypatch.undo()
    assert cli.json("storylines", "--json") == []  # the inquiry's story is briefed but linked to nothing yet
    return cli, second


def uninterrupted(tmp_path) -> Cli:  # type: ignore[no-untyped-def]
    cli = Cli(tmp_path / "whole.db")
    for half in halves(tmp_path):
        cli("ingest", str(half))
    return cli


def test_the_next_ingest_makes_the_links_a_killed_run_left(tmp_path, monkeypatch):
    cli, second = killed_before_its_links(tmp_path, monkeypatch)
    with open_store(cli.db) as store:
        assert len(store.owed_links()) == 1  # the inquiry's story, marked with its brief

    assert "ingested 0, duplicates 1" in cli("ingest", str(second)).stdout  # nothing new, and yet
    whole = uninterrupted(tmp_path)
    [thread] = cli.json("storylines", "--json")
    assert [thread] == whole.json("storylines", "--json")
    assert tolls(cli.json("storyline", thread["id"], "--json")) == [("9", "2025-06-03"), ("14", "2025-06-09")]
    assert cli("export").stdout == whole("export").stdout
    nothing_owed(cli.db)


def test_check_names_the_links_a_killed_run_left_and_repair_makes_them(tmp_path, monkeypatch):
    cli, _ = killed_before_its_links(tmp_path, monkeypatch)
    assert "problem: 1 stories whose storyline links are not yet made" in cli("check", expect=1).stderr
    assert "0 problems" in cli("check", "--repair").stdout
    assert cli.json("storylines", "--json") == uninterrupted(tmp_path).json("storylines", "--json")
    nothing_owed(cli.db)


def test_a_run_killed_while_linking_leaves_no_half_of_its_links(tmp_path, monkeypatch):
    """Killed inside the links' own transaction: nothing of it is kept, and the marks stay with it."""
    db = tmp_path / "ferry.db"
    cli = Cli(db)
    first, second = halves(tmp_path)
    cli("ingest", str(first))
    monkeypatch.setattr(Store, "replace_links", killed)
    with pytest.raises(Killed):
        cli("ingest", str(second))
    monkeypatch.undo()
    with open_store(db) as store:
        assert len(store.owed_links()) == 1 and store.story_links() == []
    cli("ingest", str(second))
    assert cli.json("storylines", "--json") == uninterrupted(tmp_path).json("storylines", "--json")
    nothing_owed(db)


def test_a_story_marked_again_while_its_links_were_made_stays_owed(tmp_path):
    """Another run saved the story's brief again after this run read the marks: the mark it left is the
    other run's to clear, so that a kill of that run still leaves the links to the next."""
    db = tmp_path / "ferry.db"
    Cli(db)("ingest", str(FERRY))
    with open_store(db) as store:
        story = store.stories()[0].id
        with store.transaction():
            store.owe_links([story])
        read = store.owed_links()
        with store.transaction():
            store.owe_links([story])  # another run's brief, saved meanwhile
            store.paid_links(read)
        assert list(store.owed_links()) == [story]


def test_an_edited_article_whose_analysis_fails_keeps_its_old_text_and_brief_until_the_next_run(tmp_path, monkeypatch):
    """The outlet corrects its report; the analysis of the new text raises. Nothing of the edit is kept,
    so the story's brief still matches the text stored, and the next run makes the edit whole."""
    db = tmp_path / "ferry.db"
    cli = Cli(db)
    cli("ingest", str(FERRY))
    record = json.loads(FERRY.read_text().splitlines()[-1])
    edited = tmp_path / "edited.jsonl"
    edited.write_text(json.dumps({**record, "text": record["text"].replace("said 14 people", "said 15 people")}) + "\n")
    [thread] = cli.json("storylines", "--json")
    story = thread["stories"][-1]["id"]
    before = cli("show", story, "--json").stdout

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the analysis failed")

    monkeypatch.setattr(storyline.pipeline, "start_chunk_analyses", broken)
    with pytest.raises(RuntimeError):
        cli("ingest", str(edited))
    monkeypatch.undo()
    assert cli("show", story, "--json").stdout == before
    assert "said 14 people" in cli("export").stdout

    assert "updated 1" in cli("ingest", str(edited)).stdout
    assert tolls(cli.json("storyline", thread["id"], "--json")) == [("9", "2025-06-03"), ("15", "2025-06-09")]
    assert "said 15 people" in cli("export").stdout and "said 14 people" not in cli("export").stdout
    nothing_owed(db)
