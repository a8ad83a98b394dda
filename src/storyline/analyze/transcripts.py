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

import re
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
    span); in position order."""
    turns = _turns(article) + _answers(article)
    if not turns:
        return statements

    def turn_of(position: int) -> Turn | None:
        return next((turn for turn in turns if turn.line <= position < turn.end), None)

    out: list[Statement] = []
    for statement in statements:
        if not statement.direct or statement.cue is not None:
            out.append(statement)
            continue
        groups: dict[Turn | None, list[tuple[int, int]]] = {}
        for a, b in statement.parts:
            groups.setdefault(turn_of(a), []).append((a, b))
        if set(groups) == {None}:
            out.append(statement)
            continue
        for turn, parts in groups.items():
            part = statement if len(groups) == 1 else replace(statement, parts=parts, position=parts[0][0])
            if turn is not None:
                start = turn.parts[0][0]
                # a quoted turn's words without its label ("“RAMOS: Did you …”")
                part.parts = [(max(a, start), b) if a < start < b else (a, b) for a, b in parts]
                part.speaker, part.speaker_span, part.unnamed, part.resolved = turn.speaker, turn.speaker_span, None, True
            out.append(part)
    for turn in turns:
        start, end = turn.parts[0][0], turn.end
        quoted = sum(min(b, end) - max(a, start) for s in out if s.direct for a, b in s.parts if b > start and a < end)
        if 2 * quoted < sum(b - a for a, b in turn.parts):  # a statement a paragraph, each its own source line
            out += [Statement(position=a, direct=True, parts=[(a, b)], paragraph=article.paragraph_of(a),
                              frame=(turn.line, end), speaker=turn.speaker, speaker_span=turn.speaker_span,
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
    labels = [_name_words(text[a:b]) for (a, b), _ in found]
    spans = [span for span, _ in found]
    names = [_person(article, words, labels, spans) if words else None for words in labels]
    if any(names):
        # beside a named speaker, a surname that labels two turns or more and is never a word in lower case
        # names the other ("RAMOS:" asking "CLINTON:", where the article gives no fuller name)
        names = [name if name is not None or len(words) != 1 or labels.count(words) < 2
                 or article.written_in_lower_case(words[0]) else _spelt(article, words, spans)
                 for name, words in zip(names, labels, strict=True)]
    # a paragraph that names its own speaker by surname speaks of them: a section under their name, not a turn
    turns = [Turn((words,), name, label, text.rfind("\n", 0, label[0]) + 1)
             for (label, words), name in zip(found, names, strict=True)
             if name is not None and not re.search(rf"(?<!\w){re.escape(name.split()[-1])}(?!\w)", text[words[0]:words[1]])]
    if len({turn.speaker for turn in turns}) < 2 \
            or 2 * sum(SPOKEN.search(text, *turn.parts[0]) is not None for turn in turns) < len(turns):
        return []
    return turns


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


def _person(article: ArticleText, words: list[str], labels: list[list[str]], spans: list[tuple[int, int]]) -> str | None:
    """The person a label's name words name: the fullest name of a person the article names outside the
    labels whose name ends in the label's last word (and holds its other words), else the fullest label
    ending so ("JAKE TAPPER" for "TAPPER"), else, for a label of two words or more, the label itself
    where the article never writes its last word in lower case; spelt as the article spells it."""
    last = words[-1].casefold()
    wanted = {word.casefold() for word in words}
    outside = [m for m in article.people if not any(a <= m.start < b for a, b in spans)]
    fits = [m.text for m in outside if m.text.split() and m.text.split()[-1].casefold() == last
            and wanted <= {word.casefold() for word in m.text.split()}]
    if fits:
        return max(fits, key=lambda name: (len(name.split()), len(name)))
    fuller = [label for label in labels if len(label) > 1 and label[-1].casefold() == last
              and wanted <= {word.casefold() for word in label}]
    if fuller:
        return _spelt(article, max(fuller, key=len), spans)
    if len(words) > 1 and not article.written_in_lower_case(words[-1]):
        return _spelt(article, words, spans)
    return None


def _spelt(article: ArticleText, words: list[str], labels: list[tuple[int, int]]) -> str:
    """A label's name as the article spells it outside the labels, else in title case ("McCAIN" McCain)."""
    if re.fullmatch(_CAPITALS, " ".join(words)) is None:
        return " ".join(words)  # a label written as a name is spelt so
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    for written in pattern.finditer(article.text):
        if not any(a <= written.start() < b for a, b in labels):
            return " ".join(written.group().split())
    return " ".join(map(_title, words))


def _title(word: str) -> str:
    if word[:2] in ("MC", "Mc") and len(word) > 3:
        return "Mc" + word[2:].title()
    return word.title()
