"""Read-only endpoints: articles, events, quotes, actors and relations, straight from kronika.store.queries.

Each request reads through a cursor of its own (the query layer opens one per call), so requests served on different
threads never share a DuckDB connection. Bad arguments raise QueryError, which the app turns into a 422.
"""
from __future__ import annotations

from typing import Literal, Optional

from fastapi import APIRouter, HTTPException, Path, Query, Request

from kronika.api.models import ActorDetail, ActorStats, Article, ArticleSummary, ErrorBody, Event, Page, Quote, Relations
from kronika.store import queries

router = APIRouter(prefix="/api", responses={422: {"model": ErrorBody, "description": "a bad parameter"}})

MAX_PAGE = 1000
MAX_OFFSET = 10_000_000
SCORE_NOTE = ("score: mean Goldstein value of the period's events, from -10 (conflict) to +10 (cooperation); "
              "quad_score: PLOVER quad-class balance, -1 .. +1")


def _store(request: Request):
    return request.app.state.stores.get()


def _limit(default: int):
    return Query(default, ge=1, le=MAX_PAGE, description=f"rows per page (1 .. {MAX_PAGE})")


OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="rows to skip")
DATE = "YYYY-MM-DD (or YYYY-MM, YYYY)"


def _page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles", response_model=Page[ArticleSummary], summary="Search and list articles")
def list_articles(request: Request,
                  q: Optional[str] = Query(None, max_length=500, description="text in the title or body"),
                  actor: Optional[str] = Query(None, max_length=40, description="an actor code, e.g. RUS"),
                  since: Optional[str] = Query(None, max_length=40, description=f"published on or after, {DATE}"),
                  until: Optional[str] = Query(None, max_length=40, description=f"published on or before, {DATE}"),
                  limit: int = _limit(50), offset: int = OFFSET) -> dict:
    """Current versions of the stored articles, newest first, with their actor codes and counts (no text)."""
    f = dict(q=q, actor=actor, since=since, until=until)
    st = _store(request)
    return _page(queries.articles(st, limit=limit, offset=offset, **f), queries.count(st, "articles", **f),
                 limit, offset)


@router.get("/articles/{article_id:path}", response_model=Article, summary="One article with its annotations",
            responses={404: {"model": ErrorBody}})
def get_article(request: Request, article_id: str = Path(..., max_length=2000)) -> dict:
    """The article's text with its actors (and every mention span), entities, quotes, cited media and events."""
    art = queries.article(_store(request), article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id[:200]!r}")
    return art


@router.get("/events", response_model=Page[Event], summary="Events, filtered")
def list_events(request: Request,
                actor: Optional[str] = Query(None, max_length=40, description="actor code on either side"),
                source: Optional[str] = Query(None, max_length=40, description="source actor code"),
                target: Optional[str] = Query(None, max_length=40, description="target actor code"),
                type_: Optional[str] = Query(None, alias="type", max_length=300,
                                             description="PLOVER type(s), comma-separated, e.g. SANCTION,COERCE"),
                modality: Optional[str] = Query(None, max_length=100,
                                                description="asserted | future | historical | hypothetical | negated "
                                                            "(comma-separated)"),
                since: Optional[str] = Query(None, max_length=40, description=f"event date on or after, {DATE}"),
                until: Optional[str] = Query(None, max_length=40, description=f"event date on or before, {DATE}"),
                text: Optional[str] = Query(None, max_length=500, description="text in the evidence sentence"),
                limit: int = _limit(100), offset: int = OFFSET) -> dict:
    """Events of current articles, newest first; each with its evidence span and article id."""
    f = dict(actor=actor, source=source, target=target, type=type_, modality=modality, since=since, until=until,
             text=text)
    st = _store(request)
    return _page(queries.events(st, limit=limit, offset=offset, **f), queries.count(st, "events", **f),
                 limit, offset)


@router.get("/quotes", response_model=Page[Quote], summary="Quotes, filtered")
def list_quotes(request: Request,
                speaker: Optional[str] = Query(None, max_length=500, description="part of the speaker's name"),
                actor: Optional[str] = Query(None, max_length=40, description="the speaker's actor code"),
                outlet: Optional[str] = Query(None, max_length=500,
                                              description="the article's URL or a medium it cites"),
                text: Optional[str] = Query(None, max_length=500, description="text in the quote"),
                limit: int = _limit(100), offset: int = OFFSET) -> dict:
    """Quotes of current articles, newest first, with their speakers and article ids."""
    f = dict(speaker=speaker, actor=actor, outlet=outlet, text=text)
    st = _store(request)
    return _page(queries.quotes(st, limit=limit, offset=offset, **f), queries.count(st, "quotes", **f),
                 limit, offset)


@router.get("/actors", response_model=Page[ActorStats], summary="Actors, most mentioned first")
def list_actors(request: Request,
                q: Optional[str] = Query(None, max_length=500, description="part of the code or name"),
                limit: int = _limit(100), offset: int = OFFSET) -> dict:
    """Every actor of the current articles: articles, mentions, events as source and as target."""
    st = _store(request)
    return _page(queries.actors(st, limit=limit, offset=offset, q=q), queries.count(st, "actors", q=q),
                 limit, offset)


@router.get("/actors/{code}", response_model=ActorDetail, summary="One actor",
            responses={404: {"model": ErrorBody}})
def get_actor(request: Request, code: str = Path(..., max_length=40)) -> dict:
    """An actor's counts, the actors it deals with (partners), its event types by direction and its sectors."""
    out = queries.actor(_store(request), code)
    if out is None:
        raise HTTPException(404, f"no actor {code[:40]!r} in the store")
    return out


@router.get("/relations", response_model=Relations, summary="How the relation between two actors moved")
def get_relations(request: Request,
                  a: str = Query(..., min_length=1, max_length=40, description="actor code, e.g. RUS"),
                  b: str = Query(..., min_length=1, max_length=40, description="actor code, e.g. UKR"),
                  by: Literal["day", "week", "month", "year"] = Query("month", description="period"),
                  since: Optional[str] = Query(None, max_length=40, description=f"from, {DATE}"),
                  until: Optional[str] = Query(None, max_length=40, description=f"to, {DATE}"),
                  modality: Optional[str] = Query(None, max_length=100,
                                                  description="modalities counted (comma-separated; default "
                                                              "asserted,future,historical)")) -> dict:
    """Per period: events each way and per PLOVER type, a cooperation–conflict score, example evidence sentences."""
    kw = {"modalities": modality} if modality else {}
    rows = queries.relations(_store(request), a, b, by=by, since=since, until=until, **kw)
    a_up, b_up = a.strip().upper(), b.strip().upper()
    for row in rows:
        for ex in row.get("examples", []):
            forward = ex.get("direction") == "a_to_b"
            ex.setdefault("source", a_up if forward else b_up)
            ex.setdefault("target", b_up if forward else a_up)
    return {"a": a_up, "b": b_up, "by": by, "score_note": SCORE_NOTE, "rows": rows}
