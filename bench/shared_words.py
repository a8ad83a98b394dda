"""How well the words two reports share tell reports of one event from reports of others (storyline.shared_words).

    .venv/bin/python bench/shared_words.py FILE [--split dev] [--days 1]
    .venv/bin/python bench/shared_words.py ../shared/data/ecbplus/ecbplus_train_dev.jsonl --split dev \
        --published tests/fixtures/real [--write /tmp/ecb_dated.jsonl]

FILE is JSON Lines of id, date, title, text and gold (the event), as `storyline eval clusters` reads
them; with --published, a record is dated as that folder's published.json dates its id (ECB+ stores no
dates), and --write keeps the records so dated, for `storyline eval clusters`. Every pair of dated reports at most --days apart is weighed as one run over the file would weigh
it (document frequencies over the file's reports), and the pairs of one event and of two are counted at
or above each cosine: the merge's threshold (shared_words.WORDS_COSINE) should leave the second count
at 0. The pairs of two events with the highest cosines are printed, then the rule's own cost: CPU ms an
article for its words and for the pairs (WordIndex.sharing, every report new), against the key terms
placement reads (cluster.article_terms) timed in the same run."""

from __future__ import annotations

import argparse
import itertools
import json
import time
from datetime import date
from pathlib import Path

from storyline.cluster import article_terms
from storyline.evaluate.real import publication_days
from storyline.model import Article
from storyline.shared_words import WORDS_COSINE, WordIndex, article_words, weights

CUTS = (0.25, 0.3, WORDS_COSINE, 0.4, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--split", help="only the records whose 'split' is this")
    parser.add_argument("--days", type=int, default=1, help="the most days apart a pair may be")
    parser.add_argument("--published", type=Path, help="a folder whose published.json dates the records by id")
    parser.add_argument("--write", type=Path, help="write the dated records of the split here (JSON Lines)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.published:
        published = publication_days(args.published)
        for row in rows:
            row.pop("date", None)
            if published.get(row["id"]):
                row["date"] = published[row["id"]].isoformat()
    rows = [row for row in rows if row.get("date") and (args.split is None or row.get("split") == args.split)]
    if args.write:
        args.write.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    days = [date.fromisoformat(row["date"][:10]) for row in rows]
    words = [article_words(row.get("title"), row["text"], row.get("language", "en")) for row in rows]
    frequency: dict[str, int] = {}
    for counts in words:
        for word in counts:
            frequency[word] = frequency.get(word, 0) + 1
    weighed = [weights(counts, len(rows), frequency) for counts in words]
    pairs = []
    for i, j in itertools.combinations(range(len(rows)), 2):
        if abs((days[i] - days[j]).days) <= args.days:
            score = sum(value * weighed[j].get(word, 0.0) for word, value in weighed[i].items())
            pairs.append((score, rows[i]["gold"] == rows[j]["gold"], i, j))
    same = sum(one for _, one, _, _ in pairs)
    print(f"{len(rows)} reports; pairs at most {args.days} day(s) apart: {same} of one event, {len(pairs) - same} of two")
    print("cosine   one event   two events")
    for cut in CUTS:
        print(f"{cut:>6.2f}   {sum(one for s, one, _, _ in pairs if s >= cut):>9}   "
              f"{sum(not one for s, one, _, _ in pairs if s >= cut):>10}")
    for score, _, i, j in sorted((p for p in pairs if not p[1]), reverse=True)[:5]:
        print(f"  two events at {score:.3f}: {rows[i]['id']} | {rows[j]['id']}")
    cost(rows, days)


def cost(rows: list[dict], days: list[date], rounds: int = 3) -> None:
    """CPU ms an article: the words, the pairs, and placement's key terms as the baseline (best of rounds)."""
    articles = [Article(id=row["id"], source="bench", text=row["text"], text_hash="", title=row.get("title"))
                for row in rows]

    def timed(work) -> float:  # type: ignore[no-untyped-def]
        best = float("inf")
        for _ in range(rounds):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        return 1000 * best / len(rows)

    words = [article_words(row.get("title"), row["text"], "en") for row in rows]
    frequency: dict[str, int] = {}
    for counts in words:
        for word in counts:
            frequency[word] = frequency.get(word, 0) + 1
    index = WordIndex()
    for row, day, counts in zip(rows, days, words, strict=True):
        index.add(row["id"], day, counts)
    terms = timed(lambda: [article_terms(article) for article in articles])
    reading = timed(lambda: [article_words(row.get("title"), row["text"], "en") for row in rows])
    pairing = timed(lambda: index.sharing([row["id"] for row in rows], len(rows), lambda asked: frequency))
    print(f"cost, CPU ms an article: key terms {terms:.2f}; words {reading:.2f} ({reading / terms:.2f}x); "
          f"pairs {pairing:.2f} ({pairing / terms:.2f}x)")


if __name__ == "__main__":
    main()
