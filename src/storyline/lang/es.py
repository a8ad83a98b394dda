"""Spanish: the words the quote, date and number rules read."""

from __future__ import annotations

from storyline.lang.resources import LanguageResources, word_numbers

RESOURCES = LanguageResources(
    code="es",
    scale_words=word_numbers("mil=1000 millón=1000000 millones=1000000"),
    cue_verbs=("dijo", "afirmó", "declaró", "señaló", "aseguró", "explicó", "añadió", "agregó", "advirtió", "indicó",
               "subrayó", "sostuvo", "insistió", "manifestó", "apuntó", "comentó", "dice", "afirma", "declara",
               "asegura", "explica", "según"),
    future_words=("va", "van", "próximo", "próxima", "hasta", "prevé", "previsto", "prevista"),
    future_endings=("rá", "rán"),
    year_prepositions=("en", "desde", "de", "hasta", "antes", "después"),
    day_prefixes=("el", "este", "esta", "desde", "hasta"),
    determiners=("el", "la", "los", "las", "un", "una", "del", "al"),
    number_words=word_numbers("un=1 uno=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 "
                          "once=11 doce=12 trece=13 catorce=14 quince=15 veinte=20 treinta=30 cuarenta=40 "
                          "cincuenta=50 cien=100 ciento=100 seiscientos=600 mil=1000"),
    not_dates=("la mañana", "esta mañana", "por la mañana", "de la mañana"),
)
