"""Finding an entity by a name as a person types it: the one lookup the CLI (`storyline entity`)
and the web (/entities/…, /api/entities/…) share."""

from __future__ import annotations

from typing import Any

from storyline.analyze.name_matching import same_name
from storyline.store import Store


def find_entity(store: Store, name: str) -> dict[str, Any] | None:
    """The entity a name stands for, however an outlet spells it: canonical name, type, aliases,
    `forms` (every spelling its mentions are looked up by) and its mention count; None if no story
    names it.

    A spelling some article or brief uses (any case, or a titled alias such as "Secretary Rubio") is
    found through the store's indexes; another spelling ("Mr Zelenskiy") through the stories'
    entities, by analyze.name_matching.same_name, earliest story first."""
    record = store.entity_record(name)
    if record is not None:
        return record
    for _, brief in store.briefs_with_speaker():
        for entity in brief.get("entities") or []:
            if not isinstance(entity, dict) or not isinstance(entity.get("name"), str):
                continue
            if any(same_name(name, spelling) for spelling in [entity["name"], *(entity.get("aliases") or [])]):
                return store.entity_record(entity["name"])
    return None


def names_entity(record: dict[str, Any], entity: dict[str, Any]) -> bool:
    """Whether a story's entity (from its brief) is the entity find_entity found."""
    spellings = {entity.get("name"), *(entity.get("aliases") or [])}
    return bool(spellings & set(record["forms"])) or same_name(record["name"], str(entity.get("name") or ""))
