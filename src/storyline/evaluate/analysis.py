"""How good the analysis is, measured against gold answers: entity grouping, quotes, speakers, dates.

Gold (examples/demo/gold.json) lists entities with their aliases, quotes with their speakers and
exact words, and date expressions with the date they mean. The metrics:

- entity alias pairwise F1: over the surface forms the gold names, are two forms of one gold entity
  in one predicted entity, and forms of different gold entities apart? Only forms that some article
  writes as a name of its own count (a listed alias no article uses cannot be found). A gold form is
  looked up among predicted names and aliases as written, else without its title ("Minister Sergei
  Lavrov"); a form found nowhere stands alone.
- quote recall: a gold direct quote is found when a predicted direct quote of the same article
  covers at least 0.8 of its word tokens. Reported speech is scored the same way, apart.
- speaker accuracy: among found quotes, the predicted speaker is the gold name or one of its aliases.
- date accuracy: among gold expressions that a predicted expression overlaps (where the gold words
  occur in the article), the resolved date and granularity equal the gold.

Run it on the demo corpus: python -m storyline.evaluate.analysis examples/demo"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping

from storyline.analyze.office_titles import TITLE_BEFORE, strip_title
from storyline.evaluate.clusters import f1
from storyline.model import Analysis, Entity

_TOKEN = re.compile(r"\w+")
QUOTE_OVERLAP = 0.8
_FUNCTION_WORDS = {"The", "A", "An", "In", "On", "At", "For", "But", "And", "As", "By", "With", "From", "To", "Of",
                   "It",
                   "He", "She", "They", "We", "When", "After", "Before", "This", "That", "These", "Those", "Yesterday",
                   "Today", "Then", "Meanwhile", "While", "If"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("ʼ", "'")
    return " ".join(text.split()).casefold()


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(_fold(text)))


def _coverage(gold: str, predicted: str) -> float:
    g = _tokens(gold)
    total = sum(g.values())
    return sum((g & _tokens(predicted)).values()) / total if total else 0.0


def _standalone(form: str, texts: Iterable[str]) -> bool:
    """Whether some text writes form as a name of its own: not inside a longer name ("Zelenskyy" of
    "Volodymyr Zelenskyy"), though a title may stand before it ("Mr Rubio")."""
    pattern = re.compile(rf"(?<![\w'’]){re.escape(form)}(?![\w'’-])")
    for text in texts:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40):match.start()]
            after = text[match.end():match.end() + 2]
            word = re.search(r"(\w[\w'’.-]*\w|\w)\s$", before)
            glued_before = word and word.group(1)[0].isupper() and word.group(1) not in _FUNCTION_WORDS \
                and not TITLE_BEFORE.search(before)
            glued_after = len(after) == 2 and after[0] == " " and after[1].isupper()
            if not glued_before and not glued_after:
                return True
    return False


def score_entities(gold_entities: list[dict[str, Any]], predicted_entities: list[dict[str, Any]],
                   texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of alias groups over the gold's surface forms.

    With the articles' texts, only forms that some article writes as a name of its own count: a gold
    alias that no article uses cannot be found by anyone."""
    gold_of: dict[str, int] = {}
    for n, entity in enumerate(gold_entities):
        for form in [entity["name"], *entity.get("aliases", [])]:
            gold_of.setdefault(" ".join(form.split()), n)
    if texts:
        gold_of = {form: n for form, n in gold_of.items() if _standalone(form, texts.values())}
    owner: dict[str, tuple[int, int]] = {}  # form -> (mentions, predicted index); the most mentioned entity wins
    for n, entity in enumerate(predicted_entities):
        mentions = entity.get("mentions", 1)
        weight = len(mentions) if isinstance(mentions, list) else int(mentions)
        for form in [entity["name"], *entity.get("aliases", [])]:
            form = " ".join(form.split())
            if form not in owner or owner[form][0] < weight:
                owner[form] = (weight, n)
    predicted_of: dict[str, int] = {}
    for form in gold_of:
        hit = owner.get(form) or owner.get(strip_title(form))
        if hit is not None:
            predicted_of[form] = hit[1]
    forms = sorted(gold_of)
    gold_pairs = predicted_pairs = both = 0
    misses: list[dict[str, Any]] = []
    for i, a in enumerate(forms):
        for b in forms[i + 1:]:
            same_gold = gold_of[a] == gold_of[b]
            same_predicted = a in predicted_of and predicted_of.get(a) == predicted_of.get(b)
            gold_pairs += same_gold
            predicted_pairs += same_predicted
            both += same_gold and same_predicted
            if same_gold != same_predicted:
                misses.append({"kind": "entity split" if same_gold else "entity merged", "forms": [a, b]})
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return {"entity_pairwise_precision": round(precision, 4), "entity_pairwise_recall": round(recall, 4),
            "entity_pairwise_f1": round(f1(precision, recall), 4), "entity_gold_pairs": gold_pairs,
            "entity_forms_found": len(predicted_of), "entity_forms": len(forms), "entity_misses": misses}


def _speaker_names(gold_entities: list[dict[str, Any]]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for entity in gold_entities:
        forms = {_fold(f) for f in [entity["name"], *entity.get("aliases", [])]}
        names[_fold(entity["name"])] = forms
    return names


def score_quotes(gold: dict[str, Any], predicted_quotes: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall of direct and reported quotes, and speaker accuracy among the direct ones found."""
    names = _speaker_names(gold.get("entities", []))
    by_article: dict[str, list[dict[str, Any]]] = {}
    for quote in predicted_quotes:
        by_article.setdefault(quote["article"], []).append(quote)
    result: dict[str, Any] = {}
    misses: list[dict[str, Any]] = []
    for direct, prefix in ((True, "quote"), (False, "indirect")):
        wanted = [q for q in gold.get("quotes", []) if bool(q.get("direct", True)) == direct]
        found = right = 0
        for q in wanted:
            candidates = [p for p in by_article.get(q["article"], []) if bool(p.get("direct", True)) == direct]
            best = max(candidates, key=lambda p: _coverage(q["text"], p["text"]), default=None)
            if best is None or _coverage(q["text"], best["text"]) < QUOTE_OVERLAP:
                misses.append({"kind": f"{prefix} not found", "article": q["article"], "gold": q["text"]})
                continue
            found += 1
            gold_speaker = q.get("speaker")
            said = best.get("speaker")
            if gold_speaker is None:
                ok = said is None
            else:
                ok = said is not None and _fold(said) in names.get(_fold(gold_speaker), {_fold(gold_speaker)})
            right += ok
            if not ok:
                misses.append({"kind": f"{prefix} speaker", "article": q["article"], "gold": gold_speaker,
                               "predicted": said, "text": q["text"][:60]})
        result[f"{prefix}_recall"] = round(found / len(wanted), 4) if wanted else 1.0
        result[f"{prefix}_speaker_accuracy"] = round(right / found, 4) if found else 1.0
        result[f"{prefix}_gold"] = len(wanted)
    result["speaker_accuracy"] = result.pop("quote_speaker_accuracy")
    result["quote_misses"] = misses
    return result


def _occurrences(text: str, expression: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(expression)}(?!\w)", text)]
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(expression)}(?!\w)", text, re.I)]
    return spans


def score_dates(gold_dates: list[dict[str, Any]], predicted_dates: list[dict[str, Any]], texts: Mapping[str, str] | None) -> dict[str, Any]:
    """Date recall (gold expressions a prediction overlaps) and accuracy among those found."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for d in predicted_dates:
        by_article.setdefault(d["article"], []).append(d)
    found = right = 0
    misses: list[dict[str, Any]] = []
    for g in gold_dates:
        predictions = by_article.get(g["article"], [])
        text = (texts or {}).get(g["article"])
        if text is not None:
            spans = _occurrences(text, g["expression"])
            overlapping = [p for p in predictions if any(p["start"] < b and a < p["end"] for a, b in spans)]
        else:
            expression = _fold(g["expression"])
            overlapping = [p for p in predictions if expression in _fold(p["text"]) or _fold(p["text"]) in expression]
        if not overlapping:
            misses.append({"kind": "date not found", "article": g["article"], "gold": g["expression"]})
            continue
        found += 1
        if any(p["date"] == g["date"] and p["granularity"] == g["granularity"] for p in overlapping):
            right += 1
        else:
            misses.append({"kind": "date wrong", "article": g["article"], "gold": f"{g['expression']} = {g['date']}",
                           "predicted": [f"{p['text']} = {p['date']} ({p['granularity']})" for p in overlapping]})
    return {"date_recall": round(found / len(gold_dates), 4) if gold_dates else 1.0,
            "date_accuracy": round(right / found, 4) if found else 1.0, "date_gold": len(gold_dates),
            "date_misses": misses}


def score_analysis(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
    """Every metric of the module docstring for predicted {"entities", "quotes", "dates", "texts"} against gold.

    predicted["entities"]: [{"name", "type", "aliases", "mentions"}]; predicted["quotes"]:
    [{"article", "text", "speaker", "direct"}]; predicted["dates"]: [{"article", "text", "start", "end",
    "date", "granularity"}]; predicted["texts"] (optional): article -> analysed body, where the gold's
    date expressions are looked up to compare spans."""
    scores: dict[str, Any] = {}
    scores.update(score_entities(gold.get("entities", []), predicted.get("entities", []), predicted.get("texts")))
    scores.update(score_quotes(gold, predicted.get("quotes", [])))
    scores.update(score_dates(gold.get("dates", []), predicted.get("dates", []), predicted.get("texts")))
    return scores


def prediction(analyses: Mapping[str, tuple[str, Analysis]], entities: Iterable[Entity]) -> dict[str, Any]:
    """The predicted dict score_analysis reads, from analyses keyed by article (text, analysis) and entities."""
    out: dict[str, Any] = {"entities": [], "quotes": [], "dates": [], "texts": {}}
    for e in entities:
        out["entities"].append({"name": e.name, "type": e.type, "aliases": list(e.aliases),
                                "mentions": len(e.mentions)})
    for article, (text, analysis) in analyses.items():
        out["texts"][article] = text
        for q in analysis.quotes:
            out["quotes"].append({"article": article, "text": q.text, "speaker": q.speaker, "direct": q.direct,
                                  "start": q.start, "end": q.end})
        for t in analysis.times:
            out["dates"].append({"article": article, "text": t.text, "start": t.start, "end": t.end, "date": t.date,
                                 "granularity": t.granularity})
    return out


def read_demo(demo_dir: str | Path) -> tuple[dict[str, Any], dict[str, tuple[str, date | None, str | None]]]:
    """The gold of a demo folder and each gold article's body, publication day and language (its
    record's, else detected as ingest detects it), keyed as the gold keys them."""
    from storyline.evaluate.gold import gold_article_path
    from storyline.extract import article_language
    from storyline.model import Record
    from storyline.settings import Settings
    from storyline.sources.files import read_inputs
    from storyline.text import normalize_text

    root = Path(demo_dir)
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    articles: dict[str, tuple[str, date | None, str | None]] = {}
    for key in gold.get("articles", {}):
        path = gold_article_path(root, gold, key)
        if path is None:
            continue
        record = next((r for r in read_inputs([str(path)], Settings()) if isinstance(r, Record)), None)
        if record is None:
            continue
        text = normalize_text(record.text)
        articles[key] = (text, record.published.date() if record.published else None,
                         article_language(record.language, record.title, text))
    return gold, articles


def _language_subset(gold: dict[str, Any], predicted: dict[str, Any], keep: set[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The gold and predicted items of the articles in keep (entities stay whole)."""
    sub_gold = {**gold, "quotes": [q for q in gold.get("quotes", []) if q["article"] in keep],
                "dates": [d for d in gold.get("dates", []) if d["article"] in keep]}
    sub_predicted = {**predicted, "quotes": [q for q in predicted["quotes"] if q["article"] in keep],
                     "dates": [d for d in predicted["dates"] if d["article"] in keep],
                     "texts": {k: v for k, v in predicted["texts"].items() if k in keep}}
    return sub_gold, sub_predicted


def scores_by_language(gold: dict[str, Any], predicted: dict[str, Any], language_of: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Quote recall, speaker accuracy and date accuracy for the articles of each language apart."""
    out: dict[str, dict[str, Any]] = {}
    for language in sorted(set(language_of.values())):
        keep = {k for k, v in language_of.items() if v == language}
        sub_gold, sub_predicted = _language_subset(gold, predicted, keep)
        quotes = score_quotes(sub_gold, sub_predicted["quotes"])
        dates = score_dates(sub_gold["dates"], sub_predicted["dates"], sub_predicted["texts"])
        out[language] = {"articles": len(keep), **{k: v for k, v in {**quotes, **dates}.items()
                                                   if not k.endswith("misses")}}
    return out


def score_demo(demo_dir: str | Path) -> dict[str, Any]:
    """Analyse every article of a demo folder (each by its language's rules) and score against its
    gold.json; entities are merged corpus-wide. by_language holds the figures of each language apart,
    the language being the gold's where it gives one, else the detected one."""
    from storyline.analyze import analyze_in_languages, canonical_entities

    gold, articles = read_demo(demo_dir)
    keys = list(articles)
    results = analyze_in_languages(articles[k] for k in keys)
    analyses = {k: (articles[k][0], result) for k, result in zip(keys, results, strict=True)}
    entities = canonical_entities({k: analysis.mentions for k, (_, analysis) in analyses.items()},
                                  {k: text for k, (text, _) in analyses.items()})
    predicted = prediction(analyses, entities)
    scores = score_analysis(gold, predicted)
    scores["articles"] = len(keys)
    language_of = {k: gold["articles"][k].get("language") or articles[k][2] or "unknown" for k in keys}
    scores["by_language"] = scores_by_language(gold, predicted, language_of)
    return scores


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    scores = score_demo(args[0] if args else "examples/demo")
    verbose = "--misses" in args
    figures = {k: v for k, v in scores.items() if verbose or not k.endswith("misses")}
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
