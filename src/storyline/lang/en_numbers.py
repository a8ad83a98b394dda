"""English: the words of figures (analyze/numbers.py): numbers written out, the kinds of things counted and
the words around a count that qualify it, and the words that make a figure a running total
(compare/rising_counts.py). The other English lists are in lang/en.py."""

from __future__ import annotations

import re

from storyline.lang.en import FIGURE_WORDS

# ---------------------------------------------------------------- numbers (analyze/numbers.py)

NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
# a small count of days, weeks or months as a phrase of time gives it ("12 days", "twelve days", "a week"): the
# pattern of its figure and the figure's value (compare/conflicts/number.py's intervals, compare/expected_ends.py)
SMALL_COUNT = r"\d{1,3}|" + "|".join(w for w in NUMBER_WORDS if w != "zero")


def small_count(word: str) -> int:
    """The value of a SMALL_COUNT figure, or of "a"/"an" ("a week later")."""
    word = word.lower()
    return 1 if word in ("a", "an") else int(word) if word.isdigit() else NUMBER_WORDS[word]


TENS_WORDS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SPELLED_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six"
            r"|seven|eight|nine))?|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|dozens)")
QUALIFIERS = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "nearly": "approx", "almost": "approx", "close to": "approx", "an estimated": "approx",
    "at least": "min", "more than": "min", "over": "min", "upwards of": "min", "in excess of": "min",
    "fewer than": "max", "less than": "max", "under": "max", "up to": "max", "as many as": "max", "at most": "max",
}
# What a number counts: the stems of words that name one kind of thing, folded to one class.
KIND_CLASSES = {
    "injur": "injured", "injury": "injured", "hurt": "injured", "wound": "injured", "treat": "injured",
    "hospitalis": "injured", "hospitaliz": "injured", "casualty": "injured",
    "kill": "killed", "dead": "killed", "death": "killed", "died": "killed", "dies": "killed", "die": "killed",
    "fatality": "killed",
    "arrest": "arrested", "detain": "arrested",
    "evacuat": "evacuated", "evacue": "evacuated", "displac": "evacuated",
    "hour": "hours", "minut": "minutes", "minute": "minutes", "day": "days", "days": "days", "week": "weeks",
    "month": "months", "year": "years", "percent": "percent", "point": "points", "basi": "points",
    "people": "people", "person": "people", "resident": "people", "individual": "people", "villager": "people",
    "inhabitant": "people",
    # one thing counted under several names: posts cut ("4,000 jobs", "3,200 roles", "3,200 positions"), a
    # ship's crew ("21 crew", "23 seafarers"), a workforce ("5,000 staff", "5,000 employees")
    "job": "jobs", "rol": "jobs", "role": "jobs", "position": "jobs", "seafarer": "crew", "sailor": "crew",
    "crewmen": "crew", "staf": "employees", "employe": "employees", "worker": "employees", "hostag": "hostages",
    "docker": "employees", "stevedor": "employees", "longshoremen": "employees",  # a port's workers by their trade
    # one unit however it is spelt: "400 metres", "400 meters"; "110 km", "110 kilometres"; a speed
    "kilometr": "km", "kilometer": "km", "kilometre": "km", "metr": "metre", "meter": "metre", "kilogram": "kg",
    "hectar": "hectare", "litr": "litre", "liter": "litre", "kph": "km/h",
}
# heads whose compounds count what the head counts: "1,500 dockworkers", "3,000 steelworkers" are the workers a
# strike or a plant counts ("1,900 workers"), where a stem of its own would keep them a kind apart
HEAD_CLASSES = {"worker": "employees"}
# A workforce: the people a plant or a firm employs ("which employs about 900 people", "a workforce of 3,000", "the plant,
# with roughly 1,100 workers"), a kind of its own beside the workers a report says are laid off or on strike ("will lay
# off 300 workers"), so that a report giving both still has one count of each
_ABOUT = r"(?:about|around|some|roughly|nearly|almost|approximately|more\s+than|over|up\s+to|at\s+least|fewer\s+than|just)?"
EMPLOYING = re.compile(r"\b(?:employs|employed|employing|employ|workforce\s+of|staff\s+of)\s+" + _ABOUT + r"\s*$", re.IGNORECASE)
WITH_STAFF = re.compile(r",\s+with\s+" + _ABOUT + r"\s*$", re.IGNORECASE)  # "the plant, with roughly 1,100 workers,"
# verbs that win a part of an election's whole, right before the part, and the wholes an election is won in ("won 54 of
# the 120 seats", "is set to take 54 of the 120 seats", "carried 30 of the 50 states"); not what was held before
WINNING = re.compile(r"\b(?:won|win|wins|winning|take|takes|took|taking|secured?|securing|claimed?|claiming|gained?|gaining|"
                     r"carried|carry|carries|captured?)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|at\s+least\s+|"
                     r"only\s+|just\s+)?$", re.IGNORECASE)
WON_WHOLES = frozenset({"seat", "stat", "district", "constituenc", "counti", "ward", "delegat", "electoral"})
# A crowd's size: a count of people followed by a verb of gathering ("About 15,000 people took part in a march",
# "more than 40,000 had joined them", "50,000 people marched"), or a figure an estimate puts a crowd at ("estimated the
# crowd at 12,000", "a crowd of 5,000", "the march drew 10,000", and "put the number at 40,000" in a sentence about a
# crowd or a march)
CROWD_NOUNS = frozenset({"people", "protesters", "demonstrators", "marchers", "supporters", "mourners", "participants"})
_GATHERINGS = r"(?:march|protest|rall|demonstration|crowd|procession|vigil|strike|walkout)"
GATHERED_AFTER = re.compile(r"\s*(?:(?:have|had|has|were|are)\s+)?(?:marched|rallied|gathered|demonstrated|turned\s+out"
                            r"|took\s+to\s+the\s+streets|attended\s+(?:[\w'’-]+\s+){0,3}" + _GATHERINGS +
                            r"|(?:took|take|taking)\s+part\s+in\s+(?:[\w'’-]+\s+){0,3}" + _GATHERINGS +
                            r"|joined\s+(?:them|in\b|(?:[\w'’-]+\s+){0,3}" + _GATHERINGS + r"))", re.IGNORECASE)
CROWD_AT = re.compile(r"\b(?:(?:crowds?|march|protest|rally|demonstration)\s+(?:was\s+|were\s+)?(?:estimated\s+)?at"
                      r"|(?:march|protest|rally|demonstration|vigil)\s+(?:drew|attracted)"
                      r"|(?:put|estimated)\s+(?:the\s+)?(?:number|figure|it|attendance)\s+at"
                      r"|(?:put|estimated)\s+the\s+(?:march|protest|rally|demonstration|crowd|turnout)(?:,[^,;.]{0,80},)?\s+at"
                      r"|crowds?\s+of)\s+(?:about|around|roughly|some|up\s+to|more\s+than|over|nearly|almost|at\s+least)?\s*$",
                      re.IGNORECASE)
# ... and a figure alone that an estimator's words give in a sentence about a crowd ("police said 25,000")
CROWD_SAID = re.compile(r"\b(?:police|organi[sz]ers)\s+(?:said|say|says|estimated|counted|claimed)(?:\s+(?:it\s+was|there\s+were))?"
                        r"\s+(?:about|around|roughly|some|up\s+to|more\s+than|over|nearly|almost|at\s+least)?\s*$", re.IGNORECASE)
GATHERING = re.compile(r"\b(?:crowds?|march(?:es|ed|ers)?|protest(?:s|ers)?|rall(?:y|ies)|demonstrat\w*|vigil|attend\w*)\b",
                       re.IGNORECASE)
# who puts a crowd at its size, as the clause attributes it ("Police estimated the crowd at", "according to police",
# "organisers said"): two reports of one estimator's figure disagree, where the police's and the organisers' figures
# are the two sides' (l-011 of tests/fixtures/real: witnesses' 50,000 against an estimated 100,000); a clause that
# merely mentions officers ("and officers arrested 12 people") attributes nothing
_SAYING = r"(?:said|say|says|estimated|estimate|estimates|put|puts|counted|reported|claimed|claim|claims|told)"
CROWD_ESTIMATORS = (("police", re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:local\s+)?police\b|\bpolice(?:\s+(?:spokes\w+|officials?|"
                                          r"sources?|chief))?\s+" + _SAYING + r"\b", re.IGNORECASE)),
                    ("organisers", re.compile(r"\baccording\s+to\s+(?:the\s+)?organi[sz]ers\b|\borgani[sz]ers(?:\s+of\s+the\s+\w+)?\s+"
                                              + _SAYING + r"\b", re.IGNORECASE)))
# a count of people a participle says were held, then a verb of the clause let go ("Nine people arrested after the
# clashes were released without charge"): the count is of those released, a part of the arrested
RELEASED_LATER = re.compile(r"[^\d]*?\b(?:were|was|have\s+been|had\s+been|are)\s+(?:\w+ly\s+|later\s+|since\s+)?"
                            r"(?:released|freed|let\s+go|bailed)\b", re.IGNORECASE)
# A span of time a court imposes: the words before it ("was sentenced to", "sentenced him to", "jailed for") or after
# it ("in prison", "behind bars", "of imprisonment") in a sentence about a sentence. Such a span is a prison term, a
# kind of its own, so that the term imposed is compared with the term another report says was imposed, not with the
# years a prosecutor sought ("asked for a sentence of eight years", "had sought eight years in prison"), the most a
# charge carries ("faced up to 10 years in prison") or the years a mayor served
PENALTY_BEFORE = re.compile(r"\b(?:sentenced\s+(?:[\w.'’-]+\s+){0,6}?to|jailed\s+(?:[\w.'’-]+\s+){0,6}?for|imprisoned\s+for|"
                            r"locked\s+up\s+for|(?:prison|jail)\s+(?:term|sentence)s?\s+of)\s+(?:(?:up\s+to|more\s+than|"
                            r"at\s+least|nearly|almost|about|around|some|over|just)\s+)?$", re.IGNORECASE)
PENALTY_AFTER = re.compile(r"^\s*(?:'|’)?\s*(?:in\s+(?:a\s+)?(?:federal\s+|state\s+|high-security\s+)?(?:prison|jail)|behind\s+bars"
                           r"|(?:of\s+)?imprisonment|(?:of\s+)?(?:prison|jail)\b)", re.IGNORECASE)
SENTENCING = re.compile(r"\b(?:sentenc\w*|jailed|imprisoned|convicted|verdict)\b", re.IGNORECASE)
# before a span, words that make it a term asked for, risked or served, never the one imposed
NOT_IMPOSED = re.compile(r"\b(?:sought|seeks?|seeking|asked\s+for|asking\s+for|demanded|faces?|faced|facing|risks?|up\s+to|"
                         r"maximum(?:\s+of)?|could\s+(?:get|face|receive)|after)\b(?:\s+\S+){0,4}\s*$", re.IGNORECASE)
# before a span, words that make it a time served or spent ("He served five months in federal prison", "After serving
# five years on the conviction"): a kind of its own, apart from the term imposed and from other spans
SERVED = re.compile(r"\b(?:served|serving|serves|spent|spending|spends)\b(?:\s+\S+){0,4}\s*$", re.IGNORECASE)
# ... where the words around it speak of a penalty (not "served 8 years as mayor", an office's years)
PENALTY_WORDS = re.compile(r"\b(?:prison|jail|custody|remand|behind\s+bars|sentences?|conviction|term|penitentiary)\b",
                           re.IGNORECASE)
# after a span's unit, words that make it no prison term ("sentenced to 18 months probation", "two years, suspended")
NOT_PRISON = re.compile(r"^\s*(?:'|’)?\s*,?\s*(?:of\s+)?(?:probation|community\s+service|house\s+arrest|suspended|conditional)",
                        re.IGNORECASE)
# a count totalled over a stretch of days ("over 50 arrests over four nights", "in all", "on or before
# March 1", "through Tuesday"), which a count of one day or night does not dispute
CUMULATIVE = re.compile(r"\b(?:so far|in all|in total|altogether|on or (?:before|after)|through (?:\w+day|"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.? \d{1,2})|"
                        r"(?:over|during|across|throughout|in|for)\s+"
                        r"(?:the\s+)?(?:past\s+|last\s+|first\s+)?(?:\w+\s+)?(?:days|nights|weeks|months))\b",
                        re.IGNORECASE)
# words in a figure's clause that say which part or whole of a thing it counts, by class: a figure of
# one scope does not dispute a figure of another, or one whose clause says none ("12 killed in the city
# alone" / "19 killed across the country"; "40 wins" / "31 wins by knockout"; "46 arrested on Wednesday"
# / "58 arrested since the protests began"; "38,000 visitors last year" / "45,000 this weekend")
SCOPE_MARKS = (
    ("whole", re.compile(r"\b(?:nationwide|countrywide|statewide|worldwide|globally|overall|in all|in total|altogether|"
                         r"\d+\s+of\s+(?:its|their|his|her|the)\s+(?=[\d,]+\s)|"  # "23 of its 29 delegates": 29 is the whole
                         r"(?:across|throughout|around|all over) the (?:country|nation|state|region|world|globe|province)|"
                         r"around the globe)\b", re.IGNORECASE)),
    ("part", re.compile(r"\b(?:alone|of (?:them|those|whom|which)|among (?:them|those)|including|"
                        r"(?:\d+|" + "|".join(FIGURE_WORDS) + r"|dozen)\s+(?:other|additional|further)\s|"
                        # ("three other states": the rest of a list)
                        r"(?:by|via) (?:way of )?(?:knockout|ko|stoppage|technical knockout|submission|decision|penalty|penalties))\b",
                        re.IGNORECASE)),
    ("since", re.compile(r"\bsince\b", re.IGNORECASE)),  # read after the figure only ("the worst since 2003")
    ("home", re.compile(r"\b(?:domestically|at home|in the (?:us|u\.s\.|united states))\b", re.IGNORECASE)),
    # the hour a measure is taken over: "38mm of rain fell in the hour before the landing" is not the night's 90mm
    # (not "overnight": as often when a bus fell, or firefighters fought a blaze, as the stretch of a measure)
    ("hour", re.compile(r"\b(?:in|during|over)\s+(?:the|an|one|a\s+single)\s+hour\b", re.IGNORECASE)),
    ("earlier", re.compile(r"\b(?:(?:last|previous|past) (?:year|season|month|time|summer|winter|spring|fall|autumn)|"
                           r"a (?:year|season|month) (?:earlier|before|ago)|the (?:year|season) before|"
                           r"in (?:the )?(?:previous|preceding|prior) (?:year|season))\b", re.IGNORECASE)),
)
# a figure averaged over many ("led the last 10 polls by an average of seven points", "according to the polling
# average"), which one
# reading of the thing does not dispute
AVERAGED = re.compile(r"\b(?:an? average of|on average|averag(?:ed|ing)|median|(?:polling|poll|polls|pollster'?s?)\s+average)\b",
                      re.IGNORECASE)
# a figure that states no happening: one a condition supposes ("if he wins by 10 points or more"), read
# in the clause before it, and one a goal requires ("the 1,237 delegates needed to win"), read after it
CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)
# ... and one a guess puts forward ("It's probably a three-person race", "could reach 100"), read in the clause before it
FORECAST = re.compile(r"\b(?:would|could|might|probably|likely|possibly|perhaps|(?:expected|projected|poised|set) to)\b",
                      re.IGNORECASE)
# ... but not the "would" of a plan reported in the past tense ("said on Tuesday it would cut 3,200 roles"): its "will"
# (the speaker's own act: "it would cut", not "analysts said it would cost", nor "the storm would dump")
REPORTED_WILL = re.compile(r"\b(?:said|says|announced|confirmed|stated|told\s+\w+)\s+(?:(?:on\s+)?\w+day\s+)?"
                           r"(?:that\s+)?(?:it|he|she|they|we)\s+would\s+(?=(?:cut|eliminate|close|shed|axe|hire|create"
                           r"|invest|sell|buy|build|open|pay|spend|raise|return|lay\s+off)\b)", re.IGNORECASE)
REQUIRED = re.compile(r"\s*(?:needed|required|necessary)\b", re.IGNORECASE)
# ... and one a party asks for ("The union wants a wage increase of 19%", "is seeking", "demanded", "calling for"),
# read in the clause before it: what one side asks is no count of what is, nor of what the other side offers
DEMANDED = re.compile(r"\b(?:wants?|wanted|seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|(?:ask|call|push|press)(?:s|es|ed|ing)?"
                      r"\s+for|holding\s+out\s+for)\b", re.IGNORECASE)
GENERIC_KINDS = frozenset({"people"})
HAPPENED_TO = frozenset({"injured", "killed", "arrested", "evacuated"})  # what a count of people may be read by
ORDINAL_WORDS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                 "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "twentieth": 20}
# a currency sign and its unit: "$108 million" and "85 million euros" are two sums until converted ("e80 million": wires'
# euro); a country's letters before the dollar sign name its dollar ("A$3.6 billion", "NZ$900 million", "HK$2 billion"),
# another currency than the plain sign's ("US$" is the plain dollar), and "R$" is Brazil's real
CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "e": "euro", "£": "pound", "US$": "dollar", "A$": "australian dollar",
                  "AU$": "australian dollar", "NZ$": "new zealand dollar", "C$": "canadian dollar",
                  "CA$": "canadian dollar", "HK$": "hong kong dollar", "S$": "singapore dollar",
                  "SG$": "singapore dollar", "NT$": "taiwan dollar", "R$": "real"}
CURRENCY_KINDS = frozenset(CURRENCY_SIGNS.values())  # the kinds of a sum
# units of measure, as the counted thing's stem: figures in two units are never of one thing unless converted
UNITS = frozenset({"km", "mil", "metre", "m", "feet", "foot", "ft", "yard", "inch", "euro", "pound", "dollar", "ton",
                   "tonn", "tonne", "acre", "hectare", "kg", "litre", "gallon", "degre", "second", "mins", "minut", "hour",
                   "km/h", "mph"})
# words between a participle and the count it goes with ("wounding another 70", "killing a further 5")
COUNT_DETERMINERS = frozenset({"other", "another", "further", "a", "an", "some"})
# what follows an ordinal in an address ("55th St", "5th Avenue"), as light stems
STREET_WORDS = frozenset({"st", "street", "avenue", "ave", "av", "road", "rd", "precinct", "district", "ward"})
AUXILIARIES = frozenset({"were", "was", "had", "have", "has", "been", "are", "is", "be", "being", "got", "get", "reportedly",
                         "now", "already"})  # "3,400 people have now been evacuated"
# a measure of a place on a field or a course, not a size: "the 27-yard line", "the 10-metre mark"
POSITION_NOUNS = frozenset({"line", "mark", "marker"})
# words after a count that make it an offset in time or a margin, not a count of what happened:
# "fifteen games later", "two days earlier", "entered the final quarter 10 points down"
OFFSET_AFTER = frozenset({"later", "earlier", "ago", "down", "behind", "ahead"})
# ... but a span of time under a day before "later" or "earlier" is how long passed between two happenings
# of one story ("she came back 10 minutes later", "two hours earlier"): a duration, read as one
SHORT_SPANS = frozenset({"seconds", "minutes", "hours"})
RELATIVE_AFTER = frozenset({"later", "earlier"})
# words between a figure and the people it counts that say what they are held to be, not what they are:
# "99 alleged Mafia members", "12 suspected militants"
HELD_TO_BE = frozenset({"alleged", "suspected", "reputed", "presumed", "purported"})
# people a count may be of, as light stems: those seized, detained or rounded up are arrested ("seized 99
# members", "12 suspects were detained"); things seized are a haul ("seized 40 weapons", "seized $2 million")
PEOPLE_COUNTED = frozenset("""people person member suspect protester demonstrator militant migrant immigrant mobster
gangster men women child children activist student worker rebel fighter soldier officer official refugee civilian
resident youth teenager leader boss mafiosi insurgent opponent dissident journalist supporter follower fan rioter
looter foreigner national citizen passenger sailor fisherman fishermen pirate smuggler trafficker dealer criminal
terrorist extremist gunmen attacker robber thief thieve individual islamist politician businessman businessmen
associate relative accomplice defendant prisoner inmate employees""".split())
# taking people into custody, after the people counted ("were seized", "were rounded up", "were taken into
# custody") or before them ("detained 12 suspects", "rounded up 40 protesters")
CAPTURED_AFTER = re.compile(r"(?:(?:were|was|have|has|had|been|being|are|reportedly)\s+)*(?:arrested|detained|seized"
                            r"|captured|apprehended|rounded\s+up|taken\s+into\s+(?:police\s+)?custody)\b", re.IGNORECASE)
CAPTURED_BEFORE = re.compile(r"\b(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|seiz(?:ed|ing|es|e)|captur(?:ed|ing|es|e)"
                             r"|apprehend(?:ed|ing|s)?|round(?:ed|ing|s)?\s+up)\s+$", re.IGNORECASE)
# verbs whose subject "the two" (or "the three") refers back to people already named: "The two met in 1972"
GROUP_VERBS = frozenset({"met", "spoke", "talked", "agreed", "discussed", "shook", "embraced", "parted", "sat",
                         "married", "fought", "clashed", "argued", "exchanged", "shared", "hugged", "kissed"})

# ---------------------------------------------------------------- running totals (compare/rising_counts.py)

# words next to a share that make it an election's turnout so far ("turnout was almost 90%", "88 percent of
# eligible voters cast their ballots as of 4 p.m."), and next to a sum that make it takings so far ("has
# grossed $368 million", "more than $363 million in the till"): totals that only grow as the day goes on
# a share of voters that is a turnout ("registered voters" alone is a poll's sample, "41 percent of registered
# voters backed her"), and a sum taken in so far (a perfect tense or "so far": "brought in $12 million in
# March" is one month's, and a clause naming a period, TAKINGS_PERIOD, is that period's)
TURNOUT = re.compile(r"\bturnout\b|\bcast (?:their |a )?ballots?\b|\beligible voters\b|\bturned out to vote\b",
                     re.IGNORECASE)
# a share of a service or a capacity brought back so far ("bringing us up to 83% of our required capacity",
# "99% of their supplier traffic has been restored"), and the words that say all of it is back (100 percent)
RESTORED = re.compile(r"\b(?:restor(?:ed|ing|e)|(?:brought|came|come) (?:back )?online|bringing (?:\w+\s+){1,3}up to"
                      r"|back online|reconnected)\b", re.IGNORECASE)
FULLY_BACK = re.compile(r"\b(?:(?:running|operating|working|back) at full capacity|fully restored)\b", re.IGNORECASE)
TAKINGS = re.compile(r"\b(?:grossed|grossing|in the till|at the box[- ]office)\b"
                     r"|\b(?:has|have|had)\s+(?:already\s+|now\s+)?(?:taken in|brought in|raked in|accumulated|amassed)\b"
                     r"|\b(?:taken in|brought in|raked in|accumulated|amassed)\b.*\b(?:so far|to date|in all)\b",
                     re.IGNORECASE)
TAKINGS_PERIOD = re.compile(r"\b(?:in|during|for|over)\s+(?:the\s+)?(?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December|(?:first|second|third|fourth|last|past)\s+(?:quarter|month|week)"
                            r"|(?:quarter|month|week))\b|\b(?:last|this|a|per)\s+(?:quarter|month|week)\b", re.IGNORECASE)
