"""English nouns that say a person's sex ("his wife", "a spokeswoman", "her son"): read where a stranger is
taken up by "he" or "she" (analyze/antecedents.py) and where a name set after one gets its sex from it
(analyze/article_text.py: "His wife, Marguerite Achterkamp," is no "Mr. Achterkamp")."""

from __future__ import annotations

SEXED_NOUNS = {"man": "m", "woman": "f", "spokesman": "m", "spokeswoman": "f", "businessman": "m", "businesswoman": "f",
               "congressman": "m", "congresswoman": "f", "chairman": "m", "chairwoman": "f", "father": "m", "mother": "f",
               "husband": "m", "wife": "f", "son": "m", "daughter": "f", "brother": "m", "sister": "f", "boy": "m",
               "girl": "f", "actor": "m", "actress": "f", "uncle": "m", "aunt": "f", "nephew": "m", "niece": "f",
               "widow": "f", "grandmother": "f", "grandfather": "m", "lady": "f", "gentleman": "m"}
