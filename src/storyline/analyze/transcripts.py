"""Transcripts: an interview or a debate printed as its speakers' turns, each paragraph opened by the
speaker's name and a colon ("TAPPER: Do you think …", "FALLIN: I think …"), as news sites print a
broadcast (each paragraph in quotation marks where the article quotes the exchange). A turn is its
speaker's own words: a direct quotation with no quotation marks and no verb of saying, the label
standing for both.

A paragraph is a turn where it opens with a label (one to four words in capitals, a title such as
"SEN." among them, or a name as names are written, "Chris Wallace", then a colon) that names a person:
one the article names elsewhere (a person whose name ends in the label's last word: "TRUMP" is the
article's Donald Trump), one another label names in full ("TAPPER" after "JAKE TAPPER"), or, for a
label of two words or more, a name whose last word the article never writes in lower case ("ANDERSON
COOPER"); beside such a speaker, a one-word label that opens two turns or more and is never a word in
lower case ("RAMOS" asking "CLINTON"). Labels that name no one ("UPDATE:", "CORRECTION:", "EXCLUSIVE:",
"BYLINE:") open no turn, and neither does the article's first line, its headline ("Ruiz: The Levy
Stays"), nor a paragraph that names its speaker by surname (a section under a person's name: "Jeb Bush:
Student loans … Mr. Bush proposed"). An article's turns are a transcript only where two people or more take them and at least half
of them speak as people speak to each other (a word of the first or second person, or a question): a
list of positions or of poll figures under the candidates' names ("CLINTON: Supports a higher minimum
wage.") is the writer's summary, not their words.

A question-and-answer interview ("Q: You open your book in 2001. …" / "A: I came home from school …")
labels its turns Q and A: where two questions or more and two answers or more open their lines, each
answer, from its label to the next question (every paragraph between), is the words of the person the
interview is with: the first person the article names before its first question, in the headline or
the introduction ("Q&A with Vice President Joe Biden"). The questions are the outlet's and are no one's
quotation here.

Quoted words inside a turn that have no cue of their own are the turn's speaker's; a turn that no
quotation covers becomes a statement of its own."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace

from storyline.analyze.article_text import ArticleText
from storyline.analyze.statements import Statement

# A label: a name of up to four words opening a line (after the quotation mark that opens a quoted transcript's
# paragraph, where there is one), followed by a colon and the turn's words on that line: in capitals ("SEN.
# BERNIE SANDERS", "McCAIN", "O'ROURKE"), its last word of two letters or more, or written as a name is ("Chris
# Wallace", "Sen. Tim Kaine", "Alexandria Ocasio-Cortez"); an opening time code ("(00:12)") is not the turn's.
_WORD = r"(?:Mc|Mac)?[A-Z][A-Z'’\-]*"
_CAPITALS = rf"(?:{_WORD}\.?[ \u00a0]){{0,3}}(?:Mc|Mac)?[A-Z][A-Z'’\-]*[A-Z]"
_NAMED = r"(?:[A-Z][a-z]*\.?[ \u00a0]){0,3}(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
LABEL = re.compile(rf"^[ \t]*(?:[“\"‘']\s*)?(?P<label>{_CAPITALS}|{_NAMED})[ \t]*:[ \t\u00a0]+"
                   r"(?:[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]][ \t\u00a0]*)?(?=\S)", re.MULTILINE)
# Words of a label that give a title, not a name.
TITLE_WORDS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
                         "secretary", "gen", "general", "rev", "prof", "judge", "justice", "mayor", "speaker",
                         "former", "vice", "candidate", "host", "moderator", "anchor"})
# A question-and-answer interview's label: Q or A opening a line, then a colon or a full stop, or glued to
# the turn's first word where the page's bold label lost its space ("QThere's no shortage …").
QA_LABEL = re.compile(r"^[ \t]*(?P<label>[QA])(?:[.:][ \t\u00a0]+(?=\S)|(?=[A-Z][a-z’']))", re.MULTILINE)
# A turn that speaks to someone: a word of the first or second person, or a question.
SPOKEN = re.compile(r"\bI\b|\b(?:[Ww]e|us|[Oo]ur|[Mm]y|me|[Yy]ou|[Yy]our|[Ll]et[’']s|[Ii][’']m|[Ii][’']ve)\b|\?")


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
    exchange's paragraphs do, cut at each), and a turn that quotations cover less than half of becomes
    statements of its own (direct, one a paragraph, the label or the interviewee's name its speaker's
    span); in position order. Linear in the article's length: turns are looked up by bisection."""
    turns = sorted(_turns(article) + _answers(article), key=lambda turn: turn.line)
    if not turns:
        return statements
    lines = [turn.line for turn in turns]

    def turn_at(position: int) -> int | None:
        n = bisect.bisect_right(lines, position) - 1
        return n if n >= 0 and position < turns[n].end else None

    out: list[Statement] = []
    for statement in statements:
        if not statement.direct or statement.cue is not None:
            out.append(statement)
            continue
        groups: dict[int | None, list[tuple[int, int]]] = {}
        for a, b in statement.parts:
            groups.setdefault(turn_at(a), []).append((a, b))
        if set(groups) == {None}:
            out.append(statement)
            continue
        for n, parts in groups.items():
            part = statement if len(groups) == 1 else replace(statement, parts=parts, position=parts[0][0])
            if n is not None:
                turn = turns[n]
                start = turn.parts[0][0]
                # a quoted turn's words without its label ("“RAMOS: Did you …”")
                part.parts = [(max(a, start), b) if a < start < b else (a, b) for a, b in parts]
                part.speaker, part.speaker_span, part.unnamed, part.resolved = turn.speaker, turn.speaker_span, None, True
            out.append(part)
    quoted = [0] * len(turns)  # the characters of each turn's words that quotations cover
    for statement in out:
        if statement.direct:
            for a, b in statement.parts:
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


def _turns(article: ArticleText) -> list[Turn]:
    """Each turn of the article's transcript labelled by its speakers' names; none where the article holds
    no such transcript (module docstring)."""
    text = article.text
    found = []
    headline = text.find("\n")  # the first line is the headline, no turn
    for match in LABEL.finditer(text, 0 if headline < 0 else headline):
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        while end > match.end() and text[end - 1].isspace():
            end -= 1
        found.append((match.span("label"), (match.end(), end)))
    if len(found) < 2:
        return []
    labels = [tuple(_name_words(text[a:b])) for (a, b), _ in found]
    reader = _Labels(article, labels, [span for span, _ in found])
    names = [reader.person(words) if words else None for words in labels]
    if any(names):
        # beside a named speaker, a surname that labels two turns or more and is never a word in lower case
        # names the other ("RAMOS:" asking "CLINTON:", where the article gives no fuller name)
        names = [name if name is not None or len(words) != 1 or reader.count[words] < 2
                 or reader.in_lower_case(words[0]) else reader.spelt(words)
                 for name, words in zip(names, labels, strict=True)]
    # a paragraph that names its own speaker by surname speaks of them: a section under their name, not a turn
    turns = [Turn((words,), name, label, text.rfind("\n", 0, label[0]) + 1)
             for (label, words), name in zip(found, names, strict=True)
             if name is not None and not re.search(rf"(?<!\w){re.escape(name.split()[-1])}(?!\w)", text[words[0]:words[1]])]
    if len({turn.speaker for turn in turns}) < 2 \
            or 2 * sum(SPOKEN.search(text, *turn.parts[0]) is not None for turn in turns) < len(turns):
        return []
    return turns


class _Labels:
    """What the article gives to resolve its labels, each read once: its people outside the labels by the
    last word of their names, the labels of two words or more by their last word, how often each label
    opens a turn, its words written in lower case, and each word's spelling outside the labels."""

    def __init__(self, article: ArticleText, labels: list[tuple[str, ...]], spans: list[tuple[int, int]]) -> None:
        text = article.text
        starts = [a for a, _ in spans]

        def in_label(position: int) -> bool:
            n = bisect.bisect_right(starts, position) - 1
            return n >= 0 and position < spans[n][1]

        self.people: dict[str, list[str]] = {}
        for mention in article.people:
            words = mention.text.split()
            if words and not in_label(mention.start):
                self.people.setdefault(words[-1].casefold(), []).append(mention.text)
        self.fuller: dict[str, list[tuple[str, ...]]] = {}
        for label in labels:
            if len(label) > 1:
                self.fuller.setdefault(label[-1].casefold(), []).append(label)
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

    def in_lower_case(self, word: str) -> bool:
        return word.lower() in self.lower

    def person(self, words: tuple[str, ...]) -> str | None:
        """The person a label's name words name: the fullest name of a person the article names outside
        the labels whose name ends in the label's last word (and holds its other words), else the fullest
        label ending so ("JAKE TAPPER" for "TAPPER"), else, for a label of two words or more, the label
        itself where the article never writes its last word in lower case; spelt as the article spells it."""
        if words not in self.known:
            last, wanted = words[-1].casefold(), {word.casefold() for word in words}
            fits = [name for name in self.people.get(last, ()) if wanted <= {word.casefold() for word in name.split()}]
            fuller = [label for label in self.fuller.get(last, ()) if wanted <= {word.casefold() for word in label}]
            if fits:
                self.known[words] = max(fits, key=lambda name: (len(name.split()), len(name)))
            elif fuller:
                self.known[words] = self.spelt(max(fuller, key=len))
            elif len(words) > 1 and not self.in_lower_case(words[-1]):
                self.known[words] = self.spelt(words)
            else:
                self.known[words] = None
        return self.known[words]

    def spelt(self, words: tuple[str, ...]) -> str:
        """A label's name as the article spells its words outside the labels, else in title case ("McCAIN"
        McCain); a label written as a name is spelt as it is."""
        if re.fullmatch(_CAPITALS, " ".join(words)) is None:
            return " ".join(words)
        return " ".join(self.spelling.get(word.casefold()) or _title(word) for word in words)


def _answers(article: ArticleText) -> list[Turn]:
    """Each answer of a question-and-answer interview, given to the person the interview is with; none
    where the article is no such interview or names no one before its first question (module docstring)."""
    text = article.text
    labels = list(QA_LABEL.finditer(text))
    kinds = [label.group("label") for label in labels]
    if kinds.count("Q") < 2 or kinds.count("A") < 2:
        return []
    before = [person for person in article.people if person.end <= labels[0].start()]
    if not before:
        return []
    first = before[0]
    name, speaker_span = article.full_name(first, first.text, first.start)[0], (first.start, first.end)
    answers = []
    for n, label in enumerate(labels):
        if label.group("label") != "A":
            continue
        stop = labels[n + 1].start() if n + 1 < len(labels) else text.find("\n", label.end())
        parts = tuple(_lines(text, label.end(), len(text) if stop < 0 else stop))
        if parts:
            answers.append(Turn(parts, name, speaker_span, text.rfind("\n", 0, label.start()) + 1))
    return answers


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The non-blank lines of text[start:stop], each without its edge spaces."""
    spans = []
    for line in re.finditer(r"[^\n]+", text[start:stop]):
        a, b = start + line.start(), start + line.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _name_words(label: str) -> list[str]:
    """The label's words that name, without its titles ("SEN. BERNIE SANDERS" -> BERNIE, SANDERS)."""
    return [word for word in label.split() if word.rstrip(".").lower() not in TITLE_WORDS and not word.endswith(".")]


def _title(word: str) -> str:
    if word[:2] in ("MC", "Mc") and len(word) > 3:
        return "Mc" + word[2:].title()
    return word.title()
