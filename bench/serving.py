"""The one way the benchmarks and the tests start a live `storyline serve`: the installed executable in
its own process (the server must not share a GIL with the clients that measure it), on a free port of
127.0.0.1, used once it answers.

    from serving import serving          # bench/ scripts (bench/ is on their sys.path)
    with serving(["--db", str(db)]) as base:
        httpx.get(base + "/api/stories")

Tests load it as bench_module("serving") (tests/conftest.py)."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

STORYLINE = str(Path(sys.executable).parent / "storyline")


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(args: Sequence[str], timeout: float = 120.0) -> Iterator[str]:
    """`storyline serve ARGS --port PORT` on a free port; yields its base URL once a static file is
    served (so the app and its database are up), and stops the server on leaving. A server that exits
    or does not answer within `timeout` seconds raises RuntimeError with the end of its stderr."""
    port = free_port()
    with tempfile.TemporaryFile() as errors:  # not a pipe: a server that logged much would block on a full one
        server = subprocess.Popen([STORYLINE, "serve", *args, "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=errors)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    httpx.get(base + "/static/favicon.svg", timeout=2)
                    break
                except httpx.TransportError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        server.kill()
                        server.wait()
                        errors.seek(0)
                        raise RuntimeError("storyline serve did not start: "
                                           + errors.read().decode(errors="replace")[-2000:]) from None
                    time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
