"""English: the word lists the English rules read (quote cues and subjects, speakers, addressees).

Other languages keep their words in a module of their own beside this one (see lang/__init__.py)."""

from __future__ import annotations

import re

from storyline.lang.resources import LanguageResources

# The multilingual rules' row: empty, for the English rules read the lists below.
RESOURCES = LanguageResources(code="en")

# ---------------------------------------------------------------- quotes and speakers

CUE_WORDS = set("""said says say saying told tells tell telling added adds adding stressed stresses wrote writes noted notes
warned warns warning announced announces suggested suggests insisted insists declared declares explained explains
argued argues asked asks replied replies acknowledged acknowledges admitted admits conceded concedes claimed claims
recalled recalls underlined underlines emphasised emphasized emphasises emphasizes observed remarked commented urged
urges cautioned cautions predicted predicts promised promises pledged vowed tweeted posted quipped joked confirmed
confirms denied denies repeated repeats answered responded concluded complained disclosed revealed reiterated
maintained maintains continued estimated estimates""".split())
PARTICIPLE_CUES = {"saying", "adding", "telling", "warning"}
REPORTING_CUES = CUE_WORDS - {"asked", "asks", "posted", "continued"}
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
OTHER_PRONOUNS = {"they", "we", "i", "it", "you"}
INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three", "many", "most", "other", "others",
               "any", "each", "few"}
DEFINITE = {"the", "this", "that", "his", "her", "its", "their", "our"}
ANONYMOUS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "diplomat",
              "diplomats", "residents", "witnesses", "analysts", "economists", "experts", "police", "people",
              "engineers", "agents", "lawyers", "staff", "aides", "observers", "critics", "supporters", "traders",
              "insiders", "members", "leaders", "governments", "ministers", "councillors", "workers", "someone"}
ADVERBIALS = {"also", "later", "then", "again", "once", "previously", "repeatedly", "have", "had", "would",
               "will", "did", "does", "do", "never", "not", "further", "today", "yesterday", "separately", "publicly",
               "privately", "afterwards", "afterward", "recently", "earlier", "now", "still", "already", "simply",
               "has", "is", "was", "were", "are", "been", "just", "first", "immediately", "quickly", "only"}
# Heads of noun phrases that stand for an organisation or a group, not a person: no speaker to name.
GROUP_HEADS = {"company", "firm", "union", "trust", "bank", "government", "ministry", "agency", "police", "department",
                "office", "council", "board", "team", "club", "service", "authority", "commission", "party", "group",
                "administration", "court", "committee", "federation", "association", "organisation", "organization",
                "campaign", "airline", "operator", "hospital", "school", "university", "army", "military", "kremlin",
                "regulator", "embassy", "delegation", "side", "statement", "report", "results", "figures", "data",
                "survey", "study", "poll", "state", "county", "city", "country", "province", "region", "ambulance",
                "newspaper", "media", "network", "station", "fund", "institute", "centre", "center"}
# Cues that report a bare clause ("said the talks had failed"); others need "that" ("warned that …").
BARE_CLAUSE_CUES = {"said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
                     "insisted", "insists", "argued", "argues", "claimed", "claims", "suggested", "suggests", "wrote",
                     "writes", "replied", "noted", "notes"}
FINITE_AUXILIARIES = {"had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "should", "can", "may", "might",
           "must", "did", "does", "do"}
ADVERBIAL_START = {"today", "yesterday", "tonight", "afterwards", "afterward", "later", "earlier", "on", "in", "at",
                    "during", "after", "before", "following", "while", "late", "early", "this", "last", "privately",
                    "publicly", "separately", "recently", "also", "again", "when", ",", ".", ";", "!", "?"}
SKIPPED_ADVERBS = {"today", "yesterday", "tonight", "afterwards", "afterward", "later", "earlier", "also", "again",
                    "privately", "publicly", "separately", "recently", "then", "now"}
TIME_WORDS = {"today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "morning", "afternoon", "evening", "night", "week", "month", "year", "weekend"}
PREPOSITIONS = {"on", "in", "at", "during", "after", "before", "ahead", "following", "via", "through", "over", "about",
                 "to", "with", "without", "from", "for", "by", "afterwards", "afterward", "earlier", "later", "again",
                 "also", "repeatedly", "privately", "publicly", "separately", "late", "early", "once", "then"}
WORDLIKE = re.compile(r"^(?:[^\W\d_][\w’'.\-]*|’s|'s|-)$")
# Without tags, verbs that end a subject noun phrase ("Zelensky met Vance …"): common past and present forms.
VERB_FORMS = set("""met held spoke began broke took came went struck made left won lost fell rose gave saw found sent
led paid ran got brought kept stood became is are was were has have had will would can could may might must should
did does do says said told visited called urged""".split())
NP_STOP = {",", ".", ";", ":", "!", "?", "(", ")", "that", "which", "who", "whom", "whose", "and", "but", "or", "as",
            "when", "after", "before", "while", "because", "if", "in", "at", "on", "to", "during", "without", "with",
            "for", "from", "by", "about", "than", "where", "said", "says", "told", "—", "–"}
DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]\s+")
CLAUSE_CUT = re.compile(r",\s+(?:saying|adding|leaving|according\s+to)\b")
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess"}
MALE_TITLES = {"mr", "sir", "lord", "king", "prince"}

AUDIENCE = (r"reporters|journalists|the\s+press|the\s+media|supporters|delegates|lawmakers|investors|analysts|"
             r"students|listeners|viewers|the\s+crowd|an\s+audience|the\s+audience|parliament|party\s+members|"
             r"members|officials|diplomats|the\s+hosts|hosts")
TO_AUDIENCE = re.compile(rf"^\s+(?:\w+\s+){{0,3}}?to\s+((?:\w+\s+)?(?:{AUDIENCE}))\b", re.IGNORECASE)
WITH_AUDIENCE = re.compile(r"\b(?:briefing|conference|call|meeting|interview|session|chat|event)\s+(?:for|with)\s+"
                            r"((?:the\s+|an?\s+|two\s+|several\s+)?(?:[\w’'\-]+\s+){0,2}?[\w’'\-]+)(?=\s+(?:in|at|on|"
                            r"today|yesterday|about|that|who)\b|[,.;:]|$)")
