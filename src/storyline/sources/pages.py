"""Article pages: a feed entry or a URL becomes a Record, with the page's main text when it can be had.

Each record says where its text and date came from (WebRecord.text_from, .date_from, .note), so the
pipeline can report "kept the feed's text: the page returned 404" without rejecting the article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, Literal
from urllib.parse import urlsplit

from storyline.errors import FetchError, InputError
from storyline.extract import extract_html
from storyline.model import Record, Rejection
from storyline.sources.feeds import (
    DEFAULT_INTERVAL,
    FEED_TYPES,
    FeedEntry,
    FeedState,
    Kind,
    discover_feeds,
    parse_opml,
    poll_feed,
    poll_from_response,
    sniff_kind,
)
from storyline.sources.fetch import Response, SafeClient, reason_of

PAGE_TYPES = ("text/html", "application/xhtml+xml")
MAX_ARTICLE_CHARS = 1_000_000

Item = Record | Rejection
_UNDATED = "no publication date found; dated by the time it was fetched"
TextFrom = Literal["page", "feed"]
DateFrom = Literal["feed", "page", "fetched"]


@dataclass(frozen=True)
class WebRecord(Record):
    """A Record from the web, saying where its text and its date came from.

    `date_from == "fetched"` means no date was published and `published` is the time it was fetched;
    `note` is one line for a person when something fell back (None when all went to plan)."""

    text_from: TextFrom = "page"
    date_from: DateFrom | None = None
    note: str | None = None


@dataclass(frozen=True)
class UrlIngest:
    """What one URL given to `storyline ingest` turned out to be, and what it yielded.

    `feeds` holds the state of each feed met (the URL itself, or each feed of an OPML list) for the
    store to keep, so that `storyline watch` can later poll them conditionally."""

    url: str
    kind: Kind | None  # None when the URL could not be fetched or recognised
    items: tuple[Item, ...]
    feeds: tuple[FeedState, ...] = ()


def fetch_article(client: SafeClient, entry: FeedEntry, source_name: str, *, feed_url: str | None = None,
                  language: str | None = None, max_chars: int = MAX_ARTICLE_CHARS,
                  now: datetime | None = None) -> Item:
    """The article behind a feed entry: its page's main text, else the feed's own text (and a note saying why).

    The page is fetched only where robots.txt allows. Its text wins unless it is empty or shorter than
    the feed's (a paywall or teaser page). The date is the feed's, else the page's, else the fetch time."""
    feed_text = entry.text
    origin = entry.link or f"{feed_url or 'feed'}#{entry.entry_id or entry.title or 'entry'}"
    url = entry.link
    page_text, page_title, page_date, page_language = "", None, None, None
    fetched_at = now
    reason: str | None = None
    if entry.link:
        try:
            response = client.get(entry.link, accept=PAGE_TYPES, check_robots=True)
            fetched_at = fetched_at or response.fetched_at
            url = origin = response.url
            page = extract_html(response.text(), url=response.url)
            page_text, page_title, page_date, page_language = page.text, page.title, page.published, page.language
            if not page_text:
                reason = "no article text was found in the page"
            elif len(page_text) < len(feed_text):
                reason = "the page has less text than the feed (a teaser or paywall)"
        except FetchError as exc:
            reason = reason_of(exc, entry.link)
    else:
        reason = "the entry has no link"
    if reason is None:
        text, text_from, note = page_text, "page", None
    elif feed_text:
        text, text_from, note = feed_text, "feed", f"kept the feed's text: {reason}"
    else:
        return Rejection(origin, f"{reason}, and the feed gives no text for it")
    if len(text) > max_chars:
        return Rejection(origin, f"the text is {len(text):,} characters, over the limit of {max_chars:,}")
    published, date_from = _date(entry.published, page_date, fetched_at)
    if date_from == "fetched":
        note = "; ".join(filter(None, [note, _UNDATED]))
    return WebRecord(text=text, origin=origin, source=source_name, title=entry.title or page_title,
                     published=published, url=url, external_id=entry.entry_id, language=page_language or language,
                     text_from=text_from, date_from=date_from, note=note)


def records_from_feed(client: SafeClient, url: str, state: FeedState | None = None, source: str | None = None, *,
                      is_known: Callable[[FeedEntry], bool] | None = None, max_chars: int = MAX_ARTICLE_CHARS,
                      now: datetime | None = None,
                      interval: timedelta = DEFAULT_INTERVAL) -> tuple[list[Item], FeedState, bool]:
    """Poll a feed and fetch its new articles: (records and rejections, the state to store, not_modified).

    `is_known` lets the store skip entries it already holds (by link or guid), so a poll fetches only
    new pages. A feed that fails becomes one Rejection, and its state records the error and backs off."""
    poll = poll_feed(client, url, state, now=now, interval=interval)
    if poll.error:
        return [Rejection(url, poll.error)], poll.state, False
    if poll.not_modified:
        return [], poll.state, True
    outlet = source or poll.title or outlet_of(url)
    items = [fetch_article(client, entry, outlet, feed_url=url, language=poll.language, max_chars=max_chars, now=now)
             for entry in poll.entries if not (is_known and is_known(entry))]
    return items, poll.state, False


def record_from_page(client: SafeClient, url: str, source: str | None = None, *, check_robots: bool = True,
                     max_chars: int = MAX_ARTICLE_CHARS, now: datetime | None = None) -> Item:
    """One article page as a Record: main text, title and date from the page (else the fetch time)."""
    try:
        response = client.get(url, accept=PAGE_TYPES, check_robots=check_robots)
    except FetchError as exc:
        return Rejection(url, reason_of(exc, url))
    return _page_record(response, url, source, max_chars, now)


def records_from_url(client: SafeClient, url: str, source: str | None = None, *, state: FeedState | None = None,
                     is_known: Callable[[FeedEntry], bool] | None = None, max_chars: int = MAX_ARTICLE_CHARS,
                     now: datetime | None = None) -> UrlIngest:
    """Whatever a URL is, its records: a feed's articles, every feed of an OPML list, or one page.

    The kind is told by the document's root element, then its Content-Type; the body is fetched once.
    robots.txt is asked about a page before it is used (feeds, as feed readers do, are read regardless)."""
    try:
        response = client.get(url, accept=FEED_TYPES + PAGE_TYPES, etag=state.etag if state else None,
                              last_modified=state.last_modified if state else None)
    except FetchError as exc:
        return UrlIngest(url, None, (Rejection(url, reason_of(exc, url)),))
    if response.not_modified:
        poll = poll_from_response(response, url, state, now=now)
        return UrlIngest(url, "feed", (), (poll.state,))
    kind = sniff_kind(response.content, response.content_type)
    if kind == "feed":
        poll = poll_from_response(response, url, state, now=now)
        if poll.error:
            return UrlIngest(url, kind, (Rejection(url, poll.error),), (poll.state,))
        outlet = source or poll.title or outlet_of(url)
        items = tuple(fetch_article(client, entry, outlet, feed_url=url, language=poll.language, max_chars=max_chars,
                                    now=now) for entry in poll.entries if not (is_known and is_known(entry)))
        return UrlIngest(url, kind, items, (poll.state,))
    if kind == "opml":
        try:
            links = parse_opml(response.content, response.url, response.charset)
        except InputError as exc:
            return UrlIngest(url, kind, (Rejection(url, str(exc)),))
        items: list[Item] = []
        states: list[FeedState] = []
        for link in links:
            found, feed_state, _ = records_from_feed(client, link.url, None, source, is_known=is_known,
                                                     max_chars=max_chars, now=now)
            items.extend(found)
            states.append(feed_state)
        return UrlIngest(url, kind, tuple(items), tuple(states))
    if kind == "page":
        if not client.allowed_by_robots(response.url):
            return UrlIngest(url, kind, (Rejection(url, "the site's robots.txt asks crawlers like storyline not "
                                                        "to fetch this page"),))
        return UrlIngest(url, kind, (_page_record(response, url, source, max_chars, now),))
    shown = response.content_type or "no Content-Type"
    return UrlIngest(url, None, (Rejection(url, f"neither a feed, an OPML list nor a web page ({shown})"),))


def outlet_of(url: str) -> str:
    """An outlet name from a URL when nothing better is known: its host, without 'www.'."""
    host = (urlsplit(url).hostname or url).lower()
    return host[4:] if host.startswith("www.") else host


def _page_record(response: Response, url: str, source: str | None, max_chars: int, now: datetime | None) -> Item:
    html = response.text()
    page = extract_html(html, url=response.url)
    if not page.text:
        feeds = discover_feeds(html, response.url)
        hint = f" (the page names these feeds: {', '.join(feeds[:5])})" if feeds else ""
        return Rejection(url, f"no article text was found in the page{hint}")
    if len(page.text) > max_chars:
        return Rejection(url, f"the text is {len(page.text):,} characters, over the limit of {max_chars:,}")
    published, date_from = _date(None, page.published, now or response.fetched_at)
    return WebRecord(text=page.text, origin=response.url, source=source or page.source or outlet_of(response.url),
                     title=page.title, published=published, url=response.url, language=page.language,
                     text_from="page", date_from=date_from,
                     note=_UNDATED if date_from == "fetched" else None)


def _date(feed_date: datetime | None, page_date: datetime | None,
          fetched_at: datetime | None) -> tuple[datetime, DateFrom]:
    if feed_date is not None:
        return feed_date, "feed"
    if page_date is not None:
        return page_date, "page"
    return fetched_at or datetime.now(timezone.utc), "fetched"

