"""German: the words the quote, date and number rules read."""

from __future__ import annotations

from storyline.lang.resources import LanguageResources, word_numbers

RESOURCES = LanguageResources(
    code="de",
    scale_words=word_numbers("tausend=1000 million=1000000 millionen=1000000 milliarde=1000000000 milliarden=1000000000"),
    cue_verbs=("sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "fügte", "meinte", "meint",
               "warnte", "warnt", "versicherte", "berichtete", "kündigte", "teilte", "unterstrich", "bekräftigte",
               "so", "zufolge", "laut"),
    future_words=("wird", "werden", "soll", "sollen", "will", "wollen", "kommenden", "kommende", "nächsten",
                  "nächste", "bis", "geplant", "angesetzt"),
    year_prepositions=("seit", "im", "in", "bis", "von", "vor", "nach", "ab", "jahr"),
    day_prefixes=("am", "vom", "seit", "bis", "ab"),
    determiners=("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines",
                 "im", "am", "vom", "zum", "zur"),
    number_words=word_numbers("ein=1 eine=1 einen=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 neun=9 "
                          "zehn=10 elf=11 zwölf=12 dreizehn=13 vierzehn=14 fünfzehn=15 sechzehn=16 zwanzig=20 "
                          "dreißig=30 vierzig=40 fünfzig=50 hundert=100 tausend=1000"),
    compound_weekdays=True,
    name_prepositions=("in", "von", "nach", "aus", "bei", "mit", "für", "gegen", "über", "und", "oder", "sagte",
                       "so", "laut", "seit", "an", "auf", "zwischen", "wie", "als"),
)
