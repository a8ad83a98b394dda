"""English: the word lists the English rules read (quote cues and subjects, speakers, addressees,
content words, sentence units, offices, places, dates and tense), one section per rule. The words of
figures are in en_numbers.py, those of the stages of a case in en_stages.py.

Other languages keep their words in a module of their own beside this one (see lang/__init__.py)."""

from __future__ import annotations

import calendar
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
maintained maintains continued estimated estimates
stated states stating concludes continues responds answers writing jokes shouted shouts shouting yelled yells
chanted chanting exclaimed interjected interjecting retorted wondered confessed echoed affirmed affirms assured
barked boomed charged demanded reads wonders assures echoes agreed agrees believes believed thinks tweets mused
insist argue warn stress""".split())
# Verbs of saying, writing, reporting and judging that PolNeAR train's annotators marked as the cues of
# quotations and reported speech and the list above lacked (an outlet "reported", "as Amar put it", "Kasich
# boasted", "…, noting that …"): one table, read as cues like the rest.
CUE_WORDS |= set("""reported reports reporting write boasted boasts proclaimed proclaims lamented laments sang
sings interrupted recommended recommends mocked mocks texted noting arguing explaining suggesting remarking
tweeting countered counters contended contends asserted asserts testified testifies scoffed snapped sniped fumed""".split())
# Verbs of telling, murmuring and explaining that news gives a speaker as often as the ones above ("…,” Karen
# Olson, the chief executive, notified the board), none of them a word that names anything else.
# Not "hints", "whispers", "recounts" (nouns and objects as often: "hints of interest", "recounts the achievements"),
# "hinted at", "sighed", "notifies" (what an app or a rule does: "the app notifies users when …").
CUE_WORDS |= set("""notified whispered muttered mutters grumbled griped speculated clarified elaborated objected
bemoaned bemoans opined""".split())
PARTICIPLE_CUES = {"saying", "adding", "telling", "warning", "noting", "arguing", "explaining", "suggesting",
                   "remarking", "tweeting", "reporting"}
# Passive verbs of perceiving whose participle says the words ("a reporter can be heard asking", "Ruiz was seen
# shouting"), and the participles read as cues after them beside those of CUE_WORDS.
PERCEIVED = {"heard", "overheard", "seen", "shown", "filmed", "recorded", "caught"}
# The forms of "ask": the person named right after one put the question ("a reporter asked Ruiz"), and answers next.
ASKING = {"asked", "asks", "ask", "asking"}
# what carries the hurt to hospital: "six people were taken to hospital", "212 patients admitted to hospitals"
TO_HOSPITAL = frozenset({"taken", "admitted", "rushed", "airlifted", "flown", "brought", "transported", "carried"})
# cues of a reply: its speaker is not the one replied to ("…,” the leader replied")
REPLIES = {"replied", "replies", "retorted", "retorts", "responded", "responds", "countered", "counters"}
PERCEIVED_CUES = {"asking", "calling", "screaming", "whispering", "muttering", "singing", "pleading", "begging"}
# Words before "to" that make the cue after it one the subject spoke ("Ruiz was prompted to say", "was quick to
# add"), where any other ("declined to say", "wants to add") leaves it unsaid.
SAYING_BEFORE_TO = {"prompted", "quick", "moved", "proceeded", "hastened", "rushed", "pains", "began", "begun", "started"}
# Words that go before a plural noun and never before a verb of the third person singular, so that a cue word
# in -s after them is that noun: "the eastern states that once formed …", "many claims that circulated …".
BEFORE_PLURAL_NOUN = set("""many several few both these those various numerous such most all other two three four
five six seven eight nine ten dozens hundreds thousands eastern western northern southern central coastal
member swing battleground neighbouring neighboring respective remaining individual""".split())
# Cues by which outlets speak ("Politico reported Saturday that …"): their subject is no he or she later on.
OUTLET_CUES = {"reported", "reports"}
# Nouns of a message whose author speaks through it ("according to a post from Ana Ruiz").
MESSAGE_NOUNS = {"post", "posts", "statement", "letter", "tweet", "tweets", "email", "e-mail", "memo", "op-ed",
                 "column", "essay", "message", "note", "speech", "remarks", "blog", "document", "filing", "affidavit",
                 "editorial", "update", "release", "announcement"}
# Words that open a clause of another speaker right after a quotation ("Ruiz told the paper “…” while Ortiz
# said “…”"): the cue after them is not the quotation's.
CONTRASTING = {"while", "whereas", "but", "though", "although"}
# The forms of "tell", whose object is the one told and whose clause needs no "that" to be reported.
TELLING = {"told", "tells", "tell", "telling"}
# Cues whose object is whom the words are addressed to, never who says them ("told his supporters, “…”").
# "asked" is not one: after a quotation ("“…?” asked Ms. Ruiz") it names the asker.
ADDRESSING_CUES = TELLING - {"telling"} | {"urged", "urges", "reminded", "reminds", "assured", "assures", "informed",
                                         "informs", "notified"}
# Cues whose passive subject is the one addressed ("Ruiz was asked, “…”"), not the speaker.
ADDRESSED_PASSIVES = ADDRESSING_CUES | ASKING - {"asking"} | {"questioned", "pressed"}
# Cues whose object, right after them, is whom the words are said to ("told the mayors who met in Velmar, “…”"):
# the addressed ones, their participles, and "warned", which ADDRESSING_CUES leaves out because after a quotation
# it names the speaker ("“…,” warned Ruiz"), where "told" never stands.
SPOKEN_TO_CUES = ADDRESSED_PASSIVES | TELLING | ASKING | {"warned"}
# Prepositions before a place ("from Englewood, New Jersey"): a name after the place's comma is its state.
PLACE_PREPOSITIONS = {"from", "in", "at", "near", "of"}
# Words before a passive cue that make it a clause of when the speaker spoke ("“…,” when asked whether …").
ASKED_CLAUSE_OPENERS = {"when", "if", "once", "unless", "before", "after", "while", "being", "until"}
# Before a cue, words that make it passive ("was asked by the host"): the speaker is the agent after "by".
PASSIVE_AUXILIARIES = {"was", "were", "is", "are", "been", "being", "be"}
# Verbs that are cues only with their particle: the verb, then the word that must follow it.
PHRASAL_CUES = {"put": "it", "puts": "it", "went": "on", "goes": "on", "shot": "back", "fired": "back",
                "pointed": "out", "points": "out"}
# Verbs that introduce words as they were said, never a reported clause ("the sign reads", "he barked").
QUOTING_ONLY_CUES = {"asked", "asks", "posted", "continued", "continues", "reads", "shouted", "shouts", "shouting",
                     "yelled", "yells", "chanted", "chanting", "exclaimed", "interjected", "interjecting", "barked",
                     "boomed", "jokes"}
REPORTING_CUES = CUE_WORDS - QUOTING_ONLY_CUES
# Words right before a quotation mark that bind the quoted words into the writer's own clause ("a “racist
# bigot”", "was “strategic”", "to “rip up”", "that “…”", "he “would never …”"): determiners and possessives,
# auxiliaries and copulas, pronouns, "to", and words that open a clause. After a verb or a preposition
# ("welcomed “…”", "thanked him for “…”") quoted words can stand whole, as what someone said or wrote.
BINDING_WORDS = {"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
                 "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "would", "will",
                 "could", "should", "can", "may", "might", "must", "do", "does", "did", "not", "he", "she", "they",
                 "we", "it", "him", "them", "to", "that", "as", "because", "when", "while", "if", "whether", "than",
                 "who", "which"}
# Linking verbs bind as a copula does: what follows them is the subject's complement in the writer's clause ("the
# talks remained “one of the best chances …”", "the plan seems “a long shot”").
BINDING_WORDS |= {"remain", "remains", "remained", "become", "becomes", "became", "seem", "seems", "seemed"}
# Endings that bind as those words do: a possessive is a determiner ("Clinton’s “honesty …”"), the others are
# auxiliaries and copulas cut short ("he’s “not going to …”", "they’ll “…”", "don’t “…”").
BINDING_ENDINGS = ("'s", "’s", "n't", "n’t", "'re", "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve", "'m", "’m")
# Words joining the quoted words to the word before them ("Wall Street and “there's nothing wrong”"): they bind
# where that word is the writer's, not where it closes another quotation ("“…” and “…”", which keeps its own kind).
JOINING_WORDS = {"and", "or"}
# Words that, opening quoted words in lower case, go on a clause or phrase the writer's sentence began outside the
# marks: an auxiliary or modal whose subject stands before them ('the delegates “should vote …”'), a relative or
# subordinating word ('candidates “who embody …”', 'what will happen “if we lose”'), a preposition ('a campaign “of
# hatred …”'), "to" and "not". No sentence of a speaker's opens so: the quoted words finish the writer's sentence.
PREPOSITIONAL = {"of", "for", "by", "with", "from", "in", "into", "on", "at", "over", "out", "toward", "towards", "about",
                 "against", "through", "without", "including", "except", "like", "among", "between", "under", "upon",
                 "within", "onto", "across", "beside", "behind", "around", "along", "beyond", "despite", "to"}
CONTINUING_WORDS = PREPOSITIONAL | {"is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does",
                                    "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
                                    "ought", "who", "whom", "whose", "which", "that", "whether", "if", "because",
                                    "although", "though", "unless", "than", "so", "not"}
# Verbs of thinking: quoted words in lower case right after one ('she believes “the ferry will run”') are the thought
# the writer reports, in the speaker's words, as after "believes that"; no one speaks a belief aloud as a quotation.
THINKING_VERBS = {"believe", "believes", "believed", "believing", "think", "thinks", "thought", "thinking", "feel",
                  "feels", "felt", "hope", "hopes", "hoped", "fear", "fears", "feared", "suspect", "suspects",
                  "suspected", "doubt", "doubts", "doubted", "reckon", "reckons", "reckoned"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}  # "James B. Comey Jr.": the name ends before them
# the first word of a storm's name ("Cyclone Biparna", "Hurricane Helene"): no one's
STORM_WORDS = {"Hurricane", "Cyclone", "Typhoon", "Storm", "Tropical", "Superstorm", "Super"}
# letters after a name, of a rank, an honour or a seat ("Rosalind Achterberg KC", "Jo Lee MP"): no part of it
POST_NOMINALS = {"KC", "QC", "SC", "MP", "MSP", "MEP", "MLA", "MPP", "MHA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD",
                 "Esq."}
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# Words that give the gender of the person a sentence speaks of ("Ana Ortiz said her plan …"); not an object
# ("him", "her" before a function word: "Obama backed her up"), which is mostly someone else.
GENDERED_WORDS = {"he": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
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
               "has", "is", "was", "were", "are", "been", "just", "first", "immediately", "quickly", "only", "often",
               "always", "sometimes", "soon", "even"}
# Heads of a definite description that name a role one person holds ("the senator", "the real estate
# developer"): such a description stands for the person of the story last speaking or acting. Any other
# ("the man", "the ad", "the 43-year-old") is a stranger or a thing, and its words stay unattributed.
PERSON_ROLES = set("""president vice-president president-elect senator governor mayor minister secretary chancellor
premier candidate nominee front-runner frontrunner businessman businesswoman mogul billionaire millionaire developer
tycoon magnate congressman congresswoman lawmaker legislator speaker chairman chairwoman chair director leader
ambassador challenger rival opponent incumbent host anchor moderator star executive chief founder owner author writer
columnist commentator pundit hopeful contender democrat republican independent socialist veteran general manager
strategist adviser advisor pollster economist attorney lawyer prosecutor judge justice sheriff commissioner
representative pope king queen prince princess pastor bishop priest rabbi imam preacher professor scientist researcher
historian activist campaigner singer actor actress comedian celebrity entrepreneur investor banker coach captain
officer commander colonel admiral detective inspector doctor surgeon teacher mother father wife husband son daughter
brother sister widow nephew niece frontman governor-elect senator-elect premier mogul reporter journalist
editor head boss deputy envoy negotiator superintendent councilman councilwoman councillor councilor alderman
assemblyman assemblywoman presenter coroner magistrate principal headteacher headmaster headmistress treasurer comptroller
dean chaplain vicar warden marshal""".split())
# Roles of sport, which two players of one report share ("the batsman said" after a batsman and a bowler are
# named): where no one was introduced with the role, only the one person just named holds it (speakers._just_named).
SPORT_ROLES = set("""seed champion titleholder finalist semifinalist winner runner-up player teammate rookie striker
goalkeeper midfielder quarterback pitcher batsman bowler jockey golfer cyclist sprinter swimmer skier boxer goalie
goaltender netminder defenceman defenseman winger fullback linebacker skipper""".split())
PERSON_ROLES |= SPORT_ROLES
# Roles of the press at an event, whose holders a story seldom names: where it names none with the role, a question
# one of them asks ("“Why now?” the reporter asked") stays unattributed, never the last person's the story was about.
PRESS_ROLES = {"reporter", "journalist", "correspondent", "questioner"}
# Nouns of kin and company a name is set beside ("her first child, Arabella,", "his friend, Tom,"), besides roles.
# A person's relatives by blood or marriage ("his mother", "Wilhelm's widow"): another person than the one named
FAMILY = {"mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "widow", "widower", "nephew",
          "niece", "aunt", "uncle", "cousin", "grandmother", "grandfather", "stepson", "stepdaughter"}
KIN = {"child", "baby", "grandson", "granddaughter", "grandchild", "friend", "partner", "girlfriend", "boyfriend",
       "fiancee", "fiancée", "fiance", "colleague", "cousin", "uncle", "aunt", "grandmother", "grandfather", "stepson",
       "stepdaughter", "stepfather", "stepmother", "neighbor", "neighbour", "classmate", "roommate", "spouse",
       "mentor", "protege", "protégé", "predecessor", "successor", "ally", "teammate"}
# Nouns of a body that "the" and the noun alone refer back to ("the company said in a statement"): the one body the
# story names around it (analyze/unnamed.named_body); those any body is, whatever its name, apart. Not "group" nor
# "team", which are as often people ("the group" of activists, "the team" of researchers).
BODY_NOUNS = {"company", "firm", "club", "union", "ministry", "department", "agency", "league",
              "conference", "federation", "association", "council", "board", "committee", "university", "college",
              "authority", "commission", "airline", "bank", "party", "institute", "foundation", "trust", "hospital",
              "school", "service", "organisation", "organization", "charity", "regulator", "operator", "brigade",
              "directorate", "office", "bureau", "court", "tribunal", "inspectorate", "paper", "newspaper", "daily",
              "tabloid", "broadcaster", "network", "channel", "magazine", "website"}
GENERIC_BODY_NOUNS = {"company", "firm"}
# Kinds of press body whose names seldom say what they are: "the paper" is the body the story introduced as one, by
# any noun of its kind ("Centre-left daily Kathimerini warned … “…,” the paper said"; "news agency Petra said").
PRESS_KINDS = ({"paper", "newspaper", "daily", "tabloid", "weekly", "broadsheet"},
               {"broadcaster", "network", "channel", "station", "broadcasters"}, {"agency"}, {"magazine"},
               {"website", "site"})
# Nouns that describe a company, alone or after words ("the US software giant", "the carmaker"): like "the company", the one
# organisation named around them; not a maker, carrier or broadcaster, who may be people ("the film maker").
COMPANY_NOUNS = {"giant", "retailer", "carmaker", "automaker", "chipmaker", "drugmaker", "planemaker", "steelmaker",
                 "manufacturer", "lender", "insurer", "chain", "supermarket", "conglomerate", "utility", "startup",
                 "start-up", "supplier", "refiner", "studio", "telecom"}
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
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # Monday first, as date.weekday()
# Month names and their short forms, lower-cased, to their numbers ("september", "sep", "sept": 9)
MONTH_NUMBERS = {name.lower(): number for names in (calendar.month_name, calendar.month_abbr)
                 for number, name in enumerate(names) if name} | {"sept": 9}
TIME_WORDS = {"today", "yesterday", "tonight", "tomorrow", *WEEKDAYS, "morning", "afternoon", "evening", "night", "week",
              "month", "year", "weekend"}
PREPOSITIONS = {"on", "in", "at", "during", "after", "before", "ahead", "following", "via", "through", "over", "about",
                 "to", "with", "without", "from", "for", "by", "afterwards", "afterward", "earlier", "later", "again",
                 "also", "repeatedly", "privately", "publicly", "separately", "late", "early", "once", "then"}
# Before a noun phrase, words that make it their object, not a speaker ("said of Mr. Rubio:", "said on Twitter:").
GOVERNING = PREPOSITIONS | {"of"}
# Prepositions that carry a noun phrase on to a place or body ("residents of streets near the port", "the head of
# American diplomacy"): the phrase's head comes before them.
PHRASE_LINKS = {"of", "in", "at", "near", "from", "for", "with"}
# Adjectives that set someone near another in a noun phrase ("a source close to the minister", "people familiar
# with the talks", "aides loyal to Ruiz"): the one near speaks, never the one named after them.
NEAR_TO = {"close", "closest", "loyal", "familiar", "allied", "near"}
# Words that begin a verb's complement, not a noun phrase's head: after a capitalised word in -ing opening a
# sentence they show a participle, not a name ("Conceding that …", "Speaking to reporters", "Pointing out the
# cost"), and after "her" an object, not a possessive ("backed her up", "told her that").
FUNCTION_WORDS = PREPOSITIONS | DEFINITE | INDEFINITE | {"of", "that", "it", "out", "up", "back", "off", "down",
                                                               "his", "her", "their", "them", "him"}
# Before a name, prepositions that make it the object of a description, never a subject ("a former director
# under Governor Ann Lee", "the wife of Piet Varga", "politicians like Dan Roe").
OBJECT_PREPOSITIONS = {"of", "under", "like", "unlike", "than", "including", "against", "between", "among", "besides"}
# Between a person and a place or delegation ("Senator Jane Roe of Ohio", "Piet Varga from the delegation").
PERSON_OF = {"of", "from"}
# After a name, words that show it is the phrase's head, not a qualifier of a noun after it ("said Dan Golvach of",
# "said Dan Golvach, who"): as against "one Trump confidant".
HEAD_FOLLOWERS = {"of", "from", "at", "in", "with", "for", "who"}
# Words that may open a sentence before its subject, which still opens it ("But Ayotte isn't interested.",
# "And even Obama tried …").
SENTENCE_OPENERS = {"and", "but", "so", "yet", "still", "even", "also", "then", "now", "later", "meanwhile", "instead",
                    "indeed", "however", "only"}
# Words opening a subordinate clause or phrase before a sentence's subject ("When he returned, he began …",
# "Asked about it, Ruiz said …").
SUBORDINATORS = {"when", "after", "as", "while", "if", "because", "although", "though", "since", "before", "once",
                 "asked", "speaking"}
# Words capitalised only where they open a sentence or a clause, never a given name nor a body's first word: the
# model's "Although Rubio", "Like Corker", "Maybe Trump", "Without Bloomberg" name Rubio, Corker, Trump, Bloomberg.
CLAUSE_OPENING_WORDS = SUBORDINATORS | SENTENCE_OPENERS | {"like", "unlike", "although", "though", "without", "maybe",
                                                           "perhaps", "whether", "if", "despite"}
# Nouns in -ing that may stand before a name in its subject noun phrase ("the building manager Ann Lee"), where
# another word in -ing is a participle whose object the name is ("protesting Mr. Trump").
ING_NOUNS = {"morning", "evening", "building", "something", "nothing", "anything", "everything", "spring", "king",
             "thing", "wedding", "ruling", "meeting", "hearing", "funding", "polling", "housing", "training"}
# Words that open a clause or phrase below the main clause of a sentence: a person named after them ("… only
# because Mr. Lynch agreed", "…, saying Ortiz was committed", "supported by Ortiz") is not whom the sentence is
# about, when someone named before them in it is.
SUBORDINATE_LINKS = SUBORDINATORS - {"asked", "speaking"} | PARTICIPLE_CUES | {
    "that", "who", "whom", "whose", "which", "by", "until", "unless", "whether"}
# Quoted words in title case that name a show, a book or a campaign rather than say anything (analyze/titles.py):
# the short words a title leaves in lower case, the nouns that introduce a title ("the podcast “…”", "his
# memoir, “…”"), those a title qualifies ("the “…” star", "the “…” movement"), and the words that set off a
# term ("the so-called “…”").
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is",
                     "as", "vs.", "de", "la", "y"}
TITLE_INTRODUCERS = {"show", "program", "programme", "podcast", "book", "memoir", "novel", "film", "movie",
                     "documentary", "song", "album", "series", "column", "op-ed", "essay", "episode", "sitcom", "musical",
                     "autobiography", "biography", "manifesto", "miniseries", "thriller", "poem",
                     "titled", "entitled", "dubbed", "nicknamed", "known as", "headlined", "slogan", "hashtag"}
TITLE_FOLLOWERS = {"star", "stars", "host", "hosts", "co-host", "anchor", "show", "program", "programme", "segment",
                   "episode", "podcast", "movement", "campaign", "slogan", "initiative", "hat", "hats", "cap", "caps",
                   "pin", "pins", "sign", "signs", "shirt", "shirts", "rally", "rallies", "cast", "actor", "actress",
                   "creator"}
TERM_MARKERS = {"so-called", "words such as", "terms such as", "words like", "terms like"}
# Nouns for a word or phrase as such: after a determiner and up to two modifiers ("the term", "the charged term", "this
# new phrase"), the quoted words after them are the term, not anyone's statement.
TERM_NOUNS = {"term", "terms", "word", "words", "phrase", "phrases", "label", "epithet", "moniker"}
# Capitalised words that open a sentence before a cue and are nobody's name ("Everyone said", "Nobody asked").
UNNAMED = {"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "none", "both", "each",
           "all", "who", "what", "this", "that", "these", "those", "there", "here", "it", "one", "neither", "either",
           "police", "staff", "management", "security", "leadership", "audience", "crowd", "public"}
# Words of crying out that a quotation may follow, verbs and nouns ("as his friends jeered, “…”", "to chants of
# “…”"): who cries is the noun phrase before them, often a crowd or someone unnamed.
CRIES = {"chant", "chants", "chanted", "chanting", "cry", "cries", "cried", "shout", "shouts", "shouted", "shouting",
         "jeer", "jeers", "jeered", "jeering", "yell", "yells", "yelled", "yelling", "boos", "booed", "booing",
         "heckled", "heckling", "screamed", "screams", "roared", "cheered", "cheers"}
# Nouns of people gathered that name no one ("roused the crowd to chants of “…”").
GATHERED = {"crowd", "crowds", "audience", "audiences", "supporters", "protesters", "protestors", "demonstrators",
            "fans", "hecklers", "onlookers", "spectators", "attendees", "delegates", "voters", "students", "friends",
            "marchers", "throng", "gathering", "hall", "room", "stands"}
WORDLIKE = re.compile(r"^(?:[^\W\d_][\w’'.\-]*|’s|'s|-)$")
# Without tags, verbs that end a subject noun phrase ("Zelensky met Vance …"): common past and present forms.
VERB_FORMS = set("""met held spoke began broke took came went struck made left won lost fell rose gave saw found sent
led paid ran got brought kept stood became is are was were has have had will would can could may might must should
did does do says said told visited called urged""".split())
NP_STOP = {",", ".", ";", ":", "!", "?", "(", ")", "that", "which", "who", "whom", "whose", "and", "but", "or", "as",
            "when", "after", "before", "while", "because", "if", "in", "at", "on", "to", "during", "without", "with",
            "for", "from", "by", "about", "than", "where", "said", "says", "told", "—", "–"}
CLAUSE_CUT = re.compile(r",\s+(?:saying|adding|leaving|according\s+to)\b")
# The titles that stand before the name of a person holding a role, as a role noun refers back to them ("Vermont
# Sen. Bernie Sanders" is "the Vermont senator", "Gov. Ana Ortiz" "the governor").
ROLE_TITLES = {"senator": ("sen.",), "governor": ("gov.",), "representative": ("rep.",), "congressman": ("rep.",),
               "congresswoman": ("rep.",), "lawmaker": ("sen.", "rep."), "general": ("gen.",), "professor": ("prof.",),
               "secretary": ("sec.",), "lieutenant": ("lt.",), "colonel": ("col.",), "captain": ("capt.",),
               "sergeant": ("sgt.",), "reverend": ("rev.",), "pastor": ("rev.",), "doctor": ("dr.",),
               "attorney": ("atty.",), "president": ("pres.",),
               # an office written short after "the" ("the CEO said"), by the title it stands for everywhere
               "ceo": ("chief executive",), "cfo": ("chief financial officer",)}
# A US state as news writes it in a lawmaker's party-and-state bracket ("Sen. Ann Lee (D-Vt.)", "(R-TX)"): the AP
# abbreviation and the postal code, so that "the Vermont senator" is the one the article gave "(I-Vt.)".
US_STATES = {
    "Alabama": ("Ala.", "AL"), "Alaska": ("Alaska", "AK"), "Arizona": ("Ariz.", "AZ"), "Arkansas": ("Ark.", "AR"),
    "California": ("Calif.", "CA"), "Colorado": ("Colo.", "CO"), "Connecticut": ("Conn.", "CT"),
    "Delaware": ("Del.", "DE"), "Florida": ("Fla.", "FL"), "Georgia": ("Ga.", "GA"), "Hawaii": ("Hawaii", "HI"),
    "Idaho": ("Idaho", "ID"), "Illinois": ("Ill.", "IL"), "Indiana": ("Ind.", "IN"), "Iowa": ("Iowa", "IA"),
    "Kansas": ("Kan.", "KS"), "Kentucky": ("Ky.", "KY"), "Louisiana": ("La.", "LA"), "Maine": ("Maine", "ME"),
    "Maryland": ("Md.", "MD"), "Massachusetts": ("Mass.", "MA"), "Michigan": ("Mich.", "MI"),
    "Minnesota": ("Minn.", "MN"), "Mississippi": ("Miss.", "MS"), "Missouri": ("Mo.", "MO"),
    "Montana": ("Mont.", "MT"), "Nebraska": ("Neb.", "NE"), "Nevada": ("Nev.", "NV"), "Ohio": ("Ohio", "OH"),
    "Oklahoma": ("Okla.", "OK"), "Oregon": ("Ore.", "OR"), "Pennsylvania": ("Pa.", "PA"),
    "Tennessee": ("Tenn.", "TN"), "Texas": ("Texas", "TX"), "Utah": ("Utah", "UT"), "Vermont": ("Vt.", "VT"),
    "Virginia": ("Va.", "VA"), "Washington": ("Wash.", "WA"), "Wisconsin": ("Wis.", "WI"),
    "Wyoming": ("Wyo.", "WY"), "York": ("N.Y.", "NY"), "Hampshire": ("N.H.", "NH"), "Jersey": ("N.J.", "NJ"),
}
# The party a bracket's letter gives ("(D-Vt.)" a Democrat), as a role's qualifier names it ("the Democratic senator").
PARTY_LETTERS = {"Democratic": "D", "Democrat": "D", "Republican": "R", "GOP": "R", "Independent": "I"}
# A title and its abbreviation are one office: a title word is read as the abbreviation ROLE_TITLES gives it
# ("Senator" and "Sen." are "sen"; "Congressman" and "Rep." are "rep"), where it gives one.
OFFICE_WORDS = {role: abbrs[0].rstrip(".") for role, abbrs in ROLE_TITLES.items() if len(abbrs) == 1}
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess"}
MALE_TITLES = {"mr", "sir", "lord", "king", "prince"}
# Given names that English-language news gives to one sex only, for a person the article itself gives no
# gender (no "Mr."/"Ms.", no more than one he or she beside the name), so that "she said" does not go back to
# "Denis McDonough". Names borne by both ("Lee", "Jordan", "Kelly", "Leslie", "Robin", "Jean", "Vivian",
# "Glenn", "Charlie", and "Michele", a man's name in Italian) are left out.
MALE_GIVEN_NAMES = set("""aaron adam adrian ahmed al alan albert alexander alfred ali andrew andy anthony antonio
arnold arthur barack barney ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brett brian bruce
bryan carl carlos charles chris christopher chuck clarence colin craig dan daniel danny darrell dave david
dean denis dennis derek dick don donald doug douglas duncan dwight earl ed eddie edward elijah eric ernest eugene
evan frank franklin fred frederick gary gavin george gerald gilbert gordon graham greg gregory hank harold harry
harvey henry herbert howard hugh ian isaac jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jesse jim
jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin keith ken kenneth kevin kurt lamar
larry lawrence leonard lloyd louis luis luke marco marcus mark martin matt matthew max michael mike mitch
mitchell mohammed muhammad nathan neil newt nicholas nick norman oliver omar oscar patrick paul pete peter phil
humayun khizr philip philippe ralph randy ray raymond reince richard rick rob robert roger ron ronald roy rudy russell ryan
samuel scott sean sergei seth stanley stephen steve steven stuart ted thomas tim timothy todd tom tommy tony
travis trey troy victor vincent vladimir walter warren wayne william willie abraham ahmad allen andre boris darren
dexter dylan elliott francis francois françois freddy gabriel hassan ibrahim jacques kieran marc mario miguel mitt
mustafa nigel pablo pedro pierre rand reggie rodney rory sebastian shane spencer stefan vince xavier zach""".split())
FEMALE_GIVEN_NAMES = set("""abigail alexandra alice alicia alison amanda amy ana angela ann anna anne annie
barbara betsy betty beverly brenda carly carol caroline carolyn catherine cathy cecile charlotte cheryl christina
christine cindy claire claudia debbie deborah debra denise diana diane donna doris dorothy elaine eleanor elizabeth
ellen emily emma erica evelyn eva gabrielle gina gloria hannah heather heidi helen hillary huma ingrid irene
jane janet janice jeanne jennifer jessica jill joan joanne joyce judith judy julia julie karen katherine kathleen
kathy katie kellyanne kimberly kirsten kristen laura lauren linda lisa lois loretta louise lucy madeleine
margaret maria marie marilyn martha mary maureen megan megyn melania melissa michelle monica nancy natalie
nicole nikki nina olivia pamela patricia patty paula peggy rachel rebecca rita roberta rose ruth sally samantha sandra
sara sarah sharon sheila shirley stephanie susan susanna suzanne tammy teresa theresa tiffany valerie victoria
virginia wendy billie caitlyn carla chelsea condoleezza elena gabriela gabriella ivanka jeanine jenna katrina kimberley
kristin lena lorraine mariam marianne marissa maryam meghan miriam molly nora paige phyllis priscilla renee rosa
sonia sophie sylvia tamara tanya tina veronica yolanda yvonne zoe""".split())
# Given names English news gives one sex only ("Tom", "Ann"; not "Jordan"): a one-word name of these keeps its sex.
ONE_SEX_GIVEN_NAMES = MALE_GIVEN_NAMES ^ FEMALE_GIVEN_NAMES

AUDIENCE = (r"reporters|journalists|the\s+press|the\s+media|supporters|delegates|lawmakers|investors|analysts|"
             r"students|listeners|viewers|the\s+crowd|an\s+audience|the\s+audience|parliament|party\s+members|"
             r"members|officials|diplomats|the\s+hosts|hosts")
TO_AUDIENCE = re.compile(rf"^\s+(?:\w+\s+){{0,3}}?to\s+((?:\w+\s+)?(?:{AUDIENCE}))\b", re.IGNORECASE)
WITH_AUDIENCE = re.compile(r"\b(?:briefing|conference|call|meeting|interview|session|chat|event)\s+(?:for|with)\s+"
                            r"((?:the\s+|an?\s+|two\s+|several\s+)?(?:[\w’'\-]+\s+){0,2}?[\w’'\-]+)(?=\s+(?:in|at|on|"
                            r"today|yesterday|about|that|who)\b|[,.;:]|$)")

# ---------------------------------------------------------------- content words (words.py)

STOP_WORDS = frozenset("""
a an the and or but nor so yet if then than that this these those there here it its it's he she him her his hers
they them their theirs we us our ours you your i me my mine who whom whose which what when where why how
is are was were be been being am do does did done doing have has had having will would shall should can could may
might must not no to of in on at by for with from into onto over under about after before since until while as
also too very just only even still more most less least some any all each every both either neither other another
such same own said says say told tell according added adding mr mrs ms dr one per cent percent
up down out off again further once today yesterday tomorrow now
""".split())
NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "without"})
# Negative words that deny nothing: emphasis ("nothing less than", "no fewer than", "not only … but"), and the
# "No," that opens a quotation answering someone ("No, I meant he's the founder"): a reply, not the statement's
EMPHATIC_NEGATIONS = re.compile(r"\b(?:nothing|no|not)\s+(?:less|more|fewer|short)\s+(?:than|of)\b|\bnot\s+only\b"
                                r"|\bno\s+doubt\b|^\W*no(?=\s*[,.!;:—–])", re.IGNORECASE)
FIGURE_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
                                             "twenty".split()) if i >= 2}

# ---------------------------------------------------------------- sentence units, days and running counts (compare/)

DEICTIC = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening|week)|yesterday|tomorrow|last night"
                      r"|earlier today|overnight|(?:this|last|next) (?:week|month|year))\b", re.IGNORECASE)
# a day that recurs ("the second Tuesday of every month", "each Sunday"): no one happening's day
HABITUAL = re.compile(r"\b(?:every|each)\s+$|^\s+(?:of|in)\s+(?:every|each)\b", re.IGNORECASE)
# a day that dates a statement ("police said today", "announced Wednesday that", "said at practice on Wednesday",
# "told reporters late Tuesday", "described by French media on Friday"): the day it was said, not the day of what it reports
_STATEMENT_VERBS = r"(?:said|says|told|announced|confirmed|reported|indicated|stated|added|revealed|disclosed|described)"
STATEMENT_DAY = re.compile(r"\b" + _STATEMENT_VERBS +
                           r"(?:\s+(?:it|this|himself|herself|themselves|reporters|journalists"
                           r"|(?:at|to|in)\s+(?:an?\s+|the\s+)?(?:news\s+)?\w+|by\s+(?:the\s+)?(?:\w+\s+){0,2}\w+))*"
                           r"(?:\s+(?:on|late|early))?\s*$", re.IGNORECASE)  # ... "described by French media on Friday"
# a day that opens its sentence and then its speaker and a verb of saying ("On Saturday, coach Sean Payton indicated
# that …", "Friday, police said …"): the day it was said, as STATEMENT_DAY reads it after the verb. Matched from the day's
# end; OPENS_SENTENCE is what may stand before the day ("On", nothing), so "arrested him on Friday, police said" keeps
# the day of the arrest.
STATEMENT_AFTER_DAY = re.compile(
    r"(?:\s+(?:night|morning|afternoon|evening))?\s*,?\s+"
    r"(?:(?:the|a|an|its|his|her|their|[A-Z][\w.'’-]*|coach|police|officials?|authorities|spokes(?:man|woman|person)"
    r"|prosecutors?|investigators?|officers?|chief|manager)\s+){1,6}"
    + _STATEMENT_VERBS + r"\b")
OPENS_SENTENCE = re.compile(r"^\W*(?:(?:on|early|late|last)\s+)?$", re.IGNORECASE)
# words before a weekday that date it ("On Saturday", "Last Friday"), not a name it ends ("Patch Tuesday", "Black Friday")
DAY_WORDS = frozenset("on by since until till from before after last next this early late that each every through".split())
# "a day after", "two days earlier": counted from an event the sentence names, not from the report's day
RELATIVE_DAY = re.compile(r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+"
                       r"(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|earlier|later|ago|on)\b", re.IGNORECASE)
# a day that names another happening the sentence's comes before ("Going into Tuesday's contests, Clinton
# held …", "ahead of Monday's caucuses"): the day of that one, not of what the sentence tells
AHEAD_OF = re.compile(r"\b(?:(?:going|heading) into|ahead of|in the run-up to|leading (?:up )?(?:to|into))\s+$", re.IGNORECASE)
# the day a poll, report or statement came out ("a CNN/ORC poll released Monday"): not a day of what it tells
RELEASED = re.compile(r"\b(?:poll|survey|report|study|statement|figures|data|results?|numbers)\s+(?:\w+\s+)?"
                      r"(?:released|published|issued|out)\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
# words that date a happening's start ("The fire started on Tuesday evening", "broke out late on Monday"): a day so told
# and a day of what came after it ("Firefighters were called early on Wednesday as the fire spread") are two moments
ONSET = re.compile(r"\b(?:start(?:ed|s)?|beg[au]n|begins?|broke\s+out|breaks\s+out|erupted|ignited|sparked)\b", re.IGNORECASE)
AFTER_ONSET = re.compile(r"\b(?:called(?:\s+out)?|arrived|spread|spreading|battled|battling|fought|fighting|contained|"
                         r"extinguished|put\s+out|still\s+burning|raged|raging)\b", re.IGNORECASE)
# "the last such patch was released on Oct. 23", "a previous raid in 2006": the day of an earlier happening
# of the kind, not of the one reported
EARLIER_ONE = re.compile(r"\b(?:(?:last|previous|prior|earlier)\s+such|(?:a|an|the)\s+(?:previous|prior))\b", re.IGNORECASE)
# words that make a figure a count so far, or a revised one, or what is still missing of a goal ("71 delegates
# short of", "needs 67 delegates to reach"), which later reports may change
PROGRESS = re.compile(r"\b(?:by (?:dawn|noon|midday|nightfall|tonight|then|now|this \w+|the time|\w+day)|so far|"
                       r"(?:short|shy) of|away from|to (?:reach|clinch)|"
                       r"(?:has|have) (?:now |already |so far )?(?:\w+ed|been|risen|grown|burnt|burned|reached)|"
                       r"now (?:stands|at)|latest|updated?|rose|risen|rising|climbed|increased|grew|up from|down from|"
                       r"revised|earlier estimate)\b", re.IGNORECASE)
# what goes on after a count of days, weeks or nights that says how long an ongoing happening has lasted
# so far ("five days of rioting", "after eight days of the worst riots", "four days in a row"): a running
# count, which each day it goes on adds to, not a length fixed once and for all ("30 days in jail")
ONGOING_SPAN = re.compile(r"\s+(?:in a row|running|of\s+(?:\w+\s+){0,3}?(?:riot\w*|protest\w*|clash\w*|violence|unrest"
                          r"|demonstrations?|strikes?|fighting|looting|turmoil|battles?|siege|search\w*|talks|negotiations?"
                          r"|deliberations?|rain\w*|storms?|snow\w*|bombing|shelling|air ?strikes))\b", re.IGNORECASE)
UPDATED = re.compile(r"\b(?:rose|risen|climbed|increased|revised|updated)\b", re.IGNORECASE)
# words that make a report's figure a later reading than another report's of the same day ("the toll
# rose to 10", "has now climbed", "up from three"), and words that make it a reading as it stood at a time
# of the day ("88 percent as of 4 p.m."), before the day's later ones (compare/report_order.py)
GROWN = re.compile(r"\b(?:rose|rises|risen|climbed|climbs|jumped|increased|reached|now|(?:up|higher) from"
                   r"|new (?:death )?toll)\b", re.IGNORECASE)
AS_OF_TIME = re.compile(r"\b(?:as of|by)\s+(?:about\s+|around\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?"
                        r"|GMT\b|UTC\b|local time)|\d{1,2}:\d{2}|noon\b|midday\b|(?:early|late|mid-?)\s*(?:morning|afternoon)\b)",
                        re.IGNORECASE)
# words that say a count was brought down since an earlier reading ("the toll was revised down to 9",
# "fell to", "down from 12"): a later report's lower figure is then a reading, not a dispute
LOWERED = re.compile(r"\b(?:fell|fallen|falls|dropped|drops|lowered|revised|corrected|reduced|decreased|declined"
                     r"|down from|(?:has|have) since)\b", re.IGNORECASE)
# words that make a count what is still missing of a goal ("71 delegates short of", "needs 67 to reach"),
# which falls as the goal comes nearer
REMAINING = re.compile(r"\b(?:(?:short|shy) of|away from|to (?:reach|clinch)|needs?|still (?:missing|needed|left)"
                       r"|remain(?:s|ing)?)\b", re.IGNORECASE)
# a figure its own sentence says no longer holds ("was out of service early Friday, although that has
# since improved"): another report's figure is a later reading, not a dispute
SUPERSEDED = re.compile(r"\b(?:has|have) (?:since|now|already) (?:improved|eased|recovered|changed|fallen|dropped|risen|grown)\b",
                        re.IGNORECASE)
RESCHEDULE = re.compile(r"\b(?:postpon\w*|delay\w*|reschedul\w*|moved to|pushed back|brought forward|put off|called off)\b", re.I)
PLANNED = re.compile(r"\b(?:due to|will|expected|planned|plans?)\b", re.I)  # a day later reports may move
# a happening called off or put back: a report of it going ahead on a day says otherwise
CALLED_OFF = re.compile(r"\b(?:postpon\w*|put off|pushed back|called off|cancel\w*|scrapped|delayed)\b", re.IGNORECASE)
CLAUSE_SPLIT = re.compile(r";\s+(?=[^\s])|,\s+(?:and|but|while|whereas)\s+(?=[^\s])")
# the words that open a second main clause after ", and": a subject...
CLAUSE_SUBJECT = re.compile(r"^(?:the|a|an|their|his|her|its|our|my|your|he|she|they|it|we|i|this|these|those|"
                             r"[A-Z][\w'’-]*|\d[\d,.]*)\b")
# ...followed soon by a finite verb
FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|said|says|"
                     r"did|does|do|\w+ed)\b", re.IGNORECASE)
REPORTING_VERB = re.compile(r"\b(?:said|says|told|according to|added|declared|stated|announced|warned|insisted|"
                        r"argued|explained|underlined|stressed|noted|claimed)\b", re.IGNORECASE)

# ---------------------------------------------------------------- offices (compare/conflicts/role.py)

# A "person" whose last word is one of these is a thing with a name: an agreement, a law, a programme, a
# street, a platform, or the tail of a body's name ("Institute for Science and International Security").
NOT_NAME_ENDINGS = {"Agreement", "Act", "Treaty", "Accord", "Accords", "Pact", "Amendment", "Program",
                    "Programme", "Initiative", "Street", "Avenue", "Road", "Boulevard", "Security", "Facebook",
                    "Twitter", "Instagram", "YouTube", "Kickstarter", "Snapchat", "Reddit", "Tumblr",
                    # a body or a building: "White House", "Social Security Administration", "Indiana GOP"
                    "House", "Administration", "GOP", "Committee", "Department", "Agency", "Commission",
                    "Council", "Party", "Campaign", "University", "College", "School", "Institute",
                    "Foundation", "Association", "Ministry", "Hospital", "Center", "Centre"}
# a title of an office held before ("then-Sen. Barack Obama", "former Police Inspector"), read before the title
PAST_OFFICE = re.compile(r"\b(?i:then|former|ex|one-?time|erstwhile)[-\s]+(?:[A-Z][\w.]*\s+){0,2}$")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "lord", "lady", "rev",
               "reverend", "former", "acting", "interim"}
# one office named two ways: a court's justice is its judge ("Justice Vincent Del Giudice" / "Judge ...")
OFFICE_NAMES = {"justice": "judge"}
# words that make an office another, lower one: a deputy director is not the director (compare/conflicts/role.py)
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "associate", "under"})

# ---------------------------------------------------------------- places (compare/conflicts/place.py)

LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)

# ---------------------------------------------------------------- dates and tense (analyze/dates.py)

COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0}
# A month or a year standing alone is a date only after words like these ("in March", "since 2019").
MONTH_CONTEXT = ("in", "as", "by", "until", "till", "since", "from", "of", "early", "late", "before", "after",
                  "through",
                  "during", "to", "the", "end of", "start of", "mid-")
YEAR_CONTEXT = ("in", "since", "of", "until", "by", "from", "to", "before", "after", "during", "the", "and", "through",
                 "early", "late", "mid-", "around", "between", "or")
DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                "the day before yesterday": -2, "the day after tomorrow": 2}
FUTURE_WORDS = {"will", "'ll", "’ll", "shall", "would", "wo", "must", "may", "might", "could", "should", "can",
                 "tomorrow", "upcoming"}
FUTURE_BEFORE_TO = {"due", "set", "scheduled", "expected", "expects", "expect", "plan", "plans", "planned",
                     "going", "hope", "hopes", "hoped", "aim", "aims", "aimed", "intend", "intends", "intended",
                     "want", "wants", "wanted", "is", "are", "ready", "likely", "poised", "slated"}
# a modal with "have" and a participle tells the past ("could have been", "must have left"); "will have" does not
MODAL_PERFECT = {"would", "could", "should", "might", "must", "may"}
PARTICIPLES = {"been", "gone", "done", "come", "become", "begun", "run"}  # past participles PAST_WORDS does not hold
FUTURE_ALONE = {"due", "scheduled", "slated", "expect", "expects", "planned"}
PAST_WORDS = {"was", "were", "had", "did", "said", "told", "met", "held", "spoke", "began", "broke", "took", "came",
               "went", "struck", "made", "left", "won", "lost", "fell", "rose", "gave", "saw", "found", "sent",
               "led", "paid", "ran", "got", "brought", "thought", "felt", "kept", "wrote", "spent", "stood",
               "became", "drove", "flew", "grew", "knew", "shook", "sold", "bought"}
NOT_PAST = {"need", "needed", "speed", "feed", "seed", "bed", "red", "hundred", "embed", "proceed", "succeed",
             "exceed", "breed", "indeed", "weed", "shed", "led"}
COPULAS = {"remain", "remains", "remained", "stay", "stays", "stayed", "be", "is", "are", "am", "become", "becomes",
            "get", "gets", "seem", "seems", "look", "looks", "keep", "keeps"}
# Words that put a date after the moment of the verb before them ("debated before Monday's caucus"):
# a past verb then says nothing of which side of publication the date is on.
AFTER_A_MOMENT = {"before", "ahead", "until", "till"}
# Words that set a date for later, before "for" ("a trial date was set for October 28"): the date comes
# after the setting, whatever its tense.
SET_FOR = {"set", "fixed", "booked", "rescheduled", "postponed", "adjourned", "deferred", "pencilled", "penciled"}
# The present of "be" says no side of publication ("students are angry at the Dec. 6 killing"), unlike
# a present that tells a plan ("the trial begins on May 3").
BE_PRESENT = {"is", "are"}  # not "am", which is also the clock's ("at 6 am")
# Forms of "be" before a participle: the auxiliary, not the participle, gives the tense ("is to be
# formally sentenced May 3", "when he's sentenced May 7", "was killed on June 24").
BE_FORMS = {"be", "been", "being", "is", "are", "was", "were"} | {
    subject + apostrophe + be for apostrophe in ("'", "’") for be in ("s", "re")
    for subject in ("", "he", "she", "it", "that", "there", "who", "what", "they", "we", "you")}
RELATIVE_PRONOUNS = {"who", "which", "that", "when", "where", "whose", "whom"}
