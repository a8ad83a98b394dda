"""Transcripts: an interview or a debate printed as its speakers' turns, each paragraph opened by the
speaker's name and a colon ("TAPPER: Do you think …", "FALLIN: I think …"), as news sites print a
broadcast (each paragraph in quotation marks where the article quotes the exchange). A turn is its
speaker's own words: a direct quotation with no quotation marks and no verb of saying, the label
standing for both.

A paragraph is a turn where it opens with a label (one to four words in capitals, a title such as
"SEN." among them, or a name as names are written, "Chris Wallace", then a colon) that names a person:
one the article names elsewhere (the person most often named whose name ends in the label's last word
and holds its other words: "TRUMP" is the article's Donald Trump, not Melania Trump named once), one
another label names in full ("TAPPER" after "JAKE TAPPER"), or, where a label of two words or more opens
two turns or more, the label itself if the article never writes its words in lower case ("ANDERSON
COOPER"); beside such a speaker, a one-word label that opens two turns or more and is never a word in
lower case ("RAMOS" asking "CLINTON"). A role or a heading names no one ("UNIDENTIFIED MALE:", "AUDIENCE
MEMBER:", "UPDATE:", "VIDEO:", LABEL_ROLES) unless the article names a person so, nor does a place or a
body the article names ("HONG KONG:").

A labelled paragraph is no turn where it reads as the writer's: a headline in title case ("Ruiz: The Levy
Stays"), a summary opening on a verb of the person's positions ("CLINTON: Says we need …", "SANDERS:
Wants free college."), or, under a name that labels no other paragraph, a section that names its speaker
in full or by title and surname ("Bernie Sanders: Credit scores … Senator Bernie Sanders calls for …").
An article's turns are a transcript only where they are an exchange: two people or more, one of them
speaking twice or more (a list of people, a paragraph each, is the writer's: "Joe Biden: He held his
own."), and at least half of the turns speaking to someone (a word of the first or second person, or a
question, outside the quotations they quote).

A question-and-answer interview ("Q: You open your book in 2001. …" / "A: I came home from school …")
labels its turns Q and A: where two questions or more and two answers or more open their lines, and half
the answers or more speak in the first person (an explainer's answers do not: "Q: What is the levy? A: It
is a charge …"), each answer, every paragraph from its label to the next question or labelled paragraph,
is the words of the person the interview is with: of the people named before the first question, the one
named most often, one named after "with" counting once more ("Q&A with Vice President Joe Biden", "Piet
Varga spoke with harbour master Ana Ruiz"). The questions are the outlet's and are no one's quotation here.

Quoted words inside a turn that have no cue of their own are the turn's speaker's; a turn that no
quotation covers becomes statements of its own. Linear in the article's length: each distinct label is
resolved once, from indexes of the article's people and labels, and turns and quotations are found by
bisection."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import accumulate

from storyline.analyze.article_text import ArticleText
from storyline.analyze.statements import Statement
from storyline.lang.en import FAMILY, PERSON_ROLES
from storyline.lang.en_transcripts import FIRST_PERSON, LABEL_ROLES, LABEL_TITLES, SPOKEN, SUMMARY_VERBS
from storyline.text import stripped

# A label: a name of up to four words opening a line (after the quotation mark that opens a quoted transcript's
# paragraph, where there is one), followed by a colon and the turn's words on that line: in capitals ("SEN.
# BERNIE SANDERS", "McCAIN", "O'ROURKE"), its last word of two letters or more, or written as a name is ("Chris
# Wallace", "Sen. Tim Kaine", "Alexandria Ocasio-Cortez"); an opening time code ("(00:12)") is not the turn's.
_WORD = r"(?:Mc|Mac)?[A-Z][A-Z'’\-]*"
_CAPITALS = rf"(?:{_WORD}\.?[ \u00a0]){{0,3}}(?:Mc|Mac)?[A-Z][A-Z'’\-]*[A-Z]"
_NAMED = r"(?:[A-Z][a-z]*\.?[ \u00a0]){0,3}(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
LABEL = re.compile(rf"^[ \t]*(?:[“\"‘']\s*)?(?P<label>{_CAPITALS}|{_NAMED})[ \t]*:[ \t\u00a0]+"
                   r"(?:[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]][ \t\u00a0]*)?(?=\S)", re.MULTILINE)
# A question-and-answer interview's label: Q or A opening a line, then a colon or a full stop, or glued to
# the turn's first word where the page's bold label lost its space ("QThere's no shortage …").
QA_LABEL = re.compile(r"^[ \t]*(?P<label>[QA])(?:[.:][ \t\u00a0]+(?=\S)|(?!Anon)(?=[A-Z][a-z’']))", re.MULTILINE)
_TITLES = "|".join(sorted(LABEL_TITLES))  # a title before a surname, as a pattern's alternatives
# "with" and up to three words of a title before a name: whom an interview is with
_WITH = re.compile(r"\bwith\s+(?:[\w.’'\-]+\s+){0,3}$")
# a name standing for what is the person's, not the person ("the Trump campaign", "a hidden Trump vote"), or
# introducing another ("Trump's campaign manager"): no sign of whom an interview is with
_ATTRIBUTIVE = re.compile(r"\s+(?:campaign|camp|administration|presidency|era|vote|voters|supporters|fans|rally"
                          r"|rallies|team|organization|brand)\b|['’]s?\s+(?:[a-z-]+\s+){0,2}?(?:%s)\b"
                          % "|".join(sorted(PERSON_ROLES | FAMILY, key=len, reverse=True)))
# a role of the press right before a name: the one who asks an interview's questions
_ASKER = re.compile(r"\b(?:reporter|journalist|correspondent|interviewer)s?\s+$", re.IGNORECASE)  # not a writer or a host


@dataclass(frozen=True)
class Turn:
    """One turn of a transcript: the spans of its words (a paragraph each), its speaker's name, the span that
    names the speaker (the label, or the interviewee's name) and where its first line starts."""

    parts: tuple[tuple[int, int], ...]
    speaker: str
    speaker_span: tuple[int, int]
    line: int

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def transcript_turns(article: ArticleText, statements: list[Statement]) -> list[Statement]:
    """The statements with each transcript turn's words given to its speaker: quoted words in a turn that
    have no cue of their own are the speaker's (a quotation running over several turns, as a quoted
    exchange's paragraphs do, cut at each; where a cue closes it, "…,” she said", the cue speaks for the
    turn it stands by only), and a turn that quotations cover less than half of becomes
    statements of its own (direct, one a paragraph, the label or the interviewee's name its speaker's
    span); in position order. The turns do not overlap: an answer ends where a labelled paragraph begins."""
    matches = list(LABEL.finditer(article.text))
    labelled_turns = _turns(article, matches)
    # where another's turn or a heading in capitals begins ("VARGA: …", "RELATED: …"), which ends an answer; not
    # a word an answer opens on ("Look: I have said it before …")
    labelled = sorted({turn.line for turn in labelled_turns} | {
        match.start() for match in matches if re.fullmatch(_CAPITALS, match.group("label"))})
    turns = sorted(labelled_turns + _answers(article, labelled), key=lambda turn: turn.line)
    if not turns:
        return statements
    lines = [turn.line for turn in turns]

    def turn_at(position: int) -> int | None:
        n = bisect.bisect_right(lines, position) - 1
        return n if n >= 0 and position < turns[n].end else None

    out: list[Statement] = []
    for statement in statements:
        groups: dict[int | None, list[tuple[int, int]]] = {}
        if statement.direct:
            for a, b in statement.parts:
                groups.setdefault(turn_at(a), []).append((a, b))
        if set(groups) <= {None}:
            out.append(statement)
            continue
        cued = None  # the turn whose words stand by the cue, where the statement has one
        if statement.cue is not None:
            cue = statement.cue[0]
            cued = turn_at(min(statement.parts, key=lambda part: min(abs(part[0] - cue), abs(part[1] - cue)))[0])
        for n, parts in groups.items():
            # a statement in one group is itself (its position, at its opening mark, is what later steps read)
            part = statement if len(groups) == 1 else replace(statement, parts=parts, position=parts[0][0])
            if n is not None:
                turn = turns[n]
                start = turn.parts[0][0]
                # A quotation that opens the turn (its label inside it, "“RAMOS: Did you …", or right after it) is
                # the turn's words: its speaker's, a cue keeping them only where it names that speaker ("“…,” she
                # said" of Ruiz's turn). A quotation the turn quotes later with a cue of its own is the cue's; where
                # the cue's subject is read over the label ("Luciana Lopez: Saying to people ‘…’") or is "I", the label's;
                # so is one whose speaker the turn names before it with no cue ("My predecessor, Chief Walter Grimes,
                # used to say, “…”").
                named_here = statement.speaker_span is not None and start <= statement.speaker_span[0] < parts[0][0]
                if (statement.cue is not None or named_here) and parts[0][0] > start + 2:
                    label = turn.speaker_span
                    if statement.speaker_span is not None and statement.speaker_span[0] < label[1] \
                            and label[0] < statement.speaker_span[1] or _first_person(statement):
                        part.speaker, part.speaker_span = turn.speaker, label  # "I told a girl once, “…”": the turn's
                    out.append(part)
                    continue
                part.parts = [(max(a, start), b) if a < start < b else (a, b) for a, b in parts]
                if statement.cue is not None and not (n == cued and statement.speaker == turn.speaker):
                    part.cue, part.subject = None, None
                part.speaker, part.speaker_span, part.unnamed, part.resolved = turn.speaker, turn.speaker_span, None, True
            out.append(part)
    quoted = [0] * len(turns)  # the characters of each turn's words that quotations (and a cue after them) cover
    for statement in out:
        if statement.direct:
            spans = list(statement.parts)
            if statement.cue is not None and spans and statement.cue[0] >= spans[-1][1]:
                spans[-1] = (spans[-1][0], statement.cue[1] + 1)  # "“I do,” she said."
            for a, b in spans:
                n = max(0, bisect.bisect_right(lines, a) - 1)
                while n < len(turns) and turns[n].line < b:
                    start, end = turns[n].parts[0][0], turns[n].end
                    quoted[n] += max(0, min(b, end) - max(a, start))
                    n += 1
    for turn, covered in zip(turns, quoted, strict=True):
        if 2 * covered < sum(b - a for a, b in turn.parts):  # a statement a paragraph, each its own source line
            out += [Statement(position=a, direct=True, parts=[(a, b)], paragraph=article.paragraph_of(a),
                              frame=(turn.line, turn.end), speaker=turn.speaker, speaker_span=turn.speaker_span,
                              resolved=True, sentence=(a, b)) for a, b in turn.parts]
    return sorted(out, key=lambda s: s.position)


def _first_person(statement: Statement) -> bool:
    """Whether a statement's cue has "I" or "we" for its subject: the words of whoever speaks in the turn."""
    return statement.subject is not None and statement.subject.surface.lower() in ("i", "we")


def _turns(article: ArticleText, matches: list[re.Match[str]]) -> list[Turn]:
    """Each turn of the article's transcript labelled by its speakers' names, from its LABEL matches; none
    where the article holds no such transcript (module docstring)."""
    text = article.text
    found = []  # each label's span and its words' span
    for match in matches:
        end = text.find("\n", match.end())
        found.append((match.span("label"), stripped(text, match.end(), len(text) if end < 0 else end)))
    if len(found) < 2:
        return []
    labels = [tuple(_name_words(text[a:b])) for (a, b), _ in found]
    reader = _Labels(article, labels, [label for label, _ in found])
    names = [reader.person(words) if words else None for words in labels]
    if any(names):
        names = [name if name is not None or len(words) != 1 else reader.beside(words) for name, words in zip(names, labels, strict=True)]
    taken = Counter(name for name in names if name is not None)
    turns = [Turn((span,), name, label, text.rfind("\n", 0, label[0]) + 1)
             for (label, span), name in zip(found, names, strict=True)
             if name is not None and not _the_writers(text, span, name, taken[name])]
    # an exchange: two people or more, one of them speaking twice or more (a list of people, a paragraph each,
    # is the writer's: "Joe Biden: He held his own …"), and at least half the turns speaking to someone
    speakers = Counter(turn.speaker for turn in turns)
    if len(speakers) < 2 or max(speakers.values()) < 2 or 2 * sum(_spoken(article, turn.parts[0]) for turn in turns) < len(turns):
        return []
    return turns


def _the_writers(text: str, span: tuple[int, int], name: str, turns: int) -> bool:
    """Whether a labelled paragraph reads as the writer's, not the speaker's turn: a headline in title case, a
    summary opening on a verb of the person's positions (not a question), or, under a name that labels no other
    paragraph (`turns`), a section that names its speaker in full or by title and surname (module docstring); a
    speaker of several turns may name themself ("Nobody has done more for Ohio than Donald Trump")."""
    words = text[span[0]:span[1]]
    long = [word for word in words.split() if sum(ch.isalpha() for ch in word) >= 4]
    if len(long) >= 3 and sum(word[0].isupper() for word in long) >= 0.7 * len(long):
        return True  # "Ruiz: The Levy Stays, Whatever The Islanders Say."
    first = re.match(r"\s*([A-Za-z]+)", words)
    sentence = re.match(r"[^.!?]*[.!?]?", words)
    if first and first.group(1).lower() in SUMMARY_VERBS and not (sentence and sentence.group().endswith("?")):
        return True
    if turns > 1:
        return False
    surname = re.escape(name.split()[-1])
    return re.search(rf"(?<!\w)(?:{re.escape(name)}|(?i:{_TITLES})\.?\s+{surname})(?!\w)", words) is not None


def _spoken(article: ArticleText, span: tuple[int, int], words: re.Pattern[str] = SPOKEN) -> bool:
    """Whether a turn speaks to someone (SPOKEN, or the words given) in its own words, not only in a quotation
    it quotes: each match is looked up among the quotations opening in the turn by bisection."""
    a, b = span
    embedded = sorted((opens, closes) for opens, closes in article.quoted_near(a, b) if opens >= a)
    opens = [opened for opened, _ in embedded]
    reach = list(accumulate((closes for _, closes in embedded), max))  # the furthest close so far
    for match in words.finditer(article.text, a, b):
        n = bisect.bisect_right(opens, match.start()) - 1
        if n < 0 or match.start() > reach[n]:
            return True
    return False


class _Labels:
    """What the article gives to resolve its labels, each read once: its people outside the labels by the last
    word of their names (and by that and each other word), how often each is named, the fullest label for each
    last word, how often each label opens a turn, the names of its places and bodies, the words it writes in lower
    case, and each word's spelling outside the labels. ArticleText.full_name reads a mention against the names
    written near it; a label is in capitals, often no mention at all, and stands for whoever the whole article
    names most by it."""

    def __init__(self, article: ArticleText, labels: list[tuple[str, ...]], spans: list[tuple[int, int]]) -> None:
        text = article.text
        starts = [a for a, _ in spans]

        def in_label(position: int) -> bool:
            n = bisect.bisect_right(starts, position) - 1
            return n >= 0 and position < spans[n][1]

        self.relatives = article.relatives  # "KASICH:" is the governor, not "Karen Kasich, the governor's wife"
        self.named: dict[str, Counter[str]] = {}  # last word -> each name ending in it, how often named
        self.named_with: dict[tuple[str, str], set[str]] = {}  # (last word, another word) -> the names holding both
        self.bodies: set[str] = set()  # places, bodies and the like: no one speaks under their names
        for mention in article.mentions:  # the model's reading of a label itself ("VARGA:" as a body) says nothing
            if mention.label != "PERSON" and not in_label(mention.start):
                self.bodies.add(" ".join(mention.text.split()).casefold())
        for mention in article.people:
            words = mention.text.split()
            if words and not in_label(mention.start):
                last = words[-1].casefold()
                self.named.setdefault(last, Counter())[mention.text] += 1
                for word in words[:-1]:
                    self.named_with.setdefault((last, word.casefold()), set()).add(mention.text)
        self.fullest: dict[str, tuple[str, ...]] = {}  # last word -> the longest label ending in it
        for label in set(labels):
            if len(label) > 1 and len(label) > len(self.fullest.get(label[-1].casefold(), ())):
                self.fullest[label[-1].casefold()] = label
        self.count = Counter(labels)
        self.lower: set[str] = set()
        self.spelling: dict[str, str] = {}
        for word in re.finditer(r"\w[\w'’\-]*", text):
            written = word.group()
            if written.islower():
                self.lower.add(written)
            elif not written.isupper() and not in_label(word.start()):
                self.spelling.setdefault(written.casefold(), written)
        self.known: dict[tuple[str, ...], str | None] = {}

    def person(self, words: tuple[str, ...]) -> str | None:
        """The person a label's name words name (module docstring), spelt as the article spells them."""
        if words not in self.known:
            self.known[words] = self._person(words)
        return self.known[words]

    def _person(self, words: tuple[str, ...]) -> str | None:
        last = words[-1].casefold()
        counted = self.named.get(last, Counter())
        fits = list(counted) if len(words) == 1 else [
            name for name in self.named_with.get((last, words[0].casefold()), ())
            if {word.casefold() for word in words} <= {word.casefold() for word in name.split()}]
        if fits:  # a full name before a surname alone, then one no relative of another, then the one named most often
            return max(fits, key=lambda name: (" " in name, name not in self.relatives, counted[name], len(name.split()),
                                               len(name), name))
        if any(word.casefold() in LABEL_ROLES for word in words):
            return None  # "UNIDENTIFIED MALE:", "AUDIENCE MEMBER:", "UPDATE:": a role or a heading, where no one is
            # so named ("READ:" is the article's Tom Read)
        if " ".join(words).casefold() in self.bodies:
            return None  # a place or a body the article names ("HONG KONG:"), where no person of that name is
        if len(words) == 1 and last in self.fullest:
            return self.person(self.fullest[last])
        # a label the article names no one by: a name where its turns, and those of its surname alone, are two
        # or more and none of its words is one the article writes in lower case ("ANDERSON COOPER")
        turns = self.count[words] + (self.count[words[-1:]] if len(words) > 1 else 0)
        if len(words) > 1 and turns >= 2 and not any(self.in_lower_case(word) for word in words):
            return self.spelt(words)
        return None

    def beside(self, words: tuple[str, ...]) -> str | None:
        """Beside a named speaker, the person a one-word label names that opens two turns or more and is never a
        word in lower case ("RAMOS:" asking "CLINTON:", where the article gives no fuller name)."""
        if self.count[words] < 2 or self.in_lower_case(words[0]) or words[0].casefold() in self.bodies \
                or words[0].casefold() in LABEL_ROLES:
            return None
        return self.spelt(words)

    def in_lower_case(self, word: str) -> bool:
        return word.lower() in self.lower

    def spelt(self, words: tuple[str, ...]) -> str:
        """A label's name as the article spells its words outside the labels, else in title case ("McCAIN"
        McCain); a label written as a name is spelt as it is."""
        if re.fullmatch(_CAPITALS, " ".join(words)) is None:
            return " ".join(words)
        return " ".join(self.spelling.get(word.casefold()) or _title(word) for word in words)


def _answers(article: ArticleText, labelled: list[int]) -> list[Turn]:
    """Each answer of a question-and-answer interview, given to the person the interview is with, ending at the
    next question or the next labelled paragraph (`labelled`: where those start, in order: another's turn, or a
    line such as "Related: …"); none where the article is no such interview, names no one before its first
    question, or answers in the first person less than half the time (module docstring)."""
    text = article.text
    labels = list(QA_LABEL.finditer(text))
    kinds = [label.group("label") for label in labels]
    if kinds.count("Q") < 2 or kinds.count("A") < 2:
        return []
    named = _interviewee(article, labels[0].start())
    if named is None:
        return []
    name, speaker_span = named
    answers = []
    for n, label in enumerate(labels):
        if label.group("label") != "A":
            continue
        # up to the next question; the last answer is its own paragraph, what follows it the outlet's
        stop = labels[n + 1].start() if n + 1 < len(labels) else article.paragraphs[article.paragraph_of(label.end())][1]
        k = bisect.bisect_right(labelled, label.start())
        if k < len(labelled):
            stop = min(stop, labelled[k])
        parts = tuple(_paragraphs(article, label.end(), stop))
        if parts:
            answers.append(Turn(parts, name, speaker_span, text.rfind("\n", 0, label.start()) + 1))
    # an interview's answers speak in the first person, half of them at least; an explainer's do not
    if 2 * sum(any(_spoken(article, part, FIRST_PERSON) for part in answer.parts) for answer in answers) < len(answers):
        return []
    return answers


def _interviewee(article: ArticleText, first_question: int) -> tuple[str, tuple[int, int]] | None:
    """Whom an interview is with: of the people named before its first question, the one named most often (not
    counting a name that stands for what is theirs, "the Trump campaign", or that introduces another, "Trump's
    campaign manager"), one named after "with" counting once more, the first named between equals, not one named
    as a reporter ("reporter James Holt", who asks) where another is named (an interview with "reporter Ana Lund"
    alone is hers); their fullest name and the span of their first mention."""
    text = article.text
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    askers: set[str] = set()
    for mention in article.people:
        if mention.end > first_question:
            break
        name = article.full_name(mention, mention.text, mention.start)[0]
        if _ASKER.search(text, max(0, mention.start - 30), mention.start):
            askers.add(name)
        first.setdefault(name, (mention.start, mention.end))
        if _ATTRIBUTIVE.match(text, mention.end):
            continue
        counts[name] += 1 + (_WITH.search(text, max(0, mention.start - 60), mention.start) is not None)
    if set(counts) - askers:  # "She spoke with reporter James Holt": he asks
        counts = Counter({name: n for name, n in counts.items() if name not in askers})
    if not counts:
        return None
    name = max(counts, key=lambda person: (counts[person], -first[person][0]))
    return name, first[name]


def _paragraphs(article: ArticleText, start: int, stop: int) -> list[tuple[int, int]]:
    """The article's paragraphs (page furniture left out) from the one holding start to the last opening
    before stop, each cut to [start, stop) and without its edge spaces."""
    text, spans = article.text, []
    n = article.paragraph_of(start)
    while n < len(article.paragraphs) and article.paragraphs[n][0] < stop:
        a, b = stripped(text, max(start, article.paragraphs[n][0]), min(stop, article.paragraphs[n][1]))
        if b > a:
            spans.append((a, b))
        n += 1
    return spans


def _name_words(label: str) -> list[str]:
    """The label's words that name, without its titles ("SEN. BERNIE SANDERS" -> BERNIE, SANDERS)."""
    return [word for word in label.split() if word.rstrip(".").lower() not in LABEL_TITLES and not word.endswith(".")]


def _title(word: str) -> str:
    """A word in capitals written as a name is ("TAPPER" Tapper, "McCAIN" McCain, "O'ROURKE" O'Rourke,
    "OCASIO-CORTEZ" Ocasio-Cortez)."""
    if word[:2] in ("MC", "Mc") and len(word) > 3:
        return "Mc" + _title(word[2:])
    if word[:2] in ("O'", "O’") and len(word) > 2:
        return word[:2] + _title(word[2:])
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
