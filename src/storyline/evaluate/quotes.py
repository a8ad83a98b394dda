"""How well storyline finds quotations and their speakers, against PolNeAR-style attribution gold.

The gold is one JSON object per article (PolNeAR's shape): ``text`` and ``attributions``, each with
``source``, ``cue`` and ``content`` as lists of ``[start, end)`` spans into ``text``, their ``*_text``,
and ``direct`` (the content starts with a quotation mark). Predictions are storyline's quotes of the
same article, with spans into the text as ingest normalised it. The rules (docs/attribution.md):

- **Spans.** Gold spans are carried onto the normalised text through an alignment of the two texts.
  A gold piece and a predicted quote *match* when they share at least half of the shorter one's
  characters (quotation marks and edge spaces trimmed off the gold piece first). An interrupted
  quotation (``"…," he said, "…"``) is scored as its pieces: it is found when any of its pieces
  matches a predicted direct quote.
- **Recall** of direct quotations: gold direct attributions found / all. **Precision**: predicted
  direct quotes matching some gold direct piece / all predicted direct quotes (and, apart, matching
  any attributed content, reported speech included, since a quoted fragment inside reported speech
  is attributed words too). A gold direct piece is any piece of a direct attribution, and in reported
  content the quotations a reader takes whole (``quotations_in``): a piece that opens at a quotation mark,
  and a quotation, opening a sentence, that the content's lead-in introduces with a colon or a full stop
  (the annotators took both into one content with the words before). PolNeAR's ``direct`` asks only
  whether a content's first piece opens at a mark, so a whole quotation after the writer's words in one
  content ("But, he added, “…”", "Sanders delivered a retort: “…”") would otherwise count as no quotation.
  A transcript's turn (``transcript_turn``: "TAPPER: Do you think …", its source a name opening its line, its
  cue the colon) is the speaker's own words as well, though no mark opens it.
- **Speaker** of a found quotation: the speaker of the predicted quote that overlaps it most. The
  gold source is sorted into a *name* ("Donald Trump", "Trump's spokesman Jason Miller"), a
  *pronoun* ("he"), an *anonymous* description ("a campaign aide", "sources", "the Trump campaign")
  or a *definite* description ("the Republican nominee"), by the words of its head (see
  ``gold_sources.source_kind``). A name is right when the predicted name carries the gold's surname and one name's
  words hold the other's ("Clinton" ~ "Hillary Clinton", not ~ "Bill Clinton"). ``he``/``she`` refers
  to the person the sentences just before it are about, as a reader takes it (see ``referents.Reader``); past
  its paragraph and the one before, and for a definite description, to the nearest named gold source
  before it in the article (the annotation's own chain of sources), skipping outlets and
  organisations, and for ``he``/``she`` names the article gives the other gender; it is right when
  the predicted name matches that name.
  Where the gold gives the source's kind itself (``source_kind``, as the real set's resolved speakers do:
  ``evaluate/real_speakers.py``), that kind is taken, and a ``form`` (how the cue refers to the speaker)
  is counted apart as ``speaker_<form>_form_*``. A direct attribution marked ``fragment`` (a quotation inside
  the writer's sentence, which PolNeAR would give as reported content) is found by any predicted quote,
  reported speech included, and counted apart as well (``fragment_recall``).
  A first-person source ("I said") and one with no named source before it are left out (counted as
  ``speaker_unresolved``). An anonymous source is right when the predicted speaker is null; its
  **source phrase** is right when the prediction also gives the source the article gives without a name
  (``unnamed_source``) where it overlaps the gold source.
- **Unattributed**: found direct quotations whose gold has a source but whose prediction gives neither a
  speaker nor a source phrase. **Speaker null**: those whose predicted speaker is null, phrase or not.
- **Reported speech** recall: gold indirect attributions whose content a predicted indirect quote matches.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from storyline.errors import InputError
from storyline.evaluate.gold import json_lines
from storyline.evaluate.gold_sources import PRONOUNS, introduced_unnamed, name_words, names_agree, source_kind
from storyline.evaluate.referents import PERSONAL, Annotated, Reader, referent, relative_referent
from storyline.model import Rejection

if TYPE_CHECKING:
    from storyline.settings import Settings

MATCH_SHARE = 0.5

_QUOTE_MARKS = "\"'“”‘’„«»‹›"

# ---------------------------------------------------------------- offsets


def offset_map(raw: str, normalised: str) -> list[int]:
    """For every position 0..len(raw) of raw, the matching position in normalised (ingest's text)."""
    if raw == normalised:
        return list(range(len(raw) + 1))
    mapping = _walk_offsets(raw, normalised)
    if mapping is not None:
        return mapping
    mapping = [0] * (len(raw) + 1)
    matcher = difflib.SequenceMatcher(None, raw, normalised, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        for k in range(a0, a1):
            mapping[k] = b0 + (k - a0 if tag == "equal" or a1 - a0 == b1 - b0 else min(k - a0, b1 - b0))
    mapping[len(raw)] = len(normalised)
    return mapping


def _walk_offsets(raw: str, normalised: str) -> list[int] | None:
    """offset_map for the usual case, where normalising only dropped or changed spacing and control
    characters: one walk over both texts. None when some other character changed (NFC)."""
    mapping = [0] * (len(raw) + 1)
    i = j = 0
    while i < len(raw):
        ch = raw[i]
        mapping[i] = j
        if j < len(normalised) and (ch == normalised[j] or (ch.isspace() and normalised[j].isspace())):
            i, j = i + 1, j + 1
            continue
        if ch.isspace() or unicodedata.category(ch) == "Cc":
            i += 1
            continue
        # a letter and its combining marks that NFC composed into one character
        width = next((k for k in range(2, 5) if j < len(normalised)
                      and unicodedata.normalize("NFC", raw[i:i + k]) == normalised[j]), None)
        if width is None:
            return None
        for k in range(i, i + width):
            mapping[k] = j
        i, j = i + width, j + 1
    mapping[len(raw)] = len(normalised)
    return mapping if j == len(normalised) else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold content piece without surrounding spaces, quotation marks and trailing , ; ."""
    while start < end and (text[start].isspace() or text[start] in _QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_MARKS + ",;.…"):
        end -= 1
    return start, end


def opens_quotation(text: str, start: int, end: int) -> bool:
    """Whether the gold content piece text[start:end] opens at a quotation mark: its first character past spaces is one,
    or, where the annotator's span left the mark out, the character right before it is one that opens ("“…" before
    a word). PolNeAR's ``direct`` asks this of a content's first piece only; asked of each piece, it finds the
    whole quotations that reported content holds after the writer's words ("But, he added, “We are …”")."""
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return False
    if text[start] in _QUOTE_MARKS:
        return True
    return start > 0 and text[start - 1] in _QUOTE_MARKS and (start < 2 or not text[start - 2].isalnum())


# a quotation mark after a colon or a sentence's end: the writer's lead-in introduces a quotation, whole
_LEAD_IN = re.compile(r"(?:[.?!][”\"’']*\s+|:\s*)(?=''|[“\"‘'])")
_CLOSING = re.compile(r"(?:''|[”\"’'])(?=\s|$|[,.;:!?)\]—–-])")


def quotations_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations a reader takes whole in the reported content piece text[start:end]: the piece itself where it opens
    at a quotation mark (opens_quotation), else each quotation, mark to closing mark, that the writer's lead-in
    introduces with a colon or opens after a sentence's end, its words opening a sentence of their own ("Sanders
    delivered a retort: “No one …”", "… tweeted a warning. “Missouri: …”"), which the annotators took into one
    content with the words before it."""
    if opens_quotation(text, start, end):
        return [(start, end)]
    found = []
    for lead in _LEAD_IN.finditer(text, start, end):
        mark = lead.end()
        words = mark
        while words < end and text[words] in _QUOTE_MARKS:
            words += 1
        if words >= end or text[words].islower():
            continue  # "a statement saying the U.S. “does not …”": words of the writer's sentence, not a new one
        close = _CLOSING.search(text, mark + 2, end)
        found.append((mark, close.end() if close else end))
    return found


def transcript_turn(text: str, attribution: Mapping[str, Any]) -> bool:
    """Whether the attribution is a transcript's turn ("TAPPER: Do you think …", "Luciana Lopez: Well, …"): its
    source a label opening its line, a name in capitals or of capitalised words, its cue the colon after it. The
    annotators mark such a turn reported (no quotation mark opens it), but its words are the speaker's own, as a
    quotation's are."""
    sources, cue = attribution.get("source") or [], (attribution.get("cue_text") or "").strip()
    if cue != ":" or len(sources) != 1:
        return False
    start, end = sources[0]
    words = text[start:end].split()
    return (start == 0 or text[start - 1] == "\n") and 0 < len(words) <= 4 and all(word[:1].isupper() for word in words)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(gold: tuple[int, int], predicted: tuple[int, int], share: float = MATCH_SHARE) -> bool:
    """Whether two spans share at least `share` of the shorter one's characters."""
    shorter = min(gold[1] - gold[0], predicted[1] - predicted[0])
    return shorter > 0 and _overlap(gold, predicted) >= share * shorter


# ---------------------------------------------------------------- scoring


def _pieces(spans: Iterable[Sequence[int]]) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in spans]


def _joined(record: Mapping[str, Any], spans: Sequence[tuple[int, int]]) -> str:
    return " … ".join(record["text"][a:b] for a, b in spans)


def _gold_sources(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every attribution's source with its kind and, for named ones, its name words; in text order."""
    out = []
    for n, attribution in enumerate(record.get("attributions", [])):
        spans, text = _source_of(record, attribution)
        if not spans:
            continue
        kind = source_kind(text, record["text"], spans[0][0])
        out.append({"index": n, "start": spans[0][0], "text": text, "kind": kind,
                    "name": name_words(text) if kind == "name" else [], "cue": attribution.get("cue_text") or ""})
    return sorted(out, key=lambda s: s["start"])


def _source_of(record: Mapping[str, Any], attribution: Mapping[str, Any]) -> tuple[list[tuple[int, int]], str]:
    """An attribution's source spans and words, read the right way round where the annotator marked "said"
    the source and the name the cue."""
    spans = _pieces(attribution.get("source") or [])
    if not spans:
        return [], ""
    text = attribution.get("source_text") or _joined(record, spans)
    cue = _pieces(attribution.get("cue") or [])
    if cue and _swapped(text, _joined(record, cue)):
        return cue, _joined(record, cue)
    inner = _quoted_speaker(record, attribution, spans[0][0])
    return ([inner], record["text"][inner[0]:inner[1]]) if inner is not None else (spans, text)


# A quotation's own cue and named speaker, between its closing mark and an outlet's "according to" or "reports":
# "“…,” Ana Ruiz said, according to CNN", "“…,” said Ana Ruiz, the harbour master, reports the Post".
_NAME = r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+)"
_SAID = r"(?:said|says|told|added|wrote|stated)"
_INNER_SPEAKER = re.compile(rf"\s*,?\s*(?:{_NAME}\s+{_SAID}\b|{_SAID}\s+{_NAME})")


def _quoted_speaker(record: Mapping[str, Any], attribution: Mapping[str, Any], source_start: int) -> tuple[int, int] | None:
    """The person a quotation's own cue names where the annotation gives the outlet that reports it as the source
    ("“…,” Ana Ruiz said, according to CNN"): a reader takes the words for hers, reported by the outlet."""
    cue = (attribution.get("cue_text") or "").strip().lower()
    content = _pieces(attribution.get("content") or [])
    if cue not in ("according to", "reports", "reported") or not attribution.get("direct") or not content:
        return None
    text = record["text"]
    window = text[content[0][0]:source_start]
    close = max(window.rfind(mark) for mark in ("”", '"', "''"))
    if close < 1:
        return None
    at = content[0][0] + close + (2 if window[close:close + 2] == "''" else 1)
    match = _INNER_SPEAKER.match(text, at, source_start)
    if match is None:
        return None
    return match.span(1 if match.group(1) is not None else 2)  # "Ana Ruiz said", or "said Ana Ruiz": her name


def _swapped(source: str, cue: str) -> bool:
    """Whether an annotation swapped source and cue: a lower-case verb of saying for the source ("said",
    "said in a statement") and a capitalised word or a pronoun opening the cue ("Sinovic", "he")."""
    first = source.split()[0] if source.split() else ""
    opening = cue.split()[0].lower() if cue.split() else ""
    return first.islower() and first.strip(",.:") in _SAYING and (cue[:1].isupper() or opening in PRONOUNS)


_SAYING = {"said", "says", "say", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes"}


_FIRST_PERSON = {"i", "me", "we", "us", "my", "our"}
_THINGS = {"it", "its", "that", "which", "this"}



def _ratio(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def score_quotes(records: Sequence[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]],
                 referents: Mapping[tuple[str, int], Annotated] | None = None) -> dict[str, Any]:
    """Recall and precision of direct quotations, speaker accuracy by kind of gold source, the share
    left unattributed and recall of reported speech, each with its counts.

    records: PolNeAR-shaped gold (``id``, ``text``, ``attributions``). predictions: by record id,
    ``{"text": the text the quotes index, "quotes": [{"start", "end", "speaker", "direct"}]}`` (and, where
    the speaker is null, ``unnamed_source`` and ``unnamed_span``: the source given without a name); a
    record without a prediction counts as one where nothing was found. ``speaker_errors`` and
    ``missed`` list every wrong speaker and every missed quotation with its article and gold spans;
    ``unmatched`` every predicted direct quote that matches no annotated direct quotation (the
    precision's false positives), with ``annotated`` true where it lies in content of another kind. ``referents``
    (``referents.read_referents``): whom people reading the articles took a pronoun or a description for, by
    article and source start; where one is given, it is the gold instead of the Reader's (any of several people
    is right; where it is no one the article names, only null is). ``speaker_referred_annotated`` counts those."""
    counts = {k: 0 for k in ("direct_gold", "direct_found", "predicted_direct", "predicted_direct_right",
                             "predicted_direct_attributed", "indirect_gold", "indirect_found", "with_source",
                             "unattributed", "unattributed_anonymous", "no_source", "unresolved",
                             "with_person_source", "speaker_null", "anonymous_phrased", "fragment_gold",
                             "fragment_found", "read_as")}
    speakers = {kind: [0, 0] for kind in ("name", "pronoun", "definite", "anonymous")}
    by_form: dict[str, list[int]] = {}
    errors: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    unmatched: list[dict[str, Any]] = []
    for record in records:
        prediction = predictions.get(record["id"], {"text": record["text"], "quotes": []})
        mapping = offset_map(record["text"], prediction["text"])
        direct_quotes = [q for q in prediction["quotes"] if q.get("direct")]
        indirect_quotes = [q for q in prediction["quotes"] if not q.get("direct")]
        sources = _gold_sources(record)
        reader = Reader(record, sources)
        gold_direct: list[tuple[int, int]] = []
        gold_any: list[tuple[int, int]] = []
        for attribution in record.get("attributions", []):
            raw = _pieces(attribution.get("content") or [])
            pieces = [(mapping[a], mapping[b]) for a, b in (_trimmed(record["text"], a, b) for a, b in raw) if b > a]
            gold_any += pieces
            direct = bool(attribution.get("direct"))
            if direct or transcript_turn(record["text"], attribution):
                gold_direct += pieces
            else:  # a quotation that opens a piece of reported content, or follows its colon, is a quotation all the same
                gold_direct += [(mapping[a], mapping[b]) for a, b in (_trimmed(record["text"], a, b)
                                for piece in raw for a, b in quotations_in(record["text"], *piece)) if b > a]
            # a quoted fragment of the writer's sentence ("described herself as a “social drinker”") that a gold
            # gives as a quotation of its own (the real set's) is found inside reported speech as well
            candidates = prediction["quotes"] if attribution.get("fragment") else direct_quotes if direct else indirect_quotes
            matched = [(sum(_overlap(p, (q["start"], q["end"])) for p in pieces), q) for q in candidates
                       if any(spans_match(p, (q["start"], q["end"])) for p in pieces)]
            kind_key = "direct" if direct else "indirect"
            counts[f"{kind_key}_gold"] += 1
            counts["fragment_gold"] += bool(attribution.get("fragment"))
            if not matched:
                if direct:
                    missed.append({"article": record["id"], "content": attribution.get("content"),
                                   "text": (attribution.get("content_text") or "")[:80]})
                continue
            counts[f"{kind_key}_found"] += 1
            counts["fragment_found"] += bool(attribution.get("fragment"))
            if not direct:
                continue
            # the prediction sharing most characters with the gold; of equals, the one nearest its length (a
            # quotation nested in another is the inner prediction's, not the outer one's that holds it too)
            length = sum(b - a for a, b in pieces)
            best = max(matched, key=lambda m: (m[0], -abs(m[1]["end"] - m[1]["start"] - length)))[1]
            source_spans, source_text = _source_of(record, attribution)
            if not source_spans:
                counts["no_source"] += 1
                continue
            kind = attribution.get("source_kind") or source_kind(source_text, record["text"], source_spans[0][0])
            if kind == "definite" and introduced_unnamed(record["text"], source_spans[0][0], source_text):
                kind = "anonymous"  # "A committee aide blasted it. “…,” the aide said": the aide, unnamed
            said = best.get("speaker")
            counts["with_source"] += 1
            counts["with_person_source"] += kind != "anonymous"
            counts["speaker_null"] += said is None
            if said is None and not best.get("unnamed_source"):
                counts["unattributed"] += 1
                counts["unattributed_anonymous"] += kind == "anonymous"
            if kind == "anonymous":
                expected = None
                ok = said is None
                phrase = best.get("unnamed_span")
                counts["anonymous_phrased"] += ok and phrase is not None and any(
                    _overlap((mapping[a], mapping[b]), (phrase[0], phrase[1])) > 0 for a, b in source_spans)
            else:
                read_as = None
                if kind == "name":
                    expected = name_words(source_text)
                else:
                    pronoun = source_text.strip().lower() if kind == "pronoun" else None
                    # "I said" outside a quotation is the writer; inside one, whoever that quotes: no chain decides it
                    # nor does the chain for "it" or "that": a letter, a website, a paper, never the person it names
                    unchained = pronoun in _FIRST_PERSON or pronoun in _THINGS
                    read_as = (referents or {}).get((str(record["id"]), source_spans[0][0]))
                    if read_as is not None:  # whom people reading the article took it for
                        counts["read_as"] += 1
                        expected = read_as[0] if read_as else None
                        ok = any(names_agree(words, said) for words in read_as) if read_as else said is None
                    elif unchained:
                        expected = None
                    elif pronoun in PERSONAL:
                        expected = reader.referent(source_spans[0][0], pronoun)
                    elif pronoun == "who":
                        expected = relative_referent(record["text"], source_spans[0][0]) \
                            or referent(sources, source_spans[0][0], pronoun, record["text"])
                    else:
                        expected = referent(sources, source_spans[0][0], pronoun, record["text"])
                if read_as is None:
                    if not expected:
                        counts["unresolved"] += 1  # no named source before it: the gold cannot say who
                        continue
                    ok = names_agree(expected, said)
            speakers[kind][1] += 1
            speakers[kind][0] += ok
            if attribution.get("form"):
                forms = by_form.setdefault(attribution["form"], [0, 0])
                forms[0] += ok
                forms[1] += 1
            if not ok:
                errors.append({"article": record["id"], "kind": kind, "source": source_text,
                               "source_span": source_spans[0], "content": attribution.get("content"),
                               "cue": attribution.get("cue_text"), "expected": " ".join(expected) if expected else None,
                               "predicted": said, "predicted_cue": best.get("cue"),
                               "predicted_speaker_span": best.get("speaker_span"),
                               "text": (attribution.get("content_text") or "")[:80]})
        for quote in direct_quotes:
            span = (quote["start"], quote["end"])
            right = any(spans_match(g, span) for g in gold_direct)
            annotated = any(spans_match(g, span) for g in gold_any)
            counts["predicted_direct"] += 1
            counts["predicted_direct_right"] += right
            counts["predicted_direct_attributed"] += annotated
            if not right:
                unmatched.append({"article": record["id"], "span": list(span), "annotated": annotated,
                                  "speaker": quote.get("speaker"), "cue": quote.get("cue"),
                                  "text": prediction["text"][span[0]:span[1]][:80]})
    named, pronouns, definite, anonymous = (speakers[k] for k in ("name", "pronoun", "definite", "anonymous"))
    referred = [pronouns[0] + definite[0], pronouns[1] + definite[1]]
    return {
        "articles": len(records), "articles_analysed": sum(str(r["id"]) in predictions for r in records),
        "direct_recall": _ratio(counts["direct_found"], counts["direct_gold"]),
        "direct_found": counts["direct_found"], "direct_gold": counts["direct_gold"],
        "fragment_recall": _ratio(counts["fragment_found"], counts["fragment_gold"]),
        "fragment_found": counts["fragment_found"], "fragment_gold": counts["fragment_gold"],
        "direct_precision": _ratio(counts["predicted_direct_right"], counts["predicted_direct"]),
        "direct_precision_attributed": _ratio(counts["predicted_direct_attributed"], counts["predicted_direct"]),
        "predicted_direct": counts["predicted_direct"], "predicted_direct_right": counts["predicted_direct_right"],
        "predicted_direct_attributed": counts["predicted_direct_attributed"],
        "speaker_named_accuracy": _ratio(*named), "speaker_named_right": named[0], "speaker_named": named[1],
        "speaker_referred_accuracy": _ratio(*referred), "speaker_referred_right": referred[0],
        "speaker_referred": referred[1],
        "speaker_pronoun_accuracy": _ratio(*pronouns), "speaker_pronoun_right": pronouns[0],
        "speaker_pronoun": pronouns[1],
        "speaker_definite_accuracy": _ratio(*definite), "speaker_definite_right": definite[0],
        "speaker_definite": definite[1], "speaker_referred_annotated": counts["read_as"],
        "speaker_anonymous_accuracy": _ratio(*anonymous), "speaker_anonymous_right": anonymous[0],
        "speaker_anonymous": anonymous[1],
        "unattributed_share": _ratio(counts["unattributed"], counts["with_source"]),
        "unattributed": counts["unattributed"], "with_source": counts["with_source"],
        "unattributed_anonymous": counts["unattributed_anonymous"], "found_without_source": counts["no_source"],
        "speaker_null_share": _ratio(counts["speaker_null"], counts["with_source"]),
        "speaker_null": counts["speaker_null"],
        "anonymous_phrase_share": _ratio(counts["anonymous_phrased"], anonymous[1]),
        "anonymous_phrased": counts["anonymous_phrased"],
        "unattributed_person_share": _ratio(counts["unattributed"] - counts["unattributed_anonymous"],
                                            counts["with_person_source"]),
        "unattributed_person": counts["unattributed"] - counts["unattributed_anonymous"],
        "with_person_source": counts["with_person_source"],
        "speaker_unresolved": counts["unresolved"],
        "indirect_recall": _ratio(counts["indirect_found"], counts["indirect_gold"]),
        "indirect_found": counts["indirect_found"], "indirect_gold": counts["indirect_gold"],
        **{f"speaker_{form}_form_{key}": value for form, (right, total) in sorted(by_form.items())
           for key, value in (("accuracy", _ratio(right, total)), ("right", right), ("total", total))},
        "speaker_errors": errors, "missed": missed, "unmatched": unmatched,
    }


# ---------------------------------------------------------------- predictions


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The PolNeAR-shaped records of a JSON Lines file (the first `limit` of them)."""
    records: list[dict[str, Any]] = []
    for number, record in json_lines(path, "attributions"):
        if limit is not None and len(records) >= limit:
            break
        if not isinstance(record, dict) or "text" not in record or "attributions" not in record:
            raise InputError(f"{path}:{number}: a record needs 'text' and 'attributions' (PolNeAR's shape)")
        if not record.get("id"):
            raise InputError(f"{path}:{number}: a record needs an 'id' to pair it with its analysis")
        records.append(record)
    return records


def predict_quotes(path: Path, records: Sequence[Mapping[str, Any]], settings: "Settings") -> dict[str, dict[str, Any]]:
    """storyline's quotes of each record, keyed by record id: the file read as ingest reads it, each
    record made an article (normalised text, language) and analysed as the pipeline's analysis stage does."""
    from storyline.model import Record
    from storyline.pipeline import analyze_chunk, make_article
    from storyline.sources import read_inputs

    wanted = {str(r["id"]) for r in records}
    articles = {}
    for item in read_inputs([str(path)], settings):
        if isinstance(item, Record) and item.external_id in wanted and item.external_id not in articles:
            article = make_article(item)
            if not isinstance(article, Rejection):
                articles[item.external_id] = article
    keys = list(articles)
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(keys), 32):
        chunk = [articles[k] for k in keys[start:start + 32]]
        for key, article, analysis in zip(keys[start:start + 32], chunk, analyze_chunk(chunk), strict=True):
            quotes = [] if analysis is None else [
                {"start": q.start, "end": q.end, "speaker": q.speaker, "direct": q.direct, "cue": q.cue,
                 "speaker_span": list(q.speaker_span) if q.speaker_span else None, "unnamed_source": q.unnamed_source,
                 "unnamed_span": list(q.unnamed_span) if q.unnamed_span else None} for q in analysis.quotes]
            out[key] = {"text": article.text, "quotes": quotes}
    return out
