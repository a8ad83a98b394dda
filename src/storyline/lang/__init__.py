"""What the rules know of each language: one module per language, English included, one registry.

Each language module (fr.py, de.py …) defines one LanguageResources row, RESOURCES: the verbs that introduce a quote (its cue
lexicon), the words that put a weekday in the future, the prepositions before a bare year, the words
that may stand before a weekday ("el jueves", "у п'ятницю"), and its number words (for comparison:
"zwölf" against "14"). Month and weekday names, and "yesterday"/"today"/"tomorrow", come from
dateparser's locale data, so they are not repeated here, and dates work in every language dateparser
knows. Quote marks need no table: the one scanner in analyze/quote_marks.py pairs „…“ »…« « … » «…» “…” alike.

A language without a row (Italian, Polish, Turkish …) still gets its dates and its capitalised names;
its quotes are found by their marks, with a speaker only where a name stands right beside them.

English (en.py) has its own rules (analyze/cue_words.py, speakers.py, dates.py, compare/) and
keeps the word lists they read (those of transcripts' labels in en_transcripts.py, the nouns that say a
person's sex in en_sexes.py, the census's given names in en_given_names.py); its row is
empty, so English is never read by the rules for the other languages. Adding a language: a module
with its RESOURCES row, and one line in LANGUAGES."""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType

from storyline.lang import de, en, es, fr, ru, uk
from storyline.lang.resources import LanguageResources

# The registry: every language storyline has words for, in the order they were added.
LANGUAGES: tuple[ModuleType, ...] = (en, fr, de, es, uk, ru)
RESOURCES: dict[str, LanguageResources] = {m.RESOURCES.code: m.RESOURCES for m in LANGUAGES if m is not en}

__all__ = ["LANGUAGES", "RESOURCES", "SUPPORTED", "LanguageResources", "cue_pattern", "future_pattern",
           "number_value", "resources_for", "scale_value"]

SUPPORTED = tuple(RESOURCES)


def resources_for(language: str | None) -> LanguageResources:
    """The row of a language; an empty row (dates and names only) for one storyline has no words for."""
    code = (language or "").lower()
    return RESOURCES.get(code) or LanguageResources(code=code)


def _words(phrases: tuple[str, ...]) -> str:
    """A regex alternative of phrases, longest first, apostrophes and hyphens matching their variants."""
    escaped = [re.escape(p).replace("'", "['’ʼ]").replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)]
    return "|".join(escaped)


@lru_cache(maxsize=32)
def cue_pattern(language: str) -> re.Pattern[str] | None:
    """The cue verbs of a language as one case-insensitive whole-word pattern; None where it has none."""
    row = resources_for(language)
    if not row.cue_verbs:
        return None
    return re.compile(rf"(?<![\w'’ʼ-])(?:{_words(row.cue_verbs)})(?![\w'’ʼ-])", re.IGNORECASE)


@lru_cache(maxsize=32)
def future_pattern(language: str) -> re.Pattern[str] | None:
    """Words (and verb endings) that put what follows in the future, in one pattern; None where unknown."""
    row = resources_for(language)
    parts = []
    if row.future_words:
        parts.append(rf"(?<![\w'’ʼ])(?:{_words(row.future_words)})(?![\w'’ʼ])")
    if row.future_endings:
        parts.append(rf"\w{{2,}}(?:{_words(row.future_endings)})(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def scale_value(word: str, language: str) -> int | None:
    """The multiplier a word after digits gives ("тысяч" -> 1000), None if it gives none."""
    return resources_for(language).scale_words.get(word.casefold())


def number_value(word: str, language: str) -> int | None:
    """The value of a number written as a word ("zwölf" -> 12, "Vingt-deux" -> 22); None if not one."""
    words = resources_for(language).number_words
    folded = word.casefold().replace("’", "'").replace("ʼ", "'")
    if folded in words:
        return words[folded]
    parts = re.split(r"[-\s]+|\s+et\s+|\s+y\s+", folded)
    if len(parts) > 1 and all(p in words for p in parts):
        total = 0
        for p in parts:
            value = words[p]
            total = total * value if value in (100, 1000) and total else total + value
        return total
    return None
