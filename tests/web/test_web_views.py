"""The pieces that turn untrusted text into markup: safe URLs, snippet marks, highlights, quote diffs."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from storyline.store.reads import MATCH_END, MATCH_START, fts_query
from storyline.web.routes import segments_html
from storyline.web.views import (
    Highlight,
    ReportLinks,
    ServerLinks,
    highlight_segments,
    marked_html,
    marked_segments,
    quote_groups,
    safe_url,
    span_label,
    story_view,
)
from storyline.wording import word_diff


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None), (" javascript:alert(1)", None),
    ("java\tscript:alert(1)", None), ("data:text/html,<script>", None), ("//evil.example", None),
    ("https://ex\nample.org", None), ("vbscript:x", None), (None, None), (42, None), ("", None),
])
def test_only_http_urls_become_links(url, expected):
    assert safe_url(url) == expected


def test_snippets_escape_text_then_mark_matches():
    raw = f'<b>x</b> {MATCH_START}cease<fire>{MATCH_END} & "quotes" {MATCH_START}again{MATCH_END}'
    pieces = marked_segments(raw)
    assert [p["match"] for p in pieces] == [False, True, False, True]
    html = marked_html(pieces)
    assert isinstance(html, Markup)
    assert str(html) == ('&lt;b&gt;x&lt;/b&gt; <mark>cease&lt;fire&gt;</mark> &amp; &#34;quotes&#34; '
                         '<mark>again</mark>')
    # Unbalanced or stray markers never produce unbalanced tags.
    assert str(marked_html(marked_segments(f"{MATCH_END}a{MATCH_START}b"))) == "a<mark>b</mark>"


@pytest.mark.parametrize("typed, query", [
    ("ceasefire", '"ceasefire"'), ("cease*", '"cease"*'), ('a OR (b "c', '"a" "OR" "b" "c"'),
    ("NEAR(x y)", '"NEAR" "x" "y"'), ("***", None), ("", None), ("U.S. talks", '"U.S" "talks"'),
])
def test_fts_queries_quote_every_word(typed, query):
    assert fts_query(typed) == query


def test_highlights_cut_overlapping_spans_and_escape():
    text = "<b>Marco Rubio</b> said \"stages\"."
    spans = [Highlight("entity", 3, 14, "PERSON: Marco Rubio", "/entities/Marco%20Rubio"),
             Highlight("quote", 9, 31, "quote: Marco Rubio", "/stories/s1#quotes"),
             Highlight("claim", 100, 120, "out of range")]
    segments = highlight_segments(text, spans)
    assert "".join(s.text for s in segments) == text
    assert [s.kinds for s in segments if s.highlights] == [["entity"], ["quote", "entity"], ["quote"]]
    html = str(segments_html(segments))
    assert html.startswith("&lt;b&gt;") and "<b>" not in html
    assert '<a class="hl hl-quote hl-entity" href="/stories/s1#quotes"' in html  # the quote leads where both apply
    assert 'id="at-3"' in html and 'id="at-9"' in html


def test_word_diff_shows_what_one_outlet_worded_differently():
    diff = word_diff("The President wishes that this war is ended", "The president wants this war ended")
    assert {"op": "removed", "text": "wishes that"} in diff
    assert {"op": "added", "text": "wants"} in diff
    assert "".join(p["text"] for p in diff if p["op"] != "removed") == "The president wants this war ended"
    assert {"op": "removed", "text": "is "} in diff or {"op": "removed", "text": " is"} in diff
    assert word_diff("same words", "same words") == [{"op": "same", "text": "same words"}]


def test_story_view_orders_conflicts_first_and_groups_by_outlet_and_speaker():
    brief = {"id": "s1", "outlets": ["a", "b"], "articles": [{"id": "x", "source": "a"}, {"id": "y", "source": "b"}],
             "claims": [{"text": "single b", "status": "single", "sources": ["b"], "evidence": []},
                        {"text": "both", "status": "corroborated", "sources": ["a", "b"], "evidence": []},
                        {"text": "where", "status": "conflict", "sources": ["a", "b"],
                         "evidence": [{"article": "x", "start": 0, "end": 1}, {"article": "y", "start": 0, "end": 1}],
                         "conflict": {"about": "venue", "values": [{"source": "a", "value": "radio"},
                                                                   {"source": "b", "value": "briefing"}]}}],
             "quotes": [{"speaker": "R", "text": "one", "sources": ["a", "b"],
                         "variants": [{"article": "x", "text": "war ended"}, {"article": "y", "text": "war over"}]},
                        {"speaker": None, "text": "anon", "sources": ["a"], "variants": []}]}
    view = story_view(brief)
    assert [row["claim"]["text"] for row in view["matrix"]["rows"]] == ["where", "both", "single b"]
    assert view["matrix"]["rows"][0]["cells"] == [{"mark": "value", "value": "radio"}, {"mark": "value", "value": "briefing"}]
    assert view["by_outlet"] == [("b", [brief["claims"][0]])]
    assert view["conflicts"][0]["values"][1]["evidence"] == [{"article": "y", "start": 0, "end": 1}]
    groups = view["quote_groups"]
    assert [g["speaker"] for g in groups] == ["R", None]
    assert groups[0]["quotes"][0]["variants"][1]["source"] == "b" and groups[0]["quotes"][0]["wordings"] == 2
    empty = story_view({"id": "s2", "articles": []})
    assert not empty["has_analysis"] and empty["matrix"]["rows"] == []
    assert quote_groups([], {}) == []


def test_links_for_server_and_report():
    assert ServerLinks().story("s 1", "conflicts") == "/stories/s%201#conflicts"
    assert ServerLinks("/sub").entity("A/B") == "/sub/entities/A%2FB"
    assert ServerLinks().article("a1", at=5) == "/articles/a1#at-5"
    assert ServerLinks().stories(outlet="x y", offset=0) == "/?outlet=x+y"
    report = ReportLinks("../")
    assert report.article("a1", "s1") == "../stories/s1.html#article-a1"
    assert report.entity("x") is None and report.search() is None


def test_date_spans_read_naturally():
    assert span_label("2025-02-19", "2025-02-24") == "19 – 24 Feb 2025"
    assert span_label("2025-01-30", "2025-02-02") == "30 Jan – 2 Feb 2025"
    assert span_label("2025-02-14", "2025-02-14") == "14 Feb 2025"
    assert span_label(None, None) == "undated"
