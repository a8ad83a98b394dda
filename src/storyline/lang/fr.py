"""French: the words the quote, date and number rules read."""

from __future__ import annotations

from storyline.lang.resources import LanguageResources, word_numbers

RESOURCES = LanguageResources(
    code="fr",
    scale_words=word_numbers("mille=1000 million=1000000 millions=1000000 milliard=1000000000 milliards=1000000000"),
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
    number_words=word_numbers("un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
                          "douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt=20 trente=30 quarante=40 "
                          "cinquante=50 soixante=60 cent=100 mille=1000"),
)
