"""What people see in a browser: Jinja2 templates and static assets, shared by the report and the server."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from storyline.brief import said_by
from storyline.safety import display_text
from storyline.web.views import (
    day_label,
    evidence_by_outlet,
    marked_html,
    outlet_tone,
    plural,
    safe_url,
    span_label,
)


@lru_cache(maxsize=1)
def templates() -> Environment:
    """The template environment; autoescaping is on, so article text never becomes markup.

    Every value printed passes through `_displayed`: NUL, other controls and direction overrides
    become U+FFFD, one for one, so offsets into article text still hold.
    Filters: `bdi` (escaped text in a <bdi>, isolated from the text around it), `tone` (an outlet's colour
    slot, from the `tones` a page is rendered with: templates import _macros.html `with context`),
    `safe_url` (None unless http/https), `day` and `span` (readable dates), `marked` (snippet pieces as
    escaped text with <mark>); `plural`, `evidence_by_outlet` and `said_by` (whom a quotation is given to:
    its speaker, the source as the article gives it without a name ("a campaign aide"), or
    "Unattributed") are globals."""
    env = Environment(loader=PackageLoader("storyline", "web/templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, finalize=_displayed)
    env.filters.update(tone=_tone, safe_url=safe_url, day=day_label, marked=marked_html, bdi=isolated)
    env.globals.update(plural=plural, span=span_label, evidence_by_outlet=evidence_by_outlet, said_by=said_by)
    return env


@pass_context
def _tone(context: Context, name: object) -> int:
    return outlet_tone(name, context.get("tones"))


def _displayed(value: object) -> object:
    if isinstance(value, Markup):
        return Markup(display_text(str(value)))
    return display_text(value) if isinstance(value, str) else value


def isolated(value: object) -> Markup:
    """Text of another direction (an outlet's name, a headline) in a <bdi>: it cannot reorder the words
    around it, whatever characters it holds."""
    return Markup("<bdi>{}</bdi>").format(escape(display_text("" if value is None else str(value))))
