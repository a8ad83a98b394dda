"""A database that another version of storyline wrote: its analyses and briefs were made by other
rules. `storyline check` names them; `check --repair` analyses those articles again and makes those
briefs again, ending exactly where a fresh ingest by this version ends."""

import shutil
import sqlite3

from conftest import Cli

from storyline.analyze import VERSION as ANALYSIS_VERSION
from storyline.brief import VERSION as BRIEF_VERSION


def test_check_names_what_another_version_made_and_repair_makes_it_again(demo_db, tmp_path):
    db = tmp_path / "older.db"
    shutil.copy(demo_db, db)
    stories = Cli(demo_db).json("stories", "--json")
    story = stories[0]["id"]
    fresh = Cli(demo_db)("show", story, "--json").stdout
    with sqlite3.connect(db) as conn:  # as an older version left them: other rules, other results
        members = [row[0] for row in conn.execute("SELECT article_id FROM story_members WHERE story_id = ?", (story,))]
        conn.executemany("UPDATE analyzed SET version = 'analyze-0' WHERE article_id = ?", [(m,) for m in members])
        conn.executemany("DELETE FROM article_quotes WHERE article_id = ?", [(m,) for m in members])
        conn.execute("""UPDATE story_briefs SET version = 'brief/0', brief = replace(brief, '"mentions": ', '"mentions": 1')""")
        conn.execute("DELETE FROM storyline_progressions")  # made by a version that did not keep them
    assert Cli(db)("show", story, "--json").stdout != fresh
    [thread] = Cli(demo_db).json("storylines", "--json")
    assert Cli(db).json("storyline", thread["id"], "--json")["progressions"] is None  # not yet computed

    older = Cli(db)("check", expect=1)
    assert f"{len(members)} articles analysed by another version of the analysis (not {ANALYSIS_VERSION})" in older.stderr
    assert f"{len(stories)} stories whose brief another version made (not {BRIEF_VERSION})" in older.stderr
    assert "1 storylines whose progressions are not yet computed" in older.stderr

    repaired = Cli(db)("check", "--repair")
    assert f"analysed {len(members)} articles again" in repaired.stdout and "0 problems" in repaired.stdout
    assert "made the progressions of 1 storylines" in repaired.stdout
    assert Cli(db)("show", story, "--json").stdout == fresh
    assert Cli(db)("storyline", thread["id"], "--json").stdout == Cli(demo_db)("storyline", thread["id"], "--json").stdout
    assert Cli(db)("export").stdout == Cli(demo_db)("export").stdout


def test_links_another_version_made_are_named_and_made_again(demo_db, tmp_path):
    """An older version linked stories on names this one leaves out (a link no story of this version
    would make): check names the stories holding its links, and --repair links them again by this
    version's rules, ending with the storylines a fresh ingest makes."""
    from storyline.storylines import VERSION

    db = tmp_path / "older.db"
    shutil.copy(demo_db, db)
    stories = [story["id"] for story in Cli(demo_db).json("stories", "--json")]
    with sqlite3.connect(db) as conn:
        linked = conn.execute("SELECT count(*) FROM story_links").fetchone()[0]
        conn.execute("UPDATE story_links SET version = 'storylines/0'")
        conn.execute("INSERT INTO story_links VALUES (?, ?, 0.9, 'storylines/0')", tuple(sorted(stories[-2:])))
        holding = {row[0] for row in conn.execute("SELECT a FROM story_links UNION SELECT b FROM story_links")}
    assert Cli(db).json("storylines", "--json") != Cli(demo_db).json("storylines", "--json")

    older = Cli(db)("check", expect=1)
    assert f"{len(holding)} stories whose storyline links another version made (not {VERSION})" in older.stderr
    repaired = Cli(db)("check", "--repair")
    assert f"linked {len(holding)} stories again" in repaired.stdout and "0 problems" in repaired.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), min(version) FROM story_links").fetchone() == (linked, VERSION)
    assert Cli(db).json("storylines", "--json") == Cli(demo_db).json("storylines", "--json")
