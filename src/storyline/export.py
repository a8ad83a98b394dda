"""Everything in a database, for other tools: articles and stories as rows, written as JSON Lines, CSV
or Parquet (`storyline export`).

Article rows carry the input record's own id (`external_id`), the story and the duplicate group; in
JSON Lines each story follows as its brief. CSV cells a spreadsheet would run as formulas are kept as
text (safety.csv_cell)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

from storyline.brief import article_entry, load_brief
from storyline.errors import StorylineError
from storyline.safety import csv_cell
from storyline.store import Store


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


EXPORT_COLUMNS = ["type", "id", "external_id", "source", "title", "title_generated", "url", "published", "language",
                  "story", "duplicate_of", "origin", "text"]


def export_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per stored article, in ingest order."""
    for article, story, group in store.articles():
        yield {"type": "article", **article_entry(article, group), "story": story, "origin": article.origin,
               "text": article.text}


def write_export(store: Store, fmt: ExportFormat, stream: TextIO | None, output: Path | None) -> None:
    """Write every article (and, in JSON Lines, every story) to output, else to stream."""
    rows = list(export_rows(store))
    if fmt is ExportFormat.parquet:
        if output is None:
            raise StorylineError("parquet needs a file: add --out FILE.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, pa.bool_() if c == "title_generated" else pa.string()) for c in EXPORT_COLUMNS])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), output)
        return
    out = open(output, "w", encoding="utf-8", newline="") if output else stream
    assert out is not None
    try:
        if fmt is ExportFormat.csv:
            writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
        else:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            for story in store.stories():
                brief = load_brief(store, story)
                out.write(json.dumps({"type": "story", **{k: v for k, v in brief.items() if k != "articles"},
                                      "articles": [a["id"] for a in brief["articles"]]}, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
