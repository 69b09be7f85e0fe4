"""Pydantic models of what the API takes and gives: they document /openapi.json and shape every response.

Response models allow extra keys: the query layer (kronika.store.queries) may add fields, and the API passes them on
rather than hiding them; the fields named here are the ones clients can rely on.
"""
from __future__ import annotations

from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

MAX_ANALYZE_CHARS = 200_000      # POST /api/analyze: longer texts get 413
MAX_INGEST_RECORDS = 1_000       # POST /api/ingest: more records in one request get 413

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` rows match the filters; `items` are rows offset .. offset+limit."""

    total: int
    limit: int
    offset: int
    items: list[T]


class Span(Open):
    start: Optional[int] = None
    end: Optional[int] = None
    text: Optional[str] = None


class Mention(Span):
    sector: Optional[str] = None


class ArticleActor(Open):
    code: str
    name: Optional[str] = None
    mentions: Optional[int] = None
    spans: list[Mention] = []


class Entity(Span):
    lemma: Optional[str] = None
    label: Optional[str] = None
    actor: Optional[str] = None


class Source(Open):
    name: str
    mentions: list[Span] = []


class Quote(Span):
    article_id: Optional[str] = None
    kind: Optional[str] = None
    speaker: Optional[str] = None
    speaker_actor: Optional[str] = None
    speaker_span: Optional[list[Optional[int]]] = None
    cue: Optional[str] = None


class Party(Span):
    actor: Optional[str] = None
    sector: Optional[str] = None


class Event(Open):
    event_id: Optional[str] = None
    article_id: Optional[str] = None
    event_date: Optional[str] = None
    type: str
    modality: Optional[str] = None
    source: Optional[Party] = None
    target: Optional[Party] = None
    start: Optional[int] = None
    end: Optional[int] = None
    evidence: Optional[str] = None
    cameo: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[str] = None


class ArticleSummary(Open):
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_date: Optional[str] = None
    language: Optional[str] = None
    actors: list[str] = []
    events: int = 0
    quotes: int = 0


class Article(ArticleSummary):
    """An article with its text and every annotation; spans index `text` (Unicode code points)."""

    text: str
    actors: list[ArticleActor] = []          # type: ignore[assignment]
    entities: list[Entity] = []
    sources: list[Source] = []
    quotes: list[Quote] = []                 # type: ignore[assignment]
    events: list[Event] = []                 # type: ignore[assignment]


class ActorStats(Open):
    code: str
    name: Optional[str] = None
    articles: int = 0
    mentions: int = 0
    events_as_source: int = 0
    events_as_target: int = 0


class ActorDetail(ActorStats):
    partners: list[dict] = []
    types: list[dict] = []
    sectors: list[dict] = []


class RelationExample(Open):
    article_id: str
    start: Optional[int] = None
    end: Optional[int] = None
    evidence: Optional[str] = None
    type: Optional[str] = None
    direction: Optional[str] = None
    source: Optional[str] = None
    target: Optional[str] = None


class RelationRow(Open):
    period: str
    period_start: Optional[str] = None
    events: int
    a_to_b: int
    b_to_a: int
    types: dict[str, int] = {}
    score: Optional[float] = None
    quad_score: Optional[float] = None
    examples: list[RelationExample] = []


class Relations(BaseModel):
    a: str
    b: str
    by: str
    score_note: str
    rows: list[RelationRow]


class AnalyzeRequest(BaseModel):
    """A text to analyse (nothing is stored). `lang`: auto, pl or en."""

    text: str = Field(..., description=f"the article, at most {MAX_ANALYZE_CHARS:,} characters (longer: 413)")
    lang: str = Field("auto", max_length=20, description="auto | pl | en")
    id: Optional[str] = Field(None, max_length=2000)
    title: Optional[str] = Field(None, max_length=2000)
    url: Optional[str] = Field(None, max_length=4000)
    published: Optional[str] = Field(None, max_length=100)


class AnalyzeResult(Open):
    """The output record (shared contract: actors, entities, sources, quotes, events) plus the analysed `text`."""

    id: Optional[str] = None
    language: Optional[str] = None
    text: str
    actors: list[ArticleActor] = []
    entities: list[Entity] = []
    sources: list[Source] = []
    quotes: list[Quote] = []
    events: list[Event] = []


class InputRecord(BaseModel):
    id: str = Field(..., min_length=1, max_length=2000)
    text: str = Field(..., description=f"at most {MAX_ANALYZE_CHARS:,} characters")
    title: Optional[str] = Field(None, max_length=2000)
    url: Optional[str] = Field(None, max_length=4000)
    published: Optional[str] = Field(None, max_length=100)
    authors: list[str] = []


class IngestRequest(BaseModel):
    records: list[InputRecord] = Field(..., description=f"at most {MAX_INGEST_RECORDS:,} records")
    lang: str = Field("auto", max_length=20)


class Problem(BaseModel):
    id: str
    message: str


class IngestResult(Open):
    added: int = 0
    new_versions: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[Problem] = []


class ErrorBody(BaseModel):
    """Every 4xx answer: `detail` is one readable line."""

    detail: str
    errors: Optional[list[dict]] = None
