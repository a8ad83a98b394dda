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
