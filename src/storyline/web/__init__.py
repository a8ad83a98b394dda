"""What people see in a browser: Jinja2 templates and static assets, shared by the report and the server."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.web.views import (
    day_label,
    marked_html,
    outlet_tone,
    plural,
    safe_url,
    span_label,
)


@lru_cache(maxsize=1)
def templates() -> Environment:
    """The template environment; autoescaping is on, so article text never becomes markup.

    Filters: `tone` (an outlet's colour slot), `safe_url` (None unless http/https), `day` and `span`
    (readable dates), `marked` (snippet pieces as escaped text with <mark>); `plural` is a global."""
    env = Environment(loader=PackageLoader("storyline", "web/templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(tone=outlet_tone, safe_url=safe_url, day=day_label, marked=marked_html)
    env.globals.update(plural=plural, span=span_label)
    return env
