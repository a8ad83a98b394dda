"""The pieces that turn untrusted text into markup: safe URLs, snippet marks, highlights, quote diffs."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from storyline.store.reads import MATCH_END, MATCH_START, fts_query
from storyline.web.views import (
    statements_said,
    Highlight,
    ReportLinks,
    ServerLinks,
    cited_html,
    day_label,
    evidence_by_outlet,
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


def test_a_cited_sentence_is_one_element_with_the_names_inside_it():
    text = "<b>Marco Rubio</b> said \"stages\". Then Vance spoke."
    spans = [Highlight("entity", 3, 14, "PERSON: Marco Rubio", "/entities/Marco%20Rubio"),
             Highlight("claim", 0, 32, "claim: stages", "/stories/s1#claim-0"),
             Highlight("quote", 25, 31, "quote: Marco Rubio", "/stories/s1#quote-0"),
             Highlight("entity", 39, 44, "PERSON: Vance", "/entities/Vance"),
             Highlight("claim", 100, 120, "out of range")]
    html = str(cited_html(text, spans))
    assert html.startswith('<a class="hl cite hl-claim" href="/stories/s1#claim-0" title="claim: stages" id="at-0">')
    # The whole sentence, escaped, in that one element; the name and the quote inside it are not links.
    sentence = html[:html.index("</a>")]
    assert "&lt;b&gt;" in sentence and "<b>" not in html and "Then" not in sentence
    assert '<span class="hl hl-entity" title="PERSON: Marco Rubio" id="at-3">Marco Rubio</span>' in sentence
    assert '<span class="hl cite hl-quote" title="quote: Marco Rubio" id="at-25">stages</span>' in sentence
    # A name outside any cited sentence links to its page.
    assert '<a class="hl hl-entity" href="/entities/Vance" title="PERSON: Vance" id="at-39">Vance</a>' in html
    assert html.count("<a ") == 2


def test_a_span_crossing_another_is_cut_and_keeps_one_anchor():
    text = "one two three four five"
    html = str(cited_html(text, [Highlight("claim", 0, 13, "a", "/s#claim-0"),
                                 Highlight("quote", 8, 18, "b", "/s#quote-0")]))
    assert html.count('id="at-8"') == 1 and html.count("hl-quote") == 2  # "three" inside, " four" after
    assert html.replace("</span>", "").replace("</a>", "").endswith(" four five")
    assert cited_html(text, [Highlight("claim", 0, 13, "a", "/s#claim-0"),
                             Highlight("conflict", 0, 13, "b", "/s#claim-1")]).count("<a ") == 1


def test_evidence_goes_by_outlet_in_the_order_of_the_pills():
    articles = {"x": {"source": "b"}, "y": {"source": "a"}, "z": {"source": "c"}}
    spans = [{"article": "x", "start": 1}, {"article": "y", "start": 2}, {"article": "z", "start": 3},
             {"article": "x", "start": 9}]
    assert evidence_by_outlet(spans, ["a", "b", "d"], articles) == [
        {"source": "a", "spans": [spans[1]]}, {"source": "b", "spans": [spans[0], spans[3]]},
        {"source": "d", "spans": []}, {"source": "c", "spans": [spans[2]]}]


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
    assert view["matrix"]["rows"][0]["cells"] == [
        {"mark": "value", "value": "radio", "evidence": [{"article": "x", "start": 0, "end": 1}]},
        {"mark": "value", "value": "briefing", "evidence": [{"article": "y", "start": 0, "end": 1}]}]
    assert view["by_outlet"] == [("b", [{**brief["claims"][0], "anchor": "claim-0"}])]
    assert view["conflicts"][0]["anchor"] == "claim-2"
    assert view["conflicts"][0]["values"][1]["evidence"] == [{"article": "y", "start": 0, "end": 1}]
    groups = view["quote_groups"]
    assert [g["speaker"] for g in groups] == ["R", None]
    assert groups[0]["quotes"][0]["variants"][1]["source"] == "b" and groups[0]["quotes"][0]["wordings"] == 2
    empty = story_view({"id": "s2", "articles": []})
    assert not empty["has_analysis"] and empty["matrix"]["rows"] == []
    assert quote_groups([], {}) == []


def test_a_quote_worded_anew_is_shown_as_itself_and_reported_speech_is_marked():
    articles = {"a": {"source": "harbour-times"}, "b": {"source": "valley-news"}, "c": {"source": "coast-wire"},
                "d": {"source": "bay-herald"}}
    quote = {"speaker": "Ruiz", "text": "This will be slow, and it will have to come step by step", "direct": True,
             "variants": [
                 {"article": "a", "text": "This will be slow, and it will have to come step by step", "direct": True},
                 {"article": "b", "text": "This will be slow, and it must come step by step", "direct": True},
                 {"article": "c", "text": "It will take long and must be done in stages", "direct": True},
                 {"article": "d", "text": "the process would be slow and gradual", "direct": False}]}
    [group] = quote_groups([quote], articles)
    first, close, translated, reported = group["quotes"][0]["variants"]
    assert first["diff"] is None and not first["reworded"]
    assert close["diff"] and not close["reworded"]
    assert translated["diff"] is None and translated["reworded"]
    assert reported["reported"] and not close["reported"]


def test_one_statement_printed_by_four_outlets_is_one_entry():
    words = "We will rebuild every school before winter."
    quotes = [{"text": words, "direct": True, "source": source, "article": f"a{n}", "story_id": "s", "start": 0,
               "published": "2025-02-18"} for n, source in enumerate(["harbour-times", "valley-news", "coast-wire"])]
    quotes.append({**quotes[0], "article": "a9", "text": "we will rebuild  every school before winter."})
    quotes.append({**quotes[0], "text": "Nothing is decided yet.", "article": "a5"})
    said = statements_said(quotes)
    assert [s["text"] for s in said] == [words, "Nothing is decided yet."]
    assert [p["source"] for p in said[0]["printed"]] == ["harbour-times", "valley-news", "coast-wire"]


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
    assert [day_label(d) for d in ("2025-02-14", "2025-02-14T09:30:00+00:00", "2025-02", "2022", None)] == [
        "14 Feb 2025", "14 Feb 2025", "Feb 2025", "2022", "undated"]


def test_top_stories_count_independent_outlets_and_halve_them_every_two_days():
    from storyline.web.top import story_scores, top_story_ids

    def row(story, day, article, source, group=None):
        return {"story_id": story, "last_seen": day, "id": article, "source": source,
                "published": f"{day}T09:00:00+00:00" if day else None, "group_id": group}

    rows = [
        # today: one outlet's own report, and two outlets running one wire copy (one voice, the wire's)
        row("today", "2025-02-24", "a1", "alpha"), row("today", "2025-02-24", "a2", "wire"),
        row("today", "2025-02-24", "a3", "beta", group="a2"), row("today", "2025-02-24", "a4", "alpha"),
        # four days ago: four outlets of their own
        *[row("older", "2025-02-20", f"b{i}", f"outlet-{i}") for i in range(4)],
        # the same day as "older", one outlet
        row("small", "2025-02-20", "c1", "gamma"),
        row("undated", None, "d1", "delta"),
    ]
    scores = story_scores(rows, "2025-02-24")
    assert scores == {"today": 2.0, "older": 1.0, "small": 0.25, "undated": 0.0}
    assert top_story_ids(rows, "2025-02-24") == ["today", "older", "small", "undated"]
    # A week later, with nothing new, the order holds; six outlets two days before the newest beat two today.
    wide = [*[row("wide", "2025-02-22", f"e{i}", f"o{i}") for i in range(6)],
            row("narrow", "2025-02-24", "f1", "p1"), row("narrow", "2025-02-24", "f2", "p2")]
    assert top_story_ids(wide, "2025-02-24") == ["wide", "narrow"]


def test_an_article_lists_each_of_its_claims_once(demo_db):
    # A conflict is highlighted where its claim is stated and where each value is given; the side list
    # names it once. The demo has articles where both fall in one article.
    import collections

    from storyline.store import open_store
    from storyline.web import pages

    conflicts_seen = 0
    with open_store(str(demo_db), create=False) as store:
        for row in store.stories():
            for article in pages.story_brief(store, row.id)["articles"]:
                data = pages.article_data(store, article["id"])
                listed = collections.Counter((c.get("anchor"), c.get("text")) for c in data["claims"])
                assert max(listed.values(), default=1) == 1, article["id"]
                conflicts_seen += sum(1 for c in data["claims"] if c["kind"] == "conflict")
                highlighted = {(s.get("anchor"), s.get("text")) for s in data["spans"] if s["kind"] in ("claim", "conflict")}
                assert set(listed) == highlighted  # nothing highlighted is left out of the list
    assert conflicts_seen > 0
