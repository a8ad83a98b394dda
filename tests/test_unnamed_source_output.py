"""A quotation whose article gives its source without a name reaches the reader as that source: stored with
the analysis (and read back), `"unnamed_source"` beside a null speaker in `show --json` and the API, and "a
harbour aide" under "No person named" in `show`, on the story page and the article page, where
a quotation with no source at all stays "Unattributed". The reports are our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Cli, check_contract, write_article
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.store import open_store
from storyline.store.schema import MIGRATIONS

WIRE = ("Harbour master Ines Falkenrath said on Monday that the port of Kessel would reopen next month.\n\n"
        "The storm on Saturday night tore two cranes from their rails and flooded the container yard.\n\n"
        "\"The cranes will be back on their rails within three weeks,\" a harbour aide said.\n\n"
        "\"Our divers checked every single pile of the pier,\" Falkenrath said.")
LOCAL = ("The port of Kessel will reopen next month after the storm, its harbour master said on Monday.\n\n"
         "The storm on Saturday night tore two cranes from their rails and flooded the container yard.\n\n"
         "\"Nobody has told the dockers when the night shifts start again, and that is a scandal.\"\n\n"
         "Ines Falkenrath said the divers had checked the pier.")


@pytest.fixture(scope="module")
def kessel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("kessel")
    write_article(folder / "in", "wire.txt", "2025-03-10", "Kessel port to reopen next month after storm", WIRE)
    write_article(folder / "in", "local.txt", "2025-03-10", "Kessel port to reopen next month", LOCAL)
    cli = Cli(folder / "kessel.db")
    cli("ingest", str(folder / "in"))
    story = next(s for s in cli.json("stories", "--json") if "Kessel" in s["title"])
    return folder / "kessel.db", cli.json("show", story["id"], "--json")


def quote_of(brief: dict, words: str) -> dict:
    found = [q for q in brief["quotes"] if words in q["text"]]
    assert len(found) == 1, brief["quotes"]
    return found[0]


def test_the_brief_gives_the_unnamed_source_beside_a_null_speaker(kessel):
    db, brief = kessel
    cranes = quote_of(brief, "back on their rails")
    assert cranes["speaker"] is None and cranes["unnamed_source"] == "a harbour aide"
    dockers = quote_of(brief, "Nobody has told the dockers")
    assert dockers["speaker"] is None and dockers["unnamed_source"] is None
    divers = quote_of(brief, "every single pile")
    assert divers["speaker"] == "Ines Falkenrath" and divers["unnamed_source"] is None
    check_contract(db)


def test_the_store_keeps_the_phrase_and_its_span(kessel):
    db, brief = kessel
    wire = next(a for a in brief["articles"] if "after storm" in a["title"])
    with open_store(str(db)) as store:
        analysis = store.analyses([wire["id"]])[wire["id"]]
        text = next(a.text for a, _ in store.story_articles(brief["id"]) if a.id == wire["id"])
    cranes = next(q for q in analysis.quotes if "back on their rails" in q.text)
    assert cranes.speaker is None and cranes.unnamed_source == "a harbour aide"
    assert cranes.unnamed_span is not None and text[cranes.unnamed_span[0]:cranes.unnamed_span[1]] == "a harbour aide"


def test_show_says_who_gave_it_without_a_name(kessel):
    db, brief = kessel
    shown = Cli(db)("show", brief["id"]).stdout
    assert "No person named" in shown and "a harbour aide" in shown
    assert "Unattributed" in shown  # the dockers' quotation names no source at all
    assert shown.index("Ines Falkenrath") < shown.index("No person named")


def test_the_story_page_the_article_page_and_the_api_say_so(kessel):
    db, brief = kessel
    wire = next(a for a in brief["articles"] if "after storm" in a["title"])
    with TestClient(create_app(str(db))) as client:
        assert quote_of(client.get(f"/api/stories/{brief['id']}").json(), "back on their rails")["unnamed_source"] \
            == "a harbour aide"
        page = client.get(f"/stories/{brief['id']}").text
        assert "No person named" in page and "a harbour aide" in page and "Unattributed" in page
        article = client.get(f"/articles/{wire['id']}").text
        assert "a harbour aide" in article
        spans = client.get(f"/api/articles/{wire['id']}").json()["spans"]
        assert any(s["kind"] == "quote" and s["label"] == "quote: a harbour aide" for s in spans)


def test_a_store_of_the_schema_before_gains_the_columns_and_its_quotes_have_no_phrase(kessel, tmp_path):
    import shutil
    import sqlite3

    db, brief = kessel
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old = tmp_path / "old.db"
    shutil.copyfile(db, old)
    with sqlite3.connect(old) as conn:  # the quotations table as schema 10 made it
        for column in ("unnamed_source", "unnamed_start", "unnamed_end"):
            conn.execute(f"ALTER TABLE article_quotes DROP COLUMN {column}")
        for index in ("stories_updated", "stories_merged"):  # the later migrations' work, undone too
            conn.execute(f"DROP INDEX {index}")
        conn.execute("ALTER TABLE story_briefs DROP COLUMN digest")
        for table in ("storyline_progressions", "progressions_owed", "links_owed", "revision_owed",
                      "placing_runs", "word_documents"):  # migrations 13 to 16, and 18
            conn.execute(f"DROP TABLE {table}")
        conn.execute("PRAGMA user_version=10")
    wire = next(a for a in brief["articles"] if "after storm" in a["title"])
    with open_store(str(old)) as store:
        assert store.schema_version() == len(MIGRATIONS)
        cranes = next(q for q in store.analyses([wire["id"]])[wire["id"]].quotes if "back on their rails" in q.text)
    assert cranes.speaker is None and cranes.unnamed_source is None and cranes.unnamed_span is None
