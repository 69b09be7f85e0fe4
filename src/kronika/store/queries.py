"""Questions analysts ask of the store, as plain JSON-ready dicts and lists (the CLI and the API both call these).

Every function takes an open DuckDB connection or a Store, reads only the current version of each article, and
raises QueryError (a ValueError) for bad arguments. Lists are paginated with limit/offset; `count(...)` gives totals.
Text filters match case-insensitively anywhere in the text (no wildcards: '%' and '_' are literal).
"""
from __future__ import annotations

from typing import Any

from kronika.store.relations import relations  # noqa: F401  (part of this module's API)
from kronika.store.sqlparts import (QueryError, Where, actor_arg, connection, date_arg, fetch, modality_arg,
                                    page_args, text_arg, type_arg)

__all__ = ["QueryError", "articles", "article", "events", "quotes", "actors", "actor", "relations", "count",
           "count_articles", "count_events", "count_quotes", "count_actors"]

ARTICLE = "JOIN articles a ON a.id = {t}.article_id AND a.version = {t}.version"
EVENT_COLS = ("e.event_id, e.article_id, e.version, e.event_no, e.event_date, e.date_from, e.type, e.mode, "
              "e.modality, e.confidence, e.cameo, e.goldstein, e.quad_class, e.source_actor, e.source_sector, "
              "e.source_text, e.source_start, e.source_end, e.target_actor, e.target_sector, e.target_text, "
              "e.target_start, e.target_end, e.start_char, e.end_char, e.evidence")


# -- articles ---------------------------------------------------------------------------------------------------------
def _articles_where(q=None, actor=None, since=None, until=None) -> Where:
    w = Where("a.current")
    if (q := text_arg(q, "q")) is not None:
        w.add("contains(lower(coalesce(a.title, '')), lower(?)) OR contains(lower(a.text), lower(?))", q, q)
    if (actor := actor_arg(actor)) is not None:
        w.add("a.id IN (SELECT x.article_id FROM actors x WHERE x.current AND x.code = ?)", actor)
    if (since := date_arg(since, "since")) is not None:
        w.add("a.published_date >= ?", since)
    if (until := date_arg(until, "until")) is not None:
        w.add("a.published_date <= ?", until)
    return w


def articles(con: Any, q: str | None = None, actor: str | None = None, since: str | None = None,
             until: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Current articles, newest first: metadata, their actor codes and counts of events and quotes (no text)."""
    limit, offset = page_args(limit, offset)
    w = _articles_where(q, actor, since, until)
    return fetch(connection(con), f"""
        SELECT a.id, a.version, a.title, a.url, a.published, a.published_date, a.language, a.authors,
               coalesce(a.actor_codes, []) AS actors, a.n_events AS events, a.n_quotes AS quotes
        FROM articles a WHERE {w.sql}
        ORDER BY a.published_date DESC NULLS LAST, a.id LIMIT ? OFFSET ?""", w.params + [limit, offset])


def article(con: Any, article_id: str, version: int | None = None) -> dict | None:
    """One article (its current version unless asked) with its text and every annotation, or None."""
    article_id = text_arg(article_id, "article id", max_len=2000)
    if article_id is None:
        raise QueryError("article id is empty")
    cur = connection(con)
    cond, params = ("a.current", [article_id]) if version is None else ("a.version = ?", [article_id, int(version)])
    rows = fetch(cur, f"""SELECT a.id, a.version, a.content_hash, a.url, a.title, a.authors, a.published,
                          a.published_date, a.language, a.text, a.ingested_at FROM articles a
                          WHERE a.id = ? AND {cond}""", params)
    if not rows:
        return None
    art = rows[0]
    key = [article_id, art["version"]]
    art["versions"] = fetch(cur, "SELECT version, content_hash, ingested_at, current FROM articles WHERE id = ? "
                                 "ORDER BY version", [article_id])
    art["actors"] = fetch(cur, """
        SELECT x.code, x.name, x.mentions,
               coalesce((SELECT list({'start': m.start_char, 'end': m.end_char, 'text': m.text, 'sector': m.sector}
                                     ORDER BY m.start_char)
                         FROM actor_mentions m WHERE m.article_id = x.article_id AND m.version = x.version
                           AND m.code = x.code), []) AS spans
        FROM actors x WHERE x.article_id = ? AND x.version = ? ORDER BY x.mentions DESC, x.code""", key)
    art["entities"] = fetch(cur, """SELECT start_char AS start, end_char AS "end", text, lemma, label, actor
                                    FROM entities WHERE article_id = ? AND version = ? ORDER BY start_char""", key)
    art["sources"] = fetch(cur, """
        SELECT name, list({'start': start_char, 'end': end_char, 'text': text} ORDER BY start_char)
                     FILTER (WHERE start_char IS NOT NULL) AS mentions
        FROM sources WHERE article_id = ? AND version = ? GROUP BY name ORDER BY min(start_char), name""", key)
    for s in art["sources"]:
        s["mentions"] = s["mentions"] or []
    art["quotes"] = [_quote(r) for r in fetch(cur, """
        SELECT * FROM quotes WHERE article_id = ? AND version = ? ORDER BY quote_no""", key)]
    art["events"] = [_event(r) for r in fetch(cur, f"""
        SELECT {EVENT_COLS} FROM events e WHERE e.article_id = ? AND e.version = ? ORDER BY e.event_no""", key)]
    return art


# -- events -----------------------------------------------------------------------------------------------------------
def _events_where(actor=None, source=None, target=None, type=None, modality=None, since=None, until=None,
                  text=None, article_id=None) -> Where:
    w = Where("e.current")
    if (actor := actor_arg(actor)) is not None:
        w.add("e.source_actor = ? OR e.target_actor = ?", actor, actor)
    if (source := actor_arg(source, "source")) is not None:
        w.add("e.source_actor = ?", source)
    if (target := actor_arg(target, "target")) is not None:
        w.add("e.target_actor = ?", target)
    if (types := type_arg(type)) is not None:
        w.add("list_contains(?, e.type)", types)
    if (mods := modality_arg(modality)) is not None:
        w.add("list_contains(?, e.modality)", mods)
    if (since := date_arg(since, "since")) is not None:
        w.add("e.event_date >= ?", since)
    if (until := date_arg(until, "until")) is not None:
        w.add("e.event_date <= ?", until)
    if (text := text_arg(text, "text")) is not None:
        w.add("contains(lower(coalesce(e.evidence, '')), lower(?))", text)
    if (article_id := text_arg(article_id, "article id", 2000)) is not None:
        w.add("e.article_id = ?", article_id)
    return w


def _arg(r: dict, side: str) -> dict | None:
    if r[f"{side}_actor"] is None and r[f"{side}_text"] is None:
        return None
    return {k: r.pop(f"{side}_{k}") for k in ("actor", "sector", "text", "start", "end")}


def _event(r: dict) -> dict:
    """A flat events row -> the output contract's shape (source/target objects, start/end) plus its keys."""
    src, tgt = _arg(r, "source"), _arg(r, "target")
    for side in ("source", "target"):
        for k in ("actor", "sector", "text", "start", "end"):
            r.pop(f"{side}_{k}", None)
    r["source"], r["target"] = src, tgt
    r["start"], r["end"] = r.pop("start_char"), r.pop("end_char")
    return r


def _quote(r: dict) -> dict:
    s, e = r.pop("speaker_start"), r.pop("speaker_end")
    r["speaker_span"] = [s, e] if s is not None else None
    r["start"], r["end"] = r.pop("start_char"), r.pop("end_char")
    return r


def events(con: Any, actor: str | None = None, source: str | None = None, target: str | None = None,
           type: str | list[str] | None = None, modality: str | list[str] | None = None, since: str | None = None,
           until: str | None = None, text: str | None = None, limit: int = 100, offset: int = 0,
           article_id: str | None = None) -> list[dict]:
    """Events of current articles, newest first, with their article's title and URL. `actor` is either side."""
    limit, offset = page_args(limit, offset)
    w = _events_where(actor, source, target, type, modality, since, until, text, article_id)
    order = "event_date DESC NULLS LAST, article_id, event_no"
    sql = f"""SELECT e.*, a.title, a.url FROM (SELECT {EVENT_COLS} FROM events e WHERE {w.sql}
                                                ORDER BY {order} LIMIT ? OFFSET ?) e {ARTICLE.format(t='e')}
              ORDER BY {order}"""
    return [_event(r) for r in fetch(connection(con), sql, w.params + [limit, offset])]


# -- quotes -----------------------------------------------------------------------------------------------------------
def _quotes_where(speaker=None, actor=None, outlet=None, text=None) -> Where:
    w = Where("u.current")
    if (speaker := text_arg(speaker, "speaker")) is not None:
        w.add("contains(lower(coalesce(u.speaker, '')), lower(?))", speaker)
    if (actor := actor_arg(actor)) is not None:
        w.add("u.speaker_actor = ?", actor)
    if (outlet := text_arg(outlet, "outlet")) is not None:
        # the article's own URL (its outlet's domain) or a medium the article cites
        w.add("contains(lower(coalesce(a.url, '')), lower(?)) OR EXISTS (SELECT 1 FROM sources s WHERE "
              "s.article_id = u.article_id AND s.version = u.version AND contains(lower(s.name), lower(?)))",
              outlet, outlet)
    if (text := text_arg(text, "text")) is not None:
        w.add("contains(lower(coalesce(u.text, '')), lower(?))", text)
    return w


def quotes(con: Any, speaker: str | None = None, actor: str | None = None, outlet: str | None = None,
           text: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Quotes of current articles, newest first. `speaker` matches part of the name; `actor` the speaker's code;
    `outlet` the article's URL or a medium it cites."""
    limit, offset = page_args(limit, offset)
    w = _quotes_where(speaker, actor, outlet, text)
    sql = f"""SELECT u.*, a.title, a.url, a.published_date FROM quotes u {ARTICLE.format(t='u')} WHERE {w.sql}
              ORDER BY a.published_date DESC NULLS LAST, u.article_id, u.quote_no LIMIT ? OFFSET ?"""
    return [_quote(r) for r in fetch(connection(con), sql, w.params + [limit, offset])]


# -- actors -----------------------------------------------------------------------------------------------------------
ACTOR_STATS = """
    WITH m AS (SELECT x.code, mode(x.name) AS name, count(DISTINCT x.article_id) AS articles,
                      sum(x.mentions) AS mentions
               FROM actors x WHERE x.current GROUP BY x.code),
         s AS (SELECT e.source_actor AS code, count(*) AS n FROM events e
               WHERE e.current AND e.source_actor IS NOT NULL GROUP BY 1),
         t AS (SELECT e.target_actor AS code, count(*) AS n FROM events e
               WHERE e.current AND e.target_actor IS NOT NULL GROUP BY 1)
    SELECT coalesce(m.code, s.code, t.code) AS code, m.name, coalesce(m.articles, 0) AS articles,
           coalesce(m.mentions, 0)::BIGINT AS mentions, coalesce(s.n, 0) AS events_as_source,
           coalesce(t.n, 0) AS events_as_target
    FROM m FULL JOIN s ON s.code = m.code FULL JOIN t ON t.code = coalesce(m.code, s.code)"""


def actors(con: Any, limit: int = 100, offset: int = 0, q: str | None = None) -> list[dict]:
    """Every actor in current articles, most mentioned first: articles, mentions, events as source and as target.
    `q` keeps codes or names containing it."""
    limit, offset = page_args(limit, offset)
    w = _actors_where(q)
    sql = f"""SELECT * FROM ({ACTOR_STATS}) WHERE {w.sql}
              ORDER BY mentions DESC, events_as_source + events_as_target DESC, code LIMIT ? OFFSET ?"""
    return fetch(connection(con), sql, w.params + [limit, offset])


def _actors_where(q=None) -> Where:
    w = Where()
    if (q := text_arg(q, "q")) is not None:
        w.add("contains(lower(code), lower(?)) OR contains(lower(coalesce(name, '')), lower(?))", q, q)
    return w


def actor(con: Any, code: str) -> dict | None:
    """One actor: its counts, the actors it acts on or is acted on by, and its event types by direction."""
    code = actor_arg(code, "actor code")
    if code is None:
        raise QueryError("actor code is empty")
    cur = connection(con)
    rows = fetch(cur, f"SELECT * FROM ({ACTOR_STATS}) WHERE code = ?", [code])
    if not rows:
        return None
    out = rows[0]
    out["partners"] = fetch(cur, """
        SELECT other AS code, count(*) FILTER (WHERE dir = 'out') AS as_source,
               count(*) FILTER (WHERE dir = 'in') AS as_target, count(*) AS events
        FROM (SELECT e.target_actor AS other, 'out' AS dir FROM events e
              WHERE e.current AND e.source_actor = ? AND e.target_actor IS NOT NULL
              UNION ALL
              SELECT e.source_actor, 'in' FROM events e WHERE e.current AND e.target_actor = ?)
        GROUP BY other ORDER BY events DESC, code LIMIT 50""", [code, code])
    out["types"] = fetch(cur, """
        SELECT e.type, count(*) FILTER (WHERE e.source_actor = ?) AS as_source,
               count(*) FILTER (WHERE e.target_actor = ?) AS as_target
        FROM events e WHERE e.current AND (e.source_actor = ? OR e.target_actor = ?)
        GROUP BY e.type ORDER BY count(*) DESC, e.type""", [code] * 4)
    out["sectors"] = fetch(cur, """
        SELECT m.sector, count(*) AS mentions FROM actor_mentions m
        WHERE m.current AND m.code = ? GROUP BY m.sector ORDER BY mentions DESC NULLS LAST""", [code])
    return out


# -- totals -----------------------------------------------------------------------------------------------------------
def count(con: Any, what: str, **filters: Any) -> int:
    """How many rows a list query would give without limit/offset: what = articles | events | quotes | actors."""
    filters.pop("limit", None)
    filters.pop("offset", None)
    try:
        if what == "articles":
            w, base = _articles_where(**filters), "articles a"
        elif what == "events":
            w, base = _events_where(**filters), "events e"
        elif what == "quotes":
            w, base = _quotes_where(**filters), f"quotes u {ARTICLE.format(t='u')}"
        elif what == "actors":
            w, base = _actors_where(**filters), f"({ACTOR_STATS}) s"
        else:
            raise QueryError(f"count: unknown list {what!r}")
    except TypeError as exc:
        raise QueryError(f"count {what}: {exc}") from None
    return connection(con).execute(f"SELECT count(*) FROM {base} WHERE {w.sql}", w.params).fetchone()[0]


def count_articles(con: Any, **filters: Any) -> int:
    return count(con, "articles", **filters)


def count_events(con: Any, **filters: Any) -> int:
    return count(con, "events", **filters)


def count_quotes(con: Any, **filters: Any) -> int:
    return count(con, "quotes", **filters)


def count_actors(con: Any, **filters: Any) -> int:
    return count(con, "actors", **filters)
