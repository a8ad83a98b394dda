"""Property-based fuzzing (Hypothesis) of every parser a user's data reaches.

    .venv/bin/python bench/fuzz.py                        # 10,000 examples per parser
    .venv/bin/python bench/fuzz.py --examples 500 --only csv,opml

Parsers: the `date YYYY-MM-DD` text format, JSON Lines, CSV, HTML files (trafilatura's extraction),
RSS/Atom feeds, OPML lists, record dates (`published`), date resolution in article text, quote
scanning, and the outlet files of `storyline sources import` (CSV and TOML). Each gets inputs from
two generators: raw bytes or text, and documents built from the format's own pieces (headers,
fields, tags, quote marks, date words) so that deep paths are reached.
For every example the parser must either give a result that indexes its input correctly, or reject
it the documented way: a Rejection (or an InputError / ValueError) whose message is one line and
names the record. Anything else (an uncaught exception, a bad rejection) is counted and printed.

Prints, per parser: examples run, rejections, uncaught exceptions and bad rejections (both must be
0). tests/test_fuzz_parsers.py runs the same targets with a few examples each."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from storyline.analyze.dates import resolve_dates
from storyline.analyze.quote_marks import scan_quote_marks
from storyline.analyze.quotes import find_quotes
from storyline.errors import InputError
from storyline.model import Record, Rejection
from storyline.settings import Settings
from storyline.sources.dates import parse_published
from storyline.sources.feeds import parse_feed, parse_opml
from storyline.sources.files import read_bytes
from storyline.sources.outlets import read_outlets

SETTINGS = Settings()


class Rejected(Exception):
    """A parser's documented refusal, with its one-line message."""


class BadRejection(Exception):
    """A refusal that breaks the contract: several lines, or the record not named."""


def _rejection(message: str, origin: str) -> None:
    if "\n" in message or not message.startswith(origin):
        raise BadRejection(message)
    raise Rejected(message)


def _file(suffix: str) -> Callable[[bytes], None]:
    """A target reading `data` as one file with this extension, exactly as `storyline ingest` does."""
    name = f"fuzz{suffix}"

    def run(data: bytes) -> None:
        rejected = None
        for item in read_bytes(data, name, suffix, "fuzz", None, SETTINGS):
            if isinstance(item, Rejection):
                if "\n" in item.message or not item.origin.startswith(name):
                    raise BadRejection(str(item))
                rejected = str(item)
            elif not isinstance(item, Record) or not item.text.strip():
                raise AssertionError(f"not a record with text: {item!r}")
        if rejected:
            raise Rejected(rejected)

    return run


def _feed(data: bytes) -> None:
    try:
        feed = parse_feed(data, "https://fuzz.example/feed.xml")
    except InputError as exc:
        _rejection(str(exc), "https://fuzz.example/feed.xml")
    for entry in feed.entries:
        assert entry.link is None or entry.link.startswith(("http://", "https://")), entry.link


def _opml(data: bytes) -> None:
    try:
        links = parse_opml(data, "lists/fuzz.opml")
    except InputError as exc:
        _rejection(str(exc), "lists/fuzz.opml")
    assert all(link.url.startswith(("http://", "https://")) for link in links)


def _published(text: str) -> None:
    try:
        value = parse_published(text)
    except ValueError as exc:
        if "\n" in str(exc):
            raise BadRejection(str(exc)) from exc
        raise Rejected(str(exc)) from exc
    assert value is None or value.tzinfo is not None


def _dates(case: tuple[str, date | None]) -> None:
    text, published = case
    for t in resolve_dates(text, published):
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text, t
        assert t.granularity in ("day", "week", "month", "year"), t


def _quotes(text: str) -> None:
    for mark in scan_quote_marks(text):
        assert 0 <= mark.open < mark.start <= mark.end <= mark.close <= len(text), mark
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text) and text[quote.start:quote.end] == quote.text, quote
        if quote.speaker_span:
            assert 0 <= quote.speaker_span[0] < quote.speaker_span[1] <= len(text), quote


# --- generators ------------------------------------------------------------------------------------

def _outlet_file(case: tuple[str, bytes]) -> None:
    """An outlet description file, read as `storyline sources import` reads it: every rejected row named
    by the file and its row, in one line; every outlet read with a name."""
    suffix, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"outlets{suffix}"
        path.write_bytes(data)
        try:
            outlets, rejected = read_outlets(path)
        except InputError as exc:
            _rejection(str(exc), str(path))
        for rejection in rejected:
            if "\n" in str(rejection) or not rejection.origin.startswith(f"{path}, "):
                raise BadRejection(str(rejection))
        if any(not outlet.name or "\n" in outlet.name for outlet in outlets):
            raise AssertionError(f"an outlet without a one-line name: {outlets!r}")
        if rejected:
            raise Rejected(str(rejected[0]))


def _xml_safe(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold at all (so that a built document is well formed)."""
    return "".join(c for c in text if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD)


_DATE_WORDS = ["2025-02-14", "2025-02-30", "14 February 2025", "Fri, 14 Feb 2025 09:30:00 GMT", "2025-02-14T25:00",
               "2025-02-14T09:30:00+01:00", "1799-01-01", "9999-12-31", "yesterday", "", " ", "0", "-1", "2025",
               "2025-13-01", "Feb 2025", "2025-02-14Z", "2025-02-14 09:30 UTC"]
_dates_text = st.one_of(st.sampled_from(_DATE_WORDS), st.text(max_size=40),
                        st.lists(st.sampled_from(["2025", "-", "02", "14", "T", ":", "30", "+01:00", "Z", " ", "GMT",
                                                  "Feb", "Fri,", "UTC", "."]), max_size=10).map("".join))
_words = st.sampled_from(["The", "council", "said", "“We won,”", '"No"', "he said.", "Ann Bell", "on Monday", "\n",
                          "\n\n", "é", "‘", "’", "«", "»", "title:", "url: https://x.example/a", "source: Wire",
                          "id: 7", "language: en", "2025", "<b>", "</b>", "\x00", "\r\n", "\t", ",", ";"])
_body = st.one_of(st.text(max_size=300), st.lists(_words, max_size=40).map(" ".join))

_text_files = st.one_of(
    st.binary(max_size=400),
    st.tuples(st.sampled_from(["date ", "date  ", "Date ", "date\t", "", "dat "]), _dates_text, _body).map(
        lambda t: f"{t[0]}{t[1]}\n{t[2]}".encode("utf-8", "surrogatepass")),
)

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40))
_json_value = st.recursive(
    _json_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
_FIELDS = ["text", "body", "content", "title", "date", "published", "source", "url", "id", "language", "gold"]
_record = st.dictionaries(st.sampled_from(_FIELDS), st.one_of(_json_value, _body, _dates_text), max_size=7)
_article = st.fixed_dictionaries({"text": _body}, optional={k: st.one_of(_body, _dates_text, _json_scalar)
                                                            for k in _FIELDS if k != "text"})
_jsonl_files = st.one_of(
    st.binary(max_size=400),
    st.lists(_article.map(json.dumps), max_size=6).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(_record.map(json.dumps), _json_value.map(json.dumps), st.text(max_size=30)),
             max_size=6).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")),
)


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode("utf-8", "surrogatepass")


_cell = st.one_of(_body, _dates_text, st.sampled_from(['"', '""', '"a,b"', "\r", "", "x" * 50]))
_csv_files = st.one_of(
    st.binary(max_size=400),
    st.tuples(st.lists(st.sampled_from(_FIELDS + ["", "text"]), min_size=1, max_size=6),
              st.lists(st.lists(_cell, max_size=7), max_size=5)).map(lambda t: _csv([t[0], *t[1]])),
)

_TAGS = ["<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "<article>", "</article>", "<p>", "</p>",
         "<script>", "</script>", "<style>", "<h1>", "</h1>", '<meta property="og:title" content="x">',
         '<meta name="date" content="2025-02-14">', "<div>", "</div>", "<!--", "-->", "<![CDATA[", "]]>",
         "&amp;", "&#0;", "&nbsp;", "<br>", "<img src=x onerror=alert(1)>", '<a href="javascript:x">', "</a>"]
_html = st.one_of(st.text(max_size=300), st.lists(st.one_of(st.sampled_from(_TAGS), _body), max_size=40).map("".join))
_html_files = st.one_of(st.binary(max_size=400), _html.map(lambda t: t.encode("utf-8", "surrogatepass")))

_FEED_PIECES = ['<?xml version="1.0"?>', '<?xml version="1.0" encoding="latin-1"?>', '<rss version="2.0">', "</rss>",
                "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>", "<link>", "</link>",
                "<description>", "</description>", "<pubDate>", "</pubDate>", '<feed xmlns="http://www.w3.org/2005/Atom">',
                "</feed>", "<entry>", "</entry>", '<link href="/a"/>', "<updated>", "</updated>",
                "<content type=\"html\">",
                "</content>", "<![CDATA[", "]]>", "https://fuzz.example/a", "javascript:alert(1)", "/relative",
                '<!DOCTYPE x [<!ENTITY a "b">]>', "&a;", "&amp;", "<rdf:RDF>", "<ttl>", "</ttl>", "60", "-5",
                "<language>", "</language>", "<opml>", "<html>"]
_FEED_URLS = ["https://fuzz.example/a", "/relative", "javascript:alert(1)", "", "mailto:x@y", "https://fuzz.example/a?utm_source=x#f"]
_rss_item = st.tuples(st.text(max_size=30), st.sampled_from(_FEED_URLS), _html, _dates_text).map(
    lambda t: f"<item><title>{escape(_xml_safe(t[0]))}</title><link>{escape(t[1])}</link>"
              f"<description>{escape(_xml_safe(t[2]))}</description><pubDate>{escape(_xml_safe(t[3]))}</pubDate></item>")
_atom_entry = st.tuples(st.text(max_size=30), st.sampled_from(_FEED_URLS), _html, _dates_text).map(
    lambda t: f"<entry><title>{escape(_xml_safe(t[0]))}</title><link href={quoteattr(t[1])}/>"
              f"<content type=\"html\">{escape(_xml_safe(t[2]))}</content>"
              f"<updated>{escape(_xml_safe(t[3]))}</updated></entry>")
_feed_docs = st.one_of(
    st.binary(max_size=400),
    st.lists(_rss_item, max_size=5).map(lambda items: (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Fuzz</title><link>https://fuzz.example/</link>'
        + "".join(items) + "</channel></rss>").encode("utf-8")),
    st.lists(_atom_entry, max_size=5).map(lambda entries: (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Fuzz</title>'
        + "".join(entries) + "</feed>").encode("utf-8")),
    st.lists(st.one_of(st.sampled_from(_FEED_PIECES), _body, _dates_text), max_size=40).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
)
_OPML_PIECES = ['<?xml version="1.0"?>', '<opml version="2.0">', "</opml>", "<head>", "</head>", "<body>", "</body>",
                '<outline text="News">', "</outline>", '<outline type="rss" xmlUrl="https://fuzz.example/f.xml"/>',
                '<outline xmlurl="/relative.xml" title="x"/>', '<outline xmlUrl="javascript:alert(1)"/>',
                '<outline xmlUrl="file:///etc/passwd"/>', '<outline XMLURL="http://[::1]/"/>',
                '<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;", "<rss>"]
_OPML_URLS = ["https://fuzz.example/f.xml", "/relative.xml", "javascript:alert(1)", "file:///etc/passwd",
              "http://[::1]/", "http://127.0.0.1/feed", "", " https://fuzz.example/g.xml ", "ftp://x/y"]
_outline = st.recursive(
    st.tuples(st.text(max_size=20), st.sampled_from(_OPML_URLS)).map(
        lambda t: f"<outline text={quoteattr(_xml_safe(t[0]))} type=\"rss\" xmlUrl={quoteattr(t[1])}/>"),
    lambda inner: st.tuples(st.text(max_size=12), st.lists(inner, max_size=4)).map(
        lambda t: f"<outline text={quoteattr(_xml_safe(t[0]))}>{''.join(t[1])}</outline>"),
    max_leaves=10)
_opml_docs = st.one_of(
    st.binary(max_size=400),
    st.lists(_outline, max_size=8).map(lambda outlines: (
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        + "".join(outlines) + "</body></opml>").encode("utf-8")),
    st.lists(st.one_of(st.sampled_from(_OPML_PIECES), st.text(max_size=20)), max_size=30).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
)

_DATE_PHRASES = ["on", " ", "Monday", "12", "February", "Feb.", "2025", "from", "to", "-", "–", "yesterday", "last",
                 "next", "week", "two", "days", "ago", "in", "March", "May", "will", "said", ".", ",", "31", "30",
                 "2100", "1799", "é", "this", "month", "year", "earlier", "29", "the", "1990s", "Q3", "2025-02-14"]
_resolution = st.tuples(st.one_of(st.text(), st.lists(st.sampled_from(_DATE_PHRASES), max_size=30).map(" ".join)),
                        st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))))
_QUOTE_PIECES = ["“", "”", '"', "‘", "’", "'", " said Ann Bell", " he said", ",", ".", "\n\n", "We won", "don’t",
                 "O’Neil's", "«", "»", "„", "‹", "›", "「", "」", " told reporters", "according to", ":", " — "]
_quote_texts = st.one_of(st.text(), st.text(alphabet=st.sampled_from(list("“”„«»\"‘’'‚‹› \n.,:;abcXYZ said é"))),
                         st.lists(st.sampled_from(_QUOTE_PIECES), max_size=40).map("".join))


_OUTLET_COLUMNS = ["name", "outlet", "homepage", "country", "language", "owner", "lean", "kind", "", "Political Lean"]
_outlet_cell = st.one_of(st.text(max_size=20), st.sampled_from(
    ["capital-dispatch", "https://x.example", "javascript:alert(1)", "us", "left", '"', '"a,b"', "\r", "", "x" * 250]))
_OUTLET_TOML = ["[[outlet]]\n", "[outlet]\n", 'name = "a"\n', 'name = ""\n', 'lean = "left"\n', "lean = 3\n",
                "lean = [1]\n", 'labels = { lean = "right" }\n', 'labels = "x"\n', 'homepage = "javascript:x"\n',
                'country = "no"\n', "[outlet.labels]\n", "x = {}\n", "outlet = 1\n", '"' , "\n"]
_outlet_files = st.one_of(
    st.tuples(st.sampled_from([".csv", ".toml"]), st.binary(max_size=300)),
    st.tuples(st.lists(st.sampled_from(_OUTLET_COLUMNS), min_size=1, max_size=6),
              st.lists(st.lists(_outlet_cell, max_size=7), max_size=5)).map(lambda t: (".csv", _csv([t[0], *t[1]]))),
    st.lists(st.one_of(st.sampled_from(_OUTLET_TOML), st.text(max_size=12)), max_size=20).map(
        lambda parts: (".toml", "".join(parts).encode("utf-8", "surrogatepass"))),
)


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable
    inputs: st.SearchStrategy


TARGETS = [
    Target("text (date YYYY-MM-DD)", _file(".txt"), _text_files),
    Target("JSON Lines", _file(".jsonl"), _jsonl_files),
    Target("CSV", _file(".csv"), _csv_files),
    Target("HTML (extraction)", _file(".html"), _html_files),
    Target("RSS/Atom feed", _feed, _feed_docs),
    Target("OPML", _opml, _opml_docs),
    Target("record dates", _published, _dates_text),
    Target("date resolution", _dates, _resolution),
    Target("quote scanning", _quotes, _quote_texts),
    Target("outlet files", _outlet_file, _outlet_files),
]


@dataclass
class Outcome:
    examples: int = 0
    rejections: int = 0
    uncaught: list[str] = field(default_factory=list)
    bad_rejections: list[str] = field(default_factory=list)
    seconds: float = 0.0


def fuzz(target: Target, examples: int, seed: int | None = None) -> Outcome:
    """Run `examples` generated inputs through one parser, counting rather than stopping at failures."""
    outcome = Outcome()

    @settings(max_examples=examples, deadline=None, database=None, derandomize=seed is not None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(target.inputs)
    def one(data) -> None:
        outcome.examples += 1
        try:
            target.run(data)
        except Rejected:
            outcome.rejections += 1
        except BadRejection as exc:
            outcome.bad_rejections.append(f"{data!r:.200}: {exc}")
        except Exception as exc:  # the point: any exception a parser lets out is a finding
            where = traceback.extract_tb(exc.__traceback__)[-1]
            outcome.uncaught.append(f"{type(exc).__name__}: {exc!s:.200} at {where.filename}:{where.lineno} "
                                    f"for {data!r:.200}")

    started = time.perf_counter()
    one()
    outcome.seconds = time.perf_counter() - started
    return outcome


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per parser")
    parser.add_argument("--only", default=None, help="comma-separated words of parser names to run")
    args = parser.parse_args(argv)
    targets = [t for t in TARGETS if not args.only or any(w.lower() in t.name.lower() for w in args.only.split(","))]
    print(f"{'parser':24} {'examples':>9} {'rejections':>11} {'uncaught':>9} {'bad rejections':>15} {'seconds':>8}")
    failures = 0
    for target in targets:
        outcome = fuzz(target, args.examples)
        failures += len(outcome.uncaught) + len(outcome.bad_rejections)
        print(f"{target.name:24} {outcome.examples:9,} {outcome.rejections:11,} {len(outcome.uncaught):9} "
              f"{len(outcome.bad_rejections):15} {outcome.seconds:8.1f}", flush=True)
        for problem in [*outcome.uncaught, *outcome.bad_rejections][:5]:
            print(f"    {problem}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
