"""Arbitrary Unicode titles, outlets and URLs through ingest's cleaning and through every writer:
CSV cells, terminal tables, Markdown briefs and HTML pages (hypothesis)."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console
from rich.table import Table
from rich.text import Text

from conftest import tags
from storyline.brief import brief_markdown
from storyline.model import Article, Record, Rejection
from storyline.pipeline import identify
from storyline.safety import clean_label, csv_cell, display_text, http_url, terminal_text
from storyline.web import templates
from storyline.web.views import ReportLinks, story_view

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Text that leans on what the writers treat specially, mixed with any Unicode at all.
HOSTILE_PIECES = ["[/oops]", "[link=https://phish.example]", "[/link]", "\x1b[31m", "\x1b]0;t\x07", "\x00", "\u202e",
                  "\u2066", "\n", "\r", "\t", "# ", "- ", "1. ", "> ", "<iframe src=javascript:alert(1)>", "](", "`",
                  "*", "_", "=", "+", "-", "@", "javascript:", "\x85", "\u2028", "&lt;", "\\"]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=8)), max_size=8).map("".join)
urls = st.one_of(hostile_text, st.sampled_from(["https://ok.example/a?b=1", "http://ok.example/(x)", "JaVaScRiPt:x",
                                                "https://ok.example/\u202e", " https://ok.example/ ", "//evil.example",
                                                "data:text/html,x", "https://[::1/"]),
                 st.builds(lambda t: f"https://x.example/{t}", hostile_text))


MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "li", "strong", "code", "a"}


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_a_cleaned_label_is_one_line_without_controls(value: str) -> None:
    label = clean_label(value)
    if label is not None:
        assert not CONTROLS.search(label) and "\n" not in label and label == label.strip()
        assert clean_label(label) == label


@settings(max_examples=300, deadline=None)
@given(urls)
def test_only_http_urls_pass(value: str) -> None:
    url = http_url(value)
    if url is not None:
        assert re.match(r"(?i)https?://[^/?#]", url) and not CONTROLS.search(url) and not re.search(r"\s", url)


@settings(max_examples=200, deadline=None)
@given(text=hostile_text, title=hostile_text, source=hostile_text, url=urls)
def test_every_record_becomes_an_article_with_clean_labels_or_a_rejection(text: str, title: str, source: str,
                                                                          url: str) -> None:
    item = identify(Record(text=text + " The council met.", origin="x.jsonl:1", source=source, title=title, url=url))
    if isinstance(item, Rejection):
        assert http_url(url) is None and "is not an http:// or https:// address" in item.message
        return
    assert isinstance(item, Article)
    for label in (item.title or "", item.source):
        assert not CONTROLS.search(label) and "\n" not in label
    assert item.url is None or item.url == http_url(url)


@settings(max_examples=300, deadline=None)
@given(st.lists(hostile_text, min_size=1, max_size=4))
def test_csv_cells_are_never_formulas(values: list[str]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerow([csv_cell(value) for value in values])
    row = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert len(row) == len(values)
    for cell, value in zip(row, values):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not CONTROLS.search(cell)
        assert cell.removeprefix("'") == display_text(value) or cell == display_text(value)


@settings(max_examples=200, deadline=None)
@given(st.lists(hostile_text, min_size=1, max_size=3))
def test_terminal_tables_print_data_as_text(values: list[str]) -> None:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=100)
    table = Table(title=Text(terminal_text(values[0])))
    table.add_column("title")
    for value in values:
        table.add_row(Text(terminal_text(value)))
    console.print(table)
    printed = console.file.getvalue()
    # rich's own colours only: no other escape sequence, no hyperlink, no NUL, no direction override
    assert not re.search(r"\x1b(?!\[[0-9;]*m)", printed)
    assert "\x00" not in printed and "\u202e" not in printed and "\u2066" not in printed


def brief_of(title: str, outlet: str, url: str, claim: str) -> dict:
    article = {"id": "a1", "external_id": None, "source": outlet, "title": title, "published": "2025-03-04",
               "url": url, "language": None, "duplicate_of": None}
    evidence = [{"article": "a1", "start": 0, "end": 1}]
    return {"id": "s1", "title": title, "first_seen": "2025-03-04", "last_seen": "2025-03-05", "outlets": [outlet],
            "independent_reports": 1, "articles": [article], "entities": [],
            "quotes": [{"speaker": outlet, "text": claim, "sources": [outlet], "direct": True,
                        "variants": [{"article": "a1", "text": claim}, {"article": "a1", "text": title}]}],
            "claims": [{"text": claim, "status": "single", "sources": [outlet], "evidence": evidence},
                       {"text": title, "status": "conflict", "sources": [outlet, "other"], "evidence": evidence,
                        "conflict": {"about": claim, "values": [{"source": outlet, "value": title},
                                                                 {"source": "other", "value": claim}]}}],
            "timeline": [{"date": "2025-03-04", "text": claim, "sources": [outlet]}],
            "summary": [{"text": title, "sources": [outlet]}]}


@settings(max_examples=200, deadline=None)
@given(title=hostile_text, outlet=hostile_text, url=urls, claim=hostile_text)
def test_markdown_briefs_hold_any_text(title: str, outlet: str, url: str, claim: str) -> None:
    markdown = brief_markdown(brief_of(title, outlet, url, claim))
    assert not CONTROLS.search(markdown)
    html = MarkdownIt("commonmark").render(markdown)
    assert set(re.findall(r"<([a-z0-9]+)", html)) - MARKDOWN_TAGS == set(), html
    assert html.count("<h1>") == 1 and html.count("<h2>") == 6  # nothing corroborated: six sections
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert len(hrefs) == (1 if http_url(url) else 0) and all(h.startswith(("http://", "https://")) for h in hrefs)


@settings(max_examples=100, deadline=None)
@given(title=hostile_text, outlet=hostile_text, url=urls, claim=hostile_text)
def test_story_pages_hold_any_text(title: str, outlet: str, url: str, claim: str) -> None:
    brief = brief_of(title, outlet, url, claim)
    html = templates().get_template("story.html").render(story=brief, view=story_view(brief),
                                                        links=ReportLinks("../"), section="stories")
    assert not CONTROLS.search(html.replace("\r", ""))
    found = tags(html)
    assert not [name for _, attrs in found for name, _ in attrs if name.lower().startswith("on")]
    assert {tag for tag, _ in found} <= {"html", "head", "meta", "title", "link", "body", "header", "nav", "a", "ol",
                                         "ul", "li", "main", "div", "article", "p", "time", "h1", "h2", "h3", "span",
                                         "bdi", "section", "dl", "dt", "dd", "strong", "aside", "footer", "table",
                                         "thead", "tbody", "tr", "th", "td", "figure", "blockquote", "figcaption",
                                         "details", "summary", "ins", "del", "svg", "path", "script", "img",
                                         # the timeline chart's own SVG shapes
                                         "g", "line", "text", "tspan", "circle", "rect",
                                         # the matrix's outlet filter
                                         "label", "select", "option", "output"}
    links = [value for _, attrs in found for name, value in attrs if name in ("href", "src") and value]
    assert all(not re.match(r"(?i)\s*(javascript|data|vbscript):", link) for link in links), links
    assert all(link.startswith(("http://", "https://")) for link in links if ":" in link.split("/")[0]), links


def test_an_article_published_now_keeps_its_day() -> None:
    """identify keeps what it does not clean: the day and the text (spans index it) are the record's own."""
    when = datetime(2025, 3, 4, tzinfo=timezone.utc)
    article = identify(Record(text="Crews rebuilt the \u202ewall\u202c on Tuesday.", origin="x", source="a\nb",
                              title="t\x00\u202e", published=when, url="https://x.example/a"))
    assert isinstance(article, Article)
    assert (article.source, article.title, article.published) == ("a b", "t", when)
    assert "\u202e" in article.text
