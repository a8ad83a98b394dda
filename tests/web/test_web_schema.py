"""The JSON API against its own OpenAPI schema: Schemathesis generates requests from the schema that a
live `storyline serve` (its own process, 127.0.0.1) serves at /api/openapi.json, and checks every
answer: no server error, and status, content type, headers and body as the schema documents them."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from conftest import bench_module
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from web_support import demo_copy, enrich_motivating_story

EXAMPLES = 25
serving = bench_module("serving").serving


TOKEN = "schema-test-token"


@pytest.fixture(scope="module")
def live_server(demo_db, tmp_path_factory):
    """`storyline serve` over a copy of the demo whose motivating story carries claims and a conflict."""
    db = demo_copy(demo_db, tmp_path_factory.mktemp("schema"))
    enrich_motivating_story(db)
    with serving(["--db", str(db)]) as base:
        yield base


@pytest.fixture(scope="module")
def writable_server(demo_db, tmp_path_factory):
    """`storyline serve --token` over a copy of the demo: POST /api/articles stores what it is sent."""
    with serving(["--db", str(demo_copy(demo_db, tmp_path_factory.mktemp("schema-write"))), "--token", TOKEN]) as base:
        yield base


def _check(strategy, examples: int, excluded: list | None = None) -> str | None:
    """Run `examples` generated requests and validate every answer; the failure, described, or None."""

    @given(case=strategy)
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        case.call_and_validate(excluded_checks=excluded, timeout=120)  # the first POST loads the models

    try:
        check()
    except Unsatisfiable:
        return None  # no invalid request exists (a path parameter that may be any string, say)
    except (Exception, BaseExceptionGroup) as exc:  # every operation runs; failures are reported together
        inner = "".join(f"\n  {type(e).__name__}: {e}" for e in getattr(exc, "exceptions", ()))
        return f"{type(exc).__name__}: {exc}{inner}"
    return None


def test_generated_requests_get_answers_that_match_the_served_schema(live_server):
    """Every operation of the served schema, EXAMPLES valid and EXAMPLES invalid requests each
    (Schemathesis's pytest plugin does not run under pytest 9, so its strategies are driven here)."""
    schema = schemathesis.openapi.from_url(f"{live_server}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    failures = {f"{operation.label} ({mode.value})": failure for operation in operations for mode in GenerationMode
                if (failure := _check(operation.as_strategy(generation_mode=mode), EXAMPLES))}
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures.items())


def test_every_story_article_entity_and_storyline_matches_the_served_schema(live_server):
    """Generated ids find nothing (404); the demo's real ones, with generated query strings where an
    operation takes any, must give answers that match the schema too."""
    schema = schemathesis.openapi.from_url(f"{live_server}/api/openapi.json")
    listed = httpx.get(f"{live_server}/api/stories?limit=500").json()["items"]
    stories = [httpx.get(f"{live_server}/api/stories/{story['id']}").json() for story in listed]
    threads = httpx.get(f"{live_server}/api/storylines?limit=500").json()["items"]
    known = {
        ("/api/stories/{story_id}", "story_id"): [story["id"] for story in stories],
        ("/api/articles/{article_id}", "article_id"): [a["id"] for story in stories for a in story["articles"]],
        ("/api/entities/{key}", "key"): sorted({e["name"] for story in stories for e in story["entities"]})[:40],
        ("/api/storylines/{storyline_id}", "storyline_id"): [thread["id"] for thread in threads],
    }
    failures = {}
    for (path, name), values in known.items():
        assert values, path
        operation = schema[path]["GET"]
        for value in values:
            case = operation.Case(path_parameters={name: value})
            response = case.call()
            if response.status_code != 200:
                failures[f"{path} {value}"] = f"HTTP {response.status_code}"
            elif failure := _check(operation.as_strategy(path_parameters={name: value}), 2):
                failures[f"{path} {value}"] = failure
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures.items())


def test_posted_articles_get_answers_that_match_the_served_schema(writable_server):
    """With the token, valid articles are stored (200) and invalid ones refused (422), as documented.
    `date` is any text in the schema (ISO 8601 or RFC 2822 cannot be one pattern), so a generated
    date the server cannot read is refused with a 422 the schema allows: Schemathesis's check that
    every schema-valid body is accepted is left out here, and only here."""
    schema = schemathesis.openapi.from_url(f"{writable_server}/api/openapi.json")
    operation = schema["/api/articles"]["POST"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    failures = {mode.value: failure for mode in GenerationMode
                if (failure := _check(operation.as_strategy(generation_mode=mode, headers=auth), 8,
                                      excluded=[schemathesis.checks.positive_data_acceptance]))}
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures.items())
    assert httpx.get(f"{writable_server}/api/search?q=a*").status_code == 200
