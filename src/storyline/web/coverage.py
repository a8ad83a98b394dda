"""Coverage at a glance: who reports a story, counted by what the user says of each outlet
(`storyline sources import`: country and labels of their choosing, a lean say), who was publishing
that week and does not report it, and the blindspots, stories that outlets of one label value alone
report.

Everything counted comes from the user's file and the stored articles; an outlet the file does not
describe is counted as "not labelled", never guessed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from storyline.store import Store

# "That week": the days of a story and this many days either side of them.
WINDOW_DAYS = 3
# A blindspot needs at least this many outlets, all of one label value: one outlet alone is no pattern.
BLINDSPOT_OUTLETS = 2
BLINDSPOT_LIMIT = 100
TONES = 8  # colours of label values (coverage tones in style.css); "not labelled" is grey


def label_values(profiles: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Every label key the user gave (and "country" where they gave countries), with its values, sorted:
    a value's place in its list is its colour, the same on every story."""
    values: dict[str, set[str]] = {}
    for profile in profiles.values():
        for key, value in profile["labels"].items():
            values.setdefault(key, set()).add(value)
    keys = {key: sorted(found) for key, found in sorted(values.items())}
    countries = sorted({p["country"] for p in profiles.values() if p.get("country")})
    if countries:
        keys["country"] = countries
    return keys


def outlet_value(profile: dict[str, Any] | None, key: str) -> str | None:
    """What the user says an outlet is for one key (a label, or "country"), or None."""
    if profile is None:
        return None
    return profile.get("country") if key == "country" else profile["labels"].get(key)


def coverage_bar(key: str, outlets: list[str], profiles: dict[str, dict[str, Any]],
                 values: list[str]) -> dict[str, Any]:
    """One bar: the story's outlets counted by their value for `key`, in the order of `values`, the
    outlets without one last; each part with its outlets, colour and place on a 0-100 scale."""
    by_value: dict[str | None, list[str]] = {}
    for name in outlets:
        by_value.setdefault(outlet_value(profiles.get(name), key), []).append(name)
    parts, x = [], 0.0
    for value in [*values, None]:
        names = by_value.get(value)
        if not names:
            continue
        width = 100 * len(names) / len(outlets)
        parts.append({"value": value, "count": len(names), "outlets": names, "x": round(x, 2),
                      "width": round(width, 2), "tone": values.index(value) % TONES if value is not None else None})
        x += width
    return {"key": key, "parts": parts, "total": len(outlets)}


def story_window(first_seen: str | None, last_seen: str | None) -> tuple[str, str] | None:
    """The days around a story in which an outlet counts as active, as ISO days; None when undated."""
    if not first_seen:
        return None
    first = date.fromisoformat(first_seen[:10]) - timedelta(days=WINDOW_DAYS)
    last = date.fromisoformat((last_seen or first_seen)[:10]) + timedelta(days=WINDOW_DAYS)
    return first.isoformat(), last.isoformat()


def story_coverage(store: Store, brief: dict[str, Any]) -> dict[str, Any]:
    """The story page's coverage: a bar per label key and for countries (where the user described
    outlets), and the outlets active that week that have no article in the story."""
    profiles = store.outlet_profiles()
    outlets = list(brief.get("outlets") or [])
    bars = [coverage_bar(key, outlets, profiles, values) for key, values in label_values(profiles).items()]
    window = story_window(brief.get("first_seen"), brief.get("last_seen"))
    reporting = set(outlets)
    silent = [name for name in store.outlets_active(*window) if name not in reporting] if window else []
    return {"bars": bars if outlets else [], "not_covered": silent, "window": window,
            "described": sum(1 for name in outlets if name in profiles)}


def blindspots(store: Store, limit: int = BLINDSPOT_LIMIT) -> dict[str, Any]:
    """Stories every outlet of which has one value of a label (only lean=right outlets, say), with at
    least BLINDSPOT_OUTLETS outlets, while outlets of another value of that label were publishing that
    week; newest first. Each: the story, the label and value, and the active outlets that did not
    report it, of the label's other values."""
    profiles = store.outlet_profiles()
    keys = {key: values for key, values in label_values(profiles).items() if key != "country" and len(values) > 1}
    found: list[dict[str, Any]] = []
    for story in store.story_outlets() if keys else []:
        if len(found) >= limit:
            break
        if len(story["outlets"]) < BLINDSPOT_OUTLETS:
            continue
        window = story_window(story["first_seen"], story["last_seen"])
        active: list[str] | None = None  # read once a label makes the story a candidate
        for key, values in keys.items():
            seen = {outlet_value(profiles.get(name), key) for name in story["outlets"]}
            value = seen.pop() if len(seen) == 1 else None
            if value is None or window is None:
                continue
            active = store.outlets_active(*window) if active is None else active
            others = [name for name in active if outlet_value(profiles.get(name), key) not in (None, value)]
            if others:
                found.append({"story": story, "key": key, "value": value, "tone": values.index(value) % TONES,
                              "missing": [{"name": name, "value": outlet_value(profiles[name], key)} for name in others]})
    return {"blindspots": found, "keys": {key: values for key, values in keys.items()},
            "described": len(profiles), "min_outlets": BLINDSPOT_OUTLETS, "window_days": WINDOW_DAYS}
