"""The store: one DuckDB file holding every analysed article, its versions and its facts.

Writes go in small batches, each one transaction: a process killed at any moment (even SIGKILL) leaves only whole
articles behind, and running the same ingest again skips what was stored (same id and text) and completes the rest.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from kronika.errors import KronikaError, Problem
from kronika.records import Record
from kronika.store.migrations import ensure_schema
from kronika.store.rows import TABLES, content_hash, record_rows
from kronika.store.sqlparts import arrow_reader

DEFAULT_DB = "kronika.duckdb"
ENV_DB = "KRONIKA_DB"


def default_path() -> Path:
    """Where the store lives unless told: $KRONIKA_DB, else kronika.duckdb in the current folder."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


@dataclass
class IngestReport:
    """What an ingest did: new articles, articles seen before with the same text, changed texts, bad records."""

    added: int = 0
    unchanged: int = 0
    new_versions: int = 0
    skipped: int = 0

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return (f"{self.added} added, {self.new_versions} new versions, {self.unchanged} unchanged, "
                f"{self.skipped} skipped")


class Store:
    """An open store (`with Store(path) as st: ...`); creates the schema or migrates it when opened for writing."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        memory = str(self.path) == ":memory:"
        if read_only and not memory and not self.path.exists():
            raise KronikaError(f"no store at {self.path}: create it with `kronika ingest PATH... --db {self.path}`")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only and not memory)
        except duckdb.Error as exc:
            msg = str(exc).splitlines()[0]
            if "lock" in msg.lower():
                msg = "another process has it open for writing"
            raise KronikaError(f"cannot open the store {self.path}: {msg}") from None
        try:
            ensure_schema(self.con, read_only=read_only and not memory)
        except Exception:
            self.con.close()
            raise
        self._latest: dict[str, tuple[int, str]] | None = None
        self._schemas: dict[str, pa.Schema] = {}
        self.batch_size = 64          # articles per transaction at most
        self.batch_seconds = 2.0      # ... and at most this long between commits (a kill loses no more)
        self.before_commit: Callable[[], None] | None = None   # test seam: called inside each write transaction

    # -- life cycle -----------------------------------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------------------------------
    def add_record(self, record: dict) -> str:
        """Store one analysed record (an output record with its "text"): 'added', 'new_version' or 'unchanged'."""
        report = self.add_records([record])
        return "added" if report.added else "new_version" if report.new_versions else "unchanged"

    def add_records(self, records: Iterable[dict]) -> IngestReport:
        """Store analysed records (output records with "text"), in batches; returns the counts."""
        report = IngestReport()
        batch = _Batch(self, report)
        try:
            for rec in records:
                batch.add(rec)
        except BaseException:
            batch.abandon()
            raise
        batch.flush()
        return report

    def ingest(self, items: Iterable[Record | Problem], lang: str = "auto", workers: int = 1,
               on_problem: Callable[[Problem], None] | None = None,
               on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Analyse and store records from a reader; articles already stored with the same text are not analysed again.

        Bad records (reader Problems, analysis failures) are counted as skipped and passed to `on_problem`.
        """
        from kronika.analysis import analyze_stream

        if self.read_only:
            raise KronikaError("the store is open read-only")
        latest = self._latest_map()
        seen_before = [0]     # counted in the reader thread when workers > 1; read after the stream ends

        def fresh(stream: Iterable[Record | Problem]):
            for it in stream:
                if isinstance(it, Record):
                    known = latest.get(it.id)
                    if known is not None and known[1] == content_hash(it.text):
                        seen_before[0] += 1
                        continue
                yield it

        report = IngestReport()
        batch = _Batch(self, report)
        try:
            for item, result in analyze_stream(fresh(items), lang=lang, workers=workers):
                if isinstance(result, Problem):
                    report.skipped += 1
                    if on_problem is not None:
                        on_problem(result)
                else:
                    text = item.text if isinstance(item, Record) else result.get("text", "")
                    batch.add(dict(result, text=text, id=result.get("id") or getattr(item, "id", None)))
                if on_progress is not None:
                    on_progress(report)
        except BaseException:       # interrupted: the batch in flight still commits whole, the buffer is dropped
            batch.abandon()
            raise
        batch.flush()
        report.unchanged += seen_before[0]
        return report

    def _latest_map(self) -> dict[str, tuple[int, str]]:
        """id -> (current version, its content hash), loaded once per Store and kept up to date by writes."""
        if self._latest is None:
            rows = self.con.execute("SELECT id, version, content_hash FROM articles WHERE current").fetchall()
            self._latest = {r[0]: (r[1], r[2]) for r in rows}
        return self._latest

    def _schema(self, table: str) -> pa.Schema:
        """The table's arrow schema (rows are inserted as arrow tables of exactly these columns)."""
        if table not in self._schemas:
            cur = self.con.execute(f"SELECT * FROM {table} LIMIT 0")
            self._schemas[table] = arrow_reader(cur).schema
        return self._schemas[table]

    def _write(self, items: list[tuple[dict, str, int]], con: duckdb.DuckDBPyConnection | None = None) -> None:
        """One transaction: the given article versions with all their facts, older versions marked not current."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        last = {}
        for rec, _h, v in items:
            last[str(rec["id"])] = max(v, last.get(str(rec["id"]), 0))
        rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        for rec, digest, v in items:
            for t, rs in record_rows(rec, digest, v, last[str(rec["id"])] == v, now).items():
                rows[t].extend(rs)
        superseded = [aid for rec, _h, v in items if v > 1 for aid in [str(rec["id"])]]
        con = con or self.con
        con.begin()
        try:
            if superseded:
                ids = [sorted(set(superseded))]
                con.execute("UPDATE articles SET current = false WHERE current AND list_contains(?, id)", ids)
                for t in TABLES[1:]:      # fixed names
                    con.execute(f"UPDATE {t} SET current = false WHERE current AND list_contains(?, article_id)", ids)
            for t in TABLES:
                if rows[t]:
                    con.register("_kronika_rows", pa.Table.from_pylist(rows[t], schema=self._schemas[t]))
                    try:
                        con.execute(f"INSERT INTO {t} SELECT * FROM _kronika_rows")
                    finally:
                        con.unregister("_kronika_rows")
            if self.before_commit is not None:
                self.before_commit()
            con.commit()
        except BaseException:
            con.rollback()
            raise


class _Batch:
    """Buffers analysed records and writes them a batch (one transaction) at a time, deciding versions as it goes.

    Batches are written by one background thread on a cursor of its own (DuckDB works without the GIL), so that
    writing overlaps the analysis of the next articles; at most one batch is in flight, and `flush` waits for it.
    """

    def __init__(self, store: Store, report: IngestReport) -> None:
        if store.read_only:
            raise KronikaError("the store is open read-only")
        self.store, self.report = store, report
        self.items: list[tuple[dict, str, int]] = []
        self.started = 0.0
        for t in TABLES:
            store._schema(t)                 # cached here, so that the writer thread never touches store.con
        self.cursor = store.con.cursor()
        self.pool: ThreadPoolExecutor | None = None
        self.pending: Future | None = None

    def add(self, rec: dict) -> None:
        if not rec.get("id"):
            raise KronikaError("a record to store needs an id")
        rid = str(rec["id"])
        digest = content_hash(rec.get("text") or "")
        latest = self.store._latest_map()
        known = latest.get(rid)
        if known is not None and known[1] == digest:
            self.report.unchanged += 1
            return
        version = 1 if known is None else known[0] + 1
        latest[rid] = (version, digest)
        if known is None:
            self.report.added += 1
        else:
            self.report.new_versions += 1
        if not self.items:
            self.started = time.monotonic()
        self.items.append((rec, digest, version))
        if len(self.items) >= self.store.batch_size or time.monotonic() - self.started >= self.store.batch_seconds:
            self._submit()

    def _submit(self) -> None:
        items, self.items = self.items, []
        self._wait()
        if self.pool is None:
            self.pool = ThreadPoolExecutor(1, thread_name_prefix="kronika-store")
        self.pending = self.pool.submit(self.store._write, items, self.cursor)

    def _wait(self) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            try:
                pending.result()
            except BaseException:
                self.store._latest = None    # what we believed was queued is not stored: reload on the next write
                raise

    def abandon(self) -> None:
        """Drop the buffer, let the batch in flight finish (or fail) whole, and release the writer."""
        self.items = []
        try:
            self._wait()
        except BaseException:
            pass
        finally:
            self.flush()
            self.store._latest = None        # it counted the dropped records as stored: reload on the next write

    def flush(self) -> None:
        """Write what is buffered and wait until every batch is committed (raises a writer's error)."""
        try:
            if self.items:
                self._submit()
            self._wait()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True)
                self.pool = None
            self.cursor.close()
