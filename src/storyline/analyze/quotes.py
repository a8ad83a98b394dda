"""Who said what in one article: direct quotes, reported speech, their speakers and where it was said.

Quote marks are paired by context, not by character: an opening mark follows a space or a bracket
and precedes a word, a closing one follows a word; so apostrophes inside words (don’t, Zelenskyy's,
O’Rourke) never open or close a quote, and “…”, "…", „…“, «…», »…«, ‘…’ all pair. Speakers come
from rules over the cue ("said", "told", "according to") and its subject, read from tags and named
entities rather than a parse (see analyze.nlp for why):

- “…,” said NAME / “…,” NAME said / NAME said: “…” / “…,” he told reporters, “…”.
- he / she, and "the minister", resolve to the person most recently speaking or acting as subject
  in the same paragraph, else the last speaker of the article; "an official", "residents" stay
  anonymous (speaker None).
- A quote with no cue of its own belongs to the statement just before it in its paragraph, or, when
  it opens the paragraph, to the sentence after it.
- A venue given once for a speaker ("at a briefing", "on a talk radio programme") holds for that
  speaker's other statements in the article unless another is given.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from storyline.analyze.entities import _ORG_WORDS, extract_mentions, name_key, similar_surnames, strip_title
from storyline.analyze.places import is_country
from storyline.analyze.nlp import Token, doc_tokens, simple_tokens
from storyline.model import Mention, Quote
from storyline.text import iter_paragraphs, split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

# ---------------------------------------------------------------- quote marks

_CLOSERS: dict[str, str] = {"“": "”\"", "„": "“”\"", "«": "»", "»": "«", '"': '"”', "‘": "’", "‚": "‘’", "'": "'’",
                            "‹": "›", "›": "‹", "「": "」", "『": "』"}
_DOUBLE = "“„«»\"「『"
_SINGLE = "‘‚'‹›"
_QUOTE_CHARS = set("“”„‟«»\"‘’‚‛'‹›「」『』")
_OPEN_AFTER = set("([{—–-/:;,") | _QUOTE_CHARS
_CLOSE_BEFORE = set(".,;:!?)]}—–-…/") | _QUOTE_CHARS


@dataclass(frozen=True)
class QuoteMarks:
    """One pair of quote marks: the characters open and close, and the quoted words inside."""

    open: int
    close: int  # index of the closing mark; the paragraph end when the quote runs on to the next paragraph
    start: int
    end: int
    paragraph: int
    runs_on: bool = False


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    nxt = text[i + 1] if i + 1 < hi else None
    prev = text[i - 1] if i > lo else None
    if text[i] == "«":
        return nxt is not None
    if nxt is None or nxt.isspace():
        return False
    return prev is None or prev.isspace() or prev in _OPEN_AFTER


def _can_close(text: str, i: int, lo: int, hi: int) -> bool:
    nxt = text[i + 1] if i + 1 < hi else None
    prev = text[i - 1] if i > lo else None
    if text[i] == "»" and prev is not None:
        return True
    if prev is None or prev.isspace():
        return False
    return nxt is None or nxt.isspace() or nxt in _CLOSE_BEFORE


def _pair(text: str, lo: int, hi: int, openers: str, next_paragraph_opens: str | None) -> list[tuple[int, int, bool]]:
    """Pairs (open, close, runs_on) of the given opening marks in text[lo:hi]."""
    pairs: list[tuple[int, int, bool]] = []
    i = lo
    while i < hi:
        ch = text[i]
        if ch not in openers or not _can_open(text, i, lo, hi):
            i += 1
            continue
        closers = _CLOSERS[ch]
        j = i + 1
        found = None
        while j < hi:
            c = text[j]
            if c in closers and _can_close(text, j, lo, hi):
                found = j
                break
            if c == ch and _can_open(text, j, lo, hi):
                break  # a second opening mark before any closing one: the first was never closed
            j += 1
        if found is not None:
            pairs.append((i, found, False))
            i = found + 1
        elif j >= hi and next_paragraph_opens == ch:
            pairs.append((i, hi, True))  # the convention for a quote that runs over paragraphs
            i = hi
        else:
            i += 1
    return pairs


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",;:":
        end -= 1
    elif end > start and text[end - 1] == "." and not re.search(r"(?:\b[A-Z]\.){2,}$|\.\.$", text[start:end]):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan_quote_marks(text: str) -> list[QuoteMarks]:
    """Every quoted passage of text, paragraph by paragraph, single-mark quotes only outside double ones."""
    paragraphs = list(iter_paragraphs(text))
    found: list[QuoteMarks] = []
    for n, (lo, hi) in enumerate(paragraphs):
        following = text[paragraphs[n + 1][0]] if n + 1 < len(paragraphs) else None
        doubles = _pair(text, lo, hi, _DOUBLE, following)
        gaps, cursor = [], lo
        for a, b, _ in doubles:
            gaps.append((cursor, a))
            cursor = b + 1
        gaps.append((cursor, hi))
        singles = [p for a, b in gaps if b > a for p in _pair(text, a, b, _SINGLE, following if b == hi else None)]
        for a, b, runs_on in sorted(doubles + singles):
            start, end = _trim(text, a + 1, b)
            if end > start and any(ch.isalnum() for ch in text[start:end]):
                found.append(QuoteMarks(a, b, start, end, n, runs_on))
    return found


# ---------------------------------------------------------------- words

_CUES = set("""said says say saying told tells tell telling added adds adding stressed stresses wrote writes noted notes
warned warns warning announced announces suggested suggests insisted insists declared declares explained explains
argued argues asked asks replied replies acknowledged acknowledges admitted admits conceded concedes claimed claims
recalled recalls underlined underlines emphasised emphasized emphasises emphasizes observed remarked commented urged
urges cautioned cautions predicted predicts promised promises pledged vowed tweeted posted quipped joked confirmed
confirms denied denies repeated repeats answered responded concluded complained disclosed revealed reiterated
maintained maintains continued estimated estimates stated states shouted shouts yelled yells chanted exclaimed
interjected retorted barked wondered wonders assured assures charged echoed echoes concludes continues responds answers
agreed agrees believes believed thinks writing tweets jokes confessed mused insist argue warn stress""".split())
_PARTICIPLE_CUES = {"saying", "adding", "telling", "warning"}
_REPORTING = _CUES - {"asked", "asks", "posted", "continued"}
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_OTHER_PRONOUNS = {"they", "we", "i", "it", "you"}
_INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three", "many", "most", "other", "others",
               "any", "each", "few"}
_DEFINITE = {"the", "this", "that", "his", "her", "its", "their", "our"}
_ANONYMOUS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "diplomat",
              "diplomats", "residents", "witnesses", "analysts", "economists", "experts", "police", "people",
              "engineers", "agents", "lawyers", "staff", "aides", "observers", "critics", "supporters", "traders",
              "insiders", "members", "leaders", "governments", "ministers", "councillors", "workers", "someone"}
_ADVERBIALS = {"also", "later", "then", "again", "once", "previously", "repeatedly", "have", "had", "would",
               "will", "did", "does", "do", "never", "not", "further", "today", "yesterday", "separately", "publicly",
               "privately", "afterwards", "afterward", "recently", "earlier", "now", "still", "already", "simply",
               "has", "is", "was", "were", "are", "been", "just", "first", "immediately", "quickly", "only"}
# Heads of noun phrases that stand for an organisation or a group, not a person: no speaker to name.
_GROUP_HEADS = {"company", "firm", "union", "trust", "bank", "government", "ministry", "agency", "police", "department",
                "office", "council", "board", "team", "club", "service", "authority", "commission", "party", "group",
                "administration", "court", "committee", "federation", "association", "organisation", "organization",
                "campaign", "airline", "operator", "hospital", "school", "university", "army", "military", "kremlin",
                "regulator", "embassy", "delegation", "side", "statement", "report", "results", "figures", "data",
                "survey", "study", "poll", "state", "county", "city", "country", "province", "region", "ambulance",
                "newspaper", "media", "network", "station", "fund", "institute", "centre", "center"}
# Cues that report a bare clause ("said the talks had failed"); others need "that" ("warned that …").
_BARE_CLAUSE_CUES = {"said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
                     "insisted", "insists", "argued", "argues", "claimed", "claims", "suggested", "suggests", "wrote",
                     "writes", "replied", "noted", "notes"}
_FINITE = {"had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "should", "can", "may", "might",
           "must", "did", "does", "do"}
_ADVERBIAL_START = {"today", "yesterday", "tonight", "afterwards", "afterward", "later", "earlier", "on", "in", "at",
                    "during", "after", "before", "following", "while", "late", "early", "this", "last", "privately",
                    "publicly", "separately", "recently", "also", "again", "when", ",", ".", ";", "!", "?"}
_SKIPPED_ADVERBS = {"today", "yesterday", "tonight", "afterwards", "afterward", "later", "earlier", "also", "again",
                    "privately", "publicly", "separately", "recently", "then", "now"}
_TIME_WORDS = {"today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "morning", "afternoon", "evening", "night", "week", "month", "year", "weekend"}
_PREPOSITIONS = {"on", "in", "at", "during", "after", "before", "ahead", "following", "via", "through", "over", "about",
                 "to", "with", "without", "from", "for", "by", "afterwards", "afterward", "earlier", "later", "again",
                 "also", "repeatedly", "privately", "publicly", "separately", "late", "early", "once", "then"}
_WORDLIKE = re.compile(r"^(?:[^\W\d_][\w’'.\-]*|’s|'s|-)$")
# Without tags, verbs that end a subject noun phrase ("Zelensky met Vance …"): common past and present forms.
_VERB_FORMS = set("""met held spoke began broke took came went struck made left won lost fell rose gave saw found sent
led paid ran got brought kept stood became is are was were has have had will would can could may might must should
did does do says said told visited called urged""".split())
_NP_STOP = {",", ".", ";", ":", "!", "?", "(", ")", "that", "which", "who", "whom", "whose", "and", "but", "or", "as",
            "when", "after", "before", "while", "because", "if", "in", "at", "on", "to", "during", "without", "with",
            "for", "from", "by", "about", "than", "where", "said", "says", "told", "—", "–"}
_DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]\s+")
_CLAUSE_CUT = re.compile(r",\s+(?:saying|adding|leaving|according\s+to)\b")
_FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess"}
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince"}

_VENUES: list[tuple[str, re.Pattern]] = [(label, re.compile(pattern, re.IGNORECASE)) for label, pattern in [
    ("podcast", r"\bpodcasts?\b"),
    ("radio show", r"\b(?:talk\s+)?radio\s+(?:show|programme|program|interview|station|broadcast|hosts?|appearance)\b"
                   r"|\btalk\s+radio\b|\b(?:told|on|to)\s+(?:(?:local|national|state|public|the)\s+)?radio\b"),
    ("television interview", r"\b(?:television|tv|televised)\s+"
                             r"(?:interview|address|appearance|programme|program|show)\b"
                             r"|\b(?:told|on)\s+(?:(?:local|national|state|public)\s+)?(?:television|tv)\b"),
    ("news conference", r"\b(?:news|press)\s+conference\b"),
    ("briefing", r"\bbriefing\b"),
    ("social media", r"\bsocial\s+media\b|\b(?:post(?:ed)?|wrote|writing|message)\s+on\s+(?:X|Twitter|Facebook|Telegram"
                     r"|Instagram|Truth\s+Social|Bluesky|LinkedIn|TikTok)\b"),
    ("interview", r"\binterview\b"),
    ("video", r"\bvideo\b"),
    ("speech", r"\bspeech\b|\b(?:speaking|spoke)\s+(?:to|before)\s+(?:an?\s+|the\s+)?(?:parliament|lawmakers|"
               r"delegates|conference|summit|crowd|audience|assembly|congress|senate)\b|\baddress(?:ed|ing)?\s+(?:the\s+)?[A-Z]\w+|\b(?:told|addressing|addressed)\s+(?:an?\s+)?"
               r"(?:audience|delegates|conference|summit|rally|crowd|parliament|lawmakers)\b"
               r"|\btold\s+the\s+(?:[A-Z][\w-]*\s+)*(?:Conference|Summit|Forum|Assembly|Parliament|Congress|Senate)\b"),
    ("statement", r"\bstatement\b"),
    ("call", r"\b(?:conference|phone|earnings|investor)\s+call\b|\bon\s+a\s+call\b"),
    ("rally", r"\brally\b"),
    ("hearing", r"\bhearing\b"),
    ("letter", r"\bletter\b"),
]]
# A venue word counts when the statement was made in/at/on it, or it stands in apposition ("…, a radio show").
_VENUE_LEAD = re.compile(r"(?:\b(?:in|at|on|during|to|told|with|via|through|from|for|after|gave|giving|before|"
                         r"Speaking\s+on|speaking\s+on)|,)\s+(?:(?:a|an|the|his|her|their|its|this|that|one|[\w-]+[’']s)\s+)?"
                         r"(?:[\w’'-]+\s+){0,3}$")
_MEDIA = {"conference", "radio", "television", "tv", "briefing", "podcast", "interview", "statement", "show",
          "programme", "program", "station", "summit", "forum", "rally", "hearing", "newspaper", "broadcaster"}
_AUDIENCE = (r"reporters|journalists|the\s+press|the\s+media|supporters|delegates|lawmakers|investors|analysts|"
             r"students|listeners|viewers|the\s+crowd|an\s+audience|the\s+audience|parliament|party\s+members|"
             r"members|officials|diplomats|the\s+hosts|hosts")
_TO_AUDIENCE = re.compile(rf"^\s+(?:\w+\s+){{0,3}}?to\s+((?:\w+\s+)?(?:{_AUDIENCE}))\b", re.IGNORECASE)
_WITH_AUDIENCE = re.compile(r"\b(?:briefing|conference|call|meeting|interview|session|chat|event)\s+(?:for|with)\s+"
                            r"((?:the\s+|an?\s+|two\s+|several\s+)?(?:[\w’'\-]+\s+){0,2}?[\w’'\-]+)(?=\s+(?:in|at|on|"
                            r"today|yesterday|about|that|who)\b|[,.;:]|$)")


# ---------------------------------------------------------------- statements


@dataclass
class _Subject:
    kind: str  # name | pronoun | role | anonymous | org | none
    start: int
    end: int
    surface: str
    mention: Mention | None = None


@dataclass
class _Statement:
    position: int
    direct: bool
    parts: list[tuple[int, int]]  # spans of the words said
    paragraph: int
    cue: tuple[int, int] | None = None
    subject: _Subject | None = None
    frame: tuple[int, int] = (0, 0)  # where venue and addressee are looked for
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    resolved: bool = False
    venue: tuple[str, str] | None = None
    addressee: str | None = None
    sentence: tuple[int, int] = (0, 0)


class _Article:
    """The text of one article with the indexes that the rules look things up in."""

    def __init__(self, text: str, tokens: list[Token], mentions: list[Mention]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_by_end = {m.end: m for m in self.mentions}
        self.sentences = split_sentences(text) or [(0, len(text))]
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = list(iter_paragraphs(text)) or [(0, len(text))]
        self.paragraph_starts = [p for p, _ in self.paragraphs]
        self.quoted: list[tuple[int, int]] = []
        self.people = [m for m in self.mentions if m.label == "PERSON"]

    def body_start(self, pos: int) -> int:
        """pos, or the end of a dateline ("LIMA (Global Desk Wire) - ") that opens the paragraph at pos."""
        match = _DATELINE.match(self.text, pos)
        return match.end() if match else pos

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self.quoted[k][0] <= pos <= self.quoted[k][1]

    def word(self, i: int) -> str:
        return self.tokens[i].text.lower() if 0 <= i < len(self.tokens) else ""

    def full_name(self, mention: Mention | None, surface: str, pos: int) -> tuple[str, Mention | None]:
        """The fullest form of a person's name that the article gives, nearest before pos."""
        key = name_key(surface)
        if not key:
            return surface, mention
        surname = key.split()[-1]
        best: Mention | None = None
        for m in self.people:
            mkey = name_key(m.text)
            if len(mkey.split()) < len(key.split()) or not similar_surnames(mkey.split()[-1], surname):
                continue
            if len(key.split()) > 1 and mkey.split()[0][:1] != key.split()[0][:1]:
                continue
            if best is None:
                best = m
                continue
            longer = len(m.text.split()) > len(best.text.split())
            nearer = (m.start <= pos) and (best.start > pos or m.start > best.start)
            if longer or (len(m.text.split()) == len(best.text.split()) and nearer):
                best = m
        if best is None:
            return surface, mention
        return best.text, mention or best


def find_quotes(text: str, mentions: Sequence[Mention] | None = None, doc: "Doc | None" = None) -> list[Quote]:
    """Direct and reported statements of one article with their speakers, in text order.

    mentions (from extract_mentions) name the people; without them they are taken from doc, and
    without a doc capitalised words stand in. Spans index text exactly."""
    tokens = doc_tokens(doc) if doc is not None else simple_tokens(text)
    if mentions is None:
        mentions = extract_mentions(doc) if doc is not None else _capitalised_names(text)
    article = _Article(text, tokens, list(mentions))
    marks = scan_quote_marks(text)
    article.quoted = sorted((m.open, m.close) for m in marks)
    statements = _direct_statements(article, marks)
    used_cues = {s.cue for s in statements if s.cue}
    statements += _reported_statements(article, used_cues)
    statements.sort(key=lambda s: s.position)
    _resolve(article, statements)
    for statement in statements:
        _context(article, statement)
    _inherit_venues(statements)
    return _to_quotes(article, statements)


def _capitalised_names(text: str) -> list[Mention]:
    """Stand-in mentions when no NER ran: runs of two to four capitalised words, taken as people."""
    found = []
    word = r"[A-Z][a-z\u00e0-\u024f’'\-]+"
    for match in re.finditer(rf"(?<![\w’']){word}(?:\s+(?:{word}|bin|de|van|von)){{1,3}}", text):
        found.append(Mention(text=match.group(), start=match.start(), end=match.end(), label="PERSON"))
    return found


# ---------------------------------------------------------------- finding statements


def _direct_statements(article: _Article, marks: list[QuoteMarks]) -> list[_Statement]:
    """Quoted passages grouped into statements (a quote split around its cue is one), each with its cue."""
    text = article.text
    groups: list[list[QuoteMarks]] = []
    for mark in marks:
        if groups and groups[-1][-1].paragraph == mark.paragraph or (groups and groups[-1][-1].runs_on):
            previous = groups[-1][-1]
            between = text[previous.close + 1:mark.open]
            if previous.runs_on and not between.strip():
                groups[-1].append(mark)
                continue
            raw_end = text[previous.start:previous.close].rstrip()
            continues = (raw_end.endswith(",") or raw_end[-1:].isalnum()) and between.strip().endswith(",")
            if continues and len(between) < 150 and _first_cue(article, previous.close + 1, mark.open) is not None:
                groups[-1].append(mark)
                continue
        groups.append([mark])
    statements = []
    for group in groups:
        first, last = group[0], group[-1]
        statement = _Statement(position=first.open, direct=True, parts=[(m.start, m.end) for m in group],
                               paragraph=first.paragraph)
        cue, subject = None, None
        if len(group) > 1:
            cue = _first_cue(article, group[0].close + 1, group[1].open)
            if cue is not None:
                subject = _subject_near(article, cue, group[0].close + 1, group[1].open)
        if cue is None:
            cue, subject = _cue_after(article, last)
        if cue is None or subject is None or subject.kind == "none":
            before = _cue_before(article, first)
            if before[0] is not None and (cue is None or before[1] is not None):
                cue, subject = before
        if cue is not None:
            tok = article.tokens[cue]
            statement.cue = (tok.start, tok.end)
            statement.subject = subject
        words = sum(len(text[a:b].split()) for a, b in statement.parts)
        if statement.cue is None and words < 4:
            continue  # a scare-quoted word or a title, not a statement
        lo = article.sentences[article.sentence_of(first.open)][0]
        hi_pos = max(last.close, statement.cue[1] if statement.cue else last.close)
        hi = article.sentences[article.sentence_of(min(hi_pos, len(text) - 1))][1]
        if statement.cue and statement.cue[0] < first.open:
            lo = min(lo, article.sentences[article.sentence_of(statement.cue[0])][0])
        statement.frame = (lo, hi)
        statement.sentence = (lo, hi)
        statements.append(statement)
    return statements


def _first_cue(article: _Article, lo: int, hi: int) -> int | None:
    """The first cue word (or "according" of "according to") in text[lo:hi] outside quotes."""
    i = article.token_at(lo)
    while i < len(article.tokens) and article.tokens[i].start < hi:
        if _is_cue(article, i) and not article.in_quote(article.tokens[i].start):
            return i
        i += 1
    return None


def _is_cue(article: _Article, i: int) -> bool:
    word = article.word(i)
    if word == "according":
        return article.word(i + 1) == "to"
    if word not in _CUES:
        return False
    if article.word(i - 1) in ("to", "not", "n't", "never"):  # "declined to say", "have not said"
        return False
    tag = article.tokens[i].tag
    return not tag or tag.startswith("VB")


def _cue_after(article: _Article, mark: QuoteMarks) -> tuple[int | None, _Subject | None]:
    """“…,” said X / “…,” X said / “…,” according to X: a cue in the words right after the quote."""
    sentence_end = article.sentences[article.sentence_of(mark.close)][1]
    # A quote that ends its own sentence ("….” He said …) is not attributed by the next sentence here.
    i = article.token_at(mark.close + 1)
    limit = min(len(article.tokens), i + 14)
    next_quote = next((a for a, _ in article.quoted if a > mark.close), len(article.text))
    hi = min(next_quote, max(sentence_end, mark.close + 1))
    if article.text[mark.start:mark.close].rstrip()[-1:] in ".!?" and sentence_end <= mark.close + 1:
        return None, None
    for j in range(i, limit):
        tok = article.tokens[j]
        if tok.start >= hi or tok.text in (".", "!", "?", ";"):
            break
        if _is_cue(article, j) and article.word(j) not in _PARTICIPLE_CUES:
            return j, _subject_near(article, j, mark.close + 1, hi)
    return None, None


def _cue_before(article: _Article, mark: QuoteMarks) -> tuple[int | None, _Subject | None]:
    """NAME said: “…” / Bullock said “…”: the last cue before the quote in its sentence, close to it."""
    lo = article.sentences[article.sentence_of(mark.open)][0]
    previous_close = max((b for a, b in article.quoted if b < mark.open), default=-1)
    lo = max(lo, previous_close + 1)
    j = article.token_at(mark.open) - 1
    steps = 0
    while j >= 0 and article.tokens[j].start >= lo and steps < 14:
        if article.tokens[j].text in (".", "!", "?"):
            break
        if _is_cue(article, j):
            return j, _subject_near(article, j, lo, mark.open)
        j -= 1
        steps += 1
    return None, None


def _subject_near(article: _Article, cue: int, lo: int, hi: int) -> _Subject | None:
    """The subject of a cue: the noun phrase before it, or after it when inverted ("said the minister")."""
    if article.word(cue) == "according":
        return _noun_phrase_after(article, cue + 2, hi)
    before = _noun_phrase_before(article, cue, lo)
    if before is not None and before.kind != "none":
        return before
    after = _noun_phrase_after(article, cue + 1, hi)
    if after is not None and after.kind != "none":
        return after
    return before or after


def _np_token(article: _Article, i: int, prepositions: bool = False) -> bool:
    """Whether token i can be part of a subject noun phrase; prepositions ("residents of streets near …") optionally."""
    tok = article.tokens[i]
    word = tok.text.lower()
    if word in _NP_STOP and not (word == "of" or prepositions and word in ("in", "at", "near", "from", "for", "with")):
        return False
    if tok.tag:
        if tok.tag == "IN":
            return word == "of" or prepositions and word in ("in", "at", "near", "from", "for", "with")
        return tok.tag in ("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "CD", "HYPH", "VBN",
                           "VBG", "NNPS")
    return bool(_WORDLIKE.match(word)) and word not in _VERB_FORMS


def _noun_phrase_before(article: _Article, cue: int, lo: int) -> _Subject | None:
    j = cue - 1
    while j >= 0 and article.tokens[j].start >= lo and (article.word(j) in _ADVERBIALS or article.word(j).endswith("ly")
                                                         and article.tokens[j].tag in ("RB", "")):
        j -= 1
    if j < 0 or article.tokens[j].start < lo:
        return None
    if article.word(j) in ("and", "but", "then") and article.tokens[j - 1].text != ",":
        tok = article.tokens[j]  # "… met Vance on Friday but said afterwards …": the sentence's subject
        return _Subject("inherit", tok.start, tok.end, "")
    if article.tokens[j].text == ",":  # "Rosa Huamán, head of the civil defence office, told …"
        k = j - 1
        while k >= 0 and article.tokens[k].start >= lo and article.tokens[k].text not in (",", ".", "“", "”", '"'):
            k -= 1
        if k < 0 or article.tokens[k].start < lo or article.tokens[k].text != ",":
            return None
        # "The trust’s chief executive, Paul D’Souza, said": the apposition is the name.
        appositive = article.mention_by_end.get(article.tokens[j - 1].end)
        if appositive is not None and appositive.start > article.tokens[k].start and _person_like(article, appositive):
            return _subject_from_mention(article, appositive)
        j = k - 1
        if j < 0 or article.tokens[j].start < lo:
            return None
    return _classify_ending_at(article, j, lo)


def _classify_ending_at(article: _Article, j: int, lo: int) -> _Subject | None:
    tok = article.tokens[j]
    word = tok.text.lower()
    if word in _PRONOUNS or word in _OTHER_PRONOUNS:
        return _Subject("pronoun" if word in _PRONOUNS else "anonymous", tok.start, tok.end, tok.text)
    mention = article.mention_by_end.get(tok.end)
    if mention is not None and mention.start >= lo:
        subject = _subject_from_mention(article, mention)
        if subject.kind == "name" or not _modified(article, mention, lo):
            return subject
    if not _np_token(article, j):
        return _Subject("none", tok.start, tok.end, tok.text)
    k = j
    while k - 1 >= 0 and article.tokens[k - 1].start >= lo and j - k < 11 and _np_token(article, k - 1, True):
        k -= 1
    while k < j and article.word(k) in ("of", "in", "at", "near", "from", "for", "with"):
        k += 1
    return _classify_phrase(article, k, j)


def _modified(article: _Article, mention: Mention, lo: int) -> bool:
    """An organisation named inside a longer phrase ("the county fire service", "workers at the Port") is not
    the speaker itself."""
    i = article.token_at(mention.start) - 1
    if i >= 0 and article.word(i) == "the":
        i -= 1
    if i < 0 or article.tokens[i].start < lo:
        return False
    return article.word(i) != "," and (_np_token(article, i) or article.tokens[i].tag == "IN"
                                       or article.word(i) in ("of", "at", "in", "near", "for", "from", "with"))


def _noun_phrase_after(article: _Article, i: int, hi: int) -> _Subject | None:
    if i >= len(article.tokens) or article.tokens[i].start >= hi:
        return None
    word = article.word(i)
    if word in _PRONOUNS:
        tok = article.tokens[i]
        return _Subject("pronoun", tok.start, tok.end, tok.text)
    j = i
    while j + 1 < len(article.tokens) and article.tokens[j + 1].start < hi and j - i < 9 and _np_token(article, j + 1):
        j += 1
    if not _np_token(article, i):
        return None
    # The mention ending last in the phrase, a person first ("the Governor of the bank Adrian Orr").
    inside = [m for m in article.mentions if article.tokens[i].start <= m.start and m.end <= article.tokens[j].end]
    people = [m for m in inside if _person_like(article, m)]
    if people:
        return _subject_from_mention(article, people[-1])
    # "said the regional organiser of the union, Adaeze Okafor": the name in apposition.
    if j + 2 < len(article.tokens) and article.tokens[j + 1].text == ",":
        after = article.tokens[j + 2].start
        appositive = next((m for m in article.mentions if m.start == after), None)
        if appositive is not None and _person_like(article, appositive):
            return _subject_from_mention(article, appositive)
    if len(inside) == 1 and inside[0].start <= article.tokens[i].start + 4 and inside[0].end == article.tokens[j].end:
        return _subject_from_mention(article, inside[0])
    return _classify_phrase(article, i, j)


def _person_like(article: _Article, mention: Mention) -> bool:
    if mention.label == "PERSON":
        return True
    words = mention.text.split()
    return mention.label in ("GPE", "ORG") and len(words) >= 2 and all(w[:1].isupper() for w in words) and not any(
        m.label != "PERSON" and m.text == mention.text and m.start != mention.start for m in article.mentions) and \
        not is_country(mention.text)


def _subject_from_mention(article: _Article, mention: Mention) -> _Subject:
    kind = "name" if _person_like(article, mention) else "org"
    return _Subject(kind, mention.start, mention.end, mention.text, mention)


def _classify_phrase(article: _Article, k: int, j: int) -> _Subject:
    """A noun phrase without a name: anonymous ("an official", "the company"), a role ("the minister") or nothing."""
    start, end = article.tokens[k].start, article.tokens[j].end
    surface = article.text[start:end]
    first = article.word(k)
    head_index = j
    for x in range(k, j + 1):  # the head comes before any "of"/"near" ("the head of American diplomacy")
        if article.word(x) in ("of", "in", "at", "near", "from", "for", "with"):
            head_index = x - 1
            break
    while head_index > k and (article.tokens[head_index].tag in ("VBN", "VBG", "POS", "CD")
                              or article.word(head_index) in ("’s", "'s")):
        head_index -= 1
    head_tok = article.tokens[head_index]
    head = head_tok.text.lower()
    plural = head_tok.tag in ("NNS", "NNPS") or (not head_tok.tag and head.endswith("s") and not head.endswith("ss"))
    if first in _INDEFINITE or head in _ANONYMOUS or head in _GROUP_HEADS or plural:
        return _Subject("anonymous", start, end, surface)
    if first in _DEFINITE or article.tokens[k].text.lower().endswith(("’s", "'s")):
        return _Subject("role", start, end, surface)
    run = j  # a name the model missed: the phrase ends in two or more capitalised words ("fire chief Dolores Whitlock")
    while run - 1 >= k and article.tokens[run - 1].text[:1].isupper() and article.tokens[run - 1].tag in ("NNP", "") \
            and article.word(run - 1) not in _DEFINITE:
        run -= 1
    names = [article.tokens[x].text for x in range(run, j + 1)]
    if j - run >= 1 and all(w[:1].isupper() for w in names) and not set(names) & _ORG_WORDS and \
            article.tokens[j].tag in ("NNP", ""):
        start_name = article.tokens[run].start
        return _Subject("name", start_name, end, article.text[start_name:end])
    if head.isalpha() and not head_tok.text[:1].isupper():
        return _Subject("role", start, end, surface)
    return _Subject("none", start, end, surface)


def _reported_statements(article: _Article, used_cues: set[tuple[int, int]]) -> list[_Statement]:
    """Indirect speech: "X said (that) …", "…, X said", "according to X, …", "…, adding that …"."""
    text = article.text
    statements: list[_Statement] = []
    for s_start, s_end in article.sentences:
        s_start = article.body_start(s_start)
        in_sentence: list[_Statement] = []
        i = article.token_at(s_start)
        while i < len(article.tokens) and article.tokens[i].start < s_end:
            tok = article.tokens[i]
            if (tok.start, tok.end) in used_cues or article.in_quote(tok.start) or not _is_cue(article, i) or \
                    (article.word(i) not in _REPORTING and article.word(i) != "according"):
                i += 1
                continue
            found = _reported_clause(article, i, s_start, s_end)
            if found is not None:
                (a, b), subject = found
                a, b = _trim(text, a, b)
                quoted = any(ch in _QUOTE_CHARS - {"'", "’"} for ch in text[a:b])
                if b > a and len(text[a:b].split()) >= 3 and not quoted:
                    in_sentence.append(_Statement(position=tok.start, direct=False, parts=[(a, b)],
                                                  paragraph=article.paragraph_of(tok.start), cue=(tok.start, tok.end),
                                                  subject=subject, frame=(s_start, s_end), sentence=(s_start, s_end)))
            i += 1
        # "A said X, and B said Y": the first clause stops where the second statement's subject begins.
        for n, statement in enumerate(in_sentence[:-1]):
            a, b = statement.parts[0]
            nxt = in_sentence[n + 1]
            stop = min(nxt.subject.start if nxt.subject and nxt.subject.kind != "inherit" else nxt.cue[0],
                       nxt.cue[0])
            if a < stop < b:
                cut = re.search(r"[,;]?\s*(?:and|but|while)?\s*$", text[a:stop])
                statement.parts = [_trim(text, a, a + cut.start() if cut else stop)]
        statements.extend(st for st in in_sentence if st.parts[0][1] - st.parts[0][0] > 0
                          and len(text[st.parts[0][0]:st.parts[0][1]].split()) >= 3)
    return statements


def _reported_clause(article: _Article, i: int, s_start: int,
                     s_end: int) -> tuple[tuple[int, int], _Subject | None] | None:
    """The reported words and the subject of the cue at token i, or None when it reports nothing."""
    text = article.text
    word = article.word(i)
    tok = article.tokens[i]
    if word == "according":  # "According to X, …" / "…, according to X."
        subject = _noun_phrase_after(article, i + 2, s_end)
        if subject is None:
            return None
        comma = text.find(",", subject.end, s_end)
        if tok.start - s_start < 3 and comma != -1:
            return (comma + 1, _clause_end(text, comma + 1, s_end)), subject
        if text[s_start:tok.start].rstrip().endswith(","):
            return (s_start, text.rindex(",", s_start, tok.start)), subject
        return None
    if word in _PARTICIPLE_CUES:  # "…, adding that …": the sentence's subject said it
        if not text[s_start:tok.start].rstrip().endswith(","):
            return None
        start = _clause_start(article, i, s_end)
        if start is None:
            return None
        return (start, _clause_end(text, start, s_end)), _Subject("inherit", tok.start, tok.end, "")
    subject = _noun_phrase_before(article, i, s_start)
    inverted = False
    if subject is None or subject.kind == "none":
        after = _noun_phrase_after(article, i + 1, s_end)
        if after is not None and after.kind != "none" and text[s_start:tok.start].rstrip().endswith(","):
            subject, inverted = after, True
        elif subject is None:
            return None
    # "…, the State Department said (today)." / "…, said the minister at a briefing.": the clause came first.
    head = tok.start if inverted else _phrase_start(article, subject, s_start)
    before = text[s_start:head].rstrip()
    rest_start = subject.end if inverted else tok.end
    if before.endswith(",") and subject.kind != "inherit":
        comma = re.search(r",\s+(?:saying|adding|telling|warning)\b", text[rest_start:s_end])
        rest_end = rest_start + comma.start() if comma else s_end
        nxt = article.token_at(rest_start)
        starts_adverbial = nxt >= len(article.tokens) or article.tokens[nxt].start >= rest_end or \
            article.word(nxt) in _ADVERBIAL_START
        if inverted or starts_adverbial and not _that_follows(article, i, s_end) or \
                _only_adverbials(article, rest_start, rest_end):
            return (s_start, s_start + len(before) - 1), subject
    if inverted:
        return None
    start = _clause_start(article, i, s_end)
    if start is None:
        return None
    return (start, _clause_end(text, start, s_end)), subject


def _clause_end(text: str, start: int, s_end: int) -> int:
    cut = _CLAUSE_CUT.search(text, start, s_end)
    return cut.start() if cut else s_end


def _phrase_start(article: _Article, subject: _Subject, lo: int) -> int:
    """Where the noun phrase around a subject begins: "farm leader Ruth Okonkwo", "Secretary of State Elena Marsh"."""
    start = subject.start
    if subject.mention is not None and subject.mention.title_start is not None:
        start = min(start, subject.mention.title_start)
    i = article.token_at(start) - 1
    while i >= 0 and article.tokens[i].start >= lo and _np_token(article, i) and article.word(i) != "of":
        start = article.tokens[i].start
        i -= 1
    return start


def _that_follows(article: _Article, cue: int, s_end: int) -> bool:
    return _clause_start(article, cue, s_end, that_only=True) is not None


def _only_adverbials(article: _Article, a: int, b: int) -> bool:
    """Nothing but place, time and manner after a cue ("said at a briefing for journalists today.")."""
    i = article.token_at(a)
    while i < len(article.tokens) and article.tokens[i].start < b:
        tok = article.tokens[i]
        word = tok.text.lower()
        if word == "that" or tok.text in _QUOTE_CHARS or tok.text in (":", ";"):
            return False
        if tok.tag.startswith("VB") and tok.tag not in ("VBN", "VBG"):
            return False
        if not tok.tag and word in _CUES | _FINITE:
            return False
        i += 1
    return True


def _clause_start(article: _Article, cue: int, s_end: int, that_only: bool = False) -> int | None:
    """Where the reported clause after the cue at token cue begins: right after it ("said the talks failed"), or
    after "that" when only an addressee, a time or a place comes between ("said on Tuesday that …")."""
    i = cue + 1
    if i >= len(article.tokens) or article.tokens[i].start >= s_end:
        return None
    if article.tokens[i].text in (":", ",", ".", ";") or article.tokens[i].text in _QUOTE_CHARS:
        return None
    telling = article.word(cue) in ("told", "tells", "tell", "telling")
    j = i
    while j < len(article.tokens) and (article.word(j) in _SKIPPED_ADVERBS or _is_time_word(article, j)):
        j += 1
    if j >= len(article.tokens) or article.tokens[j].start >= s_end:
        return None
    if article.word(j) == "that":
        return article.tokens[j].end
    if not telling and not that_only and _starts_clause(article, j):
        return article.tokens[j].start if article.word(cue) in _BARE_CLAUSE_CUES else None
    for k in range(j, min(len(article.tokens), j + 12)):
        tok = article.tokens[k]
        if tok.start >= s_end or tok.text in (",", ";", ":", ".") or tok.text in _QUOTE_CHARS:
            break
        if article.word(k) == "that":
            return tok.end
        if tok.tag in ("VBD", "VBZ", "VBP", "MD") or (not tok.tag and article.word(k) in _FINITE):
            break
    return None


def _is_time_word(article: _Article, i: int) -> bool:
    word = article.word(i)
    if word in _TIME_WORDS:
        return True
    return word in ("this", "last", "next", "on") and article.word(i + 1) in _TIME_WORDS


def _starts_clause(article: _Article, i: int) -> bool:
    """Whether token i can open a reported clause: a subject, not a preposition or an adverb."""
    tok = article.tokens[i]
    word = tok.text.lower()
    if word in _NP_STOP or word in _PREPOSITIONS:
        return False
    if tok.tag:
        return tok.tag in ("DT", "PDT", "JJ", "JJS", "JJR", "CD", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "EX")
    return True


# ---------------------------------------------------------------- speakers


def _resolve(article: _Article, statements: list[_Statement]) -> None:
    """Give every statement its speaker, in text order, so that "he said" can look back."""
    genders: dict[str, str] = {}
    for m in article.people:
        if m.title:
            first = m.title.split()[-1].lower().rstrip(".")
            if first in _FEMALE_TITLES or first in _MALE_TITLES:
                genders.setdefault(article.full_name(m, m.text, m.start)[0], "f" if first in _FEMALE_TITLES else "m")
    done: list[_Statement] = []
    for n, statement in enumerate(statements):
        subject = statement.subject
        if subject is None or subject.kind == "none":
            _resolve_without_cue(article, statement, statements, n, done, genders)
        elif subject.kind == "inherit":
            same = [s for s in done if s.sentence == statement.sentence and s.resolved]
            source = same[-1] if same else None
            if source is None:
                first_np = _sentence_subject(article, statement.sentence)
                if first_np is not None:
                    _apply_subject(article, statement, first_np, done, genders)
            else:
                _copy_speaker(statement, source)
        else:
            _apply_subject(article, statement, subject, done, genders)
        done.append(statement)


def _apply_subject(article: _Article, statement: _Statement, subject: _Subject, done: list[_Statement],
                   genders: dict[str, str]) -> None:
    statement.resolved = True
    if subject.kind == "name":
        name, mention = article.full_name(subject.mention, subject.surface, subject.start)
        statement.speaker = strip_title(name)
        statement.speaker_span = (subject.start, subject.end)
    elif subject.kind == "org":
        statement.speaker = subject.surface
        statement.speaker_span = (subject.start, subject.end)
    elif subject.kind == "pronoun":
        gender = _PRONOUNS.get(subject.surface.lower())
        found = _antecedent(article, subject.start, done, gender, genders)
        if found:
            statement.speaker, statement.speaker_span = found
            genders.setdefault(found[0], gender or "")
    elif subject.kind == "role":
        found = _role_antecedent(article, subject) or _antecedent(article, subject.start, done, None, genders)
        if found:
            statement.speaker, statement.speaker_span = found


def _copy_speaker(statement: _Statement, source: _Statement) -> None:
    statement.speaker, statement.speaker_span = source.speaker, source.speaker_span
    statement.resolved = True


def _antecedent(article: _Article, pos: int, done: list[_Statement], gender: str | None,
                genders: dict[str, str]) -> tuple[str, tuple[int, int] | None] | None:
    """The person "he" or "she" at pos stands for: the latest subject or speaker in the paragraph, else the
    article's latest speaker, else its latest named person."""
    paragraph = article.paragraph_of(pos)

    def fits(name: str) -> bool:
        return gender is None or genders.get(name, gender) in (gender, "")

    candidates: list[tuple[int, str, tuple[int, int] | None]] = []
    for s in done:
        if s.speaker and s.speaker_span and article.paragraph_of(s.position) == paragraph and s.position < pos:
            candidates.append((s.position, s.speaker, s.speaker_span))
    for m in article.people:
        if m.end <= pos and article.paragraph_of(m.start) == paragraph and _subject_like(article, m) \
                and not article.in_quote(m.start):
            name = strip_title(article.full_name(m, m.text, m.start)[0])
            candidates.append((m.start, name, (m.start, m.end)))
    candidates.sort(key=lambda c: c[0])
    for _, name, span in reversed(candidates):
        if fits(name):
            return name, span
    for s in reversed(done):
        if s.speaker and s.speaker_span and s.position < pos and fits(s.speaker) and not _is_org(s):
            return s.speaker, s.speaker_span
    for m in reversed(article.people):
        if m.end <= pos and not article.in_quote(m.start):
            name = strip_title(article.full_name(m, m.text, m.start)[0])
            if fits(name):
                return name, (m.start, m.end)
    return None


def _is_org(statement: _Statement) -> bool:
    return statement.subject is not None and statement.subject.kind == "org"


def _subject_like(article: _Article, mention: Mention) -> bool:
    """A mention that opens its sentence or clause (titles and roles before it allowed): a subject."""
    sentence = article.sentences[article.sentence_of(mention.start)]
    start = mention.title_start if mention.title_start is not None else mention.start
    i = article.token_at(start) - 1
    while i >= 0 and article.tokens[i].start >= sentence[0]:
        tok = article.tokens[i]
        if tok.text in (",", ";", "—", ":") or tok.text in _QUOTE_CHARS:
            break
        if tok.tag and tok.tag not in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "HYPH", "CD"):
            return False
        word = tok.text.lower()
        if not tok.tag and (word in _NP_STOP or word in _VERB_FORMS or word.endswith("ed") and tok.text.islower()):
            return False
        i -= 1
    j = article.token_at(mention.end)
    if j < len(article.tokens):
        nxt = article.tokens[j]
        if nxt.tag in ("POS",) or nxt.text in ("’s", "'s"):
            return False
    return True


def _role_antecedent(article: _Article, subject: _Subject) -> tuple[str, tuple[int, int]] | None:
    """"the Ukrainian president", "the chief executive": the latest person introduced with that role."""
    role_words = [w for w in re.findall(r"[a-z]+", subject.surface.lower()) if w not in _DEFINITE and len(w) > 2
                  and w not in ("of", "and")]
    if not role_words:
        return None
    head = role_words[-1]
    best = None
    for m in article.people:
        if m.end > subject.start:
            break
        context = (m.title or "") + " " + article.text[max(0, m.start - 40):m.start] + " " + \
            article.text[m.end:m.end + 60].split(".")[0]
        if re.search(rf"\b{re.escape(head)}\b", context, re.IGNORECASE):
            best = m
    if best is None:
        return None
    return strip_title(article.full_name(best, best.text, best.start)[0]), (best.start, best.end)


def _sentence_subject(article: _Article, sentence: tuple[int, int]) -> _Subject | None:
    """The noun phrase a sentence opens with, after an introductory clause ("Asked about X, Trump said")."""
    i = article.token_at(sentence[0])
    for j in range(i, min(len(article.tokens), i + 25)):
        tok = article.tokens[j]
        if tok.start >= sentence[1]:
            break
        if _is_cue(article, j):
            subject = _noun_phrase_before(article, j, sentence[0])
            if subject is not None and subject.kind != "none":
                return subject
            break
    if i >= len(article.tokens):
        return None
    if article.word(i) in _PRONOUNS:
        tok = article.tokens[i]
        return _Subject("pronoun", tok.start, tok.end, tok.text)
    j = i
    while j + 1 < len(article.tokens) and article.tokens[j + 1].start < sentence[1] and _np_token(article, j + 1) \
            and j - i < 8:
        j += 1
    leading = [m for m in article.mentions if article.tokens[i].start <= m.start and m.end <= article.tokens[j].end]
    people = [m for m in leading if _person_like(article, m)]
    if people:
        return _subject_from_mention(article, people[-1])
    first = next((m for m in article.mentions if sentence[0] <= m.start < sentence[1]), None)
    if first is not None and _subject_like(article, first) and _person_like(article, first):
        return _subject_from_mention(article, first)
    j = i
    while j + 1 < len(article.tokens) and article.tokens[j + 1].start < sentence[1] and _np_token(article, j + 1) \
            and j - i < 8:
        j += 1
    if _np_token(article, i):
        phrase = _classify_phrase(article, i, j)
        if phrase.kind in ("anonymous", "role"):
            return phrase
    return None


def _resolve_without_cue(article: _Article, statement: _Statement, statements: list[_Statement], n: int,
                         done: list[_Statement], genders: dict[str, str]) -> None:
    """A quote with no cue of its own: the statement before it in its paragraph, else the sentence after it."""
    paragraph_start = article.paragraphs[statement.paragraph][0]
    this_sentence = article.sentence_of(statement.position)
    opens_paragraph = not article.text[paragraph_start:statement.position].strip()
    if not opens_paragraph:
        same = [s for s in done if s.paragraph == statement.paragraph and s.resolved]
        if same:
            _copy_speaker(statement, same[-1])
            statement.frame = same[-1].frame if statement.venue is None else statement.frame
            return
        previous = article.sentences[this_sentence - 1] if this_sentence > 0 else None
        if previous is not None and previous[0] >= paragraph_start:
            subject = _sentence_subject(article, previous)
            if subject is not None:
                _apply_subject(article, statement, subject, done, genders)
                statement.frame = (previous[0], statement.frame[1])
                return
    last_part_end = statement.parts[-1][1]
    k = article.sentence_of(last_part_end)
    following = article.sentences[k + 1] if k + 1 < len(article.sentences) else None
    if opens_paragraph and following is not None and article.paragraph_of(following[0]) == statement.paragraph:
        later = next((s for s in statements[n + 1:] if s.sentence == following and s.subject is not None
                      and s.subject.kind not in ("none", "inherit")), None)
        subject = later.subject if later else _message_from(article, following) or _sentence_subject(article, following)
        if subject is not None and subject.kind in ("name", "pronoun", "role", "anonymous", "org"):
            _apply_subject(article, statement, subject, done, genders)
            statement.frame = (statement.frame[0], following[1])
            return


def _message_from(article: _Article, sentence: tuple[int, int]) -> _Subject | None:
    """"That was the message from union leader Jane Doe": the speaker a following sentence names."""
    match = re.search(r"\b(?:message|words|verdict|warning|view|promise|pledge|reaction|response|assessment)\s+"
                      r"(?:of|from)\s+", article.text[sentence[0]:sentence[1]])
    if not match:
        return None
    return _noun_phrase_after(article, article.token_at(sentence[0] + match.end()), sentence[1])


# ---------------------------------------------------------------- venue, addressee, output


def _context(article: _Article, statement: _Statement) -> None:
    """Venue and addressee from the words around the statement (quoted words blanked out)."""
    lo, hi = statement.frame
    chars = list(article.text[lo:hi])
    for a, b in article.quoted:
        for x in range(max(a, lo), min(b + 1, hi)):
            chars[x - lo] = " "
    if not statement.direct:
        for a, b in statement.parts:
            for x in range(max(a, lo), min(b, hi)):
                chars[x - lo] = " "
    frame = "".join(chars)
    for label, pattern in _VENUES:
        match = next((m for m in pattern.finditer(frame) if _VENUE_LEAD.search(frame[max(0, m.start() - 60):m.start()])
                      or m.group().lower().startswith(("told", "on ", "to ", "address", "post", "wrote", "writing",
                                                       "message"))), None)
        if match:
            statement.venue = (label, " ".join(match.group().split()))
            break
    if statement.cue is not None:
        cue_word = article.text[statement.cue[0]:statement.cue[1]].lower()
        if cue_word in ("told", "tells", "tell", "telling"):
            statement.addressee = _told_whom(article, statement.cue[1], hi)
        else:
            match = _TO_AUDIENCE.match(article.text, statement.cue[1], hi)
            if match and not article.in_quote(match.start(1)):
                statement.addressee = " ".join(match.group(1).split())
    if statement.addressee is None:
        match = _WITH_AUDIENCE.search(frame)
        if match:
            statement.addressee = " ".join(match.group(1).split())
    if statement.addressee and statement.addressee.split()[-1].lower() in _MEDIA:
        statement.addressee = None  # "told a news conference", "told local radio": where, not whom


def _told_whom(article: _Article, after: int, hi: int) -> str | None:
    i = article.token_at(after)
    words: list[Token] = []
    stop = {"that", "in", "at", "on", "during", "after", "before", "when", "while", "as", "about", "not", "to", "he",
            "she", "it", "they", "we", "i", "there", "this", "his", "her", "its", "their", "afterwards", "yesterday",
            "today", "how", "what", "why", "whether", "if", "so"}
    while i < len(article.tokens) and article.tokens[i].start < hi and len(words) < 8:
        tok = article.tokens[i]
        word = tok.text.lower()
        if not (tok.text[:1].isalnum() or word in ("’s", "'s", "-")) or article.in_quote(tok.start):
            break
        after_of = words and words[-1].text.lower() == "of"
        possessive_first = not words and word in ("his", "her", "its", "their")
        if word in stop and not after_of and not possessive_first:
            break
        if word in ("the", "a", "an") and words and words[-1].text.lower() not in ("of",):
            break
        if tok.tag and tok.tag.startswith("VB") and tok.tag != "VBG":
            break
        words.append(tok)
        i += 1
    while words and words[-1].text.lower() in ("of", "the", "a", "an", "and"):
        words.pop()
    if not words:
        return None
    return article.text[words[0].start:words[-1].end]


def _inherit_venues(statements: list[_Statement]) -> None:
    """A speaker's venue, said once in an article, holds for their other statements there."""
    venues: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for s in statements:
        if s.speaker and s.venue:
            venues.setdefault(s.speaker, []).append((s.position, s.venue))
    for s in statements:
        if s.venue is not None or not s.speaker or s.speaker not in venues:
            continue
        earlier = [v for p, v in venues[s.speaker] if p < s.position]
        distinct = {v[0] for _, v in venues[s.speaker]}
        if earlier:
            s.venue = earlier[-1]
        elif len(distinct) == 1:
            s.venue = venues[s.speaker][0][1]


def _to_quotes(article: _Article, statements: list[_Statement]) -> list[Quote]:
    quotes: list[Quote] = []
    text = article.text
    for group, s in enumerate(statements):
        cue = text[s.cue[0]:s.cue[1]] if s.cue else None
        if cue and cue.lower() == "according":
            cue = "according to"
        for part, (a, b) in enumerate(s.parts):
            sentence = (min(s.sentence[0], a), max(s.sentence[1], b))
            quotes.append(Quote(text=text[a:b], start=a, end=b, speaker=s.speaker, speaker_span=s.speaker_span,
                                cue=cue, cue_span=s.cue, direct=s.direct, sentence=sentence,
                                venue=s.venue[0] if s.venue else None, venue_text=s.venue[1] if s.venue else None,
                                addressee=s.addressee, group=group, part=part))
    return quotes
