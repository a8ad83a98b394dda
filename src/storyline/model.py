"""The records every stage speaks. Stages take and return these; only pipeline.py touches the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Literal, NotRequired, TypedDict

import numpy as np

# Where an article without a date sorts among dated ones (published datetimes are aware, in UTC):
# after every one of them (oldest first, undated last), or before every one (the latest first).
UNDATED_LAST = datetime.max.replace(tzinfo=timezone.utc)
UNDATED_FIRST = datetime.min.replace(tzinfo=timezone.utc)

@dataclass(frozen=True)
class Record:
    """One input record as read from a file, stdin or a feed, before it becomes an article."""

    text: str
    origin: str  # where it came from, "path" or "path:line", for messages and provenance
    source: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    external_id: str | None = None
    language: str | None = None
    gold: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A record or file that could not be read; the message is one line for a person."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class Article:
    """A stored article: normalised text with a stable id derived from its identity."""

    id: str
    source: str
    text: str
    text_hash: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    canonical_url: str | None = None
    external_id: str | None = None
    language: str | None = None
    origin: str | None = None
    gold: str | None = None
    title_generated: bool = False  # the title was made from the lead (headline.py): the input gave none

    @property
    def day(self) -> date | None:
        return self.published.date() if self.published else None

    @property
    def given_title(self) -> str | None:
        """The headline the input gave, None when there was none: what stages that weigh a headline read."""
        return None if self.title_generated else self.title


@dataclass
class StoryState:
    """What story assignment needs to know of a story: its centroid, its key terms and its dates."""

    id: str
    centroid: np.ndarray  # sum of member vectors; normalise before comparing
    size: int
    terms: dict[str, int] = field(default_factory=dict)
    first_seen: date | None = None
    last_seen: date | None = None

    def unit_centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.centroid))
        return self.centroid / norm if norm else self.centroid


# --- Analysis: entities, quotes and dates of one article (storyline.analyze) ---


@dataclass(frozen=True)
class Mention:
    """A named entity in one article's text: text == article_text[start:end], titles and possessive left out.

    The title ("Secretary of State", "Mr") that stood right before a name is kept apart, so that the
    name compares across outlets while the titled form is still known (title_start..end)."""

    text: str
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT
    title: str | None = None
    title_start: int | None = None
    acronym: str | None = None  # "Reserve Bank of Australia (RBA)": the short form the text gives beside it

    @property
    def titled(self) -> str:
        """The surface with its title, as the article wrote it ("Secretary Rubio")."""
        return f"{self.title} {self.text}" if self.title else self.text


@dataclass(frozen=True)
class SourceSpan:
    """Characters start..end of one article's text: the provenance of a derived fact."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """One person, organisation or place across the articles of a story (or a corpus).

    name is the most complete frequent form; aliases are the other surface forms seen, titled ones
    included. ambiguous marks a bare surname that could be more than one person of the story."""

    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[SourceSpan, ...]
    ambiguous: bool = False


@dataclass(frozen=True)
class Quote:
    """A statement in one article: the quoted (direct) or reported (indirect) words and who said them.

    start..end is the span of the words themselves, without quote marks; a statement split around its
    cue ("…," he said, "…") is two Quotes sharing group, numbered by part. speaker is the fullest form
    of the name the article gives (None when the speaker is anonymous or unknown); speaker_span is the
    mention that named them, which for "he said" is the earlier mention the pronoun refers to.
    unnamed_source is the source the article gives without naming anyone ("a campaign aide", "the Trump
    campaign", "two people familiar with the talks"), as it writes it, where speaker is None;
    unnamed_span is where it stands."""

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    cue_span: tuple[int, int] | None
    direct: bool
    sentence: tuple[int, int]
    venue: str | None = None  # "radio show", "briefing", "news conference", "interview", "speech", …
    venue_text: str | None = None  # the words that said so ("a talk radio programme")
    addressee: str | None = None  # "reporters", "two radio hosts"
    group: int = 0
    part: int = 0
    unnamed_source: str | None = None
    unnamed_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression resolved to a calendar date at its granularity.

    date is ISO at the granularity: YYYY-MM-DD (day), YYYY-Www (week), YYYY-MM (month), YYYY (year);
    end_date is set for ranges ("from 10 to 12 February")."""

    text: str
    start: int
    end: int
    date: str
    granularity: str  # day | week | month | year
    sentence: tuple[int, int]
    end_date: str | None = None


@dataclass(frozen=True)
class Analysis:
    """What the analysis stage finds in one article's text; every span indexes that text."""

    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    times: tuple[TimeExpression, ...]


class ConflictKind(StrEnum):
    """What two outlets disagree on. Each kind has one detector module in compare/conflicts/, registered
    in compare/conflicts/__init__.py; the value is the `conflict.about` of `show --json`."""

    NUMBER = "number"  # a figure of the same counted thing (12 or 15 injured)
    PLACE = "place"  # where one happening took place
    DATE = "date"  # the day of one happening
    VENUE = "venue"  # the medium or occasion of one statement (a radio show or a briefing)
    ROLE = "role"  # a person's office ("Superintendent" or "Inspector")
    QUOTE = "quote"  # the words of one quotation (a negation, a figure)
    PERSON = "person"  # who said a quotation: one quotation put in two people's mouths
    STATE = "state"  # the stage a case has reached (arrested, charged, convicted): only ever an update


# --- The brief: what `show --json` holds of a story (storyline.brief) ---
#
# Records in the shape of the JSON contract (../shared/contract/story.schema.json), typed so that the
# stages that build a brief and the modules that read one (the CLI, the web pages, export, the
# evaluation) are checked against one definition. They are JSON objects already: a brief is stored
# and served as it is built, with nothing to convert. Keys a contract reader may not rely on are
# NotRequired; tests/test_records.py keeps these records and the contract's schema in step.

ClaimStatus = Literal["corroborated", "single", "conflict"]


class EvidenceSpan(TypedDict):
    """Characters start..end of one article's text, and that text: the provenance of a line."""

    article: str
    start: int
    end: int
    text: str


class ArticleEntry(TypedDict):
    id: str
    external_id: str | None
    source: str
    title: str | None
    title_generated: bool
    published: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None  # the article whose near-copy this is, None for the first of its group


class EntityEntry(TypedDict):
    name: str
    type: str
    aliases: list[str]
    mentions: int
    ambiguous: NotRequired[bool]


# One edit of a word diff: op is replace, delete or insert ("from" is a Python keyword, hence this form).
WordEdit = TypedDict("WordEdit", {"op": str, "from": str, "to": str})


class PartSpan(TypedDict):
    start: int
    end: int


class QuoteVariant(TypedDict):
    """One outlet's wording of a statement."""

    article: str
    text: str
    start: int
    end: int
    source: str
    direct: bool
    parts: list[PartSpan]  # a quotation split around its cue is several parts
    venue: str | None
    language: str
    # edits from the first variant's words; empty for the first, across languages, and for a variant in
    # words of its own (wording.shares_most_words: a translation, a paraphrase), which reads as itself
    diff: list[WordEdit]


class QuoteRecord(TypedDict):
    """One statement across outlets: who said it, the first wording, and every outlet's."""

    speaker: str | None
    # where speaker is None, the source the first variant that gives one gives without a name ("a campaign aide")
    unnamed_source: str | None
    text: str
    sources: list[str]
    direct: bool
    variants: list[QuoteVariant]
    republished_by: list[str]


class ValueRecord(TypedDict):
    """One voice's value in a conflict or an update, with the sentences that give it."""

    source: str
    value: str
    normalized: str
    voice: str
    article: str
    evidence: list[EvidenceSpan]
    published: NotRequired[str | None]  # updates only: the day of the report


class ConflictRecord(TypedDict):
    about: str  # a ConflictKind value
    subject: str
    values: list[ValueRecord]
    minor: bool


class UpdateRecord(TypedDict):
    """A count that changed between reports of different days, earliest first."""

    about: str
    subject: str
    values: list[ValueRecord]


class ProgressionValue(ValueRecord):
    """One report's value in a storyline's progression: a ValueRecord with its day and its story."""

    story: str


class ProgressionRecord(TypedDict):
    """A count or state that changed across a storyline's stories, earliest report first
    (storyline.progressions)."""

    about: str  # a ConflictKind value
    subject: str
    values: list[ProgressionValue]


class ClaimRecord(TypedDict):
    id: str
    text: str
    status: ClaimStatus
    sources: list[str]
    evidence: list[EvidenceSpan]
    conflict: ConflictRecord | None
    independent: int
    republished_by: list[str]
    quoted: bool
    dates: list[str]
    centrality: float
    disputed: NotRequired[bool]  # the sentence it shows states a value another outlet contests
    changed: NotRequired[bool]  # the sentence it shows gives one step of an update
    update: NotRequired[UpdateRecord]


class SummaryLine(TypedDict):
    text: str
    sources: list[str]
    evidence: list[EvidenceSpan]
    status: ClaimStatus
    claim: str  # the id of the claim it states


class TimelineEntry(TypedDict):
    date: str
    granularity: str
    text: str
    sources: list[str]
    evidence: list[EvidenceSpan]
    reported: bool  # placed on its report's day, not on a date its text gives
    story: NotRequired[str]  # in a storyline's merged timeline: the story it comes from


class Brief(TypedDict):
    """One story as a reader sees it: `show --json`."""

    id: str
    title: str
    title_generated: bool
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]
    independent_reports: int
    articles: list[ArticleEntry]
    entities: list[EntityEntry]
    quotes: list[QuoteRecord]
    claims: list[ClaimRecord]
    timeline: list[TimelineEntry]
    summary: list[SummaryLine]
    # Only where the story holds more articles than a brief reads (briefing.BRIEF_MEMBERS): how many of
    # its newest articles the entities, quotes, claims, timeline and summary were made from.
    brief_from: NotRequired[int]


class StorylineStory(TypedDict):
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]


class Storyline(TypedDict):
    """A thread of linked stories about one developing topic: `storyline --json`."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    stories: list[StorylineStory]
    timeline: list[TimelineEntry]  # every story's entries, each with its story's id
    # one storyline shown (`storyline ID --json`, /api/storylines/{id}): what changed across its stories
    progressions: NotRequired[list[ProgressionRecord] | None]  # None: not yet computed for its stories as they are
