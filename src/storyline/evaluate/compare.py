"""How well the comparison stage agrees with gold claims, conflicts and quote groups.

    .venv/bin/python -m storyline.evaluate.compare [examples/demo] [--misses]

score_compare(gold, predicted_by_story, path_of_article) reads predictions in the `show --json`
shape (per story: {"claims", "quotes"}) and reports:

- conflicts: a gold conflict is found when a predicted conflict cites evidence in at least two of
  the gold's articles and either names the same kind (`about`) and one of the gold's values, or
  gives two of the gold's values. Precision counts every predicted conflict of the gold's stories
  that finds no gold conflict.
- claim status accuracy: each gold claim that is not a conflict is matched to the predicted claim
  (not a conflict) whose evidence covers the gold's articles best (Jaccard of article sets) and whose
  text is most similar (word overlap, at least MIN_SIMILARITY), and scored right when the statuses
  agree; a gold claim nothing states is wrong. compare_story states a dispute as a conflict claim beside one claim per
  side, so a gold fact is compared with the sides, and a false dispute costs conflict precision.
  A gold conflict's text names what is disputed ("Date of the launch") rather than quoting a
  sentence, so it is right when the conflict is found.
- quote-variant pairing: gold pairs are two quotes of one group in two articles of one story;
  predicted pairs are two variants of one predicted quote. A variant is the gold quote whose text
  it overlaps in the same article; pairs with a side that is no gold quote are not judged (they
  are counted apart), as the gold lists every quote an outlet printed.

path_of_article maps the predicted article ids to the gold's article keys (relative paths); the
identity when they are the same."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from anyascii import anyascii

_WORD = re.compile(r"[a-z0-9]+")
MIN_SIMILARITY = 0.2
_STOP = frozenset("the a an of to in on and or for was were is are be by with that at as it its from has have had "
                  "will would said says".split())


def _tokens(text: str) -> set[str]:
    return {w for w in _WORD.findall(anyascii(text).casefold()) if w not in _STOP}


def _text_similarity(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb)) * 0.5 + len(ta & tb) / len(ta | tb) * 0.5


def _number_key(value: str) -> str:
    """A value reduced so that "about 1,900" and "1900" meet; dates and words stay as folded text."""
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20}
    text = anyascii(str(value)).casefold()
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text.strip()):
        return text.strip()
    digits = re.findall(r"\d[\d,]*(?:\.\d+)?", text)
    if digits:
        number = float(digits[0].replace(",", ""))
    else:
        found = [words[w] for w in re.findall(r"[a-z]+", text) if w in words]
        if not found:
            return " ".join(_WORD.findall(text))
        number = float(found[0])
    if "and a half" in text:
        number += 0.5
    return f"{number:g}"


def _articles_of(items: Iterable[dict[str, Any]], path_of_article: Mapping[str, str]) -> set[str]:
    return {path_of_article.get(str(e.get("article")), str(e.get("article"))) for e in items}


def score_conflicts(gold_claims: list[dict[str, Any]], predicted_by_story: Mapping[str, dict[str, Any]],
                    path_of_article: Mapping[str, str]) -> dict[str, Any]:
    gold_conflicts = [c for c in gold_claims if c.get("status") == "conflict"]
    predicted = []
    for story, prediction in predicted_by_story.items():
        for claim in prediction.get("claims", []):
            if claim.get("status") == "conflict" and claim.get("conflict"):
                predicted.append((story, claim))
    found: set[int] = set()
    correct: set[int] = set()
    misses = []
    for g, gold in enumerate(gold_conflicts):
        gold_articles = set(gold["articles"])
        gold_values = {_number_key(v) for v in gold.get("values", {}).values()}
        for p, (story, claim) in enumerate(predicted):
            if story != gold["story"]:
                continue
            cited = _articles_of(claim.get("evidence", []), path_of_article)
            for v in claim["conflict"].get("values", []):
                cited |= _articles_of(v.get("evidence", []), path_of_article)
                if v.get("article"):
                    cited.add(path_of_article.get(str(v["article"]), str(v["article"])))
            if len(cited & gold_articles) < 2:
                continue
            values = {_number_key(v.get("normalized", v.get("value"))) for v in claim["conflict"]["values"]}
            values |= {_number_key(v.get("value")) for v in claim["conflict"]["values"]}
            shared = len(values & gold_values)
            # the same kind, and where the gold gives values, at least one of them: a dispute over
            # another number of the same articles is not this one
            if (claim["conflict"].get("about") == gold.get("about") and (shared or not gold_values)) or shared >= 2:
                found.add(g)
                correct.add(p)
        if g not in found:
            misses.append(f"{gold['story']}: {gold['text']}")
    false = [f"{story}: {claim['conflict'].get('about')} {[v.get('value') for v in claim['conflict']['values']]} "
             f"in {claim['text'][:90]!r}" for p, (story, claim) in enumerate(predicted) if p not in correct]
    precision = len(correct) / len(predicted) if predicted else 1.0
    recall = len(found) / len(gold_conflicts) if gold_conflicts else 1.0
    return {"conflict_precision": round(precision, 3), "conflict_recall": round(recall, 3),
            "conflicts_found": sorted(gold_conflicts[g]["text"] for g in found),
            "conflicts_predicted": len(predicted), "conflicts_gold": len(gold_conflicts),
            "conflict_misses": misses, "conflict_false": false}


def score_claims(gold_claims: list[dict[str, Any]], predicted_by_story: Mapping[str, dict[str, Any]],
                 path_of_article: Mapping[str, str], conflicts_found: Iterable[str] = ()) -> dict[str, Any]:
    """Status accuracy over gold claims. A gold conflict's text describes what is disputed ("Date of
    the launch") rather than quoting a sentence, so it counts as right when the conflict was found."""
    right = 0
    misses = []
    confusion: dict[str, int] = defaultdict(int)
    found = set(conflicts_found)
    for gold in gold_claims:
        if gold.get("status") == "conflict":
            status = "conflict" if gold["text"] in found else "missing"
            confusion[f"conflict->{status}"] += 1
            right += status == "conflict"
            if status != "conflict":
                misses.append(f"{gold['story']}: [conflict -> not found] {gold['text']!r}")
            continue
        claims = predicted_by_story.get(gold["story"], {}).get("claims", [])
        gold_articles = set(gold["articles"])
        best, best_score = None, 0.0
        for claim in claims:
            if claim.get("status") == "conflict" and any(c.get("status") != "conflict" for c in claims):
                # a predicted conflict is a dispute over one value; the fact it is about is stated by
                # the claims of each side, which are what a gold fact is compared with
                continue
            cited = _articles_of(claim.get("evidence", []), path_of_article)
            overlap = len(cited & gold_articles)
            if not overlap:
                continue
            coverage = overlap / len(cited | gold_articles)
            texts = [claim["text"]] + [e.get("text", "") for e in claim.get("evidence", [])]
            similarity = max(_text_similarity(gold["text"], t) for t in texts)
            if similarity < MIN_SIMILARITY:
                continue  # a claim that shares no words with the gold's is not stating it
            score = coverage + 1.5 * similarity
            if score > best_score:
                best, best_score = claim, score
        status = best["status"] if best else "missing"
        confusion[f"{gold['status']}->{status}"] += 1
        if best and status == gold["status"]:
            right += 1
        else:
            misses.append(f"{gold['story']}: [{gold['status']} -> {status}] {gold['text']!r} ~ "
                          f"{(best or {}).get('text', '')[:100]!r} {(best or {}).get('sources')}")
    total = len(gold_claims)
    return {"claim_status_accuracy": round(right / total, 3) if total else 1.0, "claims_gold": total,
            "claim_confusion": dict(sorted(confusion.items())), "claim_misses": misses}


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    i = text.find(quote)
    return (i, i + len(quote)) if i >= 0 else None


def score_quote_pairs(gold: dict[str, Any], predicted_by_story: Mapping[str, dict[str, Any]], path_of_article: Mapping[str, str],
                      texts: Mapping[str, str]) -> dict[str, Any]:
    """Pairing F1 of quote variants; texts maps gold article keys to the text the spans index."""
    stories = set(predicted_by_story)
    gold_quotes = [q for q in gold.get("quotes", []) if q.get("story") in stories]
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for n, q in enumerate(gold_quotes):
        located = _locate(texts.get(q["article"], ""), q["text"])
        if located:
            spans[q["article"]].append((located[0], located[1], n))

    def gold_index(article: str, variant: dict[str, Any]) -> int | None:
        parts = variant.get("parts") or [{"start": variant.get("start"), "end": variant.get("end")}]
        best, best_overlap = None, 0.0
        for part in parts:
            if part.get("start") is None:
                continue
            for s, e, n in spans.get(article, ()):
                overlap = min(e, part["end"]) - max(s, part["start"])
                if overlap > 0 and overlap / min(e - s, part["end"] - part["start"]) >= 0.5 and overlap > best_overlap:
                    best, best_overlap = n, overlap
        return best

    gold_pairs = set()
    for i in range(len(gold_quotes)):
        for j in range(i + 1, len(gold_quotes)):
            a, b = gold_quotes[i], gold_quotes[j]
            if a["story"] == b["story"] and a["group"] == b["group"] and a["article"] != b["article"]:
                gold_pairs.add((i, j))
    predicted_pairs = set()
    unjudged = 0
    for prediction in predicted_by_story.values():
        for quote in prediction.get("quotes", []):
            mapped = []
            for v in quote.get("variants", []):
                article = path_of_article.get(str(v["article"]), str(v["article"]))
                mapped.append((article, gold_index(article, v)))
            for x in range(len(mapped)):
                for y in range(x + 1, len(mapped)):
                    (aa, ga), (ab, gb) = mapped[x], mapped[y]
                    if aa == ab:
                        continue
                    if ga is None or gb is None:
                        unjudged += 1
                        continue
                    if ga != gb:
                        predicted_pairs.add((min(ga, gb), max(ga, gb)))
    tp = len(gold_pairs & predicted_pairs)
    articles_of = [(gold_quotes[i]["article"], gold_quotes[j]["article"]) for i, j in sorted(gold_pairs & predicted_pairs)]
    gold_articles = [(gold_quotes[i]["article"], gold_quotes[j]["article"]) for i, j in sorted(gold_pairs)]
    precision = tp / len(predicted_pairs) if predicted_pairs else 1.0
    recall = tp / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def show(pair: tuple[int, int]) -> str:
        a, b = gold_quotes[pair[0]], gold_quotes[pair[1]]
        return f"{a['story']}: {a['text'][:50]!r} ~ {b['text'][:50]!r}"

    return {"quote_pair_precision": round(precision, 3), "quote_pair_recall": round(recall, 3),
            "quote_pair_f1": round(f1, 3), "quote_pairs_gold": len(gold_pairs), "quote_pairs_predicted":
            len(predicted_pairs), "quote_pairs_unjudged": unjudged,
            "quote_pair_misses": [show(p) for p in sorted(gold_pairs - predicted_pairs)],
            "quote_pair_false": [show(p) for p in sorted(predicted_pairs - gold_pairs)],
            "_quote_pairs_true": articles_of, "_quote_pairs_gold": gold_articles}


def cross_language_scores(gold: dict[str, Any], scores: Mapping[str, Any], language_of: Mapping[str, str]) -> dict[str, Any]:
    """What was found across languages: the gold conflicts between reports in two languages (marked
    with the `language_pair` they are between) that were found, and the true quote-variant pairs
    whose two articles are in two languages (a quotation and its translation)."""
    conflicts = [c for c in gold.get("claims", []) if c.get("status") == "conflict" and c.get("language_pair")]
    found = [c["text"] for c in conflicts if c["text"] in set(scores.get("conflicts_found", []))]
    pairs = scores.get("_quote_pairs_true", [])
    cross = [p for p in pairs if language_of.get(p[0], "en") != language_of.get(p[1], "en")]
    wanted = [p for p in scores.get("_quote_pairs_gold", []) if language_of.get(p[0], "en") != language_of.get(p[1], "en")]
    return {"cross_language_conflicts_found": sorted(found), "cross_language_conflicts_gold": len(conflicts),
            "cross_language_quote_pairs_found": len(cross), "cross_language_quote_pairs_gold": len(wanted),
            "cross_language_quote_pair_recall": round(len(cross) / len(wanted), 3) if wanted else 1.0}


def score_compare(gold: dict[str, Any], predicted_by_story: dict[str, dict[str, Any]], path_of_article: dict[str, str],
                  texts: Mapping[str, str] | None = None, language_of: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Conflict precision/recall, claim status accuracy and quote-variant pairing F1 against gold.json.

    predicted_by_story: gold story label -> {"claims": [...], "quotes": [...]} in the contract shape;
    only the gold claims of those stories are scored. texts (gold article key -> text the spans
    index) lets quote variants be matched to gold quotes by span; without it, by text."""
    stories = set(predicted_by_story)
    claims = [c for c in gold.get("claims", []) if c.get("story") in stories]
    scores: dict[str, Any] = {}
    scores.update(score_conflicts(claims, predicted_by_story, path_of_article))
    scores.update(score_claims(claims, predicted_by_story, path_of_article, scores["conflicts_found"]))
    scores.update(score_quote_pairs(gold, predicted_by_story, path_of_article, texts or {}))
    if language_of and len(set(language_of.values())) > 1:
        scores.update(cross_language_scores(gold, scores, language_of))
    scores.pop("_quote_pairs_true")
    scores.pop("_quote_pairs_gold")
    scores["stories"] = len(stories)
    return scores


def demo_stories(demo_dir: str | Path) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """The gold of a demo folder and, per gold story, its StoryArticles (ids are the gold's relative paths;
    outlets are the folder names; copies listed under the gold's `duplicates` share a group)."""
    from storyline.analyze import analyze_in_languages
    from storyline.compare import StoryArticle
    from storyline.evaluate.gold import gold_article_outlet, gold_article_path
    from storyline.extract import article_language
    from storyline.model import Record
    from storyline.settings import Settings
    from storyline.sources.files import read_inputs
    from storyline.text import normalize_text

    root = Path(demo_dir)
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    group_of: dict[str, str] = {}
    for copies in gold.get("duplicates", []):
        for path in copies:
            group_of[path] = copies[0]
    records: dict[str, tuple[str, str, datetime | None, str | None]] = {}
    for key in gold.get("articles", {}):
        path = gold_article_path(root, gold, key)
        if path is None:
            continue
        outlet = gold_article_outlet(key)
        record = next((r for r in read_inputs([str(path)], Settings(), source=outlet) if isinstance(r, Record)), None)
        if record is None:
            continue
        published = record.published
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        text = normalize_text(record.text)
        records[key] = (record.source, text, published, article_language(record.language, record.title, text))
    keys = list(records)
    analyses = dict(zip(keys, analyze_in_languages(records[k][1:] for k in keys)))
    stories: dict[str, list[Any]] = defaultdict(list)
    for key in keys:
        source, text, published, language = records[key]
        stories[gold["articles"][key]["story"]].append(
            StoryArticle(id=key, source=source, group=group_of.get(key, key), text=text, published=published,
                         analysis=analyses[key], language=language))
    return gold, dict(stories)


def score_demo(demo_dir: str | Path, embed: Callable[[list[str]], Any] | None = None) -> dict[str, Any]:
    """Build each gold story of a demo folder, run compare_story on it and score against its gold.json."""
    from storyline.analyze import canonical_entities
    from storyline.compare import compare_story
    from storyline.embed import load_static_embedder

    embed = embed or load_static_embedder().embed
    gold, stories = demo_stories(demo_dir)
    predicted: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    language_of: dict[str, str] = {}
    for label, articles in stories.items():
        entities = canonical_entities({a.id: a.analysis.mentions for a in articles}, {a.id: a.text for a in articles})
        comparison = compare_story(articles, entities, embed)
        predicted[label] = {"claims": comparison.claims, "quotes": comparison.quotes, "summary": comparison.summary}
        texts.update({a.id: a.text for a in articles})
        language_of.update({a.id: gold["articles"][a.id].get("language") or a.language or "en" for a in articles})
    scores = score_compare(gold, predicted, {k: k for k in texts}, texts, language_of)
    scores["articles"] = len(texts)
    return scores


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("--")]
    scores = score_demo(paths[0] if paths else "examples/demo")
    verbose = "--misses" in args
    figures = {k: v for k, v in scores.items() if verbose or not k.endswith(("misses", "false"))}
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
