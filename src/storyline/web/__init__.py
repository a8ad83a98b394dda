"""What people see in a browser: Jinja2 templates and static assets, shared by the report and the server."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape


@lru_cache(maxsize=1)
def templates() -> Environment:
    """The template environment; autoescaping is on, so article text never becomes markup."""
    return Environment(loader=PackageLoader("storyline", "web/templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)
