"""Read articles from files, folders and stdin: plain dated text, JSON Lines, JSON, CSV and HTML.

A bad file or record never stops a batch: it becomes a Rejection naming the file and line, and
reading goes on with the next record."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from storyline.furniture import is_date_alone, is_page_stamp, reads_as_heading
from storyline.model import Record, Rejection
from storyline.settings import Settings
from storyline.sources.dates import leading_date, looks_like_a_date, parse_published, stamp_date
from storyline.text import line_paragraphs

Item = Record | Rejection

_TEXT_EXT = {".txt", ".text", ".md"}
_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
            ".html": "html", ".htm": "html", ".xhtml": "html"}
_FEED_EXT = {".xml", ".rss", ".atom", ".opml"}
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|copying|changelog)\b", re.IGNORECASE)
HEADLINE_MAX_WORDS = 25
_HEADER_KEYS = {"title", "source", "url", "id", "language", "author"}
_DATE_KEYS = ("date", "published", "posted", "updated")  # in the order a record's date is taken from them
_HEADER_WORDS = 20  # a header's value is a title, a name or a date, not a sentence
_DATE_LINE = re.compile(r"^\s*date\s*(?::\s*|\s+)(\S.*?)\s*$", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^(\w+)\s*:\s*(.*?)\s*$")

FIELD_TEXT = ("text", "body", "content")
FIELD_TITLE = ("title", "headline")
FIELD_DATE = ("date", "published", "published_at", "pubDate", "datetime")
FIELD_SOURCE = ("source", "outlet", "publisher")
FIELD_URL = ("url", "link")
FIELD_LANGUAGE = ("language", "lang")


@dataclass(frozen=True)
class InputFile:
    """A file to read and the outlet name its place implies (folder name, or the file itself)."""

    path: Path
    implied_source: str


def read_inputs(paths: Iterable[str], settings: Settings, source: str | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every record (or rejection) of the given paths; '-' reads stdin, folders are walked recursively.

    The database's own files are never read as input, even when it lives in an ingested folder."""
    database = Path(settings.db).resolve()
    skip = {database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm"),
            database.with_name(database.name + "-journal")}
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(settings.max_file_bytes + 1)
            if len(data) > settings.max_file_bytes:
                yield Rejection("<stdin>", _too_big(len(data), settings, "or more "))
                continue
            yield from read_bytes(data, "<stdin>", None, source or "stdin", source, settings)
            continue
        if re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.IGNORECASE):
            yield Rejection(raw, "fetching URLs is not supported yet; save the page or feed and ingest the file")
            continue
        path = Path(raw)
        if not path.exists():
            yield Rejection(raw, "no such file or folder")
            continue
        for item in _walk(path):
            if item.path.resolve() not in skip:
                yield from read_file(item, settings, source)


def _walk(path: Path) -> Iterator[InputFile]:
    if path.is_file():
        yield InputFile(path, path.stem)
        return
    for child in sorted(path.rglob("*")):
        if (child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts)
                and not _NOT_ARTICLES.match(child.name)):
            yield InputFile(child, child.parent.name or child.parent.resolve().name or child.stem)


def read_file(item: InputFile, settings: Settings, source: str | None) -> Iterator[Item]:
    """Records of one file; its outlet is `source`, else each record's own, else the implied one."""
    name = str(item.path)
    try:
        size = item.path.stat().st_size
        if size > settings.max_file_bytes:
            yield Rejection(name, _too_big(size, settings))
            return
        data = item.path.read_bytes()
    except OSError as exc:
        yield Rejection(name, f"cannot read the file: {exc.strerror or exc}")
        return
    yield from read_bytes(data, name, item.path.suffix.lower(), item.implied_source, source, settings)


def _too_big(size: int, settings: Settings, qualifier: str = "") -> str:
    return (f"the file is {qualifier}{size / 2**20:.1f} MB, over the limit of "
            f"{settings.max_file_bytes / 2**20:.0f} MB (split it, or raise --max-file-mb)")


def read_bytes(data: bytes, name: str, suffix: str | None, implied_source: str, source: str | None,
               settings: Settings) -> Iterator[Item]:
    """Records of one file's bytes, its format told by extension, else by content."""
    fmt = detect_format(suffix, data)
    if b"\x00" in data[:8192] and fmt not in ("jsonl",):
        yield Rejection(name, "a binary file, not text; give articles as text, JSON Lines, CSV or HTML")
        return
    if fmt == "feed":
        yield from _read_feed(data, name, source, settings)
        return
    if fmt == "jsonl":
        yield from _read_jsonl(data, name, implied_source, source, settings)
        return
    text = _decode(data, name)
    if isinstance(text, Rejection):
        yield text
        return
    if fmt == "json":
        yield from _read_json(text, name, implied_source, source, settings)
    elif fmt in ("csv", "tsv"):
        yield from _read_csv(text, name, implied_source, source, settings, "\t" if fmt == "tsv" else ",")
    elif fmt == "html":
        yield _read_html(text, name, implied_source, source, settings)
    else:
        yield _read_text(text, name, implied_source, source, settings)


def detect_format(suffix: str | None, data: bytes) -> str:
    if suffix in _TEXT_EXT:
        return "text"
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    if suffix in _FEED_EXT:
        return "feed"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"date"):
        return "text"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        lines = [line for line in data.splitlines() if line.strip()]
        return "jsonl" if len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:5]) else "json"
    if head.startswith(b"<"):
        if re.search(rb"<(rss|feed|rdf:rdf|opml)[\s>]", head):
            return "feed"
        return "html"
    first_line = head.split(b"\n", 1)[0]
    if re.search(rb"(^|[,\t])\"?(text|body|content)\"?([,\t]|$)", first_line):
        return "tsv" if b"\t" in first_line else "csv"
    return "text"


def _decode(data: bytes, name: str, line_offset: int = 0) -> str | Rejection:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 + line_offset
        return Rejection(f"{name}:{line}", f"invalid UTF-8 at byte {exc.start}; save the file as UTF-8")


def _read_text(text: str, name: str, implied_source: str, source: str | None, settings: Settings) -> Item:
    """A plain-text article: a `date` line first, then either the body on that same line (the shape
    reports arrive in: ` date 2025-06-02 Ferry crews walked out…`) or `title:`/`url:`/… lines and the
    body below. Either way the body's first paragraph is its headline only when it reads as one."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")  # a file written with Windows' line ends
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    heading, index = _heading_above_date(lines, index)
    published = None
    fields: dict[str, str] = {}
    if index < len(lines) and _header_key(lines[index]) not in (None, "date"):
        block = _header_block(lines, index, name)  # "title: …", then "date: …", "source: …" in any order
        if isinstance(block, Rejection):
            return block
        fields, published, index = block
    elif index < len(lines) and (match := _DATE_LINE.match(lines[index])):
        try:
            published, first_line = _date_and_body(match.group(1))
        except ValueError as exc:
            return Rejection(f"{name}:{index + 1}", f"the date line does not parse: {exc}")
        if first_line is not None:
            lines[index] = first_line
        else:
            index += 1
            while (index < len(lines) and (header := _HEADER_LINE.match(lines[index]))
                   and header.group(1).lower() in _HEADER_KEYS):
                fields[header.group(1).lower()] = header.group(2)
                index += 1
    elif index < len(lines) and re.match(r"^\s*date\b", lines[index], re.IGNORECASE):
        return Rejection(f"{name}:{index + 1}", "the 'date' line has no date (use: date YYYY-MM-DD)")
    body = "\n".join(lines[index:]).strip()
    if published is None:  # no date line: the page's own stamp above the report ("Published June 3, 2025 …")
        published = head_date(body)
    title = fields.get("title") or heading
    if title is None:
        title, body = split_headline(body)
    return _record(name, body, title, published, fields.get("source") or None, fields.get("url") or None,
                   fields.get("id") or None, fields.get("language") or None, None, implied_source, source, settings)


def _header_key(line: str) -> str | None:
    """The key of a `key: value` line a text's head may hold ("title: …", "Published: …"), None for any other line,
    among them a sentence that opens with such a word ("Source: officials at the ministry … said the deal was done.")."""
    header = _HEADER_LINE.match(line)
    key = header.group(1).lower() if header else None
    if key not in _HEADER_KEYS and key not in _DATE_KEYS:
        return None
    value = header.group(2)  # type: ignore[union-attr]
    if key != "url" and (len(value.split()) > _HEADER_WORDS or key not in ("date", "title") and value.endswith((".", "!", "?"))):
        return None  # a title may ask or exclaim ("title: Who runs the port?")
    return key


def _header_block(lines: list[str], index: int, name: str) -> tuple[dict[str, str], datetime | None, int] | Rejection:
    """The `key: value` lines from index on, in any order, with the date they give (a publication's before an
    update's) and the index of the line after them; a Rejection naming the line of a date that does not parse."""
    fields: dict[str, str] = {}
    dates: dict[str, datetime | None] = {}
    while index < len(lines) and (key := _header_key(lines[index])) is not None:
        value = _HEADER_LINE.match(lines[index]).group(2)  # type: ignore[union-attr]
        if key in _DATE_KEYS:
            try:
                dates[key] = parse_published(value)
            except ValueError as exc:
                if key != "date":
                    if index + 1 < len(lines) and _header_key(lines[index + 1]) is not None:
                        index += 1
                        continue  # "updated: 2 hours ago" among the headers: read past it, undated
                    break  # "Updated: 2 hours ago" last: the page's stamp, left in the text undated
                return Rejection(f"{name}:{index + 1}", f"the {key} line does not parse: {exc}")
        else:
            fields[key] = value
        index += 1
    published = next((dates[k] for k in _DATE_KEYS if dates.get(k) is not None), None)
    return fields, published, index


def head_date(body: str) -> datetime | None:
    """The date a page prints above its report, where no date line gave one: the first stamp among the lines before
    the report's first sentence (the headline, a byline, "Published June 3, 2025 at 9:14 a.m. ET", "June 3, 2025",
    "By Jane Doe | June 3, 2025"), a publication's before an update's, or the report's own dateline ("LONDON, June 3,
    2025 — …"); None where they give none."""
    found: list[tuple[datetime, bool]] = []
    lines = body.split("\n")
    seen = 0
    for number, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        following = lines[number + 1].strip() if number + 1 < len(lines) else ""
        stamp = stamp_date(line)
        if stamp is not None and is_date_alone(line) and following and not (is_page_stamp(following)
                                                                           or stamp_date(following)):
            break  # "March 4, 2019" over "The union first threatened a strike.": a timeline's heading, no stamp
        if stamp is not None:
            found.append(stamp)
        elif not (reads_as_heading(line, max_words=HEADLINE_MAX_WORDS) or is_page_stamp(line)):
            break  # the report has begun
    published = [when for when, updated in found if not updated]
    return (published or [when for when, _ in found] or [None])[0]


_HEAD_LINES = 6  # a page's headline, standfirst, byline and stamps, before its report


def _heading_above_date(lines: list[str], index: int) -> tuple[str | None, int]:
    """A headline written above the `date` line (as a page shows one: the headline, its date, the report):
    the line at index where it reads as a heading and the next line that holds anything is a date line
    (whose date parses, or that opens as a date does, to be refused with its reason), with the index of that
    date line; else (None, index)."""
    after = index + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    if index >= len(lines) or after >= len(lines) or _DATE_LINE.match(lines[index]) or _header_key(lines[index]) \
            or not (match := _DATE_LINE.match(lines[after])):
        return None, index
    first = lines[index].strip()
    if not reads_as_heading(first, max_words=HEADLINE_MAX_WORDS) or is_page_stamp(first):
        return None, index
    try:
        _date_and_body(match.group(1))
    except ValueError:
        if not looks_like_a_date(match.group(1)):
            return None, index  # "Date night returns to the plaza…": a sentence, not a date line
    return first, after  # a date written wrong ("date 03/06/2025") is refused with its reason, as at the top


def _date_and_body(rest: str) -> tuple[datetime | None, str | None]:
    """The date of a `date` line and the body text that runs on after it on the same line (None when
    the line holds the date alone): an ISO date ("2025-06-02 Ferry crews…", "2025-06-02T09:30Z, Ferry…") or a
    written one ("June 2, 2025 — Ferry crews…", "Mon, 02 Jun 2025 09:30:00 +0000 Ferry…"). Raises ValueError
    when the line starts with no date."""
    if (found := leading_date(rest)) is not None:
        return found[0], found[1] or None
    return parse_published(rest), None


def split_headline(body: str) -> tuple[str | None, str]:
    """A first paragraph that reads as a heading (one line of at most 25 words that does not close as
    a sentence does, quotation marks after the stop included) is the headline; in a body written a
    paragraph a line (text.line_paragraphs), its first line."""
    first, _, rest = body.partition("\n\n")
    if not rest:
        head, _, tail = body.strip().partition("\n")
        if line_paragraphs(tail) is not None:  # the lines after the first are paragraphs: it stands alone
            first, rest = head, tail
    first = first.strip()
    head, _, stamps = first.partition("\n")
    if stamps and all(is_page_stamp(line) or stamp_date(line) for line in stamps.split("\n") if line.strip()):
        first, rest = head, f"{stamps}\n\n{rest}"  # "Headline\nBy Jane Doe\nPublished June 3, 2025": the first line
    if rest.strip() and "\n" not in first and reads_as_heading(first, max_words=HEADLINE_MAX_WORDS) \
            and not is_page_stamp(first) and not stamp_date(first):  # "By Jane Doe" above the report is no headline
        return first, rest.strip()
    return None, body


def _read_jsonl(data: bytes, name: str, implied_source: str, source: str | None, settings: Settings) -> Iterator[Item]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        line = _decode(raw, name, number - 1)
        if isinstance(line, Rejection):
            yield line
            continue
        try:
            value = json.loads(line)
        except RecursionError:
            yield Rejection(where, "JSON nested too deeply")
            continue
        except ValueError as exc:
            yield Rejection(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _from_mapping(value, where, implied_source, source, settings)


def _read_json(text: str, name: str, implied_source: str, source: str | None, settings: Settings) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except RecursionError:
        yield Rejection(name, "JSON nested too deeply")
        return
    except ValueError as exc:
        if text.lstrip().startswith("{"):
            yield from _read_jsonl(text.encode("utf-8"), name, implied_source, source, settings)
        else:
            yield Rejection(f"{name}:{exc.lineno}", f"not valid JSON ({exc.msg} at column {exc.colno})")
        return
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    items = value if isinstance(value, list) else [value]
    for number, item in enumerate(items, start=1):
        yield _from_mapping(item, f"{name}#{number}" if isinstance(value, list) else name, implied_source, source, settings)


def _read_csv(text: str, name: str, implied_source: str, source: str | None, settings: Settings,
              delimiter: str) -> Iterator[Item]:
    """Records of a CSV (or TSV) file, one per row. The parser's own field limit is lifted (the file's
    size is already bounded), so that a field over the article limit costs its row only: the row is
    rejected by name and line, and the rows after it are read as usual."""
    csv.field_size_limit(max(settings.max_file_bytes, settings.max_article_chars) + 1)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            where = f"{name}:{reader.line_num}"
            if None in row:
                yield Rejection(where, f"the row has more fields than the header's {len(reader.fieldnames or [])}")
                continue
            oversize = [(k, len(v)) for k, v in row.items() if k and isinstance(v, str)
                        and len(v) > settings.max_article_chars]
            if oversize:
                key, size = oversize[0]
                yield Rejection(where, f"the '{key.strip()}' field is {size:,} characters, over the limit of "
                                       f"{settings.max_article_chars:,}; the other rows are read")
                continue
            yield _from_mapping({k.strip(): v for k, v in row.items() if k}, where, implied_source, source, settings)
    except csv.Error as exc:
        yield Rejection(f"{name}:{reader.line_num}", f"{exc}; the rest of the file was not read")


def _read_html(text: str, name: str, implied_source: str, source: str | None, settings: Settings) -> Item:
    from storyline.extract import extract_html

    page = extract_html(text)
    if not page.text:
        return Rejection(name, "no article text found in the HTML")
    return _record(name, page.text, page.title, page.published, page.source, page.url, None, page.language,
                   None, implied_source, source, settings)


def _read_feed(data: bytes, name: str, source: str | None, settings: Settings) -> Iterator[Item]:
    """A saved RSS or Atom file: each entry with the text the feed gives (pages are not fetched).

    An OPML list names feeds to fetch, so it is refused here; `storyline ingest` and `watch` fetch it."""
    from storyline.errors import InputError
    from storyline.sources.feeds import parse_feed, sniff_kind

    if sniff_kind(data, None) == "opml":
        yield Rejection(name, "an OPML list of feeds: give it to `storyline ingest` or `storyline watch` to fetch them")
        return
    try:
        feed = parse_feed(data, name)
    except InputError as exc:
        yield Rejection(name, str(exc))
        return
    outlet = feed.title or Path(name).stem
    for number, entry in enumerate(feed.entries, start=1):
        yield _record(f"{name}#{number}", entry.text, entry.title, entry.published, None, entry.link, entry.entry_id,
                      feed.language, None, outlet, source, settings)


def _pick(mapping: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        value = mapping.get(key)
        if value not in (None, ""):
            return value
    return None


# A record's body as a CMS or a scraper exports it: HTML whose paragraphs are <p>, <br> or <div> blocks (escaped once
# more, "&lt;p&gt;", by some), or text with its character references (&#8217;, &amp;) left in; a title with markup.
_MARKUP = re.compile(r"</?(?:p|br|div|h[1-6]|li|blockquote)\b[^>]{0,2000}>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^>]{0,2000}>", re.IGNORECASE)
_REFERENCE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescaped(value: str) -> str:
    """Character references (&#8217;, &amp;) as the characters they stand for; the rest as written."""
    return _REFERENCE.sub(lambda reference: html.unescape(reference.group()), value)


def _as_text(value: str, body: bool = True) -> str:
    """A field's text as a reader sees it: a body's markup read as a feed's is (its blocks paragraphs, scripts never
    run), a title's tags dropped, character references as the characters they stand for. A body with inline tags
    alone (<em>, <a>) is kept as written."""
    from storyline.sources.feeds import html_to_text

    text = value if _MARKUP.search(value) else _unescaped(value)
    if (_MARKUP if body else _TAG).search(text):
        text = html_to_text(text)
        return text if body else " ".join(text.split())
    return text


def _from_mapping(value: object, where: str, implied_source: str, source: str | None, settings: Settings) -> Item:
    if not isinstance(value, dict):
        return Rejection(where, f"expected a JSON object with 'text', got {type(value).__name__}")
    text = _pick(value, FIELD_TEXT)
    if not isinstance(text, str):
        if text is None:
            return Rejection(where, "record has no text (expected a 'text' or 'body' field)")
        return Rejection(where, f"'text' must be a string, got {type(text).__name__}")
    try:
        published = parse_published(_pick(value, FIELD_DATE))
    except ValueError as exc:
        return Rejection(where, f"bad date: {exc}")
    strings = {}
    for key, names in (("title", FIELD_TITLE), ("source", FIELD_SOURCE), ("url", FIELD_URL),
                       ("id", ("id",)), ("language", FIELD_LANGUAGE), ("gold", ("gold",))):
        field = _pick(value, names)
        if field is not None and (isinstance(field, bool) or not isinstance(field, (str, int, float))):
            return Rejection(where, f"'{names[0]}' must be a string, got {type(field).__name__}")
        strings[key] = None if field is None else str(field)
    title = None if strings["title"] is None else _as_text(strings["title"], body=False)
    url = None if strings["url"] is None else _unescaped(strings["url"])
    return _record(where, _as_text(text), title, published, strings["source"], url, strings["id"],
                   strings["language"], strings["gold"], implied_source, source, settings)


def _record(where: str, text: str, title: str | None, published, record_source: str | None, url: str | None,
            external_id: str | None, language: str | None, gold: str | None, implied_source: str,
            source: str | None, settings: Settings) -> Item:
    if not text.strip():
        return Rejection(where, "record has no text")
    if len(text) > settings.max_article_chars:
        return Rejection(where, f"the text is {len(text):,} characters, over the limit of {settings.max_article_chars:,}")
    outlet = (source or record_source or implied_source or "unknown").strip()
    return Record(text=text, origin=where, source=outlet, title=(title or "").strip() or None, published=published,
                  url=url, external_id=external_id, language=language, gold=gold)
