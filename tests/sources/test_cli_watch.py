"""Feeds through the CLI, as a user follows outlets: ingest a feed URL, watch, OPML, sources."""

from __future__ import annotations

import json

from livehttp import FEEDS, LiveServer, server, tripwire  # noqa: F401

from conftest import Cli


def serve_outlets(site: LiveServer) -> None:
    for name in ("bridge-reopens", "flood-warning", "library-vote", "teaser"):
        site.fixture(f"/articles/{name}.html", f"articles/{name}.html", "text/html; charset=utf-8")
    site.fixture("/feeds/rss1.rdf", "rss1.rdf", "application/rdf+xml")
    site.fixture("/subscriptions.opml", "subscriptions.opml", "text/x-opml")


def conditional(site: LiveServer, path: str, name: str, content_type: str, etag: str) -> str:
    body = (FEEDS / name).read_text().replace("{{BASE}}", site.base).encode()
    return site.route(path, lambda h: h.reply(304, b"", None) if h.headers.get("If-None-Match") == etag
                      else h.reply(200, body, content_type, {"ETag": etag}))


def test_a_feed_url_becomes_articles_and_stories_and_a_304_adds_nothing(server: LiveServer, tmp_path) -> None:
    serve_outlets(server)
    url = conditional(server, "/feeds/rss2.xml", "rss2.xml", "application/rss+xml", '"v1"')
    cli = Cli(tmp_path / "f.db")
    first = cli("ingest", url, "--allow-private-network")
    assert first.stdout.startswith("ingested 3,")
    assert "kept the feed's text" in first.stderr  # the ferry page does not exist
    stories = cli.json("stories", "--json")
    assert {a["source"] for s in stories for a in s["articles"]} == {"Northbay Ledger"}
    assert any(a["url"] == server.url("/articles/bridge-reopens.html") for s in stories for a in s["articles"])
    second = cli("ingest", url, "--allow-private-network")
    assert second.stdout.startswith("ingested 0, duplicates 0, rejected 0")
    assert server.count("/articles/bridge-reopens.html") == 1
    feeds = cli.json("sources", "--json")["feeds"]
    assert feeds[0]["url"] == url and feeds[0]["last_success"] and feeds[0]["last_error"] is None


def test_private_addresses_are_refused_unless_allowed(server: LiveServer, tmp_path) -> None:
    serve_outlets(server)
    cli = Cli(tmp_path / "p.db")
    result = cli("ingest", server.url("/feeds/rss1.rdf"), expect=1)
    assert "error: " in result.stderr and "refused" in result.stderr.lower()
    assert server.count("/feeds/rss1.rdf") == 0


def test_watch_once_polls_an_opml_list_and_keeps_each_feeds_state(server: LiveServer, tmp_path) -> None:
    serve_outlets(server)
    server.fixture("/feeds/rss2.xml", "rss2.xml", "application/rss+xml; charset=utf-8")
    server.fixture("/feeds/atom.xml", "atom.xml", "application/atom+xml")
    opml = tmp_path / "subscriptions.opml"
    opml.write_text((FEEDS / "subscriptions.opml").read_text().replace("{{BASE}}", server.base))
    cli = Cli(tmp_path / "w.db")
    result = cli("watch", str(opml), "--once", "--allow-private-network", expect=None)
    assert "polled" in result.stderr
    listed = cli.json("sources", "--json")
    assert {feed["url"] for feed in listed["feeds"]} >= {server.url("/feeds/rss2.xml"), server.url("/feeds/atom.xml")}
    assert sum(outlet["articles"] for outlet in listed["outlets"]) >= 3
    again = cli("watch", "--once", "--allow-private-network", expect=None)
    assert "ingested 0," in again.stdout


def test_a_saved_feed_file_is_ingested_from_its_own_text(tmp_path) -> None:
    saved = tmp_path / "ledger.xml"
    saved.write_text((FEEDS / "rss2.xml").read_text().replace("{{BASE}}", "https://northbay.example"))
    cli = Cli(tmp_path / "s.db")
    result = cli("ingest", str(saved))
    assert result.stdout.startswith("ingested 3,")
    lines = [json.loads(line) for line in cli("export").stdout.splitlines() if '"type": "article"' in line]
    assert {line["source"] for line in lines} == {"Northbay Ledger"}


def test_an_edited_feed_entry_updates_its_article(server: LiveServer, tmp_path) -> None:
    page = "<html><body><article><h1>Ferry service resumes</h1><p>{}</p></article></body></html>"
    first = "The ferry between Northbay and Seal Island resumed on Monday after the storm damaged the quay. " * 3
    second = "The ferry between Northbay and Seal Island resumed on Monday, but only twice a day until repairs end. " * 3
    server.static("/articles/ferry.html", page.format(first))
    item = ('<item><title>Ferry service resumes</title><link>{base}/articles/ferry.html</link>'
            '<pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate><description>{desc}</description></item>')
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Times</title>{}</channel></rss>'
    url = server.static("/feed.xml", feed.format(item.format(base=server.base, desc="The ferry is back.")),
                        "application/rss+xml")
    cli = Cli(tmp_path / "e.db")
    assert cli("ingest", url, "--allow-private-network").stdout.startswith("ingested 1,")
    # Polled again unchanged: the page is not fetched again.
    cli("watch", "--once", "--allow-private-network", expect=None)
    assert server.count("/articles/ferry.html") == 1
    # The outlet edits the entry and the page: the article takes the new text.
    server.static("/articles/ferry.html", page.format(second))
    server.static("/feed.xml", feed.format(item.format(base=server.base, desc="The ferry is back, twice a day.")),
                  "application/rss+xml")
    result = cli("watch", "--once", "--allow-private-network", expect=None)
    assert "updated 1" in result.stdout
    [line] = [json.loads(l) for l in cli("export").stdout.splitlines() if '"type": "article"' in l]
    assert "twice a day" in line["text"]


def test_the_api_shows_each_feeds_state_as_the_cli_does(server: LiveServer, tmp_path) -> None:
    """Two feeds watched; one breaks. /api/sources lists each feed under the outlet its articles carry,
    with the same last success, last error and next poll as `storyline sources --json`; /sources shows it."""
    from fastapi.testclient import TestClient

    from storyline.api import create_app

    serve_outlets(server)
    ledger = server.fixture("/feeds/rss2.xml", "rss2.xml", "application/rss+xml; charset=utf-8")
    server.static("/articles/quay.html", "<html><body><article><h1>Quay repaired</h1><p>"
                  + "The quay at Seal Island was repaired on Monday after the winter storms. " * 3
                  + "</p></article></body></html>")
    item = (f"<item><title>Quay repaired</title><link>{server.base}/articles/quay.html</link>"
            "<pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate><description>The quay is mended.</description></item>")
    quay = server.static("/quay.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Times</title>'
                                      f"{item}</channel></rss>", "application/rss+xml")
    db = tmp_path / "feeds.db"
    cli = Cli(db)
    cli("watch", ledger, quay, "--once", "--allow-private-network", expect=None)
    server.static("/quay.xml", "gone", "text/plain", status=404)
    cli("watch", "--once", "--allow-private-network", expect=None)
    listed = cli.json("sources", "--json")
    with TestClient(create_app(str(db))) as client:
        page = client.get("/api/sources").json()
        html = client.get("/sources").text
    outlets = {outlet["source"]: outlet for outlet in page["items"]}
    assert page["total"] == len(outlets) == 2
    assert [feed["url"] for feed in outlets["Northbay Ledger"]["feeds"]] == [ledger]
    assert [feed["url"] for feed in outlets["Quay Times"]["feeds"]] == [quay]
    assert outlets["Quay Times"]["article_count"] == 1
    by_url = {feed["url"]: feed for outlet in page["items"] for feed in outlet["feeds"]}
    assert by_url == {feed["url"]: feed for feed in listed["feeds"]}
    broken, working = by_url[quay], by_url[ledger]
    assert broken["failures"] == 1 and "404" in broken["last_error"] and broken["last_success"] and broken["next_poll"]
    assert working["failures"] == 0 and working["last_error"] is None and working["last_success"]
    assert quay in html and "failing (1 time)" in html
