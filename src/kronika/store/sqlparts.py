"""Pieces the query modules share: argument checks that turn bad input into QueryError, WHERE building, JSON rows.

Every value reaches SQL as a parameter; the only text spliced into SQL is chosen here from fixed strings.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import duckdb

from kronika.errors import KronikaError
from kronika.plover import TYPES

MODALITIES = ("asserted", "future", "historical", "hypothetical", "negated")
MAX_LIMIT = 10_000


class QueryError(KronikaError, ValueError):
    """A query argument is wrong (unknown type, bad date, negative offset ...): the caller's fault, a 4xx."""


def connection(con_or_store: Any) -> duckdb.DuckDBPyConnection:
    """A cursor of its own for one query (a DuckDB connection must not be used by two threads at once)."""
    con = getattr(con_or_store, "con", con_or_store)
    return con.cursor()


def text_arg(value: Any, name: str, max_len: int = 500) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise QueryError(f"{name} must be text")
    value = value.strip()
    if len(value) > max_len:
        raise QueryError(f"{name} is longer than {max_len} characters")
    return value or None


def date_arg(value: Any, name: str) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (the first day of the year or month); None passes."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        if len(s) == 4 and s.isdigit():
            return date(int(s), 1, 1)
        if len(s) == 7 and s[4] == "-":
            return date(int(s[:4]), int(s[5:]), 1)
        return date.fromisoformat(s[:10]) if len(s) >= 10 else date.fromisoformat(s)
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not {s[:40]!r}") from None


def page_args(limit: Any, offset: Any) -> tuple[int, int]:
    try:
        limit, offset = int(limit), int(offset)
    except (TypeError, ValueError):
        raise QueryError("limit and offset must be whole numbers") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must not be negative")
    return limit, offset


def choices_arg(value: Any, name: str, allowed: tuple[str, ...], upper: bool = False) -> list[str] | None:
    """One value, a comma-separated list or a sequence, each checked against `allowed`."""
    if value is None or value == "" or value == []:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for v in items:
        if not isinstance(v, str):
            raise QueryError(f"{name} must be text")
        v = v.strip().upper() if upper else v.strip().lower()
        if v not in allowed:
            raise QueryError(f"unknown {name} {v[:40]!r}; expected one of {', '.join(allowed)}")
        out.append(v)
    return out


def type_arg(value: Any) -> list[str] | None:
    return choices_arg(value, "event type", TYPES, upper=True)


def modality_arg(value: Any) -> list[str] | None:
    return choices_arg(value, "modality", MODALITIES)


def actor_arg(value: Any, name: str = "actor") -> str | None:
    v = text_arg(value, name, max_len=40)
    return v.upper() if v else None


class Where:
    """AND-ed conditions with their parameters, in order."""

    def __init__(self, *conds: str) -> None:
        self.parts: list[str] = list(conds)
        self.params: list[Any] = []

    def add(self, cond: str, *params: Any) -> None:
        self.parts.append(cond)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(f"({p})" for p in self.parts) or "TRUE"


def arrow_reader(cur: duckdb.DuckDBPyConnection, batch_rows: int = 100_000):
    """The executed query's rows as a pyarrow RecordBatchReader (to_arrow_reader from DuckDB 1.4, older name before)."""
    method = getattr(cur, "to_arrow_reader", None) or cur.fetch_record_batch
    return method(batch_rows)


def jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def fetch(cur: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """Rows as JSON-ready dicts (dates as ISO strings)."""
    cur.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [{n: jsonable(v) for n, v in zip(names, row)} for row in cur.fetchall()]
