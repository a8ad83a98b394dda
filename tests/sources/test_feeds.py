"""RSS, Atom and OPML, served by a real server and polled as `storyline watch` will poll them."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from livehttp import FEEDS, LiveServer, local_client, server, tripwire  # noqa: F401

from storyline.errors import InputError
from storyline.sources.feeds import (
    FeedState,
    html_to_text,
    parse_feed,
    parse_opml,
    poll_feed,
    sniff_kind,
)

NOW = datetime(2025, 3, 6, 12, 0, tzinfo=timezone.utc)


def test_rss2_entries(server: LiveServer) -> None:
    url = server.fixture("/feeds/rss2.xml", "rss2.xml", "application/rss+xml; charset=utf-8")
    with local_client() as client:
        poll = poll_feed(client, url, now=NOW)
    assert poll.error is None and not poll.not_modified
    assert (poll.title, poll.language) == ("Northbay Ledger", "en")
    bridge, flood, ferry = poll.entries
    assert bridge.title == "Harbour bridge reopens after eight months of repairs"
    assert bridge.link == server.url("/articles/bridge-reopens.html")
    assert bridge.published == datetime(2025, 3, 4, 8, 15, tzinfo=timezone.utc)
    assert bridge.author == "Ines Calder"
    assert bridge.entry_id == "ledger-2025-0304-bridge"
    assert bridge.summary == "The harbour bridge is open again, under budget."
    assert flood.published == datetime(2025, 3, 5, 12, 30, tzinfo=timezone.utc)
    assert "Weather desk" in (flood.author or "")
    assert ferry.content.startswith("Ferries between the quay and Seal Island will run every half hour from Monday")
    assert "\n\nThe first crossing" in ferry.content and "alert" not in ferry.content
    assert ferry.text == ferry.content and flood.text == flood.summary


def test_rss1_rdf_entries(server: LiveServer) -> None:
    url = server.fixture("/feeds/rss1.rdf", "rss1.rdf", "application/rdf+xml")
    with local_client() as client:
        poll = poll_feed(client, url, now=NOW)
    assert (poll.title, poll.language) == ("Aln Valley Gazette", "en")
    (entry,) = poll.entries
    assert entry.title == "Council votes to keep three branch libraries open"
    assert entry.link == server.url("/articles/library-vote.html")
    assert entry.published == datetime(2025, 3, 5, 20, 40, tzinfo=timezone.utc)
    assert entry.author == "Ruth Abernethy"
    assert entry.entry_id == server.url("/articles/library-vote.html")


def test_atom_entries(server: LiveServer) -> None:
    url = server.fixture("/feeds/atom.xml", "atom.xml", "application/atom+xml")
    with local_client() as client:
        poll = poll_feed(client, url, now=NOW)
    rescue, lighthouse = poll.entries
    assert poll.title == "Seal Island Post"
    assert rescue.link == server.url("/articles/missing-page.html")  # relative href resolved against the feed
    assert rescue.published == datetime(2025, 3, 5, 6, 45, tzinfo=timezone.utc)
    assert rescue.author == "Morag Lindqvist"
    assert rescue.content.startswith("The crew of the late ferry pulled two kayakers")
    assert rescue.summary == "Crew of the night ferry pulled two kayakers from the water."
    assert rescue.entry_id == "urn:uuid:7c0d5e2a-2222-4e4e-9d9d-0a0a0a0a0a0a"
    assert lighthouse.published == datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)  # only <updated>


def test_opml_lists_nested_feeds_once(server: LiveServer) -> None:
    url = server.fixture("/subscriptions.opml", "subscriptions.opml", "text/x-opml")
    with local_client() as client:
        response = client.get(url, accept=("*/*",))
    links = parse_opml(response.content, response.url)
    assert [(link.url, link.title, link.category) for link in links] == [
        (server.url("/feeds/rss2.xml"), "Northbay Ledger", "Local"),
        (server.url("/feeds/atom.xml"), "Seal Island Post", "Local/Islands"),
        (server.url("/feeds/rss1.rdf"), "Aln Valley Gazette", None),
    ]


def test_opml_refuses_entities_and_other_documents() -> None:
    with pytest.raises(InputError, match="declares XML entities"):
        parse_opml(b'<!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>', "list.opml")
    with pytest.raises(InputError, match=r"list\.opml: not an OPML document"):
        parse_opml(b"<rss><channel/></rss>", "list.opml")


def test_second_poll_is_conditional_and_costs_no_parse(server: LiveServer) -> None:
    body = (FEEDS / "rss2.xml").read_text().replace("{{BASE}}", server.base).encode()

    def feed(handler) -> None:
        if handler.headers.get("If-None-Match") == '"ledger-41"':
            handler.reply(304, b"", None, {"ETag": '"ledger-41"'})
        else:
            handler.reply(200, body, "application/rss+xml",
                          {"ETag": '"ledger-41"', "Last-Modified": "Thu, 06 Mar 2025 07:00:00 GMT"})

    url = server.route("/feeds/rss2.xml", feed)
    with local_client() as client:
        first = poll_feed(client, url, now=NOW)
        second = poll_feed(client, url, first.state, now=NOW + timedelta(hours=1))
    assert len(first.entries) == 3
    assert first.state == FeedState(url=url, etag='"ledger-41"', last_modified="Thu, 06 Mar 2025 07:00:00 GMT",
                                    last_success=NOW, next_poll=NOW + timedelta(minutes=60), title="Northbay Ledger")
    assert second.not_modified and second.entries == () and second.error is None
    assert second.state.last_success == NOW + timedelta(hours=1) and second.state.etag == '"ledger-41"'
    assert second.title == "Northbay Ledger"
    assert server.seen[1].headers["if-none-match"] == '"ledger-41"'
    assert server.seen[1].headers["if-modified-since"] == "Thu, 06 Mar 2025 07:00:00 GMT"


def test_failures_back_off_and_clear(server: LiveServer) -> None:
    url = server.static("/feeds/broken.xml", "gone", "text/plain", status=404)
    with local_client() as client:
        first = poll_feed(client, url, now=NOW)
        second = poll_feed(client, url, first.state, now=NOW)
    assert first.error == f"{url}: 404 Not Found" and first.state.last_error == first.error
    assert (first.state.failures, first.state.next_poll) == (1, NOW + timedelta(minutes=30))
    assert (second.state.failures, second.state.next_poll) == (2, NOW + timedelta(minutes=60))
    assert not second.state.due(NOW) and second.state.due(NOW + timedelta(hours=2))
    server.fixture("/feeds/broken.xml", "rss2.xml", "application/rss+xml")
    with local_client() as client:
        third = poll_feed(client, url, second.state, now=NOW)
    assert (third.state.failures, third.state.last_error, third.error) == (0, None, None)


def test_retry_after_pushes_the_next_poll(server: LiveServer) -> None:
    url = server.static("/feeds/busy.xml", "slow down", "text/plain", {"Retry-After": "7200"}, status=429)
    with local_client() as client:
        poll = poll_feed(client, url, now=NOW)
    assert "rate limited" in (poll.error or "") and poll.state.next_poll == NOW + timedelta(hours=2)


def _feed_bytes(title: str, encoding: str, declared: str | None) -> bytes:
    declaration = f'<?xml version="1.0" encoding="{declared}"?>' if declared else '<?xml version="1.0"?>'
    text = (f'{declaration}\n<rss version="2.0"><channel><title>{title}</title><item><title>{title}</title>'
            f'<link>http://example.org/a</link><description>{title}</description></item></channel></rss>')
    return text.encode(encoding)


@pytest.mark.parametrize("title, encoding, declared, http_charset", [
    ("Café “Quay” — déjà vu", "utf-8", "utf-8", "utf-8"),
    ("Café “Quay” — déjà vu", "utf-8", "iso-8859-1", "iso-8859-1"),  # declared Latin-1, really UTF-8
    ("Café “Quay” — déjà vu", "cp1252", "utf-8", "utf-8"),  # declared UTF-8, really Windows-1252
    ("Café “Quay” — déjà vu", "cp1252", None, None),  # nothing declared, not UTF-8
    ("Новости долины", "koi8-r", "koi8-r", "iso-8859-1"),  # right in the document, wrong in HTTP
    ("Новости долины", "cp1251", None, "windows-1251"),  # only HTTP knows
    ("渡し船の時刻表", "shift_jis", "shift_jis", None),
    ("Zoë’s ferry", "utf-16", "utf-16", None),
])
def test_feed_encodings(server: LiveServer, title: str, encoding: str, declared: str | None,
                        http_charset: str | None) -> None:
    content_type = "application/rss+xml" + (f"; charset={http_charset}" if http_charset else "")
    url = server.static("/feeds/enc.xml", _feed_bytes(title, encoding, declared), content_type)
    with local_client() as client:
        poll = poll_feed(client, url, now=NOW)
    assert poll.error is None
    assert (poll.title, poll.entries[0].title, poll.entries[0].summary) == (title, title, title)


def test_mixed_encodings_in_one_feed(server: LiveServer) -> None:
    """A UTF-8 feed into which one item was pasted as Windows-1252."""
    data = _feed_bytes("Café “Quay”", "utf-8", "utf-8").replace(b"<description>",
                                                                 b"<description>" + "déjà – ".encode("cp1252"))
    url = server.static("/feeds/mixed.xml", data, "application/rss+xml; charset=utf-8")
    with local_client() as client:
        poll = poll_feed(client, url, now=NOW)
    assert poll.entries[0].title == "Café “Quay”"
    assert poll.entries[0].summary == "déjà – Café “Quay”"


def test_old_netscape_rss_091_with_its_doctype_parses() -> None:
    feed = parse_feed((FEEDS / "netscape-rss091.xml").read_bytes(), "netscape.xml")
    assert feed.title == "Kettle Mill Newsletter" and feed.language == "en"
    assert [(e.title, e.link) for e in feed.entries] == [("Mill wheel turns again", "http://example.org/mill-wheel")]


def test_malformed_feed_is_read_leniently() -> None:
    data = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay &nbsp; News & Views</title>'
            b'<item><title>Tide tables & times</title><link>http://example.org/tides</link>'
            b'<description>Spring tides<br>this week</description></item></channel></rss>')
    feed = parse_feed(data, "sloppy.xml")
    assert feed.title is not None and "Quay" in feed.title
    assert [entry.link for entry in feed.entries] == ["http://example.org/tides"]


def test_links_that_are_not_http_are_dropped() -> None:
    data = (b'<rss version="2.0"><channel><title>T</title><item><title>x</title>'
            b'<link>javascript:alert(1)</link><description>d</description></item></channel></rss>')
    assert parse_feed(data, "x.xml").entries[0].link is None


@pytest.mark.parametrize("document, content_type, kind", [
    ((FEEDS / "rss2.xml").read_bytes(), None, "feed"),
    ((FEEDS / "rss1.rdf").read_bytes(), "text/xml", "feed"),
    ((FEEDS / "atom.xml").read_bytes(), "text/plain", "feed"),
    ((FEEDS / "netscape-rss091.xml").read_bytes(), None, "feed"),
    ((FEEDS / "subscriptions.opml").read_bytes(), "application/xml", "opml"),
    ((FEEDS / "not-a-feed.html").read_bytes(), "application/rss+xml", "page"),
    (b"<!-- hi --><html><body>x</body></html>", None, "page"),
    (b"hello", "text/html", "page"),
    (b"hello", "application/atom+xml", "feed"),
    (b"hello", "application/json", None),
])
def test_sniff_kind(document: bytes, content_type: str | None, kind: str | None) -> None:
    assert sniff_kind(document, content_type) == kind


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<p>One &amp; two</p><script>var x = 1;</script><ul><li>three</li><li>four</li></ul>five<br>six"
    assert html_to_text(html) == "One & two\n\nthree\nfour\n\nfive\nsix"


def test_html_to_text_parts_paragraphs_of_pages_without_p() -> None:
    # <div> blocks, and two <br> in a row, part paragraphs as <p> does; one <br> breaks a line
    html = "<div>One.</div><div>Two.<br>Still two.</div>Three.<br><br>Four.<br/> <br />Five."
    assert html_to_text(html) == "One.\n\nTwo.\nStill two.\n\nThree.\n\nFour.\n\nFive."


@given(st.text(max_size=300))
def test_html_to_text_never_fails(html: str) -> None:
    assert isinstance(html_to_text(html), str)


@given(st.binary(max_size=400))
def test_parse_feed_fails_only_with_input_error(data: bytes) -> None:
    try:
        parse_feed(b"<rss><channel><title>" + data + b"</title></channel></rss>", "fuzz.xml")
    except InputError:
        pass


def test_a_long_retry_after_is_left_to_the_next_poll(server: LiveServer) -> None:
    url = server.static("/feeds/maintenance.xml", "later", "text/plain", {"Retry-After": "3600"}, status=503)
    started = time.monotonic()
    with local_client(tries=3) as client:
        poll = poll_feed(client, url, now=NOW)
    assert time.monotonic() - started < 1 and server.count("/feeds/maintenance.xml") == 1
    assert poll.error == f"{url}: the server failed (503 Service Unavailable)"
    assert poll.state.next_poll == NOW + timedelta(hours=1)
