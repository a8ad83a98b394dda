"""Feed entries and URLs into Records: page text, fallbacks that say so, dates and outlet names."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from livehttp import FEEDS, LiveServer, local_client, server, tripwire  # noqa: F401

from storyline.model import Record, Rejection
from storyline.sources.feeds import FeedEntry, FeedState
from storyline.sources.pages import (
    WebRecord,
    fetch_article,
    outlet_of,
    record_from_page,
    records_from_feed,
    records_from_url,
)

NOW = datetime(2025, 3, 6, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def site(server: LiveServer) -> LiveServer:
    """The fixture outlets: three feeds, an OPML list, article pages and a front page."""
    server.fixture("/feeds/rss2.xml", "rss2.xml", "application/rss+xml; charset=utf-8")
    server.fixture("/feeds/rss1.rdf", "rss1.rdf", "application/rdf+xml")
    server.fixture("/feeds/atom.xml", "atom.xml", "application/atom+xml")
    server.fixture("/subscriptions.opml", "subscriptions.opml", "text/x-opml")
    server.fixture("/", "not-a-feed.html", "text/html; charset=utf-8")
    for name in ("bridge-reopens", "flood-warning", "library-vote", "teaser", "quay-cafe"):
        server.fixture(f"/articles/{name}.html", f"articles/{name}.html", "text/html; charset=utf-8")
    return server


def test_records_from_rss2_use_page_text_and_fall_back_to_feed_text(site: LiveServer) -> None:
    url = site.url("/feeds/rss2.xml")
    with local_client() as client:
        items, state, not_modified = records_from_feed(client, url, now=NOW)
    assert not not_modified and state.title == "Northbay Ledger" and state.last_error is None
    bridge, flood, ferry = items
    assert all(isinstance(item, WebRecord) for item in items)
    assert bridge.source == flood.source == ferry.source == "Northbay Ledger"
    assert bridge.origin == bridge.url == site.url("/articles/bridge-reopens.html")
    assert bridge.title == "Harbour bridge reopens after eight months of repairs"
    assert "Engineers replaced twenty-six of the bridge's cables" in bridge.text
    assert "Copyright" not in bridge.text and "Sport" not in bridge.text
    assert (bridge.text_from, bridge.note, bridge.date_from) == ("page", None, "feed")
    assert bridge.published == datetime(2025, 3, 4, 8, 15, tzinfo=timezone.utc)
    assert bridge.external_id == "ledger-2025-0304-bridge"
    assert bridge.language == "en"
    assert "Kettle Mill gauge stood at 3.4 metres" in flood.text
    # the ferry page does not exist: the feed's full content stands in, and the record says so
    assert ferry.text_from == "feed" and ferry.note == "kept the feed's text: 404 Not Found"
    assert ferry.text.startswith("Ferries between the quay and Seal Island will run every half hour")
    assert ferry.url == site.url("/articles/ferry-timetable.html")


def test_records_from_rss1_and_atom(site: LiveServer) -> None:
    with local_client() as client:
        rdf, _, _ = records_from_feed(client, site.url("/feeds/rss1.rdf"), now=NOW)
        atom, _, _ = records_from_feed(client, site.url("/feeds/atom.xml"), source="Seal Island Post (web)", now=NOW)
    (library,) = rdf
    assert library.source == "Aln Valley Gazette" and "nineteen votes to twelve" in library.text
    assert library.published == datetime(2025, 3, 5, 20, 40, tzinfo=timezone.utc)
    rescue, lighthouse = atom
    assert rescue.source == lighthouse.source == "Seal Island Post (web)"
    assert rescue.text_from == "feed" and rescue.note == "kept the feed's text: 404 Not Found"
    assert rescue.text.startswith("The crew of the late ferry pulled two kayakers")
    assert lighthouse.text_from == "page" and "harbour bridge reopened" in lighthouse.text


def test_not_modified_feed_yields_nothing(site: LiveServer) -> None:
    body = (FEEDS / "atom.xml").read_text().replace("{{BASE}}", site.base).encode()
    site.route("/feeds/atom.xml", lambda h: h.reply(304, b"", None) if h.headers.get("If-None-Match") == '"a1"'
               else h.reply(200, body, "application/atom+xml", {"ETag": '"a1"'}))
    with local_client() as client:
        first, state, first_nm = records_from_feed(client, site.url("/feeds/atom.xml"), now=NOW)
        second, state2, second_nm = records_from_feed(client, site.url("/feeds/atom.xml"), state, now=NOW)
    assert len(first) == 2 and not first_nm
    assert second == [] and second_nm and state2.etag == '"a1"'
    assert site.count("/feeds/atom.xml") == 2


def test_known_entries_are_not_fetched_again(site: LiveServer) -> None:
    known = {site.url("/articles/bridge-reopens.html"), site.url("/articles/flood-warning.html")}
    with local_client() as client:
        items, _, _ = records_from_feed(client, site.url("/feeds/rss2.xml"), is_known=lambda e: e.link in known, now=NOW)
    assert [item.title for item in items] == ["Ferry timetable changes for the spring"]
    assert site.count("/articles/bridge-reopens.html") == 0


def test_a_broken_feed_becomes_one_rejection(site: LiveServer) -> None:
    url = site.static("/feeds/gone.xml", "gone", "text/plain", status=410)
    with local_client() as client:
        items, state, not_modified = records_from_feed(client, url, now=NOW)
    assert items == [Rejection(url, f"{url}: 410 Gone")]
    assert state.failures == 1 and state.last_error == f"{url}: 410 Gone" and not not_modified


def entry(link: str | None, **fields: object) -> FeedEntry:
    values = {"title": "Quay market moves indoors", "link": link, "published": None, "author": None,
              "summary": "The market moves into the old fish hall for the winter months.", "content": "",
              "entry_id": "market-1"}
    values.update(fields)
    return FeedEntry(**values)  # type: ignore[arg-type]


def test_teaser_page_keeps_the_longer_feed_text(site: LiveServer) -> None:
    with local_client() as client:
        record = fetch_article(client, entry(site.url("/articles/teaser.html")), "Quay Weekly", now=NOW)
    assert isinstance(record, WebRecord) and record.text_from == "feed"
    assert record.note == "kept the feed's text: the page has less text than the feed (a teaser or paywall); " \
                          "no publication date found; dated by the time it was fetched"
    assert (record.published, record.date_from) == (NOW, "fetched")


def test_robots_disallowed_page_keeps_the_feed_text(site: LiveServer) -> None:
    site.static("/robots.txt", "User-agent: *\nDisallow: /articles/\n", "text/plain")
    with local_client() as client:
        record = fetch_article(client, entry(site.url("/articles/bridge-reopens.html")), "Quay Weekly", now=NOW)
    assert record.text_from == "feed" and "robots.txt asks crawlers like storyline not to fetch" in record.note
    assert site.count("/articles/bridge-reopens.html") == 0


def test_entry_without_link_or_text_is_rejected(site: LiveServer) -> None:
    with local_client() as client:
        linkless = fetch_article(client, entry(None), "Quay Weekly", feed_url="http://q.example/feed", now=NOW)
        empty = fetch_article(client, entry(site.url("/articles/none.html"), summary=""), "Quay Weekly", now=NOW)
    assert linkless.text_from == "feed" and linkless.origin == "http://q.example/feed#market-1"
    assert linkless.note.startswith("kept the feed's text: the entry has no link")
    assert empty == Rejection(site.url("/articles/none.html"), "404 Not Found, and the feed gives no text for it")


def test_page_date_is_used_when_the_feed_has_none(site: LiveServer) -> None:
    with local_client() as client:
        record = fetch_article(client, entry(site.url("/articles/library-vote.html")), "Gazette", now=NOW)
    assert (record.published, record.date_from) == (datetime(2025, 3, 5, tzinfo=timezone.utc), "page")


def test_over_long_text_is_rejected(site: LiveServer) -> None:
    with local_client() as client:
        record = fetch_article(client, entry(site.url("/articles/bridge-reopens.html")), "Ledger", max_chars=100)
    assert isinstance(record, Rejection) and "over the limit of 100" in record.message


def test_record_from_a_single_page(site: LiveServer) -> None:
    with local_client() as client:
        dated = record_from_page(client, site.url("/articles/library-vote.html"), now=NOW)
        undated = record_from_page(client, site.url("/articles/flood-warning.html"), source="Ledger", now=NOW)
        missing = record_from_page(client, site.url("/articles/nope.html"))
    assert isinstance(dated, Record) and dated.source == "127.0.0.1"
    assert dated.title == "Council votes to keep three branch libraries open" and dated.date_from == "page"
    assert (undated.source, undated.published, undated.date_from) == ("Ledger", NOW, "fetched")
    assert undated.note == "no publication date found; dated by the time it was fetched"
    assert missing == Rejection(site.url("/articles/nope.html"), "404 Not Found")


def test_a_pages_paragraphs_stay_paragraphs_for_the_speaker_reading(site: LiveServer) -> None:
    """The extractor writes one block a line; the analysis reads paragraphs between blank lines, so a quotation
    opening a paragraph goes to the person the rest of its paragraph names, not the one quoted before it. A line
    break inside a paragraph (<br>) is a space, not a paragraph's end that would cut the quotation."""
    from storyline.analyze import analyze_article
    from storyline.text import iter_paragraphs

    with local_client() as client:
        record = record_from_page(client, site.url("/articles/quay-cafe.html"), now=NOW)
    assert isinstance(record, Record)
    assert len(list(iter_paragraphs(record.text))) == 3
    speakers = {q.text.split(",")[0]: q.speaker for q in analyze_article(record.text, None).quotes}
    assert speakers == {"It took ten years": "Ana Ruiz", "We were told it would take two years at most": "Tom Vale"}
    assert "two years at most, and here we are" in record.text


def test_records_from_url_tells_feed_opml_and_page_apart(site: LiveServer) -> None:
    with local_client() as client:
        feed = records_from_url(client, site.url("/feeds/rss2.xml"), now=NOW)
        opml = records_from_url(client, site.url("/subscriptions.opml"), now=NOW)
        page = records_from_url(client, site.url("/articles/bridge-reopens.html"), now=NOW)
        front = records_from_url(client, site.url("/"), now=NOW)
        missing = records_from_url(client, site.url("/nothing-here"), now=NOW)
    assert (feed.kind, len(feed.items), [s.url for s in feed.feeds]) == ("feed", 3, [site.url("/feeds/rss2.xml")])
    assert opml.kind == "opml" and len(opml.items) == 3 + 2 + 1
    assert [s.url for s in opml.feeds] == [site.url("/feeds/rss2.xml"), site.url("/feeds/atom.xml"),
                                           site.url("/feeds/rss1.rdf")]
    assert {item.source for item in opml.items} == {"Northbay Ledger", "Seal Island Post", "Aln Valley Gazette"}
    assert page.kind == "page" and page.feeds == () and "harbour bridge reopened" in page.items[0].text
    assert front.kind == "page"
    assert missing.kind is None and missing.items == (Rejection(site.url("/nothing-here"), "404 Not Found"),)


def test_records_from_url_honours_robots_for_pages_only(site: LiveServer) -> None:
    site.static("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
    with local_client() as client:
        page = records_from_url(client, site.url("/articles/bridge-reopens.html"), now=NOW)
        feed = records_from_url(client, site.url("/feeds/rss1.rdf"), now=NOW)
    assert page.items == (Rejection(site.url("/articles/bridge-reopens.html"),
                                    "the site's robots.txt asks crawlers like storyline not to fetch this page"),)
    assert feed.kind == "feed" and feed.items[0].text_from == "feed"  # the feed was read, its page was not


def test_records_from_url_with_stored_state_is_conditional(site: LiveServer) -> None:
    site.route("/feeds/cond.xml", lambda h: h.reply(304, b"", None) if h.headers.get("If-None-Match") == '"x"'
               else h.reply(500, b"", None))
    with local_client() as client:
        result = records_from_url(client, site.url("/feeds/cond.xml"), state=FeedState(site.url("/feeds/cond.xml"), etag='"x"'))
    assert (result.kind, result.items, result.feeds[0].etag) == ("feed", (), '"x"')


@pytest.mark.parametrize("url, outlet", [("https://www.ledger.example/feed", "ledger.example"),
                                         ("http://News.Example:8080/x", "news.example")])
def test_outlet_of(url: str, outlet: str) -> None:
    assert outlet_of(url) == outlet
