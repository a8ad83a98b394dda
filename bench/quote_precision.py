"""Direct-quotation precision and recall on PolNeAR, with the false positives sorted into kinds, fast
enough to try a rule: spaCy's reading of every article is kept in a cache file the first time, and each
later run reads it and applies the quotation rules of the working tree alone (seconds, not minutes).

    .venv/bin/python bench/quote_precision.py ../shared/data/polnear/train.jsonl --cache /tmp/train.parsed
    .venv/bin/python bench/quote_precision.py … --cache … --show "after a verb of naming" --sample 20
    .venv/bin/python bench/quote_precision.py … --cache … --json out.json   (the same shape as --errors)

The figures are those of `storyline eval quotes FILE` (the same scorer on the same analysis); the cache
must be made again when the spaCy model or the article reader changes. Run it on train only: the kinds
steer the rules, and dev stays held out. Each false positive (a predicted direct quote that matches no
annotated direct quotation) gets the first kind of KINDS whose test holds. A last line counts the false positives
that are a speaker's next sentence after a quotation's cue, annotated nowhere (left_out_continuations), and the
precision were they counted right."""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.analyze import analyze_in_language, extract_mentions, find_quotes, is_english, load_nlp
from storyline.analyze.nlp import Parsed, pipe_parsed
from storyline.evaluate.quotes import read_gold, score_quotes
from storyline.lang.en_naming import NAMING_CUES


def parse_all(path: Path, records: list[dict[str, Any]]) -> dict[str, tuple[str, str | None, Parsed | None]]:
    """Each record's article text, language and spaCy reading (None for another language), as eval quotes reads them."""
    from storyline.model import Record, Rejection
    from storyline.pipeline import make_article
    from storyline.settings import settings_from_env
    from storyline.sources import read_inputs

    wanted = {str(r["id"]) for r in records}
    articles: dict[str, tuple[str, str | None]] = {}
    for item in read_inputs([str(path)], settings_from_env()):
        if isinstance(item, Record) and item.external_id in wanted and item.external_id not in articles:
            article = make_article(item)
            if not isinstance(article, Rejection):
                articles[item.external_id] = (article.text, article.language)
    english = [k for k, (_, language) in articles.items() if is_english(language)]
    parsed = dict(zip(english, pipe_parsed(load_nlp(), (articles[k][0] for k in english)), strict=True))
    return {k: (text, language, parsed.get(k)) for k, (text, language) in articles.items()}


def predict(cached: dict[str, tuple[str, str | None, Parsed | None]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key, (text, language, parsed) in cached.items():
        if parsed is not None:
            quotes = find_quotes(text, extract_mentions(parsed), parsed)
        else:
            quotes = analyze_in_language(text, None, str(language)).quotes
        out[key] = {"text": text, "quotes": [
            {"start": q.start, "end": q.end, "speaker": q.speaker, "direct": q.direct, "cue": q.cue,
             "speaker_span": list(q.speaker_span) if q.speaker_span else None, "unnamed_source": q.unnamed_source,
             "unnamed_span": list(q.unnamed_span) if q.unnamed_span else None} for q in quotes]}
    return out


def _before(text: str, start: int) -> str:
    """The words of the text before a quote's opening mark, in its line."""
    line = text.rfind("\n", 0, start) + 1
    return re.sub(r"[\s\"“”‘’'`]+$", "", text[line:start])


KINDS = [
    ("after a verb of naming", lambda t, u, b: bool(re.search(r"(?i)\b(" + "|".join(NAMING_CUES) + r")\b[^.!?]{0,60}$", b))),
    ("after a colon", lambda t, u, b: b.endswith(":")),
    ("opens its paragraph", lambda t, u, b: b == ""),
    ("one to three words", lambda t, u, b: len(t.split()) <= 3),
    ("no cue, mid-sentence", lambda t, u, b: u["cue"] is None and bool(b) and b[-1].isalnum()),
    ("no cue, after punctuation", lambda t, u, b: u["cue"] is None),
    ("cue, mid-sentence", lambda t, u, b: bool(b) and b[-1].isalnum()),
    ("cue, after punctuation", lambda t, u, b: True),
]


def kind_of(text: str, unmatched: dict[str, Any]) -> str:
    a, b = unmatched["span"]
    before = _before(text, a)
    return next(name for name, test in KINDS if test(text[a:b], unmatched, before))


# "…,” Ruiz said. “…": a closing mark, the cue's words and a full stop, then the opening mark, in one paragraph
_AFTER_CUE_SENTENCE = re.compile(r"(?:''|[”\"’'])[,?!]?\s+[^.”\"\n]{1,90}\.\s*(?:''|[“\"])$")


def left_out_continuations(predictions: dict[str, dict[str, Any]], unmatched: list[dict[str, Any]]) -> int:
    """The unmatched quotes in no annotated content that open right after a quotation's cue sentence in their
    paragraph ("“…,” Ruiz said. “⟦…⟧”"): the speaker's next sentence, which the annotators mark as an attribution
    of its own about as often as they leave it out (docs/attribution.md)."""
    found = 0
    for u in unmatched:
        text, a = predictions[u["article"]]["text"], u["span"][0]
        found += not u["annotated"] and bool(_AFTER_CUE_SENTENCE.search(text, text.rfind("\n", 0, a) + 1, a))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="pickle of spaCy's readings, made if missing")
    parser.add_argument("--show", help="print the false positives of this kind")
    parser.add_argument("--missed", action="store_true", help="print the missed direct quotations")
    parser.add_argument("--sample", type=int, default=0, help="only this many, at random (seed 19)")
    parser.add_argument("--json", type=Path, help="write the scores with the error lists here")
    args = parser.parse_args()
    records = read_gold(args.path)
    if args.cache.exists():
        cached = pickle.loads(args.cache.read_bytes())
    else:
        cached = parse_all(args.path, records)
        args.cache.write_bytes(pickle.dumps(cached))
    predictions = predict(cached)
    scores = score_quotes(records, predictions)
    print(f"recall {scores['direct_recall']} ({scores['direct_found']} / {scores['direct_gold']}), precision "
          f"{scores['direct_precision']} ({scores['predicted_direct_right']} / {scores['predicted_direct']}), "
          f"attributed {scores['direct_precision_attributed']} ({scores['predicted_direct_attributed']}), "
          f"reported recall {scores['indirect_recall']} ({scores['indirect_found']}), "
          f"names {scores['speaker_named_right']} / {scores['speaker_named']}, "
          f"unattributed {scores['unattributed']} / {scores['with_source']}")
    kinds: Counter[tuple[str, bool]] = Counter()
    everything: Counter[str] = Counter()  # every predicted direct quote by kind: right = this less the two columns
    for key, prediction in predictions.items():
        for quote in prediction["quotes"]:
            if quote["direct"]:
                everything[kind_of(prediction["text"], {"span": [quote["start"], quote["end"]], **quote})] += 1
    shown = []
    for u in scores["unmatched"]:
        text = predictions[u["article"]]["text"]
        kind = kind_of(text, u)
        kinds[kind, u["annotated"]] += 1
        if kind == args.show:
            shown.append(u)
    print(f"{'kind of predicted direct quote':32} {'right':>6} {'wrong: in content':>18} {'in none':>8}")
    for name, _ in KINDS:
        wrong = kinds[name, True] + kinds[name, False]
        print(f"{name:32} {everything[name] - wrong:>6} {kinds[name, True]:>18} {kinds[name, False]:>8}")
    left_out = left_out_continuations(predictions, scores["unmatched"])
    counted = scores["predicted_direct_right"] + left_out
    print(f"a speaker's next sentence after the cue, annotated nowhere: {left_out}; counted right, precision "
          f"{counted / max(1, scores['predicted_direct']):.4f} ({counted} / {scores['predicted_direct']})")
    rows = shown if not args.missed else scores["missed"]
    if args.sample:
        random.Random(19).shuffle(rows)
        rows = rows[:args.sample]
    for u in rows if args.show or args.missed else []:
        text = predictions[u["article"]]["text"]
        if args.missed:
            print(f"- {u['article']} {u['content']}: {u['text']!r}")
            continue
        a, b = u["span"]
        print(f"- {u['article']} [{a}, {b}) {'content' if u['annotated'] else 'none'} cue={u['cue']}: "
              f"…{text[max(0, a - 90):a]!r} ⟦{text[a:b][:100]}⟧ {text[b:b + 50]!r}")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
