"""Quote variants on real reports: whether the quotes of the briefs pair the quotations the annotation
pairs (tests/fixtures/real/quote_pairs.json; its README says how each pair was decided).

A pair is `same` (one statement as two outlets quote it: word for word, reworded, or with the speaker
named by one outlet only) or `different` (one speaker, one topic, two statements). A brief puts a pair
together when one of its quotes has a variant whose words overlap one side and another variant whose
words overlap the other. Precision is the share of `same` pairs among those put together; recall the
share of `same` pairs put together (also by kind, and among the pairs whose two sides the quote finder
read as quotations of one story, which is what the pairing alone is answerable for); look-alikes kept
apart the share of `different` pairs not put together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.evaluate.spans import DocSpan, share

SAME_KINDS = ("verbatim", "reworded", "unattributed")


@dataclass(frozen=True)
class PredictedQuote:
    """A quote of a brief (one statement), each variant's parts mapped back to documents."""

    run: str
    story: str
    speaker: str | None
    variants: tuple[tuple[DocSpan, ...], ...]

    def variant_hitting(self, side: DocSpan) -> int | None:
        """The variant whose words overlap the side's, if one does."""
        return next((n for n, spans in enumerate(self.variants) if any(s.overlaps(side) for s in spans)), None)




def _together(quotes: Sequence[PredictedQuote], a: DocSpan, b: DocSpan) -> bool:
    for quote in quotes:
        first, second = quote.variant_hitting(a), quote.variant_hitting(b)
        if first is not None and second is not None and first != second:
            return True
    return False


def _read(quotes: Sequence[PredictedQuote], side: DocSpan) -> bool:
    """Whether any quote of any brief holds the side's words: the quote finder read it as a quotation."""
    return any(q.variant_hitting(side) is not None for q in quotes)


def score_quote_pairs(items: Sequence[dict[str, Any]], quotes: Sequence[PredictedQuote],
                      split_sides: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """Pairing precision and recall, look-alikes kept apart, with the counts and the ids behind them."""
    same = [i for i in items if i["label"] == "same"]
    different = [i for i in items if i["label"] == "different"]
    together = {i["id"] for i in items if _together(quotes, *(DocSpan.of(s) for s in i["sides"]))}
    same_together = [i for i in same if i["id"] in together]
    readable = [i for i in same if not split_sides(i) and all(_read(quotes, DocSpan.of(s)) for s in i["sides"])]

    def why(item: dict[str, Any]) -> str:
        if split_sides(item):
            return "sides in different stories"
        if not all(_read(quotes, DocSpan.of(s)) for s in item["sides"]):
            return "a side not read as a quotation"
        return "not paired"

    return {
        "quote_pairs_gold": len(items), "quote_pairs_same": len(same), "quote_pairs_different": len(different),
        "quote_pairs_together": len(together), "quote_pairs_together_same": len(same_together),
        "quote_pair_precision": share(len(same_together), len(together)),
        "quote_pair_recall": share(len(same_together), len(same)),
        "quote_pair_recall_by_kind": {kind: share(sum(1 for i in same_together if i["kind"] == kind),
                                                   sum(1 for i in same if i["kind"] == kind)) for kind in SAME_KINDS},
        "quote_pairs_read": len(readable),
        "quote_pair_recall_read": share(sum(1 for i in readable if i["id"] in together), len(readable)),
        "quote_lookalikes_apart": len(different) - sum(1 for i in different if i["id"] in together),
        "quote_lookalike_apart_rate": share(len(different) - sum(1 for i in different if i["id"] in together),
                                             len(different)),
        "quote_pairs_wrongly_together": sorted(i["id"] for i in different if i["id"] in together),
        "quote_pairs_missed": [{"id": i["id"], "kind": i["kind"], "why": why(i)}
                               for i in same if i["id"] not in together],
        "quote_pairs_split": sorted(i["id"] for i in items if split_sides(i)),
    }


def quote_pair_rows(scores: Mapping[str, Any]) -> list[list[str]]:
    """The quote-pair figures for people (none where the set has no quote pairs)."""
    if not scores.get("quote_pairs_gold"):
        return []

    def figure(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    by_kind = ", ".join(f"{kind} {figure(value)}" for kind, value in scores["quote_pair_recall_by_kind"].items())
    return [
        ["quote variants: precision", figure(scores["quote_pair_precision"]),
         f"{scores['quote_pairs_together_same']} same of {scores['quote_pairs_together']} pairs put together", ""],
        ["quote variants: recall", figure(scores["quote_pair_recall"]),
         f"{scores['quote_pairs_together_same']} of {scores['quote_pairs_same']} same pairs ({by_kind})", ""],
        ["quote variants: recall, both sides read as quotations", figure(scores["quote_pair_recall_read"]),
         f"of {scores['quote_pairs_read']} same pairs whose sides are quotations of one story", ""],
        ["quote look-alikes kept apart", figure(scores["quote_lookalike_apart_rate"]),
         f"{scores['quote_lookalikes_apart']} of {scores['quote_pairs_different']}", ""],
    ]
