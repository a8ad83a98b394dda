"""Live sources throughput: generated feeds on loopback, polled the way `storyline watch` polls them.

    .venv/bin/python bench/feeds.py [--feeds 500] [--items 3]

A separate process serves FEEDS generated feeds (ETag-aware) and ITEMS article pages per feed on
127.0.0.1. This process then, in one run:
  1. polls every feed with records_from_feed (fetch feed, parse, fetch each page, extract) and
     prints feeds/s, articles/s and the time spent per stage;
  2. polls every feed again with the stored state: every answer is 304, so no parsing;
  3. fetches the same feed and page URLs with SafeClient alone and with a plain httpx.Client
     (no address checks, limits or politeness), printing the cost of the safety layer as a ratio.
Everything is sequential, one connection per host, as a single watch worker would run."""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

from storyline.sources import feeds as feeds_module
from storyline.sources import pages as pages_module
from storyline.sources.fetch import Response, SafeClient
from storyline.sources.pages import records_from_feed

WORDS = ("harbour council ferry bridge river valley market library rain engineers residents mayor quay island "
         "agency warning budget season commuters timetable crossing volunteers schools flood tide wind repairs "
         "vote petition districts morning evening statement reporters transport minister talks ceasefire aid").split()


def article_html(feed: int, item: int) -> bytes:
    rng = random.Random(feed * 1000 + item)
    title = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize()
    sentences = (" ".join(rng.choice(WORDS) for _ in range(rng.randint(45, 75))).capitalize() for _ in range(5))
    paragraphs = "".join(f"<p>{sentence}.</p>\n" for sentence in sentences)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta property=\"article:published_time\" content=\"2025-03-0{1 + item % 9}T08:00:00Z\"></head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>{title}</h1>\n"
            f"{paragraphs}</article><footer>Copyright outlet {feed}</footer></body></html>").encode()


def feed_xml(feed: int, items: int, port: int) -> bytes:
    entries = "".join(
        f"<item><title>Story {feed}-{item}</title><link>http://127.0.0.1:{port}/a/{feed}/{item}.html</link>"
        f"<guid isPermaLink=\"false\">f{feed}-i{item}</guid><pubDate>Tue, 04 Mar 2025 0{item % 10}:15:00 GMT</pubDate>"
        f"<description>Summary of story {feed}-{item} &lt;b&gt;in brief&lt;/b&gt;.</description></item>"
        for item in range(items))
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Outlet {feed}</title>"
            f"<link>http://127.0.0.1:{port}/</link><description>Generated</description>{entries}</channel></rss>").encode()


def serve(port_queue: multiprocessing.Queue, items: int) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else headers and body in two writes wait on delayed ACKs (40 ms)

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            if parts[0] == "feed":
                body = feed_xml(int(parts[1].split(".")[0]), items, self.server.server_port)
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(body, "application/rss+xml; charset=utf-8", {"ETag": etag})
            elif parts[0] == "a":
                self._send(article_html(int(parts[1]), int(parts[2].split(".")[0])), "text/html; charset=utf-8", {})
            else:
                self._send(b"not found", "text/plain", {}, 404)

        def _send(self, body: bytes, content_type: str, headers: dict, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_queue.put(server.server_port)
    server.serve_forever()


@dataclass
class Stages:
    seconds: dict[str, float] = field(default_factory=lambda: {"fetch": 0.0, "parse": 0.0, "extract": 0.0})

    def timed(self, stage: str, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started
        return wrapper


class TimedClient(SafeClient):
    """SafeClient that adds the time of each outermost get() to the fetch stage (robots.txt is fetched inside)."""

    def __init__(self, stages: Stages, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.stages = stages
        self.depth = 0

    def get(self, url: str, **kwargs: object) -> Response:  # type: ignore[override]
        self.depth += 1
        try:
            if self.depth > 1:
                return super().get(url, **kwargs)  # type: ignore[arg-type]
            return self.stages.timed("fetch", super().get)(url, **kwargs)
        finally:
            self.depth -= 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=3)
    args = parser.parse_args()

    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(ports, args.items), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=30)
        run(port, args.feeds, args.items)
    finally:
        server.terminate()
        server.join(5)


def run(port: int, feed_count: int, items: int) -> None:
    feed_urls = [f"http://127.0.0.1:{port}/feed/{i}.xml" for i in range(feed_count)]
    page_urls = [f"http://127.0.0.1:{port}/a/{i}/{j}.html" for i in range(feed_count) for j in range(items)]
    options = {"allow_private_network": True, "per_host_delay": 0.0}

    # Stage timing wraps the module functions the pipeline calls; the bench alone does this.
    stages = Stages()
    real_parse, real_extract = feeds_module.parse_feed, pages_module.extract_html
    feeds_module.parse_feed = stages.timed("parse", real_parse)
    pages_module.extract_html = stages.timed("extract", real_extract)
    try:
        with TimedClient(stages, **options) as client:
            started = time.perf_counter()
            states, articles, rejected = [], 0, 0
            for url in feed_urls:
                found, state, _ = records_from_feed(client, url)
                states.append(state)
                articles += sum(1 for item in found if hasattr(item, "text"))
                rejected += sum(1 for item in found if not hasattr(item, "text"))
            first = time.perf_counter() - started
            first_stages = dict(stages.seconds)

            started = time.perf_counter()
            unchanged = sum(records_from_feed(client, url, state)[2]
                            for url, state in zip(feed_urls, states, strict=True))
            second = time.perf_counter() - started
    finally:
        feeds_module.parse_feed, pages_module.extract_html = real_parse, real_extract

    urls = feed_urls + page_urls
    with SafeClient(**options) as client:  # type: ignore[arg-type]
        started = time.perf_counter()
        for url in urls:
            client.get(url, accept=("*/*",))
        safe_fetch = time.perf_counter() - started
    with httpx.Client() as plain:
        started = time.perf_counter()
        for url in urls:
            plain.get(url).raise_for_status()
        plain_fetch = time.perf_counter() - started

    print(f"live sources: {feed_count} feeds x {items} articles on 127.0.0.1, sequential, one connection per host")
    print(f"first poll:   {first:7.2f} s  {feed_count / first:8.1f} feeds/s  {articles / first:8.1f} articles/s"
          f"  ({articles} articles, {rejected} rejections)")
    other = first - sum(first_stages.values())
    for stage, seconds in [*first_stages.items(), ("other", other)]:
        print(f"  {stage:8s}  {seconds:7.2f} s  {100 * seconds / first:5.1f} %")
    print(f"second poll:  {second:7.2f} s  {feed_count / second:8.1f} feeds/s  "
          f"({unchanged} of {feed_count} not modified, nothing parsed)")
    print(f"fetch only, {len(urls)} URLs:  SafeClient {safe_fetch:6.2f} s ({len(urls) / safe_fetch:7.1f}/s)   "
          f"plain httpx {plain_fetch:6.2f} s ({len(urls) / plain_fetch:7.1f}/s)")
    print(f"ratio SafeClient / plain httpx: {safe_fetch / plain_fetch:.2f}x   "
          f"full first poll / plain fetch: {first / plain_fetch:.1f}x")


if __name__ == "__main__":
    main()
