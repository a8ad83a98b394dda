"""Venue conflicts: the outlets that quote one statement name media that exclude each other (a
radio show and a briefing), or two sentences that state one fact say it was told to two named news
outlets ("her rep told People" / "her rep told Us")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from storyline.analyze.venues import VENUE_LABELS, VENUE_PHRASE, venue_kind, venue_kinds, venues_clash
from storyline.compare.conflicts.conflict import Conflict, Detector, SentencePair, StoryFindings
from storyline.compare.statements import QuotedStatement
from storyline.compare.units import StoryView, Unit
from storyline.lang.en import HONORIFICS, ROLE_TITLES
from storyline.memo import ARTICLES, memo
from storyline.model import ConflictKind
from storyline.text import split_sentences


def _sentence_venues(story: StoryView, statements: list[QuotedStatement]) -> dict[tuple[int, str], tuple[str, str, tuple[int, int]]]:
    """Per (article, speaker), the one medium its sentences say the speaker spoke in, where the
    analysis gave none ("..., speaking on a morning talk radio show"): from sentences that quote the
    speaker or name them. An article that names two media for one speaker gives none."""
    found: dict[tuple[int, str], dict[str, tuple[str, tuple[int, int]]]] = defaultdict(dict)
    for s in statements:
        if s.speaker is None:
            continue
        for lo, hi in {p.sentence for p in s.parts}:
            _add_venues(_venues_in(story.articles[s.article].text, lo, hi), s.article, s.speaker, lo, hi, found)
    for pos in range(len(story.articles)):
        for lo, hi, venues in _venue_sentences(story.articles[pos].text):
            people = [name for _, _, name in story.entities_in(pos, lo, hi) if story.entity_type.get(name) == "PERSON"]
            if people:  # the person the sentence is about, named first, spoke there; the others it names did not
                # ("Trump, speaking later at a rally, did not mention Ryan": not Ryan's rally; "Rubio said
                # Trump wants it ended, speaking on a radio show hosted by Dale Mercer": Rubio's show)
                _add_venues(venues, pos, people[0], lo, hi, found)
            elif (speaker := _speaker_before(story.articles[pos].text, lo, hi, pos, statements)) is not None:
                _add_venues(venues, pos, speaker, lo, hi, found)  # "“…,” Valtonen said. She announced this at a briefing."
    out = {}
    for key, kinds in found.items():
        if len(kinds) == 1:
            kind, (phrase, span) = next(iter(kinds.items()))
            out[key] = (kind, phrase, span)
    return out


_HE_OR_SHE = re.compile(r"\s*(?:he|she)\b", re.IGNORECASE)
# words that take up what was just quoted ("She announced this at a briefing", "He made the remarks on a radio show",
# "She was speaking at a news conference"): not "He repeated his attack at a rally", another occasion of another one
_TAKES_UP = re.compile(r"\b(?:this|these|them|the (?:remarks?|comments?|statement)|(?:was|were) speaking)\b", re.IGNORECASE)


def _speaker_before(text: str, lo: int, hi: int, pos: int, statements: list[QuotedStatement]) -> str | None:
    """Whom a sentence that opens with "he" or "she", names no one and takes up what was just said tells of a
    medium for: the speaker of the article's last statement before it in its paragraph ("“…,” Valtonen told
    journalists. She announced this at a briefing."); None where the paragraph quotes no one before it, or the
    sentence tells of something else ("She first announced the closure at a briefing in March")."""
    if not _HE_OR_SHE.match(text, lo) or not _TAKES_UP.search(text, lo, hi):
        return None
    before = [s for s in statements if s.article == pos and s.end <= lo and "\n" not in text[s.end:lo].strip()]
    last = max(before, key=lambda s: s.end, default=None)
    return last.speaker if last is not None else None


def _add_venues(venues: tuple[tuple[str, str], ...], pos: int, speaker: str, lo: int, hi: int,
                found: dict[tuple[int, str], dict[str, tuple[str, tuple[int, int]]]]) -> None:
    for kind, phrase in venues:
        found[(pos, speaker)].setdefault(kind, (phrase, (lo, hi)))


@memo(4096)  # a grown story's quotations are read again at every brief (number._intervals_in)
def _venues_in(text: str, lo: int, hi: int) -> tuple[tuple[str, str], ...]:
    """The media text[lo:hi] names (venue_kind: a radio show, a briefing), with their phrases, in order."""
    return tuple((kind, m.group()) for m in VENUE_PHRASE.finditer(text, lo, hi) if (kind := venue_kind(m.group())))


@memo(ARTICLES)  # an article's sentences, read again at every brief of a growing story (like units._pieces)
def _venue_sentences(text: str) -> tuple[tuple[int, int, tuple[tuple[str, str], ...]], ...]:
    """The sentences of a text that name a medium, each with the media it names."""
    if not VENUE_PHRASE.search(text):
        return ()
    return tuple((lo, hi, venues) for lo, hi in split_sentences(text) if (venues := _venues_in(text, lo, hi)))


def venue_conflicts(story: StoryView, statements: list[QuotedStatement], quote_groups: list[list[int]],
                     unit_of: Callable[[int, int], int | None]) -> list[Conflict]:
    """Where one statement was made, when the outlets that quote it name media that exclude each other
    (a radio show and a briefing). The medium is the analysis's venue of the quotation, else the one the
    paragraph of the quotation gives for the speaker. One statement is one quote group: a speaker's two
    statements, at a news conference and at a rally the same day, may each have had its own occasion."""
    in_sentences = _sentence_venues(story, statements)
    by_speaker: dict[tuple[int, str], dict[int, tuple[str, str, list[tuple[int, int]]]]] = defaultdict(dict)
    units: dict[tuple[int, str], dict[int, int]] = defaultdict(dict)
    for g, members in enumerate(quote_groups):
        if len({story.voice[statements[i].article] for i in members}) < 2:
            continue
        for i in members:
            s = statements[i]
            if s.speaker is None or s.article in by_speaker[(g, s.speaker)]:
                continue
            kind = venue_kind(s.venue_text) or venue_kind(s.venue)
            text = story.articles[s.article].text
            if kind:
                span = _phrase_span(text, s.venue_text or s.venue or "", s.start)
                shown = s.venue or VENUE_LABELS[kind]
                sentence = _sentence_around(text, span) if span else (s.parts[0].sentence[0], s.parts[0].sentence[1])
            elif (s.article, s.speaker) in in_sentences and _tells_occasion(text, in_sentences[(s.article, s.speaker)][2], s):
                kind, _, sentence = in_sentences[(s.article, s.speaker)]
                shown = VENUE_LABELS[kind]
            else:
                continue
            by_speaker[(g, s.speaker)][s.article] = (kind, shown, [sentence] if sentence else [])
            if sentence:
                u = unit_of(s.article, sentence[0])
                if u is not None:
                    units[(g, s.speaker)][s.article] = u
    out = []
    for (g, speaker), values in by_speaker.items():
        kinds = {v[0] for v in values.values()}
        if len(kinds) < 2 or not any(venues_clash(x, y) for x in kinds for y in kinds):
            continue
        labelled = {pos: (VENUE_LABELS.get(kind, kind), label, spans) for pos, (kind, label, spans) in values.items()}
        out.append(Conflict(ConflictKind.VENUE, f"venue:{speaker}", labelled, units[(g, speaker)]))
    return out


def _tells_occasion(text: str, sentence: tuple[int, int], statement: QuotedStatement) -> bool:
    """Whether a sentence that names a speaker's medium tells where the statement was made: it is in the
    paragraph of the statement ("He announced this at a briefing." goes with the quotation it follows),
    or it is the report's lead, which gives the occasion of the whole report ("Rubio told a briefing on
    Friday that ...", the quotations of that briefing after it). A later paragraph that tells of a rally
    does not say that a quotation of another paragraph was said there."""
    if "\n" not in text[min(sentence[0], statement.start):max(sentence[1], statement.end)].strip():
        return True
    body = len(text) - len(text.lstrip())
    return sentence[0] < statement.start and "\n" not in text[body:sentence[0]]


def _sentence_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence of text that holds span."""
    for lo, hi in split_sentences(text):
        if lo <= span[0] < hi:
            return lo, hi
    return span


def _phrase_span(text: str, phrase: str, near: int) -> tuple[int, int] | None:
    """The occurrence of phrase in text nearest to offset near."""
    if not phrase:
        return None
    best = None
    for m in re.finditer(re.escape(phrase), text):
        if best is None or abs(m.start() - near) < abs(best[0] - near):
            best = (m.start(), m.end())
    return best


# a sentence that tells of an announcement and the medium it was made in, right after the verb:
# "announced his resignation at a press conference", "The nomination was announced in a statement posted
# on X", "The announcement was made on Wednesday in an address broadcast live on national television"
_ANNOUNCED = re.compile(r"\b(?:announc(?:ed|es|ing)|unveil(?:ed|s|ing)|announcement[^\S\n]+(?:was|is)[^\S\n]+made)\b"
                        r"(?P<rest>(?:[^\S\n]+[^\s.;!?]+){0,12})", re.IGNORECASE)
_MADE_IN = re.compile(r"\b(?:in|at|on|during|via|through)\b", re.IGNORECASE)


def _announced_in(text: str) -> set[str] | None:
    """The media a sentence says an announcement was made in (venue_kinds of its words from the first "in",
    "at", "on" … in the twelve after the verb); None where it tells of no announcement."""
    found = None
    for m in _ANNOUNCED.finditer(text):
        found = found or set()
        made = _MADE_IN.search(m.group("rest"))
        if made is not None:
            found |= venue_kinds(m.group("rest")[made.start():])
    return found


def announcement_venues(story: StoryView, units: list[Unit]) -> list[Conflict]:
    """The medium of a report's one announcement, where reports of one day name media that exclude each
    other ("announced his resignation at a press conference" / "in a written statement emailed to
    journalists"). A report that tells of two announcements, or names two media in the sentence of its
    one, says nothing of which was the occasion; reports of two days may tell of two announcements."""
    told: dict[int, list[tuple[str, Unit]]] = defaultdict(list)
    for u in units:
        kinds = _announced_in(u.text)
        if kinds is not None:
            told[u.article].append((next(iter(kinds)) if len(kinds) == 1 else "", u))
    sole = {pos: said[0] for pos, said in told.items() if len(said) == 1 and said[0][0]}
    by_day: dict[object, dict[int, tuple[str, Unit]]] = defaultdict(dict)
    for pos, (kind, u) in sole.items():
        published = story.articles[pos].published
        if published is not None:
            by_day[published.date()][pos] = (kind, u)
    out = []
    for day in sorted(by_day, key=str):
        reports = by_day[day]
        kinds = {kind for kind, _ in reports.values()}
        voices = {story.voice[pos] for pos in reports}
        if len(voices) < 2 or not any(venues_clash(x, y) for x in kinds for y in kinds):
            continue
        values = {pos: (VENUE_LABELS[kind], VENUE_LABELS[kind], [(u.start, u.end)]) for pos, (kind, u) in reports.items()}
        out.append(Conflict(ConflictKind.VENUE, "venue:announcement", values, {pos: u.index for pos, (_, u) in reports.items()}))
    return out


def _in_story(found: StoryFindings) -> list[Conflict]:
    return venue_conflicts(found.story, found.statements, found.quote_groups, found.unit_of) + \
        announcement_venues(found.story, found.units)


# "told NY1", "told the New York Times", "her rep told People": an interview given to a named outlet
_TOLD = re.compile(r"\btold\s+(?:the\s+)?(?P<outlet>[A-Z][\w&’'.-]*(?:[^\S\n]+(?:of[^\S\n]+)?[A-Z][\w&’'.-]*){0,4})")
# ... unless what was told is a person, a place or a body that is no outlet ("told Congress", "told the court")
_NOT_OUTLETS = frozenset({"congress", "parliament", "senate", "house", "court", "committee", "council", "assembly",
                          "commission", "police", "board", "jury", "judge", "cabinet", "he", "she", "they", "i", "we"})


def _outlet_told(story: StoryView, unit: Unit) -> tuple[str, tuple[int, int]] | None:
    """The one news outlet a sentence says was told something, and its span; None where it names
    none, two, or an addressee that is a person or a body (_NOT_OUTLETS)."""
    text = story.articles[unit.article].text
    found = list(_TOLD.finditer(text, unit.start, unit.end))
    if len(found) != 1:
        return None
    m = found[0]
    words = m.group("outlet").lower().rstrip(".’'").split()
    if any(w.rstrip(".") in _NOT_OUTLETS for w in words) or words[0].rstrip(".") in HONORIFICS | set(ROLE_TITLES):
        return None
    entity = story.entity_at(unit.article, m.start("outlet"), m.start("outlet") + 1)
    if entity is not None and story.entity_type.get(entity) in ("PERSON", "NORP"):
        return None  # (a place is not told things; a magazine's "Us" is read as the U.S.)
    return " ".join(m.group("outlet").split()).rstrip(".’'"), (m.start("outlet"), m.start("outlet") + len(
        m.group("outlet").rstrip(".’'")))


def _outlet_key(name: str) -> str:
    """An outlet's name and its web address alike ("People", "People.com")."""
    return re.sub(r"\.(?:com|org|net|co\.uk|co)$", "", name.lower())


def one_outlet(first: str, second: str) -> bool:
    """Whether two names of outlets told something can be one outlet: the same name, or one the other's
    short form, its words all in the other ("the Post" of "the Washington Post", "the Times" of "The New
    York Times"), as a report names an outlet in full once and then short."""
    a, b = set(_outlet_key(first).split()), set(_outlet_key(second).split())
    return a <= b or b <= a


# the year a telling is dated by, right after the outlet told ("told Playboy in 1998", "told the paper in early 2006")
_TOLD_IN = re.compile(r"[^\S\n]+in[^\S\n]+(?:(?:early|late|mid-?)[^\S\n]*)?(?:[A-Z][a-z]+[^\S\n]+)?(1[89]\d\d|20\d\d)\b")


def _told_in(text: str, after: int) -> str | None:
    found = _TOLD_IN.match(text, after)
    return found.group(1) if found else None


def told_outlets_in_pair(pair: SentencePair) -> list[Conflict]:
    """Two sentences that state one fact and say it was told to two news outlets: a judgement call
    (minor), since one person may give two interviews, but a reader is told two occasions."""
    if not pair.aligned:
        return []
    first, second = _outlet_told(pair.story, pair.a), _outlet_told(pair.story, pair.b)
    if first is None or second is None or one_outlet(first[0], second[0]):
        return []
    years = [_told_in(pair.story.articles[u.article].text, span[1]) for u, (_, span) in ((pair.a, first), (pair.b, second))]
    if years[0] and years[1] and years[0] != years[1]:
        return []  # "she told the Los Angeles Times in 2006" / "she told Playboy in 1998": two interviews, dated apart
    values = {u.article: (name, name, [span]) for u, (name, span) in ((pair.a, first), (pair.b, second))}
    return [Conflict(ConflictKind.VENUE, "venue:interview", values, {pair.a.article: pair.a.index,
                                                                     pair.b.article: pair.b.index}, minor=True)]


DETECTOR = Detector(ConflictKind.VENUE, in_pair=told_outlets_in_pair, in_story=_in_story)
