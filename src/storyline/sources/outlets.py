"""What a user knows about the outlets, read from a file of theirs for `storyline sources import`:
each outlet's name, homepage, country, language, owner, and labels of the user's own choosing (a
lean, a kind of outlet), which the pages count a story's coverage by.

CSV: a header row naming the columns; `name` (or `outlet`, `source`) is required, `homepage`,
`country`, `language` and `owner` are known, and every other column is a label (a column `lean`
gives each outlet its lean). TOML: one `[[outlet]]` table per outlet with the same keys, labels as
further keys or as a `labels` table. An empty cell says nothing. A row that cannot be read is
rejected with its file and row named; the others are read."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.model import Rejection
from storyline.safety import clean_label, http_url

FIELDS = ("homepage", "country", "language", "owner")
NAME_KEYS = ("name", "outlet", "source")
MAX_VALUE_CHARS = 200
_LABEL_KEY = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class Outlet:
    """One outlet as the user's file describes it; `labels` are (key, value) pairs sorted by key."""

    name: str
    homepage: str | None = None
    country: str | None = None
    language: str | None = None
    owner: str | None = None
    labels: tuple[tuple[str, str], ...] = ()


class RowError(ValueError):
    """What is wrong with one row, for its rejection message."""


def read_outlets(path: Path) -> tuple[list[Outlet], list[Rejection]]:
    """The outlets of a CSV or TOML file (chosen by its extension) and the rows rejected, each
    rejection naming the file and row. A file that cannot be read at all is an InputError."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".toml"):
        raise InputError(f"{path}: an outlet file is a .csv or a .toml file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
    rows = _csv_rows(path, text) if suffix == ".csv" else _toml_rows(path, text)
    outlets: list[Outlet] = []
    rejected: list[Rejection] = []
    seen: dict[str, str] = {}
    for where, row in rows:
        try:
            if isinstance(row, str):
                raise RowError(row)
            outlet = outlet_from_row(row)
            if outlet.name in seen:
                raise RowError(f"{outlet.name!r} is already described at {seen[outlet.name]}")
        except RowError as exc:
            rejected.append(Rejection(f"{path}, {where}", f"{exc}; the other rows were imported"))
            continue
        seen[outlet.name] = where
        outlets.append(outlet)
    return outlets, rejected


def outlet_from_row(row: dict[str, Any]) -> Outlet:
    """An Outlet from one row's keys and values (keys lower case); RowError says what is wrong."""
    values: dict[str, str] = {}
    for key, raw in row.items():
        if raw is None or raw == "":
            continue
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            raise RowError(f"{key} is not a piece of text")
        value = clean_label(str(raw))
        if value is None:
            continue
        if len(value) > MAX_VALUE_CHARS:
            raise RowError(f"{key} is longer than {MAX_VALUE_CHARS} characters")
        values[key] = value
    names = [values.pop(key) for key in NAME_KEYS if key in values]
    if not names:
        raise RowError("no name (give the outlet's name as it appears in `storyline sources`)")
    homepage = values.pop("homepage", None)
    if homepage is not None and http_url(homepage) is None:
        raise RowError(f"homepage {homepage!r} is not an http(s) address")
    country = values.pop("country", None)
    fields = {"country": country.upper() if country and len(country) == 2 else country,
              "language": values.pop("language", None), "owner": values.pop("owner", None)}
    for key in values:
        if not _LABEL_KEY.match(key):
            raise RowError(f"{key!r} is not a label name (a word of letters, digits, - or _)")
    return Outlet(name=names[0], homepage=homepage, labels=tuple(sorted(values.items())), **fields)


# A file's rows: where each is (row 3, outlet 2) and its keys and values, or what makes it unreadable.
Rows = list[tuple[str, dict[str, Any] | str]]


def _csv_rows(path: Path, text: str) -> Rows:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"{path}: the header row cannot be read as CSV ({exc})") from None
    keys = [(clean_label(cell) or "").lower() for cell in header or []]
    if not any(key in NAME_KEYS for key in keys):
        raise InputError(f"{path}: the first row must name the columns, one of them `name`")
    if any(not key for key in keys):
        raise InputError(f"{path}: every column of the first row needs a name")
    for key in keys:
        if key not in (*NAME_KEYS, *FIELDS) and not _LABEL_KEY.match(key):
            raise InputError(f"{path}: column {key!r} is not a label name (a word of letters, digits, - or _)")
    rows: Rows = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows.append((f"row {reader.line_num}", f"cannot be read as CSV ({exc})"))
            continue
        if not any(cell.strip() for cell in cells):
            continue
        where = f"row {reader.line_num}"
        if len(cells) > len(keys):
            rows.append((where, f"{len(cells)} cells where the first row names {len(keys)} columns"))
        else:
            rows.append((where, dict(zip(keys, cells))))
    return rows


def _toml_rows(path: Path, text: str) -> Rows:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    tables = data.get("outlet", data.get("outlets"))
    if not isinstance(tables, list):
        raise InputError(f"{path}: describe each outlet in an [[outlet]] table")
    rows: Rows = []
    for number, table in enumerate(tables, start=1):
        where = f"outlet {number}"
        if not isinstance(table, dict):
            rows.append((where, "is not a table of keys and values"))
            continue
        labels = table.get("labels", {})
        if not isinstance(labels, dict):
            rows.append((where, 'labels must be a table, as in labels = { lean = "left" }'))
            continue
        row = {str(key).lower(): value for key, value in table.items() if key != "labels"}
        row.update({str(key).lower(): value for key, value in labels.items()})
        rows.append((where, row))
    return rows
