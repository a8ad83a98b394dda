"""How well storyline finds quotations and their speakers, against PolNeAR-style attribution gold.

The gold is one JSON object per article (PolNeAR's shape): ``text`` and ``attributions``, each with
``source``, ``cue`` and ``content`` as lists of ``[start, end)`` spans into ``text``, their ``*_text``,
and ``direct`` (the content starts with a quotation mark). Predictions are storyline's quotes of the
same article, with spans into the text as ingest normalised it. The rules (docs/attribution.md):

- **Spans.** Gold spans are carried onto the normalised text through an alignment of the two texts.
  A gold piece and a predicted quote *match* when they share at least half of the shorter one's
  characters (quotation marks and edge spaces trimmed off the gold piece first). An interrupted
  quotation (``"…," he said, "…"``) is scored as its pieces: it is found when any of its pieces
  matches a predicted direct quote.
- **Recall** of direct quotations: gold direct attributions found / all. **Precision**: predicted
  direct quotes matching some gold direct piece / all predicted direct quotes (and, apart, matching
  any attributed content, reported speech included, since a quoted fragment inside reported speech
  is attributed words too).
- **Speaker** of a found quotation: the speaker of the predicted quote that overlaps it most. The
  gold source is sorted into a *name* ("Donald Trump", "Trump's spokesman Jason Miller"), a
  *pronoun* ("he"), an *anonymous* description ("a campaign aide", "sources", "the Trump campaign")
  or a *definite* description ("the Republican nominee"), by the words of its head (see
  ``source_kind``). A name is right when the predicted name carries the gold's surname and one name's
  words hold the other's ("Clinton" ~ "Hillary Clinton", not ~ "Bill Clinton"). ``he``/``she`` refers
  to the person the sentences just before it are about, as a reader takes it (see ``_Reader``); past
  its paragraph and the one before, and for a definite description, to the nearest named gold source
  before it in the article (the annotation's own chain of sources), skipping outlets and
  organisations, and for ``he``/``she`` names the article gives the other gender; it is right when
  the predicted name matches that name.
  A first-person source ("I said") and one with no named source before it are left out (counted as
  ``speaker_unresolved``). An anonymous source is right when the predicted speaker is null.
- **Unattributed**: found direct quotations whose gold has a source but whose predicted speaker is null.
- **Reported speech** recall: gold indirect attributions whose content a predicted indirect quote matches.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from storyline.errors import InputError
from storyline.model import Rejection

if TYPE_CHECKING:
    from storyline.settings import Settings

MATCH_SHARE = 0.5

_QUOTE_MARKS = "\"'“”‘’„«»‹›"
_WORD = re.compile(r"[^\W_][\w’'.\-]*")
_PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person"}
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "you", "it", "his", "hers",
             "their", "its", "our", "my", "himself", "herself", "themselves", "who", "which", "that", "this"}
_INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three", "four", "many", "most", "other",
               "others", "any", "each", "few", "numerous", "multiple", "both", "all", "various", "no"}
# A member of a party, capitalised but no name ("an Iowa Democrat"), after an indefinite word.
_PARTY_MEMBERS = {"democrat", "democrats", "republican", "republicans", "independent", "independents", "libertarian",
                  "libertarians", "conservative", "conservatives", "liberal", "liberals"}
# Heads that stand for a group, an outlet or an organisation: no one person said it.
_GROUP_HEADS = {"campaign", "committee", "administration", "office", "government", "department", "agency", "party",
                "team", "group", "organization", "organisation", "staff", "aides", "sources", "source", "officials",
                "people", "report", "reports", "poll", "polls", "survey", "statement", "study", "analysis", "data",
                "newspaper", "paper", "network", "outlet", "site", "website", "media", "press", "court", "board",
                "council", "service", "police", "foundation", "institute", "center", "centre", "company", "firm",
                "republicans", "democrats", "voters", "supporters", "critics", "experts", "analysts", "americans",
                "conservatives", "liberals", "members", "lawmakers", "advisers", "advisors", "allies", "observers",
                "witnesses", "documents", "emails", "records", "letter", "memo", "release", "post", "tweet"}
# Words a name may carry that are not the name: titles, and the words of an outlet's or body's name.
_TITLES = {"president", "senator", "sen.", "sen", "rep.", "rep", "representative", "gov.", "gov", "governor",
           "secretary", "mayor", "speaker", "chairman", "chairwoman", "chair", "director", "leader", "minister",
           "judge", "justice", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "gen.", "general", "former",
           "vice", "attorney", "candidate", "nominee", "of", "state", "the", "u.s.", "lt.", "col.", "sgt.", "rev.",
           "house", "majority", "minority", "press", "campaign", "manager", "spokesman", "spokeswoman",
           "jr.", "jr", "sr.", "sr", "professor", "prof"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Heads of a definite description that name a role one person holds in the story.
_ROLES = {"nominee", "candidate", "front-runner", "frontrunner", "businessman", "businesswoman", "mogul", "billionaire",
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
_ORG_WORDS = {"post", "times", "news", "journal", "press", "campaign", "committee", "party", "cnn", "fox", "msnbc",
              "nbc", "abc", "cbs", "reuters", "politico", "breitbart", "foundation", "association", "institute",
              "university", "center", "department", "office", "house", "fbi", "cia", "gop", "rnc", "dnc", "pac",
              "poll", "tribune", "herald", "magazine", "network", "group", "inc.", "llc", "agency", "bureau"}
# Offices and bodies whose name goes on with "of" ("Secretary of State", "Speaker of the House").
_OFFICE_OF = _TITLES | _ORG_WORDS | _GROUP_HEADS | {"bank", "chief", "head", "member"}
_CUT = {"for", "of", "at", "from", "with", "who", "whom", "which", "that", "in", "on", "to", "close", "familiar",
        "near", "inside", "within", "among", "under", "by", ",", "(", "—", "–", "-", ";", ":"}


# ---------------------------------------------------------------- offsets


def offset_map(raw: str, normalised: str) -> list[int]:
    """For every position 0..len(raw) of raw, the matching position in normalised (ingest's text)."""
    if raw == normalised:
        return list(range(len(raw) + 1))
    mapping = _walk_offsets(raw, normalised)
    if mapping is not None:
        return mapping
    mapping = [0] * (len(raw) + 1)
    matcher = difflib.SequenceMatcher(None, raw, normalised, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        for k in range(a0, a1):
            mapping[k] = b0 + (k - a0 if tag == "equal" or a1 - a0 == b1 - b0 else min(k - a0, b1 - b0))
    mapping[len(raw)] = len(normalised)
    return mapping


def _walk_offsets(raw: str, normalised: str) -> list[int] | None:
    """offset_map for the usual case, where normalising only dropped or changed spacing and control
    characters: one walk over both texts. None when some other character changed (NFC)."""
    mapping = [0] * (len(raw) + 1)
    i = j = 0
    while i < len(raw):
        ch = raw[i]
        mapping[i] = j
        if j < len(normalised) and (ch == normalised[j] or (ch.isspace() and normalised[j].isspace())):
            i, j = i + 1, j + 1
            continue
        if ch.isspace() or unicodedata.category(ch) == "Cc":
            i += 1
            continue
        # a letter and its combining marks that NFC composed into one character
        width = next((k for k in range(2, 5) if j < len(normalised)
                      and unicodedata.normalize("NFC", raw[i:i + k]) == normalised[j]), None)
        if width is None:
            return None
        for k in range(i, i + width):
            mapping[k] = j
        i, j = i + width, j + 1
    mapping[len(raw)] = len(normalised)
    return mapping if j == len(normalised) else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold content piece without surrounding spaces, quotation marks and trailing , ; ."""
    while start < end and (text[start].isspace() or text[start] in _QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_MARKS + ",;.…"):
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(gold: tuple[int, int], predicted: tuple[int, int], share: float = MATCH_SHARE) -> bool:
    """Whether two spans share at least `share` of the shorter one's characters."""
    shorter = min(gold[1] - gold[0], predicted[1] - predicted[0])
    return shorter > 0 and _overlap(gold, predicted) >= share * shorter


# ---------------------------------------------------------------- gold sources


def _words(text: str) -> list[str]:
    return [w.rstrip(".,") if not w.endswith(".") or len(w) > 4 or w.count(".") > 1 else w
            for w in _WORD.findall(text.replace("’s", "").replace("'s", ""))]


def _head(source: str) -> list[str]:
    """The words of a source up to its first preposition, relative pronoun or comma ("a spokesman for
    Clinton" → a spokesman), keeping "of" after an office ("Secretary of State John Kerry"), not after
    a name ("Senator Jane Roe of Ohio" → Senator Jane Roe)."""
    tokens = re.findall(r"[^\W_][\w’'.\-]*|[,(—–;:]", source.replace("’s ", " ").replace("'s ", " "))
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
    if all(w.lower().strip(".,") in _PRONOUNS for w in words):
        return "pronoun"
    if _apposed_name(source, article_text):
        return "name"
    head = _head(source)
    while len(head) > 1 and head[-1].lower().strip(".") in _SUFFIXES:
        head = head[:-1]
    if not head:
        return "anonymous"
    last = head[-1]
    lowered = last.lower()
    opens = start is None or _opens_sentence(article_text, start)
    common = lowered in _TITLES or lowered in _GROUP_HEADS or bool(
        opens and len(head) == 1 and article_text
        and re.search(rf"(?<![\w’']){re.escape(lowered)}(?![\w’'])", article_text))
    if head[0].lower() in _INDEFINITE and (len(head) == 1 or lowered in _PARTY_MEMBERS):
        return "anonymous"  # "Others", "a New Hampshire Democrat", "one senior Republican": nobody named
    if last[:1].isupper() and not common:
        return "name"
    if head[0].lower() in _INDEFINITE or lowered in _GROUP_HEADS:
        return "anonymous"
    if lowered in _ROLES or lowered in _TITLES:
        return "definite"
    return "anonymous"


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
        if head and len(head) >= 2 and all(w[:1].isupper() for w in head) and head[-1].lower() not in _TITLES \
                and head[-1].lower() not in _GROUP_HEADS:
            words = head
    if not comma or not words or not all(w[:1].isupper() for w in words):
        return []
    last = words[-1].lower().strip(".,")
    if last in _TITLES or last in _GROUP_HEADS or (article_text and re.search(
            rf"(?<![\w’']){re.escape(last)}(?![\w’'])", article_text)):
        return []
    return [_possessive(w).lower() for w in words]


def _possessive(word: str) -> str:
    return re.sub(r"[’']s?$", "", word)


def name_words(source: str) -> list[str]:
    """The name in a name source, lower-cased: the last capitalised run of its head ("Trump's campaign
    manager Kellyanne Conway" → kellyanne conway)."""
    apposed = _apposed_name(source)
    if apposed and not source_kind(source.partition(",")[0]) == "name":
        return apposed
    head = _head(source)
    run: list[str] = []
    for token in reversed(head):
        if token[:1].isupper() or (token == "of" and run):
            run.insert(0, token)
        else:
            break
    while run and run[0] == "of":
        run.pop(0)
    return [_possessive(w).lower() for w in run]


def names_agree(gold: Sequence[str], predicted: str | None) -> bool:
    """Whether a predicted speaker names the gold's person: same surname, and one's words hold the
    other's, titles aside ("Clinton" ~ "Hillary Clinton" ~ "Mrs. Clinton", not ~ "Bill Clinton")."""
    if not predicted or not gold:
        return False
    said = {w.lower().strip(".") for w in _words(predicted)} - _TITLES - _SUFFIXES
    wanted = {w.strip(".") for w in gold} - _TITLES - _SUFFIXES
    surname = next((w for w in reversed(gold) if w not in _TITLES and w.strip(".") not in _SUFFIXES), gold[-1]).strip(".")
    if surname not in said:
        return False
    return wanted <= said or said <= wanted


# ---------------------------------------------------------------- scoring


def _pieces(spans: Iterable[Sequence[int]]) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in spans]


def _joined(record: Mapping[str, Any], spans: Sequence[tuple[int, int]]) -> str:
    return " … ".join(record["text"][a:b] for a, b in spans)


def _gold_sources(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every attribution's source with its kind and, for named ones, its name words; in text order."""
    out = []
    for n, attribution in enumerate(record.get("attributions", [])):
        spans, text = _source_of(record, attribution)
        if not spans:
            continue
        kind = source_kind(text, record["text"], spans[0][0])
        out.append({"index": n, "start": spans[0][0], "text": text, "kind": kind,
                    "name": name_words(text) if kind == "name" else []})
    return sorted(out, key=lambda s: s["start"])


def _source_of(record: Mapping[str, Any], attribution: Mapping[str, Any]) -> tuple[list[tuple[int, int]], str]:
    """An attribution's source spans and words, read the right way round where the annotator marked "said"
    the source and the name the cue."""
    spans = _pieces(attribution.get("source") or [])
    if not spans:
        return [], ""
    text = attribution.get("source_text") or _joined(record, spans)
    cue = _pieces(attribution.get("cue") or [])
    if cue and _swapped(text, _joined(record, cue)):
        return cue, _joined(record, cue)
    return spans, text


def _swapped(source: str, cue: str) -> bool:
    """Whether an annotation swapped source and cue: a lower-case verb of saying for the source ("said",
    "said in a statement") and a capitalised word or a pronoun opening the cue ("Sinovic", "he")."""
    first = source.split()[0] if source.split() else ""
    opening = cue.split()[0].lower() if cue.split() else ""
    return first.islower() and first.strip(",.:") in _SAYING and (cue[:1].isupper() or opening in _PRONOUNS)


_SAYING = {"said", "says", "say", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes"}


_FIRST_PERSON = {"i", "me", "we", "us", "my", "our"}
_THINGS = {"it", "its", "that", "which", "this"}
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}


# A quotation's own words: its pronouns are about whom the speaker speaks of, not the speaker.
_QUOTED = re.compile(r"“[^”\n]*”|''.*?''|\"[^\"\n]*\"")


def name_gender(surname: str, text: str, people: Iterable[str] = ()) -> str | None:
    """m or f when the article says so of a surname: "Mr." or else "Mrs."/"Ms." before it (both, as for
    two Clintons, say nothing), else he/his/him against she/her outside quotations, by two to one, in
    the sentences naming it and none of `people` (other surnames, lower-cased), whose pronouns may be theirs."""
    if not surname:
        return None
    name = re.escape(surname)
    male_title = re.search(rf"\bMr\.?\s+(?:[A-Z][\w.’'-]*\s+)?{name}\b", text, re.I)
    female_title = re.search(rf"\bM(?:r)?s\.?\s+(?:[A-Z][\w.’'-]*\s+)?{name}\b", text, re.I)
    if male_title and not female_title:
        return "m"
    if female_title and not male_title:
        return "f"
    others = set(people) - {surname.lower()}
    male = female = 0
    for sentence in re.split(r"(?<=[.!?”\"])\s+", _QUOTED.sub(" ", text)):
        if not re.search(rf"\b{name}\b", sentence, re.I):
            continue
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", sentence)]
        if others & set(words):
            continue
        male += sum(w in _MALE for w in words)
        female += sum(w in _FEMALE for w in words)
    if male >= 2 * female and male:
        return "m"
    if female >= 2 * male and female:
        return "f"
    return _given_name_gender(surname, text)


def _given_name_gender(surname: str, text: str) -> str | None:
    """m or f where the article writes the name after a given name English news gives one sex only ("Ben Carson",
    "Karen Robison"; the tables of storyline.lang.en), all such agreeing, or the name is one ("husband Bill")."""
    from storyline.lang.en import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES

    pattern = rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b"
    given = {m.group(1).lower() for m in re.finditer(pattern, text, re.I) if m.group(1)[:1].isupper()} or {surname.lower()}
    sexes = {"m" for g in given if g in MALE_GIVEN_NAMES} | {"f" for g in given if g in FEMALE_GIVEN_NAMES}
    return sexes.pop() if len(sexes) == 1 else None


def _referent(sources: list[dict[str, Any]], start: int, pronoun: str | None, text: str = "") -> list[str] | None:
    """The name that a pronoun or definite description at `start` refers to: the nearest named gold
    source before it that is no outlet or organisation; he/she also skip names the article gives
    the other gender (see name_gender)."""
    position = bisect_right([s["start"] for s in sources], start - 1)
    for source in reversed(sources[:position]):
        if source["kind"] != "name" or not source["name"]:
            continue
        if set(source["name"]) & _ORG_WORDS or source["text"].lower().startswith("the "):
            continue  # an outlet or a body: no he, she or role noun stands for it
        if pronoun in _PERSONAL:
            gender = name_gender(source["name"][-1], text, {s["name"][-1] for s in sources if s["name"]})
            if gender is not None and gender != ("m" if pronoun in _MALE else "f"):
                continue
        name: list[str] = source["name"]
        return name
    return None


# A name ending right before a relative "who" ("the radio host Ann Lee, who said", "Rep. Dan Oduya (D-Ohio), who").
_BEFORE_WHO = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+)(?:\s*\([^()]{0,40}\))?\s*,?\s*$")


def _relative_referent(text: str, start: int) -> list[str] | None:
    """Whom a relative "who" at `start` stands for: the name right before it, as English grammar has it (the
    chain's nearest marked source may be someone else); None where no name stands there ("the senator, who")."""
    match = _BEFORE_WHO.search(text, max(0, start - 120), start)
    if match is None:
        return None
    words = [_possessive(w).lower() for w in match.group(1).split()]
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words or words[-1] in _NOT_NAMES or words[-1] in _CALENDAR:
        return None
    return words


# Title words that qualify a place or body as readily as a person ("Former Ohio governor").
_MODIFIERS = {"former", "vice", "majority", "minority", "u.s.", "of", "the", "state", "house"}
_RUN = r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)(?![\w’'-])(?!\s+[A-Z])"
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Adm|Lt|Col|Sgt|Rev|Prof)\.?\s+" + _RUN)
_ROLE_NAME = re.compile(r"(?i:\b(?:" + "|".join(sorted(_ROLES | _TITLES - _MODIFIERS, key=len,
                                                      reverse=True)).replace(".", r"\.") + r"))\s+" + _RUN)
# A name with an age or a "who" after it ("Her father, Piet, 39,", "Ann Lee, who runs the shop").
_AGED_NAME = re.compile(r"([A-Z][\w’'-]+),\s+(?:\d{1,3},|who\s)")
# A full name set beside a description of its own, as a reader meets a new person ("Raynard Jackson, a
# radio host,", "One local woman, Karen Robison,"): the name, then ", a/an/the" and a lower-case word, or a
# lower-case noun, a comma, the name and a comma. A place can stand so too ("Des Moines, a city"), so a run
# the article also writes after "in", "from", "at" or "to" is left out (_Reader.__init__).
_APPOSED_NAME = re.compile(r"\b([A-Z][\w’'-]+\s+[A-Z][\w’'-]+),\s+(?:an?|the)\s+[a-z]"
                           r"|(?<=[a-z]),\s+([A-Z][\w’'-]+\s+[A-Z][\w’'-]+),\s")
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
# What may stand before a sentence's subject name since the sentence's start or its last comma.
_BEFORE_SUBJECT = _ROLES | _TITLES | {"the", "a", "an", "his", "her", "their", "its", "and", "but", "so", "then",
                                      "as", "when", "while", "after", "before", "if", "though", "although", "because",
                                      "since", "once", "until"}
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")
_ABBREVIATED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Adm|Lt|Col|Sgt|Rev|Prof|St|Jr|Sr|Inc|Co|No|Mt|Ft|Jan|Feb"
                          r"|Aug|Sept?|Oct|Nov|Dec|U\.S|[A-Z])\.$")
_NOT_NAMES = _ORG_WORDS | _TITLES | _GROUP_HEADS | _PRONOUNS | _INDEFINITE


class _Reader:
    """How a reader takes "he" or "she": the person the sentences just before it are about. Walking back
    over the sentences of its paragraph and the paragraph before, the nearest sentence that names a
    person outside a quotation decides: its named gold source, else the referent of its he/she gold
    source, else the first person it names (a surname the article gives a source, an honorific or a
    role to: "Ms. Roe looked up…", "Varga, the mayor, hinted…"), if the gender fits; past both
    paragraphs, the annotation's chain (_referent)."""

    def __init__(self, record: Mapping[str, Any], sources: list[dict[str, Any]]) -> None:
        self.text: str = record["text"]
        self.sources = sources
        masked = [(a, b) for attribution in record.get("attributions", []) if attribution.get("direct")
                  for a, b in _pieces(attribution.get("content") or [])]
        masked += [m.span() for m in _QUOTED.finditer(self.text)]
        self.masked = sorted(masked)
        people = {s["name"][-1] for s in sources if s["kind"] == "name" and s["name"] and _personal(s)}
        for pattern in (_HONORIFIC_NAME, _ROLE_NAME, _AGED_NAME):  # a role, unlike an honorific, also precedes places
            titled = {_possessive(m.group(1).split()[-1]).lower() for m in pattern.finditer(self.text)
                      if pattern is not _ROLE_NAME or len(m.group(1).split()) > 1}
            people |= {w for w in titled if not self._lower_case(w)}
        for m in _APPOSED_NAME.finditer(self.text):
            run = m.group(1) or m.group(2)
            if not re.search(rf"\b(?:in|from|at|to)\s+(?:the\s+)?{re.escape(run)}\b", self.text) \
                    and not self._lower_case(run.split()[-1].lower()):
                people.add(_possessive(run.split()[-1]).lower())
        self.people = people - _NOT_NAMES - _CALENDAR
        self.genders: dict[str, str | None] = {}

    def _lower_case(self, word: str) -> bool:
        """Whether the article writes a word in lower case somewhere (so it is no name: "one", "when")."""
        return bool(re.search(rf"(?<![\w’']){re.escape(word)}(?![\w’'])", self.text))

    def _opens(self, lo: int, start: int) -> bool:
        """Whether a name at `start` is where its sentence's subject stands: nothing but capitalised words,
        titles, roles and determiners since the sentence's start or its last comma ("With one foot on the
        quay, Ms. Roe looked up", "Former governor Ann Lee was"), not "The senator gave Trump credit", and no
        pronoun before it."""
        before = self.text[lo:start]
        if {w.lower() for w in re.findall(r"\w+", before)} & {"he", "she", "i", "we", "they"}:
            return False  # "She spoke up as his wife, Ann Lee, …": the pronoun is the subject
        return all(w[:1].isupper() or w.lower() in _BEFORE_SUBJECT for w in before.rsplit(",", 1)[-1].split())

    def _inside(self, pos: int) -> bool:
        k = bisect_right(self.masked, (pos, 1 << 62))
        return any(a <= pos < b for a, b in self.masked[max(0, k - 40):k])

    def _gender(self, surname: str) -> str | None:
        if surname not in self.genders:
            self.genders[surname] = name_gender(surname, self.text, self.people)
        return self.genders[surname]

    def _fits(self, surname: str, pronoun: str) -> bool:
        gender = self._gender(surname)
        return gender is None or gender == ("m" if pronoun in _MALE else "f")

    def _sentences(self, start: int) -> list[tuple[int, int]]:
        """The sentences of the paragraph holding `start` and of the paragraph before, up to `start`, nearest first."""
        here = self.text.rfind("\n", 0, start) + 1
        before = self.text[:here].rstrip("\n")
        lo = before.rfind("\n") + 1 if before.strip() else here
        cuts = [lo] + [lo + m.end() for m in re.finditer(r"[.!?][”\"’']*\s+|\n+", self.text[lo:start])
                       if not _ABBREVIATED.search(self.text[lo:lo + m.start() + 1])] + [start]
        spans = list(zip(cuts, cuts[1:]))
        return [span for span in reversed(spans) if span[1] > span[0]]

    def referent(self, start: int, pronoun: str, depth: int = 0) -> list[str] | None:
        for a, b in self._sentences(start):
            here = [s for s in self.sources if a <= s["start"] < min(b, start) and not self._inside(s["start"])]
            named = [s for s in here if s["kind"] == "name" and s["name"] and _personal(s)
                     and self._fits(s["name"][-1], pronoun)]
            if named:
                found: list[str] = named[-1]["name"]
                return found
            same = [s for s in here if s["kind"] == "pronoun" and s["text"].strip().lower() in _PERSONAL
                    and (s["text"].strip().lower() in _MALE) == (pronoun in _MALE)]
            if same and depth < 20:
                return self.referent(same[-1]["start"], pronoun, depth + 1)
            for m in _CAPITALISED.finditer(self.text, a, min(b, start)):
                word = _possessive(m.group()).lower()
                if word in self.people and not self._inside(m.start()) and m.group() == _possessive(m.group()) \
                        and self._opens(a, m.start()) and self._fits(word, pronoun):
                    return self._name_ending(m.start(), m.end(), a)
        return _referent(self.sources, start, pronoun, self.text)

    def _name_ending(self, start: int, end: int, lo: int) -> list[str]:
        """The capitalised run that ends in a surname ("Ann Lee"), titles left to names_agree."""
        words = [self.text[start:end].lower()]
        for m in reversed(list(_CAPITALISED.finditer(self.text, lo, start))):
            if self.text[m.end():start].strip() or m.group().lower() in _ORG_WORDS:
                break
            if not self._lower_case(m.group().lower()):
                words.insert(0, m.group().lower())
            start = m.start()
        return words


def _personal(source: Mapping[str, Any]) -> bool:
    """A named source that is a person, not an outlet or a body ("The Post", "the Clinton campaign")."""
    return not (set(source["name"]) & _ORG_WORDS or source["text"].lower().startswith("the "))


def _ratio(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def score_quotes(records: Sequence[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Recall and precision of direct quotations, speaker accuracy by kind of gold source, the share
    left unattributed and recall of reported speech, each with its counts.

    records: PolNeAR-shaped gold (``id``, ``text``, ``attributions``). predictions: by record id,
    ``{"text": the text the quotes index, "quotes": [{"start", "end", "speaker", "direct"}]}``; a
    record without a prediction counts as one where nothing was found. ``speaker_errors`` and
    ``missed`` list every wrong speaker and every missed quotation with its article and gold spans;
    ``unmatched`` every predicted direct quote that matches no annotated direct quotation (the
    precision's false positives), with ``annotated`` true where it lies in content of another kind."""
    counts = {k: 0 for k in ("direct_gold", "direct_found", "predicted_direct", "predicted_direct_right",
                             "predicted_direct_attributed", "indirect_gold", "indirect_found", "with_source",
                             "unattributed", "unattributed_anonymous", "no_source", "unresolved",
                             "with_person_source")}
    speakers = {kind: [0, 0] for kind in ("name", "pronoun", "definite", "anonymous")}
    errors: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    unmatched: list[dict[str, Any]] = []
    for record in records:
        prediction = predictions.get(record["id"], {"text": record["text"], "quotes": []})
        mapping = offset_map(record["text"], prediction["text"])
        direct_quotes = [q for q in prediction["quotes"] if q.get("direct")]
        indirect_quotes = [q for q in prediction["quotes"] if not q.get("direct")]
        sources = _gold_sources(record)
        reader = _Reader(record, sources)
        gold_direct: list[tuple[int, int]] = []
        gold_any: list[tuple[int, int]] = []
        for attribution in record.get("attributions", []):
            pieces = [(mapping[a], mapping[b]) for a, b in
                      (_trimmed(record["text"], a, b) for a, b in _pieces(attribution.get("content") or []))
                      if b > a]
            gold_any += pieces
            direct = bool(attribution.get("direct"))
            if direct:
                gold_direct += pieces
            candidates = direct_quotes if direct else indirect_quotes
            matched = [(sum(_overlap(p, (q["start"], q["end"])) for p in pieces), q) for q in candidates
                       if any(spans_match(p, (q["start"], q["end"])) for p in pieces)]
            kind_key = "direct" if direct else "indirect"
            counts[f"{kind_key}_gold"] += 1
            if not matched:
                if direct:
                    missed.append({"article": record["id"], "content": attribution.get("content"),
                                   "text": (attribution.get("content_text") or "")[:80]})
                continue
            counts[f"{kind_key}_found"] += 1
            if not direct:
                continue
            best = max(matched, key=lambda m: m[0])[1]
            source_spans, source_text = _source_of(record, attribution)
            if not source_spans:
                counts["no_source"] += 1
                continue
            kind = source_kind(source_text, record["text"], source_spans[0][0])
            said = best.get("speaker")
            counts["with_source"] += 1
            counts["with_person_source"] += kind != "anonymous"
            if said is None:
                counts["unattributed"] += 1
                counts["unattributed_anonymous"] += kind == "anonymous"
            if kind == "anonymous":
                expected = None
                ok = said is None
            else:
                if kind == "name":
                    expected = name_words(source_text)
                else:
                    pronoun = source_text.strip().lower() if kind == "pronoun" else None
                    # "I said" outside a quotation is the writer; inside one, whoever that quotes: no chain decides it
                    # nor does the chain for "it" or "that": a letter, a website, a paper, never the person it names
                    unchained = pronoun in _FIRST_PERSON or pronoun in _THINGS
                    if unchained:
                        expected = None
                    elif pronoun in _PERSONAL:
                        expected = reader.referent(source_spans[0][0], pronoun)
                    elif pronoun == "who":
                        expected = _relative_referent(record["text"], source_spans[0][0]) \
                            or _referent(sources, source_spans[0][0], pronoun, record["text"])
                    else:
                        expected = _referent(sources, source_spans[0][0], pronoun, record["text"])
                    if not expected:
                        counts["unresolved"] += 1  # no named source before it: the gold cannot say who
                        continue
                ok = names_agree(expected, said)
            speakers[kind][1] += 1
            speakers[kind][0] += ok
            if not ok:
                errors.append({"article": record["id"], "kind": kind, "source": source_text,
                               "source_span": source_spans[0], "content": attribution.get("content"),
                               "cue": attribution.get("cue_text"), "expected": " ".join(expected) if expected else None,
                               "predicted": said, "predicted_cue": best.get("cue"),
                               "predicted_speaker_span": best.get("speaker_span"),
                               "text": (attribution.get("content_text") or "")[:80]})
        for quote in direct_quotes:
            span = (quote["start"], quote["end"])
            right = any(spans_match(g, span) for g in gold_direct)
            annotated = any(spans_match(g, span) for g in gold_any)
            counts["predicted_direct"] += 1
            counts["predicted_direct_right"] += right
            counts["predicted_direct_attributed"] += annotated
            if not right:
                unmatched.append({"article": record["id"], "span": list(span), "annotated": annotated,
                                  "speaker": quote.get("speaker"), "cue": quote.get("cue"),
                                  "text": prediction["text"][span[0]:span[1]][:80]})
    named, pronouns, definite, anonymous = (speakers[k] for k in ("name", "pronoun", "definite", "anonymous"))
    referred = [pronouns[0] + definite[0], pronouns[1] + definite[1]]
    return {
        "articles": len(records), "articles_analysed": sum(str(r["id"]) in predictions for r in records),
        "direct_recall": _ratio(counts["direct_found"], counts["direct_gold"]),
        "direct_found": counts["direct_found"], "direct_gold": counts["direct_gold"],
        "direct_precision": _ratio(counts["predicted_direct_right"], counts["predicted_direct"]),
        "direct_precision_attributed": _ratio(counts["predicted_direct_attributed"], counts["predicted_direct"]),
        "predicted_direct": counts["predicted_direct"], "predicted_direct_right": counts["predicted_direct_right"],
        "predicted_direct_attributed": counts["predicted_direct_attributed"],
        "speaker_named_accuracy": _ratio(*named), "speaker_named_right": named[0], "speaker_named": named[1],
        "speaker_referred_accuracy": _ratio(*referred), "speaker_referred_right": referred[0],
        "speaker_referred": referred[1],
        "speaker_pronoun_accuracy": _ratio(*pronouns), "speaker_pronoun_right": pronouns[0],
        "speaker_pronoun": pronouns[1],
        "speaker_definite_accuracy": _ratio(*definite), "speaker_definite_right": definite[0],
        "speaker_definite": definite[1],
        "speaker_anonymous_accuracy": _ratio(*anonymous), "speaker_anonymous_right": anonymous[0],
        "speaker_anonymous": anonymous[1],
        "unattributed_share": _ratio(counts["unattributed"], counts["with_source"]),
        "unattributed": counts["unattributed"], "with_source": counts["with_source"],
        "unattributed_anonymous": counts["unattributed_anonymous"], "found_without_source": counts["no_source"],
        "unattributed_person_share": _ratio(counts["unattributed"] - counts["unattributed_anonymous"],
                                            counts["with_person_source"]),
        "unattributed_person": counts["unattributed"] - counts["unattributed_anonymous"],
        "with_person_source": counts["with_person_source"],
        "speaker_unresolved": counts["unresolved"],
        "indirect_recall": _ratio(counts["indirect_found"], counts["indirect_gold"]),
        "indirect_found": counts["indirect_found"], "indirect_gold": counts["indirect_gold"],
        "speaker_errors": errors, "missed": missed, "unmatched": unmatched,
    }


# ---------------------------------------------------------------- predictions


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The PolNeAR-shaped records of a JSON Lines file (the first `limit` of them)."""
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or "text" not in record or "attributions" not in record:
                raise InputError(f"{path}:{number}: a record needs 'text' and 'attributions' (PolNeAR's shape)")
            if not record.get("id"):
                raise InputError(f"{path}:{number}: a record needs an 'id' to pair it with its analysis")
            records.append(record)
    return records


def predict_quotes(path: Path, records: Sequence[Mapping[str, Any]], settings: "Settings") -> dict[str, dict[str, Any]]:
    """storyline's quotes of each record, keyed by record id: the file read as ingest reads it, each
    record made an article (normalised text, language) and analysed as the pipeline's analysis stage does."""
    from storyline.model import Record
    from storyline.pipeline import analyze_chunk, make_article
    from storyline.sources import read_inputs

    wanted = {str(r["id"]) for r in records}
    articles = {}
    for item in read_inputs([str(path)], settings):
        if isinstance(item, Record) and item.external_id in wanted and item.external_id not in articles:
            article = make_article(item)
            if not isinstance(article, Rejection):
                articles[item.external_id] = article
    keys = list(articles)
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(keys), 32):
        chunk = [articles[k] for k in keys[start:start + 32]]
        for key, article, analysis in zip(keys[start:start + 32], chunk, analyze_chunk(chunk), strict=True):
            quotes = [] if analysis is None else [
                {"start": q.start, "end": q.end, "speaker": q.speaker, "direct": q.direct, "cue": q.cue,
                 "speaker_span": list(q.speaker_span) if q.speaker_span else None} for q in analysis.quotes]
            out[key] = {"text": article.text, "quotes": quotes}
    return out
