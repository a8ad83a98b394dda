"""Gold answers on disk: where a gold file's articles are, which outlet wrote each, and the labels
an evaluation compares its predictions with."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from storyline.errors import InputError, StorylineError


def json_lines(path: Path, what: str) -> Iterator[tuple[int, Any]]:
    """Each line of a JSON Lines gold file that is not blank, parsed, with its number; a one-line error naming the
    file where it cannot be read (as `what`) and the file and line where a line is not JSON."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror})") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from exc


def gold_article_path(root: Path, gold: Mapping[str, Any], key: str) -> Path | None:
    """The file a gold article key names: under root/articles, else root, else one of the gold's
    `include` folders (relative to root), so a corpus can label articles of another corpus by their
    own paths (the multilingual fixtures label their English counterparts by their demo paths)."""
    for base in (root / "articles", root, *(root / str(folder) for folder in gold.get("include", []))):
        path: Path = base / key
        if path.is_file():
            return path
    return None


def gold_article_outlet(key: str) -> str | None:
    """The outlet a gold key implies: its folder, as `storyline ingest` names it; None for a bare file."""
    parts = Path(key).parts
    return parts[0] if len(parts) > 1 else None


def gold_labels(gold: Path, root: Path) -> dict[str, str]:
    try:
        data = json.loads(gold.read_text(encoding="utf-8"))
        return {key: value["story"] for key, value in data["articles"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StorylineError(f"{gold}: not a gold file with an 'articles' map ({exc})") from exc


def gold_includes(gold: Path) -> list[Path]:
    """The folders a gold file's `include` names (relative to it), whose articles it also labels by
    their paths there: the multilingual fixtures label their English counterparts in examples/demo."""
    try:
        folders = json.loads(gold.read_text(encoding="utf-8")).get("include", [])
    except (OSError, ValueError, AttributeError) as exc:
        raise StorylineError(f"{gold}: not a gold file with an 'articles' map ({exc})") from exc
    return [(gold.parent / folder).resolve() for folder in folders]


def relative_to_any(origin: str, roots: list[Path]) -> str:
    """The origin relative to the first root that holds it (the gold's key), else the origin itself."""
    for root in roots:
        relative = relative_path(origin, root)
        if relative != origin:
            return relative
    return origin


def relative_path(origin: str, root: Path) -> str:
    try:
        return Path(origin).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return origin
