"""SafeClient against a real HTTP server on loopback: headers, retries, redirects, politeness, robots.txt."""

from __future__ import annotations

import gzip
import threading
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from livehttp import LiveServer, local_client, server, tripwire  # noqa: F401

from storyline import __version__
from storyline.errors import FetchError
from storyline.sources import fetch
from storyline.sources.fetch import (
    USER_AGENT,
    HTTPStatusError,
    RobotsDisallowedError,
    SafeClient,
    decode_document,
    is_public_address,
)

HTML = ("text/html",)


def test_get_returns_body_type_charset_and_validators(server: LiveServer) -> None:
    url = server.static("/page", "<p>Quay market opens</p>", "text/html; charset=ISO-8859-1",
                        {"ETag": '"v1"', "Last-Modified": "Tue, 04 Mar 2025 08:00:00 GMT"})
    with local_client() as client:
        response = client.get(url, accept=HTML)
    assert (response.status, response.content, response.content_type, response.charset) == \
        (200, b"<p>Quay market opens</p>", "text/html", "iso-8859-1")
    assert (response.etag, response.last_modified, response.not_modified) == \
        ('"v1"', "Tue, 04 Mar 2025 08:00:00 GMT", False)
    assert response.fetched_at.tzinfo is not None


def test_sends_an_honest_user_agent_and_accept(server: LiveServer) -> None:
    url = server.static("/ua", "ok", "text/plain")
    with local_client() as client:
        client.get(url, accept=("text/plain",))
    headers = server.seen[0].headers
    assert headers["user-agent"] == USER_AGENT == \
        f"storyline/{__version__} (+https://github.com/storyline-news/storyline)"
    assert headers["accept"] == "text/plain"
    assert headers["accept-encoding"] == "gzip, deflate"


def test_gzip_body_is_decompressed(server: LiveServer) -> None:
    body = "<p>Ferries every half hour</p>".encode() * 50
    url = server.static("/gz", gzip.compress(body), "text/html", {"Content-Encoding": "gzip"})
    with local_client() as client:
        assert client.get(url, accept=HTML).content == body


def test_wrong_content_type_fails_before_the_body_is_used(server: LiveServer) -> None:
    url = server.static("/photo.jpg", b"\xff\xd8\xff" + b"\x00" * 1000, "image/jpeg")
    with local_client() as client, pytest.raises(FetchError, match=r"/photo\.jpg: the server sent image/jpeg, not one of text/html"):
        client.get(url, accept=HTML)


def test_wildcards_and_a_missing_content_type_pass(server: LiveServer) -> None:
    typed = server.static("/typed", "x", "text/csv")
    untyped = server.static("/untyped", "x", None)
    with local_client() as client:
        assert client.get(typed, accept=("text/*",)).content == b"x"
        assert client.get(untyped, accept=HTML).content_type is None


def test_conditional_get_answers_not_modified(server: LiveServer) -> None:
    def feed(handler) -> None:
        if handler.headers.get("If-None-Match") == '"v7"' or \
                handler.headers.get("If-Modified-Since") == "Wed, 05 Mar 2025 10:00:00 GMT":
            handler.reply(304, b"", None, {"ETag": '"v7"'})
        else:
            handler.reply(200, b"<rss/>", "application/rss+xml", {"ETag": '"v7"'})

    url = server.route("/feed", feed)
    with local_client() as client:
        first = client.get(url, accept=("application/rss+xml",))
        by_etag = client.get(url, accept=("application/rss+xml",), etag=first.etag)
        by_date = client.get(url, accept=("application/rss+xml",), last_modified="Wed, 05 Mar 2025 10:00:00 GMT")
    assert not first.not_modified and first.content == b"<rss/>"
    assert by_etag.not_modified and by_etag.content == b"" and by_etag.etag == '"v7"' and by_etag.status == 304
    assert by_date.not_modified
    assert server.seen[1].headers["if-none-match"] == '"v7"'


def test_5xx_is_retried_then_succeeds(server: LiveServer) -> None:
    answers = iter([503, 500])

    def flaky(handler) -> None:
        status = next(answers, 200)
        handler.reply(status, b"ok" if status == 200 else b"busy", "text/plain")

    url = server.route("/flaky", flaky)
    with local_client(tries=3) as client:
        assert client.get(url, accept=("text/plain",)).content == b"ok"
    assert server.count("/flaky") == 3


def test_5xx_gives_up_after_the_last_try(server: LiveServer) -> None:
    url = server.static("/down", "down", "text/plain", status=502)
    with local_client(tries=3) as client, pytest.raises(HTTPStatusError, match=r"/down: the server failed \(502 Bad Gateway\) \(tried 3 times\)") as caught:
        client.get(url, accept=("text/plain",))
    assert caught.value.status == 502
    assert server.count("/down") == 3


@pytest.mark.parametrize("status", [400, 403, 404, 410, 429])
def test_4xx_is_not_retried(server: LiveServer, status: int) -> None:
    url = server.static("/gone", "no", "text/plain", status=status, headers={"Retry-After": "120"})
    with local_client(tries=3) as client, pytest.raises(HTTPStatusError, match=rf"/gone: {status} ") as caught:
        client.get(url, accept=("text/plain",))
    assert server.count("/gone") == 1
    assert caught.value.status == status and caught.value.retry_after == 120.0


def test_connection_refused_is_retried_and_named(server: LiveServer) -> None:
    dead = socket_port_without_listener()
    started = time.monotonic()
    with local_client(tries=2) as client, pytest.raises(FetchError, match=r"could not connect or read .*\(tried 2 times\)"):
        client.get(f"http://127.0.0.1:{dead}/feed", accept=("*/*",))
    assert time.monotonic() - started < 2


def socket_port_without_listener() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_redirects_are_followed_to_the_final_url(server: LiveServer) -> None:
    server.static("/old", "", None, status=301, headers={"Location": "/middle"})
    server.static("/middle", "", None, status=302, headers={"Location": server.url("/new")})
    server.static("/new", "here", "text/plain")
    with local_client() as client:
        response = client.get(server.url("/old"), accept=("text/plain",))
    assert (response.url, response.content) == (server.url("/new"), b"here")


def test_redirect_loop_is_named(server: LiveServer) -> None:
    server.static("/a", "", None, status=302, headers={"Location": "/b"})
    server.static("/b", "", None, status=302, headers={"Location": "/a"})
    with local_client() as client, pytest.raises(FetchError, match=r"/a: redirect loop \(.*/b sends back to .*/a\)"):
        client.get(server.url("/a"), accept=("*/*",))
    assert server.count("/a") == 1 and server.count("/b") == 1


def test_endless_redirects_stop_at_the_limit(server: LiveServer) -> None:
    def onwards(handler) -> None:
        step = int(handler.path.rsplit("=", 1)[1])
        handler.reply(302, b"", None, {"Location": f"/hop?n={step + 1}"})

    server.route("/hop", onwards)
    with local_client(max_redirects=5) as client, pytest.raises(FetchError, match=r"more than 5 redirects"):
        client.get(server.url("/hop?n=0"), accept=("*/*",))
    assert server.count("/hop?n=0") == 1 and len(server.seen) == 6


def test_redirect_to_another_scheme_is_refused(server: LiveServer) -> None:
    server.static("/to-file", "", None, status=302, headers={"Location": "file:///etc/passwd"})
    with local_client() as client, pytest.raises(FetchError, match=r"redirects to file:///etc/passwd: only http and https"):
        client.get(server.url("/to-file"), accept=("*/*",))


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "file:///etc/passwd", "gopher://x/", "not a url",
                                 "http://user:secret@example.org/"])
def test_only_plain_http_urls_are_fetched(url: str) -> None:
    with SafeClient() as client, pytest.raises(FetchError):
        client.get(url, accept=("*/*",))


def test_per_host_delay_spaces_requests(server: LiveServer) -> None:
    url = server.static("/tick", "t", "text/plain")
    with local_client(per_host_delay=0.15) as client:
        started = time.monotonic()
        for _ in range(3):
            client.get(url, accept=("text/plain",))
    assert time.monotonic() - started >= 0.29


def test_per_host_limit_keeps_one_request_in_flight(server: LiveServer) -> None:
    def slow(handler) -> None:
        time.sleep(0.05)
        handler.reply(200, b"s", "text/plain")

    url = server.route("/slow", slow)
    with local_client(per_host_limit=1) as client:
        threads = [threading.Thread(target=client.get, args=(url,), kwargs={"accept": ("text/plain",)}) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(5)
    assert server.count("/slow") == 4 and server.max_in_flight == 1


def test_robots_txt_is_honoured_when_asked_and_fetched_once(server: LiveServer) -> None:
    server.static("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: storyline\nDisallow: /drafts/\n",
                  "text/plain")
    server.static("/private/a", "p", "text/html")
    server.static("/drafts/a", "d", "text/html")
    server.static("/news/a", "n", "text/html")
    with local_client() as client:
        assert client.get(server.url("/news/a"), accept=HTML, check_robots=True).content == b"n"
        with pytest.raises(RobotsDisallowedError, match=r"/drafts/a: the site's robots.txt asks"):
            client.get(server.url("/drafts/a"), accept=HTML, check_robots=True)
        # the storyline group overrides '*', as robots.txt says it should
        assert client.get(server.url("/private/a"), accept=HTML, check_robots=True).content == b"p"
        assert client.get(server.url("/drafts/a"), accept=HTML).content == b"d"  # a feed fetch ignores robots
    assert server.count("/robots.txt") == 1 and server.count("/drafts/a") == 1


def test_missing_robots_allows_and_failing_robots_disallows(server: LiveServer) -> None:
    server.static("/news/a", "n", "text/html")
    with local_client() as client:
        assert client.allowed_by_robots(server.url("/news/a"))  # 404 robots.txt
    server.static("/robots.txt", "err", "text/plain", status=503)
    with local_client(tries=1) as client:
        assert not client.allowed_by_robots(server.url("/news/a"))


def test_resolved_name_is_pinned_to_the_checked_address(server: LiveServer) -> None:
    """The client connects to the address it checked and still sends the name as the Host header."""
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    server.static("/feed", "ok", "text/plain")
    with SafeClient(allowed_networks=["127.0.0.1/32"], resolver=resolver, per_host_delay=0) as client:
        client.get(f"http://ledger.example:{server.httpd.server_port}/feed", accept=("text/plain",))
        client.get(f"http://ledger.example:{server.httpd.server_port}/feed", accept=("text/plain",))
    assert server.seen[0].headers["host"] == f"ledger.example:{server.httpd.server_port}"
    assert asked == ["ledger.example"]  # the second request reused the checked connection


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True),
    ("127.0.0.1", False), ("127.8.9.10", False), ("10.0.0.1", False), ("172.16.5.4", False), ("172.31.255.255", False),
    ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("224.0.0.1", False), ("240.0.0.1", False), ("255.255.255.255", False), ("::1", False), ("::", False),
    ("fc00::1", False), ("fd12:3456::1", False), ("fe80::1", False), ("ff02::1", False),
    ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False), ("::ffff:169.254.169.254", False),
    ("2002:a00:1::", False), ("64:ff9b::a00:1", False), ("::ffff:93.184.216.34", True),
])
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


@pytest.mark.parametrize("data, http_charset, expected", [
    ("Café “Quay” déjà".encode("utf-8"), None, "Café “Quay” déjà"),
    ("Café “Quay” déjà".encode("utf-8"), "iso-8859-1", "Café “Quay” déjà"),  # HTTP lies; the bytes are UTF-8
    ("Café “Quay” déjà".encode("cp1252"), "utf-8", "Café “Quay” déjà"),  # declared UTF-8, really Windows-1252
    ("Café “Quay” ".encode("utf-8") + "déjà".encode("cp1252"), None, "Café “Quay” déjà"),  # mixed
    ('<?xml version="1.0" encoding="koi8-r"?><t>Новости</t>'.encode("koi8-r"), "iso-8859-1",
     '<?xml version="1.0" encoding="koi8-r"?><t>Новости</t>'),
    ('<meta charset="windows-1251"><p>Новости</p>'.encode("cp1251"), None, '<meta charset="windows-1251"><p>Новости</p>'),
    ("\ufeff<t>Zoë</t>".encode("utf-16-le"), None, "\ufeff<t>Zoë</t>"[1:]),
    ('<?xml version="1.0" encoding="utf-16"?><t>Zoë</t>'.encode("utf-16-be"), None,
     '<?xml version="1.0" encoding="utf-16"?><t>Zoë</t>'),
])
def test_decode_document(data: bytes, http_charset: str | None, expected: str) -> None:
    assert decode_document(data, http_charset) == expected


@given(st.binary(max_size=512), st.sampled_from([None, "utf-8", "iso-8859-1", "koi8-r", "no-such-charset"]))
def test_decode_document_never_fails(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_document(data, charset), str)


@given(st.text(max_size=200))
def test_decode_document_keeps_utf8(text: str) -> None:
    if not text.startswith("\ufeff"):
        assert decode_document(text.encode("utf-8"), "iso-8859-1") == text


def test_unreadable_robots_txt_says_so_and_is_asked_again_later(server: LiveServer,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    server.static("/robots.txt", "err", "text/plain", status=500)
    server.static("/news/a", "n", "text/html")
    monkeypatch.setattr(fetch, "ROBOTS_RETRY", 0.0)  # ask again at once rather than in ten minutes
    with local_client(tries=1) as client:
        with pytest.raises(RobotsDisallowedError, match=r"/news/a: the site's robots.txt cannot be read \(500\)"):
            client.get(server.url("/news/a"), accept=HTML, check_robots=True)
        assert server.count("/robots.txt") == 1
        server.static("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        assert client.get(server.url("/news/a"), accept=HTML, check_robots=True).content == b"n"
    assert server.count("/robots.txt") == 2


def test_no_cookies_are_kept(server: LiveServer) -> None:
    url = server.static("/cookie", "c", "text/plain", {"Set-Cookie": "session=abc123; Path=/"})
    with local_client() as client:
        client.get(url, accept=("*/*",))
        client.get(url, accept=("*/*",))
    assert "cookie" not in server.seen[1].headers
