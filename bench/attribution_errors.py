"""Sort the speaker errors of `storyline eval quotes FILE --json --errors` into kinds, with counts
and a few examples each (article id and character spans), for docs/attribution.md.

    storyline eval quotes ../shared/data/polnear/train.jsonl --json --errors > train-errors.json
    .venv/bin/python bench/attribution_errors.py train-errors.json ../shared/data/polnear/train.jsonl

Run it on train only: the kinds steer the next rules, and dev stays held out. Each error gets the
first kind whose test holds, in the order of KINDS."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from storyline.lang.en import CUE_WORDS

KINDS = [
    ("null: cue not in the lexicon", "speaker null, and the annotated cue's verb is not one storyline knows"),
    ("null: cue known", "speaker null although the cue is a verb storyline knows"),
    ("speaker named in the quote", "given to a person the quotation itself names (speaks of them)"),
    ("a name inside the source phrase", "given to a name in the annotated source that is not its head ('Seth "
                                        "McKee, a political scientist at Texas Tech University', 'a Clinton aide')"),
    ("pronoun to a nearer name", "an annotated he/she/they given to a person named after the source it refers "
                                 "to (the last name seen, not the paragraph's speaker)"),
    ("pronoun to another person", "an annotated he/she/they given to someone else"),
    ("role noun not resolved", "an annotated description ('the Republican nominee') given to someone else"),
    ("anonymous given a name", "an annotated anonymous source ('a campaign aide') given a name"),
    ("cue not in the lexicon", "another person, and the annotated cue's verb is not one storyline knows"),
    ("another person", "a name source given to another named person, cue known"),
]


def cue_verbs(cue: str | None) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z]+", cue or "")]


def known_cue(cue: str | None) -> bool:
    """Whether any word of the annotated cue is in storyline's cue list ('according to' counts as known)."""
    words = cue_verbs(cue)
    return any(w in CUE_WORDS for w in words) or "according" in words


def kind_of(error: dict, text: str) -> str:
    content = " ".join(text[a:b] for a, b in error["content"] or [])
    predicted = error["predicted"]
    if predicted is None:
        return "null: cue known" if known_cue(error["cue"]) else "null: cue not in the lexicon"
    surname = predicted.split()[-1]
    if re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", content):
        return "speaker named in the quote"
    if re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", error["source"]):
        return "a name inside the source phrase"
    if error["kind"] == "pronoun":
        start = error["source_span"][0]
        expected = (error["expected"] or "").split()[-1:] or [""]
        seen = [m.end() for m in re.finditer(rf"(?<!\w){re.escape(expected[0])}(?!\w)", text[:start], re.I)]
        nearer = seen and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", text[seen[-1]:start])
        return "pronoun to a nearer name" if nearer else "pronoun to another person"
    if error["kind"] == "definite":
        return "role noun not resolved"
    if error["kind"] == "anonymous":
        return "anonymous given a name"
    if not known_cue(error["cue"]):
        return "cue not in the lexicon"
    return "another person"


def main(argv: list[str]) -> int:
    scores = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    texts = {}
    with open(argv[1], encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for error in scores["speaker_errors"]:
        by_kind[kind_of(error, texts[error["article"]])].append(error)
    total = len(scores["speaker_errors"])
    print(f"{total} speaker errors among {scores['speaker_named'] + scores['speaker_referred'] + scores['speaker_anonymous']}"
          " found quotations with a source")
    for kind, meaning in KINDS:
        errors = by_kind.get(kind, [])
        print(f"\n{kind}: {len(errors)} ({meaning})")
        print("  by gold source kind:", dict(Counter(e["kind"] for e in errors)))
        cues = Counter(" ".join(cue_verbs(e["cue"])) for e in errors)
        print("  commonest cues:", cues.most_common(8))
        for e in errors[:4]:
            print(f"  - {e['article']} source {e['source_span']} {e['source']!r} cue {e['cue']!r} content "
                  f"{e['content']}: expected {e['expected']!r}, predicted {e['predicted']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
