"""The brief's typed records (model.Brief and the records it holds) are what `show --json` prints:
every key a stage writes is declared with its type, and the shared contract's schema asks for
nothing the records leave out."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from conftest import SHARED, Cli
from storyline.model import (
    ArticleEntry,
    Brief,
    ClaimRecord,
    ConflictRecord,
    EntityEntry,
    EvidenceSpan,
    QuoteRecord,
    QuoteVariant,
    Storyline,
    SummaryLine,
    TimelineEntry,
    ValueRecord,
)

SCHEMA = SHARED / "contract" / "story.schema.json"


def required_keys(record: Any) -> set[str]:
    """A record's required keys, read from its hints: `__required_keys__` does not see NotRequired
    in a module that postpones its annotations (model.py does)."""
    return {key for key, hint in get_type_hints(record, include_extras=True).items() if get_origin(hint) is not NotRequired}


def problems(value: Any, hint: Any, where: str) -> list[str]:
    """Where a JSON value departs from a record type: a missing or undeclared key, a wrong type."""
    origin = get_origin(hint)
    if origin in (NotRequired, Required):
        return problems(value, get_args(hint)[0], where)
    if origin in (Union, types.UnionType):
        found = [problems(value, option, where) for option in get_args(hint)]
        return [] if any(not p for p in found) else min(found, key=len)
    if origin is Literal:
        return [] if value in get_args(hint) else [f"{where}: {value!r} is not one of {get_args(hint)}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {type(value).__name__}"]
        return [p for n, item in enumerate(value) for p in problems(item, get_args(hint)[0], f"{where}[{n}]")]
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {type(value).__name__}"]
        fields = get_type_hints(hint, include_extras=True)
        found = [f"{where}: missing {key!r}" for key in sorted(required_keys(hint)) if key not in value]
        found += [f"{where}: {key!r} is not declared in {hint.__name__}" for key in value if key not in fields]
        return found + [p for key, item in value.items() if key in fields
                        for p in problems(item, fields[key], f"{where}.{key}")]
    if hint is type(None):
        return [] if value is None else [f"{where}: expected null"]
    if hint is float:
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{where}: expected a number"]
    if hint in (int, str, bool):
        ok = isinstance(value, hint) and (hint is bool or not isinstance(value, bool))
        return [] if ok else [f"{where}: expected {hint.__name__}, got {value!r}"]
    raise AssertionError(f"{where}: no rule for {hint!r}")


@pytest.fixture(scope="module")
def demo_briefs(demo_db: Path) -> list[dict[str, Any]]:
    return Cli(demo_db).json("stories", "--json")


def test_every_demo_brief_is_a_brief_record(demo_briefs: list[dict[str, Any]]) -> None:
    assert len(demo_briefs) == 15  # the demo's fifteen stories (README: a short tour)
    assert problems(demo_briefs, list[Brief], "stories") == []
    # the records the demo gives each kind of: a conflict, an update-free claim, quotes, a timeline
    claims = [claim for brief in demo_briefs for claim in brief["claims"]]
    assert any(claim["conflict"] for claim in claims)
    assert any(claim.get("disputed") for claim in claims)
    assert all(brief["timeline"] and brief["summary"] for brief in demo_briefs if len(brief["articles"]) > 2)


def test_a_storyline_is_a_storyline_record(demo_db: Path) -> None:
    threads = Cli(demo_db).json("storylines", "--json")
    assert threads, "the demo has linked stories"
    assert problems(threads, list[Storyline], "storylines") == []


def test_an_undeclared_or_missing_key_is_found(demo_briefs: list[dict[str, Any]]) -> None:
    # the check itself: a brief a stage changed without its record would be told apart
    brief = json.loads(json.dumps(demo_briefs[0]))
    brief["claims"][0]["confidence"] = 0.9
    del brief["timeline"][0]["sources"]
    brief["claims"][0]["status"] = "likely"
    found = problems(brief, Brief, "brief")
    assert "brief.claims[0]: 'confidence' is not declared in ClaimRecord" in found
    assert "brief.timeline[0]: missing 'sources'" in found
    assert any(p.startswith("brief.claims[0].status: 'likely'") for p in found)


def _schema() -> dict[str, Any]:
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} not found (set STORYLINE_SHARED)")
    return typing.cast(dict[str, Any], json.loads(SCHEMA.read_text()))


def _records_of_schema() -> list[tuple[str, Any, Any]]:
    schema = _schema()
    props = schema["properties"]
    claim = props["claims"]["items"]
    return [
        ("story", schema, Brief),
        ("articles[]", props["articles"]["items"], ArticleEntry),
        ("entities[]", props["entities"]["items"], EntityEntry),
        ("quotes[]", props["quotes"]["items"], QuoteRecord),
        ("variant", schema["$defs"]["variant"], QuoteVariant),
        ("claims[]", claim, ClaimRecord),
        ("claims[].conflict", claim["properties"]["conflict"], ConflictRecord),
        ("claims[].conflict.values[]", claim["properties"]["conflict"]["properties"]["values"]["items"], ValueRecord),
        ("timeline[]", props["timeline"]["items"], TimelineEntry),
        ("summary[]", props["summary"]["items"], SummaryLine),
        ("span", schema["$defs"]["span"], EvidenceSpan),
    ]


@pytest.mark.parametrize("name", ["story", "articles[]", "entities[]", "quotes[]", "variant", "claims[]",
                                  "claims[].conflict", "claims[].conflict.values[]", "timeline[]", "summary[]", "span"])
def test_the_records_give_what_the_contract_requires(name: str) -> None:
    _, part, record = next(entry for entry in _records_of_schema() if entry[0] == name)
    declared = set(get_type_hints(record))
    assert set(part.get("required", ())) <= required_keys(record)
    assert set(part.get("properties", {})) <= declared
