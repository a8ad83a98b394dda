"""A real HTTP server on 127.0.0.1 for the live-source tests, and a tripwire against any other address.

Tests register routes (a path and what to answer), fetch through the real SafeClient, then read the
server's own log: which paths were asked for, how often, with which headers."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]


Route = Callable[["_Handler"], None]


class LiveServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.live = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Route) -> str:
        self.routes[path] = handler
        return self.url(path)

    def static(self, path: str, body: bytes | str, content_type: str | None = "text/html; charset=utf-8",
               headers: dict[str, str] | None = None, *, status: int = 200) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.route(path, lambda h: h.reply(status, data, content_type, headers))

    def fixture(self, path: str, name: str, content_type: str, **replacements: str) -> str:
        """Serve a file of tests/fixtures/feeds with {{BASE}} (and other {{KEY}}s) filled in."""
        text = (FEEDS / name).read_text(encoding="utf-8").replace("{{BASE}}", self.base)
        for key, value in replacements.items():
            text = text.replace("{{" + key + "}}", value)
        return self.static(path, text, content_type)

    def count(self, path: str) -> int:
        return sum(1 for seen in self.seen if seen.path == path)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-answer is what the hostile tests are about; anything else is printed."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in two writes; don't let them wait on delayed ACKs
    server: ThreadingHTTPServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    @property
    def live(self) -> LiveServer:
        return self.server.live  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        live = self.live
        with live.lock:
            live.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
            live.in_flight += 1
            live.max_in_flight = max(live.max_in_flight, live.in_flight)
        try:
            handler = live.routes.get(self.path) or live.routes.get(self.path.split("?", 1)[0])
            if handler is None:
                self.reply(404, b"<html><body><p>Not found</p></body></html>", "text/html; charset=utf-8")
            else:
                handler(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with live.lock:
                live.in_flight -= 1

    def reply(self, status: int, body: bytes = b"", content_type: str | None = "text/plain",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def stream(self, chunks, content_type: str = "text/html", headers: dict[str, str] | None = None,
               pause: float = 0.0) -> None:
        """Answer with a body of unknown length (ended by closing the connection), a chunk at a time."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.close_connection = True
        for chunk in chunks:
            self.wfile.write(chunk)
            self.wfile.flush()
            if pause:
                time.sleep(pause)


@pytest.fixture
def server():
    live = LiveServer()
    yield live
    live.stop()


@pytest.fixture(autouse=True)
def tripwire(monkeypatch: pytest.MonkeyPatch):
    """Any connection a test makes to an address other than loopback fails at once and fails the test.

    The client must refuse unsafe addresses before connecting; this only proves it did, and makes
    sure no traffic ever leaves this machine should it regress."""
    attempts: list[object] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def outside(sock: socket.socket, address: object) -> bool:
        if sock.family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
            return False
        try:
            return not ipaddress.ip_address(str(address[0]).split("%", 1)[0]).is_loopback
        except ValueError:
            return True

    def connect(sock: socket.socket, address: object) -> None:
        if outside(sock, address):
            attempts.append(address)
            raise ConnectionRefusedError(f"tripwire: the test tried to connect to {address}")
        return real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: object) -> int:
        if outside(sock, address):
            attempts.append(address)
            raise ConnectionRefusedError(f"tripwire: the test tried to connect to {address}")
        return real_connect_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield attempts
    assert not attempts, f"connections attempted outside loopback: {attempts}"


def local_client(**options: object):
    """A SafeClient for the loopback test server: private network allowed, no politeness wait, quick retries."""
    from storyline.sources.fetch import SafeClient

    settings = {"allow_private_network": True, "per_host_delay": 0.0, "backoff": 0.01, "timeout": 5.0}
    settings.update(options)
    return SafeClient(**settings)  # type: ignore[arg-type]
