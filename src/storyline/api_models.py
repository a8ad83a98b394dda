"""The shapes of the JSON API, as pydantic models: FastAPI documents every response with them in the
OpenAPI schema (/api/openapi.json) and the docs page (/api/docs). Records allow extra fields, as the
CLI contract does; lists come in one envelope, `{items, total, limit, offset}`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from storyline.safety import http_url
from storyline.web.filters import day_text


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(_Open):
    article: str
    start: int
    end: int


class ArticleRef(_Open):
    id: str
    external_id: str | None = None
    source: str
    title: str | None
    title_generated: bool = Field(False, description="the input gave no headline: this one is made from the lead")
    published: str | None
    url: str | None
    language: str | None = None
    duplicate_of: str | None = Field(None, description="the article this one is a near-copy of, if any")


class EntityOut(_Open):
    name: str
    type: str
    aliases: list[str]
    mentions: int | None = None


class Variant(_Open):
    article: str
    text: str


class QuoteOut(_Open):
    speaker: str | None
    unnamed_source: str | None = Field(None, description="where speaker is null, the source the article gives "
                                       "without naming anyone (\"a campaign aide\"); null where it gives none")
    text: str
    sources: list[str]
    variants: list[Variant]
    direct: bool | None = None


class ConflictValue(_Open):
    source: str
    value: str
    evidence: list[Span] = []


class Conflict(_Open):
    about: str
    values: list[ConflictValue]


class ClaimOut(_Open):
    text: str
    status: str = Field(description="corroborated | single | conflict")
    sources: list[str]
    evidence: list[Span]
    conflict: Conflict | None = None


class TimelineOut(_Open):
    date: str
    text: str
    sources: list[str]
    evidence: list[Span] = []


class SummaryOut(_Open):
    text: str
    sources: list[str]
    evidence: list[Span] = []


class Brief(_Open):
    """A story's brief: exactly what `storyline show ID --json` prints."""

    id: str
    title: str
    title_generated: bool = Field(False, description="the title is a headline made from an article's lead")
    first_seen: str | None
    last_seen: str | None
    outlets: list[str] = []
    independent_reports: int = 0
    articles: list[ArticleRef]
    entities: list[EntityOut]
    quotes: list[QuoteOut]
    claims: list[ClaimOut]
    timeline: list[TimelineOut]
    summary: list[SummaryOut]
    brief_from: int | None = Field(None, description="only where the story holds more articles than a brief "
                                   "reads: how many of its newest articles the brief was made from")


class Paged(_Open):
    """The envelope of every list: a page of `items`, how many there are in all, and where the page
    starts. A `Link` header (rel="next", rel="prev") gives the neighbouring pages when there are any."""

    total: int = Field(description="items matching the request, on every page together")
    limit: int = Field(description="the most items this page holds")
    offset: int = Field(description="items skipped before this page")


class TopConflict(_Open):
    text: str = Field(description="the claim outlets disagree about")
    about: str | None = Field(description="what they disagree on: venue, number, date, person, quote…")
    sources: list[str]
    values: list[ConflictValue] = Field(description="each outlet's version (evidence at /api/stories/{id})")


class StorySummary(_Open):
    """A story in a list: what it is, when, how widely reported; the brief is at /api/stories/{id}."""

    id: str
    title: str
    title_generated: bool = Field(False, description="the title is a headline made from an article's lead")
    first_seen: str | None
    last_seen: str | None
    article_count: int
    outlet_count: int
    outlets: list[str]
    independent_reports: int = Field(description="reports once near-copies count as one voice")
    claim_count: int
    conflict_count: int
    quote_count: int
    lead: str | None = Field(description="the first line of the story's summary, if it has one")
    top_conflict: TopConflict | None = Field(description="the conflict most outlets are part of, if any")


class StoryList(Paged):
    items: list[StorySummary]


class StoryRef(_Open):
    id: str
    title: str
    outlets: list[str]
    article_count: int
    sections: list[str] = Field([], description="the sections the story page has: conflicts, claims, quotes…")


class TextSpan(_Open):
    kind: str = Field(description="claim | conflict | quote | timeline | entity")
    start: int
    end: int
    label: str


class ArticleText(ArticleRef):
    text: str


class ArticleEntity(_Open):
    name: str
    type: str
    mentions: int


class ArticlePage(_Open):
    article: ArticleText
    story: StoryRef | None
    spans: list[TextSpan] = Field(description="annotated character spans of the text, in text order")
    entities: list[ArticleEntity]
    claims: list[TextSpan]
    quotes: list[TextSpan]


class EntityRecord(_Open):
    name: str
    type: str | None
    aliases: list[str]
    mentions: int
    forms: list[str] = Field(description="every spelling its mentions are found by")


class DayCount(_Open):
    date: str | None = Field(description="the day (undated articles: null, last)")
    mentions: int
    article_count: int
    outlet_count: int


class Mention(_Open):
    article: str
    source: str
    title: str | None
    published: str | None
    story_id: str | None
    start: int
    end: int
    before: str
    text: str
    after: str


class EntityQuote(_Open):
    text: str
    direct: bool | None
    article: str
    source: str
    published: str | None
    story_id: str | None
    start: int | None
    end: int | None


class EntityStory(_Open):
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    mentions: int


class EntityPage(_Open):
    entity: EntityRecord
    by_day: list[DayCount] = Field(description="mentions, articles and outlets per day")
    latest_mentions: list[Mention] = Field(description="the latest mentions, newest first, with the text around them")
    quotes: list[EntityQuote]
    stories: list[EntityStory]


class Piece(BaseModel):
    text: str
    match: bool


class SearchHit(_Open):
    id: str
    source: str
    title: str | None
    published: str | None
    url: str | None
    story_id: str | None
    story_title: str | None
    snippet: str
    title_segments: list[Piece]
    snippet_segments: list[Piece] = Field(description="the snippet in pieces; `match` marks the words searched for")


class SearchResults(Paged):
    query: str
    items: list[SearchHit] = Field(description="articles matching every word, best first")


class StorylineStory(_Open):
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]


class StorylineEntry(TimelineOut):
    story: str = Field(description="the story the entry comes from")


class ProgressionValue(ConflictValue):
    published: str | None = Field(description="the day of the report (ISO)")
    story: str = Field(description="the story of the storyline the report stands in")


class Progression(_Open):
    about: str = Field(description="what kind of thing changed: number, state, date, place…")
    subject: str
    values: list[ProgressionValue] = Field(description="each report's value, earliest first")


class Storyline(_Open):
    """A thread of linked stories: its stories oldest first, what changed across them and one merged
    timeline (as `storyline storyline ID --json` prints it)."""

    id: str
    title: str = Field(description="its latest story's title")
    first_seen: str | None
    last_seen: str | None
    stories: list[StorylineStory]
    timeline: list[StorylineEntry]
    progressions: list[Progression] | None = Field(
        [], description="each count or state that changed across its stories, as a dated progression; null "
                        "where not yet computed for its stories as they now are (an ingest run changing them "
                        "makes them as it ends, and so does `storyline check --repair`)")


class StorylineSummary(_Open):
    id: str
    title: str = Field(description="its latest story's title")
    first_seen: str | None
    last_seen: str | None
    story_count: int
    outlet_count: int
    timeline_count: int = Field(description="entries of its merged timeline, at /api/storylines/{id}")
    stories: list[StorylineStory]


class StorylineList(Paged):
    items: list[StorylineSummary]


class FeedOut(_Open):
    """A subscribed feed as `storyline sources` shows it; times are ISO 8601, UTC."""

    url: str
    source: str | None = Field(description="the outlet name it was given (else its articles take its title)")
    title: str | None
    last_success: str | None
    last_error: str | None
    failures: int = Field(description="failed polls in a row")
    next_poll: str | None


class OutletDescription(_Open):
    """What the user's file (`storyline sources import`) says of an outlet; labels are the user's own keys."""

    homepage: str | None
    country: str | None
    language: str | None
    owner: str | None
    labels: dict[str, str] = Field(description="the user's labels, e.g. {\"lean\": \"left\"}")


class OutletStats(_Open):
    source: str
    article_count: int
    story_count: int
    first_seen: str | None
    last_seen: str | None
    copy_count: int = Field(description="articles that are near-copies of another report")
    claim_count: int = Field(description="claims the outlet's articles support")
    single_claim_count: int = Field(description="claims this outlet alone reports (status single)")
    conflict_count: int = Field(description="claims in conflict that this outlet is part of")
    feeds: list[FeedOut] = Field(description="the feeds its articles come from, with their state")
    description: OutletDescription | None = Field(description="what `storyline sources import` said of it; null when nothing")


class OutletList(Paged):
    items: list[OutletStats]


class CoverageShare(_Open):
    value: str | None = Field(description="the label's value (or country); null for outlets the file does not describe")
    count: int
    outlets: list[str]


class CoverageBar(_Open):
    key: str = Field(description="a label key of the user's file, or \"country\"")
    parts: list[CoverageShare]
    total: int = Field(description="the story's outlets")


class StoryCoverage(_Open):
    """Who reports a story, counted by what the user's outlet file says of each, and who does not."""

    story: str
    bars: list[CoverageBar]
    not_covered: list[str] = Field(description="outlets that published within the story's window and have no article in it")
    window: list[str] | None = Field(description="[first day, last day]: the story's days and 3 days either side; null when undated")
    described: int = Field(description="the story's outlets the user's file describes")


class BlindspotStory(_Open):
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]


class MissingOutlet(_Open):
    name: str
    value: str | None


class Blindspot(_Open):
    """A story every outlet of which has one value of a label, while outlets of another value were publishing."""

    story: BlindspotStory
    key: str
    value: str
    missing: list[MissingOutlet] = Field(description="outlets of the label's other values active that week that did not report it")


class BlindspotList(Paged):
    items: list[Blindspot]


class ArticleIn(BaseModel):
    """One article to ingest; the same fields as a JSON input file."""

    model_config = ConfigDict(extra="forbid")
    # The patterns tell the schema's readers what the validators below enforce, in their own words.
    text: str = Field(min_length=1, json_schema_extra={"pattern": r"\S"},
                      description="the article's body, plain text (not only spaces)")
    title: str | None = None
    date: str | None = Field(None, description="ISO 8601 or RFC 2822")
    source: str | None = Field(None, description="the outlet's name (default: api)")
    url: str | None = Field(None, json_schema_extra={"pattern": r"^\s*[hH][tT][tT][pP][sS]?://"},
                            description="http(s) URL of the original")
    # an integer id is taken as its digits (a JSON file's numeric ids), so the schema says both
    id: str | None = Field(None, description="your own id for the article (kept as external_id)",
                           json_schema_extra={"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]})
    language: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("text")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and http_url(value) is None:
            raise ValueError("url must be an http:// or https:// address, without spaces or control characters")
        return value


class Rejected(BaseModel):
    origin: str
    message: str


class IngestResult(BaseModel):
    ingested: int
    updated: int
    duplicates: int
    rejected: list[Rejected]
    new_stories: int
    story_count: int = Field(description="live stories in the database after this ingest")
    articles: list[str | None] = Field(description="the stored id of each posted article, in order")


class Issue(BaseModel):
    loc: list[str | int] = Field(description="where: ['query', 'since'], ['body', 0, 'text'] …")
    msg: str
    type: str


class Problem(BaseModel):
    detail: str | list[Issue] = Field(description="what is wrong, in a sentence; for a request that does not "
                                                  "validate, each problem and where it is")


ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "not found"}}


def _iso_day(value: Any) -> Any:
    """A day only as YYYY-MM-DD, as the schema says (format: date): pydantic alone would also take a
    number for a Unix timestamp. The pages check their filters with the same rule (web.filters)."""
    return day_text(value) if isinstance(value, str) else value


IsoDay = Annotated[date | None, BeforeValidator(_iso_day)]

_ARTICLE_SCHEMA = ArticleIn.model_json_schema()
_ARTICLE_SCHEMA.pop("title", None)
INGEST_BODY = {"required": True, "content": {"application/json": {"schema": {
    "anyOf": [{"type": "array", "items": _ARTICLE_SCHEMA, "minItems": 1}, _ARTICLE_SCHEMA],
    "description": "one article, or an array of them"}}}}
