"""Feeds and feed lists: RSS 0.9x/1.0/2.0 and Atom into FeedEntry records, OPML into feed URLs, and polling.

A feed is untrusted XML. Before any parser sees it, the document is decoded to UTF-8 and checked with
defusedxml: a document that declares entities (billion laughs, XXE through SYSTEM or parameter
entities) is refused, never expanded, and no external DTD or file is ever read. Only then does
feedparser, given the bytes as a stream (never a string it might open as a path or URL), read it."""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from storyline.errors import FetchError, InputError
from storyline.sources.dates import parse_published
from storyline.sources.fetch import HTTPStatusError, Response, SafeClient, decode_document
from storyline.text import normalize_text

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/x-rss+xml", "application/feed+xml", "text/x-opml", "application/x-opml+xml",
              "text/plain", "application/octet-stream", "text/html", "application/xhtml+xml")
"""What a feed URL may answer with. text/html passes so that a page is rejected with a useful message."""

DEFAULT_INTERVAL = timedelta(minutes=30)
MAX_INTERVAL = timedelta(hours=24)

Kind = Literal["feed", "opml", "page"]


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, its HTML reduced to text; `published` falls back to the entry's updated date."""

    title: str | None
    link: str | None
    published: datetime | None
    author: str | None
    summary: str  # the entry's description/summary as text ("" when none)
    content: str  # its full content (content:encoded, atom:content) as text ("" when none)
    entry_id: str | None  # guid, atom:id or rdf:about

    @property
    def text(self) -> str:
        """The longest text the feed gives for this entry."""
        return self.content if len(self.content) >= len(self.summary) else self.summary


@dataclass(frozen=True)
class Feed:
    title: str | None
    link: str | None
    language: str | None
    entries: tuple[FeedEntry, ...]
    ttl: timedelta | None = None  # RSS <ttl>: how long the publisher asks readers to wait between polls


@dataclass(frozen=True)
class FeedLink:
    """A feed named in an OPML list; `category` is the path of the outlines that hold it ("News/World")."""

    url: str
    title: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class FeedState:
    """What the store keeps of a subscribed feed between polls; times are timezone-aware UTC."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    next_poll: datetime | None = None
    failures: int = 0  # consecutive failed polls; the wait before the next poll doubles with each
    title: str | None = None  # the feed's own title, the outlet name when none is given

    def due(self, now: datetime | None = None) -> bool:
        return self.next_poll is None or self.next_poll <= (now or _now())


def feed_entry(state: FeedState, outlet: str | None) -> dict[str, Any]:
    """A subscribed feed's state as `storyline sources --json` and /api/sources show it."""
    return {"url": state.url, "source": outlet, "title": state.title,
            "last_success": state.last_success.isoformat() if state.last_success else None,
            "last_error": state.last_error, "failures": state.failures,
            "next_poll": state.next_poll.isoformat() if state.next_poll else None}


@dataclass(frozen=True)
class FeedPoll:
    """The outcome of one poll: new entries, or not modified, or an error; `state` is what to store either way."""

    url: str
    not_modified: bool
    entries: tuple[FeedEntry, ...]
    state: FeedState
    title: str | None
    language: str | None = None
    error: str | None = None


# ---------------------------------------------------------------------------------------------------
# Parsing


def parse_feed(data: bytes, origin: str, charset: str | None = None) -> Feed:
    """The entries of an RSS or Atom document; `origin` (its URL or path) names it in errors and resolves links.

    Raises InputError for a document that declares XML entities, is HTML or OPML rather than a feed,
    or is not a feed at all."""
    text, _root = _safe_document(data, origin, charset)
    kind = sniff_kind(text, None)
    if kind == "page":
        raise InputError(_html_not_feed(origin, text))
    if kind == "opml":
        raise InputError(f"{origin}: this is an OPML list of feeds, not a feed (ingest or watch it as a list)")
    import feedparser

    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), sanitize_html=True, resolve_relative_uris=True,
                              response_headers={"content-type": "application/xml; charset=utf-8",
                                                "content-location": origin if "://" in origin else ""})
    if not parsed.get("version") and (kind != "feed" or not parsed.entries):
        reason = parsed.get("bozo_exception")
        raise InputError(f"{origin}: not an RSS or Atom feed" + (f" ({_first_line(reason)})" if reason else ""))
    info = parsed.feed
    entries = tuple(_entry(item, origin) for item in parsed.entries)
    return Feed(title=_clean(info.get("title")), link=_http_link(info.get("link")),
                language=_language(info.get("language")), entries=entries, ttl=_ttl(info.get("ttl")))


def parse_opml(data: bytes, origin: str, charset: str | None = None) -> list[FeedLink]:
    """The feeds an OPML document lists, nested outlines included, each once, relative URLs resolved."""
    _text, root = _safe_document(data, origin, charset)
    if root is None or _local(root.tag) != "opml":
        raise InputError(f"{origin}: not an OPML document (no <opml> root element)")
    links: dict[str, FeedLink] = {}

    def walk(element: Element, path: tuple[str, ...]) -> None:
        for outline in element:
            if _local(outline.tag) == "body":
                walk(outline, path)
                continue
            if _local(outline.tag) != "outline":
                continue
            attributes = {key.lower(): value for key, value in outline.attrib.items()}
            title = (attributes.get("title") or attributes.get("text") or "").strip() or None
            url = (attributes.get("xmlurl") or "").strip()
            if url:
                absolute = urljoin(origin, url) if "://" in origin else url
                if urlsplit(absolute).scheme in ("http", "https") and absolute not in links:
                    links[absolute] = FeedLink(absolute, title, "/".join(path) or None)
            walk(outline, path + ((title,) if title and not url else ()))

    walk(root, ())
    return list(links.values())


def sniff_kind(document: str | bytes, content_type: str | None) -> Kind | None:
    """Feed, OPML list or web page, by the document's root element first and its Content-Type second."""
    if isinstance(document, bytes):
        document = decode_document(document[:8192])
    head = _skip_prolog(document[:8192])
    match = re.match(r"<([A-Za-z][\w.:-]*)", head)
    root = match.group(1).lower() if match else ""
    root = root.split(":", 1)[1] if ":" in root and root != "rdf:rdf" else root
    if root in ("rss", "feed", "rdf:rdf", "rdf", "channel"):
        return "feed"
    if root == "opml":
        return "opml"
    if root in ("html", "head", "body") or re.match(r"<!doctype\s+html", head, re.IGNORECASE):
        return "page"
    media = (content_type or "").split(";")[0].strip().lower()
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"):
        return "feed"
    if "opml" in media:
        return "opml"
    if media in ("text/html", "application/xhtml+xml"):
        return "page"
    return None


def discover_feeds(html: str, base_url: str) -> list[str]:
    """The feeds a web page advertises with <link rel="alternate" type="application/rss+xml" href=…>."""
    found: list[str] = []
    for tag in re.findall(r"<link\b[^>]{0,2000}>", html[:200_000], re.IGNORECASE):
        attributes = dict((k.lower(), v) for k, _, v in re.findall(r"([\w-]+)\s*=\s*([\"'])(.*?)\2", tag))
        advertised = attributes.get("type", "").lower() in ("application/rss+xml", "application/atom+xml")
        if advertised and "alternate" in attributes.get("rel", "").lower().split() and attributes.get("href"):
            url = urljoin(base_url, attributes["href"])
            if url not in found:
                found.append(url)
    return found


def html_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed's summary or content): block elements become line breaks."""
    if "<" not in html and "&" not in html:
        return normalize_text(html)
    stripper = _TextOfHTML()
    stripper.feed(html)
    stripper.close()
    text = re.sub(r"[\x01-\x03][\s\x01-\x03]*", _break, "".join(stripper.parts))
    return normalize_text(text)


def _break(marks: re.Match[str]) -> str:
    """A run of break markers as the text's line breaks: a paragraph's edge, or two <br> in a row, a blank line."""
    found = marks.group()
    return "\n\n" if _TextOfHTML._PARAGRAPH in found or found.count(_TextOfHTML._BREAK) > 1 else "\n"


class _TextOfHTML(HTMLParser):
    _PARAGRAPHS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "section", "article",
                   "figure", "pre", "hr", "ul", "ol"}
    _LINES = {"br", "li", "tr", "figcaption", "dd", "dt"}
    _SKIP = {"script", "style", "template", "noscript", "iframe", "object", "svg"}
    # Break markers, merged afterwards so that </li><li> is one line break, </p><p> or </div><div> one blank
    # line, and so is <br><br>, as pages without <p> part their paragraphs.
    _LINE, _PARAGRAPH, _BREAK = "\x01", "\x02", "\x03"

    def _mark(self, tag: str) -> None:
        if tag in self._PARAGRAPHS:
            self.parts.append(self._PARAGRAPH)
        elif tag in self._LINES:
            self.parts.append(self._BREAK if tag == "br" else self._LINE)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        else:
            self._mark(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        else:
            self._mark(tag)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub("[\x01-\x03]", "", data))


def _safe_document(data: bytes, origin: str, charset: str | None) -> tuple[str, Element | None]:
    """The document as text once checked to declare no entities; its root, when it is well-formed XML."""
    if not data.strip():
        raise InputError(f"{origin}: the document is empty")
    text = decode_document(data, charset).lstrip("\ufeff")
    text = re.sub(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2", r"\1\2utf-8\2", text, count=1)
    # Belt and braces for documents too malformed for defusedxml to reach their DTD: any entity
    # declaration outside CDATA (where an article about XML may quote one) is refused.
    if re.search(r"<!ENTITY", _outside_cdata(text), re.IGNORECASE):
        raise InputError(_entities_refused(origin))
    try:
        root = safe_xml.fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(_entities_refused(origin)) from None
    except ParseError:
        root = None  # malformed, as many feeds are: feedparser's lenient parser reads what it can
    return text, root


def _outside_cdata(text: str) -> str:
    """The text with its CDATA sections left out (in linear time, whatever the input)."""
    parts: list[str] = []
    position = 0
    while (start := text.find("<![CDATA[", position)) >= 0:
        parts.append(text[position:start])
        end = text.find("]]>", start)
        if end < 0:
            return "".join(parts)
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def _entities_refused(origin: str) -> str:
    return (f"{origin}: refused: the document declares XML entities, which storyline never expands "
            "(they are how billion-laughs and XXE attacks work; a real feed does not need them)")


def _html_not_feed(origin: str, text: str) -> str:
    feeds = discover_feeds(text, origin) if "://" in origin else []
    hint = f"; the page names these feeds: {', '.join(feeds[:5])}" if feeds else \
        "; look for the site's RSS or Atom link"
    return f"{origin}: this is an HTML page, not a feed{hint}"


def _skip_prolog(text: str) -> str:
    """The text from the root element on: past BOM, whitespace, the XML declaration, comments, PIs, DOCTYPE."""
    text = text.lstrip("\ufeff \t\r\n")
    while True:
        if text.startswith("<?"):
            end = text.find("?>")
        elif text.startswith("<!--"):
            end = text.find("-->")
        elif text[:9].upper() == "<!DOCTYPE" and not re.match(r"<!doctype\s+html", text, re.IGNORECASE):
            end = text.find(">")
        else:
            return text
        if end < 0:
            return ""
        text = text[text.find(">", end) + 1:].lstrip()


def _entry(item: dict, origin: str) -> FeedEntry:
    contents = [part for part in item.get("content") or [] if part.get("value")]
    html_first = sorted(contents, key=lambda part: "html" not in (part.get("type") or ""))
    content = html_to_text(html_first[0]["value"]) if html_first else ""
    summary = html_to_text(item.get("summary") or "")
    author = item.get("author") or next((a.get("name") for a in item.get("authors") or [] if a.get("name")), None)
    return FeedEntry(title=_clean(item.get("title")), link=_http_link(item.get("link"), origin),
                     published=_entry_date(item), author=_clean(author), summary=summary, content=content,
                     entry_id=_clean(item.get("id")))


def _entry_date(item: dict) -> datetime | None:
    for key in ("published", "updated", "created"):
        parsed = item.get(f"{key}_parsed")
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
            except (OverflowError, ValueError, OSError):
                pass
        raw = item.get(key)
        if raw:
            try:
                return parse_published(raw)
            except ValueError:
                pass
    return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = html_to_text(value) if "<" in value or "&" in value else normalize_text(value)
    return " ".join(text.split()) or None


def _http_link(value: object, origin: str = "") -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    url = urljoin(origin, value.strip()) if "://" in origin else value.strip()
    return url if urlsplit(url).scheme in ("http", "https") else None


def _language(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0] or None


def _ttl(value: object) -> timedelta | None:
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return timedelta(minutes=minutes) if minutes > 0 else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _first_line(value: object) -> str:
    return str(value).strip().splitlines()[0][:160] if str(value).strip() else type(value).__name__


# ---------------------------------------------------------------------------------------------------
# Polling


def poll_feed(client: SafeClient, url: str, state: FeedState | None = None, *, now: datetime | None = None,
              interval: timedelta = DEFAULT_INTERVAL) -> FeedPoll:
    """Fetch a feed conditionally (ETag, Last-Modified) and parse it; never raises for a bad feed.

    A failure comes back as `error` with the state's failure count raised and its next poll pushed out
    (doubling, at most a day; a server's Retry-After is honoured). A 304 costs no parsing."""
    now = now or _now()
    state = state or FeedState(url=url)
    try:
        response = client.get(url, accept=FEED_TYPES, etag=state.etag, last_modified=state.last_modified)
    except FetchError as exc:
        wait = getattr(exc, "retry_after", None) if isinstance(exc, HTTPStatusError) else None
        return _failed(url, state, str(exc), now, interval, wait)
    return poll_from_response(response, url, state, now=now, interval=interval)


def poll_from_response(response: Response, url: str, state: FeedState | None = None, *,
                       now: datetime | None = None, interval: timedelta = DEFAULT_INTERVAL) -> FeedPoll:
    """A FeedPoll from a response already fetched (by `ingest URL`, which fetches before it knows the kind)."""
    now = now or _now()
    state = state or FeedState(url=url)
    if response.not_modified:
        new_state = replace(state, etag=response.etag, last_modified=response.last_modified, last_success=now,
                            last_error=None, failures=0, next_poll=now + interval)
        return FeedPoll(url=url, not_modified=True, entries=(), state=new_state, title=state.title)
    try:
        feed = parse_feed(response.content, response.url, response.charset)
    except InputError as exc:
        return _failed(url, state, str(exc), now, interval, None)
    wait = min(max(interval, feed.ttl or interval), MAX_INTERVAL)
    new_state = replace(state, etag=response.etag, last_modified=response.last_modified, last_success=now,
                        last_error=None, failures=0, next_poll=now + wait, title=feed.title or state.title)
    return FeedPoll(url=url, not_modified=False, entries=feed.entries, state=new_state, title=feed.title,
                    language=feed.language)


def _failed(url: str, state: FeedState, message: str, now: datetime, interval: timedelta,
            retry_after: float | None) -> FeedPoll:
    failures = state.failures + 1
    wait = min(interval * 2 ** min(failures - 1, 10), MAX_INTERVAL)
    if retry_after is not None:
        wait = max(wait, min(timedelta(seconds=retry_after), MAX_INTERVAL))
    new_state = replace(state, last_error=message, failures=failures, next_poll=now + wait)
    return FeedPoll(url=url, not_modified=False, entries=(), state=new_state, title=state.title, error=message)


def _now() -> datetime:
    return datetime.now(timezone.utc)
