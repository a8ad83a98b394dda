"""The web server: HTML pages for people and a JSON API (under /api) with the same data.

Read-only unless a token is configured; then `POST /api/articles` with `Authorization: Bearer
TOKEN` ingests articles through the same pipeline as `storyline ingest`. Every response carries a
strict Content-Security-Policy (scripts only from this server), nosniff and no-referrer."""

from __future__ import annotations

import hmac
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Sequence

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.datastructures import URL, Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.api_models import (
    ERRORS,
    INGEST_BODY,
    ArticleIn,
    ArticlePage,
    BlindspotList,
    Brief,
    EntityPage,
    IngestResult,
    IsoDay,
    OutletList,
    Problem,
    SearchResults,
    StoryCoverage,
    Storyline,
    StorylineList,
    StoryList,
)
from storyline.brief import load_storyline, load_storylines
from storyline.errors import StoreError
from storyline.params import MAX_NAME_CHARS, MAX_OFFSET
from storyline.progressions import with_progressions
from storyline.settings import Settings
from storyline.web import coverage, pages
from storyline.web.filters import FilterError, story_filters
from storyline.web.routes import render
from storyline.web.routes import router as html

CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
                           "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


@dataclass
class ServerConfig:
    """What one server was started with; held in app.state.storyline."""

    db: str
    token: str | None
    max_body_bytes: int
    settings: Settings
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    readers: pages.Readers = field(init=False)

    def __post_init__(self) -> None:
        self.readers = pages.Readers(self.db)


# --- the JSON API -----------------------------------------------------------------------------

api = APIRouter(prefix="/api", tags=["api"])


def _config(request: Request) -> ServerConfig:
    return request.app.state.storyline


def _json(data: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status_code, headers=headers)


def _paged(request: Request, items: list[Any], total: int, limit: int, offset: int, **extra: Any) -> JSONResponse:
    """A list in the one envelope, `{items, total, limit, offset}` (and any `extra` fields), with a `Link`
    header to the next and previous pages where there are any. The links are relative references
    (RFC 8288): the pages are wherever the client reached this one, and nothing of the request's Host
    header is echoed back."""
    here = URL(f"{request.url.path}?{request.url.query}")
    links = []
    if offset + limit < total:
        links.append(f'<{here.include_query_params(offset=offset + limit)}>; rel="next"')
    if offset > 0:
        links.append(f'<{here.include_query_params(offset=max(min(offset, total) - limit, 0))}>; rel="prev"')
    headers = {"Link": ", ".join(links)} if links else None
    return _json({**extra, "items": items, "total": total, "limit": limit, "offset": offset}, headers=headers)


_LINK = {"description": 'rel="next" / rel="prev": the neighbouring pages, where there are any',
         "schema": {"type": "string"}}
_PAGED: dict[int | str, dict[str, Any]] = {200: {"headers": {"Link": _LINK}}}
_FILTERED: dict[int | str, dict[str, Any]] = {**_PAGED, 404: {"model": Problem, "description": "no such outlet"}}
Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]


@api.get("/stories", name="api_stories", response_model=StoryList, responses=_FILTERED, summary="Stories, newest first")
def api_stories(
    request: Request,
    limit: Limit = 20,
    offset: Offset = 0,
    since: Annotated[IsoDay, Query(description="stories still running on or after this day")] = None,
    until: Annotated[IsoDay, Query(description="stories that had started by this day")] = None,
    outlet: Annotated[str | None, Query(description="only stories this outlet reported (404 if it has no article)")] = None,
    entity: Annotated[str | None, Query(max_length=MAX_NAME_CHARS,
                                        description="only stories mentioning this name (or an alias of it)")] = None,
) -> JSONResponse:
    """A page of story summaries, newest first, in the order of `storyline stories`: dates, counts and
    the top conflict of each. A story's whole brief is at `/api/stories/{id}`."""
    with _config(request).readers.reading() as store:
        try:
            filters = story_filters(store, since=since.isoformat() if since else None,
                                    until=until.isoformat() if until else None, outlet=outlet, entity=entity)
        except FilterError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        briefs = pages.load_briefs(store, store.story_rows(filters, limit=limit, offset=offset))
        total = store.count_stories(filters)
    return _paged(request, [pages.story_summary(brief) for brief in briefs], total, limit, offset)


@api.get("/stories/{story_id}", response_model=Brief, responses=ERRORS, summary="One story's brief")
def api_story(request: Request, story_id: str) -> JSONResponse:
    """The brief exactly as `storyline show ID --json`; a unique id prefix or a merged story's id works too."""
    with _config(request).readers.reading() as store:
        brief = pages.story_brief(store, story_id)
    if brief is None:
        raise HTTPException(404, f"no story {story_id!r}; GET /api/stories lists them")
    return _json(brief)


@api.get("/stories/{story_id}/coverage", response_model=StoryCoverage, responses=ERRORS,
         summary="Who reports a story, by the outlets' labels and countries")
def api_story_coverage(request: Request, story_id: str) -> JSONResponse:
    """The story page's coverage box as data: the story's outlets counted by each label key of the
    user's outlet file (`storyline sources import`) and by country, and the outlets active in the
    story's window that have no article in it."""
    with _config(request).readers.reading() as store:
        brief = pages.story_brief(store, story_id)
        if brief is None:
            raise HTTPException(404, f"no story {story_id!r}; GET /api/stories lists them")
        seen = coverage.story_coverage(store, brief)
    bars = [{"key": bar["key"], "total": bar["total"],
             "parts": [{"value": part["value"], "count": part["count"], "outlets": part["outlets"]} for part in bar["parts"]]}
            for bar in seen["bars"]]
    return _json({"story": brief["id"], "bars": bars, "not_covered": seen["not_covered"],
                  "window": list(seen["window"]) if seen["window"] else None, "described": seen["described"]})


@api.get("/blindspots", response_model=BlindspotList, responses=_PAGED, summary="Stories one side alone reports")
def api_blindspots(request: Request, limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
    """Stories every outlet of which (at least two) has one value of a label of the user's outlet file,
    while outlets of another value were publishing that week, newest first: the `/blindspots` page."""
    with _config(request).readers.reading() as store:
        found = coverage.blindspots(store)["blindspots"]
    items = [{"story": {key: spot["story"][key] for key in ("id", "title", "first_seen", "last_seen", "outlets")},
              "key": spot["key"], "value": spot["value"], "missing": spot["missing"]} for spot in found]
    return _paged(request, items[offset:offset + limit], len(items), limit, offset)


@api.get("/articles/{article_id}", response_model=ArticlePage, responses=ERRORS, summary="One article")
def api_article(request: Request, article_id: str) -> JSONResponse:
    """An article's text, its story, and every annotated span (claims, quotes, timeline, entities)."""
    with _config(request).readers.reading() as store:
        data = pages.article_data(store, article_id)
    if data is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return _json(data)


@api.get("/entities/{key:path}", response_model=EntityPage, responses=ERRORS, summary="One entity over time")
def api_entity(request: Request, key: Annotated[str, PathParam(max_length=MAX_NAME_CHARS)]) -> JSONResponse:
    """A person, organisation or place by name or alias (any case): mentions per day, quotes, stories."""
    with _config(request).readers.reading() as store:
        data = pages.entity_data(store, key)
    if data is None:
        raise HTTPException(404, f"no entity {key!r}")
    return _json(data)


@api.get("/search", name="api_search", response_model=SearchResults, responses=_PAGED,
         summary="Full-text search over articles")
def api_search(request: Request,
               q: Annotated[str, Query(min_length=1, description="words that must all occur; word* for a prefix")],
               limit: Annotated[int, Query(ge=1, le=200, description="items per page (snippets cost: 200 at most)")] = 20,
               offset: Offset = 0) -> JSONResponse:
    """Articles matching every word, best first, each with a snippet whose matching words are marked."""
    with _config(request).readers.reading() as store:
        data = pages.search_data(store, q, limit, offset)
    return _paged(request, data["items"], data["total"], limit, offset, query=data["query"])


@api.get("/storylines", response_model=StorylineList, responses=_PAGED, summary="Storylines, newest first")
def api_storylines(request: Request, limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
    """Threads of linked stories, each with its stories (oldest first) and counts; a storyline's merged
    timeline is at `/api/storylines/{id}`."""
    with _config(request).readers.reading() as store:
        threads = load_storylines(store)
    return _paged(request, [pages.storyline_summary(thread) for thread in threads[offset:offset + limit]],
                  len(threads), limit, offset)


@api.get("/storylines/{storyline_id}", response_model=Storyline, responses=ERRORS, summary="One storyline")
def api_storyline(request: Request, storyline_id: str) -> JSONResponse:
    """One storyline by its id (as `/api/storylines` lists it): its stories, what changed across them
    (progressions) and one merged timeline."""
    with _config(request).readers.reading() as store:
        thread = load_storyline(store, storyline_id)
        thread = with_progressions(store, thread) if thread else None
    if thread is None:
        raise HTTPException(404, f"no storyline {storyline_id!r}")
    return _json(thread)


@api.get("/sources", response_model=OutletList, responses=_PAGED, summary="Outlets and their feeds")
def api_sources(request: Request, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    """Every outlet, most articles first: articles, stories, days active, claims it alone reports,
    conflicts it is part of (0 until claims have been computed), and the state of each feed it comes
    from (last success, last error, next poll), as `storyline sources` shows them."""
    with _config(request).readers.reading() as store:
        outlets = pages.sources_data(store)["outlets"]
    return _paged(request, outlets[offset:offset + limit], len(outlets), limit, offset)


@api.post("/articles", response_model=IngestResult, summary="Ingest articles (needs the server's token)",
          openapi_extra={"requestBody": INGEST_BODY},
          responses={401: {"model": Problem, "description": "missing or wrong `Authorization: Bearer TOKEN`"},
                     403: {"model": Problem, "description": "the server was started without a token: read-only"},
                     413: {"model": Problem, "description": "the body is over the server's limit"},
                     422: {"model": Problem, "description": "not JSON, or not articles; `detail` says where"}})
async def api_ingest(request: Request) -> JSONResponse:
    """Add one article or an array of them, exactly like `storyline ingest` of a JSON file: duplicates
    are recognised, each article joins a story. All-or-nothing on validation: any invalid article
    rejects the request (422) before anything is stored."""
    config = _config(request)
    if config.token is None:
        raise HTTPException(403, "this server is read-only: start it with a token (--token or STORYLINE_TOKEN) "
                                 "to accept articles")
    if not _authorized(request, config.token):
        raise HTTPException(401, "send the server's token as `Authorization: Bearer TOKEN`",
                            headers={"WWW-Authenticate": 'Bearer realm="storyline"'})
    body = await _read_body(request, config.max_body_bytes)
    records = _validate_articles(body)
    result = await run_in_threadpool(_ingest, config, records)
    return _json(result)


def _authorized(request: Request, token: str) -> bool:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(credentials.strip().encode(), token.encode())


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past `limit` bytes: by Content-Length first, then by counting
    what actually arrives (a chunked body, or a client that lies about its length)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise HTTPException(400, "Content-Length is not a number")
        if int(declared) > limit:
            raise HTTPException(413, f"the body is {int(declared):,} bytes, over this server's limit of {limit:,}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is over this server's limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _validate_articles(body: bytes) -> list[ArticleIn]:
    try:
        value = json.loads(body)
    except RecursionError:
        raise RequestValidationError([{"loc": ["body"], "msg": "JSON nested too deeply", "type": "json_invalid"}])
    except ValueError as exc:
        where = f" at line {exc.lineno} column {exc.colno}" if hasattr(exc, "lineno") else ""
        message = f"not valid JSON ({getattr(exc, 'msg', exc)}{where})"
        raise RequestValidationError([{"loc": ["body"], "msg": message, "type": "json_invalid"}]) from None
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    items = value if isinstance(value, list) else [value]
    if not items:
        raise RequestValidationError([{"loc": ["body"], "msg": "no articles: send an object or a non-empty array",
                                       "type": "value_error"}])
    records, errors = [], []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append({"loc": ["body", index], "type": "model_type",
                           "msg": f"expected an object with 'text', got {type(item).__name__}"})
            continue
        try:
            records.append(ArticleIn.model_validate(item))
        except ValidationError as exc:
            errors.extend({"loc": ["body", index, *error["loc"]], "msg": error["msg"], "type": error["type"]}
                          for error in exc.errors(include_url=False, include_context=False, include_input=False))
    if errors:
        raise RequestValidationError(errors)
    return records


def _ingest(config: ServerConfig, records: list[ArticleIn]) -> dict[str, Any]:
    from storyline.model import Rejection
    from storyline.pipeline import ingest
    from storyline.sources.files import read_bytes
    from storyline.store import open_store

    payload = json.dumps([r.model_dump(exclude_none=True) for r in records], ensure_ascii=False).encode("utf-8")
    items = list(read_bytes(payload, "<api>", ".json", "api", None, Settings()))
    rejected = [item for item in items if isinstance(item, Rejection)]
    if rejected:
        raise RequestValidationError([{"loc": ["body", _index(r.origin)], "msg": r.message, "type": "value_error"}
                                      for r in rejected])
    settings = config.settings
    with config.write_lock, open_store(config.db, create=True) as store:
        report = ingest(items, store, settings)
        stories = store.count("stories")
    return {"ingested": report.ingested, "updated": report.updated, "duplicates": report.duplicates,
            "rejected": [{"origin": r.origin, "message": r.message} for r in report.rejected],
            "new_stories": report.new_stories, "story_count": stories,
            "articles": [report.article_of.get(item.origin) for item in items]}


def _index(origin: str) -> int | str:
    number = origin.rpartition("#")[2]
    return int(number) - 1 if number.isdigit() else origin


# --- the application --------------------------------------------------------------------------


class SecurityHeaders:
    """Adds the security headers to every response, pages, JSON, static files and errors alike, and
    makes a redirect to this server relative: its Location never repeats the request's Host header.

    (An unhandled error's 500 is made outside every middleware; `_server_error` adds the same headers.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host", "").lower()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(name, _relative_location(value, host) if name.lower() == b"location" else value)
                           for name, value in message.get("headers", [])]
                names = {name.lower() for name, _ in headers}
                message["headers"] = [*headers, *((n, v) for n, v in SECURITY_HEADERS if n not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _relative_location(value: bytes, host: str) -> bytes:
    """A Location pointing at the request's own Host, as a path: the browser resolves it against the
    address it actually used, so a forged Host header cannot steer a redirect."""
    location = URL(value.decode("latin-1"))
    if location.netloc and location.netloc.lower() == host:
        return (location.path + (f"?{location.query}" if location.query else "")).encode("latin-1")
    return value


class AllowedHosts:
    """Refuses (400) a request whose Host header names none of the allowed hosts: a web page on another
    site that points its own name at 127.0.0.1 (DNS rebinding) cannot read this server."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str]) -> None:
        self.app = app
        self.any = "*" in hosts
        self.hosts = {host_name(host) for host in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and not self.any:
            name = host_name(Headers(scope=scope).get("host", ""))
            if name not in self.hosts:
                response = PlainTextResponse("this server does not answer to that Host header; start it with "
                                             "--allowed-host NAME to serve it under another name", status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def host_name(host: str) -> str:
    """The host of a Host header or an address, without port or brackets, lower case: `[::1]:8000` → `::1`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def default_allowed_hosts(bound: str) -> list[str]:
    """The names a server bound to `bound` answers to unless told otherwise: that address and localhost."""
    return list(dict.fromkeys([bound, "localhost", "127.0.0.1", "::1"]))


def create_app(db: str, *, token: str | None = None, max_body_bytes: int = 1_000_000,
               settings: Settings | None = None, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The ASGI app serving the database `db`. With a token, `POST /api/articles` accepts articles
    from clients that send it (and a missing database is created); without one the server only reads.
    `settings` (from the CLI's flags and environment) configures ingestion; defaults otherwise.
    `allowed_hosts`: the Host names it answers to (`serve` always gives them); None answers to any,
    for tests and for a proxy in front that checks them."""
    from storyline.store import is_postgres_url, open_store

    path: str | Path = db if is_postgres_url(db) else Path(db)
    if token is not None and not token.strip():
        raise ValueError("the token is empty; give a secret, or no token for a read-only server")
    if isinstance(path, str):
        open_store(path, create=token is not None).close()
    elif not path.exists():
        if token is None:
            raise StoreError(f"{path}: no such database; run `storyline ingest PATH --db {path}` first")
        open_store(path, create=True).close()
    app = FastAPI(title="storyline", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Stories across outlets, with provenance. Every page of the web UI has a JSON "
                              "twin here. Read-only unless the server has a token.")
    app.state.storyline = ServerConfig(db=str(path), token=token, max_body_bytes=max_body_bytes,
                                       settings=(settings or Settings()).with_db(path))
    app.include_router(api)
    app.include_router(html)
    app.mount("/static", StaticFiles(packages=[("storyline", "web/static")]), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
    if allowed_hosts is not None:
        app.add_middleware(AllowedHosts, hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)  # last added, outermost: on the refusals above too
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(f"{request.scope.get('root_path', '')}/api/")


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse | HTMLResponse:
    """JSON errors under /api; an HTML page for people everywhere else."""
    headers = getattr(exc, "headers", None)
    if _is_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    detail = "There is no page at this address." if exc.detail == "Not Found" else exc.detail
    return render(request, "error.html", status_code=exc.status_code, status=exc.status_code, detail=detail)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse | HTMLResponse:
    errors = [{key: error[key] for key in ("loc", "msg", "type") if key in error} for error in exc.errors()]
    if _is_api(request):
        return JSONResponse({"detail": errors}, status_code=422)
    # A page answers 400, as it does for a filter it cannot use (web.filters); the API keeps FastAPI's
    # documented 422 with the same messages.
    detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in errors)
    return render(request, "error.html", status_code=400, status=400, detail=detail)


async def _server_error(request: Request, exc: Exception) -> JSONResponse | HTMLResponse:
    """An unexpected error: a plain 500 with the security headers every other response has (this
    handler runs outside the middleware that adds them), and no detail of the error."""
    headers = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
    if _is_api(request):
        return JSONResponse({"detail": "internal error; the server's log has the details"}, status_code=500,
                            headers=headers)
    return HTMLResponse("<!doctype html><title>500 · storyline</title><h1>Something went wrong</h1>"
                        "<p>The server's log has the details.</p>", status_code=500, headers=headers)


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, *,
          settings: Settings | None = None, max_body_bytes: int = 1_000_000,
          allowed_hosts: Sequence[str] | None = None) -> None:
    """Run the server until interrupted (uvicorn, one process). It answers only to the Host names
    allowed: by default the address it is bound to and localhost."""
    import uvicorn

    app = create_app(db, token=token, max_body_bytes=max_body_bytes, settings=settings,
                     allowed_hosts=list(allowed_hosts) if allowed_hosts else default_allowed_hosts(host))
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
