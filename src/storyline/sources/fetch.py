"""The one HTTP client: every URL storyline fetches goes through SafeClient.

A feed or page URL is untrusted input, so the client refuses what a crawler on a laptop or a server
must never do: reach the machine's own network (loopback, private, link-local, metadata addresses),
read without bound (gzip bombs, endless bodies, servers dripping a byte a second), or hammer a host.

How the address rule holds: the check runs inside the connection layer (an httpcore network backend),
on the very addresses the socket then connects to. A name is resolved once, every address is checked,
and the socket connects to a checked IP; TLS still verifies the certificate and sends SNI for the
name. So neither a redirect hop nor a DNS answer that changes between check and connect gets past it.
"""

from __future__ import annotations

import codecs
import contextvars
import email.utils
import ipaddress
import random
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Callable, Iterable, Iterator, Sequence
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from storyline import __version__
from storyline.errors import FetchError

USER_AGENT = f"storyline/{__version__} (+https://github.com/storyline-news/storyline)"
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_KEEP = 24 * 3600.0  # seconds a site's robots.txt is trusted (RFC 9309 caps caching at a day)
ROBOTS_RETRY = 600.0  # seconds before an unreadable robots.txt is asked for again
_REDIRECTS = {301, 302, 303, 307, 308}

Resolver = Callable[[str, int], Sequence[str]]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class UnsafeAddressError(FetchError):
    """A URL whose host is (or resolves to) an address storyline must not connect to."""


class HTTPStatusError(FetchError):
    """The server answered with an error status; `status` and `retry_after` (seconds) tell which."""

    def __init__(self, message: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class RobotsDisallowedError(FetchError):
    """The site's robots.txt asks storyline not to fetch this page."""


@dataclass(frozen=True)
class Response:
    """A fetched body, already decompressed and within the size limit; `not_modified` for a 304."""

    url: str  # the final URL, after redirects
    status: int
    content: bytes
    content_type: str | None  # media type only, lower case: "application/rss+xml"
    charset: str | None  # the charset the HTTP header declared, if any
    etag: str | None
    last_modified: str | None
    not_modified: bool
    fetched_at: datetime
    retry_after: float | None = None

    def text(self) -> str:
        """The body as text: BOM, then valid UTF-8, then the document's own and HTTP's declared charsets."""
        return decode_document(self.content, self.charset)


# ---------------------------------------------------------------------------------------------------
# Addresses


def is_public_address(address: str) -> bool:
    """True for an address on the public internet; False for loopback, private, link-local, multicast,
    unspecified, reserved and shared (CGNAT) space, including IPv6 forms that embed such an IPv4 address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public_address(str(ip.ipv4_mapped))
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
        if ip in _NAT64 and not is_public_address(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))):
            return False
    return ip.is_global and not (ip.is_multicast or ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_reserved or ip.is_unspecified or getattr(ip, "is_site_local", False))


class _AddressGuard:
    """Resolves a host and says which of its addresses may be connected to."""

    def __init__(self, allow_private_network: bool, allowed_networks: Iterable[str], resolver: Resolver | None) -> None:
        self.allow_private_network = allow_private_network
        self.allowed_networks = tuple(ipaddress.ip_network(net, strict=False) for net in allowed_networks)
        self.resolver = resolver

    def addresses(self, host: str, port: int, timeout: float | None) -> list[str]:
        """The checked addresses to connect to, in resolver order; raises UnsafeAddressError if any is refused."""
        host = host.strip("[]")
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
            resolved = [host]
        except ValueError:
            resolved = self._resolve(host, port, timeout)
        if not resolved:
            raise httpcore.ConnectError(f"{host} has no address")
        if not self.allow_private_network:
            for address in resolved:
                if not self._allowed(address):
                    shown = host if address == host else f"{host} resolves to {address}, which"
                    raise UnsafeAddressError(f"refused: {shown} is a private, loopback, link-local or reserved address "
                                             "(storyline does not fetch from the local network unless told to)")
        return resolved

    def _allowed(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        return is_public_address(address) or any(ip.version == net.version and ip in net
                                                 for net in self.allowed_networks)

    def _resolve(self, host: str, port: int, timeout: float | None) -> list[str]:
        if self.resolver is not None:
            return list(self.resolver(host, port))
        # getaddrinfo has no timeout of its own; a resolver thread lets the connect timeout bound it.
        result: list[list[str]] = []
        failure: list[BaseException] = []

        def lookup() -> None:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
                result.append(list(dict.fromkeys(str(info[4][0]) for info in infos)))
            except OSError as exc:
                failure.append(exc)

        worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise httpcore.ConnectTimeout(f"resolving {host} timed out")
        if failure:
            raise httpcore.ConnectError(f"cannot resolve {host}: {failure[0]}")
        return result[0] if result else []


# ---------------------------------------------------------------------------------------------------
# The connection layer: checked addresses, and one deadline over every socket operation of a request

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("storyline_fetch_deadline", default=None)


class _DeadlineExceeded(Exception):
    """The request's total time ran out (not one slow read: the whole request)."""


def _bounded(timeout: float | None) -> tuple[float | None, bool]:
    """The timeout for one socket operation, clipped to the request's deadline; True when clipped."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout, False
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _DeadlineExceeded()
    if timeout is None or remaining < timeout:
        return remaining, True
    return timeout, False


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        bounded, clipped = _bounded(timeout)
        try:
            return self._inner.read(max_bytes, bounded)
        except httpcore.ReadTimeout:
            if clipped:
                raise _DeadlineExceeded() from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        bounded, clipped = _bounded(timeout)
        try:
            self._inner.write(buffer, bounded)
        except httpcore.WriteTimeout:
            if clipped:
                raise _DeadlineExceeded() from None
            raise

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        bounded, clipped = _bounded(timeout)
        try:
            return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))
        except httpcore.ConnectTimeout:
            if clipped:
                raise _DeadlineExceeded() from None
            raise

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the guard has checked, by IP, so DNS cannot change between check and use."""

    def __init__(self, guard: _AddressGuard) -> None:
        self._guard = guard
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        bounded, clipped = _bounded(timeout)
        last: Exception | None = None
        for address in self._guard.addresses(host, port, bounded):
            bounded, clipped = _bounded(timeout)
            try:
                stream = self._sockets.connect_tcp(address, port, bounded, local_address, socket_options)
                return _DeadlineStream(stream)
            except httpcore.ConnectTimeout as exc:
                if clipped:
                    raise _DeadlineExceeded() from None
                last = exc
            except httpcore.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        raise UnsafeAddressError(f"refused: unix socket {path}")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _GuardedTransport(httpx.BaseTransport):
    """httpx over an httpcore pool whose every connection goes through the guarded backend; no proxies."""

    def __init__(self, guard: _AddressGuard, max_connections: int) -> None:
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             max_connections=max_connections, max_keepalive_connections=max_connections,
                                             keepalive_expiry=5.0, network_backend=_GuardedBackend(guard))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core = httpcore.Request(method=request.method,
                                url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                                                 port=request.url.port, target=request.url.raw_path),
                                headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        response = self._pool.handle_request(core)
        return httpx.Response(status_code=response.status, headers=response.headers,
                              stream=_CoreStream(response), extensions=response.extensions)

    def close(self) -> None:
        self._pool.close()


class _CoreStream(httpx.SyncByteStream):
    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


# ---------------------------------------------------------------------------------------------------
# Politeness


class _HostSlot:
    """At most `limit` requests in flight to a host, and at least `delay` seconds between their starts."""

    def __init__(self, limit: int) -> None:
        self.in_flight = threading.BoundedSemaphore(limit)
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.crawl_delay = 0.0

    def __enter__(self) -> None:
        self.in_flight.acquire()

    def __exit__(self, *exc: object) -> None:
        self.in_flight.release()

    def wait_turn(self, delay: float) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + max(delay, self.crawl_delay)
        if start > now:
            time.sleep(start - now)


# ---------------------------------------------------------------------------------------------------
# The client


class _Retry(Exception):
    """A failure worth another try (5xx, timeout, connection trouble), carrying the FetchError to raise last."""

    def __init__(self, error: FetchError, wait: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait = wait


@dataclass(frozen=True)
class _Redirect:
    location: str
    status: int


class SafeClient:
    """The one HTTP client: address rules, size and time limits, politeness, conditional GET, robots.txt.

    Thread-safe: one client can serve a pool of worker threads; per-host limits hold across them.
    Use it as a context manager, or call close()."""

    def __init__(self, *, allow_private_network: bool = False, allowed_networks: Iterable[str] = (),
                 max_bytes: int = 10 * 2**20, timeout: float = 60.0, connect_timeout: float = 10.0,
                 read_timeout: float = 20.0, max_redirects: int = 5, tries: int = 3, backoff: float = 0.5,
                 max_backoff: float = 30.0, per_host_limit: int = 1, per_host_delay: float = 1.0,
                 user_agent: str = USER_AGENT, resolver: Resolver | None = None,
                 max_connections: int = 32) -> None:
        """`allowed_networks` (CIDR strings) are reachable even though private: an intranet feed server.
        `timeout` is the total deadline of one request attempt, however the server trickles its bytes.
        `resolver` (host, port) -> addresses replaces the system's DNS (tests, custom resolvers)."""
        if tries < 1 or per_host_limit < 1 or max_bytes < 1:
            raise ValueError("tries, per_host_limit and max_bytes must be at least 1")
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.tries = tries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.per_host_limit = per_host_limit
        self.per_host_delay = per_host_delay
        self.user_agent = user_agent
        self._guard = _AddressGuard(allow_private_network, allowed_networks, resolver)
        self._http = httpx.Client(
            transport=_GuardedTransport(self._guard, max_connections), trust_env=False, follow_redirects=False,
            timeout=httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=timeout),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])))  # keeps no cookies
        self._hosts: dict[str, _HostSlot] = {}
        self._robots: dict[str, tuple[float, RobotFileParser | bool | str]] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> "SafeClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, *, accept: Sequence[str], etag: str | None = None, last_modified: str | None = None,
            check_robots: bool = False, max_bytes: int | None = None) -> Response:
        """GET a URL within every limit and return its body; a 304 comes back with `not_modified` and no body.

        `accept` lists media types ("text/html", "text/*", "*/*"); a response of another type fails before
        its body is read, and one without a Content-Type passes for the caller to sniff. Redirects are
        followed here, each hop checked like the first. Raises FetchError with a one-line message."""
        current = _check_url(url)
        seen = {current}
        for hop in range(self.max_redirects + 1):
            refusal = self._robots_refusal(current) if check_robots else None
            if refusal:
                raise RobotsDisallowedError(f"{current}: {refusal}")
            label = current if hop == 0 else f"{current} (redirected from {url})"
            result = self._with_retries(current, label, accept, etag, last_modified, max_bytes or self.max_bytes)
            if isinstance(result, Response):
                return result
            following = _check_url(str(httpx.URL(current).join(result.location)), referrer=current,
                                   shown=result.location)
            if following in seen:
                raise FetchError(f"{url}: redirect loop ({current} sends back to {following})")
            seen.add(following)
            current = following
        raise FetchError(f"{url}: more than {self.max_redirects} redirects (last one to {current})")

    def allowed_by_robots(self, url: str) -> bool:
        """Whether the site's robots.txt lets storyline fetch `url`; the file is fetched once a day per site.

        As RFC 9309 says: a missing robots.txt (4xx) allows everything; an unreachable one (5xx, network)
        allows nothing, and is asked again after ROBOTS_RETRY. A Crawl-delay slows later requests to the host."""
        return self._robots_refusal(url) is None

    def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt keeps storyline from `url`, or None when it may be fetched."""
        parts = httpx.URL(url)
        origin = f"{parts.scheme}://{parts.netloc.decode('ascii')}"
        with self._lock:
            expires, rules = self._robots.get(origin, (0.0, None))
        if rules is None or expires < time.monotonic():
            rules, keep = self._fetch_robots(origin, parts.host)
            with self._lock:
                self._robots[origin] = (time.monotonic() + keep, rules)
        if isinstance(rules, str):
            return rules
        if rules is True or (not isinstance(rules, bool) and rules.can_fetch(self.user_agent, url)):
            return None
        return "the site's robots.txt asks crawlers like storyline not to fetch this page"

    def _fetch_robots(self, origin: str, host: str) -> tuple[RobotFileParser | bool | str, float]:
        """The rules of a site's robots.txt (True: no file) or why it could not be read; and how long to keep them."""
        try:
            response = self.get(f"{origin}/robots.txt", accept=("text/plain", "*/*"), max_bytes=ROBOTS_MAX_BYTES)
        except UnsafeAddressError:
            raise
        except HTTPStatusError as exc:
            if exc.status < 500:
                return True, ROBOTS_KEEP
            return _unreadable_robots(str(exc.status)), ROBOTS_RETRY
        except FetchError as exc:
            return _unreadable_robots(reason_of(exc, f"{origin}/robots.txt")), ROBOTS_RETRY
        parser = RobotFileParser(f"{origin}/robots.txt")
        parser.parse(response.text().splitlines())
        delay = parser.crawl_delay(self.user_agent)
        if delay:
            self._slot(host).crawl_delay = min(float(delay), 60.0)
        return parser, ROBOTS_KEEP

    def _slot(self, host: str) -> _HostSlot:
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = _HostSlot(self.per_host_limit)
            return slot

    def _with_retries(self, url: str, label: str, accept: Sequence[str], etag: str | None,
                      last_modified: str | None, max_bytes: int) -> Response | _Redirect:
        slot = self._slot(httpx.URL(url).host)
        for attempt in range(1, self.tries + 1):
            try:
                with slot:
                    slot.wait_turn(self.per_host_delay)
                    return self._request(url, label, accept, etag, last_modified, max_bytes)
            except _Retry as retry:
                # A server asking for more patience than max_backoff is left for the next poll to retry.
                if attempt == self.tries or (retry.wait is not None and retry.wait > self.max_backoff):
                    message = str(retry.error)
                    if attempt > 1:
                        message += f" (tried {attempt} times)"
                    raise type(retry.error)(message, *_error_args(retry.error)) from None
                ceiling = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
                wait = random.uniform(ceiling / 2, ceiling)
                if retry.wait is not None:
                    wait = max(wait, retry.wait)
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _request(self, url: str, label: str, accept: Sequence[str], etag: str | None,
                 last_modified: str | None, max_bytes: int) -> Response | _Redirect:
        headers = {"Accept": ", ".join(accept) or "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        token = _DEADLINE.set(time.monotonic() + self.timeout)
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                return self._read(url, label, response, accept, etag, last_modified, max_bytes)
        except _DeadlineExceeded:
            raise FetchError(f"{label}: took longer than the {self.timeout:g} s limit for one request "
                             "(the server is too slow)") from None
        except UnsafeAddressError as exc:
            raise UnsafeAddressError(f"{label}: {exc}") from None
        except (httpx.TimeoutException, httpcore.TimeoutException) as exc:
            raise _Retry(FetchError(f"{label}: timed out ({_describe(exc, 'no answer in time')})")) from None
        except (httpx.TransportError, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            reason = _describe(exc, type(exc).__name__)
            raise _Retry(FetchError(f"{label}: could not connect or read ({reason})")) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"{label}: not a valid URL ({exc})") from None
        finally:
            _DEADLINE.reset(token)

    def _read(self, url: str, label: str, response: httpx.Response, accept: Sequence[str], etag: str | None,
              last_modified: str | None, max_bytes: int) -> Response | _Redirect:
        status = response.status_code
        retry_after = _retry_after(response.headers.get("Retry-After"))
        if status in _REDIRECTS:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"{label}: redirect ({status}) without a Location")
            return _Redirect(location, status)
        if status == 304:
            return Response(url=url, status=status, content=b"", content_type=None, charset=None,
                            etag=response.headers.get("ETag") or etag,
                            last_modified=response.headers.get("Last-Modified") or last_modified,
                            not_modified=True, fetched_at=_now())
        if status >= 500:
            raise _Retry(HTTPStatusError(f"{label}: the server failed ({status} {response.reason_phrase})",
                                         status, retry_after), retry_after)
        if status >= 400:
            hint = " (rate limited; try later)" if status == 429 else ""
            raise HTTPStatusError(f"{label}: {status} {response.reason_phrase}{hint}", status, retry_after)
        if not 200 <= status < 300:
            raise HTTPStatusError(f"{label}: unexpected status {status} {response.reason_phrase}", status)
        media_type, charset = _content_type(response.headers.get("Content-Type"))
        if media_type and not _accepts(media_type, accept):
            raise FetchError(f"{label}: the server sent {media_type}, not one of {', '.join(accept)}")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"{label}: the response is {_mb(int(declared))}, over the limit of {_mb(max_bytes)}")
        content = _read_body(label, response, max_bytes)
        return Response(url=url, status=status, content=content, content_type=media_type, charset=charset,
                        etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                        not_modified=False, fetched_at=_now(), retry_after=retry_after)


def _error_args(error: FetchError) -> tuple:
    if isinstance(error, HTTPStatusError):
        return (error.status, error.retry_after)
    return ()


def _check_url(url: str, referrer: str | None = None, shown: str | None = None) -> str:
    """The URL, if it is absolute http(s) with a host; FetchError otherwise."""
    where = f"{referrer} redirects to {shown or url}" if referrer else url
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(f"{where}: not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"{where}: only http and https URLs can be fetched")
    if not parsed.host:
        raise FetchError(f"{where}: the URL has no host")
    if parsed.userinfo:
        raise FetchError(f"{where}: URLs with a user name or password are not fetched")
    return str(parsed.copy_with(fragment=None))


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.IGNORECASE)
    return media.strip().lower() or None, match.group(1).lower() if match else None


def _accepts(media_type: str, accept: Sequence[str]) -> bool:
    major = media_type.split("/", 1)[0]
    return any(pattern in (media_type, "*/*", f"{major}/*") for pattern in accept)


def _read_body(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    """The decoded body, counting bytes after decompression so a small gzip bomb fails at the limit."""
    codings = [c.strip().lower() for c in response.headers.get("Content-Encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
        raise FetchError(f"{url}: unsupported Content-Encoding {', '.join(codings)}")
    decoder = _Inflater(codings[0]) if codings else None
    parts: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_raw(65536):
            pieces = decoder.feed(chunk, max_bytes - size + 1) if decoder else [chunk]
            for piece in pieces:
                size += len(piece)
                if size > max_bytes:
                    raise FetchError(f"{url}: the response is over the limit of {_mb(max_bytes)}"
                                     + (" once decompressed" if decoder else ""))
                parts.append(piece)
    except zlib.error as exc:
        raise FetchError(f"{url}: the compressed response is corrupt ({exc})") from None
    return b"".join(parts)


class _Inflater:
    """gzip/deflate decoding that never produces more than it is asked for at once."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self.wbits = 16 + zlib.MAX_WBITS if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self.inflater = zlib.decompressobj(self.wbits)
        self.first = True

    def feed(self, data: bytes, budget: int) -> Iterator[bytes]:
        while data:
            try:
                out = self.inflater.decompress(data, max(budget, 1))
            except zlib.error:
                if not (self.first and self.coding == "deflate"):
                    raise
                self.wbits = -zlib.MAX_WBITS  # "deflate" sent as raw deflate, as some servers do
                self.inflater = zlib.decompressobj(self.wbits)
                self.first = False
                continue
            self.first = False
            budget -= len(out)
            yield out
            if budget <= 0:
                return
            data = self.inflater.unconsumed_tail
            if self.inflater.eof:
                data = self.inflater.unused_data  # concatenated gzip members
                if data:
                    self.inflater = zlib.decompressobj(self.wbits)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - _now()).total_seconds())


def _unreadable_robots(reason: str) -> str:
    return f"the site's robots.txt cannot be read ({reason}), so its pages are left alone for now"


def reason_of(error: Exception, url: str) -> str:
    """An error's message without the URL it starts with, for callers that name the URL themselves."""
    message = str(error)
    return message[len(url):].lstrip(": ") if message.startswith(url + ":") else message


def _describe(exc: Exception, fallback: str) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text and text[0] else fallback


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 / 10 else f"{size:,} bytes"


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------------------------------------------
# Charsets

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z][\w.:-]*)[\"']")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z][\w.:-]*)", re.IGNORECASE)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                            rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                            rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_UTF8_NAMES = {"utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii"}
_LATIN1_NAMES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso_8859-1", "cp819", "windows-1252", "cp1252"}


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 inside UTF-8 text are, in practice, Windows-1252 (pasted from an editor)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return "".join(_cp1252_char(byte) for byte in bad), error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error("storyline-cp1252", _cp1252_fallback)


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares in itself: its XML declaration, else an HTML <meta> charset."""
    head = data[:4096]
    match = _XML_DECLARATION.match(head.lstrip(b"\xef\xbb\xbf")) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def decode_document(data: bytes, http_charset: str | None = None) -> str:
    """Text from the bytes of a feed or page, whatever its charset says: servers and feeds lie often.

    Order: a byte-order mark; valid UTF-8 (which is almost never an accident); the document's own
    declaration, then HTTP's, when the bytes decode in it; UTF-8 with stray Windows-1252 bytes (mixed
    text); else Windows-1252. Latin-1 labels are read as Windows-1252, as browsers do."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if data[:4] == b"<\x00?\x00":
        return data.decode("utf-16-le", errors="replace")
    if data[:4] == b"\x00<\x00?":
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared_charset(data), http_charset):
        if not label or label in _UTF8_NAMES:
            continue
        encoding = "cp1252" if label in _LATIN1_NAMES else label
        try:
            codecs.lookup(encoding)
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    if _UTF8_SEQUENCE.search(data):
        return data.decode("utf-8", errors="storyline-cp1252")
    return data.decode("cp1252", errors="storyline-cp1252")
