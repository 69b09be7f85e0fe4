"""How the relation between two actors moves over time: per period, events each way, by type, and a score.

The score of a period (`score`) is the mean Goldstein value of its events: -10 (most conflictual) .. +10 (most
cooperative), from each event's CAMEO code (else its PLOVER type's mean; plover/data/types.tsv). `quad_score` is the
PLOVER quad-class balance, (verbal coop + material coop - verbal conflict - material conflict) / n, in -1 .. +1.
Both directions count; an event is placed at its event_date (the text's date for it, else the article's publication
date); events without a date are left out. Only current article versions are read.
"""
from __future__ import annotations

from typing import Any

from kronika.store.sqlparts import QueryError, Where, actor_arg, connection, date_arg, fetch, modality_arg

PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
EXAMPLES = 3


def relations(con: Any, a: str, b: str, by: str = "month", since: str | None = None, until: str | None = None,
              modalities: tuple[str, ...] | list[str] | str | None = ("asserted", "future", "historical"),
              examples: int = EXAMPLES) -> list[dict]:
    """One row per period with events between `a` and `b` (either direction), oldest first.

    Row: period (label), period_start (ISO date), events, a_to_b, b_to_a, types {TYPE: n},
    types_a_to_b, types_b_to_a, quads {quad class: n}, score (mean Goldstein or None), quad_score, and up to
    `examples` evidence examples (event_id, article_id, start, end, evidence, type, direction, modality, event_date):
    the period's most confident events (then the largest |Goldstein|), listed oldest first.
    """
    a, b = actor_arg(a, "actor A"), actor_arg(b, "actor B")
    if not a or not b:
        raise QueryError("relations needs two actor codes")
    if a == b:
        raise QueryError("relations needs two different actors")
    if by not in PERIODS:
        raise QueryError(f"by must be one of {', '.join(PERIODS)}, not {str(by)[:20]!r}")
    if not 0 <= int(examples) <= 20:
        raise QueryError("examples must be between 0 and 20")
    # One side's events: equality filters that DuckDB pushes into the scan, so that the wide columns (evidence)
    # are read only for matching rows. Both directions are a UNION ALL of the two sides.
    w = Where("e.current", "e.event_date IS NOT NULL", "e.source_actor = ?", "e.target_actor = ?")
    if (mods := modality_arg(modalities)) is not None:
        w.add("list_contains(?, e.modality)", mods)
    if (s := date_arg(since, "since")) is not None:
        w.add("e.event_date >= ?", s)
    if (u := date_arg(until, "until")) is not None:
        w.add("e.event_date <= ?", u)
    # placeholders of one side: the CASE's actor A, then source, target, then the other filters
    params = [a, a, b] + w.params + [a, b, a] + w.params

    def side(cols: str) -> str:
        # `by` is one of the fixed keys of PERIODS (checked above), so splicing it is safe
        return (f"SELECT date_trunc('{by}', e.event_date)::DATE AS period_start, "
                f"CASE WHEN e.source_actor = ? THEN 'a_to_b' ELSE 'b_to_a' END AS direction, {cols} "
                f"FROM events e WHERE {w.sql}")

    base = side("e.event_id, e.article_id, e.start_char, e.end_char, e.evidence, e.type, e.quad_class, e.modality, "
                "e.event_date, e.confidence, e.goldstein")
    # counts per (period, direction, type) and, per period, the `examples` best events by confidence,
    # then |Goldstein|, then the earliest date (top-n arg_max; the key is a struct compared field by field)
    example = ("{'event_id': event_id, 'article_id': article_id, 'start': start_char, 'end': end_char, "
               "'evidence': evidence, 'type': type, 'direction': direction, 'modality': modality, "
               "'event_date': event_date}")
    key = ("{'c': coalesce(confidence, -1), 'g': coalesce(abs(goldstein), -1), 'd': -epoch(event_date), "
           "'id': event_id}")
    groups = fetch(connection(con), f"""
        WITH base AS MATERIALIZED ({base} UNION ALL {base})
        SELECT period_start, direction, type, quad_class, count(*) AS n, sum(goldstein) AS gs,
               count(goldstein) AS ngs, NULL AS examples
        FROM base GROUP BY ALL
        UNION ALL
        SELECT period_start, NULL, NULL, NULL, 0, 0, 0, arg_max({example}, {key}, ?)
        FROM base GROUP BY period_start
        ORDER BY period_start, direction NULLS FIRST""", params + [max(int(examples), 1)])
    rows: dict[str, dict] = {}
    for g in groups:
        row = rows.get(g["period_start"])
        if row is None:
            row = rows[g["period_start"]] = _empty(g["period_start"], by, a, b)
        if g["direction"] is None:      # the period's own row: its examples, oldest first
            if examples:
                row["examples"] = sorted(g["examples"] or [], key=lambda e: (e["event_date"], e["event_id"]))
            continue
        n = g["n"]
        row["events"] += n
        row[g["direction"]] += n
        row["types"][g["type"]] = row["types"].get(g["type"], 0) + n
        side = row[f"types_{g['direction']}"]
        side[g["type"]] = side.get(g["type"], 0) + n
        if g["quad_class"] in row["quads"]:
            row["quads"][g["quad_class"]] += n
        row["_gs"] += g["gs"] or 0.0
        row["_ngs"] += g["ngs"]
    out = []
    for row in rows.values():
        gs, ngs = row.pop("_gs"), row.pop("_ngs")
        q = row["quads"]
        row["score"] = round(gs / ngs, 3) if ngs else None
        row["quad_score"] = round((q["verbal_cooperation"] + q["material_cooperation"] - q["verbal_conflict"]
                                   - q["material_conflict"]) / row["events"], 3)
        row["types"] = dict(sorted(row["types"].items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(row)
    return out


def _empty(start: str, by: str, a: str, b: str) -> dict:
    from datetime import date

    d = date.fromisoformat(start)
    return {"period": d.strftime(PERIODS[by]), "period_start": start, "a": a, "b": b, "events": 0, "a_to_b": 0,
            "b_to_a": 0, "types": {}, "types_a_to_b": {}, "types_b_to_a": {}, "quads": dict.fromkeys(QUADS, 0),
            "score": None, "quad_score": None, "examples": [], "_gs": 0.0, "_ngs": 0}
