"""The record of what the rules know of one language (one row per language module)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguageResources:
    """The words of one language that quote, date and number rules read; all lower case."""

    code: str
    cue_verbs: tuple[str, ...] = ()
    future_words: tuple[str, ...] = ()
    future_endings: tuple[str, ...] = ()  # endings of future-tense verbs: "terminará", "resteront"
    year_prepositions: tuple[str, ...] = ()
    day_prefixes: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()  # a capitalised word right after one is a noun, not a name ("der Gouverneur")
    number_words: dict[str, int] = field(default_factory=dict)
    scale_words: dict[str, int] = field(default_factory=dict)  # "50 тысяч", "2 millions": a multiplier after digits
    compound_weekdays: bool = False  # German writes "Donnerstagmorgen" as one word
    # German capitalises every noun: a lone capitalised word is a name only after one of these words
    # ("in Larkhaven", "von Malatya") or punctuation; empty where only names are capitalised
    name_prepositions: tuple[str, ...] = ()
    not_dates: tuple[str, ...] = ()  # phrases where a date word means something else ("por la mañana")


def word_numbers(words: str) -> dict[str, int]:
    """'un=1 deux=2 …' as a mapping."""
    return {w: int(n) for w, n in (item.split("=") for item in words.split())}
