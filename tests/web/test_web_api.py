"""The JSON API and the server-rendered pages, through FastAPI's TestClient against real SQLite files.

The API's story contract is checked against the CLI itself: /api/stories/{id} must equal
`storyline show ID --json`, and /api/stories must list the stories of `storyline stories --json`, in
its order, as summaries of those briefs."""

from __future__ import annotations

import html as html_lib
import json
import re

import pytest
from conftest import FIXTURES, Cli, tags
from fastapi.testclient import TestClient
from web_support import demo_copy, enrich_motivating_story, hostile_articles, ingest_with_unchecked_urls

from storyline.api import api as api_router
from storyline.api import create_app

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(str(demo_db))) as c:
        yield c


@pytest.fixture(scope="module")
def cli_stories(demo_db):
    return Cli(demo_db).json("stories", "--json")


@pytest.fixture(scope="module")
def rich(demo_db, tmp_path_factory):
    """A copy of the demo whose motivating story carries claims and a venue conflict."""
    db = demo_copy(demo_db, tmp_path_factory.mktemp("rich"))
    story = enrich_motivating_story(db)
    with TestClient(create_app(str(db))) as c:
        yield c, story, db


@pytest.fixture
def writable(demo_db, tmp_path):
    """A server with a token over a private copy of the demo."""
    db = demo_copy(demo_db, tmp_path)
    with TestClient(create_app(str(db), token=TOKEN, max_body_bytes=20_000)) as c:
        yield c, db


AUTH = {"Authorization": f"Bearer {TOKEN}"}


# --- the contract ------------------------------------------------------------------------------


def test_story_api_equals_show_json(client, demo_db, cli_stories):
    cli = Cli(demo_db)
    for story in cli_stories:
        response = client.get(f"/api/stories/{story['id']}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        assert response.json() == cli.json("show", story["id"], "--json")


def test_story_api_accepts_a_unique_prefix_like_the_cli(client, cli_stories):
    story = cli_stories[0]
    assert client.get(f"/api/stories/{story['id'][:8]}").json()["id"] == story["id"]


def ids(page: dict) -> list[str]:
    return [item["id"] for item in page["items"]]


def test_stories_api_lists_the_cli_stories_as_summaries(client, cli_stories):
    response = client.get("/api/stories", params={"limit": 500})
    assert response.status_code == 200
    page = response.json()
    assert set(page) == {"items", "total", "limit", "offset"}
    assert (page["total"], page["limit"], page["offset"]) == (len(cli_stories), 500, 0)
    assert "link" not in response.headers and "x-total-count" not in response.headers
    assert ids(page) == [s["id"] for s in cli_stories]
    for item, brief in zip(page["items"], cli_stories):
        assert {k: item[k] for k in ("title", "first_seen", "last_seen", "outlets", "independent_reports")} == \
            {k: brief[k] for k in ("title", "first_seen", "last_seen", "outlets", "independent_reports")}
        assert item["article_count"] == len(brief["articles"]) and item["outlet_count"] == len(brief["outlets"])
        assert item["claim_count"] == len(brief["claims"]) and item["quote_count"] == len(brief["quotes"])
        assert item["conflict_count"] == sum(c["status"] == "conflict" for c in brief["claims"])
        assert item["lead"] == (brief["summary"][0]["text"] if brief["summary"] else None)
        # A summary, not the brief: no list of articles, claims or quotes in a list's items.
        assert not {"articles", "claims", "quotes", "entities", "timeline", "summary"} & set(item)
    # A tenth of the bytes of the briefs it stands for, or less.
    assert len(response.content) * 10 < len(json.dumps(cli_stories))


def test_a_story_summary_names_its_top_conflict(rich):
    client, story_id, _ = rich
    item = next(i for i in client.get("/api/stories", params={"limit": 500}).json()["items"] if i["id"] == story_id)
    assert item["conflict_count"] == 1
    assert item["top_conflict"] == {"text": "Rubio made the remarks", "about": "venue",
                                    "sources": ["capital-dispatch", "northern-ledger"],
                                    "values": [{"source": "capital-dispatch", "value": "at a briefing"},
                                               {"source": "northern-ledger", "value": "on a radio show"}]}
    assert item["lead"].startswith("Rubio says the President wants the war in Ukraine ended")


def test_stories_api_pages_through_everything_in_order(client, cli_stories):
    """A client follows the Link header's rel="next" until there is none, as RFC 8288 readers do."""
    pages, url = [], "/api/stories?limit=5"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append(response.json())
        assert pages[-1]["total"] == len(cli_stories) and pages[-1]["limit"] == 5
        url = response.links.get("next", {}).get("url")
    assert [s["id"] for page in pages for s in page["items"]] == [s["id"] for s in cli_stories]
    assert [page["offset"] for page in pages] == list(range(0, len(cli_stories), 5))
    second = client.get("/api/stories", params={"limit": 5, "offset": 5})
    assert second.links["prev"]["url"] == "/api/stories?limit=5&offset=0"
    beyond = client.get("/api/stories", params={"offset": 10_000}).json()
    assert beyond["items"] == [] and beyond["total"] == len(cli_stories)


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "offset=-1", "limit=ten", "since=yesterday"])
def test_bad_paging_and_filter_parameters_are_422_json(client, query):
    response = client.get(f"/api/stories?{query}")
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail and all({"loc", "msg"} <= set(error) for error in detail)


def test_stories_filter_by_outlet_dates_and_entity(client, cli_stories):
    by_outlet = client.get("/api/stories", params={"outlet": "the-evening-bell", "limit": 500}).json()
    assert ids(by_outlet) == [s["id"] for s in cli_stories if "the-evening-bell" in s["outlets"]]
    assert by_outlet["total"] == len(by_outlet["items"])

    late = client.get("/api/stories", params={"since": "2025-02-20", "limit": 500}).json()["items"]
    assert late and all(s["last_seen"] >= "2025-02-20" for s in late)
    assert len(late) == sum(1 for s in cli_stories if s["last_seen"] and s["last_seen"] >= "2025-02-20")
    early = client.get("/api/stories", params={"until": "2025-02-12", "limit": 500}).json()["items"]
    assert early and all(s["first_seen"] <= "2025-02-12" for s in early)

    rubio = client.get("/api/stories", params={"entity": "Marco Rubio", "limit": 500})
    titles = [s["title"] for s in rubio.json()["items"]]
    assert any("Rubio" in t for t in titles)
    assert len(titles) < len(cli_stories)
    # An alias finds the same stories as the canonical name, in any case.
    assert client.get("/api/stories", params={"entity": "rubio", "limit": 500}).json() == rubio.json()
    assert client.get("/api/stories", params={"entity": "Nobody Anywhere"}).json()["items"] == []


@pytest.mark.parametrize("query, words", [("since=yesterday", "YYYY-MM-DD"), ("until=2025-02-30", "not a day"),
                                          ("since=1739491200", "YYYY-MM-DD")])
def test_a_bad_date_is_an_error_a_reader_sees_on_the_page_and_in_the_api(client, query, words):
    api = client.get(f"/api/stories?{query}")
    assert api.status_code == 422 and words in api.json()["detail"][0]["msg"]
    page = client.get(f"/?{query}")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert words in page.text and "cannot be used" in page.text
    assert 'class="story-list"' not in page.text  # not the unfiltered list, as if nothing were wrong


def test_an_unknown_outlet_is_a_404_on_the_page_and_in_the_api(client):
    api = client.get("/api/stories", params={"outlet": "no-such-outlet"})
    assert api.status_code == 404 and "no outlet 'no-such-outlet'" in api.json()["detail"]
    page = client.get("/", params={"outlet": "no-such-outlet"})
    assert page.status_code == 404 and "no outlet" in page.text
    # Empty form fields filter nothing: the page's own form sends them.
    assert client.get("/", params={"since": "", "until": "", "outlet": "", "entity": ""}).status_code == 200
    assert client.get("/", params={"since": " 2025-02-20 "}).status_code == 200  # a day typed with spaces


def test_stories_page_filters_without_javascript(client):
    page = client.get("/", params={"outlet": "the-evening-bell"})
    assert page.status_code == 200
    assert '<option value="the-evening-bell" selected>' in page.text
    assert "Rubio Says President Wants" in page.text
    assert "Earthquake in Southern Peru" not in page.text
    assert client.get("/", params={"since": "2025-02-20", "outlet": "the-evening-bell"}).status_code == 200


# --- search -------------------------------------------------------------------------------------


def test_search_finds_the_right_article_with_marked_snippets(client):
    # Only northern-ledger names the radio hosts.
    data = client.get("/api/search", params={"q": "Whitmore"}).json()
    assert set(data) == {"query", "items", "total", "limit", "offset"}
    assert data["total"] == 1 and data["query"] == "Whitmore"
    hit = data["items"][0]
    assert hit["source"] == "northern-ledger" and "Rubio" in hit["story_title"]
    assert any(piece["match"] and piece["text"] == "Whitmore" for piece in hit["snippet_segments"])
    assert "Whitmore" in hit["snippet"]
    several = client.get("/api/search", params={"q": "ceasefire first stage"}).json()
    assert several["total"] >= 2
    assert {r["source"] for r in several["items"]} >= {"capital-dispatch", "northern-ledger"}
    first = client.get("/api/search", params={"q": "ceasefire first stage", "limit": 1})
    assert first.links["next"]["url"] == "/api/search?q=ceasefire+first+stage&limit=1&offset=1"
    assert [hit["id"] for hit in first.json()["items"]] == [several["items"][0]["id"]]


@pytest.mark.parametrize("query", ['"unbalanced', "a OR (b", "NEAR(x y", "*", "col:umn", "^start", "-", "'; DROP"])
def test_search_never_fails_on_fts_syntax(client, query):
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200
    assert client.get("/search", params={"q": query}).status_code == 200


def test_search_page_escapes_and_marks(client):
    page = client.get("/search", params={"q": "Whitmore"}).text
    assert "<mark>Whitmore</mark>" in page
    assert "1 article matches" in page
    assert client.get("/api/search").status_code == 422


# --- articles, entities, sources ------------------------------------------------------------


def test_article_api_and_page(client, cli_stories):
    story = next(s for s in cli_stories if "Rubio" in s["title"])
    article = next(a for a in story["articles"] if a["source"] == "northern-ledger")
    data = client.get(f"/api/articles/{article['id']}").json()
    assert {k: data["article"][k] for k in article} == article
    assert data["story"]["id"] == story["id"] and data["story"]["article_count"] == len(story["articles"])
    text = data["article"]["text"]
    assert data["spans"], "the demo's analysis finds names and quotes"
    for span in data["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
    assert "Marco Rubio" in {e["name"] for e in data["entities"]}
    page = client.get(f"/articles/{article['id']}").text
    assert 'class="article-text"' in page
    assert 'href="/entities/Marco%20Rubio"' in page
    assert f'href="/stories/{story["id"]}"' in page


def test_entity_api_and_page(client):
    data = client.get("/api/entities/Rubio").json()
    assert data["entity"]["name"] == "Marco Rubio"
    assert "Secretary Rubio" in data["entity"]["aliases"]
    assert data["by_day"] and sum(d["mentions"] for d in data["by_day"]) == data["entity"]["mentions"]
    assert all(set(d) == {"date", "mentions", "article_count", "outlet_count"} for d in data["by_day"])
    assert data["latest_mentions"] and all(m["text"] and m["article"] for m in data["latest_mentions"])
    assert data["quotes"] and data["stories"]
    assert client.get("/api/entities/Secretary%20Rubio").json()["entity"]["name"] == "Marco Rubio"
    page = client.get("/entities/Marco%20Rubio")
    assert page.status_code == 200 and "What Marco Rubio said" in page.text


def test_the_cli_and_the_web_find_an_entity_by_one_lookup(client, demo_db):
    """A spelling no outlet used ("Mr Zelenskiy") finds the entity on the web as it does in the CLI,
    and both name the same entity."""
    typed = "Mr Zelenskiy"
    web = client.get("/api/entities/Mr%20Zelenskiy")
    assert web.status_code == 200, web.text
    assert "Zelensk" in web.json()["entity"]["name"]
    assert Cli(demo_db).json("entity", typed, "--json")["name"] == web.json()["entity"]["name"]
    assert client.get("/entities/Mr%20Zelenskiy").status_code == 200


def test_sources_counts_outlets(client, demo_db):
    page = client.get("/api/sources").json()
    outlets = page["items"]
    cli = Cli(demo_db).json("sources", "--json")["outlets"]
    assert page["total"] == len(outlets) == len(cli)
    assert {o["source"]: (o["article_count"], o["story_count"]) for o in outlets} == \
        {o["source"]: (o["articles"], o["stories"]) for o in cli}
    by_name = {o["source"]: o for o in outlets}
    assert any(o["single_claim_count"] > 0 for o in outlets)
    # The motivating case: the briefing outlet and the radio-show outlet disagree on the venue.
    assert by_name["capital-dispatch"]["conflict_count"] >= 1 and by_name["northern-ledger"]["conflict_count"] >= 1
    assert by_name["northern-ledger"]["first_seen"] <= by_name["northern-ledger"]["last_seen"]
    assert all(o["feeds"] == [] for o in outlets)  # the demo is read from files, not feeds
    two = client.get("/api/sources", params={"limit": 2, "offset": 2})
    assert [o["source"] for o in two.json()["items"]] == [o["source"] for o in outlets[2:4]]
    assert {"next", "prev"} <= set(two.links)
    assert client.get("/sources").status_code == 200


def test_missing_things_are_json_404s_under_api_and_pages_elsewhere(client):
    for path in ("/api/stories/s000nope", "/api/articles/a000nope", "/api/entities/Nobody%20Anywhere", "/api/nothing"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("application/json")
        assert isinstance(response.json()["detail"], str)
    page = client.get("/stories/s000nope")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "No story" in page.text


# --- the rich story: conflicts first, corroboration, quotes in two wordings -------------------


def test_story_page_shows_conflicts_first_then_corroboration(rich):
    client, story_id, db = rich
    brief = client.get(f"/api/stories/{story_id}").json()
    assert brief == Cli(db).json("show", story_id, "--json")
    assert any(c["status"] == "conflict" for c in brief["claims"])
    html = client.get(f"/stories/{story_id}").text
    order = [html.index(f'<h2 id="h-{name}"') for name in ("conflicts", "summary", "claims", "by-outlet", "quotes",
                                                            "timeline", "matrix")]
    assert order == sorted(order)
    assert "on a radio show" in html and "at a briefing" in html
    assert re.search(r"<del>.*?</del>", html) and re.search(r"<ins>.*?</ins>", html)
    assert 'class="matrix"' in html and html.count('class="dot"') == 6


def test_sources_count_single_outlet_claims_and_conflicts(rich):
    client, _, _ = rich
    outlets = {o["source"]: o for o in client.get("/api/sources").json()["items"]}
    assert outlets["northern-ledger"]["single_claim_count"] == 1 and outlets["northern-ledger"]["conflict_count"] == 1
    assert outlets["capital-dispatch"]["conflict_count"] == 1
    assert outlets["the-evening-bell"]["claim_count"] == 0


def test_article_highlights_link_back_to_the_claim_they_support(rich):
    client, story_id, _ = rich
    brief = client.get(f"/api/stories/{story_id}").json()
    ledger = next(a["id"] for a in brief["articles"] if a["source"] == "northern-ledger")
    data = client.get(f"/api/articles/{ledger}").json()
    assert {"conflict", "claim", "quote", "entity"} <= {s["kind"] for s in data["spans"]}
    conflict = next(i for i, c in enumerate(brief["claims"]) if c["status"] == "conflict")
    assert {s.get("anchor") for s in data["spans"] if s["kind"] == "conflict"} == {f"claim-{conflict}"}
    html = client.get(f"/articles/{ledger}").text
    assert f'href="/stories/{story_id}#claim-{conflict}"' in html and "hl-conflict" in html
    # ... and that claim is there, under that id, on the story page.
    assert f'id="claim-{conflict}"' in client.get(f"/stories/{story_id}").text


def test_every_link_from_an_article_into_its_story_lands_on_an_item_and_lists_each_claim_once(client, cli_stories):
    """On every article of the demo, each highlight and each side-list entry that leads to its story
    names an element the story page has, and the side list names each claim once: a sentence that
    states a disputed value is the conflict's (the Riyadh story's "The meeting lasted almost five
    hours." was listed as a conflict and again as a single-outlet claim no story page shows)."""
    checked = 0
    for story in cli_stories:
        page = client.get(f"/stories/{story['id']}").text
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        for article in story["articles"]:
            html = client.get(f"/articles/{article['id']}").text
            targets = re.findall(rf'href="/stories/{story["id"]}#([^"]+)"', html)
            assert set(targets) <= ids, (article["id"], set(targets) - ids)
            checked += len(targets)
            side = html.split("Claims in this article", 1)[1].split("</section>", 1)[0] if "Claims in this article" in html else ""
            entries = [re.sub(r"<[^>]+>|\s+", " ", item).split(" ", 3)[-1].strip()
                       for item in re.findall(r"<li>(.*?)</li>", side, re.S)]
            assert len(entries) == len(set(entries)), (article["id"], entries)
    assert checked > 200
    riyadh = next(s for s in cli_stories if "Riyadh" in s["title"] and len({a["source"] for a in s["articles"]}) == 8)
    dispatch = next(a["id"] for a in riyadh["articles"] if a["source"] == "capital-dispatch")
    side = client.get(f"/articles/{dispatch}").text.split("Claims in this article", 1)[1].split("</section>", 1)[0]
    assert side.count("The meeting lasted almost five hours.") == 1 and 'class="badge warn">conflict' in side


def test_the_timeline_picture_marks_the_events_whose_figure_changed_between_reports(client, cli_stories):
    """Issue 22 item 3: conflicts and updates marked. The Harrow Ridge fire's homes (21, then 37) and
    containment (5, 35, 70 percent) changed between reports: the entries giving those figures are
    triangles, named so for a screen reader; the others, and every entry of a story without updates,
    are plain."""
    fire = next(s for s in cli_stories if "Harrow Ridge" in s["title"])
    brief = client.get(f"/api/stories/{fire['id']}").json()
    figures = [(e["article"], e["start"], e["end"]) for c in brief["claims"] if c.get("update")
               for v in c["update"]["values"] for e in v["evidence"]]
    assert len(figures) == 5

    def gives_a_figure(entry):
        return any(a == e["article"] and s < e["end"] and e["start"] < t for e in entry["evidence"] for a, s, t in figures)

    html = client.get(f"/stories/{fire['id']}").text
    chart = html.split('<svg class="timeline-chart"', 1)[1].split("</svg>", 1)[0]
    entries = re.findall(r'<a href="#(event-\d+)" class="entry( update)?" aria-label="([^"]*)">(.*?)</a>', chart, re.S)
    assert len(entries) == len(brief["timeline"])
    marked = {anchor for anchor, update, label, body in entries if update}
    expected = {f"event-{i}" for i, entry in enumerate(brief["timeline"]) if gives_a_figure(entry)}
    assert marked == expected and 0 < len(marked) < len(entries)
    homes = next(i for i, e in enumerate(brief["timeline"]) if e["text"].startswith("The Harrow Ridge fire destroyed 37 homes"))
    rain = next(i for i, e in enumerate(brief["timeline"]) if "almost no rain" in e["text"])
    assert f"event-{homes}" in marked and f"event-{rain}" not in marked
    for anchor, update, label, body in entries:
        assert ("<polygon" in body) == bool(update) and ("changed between reports" in label) == bool(update)
    assert "an event giving a figure that changed between reports" in html
    riyadh = next(s for s in cli_stories if "Riyadh" in s["title"] and len({a["source"] for a in s["articles"]}) == 8)
    page = client.get(f"/stories/{riyadh['id']}").text
    assert 'class="entry update"' not in page and "changed between reports. Days" not in page


PARISH_FAIR = """date 2025-01-0{day} The {town} parish fair raised money for a new roof on the village hall, \
its organisers said.

Volunteer {name} said the cake stall had sold out by noon.
"""


def _tones_on(html: str, where: str) -> dict[str, str]:
    """outlet -> its colour class, as the badges inside the element with id `where` show them."""
    part = html.split(f'id="{where}"', 1)[1]
    return dict((name, tone) for tone, name in re.findall(r'<bdi class="outlet (tone-\d+)">([^<]+)</bdi>', part))


def test_outlets_on_one_page_never_share_a_colour_when_the_store_has_more_than_twelve(demo_db, tmp_path):
    """Twelve colours go round every outlet of the store in alphabetical order. With five more outlets
    between northern-ledger and river-city-herald (thirteen in all), the-evening-bell comes round to
    capital-dispatch's colour: on the home page they share it, but the Riyadh story, which both report
    with six other outlets, shows eight outlets in eight colours in its header, its matrix, its
    articles and its storyline; outlets that do not collide keep their colour."""
    db = demo_copy(demo_db, tmp_path)
    folder = tmp_path / "parish"
    folder.mkdir()
    towns = ["Ashby", "Brindle", "Corven", "Dunmere", "Elstow"]
    for i, town in enumerate(towns):
        (folder / f"{town}.txt").write_text(PARISH_FAIR.format(day=i + 1, town=town, name=f"Ada {town}son"))
        Cli(db)("ingest", str(folder / f"{town}.txt"), "--source", f"parish-news-{i + 1}")
    with TestClient(create_app(str(db))) as c:
        outlets = [o["source"] for o in c.get("/api/sources", params={"limit": 100}).json()["items"]]
        assert len(outlets) == 13
        stories = c.get("/api/stories", params={"limit": 100}).json()["items"]
        riyadh = next(s for s in stories if "Riyadh" in s["title"] and s["outlet_count"] == 8)
        home = c.get("/?order=latest").text
        everywhere = {name: tone for tone, name in re.findall(r'<bdi class="outlet (tone-\d+)">([^<]+)</bdi>', home)}
        assert everywhere["the-evening-bell"] == everywhere["capital-dispatch"] == "tone-0"
        page = c.get(f"/stories/{riyadh['id']}").text
        for where in ("main", "matrix"):
            tones = _tones_on(page, where)
            assert sorted(tones) == sorted(riyadh["outlets"]), where
            assert len(set(tones.values())) == 8, (where, tones)
        tones = _tones_on(page, "matrix")
        assert tones["capital-dispatch"] == "tone-0" and tones["the-evening-bell"] != "tone-0"
        assert {n: t for n, t in tones.items() if n != "the-evening-bell"} == \
            {n: everywhere.get(n, t) for n, t in tones.items() if n != "the-evening-bell"}
        article = next(a["id"] for a in c.get(f"/api/stories/{riyadh['id']}").json()["articles"])
        assert _tones_on(c.get(f"/articles/{article}").text, "main") == tones
        thread = next(t for t in c.get("/api/storylines").json()["items"] if riyadh["id"] in [s["id"] for s in t["stories"]])
        on_thread = _tones_on(c.get(f"/storylines/{thread['id']}").text, "main")
        assert len(set(on_thread.values())) == len(on_thread) == 8


def test_every_quote_and_paraphrase_leads_to_its_sentence_even_from_one_outlet(client, cli_stories):
    """Issue 22: single-outlet quotes and paraphrases had no "in context" link. On every story page of
    the demo each statement, quoted or paraphrased, by one outlet or several, links to the sentence in
    an article of the story, and so does each claim one outlet alone adds."""
    alone = paraphrased = 0
    for story in cli_stories:
        html = client.get(f"/stories/{story['id']}").text
        ours = "|".join(re.escape(a["id"]) for a in story["articles"])
        for css, figure in re.findall(r'<figure class="quote( paraphrase)?" id="quote-\d+">(.*?)</figure>', html, re.S):
            outlets = set(re.findall(r'<a class="outlet tone-\d+ cite-link" href="/articles/(?:%s)#at-\d+"[^>]*><bdi>([^<]+)' % ours, figure))
            assert outlets, (story["title"], figure[:200])
            alone += len(outlets) == 1
            paraphrased += bool(css)
        adds = html.split('id="by-outlet"', 1)[1].split("</section>", 1)[0] if 'id="by-outlet"' in html else ""
        for item in re.findall(r"<li(?: id=\"claim-\d+\")?>(.*?)</li>", adds, re.S):
            assert re.search(r'class="in-context" href="/articles/(?:%s)#at-\d+"' % ours, item), item[:200]
    assert alone > 50 and paraphrased > 10


def _visible_text(page: str) -> str:
    """What a reader reads on a page: no markup, no attribute, no script, and no article's own text."""
    page = re.sub(r'<(script|style)[^>]*>.*?</\1>|<div class="article-text"[^>]*>.*?</div>', " ", page, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page))


def test_one_date_format_for_readers_on_every_page_even_in_a_date_conflict(client, cli_stories):
    """Issue 22 item 3: one date format for readers everywhere. The Kestrel launch's outlets disagree
    about its day, which the JSON gives in ISO form; the page writes "12 Feb 2025" like every other
    day, in the conflict box and in the matrix. No page a reader opens shows an ISO day."""
    kestrel = next(s for s in cli_stories if "Kestrel" in s["title"])
    brief = client.get(f"/api/stories/{kestrel['id']}").json()
    [conflict] = [c["conflict"] for c in brief["claims"] if c["status"] == "conflict" and c["conflict"]["about"] == "date"]
    assert sorted(v["value"] for v in conflict["values"]) == ["2025-02-12", "2025-02-13"]
    page = client.get(f"/stories/{kestrel['id']}").text
    box, matrix = page.split('id="conflicts"', 1)[1].split("</section>", 1)[0], page.split('id="matrix"', 1)[1]
    for part in (box, matrix):
        assert "12 Feb 2025" in _visible_text(part) and "13 Feb 2025" in _visible_text(part)
    paths = ["/", "/?order=latest", "/sources", "/storylines", "/search?q=war", "/entities/Marco%20Rubio"]
    for story in cli_stories:
        paths += [f"/stories/{story['id']}", f"/articles/{story['articles'][0]['id']}"]
    for path in paths:
        assert not re.findall(r"\b\d{4}-\d{2}-\d{2}\b", _visible_text(client.get(path).text)), path


def test_static_report_renders_the_same_story(rich, tmp_path):
    _, story_id, db = rich
    Cli(db)("report", "--out", str(tmp_path / "report"))
    page = (tmp_path / "report" / "stories" / f"{story_id}.html").read_text()
    assert "Where outlets disagree" in page and "on a radio show" in page
    assert "htmx" not in page  # plain files: no script
    assert 'href="../static/style.css"' in page


# --- ingesting over the API ------------------------------------------------------------------


def test_post_is_refused_with_403_when_the_server_has_no_token(client):
    response = client.post("/api/articles", json={"text": "An article."}, headers=AUTH)
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_post_needs_the_right_bearer_token(writable):
    client, _ = writable
    body = {"text": "An article about the harbour.", "date": "2025-03-01"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic " + TOKEN}):
        response = client.post("/api/articles", json=body, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_the_served_schema_admits_the_numeric_id_the_server_takes_as_its_digits(writable):
    """A JSON file's numeric ids are accepted (kept as their digits): the schema a client validates against says so."""
    import jsonschema

    client, _ = writable
    operation = client.get("/api/openapi.json").json()["paths"]["/api/articles"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    article = {"text": "The ferry to Inish Mor resumed on Monday after a week of gales.", "id": 7,
               "title": "Ferry Resumes", "date": "2025-03-03"}
    jsonschema.validate(article, schema)  # raises where the schema refuses what the server takes
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**article, "id": True}, schema)  # nor a boolean, which the server refuses
    assert client.post("/api/articles", json={**article, "id": True}, headers=AUTH).status_code == 422
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code == 200, response.text
    assert client.get(f"/api/articles/{response.json()['articles'][0]}").json()["article"]["external_id"] == "7"


def test_post_ingests_and_the_article_joins_a_story(writable):
    client, db = writable
    before = client.get("/api/stories").json()["total"]
    articles = [{"title": "Harbour Wall Repairs Approved in Marlowe Bay", "date": "2025-03-01", "source": "bay-gazette",
                 "text": "The council of Marlowe Bay approved repairs to the harbour wall on Saturday after "
                         "winter storms cracked it in three places. Work starts in April.", "id": "bg-1",
                 "url": "https://bay.example/harbour-wall"},
                {"title": "Marlowe Bay to Mend Storm-Damaged Harbour Wall", "date": "2025-03-01", "source": "coast-daily",
                 "text": "Marlowe Bay's council voted on Saturday to repair the harbour wall, which winter storms "
                         "had cracked in three places; the work begins in April.", "id": 7}]
    response = client.post("/api/articles", json=articles, headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["ingested"] == 2 and result["duplicates"] == 0 and result["rejected"] == []
    assert len(result["articles"]) == 2 and all(result["articles"])
    assert result["story_count"] == client.get("/api/stories").json()["total"] >= before + 1
    first = client.get(f"/api/articles/{result['articles'][0]}").json()
    assert first["article"]["source"] == "bay-gazette" and first["article"]["external_id"] == "bg-1"
    assert first["story"] is not None
    assert Cli(db).json("show", first["story"]["id"], "--json")["id"] == first["story"]["id"]
    again = client.post("/api/articles", json=articles[0], headers=AUTH).json()
    assert again["ingested"] == 0 and again["duplicates"] == 1 and again["articles"] == result["articles"][:1]


def test_undated_stories_come_last_on_every_page_size(writable):
    client, db = writable
    undated = [{"text": f"An undated notice number {n} about the Kestrel Valley water board and its meters.",
                "title": f"Kestrel Valley Notice {n}", "source": f"notice-board-{n}"} for n in range(3)]
    assert client.post("/api/articles", json=undated, headers=AUTH).json()["ingested"] == 3
    everything = Cli(db).json("stories", "--json")
    assert everything[-1]["first_seen"] is None
    assert ids(client.get("/api/stories", params={"limit": 500}).json()) == [s["id"] for s in everything]
    for limit in (1, 4, 7):
        listed = [s["id"] for offset in range(0, len(everything), limit)
                  for s in client.get("/api/stories", params={"limit": limit, "offset": offset}).json()["items"]]
        assert listed == [s["id"] for s in everything]


@pytest.mark.parametrize("body, where, words", [
    (b"{not json", ["body"], "not valid JSON"),
    (b"[]", ["body"], "no articles"),
    (b'"just text"', ["body", 0], "expected an object"),
    (json.dumps([{"text": "fine"}, {"title": "no text"}]).encode(), ["body", 1, "text"], "required"),
    (json.dumps({"text": "   "}).encode(), ["body", 0, "text"], "text is empty"),
    (json.dumps({"text": "x", "url": "javascript:alert(1)"}).encode(), ["body", 0, "url"], "http"),
    (json.dumps({"text": "x", "date": "the day after tomorrow"}).encode(), ["body", 0], "bad date"),
    (json.dumps({"text": "x", "txet": "typo"}).encode(), ["body", 0, "txet"], "not permitted"),
    (json.dumps({"text": 42}).encode(), ["body", 0, "text"], "string"),
])
def test_post_rejects_invalid_input_with_422_and_stores_nothing(writable, body, where, words):
    client, _ = writable
    before = client.get("/api/stories").json()["total"]
    response = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert any(error["loc"][:len(where)] == where and words.lower() in error["msg"].lower() for error in detail), detail
    assert client.get("/api/stories").json()["total"] == before


def test_post_refuses_bodies_over_the_limit(writable):
    client, _ = writable
    big = json.dumps({"text": "word " * 10_000}).encode()
    declared = client.post("/api/articles", content=big, headers={**AUTH, "Content-Type": "application/json"})
    assert declared.status_code == 413 and "limit" in declared.json()["detail"]

    def chunks():  # no Content-Length: the server must count what arrives
        for _ in range(10):
            yield b" " * 4096
        yield b'{"text": "late"}'

    streamed = client.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert streamed.status_code == 413


# --- schema, headers, escaping --------------------------------------------------------------


def test_openapi_schema_lists_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    expected = {("get", "/api/stories"), ("get", "/api/stories/{story_id}"), ("get", "/api/articles/{article_id}"),
                ("get", "/api/entities/{key}"), ("get", "/api/search"), ("get", "/api/sources"),
                ("post", "/api/articles")}
    listed = {(method, path) for path, ops in paths.items() for method in ops}
    assert expected <= listed
    routes = {(method.lower(), route.path.replace(":path", "")) for route in api_router.routes
              for method in route.methods}
    assert routes <= listed
    assert "200" in paths["/api/stories/{story_id}"]["get"]["responses"]
    assert paths["/api/articles"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert {"401", "403", "413", "422"} <= set(paths["/api/articles"]["post"]["responses"])
    assert "Brief" in schema["components"]["schemas"]


def test_every_answer_is_documented_with_a_real_model(client):
    """No operation answers with an empty schema: each JSON answer names a model whose fields are listed,
    and each list is the one envelope."""
    schema = client.get("/api/openapi.json").json()
    models = schema["components"]["schemas"]
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for status, answer in op["responses"].items():
                body = answer["content"]["application/json"]["schema"]
                name = body["$ref"].rsplit("/", 1)[-1]
                assert models[name].get("properties"), f"{method} {path} {status}: {name} has no fields"
    lists = {"/api/stories": "StorySummary", "/api/search": "SearchHit", "/api/storylines": "StorylineSummary",
             "/api/sources": "OutletStats"}
    for path, item in lists.items():
        answer = schema["paths"][path]["get"]["responses"]["200"]
        envelope = models[answer["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]]
        assert {"items", "total", "limit", "offset"} <= set(envelope["required"]), path
        assert envelope["properties"]["items"]["items"]["$ref"].endswith(f"/{item}"), path
        assert "Link" in answer["headers"], path
    assert models["Storyline"]["properties"]["timeline"]["items"]["$ref"].endswith("/StorylineEntry")
    assert {"first_seen", "last_seen", "article_count"} <= set(models["OutletStats"]["properties"])
    named = {field for model in models.values() for field in model.get("properties", {})}
    assert not {"first_day", "last_day", "day", "x_total_count"} & named
    # A plural is a list wherever it appears (issue 22: `articles` was a list in one record, a number in another).
    plurals = [(name, field, spec) for name, model in models.items() for field, spec in model.get("properties", {}).items()
               if field in ("articles", "stories", "claims", "quotes", "outlets", "sources", "entities", "timeline")]
    assert len(plurals) > 10 and all(spec.get("type") == "array" for _, _, spec in plurals), plurals
    # Not one field of ours is left untyped (FastAPI's own ValidationError model aside).
    untyped = [(name, field) for name, model in models.items() if name not in ("ValidationError", "HTTPValidationError")
               for field, spec in model.get("properties", {}).items()
               if not {"type", "$ref", "anyOf", "allOf", "oneOf", "enum", "const"} & set(spec)]
    assert untyped == []
    problem = models["Problem"]["properties"]["detail"]["anyOf"]
    assert {"type": "string"} in problem and any(p.get("items", {}).get("$ref", "").endswith("/Issue") for p in problem)


def test_api_docs_work_offline_under_the_servers_own_policy(client):
    page = client.get("/api/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    elements = tags(page.text)
    # Nothing from elsewhere: no script but the server's own htmx, no stylesheet from a CDN.
    assert [attrs for tag, attrs in elements if tag == "script"] == [[("src", "/static/htmx.min.js"), ("defer", None)]]
    assert not [v for _, attrs in elements for k, v in attrs if k in ("src", "href") and v and "//" in v]
    schema = client.get("/api/openapi.json").json()
    for path, ops in schema["paths"].items():
        assert f"<code>{path}</code>" in page.text, path
    for name in ("StorySummary", "StoryList", "Brief", "Storyline", "OutletStats", "FeedOut"):
        assert f'id="model-{name}"' in page.text, name
    assert "top_conflict" in page.text and "items per page" in page.text
    assert client.get("/api").text == page.text
    assert 'href="/api/docs">JSON API</a>' in client.get("/").text  # every page's footer leads there


@pytest.mark.parametrize("path", ["/", "/api/stories", "/static/style.css", "/static/htmx.min.js", "/nowhere"])
def test_every_response_has_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_htmx_is_served_from_the_package_with_its_license(client):
    script = client.get("/static/htmx.min.js")
    assert script.status_code == 200 and script.text.startswith("/*! htmx 2.")
    assert "Zero-Clause BSD" in script.text[:300]
    assert client.get("/static/htmx.LICENSE.txt").status_code == 200
    page = client.get("/").text
    assert '<script src="/static/htmx.min.js" defer></script>' in page
    assert "unpkg" not in page and "cdn" not in page.lower()


def test_hostile_urls_are_refused_at_the_door_and_never_linked(writable, tmp_path):
    client, db = writable
    articles = hostile_articles()
    refused = client.post("/api/articles", json=articles, headers=AUTH)
    assert refused.status_code == 422  # javascript: URLs are not accepted over the API
    # From a file they are refused too, one line each; stored by an older version, they still render inert.
    path = tmp_path / "refused.json"
    path.write_text(json.dumps(articles))
    refused = Cli(db)("ingest", str(path), expect=1)
    assert refused.stderr.count("is not an http:// or https:// address") == 2
    ingest_with_unchecked_urls(db, tmp_path, articles)
    hits = client.get("/api/search", params={"q": "Marlowe harbour"}).json()["items"]
    assert len(hits) == 2
    pages = ["/", "/search?q=Marlowe+harbour", "/sources"]
    for hit in hits:
        pages += [f"/articles/{hit['id']}", f"/stories/{hit['story_id']}"]
    for url in pages:
        html = client.get(url).text
        assert "<script>window" not in html and "<img src" not in html and "<iframe" not in html, url
        elements = tags(html)
        assert not [a for _, attrs in elements for a in attrs if a[0].lower().startswith("on")], url
        assert not [v for _, attrs in elements for k, v in attrs
                    if k in ("href", "src", "action") and v and "javascript:" in v.lower().replace(" ", "")], url
        scripts = [attrs for tag, attrs in elements if tag == "script"]  # only our own files: htmx, and the matrix filter
        assert scripts[0] == [("src", "/static/htmx.min.js"), ("defer", None)], url
        assert all(attrs in ([("src", "/static/htmx.min.js"), ("defer", None)], [("src", "/static/matrix.js"), ("defer", None)])
                   for attrs in scripts), url
        assert not [tag for tag, _ in elements if tag in ("img", "iframe", "object", "embed")], url
        # The only SVG is the server's own timeline chart, its text escaped like every other.
        assert [attrs for tag, attrs in elements if tag == "svg" and ("class", "timeline-chart") not in attrs] == [], url
    article_page = client.get(f"/articles/{hits[0]['id']}").text
    assert "&lt;script&gt;window.__pwned" in article_page


def test_storylines_are_served_as_pages_and_json(client, demo_db):
    page = client.get("/api/storylines").json()
    cli = Cli(demo_db).json("storylines", "--json")
    assert page["total"] == len(cli) and [t["id"] for t in page["items"]] == [t["id"] for t in cli]
    threads = page["items"]
    ukraine = next(t for t in threads if any("Rubio" in s["title"] for s in t["stories"]))
    one = client.get(f"/api/storylines/{ukraine['id']}").json()
    assert one == Cli(demo_db).json("storyline", ukraine["id"], "--json")
    assert "timeline" not in ukraine and ukraine["timeline_count"] == len(one["timeline"]) > 0
    assert ukraine["stories"] == one["stories"] and ukraine["story_count"] == len(one["stories"])
    assert ukraine["outlet_count"] == len({o for s in one["stories"] for o in s["outlets"]})
    page = client.get(f"/storylines/{ukraine['id']}")
    assert page.status_code == 200 and "Rubio" in page.text and "Timeline" in page.text
    # Titled by what its stories share, not after its latest story; one chart mark per timeline entry.
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.text, re.S).group(1)
    assert "Marco Rubio" in heading and ukraine["title"] not in heading
    assert page.text.count('class="mark"') == len(one["timeline"])
    assert re.search(r"<time datetime=\"\d{4}-\d{2}-\d{2}\">\d{1,2} [A-Z][a-z]{2} \d{4}</time>", page.text)
    assert client.get("/storylines").status_code == 200
    assert client.get("/api/storylines/nope").status_code == 404
    # the demo's storyline changes no count or state across its stories: no progression, no section
    assert one["progressions"] == [] and 'id="changed"' not in page.text
    markdown = Cli(demo_db)("storyline", ukraine["id"], "--markdown").stdout
    assert markdown.startswith("# ") and "## Stories" in markdown and "## Timeline" in markdown
    assert "## What changed across the storyline" not in markdown


def test_what_changed_across_a_storyline_shows_on_its_page_and_its_newest_storys_page(tmp_path):
    """Two stories of one storyline, six days apart (tests/fixtures/ferry_storyline): the toll the first
    gives and the toll the second gives are one progression, made at ingest and shown on the storyline's
    page and on its newest story's page, each value linked to its sentence."""
    from storyline.store import open_store

    db = tmp_path / "ferry.db"
    Cli(db)("ingest", str(FIXTURES / "ferry_storyline" / "articles.jsonl"))
    with TestClient(create_app(str(db))) as c:
        [thread] = c.get("/api/storylines").json()["items"]
        first, newest = thread["stories"][0]["id"], thread["stories"][-1]["id"]
        one = c.get(f"/api/storylines/{thread['id']}").json()
        assert one == Cli(db).json("storyline", thread["id"], "--json")
        [record] = one["progressions"]
        assert [(v["normalized"], v["published"], v["story"]) for v in record["values"]] == [
            ("9", "2025-06-03", first), ("14", "2025-06-09", newest)]
        article = record["values"][0]["article"]
        for path in (f"/storylines/{thread['id']}", f"/stories/{newest}"):
            page = c.get(path).text
            section = page[page.index('id="changed"'):page.index("</section>", page.index('id="changed"'))]
            assert "What changed across the storyline" in section and "9 Jun 2025" in section
            assert section.index("nine people") < section.index("14 people") and f"/articles/{article}" in section
        page = c.get(f"/stories/{newest}").text  # a section of the story's column, listed in its contents
        assert page.index('href="#changed"') < page.index("</nav>", page.index('class="toc"')) < page.index('id="changed"')
        assert 'id="changed"' not in c.get(f"/stories/{first}").text  # only the newest story shows it
        # A story of it changed since (a run has dropped its brief to make it again): not yet computed,
        # never the progressions of the stories as they were.
        with open_store(db) as store, store.transaction():
            store.forget_brief(newest)
        assert c.get(f"/api/storylines/{thread['id']}").json()["progressions"] is None
        for path in (f"/storylines/{thread['id']}", f"/stories/{newest}"):
            page = c.get(path).text
            section = page[page.index('id="changed"'):page.index("</section>", page.index('id="changed"'))]
            assert "Not yet computed" in section and "14 people" not in section


def test_a_toll_that_rose_between_reports_shows_as_an_update_not_as_settled(tmp_path):
    (tmp_path / "coast-wire").mkdir()
    (tmp_path / "bay-herald").mkdir()
    (tmp_path / "coast-wire" / "ferry.txt").write_text(
        "date 2025-06-04\nFerry capsizes off Merrow\n\nNine people were killed when a passenger ferry capsized off "
        "the coast of Merrow on Tuesday, the coastguard said.\n\nDivers searched the wreck through the night.\n")
    (tmp_path / "bay-herald" / "ferry.txt").write_text(
        "date 2025-06-05\nMerrow ferry toll rises\n\nThe coastguard said 11 people were killed when the passenger "
        "ferry capsized off Merrow, as divers recovered two more bodies.\n\nDivers searched the wreck through the night.\n")
    db = tmp_path / "u.db"
    Cli(db)("ingest", str(tmp_path / "coast-wire"), str(tmp_path / "bay-herald"))
    [story] = Cli(db).json("stories", "--json")
    with TestClient(create_app(str(db))) as c:
        html = c.get(f"/stories/{story['id']}").text
    section = html.split('id="updates"', 1)[1].split("</section>", 1)[0]
    assert section.index("Nine people") < section.index("11 people")
    assert "4 Jun 2025" in section and "5 Jun 2025" in section
    settled = html.split('id="claims"', 1)[-1].split('id="quotes"', 1)[0] if 'id="claims"' in html else ""
    assert "11 people were killed" not in settled


def test_top_stories_are_ranked_once_and_again_when_a_story_changes(demo_db, tmp_path):
    """The home page's order of top stories is kept between requests, and made anew once a story is saved."""
    import sqlite3

    from storyline.store.reads import StoryFilters
    from storyline.web.pages import Readers

    db = demo_copy(demo_db, tmp_path)
    readers = Readers(db)
    with readers.reading() as store:
        ranked = readers.top_story_ids(store, StoryFilters())
        last = ranked[-1]
        assert readers.top_story_ids(store, StoryFilters()) is ranked  # the same list: not ranked again
    # A story seen again on the newest day, as the pipeline saves it when an article joins it.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE stories SET last_seen = (SELECT max(published_day) FROM articles), "
                     "updated_at = '2999-01-01T00:00:00+00:00' WHERE id = ?", (last,))
    conn.close()
    with readers.reading() as store:
        again = readers.top_story_ids(store, StoryFilters())
    assert again is not ranked and again.index(last) < ranked.index(last)
