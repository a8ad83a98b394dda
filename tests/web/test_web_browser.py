"""The web UI in headless Chromium, against a real uvicorn server on 127.0.0.1.

A reader opens the stories, the motivating story (both outlets, the venue conflict), searches,
filters; hostile articles render inert: no script of theirs runs, no dialog opens. Screenshots
(phone and desktop) go to one folder for review (the `screenshots` fixture: --screenshots DIR, else
screenshots/ under pytest's base temporary folder; the run's summary names it)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote as quote_path

import httpx
import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
expect, sync_playwright = playwright_api.expect, playwright_api.sync_playwright

from web_support import (
    HOSTILE_TEXT,
    demo_copy,
    enrich_motivating_story,
    hostile_articles,
    ingest_with_unchecked_urls,
    running_server,
)

from storyline.api import create_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium "
                                                               "(apt-get install -y chromium chromium-driver)")
TOKEN = "browser-token"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def site(demo_db, tmp_path_factory):
    """The demo (its motivating story with claims) plus two hostile articles, served over HTTP."""
    folder = tmp_path_factory.mktemp("browser")
    db = demo_copy(demo_db, folder)
    story = enrich_motivating_story(db)
    ingest_with_unchecked_urls(db, folder, hostile_articles())  # even the javascript: URLs, as an older version stored them
    with running_server(create_app(str(db), token=TOKEN)) as url:
        yield {"url": url, "story": story, "db": db}


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors (a CSP violation is one) and any dialog."""
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.errors, tab.dialogs = [], []
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def test_reader_opens_the_motivating_story_and_sees_both_outlets_and_the_conflict(site, page, screenshots):
    page.goto(site["url"] + "/")
    assert page.title().startswith("Stories")
    page.screenshot(path=screenshots / "stories-desktop.png", full_page=True)
    link = page.get_by_role("link", name="Rubio Says President Wants the End of the War in Ukraine and Not a Pause")
    link.click()
    page.wait_for_url(f"**/stories/{site['story']}")
    assert "Rubio" in page.locator("h1").inner_text()
    header = page.locator(".story-head")
    for outlet in ("northern-ledger", "capital-dispatch"):
        assert header.get_by_text(outlet, exact=True).is_visible()
    brief = httpx.get(f"{site['url']}/api/stories/{site['story']}").json()
    if any(claim["status"] == "conflict" for claim in brief["claims"]):
        callout = page.locator("#conflicts")
        assert callout.is_visible()
        assert "Where outlets disagree" in callout.inner_text()
        assert "on a radio show" in callout.inner_text() and "at a briefing" in callout.inner_text()
        # Warning colours: the callout's background is not the plain card white.
        assert callout.evaluate("e => getComputedStyle(e).backgroundColor") != "rgb(255, 255, 255)"
    page.screenshot(path=screenshots / "story-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "story-phone.png", full_page=True)
    page.goto(site["url"] + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "stories-phone.png", full_page=True)
    assert page.errors == [] and page.dialogs == []


def test_search_from_the_header_and_as_you_type(site, page, screenshots):
    page.goto(site["url"] + "/")
    page.get_by_label("Search articles").fill("Whitmore")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Whitmore")
    results = page.locator("#results .hit")
    assert results.count() == 1
    assert "northern-ledger" in results.first.inner_text()
    assert results.first.locator("mark").first.inner_text() == "Whitmore"
    # As you type (htmx, under the strict CSP): the results change without a page load.
    page.evaluate("window.__samePage = true")
    page.locator("#q").fill("ceasefire")
    expect(page.locator("#results h2")).to_contain_text("ceasefire")  # (wait_for_function would need eval: CSP)
    assert page.evaluate("window.__samePage") is True
    assert page.locator("#results .hit").count() >= 2
    assert "q=ceasefire" in page.url
    page.screenshot(path=screenshots / "search.png", full_page=True)
    assert page.errors == [] and page.dialogs == []


def test_filters_apply_on_change_and_without_javascript(site, browser, page):
    page.goto(site["url"] + "/")
    total = page.locator("#story-list > li").count()
    page.evaluate("window.__samePage = true")
    page.get_by_label("Outlet", exact=True).select_option("the-evening-bell")
    page.wait_for_url("**outlet=the-evening-bell**")
    filtered = page.locator("#story-list > li")
    assert 0 < filtered.count() < total
    assert page.evaluate("window.__samePage") is True
    assert page.errors == []
    # With JavaScript off, the same form still works by submitting it.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(site["url"] + "/")
    plain.get_by_label("Outlet", exact=True).select_option("the-evening-bell")
    plain.get_by_role("button", name="Apply").click()
    plain.wait_for_url("**outlet=the-evening-bell**")
    assert plain.locator("#story-list > li").count() == filtered.count()
    context.close()


def test_hostile_articles_render_inert(site, page, screenshots):
    hits = httpx.get(f"{site['url']}/api/search", params={"q": "Marlowe harbour"}).json()["items"]
    assert len(hits) == 2
    urls = ["/", "/search?q=Marlowe+harbour", "/sources"]
    for hit in hits:
        urls += [f"/articles/{hit['id']}", f"/stories/{hit['story_id']}"]
    for url in urls:
        page.goto(site["url"] + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("a[href^='javascript:' i]").count() == 0, url
        assert page.evaluate("[...document.scripts].every(s => /[/]static[/](htmx[.]min|matrix)[.]js$/.test(s.src))"), url
        assert page.locator("img, iframe, svg[onload]").count() == 0, url
    # The hostile text is there, as text, for a reader to see.
    page.goto(f"{site['url']}/articles/{hits[0]['id']}")
    assert "<script>window.__pwned" in page.locator(".article-text").inner_text()
    assert HOSTILE_TEXT.split("<script>")[0].strip() in page.locator(".article-text").inner_text()
    page.get_by_text("click me", exact=False).first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=screenshots / "hostile-article.png", full_page=True)
    assert page.dialogs == []


def test_keyboard_users_can_skip_to_content(site, page):
    page.goto(site["url"] + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    # Every form control has a label.
    unlabelled = page.evaluate("""[...document.querySelectorAll('input, select')]
        .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length""")
    assert unlabelled == 0


def test_posting_to_the_live_server_needs_the_token(site):
    body = {"text": "The Marlowe Bay ferry resumed service on Sunday after repairs.", "date": "2025-03-02",
            "source": "bay-gazette"}
    assert httpx.post(f"{site['url']}/api/articles", json=body).status_code == 401
    response = httpx.post(f"{site['url']}/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"},
                          timeout=120)
    assert response.status_code == 200 and response.json()["ingested"] == 1
    assert httpx.get(f"{site['url']}/api/articles/{response.json()['articles'][0]}").status_code == 200


# --- reading a story: evidence, the matrix, the timeline (issue 22) ----------------------------------

WIDE = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def riyadh(demo_db, tmp_path_factory):
    """The demo as the pipeline briefs it (no claims written by hand), served: its Riyadh story has eight
    outlets, a conflict, a claim six outlets report and a timeline."""
    db = demo_copy(demo_db, tmp_path_factory.mktemp("riyadh"))
    with running_server(create_app(str(db))) as url:
        stories = httpx.get(f"{url}/api/stories", params={"limit": 100}).json()["items"]
        story = next(s["id"] for s in stories if "Riyadh" in s["title"] and len(s["outlets"]) >= 6)
        yield {"url": url, "story": story, "brief": httpx.get(f"{url}/api/stories/{story}").json()}


def _follow(page, link) -> dict:
    """Click an evidence link and, once the page it leads to has loaded, say what it lit (as _landed)."""
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")  # the article page's load event, not just the click
    return _landed(page)


def _landed(page) -> dict:
    """What the reader sees after following an evidence link: the highlighted element(s) and where."""
    return page.evaluate("""() => {
        const hit = [...document.querySelectorAll('.article-text .hl')].filter(e => e.matches(':target'));
        const plain = [...document.querySelectorAll('.article-text .cite')].filter(e => !e.matches(':target'))
            .map(e => getComputedStyle(e).backgroundColor);
        const box = hit.length ? hit[0].getBoundingClientRect() : null;
        return {count: hit.length, text: hit.length ? hit[0].textContent : null,
                background: hit.length ? getComputedStyle(hit[0]).backgroundColor : null,
                plain: [...new Set(plain)], top: box && box.top, bottom: box && box.bottom, height: innerHeight};
    }""")


def test_every_outlet_of_a_six_outlet_claim_leads_to_exactly_its_sentence(riyadh, browser, screenshots):
    brief = riyadh["brief"]
    claim = max((c for c in brief["claims"] if c["status"] == "corroborated"), key=lambda c: len(c["sources"]))
    assert len(claim["sources"]) >= 6
    source_of = {a["id"]: a["source"] for a in brief["articles"]}
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(f"{riyadh['url']}/stories/{riyadh['story']}")
    fact = page.locator(f"#claim-{brief['claims'].index(claim)}")  # in the brief, or in the list below it
    pills = fact.locator("a.cite-link")
    # Three outlets at first sight, the others behind "+N more"; opened, every outlet is a link named by it.
    assert sum(pills.nth(i).is_visible() for i in range(pills.count())) == 3
    more = fact.locator(".more-outlets summary")
    assert more.inner_text().startswith(f"+{len(claim['sources']) - 3} more")
    more.click()
    names = [pills.nth(i).locator("bdi").inner_text() for i in range(pills.count())]
    assert names == claim["sources"]  # named by outlet, in the order of the claim's outlet pills
    assert all(pills.nth(i).is_visible() for i in range(pills.count()))
    page.screenshot(path=screenshots / "claim-outlets-1366.png", full_page=False)
    hrefs = [pills.nth(i).get_attribute("href") for i in range(pills.count())]
    scrolled = 0
    page.set_viewport_size({"width": 1366, "height": 420})  # short, so that most sentences need scrolling to
    for name, href in zip(names, hrefs, strict=True):
        spans = [e for e in claim["evidence"] if source_of[e["article"]] == name]
        page.goto(riyadh["url"] + href)
        landed = _landed(page)
        # Exactly one element lit, the whole cited sentence, in view and not flush against the top.
        assert landed["count"] == 1, (name, href)
        assert landed["text"] == spans[0]["text"], name
        assert landed["background"] not in landed["plain"] and landed["plain"] == ["rgba(0, 0, 0, 0)"]
        assert 0 < landed["top"] and landed["bottom"] <= landed["height"], (name, landed)
        if page.evaluate("scrollY") > 0:
            scrolled += 1
            assert landed["top"] > landed["height"] * 0.15, (name, landed)  # scrolled, with a margin above
    assert scrolled >= 2
    page.screenshot(path=screenshots / "evidence-landed-1366.png", full_page=False)
    # The lit sentence links back to the very claim it supports.
    back = page.locator(".article-text .hl:target")
    back.click()
    page.wait_for_url(f"**/stories/{riyadh['story']}#claim-*")
    assert page.evaluate("document.querySelector(':target').textContent").count(claim["text"][:40]) >= 1
    context.close()


def test_conflict_values_and_matrix_dots_lead_to_their_evidence(riyadh, browser):
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(f"{riyadh['url']}/stories/{riyadh['story']}")
    value = page.locator("#conflicts .value-link").first
    expected = value.locator("strong").inner_text()
    landed = _follow(page, value)
    assert landed["count"] == 1 and expected in landed["text"]
    page.go_back()
    dots = page.locator("#matrix a.dot")
    assert dots.count() > 10
    assert _follow(page, dots.nth(3))["count"] == 1
    context.close()


def test_the_matrix_fits_a_laptop_and_keeps_its_claim_column(riyadh, browser, screenshots):
    brief = riyadh["brief"]
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(f"{riyadh['url']}/stories/{riyadh['story']}")
    wrap = page.locator("#matrix .matrix-wrap")
    wrap.scroll_into_view_if_needed()
    sizes = wrap.evaluate("e => ({scroll: e.scrollWidth, client: e.clientWidth})")
    assert sizes["scroll"] <= sizes["client"], sizes  # all eight outlets without scrolling sideways
    headers = page.locator("#matrix thead th.outlet-col")
    assert headers.count() == len(brief["outlets"])
    tones = [headers.nth(i).locator(".outlet").get_attribute("class") for i in range(headers.count())]
    assert len(set(tones)) == len(tones)  # eight outlets, eight colours
    # Scrolled sideways (a narrower window), the claims stay in view.
    page.set_viewport_size({"width": 700, "height": 768})
    wrap.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    claim_cell = page.locator("#matrix tbody th").first
    box, frame = claim_cell.bounding_box(), wrap.bounding_box()
    assert box["x"] >= frame["x"] - 1 and box["x"] + box["width"] <= frame["x"] + frame["width"]
    # Rows: conflicts, then corroborated, then single-outlet claims.
    statuses = page.locator("#matrix tbody tr").evaluate_all("rows => rows.map(r => r.className)")
    rank = {"row-conflict": 0, "row-corroborated": 1, "row-single": 2}
    assert [rank[s] for s in statuses] == sorted(rank[s] for s in statuses)
    page.set_viewport_size(WIDE)
    wrap.screenshot(path=screenshots / "matrix-1366.png")
    context.close()


TAB_STOPS = """[...document.querySelectorAll('a[href], button, summary, select, input, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && e.checkVisibility({visibilityProperty: true})
                 && !e.closest('details:not([open]) > :not(summary)')).length"""


def test_the_matrix_is_one_tab_stop_and_the_arrow_keys_move_through_it(riyadh, browser):
    """Issue 22: a story page had 193 tab stops. The matrix alone held over a hundred links (a claim and
    a dot per outlet); with its script it is one stop of the Tab key (besides its scrolling region), and
    the arrow keys, Home and End move between its links. Without the script every link is a stop."""
    url = riyadh["url"]
    plain = browser.new_context(viewport=WIDE, java_script_enabled=False)
    page = plain.new_page()
    page.goto(f"{url}/stories/{riyadh['story']}")
    links = page.locator("#matrix-table tbody a[href]").count()
    without = page.evaluate(TAB_STOPS)
    plain.close()
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(f"{url}/stories/{riyadh['story']}")
    # One link of the table instead of all of them, and the outlet filter the script shows.
    assert links > 100 and page.evaluate(TAB_STOPS) == without - links + 1 + 1
    assert page.locator(".matrix-keys").is_visible()
    page.get_by_label("Show the claims of").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('matrix-wrap')")
    page.keyboard.press("Tab")
    focused = "document.activeElement.closest('tbody tr') && [document.activeElement.className, " \
              "document.activeElement.closest('tbody tr').rowIndex, document.activeElement.closest('th, td').cellIndex]"
    assert page.evaluate(focused) == ["claim-link", 1, 0]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#matrix-table')") is None  # out of the table at once
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == ["claim-link", 1, 0]
    page.keyboard.press("ArrowRight")  # the conflict's first value
    assert page.evaluate(focused)[0] == "cell-value"
    column = page.evaluate(focused)[2]
    page.keyboard.press("ArrowDown")  # the next claim that outlet reports, in its column
    cls, row, cell = page.evaluate(focused)
    assert cls == "dot" and row > 1 and cell == column
    page.keyboard.press("End")  # the row's last link
    assert page.evaluate("document.activeElement === [...document.activeElement.closest('tr').querySelectorAll('a[href]')].pop()")
    assert page.evaluate(focused)[1] == row
    page.keyboard.press("Home")
    assert page.evaluate(focused)[:2] == ["claim-link", row]
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # a dot leads to its outlet's sentence
    page.wait_for_url("**/articles/**#at-*")
    assert _landed(page)["count"] == 1
    context.close()


def test_the_timeline_draws_one_mark_per_entry_each_leading_to_it(riyadh, browser, screenshots):
    brief = riyadh["brief"]
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{riyadh['url']}/stories/{riyadh['story']}")
    chart = page.locator("#timeline svg.timeline-chart")
    assert chart.locator(".mark").count() == len(brief["timeline"]) == page.locator("ol.timeline > li").count()
    assert chart.locator(".entry.conflict").count() >= 1  # the entry resting on the disputed sentence
    chart.screenshot(path=screenshots / "timeline-1366.png")
    entry = chart.locator("a.entry").nth(2)
    entry.click()
    target = page.locator("ol.timeline > li:target")
    assert target.count() == 1 and target.locator("a.cite-link").count() >= 1
    # One date format for readers: the chart, the list and the articles all write "14 Feb 2025".
    days = page.locator("ol.timeline time, .article-meta time").all_text_contents()  # those collapsed too
    assert days and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{4}|\d{4}", d) for d in days), days
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "story-390.png", full_page=True)
    assert page.errors == []
    context.close()


def test_the_storyline_page_reads_as_cards_and_the_search_button_stays_whole(riyadh, browser, screenshots):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{riyadh['url']}/search?q=war")
    button = page.get_by_role("button", name="Search")
    # One line of text ("Search", not "Searc" over "h"), inside the button.
    assert button.evaluate("b => { const r = document.createRange(); r.selectNodeContents(b); "
                           "return r.getClientRects().length; }") == 1
    assert button.evaluate("b => b.scrollWidth <= b.clientWidth")
    threads = httpx.get(f"{riyadh['url']}/api/storylines").json()["items"]
    page.goto(f"{riyadh['url']}/storylines/{threads[0]['id']}")
    assert page.locator("h1").inner_text() != threads[0]["title"]  # its thread, not its latest story
    card = page.locator(".thread-card").first
    assert float(card.evaluate("e => parseFloat(getComputedStyle(e).paddingLeft)")) >= 12
    pills = card.locator(".outlet")
    widest = max(pills.nth(i).bounding_box()["width"] for i in range(pills.count()))
    assert widest < card.bounding_box()["width"] / 2  # pills, not bars
    assert page.locator("svg.timeline-chart .mark").count() == threads[0]["timeline_count"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "storyline-390.png", full_page=True)
    page.set_viewport_size(WIDE)
    page.screenshot(path=screenshots / "storyline-1366.png", full_page=True)
    context.close()


def test_no_serious_accessibility_violation_on_any_page_type(riyadh, browser, screenshots):
    """axe-core (axe-playwright-python) on every kind of page, at 1366 and 390 px: nothing serious or
    critical. Each page is also written, whole, as page-<type>-<width>.png for review."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="needs axe-playwright-python").Axe()
    brief, url = riyadh["brief"], riyadh["url"]
    entity = quote_path(brief["entities"][0]["name"])
    threads = httpx.get(f"{url}/api/storylines").json()["items"]
    pages = {"stories": "/", "latest": "/?order=latest", "story": f"/stories/{riyadh['story']}",
             "article": f"/articles/{brief['articles'][0]['id']}", "entity": f"/entities/{entity}",
             "search": "/search?q=war", "sources": "/sources", "storylines": "/storylines",
             "storyline": f"/storylines/{threads[0]['id']}", "blindspots": "/blindspots", "api-docs": "/api/docs"}
    found = {}
    for viewport in (WIDE, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for kind, path in pages.items():
            page.goto(url + path)
            results = axe.run(page)
            serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
                       if v["impact"] in ("serious", "critical")]
            if serious:
                found[(viewport["width"], path)] = serious
            page.screenshot(path=screenshots / f"page-{kind}-{viewport['width']}.png", full_page=True)
        context.close()
    assert found == {}
    for kind in pages:  # every page type at both widths, for a reviewer to look at
        for width in (1366, 390):
            shot = screenshots / f"page-{kind}-{width}.png"
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000, shot
