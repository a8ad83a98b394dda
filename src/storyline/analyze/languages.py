"""What analysis knows of each language other than English, in one table.

Each supported language has one LanguageResources row: the verbs that introduce a quote (its cue
lexicon), the words that put a weekday in the future, the prepositions before a bare year, the words
that may stand before a weekday ("el jueves", "у п'ятницю"), and its number words (for comparison:
"zwölf" against "14"). Month and weekday names, and "yesterday"/"today"/"tomorrow", come from
dateparser's locale data, so they are not repeated here, and dates work in every language dateparser
knows. Quote marks need no table: the one scanner in quotes.py pairs „…“ »…« « … » «…» “…” alike.

A language without a row (Italian, Polish, Turkish …) still gets its dates and its capitalised names;
its quotes are found by their marks, with a speaker only where a name stands right beside them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


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


def _numbers(words: str) -> dict[str, int]:
    """'un=1 deux=2 …' as a mapping."""
    return {w: int(n) for w, n in (item.split("=") for item in words.split())}


RESOURCES: dict[str, LanguageResources] = {
    "fr": LanguageResources(
        code="fr",
        scale_words=_numbers("mille=1000 million=1000000 millions=1000000 milliard=1000000000 milliards=1000000000"),
        cue_verbs=("a déclaré", "a dit", "a affirmé", "a expliqué", "a raconté", "a ajouté", "a indiqué", "a souligné",
                   "a assuré", "a estimé", "a précisé", "a averti", "a martelé", "a répondu", "a confié", "a lancé",
                   "a insisté", "a reconnu", "a prévenu", "a-t-il déclaré", "a-t-elle déclaré", "a-t-il dit",
                   "a-t-elle dit", "a-t-il ajouté", "a-t-elle ajouté", "a-t-il expliqué", "a-t-elle expliqué",
                   "déclare", "dit", "affirme", "explique", "raconte", "ajoute", "indique", "souligne", "assure",
                   "estime", "précise", "avertit", "selon", "déclare-t-il", "déclare-t-elle", "explique-t-il",
                   "explique-t-elle", "ajoute-t-il", "ajoute-t-elle", "dit-il", "dit-elle"),
        future_words=("doit", "doivent", "devrait", "devraient", "va", "vont", "prochain", "prochaine", "prévu",
                      "prévue", "jusqu'à", "jusqu'au", "d'ici"),
        future_endings=("ra", "ront"),
        year_prepositions=("en", "depuis", "de", "dès", "avant", "après", "jusqu'en", "fin", "début"),
        day_prefixes=("le", "ce", "dès", "depuis"),
        determiners=("le", "la", "les", "l'", "un", "une", "du", "des", "au", "aux"),
        number_words=_numbers("un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
                              "douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt=20 trente=30 quarante=40 "
                              "cinquante=50 soixante=60 cent=100 mille=1000"),
    ),
    "de": LanguageResources(
        code="de",
        scale_words=_numbers("tausend=1000 million=1000000 millionen=1000000 milliarde=1000000000 milliarden=1000000000"),
        cue_verbs=("sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "fügte", "meinte", "meint",
                   "warnte", "warnt", "versicherte", "berichtete", "kündigte", "teilte", "unterstrich", "bekräftigte",
                   "so", "zufolge", "laut"),
        future_words=("wird", "werden", "soll", "sollen", "will", "wollen", "kommenden", "kommende", "nächsten",
                      "nächste", "bis", "geplant", "angesetzt"),
        year_prepositions=("seit", "im", "in", "bis", "von", "vor", "nach", "ab", "jahr"),
        day_prefixes=("am", "vom", "seit", "bis", "ab"),
        determiners=("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines",
                     "im", "am", "vom", "zum", "zur"),
        number_words=_numbers("ein=1 eine=1 einen=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 neun=9 "
                              "zehn=10 elf=11 zwölf=12 dreizehn=13 vierzehn=14 fünfzehn=15 sechzehn=16 zwanzig=20 "
                              "dreißig=30 vierzig=40 fünfzig=50 hundert=100 tausend=1000"),
        compound_weekdays=True,
        name_prepositions=("in", "von", "nach", "aus", "bei", "mit", "für", "gegen", "über", "und", "oder", "sagte",
                           "so", "laut", "seit", "an", "auf", "zwischen", "wie", "als"),
    ),
    "es": LanguageResources(
        code="es",
        scale_words=_numbers("mil=1000 millón=1000000 millones=1000000"),
        cue_verbs=("dijo", "afirmó", "declaró", "señaló", "aseguró", "explicó", "añadió", "agregó", "advirtió", "indicó",
                   "subrayó", "sostuvo", "insistió", "manifestó", "apuntó", "comentó", "dice", "afirma", "declara",
                   "asegura", "explica", "según"),
        future_words=("va", "van", "próximo", "próxima", "hasta", "prevé", "previsto", "prevista"),
        future_endings=("rá", "rán"),
        year_prepositions=("en", "desde", "de", "hasta", "antes", "después"),
        day_prefixes=("el", "este", "esta", "desde", "hasta"),
        determiners=("el", "la", "los", "las", "un", "una", "del", "al"),
        number_words=_numbers("un=1 uno=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 "
                              "once=11 doce=12 trece=13 catorce=14 quince=15 veinte=20 treinta=30 cuarenta=40 "
                              "cincuenta=50 cien=100 ciento=100 seiscientos=600 mil=1000"),
        not_dates=("la mañana", "esta mañana", "por la mañana", "de la mañana"),
    ),
    "uk": LanguageResources(
        code="uk",
        scale_words=_numbers("тисяча=1000 тисячі=1000 тисяч=1000 мільйон=1000000 мільйони=1000000 мільйонів=1000000"),
        cue_verbs=("заявив", "заявила", "заявили", "сказав", "сказала", "сказали", "наголосив", "наголосила",
                   "додав", "додала", "зазначив", "зазначила", "повідомив", "повідомила", "підкреслив", "підкреслила",
                   "пояснив", "пояснила", "розповів", "розповіла", "заявляє", "каже", "відповів", "відповіла",
                   "за словами"),
        future_words=("буде", "будуть", "планує", "планують", "наступного", "наступної", "наступний", "до"),
        future_endings=("тиме", "тимуть"),
        year_prepositions=("у", "в", "з", "із", "до", "від", "після", "році", "рік"),
        day_prefixes=("у", "в", "до", "з", "від"),
        number_words=_numbers("один=1 одна=1 два=2 дві=2 три=3 чотири=4 п'ять=5 шість=6 сім=7 вісім=8 дев'ять=9 "
                              "десять=10 одинадцять=11 дванадцять=12 п'ятнадцять=15 двадцять=20 сто=100 тисяча=1000"),
    ),
    "ru": LanguageResources(
        code="ru",
        scale_words=_numbers("тысяча=1000 тысячи=1000 тысяч=1000 миллион=1000000 миллиона=1000000 миллионов=1000000"),
        cue_verbs=("заявил", "заявила", "заявили", "сказал", "сказала", "сказали", "отметил", "отметила",
                   "подчеркнул", "подчеркнула", "добавил", "добавила", "пояснил", "пояснила", "сообщил", "сообщила",
                   "рассказал", "рассказала", "ответил", "ответила", "говорит", "заявляет", "по словам"),
        future_words=("будет", "будут", "планирует", "планируют", "следующей", "следующий", "следующего", "до"),
        year_prepositions=("в", "во", "с", "со", "до", "после", "году", "год"),
        day_prefixes=("в", "во", "до", "с", "со"),
        number_words=_numbers("один=1 одна=1 два=2 две=2 три=3 четыре=4 пять=5 шесть=6 семь=7 восемь=8 девять=9 "
                              "десять=10 одиннадцать=11 двенадцать=12 пятнадцать=15 двадцать=20 сто=100 тысяча=1000"),
    ),
}

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
