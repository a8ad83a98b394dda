"""The articles of an ingest waiting to be placed, their text in a temporary file until their chunk.

An ingest places its new articles oldest first, so it reads every record before it places the first:
held in memory, the text of the articles waiting would weigh as much as the whole input (about 100 MB
for 10,000 real reports of 6,300 characters, most with a character past Latin-1, so two bytes each),
where the rest of a run is bounded by its chunk. Spooled, a waiting article is its identity, dates and
labels alone, and its text is read back when its chunk is handed to the engine."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from typing import IO

from storyline.model import Article


class ArticleSpool:
    """Articles whose text waits in an unnamed temporary file (gone when the spool is closed, or the
    process ends): `put` keeps an article without its text, `whole` gives articles kept so their text back."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._where: dict[str, tuple[int, int]] = {}  # article id -> offset and length of its text

    def put(self, article: Article) -> Article:
        """The article without its text, which the spool keeps."""
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="storyline-spool-")
        data = article.text.encode("utf-8", "surrogatepass")
        offset = self._file.seek(0, 2)
        self._file.write(data)
        self._where[article.id] = (offset, len(data))
        return replace(article, text="")

    def whole(self, articles: list[Article]) -> list[Article]:
        """The articles with the text the spool kept for them (an article it did not keep as it is)."""
        found = []
        for article in articles:
            where = self._where.pop(article.id, None)
            if where is None or self._file is None:
                found.append(article)
                continue
            self._file.seek(where[0])
            found.append(replace(article, text=self._file.read(where[1]).decode("utf-8", "surrogatepass")))
        return found

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._where.clear()

    def __enter__(self) -> "ArticleSpool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
