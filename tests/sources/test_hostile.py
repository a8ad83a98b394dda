"""Hostile servers and documents: each is refused with a clear error, fast, without harm.

The tripwire fixture fails any test in which a connection to an address other than loopback is even
attempted: the client must refuse unsafe addresses before connecting."""

from __future__ import annotations

import time
import tracemalloc
import zlib

import pytest
from livehttp import FEEDS, LiveServer, local_client, server, tripwire  # noqa: F401

from storyline.errors import FetchError, InputError
from storyline.sources.feeds import parse_feed, poll_feed
from storyline.sources.fetch import SafeClient, UnsafeAddressError

ANY = ("*/*",)
MB = 2**20


def loopback_only(**options: object) -> SafeClient:
    """The default address rule, with only the test server's own address let through."""
    return SafeClient(allowed_networks=["127.0.0.1/32"], per_host_delay=0.0, backoff=0.01, **options)  # type: ignore[arg-type]


# --- addresses ----------------------------------------------------------------------------------


def test_loopback_is_refused_by_default(server: LiveServer) -> None:
    url = server.static("/feed", "<rss/>", "application/rss+xml")
    started = time.monotonic()
    with SafeClient() as client, pytest.raises(UnsafeAddressError, match=r"/feed: refused: 127\.0\.0\.1 is a private, loopback"):
        client.get(url, accept=ANY)
    assert time.monotonic() - started < 0.5
    assert server.seen == []


def test_localhost_by_name_is_refused_after_resolution(server: LiveServer) -> None:
    with SafeClient() as client, pytest.raises(UnsafeAddressError, match=r"refused: localhost resolves to .*, which is a private"):
        client.get(f"http://localhost:{server.httpd.server_port}/feed", accept=ANY)
    assert server.seen == []


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin",
                                    "http://[::ffff:169.254.169.254]/", "http://192.168.1.1:8080/",
                                    "http://[fd00::1]/", "https://[::1]:8443/"])
def test_redirect_to_a_private_address_is_refused_before_connecting(server: LiveServer, tripwire: list,
                                                                  target: str) -> None:
    url = server.static("/innocent", "", None, status=302, headers={"Location": target})
    started = time.monotonic()
    with loopback_only(timeout=10.0) as client, pytest.raises(UnsafeAddressError) as caught:
        client.get(url, accept=ANY)
    message = str(caught.value)
    assert "refused" in message and f"redirected from {url}" in message
    assert time.monotonic() - started < 1.0  # refused, not timed out
    assert tripwire == [] and server.count("/innocent") == 1


def test_a_name_that_resolves_to_a_private_address_is_refused(tripwire: list) -> None:
    with SafeClient(resolver=lambda host, port: ["10.0.0.1"]) as client, \
            pytest.raises(UnsafeAddressError, match=r"intranet\.example resolves to 10\.0\.0\.1, which is a private"):
        client.get("http://intranet.example/feed.xml", accept=ANY)
    assert tripwire == []


def test_a_name_with_any_private_address_is_refused(tripwire: list) -> None:
    """DNS rebinding: one answer public, one private. The client refuses rather than pick."""
    with SafeClient(resolver=lambda host, port: ["93.184.216.34", "127.0.0.1"]) as client, \
            pytest.raises(UnsafeAddressError, match=r"resolves to 127\.0\.0\.1"):
        client.get("http://rebind.example/feed.xml", accept=ANY)
    assert tripwire == []


@pytest.mark.parametrize("host", ["2130706433", "0x7f.1", "0177.0.0.1", "127.1"])
def test_odd_spellings_of_loopback_are_refused(server: LiveServer, host: str) -> None:
    with SafeClient() as client, pytest.raises(FetchError, match=r"refused|not a valid URL"):
        client.get(f"http://{host}:{server.httpd.server_port}/", accept=ANY)
    assert server.seen == []


def test_allow_private_network_lifts_the_address_rule(server: LiveServer) -> None:
    url = server.static("/intranet", "ok", "text/plain")
    with SafeClient(allow_private_network=True, per_host_delay=0.0) as client:
        assert client.get(url, accept=ANY).content == b"ok"


# --- sizes and times ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """64 MB of zeros in about 64 KB of gzip."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MB)
    return b"".join(packer.compress(block) for _ in range(64)) + packer.flush()


def test_gzip_bomb_fails_at_the_limit_with_bounded_memory(server: LiveServer, gzip_bomb: bytes) -> None:
    assert len(gzip_bomb) < 100_000
    url = server.static("/bomb.xml", gzip_bomb, "application/rss+xml", {"Content-Encoding": "gzip"})
    tracemalloc.start()
    started = time.monotonic()
    try:
        with local_client() as client, pytest.raises(FetchError, match=r"/bomb\.xml: the response is over the limit of 10\.0 MB once decompressed"):
            client.get(url, accept=ANY)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 3
    assert peak < 3 * 10 * MB


def test_size_limit_is_settable(server: LiveServer) -> None:
    url = server.static("/medium", b"x" * 5000, "text/plain")
    with local_client(max_bytes=4096) as client, pytest.raises(FetchError, match=r"4,096 bytes"):
        client.get(url, accept=ANY)


def test_50_mb_page_with_its_length_declared_is_refused_before_reading(server: LiveServer) -> None:
    def huge(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(50 * MB))
        handler.end_headers()
        block = b" " * (64 * 1024)
        for _ in range(50 * 16):
            handler.wfile.write(block)

    url = server.route("/huge.html", huge)
    started = time.monotonic()
    with local_client() as client, pytest.raises(FetchError, match=r"/huge\.html: the response is 50\.0 MB, over the limit of 10\.0 MB"):
        client.get(url, accept=ANY)
    assert time.monotonic() - started < 2


def test_50_mb_page_without_a_length_is_cut_off_at_the_limit(server: LiveServer) -> None:
    block = b"<p>" + b"filler " * 9000 + b"</p>"
    url = server.route("/endless.html", lambda h: h.stream(block for _ in range(50 * MB // len(block) + 1)))
    started = time.monotonic()
    with local_client() as client, pytest.raises(FetchError, match=r"/endless\.html: the response is over the limit of 10\.0 MB"):
        client.get(url, accept=ANY)
    assert time.monotonic() - started < 3


def test_slow_drip_body_hits_the_total_deadline(server: LiveServer) -> None:
    url = server.route("/drip", lambda h: h.stream((b"x" for _ in range(30)), pause=0.25))
    started = time.monotonic()
    with local_client(timeout=1.0, tries=3) as client, pytest.raises(FetchError, match=r"/drip: took longer than the 1 s limit"):
        client.get(url, accept=ANY)
    elapsed = time.monotonic() - started
    assert 0.9 < elapsed < 2.0
    assert server.count("/drip") == 1  # a server that drips is not retried


def test_slow_drip_headers_hit_the_total_deadline(server: LiveServer) -> None:
    def drip_headers(handler) -> None:
        handler.close_connection = True
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 40:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.1)

    url = server.route("/drip-headers", drip_headers)
    started = time.monotonic()
    with local_client(timeout=1.0) as client, pytest.raises(FetchError, match=r"took longer than the 1 s limit"):
        client.get(url, accept=ANY)
    assert time.monotonic() - started < 2.0


def test_a_silent_server_hits_the_read_timeout(server: LiveServer) -> None:
    url = server.route("/silent", lambda h: time.sleep(1.0))
    started = time.monotonic()
    with local_client(read_timeout=0.2, timeout=5.0, tries=2) as client, pytest.raises(FetchError, match=r"/silent: timed out .*\(tried 2 times\)"):
        client.get(url, accept=ANY)
    assert time.monotonic() - started < 1.5
    assert server.count("/silent") == 2


def test_unsupported_content_encoding_is_refused(server: LiveServer) -> None:
    url = server.static("/br", b"\x1b\x00\x00", "text/html", {"Content-Encoding": "br"})
    with local_client() as client, pytest.raises(FetchError, match=r"unsupported Content-Encoding br"):
        client.get(url, accept=ANY)


def test_corrupt_gzip_is_named(server: LiveServer) -> None:
    url = server.static("/corrupt", b"\x1f\x8b\x08\x00garbage-not-gzip", "text/html", {"Content-Encoding": "gzip"})
    with local_client() as client, pytest.raises(FetchError, match=r"/corrupt: the compressed response is corrupt"):
        client.get(url, accept=ANY)


# --- documents ----------------------------------------------------------------------------------


def test_billion_laughs_is_refused_not_expanded(server: LiveServer) -> None:
    url = server.fixture("/laughs.xml", "billion-laughs.xml", "application/rss+xml")
    started = time.monotonic()
    with local_client() as client:
        poll = poll_feed(client, url)
    assert poll.error and "refused: the document declares XML entities" in poll.error and url in poll.error
    assert poll.entries == () and "lol" not in poll.error
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("fixture", ["xxe.xml", "xxe-parameter.xml"])
def test_xxe_never_reads_the_local_file(server: LiveServer, tmp_path, fixture: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7d1f", encoding="utf-8")
    url = server.fixture("/xxe.xml", fixture, "application/rss+xml", SECRET_PATH=str(secret))
    with local_client() as client:
        poll = poll_feed(client, url)
    assert poll.error and "refused: the document declares XML entities" in poll.error
    assert "TOP-SECRET" not in repr(poll)
    data = (FEEDS / fixture).read_text().replace("{{SECRET_PATH}}", str(secret)).encode()
    with pytest.raises(InputError) as caught:
        parse_feed(data, "xxe.xml")
    assert "TOP-SECRET" not in str(caught.value)


def test_external_dtd_is_never_loaded(tmp_path) -> None:
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOP-SECRET-7d1f">', encoding="utf-8")
    data = (FEEDS / "external-dtd.xml").read_text().replace("{{SECRET_PATH}}", str(secret)).encode()
    feed = parse_feed(data, "external-dtd.xml")
    assert "TOP-SECRET" not in repr(feed)
    assert [entry.title for entry in feed.entries] == ["Quay market moves indoors & stays open late"]


def test_entities_hidden_in_utf16_are_still_refused() -> None:
    data = (FEEDS / "billion-laughs.xml").read_text().replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    with pytest.raises(InputError, match=r"refused: the document declares XML entities"):
        parse_feed(data, "laughs16.xml")


def test_a_feed_that_is_html_is_rejected_and_points_to_the_real_feed(server: LiveServer) -> None:
    url = server.fixture("/", "not-a-feed.html", "text/html; charset=utf-8")
    with local_client() as client:
        poll = poll_feed(client, url)
    assert poll.error == (f"{url}: this is an HTML page, not a feed; the page names these feeds: "
                          f"{server.url('/feeds/rss2.xml')}")


def test_a_feed_served_as_an_image_is_rejected(server: LiveServer) -> None:
    url = server.static("/feed.png", b"\x89PNG\r\n", "image/png")
    with local_client() as client:
        poll = poll_feed(client, url)
    assert poll.error and "the server sent image/png" in poll.error


def test_garbage_is_not_a_feed() -> None:
    with pytest.raises(InputError, match=r"junk\.xml: not an RSS or Atom feed"):
        parse_feed(b"<?xml version='1.0'?><inventory><item>bolts</item></inventory>", "junk.xml")
    with pytest.raises(InputError, match=r"empty\.xml: the document is empty"):
        parse_feed(b"  \n", "empty.xml")


def test_an_article_quoting_an_entity_in_cdata_is_not_refused() -> None:
    data = (b'<rss version="2.0"><channel><title>XML weekly</title><item><title>How XXE works</title>'
            b'<link>http://example.org/xxe</link><description><![CDATA[<p>An attacker writes '
            b'<code>&lt;!ENTITY x SYSTEM "file:///etc/passwd"&gt;</code> or even <!ENTITY raw> in a post.</p>]]>'
            b'</description></item></channel></rss>')
    (entry,) = parse_feed(data, "weekly.xml").entries
    assert "An attacker writes" in entry.summary


@pytest.mark.parametrize("data", [b"<![CDATA[" * 200_000, b"<html><head><link " + b'a="' * 300_000 + b">",
                                  b"<html><head>" + b'<link rel="alternate" type="application/rss+xml" href="/f">' * 5000])
def test_pathological_documents_fail_fast(data: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(InputError):
        parse_feed(data, "evil.xml")
    assert time.monotonic() - started < 3
