"""English nouns that say a person's sex ("his wife", "a spokeswoman", "her son"): read where a stranger is
taken up by "he" or "she" (analyze/antecedents.py) and where a name set after one gets its sex from it
(analyze/article_text.py: "His wife, Marguerite Achterkamp," is no "Mr. Achterkamp"), and where a description
falls to the person named last (analyze/speakers.py: "the New York businessman" is no woman)."""

from __future__ import annotations

SEXED_NOUNS = {"man": "m", "woman": "f", "spokesman": "m", "spokeswoman": "f", "businessman": "m", "businesswoman": "f",
               "congressman": "m", "congresswoman": "f", "chairman": "m", "chairwoman": "f", "father": "m", "mother": "f",
               "husband": "m", "wife": "f", "son": "m", "daughter": "f", "brother": "m", "sister": "f", "boy": "m",
               "girl": "f", "actor": "m", "actress": "f", "uncle": "m", "aunt": "f", "nephew": "m", "niece": "f",
               "widow": "f", "grandmother": "f", "grandfather": "m", "lady": "f", "gentleman": "m",
               "grandson": "m", "granddaughter": "f", "stepfather": "m", "stepmother": "f", "boyfriend": "m",
               "girlfriend": "f", "councilman": "m", "councilwoman": "f", "assemblyman": "m", "assemblywoman": "f",
               "policeman": "m", "policewoman": "f", "anchorman": "m", "anchorwoman": "f", "statesman": "m",
               "stateswoman": "f", "salesman": "m", "saleswoman": "f", "sportsman": "m", "sportswoman": "f",
               "frontman": "m", "gunman": "m", "fisherman": "m", "waitress": "f", "heiress": "f"}
