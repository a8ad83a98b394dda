"""The real set's quotations and who said them, read as PolNeAR-shaped records for `eval quotes`.

tests/fixtures/real/quote_speakers.json gives, for every quotation of a set of ECB+ documents, the
speaker a reader gives it (resolved: the fullest name the article gives, whatever the cue says),
'anonymous', 'not speech' (a title, a nickname, a scare quote) or 'unknown', and the phrase at its
cue that points to the speaker (`said_by`). Its offsets are into the tokenised text ECB+ stores; the
records here hold the text as the reporter wrote it (`detokenize`) with the spans carried onto it, so
`score_quotes` reads them as it reads PolNeAR:

- a quotation with a person or a named body for its speaker is a direct attribution whose source is
  that name (kind ``name``): the predicted speaker is right when it is that person, however the cue
  referred to them; its ``form`` says how the cue did (``name``: the said_by phrase holds a word of
  the name; ``pronoun``; ``description``: "the actress 's rep", "the company"; ``none``: no cue of its
  own, a quotation continuing its speaker); a quotation inside the writer's sentence ("described herself
  as a “social drinker”": its opening mark after a word, not after a sentence's end, a colon, a comma or a
  dash) is a ``fragment``, found by any predicted quote, reported speech included, as PolNeAR finds it
  within reported content;
- an anonymous one has its said_by phrase for its source (kind ``anonymous``): right when the
  predicted speaker is null;
- an 'unknown' one is a direct quotation with no source (found or not, no speaker scored);
- 'not speech' is no attribution: a direct quote predicted there is one precision counts wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.evaluate.detokenize import Detokenized, detokenize
from storyline.evaluate.gold_sources import PRONOUNS, name_words
from storyline.evaluate.real import SPLITS, documents_path, read_documents

SPEAKERS_FILE = "quote_speakers.json"
_FIELDS = ("doc", "split", "start", "end", "speaker", "gold")
ANONYMOUS, NOT_SPEECH, UNKNOWN = "anonymous", "not speech", "unknown"


def has_speakers(folder: Path) -> bool:
    """Whether a folder holds the real set's speaker annotation."""
    return (folder / SPEAKERS_FILE).is_file()


def speaker_records(folder: Path, split: str = "all") -> list[dict[str, Any]]:
    """One PolNeAR-shaped record ({"id", "source", "text", "attributions"}) for each annotated document
    of the split, in the annotation's order (see the module docstring)."""
    if split not in SPLITS:
        raise InputError(f"{folder}: no split {split!r} (one of {', '.join(SPLITS)})")
    path = folder / SPEAKERS_FILE
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the speaker annotation ({exc})") from exc
    if not isinstance(rows, list):
        raise InputError(f"{path}: not a list of quotations")
    for n, row in enumerate(rows, 1):
        missing = [key for key in _FIELDS if not isinstance(row, dict) or key not in row]
        if missing:
            named = row.get("id", "?") if isinstance(row, dict) else repr(row)
            raise InputError(f"{path}: quotation {n} ({named}) has no {', '.join(missing)}")
    rows = [row for row in rows if split == "all" or row["split"] == split]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    try:
        documents = documents_path(folder)
    except InputError:
        raise InputError(f"{folder}: the ECB+ documents its quotations point into are not found (its own "
                         "documents.jsonl, or shared/data/ecbplus/ecbplus_train_dev.jsonl beside a folder above it)") from None
    texts = {d["id"]: d["text"] for docs in read_documents(documents, {row["gold"] for row in rows}).values()
             for d in docs if d["id"] in by_doc}
    records = []
    for doc, annotated in by_doc.items():
        if doc not in texts:
            raise InputError(f"{path}: document {doc} is not in the ECB+ data")
        read_as = detokenize(texts[doc])
        attributions = [a for a in (_attribution(read_as, row) for row in annotated) if a is not None]
        records.append({"id": doc, "source": doc, "text": read_as.text, "attributions": attributions})
    return records


def _attribution(read_as: Detokenized, row: dict[str, Any]) -> dict[str, Any] | None:
    speaker = row["speaker"]
    if speaker == NOT_SPEECH:
        return None
    start, end = read_as.read_span(row["start"], row["end"])
    attribution: dict[str, Any] = {"content": [[start, end]], "content_text": read_as.text[start:end],
                                   "direct": True, "cue": [], "cue_text": "",
                                   "fragment": _fragment(read_as.text, start)}
    if speaker == UNKNOWN:
        return dict(attribution, source=[], source_text="")
    said = row.get("said_by")
    span = read_as.read_span(said["start"], said["end"]) if said else (start, start)
    said_text = read_as.text[span[0]:span[1]] if said else None  # as the reporter wrote it: "Strauss-Kahn"
    if speaker == ANONYMOUS:
        return dict(attribution, source=[list(span)], source_text=said_text or "", source_kind="anonymous")
    return dict(attribution, source=[list(span)], source_text=speaker, source_kind="name", form=_form(speaker, said_text))


# What a whole quotation's opening mark follows: nothing (the text's or a line's start), a sentence's end,
# or the colon, comma or dash that introduces it ("Smith said, “…”"); any other word makes it a fragment.
_WHOLE_AFTER = re.compile(r"(?:^|[\n.!?:,;—–-]|[.!?,][”’\"'])\s*[“‘\"'`]?$")  # "`": a tokenised single mark left


def _fragment(text: str, start: int) -> bool:
    """Whether the quotation opening at start (just inside its mark) is a fragment of the writer's sentence."""
    return _WHOLE_AFTER.search(text[max(0, start - 40):start]) is None


def _form(speaker: str, said_by: str | None) -> str:
    """How the cue refers to the speaker: by name, by pronoun, by a description, or not at all."""
    if said_by is None:
        return "none"
    words = said_by.split()
    if all(w.lower() in PRONOUNS for w in words):
        return "pronoun"
    names = {w.lower() for w in name_words(speaker)}
    return "name" if any(w.lower().strip(".,'’") in names for w in words) else "description"
