"""The HTML pages of the server: each renders the same data its /api/… twin returns.

Reading works without JavaScript; htmx (served from /static) only makes filters apply on change,
search update as you type and "older stories" append in place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from storyline.brief import load_storyline, load_storylines
from storyline.errors import StorylineError
from storyline.params import MAX_NAME_CHARS, MAX_OFFSET
from storyline.progressions import kept_for, newest_story_storyline, with_progressions
from storyline.web import coverage, pages, templates
from storyline.web.apidocs import api_reference
from storyline.web.filters import FilterError, story_filters
from storyline.web.views import (
    ServerLinks,
    cited_html,
    outlet_tones,
    progression_views,
    statements_said,
    story_view,
)

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20


def links_for(request: Request) -> ServerLinks:
    return ServerLinks(request.scope.get("root_path", ""))


def render(request: Request, name: str, status_code: int = 200, together: Iterable[str] = (),
           **context: Any) -> HTMLResponse:
    """A page from its template; `together` names the outlets it shows side by side (a story's), whose
    colours must differ (see views.outlet_tones)."""
    html = templates().get_template(name).render(links=links_for(request), tones=_tones(request, together),
                                                 **context)
    return HTMLResponse(html, status_code=status_code)


def _tones(request: Request, together: Iterable[str]) -> dict[str, int]:
    """Every outlet's colour, assigned in alphabetical order (an error page without a store has none)."""
    try:
        with _readers(request).reading() as store:
            return outlet_tones(store.outlet_names(), together)
    except StorylineError:
        return {}


def _readers(request: Request) -> pages.Readers:
    return request.app.state.storyline.readers


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, since: str | None = None, until: str | None = None, outlet: str | None = None,
                 entity: str | None = Query(None, max_length=MAX_NAME_CHARS), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                 order: Literal["top", "latest"] = "top") -> HTMLResponse:
    """The home page: top stories (web/top.py) or, with order=latest, the newest first."""
    readers = _readers(request)
    with readers.reading() as store:
        try:
            filters = story_filters(store, since=since, until=until, outlet=outlet, entity=entity)
        except FilterError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        ranked = readers.top_story_ids(store, filters) if order == "top" else None
        data = pages.stories_data(store, filters, PAGE_SIZE, offset, order=order, ranked=ranked)
    params = {k: v for k, v in data["filters"].items() if v}
    api = f"{links_for(request).prefix}/api/stories?" + urlencode({**params, "limit": PAGE_SIZE, "offset": offset})
    return render(request, "stories.html", section="stories", params=params, json_url=api, **data)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    with _readers(request).reading() as store:
        brief = pages.story_brief(store, story_id)
        seen = coverage.story_coverage(store, brief) if brief else None
        # the newest story of a storyline shows what changed across the storyline's stories
        found = newest_story_storyline(store, brief["id"]) if brief else None
        kept = kept_for(store, *found) if found else []
        thread = {"id": found[0]} if found else None  # what the page links to
        changed = None if kept is None else progression_views(kept)  # None: not yet computed
    if brief is None:
        raise HTTPException(404, f"No story {story_id!r}.")
    return render(request, "story.html", section="stories", together=brief["outlets"], story=brief,
                  view=story_view(brief), coverage=seen, changed=changed, thread=thread,
                  json_url=f"{links_for(request).prefix}/api/stories/{brief['id']}")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    with _readers(request).reading() as store:
        data = pages.article_data(store, article_id)
    if data is None:
        raise HTTPException(404, f"No article {article_id!r}.")
    links = links_for(request)
    text_html = cited_html(data["article"]["text"], pages.highlights(data, links))
    kinds = sorted({span["kind"] for span in data["spans"]})
    together = data["story"]["outlets"] if data["story"] else [data["article"]["source"]]
    return render(request, "article.html", section="stories", together=together, text_html=text_html, kinds=kinds,
                  json_url=f"{links.prefix}/api/articles/{article_id}", **data)


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, key: str = Path(max_length=MAX_NAME_CHARS)) -> HTMLResponse:
    with _readers(request).reading() as store:
        data = pages.entity_data(store, key)
    if data is None:
        raise HTTPException(404, f"Nothing is known about {key!r} yet: entities appear once the analysis "
                                 "stage has found them in the articles.")
    busiest = max((day["mentions"] for day in data["by_day"]), default=0)
    return render(request, "entity.html", section="stories", busiest=busiest, said=statements_said(data["quotes"]),
                  json_url=f"{links_for(request).prefix}/api/entities/{quote(data['entity']['name'], safe='')}", **data)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> HTMLResponse:
    query = q.strip()
    data = {"query": query, "total": 0, "limit": PAGE_SIZE, "offset": offset, "items": []}
    if query:
        with _readers(request).reading() as store:
            data = pages.search_data(store, query, PAGE_SIZE, offset)
    return render(request, "search.html", section="search",
                  json_url=f"{links_for(request).prefix}/api/search?" + urlencode({"q": query}) if query else None,
                  **data)


@router.get("/storylines", response_class=HTMLResponse)
def storylines_page(request: Request) -> HTMLResponse:
    with _readers(request).reading() as store:
        threads = load_storylines(store)
        views = {thread["id"]: pages.storyline_view(store, thread) for thread in threads}
    return render(request, "storylines.html", section="storylines", threads=threads, views=views,
                  json_url=f"{links_for(request).prefix}/api/storylines")


@router.get("/storylines/{storyline_id}", response_class=HTMLResponse)
def storyline_page(request: Request, storyline_id: str) -> HTMLResponse:
    with _readers(request).reading() as store:
        thread = load_storyline(store, storyline_id)
        thread = with_progressions(store, thread) if thread else None
        view = pages.storyline_view(store, thread) if thread else None
    if thread is None:
        raise HTTPException(404, f"No storyline {storyline_id!r}.")
    together = [outlet for story in thread.get("stories") or [] for outlet in story.get("outlets") or []]
    return render(request, "storylines.html", section="storylines", together=together, threads=[thread], single=True,
                  views={thread["id"]: view},
                  json_url=f"{links_for(request).prefix}/api/storylines/{thread['id']}")


@router.get("/blindspots", response_class=HTMLResponse)
def blindspots_page(request: Request) -> HTMLResponse:
    """Stories that outlets of one label value alone report (web/coverage.py)."""
    with _readers(request).reading() as store:
        data = coverage.blindspots(store)
    return render(request, "blindspots.html", section="blindspots", json_url=None, **data)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    with _readers(request).reading() as store:
        data = pages.sources_data(store)
    return render(request, "sources.html", section="sources", json_url=f"{links_for(request).prefix}/api/sources",
                  **data)


@router.get("/api", response_class=HTMLResponse)
@router.get("/api/docs", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The JSON API's reference, rendered on the server from the served OpenAPI schema: every operation
    with its parameters, its answers and the fields of each. Swagger UI and ReDoc load their scripts
    from a CDN (and run inline script), which neither an offline machine nor this server's
    Content-Security-Policy allows; this page needs neither."""
    schema = request.app.openapi()
    return render(request, "api.html", section="api", operations=api_reference(schema),
                  schema_url=request.app.openapi_url)
