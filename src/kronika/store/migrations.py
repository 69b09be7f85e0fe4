"""Schema versions: create a new store from schema.sql, bring an older one up to date step by step.

schema.sql always holds the whole current schema (its first line names the version); MIGRATIONS holds, for every
version after 1, the step that turns the previous version into it. A store records its version in `schema_version`;
opening it for writing applies the missing steps, each in its own transaction, so a crash mid-migration leaves the
store at the last complete version.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources

import duckdb

from kronika.errors import KronikaError

Step = Callable[[duckdb.DuckDBPyConnection], None]


def schema_sql() -> str:
    return resources.files("kronika.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _declared_version(sql: str) -> int:
    m = re.search(r"schema_version:\s*(\d+)", sql.splitlines()[0])
    if not m:
        raise RuntimeError("store/schema.sql must start with '-- ... schema_version: N'")
    return int(m.group(1))


SCHEMA_VERSION = _declared_version(schema_sql())

# version -> the step from version-1 to version. Example for a future v2:
#   2: lambda con: con.execute("ALTER TABLE events ADD COLUMN context VARCHAR")
MIGRATIONS: dict[int, Step] = {}


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The store's schema version, or None for an empty database."""
    has = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
                      "AND table_schema = current_schema()").fetchone()[0]
    if not has:
        return None
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] if row and row[0] is not None else None


def ensure_schema(con: duckdb.DuckDBPyConnection, read_only: bool = False,
                  target: int | None = None, steps: dict[int, Step] | None = None) -> int:
    """Create or migrate the schema; returns the version the store is at. Read-only stores are only checked."""
    target = SCHEMA_VERSION if target is None else target
    steps = MIGRATIONS if steps is None else steps
    have = stored_version(con)
    if read_only:
        if have is None:
            raise KronikaError("not a kronika store (no schema_version table); create it with `kronika ingest`")
        if have != target:
            raise KronikaError(f"the store has schema version {have}, this kronika reads {target}: "
                               f"open it for writing once (e.g. `kronika ingest` with no new input) to migrate")
        return have
    if have is None:
        con.begin()
        try:
            con.execute(schema_sql())
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [target])
            con.commit()
        except Exception:
            con.rollback()
            raise
        return target
    if have > target:
        raise KronikaError(f"the store has schema version {have}, newer than this kronika ({target}): upgrade kronika")
    for v in range(have + 1, target + 1):
        if v not in steps:
            raise KronikaError(f"no migration to schema version {v}")
        con.begin()
        try:
            steps[v](con)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [v])
            con.commit()
        except Exception:
            con.rollback()
            raise
    return target
