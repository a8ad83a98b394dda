"""Helpers for the web tests: a uvicorn server on a free port in a thread, and a story whose brief
carries claims, a conflict, a timeline, a summary and a quote in two wordings.

The comparison stage does not write claims yet; `enrich_motivating_story` stores the brief it
should make for the motivating case (the venue conflict of DESIGN.md) in `story_briefs`, the
table `load_brief` reads, so every page renders real claims from a real database."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import DEMO_ARTICLES, Cli


def demo_copy(demo_db: Path, folder: Path) -> Path:
    """A private copy of the session's demo database (WAL checkpointed first), for tests that write."""
    with sqlite3.connect(demo_db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = folder / "demo-copy.db"
    shutil.copyfile(demo_db, target)
    return target


def story_id_with(db: Path, words: str) -> str:
    rows = Cli(db).json("stories", "--json")
    return next(s["id"] for s in rows if words in s["title"])


def _span(texts: dict[str, str], article: str, phrase: str) -> dict:
    start = texts[article].find(phrase)
    assert start >= 0, f"{phrase!r} is not in {article}"
    return {"article": article, "start": start, "end": start + len(phrase)}


def enrich_motivating_story(db: Path) -> str:
    """Give the Rubio story claims (one a venue conflict), a timeline, a summary and one quote in the
    words of two outlets; returns the story id."""
    story_id = story_id_with(db, "Rubio")
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("""SELECT a.id, a.text, s.name FROM articles a JOIN sources s ON s.id = a.source_id
                           JOIN story_members m ON m.article_id = a.id WHERE m.story_id = ?""", (story_id,)).fetchall()
    texts = {row["id"]: row["text"] for row in rows}
    by_outlet = {row["name"]: row["id"] for row in rows}
    cd, nl = by_outlet["capital-dispatch"], by_outlet["northern-ledger"]
    row = conn.execute("SELECT brief FROM story_briefs WHERE story_id = ?", (story_id,)).fetchone()
    brief = json.loads(row["brief"]) if row else {"entities": [], "quotes": []}
    ended = [_span(texts, cd, "The President wishes that this war is ended, and not that it is put on pause"),
             _span(texts, nl, "The president wants this war to be over, not put on pause.")]
    brief["claims"] = [
        {"text": "Rubio made the remarks", "status": "conflict", "sources": ["capital-dispatch", "northern-ledger"],
         "evidence": [_span(texts, cd, "at a briefing for journalists"), _span(texts, nl, "a talk radio programme")],
         "conflict": {"about": "venue", "values": [
             {"source": "capital-dispatch", "value": "at a briefing",
              "evidence": [_span(texts, cd, "at a briefing for journalists")]},
             {"source": "northern-ledger", "value": "on a radio show",
              "evidence": [_span(texts, nl, "a talk radio programme")]}]}},
        {"text": "The President wants the war ended, not paused", "status": "corroborated",
         "sources": ["capital-dispatch", "northern-ledger"], "evidence": ended},
        {"text": "Peace will come in stages, starting with a ceasefire that is not yet negotiated",
         "status": "corroborated", "sources": ["capital-dispatch", "northern-ledger"],
         "evidence": [_span(texts, cd, "The first stage is a ceasefire"),
                      _span(texts, nl, "the first stage is a ceasefire")]},
        {"text": "Rubio will meet Vice President JD Vance in Munich", "status": "single",
         "sources": ["northern-ledger"],
         "evidence": [_span(texts, nl, "he would meet Vice President JD Vance in Munich")]},
        {"text": "The United States sees economic interests in Ukraine: minerals, joint ventures, rebuilding",
         "status": "single", "sources": ["capital-dispatch"],
         "evidence": [_span(texts, cd, "the United States sees economic interests in Ukraine")]},
    ]
    brief["timeline"] = [
        {"date": "2025-02-12", "text": "Trump speaks by phone with Putin and Zelensky",
         "sources": ["capital-dispatch", "northern-ledger"],
         "evidence": [_span(texts, nl, "two days earlier")]},
        {"date": "2025-02-14", "text": "Rubio says the war must end, not pause",
         "sources": ["capital-dispatch", "northern-ledger"], "evidence": ended},
    ]
    brief["summary"] = [{"text": "Rubio says the President wants the war in Ukraine ended, not paused, in stages "
                                 "that begin with a ceasefire.", "sources": ["capital-dispatch", "northern-ledger"],
                         "evidence": ended}]
    brief["quotes"] = [{"speaker": "Marco Rubio", "text": texts[cd][ended[0]["start"]:ended[0]["end"]],
                        "sources": ["capital-dispatch", "northern-ledger"], "direct": True,
                        "variants": [{"article": s["article"], "text": texts[s["article"]][s["start"]:s["end"]],
                                      "start": s["start"], "end": s["end"]} for s in ended]},
                       *brief.get("quotes", [])]
    size = conn.execute("SELECT size FROM stories WHERE id = ?", (story_id,)).fetchone()["size"]
    with conn:
        conn.execute("""INSERT INTO story_briefs(story_id, brief, size, version, updated_at)
                        VALUES (?, ?, ?, 'test/1', '2025-02-14T00:00:00+00:00')
                        ON CONFLICT(story_id) DO UPDATE SET brief = excluded.brief""",
                     (story_id, json.dumps(brief), size))
        # The other stories keep no claims, so that per-outlet counts come from this brief alone.
        conn.execute("UPDATE story_briefs SET brief = json_set(brief, '$.claims', json('[]')) WHERE story_id != ?",
                     (story_id,))
    conn.close()
    return story_id


HOSTILE_TITLE = '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'">'
HOSTILE_TEXT = ('Hostile markup test. <script>window.__pwned = "text"; alert(1)</script> '
                '<img src="x" onerror="window.__pwned = \'onerror\'; alert(2)"> '
                '<a href="javascript:window.__pwned=\'link\'">click me</a> <svg onload="alert(3)"></svg> '
                'The council of Marlowe Bay met on Tuesday about the harbour wall and nothing else.')


def hostile_articles() -> list[dict]:
    """Articles whose title, text and URL try to run script."""
    return [{"title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "date": "2025-03-01", "source": "<b>evil-outlet</b>",
             "url": "javascript:alert('url')"},
            {"title": "A second hostile <iframe src=javascript:alert(4)>", "text": HOSTILE_TEXT + " Again.",
             "date": "2025-03-01", "source": "other-outlet", "url": "JaVaScRiPt:alert(5)"}]


def ingest_with_unchecked_urls(db: Path, folder: Path, articles: list[dict]) -> None:
    """Store articles as a database written before URLs were checked at ingest holds them: ingested
    without their URLs (ingest now refuses a `javascript:` one), then given them as written, so that
    the pages' own defence (only http(s) becomes a link) is still what is tested."""
    path = folder / "hostile.json"
    path.write_text(json.dumps([{k: v for k, v in a.items() if k != "url"} for a in articles]))
    Cli(db)("ingest", str(path))
    with sqlite3.connect(db) as conn:
        for article in articles:
            conn.execute("UPDATE articles SET url = ? WHERE title = ?", (article["url"], article["title"]))
    conn.close()


@contextmanager
def running_server(app) -> Iterator[str]:
    """Serve an ASGI app with uvicorn on 127.0.0.1 and a free port, in a thread; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def ingest_demo(db: Path) -> None:
    Cli(db)("ingest", str(DEMO_ARTICLES))
