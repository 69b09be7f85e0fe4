"""`kronika ingest | articles | article | events | quotes | actors | relations | export`: the store on the command line.

Query commands print a table by default, or `--format json|csv`. The store is `--db PATH`, else $KRONIKA_DB, else
kronika.duckdb in the current folder. Exit codes as for `analyze` (kronika.errors).
"""
from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kronika.errors import EXIT_OK, EXIT_SKIPPED, KronikaError, UsageError

err = Console(stderr=True, highlight=False, soft_wrap=True)
QUERY_FORMATS = ("table", "json", "csv")
DB_HELP = "the store (default: $KRONIKA_DB, else ./kronika.duckdb)"
Column = tuple[str, Callable[[dict], object]]


def _open(db: Optional[str], read_only: bool = True):
    from kronika.store import Store

    return Store(db, read_only=read_only)


def _check_format(fmt: str) -> None:
    if fmt not in QUERY_FORMATS:
        raise UsageError(f"--format must be one of {', '.join(QUERY_FORMATS)}, not {fmt!r}")


def _query(fn: Callable, *args, **kwargs):
    """Run a query, turning bad arguments into usage errors (exit 2)."""
    from kronika.store.sqlparts import QueryError

    try:
        return fn(*args, **kwargs)
    except QueryError as exc:
        raise UsageError(str(exc)) from None


def _short(text: object, n: int = 90) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _emit(rows: list[dict], fmt: str, cols: list[Column], title: str = "", caption: str = "",
          narrow_skip: tuple[str, ...] = (), csv_cols: list[Column] | None = None) -> None:
    """JSON (the full rows), CSV (the columns) or a table (the columns; on a narrow terminal less `narrow_skip`)."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        cols = csv_cols or cols
        w = csv.writer(sys.stdout)
        w.writerow([c[0] for c in cols])
        for r in rows:
            w.writerow([_csv_cell(get(r)) for _name, get in cols])
        return
    console = Console(highlight=False)
    if not console.is_terminal:      # piped to a file or pager: wide enough that the text column stays readable
        console = Console(highlight=False, width=160)
    if console.width < 120:
        cols = [c for c in cols if c[0] not in narrow_skip]
    t = Table(title=title or None, caption=caption or None, show_edge=False)
    for i, (name, _get) in enumerate(cols):   # short columns stay on one line; the last (text) one wraps
        last = i == len(cols) - 1
        t.add_column(name, no_wrap=not last, overflow="fold" if last else "ellipsis",
                     min_width=24 if last else None)
    for r in rows:
        t.add_row(*[Text(_short(get(r)) if get(r) is not None else "") for _name, get in cols])
    console.print(t)


def _csv_cell(v: object) -> object:
    if v is None:
        return ""
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v


def _caption(shown: int, offset: int, total: int) -> str:
    return f"{offset + 1}–{offset + shown} of {total:,}" if shown else f"none of {total:,}"


def _side(arg: dict | None) -> str:
    if not arg:
        return ""
    return (arg.get("actor") or "?") + (f" {arg['sector']}" if arg.get("sector") else "")


EVENT_COLS: list[Column] = [
    ("date", lambda e: e["event_date"]), ("source", lambda e: _side(e["source"])), ("type", lambda e: e["type"]),
    ("target", lambda e: _side(e["target"])), ("modality", lambda e: e["modality"]),
    ("goldstein", lambda e: e["goldstein"]), ("article", lambda e: e["article_id"]),
    ("span", lambda e: f"{e['start']}-{e['end']}"), ("evidence", lambda e: e["evidence"])]
EVENT_CSV_COLS: list[Column] = [(k, lambda e, k=k: e[k]) for k in (
    "event_id", "event_date", "date_from", "type", "mode", "modality", "confidence", "cameo", "goldstein",
    "quad_class")] + [(f"{side}_{k}", lambda e, side=side, k=k: (e[side] or {}).get(k)) for side in ("source", "target")
                      for k in ("actor", "sector", "text", "start", "end")] + [
    (k, lambda e, k=k: e[k]) for k in ("article_id", "version", "start", "end", "evidence", "title", "url")]
QUOTE_COLS: list[Column] = [
    ("date", lambda q: q["published_date"]), ("speaker", lambda q: q["speaker"]),
    ("actor", lambda q: q["speaker_actor"]), ("kind", lambda q: q["kind"]), ("article", lambda q: q["article_id"]),
    ("span", lambda q: f"{q['start']}-{q['end']}"), ("quote", lambda q: q["text"])]
ACTOR_COLS: list[Column] = [(k, lambda r, k=k: r[k]) for k in
                            ("code", "name", "articles", "mentions", "events_as_source", "events_as_target")]
ARTICLE_COLS: list[Column] = [
    ("published", lambda r: r["published_date"]), ("id", lambda r: r["id"]), ("v", lambda r: r["version"]),
    ("lang", lambda r: r["language"]), ("title", lambda r: r["title"]), ("actors", lambda r: " ".join(r["actors"][:6])),
    ("events", lambda r: r["events"]), ("quotes", lambda r: r["quotes"])]


def register(app: typer.Typer) -> None:
    """Add the store's commands to the main `kronika` app."""
    app.command()(ingest)
    app.command()(articles)
    app.command()(article)
    app.command()(events)
    app.command()(quotes)
    app.command()(actors)
    app.command()(relations)
    app.command("export")(export_cmd)


def ingest(
    paths: List[str] = typer.Argument(..., help="files, folders, or - for stdin (as for analyze)"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    lang: str = typer.Option("auto", "--lang", "-l", help="auto | pl | en"),
    workers: int = typer.Option(1, "--workers", "-w", help="worker processes for the analysis"),
    input_format: str = typer.Option("auto", "--input-format", help="auto | text | jsonl | html | warc | feed"),
) -> None:
    """Analyse articles and store them (safe to interrupt and rerun).

    Articles already stored with the same text are skipped; a changed text becomes a new version.
    """
    from kronika.cli import all_inputs_missing
    from kronika.readers import FORMATS as IN_FORMATS, iter_records

    if input_format not in IN_FORMATS:
        raise UsageError(f"--input-format must be one of {', '.join(IN_FORMATS)}, not {input_format!r}")
    if all_inputs_missing(paths):
        raise UsageError(f"no such file or folder: {', '.join(paths)}")
    progress = _Progress(enabled=err.is_terminal)
    with _open(db, read_only=False) as st:
        try:
            report = st.ingest(iter_records(paths, input_format), lang=lang, workers=workers,
                               on_problem=lambda p: err.print(f"kronika: skipped {p}", markup=False),
                               on_progress=progress.update)
        finally:
            progress.stop()
        err.print(f"kronika: {st.path}: {report}", markup=False)
    stored = report.added + report.new_versions + report.unchanged
    if report.skipped and not stored:
        err.print(f"kronika: no record could be stored ({report.skipped} skipped)")
    raise typer.Exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


class _Progress:
    """A progress line on stderr (terminals only) once an ingest has run a couple of seconds."""

    def __init__(self, enabled: bool) -> None:
        self.enabled, self.t0, self.bar, self.task = enabled, time.monotonic(), None, None

    def update(self, report) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.t0 < 2.0:
                return
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.fields[what]}"), TimeElapsedColumn(),
                                console=err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=None, what="")
        self.bar.update(self.task, what=str(report))

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _list(table: str, filters: dict, limit: int, offset: int, fmt: str, db: Optional[str], cols, **emit_kw) -> None:
    """One page of a table's rows (articles, events, quotes) with its total, printed in the chosen format."""
    from kronika.store import queries

    _check_format(fmt)
    with _open(db) as st:
        rows = _query(getattr(queries, table), st, limit=limit, offset=offset, **filters)
        total = _query(queries.count, st, table, **filters) if fmt == "table" else 0
    _emit(rows, fmt, cols, table, _caption(len(rows), offset, total), **emit_kw)


def articles(
    q: Optional[str] = typer.Option(None, "--q", "-q", help="text in the title or body"),
    actor: Optional[str] = typer.Option(None, "--actor", "-a", help="an actor code the article mentions"),
    since: Optional[str] = typer.Option(None, "--since", help="published on or after YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="published on or before YYYY-MM-DD"),
    limit: int = typer.Option(50, "--limit", "-n"), offset: int = typer.Option(0, "--offset"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List stored articles, newest first."""
    _list("articles", dict(q=q, actor=actor, since=since, until=until), limit, offset, fmt, db, ARTICLE_COLS)


def article(
    article_id: str = typer.Argument(..., help="the article's id"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Print one stored article with all its annotations as JSON."""
    from kronika.store import queries

    with _open(db) as st:
        found = _query(queries.article, st, article_id)
    if found is None:
        raise KronikaError(f"no article {article_id!r} in the store")
    sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")


def events(
    actor: Optional[str] = typer.Option(None, "--actor", "-a", help="source or target actor code"),
    source: Optional[str] = typer.Option(None, "--source", help="source actor code"),
    target: Optional[str] = typer.Option(None, "--target", help="target actor code"),
    type_: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER type(s), comma-separated"),
    modality: Optional[str] = typer.Option(None, "--modality", "-m", help="modality(ies), comma-separated"),
    since: Optional[str] = typer.Option(None, "--since", help="on or after YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="on or before YYYY-MM-DD"),
    text: Optional[str] = typer.Option(None, "--text", help="words in the evidence sentence"),
    limit: int = typer.Option(100, "--limit", "-n"), offset: int = typer.Option(0, "--offset"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List stored events, newest first."""
    filters = dict(actor=actor, source=source, target=target, type=type_, modality=modality, since=since,
                   until=until, text=text)
    _list("events", filters, limit, offset, fmt, db, EVENT_COLS, narrow_skip=("goldstein", "span", "modality"),
          csv_cols=EVENT_CSV_COLS)


def quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="part of the speaker's name"),
    actor: Optional[str] = typer.Option(None, "--actor", "-a", help="the speaker's actor code"),
    outlet: Optional[str] = typer.Option(None, "--outlet", "-o", help="the article's site or a medium it cites"),
    text: Optional[str] = typer.Option(None, "--text", help="words in the quote"),
    limit: int = typer.Option(100, "--limit", "-n"), offset: int = typer.Option(0, "--offset"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List stored quotes, newest first."""
    _list("quotes", dict(speaker=speaker, actor=actor, outlet=outlet, text=text), limit, offset, fmt, db, QUOTE_COLS,
          narrow_skip=("span", "kind", "actor"))


def actors(
    q: Optional[str] = typer.Option(None, "--q", "-q", help="part of a code or name"),
    limit: int = typer.Option(100, "--limit", "-n"), offset: int = typer.Option(0, "--offset"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List the actors in the store, most mentioned first."""
    from kronika.store import queries

    _check_format(fmt)
    with _open(db) as st:
        rows = _query(queries.actors, st, limit=limit, offset=offset, q=q)
        total = _query(queries.count, st, "actors", q=q) if fmt == "table" else 0
    _emit(rows, fmt, ACTOR_COLS, "actors", _caption(len(rows), offset, total))


def relations(
    a: str = typer.Argument(..., help="actor code, e.g. RUS"),
    b: str = typer.Argument(..., help="actor code, e.g. UKR"),
    by: str = typer.Option("month", "--by", help="day | week | month | year"),
    since: Optional[str] = typer.Option(None, "--since", help="on or after YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="on or before YYYY-MM-DD"),
    modality: Optional[str] = typer.Option("asserted,future,historical", "--modality", "-m",
                                           help="modalities counted, comma-separated"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """How the relation between two actors moves, per period.

    Events each way, by PLOVER type, a cooperation-conflict score (mean Goldstein, -10..+10; quad score -1..+1)
    and example sentences with their article ids.
    """
    from kronika.store import queries

    _check_format(fmt)
    with _open(db) as st:
        rows = _query(queries.relations, st, a, b, by=by, since=since, until=until, modalities=modality)
    cols: list[Column] = [
        ("period", lambda r: r["period"]), ("events", lambda r: r["events"]),
        (f"{r_a(a)}→{r_a(b)}", lambda r: r["a_to_b"]), (f"{r_a(b)}→{r_a(a)}", lambda r: r["b_to_a"]),
        ("score", lambda r: r["score"]), ("quad", lambda r: r["quad_score"]),
        ("types", lambda r: r["types"] if fmt == "csv" else " ".join(f"{k}:{v}" for k, v in r["types"].items())),
        ("example", lambda r: r["examples"] if fmt == "csv" else
         (f"[{r['examples'][0]['article_id']}] {r['examples'][0]['evidence']}" if r["examples"] else ""))]
    _emit(rows, fmt, cols, f"{r_a(a)} ↔ {r_a(b)} by {by}",
          "score: mean Goldstein (-10 conflict … +10 cooperation); quad: (coop − conflict) / events",
          narrow_skip=("quad", "types"))


def r_a(code: str) -> str:
    return code.strip().upper()


def export_cmd(
    fmt: str = typer.Option(..., "--format", "-f", help="plover (JSON Lines) | gdelt (TSV) | parquet | csv"),
    out: str = typer.Option(..., "--out", "-o", help="a file (plover, gdelt) or a folder (parquet, csv)"),
    all_versions: bool = typer.Option(False, "--all-versions", help="every stored version, not only the current"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write the store out for other tools: PLOVER/POLECAT JSON, GDELT 2.0 event TSV, Parquet or CSV tables."""
    from kronika.store import exports

    with _open(db) as st:
        counts = _query(exports.export, st, fmt, out, all_versions=all_versions)
    err.print(f"kronika: wrote {out}: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()), markup=False)
