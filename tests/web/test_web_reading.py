"""A reader's view in headless Chromium (issue 22, items 2 and 4): the demo with its outlets described by
tests/fixtures/outlets/outlets.csv (`storyline sources import`), served by a real uvicorn.

What a reader sees: each story's coverage by lean and by country and the outlets that said nothing that
week; the blindspots (a story only lean=right outlets report, not a balanced one); top stories ranked
otherwise than the latest; a brief that does not repeat the lists below it; long lists collapsed until
opened; the matrix filtered by outlet. Screenshots at 1366 and 390 px go to the `screenshots` folder."""

from __future__ import annotations

import httpx
import pytest
from conftest import FIXTURES, Cli
from test_web_browser import PHONE, WIDE, browser, pytestmark  # noqa: F401  (the module's Chromium, and its skip)
from web_support import demo_copy, running_server

from storyline.api import create_app

playwright_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")


@pytest.fixture(scope="module")
def labelled(demo_db, tmp_path_factory):
    """The demo, its eight outlets described (lean, country), served; the titles of a few of its stories."""
    db = demo_copy(demo_db, tmp_path_factory.mktemp("labelled"))
    Cli(db)("sources", "import", str(FIXTURES / "outlets" / "outlets.csv"))
    with running_server(create_app(str(db))) as url:
        stories = httpx.get(f"{url}/api/stories", params={"limit": 100}).json()["items"]

        def find(words: str) -> dict:
            return next(s for s in stories if words in s["title"])

        yield {"url": url, "db": db, "rubio": find("Rubio"), "riyadh": find("Riyadh"), "malatya": find("Malatya")}


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport=WIDE)
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def legend(page, key: str) -> dict[str, tuple[int, str]]:
    """A coverage bar's legend as the reader reads it: value -> (count, the outlets named)."""
    items = page.locator(f"#coverage .coverage-bar[data-key='{key}'] .legend li")
    found = {}
    for i in range(items.count()):
        item = items.nth(i)
        found[item.locator(".value").inner_text()] = (int(item.locator(".n").inner_text()),
                                                      item.locator(".who").inner_text().lstrip(": "))
    return found


def test_the_story_shows_its_coverage_by_lean_and_country_and_who_said_nothing(labelled, page, screenshots):
    rubio = labelled["rubio"]
    assert sorted(rubio["outlets"]) == ["capital-dispatch", "northern-ledger", "the-evening-bell"]
    page.goto(f"{labelled['url']}/stories/{rubio['id']}")
    coverage = page.locator("#coverage")
    assert coverage.is_visible()
    # capital-dispatch and northern-ledger are lean=left in the file, the-evening-bell lean=right.
    assert legend(page, "lean") == {"left": (2, "capital-dispatch, northern-ledger"), "right": (1, "the-evening-bell")}
    assert legend(page, "country") == {"GB": (1, "northern-ledger"), "US": (2, "capital-dispatch, the-evening-bell")}
    # The picture has one part per value, as wide as its share.
    widths = page.locator("#coverage .coverage-bar[data-key='lean'] rect").evaluate_all(
        "rects => rects.map(r => Number(r.getAttribute('width')))")
    assert widths == pytest.approx([66.67, 33.33], abs=0.01)
    # Not covered by: the five other outlets, all of which published between 11 and 17 Feb 2025.
    silent = coverage.locator(".not-covered .outlet").all_inner_texts()
    assert sorted(silent) == ["coastline-news", "global-desk-wire", "harbor-post", "meridian-times", "river-city-herald"]
    assert "11 Feb 2025 to 17 Feb 2025" in coverage.locator(".not-covered").inner_text()
    coverage.screenshot(path=screenshots / "coverage-1366.png")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "story-coverage-390.png", full_page=True)
    assert page.errors == []


def test_blindspots_list_a_story_one_lean_alone_reports_and_not_a_balanced_one(labelled, page, screenshots):
    page.goto(labelled["url"] + "/")
    nav = page.get_by_role("navigation", name="Main")
    page.set_viewport_size(PHONE)  # four links in the header, each on one line ("Blindspots", not "Blindspot" over "s")
    assert nav.get_by_role("link").evaluate_all(
        "links => links.map(a => { const r = document.createRange(); r.selectNodeContents(a); return r.getClientRects().length; })"
    ) == [1, 1, 1, 1]
    page.set_viewport_size(WIDE)
    nav.get_by_role("link", name="Blindspots").click()
    page.wait_for_url("**/blindspots")
    cards = page.locator(".blindspot")
    titles = cards.locator(".card-title").all_inner_texts()
    assert labelled["malatya"]["title"] in titles  # harbor-post and meridian-times: both lean=right
    assert labelled["riyadh"]["title"] not in titles  # all eight outlets, every lean
    card = cards.filter(has_text=labelled["malatya"]["title"])
    assert "only lean=right" in card.locator(".badge").inner_text()
    named = card.locator(".outlet").all_inner_texts()
    assert {"harbor-post", "meridian-times"} <= set(named)
    assert {"capital-dispatch", "northern-ledger"} & set(named)  # lean=left outlets publishing that week
    page.screenshot(path=screenshots / "blindspots-1366.png", full_page=True)
    card.get_by_role("link", name=labelled["malatya"]["title"]).click()
    page.wait_for_url(f"**/stories/{labelled['malatya']['id']}")
    assert legend(page, "lean") == {"right": (2, "harbor-post, meridian-times")}
    assert page.errors == []


def _titles(page) -> list[str]:
    return page.locator("#story-list .card-title").all_inner_texts()


def test_top_stories_rank_by_independent_outlets_and_recency_and_latest_by_date(labelled, page, screenshots):
    page.goto(labelled["url"] + "/")
    tabs = page.get_by_role("navigation", name="Order of the stories")
    assert tabs.locator("[aria-current=page]").inner_text() == "Top stories"
    top = _titles(page)
    page.screenshot(path=screenshots / "top-1366.png", full_page=True)
    tabs.get_by_role("link", name="Latest").click()
    page.wait_for_url("**order=latest**")
    latest = _titles(page)
    assert page.get_by_role("navigation", name="Order of the stories").locator("[aria-current=page]").inner_text() == "Latest"
    assert sorted(top) == sorted(latest) and top != latest
    # Latest: by last day. Malatya's hospital (two outlets, 21 Feb) comes before Riyadh (eight, 19 Feb) ...
    riyadh, malatya = labelled["riyadh"]["title"], labelled["malatya"]["title"]
    assert latest.index(malatya) < latest.index(riyadh)
    # ... top stories: eight independent outlets five days before the newest article outweigh two, three days before.
    assert top.index(riyadh) < top.index(malatya)
    # The latest tab is what the JSON lists, newest first.
    assert latest == [s["title"] for s in httpx.get(f"{labelled['url']}/api/stories", params={"limit": 20}).json()["items"]]
    # Filtering keeps the tab.
    page.get_by_label("Outlet", exact=True).select_option("harbor-post")
    page.wait_for_url("**outlet=harbor-post**")
    assert "order=latest" in page.url
    assert page.errors == []


def test_the_brief_does_not_repeat_the_lists_and_long_lists_open_on_click(labelled, page, screenshots):
    riyadh = labelled["riyadh"]
    brief = httpx.get(f"{labelled['url']}/api/stories/{riyadh['id']}").json()
    page.goto(f"{labelled['url']}/stories/{riyadh['id']}")
    # The page leads with the conflicts, then the brief.
    headings = page.locator(".story-main h2").all_inner_texts()
    assert "Where outlets disagree" in headings[0] and headings[1] == "In brief"
    in_brief = page.locator("#summary li > p:first-child").all_inner_texts()
    assert in_brief == [line["text"] for line in brief["summary"]]
    facts, adds = page.locator("#claims .fact p").all_text_contents(), page.locator("#by-outlet li").all_text_contents()
    assert facts and adds
    assert not [line for line in in_brief if line in facts or any(add.startswith(line) for add in adds)]
    # Each claim is on the page once, under its own id: the brief's lines carry theirs.
    ids = page.locator("[id^=claim-]").evaluate_all("es => es.map(e => e.id)")
    assert len(ids) == len(set(ids)) and page.locator("#summary li[id^=claim-]").count() >= 4
    assert page.locator("#h-claims").inner_text().startswith("More that several outlets report")
    # Beyond their first items, lists wait behind "Show N more", closed.
    facts = page.locator("#claims .fact")
    hidden = facts.count() - 5
    assert hidden > 0 and sum(facts.nth(i).is_visible() for i in range(facts.count())) == 5
    more = page.locator("#claims details.more-items > summary")
    assert more.inner_text() == f"Show {hidden} more claims several outlets report"
    assert more.evaluate("s => s.parentElement.open") is False
    page.screenshot(path=screenshots / "story-collapsed-1366.png", full_page=True)
    more.click()
    assert all(facts.nth(i).is_visible() for i in range(facts.count()))
    # The keyboard opens one too.
    events = page.locator("#timeline details.more-items > summary")
    assert page.locator("ol.timeline > li").nth(6).is_visible() is False
    events.focus()
    page.keyboard.press("Enter")
    assert page.locator("ol.timeline > li").nth(6).is_visible()
    # A link to a claim inside a closed list (the matrix's, an article's) opens it.
    page.reload()
    last = page.locator("#claims .fact").last
    anchor = last.get_attribute("id")
    page.locator(f"#matrix a.claim-link[href='#{anchor}']").click()
    assert last.is_visible()
    page.set_viewport_size(PHONE)
    page.screenshot(path=screenshots / "story-collapsed-390.png", full_page=True)
    assert page.errors == []


def test_the_matrix_shows_the_claims_of_one_outlet(labelled, page, screenshots):
    riyadh = labelled["riyadh"]
    page.goto(f"{labelled['url']}/stories/{riyadh['id']}")
    rows = page.locator("#matrix tbody tr")
    total = rows.count()
    choose = page.get_by_label("Show the claims of")
    choose.select_option(label="river-city-herald")
    header = page.locator("#matrix thead th.outlet-col").all_inner_texts()
    shown = [i for i in range(total) if rows.nth(i).is_visible()]
    assert 0 < len(shown) < total
    for i in shown:  # every row shown has a mark in river-city-herald's column
        cells = rows.nth(i).locator("td")
        marked = cells.evaluate_all("tds => tds.map(td => !!td.querySelector('.dot, .cell-value'))")
        assert marked[header.index("river-city-herald")], i
    assert page.locator(".matrix-shown").inner_text() == f"{len(shown)} of {total} claims"
    page.locator("#matrix").screenshot(path=screenshots / "matrix-filtered-1366.png")
    choose.select_option(label="every outlet")
    assert all(rows.nth(i).is_visible() for i in range(total))
    assert page.errors == []


def test_no_serious_accessibility_violation_on_the_new_pages(labelled, browser):  # noqa: F811
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="needs axe-playwright-python").Axe()
    paths = ["/", "/?order=latest", "/blindspots", f"/stories/{labelled['rubio']['id']}",
             f"/stories/{labelled['riyadh']['id']}"]
    found = {}
    for viewport in (WIDE, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for path in paths:
            page.goto(labelled["url"] + path)
            page.locator("details.more-items").evaluate_all("ds => ds.forEach(d => { d.open = true; })")
            serious = [(v["id"], v["impact"], len(v["nodes"])) for v in axe.run(page).response["violations"]
                       if v["impact"] in ("serious", "critical")]
            if serious:
                found[(viewport["width"], path)] = serious
        context.close()
    assert found == {}


def test_the_api_gives_the_coverage_blindspots_and_descriptions_the_pages_show(labelled):
    url = labelled["url"]
    rubio = httpx.get(f"{url}/api/stories/{labelled['rubio']['id']}/coverage").json()
    bars = {bar["key"]: {part["value"]: part["outlets"] for part in bar["parts"]} for bar in rubio["bars"]}
    assert bars["lean"] == {"left": ["capital-dispatch", "northern-ledger"], "right": ["the-evening-bell"]}
    assert bars["country"] == {"GB": ["northern-ledger"], "US": ["capital-dispatch", "the-evening-bell"]}
    assert sorted(rubio["not_covered"]) == ["coastline-news", "global-desk-wire", "harbor-post", "meridian-times",
                                            "river-city-herald"]
    assert rubio["window"] == ["2025-02-11", "2025-02-17"] and rubio["described"] == 3
    assert httpx.get(f"{url}/api/stories/no-such-story/coverage").status_code == 404

    spots = httpx.get(f"{url}/api/blindspots", params={"limit": 100}).json()
    by_story = {spot["story"]["id"]: spot for spot in spots["items"]}
    assert spots["total"] == len(spots["items"])
    malatya = by_story[labelled["malatya"]["id"]]
    assert (malatya["key"], malatya["value"]) == ("lean", "right")
    assert {"capital-dispatch", "northern-ledger"} & {m["name"] for m in malatya["missing"] if m["value"] == "left"}
    assert labelled["riyadh"]["id"] not in by_story

    outlets = {o["source"]: o for o in httpx.get(f"{url}/api/sources").json()["items"]}
    assert outlets["northern-ledger"]["description"] == {
        "homepage": "https://northern-ledger.example", "country": "GB", "language": "en", "owner": "Ledger Trust",
        "labels": {"lean": "left"}}
    assert outlets["global-desk-wire"]["description"]["country"] is None
    page = httpx.get(f"{url}/sources").text
    assert "GB · en · Ledger Trust · lean: left" in page
