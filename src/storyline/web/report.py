"""The static HTML report: an index of stories and one page per story, in plain files.

It renders the server's own templates (stories.html, story.html) with links between files instead of
routes; pages that need a server (articles, entities, search, sources) are simply not linked."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from storyline.brief import load_brief
from storyline.store import Store
from storyline.web import templates
from storyline.web.coverage import story_coverage
from storyline.web.views import ReportLinks, outlet_tones, story_view

# htmx is of no use in plain files (no server to ask); the report copies only what its pages use.
_REPORT_ASSETS = {"style.css", "favicon.svg", "matrix.js"}


def write_report(store: Store, folder: Path) -> Path:
    """Write index.html, stories/ID.html and static/ under folder; returns the index's path."""
    env = templates()
    (folder / "stories").mkdir(parents=True, exist_ok=True)
    static = folder / "static"
    static.mkdir(exist_ok=True)
    for asset in resources.files("storyline").joinpath("web/static").iterdir():
        if asset.is_file() and asset.name in _REPORT_ASSETS:
            with resources.as_file(asset) as path:
                shutil.copyfile(path, static / asset.name)
    briefs = [load_brief(store, row) for row in store.stories()]
    names = store.outlet_names()
    tones = outlet_tones(names)
    story_page = env.get_template("story.html")
    for brief in briefs:
        html = story_page.render(story=brief, view=story_view(brief), links=ReportLinks("../"), section="stories",
                                 tones=outlet_tones(names, brief["outlets"]), coverage=story_coverage(store, brief))
        (folder / "stories" / f"{brief['id']}.html").write_text(html, encoding="utf-8")
    index = folder / "index.html"
    index.write_text(env.get_template("stories.html").render(stories=briefs, links=ReportLinks(""), section="stories",
                                                                    tones=tones),
                     encoding="utf-8")
    return index
