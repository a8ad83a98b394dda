"""How a PolNeAR gold source refers to its speaker, and which predicted names answer it.

A source is a *name* ("Donald Trump", "Trump's spokesman Jason Miller"), a *pronoun* ("he"), an *anonymous*
description ("a campaign aide", "sources", "the Trump campaign") or a *definite* one ("the Republican nominee"),
by the words of its head (`source_kind`); a name's words are those of `name_words`, and a predicted speaker
answers them when `names_agree`. The rules are docs/attribution.md's "How the gold answer is decided".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

# A word; the signs and accents of UTF-8 read as Latin-1 inside it are part of it ("SarukhÃ¡n", "JesÃºs"), not
# breaks that leave a lower-case "n" for a name's last word. (Not a no-break space, nor « and », which may quote.)
_SIGNS = "\u0080-\u009f\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf\u0300-\u036f"
_WORD = re.compile(rf"[^\W_](?:[\w’'.\-]|[{_SIGNS}](?=\w|[{_SIGNS}]))*")
PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "you", "it", "his", "hers",
            "their", "its", "our", "my", "himself", "herself", "themselves", "who", "which", "that", "this"}
INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three", "four", "many", "most", "other",
              "others", "any", "each", "few", "numerous", "multiple", "both", "all", "various", "no", "dozens",
              "hundreds", "thousands", "millions", "scores"}
# A member of a party, capitalised but no name ("an Iowa Democrat"), after an indefinite word.
_PARTY_MEMBERS = {"democrat", "democrats", "republican", "republicans", "independent", "independents", "libertarian",
                  "libertarians", "conservative", "conservatives", "liberal", "liberals"}
# Heads that stand for a group, an outlet or an organisation: no one person said it.
GROUP_HEADS = {"campaign", "committee", "administration", "office", "government", "department", "agency", "party",
               "team", "group", "organization", "organisation", "staff", "aides", "sources", "source", "officials",
               "people", "report", "reports", "poll", "polls", "survey", "statement", "study", "analysis", "data",
               "newspaper", "paper", "network", "outlet", "site", "website", "media", "press", "court", "board",
               "council", "service", "police", "foundation", "institute", "center", "centre", "company", "firm",
               "republicans", "democrats", "voters", "supporters", "critics", "experts", "analysts", "americans",
               "conservatives", "liberals", "members", "lawmakers", "advisers", "advisors", "allies", "observers",
               "witnesses", "documents", "emails", "records", "letter", "memo", "release", "post", "tweet"}
# Words a name may carry that are not the name: titles, and the words of an outlet's or body's name.
TITLES = {"president", "senator", "sen.", "sen", "rep.", "rep", "representative", "gov.", "gov", "governor",
          "secretary", "mayor", "speaker", "chairman", "chairwoman", "chair", "director", "leader", "minister",
          "judge", "justice", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "gen.", "general", "former",
          "vice", "attorney", "candidate", "nominee", "of", "state", "the", "u.s.", "lt.", "col.", "sgt.", "rev.",
          "house", "majority", "minority", "press", "campaign", "manager", "spokesman", "spokeswoman",
          "jr.", "jr", "sr.", "sr", "professor", "prof"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Heads of a definite description that name a role one person holds in the story.
ROLES = {"nominee", "candidate", "front-runner", "frontrunner", "businessman", "businesswoman", "mogul", "billionaire",
         "senator", "congressman", "congresswoman", "lawmaker", "governor", "mayor", "president", "secretary",
         "chairman", "chairwoman", "director", "speaker", "spokesman", "spokeswoman", "spokesperson", "leader",
         "minister", "ambassador", "candidate", "challenger", "rival", "opponent", "incumbent", "host", "star",
         "developer", "executive", "chief", "founder", "owner", "author", "senator-elect", "hopeful", "contender",
         "democrat", "republican", "independent", "liberal", "conservative", "socialist", "veteran", "general",
         "manager", "strategist", "adviser", "advisor", "aide", "pollster", "economist", "attorney", "lawyer",
         "sheriff", "commissioner", "justice", "judge", "representative", "delegate", "running-mate", "mate",
         "pick", "wife", "husband", "daughter", "son", "father", "mother", "former", "tycoon", "magnate",
         "entrepreneur", "businessman", "celebrity", "nominee-in-waiting", "vice-president", "anchor", "moderator",
         "columnist", "commentator", "pundit", "activist", "whistleblower"}
ORG_WORDS = {"post", "times", "news", "journal", "press", "campaign", "committee", "party", "cnn", "fox", "msnbc",
             "nbc", "abc", "cbs", "reuters", "politico", "breitbart", "foundation", "association", "institute",
             "university", "center", "department", "office", "house", "fbi", "cia", "gop", "rnc", "dnc", "pac",
             "poll", "tribune", "herald", "magazine", "network", "group", "inc.", "llc", "agency", "bureau"}
# Offices and bodies whose name goes on with "of" ("Secretary of State", "Speaker of the House").
_OFFICE_OF = TITLES | ORG_WORDS | GROUP_HEADS | {"bank", "chief", "head", "member"}
_CUT = {"for", "of", "at", "from", "with", "who", "whom", "which", "that", "in", "on", "to", "close", "familiar",
        "near", "inside", "within", "among", "under", "by", ",", "(", "—", "–", "-", ";", ":"}



# ---------------------------------------------------------------- gold sources


def _words(text: str) -> list[str]:
    return [w.rstrip(".,") if not w.endswith(".") or len(w) > 4 or w.count(".") > 1 else w
            for w in _WORD.findall(text.replace("’s", "").replace("'s", ""))]


def _head(source: str) -> list[str]:
    """The words of a source up to its first preposition, relative pronoun or comma ("a spokesman for
    Clinton" → a spokesman), keeping "of" after an office ("Secretary of State John Kerry"), not after
    a name ("Senator Jane Roe of Ohio" → Senator Jane Roe)."""
    tokens = re.findall(_WORD.pattern + r"|[,(—–;:]", source.replace("’s ", " ").replace("'s ", " "))
    head: list[str] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in _CUT and head:
            after = [t for t in tokens[i + 1:i + 3] if t.lower() != "the"]
            if low == "of" and head[-1].lower().rstrip(".") in _OFFICE_OF and after and after[0][:1].isupper():
                head.append(token)  # "Speaker of the House Paul Ryan": the office goes on
                continue
            break
        if low not in _CUT:
            head.append(token)
    return [t.rstrip(".,") if len(t) > 4 else t for t in head]


def source_kind(source: str, article_text: str = "", start: int | None = None) -> str:
    """name, pronoun, anonymous or definite: how a gold source refers to its speaker.

    A name's head ends in a capitalised word that is no title and, where the source opens a sentence
    (or its place is not given), that the article never writes in lower case (so a sentence-initial
    "Officials" is no name, a mid-sentence "Will" is). A definite description has a role for a head
    ("the Republican nominee", "the senator"); any other source is anonymous: an indefinite word
    ("a", "two", "some"), a group ("sources", "the campaign", "the attendees"), or a thing or a
    stranger ("the editorial", "the man")."""
    words = source.split()
    if not words:
        return "none"
    if all(w.lower().strip(".,") in PRONOUNS for w in words):
        return "pronoun"
    if _apposed_name(source, article_text) or _described_name(source.partition(",")[0], article_text):
        return "name"
    head = _head(source)
    while len(head) > 1 and head[-1].lower().strip(".") in SUFFIXES:
        head = head[:-1]
    if not head:
        return "anonymous"
    last = head[-1]
    lowered = last.lower()
    opens = start is None or _opens_sentence(article_text, start)
    common = lowered in TITLES or lowered in GROUP_HEADS or bool(
        opens and len(head) == 1 and article_text
        and re.search(rf"(?<![\w’']){re.escape(lowered)}(?![\w’'])", article_text))
    if head[0].lower() in INDEFINITE and (len(head) == 1 or lowered in _PARTY_MEMBERS):
        return "anonymous"  # "Others", "a New Hampshire Democrat", "one senior Republican": nobody named
    if len(head) == 2 and head[0].lower() == "the" and lowered in _PARTY_MEMBERS and not lowered.endswith("s"):
        return "definite"  # "the Republican said": what someone the article names is, no one called Republican
    if last[:1].isupper() and not common:
        return "name"
    if head[0].lower() in INDEFINITE or lowered in GROUP_HEADS:
        return "anonymous"
    if lowered in ROLES or lowered in TITLES:
        return "definite"
    return "anonymous"


def introduced_unnamed(text: str, start: int, source: str) -> bool:
    """Whether a definite description ("the aide", "the spokesman") takes up someone the article introduced
    earlier without a name ("A Republican committee aide blasted it.", "the prime minister's spokesman said"):
    that unnamed person, not the nearest named source, is whom a reader takes it for. An introduction that
    describes a named person ("Ana Ruiz, a senator,", "Ruiz is an aide", "to be a great president") or names one after it ("a spokesman,
    Dan Oduya,") does not count."""
    words = _head(source)
    if len(words) > 3 or not words or words[0].lower() != "the":
        return False
    head = re.escape(words[-1].lower())
    intro = re.compile(rf"(?<![\w’'-])(?:[Aa]n?|[Oo]ne|[\w.]+[’']s)\s+((?:[\w-]+\s+){{0,3}}?){head}\b(?!,?\s+[A-Z][a-z]+\s+[A-Z])")
    return any(not text[m.end():m.end() + 1].isalpha() and not _DESCRIBING.search(text, max(0, m.start() - 12), m.start())
               and not set(m.group(1).lower().split()) & _NOT_IN_PHRASE
               for m in intro.finditer(text, 0, start))  # not "Ana Ruiz, a senator," nor "Ruiz is an aide": hers


_DESCRIBING = re.compile(r"(?:,|\bis|\bwas|\bas|\bbe|\bbecome|\belected)\s*$")
# Words that end a noun phrase before its head could come: "Trump's claim that the president" is no introduction.
_NOT_IN_PHRASE = {"the", "that", "a", "an", "of", "to", "and", "or", "with", "for", "in", "on", "at", "by", "as", "is",
                  "was", "his", "her", "their", "its", "who", "which", "said", "says", "former", "then", "if", "elected", "when"}


def _opens_sentence(text: str, start: int) -> bool:
    """Whether text[start] begins a sentence: after a full stop (a closing quote mark may follow it),
    a line break or an opening quote mark; not after '…,” '."""
    before = text[:start].rstrip(" \t")
    if not before or before[-1] in ".!?\n“‘":
        return True
    return before[-1] in "”\"’'" and before[-2:-1] in (".", "!", "?")


def _apposed_name(source: str, article_text: str = "") -> list[str]:
    """The name after a comma that ends a source ("Ms. Merkel's spokesman, Steffen Seibert"), lower-cased."""
    before, comma, after = source.partition(",")
    words = after.strip(" ,").split()
    if comma and words and not all(w[:1].isupper() for w in words):
        # "One early supporter, Representative Lee Zeldin, Republican of New York,", "…, actress Jamie Lee
        # Curtis", "…, Andrew J. Pincus of the law firm Mayer Brown": the name the apposition's head ends in
        head = _head(after)
        while head and head[0][:1].islower() and head[0].lower() not in _CUT:
            head = head[1:]
        if head and len(head) >= 2 and all(w[:1].isupper() for w in head) and head[-1].lower() not in TITLES \
                and head[-1].lower() not in GROUP_HEADS:
            words = head
        else:  # "One superdelegate, Alabama Democratic Party chairwoman Ann Lee,": the name its description ends in
            words = [w.capitalize() for w in _described_name(after, article_text)] or words
    if not comma or not words or not all(w[:1].isupper() for w in words):
        return []
    last = words[-1].lower().strip(".,")
    if last in TITLES or last in GROUP_HEADS or (article_text and re.search(
            rf"(?<![\w’']){re.escape(last)}(?![\w’'])", article_text)):
        return []
    return [possessive(w).lower() for w in words]


# A description ending in a full name: a lower-case word of the description, then two to four capitalised words up
# to the end ("master of ceremonies Ana Ruiz", "Fight for $15 organizing director Ana Ruiz").
_DESCRIBED = re.compile(r"(?:^|\s)([a-z][\w-]*)\s+((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)\s*$")


# Last words of a body's name that the lists above leave out ("the left-leaning Brookings Institution").
_BODY_ENDINGS = {"institution", "project", "security", "school", "college", "council", "fund", "initiative", "society",
                 "studies", "policy", "research", "forum", "alliance", "coalition", "union", "watch", "action"}


def _described_name(segment: str, article_text: str = "") -> list[str]:
    """The full name a description ends in ("master of ceremonies Ana Ruiz" → ana ruiz), lower-cased: the words
    right after a word of the description, not after a preposition or a relative clause ("a spokesman for Ana
    Ruiz", "someone who knows Ana Ruiz" are someone else), nor a body's or a title's word at its end."""
    match = _DESCRIBED.search(segment.strip(" ,"))
    if match is None or match.group(1) in _CUT | INDEFINITE | {"the", "and", "or"} or re.search(r"[“”\"]", segment) \
            or set(segment.lower().split()) & {"who", "whom", "which", "that"}:
        return []  # "another New Hampshire Republican", "the authors of the “Growth and Opportunity Project”"
    words = match.group(2).split()
    last = possessive(words[-1]).lower().strip(".")
    if last in TITLES or last in GROUP_HEADS or last in ORG_WORDS or last in _PARTY_MEMBERS or last in _BODY_ENDINGS \
            or (article_text and re.search(
            rf"(?<![\w’']){re.escape(last)}(?![\w’'])", article_text)):
        return []
    return [possessive(w).lower() for w in words]


def possessive(word: str) -> str:
    return re.sub(r"[’']s?$", "", word)


def name_words(source: str) -> list[str]:
    """The name in a name source, lower-cased: the last capitalised run of its head ("Trump's campaign
    manager Kellyanne Conway" → kellyanne conway)."""
    apposed = _apposed_name(source)
    if apposed and not source_kind(source.partition(",")[0]) == "name":
        return apposed
    described = _described_name(source.partition(",")[0])
    if described:
        return described
    head = _head(source)
    run: list[str] = []
    for token in reversed(head):
        if token[:1].isupper() or (token == "of" and run):
            run.insert(0, token)
        else:
            break
    while run and run[0] == "of":
        run.pop(0)
    return [_plain(possessive(w).lower()) for w in run]


# Control characters of Latin-1 that mis-decoded UTF-8 leaves inside a name and the normalised text drops.
_C1 = re.compile(r"[\u0080-\u009f]")


def _plain(word: str) -> str:
    """A name's word as the normalised text spells it: composed accents (NFC), no Latin-1 control characters."""
    return _C1.sub("", unicodedata.normalize("NFC", word))


def names_agree(gold: Sequence[str], predicted: str | None) -> bool:
    """Whether a predicted speaker names the gold's person: same surname, and one's words hold the
    other's, titles aside ("Clinton" ~ "Hillary Clinton" ~ "Mrs. Clinton", not ~ "Bill Clinton")."""
    if not predicted or not gold:
        return False
    said = {_plain(w.lower().strip(".")) for w in _words(predicted)} - TITLES - SUFFIXES
    gold = [_plain(w) for w in gold]
    wanted = {w.strip(".") for w in gold} - TITLES - SUFFIXES
    surname = next((w for w in reversed(gold) if w not in TITLES and w.strip(".") not in SUFFIXES), gold[-1]).strip(".")
    if surname not in said:
        return False
    said, wanted = _initials_spelt(said, wanted), _initials_spelt(wanted, said)
    return wanted <= said or said <= wanted


def _initials_spelt(words: set[str], other: set[str]) -> set[str]:
    """The words of one name with each initial written as the other name's one word that opens with it ("W. Mark
    Felt" ~ "William Mark Felt")."""
    def spelt(word: str) -> str:
        full = [w for w in other if len(w) > 1 and w[0] == word]
        return full[0] if len(word) == 1 and len(full) == 1 else word
    return {spelt(w) for w in words}
